//! The day view (staff, `d`): every booking that occupies a chosen day, across facilities (who,
//! where, type, dates, status); Tab switches to one facility's week (a row per booking, a
//! column per day, and the count of each day).

use chrono::{Datelike, Days, NaiveDate};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::domain::care::CareType;
use crate::i18n::format;
use crate::store::{Booking, BookingFilter, Status};

use super::action::Action;
use super::app::{App, Hits, Pane, Screen, Target};
use super::cancel_words;
use super::panes::facilities::scroll_offset;
use super::panes::{framed, hint_row, lines, list_line, row};
use super::store_worker::Slot;
use super::text::{display_safe, pad, pad_left, truncate, width};
use crate::i18n::words;

/// The day view's state.
#[derive(Debug, Clone)]
pub struct DayView {
    pub date: NaiveDate,
    /// One facility's week instead of every facility's day.
    pub week: bool,
    /// The week view's facility (index into the dataset's facilities).
    pub facility: usize,
    pub cursor: usize,
    pub offset: usize,
    /// The bookings shown, as last read from the store.
    pub rows: Vec<Booking>,
    pub error: Option<String>,
}

impl DayView {
    pub fn new(date: NaiveDate) -> DayView {
        DayView {
            date,
            week: false,
            facility: 0,
            cursor: 0,
            offset: 0,
            rows: Vec::new(),
            error: None,
        }
    }

    /// The Monday of the week of `date`.
    pub fn week_start(&self) -> NaiveDate {
        let back = u64::from(self.date.weekday().num_days_from_monday());
        self.date.checked_sub_days(Days::new(back)).unwrap_or(self.date)
    }
}

/// Opens the view on the calendar's day.
pub fn open(app: &mut App) {
    app.session.day_view.date = app.session.day;
    app.session.day_view.cursor = 0;
    app.session.day_view.offset = 0;
    if let Some((f, _)) = app.focus_facility()
        && let Some(i) = app.ds.facilities.iter().position(|x| x.id == f.id)
    {
        app.session.day_view.facility = i;
    }
    load(app);
    app.session.screen = Screen::Day;
}

/// Reads the bookings of the day (every facility) or of the week (one facility), on the
/// store's thread; shown when they come if the view still shows that day or week.
pub fn load(app: &mut App) {
    let v = &app.session.day_view;
    let (week, date) = (v.week, v.date);
    let facility = app.ds.facilities.get(v.facility).map(|f| f.id.clone());
    let asked = (week, date, v.facility);
    app.store.read(
        Slot::Day,
        move |store, _| {
            if week {
                let start = DayView::new(date).week_start();
                let end = start + Days::new(6);
                store.bookings(&BookingFilter { facility, ..Default::default() }).map(|all| {
                    all.into_iter().filter(|b| b.first_day <= end && b.last_day >= start).collect()
                })
            } else {
                store.bookings(&BookingFilter { date: Some(date), ..Default::default() })
            }
        },
        move |app, result| {
            let v = &app.session.day_view;
            if (v.week, v.date, v.facility) != asked {
                return;
            }
            show(app, result);
        },
    );
}

/// Puts the bookings read into the view.
fn show(app: &mut App, result: Result<Vec<crate::store::Booking>, crate::store::StoreError>) {
    let v = &mut app.session.day_view;
    v.error = None;
    match result {
        Ok(mut rows) => {
            if !v.week {
                // By facility in the dataset's order, then by resident.
                let pos = |id: &str| {
                    app.ds.facilities.iter().position(|f| f.id == id).unwrap_or(usize::MAX)
                };
                rows.sort_by(|a, b| {
                    pos(&a.facility)
                        .cmp(&pos(&b.facility))
                        .then_with(|| a.resident.cmp(&b.resident))
                        .then_with(|| a.first_day.cmp(&b.first_day))
                });
            }
            v.rows = rows;
        }
        Err(e) => {
            v.rows = Vec::new();
            v.error = Some(e.to_string());
        }
    }
    v.cursor = v.cursor.min(v.rows.len().saturating_sub(1));
}

