//! Cancellation (キャンセル), by the programme's rule ([`CancelRule`], from the dataset): a
//! cancellation at or after the cutoff — a time of day, a number of days (calendar or business
//! days) before the first day of use — is late and consumes units of the limit; before it,
//! nothing. Kita City: 11:00 the calendar day before, 1 unit. A booking nobody came to (無断
//! キャンセル, a no-show) consumes its own number of units, by default as a late cancellation.

use chrono::{Days, NaiveDate, NaiveDateTime, NaiveTime};
use serde::{Deserialize, Serialize};

use super::business_days;
use super::hours::{self, ClockTime, OpenSpan, PhoneHours};

/// How the days before the first day of use are counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DayCount {
    /// Calendar days (Kita City: the day before).
    #[default]
    CalendarDays,
    /// Business days: Monday to Friday, not a public holiday, not 12/29–1/3 (前営業日).
    BusinessDays,
}

/// A programme's cancellation rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct CancelRule {
    /// The time of day of the cutoff.
    pub cutoff: ClockTime,
    /// How many days before the first day the cutoff falls.
    pub days_before: u32,
    pub count: DayCount,
    /// Units a late cancellation consumes.
    pub units_charged: u32,
    /// Units a no-show consumes.
    pub no_show_units: u32,
}

impl CancelRule {
    /// Kita City's rule (11:00 the day before, 1 unit): for tests of the rules themselves.
    pub const KITA: CancelRule = CancelRule {
        cutoff: ClockTime(11 * 60),
        days_before: 1,
        count: DayCount::CalendarDays,
        units_charged: 1,
        no_show_units: 1,
    };

    /// The last moment (exclusive) to cancel without charge for a booking from `first_day`.
    pub fn cancel_by(&self, first_day: NaiveDate) -> NaiveDateTime {
        let day = match self.count {
            DayCount::CalendarDays => {
                first_day.checked_sub_days(Days::new(u64::from(self.days_before)))
            }
            DayCount::BusinessDays => business_days::nth_before(first_day, self.days_before),
        }
        .unwrap_or(first_day);
        let at = NaiveTime::MIN + chrono::TimeDelta::minutes(i64::from(self.cutoff.0));
        // A cutoff of 24:00 is the next day's midnight.
        if self.cutoff.0 >= 24 * 60 {
            day.succ_opt().unwrap_or(day).and_time(NaiveTime::MIN)
        } else {
            day.and_time(at)
        }
    }

    /// The outcome of cancelling a booking of `units` units from `first_day` at Japan time
    /// `at`: a late cancellation consumes the rule's units, never more than the booking holds.
    pub fn outcome(&self, first_day: NaiveDate, units: u32, at: NaiveDateTime) -> CancelOutcome {
        let late = at >= self.cancel_by(first_day);
        CancelOutcome { late, units_charged: if late { self.units_charged.min(units) } else { 0 } }
    }

    /// The units a no-show consumes on a booking of `units` units (never more than it holds).
    pub fn no_show_charge(&self, units: u32) -> u32 {
        self.no_show_units.min(units)
    }
}

/// What a cancellation at a given moment costs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct CancelOutcome {
    pub late: bool,
    pub units_charged: u32,
}

/// What a booking's confirmation says about cancelling it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct CancelNotice {
    /// Cancel before this moment to keep the units.
    pub cancel_by: NaiveDateTime,
    /// The booking was made at or after its own cutoff (a booking for today or tomorrow): any
    /// cancellation is late from the start.
    pub already_late: bool,
    /// The units a cancellation at or after the cutoff consumes.
    pub late_units: u32,
    /// The last time the facility's phone line is open before the cutoff (a cancellation must
    /// also be phoned in), when the facility takes calls at set hours; `None` when it does not
    /// or when it is already late.
    pub last_call: Option<OpenSpan>,
}

