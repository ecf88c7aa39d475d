//! Parsers for the values the commands take, with messages that name the field.

use chrono::{NaiveDate, NaiveDateTime};

use crate::domain::care::CareType;
use crate::domain::jst;

/// `YYYY-MM-DD`.
pub fn date(s: &str) -> Result<NaiveDate, String> {
    jst::parse_date(s).ok_or_else(|| crate::msg!("cli-not-a-date", text = s))
}

/// `YYYY-MM-DDTHH:MM` (Japan time) or RFC 3339.
pub fn moment(s: &str) -> Result<NaiveDateTime, String> {
    jst::parse_moment(s).ok_or_else(|| crate::msg!("cli-not-a-time", text = s))
}

/// `stay`, `day` or `visit`.
pub fn care_type(s: &str) -> Result<CareType, String> {
    s.parse::<CareType>().map_err(|e| e.to_string())
}

/// The moment to use: `--at`, else now in Japan time.
pub fn at_or_now(at: Option<NaiveDateTime>) -> NaiveDateTime {
    at.unwrap_or_else(|| jst::from_utc(chrono::Utc::now()))
}
