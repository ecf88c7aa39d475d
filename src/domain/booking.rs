//! Whether a booking may be made, and what it costs: every rule of a booking in one pure function,
//! shared by the store (inside its transaction) and the screens (live checks while choosing).

use chrono::{Days, NaiveDate, NaiveDateTime};
use serde::Serialize;

use super::cancel::CancelRule;
use super::care::{CareType, Length};
use super::fees::{self, FeeBreakdown, FeeSchedule};
use super::limits::{self, OverLimit, Quota};
use super::period::{self, Period, Window};

/// What the rules need to know about a mother (from her resident record).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mother {
    pub birth: NaiveDate,
    pub due: Option<NaiveDate>,
    /// 修正月齢: count periods from the due date when it is later than the birth.
    pub corrected: bool,
    pub babies: u32,
    pub exempt: bool,
}

/// What a facility and the programme say about one care type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Terms {
    pub care: CareType,
    pub offered: bool,
    pub period: Option<Period>,
    pub fee: FeeSchedule,
    pub limit: u32,
    /// The limit for a mother of two or more babies (`limit` where the programme gives no more).
    pub limit_multiples: u32,
    pub cancel: CancelRule,
}

impl Terms {
    /// Her limit of this care type: more for multiples where the programme says so.
    pub fn limit_for(&self, babies: u32) -> u32 {
        if babies >= 2 { self.limit_multiples.max(self.limit) } else { self.limit }
    }
}

/// The days one of the mother's other active bookings occupies, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Taken {
    pub first_day: NaiveDate,
    pub last_day: NaiveDate,
}

/// An accepted booking's facts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Plan {
    pub care: CareType,
    pub first_day: NaiveDate,
    pub last_day: NaiveDate,
    pub units: u32,
    pub window: Window,
    pub fee: FeeBreakdown,
    /// Cancel before this moment (Japan time) to keep the units.
    pub cancel_by: NaiveDateTime,
    pub remaining_after: u32,
}

/// Why a booking is refused; each names the rule.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    #[error("the facility does not offer {0} (この施設では利用できない種類です)")]
    NotOffered(CareType),
    #[error("the facility has no eligibility period (利用期間) for {0}")]
    NoPeriod(CareType),
    #[error("the eligibility period (利用期間) cannot be computed for this birth date")]
    PeriodOutOfRange,
    #[error("{start} is in the past (過去の日付): today is {today}")]
    InPast { start: NaiveDate, today: NaiveDate },
    #[error("{start} is before the eligibility period (利用期間) starts on {first_day}")]
    BeforeWindow { start: NaiveDate, first_day: NaiveDate },
    #[error(
        "the booking ends on {end}, after the eligibility period (利用期間) ends on {last_day}"
    )]
    AfterWindow { end: NaiveDate, last_day: NaiveDate },
    #[error("{0}")]
    OverLimit(OverLimit),
    #[error("at least 1 baby is needed (子の人数)")]
    NoBaby,
    /// A mother is cared for in one place at a time: two of her bookings may not share a day.
    #[error(
        "she already has care booked from {first_day} to {last_day} (予約が重なっています): \
         one booking a day"
    )]
    Overlaps { first_day: NaiveDate, last_day: NaiveDate },
}

impl Refusal {
    /// The rule's name, for machines (an import's conflict list, `--json`).
    pub fn rule(&self) -> &'static str {
        match self {
            Refusal::NotOffered(_) => "not_offered",
            Refusal::NoPeriod(_) => "no_period",
            Refusal::PeriodOutOfRange => "period_out_of_range",
            Refusal::InPast { .. } => "in_past",
            Refusal::BeforeWindow { .. } => "before_window",
            Refusal::AfterWindow { .. } => "after_window",
            Refusal::OverLimit(_) => "over_limit",
            Refusal::NoBaby => "no_baby",
            Refusal::Overlaps { .. } => "overlaps",
        }
    }
}

