//! Cancellation (キャンセル): at or after 11:00 Japan time on the day before the first day of use
//! is late and consumes 1 unit of the limit; before that it consumes nothing.

use chrono::{Days, NaiveDate, NaiveDateTime, NaiveTime};
use serde::Serialize;

use super::hours::{self, OpenSpan, PhoneHours};

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

/// What a booking's confirmation says about cancelling it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct CancelNotice {
    /// Cancel before this moment to keep the units.
    pub cancel_by: NaiveDateTime,
    /// The booking was made at or after its own cutoff (a booking for today or tomorrow): any
    /// cancellation is late from the start.
    pub already_late: bool,
    /// The last time the facility's phone line is open before the cutoff (a cancellation must
    /// also be phoned in), when the facility takes calls at set hours; `None` when it does not
    /// or when it is already late.
    pub last_call: Option<OpenSpan>,
}

/// The cancellation notice of a booking whose first day is `first_day`, made at `booked_at`,
/// at a facility whose phone line keeps `hours`.
pub fn notice(
    first_day: NaiveDate,
    booked_at: NaiveDateTime,
    hours: Option<&PhoneHours>,
) -> CancelNotice {
    let by = cancel_by(first_day);
    let already_late = booked_at >= by;
    let last_call = if already_late {
        None
    } else {
        hours.and_then(|h| hours::last_open_before(h, booked_at, by))
    };
    CancelNotice { cancel_by: by, already_late, last_call }
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
    fn the_notice_names_the_last_call_or_says_it_is_already_late() {
        let kita: PhoneHours = serde_json::from_str(
            r#"{"ranges": [
                {"days": ["mon","tue","wed","thu","fri"], "start": "09:00", "end": "11:00"},
                {"days": ["mon","tue","wed","thu","fri"], "start": "14:00", "end": "16:00"}],
              "exclusions": [{"kind": "holidays"}]}"#,
        )
        .unwrap();
        // Sunday 12/6: cancel by Saturday 11:00, but the line is last open Friday until 16:00.
        let n = notice(d("2026-12-06"), t("2026-11-30T10:00:00"), Some(&kita));
        assert_eq!(n.cancel_by, t("2026-12-05T11:00:00"));
        assert!(!n.already_late);
        let call = n.last_call.unwrap();
        assert_eq!((call.start, call.end), (t("2026-12-04T14:00:00"), t("2026-12-04T16:00:00")));
        // Booked at 12:00 for tomorrow: the cutoff (11:00 today) has passed already.
        let n = notice(d("2026-12-01"), t("2026-11-30T12:00:00"), Some(&kita));
        assert!(n.already_late);
        assert_eq!(n.last_call, None);
        // A facility reserved by WEB only has no phone hours to name.
        assert_eq!(notice(d("2026-12-06"), t("2026-11-30T10:00:00"), None).last_call, None);
    }

    #[test]
    fn cutoff_crosses_month_and_year_ends() {
        assert_eq!(cancel_by(d("2027-01-01")), t("2026-12-31T11:00:00"));
        assert_eq!(cancel_by(d("2026-03-01")), t("2026-02-28T11:00:00"));
    }
}
