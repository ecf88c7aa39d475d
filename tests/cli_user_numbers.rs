//! User numbers (利用者番号) are normalised on the way in: case, full-width letters and digits,
//! and the dashes a Japanese input method types are one number, on every command and in import.

mod store_support;

use store_support::*;

#[test]
fn every_way_of_typing_a_number_reaches_the_same_resident_and_cannot_register_twice() {
    let d = tempfile::tempdir().unwrap();
    let r = sango(
        d.path(),
        &[
            "resident",
            "add",
            "--id",
            "r-0001",
            "--birth",
            "2026-01-01",
            "--at",
            "2026-01-05T09:00",
            "--json",
        ],
    )
    .ok();
    assert_eq!(r["id"], "R-0001");
    for again in ["R-0001", "Ｒ－０００１", " r-0001 "] {
        let e = sango(
            d.path(),
            &[
                "resident",
                "add",
                "--id",
                again,
                "--birth",
                "2026-02-01",
                "--at",
                "2026-01-05T09:00",
            ],
        );
        assert!(e.refused().contains("already registered"), "{again}: {}", e.stderr);
    }
    assert_eq!(
        sango(d.path(), &["resident", "show", "ｒ－０００１", "--json"]).ok()["id"],
        "R-0001"
    );
    let b = book(d.path(), "Ｒ－０００１", DAY, "day", "2026-01-20", &[]).ok();
    assert_eq!(b["resident"], "R-0001");
    assert_eq!(quota(d.path(), "r-0001")["day"]["used"], 1);
    let list = sango(d.path(), &["bookings", "--resident", "r－0001", "--json"]).ok();
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert_eq!(sango(d.path(), &["resident", "list", "--json"]).ok().as_array().unwrap().len(), 1);
}

#[test]
fn import_normalises_the_numbers_of_an_older_terminal_in_records_and_events_alike() {
    let a = tempfile::tempdir().unwrap();
    add_resident(a.path(), "K-7", "2026-01-01", &[]);
    book(a.path(), "K-7", DAY, "day", "2026-01-20", &[]).ok();
    let text = sango(a.path(), &["export", "--format", "json"]).stdout;
    // As an older terminal wrote it, before numbers were normalised.
    let old = text.replace("\"K-7\"", "\"k-7\"");
    assert!(old.contains("\"k-7\""));
    let b = tempfile::tempdir().unwrap();
    let f = b.path().join("old.json");
    std::fs::write(&f, &old).unwrap();
    let rep =
        sango(b.path(), &["import", f.to_str().unwrap(), "--at", "2026-01-07T10:00", "--json"])
            .ok();
    assert_eq!(rep["residents_added"], serde_json::json!(["K-7"]));
    assert_eq!(quota(b.path(), "k-7")["day"]["used"], 1);
    // The events still describe the records.
    assert_eq!(open_practice(b.path()).verify_events().unwrap(), Ok(()));
    // The same mother twice in one file (two spellings) is not a valid file.
    let twice = old.replacen("\"residents\": [", "\"residents\": [\n    {\"id\": \"K-7\", \"birth\": \"2026-01-01\", \"due\": null, \"corrected\": false, \"babies\": 1, \"exempt\": false, \"created_at\": \"2026-01-05T09:00:00+09:00\", \"updated_at\": \"2026-01-05T09:00:00+09:00\"},", 1);
    std::fs::write(&f, &twice).unwrap();
    let e = sango(
        tempfile::tempdir().unwrap().path(),
        &["import", f.to_str().unwrap(), "--at", "2026-01-07T10:00"],
    );
    assert!(e.refused().contains("appears twice"), "{}", e.stderr);
}
