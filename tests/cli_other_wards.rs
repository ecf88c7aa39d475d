//! The whole booking path — register, book, quota, cancel, no-show — on rule sets of other
//! shapes (tests/fixtures): each answer follows the dataset's rule, not Kita City's.

mod store_support;

use std::path::{Path, PathBuf};

use serde_json::Value;
use store_support::*;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

/// A practice store (any `--at` is accepted) run on one fixture.
struct Ward {
    dataset: PathBuf,
    dir: TestDir,
}

impl Ward {
    fn new(name: &str) -> Ward {
        Ward { dataset: fixture(name), dir: dir() }
    }

    fn run(&self, args: &[&str]) -> Run {
        let mut all = vec!["--dataset", self.dataset.to_str().unwrap()];
        all.extend_from_slice(args);
        sango(self.dir.path(), &all)
    }

    fn resident(&self, id: &str, babies: &str) {
        self.run(&[
            "resident",
            "add",
            "--id",
            id,
            "--birth",
            "2026-11-01",
            "--babies",
            babies,
            "--at",
            "2026-11-20T09:00",
            "--json",
        ])
        .ok();
    }

    fn book(&self, id: &str, facility: &str, care: &str, start: &str, extra: &[&str]) -> Run {
        let mut args = vec![
            "book",
            "--resident",
            id,
            "--facility",
            facility,
            "--type",
            care,
            "--start",
            start,
            "--at",
            "2026-11-20T10:00",
            "--json",
        ];
        args.extend_from_slice(extra);
        self.run(&args)
    }

    fn cancel(&self, booking: &str, at: &str) -> Value {
        self.run(&["cancel", booking, "--at", at, "--json"]).ok()
    }

    fn quota(&self, id: &str) -> Value {
        self.run(&["quota", "--resident", id, "--json"]).ok()
    }
}

fn id(v: &Value) -> String {
    v["id"].as_str().unwrap().to_string()
}

#[test]
fn every_fixture_passes_the_dataset_check() {
    for name in [
        "business-day-cutoff.json",
        "more-for-multiples.json",
        "no-home-visits.json",
        "later-cutoff-more-units.json",
    ] {
        let r = finish(
            plain_command(&["dataset", "check", fixture(name).to_str().unwrap()]).output().unwrap(),
        );
        assert_eq!(r.code, 0, "{name}: {}", r.stderr);
    }
}

