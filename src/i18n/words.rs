//! Names for the rules' values in any language, from the message files: care types, units,
//! statuses, periods, channels, fees, the cancellation rule. The rules give values, never words;
//! the screens, the command line and the exports name them here.

use chrono::{Datelike, NaiveDate, NaiveDateTime};

use crate::dataset::{Channel, Contact, Text};
use crate::domain::cancel::{CancelRule, DayCount};
use crate::domain::care::{CareType, Length, Unit};
use crate::domain::period::Period;
use crate::i18n::{Locale, format, t, tr};
use crate::store::Status;

/// A unit as the messages' selectors name it (`$unit ->  [day] … *[visit] …`).
pub fn unit_key(u: Unit) -> &'static str {
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

/// One letter or character per care type, for the narrowest columns.
pub fn care_mark(lang: Locale, c: CareType) -> String {
    tr(lang, "care-mark", &[("care", c.id().into())])
}

/// A way of reserving: 電話, WEB, LINE, メール.
pub fn channel(lang: Locale, c: Channel) -> String {
    tr(lang, "channel", &[("channel", c.id().into())])
}

/// Channels in a row, with the language's separator (電話・WEB, phone/WEB).
pub fn channels(lang: Locale, cs: &[Channel]) -> String {
    let names: Vec<String> = cs.iter().map(|c| channel(lang, *c)).collect();
    names.join(&t(lang, "list-sep"))
}

/// `WEBのみ` / `WEB only`: a reservation without a phone line.
pub fn channels_only(lang: Locale, cs: &[Channel]) -> String {
    tr(lang, "channels-only", &[("names", channels(lang, cs).into())])
}

/// `9:00`: the clock is the same in every language the app speaks.
pub fn hm(t: NaiveDateTime) -> String {
    t.format("%-H:%M").to_string()
}

/// A moment relative to now: the time today, the weekday and time within a week, else the date.
pub fn when(lang: Locale, at: NaiveDateTime, now: NaiveDateTime) -> String {
    let days = at.date().signed_duration_since(now.date()).num_days();
    let time = hm(at);
    match days {
        0 => time,
        1..=6 => {
            let weekday = format::weekday(lang, at.date().weekday());
            tr(lang, "when-weekday", &[("weekday", weekday.into()), ("time", time.into())])
        }
        _ => {
            let date = month_day(lang, at.date());
            tr(lang, "when-date", &[("date", date.into()), ("time", time.into())])
        }
    }
}

/// `受付中 11:00まで` / `open until 11:00`: a phone line open now.
pub fn open_until(lang: Locale, closes: Option<NaiveDateTime>, now: NaiveDateTime) -> String {
    match closes {
        None => t(lang, "line-open"),
        Some(c) => tr(lang, "line-open-until", &[("time", when(lang, c, now).into())]),
    }
}

/// `時間外 火9:00から` / `closed, opens Tue 9:00`: a phone line closed now.
pub fn closed_opens(lang: Locale, next: Option<NaiveDateTime>, now: NaiveDateTime) -> String {
    match next {
        None => t(lang, "line-closed"),
        Some(n) => tr(lang, "line-closed-opens", &[("time", when(lang, n, now).into())]),
    }
}

/// `12/3` (`3/12` in Vietnamese): a day without its year.
pub fn month_day(lang: Locale, d: NaiveDate) -> String {
    tr(lang, "month-day", &[("month", d.month().into()), ("day", d.day().into())])
}

/// `2026/12/3`: a date in figures.
pub fn date_numeric(lang: Locale, d: NaiveDate) -> String {
    let args = [("year", d.year().into()), ("month", d.month().into()), ("day", d.day().into())];
    tr(lang, "date-numeric", &args)
}

/// `12/3～12/5`, or `12/3` for one day.
pub fn short_range(lang: Locale, a: NaiveDate, b: NaiveDate) -> String {
    if a == b {
        return month_day(lang, a);
    }
    let (from, to) = (month_day(lang, a), month_day(lang, b));
    tr(lang, "day-range", &[("from", from.into()), ("to", to.into())])
}

