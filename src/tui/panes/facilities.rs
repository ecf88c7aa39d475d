//! The facility browser: the facilities, filtered by care type and search text, each with its
//! type, name, period, reservation channel and the phone line's state right now, in words.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::dataset::Facility;
use crate::domain::care::CareType;

use super::super::app::{App, Hits, Pane, Target};
use super::super::pane_words::{self, LineState};
use super::super::text::{display_safe, pad, pad_left, width, wrap};
use super::{boxed, lines, row};
use crate::i18n::words;

/// Inner width from which each facility takes one line (else two).
const ONE_LINE_WIDTH: u16 = 88;

/// Rows one facility takes at an inner width.
pub fn rows_per_facility(inner_width: u16) -> usize {
    if inner_width >= ONE_LINE_WIDTH { 1 } else { 2 }
}

/// The phone line's state at `app.now` in words, with its style: open until, closed and when it
/// opens, or the channels when there is no phone.
pub fn phone_state(app: &App, f: &Facility, care: Option<CareType>) -> (String, Style) {
    let t = &app.session.theme;
    let reservation = match care {
        Some(c) => f.reservation(c),
        None => f.reservations.iter().find(|r| r.hours.is_some()).or(f.reservations.first()),
    };
    let (text, state) = pane_words::phone_line(app.session.lang, reservation, app.now);
    let style = match state {
        LineState::Open => t.ok,
        LineState::Closed | LineState::HoursUnknown => t.warn,
        LineState::NoChannel => t.muted,
        LineState::NoPhone => t.base,
    };
    (text, style)
}

/// The type column: one short mark per care type offered (宿 日 訪 / S D V).
pub fn type_marks(app: &App, f: &Facility) -> String {
    pane_words::care_marks(app.session.lang, &f.types)
}

/// The channels, joined with `/`.
pub fn channels(app: &App, f: &Facility) -> String {
    pane_words::channel_column(app.session.lang, &f.channels())
}

/// The period column. With a type filter, that type's period; without one, the period of every
/// type the facility offers, each marked with its types (綾瀬産後ケア: 宿:産後60日まで
/// 日:産後120日まで), types with the same period together (宿日:産後4か月0日まで), so that no
/// period is read as another type's or left out.
pub fn period_text(app: &App, f: &Facility) -> String {
    let lang = app.session.lang;
    if let Some(c) = app.session.browser.care
        && f.offers(c)
    {
        return f.period(c).map(|p| words::period_short(lang, p.period)).unwrap_or_default();
    }
    let mut groups: Vec<(String, String)> = Vec::new();
    for &care in &f.types {
        let Some(p) = f.period(care) else { continue };
        let text = words::period_short(lang, p.period);
        match groups.iter_mut().find(|(_, t)| *t == text) {
            Some((marks, _)) => marks.push_str(&words::care_mark(lang, care)),
            None => groups.push((words::care_mark(lang, care), text)),
        }
    }
    match groups.as_slice() {
        [(_, only)] if f.types.len() == 1 => only.clone(),
        _ => groups.iter().map(|(m, t)| format!("{m}:{t}")).collect::<Vec<_>>().join(" "),
    }
}

