//! Terminals working through a ward's server (issue 14): the real binary, a real server on a
//! loopback socket, and three terminals each with its own data folder (replica and outbox),
//! `SANGO_SERVER` and `SANGO_TOKEN`. The server is killed and started again on the same store.

mod store_support;

use std::path::Path;
use std::process::Stdio;

use serde_json::Value;
use store_support::serve::{Server, Term};
use store_support::*;

/// The server store's bookings, read directly (no server configured).
fn server_bookings(dir: &Path) -> Value {
    sango(dir, &["bookings", "--json"]).ok()
}

fn count_on(bookings: &Value, day: &str) -> usize {
    bookings
        .as_array()
        .unwrap()
        .iter()
        // Past days read `used` (利用済み): not cancelled is what counts.
        .filter(|b| {
            let status = b["status"].as_str().unwrap();
            b["first_day"] == day && !status.starts_with("cancel") && status != "provisional"
        })
        .count()
}

on_both_engines! {
    fn two_centers_book_her_last_visit_offline_and_after_sync_exactly_one_is_booked() {
        let d = dir();
        add_resident(d.path(), "R1", "2026-01-01", &[]);
        let server = Server::start(d.path(), "127.0.0.1:0");
        let url = server.base.clone();
        let oji = Term::signed_in(d.path(), "oji-1", &url);
        let akabane = Term::signed_in(d.path(), "akabane-1", &url);
        let takinogawa = Term::signed_in(d.path(), "takinogawa-1", &url);

        // Online: the server decides in one round trip. Five of her six days are booked.
        let b = oji.book("2026-01-10", "3");
        let v = b.ok();
        assert_eq!(v["status"], "booked", "{v}");
        assert_eq!(v["terminal"], format!("oji-1/{}", oji.clerk()).as_str(), "{v}");
        assert!(v["code"].is_string(), "{v}");
        assert_eq!(oji.book("2026-01-20", "2").ok()["status"], "booked");
        // The other centers pull the feed: their replicas know the five days.
        for t in [&akabane, &takinogawa] {
            let s = t.run(&["sync", "--json"]).ok();
            assert_eq!((s["pushed"].as_u64(), s["rejected"].as_u64()), (Some(0), Some(0)), "{s}");
            assert!(s["pulled"].as_u64().unwrap() >= 3, "{s}");
            assert_eq!(t.run(&["bookings", "--json"]).ok(), server_bookings(d.path()));
        }

        // The server goes down. Both centers book her last day, each on another date.
        let addr = server.addr().to_string();
        server.kill();
        let a = akabane.book("2026-01-25", "1").ok();
        assert_eq!(a["status"], "provisional", "{a}");
        assert!(a["data_as_of"].is_string(), "{a}");
        assert_eq!(a["remaining"], 0, "{a}");
        let t = takinogawa.book("2026-01-26", "1").ok();
        assert_eq!(t["status"], "provisional", "{t}");
        // Offline, the replica's rules still hold on one terminal: her seventh day is refused.
        let over = takinogawa.book("2026-01-27", "1");
        assert!(over.refused().contains("利用上限"), "{}", over.stderr);
        // Offline sync: nothing is lost, it says how many wait.
        let s = akabane.run(&["sync", "--json"]);
        assert!(s.refused().contains("1 change(s) wait"), "{}", s.stderr);
        let st = akabane.run(&["sync", "--status", "--json"]).ok();
        assert!(st["offline_since"].is_string(), "{st}");
        assert!(st["data_as_of"].is_string(), "{st}");
        assert_eq!((st["pending"].as_u64(), st["review"].as_u64()), (Some(1), Some(0)), "{st}");
        // Nothing provisional is in the replica's bookings as a real booking; `bookings` marks
        // it as provisional, with the data's age, and says since when the server is away.
        let listed = akabane.run(&["bookings", "--json"]);
        assert!(listed.stderr.contains("offline since"), "{}", listed.stderr);
        let listed = listed.ok();
        assert_eq!(count_on(&listed, "2026-01-25"), 0, "{listed}");
        let marked: Vec<&Value> =
            listed.as_array().unwrap().iter().filter(|b| b["status"] == "provisional").collect();
        assert_eq!(marked.len(), 1, "{listed}");
        assert_eq!(marked[0]["command_id"], a["command_id"]);
        assert_eq!(marked[0]["first_day"], "2026-01-25");
        assert!(marked[0]["data_as_of"].is_string(), "{listed}");

        // The server is back on the same store and port: each center syncs, under the sign-in
        // made before the restart (the server keeps sign-ins in its store).
        let server = Server::start(d.path(), &addr);
        let sa = akabane.run(&["sync", "--json"]).ok();
        assert_eq!(
            (sa["pushed"].as_u64(), sa["rejected"].as_u64(), sa["pending"].as_u64()),
            (Some(1), Some(0), Some(0)),
            "{sa}"
        );
        let st = takinogawa.run(&["sync", "--json"]).ok();
        assert_eq!(
            (st["pushed"].as_u64(), st["rejected"].as_u64(), st["pending"].as_u64()),
            (Some(0), Some(1), Some(0)),
            "{st}"
        );
        let status = takinogawa.run(&["sync", "--status", "--json"]).ok();
        assert!(status["offline_since"].is_null(), "{status}");
        assert_eq!((status["pending"].as_u64(), status["review"].as_u64()), (Some(0), Some(1)));
        let on_server = server_bookings(d.path());
        assert_eq!(count_on(&on_server, "2026-01-25"), 1, "{on_server}");
        assert_eq!(count_on(&on_server, "2026-01-26"), 0, "{on_server}");
        // The refused one is in takinogawa's review list, naming the rule.
        let review = takinogawa.run(&["review", "list", "--json"]).ok();
        let items = review["review"].as_array().unwrap();
        assert_eq!(items.len(), 1, "{review}");
        assert_eq!(items[0]["kind"], "book");
        assert_eq!(items[0]["error"], "refused");
        assert!(items[0]["message"].as_str().unwrap().contains("利用上限"), "{review}");
        assert_eq!(items[0]["id"], t["command_id"]);
        assert_eq!(akabane.run(&["review", "list", "--json"]).ok()["review"], serde_json::json!([]));
        // A clerk resolves it: an event on the server, once however often it is sent; the entry
        // leaves the list.
        let cid = t["command_id"].as_str().unwrap();
        let resolve = ["review", "resolve", cid, "--note", "phoned her: no day left", "--json"];
        let r = takinogawa.run(&resolve).ok();
        assert_eq!(r["event"]["kind"], "review_resolved", "{r}");
        assert_eq!(r["event"]["subject"], cid);
        assert_eq!(r["event"]["terminal"], format!("takinogawa-1/{}", takinogawa.clerk()).as_str());
        assert!(r["event"]["data"]["refusal"].as_str().unwrap().contains("利用上限"), "{r}");
        assert_eq!(takinogawa.run(&["review", "list", "--json"]).ok()["review"], serde_json::json!([]));
        let gone = takinogawa.run(&resolve);
        assert!(gone.refused().contains("not in this terminal's review list"), "{}", gone.stderr);
        let export = sango(d.path(), &["export", "--format", "json"]).ok();
        let resolved: Vec<&Value> = export["events"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["kind"] == "review_resolved")
            .collect();
        assert_eq!(resolved.len(), 1, "{export}");

        // Sync again, on every terminal: nothing more is sent, nothing is booked twice.
        for term in [&oji, &akabane, &takinogawa] {
            let s = term.run(&["sync", "--json"]).ok();
            assert_eq!((s["pushed"].as_u64(), s["rejected"].as_u64()), (Some(0), Some(0)), "{s}");
        }
        assert_eq!(server_bookings(d.path()), on_server);

        // A terminal killed during sync, after the server applied its command but before it
        // marked it sent: the command is sent again and answered as before (no duplicate).
        let conn = rusqlite::Connection::open(akabane.outbox()).unwrap();
        let n = conn
            .execute("UPDATE outbox SET state = 'pending', answer = NULL WHERE kind = 'book'", [])
            .unwrap();
        assert_eq!(n, 1);
        drop(conn);
        let again = akabane.run(&["sync", "--json"]).ok();
        assert_eq!((again["pushed"].as_u64(), again["rejected"].as_u64()), (Some(1), Some(0)));
        assert_eq!(server_bookings(d.path()), on_server);
        // And a sync really killed mid-way (whenever the kill lands), then run again.
        let mut child = takinogawa.cmd(&["sync"]).stdout(Stdio::null()).stderr(Stdio::null()).spawn().unwrap();
        std::thread::sleep(std::time::Duration::from_millis(30));
        let _ = child.kill();
        let _ = child.wait();
        takinogawa.run(&["sync", "--json"]).ok();
        assert_eq!(server_bookings(d.path()), on_server);

        // Every replica now matches the server's store.
        for term in [&oji, &akabane, &takinogawa] {
            assert_eq!(term.run(&["bookings", "--json"]).ok(), on_server);
        }
        drop(server);
    }
}

