//! Why the rules refuse a booking, in the screens' words: the rules return a typed
//! [`Refusal`], this names it in any language (`refusal-*` in `assets/i18n/<lang>/wizard.ftl`).
//! The `match` is exhaustive so that a new refusal cannot go unnamed.

use crate::domain::booking::Refusal;
use crate::domain::care::Unit;
use crate::i18n::{Locale, t, tr};

use crate::i18n::words;

/// The refusal in a sentence or two: `2026/11/19は過去の日付です（今日は2026/11/20）。`
pub fn refusal(lang: Locale, r: &Refusal) -> String {
    let day = |d: &chrono::NaiveDate| words::date_numeric(lang, *d);
    match r {
        Refusal::NotOffered(c) => {
            tr(lang, "refusal-not-offered", &[("care", words::care_short(lang, *c).into())])
        }
        Refusal::NoPeriod(c) => {
            tr(lang, "refusal-no-period", &[("care", words::care_short(lang, *c).into())])
        }
        Refusal::PeriodOutOfRange => t(lang, "refusal-period-out-of-range"),
        Refusal::InPast { start, today } => tr(
            lang,
            "refusal-in-past",
            &[("start", day(start).into()), ("today", day(today).into())],
        ),
        Refusal::BeforeWindow { start, first_day } => tr(
            lang,
            "refusal-before-window",
            &[("start", day(start).into()), ("first", day(first_day).into())],
        ),
        Refusal::AfterWindow { end, last_day } => tr(
            lang,
            "refusal-after-window",
            &[("end", day(end).into()), ("last", day(last_day).into())],
        ),
        Refusal::OverLimit(o) => {
            let unit = o.care.unit();
            let args = [
                ("requested", words::units(lang, o.requested, unit).into()),
                ("remaining", o.remaining.into()),
                ("limit", words::units(lang, o.limit, unit).into()),
                ("unit", if unit == Unit::Day { "day" } else { "visit" }.into()),
            ];
            tr(lang, "refusal-over-limit", &args)
        }
        Refusal::NoBaby => t(lang, "refusal-no-baby"),
        Refusal::Overlaps { first_day, last_day } => tr(
            lang,
            "refusal-overlaps",
            &[("first", day(first_day).into()), ("last", day(last_day).into())],
        ),
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::domain::care::CareType;
    use crate::domain::limits::OverLimit;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    /// One of each refusal: adding a variant to `Refusal` fails to compile in `refusal` first,
    /// then needs a line here.
    fn every_refusal() -> Vec<Refusal> {
        let over = OverLimit { care: CareType::Day, limit: 7, used: 6, remaining: 1, requested: 2 };
        vec![
            Refusal::NotOffered(CareType::Stay),
            Refusal::NoPeriod(CareType::Visit),
            Refusal::PeriodOutOfRange,
            Refusal::InPast { start: d(11, 19), today: d(11, 20) },
            Refusal::BeforeWindow { start: d(10, 2), first_day: d(10, 5) },
            Refusal::AfterWindow { end: d(12, 3), last_day: d(12, 1) },
            Refusal::OverLimit(over),
            Refusal::NoBaby,
            Refusal::Overlaps { first_day: d(11, 25), last_day: d(11, 26) },
        ]
    }

    #[test]
    fn every_language_names_every_refusal_in_its_own_words() {
        for r in every_refusal() {
            let en = refusal(Locale::En, &r);
            for l in Locale::all() {
                let said = refusal(l, &r);
                assert!(!said.is_empty() && !said.contains("refusal-"), "{l:?} {r:?}: {said}");
                // No language falls back to another's words.
                if l != Locale::En {
                    assert_ne!(said, en, "{l:?} {r:?}");
                }
                if l != Locale::Ja {
                    assert_ne!(said, refusal(Locale::Ja, &r), "{l:?} {r:?}");
                }
            }
        }
    }

    #[test]
    fn the_old_japanese_and_english_stay() {
        let past = Refusal::InPast { start: d(11, 19), today: d(11, 20) };
        assert_eq!(refusal(Locale::Ja, &past), "2026/11/19は過去の日付です（今日は2026/11/20）。");
        assert_eq!(refusal(Locale::En, &past), "2026/11/19 is in the past (today is 2026/11/20).");
        let over = Refusal::OverLimit(OverLimit {
            care: CareType::Day,
            limit: 7,
            used: 6,
            remaining: 1,
            requested: 2,
        });
        assert_eq!(refusal(Locale::Ja, &over), "利用上限を超えます: 2日必要、残り1日（上限7日）。");
        assert_eq!(refusal(Locale::En, &over), "Over the limit: 2 days needed, 1 of 7 days left.");
        let stay = Refusal::NotOffered(CareType::Stay);
        assert_eq!(refusal(Locale::Ja, &stay), "この施設では宿泊を利用できません。");
        assert_eq!(refusal(Locale::En, &stay), "The facility does not offer stay.");
    }
}
