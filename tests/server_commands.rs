//! `sango resident add`, `sango resident edit` and `sango no-show` through a ward's server: the
//! real binary at a terminal, a real `sango serve` on loopback, on both engines. They answer as
//! the direct commands do, are recorded under the signed-in clerk, are applied once per command
//! id, and are refused offline (never queued): a mother's record has one truth.

mod store_support;

use serde_json::{Value, json};
use store_support::serve::{Server, Term};
use store_support::*;

/// The commands of one clerk's morning, run by `run` (directly on a store, or at a terminal
/// through a server): their `--json` answers, with booking ids and codes named by role.
fn morning(run: &dyn Fn(&[&str]) -> Run) -> Vec<Value> {
    let mut out = Vec::new();
    let at = ["--at", "2026-11-02T09:00"];
    out.push(
        run(&["resident", "add", "--id", "r1", "--birth", "2026-11-01", at[0], at[1], "--json"])
            .ok(),
    );
    let book = |facility: &str, care: &str, start: &str, length: &[&str]| {
        let mut a = vec!["book", "--resident", "R1", "--facility", facility, "--type", care];
        a.extend_from_slice(&["--start", start, at[0], at[1], "--json"]);
        a.extend_from_slice(length);
        run(&a).ok()
    };
    let stay = book("ayase-sango-care", "stay", "2026-12-20", &["--nights", "1"]);
    let day = book(DAY, "day", "2026-11-25", &["--days", "1"]);
    let names = |v: Value| {
        let mut text = v.to_string();
        for (b, name) in [(&stay, "STAY"), (&day, "DAY")] {
            for key in ["id", "code"] {
                text = text.replace(b[key].as_str().unwrap(), &format!("{name}-{key}"));
            }
        }
        serde_json::from_str::<Value>(&text).unwrap()
    };
    let edit = |extra: &[&str]| {
        let mut a = vec!["resident", "edit", "r1", "--birth", "2026-10-01", "--babies", "2"];
        a.extend_from_slice(&["--at", "2026-11-20T10:00", "--json"]);
        a.extend_from_slice(extra);
        run(&a)
    };
    out.push(names(edit(&["--dry-run"]).ok()));
    // Her stay falls outside her new window: the change waits for the clerk's decision.
    let undecided = edit(&[]);
    assert!(undecided.refused().contains(stay["code"].as_str().unwrap()), "{}", undecided.stderr);
    out.push(names(edit(&["--cancel", stay["code"].as_str().unwrap()]).ok()));
    let code = day["code"].as_str().unwrap();
    out.push(names(run(&["no-show", code, "--at", "2026-11-25T18:00", "--json"]).ok()));
    out.push(run(&["resident", "show", "R1", "--json"]).ok());
    out
}

