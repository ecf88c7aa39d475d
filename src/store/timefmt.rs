//! How the store writes moments: Japan time as RFC 3339 with `+09:00`, in the database, in
//! events and in exports. Reading accepts any RFC 3339 offset (converted to Japan time) or a
//! naive `YYYY-MM-DDTHH:MM[:SS]` taken as Japan time.

use chrono::{NaiveDateTime, Timelike};
use serde::{Deserialize, Deserializer, Serializer};

use crate::domain::jst;

/// The moment without its fraction of a second (the store keeps whole seconds).
pub fn whole_seconds(t: NaiveDateTime) -> NaiveDateTime {
    t.with_nanosecond(0).unwrap_or(t)
}

/// A Japan-time moment as stored text (whole seconds).
pub fn format(t: NaiveDateTime) -> String {
    jst::rfc3339(whole_seconds(t))
}

/// Stored text back to a Japan-time moment.
pub fn parse(s: &str) -> Option<NaiveDateTime> {
    jst::parse_moment(s).map(whole_seconds)
}

pub fn serialize<S: Serializer>(t: &NaiveDateTime, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&format(*t))
}

pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDateTime, D::Error> {
    let s = String::deserialize(d)?;
    parse(&s).ok_or_else(|| serde::de::Error::custom(format!("invalid time '{s}'")))
}

/// The same for `Option<NaiveDateTime>` (`null` when absent).
pub mod option {
    use super::*;

    pub fn serialize<S: Serializer>(t: &Option<NaiveDateTime>, s: S) -> Result<S::Ok, S::Error> {
        match t {
            Some(t) => s.serialize_str(&super::format(*t)),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDateTime>, D::Error> {
        match Option::<String>::deserialize(d)? {
            None => Ok(None),
            Some(s) => super::parse(&s)
                .map(Some)
                .ok_or_else(|| serde::de::Error::custom(format!("invalid time '{s}'"))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_converts_offsets() {
        let t = parse("2026-12-02T10:59").unwrap();
        assert_eq!(format(t), "2026-12-02T10:59:00+09:00");
        assert_eq!(parse(&format(t)), Some(t));
        assert_eq!(parse("2026-12-02T01:59:00Z"), Some(t));
        assert_eq!(parse("nonsense"), None);
    }
}
