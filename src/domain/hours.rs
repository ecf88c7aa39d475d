//! Phone reservation hours (電話受付時間): weekly ranges, start inclusive and end exclusive, with
//! the exclusions a facility's row states (public holidays, the Nth weekday of a month, fixed date
//! ranges such as 12/29–1/3). All times are Japan wall-clock time.
//! `is_open` and `status` are pure and allocation-free (called for every facility on each redraw);

use std::fmt;

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, Timelike};
use serde::{Deserialize, Serialize};

use super::holidays;

/// A day of the week, Monday first, written `mon`…`sun` in the dataset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Day {
    Mon,
    Tue,
    Wed,
    Thu,
    Fri,
    Sat,
    Sun,
}

impl Day {
    pub const ALL: [Day; 7] =
        [Day::Mon, Day::Tue, Day::Wed, Day::Thu, Day::Fri, Day::Sat, Day::Sun];

    pub fn from_chrono(w: chrono::Weekday) -> Day {
        Day::ALL[w.num_days_from_monday() as usize]
    }

    pub fn ja(self) -> &'static str {
        ["月", "火", "水", "木", "金", "土", "日"][self as usize]
    }

    pub fn en(self) -> &'static str {
        ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][self as usize]
    }
}

/// A wall-clock time written `HH:MM`, as minutes since midnight. `24:00` is allowed as an end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ClockTime(pub u16);

impl ClockTime {
    pub fn hm(h: u16, m: u16) -> ClockTime {
        ClockTime(h * 60 + m)
    }
    pub fn hour(self) -> u16 {
        self.0 / 60
    }
    pub fn minute(self) -> u16 {
        self.0 % 60
    }
}

impl TryFrom<String> for ClockTime {
    type Error = String;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        let bad = || format!("'{s}' is not a time HH:MM (00:00 to 24:00)");
        let (h, m) = s.split_once(':').ok_or_else(bad)?;
        if h.len() != 2 || m.len() != 2 {
            return Err(bad());
        }
        let h: u16 = h.parse().map_err(|_| bad())?;
        let m: u16 = m.parse().map_err(|_| bad())?;
        if m >= 60 || h > 24 || (h == 24 && m != 0) {
            return Err(bad());
        }
        Ok(ClockTime(h * 60 + m))
    }
}

impl From<ClockTime> for String {
    fn from(t: ClockTime) -> String {
        t.to_string()
    }
}

impl fmt::Display for ClockTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.hour(), self.minute())
    }
}

/// A month and day written `MM-DD` (for yearly date ranges such as 12-29 to 01-03).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct MonthDay {
    pub month: u8,
    pub day: u8,
}

impl TryFrom<String> for MonthDay {
    type Error = String;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        let bad = || format!("'{s}' is not a month-day MM-DD");
        let (m, d) = s.split_once('-').ok_or_else(bad)?;
        let month: u8 = m.parse().map_err(|_| bad())?;
        let day: u8 = d.parse().map_err(|_| bad())?;
        // 2000 is a leap year, so 02-29 is accepted.
        NaiveDate::from_ymd_opt(2000, month.into(), day.into()).ok_or_else(bad)?;
        Ok(MonthDay { month, day })
    }
}

impl From<MonthDay> for String {
    fn from(md: MonthDay) -> String {
        md.to_string()
    }
}

impl fmt::Display for MonthDay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}-{:02}", self.month, self.day)
    }
}

/// Open from `start` (inclusive) to `end` (exclusive) on each of `days`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WeeklyRange {
    pub days: Vec<Day>,
    pub start: ClockTime,
    pub end: ClockTime,
}

/// Days on which the weekly pattern does not apply (the line is closed all day).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Exclusion {
    /// Japanese public holidays (※祝除く, 平日).
    Holidays,
    /// The `n`th given weekday of each month (第二土曜日: n = 2, weekday = sat).
    NthWeekday { n: u8, weekday: Day },
    /// A yearly date range, both ends included; may wrap the year end (12-29 to 01-03).
    DateRange { from: MonthDay, to: MonthDay },
}

/// A facility's phone hours. Unknown fields are refused: a typo such as `exclusion` would
/// otherwise drop every exclusion silently.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PhoneHours {
    pub ranges: Vec<WeeklyRange>,
    #[serde(default)]
    pub exclusions: Vec<Exclusion>,
}

/// Whether the line is open at a moment, and when that changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct HoursStatus {
    pub open: bool,
    /// When open: the moment it closes (exclusive end of the current range).
    pub closes_at: Option<NaiveDateTime>,
    /// When closed: the next opening at or after the moment (None if it never opens).
    pub next_open: Option<NaiveDateTime>,
}

/// How many days after the asked moment `status` looks for the next opening (or the end of a
/// span that runs past midnight) before giving up.
pub const SEARCH_DAYS: u32 = 400;

/// Minutes in a day: `24:00`.
const DAY_END: u16 = 24 * 60;

impl WeeklyRange {
    /// True when the range lists `day`.
    pub fn has_day(&self, day: Day) -> bool {
        self.days.contains(&day)
    }

