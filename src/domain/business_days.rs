//! Business days (開庁日): Monday to Friday, not a public holiday (see [`super::holidays`]) and
//! not in the year-end break 12/29–1/3. Counted for the coupon after an application, and by wards
//! whose cancellation cutoff is a number of business days before the first day (前営業日の11時).
//! Outside `holidays::YEARS` no holiday is known, so only weekends and the break are skipped.

use chrono::{Datelike, NaiveDate, Weekday};

use super::holidays;

/// True for a date in the year-end break, 12/29 to 1/3.
pub fn is_year_end_break(date: NaiveDate) -> bool {
    matches!((date.month(), date.day()), (12, 29..=31) | (1, 1..=3))
}

/// True for a weekday that is not a public holiday and not in the 12/29–1/3 break.
pub fn is_business_day(date: NaiveDate) -> bool {
    !matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
        && !is_year_end_break(date)
        && !holidays::is_holiday(date)
}

/// The `n`-th business day before `date` (which never counts itself); `n == 0` gives `date`.
/// `None` only past the first date chrono can represent.
pub fn nth_before(date: NaiveDate, n: u32) -> Option<NaiveDate> {
    let mut day = date;
    let mut left = n;
    while left > 0 {
        day = day.pred_opt()?;
        if is_business_day(day) {
            left -= 1;
        }
    }
    Some(day)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn the_business_day_before_skips_weekends_holidays_and_the_year_end() {
        // Monday 11/30 → Friday 11/27; Tuesday 11/24 → Friday 11/20 (11/23 勤労感謝の日).
        assert_eq!(nth_before(ymd(2026, 11, 30), 1), Some(ymd(2026, 11, 27)));
        assert_eq!(nth_before(ymd(2026, 11, 24), 1), Some(ymd(2026, 11, 20)));
        // Tuesday 1/5: 1/4 Monday is a business day; two before is 12/28 (the break between).
        assert_eq!(nth_before(ymd(2027, 1, 5), 1), Some(ymd(2027, 1, 4)));
        assert_eq!(nth_before(ymd(2027, 1, 5), 2), Some(ymd(2026, 12, 28)));
        // A Saturday counts back from the Friday before it.
        assert_eq!(nth_before(ymd(2026, 12, 5), 1), Some(ymd(2026, 12, 4)));
        assert_eq!(nth_before(ymd(2026, 12, 5), 3), Some(ymd(2026, 12, 2)));
        assert_eq!(nth_before(ymd(2026, 12, 5), 0), Some(ymd(2026, 12, 5)));
    }
}
