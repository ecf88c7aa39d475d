//! End to end, in process: the kiosk app through a real `sango serve` on loopback (the
//! practice store, SQLite) with a kiosk token. A mother identifies at the server (a wrong try
//! shows the tries left; a number the server locked out is paused here too), books (booked on
//! the server, recorded with the kiosk's name) and cancels; the reset forgets her; a session
//! the server forgot asks her to identify again. The server away: public information works,
//! identification says plainly it cannot be done now. The server going away after she
//! identified: her booking is checked against what was read for her and kept as a request for
//! staff (仮予約・スタッフが確認します), delivered when the server is back, and listed for staff
//! to resolve. A staff PIN lockout there is an event on the server. And the real
//! binary in tmux: `sango --kiosk` with a server configured starts (it used to be refused),
//! identifies through it, and leaves only with the staff PIN, the terminal restored.

mod store_support;
#[path = "common/tmux.rs"]
mod tmux;
mod tui_common;

use crossterm::event::KeyCode;
use sango::i18n::Locale;
use sango::kiosk_client::KioskClient;
use sango::kiosk_outbox::KioskOutbox;
use sango::store::StoreKind;
use sango::terminal::Remote;
use sango::tui::app::App;
use sango::tui::kiosk::IdentifyNote;
use sango::tui::store_worker::StoreWorker;
use sango::tui::theme::{Theme, ThemeKind};
use serde_json::Value;
use store_support::serve::{Server, Term};
use store_support::*;
use tmux::{Tmux, tmux_available};
use tui_common::{PIN, ch, identify, key, pin_dir, screen, until};

const BIN: &str = env!("CARGO_BIN_EXE_sango");

/// The server's store: R-0001 (born 2026-10-01) and R-0002 with a stay (another mother).
fn ward(d: &std::path::Path) {
    add_resident(d, "R-0001", "2026-10-01", &[]);
    add_resident(d, "R-0002", "2026-09-15", &[]);
    book(d, "R-0002", STAY, "stay", "2026-11-27", &["--nights", "1", "--at", "2026-11-02T09:00"])
        .ok();
}

/// The kiosk app in process at kiosk terminal `t` (its worker on a kiosk client, as `sango
/// --kiosk` opens it with a server configured), its clock on 2026-11-20 10:30, moved as
/// `--at` moves it (so the server books at the kiosk's moment on the practice store).
fn kiosk_at(t: &Term, lang: Locale) -> App {
    let remote = Remote::new(&t.url, &t.token, None).unwrap();
    let outbox = KioskOutbox::in_dir(t.dir.path(), StoreKind::Practice);
    let ds = sango::dataset::load_embedded().unwrap();
    let open = move || KioskClient::new(remote.clone(), StoreKind::Practice, outbox.clone());
    let worker = StoreWorker::spawn_kiosk("test".into(), open, &ds);
    let theme = Theme::new(ThemeKind::Normal);
    let mut app = App::opening(ds, worker, lang, theme, tui_common::now());
    app.terminal_id = "local".into();
    app.clock_offset = chrono::TimeDelta::days(1);
    app.enter_kiosk(120, pin_dir(), 0);
    until(&mut app, |a| a.store_is_open() && !a.store.busy());
    app
}

/// Identifies by keys and waits for the answer (identified with her data read, or a note).
fn identify_and_wait(app: &mut App, number: &str, birth: &str) {
    identify(app, number, birth);
    until(app, |a| {
        a.session.identify.note.is_some()
            || (a.identified().is_some() && a.session.resident.is_some())
    });
}

