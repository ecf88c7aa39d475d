//! Kiosk mode on the app's state, by key sequences: a mother identified as R-0001 can neither see
//! R-0002's data, nor book for her, nor cancel her bookings, by any key path or made-up state
//! (one test per guarded action, each failing without its guard); five failed identifications lock for 60 s; an
//! idle session counts down and forgets everything personal; Ctrl-C, Ctrl-\, Ctrl-Z, q and Esc
//! never leave without the staff PIN, and the right PIN does. Time is the kiosk's millisecond
//! counter, driven with `kiosk::tick`.

mod tui_common;

use crossterm::event::{KeyCode, KeyModifiers};
use proptest::prelude::*;
use sango::i18n::Locale;
use sango::store::{BookingFilter, Status, Store};
use sango::tui::action::Action;
use sango::tui::app::{App, Overlay, Screen};
use sango::tui::kiosk::{self, tick};
use sango::tui::update;
use sango::tui::wizard::Step;
use tui_common::*;

const SEC: u64 = 1000;

fn bookings_of(store: &Store, id: &str) -> Vec<sango::store::Booking> {
    store.bookings(&BookingFilter { resident: Some(id.into()), ..Default::default() }).unwrap()
}

/// R-0002's stay (the other mother's booking).
fn other_booking(a: &App) -> sango::store::Booking {
    bookings_of(a.inline_store().unwrap(), "R-0002").pop().unwrap()
}

fn identified(a: &App) -> Option<String> {
    a.identified().map(str::to_string)
}

fn identified_as_a(lang: Locale) -> App {
    let mut a = kiosk_app(lang);
    identify(&mut a, "R-0001", "2026-10-01");
    assert_eq!(identified(&a).as_deref(), Some("R-0001"), "{:?}", a.session.flash);
    a
}

/// Nothing of R-0002 on screen, in her state, or changed in the store.
fn nothing_of_b(a: &mut App) {
    for (w, h) in [(80, 24), (120, 40)] {
        let text = screen(a, w, h);
        assert!(!text.contains("R-0002"), "R-0002 on screen:\n{text}");
        assert!(!text.contains("2026/9/15"), "R-0002's birth date on screen:\n{text}");
    }
    if let Some(r) = &a.session.resident {
        assert_eq!(r.resident.id, "R-0001");
        assert!(r.bookings.iter().all(|b| b.resident == "R-0001"));
    }
    assert!(a.session.wizard.as_ref().is_none_or(|w| w.form.number.value() == "R-0001"));
    assert_eq!(other_booking(a).status, Status::Booked, "R-0002's booking was touched");
    assert_eq!(
        bookings_of(a.inline_store().unwrap(), "R-0002").len(),
        1,
        "a booking was made for R-0002"
    );
}

#[test]
fn before_identification_nothing_personal_is_reachable() {
    let mut a = kiosk_app(Locale::Ja);
    let text = screen(&mut a, 80, 24);
    assert!(text.contains("本人確認前"), "{text}");
    assert!(text.contains("[F5 最初から]"), "the start-over key is always visible: {text}");
    assert!(text.contains("[1 ご案内]"), "the step bar: {text}");
    for lang in [Locale::En, Locale::Ja] {
        let mut k = kiosk_app(lang);
        identify(&mut k, "R-0001", "2026-10-01");
        ch(&mut k, 'n');
        for (w, h) in [(80, 24), (100, 30), (120, 40)] {
            let text = screen(&mut k, w, h);
            let first = text.lines().next().unwrap();
            assert!(first.contains("[F5 ") && first.contains("[3 "), "{w}x{h}: {first}");
        }
    }
    // Booking and the bookings list ask for identification first.
    ch(&mut a, 'n');
    assert_eq!(a.session.screen, Screen::Identify);
    assert!(a.session.wizard.is_none());
    key(&mut a, KeyCode::Esc);
    ch(&mut a, 'b');
    assert_eq!(a.session.screen, Screen::Identify);
    key(&mut a, KeyCode::Esc);
    // The resident chooser of the staff screens is refused.
    ch(&mut a, 'u');
    assert_eq!(a.session.screen, Screen::Main);
    assert!(a.session.flash.as_ref().is_some_and(|f| f.error));
    // Loading a record directly is refused too (the check is in the state, not the view).
    assert!(load(&mut a, "R-0001").is_err());
    assert!(a.session.resident.is_none());
    // The public information works: the facility detail and the guide.
    key(&mut a, KeyCode::Enter);
    assert!(a.session.browser.detail);
    key(&mut a, KeyCode::Esc);
    ch(&mut a, 'g');
    assert_eq!(a.session.screen, Screen::Info);
    let text = screen(&mut a, 120, 40);
    assert!(text.contains("3,300円/日") && text.contains("03-3908-7050"), "{text}");
}