on_both_engines! {
    fn an_outbox_of_several_batches_is_decided_in_its_order_and_sent_again_without_duplicates() {
        let d = dir();
        for r in ["R1", "R2", "R3"] {
            add_resident(d.path(), r, "2026-01-01", &[]);
        }
        let server = Server::start(d.path(), "127.0.0.1:0");
        let t = Term::signed_in(d.path(), "oji-1", &server.base);
        t.run(&["sync", "--json"]).ok();
        // 600 one-day bookings waiting, as an offline `book` writes them: three mothers in
        // turn, on days 10, 11, 12, ... of February (six days each fit her day-care limit).
        let conn = rusqlite::Connection::open(t.outbox()).unwrap();
        for i in 0..600u32 {
            let resident = format!("R{}", i % 3 + 1);
            let cid = format!("01BATCH{i:019}");
            let day = chrono::NaiveDate::from_ymd_opt(2026, 2, 10).unwrap()
                + chrono::Days::new(u64::from(i / 3));
            let body = serde_json::json!({
                "command_id": cid, "resident": resident, "facility": DAY, "type": "day",
                "start": day.to_string(), "days": 1, "at": "2026-01-05T10:00",
            });
            conn.execute(
                "INSERT INTO outbox (command_id, kind, path, body, created_at, provisional, resident)
                 VALUES (?1, 'book', '/v1/bookings', ?2, '2026-01-05T10:00:00+09:00', 1, ?3)",
                rusqlite::params![cid, body.to_string(), resident],
            )
            .unwrap();
        }
        drop(conn);
        let s = t.run(&["sync", "--json"]).ok();
        // In order: each mother's first six are booked, the rest refused into review.
        assert_eq!(
            (s["pushed"].as_u64(), s["rejected"].as_u64(), s["pending"].as_u64()),
            (Some(18), Some(582), Some(0)),
            "{s}"
        );
        let on_server = server_bookings(d.path());
        let firsts: Vec<&str> =
            on_server.as_array().unwrap().iter().map(|b| b["first_day"].as_str().unwrap()).collect();
        assert_eq!(firsts.len(), 18, "{on_server}");
        assert!(firsts.iter().all(|f| *f <= "2026-02-15"), "{firsts:?}");
        let review = t.run(&["review", "list", "--json"]).ok();
        assert_eq!(review["review"].as_array().map(Vec::len), Some(582));
        assert!(review["review"][0]["message"].as_str().unwrap().contains("利用上限"), "{}", review["review"][0]);
        // Every command sent again (a crash before the decisions were kept): answered as
        // before, nothing booked twice.
        let conn = rusqlite::Connection::open(t.outbox()).unwrap();
        conn.execute("UPDATE outbox SET state = 'pending', answer = NULL, message = NULL", []).unwrap();
        drop(conn);
        let again = t.run(&["sync", "--json"]).ok();
        assert_eq!((again["pushed"].as_u64(), again["rejected"].as_u64()), (Some(18), Some(582)));
        assert_eq!(server_bookings(d.path()), on_server);
    }
}

