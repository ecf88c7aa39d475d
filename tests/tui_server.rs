//! End to end, the terminal app through a ward's server: a real `sango serve` on loopback (the
//! practice store, SQLite), a staff terminal enrolled with its token, and the real app in tmux.
//! The clerk signs in at start, books through the server (booked: the server decided), the
//! server dies, she books again (provisional 仮予約, the status line offline with 1 waiting),
//! the server comes back (her sign-in kept in its store: no new sign-in), and the outbox is
//! sent: both bookings are booked on the server and the app's list shows them. Esc leaves the
//! sign-in box (the status line says nobody is signed in), Ctrl-C in it leaves the app with
//! the terminal restored. The tmux tests are skipped with a notice when tmux is absent, except
//! in CI (see `tui_e2e`).
//!
//! And in process, on both engines: a command the server refused on sync is resolved from the
//! app's review screen, and the resolution is an event on the server; a kiosk's request for
//! staff (a booking it kept while the server was away) is listed there and resolved the same way.

mod store_support;
#[path = "common/tmux.rs"]
mod tmux;
mod tui_common;

use crossterm::event::KeyCode;
use sango::i18n::Locale;
use sango::store::StoreKind;
use sango::terminal::{Remote, Terminal};
use sango::tui::app::App;
use sango::tui::store_worker::StoreWorker;
use sango::tui::theme::{Theme, ThemeKind};
use store_support::serve::{Server, Term};
use store_support::*;
use tmux::{Tmux, tmux_available};
use tui_common::{ch, key, screen, typed, until};

const BIN: &str = env!("CARGO_BIN_EXE_sango");

fn today_jst() -> chrono::NaiveDate {
    sango::domain::jst::from_utc(chrono::Utc::now()).date()
}

/// Through the wizard for the resident chosen: screening all no, the first care type (stay),
/// the first facility, `right` days after the calendar's day, one night; Enter on the last step.
fn book_in_wizard(tmux: &Tmux, right: usize) {
    tmux.send(&["n"]);
    tmux.wait_for("利用者番号");
    tmux.send(&["Enter"]);
    tmux.wait_for("乳腺炎");
    tmux.send(&["n", "n", "n"]);
    tmux.wait_for("[x いいえ]");
    tmux.send(&["Enter"]);
    tmux.wait_for("利用する種類");
    tmux.send(&["Enter"]);
    tmux.wait_for("利用期間が残っている施設");
    tmux.send(&["Enter"]);
    tmux.wait_for("泊数を変更");
    for _ in 0..right {
        tmux.send(&["Right"]);
    }
    tmux.wait_for("予約できます");
    tmux.send(&["Enter"]);
    tmux.wait_for("[Enter 予約する]");
    tmux.send(&["Enter"]);
}

/// Signs in with the sign-in box open (the staff ID typed unless `id` is empty).
fn sign_in(tmux: &Tmux, id: &str) {
    tmux.wait_for("職員ID");
    if !id.is_empty() {
        tmux.text(id);
        tmux.send(&["Enter"]);
    }
    tmux.text(PASSWORD);
    tmux.send(&["Enter"]);
    tmux.wait_for("でサインインしました");
}

/// The app in tmux (100x30) at a new staff terminal `app-1` of `server`, in the terminal's
/// folder `term`; the exit code and the terminal's mode are printed when it ends.
fn app_in_tmux(d: &std::path::Path, server: &Server, term: &std::path::Path, name: &str) -> Tmux {
    let add = ["serve", "terminal", "add", "app-1", "--role", "staff", "--json"];
    let token = sango(d, &add).ok()["token"].as_str().unwrap().to_string();
    let tmux = Tmux { socket: format!("sango-e2e-{name}-{}", std::process::id()) };
    let script = format!(
        "env -u NO_COLOR SANGO_CONFIG_DIR='{conf}' SANGO_SERVER='{url}' SANGO_TOKEN='{token}' \
         SANGO_PRACTICE=1 SANGO_TERMINAL=app-1 TERM=xterm-256color '{BIN}' --data-dir '{data}'; \
         echo \"exit=$?\"; stty -a | tr ' ' '\\n' | grep -x -e icanon -e -icanon; sleep 120",
        conf = term.join("config").display(),
        url = server.base,
        data = term.display(),
    );
    let out =
        tmux.run(&["new-session", "-d", "-s", "e2e", "-x", "100", "-y", "30", "sh", "-c", &script]);
    assert!(out.status.success(), "tmux new-session: {}", String::from_utf8_lossy(&out.stderr));
    tmux
}

/// Waits for the app's end: exit 0, the terminal back in cooked mode.
fn ended_cleanly(tmux: &Tmux) {
    tmux.wait_for("exit=0");
    let after = tmux.wait_for("icanon");
    assert!(!after.contains("-icanon"), "raw mode left on:\n{after}");
    assert_eq!(tmux.format("#{alternate_on}"), "0", "back on the main screen");
}