    /// True when the range can ever be open: start before end, end at most `24:00`.
    /// Ranges that are not are reported by [`PhoneHours::problems`] and never open.
    pub fn is_usable(&self) -> bool {
        self.start < self.end && self.end.0 <= DAY_END
    }

    fn open_on(&self, day: Day) -> bool {
        self.is_usable() && self.has_day(day)
    }
}

impl Exclusion {
    /// True when the line is closed all day on `date` because of this exclusion.
    pub fn applies(&self, date: NaiveDate) -> bool {
        match *self {
            Exclusion::Holidays => holidays::is_holiday(date),
            Exclusion::NthWeekday { n, weekday } => {
                Day::from_chrono(date.weekday()) == weekday && date.day0() / 7 + 1 == u32::from(n)
            }
            Exclusion::DateRange { from, to } => {
                let md = (date.month(), date.day());
                let from = (u32::from(from.month), u32::from(from.day));
                let to = (u32::from(to.month), u32::from(to.day));
                if from <= to { from <= md && md <= to } else { md >= from || md <= to }
            }
        }
    }
}

impl PhoneHours {
    /// True when the row says what happens on public holidays; otherwise holidays follow the
    /// weekly pattern and the screen asks the user to confirm with the facility.
    pub fn states_holidays(&self) -> bool {
        self.exclusions.iter().any(|e| matches!(e, Exclusion::Holidays))
    }

    /// Problems that make the hours meaningless (empty day list, end not after start…).
    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        if self.ranges.is_empty() {
            out.push("the phone hours (電話受付時間) have no ranges at all".to_string());
        }
        for (i, r) in self.ranges.iter().enumerate() {
            let name = format!("phone hours range {} ({}–{})", i + 1, r.start, r.end);
            if r.days.is_empty() {
                out.push(format!("{name} has no days"));
            }
            for day in Day::ALL {
                let count = r.days.iter().filter(|d| **d == day).count();
                if count > 1 {
                    out.push(format!("{name} lists {} ({}) {count} times", day.en(), day.ja()));
                }
            }
            if r.start.0 >= DAY_END {
                out.push(format!("{name} starts at {}, not before 24:00", r.start));
            }
            if r.end.0 > DAY_END {
                out.push(format!("{name} ends at {}, after 24:00", r.end));
            }
            if r.end <= r.start {
                out.push(format!("{name} ends at {}, not after its start {}", r.end, r.start));
            }
        }
        for e in &self.exclusions {
            match *e {
                Exclusion::Holidays => {}
                Exclusion::NthWeekday { n, weekday } => {
                    if !(1..=5).contains(&n) {
                        out.push(format!(
                            "exclusion of the Nth {} (第N{}曜日) has n = {n}; n must be 1 to 5",
                            weekday.en(),
                            weekday.ja()
                        ));
                    }
                }
                Exclusion::DateRange { from, to } => {
                    for md in [from, to] {
                        if NaiveDate::from_ymd_opt(2000, md.month.into(), md.day.into()).is_none() {
                            out.push(format!(
                                "exclusion date range {from} to {to}: {md} is not a date"
                            ));
                        }
                    }
                }
            }
        }
        out
    }

    /// True when an exclusion closes the line all day on `date`.
    pub fn is_excluded(&self, date: NaiveDate) -> bool {
        // Cheap exclusions first; the holiday calendar is the costly one.
        self.exclusions.iter().any(|e| !matches!(e, Exclusion::Holidays) && e.applies(date))
            || (self.states_holidays() && holidays::is_holiday(date))
    }
}

fn secs_of(t: ClockTime) -> u32 {
    u32::from(t.0) * 60
}

/// The moment `minutes` after midnight starting `date` (`24:00` is the next day's midnight).
fn at_minute(date: NaiveDate, minutes: u16) -> Option<NaiveDateTime> {
    date.and_time(NaiveTime::MIN).checked_add_signed(TimeDelta::minutes(i64::from(minutes)))
}

/// Whether the line is open at Japan time `at`.
pub fn is_open(hours: &PhoneHours, at: NaiveDateTime) -> bool {
    let date = at.date();
    let day = Day::from_chrono(date.weekday());
    let secs = at.num_seconds_from_midnight();
    hours.ranges.iter().any(|r| r.open_on(day) && secs_of(r.start) <= secs && secs < secs_of(r.end))
        && !hours.is_excluded(date)
}

/// The full status at Japan time `at`.
///
/// When open, `closes_at` is the end of the span the line is in, ranges that touch or overlap
/// merged (also across midnight); it is `None` only when the line stays open for all of
/// [`SEARCH_DAYS`]. When closed, `next_open` is the first opening at or after `at`, `None` when
/// there is none within [`SEARCH_DAYS`].
pub fn status(hours: &PhoneHours, at: NaiveDateTime) -> HoursStatus {
    if is_open(hours, at) {
        HoursStatus { open: true, closes_at: closes_at(hours, at), next_open: None }
    } else {
        HoursStatus { open: false, closes_at: None, next_open: next_open(hours, at) }
    }
}

