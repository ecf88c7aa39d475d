//! Japan time (Asia/Tokyo): UTC+09:00 all year, no daylight saving, whatever the machine's zone.
//! Every rule works on naive Japan-time values; conversion happens here, at the edge.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, TimeZone, Utc};

/// The fixed +09:00 offset.
pub fn offset() -> FixedOffset {
    FixedOffset::east_opt(9 * 3600).expect("+09:00 is a valid offset")
}

/// A UTC instant as Japan wall-clock time.
pub fn from_utc(t: DateTime<Utc>) -> NaiveDateTime {
    t.with_timezone(&offset()).naive_local()
}

/// Japan wall-clock time as an RFC 3339 string with `+09:00`.
pub fn rfc3339(t: NaiveDateTime) -> String {
    offset()
        .from_local_datetime(&t)
        .single()
        .map(|d| d.to_rfc3339_opts(chrono::SecondsFormat::Secs, false))
        .unwrap_or_default()
}

/// Japan wall-clock time for a moment given as `YYYY-MM-DDTHH:MM[:SS]` (taken as Japan time)
/// or RFC 3339 with any offset.
pub fn parse_moment(s: &str) -> Option<NaiveDateTime> {
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Some(from_utc(t.with_timezone(&Utc)));
    }
    for fmt in ["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M"] {
        if let Ok(t) = NaiveDateTime::parse_from_str(s, fmt) {
            return Some(t);
        }
    }
    None
}

/// A calendar date written `YYYY-MM-DD`.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

/// The Japanese weekday letter, Monday first (chrono only prints English).
pub fn weekday_ja(d: chrono::Weekday) -> &'static str {
    ["月", "火", "水", "木", "金", "土", "日"][d.num_days_from_monday() as usize]
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Datelike;

    #[test]
    fn utc_evening_is_next_morning_in_japan() {
        let t = Utc.with_ymd_and_hms(2026, 11, 27, 23, 30, 0).unwrap();
        let j = from_utc(t);
        assert_eq!(j.to_string(), "2026-11-28 08:30:00");
    }

    #[test]
    fn naive_moments_are_japan_time_and_offsets_are_converted() {
        assert_eq!(parse_moment("2026-12-02T10:59").unwrap().to_string(), "2026-12-02 10:59:00");
        assert_eq!(
            parse_moment("2026-12-02T02:00:00Z").unwrap().to_string(),
            "2026-12-02 11:00:00"
        );
        assert_eq!(
            parse_moment("2026-12-02T11:00:00+09:00").unwrap().to_string(),
            "2026-12-02 11:00:00"
        );
        assert!(parse_moment("2026-13-02T11:00").is_none());
        assert!(parse_moment("tomorrow").is_none());
    }

    #[test]
    fn rfc3339_always_says_plus_nine() {
        let t = parse_moment("2026-12-02T09:00").unwrap();
        assert_eq!(rfc3339(t), "2026-12-02T09:00:00+09:00");
    }

    #[test]
    fn weekdays_in_japanese() {
        let d = parse_date("2026-11-27").unwrap();
        assert_eq!(weekday_ja(d.weekday()), "金");
        assert!(parse_date("2026-02-30").is_none());
    }
}
