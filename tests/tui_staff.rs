//! The staff screens by key sequences, checked against the store: the resident registry (find,
//! register, edit with the CLI's validation), the day and week views, the export dialog (the
//! same content as `sango export`, written under the data folder's exports/ and its path shown)
//! and the monthly report (the same numbers as `sango report`). At a kiosk none of them opens.

mod tui_common;

use crossterm::event::KeyCode;
use sango::i18n::Locale;
use sango::store::BookingFilter;
use sango::tui::app::{Field, Overlay, Screen};
use tui_common::*;

#[test]
fn registry_lists_finds_and_chooses() {
    let mut a = app_with(kiosk_store(), Locale::Ja);
    ch(&mut a, 'r');
    assert_eq!(a.session.screen, Screen::Registry);
    assert_eq!(a.session.registry.visible().len(), 2);
    let text = screen(&mut a, 100, 30);
    assert!(text.contains("R-0001") && text.contains("R-0002"), "{text}");
    // Find by user number.
    ch(&mut a, '/');
    typed(&mut a, "0002");
    key(&mut a, KeyCode::Enter);
    assert_eq!(a.session.registry.visible().len(), 1);
    assert_eq!(a.session.registry.current().unwrap().resident.id, "R-0002");
    let text = screen(&mut a, 100, 30);
    assert!(text.contains("東京北医療センター"), "her booking beside the list: {text}");
    // Esc clears the filter first, then leaves.
    key(&mut a, KeyCode::Esc);
    assert_eq!(a.session.registry.visible().len(), 2);
    // u chooses the resident under the cursor for the panes.
    key(&mut a, KeyCode::Down);
    ch(&mut a, 'u');
    assert_eq!(a.session.screen, Screen::Main);
    assert_eq!(a.resident_id(), Some("R-0002"));
}

#[test]
fn registry_edits_with_the_same_validation_as_the_cli() {
    let mut a = app(Locale::En);
    ch(&mut a, 'r');
    key(&mut a, KeyCode::Enter); // edit R-0001
    let form = a.session.registry.form.as_ref().expect("the edit form");
    assert!(form.edit);
    assert_eq!(form.birth.text(), "2026-10-01");
    // 修正月齢 without a due date: refused by the same check as the CLI (ResidentInput).
    key(&mut a, KeyCode::Down); // due
    key(&mut a, KeyCode::Down); // babies
    key(&mut a, KeyCode::Down); // corrected
    key(&mut a, KeyCode::Char(' '));
    key(&mut a, KeyCode::Enter);
    let err = a.session.registry.form.as_ref().unwrap().error.clone().expect("refused");
    assert!(err.contains("corrected age") && err.contains("due date"), "{err}");
    assert!(!a.inline_store().unwrap().resident("R-0001").unwrap().unwrap().corrected);
    assert_eq!(
        a.session.registry.form.as_ref().unwrap().current(),
        Field::Due,
        "the cursor on the due date"
    );
    // Babies out of range.
    key(&mut a, KeyCode::Down); // babies
    key(&mut a, KeyCode::Backspace);
    typed(&mut a, "11");
    key(&mut a, KeyCode::Enter);
    let err = a.session.registry.form.as_ref().unwrap().error.clone().unwrap();
    assert!(err.contains("between 1 and 10"), "{err}");
    // A due date, twins, corrected age: saved, audited with the terminal id.
    key(&mut a, KeyCode::Backspace);
    key(&mut a, KeyCode::Backspace);
    typed(&mut a, "2");
    key(&mut a, KeyCode::Up); // due
    typed(&mut a, "2026-10-20");
    key(&mut a, KeyCode::Enter);
    // Twins: her day care on 11/25 costs the twins fee from now on; the change is shown first.
    let review = a.session.registry.review.as_ref().expect("the review of her bookings");
    assert_eq!(review.items.len(), 1);
    assert_eq!(review.items[0].affected.new_fee_yen(), Some(2500 + 840));
    assert!(screen(&mut a, 120, 40).contains("fee ¥2,500 -> ¥3,340"));
    assert_eq!(
        a.inline_store().unwrap().resident("R-0001").unwrap().unwrap().babies,
        1,
        "not saved yet"
    );
    key(&mut a, KeyCode::Enter);
    assert!(
        a.session.registry.form.is_none(),
        "{:?}",
        a.session.registry.form.as_ref().and_then(|f| f.error.clone())
    );
    let r = a.inline_store().unwrap().resident("R-0001").unwrap().unwrap();
    assert_eq!((r.babies, r.corrected, r.due), (2, true, Some(d("2026-10-20"))));
    let ev = a.inline_store().unwrap().events_for("R-0001").unwrap();
    let last = ev.last().unwrap();
    assert_eq!(last.terminal, "test");
    assert!(
        a.session.flash.as_ref().is_some_and(|f| f.text.contains("Saved")),
        "{:?}",
        a.session.flash
    );
    let booking = &a.session.resident.as_ref().map_or_else(
        || {
            a.inline_store()
                .unwrap()
                .bookings(&BookingFilter { resident: Some("R-0001".into()), ..Default::default() })
                .unwrap()
        },
        |r| r.bookings.clone(),
    )[0];
    assert_eq!(a.inline_store().unwrap().booking(&booking.id).unwrap().unwrap().fee_yen, 3340);
    let text = screen(&mut a, 120, 40);
    assert!(text.contains("2 babies") && text.contains("corrected age"), "{text}");
    // A birth date in the future is refused.
    key(&mut a, KeyCode::Enter);
    for _ in 0..12 {
        key(&mut a, KeyCode::Backspace);
    }
    typed(&mut a, "2027-01-01");
    key(&mut a, KeyCode::Enter);
    assert!(a.session.registry.form.as_ref().unwrap().error.as_ref().unwrap().contains("future"));
    key(&mut a, KeyCode::Esc);
    assert!(a.session.registry.form.is_none());
    assert_eq!(
        a.inline_store().unwrap().resident("R-0001").unwrap().unwrap().birth,
        d("2026-10-01")
    );
}

