//! The month grid, drawn by hand (Monday first): today, public holidays, the resident's
//! eligibility window, her bookings and the dates being chosen. Every mark is a character as well
//! as a style: `[12]` the cursor, `(12)` today, `*` a holiday, `+` a booking, `#` the dates being
//! chosen (`!` when the rules refuse them); the window is written out under the grid.

use chrono::{Datelike, Days, NaiveDate};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::domain::holidays;
use crate::domain::period::Window;
use crate::i18n::format;
use crate::store::Status;

use super::super::app::{App, Hits, Pane, Screen, Target};
use super::super::text::{clip_words, display_safe, pad, truncate, width};
use super::super::wizard::{self, Step};
use super::{framed, lines, row};
use crate::i18n::words;

/// Cells per day in the grid.
const CELL: u16 = 4;
/// The grid's width.
pub const GRID_WIDTH: u16 = 7 * CELL;

/// What the calendar marks, gathered from the app.
pub struct Marks {
    pub window: Option<Window>,
    /// First and last days of the resident's active bookings, with the facility's name.
    pub booked: Vec<(NaiveDate, NaiveDate, String)>,
    /// The dates being chosen (wizard step 5), and whether the rules accept them.
    pub chosen: Option<(NaiveDate, NaiveDate, bool)>,
}

impl Marks {
    pub fn from_app(app: &App) -> Marks {
        let window = app.focus_facility().and_then(|(f, c)| app.window(f, c));
        let booked = app
            .session
            .resident
            .as_ref()
            .map(|r| {
                r.bookings
                    .iter()
                    .filter(|b| b.status == Status::Booked)
                    .map(|b| {
                        let name = app.ds.facility(&b.facility).map_or(b.facility.clone(), |f| {
                            words::dataset_text(app.session.lang, &f.name).to_string()
                        });
                        (b.first_day, b.last_day, name)
                    })
                    .collect()
            })
            .unwrap_or_default();
        let chosen = chosen(app);
        Marks { window, booked, chosen }
    }

    fn booking_on(&self, d: NaiveDate) -> Option<&str> {
        self.booked.iter().find(|(a, b, _)| *a <= d && d <= *b).map(|(_, _, n)| n.as_str())
    }

    fn is_chosen(&self, d: NaiveDate) -> bool {
        self.chosen.is_some_and(|(a, b, _)| a <= d && d <= b)
    }
}

/// The wizard's dates being chosen: from the cursor, for the chosen length.
fn chosen(app: &App) -> Option<(NaiveDate, NaiveDate, bool)> {
    let w = app.session.wizard.as_ref()?;
    if app.session.screen != Screen::Wizard || w.step < Step::Dates || w.done.is_some() {
        return None;
    }
    let care = w.care?;
    let days = w.length_for(care).calendar_days();
    let last = app.session.day.checked_add_days(Days::new(u64::from(days.max(1) - 1)))?;
    let ok = wizard::check(app, app.session.day).is_some_and(|r| r.is_ok());
    Some((app.session.day, last, ok))
}

/// Weeks (rows) the month of `first` needs, Monday first.
pub fn weeks_in_month(first: NaiveDate) -> u16 {
    let lead = first.weekday().num_days_from_monday();
    let days = days_in_month(first);
    (lead + days).div_ceil(7) as u16
}

fn days_in_month(first: NaiveDate) -> u32 {
    let next = first.checked_add_months(chrono::Months::new(1)).unwrap_or(first);
    next.signed_duration_since(first).num_days().max(28) as u32
}

/// The pane's height for the month shown: borders, title, weekdays, the weeks, three lines.
pub fn height(app: &App) -> u16 {
    2 + 2 + weeks_in_month(app.month_start()) + 3
}

