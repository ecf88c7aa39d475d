//! The audit trail tells the truth about time: on a live store, a write's `--at` lies between 7
//! days ago and 5 minutes ahead, one entered more than 10 minutes after its moment is marked
//! 後日記録, every event records when the machine wrote it, and a cancellation cannot predate
//! its booking. The practice store (`--practice`, `SANGO_PRACTICE=1`) takes any moment, lives in
//! its own file, and never mixes with live data.

mod store_support;

use std::path::Path;

use chrono::{NaiveDateTime, TimeDelta};
use store_support::*;

fn now() -> NaiveDateTime {
    sango::domain::jst::from_utc(chrono::Utc::now())
}

/// A moment `minutes` from now, as `--at` takes it (Japan time).
fn minutes(minutes: i64) -> String {
    (now() + TimeDelta::minutes(minutes)).format("%Y-%m-%dT%H:%M:%S").to_string()
}

fn day(days: i64) -> String {
    (now().date() + TimeDelta::days(days)).to_string()
}

fn add(d: &Path, id: &str, at: &str) -> Run {
    live(d, &["resident", "add", "--id", id, "--birth", &day(-20), "--at", at, "--json"])
}

fn book_day_care(d: &Path, id: &str, start: &str, at: &str) -> Run {
    live(
        d,
        &[
            "book",
            "--resident",
            id,
            "--facility",
            "mizuki-josanin",
            "--type",
            "day",
            "--start",
            start,
            "--at",
            at,
            "--json",
        ],
    )
}

fn export_json(d: &Path, practice: bool) -> serde_json::Value {
    let args = ["export", "--format", "json"];
    let r = if practice { sango(d, &args) } else { live(d, &args) };
    assert_eq!(r.code, 0, "{}", r.stderr);
    serde_json::from_str(&r.stdout).unwrap()
}