/// Extends `end` (minutes) over every range on `day` that starts at or before it and ends after.
fn extend_span(hours: &PhoneHours, day: Day, mut end: u16) -> u16 {
    loop {
        let mut grown = false;
        for r in &hours.ranges {
            if r.open_on(day) && r.start.0 <= end && r.end.0 > end {
                end = r.end.0;
                grown = true;
            }
        }
        if !grown {
            return end;
        }
    }
}

/// The end of the open span containing `at` (the line is open at `at`).
fn closes_at(hours: &PhoneHours, at: NaiveDateTime) -> Option<NaiveDateTime> {
    let mut date = at.date();
    let secs = at.num_seconds_from_midnight();
    let mut day = Day::from_chrono(date.weekday());
    let mut end = hours
        .ranges
        .iter()
        .filter(|r| r.open_on(day) && secs_of(r.start) <= secs && secs < secs_of(r.end))
        .map(|r| r.end.0)
        .max()?;
    for _ in 0..=SEARCH_DAYS {
        end = extend_span(hours, day, end);
        if end < DAY_END {
            return at_minute(date, end);
        }
        // Open until midnight: the span goes on if the next day opens at 00:00.
        let next = date.succ_opt()?;
        let next_day = day.succ();
        let from_midnight =
            if hours.is_excluded(next) { 0 } else { extend_span(hours, next_day, 0) };
        if from_midnight == 0 {
            return at_minute(next, 0);
        }
        date = next;
        day = next_day;
        end = from_midnight;
    }
    None
}

/// The first opening at or after `at` (the line is closed at `at`).
fn next_open(hours: &PhoneHours, at: NaiveDateTime) -> Option<NaiveDateTime> {
    if !hours.ranges.iter().any(|r| r.is_usable() && !r.days.is_empty()) {
        return None;
    }
    let mut date = at.date();
    let mut day = Day::from_chrono(date.weekday());
    let mut not_before = at.num_seconds_from_midnight();
    for _ in 0..=SEARCH_DAYS {
        let first = hours
            .ranges
            .iter()
            .filter(|r| r.open_on(day) && secs_of(r.start) >= not_before)
            .map(|r| r.start.0)
            .min();
        if let Some(start) = first
            && !hours.is_excluded(date)
        {
            return at_minute(date, start);
        }
        date = date.succ_opt()?;
        day = day.succ();
        not_before = 0;
    }
    None
}

/// An open span of the phone line: from `start` (inclusive) to `end` (exclusive).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct OpenSpan {
    pub start: NaiveDateTime,
    pub end: NaiveDateTime,
}

/// The last time the line is open in `[from, until)`: the span (cut to that interval) that
/// ends last, e.g. the last moment a cancellation can still be phoned in before the cutoff.
/// `None` when the line is never open in between (or not within [`SEARCH_DAYS`]).
pub fn last_open_before(
    hours: &PhoneHours,
    from: NaiveDateTime,
    until: NaiveDateTime,
) -> Option<OpenSpan> {
    if from >= until {
        return None;
    }
    // Backwards from the day of `until` (the day before too: a span may run past midnight).
    let mut date = until.date();
    for _ in 0..=SEARCH_DAYS {
        let day = Day::from_chrono(date.weekday());
        let latest = if hours.is_excluded(date) {
            None
        } else {
            hours
                .ranges
                .iter()
                .filter(|r| r.open_on(day))
                .filter_map(|r| {
                    let start = at_minute(date, r.start.0)?.max(from);
                    let end = at_minute(date, r.end.0)?.min(until);
                    (start < end).then_some(OpenSpan { start, end })
                })
                .max_by_key(|s| (s.end, std::cmp::Reverse(s.start)))
        };
        if latest.is_some() {
            return latest;
        }
        if date <= from.date() {
            return None;
        }
        date = date.pred_opt()?;
    }
    None
}

impl Day {
    /// The following day of the week (Sunday is followed by Monday).
    pub fn succ(self) -> Day {
        Day::ALL[(self as usize + 1) % 7]
    }
}

/// The flyer's phone hours, for the tests of the rules and of their words (`crate::i18n::hours`).
#[cfg(test)]
pub(crate) mod flyer {
    use super::*;
    use Day::*;

    pub const WEEKDAYS: [Day; 5] = [Mon, Tue, Wed, Thu, Fri];

    pub fn range(days: &[Day], start: (u16, u16), end: (u16, u16)) -> WeeklyRange {
        WeeklyRange {
            days: days.to_vec(),
            start: ClockTime::hm(start.0, start.1),
            end: ClockTime::hm(end.0, end.1),
        }
    }

    /// 東京北医療センター: 月～金 9時～11時、14時～16時 ※祝除く
    pub fn tokyo_kita() -> PhoneHours {
        PhoneHours {
            ranges: vec![range(&WEEKDAYS, (9, 0), (11, 0)), range(&WEEKDAYS, (14, 0), (16, 0))],
            exclusions: vec![Exclusion::Holidays],
        }
    }