#[test]
fn registry_registers_a_new_resident() {
    let mut a = app(Locale::Ja);
    ch(&mut a, 'r');
    key(&mut a, KeyCode::F(2));
    assert!(a.session.registry.form.as_ref().unwrap().register);
    typed(&mut a, "K-100");
    key(&mut a, KeyCode::Down);
    typed(&mut a, "2026/11/03");
    key(&mut a, KeyCode::Down);
    key(&mut a, KeyCode::Down);
    typed(&mut a, "2");
    key(&mut a, KeyCode::Enter);
    assert!(a.session.registry.form.is_none());
    let r = a.inline_store().unwrap().resident("K-100").unwrap().unwrap();
    assert_eq!((r.birth, r.babies), (d("2026-11-03"), 2));
    assert_eq!(a.session.registry.current().unwrap().resident.id, "K-100", "the cursor is on her");
    // The same number again is refused.
    key(&mut a, KeyCode::F(2));
    typed(&mut a, "K-100");
    key(&mut a, KeyCode::Down);
    typed(&mut a, "2026-11-03");
    key(&mut a, KeyCode::Enter);
    let err = a.session.registry.form.as_ref().unwrap().error.clone().unwrap();
    assert!(err.contains("登録済み"), "{err}");
}

#[test]
fn the_day_view_lists_every_booking_of_the_day() {
    let mut a = app_with(kiosk_store(), Locale::En);
    ch(&mut a, 'd');
    assert_eq!(a.session.screen, Screen::Day);
    assert_eq!(a.session.day_view.date, d("2026-11-20"));
    assert!(a.session.day_view.rows.is_empty());
    assert!(screen(&mut a, 80, 24).contains("No bookings on this day"));
    for _ in 0..5 {
        key(&mut a, KeyCode::Right);
    }
    assert_eq!(a.session.day_view.date, d("2026-11-25"));
    let who: Vec<&str> = a.session.day_view.rows.iter().map(|b| b.resident.as_str()).collect();
    assert_eq!(who, ["R-0001"]);
    let text = screen(&mut a, 80, 24);
    assert!(text.contains("R-0001") && text.contains("みづき助産院") && text.contains("booked"));
    // A stay counts on each of its days; a cancelled booking says so.
    key(&mut a, KeyCode::Right);
    key(&mut a, KeyCode::Right);
    key(&mut a, KeyCode::Right);
    assert_eq!(a.session.day_view.date, d("2026-11-28"));
    assert_eq!(a.session.day_view.rows.len(), 1);
    let id = a.session.day_view.rows[0].id.clone();
    a.inline_store().unwrap().cancel(&a.ds, &id, now(), "test").unwrap();
    key(&mut a, KeyCode::Left);
    key(&mut a, KeyCode::Right);
    let text = screen(&mut a, 80, 24);
    assert!(text.contains("cancelled") && text.contains("0 in use"), "{text}");
    // . goes back to today; PgDn a week on.
    ch(&mut a, '.');
    key(&mut a, KeyCode::PageDown);
    assert_eq!(a.session.day_view.date, d("2026-11-27"));
    key(&mut a, KeyCode::Esc);
    assert_eq!(a.session.screen, Screen::Main);
}

