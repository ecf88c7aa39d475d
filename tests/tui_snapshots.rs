//! Snapshots of every screen and wizard step, in Japanese and English (the kiosk's in all its
//! languages), at 80×24 and 120×40, with
//! a fixed "now" (2026-11-20 10:30 JST) and fixed data (the embedded dataset, two residents).
//! Review a change with `INSTA_UPDATE=always cargo test --test tui_snapshots` and `git diff`.

mod tui_common;

use crossterm::event::KeyCode;
use sango::i18n::Locale;
use sango::tui::app::App;
use tui_common::*;

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

/// Snapshots one screen, set up by `setup`, in both languages and both sizes.
fn shoot(name: &str, setup: impl Fn(&mut App)) {
    for lang in [Locale::Ja, Locale::En] {
        for (w, h) in SIZES {
            let mut a = app(lang);
            setup(&mut a);
            // Draw once first so that mouse-free layouts that depend on the last draw settle.
            let _ = draw(&mut a, w, h);
            let text = mask_codes(&screen(&mut a, w, h));
            let l = if lang == Locale::Ja { "ja" } else { "en" };
            insta::assert_snapshot!(format!("{name}_{l}_{w}x{h}"), text);
        }
    }
}

/// Snapshots one kiosk screen (the kiosk store, the staff PIN set, time 0 ms) in every language
/// the kiosk speaks (named by its tag: `ja`, `ja-easy`, `en`, `zh-Hans`, `ko`, `vi`, `ne`, `tl`).
fn shoot_kiosk(name: &str, setup: impl Fn(&mut App)) {
    for lang in Locale::all() {
        for (w, h) in SIZES {
            let mut a = kiosk_app(lang);
            setup(&mut a);
            let _ = draw(&mut a, w, h);
            let text = mask_codes(&screen(&mut a, w, h));
            insta::assert_snapshot!(format!("{name}_{}_{w}x{h}", lang.tag()), text);
        }
    }
}

fn choose(a: &mut App, id: &str) {
    ch(a, 'u');
    typed(a, id);
    key(a, KeyCode::Enter);
}

/// Through the wizard up to `step` (1..=6) for the twins' resident R-0002, a 2-night stay at the
/// first facility from 11/21.
fn wizard_to(a: &mut App, step: usize) {
    choose(a, "R-0002");
    ch(a, 'n');
    if step == 1 {
        return;
    }
    key(a, KeyCode::Enter);
    if step == 2 {
        return;
    }
    ch(a, 'n');
    ch(a, 'n');
    ch(a, 'n');
    key(a, KeyCode::Enter);
    if step == 3 {
        return;
    }
    key(a, KeyCode::Enter);
    if step == 4 {
        return;
    }
    key(a, KeyCode::Enter);
    ch(a, 'l');
    ch(a, '+');
    if step == 5 {
        return;
    }
    key(a, KeyCode::Enter);
}

#[test]
fn main_screen() {
    shoot("main", |_| {});
}

#[test]
fn main_screen_with_resident() {
    shoot("main_resident", |a| {
        choose(a, "R-0001");
        // The day-care facility with the booking, and the booked day on the calendar.
        ch(a, 't');
        ch(a, 't');
        key(a, KeyCode::Down);
        key(a, KeyCode::Down);
        key(a, KeyCode::Tab);
        for _ in 0..5 {
            key(a, KeyCode::Right);
        }
    });
}

#[test]
fn facility_detail() {
    shoot("detail", |a| {
        choose(a, "R-0001");
        key(a, KeyCode::Enter);
    });
}

#[test]
fn facility_detail_web_only_with_two_types() {
    shoot("detail_ayase", |a| {
        for _ in 0..8 {
            key(a, KeyCode::Down);
        }
        key(a, KeyCode::Enter);
    });
}

#[test]
fn search() {
    shoot("search", |a| {
        ch(a, '/');
        typed(a, "赤羽");
    });
}

