//! The CSV export of bookings for spreadsheets (the Excel rules are in `crate::excel_csv`),
//! written row by row as the bookings are read ([`Store::write_export_csv`]).

use std::io::Write;
use std::sync::LazyLock;

use chrono::NaiveDate;

use super::Store;
use super::bookings::Booking;
use super::bookings::Status;
use super::error::StoreError;
use crate::dataset::Dataset;
use crate::domain::care::CareType;
use crate::excel_csv::{BOM, field, id_field, push_field, push_row};
use crate::i18n::{Locale::Ja, words};

/// The ward's Japanese words for the care types and statuses, looked up once: an export writes
/// them on every row.
static CARE: LazyLock<[String; 3]> = LazyLock::new(|| {
    [CareType::Stay, CareType::Day, CareType::Visit].map(|c| words::care_name(Ja, c))
});
static STATUS: LazyLock<[String; 5]> = LazyLock::new(|| {
    [Status::Booked, Status::Cancelled, Status::CancelledLate, Status::NoShow, Status::Used]
        .map(|s| words::status(Ja, s))
});

fn care_name(c: CareType) -> &'static str {
    // Declared in this order, so the discriminant is the index.
    &CARE[c as usize]
}

fn status_name(s: Status) -> &'static str {
    &STATUS[s as usize]
}

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
/// The column of the programme's 全国地方公共団体コード, where the dataset gives one.
pub const WARD_CODE_HEADER: &str = "区コード (ward code)";

/// The columns after a booking's own: the ward's code (when the dataset gives one) and the
/// practice mark (an export of a practice store), the same on every row.
#[derive(Debug, Clone, Copy)]
pub struct Trailing<'a> {
    pub ward_code: Option<&'a str>,
    pub practice: bool,
}

impl Trailing<'_> {
    fn of<'a>(dataset: Option<&'a Dataset>, practice: bool) -> Trailing<'a> {
        Trailing { ward_code: dataset.and_then(|d| d.programme.ward_code.as_deref()), practice }
    }

    fn header(&self, header: &mut Vec<String>) {
        if self.ward_code.is_some() {
            header.push(field(WARD_CODE_HEADER));
        }
        if self.practice {
            header.push(field(PRACTICE_HEADER));
        }
    }

    /// The trailing fields, each after a comma.
    fn push(&self, out: &mut String) {
        if let Some(code) = self.ward_code {
            out.push(',');
            push_field(out, code);
        }
        if self.practice {
            out.push(',');
            push_field(out, PRACTICE_MARK);
        }
    }
}
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
    let tail = Trailing::of(dataset, practice);
    let mut out = head(tail);
    for b in bookings {
        let name = dataset.and_then(|d| d.facility(&b.facility)).map(|f| f.name.as_str());
        out.push_str(&row(b, name, today, tail));
    }
    out
}

/// The byte-order mark and the header row.
fn head(tail: Trailing) -> String {
    let mut out = String::from(BOM);
    let mut header: Vec<String> = HEADER.map(field).to_vec();
    tail.header(&mut header);
    push_row(&mut out, &header);
    out
}

/// One booking's row, its facility named `name`.
fn row(b: &Booking, name: Option<&str>, today: NaiveDate, tail: Trailing) -> String {
    let mut out = String::new();
    {
        let opt = |v: Option<u32>| v.map(|n| n.to_string()).unwrap_or_default();
        let late = |yes: bool| if yes { "後日記録".to_string() } else { String::new() };
        let row = vec![
            id_field(&b.id),
            field(b.code.as_deref().unwrap_or("")),
            id_field(&b.resident),
            id_field(&b.facility),
            field(name.unwrap_or("")),
            field(care_name(b.care)),
            b.first_day.to_string(),
            b.last_day.to_string(),
            opt(b.nights),
            opt(b.days),
            b.units.to_string(),
            b.fee_yen.to_string(),
            field(status_name(b.status_at(today))),
            b.units_charged.to_string(),
            field(&b.terminal),
            time(b.created_at),
            b.cancelled_at.map(time).unwrap_or_default(),
            late(b.entered_late()),
            late(b.cancel_entered_late()),
        ];
        out.push_str(&row.join(","));
        tail.push(&mut out);
        out.push_str("\r\n");
    }
    out
}