#[test]
fn the_app_books_through_the_server_provisional_while_it_is_away_and_booked_after_sync() {
    if !tmux_available("the_app_books_through_the_server") {
        return;
    }
    let d = dir();
    let birth = (today_jst() - chrono::Days::new(20)).format("%Y-%m-%d").to_string();
    sango(d.path(), &["resident", "add", "--id", "R1", "--birth", &birth, "--json"]).ok();
    let server = Server::start(d.path(), "127.0.0.1:0");
    let addr = server.addr().to_string();
    add_staff(d.path(), "k.tanaka");
    let term = tempfile::tempdir().unwrap();
    let tmux = app_in_tmux(d.path(), &server, term.path(), "server");

    // Nobody signed in at this terminal: the app asks first.
    tmux.wait_for("サインイン");
    sign_in(&tmux, "k.tanaka");
    tmux.wait_for("オンライン");
    tmux.send(&["u"]);
    tmux.wait_for("番号で検索");
    tmux.text("R1");
    tmux.send(&["Enter"]);
    tmux.wait_for("利用者 R1");

    // Online: the server decides.
    book_in_wizard(&tmux, 1);
    let screen = tmux.wait_for("区の記録に登録しました");
    assert!(!screen.contains("仮予約"), "{screen}");
    tmux.send(&["Enter"]);
    tmux.wait_for("送信待ち0件");
    let on_server = sango(d.path(), &["bookings", "--json"]).ok();
    assert_eq!(on_server.as_array().map(Vec::len), Some(1), "{on_server}");
    assert_eq!(on_server[0]["terminal"], "app-1/k.tanaka", "{on_server}");

    // The server dies: the next booking is provisional, and the status line says so.
    server.kill();
    book_in_wizard(&tmux, 2);
    let screen = tmux.wait_for("仮予約");
    assert!(screen.contains("サーバーが決定します"), "{screen}");
    assert!(!screen.contains("予約番号"), "no booking number for a provisional one:\n{screen}");
    let screen = tmux.wait_for("送信待ち1件");
    assert!(screen.contains("オフライン("), "{screen}");
    tmux.send(&["Enter"]);
    // Her list: the booked one, and the provisional one below it, waiting to be sent.
    tmux.send(&["b"]);
    let screen = tmux.wait_for("送信待ち（");
    assert_eq!(screen.matches("予約済み").count(), 1, "{screen}");
    assert!(screen.contains("仮予約 東京北医療センター"), "{screen}");
    tmux.send(&["Escape"]);

    // Back (the server keeps sign-ins in its store): the outbox is sent at the next sync.
    let server = Server::start(d.path(), &addr);
    tmux.send(&["C-r"]);
    tmux.wait_for("送信待ち0件");
    let on_server = sango(d.path(), &["bookings", "--json"]).ok();
    let booked = on_server
        .as_array()
        .unwrap()
        .iter()
        .filter(|b| b["resident"] == "R1" && b["status"] == "booked")
        .count();
    assert_eq!(booked, 2, "{on_server}");
    // The app's list shows both, pulled into its replica.
    tmux.send(&["b"]);
    let start = std::time::Instant::now();
    loop {
        let screen = tmux.capture();
        if screen.matches("予約済み").count() == 2 {
            break;
        }
        assert!(start.elapsed().as_secs() < 20, "not both booked:\n{screen}");
        std::thread::sleep(std::time::Duration::from_millis(100));
    }

    tmux.send(&["Escape"]);
    tmux.send(&["q"]);
    ended_cleanly(&tmux);
    drop(server);
}

#[test]
fn esc_leaves_the_sign_in_box_and_ctrl_c_in_it_leaves_the_app_cleanly() {
    if !tmux_available("esc_leaves_the_sign_in_box") {
        return;
    }
    let d = dir();
    let server = Server::start(d.path(), "127.0.0.1:0");
    let term = tempfile::tempdir().unwrap();
    let tmux = app_in_tmux(d.path(), &server, term.path(), "signin-esc");
    tmux.wait_for("職員ID");
    tmux.send(&["Escape"]);
    let screen = tmux.wait_for("サインインせずに閲覧します");
    assert!(!screen.contains("パスワード"), "the box is closed:\n{screen}");
    // Once the worker has opened the terminal, the status line says nobody is signed in.
    tmux.wait_for("未サインイン(s)");
    tmux.send(&["s"]);
    tmux.wait_for("職員ID");
    tmux.text("k.tanaka");
    tmux.send(&["C-c"]);
    ended_cleanly(&tmux);
    assert!(!term.path().join("config").join("signin").exists(), "nobody signed in");
}

