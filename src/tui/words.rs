//! The screens' names for the rules' values in any language, from the message files
//! (`crate::i18n`): care types, units, fees, the cancellation rule. The rules give values, never
//! words.

use crate::dataset::Text;
use crate::domain::cancel::{CancelRule, DayCount};
use crate::domain::care::{CareType, Unit};
use crate::i18n::{Locale, format, t, tr};

fn unit_key(u: Unit) -> &'static str {
    match u {
        Unit::Day => "day",
        Unit::Visit => "visit",
    }
}

/// The care type's official name (glossary.toml).
pub fn care_name(lang: Locale, c: CareType) -> String {
    t(lang, care_id(c, false))
}

/// A short name for narrow columns.
pub fn care_short(lang: Locale, c: CareType) -> String {
    t(lang, care_id(c, true))
}

fn care_id(c: CareType, short: bool) -> &'static str {
    match (c, short) {
        (CareType::Stay, false) => "care-stay",
        (CareType::Day, false) => "care-day",
        (CareType::Visit, false) => "care-visit",
        (CareType::Stay, true) => "care-stay-short",
        (CareType::Day, true) => "care-day-short",
        (CareType::Visit, true) => "care-visit-short",
    }
}

/// `3日`, `3 days`, `1 visit`: a count of units with the language's plural.
pub fn units(lang: Locale, n: u32, u: Unit) -> String {
    tr(lang, "units-long", &[("n", n.into()), ("unit", unit_key(u).into())])
}

/// `3,300円/日`, `¥3,300/day`.
pub fn fee_per_unit(lang: Locale, yen: u32, u: Unit) -> String {
    let fee = format::yen(lang, yen);
    tr(lang, "fee-per-unit", &[("fee", fee.into()), ("unit", unit_key(u).into())])
}

/// A text of the dataset in this language where it has one, else its Japanese as is.
pub fn dataset_text(lang: Locale, text: &Text) -> &str {
    text.get(lang.tag())
}

/// The programme's cancellation rule in a few sentences, made from its values (`units`: the
/// units of the care types it offers, to name what is used up).
pub fn cancel_rule(lang: Locale, r: &CancelRule, units_offered: &[Unit]) -> String {
    let mut offered: Vec<Unit> = units_offered.to_vec();
    offered.dedup();
    let used = |n: u32| {
        let each: Vec<String> = offered.iter().map(|u| units(lang, n, *u)).collect();
        each.join(&t(lang, "units-or"))
    };
    let kind = match (r.count, r.days_before) {
        (_, 0) => "same-day",
        (DayCount::CalendarDays, 1) => "day-before",
        (DayCount::CalendarDays, _) => "days-before",
        (DayCount::BusinessDays, 1) => "business-day-before",
        (DayCount::BusinessDays, _) => "business-days-before",
    };
    let when = tr(lang, "cancel-when", &[("kind", kind.into()), ("days", r.days_before.into())]);
    let business = if r.count == DayCount::BusinessDays && r.days_before > 0 {
        t(lang, "cancel-business-days")
    } else {
        String::new()
    };
    let same = if r.no_show_units == r.units_charged { "yes" } else { "no" };
    tr(
        lang,
        "cancel-rule",
        &[
            ("when", when.into()),
            ("time", r.cutoff.to_string().into()),
            ("business", business.into()),
            ("same", same.into()),
            ("late", used(r.units_charged).into()),
            ("noshow", used(r.no_show_units).into()),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_kita_rule_in_japanese_and_english() {
        let ja = cancel_rule(Locale::Ja, &CancelRule::KITA, &[Unit::Day, Unit::Day, Unit::Visit]);
        assert!(ja.starts_with("前日の11:00より前に取消せば"), "{ja}");
        assert!(ja.contains("1日・1回"), "{ja}");
        let en = cancel_rule(Locale::En, &CancelRule::KITA, &[Unit::Day]);
        assert!(en.starts_with("Cancel before 11:00 the day before"), "{en}");
        assert!(en.contains("1 day is used up"), "{en}");
    }

    #[test]
    fn every_language_names_every_value() {
        for l in Locale::all() {
            for c in [CareType::Stay, CareType::Day, CareType::Visit] {
                assert!(!care_name(l, c).starts_with("care-"));
                assert!(!units(l, 2, c.unit()).contains("units"));
            }
            let rule = cancel_rule(l, &CancelRule::KITA, &[Unit::Day]);
            assert!(rule.contains("11:00"), "{l:?}: {rule}");
        }
        assert_eq!(fee_per_unit(Locale::Vi, 3300, Unit::Day), "3.300 yên/ngày");
    }
}
