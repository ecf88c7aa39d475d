//! The shared panes' words that more than one screen needs (the wizard shows a facility's phone
//! line and a plan's fees too): plain functions of a language and the rules' values, from
//! `assets/i18n/<lang>/panes.ftl`.

use chrono::NaiveDateTime;

use crate::dataset::{Application, CareTypeRule, Channel, FeeExemption, Reservation};
use crate::domain::booking::Plan;
use crate::domain::care::{CareType, Unit};
use crate::domain::period::Window;
use crate::domain::{holidays, hours};
use crate::i18n::{Locale, format, t, tr};
use crate::store::Resident;

use super::text::display_safe;
use crate::i18n::words;

/// What a facility's phone line is doing now, for its colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineState {
    Open,
    Closed,
    /// A phone line whose hours the flyer does not give.
    HoursUnknown,
    /// No way of reserving given at all.
    NoChannel,
    /// Reserved without a phone (WEB, LINE…).
    NoPhone,
}

/// The phone line of a reservation at `now` in words: open until, closed and when it opens (with
/// a warning on a public holiday the flyer says nothing about), or the channels without a phone.
pub fn phone_line(
    lang: Locale,
    r: Option<&Reservation>,
    now: NaiveDateTime,
) -> (String, LineState) {
    let Some(r) = r else { return (t(lang, "pane-no-channel"), LineState::NoChannel) };
    match &r.hours {
        Some(h) => {
            let st = hours::status(h, now);
            let mut text = if st.open {
                words::open_until(lang, st.closes_at, now)
            } else {
                words::closed_opens(lang, st.next_open, now)
            };
            if !h.states_holidays() && holidays::is_holiday(now.date()) {
                text.push(' ');
                text.push_str(&t(lang, "pane-holiday-confirm-short"));
            }
            (text, if st.open { LineState::Open } else { LineState::Closed })
        }
        None if r.channels.contains(&Channel::Phone) => {
            (t(lang, "pane-phone-hours-unknown"), LineState::HoursUnknown)
        }
        None if r.channels.is_empty() => (t(lang, "pane-no-channel"), LineState::NoChannel),
        None => (words::channels_only(lang, &r.channels), LineState::NoPhone),
    }
}

/// A facility's channels in a column, joined with `/` in every language (the column is narrow;
/// `/` reads as "or" everywhere), or that the flyer gives none.
pub fn channel_column(lang: Locale, cs: &[Channel]) -> String {
    if cs.is_empty() {
        return t(lang, "pane-no-channel");
    }
    cs.iter().map(|c| words::channel(lang, *c)).collect::<Vec<_>>().join("/")
}

/// One mark per care type, side by side (宿日訪, SDV).
pub fn care_marks(lang: Locale, types: &[CareType]) -> String {
    types.iter().map(|c| words::care_mark(lang, *c)).collect()
}

/// A count in a narrow number column: `3日` in Japanese, `3` where the unit would not fit.
pub fn units_short(lang: Locale, n: u32, u: Unit) -> String {
    tr(lang, "pane-units-short", &[("n", n.into()), ("unit", words::unit_key(u).into())])
}

/// The fee's base line: `基本 3日x3,300円`, `base 3 days x 3,300`.
pub fn fee_base(lang: Locale, units: u32, u: Unit, per: u32) -> String {
    let args = [
        ("units", words::units(lang, units, u).into()),
        ("amount", format::number(lang, u64::from(per)).into()),
    ];
    tr(lang, "pane-fee-base", &args)
}

/// The extra babies' line: `多胎加算 +1人 3日x1,100円`, `+1 baby 3 days x 1,100`.
pub fn fee_extra(lang: Locale, units: u32, u: Unit, per: u32, extra_babies: u32) -> String {
    let args = [
        ("babies", extra_babies.into()),
        ("units", words::units(lang, units, u).into()),
        ("amount", format::number(lang, u64::from(per)).into()),
    ];
    tr(lang, "pane-fee-extra", &args)
}

/// The plan being made, in a line: `選択中: 宿泊 12/3～12/5`.
pub fn selection_line(lang: Locale, p: &Plan) -> String {
    let args = [
        ("care", words::care_short(lang, p.care).into()),
        ("dates", words::short_range(lang, p.first_day, p.last_day).into()),
    ];
    tr(lang, "pane-selection", &args)
}

/// Her window for a type, with her number: `2026/1/1～2026/5/1（R-0001）`.
pub fn window_text(lang: Locale, id: &str, w: Window) -> String {
    let args = [
        ("from", words::date_numeric(lang, w.first_day).into()),
        ("to", words::date_numeric(lang, w.last_day).into()),
        ("id", id.to_string().into()),
    ];
    tr(lang, "pane-window-text", &args)
}