#[test]
fn filter_by_type() {
    shoot("filter_visit", |a| {
        ch(a, 't');
        ch(a, 't');
        ch(a, 't');
    });
}

#[test]
fn next_month() {
    shoot("calendar_next_month", |a| {
        key(a, KeyCode::Tab);
        ch(a, ']');
    });
}

#[test]
fn resident_find() {
    shoot("resident_find", |a| {
        ch(a, 'u');
        typed(a, "R-0");
    });
}

#[test]
fn resident_register_with_error() {
    shoot("resident_register", |a| {
        ch(a, 'u');
        typed(a, "R-0100");
        key(a, KeyCode::Enter);
        typed(a, "2026-13-40");
        key(a, KeyCode::Enter);
    });
}

#[test]
fn wizard_step_1_resident() {
    shoot("wizard_1_resident", |a| wizard_to(a, 1));
}

#[test]
fn wizard_step_2_screening() {
    shoot("wizard_2_screening", |a| wizard_to(a, 2));
}

#[test]
fn wizard_step_2_screening_stops() {
    shoot("wizard_2_screening_stop", |a| {
        wizard_to(a, 2);
        ch(a, 'n');
        ch(a, 'y');
    });
}

#[test]
fn wizard_step_3_care() {
    shoot("wizard_3_care", |a| wizard_to(a, 3));
}

#[test]
fn wizard_step_4_facility() {
    shoot("wizard_4_facility", |a| wizard_to(a, 4));
}

#[test]
fn wizard_step_5_dates() {
    shoot("wizard_5_dates", |a| wizard_to(a, 5));
}

#[test]
fn wizard_step_5_dates_refused() {
    shoot("wizard_5_dates_refused", |a| {
        wizard_to(a, 5);
        // Meanwhile another terminal books 2 of her stay days elsewhere: the 3 days chosen here
        // no longer fit in the 2 left, and the live check says so.
        let other = sango::store::BookingRequest {
            resident: "R-0002".into(),
            facility: "tokyo-kita-medical-center".into(),
            care: sango::domain::care::CareType::Stay,
            start: d("2026-12-10"),
            length: sango::domain::care::Length::Nights(1),
        };
        a.inline_store().unwrap().book(&a.ds, &other, now(), "other").unwrap();
        load(a, "R-0002").unwrap();
    });
}

#[test]
fn wizard_step_5_dates_overlap() {
    shoot("wizard_5_dates_overlap", |a| {
        // R-0001 has day care on 11/25: another booking that day is refused.
        choose(a, "R-0001");
        ch(a, 'n');
        key(a, KeyCode::Enter);
        for _ in 0..3 {
            ch(a, 'n');
        }
        key(a, KeyCode::Enter);
        key(a, KeyCode::Down); // day care
        key(a, KeyCode::Enter);
        key(a, KeyCode::Enter); // the first facility with days left
        for _ in 0..5 {
            key(a, KeyCode::Right);
        }
    });
}

#[test]
fn wizard_step_6_confirm() {
    shoot("wizard_6_confirm", |a| wizard_to(a, 6));
}

#[test]
fn wizard_done() {
    shoot("wizard_done", |a| {
        wizard_to(a, 6);
        key(a, KeyCode::Enter);
        // The booking id is random: hide it.
        if let Some(w) = a.session.wizard.as_mut()
            && let Some((id, _)) = w.done.as_mut()
        {
            *id = "01TESTBOOKINGID0000000000".into();
        }
    });
}

#[test]
fn bookings_view() {
    shoot("bookings", |a| {
        choose(a, "R-0001");
        ch(a, 'b');
    });
}

#[test]
fn cancel_question() {
    shoot("cancel_question", |a| {
        choose(a, "R-0001");
        ch(a, 'b');
        ch(a, 'x');
    });
}

#[test]
fn help_overlay() {
    shoot("help", |a| ch(a, '?'));
}

