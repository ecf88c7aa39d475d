//! Key and mouse sequences drive the app's state through whole bookings and cancellations, and
//! the store is checked afterwards: the screens call the same rules and the same store as the CLI.

mod tui_common;

use crossterm::event::KeyCode;
use sango::domain::care::CareType;
use sango::i18n::Locale;
use sango::store::{BookingFilter, Status, Store};
use sango::tui::app::{App, Button, Overlay, Screen, Target};
use sango::tui::wizard::Step;
use tui_common::*;

fn bookings_of(store: &Store, id: &str) -> Vec<sango::store::Booking> {
    store.bookings(&BookingFilter { resident: Some(id.into()), ..Default::default() }).unwrap()
}

fn step(a: &App) -> Step {
    a.session.wizard.as_ref().expect("a wizard").step
}

#[test]
fn a_whole_booking_by_keys_is_in_the_store() {
    let mut a = app(Locale::Ja);
    ch(&mut a, 'n');
    assert_eq!(a.session.screen, Screen::Wizard);
    typed(&mut a, "R-0002");
    key(&mut a, KeyCode::Enter);
    assert_eq!(step(&a), Step::Screening);
    for _ in 0..3 {
        ch(&mut a, 'n');
    }
    key(&mut a, KeyCode::Enter);
    assert_eq!(step(&a), Step::Care);
    key(&mut a, KeyCode::Enter); // stay
    assert_eq!(step(&a), Step::Facility);
    key(&mut a, KeyCode::Enter); // 東京北医療センター
    assert_eq!(step(&a), Step::Dates);
    // From today (11/20) move to 11/27 and make it 2 nights.
    key(&mut a, KeyCode::Down);
    ch(&mut a, '+');
    key(&mut a, KeyCode::Enter);
    assert_eq!(step(&a), Step::Confirm);
    key(&mut a, KeyCode::Enter);
    assert!(a.session.wizard.as_ref().unwrap().done.is_some(), "{:?}", a.session.flash);
    key(&mut a, KeyCode::Enter);
    assert_eq!(a.session.screen, Screen::Main);
    assert!(a.session.wizard.is_none());

    let list = bookings_of(a.inline_store().unwrap(), "R-0002");
    assert_eq!(list.len(), 1);
    let b = &list[0];
    assert_eq!(b.facility, "tokyo-kita-medical-center");
    assert_eq!(b.care, CareType::Stay);
    assert_eq!(b.first_day, d("2026-11-27"));
    assert_eq!(b.last_day, d("2026-11-29"));
    assert_eq!(b.units, 3);
    assert_eq!(b.fee_yen, 0, "twins, exempt");
    assert_eq!(b.terminal, "test");
    // The quota pane's numbers come from the store.
    let q = a.session.resident.as_ref().unwrap().quota.get(CareType::Stay).unwrap();
    assert_eq!((q.used, q.remaining), (3, 1));
}

#[test]
fn cancel_on_time_then_the_booking_is_cancelled_and_nothing_is_used() {
    let mut a = app(Locale::En);
    ch(&mut a, 'u');
    typed(&mut a, "R-0001");
    key(&mut a, KeyCode::Enter);
    ch(&mut a, 'b');
    assert_eq!(a.session.screen, Screen::Bookings);
    ch(&mut a, 'x');
    assert!(matches!(a.session.overlay, Some(Overlay::ConfirmCancel(_))));
    // The question says on time before confirming.
    let text = screen(&mut a, 100, 30);
    assert!(text.contains("On time"), "{text}");
    assert!(text.contains("03-"), "the facility's phone is shown: {text}");
    ch(&mut a, 'y');
    assert!(a.session.overlay.is_none());
    let b = &bookings_of(a.inline_store().unwrap(), "R-0001")[0];
    assert_eq!(b.status, Status::Cancelled);
    assert_eq!(b.units_charged, 0);
    assert_eq!(a.session.resident.as_ref().unwrap().quota.get(CareType::Day).unwrap().remaining, 6);
}