#[test]
fn the_week_view_shows_one_facility_day_by_day() {
    let mut a = app_with(kiosk_store(), Locale::Ja);
    ch(&mut a, 'd');
    key(&mut a, KeyCode::Tab);
    assert!(a.session.day_view.week);
    // The cursor facility of the browser: the first, 東京北医療センター, R-0002's stay.
    assert_eq!(a.ds.facilities[a.session.day_view.facility].id, "tokyo-kita-medical-center");
    assert_eq!(a.session.day_view.week_start(), d("2026-11-16"));
    assert!(a.session.day_view.rows.is_empty());
    key(&mut a, KeyCode::Right);
    assert_eq!(a.session.day_view.week_start(), d("2026-11-23"));
    assert_eq!(a.session.day_view.rows.len(), 1);
    let text = screen(&mut a, 80, 24);
    assert!(text.contains("R-0002") && text.contains("宿"), "{text}");
    // Down: the next facility.
    key(&mut a, KeyCode::Down);
    assert_eq!(a.session.day_view.facility, 1);
    assert!(a.session.day_view.rows.is_empty());
}

#[test]
fn export_writes_the_cli_formats_under_exports_and_shows_the_path() {
    let data = tempfile::tempdir().unwrap();
    let mut a = app(Locale::Ja);
    a.data_dir = Some(data.path().to_path_buf());
    ch(&mut a, 'e');
    assert_eq!(a.session.overlay, Some(Overlay::Export));
    key(&mut a, KeyCode::Enter); // JSON
    let path = a.session.export.result.clone().unwrap().unwrap();
    assert_eq!(path.parent().unwrap(), data.path().join("exports"));
    assert_eq!(path.file_name().unwrap(), "sango-20261120-103000.json");
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        a.inline_store().unwrap().export_json(Some("131172")).unwrap()
    );
    let text = screen(&mut a, 120, 40);
    assert!(text.contains("sango-20261120-103000.json"), "the path is shown: {text}");
    // CSV, twice in the same second: two files.
    key(&mut a, KeyCode::Down);
    key(&mut a, KeyCode::Enter);
    key(&mut a, KeyCode::Enter);
    let csv = a.session.export.result.clone().unwrap().unwrap();
    assert_eq!(csv.file_name().unwrap(), "sango-20261120-103000-2.csv");
    assert_eq!(
        std::fs::read_to_string(&csv).unwrap(),
        a.inline_store().unwrap().export_csv(Some(&a.ds), now().date()).unwrap()
    );
    key(&mut a, KeyCode::Down);
    key(&mut a, KeyCode::Enter);
    let ics = a.session.export.result.clone().unwrap().unwrap();
    assert_eq!(
        std::fs::read_to_string(&ics).unwrap(),
        a.inline_store().unwrap().export_ics(Some(&a.ds)).unwrap()
    );
    key(&mut a, KeyCode::Esc);
    assert_eq!(a.session.overlay, None);
    // Without a data folder (a store in memory) it says so.
    a.data_dir = None;
    ch(&mut a, 'e');
    key(&mut a, KeyCode::Enter);
    assert!(a.session.export.result.clone().unwrap().is_err());
}