#[test]
fn quit_question() {
    shoot("quit_question", |a| {
        wizard_to(a, 3);
        ch(a, 'q');
    });
}

#[test]
fn too_small() {
    for lang in [Locale::Ja, Locale::En] {
        let mut a = app(lang);
        let l = if lang == Locale::Ja { "ja" } else { "en" };
        insta::assert_snapshot!(format!("too_small_{l}_79x24"), screen(&mut a, 79, 24));
        insta::assert_snapshot!(format!("too_small_{l}_40x10"), screen(&mut a, 40, 10));
    }
}

/// Snapshots one staff screen on the kiosk store (R-0002 has a stay too).
fn shoot_staff(name: &str, setup: impl Fn(&mut App)) {
    for lang in [Locale::Ja, Locale::En] {
        for (w, h) in SIZES {
            let mut a = app_with(kiosk_store(), lang);
            setup(&mut a);
            let _ = draw(&mut a, w, h);
            let text = mask_codes(&screen(&mut a, w, h));
            let l = if lang == Locale::Ja { "ja" } else { "en" };
            insta::assert_snapshot!(format!("{name}_{l}_{w}x{h}"), text);
        }
    }
}

#[test]
fn staff_registry() {
    shoot_staff("registry", |a| {
        ch(a, 'r');
        key(a, KeyCode::Down);
    });
}

#[test]
fn staff_registry_find() {
    shoot_staff("registry_find", |a| {
        ch(a, 'r');
        ch(a, '/');
        typed(a, "0001");
    });
}

#[test]
fn staff_registry_edit_refused() {
    shoot_staff("registry_edit", |a| {
        ch(a, 'r');
        key(a, KeyCode::Enter);
        for _ in 0..3 {
            key(a, KeyCode::Down);
        }
        ch(a, ' ');
        key(a, KeyCode::Enter);
    });
}

#[test]
fn staff_registry_review() {
    shoot_staff("registry_review", |a| {
        // R-0001 born 7/1 as twins: her day care on 11/25 costs more and falls outside.
        ch(a, 'r');
        key(a, KeyCode::Enter);
        for _ in 0..12 {
            key(a, KeyCode::Backspace);
        }
        typed(a, "2026-07-01");
        key(a, KeyCode::Down);
        key(a, KeyCode::Down);
        key(a, KeyCode::Backspace);
        typed(a, "2");
        key(a, KeyCode::Enter);
    });
}

#[test]
fn staff_registry_register() {
    shoot_staff("registry_register", |a| {
        ch(a, 'r');
        key(a, KeyCode::F(2));
        typed(a, "K-100");
    });
}

#[test]
fn staff_day_view() {
    shoot_staff("day_view", |a| {
        ch(a, 'd');
        for _ in 0..7 {
            key(a, KeyCode::Right);
        }
    });
}

#[test]
fn staff_day_view_empty() {
    shoot_staff("day_view_empty", |a| ch(a, 'd'));
}

#[test]
fn staff_week_view() {
    shoot_staff("week_view", |a| {
        ch(a, 'd');
        key(a, KeyCode::Tab);
        key(a, KeyCode::Right);
    });
}

#[test]
fn staff_report() {
    shoot_staff("report", |a| ch(a, 'm'));
}

#[test]
fn staff_export() {
    shoot_staff("export", |a| {
        let dir = tempfile::tempdir().unwrap();
        a.data_dir = Some(dir.path().to_path_buf());
        ch(a, 'e');
        key(a, KeyCode::Down);
        key(a, KeyCode::Enter);
        assert!(a.session.export.result.as_ref().unwrap().is_ok());
        // The temporary folder's name changes each run: show a fixed one.
        a.session.export.result = Some(Ok(std::path::PathBuf::from(
            "/home/clerk/.local/share/sango/exports/sango-20261120-103000.csv",
        )));
    });
}

