//! `sango report --month YYYY-MM [--json|--csv]` on the real binary, over bookings made with
//! `sango book` and `sango cancel`.

mod store_support;

use std::path::Path;

use store_support::*;

fn ok(r: Run) -> Run {
    assert_eq!(r.code, 0, "{}", r.stderr);
    r
}

/// Books and returns the booking id.
fn book(dir: &Path, args: &[&str]) -> String {
    let mut all = vec!["book", "--json"];
    all.extend_from_slice(args);
    let r = ok(sango(dir, &all));
    r.json()["id"].as_str().unwrap().to_string()
}

/// A store with a March-to-April stay, April day care and visits, a late and an early cancel.
fn store() -> TestDir {
    let tmp = dir();
    let d = tmp.path();
    for (id, birth) in [("K0001", "2026-03-01"), ("K0002", "2026-03-20")] {
        ok(sango(
            d,
            &["resident", "add", "--id", id, "--birth", birth, "--at", "2026-03-10T09:00"],
        ));
    }
    let at = ["--at", "2026-03-20T10:00"];
    let with = |args: &[&'static str]| [args, &at[..]].concat();
    // 2 nights = 3 days from 3/31: reported whole in March.
    book(
        d,
        &with(&[
            "--resident",
            "K0001",
            "--facility",
            "ayase-sango-care",
            "--type",
            "stay",
            "--start",
            "2026-03-31",
            "--nights",
            "2",
        ]),
    );
    book(
        d,
        &with(&[
            "--resident",
            "K0001",
            "--facility",
            "ayase-sango-care",
            "--type",
            "day",
            "--start",
            "2026-04-10",
        ]),
    );
    book(
        d,
        &with(&[
            "--resident",
            "K0002",
            "--facility",
            "sakura-josanin",
            "--type",
            "visit",
            "--start",
            "2026-04-15",
        ]),
    );
    book(
        d,
        &with(&[
            "--resident",
            "K0002",
            "--facility",
            "sakura-josanin",
            "--type",
            "visit",
            "--start",
            "2026-04-28",
        ]),
    );
    let late = book(
        d,
        &with(&[
            "--resident",
            "K0002",
            "--facility",
            "mukkumuku",
            "--type",
            "day",
            "--start",
            "2026-04-20",
        ]),
    );
    let early = book(
        d,
        &with(&[
            "--resident",
            "K0002",
            "--facility",
            "mukkumuku",
            "--type",
            "visit",
            "--start",
            "2026-04-22",
        ]),
    );
    // The day before at 12:00 is late; three weeks before is in time.
    ok(sango(d, &["cancel", &late, "--at", "2026-04-19T12:00"]));
    ok(sango(d, &["cancel", &early, "--at", "2026-04-01T12:00"]));
    tmp
}

on_both_engines! {
    fn april_json_counts_per_facility_in_dataset_order() {
        let tmp = store();
        let v = ok(sango(tmp.path(), &["report", "--month", "2026-04", "--json"])).json();
        assert_eq!(v["month"], "2026-04");
        assert_eq!(v["first_day"], "2026-04-01");
        assert_eq!(v["last_day"], "2026-04-30");
        let rows = v["facilities"].as_array().unwrap();
        let ids: Vec<&str> = rows.iter().map(|r| r["facility_id"].as_str().unwrap()).collect();
        assert_eq!(ids, ["ayase-sango-care", "mukkumuku", "sakura-josanin"]);
        let ayase = &rows[0];
        assert_eq!(ayase["facility_name"], "綾瀬産後ケア");
        assert_eq!(ayase["uses"], 1);
        assert_eq!(ayase["stay_days"], 0, "the stay from 3/31 belongs to March");
        assert_eq!(ayase["day_care_days"], 1);
        assert_eq!(ayase["fees_yen"], 2500);
        let muku = &rows[1];
        assert_eq!(muku["uses"], 1, "the late cancellation; the one in time is left out");
        assert_eq!(muku["day_care_days"], 0);
        assert_eq!(muku["visits"], 0);
        assert_eq!(muku["fees_yen"], 0);
        assert_eq!(muku["late_cancellations"], 1);
        assert_eq!(muku["late_cancellation_units"], 1);
        let sakura = &rows[2];
        assert_eq!(sakura["visits"], 2);
        assert_eq!(sakura["fees_yen"], 2000);
        let t = &v["totals"];
        assert_eq!(t["uses"], 4);
        assert_eq!(t["fees_yen"], 4500);
        assert_eq!(t["late_cancellations"], 1);
    }

    fn a_stay_crossing_the_month_end_is_in_the_month_of_its_first_day() {
        let tmp = store();
        let v = ok(sango(tmp.path(), &["report", "--month", "2026-03", "--json"])).json();
        let rows = v["facilities"].as_array().unwrap();
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0]["stay_days"], 3);
        assert_eq!(rows[0]["fees_yen"], 9900);
        let may = ok(sango(tmp.path(), &["report", "--month", "2026-05", "--json"])).json();
        assert!(may["facilities"].as_array().unwrap().is_empty());
        assert_eq!(may["totals"]["uses"], 0);
    }

    fn csv_is_utf8_with_bom_crlf_header_and_totals() {
        let tmp = store();
        let out = command(tmp.path(), &["report", "--month", "2026-04", "--csv"]).output().unwrap();
        assert_eq!(out.status.code(), Some(0));
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.starts_with('\u{feff}'), "BOM");
        let lines: Vec<&str> = text.trim_start_matches('\u{feff}').split("\r\n").collect();
        assert_eq!(lines.len(), 6, "header, 3 facilities, totals, final empty: {text}");
        assert!(lines[0].starts_with("月 (month),施設ID (facility id)"));
        assert!(lines[0].ends_with(",区コード (ward code)"), "{}", lines[0]);
        assert_eq!(lines[1], "2026-04,ayase-sango-care,綾瀬産後ケア,1,0,1,0,2500,0,0,131172");
        assert_eq!(lines[2], "2026-04,mukkumuku,ムックムク,1,0,0,0,0,1,1,131172");
        assert_eq!(lines[3], "2026-04,sakura-josanin,さくら助産院,2,0,0,2,2000,0,0,131172");
        assert_eq!(lines[4], "2026-04,,合計 (total),4,0,1,2,4500,1,1,131172");
    }

    fn the_table_names_facilities_and_explains_the_counting() {
        let tmp = store();
        let r = ok(sango(tmp.path(), &["report", "--month", "2026-04"]));
        assert!(r.stdout.contains("綾瀬産後ケア"));
        assert!(r.stdout.contains("合計 Total"));
        assert!(r.stdout.contains("4,500円"));
        assert!(r.stdout.contains("month of the first day"));
        let empty = ok(sango(tmp.path(), &["report", "--month", "2025-01"]));
        assert!(empty.stdout.contains("No use this month"));
    }
}

#[test]
fn a_bad_month_or_two_formats_is_a_usage_error() {
    let tmp = tempfile::tempdir().unwrap();
    let r = sango(tmp.path(), &["report", "--month", "2026-4"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("YYYY-MM"), "{}", r.stderr);
    let r = sango(tmp.path(), &["report", "--month", "2026-04", "--json", "--csv"]);
    assert_eq!(r.code, 2);
    let r = sango(tmp.path(), &["report"]);
    assert_eq!(r.code, 2);
}