#[test]
fn cancel_late_charges_one_day() {
    let mut a = app(Locale::Ja);
    // The booking is on 11/25: on 11/24 at 11:00 it is late.
    a.now = d("2026-11-24").and_hms_opt(11, 0, 0).unwrap();
    ch(&mut a, 'u');
    typed(&mut a, "R-0001");
    key(&mut a, KeyCode::Enter);
    ch(&mut a, 'b');
    ch(&mut a, 'x');
    let text = screen(&mut a, 80, 24);
    assert!(text.contains("期限（11/24(火)11:00）を過ぎた取消です"), "{text}");
    ch(&mut a, 'y');
    let b = &bookings_of(a.inline_store().unwrap(), "R-0001")[0];
    assert_eq!(b.status, Status::CancelledLate);
    assert_eq!(b.units_charged, 1);
    assert_eq!(a.session.resident.as_ref().unwrap().quota.get(CareType::Day).unwrap().remaining, 5);
}

#[test]
fn saying_no_to_the_cancel_question_keeps_the_booking() {
    let mut a = app(Locale::Ja);
    ch(&mut a, 'u');
    typed(&mut a, "R-0001");
    key(&mut a, KeyCode::Enter);
    ch(&mut a, 'b');
    ch(&mut a, 'x');
    ch(&mut a, 'n');
    assert!(a.session.overlay.is_none());
    assert_eq!(bookings_of(a.inline_store().unwrap(), "R-0001")[0].status, Status::Booked);
}

#[test]
fn registering_a_new_resident_in_the_wizard_then_booking_a_visit() {
    let mut a = app(Locale::Ja);
    ch(&mut a, 'n');
    typed(&mut a, "K-777");
    key(&mut a, KeyCode::Enter);
    // Unknown: the form switches to registering, on the birth date.
    assert_eq!(step(&a), Step::Resident);
    assert!(a.session.wizard.as_ref().unwrap().form.register);
    typed(&mut a, "2026/11/01");
    key(&mut a, KeyCode::Down); // due date
    key(&mut a, KeyCode::Down); // babies
    typed(&mut a, "3");
    key(&mut a, KeyCode::Enter);
    assert_eq!(step(&a), Step::Screening, "{:?}", a.session.wizard.as_ref().unwrap().form.error);
    let r = a.inline_store().unwrap().resident("K-777").unwrap().unwrap();
    assert_eq!(r.birth, d("2026-11-01"));
    assert_eq!(r.babies, 3);
    for _ in 0..3 {
        ch(&mut a, 'n');
    }
    key(&mut a, KeyCode::Enter);
    key(&mut a, KeyCode::Down);
    key(&mut a, KeyCode::Down); // visit
    key(&mut a, KeyCode::Enter);
    assert_eq!(step(&a), Step::Facility);
    key(&mut a, KeyCode::Enter);
    key(&mut a, KeyCode::Right); // 11/21
    key(&mut a, KeyCode::Enter);
    assert_eq!(step(&a), Step::Confirm, "{:?}", a.session.flash);
    ch(&mut a, 'y');
    let list = bookings_of(a.inline_store().unwrap(), "K-777");
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].care, CareType::Visit);
    assert_eq!(list[0].first_day, d("2026-11-21"));
    // Triplets: 1,000 + 2 × 340.
    assert_eq!(list[0].fee_yen, 1680);
}