#[test]
fn the_report_has_the_numbers_of_sango_report() {
    let mut a = app_with(kiosk_store(), Locale::En);
    // A late cancellation in December, and a visit.
    let id = a
        .inline_store()
        .unwrap()
        .bookings(&BookingFilter { resident: Some("R-0001".into()), ..Default::default() })
        .unwrap()[0]
        .id
        .clone();
    a.inline_store()
        .unwrap()
        .cancel(&a.ds, &id, d("2026-11-24").and_hms_opt(12, 0, 0).unwrap(), "test")
        .unwrap();
    ch(&mut a, 'm');
    assert_eq!(a.session.screen, Screen::Report);
    let rep = a.session.report.report.clone().unwrap();
    assert_eq!(rep.month.to_string(), "2026-11");
    let names: Vec<&str> = rep.facilities.iter().map(|f| f.facility_id.as_str()).collect();
    assert_eq!(names, ["tokyo-kita-medical-center", "mizuki-josanin"], "dataset order");
    assert_eq!(rep.totals.uses, 2);
    assert_eq!(rep.totals.stay_days, 2);
    assert_eq!(rep.totals.day_care_days, 0, "a late cancellation is not care given");
    assert_eq!(rep.totals.late_cancellations, 1);
    assert_eq!(rep.totals.fees_yen, 0, "R-0002 is exempt; the late cancel adds no fee");
    let text = screen(&mut a, 80, 24);
    assert!(text.contains("Total") && text.contains("1/1"), "{text}");
    assert_eq!(
        sango::tui::report_view::build(a.inline_store().unwrap(), &a.ds, rep.month).unwrap(),
        rep,
        "the screen is the report's function"
    );
    // The next month has nothing.
    key(&mut a, KeyCode::Right);
    assert!(a.session.report.report.as_ref().unwrap().facilities.is_empty());
    assert!(screen(&mut a, 80, 24).contains("No use this month"));
    ch(&mut a, '.');
    assert_eq!(a.session.report.month.to_string(), "2026-11");
}

#[test]
fn a_kiosk_opens_none_of_the_staff_screens() {
    let mut a = kiosk_app(Locale::Ja);
    identify(&mut a, "R-0001", "2026-10-01");
    for c in ['r', 'd', 'm', 'e', 'u'] {
        ch(&mut a, c);
        assert_eq!(a.session.screen, Screen::Main, "{c}");
        assert_eq!(a.session.overlay, None, "{c}");
        assert!(a.session.flash.as_ref().is_some_and(|f| f.error), "{c} is refused");
    }
    // Even forced, the screens fall back to the welcome screen at the next key.
    a.session.screen = Screen::Registry;
    key(&mut a, KeyCode::Down);
    assert_eq!(a.session.screen, Screen::Main);
    a.session.screen = Screen::Day;
    key(&mut a, KeyCode::Down);
    assert_eq!(a.session.screen, Screen::Main);
}

#[test]
fn a_booking_or_cancellation_entered_late_is_marked_in_the_day_view_and_her_bookings() {
    use sango::domain::care::{CareType, Length};
    use sango::store::{BookingRequest, Clock, ResidentInput, Store, StoreKind};
    // A live store whose clock says 11/20 10:30: a booking phoned in yesterday is entered late.
    let store = || {
        let s = Store::open_in_memory_as(StoreKind::Live, Clock::fixed(now())).unwrap();
        let yesterday = now() - chrono::TimeDelta::days(1);
        s.add_resident(&ResidentInput::new("R-0001", d("2026-10-01")), yesterday, "t").unwrap();
        let ds = sango::dataset::load_embedded().unwrap();
        let req = BookingRequest {
            resident: "R-0001".into(),
            facility: "mizuki-josanin".into(),
            care: CareType::Day,
            start: d("2026-11-25"),
            length: Length::Days(1),
        };
        s.book(&ds, &req, yesterday, "t").unwrap();
        s.book(&ds, &BookingRequest { start: d("2026-11-26"), ..req }, now(), "t").unwrap();
        s
    };
    for (lang, mark) in [(Locale::Ja, "後日記録"), (Locale::En, "entered late")] {
        let mut a = app_with(store(), lang);
        ch(&mut a, 'd');
        for _ in 0..5 {
            key(&mut a, KeyCode::Right);
        }
        let text = screen(&mut a, 80, 24);
        assert!(text.contains(mark), "the day of the late entry:\n{text}");
        key(&mut a, KeyCode::Right);
        let text = screen(&mut a, 80, 24);
        assert!(!text.contains(mark), "the day of the one entered in time:\n{text}");
        key(&mut a, KeyCode::Esc);
        ch(&mut a, 'u');
        typed(&mut a, "R-0001");
        key(&mut a, KeyCode::Enter);
        ch(&mut a, 'b');
        let text = screen(&mut a, 100, 30);
        assert_eq!(text.matches(mark).count(), 1, "{text}");
    }
}

