//! The iCalendar export (RFC 5545): one all-day VEVENT per booking (`DTSTART;VALUE=DATE` on its
//! first day, `DTEND;VALUE=DATE` the day after its last: the flyer gives no hours, and a
//! calendar shows whole days, not midnight-to-midnight times), with the booking's id as a
//! stable UID so re-importing updates rather than duplicates. Cancelled bookings are
//! `STATUS:CANCELLED`. Output is deterministic (DTSTAMP is the booking's last change). Dates
//! are the Japanese calendar's; no time zone is needed for all-day events.

use crate::i18n::{Locale::Ja, words};
use std::io::Write;

use chrono::{Days, NaiveDate, NaiveDateTime, TimeDelta};

use super::Store;
use super::bookings::{Booking, Status};
use super::error::StoreError;
use crate::dataset::Dataset;
use crate::domain::cancel::CancelRule;
use crate::domain::fees::yen;
use crate::domain::jst;

/// The UID domain.
pub const UID_DOMAIN: &str = "sango.kita-city";

/// Escapes TEXT values.
fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds a content line at 75 octets without splitting a character, CRLF-terminated.
fn fold(line: &str, out: &mut String) {
    let mut used = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if used + n > 75 {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += n;
    }
    out.push_str("\r\n");
}

fn utc(t: NaiveDateTime) -> String {
    use chrono::{Datelike, Timelike};
    let t = t.checked_sub_signed(TimeDelta::hours(9)).unwrap_or(t);
    // Written out rather than through a format string, which is parsed again for every call.
    if !(0..=9999).contains(&t.year()) {
        return t.format("%Y%m%dT%H%M%SZ").to_string();
    }
    format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}Z",
        t.year(),
        t.month(),
        t.day(),
        t.hour(),
        t.minute(),
        t.second()
    )
}

fn date(d: NaiveDate) -> String {
    use chrono::Datelike;
    if !(0..=9999).contains(&d.year()) {
        return d.format("%Y%m%d").to_string();
    }
    format!("{:04}{:02}{:02}", d.year(), d.month(), d.day())
}

/// What an export of practice data puts before the calendar's name and every summary.
pub const PRACTICE_MARK: &str = "【練習】";

/// The calendar text of `bookings`; an export of practice data says so in every summary.
pub fn render(bookings: &[Booking], dataset: Option<&Dataset>, practice: bool) -> String {
    let mut out = head(practice);
    let rule = dataset.map(|d| d.programme.cancellation.rule());
    for b in bookings {
        let facility = dataset.and_then(|d| d.facility(&b.facility));
        let f = facility.map(|f| (f.name.as_str(), f.phones.as_slice()));
        out.push_str(&event(b, f, rule.as_ref(), practice));
    }
    fold("END:VCALENDAR", &mut out);
    out
}

/// The calendar's first lines.
fn head(practice: bool) -> String {
    let mut out = String::new();
    let mark = if practice { PRACTICE_MARK } else { "" };
    let calendar_name = format!("X-WR-CALNAME:{mark}産後ケア予約");
    let head = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Kita City//sango//JA",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        &calendar_name,
        "X-WR-TIMEZONE:Asia/Tokyo",
    ];
    for l in &head {
        fold(l, &mut out);
    }
    out
}