/// Through the wizard: screening all no, a home visit at the first facility on 11/21; Enter
/// on the last step; waits for the answer.
fn book_a_visit(app: &mut App) {
    ch(app, 'n');
    for _ in 0..3 {
        ch(app, 'n');
    }
    key(app, KeyCode::Enter);
    key(app, KeyCode::Down);
    key(app, KeyCode::Down); // visit
    key(app, KeyCode::Enter);
    key(app, KeyCode::Enter); // first facility
    key(app, KeyCode::Right); // 11/21
    key(app, KeyCode::Enter);
    key(app, KeyCode::Enter);
    // Answered: booked or kept, refused, or (her session ended) the wizard gone.
    until(app, |a| a.session.wizard.as_ref().is_none_or(|w| w.done.is_some() || w.error.is_some()));
}

/// The server store's bookings of R-0001.
fn hers_on_server(d: &std::path::Path) -> Vec<Value> {
    let export = sango(d, &["export", "--format", "json"]).ok();
    let all = export["bookings"].as_array().cloned().unwrap_or_default();
    all.into_iter().filter(|b| b["resident"] == "R-0001").collect()
}

#[test]
fn a_kiosk_identifies_through_the_server_books_and_cancels_and_the_reset_forgets_her() {
    let d = dir();
    ward(d.path());
    let server = Server::start(d.path(), "127.0.0.1:0");
    let t = Term::kiosk(d.path(), "kiosk-1", &server.base);
    let mut app = kiosk_at(&t, Locale::En);

    // A wrong birth date: the generic words and the tries left, as on the ward's store.
    identify_and_wait(&mut app, "R-0001", "2026-10-02");
    assert_eq!(app.session.identify.note, Some(IdentifyNote::Failed));
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("could not be confirmed") && shown.contains("Tries left: 4"), "{shown}");
    assert!(app.identified().is_none());

    identify_and_wait(&mut app, "R-0001", "2026-10-01");
    assert_eq!(app.identified(), Some("R-0001"), "{:?}", app.session.flash);
    let info = app.session.resident.as_ref().unwrap();
    assert_eq!(info.resident.id, "R-0001");
    assert!(info.bookings.is_empty(), "nobody else's bookings: {:?}", info.bookings);

    book_a_visit(&mut app);
    let w = app.session.wizard.as_ref().unwrap();
    assert!(w.error.is_none() && !w.requested, "{:?}", w.error);
    let on_server = hers_on_server(d.path());
    assert_eq!(on_server.len(), 1, "{on_server:?}");
    assert_eq!(on_server[0]["terminal"], "kiosk-1", "recorded with the kiosk's name");
    assert_eq!(on_server[0]["status"], "booked");
    // Her data read again: the booking's code is shown.
    let code = on_server[0]["code"].as_str().unwrap().to_string();
    until(&mut app, |a| a.session.resident.as_ref().is_some_and(|r| r.bookings.len() == 1));
    let shown = screen(&mut app, 120, 40);
    assert!(shown.contains(&code), "{shown}");

    // Her bookings: x then y cancels it on the server.
    key(&mut app, KeyCode::Enter);
    ch(&mut app, 'b');
    ch(&mut app, 'x');
    ch(&mut app, 'y');
    until(&mut app, |a| {
        a.session.resident.as_ref().is_some_and(|r| r.bookings[0].status.is_cancelled())
    });
    assert_eq!(hers_on_server(d.path())[0]["status"], "cancelled");

    // The reset: nobody identified, nothing of hers left.
    key(&mut app, KeyCode::F(5));
    until(&mut app, |a| !a.store.busy());
    assert!(app.identified().is_none() && app.session.resident.is_none());
    assert!(!screen(&mut app, 80, 24).contains("R-0001"));
    drop(server);
}