/// A stored moment (`2026-11-20T10:00:00+09:00`) as [`time`] writes it, by its text.
fn push_time(out: &mut String, stored: &str) -> Option<()> {
    let b = stored.as_bytes();
    if b.len() != 25 || b[10] != b'T' || !stored.ends_with("+09:00") {
        return None;
    }
    out.push_str(&stored[..10]);
    out.push(' ');
    out.push_str(&stored[11..19]);
    Some(())
}

/// [`row`] of the booking at the query's row `r` (columns as [`Booking::from_row`] reads
/// them), from the values as SQLite holds them: no `Booking`, one buffer. `None` (and `out`
/// to be cleared) for anything not as this program stores it: then [`row`] decides.
fn fast_row<'a>(
    out: &mut String,
    r: &super::db::Row<'_>,
    name: &dyn Fn(&str) -> Option<&'a str>,
    today: NaiveDate,
    tail: Trailing,
) -> Option<()> {
    use super::bookings::Status;
    use crate::domain::care::CareType;
    use crate::excel_csv::push_id_field;
    let text = |i: usize| r.get::<&str, _>(i).ok();
    let opt_text = |i: usize| r.get::<Option<&str>, _>(i).ok();
    // Numbers as `Booking` reads them (u32), else `row` decides.
    let int = |i: usize| r.get::<u32, _>(i).ok();
    let opt_int = |i: usize| r.get::<Option<u32>, _>(i).ok();
    let moment = |s: &str| super::timefmt::parse(s);
    let (id, resident, facility) = (text(0)?, text(1)?, text(2)?);
    let care: CareType = text(3)?.parse().ok()?;
    let (first_day, last_day) = (text(4)?, text(5)?);
    // Dates as this program stores them: the text of the date read back.
    let date = |s: &str| crate::domain::jst::parse_date(s).filter(|d| d.to_string() == s);
    date(first_day)?;
    let last = date(last_day)?;
    let status = [Status::Booked, Status::Cancelled, Status::CancelledLate]
        .into_iter()
        .find(|s| s.id() == text(10).unwrap_or_default())?;
    let status = if status == Status::Booked && last < today { Status::Used } else { status };
    let (created_at, cancelled_at) = (text(13)?, opt_text(15)?);
    let (recorded_at, cancel_recorded_at) = (opt_text(16)?, opt_text(17)?);
    let late = |at: &str, recorded: Option<&str>| -> Option<bool> {
        Some(match recorded {
            None => false,
            Some(rec) => super::moment::entered_late(moment(at)?, Some(moment(rec)?)),
        })
    };
    let booking_late = late(created_at, recorded_at)?;
    let cancel_late = match cancelled_at {
        None => false,
        Some(at) => late(at, cancel_recorded_at)?,
    };
    let number = |out: &mut String, v: Option<u32>| {
        if let Some(n) = v {
            out.push_str(&n.to_string());
        }
    };
    push_id_field(out, id);
    out.push(',');
    push_field(out, opt_text(18)?.unwrap_or(""));
    out.push(',');
    push_id_field(out, resident);
    out.push(',');
    push_id_field(out, facility);
    out.push(',');
    push_field(out, name(facility).unwrap_or(""));
    out.push(',');
    push_field(out, care_name(care));
    out.push(',');
    out.push_str(first_day);
    out.push(',');
    out.push_str(last_day);
    out.push(',');
    number(out, opt_int(6)?);
    out.push(',');
    number(out, opt_int(7)?);
    out.push(',');
    number(out, Some(int(8)?));
    out.push(',');
    number(out, Some(int(9)?));
    out.push(',');
    push_field(out, status_name(status));
    out.push(',');
    number(out, Some(int(11)?));
    out.push(',');
    push_field(out, text(12)?);
    out.push(',');
    push_time(out, created_at)?;
    out.push(',');
    if let Some(at) = cancelled_at {
        push_time(out, at)?;
    }
    out.push(',');
    if booking_late {
        out.push_str("後日記録");
    }
    out.push(',');
    if cancel_late {
        out.push_str("後日記録");
    }
    tail.push(out);
    out.push_str("\r\n");
    Some(())
}