/// Checks a booking of `length` from `start` against every rule, given the mother's quota for
/// the care type, the days her other active bookings occupy, and the current Japan time.
pub fn plan(
    terms: Terms,
    mother: Mother,
    start: NaiveDate,
    length: Length,
    quota: Quota,
    taken: &[Taken],
    now: NaiveDateTime,
) -> Result<Plan, Refusal> {
    let care = terms.care;
    if !terms.offered {
        return Err(Refusal::NotOffered(care));
    }
    if mother.babies == 0 {
        return Err(Refusal::NoBaby);
    }
    let period = terms.period.ok_or(Refusal::NoPeriod(care))?;
    let window = period::window(period, mother.birth, mother.due, mother.corrected)
        .ok_or(Refusal::PeriodOutOfRange)?;
    let today = now.date();
    if start < today {
        return Err(Refusal::InPast { start, today });
    }
    if start < window.first_day {
        return Err(Refusal::BeforeWindow { start, first_day: window.first_day });
    }
    let days = length.calendar_days();
    let end = start
        .checked_add_days(Days::new(u64::from(days.max(1)) - 1))
        .ok_or(Refusal::PeriodOutOfRange)?;
    if end > window.last_day {
        return Err(Refusal::AfterWindow { end, last_day: window.last_day });
    }
    if let Some(t) = taken.iter().find(|t| t.first_day <= end && start <= t.last_day) {
        return Err(Refusal::Overlaps { first_day: t.first_day, last_day: t.last_day });
    }
    let units = length.units();
    limits::check(care, quota, units).map_err(Refusal::OverLimit)?;
    Ok(Plan {
        care,
        first_day: start,
        last_day: end,
        units,
        window,
        fee: fees::fee(terms.fee, units, mother.babies, mother.exempt),
        cancel_by: terms.cancel.cancel_by(start),
        remaining_after: quota.remaining - units,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }
    fn now() -> NaiveDateTime {
        d("2026-01-05").and_hms_opt(9, 0, 0).unwrap()
    }
    fn stay_terms(period: Period) -> Terms {
        Terms {
            care: CareType::Stay,
            offered: true,
            period: Some(period),
            fee: FeeSchedule { base_yen: 3300, extra_baby_yen: 1100 },
            limit: 4,
            limit_multiples: 4,
            cancel: crate::domain::cancel::CancelRule::KITA,
        }
    }
    fn mother() -> Mother {
        Mother { birth: d("2026-01-01"), due: None, corrected: false, babies: 1, exempt: false }
    }

    #[test]
    fn one_night_stay_costs_6600_and_must_be_cancelled_the_day_before_at_11() {
        let p = plan(
            stay_terms(Period::DaysThrough(45)),
            mother(),
            d("2026-01-10"),
            Length::Nights(1),
            Quota::new(4, 0, 0),
            &[],
            now(),
        )
        .unwrap();
        assert_eq!(p.fee.total_yen, 6600);
        assert_eq!(p.last_day, d("2026-01-11"));
        assert_eq!(p.cancel_by, d("2026-01-09").and_hms_opt(11, 0, 0).unwrap());
        assert_eq!(p.remaining_after, 2);
    }

    #[test]
    fn a_stay_ending_the_day_after_the_last_day_is_refused() {
        // 45 days from 1/1 ends on 2/15: a 1-night stay from 2/15 ends on 2/16.
        let r = plan(
            stay_terms(Period::DaysThrough(45)),
            mother(),
            d("2026-02-15"),
            Length::Nights(1),
            Quota::new(4, 0, 0),
            &[],
            now(),
        );
        assert_eq!(
            r,
            Err(Refusal::AfterWindow { end: d("2026-02-16"), last_day: d("2026-02-15") })
        );
        assert!(
            plan(
                stay_terms(Period::DaysThrough(45)),
                mother(),
                d("2026-02-14"),
                Length::Nights(1),
                Quota::new(4, 0, 0),
                &[],
                now()
            )
            .is_ok()
        );
    }

    #[test]
    fn past_days_and_days_before_the_window_are_refused() {
        let t = stay_terms(Period::DaysThrough(45));
        let q = Quota::new(4, 0, 0);
        assert!(matches!(
            plan(t, mother(), d("2026-01-04"), Length::Nights(1), q, &[], now()),
            Err(Refusal::InPast { .. })
        ));
        let expecting = Mother { birth: d("2026-01-20"), ..mother() };
        assert!(matches!(
            plan(t, expecting, d("2026-01-10"), Length::Nights(1), q, &[], now()),
            Err(Refusal::BeforeWindow { .. })
        ));
    }

    #[test]
    fn second_split_stay_of_two_nights_is_over_the_limit() {
        let r = plan(
            stay_terms(Period::DaysThrough(45)),
            mother(),
            d("2026-01-20"),
            Length::Nights(2),
            Quota::new(4, 2, 0),
            &[],
            now(),
        );
        assert!(matches!(r, Err(Refusal::OverLimit(o)) if o.remaining == 2 && o.requested == 3));
    }

    #[test]
    fn not_offered_type_is_refused() {
        let t = Terms { offered: false, ..stay_terms(Period::DaysThrough(45)) };
        let r =
            plan(t, mother(), d("2026-01-10"), Length::Nights(1), Quota::new(4, 0, 0), &[], now());
        assert_eq!(r, Err(Refusal::NotOffered(CareType::Stay)));
    }

    #[test]
    fn twins_exempt_pay_zero() {
        let m = Mother { babies: 2, exempt: true, ..mother() };
        let p = plan(
            stay_terms(Period::DaysThrough(45)),
            m,
            d("2026-01-10"),
            Length::Nights(1),
            Quota::new(4, 0, 0),
            &[],
            now(),
        )
        .unwrap();
        assert_eq!(p.fee.total_yen, 0);
        assert_eq!(p.fee.waived_yen, 8800);
    }

    #[test]
    fn bookings_of_one_mother_may_not_share_a_day() {
        let taken = [Taken { first_day: d("2026-01-10"), last_day: d("2026-01-11") }];
        let t = stay_terms(Period::DaysThrough(45));
        let q = Quota::new(4, 2, 0);
        // Starting on the other stay's last day overlaps; the day after does not.
        let r = plan(t, mother(), d("2026-01-11"), Length::Nights(1), q, &taken, now());
        assert_eq!(
            r,
            Err(Refusal::Overlaps { first_day: d("2026-01-10"), last_day: d("2026-01-11") })
        );
        let r = plan(t, mother(), d("2026-01-09"), Length::Nights(1), q, &taken, now());
        assert!(matches!(r, Err(Refusal::Overlaps { .. })));
        assert!(plan(t, mother(), d("2026-01-12"), Length::Nights(1), q, &taken, now()).is_ok());
        assert!(plan(t, mother(), d("2026-01-08"), Length::Nights(1), q, &taken, now()).is_ok());
    }
}