    /// 荘病院: 月～土 9時～16時 ※第二土曜日・日・祝・12/29～1/3 を除く
    pub fn sou() -> PhoneHours {
        PhoneHours {
            ranges: vec![range(&[Mon, Tue, Wed, Thu, Fri, Sat], (9, 0), (16, 0))],
            exclusions: vec![
                Exclusion::NthWeekday { n: 2, weekday: Sat },
                Exclusion::Holidays,
                Exclusion::DateRange {
                    from: MonthDay { month: 12, day: 29 },
                    to: MonthDay { month: 1, day: 3 },
                },
            ],
        }
    }

    /// あらかわレディースクリニック: 月・水・木・金 9時～17時、火・土 9時～12時 (holidays unstated)
    pub fn arakawa() -> PhoneHours {
        PhoneHours {
            ranges: vec![
                range(&[Mon, Wed, Thu, Fri], (9, 0), (17, 0)),
                range(&[Tue, Sat], (9, 0), (12, 0)),
            ],
            exclusions: vec![],
        }
    }

    /// 綾瀬産後ケア (stay): 月～日 10時～16時半
    pub fn ayase() -> PhoneHours {
        PhoneHours { ranges: vec![range(&Day::ALL, (10, 0), (16, 30))], exclusions: vec![] }
    }

    /// 出張専門助産院 ばんぶう: 月～金 8時半～17時、土 8時半～14時
    pub fn bamboo() -> PhoneHours {
        PhoneHours {
            ranges: vec![range(&WEEKDAYS, (8, 30), (17, 0)), range(&[Sat], (8, 30), (14, 0))],
            exclusions: vec![],
        }
    }

    /// スワンレディスクリニック: 火・木 13時～15時 ※祝日除く
    pub fn swan() -> PhoneHours {
        PhoneHours {
            ranges: vec![range(&[Tue, Thu], (13, 0), (15, 0))],
            exclusions: vec![Exclusion::Holidays],
        }
    }

    pub fn empty() -> PhoneHours {
        PhoneHours { ranges: vec![], exclusions: vec![] }
    }
}

#[cfg(test)]
mod tests {
    use super::flyer::*;
    use super::*;

    #[test]
    fn unknown_fields_in_hours_are_refused() {
        let bad = [
            r#"{"ranges": [], "exclusion": []}"#,
            r#"{"ranges": [{"days": ["mon"], "start": "09:00", "end": "10:00", "to": "x"}]}"#,
            r#"{"ranges": [], "exclusions": [{"kind": "nth_weekday", "n": 2, "weekday": "sat", "x": 1}]}"#,
        ];
        for text in bad {
            assert!(serde_json::from_str::<PhoneHours>(text).is_err(), "{text}");
        }
        let good = r#"{"ranges": [], "exclusions": [{"kind": "holidays"}]}"#;
        assert!(serde_json::from_str::<PhoneHours>(good).is_ok());
    }
    use Day::*;

    fn md(month: u8, day: u8) -> MonthDay {
        MonthDay { month, day }
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
        date(y, m, d).and_hms_opt(h, min, 0).unwrap()
    }

    fn at_s(y: i32, m: u32, d: u32, h: u32, min: u32, s: u32) -> NaiveDateTime {
        date(y, m, d).and_hms_opt(h, min, s).unwrap()
    }

    #[test]
    fn the_last_call_before_a_saturday_cutoff_is_friday_afternoon() {
        // A stay from Sunday 12/6: the cutoff is Saturday 12/5 11:00, when the line is closed.
        let h = tokyo_kita();
        let span = last_open_before(&h, at(2026, 11, 30, 10, 0), at(2026, 12, 5, 11, 0)).unwrap();
        assert_eq!(span, OpenSpan { start: at(2026, 12, 4, 14, 0), end: at(2026, 12, 4, 16, 0) });
        // A cutoff inside open hours: the span is cut at the cutoff.
        let span = last_open_before(&h, at(2026, 11, 30, 10, 0), at(2026, 12, 2, 10, 30)).unwrap();
        assert_eq!(span, OpenSpan { start: at(2026, 12, 2, 9, 0), end: at(2026, 12, 2, 10, 30) });
        // From the middle of a span: it starts now.
        let span = last_open_before(&h, at(2026, 12, 2, 9, 30), at(2026, 12, 2, 10, 30)).unwrap();
        assert_eq!(span.start, at(2026, 12, 2, 9, 30));
        // 11/23 is a holiday (Monday): before a Tuesday 11:00 cutoff the last call is Tuesday
        // 9-11, before a Monday 11:00 cutoff it is the Friday before.
        let span = last_open_before(&h, at(2026, 11, 19, 8, 0), at(2026, 11, 23, 11, 0)).unwrap();
        assert_eq!(span.end, at(2026, 11, 20, 16, 0));
        // Nothing open in between.
        assert_eq!(last_open_before(&h, at(2026, 12, 5, 9, 0), at(2026, 12, 5, 11, 0)), None);
        assert_eq!(last_open_before(&h, at(2026, 12, 5, 11, 0), at(2026, 12, 5, 11, 0)), None);
    }

