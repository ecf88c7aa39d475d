//! The kiosk in every language keeps its columns: Hangul and CJK take two cells, Devanagari has
//! combining marks, Vietnamese precomposed diacritics; every row of every kiosk screen is exactly
//! the terminal's width, and the panes' borders stand in the same columns on every row. The
//! language is chosen on the welcome screen by key and by mouse, and forgotten at the reset.

mod tui_common;

use crossterm::event::KeyCode;
use sango::i18n::Locale;
use sango::tui::app::App;
use tui_common::*;
use unicode_width::UnicodeWidthStr;

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

/// The display columns of the panes' borders in a row.
fn border_columns(row: &str) -> Vec<usize> {
    let mut col = 0;
    let mut out = Vec::new();
    for c in row.chars() {
        if "║│╔╗╚╝┌┐└┘".contains(c) {
            out.push(col);
        }
        col += c.to_string().width();
    }
    out
}

type Setup = (&'static str, bool, fn(&mut App));

/// The kiosk's screens; `true` for those without a box over the panes.
fn screens() -> Vec<Setup> {
    vec![
        ("welcome", true, |_| {}),
        ("identify", true, |a| ch(a, 'i')),
        ("identify failed", true, |a| identify(a, "R-0001", "2026-10-02")),
        ("identified", true, |a| identify(a, "R-0001", "2026-10-01")),
        ("bookings", true, |a| {
            identify(a, "R-0001", "2026-10-01");
            ch(a, 'b');
        }),
        ("cancel question", false, |a| {
            identify(a, "R-0001", "2026-10-01");
            ch(a, 'b');
            ch(a, 'x');
        }),
        ("guide", true, |a| ch(a, 'g')),
        ("facility detail", true, |a| key(a, KeyCode::Enter)),
        ("large text", true, |a| {
            ch(a, 'T');
            identify(a, "R-0001", "2026-10-01");
        }),
        ("help", false, |a| ch(a, '?')),
        ("pin", false, |a| ctrl(a, 'c')),
        ("countdown", false, |a| {
            identify(a, "R-0001", "2026-10-01");
            sango::tui::kiosk::tick(a, 107_300);
        }),
    ]
}

#[test]
fn every_row_of_every_kiosk_screen_is_the_terminals_width_in_every_language() {
    for lang in Locale::all() {
        for (name, plain, setup) in screens() {
            for (w, h) in SIZES {
                let mut a = kiosk_app(lang);
                setup(&mut a);
                let _ = draw(&mut a, w, h);
                let t = draw(&mut a, w, h);
                let rows = rows(t.backend());
                for (y, row) in rows.iter().enumerate() {
                    assert_eq!(
                        row.width(),
                        usize::from(w),
                        "{lang:?} {name} {w}x{h} row {y}: {row}"
                    );
                }
                if !plain {
                    continue;
                }
                // The rows from the first pane's top to the last pane's bottom: the borders
                // stand in the same columns on each.
                let body: Vec<&String> = rows[1..rows.len() - 1]
                    .iter()
                    .skip_while(|r| !r.contains(['╔', '┌']))
                    .collect();
                let first = border_columns(body[0]);
                for row in &body {
                    assert_eq!(border_columns(row), first, "{lang:?} {name} {w}x{h}: {row}");
                }
            }
        }
    }
}

#[test]
fn the_welcome_screen_offers_every_language_named_in_itself() {
    let mut a = kiosk_app(Locale::Ja);
    let text = screen(&mut a, 120, 40);
    for name in [
        "日本語",
        "やさしいにほんご",
        "English",
        "中文",
        "한국어",
        "Tiếng Việt",
        "नेपाली",
        "Tagalog",
    ] {
        assert!(text.contains(name), "{name} missing:\n{text}");
    }
    // Japanese needs no note that the Japanese text is the official one; English does.
    assert!(!text.contains("正式な内容"));
    ch(&mut a, 'L');
    assert_eq!(a.session.lang, Locale::JaEasy);
    ch(&mut a, 'L');
    assert_eq!(a.session.lang, Locale::En);
    assert!(screen(&mut a, 120, 40).contains("The Japanese text is the official one."));
}

#[test]
fn a_language_is_chosen_with_the_mouse_and_forgotten_at_the_reset() {
    let mut a = kiosk_app(Locale::Ja);
    let text = screen(&mut a, 120, 40);
    let row = text.lines().position(|l| l.contains("한국어")).expect("the language row");
    let line = text.lines().nth(row).unwrap();
    let col = line[..line.find("한국어").unwrap()].width() + 1;
    click(&mut a, col as u16, row as u16);
    assert_eq!(a.session.lang, Locale::Ko);
    let text = screen(&mut a, 120, 40);
    assert!(text.contains("[한국어]"), "{text}");
    assert!(text.contains("일본어 내용이 정식 내용입니다."), "{text}");
    // She identifies; at the idle reset the next person starts in the terminal's language.
    identify(&mut a, "R-0001", "2026-10-01");
    assert_eq!(a.session.lang, Locale::Ko);
    sango::tui::kiosk::tick(&mut a, 200_000);
    assert_eq!(a.session.lang, Locale::Ja);
    // So does F5.
    ch(&mut a, 'L');
    key(&mut a, KeyCode::F(5));
    assert_eq!(a.session.lang, Locale::Ja);
}
