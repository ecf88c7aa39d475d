//! A booking's words that more than one screen shows (the wizard, the bookings, the quota):
//! its dates and length, the window, what is left, the cancel notice, its code. Plain: a
//! language and the rules' values in, words out (`assets/i18n/<lang>/wizard.ftl`).

use chrono::NaiveDate;

use crate::domain::booking::Plan;
use crate::domain::cancel::CancelNotice;
use crate::domain::care::{CareType, Length, Unit};
use crate::domain::period::Window;
use crate::i18n::{Locale, format, tr};

use crate::i18n::words;

/// `/日`, `/day`: the unit a fee is per, after an amount set apart to line up with others.
pub fn per_unit(lang: Locale, u: Unit) -> String {
    tr(lang, "booking-per-unit", &[("unit", words::unit_key(u).into())])
}

/// `残り 3日 / 上限 7日`, `3 of 7 days left`.
pub fn left_of(lang: Locale, left: u32, limit: u32, u: Unit) -> String {
    let args = [
        ("left", left.into()),
        ("limit", words::units(lang, limit, u).into()),
        ("unit", words::unit_key(u).into()),
    ];
    tr(lang, "booking-left-of", &args)
}

/// `利用期間 2026/1/1～2026/5/1`, `Window 2026/1/1-2026/5/1`.
pub fn window_line(lang: Locale, w: Window) -> String {
    let range = words::numeric_range(lang, w.first_day, w.last_day);
    tr(lang, "booking-window", &[("range", range.into())])
}

/// The days of the window from `today` (or its start) to its end: `残り30日`.
pub fn days_left(lang: Locale, w: Window, today: NaiveDate) -> String {
    let from = w.first_day.max(today);
    let n = w.last_day.signed_duration_since(from).num_days() + 1;
    tr(lang, "booking-days-left", &[("n", n.into())])
}

/// `期間: 2泊3日`, `Length: 2 nights (3 days)`.
pub fn length_line(lang: Locale, l: Length) -> String {
    tr(lang, "booking-length-line", &[("length", words::length(lang, l).into())])
}

/// A plan's dates and length: `2026年12月3日(木)～12/5(土) 2泊3日`.
pub fn plan_dates(lang: Locale, p: &Plan) -> String {
    let length = match p.care {
        CareType::Stay => Length::Nights(p.units.saturating_sub(1)),
        CareType::Day => Length::Days(p.units),
        CareType::Visit => Length::Visit,
    };
    let kind = if p.first_day == p.last_day { "one-day" } else { "days" };
    let args = [
        ("kind", kind.into()),
        ("first", format::date_long(lang, p.first_day).into()),
        ("last", format::date_short(lang, p.last_day).into()),
        ("length", words::length(lang, length).into()),
    ];
    tr(lang, "booking-plan-dates", &args)
}

/// What a booking's notice says about cancelling it: before the cutoff (and the last time the
/// facility's phone is open before it, when that is earlier), or that any cancellation is late
/// because it was booked after its own cutoff. One sentence a line.
pub fn cancel_notice(lang: Locale, n: &CancelNotice, u: Unit) -> Vec<String> {
    let at = |id: &str, t: chrono::NaiveDateTime| {
        let args = [
            ("date", format::date_short(lang, t.date()).into()),
            ("time", words::hm(t).into()),
            ("units", words::units(lang, n.late_units, u).into()),
        ];
        tr(lang, id, &args)
    };
    if n.already_late {
        return vec![at("booking-cancel-already-late", n.cancel_by)];
    }
    let mut out = vec![at("booking-cancel-by", n.cancel_by)];
    if let Some(call) = n.last_call.filter(|c| c.end < n.cancel_by) {
        out.push(at("booking-last-call", call.end));
    }
    out
}

/// The booking code, to read over the phone: `予約番号 K7Q-3MX`.
pub fn booking_code(lang: Locale, code: &str) -> String {
    tr(lang, "booking-code", &[("code", code.into())])
}

/// A booking without a code (a provisional one) by its id.
pub fn booking_number(lang: Locale, id: &str) -> String {
    tr(lang, "booking-number", &[("id", id.into())])
}

/// Before the booking: it is recorded with the ward; the facility is reserved separately, by
/// `channels`.
pub fn records_with_ward(lang: Locale, channels: &str) -> String {
    tr(lang, "booking-records-with-ward", &[("channels", channels.into())])
}

/// After the booking: what was done, and what remains.
pub fn recorded_next_step(lang: Locale, channels: &str) -> String {
    tr(lang, "booking-recorded-next-step", &[("channels", channels.into())])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::hours::OpenSpan;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    #[test]
    fn the_old_japanese_and_english_stay() {
        let w = Window { first_day: d(1, 1), last_day: d(5, 1) };
        assert_eq!(window_line(Locale::Ja, w), "利用期間 2026/1/1～2026/5/1");
        assert_eq!(window_line(Locale::En, w), "Window 2026/1/1-2026/5/1");
        assert_eq!(days_left(Locale::Ja, w, d(4, 2)), "残り30日");
        assert_eq!(days_left(Locale::En, w, d(4, 2)), "30 days left");
        assert_eq!(left_of(Locale::Ja, 3, 7, Unit::Day), "残り 3日 / 上限 7日");
        assert_eq!(left_of(Locale::En, 3, 7, Unit::Day), "3 of 7 days left");
        assert_eq!(per_unit(Locale::En, Unit::Visit), "/visit");
        assert_eq!(length_line(Locale::Ja, Length::Nights(2)), "期間: 2泊3日");
        assert_eq!(booking_code(Locale::En, "K7Q"), "Booking code K7Q");
    }

    #[test]
    fn the_cancel_notice_in_every_language() {
        let by = d(12, 2).and_hms_opt(11, 0, 0).unwrap();
        let call = OpenSpan {
            start: d(12, 1).and_hms_opt(9, 0, 0).unwrap(),
            end: d(12, 1).and_hms_opt(17, 0, 0).unwrap(),
        };
        let n = CancelNotice {
            cancel_by: by,
            already_late: false,
            late_units: 1,
            last_call: Some(call),
        };
        let ja = cancel_notice(Locale::Ja, &n, Unit::Day);
        assert_eq!(
            ja[0],
            "取消は 12/2(水) 11:00 より前に（施設にも電話）。それ以降の取消は1日分を利用したものとみなします。"
        );
        assert_eq!(ja.len(), 2);
        let en = cancel_notice(Locale::En, &n, Unit::Day);
        assert_eq!(
            en[0],
            "Cancel before 11:00 on Wed 12/2 to keep it (and phone the facility); later, 1 day is used up."
        );
        for l in Locale::all() {
            for line in cancel_notice(l, &n, Unit::Visit) {
                assert!(line.contains("11:00") || line.contains("17:00"), "{l:?}: {line}");
                assert!(!line.contains("booking-"), "{l:?}: {line}");
            }
        }
    }
}
