//! The dataset's JSON model: the programme's rules and its facilities, as the ward's flyer says.
//! docs/dataset.md documents every field.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::domain::booking::Terms;
use crate::domain::cancel::{CancelRule, DayCount};
use crate::domain::care::{CareType, Unit};
use crate::domain::fees::FeeSchedule;
use crate::domain::hours::{ClockTime, PhoneHours};
use crate::domain::period::Period;

pub use super::text::Text;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dataset {
    /// Format version of this file; this program reads version 1.
    pub version: u32,
    pub programme: Programme,
    pub facilities: Vec<Facility>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Programme {
    pub name: Text,
    pub ward: Text,
    /// The 全国地方公共団体コード of the municipality (6 digits, check digit verified; 北区:
    /// `131172`), shown in exports and reports.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ward_code: Option<String>,
    /// Where the data comes from (the flyer, its year).
    pub source: String,
    pub care_types: Vec<CareTypeRule>,
    pub fee_exemption: FeeExemption,
    pub cancellation: Cancellation,
    pub application: Application,
    pub what_to_bring: Vec<Text>,
    /// Conditions that rule care out (the wizard's screening step).
    pub screening: Vec<Screening>,
    /// The flyer's cautions and notes, in its words.
    pub notes: Vec<Text>,
    pub contacts: Vec<Contact>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CareTypeRule {
    pub id: CareType,
    pub name: Text,
    pub unit: Unit,
    /// Units per application (4 days, 6 days, 3 visits).
    pub limit: u32,
    /// Units per application for a mother of two or more babies, where the programme gives
    /// multiples more (at least `limit`); `limit` when not given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit_multiples: Option<u32>,
    #[serde(flatten)]
    pub fee: FeeSchedule,
    /// The flyer's wording of the limit.
    pub limit_wording: Text,
    /// Whether meals are provided.
    pub meals: bool,
    #[serde(default)]
    pub notes: Vec<Text>,
}

impl CareTypeRule {
    /// The limit for a mother of `babies` babies.
    pub fn limit_for(&self, babies: u32) -> u32 {
        match self.limit_multiples {
            Some(m) if babies >= 2 => m.max(self.limit),
            _ => self.limit,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FeeExemption {
    /// Households that pay 0 yen (住民税非課税世帯, 生活保護世帯).
    pub households: Vec<Text>,
    pub wording: Text,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cancellation {
    /// Cancelling at or after this time, `days_before` days before the first day of use, is late.
    pub cutoff: ClockTime,
    pub days_before: u32,
    /// How those days are counted (calendar days unless the dataset says business days).
    #[serde(default)]
    pub count: DayCount,
    /// Units of the limit a late cancellation consumes.
    pub units_charged: u32,
    /// Units a no-show (無断キャンセル) consumes; as a late cancellation when not given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub no_show_units: Option<u32>,
    pub wording: Text,
}

impl Cancellation {
    /// The rule the domain applies.
    pub fn rule(&self) -> CancelRule {
        CancelRule {
            cutoff: self.cutoff,
            days_before: self.days_before,
            count: self.count,
            units_charged: self.units_charged,
            no_show_units: self.no_show_units.unwrap_or(self.units_charged),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Application {
    pub opens_at_weeks: u32,
    pub coupon_business_days: u32,
    pub wording: Text,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Screening {
    pub id: String,
    pub ja: String,
    pub en: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    pub name: Text,
    /// The section inside the office, where there is one (保健サービス係).
    #[serde(default)]
    pub section: Option<Text>,
    pub phone: String,
}

/// A way of taking reservations.
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
)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase")]
pub enum Channel {
    Phone,
    Web,
    Line,
    Email,
}

impl Channel {
    /// The id in the dataset (`phone`, `web`, `line`, `email`).
    pub fn id(self) -> &'static str {
        self.into()
    }
}

/// A facility's period for one care type.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PeriodEntry {
    pub period: Period,
    /// The flyer's wording (産後 4 か月 0 日まで).
    pub wording: Text,
}

/// How a facility takes reservations for some of its care types.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reservation {
    pub types: Vec<CareType>,
    pub channels: Vec<Channel>,
    /// Phone hours; `null` where the flyer gives none.
    pub hours: Option<PhoneHours>,
    /// The flyer's wording of the cell; `null` where the cell is empty.
    pub wording: Option<Text>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Facility {
    /// Stable ASCII id (a contract with scripts and the store).
    pub id: String,
    /// The Japanese name exactly as on the flyer (and its other languages' names, if given).
    pub name: Text,
    /// The flyer's section the facility is listed under.
    pub section: CareType,
    pub types: Vec<CareType>,
    pub periods: BTreeMap<CareType, PeriodEntry>,
    pub addresses: Vec<String>,
    pub phones: Vec<String>,
    pub email: Option<String>,
    pub reservations: Vec<Reservation>,
    /// (※) rooms may not be private.
    pub shared_room: bool,
    pub message: Option<Text>,
    #[serde(default)]
    pub notes: Vec<Text>,
}

impl Dataset {
    pub fn facility(&self, id: &str) -> Option<&Facility> {
        self.facilities.iter().find(|f| f.id == id)
    }

    pub fn care_rule(&self, care: CareType) -> Option<&CareTypeRule> {
        self.programme.care_rule(care)
    }

    /// What a facility and the programme say about one care type, for `booking::plan`;
    /// `None` when the programme has no such care type.
    pub fn terms(&self, facility: &Facility, care: CareType) -> Option<Terms> {
        let rule = self.care_rule(care)?;
        Some(Terms {
            care,
            offered: facility.offers(care),
            period: facility.period(care).map(|p| p.period),
            fee: rule.fee,
            limit: rule.limit,
            limit_multiples: rule.limit_multiples.unwrap_or(rule.limit),
            cancel: self.programme.cancellation.rule(),
        })
    }
}

impl Programme {
    pub fn care_rule(&self, care: CareType) -> Option<&CareTypeRule> {
        self.care_types.iter().find(|c| c.id == care)
    }

    /// The programme's own (Japanese) name of a care type; the app's word where it has none.
    pub fn care_name(&self, care: CareType) -> std::borrow::Cow<'_, str> {
        match self.care_rule(care) {
            Some(r) => r.name.as_str().into(),
            None => crate::i18n::words::care_name(crate::i18n::Locale::Ja, care).into(),
        }
    }

    /// The care types the programme offers, in its order.
    pub fn offered(&self) -> impl Iterator<Item = CareType> + '_ {
        self.care_types.iter().map(|c| c.id)
    }
}

impl Facility {
    pub fn offers(&self, care: CareType) -> bool {
        self.types.contains(&care)
    }

    pub fn period(&self, care: CareType) -> Option<&PeriodEntry> {
        self.periods.get(&care)
    }

    /// Every channel the facility takes reservations by, in a stable order.
    pub fn channels(&self) -> Vec<Channel> {
        let mut all: Vec<Channel> =
            self.reservations.iter().flat_map(|r| r.channels.iter().copied()).collect();
        all.sort();
        all.dedup();
        all
    }

    /// The reservation entry for a care type.
    pub fn reservation(&self, care: CareType) -> Option<&Reservation> {
        self.reservations.iter().find(|r| r.types.contains(&care))
    }

    /// The phone hours for a care type, or the first ones given when no type is named.
    pub fn phone_hours(&self, care: Option<CareType>) -> Option<&PhoneHours> {
        match care {
            Some(c) => self.reservation(c)?.hours.as_ref(),
            None => self.reservations.iter().find_map(|r| r.hours.as_ref()),
        }
    }

    /// The address's area (北区赤羽台) for search and short lists: the part before the block number.
    pub fn area(&self) -> &str {
        let Some(addr) = self.addresses.first() else { return "" };
        let end = addr.find(|c: char| c.is_ascii_digit() || c == ' ').unwrap_or(addr.len());
        &addr[..end]
    }
}