#[test]
fn guide() {
    shoot("guide", |a| {
        ch(a, 'g');
        key(a, KeyCode::PageDown);
    });
}

#[test]
fn kiosk_welcome() {
    shoot_kiosk("kiosk_welcome", |_| {});
}

#[test]
fn kiosk_identify_form() {
    shoot_kiosk("kiosk_identify", |a| {
        ch(a, 'i');
        typed(a, "R-0001");
        key(a, KeyCode::Down);
        typed(a, "2026-10");
    });
}

#[test]
fn kiosk_identify_failed() {
    shoot_kiosk("kiosk_identify_failed", |a| identify(a, "R-0001", "2026-10-02"));
}

#[test]
fn kiosk_identify_locked() {
    shoot_kiosk("kiosk_identify_locked", |a| {
        for _ in 0..5 {
            identify(a, "R-0001", "2026-10-02");
        }
        sango::tui::kiosk::tick(a, 17_500);
    });
}

#[test]
fn kiosk_identified() {
    shoot_kiosk("kiosk_identified", |a| {
        identify(a, "R-0001", "2026-10-01");
        a.session.flash = None;
    });
}

#[test]
fn kiosk_her_bookings() {
    shoot_kiosk("kiosk_bookings", |a| {
        identify(a, "R-0001", "2026-10-01");
        ch(a, 'b');
    });
}

/// The cancel question at a kiosk: on time or late, and the number to phone, in her language.
#[test]
fn kiosk_cancel_question() {
    shoot_kiosk("kiosk_cancel_question", |a| {
        identify(a, "R-0001", "2026-10-01");
        ch(a, 'b');
        ch(a, 'x');
    });
}

#[test]
fn kiosk_wizard_starts_at_the_screening() {
    shoot_kiosk("kiosk_wizard", |a| {
        identify(a, "R-0001", "2026-10-01");
        ch(a, 'n');
    });
}

/// Through a ward's server (the answers the server gave, put in the form as the kiosk puts
/// them): it cannot be reached, or it refuses for a while.
#[test]
fn kiosk_identify_through_the_server() {
    use sango::tui::kiosk::IdentifyNote;
    for (name, note) in [
        ("kiosk_identify_offline", IdentifyNote::Offline),
        ("kiosk_identify_paused", IdentifyNote::Paused),
    ] {
        shoot_kiosk(name, |a| {
            ch(a, 'i');
            a.session.identify.note = Some(note);
        });
    }
}

/// A booking confirmed while the server was away: a request for staff, never shown as booked.
#[test]
fn kiosk_request_for_staff() {
    shoot_kiosk("kiosk_request_kept", |a| {
        identify(a, "R-0001", "2026-10-01");
        ch(a, 'n');
        for _ in 0..3 {
            ch(a, 'n');
        }
        key(a, KeyCode::Enter);
        key(a, KeyCode::Down);
        key(a, KeyCode::Down); // visit
        key(a, KeyCode::Enter);
        key(a, KeyCode::Enter); // first facility
        key(a, KeyCode::Right); // 11/21
        key(a, KeyCode::Enter);
        key(a, KeyCode::Enter);
        let w = a.session.wizard.as_mut().expect("the wizard");
        assert!(w.done.is_some());
        w.requested = true;
        // As the kiosk says it when the answer comes.
        let msg = a.t("kiosk-request-kept");
        a.flash(msg);
    });
}

#[test]
fn kiosk_idle_countdown() {
    shoot_kiosk("kiosk_countdown", |a| {
        identify(a, "R-0001", "2026-10-01");
        sango::tui::kiosk::tick(a, 107_300);
    });
}

#[test]
fn kiosk_staff_pin_prompt() {
    shoot_kiosk("kiosk_pin", |a| {
        ctrl(a, 'c');
        typed(a, "135");
    });
}

#[test]
fn kiosk_guide() {
    shoot_kiosk("kiosk_guide", |a| ch(a, 'g'));
}

