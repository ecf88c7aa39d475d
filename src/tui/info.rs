//! The guide screen (`g`): the programme as the flyer gives it — care types, limits and fees, the
//! cancellation rule, the contacts, the exemption, how to apply, what to bring, when care cannot
//! be used. Public information only: the same at a kiosk before identification and at a staff
//! desk.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::app::{App, Hits, Pane};
use super::panes::{framed, hint_row, lines};
use super::strings::Lang;
use super::text::{display_safe, truncate, wrap};

/// The guide's lines at a width.
pub fn guide_lines(app: &App, w: usize) -> Vec<Line<'static>> {
    let s = app.s();
    let t = &app.session.theme;
    let p = &app.ds.programme;
    let ja = app.session.lang == Lang::Ja;
    let mut out: Vec<Line<'static>> = Vec::new();
    let heading = |out: &mut Vec<Line<'static>>, text: &str| {
        if !out.is_empty() {
            out.push(Line::raw(""));
        }
        out.push(Line::styled(truncate(text, w), t.heading));
    };
    let para = |out: &mut Vec<Line<'static>>, text: &str, indent: usize| {
        for l in wrap(&display_safe(text), w.saturating_sub(indent).max(8)) {
            out.push(Line::raw(format!("{}{l}", " ".repeat(indent))));
        }
    };
    heading(&mut out, s.guide_fees());
    for rule in &app.ds.programme.care_types {
        let care = rule.id;
        out.push(Line::styled(truncate(&display_safe(s.text(&rule.name)), w), t.key));
        let line = format!(
            "{}  {}",
            s.fee_per_unit(rule.fee.base_yen, care.unit()),
            s.care_detail(care, rule)
        );
        para(&mut out, &line, 2);
        for n in &rule.notes {
            para(&mut out, s.text(n), 2);
        }
    }
    heading(&mut out, s.guide_cancel());
    let units: Vec<_> = p.offered().map(|c| c.unit()).collect();
    para(&mut out, &s.guide_cancel_rule(&p.cancellation.rule(), &units), 0);
    heading(&mut out, s.guide_contacts());
    for c in &p.contacts {
        let name = s.contact_name(c);
        out.push(Line::from(vec![
            Span::styled(format!("{}  ", c.phone), t.key),
            Span::raw(truncate(&display_safe(&name), w.saturating_sub(14))),
        ]));
    }
    heading(&mut out, s.guide_exemption());
    para(&mut out, &s.exemption_text(&p.fee_exemption), 0);
    heading(&mut out, s.guide_application());
    para(&mut out, &s.application_text(&p.application), 0);
    heading(&mut out, s.what_to_bring);
    for item in &p.what_to_bring {
        para(&mut out, &format!("- {}", s.text(item)), 0);
    }
    heading(&mut out, s.guide_not_usable());
    for q in &p.screening {
        para(&mut out, &format!("- {}", if ja { &q.ja } else { &q.en }), 0);
    }
    heading(&mut out, s.guide_notes());
    for n in &p.notes {
        para(&mut out, &format!("- {}", s.text(n)), 0);
    }
    out
}

pub fn draw(frame: &mut Frame, app: &App, area: Rect, hits: &mut Hits) {
    let s = app.s();
    let t = &app.session.theme;
    let inner = framed(frame, app, area, s.guide_title(), true, Pane::Facilities, hits);
    if inner.height < 2 {
        return;
    }
    let text = Rect { height: inner.height - 1, ..inner };
    let all = guide_lines(app, usize::from(inner.width));
    let max = (all.len() as u16).saturating_sub(text.height);
    hits.scroll_max = max;
    let offset = usize::from(app.session.info_scroll.min(max));
    let shown: Vec<Line> = all.into_iter().skip(offset).take(usize::from(text.height)).collect();
    lines(frame, text, shown, t.base);
    hint_row(frame, app, inner, s.guide_keys());
}
