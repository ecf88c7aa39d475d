//! The three care types of the programme and how they are counted.

use serde::{Deserialize, Serialize};

/// A care type (産後ケアの種類). The ids are a contract with the CLI and the dataset.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    strum::IntoStaticStr,
    strum::Display,
    strum::EnumString,
    strum::VariantArray,
)]
#[serde(rename_all = "lowercase")]
#[strum(
    serialize_all = "lowercase",
    parse_err_ty = UnknownCareType,
    parse_err_fn = UnknownCareType::of
)]
pub enum CareType {
    /// ショートステイ (宿泊型): counted in days, a stay of N nights is N+1 days.
    Stay,
    /// デイケア (日帰り型): counted in days.
    Day,
    /// アウトリーチ (訪問型): counted in visits.
    Visit,
}

impl CareType {
    /// Every care type, in the flyer's order.
    pub const ALL: &[CareType] = <CareType as strum::VariantArray>::VARIANTS;

    /// The shortest booking of the type: a stay has at least one night (2 days).
    pub fn shortest(self) -> Length {
        match self {
            CareType::Stay => Length::Nights(1),
            CareType::Day => Length::Days(1),
            CareType::Visit => Length::Visit,
        }
    }

    /// The id (`stay`, `day`, `visit`).
    pub fn id(self) -> &'static str {
        self.into()
    }

    /// The unit the limit is counted in.
    pub fn unit(self) -> Unit {
        match self {
            CareType::Stay | CareType::Day => Unit::Day,
            CareType::Visit => Unit::Visit,
        }
    }
}

/// An unknown care type id.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown care type (種類) '{0}': expected stay, day or visit")]
pub struct UnknownCareType(pub String);

impl UnknownCareType {
    fn of(s: &str) -> UnknownCareType {
        UnknownCareType(s.to_string())
    }
}

/// What a care type's limit is counted in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Unit {
    Day,
    Visit,
}

impl Unit {}

/// How long one booking lasts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "n", rename_all = "lowercase")]
pub enum Length {
    /// A stay of N ≥ 1 nights: N+1 days (1泊2日 = 2 days).
    Nights(u32),
    /// N consecutive days of day care.
    Days(u32),
    /// One home visit.
    Visit,
}

impl Length {
    /// Units of the limit this booking consumes.
    pub fn units(self) -> u32 {
        match self {
            Length::Nights(n) => n.saturating_add(1),
            Length::Days(n) => n,
            Length::Visit => 1,
        }
    }

    /// Calendar days the booking occupies (first day included).
    pub fn calendar_days(self) -> u32 {
        self.units()
    }

    /// The length that fits a care type, or why not.
    pub fn for_type(
        care: CareType,
        nights: Option<u32>,
        days: Option<u32>,
    ) -> Result<Length, LengthError> {
        match care {
            CareType::Stay => {
                if days.is_some() {
                    return Err(LengthError::WrongUnit(care));
                }
                match nights {
                    Some(0) | None => Err(LengthError::NoNights),
                    Some(n) => Ok(Length::Nights(n)),
                }
            }
            CareType::Day => {
                if nights.is_some() {
                    return Err(LengthError::WrongUnit(care));
                }
                match days.unwrap_or(1) {
                    0 => Err(LengthError::ZeroDays),
                    n => Ok(Length::Days(n)),
                }
            }
            CareType::Visit => match (nights, days) {
                (None, None) | (None, Some(1)) => Ok(Length::Visit),
                _ => Err(LengthError::WrongUnit(care)),
            },
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LengthError {
    #[error("a stay needs at least 1 night (宿泊型は1泊以上): give --nights N with N ≥ 1")]
    NoNights,
    #[error("day care needs at least 1 day (日帰り型は1日以上)")]
    ZeroDays,
    #[error("{0} takes {hint}", hint = wrong_unit_hint(*.0))]
    WrongUnit(CareType),
}

fn wrong_unit_hint(care: CareType) -> &'static str {
    match care {
        CareType::Stay => "--nights",
        CareType::Day => "--days",
        CareType::Visit => "one visit on --start (no --nights/--days)",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stay_of_n_nights_counts_n_plus_one_days() {
        assert_eq!(Length::Nights(1).units(), 2);
        assert_eq!(Length::Nights(3).units(), 4);
    }

    #[test]
    fn huge_lengths_do_not_overflow() {
        assert_eq!(Length::Nights(u32::MAX).units(), u32::MAX);
    }

    #[test]
    fn a_stay_needs_a_night() {
        assert_eq!(Length::for_type(CareType::Stay, Some(0), None), Err(LengthError::NoNights));
        assert_eq!(Length::for_type(CareType::Stay, None, None), Err(LengthError::NoNights));
        assert_eq!(Length::for_type(CareType::Stay, Some(2), None), Ok(Length::Nights(2)));
    }

    #[test]
    fn day_care_defaults_to_one_day_and_visit_is_one_visit() {
        assert_eq!(Length::for_type(CareType::Day, None, None), Ok(Length::Days(1)));
        assert_eq!(Length::for_type(CareType::Visit, None, None), Ok(Length::Visit));
        assert_eq!(
            Length::for_type(CareType::Visit, Some(1), None),
            Err(LengthError::WrongUnit(CareType::Visit))
        );
    }

    #[test]
    fn care_type_ids_round_trip() {
        for &t in CareType::ALL {
            assert_eq!(t.id().parse::<CareType>().unwrap(), t);
        }
        assert!("overnight".parse::<CareType>().is_err());
    }
}