#[test]
fn esc_goes_back_a_step_and_keeps_what_was_chosen() {
    let mut a = app(Locale::Ja);
    ch(&mut a, 'n');
    typed(&mut a, "R-0002");
    key(&mut a, KeyCode::Enter);
    for _ in 0..3 {
        ch(&mut a, 'n');
    }
    key(&mut a, KeyCode::Enter);
    key(&mut a, KeyCode::Down); // day care
    key(&mut a, KeyCode::Enter);
    assert_eq!(step(&a), Step::Facility);
    key(&mut a, KeyCode::Esc);
    assert_eq!(step(&a), Step::Care);
    assert_eq!(a.session.wizard.as_ref().unwrap().care_cursor, 1);
    key(&mut a, KeyCode::Esc);
    key(&mut a, KeyCode::Esc);
    assert_eq!(step(&a), Step::Resident);
    assert_eq!(a.session.wizard.as_ref().unwrap().form.number.text(), "R-0002");
    assert_eq!(a.session.wizard.as_ref().unwrap().answers, vec![Some(false); 3]);
    // Esc on the first step pauses; n resumes where it was.
    key(&mut a, KeyCode::Esc);
    assert_eq!(a.session.screen, Screen::Main);
    ch(&mut a, 'n');
    assert_eq!(a.session.screen, Screen::Wizard);
    assert_eq!(a.session.wizard.as_ref().unwrap().form.number.text(), "R-0002");
}

#[test]
fn a_yes_in_the_screening_stops_with_the_contacts() {
    let mut a = app(Locale::Ja);
    ch(&mut a, 'n');
    typed(&mut a, "R-0001");
    key(&mut a, KeyCode::Enter);
    ch(&mut a, 'y');
    key(&mut a, KeyCode::Enter);
    assert_eq!(step(&a), Step::Screening);
    let text = screen(&mut a, 80, 24);
    assert!(text.contains("03-3908-7050"), "{text}");
    // Changing the answer lets it go on.
    key(&mut a, KeyCode::Up);
    ch(&mut a, 'n');
    ch(&mut a, 'n');
    ch(&mut a, 'n');
    key(&mut a, KeyCode::Enter);
    assert_eq!(step(&a), Step::Care);
}

#[test]
fn quitting_asks_only_when_a_booking_is_half_done() {
    let mut a = app(Locale::Ja);
    ch(&mut a, 'q');
    assert!(a.quit, "nothing in progress: quits at once");

    let mut a = app(Locale::Ja);
    ch(&mut a, 'n');
    typed(&mut a, "R-0001");
    key(&mut a, KeyCode::Enter);
    ch(&mut a, 'q');
    assert_eq!(a.session.overlay, Some(Overlay::ConfirmQuit));
    assert!(!a.quit);
    ch(&mut a, 'n');
    assert!(a.session.overlay.is_none());
    assert!(!a.quit);
    ch(&mut a, 'q');
    ch(&mut a, 'y');
    assert!(a.quit);
}

#[test]
fn typing_q_in_a_text_field_types_it() {
    let mut a = app(Locale::Ja);
    ch(&mut a, 'u');
    typed(&mut a, "q1");
    assert!(!a.quit);
    assert_eq!(a.session.resident_form.number.text(), "q1");
    ch(&mut a, '/'); // still typing
    assert_eq!(a.session.resident_form.number.text(), "q1/");
}

#[test]
fn refused_dates_say_why_and_stay_on_the_step() {
    let mut a = app(Locale::En);
    ch(&mut a, 'n');
    typed(&mut a, "R-0001");
    key(&mut a, KeyCode::Enter);
    for _ in 0..3 {
        ch(&mut a, 'n');
    }
    key(&mut a, KeyCode::Enter);
    key(&mut a, KeyCode::Enter); // stay
    key(&mut a, KeyCode::Enter); // first facility
    key(&mut a, KeyCode::Left); // yesterday
    key(&mut a, KeyCode::Enter);
    assert_eq!(step(&a), Step::Dates);
    let f = a.session.flash.clone().expect("a reason");
    assert!(f.error && f.text.contains("in the past"), "{f:?}");
}

