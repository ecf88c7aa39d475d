//! What sango prints never carries a control sequence to the terminal and a message is one line:
//! ids, names and paths it echoes are shown with visible escapes (`\u{1b}`), and names with
//! control, bidi or zero-width characters are refused where they enter (a dataset, an import).

mod store_support;

use store_support::{Engine, Run, dir, live as sango_in, set_engine};

/// `sango ARGS` without a data folder.
fn sango(args: &[&str]) -> Run {
    store_support::finish(store_support::plain_command(args).output().unwrap())
}

/// The characters a terminal acts on or hides that these tests put in.
const RAW: [char; 6] = ['\u{1b}', '\u{7}', '\r', '\u{202e}', '\u{200b}', '\u{9b}'];

#[track_caller]
fn assert_shown_safely(text: &str) {
    for c in RAW {
        assert!(!text.contains(c), "raw U+{:04X} printed: {text:?}", u32::from(c));
    }
}

/// A refusal: exit 1, one line on stderr without a raw control character.
#[track_caller]
fn refused_safely(r: &Run) -> String {
    let e = r.refused().to_string();
    assert_shown_safely(&e);
    e
}

on_both_engines! {
    fn an_unknown_id_with_a_terminal_escape_is_shown_escaped_on_one_line() {
        let data = dir();
        let id = "X\u{1b}]0;T\u{7}";
        let e = refused_safely(&sango_in(data.path(), &["resident", "show", id]));
        assert!(e.contains("X\\u{1b}]0;T\\u{7}"), "{e}");
        let e = refused_safely(&sango_in(data.path(), &["quota", "--resident", "R\r\n1"]));
        assert!(e.contains("R\\u{d}\\u{a}1"), "{e}");
        let e = refused_safely(&sango(&["hours", "a\u{202e}b\u{200b}"]));
        assert!(e.contains("a\\u{202e}b\\u{200b}"), "{e}");
        let e = refused_safely(&sango_in(data.path(), &["cancel", "B\u{9b}2J"]));
        assert!(e.contains("B\\u{9b}2J"), "{e}");
    }
}

#[test]
fn a_path_with_a_newline_is_named_on_one_line() {
    let tmp = tempfile::tempdir().unwrap();
    let missing = tmp.path().join("no\nsuch\u{1b}[2J");
    let r = sango(&["--data-dir", missing.to_str().unwrap(), "bookings"]);
    let e = refused_safely(&r);
    assert!(e.contains("no\\u{a}such\\u{1b}[2J") && e.contains("does not exist"), "{e}");
    let r = sango(&["--dataset", missing.to_str().unwrap(), "facilities"]);
    assert!(refused_safely(&r).contains("no\\u{a}such"), "{}", r.stderr);
}

/// The embedded dataset with facility 0's name replaced, written to `dir/name.json`.
fn dataset_with_name(dir: &std::path::Path, facility_name: &str) -> std::path::PathBuf {
    let mut v: serde_json::Value =
        serde_json::from_str(&sango(&["dataset", "show"]).stdout).unwrap();
    v["facilities"][0]["name"] = serde_json::json!(facility_name);
    let path = dir.join("name.json");
    std::fs::write(&path, serde_json::to_string_pretty(&v).unwrap()).unwrap();
    path
}

#[test]
fn a_dataset_name_with_control_or_bidi_characters_is_refused_and_listed_safely() {
    let tmp = tempfile::tempdir().unwrap();
    for name in ["東京\u{1b}]0;pwned\u{7}", "東京\u{202e}ータンセ", "東京\u{200b}北"] {
        let path = dataset_with_name(tmp.path(), name);
        let p = path.to_str().unwrap();
        let r = sango(&["dataset", "check", p]);
        assert_eq!(r.code, 1, "{name:?}: {}", r.stdout);
        assert_shown_safely(&r.stdout);
        assert_shown_safely(&r.stderr);
        assert!(
            r.stdout.contains("facilities[0]") && r.stdout.contains("zero-width"),
            "{}",
            r.stdout
        );
        let j = sango(&["dataset", "check", p, "--json"]);
        let problems = j.json()["problems"].as_array().unwrap().clone();
        assert!(problems.iter().any(|x| x["at"].as_str().unwrap().starts_with("facilities[0]")));
        // Any command with it: the problems one per line, none raw.
        let r = sango(&["--dataset", p, "facilities"]);
        assert_eq!(r.code, 1);
        assert_shown_safely(&r.stderr);
        let lines: Vec<&str> = r.stderr.trim_end().lines().collect();
        assert!(lines[0].contains("is invalid"), "{}", r.stderr);
        assert!(lines[1..].iter().all(|l| l.starts_with("  - ")), "{}", r.stderr);
    }
}

on_both_engines! {
    fn import_refuses_a_terminal_name_with_bidi_or_zero_width_characters() {
        let a = dir();
        let r =
            sango_in(a.path(), &["resident", "add", "--id", "R1", "--birth", "2026-01-01", "--json"]);
        r.ok();
        let export = sango_in(a.path(), &["export", "--format", "json"]);
        let mut v: serde_json::Value = serde_json::from_str(&export.stdout).unwrap();
        let file = a.path().join("x.json");
        let b = dir();
        for bad in ["oji\u{202e}1", "oji\u{200b}1", "oji\u{1b}[1"] {
            v["events"][0]["terminal"] = serde_json::json!(bad);
            std::fs::write(&file, serde_json::to_string(&v).unwrap()).unwrap();
            let r = sango_in(b.path(), &["import", file.to_str().unwrap(), "--json"]);
            let e = refused_safely(&r);
            assert!(e.contains("terminal (端末)") && e.contains("bidi or zero-width"), "{e}");
            let list = sango_in(b.path(), &["resident", "list", "--json"]).ok();
            assert_eq!(list, serde_json::json!([]), "{bad:?}: nothing imported");
        }
    }
}

#[test]
fn a_usage_error_shows_what_was_typed_with_visible_escapes() {
    // clap itself drops escape sequences from what it echoes; bidi and zero-width characters
    // it keeps, and they are made visible.
    let r = sango(&["hours", "x", "--type", "st\u{202e}a\u{200b}y\u{1b}[2J"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert_shown_safely(&r.stderr);
    assert!(r.stderr.contains("st\\u{202e}a\\u{200b}y"), "{}", r.stderr);
    assert!(r.stdout.is_empty());
}