on_both_engines! {
    fn a_live_write_lies_between_a_week_ago_and_five_minutes_ahead() {
        let d = dir();
        for at in [minutes(-7 * 24 * 60 - 10), minutes(10), "2026-01-05T09:00".to_string()] {
            let e = add(d.path(), "R1", &at);
            let msg = e.refused();
            assert!(msg.contains("7 days") && msg.contains("--practice"), "{msg}");
        }
        assert!(export_json(d.path(), false)["residents"].as_array().unwrap().is_empty());
        add(d.path(), "R1", &minutes(-6 * 24 * 60)).ok();
        add(d.path(), "R2", &minutes(4)).ok();
        let residents = export_json(d.path(), false)["residents"].as_array().unwrap().len();
        assert_eq!(residents, 2);
    }

    fn a_write_entered_late_is_marked_and_every_event_records_when_it_was_written() {
        let d = dir();
        add(d.path(), "R1", &minutes(0)).ok();
        // Phoned in yesterday, entered now: accepted and marked.
        let late = book_day_care(d.path(), "R1", &day(2), &minutes(-24 * 60)).ok();
        let on_time = book_day_care(d.path(), "R1", &day(4), &minutes(-5)).ok();
        let list = live(d.path(), &["bookings", "--json"]).ok();
        let list = list.as_array().unwrap();
        let by_id = |id: &serde_json::Value| list.iter().find(|b| &b["id"] == id).unwrap().clone();
        assert_eq!(by_id(&late["id"])["entered_late"], true);
        assert_eq!(by_id(&on_time["id"])["entered_late"], false);
        let table = live(d.path(), &["bookings"]);
        assert_eq!(table.code, 0, "{}", table.stderr);
        assert_eq!(table.stdout.matches("後日記録").count(), 1, "{}", table.stdout);

        // The cancellation of the on-time booking, phoned in two hours ago.
        let id = on_time["id"].as_str().unwrap();
        let c = live(d.path(), &["cancel", id, "--at", &minutes(-120), "--json"]);
        // Dated before the booking was made (5 minutes ago): refused.
        assert!(c.refused().contains("取消日時が予約日時より前"), "{}", c.stderr);
        live(d.path(), &["cancel", id, "--at", &minutes(-2), "--json"]).ok();

        let e = export_json(d.path(), false);
        for ev in e["events"].as_array().unwrap() {
            let at = sango::domain::jst::parse_moment(ev["at"].as_str().unwrap()).unwrap();
            let recorded =
                sango::domain::jst::parse_moment(ev["recorded_at"].as_str().unwrap()).unwrap();
            assert!((now() - recorded).num_minutes().abs() < 5, "{ev}");
            assert!(recorded >= at - TimeDelta::minutes(1), "{ev}");
        }
        let csv = live(d.path(), &["export", "--format", "csv"]);
        let (header, rows) = csv.stdout.split_once("\r\n").unwrap();
        assert!(header.ends_with(
            "予約の後日記録 (booking entered late),取消の後日記録 (cancellation entered late),\
             区コード (ward code)"
        ));
        assert!(rows.lines().all(|r| r.ends_with(",131172")), "{rows}");
        assert_eq!(rows.matches(",後日記録,").count(), 1, "{}", csv.stdout);
    }

    fn the_practice_store_takes_any_moment_and_never_mixes_with_live_data() {
        let d = dir();
        let at = "2026-01-05T09:00";
        let add_practice = |id: &str| {
            sango(d.path(), &["resident", "add", "--id", id, "--birth", "2026-01-01", "--at", at])
        };
        assert_eq!(add_practice("P1").code, 0);
        // The flag does the same as the environment variable.
        let flag = live(
            d.path(),
            &["--practice", "resident", "add", "--id", "P2", "--birth", "2026-01-01", "--at", at],
        );
        assert_eq!(flag.code, 0, "{}", flag.stderr);
        if engine() == Engine::Sqlite {
            assert!(d.path().join("sango-practice.sqlite3").is_file());
        }
        add(d.path(), "L1", &minutes(0)).ok();
        let live = export_json(d.path(), false);
        let practice = export_json(d.path(), true);
        let ids = |v: &serde_json::Value| {
            v["residents"].as_array().unwrap().iter().map(|r| r["id"].clone()).collect::<Vec<_>>()
        };
        assert_eq!(ids(&live), ["L1"]);
        assert_eq!(ids(&practice), ["P1", "P2"]);
        assert_eq!(practice["practice"], true);
        assert!(live.get("practice").is_none());

        // Exports say they are practice data; imports refuse the other kind, both ways.
        let csv = sango(d.path(), &["export", "--format", "csv"]);
        let rows: Vec<&str> = csv.stdout.trim_end().split("\r\n").collect();
        assert!(rows[0].ends_with("練習 (practice)"), "{}", rows[0]);
        let ics = sango(d.path(), &["export", "--format", "ics"]);
        assert!(ics.stdout.contains("X-WR-CALNAME:【練習】"), "{}", ics.stdout);
        let file = d.path().join("practice.json");
        std::fs::write(&file, practice.to_string()).unwrap();
        let into_live = store_support::live(d.path(), &["import", file.to_str().unwrap()]);
        assert!(into_live.refused().contains("never mix"), "{}", into_live.stderr);
        let file = d.path().join("live.json");
        std::fs::write(&file, live.to_string()).unwrap();
        let into_practice = sango(d.path(), &["import", file.to_str().unwrap(), "--at", at]);
        assert!(into_practice.refused().contains("never mix"), "{}", into_practice.stderr);
        assert_eq!(ids(&export_json(d.path(), false)), ["L1"]);
    }
}

/// Only SQLite keeps each store in a file a person could swap.
#[test]
fn a_practice_file_put_in_the_live_files_place_is_refused() {
    set_engine(Engine::Sqlite);
    let d = dir();
    let at = "2026-01-05T09:00";
    sango(
        d.path(),
        &["resident", "add", "--id", "P1", "--birth", "2026-01-01", "--at", at, "--json"],
    )
    .ok();
    add(d.path(), "L1", &minutes(0)).ok();
    // A practice file put in the live file's place is refused, not used as live data.
    std::fs::remove_file(d.path().join("sango.sqlite3")).unwrap();
    for side in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(d.path().join(format!("sango.sqlite3{side}")));
    }
    std::fs::copy(d.path().join("sango-practice.sqlite3"), d.path().join("sango.sqlite3")).unwrap();
    let swapped = live(d.path(), &["resident", "list", "--json"]);
    assert!(swapped.refused().contains("practice store"), "{}", swapped.stderr);
}

#[test]
fn the_app_starts_at_another_moment_only_on_the_practice_store() {
    let d = dir();
    let r = live(d.path(), &["--at", "2026-04-01T10:00"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("--practice"), "{}", r.stderr);
}
