//! The selected resident's bookings, with cancel: before confirming, the dialog says whether the
//! cancellation is on time (nothing used) or late (1 day or visit used), and which number to phone.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::kiosk_client::Refusal;
use crate::store::{Booking, Cancellation, Status, StoreError};
use crate::terminal::Outcome;

use crate::i18n::format;

use super::action::Action;
use super::app::{App, Button, Hits, Overlay, Pane, Screen, Target};
use super::cancel_words;
use super::panes::facilities::scroll_offset;
use super::panes::{self, button_pair, calendar, framed, lines, quota, row};
use super::store_worker::WriteKind;
use super::text::{display_safe, pad, truncate};
use crate::i18n::words;

/// The resident's bookings, newest first day last (as the store lists them).
pub fn bookings(app: &App) -> &[Booking] {
    app.session.resident.as_ref().map_or(&[], |r| r.bookings.as_slice())
}

/// True when the booking can still be cancelled today.
pub fn cancellable(app: &App, b: &Booking) -> bool {
    b.status_at(app.today()) == Status::Booked
}

pub fn update(app: &mut App, a: Action) {
    let n = bookings(app).len();
    let last = n.saturating_sub(1);
    let page = app.hits.list_rows.max(1);
    match a {
        Action::Back | Action::Click(Target::Button(Button::Back)) => {
            app.session.screen = Screen::Main
        }
        Action::Up | Action::ScrollUp(_) => {
            app.session.bookings_cursor = app.session.bookings_cursor.saturating_sub(1)
        }
        Action::Down | Action::ScrollDown(_) => {
            app.session.bookings_cursor = (app.session.bookings_cursor + 1).min(last)
        }
        Action::PageUp => {
            app.session.bookings_cursor = app.session.bookings_cursor.saturating_sub(page)
        }
        Action::PageDown => {
            app.session.bookings_cursor = (app.session.bookings_cursor + page).min(last)
        }
        Action::Home => app.session.bookings_cursor = 0,
        Action::End => app.session.bookings_cursor = last,
        Action::Click(Target::Row(i)) if i < n => {
            app.session.bookings_cursor = i;
            if let Some(b) = bookings(app).get(i) {
                app.session.day = b.first_day;
            }
        }
        Action::CancelBooking
        | Action::Enter
        | Action::Delete
        | Action::Click(Target::Button(Button::CancelBooking)) => {
            let Some(b) = bookings(app).get(app.session.bookings_cursor.min(last)).cloned() else {
                return;
            };
            if cancel_waiting(app, &b.id) {
                // Its cancellation waits in the outbox already: the server decides it.
                let msg = app.t("frame-cancel-already-waiting");
                app.flash_error(msg);
            } else if cancellable(app, &b) {
                app.session.overlay = Some(Overlay::ConfirmCancel(b.id));
            } else {
                let msg = cancel_words::cannot_cancel(app.session.lang, b.status_at(app.today()));
                app.flash_error(msg);
            }
        }
        a => {
            super::update::move_calendar(app, a);
        }
    }
    if let Some(b) = bookings(app).get(app.session.bookings_cursor.min(last))
        && matches!(
            a,
            Action::Up
                | Action::Down
                | Action::PageUp
                | Action::PageDown
                | Action::Home
                | Action::End
        )
    {
        app.session.day = b.first_day;
    }
}

/// Cancels the booking (after the dialog said yes) and tells the result when the store answers.
/// At a kiosk, only a booking of the identified mother can be cancelled: the booking is read
/// from the store and its resident checked before anything changes (in the same request).
pub fn confirm_cancel(app: &mut App, id: &str) {
    let mother = match (app.is_kiosk(), app.identified()) {
        (false, _) => None,
        (true, Some(m)) => Some(m.to_string()),
        (true, None) => {
            let msg = app.t("kiosk-refused");
            app.flash_error(msg);
            return;
        }
    };
    if mother.is_some() && app.store.kiosk_server {
        return cancel_at_kiosk(app, id);
    }
    if mother.is_none() && super::server_link::through_server(app) {
        return cancel_through_server(app, id);
    }
    let (id, now, terminal) = (id.to_string(), app.now, app.terminal_id.clone());
    let sent = app.store.write(
        WriteKind::Cancel,
        move |store, ds| {
            if let Some(mother) = &mother {
                let owner = store.booking(&id)?.map(|b| b.resident);
                if owner.as_deref() != Some(mother.as_str()) {
                    return Ok(None);
                }
            }
            store.cancel(ds, &id, now, &terminal).map(Some)
        },
        cancelled,
    );
    if !sent {
        let msg = app.t("store-working");
        app.flash(msg);
    }
}

