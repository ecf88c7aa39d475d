//! A booking's state and its cancellation in words, in any language (`screens.ftl`): the
//! bookings list, the cancel question and the message after it say the same deadline and the
//! same units used; the day view shows the same status. The rules give the values
//! (`CancelOutcome`, the deadline), these only name them.

use chrono::{NaiveDate, NaiveDateTime};

use crate::domain::cancel::CancelOutcome;
use crate::domain::care::Unit;
use crate::i18n::{Locale, Value, format, t, tr};
use crate::store::{Booking, Status};

use crate::i18n::words;

fn yes_no(b: bool) -> Value<'static> {
    (if b { "yes" } else { "no" }).into()
}

/// The deadline's day and time as variables: `12/3(木)` and `11:00`.
fn deadline(lang: Locale, by: NaiveDateTime) -> [(&'static str, Value<'static>); 2] {
    [("date", format::date_short(lang, by.date()).into()), ("time", words::hm(by).into())]
}

/// A booking's status as of `today`, marked 後日記録 when it or its cancellation was entered
/// more than 10 minutes after the moment it records.
pub fn booking_status(lang: Locale, b: &Booking, today: NaiveDate) -> String {
    let st = words::status(lang, b.status_at(today));
    if b.entered_late() || b.cancel_entered_late() {
        format!("{st} {}", t(lang, "bookings-entered-late"))
    } else {
        st
    }
}

/// Under a booking still booked: `取消期限 12/3(木) 11:00`, or that it has passed.
pub fn cancel_state(lang: Locale, by: NaiveDateTime, late: bool) -> String {
    let [date, time] = deadline(lang, by);
    tr(lang, "bookings-cancel-by", &[("late", yes_no(late)), date, time])
}

/// Under a booking cancelled late: what was counted as used.
pub fn charged(lang: Locale, n: u32, unit: Unit) -> String {
    tr(lang, "bookings-charged", &[("units", words::units(lang, n, unit).into())])
}

/// In the cancel question: on time (nothing used) or late (what is used), with the deadline.
pub fn cancel_outcome(lang: Locale, by: NaiveDateTime, o: &CancelOutcome, unit: Unit) -> String {
    let [date, time] = deadline(lang, by);
    let units = words::units(lang, o.units_charged, unit);
    tr(
        lang,
        "bookings-cancel-outcome",
        &[("late", yes_no(o.late)), date, time, ("units", units.into())],
    )
}

/// In the cancel question: the facility must be phoned too.
pub fn phone_the_facility(lang: Locale, phones: &str) -> String {
    tr(lang, "bookings-phone-facility", &[("phones", phones.into())])
}

/// After a cancellation: on time or late (and what was used), and the numbers to phone.
pub fn cancelled(lang: Locale, o: &CancelOutcome, unit: Unit, phones: &[String]) -> String {
    let args = [
        ("late", yes_no(o.late)),
        ("units", words::units(lang, o.units_charged, unit).into()),
        ("phones", phones.join(", ").into()),
    ];
    tr(lang, "bookings-cancelled", &args)
}

/// Why a booking cannot be cancelled: its status.
pub fn cannot_cancel(lang: Locale, st: Status) -> String {
    tr(lang, "bookings-cannot-cancel", &[("status", words::status(lang, st).into())])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(m: u32, d: u32, h: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap().and_hms_opt(h, 0, 0).unwrap()
    }

    #[test]
    fn the_old_japanese_and_english_words() {
        let by = at(12, 3, 11);
        assert_eq!(cancel_state(Locale::Ja, by, false), "取消期限 12/3(木) 11:00");
        assert_eq!(cancel_state(Locale::Ja, by, true), "取消期限 12/3(木) 11:00 を過ぎています");
        assert_eq!(cancel_state(Locale::En, by, false), "cancel before 11:00 on Thu 12/3");
        assert_eq!(
            cancel_state(Locale::En, by, true),
            "past the cancel deadline (11:00 on Thu 12/3)"
        );
        let late = CancelOutcome { late: true, units_charged: 1 };
        let on_time = CancelOutcome { late: false, units_charged: 0 };
        assert_eq!(
            cancel_outcome(Locale::Ja, by, &late, Unit::Day),
            "期限（12/3(木)11:00）を過ぎた取消です。1日分を利用したものとみなし、残りが減ります。"
        );
        assert_eq!(
            cancel_outcome(Locale::En, by, &on_time, Unit::Day),
            "On time (deadline Thu 12/3 11:00): nothing is used up."
        );
        let phones = ["03-1234-5678".to_string(), "03-0000-0000".to_string()];
        assert_eq!(
            cancelled(Locale::En, &late, Unit::Visit, &phones),
            "Cancelled late (1 visit used). Please also phone the facility: 03-1234-5678, 03-0000-0000"
        );
        assert_eq!(
            charged(Locale::Ja, 2, Unit::Day),
            "期限後の取消: 2日分を利用したものとみなしました"
        );
        assert_eq!(
            cannot_cancel(Locale::En, Status::Used),
            "This booking cannot be cancelled (used)."
        );
    }

    #[test]
    fn every_language_says_the_deadline_and_the_units() {
        let by = at(12, 3, 11);
        let late = CancelOutcome { late: true, units_charged: 1 };
        for l in Locale::all() {
            let s = cancel_outcome(l, by, &late, Unit::Day);
            assert!(s.contains("11:00") && s.contains('1'), "{l:?}: {s}");
            assert!(cancel_state(l, by, true).contains("11:00"), "{l:?}");
            assert!(cancelled(l, &late, Unit::Day, &["03-1".into()]).contains("03-1"), "{l:?}");
        }
    }
}
