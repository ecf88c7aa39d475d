//! Step 5: the dates, on the calendar, with a live check through the booking rules and the reason
//! for any refusal.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use crate::domain::cancel;
use crate::domain::care::CareType;

use super::super::action::Action;
use super::super::app::{App, Button, Hits, Target};
use super::super::panes::{self, boxed, calendar, lines, quota};
use super::super::text::{display_safe, truncate, wrap};
use super::super::update::move_calendar;
use super::super::{booking_words, refusal_words};
use super::view::step_name;
use super::{Step, Wizard, check};
use crate::i18n::words;

/// The longest length the remaining quota allows (at least 1).
fn max_length(app: &App, care: CareType) -> u32 {
    let left =
        app.session.resident.as_ref().and_then(|r| r.quota.get(care)).map_or(1, |q| q.remaining);
    match care {
        CareType::Stay => left.saturating_sub(1).max(1),
        CareType::Day => left.max(1),
        CareType::Visit => 1,
    }
}

pub fn update(app: &mut App, a: Action) {
    let Some(care) = app.session.wizard.as_ref().and_then(|w| w.care) else { return };
    match a {
        Action::More | Action::Click(Target::Button(Button::LengthMore)) => {
            let max = max_length(app, care);
            let at_max = app.session.wizard.as_ref().is_some_and(|w| w.length >= max);
            if at_max {
                // Say why it stops rather than ignore the key.
                let left = app
                    .session
                    .resident
                    .as_ref()
                    .and_then(|r| r.quota.get(care))
                    .map_or(0, |q| q.remaining);
                let msg = if care == CareType::Visit {
                    app.t("wizard-visit-is-one")
                } else {
                    let left = words::units(app.session.lang, left, care.unit());
                    app.tr("wizard-longest-reached", &[("left", left.into())])
                };
                app.flash_error(msg);
            } else if let Some(w) = app.session.wizard.as_mut() {
                w.length += 1;
            }
        }
        Action::Less | Action::Click(Target::Button(Button::LengthLess)) => {
            if let Some(w) = app.session.wizard.as_mut() {
                w.length = w.length.saturating_sub(1).max(1);
            }
        }
        Action::Click(Target::Day(d)) if d != app.session.day => app.session.day = d,
        Action::Enter
        | Action::Click(Target::Day(_))
        | Action::Click(Target::Button(Button::Next)) => match check(app, app.session.day) {
            Some(Ok(_)) => {
                if let Some(w) = app.session.wizard.as_mut() {
                    w.step = Step::Confirm;
                }
            }
            Some(Err(r)) => {
                let msg = refusal_words::refusal(app.session.lang, &r);
                app.flash_error(msg);
            }
            None => {}
        },
        a => {
            move_calendar(app, a);
        }
    }
}

pub fn draw(frame: &mut Frame, app: &App, w: &Wizard, area: Rect, hits: &mut Hits) {
    let t = &app.session.theme;
    let lang = app.session.lang;
    let title = step_name(app, Step::Dates);
    let (left, cal, q) = panes::areas(frame, app, area, &title, hits);
    calendar::draw(frame, app, cal, true, hits);
    quota::draw(frame, app, q, false, hits);

    let inner = boxed(frame, app, left, &title, false);
    if inner.is_empty() {
        return;
    }
    let wd = usize::from(inner.width);
    let mut out = Vec::new();
    if let Some((f, care)) = app.focus_facility() {
        let name = display_safe(words::dataset_text(lang, &f.name));
        out.push(Line::styled(truncate(&name, wd), t.heading));
        out.push(Line::styled(truncate(&words::care_name(lang, care), wd), t.base));
        if let Some(win) = app.window(f, care) {
            out.push(Line::styled(truncate(&booking_words::window_line(lang, win), wd), t.ok));
        }
        out.push(Line::raw(""));
        let length = booking_words::length_line(lang, w.length_for(care));
        out.push(Line::styled(truncate(&length, wd), t.heading));
        let keys = app.tr("wizard-length-keys", &[("care", care.id().into())]);
        out.push(Line::styled(truncate(&keys, wd), t.muted));
        out.push(Line::raw(""));
        match check(app, app.session.day) {
            Some(Ok(plan)) => {
                out.push(Line::styled(truncate(&app.t("wizard-check-ok"), wd), t.ok));
                for l in wrap(&booking_words::plan_dates(lang, &plan), wd) {
                    out.push(Line::styled(l, t.ok));
                }
                out.extend(quota::fee_lines(app, care, &plan.fee, wd.min(44)));
                let rule = app.ds.programme.cancellation.rule();
                let notice = cancel::notice(
                    &rule,
                    plan.first_day,
                    plan.units,
                    app.now,
                    f.phone_hours(Some(care)),
                );
                for line in booking_words::cancel_notice(lang, &notice, care.unit()) {
                    for l in wrap(&line, wd) {
                        out.push(Line::styled(l, t.base));
                    }
                }
            }
            Some(Err(r)) => {
                out.push(Line::styled(truncate(&app.t("wizard-check-refused"), wd), t.error));
                for l in wrap(&refusal_words::refusal(lang, &r), wd) {
                    out.push(Line::styled(l, t.error));
                }
            }
            None => {}
        }
        out.push(Line::raw(""));
        for l in wrap(&app.t("wizard-dates-keys"), wd) {
            out.push(Line::styled(l, t.muted));
        }
    }
    lines(frame, inner, out, t.base);
}
