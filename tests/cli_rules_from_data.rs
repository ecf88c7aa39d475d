//! No ward constant in the code: each rule value of the embedded dataset, changed, changes the
//! answer that depends on it (and the embedded value gives the embedded answer).

mod store_support;

use std::path::Path;

use serde_json::{Value, json};
use store_support::*;

/// One rule value, the commands whose answer shows it, and that answer before and after.
struct Case {
    what: &'static str,
    change: fn(&mut Value),
    /// Commands run first (registering a resident, a booking), their answers not compared.
    setup: &'static [&'static [&'static str]],
    ask: &'static [&'static str],
    /// A JSON pointer into the answer (`""`: the booking made in setup's last command, by id).
    at: &'static str,
    kita: Value,
    changed: Value,
}

fn facility<'a>(v: &'a mut Value, id: &str) -> &'a mut Value {
    v["facilities"].as_array_mut().unwrap().iter_mut().find(|f| f["id"] == id).unwrap()
}

fn care<'a>(v: &'a mut Value, id: &str) -> &'a mut Value {
    let types = v["programme"]["care_types"].as_array_mut().unwrap();
    types.iter_mut().find(|t| t["id"] == id).unwrap()
}

const RESIDENT: &[&str] =
    &["resident", "add", "--id", "100001", "--birth", "2026-11-01", "--at", "2026-11-20T09:00"];
const TWINS: &[&str] = &[
    "resident",
    "add",
    "--id",
    "100001",
    "--birth",
    "2026-11-01",
    "--babies",
    "2",
    "--at",
    "2026-11-20T09:00",
];
/// Three days of day care from Thursday 2026-12-10, booked on 11-20.
const BOOK_DAY: &[&str] = &[
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
];
const BOOK_MONDAY: &[&str] = &[
    "book",
    "--resident",
    "100001",
    "--facility",
    "ayase-sango-care",
    "--type",
    "day",
    "--start",
    "2026-12-07",
    "--at",
    "2026-11-20T10:00",
];

