//! The terminal app on PostgreSQL when the server goes away: the app points at a TCP relay this
//! test controls; the relay cuts every connection and refuses new ones, then lets them through
//! again. The status line says 再接続中 and the keys keep working meanwhile; a change whose
//! connection was lost is reported as not confirmed and never sent again; once the server is
//! back the app reads everything again.

mod tui_common;

#[path = "common/pg.rs"]
mod pg;

use std::io;
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream, ToSocketAddrs};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use crossterm::event::KeyCode;
use sango::dataset;
use sango::domain::care::{CareType, Length};
use sango::i18n::Locale;
use sango::store::{BookingFilter, BookingRequest, Location, ResidentInput, Status, StoreKind};
use sango::tui::app::{App, Screen};
use sango::tui::refresh::{self, EVERY_MS};
use sango::tui::store_worker::{Link, StoreWorker};
use sango::tui::theme::{Theme, ThemeKind};
use sango::tui::{bookings_view, update};

use tui_common::*;

/// A TCP relay to the PostgreSQL server that can be cut.
struct Relay {
    port: u16,
    up: Arc<AtomicBool>,
    open: Arc<Mutex<Vec<TcpStream>>>,
}

impl Relay {
    fn start(target: SocketAddr) -> Relay {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let up = Arc::new(AtomicBool::new(true));
        let open = Arc::new(Mutex::new(Vec::new()));
        let (up2, open2) = (Arc::clone(&up), Arc::clone(&open));
        std::thread::spawn(move || {
            for client in listener.incoming() {
                let Ok(client) = client else { continue };
                // Cut: accepted and dropped at once, as a server that has gone away.
                if !up2.load(Ordering::SeqCst) {
                    drop(client);
                    continue;
                }
                let Ok(server) = TcpStream::connect(target) else { continue };
                let mut kept = open2.lock().unwrap();
                for s in [&client, &server] {
                    if let Ok(c) = s.try_clone() {
                        kept.push(c);
                    }
                }
                for (mut from, mut to) in
                    [(client.try_clone().unwrap(), server.try_clone().unwrap()), (server, client)]
                {
                    std::thread::spawn(move || {
                        let _ = io::copy(&mut from, &mut to);
                        let _ = to.shutdown(Shutdown::Both);
                        let _ = from.shutdown(Shutdown::Both);
                    });
                }
            }
        });
        Relay { port, up, open }
    }

    /// Cuts every connection and refuses new ones.
    fn cut(&self) {
        self.up.store(false, Ordering::SeqCst);
        for s in self.open.lock().unwrap().drain(..) {
            let _ = s.shutdown(Shutdown::Both);
        }
    }

    fn restore(&self) {
        self.up.store(true, Ordering::SeqCst);
    }
}

/// The test server's address (from `SANGO_TEST_PG`'s host and port).
fn server_addr() -> SocketAddr {
    let url = pg::server();
    let host_port = url.rsplit('@').next().unwrap_or("127.0.0.1:5432");
    let host_port = host_port.split('/').next().unwrap_or(host_port);
    let with_port =
        if host_port.contains(':') { host_port.to_string() } else { format!("{host_port}:5432") };
    with_port.to_socket_addrs().unwrap().next().unwrap()
}

fn status(app: &mut App) -> String {
    screen(app, 120, 40).lines().last().unwrap_or_default().replace(' ', "")
}

