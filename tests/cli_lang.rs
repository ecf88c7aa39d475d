//! The command line's language: Japanese by default (each line bilingual, as it has always been
//! printed), English alone with `--lang en`, `SANGO_LANG=en` or `lang = "en"` in the settings.
//! `--json` is the same in both. Run as the real binary.

mod common;

use std::path::Path;

use common::{Run, command, finish};

/// `sango ARGS` with a settings folder of its own (so the machine's settings and `SANGO_LANG`
/// never decide the language) and the practice store of `data`, where the tests' fixed moments
/// are accepted.
fn run_in(config: &Path, data: &Path, args: &[&str]) -> Run {
    let mut c = command(args);
    c.env_remove("SANGO_LANG")
        .env("SANGO_CONFIG_DIR", config)
        .env("SANGO_DATA_DIR", data)
        .env("SANGO_PRACTICE", "1");
    finish(c.output().expect("the sango binary runs"))
}

struct Dirs {
    config: tempfile::TempDir,
    data: tempfile::TempDir,
}

impl Dirs {
    fn new() -> Dirs {
        Dirs { config: tempfile::tempdir().unwrap(), data: tempfile::tempdir().unwrap() }
    }

    fn run(&self, args: &[&str]) -> Run {
        run_in(self.config.path(), self.data.path(), args)
    }

    fn ok(&self, args: &[&str]) -> String {
        let r = self.run(args);
        assert_eq!(r.code, 0, "{args:?}: {}", r.stderr);
        r.stdout
    }
}

fn is_japanese(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{9fff}' | '\u{ff00}'..='\u{ffef}')
}

/// Asserts that `text` has no Japanese once the dataset's names and the official terms kept in
/// parentheses (`allowed`) are taken out.
fn english_only(text: &str, allowed: &[&str]) {
    for line in text.lines() {
        let mut rest = line.to_string();
        for a in allowed {
            rest = rest.replace(a, "");
        }
        assert!(!rest.chars().any(is_japanese), "Japanese in an English line: {line:?}\n{text}");
    }
}

const AYASE: &str = "綾瀬産後ケア";
const STAY: &str = "ショートステイ（宿泊型）";

#[test]
fn fee_speaks_english_with_lang_en_and_as_before_by_default() {
    let d = Dirs::new();
    let args = ["fee", "--type", "stay", "--units", "3", "--babies", "2"];
    let ja = d.ok(&args);
    assert_eq!(
        ja,
        "ショートステイ（宿泊型） 3日\n  基本 Base: 3,300円 × 3日 = 9,900円\n  \
         多胎加算 Extra babies: 1,100円 × 1人 × 3日 = 3,300円\n合計 Total: 13,200円\n"
    );
    let en = d.ok(&[&["--lang", "en"], &args[..]].concat());
    assert_eq!(
        en,
        "ショートステイ（宿泊型） 3 days\n  Base: ¥3,300 × 3 days = ¥9,900\n  \
         Extra babies: ¥1,100 × 1 baby × 3 days = ¥3,300\nTotal: ¥13,200\n"
    );
    english_only(&en, &[STAY]);
    // --json does not change with the language.
    let json = [&args[..], &["--json"]].concat();
    assert_eq!(d.ok(&json), d.ok(&[&["--lang", "en"], &json[..]].concat()));
}

#[test]
fn the_language_comes_from_the_environment_and_the_settings_file() {
    let d = Dirs::new();
    let args = ["fee", "--type", "visit", "--units", "1"];
    let mut c = command(&args);
    c.env("SANGO_LANG", "en").env("SANGO_CONFIG_DIR", d.config.path());
    let r = finish(c.output().unwrap());
    assert!(r.stdout.contains("Total: ¥"), "{}", r.stdout);
    std::fs::write(d.config.path().join("config.toml"), "lang = \"en\"\n").unwrap();
    assert!(d.ok(&args).contains("Total: ¥"));
    // The flag wins over the file.
    assert!(d.ok(&[&["--lang", "ja"], &args[..]].concat()).contains("合計 Total: "));
}

