//! The review of a resident's edit (the registry): before her new record is saved, each of her
//! active bookings it changes is listed with what happens to it: its new fee (twins, an
//! exemption), or, for one that falls outside her new window, the rule it breaks and the
//! clerk's choice to keep or cancel it. Enter saves the record and every choice at once (the
//! store records each as an event); Esc goes back to the form.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::i18n::format;
use crate::store::{Affected, Decision, ResidentInput, StoreError};

use super::action::Action;
use super::app::{App, Hits, Target};
use super::panes::{boxed, hint_row, lines, row};
use super::refusal_words;
use super::store_worker::WriteKind;
use super::text::{display_safe, truncate, wrap};
use crate::i18n::words;

/// One booking the edit changes, and the clerk's choice for it.
#[derive(Debug, Clone)]
pub struct Item {
    pub affected: Affected,
    /// For a booking outside the new window: cancel it (else keep it).
    pub cancel: bool,
}

/// The edit waiting for review.
#[derive(Debug, Clone)]
pub struct Review {
    pub input: ResidentInput,
    pub items: Vec<Item>,
    pub cursor: usize,
}

impl Review {
    /// Every booking outside the window is kept until the clerk says otherwise: nothing is
    /// cancelled by default.
    pub fn new(input: ResidentInput, affected: Vec<Affected>) -> Review {
        Review {
            input,
            items: affected.into_iter().map(|affected| Item { affected, cancel: false }).collect(),
            cursor: 0,
        }
    }

    /// The clerk's answers for the bookings outside the window.
    pub fn decisions(&self) -> Vec<Decision> {
        self.items
            .iter()
            .filter(|i| i.affected.outside().is_some())
            .map(|i| {
                let id = i.affected.booking.id.clone();
                if i.cancel { Decision::Cancel(id) } else { Decision::Keep(id) }
            })
            .collect()
    }
}

pub fn update(app: &mut App, a: Action) {
    let Some(review) = app.session.registry.review.as_mut() else { return };
    let last = review.items.len().saturating_sub(1);
    match a {
        Action::Back => app.session.registry.review = None,
        Action::Up | Action::ScrollUp(_) => review.cursor = review.cursor.saturating_sub(1),
        Action::Down | Action::ScrollDown(_) => review.cursor = (review.cursor + 1).min(last),
        Action::Click(Target::Row(i)) if i <= last => {
            if review.cursor == i {
                toggle(review);
            }
            review.cursor = i;
        }
        Action::Toggle | Action::Left | Action::Right => toggle(review),
        Action::Enter => save(app),
        _ => {}
    }
}

fn toggle(review: &mut Review) {
    if let Some(item) = review.items.get_mut(review.cursor)
        && item.affected.outside().is_some()
    {
        item.cancel = !item.cancel;
    }
}

/// Saves the record with the clerk's choices; the registry shows the resident again when the
/// store has answered. While it is being saved, Enter sends nothing more.
fn save(app: &mut App) {
    let Some(review) = app.session.registry.review.clone() else { return };
    let decisions = review.decisions();
    let (now, terminal) = (app.now, app.terminal_id.clone());
    let input = review.input.clone();
    let sent = app.store.write(
        WriteKind::Resident,
        move |store, ds| store.update_resident(ds, &input, now, &terminal, &decisions),
        |app, result| match result {
            Ok(done) => {
                app.session.registry.review = None;
                app.session.registry.form = None;
                let id = done.resident.id.clone();
                super::registry::saved(app, &id);
                let msg = saved_with_effects(
                    app,
                    &id,
                    done.fee_changes.len(),
                    done.kept.len(),
                    done.cancelled.len(),
                );
                app.flash(msg);
            }
            Err(e) => {
                let msg = match &e {
                    StoreError::ConnectionLost { .. } => app.t("not-confirmed"),
                    other => app.store_error_text(other),
                };
                app.flash_error(msg);
            }
        },
    );
    if !sent {
        let msg = app.t("store-working");
        app.flash(msg);
    }
}

pub fn draw(frame: &mut Frame, app: &App, review: &Review, area: Rect, hits: &mut Hits) {
    let lang = app.session.lang;
    let t = &app.session.theme;
    let inner = boxed(frame, app, area, &app.t("staff-effects-title"), true);
    if inner.height < 3 {
        return;
    }
    let w = usize::from(inner.width);
    let mut out: Vec<Line> = Vec::new();
    for l in wrap(&app.t("staff-effects-intro"), w) {
        out.push(Line::styled(l, t.heading));
    }
    out.push(Line::raw(""));
    for (i, item) in review.items.iter().enumerate() {
        let b = &item.affected.booking;
        let current = i == review.cursor;
        let name =
            app.ds.facility(&b.facility).map_or(b.facility.clone(), |f| display_safe(&f.name));
        let code = b.code.clone().unwrap_or_else(|| b.id.clone());
        let head = format!("{code}  {}  {name}", words::short_range(lang, b.first_day, b.last_day));
        if let Some(r) = row(inner, out.len() as u16) {
            hits.add(Rect { height: 1, ..r }, Target::Row(i));
        }
        out.push(Line::from(vec![
            Span::styled(if current { "> " } else { "  " }, t.key),
            Span::styled(
                truncate(&head, w.saturating_sub(2)),
                if current { t.cursor } else { t.base },
            ),
        ]));
        if let Some(fee) = item.affected.new_fee_yen() {
            out.push(Line::styled(
                truncate(&format!("    {}", fee_change(app, b.fee_yen, fee)), w),
                t.ok,
            ));
        }
        if let Some(rule) = item.affected.outside() {
            for l in wrap(&refusal_words::refusal(app.session.lang, rule), w.saturating_sub(4)) {
                out.push(Line::styled(format!("    {l}"), t.warn));
            }
            out.push(Line::styled(
                truncate(&format!("    {}", keep_or_cancel(app, item.cancel)), w),
                if item.cancel { t.error } else { t.heading },
            ));
        }
    }
    lines(frame, inner, out, t.base);
    hint_row(frame, app, inner, &app.t("staff-effects-keys"));
}

/// `利用料 3,300円 -> 0円`: a booking's fee before and after the change.
fn fee_change(app: &App, from: u32, to: u32) -> String {
    let lang = app.session.lang;
    let (from, to) = (format::yen(lang, from), format::yen(lang, to));
    app.tr("staff-fee-change", &[("from", from.into()), ("to", to.into())])
}

/// The choice for a booking that falls outside her period, the chosen one in brackets.
fn keep_or_cancel(app: &App, cancel: bool) -> String {
    let choice = if cancel { "cancel" } else { "keep" };
    app.tr("staff-keep-or-cancel", &[("choice", choice.into())])
}

/// The edit saved: how many bookings had their fee changed, were kept outside her period or
/// were cancelled (those the facilities are to be phoned about).
fn saved_with_effects(app: &App, id: &str, fees: usize, kept: usize, cancelled: usize) -> String {
    let args = [
        ("id", id.into()),
        ("fees", fees.into()),
        ("kept", kept.into()),
        ("cancelled", cancelled.into()),
    ];
    app.tr("staff-saved-with-effects", &args)
}
