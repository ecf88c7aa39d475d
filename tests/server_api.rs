//! `sango serve --listen`: the real binary answering over a real socket, on SQLite and on
//! PostgreSQL, checked against docs/api.md.

mod store_support;

use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::process::{Child, Stdio};
use std::sync::{Arc, Mutex};

use serde_json::{Value, json};
use store_support::*;

/// A running `sango serve --listen 127.0.0.1:0` on a test's data folder.
struct Server {
    child: Child,
    base: String,
    logs: Arc<Mutex<String>>,
    agent: ureq::Agent,
    /// The staff sign-in of each terminal token that has one: sent as `Sango-Signin`.
    signins: Mutex<std::collections::HashMap<String, String>>,
}

struct Resp {
    status: u16,
    body: Value,
    replayed: Option<String>,
}

fn start(dir: &Path) -> Server {
    start_with(dir, &[])
}

fn start_with(dir: &Path, extra: &[&str]) -> Server {
    let mut args = vec!["serve", "--listen", "127.0.0.1:0"];
    args.extend_from_slice(extra);
    let mut child = command(dir, &args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .stdin(Stdio::null())
        .spawn()
        .expect("sango serve starts");
    let logs = Arc::new(Mutex::new(String::new()));
    let mut err = child.stderr.take().unwrap();
    let sink = Arc::clone(&logs);
    std::thread::spawn(move || {
        let mut buf = [0u8; 4096];
        while let Ok(n) = err.read(&mut buf) {
            if n == 0 {
                break;
            }
            sink.lock().unwrap().push_str(&String::from_utf8_lossy(&buf[..n]));
        }
    });
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
    let base = line
        .trim()
        .strip_prefix("listening on ")
        .unwrap_or_else(|| panic!("first line: {line:?}, stderr: {}", logs.lock().unwrap()))
        .to_string();
    assert!(base.starts_with("http://127.0.0.1:"), "{base}");
    // A fresh connection per request: the server may close one whose request body it did
    // not read (a refused POST), and a reused one would then fail at random.
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .max_idle_connections(0)
        .max_idle_connections_per_host(0)
        .build()
        .into();
    Server { child, base, logs, agent, signins: Mutex::default() }
}

fn read(mut r: ureq::http::Response<ureq::Body>) -> Resp {
    let status = r.status().as_u16();
    let replayed = r.headers().get("sango-replayed").map(|v| v.to_str().unwrap().to_string());
    let text = r.body_mut().read_to_string().unwrap();
    let body =
        serde_json::from_str(&text).unwrap_or_else(|_| panic!("not JSON ({status}): {text}"));
    Resp { status, body, replayed }
}

impl Server {
    fn get(&self, path: &str, token: Option<&str>, session: Option<&str>) -> Resp {
        let mut req = self.agent.get(format!("{}{path}", self.base));
        if let Some(t) = token {
            req = req.header("Authorization", format!("Bearer {t}"));
        }
        if let Some(s) = session {
            req = req.header("Sango-Session", s);
        }
        read(req.call().unwrap())
    }

    fn post(&self, path: &str, token: Option<&str>, body: &Value) -> Resp {
        let mut req = self.agent.post(format!("{}{path}", self.base));
        if let Some(t) = token {
            req = req.header("Authorization", format!("Bearer {t}"));
            if let Some(s) = self.signins.lock().unwrap().get(t) {
                req = req.header("Sango-Signin", s);
            }
        }
        read(req.send_json(body).unwrap())
    }

    /// A kiosk's POST with its session (or none).
    fn post_session(&self, path: &str, token: &str, session: Option<&str>, body: &Value) -> Resp {
        let mut req = self
            .agent
            .post(format!("{}{path}", self.base))
            .header("Authorization", format!("Bearer {token}"));
        if let Some(s) = session {
            req = req.header("Sango-Session", s);
        }
        read(req.send_json(body).unwrap())
    }

    /// A POST with exactly this sign-in (or none).
    fn post_signed(&self, path: &str, token: &str, signin: Option<&str>, body: &Value) -> Resp {
        let mut req = self
            .agent
            .post(format!("{}{path}", self.base))
            .header("Authorization", format!("Bearer {token}"));
        if let Some(s) = signin {
            req = req.header("Sango-Signin", s);
        }
        read(req.send_json(body).unwrap())
    }

    /// `POST /v1/login` at the terminal of `token`.
    fn login(&self, token: &str, staff: &str, password: &str) -> Resp {
        self.post_signed(
            "/v1/login",
            token,
            None,
            &json!({"staff_id": staff, "password": password}),
        )
    }

    /// Adds staff member `clerk` and signs them in at the terminal of `token`: its writes
    /// then carry the sign-in.
    fn sign_in(&self, dir: &Path, token: &str) {
        add_staff(dir, "clerk");
        let r = self.post(
            "/v1/login",
            Some(token),
            &json!({"staff_id": "clerk", "password": PASSWORD}),
        );
        assert_eq!(r.status, 200, "{}", r.body);
        let signin = r.body["signin"].as_str().unwrap().to_string();
        self.signins.lock().unwrap().insert(token.to_string(), signin);
    }

    /// SIGTERM, then the exit status.
    fn terminate(&mut self) -> std::process::ExitStatus {
        let pid = self.child.id().to_string();
        let ok = std::process::Command::new("kill").args(["-TERM", &pid]).status().unwrap();
        assert!(ok.success());
        self.child.wait().unwrap()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Enrolls a terminal with the CLI; returns its token.
fn enroll(dir: &Path, name: &str, role: &str) -> String {
    let v = sango(dir, &["serve", "terminal", "add", name, "--role", role, "--json"]).ok();
    v["token"].as_str().unwrap().to_string()
}

fn add(s: &Server, staff: &str, id: &str, birth: &str) {
    let r = s.post(
        "/v1/residents",
        Some(staff),
        &json!({"id": id, "birth": birth, "at": "2026-01-05T09:00"}),
    );
    assert_eq!(r.status, 201, "{}", r.body);
}

fn book_body(cid: &str, start: &str, days: u32) -> Value {
    json!({
        "command_id": cid, "resident": "R1", "facility": DAY, "type": "day",
        "start": start, "days": days, "at": "2026-01-05T10:00",
    })
}

const TOKEN_LIKE: &str = "Bearer ";

on_both_engines! {
    fn health_needs_no_token_and_everything_else_an_enrolled_unrevoked_one() {
        let d = dir();
        let kiosk = enroll(d.path(), "kiosk-1", "kiosk");
        let s = start(d.path());
        let h = s.get("/v1/health", None, None);
        assert_eq!((h.status, h.body["status"].as_str()), (200, Some("ok")));
        for token in [None, Some("not-a-token"), Some("snk_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")] {
            let r = s.get("/v1/facilities", token, None);
            assert_eq!(r.status, 401, "{token:?}: {}", r.body);
            assert_eq!(r.body["error"], "unauthorized");
            assert!(r.body["message"].as_str().unwrap().len() > 5);
        }
        let r = s.get("/v1/facilities", Some(&kiosk), None);
        assert_eq!(r.status, 200, "{}", r.body);
        assert!(r.body["facilities"].as_array().unwrap().iter().any(|f| f["id"] == DAY));
        sango(d.path(), &["serve", "terminal", "revoke", "kiosk-1", "--json"]).ok();
        assert_eq!(s.get("/v1/facilities", Some(&kiosk), None).status, 401);
        // One JSON line per request, naming the terminal, never its token.
        // The log lines come through a reader thread: wait for the six requests' lines.
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        while s.logs.lock().unwrap().matches('\n').count() < 6 && std::time::Instant::now() < deadline {
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        let logs = s.logs.lock().unwrap().clone();
        assert!(!logs.contains(&kiosk) && !logs.contains(TOKEN_LIKE), "{logs}");
        // Whole lines only: the reader may be in the middle of one.
        let lines: Vec<Value> = logs
            .split_inclusive('\n')
            .filter(|l| l.ends_with('\n'))
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert!(lines.len() >= 6, "{logs}");
        for l in &lines {
            for k in ["time", "terminal", "method", "path", "status", "ms"] {
                assert!(l.get(k).is_some(), "{k} in {l}");
            }
        }
        assert!(lines.iter().any(|l| l["terminal"] == "kiosk-1" && l["status"] == 200));
    }

    fn a_kiosk_books_for_the_identified_mother_alone_once_per_command() {
        let d = dir();
        let staff = enroll(d.path(), "oji-1", "staff");
        let kiosk = enroll(d.path(), "kiosk-1", "kiosk");
        let other = enroll(d.path(), "kiosk-2", "kiosk");
        let s = start(d.path());
        s.sign_in(d.path(), &staff);
        add(&s, &staff, "R1", "2026-01-01");
        add(&s, &staff, "R2", "2026-01-02");
        let body = |cid: &str, start: &str| {
            json!({"command_id": cid, "facility": DAY, "type": "day", "start": start, "days": 1, "at": "2026-01-05T10:00"})
        };
        let path = "/v1/kiosk/bookings";
        // No session, or one of another kiosk: refused, nothing booked.
        let r = s.post_session(path, &kiosk, None, &body("01J9Z8Q4X7M2N3P4Q5R6S7T8W1", "2026-01-10"));
        assert_eq!(r.status, 403, "{}", r.body);
        let ok = s.post("/v1/kiosk/identify", Some(&kiosk), &json!({"user_number": "R1", "baby_birth": "2026-01-01"}));
        let session = ok.body["session"].as_str().unwrap().to_string();
        let r = s.post_session(path, &other, Some(&session), &body("01J9Z8Q4X7M2N3P4Q5R6S7T8W1", "2026-01-10"));
        assert_eq!(r.status, 403, "{}", r.body);
        // A body naming a mother is refused: the session says whose booking it is.
        let mut naming = body("01J9Z8Q4X7M2N3P4Q5R6S7T8W1", "2026-01-10");
        naming["resident"] = json!("R2");
        assert_eq!(s.post_session(path, &kiosk, Some(&session), &naming).status, 400);
        // Her booking, recorded with the kiosk's name; the same command again books nothing.
        let b = body("01J9Z8Q4X7M2N3P4Q5R6S7T8W1", "2026-01-10");
        let r = s.post_session(path, &kiosk, Some(&session), &b);
        assert_eq!(r.status, 201, "{}", r.body);
        assert_eq!(r.body["result"]["booking"]["resident"], "R1", "{}", r.body);
        assert_eq!(r.body["result"]["booking"]["terminal"], "kiosk-1", "{}", r.body);
        let again = s.post_session(path, &kiosk, Some(&session), &b);
        assert_eq!((again.status, again.replayed.as_deref()), (201, Some("true")), "{}", again.body);
        assert_eq!(again.body["result"], r.body["result"]);
        let mine = s.get("/v1/residents/R1/bookings", Some(&kiosk), Some(&session));
        assert_eq!(mine.body["bookings"].as_array().unwrap().len(), 1, "{}", mine.body);
        // The rules are the same as staff's: an overlapping day is refused, naming the rule.
        let r = s.post_session(path, &kiosk, Some(&session), &body("01J9Z8Q4X7M2N3P4Q5R6S7T8W2", "2026-01-10"));
        assert_eq!((r.status, r.body["error"].as_str()), (409, Some("refused")), "{}", r.body);
        let all = s.get("/v1/bookings", Some(&staff), None);
        assert_eq!(all.body["bookings"].as_array().unwrap().len(), 1, "{}", all.body);
    }

    fn a_kiosk_reads_public_answers_and_only_the_identified_mothers_own_data() {
        let d = dir();
        let staff = enroll(d.path(), "oji-1", "staff");
        let kiosk = enroll(d.path(), "kiosk-1", "kiosk");
        let s = start(d.path());
        s.sign_in(d.path(), &staff);
        add(&s, &staff, "R1", "2026-01-01");
        add(&s, &staff, "R2", "2026-01-02");
        let r = s.post("/v1/bookings", Some(&staff), &book_body("01J9Z8Q4X7M2N3P4Q5R6S7T8V9", "2026-01-10", 3));
        assert_eq!(r.status, 201, "{}", r.body);
        let k = Some(kiosk.as_str());
        assert_eq!(s.get("/v1/residents", k, None).status, 403);
        assert_eq!(s.get("/v1/residents/R1", k, None).status, 403);
        assert_eq!(s.get("/v1/bookings?resident=R1", k, None).status, 403);
        assert_eq!(s.get("/v1/residents/R1/bookings", k, None).status, 403);
        assert_eq!(s.post("/v1/bookings", k, &book_body("01J9Z8Q4X7M2N3P4Q5R6S7T8VA", "2026-01-20", 1)).status, 403);
        let fee = s.get("/v1/fee?type=day&units=3", k, None);
        assert_eq!((fee.status, fee.body["total_yen"].as_u64()), (200, Some(7500)), "{}", fee.body);
        let hours = s.get(&format!("/v1/facilities/{DAY}/hours?at=2026-01-05T10:00"), k, None);
        assert_eq!(hours.status, 200, "{}", hours.body);
        let w = s.get(&format!("/v1/facilities/{DAY}/window?type=day&birth=2026-01-01"), k, None);
        assert_eq!(w.status, 200, "{}", w.body);
        // A wrong birth date is refused; the right one opens a session for her alone.
        let bad = s.post("/v1/kiosk/identify", k, &json!({"user_number": "R1", "baby_birth": "2026-01-02"}));
        assert_eq!(bad.status, 403, "{}", bad.body);
        let ok = s.post("/v1/kiosk/identify", k, &json!({"user_number": "r1", "baby_birth": "2026-01-01"}));
        assert_eq!(ok.status, 200, "{}", ok.body);
        let session = ok.body["session"].as_str().unwrap().to_string();
        let mine = s.get("/v1/residents/R1/bookings", k, Some(&session));
        assert_eq!(mine.status, 200, "{}", mine.body);
        assert_eq!(mine.body["bookings"].as_array().unwrap().len(), 1);
        let q = s.get("/v1/residents/R1/quota", k, Some(&session));
        assert_eq!(q.body["quota"]["day"]["used"], 3, "{}", q.body);
        assert_eq!(s.get("/v1/residents/R2/bookings", k, Some(&session)).status, 403);
        assert_eq!(s.get("/v1/residents/R2/quota", k, Some(&session)).status, 403);
        assert_eq!(s.get("/v1/residents", k, Some(&session)).status, 403);
        // The session is that kiosk's: another terminal's token with it sees nothing.
        let other = enroll(d.path(), "kiosk-2", "kiosk");
        assert_eq!(s.get("/v1/residents/R1/bookings", Some(&other), Some(&session)).status, 403);
        // Staff identify nobody and see everyone.
        assert_eq!(s.post("/v1/kiosk/identify", Some(&staff), &json!({"user_number": "R1", "baby_birth": "2026-01-01"})).status, 403);
        assert_eq!(s.get("/v1/residents/R2/quota", Some(&staff), None).status, 200);
        assert_eq!(s.get("/v1/residents", Some(&staff), None).body["residents"].as_array().unwrap().len(), 2);
    }

    fn repeated_wrong_identifications_lock_out_the_kiosk_and_the_user_number() {
        let d = dir();
        let staff = enroll(d.path(), "oji-1", "staff");
        let k1 = enroll(d.path(), "kiosk-1", "kiosk");
        let k2 = enroll(d.path(), "kiosk-2", "kiosk");
        let s = start(d.path());
        s.sign_in(d.path(), &staff);
        add(&s, &staff, "R1", "2026-01-01");
        add(&s, &staff, "R2", "2026-01-02");
        let id = |k: &str, u: &str, b: &str| {
            s.post("/v1/kiosk/identify", Some(k), &json!({"user_number": u, "baby_birth": b})).status
        };
        for day in 10..15 {
            assert_eq!(id(&k1, "R1", &format!("2026-01-{day}")), 403);
        }
        // Now even the right answer is refused, at that kiosk and for that number anywhere.
        assert_eq!(id(&k1, "R1", "2026-01-01"), 429);
        assert_eq!(id(&k2, "R1", "2026-01-01"), 429);
        assert_eq!(id(&k1, "R2", "2026-01-02"), 429);
        assert_eq!(id(&k2, "R2", "2026-01-02"), 200);
        let r = s.post("/v1/kiosk/identify", Some(&k1), &json!({"user_number": "R2", "baby_birth": "2026-01-02"}));
        assert_eq!(r.body["error"], "locked_out");
    }

    fn a_command_is_applied_once_however_often_and_however_concurrently_it_is_sent() {
        let d = dir();
        let staff = enroll(d.path(), "oji-1", "staff");
        let s = start(d.path());
        s.sign_in(d.path(), &staff);
        add(&s, &staff, "R1", "2026-01-01");
        let st = Some(staff.as_str());
        let first = s.post("/v1/bookings", st, &book_body("01J9Z8Q4X7M2N3P4Q5R6S7T8V9", "2026-01-10", 3));
        assert_eq!(first.status, 201, "{}", first.body);
        assert_eq!(first.replayed.as_deref(), Some("false"));
        assert_eq!(first.body["result"]["booking"]["terminal"], "oji-1/clerk", "the terminal and the signed-in staff member");
        let again = s.post("/v1/bookings", st, &book_body("01J9Z8Q4X7M2N3P4Q5R6S7T8V9", "2026-01-10", 3));
        assert_eq!((again.status, &again.body), (201, &first.body));
        assert_eq!(again.replayed.as_deref(), Some("true"));
        let list = s.get("/v1/bookings?resident=R1", st, None);
        assert_eq!(list.body["bookings"].as_array().unwrap().len(), 1);

        // Eight terminals' worth of threads send one command at once: one booking.
        let cid = "123e4567-e89b-12d3-a456-426614174000";
        let bodies: Vec<(u16, Value)> = std::thread::scope(|sc| {
            let hs: Vec<_> = (0..8)
                .map(|_| sc.spawn(|| {
                    let r = s.post("/v1/bookings", st, &book_body(cid, "2026-01-20", 1));
                    (r.status, r.body)
                }))
                .collect();
            hs.into_iter().map(|h| h.join().unwrap()).collect()
        });
        for b in &bodies {
            assert_eq!(b, &bodies[0]);
        }
        assert_eq!(bodies[0].0, 201, "{}", bodies[0].1);
        let list = s.get("/v1/bookings?resident=R1", st, None);
        assert_eq!(list.body["bookings"].as_array().unwrap().len(), 2, "{}", list.body);

        // Over her limit: 409 naming the rule.
        let r = s.post("/v1/bookings", st, &book_body("01J9Z8Q4X7M2N3P4Q5R6S7T8VB", "2026-01-21", 2));
        assert_eq!(r.status, 201, "{}", r.body);
        let r = s.post("/v1/bookings", st, &book_body("01J9Z8Q4X7M2N3P4Q5R6S7T8VC", "2026-01-25", 1));
        assert_eq!((r.status, r.body["error"].as_str()), (409, Some("refused")), "{}", r.body);
        assert!(r.body["message"].as_str().unwrap().contains("利用上限"), "{}", r.body);

        // A cancellation sent twice: one cancellation, the same answer.
        let id = first.body["result"]["booking"]["id"].as_str().unwrap();
        let c = json!({"command_id": "01J9Z8Q4X7M2N3P4Q5R6S7T8VD", "at": "2026-01-05T11:00"});
        let c1 = s.post(&format!("/v1/bookings/{id}/cancel"), st, &c);
        assert_eq!(c1.status, 200, "{}", c1.body);
        assert_eq!(c1.body["result"]["booking"]["status"], "cancelled");
        let c2 = s.post(&format!("/v1/bookings/{id}/cancel"), st, &c);
        assert_eq!((c2.status, &c2.body, c2.replayed.as_deref()), (200, &c1.body, Some("true")));
        // The same id for another kind of command is refused; bad input names the field.
        let r = s.post("/v1/bookings", st, &book_body("01J9Z8Q4X7M2N3P4Q5R6S7T8VD", "2026-01-28", 1));
        assert_eq!(r.status, 409, "{}", r.body);
        let r = s.post("/v1/bookings", st, &book_body("not-an-id", "2026-01-28", 1));
        assert_eq!(r.status, 400);
        assert!(r.body["message"].as_str().unwrap().contains("command_id"), "{}", r.body);
        let r = s.post("/v1/bookings", st, &json!({"command_id": "01J9Z8Q4X7M2N3P4Q5R6S7T8VE"}));
        assert_eq!(r.status, 400);
        assert!(r.body["message"].as_str().unwrap().contains("resident"), "{}", r.body);
        let q = s.get("/v1/residents/R1/quota", st, None);
        assert_eq!(q.body["quota"]["day"]["used"], 3, "{}", q.body);
    }

    fn a_batch_decides_each_command_in_order_as_its_own_endpoint_would() {
        let d = dir();
        let staff = enroll(d.path(), "oji-1", "staff");
        let s = start(d.path());
        s.sign_in(d.path(), &staff);
        add(&s, &staff, "R1", "2026-01-01");
        let st = Some(staff.as_str());
        let book = |cid: &str, start: &str, days: u32| {
            let mut b = book_body(cid, start, days);
            b["kind"] = json!("book");
            b
        };
        let r = s.post("/v1/commands", st, &json!({"commands": [
            book("01J9Z8Q4X7M2N3P4Q5R6S7T8W1", "2026-01-10", 3),
            {"kind": "book", "command_id": "01J9Z8Q4X7M2N3P4Q5R6S7T8W2"},
            book("01J9Z8Q4X7M2N3P4Q5R6S7T8W3", "2026-01-20", 3),
            book("01J9Z8Q4X7M2N3P4Q5R6S7T8W4", "2026-01-25", 1),
        ]}));
        assert_eq!(r.status, 200, "{}", r.body);
        let results = r.body["results"].as_array().unwrap();
        let statuses: Vec<u64> = results.iter().map(|x| x["status"].as_u64().unwrap()).collect();
        // The malformed one is its own 400; the fourth sees the first and third: over her limit.
        assert_eq!(statuses, [201, 400, 201, 409], "{}", r.body);
        assert!(results[1]["body"]["message"].as_str().unwrap().contains("resident"), "{}", r.body);
        assert!(results[3]["body"]["message"].as_str().unwrap().contains("利用上限"), "{}", r.body);
        assert_eq!(results[0]["body"]["result"]["booking"]["terminal"], "oji-1/clerk");
        let first = results[0]["body"].clone();
        let code = first["result"]["booking"]["code"].as_str().unwrap().to_string();

        // Sent again with a cancellation by code and the refused one anew: the first is
        // answered as before, the cancellation frees her days for the booking after it.
        let r = s.post("/v1/commands", st, &json!({"commands": [
            book("01J9Z8Q4X7M2N3P4Q5R6S7T8W1", "2026-01-10", 3),
            {"kind": "cancel", "command_id": "01J9Z8Q4X7M2N3P4Q5R6S7T8W5", "booking": code,
             "at": "2026-01-05T10:30"},
            book("01J9Z8Q4X7M2N3P4Q5R6S7T8W4", "2026-01-25", 1),
            {"kind": "no-such", "command_id": "01J9Z8Q4X7M2N3P4Q5R6S7T8W6"},
        ]}));
        assert_eq!(r.status, 200, "{}", r.body);
        let results = r.body["results"].as_array().unwrap();
        let statuses: Vec<u64> = results.iter().map(|x| x["status"].as_u64().unwrap()).collect();
        assert_eq!(statuses, [201, 200, 201, 400], "{}", r.body);
        assert_eq!((&results[0]["body"], &results[0]["replayed"]), (&first, &json!(true)));
        assert_eq!(results[1]["body"]["result"]["booking"]["status"], "cancelled");
        let q = s.get("/v1/residents/R1/quota", st, None);
        assert_eq!(q.body["quota"]["day"]["used"], 4, "{}", q.body);
        let list = s.get("/v1/bookings?resident=R1", st, None);
        assert_eq!(list.body["bookings"].as_array().unwrap().len(), 3, "{}", list.body);

        // Too many at once is the request's 400; none is decided.
        let many: Vec<Value> = (0..501).map(|_| json!({"kind": "book"})).collect();
        let r = s.post("/v1/commands", st, &json!({ "commands": many }));
        assert_eq!(r.status, 400, "{}", r.body);
        // A kiosk may not send commands.
        let kiosk = enroll(d.path(), "kiosk-1", "kiosk");
        let r = s.post("/v1/commands", Some(&kiosk), &json!({"commands": []}));
        assert_eq!(r.status, 403, "{}", r.body);
    }

    fn sigterm_stops_the_server_cleanly() {
        let d = dir();
        let mut s = start(d.path());
        assert_eq!(s.get("/v1/health", None, None).status, 200);
        let status = s.terminate();
        assert!(status.success(), "{status:?}: {}", s.logs.lock().unwrap());
        assert!(!s.logs.lock().unwrap().contains("panicked"), "{}", s.logs.lock().unwrap());
    }

    fn every_endpoint_is_documented_in_docs_api_md_and_answers_as_documented() {
        let doc = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/api.md")).unwrap();
        let documented = endpoint_table(&doc);
        let mut routes = sango::server::routes::route_table();
        routes.sort();
        let mut listed: Vec<(String, String, String)> =
            documented.iter().map(|e| (e.0.clone(), e.1.clone(), e.2.clone())).collect();
        listed.sort();
        assert_eq!(listed, routes, "docs/api.md's table and the server's routes differ");

        let d = dir();
        let staff = enroll(d.path(), "oji-1", "staff");
        let kiosk = enroll(d.path(), "kiosk-1", "kiosk");
        let s = start(d.path());
        s.sign_in(d.path(), &staff);
        add(&s, &staff, "R1", "2026-01-01");
        for (method, path, role, statuses) in &documented {
            let concrete = path
                .replace("/facilities/{id}", &format!("/facilities/{DAY}"))
                .replace("/residents/{id}", "/residents/R1")
                .replace("/bookings/{id}", "/bookings/01J9Z8Q4X7M2N3P4Q5R6S7T8V9");
            let token = match role.as_str() {
                "none" => None,
                "kiosk" => Some(kiosk.as_str()),
                _ => Some(staff.as_str()),
            };
            let r = match method.as_str() {
                "GET" => s.get(&concrete, token, None),
                "POST" => s.post(&concrete, token, &json!({})),
                m => panic!("undocumented method {m}"),
            };
            assert!(statuses.contains(&r.status), "{method} {path}: {} not in {statuses:?}: {}", r.status, r.body);
            if role != "none" {
                let r = match method.as_str() {
                    "GET" => s.get(&concrete, None, None),
                    _ => s.post(&concrete, None, &json!({})),
                };
                assert_eq!(r.status, 401, "{method} {path} without a token");
                assert!(statuses.contains(&401), "{method} {path}: 401 is not documented");
            }
        }
        // No other route: an unknown path or method is refused.
        assert_eq!(s.get("/v1/nothing", Some(&staff), None).status, 404);
        assert_eq!(s.post("/v1/residents/R1", Some(&staff), &json!({})).status, 405);
    }

    fn writes_need_a_sign_in_made_at_that_terminal_and_record_the_staff_member_and_the_terminal() {
        let d = dir();
        let oji1 = enroll(d.path(), "oji-1", "staff");
        let oji2 = enroll(d.path(), "oji-2", "staff");
        let kiosk = enroll(d.path(), "kiosk-1", "kiosk");
        add_staff(d.path(), "k.tanaka");
        add_staff(d.path(), "m.sato");
        let s = start(d.path());
        let resident = json!({"id": "R1", "birth": "2026-01-01", "at": "2026-01-05T09:00"});
        // No sign-in: writes are refused, reads are not.
        let r = s.post_signed("/v1/residents", &oji1, None, &resident);
        assert_eq!((r.status, r.body["error"].as_str()), (401, Some("signin_required")), "{}", r.body);
        assert!(r.body["message"].as_str().unwrap().contains("sango login"), "{}", r.body);
        let r = s.post_signed("/v1/bookings", &oji1, None, &book_body("01J9Z8Q4X7M2N3P4Q5R6S7T8V9", "2026-01-10", 3));
        assert_eq!(r.body["error"], "signin_required");
        assert_eq!(s.get("/v1/residents", Some(&oji1), None).status, 200);
        // A kiosk cannot sign in; a wrong id and a wrong password are one answer.
        assert_eq!(s.login(&kiosk, "k.tanaka", PASSWORD).status, 403);
        let wrong = s.login(&oji1, "k.tanaka", "not the password");
        let nobody = s.login(&oji1, "nobody", PASSWORD);
        assert_eq!((wrong.status, nobody.status), (401, 401));
        assert_eq!(wrong.body, nobody.body);
        // Signed in at oji-1: its writes record oji-1/k.tanaka.
        let ok = s.login(&oji1, " k.tanaka ", PASSWORD);
        assert_eq!(ok.status, 200, "{}", ok.body);
        assert_eq!((ok.body["staff"].as_str(), ok.body["terminal"].as_str()), (Some("k.tanaka"), Some("oji-1")));
        assert_eq!(ok.body["expires_idle_secs"], 1800);
        let signin = ok.body["signin"].as_str().unwrap().to_string();
        assert!(signin.starts_with("sango_signin_"), "{signin}");
        let r = s.post_signed("/v1/residents", &oji1, Some(&signin), &resident);
        assert_eq!(r.status, 201, "{}", r.body);
        let book = book_body("01J9Z8Q4X7M2N3P4Q5R6S7T8V9", "2026-01-10", 3);
        let r = s.post_signed("/v1/bookings", &oji1, Some(&signin), &book);
        assert_eq!(r.status, 201, "{}", r.body);
        assert_eq!(r.body["result"]["booking"]["terminal"], "oji-1/k.tanaka", "{}", r.body);
        let page = s.get("/v1/changes", Some(&oji1), None).body;
        let kinds: Vec<(String, String)> = page["events"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| (e["kind"].as_str().unwrap().to_string(), e["terminal"].as_str().unwrap().to_string()))
            .collect();
        assert!(kinds.contains(&("resident_added".into(), "oji-1/k.tanaka".into())), "{kinds:?}");
        assert!(kinds.iter().any(|(k, t)| k == "booked" && t == "oji-1/k.tanaka"), "{kinds:?}");
        // The same command sent again under another clerk's sign-in at the same terminal is
        // the same command: answered as before, nothing booked twice.
        let sato = s.login(&oji1, "m.sato", PASSWORD).body["signin"].as_str().unwrap().to_string();
        let again = s.post_signed("/v1/bookings", &oji1, Some(&sato), &book);
        assert_eq!((again.status, again.replayed.as_deref()), (201, Some("true")), "{}", again.body);
        // Another terminal's token with this sign-in: refused, and it cannot end it.
        let r = s.post_signed("/v1/bookings", &oji2, Some(&signin), &book_body("01J9Z8Q4X7M2N3P4Q5R6S7T8VA", "2026-01-20", 1));
        assert_eq!(r.body["error"], "signin_required", "{}", r.body);
        let r = s.post_signed("/v1/logout", &oji2, Some(&signin), &json!({}));
        assert_eq!((r.status, r.body["signed_out"].as_bool()), (200, Some(false)));
        // Logout ends it.
        let r = s.post_signed("/v1/logout", &oji1, Some(&signin), &json!({}));
        assert_eq!((r.status, r.body["signed_out"].as_bool()), (200, Some(true)));
        let r = s.post_signed("/v1/bookings", &oji1, Some(&signin), &book_body("01J9Z8Q4X7M2N3P4Q5R6S7T8VB", "2026-01-20", 1));
        assert_eq!(r.body["error"], "signin_required", "{}", r.body);
        // Never a password or a sign-in in the log; a write made under a sign-in names the
        // staff member, a read or a refused write names none.
        std::thread::sleep(std::time::Duration::from_millis(200));
        let logs = s.logs.lock().unwrap().clone();
        assert!(!logs.contains(&signin) && !logs.contains(PASSWORD), "{logs}");
        let lines: Vec<Value> = logs.lines().filter_map(|l| serde_json::from_str(l).ok()).collect();
        let line = |method: &str, path: &str, status: u64| {
            lines
                .iter()
                .find(|l| l["method"] == method && l["path"] == path && l["status"] == status)
                .unwrap_or_else(|| panic!("no {method} {path} {status} in {logs}"))
                .clone()
        };
        let written = line("POST", "/v1/residents", 201);
        assert_eq!((written["terminal"].as_str(), written["staff"].as_str()), (Some("oji-1"), Some("k.tanaka")), "{written}");
        assert!(line("POST", "/v1/residents", 401)["staff"].is_null());
        assert!(line("GET", "/v1/residents", 200)["staff"].is_null());
        assert!(line("GET", "/v1/changes", 200)["staff"].is_null());
    }

    fn repeated_wrong_passwords_lock_out_that_staff_id() {
        let d = dir();
        let oji1 = enroll(d.path(), "oji-1", "staff");
        add_staff(d.path(), "k.tanaka");
        add_staff(d.path(), "m.sato");
        let s = start(d.path());
        for _ in 0..5 {
            assert_eq!(s.login(&oji1, "k.tanaka", "not the password").status, 401);
        }
        let r = s.login(&oji1, "k.tanaka", PASSWORD);
        assert_eq!((r.status, r.body["error"].as_str()), (429, Some("locked_out")), "{}", r.body);
        assert_eq!(s.login(&oji1, "m.sato", PASSWORD).status, 200, "another staff id is not locked");
    }

    fn sign_ins_and_lockouts_survive_a_restart_of_the_server() {
        let d = dir();
        let oji1 = enroll(d.path(), "oji-1", "staff");
        let k1 = enroll(d.path(), "kiosk-1", "kiosk");
        let k2 = enroll(d.path(), "kiosk-2", "kiosk");
        add_staff(d.path(), "k.tanaka");
        add_staff(d.path(), "m.sato");
        add_resident(d.path(), "R1", "2026-01-01", &[]);
        add_resident(d.path(), "R2", "2026-01-02", &[]);
        let s = start(d.path());
        let signin = s.login(&oji1, "k.tanaka", PASSWORD).body["signin"].as_str().unwrap().to_string();
        for _ in 0..5 {
            assert_eq!(s.login(&oji1, "m.sato", "not the password").status, 401);
        }
        let id = |s: &Server, k: &str, u: &str, b: &str| {
            s.post("/v1/kiosk/identify", Some(k), &json!({"user_number": u, "baby_birth": b})).status
        };
        for day in 10..15 {
            assert_eq!(id(&s, &k1, "R1", &format!("2026-01-{day}")), 403);
        }
        assert_eq!(s.login(&oji1, "m.sato", PASSWORD).status, 429);
        // The store keeps the sign-in by its hash only, never the token.
        let store = open_practice(d.path());
        assert!(store.signin(&sango::credentials::token_hash(&signin)).unwrap().is_some());
        assert!(store.signin(&signin).unwrap().is_none());
        drop(store);

        // The server dies and starts again on the same store.
        drop(s);
        let s = start(d.path());
        let add = |id: &str| s.post_signed("/v1/residents", &oji1, Some(&signin), &json!({"id": id, "birth": "2026-01-01", "at": "2026-01-05T09:00"}));
        let r = add("R3");
        assert_eq!(r.status, 201, "the sign-in still works: {}", r.body);
        // The lockouts still hold: even the right password and the right answer are refused.
        let r = s.login(&oji1, "m.sato", PASSWORD);
        assert_eq!((r.status, r.body["error"].as_str()), (429, Some("locked_out")), "{}", r.body);
        assert_eq!(id(&s, &k1, "R2", "2026-01-02"), 429, "the kiosk is locked out");
        assert_eq!(id(&s, &k2, "R1", "2026-01-01"), 429, "the user number is locked out");
        assert_eq!(id(&s, &k2, "R2", "2026-01-02"), 200);
        assert_eq!(s.login(&oji1, "k.tanaka", PASSWORD).status, 200, "another staff id is not locked");
        // Logout ends it for good, across a restart too.
        let r = s.post_signed("/v1/logout", &oji1, Some(&signin), &json!({}));
        assert_eq!(r.body["signed_out"], true);
        drop(s);
        let s = start(d.path());
        let r = s.post_signed("/v1/residents", &oji1, Some(&signin), &json!({"id": "R4", "birth": "2026-01-01"}));
        assert_eq!(r.body["error"], "signin_required", "{}", r.body);
    }

    fn a_sign_in_ends_after_the_idle_time_without_a_request() {
        let d = dir();
        let oji1 = enroll(d.path(), "oji-1", "staff");
        add_staff(d.path(), "k.tanaka");
        let s = start_with(d.path(), &["--signin-idle-secs", "1"]);
        let ok = s.login(&oji1, "k.tanaka", PASSWORD);
        assert_eq!(ok.body["expires_idle_secs"], 1, "{}", ok.body);
        let signin = ok.body["signin"].as_str().unwrap();
        let add = |id: &str| s.post_signed("/v1/residents", &oji1, Some(signin), &json!({"id": id, "birth": "2026-01-01"}));
        assert_eq!(add("R1").status, 201);
        std::thread::sleep(std::time::Duration::from_millis(1500));
        let r = add("R2");
        assert_eq!((r.status, r.body["error"].as_str()), (401, Some("signin_required")), "{}", r.body);
    }

    fn a_kiosk_reads_her_record_quota_and_bookings_at_once_and_cancels_only_hers() {
        let d = dir();
        let staff = enroll(d.path(), "oji-1", "staff");
        let kiosk = enroll(d.path(), "kiosk-1", "kiosk");
        let s = start(d.path());
        s.sign_in(d.path(), &staff);
        add(&s, &staff, "R1", "2026-01-01");
        add(&s, &staff, "R2", "2026-01-02");
        let r = s.post("/v1/bookings", Some(&staff), &book_body("01J9Z8Q4X7M2N3P4Q5R6S7T8V9", "2026-01-10", 2));
        assert_eq!(r.status, 201, "{}", r.body);
        let hers = r.body["result"]["booking"]["id"].as_str().unwrap().to_string();
        let mut theirs = book_body("01J9Z8Q4X7M2N3P4Q5R6S7T8VA", "2026-01-12", 1);
        theirs["resident"] = json!("R2");
        let r = s.post("/v1/bookings", Some(&staff), &theirs);
        let other = r.body["result"]["booking"]["id"].as_str().unwrap().to_string();
        let k = Some(kiosk.as_str());
        // No session: nothing; a staff terminal is not a kiosk.
        assert_eq!(s.get("/v1/kiosk/me", k, None).status, 403);
        assert_eq!(s.get("/v1/kiosk/me", Some(&staff), None).status, 403);
        let ok = s.post("/v1/kiosk/identify", k, &json!({"user_number": "R1", "baby_birth": "2026-01-01"}));
        let session = ok.body["session"].as_str().unwrap().to_string();
        let me = s.get("/v1/kiosk/me", k, Some(&session));
        assert_eq!(me.status, 200, "{}", me.body);
        assert_eq!(me.body["resident"]["id"], "R1");
        assert_eq!(me.body["resident"]["birth"], "2026-01-01", "what the wizard's checks need");
        assert_eq!(me.body["quota"]["day"]["used"], 2, "{}", me.body);
        assert_eq!(me.body["bookings"].as_array().unwrap().len(), 1);
        assert_eq!(me.body["practice"], true);
        assert!(!me.body["store_id"].as_str().unwrap().is_empty());
        assert!(!me.body.to_string().contains("\"R2\""), "nobody else's data: {}", me.body);
        // Cancelling: another mother's booking is unknown to her; hers is cancelled, once.
        let cancel = |id: &str, cid: &str, session: Option<&str>| {
            let body = json!({"command_id": cid, "at": "2026-01-06T10:00"});
            s.post_session(&format!("/v1/kiosk/bookings/{id}/cancel"), &kiosk, session, &body)
        };
        assert_eq!(cancel(&hers, "01J9Z8Q4X7M2N3P4Q5R6S7T8VB", None).status, 403);
        let r = cancel(&other, "01J9Z8Q4X7M2N3P4Q5R6S7T8VB", Some(&session));
        assert_eq!(r.status, 404, "{}", r.body);
        let r = cancel(&hers, "01J9Z8Q4X7M2N3P4Q5R6S7T8VC", Some(&session));
        assert_eq!(r.status, 200, "{}", r.body);
        assert_eq!(r.body["result"]["booking"]["status"], "cancelled", "{}", r.body);
        let again = cancel(&hers, "01J9Z8Q4X7M2N3P4Q5R6S7T8VC", Some(&session));
        assert_eq!((again.status, again.replayed.as_deref()), (200, Some("true")), "{}", again.body);
        let all = s.get("/v1/bookings", Some(&staff), None).body;
        let status = |id: &str| {
            all["bookings"].as_array().unwrap().iter().find(|b| b["id"] == id).unwrap()["status"].clone()
        };
        assert_eq!((status(&hers), status(&other)), (json!("cancelled"), json!("booked")));
        let export = sango(d.path(), &["export", "--format", "json"]).ok();
        let cancelled = export["events"].as_array().unwrap().iter().find(|e| e["kind"] == "cancelled").cloned().unwrap();
        assert_eq!(cancelled["terminal"], "kiosk-1", "recorded with the kiosk's name");
    }

    fn a_kiosks_request_for_staff_books_nothing_is_kept_once_and_reaches_the_feed() {
        let d = dir();
        let staff = enroll(d.path(), "oji-1", "staff");
        let kiosk = enroll(d.path(), "kiosk-1", "kiosk");
        let s = start(d.path());
        s.sign_in(d.path(), &staff);
        add(&s, &staff, "R1", "2026-01-01");
        let cid = "01J9Z8Q4X7M2N3P4Q5R6S7T8WA";
        let request = json!({
            "command_id": cid, "user_number": "r1", "facility": DAY, "type": "day",
            "start": "2026-01-10", "days": 1, "at": "2026-01-05T10:00",
        });
        let path = "/v1/kiosk/requests";
        assert_eq!(s.post(path, Some(&staff), &request).status, 403, "a kiosk's alone");
        let r = s.post(path, Some(&kiosk), &request);
        assert_eq!(r.status, 201, "{}", r.body);
        assert_eq!(r.body["event"]["kind"], "kiosk_request");
        assert_eq!(r.body["event"]["subject"], cid);
        assert_eq!(r.body["event"]["terminal"], "kiosk-1");
        assert_eq!(r.body["event"]["data"]["user_number"], "R1", "normalised");
        assert_eq!(r.body["event"]["data"]["asked_at"], "2026-01-05T10:00");
        let again = s.post(path, Some(&kiosk), &request);
        assert_eq!((again.status, again.replayed.as_deref()), (200, Some("true")));
        assert_eq!(again.body["event"]["id"], r.body["event"]["id"], "recorded once");
        let mut bad = request.clone();
        bad["facility"] = json!("nowhere");
        assert_eq!(s.post(path, Some(&kiosk), &bad).status, 404);
        let mut bad = request.clone();
        bad["resident"] = json!("R1");
        assert_eq!(s.post(path, Some(&kiosk), &bad).status, 400);
        // Nothing booked; the feed carries the request, and its resolution, to staff.
        let all = s.get("/v1/bookings", Some(&staff), None).body;
        assert_eq!(all["bookings"], json!([]));
        let resolve = json!({"resolution": "note", "note": "phoned her: booked at the counter",
            "command": r.body["event"]["data"], "refusal": "a kiosk's request"});
        let done = s.post(&format!("/v1/reviews/{cid}/resolve"), Some(&staff), &resolve);
        assert_eq!(done.status, 201, "{}", done.body);
        let feed = s.get("/v1/changes?since=0", Some(&staff), None).body;
        let kinds: Vec<&str> = feed["events"].as_array().unwrap().iter().filter_map(|e| e["kind"].as_str()).collect();
        assert!(kinds.contains(&"kiosk_request") && kinds.contains(&"review_resolved"), "{kinds:?}");
    }

    fn a_kiosks_staff_pin_lockout_is_an_event_recorded_with_its_name() {
        let d = dir();
        let staff = enroll(d.path(), "oji-1", "staff");
        let kiosk = enroll(d.path(), "kiosk-1", "kiosk");
        let s = start(d.path());
        let path = "/v1/kiosk/pin-lockouts";
        assert_eq!(s.post(path, Some(&staff), &json!({"locked_secs": 60})).status, 403);
        assert_eq!(s.post(path, Some(&kiosk), &json!({"locked_secs": 0})).status, 400);
        assert_eq!(s.post(path, Some(&kiosk), &json!({"secs": 60})).status, 400);
        let r = s.post(path, Some(&kiosk), &json!({"locked_secs": 60}));
        assert_eq!(r.status, 201, "{}", r.body);
        assert_eq!(r.body["event"]["kind"], "pin_locked_out");
        assert_eq!(r.body["event"]["subject"], "kiosk-1");
        assert_eq!(r.body["event"]["terminal"], "kiosk-1");
        assert_eq!(r.body["event"]["data"]["locked_secs"], 60);
    }
}

/// The rows of docs/api.md's endpoint table: `| METHOD | PATH | ROLE | STATUSES |`.
fn endpoint_table(doc: &str) -> Vec<(String, String, String, Vec<u16>)> {
    let mut rows = Vec::new();
    for line in doc.lines() {
        let cells: Vec<&str> = line.trim().trim_matches('|').split('|').map(str::trim).collect();
        if cells.len() < 4 || !matches!(cells[0], "GET" | "POST" | "PUT" | "DELETE" | "PATCH") {
            continue;
        }
        let path = cells[1].trim_matches('`').to_string();
        let statuses = cells[3].split(',').map(|s| s.trim().parse::<u16>().unwrap()).collect();
        rows.push((cells[0].to_string(), path, cells[2].to_string(), statuses));
    }
    assert!(rows.len() >= 10, "the endpoint table of docs/api.md: {rows:?}");
    rows
}

#[test]
fn plain_http_off_loopback_is_refused_and_serve_needs_listen_or_a_subcommand() {
    let d = tempfile::tempdir().unwrap();
    let r = finish(command(d.path(), &["serve", "--listen", "0.0.0.0:0"]).output().unwrap());
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("plain HTTP") && r.stderr.contains("loopback"), "{}", r.stderr);
    assert!(r.stdout.is_empty());
    let r = finish(command(d.path(), &["serve", "--listen", "nowhere"]).output().unwrap());
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("--listen"), "{}", r.stderr);
    let r = finish(command(d.path(), &["serve"]).output().unwrap());
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("--listen"), "{}", r.stderr);
    for idle in ["0", "86401", "soon"] {
        let args = ["serve", "--listen", "127.0.0.1:0", "--signin-idle-secs", idle];
        let r = finish(command(d.path(), &args).output().unwrap());
        assert_eq!(r.code, 2, "{idle}: {}", r.stderr);
        assert!(r.stderr.contains("--signin-idle-secs"), "{}", r.stderr);
    }
}
