//! The monthly report per facility: what the ward needs to settle with the contracted facilities.
//!
//! A pure function over simple records ([`ReportItem`]); [`of_month`] is the one use case the
//! command line and the app share: the store's sums for the month, named from the dataset.
//!
//! # What is counted, and where
//! - A booking belongs to the month of its **first day**, the month the facility bills. A stay
//!   from 3/31 to 4/2 is reported whole in March (3 days in March's report, none in April's).
//! - **uses** (利用件数): bookings of the month that were not cancelled in time, that is booked,
//!   used or cancelled late (a late cancellation is billed like a use and takes a unit of the
//!   mother's limit). Bookings cancelled in time are not in the report at all.
//! - **stay days / day-care days / visits**: the units of care booked or used (a stay of N nights
//!   is N+1 days). Late cancellations are not care given: their units are not in these columns.
//! - **fees** (利用料): the sum of the fees of booked or used bookings, as fixed at booking time
//!   (0 for exempt households). A late cancellation's fee is not added: the flyer sets no
//!   cancellation charge in yen, and the program never invents an amount.
//! - **late cancellations**: how many, and the units they charged (1 each).
//!
//! Facilities with nothing to report that month are left out. Rows are sorted by facility id;
//! the CLI may reorder them (e.g. in dataset order) since the fields are public.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use std::collections::HashMap;

use crate::dataset::Dataset;
use crate::domain::care::CareType;
use crate::excel_csv;
use crate::store::{Store, StoreError};

/// A calendar month, written `YYYY-MM`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    year: i32,
    month: u32,
}

impl YearMonth {
    /// `None` unless `month` is 1 to 12 and the year is 1 to 9999.
    pub fn new(year: i32, month: u32) -> Option<YearMonth> {
        ((1..=9999).contains(&year) && (1..=12).contains(&month))
            .then_some(YearMonth { year, month })
    }

    /// The month of a date.
    pub fn of(date: NaiveDate) -> YearMonth {
        YearMonth { year: date.year(), month: date.month() }
    }

    pub fn year(self) -> i32 {
        self.year
    }

    pub fn month(self) -> u32 {
        self.month
    }

    /// The 1st of the month.
    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, self.month, 1).expect("a valid month has a 1st")
    }

    /// The last day of the month.
    pub fn last_day(self) -> NaiveDate {
        let (y, m) =
            if self.month == 12 { (self.year + 1, 1) } else { (self.year, self.month + 1) };
        NaiveDate::from_ymd_opt(y, m, 1).and_then(|d| d.pred_opt()).expect("a valid month ends")
    }

    /// Whether `date` is in this month.
    pub fn contains(self, date: NaiveDate) -> bool {
        YearMonth::of(date) == self
    }
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl Serialize for YearMonth {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// A month that is not `YYYY-MM`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("'{0}' is not a month (月): use YYYY-MM, e.g. 2026-04")]
pub struct BadMonth(pub String);

impl FromStr for YearMonth {
    type Err = BadMonth;
    fn from_str(s: &str) -> Result<YearMonth, BadMonth> {
        let bad = || BadMonth(s.to_string());
        let (y, m) = s.split_once('-').ok_or_else(bad)?;
        let digits = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_digit());
        if !digits(y, 4) || !digits(m, 2) {
            return Err(bad());
        }
        YearMonth::new(y.parse().map_err(|_| bad())?, m.parse().map_err(|_| bad())?).ok_or_else(bad)
    }
}

/// A booking's state, as far as the report cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemStatus {
    /// Booked, not yet used.
    Booked,
    /// Booked, and its last day has passed.
    Used,
    /// Cancelled in time: no charge.
    Cancelled,
    /// Cancelled late: `units_charged` units taken from the limit.
    CancelledLate,
}

/// Bookings of one facility, care type and status with first days in one month, reduced to
/// what the report needs: one booking, or the sums of several (the store adds them up in SQL).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportItem {
    pub facility_id: String,
    pub care: CareType,
    /// The first day (of one of them, when several): it places the item in its month.
    pub first_day: NaiveDate,
    /// How many bookings the item stands for.
    pub bookings: u32,
    /// Days (stay, day care) or visits.
    pub units: u32,
    /// The fees fixed at booking time, yen.
    pub fee_yen: u64,
    pub status: ItemStatus,
    /// Units late cancellations charged.
    pub units_charged: u32,
}

/// The counts of one facility, or the totals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Counts {
    /// Bookings not cancelled in time (booked, used, or cancelled late).
    pub uses: u32,
    pub stay_days: u32,
    pub day_care_days: u32,
    pub visits: u32,
    pub fees_yen: u64,
    pub late_cancellations: u32,
    pub late_cancellation_units: u32,
}