#[test]
fn the_kiosk_holds_her_data_alone_and_forgets_it_and_her_session_at_the_reset() {
    use sango::kiosk_client::{Identify, Refusal};
    let d = dir();
    ward(d.path());
    let server = Server::start(d.path(), "127.0.0.1:0");
    let t = Term::kiosk(d.path(), "kiosk-1", &server.base);
    let remote = Remote::new(&t.url, &t.token, None).unwrap();
    let outbox = KioskOutbox::in_dir(t.dir.path(), StoreKind::Practice);
    let mut k = KioskClient::new(remote, StoreKind::Practice, outbox).unwrap();
    let birth = tui_common::d("2026-10-01");
    assert_eq!(k.identify("R-0001", birth), Ok(Identify::Yes("R-0001".into())));
    assert!(k.mine.resident("R-0001").unwrap().is_some(), "her record, for the wizard");
    assert!(k.mine.resident("R-0002").unwrap().is_none(), "nobody else's");
    assert!(k.mine.bookings(&Default::default()).unwrap().is_empty(), "nobody else's bookings");
    k.forget().unwrap();
    assert!(k.mine.resident("R-0001").unwrap().is_none(), "her data forgotten");
    // Without the session the server books nothing for her, and nothing is kept.
    let ds = sango::dataset::load_embedded().unwrap();
    let req = sango::store::BookingRequest {
        resident: "R-0001".into(),
        facility: "mizuki-josanin".into(),
        care: sango::domain::care::CareType::Day,
        start: tui_common::d("2026-11-25"),
        length: sango::domain::care::Length::Days(1),
    };
    let at = Some(tui_common::now());
    assert_eq!(k.book(&ds, &req, at, "kiosk-1"), Err(Refusal::SessionEnded));
    server.kill();
    assert_eq!(k.book(&ds, &req, at, "kiosk-1"), Err(Refusal::Offline), "no request without her");
    assert!(!KioskOutbox::in_dir(t.dir.path(), StoreKind::Practice).path().exists());
    assert!(hers_on_server(d.path()).is_empty());
}

#[test]
fn a_staff_pin_lockout_at_the_kiosk_is_recorded_on_the_server() {
    let d = dir();
    ward(d.path());
    let server = Server::start(d.path(), "127.0.0.1:0");
    let t = Term::kiosk(d.path(), "kiosk-1", &server.base);
    let mut app = kiosk_at(&t, Locale::En);
    tui_common::ctrl(&mut app, 'c');
    for i in 0..5 {
        sango::tui::kiosk::tick(&mut app, i * 1000);
        tui_common::typed(&mut app, "000000");
        key(&mut app, KeyCode::Enter);
    }
    assert!(screen(&mut app, 80, 24).contains("PIN entry is paused. Please wait 60 s."));
    until(&mut app, |a| !a.store.busy());
    let export = sango(d.path(), &["export", "--format", "json"]).ok();
    let locks: Vec<&Value> = export["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["kind"] == "pin_locked_out")
        .collect();
    assert_eq!(locks.len(), 1, "{export}");
    assert_eq!(locks[0]["terminal"], "kiosk-1");
    assert_eq!(locks[0]["data"]["locked_secs"], 60);
    assert!(!app.quit);
}

#[test]
fn a_number_the_server_locked_out_at_another_kiosk_is_paused_here_too() {
    let d = dir();
    ward(d.path());
    let server = Server::start(d.path(), "127.0.0.1:0");
    // Five wrong tries for R-0001 at another kiosk: the server locks the number out everywhere.
    let other = Term::kiosk(d.path(), "kiosk-2", &server.base);
    let remote = Remote::new(&other.url, &other.token, None).unwrap();
    let wrong = serde_json::json!({"user_number": "R-0001", "baby_birth": "2026-10-02"});
    for _ in 0..5 {
        let _ = remote.post("/v1/kiosk/identify", &wrong);
    }
    let t = Term::kiosk(d.path(), "kiosk-1", &server.base);
    for (lang, words) in
        [(Locale::En, "identification is paused"), (Locale::Ja, "本人確認をしばらく停止")]
    {
        let mut app = kiosk_at(&t, lang);
        identify_and_wait(&mut app, "R-0001", "2026-10-01");
        assert_eq!(app.session.identify.note, Some(IdentifyNote::Paused));
        assert!(app.identified().is_none(), "even with the right answer");
        let shown = screen(&mut app, 80, 24);
        assert!(shown.contains(words), "{shown}");
    }
    drop(server);
}

#[test]
fn a_session_the_server_forgot_asks_her_to_identify_again_and_books_nothing() {
    use sango::tui::app::Screen;
    let d = dir();
    ward(d.path());
    let server = Server::start(d.path(), "127.0.0.1:0");
    let addr = server.addr().to_string();
    let t = Term::kiosk(d.path(), "kiosk-1", &server.base);
    let mut app = kiosk_at(&t, Locale::En);
    identify_and_wait(&mut app, "R-0001", "2026-10-01");
    assert_eq!(app.identified(), Some("R-0001"));
    // A restart of the server forgets its sessions (as their 10 minutes passing would).
    server.kill();
    let server = Server::start(d.path(), &addr);
    book_a_visit(&mut app);
    assert!(app.identified().is_none() && app.session.resident.is_none());
    assert_eq!(app.session.screen, Screen::Identify);
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("Please identify yourself"), "{shown}");
    assert!(hers_on_server(d.path()).is_empty());
    drop(server);
}

