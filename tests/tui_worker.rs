//! The store on its own thread, for real: a slow store (another connection holds the write
//! lock, or the worker is busy) never stops the keys; a write is sent once, shown working, and
//! its answer applied however late and wherever the person has gone; an answer about what is no
//! longer on screen (another number typed, the next person at a kiosk) is dropped.

mod tui_common;

use std::path::Path;
use std::time::Duration;

use crossterm::event::KeyCode;
use sango::i18n::Locale;
use sango::store::{DataDir, Store, StoreKind};
use sango::tui::app::{App, Overlay, Screen};
use sango::tui::store_worker::WriteKind;
use sango::tui::wizard::Step;

use tui_common::*;

/// The app on the practice store of `dir`, opened by its worker thread.
fn on_file(dir: &Path) -> App {
    let data = DataDir { path: dir.to_path_buf(), explicit: true };
    threaded(move || Store::open_kind(&data, StoreKind::Practice), Locale::Ja)
}

fn status(app: &mut App) -> String {
    screen(app, 120, 40).lines().last().unwrap_or_default().replace(' ', "")
}

#[test]
fn a_booking_that_takes_long_is_sent_once_shown_working_and_applied_after_moving_on() {
    let dir = tempfile::tempdir().unwrap();
    drop(file_store(dir.path()));
    let mut a = on_file(dir.path());
    // The wizard for the twins' R-0002: a 2-night stay at the first facility from 11/21.
    ch(&mut a, 'u');
    typed(&mut a, "R-0002");
    key(&mut a, KeyCode::Enter);
    until(&mut a, |a| a.resident_id() == Some("R-0002"));
    ch(&mut a, 'n');
    key(&mut a, KeyCode::Enter);
    until(&mut a, |a| a.session.wizard.as_ref().is_some_and(|w| w.step == Step::Screening));
    for c in ['n', 'n', 'n'] {
        ch(&mut a, c);
    }
    for _ in 0..3 {
        key(&mut a, KeyCode::Enter);
    }
    ch(&mut a, 'l');
    ch(&mut a, '+');
    key(&mut a, KeyCode::Enter);
    assert_eq!(a.session.wizard.as_ref().unwrap().step, Step::Confirm);

    // Another connection holds the write lock: the booking waits for it.
    let locker = rusqlite::Connection::open(dir.path().join("sango-practice.sqlite3")).unwrap();
    locker.execute_batch("BEGIN IMMEDIATE").unwrap();
    key(&mut a, KeyCode::Enter);
    assert!(a.store.writing(WriteKind::Book), "sent");
    let text = screen(&mut a, 120, 40);
    assert!(text.contains("予約を記録しています"), "the step says it is working:\n{text}");
    assert!(text.contains("[記録中]") && !text.contains("Enter 予約"), "the button too:\n{text}");
    // Enter again, and the button: nothing more is sent.
    key(&mut a, KeyCode::Enter);
    ch(&mut a, 'y');
    assert!(a.session.flash.as_ref().is_some_and(|f| f.text.contains("記録しています")));
    // The keys work meanwhile: back a step, the help, the language.
    key(&mut a, KeyCode::Esc);
    assert_eq!(a.session.wizard.as_ref().unwrap().step, Step::Dates);
    std::thread::sleep(Duration::from_millis(350));
    assert!(status(&mut a).contains("接続中"), "late: {}", status(&mut a));
    ch(&mut a, '?');
    assert_eq!(a.session.overlay, Some(Overlay::Help));
    key(&mut a, KeyCode::Esc);
    ch(&mut a, 'L');
    ch(&mut a, 'L');
    // Leaving now would cut the booking off: the app stays until the store has answered.
    ch(&mut a, 'q');
    ch(&mut a, 'y');
    key_mod(&mut a, KeyCode::Char('c'), crossterm::event::KeyModifiers::CONTROL);
    assert!(!a.quit, "waits for the booking");
    assert!(a.store.writing(WriteKind::Book), "still waiting for the lock");

    // The lock is let go: the booking is recorded once, and shown on its step.
    drop(locker);
    until(&mut a, |a| !a.store.writing(WriteKind::Book));
    let w = a.session.wizard.as_ref().unwrap();
    assert_eq!(w.step, Step::Confirm);
    assert!(w.done.is_some(), "the booking is shown: {:?}", w.error);
    until(&mut a, |a| !a.store.busy());
    let text = screen(&mut a, 120, 40);
    assert!(text.contains("予約番号"), "its code:\n{text}");
    assert!(!status(&mut a).contains("接続中"));
    let other = open_file(dir.path());
    let filter =
        sango::store::BookingFilter { resident: Some("R-0002".into()), ..Default::default() };
    assert_eq!(other.bookings(&filter).unwrap().len(), 1, "recorded once");
}

#[test]
fn the_answer_for_a_number_no_longer_typed_is_dropped() {
    let dir = tempfile::tempdir().unwrap();
    drop(file_store(dir.path()));
    let mut a = on_file(dir.path());
    occupy(&mut a, 500);
    ch(&mut a, 'u');
    typed(&mut a, "R-0001");
    key(&mut a, KeyCode::Enter);
    // Before the store answers, the number is corrected and asked again.
    key(&mut a, KeyCode::Backspace);
    ch(&mut a, '2');
    key(&mut a, KeyCode::Enter);
    until(&mut a, |a| !a.store.busy());
    assert_eq!(a.resident_id(), Some("R-0002"));
    assert!(a.session.flash.as_ref().is_some_and(|f| f.text.contains("R-0002")));
}

#[test]
fn a_kiosk_reset_before_the_store_answers_shows_nothing_of_her() {
    let dir = tempfile::tempdir().unwrap();
    drop(kiosk_file_store(dir.path()));
    let mut a = on_file(dir.path());
    a.enter_kiosk(120, pin_dir(), 0);
    occupy(&mut a, 500);
    identify(&mut a, "R-0001", "2026-10-01");
    assert!(a.store.busy(), "asked, not answered");
    // F5: the next person, before the store has answered the last one's identification.
    key(&mut a, KeyCode::F(5));
    until(&mut a, |a| !a.store.busy());
    assert_eq!(a.identified(), None);
    assert!(a.session.resident.is_none());
    assert_eq!(a.session.screen, Screen::Main);
    let text = screen(&mut a, 120, 40);
    assert!(!text.contains("R-0001"), "{text}");
    // She identifies again: it works as ever.
    identify(&mut a, "R-0001", "2026-10-01");
    until(&mut a, |a| a.session.resident.is_some());
    assert_eq!(a.identified(), Some("R-0001"));
}
