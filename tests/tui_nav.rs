//! Getting around the staff screens: the facility week opens at the facility highlighted in the
//! browser (whatever filter or search narrows the list), and at 80 columns the top bar still
//! shows where the keys are.

mod tui_common;

use crossterm::event::KeyCode;
use sango::i18n::Locale;
use sango::tui::app::App;
use tui_common::*;

/// The name of the facility under the browser's cursor.
fn highlighted(a: &App) -> String {
    a.cursor_facility().expect("a facility").name.to_string()
}

/// `d`, then Tab unless the week is what `d` opened (it opens as last left): the week's
/// facility line.
fn week_line(a: &mut App) -> String {
    ch(a, 'd');
    if !a.session.day_view.week {
        key(a, KeyCode::Tab);
    }
    let text = screen(a, 100, 30);
    text.lines().find(|l| l.contains("施設 ")).unwrap_or_default().to_string()
}

#[test]
fn the_week_opens_at_the_facility_highlighted_in_the_browser() {
    let mut a = app(Locale::Ja);
    for _ in 0..3 {
        key(&mut a, KeyCode::Down);
    }
    let name = highlighted(&a);
    let line = week_line(&mut a);
    assert!(line.contains(&name) && line.contains("4/25"), "{name}: {line}");
    // Back in the browser, another facility, filtered by type: the week follows.
    key(&mut a, KeyCode::Esc);
    ch(&mut a, 't');
    ch(&mut a, 't');
    key(&mut a, KeyCode::Down);
    let name = highlighted(&a);
    let line = week_line(&mut a);
    assert!(line.contains(&name), "{name}: {line}");
    // After a search too.
    key(&mut a, KeyCode::Esc);
    ch(&mut a, '/');
    typed(&mut a, "助産院");
    key(&mut a, KeyCode::Enter);
    key(&mut a, KeyCode::Down);
    let name = highlighted(&a);
    let line = week_line(&mut a);
    assert!(line.contains(&name), "{name}: {line}");
}

#[test]
fn at_80_columns_the_top_bar_points_to_the_help_for_the_keys_left_out() {
    for lang in [Locale::Ja, Locale::En] {
        let mut a = app(lang);
        let more = sango::i18n::t(lang, "frame-more-keys");
        let top = |a: &mut App, w| screen(a, w, 24).lines().next().unwrap().to_string();
        // Wide enough: every key, the staff screens' too, and nothing more.
        let wide = top(&mut a, 120);
        assert!(wide.contains("r:") && wide.contains("e:"), "{wide}");
        assert!(!wide.contains(&more), "{wide}");
        // At 80 columns the staff keys do not fit: the line ends pointing to ?.
        let narrow = top(&mut a, 80);
        assert!(!narrow.contains(" r:"), "{narrow}");
        assert!(narrow.trim_end().ends_with(&more), "{narrow}");
        assert!(narrow.contains("n:") && narrow.contains("q:"), "the main keys stay: {narrow}");
        // And ? lists the rest.
        ch(&mut a, '?');
        let help = screen(&mut a, 80, 40);
        assert!(help.contains("r ") && help.contains("Ctrl+R"), "{help}");
    }
}

#[test]
fn the_week_and_the_top_bar_at_80x24() {
    for lang in [Locale::Ja, Locale::En] {
        // みづき助産院, the tenth facility, where R-0001 has day care on 11/25.
        let mut a = app_with(kiosk_store(), lang);
        for _ in 0..9 {
            key(&mut a, KeyCode::Down);
        }
        ch(&mut a, 'd');
        key(&mut a, KeyCode::Tab);
        key(&mut a, KeyCode::Right);
        let l = if lang == Locale::Ja { "ja" } else { "en" };
        insta::assert_snapshot!(
            format!("week_at_the_highlighted_facility_{l}_80x24"),
            screen(&mut a, 80, 24)
        );
    }
}
