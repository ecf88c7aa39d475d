//! The terminal app's start: the facility browser is drawn before the store is open (the store
//! opens on its worker thread), and keys work meanwhile: nothing waits for the store.

mod tui_common;

use std::sync::mpsc;

use crossterm::event::KeyCode;
use sango::dataset;
use sango::i18n::Locale;
use sango::store::{Store, StoreError};
use sango::tui::app::{App, Screen};
use sango::tui::store_worker::StoreWorker;
use sango::tui::theme::{Theme, ThemeKind};

use tui_common::*;

/// An app whose store opens only when the returned sender says so (or is dropped).
fn app_waiting_for_store(
    open: impl FnOnce() -> Result<Store, StoreError> + Send + 'static,
) -> (App, mpsc::Sender<()>) {
    let (go, wait) = mpsc::channel::<()>();
    let open = std::sync::Mutex::new(Some(open));
    let worker = StoreWorker::spawn(
        "data".into(),
        move || {
            let _ = wait.recv();
            match open.lock().unwrap().take() {
                Some(open) => open(),
                None => Err(StoreError::ReadOnly { path: "again".into() }),
            }
        },
        &dataset::load_embedded().unwrap(),
    );
    let ds = dataset::load_embedded().unwrap();
    let app = App::opening(ds, worker, Locale::Ja, Theme::new(ThemeKind::Normal), now());
    (app, go)
}

#[test]
fn the_browser_is_drawn_before_the_store_is_open_and_keys_do_not_wait_for_it() {
    let (mut a, go) = app_waiting_for_store(|| Ok(store()));
    // The store's thread is blocked: the main screen still draws, from the dataset alone.
    assert!(!a.store_is_open());
    let s = screen(&mut a, 120, 40);
    assert!(s.contains("施設"), "{s}");
    assert!(s.contains("東京北医療センター"), "{s}");
    assert!(s.lines().last().unwrap().contains("接続中"), "the status line says so:\n{s}");

    // Keys act at once: the resident form opens, the number is asked for.
    ch(&mut a, 'u');
    assert_eq!(a.session.screen, Screen::Resident);
    typed(&mut a, "R-0001");
    key(&mut a, KeyCode::Enter);
    assert_eq!(a.resident_id(), None, "the store has not answered yet");
    key(&mut a, KeyCode::Esc);
    assert_eq!(a.session.screen, Screen::Main, "Esc works meanwhile");
    ch(&mut a, 'L');
    let s = screen(&mut a, 120, 40);
    assert!(s.contains("Connecting"), "in English too:\n{s}");
    ch(&mut a, 'L');

    // The store opens: the question asked meanwhile is answered.
    go.send(()).unwrap();
    until(&mut a, |a| a.resident_id().is_some());
    assert!(a.store_is_open());
    assert_eq!(a.resident_id(), Some("R-0001"));
    assert_eq!(a.session.resident.as_ref().unwrap().bookings.len(), 1);
    assert_eq!(a.session.screen, Screen::Main, "left as the person left it");
    let s = screen(&mut a, 120, 40);
    assert!(!s.contains("接続中"), "{s}");
}

#[test]
fn a_store_that_cannot_be_opened_quits_with_its_error() {
    let (mut a, go) = app_waiting_for_store(|| Err(StoreError::ReadOnly { path: "x".into() }));
    assert!(screen(&mut a, 80, 24).contains("施設"));
    drop(go);
    until(&mut a, |a| a.quit);
    assert!(matches!(a.store_error, Some(StoreError::ReadOnly { .. })));
    assert!(!a.store_is_open());
}

#[test]
fn a_kiosk_whose_store_cannot_be_opened_goes_on_with_the_public_screens() {
    let (mut a, go) = app_waiting_for_store(|| Err(StoreError::ReadOnly { path: "x".into() }));
    a.enter_kiosk(120, pin_dir(), 0);
    drop(go);
    until(&mut a, |a| a.store_error.is_some());
    ch(&mut a, 'g');
    assert!(!a.quit, "a kiosk never ends");
    assert_eq!(a.session.screen, Screen::Info, "the key was handled");
    key(&mut a, KeyCode::Esc);
    identify(&mut a, "R-0001", "2026-10-01");
    until(&mut a, |a| a.session.identify.note.is_some());
    assert!(!a.quit);
    let text = screen(&mut a, 100, 30);
    assert!(text.contains("ただいま処理できません"), "identification says it cannot:\n{text}");
    assert!(!text.contains("ReadOnly") && !text.contains("x:"), "no detail at a kiosk:\n{text}");
}

#[test]
fn a_panic_while_opening_is_an_error_naming_the_store() {
    let (mut a, go) = app_waiting_for_store(|| panic!("boom"));
    drop(go);
    until(&mut a, |a| a.store_error.is_some());
    let e = a.store_error.take().unwrap();
    assert!(matches!(e, StoreError::CannotOpen { .. }));
    let text = e.to_string();
    assert!(text.contains("data") && text.contains("boom"), "{text}");
}

#[test]
fn an_app_built_with_its_store_needs_no_waiting() {
    let a = app(Locale::En);
    assert!(a.store_is_open());
}
