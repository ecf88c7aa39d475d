//! The foundation commands, run as the real binary on the embedded dataset.

mod common;

use common::sango;

#[test]
fn facilities_lists_all_25_with_the_contract_fields() {
    let r = sango(&["facilities", "--json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v = r.json();
    let list = v.as_array().unwrap();
    assert_eq!(list.len(), 25);
    for f in list {
        assert!(f["id"].as_str().unwrap().is_ascii());
        assert!(!f["name"].as_str().unwrap().is_empty());
        assert!(
            f["types"]
                .as_array()
                .unwrap()
                .iter()
                .all(|t| ["stay", "day", "visit"].contains(&t.as_str().unwrap()))
        );
        assert!(
            f["channels"]
                .as_array()
                .unwrap()
                .iter()
                .all(|c| ["phone", "web", "line", "email"].contains(&c.as_str().unwrap()))
        );
    }
    let names: Vec<&str> = list.iter().map(|f| f["name"].as_str().unwrap()).collect();
    assert!(names.contains(&"東京北医療センター"));
    assert!(names.contains(&"荒木記念東京リバーサイド病院"));
    assert!(names.contains(&"さくら助産院"));
}

#[test]
fn facilities_filter_by_type() {
    let count =
        |t: &str| sango(&["facilities", "--type", t, "--json"]).json().as_array().unwrap().len();
    // 7 stay-section facilities plus 綾瀬産後ケア.
    assert_eq!(count("stay"), 8);
    // 9 day-section facilities plus ムックムク.
    assert_eq!(count("day"), 10);
    assert_eq!(count("visit"), 9);
    let ayase = sango(&["facilities", "--type", "stay", "--json"]).json();
    let a = ayase.as_array().unwrap().iter().find(|f| f["id"] == "ayase-sango-care").unwrap();
    assert_eq!(a["types"], serde_json::json!(["stay", "day"]));
}

#[test]
fn facilities_table_is_japanese_with_english_headings() {
    let r = sango(&["facilities"]);
    assert_eq!(r.code, 0);
    assert!(r.stdout.contains("施設名 Name"));
    assert!(r.stdout.contains("綾瀬産後ケア"));
}

#[test]
fn unknown_care_type_is_a_usage_error() {
    let r = sango(&["facilities", "--type", "night"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("night"), "{}", r.stderr);
}

#[test]
fn hours_open_at_1059_closed_at_1100() {
    let open =
        sango(&["hours", "tokyo-kita-medical-center", "--at", "2026-11-30T10:59", "--json"]).json();
    assert_eq!(open["open"], true);
    assert_eq!(open["closes_at"], "2026-11-30T11:00:00+09:00");
    assert_eq!(open["next_open"], serde_json::Value::Null);
    let closed =
        sango(&["hours", "tokyo-kita-medical-center", "--at", "2026-11-30T11:00", "--json"]).json();
    assert_eq!(closed["open"], false);
    assert_eq!(closed["next_open"], "2026-11-30T14:00:00+09:00");
    assert_eq!(closed["facility"], "tokyo-kita-medical-center");
}

#[test]
fn hours_skip_public_holidays_where_the_row_says_so() {
    // 2026-11-23 (Mon) is 勤労感謝の日: 東京北医療センター excludes holidays.
    let v =
        sango(&["hours", "tokyo-kita-medical-center", "--at", "2026-11-20T16:00", "--json"]).json();
    assert_eq!(v["open"], false);
    assert_eq!(v["next_open"], "2026-11-24T09:00:00+09:00");
}

#[test]
fn hours_at_in_another_offset_is_converted_to_japan_time() {
    // 01:59Z is 10:59 in Japan.
    let v =
        sango(&["hours", "tokyo-kita-medical-center", "--at", "2026-11-30T01:59:00Z", "--json"])
            .json();
    assert_eq!(v["open"], true);
    assert_eq!(v["at"], "2026-11-30T10:59:00+09:00");
}

#[test]
fn hours_sho_hospital_second_saturday_and_year_end() {
    let sat = sango(&["hours", "sho-hospital", "--at", "2026-12-12T10:00", "--json"]).json();
    assert_eq!(sat["open"], false, "2026-12-12 is the second Saturday");
    let ye = sango(&["hours", "sho-hospital", "--at", "2026-12-28T16:00", "--json"]).json();
    assert_eq!(ye["next_open"], "2027-01-04T09:00:00+09:00");
}

#[test]
fn hours_null_for_web_only_and_confirm_when_holidays_unstated() {
    let web = sango(&["hours", "heart-hot", "--at", "2026-11-30T10:00", "--json"]).json();
    assert_eq!(web["open"], serde_json::Value::Null);
    let eiju =
        sango(&["hours", "eiju-general-hospital", "--at", "2026-11-30T10:00", "--json"]).json();
    assert_eq!(eiju["confirm_holidays"], true);
    // 綾瀬: stay by phone, day care by WEB.
    let ayase_day = sango(&[
        "hours",
        "ayase-sango-care",
        "--type",
        "day",
        "--at",
        "2026-11-30T10:00",
        "--json",
    ])
    .json();
    assert_eq!(ayase_day["open"], serde_json::Value::Null);
    let ayase_stay = sango(&[
        "hours",
        "ayase-sango-care",
        "--type",
        "stay",
        "--at",
        "2026-11-29T16:29",
        "--json",
    ])
    .json();
    assert_eq!(ayase_stay["open"], true);
}

#[test]
fn hours_readable_output_says_open_or_closed_in_words() {
    let r = sango(&["hours", "tokyo-kita-medical-center", "--at", "2026-11-30T10:00"]);
    assert!(r.stdout.contains("受付中"), "{}", r.stdout);
    let r = sango(&["hours", "tokyo-kita-medical-center", "--at", "2026-11-30T12:00"]);
    assert!(r.stdout.contains("受付時間外"), "{}", r.stdout);
}

#[test]
fn unknown_facility_exits_1_naming_it() {
    let r = sango(&["hours", "no-such-place", "--json"]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("no-such-place") && r.stderr.contains("施設"), "{}", r.stderr);
    assert!(r.stdout.is_empty());
}

#[test]
fn bad_time_exits_2_naming_the_field() {
    let r = sango(&["hours", "sho-hospital", "--at", "2026-11-31T10:00"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("日時"), "{}", r.stderr);
}

#[test]
fn window_months_counted_as_japanese_law_counts_age() {
    // Born 10/31: 4か月0日 is 3/1, so 産後4か月0日まで ends 3/1 and 産後4か月未満 on 2/28.
    let through = sango(&[
        "window",
        "tokyo-kita-medical-center",
        "--type",
        "stay",
        "--birth",
        "2025-10-31",
        "--json",
    ])
    .json();
    assert_eq!(through["first_day"], "2025-10-31");
    assert_eq!(through["last_day"], "2026-03-01");
    let before = sango(&[
        "window",
        "eiju-general-hospital",
        "--type",
        "stay",
        "--birth",
        "2025-10-31",
        "--json",
    ])
    .json();
    assert_eq!(before["last_day"], "2026-02-28");
}

#[test]
fn window_days_and_one_year() {
    let days = |id: &str, t: &str| {
        sango(&["window", id, "--type", t, "--birth", "2026-01-01", "--json"]).json()["last_day"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert_eq!(days("sho-hospital", "stay"), "2026-02-15"); // 45日まで
    assert_eq!(days("tokyo-metropolitan-toshima-hospital", "stay"), "2026-03-01"); // 60日未満
    assert_eq!(days("ayase-sango-care", "stay"), "2026-03-02"); // 60日まで
    assert_eq!(days("ayase-sango-care", "day"), "2026-05-01"); // 120日まで
    assert_eq!(days("sakura-josanin", "visit"), "2027-01-01"); // 1年以内
}

#[test]
fn window_corrected_age_from_the_due_date() {
    let v = sango(&[
        "window",
        "sakura-josanin",
        "--type",
        "visit",
        "--birth",
        "2026-01-10",
        "--due",
        "2026-02-20",
        "--corrected",
        "--json",
    ])
    .json();
    assert_eq!(v["first_day"], "2026-02-20");
    assert_eq!(v["last_day"], "2027-02-20");
    assert_eq!(v["corrected"], true);
    let no_due = sango(&[
        "window",
        "sakura-josanin",
        "--type",
        "visit",
        "--birth",
        "2026-01-10",
        "--corrected",
    ]);
    assert_eq!(no_due.code, 1);
    assert!(no_due.stderr.contains("修正月齢"));
}

#[test]
fn window_for_a_type_the_facility_does_not_offer_is_refused() {
    let r = sango(&["window", "sakura-josanin", "--type", "stay", "--birth", "2026-01-10"]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("sakura-josanin"), "{}", r.stderr);
}

#[test]
fn fee_flyer_examples() {
    let one_night = sango(&["fee", "--type", "stay", "--units", "2", "--json"]).json();
    assert_eq!(one_night["total_yen"], 6600);
    let twins = sango(&["fee", "--type", "stay", "--units", "2", "--babies", "2", "--json"]).json();
    assert_eq!(twins["total_yen"], 8800);
    assert_eq!(twins["extra_total_yen"], 2200);
    let exempt = sango(&["fee", "--type", "visit", "--units", "3", "--exempt", "--json"]).json();
    assert_eq!(exempt["total_yen"], 0);
    assert_eq!(exempt["waived_yen"], 3000);
    let day = sango(&["fee", "--type", "day", "--units", "6", "--babies", "3", "--json"]).json();
    assert_eq!(day["total_yen"], 6 * (2500 + 2 * 840));
}

#[test]
fn fee_over_the_limit_is_refused() {
    let r = sango(&["fee", "--type", "stay", "--units", "5"]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("利用上限"), "{}", r.stderr);
    assert_eq!(sango(&["fee", "--type", "visit", "--units", "4"]).code, 1);
    assert_eq!(sango(&["fee", "--type", "day", "--units", "6"]).code, 0);
}

#[test]
fn fee_readable_output_shows_the_lines() {
    let r = sango(&["fee", "--type", "stay", "--units", "2", "--babies", "2"]);
    assert!(r.stdout.contains("8,800円"), "{}", r.stdout);
    assert!(r.stdout.contains("多胎加算"));
}

#[test]
fn holidays_2026_computed() {
    let v = sango(&["holidays", "2026", "--json"]).json();
    let list = v.as_array().unwrap();
    let has = |d: &str, n: &str| list.iter().any(|h| h["date"] == d && h["name"] == n);
    assert!(has("2026-01-01", "元日"));
    assert!(has("2026-05-06", "休日"), "振替休日 for 憲法記念日 on Sunday");
    assert!(has("2026-09-22", "休日"), "国民の休日 between 敬老の日 and 秋分の日");
    assert!(has("2026-11-23", "勤労感謝の日"));
    assert_eq!(list.len(), 18);
}

#[test]
fn holidays_out_of_range_year_is_refused() {
    let r = sango(&["holidays", "1900"]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("1980"), "{}", r.stderr);
}

#[test]
fn dataset_check_accepts_the_embedded_one() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kita.json");
    let shown = sango(&["dataset", "show"]);
    std::fs::write(&path, shown.stdout).unwrap();
    let r = sango(&["dataset", "check", path.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("25"));
}

#[test]
fn dataset_check_reports_bad_json_with_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.json");
    std::fs::write(&path, "{\n  \"version\": 1,\n  \"programme\": ,\n}").unwrap();
    let r = sango(&["dataset", "check", path.to_str().unwrap()]);
    assert_eq!(r.code, 1);
    assert!(r.stdout.contains("line 3"), "{}", r.stdout);
}

#[test]
fn any_command_with_a_broken_dataset_fails_clearly_without_panicking() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.json");
    std::fs::write(&path, "[1, 2").unwrap();
    let data = tempfile::tempdir().unwrap();
    let data = data.path().to_str().unwrap();
    for args in [
        vec!["facilities"],
        vec!["hours", "x"],
        vec!["fee", "--type", "stay", "--units", "1"],
        // These read only a summary of the dataset, checked all the same.
        vec!["--data-dir", data, "quota", "--resident", "R1"],
        vec!["--data-dir", data, "bookings"],
    ] {
        let mut full = vec!["--dataset", path.to_str().unwrap()];
        full.extend(args);
        let r = sango(&full);
        assert_eq!(r.code, 1, "{full:?}");
        assert!(
            r.stderr.contains("データセット") && r.stderr.contains("broken.json"),
            "{}",
            r.stderr
        );
        assert!(!r.stderr.contains("panicked"));
    }
    let missing = sango(&["--dataset", "/nonexistent/x.json", "facilities"]);
    assert_eq!(missing.code, 1);
    assert!(missing.stderr.contains("/nonexistent/x.json"));
}

/// Runs `cmd`, killing it after `secs` seconds: `None` when it had to be killed.
fn within(mut cmd: std::process::Command, secs: u64) -> Option<common::Run> {
    use std::process::Stdio;
    let mut child = cmd.stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(secs);
    while child.try_wait().unwrap().is_none() {
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            return None;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    Some(common::finish(child.wait_with_output().unwrap()))
}

#[cfg(unix)]
#[test]
fn an_endless_dataset_is_refused_at_the_cap_instead_of_read_forever() {
    let data = tempfile::tempdir().unwrap();
    let data = data.path().to_str().unwrap();
    for args in [
        vec!["--dataset", "/dev/zero", "facilities"],
        vec!["dataset", "check", "/dev/zero"],
        vec!["--dataset", "/dev/zero", "--data-dir", data, "bookings"],
    ] {
        let r = within(common::command(&args), 60).unwrap_or_else(|| panic!("{args:?} hung"));
        let e = r.refused();
        assert!(e.contains("/dev/zero") && e.contains("32 MiB"), "{e}");
    }
    // A pipe of endless spaces (valid JSON whitespace: only the cap stops it).
    let mut sh = std::process::Command::new("sh");
    sh.arg("-c")
        .arg(r#"yes ' ' | "$0" --dataset /dev/stdin facilities"#)
        .arg(env!("CARGO_BIN_EXE_sango"))
        .env_remove("SANGO_DATASET");
    let r = within(sh, 60).expect("sango read the pipe forever");
    assert!(r.refused().contains("32 MiB"), "{}", r.stderr);
}

#[test]
fn sango_dataset_env_var_is_used() {
    let r = common::command(&["facilities"])
        .env("SANGO_DATASET", "/nonexistent/env.json")
        .output()
        .unwrap();
    assert_eq!(r.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&r.stderr).contains("/nonexistent/env.json"));
}

#[test]
fn a_reader_that_stops_early_ends_the_output_quietly() {
    // The read end is closed before sango writes: the write fails with a broken pipe, which
    // must end the program quietly (exit 0) instead of panicking.
    let mut child = common::command(&["dataset", "show"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(out.status.code(), Some(0), "{stderr}");
}
