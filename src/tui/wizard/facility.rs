//! Step 4: the facility, only those that offer the care type and whose eligibility window still
//! has days from today on.

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::super::action::Action;
use super::super::app::{App, Button, Hits, Target};
use super::super::booking_words;
use super::super::panes::facilities::{channels, phone_state, scroll_offset};
use super::super::panes::{boxed, lines, row};
use super::super::text::{display_safe, pad, truncate, width};
use super::view::step_name;
use super::{Step, Wizard};
use crate::i18n::words;

/// Indices of the facilities that can still take the wizard's care type for its resident.
pub fn candidates(app: &App) -> Vec<usize> {
    let Some(care) = app.session.wizard.as_ref().and_then(|w| w.care) else { return Vec::new() };
    let today = app.today();
    app.ds
        .facilities
        .iter()
        .enumerate()
        .filter(|(_, f)| f.offers(care))
        .filter(|(_, f)| app.window(f, care).is_some_and(|win| win.last_day >= today))
        .map(|(i, _)| i)
        .collect()
}

pub fn update(app: &mut App, a: Action) {
    let list = candidates(app);
    let page = app.hits.list_rows.max(1);
    let Some(w) = app.session.wizard.as_mut() else { return };
    let last = list.len().saturating_sub(1);
    let pick = match a {
        Action::Up => {
            w.facility_cursor = w.facility_cursor.saturating_sub(1);
            None
        }
        Action::Down => {
            w.facility_cursor = (w.facility_cursor + 1).min(last);
            None
        }
        Action::PageUp => {
            w.facility_cursor = w.facility_cursor.saturating_sub(page);
            None
        }
        Action::PageDown => {
            w.facility_cursor = (w.facility_cursor + page).min(last);
            None
        }
        Action::Home => {
            w.facility_cursor = 0;
            None
        }
        Action::End => {
            w.facility_cursor = last;
            None
        }
        Action::ScrollUp(_) => {
            w.facility_cursor = w.facility_cursor.saturating_sub(1);
            None
        }
        Action::ScrollDown(_) => {
            w.facility_cursor = (w.facility_cursor + 1).min(last);
            None
        }
        Action::Click(Target::Row(i)) if i < list.len() => {
            let again = w.facility_cursor == i;
            w.facility_cursor = i;
            again.then_some(i)
        }
        Action::Enter | Action::Click(Target::Button(Button::Next)) => Some(w.facility_cursor),
        _ => None,
    };
    let Some(i) = pick else { return };
    let Some(&fi) = list.get(i) else {
        let msg = app.t("wizard-no-facility");
        app.flash_error(msg);
        return;
    };
    let id = app.ds.facilities[fi].id.clone();
    let Some(w) = app.session.wizard.as_mut() else { return };
    w.facility = Some(id);
    w.step = Step::Dates;
    // Put the calendar on the first day that can be chosen.
    if let Some((f, care)) = app.focus_facility()
        && let Some(win) = app.window(f, care)
    {
        let first: NaiveDate = win.first_day.max(app.today());
        if !win.contains(app.session.day) || app.session.day < first {
            app.session.day = first;
        }
    }
}

pub fn draw(frame: &mut Frame, app: &App, w: &Wizard, area: Rect, hits: &mut Hits) {
    let t = &app.session.theme;
    let lang = app.session.lang;
    let care = w.care;
    let title = match care {
        Some(c) => format!("{} - {}", step_name(app, Step::Facility), words::care_name(lang, c)),
        None => step_name(app, Step::Facility),
    };
    let inner = boxed(frame, app, area, &title, true);
    if inner.height < 3 {
        return;
    }
    let wd = usize::from(inner.width);
    let list = candidates(app);
    let mut out = vec![Line::styled(truncate(&app.t("wizard-facility-intro"), wd), t.heading)];
    if list.is_empty() {
        out.push(Line::styled(truncate(&app.t("wizard-no-facility"), wd), t.warn));
        lines(frame, inner, out, t.base);
        return;
    }
    let rows = Rect { y: inner.y + 1, height: inner.height - 1, ..inner };
    let per = 2usize;
    let fit = usize::from(rows.height) / per;
    hits.list_rows = fit;
    let cursor = w.facility_cursor.min(list.len() - 1);
    let offset =
        scroll_offset(cursor.saturating_sub(fit.saturating_sub(1)), cursor, fit, list.len());
    lines(frame, Rect { height: 1, ..inner }, out, t.base);
    let mut out = Vec::new();
    for (n, &fi) in list.iter().enumerate().skip(offset).take(fit) {
        let f = &app.ds.facilities[fi];
        let current = n == cursor;
        let style = if current { t.cursor } else { t.base };
        let (state, state_style) = phone_state(app, f, care);
        let state = display_safe(&state);
        let sw = width(&state).min(wd / 2);
        let name_w = wd.saturating_sub(sw + 3);
        out.push(Line::from(vec![
            Span::styled(if current { "> " } else { "  " }, t.key),
            Span::styled(pad(&display_safe(words::dataset_text(lang, &f.name)), name_w), style),
            Span::raw(" "),
            Span::styled(truncate(&state, sw), if current { t.cursor } else { state_style }),
        ]));
        let win = care.and_then(|c| app.window(f, c));
        let second = match win {
            Some(win) => format!(
                "{}  {}  {}",
                booking_words::window_line(lang, win),
                booking_words::days_left(lang, win, app.today()),
                channels(app, f)
            ),
            None => channels(app, f),
        };
        out.push(Line::from(vec![
            Span::raw("    "),
            Span::styled(truncate(&second, wd.saturating_sub(4)), t.muted),
        ]));
        for k in 0..per {
            if let Some(r) = row(rows, ((n - offset) * per + k) as u16) {
                hits.add(r, Target::Row(n));
            }
        }
    }
    lines(frame, rows, out, t.base);
}
