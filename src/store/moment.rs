//! When a write happened, told truthfully: the moment of the business action (`at`, given by
//! the caller — a booking phoned in at 10:42) and the moment the machine wrote it
//! (`recorded_at`, from the store's [`Clock`]).
//!
//! A live store keeps the two close: `at` must lie between [`MAX_PAST`] before now and
//! [`MAX_AHEAD`] after it (a clerk may enter yesterday's phone call today, not last month's
//! and not tomorrow's), and a write whose `at` is more than [`LATE_ENTRY`] before now is
//! entered late (後日記録) and marked so wherever it is shown. A practice store (training,
//! scripts) accepts any `at`, and its time is the practice time: `recorded_at` is `at`.

use std::sync::Arc;

use chrono::{NaiveDateTime, TimeDelta};

use super::error::StoreError;
use super::timefmt;
use crate::domain::jst;

/// How far back a live write's `at` may lie.
pub const MAX_PAST: TimeDelta = TimeDelta::days(7);
/// How far ahead a live write's `at` may lie (clocks of two terminals drift a little).
pub const MAX_AHEAD: TimeDelta = TimeDelta::minutes(5);
/// A write whose `at` is more than this before it was recorded was entered late (後日記録).
pub const LATE_ENTRY: TimeDelta = TimeDelta::minutes(10);

/// Which kind of data a store holds. Written into the store when it is created and fixed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::IntoStaticStr, strum::EnumString)]
#[strum(serialize_all = "lowercase")]
pub enum StoreKind {
    /// The ward's real bookings.
    Live,
    /// Training and scripts (`--practice`): any moment is accepted; never mixed with live data.
    Practice,
}

impl StoreKind {
    /// The id kept in the store (`live`, `practice`).
    pub fn id(self) -> &'static str {
        self.into()
    }

    pub fn parse(s: &str) -> Option<StoreKind> {
        s.parse().ok()
    }
}

/// The machine's clock in Japan time. Tests give a fixed one.
#[derive(Clone)]
pub struct Clock(Arc<dyn Fn() -> NaiveDateTime + Send + Sync>);

impl Clock {
    /// The system clock.
    pub fn system() -> Clock {
        Clock(Arc::new(|| jst::from_utc(chrono::Utc::now())))
    }

    /// Any source of "now" (tests).
    pub fn from_fn(now: impl Fn() -> NaiveDateTime + Send + Sync + 'static) -> Clock {
        Clock(Arc::new(now))
    }

    /// Always the same moment (tests).
    pub fn fixed(t: NaiveDateTime) -> Clock {
        Clock::from_fn(move || t)
    }

    pub fn now(&self) -> NaiveDateTime {
        (self.0)()
    }
}

impl std::fmt::Debug for Clock {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Clock")
    }
}

/// The two moments of one write, in whole seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Moment {
    /// The business action's moment.
    pub at: NaiveDateTime,
    /// When the machine wrote it.
    pub recorded_at: NaiveDateTime,
}

impl Moment {
    /// Checks `at` for a store of `kind` whose clock says `now`.
    pub fn check(
        kind: StoreKind,
        at: NaiveDateTime,
        now: NaiveDateTime,
    ) -> Result<Moment, StoreError> {
        let at = timefmt::whole_seconds(at);
        match kind {
            StoreKind::Practice => Ok(Moment { at, recorded_at: at }),
            StoreKind::Live => {
                let now = timefmt::whole_seconds(now);
                if at < now - MAX_PAST || at > now + MAX_AHEAD {
                    return Err(StoreError::MomentOutOfRange { at, now });
                }
                Ok(Moment { at, recorded_at: now })
            }
        }
    }
}

/// Whether a write recorded at `recorded_at` for the moment `at` was entered late.
pub fn entered_late(at: NaiveDateTime, recorded_at: Option<NaiveDateTime>) -> bool {
    recorded_at.is_some_and(|r| r - at > LATE_ENTRY)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> NaiveDateTime {
        jst::parse_moment(s).unwrap()
    }

    #[test]
    fn a_live_moment_lies_between_a_week_ago_and_five_minutes_ahead() {
        let now = t("2026-11-30T10:00:30");
        for ok in ["2026-11-23T10:00:30", "2026-11-30T10:00", "2026-11-30T10:05:30"] {
            let m = Moment::check(StoreKind::Live, t(ok), now).unwrap();
            assert_eq!(m.at, t(ok));
            assert_eq!(m.recorded_at, now);
        }
        for bad in ["2026-11-23T10:00:29", "2026-11-30T10:05:31", "2026-01-05T09:00"] {
            assert!(
                matches!(
                    Moment::check(StoreKind::Live, t(bad), now),
                    Err(StoreError::MomentOutOfRange { .. })
                ),
                "{bad}"
            );
        }
    }

    #[test]
    fn a_practice_moment_is_anything_and_is_its_own_record() {
        let m = Moment::check(StoreKind::Practice, t("2020-01-01T09:00"), t("2026-11-30T10:00"))
            .unwrap();
        assert_eq!(m.recorded_at, t("2020-01-01T09:00"));
    }

    #[test]
    fn more_than_ten_minutes_behind_is_entered_late() {
        let at = t("2026-11-30T10:00");
        assert!(!entered_late(at, None));
        assert!(!entered_late(at, Some(t("2026-11-30T10:10"))));
        assert!(entered_late(at, Some(t("2026-11-30T10:10:01"))));
    }
}