/// Through a ward's server: the server decides; unreachable, a cancellation of a booking the
/// replica holds is kept in the outbox as provisional (仮取消) and said so.
fn cancel_through_server(app: &mut App, id: &str) {
    if super::signin::required_first(app) {
        return;
    }
    let at = (app.clock_offset != chrono::TimeDelta::zero()).then_some(app.now);
    let id = id.to_string();
    let sent = app.store.through_server(
        None,
        Some(WriteKind::Cancel),
        move |t, _| t.cancel(&id, at),
        |app, result| match result {
            Ok(Outcome::Decided { result, .. }) => show_decided(app, &result),
            Ok(Outcome::Provisional { data_as_of, .. }) => {
                let asof = data_as_of.as_deref().map_or("-", super::server_link::hm);
                let msg = app.tr("frame-provisional-cancelled", &[("time", asof.into())]);
                reload_after_cancel(app, None);
                app.flash(msg);
            }
            Err(e) => {
                if !super::signin::ask_if_needed(app, &e) {
                    app.flash_error(e);
                }
            }
        },
    );
    if !sent {
        let msg = app.t("store-working");
        app.flash(msg);
    }
}

/// A kiosk through a ward's server: the server cancels a booking of the mother its session
/// identified (unreachable: nothing is kept, staff can help).
fn cancel_at_kiosk(app: &mut App, id: &str) {
    let at = (app.clock_offset != chrono::TimeDelta::zero()).then_some(app.now);
    let id = id.to_string();
    let sent = app.store.through_kiosk(
        None,
        Some(WriteKind::Cancel),
        move |k, _| Ok(k.cancel(&id, at)),
        |app, result| {
            let msg = match result {
                Ok(Ok(result)) => return show_decided(app, &result),
                Ok(Err(Refusal::Said(m))) => m,
                Ok(Err(Refusal::SessionEnded)) => return super::kiosk::session_ended(app),
                Ok(Err(Refusal::Offline)) => app.t("kiosk-offline"),
                Err(_) => app.t("kiosk-system-error"),
            };
            app.flash_error(msg);
        },
    );
    if !sent {
        let msg = app.t("store-working");
        app.flash(msg);
    }
}

/// The server's answer to a cancellation it made (`result` of the command), shown.
fn show_decided(app: &mut App, result: &serde_json::Value) {
    let booking: Option<Booking> = serde_json::from_value(result["booking"].clone()).ok();
    let phones: Vec<String> = serde_json::from_value(result["phones"].clone()).unwrap_or_default();
    let Some(b) = booking else { return reload_after_cancel(app, None) };
    // The outcome's words from the same rule the server applied, at this moment.
    let rule = app.ds.programme.cancellation.rule();
    let outcome = rule.outcome(b.first_day, b.units, app.now);
    let msg = cancel_words::cancelled(app.session.lang, &outcome, b.care.unit(), &phones);
    reload_after_cancel(app, Some(&b.resident));
    app.flash(msg);
}

/// After a cancellation, the resident shown is read again (`resident`: only when it is hers).
fn reload_after_cancel(app: &mut App, resident: Option<&str>) {
    let shown = app.resident_id().map(str::to_string);
    if let Some(id) = shown.filter(|id| resident.is_none_or(|r| r == id)) {
        app.load_resident(&id, |_, _| {});
    }
}

/// The store's answer to a cancellation, applied however late it comes.
fn cancelled(app: &mut App, result: Result<Option<Cancellation>, StoreError>) {
    match result {
        Ok(Some(c)) => {
            reload_after_cancel(app, Some(&c.booking.resident));
            let unit = c.booking.care.unit();
            let msg = cancel_words::cancelled(app.session.lang, &c.outcome, unit, &c.phones);
            app.flash(msg);
        }
        Ok(None) => {
            let msg = app.t("kiosk-refused");
            app.flash_error(msg);
        }
        Err(StoreError::ConnectionLost { .. }) => {
            let msg = app.t("not-confirmed");
            app.flash_error(msg);
        }
        Err(e) => {
            let msg = app.store_error_text(&e);
            app.flash_error(msg);
        }
    }
}