impl Counts {
    fn add(&mut self, item: &ReportItem) {
        match item.status {
            ItemStatus::Cancelled => {}
            ItemStatus::Booked | ItemStatus::Used => {
                self.uses += item.bookings;
                match item.care {
                    CareType::Stay => self.stay_days += item.units,
                    CareType::Day => self.day_care_days += item.units,
                    CareType::Visit => self.visits += item.units,
                }
                self.fees_yen += item.fee_yen;
            }
            ItemStatus::CancelledLate => {
                self.uses += item.bookings;
                self.late_cancellations += item.bookings;
                self.late_cancellation_units += item.units_charged;
            }
        }
    }

    fn sum(&mut self, other: &Counts) {
        self.uses += other.uses;
        self.stay_days += other.stay_days;
        self.day_care_days += other.day_care_days;
        self.visits += other.visits;
        self.fees_yen += other.fees_yen;
        self.late_cancellations += other.late_cancellations;
        self.late_cancellation_units += other.late_cancellation_units;
    }

    fn is_empty(&self) -> bool {
        *self == Counts::default()
    }
}

/// One facility's line of the report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FacilityRow {
    pub facility_id: String,
    /// Filled in by [`MonthlyReport::name_facilities`]; `None` when unknown.
    pub facility_name: Option<String>,
    #[serde(flatten)]
    pub counts: Counts,
}

/// The report of one month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MonthlyReport {
    /// The 全国地方公共団体コード of the programme, where the dataset gives one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ward_code: Option<String>,
    pub month: YearMonth,
    pub first_day: NaiveDate,
    pub last_day: NaiveDate,
    pub facilities: Vec<FacilityRow>,
    pub totals: Counts,
}

/// The report of `month` over `items` (any months; the others are ignored).
pub fn monthly_report(items: &[ReportItem], month: YearMonth) -> MonthlyReport {
    let mut per: BTreeMap<&str, Counts> = BTreeMap::new();
    for item in items.iter().filter(|i| month.contains(i.first_day)) {
        per.entry(item.facility_id.as_str()).or_default().add(item);
    }
    let mut totals = Counts::default();
    let facilities = per
        .into_iter()
        .filter(|(_, c)| !c.is_empty())
        .map(|(id, counts)| {
            totals.sum(&counts);
            FacilityRow { facility_id: id.to_string(), facility_name: None, counts }
        })
        .collect();
    MonthlyReport {
        ward_code: None,
        month,
        first_day: month.first_day(),
        last_day: month.last_day(),
        facilities,
        totals,
    }
}

/// The CSV header row, Japanese with English.
pub const CSV_HEADER: [&str; 10] = [
    "月 (month)",
    "施設ID (facility id)",
    "施設名 (facility)",
    "利用件数 (uses)",
    "宿泊日数 (stay days)",
    "日帰り日数 (day-care days)",
    "訪問回数 (visits)",
    "利用料合計 円 (fees yen)",
    "期限後取消 件数 (late cancellations)",
    "期限後取消 計上単位 (late-cancel units)",
];

/// The report of `month` from the store, facilities named and in the dataset's order (what
/// `sango report` and the app's report screen show). The store sums the month's bookings in
/// SQL, by facility, type and status, over the index on first days.
pub fn of_month(
    store: &Store,
    ds: &Dataset,
    month: YearMonth,
) -> Result<MonthlyReport, StoreError> {
    let names = ds.facilities.iter().map(|f| (f.id.as_str(), f.name.as_str()));
    let mut rep = of_month_named(store, names, month)?;
    rep.ward_code = ds.programme.ward_code.clone();
    Ok(rep)
}

/// [`of_month`] with only the facilities' ids and names, in dataset order (all the report
/// needs of the dataset: `sango report` reads no more).
pub fn of_month_named<'a>(
    store: &Store,
    facilities: impl Iterator<Item = (&'a str, &'a str)>,
    month: YearMonth,
) -> Result<MonthlyReport, StoreError> {
    let items = store.month_items(month.first_day(), month.last_day())?;
    let mut rep = monthly_report(&items, month);
    // Looked up once each: 2,000 facilities searched per row and per comparison took seconds.
    let mut known: HashMap<&str, (usize, &str)> = HashMap::new();
    for (i, (id, name)) in facilities.enumerate() {
        known.entry(id).or_insert((i, name));
    }
    rep.name_facilities(|id| known.get(id).map(|(_, name)| name.to_string()));
    let position = |id: &str| known.get(id).map_or(usize::MAX, |(i, _)| *i);
    rep.facilities.sort_by(|a, b| {
        position(&a.facility_id)
            .cmp(&position(&b.facility_id))
            .then_with(|| a.facility_id.cmp(&b.facility_id))
    });
    Ok(rep)
}