#[test]
fn the_change_feed_is_for_staff_and_pages_in_order() {
    set_engine(Engine::Sqlite);
    let d = dir();
    add_resident(d.path(), "R1", "2026-01-01", &[]);
    add_resident(d.path(), "R2", "2026-01-02", &[]);
    let server = Server::start(d.path(), "127.0.0.1:0");
    let staff = Term::signed_in(d.path(), "oji-1", &server.base);
    let kiosk = sango(d.path(), &["serve", "terminal", "add", "k-1", "--role", "kiosk", "--json"])
        .ok()["token"]
        .as_str()
        .unwrap()
        .to_string();
    let agent: ureq::Agent =
        ureq::Agent::config_builder().http_status_as_error(false).build().into();
    let get = |path: &str, token: &str| {
        let mut r = agent
            .get(format!("{}{path}", server.base))
            .header("Authorization", format!("Bearer {token}"))
            .call()
            .unwrap();
        let status = r.status().as_u16();
        (status, serde_json::from_str::<Value>(&r.body_mut().read_to_string().unwrap()).unwrap())
    };
    let (status, _) = get("/v1/changes", &kiosk);
    assert_eq!(status, 403);
    let (status, page) = get("/v1/changes?since=0&limit=1", &staff.token);
    assert_eq!(status, 200, "{page}");
    assert_eq!(page["more"], true, "{page}");
    assert_eq!(page["format"], "sango-export");
    assert_eq!(page["practice"], true);
    let events = page["events"].as_array().unwrap();
    assert_eq!(events.len(), 1, "{page}");
    assert_eq!(page["residents"][0]["id"], "R1", "{page}");
    let next = page["next"].as_i64().unwrap();
    assert_eq!(events[0]["seq"].as_i64().unwrap(), next);
    let (_, rest) = get(&format!("/v1/changes?since={next}"), &staff.token);
    assert_eq!(rest["more"], false, "{rest}");
    assert_eq!(rest["residents"][0]["id"], "R2", "{rest}");
    let (status, _) = get("/v1/changes?limit=0", &staff.token);
    assert_eq!(status, 400);
    // A resolution of the review list is recorded once however often it is sent.
    let post = |path: &str, body: &Value| {
        let mut r = agent
            .post(format!("{}{path}", server.base))
            .header("Authorization", format!("Bearer {}", staff.token))
            .header("Sango-Signin", staff.signin())
            .send_json(body)
            .unwrap();
        let status = r.status().as_u16();
        let replayed = r
            .headers()
            .get("sango-replayed")
            .map_or(String::new(), |v| v.to_str().unwrap().to_string());
        (status, replayed, r.body_mut().read_to_string().unwrap())
    };
    let body = serde_json::json!({
        "resolution": "note", "note": "phoned her", "command": {"resident": "R1"},
        "refusal": "利用上限", "booking": null,
    });
    let path = "/v1/reviews/01J9Z8Q4X7M2N3P4Q5R6S7T8V9/resolve";
    let (s1, r1, b1) = post(path, &body);
    let (s2, r2, b2) = post(path, &body);
    assert_eq!((s1, r1.as_str(), s2, r2.as_str()), (201, "false", 200, "true"), "{b1} {b2}");
    assert_eq!(b1, b2);
    let (s3, _, _) = post("/v1/reviews/not-a-command/resolve", &body);
    assert_eq!(s3, 400);
    let (status, _) = get("/v1/changes?limit=10001", &staff.token);
    assert_eq!(status, 400);
}