pub fn draw(frame: &mut Frame, app: &App, area: Rect, hits: &mut Hits) {
    let lang = app.session.lang;
    let t = &app.session.theme;
    let focused = app.session.focus == Pane::Facilities;
    let visible = app.visible_facilities();
    let title =
        format!("{} {}/{}", app.t("pane-facilities-title"), visible.len(), app.ds.facilities.len());
    let inner = boxed(frame, app, area, &title, focused);
    if inner.height < 2 || inner.width < 10 {
        return;
    }
    let w = usize::from(inner.width);

    // Filter line: type filter and search field.
    let care = match app.session.browser.care {
        Some(c) => words::care_name(lang, c),
        None => app.t("pane-all-types"),
    };
    let search_label = format!("{} ", app.t("pane-search-label"));
    let filter_head = format!("{}{}  ", app.t("pane-type-label"), care);
    let mut spans = vec![
        Span::styled(filter_head.clone(), t.heading),
        Span::styled(
            search_label.clone(),
            if app.session.browser.searching { t.key } else { t.muted },
        ),
    ];
    let query = app.session.browser.query.text();
    let field_w = w.saturating_sub(width(&filter_head) + width(&search_label));
    if query.is_empty() && !app.session.browser.searching {
        spans.push(Span::styled(pad(&app.t("pane-search-hint"), field_w), t.muted));
    } else {
        spans.push(Span::styled(pad(query, field_w), t.input));
    }
    lines(frame, Rect { height: 1, ..inner }, vec![Line::from(spans)], t.base);
    if app.session.browser.searching {
        let x = inner.x
            + (width(&filter_head)
                + width(&search_label)
                + app.session.browser.query.cursor_width())
            .min(w.saturating_sub(1)) as u16;
        frame.set_cursor_position((x, inner.y));
    }

    let list = Rect { y: inner.y + 1, height: inner.height - 1, ..inner };
    // Large text: each facility on two lines and a blank one, whatever the width.
    let per = if app.session.large { 3 } else { rows_per_facility(inner.width) };
    // One-line mode has a header row.
    let (list, header) = if per == 1 {
        (Rect { y: list.y + 1, height: list.height.saturating_sub(1), ..list }, Some(list))
    } else {
        (list, None)
    };
    let fit = usize::from(list.height) / per;
    hits.facility_rows = fit;
    if visible.is_empty() {
        // Wrapped, not cut: the keys that clear the filter are at its end.
        let text = wrap(&app.t("pane-no-match"), w);
        lines(frame, list, text.into_iter().map(|l| Line::styled(l, t.warn)).collect(), t.base);
        return;
    }
    let cursor = app.session.browser.cursor.min(visible.len() - 1);
    let offset = scroll_offset(app.session.browser.offset, cursor, fit, visible.len());

    // Columns of the one-line mode.
    let type_w = 5;
    let state_w = 22;
    let period_w = 16;
    let chan_w = 14;
    let name_w = w.saturating_sub(type_w + state_w + period_w + chan_w + 4).max(8);
    if let Some(h) = header {
        let text = format!(
            "{} {} {} {} {}",
            pad(&app.t("pane-col-type"), type_w),
            pad(&app.t("pane-col-name"), name_w),
            pad(&app.t("pane-col-period"), period_w),
            pad(&app.t("pane-col-channel"), chan_w),
            app.t("pane-col-phone")
        );
        lines(frame, h, vec![Line::styled(pad(&text, w), t.heading)], t.base);
    }

    let mut out = Vec::new();
    for (n, &i) in visible.iter().enumerate().skip(offset).take(fit) {
        let f = &app.ds.facilities[i];
        let selected = n == cursor;
        let marker = if selected { ">" } else { " " };
        let (state, state_style) = phone_state(app, f, app.session.browser.care);
        let state = display_safe(&state);
        let row_style = if selected { t.cursor } else { t.base };
        let pick = |st: Style| if selected { t.cursor } else { st };
        let name = display_safe(words::dataset_text(lang, &f.name));
        if per == 1 {
            let used = type_w + name_w + period_w + chan_w + 4;
            let state_w = w.saturating_sub(used);
            out.push(Line::from(vec![
                Span::styled(
                    format!("{marker}{} ", pad(&type_marks(app, f), type_w - 1)),
                    row_style,
                ),
                Span::styled(format!("{} ", pad(&name, name_w)), row_style),
                Span::styled(format!("{} ", pad(&period_text(app, f), period_w)), pick(t.base)),
                Span::styled(format!("{} ", pad(&channels(app, f), chan_w)), pick(t.base)),
                Span::styled(pad(&state, state_w), pick(state_style)),
            ]));
        } else {
            let state_w = width(&state).min(w / 2);
            let name_w = w.saturating_sub(type_w + state_w + 1);
            out.push(Line::from(vec![
                Span::styled(
                    format!("{marker}{} ", pad(&type_marks(app, f), type_w - 1)),
                    row_style,
                ),
                Span::styled(format!("{} ", pad(&name, name_w.saturating_sub(1))), row_style),
                Span::styled(pad_left(&state, state_w), pick(state_style)),
            ]));
            let second = format!("{}  {}", period_text(app, f), channels(app, f));
            out.push(Line::from(vec![
                Span::styled(" ".repeat(type_w), row_style),
                Span::styled(pad(&second, w.saturating_sub(type_w)), pick(t.muted)),
            ]));
            if per == 3 {
                out.push(Line::raw(""));
            }
        }
        for k in 0..per {
            if let Some(r) = row(list, ((n - offset) * per + k) as u16) {
                hits.add(r, Target::FacilityRow(n));
            }
        }
    }
    lines(frame, list, out, t.base);
}

/// The first row to show so that the cursor is visible, starting from the last offset.
pub fn scroll_offset(offset: usize, cursor: usize, fit: usize, len: usize) -> usize {
    if fit == 0 {
        return cursor;
    }
    let mut o = offset.min(len.saturating_sub(1));
    if cursor < o {
        o = cursor;
    }
    if cursor >= o + fit {
        o = cursor + 1 - fit;
    }
    o.min(len.saturating_sub(fit))
}
