//! The CSV export of bookings for spreadsheets (the Excel rules are in `crate::excel_csv`),
//! written row by row as the bookings are read ([`Store::write_export_csv`]).

use std::io::Write;

use chrono::NaiveDate;

use super::Store;
use super::bookings::Booking;
use super::error::StoreError;
use crate::dataset::Dataset;
use crate::excel_csv::{BOM, field, id_field, push_row};

/// The header row, Japanese with English.
pub const HEADER: [&str; 19] = [
    "予約ID (booking id)",
    "予約番号 (booking code)",
    "利用者番号 (resident)",
    "施設ID (facility id)",
    "施設名 (facility)",
    "種類 (type)",
    "開始日 (first day)",
    "終了日 (last day)",
    "泊数 (nights)",
    "日数 (days)",
    "単位数 (units)",
    "利用料 円 (fee yen)",
    "状態 (status)",
    "期限後取消の計上 (late-cancel units)",
    "端末 (terminal)",
    "登録日時 (booked at)",
    "取消日時 (cancelled at)",
    "予約の後日記録 (booking entered late)",
    "取消の後日記録 (cancellation entered late)",
];

/// The last column of an export from a practice store, on every row.
pub const PRACTICE_HEADER: &str = "練習 (practice)";
/// Its value.
pub const PRACTICE_MARK: &str = "練習データ PRACTICE";

fn time(t: chrono::NaiveDateTime) -> String {
    use chrono::{Datelike, Timelike};
    // Written out rather than through a format string, which is parsed again for every call
    // (a million rows); the same text for every year a store holds.
    if !(0..=9999).contains(&t.year()) {
        return t.format("%Y-%m-%d %H:%M:%S").to_string();
    }
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}:{:02}",
        t.year(),
        t.month(),
        t.day(),
        t.hour(),
        t.minute(),
        t.second()
    )
}

/// The CSV text of `bookings`; `today` decides which booked ones read as used. An export of
/// practice data says so on every row.
pub fn render(
    bookings: &[Booking],
    dataset: Option<&Dataset>,
    today: NaiveDate,
    practice: bool,
) -> String {
    let mut out = head(practice);
    for b in bookings {
        let name = dataset.and_then(|d| d.facility(&b.facility)).map(|f| f.name.as_str());
        out.push_str(&row(b, name, today, practice));
    }
    out
}

/// The byte-order mark and the header row.
fn head(practice: bool) -> String {
    let mut out = String::from(BOM);
    let mut header: Vec<String> = HEADER.map(field).to_vec();
    if practice {
        header.push(field(PRACTICE_HEADER));
    }
    push_row(&mut out, &header);
    out
}

/// One booking's row, its facility named `name`.
fn row(b: &Booking, name: Option<&str>, today: NaiveDate, practice: bool) -> String {
    let mut out = String::new();
    {
        let opt = |v: Option<u32>| v.map(|n| n.to_string()).unwrap_or_default();
        let late = |yes: bool| if yes { "後日記録".to_string() } else { String::new() };
        let mut row = vec![
            id_field(&b.id),
            field(b.code.as_deref().unwrap_or("")),
            id_field(&b.resident),
            id_field(&b.facility),
            field(name.unwrap_or("")),
            field(b.care.name_ja()),
            b.first_day.to_string(),
            b.last_day.to_string(),
            opt(b.nights),
            opt(b.days),
            b.units.to_string(),
            b.fee_yen.to_string(),
            field(b.status_at(today).ja()),
            b.units_charged.to_string(),
            field(&b.terminal),
            time(b.created_at),
            b.cancelled_at.map(time).unwrap_or_default(),
            late(b.entered_late()),
            late(b.cancel_entered_late()),
        ];
        if practice {
            row.push(field(PRACTICE_MARK));
        }
        push_row(&mut out, &row);
    }
    out
}

impl Store {
    /// Every booking as CSV.
    pub fn export_csv(
        &self,
        dataset: Option<&Dataset>,
        today: NaiveDate,
    ) -> Result<String, StoreError> {
        let mut out = Vec::new();
        let name = |id: &str| dataset.and_then(|d| d.facility(id)).map(|f| f.name.clone());
        self.write_export_csv(&mut out, &name, today)?;
        String::from_utf8(out).map_err(|e| self.output_error(e.to_string()))
    }

    /// Writes every booking as CSV to `out` as they are read, in one snapshot, each facility
    /// named by `name`: the same text as [`Store::export_csv`].
    pub fn write_export_csv(
        &self,
        out: &mut dyn Write,
        name: &dyn Fn(&str) -> Option<String>,
        today: NaiveDate,
    ) -> Result<(), StoreError> {
        let practice = self.kind() == super::StoreKind::Practice;
        let tx = self.read()?;
        let io = |e: std::io::Error| self.output_error(e.to_string());
        out.write_all(head(practice).as_bytes()).map_err(io)?;
        self.each_booking(|b| {
            let line = row(&b, name(&b.facility).as_deref(), today, practice);
            out.write_all(line.as_bytes()).map_err(io)
        })?;
        tx.commit().map_err(|e| self.err(e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_written_as_the_format_string_writes_them() {
        for t in ["2026-01-02T03:04:05", "0999-12-31T23:59:59", "2026-11-20T10:00:00"] {
            let t = chrono::NaiveDateTime::parse_from_str(t, "%Y-%m-%dT%H:%M:%S").unwrap();
            assert_eq!(time(t), t.format("%Y-%m-%d %H:%M:%S").to_string());
        }
    }

    #[test]
    fn an_empty_export_is_a_bom_and_a_header() {
        let s = render(&[], None, NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(), false);
        assert!(s.starts_with('\u{feff}'));
        assert!(s.ends_with("\r\n"));
        assert_eq!(s.lines().count(), 1);
    }
}