impl Store {
    /// Every booking as CSV.
    pub fn export_csv(
        &self,
        dataset: Option<&Dataset>,
        today: NaiveDate,
    ) -> Result<String, StoreError> {
        let mut out = Vec::new();
        let name = |id: &str| dataset.and_then(|d| d.facility(id)).map(|f| f.name.as_str());
        let ward_code = dataset.and_then(|d| d.programme.ward_code.as_deref());
        self.write_export_csv(&mut out, &name, ward_code, today)?;
        String::from_utf8(out).map_err(|e| self.output_error(e.to_string()))
    }

    /// Writes every booking as CSV to `out` as they are read, in one snapshot, each facility
    /// named by `name`: the same text as [`Store::export_csv`]. Each row is made from the
    /// query's values as SQLite holds them, into one buffer ([`fast_row`]); a row whose text is
    /// not as this program stores it goes through [`Booking`].
    pub fn write_export_csv<'a>(
        &self,
        out: &mut dyn Write,
        name: &dyn Fn(&str) -> Option<&'a str>,
        ward_code: Option<&str>,
        today: NaiveDate,
    ) -> Result<(), StoreError> {
        let tail = Trailing { ward_code, practice: self.kind() == super::StoreKind::Practice };
        let tx = self.read()?;
        let io = |e: std::io::Error| self.output_error(e.to_string());
        out.write_all(head(tail).as_bytes()).map_err(io)?;
        let mut line = String::with_capacity(512);
        use super::db::EachError;
        tx.query_each(super::bookings::ALL, crate::params![], |r| {
            line.clear();
            if fast_row(&mut line, r, name, today, tail).is_none() {
                let b = Booking::from_row(r)?;
                line = row(&b, name(&b.facility), today, tail);
            }
            out.write_all(line.as_bytes()).map_err(|e| EachError::Stopped(io(e)))
        })
        .map_err(|e| match e {
            EachError::Db(e) => self.err(e),
            EachError::Stopped(e) => e,
        })?;
        tx.commit().map_err(|e| self.err(e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_care_type_and_status_has_its_own_japanese_word() {
        assert_eq!(care_name(CareType::Stay), "ショートステイ（宿泊型）");
        assert_eq!(care_name(CareType::Visit), "アウトリーチ（訪問型）");
        assert_eq!(status_name(Status::Booked), "予約済み");
        assert_eq!(status_name(Status::NoShow), "無断キャンセル");
        assert_eq!(status_name(Status::Used), "利用済み");
    }

    #[test]
    fn times_are_written_as_the_format_string_writes_them() {
        for t in ["2026-01-02T03:04:05", "0999-12-31T23:59:59", "2026-11-20T10:00:00"] {
            let t = chrono::NaiveDateTime::parse_from_str(t, "%Y-%m-%dT%H:%M:%S").unwrap();
            assert_eq!(time(t), t.format("%Y-%m-%d %H:%M:%S").to_string());
        }
    }

    #[test]
    fn each_row_from_the_stored_values_is_the_row_of_the_booking() {
        let ds = crate::synth::dataset(7, 30);
        let until = crate::domain::jst::parse_date("2026-11-01").unwrap();
        let h = crate::synth::history(7, &ds, 300, 1000, until);
        let dir = tempfile::tempdir().unwrap();
        let load = crate::store::bulk::Bulk::create(dir.path()).unwrap();
        {
            let mut w = load.writer().unwrap();
            h.write(&mut w).unwrap();
        }
        let store = load.finish().unwrap();
        // Entered late, the booking and its cancellation; a facility the dataset lacks.
        let mut all = store.bookings(&Default::default()).unwrap();
        let mut late = all[3].clone();
        late.id = ulid::Ulid::new().to_string();
        late.code = None;
        late.facility = "gone".into();
        late.recorded_at = Some(late.created_at + chrono::TimeDelta::hours(2));
        late.status = super::super::bookings::Status::Cancelled;
        late.cancelled_at = Some(late.created_at + chrono::TimeDelta::hours(3));
        late.cancel_recorded_at = Some(late.created_at + chrono::TimeDelta::hours(5));
        super::super::bookings::insert(&store.conn, &late).unwrap();
        all = store.bookings(&Default::default()).unwrap();
        assert!(all.iter().any(|b| b.status.is_cancelled()) && all.len() > 1000);
        for today in ["2024-06-01", "2026-11-20"] {
            let today = crate::domain::jst::parse_date(today).unwrap();
            assert_eq!(
                store.export_csv(Some(&ds), today).unwrap(),
                render(&all, Some(&ds), today, false)
            );
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