/// A facility's detail at a kiosk: its phone hours, periods and contacts in her language.
#[test]
fn kiosk_facility_detail() {
    shoot_kiosk("kiosk_facility_detail", |a| key(a, KeyCode::Enter));
}

/// Large text: the welcome screen with it chosen, and her quota pane alone once identified.
#[test]
fn kiosk_large_text() {
    shoot_kiosk("kiosk_large_welcome", |a| ch(a, 'T'));
    shoot_kiosk("kiosk_large_quota", |a| {
        ch(a, 'T');
        identify(a, "R-0001", "2026-10-01");
        a.session.flash = None;
        key(a, KeyCode::Tab);
        key(a, KeyCode::Tab);
    });
}

#[test]
fn kiosk_help() {
    shoot_kiosk("kiosk_help", |a| ch(a, '?'));
}

/// A way to bring the app to a screen.
type Setup = Box<dyn Fn(&mut App)>;

/// Every size draws without a panic on the staff screens.
#[test]
fn staff_screens_never_panic_at_any_size() {
    let setups: Vec<Setup> = vec![
        Box::new(|a| ch(a, 'r')),
        Box::new(|a| {
            ch(a, 'r');
            key(a, KeyCode::Enter);
        }),
        Box::new(|a| {
            ch(a, 'd');
            for _ in 0..5 {
                key(a, KeyCode::Right);
            }
        }),
        Box::new(|a| {
            ch(a, 'd');
            key(a, KeyCode::Tab);
            key(a, KeyCode::Right);
        }),
        Box::new(|a| ch(a, 'm')),
        Box::new(|a| {
            a.session.export.result = Some(Err("x".repeat(300)));
            ch(a, 'e');
        }),
        Box::new(|a| ch(a, 'g')),
    ];
    for setup in &setups {
        for lang in [Locale::Ja, Locale::En] {
            let mut a = app_with(kiosk_store(), lang);
            setup(&mut a);
            for w in (1..=130).step_by(9) {
                for h in (1..=45).step_by(5) {
                    let _ = draw(&mut a, w, h);
                }
            }
        }
    }
}

/// Every size draws without a panic on the kiosk's screens.
#[test]
fn kiosk_never_panics_at_any_size() {
    let setups: Vec<Setup> = vec![
        Box::new(|_| {}),
        Box::new(|a| identify(a, "R-0001", "2026-10-02")),
        Box::new(|a| {
            identify(a, "R-0001", "2026-10-01");
            sango::tui::kiosk::tick(a, 105_000);
        }),
        Box::new(|a| {
            ctrl(a, 'c');
            typed(a, "12");
        }),
        Box::new(|a| ch(a, 'g')),
    ];
    for setup in &setups {
        for lang in [Locale::Ja, Locale::En] {
            let mut a = kiosk_app(lang);
            setup(&mut a);
            for w in (1..=130).step_by(9) {
                for h in (1..=45).step_by(5) {
                    let _ = draw(&mut a, w, h);
                }
            }
        }
    }
}

/// Every size from 1×1 up draws without a panic, on every screen.
#[test]
fn never_panics_at_any_size() {
    let setups: Vec<Setup> = vec![
        Box::new(|_| {}),
        Box::new(|a| {
            choose(a, "R-0001");
            key(a, KeyCode::Enter);
        }),
        Box::new(|a| wizard_to(a, 2)),
        Box::new(|a| wizard_to(a, 3)),
        Box::new(|a| wizard_to(a, 4)),
        Box::new(|a| wizard_to(a, 5)),
        Box::new(|a| wizard_to(a, 6)),
        Box::new(|a| {
            choose(a, "R-0001");
            ch(a, 'b');
            ch(a, 'x');
        }),
        Box::new(|a| ch(a, '?')),
    ];
    for setup in &setups {
        for lang in [Locale::Ja, Locale::En] {
            let mut a = app(lang);
            setup(&mut a);
            for w in (1..=130).step_by(7) {
                for h in (1..=45).step_by(4) {
                    let _ = draw(&mut a, w, h);
                }
            }
            for (w, h) in [(80, 24), (81, 25), (99, 29), (100, 30), (0, 0), (1, 1), (200, 60)] {
                let _ = draw(&mut a, w, h);
            }
        }
    }
}