#[test]
fn a_broken_settings_file_does_not_fail_a_command_that_never_read_it() {
    let d = Dirs::new();
    std::fs::write(d.config.path().join("config.toml"), "lang = \n").unwrap();
    let r = d.run(&["fee", "--type", "visit", "--units", "1"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("合計 Total: "), "{}", r.stdout);
    assert_eq!(r.stderr, "");
    // The flag still chooses English.
    let r = d.run(&["--lang", "en", "fee", "--type", "visit", "--units", "1"]);
    assert!(r.stdout.contains("Total: ¥"), "{}", r.stdout);
}

#[test]
fn window_and_an_unknown_facility_in_english() {
    let d = Dirs::new();
    let args = ["window", "ayase-sango-care", "--type", "stay", "--birth", "2026-11-01"];
    let ja = d.ok(&args);
    assert!(ja.contains("利用できる日 Days of use: 2026-11-01 〜 "), "{ja}");
    let en = d.ok(&[&["--lang", "en"], &args[..]].concat());
    let days = en.lines().nth(1).unwrap();
    assert!(days.starts_with("Days of use: 2026-11-01 to "), "{en}");
    english_only(days, &[]);

    let unknown = ["window", "nope", "--type", "stay", "--birth", "2026-11-01"];
    let r = d.run(&unknown);
    assert_eq!(
        r.refused(),
        "sango: unknown facility (施設) 'nope': see `sango facilities` for the ids\n"
    );
    let r = d.run(&[&["--lang", "en"], &unknown[..]].concat());
    assert_eq!(r.refused(), "sango: unknown facility 'nope': see `sango facilities` for the ids\n");

    // A value the parser refuses, before any command runs: in the chosen language too.
    let bad = ["window", "ayase-sango-care", "--type", "stay", "--birth", "2026-13-01"];
    let r = d.run(&bad);
    assert!(r.stderr.contains("'2026-13-01' is not a date (日付) YYYY-MM-DD"), "{}", r.stderr);
    let r = d.run(&[&bad[..], &["--lang=en"]].concat());
    assert!(r.stderr.contains("'2026-13-01' is not a date: YYYY-MM-DD"), "{}", r.stderr);
}

#[test]
fn book_cancel_and_bookings_in_english() {
    let d = Dirs::new();
    let at = ["--at", "2026-11-20T10:00"];
    let en = |args: &[&str]| d.ok(&[&["--lang", "en"], args, &at[..]].concat());
    let added = en(&["resident", "add", "--id", "R1", "--birth", "2026-11-01"]);
    assert!(added.starts_with("Registered resident (user number) R1\n"), "{added}");
    english_only(&added, &["住民税非課税世帯・生活保護世帯"]);

    let book = ["book", "--resident", "R1", "--facility", "ayase-sango-care", "--type", "stay"];
    let booked = en(&[&book[..], &["--start", "2026-11-25", "--nights", "1"]].concat());
    assert!(booked.starts_with("Booked: "), "{booked}");
    for line in ["  User number: R1", "  Dates: 2026-11-25 to 2026-11-26", "  Remaining: 2 days"] {
        assert!(booked.lines().any(|l| l == line), "{line:?} in:\n{booked}");
    }
    assert!(booked.contains("  Cancel free of charge by: 2026-11-24 11:00"), "{booked}");
    english_only(&booked, &[AYASE, STAY]);

    // The default is today's bilingual text.
    let ja = d.ok(&[&book[..], &["--start", "2026-11-28", "--nights", "1"], &at[..]].concat());
    assert!(ja.starts_with("予約しました Booked: "), "{ja}");
    assert!(ja.contains("\n  日程 Dates: 2026-11-28 〜 2026-11-29\n"), "{ja}");

    let list = en(&["bookings"]);
    let head = list.lines().next().unwrap();
    assert!(head.starts_with("Code"), "{list}");
    assert!(head.contains("User number") && head.contains("Status"), "{list}");
    assert!(list.ends_with("\n2 bookings\n"), "{list}");
    english_only(&list, &[AYASE]);
    let ja_list = d.ok(&[&["bookings"], &at[..]].concat());
    assert!(ja_list.starts_with("予約番号 code"), "{ja_list}");
    assert!(ja_list.ends_with("\n2 booking(s)\n"), "{ja_list}");

    let id = booked.lines().next().unwrap().trim_start_matches("Booked: ").to_string();
    let cancelled = en(&["cancel", &id]);
    assert!(cancelled.starts_with(&format!("Cancelled: {id}\n")), "{cancelled}");
    assert!(cancelled.contains("  On-time cancellation: nothing is charged to the limit"));
    assert!(cancelled.contains(&format!("  Please also phone the facility: {AYASE}")));
    english_only(&cancelled, &[AYASE]);

    let quota = d.ok(&["--lang", "en", "quota", "--resident", "R1"]);
    assert!(quota.starts_with("User number R1\nType"), "{quota}");
    english_only(&quota, &[STAY, "デイケア（日帰り型）", "アウトリーチ（訪問型）"]);
}
