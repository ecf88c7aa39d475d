//! Draws the whole screen from the app's state, and returns where the clickable things landed.
//! Below 80×24 it shows a message asking for a larger window instead of the panes.

use chrono::{Datelike, NaiveDateTime};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use crate::i18n::{Locale, format, tr};

use super::app::{App, Hits, Overlay, ResidentForm, Screen};
use super::panes::{self, boxed, calendar, lines, quota};
use super::store_worker::Link;
use super::text::{clip_words, fit_hints, truncate, width, wrap};
use super::{
    bookings_view, dayview, export, help, info, kiosk, kiosk_view, refresh, registry, report_view,
    review_view, server_link, signin, wizard,
};
use crate::i18n::words;

/// The smallest window the panes are drawn in.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

/// Whether a window of `size` is large enough for the panes.
pub fn fits(size: ratatui::layout::Size) -> bool {
    size.width >= MIN_WIDTH && size.height >= MIN_HEIGHT
}

/// Draws everything; the returned hits are the clickable areas of this draw.
pub fn draw(frame: &mut Frame, app: &App) -> Hits {
    let mut hits = Hits::default();
    let area = frame.area();
    frame.render_widget(Block::new().style(app.session.theme.base), area);
    if !fits(area.as_size()) {
        too_small(frame, app, area);
        practice_banner(frame, app, area);
        return hits;
    }
    let [top, body, status] =
        Layout::vertical([Constraint::Length(1), Constraint::Fill(1), Constraint::Length(1)])
            .areas(area);
    let top = practice_banner(frame, app, top);
    let body =
        if app.is_kiosk() { kiosk_view::language_rows(frame, app, body, &mut hits) } else { body };
    match app.session.screen {
        Screen::Main => panes::draw_main(frame, app, body, &mut hits),
        Screen::Wizard => wizard::view::draw(frame, app, body, &mut hits),
        Screen::Bookings => bookings_view::draw(frame, app, body, &mut hits),
        Screen::Resident => {
            resident_screen(frame, app, &app.session.resident_form, body, &mut hits)
        }
        Screen::Identify => kiosk_view::draw_identify(frame, app, body, &mut hits),
        Screen::Info => info::draw(frame, app, body, &mut hits),
        Screen::Registry => registry::draw(frame, app, body, &mut hits),
        Screen::Day => dayview::draw(frame, app, body, &mut hits),
        Screen::Report => report_view::draw(frame, app, body, &mut hits),
        Screen::Review => review_view::draw(frame, app, body, &mut hits),
    }
    if app.is_kiosk() {
        kiosk_view::title_bar(frame, app, top, &mut hits);
        kiosk_view::status_line(frame, app, status);
    } else {
        title_bar(frame, app, top);
        status_line(frame, app, status);
    }
    match &app.session.overlay {
        None => {}
        Some(Overlay::StaffPin) => kiosk_view::draw_pin(frame, app, body, &mut hits),
        Some(Overlay::Export) => export::draw(frame, app, body, &mut hits),
        Some(Overlay::SignIn) => signin::draw(frame, app, body, &mut hits),
        Some(Overlay::Help) => help::draw_help(frame, app, area, &mut hits),
        Some(Overlay::ConfirmQuit) => help::draw_confirm_quit(frame, app, body, &mut hits),
        Some(Overlay::ConfirmCancel(id)) => {
            help::draw_confirm_cancel(frame, app, body, id, &mut hits)
        }
    }
    if let Some(secs) = kiosk::idle_countdown(app) {
        kiosk_view::draw_countdown(frame, app, body, secs, &mut hits);
    }
    hits
}

/// On the practice store, a banner at the left of the top line of every screen (practice data
/// must never be taken for the ward's): returns the rest of the line.
fn practice_banner(frame: &mut Frame, app: &App, top: Rect) -> Rect {
    if !app.practice {
        return top;
    }
    let label = format!(" {} ", app.t("screen-practice-banner"));
    let w = (width(&label) as u16).min(top.width);
    let banner = Rect { width: w, height: top.height.min(1), ..top };
    lines(
        frame,
        banner,
        vec![Line::styled(label, app.session.theme.warn_banner)],
        app.session.theme.base,
    );
    Rect { x: top.x + w, width: top.width - w, ..top }
}