/// Under `NO_COLOR` (the mono theme) no cell has a colour; meaning is carried by marks and words.
#[test]
fn mono_theme_draws_no_colour() {
    use ratatui::style::Color;
    use sango::tui::theme::{Theme, ThemeKind};
    let setups: Vec<Setup> =
        vec![Box::new(|_| {}), Box::new(|a| wizard_to(a, 5)), Box::new(|a| ch(a, '?'))];
    for setup in &setups {
        let mut a = app(Locale::Ja);
        a.session.theme = Theme::new(ThemeKind::Mono);
        setup(&mut a);
        let t = draw(&mut a, 100, 30);
        for cell in t.backend().buffer().content() {
            assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset), "{cell:?}");
        }
    }
}

/// The high-contrast theme sets a black background on every cell it draws.
#[test]
fn high_contrast_theme_fills_the_background() {
    use ratatui::style::Color;
    use sango::tui::theme::{Theme, ThemeKind};
    let mut a = app(Locale::En);
    ch(&mut a, 'C');
    assert_eq!(a.session.theme, Theme::new(ThemeKind::HighContrast));
    let t = draw(&mut a, 100, 30);
    let black = t.backend().buffer().content().iter().filter(|c| c.bg == Color::Black).count();
    assert!(black > 100 * 30 / 2, "{black}");
}

/// Every text of the dataset, as the screens show it, has the same width in every terminal
/// (no East Asian ambiguous-width symbol survives `display_safe`).
#[test]
fn dataset_text_is_width_safe_on_screen() {
    use sango::tui::text::display_safe;
    use unicode_width::UnicodeWidthStr;
    let ds = sango::dataset::load_embedded().unwrap();
    let json = serde_json::to_value(&ds).unwrap();
    fn strings(v: &serde_json::Value, out: &mut Vec<String>) {
        match v {
            serde_json::Value::String(s) => out.push(s.clone()),
            serde_json::Value::Array(a) => a.iter().for_each(|x| strings(x, out)),
            serde_json::Value::Object(o) => o.values().for_each(|x| strings(x, out)),
            _ => {}
        }
    }
    let mut all = Vec::new();
    strings(&json, &mut all);
    assert!(all.len() > 100);
    for s in all {
        let shown = display_safe(&s);
        assert_eq!(shown.width(), shown.width_cjk(), "{shown}");
    }
}

/// A box drawn over Japanese text keeps its left border on every row of what the terminal shows
/// (the test backend applies ratatui's diff as a terminal does). A wide character under the
/// border would otherwise make the diff skip the border cell.
#[test]
fn boxes_over_wide_text_keep_their_borders() {
    let staff: Vec<Setup> = vec![
        Box::new(|a| ch(a, '?')),
        Box::new(|a| {
            wizard_to(a, 3);
            ch(a, 'q');
        }),
        Box::new(|a| {
            choose(a, "R-0001");
            ch(a, 'b');
            ch(a, 'x');
        }),
        Box::new(|a| ch(a, 'e')),
    ];
    let kiosk: Vec<Setup> = vec![
        Box::new(|a| ctrl(a, 'c')),
        Box::new(|a| {
            identify(a, "R-0001", "2026-10-01");
            sango::tui::kiosk::tick(a, 105_000);
        }),
    ];
    let check = |a: &mut App| {
        for (w, h) in [(80, 24), (100, 30), (101, 31), (120, 40)] {
            let t = draw(a, w, h);
            let buf = t.backend().buffer();
            for x in 0..w {
                for y0 in 0..h {
                    if buf[(x, y0)].symbol() != "╔" {
                        continue;
                    }
                    // Down to this box's corner, or to the top of a box drawn over it.
                    let y1 = (y0 + 1..h)
                        .find(|&y| matches!(buf[(x, y)].symbol(), "╚" | "╔"))
                        .unwrap_or(h);
                    for y in y0 + 1..y1 {
                        assert_eq!(
                            buf[(x, y)].symbol(),
                            "║",
                            "{w}x{h} ({x},{y})\n{}",
                            text_of(t.backend())
                        );
                    }
                }
            }
        }
    };
    for setup in &staff {
        let mut a = app(Locale::Ja);
        setup(&mut a);
        check(&mut a);
    }
    for setup in &kiosk {
        let mut a = kiosk_app(Locale::Ja);
        setup(&mut a);
        check(&mut a);
    }
}