impl MonthlyReport {
    /// Fills in facility names from `name` (e.g. the dataset).
    pub fn name_facilities(&mut self, name: impl Fn(&str) -> Option<String>) {
        for row in &mut self.facilities {
            row.facility_name = name(&row.facility_id);
        }
    }

    /// The report as CSV for a spreadsheet: UTF-8 with a byte-order mark, CRLF line ends, a
    /// header row, one row per facility, and a last row of totals (facility id empty, name
    /// `合計 (total)`).
    pub fn to_csv(&self) -> String {
        let mut out = String::from(excel_csv::BOM);
        let mut line = |cells: Vec<String>| {
            let cells: Vec<String> = cells.iter().map(|c| excel_csv::field(c)).collect();
            excel_csv::push_row(&mut out, &cells);
        };
        let mut header: Vec<String> = CSV_HEADER.iter().map(|h| h.to_string()).collect();
        if self.ward_code.is_some() {
            header.push(crate::store::csv::WARD_CODE_HEADER.to_string());
        }
        line(header);
        let row = |id: &str, name: &str, c: &Counts| {
            let mut cells = vec![
                self.month.to_string(),
                id.to_string(),
                name.to_string(),
                c.uses.to_string(),
                c.stay_days.to_string(),
                c.day_care_days.to_string(),
                c.visits.to_string(),
                c.fees_yen.to_string(),
                c.late_cancellations.to_string(),
                c.late_cancellation_units.to_string(),
            ];
            cells.extend(self.ward_code.clone());
            cells
        };
        for f in &self.facilities {
            line(row(&f.facility_id, f.facility_name.as_deref().unwrap_or(""), &f.counts));
        }
        line(row("", "合計 (total)", &self.totals));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn item(fac: &str, care: CareType, first: &str, units: u32, status: ItemStatus) -> ReportItem {
        let per = match care {
            CareType::Stay => 3300,
            CareType::Day => 2500,
            CareType::Visit => 1000,
        };
        ReportItem {
            facility_id: fac.to_string(),
            care,
            first_day: d(first),
            bookings: 1,
            units,
            fee_yen: u64::from(per * units),
            status,
            units_charged: u32::from(status == ItemStatus::CancelledLate),
        }
    }

    fn april() -> YearMonth {
        "2026-04".parse().unwrap()
    }

    #[test]
    fn months_parse_and_print() {
        let m = april();
        assert_eq!((m.year(), m.month()), (2026, 4));
        assert_eq!(m.to_string(), "2026-04");
        assert_eq!(m.first_day(), d("2026-04-01"));
        assert_eq!(m.last_day(), d("2026-04-30"));
        let feb: YearMonth = "2028-02".parse().unwrap();
        assert_eq!(feb.last_day(), d("2028-02-29"));
        let dec: YearMonth = "2026-12".parse().unwrap();
        assert_eq!(dec.last_day(), d("2026-12-31"));
        for bad in ["2026-4", "2026-13", "2026-00", "202604", "2026/04", "26-04", "2026-04-01", ""]
        {
            assert!(bad.parse::<YearMonth>().is_err(), "{bad}");
        }
        assert!(BadMonth("x".into()).to_string().contains("YYYY-MM"));
    }

    #[test]
    fn counts_per_facility_and_type() {
        use CareType::*;
        use ItemStatus::*;
        let items = vec![
            item("a", Stay, "2026-04-03", 2, Used),
            item("a", Stay, "2026-04-20", 4, Booked),
            item("a", Day, "2026-04-21", 1, Booked),
            item("b", Visit, "2026-04-01", 1, Used),
            item("b", Visit, "2026-04-30", 1, Booked),
        ];
        let r = monthly_report(&items, april());
        assert_eq!(r.facilities.len(), 2);
        let a = &r.facilities[0];
        assert_eq!(a.facility_id, "a");
        assert_eq!(
            a.counts,
            Counts {
                uses: 3,
                stay_days: 6,
                day_care_days: 1,
                visits: 0,
                fees_yen: 6 * 3300 + 2500,
                late_cancellations: 0,
                late_cancellation_units: 0
            }
        );
        let b = &r.facilities[1];
        assert_eq!((b.counts.uses, b.counts.visits, b.counts.fees_yen), (2, 2, 2000));
        assert_eq!(r.totals.uses, 5);
        assert_eq!(r.totals.fees_yen, 6 * 3300 + 2500 + 2000);
    }

    #[test]
    fn cancellations_in_time_are_left_out_and_late_ones_count_as_uses_without_fees() {
        use CareType::*;
        use ItemStatus::*;
        let items = vec![
            item("a", Stay, "2026-04-10", 4, Cancelled),
            item("a", Stay, "2026-04-12", 2, CancelledLate),
            item("a", Visit, "2026-04-13", 1, CancelledLate),
            item("c", Day, "2026-04-14", 2, Cancelled),
        ];
        let r = monthly_report(&items, april());
        assert_eq!(r.facilities.len(), 1, "c had only a cancellation in time");
        let a = r.facilities[0].counts;
        assert_eq!(a.uses, 2);
        assert_eq!((a.stay_days, a.visits, a.fees_yen), (0, 0, 0));
        assert_eq!((a.late_cancellations, a.late_cancellation_units), (2, 2));
    }

    #[test]
    fn a_stay_crossing_the_month_end_counts_whole_in_the_month_of_its_first_day() {
        let items = vec![item("a", CareType::Stay, "2026-03-31", 3, ItemStatus::Used)];
        let march = monthly_report(&items, "2026-03".parse().unwrap());
        assert_eq!(march.facilities[0].counts.stay_days, 3);
        assert_eq!(march.facilities[0].counts.fees_yen, 9900);
        let april = monthly_report(&items, april());
        assert!(april.facilities.is_empty());
        assert_eq!(april.totals, Counts::default());
    }

    #[test]
    fn other_months_and_years_are_ignored() {
        let items = vec![
            item("a", CareType::Day, "2025-04-15", 1, ItemStatus::Used),
            item("a", CareType::Day, "2026-05-01", 1, ItemStatus::Booked),
            item("a", CareType::Day, "2026-04-30", 1, ItemStatus::Booked),
        ];
        let r = monthly_report(&items, april());
        assert_eq!(r.totals.day_care_days, 1);
        assert_eq!(r.first_day, d("2026-04-01"));
        assert_eq!(r.last_day, d("2026-04-30"));
    }

    #[test]
    fn json_has_flat_rows_and_the_month_as_text() {
        let mut r = monthly_report(
            &[item("a", CareType::Visit, "2026-04-02", 1, ItemStatus::Used)],
            april(),
        );
        r.name_facilities(|id| (id == "a").then(|| "さくら助産院".to_string()));
        let v = serde_json::to_value(&r).unwrap();
        assert_eq!(v["month"], "2026-04");
        assert_eq!(v["first_day"], "2026-04-01");
        assert_eq!(v["facilities"][0]["facility_name"], "さくら助産院");
        assert_eq!(v["facilities"][0]["visits"], 1);
        assert_eq!(v["facilities"][0]["fees_yen"], 1000);
        assert_eq!(v["totals"]["uses"], 1);
    }

    #[test]
    fn csv_has_a_bom_a_header_a_row_per_facility_and_totals() {
        use CareType::*;
        use ItemStatus::*;
        let mut r = monthly_report(
            &[
                item("b", Day, "2026-04-02", 2, Used),
                item("a", Stay, "2026-04-05", 2, Used),
                item("a", Stay, "2026-04-09", 2, CancelledLate),
            ],
            april(),
        );
        r.name_facilities(|id| match id {
            "a" => Some("東京北医療センター".into()),
            "b" => Some("Cafe, \"Mama\"".into()),
            _ => None,
        });
        let csv = r.to_csv();
        assert!(csv.starts_with('\u{feff}'));
        let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').split("\r\n").collect();
        assert_eq!(lines.len(), 5, "{csv}");
        assert_eq!(lines[0], CSV_HEADER.join(","));
        assert_eq!(lines[1], "2026-04,a,東京北医療センター,2,2,0,0,6600,1,1");
        assert_eq!(lines[2], "2026-04,b,\"Cafe, \"\"Mama\"\"\",1,0,2,0,5000,0,0");
        assert_eq!(lines[3], "2026-04,,合計 (total),3,2,2,0,11600,1,1");
        assert_eq!(lines[4], "");
    }

    #[test]
    fn an_empty_month_has_only_the_header_and_zero_totals() {
        let r = monthly_report(&[], april());
        assert!(r.facilities.is_empty());
        let csv = r.to_csv();
        assert_eq!(csv.matches("\r\n").count(), 2);
        assert!(csv.contains("合計 (total),0,0,0,0,0,0,0"));
    }
}
