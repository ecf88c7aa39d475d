//! Staff, through a ward's server (`v`): the review list (要確認) — the commands the server
//! refused when this terminal's outbox was sent later (her last day was given elsewhere
//! meanwhile), each with the server's message naming the rule — and the clerk's resolution of
//! one: a note, cancelled, or rebooked (with the new booking's id), recorded on the server as
//! an event once ([`crate::terminal::Terminal::resolve`]).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::terminal::Entry;

use super::action::Action;
use super::app::{App, Hits, Screen, Target};
use super::input::Input;
use super::panes::{boxed, lines, row};
use super::store_worker::{Slot, WriteKind};
use super::text::{display_safe, pad, truncate};

/// The resolutions, in the form's order: the server's words and the labels' index.
pub const RESOLUTIONS: [&str; 3] = ["note", "cancelled", "rebooked"];

/// The review screen's state.
#[derive(Debug, Clone, Default)]
pub struct ReviewList {
    /// The entries as last read from the terminal's outbox (`None` before the first answer).
    pub entries: Option<Vec<Entry>>,
    pub cursor: usize,
    /// The resolution form is open for the entry under the cursor.
    pub resolving: bool,
    /// Index into [`RESOLUTIONS`].
    pub resolution: usize,
    pub note: Input,
    /// The new booking's id (rebooked).
    pub booking: Input,
    /// The form's field with the cursor: 0 the resolution, 1 the note, 2 the booking.
    pub field: usize,
    pub error: Option<String>,
}

impl ReviewList {
    /// The text field typed characters go into, if the cursor is on one.
    pub fn input_mut(&mut self) -> Option<&mut Input> {
        match (self.resolving, self.field) {
            (true, 1) => Some(&mut self.note),
            (true, 2) => Some(&mut self.booking),
            _ => None,
        }
    }

    pub fn typing(&self) -> bool {
        self.resolving && self.field > 0
    }

    fn selected(&self) -> Option<&Entry> {
        let list = self.entries.as_ref()?;
        list.get(self.cursor.min(list.len().saturating_sub(1)))
    }
}

/// Opens the screen (through a server only) and reads the list.
pub fn open(app: &mut App) {
    if !super::server_link::through_server(app) {
        let msg = app.t("staff-review-no-server");
        app.flash_error(msg);
        return;
    }
    app.session.review = ReviewList::default();
    app.session.screen = Screen::Review;
    refresh(app);
}

/// Reads the list again from the terminal's outbox.
pub fn refresh(app: &mut App) {
    app.store.through_server(
        Some(Slot::Review),
        None,
        |t, _| t.review_list(),
        |app, r| match r {
            Ok(entries) => {
                let r = &mut app.session.review;
                r.cursor = r.cursor.min(entries.len().saturating_sub(1));
                if entries.is_empty() {
                    r.resolving = false;
                }
                r.entries = Some(entries);
            }
            Err(e) => app.flash_error(e),
        },
    );
}

pub fn update(app: &mut App, a: Action) {
    if app.session.review.resolving {
        return form_update(app, a);
    }
    let r = &mut app.session.review;
    let last = r.entries.as_ref().map_or(0, |e| e.len().saturating_sub(1));
    match a {
        Action::Back => app.session.screen = Screen::Main,
        Action::Up | Action::ScrollUp(_) => r.cursor = r.cursor.saturating_sub(1),
        Action::Down | Action::ScrollDown(_) => r.cursor = (r.cursor + 1).min(last),
        Action::Home => r.cursor = 0,
        Action::End => r.cursor = last,
        Action::Click(Target::Row(i)) if i <= last => r.cursor = i,
        Action::Enter if r.selected().is_some() => {
            r.resolving = true;
            r.field = 1;
            r.error = None;
        }
        _ => {}
    }
}

fn form_update(app: &mut App, a: Action) {
    let r = &mut app.session.review;
    match a {
        Action::Back => r.resolving = false,
        Action::Up | Action::FocusPrev => r.field = (r.field + 2) % 3,
        Action::Down | Action::FocusNext => r.field = (r.field + 1) % 3,
        Action::Left if r.field == 0 => r.resolution = (r.resolution + 2) % 3,
        Action::Right | Action::Toggle if r.field == 0 => r.resolution = (r.resolution + 1) % 3,
        Action::Enter => submit(app),
        a => {
            if let Some(field) = r.input_mut() {
                field.edit(a);
            }
        }
    }
}

/// Records the resolution on the server (once: Enter again while it is on its way sends
/// nothing); the list is read again after it.
fn submit(app: &mut App) {
    if super::signin::required_first(app) {
        return;
    }
    let note_needed = app.t("staff-review-note-needed");
    let r = &mut app.session.review;
    let Some(entry) = r.selected() else { return };
    let command_id = entry.command_id.clone();
    let note = r.note.value().trim().to_string();
    let resolution = RESOLUTIONS[r.resolution.min(2)];
    let booking = Some(r.booking.value().trim().to_string()).filter(|b| !b.is_empty());
    if note.is_empty() {
        r.field = 1;
        r.error = Some(note_needed);
        return;
    }
    let sent = app.store.through_server(
        None,
        Some(WriteKind::Resolve),
        move |t, _| t.resolve(&command_id, resolution, &note, booking.as_deref()).map(|_| ()),
        |app, result| {
            match result {
                Ok(()) => {
                    let r = &mut app.session.review;
                    r.resolving = false;
                    r.note.clear();
                    r.booking.clear();
                    r.error = None;
                    let msg = app.t("staff-review-resolved");
                    app.flash(msg);
                }
                Err(e) => {
                    if !super::signin::ask_if_needed(app, &e) {
                        app.session.review.error = Some(e.clone());
                        app.flash_error(e);
                    }
                }
            }
            refresh(app);
        },
    );
    if !sent {
        let msg = app.t("store-working");
        app.flash(msg);
    }
}