#[test]
fn practice_banner() {
    shoot("practice_main", |a| a.practice = true);
}

#[test]
fn the_practice_banner_is_on_every_screen_and_the_too_small_message() {
    use sango::tui::app::Screen;
    for screen_kind in Screen::ALL {
        for lang in [Locale::Ja, Locale::En] {
            let mut a = app(lang);
            a.practice = true;
            a.session.screen = screen_kind;
            for (w, h) in [(80, 24), (120, 40), (60, 15)] {
                let text = screen(&mut a, w, h);
                let top = text.lines().next().unwrap_or_default();
                assert!(top.contains("練習"), "{screen_kind:?} {w}x{h}:\n{text}");
            }
        }
    }
    let mut live = app(Locale::Ja);
    assert!(!screen(&mut live, 80, 24).contains("練習"));
}

/// A terminal working through a server whose link stands as `state` (the worker's news, set
/// by hand: the store runs inline here).
fn through_server(a: &mut App, state: sango::tui::server_link::LinkState) {
    a.store.server = Some(sango::tui::server_link::ServerLink {
        state: Some(state),
        sign_in_needed: false,
        synced: true,
    });
}

fn link(
    offline_since: Option<&str>,
    pending: usize,
    review: usize,
) -> sango::tui::server_link::LinkState {
    sango::tui::server_link::LinkState {
        offline_since: offline_since.map(str::to_string),
        data_as_of: Some("2026-11-20T10:05".into()),
        pending,
        review,
        signed_in: true,
        pulled_to: 7,
    }
}

#[test]
fn status_line_through_a_server_online() {
    shoot("server_online", |a| through_server(a, link(None, 0, 0)));
}

#[test]
fn status_line_through_a_server_offline_with_changes_waiting_and_to_review() {
    shoot("server_offline", |a| {
        choose(a, "R-0001");
        a.session.flash = None;
        through_server(a, link(Some("2026-11-20T10:12"), 1, 2));
    });
}

#[test]
fn status_line_through_a_server_not_signed_in() {
    shoot("server_not_signed_in", |a| {
        through_server(
            a,
            sango::tui::server_link::LinkState { signed_in: false, ..link(None, 0, 0) },
        );
    });
}

#[test]
fn sign_in_box_masks_the_password() {
    shoot("server_sign_in", |a| {
        through_server(
            a,
            sango::tui::server_link::LinkState { signed_in: false, ..link(None, 0, 0) },
        );
        sango::tui::signin::open(a, None);
        typed(a, "k.tanaka");
        key(a, KeyCode::Enter);
        typed(a, "secret words");
    });
}

#[test]
fn sign_in_box_when_the_server_ended_the_sign_in() {
    shoot("server_sign_in_again", |a| {
        through_server(a, link(None, 1, 0));
        sango::tui::signin::ask_if_needed(a, sango::terminal::SIGN_IN_FIRST);
    });
}

