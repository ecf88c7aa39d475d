//! What a change to a mother's record (birth date, due date, 修正月齢, babies, exemption) does
//! to one of her active bookings: its fee follows her record (twins after all: the twins fee;
//! an exemption granted: 0 yen), and a booking whose days no longer fall in her new window is
//! named with the rule it breaks, for the clerk to cancel or keep.

use chrono::NaiveDate;

use super::booking::{Mother, Refusal, Terms};
use super::fees::{self, FeeBreakdown};
use super::period;

/// The effect on one booking; nothing to do when both are `None`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Effect {
    /// The fee under the new record, when it differs from the booking's.
    pub new_fee: Option<FeeBreakdown>,
    /// The window rule the booking breaks under the new record.
    pub outside: Option<Refusal>,
}

impl Effect {
    pub fn is_none(&self) -> bool {
        self.new_fee.is_none() && self.outside.is_none()
    }
}

/// The effect of the record `mother` on a booking from `first_day` to `last_day` of `units`
/// units that now costs `fee_yen`, at a facility and care type with `terms`.
pub fn effect(
    terms: Terms,
    mother: Mother,
    first_day: NaiveDate,
    last_day: NaiveDate,
    units: u32,
    fee_yen: u32,
) -> Effect {
    let fee = fees::fee(terms.fee, units, mother.babies, mother.exempt);
    let new_fee = (fee.total_yen != fee_yen).then_some(fee);
    let outside = match terms.period {
        None => Some(Refusal::NoPeriod(terms.care)),
        Some(p) => match period::window(p, mother.birth, mother.due, mother.corrected) {
            None => Some(Refusal::PeriodOutOfRange),
            Some(w) if first_day < w.first_day => {
                Some(Refusal::BeforeWindow { start: first_day, first_day: w.first_day })
            }
            Some(w) if last_day > w.last_day => {
                Some(Refusal::AfterWindow { end: last_day, last_day: w.last_day })
            }
            Some(_) => None,
        },
    };
    Effect { new_fee, outside }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::care::CareType;
    use crate::domain::fees::FeeSchedule;
    use crate::domain::period::Period;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn stay_60_days() -> Terms {
        Terms {
            care: CareType::Stay,
            offered: true,
            period: Some(Period::DaysThrough(60)),
            fee: FeeSchedule { base_yen: 3300, extra_baby_yen: 1100 },
            limit: 4,
            limit_multiples: 4,
            cancel: crate::domain::cancel::CancelRule::KITA,
        }
    }

    fn mother(birth: &str, babies: u32, exempt: bool) -> Mother {
        Mother { birth: d(birth), due: None, corrected: false, babies, exempt }
    }

    #[test]
    fn twins_after_all_take_the_twins_fee_and_an_exemption_takes_it_to_zero() {
        let t = stay_60_days();
        // 1泊2日 booked as a single: 6,600 yen; twins: 8,800 yen (the flyer's example).
        let e =
            effect(t, mother("2026-11-01", 2, false), d("2026-12-01"), d("2026-12-02"), 2, 6600);
        assert_eq!(e.new_fee.unwrap().total_yen, 8800);
        assert_eq!(e.outside, None);
        let e = effect(t, mother("2026-11-01", 2, true), d("2026-12-01"), d("2026-12-02"), 2, 8800);
        assert_eq!(e.new_fee.unwrap().total_yen, 0);
        let same =
            effect(t, mother("2026-11-01", 1, false), d("2026-12-01"), d("2026-12-02"), 2, 6600);
        assert!(same.is_none());
    }

    #[test]
    fn a_corrected_birth_date_can_move_a_stay_out_of_the_window_and_names_the_rule() {
        let t = stay_60_days();
        // Born 10/1 (not 11/1 as first typed): the 60 days end on 11/30.
        let e =
            effect(t, mother("2026-10-01", 1, false), d("2026-12-01"), d("2026-12-02"), 2, 6600);
        assert_eq!(
            e.outside,
            Some(Refusal::AfterWindow { end: d("2026-12-02"), last_day: d("2026-11-30") })
        );
        assert_eq!(e.outside.unwrap().rule(), "after_window");
        // Born 12/1: the stay starts before her baby's day 0.
        let e =
            effect(t, mother("2026-12-02", 1, false), d("2026-12-01"), d("2026-12-02"), 2, 6600);
        assert_eq!(e.outside.unwrap().rule(), "before_window");
    }
}