pub fn draw(frame: &mut Frame, app: &App, area: Rect, hits: &mut Hits) {
    let lang = app.session.lang;
    let t = &app.session.theme;
    let title = match app.resident_id() {
        Some(id) => format!("{} - {id}", app.t("bookings-title")),
        None => app.t("bookings-title"),
    };
    let (left, cal, q) = panes::areas(frame, app, area, &app.t("bookings-title"), hits);
    calendar::draw(frame, app, cal, false, hits);
    quota::draw(frame, app, q, false, hits);
    let inner = framed(frame, app, left, &title, true, Pane::Facilities, hits);
    if inner.height < 3 {
        return;
    }
    let w = usize::from(inner.width);
    let list = bookings(app);
    // Through a server, her provisional bookings (not decided yet) below the list.
    let waiting = waiting_lines(app, w);
    let reserved = if waiting.is_empty() {
        0
    } else {
        (waiting.len() as u16).min(inner.height.saturating_sub(5))
    };
    let rows = Rect { height: inner.height - 2 - reserved, ..inner };
    if list.is_empty() {
        lines(frame, rows, vec![Line::styled(app.t("bookings-none"), t.muted)], t.base);
    } else {
        let per = 3usize;
        let fit = (usize::from(rows.height) / per).max(1);
        hits.list_rows = fit;
        let cursor = app.session.bookings_cursor.min(list.len() - 1);
        let offset = scroll_offset(cursor.saturating_sub(fit - 1), cursor, fit, list.len());
        let mut out = Vec::new();
        for (i, bk) in list.iter().enumerate().skip(offset).take(fit) {
            let current = i == cursor;
            let style = if current { t.cursor } else { t.base };
            let name = app
                .ds
                .facility(&bk.facility)
                .map_or(bk.facility.clone(), |f| display_safe(words::dataset_text(lang, &f.name)));
            let status = bk.status_at(app.today());
            let status_style = match status {
                Status::Booked => t.ok,
                Status::CancelledLate => t.warn,
                _ => t.muted,
            };
            let status_text = if cancel_waiting(app, &bk.id) && status == Status::Booked {
                app.t("frame-provisional-cancel-mark")
            } else {
                cancel_words::booking_status(lang, bk, app.today())
            };
            let status_w = super::text::width(&status_text);
            out.push(Line::from(vec![
                Span::styled(if current { "> " } else { "  " }, t.key),
                Span::styled(pad(&name, w.saturating_sub(status_w + 3)), style),
                Span::raw(" "),
                Span::styled(status_text, if current { t.cursor } else { status_style }),
            ]));
            let facts = format!(
                "{}  {}  {}  {}",
                words::care_short(lang, bk.care),
                words::short_range(lang, bk.first_day, bk.last_day),
                words::length(lang, bk.length()),
                format::yen(lang, bk.fee_yen)
            );
            let code = bk.code.clone().unwrap_or_default();
            out.push(Line::from(vec![
                Span::raw("    "),
                Span::styled(truncate(&facts, w.saturating_sub(4)), t.base),
            ]));
            let third = if status == Status::Booked {
                let rule = app.ds.programme.cancellation.rule();
                let late = rule.outcome(bk.first_day, bk.units, app.now).late;
                cancel_words::cancel_state(lang, bk.cancel_by(&rule), late)
            } else if bk.units_charged > 0 {
                cancel_words::charged(lang, bk.units_charged, bk.care.unit())
            } else {
                String::new()
            };
            // The code first, to read over the phone; then the cancel state.
            let third = if code.is_empty() { third } else { format!("{code}  {third}") };
            out.push(Line::from(vec![
                Span::raw("    "),
                Span::styled(truncate(&third, w.saturating_sub(4)), t.muted),
            ]));
            for k in 0..per {
                if let Some(r) = row(rows, ((i - offset) * per + k) as u16) {
                    hits.add(r, Target::Row(i));
                }
            }
        }
        lines(frame, rows, out, t.base);
    }
    if reserved > 0 {
        let area = Rect { y: rows.y + rows.height, height: reserved, ..inner };
        lines(frame, area, waiting, t.base);
    }
    // Buttons.
    if let Some(r) = row(inner, inner.height - 1) {
        let cancel = (format!("[x {}]", app.t("bookings-cancel")), Button::CancelBooking);
        let back = (format!("[Esc {}]", app.t("bookings-back")), Button::Back);
        lines(frame, r, vec![button_pair(app, Some(r), 0, cancel, back, hits)], t.base);
    }
}

/// Whether this terminal's outbox holds a provisional cancellation (仮取消) of booking `id`.
fn cancel_waiting(app: &App, id: &str) -> bool {
    app.session.waiting.iter().any(|e| e["status"] == "provisional_cancel" && e["booking"] == id)
}

/// The resident's provisional bookings (仮予約) waiting in this terminal's outbox, a heading
/// first; none when there are none (or no server).
fn waiting_lines(app: &App, w: usize) -> Vec<Line<'static>> {
    let t = &app.session.theme;
    let Some(id) = app.resident_id() else { return Vec::new() };
    let mark = app.t("bookings-provisional");
    let mut out: Vec<Line<'static>> =
        app.session
            .waiting
            .iter()
            .filter(|e| e["status"] == "provisional" && e["resident"] == id)
            .map(|e| {
                let text = |k: &str| e[k].as_str().unwrap_or_default().to_string();
                let facility = text("facility");
                let name = app.ds.facility(&facility).map_or(facility, |f| {
                    display_safe(words::dataset_text(app.session.lang, &f.name))
                });
                let n = e["nights"].as_u64().or(e["days"].as_u64()).unwrap_or(1);
                let line = format!("  {mark} {name}  {}  ({n})", text("first_day"));
                Line::styled(truncate(&line, w), t.warn)
            })
            .collect();
    if !out.is_empty() {
        // At a kiosk they are requests staff will confirm, not commands the server decides.
        let title = if app.store.kiosk_server {
            app.t("kiosk-request-title")
        } else {
            app.t("frame-waiting-title")
        };
        out.insert(0, Line::styled(truncate(&title, w), t.heading));
    }
    out
}