#[test]
fn the_facility_step_lists_only_facilities_whose_window_has_days() {
    let mut a = app(Locale::Ja);
    // R-0002's baby was born 2026-09-15: on 2026-11-20 the 45-day and 60-day stays have ended.
    ch(&mut a, 'n');
    typed(&mut a, "R-0002");
    key(&mut a, KeyCode::Enter);
    for _ in 0..3 {
        ch(&mut a, 'n');
    }
    key(&mut a, KeyCode::Enter);
    key(&mut a, KeyCode::Enter);
    let ids: Vec<String> = sango::tui::wizard::facility::candidates(&a)
        .into_iter()
        .map(|i| a.ds.facilities[i].id.clone())
        .collect();
    assert!(ids.contains(&"tokyo-kita-medical-center".to_string()));
    assert!(!ids.contains(&"sho-hospital".to_string()), "45 days have passed");
    assert!(
        !ids.contains(&"tokyo-metropolitan-toshima-hospital".to_string()),
        "60 days have passed"
    );
    assert!(!ids.iter().any(|id| id == "mizuki-josanin"), "day care only");
}

#[test]
fn a_whole_booking_by_mouse() {
    let mut a = app(Locale::Ja);
    let (w, h) = (100, 30);
    ch(&mut a, 'n');
    typed(&mut a, "R-0001");
    let _ = draw(&mut a, w, h);
    click_target(&mut a, Target::Button(Button::Next));
    assert_eq!(step(&a), Step::Screening);
    let _ = draw(&mut a, w, h);
    for q in 0..3 {
        click_target(&mut a, Target::Answer(q, false));
    }
    let _ = draw(&mut a, w, h);
    click_target(&mut a, Target::Button(Button::Next));
    let _ = draw(&mut a, w, h);
    // Day care: click its row twice (select, then choose).
    click_target(&mut a, Target::Row(1));
    click_target(&mut a, Target::Row(1));
    assert_eq!(step(&a), Step::Facility);
    let _ = draw(&mut a, w, h);
    click_target(&mut a, Target::Row(0));
    click_target(&mut a, Target::Row(0));
    assert_eq!(step(&a), Step::Dates);
    let _ = draw(&mut a, w, h);
    let day = d("2026-11-27");
    click_target(&mut a, Target::Day(day));
    assert_eq!(a.session.day, day);
    let _ = draw(&mut a, w, h);
    click_target(&mut a, Target::Button(Button::LengthMore));
    let _ = draw(&mut a, w, h);
    click_target(&mut a, Target::Day(day));
    assert_eq!(step(&a), Step::Confirm, "{:?}", a.session.flash);
    let _ = draw(&mut a, w, h);
    click_target(&mut a, Target::Button(Button::Book));
    let list = bookings_of(a.inline_store().unwrap(), "R-0001");
    let b = list.iter().find(|b| b.first_day == day).expect("booked");
    assert_eq!((b.care, b.units, b.fee_yen), (CareType::Day, 2, 5000));
}

/// Clicks the middle of the first area the last draw recorded for `target`.
fn click_target(a: &mut App, target: Target) {
    let r = a
        .hits
        .areas
        .iter()
        .rev()
        .find(|(_, t)| *t == target)
        .map(|(r, _)| *r)
        .unwrap_or_else(|| panic!("{target:?} is not on screen"));
    click(a, r.x + r.width / 2, r.y);
}

#[test]
fn mouse_on_the_main_screen_selects_rows_and_days() {
    let mut a = app(Locale::Ja);
    let _ = draw(&mut a, 100, 30);
    click_target(&mut a, Target::FacilityRow(3));
    assert_eq!(a.session.browser.cursor, 3);
    let _ = draw(&mut a, 100, 30);
    click_target(&mut a, Target::FacilityRow(3));
    assert!(a.session.browser.detail, "a second click opens the detail");
    let _ = draw(&mut a, 100, 30);
    click_target(&mut a, Target::Day(d("2026-11-23")));
    assert_eq!(a.session.day, d("2026-11-23"));
    let text = screen(&mut a, 100, 30);
    assert!(text.contains("勤労感謝の日"), "the holiday's name on the selected day: {text}");
    click_target(&mut a, Target::MonthNext);
    assert_eq!(a.session.day, d("2026-12-23"));
}