/// Turns of the event loop's refresh, until `done` (at most 20 s).
fn refreshed_until(app: &mut App, ms: &mut u64, done: impl Fn(&App) -> bool) {
    let start = std::time::Instant::now();
    while !done(app) {
        *ms += EVERY_MS;
        refresh::tick(app, *ms);
        update::answers(app);
        assert!(start.elapsed() < Duration::from_secs(20), "never (link {:?})", app.store.link);
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn a_lost_server_shows_reconnecting_keeps_the_keys_and_recovers_when_it_is_back() {
    let db = pg::TestDb::new();
    let relay = Relay::start(server_addr());
    let url = format!("postgres://postgres@127.0.0.1:{}/{}", relay.port, db.name);
    let location = Location::resolve(Some(&url), None).unwrap();
    let kind = StoreKind::Practice;
    // Her record and a booking, as the command line records them.
    let ds = dataset::load_embedded().unwrap();
    let cli = Location::resolve(Some(&db.url), None).unwrap().open(kind).unwrap();
    let at = d("2026-11-01").and_hms_opt(9, 0, 0).unwrap();
    cli.add_resident(&ResidentInput::new("R-0001", d("2026-10-01")), at, "cli").unwrap();
    let day = |start: &str| BookingRequest {
        resident: "R-0001".into(),
        facility: "mizuki-josanin".into(),
        care: CareType::Day,
        start: d(start),
        length: Length::Days(1),
    };
    let booked = cli.book(&ds, &day("2026-11-25"), at, "cli").unwrap().booking;

    let place = location.place(kind);
    let opener = location.clone();
    let worker = StoreWorker::spawn_with(
        place,
        move || opener.open(kind),
        &ds,
        Duration::from_millis(50),
        Duration::from_millis(400),
    );
    let mut a = App::opening(ds, worker, Locale::Ja, Theme::new(ThemeKind::Normal), now());
    until(&mut a, |a| a.store_is_open());
    ch(&mut a, 'u');
    typed(&mut a, "R-0001");
    key(&mut a, KeyCode::Enter);
    until(&mut a, |a| a.session.resident.is_some());
    assert_eq!(a.session.resident.as_ref().unwrap().bookings.len(), 1);

    // The server goes away. The next change finds its connection gone: not confirmed, and not
    // sent again.
    relay.cut();
    a.session.flash = None;
    bookings_view::confirm_cancel(&mut a, &booked.id);
    until(&mut a, |a| a.session.flash.is_some());
    let flash = a.session.flash.clone().unwrap();
    assert!(flash.error && flash.text.contains("確認できません"), "{flash:?}");
    until(&mut a, |a| a.store.link == Link::Reconnecting);
    assert!(status(&mut a).contains("再接続中"), "{}", status(&mut a));

    // Meanwhile the screens draw and the keys work; the app keeps trying.
    ch(&mut a, 'g');
    assert_eq!(a.session.screen, Screen::Info);
    ch(&mut a, 'L');
    assert!(screen(&mut a, 120, 40).contains("Reconnecting"));
    ch(&mut a, 'L');
    key(&mut a, KeyCode::Esc);
    // A change asked while there is no connection fails at once: nothing was changed.
    bookings_view::confirm_cancel(&mut a, &booked.id);
    until(&mut a, |a| {
        a.session.flash.as_ref().is_some_and(|f| f.text.contains("nothing was changed"))
    });
    std::thread::sleep(Duration::from_millis(600));
    update::answers(&mut a);
    assert_eq!(a.store.link, Link::Reconnecting, "still trying");

    // The server is back: the app reconnects by itself, and the screens follow the store again.
    relay.restore();
    until(&mut a, |a| a.store_is_open());
    assert!(!status(&mut a).contains("再接続中"), "{}", status(&mut a));
    let mut ms = 0;
    cli.book(&ds_embedded(), &day("2026-11-26"), at, "cli").unwrap();
    refreshed_until(&mut a, &mut ms, |a| {
        a.session.resident.as_ref().is_some_and(|r| r.bookings.len() == 2)
    });
    // Neither cancel was made behind anyone's back.
    let filter = BookingFilter { resident: Some("R-0001".into()), ..Default::default() };
    let all = cli.bookings(&filter).unwrap();
    assert!(all.iter().all(|b| b.status == Status::Booked), "{all:?}");
}

fn ds_embedded() -> sango::dataset::Dataset {
    dataset::load_embedded().unwrap()
}

#[test]
fn a_connection_ended_by_the_server_is_opened_again_and_the_screens_read_again() {
    let db = pg::TestDb::new();
    let location = Location::resolve(Some(&db.url), None).unwrap();
    let kind = StoreKind::Practice;
    let ds = dataset::load_embedded().unwrap();
    let cli = location.open(kind).unwrap();
    let at = d("2026-11-01").and_hms_opt(9, 0, 0).unwrap();
    cli.add_resident(&ResidentInput::new("R-0001", d("2026-10-01")), at, "cli").unwrap();
    drop(cli);
    let opener = location.clone();
    let mut a = threaded(move || opener.open(kind), Locale::Ja);
    ch(&mut a, 'u');
    typed(&mut a, "R-0001");
    key(&mut a, KeyCode::Enter);
    until(&mut a, |a| a.session.resident.is_some());

    // The server ends every connection to the database (a restart, an administrator).
    let mut admin =
        postgres::Client::connect(&format!("{}/postgres", pg::server()), postgres::NoTls).unwrap();
    admin
        .execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1",
            &[&db.name],
        )
        .unwrap();
    // Meanwhile another terminal books for her.
    let cli = location.open(kind).unwrap();
    let req = BookingRequest {
        resident: "R-0001".into(),
        facility: "mizuki-josanin".into(),
        care: CareType::Day,
        start: d("2026-11-25"),
        length: Length::Days(1),
    };
    cli.book(&ds, &req, at, "cli").unwrap();
    // The next look at the store finds its connection ended, opens it again, reads again.
    let mut ms = 0;
    refreshed_until(&mut a, &mut ms, |a| {
        a.session.resident.as_ref().is_some_and(|r| r.bookings.len() == 1)
    });
    assert!(a.store_is_open());
    assert!(!status(&mut a).contains("再接続中"));
}
