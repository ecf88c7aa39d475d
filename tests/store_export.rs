//! Moving bookings between terminals (JSON export → import), and the CSV and iCalendar exports.

mod store_support;

use std::path::Path;

use store_support::*;

/// Terminal A: two residents, a booked stay, a day care cancelled in time, a visit cancelled late.
fn terminal_a() -> (TestDir, Vec<String>) {
    let d = dir();
    add_resident(d.path(), "000123", "2026-01-01", &["--babies", "2"]);
    add_resident(d.path(), "R2", "2026-01-01", &["--exempt"]);
    let s = book(d.path(), "000123", STAY, "stay", "2026-01-10", &["--nights", "1"]).ok();
    let dc = book(d.path(), "R2", DAY, "day", "2026-01-12", &["--days", "2"]).ok();
    let v = book(d.path(), "R2", VISIT, "visit", "2026-01-14", &[]).ok();
    let id = |j: &serde_json::Value| j["id"].as_str().unwrap().to_string();
    sango(d.path(), &["cancel", &id(&dc), "--at", "2026-01-06T09:00", "--json"]).ok();
    sango(d.path(), &["cancel", &id(&v), "--at", "2026-01-13T12:00", "--json"]).ok();
    (d, vec![id(&s), id(&dc), id(&v)])
}

