//! Japanese national holidays (国民の祝日), substitute holidays (振替休日) and citizens' holidays
//! (国民の休日), computed for any year in `YEARS`.
//!
//! Nothing here is a hand list of dates: every holiday is derived from the rules of the National
//! Holidays Act (国民の祝日に関する法律) as they stood in each year, plus the one-off laws for imperial
//! events. The lookup works directly from the month and day, so `holiday_name` allocates nothing
//! and needs no cache.
//!
//! - Fixed-date holidays carry the years they were in force (天皇誕生日 4/29 until 1988, 12/23 in
//!   1989–2018, none in 2019, 2/23 from 2020; 4/29 みどりの日 1989–2006, then 昭和の日 with
//!   みどりの日 moving to 5/4; 山の日 from 2016; 海の日 from 1996).
//! - Happy Monday holidays: 成人の日 and 体育の日 (スポーツの日 from 2020) from 2000, 海の日 and
//!   敬老の日 from 2003; 2020 and 2021 moved 海の日, スポーツの日 and 山の日 for the Olympics.
//! - 春分の日 and 秋分の日 by the usual approximation formula, valid for 1980–2099, computed in
//!   integers so no floating-point rounding can move a day.
//! - 振替休日: a holiday on a Sunday gives the next day that is not a holiday; until 2006 that
//!   was only the Monday, from 2007 it may be several days later.
//! - 国民の休日: a day that is not a holiday but lies between two holidays (from 1986; until 2006
//!   not on a Sunday nor on a substitute Monday).
//!
//! Names are those of the Cabinet Office's list (内閣府「国民の祝日について」): both 振替休日 and
//! 国民の休日 appear as 「休日」. The one-off imperial days take the names of their laws.

use std::ops::RangeInclusive;

use chrono::{Datelike, NaiveDate, Weekday};

/// The years the rules are known for.
pub const YEARS: RangeInclusive<i32> = 1980..=2099;

/// The name of a substitute holiday (振替休日) or a citizens' holiday (国民の休日), as the Cabinet
/// Office lists both.
pub const KYUJITSU: &str = "休日";

const GANJITSU: &str = "元日";
const SEIJIN: &str = "成人の日";
const KENKOKU: &str = "建国記念の日";
const TENNO_TANJOBI: &str = "天皇誕生日";
const SHUNBUN: &str = "春分の日";
const SHOWA: &str = "昭和の日";
const KENPO: &str = "憲法記念日";
const MIDORI: &str = "みどりの日";
const KODOMO: &str = "こどもの日";
const UMI: &str = "海の日";
const YAMA: &str = "山の日";
const KEIRO: &str = "敬老の日";
const SHUBUN: &str = "秋分の日";
const TAIIKU: &str = "体育の日";
const SPORTS: &str = "スポーツの日";
const BUNKA: &str = "文化の日";
const KINRO: &str = "勤労感謝の日";
const TAISO_NO_REI: &str = "昭和天皇の大喪の礼";
const SOKUIREI_1990: &str = "即位礼正殿の儀";
const KEKKON_NO_GI: &str = "皇太子徳仁親王の結婚の儀";
const SOKUI_NO_HI: &str = "天皇の即位の日";
const SOKUIREI_2019: &str = "即位礼正殿の儀の行われる日";

/// The first year of the 2005 amendment: a Sunday holiday's substitute may be later than Monday,
/// and a day between two holidays is a holiday whatever its weekday.
const NEW_RULES_FROM: i32 = 2007;
/// The first year of 国民の休日 (amendment of 1985-12-27).
const CITIZENS_HOLIDAY_FROM: i32 = 1986;

/// The Japanese name of the holiday on `date`, if it is one.
pub fn holiday_name(date: NaiveDate) -> Option<&'static str> {
    if !YEARS.contains(&date.year()) {
        return None;
    }
    if let Some(name) = national_holiday(date) {
        return Some(name);
    }
    if is_substitute(date) || is_citizens_holiday(date) { Some(KYUJITSU) } else { None }
}

/// True when `date` is a public holiday of any kind.
pub fn is_holiday(date: NaiveDate) -> bool {
    holiday_name(date).is_some()
}