#[test]
fn keys_move_the_calendar_by_day_week_and_month() {
    let mut a = app(Locale::Ja);
    key(&mut a, KeyCode::Tab);
    key(&mut a, KeyCode::Right);
    assert_eq!(a.session.day, d("2026-11-21"));
    ch(&mut a, 'j');
    assert_eq!(a.session.day, d("2026-11-28"));
    key(&mut a, KeyCode::PageDown);
    assert_eq!(a.session.day, d("2026-12-28"));
    ch(&mut a, '[');
    assert_eq!(a.session.day, d("2026-11-28"));
    ch(&mut a, '.');
    assert_eq!(a.session.day, d("2026-11-20"));
}

#[test]
fn search_and_type_filter_narrow_the_list() {
    let mut a = app(Locale::Ja);
    ch(&mut a, '/');
    typed(&mut a, "line");
    key(&mut a, KeyCode::Enter);
    let names: Vec<&str> =
        a.visible_facilities().iter().map(|&i| a.ds.facilities[i].id.as_str()).collect();
    assert!(names.contains(&"kazuka-clinic"));
    assert!(names.iter().all(|id| {
        a.ds.facility(id).unwrap().channels().contains(&sango::dataset::Channel::Line)
    }));
    key(&mut a, KeyCode::Esc);
    ch(&mut a, '/');
    key(&mut a, KeyCode::Esc);
    assert_eq!(a.visible_facilities().len(), 25);
    ch(&mut a, 't');
    assert!(a.visible_facilities().iter().all(|&i| a.ds.facilities[i].offers(CareType::Stay)));
}

#[test]
fn the_language_key_switches_every_string() {
    let mut a = app(Locale::Ja);
    assert!(screen(&mut a, 80, 24).contains("施設"));
    ch(&mut a, 'L');
    assert_eq!(a.session.lang, Locale::En);
    let text = screen(&mut a, 80, 24);
    assert!(text.contains("Facilities") && text.contains("Calendar") && text.contains("Quota"));
    assert!(!text.contains("カレンダー"));
}

#[test]
fn key_releases_do_nothing() {
    use crossterm::event::{Event, KeyEvent, KeyEventKind, KeyModifiers};
    let a = app(Locale::Ja);
    let release = Event::Key(KeyEvent::new_with_kind(
        KeyCode::Char('q'),
        KeyModifiers::NONE,
        KeyEventKind::Release,
    ));
    assert_eq!(sango::tui::action::from_event(&a, &release), None);
}

#[test]
fn the_help_scrolls_when_the_keys_do_not_fit() {
    let mut a = app(Locale::Ja);
    ch(&mut a, '?');
    let text = screen(&mut a, 80, 24);
    assert!(text.contains("上下でスクロール"), "{text}");
    assert!(!text.contains("q / Ctrl+C"), "{text}");
    for _ in 0..20 {
        key(&mut a, KeyCode::Down);
    }
    let text = screen(&mut a, 80, 24);
    assert!(text.contains("q / Ctrl+C") && text.contains("マウス"), "{text}");
    assert_eq!(a.session.overlay, Some(Overlay::Help), "scrolling keeps it open");
    key(&mut a, KeyCode::Esc);
    assert_eq!(a.session.overlay, None);
    // Wide enough for two columns: everything at once.
    ch(&mut a, '?');
    let text = screen(&mut a, 120, 40);
    assert!(text.contains("q / Ctrl+C") && !text.contains("上下でスクロール"), "{text}");
}