/// One entry's command in a few words: what was asked, for whom.
fn summary(e: &Entry) -> String {
    let b = &e.body;
    let text = |k: &str| b[k].as_str().unwrap_or("").to_string();
    if e.kind == "book" || e.kind == "kiosk_request" {
        let length = b["nights"].as_u64().or(b["days"].as_u64()).map(|n| format!(" ({n})"));
        // A kiosk's request names her by user number (its session is over).
        let who = b["resident"].as_str().or(b["user_number"].as_str()).unwrap_or("");
        format!(
            "{} {} {} {} {}{}",
            e.kind,
            who,
            text("facility"),
            text("type"),
            text("start"),
            length.unwrap_or_default()
        )
    } else {
        format!("{} {}", e.kind, e.path.split('/').nth(3).unwrap_or(""))
    }
}

pub fn draw(frame: &mut Frame, app: &App, area: Rect, hits: &mut Hits) {
    let t = &app.session.theme;
    let r = &app.session.review;
    let count = r.entries.as_ref().map_or(0, Vec::len);
    let title = app.tr("staff-review-list-title", &[("n", count.into())]);
    let inner = boxed(frame, app, area, &title, true);
    if inner.height < 4 {
        return;
    }
    let w = usize::from(inner.width);
    let form_h: u16 = if r.resolving { 6 } else { 1 };
    let list = Rect { height: inner.height.saturating_sub(form_h + 1), ..inner };
    let mut out: Vec<Line> = Vec::new();
    match &r.entries {
        None => out.push(Line::styled(app.t("connecting"), t.muted)),
        Some(entries) if entries.is_empty() => {
            out.push(Line::styled(app.t("staff-review-empty"), t.muted))
        }
        Some(entries) => {
            let per = 3usize;
            let fit = (usize::from(list.height) / per).max(1);
            let offset = r.cursor.saturating_sub(fit - 1);
            for (i, e) in entries.iter().enumerate().skip(offset).take(fit) {
                let here = i == r.cursor;
                out.push(Line::from(vec![
                    Span::styled(if here { "> " } else { "  " }, t.key),
                    Span::styled(
                        truncate(&display_safe(&summary(e)), w.saturating_sub(2)),
                        if here { t.cursor } else { t.base },
                    ),
                ]));
                let message = e.message.clone().unwrap_or_default();
                out.push(Line::styled(
                    truncate(&format!("    {}", display_safe(&message)), w),
                    t.error,
                ));
                let when = review_when(app, &e.created_at, e.decided_at.as_deref().unwrap_or(""));
                out.push(Line::styled(truncate(&format!("    {when}"), w), t.muted));
                for k in 0..per {
                    if let Some(rr) = row(list, ((i - offset) * per + k) as u16) {
                        hits.add(rr, Target::Row(i));
                    }
                }
            }
        }
    }
    lines(frame, list, out, t.base);
    let form = Rect { y: inner.y + inner.height - form_h, height: form_h, ..inner };
    let mut f: Vec<Line> = Vec::new();
    if r.resolving {
        let labels =
            RESOLUTIONS.map(|k| app.tr("staff-review-resolution", &[("resolution", k.into())]));
        let choice = labels
            .iter()
            .enumerate()
            .map(|(i, l)| if i == r.resolution { format!("({l})") } else { format!(" {l} ") })
            .collect::<Vec<_>>()
            .join(" ");
        let field = |i: usize, label: &str, value: String| {
            let here = r.field == i;
            Line::from(vec![
                Span::styled(if here { "> " } else { "  " }, t.key),
                Span::styled(pad(label, 14), t.heading),
                Span::styled(value, if here { t.cursor } else { t.base }),
            ])
        };
        let [l0, l1, l2] =
            ["resolution", "note", "booking"].map(|k| app.t(&format!("staff-review-field-{k}")));
        f.push(field(0, &l0, choice));
        f.push(field(1, &l1, format!("[{}]", pad(r.note.text(), 40))));
        f.push(field(2, &l2, format!("[{}]", pad(r.booking.text(), 28))));
        if app.store.writing(WriteKind::Resolve) {
            f.push(Line::styled(app.t("store-working"), t.warn));
        } else if let Some(e) = &r.error {
            f.push(Line::styled(truncate(e, w), t.error));
        } else {
            f.push(Line::raw(""));
        }
        f.push(Line::styled(truncate(&app.t("staff-review-form-keys"), w), t.muted));
    } else {
        f.push(Line::styled(truncate(&app.t("staff-review-list-keys"), w), t.muted));
    }
    lines(frame, form, f, t.base);
}

/// When a change was made and refused, to the minute (`YYYY-MM-DDTHH:MM`).
fn review_when(app: &App, made: &str, refused: &str) -> String {
    let minute = |s: &str| s.get(..16).unwrap_or(s).to_string();
    app.tr(
        "staff-review-when",
        &[("made", minute(made).into()), ("refused", minute(refused).into())],
    )
}