    fn closed_until(next: NaiveDateTime) -> HoursStatus {
        HoursStatus { open: false, closes_at: None, next_open: Some(next) }
    }

    fn open_until(close: NaiveDateTime) -> HoursStatus {
        HoursStatus { open: true, closes_at: Some(close), next_open: None }
    }

    // The week of 2026-11-09 (Mon) to 11-15 (Sun) has no public holiday.

    #[test]
    fn fixture_dates_have_the_expected_weekdays() {
        use chrono::Weekday;
        assert_eq!(date(2026, 11, 9).weekday(), Weekday::Mon);
        assert_eq!(date(2026, 11, 3).weekday(), Weekday::Tue);
        assert_eq!(date(2026, 11, 23).weekday(), Weekday::Mon);
        assert_eq!(date(2026, 12, 12).weekday(), Weekday::Sat);
        assert_eq!(date(2026, 12, 29).weekday(), Weekday::Tue);
        assert_eq!(date(2027, 1, 4).weekday(), Weekday::Mon);
    }

    #[test]
    fn tokyo_kita_end_is_exclusive() {
        let h = tokyo_kita();
        assert!(is_open(&h, at(2026, 11, 10, 10, 59)));
        assert!(is_open(&h, at_s(2026, 11, 10, 10, 59, 59)));
        assert!(!is_open(&h, at(2026, 11, 10, 11, 0)));
        assert!(is_open(&h, at_s(2026, 11, 10, 15, 59, 59)));
        assert!(!is_open(&h, at(2026, 11, 10, 16, 0)));
    }

    #[test]
    fn tokyo_kita_closes_at_end_of_current_range() {
        let h = tokyo_kita();
        assert_eq!(status(&h, at(2026, 11, 10, 10, 0)), open_until(at(2026, 11, 10, 11, 0)));
        assert_eq!(status(&h, at(2026, 11, 10, 14, 30)), open_until(at(2026, 11, 10, 16, 0)));
    }

    #[test]
    fn tokyo_kita_next_open_same_afternoon() {
        let h = tokyo_kita();
        assert_eq!(status(&h, at(2026, 11, 10, 12, 0)), closed_until(at(2026, 11, 10, 14, 0)));
        assert_eq!(status(&h, at(2026, 11, 10, 11, 0)), closed_until(at(2026, 11, 10, 14, 0)));
    }

    #[test]
    fn tokyo_kita_friday_afternoon_opens_monday() {
        let h = tokyo_kita();
        assert_eq!(status(&h, at(2026, 11, 13, 16, 0)), closed_until(at(2026, 11, 16, 9, 0)));
        assert_eq!(status(&h, at(2026, 11, 14, 10, 0)), closed_until(at(2026, 11, 16, 9, 0)));
    }

    #[test]
    fn status_at_exactly_the_start_is_open() {
        let h = tokyo_kita();
        assert_eq!(status(&h, at(2026, 11, 10, 9, 0)), open_until(at(2026, 11, 10, 11, 0)));
        assert_eq!(status(&h, at(2026, 11, 10, 14, 0)), open_until(at(2026, 11, 10, 16, 0)));
        // One second before the start: closed, opening at the start.
        assert_eq!(status(&h, at_s(2026, 11, 10, 8, 59, 59)), closed_until(at(2026, 11, 10, 9, 0)));
    }

    #[test]
    fn holiday_tokyo_kita_closed_on_kinro_kansha_no_hi() {
        let h = tokyo_kita();
        assert!(!is_open(&h, at(2026, 11, 23, 10, 0)));
        assert_eq!(status(&h, at(2026, 11, 20, 16, 0)), closed_until(at(2026, 11, 24, 9, 0)));
        assert_eq!(status(&h, at(2026, 11, 23, 10, 0)), closed_until(at(2026, 11, 24, 9, 0)));
    }

    #[test]
    fn sou_closed_on_the_second_saturday() {
        let h = sou();
        assert!(is_open(&h, at(2026, 12, 5, 10, 0)), "1st Saturday");
        assert!(!is_open(&h, at(2026, 12, 12, 10, 0)), "2nd Saturday");
        assert!(is_open(&h, at(2026, 12, 19, 10, 0)), "3rd Saturday");
        // Sunday 12-13 is not a day of the range either.
        assert_eq!(status(&h, at(2026, 12, 12, 10, 0)), closed_until(at(2026, 12, 14, 9, 0)));
        assert!(!is_open(&h, at(2026, 12, 13, 10, 0)));
    }

    #[test]
    fn sou_year_end_break() {
        let h = sou();
        assert_eq!(status(&h, at(2026, 12, 28, 10, 0)), open_until(at(2026, 12, 28, 16, 0)));
        assert_eq!(status(&h, at(2026, 12, 28, 16, 0)), closed_until(at(2027, 1, 4, 9, 0)));
        for (y, m, d) in [(2026, 12, 29), (2026, 12, 30), (2026, 12, 31), (2027, 1, 2)] {
            assert!(!is_open(&h, at(y, m, d, 10, 0)), "{y}-{m}-{d}");
            assert_eq!(status(&h, at(y, m, d, 10, 0)), closed_until(at(2027, 1, 4, 9, 0)));
        }
        assert!(is_open(&h, at(2027, 1, 4, 9, 0)));
    }

