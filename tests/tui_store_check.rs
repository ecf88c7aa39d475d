//! The terminal app's daily full check of the store: it runs on its own thread when the last
//! kept result is a day old or missing, and damage it finds stops every write of the app and
//! stays in the status line.

mod common;

use std::time::{Duration, Instant};

use chrono::NaiveDate;
use sango::domain::care::{CareType, Length};
use sango::i18n::Locale;
use sango::store::{BookingRequest, DataDir, ResidentInput, Store, StoreError, StoreKind};
use sango::tui::app::App;
use sango::tui::theme::{Theme, ThemeKind};
use sango::tui::{store_check, view};

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn stay(start: &str) -> BookingRequest {
    BookingRequest {
        resident: "R1".into(),
        facility: "tokyo-kita-medical-center".into(),
        care: CareType::Stay,
        start: d(start),
        length: Length::Nights(3),
    }
}

/// The app on the practice store of `dir`, at a fixed moment.
fn app_on(dir: &std::path::Path) -> App {
    let data = DataDir { path: dir.to_path_buf(), explicit: true };
    let store = Store::open_kind(&data, StoreKind::Practice).unwrap();
    let ds = sango::dataset::load_embedded().unwrap();
    let now = d("2026-11-20").and_hms_opt(10, 30, 0).unwrap();
    let mut app = App::new(ds, store, Locale::Ja, Theme::new(ThemeKind::Normal), now);
    app.data_dir = Some(dir.to_path_buf());
    app.practice = true;
    app
}

/// Turns of the event loop until the running check has answered.
fn until_answered(app: &mut App) -> bool {
    let start = Instant::now();
    loop {
        let changed = store_check::tick(app);
        if app.store_check.is_none() {
            return changed;
        }
        assert!(start.elapsed() < Duration::from_secs(30), "the check never answered");
        std::thread::sleep(Duration::from_millis(10));
    }
}

fn status_line(app: &mut App) -> String {
    let mut t = ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 40)).unwrap();
    t.draw(|f| {
        view::draw(f, app);
    })
    .unwrap();
    let buf = t.backend().buffer();
    let y = buf.area.height - 1;
    (0..buf.area.width).map(|x| buf[(x, y)].symbol().to_string()).collect()
}

#[test]
fn the_daily_check_finds_a_damaged_index_in_the_background_and_stops_writes() {
    let dir = tempfile::tempdir().unwrap();
    {
        let app = app_on(dir.path());
        let at = d("2026-11-02").and_hms_opt(9, 0, 0).unwrap();
        app.inline_store()
            .unwrap()
            .add_resident(&ResidentInput::new("R1", d("2026-11-01")), at, "t")
            .unwrap();
        app.inline_store().unwrap().book(&app.ds, &stay("2026-12-03"), at, "t").unwrap();
    }
    common::hide_r1_stay_from_the_index(&dir.path().join("sango-practice.sqlite3"));

    let mut app = app_on(dir.path());
    assert!(store_check::due(app.inline_store().unwrap(), app.now), "never checked");
    assert!(!store_check::tick(&mut app), "starting a check changes nothing on screen");
    assert!(app.store_check.is_some(), "a check is running");
    assert!(until_answered(&mut app));
    let damage = app.inline_store().unwrap().known_damage().expect("the damage is known");
    assert!(damage.detail.contains("bookings_by_resident"), "{}", damage.detail);
    assert!(dir.path().join("sango-practice.sqlite3.check.json").exists(), "the result is kept");
    assert!(!store_check::due(app.inline_store().unwrap(), app.now), "checked today");
    // Her second stay would go over the limit through the damaged index: it is refused.
    let at = d("2026-11-20").and_hms_opt(10, 30, 0).unwrap();
    let refused = app.inline_store().unwrap().book(&app.ds, &stay("2026-12-13"), at, "t");
    assert!(matches!(refused, Err(StoreError::DamageKnown { .. })), "{refused:?}");
    app.session.flash = None;
    let line = status_line(&mut app);
    assert!(line.replace(" ", "").contains("破損"), "the damage stays in sight: {line}");

    // A sound store: the check runs, keeps "ok", changes nothing on screen.
    let sound = tempfile::tempdir().unwrap();
    let mut app = app_on(sound.path());
    store_check::tick(&mut app);
    assert!(!until_answered(&mut app));
    assert!(app.inline_store().unwrap().known_damage().is_none());
    assert!(app.inline_store().unwrap().last_check().unwrap().ok);
    // Not again the same day.
    store_check::tick(&mut app);
    assert!(app.store_check.is_none());
}
