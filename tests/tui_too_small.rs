//! Below 80×24 the screen shows only a message asking for a larger window: nothing it hides may
//! act. On a staff terminal only resizing and quitting (asking as usual, the question shown with
//! the message) do anything; at a kiosk nothing does. Keys, pastes and clicks alike.

mod tui_common;

use crossterm::event::{KeyCode, KeyModifiers};
use sango::i18n::Locale;
use sango::store::{BookingFilter, Store};
use sango::tui::app::{App, Button, Overlay, Screen, Target};
use sango::tui::wizard::Step;
use tui_common::*;

fn bookings_of(store: &Store, id: &str) -> Vec<sango::store::Booking> {
    store.bookings(&BookingFilter { resident: Some(id.into()), ..Default::default() }).unwrap()
}

fn step(a: &App) -> Step {
    a.session.wizard.as_ref().expect("a wizard").step
}

/// The wizard at step 5 for R-0002: a stay at the first facility, tomorrow selected (bookable).
fn at_dates(lang: Locale) -> App {
    let mut a = app(lang);
    ch(&mut a, 'n');
    typed(&mut a, "R-0002");
    key(&mut a, KeyCode::Enter);
    for _ in 0..3 {
        ch(&mut a, 'n');
    }
    key(&mut a, KeyCode::Enter);
    key(&mut a, KeyCode::Enter); // stay
    key(&mut a, KeyCode::Enter); // the first facility
    key(&mut a, KeyCode::Right); // 11/21
    assert_eq!(step(&a), Step::Dates);
    a
}

#[test]
fn enter_twice_behind_the_message_books_nothing() {
    let mut a = at_dates(Locale::Ja);
    let text = screen(&mut a, 60, 15);
    assert!(text.contains("画面が小さすぎます"), "{text}");
    key(&mut a, KeyCode::Enter);
    key(&mut a, KeyCode::Enter);
    assert!(
        bookings_of(a.inline_store().unwrap(), "R-0002").is_empty(),
        "a booking was saved behind the message"
    );
    assert_eq!(step(&a), Step::Dates, "the wizard did not move");
    // Enlarged, the same screen is back and the keys work again.
    let text = screen(&mut a, 100, 30);
    assert!(text.contains("予約できます"), "{text}");
    key(&mut a, KeyCode::Enter);
    assert_eq!(step(&a), Step::Confirm);
    key(&mut a, KeyCode::Enter);
    assert_eq!(bookings_of(a.inline_store().unwrap(), "R-0002").len(), 1);
}

#[test]
fn no_other_key_a_paste_or_a_click_acts_behind_the_message() {
    let mut a = at_dates(Locale::Ja);
    let _ = draw(&mut a, 100, 30);
    // The window shrinks before the next draw: the last draw's buttons are hidden now.
    a.window = Some(ratatui::layout::Size::new(60, 15));
    for target in [Target::Button(Button::Next), Target::Button(Button::Back)] {
        let r = a.hits.areas.iter().find(|(_, t)| *t == target).map(|(r, _)| *r);
        let r = r.unwrap_or_else(|| panic!("{target:?} was drawn"));
        click(&mut a, r.x + r.width / 2, r.y);
    }
    for c in ['L', 'C', '+', 'b', 'g', 'r', 'd', '?', 'y'] {
        ch(&mut a, c);
    }
    for k in [KeyCode::Esc, KeyCode::Left, KeyCode::Tab, KeyCode::F(1), KeyCode::F(5)] {
        key(&mut a, k);
    }
    paste(&mut a, "qy\r\n");
    let s = &a.session;
    assert_eq!((s.screen, s.overlay.clone(), s.lang), (Screen::Wizard, None, Locale::Ja));
    assert_eq!(step(&a), Step::Dates);
    assert_eq!(a.session.day, d("2026-11-21"));
    assert_eq!(a.session.wizard.as_ref().unwrap().length, 1);
    assert!(!a.quit);
    assert!(bookings_of(a.inline_store().unwrap(), "R-0002").is_empty());
}

#[test]
fn quitting_still_works_and_asks_as_usual_with_the_question_shown() {
    // Nothing in progress: q quits at once.
    let mut a = app(Locale::En);
    let _ = draw(&mut a, 60, 15);
    ch(&mut a, 'q');
    assert!(a.quit);
    // A booking half done: the question, shown with the message; n goes on, y quits.
    let mut a = at_dates(Locale::Ja);
    let _ = draw(&mut a, 60, 15);
    ch(&mut a, 'q');
    assert_eq!(a.session.overlay, Some(Overlay::ConfirmQuit));
    let text = screen(&mut a, 60, 15);
    assert!(text.contains("画面が小さすぎます") && text.contains("予約の途中です"), "{text}");
    assert!(text.contains("[y 終了する]"), "{text}");
    ch(&mut a, 'n');
    assert_eq!(a.session.overlay, None);
    assert!(!a.quit);
    ctrl(&mut a, 'c');
    assert_eq!(a.session.overlay, Some(Overlay::ConfirmQuit));
    ch(&mut a, 'y');
    assert!(a.quit);
    assert!(bookings_of(a.inline_store().unwrap(), "R-0002").is_empty());
}

#[test]
fn at_a_kiosk_nothing_acts_behind_the_message() {
    let mut a = kiosk_app(Locale::Ja);
    identify(&mut a, "R-0001", "2026-10-01");
    ch(&mut a, 'b');
    assert_eq!(a.session.screen, Screen::Bookings);
    let _ = draw(&mut a, 60, 15);
    for (code, m) in [
        (KeyCode::Char('x'), KeyModifiers::NONE),
        (KeyCode::Char('y'), KeyModifiers::NONE),
        (KeyCode::Char('q'), KeyModifiers::NONE),
        (KeyCode::Char('c'), KeyModifiers::CONTROL),
        (KeyCode::Esc, KeyModifiers::NONE),
        (KeyCode::F(5), KeyModifiers::NONE),
        (KeyCode::Enter, KeyModifiers::NONE),
    ] {
        key_mod(&mut a, code, m);
        assert_eq!(a.session.overlay, None, "{code:?} opened a box behind the message");
    }
    assert_eq!(a.session.screen, Screen::Bookings);
    assert_eq!(a.identified(), Some("R-0001"), "F5 did not start over unseen");
    assert!(!a.quit);
    assert_eq!(
        bookings_of(a.inline_store().unwrap(), "R-0001")[0].status,
        sango::store::Status::Booked
    );
    // Enlarged, the keys work again.
    let _ = draw(&mut a, 80, 24);
    ch(&mut a, 'q');
    assert_eq!(a.session.overlay, Some(Overlay::StaffPin));
}

#[test]
fn the_quit_question_behind_the_message() {
    for lang in [Locale::Ja, Locale::En] {
        let mut a = at_dates(lang);
        let _ = draw(&mut a, 60, 15);
        ch(&mut a, 'q');
        let l = if lang == Locale::Ja { "ja" } else { "en" };
        insta::assert_snapshot!(format!("too_small_quit_{l}_60x15"), screen(&mut a, 60, 15));
    }
}
