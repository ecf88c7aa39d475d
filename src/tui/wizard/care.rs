//! Step 3: the care type, with its fee and the resident's remaining quota.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::domain::care::CareType;
use crate::i18n::format;

use super::super::action::Action;
use super::super::app::{App, Button, Hits, Target};
use super::super::panes::{boxed, lines, row};
use super::super::text::{pad, pad_left, truncate, width, wrap};
use super::super::{booking_words, pane_words};
use super::view::step_name;
use super::{Step, Wizard};
use crate::i18n::words;

/// Remaining units of a care type for the wizard's resident.
fn remaining(app: &App, care: CareType) -> u32 {
    app.session.resident.as_ref().and_then(|r| r.quota.get(care)).map_or(0, |q| q.remaining)
}

/// The types the programme offers, in its order: the rows of the step.
fn offered(app: &App) -> Vec<CareType> {
    app.ds.programme.offered().collect()
}

pub fn update(app: &mut App, a: Action) {
    let types = offered(app);
    let Some(w) = app.session.wizard.as_mut() else { return };
    let pick = match a {
        Action::Up => {
            w.care_cursor = w.care_cursor.saturating_sub(1);
            None
        }
        Action::Down => {
            w.care_cursor = (w.care_cursor + 1).min(types.len().saturating_sub(1));
            None
        }
        Action::Click(Target::Row(i)) if i < types.len() => {
            let again = w.care_cursor == i;
            w.care_cursor = i;
            again.then_some(i)
        }
        Action::Enter | Action::Click(Target::Button(Button::Next)) => Some(w.care_cursor),
        _ => None,
    };
    let Some(&care) = pick.and_then(|i| types.get(i)) else { return };
    let left = remaining(app, care);
    let shortest = care.shortest().units();
    let lang = app.session.lang;
    if left == 0 {
        let msg = app.tr("wizard-none-left", &[("care", words::care_short(lang, care).into())]);
        app.flash_error(msg);
        return;
    }
    if left < shortest {
        let args = [
            ("care", words::care_name(lang, care).into()),
            ("left", words::units(lang, left, care.unit()).into()),
            ("shortest", words::units(lang, shortest, care.unit()).into()),
        ];
        let msg = app.tr("wizard-too-few-left", &args);
        app.flash_error(msg);
        return;
    }
    let Some(w) = app.session.wizard.as_mut() else { return };
    if w.care != Some(care) {
        w.care = Some(care);
        w.facility = None;
        w.facility_cursor = 0;
        w.length = 1;
    }
    w.step = Step::Facility;
}

pub fn draw(frame: &mut Frame, app: &App, w: &Wizard, area: Rect, hits: &mut Hits) {
    let t = &app.session.theme;
    let lang = app.session.lang;
    let inner = boxed(frame, app, area, &step_name(app, Step::Care), true);
    if inner.is_empty() {
        return;
    }
    let width_all = usize::from(inner.width);
    let intro = app.t("wizard-care-intro");
    let mut out = vec![Line::styled(truncate(&intro, width_all), t.heading), Line::raw("")];
    let mut y = 2u16;
    // The units after the amounts in one column, as wide as the longest (`/pagbisita`).
    let types = offered(app);
    let per_w = types
        .iter()
        .map(|c| width(&booking_words::per_unit(lang, c.unit())))
        .max()
        .unwrap_or(0)
        .max(7);
    for (i, care) in types.iter().enumerate() {
        let Some(rule) = app.ds.care_rule(*care) else { continue };
        let current = i == w.care_cursor;
        let left = remaining(app, *care);
        let style = if current { t.cursor } else { t.base };
        let marker = if current { "> " } else { "  " };
        let name_w = 28usize;
        // Amounts right-aligned, their units after them, so the amounts line up.
        let fee = format!(
            "{}{}",
            pad_left(&format::yen(lang, rule.fee.base_yen), 10),
            pad(&booking_words::per_unit(lang, care.unit()), per_w)
        );
        let shortest = care.shortest().units();
        let unavailable = left < shortest;
        let left_text = if left == 0 {
            app.t("wizard-none-left-short")
        } else if unavailable {
            let args = [
                ("left", words::units(lang, left, care.unit()).into()),
                ("shortest", words::units(lang, shortest, care.unit()).into()),
            ];
            app.tr("wizard-too-few-left-short", &args)
        } else {
            booking_words::left_of(lang, left, rule.limit, care.unit())
        };
        let fixed = 2 + name_w + 10 + per_w + 1;
        out.push(Line::from(vec![
            Span::styled(marker, t.key),
            Span::styled(pad(&words::care_name(lang, *care), name_w), style),
            Span::styled(fee, style),
            Span::raw(" "),
            Span::styled(
                truncate(&left_text, width_all.saturating_sub(fixed)),
                if unavailable { t.warn } else { t.ok },
            ),
        ]));
        if let Some(r) = row(inner, y) {
            hits.add(r, Target::Row(i));
        }
        y += 1;
        let detail = pane_words::care_detail(lang, *care, rule);
        for l in wrap(&detail, width_all.saturating_sub(4)) {
            out.push(Line::from(vec![Span::raw("    "), Span::styled(l, t.muted)]));
            y += 1;
        }
    }
    out.push(Line::raw(""));
    let exemption = pane_words::exemption_text(lang, &app.ds.programme.fee_exemption);
    for l in wrap(&exemption, width_all) {
        out.push(Line::styled(l, t.muted));
    }
    lines(frame, inner, out, t.base);
}