on_both_engines! {
    fn resident_add_edit_and_no_show_answer_through_the_server_as_directly_and_name_the_clerk() {
        let direct = dir();
        let expected = morning(&|a| sango(direct.path(), a));
        assert_eq!(expected[2]["cancelled"][0]["id"], "STAY-id", "{}", expected[2]);
        assert_eq!(expected[3]["status"], "no_show", "{}", expected[3]);

        let d = dir();
        let server = Server::start(d.path(), "127.0.0.1:0");
        let oji = Term::signed_in(d.path(), "oji-1", &server.base);
        let got = morning(&|a| oji.run(a));
        assert_eq!(got, expected);

        // The server's audit trail names the terminal and the clerk for each.
        let export = sango(d.path(), &["export", "--format", "json"]).ok();
        let who = format!("oji-1/{}", oji.clerk());
        for kind in ["resident_added", "resident_updated", "cancelled", "no_show"] {
            assert!(
                export["events"].as_array().unwrap().iter().any(|e| e["kind"] == kind && e["terminal"] == who.as_str()),
                "{kind} by {who}: {export}"
            );
        }
        // The replica was pulled after each write: reads at the terminal show them.
        assert_eq!(oji.run(&["bookings", "--json"]).ok(), sango(d.path(), &["bookings", "--json"]).ok());

        // Without a sign-in nothing is changed.
        let other = Term::new(d.path(), "oji-2", &server.base);
        let r = other.run(&["resident", "add", "--id", "R2", "--birth", "2026-11-01", "--at", "2026-11-02T09:00"]);
        assert!(r.refused().contains("sign in first"), "{}", r.stderr);
        assert!(sango(d.path(), &["resident", "show", "R2"]).code != 0);
        // The server's refusals are the command's, naming what.
        let r = oji.run(&["resident", "add", "--id", "R1", "--birth", "2026-11-01"]);
        assert!(r.refused().contains("already registered"), "{}", r.stderr);
        let r = oji.run(&["resident", "edit", "R9", "--babies", "2"]);
        assert!(r.refused().contains("R9"), "{}", r.stderr);
        let r = oji.run(&["no-show", "nothing-like-a-booking"]);
        assert_eq!(r.code, 1, "{}", r.stderr);

        // Offline: refused, nothing kept in the outbox, nothing changed on the server after.
        let before = sango(d.path(), &["export", "--format", "json"]).ok()["events"].as_array().unwrap().len();
        let addr = server.addr().to_string();
        server.kill();
        for args in [
            &["resident", "add", "--id", "R3", "--birth", "2026-11-01", "--at", "2026-11-02T09:00"][..],
            &["resident", "edit", "R1", "--exempt", "true", "--at", "2026-11-26T09:00"][..],
            &["resident", "edit", "R1", "--exempt", "true", "--dry-run"][..],
            &["no-show", "K7QX-2M4P", "--at", "2026-11-26T09:00"][..],
        ] {
            let r = oji.run(args);
            let why = r.refused();
            assert!(why.contains("needs the server, nothing was changed"), "{args:?}: {why}");
        }
        let status = oji.run(&["sync", "--status", "--json"]).ok();
        assert_eq!(status["pending"], 0, "{status}");
        let server = Server::start(d.path(), &addr);
        oji.run(&["sync", "--json"]).ok();
        let after = sango(d.path(), &["export", "--format", "json"]).ok()["events"].as_array().unwrap().len();
        assert_eq!(after, before);
        drop(server);
    }

    fn a_resident_edit_a_registration_and_a_no_show_are_applied_once_per_command_id() {
        let d = dir();
        let server = Server::start(d.path(), "127.0.0.1:0");
        let oji = Term::signed_in(d.path(), "oji-1", &server.base);
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .max_idle_connections(0)
            .build()
            .into();
        let post = |path: &str, body: &Value| {
            let mut r = agent
                .post(format!("{}{path}", server.base))
                .header("Authorization", format!("Bearer {}", oji.token))
                .header("Sango-Signin", oji.signin())
                .send_json(body)
                .unwrap();
            let status = r.status().as_u16();
            let replayed = r.headers().get("sango-replayed").map(|v| v.to_str().unwrap().to_string());
            let text = r.body_mut().read_to_string().unwrap();
            (status, replayed, serde_json::from_str::<Value>(&text).unwrap())
        };
        let add = json!({"command_id": "01J9Z8Q4X7M2N3P4Q5R6S7T8V1", "id": "R1", "birth": "2026-01-01", "at": "2026-01-05T09:00"});
        let (s1, r1, b1) = post("/v1/residents", &add);
        let (s2, r2, b2) = post("/v1/residents", &add);
        assert_eq!((s1, r1.as_deref(), s2, r2.as_deref()), (201, Some("false"), 201, Some("true")), "{b1} {b2}");
        assert_eq!(b1, b2);
        assert_eq!(b1["kind"], "add_resident");
        assert_eq!(b1["result"]["resident"]["id"], "R1");
        let edit = json!({"command_id": "01J9Z8Q4X7M2N3P4Q5R6S7T8V2", "babies": 2, "at": "2026-01-05T09:30"});
        let (s1, r1, b1) = post("/v1/residents/r1/edit", &edit);
        let (s2, r2, b2) = post("/v1/residents/R1/edit", &edit);
        assert_eq!((s1, r1.as_deref(), s2, r2.as_deref()), (200, Some("false"), 200, Some("true")), "{b1} {b2}");
        assert_eq!(b1, b2);
        assert_eq!(b1["result"]["resident"]["babies"], 2, "{b1}");
        // The same command id for another kind of command: a conflict.
        let (s, _, b) = post("/v1/bookings/01J9Z8Q4X7M2N3P4Q5R6S7T8V9/no-show", &json!({"command_id": "01J9Z8Q4X7M2N3P4Q5R6S7T8V2"}));
        assert_eq!((s, b["error"].as_str()), (409, Some("conflict")), "{b}");
        // A no-show once.
        let b = oji.book("2026-01-10", "1").ok();
        let path = format!("/v1/bookings/{}/no-show", b["id"].as_str().unwrap());
        let ns = json!({"command_id": "01J9Z8Q4X7M2N3P4Q5R6S7T8V3", "at": "2026-01-10T18:00"});
        let (s1, r1, b1) = post(&path, &ns);
        let (s2, r2, b2) = post(&path, &ns);
        assert_eq!((s1, r1.as_deref(), s2, r2.as_deref()), (200, Some("false"), 200, Some("true")), "{b1} {b2}");
        assert_eq!(b1["result"]["status"], "no_show", "{b1}");
        // A preview is a read: the edit's body, nothing changed.
        let (s, _, p) = post("/v1/residents/R1/preview", &json!({"babies": 1, "at": "2026-01-05T10:00"}));
        assert_eq!(s, 200, "{p}");
        assert!(p["affected"].is_array(), "{p}");
        let (s, _, e) = post("/v1/residents/R1/edit", &json!({"babies": 1}));
        assert_eq!((s, e["error"].as_str()), (400, Some("bad_request")), "{e}");
        // Once each in the audit trail.
        let export = sango(d.path(), &["export", "--format", "json"]).ok();
        let count = |kind: &str| export["events"].as_array().unwrap().iter().filter(|e| e["kind"] == kind).count();
        assert_eq!((count("resident_added"), count("resident_updated"), count("no_show")), (1, 1, 1), "{export}");
        assert_eq!(sango(d.path(), &["resident", "show", "R1", "--json"]).ok()["babies"], 2);
        drop(server);
    }
}
