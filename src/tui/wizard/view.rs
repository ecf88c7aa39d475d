//! The wizard's frame: the step bar on top, the step's screen, the buttons at the bottom.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::i18n::Locale;

use super::super::app::{App, Button, Hits, Target};
use super::super::panes::{lines, row};
use super::super::store_worker::WriteKind;
use super::super::text::width;
use super::{Step, Wizard, care, confirm, dates, facility, resident, screening};

pub fn draw(frame: &mut Frame, app: &App, area: Rect, hits: &mut Hits) {
    let Some(w) = &app.session.wizard else { return };
    if area.height < 4 {
        return;
    }
    step_bar(frame, app, w, row(area, 0).unwrap_or(area));
    let body = Rect { y: area.y + 1, height: area.height - 2, ..area };
    let buttons = row(area, area.height - 1).unwrap_or(area);
    match w.step {
        Step::Resident => {
            let title = step_name(app, Step::Resident);
            let inner = super::super::panes::boxed(frame, app, body, &title, true);
            resident::draw_form(frame, app, &w.form, inner, hits);
        }
        Step::Screening => screening::draw(frame, app, w, body, hits),
        Step::Care => care::draw(frame, app, w, body, hits),
        Step::Facility => facility::draw(frame, app, w, body, hits),
        Step::Dates => dates::draw(frame, app, w, body, hits),
        Step::Confirm => confirm::draw(frame, app, w, body, hits),
    }
    button_row(frame, app, w, buttons, hits);
}

/// `1 利用者 > 2 体調 > [3 種類] > 4 施設 > 5 日程 > 6 確認`: the current step is bracketed.
fn step_bar(frame: &mut Frame, app: &App, w: &Wizard, area: Rect) {
    let t = &app.session.theme;
    let mut spans = vec![Span::styled(format!(" {} ", app.t("wizard-title")), t.title)];
    for step in Step::ALL {
        if step != Step::Resident {
            spans.push(Span::styled(" > ", t.muted));
        }
        let label = format!("{} {}", step.number(), step_name(app, step));
        let (text, style) = if step == w.step {
            (format!("[{label}]"), t.step_current)
        } else if step < w.step {
            (label, t.step_done)
        } else {
            (label, t.step_todo)
        };
        spans.push(Span::styled(text, style));
    }
    lines(frame, area, vec![Line::from(spans)], t.base);
}

/// The buttons of the step: `[Esc 戻る]` and the step's forward action, clickable.
fn button_row(frame: &mut Frame, app: &App, w: &Wizard, area: Rect, hits: &mut Hits) {
    let t = &app.session.theme;
    let mut buttons: Vec<(String, Button)> = Vec::new();
    if w.done.is_some() {
        buttons.push((format!("[Enter {}]", app.t("wizard-close")), Button::Close));
    } else {
        let back = app.t(if w.step == Step::Resident { "wizard-leave" } else { "wizard-back" });
        buttons.push((format!("[Esc {back}]"), Button::Back));
        match w.step {
            Step::Screening if w.stopped() => {}
            // While the booking is being recorded the button says so (Enter sends nothing).
            Step::Confirm if app.store.writing(WriteKind::Book) => {
                buttons.push((format!("[{}]", app.t("wizard-recording")), Button::Book))
            }
            Step::Confirm => {
                buttons.push((format!("[Enter {}]", app.t("wizard-book")), Button::Book))
            }
            _ => buttons.push((format!("[Enter {}]", app.t("wizard-next")), Button::Next)),
        }
        if w.step == Step::Dates {
            buttons.push((format!("[- {}]", app.t("wizard-shorter")), Button::LengthLess));
            buttons.push((format!("[+ {}]", app.t("wizard-longer")), Button::LengthMore));
        }
    }
    let mut spans = vec![Span::raw(" ")];
    let mut x = area.x + 1;
    for (label, b) in buttons {
        let bw = width(&label) as u16;
        if x + bw > area.x + area.width {
            break;
        }
        hits.add(Rect { x, width: bw, ..area }, Target::Button(b));
        spans.push(Span::styled(label, t.button));
        spans.push(Span::raw("  "));
        x += bw + 2;
    }
    // After the booking, nothing invites her to book again.
    let hint = if w.done.is_some() { String::new() } else { step_hint(app.session.lang, w.step) };
    let room = usize::from((area.x + area.width).saturating_sub(x));
    // Whole hints only: half a hint reads as another key.
    spans.push(Span::styled(super::super::text::fit_hints(&hint, room), t.muted));
    lines(frame, area, vec![Line::from(spans)], t.base);
}

fn step_key(s: Step) -> &'static str {
    match s {
        Step::Resident => "resident",
        Step::Screening => "screening",
        Step::Care => "care",
        Step::Facility => "facility",
        Step::Dates => "dates",
        Step::Confirm => "confirm",
    }
}

/// The step's name, in the step bar and as its box's title: 種類, `Type`.
pub fn step_name(app: &App, s: Step) -> String {
    app.tr("wizard-step", &[("step", step_key(s).into())])
}

/// What the keys of a step do, after its buttons.
fn step_hint(lang: Locale, s: Step) -> String {
    crate::i18n::tr(lang, "wizard-step-hint", &[("step", step_key(s).into())])
}