#[test]
fn the_server_and_its_token_come_from_the_settings_and_a_private_token_file() {
    use std::os::unix::fs::PermissionsExt;
    set_engine(Engine::Sqlite);
    let d = dir();
    add_resident(d.path(), "R1", "2026-01-01", &[]);
    let server = Server::start(d.path(), "127.0.0.1:0");
    let term = Term::new(d.path(), "oji-1", &server.base);
    let config = term.dir.path().join("config");
    std::fs::create_dir(&config).unwrap();
    std::fs::write(config.join("config.toml"), format!("server = \"{}\"\n", server.base)).unwrap();
    let run = |args: &[&str]| {
        let mut c = plain_command(&[]);
        c.arg("--data-dir")
            .arg(term.dir.path())
            .args(args)
            .env("SANGO_PRACTICE", "1")
            .env("SANGO_CONFIG_DIR", &config);
        finish(c.output().unwrap())
    };
    // No token yet: refused, saying where it goes.
    let r = run(&["sync", "--json"]);
    assert!(r.refused().contains("no token"), "{}", r.stderr);
    // A token file others may read is not used.
    let token = config.join("token");
    std::fs::write(&token, format!("{}\n", term.token)).unwrap();
    std::fs::set_permissions(&token, std::fs::Permissions::from_mode(0o644)).unwrap();
    let r = run(&["sync", "--json"]);
    assert!(r.refused().contains("0644"), "{}", r.stderr);
    std::fs::set_permissions(&token, std::fs::Permissions::from_mode(0o600)).unwrap();
    let s = run(&["sync", "--json"]).ok();
    assert!(s["pulled"].as_u64().unwrap() >= 1, "{s}");
    assert_eq!(run(&["quota", "--resident", "R1", "--json"]).ok()["stay"]["used"], 0);
    // `config show` names the server, never the token.
    let shown = run(&["config", "show", "--json"]);
    let v = shown.ok();
    assert_eq!(v["values"]["server"]["value"], server.base.as_str(), "{v}");
    assert!(!shown.stdout.contains(&term.token));
    // A server off loopback, or a URL carrying a token, is refused by the settings.
    for bad in ["http://192.0.2.1:8080", "http://u:t@127.0.0.1:8080", "ftp://127.0.0.1:1"] {
        std::fs::write(config.join("config.toml"), format!("server = \"{bad}\"\n")).unwrap();
        let r = run(&["config", "show"]);
        assert!(r.refused().contains("`server`"), "{bad}: {}", r.stderr);
    }
    // An import is the server's administrator's: refused through a server, saying where to
    // run it, before the file is even read.
    std::fs::write(config.join("config.toml"), format!("server = \"{}\"\n", server.base)).unwrap();
    let r = run(&["import", "/nonexistent/export.json"]);
    let why = r.refused();
    assert!(
        why.contains("administrative task") && why.contains("run it on the server's store"),
        "{why}"
    );
    assert!(why.contains("nothing was changed"), "{why}");
}