#[test]
fn the_server_away_public_information_works_and_identification_says_it_cannot() {
    let d = dir();
    ward(d.path());
    let server = Server::start(d.path(), "127.0.0.1:0");
    let t = Term::kiosk(d.path(), "kiosk-1", &server.base);
    server.kill();
    for (lang, words) in [
        (Locale::En, "You cannot be identified right now"),
        (Locale::Ja, "ご本人の確認ができません"),
    ] {
        let mut app = kiosk_at(&t, lang);
        // The guide and the facilities come from the dataset.
        ch(&mut app, 'g');
        let shown = screen(&mut app, 120, 40);
        assert!(shown.contains("03-3908-7050"), "{shown}");
        key(&mut app, KeyCode::Esc);
        identify_and_wait(&mut app, "R-0001", "2026-10-01");
        assert_eq!(app.session.identify.note, Some(IdentifyNote::Offline));
        assert!(app.identified().is_none());
        let shown = screen(&mut app, 80, 24);
        assert!(shown.replace('\n', "").contains(words) || shown.contains(words), "{shown}");
        assert!(!app.quit, "a kiosk never leaves");
    }
}

#[test]
fn a_booking_while_the_server_is_away_is_a_request_for_staff_delivered_when_it_is_back() {
    let d = dir();
    ward(d.path());
    let server = Server::start(d.path(), "127.0.0.1:0");
    let addr = server.addr().to_string();
    let t = Term::kiosk(d.path(), "kiosk-1", &server.base);
    let staff = Term::signed_in(d.path(), "app-1", &server.base);
    let mut app = kiosk_at(&t, Locale::En);
    identify_and_wait(&mut app, "R-0001", "2026-10-01");
    assert_eq!(app.identified(), Some("R-0001"));

    // The server goes away after she identified: checked against what was read for her.
    server.kill();
    book_a_visit(&mut app);
    let w = app.session.wizard.as_ref().unwrap();
    assert!(w.requested && w.error.is_none(), "{:?}", w.error);
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("Provisional: staff will confirm"), "{shown}");
    assert!(shown.contains("not booked yet"), "{shown}");
    // Her bookings screen lists it as waiting, never as booked.
    until(&mut app, |a| !a.session.waiting.is_empty());
    key(&mut app, KeyCode::Enter);
    ch(&mut app, 'b');
    let shown = screen(&mut app, 100, 30);
    assert!(shown.contains("Provisional: staff will confirm"), "{shown}");
    assert!(shown.contains("provisional") && shown.contains("2026-11-21"), "{shown}");
    let outbox = KioskOutbox::in_dir(t.dir.path(), StoreKind::Practice);
    let kept = outbox.all().unwrap();
    assert_eq!(kept.len(), 1);
    assert_eq!(kept[0].user_number, "R-0001");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(outbox.path()).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "owner-only");
    }

    // The server back: the kiosk delivers it (its periodic sync), and the file goes.
    let server = Server::start(d.path(), &addr);
    let start = std::time::Instant::now();
    while outbox.path().exists() {
        assert!(start.elapsed() < std::time::Duration::from_secs(30), "never delivered");
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    assert!(hers_on_server(d.path()).is_empty(), "a request books nothing");

    // Staff see it in their review list, and resolve it once a clerk has acted.
    staff.login();
    staff.run(&["sync", "--json"]).ok();
    let list = staff.run(&["review", "list", "--json"]).ok();
    let review = list["review"].as_array().unwrap();
    assert_eq!(review.len(), 1, "{list}");
    assert_eq!(review[0]["kind"], "kiosk_request");
    assert_eq!(review[0]["command"]["user_number"], "R-0001");
    assert_eq!(review[0]["command"]["type"], "visit");
    let id = review[0]["id"].as_str().unwrap().to_string();
    staff
        .run(&["review", "resolve", &id, "--note", "phoned her: booked at the counter", "--json"])
        .ok();
    let list = staff.run(&["review", "list", "--json"]).ok();
    assert_eq!(list["review"], serde_json::json!([]), "resolved: off the list");
    let export = sango(d.path(), &["export", "--format", "json"]).ok();
    let kinds: Vec<&str> =
        export["events"].as_array().unwrap().iter().filter_map(|e| e["kind"].as_str()).collect();
    assert!(kinds.contains(&"kiosk_request") && kinds.contains(&"review_resolved"), "{kinds:?}");
    drop(server);
}