fn export(dir: &Path, format: &str) -> String {
    let r = sango(dir, &["export", "--format", format]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    r.stdout
}

fn import(dir: &Path, file: &Path) -> Run {
    sango(dir, &["import", file.to_str().unwrap(), "--at", "2026-01-07T10:00", "--json"])
}

on_both_engines! {
    fn export_import_into_an_empty_terminal_and_export_again_gives_the_same() {
        let (a, ids) = terminal_a();
        let file = a.path().join("a.json");
        let r = sango(a.path(), &["export", "--format", "json", "--out", file.to_str().unwrap()]);
        assert_eq!(r.code, 0, "{}", r.stderr);
        let text = std::fs::read_to_string(&file).unwrap();
        assert_eq!(text, export(a.path(), "json"));
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(v["bookings"].as_array().unwrap().len(), 3);
        assert_eq!(v["residents"].as_array().unwrap().len(), 2);
        assert_eq!(v["events"].as_array().unwrap().len(), 2 + 3 + 2);

        let b = dir();
        let rep = import(b.path(), &file).ok();
        assert_eq!(rep["bookings_added"].as_array().unwrap().len(), 3);
        assert_eq!(rep["residents_added"].as_array().unwrap().len(), 2);
        assert_eq!(rep["events_added"], 7);
        assert_eq!(export(b.path(), "json"), text);
        let list = |d: &Path| sango(d, &["bookings", "--at", "2026-01-07T10:00", "--json"]).ok();
        assert_eq!(list(a.path()), list(b.path()));
        for r in ["000123", "R2"] {
            assert_eq!(quota(a.path(), r), quota(b.path(), r));
        }
        assert_eq!(quota(b.path(), "R2")["visit"]["used"], 1);
        let listed: Vec<String> = list(b.path())
            .as_array()
            .unwrap()
            .iter()
            .map(|b| b["id"].as_str().unwrap().into())
            .collect();
        assert_eq!(listed, ids);

        // Importing twice changes nothing.
        let again = import(b.path(), &file).ok();
        assert_eq!(again["events_added"], 0);
        assert_eq!(again["unchanged"], 5);
        assert!(again["conflicts"].as_array().unwrap().is_empty());
        assert_eq!(export(b.path(), "json"), text);
        // And importing a terminal's own export into itself too.
        assert_eq!(import(a.path(), &file).ok()["events_added"], 0);
    }

    fn a_changed_record_with_the_same_id_is_a_conflict_and_is_not_overwritten() {
        let (a, ids) = terminal_a();
        let b = dir();
        let file = b.path().join("a.json");
        std::fs::write(&file, export(a.path(), "json")).unwrap();
        import(b.path(), &file).ok();
        let before = export(b.path(), "json");

        let mut v: serde_json::Value = serde_json::from_str(&before).unwrap();
        v["bookings"][0]["fee_yen"] = 1.into();
        v["residents"][1]["birth"] = "2025-12-31".into();
        std::fs::write(&file, serde_json::to_string(&v).unwrap()).unwrap();
        let r = import(b.path(), &file);
        let e = r.refused();
        assert!(e.contains("conflict") && e.contains("競合"), "{e}");
        let rep = r.json();
        let conflicts = rep["conflicts"].as_array().unwrap();
        let ids_in: Vec<&str> = conflicts.iter().map(|c| c["id"].as_str().unwrap()).collect();
        assert!(ids_in.contains(&ids[0].as_str()), "{rep}");
        assert!(ids_in.contains(&"R2"), "{rep}");
        assert_eq!(export(b.path(), "json"), before);
    }

    fn a_cancellation_made_on_another_terminal_is_carried_over() {
        let (a, ids) = terminal_a();
        let b = dir();
        let f1 = b.path().join("1.json");
        std::fs::write(&f1, export(a.path(), "json")).unwrap();
        import(b.path(), &f1).ok();

        // A cancels the stay late; B learns it from A's next export.
        let c = sango(a.path(), &["cancel", &ids[0], "--at", "2026-01-09T12:00", "--json"]).ok();
        assert_eq!(c["late"], true);
        let f2 = b.path().join("2.json");
        std::fs::write(&f2, export(a.path(), "json")).unwrap();
        let rep = import(b.path(), &f2).ok();
        assert_eq!(rep["bookings_updated"], serde_json::json!([ids[0]]));
        assert_eq!(quota(b.path(), "000123")["stay"]["used"], 1);
        assert_eq!(export(b.path(), "json"), export(a.path(), "json"));

        // B's newer state is kept when the older export comes in again.
        let rep = import(b.path(), &f1).ok();
        assert_eq!(rep["kept_local"], serde_json::json!([ids[0]]));
        assert_eq!(rep["events_added"], 0);
        assert_eq!(quota(b.path(), "000123")["stay"]["used"], 1);
    }

    fn a_booking_made_offline_that_would_overrun_a_limit_here_is_refused_by_its_rule() {
        let a = dir();
        add_resident(a.path(), "R1", "2026-01-01", &[]);
        let b = dir();
        let f = b.path().join("a.json");
        std::fs::write(&f, export(a.path(), "json")).unwrap();
        import(b.path(), &f).ok();
        book(a.path(), "R1", STAY, "stay", "2026-01-10", &["--nights", "2"]).ok();
        book(b.path(), "R1", STAY, "stay", "2026-01-20", &["--nights", "1"]).ok();
        std::fs::write(&f, export(a.path(), "json")).unwrap();
        let r = import(b.path(), &f);
        assert!(r.refused().contains("over_limit"), "{}", r.stderr);
        let conflicts = r.json()["conflicts"].as_array().unwrap().clone();
        assert_eq!(conflicts.len(), 1, "{conflicts:?}");
        assert_eq!(conflicts[0]["kind"], "booking");
        assert_eq!(conflicts[0]["rule"], "over_limit");
        assert!(conflicts[0]["detail"].as_str().unwrap().contains("利用上限"), "{conflicts:?}");
        // Nothing of the refused booking was written: B holds only its own, and its events.
        assert_eq!(quota(b.path(), "R1")["stay"]["used"], 2);
        let exported: serde_json::Value = serde_json::from_str(&export(b.path(), "json")).unwrap();
        assert_eq!(exported["bookings"].as_array().unwrap().len(), 1);
        let booked = exported["events"].as_array().unwrap().iter().filter(|e| e["kind"] == "booked");
        assert_eq!(booked.count(), 1);
    }

    fn files_that_are_not_exports_change_nothing() {
        let (a, _) = terminal_a();
        let before = export(a.path(), "json");
        let f = a.path().join("x.json");
        for text in [
            "",
            "not json",
            "{}",
            "[]",
            r#"{"format":"other","version":1,"residents":[],"bookings":[],"events":[]}"#,
            r#"{"format":"sango-export","version":99,"residents":[],"bookings":[],"events":[]}"#,
        ] {
            std::fs::write(&f, text).unwrap();
            let e = import(a.path(), &f);
            assert!(e.refused().contains("取込ファイル"), "{text}: {}", e.stderr);
        }
        let e = import(a.path(), &a.path().join("missing.json"));
        assert!(e.refused().contains("missing.json"), "{}", e.stderr);
        // A booking whose resident is nowhere is a conflict.
        let mut v: serde_json::Value = serde_json::from_str(&before).unwrap();
        v["residents"] = serde_json::json!([]);
        v["events"] = serde_json::Value::Array(
            v["events"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|e| e["kind"] != "resident_added")
                .cloned()
                .collect(),
        );
        std::fs::write(&f, serde_json::to_string(&v).unwrap()).unwrap();
        let empty = dir();
        let r = import(empty.path(), &f);
        assert!(r.refused().contains("conflict"), "{}", r.stderr);
        assert_eq!(r.json()["conflicts"].as_array().unwrap().len(), 3);
        assert_eq!(sango(empty.path(), &["bookings", "--json"]).ok(), serde_json::json!([]));
        assert_eq!(export(a.path(), "json"), before);
    }

    fn csv_has_a_bom_a_header_and_one_row_per_booking_for_excel() {
        let (a, ids) = terminal_a();
        let r = command(a.path(), &["export", "--format", "csv", "--at", "2026-01-13T00:00"])
            .output()
            .unwrap();
        assert!(r.status.success());
        let bytes = r.stdout;
        assert_eq!(&bytes[..3], b"\xEF\xBB\xBF");
        let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
        assert!(text.ends_with("\r\n"));
        let lines: Vec<&str> = text.split("\r\n").filter(|l| !l.is_empty()).collect();
        assert_eq!(lines.len(), 4);
        assert!(
            lines[0].starts_with("予約ID (booking id),予約番号 (booking code),利用者番号 (resident)"),
            "{}",
            lines[0]
        );
        let code =
            sango(a.path(), &["bookings", "--json"]).ok()[0]["code"].as_str().unwrap().to_string();
        let start = format!("{},{code},\"=\"\"000123\"\"\"", ids[0]);
        assert!(lines[1].starts_with(&start), "{}", lines[1]);
        assert!(lines[1].contains("東京北医療センター") && lines[1].contains(",8800,"), "{}", lines[1]);
        assert!(lines[1].contains("利用済み"), "{}", lines[1]);
        assert!(lines[2].contains("取消"), "{}", lines[2]);
        assert!(lines[3].contains("取消（期限後）"), "{}", lines[3]);
        let fields = lines[0].split(',').count();
        assert!(lines.iter().all(|l| l.split(',').count() == fields));
    }

    fn ics_has_one_all_day_event_per_booking_with_stable_uids() {
        let (a, ids) = terminal_a();
        let out = a.path().join("cal.ics");
        let r = sango(a.path(), &["export", "--format", "ics", "--out", out.to_str().unwrap()]);
        assert_eq!(r.code, 0, "{}", r.stderr);
        let text = std::fs::read_to_string(&out).unwrap();
        assert_eq!(text, export(a.path(), "ics"), "the same every time");
        assert!(text.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
        assert!(text.ends_with("END:VCALENDAR\r\n"));
        assert_eq!(text.matches("BEGIN:VEVENT").count(), 3);
        for id in &ids {
            assert!(text.contains(&format!("UID:{id}@")), "{id}");
        }
        // 1泊2日 from 1/10: the 10th and the 11th, as whole days (DTEND is exclusive).
        assert!(text.contains("DTSTART;VALUE=DATE:20260110\r\n"), "{text}");
        assert!(text.contains("DTEND;VALUE=DATE:20260112\r\n"));
        assert!(!text.contains("DTSTART;TZID"), "no midnight-to-midnight times");
        assert_eq!(text.matches("STATUS:CANCELLED").count(), 2);
        assert!(text.split("\r\n").all(|l| l.len() <= 75));
        assert!(!text.replace("\r\n", "").contains('\n'));
        let e = sango(a.path(), &["export", "--format", "pdf"]);
        assert_eq!(e.code, 2, "{}", e.stderr);
    }

    fn imported_bookings_are_checked_by_the_rules_at_the_moment_they_were_made() {
        let a = dir();
        add_resident(a.path(), "R1", "2026-01-01", &[]);
        let b = dir();
        let f = b.path().join("a.json");
        std::fs::write(&f, export(a.path(), "json")).unwrap();
        import(b.path(), &f).ok();
        // Both terminals give her care on 1/20 while apart: one booking a day holds after the merge.
        book(a.path(), "R1", DAY, "day", "2026-01-20", &[]).ok();
        let own = book(b.path(), "R1", VISIT, "visit", "2026-01-20", &[]).ok();
        let stay = book(a.path(), "R1", STAY, "stay", "2026-02-02", &["--nights", "1"]).ok();
        std::fs::write(&f, export(a.path(), "json")).unwrap();

        // A forged fee on the stay, in the booking and in its own event alike.
        let mut file: serde_json::Value = serde_json::from_str(&export(a.path(), "json")).unwrap();
        let stay_id = stay["id"].clone();
        for b in file["bookings"].as_array_mut().unwrap() {
            if b["id"] == stay_id {
                b["fee_yen"] = 100.into();
            }
        }
        for e in file["events"].as_array_mut().unwrap() {
            if e["subject"] == stay_id {
                e["data"]["fee_yen"] = 100.into();
            }
        }
        std::fs::write(&f, file.to_string()).unwrap();
        let r = import(b.path(), &f);
        r.refused();
        let rules: Vec<(String, String)> = r.json()["conflicts"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| (c["id"].as_str().unwrap().to_string(), c["rule"].as_str().unwrap().to_string()))
            .collect();
        assert_eq!(rules.len(), 2, "{rules:?}");
        assert!(rules.contains(&(stay_id.as_str().unwrap().to_string(), "fee_differs".into())));
        assert!(rules.iter().any(|(_, rule)| rule == "overlaps"), "{rules:?}");
        // B keeps only its own booking.
        let held = sango(b.path(), &["bookings", "--json"]).ok();
        let held: Vec<&str> =
            held.as_array().unwrap().iter().map(|b| b["id"].as_str().unwrap()).collect();
        assert_eq!(held, [own["id"].as_str().unwrap()]);
    }
}