#[test]
fn identified_as_a_she_sees_and_cancels_only_her_own_bookings() {
    let mut a = identified_as_a(Locale::Ja);
    assert_eq!(a.session.resident.as_ref().unwrap().resident.id, "R-0001");
    nothing_of_b(&mut a);
    ch(&mut a, 'b');
    assert_eq!(a.session.screen, Screen::Bookings);
    let text = screen(&mut a, 100, 30);
    assert!(text.contains("みづき助産院"), "her booking: {text}");
    assert!(!text.contains("東京北医療センター"), "not R-0002's: {text}");
    // Her own booking can be cancelled.
    ch(&mut a, 'x');
    ch(&mut a, 'y');
    assert_eq!(bookings_of(a.inline_store().unwrap(), "R-0001")[0].status, Status::Cancelled);
    nothing_of_b(&mut a);

    // The resident chooser and the wizard's resident step are not reachable.
    key(&mut a, KeyCode::Esc);
    ch(&mut a, 'u');
    typed(&mut a, "R-0002");
    key(&mut a, KeyCode::Enter);
    nothing_of_b(&mut a);
    ch(&mut a, 'n');
    assert_eq!(a.session.screen, Screen::Wizard);
    assert_eq!(a.session.wizard.as_ref().unwrap().step, Step::Screening, "her step is done");
    key(&mut a, KeyCode::Esc);
    assert_eq!(a.session.screen, Screen::Main, "Esc leaves, never to the resident step");
    nothing_of_b(&mut a);
    // Identifying again while identified does nothing.
    ch(&mut a, 'i');
    assert_eq!(a.session.screen, Screen::Main);
}

/// R-0002's record, bookings and quota, read from the store as a staff terminal would: what a
/// crafted state would put in front of mother A.
fn info_of_b(a: &App) -> sango::tui::app::ResidentInfo {
    sango::tui::app::ResidentInfo {
        resident: a.inline_store().unwrap().resident("R-0002").unwrap().unwrap(),
        bookings: bookings_of(a.inline_store().unwrap(), "R-0002"),
        quota: a.inline_store().unwrap().quota(&a.ds.programme, "R-0002").unwrap(),
    }
}

// Each guarded action of an identified mother (view, book, cancel) on its own: mother A cannot
// reach mother B's data by any path the screens offer, nor by a state or an action made up to
// name B (no key can make them; each guard stands on its own, so each test fails without it).

#[test]
fn identified_as_a_she_cannot_view_b_by_any_path() {
    let mut a = identified_as_a(Locale::En);
    // The resident chooser and the staff lists that show anyone are refused, by keys...
    for k in ['u', 'r', 'd', 'm'] {
        ch(&mut a, k);
        typed(&mut a, "R-0002");
        key(&mut a, KeyCode::Enter);
        nothing_of_b(&mut a);
        key(&mut a, KeyCode::Esc);
    }
    // ... and when the state is made to show them.
    for screen in [Screen::Resident, Screen::Registry, Screen::Day, Screen::Report] {
        a.session.screen = screen;
        key(&mut a, KeyCode::Down);
        assert_eq!(a.session.screen, Screen::Main, "{screen:?}");
        nothing_of_b(&mut a);
    }
    // Her record cannot be loaded by name (the state's own check, not the view's).
    assert!(load(&mut a, "R-0002").is_err());
    assert_eq!(a.session.resident.as_ref().unwrap().resident.id, "R-0001");
    // B's record, bookings and quota put in A's place, or B's booking slipped into A's list:
    // after the next action only A's are there, and nothing of B is drawn.
    a.session.resident = Some(info_of_b(&a));
    key(&mut a, KeyCode::Down);
    nothing_of_b(&mut a);
    let b = other_booking(&a);
    a.session.resident.as_mut().unwrap().bookings.push(b);
    ch(&mut a, 'b');
    nothing_of_b(&mut a);
    // The refresh of the screens reads A again, never B.
    a.session.resident = Some(info_of_b(&a));
    sango::tui::refresh::tick(&mut a, 0);
    nothing_of_b(&mut a);
}

#[test]
fn identified_as_a_she_cannot_book_for_b_by_any_path() {
    let mut a = identified_as_a(Locale::En);
    // A wizard forced back to the resident step with B's number: skipped, B not loaded.
    ch(&mut a, 'n');
    if let Some(w) = a.session.wizard.as_mut() {
        w.step = Step::Resident;
        w.form.number = sango::tui::input::Input::new("R-0002");
    }
    key(&mut a, KeyCode::Enter);
    assert_eq!(a.session.wizard.as_ref().unwrap().step, Step::Screening);
    assert_eq!(a.session.resident.as_ref().unwrap().resident.id, "R-0001");
    // The last step, with B's record in A's place and dates B could book (a visit on 11/26):
    // refused, nothing written.
    a.session.resident = Some(info_of_b(&a));
    if let Some(w) = a.session.wizard.as_mut() {
        w.step = Step::Confirm;
        w.care = Some(sango::domain::care::CareType::Visit);
        w.facility = Some("mukkumuku".into());
    }
    a.session.day = d("2026-11-26");
    key(&mut a, KeyCode::Enter);
    assert_eq!(
        bookings_of(a.inline_store().unwrap(), "R-0002").len(),
        1,
        "a booking was made for R-0002"
    );
    assert!(a.session.flash.as_ref().is_some_and(|f| f.error), "{:?}", a.session.flash);
    nothing_of_b(&mut a);
}