/// `2026/1/1～2026/5/1`: two dates in figures.
pub fn numeric_range(lang: Locale, a: NaiveDate, b: NaiveDate) -> String {
    let (from, to) = (date_numeric(lang, a), date_numeric(lang, b));
    tr(lang, "day-range", &[("from", from.into()), ("to", to.into())])
}

fn period_args(p: Period) -> [(&'static str, crate::i18n::Value<'static>); 2] {
    let (kind, n) = match p {
        Period::DaysThrough(n) => ("days-through", n),
        Period::DaysBefore(n) => ("days-before", n),
        Period::MonthsThrough(n) => ("months-through", n),
        Period::MonthsBefore(n) => ("months-before", n),
        Period::YearsWithin(n) => ("years-within", n),
    };
    [("kind", kind.into()), ("n", n.into())]
}

/// An eligibility period for a column: 産後4か月0日まで, `to 4 months 0d`.
pub fn period_short(lang: Locale, p: Period) -> String {
    tr(lang, "period-short", &period_args(p))
}

/// An eligibility period in a sentence: `through 4 months 0 days after birth`.
pub fn period_long(lang: Locale, p: Period) -> String {
    tr(lang, "period-long", &period_args(p))
}

/// A booking's status: 予約済み, `cancelled late`.
pub fn status(lang: Locale, st: Status) -> String {
    tr(lang, "status", &[("status", st.id().into())])
}

/// A booking's length: 2泊3日, `2 nights (3 days)`, 1回.
pub fn length(lang: Locale, l: Length) -> String {
    let (kind, n) = match l {
        Length::Nights(n) => ("nights", n),
        Length::Days(n) => ("days", n),
        Length::Visit => ("visit", 1),
    };
    tr(lang, "length", &[("kind", kind.into()), ("n", n.into()), ("days", (n + 1).into())])
}

/// A contact's name with its section (北区保健所 保健サービス係).
pub fn contact_name(lang: Locale, c: &Contact) -> String {
    let name = dataset_text(lang, &c.name);
    match &c.section {
        Some(sec) => {
            let args = [("name", name.into()), ("section", dataset_text(lang, sec).into())];
            tr(lang, "contact-name", &args)
        }
        None => name.to_string(),
    }
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

    #[test]
    fn shared_words_keep_the_old_japanese_and_english() {
        use chrono::NaiveDate;
        let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
        let now = d(12, 1).and_hms_opt(10, 0, 0).unwrap();
        let tue = d(12, 8).and_hms_opt(9, 0, 0).unwrap();
        assert_eq!(
            open_until(Locale::Ja, Some(d(12, 1).and_hms_opt(11, 0, 0).unwrap()), now),
            "受付中 11:00まで"
        );
        assert_eq!(closed_opens(Locale::En, Some(tue), now), "closed, opens 12/8 9:00");
        assert_eq!(
            closed_opens(Locale::Ja, Some(d(12, 2).and_hms_opt(9, 0, 0).unwrap()), now),
            "時間外 水9:00から"
        );
        assert_eq!(period_short(Locale::Ja, Period::MonthsThrough(4)), "産後4か月0日まで");
        assert_eq!(period_short(Locale::Ja, Period::DaysBefore(60)), "産後60日未満");
        assert_eq!(period_long(Locale::En, Period::YearsWithin(1)), "within 1 year after birth");
        assert_eq!(status(Locale::Ja, Status::CancelledLate), "取消（期限後）");
        assert_eq!(length(Locale::En, Length::Nights(1)), "1 night (2 days)");
        assert_eq!(length(Locale::Ja, Length::Nights(2)), "2泊3日");
        assert_eq!(short_range(Locale::Vi, d(12, 3), d(12, 5)), "3/12-5/12");
        assert_eq!(channels_only(Locale::Ja, &[Channel::Web, Channel::Line]), "WEB・LINEのみ");
        for l in Locale::all() {
            assert!(!status(l, Status::NoShow).is_empty());
            assert!(!care_mark(l, CareType::Visit).is_empty());
        }
    }
}
