//! The panes of the main screen, one file each, and what they share.

pub mod calendar;
pub mod detail;
pub mod facilities;
pub mod quota;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph};

use super::app::{App, Button, Hits, Pane, Target};
use super::text::{truncate, width};

/// A pane's frame: a plain border, a bold double one when it has the focus (so focus shows
/// without colour), and its title.
fn block<'a>(app: &App, title: &str, focused: bool) -> Block<'a> {
    let (style, kind) = if focused {
        (app.session.theme.border_focus, BorderType::Double)
    } else {
        (app.session.theme.border, BorderType::Plain)
    };
    let mark = if focused { "> " } else { "" };
    Block::bordered()
        .border_type(kind)
        .border_style(style)
        .title(Span::styled(format!(" {mark}{title} "), app.session.theme.title))
        .style(app.session.theme.base)
}

/// Draws a pane's frame over `area`, makes the whole area a click target for `pane`, and
/// returns the inside.
pub fn framed(
    frame: &mut Frame,
    app: &App,
    area: Rect,
    title: &str,
    focused: bool,
    pane: Pane,
    hits: &mut Hits,
) -> Rect {
    let inner = boxed(frame, app, area, title, focused);
    hits.add(area, Target::Pane(pane));
    inner
}

/// Draws a pane's frame over `area` and returns the inside.
pub fn boxed(frame: &mut Frame, app: &App, area: Rect, title: &str, focused: bool) -> Rect {
    let b = block(app, title, focused);
    let inner = b.inner(area);
    frame.render_widget(b, area);
    inner
}

/// The right column's width for a screen width.
pub fn right_width(width: u16) -> u16 {
    match width {
        0..100 => 36,
        100..120 => 40,
        _ => 44,
    }
}

/// The main screen's three areas: left (facilities), right top (calendar), right bottom (quota).
pub fn main_areas(area: Rect, calendar_height: u16) -> (Rect, Rect, Rect) {
    let right_w = right_width(area.width).min(area.width);
    let [left, right] =
        Layout::horizontal([Constraint::Fill(1), Constraint::Length(right_w)]).areas(area);
    let [cal, quota] =
        Layout::vertical([Constraint::Length(calendar_height), Constraint::Fill(1)]).areas(right);
    (left, cal, quota)
}

/// The three areas of a screen with the panes (left: `left_title`'s pane, the calendar, the
/// quota). In large text the pane with the focus takes the whole area, a little in from its
/// edges, under a row naming the three (click one, or Tab): the others get no room and draw
/// nothing.
pub fn areas(
    frame: &mut Frame,
    app: &App,
    area: Rect,
    left_title: &str,
    hits: &mut Hits,
) -> (Rect, Rect, Rect) {
    if !app.session.large || area.height < 6 || area.width < 20 {
        return main_areas(area, calendar::height(app));
    }
    let switcher = Rect { height: 1, ..area };
    let right_title = if app.is_kiosk() && app.session.resident.is_none() {
        app.t("guide-title")
    } else {
        app.t("pane-quota-title")
    };
    let names = [left_title.to_string(), app.t("calendar-title"), right_title];
    pane_switcher(frame, app, switcher, &names, hits);
    // A blank row under the names and a column of room each side: more spacing.
    let body =
        Rect { x: area.x + 1, y: area.y + 2, width: area.width - 2, height: area.height - 2 };
    let none = Rect { width: 0, height: 0, ..body };
    match app.session.focus {
        Pane::Facilities => (body, none, none),
        Pane::Calendar => (none, body, none),
        Pane::Quota => (none, none, body),
    }
}

