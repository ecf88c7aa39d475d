//! Cancellation (キャンセル): at or after 11:00 Japan time on the day before the first day of use
//! is late and consumes 1 unit of the limit; before that it consumes nothing.

use chrono::{Days, NaiveDate, NaiveDateTime, NaiveTime};
use serde::Serialize;

/// The cutoff hour on the day before the first day of use.
pub const CUTOFF_HOUR: u32 = 11;

/// What a cancellation at a given moment costs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct CancelOutcome {
    pub late: bool,
    pub units_charged: u32,
}

/// The last moment (exclusive) to cancel without charge: 11:00 on the day before `first_day`.
pub fn cancel_by(first_day: NaiveDate) -> NaiveDateTime {
    let day_before = first_day.checked_sub_days(Days::new(1)).unwrap_or(first_day);
    day_before.and_time(NaiveTime::from_hms_opt(CUTOFF_HOUR, 0, 0).expect("11:00 is a valid time"))
}

/// The outcome of cancelling a booking whose first day is `first_day` at Japan time `at`.
pub fn outcome(first_day: NaiveDate, at: NaiveDateTime) -> CancelOutcome {
    let late = at >= cancel_by(first_day);
    CancelOutcome { late, units_charged: u32::from(late) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S").unwrap()
    }
    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn before_eleven_on_the_day_before_is_free() {
        let o = outcome(d("2026-12-03"), t("2026-12-02T10:59:59"));
        assert_eq!(o, CancelOutcome { late: false, units_charged: 0 });
    }

    #[test]
    fn at_eleven_on_the_day_before_is_late() {
        let o = outcome(d("2026-12-03"), t("2026-12-02T11:00:00"));
        assert_eq!(o, CancelOutcome { late: true, units_charged: 1 });
    }

    #[test]
    fn on_or_after_the_first_day_is_late() {
        assert!(outcome(d("2026-12-03"), t("2026-12-03T00:00:00")).late);
        assert!(outcome(d("2026-12-03"), t("2026-12-05T09:00:00")).late);
    }

    #[test]
    fn days_earlier_is_free() {
        assert!(!outcome(d("2026-12-03"), t("2026-11-20T15:00:00")).late);
    }

    #[test]
    fn cutoff_crosses_month_and_year_ends() {
        assert_eq!(cancel_by(d("2027-01-01")), t("2026-12-31T11:00:00"));
        assert_eq!(cancel_by(d("2026-03-01")), t("2026-02-28T11:00:00"));
    }
}
