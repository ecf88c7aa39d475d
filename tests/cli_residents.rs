//! Residents on the command line. User numbers (利用者番号) are normalised on the way in (case,
//! full-width letters and digits, the dashes a Japanese input method types) on every command
//! and in import; editing a record says what it does to her bookings before it does it.

mod store_support;

use store_support::*;

on_both_engines! {
    fn every_way_of_typing_a_number_reaches_the_same_resident_and_cannot_register_twice() {
        let d = dir();
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

    fn import_normalises_the_numbers_of_an_older_terminal_in_records_and_events_alike() {
        let a = dir();
        add_resident(a.path(), "K-7", "2026-01-01", &[]);
        book(a.path(), "K-7", DAY, "day", "2026-01-20", &[]).ok();
        let text = sango(a.path(), &["export", "--format", "json"]).stdout;
        // As an older terminal wrote it, before numbers were normalised.
        let old = text.replace("\"K-7\"", "\"k-7\"");
        assert!(old.contains("\"k-7\""));
        let b = dir();
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
            dir().path(),
            &["import", f.to_str().unwrap(), "--at", "2026-01-07T10:00"],
        );
        assert!(e.refused().contains("appears twice"), "{}", e.stderr);
    }

    fn editing_a_resident_says_what_it_does_to_her_bookings_and_needs_a_decision_for_each_outside() {
        let d = dir();
        add_resident(d.path(), "R1", "2026-11-01", &[]);
        let at = ["--at", "2026-11-02T09:00"];
        let stay = book(
            d.path(),
            "R1",
            "ayase-sango-care",
            "stay",
            "2026-12-20",
            &["--nights", "1", at[0], at[1]],
        )
        .ok();
        let day = book(d.path(), "R1", DAY, "day", "2026-11-25", &[at[0], at[1]]).ok();
        let edit = |extra: &[&str]| {
            let mut a = vec![
                "resident",
                "edit",
                "r1",
                "--birth",
                "2026-10-01",
                "--babies",
                "2",
                "--at",
                "2026-11-20T10:00",
                "--json",
            ];
            a.extend_from_slice(extra);
            sango(d.path(), &a)
        };
        let dry = edit(&["--dry-run"]).ok();
        let affected = dry["affected"].as_array().unwrap();
        assert_eq!(affected.len(), 2, "{dry}");
        let stay_view = affected.iter().find(|a| a["id"] == stay["id"]).unwrap();
        assert_eq!(stay_view["new_fee_yen"], 8800);
        assert_eq!(stay_view["outside"], "after_window");
        let day_view = affected.iter().find(|a| a["id"] == day["id"]).unwrap();
        assert_eq!(day_view["new_fee_yen"], 2500 + 840);
        assert!(day_view["outside"].is_null());
        // Nothing changed by the dry run, and a change without a decision is refused.
        assert_eq!(sango(d.path(), &["resident", "show", "R1", "--json"]).ok()["babies"], 1);
        let refused = edit(&[]);
        assert!(refused.refused().contains(stay["code"].as_str().unwrap()), "{}", refused.stderr);
        let done = edit(&["--keep", stay["code"].as_str().unwrap()]).ok();
        assert_eq!(done["resident"]["babies"], 2);
        assert_eq!(done["kept"][0][1], "after_window");
        assert_eq!(done["fee_changes"].as_array().unwrap().len(), 2);
        let list = sango(d.path(), &["bookings", "--resident", "R1", "--json"]).ok();
        let fees: Vec<u64> =
            list.as_array().unwrap().iter().map(|b| b["fee_yen"].as_u64().unwrap()).collect();
        assert_eq!(fees, [3340, 8800]);
        assert_eq!(open_practice(d.path()).verify_events().unwrap(), Ok(()));
    }

    fn residents_are_listed_by_the_bytes_of_their_numbers_as_on_every_engine() {
        let d = dir();
        for id in ["RA", "R_1", "R-1", "R1", "R10", "R-10"] {
            add_resident(d.path(), id, "2026-01-01", &[]);
        }
        let list = sango(d.path(), &["resident", "list", "--json"]).ok();
        let ids: Vec<&str> =
            list.as_array().unwrap().iter().map(|r| r["id"].as_str().unwrap()).collect();
        assert_eq!(ids, ["R-1", "R-10", "R1", "R10", "RA", "R_1"]);
        let export = sango(d.path(), &["export", "--format", "json"]).ok();
        let exported: Vec<&str> = export["residents"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["id"].as_str().unwrap())
            .collect();
        assert_eq!(exported, ids);
    }
}