#[test]
fn the_real_kiosk_starts_through_the_server_and_leaves_only_with_the_pin_cleanly() {
    if !tmux_available("the_real_kiosk_starts_through_the_server") {
        return;
    }
    let d = dir();
    ward(d.path());
    let server = Server::start(d.path(), "127.0.0.1:0");
    let t = Term::kiosk(d.path(), "kiosk-1", &server.base);
    let conf = t.dir.path().join("config");
    sango::pin::set_pin(&conf, PIN).unwrap();
    let tmux = Tmux { socket: format!("sango-e2e-kiosk-server-{}", std::process::id()) };
    let script = format!(
        "env -u NO_COLOR SANGO_CONFIG_DIR='{conf}' SANGO_SERVER='{url}' SANGO_TOKEN='{token}' \
         SANGO_PRACTICE=1 TERM=xterm-256color '{BIN}' --kiosk --data-dir '{data}'; \
         echo \"exit=$?\"; stty -a | tr ' ' '\\n' | grep -x -e icanon -e -icanon; sleep 120",
        conf = conf.display(),
        url = server.base,
        token = t.token,
        data = t.dir.path().display(),
    );
    let out =
        tmux.run(&["new-session", "-d", "-s", "e2e", "-x", "100", "-y", "30", "sh", "-c", &script]);
    assert!(out.status.success(), "tmux new-session: {}", String::from_utf8_lossy(&out.stderr));
    tmux.wait_for("本人確認前");
    tmux.send(&["i"]);
    tmux.wait_for("利用者番号");
    tmux.text("R-0001");
    tmux.send(&["Down"]);
    tmux.text("2026-10-01");
    tmux.send(&["Enter"]);
    tmux.wait_for("利用者番号 R-0001");
    // q asks for the staff PIN; the PIN leaves, the terminal back in cooked mode.
    tmux.send(&["q"]);
    tmux.wait_for("職員PIN");
    tmux.text(PIN);
    tmux.send(&["Enter"]);
    tmux.wait_for("exit=0");
    let after = tmux.wait_for("icanon");
    assert!(!after.contains("-icanon"), "raw mode left on:\n{after}");
    drop(server);
}