#[test]
fn a_replica_belongs_to_one_store_of_one_kind() {
    set_engine(Engine::Sqlite);
    let d = dir();
    add_resident(d.path(), "R1", "2026-01-01", &[]);
    let server = Server::start(d.path(), "127.0.0.1:0");
    let mut term = Term::new(d.path(), "oji-1", &server.base);
    term.run(&["sync", "--json"]).ok();
    // A live terminal of a practice server: refused, the kinds never mix.
    let mut live = term.cmd(&["sync", "--json"]);
    live.env_remove("SANGO_PRACTICE");
    let r = finish(live.output().unwrap());
    assert!(r.refused().contains("live and practice data never mix"), "{}", r.stderr);
    // The same terminal pointed at another ward's store: its replica is refused.
    let other = dir();
    add_resident(other.path(), "R9", "2026-01-01", &[]);
    let second = Server::start(other.path(), "127.0.0.1:0");
    let token =
        sango(other.path(), &["serve", "terminal", "add", "oji-1", "--role", "staff", "--json"])
            .ok()["token"]
            .as_str()
            .unwrap()
            .to_string();
    term.url = second.base.clone();
    term.token = token;
    let r = term.run(&["sync", "--json"]);
    assert!(r.refused().contains("another store"), "{}", r.stderr);
    drop(server);
}