pub fn draw(frame: &mut Frame, app: &App, area: Rect, focused: bool, hits: &mut Hits) {
    let lang = app.session.lang;
    let t = &app.session.theme;
    let inner = framed(frame, app, area, &app.t("calendar-title"), focused, Pane::Calendar, hits);
    if inner.height < 3 || inner.width < GRID_WIDTH {
        return;
    }
    let marks = Marks::from_app(app);
    let first = app.month_start();
    let left = inner.x + (inner.width - GRID_WIDTH) / 2;
    let grid = Rect { x: left, width: GRID_WIDTH, ..inner };

    // Title with the month arrows.
    let title =
        app.tr("calendar-month", &[("year", first.year().into()), ("month", first.month().into())]);
    let tw = width(&title) as u16;
    let title_x = grid.x + (GRID_WIDTH.saturating_sub(tw)) / 2;
    if let Some(r) = row(grid, 0) {
        let line = Line::from(vec![
            Span::styled(" < ", t.key),
            Span::raw(" ".repeat(usize::from(title_x - grid.x).saturating_sub(3))),
            Span::styled(title, t.heading),
        ]);
        lines(frame, r, vec![line], t.base);
        lines(
            frame,
            Rect { x: grid.x + GRID_WIDTH - 3, width: 3, ..r },
            vec![Line::styled(" > ", t.key)],
            t.base,
        );
        hits.add(Rect { width: 3, ..r }, Target::MonthPrev);
        hits.add(Rect { x: grid.x + GRID_WIDTH - 3, width: 3, ..r }, Target::MonthNext);
    }
    // Weekday header, Monday first.
    if let Some(r) = row(grid, 1) {
        let spans: Vec<Span> = (0..7)
            .map(|i| {
                let style = match i {
                    5 => t.saturday,
                    6 => t.sunday,
                    _ => t.heading,
                };
                let wd = (0..i).fold(chrono::Weekday::Mon, |d, _| d.succ());
                Span::styled(centre(&format::weekday_narrow(lang, wd), CELL as usize), style)
            })
            .collect();
        lines(frame, r, vec![Line::from(spans)], t.base);
    }
    // The weeks.
    let lead = first.weekday().num_days_from_monday();
    let days = days_in_month(first);
    let weeks = weeks_in_month(first);
    for week in 0..weeks {
        let Some(r) = row(grid, 2 + week) else { break };
        let mut spans = Vec::new();
        for col in 0..7u32 {
            let n = u32::from(week) * 7 + col;
            if n < lead || n - lead >= days {
                spans.push(Span::raw("    "));
                continue;
            }
            let d = first.with_day(n - lead + 1).unwrap_or(first);
            let (text, style) = cell(app, &marks, d, col);
            spans.push(Span::styled(text, style));
            hits.add(Rect { x: r.x + col as u16 * CELL, width: CELL, ..r }, Target::Day(d));
        }
        lines(frame, r, vec![Line::from(spans)], t.base);
    }
    // The cursor day, the window, the legend.
    let w = usize::from(inner.width);
    let info =
        Rect { y: inner.y + 2 + weeks, height: inner.height.saturating_sub(2 + weeks), ..inner };
    let mut day_line = format::date_long(lang, app.session.day);
    if app.session.day == app.today() {
        day_line.push_str(&format!(" {}", app.t("calendar-today")));
    }
    if let Some(h) = holidays::holiday_name(app.session.day) {
        day_line.push_str(&format!(" {} {}", app.t("calendar-holiday"), h));
    }
    if let Some(n) = marks.booking_on(app.session.day) {
        day_line.push_str(&format!(" +{} {}", app.t("calendar-booked"), n));
    }
    let ymd = |d: NaiveDate| format!("{}/{}/{}", d.year(), d.month(), d.day());
    let window_line = match (&app.session.resident, marks.window) {
        (None, _) if app.is_kiosk() => app.t("window-hint"),
        (None, _) => app.t("calendar-window-no-resident"),
        (Some(_), None) => app.t("calendar-window-none"),
        (Some(_), Some(win)) => app.tr(
            "calendar-window",
            &[("from", ymd(win.first_day).into()), ("to", ymd(win.last_day).into())],
        ),
    };
    let window_style = if marks.window.is_some() { t.ok } else { t.muted };
    let out = vec![
        Line::styled(truncate(&display_safe(&day_line), w), t.heading),
        Line::styled(clip_words(&window_line, w), window_style),
        Line::styled(clip_words(&app.t("calendar-legend"), w), t.muted),
    ];
    lines(frame, info, out, t.base);
}

/// One day's four cells and style.
fn cell(app: &App, marks: &Marks, d: NaiveDate, col: u32) -> (String, Style) {
    let t = &app.session.theme;
    let cursor = d == app.session.day;
    let today = d == app.today();
    let holiday = holidays::is_holiday(d);
    // A day's marks, most telling first: the dates being chosen (`#`, or `!` refused), her
    // booking (`+`), a public holiday (`*`). The cell has a character on each side of the
    // number: the right one shows the first mark, the left one the cursor `[`, today `(`, or
    // the second mark, so a booked holiday reads `*23+` and a refused booked day `+25!`. A
    // bracket left without its pair still marks the cursor or today (and the line under the
    // grid names every mark of the cursor's day).
    let mut marks_here: Vec<char> = Vec::new();
    if marks.is_chosen(d) {
        marks_here.push(if marks.chosen.is_some_and(|(_, _, ok)| ok) { '#' } else { '!' });
    }
    if marks.booking_on(d).is_some() {
        marks_here.push('+');
    }
    if holiday {
        marks_here.push('*');
    }
    let bracket = if cursor {
        Some(('[', ']'))
    } else if today {
        Some(('(', ')'))
    } else {
        None
    };
    let open = match bracket {
        Some((o, _)) => o,
        None => marks_here.get(1).copied().unwrap_or(' '),
    };
    let close = match (marks_here.first(), bracket) {
        (Some(m), _) => *m,
        (None, Some((_, c))) => c,
        (None, None) => ' ',
    };
    let text = format!("{open}{:>2}{close}", d.day());
    let mut style = if holiday || col == 6 {
        t.holiday
    } else if col == 5 {
        t.saturday
    } else {
        t.base
    };
    if marks.window.is_some_and(|w| w.contains(d)) {
        style = style.patch(t.window);
    }
    if marks.booking_on(d).is_some() {
        style = style.patch(t.booked);
    }
    if marks.is_chosen(d) {
        let ok = marks.chosen.is_some_and(|(_, _, ok)| ok);
        style = style.patch(if ok { t.chosen } else { t.error });
    }
    if today {
        style = style.patch(t.today);
    }
    if cursor {
        style = style.patch(t.cursor);
    }
    (text, style)
}

fn centre(s: &str, w: usize) -> String {
    let sw = width(s);
    let left = w.saturating_sub(sw) / 2;
    pad(&format!("{}{s}", " ".repeat(left)), w)
}