on_both_engines! {
    fn a_business_day_cutoff_falls_on_the_business_day_before() {
        let w = Ward::new("business-day-cutoff.json");
        w.resident("100001", "1");
        // Monday 2026-12-07: the business day before is Friday 12-04 (Kita's rule: Sunday 12-06).
        let b = w.book("100001", "ayase-sango-care", "day", "2026-12-07", &[]).ok();
        assert_eq!(b["cancel_by"], "2026-12-04T11:00:00+09:00");
        let c = w.cancel(&id(&b), "2026-12-04T11:00");
        assert_eq!((c["late"].as_bool(), c["units_charged"].as_u64()), (Some(true), Some(1)));
        assert_eq!(w.quota("100001")["day"]["remaining"], 5);

        // Over the year end: Monday 2027-01-04 → Monday 2026-12-28 (12/29–1/3 are not business
        // days), so a cancellation on 12-28 at 10:59 is still on time.
        let b = w.book("100001", "ayase-sango-care", "day", "2027-01-04", &[]).ok();
        assert_eq!(b["cancel_by"], "2026-12-28T11:00:00+09:00");
        let c = w.cancel(&id(&b), "2026-12-28T10:59");
        assert_eq!((c["late"].as_bool(), c["units_charged"].as_u64()), (Some(false), Some(0)));
        assert_eq!(w.quota("100001")["day"]["remaining"], 5);
    }

    fn a_mother_of_twins_gets_the_limit_for_multiples() {
        let w = Ward::new("more-for-multiples.json");
        w.resident("100001", "1");
        w.resident("100002", "2");
        assert_eq!(w.quota("100001")["stay"]["limit"], 4);
        let twins = w.quota("100002");
        assert_eq!(
            (twins["stay"]["limit"].as_u64(), twins["day"]["limit"].as_u64()),
            (Some(7), Some(9))
        );
        assert_eq!(twins["visit"]["limit"], 5);
        // Five nights (six days) fit the twins' limit of 7 days and not the single baby's 4.
        let b = w.book("100002", "ayase-sango-care", "stay", "2026-12-01", &["--nights", "5"]).ok();
        assert_eq!((b["units"].as_u64(), b["remaining"].as_u64()), (Some(6), Some(1)));
        let e = w.book("100001", "ayase-sango-care", "stay", "2026-12-01", &["--nights", "5"]);
        assert!(e.refused().contains("limit"), "{}", e.stderr);
        assert_eq!(w.quota("100002")["stay"]["remaining"], 1);
    }

    fn a_ward_without_home_visits_offers_none_anywhere() {
        let w = Ward::new("no-home-visits.json");
        w.resident("100001", "1");
        let q = w.quota("100001");
        let types: Vec<&String> = q.as_object().unwrap().keys().collect();
        assert_eq!(types, ["day", "stay"]);
        let facilities = w.run(&["facilities", "--json"]).ok();
        assert!(
            facilities
                .as_array()
                .unwrap()
                .iter()
                .all(|f| { f["types"].as_array().unwrap().iter().all(|t| t != "visit") })
        );
        let e = w.run(&["facilities", "--type", "visit", "--json"]);
        assert!(e.code == 1 || e.ok() == serde_json::json!([]), "{}", e.stderr);
        let e = w.book("100001", "ayase-sango-care", "visit", "2026-12-07", &[]);
        assert!(e.refused().contains("visit"), "{}", e.stderr);
        let b = w.book("100001", "ayase-sango-care", "stay", "2026-12-07", &["--nights", "1"]).ok();
        assert_eq!(b["remaining"], 2);
    }

    fn a_later_cutoff_several_days_before_charges_its_own_units() {
        let w = Ward::new("later-cutoff-more-units.json");
        w.resident("100001", "1");
        let b = w.book("100001", "ayase-sango-care", "day", "2026-12-10", &["--days", "3"]).ok();
        assert_eq!(b["cancel_by"], "2026-12-07T17:00:00+09:00");
        let on_time = w.cancel(&id(&b), "2026-12-07T16:59");
        assert_eq!(on_time["late"], false);
        assert_eq!(w.quota("100001")["day"]["remaining"], 6);

        let b = w.book("100001", "ayase-sango-care", "day", "2026-12-10", &["--days", "3"]).ok();
        let late = w.cancel(&id(&b), "2026-12-07T17:00");
        assert_eq!((late["late"].as_bool(), late["units_charged"].as_u64()), (Some(true), Some(2)));
        let q = w.quota("100001");
        assert_eq!(
            (q["day"]["remaining"].as_u64(), q["day"]["late_cancel_charges"].as_u64()),
            (Some(4), Some(2))
        );

        // A no-show consumes the programme's 3 units — never more than the booking holds.
        let b = w.book("100001", "ayase-sango-care", "day", "2026-12-20", &["--days", "2"]).ok();
        let n = w.run(&["no-show", &id(&b), "--at", "2026-12-20T18:00", "--json"]).ok();
        assert_eq!((n["status"].as_str(), n["units_charged"].as_u64()), (Some("no_show"), Some(2)));
        let b = w.book("100001", "mukkumuku", "visit", "2026-12-21", &[]).ok();
        assert_eq!(b["cancel_by"], "2026-12-18T17:00:00+09:00");
        let v = w.run(&["no-show", &id(&b), "--at", "2026-12-21T18:00", "--json"]).ok();
        assert_eq!(v["units_charged"], 1);
        assert_eq!(w.quota("100001")["day"]["remaining"], 2);
    }

    fn the_human_answers_name_the_rule_of_the_dataset() {
        let w = Ward::new("later-cutoff-more-units.json");
        w.resident("100001", "1");
        let r = w.run(&[
            "book",
            "--resident",
            "100001",
            "--facility",
            "ayase-sango-care",
            "--type",
            "day",
            "--start",
            "2026-12-10",
            "--days",
            "3",
            "--at",
            "2026-11-20T10:00",
        ]);
        assert_eq!(r.code, 0, "{}", r.stderr);
        assert!(r.stdout.contains("2026-12-07 17:00"), "{}", r.stdout);
        assert!(r.stdout.contains("uses 2日"), "{}", r.stdout);
    }

    fn exports_and_reports_name_the_ward_code_and_another_wards_export_is_not_merged() {
        let w = Ward::new("business-day-cutoff.json");
        w.resident("100001", "1");
        w.book("100001", "ayase-sango-care", "day", "2026-12-07", &[]).ok();
        let file = w.dir.path().join("chiyoda.json");
        w.run(&["export", "--format", "json", "--out", file.to_str().unwrap()]);
        let exported: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
        assert_eq!(exported["ward_code"], "131016");
        let csv = w.run(&["export", "--format", "csv"]).stdout;
        assert!(csv.lines().nth(1).unwrap().contains(",131016,"), "{csv}");
        assert_eq!(w.run(&["report", "--month", "2026-12", "--json"]).ok()["ward_code"], "131016");

        // Kita City's terminal refuses it, naming both codes; a terminal of the same ward merges it.
        let kita = dir();
        let e = sango(kita.path(), &["import", file.to_str().unwrap()]);
        let msg = e.refused();
        assert!(msg.contains("131016") && msg.contains("131172"), "{msg}");
        let same = Ward::new("business-day-cutoff.json");
        let r = same.run(&["import", file.to_str().unwrap(), "--json"]);
        assert_eq!(r.code, 0, "{}", r.stderr);
        assert_eq!(same.quota("100001")["day"]["remaining"], 5);
    }
}
