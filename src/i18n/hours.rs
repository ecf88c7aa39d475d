//! A facility's phone hours (`PhoneHours`) in words, in any language: the days grouped into runs
//! (月～金), each group's times, then what is excluded (祝日, 第2土曜日, 12/29～1/3). The words
//! are in `panes.ftl` (`pane-hours-*`); the grouping is the same in every language.

use chrono::Weekday;

use super::{Locale, format, t, tr};
use crate::domain::hours::{ClockTime, Day, Exclusion, PhoneHours};

fn weekday(d: Day) -> Weekday {
    match d {
        Day::Mon => Weekday::Mon,
        Day::Tue => Weekday::Tue,
        Day::Wed => Weekday::Wed,
        Day::Thu => Weekday::Thu,
        Day::Fri => Weekday::Fri,
        Day::Sat => Weekday::Sat,
        Day::Sun => Weekday::Sun,
    }
}

fn day_key(d: Day) -> &'static str {
    match d {
        Day::Mon => "mon",
        Day::Tue => "tue",
        Day::Wed => "wed",
        Day::Thu => "thu",
        Day::Fri => "fri",
        Day::Sat => "sat",
        Day::Sun => "sun",
    }
}

/// `9:00`, without a leading zero on the hour (the flyer's style).
fn clock(t: ClockTime) -> String {
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

/// A set of days as runs: `月～金`, `月・水～金`, `毎日`. Two days in a row are listed, three or
/// more make a run.
fn days(lang: Locale, mask: u8) -> String {
    if mask == 0x7f {
        return t(lang, "pane-hours-daily");
    }
    let name = |i: usize| format::weekday(lang, weekday(Day::ALL[i]));
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
            0 => parts.push(name(i)),
            1 => parts.extend([name(i), name(j)]),
            _ => parts.push(tr(
                lang,
                "pane-hours-day-run",
                &[("from", name(i).into()), ("to", name(j).into())],
            )),
        }
        i = j + 1;
    }
    parts.join(&t(lang, "pane-hours-day-sep"))
}

/// One excluded kind of day: `祝日`, `第2土曜日`, `12/29～1/3`.
fn exclusion(lang: Locale, e: &Exclusion) -> String {
    match *e {
        Exclusion::Holidays => t(lang, "pane-hours-holidays"),
        Exclusion::NthWeekday { n, weekday } => {
            let args = [("n", n.into()), ("weekday", day_key(weekday).into())];
            tr(lang, "pane-hours-nth-weekday", &args)
        }
        Exclusion::DateRange { from, to } => {
            let md = |m: u8, d: u8| {
                tr(lang, "pane-hours-month-day", &[("month", m.into()), ("day", d.into())])
            };
            let args =
                [("from", md(from.month, from.day).into()), ("to", md(to.month, to.day).into())];
            tr(lang, "pane-hours-date-range", &args)
        }
    }
}

/// The hours in words: `月～金 9:00～11:00, 14:00～16:00（祝日除く）`,
/// `Mon-Fri 9:00-11:00, 14:00-16:00 (except public holidays)`.
pub fn describe(lang: Locale, hours: &PhoneHours) -> String {
    let groups = grouped(hours);
    if groups.is_empty() {
        return t(lang, "pane-hours-none");
    }
    let time_sep = t(lang, "pane-hours-time-sep");
    let text = groups
        .iter()
        .map(|(mask, times)| {
            let times: Vec<String> = times
                .iter()
                .map(|(s, e)| {
                    tr(
                        lang,
                        "pane-hours-time-range",
                        &[("from", clock(*s).into()), ("to", clock(*e).into())],
                    )
                })
                .collect();
            let args =
                [("days", days(lang, *mask).into()), ("times", times.join(&time_sep).into())];
            tr(lang, "pane-hours-group", &args)
        })
        .collect::<Vec<_>>()
        .join(&t(lang, "pane-hours-group-sep"));
    if hours.exclusions.is_empty() {
        return text;
    }
    let ex: Vec<String> = hours.exclusions.iter().map(|e| exclusion(lang, e)).collect();
    let args =
        [("hours", text.into()), ("list", ex.join(&t(lang, "pane-hours-except-sep")).into())];
    tr(lang, "pane-hours-except", &args)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::hours::flyer::*;
    use Day::*;

    fn fixtures() -> [PhoneHours; 7] {
        [tokyo_kita(), sou(), arakawa(), ayase(), bamboo(), swan(), empty()]
    }

    #[test]
    fn japanese_is_the_flyers_wording() {
        assert_eq!(
            describe(Locale::Ja, &tokyo_kita()),
            "月～金 9:00～11:00, 14:00～16:00（祝日除く）"
        );
        assert_eq!(
            describe(Locale::Ja, &sou()),
            "月～土 9:00～16:00（第2土曜日・祝日・12/29～1/3除く）"
        );
        assert_eq!(describe(Locale::Ja, &arakawa()), "月・水～金 9:00～17:00、火・土 9:00～12:00");
        assert_eq!(describe(Locale::Ja, &ayase()), "毎日 10:00～16:30");
        assert_eq!(describe(Locale::Ja, &bamboo()), "月～金 8:30～17:00、土 8:30～14:00");
        assert_eq!(describe(Locale::Ja, &swan()), "火・木 13:00～15:00（祝日除く）");
        assert_eq!(describe(Locale::Ja, &empty()), "電話受付時間なし");
    }

    #[test]
    fn english_reads_the_flyer_in_plain_hyphens() {
        assert_eq!(
            describe(Locale::En, &tokyo_kita()),
            "Mon-Fri 9:00-11:00, 14:00-16:00 (except public holidays)"
        );
        assert_eq!(
            describe(Locale::En, &sou()),
            "Mon-Sat 9:00-16:00 (except the 2nd Saturday of the month, public holidays, \
             Dec 29-Jan 3)"
        );
        assert_eq!(
            describe(Locale::En, &arakawa()),
            "Mon, Wed-Fri 9:00-17:00; Tue, Sat 9:00-12:00"
        );
        assert_eq!(describe(Locale::En, &ayase()), "Daily 10:00-16:30");
        assert_eq!(describe(Locale::En, &empty()), "no phone hours");
    }

    #[test]
    fn days_with_the_same_times_are_one_group_and_times_are_sorted() {
        let h = PhoneHours {
            ranges: vec![
                range(&[Sat, Sun], (13, 0), (24, 0)),
                range(&[Fri, Mon, Tue], (9, 0), (10, 0)),
                range(&[Sun, Sat], (8, 0), (12, 0)),
            ],
            exclusions: vec![],
        };
        assert_eq!(
            describe(Locale::Ja, &h),
            "土・日 8:00～12:00, 13:00～24:00、月・火・金 9:00～10:00"
        );
    }

    #[test]
    fn every_language_names_every_part() {
        for l in Locale::all() {
            for h in fixtures() {
                let s = describe(l, &h);
                assert!(!s.contains("pane-") && !s.is_empty(), "{l:?}: {s}");
            }
            assert!(describe(l, &sou()).contains("16:00"), "{l:?}");
        }
        assert_eq!(describe(Locale::ZhHans, &ayase()), "每天 10:00-16:30");
    }
}
