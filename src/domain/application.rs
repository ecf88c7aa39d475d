//! Application (事前申請), by the programme's rule (the dataset's `programme.application`; Kita:
//! opens at 28 weeks 0 days of pregnancy, and approval and the coupon take about 10 business
//! days: weekdays that are not public holidays and not 12/29–1/3).
//!
//! With a due date D (= 40w0d) the first day to apply is D − (40 − weeks) × 7 days. A business
//! day is a Monday to Friday that is neither a public holiday (see [`super::holidays`]) nor in the
//! year-end break 12/29–1/3. The coupon is expected on the n-th business day after the application
//! day, which never counts itself, whatever day it is. Outside `holidays::YEARS` no holiday is
//! known, so only weekends and the year-end break are skipped there.

use chrono::{Days, NaiveDate};

pub use super::business_days::{is_business_day, is_year_end_break};

/// Weeks of pregnancy at the due date (40w0d): a fact of pregnancy, not a programme's rule.
pub const DUE_AT_WEEKS: u32 = 40;

/// The first day to apply for a due date D (= 40w0d) when application opens at
/// `opens_at_weeks` weeks of pregnancy (the programme's rule; Kita: 28 weeks, so D − 84 days).
pub fn first_application_day(due: NaiveDate, opens_at_weeks: u32) -> Option<NaiveDate> {
    let weeks_before = DUE_AT_WEEKS.checked_sub(opens_at_weeks)?;
    due.checked_sub_days(Days::new(u64::from(weeks_before) * 7))
}

/// The day the coupon is expected: `n` business days after the application day.
/// The application day itself never counts; `n == 0` gives the application day back.
/// `None` only when the count runs past the last date chrono can represent.
pub fn expected_coupon_day(applied: NaiveDate, n: u32) -> Option<NaiveDate> {
    let mut day = applied;
    let mut left = n;
    while left > 0 {
        day = day.succ_opt()?;
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
    fn first_day_is_84_days_before_due() {
        assert_eq!(first_application_day(ymd(2026, 9, 1), 28), Some(ymd(2026, 6, 9)));
        assert_eq!(first_application_day(ymd(2026, 3, 15), 28), Some(ymd(2025, 12, 21)));
        // Across a leap day: 2028-05-01 − 84 days = 2028-02-07.
        assert_eq!(first_application_day(ymd(2028, 5, 1), 28), Some(ymd(2028, 2, 7)));
        assert_eq!(first_application_day(NaiveDate::MIN, 28), None);
        // Another programme's rule: from 20 weeks, 140 days before the due date.
        assert_eq!(first_application_day(ymd(2026, 9, 1), 20), Some(ymd(2026, 4, 14)));
        assert_eq!(first_application_day(ymd(2026, 9, 1), 41), None);
    }

    #[test]
    fn business_days() {
        assert!(is_business_day(ymd(2026, 6, 8))); // Monday
        assert!(is_business_day(ymd(2026, 6, 12))); // Friday
        assert!(!is_business_day(ymd(2026, 6, 13))); // Saturday
        assert!(!is_business_day(ymd(2026, 6, 14))); // Sunday
        assert!(!is_business_day(ymd(2026, 7, 20))); // 海の日, Monday
        assert!(!is_business_day(ymd(2026, 9, 22))); // 国民の休日, Tuesday
        assert!(!is_business_day(ymd(2026, 5, 6))); // 振替休日, Wednesday
        assert!(!is_business_day(ymd(2026, 12, 29))); // Tuesday, year-end break
        assert!(!is_business_day(ymd(2026, 12, 31))); // Thursday, year-end break
        assert!(!is_business_day(ymd(2027, 1, 1))); // 元日
        assert!(!is_business_day(ymd(2025, 1, 3))); // Friday, year-end break
        assert!(is_business_day(ymd(2026, 12, 28))); // Monday
        assert!(is_business_day(ymd(2027, 1, 4))); // Monday
    }

    #[test]
    fn coupon_in_a_plain_week() {
        // Monday 2026-06-08: +5 business days is the next Monday, +10 the Monday after.
        let applied = ymd(2026, 6, 8);
        assert_eq!(expected_coupon_day(applied, 1), Some(ymd(2026, 6, 9)));
        assert_eq!(expected_coupon_day(applied, 5), Some(ymd(2026, 6, 15)));
        assert_eq!(expected_coupon_day(applied, 10), Some(ymd(2026, 6, 22)));
    }

    #[test]
    fn application_day_never_counts() {
        // Applied on a Saturday or on a holiday: counting starts the next business day.
        assert_eq!(expected_coupon_day(ymd(2026, 6, 13), 1), Some(ymd(2026, 6, 15)));
        assert_eq!(expected_coupon_day(ymd(2026, 7, 20), 1), Some(ymd(2026, 7, 21)));
        // Applied on a Friday: the first business day is the Monday.
        assert_eq!(expected_coupon_day(ymd(2026, 6, 12), 1), Some(ymd(2026, 6, 15)));
    }

    #[test]
    fn coupon_across_holidays() {
        // 2026 Silver Week: 9/21 敬老の日, 9/22 休日, 9/23 秋分の日.
        // From Friday 9/18: 9/24, 9/25, 9/28, 9/29, 9/30, 10/1, 10/2, 10/5, 10/6, 10/7.
        assert_eq!(expected_coupon_day(ymd(2026, 9, 18), 10), Some(ymd(2026, 10, 7)));
        // Golden Week 2026: 4/29 Wed, 5/3–5/6. From Monday 4/27:
        // 4/28, 4/30, 5/1, 5/7, 5/8, 5/11, 5/12, 5/13, 5/14, 5/15.
        assert_eq!(expected_coupon_day(ymd(2026, 4, 27), 10), Some(ymd(2026, 5, 15)));
    }

    #[test]
    fn coupon_across_year_end() {
        // From Friday 2026-12-25: 12/28, then the break 12/29–1/3 (1/1 is also 元日),
        // then 1/4, 1/5, 1/6, 1/7, 1/8, (1/11 成人の日) 1/12, 1/13, 1/14, 1/15.
        assert_eq!(expected_coupon_day(ymd(2026, 12, 25), 1), Some(ymd(2026, 12, 28)));
        assert_eq!(expected_coupon_day(ymd(2026, 12, 25), 2), Some(ymd(2027, 1, 4)));
        assert_eq!(expected_coupon_day(ymd(2026, 12, 25), 10), Some(ymd(2027, 1, 15)));
        assert_eq!(expected_coupon_day(ymd(2026, 12, 25), 10), Some(ymd(2027, 1, 15)));
    }

    #[test]
    fn zero_days_is_the_application_day() {
        for d in [ymd(2026, 6, 8), ymd(2026, 6, 13), ymd(2026, 12, 31), ymd(2027, 1, 1)] {
            assert_eq!(expected_coupon_day(d, 0), Some(d));
        }
    }

    #[test]
    fn end_of_calendar_is_none() {
        assert_eq!(expected_coupon_day(NaiveDate::MAX, 1), None);
    }
}