#[test]
fn identified_as_a_she_cannot_cancel_bs_booking_by_any_path() {
    let mut a = identified_as_a(Locale::En);
    let b = other_booking(&a);
    // The cancel question made to name B's booking: y, Enter and the button are refused.
    for answer in [KeyCode::Char('y'), KeyCode::Enter] {
        a.session.screen = Screen::Bookings;
        a.session.overlay = Some(Overlay::ConfirmCancel(b.id.clone()));
        key(&mut a, answer);
        assert_eq!(other_booking(&a).status, Status::Booked, "{answer:?} cancelled B's stay");
        assert!(a.session.flash.as_ref().is_some_and(|f| f.error), "{answer:?}");
    }
    a.session.overlay = Some(Overlay::ConfirmCancel(b.id.clone()));
    let _ = draw(&mut a, 100, 30);
    a.session.overlay = Some(Overlay::ConfirmCancel(b.id.clone()));
    update::update(
        &mut a,
        Action::Click(sango::tui::app::Target::Button(sango::tui::app::Button::Yes)),
    );
    assert_eq!(other_booking(&a).status, Status::Booked, "the button cancelled B's stay");
    // B's booking slipped into A's list, under the cursor: x, then y.
    a.session.overlay = None;
    a.session.screen = Screen::Bookings;
    let info = a.session.resident.as_mut().unwrap();
    info.bookings.insert(0, b.clone());
    a.session.bookings_cursor = 0;
    ch(&mut a, 'x');
    ch(&mut a, 'y');
    assert_eq!(other_booking(&a).status, Status::Booked, "x then y cancelled B's stay");
    nothing_of_b(&mut a);
    // Her own booking still can be cancelled.
    ch(&mut a, 'x');
    ch(&mut a, 'y');
    assert_eq!(bookings_of(a.inline_store().unwrap(), "R-0001")[0].status, Status::Cancelled);
}

#[test]
fn a_kiosk_booking_is_for_her_and_records_the_terminal() {
    let mut a = identified_as_a(Locale::Ja);
    ch(&mut a, 'n');
    for _ in 0..3 {
        ch(&mut a, 'n');
    }
    key(&mut a, KeyCode::Enter);
    key(&mut a, KeyCode::Down);
    key(&mut a, KeyCode::Down); // visit
    key(&mut a, KeyCode::Enter);
    key(&mut a, KeyCode::Enter); // first facility
    key(&mut a, KeyCode::Right); // 11/21
    key(&mut a, KeyCode::Enter);
    key(&mut a, KeyCode::Enter);
    assert!(a.session.wizard.as_ref().unwrap().done.is_some(), "{:?}", a.session.flash);
    let mine = bookings_of(a.inline_store().unwrap(), "R-0001");
    assert_eq!(mine.len(), 2);
    assert!(mine.iter().all(|b| b.terminal == "test"));
    nothing_of_b(&mut a);
}

/// Keys a passer-by might press, as events (letters, digits, the other mother's number, Enter,
/// Esc, arrows, Tab, F-keys, Ctrl-C / Ctrl-Z / Ctrl-\).
fn any_key() -> impl Strategy<Value = (KeyCode, KeyModifiers)> {
    let none = KeyModifiers::NONE;
    prop_oneof![
        prop::sample::select(vec![
            'u', 'n', 'b', 'x', 'y', 'q', 'i', 'g', 'r', 'd', 'e', 'm', 't', '/', '+', '-', ' ',
            'R', '0', '2', '1', '9', 'L', '?', 'j', 'k',
        ])
        .prop_map(move |c| (KeyCode::Char(c), none)),
        prop::sample::select(vec![
            KeyCode::Enter,
            KeyCode::Esc,
            KeyCode::Up,
            KeyCode::Down,
            KeyCode::Left,
            KeyCode::Right,
            KeyCode::Tab,
            KeyCode::BackTab,
            KeyCode::Delete,
            KeyCode::Backspace,
            KeyCode::F(1),
            KeyCode::F(2),
        ])
        .prop_map(move |k| (k, none)),
        prop::sample::select(vec!['c', 'z', '\\', '4'])
            .prop_map(|c| (KeyCode::Char(c), KeyModifiers::CONTROL)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, failure_persistence: None, ..ProptestConfig::default() })]

    /// Any key sequence after identifying as R-0001: nothing of R-0002 is ever shown, loaded,
    /// booked or cancelled, and the program never quits without the PIN.
    #[test]
    fn no_key_path_reaches_the_other_mother(keys in prop::collection::vec(any_key(), 1..40)) {
        let mut a = identified_as_a(Locale::Ja);
        for (code, m) in keys {
            key_mod(&mut a, code, m);
            prop_assert!(!a.quit, "quit without the PIN");
            if let Some(r) = &a.session.resident {
                prop_assert_eq!(&r.resident.id, "R-0001");
            }
        }
        nothing_of_b(&mut a);
    }
}