#[test]
fn a_facility_with_several_types_shows_the_period_of_each() {
    let mut a = app(Locale::Ja);
    let text = screen(&mut a, 120, 40);
    assert!(text.contains("宿:産後60日まで 日:産後120日まで"), "綾瀬産後ケア:\n{text}");
    assert!(text.contains("日:産後6か月0日まで 訪:産後1年以内"), "ムックムク:\n{text}");
    // With the stay filter, only the stay's period, unmarked.
    ch(&mut a, 't');
    let text = screen(&mut a, 120, 40);
    assert!(text.contains("綾瀬産後ケア") && text.contains("産後60日まで"), "{text}");
    assert!(!text.contains("日:産後120日まで"), "{text}");
}

/// The wizard for `id` up to the care step, the screening answered "no".
fn to_care_step(a: &mut App, id: &str) {
    ch(a, 'n');
    typed(a, id);
    key(a, KeyCode::Enter);
    for _ in 0..3 {
        ch(a, 'n');
    }
    key(a, KeyCode::Enter);
    assert_eq!(step(a), Step::Care);
}

#[test]
fn a_type_with_fewer_days_left_than_its_shortest_booking_cannot_be_chosen_and_says_why() {
    let mut a = app(Locale::Ja);
    // R-0002 uses 3 of her 4 stay days (2 nights): one day is left, a stay needs two.
    let req = sango::store::BookingRequest {
        resident: "R-0002".into(),
        facility: "tokyo-kita-medical-center".into(),
        care: CareType::Stay,
        start: d("2026-11-27"),
        length: sango::domain::care::Length::Nights(2),
    };
    a.inline_store().unwrap().book(&a.ds, &req, now(), "test").unwrap();
    to_care_step(&mut a, "R-0002");
    let text = screen(&mut a, 100, 30);
    assert!(text.contains("残り1日（最短2日）選べません"), "{text}");
    key(&mut a, KeyCode::Enter); // the stay
    assert_eq!(step(&a), Step::Care, "not chosen");
    let f = a.session.flash.clone().expect("a reason");
    assert!(f.error && f.text.contains("最短でも2日必要"), "{f:?}");
    // Day care is still there.
    key(&mut a, KeyCode::Down);
    key(&mut a, KeyCode::Enter);
    assert_eq!(step(&a), Step::Facility);
}

#[test]
fn plus_at_the_limit_says_why_it_stops() {
    let mut a = app(Locale::En);
    to_care_step(&mut a, "R-0002");
    key(&mut a, KeyCode::Enter); // stay: 4 days left, at most 3 nights
    key(&mut a, KeyCode::Enter); // first facility
    assert_eq!(step(&a), Step::Dates);
    for _ in 0..2 {
        ch(&mut a, '+');
        assert!(a.session.flash.is_none(), "{:?}", a.session.flash);
    }
    assert_eq!(a.session.wizard.as_ref().unwrap().length, 3);
    ch(&mut a, '+');
    assert_eq!(a.session.wizard.as_ref().unwrap().length, 3);
    let f = a.session.flash.clone().expect("a reason");
    assert!(f.error && f.text.contains("4 days left"), "{f:?}");
}

#[test]
fn the_screening_asks_again_for_every_booking_and_every_mother() {
    let mut a = app(Locale::Ja);
    to_care_step(&mut a, "R-0001");
    // Leave the wizard half done (Esc back to the start, then out), choose another mother.
    for _ in 0..3 {
        key(&mut a, KeyCode::Esc);
    }
    assert_eq!(a.session.screen, Screen::Main);
    ch(&mut a, 'u');
    for _ in 0..10 {
        key(&mut a, KeyCode::Backspace);
    }
    typed(&mut a, "R-0002");
    key(&mut a, KeyCode::Enter);
    assert_eq!(a.resident_id(), Some("R-0002"));
    ch(&mut a, 'n');
    let w = a.session.wizard.as_ref().unwrap();
    assert!(w.answers.iter().all(Option::is_none), "R-0001's answers are not R-0002's: {w:?}");
    // A finished booking: the next one asks again too.
    let mut a = app(Locale::Ja);
    to_care_step(&mut a, "R-0002");
    key(&mut a, KeyCode::Enter);
    key(&mut a, KeyCode::Enter);
    key(&mut a, KeyCode::Down);
    key(&mut a, KeyCode::Enter);
    key(&mut a, KeyCode::Enter);
    assert!(a.session.wizard.as_ref().unwrap().done.is_some(), "{:?}", a.session.flash);
    key(&mut a, KeyCode::Enter);
    ch(&mut a, 'n');
    let w = a.session.wizard.as_ref().unwrap();
    assert!(w.step <= Step::Screening && w.answers.iter().all(Option::is_none), "{w:?}");
}