on_both_engines! {
    fn a_command_the_server_refused_is_resolved_from_the_apps_review_screen() {
        let d = dir();
        add_resident(d.path(), "R1", "2026-01-01", &[]);
        let server = Server::start(d.path(), "127.0.0.1:0");
        let addr = server.addr().to_string();
        let t = Term::signed_in(d.path(), "app-1", &server.base);
        // Five of her six day-care days, booked on the server's store directly.
        book(d.path(), "R1", DAY, "day", "2026-01-10", &["--days", "3"]).ok();
        book(d.path(), "R1", DAY, "day", "2026-01-20", &["--days", "2"]).ok();
        t.run(&["sync", "--json"]).ok();
        // The server away, her last day is kept as provisional at the terminal...
        server.kill();
        assert_eq!(t.book("2026-01-25", "1").ok()["status"], "provisional");
        // ...and given elsewhere meanwhile: the sync moves it to the review list.
        let server = Server::start(d.path(), &addr);
        book(d.path(), "R1", DAY, "day", "2026-01-26", &["--days", "1"]).ok();
        // The restart signed the clerk out.
        t.login();
        assert_eq!(t.run(&["sync", "--json"]).ok()["rejected"], 1);

        // The app at that terminal, its worker on the terminal (as `sango` opens it).
        let mut app = app_at(&t);
        until(&mut app, |a| {
            a.store.server.as_ref().and_then(|l| l.state.as_ref()).is_some_and(|s| s.review == 1)
        });
        let shown = screen(&mut app, 100, 30);
        assert!(shown.contains("online, 0 waiting, 1 review (v)"), "{shown}");
        ch(&mut app, 'v');
        until(&mut app, |a| a.session.review.entries.is_some());
        let shown = screen(&mut app, 100, 30);
        assert!(shown.contains("book R1 mizuki-josanin day 2026-01-25"), "{shown}");
        assert!(shown.contains("利用上限"), "the rule is named:\n{shown}");
        // A resolution needs a note.
        key(&mut app, KeyCode::Enter);
        key(&mut app, KeyCode::Enter);
        assert!(screen(&mut app, 100, 30).contains("Type a note."));
        typed(&mut app, "phoned her: no day left");
        key(&mut app, KeyCode::Enter);
        until(&mut app, |a| a.session.review.entries.as_ref().is_some_and(Vec::is_empty));
        let shown = screen(&mut app, 100, 30);
        assert!(shown.contains("The resolution is recorded on the server."), "{shown}");

        // On the server: one event, recorded by the clerk at this terminal.
        let resolved = resolutions(d.path());
        assert_eq!(resolved.len(), 1, "{resolved:?}");
        assert_eq!(resolved[0]["terminal"], format!("app-1/{}", t.clerk()).as_str());
        assert_eq!(resolved[0]["data"]["note"], "phoned her: no day left");
        assert_eq!(t.run(&["review", "list", "--json"]).ok()["review"], serde_json::json!([]));
        drop(server);
    }
}

#[test]
fn a_kiosks_request_for_staff_is_listed_and_resolved_in_the_apps_review_screen() {
    let d = dir();
    add_resident(d.path(), "R1", "2026-01-01", &[]);
    let server = Server::start(d.path(), "127.0.0.1:0");
    let t = Term::signed_in(d.path(), "app-1", &server.base);
    // A kiosk delivers a booking it kept while the server was away (as its outbox does).
    let kiosk = Term::kiosk(d.path(), "kiosk-1", &server.base);
    let remote = Remote::new(&kiosk.url, &kiosk.token, None).unwrap();
    let request = serde_json::json!({
        "command_id": "01J9Z8Q4X7M2N3P4Q5R6S7T8K1", "user_number": "R1", "facility": DAY,
        "type": "day", "start": "2026-01-25", "days": 1, "at": "2026-01-06T09:00",
    });
    match remote.post("/v1/kiosk/requests", &request) {
        sango::terminal::Reply::Answer { status: 201, .. } => {}
        other => panic!("{other:?}"),
    }
    let mut app = app_at(&t);
    until(&mut app, |a| {
        a.store.server.as_ref().and_then(|l| l.state.as_ref()).is_some_and(|s| s.review == 1)
    });
    ch(&mut app, 'v');
    until(&mut app, |a| a.session.review.entries.as_ref().is_some_and(|e| e.len() == 1));
    let shown = screen(&mut app, 100, 30);
    assert!(shown.contains("kiosk_request R1 mizuki-josanin day 2026-01-25"), "{shown}");
    assert!(shown.contains("kiosk-1"), "the kiosk is named:\n{shown}");
    key(&mut app, KeyCode::Enter);
    typed(&mut app, "phoned her: booked at the counter");
    key(&mut app, KeyCode::Enter);
    until(&mut app, |a| a.session.review.entries.as_ref().is_some_and(Vec::is_empty));
    let shown = screen(&mut app, 100, 30);
    assert!(shown.contains("The resolution is recorded on the server."), "{shown}");
    let resolved = resolutions(d.path());
    assert_eq!(resolved.len(), 1, "{resolved:?}");
    assert_eq!(resolved[0]["subject"], "01J9Z8Q4X7M2N3P4Q5R6S7T8K1");
    assert_eq!(resolved[0]["terminal"], format!("app-1/{}", t.clerk()).as_str());
    drop(server);
}