#[test]
fn cancellations_go_through_the_server_online_and_wait_in_the_outbox_offline() {
    set_engine(Engine::Sqlite);
    let d = dir();
    add_resident(d.path(), "R1", "2026-01-01", &[]);
    let server = Server::start(d.path(), "127.0.0.1:0");
    let oji = Term::signed_in(d.path(), "oji-1", &server.base);
    let first = oji.book("2026-01-10", "1").ok();
    let second = oji.book("2026-01-12", "1").ok();
    let third = oji.book("2026-01-14", "4").ok();
    assert_eq!(third["status"], "booked", "{third}");
    // Online, the server refuses over her limit at once (not into the review list).
    let over = oji.book("2026-01-20", "1");
    assert!(over.refused().contains("利用上限"), "{}", over.stderr);
    assert_eq!(oji.run(&["review", "list", "--json"]).ok()["review"], serde_json::json!([]));
    // Online cancellation, by the booking's code.
    let code = first["code"].as_str().unwrap();
    let c = oji.run(&["cancel", code, "--at", "2026-01-05T11:00", "--json"]).ok();
    assert_eq!((c["status"].as_str(), c["replayed"].as_bool()), (Some("cancelled"), Some(false)));
    // Offline: a provisional cancellation, sent on sync.
    let addr = server.addr().to_string();
    server.kill();
    let id = second["id"].as_str().unwrap();
    let c = oji.run(&["cancel", id, "--at", "2026-01-05T11:30", "--json"]).ok();
    assert_eq!(c["status"], "provisional", "{c}");
    let marked = oji.run(&["bookings", "--json"]).ok();
    assert!(
        marked
            .as_array()
            .unwrap()
            .iter()
            .any(|b| b["status"] == "provisional_cancel" && b["booking"] == id),
        "{marked}"
    );
    let server = Server::start(d.path(), &addr);
    oji.login();
    let s = oji.run(&["sync", "--json"]).ok();
    assert_eq!(
        (s["pushed"].as_u64(), s["rejected"].as_u64(), s["pending"].as_u64()),
        (Some(1), Some(0), Some(0))
    );
    let on_server = server_bookings(d.path());
    let status_of = |id: &str| {
        on_server.as_array().unwrap().iter().find(|b| b["id"] == id).unwrap()["status"].clone()
    };
    assert_eq!(status_of(first["id"].as_str().unwrap()), "cancelled");
    assert_eq!(status_of(id), "cancelled");
    assert_eq!(oji.run(&["bookings", "--json"]).ok(), on_server);
    assert_eq!(
        oji.run(&["quota", "--resident", "R1", "--json"]).ok(),
        sango(d.path(), &["quota", "--resident", "R1", "--json"]).ok()
    );
    drop(server);
}

#[test]
fn a_terminal_works_through_an_https_server_it_trusts_and_never_takes_distrust_for_offline() {
    use std::os::unix::fs::PermissionsExt;
    set_engine(Engine::Sqlite);
    let d = dir();
    add_resident(d.path(), "R1", "2026-01-01", &[]);
    let made = rcgen::generate_simple_self_signed(vec!["localhost".into()]).unwrap();
    let cert = d.path().join("cert.pem");
    std::fs::write(&cert, made.cert.pem()).unwrap();
    let key = d.path().join("key.pem");
    std::fs::write(&key, made.signing_key.serialize_pem()).unwrap();
    std::fs::set_permissions(&key, std::fs::Permissions::from_mode(0o600)).unwrap();
    let server = Server::start_with(
        d.path(),
        &[
            "--listen",
            "127.0.0.1:0",
            "--tls-cert",
            cert.to_str().unwrap(),
            "--tls-key",
            key.to_str().unwrap(),
        ],
    );
    assert!(server.base.starts_with("https://127.0.0.1:"), "{}", server.base);
    let url = server.base.replace("127.0.0.1", "localhost");
    let term = Term::new(d.path(), "oji-1", &url);
    add_staff(d.path(), &term.clerk());
    let login = with_stdin(
        term.cmd(&["login", &term.clerk(), "--json"]).env("SANGO_SERVER_CA", &cert),
        &format!("{PASSWORD}\n"),
    );
    assert_eq!(login.ok()["staff"], term.clerk().as_str());
    // Without the certificate to trust: refused, naming the setting.
    let r = term.book("2026-01-10", "1");
    assert!(r.refused().contains("server_ca"), "{}", r.stderr);
    // With a certificate the server's is not: an error, never a provisional booking.
    let stranger = rcgen::generate_simple_self_signed(vec!["localhost".into()]).unwrap();
    let wrong = d.path().join("stranger.pem");
    std::fs::write(&wrong, stranger.cert.pem()).unwrap();
    let r = finish(term.cmd(&["sync", "--json"]).env("SANGO_SERVER_CA", &wrong).output().unwrap());
    assert!(r.refused().contains("cannot talk to the server"), "{}", r.stderr);
    let b = finish(
        term.cmd(&[
            "book",
            "--resident",
            "R1",
            "--facility",
            DAY,
            "--type",
            "day",
            "--start",
            "2026-01-10",
            "--days",
            "1",
            "--at",
            "2026-01-05T10:00",
            "--json",
        ])
        .env("SANGO_SERVER_CA", &wrong)
        .output()
        .unwrap(),
    );
    assert_eq!(b.code, 1, "{} {}", b.stdout, b.stderr);
    // With the server's certificate: booked over TLS, and the replica pulled.
    let b = finish(
        term.cmd(&[
            "book",
            "--resident",
            "R1",
            "--facility",
            DAY,
            "--type",
            "day",
            "--start",
            "2026-01-10",
            "--days",
            "1",
            "--at",
            "2026-01-05T10:00",
            "--json",
        ])
        .env("SANGO_SERVER_CA", &cert)
        .output()
        .unwrap(),
    );
    assert_eq!(b.ok()["status"], "booked");
    let mine =
        finish(term.cmd(&["bookings", "--json"]).env("SANGO_SERVER_CA", &cert).output().unwrap());
    assert_eq!(mine.ok(), server_bookings(d.path()));
}

