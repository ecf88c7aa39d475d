//! Phone reservation hours (電話受付時間): weekly ranges, start inclusive and end exclusive, with
//! the exclusions a facility's row states (public holidays, the Nth weekday of a month, fixed date
//! ranges such as 12/29–1/3). All times are Japan wall-clock time.
//! `is_open` and `status` are pure and allocation-free (called for every facility on each redraw);
//! `describe_ja`/`describe_en` turn the structure back into text for the screens.

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
pub struct WeeklyRange {
    pub days: Vec<Day>,
    pub start: ClockTime,
    pub end: ClockTime,
}

/// Days on which the weekly pattern does not apply (the line is closed all day).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Exclusion {
    /// Japanese public holidays (※祝除く, 平日).
    Holidays,
    /// The `n`th given weekday of each month (第二土曜日: n = 2, weekday = sat).
    NthWeekday { n: u8, weekday: Day },
    /// A yearly date range, both ends included; may wrap the year end (12-29 to 01-03).
    DateRange { from: MonthDay, to: MonthDay },
}

/// A facility's phone hours.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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

    /// Japanese wording, as the flyer writes it (`祝日`, `第2土曜日`, `12/29～1/3`).
    pub fn describe_ja(&self) -> String {
        match *self {
            Exclusion::Holidays => "祝日".to_string(),
            Exclusion::NthWeekday { n, weekday } => format!("第{n}{}曜日", weekday.ja()),
            Exclusion::DateRange { from, to } => {
                format!("{}/{}～{}/{}", from.month, from.day, to.month, to.day)
            }
        }
    }

    /// English wording (`public holidays`, `the 2nd Saturday`, `Dec 29–Jan 3`).
    pub fn describe_en(&self) -> String {
        match *self {
            Exclusion::Holidays => "public holidays".to_string(),
            Exclusion::NthWeekday { n, weekday } => {
                format!("the {} {} of the month", ordinal_en(n), day_name_en(weekday))
            }
            Exclusion::DateRange { from, to } => {
                format!("{} {}–{} {}", month_en(from.month), from.day, month_en(to.month), to.day)
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
                            day_name_en(weekday),
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

impl Day {
    /// The following day of the week (Sunday is followed by Monday).
    pub fn succ(self) -> Day {
        Day::ALL[(self as usize + 1) % 7]
    }
}

fn day_name_en(d: Day) -> &'static str {
    ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][d as usize]
}

fn month_en(m: u8) -> &'static str {
    const NAMES: [&str; 12] =
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    NAMES.get(usize::from(m).wrapping_sub(1)).copied().unwrap_or("?")
}

fn ordinal_en(n: u8) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// `9:00`, without a leading zero on the hour (the flyer's style).
fn short_time(t: ClockTime) -> String {
    format!("{}:{:02}", t.hour(), t.minute())
}

/// The ranges grouped by their set of days (a bit mask, Monday = bit 0), in order of first
/// appearance, each group's times sorted. Ranges with no days are left out.
fn grouped(hours: &PhoneHours) -> Vec<(u8, Vec<(ClockTime, ClockTime)>)> {
    let mut groups: Vec<(u8, Vec<(ClockTime, ClockTime)>)> = Vec::new();
    for r in &hours.ranges {
        let mask = r.days.iter().fold(0u8, |m, d| m | 1 << (*d as u8));
        if mask == 0 {
            continue;
        }
        match groups.iter_mut().find(|(m, _)| *m == mask) {
            Some((_, times)) => times.push((r.start, r.end)),
            None => groups.push((mask, vec![(r.start, r.end)])),
        }
    }
    for (_, times) in &mut groups {
        times.sort();
        times.dedup();
    }
    groups
}

/// Day sets as runs: `月～金`, `月・水～金`, `毎日` (`sep` between runs, `to` inside a run).
fn describe_days(
    mask: u8,
    name: fn(Day) -> &'static str,
    sep: &str,
    to: &str,
    all: &str,
) -> String {
    if mask == 0x7f {
        return all.to_string();
    }
    let mut parts = Vec::new();
    let mut i = 0;
    while i < 7 {
        if mask & (1 << i) == 0 {
            i += 1;
            continue;
        }
        let mut j = i;
        while j + 1 < 7 && mask & (1 << (j + 1)) != 0 {
            j += 1;
        }
        match j - i {
            0 => parts.push(name(Day::ALL[i]).to_string()),
            1 => {
                parts.push(name(Day::ALL[i]).to_string());
                parts.push(name(Day::ALL[j]).to_string());
            }
            _ => parts.push(format!("{}{to}{}", name(Day::ALL[i]), name(Day::ALL[j]))),
        }
        i = j + 1;
    }
    parts.join(sep)
}

/// The hours in Japanese, e.g. `月～金 9:00～11:00, 14:00～16:00（祝日除く）`.
pub fn describe_ja(hours: &PhoneHours) -> String {
    let groups = grouped(hours);
    if groups.is_empty() {
        return "電話受付時間なし".to_string();
    }
    let mut out = groups
        .iter()
        .map(|(mask, times)| {
            let times: Vec<String> = times
                .iter()
                .map(|(s, e)| format!("{}～{}", short_time(*s), short_time(*e)))
                .collect();
            format!("{} {}", describe_days(*mask, Day::ja, "・", "～", "毎日"), times.join(", "))
        })
        .collect::<Vec<_>>()
        .join("、");
    if !hours.exclusions.is_empty() {
        let ex: Vec<String> = hours.exclusions.iter().map(Exclusion::describe_ja).collect();
        out.push_str(&format!("（{}除く）", ex.join("・")));
    }
    out
}

/// The hours in English, e.g. `Mon–Fri 9:00–11:00, 14:00–16:00 (except public holidays)`.
pub fn describe_en(hours: &PhoneHours) -> String {
    let groups = grouped(hours);
    if groups.is_empty() {
        return "no phone hours".to_string();
    }
    let mut out = groups
        .iter()
        .map(|(mask, times)| {
            let times: Vec<String> = times
                .iter()
                .map(|(s, e)| format!("{}–{}", short_time(*s), short_time(*e)))
                .collect();
            format!("{} {}", describe_days(*mask, Day::en, ", ", "–", "Daily"), times.join(", "))
        })
        .collect::<Vec<_>>()
        .join("; ");
    if !hours.exclusions.is_empty() {
        let ex: Vec<String> = hours.exclusions.iter().map(Exclusion::describe_en).collect();
        out.push_str(&format!(" (except {})", ex.join(", ")));
    }
    out
}
