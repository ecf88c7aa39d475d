//! The CSV export of bookings for spreadsheets (the Excel rules are in `crate::excel_csv`).

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
    t.format("%Y-%m-%d %H:%M:%S").to_string()
}

/// The CSV text of `bookings`; `today` decides which booked ones read as used. An export of
/// practice data says so on every row.
pub fn render(
    bookings: &[Booking],
    dataset: Option<&Dataset>,
    today: NaiveDate,
    practice: bool,
) -> String {
    let mut out = String::from(BOM);
    let mut header: Vec<String> = HEADER.map(field).to_vec();
    if practice {
        header.push(field(PRACTICE_HEADER));
    }
    push_row(&mut out, &header);
    for b in bookings {
        let name = dataset.and_then(|d| d.facility(&b.facility)).map(|f| f.name.as_str());
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
        let practice = self.kind() == super::StoreKind::Practice;
        Ok(render(&self.bookings(&Default::default())?, dataset, today, practice))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_export_is_a_bom_and_a_header() {
        let s = render(&[], None, NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(), false);
        assert!(s.starts_with('\u{feff}'));
        assert!(s.ends_with("\r\n"));
        assert_eq!(s.lines().count(), 1);
    }
}