/// The cancellation notice of a booking of `units` units whose first day is `first_day`, made
/// at `booked_at`, at a facility whose phone line keeps `hours`.
pub fn notice(
    rule: &CancelRule,
    first_day: NaiveDate,
    units: u32,
    booked_at: NaiveDateTime,
    hours: Option<&PhoneHours>,
) -> CancelNotice {
    let by = rule.cancel_by(first_day);
    let already_late = booked_at >= by;
    let last_call = if already_late {
        None
    } else {
        hours.and_then(|h| hours::last_open_before(h, booked_at, by))
    };
    CancelNotice {
        cancel_by: by,
        already_late,
        late_units: rule.units_charged.min(units),
        last_call,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const KITA: CancelRule = CancelRule::KITA;

    fn t(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S").unwrap()
    }
    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn before_eleven_on_the_day_before_is_free() {
        let o = KITA.outcome(d("2026-12-03"), 1, t("2026-12-02T10:59:59"));
        assert_eq!(o, CancelOutcome { late: false, units_charged: 0 });
    }

    #[test]
    fn at_eleven_on_the_day_before_is_late() {
        let o = KITA.outcome(d("2026-12-03"), 1, t("2026-12-02T11:00:00"));
        assert_eq!(o, CancelOutcome { late: true, units_charged: 1 });
    }

    #[test]
    fn on_or_after_the_first_day_is_late() {
        assert!(KITA.outcome(d("2026-12-03"), 1, t("2026-12-03T00:00:00")).late);
        assert!(KITA.outcome(d("2026-12-03"), 1, t("2026-12-05T09:00:00")).late);
    }

    #[test]
    fn days_earlier_is_free() {
        assert!(!KITA.outcome(d("2026-12-03"), 1, t("2026-11-20T15:00:00")).late);
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
        let n = notice(&KITA, d("2026-12-06"), 1, t("2026-11-30T10:00:00"), Some(&kita));
        assert_eq!(n.cancel_by, t("2026-12-05T11:00:00"));
        assert!(!n.already_late);
        let call = n.last_call.unwrap();
        assert_eq!((call.start, call.end), (t("2026-12-04T14:00:00"), t("2026-12-04T16:00:00")));
        // Booked at 12:00 for tomorrow: the cutoff (11:00 today) has passed already.
        let n = notice(&KITA, d("2026-12-01"), 1, t("2026-11-30T12:00:00"), Some(&kita));
        assert!(n.already_late);
        assert_eq!(n.last_call, None);
        // A facility reserved by WEB only has no phone hours to name.
        assert_eq!(
            notice(&KITA, d("2026-12-06"), 1, t("2026-11-30T10:00:00"), None).last_call,
            None
        );
    }

    #[test]
    fn cutoff_crosses_month_and_year_ends() {
        assert_eq!(KITA.cancel_by(d("2027-01-01")), t("2026-12-31T11:00:00"));
        assert_eq!(KITA.cancel_by(d("2026-03-01")), t("2026-02-28T11:00:00"));
    }

    #[test]
    fn another_wards_rule_comes_from_its_values() {
        // 17:00, three calendar days before, 2 units.
        let r = CancelRule {
            cutoff: ClockTime(17 * 60),
            days_before: 3,
            count: DayCount::CalendarDays,
            units_charged: 2,
            no_show_units: 2,
        };
        assert_eq!(r.cancel_by(d("2026-12-10")), t("2026-12-07T17:00:00"));
        assert_eq!(r.outcome(d("2026-12-10"), 4, t("2026-12-07T16:59:59")).units_charged, 0);
        assert_eq!(r.outcome(d("2026-12-10"), 4, t("2026-12-07T17:00:00")).units_charged, 2);
        // A one-day booking cancelled late never costs more than its one day.
        assert_eq!(r.outcome(d("2026-12-10"), 1, t("2026-12-09T09:00:00")).units_charged, 1);
        assert_eq!(r.no_show_charge(1), 1);
        assert_eq!(r.no_show_charge(3), 2);
        let n = notice(&r, d("2026-12-10"), 3, t("2026-12-01T09:00:00"), None);
        assert_eq!((n.cancel_by, n.late_units), (t("2026-12-07T17:00:00"), 2));
    }

    #[test]
    fn a_business_day_cutoff_skips_weekends_holidays_and_the_year_end() {
        // 前営業日の11時: a Monday's booking is cancelled by the Friday before.
        let r = CancelRule { count: DayCount::BusinessDays, ..KITA };
        assert_eq!(r.cancel_by(d("2026-11-30")), t("2026-11-27T11:00:00"));
        // Tuesday 11/24 after Monday 11/23 (勤労感謝の日): Friday 11/20.
        assert_eq!(r.cancel_by(d("2026-11-24")), t("2026-11-20T11:00:00"));
        // Monday 1/4 2027: the year-end break and the weekend before: Monday 12/28.
        assert_eq!(r.cancel_by(d("2027-01-04")), t("2026-12-28T11:00:00"));
        // A Saturday's booking: the Friday before.
        assert_eq!(r.cancel_by(d("2026-12-05")), t("2026-12-04T11:00:00"));
    }
}
