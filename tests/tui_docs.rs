//! `docs/screen.txt` (shown in the README) is a capture of the main screen and the key list, as
//! the app draws them now. This test fails when the capture is stale; regenerate it with
//! `SANGO_WRITE_DOCS=1 cargo test --test tui_docs`.

mod tui_common;

use crossterm::event::KeyCode;
use sango::i18n::Locale;
use tui_common::*;

fn capture() -> String {
    let mut out = String::new();
    out.push_str("sango: the main screen at 100x30 (Japanese, the default; `--lang en` or L for English)\n\n");
    let mut a = app(Locale::Ja);
    ch(&mut a, 'u');
    typed(&mut a, "R-0001");
    key(&mut a, KeyCode::Enter);
    a.session.flash = None;
    out.push_str(&screen(&mut a, 100, 30));
    out.push_str("\nThe same in English:\n\n");
    ch(&mut a, 'L');
    out.push_str(&screen(&mut a, 100, 30));
    for lang in [Locale::En, Locale::Ja] {
        let keys = sango::tui::help::staff_keys(lang);
        out.push_str(if lang == Locale::En { "\nKeys:\n\n" } else { "\nキー操作:\n\n" });
        let w = keys
            .iter()
            .map(|(k, _)| unicode_width::UnicodeWidthStr::width(k.as_str()))
            .max()
            .unwrap_or(0);
        for (k, d) in &keys {
            let pad = w - unicode_width::UnicodeWidthStr::width(k.as_str());
            out.push_str(&format!("  {k}{}  {d}\n", " ".repeat(pad)));
        }
    }
    out
}

#[test]
fn docs_screen_txt_is_current() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/screen.txt");
    let now = capture();
    if std::env::var_os("SANGO_WRITE_DOCS").is_some() {
        std::fs::create_dir_all(concat!(env!("CARGO_MANIFEST_DIR"), "/docs")).unwrap();
        std::fs::write(path, &now).unwrap();
        return;
    }
    let old = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        old == now,
        "docs/screen.txt is stale: run SANGO_WRITE_DOCS=1 cargo test --test tui_docs"
    );
}
