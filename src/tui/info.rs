//! The guide screen (`g`): the programme as the flyer gives it — care types, limits and fees, the
//! cancellation rule, the contacts, the exemption, how to apply, what to bring, when care cannot
//! be used. Public information only: the same at a kiosk before identification and at a staff
//! desk.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::app::{App, Hits, Pane};
use super::pane_words;
use super::panes::{framed, hint_row, lines};
use super::text::{display_safe, truncate, wrap};
use crate::i18n::words;

/// The guide's lines at a width.
pub fn guide_lines(app: &App, w: usize) -> Vec<Line<'static>> {
    let t = &app.session.theme;
    let p = &app.ds.programme;
    let lang = app.session.lang;
    let mut out: Vec<Line<'static>> = Vec::new();
    let heading = |out: &mut Vec<Line<'static>>, text: &str| {
        if !out.is_empty() {
            out.push(Line::raw(""));
        }
        out.push(Line::styled(truncate(text, w), t.heading));
    };
    // The dataset's texts are made safe where they are read (`display_safe`), not the messages:
    // their symbols are safe already, and Vietnamese letters of ambiguous width would become `?`.
    let para = |out: &mut Vec<Line<'static>>, text: &str, indent: usize| {
        for l in wrap(text, w.saturating_sub(indent).max(8)) {
            out.push(Line::raw(format!("{}{l}", " ".repeat(indent))));
        }
    };
    heading(&mut out, &app.t("guide-fees"));
    for rule in &app.ds.programme.care_types {
        let care = rule.id;
        let name = words::dataset_text(lang, &rule.name);
        out.push(Line::styled(truncate(&display_safe(name), w), t.key));
        let line = format!(
            "{}  {}",
            words::fee_per_unit(lang, rule.fee.base_yen, care.unit()),
            pane_words::care_detail(lang, care, rule)
        );
        para(&mut out, &line, 2);
        for n in &rule.notes {
            para(&mut out, &display_safe(words::dataset_text(lang, n)), 2);
        }
    }
    heading(&mut out, &app.t("guide-cancel"));
    let units: Vec<_> = p.offered().map(|c| c.unit()).collect();
    para(&mut out, &words::cancel_rule(lang, &p.cancellation.rule(), &units), 0);
    heading(&mut out, &app.t("guide-contacts"));
    for c in &p.contacts {
        let name = words::contact_name(lang, c);
        out.push(Line::from(vec![
            Span::styled(format!("{}  ", c.phone), t.key),
            Span::raw(truncate(&display_safe(&name), w.saturating_sub(14))),
        ]));
    }
    heading(&mut out, &app.t("guide-exemption"));
    para(&mut out, &pane_words::exemption_text(lang, &p.fee_exemption), 0);
    heading(&mut out, &app.t("guide-application"));
    para(&mut out, &pane_words::application_text(lang, &p.application), 0);
    heading(&mut out, &app.t("pane-guide-bring"));
    for item in &p.what_to_bring {
        para(&mut out, &format!("- {}", display_safe(words::dataset_text(lang, item))), 0);
    }
    heading(&mut out, &app.t("guide-not-usable"));
    // The questions are in Japanese and English only: easy Japanese reads the Japanese.
    for q in &p.screening {
        let text = if lang.is_japanese() { &q.ja } else { &q.en };
        para(&mut out, &format!("- {}", display_safe(text)), 0);
    }
    heading(&mut out, &app.t("guide-notes"));
    for n in &p.notes {
        para(&mut out, &format!("- {}", display_safe(words::dataset_text(lang, n))), 0);
    }
    out
}

pub fn draw(frame: &mut Frame, app: &App, area: Rect, hits: &mut Hits) {
    let t = &app.session.theme;
    let inner = framed(frame, app, area, &app.t("guide-title"), true, Pane::Facilities, hits);
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
    hint_row(frame, app, inner, &app.t("guide-keys"));
}