#[test]
fn editing_a_birth_date_that_puts_a_booking_outside_her_period_asks_keep_or_cancel() {
    let mut a = app(Locale::Ja);
    ch(&mut a, 'r');
    key(&mut a, KeyCode::Enter); // edit R-0001 (born 10/1, day care on 11/25)
    for _ in 0..12 {
        key(&mut a, KeyCode::Backspace);
    }
    // Born 7/1 after all: みづき助産院's day care runs to 4 months, 11/1; her 11/25 is outside.
    typed(&mut a, "2026-07-01");
    key(&mut a, KeyCode::Enter);
    let review = a.session.registry.review.as_ref().expect("the review");
    assert_eq!(review.items[0].affected.outside().map(|r| r.rule()), Some("after_window"));
    let text = screen(&mut a, 120, 40);
    assert!(text.contains("[保持する]") && text.contains("利用期間"), "{text}");
    // Esc goes back to the form with what was typed; nothing is saved.
    key(&mut a, KeyCode::Esc);
    assert!(a.session.registry.review.is_none());
    assert_eq!(a.session.registry.form.as_ref().unwrap().birth.text(), "2026-07-01");
    key(&mut a, KeyCode::Enter);
    // Cancel it, and save.
    key(&mut a, KeyCode::Char(' '));
    assert!(screen(&mut a, 120, 40).contains("[取り消す]"));
    key(&mut a, KeyCode::Enter);
    assert!(a.session.registry.review.is_none() && a.session.registry.form.is_none());
    let list = a
        .inline_store()
        .unwrap()
        .bookings(&BookingFilter { resident: Some("R-0001".into()), ..Default::default() })
        .unwrap();
    assert!(list[0].status.is_cancelled());
    assert_eq!(
        a.inline_store().unwrap().resident("R-0001").unwrap().unwrap().birth,
        d("2026-07-01")
    );
    let flash = a.session.flash.clone().unwrap().text;
    assert!(flash.contains("取消 1件") && flash.contains("電話"), "{flash}");
    assert_eq!(a.inline_store().unwrap().verify_events().unwrap(), Ok(()));
}

#[test]
fn a_number_registered_in_lower_case_or_full_width_is_the_one_normal_number() {
    let mut a = app(Locale::Ja);
    ch(&mut a, 'r');
    key(&mut a, KeyCode::F(2));
    typed(&mut a, "ｒ－０１００");
    key(&mut a, KeyCode::Down);
    typed(&mut a, "2026-11-01");
    key(&mut a, KeyCode::Enter);
    assert!(
        a.inline_store().unwrap().resident("R-0100").unwrap().is_some(),
        "{:?}",
        a.session.registry.form
    );
    // The same number again, typed differently: refused as already registered.
    key(&mut a, KeyCode::F(2));
    typed(&mut a, "r-0100");
    key(&mut a, KeyCode::Down);
    typed(&mut a, "2026-11-02");
    key(&mut a, KeyCode::Enter);
    let err = a.session.registry.form.as_ref().and_then(|f| f.error.clone()).unwrap_or_default();
    assert!(err.contains("R-0100") || err.contains("登録"), "{err}");
    assert_eq!(
        a.inline_store().unwrap().resident("R-0100").unwrap().unwrap().birth,
        d("2026-11-01")
    );
}