#[test]
fn staff_sign_in_at_a_terminal_is_a_private_file_until_logout_or_the_idle_time() {
    use std::os::unix::fs::PermissionsExt;
    set_engine(Engine::Sqlite);
    let d = dir();
    add_resident(d.path(), "R1", "2026-01-01", &[]);
    let server =
        Server::start_with(d.path(), &["--listen", "127.0.0.1:0", "--signin-idle-secs", "2"]);
    let term = Term::new(d.path(), "oji-1", &server.base);
    let file = term.dir.path().join("config").join("signin");
    let pending = || term.run(&["sync", "--status", "--json"]).ok()["pending"].as_u64().unwrap();
    // Nobody signed in: a write is refused at once and nothing waits in the outbox.
    let r = term.book("2026-01-10", "1");
    assert!(r.refused().contains("sign in first: sango login ID"), "{}", r.stderr);
    assert_eq!(pending(), 0);
    // A wrong password: refused, nothing kept.
    add_staff(d.path(), &term.clerk());
    let bad = with_stdin(&mut term.cmd(&["login", &term.clerk()]), "not the password\n");
    assert!(bad.refused().contains("wrong"), "{}", bad.stderr);
    assert!(!file.exists());
    // Signed in: the sign-in is kept owner-only and never printed.
    let ok = with_stdin(&mut term.cmd(&["login", &term.clerk()]), &format!("{PASSWORD}\n"));
    assert_eq!(ok.code, 0, "{}", ok.stderr);
    assert!(ok.stdout.contains("Signed in"), "{}", ok.stdout);
    let signin = term.signin();
    assert!(signin.starts_with("sango_signin_"));
    assert!(!ok.stdout.contains(&signin) && !ok.stderr.contains(&signin));
    let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    let b = term.book("2026-01-10", "1").ok();
    assert_eq!(b["status"], "booked", "{b}");
    assert!(!term.run(&["bookings", "--json"]).stdout.contains(&signin));
    let export = sango(d.path(), &["export", "--format", "json"]).ok();
    let who = format!("oji-1/{}", term.clerk());
    assert!(
        export["events"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["kind"] == "booked" && e["terminal"] == who.as_str()),
        "{export}"
    );
    // A sign-in file others may read is not used.
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
    let r = term.run(&["sync", "--json"]);
    assert!(r.refused().contains("0644"), "{}", r.stderr);
    // Signing in again replaces it, owner-only.
    term.login();
    let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    assert_ne!(term.signin(), signin, "a new sign-in");
    // Idle too long: the write waits in the outbox until the clerk signs in again.
    std::thread::sleep(std::time::Duration::from_millis(2500));
    let r = term.book("2026-01-12", "1");
    assert!(r.refused().contains("sign in first: sango login ID"), "{}", r.stderr);
    assert_eq!(pending(), 1);
    let r = term.run(&["sync", "--json"]);
    assert!(r.refused().contains("sign in first"), "{}", r.stderr);
    assert_eq!(pending(), 1);
    term.login();
    let s = term.run(&["sync", "--json"]).ok();
    assert_eq!((s["pushed"].as_u64(), s["pending"].as_u64()), (Some(1), Some(0)), "{s}");
    // Logout: the file is gone and writes need a sign-in again.
    let out = term.run(&["logout", "--json"]).ok();
    assert_eq!(
        (out["signed_out"].as_bool(), out["server"].as_bool()),
        (Some(true), Some(true)),
        "{out}"
    );
    assert!(!file.exists());
    let r = term.book("2026-01-14", "1");
    assert!(r.refused().contains("sign in first"), "{}", r.stderr);
}
