//! The booking wizard at a kiosk in every language: she identifies, walks every step (the care
//! type, the facility, the dates, the confirmation, the booking made), each drawn at 80x24 and
//! 120x40 with every row exactly the terminal's width, and snapshotted. A refusal of the rules
//! is said in her language, never in English in another.
//! Review a change with `INSTA_UPDATE=always cargo test --test tui_kiosk_wizard_languages`.

mod tui_common;

use crossterm::event::KeyCode;
use sango::i18n::Locale;
use sango::tui::app::App;
use sango::tui::refusal_words;
use sango::tui::wizard::{self, Step};
use tui_common::*;
use unicode_width::UnicodeWidthStr;

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

/// Identified as R-0001 at a kiosk in `lang`, the wizard open on its type step (the screening
/// answered "no" three times).
fn at_the_care_step(lang: Locale) -> App {
    let mut a = kiosk_app(lang);
    identify(&mut a, "R-0001", "2026-10-01");
    ch(&mut a, 'n');
    for _ in 0..3 {
        ch(&mut a, 'n');
    }
    key(&mut a, KeyCode::Enter);
    assert_eq!(a.session.wizard.as_ref().map(|w| w.step), Some(Step::Care), "{lang:?}");
    a
}

/// A step's name and the keys that lead to it.
type StepKeys = (&'static str, fn(&mut App));

/// A home visit at the first facility on 11/21: the steps after the type, each with the keys
/// that lead to it from the one before.
fn steps() -> Vec<StepKeys> {
    vec![
        ("care", |_| {}),
        ("facility", |a| {
            key(a, KeyCode::Down);
            key(a, KeyCode::Down); // visit
            key(a, KeyCode::Enter);
        }),
        ("dates", |a| {
            key(a, KeyCode::Enter); // first facility
            key(a, KeyCode::Right); // 11/21
        }),
        ("confirm", |a| key(a, KeyCode::Enter)),
        ("booked", |a| key(a, KeyCode::Enter)),
    ]
}

#[test]
fn every_step_of_the_wizard_in_every_language_fills_the_terminal_exactly() {
    for lang in Locale::all() {
        for (w, h) in SIZES {
            let mut a = at_the_care_step(lang);
            for (name, go) in steps() {
                go(&mut a);
                // No flash over the last row: the steps are what is looked at.
                a.session.flash = None;
                let _ = draw(&mut a, w, h);
                let t = draw(&mut a, w, h);
                for (y, row) in rows(t.backend()).iter().enumerate() {
                    assert_eq!(
                        row.width(),
                        usize::from(w),
                        "{lang:?} {name} {w}x{h} row {y}: {row}"
                    );
                }
                let text = mask_codes(&text_of(t.backend()));
                insta::assert_snapshot!(format!("{name}_{}_{w}x{h}", lang.tag()), text);
            }
            let done = a.session.wizard.as_ref().and_then(|w| w.done.as_ref());
            assert!(done.is_some(), "{lang:?}: booked");
        }
    }
}

#[test]
fn a_refusal_is_said_in_the_kiosks_language() {
    for lang in Locale::all() {
        let mut a = at_the_care_step(lang);
        let steps = steps();
        (steps[1].1)(&mut a);
        (steps[2].1)(&mut a);
        // A year on: after the end of her window.
        for _ in 0..12 {
            key(&mut a, KeyCode::PageDown);
        }
        let Some(Err(refusal)) = wizard::check(&a, a.session.day) else {
            panic!("{lang:?}: {} is bookable", a.session.day)
        };
        key(&mut a, KeyCode::Enter);
        assert_eq!(a.session.wizard.as_ref().map(|w| w.step), Some(Step::Dates), "{lang:?}");
        let said = a.session.flash.as_ref().map(|f| f.text.clone()).unwrap_or_default();
        assert_eq!(said, refusal_words::refusal(lang, &refusal), "{lang:?}");
        if lang != Locale::En {
            assert_ne!(said, refusal_words::refusal(Locale::En, &refusal), "{lang:?}");
        }
        // The step says it too, in the same words (wrapped), under the refusal's heading.
        let text = screen(&mut a, 120, 40);
        let heading = sango::i18n::t(lang, "wizard-check-refused");
        assert!(text.contains(&heading), "{lang:?}:\n{text}");
    }
}