#[test]
fn five_failures_lock_identification_for_sixty_seconds_with_a_countdown() {
    // A first try with a wrong birth date, or one with a wrong number: the same words, never
    // which one was wrong.
    let mut b = kiosk_app(Locale::Ja);
    identify(&mut b, "R-9999", "2026-10-01");
    let wrong_number = screen(&mut b, 80, 24).replace("[R-9999", "[N").replace("[2026-10-01", "[B");
    let mut a = kiosk_app(Locale::Ja);
    identify(&mut a, "R-0001", "2026-10-02");
    let wrong_date = screen(&mut a, 80, 24).replace("[R-0001", "[N").replace("[2026-10-02", "[B");
    assert_eq!(wrong_date, wrong_number, "the same screen whichever value was wrong");
    assert!(wrong_date.contains("利用者番号または赤ちゃんの生年月日が確認できませんでした"));
    // Each failure says how many tries are left before the pause.
    assert!(wrong_date.contains("あと4回試せます"), "{wrong_date}");
    identify(&mut a, "R-9999", "2026-10-01");
    assert!(screen(&mut a, 80, 24).contains("あと3回試せます"));
    tick(&mut a, 2 * SEC);
    identify(&mut a, "R-0002", "2026-10-01"); // another mother's number with A's date
    tick(&mut a, 3 * SEC);
    identify(&mut a, "R-0001", "2026-09-15");
    let text = screen(&mut a, 80, 24);
    assert!(!text.contains("一時停止"), "4 failures: not locked yet");
    assert!(text.contains("あと1回試せます"), "{text}");
    tick(&mut a, 4 * SEC);
    identify(&mut a, "R-0001", "2026-01-01");
    let text = screen(&mut a, 80, 24);
    assert!(text.contains("本人確認を一時停止しています。あと60秒"), "{text}");
    // The countdown runs; the right values are refused while locked.
    tick(&mut a, 34 * SEC);
    identify(&mut a, "R-0001", "2026-10-01");
    assert_eq!(identified(&a), None);
    assert!(screen(&mut a, 80, 24).contains("あと30秒"));
    tick(&mut a, 50 * SEC);
    assert!(screen(&mut a, 80, 24).contains("あと14秒"));
    assert!(kiosk::next_wake(&a).is_some_and(|ms| ms <= SEC), "ticks every second");
    // Starting over does not lift the lockout.
    key(&mut a, KeyCode::F(5));
    identify(&mut a, "R-0001", "2026-10-01");
    assert_eq!(identified(&a), None);
    // After 60 s the right values identify her.
    tick(&mut a, 64 * SEC);
    identify(&mut a, "R-0001", "2026-10-01");
    assert_eq!(identified(&a).as_deref(), Some("R-0001"), "{}", screen(&mut a, 80, 24));
    assert_eq!(a.session.screen, Screen::Main);
}

#[test]
fn an_idle_session_counts_down_then_forgets_everything_personal() {
    let mut a = identified_as_a(Locale::Ja);
    ch(&mut a, 'b');
    let text = screen(&mut a, 80, 24);
    assert!(text.contains("R-0001") && text.contains("みづき助産院"), "{text}");
    // No countdown before the last 20 s; the loop sleeps until it starts.
    tick(&mut a, 90 * SEC);
    assert!(!screen(&mut a, 80, 24).contains("最初の画面に戻ります"));
    assert_eq!(kiosk::next_wake(&a), Some(10 * SEC));
    tick(&mut a, 100 * SEC);
    let asked = screen(&mut a, 80, 24);
    assert!(asked.contains("まだ使いますか？"), "the question is explicit: {asked}");
    assert!(asked.contains("あと20秒で") && asked.contains("[ まだ使う ]"), "{asked}");
    tick(&mut a, 111 * SEC);
    assert!(screen(&mut a, 80, 24).contains("あと9秒"));
    // A key keeps the session: the countdown goes away, and the key does nothing else.
    key(&mut a, KeyCode::Esc);
    assert!(!screen(&mut a, 80, 24).contains("最初の画面に戻ります"));
    assert_eq!(a.session.screen, Screen::Bookings, "the key only kept the session");
    assert_eq!(a.session.overlay, None);
    // Asked again after the next idle spell, and a click anywhere (here, where a pane of the
    // screen behind is) gives her the time again, without acting on that screen.
    tick(&mut a, 211 * SEC);
    assert!(screen(&mut a, 80, 24).contains("まだ使いますか？"));
    click(&mut a, 2, 3);
    assert!(!screen(&mut a, 80, 24).contains("まだ使いますか？"));
    assert_eq!(a.session.screen, Screen::Bookings, "the click only kept the session");
    assert!(a.session.resident.is_some());
    // Type half an identification-free search, then leave it idle to the end.
    key(&mut a, KeyCode::Esc);
    ch(&mut a, '/');
    typed(&mut a, "赤羽");
    let last_key = 211 * SEC;
    assert!(!tick(&mut a, last_key + 119 * SEC) || a.session.resident.is_some());
    assert!(a.session.resident.is_some(), "one second before the timeout she is still there");
    assert!(tick(&mut a, last_key + 120 * SEC), "the reset redraws");
    assert_eq!(identified(&a), None);
    assert!(a.session.resident.is_none() && a.session.wizard.is_none());
    assert_eq!(a.session.screen, Screen::Main);
    assert!(a.session.browser.query.is_empty(), "the search is forgotten");
    assert!(a.kiosk.as_ref().unwrap().clear, "the next draw clears the terminal");
    let text = screen(&mut a, 80, 24);
    assert!(!text.contains("R-0001") && !text.contains("みづき助産院 "), "{text}");
    assert!(text.contains("本人確認前") && text.contains("[1 ご案内]"), "{text}");
    for (w, h) in [(80, 24), (120, 40)] {
        let text = screen(&mut a, w, h);
        assert!(!text.contains("R-0001"), "{text}");
        assert!(!text.contains("2026/10/1"), "her birth date: {text}");
    }
    // A fresh welcome screen does not count down again.
    assert_eq!(kiosk::next_wake(&a), None);
    ch(&mut a, 'b');
    assert_eq!(a.session.screen, Screen::Identify, "identification is needed again");
}

