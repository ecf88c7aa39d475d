//! End to end, the terminal app through a ward's server: a real `sango serve` on loopback (the
//! practice store, SQLite), a staff terminal enrolled with its token, and the real app in tmux.
//! The clerk signs in at start, books through the server (booked: the server decided), the
//! server dies, she books again (provisional 仮予約, the status line offline with 1 waiting),
//! the server comes back (it has forgotten the sign-in: she signs in again), and the outbox is
//! sent: both bookings are booked on the server and the app's list shows them. Skipped with a
//! notice when tmux is absent, except in CI (see `tui_e2e`).

mod store_support;
#[path = "common/tmux.rs"]
mod tmux;

use store_support::serve::Server;
use store_support::*;
use tmux::{Tmux, tmux_available};

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
    let token = sango(
        d.path(),
        &["serve", "terminal", "add", "app-1", "--role", "staff", "--json"],
    )
    .ok()["token"]
        .as_str()
        .unwrap()
        .to_string();
    add_staff(d.path(), "k.tanaka");

    let term = tempfile::tempdir().unwrap();
    let tmux = Tmux { socket: format!("sango-e2e-server-{}", std::process::id()) };
    let script = format!(
        "env -u NO_COLOR SANGO_CONFIG_DIR='{conf}' SANGO_SERVER='{url}' SANGO_TOKEN='{token}' \
         SANGO_PRACTICE=1 SANGO_TERMINAL=app-1 TERM=xterm-256color '{BIN}' --data-dir '{data}'; \
         echo \"exit=$?\"; stty -a | tr ' ' '\\n' | grep -x -e icanon -e -icanon; sleep 120",
        conf = term.path().join("config").display(),
        url = server.base,
        data = term.path().display(),
    );
    let out =
        tmux.run(&["new-session", "-d", "-s", "e2e", "-x", "100", "-y", "30", "sh", "-c", &script]);
    assert!(out.status.success(), "tmux new-session: {}", String::from_utf8_lossy(&out.stderr));

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

    // Back: it forgot the sign-in, so the outbox waits for one; then it is sent.
    let server = Server::start(d.path(), &addr);
    tmux.send(&["C-r"]);
    tmux.wait_for("未サインイン(s)");
    tmux.send(&["s"]);
    sign_in(&tmux, "");
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
    tmux.wait_for("exit=0");
    let after = tmux.wait_for("icanon");
    assert!(!after.contains("-icanon"), "raw mode left on:\n{after}");
    drop(server);
}