/// Every holiday of `year` in date order; empty outside `YEARS`.
pub fn holidays_in_year(year: i32) -> Vec<(NaiveDate, &'static str)> {
    if !YEARS.contains(&year) {
        return Vec::new();
    }
    let Some(first) = NaiveDate::from_ymd_opt(year, 1, 1) else {
        return Vec::new();
    };
    first
        .iter_days()
        .take_while(|d| d.year() == year)
        .filter_map(|d| holiday_name(d).map(|name| (d, name)))
        .collect()
}

/// The day of March of 春分の日 in `year` (formula valid for 1980–2099).
pub fn vernal_equinox_day(year: i32) -> u32 {
    equinox_day(year, 20_843_100)
}

/// The day of September of 秋分の日 in `year` (formula valid for 1980–2099).
pub fn autumnal_equinox_day(year: i32) -> u32 {
    equinox_day(year, 23_248_800)
}

/// floor(base + 0.242194 × (Y − 1980) − floor((Y − 1980) / 4)), with `base` in millionths of a
/// day (20.8431 for March, 23.2488 for September).
fn equinox_day(year: i32, base_micro: i64) -> u32 {
    let n = i64::from(year) - 1980;
    let micro = base_micro + 242_194 * n - 1_000_000 * n.div_euclid(4);
    u32::try_from(micro.div_euclid(1_000_000)).unwrap_or(0)
}

/// True when `date` is the `nth` (1-based) Monday of its month.
fn is_nth_monday(date: NaiveDate, nth: u32) -> bool {
    date.weekday() == Weekday::Mon && (date.day() - 1) / 7 + 1 == nth
}

/// A 国民の祝日 proper (including the one-off days treated as such): everything but 休日.
/// Not limited to `YEARS`, so the neighbours of 1980-01-01 and 2099-12-31 can be asked about.
fn national_holiday(date: NaiveDate) -> Option<&'static str> {
    let y = date.year();
    let d = date.day();
    match date.month() {
        1 => match d {
            1 => Some(GANJITSU),
            15 if y < 2000 => Some(SEIJIN),
            _ if y >= 2000 && is_nth_monday(date, 2) => Some(SEIJIN),
            _ => None,
        },
        2 => match d {
            11 if y >= 1967 => Some(KENKOKU),
            23 if y >= 2020 => Some(TENNO_TANJOBI),
            24 if y == 1989 => Some(TAISO_NO_REI),
            _ => None,
        },
        3 if d == vernal_equinox_day(y) => Some(SHUNBUN),
        4 => match d {
            29 if y <= 1988 => Some(TENNO_TANJOBI),
            29 if y <= 2006 => Some(MIDORI),
            29 => Some(SHOWA),
            _ => None,
        },
        5 => match d {
            1 if y == 2019 => Some(SOKUI_NO_HI),
            3 => Some(KENPO),
            4 if y >= 2007 => Some(MIDORI),
            5 => Some(KODOMO),
            _ => None,
        },
        6 if y == 1993 && d == 9 => Some(KEKKON_NO_GI),
        7 => match y {
            2020 if d == 23 => Some(UMI),
            2020 if d == 24 => Some(SPORTS),
            2021 if d == 22 => Some(UMI),
            2021 if d == 23 => Some(SPORTS),
            2020 | 2021 => None,
            1996..=2002 if d == 20 => Some(UMI),
            2003.. if is_nth_monday(date, 3) => Some(UMI),
            _ => None,
        },
        8 => match y {
            2020 if d == 10 => Some(YAMA),
            2021 if d == 8 => Some(YAMA),
            2020 | 2021 => None,
            2016.. if d == 11 => Some(YAMA),
            _ => None,
        },
        9 => {
            if d == autumnal_equinox_day(y) {
                Some(SHUBUN)
            } else if ((1966..2003).contains(&y) && d == 15)
                || (y >= 2003 && is_nth_monday(date, 3))
            {
                Some(KEIRO)
            } else {
                None
            }
        }
        10 => match y {
            2019 if d == 22 => Some(SOKUIREI_2019),
            2020 | 2021 => None,
            1966..=1999 if d == 10 => Some(TAIIKU),
            2000..=2019 if is_nth_monday(date, 2) => Some(TAIIKU),
            2022.. if is_nth_monday(date, 2) => Some(SPORTS),
            _ => None,
        },
        11 => match d {
            3 => Some(BUNKA),
            12 if y == 1990 => Some(SOKUIREI_1990),
            23 => Some(KINRO),
            _ => None,
        },
        12 if d == 23 && (1989..=2018).contains(&y) => Some(TENNO_TANJOBI),
        _ => None,
    }
}