#[test]
fn an_idle_identification_form_is_forgotten_too() {
    let mut a = kiosk_app(Locale::En);
    ch(&mut a, 'i');
    typed(&mut a, "R-0001");
    key(&mut a, KeyCode::Down);
    typed(&mut a, "2026-10");
    tick(&mut a, 120 * SEC);
    assert_eq!(a.session.screen, Screen::Main);
    let form = &a.session.identify;
    assert!(form.number.is_empty() && form.birth.is_empty());
    assert!(!screen(&mut a, 80, 24).contains("R-0001"));
}

#[test]
fn ctrl_c_and_the_other_ways_out_ask_for_the_pin_and_never_quit() {
    let mut a = identified_as_a(Locale::Ja);
    let ways: [(&str, KeyCode, KeyModifiers); 6] = [
        ("Ctrl-C", KeyCode::Char('c'), KeyModifiers::CONTROL),
        ("Ctrl-\\", KeyCode::Char('\\'), KeyModifiers::CONTROL),
        ("Ctrl-4", KeyCode::Char('4'), KeyModifiers::CONTROL),
        ("Ctrl-Z", KeyCode::Char('z'), KeyModifiers::CONTROL),
        ("q", KeyCode::Char('q'), KeyModifiers::NONE),
        ("Esc", KeyCode::Esc, KeyModifiers::NONE),
    ];
    for (name, code, m) in ways {
        key_mod(&mut a, code, m);
        assert_eq!(a.session.overlay, Some(Overlay::StaffPin), "{name}");
        assert!(!a.quit, "{name}");
        // The same keys again inside the prompt do not leave either.
        for (_, code, m) in &ways[..4] {
            key_mod(&mut a, *code, *m);
            assert!(!a.quit, "{name} then a way out in the prompt");
        }
        assert!(screen(&mut a, 80, 24).contains("職員PIN"), "{name}");
        key(&mut a, KeyCode::Esc);
        assert_eq!(a.session.overlay, None, "Esc closes the prompt");
    }
    // A wrong PIN says so, masked, and stays.
    ctrl(&mut a, 'c');
    typed(&mut a, "135790");
    let text = screen(&mut a, 80, 24);
    assert!(text.contains("****") && !text.contains("1357"), "masked: {text}");
    key(&mut a, KeyCode::Enter);
    assert!(!a.quit);
    assert!(screen(&mut a, 80, 24).contains("PINが違います"));
    // The right PIN leaves.
    typed(&mut a, PIN);
    key(&mut a, KeyCode::Enter);
    assert!(a.quit);
}

#[test]
fn five_wrong_pins_lock_the_prompt_for_a_minute_then_two() {
    let mut a = kiosk_app(Locale::En);
    ctrl(&mut a, 'c');
    for i in 0..5 {
        tick(&mut a, i * SEC);
        typed(&mut a, "000000");
        key(&mut a, KeyCode::Enter);
    }
    assert!(screen(&mut a, 80, 24).contains("PIN entry is paused. Please wait 60 s."));
    tick(&mut a, 30 * SEC);
    typed(&mut a, PIN);
    key(&mut a, KeyCode::Enter);
    assert!(!a.quit, "locked: even the right PIN is refused");
    // Five more wrong: the next lockout is twice as long.
    for i in 0..5 {
        tick(&mut a, (65 + i) * SEC);
        typed(&mut a, "0000");
        key(&mut a, KeyCode::Enter);
    }
    assert!(screen(&mut a, 80, 24).contains("Please wait 120 s."));
    // Each lockout is in the audit trail, with its length and the terminal.
    let locks: Vec<_> = a
        .inline_store()
        .unwrap()
        .events()
        .unwrap()
        .into_iter()
        .filter(|e| e.kind == sango::store::EventKind::PinLockedOut)
        .collect();
    assert_eq!(locks.len(), 2);
    assert_eq!(
        (locks[0].data["locked_secs"].as_u64(), locks[1].data["locked_secs"].as_u64()),
        (Some(60), Some(120))
    );
    assert_eq!(locks[0].subject, a.terminal_id);
    tick(&mut a, (69 + 119) * SEC);
    typed(&mut a, PIN);
    key(&mut a, KeyCode::Enter);
    assert!(!a.quit, "still locked");
    tick(&mut a, (69 + 120) * SEC);
    typed(&mut a, PIN);
    key(&mut a, KeyCode::Enter);
    assert!(a.quit);
}

