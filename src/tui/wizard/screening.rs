//! Step 2: the flyer's conditions that rule care out. A "yes" stops the booking and shows the
//! contacts; Esc (or answering "no") goes back to the questions.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::super::action::Action;
use super::super::app::{App, Hits, Target};
use super::super::panes::{boxed, lines, row};
use super::super::text::{display_safe, truncate, width, wrap};
use super::view::step_name;
use super::{Step, Wizard};
use crate::i18n::words;

pub fn update(app: &mut App, a: Action) {
    let n = app.ds.programme.screening.len();
    let Some(w) = app.session.wizard.as_mut() else { return };
    match a {
        Action::Up => w.question = w.question.saturating_sub(1),
        Action::Down => w.question = (w.question + 1).min(n.saturating_sub(1)),
        Action::Yes | Action::No => {
            if let Some(ans) = w.answers.get_mut(w.question) {
                *ans = Some(a == Action::Yes);
            }
            if a == Action::No && w.question + 1 < n {
                w.question += 1;
            }
        }
        Action::Click(Target::Answer(q, yes)) => {
            w.question = q.min(n.saturating_sub(1));
            if let Some(ans) = w.answers.get_mut(q) {
                *ans = Some(yes);
            }
        }
        Action::Click(Target::Row(q)) => w.question = q.min(n.saturating_sub(1)),
        Action::Enter | Action::Click(Target::Button(super::super::app::Button::Next)) => {
            if w.stopped() {
                return;
            }
            if let Some(q) = w.answers.iter().position(Option::is_none) {
                w.question = q;
                let msg = app.t("wizard-answer-all");
                app.flash_error(msg);
                return;
            }
            w.step = Step::Care;
        }
        _ => {}
    }
}

pub fn draw(frame: &mut Frame, app: &App, w: &Wizard, area: Rect, hits: &mut Hits) {
    let t = &app.session.theme;
    let lang = app.session.lang;
    let inner = boxed(frame, app, area, &step_name(app, Step::Screening), true);
    if inner.is_empty() {
        return;
    }
    let width_all = usize::from(inner.width);
    let mut y = 0u16;
    let mut out: Vec<Line> = Vec::new();
    for l in wrap(&app.t("wizard-screening-intro"), width_all) {
        out.push(Line::styled(l, t.heading));
        y += 1;
    }
    out.push(Line::raw(""));
    y += 1;
    for (i, q) in app.ds.programme.screening.iter().enumerate() {
        let current = i == w.question;
        let yes = answer(app, "wizard-yes", w.answers[i] == Some(true));
        let no = answer(app, "wizard-no", w.answers[i] == Some(false));
        let answers_w = width(&yes) + width(&no) + 1;
        // The dataset's questions are in Japanese and English only.
        let text = display_safe(if lang.is_japanese() { &q.ja } else { &q.en });
        let marker = if current { "> " } else { "  " };
        let text_w = width_all.saturating_sub(answers_w + 3);
        let wrapped = wrap(&text, text_w.max(8));
        for (k, l) in wrapped.iter().enumerate() {
            let mut spans = vec![
                Span::styled(if k == 0 { marker } else { "  " }, t.key),
                Span::styled(
                    super::super::text::pad(l, text_w),
                    if current { t.heading } else { t.base },
                ),
                Span::raw(" "),
            ];
            if k == 0 {
                let ys = if w.answers[i] == Some(true) { t.error } else { t.button };
                let ns = if w.answers[i] == Some(false) { t.step_current } else { t.button };
                spans.push(Span::styled(yes.clone(), ys));
                spans.push(Span::raw(" "));
                spans.push(Span::styled(no.clone(), ns));
                if let Some(r) = row(inner, y) {
                    let ax = r.x + (2 + text_w + 1) as u16;
                    let yw = width(&yes) as u16;
                    hits.add(Rect { x: r.x, width: ax.saturating_sub(r.x), ..r }, Target::Row(i));
                    hits.add(Rect { x: ax, width: yw, ..r }, Target::Answer(i, true));
                    hits.add(
                        Rect { x: ax + yw + 1, width: width(&no) as u16, ..r },
                        Target::Answer(i, false),
                    );
                }
            }
            out.push(Line::from(spans));
            y += 1;
        }
    }
    out.push(Line::raw(""));
    if w.stopped() {
        for l in wrap(&app.t("wizard-screening-stop"), width_all) {
            out.push(Line::styled(l, t.error));
        }
        for c in &app.ds.programme.contacts {
            let name = words::contact_name(lang, c);
            out.push(Line::from(vec![
                Span::styled(format!("  {} ", c.phone), t.heading),
                Span::styled(truncate(&name, width_all.saturating_sub(16)), t.base),
            ]));
        }
    } else {
        for l in wrap(&app.t("wizard-screening-keys"), width_all) {
            out.push(Line::styled(l, t.muted));
        }
    }
    lines(frame, inner, out, t.base);
}

/// `[x はい]`, `[  いいえ]`: an answer, marked when chosen.
fn answer(app: &App, id: &str, chosen: bool) -> String {
    format!("[{} {}]", if chosen { "x" } else { " " }, app.t(id))
}