    #[test]
    fn holiday_sou_closed_on_bunka_no_hi() {
        let h = sou();
        assert!(!is_open(&h, at(2026, 11, 3, 10, 0)));
        assert_eq!(status(&h, at(2026, 11, 3, 10, 0)), closed_until(at(2026, 11, 4, 9, 0)));
    }

    #[test]
    fn arakawa_long_and_short_days() {
        let h = arakawa();
        assert!(is_open(&h, at(2026, 11, 9, 16, 59)), "Monday until 17:00");
        assert!(!is_open(&h, at(2026, 11, 9, 17, 0)));
        assert_eq!(status(&h, at(2026, 11, 10, 11, 0)), open_until(at(2026, 11, 10, 12, 0)));
        assert_eq!(status(&h, at(2026, 11, 10, 12, 0)), closed_until(at(2026, 11, 11, 9, 0)));
        assert_eq!(status(&h, at(2026, 11, 14, 11, 59)), open_until(at(2026, 11, 14, 12, 0)));
        assert_eq!(status(&h, at(2026, 11, 14, 12, 0)), closed_until(at(2026, 11, 16, 9, 0)));
        assert!(!is_open(&h, at(2026, 11, 15, 10, 0)), "Sunday");
    }

    #[test]
    fn arakawa_holidays_follow_the_weekly_pattern() {
        let h = arakawa();
        assert!(!h.states_holidays());
        // 2026-11-03 (文化の日) is a Tuesday: the row says nothing, so 9–12 applies.
        assert_eq!(status(&h, at(2026, 11, 3, 10, 0)), open_until(at(2026, 11, 3, 12, 0)));
    }

    #[test]
    fn ayase_every_day_until_half_past_four() {
        let h = ayase();
        assert!(is_open(&h, at(2026, 11, 15, 16, 29)), "Sunday 16:29");
        assert!(is_open(&h, at_s(2026, 11, 15, 16, 29, 59)));
        assert_eq!(status(&h, at(2026, 11, 15, 16, 30)), closed_until(at(2026, 11, 16, 10, 0)));
        assert_eq!(status(&h, at(2026, 11, 3, 10, 0)), open_until(at(2026, 11, 3, 16, 30)));
        assert_eq!(status(&h, at(2026, 12, 31, 23, 0)), closed_until(at(2027, 1, 1, 10, 0)));
    }

    #[test]
    fn bamboo_weekday_and_saturday() {
        let h = bamboo();
        assert_eq!(status(&h, at(2026, 11, 9, 8, 29)), closed_until(at(2026, 11, 9, 8, 30)));
        assert_eq!(status(&h, at(2026, 11, 9, 8, 30)), open_until(at(2026, 11, 9, 17, 0)));
        assert_eq!(status(&h, at(2026, 11, 13, 16, 59)), open_until(at(2026, 11, 13, 17, 0)));
        assert_eq!(status(&h, at(2026, 11, 13, 17, 0)), closed_until(at(2026, 11, 14, 8, 30)));
        assert_eq!(status(&h, at(2026, 11, 14, 13, 59)), open_until(at(2026, 11, 14, 14, 0)));
        assert_eq!(status(&h, at(2026, 11, 14, 14, 0)), closed_until(at(2026, 11, 16, 8, 30)));
    }

    #[test]
    fn swan_tuesday_and_thursday_afternoons() {
        let h = swan();
        assert_eq!(status(&h, at(2026, 11, 10, 13, 0)), open_until(at(2026, 11, 10, 15, 0)));
        assert_eq!(status(&h, at(2026, 11, 10, 15, 0)), closed_until(at(2026, 11, 12, 13, 0)));
        assert_eq!(status(&h, at(2026, 11, 11, 14, 0)), closed_until(at(2026, 11, 12, 13, 0)));
        assert_eq!(status(&h, at(2026, 11, 12, 16, 0)), closed_until(at(2026, 11, 17, 13, 0)));
    }

    #[test]
    fn holiday_swan_closed_on_bunka_no_hi_tuesday() {
        let h = swan();
        assert!(!is_open(&h, at(2026, 11, 3, 13, 30)));
        assert_eq!(status(&h, at(2026, 11, 3, 12, 0)), closed_until(at(2026, 11, 5, 13, 0)));
        assert_eq!(status(&h, at(2026, 11, 2, 16, 0)), closed_until(at(2026, 11, 5, 13, 0)));
    }