#[test]
fn start_over_forgets_her_at_once() {
    let mut a = identified_as_a(Locale::Ja);
    ch(&mut a, 'b');
    key(&mut a, KeyCode::F(5));
    assert_eq!(identified(&a), None);
    assert!(a.session.resident.is_none());
    assert_eq!(a.session.screen, Screen::Main);
    assert!(!screen(&mut a, 80, 24).contains("R-0001"));
}

#[test]
fn f5_closes_an_open_pin_prompt_and_forgets_what_was_typed() {
    let mut a = identified_as_a(Locale::Ja);
    ch(&mut a, 'b');
    ctrl(&mut a, 'c');
    assert_eq!(a.session.overlay, Some(Overlay::StaffPin));
    typed(&mut a, "2468");
    key(&mut a, KeyCode::F(5));
    assert_eq!(a.session.overlay, None, "the prompt is closed");
    assert!(a.session.pin.is_empty(), "the digits typed are forgotten");
    assert_eq!((a.session.screen, identified(&a), a.quit), (Screen::Main, None, false));
    let text = screen(&mut a, 80, 24);
    assert!(!text.contains("職員PIN") && text.contains("最初の画面に戻りました"), "{text}");
    // The prompt opens empty again; F5 works there before identification too.
    ch(&mut a, 'q');
    assert_eq!(a.session.overlay, Some(Overlay::StaffPin));
    assert!(a.session.pin.is_empty());
    key(&mut a, KeyCode::F(5));
    assert_eq!(a.session.overlay, None);
}

#[test]
fn in_english_a_failed_identification_counts_the_tries_left_too() {
    let mut a = kiosk_app(Locale::En);
    identify(&mut a, "R-0001", "2026-10-02");
    let text = screen(&mut a, 80, 24);
    assert!(text.contains("Tries left: 4 (after that, a 60 s pause)."), "{text}");
    // The streak is forgotten after a minute without a failure: all five again.
    tick(&mut a, 61 * SEC);
    assert!(screen(&mut a, 80, 24).contains("Tries left: 5"));
}

#[test]
fn on_a_staff_terminal_ctrl_z_and_ctrl_backslash_do_nothing_and_ctrl_c_quits() {
    let mut a = app(Locale::Ja);
    ctrl(&mut a, 'z');
    ctrl(&mut a, '\\');
    assert!(!a.quit && a.session.overlay.is_none());
    ctrl(&mut a, 'c');
    assert!(a.quit);
}

#[test]
fn leaving_the_identification_form_forgets_what_was_typed() {
    let mut a = kiosk_app(Locale::Ja);
    ch(&mut a, 'i');
    typed(&mut a, "R-0001");
    key(&mut a, KeyCode::Down);
    typed(&mut a, "2026-10-01");
    key(&mut a, KeyCode::Esc);
    assert_eq!(a.session.screen, Screen::Main);
    ch(&mut a, 'i');
    let text = screen(&mut a, 80, 24);
    assert!(!text.contains("R-0001") && !text.contains("[2026-10-01"), "{text}");
}

#[test]
fn a_paste_goes_into_the_field_cut_to_its_length_and_is_ignored_elsewhere() {
    let mut a = kiosk_app(Locale::Ja);
    // On the welcome screen a paste is no key: q would ask for the PIN, i identify, g guide.
    paste(&mut a, &"qigb\r\n\u{1b}[15~".repeat(10_000));
    assert_eq!((a.session.screen, a.session.overlay.clone()), (Screen::Main, None));
    // Into the identification form: as typed, without control characters, cut to the field.
    ch(&mut a, 'i');
    paste(&mut a, &format!("R-0001\r\n{}", "9".repeat(1_000_000)));
    let form = &a.session.identify;
    assert_eq!(form.number.text(), format!("R-0001{}", "9".repeat(26)));
    key(&mut a, KeyCode::Down);
    paste(&mut a, "2026-10-01\n2026-10-01");
    assert_eq!(a.session.identify.birth.text(), "2026-10-01");
    // The PIN prompt takes digits only, at most 12.
    key(&mut a, KeyCode::Esc);
    ctrl(&mut a, 'c');
    assert_eq!(a.session.overlay, Some(Overlay::StaffPin));
    paste(&mut a, "12a34\n5678901234567");
    assert_eq!(a.session.pin.text(), "123456789012");
    let text = screen(&mut a, 80, 24);
    assert!(text.contains("************") && !text.contains("1234"), "masked: {text}");
}