/// Large text: the panes' names in a row, the one shown bracketed (no colour needed), each a
/// button that shows its pane.
fn pane_switcher(frame: &mut Frame, app: &App, area: Rect, names: &[String; 3], hits: &mut Hits) {
    let t = &app.session.theme;
    let mut spans = vec![Span::styled(" Tab ", t.key)];
    let mut x = 5usize;
    for (pane, name) in Pane::ALL.iter().zip(names) {
        let shown = *pane == app.session.focus;
        let text = if shown { format!("[{name}]") } else { format!(" {name} ") };
        let w = width(&text);
        if x + w + 1 > usize::from(area.width) {
            break;
        }
        hits.add(Rect { x: area.x + x as u16, width: w as u16, ..area }, Target::Show(*pane));
        spans.push(Span::styled(text, if shown { t.step_current } else { t.button }));
        spans.push(Span::raw(" "));
        x += w + 1;
    }
    lines(frame, area, vec![Line::from(spans)], t.base);
}

/// Draws the three panes of the main screen.
pub fn draw_main(frame: &mut Frame, app: &App, area: Rect, hits: &mut Hits) {
    let (left, cal, quota) = areas(frame, app, area, &app.t("pane-facilities-title"), hits);
    hits.add(left, Target::Pane(Pane::Facilities));
    if app.session.browser.detail {
        detail::draw(frame, app, left, hits);
    } else {
        facilities::draw(frame, app, left, hits);
    }
    calendar::draw(frame, app, cal, app.session.focus == Pane::Calendar, hits);
    if app.is_kiosk() && app.session.resident.is_none() {
        super::kiosk_view::draw_guide_pane(
            frame,
            app,
            quota,
            app.session.focus == Pane::Quota,
            hits,
        );
    } else {
        quota::draw(frame, app, quota, app.session.focus == Pane::Quota, hits);
    }
}

/// Lines drawn top to bottom into `area`, clipped to it (never past its edges).
pub fn lines(frame: &mut Frame, area: Rect, lines: Vec<Line<'_>>, style: Style) {
    let area = area.intersection(frame.area());
    if area.is_empty() {
        return;
    }
    frame.render_widget(Paragraph::new(lines).style(style), area);
}

/// The keys hint on the last row of `area`, muted, cut to its width.
pub fn hint_row(frame: &mut Frame, app: &App, area: Rect, hint: &str) {
    if let Some(r) = row(area, area.height.saturating_sub(1)) {
        let hint = super::text::fit_hints(hint, usize::from(r.width));
        lines(frame, r, vec![Line::styled(hint, app.session.theme.muted)], app.session.theme.base);
    }
}

/// A list row: the cursor mark (`> ` on the current row), then `text` cut to fit `w` cells.
pub fn list_line(app: &App, current: bool, text: &str, w: usize, style: Style) -> Line<'static> {
    Line::from(vec![
        Span::styled(if current { "> " } else { "  " }, app.session.theme.key),
        Span::styled(truncate(text, w.saturating_sub(2)), style),
    ])
}

/// The row `i` of an area (height 1), if it is inside.
pub fn row(area: Rect, i: u16) -> Option<Rect> {
    (i < area.height).then(|| Rect { y: area.y + i, height: 1, ..area })
}

/// Two buttons side by side, `indent` cells in and two apart: records where each is clicked on
/// row `r` (if it is inside) and returns the line that draws them there.
pub fn button_pair(
    app: &App,
    r: Option<Rect>,
    indent: u16,
    (a, a_button): (String, Button),
    (b, b_button): (String, Button),
    hits: &mut Hits,
) -> Line<'static> {
    if let Some(r) = r {
        let aw = width(&a) as u16;
        let bx = indent + aw + 2;
        hits.add(Rect { x: r.x + indent, width: aw.min(r.width), ..r }, Target::Button(a_button));
        hits.add(
            Rect { x: r.x + bx, width: (width(&b) as u16).min(r.width.saturating_sub(bx)), ..r },
            Target::Button(b_button),
        );
    }
    let t = &app.session.theme;
    let mut spans = Vec::new();
    if indent > 0 {
        spans.push(Span::raw(" ".repeat(usize::from(indent))));
    }
    spans.extend([Span::styled(a, t.button), Span::raw("  "), Span::styled(b, t.button)]);
    Line::from(spans)
}