/// One booking's event; `facility` is its name and phones and `rule` the programme's
/// cancellation rule, when the dataset is known.
fn event(
    b: &Booking,
    facility: Option<(&str, &[String])>,
    rule: Option<&CancelRule>,
    practice: bool,
) -> String {
    let mut out = String::new();
    let mark = if practice { PRACTICE_MARK } else { "" };
    {
        let name = facility.map(|f| f.0).unwrap_or(b.facility.as_str());
        let end = b.last_day.checked_add_days(Days::new(1)).unwrap_or(b.last_day);
        let mut desc = vec![
            format!("利用者番号 (resident): {}", b.resident),
            format!("種類 (type): {}", words::care_name(Ja, b.care)),
            format!("利用料 (fee): {}円", yen(b.fee_yen)),
            format!("予約ID (booking): {}", b.id),
        ];
        if let Some(code) = &b.code {
            desc.push(format!("予約番号 (booking code): {code}"));
        }
        if b.status == Status::Booked
            && let Some(rule) = rule
        {
            let by = b.cancel_by(rule);
            desc.push(format!("無料で取消できる期限 (cancel by): {}", jst::rfc3339(by)));
        }
        if let Some((_, phones)) = facility
            && !phones.is_empty()
        {
            desc.push(format!("電話 (phone): {}", phones.join(" / ")));
        }
        if b.entered_late() {
            desc.push("後日記録 (entered late): 予約 (the booking)".to_string());
        }
        if b.cancel_entered_late() {
            desc.push("後日記録 (entered late): 取消 (the cancellation)".to_string());
        }
        let cancelled = b.status.is_cancelled();
        let lines = [
            "BEGIN:VEVENT".to_string(),
            format!("UID:{}@{UID_DOMAIN}", b.id),
            format!("DTSTAMP:{}", utc(b.updated_at)),
            format!("CREATED:{}", utc(b.created_at)),
            format!("LAST-MODIFIED:{}", utc(b.updated_at)),
            format!("DTSTART;VALUE=DATE:{}", date(b.first_day)),
            format!("DTEND;VALUE=DATE:{}", date(end)),
            format!(
                "SUMMARY:{}",
                text(&format!(
                    "{mark}産後ケア {} {} ({})",
                    words::care_short(Ja, b.care),
                    name,
                    b.resident
                ))
            ),
            format!("DESCRIPTION:{}", text(&desc.join("\n"))),
            format!("STATUS:{}", if cancelled { "CANCELLED" } else { "CONFIRMED" }),
            format!("SEQUENCE:{}", u32::from(cancelled)),
            // A booking does not make the mother busy in her calendar all day.
            "TRANSP:TRANSPARENT".to_string(),
            "END:VEVENT".to_string(),
        ];
        for l in &lines {
            fold(l, &mut out);
        }
    }
    out
}

impl Store {
    /// Every booking as an iCalendar file.
    pub fn export_ics(&self, dataset: Option<&Dataset>) -> Result<String, StoreError> {
        let mut out = Vec::new();
        self.write_export_ics(&mut out, dataset)?;
        String::from_utf8(out).map_err(|e| self.output_error(e.to_string()))
    }

    /// Writes every booking as an iCalendar event to `out` as they are read, in one snapshot:
    /// the same text as [`Store::export_ics`].
    pub fn write_export_ics(
        &self,
        out: &mut dyn Write,
        dataset: Option<&Dataset>,
    ) -> Result<(), StoreError> {
        let practice = self.kind() == super::StoreKind::Practice;
        // Looked up once each: 2,000 facilities searched for each of a million bookings is long.
        let facilities: std::collections::HashMap<&str, &crate::dataset::Facility> =
            dataset.iter().flat_map(|d| &d.facilities).map(|f| (f.id.as_str(), f)).rev().collect();
        let rule = dataset.map(|d| d.programme.cancellation.rule());
        let tx = self.read()?;
        let io = |e: std::io::Error| self.output_error(e.to_string());
        out.write_all(head(practice).as_bytes()).map_err(io)?;
        self.each_booking(|b| {
            let facility = facilities.get(b.facility.as_str());
            let f = facility.map(|f| (f.name.as_str(), f.phones.as_slice()));
            out.write_all(event(&b, f, rule.as_ref(), practice).as_bytes()).map_err(io)
        })?;
        let mut end = String::new();
        fold("END:VCALENDAR", &mut end);
        out.write_all(end.as_bytes()).map_err(io)?;
        tx.commit().map_err(|e| self.err(e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_fold_between_characters() {
        let mut out = String::new();
        let line = format!("SUMMARY:{}", "産".repeat(40));
        fold(&line, &mut out);
        for l in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(l.len() <= 75, "{l}");
        }
        assert_eq!(out.replace("\r\n ", "").trim_end(), line);
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(text("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
    }

    #[test]
    fn times_are_utc_for_stamps() {
        let t = jst::parse_moment("2026-12-02T09:00").unwrap();
        assert_eq!(utc(t), "20261202T000000Z");
        let t = jst::parse_moment("0999-01-01T08:59").unwrap();
        assert_eq!(utc(t), "09981231T235900Z");
        assert_eq!(date(t.date()), t.date().format("%Y%m%d").to_string());
    }
}
