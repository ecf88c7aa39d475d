//! `sango store check`: the on-demand damage check.

mod common;

use common::sango_in;

#[test]
fn a_sound_store_checks_ok_and_a_damaged_one_exits_1() {
    let d = tempfile::tempdir().unwrap();
    let add = sango_in(d.path(), &["resident", "add", "--id", "R1", "--birth", "2026-01-01"]);
    assert_eq!(add.code, 0, "{}", add.stderr);
    let ok = sango_in(d.path(), &["store", "check", "--json"]);
    assert_eq!(ok.code, 0, "{}", ok.stderr);
    assert_eq!(ok.json()["ok"], true);

    let db = d.path().join("sango.sqlite3");
    {
        let c = rusqlite::Connection::open(&db).unwrap();
        c.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(())).unwrap();
    }
    let mut bytes = std::fs::read(&db).unwrap();
    let page = 4096;
    for b in &mut bytes[2 * page + 8..3 * page] {
        *b = 0xA5;
    }
    std::fs::write(&db, &bytes).unwrap();
    let bad = sango_in(d.path(), &["store", "check"]);
    assert_eq!(bad.code, 1);
    assert!(bad.stderr.contains("破損") && bad.stderr.contains("sango.sqlite3"), "{}", bad.stderr);
}

/// Japan's date today, shifted by `days`, as the commands take it.
fn day(days: i64) -> String {
    let today = sango::domain::jst::from_utc(chrono::Utc::now()).date();
    (today + chrono::TimeDelta::days(days)).to_string()
}

fn book_stay(d: &std::path::Path, start: &str) -> common::Run {
    sango_in(
        d,
        &[
            "book",
            "--resident",
            "R1",
            "--facility",
            "tokyo-kita-medical-center",
            "--type",
            "stay",
            "--start",
            start,
            "--nights",
            "3",
            "--json",
        ],
    )
}

#[test]
fn damage_found_by_the_full_check_refuses_writes_until_repaired() {
    let d = tempfile::tempdir().unwrap();
    let add = sango_in(d.path(), &["resident", "add", "--id", "R1", "--birth", &day(-20)]);
    assert_eq!(add.code, 0, "{}", add.stderr);
    book_stay(d.path(), &day(3)).ok();
    common::hide_r1_stay_from_the_index(&d.path().join("sango.sqlite3"));

    let check = sango_in(d.path(), &["store", "check", "--json"]);
    assert_eq!(check.code, 1, "{}", check.stderr);
    assert_eq!(check.json()["ok"], false);
    assert!(check.stderr.contains("store repair"), "{}", check.stderr);
    let kept: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(d.path().join("sango.sqlite3.check.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(kept["ok"], false);
    assert!(kept["detail"].as_str().unwrap().contains("bookings_by_resident"), "{kept}");

    // The damage would let her book a second 3泊4日: every write is refused instead, and the
    // message says what to do. Reads still work.
    let refused = book_stay(d.path(), &day(13));
    assert!(refused.refused().contains("sango store repair"), "{}", refused.stderr);
    let again = sango_in(d.path(), &["resident", "add", "--id", "R2", "--birth", &day(-20)]);
    assert!(again.refused().contains("破損"), "{}", again.stderr);
    assert_eq!(sango_in(d.path(), &["bookings", "--json"]).ok().as_array().unwrap().len(), 1);

    let repair = sango_in(d.path(), &["store", "repair", "--json"]);
    assert_eq!(repair.code, 0, "{}", repair.stderr);
    let r = repair.json();
    assert_eq!(r["after"]["ok"], true);
    assert!(r["before"].as_str().unwrap().contains("bookings_by_resident"), "{r}");
    // With the index rebuilt, the limit holds again; the repair is in the audit trail.
    let over = book_stay(d.path(), &day(13));
    assert!(over.refused().contains("利用上限"), "{}", over.stderr);
    let export = sango_in(d.path(), &["export", "--format", "json"]);
    let events = serde_json::from_str::<serde_json::Value>(&export.stdout).unwrap()["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["kind"] == "store_repaired")
        .count();
    assert_eq!(events, 1);
}
