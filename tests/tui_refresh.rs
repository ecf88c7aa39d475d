//! The screens follow the store when another terminal or the command line changes it: a second
//! connection to the same file books and cancels, and after the event loop's next look (one
//! `refresh::tick`, no key) the resident's bookings and quota, the wizard's live check, the day
//! view, the week, the report and the registry show it. The status line says how fresh the data
//! is; staff can reload at once with Ctrl-R. A kiosk reloads only its identified mother.

mod tui_common;

use crossterm::event::KeyCode;
use sango::domain::care::{CareType, Length};
use sango::i18n::Locale;
use sango::store::{BookingFilter, BookingRequest, Store};
use sango::tui::app::{App, Overlay, Screen};
use sango::tui::refresh::{self, EVERY_MS};
use sango::tui::wizard::Step;
use tui_common::*;

/// A moment of the other terminal's writes (the practice store takes any).
fn at() -> chrono::NaiveDateTime {
    d("2026-11-20").and_hms_opt(10, 29, 0).unwrap()
}

fn ds() -> sango::dataset::Dataset {
    sango::dataset::load_embedded().unwrap()
}

/// R-0001's day care on 11/25 (the booking of the fixture), cancelled by another connection.
fn cancel_elsewhere(other: &Store) {
    let b = other
        .bookings(&BookingFilter { resident: Some("R-0001".into()), ..Default::default() })
        .unwrap()
        .pop()
        .unwrap();
    other.cancel(&ds(), &b.id, at(), "other").unwrap();
}

fn book_elsewhere(other: &Store, resident: &str, care: CareType, start: &str, length: Length) {
    let facility = match care {
        CareType::Stay => "tokyo-kita-medical-center",
        CareType::Day => "mizuki-josanin",
        CareType::Visit => "mukkumuku",
    };
    let req = BookingRequest {
        resident: resident.into(),
        facility: facility.into(),
        care,
        start: d(start),
        length,
    };
    other.book(&ds(), &req, at(), "other").unwrap();
}

/// The screen's line that shows `what`.
fn line_of(text: &str, what: &str) -> String {
    text.lines().find(|l| l.contains(what)).unwrap_or_default().to_string()
}

/// A staff terminal on the store in `dir`, R-0001 chosen.
fn staff_on(dir: &std::path::Path) -> App {
    let mut a = app_with(file_store(dir), Locale::Ja);
    ch(&mut a, 'u');
    typed(&mut a, "R-0001");
    key(&mut a, KeyCode::Enter);
    a.session.flash = None;
    a
}

#[test]
fn a_cancellation_elsewhere_shows_in_her_bookings_and_quota_after_the_next_look() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = staff_on(dir.path());
    ch(&mut a, 'b');
    let before = screen(&mut a, 100, 30);
    assert!(line_of(&before, "みづき助産院").contains("予約済み"), "{before}");
    assert_eq!(a.session.resident.as_ref().unwrap().quota.get(CareType::Day).unwrap().remaining, 5);
    refresh::tick(&mut a, 0);

    cancel_elsewhere(&open_file(dir.path()));
    // Not before the next look: at most one a second.
    assert!(!refresh::tick(&mut a, EVERY_MS - 1));
    assert!(line_of(&screen(&mut a, 100, 30), "みづき助産院").contains("予約済み"));
    assert!(refresh::tick(&mut a, EVERY_MS), "the screen changes");
    let after = screen(&mut a, 100, 30);
    assert!(line_of(&after, "みづき助産院").contains("取消"), "{after}");
    assert_eq!(a.session.resident.as_ref().unwrap().quota.get(CareType::Day).unwrap().remaining, 6);
    // The main screen's quota pane, too.
    key(&mut a, KeyCode::Esc);
    let main = screen(&mut a, 100, 30);
    assert!(!main.contains("+11/25"), "the calendar's list of her bookings: {main}");
}