#[test]
fn after_booking_the_screen_gives_the_code_says_what_was_done_and_what_remains() {
    let mut a = app(Locale::Ja);
    to_care_step(&mut a, "R-0002");
    key(&mut a, KeyCode::Enter);
    key(&mut a, KeyCode::Enter);
    key(&mut a, KeyCode::Down);
    key(&mut a, KeyCode::Enter);
    let before = screen(&mut a, 120, 40);
    assert!(before.contains("区の記録に登録") && before.contains("施設への申込"), "{before}");
    key(&mut a, KeyCode::Enter);
    let code = bookings_of(a.inline_store().unwrap(), "R-0002")[0].code.clone().unwrap();
    let text = screen(&mut a, 120, 40);
    assert!(text.contains(&format!("予約番号 {code}")), "{text}");
    assert!(
        text.contains("区の記録に登録しました") && text.contains("施設へ電話で利用を申し込んで")
    );
    assert!(!text.contains("y でも予約できます"), "no invitation to book again:\n{text}");
    // Her bookings list shows the code too.
    key(&mut a, KeyCode::Enter);
    ch(&mut a, 'b');
    assert!(screen(&mut a, 100, 30).contains(&code));
}

#[test]
fn every_mark_of_a_day_stays_visible_in_the_calendar() {
    let mut a = app(Locale::Ja);
    // R-0001 also has day care on 11/23, a public holiday (勤労感謝の日).
    let req = sango::store::BookingRequest {
        resident: "R-0001".into(),
        facility: "mizuki-josanin".into(),
        care: CareType::Day,
        start: d("2026-11-23"),
        length: sango::domain::care::Length::Days(1),
    };
    let at = d("2026-11-01").and_hms_opt(9, 0, 0).unwrap();
    a.inline_store().unwrap().book(&a.ds, &req, at, "test").unwrap();
    ch(&mut a, 'u');
    typed(&mut a, "R-0001");
    key(&mut a, KeyCode::Enter);
    let text = screen(&mut a, 100, 30);
    assert!(text.contains("*23+"), "a holiday with a booking:\n{text}");
    // The cursor on a holiday: the bracket and the holiday mark.
    key(&mut a, KeyCode::Tab);
    for _ in 0..17 {
        key(&mut a, KeyCode::Left);
    }
    assert_eq!(a.session.day, d("2026-11-03"));
    let text = screen(&mut a, 100, 30);
    assert!(text.contains("[ 3*"), "a selected holiday:\n{text}");
    // A refused booked day in the dates being chosen: two days of day care from 11/24 run into
    // her booking on 11/25.
    let mut a = app(Locale::Ja);
    to_care_step(&mut a, "R-0001");
    key(&mut a, KeyCode::Down);
    key(&mut a, KeyCode::Enter);
    key(&mut a, KeyCode::Enter);
    assert_eq!(step(&a), Step::Dates);
    for _ in 0..4 {
        key(&mut a, KeyCode::Right);
    }
    ch(&mut a, '+');
    assert_eq!(a.session.day, d("2026-11-24"));
    let text = screen(&mut a, 100, 30);
    assert!(text.contains("[24!") && text.contains("+25!"), "a refused booked day:\n{text}");
}
