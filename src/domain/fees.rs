//! Fees (利用料): units × (base + extra × (babies − 1)), or 0 yen for exempt households.

use serde::{Deserialize, Serialize};

/// One care type's prices, from the dataset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeeSchedule {
    /// Mother and one baby, per unit (a day or a visit).
    pub base_yen: u32,
    /// Each additional baby (twins or more), per unit.
    pub extra_baby_yen: u32,
}

/// A fee with the lines that make it, so screens and `--json` can show the working.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct FeeBreakdown {
    pub units: u32,
    pub babies: u32,
    pub base_yen_per_unit: u32,
    pub extra_yen_per_unit: u32,
    /// units × base
    pub base_total_yen: u32,
    /// units × extra × (babies − 1)
    pub extra_total_yen: u32,
    /// 住民税非課税世帯 / 生活保護世帯: the whole fee is waived.
    pub exempt: bool,
    /// What is waived (the fee before exemption) when exempt, else 0.
    pub waived_yen: u32,
    pub total_yen: u32,
}

/// The fee of `units` units for a mother with `babies` babies (at least 1).
pub fn fee(schedule: FeeSchedule, units: u32, babies: u32, exempt: bool) -> FeeBreakdown {
    let babies = babies.max(1);
    let base_total = units.saturating_mul(schedule.base_yen);
    let extra_total = units.saturating_mul(schedule.extra_baby_yen).saturating_mul(babies - 1);
    let gross = base_total.saturating_add(extra_total);
    FeeBreakdown {
        units,
        babies,
        base_yen_per_unit: schedule.base_yen,
        extra_yen_per_unit: schedule.extra_baby_yen,
        base_total_yen: base_total,
        extra_total_yen: extra_total,
        exempt,
        waived_yen: if exempt { gross } else { 0 },
        total_yen: if exempt { 0 } else { gross },
    }
}

/// Formats yen the Japanese way: 6,600円.
pub fn yen(amount: u32) -> String {
    let digits = amount.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const STAY: FeeSchedule = FeeSchedule { base_yen: 3300, extra_baby_yen: 1100 };
    const DAY: FeeSchedule = FeeSchedule { base_yen: 2500, extra_baby_yen: 840 };
    const VISIT: FeeSchedule = FeeSchedule { base_yen: 1000, extra_baby_yen: 340 };

    #[test]
    fn flyer_example_one_night_two_days_is_6600_yen() {
        assert_eq!(fee(STAY, 2, 1, false).total_yen, 6600);
    }

    #[test]
    fn flyer_example_twins_one_night_two_days_is_8800_yen() {
        let f = fee(STAY, 2, 2, false);
        assert_eq!(f.base_total_yen, 6600);
        assert_eq!(f.extra_total_yen, 2200);
        assert_eq!(f.total_yen, 8800);
    }

    #[test]
    fn triplets_pay_two_extras() {
        assert_eq!(fee(DAY, 1, 3, false).total_yen, 2500 + 2 * 840);
        assert_eq!(fee(VISIT, 3, 3, false).total_yen, 3 * (1000 + 2 * 340));
    }

    #[test]
    fn exempt_households_pay_nothing_and_the_waiver_is_shown() {
        let f = fee(STAY, 4, 2, true);
        assert_eq!(f.total_yen, 0);
        assert_eq!(f.waived_yen, 4 * 3300 + 4 * 1100);
    }

    #[test]
    fn zero_babies_is_treated_as_one() {
        assert_eq!(fee(VISIT, 1, 0, false).total_yen, 1000);
    }

    #[test]
    fn yen_groups_thousands() {
        assert_eq!(yen(0), "0");
        assert_eq!(yen(840), "840");
        assert_eq!(yen(6600), "6,600");
        assert_eq!(yen(1234567), "1,234,567");
    }
}
