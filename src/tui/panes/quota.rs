//! The resident's quota: limit, used, remaining and late-cancel charges per care type, and the
//! fee of the selection being made, with the twins surcharge and the exemption as lines.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::domain::booking::Plan;
use crate::domain::care::CareType;
use crate::domain::fees::FeeBreakdown;

use crate::i18n::format;

use super::super::app::{App, Hits, Pane};
use super::super::text::{clip_words, pad, pad_left, truncate, width};
use super::super::{pane_words, refusal_words, wizard};
use super::{framed, lines};
use crate::i18n::words;

/// The fee lines of a breakdown: base, extra babies, exemption, total; amounts right-aligned.
pub fn fee_lines(app: &App, care: CareType, fee: &FeeBreakdown, w: usize) -> Vec<Line<'static>> {
    let lang = app.session.lang;
    let t = &app.session.theme;
    let amount_w = 12;
    let label_w = w.saturating_sub(amount_w);
    let line = |label: String, amount: String, style| {
        Line::from(vec![
            Span::styled(pad(&label, label_w), t.base),
            Span::styled(pad_left(&amount, amount_w), style),
        ])
    };
    let unit = care.unit();
    let yen = |n: u32| format::yen(lang, n);
    let mut out = vec![line(
        pane_words::fee_base(lang, fee.units, unit, fee.base_yen_per_unit),
        yen(fee.base_total_yen),
        t.base,
    )];
    if fee.babies > 1 {
        out.push(line(
            pane_words::fee_extra(lang, fee.units, unit, fee.extra_yen_per_unit, fee.babies - 1),
            yen(fee.extra_total_yen),
            t.base,
        ));
    }
    if fee.exempt {
        out.push(line(app.t("pane-fee-exempt"), format!("-{}", yen(fee.waived_yen)), t.ok));
    }
    out.push(line(app.t("pane-fee-total"), yen(fee.total_yen), t.heading));
    out
}

/// The plan being made in the wizard, if its dates pass every rule.
fn selection(app: &App) -> Option<Result<Plan, String>> {
    let w = app.session.wizard.as_ref()?;
    if app.session.screen != super::super::app::Screen::Wizard || w.step < wizard::Step::Dates {
        return None;
    }
    if let Some((_, plan)) = &w.done {
        return Some(Ok(*plan));
    }
    Some(
        wizard::check(app, app.session.day)?
            .map_err(|r| refusal_words::refusal(app.session.lang, &r)),
    )
}

pub fn draw(frame: &mut Frame, app: &App, area: Rect, focused: bool, hits: &mut Hits) {
    let lang = app.session.lang;
    let t = &app.session.theme;
    let inner = framed(frame, app, area, &app.t("pane-quota-title"), focused, Pane::Quota, hits);
    if inner.is_empty() {
        return;
    }
    let w = usize::from(inner.width);
    let mut out = Vec::new();
    let label_w = 8;
    let num_w = 5;
    match &app.session.resident {
        None => out.push(Line::styled(clip_words(&app.t("pane-no-resident-quota"), w), t.muted)),
        Some(info) => {
            let summary = pane_words::resident_summary(lang, &info.resident);
            out.push(Line::styled(truncate(&summary, w), t.heading))
        }
    }
    let col_late = app.t("pane-col-late");
    let head = format!(
        "{}{}{}{} {}",
        pad(&app.t("pane-col-type"), label_w),
        pad_left(&app.t("pane-col-limit"), num_w),
        pad_left(&app.t("pane-col-used"), num_w),
        pad_left(&app.t("pane-col-left"), num_w),
        col_late
    );
    let late_w = width(&col_late);
    out.push(Line::styled(truncate(&head, w), t.heading));
    // Only the types the programme offers; her limit (more for multiples where the programme
    // says so) once a resident is chosen.
    for care in app.ds.programme.offered() {
        let q = app.session.resident.as_ref().and_then(|r| r.quota.get(care));
        let limit = q.map_or_else(|| app.ds.care_rule(care).map_or(0, |r| r.limit), |q| q.limit);
        let unit = care.unit();
        let num =
            |n: Option<u32>| n.map_or("-".to_string(), |n| pane_words::units_short(lang, n, unit));
        let left_style = match q {
            Some(q) if q.remaining == 0 => t.warn,
            _ => t.base,
        };
        let line = Line::from(vec![
            Span::styled(pad(&words::care_short(lang, care), label_w), t.base),
            Span::styled(pad_left(&pane_words::units_short(lang, limit, unit), num_w), t.base),
            Span::styled(pad_left(&num(q.map(|q| q.used)), num_w), t.base),
            Span::styled(pad_left(&num(q.map(|q| q.remaining)), num_w), left_style),
            Span::styled(
                truncate(
                    &format!(" {}", pad_left(&num(q.map(|q| q.late_cancel_charges)), late_w)),
                    w.saturating_sub(label_w + 3 * num_w),
                ),
                t.base,
            ),
        ]);
        out.push(line);
    }
    match selection(app) {
        None => out.push(Line::styled(clip_words(&app.t("pane-no-selection"), w), t.muted)),
        Some(Err(reason)) => {
            out.push(Line::styled(clip_words(&app.t("pane-selection-refused"), w), t.error));
            for l in super::super::text::wrap(&reason, w) {
                out.push(Line::styled(l, t.error));
            }
        }
        Some(Ok(plan)) => {
            let text = pane_words::selection_line(lang, &plan);
            out.push(Line::styled(truncate(&text, w), t.heading));
            out.extend(fee_lines(app, plan.care, &plan.fee, w));
        }
    }
    if let Some(info) = &app.session.resident {
        let active: Vec<_> = info
            .bookings
            .iter()
            .filter(|b| b.status_at(app.today()) == crate::store::Status::Booked)
            .collect();
        if !active.is_empty() && out.len() + 2 <= usize::from(inner.height) {
            out.push(Line::styled(truncate(&app.t("pane-upcoming"), w), t.heading));
            for b in active {
                let name = app
                    .ds
                    .facility(&b.facility)
                    .map_or(b.facility.as_str(), |f| words::dataset_text(lang, &f.name));
                let text = format!(
                    "+{} {} {}",
                    words::short_range(lang, b.first_day, b.last_day),
                    words::care_short(lang, b.care),
                    super::super::text::display_safe(name)
                );
                out.push(Line::styled(truncate(&text, w), t.booked));
            }
        }
    }
    lines(frame, inner, out, t.base);
}