    #[test]
    fn touching_and_overlapping_ranges_merge() {
        let touching = PhoneHours {
            ranges: vec![range(&WEEKDAYS, (12, 0), (15, 0)), range(&WEEKDAYS, (9, 0), (12, 0))],
            exclusions: vec![],
        };
        assert_eq!(status(&touching, at(2026, 11, 9, 10, 0)), open_until(at(2026, 11, 9, 15, 0)));
        assert_eq!(status(&touching, at(2026, 11, 9, 12, 0)), open_until(at(2026, 11, 9, 15, 0)));

        let overlapping = PhoneHours {
            ranges: vec![
                range(&WEEKDAYS, (9, 0), (13, 0)),
                range(&WEEKDAYS, (11, 0), (15, 0)),
                range(&WEEKDAYS, (10, 0), (11, 0)),
            ],
            exclusions: vec![],
        };
        assert_eq!(status(&overlapping, at(2026, 11, 9, 9, 0)), open_until(at(2026, 11, 9, 15, 0)));

        // Ranges on other days do not merge in.
        let other_day = PhoneHours {
            ranges: vec![range(&[Mon], (9, 0), (12, 0)), range(&[Tue], (12, 0), (15, 0))],
            exclusions: vec![],
        };
        assert_eq!(status(&other_day, at(2026, 11, 9, 10, 0)), open_until(at(2026, 11, 9, 12, 0)));
    }

    #[test]
    fn span_to_midnight_continues_into_next_day() {
        let late = PhoneHours {
            ranges: vec![range(&[Mon], (20, 0), (24, 0)), range(&[Tue], (0, 0), (2, 0))],
            exclusions: vec![],
        };
        assert!(is_open(&late, at_s(2026, 11, 9, 23, 59, 59)));
        assert_eq!(status(&late, at(2026, 11, 9, 23, 0)), open_until(at(2026, 11, 10, 2, 0)));
        assert_eq!(status(&late, at(2026, 11, 10, 1, 0)), open_until(at(2026, 11, 10, 2, 0)));

        let only_monday = PhoneHours { ranges: vec![late.ranges[0].clone()], exclusions: vec![] };
        assert_eq!(
            status(&only_monday, at(2026, 11, 9, 23, 0)),
            open_until(at(2026, 11, 10, 0, 0))
        );

        // An excluded next day ends the span at midnight.
        let excluded = PhoneHours {
            ranges: late.ranges.clone(),
            exclusions: vec![Exclusion::DateRange { from: md(11, 10), to: md(11, 10) }],
        };
        assert_eq!(status(&excluded, at(2026, 11, 9, 23, 0)), open_until(at(2026, 11, 10, 0, 0)));
    }

    #[test]
    fn always_open_never_closes() {
        let h = PhoneHours { ranges: vec![range(&Day::ALL, (0, 0), (24, 0))], exclusions: vec![] };
        assert!(h.problems().is_empty());
        assert_eq!(
            status(&h, at(2026, 11, 9, 3, 0)),
            HoursStatus { open: true, closes_at: None, next_open: None }
        );
    }

    #[test]
    fn empty_hours_never_open() {
        let h = empty();
        assert!(!is_open(&h, at(2026, 11, 9, 10, 0)));
        assert_eq!(
            status(&h, at(2026, 11, 9, 10, 0)),
            HoursStatus { open: false, closes_at: None, next_open: None }
        );
    }

    #[test]
    fn unusable_ranges_never_open() {
        let h = PhoneHours {
            ranges: vec![range(&WEEKDAYS, (11, 0), (9, 0)), range(&[], (9, 0), (11, 0))],
            exclusions: vec![],
        };
        assert!(!is_open(&h, at(2026, 11, 9, 10, 0)));
        assert_eq!(status(&h, at(2026, 11, 9, 10, 0)).next_open, None);
    }

    #[test]
    fn fully_excluded_year_gives_no_next_open() {
        let h = PhoneHours {
            ranges: vec![range(&Day::ALL, (9, 0), (17, 0))],
            exclusions: vec![Exclusion::DateRange { from: md(1, 2), to: md(1, 1) }],
        };
        assert_eq!(status(&h, at(2026, 11, 9, 10, 0)).next_open, None);
    }

    #[test]
    fn date_range_wraps_the_year_end() {
        let e = Exclusion::DateRange { from: md(12, 29), to: md(1, 3) };
        for d in [date(2026, 12, 29), date(2026, 12, 31), date(2027, 1, 1), date(2027, 1, 3)] {
            assert!(e.applies(d), "{d}");
        }
        for d in [date(2026, 12, 28), date(2027, 1, 4), date(2027, 6, 1)] {
            assert!(!e.applies(d), "{d}");
        }
    }

    #[test]
    fn date_range_within_a_year_includes_both_ends() {
        let e = Exclusion::DateRange { from: md(5, 1), to: md(5, 5) };
        assert!(e.applies(date(2026, 5, 1)));
        assert!(e.applies(date(2026, 5, 3)));
        assert!(e.applies(date(2026, 5, 5)));
        assert!(!e.applies(date(2026, 4, 30)));
        assert!(!e.applies(date(2026, 5, 6)));
        let one = Exclusion::DateRange { from: md(8, 15), to: md(8, 15) };
        assert!(one.applies(date(2026, 8, 15)));
        assert!(!one.applies(date(2026, 8, 16)));
    }

