//! The monthly report on screen (staff, `m`): per facility, the uses, stay days, day-care days,
//! visits, fees and late cancellations of a month, with the totals — the same numbers as
//! `sango report` (a booking counts in the month of its first day).

use chrono::{Datelike, NaiveDate};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use crate::dataset::Dataset;
use crate::i18n::format;
use crate::report::{self, Counts, MonthlyReport, YearMonth};
use crate::store::Store;

use super::action::Action;
use super::app::{App, Hits, Pane, Screen};
use super::panes::{framed, lines, row};
use super::store_worker::Slot;
use super::text::{display_safe, pad, pad_left, truncate};
use crate::i18n::words;

/// The report screen's state.
#[derive(Debug, Clone)]
pub struct ReportView {
    pub month: YearMonth,
    pub report: Option<MonthlyReport>,
    pub error: Option<String>,
    pub scroll: u16,
}

impl ReportView {
    pub fn new(today: NaiveDate) -> ReportView {
        ReportView { month: YearMonth::of(today), report: None, error: None, scroll: 0 }
    }
}

/// The report of a month from the store, facilities named and in the dataset's order.
pub fn build(store: &Store, ds: &Dataset, month: YearMonth) -> Result<MonthlyReport, String> {
    report::of_month(store, ds, month).map_err(|e| e.to_string())
}

/// Opens the report on the calendar's month.
pub fn open(app: &mut App) {
    app.session.report.month = YearMonth::of(app.session.day);
    app.session.report.scroll = 0;
    app.session.screen = Screen::Report;
    load(app, false);
}

/// Reads the month on the store's thread; shown when it comes if the screen still shows that
/// month. The scroll goes back to the top unless `keep_scroll`.
fn load(app: &mut App, keep_scroll: bool) {
    let month = app.session.report.month;
    app.store.read(
        Slot::Report,
        move |store, ds| Ok(build(store, ds, month)),
        move |app, result| {
            let r = &mut app.session.report;
            if r.month != month {
                return;
            }
            match result.map_err(|e| e.to_string()).and_then(|x| x) {
                Ok(report) => {
                    r.report = Some(report);
                    r.error = None;
                }
                Err(e) => {
                    r.report = None;
                    r.error = Some(e);
                }
            }
            if !keep_scroll {
                r.scroll = 0;
            }
        },
    );
}

/// Reads the month again after another terminal changed the store, keeping the scroll.
pub fn refresh(app: &mut App) {
    load(app, true);
}

fn shift(m: YearMonth, by: i32) -> YearMonth {
    let index = m.year() * 12 + m.month() as i32 - 1 + by;
    YearMonth::new(index.div_euclid(12), (index.rem_euclid(12) + 1) as u32).unwrap_or(m)
}

pub fn update(app: &mut App, a: Action) {
    let r = &mut app.session.report;
    match a {
        Action::Back | Action::Report => {
            app.session.screen = Screen::Main;
            return;
        }
        Action::Left | Action::MonthPrev | Action::PageUp => r.month = shift(r.month, -1),
        Action::Right | Action::MonthNext | Action::PageDown => r.month = shift(r.month, 1),
        Action::Today | Action::Home => r.month = YearMonth::of(app.now.date()),
        Action::Up | Action::ScrollUp(_) => {
            r.scroll = r.scroll.saturating_sub(1);
            return;
        }
        Action::Down | Action::ScrollDown(_) => {
            r.scroll = (r.scroll + 1).min(app.hits.scroll_max);
            return;
        }
        _ => return,
    }
    load(app, false);
}

pub fn draw(frame: &mut Frame, app: &App, area: Rect, hits: &mut Hits) {
    let lang = app.session.lang;
    let t = &app.session.theme;
    let v = &app.session.report;
    let first = v.month.first_day();
    let month =
        app.tr("calendar-month", &[("year", first.year().into()), ("month", first.month().into())]);
    let title = format!("{} {month}", app.t("staff-report-title"));
    let inner = framed(frame, app, area, &title, true, Pane::Facilities, hits);
    if inner.height < 5 {
        return;
    }
    let w = usize::from(inner.width);
    let cols = ["facility", "uses", "stay", "day", "visit", "fees", "late"]
        .map(|c| app.t(&format!("staff-report-col-{c}")));
    let num = [5usize, 7, 7, 5, 11, 10];
    let name_w = w.saturating_sub(num.iter().sum::<usize>() + num.len());
    let line = |name: &str, c: &Counts| {
        let late = format!("{}/{}", c.late_cancellations, c.late_cancellation_units);
        let fee = format::yen(lang, u32::try_from(c.fees_yen).unwrap_or(u32::MAX));
        let cells = [
            c.uses.to_string(),
            c.stay_days.to_string(),
            c.day_care_days.to_string(),
            c.visits.to_string(),
            fee,
            late,
        ];
        let mut text = pad(name, name_w);
        for (cell, cw) in cells.iter().zip(num) {
            text.push(' ');
            text.push_str(&pad_left(cell, cw));
        }
        text
    };
    let mut head = pad(&cols[0], name_w);
    for (c, cw) in cols[1..].iter().zip(num) {
        head.push(' ');
        head.push_str(&pad_left(c, cw));
    }
    let (from, to) =
        (words::date_numeric(lang, first), words::date_numeric(lang, v.month.last_day()));
    let period = app.tr("staff-report-period", &[("first", from.into()), ("last", to.into())]);
    let mut top = vec![
        Line::styled(truncate(&period, w), t.muted),
        Line::styled(truncate(&head, w), t.heading),
    ];
    let mut rows: Vec<Line> = Vec::new();
    let mut total: Option<Line> = None;
    match (&v.report, &v.error) {
        (_, Some(e)) => rows.push(Line::styled(truncate(e, w), t.error)),
        (None, None) => {}
        (Some(rep), None) => {
            if rep.facilities.is_empty() {
                rows.push(Line::styled(truncate(&app.t("staff-report-none"), w), t.muted));
            }
            for f in &rep.facilities {
                let name = display_safe(f.facility_name.as_deref().unwrap_or(&f.facility_id));
                rows.push(Line::raw(truncate(&line(&name, &f.counts), w)));
            }
            let totals = line(&app.t("staff-report-total"), &rep.totals);
            total = Some(Line::styled(truncate(&totals, w), t.heading));
        }
    }
    // Rows scroll between the header and the totals, the note and the keys.
    let list = Rect { y: inner.y + 2, height: inner.height.saturating_sub(6), ..inner };
    let max = (rows.len() as u16).saturating_sub(list.height);
    hits.scroll_max = max;
    let offset = usize::from(v.scroll.min(max));
    let shown: Vec<Line> = rows.into_iter().skip(offset).take(usize::from(list.height)).collect();
    lines(frame, Rect { height: 2, ..inner }, std::mem::take(&mut top), t.base);
    lines(frame, list, shown, t.base);
    let bottom = inner.y + inner.height;
    let mut foot = Vec::new();
    if let Some(total) = total {
        foot.push(total);
    }
    for l in super::text::wrap(&app.t("staff-report-note"), w).into_iter().take(2) {
        foot.push(Line::styled(l, t.muted));
    }
    foot.push(Line::styled(truncate(&app.t("staff-report-hints"), w), t.muted));
    let fh = foot.len() as u16;
    if let Some(r) = row(inner, inner.height.saturating_sub(fh)) {
        let area = Rect { height: bottom - r.y, ..r };
        lines(frame, area, foot, t.base);
    }
}