#[test]
fn a_paste_into_the_staff_search_filters_the_facilities() {
    let mut a = app(Locale::Ja);
    paste(&mut a, "r");
    assert!(!a.quit && a.session.screen == Screen::Main, "a paste outside a field does nothing");
    ch(&mut a, '/');
    paste(&mut a, "東京北\n");
    assert_eq!(a.session.browser.query.text(), "東京北");
    assert!(screen(&mut a, 100, 30).contains("東京北医療センター"));
    assert_eq!(a.visible_facilities().len(), 1, "the list follows the pasted filter");
}

/// A USB device that types 2 MB (not a bracketed paste: every character is a key) at the
/// welcome screen, where the keys move, filter and change month. Each key's work must not grow
/// with the burst: 2,000,000 keys took 1.9 s in a debug build (2026-12), the bound is 15 times
/// that.
#[test]
fn two_million_keys_are_handled_in_seconds() {
    let mut a = kiosk_app(Locale::Ja);
    let keys: Vec<char> = "jkt[]hl".chars().collect();
    let start = std::time::Instant::now();
    for i in 0..2_000_000 {
        ch(&mut a, keys[i % keys.len()]);
    }
    let took = start.elapsed();
    assert!(took < std::time::Duration::from_secs(30), "2,000,000 keys took {took:?}");
    assert_eq!((a.session.screen, a.session.overlay.clone(), a.quit), (Screen::Main, None, false));
}

/// Every field of a session made different from a fresh one, then a reset: what is left must be
/// exactly a fresh session (compared through `Debug`, which shows every field).
#[test]
fn a_reset_leaves_nothing_of_the_session_behind() {
    use sango::tui::app::{Flash, Pane};
    use sango::tui::dayview::DayView;
    use sango::tui::input::Input;
    use sango::tui::kiosk::{IdentifyNote, PinNote};
    use sango::tui::report_view::ReportView;
    use sango::tui::session::Session;

    let mut a = identified_as_a(Locale::Ja);
    ch(&mut a, 'n');
    let fresh = |a: &App| format!("{:?}", Session::new(a.home_lang, a.home_theme, a.today()));
    let other_day = d("2027-03-03");
    let s = &mut a.session;
    s.lang = s.lang.other();
    s.theme = s.theme.toggled();
    s.screen = Screen::Bookings;
    s.focus = Pane::Quota;
    s.overlay = Some(Overlay::ConfirmCancel("B-1".into()));
    s.browser.query = Input::new("赤羽");
    s.browser.searching = true;
    s.browser.cursor = 3;
    s.browser.offset = 1;
    s.browser.detail = true;
    s.browser.detail_scroll = 4;
    s.day = other_day;
    s.resident_form.number = Input::new("R-0002");
    s.bookings_cursor = 1;
    s.flash = Some(Flash { error: true, text: "x".into() });
    s.info_scroll = 5;
    s.help_scroll = 2;
    s.registry.filter = Input::new("R");
    s.registry.cursor = 1;
    s.day_view = DayView::new(other_day);
    s.report = ReportView::new(other_day);
    s.export.cursor = 2;
    s.export.result = Some(Err("x".into()));
    s.identify.number = Input::new("R-0001");
    s.identify.note = Some(IdentifyNote::Failed);
    s.pin = Input::new("1357");
    s.pin_note = Some(PinNote::Wrong);
    assert!(s.resident.is_some() && s.wizard.is_some() && s.identified.is_some() && s.used);
    assert_ne!(format!("{:?}", a.session), fresh(&a));
    key(&mut a, KeyCode::F(5));
    a.session.flash = None; // F5 says it started over
    assert_eq!(format!("{:?}", a.session), fresh(&a));
    // The same after the idle timeout, from the same filled state.
    let mut b = identified_as_a(Locale::Ja);
    ch(&mut b, 'n');
    b.session.help_scroll = 7;
    b.session.lang = Locale::En;
    tick(&mut b, 500 * SEC);
    b.session.flash = None;
    assert_eq!(format!("{:?}", b.session), fresh(&b));
}

