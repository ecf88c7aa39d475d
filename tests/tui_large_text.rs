//! Large text at a kiosk: chosen on the welcome screen by key (`T`) or by mouse, one pane at a
//! time under a row naming the three (Tab or a click shows another), the same flow, and
//! forgotten at the reset; in every language the rows keep the terminal's width.

mod tui_common;

use crossterm::event::KeyCode;
use sango::i18n::Locale;
use sango::tui::app::Pane;
use tui_common::*;
use unicode_width::UnicodeWidthStr;

/// The column and row of `needle` on the screen, for a click on it.
fn find(text: &str, needle: &str) -> (u16, u16) {
    let row = text.lines().position(|l| l.contains(needle)).unwrap_or_else(|| {
        panic!("{needle} is not on the screen:\n{text}");
    });
    let line = text.lines().nth(row).unwrap();
    let col = line[..line.find(needle).unwrap()].width() + 1;
    (col as u16, row as u16)
}

#[test]
fn large_text_is_chosen_with_the_mouse_shows_one_pane_and_is_forgotten_at_the_reset() {
    let mut a = kiosk_app(Locale::Ja);
    let text = screen(&mut a, 100, 30);
    assert!(text.contains("T 文字の大きさ: [ふつう] 大きい"), "{text}");
    let (x, y) = find(&text, "大きい");
    click(&mut a, x, y);
    assert!(a.session.large);
    let text = screen(&mut a, 100, 30);
    assert!(!text.contains("[ふつう]") && text.contains("[大きい]"), "{text}");
    // One pane: the facilities; the calendar's and the guide's are only named in the row.
    let names = text.lines().find(|l| l.starts_with(" Tab ")).expect("the row of the panes");
    assert_eq!(names, " Tab [施設]  カレンダー   ご案内", "{text}");
    assert!(!text.contains("月  火  水"), "no calendar drawn:\n{text}");
    // A click on a name shows that pane.
    let (x, y) = find(&text, " カレンダー ");
    click(&mut a, x + 1, y);
    assert_eq!(a.session.focus, Pane::Calendar);
    let text = screen(&mut a, 100, 30);
    assert!(text.contains("[カレンダー]") && text.contains("月  火  水"), "{text}");
    assert!(!text.contains("東京北医療センター"), "no facility list drawn:\n{text}");
    // The same flow: she identifies and her bookings are one Tab away from the calendar.
    identify(&mut a, "R-0001", "2026-10-01");
    assert!(a.session.large, "kept while she uses the kiosk");
    ch(&mut a, 'b');
    key(&mut a, KeyCode::Tab);
    let text = screen(&mut a, 100, 30);
    assert!(text.contains("[カレンダー]"), "{text}");
    key(&mut a, KeyCode::Tab);
    key(&mut a, KeyCode::Tab);
    let text = screen(&mut a, 100, 30);
    assert!(text.contains("[予約一覧]"), "{text}");
    // The next person starts in the terminal's size, at the idle reset and at F5.
    sango::tui::kiosk::tick(&mut a, 200_000);
    assert!(!a.session.large);
    ch(&mut a, 'T');
    assert!(a.session.large);
    key(&mut a, KeyCode::F(5));
    assert!(!a.session.large);
}

#[test]
fn every_row_keeps_the_width_in_every_language_with_large_text() {
    for lang in Locale::all() {
        for (w, h) in [(80, 24), (120, 40)] {
            let mut a = kiosk_app(lang);
            ch(&mut a, 'T');
            identify(&mut a, "R-0001", "2026-10-01");
            for _ in 0..3 {
                let text = screen(&mut a, w, h);
                for (y, row) in text.lines().enumerate() {
                    assert!(row.width() <= usize::from(w), "{lang:?} {w}x{h} row {y}: {row}");
                }
                key(&mut a, KeyCode::Tab);
            }
        }
    }
}
