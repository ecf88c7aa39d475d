//! The hidden `sango synth` command writes a dataset and a store the other commands can use.

use std::path::Path;
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_sango");

fn sango(args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .env_remove("SANGO_DATASET")
        .env_remove("SANGO_DATA_DIR")
        .env("SANGO_CONFIG_DIR", "/nonexistent-sango-config")
        .output()
        .expect("the sango binary runs")
}

fn ok(out: &Output) -> serde_json::Value {
    assert!(
        out.status.success(),
        "exit {:?}\nstdout: {}\nstderr: {}",
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("one JSON value on stdout")
}

fn synth(out: &Path, seed: &str) -> serde_json::Value {
    let dir = out.to_str().unwrap();
    ok(&sango(&[
        "synth",
        "--seed",
        seed,
        "--facilities",
        "30",
        "--residents",
        "60",
        "--bookings",
        "150",
        "--out",
        dir,
        "--json",
    ]))
}

#[test]
fn synth_writes_a_dataset_and_a_store_the_commands_read() {
    let tmp = tempfile::tempdir().unwrap();
    let summary = synth(tmp.path(), "5");
    assert_eq!(summary["facilities"], 30);
    assert_eq!(summary["residents"], 60);
    assert_eq!(summary["bookings"], 150);
    let dataset = tmp.path().join("dataset.json");
    let data = tmp.path().join("data");
    let (dataset, data) = (dataset.to_str().unwrap(), data.to_str().unwrap());

    let checked = sango(&["dataset", "check", dataset]);
    assert!(checked.status.success(), "{}", String::from_utf8_lossy(&checked.stderr));

    let resident = summary["sample_residents"][0].as_str().unwrap().to_string();
    let q = ok(&sango(&[
        "--dataset",
        dataset,
        "--data-dir",
        data,
        "quota",
        "--resident",
        &resident,
        "--json",
    ]));
    assert_eq!(q["stay"]["limit"], 4);
    let used: u64 = ["stay", "day", "visit"].iter().map(|c| q[c]["used"].as_u64().unwrap()).sum();
    assert!(used <= 13, "{q}");

    let list = ok(&sango(&[
        "--dataset",
        dataset,
        "--data-dir",
        data,
        "bookings",
        "--resident",
        &resident,
        "--json",
    ]));
    assert!(!list.as_array().expect("a list of bookings").is_empty(), "{list}");
}

#[test]
fn synth_is_deterministic_and_refuses_an_existing_store() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    synth(a.path(), "9");
    synth(b.path(), "9");
    let read = |d: &Path| std::fs::read(d.join("dataset.json")).unwrap();
    assert_eq!(read(a.path()), read(b.path()));
    let export = |d: &Path| {
        let out = sango(&[
            "--dataset",
            d.join("dataset.json").to_str().unwrap(),
            "--data-dir",
            d.join("data").to_str().unwrap(),
            "export",
            "--format",
            "json",
        ]);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        out.stdout
    };
    assert_eq!(export(a.path()), export(b.path()));

    let again = sango(&[
        "synth",
        "--facilities",
        "3",
        "--residents",
        "3",
        "--bookings",
        "3",
        "--out",
        a.path().to_str().unwrap(),
    ]);
    assert_eq!(again.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&again.stderr).contains("already"));
}