#[test]
fn the_wizards_live_check_follows_a_booking_made_elsewhere() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = app_with(file_store(dir.path()), Locale::Ja);
    ch(&mut a, 'n');
    typed(&mut a, "R-0002");
    key(&mut a, KeyCode::Enter);
    for _ in 0..3 {
        ch(&mut a, 'n');
    }
    key(&mut a, KeyCode::Enter);
    key(&mut a, KeyCode::Enter); // stay
    key(&mut a, KeyCode::Enter); // 東京北医療センター
    key(&mut a, KeyCode::Right); // 11/21
    ch(&mut a, '+'); // 2 nights: 3 of her 4 days
    assert_eq!(a.session.wizard.as_ref().unwrap().step, Step::Dates);
    assert!(screen(&mut a, 100, 30).contains("予約できます"));
    refresh::tick(&mut a, 0);
    // Another terminal books 2 of her days meanwhile: 2 are left, 3 do not fit.
    book_elsewhere(
        &open_file(dir.path()),
        "R-0002",
        CareType::Stay,
        "2026-12-10",
        Length::Nights(1),
    );
    refresh::tick(&mut a, EVERY_MS);
    let text = screen(&mut a, 100, 30);
    assert!(text.contains("この日程は予約できません"), "{text}");
    key(&mut a, KeyCode::Enter);
    assert_eq!(a.session.wizard.as_ref().unwrap().step, Step::Dates, "refused at once");
}

#[test]
fn the_day_view_the_week_the_report_and_the_registry_follow_the_store() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = app_with(file_store(dir.path()), Locale::En);
    let other = open_file(dir.path());
    refresh::tick(&mut a, 0);
    let mut ms = 0;
    let mut look = |a: &mut App| {
        ms += EVERY_MS;
        refresh::tick(a, ms);
    };

    // The day view of 11/25: R-0001's day care, then cancelled elsewhere.
    ch(&mut a, 'd');
    for _ in 0..5 {
        key(&mut a, KeyCode::Right);
    }
    assert_eq!(a.session.day_view.rows.len(), 1);
    assert!(screen(&mut a, 100, 30).contains("1 in use"));
    cancel_elsewhere(&other);
    look(&mut a);
    let text = screen(&mut a, 100, 30);
    assert!(text.contains("0 in use") && line_of(&text, "R-0001").contains("cancelled"), "{text}");

    // The week of 東京北医療センター: a stay booked elsewhere appears.
    key(&mut a, KeyCode::Tab);
    assert!(a.session.day_view.week);
    let before = a.session.day_view.rows.len();
    book_elsewhere(&other, "R-0002", CareType::Stay, "2026-11-26", Length::Nights(1));
    look(&mut a);
    assert_eq!(a.session.day_view.rows.len(), before + 1, "{}", screen(&mut a, 100, 30));
    assert!(screen(&mut a, 100, 30).contains("R-0002"));

    // The report of November: the new stay counts.
    key(&mut a, KeyCode::Esc);
    ch(&mut a, 'm');
    let stays = |a: &App| a.session.report.report.as_ref().unwrap().totals.stay_days;
    let before = stays(&a);
    book_elsewhere(&other, "R-0002", CareType::Stay, "2026-11-29", Length::Nights(1));
    look(&mut a);
    assert_eq!(stays(&a), before + 2);

    // The registry: a resident registered elsewhere is listed, the cursor stays on hers.
    key(&mut a, KeyCode::Esc);
    ch(&mut a, 'r');
    key(&mut a, KeyCode::Down);
    let current = |a: &App| a.session.registry.current().unwrap().resident.id.clone();
    assert_eq!(current(&a), "R-0002");
    let input = sango::store::ResidentInput::new("R-0000", d("2026-10-10"));
    other.add_resident(&input, at(), "other").unwrap();
    look(&mut a);
    assert!(screen(&mut a, 100, 30).contains("R-0000"));
    assert_eq!(current(&a), "R-0002", "the cursor stays on the same resident");
}

