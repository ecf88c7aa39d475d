//! Per-mother limits (利用上限), counted in units (days or visits) per care type.
//! Late cancellations count as used units (see `cancel`).

use serde::Serialize;

use super::care::CareType;

/// How much of one care type's limit a mother has used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Quota {
    pub limit: u32,
    /// Booked units plus late-cancel charges.
    pub used: u32,
    pub remaining: u32,
    /// The part of `used` that comes from late cancellations.
    pub late_cancel_charges: u32,
}

impl Quota {
    pub fn new(limit: u32, booked: u32, late_cancel_charges: u32) -> Quota {
        let used = booked.saturating_add(late_cancel_charges);
        Quota { limit, used, remaining: limit.saturating_sub(used), late_cancel_charges }
    }
}

/// A booking that would go over the limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("over the limit (利用上限) for {care}: {requested} requested, {remaining} of {limit} left")]
pub struct OverLimit {
    pub care: CareType,
    pub limit: u32,
    pub used: u32,
    pub remaining: u32,
    pub requested: u32,
}

/// Checks that `requested` more units fit in the quota.
pub fn check(care: CareType, quota: Quota, requested: u32) -> Result<(), OverLimit> {
    if requested <= quota.remaining {
        Ok(())
    } else {
        Err(OverLimit {
            care,
            limit: quota.limit,
            used: quota.used,
            remaining: quota.remaining,
            requested,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::care::Length;

    #[test]
    fn split_stays_one_night_plus_one_night_fit_in_four_days() {
        let first = Length::Nights(1).units();
        let q = Quota::new(4, first, 0);
        assert_eq!(check(CareType::Stay, q, Length::Nights(1).units()), Ok(()));
    }

    #[test]
    fn split_stays_one_night_plus_two_nights_do_not() {
        let q = Quota::new(4, Length::Nights(1).units(), 0);
        let err = check(CareType::Stay, q, Length::Nights(2).units()).unwrap_err();
        assert_eq!(err.remaining, 2);
        assert_eq!(err.requested, 3);
    }

    #[test]
    fn three_nights_four_days_is_the_whole_stay_limit() {
        let q = Quota::new(4, 0, 0);
        assert!(check(CareType::Stay, q, Length::Nights(3).units()).is_ok());
        assert!(check(CareType::Stay, q, Length::Nights(4).units()).is_err());
    }

    #[test]
    fn late_cancellations_use_up_the_limit() {
        let q = Quota::new(3, 2, 1);
        assert_eq!(q.used, 3);
        assert_eq!(q.remaining, 0);
        assert!(check(CareType::Visit, q, 1).is_err());
    }

    #[test]
    fn day_care_limit_is_six_days() {
        let q = Quota::new(6, 5, 0);
        assert!(check(CareType::Day, q, 1).is_ok());
        assert!(check(CareType::Day, q, 2).is_err());
    }
}