pub fn update(app: &mut App, a: Action) {
    let n = app.session.day_view.rows.len();
    let last = n.saturating_sub(1);
    let facilities = app.ds.facilities.len().max(1);
    let v = &mut app.session.day_view;
    let step = if v.week { 7 } else { 1 };
    let mut reload = true;
    match a {
        Action::Back | Action::DayView => {
            app.session.screen = Screen::Main;
            return;
        }
        Action::FocusNext | Action::FocusPrev => {
            v.week = !v.week;
            v.cursor = 0;
            v.offset = 0;
        }
        Action::Left | Action::MonthPrev => v.date = v.date - Days::new(step),
        Action::Right | Action::MonthNext => v.date = v.date + Days::new(step),
        Action::PageUp => v.date = v.date - Days::new(7),
        Action::PageDown => v.date = v.date + Days::new(7),
        Action::Today | Action::Home => v.date = app.now.date(),
        Action::Up | Action::ScrollUp(_) if v.week => {
            v.facility = (v.facility + facilities - 1) % facilities;
            v.cursor = 0;
        }
        Action::Down | Action::ScrollDown(_) if v.week => {
            v.facility = (v.facility + 1) % facilities;
            v.cursor = 0;
        }
        Action::Up | Action::ScrollUp(_) => {
            v.cursor = v.cursor.saturating_sub(1);
            reload = false;
        }
        Action::Down | Action::ScrollDown(_) => {
            v.cursor = (v.cursor + 1).min(last);
            reload = false;
        }
        Action::Click(Target::Row(i)) if i < n => {
            v.cursor = i;
            reload = false;
        }
        _ => return,
    }
    if reload {
        load(app);
    }
}

pub fn draw(frame: &mut Frame, app: &App, area: Rect, hits: &mut Hits) {
    if app.session.day_view.week {
        draw_week(frame, app, area, hits)
    } else {
        draw_day(frame, app, area, hits)
    }
}

fn resident_w(w: usize) -> usize {
    if w >= 100 { 12 } else { 10 }
}

fn draw_day(frame: &mut Frame, app: &App, area: Rect, hits: &mut Hits) {
    let lang = app.session.lang;
    let t = &app.session.theme;
    let v = &app.session.day_view;
    let title = format!("{}: {}", app.t("staff-day-title"), format::date_long(lang, v.date));
    let inner = framed(frame, app, area, &title, true, Pane::Facilities, hits);
    if inner.height < 4 {
        return;
    }
    let w = usize::from(inner.width);
    let in_use = v.rows.iter().filter(|b| active(app, b)).count();
    let mut head_line = app.tr("staff-booking-count", &[("n", in_use.into())]);
    if let Some(h) = crate::domain::holidays::holiday_name(v.date) {
        head_line.push_str(&format!("  {} {h}", app.t("calendar-holiday")));
    }
    let rw = resident_w(w);
    // The longest short care name: 日帰り, visit.
    let type_w =
        CareType::ALL.iter().map(|c| width(&words::care_short(lang, *c))).max().unwrap_or(5);
    let dates_w = 12usize;
    let today = app.today();
    let status_w = v
        .rows
        .iter()
        .map(|b| width(&cancel_words::booking_status(lang, b, today)))
        .max()
        .unwrap_or(0)
        .max(10);
    // The cursor mark, then four columns and the status, a space between each.
    let name_w = w.saturating_sub(2 + rw + 1 + 1 + type_w + 1 + dates_w + 1 + status_w);
    let header = format!(
        "  {} {} {} {} {}",
        pad(&app.t("staff-day-col-resident"), rw),
        pad(&app.t("staff-day-col-facility"), name_w),
        pad(&app.t("staff-day-col-type"), type_w),
        pad(&app.t("staff-day-col-dates"), dates_w),
        app.t("staff-day-col-status")
    );
    let top = vec![
        Line::styled(truncate(&head_line, w), t.heading),
        Line::styled(truncate(&header, w), t.heading),
    ];
    lines(frame, Rect { height: 2, ..inner }, top, t.base);
    let list = Rect { y: inner.y + 2, height: inner.height - 3, ..inner };
    let fit = usize::from(list.height).max(1);
    let mut out = Vec::new();
    if let Some(e) = &v.error {
        out.push(Line::styled(truncate(e, w), t.error));
    } else if v.rows.is_empty() {
        out.push(Line::styled(truncate(&app.t("staff-day-none"), w), t.muted));
    }
    let cursor = v.cursor.min(v.rows.len().saturating_sub(1));
    let offset = scroll_offset(v.offset, cursor, fit, v.rows.len());
    for (i, bk) in v.rows.iter().enumerate().skip(offset).take(fit) {
        let current = i == cursor;
        let name = app
            .ds
            .facility(&bk.facility)
            .map_or(bk.facility.clone(), |f| display_safe(words::dataset_text(lang, &f.name)));
        let st = bk.status_at(app.today());
        let style = match (current, st) {
            (true, _) => t.cursor,
            (false, Status::Booked | Status::Used) => t.base,
            (false, Status::CancelledLate | Status::NoShow) => t.warn,
            (false, Status::Cancelled) => t.muted,
        };
        let text = format!(
            "{} {} {} {} {}",
            pad(&bk.resident, rw),
            pad(&name, name_w),
            pad(&words::care_short(lang, bk.care), type_w),
            pad(&words::short_range(lang, bk.first_day, bk.last_day), dates_w),
            cancel_words::booking_status(lang, bk, today)
        );
        out.push(list_line(app, current, &text, w, style));
        if let Some(r) = row(list, (i - offset) as u16) {
            hits.add(r, Target::Row(i));
        }
    }
    lines(frame, list, out, t.base);
    hint_row(frame, app, inner, &app.t("staff-day-hints"));
}

