//! Numbers, yen and dates in each language's habits: the digits are grouped here, the words
//! and their order come from the language's file (`yen`, `weekday`, `date-long`, …).

use chrono::{Datelike, NaiveDate, Weekday};

use super::{Locale, tr};

/// A whole number with the language's thousands separators: `3,300`; Vietnamese `3.300`;
/// Nepali in lakhs (`1,23,456`). Latin digits everywhere: they are what the ward's papers and
/// the phones use.
pub fn number(lang: Locale, n: u64) -> String {
    let digits = n.to_string();
    let sep = if lang == Locale::Vi { '.' } else { ',' };
    // Where a separator goes, counted from the right: every 3, or 3 then every 2 in Nepali.
    let cut = |from_right: usize| match lang {
        Locale::Ne => from_right == 3 || (from_right > 3 && (from_right - 3).is_multiple_of(2)),
        _ => from_right.is_multiple_of(3),
    };
    let mut out = String::with_capacity(digits.len() + digits.len() / 2);
    for (i, c) in digits.chars().enumerate() {
        let from_right = digits.len() - i;
        if i > 0 && cut(from_right) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// An amount in yen: `3,300円`, `¥3,300`, `3.300 yên`…
pub fn yen(lang: Locale, amount: u32) -> String {
    tr(lang, "yen", &[("amount", number(lang, u64::from(amount)).into())])
}

fn weekday_key(d: Weekday) -> &'static str {
    match d {
        Weekday::Mon => "mon",
        Weekday::Tue => "tue",
        Weekday::Wed => "wed",
        Weekday::Thu => "thu",
        Weekday::Fri => "fri",
        Weekday::Sat => "sat",
        Weekday::Sun => "sun",
    }
}

/// The weekday's short name: 木, Thu, 周四, 목, T5, बिही, Huw.
pub fn weekday(lang: Locale, d: Weekday) -> String {
    tr(lang, "weekday", &[("wd", weekday_key(d).into())])
}

/// The weekday in a column of the calendar (two cells at most): 木, Th, 四, 목, T5, बि, Hu.
pub fn weekday_narrow(lang: Locale, d: Weekday) -> String {
    tr(lang, "weekday-narrow", &[("wd", weekday_key(d).into())])
}

fn date_message(lang: Locale, id: &str, d: NaiveDate) -> String {
    let args = [
        ("year", d.year().into()),
        ("month", d.month().into()),
        ("day", d.day().into()),
        ("weekday", weekday(lang, d.weekday()).into()),
    ];
    tr(lang, id, &args)
}

/// A date with its weekday: `2026年12月3日(木)`, `Thu 3 Dec 2026`.
pub fn date_long(lang: Locale, d: NaiveDate) -> String {
    date_message(lang, "date-long", d)
}

/// A date in a column: `12/3(木)`, `Thu 3/12`.
pub fn date_short(lang: Locale, d: NaiveDate) -> String {
    date_message(lang, "date-short", d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_grouped_as_each_language_groups_them() {
        assert_eq!(number(Locale::Ja, 0), "0");
        assert_eq!(number(Locale::En, 840), "840");
        assert_eq!(number(Locale::En, 1_234_567), "1,234,567");
        assert_eq!(number(Locale::Vi, 3300), "3.300");
        assert_eq!(number(Locale::Ne, 123_456), "1,23,456");
        assert_eq!(number(Locale::Ne, 12_345_678), "1,23,45,678");
        assert_eq!(number(Locale::Ne, 3300), "3,300");
    }

    #[test]
    fn yen_follows_each_language() {
        assert_eq!(yen(Locale::Ja, 3300), "3,300円");
        assert_eq!(yen(Locale::En, 3300), "¥3,300");
        assert_eq!(yen(Locale::ZhHans, 3300), "3,300日元");
        assert_eq!(yen(Locale::Ko, 3300), "3,300엔");
        assert_eq!(yen(Locale::Vi, 3300), "3.300 yên");
    }

    #[test]
    fn dates_follow_each_language() {
        let d = NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
        assert_eq!(date_long(Locale::Ja, d), "2026年12月3日(木)");
        assert_eq!(date_long(Locale::En, d), "Thu 3 Dec 2026");
        assert_eq!(date_long(Locale::ZhHans, d), "2026年12月3日 周四");
        assert_eq!(date_long(Locale::Ko, d), "2026년 12월 3일 (목)");
        assert_eq!(date_long(Locale::Vi, d), "T5, 3/12/2026");
        assert_eq!(date_short(Locale::Ja, d), "12/3(木)");
        assert_eq!(date_short(Locale::En, d), "Thu 12/3");
        assert_eq!(weekday_narrow(Locale::En, d.weekday()), "Th");
        for l in Locale::all() {
            let w = unicode_width::UnicodeWidthStr::width(weekday_narrow(l, d.weekday()).as_str());
            assert!(w <= 2, "{l:?}: the calendar's column has room for two cells");
        }
        for l in Locale::all() {
            assert!(!date_long(l, d).contains("date-long"), "{l:?}");
        }
    }
}