/// The message shown instead of the panes in a window that is too small. Quitting still
/// works there, so its question is shown with the message when it is open.
fn too_small(frame: &mut Frame, app: &App, area: Rect) {
    let sizes = [
        ("width", area.width.into()),
        ("height", area.height.into()),
        ("min-width", MIN_WIDTH.into()),
        ("min-height", MIN_HEIGHT.into()),
    ];
    let mut text = app.tr("screen-too-small", &sizes);
    if app.session.overlay == Some(Overlay::ConfirmQuit) {
        let (q, yes, no) =
            (app.t("frame-quit-question"), app.t("frame-quit-yes"), app.t("frame-quit-no"));
        text.push_str(&format!("\n\n{q}\n[y {yes}] [n {no}]"));
    }
    let w = usize::from(area.width.max(1));
    let wrapped: Vec<Line> =
        wrap(&text, w).into_iter().map(|l| Line::styled(l, app.session.theme.warn)).collect();
    let h = (wrapped.len() as u16).min(area.height);
    let y = area.y + (area.height - h) / 2;
    frame.render_widget(
        Paragraph::new(wrapped)
            .alignment(ratatui::layout::Alignment::Center)
            .style(app.session.theme.base),
        Rect { y, height: h, ..area },
    );
}

/// The top line: the app's name and the main keys. When they do not all fit (80 columns), the
/// ones that fit are shown whole, from the first, and the line ends pointing to `?` for the rest
/// (the staff screens' keys among them), instead of leaving them out without a word.
fn title_bar(frame: &mut Frame, app: &App, area: Rect) {
    let t = &app.session.theme;
    let name = words::dataset_text(app.session.lang, &app.ds.programme.name);
    let title = format!(" {} ", app.tr("frame-app-title", &[("name", name.into())]));
    let room = usize::from(area.width).saturating_sub(width(&title) + 1);
    let every = app.t("frame-hints");
    let hints = if width(&every) <= room {
        every
    } else {
        let more = app.t("frame-more-keys");
        let rest: Vec<&str> = every.split(' ').filter(|h| !h.starts_with("?:")).collect();
        let shown = whole_hints(&rest, room.saturating_sub(width(&more) + 1));
        if shown.is_empty() { truncate(&more, room) } else { format!("{shown} {more}") }
    };
    let gap = room.saturating_sub(width(&hints));
    lines(
        frame,
        area,
        vec![Line::from(vec![
            Span::styled(title, t.title),
            Span::raw(" ".repeat(gap)),
            Span::styled(hints, t.muted),
            Span::raw(" "),
        ])],
        t.base,
    );
}

/// The hints, from the first, that fit whole in `room` (never one cut).
fn whole_hints(hints: &[&str], room: usize) -> String {
    let mut shown = String::new();
    for h in hints {
        let next = if shown.is_empty() { h.to_string() } else { format!("{shown} {h}") };
        if width(&next) > room {
            break;
        }
        shown = next;
    }
    shown
}

/// The bottom line: mode, resident, time, and the last message.
fn status_line(frame: &mut Frame, app: &App, area: Rect) {
    let who = match &app.session.resident {
        Some(r) => format!("{} {}", app.t("frame-resident"), r.resident.id),
        None => app.t("frame-no-resident"),
    };
    status_bar(frame, app, area, &who, ("", app.session.theme.status));
}

/// A bottom line: the mode, `who`, the last message (or `idle` when there is none), the time of
/// the data on screen, the clock. The kiosk's line differs only in `who` and `idle`. When the
/// message does not fit, the clock gives way to its time alone, then the data's time (unless it
/// is stale: that stays in sight).
pub fn status_bar(
    frame: &mut Frame,
    app: &App,
    area: Rect,
    who: &str,
    (idle, idle_style): (&str, Style),
) {
    let t = &app.session.theme;
    let mode = format!(" {} ", mode(app));
    let who = format!(" {who} ");
    let damaged = app.t("store-damaged");
    let (msg, msg_style) = match &app.session.flash {
        Some(f) => (f.text.as_str(), if f.error { t.error } else { t.ok }),
        // Known damage stays in sight: every write is refused until the store is repaired.
        None if app.store.damage.is_some() => (damaged.as_str(), t.error),
        None => (idle, idle_style),
    };
    // The connection's state (接続中, 再接続中) stays in sight, as stale data's time does.
    let link = match app.store.note(std::time::Instant::now()) {
        Some(Link::Reconnecting) => Some(app.t("reconnecting")),
        Some(_) => Some(app.t("connecting")),
        None => None,
    };
    // Through a server, the link (online, or offline since when, and what waits) stays in
    // sight whenever the server is away or something waits: it says so in words, the colour
    // only repeats it.
    let server = app.store.server.as_ref().map(|l| {
        let away = l.state.as_ref().is_none_or(|st| st.offline_since.is_some() || st.review > 0)
            || l.needs_sign_in();
        (server_link::status_words(app.session.lang, l), away)
    });
    let stale = refresh::stale(app) || link.is_some() || server.as_ref().is_some_and(|(_, a)| *a);
    let mut fresh = match (link, app.freshness.as_of, &server) {
        (Some(l), _, _) => format!(" {l}"),
        (None, _, Some((text, _))) => format!(" {text}"),
        (None, Some(at), None) if refresh::shown(app) => {
            format!(" {}", refresh::data_as_of(app.session.lang, at))
        }
        _ => String::new(),
    };
    let fresh_style = if stale { t.warn } else { t.status };
    let mut clock = format!(" {} ", clock(app.session.lang, app.now));
    let room = |fresh: &str, clock: &str| {
        let used = width(&mode) + width(&who) + width(fresh) + width(clock) + 2;
        usize::from(area.width).checked_sub(used)
    };
    let fits = |fresh: &str, clock: &str| room(fresh, clock).is_some_and(|r| width(msg) <= r);
    if !fits(&fresh, &clock) {
        clock = format!(" {} ", app.now.format("%H:%M"));
    }
    if !fits(&fresh, &clock) && !stale {
        fresh = String::new();
    }
    let room = room(&fresh, &clock).unwrap_or(0);
    // A message is clipped between words; key hints are left out whole.
    let msg = if app.session.flash.is_none() && app.store.damage.is_none() {
        fit_hints(msg, room)
    } else {
        clip_words(msg, room)
    };
    let gap = room.saturating_sub(width(&msg));
    lines(
        frame,
        area,
        vec![Line::from(vec![
            Span::styled(mode, t.step_current),
            Span::styled(who, t.status),
            Span::raw(" "),
            Span::styled(msg, msg_style),
            Span::styled(" ".repeat(gap), t.status),
            Span::styled(fresh, fresh_style),
            Span::raw(" "),
            Span::styled(clock, t.status),
        ])],
        t.base,
    );
}