/// Whether a booking still counts on the day (not cancelled).
fn active(app: &App, b: &Booking) -> bool {
    matches!(b.status_at(app.today()), Status::Booked | Status::Used)
}

fn draw_week(frame: &mut Frame, app: &App, area: Rect, hits: &mut Hits) {
    let lang = app.session.lang;
    let t = &app.session.theme;
    let v = &app.session.day_view;
    let start = v.week_start();
    let days: Vec<NaiveDate> = (0..7).map(|i| start + Days::new(i)).collect();
    let facility = app.ds.facilities.get(v.facility);
    let name = facility.map_or(String::new(), |f| display_safe(words::dataset_text(lang, &f.name)));
    let range = words::short_range(lang, days[0], days[6]);
    let title = format!("{}: {range}", app.t("staff-week-title"));
    let inner = framed(frame, app, area, &title, true, Pane::Facilities, hits);
    if inner.height < 5 {
        return;
    }
    let w = usize::from(inner.width);
    let rw = resident_w(w);
    let cell = 6usize;
    let mut out: Vec<Line> = Vec::new();
    let facility_line = format!(
        "{} {}/{}  {name}",
        app.t("wizard-label-facility"),
        v.facility + 1,
        app.ds.facilities.len()
    );
    out.push(Line::styled(truncate(&facility_line, w), t.heading));
    let who = app.t("staff-day-col-resident");
    let mut head = vec![Span::styled(format!("  {}", pad(&who, rw)), t.heading)];
    for (i, d) in days.iter().enumerate() {
        let label = format!("{}{}", format::weekday_narrow(lang, d.weekday()), d.day());
        let style = if crate::domain::holidays::is_holiday(*d) || i == 6 {
            t.holiday
        } else if i == 5 {
            t.saturday
        } else {
            t.heading
        };
        head.push(Span::styled(pad_left(&label, cell), style));
    }
    head.push(Span::styled(format!("  {}", app.t("staff-day-col-status")), t.heading));
    out.push(Line::from(head));
    let list_top = out.len() as u16;
    let fit = usize::from(inner.height.saturating_sub(list_top + 2)).max(1);
    if let Some(e) = &v.error {
        out.push(Line::styled(truncate(e, w), t.error));
    } else if v.rows.is_empty() {
        out.push(Line::styled(truncate(&app.t("staff-week-none"), w), t.muted));
    }
    let cursor = v.cursor.min(v.rows.len().saturating_sub(1));
    let offset = scroll_offset(v.offset, cursor, fit, v.rows.len());
    for (i, bk) in v.rows.iter().enumerate().skip(offset).take(fit) {
        let on = active(app, bk);
        let mut spans = vec![
            Span::styled(if i == cursor { "> " } else { "  " }, t.key),
            Span::styled(pad(&bk.resident, rw), if i == cursor { t.cursor } else { t.base }),
        ];
        for d in &days {
            let inside = *d >= bk.first_day && *d <= bk.last_day;
            let (mark, style) = match (inside, on) {
                (true, true) => (words::care_mark(lang, bk.care), t.booked),
                (true, false) => ("-".to_string(), t.muted),
                (false, _) => (String::new(), t.base),
            };
            spans.push(Span::styled(pad_left(&mark, cell), style));
        }
        let status = cancel_words::booking_status(app.session.lang, bk, app.today());
        spans.push(Span::styled(format!("  {status}"), if on { t.base } else { t.muted }));
        if let Some(r) = row(inner, list_top + (i - offset) as u16) {
            hits.add(r, Target::Row(i));
        }
        out.push(Line::from(spans));
    }
    // The count of each day (bookings not cancelled).
    let count = app.t("staff-week-count");
    let mut counts = vec![Span::styled(format!("  {}", pad(&count, rw)), t.heading)];
    for d in &days {
        let n = v
            .rows
            .iter()
            .filter(|b| active(app, b) && *d >= b.first_day && *d <= b.last_day)
            .count();
        counts.push(Span::styled(pad_left(&n.to_string(), cell), t.heading));
    }
    let body = Rect { height: inner.height - 2, ..inner };
    lines(frame, body, out, t.base);
    if let Some(r) = row(inner, inner.height - 2) {
        lines(frame, r, vec![Line::from(counts)], t.base);
    }
    hint_row(frame, app, inner, &app.t("staff-week-hints"));
}
