//! A facility's detail: address, phones, e-mail, hours in the flyer's wording plus the computed
//! state, its message, the shared-room note and its notes. Scrolls with the arrows.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::dataset::Facility;
use crate::domain::hours;

use super::super::app::{App, Hits};
use super::super::text::{display_safe, width, wrap};
use super::facilities::{channels, phone_state};
use super::{boxed, lines};

/// The detail's lines at an inner width (the view scrolls over them).
pub fn detail_lines(app: &App, f: &Facility, w: usize) -> Vec<Line<'static>> {
    let s = app.s();
    let t = &app.session.theme;
    let mut out: Vec<Line<'static>> = Vec::new();
    let mut field = |label: &str, value: &str, style: Style| {
        let label = format!("{label}: ");
        let indent = width(&label);
        for (i, l) in
            wrap(&display_safe(value), w.saturating_sub(indent).max(4)).into_iter().enumerate()
        {
            let head = if i == 0 { label.clone() } else { " ".repeat(indent) };
            out.push(Line::from(vec![Span::styled(head, t.heading), Span::styled(l, style)]));
        }
    };
    for c in &f.types {
        let period = f.period(*c).map(|p| s.period_long(p.period)).unwrap_or_default();
        field(s.care_name(*c), &period, t.base);
    }
    for a in &f.addresses {
        field(s.address, a, t.base);
    }
    field(s.phone, &f.phones.join(", "), t.base);
    field(s.email, f.email.as_deref().unwrap_or(s.none), t.base);
    field(s.channels, &channels(app, f), t.base);
    for r in &f.reservations {
        let types: Vec<&str> = r.types.iter().map(|c| s.care_mark(*c)).collect();
        let label = format!("{} [{}]", s.reservation, types.join(""));
        field(&label, r.wording.as_ref().map_or(s.none, |w| s.text(w)), t.base);
        if let Some(h) = &r.hours {
            let described = match app.s().lang {
                super::super::strings::Lang::Ja => hours::describe_ja(h),
                _ => hours::describe_en(h),
            };
            field(s.hours, &described, t.base);
            let (state, style) = phone_state(app, f, r.types.first().copied());
            field(s.now_label, &state, style);
            if !h.states_holidays() {
                field(s.holidays, s.holiday_confirm, t.warn);
            }
        }
    }
    if f.shared_room {
        field(s.room, s.shared_room, t.warn);
    }
    if let Some(m) = &f.message {
        field(s.message, s.text(m), t.base);
    }
    for n in &f.notes {
        field(s.notes, s.text(n), t.base);
    }
    if let Some(info) = &app.session.resident {
        for c in &f.types {
            if let Some(win) = app.window(f, *c) {
                let label = format!("{} {}", s.window_label, s.care_mark(*c));
                field(&label, &s.window_text(&info.resident.id, win), t.ok);
            }
        }
    }
    out.push(Line::styled(s.detail_keys.to_string(), t.muted));
    out
}

pub fn draw(frame: &mut Frame, app: &App, area: Rect, _hits: &mut Hits) {
    let Some(f) = app.cursor_facility() else { return };
    let inner = boxed(frame, app, area, &display_safe(app.s().text(&f.name)), true);
    if inner.is_empty() {
        return;
    }
    let all = detail_lines(app, f, usize::from(inner.width));
    let max_scroll = all.len().saturating_sub(usize::from(inner.height));
    let skip = usize::from(app.session.browser.detail_scroll).min(max_scroll);
    let shown: Vec<Line> = all.into_iter().skip(skip).collect();
    lines(frame, inner, shown, app.session.theme.base);
}
