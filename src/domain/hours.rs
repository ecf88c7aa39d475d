//! Phone reservation hours (電話受付時間): weekly ranges, start inclusive and end exclusive, with
//! the exclusions a facility's row states (public holidays, the Nth weekday of a month, fixed date
//! ranges such as 12/29–1/3). All times are Japan wall-clock time.
//! PLACEHOLDER: types are final; the hours helper replaces the function bodies.

use std::fmt;

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

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

impl PhoneHours {
    /// True when the row says what happens on public holidays; otherwise holidays follow the
    /// weekly pattern and the screen asks the user to confirm with the facility.
    pub fn states_holidays(&self) -> bool {
        self.exclusions.iter().any(|e| matches!(e, Exclusion::Holidays))
    }

    /// Problems that make the hours meaningless (empty day list, end not after start…).
    pub fn problems(&self) -> Vec<String> {
        Vec::new()
    }
}

/// Whether the line is open at Japan time `at`.
pub fn is_open(hours: &PhoneHours, at: NaiveDateTime) -> bool {
    let _ = (hours, at);
    false
}

/// The full status at Japan time `at`.
pub fn status(hours: &PhoneHours, at: NaiveDateTime) -> HoursStatus {
    HoursStatus { open: is_open(hours, at), closes_at: None, next_open: None }
}