fn cases() -> Vec<Case> {
    vec![
        Case {
            what: "care_types[day].limit",
            change: |v| care(v, "day")["limit"] = json!(8),
            setup: &[RESIDENT],
            ask: &["quota", "--resident", "100001"],
            at: "/day/limit",
            kita: json!(6),
            changed: json!(8),
        },
        Case {
            what: "care_types[stay].limit_multiples",
            change: |v| care(v, "stay")["limit_multiples"] = json!(6),
            setup: &[TWINS],
            ask: &["quota", "--resident", "100001"],
            at: "/stay/limit",
            kita: json!(4),
            changed: json!(6),
        },
        Case {
            what: "care_types[day].base_yen",
            change: |v| care(v, "day")["base_yen"] = json!(2600),
            setup: &[],
            ask: &["fee", "--type", "day", "--units", "2"],
            at: "/total_yen",
            kita: json!(5000),
            changed: json!(5200),
        },
        Case {
            what: "care_types[day].extra_baby_yen",
            change: |v| care(v, "day")["extra_baby_yen"] = json!(1000),
            setup: &[],
            ask: &["fee", "--type", "day", "--units", "2", "--babies", "2"],
            at: "/total_yen",
            kita: json!(5000 + 2 * 840),
            changed: json!(5000 + 2 * 1000),
        },
        Case {
            what: "cancellation.cutoff",
            change: |v| v["programme"]["cancellation"]["cutoff"] = json!("17:00"),
            setup: &[RESIDENT],
            ask: BOOK_DAY,
            at: "/cancel_by",
            kita: json!("2026-12-09T11:00:00+09:00"),
            changed: json!("2026-12-09T17:00:00+09:00"),
        },
        Case {
            what: "cancellation.days_before",
            change: |v| v["programme"]["cancellation"]["days_before"] = json!(3),
            setup: &[RESIDENT],
            ask: BOOK_DAY,
            at: "/cancel_by",
            kita: json!("2026-12-09T11:00:00+09:00"),
            changed: json!("2026-12-07T11:00:00+09:00"),
        },
        Case {
            what: "cancellation.count",
            change: |v| v["programme"]["cancellation"]["count"] = json!("business_days"),
            setup: &[RESIDENT],
            ask: BOOK_MONDAY,
            at: "/cancel_by",
            kita: json!("2026-12-06T11:00:00+09:00"),
            changed: json!("2026-12-04T11:00:00+09:00"),
        },
        Case {
            what: "cancellation.units_charged",
            change: |v| v["programme"]["cancellation"]["units_charged"] = json!(2),
            setup: &[RESIDENT, BOOK_DAY],
            ask: &["cancel", "", "--at", "2026-12-09T12:00"],
            at: "/units_charged",
            kita: json!(1),
            changed: json!(2),
        },
        Case {
            what: "cancellation.no_show_units",
            change: |v| v["programme"]["cancellation"]["no_show_units"] = json!(3),
            setup: &[RESIDENT, BOOK_DAY],
            ask: &["no-show", "", "--at", "2026-12-10T18:00"],
            at: "/units_charged",
            kita: json!(1),
            changed: json!(3),
        },
        Case {
            what: "application.opens_at_weeks",
            change: |v| v["programme"]["application"]["opens_at_weeks"] = json!(20),
            setup: &[],
            ask: &["application", "--due", "2027-06-01"],
            at: "/first_day_to_apply",
            kita: json!("2027-03-09"),
            changed: json!("2027-01-12"),
        },
        Case {
            what: "application.coupon_business_days",
            change: |v| v["programme"]["application"]["coupon_business_days"] = json!(5),
            setup: &[],
            ask: &["application", "--due", "2027-06-01", "--applied", "2027-03-09"],
            at: "/coupon_expected",
            kita: json!("2027-03-24"),
            changed: json!("2027-03-16"),
        },
        Case {
            what: "facilities[ayase-sango-care].periods.day",
            change: |v| {
                facility(v, "ayase-sango-care")["periods"]["day"]["period"] =
                    json!({"kind": "days_through", "n": 30});
            },
            setup: &[],
            ask: &["window", "ayase-sango-care", "--type", "day", "--birth", "2026-11-01"],
            at: "/last_day",
            kita: json!("2027-03-01"),
            changed: json!("2026-12-01"),
        },
        Case {
            what: "facilities[tokyo-kita-medical-center].reservations[0].hours",
            change: |v| {
                facility(v, "tokyo-kita-medical-center")["reservations"][0]["hours"]["ranges"][0]
                    ["end"] = json!("12:00");
            },
            setup: &[],
            ask: &["hours", "tokyo-kita-medical-center", "--at", "2026-12-01T11:30"],
            at: "/open",
            kita: json!(false),
            changed: json!(true),
        },
    ]
}

/// Runs a case's commands on a dataset file in a fresh practice store; the answer at `at`.
fn answer(dataset: &Path, case: &Case) -> Value {
    let dir = dir();
    let run = |args: &[&str]| {
        let mut all = vec!["--dataset", dataset.to_str().unwrap()];
        all.extend_from_slice(args);
        all.push("--json");
        sango(dir.path(), &all).ok()
    };
    let mut last = Value::Null;
    for args in case.setup {
        last = run(args);
    }
    let booking = last["id"].as_str().unwrap_or_default().to_string();
    let ask: Vec<&str> =
        case.ask.iter().map(|a| if a.is_empty() { booking.as_str() } else { a }).collect();
    run(&ask).pointer(case.at).cloned().unwrap_or_else(|| panic!("{}: no {}", case.what, case.at))
}

on_both_engines! {
    fn each_rule_value_of_the_dataset_changes_its_answer() {
        let embedded: Value = serde_json::from_str(sango::dataset::load::EMBEDDED).unwrap();
        let files = tempfile::tempdir().unwrap();
        let kita = files.path().join("kita.json");
        std::fs::write(&kita, embedded.to_string()).unwrap();
        for (i, case) in cases().iter().enumerate() {
            let mut v = embedded.clone();
            (case.change)(&mut v);
            let changed = files.path().join(format!("changed-{i}.json"));
            std::fs::write(&changed, v.to_string()).unwrap();
            assert_eq!(answer(&kita, case), case.kita, "{}: the embedded answer", case.what);
            assert_eq!(answer(&changed, case), case.changed, "{}: the changed answer", case.what);
        }
    }
}