/// Two commands the server refused on sync, as the outbox keeps them.
fn review_entries() -> Vec<sango::terminal::Entry> {
    let entry = |n: i64, body: serde_json::Value, kind: &str, path: &str, message: &str| {
        sango::terminal::Entry {
            n,
            command_id: format!("01JD00000000000000000000{n:02}"),
            kind: kind.into(),
            path: path.into(),
            body,
            created_at: "2026-11-20T09:40:00+09:00".into(),
            state: "review".into(),
            provisional: true,
            answer: None,
            message: Some(message.into()),
            decided_at: Some("2026-11-20T10:20:00+09:00".into()),
        }
    };
    vec![
        entry(
            1,
            serde_json::json!({"resident": "R-0001", "facility": "mizuki-josanin", "type": "day", "start": "2026-11-26", "days": 1}),
            "book",
            "/v1/bookings",
            "利用上限 limit: R-0001 has no day-care days left (6 of 6 used)",
        ),
        entry(
            2,
            serde_json::json!({}),
            "cancel",
            "/v1/bookings/B-0009/cancel",
            "the booking is already cancelled (取消済み)",
        ),
    ]
}

#[test]
fn review_screen_lists_what_the_server_refused() {
    shoot("server_review", |a| {
        through_server(a, link(None, 0, 2));
        a.session.review.entries = Some(review_entries());
        a.session.screen = sango::tui::app::Screen::Review;
    });
}

#[test]
fn review_screen_resolving_one() {
    shoot("server_review_resolve", |a| {
        through_server(a, link(None, 0, 2));
        a.session.review.entries = Some(review_entries());
        a.session.screen = sango::tui::app::Screen::Review;
        key(a, KeyCode::Enter);
        typed(a, "phoned her; booked 11/27 instead");
        key(a, KeyCode::Up);
        key(a, KeyCode::Right);
        key(a, KeyCode::Right);
    });
}

#[test]
fn a_provisional_booking_is_shown_as_provisional_not_booked() {
    shoot("server_provisional_booking", |a| {
        wizard_to(a, 6);
        through_server(a, link(Some("2026-11-20T10:12"), 1, 0));
        let plan = sango::tui::wizard::check(a, a.session.day).unwrap().unwrap();
        let w = a.session.wizard.as_mut().unwrap();
        w.done = Some(("01JD0000000000000000000001".into(), plan));
        w.provisional = Some(Some("2026-11-20T10:05".into()));
    });
}

#[test]
fn bookings_through_a_server_show_what_waits_in_the_outbox() {
    shoot("server_bookings_waiting", |a| {
        choose(a, "R-0001");
        through_server(a, link(Some("2026-11-20T10:12"), 2, 0));
        let booked = a.session.resident.as_ref().unwrap().bookings[0].id.clone();
        a.session.waiting = vec![
            serde_json::json!({"status": "provisional_cancel", "booking": booked}),
            serde_json::json!({"status": "provisional", "resident": "R-0001", "facility": "mizuki-josanin", "type": "day", "days": 1, "first_day": "2026-11-27"}),
        ];
        ch(a, 'b');
        a.session.flash = None;
    });
}

#[test]
fn a_booking_whose_cancellation_waits_is_not_cancelled_twice() {
    let mut a = app(Locale::En);
    choose(&mut a, "R-0001");
    through_server(&mut a, link(Some("2026-11-20T10:12"), 1, 0));
    let booked = a.session.resident.as_ref().unwrap().bookings[0].id.clone();
    a.session.waiting =
        vec![serde_json::json!({"status": "provisional_cancel", "booking": booked})];
    ch(&mut a, 'b');
    ch(&mut a, 'x');
    assert_eq!(a.session.overlay, None, "no cancel question");
    let shown = screen(&mut a, 100, 30);
    assert!(shown.contains("cancel waiting"), "{shown}");
    assert!(shown.contains("Its cancellation waits."), "{shown}");
}