#[test]
fn the_status_line_says_how_fresh_the_data_is_and_nothing_changes_without_a_change() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = staff_on(dir.path());
    let status = |a: &mut App, w| screen(a, w, 24).lines().last().unwrap().to_string();
    for w in [80, 120] {
        assert!(status(&mut a, w).contains("更新 10:30:00"), "{}", status(&mut a, w));
    }
    // Each look that finds the store readable moves the time on.
    refresh::tick(&mut a, 0);
    a.now = d("2026-11-20").and_hms_opt(10, 30, 7).unwrap();
    refresh::tick(&mut a, EVERY_MS);
    assert!(status(&mut a, 80).contains("更新 10:30:07"), "{}", status(&mut a, 80));
    // Nothing changed: nothing was read again (a state set by hand stays).
    a.session.resident.as_mut().unwrap().bookings.clear();
    refresh::tick(&mut a, 2 * EVERY_MS);
    assert!(a.session.resident.as_ref().unwrap().bookings.is_empty(), "read again for nothing");
    // English, at 80 columns.
    ch(&mut a, 'L');
    assert!(status(&mut a, 80).contains("data as of 10:30:07"), "{}", status(&mut a, 80));
    // A long message takes the room at 80 columns while the data is fresh (its time is the
    // clock's); data older than a few seconds (the store unreadable since) keeps its time.
    a.session.flash = Some(sango::tui::app::Flash { error: false, text: "x".repeat(60) });
    assert!(!status(&mut a, 80).contains("as of"), "{}", status(&mut a, 80));
    a.now = d("2026-11-20").and_hms_opt(10, 30, 20).unwrap();
    assert!(refresh::stale(&a));
    assert!(status(&mut a, 80).contains("data as of 10:30:07"), "{}", status(&mut a, 80));
    // The loop wakes at least every second to look.
    assert!(refresh::next_wake(&a, 2 * EVERY_MS) <= EVERY_MS);
    assert!(refresh::next_wake(&a, 2 * EVERY_MS + 400) <= 600);
}

#[test]
fn ctrl_r_reloads_at_once_and_is_in_the_help() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = staff_on(dir.path());
    ch(&mut a, 'b');
    cancel_elsewhere(&open_file(dir.path()));
    ctrl(&mut a, 'r');
    let text = screen(&mut a, 100, 30);
    assert!(line_of(&text, "みづき助産院").contains("取消"), "{text}");
    assert!(text.contains("最新の内容を読み込みました"), "{text}");
    ch(&mut a, '?');
    assert!(screen(&mut a, 100, 40).contains("Ctrl+R"));
    for lang in [Locale::Ja, Locale::En] {
        assert!(sango::tui::help::staff_keys(lang).iter().any(|(k, _)| k == "Ctrl+R"));
    }
}

#[test]
fn a_cancel_question_about_a_booking_cancelled_elsewhere_closes() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = staff_on(dir.path());
    ch(&mut a, 'b');
    ch(&mut a, 'x');
    assert!(matches!(a.session.overlay, Some(Overlay::ConfirmCancel(_))));
    refresh::tick(&mut a, 0);
    cancel_elsewhere(&open_file(dir.path()));
    refresh::tick(&mut a, EVERY_MS);
    assert_eq!(a.session.overlay, None);
    let text = screen(&mut a, 100, 30);
    assert!(text.contains("別の端末で変更されました"), "{text}");
}

#[test]
fn a_kiosk_reloads_its_mother_only_and_refuses_ctrl_r() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = app_with(kiosk_file_store(dir.path()), Locale::Ja);
    a.enter_kiosk(120, pin_dir(), 0);
    // Before identification nothing of the store is on screen, nor its time.
    assert!(!screen(&mut a, 120, 40).contains("更新 "));
    identify(&mut a, "R-0001", "2026-10-01");
    ch(&mut a, 'b');
    refresh::tick(&mut a, 0);
    assert!(screen(&mut a, 120, 40).contains("更新 10:30:00"));
    let other = open_file(dir.path());
    cancel_elsewhere(&other);
    book_elsewhere(&other, "R-0002", CareType::Visit, "2026-11-26", Length::Visit);
    refresh::tick(&mut a, EVERY_MS);
    let text = screen(&mut a, 120, 40);
    assert!(line_of(&text, "みづき助産院").contains("取消"), "{text}");
    assert!(!text.contains("R-0002"), "{text}");
    let info = a.session.resident.as_ref().unwrap();
    assert_eq!(info.resident.id, "R-0001");
    assert!(info.bookings.iter().all(|b| b.resident == "R-0001"));
    // A record of another mother put in her place (no key can) is replaced by hers.
    a.session.resident.as_mut().unwrap().resident = other.resident("R-0002").unwrap().unwrap();
    book_elsewhere(&other, "R-0001", CareType::Visit, "2026-11-27", Length::Visit);
    refresh::tick(&mut a, 2 * EVERY_MS);
    assert_eq!(a.session.resident.as_ref().unwrap().resident.id, "R-0001");
    // Ctrl-R is a staff key.
    ctrl(&mut a, 'r');
    assert!(a.session.flash.as_ref().is_some_and(|f| f.error), "{:?}", a.session.flash);
    assert_eq!(a.session.screen, Screen::Bookings);
}