/// One of every action (a few of those that carry a value).
#[rustfmt::skip]
fn every_action() -> Vec<Action> {
    use Action as A;
    use sango::tui::app::{Button as B, Pane, Target as T};
    let mut all = vec![
        A::Quit,
        A::Interrupt,
        A::Suspend,
        A::StartOver,
        A::Identify,
        A::Guide,
        A::Registry,
        A::DayView,
        A::Export,
        A::Report,
        A::SignIn,
        A::Review,
        A::Refresh,
        A::Help,
        A::ToggleLang,
        A::ToggleTheme,
        A::ToggleLarge,
        A::FocusNext,
        A::FocusPrev,
        A::Up,
        A::Down,
        A::Left,
        A::Right,
        A::PageUp,
        A::PageDown,
        A::Home,
        A::End,
        A::MonthPrev,
        A::MonthNext,
        A::Today,
        A::Enter,
        A::Back,
        A::Search,
        A::CycleCare,
        A::NewBooking,
        A::Bookings,
        A::ChooseResident,
        A::CancelBooking,
        A::More,
        A::Less,
        A::Yes,
        A::No,
        A::Toggle,
        A::SwitchForm,
        A::Backspace,
        A::Delete,
        A::Resize,
    ];
    all.extend(['q', '1', 'R', ' '].map(A::Char));
    let buttons = [
        B::Back,
        B::Next,
        B::Book,
        B::Yes,
        B::No,
        B::Close,
        B::Register,
        B::Find,
        B::LengthLess,
        B::LengthMore,
        B::CancelBooking,
        B::StartOver,
        B::Identify,
        B::MoreTime,
    ];
    let mut targets: Vec<T> = buttons.map(T::Button).to_vec();
    targets.extend(Pane::ALL.map(T::Pane));
    targets.extend([
        T::FacilityRow(0),
        T::Day(d("2026-11-26")),
        T::MonthPrev,
        T::MonthNext,
        T::Row(0),
        T::Answer(0, false),
        T::FormField(1),
        T::Large(true),
    ]);
    all.extend(targets.iter().map(|t| A::Click(*t)));
    all.extend([A::ScrollUp(T::Row(0)), A::ScrollDown(T::Row(0))]);
    // No `_` arms: a new action or button stops this compiling until it is listed above.
    for a in &all {
        match a {
            A::Quit
            | A::Interrupt
            | A::Suspend
            | A::StartOver
            | A::Identify
            | A::Guide
            | A::Registry
            | A::DayView
            | A::Export
            | A::Report
            | A::SignIn
            | A::Review
            | A::Refresh
            | A::Help
            | A::ToggleLang
            | A::ToggleTheme
            | A::ToggleLarge
            | A::FocusNext
            | A::FocusPrev
            | A::Up
            | A::Down
            | A::Left
            | A::Right
            | A::PageUp
            | A::PageDown
            | A::Home
            | A::End
            | A::MonthPrev
            | A::MonthNext
            | A::Today
            | A::Enter
            | A::Back
            | A::Search
            | A::CycleCare
            | A::NewBooking
            | A::Bookings
            | A::ChooseResident
            | A::CancelBooking
            | A::More
            | A::Less
            | A::Yes
            | A::No
            | A::Toggle
            | A::SwitchForm
            | A::Char(_)
            | A::Backspace
            | A::Delete
            | A::Click(_)
            | A::ScrollUp(_)
            | A::ScrollDown(_)
            | A::Resize => {}
        }
    }
    for b in buttons {
        match b {
            B::Back
            | B::Next
            | B::Book
            | B::Yes
            | B::No
            | B::Close
            | B::Register
            | B::Find
            | B::LengthLess
            | B::LengthMore
            | B::CancelBooking
            | B::StartOver
            | B::Identify
            | B::MoreTime => {}
        }
    }
    all
}

/// From every screen (even one a kiosk never shows, forced into the state), every action leaves
/// a kiosk on a screen and a box it allows: public ones before identification, hers after,
/// never staff's.
#[test]
fn no_action_from_any_screen_takes_a_kiosk_where_it_does_not_allow() {
    use sango::tui::audience::{Audience, allows};
    for identified in [false, true] {
        for start in Screen::ALL {
            let mut a =
                if identified { identified_as_a(Locale::En) } else { kiosk_app(Locale::En) };
            for action in every_action() {
                if identified && start == Screen::Wizard && a.session.wizard.is_none() {
                    ch(&mut a, 'n');
                }
                a.session.screen = start;
                update::update(&mut a, action);
                let (screen, overlay) = (a.session.screen, a.session.overlay.clone());
                let at = format!("{start:?} then {action:?}: {screen:?} {overlay:?}");
                assert!(allows(&a, screen.audience()), "{at}");
                assert!(overlay.is_none_or(|o| allows(&a, o.audience())), "{at}");
                assert_ne!(screen.audience(), Audience::Staff, "{at}");
                assert!(!a.quit, "{at}");
                if !identified {
                    assert_eq!(screen.audience(), Audience::Public, "{at}");
                }
            }
        }
    }
}

#[test]
fn a_staff_terminal_allows_every_screen_a_kiosk_only_its_own() {
    use sango::tui::audience::{Audience, allows};
    let staff = app(Locale::Ja);
    let kiosk = kiosk_app(Locale::Ja);
    let mother = identified_as_a(Locale::Ja);
    for s in Screen::ALL {
        let who = s.audience();
        assert!(allows(&staff, who), "{s:?}");
        assert_eq!(allows(&kiosk, who), who == Audience::Public, "{s:?}");
        assert_eq!(allows(&mother, who), who != Audience::Staff, "{s:?}");
    }
}

#[test]
fn a_user_number_typed_in_lower_case_or_full_width_identifies_her_without_using_a_try() {
    for typed in ["r-0001", "Ｒ－０００１"] {
        let mut a = kiosk_app(Locale::Ja);
        identify(&mut a, typed, "2026-10-01");
        assert_eq!(identified(&a).as_deref(), Some("R-0001"), "{typed}: {:?}", a.session.flash);
        assert_eq!(a.session.resident.as_ref().unwrap().resident.id, "R-0001");
    }
}
