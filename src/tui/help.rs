//! The boxes drawn over the screen: the help (every key), the quit question and the cancel
//! question (on time or late, and the number to phone).

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear};

use crate::i18n::{Locale, t};

use super::app::{App, Button, Hits, Target};
use super::cancel_words;
use super::panes::{button_pair, lines, row};
use super::text::{display_safe, pad, truncate, width, wrap};
use crate::i18n::words;

/// A centred rectangle of at most `w`×`h` inside `area`.
pub fn centred(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

/// Draws a framed box and returns its inner area.
///
/// An edge of the box never cuts a wide (CJK) character of what lies beneath: the terminal
/// would show half of it, or leave its other half as a blank beside the border
/// (`予約できません` became ` 約できません`). Where an edge would fall inside such a character,
/// the box grows by a column to cover it whole — at most [`GROW`] columns a side, since rows of
/// Japanese text at every parity would push the edge to the screen's; a character still cut
/// after that is blanked outside the box, which the terminal shows as a space.
pub fn frame_box(frame: &mut Frame, app: &App, area: Rect, title: &str) -> Rect {
    const GROW: u16 = 2;
    let screen = frame.area();
    let mut area = area.intersection(screen);
    let buf = frame.buffer_mut();
    let wide =
        |buf: &Buffer, x: u16, y: u16| buf.cell((x, y)).is_some_and(|c| width(c.symbol()) > 1);
    let rows = area.y..area.y + area.height;
    for _ in 0..GROW {
        if area.x > screen.x && rows.clone().any(|y| wide(buf, area.x - 1, y)) {
            area.x -= 1;
            area.width += 1;
        }
    }
    for _ in 0..GROW {
        if area.x + area.width < screen.x + screen.width
            && rows.clone().any(|y| wide(buf, area.x + area.width - 1, y))
        {
            area.width += 1;
        }
    }
    for y in rows {
        if area.x > screen.x && wide(buf, area.x - 1, y) {
            buf[(area.x - 1, y)].set_symbol(" ");
        }
        let right = area.x + area.width;
        if right < screen.x + screen.width && wide(buf, right - 1, y) {
            buf[(right, y)].set_symbol(" ");
        }
    }
    frame.render_widget(Clear, area);
    let b = Block::bordered()
        .border_type(BorderType::Double)
        .border_style(app.session.theme.border_focus)
        .title(Span::styled(format!(" {title} "), app.session.theme.title))
        .style(app.session.theme.base);
    let inner = b.inner(area);
    frame.render_widget(b, area);
    inner
}

/// The help overlay: every key, in two columns when one does not fit and the window is wide;
/// scrolled with Up/Down when even that does not fit.
pub fn draw_help(frame: &mut Frame, app: &App, area: Rect, hits: &mut Hits) {
    let t = &app.session.theme;
    let keys = if app.is_kiosk() { kiosk_keys(app) } else { staff_keys(app.session.lang) };
    let key_w = keys.iter().map(|(k, _)| width(k)).max().unwrap_or(8) + 1;
    let half = keys.len().div_ceil(2);
    // One column when every key fits (with the borders and the closing line), else two.
    let two = area.height < keys.len() as u16 + 3 && area.width >= 100;
    let rows_needed = if two { half } else { keys.len() } as u16;
    let box_w = if two { area.width.min(120) } else { area.width.min(80) };
    let b = centred(area, box_w, rows_needed + 3);
    let inner = frame_box(frame, app, b, &app.t("help-title"));
    hits.add(b, Target::Button(Button::Close));
    let col_w = if two { usize::from(inner.width) / 2 } else { usize::from(inner.width) };
    let line = |k: &str, d: &str| {
        Line::from(vec![
            Span::styled(pad(k, key_w), t.key),
            Span::styled(pad(d, col_w.saturating_sub(key_w + 1)), t.base),
            Span::raw(" "),
        ])
    };
    let mut out = Vec::new();
    if two {
        for i in 0..half {
            let mut l = line(&keys[i].0, &keys[i].1);
            if let Some((k, d)) = keys.get(i + half) {
                l.spans.extend(line(k, d).spans);
            }
            out.push(l);
        }
    } else {
        out.extend(keys.iter().map(|(k, d)| line(k, d)));
    }
    let room = inner.height.saturating_sub(1);
    let max = (out.len() as u16).saturating_sub(room);
    hits.scroll_max = max;
    let offset = usize::from(app.session.help_scroll.min(max));
    let mut shown: Vec<Line> = out.into_iter().skip(offset).take(usize::from(room)).collect();
    let close = if max > 0 {
        format!("{}  {}", app.t("help-close"), app.t("help-scroll"))
    } else {
        app.t("help-close")
    };
    shown.push(Line::styled(truncate(&close, usize::from(inner.width)), t.muted));
    lines(frame, inner, shown, t.base);
}

/// Every key of the staff screens with what it does, in `lang` (Japanese or English): the help
/// box, and the key list of `docs/screen.txt` (tests/tui_docs.rs).
pub fn staff_keys(lang: Locale) -> Vec<(String, String)> {
    [
        ("Tab / Shift+Tab", "frame-key-pane"),
        ("frame-keys-arrows", "frame-key-move"),
        ("PgUp PgDn [ ]", "frame-key-month"),
        (".", "frame-key-today"),
        ("Enter", "frame-key-enter"),
        ("Esc", "frame-key-esc"),
        ("/", "frame-key-find"),
        ("t", "frame-key-filter"),
        ("n", "frame-key-book"),
        ("u", "frame-key-resident"),
        ("b", "frame-key-bookings"),
        ("r", "frame-key-registry"),
        ("d", "frame-key-day"),
        ("m", "frame-key-report"),
        ("e", "frame-key-export"),
        ("s", "frame-key-sign-in"),
        ("v", "frame-key-review"),
        ("g", "frame-key-guide"),
        ("x", "frame-key-cancel"),
        ("+ / -", "frame-key-longer"),
        ("y / n", "frame-key-yes-no"),
        ("Space", "frame-key-check"),
        ("F2", "frame-key-find-resident"),
        ("L", "frame-key-language"),
        ("C", "frame-key-contrast"),
        ("T", "frame-key-large-text"),
        ("? / F1", "frame-key-help"),
        ("q / Ctrl+C", "frame-key-quit"),
        ("Ctrl+R", "frame-key-reload"),
        ("frame-keys-mouse", "frame-key-mouse"),
    ]
    .into_iter()
    .map(|(k, id)| {
        // The arrows and the mouse are named in words (a message), every other key by its label.
        let key = if k.starts_with("frame-keys-") { t(lang, k) } else { k.to_string() };
        (key, t(lang, id))
    })
    .collect()
}

/// Every key at a kiosk, in her language.
fn kiosk_keys(app: &App) -> Vec<(String, String)> {
    [
        ("F5", "key-start-over"),
        ("i", "key-identify"),
        ("n", "key-book"),
        ("b", "key-bookings"),
        ("g", "key-guide"),
        ("/", "key-find"),
        ("t", "key-filter"),
        ("", "key-arrows"),
        ("Tab", "key-pane"),
        ("Enter", "key-enter"),
        ("Esc", "key-esc"),
        ("y / n", "key-yes-no"),
        ("L", "key-language"),
        ("T", "key-large-text"),
        ("? / F1", "key-help"),
    ]
    .into_iter()
    .map(|(k, id)| {
        let key = if k.is_empty() { app.t("keys-arrows") } else { k.to_string() };
        (key, app.t(id))
    })
    .collect()
}

/// A yes/no question box with clickable buttons.
fn question(
    frame: &mut Frame,
    app: &App,
    area: Rect,
    title: &str,
    body: Vec<Line<'_>>,
    (yes, no): (&str, &str),
    hits: &mut Hits,
) {
    let t = &app.session.theme;
    let h = body.len() as u16 + 4;
    let b = centred(area, 64, h);
    let inner = frame_box(frame, app, b, title);
    lines(frame, inner, body, t.base);
    if let Some(r) = row(inner, inner.height.saturating_sub(1)) {
        let y = (format!("[y {yes}]"), Button::Yes);
        let n = (format!("[n {no}]"), Button::No);
        lines(frame, r, vec![button_pair(app, Some(r), 1, y, n, hits)], t.base);
    }
}

pub fn draw_confirm_quit(frame: &mut Frame, app: &App, area: Rect, hits: &mut Hits) {
    let w = 60usize;
    let body: Vec<Line> = wrap(&app.t("frame-quit-question"), w)
        .into_iter()
        .map(|l| Line::styled(l, app.session.theme.warn))
        .collect();
    let answers = (app.t("frame-quit-yes"), app.t("frame-quit-no"));
    let title = app.t("frame-quit-title");
    question(frame, app, area, &title, body, (&answers.0, &answers.1), hits);
}

pub fn draw_confirm_cancel(frame: &mut Frame, app: &App, area: Rect, id: &str, hits: &mut Hits) {
    let lang = app.session.lang;
    let t = &app.session.theme;
    let Some(b) =
        app.session.resident.as_ref().and_then(|r| r.bookings.iter().find(|b| b.id == id))
    else {
        return;
    };
    let f = app.ds.facility(&b.facility);
    let w = 60usize;
    let mut body = Vec::new();
    let name = f.map_or(b.facility.clone(), |f| display_safe(words::dataset_text(lang, &f.name)));
    body.push(Line::styled(truncate(&name, w), t.heading));
    body.push(Line::raw(truncate(
        &format!(
            "{}  {}  {}",
            words::care_short(lang, b.care),
            words::short_range(lang, b.first_day, b.last_day),
            words::length(lang, b.length())
        ),
        w,
    )));
    let rule = app.ds.programme.cancellation.rule();
    let outcome = rule.outcome(b.first_day, b.units, app.now);
    let said = cancel_words::cancel_outcome(lang, b.cancel_by(&rule), &outcome, b.care.unit());
    for l in wrap(&said, w) {
        body.push(Line::styled(l, if outcome.late { t.error } else { t.ok }));
    }
    let phones = f.map(|f| f.phones.join(", ")).unwrap_or_default();
    for l in wrap(&cancel_words::phone_the_facility(lang, &phones), w) {
        body.push(Line::styled(l, t.warn));
    }
    let answers = (app.t("bookings-cancel-yes"), app.t("bookings-cancel-no"));
    let title = app.t("bookings-cancel-title");
    question(frame, app, area, &title, body, (&answers.0, &answers.1), hits);
}

#[cfg(test)]
mod tests {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use ratatui::layout::Rect;

    use super::frame_box;
    use crate::tui::term::testing::app;

    #[test]
    fn a_box_grows_rather_than_cut_a_wide_character_at_either_edge() {
        let app = app();
        let mut t = Terminal::new(TestBackend::new(30, 6)).unwrap();
        t.draw(|f| {
            // Wide characters at even columns on every row (あ at 0, い at 2, …).
            let text: String = "あいうえおかきくけこさしすせそ".into();
            for y in 0..6 {
                f.buffer_mut().set_string(0, y, &text, ratatui::style::Style::new());
            }
            // Asked from column 5 (the second half of う) to 20 (the first half of さ).
            frame_box(f, &app, Rect { x: 5, y: 1, width: 16, height: 4 }, "x");
        })
        .unwrap();
        let buf = t.backend().buffer();
        // It covers う and さ whole: from column 4 to 21.
        assert_eq!(buf[(4, 1)].symbol(), "╔");
        assert_eq!(buf[(21, 1)].symbol(), "╗");
        assert_eq!(buf[(4, 2)].symbol(), "║");
        assert_eq!(buf[(21, 2)].symbol(), "║");
        // Outside it, every character is whole and where it was.
        for y in 1..5 {
            assert_eq!(buf[(2, y)].symbol(), "い");
            assert_eq!(buf[(22, y)].symbol(), "し");
        }
    }
}