/// The resident in a line: her number, the birth date, babies (when more than one), and the
/// corrected-age and exemption flags.
pub fn resident_summary(lang: Locale, r: &Resident) -> String {
    let mut parts = vec![r.id.clone()];
    let born = words::date_numeric(lang, r.birth);
    parts.push(tr(lang, "pane-resident-born", &[("date", born.into())]));
    if r.babies > 1 {
        parts.push(tr(lang, "pane-resident-babies", &[("n", r.babies.into())]));
    }
    if r.corrected {
        parts.push(t(lang, "pane-resident-corrected"));
    }
    if r.exempt {
        parts.push(t(lang, "pane-resident-exempt"));
    }
    parts.join(" ")
}

/// A care type's rule in a line: its limit (the flyer's wording in Japanese, the number in other
/// languages; more for multiples where the programme gives more), the extra-baby fee, meals.
pub fn care_detail(lang: Locale, c: CareType, rule: &CareTypeRule) -> String {
    let unit = c.unit();
    let limit = if lang.is_japanese() {
        display_safe(words::dataset_text(lang, &rule.limit_wording))
    } else {
        words::units(lang, rule.limit, unit)
    };
    let more = rule.limit_multiples.filter(|m| *m > rule.limit);
    let yes_no = |b: bool| if b { "yes" } else { "no" };
    let args = [
        ("limit", limit.into()),
        ("multiples", yes_no(more.is_some()).into()),
        ("more", more.map(|m| words::units(lang, m, unit)).unwrap_or_default().into()),
        ("extra", words::fee_per_unit(lang, rule.fee.extra_baby_yen, unit).into()),
        ("meals", yes_no(rule.meals).into()),
    ];
    tr(lang, "pane-care-detail", &args)
}

/// Who pays no fee (the dataset's texts made safe to draw, `display_safe`): the dataset's words in the screen's language, else its rule's values.
pub fn exemption_text(lang: Locale, e: &FeeExemption) -> String {
    if let Some(w) = e.wording.exactly(lang.tag()) {
        return display_safe(w);
    }
    let households: Vec<String> =
        e.households.iter().map(|h| display_safe(words::dataset_text(lang, h))).collect();
    let list = households.join(&t(lang, "pane-households-sep"));
    tr(lang, "pane-exemption", &[("households", list.into())])
}

/// How to apply (made safe to draw): the dataset's words in the screen's language, else its rule's values.
pub fn application_text(lang: Locale, a: &Application) -> String {
    if let Some(w) = a.wording.exactly(lang.tag()) {
        return display_safe(w);
    }
    let args = [("weeks", a.opens_at_weeks.into()), ("days", a.coupon_business_days.into())];
    tr(lang, "pane-application", &args)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn japanese_and_english_keep_the_old_words() {
        assert_eq!(fee_base(Locale::Ja, 3, Unit::Day, 3300), "基本 3日x3,300円");
        assert_eq!(fee_base(Locale::En, 3, Unit::Day, 3300), "base 3 days x 3,300");
        assert_eq!(fee_extra(Locale::Ja, 3, Unit::Day, 1100, 1), "多胎加算 +1人 3日x1,100円");
        assert_eq!(fee_extra(Locale::En, 1, Unit::Visit, 340, 2), "+2 babies 1 visit x 340");
        assert_eq!(units_short(Locale::Ja, 4, Unit::Visit), "4回");
        assert_eq!(units_short(Locale::En, 4, Unit::Visit), "4");
        let w = Window {
            first_day: NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
            last_day: NaiveDate::from_ymd_opt(2026, 5, 1).unwrap(),
        };
        assert_eq!(window_text(Locale::Ja, "R-1", w), "2026/1/1～2026/5/1（R-1）");
        assert_eq!(window_text(Locale::En, "R-1", w), "2026/1/1 to 2026/5/1 (R-1)");
        assert_eq!(channel_column(Locale::Ja, &[Channel::Phone, Channel::Web]), "電話/WEB");
        assert_eq!(channel_column(Locale::En, &[]), "not given");
        assert_eq!(care_marks(Locale::Ja, &[CareType::Stay, CareType::Day]), "宿日");
    }

    #[test]
    fn every_language_has_the_words() {
        for l in Locale::all() {
            assert!(!fee_extra(l, 2, Unit::Day, 1100, 1).contains("pane-"), "{l:?}");
            assert!(units_short(l, 3, Unit::Day).contains('3'), "{l:?}");
        }
    }
}
