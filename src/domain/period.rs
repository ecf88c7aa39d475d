//! Eligibility periods (利用期間): the baby's age counted as Japanese law counts age
//! (年齢計算ニ関スル法律 with 民法143条). The birth date is day 0 (日齢0); the baby reaches N months
//! on the same day of the month N months later, or on the 1st of the following month where that
//! month has no such day. Under 修正月齢 the due date stands in for the birth date.

use chrono::{Datelike, Days, Months, NaiveDate};
use serde::{Deserialize, Serialize};

/// A facility's period for one care type, as the flyer words it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "n", rename_all = "snake_case")]
pub enum Period {
    /// 産後 N 日まで: last day is day 0 + N.
    DaysThrough(u32),
    /// 産後 N 日未満: last day is day 0 + N − 1.
    DaysBefore(u32),
    /// 産後 N か月 0 日まで: last day is the day the baby reaches N months.
    MonthsThrough(u32),
    /// 産後 N か月未満: last day is the day before the baby reaches N months.
    MonthsBefore(u32),
    /// 産後 N 年以内: last day is the day the baby reaches N years (以内 includes the boundary).
    YearsWithin(u32),
}

impl Period {
    /// True when the numbers make sense (a period of 0 would end before it starts).
    pub fn is_sensible(self) -> bool {
        match self {
            Period::DaysThrough(n) => n <= 3660,
            Period::DaysBefore(n) => (1..=3660).contains(&n),
            Period::MonthsThrough(n) => n <= 120,
            Period::MonthsBefore(n) => (1..=120).contains(&n),
            Period::YearsWithin(n) => (1..=10).contains(&n),
        }
    }

    /// The last day of the period for a baby whose day 0 is `day0`.
    pub fn last_day(self, day0: NaiveDate) -> Option<NaiveDate> {
        match self {
            Period::DaysThrough(n) => day0.checked_add_days(Days::new(n.into())),
            Period::DaysBefore(n) => day0.checked_add_days(Days::new(u64::from(n).checked_sub(1)?)),
            Period::MonthsThrough(n) => reaches_months(day0, n),
            Period::MonthsBefore(n) => reaches_months(day0, n)?.pred_opt(),
            Period::YearsWithin(n) => reaches_months(day0, n.checked_mul(12)?),
        }
    }
}

/// The date a baby born (or counted from) `day0` reaches an age of `months` months 0 days.
pub fn reaches_months(day0: NaiveDate, months: u32) -> Option<NaiveDate> {
    let first_of_month = day0.with_day(1)?.checked_add_months(Months::new(months))?;
    match first_of_month.with_day(day0.day()) {
        Some(same_day) => Some(same_day),
        // That month is too short: the period ends with its last day, so the age is reached on
        // the 1st of the month after.
        None => first_of_month.checked_add_months(Months::new(1)),
    }
}

/// Day 0 of the baby's age: the birth date, or the due date under 修正月齢 when it is later.
pub fn day_zero(birth: NaiveDate, due: Option<NaiveDate>, corrected: bool) -> NaiveDate {
    match due {
        Some(due) if corrected && due > birth => due,
        _ => birth,
    }
}

/// The days on which care may take place, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Window {
    pub first_day: NaiveDate,
    pub last_day: NaiveDate,
}

impl Window {
    pub fn contains(&self, day: NaiveDate) -> bool {
        self.first_day <= day && day <= self.last_day
    }

    /// True when every one of `days` consecutive days from `start` is inside.
    pub fn contains_span(&self, start: NaiveDate, days: u32) -> bool {
        let Some(end) = start.checked_add_days(Days::new(u64::from(days.max(1)) - 1)) else {
            return false;
        };
        self.contains(start) && self.contains(end)
    }
}

/// The eligibility window of a period for a mother's baby.
pub fn window(
    period: Period,
    birth: NaiveDate,
    due: Option<NaiveDate>,
    corrected: bool,
) -> Option<Window> {
    let first_day = day_zero(birth, due, corrected);
    let last_day = period.last_day(first_day)?;
    Some(Window { first_day, last_day })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn born_jan_10_reaches_one_month_on_feb_10() {
        assert_eq!(reaches_months(d("2026-01-10"), 1), Some(d("2026-02-10")));
    }

    #[test]
    fn born_oct_31_reaches_four_months_on_march_1() {
        assert_eq!(reaches_months(d("2025-10-31"), 4), Some(d("2026-03-01")));
        // In a leap year February has a 29th but still no 31st.
        assert_eq!(reaches_months(d("2027-10-31"), 4), Some(d("2028-03-01")));
        // Born 10/29: 2/29 exists only in a leap year.
        assert_eq!(reaches_months(d("2027-10-29"), 4), Some(d("2028-02-29")));
        assert_eq!(reaches_months(d("2025-10-29"), 4), Some(d("2026-03-01")));
    }

    #[test]
    fn born_feb_29_reaches_one_year_on_march_1() {
        assert_eq!(Period::YearsWithin(1).last_day(d("2028-02-29")), Some(d("2029-03-01")));
    }

    #[test]
    fn days_through_and_before() {
        let b = d("2026-01-01");
        assert_eq!(Period::DaysThrough(45).last_day(b), Some(d("2026-02-15")));
        assert_eq!(Period::DaysBefore(60).last_day(b), Some(d("2026-03-01")));
        assert_eq!(Period::DaysThrough(120).last_day(b), Some(d("2026-05-01")));
    }

    #[test]
    fn months_through_and_before() {
        let b = d("2026-01-10");
        assert_eq!(Period::MonthsThrough(4).last_day(b), Some(d("2026-05-10")));
        assert_eq!(Period::MonthsBefore(4).last_day(b), Some(d("2026-05-09")));
        assert_eq!(Period::MonthsBefore(4).last_day(d("2025-10-31")), Some(d("2026-02-28")));
    }

    #[test]
    fn one_year_includes_the_boundary() {
        assert_eq!(Period::YearsWithin(1).last_day(d("2026-04-15")), Some(d("2027-04-15")));
    }

    #[test]
    fn corrected_age_counts_from_a_later_due_date_only() {
        let birth = d("2026-01-10");
        let due = d("2026-02-20");
        assert_eq!(day_zero(birth, Some(due), true), due);
        assert_eq!(day_zero(birth, Some(due), false), birth);
        // A due date before the birth (a late baby) never shortens the window.
        assert_eq!(day_zero(birth, Some(d("2026-01-01")), true), birth);
        let w = window(Period::MonthsThrough(4), birth, Some(due), true).unwrap();
        assert_eq!(w.first_day, due);
        assert_eq!(w.last_day, d("2026-06-20"));
    }

    #[test]
    fn every_day_of_a_stay_must_be_inside() {
        let w = window(Period::DaysThrough(45), d("2026-01-01"), None, false).unwrap();
        assert!(w.contains_span(d("2026-02-14"), 2));
        assert!(!w.contains_span(d("2026-02-15"), 2));
        assert!(w.contains_span(d("2026-02-15"), 1));
        assert!(!w.contains(d("2025-12-31")));
    }

    #[test]
    fn a_period_of_nothing_makes_no_sense() {
        assert!(!Period::DaysBefore(0).is_sensible());
        assert!(Period::DaysThrough(45).is_sensible());
    }
}
