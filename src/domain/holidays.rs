//! Japanese national holidays (国民の祝日), substitute holidays (振替休日) and citizens' holidays
//! (国民の休日), computed for any year in `YEARS`.
//! PLACEHOLDER: signatures only; the holidays helper replaces the bodies.

use std::ops::RangeInclusive;

use chrono::NaiveDate;

/// The years the rules are known for.
pub const YEARS: RangeInclusive<i32> = 1980..=2099;

/// The Japanese name of the holiday on `date`, if it is one.
pub fn holiday_name(date: NaiveDate) -> Option<&'static str> {
    let _ = date;
    None
}

/// True when `date` is a public holiday of any kind.
pub fn is_holiday(date: NaiveDate) -> bool {
    holiday_name(date).is_some()
}

/// Every holiday of `year` in date order; empty outside `YEARS`.
pub fn holidays_in_year(year: i32) -> Vec<(NaiveDate, &'static str)> {
    let _ = year;
    Vec::new()
}
