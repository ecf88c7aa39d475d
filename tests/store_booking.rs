//! Booking, cancelling and quotas through the real binary, each test in its own data folder.

mod store_support;

use store_support::*;

on_both_engines! {
    fn split_stays_one_night_plus_one_night_fit_then_two_nights_are_refused() {
        let d = dir();
        add_resident(d.path(), "R1", "2026-01-01", &[]);
        let a = book(d.path(), "R1", STAY, "stay", "2026-01-10", &["--nights", "1"]).ok();
        assert_eq!(a["units"], 2);
        assert_eq!(a["fee_yen"], 6600);
        assert_eq!(a["remaining"], 2);
        assert_eq!(a["cancel_by"], "2026-01-09T11:00:00+09:00");
        assert_eq!(a["id"].as_str().unwrap().len(), 26);
        book(d.path(), "R1", STAY, "stay", "2026-01-20", &["--nights", "1"]).ok();
        let q = quota(d.path(), "R1");
        assert_eq!(q["stay"]["used"], 4);
        assert_eq!(q["stay"]["remaining"], 0);

        let d = dir();
        add_resident(d.path(), "R2", "2026-01-01", &[]);
        book(d.path(), "R2", STAY, "stay", "2026-01-10", &["--nights", "1"]).ok();
        let r = book(d.path(), "R2", STAY, "stay", "2026-01-20", &["--nights", "2"]);
        let err = r.refused();
        assert!(err.contains("利用上限") && err.contains("stay"), "{err}");
        assert!(err.contains("2 of 4 left"), "{err}");
        assert_eq!(quota(d.path(), "R2")["stay"]["used"], 2);
        // 3泊4日 in one go is the whole limit.
        let d = dir();
        add_resident(d.path(), "R3", "2026-01-01", &[]);
        assert_eq!(
            book(d.path(), "R3", STAY, "stay", "2026-01-10", &["--nights", "3"]).ok()["units"],
            4
        );
        book(d.path(), "R3", STAY, "stay", "2026-02-10", &["--nights", "4"]).refused();
    }

    fn a_stay_needs_a_night_and_lengths_must_fit_the_type() {
        let d = dir();
        add_resident(d.path(), "R1", "2026-01-01", &[]);
        let e = book(d.path(), "R1", STAY, "stay", "2026-01-10", &["--nights", "0"]);
        assert!(e.refused().contains("1泊"), "{}", e.stderr);
        book(d.path(), "R1", STAY, "stay", "2026-01-10", &[]).refused();
        book(d.path(), "R1", DAY, "day", "2026-01-10", &["--days", "0"]).refused();
        book(d.path(), "R1", VISIT, "visit", "2026-01-10", &["--days", "2"]).refused();
        book(d.path(), "R1", STAY, "stay", "2026-01-10", &["--nights", "4294967295"]).refused();
        // Both at once is a usage error.
        let r = book(d.path(), "R1", STAY, "stay", "2026-01-10", &["--nights", "1", "--days", "1"]);
        assert_eq!(r.code, 2, "{}", r.stderr);
        assert_eq!(quota(d.path(), "R1")["stay"]["used"], 0);
    }

    fn day_care_limit_is_six_days() {
        let d = dir();
        add_resident(d.path(), "R1", "2026-01-01", &[]);
        let a = book(d.path(), "R1", DAY, "day", "2026-01-10", &["--days", "3"]).ok();
        assert_eq!(a["units"], 3);
        assert_eq!(a["last_day"], "2026-01-12");
        assert_eq!(a["fee_yen"], 7500);
        book(d.path(), "R1", DAY, "day", "2026-01-20", &[]).ok();
        book(d.path(), "R1", DAY, "day", "2026-01-21", &["--days", "2"]).ok();
        let e = book(d.path(), "R1", DAY, "day", "2026-01-25", &[]);
        assert!(e.refused().contains("0 of 6 left"), "{}", e.stderr);
        let q = quota(d.path(), "R1");
        assert_eq!(
            q["day"],
            serde_json::json!({"limit": 6, "used": 6, "remaining": 0, "late_cancel_charges": 0})
        );
    }

    fn visit_limit_is_three_visits() {
        let d = dir();
        add_resident(d.path(), "R1", "2026-01-01", &[]);
        for day in ["2026-01-10", "2026-01-17", "2026-01-24"] {
            let a = book(d.path(), "R1", VISIT, "visit", day, &[]).ok();
            assert_eq!(a["fee_yen"], 1000);
            assert_eq!(a["units"], 1);
        }
        let e = book(d.path(), "R1", VISIT, "visit", "2026-01-31", &[]);
        assert!(e.refused().contains("visit"), "{}", e.stderr);
        assert_eq!(quota(d.path(), "R1")["visit"]["remaining"], 0);
    }

    fn cancelling_before_eleven_the_day_before_is_free_and_at_eleven_is_late() {
        let d = dir();
        add_resident(d.path(), "R1", "2026-01-01", &[]);
        let a = book(d.path(), "R1", STAY, "stay", "2026-01-20", &["--nights", "1"]).ok();
        // Another stay on other days (one booking a day).
        let b = book(d.path(), "R1", STAY, "stay", "2026-01-22", &["--nights", "1"]).ok();
        let id_a = a["id"].as_str().unwrap();
        let id_b = b["id"].as_str().unwrap();

        let c = sango(d.path(), &["cancel", id_a, "--at", "2026-01-19T10:59", "--json"]).ok();
        assert_eq!(c["late"], false);
        assert_eq!(c["units_charged"], 0);
        assert_eq!(c["phones"], serde_json::json!(["03-5963-3311"]));
        let c = sango(d.path(), &["cancel", id_b, "--at", "2026-01-21T11:00", "--json"]).ok();
        assert_eq!(c["late"], true);
        assert_eq!(c["units_charged"], 1);
        assert_eq!(c["status"], "cancelled_late");

        let q = quota(d.path(), "R1");
        assert_eq!(q["stay"]["used"], 1);
        assert_eq!(q["stay"]["late_cancel_charges"], 1);
        assert_eq!(q["stay"]["remaining"], 3);
        // The late charge counts: 3 days are left, so 3泊4日 no longer fits.
        let e = book(
            d.path(),
            "R1",
            STAY,
            "stay",
            "2026-02-01",
            &["--nights", "3", "--at", "2026-01-19T12:00"],
        );
        assert!(e.refused().contains("3 of 4 left"), "{}", e.stderr);

        // Cancelling twice is refused and changes nothing.
        let e = sango(d.path(), &["cancel", id_a, "--at", "2026-01-19T12:00"]);
        assert!(e.refused().contains("already"), "{}", e.stderr);
        assert_eq!(quota(d.path(), "R1")["stay"]["used"], 1);
    }

    fn the_text_answer_of_cancel_names_the_phone_to_call() {
        let d = dir();
        add_resident(d.path(), "R1", "2026-01-01", &[]);
        let a = book(d.path(), "R1", VISIT, "visit", "2026-01-20", &[]).ok();
        let r = sango(d.path(), &["cancel", a["id"].as_str().unwrap(), "--at", "2026-01-10T09:00"]);
        assert_eq!(r.code, 0, "{}", r.stderr);
        assert!(r.stdout.contains("090-6276-2830"), "{}", r.stdout);
        assert!(r.stdout.contains("電話"), "{}", r.stdout);
    }

    fn cancelling_on_the_first_day_is_late_and_after_the_last_day_is_refused() {
        let d = dir();
        add_resident(d.path(), "R1", "2026-01-01", &[]);
        let a = book(d.path(), "R1", DAY, "day", "2026-01-20", &["--days", "2"]).ok();
        let c = sango(
            d.path(),
            &["cancel", a["id"].as_str().unwrap(), "--at", "2026-01-20T08:00", "--json"],
        )
        .ok();
        assert_eq!(c["late"], true);
        let b = book(d.path(), "R1", DAY, "day", "2026-01-22", &[]).ok();
        let e = sango(d.path(), &["cancel", b["id"].as_str().unwrap(), "--at", "2026-01-23T08:00"]);
        assert!(e.refused().contains("利用済み"), "{}", e.stderr);
        let list =
            sango(d.path(), &["bookings", "--resident", "R1", "--at", "2026-01-23T08:00", "--json"])
                .ok();
        let statuses: Vec<&str> =
            list.as_array().unwrap().iter().map(|b| b["status"].as_str().unwrap()).collect();
        assert_eq!(statuses, ["cancelled_late", "used"]);
    }

    fn windows_are_refused_the_day_after_their_last_day() {
        let d = dir();
        // 昭和病院 stay: 産後 45 日まで → last day 2026-02-15.
        add_resident(d.path(), "S1", "2026-01-01", &[]);
        book(d.path(), "S1", "sho-hospital", "stay", "2026-02-14", &["--nights", "1"]).ok();
        let e = book(d.path(), "S1", "sho-hospital", "stay", "2026-02-15", &["--nights", "1"]);
        let msg = e.refused();
        assert!(
            msg.contains("利用期間") && msg.contains("2026-02-15") && msg.contains("2026-02-16"),
            "{msg}"
        );
        // 都立豊島病院 stay: 産後 60 日未満 → last day 2026-03-01.
        add_resident(d.path(), "S2", "2026-01-01", &[]);
        book(
            d.path(),
            "S2",
            "tokyo-metropolitan-toshima-hospital",
            "stay",
            "2026-02-28",
            &["--nights", "1"],
        )
        .ok();
        book(
            d.path(),
            "S2",
            "tokyo-metropolitan-toshima-hospital",
            "stay",
            "2026-03-01",
            &["--nights", "1"],
        )
        .refused();
        // みずき助産院 day care: 産後 4 か月 0 日まで → last day 2026-05-01.
        add_resident(d.path(), "S3", "2026-01-01", &[]);
        book(d.path(), "S3", DAY, "day", "2026-05-01", &[]).ok();
        book(d.path(), "S3", DAY, "day", "2026-05-02", &[]).refused();
        book(d.path(), "S3", DAY, "day", "2026-04-30", &["--days", "3"]).refused();
        // 訪問: 産後 1 年以内 → last day 2027-01-01.
        add_resident(d.path(), "S4", "2026-01-01", &[]);
        book(d.path(), "S4", VISIT, "visit", "2027-01-01", &[]).ok();
        book(d.path(), "S4", VISIT, "visit", "2027-01-02", &[]).refused();
        // 修正月齢: counted from the due date.
        add_resident(d.path(), "S5", "2026-01-01", &["--due", "2026-02-01", "--corrected"]);
        book(d.path(), "S5", "sho-hospital", "stay", "2026-03-17", &["--nights", "1"]).ok();
        book(d.path(), "S5", "sho-hospital", "stay", "2026-03-18", &["--nights", "1"]).refused();
        // Before the window (before the due date under 修正月齢) and in the past are refused.
        let e = book(d.path(), "S5", "sho-hospital", "stay", "2026-01-20", &["--nights", "1"]);
        assert!(e.refused().contains("利用期間"), "{}", e.stderr);
        let e = book(d.path(), "S4", VISIT, "visit", "2026-01-04", &[]);
        assert!(e.refused().contains("過去"), "{}", e.stderr);
    }

    fn fees_with_twins_and_exemption() {
        let d = dir();
        add_resident(d.path(), "T1", "2026-01-01", &["--babies", "2"]);
        add_resident(d.path(), "X1", "2026-01-01", &["--exempt"]);
        add_resident(d.path(), "TX", "2026-01-01", &["--babies", "2", "--exempt"]);
        let fee = |r: &str, f: &str, t: &str, start: &str, extra: &[&str]| {
            book(d.path(), r, f, t, start, extra).ok()["fee_yen"].as_u64().unwrap()
        };
        assert_eq!(fee("T1", STAY, "stay", "2026-01-10", &["--nights", "1"]), 8800);
        assert_eq!(fee("T1", DAY, "day", "2026-01-12", &["--days", "2"]), 2 * (2500 + 840));
        assert_eq!(fee("T1", VISIT, "visit", "2026-01-14", &[]), 1340);
        assert_eq!(fee("X1", STAY, "stay", "2026-01-10", &["--nights", "1"]), 0);
        let a = book(d.path(), "TX", STAY, "stay", "2026-01-10", &["--nights", "1"]).ok();
        assert_eq!(a["fee_yen"], 0);
        assert_eq!(a["fee"]["waived_yen"], 8800);
        // The fee is kept as booked even when the record changes later.
        let list = sango(d.path(), &["bookings", "--resident", "T1", "--json"]).ok();
        assert_eq!(list[0]["fee_yen"], 8800);
    }

    fn unknown_resident_facility_and_booking_are_named() {
        let d = dir();
        add_resident(d.path(), "R1", "2026-01-01", &[]);
        let e = book(d.path(), "NOPE", STAY, "stay", "2026-01-10", &["--nights", "1"]);
        assert!(e.refused().contains("unknown resident (利用者番号) NOPE"), "{}", e.stderr);
        let e = book(d.path(), "R1", "no-such-place", "stay", "2026-01-10", &["--nights", "1"]);
        assert!(e.refused().contains("unknown facility (施設) no-such-place"), "{}", e.stderr);
        let e = book(d.path(), "R1", DAY, "stay", "2026-01-10", &["--nights", "1"]);
        assert!(e.refused().contains("does not offer stay"), "{}", e.stderr);
        let e = sango(d.path(), &["cancel", "01ARZ3NDEKTSV4RRFFQ69G5FAV"]);
        assert!(e.refused().contains("unknown booking"), "{}", e.stderr);
        let e = sango(d.path(), &["quota", "--resident", "NOPE"]);
        assert!(e.refused().contains("NOPE"), "{}", e.stderr);
        let e = sango(d.path(), &["resident", "show", "NOPE"]);
        assert!(e.refused().contains("NOPE"), "{}", e.stderr);
        let e = book(d.path(), "R1", STAY, "bath", "2026-01-10", &[]);
        assert_eq!(e.code, 2, "{}", e.stderr);
        let e = book(d.path(), "R1", STAY, "stay", "2026-02-30", &["--nights", "1"]);
        assert_eq!(e.code, 2, "{}", e.stderr);
        let e =
            book(d.path(), "R1", STAY, "stay", "2026-01-10", &["--nights", "1", "--at", "yesterday"]);
        assert_eq!(e.code, 2, "{}", e.stderr);
        assert_eq!(sango(d.path(), &["bookings", "--json"]).ok(), serde_json::json!([]));
    }

    fn residents_are_added_shown_listed_and_validated() {
        let d = dir();
        add_resident(
            d.path(),
            "000123",
            "2026-01-01",
            &["--due", "2026-01-20", "--corrected", "--babies", "3"],
        );
        add_resident(d.path(), "A-7", "2025-12-01", &["--exempt"]);
        let e = sango(d.path(), &["resident", "add", "--id", "A-7", "--birth", "2026-01-01"]);
        assert!(e.refused().contains("already registered"), "{}", e.stderr);
        for bad in ["", "has space", "日本語", "x;drop"] {
            let e = sango(d.path(), &["resident", "add", "--id", bad, "--birth", "2026-01-01"]);
            assert!(e.refused().contains("利用者番号"), "{bad}: {}", e.stderr);
        }
        let e = sango(
            d.path(),
            &["resident", "add", "--id", "B", "--birth", "2026-01-01", "--babies", "0"],
        );
        assert!(e.refused().contains("子の人数"), "{}", e.stderr);
        let e =
            sango(d.path(), &["resident", "add", "--id", "B", "--birth", "2026-01-01", "--corrected"]);
        assert!(e.refused().contains("修正月齢"), "{}", e.stderr);

        let s = sango(d.path(), &["resident", "show", "000123", "--json"]).ok();
        assert_eq!(s["id"], "000123");
        assert_eq!(s["due"], "2026-01-20");
        assert_eq!(s["corrected"], true);
        assert_eq!(s["babies"], 3);
        assert_eq!(s["created_at"], "2026-01-05T09:00:00+09:00");
        assert_eq!(s["quota"]["stay"]["limit"], 4);
        let l = sango(d.path(), &["resident", "list", "--json"]).ok();
        let ids: Vec<&str> = l.as_array().unwrap().iter().map(|r| r["id"].as_str().unwrap()).collect();
        assert_eq!(ids, ["000123", "A-7"]);
        let t = sango(d.path(), &["resident", "list"]);
        assert_eq!(t.code, 0);
        assert!(t.stdout.contains("000123"));
    }

    fn bookings_filter_by_resident_date_and_facility() {
        let d = dir();
        add_resident(d.path(), "R1", "2026-01-01", &[]);
        add_resident(d.path(), "R2", "2026-01-01", &[]);
        book(d.path(), "R1", STAY, "stay", "2026-01-10", &["--nights", "2"]).ok();
        book(d.path(), "R2", DAY, "day", "2026-01-11", &[]).ok();
        book(d.path(), "R2", VISIT, "visit", "2026-01-20", &[]).ok();
        let n = |args: &[&str]| {
            let mut a = vec!["bookings", "--json"];
            a.extend_from_slice(args);
            sango(d.path(), &a).ok().as_array().unwrap().len()
        };
        assert_eq!(n(&[]), 3);
        assert_eq!(n(&["--resident", "R2"]), 2);
        assert_eq!(n(&["--date", "2026-01-11"]), 2);
        assert_eq!(n(&["--date", "2026-01-12"]), 1);
        assert_eq!(n(&["--date", "2026-01-13"]), 0);
        assert_eq!(n(&["--facility", VISIT]), 1);
        assert_eq!(n(&["--resident", "R1", "--facility", VISIT]), 0);
        let one =
            sango(d.path(), &["bookings", "--resident", "R1", "--at", "2026-01-05T09:00", "--json"])
                .ok();
        let b = &one[0];
        for key in [
            "id",
            "resident",
            "facility",
            "type",
            "first_day",
            "last_day",
            "nights",
            "units",
            "fee_yen",
            "status",
            "terminal",
            "created_at",
            "cancel_by",
        ] {
            assert!(b.get(key).is_some(), "missing {key}: {b}");
        }
        assert_eq!(b["terminal"], "test-kiosk");
        assert_eq!(b["status"], "booked");
        sango(d.path(), &["bookings", "--resident", "NOPE"]).refused();
    }

    fn two_bookings_of_one_mother_may_not_share_a_day_but_a_cancelled_one_frees_it() {
        let d = dir();
        add_resident(d.path(), "R1", "2026-01-01", &[]);
        let stay = book(d.path(), "R1", STAY, "stay", "2026-01-10", &["--nights", "1"]).ok();
        // Day care on the stay's last day is refused, naming the other booking's days.
        let e = book(d.path(), "R1", DAY, "day", "2026-01-11", &[]);
        let err = e.refused();
        assert!(err.contains("重なって") && err.contains("2026-01-10"), "{err}");
        book(d.path(), "R1", DAY, "day", "2026-01-12", &[]).ok();
        // Once the stay is cancelled its days are free again.
        let id = stay["id"].as_str().unwrap();
        let c = sango(d.path(), &["cancel", id, "--at", "2026-01-05T09:00", "--json"]);
        assert_eq!(c.code, 0, "{}", c.stderr);
        book(d.path(), "R1", DAY, "day", "2026-01-11", &[]).ok();
    }

    fn a_booking_has_a_code_to_read_over_the_phone_accepted_wherever_its_id_is() {
        let d = dir();
        add_resident(d.path(), "R1", "2026-01-01", &[]);
        let mut codes = std::collections::BTreeSet::new();
        let mut first = serde_json::Value::Null;
        for start in ["2026-01-10", "2026-01-12", "2026-01-14"] {
            let b = book(d.path(), "R1", DAY, "day", start, &[]).ok();
            let code = b["code"].as_str().unwrap().to_string();
            let chars: String = code.chars().filter(|c| *c != '-').collect();
            assert_eq!(chars.len(), 8, "{code}");
            assert!(chars.bytes().all(|c| sango::domain::booking_code::ALPHABET.contains(&c)));
            assert!(codes.insert(code), "unique");
            if first.is_null() {
                first = b;
            }
        }
        // Read out over the phone and typed in lower case without the hyphen: the same booking.
        let code = first["code"].as_str().unwrap();
        let typed = code.replace('-', "").to_lowercase();
        let c = sango(d.path(), &["cancel", &typed, "--at", "2026-01-06T09:00", "--json"]).ok();
        assert_eq!(c["id"], first["id"]);
        assert_eq!(c["code"], first["code"]);
        let text = sango(
            d.path(),
            &[
                "book",
                "--resident",
                "R1",
                "--facility",
                DAY,
                "--type",
                "day",
                "--start",
                "2026-01-20",
                "--at",
                "2026-01-05T09:00",
            ],
        );
        assert!(text.stdout.contains("予約番号"), "{}", text.stdout);
        let list = sango(d.path(), &["bookings"]);
        assert!(list.stdout.contains(code), "{}", list.stdout);
        // Cancelling it again by its long id says it is already cancelled.
        let again =
            sango(d.path(), &["cancel", first["id"].as_str().unwrap(), "--at", "2026-01-06T09:00"]);
        assert!(again.refused().contains("already"), "{}", again.stderr);
    }

    fn a_stay_may_start_today_and_a_booking_may_be_cancelled_on_its_last_day() {
        let d = dir();
        add_resident(d.path(), "R1", "2026-01-01", &[]);
        // Booked at 09:00 for the same day: allowed (a booking may start today).
        let today = book(
            d.path(),
            "R1",
            STAY,
            "stay",
            "2026-01-10",
            &["--nights", "1", "--at", "2026-01-10T09:00"],
        )
        .ok();
        assert_eq!(today["first_day"], "2026-01-10");
        let id = today["id"].as_str().unwrap();
        // On its last day (1/11) it is not used yet: the cancellation is accepted, late.
        let c = sango(d.path(), &["cancel", id, "--at", "2026-01-11T08:00", "--json"]).ok();
        assert_eq!(c["late"], true);
        assert_eq!(c["units_charged"], 1);
        // The day after its last day it has been used and cannot be cancelled.
        let used = book(d.path(), "R1", DAY, "day", "2026-01-20", &["--at", "2026-01-19T09:00"]).ok();
        let e = sango(d.path(), &["cancel", used["id"].as_str().unwrap(), "--at", "2026-01-21T09:00"]);
        assert!(e.refused().contains("利用済み"), "{}", e.stderr);
    }

    fn the_store_keeps_every_acknowledged_write_on_disk() {
        let d = dir();
        add_resident(d.path(), "R1", "2026-01-01", &[]);
        let (journal, synchronous) = open_practice(d.path()).durability().unwrap();
        let expected = match engine() {
            // The connection every write goes through: WAL, and an fsync at every commit.
            Engine::Sqlite => ("wal", "full"),
            // A commit returns once the server has flushed it to its write-ahead log.
            Engine::Postgres => ("postgresql", "on"),
        };
        assert_eq!((journal.as_str(), synchronous.as_str()), expected);
    }

    fn the_booking_says_when_the_facility_can_last_be_phoned_or_that_any_cancellation_is_late() {
        let d = dir();
        add_resident(d.path(), "R1", "2026-11-01", &[]);
        // 東京北医療センター answers Mon–Fri 9–11 and 14–16; a stay from Sunday 12/6 must be
        // cancelled by Saturday 11:00, so the last call is Friday until 16:00.
        let b = book(
            d.path(),
            "R1",
            STAY,
            "stay",
            "2026-12-06",
            &["--nights", "1", "--at", "2026-11-30T10:00"],
        )
        .ok();
        assert_eq!(b["cancel_by"], "2026-12-05T11:00:00+09:00");
        assert_eq!(b["cancel_late_already"], false);
        assert_eq!(b["last_call"]["end"], "2026-12-04T16:00:00+09:00");
        let text = sango(
            d.path(),
            &[
                "book",
                "--resident",
                "R1",
                "--facility",
                STAY,
                "--type",
                "stay",
                "--start",
                "2026-12-13",
                "--nights",
                "1",
                "--at",
                "2026-11-30T10:00",
            ],
        );
        assert!(text.stdout.contains("Phone the facility by 2026-12-11 16:00"), "{}", text.stdout);
        // Booked at noon for the next day: past its own cutoff from the start.
        let late = book(d.path(), "R1", DAY, "day", "2026-12-01", &["--at", "2026-11-30T12:00"]).ok();
        assert_eq!(late["cancel_late_already"], true);
        assert!(late["last_call"].is_null());
    }
}