/// The resident screen: the form on the left, the calendar and quota on the right.
fn resident_screen(frame: &mut Frame, app: &App, form: &ResidentForm, area: Rect, hits: &mut Hits) {
    // The form keeps its place in large text too: Tab moves between its fields.
    let (left, cal, q) = panes::main_areas(area, calendar::height(app));
    let inner = boxed(frame, app, left, &app.t("frame-resident-title"), true);
    wizard::resident::draw_form(frame, app, form, inner, hits);
    calendar::draw(frame, app, cal, false, hits);
    quota::draw(frame, app, q, false, hits);
}

/// The mode at the left of the bottom line: the screen, or the wizard's step.
fn mode(app: &App) -> String {
    match app.session.screen {
        Screen::Main if app.session.browser.searching => app.t("screen-mode-search"),
        Screen::Main if app.session.browser.detail => app.t("screen-mode-facility"),
        Screen::Main => app.t("screen-mode-browse"),
        Screen::Bookings => app.t("bookings-title"),
        Screen::Resident => app.t("frame-resident-title"),
        Screen::Identify => app.t("identify-title"),
        Screen::Info => app.t("guide-title"),
        Screen::Registry => app.t("staff-registry-title"),
        Screen::Day if app.session.day_view.week => app.t("staff-week-title"),
        Screen::Day => app.t("staff-day-title"),
        Screen::Report => app.t("staff-report-title"),
        Screen::Review => app.t("staff-review-mode"),
        Screen::Wizard => match &app.session.wizard {
            Some(w) => {
                let step = wizard::view::step_name(app, w.step);
                format!("{} {}/6 {step}", app.t("wizard-title"), w.step.number())
            }
            None => app.t("wizard-title"),
        },
    }
}

/// The clock of the bottom line: `2026/12/1(火) 10:15`, `Tue 2026-12-01 10:15`.
fn clock(lang: Locale, now: NaiveDateTime) -> String {
    let d = now.date();
    let args = [
        ("year", d.year().into()),
        ("month", d.month().into()),
        ("day", d.day().into()),
        ("weekday", format::weekday(lang, d.weekday()).into()),
        ("time", now.format("%H:%M").to_string().into()),
    ];
    tr(lang, "screen-clock", &args)
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;

    #[test]
    fn the_clock_in_japanese_and_english_as_before_and_in_every_language() {
        let at = |d| NaiveDate::from_ymd_opt(2026, 12, d).unwrap().and_hms_opt(9, 5, 0).unwrap();
        assert_eq!(clock(Locale::Ja, at(1)), "2026/12/1(火) 09:05");
        assert_eq!(clock(Locale::En, at(1)), "Tue 2026-12-01 09:05");
        assert_eq!(clock(Locale::En, at(10)), "Thu 2026-12-10 09:05");
        for l in Locale::all() {
            let c = clock(l, at(1));
            assert!(c.contains("2026") && c.ends_with("09:05"), "{l:?}: {c}");
        }
    }
}