/// The `review_resolved` events of the server's store.
fn resolutions(server_dir: &std::path::Path) -> Vec<serde_json::Value> {
    let export = sango(server_dir, &["export", "--format", "json"]).ok();
    export["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["kind"] == "review_resolved")
        .cloned()
        .collect()
}

/// The app in process at terminal `t`, its worker on the terminal and its sign-in asked or
/// checked as `sango` does at start, its clock on 2026-01-06 10:00.
fn app_at(t: &Term) -> App {
    let signin = std::fs::read_to_string(t.dir.path().join("config").join("signin")).ok();
    let kept = signin.is_some();
    let remote = Remote::new(&t.url, &t.token, None).unwrap().with_signin(signin);
    let folder = t.dir.path().to_path_buf();
    let ds = sango::dataset::load_embedded().unwrap();
    let open = move || Terminal::open(remote.clone(), &folder, StoreKind::Practice);
    let worker = StoreWorker::spawn_terminal("test".into(), open, &ds);
    let theme = Theme::new(ThemeKind::Normal);
    // The moment of the bookings these tests make (`--at 2026-01-05T09:00`), a day on.
    let now = tui_common::d("2026-01-06").and_hms_opt(10, 0, 0).unwrap();
    let mut app = App::opening(ds, worker, Locale::En, theme, now);
    app.config_dir = Some(t.dir.path().join("config"));
    sango::tui::signin::at_start(&mut app, kept);
    app
}

#[test]
fn a_sign_in_the_server_ended_is_asked_at_start_and_a_write_without_one_sends_nothing() {
    use sango::tui::app::Overlay;
    let d = dir();
    add_resident(d.path(), "R1", "2026-01-01", &[]);
    book(d.path(), "R1", DAY, "day", "2026-01-10", &["--days", "1"]).ok();
    // Sign-ins end after a second without a request.
    let server =
        Server::start_with(d.path(), &["--listen", "127.0.0.1:0", "--signin-idle-secs", "1"]);
    let t = Term::signed_in(d.path(), "app-1", &server.base);
    let kept = t.signin();
    // Idle: the server ends the sign-in this terminal keeps.
    std::thread::sleep(std::time::Duration::from_millis(1500));
    let mut app = app_at(&t);
    until(&mut app, |a| a.session.overlay == Some(Overlay::SignIn));
    let shown = screen(&mut app, 100, 30);
    assert!(shown.contains("The sign-in has ended"), "{shown}");
    // Esc: the screens stay readable, the status line says nobody is signed in.
    key(&mut app, KeyCode::Esc);
    let shown = screen(&mut app, 100, 30);
    assert!(shown.contains("not signed in (s)"), "{shown}");
    // A cancellation asked now opens the box again and sends nothing.
    ch(&mut app, 'u');
    typed(&mut app, "R1");
    key(&mut app, KeyCode::Enter);
    until(&mut app, |a| a.session.resident.as_ref().is_some_and(|r| r.bookings.len() == 1));
    ch(&mut app, 'b');
    ch(&mut app, 'x');
    ch(&mut app, 'y');
    assert_eq!(app.session.overlay, Some(Overlay::SignIn));
    assert!(screen(&mut app, 100, 30).contains("nothing was sent"));
    let outbox = rusqlite::Connection::open(t.outbox()).unwrap();
    let n: i64 = outbox.query_row("SELECT COUNT(*) FROM outbox", [], |r| r.get(0)).unwrap();
    assert_eq!(n, 0, "nothing in the outbox");
    // Signing in in the box (the staff ID typed, the password): a new sign-in kept.
    typed(&mut app, &t.clerk());
    key(&mut app, KeyCode::Enter);
    typed(&mut app, PASSWORD);
    key(&mut app, KeyCode::Enter);
    until(&mut app, |a| a.session.overlay.is_none());
    let shown = screen(&mut app, 100, 30);
    assert!(shown.contains(&format!("Signed in as {}.", t.clerk())), "{shown}");
    assert!(!shown.contains("not signed in"), "{shown}");
    assert_ne!(t.signin(), kept, "the new sign-in is kept at the terminal");
    drop(server);
}