    #[test]
    fn nth_weekday_counts_days_of_the_month() {
        let second_sat = Exclusion::NthWeekday { n: 2, weekday: Sat };
        assert!(second_sat.applies(date(2026, 12, 12)));
        assert!(!second_sat.applies(date(2026, 12, 5)));
        assert!(!second_sat.applies(date(2026, 12, 19)));
        assert!(!second_sat.applies(date(2026, 12, 8)), "2nd Tuesday");
        // The edges of 8..=14: 2026-08-08 and 2026-02-14 are both 2nd Saturdays.
        assert!(second_sat.applies(date(2026, 8, 8)));
        assert!(second_sat.applies(date(2026, 2, 14)));
        let fifth_sat = Exclusion::NthWeekday { n: 5, weekday: Sat };
        assert!(fifth_sat.applies(date(2026, 5, 30)));
        assert!(!fifth_sat.applies(date(2026, 5, 23)));
    }

    #[test]
    fn flyer_fixtures_have_no_problems() {
        for h in [tokyo_kita(), sou(), arakawa(), ayase(), bamboo(), swan()] {
            assert_eq!(h.problems(), Vec::<String>::new(), "{h:?}");
        }
    }

    #[test]
    fn problems_name_what_is_wrong() {
        assert_eq!(empty().problems().len(), 1);
        assert!(empty().problems()[0].contains("no ranges"));

        let h = PhoneHours {
            ranges: vec![
                range(&[], (9, 0), (11, 0)),
                range(&WEEKDAYS, (11, 0), (9, 0)),
                range(&[Mon, Tue, Mon], (9, 0), (12, 0)),
                range(&[Sat], (9, 0), (9, 0)),
                range(&[Sun], (9, 0), (24, 0)),
            ],
            exclusions: vec![
                Exclusion::NthWeekday { n: 0, weekday: Sat },
                Exclusion::NthWeekday { n: 6, weekday: Mon },
                Exclusion::NthWeekday { n: 5, weekday: Mon },
            ],
        };
        let p = h.problems();
        assert_eq!(p.len(), 6, "{p:#?}");
        assert!(p[0].contains("range 1") && p[0].contains("no days"), "{}", p[0]);
        assert!(p[1].contains("range 2") && p[1].contains("not after"), "{}", p[1]);
        assert!(p[2].contains("range 3") && p[2].contains("Mon") && p[2].contains("2 times"));
        assert!(p[3].contains("range 4") && p[3].contains("not after"), "{}", p[3]);
        assert!(p[4].contains("n = 0") && p[4].contains("1 to 5"), "{}", p[4]);
        assert!(p[5].contains("n = 6") && p[5].contains("1 to 5"), "{}", p[5]);
    }

    #[test]
    fn problems_catch_times_beyond_midnight() {
        let h = PhoneHours {
            ranges: vec![WeeklyRange {
                days: vec![Mon],
                start: ClockTime(1440),
                end: ClockTime(1500),
            }],
            exclusions: vec![Exclusion::DateRange { from: md(2, 30), to: md(3, 1) }],
        };
        let p = h.problems();
        assert_eq!(p.len(), 3, "{p:#?}");
        assert!(p[0].contains("starts at 24:00"));
        assert!(p[1].contains("25:00"));
        assert!(p[2].contains("02-30"));
        assert!(!is_open(&h, at(2026, 11, 9, 0, 30)));
    }

    #[test]
    fn day_succ_wraps_to_monday() {
        assert_eq!(Mon.succ(), Tue);
        assert_eq!(Sun.succ(), Mon);
    }

    mod props {
        use super::*;
        use proptest::prelude::*;

        fn fixtures() -> [PhoneHours; 6] {
            [tokyo_kita(), sou(), arakawa(), ayase(), bamboo(), swan()]
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(64))]

            /// `status` agrees with a minute-by-minute walk of `is_open`.
            #[test]
            fn status_agrees_with_is_open(which in 0usize..6, day in 0i64..730, secs in 0i64..86_400) {
                let h = &fixtures()[which];
                let start = at(2026, 1, 1, 0, 0)
                    + TimeDelta::days(day)
                    + TimeDelta::seconds(secs);
                let s = status(h, start);
                prop_assert_eq!(s.open, is_open(h, start));
                if s.open {
                    prop_assert!(s.next_open.is_none());
                    let close = s.closes_at.expect("fixtures close every day");
                    prop_assert!(close > start);
                    prop_assert!(is_open(h, close - TimeDelta::seconds(1)));
                    prop_assert!(!is_open(h, close));
                    let mut t = start;
                    while t < close {
                        prop_assert!(is_open(h, t), "closed at {} before {}", t, close);
                        t += TimeDelta::minutes(1);
                    }
                } else {
                    prop_assert!(s.closes_at.is_none());
                    let next = s.next_open.expect("fixtures open within days");
                    prop_assert!(next >= start);
                    prop_assert!(is_open(h, next));
                    // Every whole minute between is closed (openings fall on whole minutes).
                    let mut t = start;
                    while t < next {
                        prop_assert!(!is_open(h, t), "open at {} before {}", t, next);
                        t += TimeDelta::minutes(1);
                    }
                    prop_assert!(!is_open(h, next - TimeDelta::seconds(1)) || next == start);
                }
            }
        }
    }
}