fn is_national(date: Option<NaiveDate>) -> bool {
    date.and_then(national_holiday).is_some()
}

/// 振替休日: `date` is not a 国民の祝日 and follows a Sunday 国民の祝日, directly (any year) or
/// through an unbroken run of 国民の祝日 (from 2007).
fn is_substitute(date: NaiveDate) -> bool {
    if national_holiday(date).is_some() {
        return false;
    }
    let mut prev = date.pred_opt();
    if date.year() < NEW_RULES_FROM {
        return prev.is_some_and(|p| p.weekday() == Weekday::Sun && national_holiday(p).is_some());
    }
    while let Some(p) = prev {
        if national_holiday(p).is_none() {
            return false;
        }
        if p.weekday() == Weekday::Sun {
            return true;
        }
        prev = p.pred_opt();
    }
    false
}

/// 国民の休日: `date` is not a 国民の祝日 and both its neighbours are (from 1986; until 2006 not on
/// a Sunday nor on a substitute holiday, which the caller has already ruled out).
fn is_citizens_holiday(date: NaiveDate) -> bool {
    let year = date.year();
    if year < CITIZENS_HOLIDAY_FROM || national_holiday(date).is_some() {
        return false;
    }
    if year < NEW_RULES_FROM && date.weekday() == Weekday::Sun {
        return false;
    }
    is_national(date.pred_opt()) && is_national(date.succ_opt())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn check_year(year: i32, expected: &[(u32, u32, &str)]) {
        let expected: Vec<(NaiveDate, &str)> =
            expected.iter().map(|&(m, d, name)| (ymd(year, m, d), name)).collect();
        assert_eq!(holidays_in_year(year), expected, "holidays of {year}");
    }

    #[test]
    fn year_2019() {
        check_year(
            2019,
            &[
                (1, 1, "元日"),
                (1, 14, "成人の日"),
                (2, 11, "建国記念の日"),
                (3, 21, "春分の日"),
                (4, 29, "昭和の日"),
                (4, 30, "休日"),
                (5, 1, "天皇の即位の日"),
                (5, 2, "休日"),
                (5, 3, "憲法記念日"),
                (5, 4, "みどりの日"),
                (5, 5, "こどもの日"),
                (5, 6, "休日"),
                (7, 15, "海の日"),
                (8, 11, "山の日"),
                (8, 12, "休日"),
                (9, 16, "敬老の日"),
                (9, 23, "秋分の日"),
                (10, 14, "体育の日"),
                (10, 22, "即位礼正殿の儀の行われる日"),
                (11, 3, "文化の日"),
                (11, 4, "休日"),
                (11, 23, "勤労感謝の日"),
            ],
        );
    }

    #[test]
    fn year_2020() {
        check_year(
            2020,
            &[
                (1, 1, "元日"),
                (1, 13, "成人の日"),
                (2, 11, "建国記念の日"),
                (2, 23, "天皇誕生日"),
                (2, 24, "休日"),
                (3, 20, "春分の日"),
                (4, 29, "昭和の日"),
                (5, 3, "憲法記念日"),
                (5, 4, "みどりの日"),
                (5, 5, "こどもの日"),
                (5, 6, "休日"),
                (7, 23, "海の日"),
                (7, 24, "スポーツの日"),
                (8, 10, "山の日"),
                (9, 21, "敬老の日"),
                (9, 22, "秋分の日"),
                (11, 3, "文化の日"),
                (11, 23, "勤労感謝の日"),
            ],
        );
    }

    #[test]
    fn year_2021() {
        check_year(
            2021,
            &[
                (1, 1, "元日"),
                (1, 11, "成人の日"),
                (2, 11, "建国記念の日"),
                (2, 23, "天皇誕生日"),
                (3, 20, "春分の日"),
                (4, 29, "昭和の日"),
                (5, 3, "憲法記念日"),
                (5, 4, "みどりの日"),
                (5, 5, "こどもの日"),
                (7, 22, "海の日"),
                (7, 23, "スポーツの日"),
                (8, 8, "山の日"),
                (8, 9, "休日"),
                (9, 20, "敬老の日"),
                (9, 23, "秋分の日"),
                (11, 3, "文化の日"),
                (11, 23, "勤労感謝の日"),
            ],
        );
    }

    #[test]
    fn year_2022() {
        check_year(
            2022,
            &[
                (1, 1, "元日"),
                (1, 10, "成人の日"),
                (2, 11, "建国記念の日"),
                (2, 23, "天皇誕生日"),
                (3, 21, "春分の日"),
                (4, 29, "昭和の日"),
                (5, 3, "憲法記念日"),
                (5, 4, "みどりの日"),
                (5, 5, "こどもの日"),
                (7, 18, "海の日"),
                (8, 11, "山の日"),
                (9, 19, "敬老の日"),
                (9, 23, "秋分の日"),
                (10, 10, "スポーツの日"),
                (11, 3, "文化の日"),
                (11, 23, "勤労感謝の日"),
            ],
        );
    }

    #[test]
    fn year_2023() {
        check_year(
            2023,
            &[
                (1, 1, "元日"),
                (1, 2, "休日"),
                (1, 9, "成人の日"),
                (2, 11, "建国記念の日"),
                (2, 23, "天皇誕生日"),
                (3, 21, "春分の日"),
                (4, 29, "昭和の日"),
                (5, 3, "憲法記念日"),
                (5, 4, "みどりの日"),
                (5, 5, "こどもの日"),
                (7, 17, "海の日"),
                (8, 11, "山の日"),
                (9, 18, "敬老の日"),
                (9, 23, "秋分の日"),
                (10, 9, "スポーツの日"),
                (11, 3, "文化の日"),
                (11, 23, "勤労感謝の日"),
            ],
        );
    }

    #[test]
    fn year_2024() {
        check_year(
            2024,
            &[
                (1, 1, "元日"),
                (1, 8, "成人の日"),
                (2, 11, "建国記念の日"),
                (2, 12, "休日"),
                (2, 23, "天皇誕生日"),
                (3, 20, "春分の日"),
                (4, 29, "昭和の日"),
                (5, 3, "憲法記念日"),
                (5, 4, "みどりの日"),
                (5, 5, "こどもの日"),
                (5, 6, "休日"),
                (7, 15, "海の日"),
                (8, 11, "山の日"),
                (8, 12, "休日"),
                (9, 16, "敬老の日"),
                (9, 22, "秋分の日"),
                (9, 23, "休日"),
                (10, 14, "スポーツの日"),
                (11, 3, "文化の日"),
                (11, 4, "休日"),
                (11, 23, "勤労感謝の日"),
            ],
        );
    }

    #[test]
    fn year_2025() {
        check_year(
            2025,
            &[
                (1, 1, "元日"),
                (1, 13, "成人の日"),
                (2, 11, "建国記念の日"),
                (2, 23, "天皇誕生日"),
                (2, 24, "休日"),
                (3, 20, "春分の日"),
                (4, 29, "昭和の日"),
                (5, 3, "憲法記念日"),
                (5, 4, "みどりの日"),
                (5, 5, "こどもの日"),
                (5, 6, "休日"),
                (7, 21, "海の日"),
                (8, 11, "山の日"),
                (9, 15, "敬老の日"),
                (9, 23, "秋分の日"),
                (10, 13, "スポーツの日"),
                (11, 3, "文化の日"),
                (11, 23, "勤労感謝の日"),
                (11, 24, "休日"),
            ],
        );
    }

    #[test]
    fn year_2026() {
        check_year(
            2026,
            &[
                (1, 1, "元日"),
                (1, 12, "成人の日"),
                (2, 11, "建国記念の日"),
                (2, 23, "天皇誕生日"),
                (3, 20, "春分の日"),
                (4, 29, "昭和の日"),
                (5, 3, "憲法記念日"),
                (5, 4, "みどりの日"),
                (5, 5, "こどもの日"),
                (5, 6, "休日"),
                (7, 20, "海の日"),
                (8, 11, "山の日"),
                (9, 21, "敬老の日"),
                (9, 22, "休日"),
                (9, 23, "秋分の日"),
                (10, 12, "スポーツの日"),
                (11, 3, "文化の日"),
                (11, 23, "勤労感謝の日"),
            ],
        );
    }

    #[test]
    fn year_2027() {
        check_year(
            2027,
            &[
                (1, 1, "元日"),
                (1, 11, "成人の日"),
                (2, 11, "建国記念の日"),
                (2, 23, "天皇誕生日"),
                (3, 21, "春分の日"),
                (3, 22, "休日"),
                (4, 29, "昭和の日"),
                (5, 3, "憲法記念日"),
                (5, 4, "みどりの日"),
                (5, 5, "こどもの日"),
                (7, 19, "海の日"),
                (8, 11, "山の日"),
                (9, 20, "敬老の日"),
                (9, 23, "秋分の日"),
                (10, 11, "スポーツの日"),
                (11, 3, "文化の日"),
                (11, 23, "勤労感謝の日"),
            ],
        );
    }

    #[test]
    fn range_limits() {
        assert_eq!(holiday_name(ymd(1980, 1, 1)), Some("元日"));
        assert_eq!(holiday_name(ymd(1980, 1, 15)), Some("成人の日"));
        assert_eq!(holiday_name(ymd(2099, 12, 31)), None);
        assert_eq!(holiday_name(ymd(2099, 11, 3)), Some("文化の日"));
        assert!(!holidays_in_year(1980).is_empty());
        assert!(!holidays_in_year(2099).is_empty());
        assert!(holidays_in_year(1979).is_empty());
        assert!(holidays_in_year(2100).is_empty());
        assert_eq!(holiday_name(ymd(1979, 1, 1)), None);
        assert_eq!(holiday_name(ymd(2100, 1, 1)), None);
        assert!(!is_holiday(ymd(2100, 1, 1)));
    }

    #[test]
    fn year_1980() {
        // 1980-01-01 was a Tuesday; 3/20 春分, 9/23 秋分; 11/23 Sunday → 11/24 休日.
        check_year(
            1980,
            &[
                (1, 1, "元日"),
                (1, 15, "成人の日"),
                (2, 11, "建国記念の日"),
                (3, 20, "春分の日"),
                (4, 29, "天皇誕生日"),
                (5, 3, "憲法記念日"),
                (5, 5, "こどもの日"),
                (9, 15, "敬老の日"),
                (9, 23, "秋分の日"),
                (10, 10, "体育の日"),
                (11, 3, "文化の日"),
                (11, 23, "勤労感謝の日"),
                (11, 24, "休日"),
            ],
        );
    }

    #[test]
    fn substitute_rule_changed_in_2007() {
        // 2008: 5/4 (みどりの日) is a Sunday, 5/5 is こどもの日, so the substitute is 5/6.
        assert_eq!(holiday_name(ymd(2008, 5, 4)), Some("みどりの日"));
        assert_eq!(holiday_name(ymd(2008, 5, 6)), Some("休日"));
        // 2009: 5/3 Sunday → 5/6 Wednesday.
        assert_eq!(holiday_name(ymd(2009, 5, 6)), Some("休日"));
        // Before 2007: 2003-05-04 was a Sunday, so no 国民の休日, and nothing moved to 5/6.
        assert_eq!(holiday_name(ymd(2003, 5, 4)), None);
        assert_eq!(holiday_name(ymd(2003, 5, 6)), None);
        // 2006-01-01 Sunday → 1/2 Monday.
        assert_eq!(holiday_name(ymd(2006, 1, 2)), Some("休日"));
    }

    #[test]
    fn citizens_holidays() {
        for (y, m, d) in [(2026, 9, 22), (2015, 9, 22), (2009, 9, 22), (2032, 9, 21)] {
            assert_eq!(holiday_name(ymd(y, m, d)), Some("休日"), "{y}-{m}-{d}");
        }
        // The pre-2007 5/4 between 憲法記念日 and こどもの日, from 1986.
        assert_eq!(holiday_name(ymd(1988, 5, 4)), Some("休日"));
        assert_eq!(holiday_name(ymd(2005, 5, 4)), Some("休日"));
        assert_eq!(holiday_name(ymd(1985, 5, 4)), None);
        // 1986-05-04 was a Sunday: no 国民の休日 then.
        assert_eq!(holiday_name(ymd(1986, 5, 4)), None);
        // 1987-05-04: 5/3 Sunday → substitute Monday.
        assert_eq!(holiday_name(ymd(1987, 5, 4)), Some("休日"));
    }

    #[test]
    fn historical_names_and_one_offs() {
        assert_eq!(holiday_name(ymd(1989, 2, 24)), Some("昭和天皇の大喪の礼"));
        assert_eq!(holiday_name(ymd(1990, 11, 12)), Some("即位礼正殿の儀"));
        assert_eq!(holiday_name(ymd(1993, 6, 9)), Some("皇太子徳仁親王の結婚の儀"));
        assert_eq!(holiday_name(ymd(1988, 4, 29)), Some("天皇誕生日"));
        assert_eq!(holiday_name(ymd(1989, 4, 29)), Some("みどりの日"));
        assert_eq!(holiday_name(ymd(2006, 4, 29)), Some("みどりの日"));
        assert_eq!(holiday_name(ymd(2007, 4, 29)), Some("昭和の日"));
        assert_eq!(holiday_name(ymd(1988, 12, 23)), None);
        assert_eq!(holiday_name(ymd(1989, 12, 23)), Some("天皇誕生日"));
        assert_eq!(holiday_name(ymd(2018, 12, 23)), Some("天皇誕生日"));
        assert_eq!(holiday_name(ymd(2018, 12, 24)), Some("休日"));
        assert_eq!(holiday_name(ymd(2019, 12, 23)), None);
        assert_eq!(holiday_name(ymd(2019, 2, 23)), None);
        assert_eq!(holiday_name(ymd(1995, 7, 20)), None);
        assert_eq!(holiday_name(ymd(1996, 7, 20)), Some("海の日"));
        assert_eq!(holiday_name(ymd(2002, 7, 20)), Some("海の日"));
        assert_eq!(holiday_name(ymd(2003, 7, 21)), Some("海の日"));
        assert_eq!(holiday_name(ymd(2002, 9, 15)), Some("敬老の日"));
        assert_eq!(holiday_name(ymd(2003, 9, 15)), Some("敬老の日"));
        assert_eq!(holiday_name(ymd(2004, 9, 20)), Some("敬老の日"));
        assert_eq!(holiday_name(ymd(1999, 1, 15)), Some("成人の日"));
        assert_eq!(holiday_name(ymd(2000, 1, 10)), Some("成人の日"));
        assert_eq!(holiday_name(ymd(1999, 10, 11)), Some("休日"));
        assert_eq!(holiday_name(ymd(2000, 10, 9)), Some("体育の日"));
        assert_eq!(holiday_name(ymd(2015, 8, 11)), None);
        assert_eq!(holiday_name(ymd(2016, 8, 11)), Some("山の日"));
        // The Olympic years moved the days away from their usual dates.
        assert_eq!(holiday_name(ymd(2020, 7, 20)), None);
        assert_eq!(holiday_name(ymd(2020, 8, 11)), None);
        assert_eq!(holiday_name(ymd(2020, 10, 12)), None);
        assert_eq!(holiday_name(ymd(2021, 7, 19)), None);
        assert_eq!(holiday_name(ymd(2021, 10, 11)), None);
    }

    #[test]
    fn equinoxes() {
        let cases = [
            (1980, 20, 23),
            (2000, 20, 23),
            (2012, 20, 22),
            (2016, 20, 22),
            (2023, 21, 23),
            (2024, 20, 22),
            (2025, 20, 23),
            (2026, 20, 23),
            (2027, 21, 23),
            (2044, 20, 22),
            (2092, 19, 22),
            (2099, 20, 23),
        ];
        for (y, spring, autumn) in cases {
            assert_eq!(vernal_equinox_day(y), spring, "春分 {y}");
            assert_eq!(autumnal_equinox_day(y), autumn, "秋分 {y}");
        }
    }

    #[test]
    fn every_year_is_sane() {
        for year in YEARS {
            let list = holidays_in_year(year);
            assert!((12..=24).contains(&list.len()), "{year}: {} holidays", list.len());
            assert!(list.windows(2).all(|w| w[0].0 < w[1].0));
            assert!(list.iter().all(|(d, n)| d.year() == year && holiday_name(*d) == Some(*n)));
            // A 休日 is never a Sunday from 2007 in practice, and never before 2007.
            assert!(list.iter().all(|(d, n)| *n != KYUJITSU || d.weekday() != Weekday::Sun));
        }
    }
}
