//! A facility's detail: address, phones, e-mail, hours in the flyer's wording plus the computed
//! state, its message, the shared-room note and its notes. Scrolls with the arrows.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::dataset::Facility;

use super::super::app::{App, Hits};
use super::super::pane_words;
use super::super::text::{display_safe, width, wrap};
use super::facilities::{channels, phone_state};
use super::{boxed, lines};
use crate::i18n::hours as hours_words;
use crate::i18n::words;

/// The detail's lines at an inner width (the view scrolls over them).
pub fn detail_lines(app: &App, f: &Facility, w: usize) -> Vec<Line<'static>> {
    let lang = app.session.lang;
    let t = &app.session.theme;
    let mut out: Vec<Line<'static>> = Vec::new();
    // Values from the dataset go through `display_safe` at the call; the message files' own
    // words are safe already (tests/i18n_catalog.rs), and Vietnamese letters, of ambiguous width,
    // would come out as `?`.
    let mut field = |label: &str, value: &str, style: Style| {
        let label = format!("{label}: ");
        let indent = width(&label);
        for (i, l) in wrap(value, w.saturating_sub(indent).max(4)).into_iter().enumerate() {
            let head = if i == 0 { label.clone() } else { " ".repeat(indent) };
            out.push(Line::from(vec![Span::styled(head, t.heading), Span::styled(l, style)]));
        }
    };
    let text = |x: &crate::dataset::Text| display_safe(words::dataset_text(lang, x));
    for c in &f.types {
        let period = f.period(*c).map(|p| words::period_long(lang, p.period)).unwrap_or_default();
        field(&words::care_name(lang, *c), &period, t.base);
    }
    for a in &f.addresses {
        field(&app.t("pane-address"), &display_safe(a), t.base);
    }
    field(&app.t("pane-phone"), &display_safe(&f.phones.join(", ")), t.base);
    let email = f.email.as_deref().map_or_else(|| app.t("pane-none"), display_safe);
    field(&app.t("pane-email"), &email, t.base);
    field(&app.t("pane-channels"), &channels(app, f), t.base);
    for r in &f.reservations {
        let label =
            format!("{} [{}]", app.t("pane-reservation"), pane_words::care_marks(lang, &r.types));
        let wording = r.wording.as_ref().map_or_else(|| app.t("pane-none"), text);
        field(&label, &wording, t.base);
        if let Some(h) = &r.hours {
            field(&app.t("pane-hours"), &hours_words::describe(lang, h), t.base);
            let (state, style) = phone_state(app, f, r.types.first().copied());
            field(&app.t("pane-now"), &state, style);
            if !h.states_holidays() {
                field(&app.t("pane-holidays"), &app.t("pane-holiday-confirm"), t.warn);
            }
        }
    }
    if f.shared_room {
        field(&app.t("pane-room"), &app.t("pane-shared-room"), t.warn);
    }
    if let Some(m) = &f.message {
        field(&app.t("pane-message"), &text(m), t.base);
    }
    for n in &f.notes {
        field(&app.t("pane-notes"), &text(n), t.base);
    }
    if let Some(info) = &app.session.resident {
        for c in &f.types {
            if let Some(win) = app.window(f, *c) {
                let label =
                    format!("{} {}", app.t("pane-window-label"), words::care_mark(lang, *c));
                let id = display_safe(&info.resident.id);
                field(&label, &pane_words::window_text(lang, &id, win), t.ok);
            }
        }
    }
    out.push(Line::styled(app.t("pane-detail-keys"), t.muted));
    out
}

pub fn draw(frame: &mut Frame, app: &App, area: Rect, _hits: &mut Hits) {
    let Some(f) = app.cursor_facility() else { return };
    let inner = boxed(
        frame,
        app,
        area,
        &display_safe(words::dataset_text(app.session.lang, &f.name)),
        true,
    );
    if inner.is_empty() {
        return;
    }
    let all = detail_lines(app, f, usize::from(inner.width));
    let max_scroll = all.len().saturating_sub(usize::from(inner.height));
    let skip = usize::from(app.session.browser.detail_scroll).min(max_scroll);
    let shown: Vec<Line> = all.into_iter().skip(skip).collect();
    lines(frame, inner, shown, app.session.theme.base);
}
