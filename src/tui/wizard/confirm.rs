//! Step 6: the confirmation (fee breakdown, the cancel-by moment, what to bring, the facility's
//! phone and whether it is open now), then the booking is recorded in the store.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::domain::booking::Plan;
use crate::domain::cancel;
use crate::kiosk_client::{Booked, Refusal};
use crate::store::{BookingRequest, StoreError};
use crate::terminal::Outcome;

use super::super::action::Action;
use super::super::app::{App, Button, Hits, Screen, Target};
use super::super::panes::facilities::phone_state;
use super::super::panes::quota::fee_lines;
use super::super::panes::{boxed, lines};
use super::super::store_worker::WriteKind;
use super::super::text::{display_safe, truncate, width, wrap};
use super::super::{booking_words, pane_words, refusal_words};
use super::super::{server_link, signin};
use super::view::step_name;
use super::{Step, Wizard, check};
use crate::i18n::words;

pub fn update(app: &mut App, a: Action) {
    let done = app.session.wizard.as_ref().is_some_and(|w| w.done.is_some());
    if done {
        if matches!(a, Action::Enter | Action::Back | Action::Click(Target::Button(Button::Close)))
        {
            finish(app);
        }
        return;
    }
    if matches!(a, Action::Enter | Action::Yes | Action::Click(Target::Button(Button::Book))) {
        book(app);
    }
}

/// Records the booking; on refusal, says why and stays.
fn book(app: &mut App) {
    let Some(w) = app.session.wizard.as_ref() else { return };
    let (Some(care), Some(facility), Some(resident)) =
        (w.care, w.facility.clone(), app.resident_id())
    else {
        return;
    };
    if !app.may_access(resident) {
        let msg = app.t("kiosk-refused");
        app.flash_error(msg);
        return;
    }
    let req = BookingRequest {
        resident: resident.to_string(),
        facility,
        care,
        start: app.session.day,
        length: w.length_for(care),
    };
    let (now, terminal) = (app.now, app.terminal_id.clone());
    if app.store.kiosk_server {
        return book_at_kiosk(app, req);
    }
    if server_link::through_server(app) {
        return book_through_server(app, req);
    }
    // Sent once: while it is being recorded, Enter again sends nothing (the step says so).
    let sent = app.store.write(
        WriteKind::Book,
        move |store, ds| store.book(ds, &req, now, &terminal),
        booked,
    );
    if !sent {
        let msg = app.t("wizard-booking-working");
        app.flash(msg);
    }
}

/// Through a ward's server: the server decides (or, unreachable, the booking is kept in the
/// outbox as provisional, checked against the replica), on the store's thread.
fn book_through_server(app: &mut App, req: BookingRequest) {
    if signin::required_first(app) {
        return;
    }
    // The plan shown is the one the same rules give here; the server's answer names the id.
    let plan = check(app, app.session.day).and_then(Result::ok);
    // The practice app's moved clock is the moment of the booking; else the server's now.
    let at = (app.clock_offset != chrono::TimeDelta::zero()).then_some(app.now);
    let terminal = app.terminal_id.clone();
    let resident = req.resident.clone();
    let sent = app.store.through_server(
        None,
        Some(WriteKind::Book),
        move |t, ds| t.book(ds, &req, at, &terminal),
        move |app, result| match result {
            Ok(Outcome::Decided { result, .. }) => {
                let id = result["booking"]["id"].as_str().unwrap_or_default().to_string();
                show_booked(app, &resident, id, plan, None);
            }
            Ok(Outcome::Provisional { command_id, data_as_of, .. }) => {
                show_booked(app, &resident, command_id, plan, Some(data_as_of));
            }
            Err(e) => {
                if !signin::ask_if_needed(app, &e) {
                    show_refused(app, e);
                }
            }
        },
    );
    if !sent {
        let msg = app.t("wizard-booking-working");
        app.flash(msg);
    }
}

/// A kiosk through a ward's server: the server books for the mother its session identified;
/// the server away, her booking is checked against her data read at identification and kept
/// as a request for staff (never shown as booked).
fn book_at_kiosk(app: &mut App, req: BookingRequest) {
    let plan = check(app, app.session.day).and_then(Result::ok);
    let at = (app.clock_offset != chrono::TimeDelta::zero()).then_some(app.now);
    let terminal = app.terminal_id.clone();
    let resident = req.resident.clone();
    let sent = app.store.through_kiosk(
        None,
        Some(WriteKind::Book),
        move |k, ds| Ok(k.book(ds, &req, at, &terminal)),
        move |app, result| match result {
            Ok(Ok(Booked::Decided(result))) => {
                let id = result["booking"]["id"].as_str().unwrap_or_default().to_string();
                show_booked(app, &resident, id, plan, None);
            }
            Ok(Ok(Booked::Requested { command_id, .. })) => {
                show_booked(app, &resident, command_id, plan, None);
                if let Some(w) = app.session.wizard.as_mut() {
                    w.requested = true;
                }
                let msg = app.t("kiosk-request-kept");
                app.flash(msg);
            }
            Ok(Err(Refusal::Said(m))) => show_refused(app, m),
            Ok(Err(Refusal::SessionEnded)) => super::super::kiosk::session_ended(app),
            Ok(Err(Refusal::Offline)) => {
                let msg = app.t("kiosk-offline");
                show_refused(app, msg);
            }
            Err(_) => {
                let msg = app.t("kiosk-system-error");
                show_refused(app, msg);
            }
        },
    );
    if !sent {
        let msg = app.t("wizard-booking-working");
        app.flash(msg);
    }
}

/// The store's answer to a booking, applied however late it comes (the wizard may be on
/// another step, or left for another screen).
fn booked(app: &mut App, result: Result<crate::store::Booked, StoreError>) {
    match result {
        Ok(booked) => {
            let resident = booked.booking.resident.clone();
            show_booked(app, &resident, booked.booking.id, Some(booked.plan), None);
        }
        Err(e) => {
            let msg = match &e {
                StoreError::Refused(r) => refusal_words::refusal(app.session.lang, r),
                // Perhaps recorded, perhaps not: never sent again; the screens are read again
                // once the store is back.
                StoreError::ConnectionLost { .. } => app.t("not-confirmed"),
                other => app.store_error_text(other),
            };
            show_refused(app, msg);
        }
    }
}

/// A booking made (`provisional`: kept in the outbox, with the time of the data it was
/// checked against): shown on the wizard's last step whatever step it was moved to meanwhile,
/// with its `plan` (through a server, the one the rules gave here: without one, when this
/// terminal's data had refused what the server accepted, only the message says it).
fn show_booked(
    app: &mut App,
    resident: &str,
    id: String,
    plan: Option<Plan>,
    provisional: Option<Option<String>>,
) {
    app.load_resident(resident, |_, _| {});
    let msg = match &provisional {
        Some(as_of) => server_link::provisional_words(app.session.lang, false, as_of.as_deref()),
        None => app.t("wizard-booked-flash"),
    };
    if let (Some(w), Some(plan)) = (app.session.wizard.as_mut(), plan) {
        w.step = Step::Confirm;
        w.done = Some((id, plan));
        w.provisional = provisional;
        w.error = None;
    }
    app.flash(msg);
}

/// A booking refused (`msg` names the rule): the step says why and stays.
fn show_refused(app: &mut App, msg: String) {
    if let Some(w) = app.session.wizard.as_mut() {
        w.error = Some(msg.clone());
    }
    app.flash_error(msg);
}

/// Leaves the finished wizard for the main screen, the calendar on the booking's first day.
fn finish(app: &mut App) {
    if let Some((_, plan)) = app.session.wizard.as_ref().and_then(|w| w.done.as_ref()) {
        app.session.day = plan.first_day;
    }
    app.session.wizard = None;
    app.session.screen = Screen::Main;
}

pub fn draw(frame: &mut Frame, app: &App, w: &Wizard, area: Rect, _hits: &mut Hits) {
    let t = &app.session.theme;
    let lang = app.session.lang;
    let title = match (&w.done, &w.provisional) {
        (Some(_), _) if w.requested => app.t("kiosk-request-title"),
        (Some(_), Some(_)) => app.t("staff-provisional-title"),
        (Some(_), None) => app.t("wizard-booked-title"),
        (None, _) => step_name(app, Step::Confirm),
    };
    let inner = boxed(frame, app, area, &title, true);
    if inner.is_empty() {
        return;
    }
    let wd = usize::from(inner.width);
    let plan = match &w.done {
        Some((_, p)) => Some(*p),
        None => check(app, app.session.day).and_then(Result::ok),
    };
    let (Some(plan), Some((f, care))) = (plan, app.focus_facility()) else {
        lines(frame, inner, vec![Line::styled(app.t("wizard-check-refused"), t.error)], t.base);
        return;
    };
    // Two columns when there is room: facts and fee on the left, bring and phone on the right.
    let two = wd >= 70;
    let col_w = if two { wd / 2 - 1 } else { wd };
    let mut a: Vec<Line> = Vec::new();
    let mut b: Vec<Line> = Vec::new();
    // `v` is safe to draw: the message files' words, the dataset's through `display_safe`.
    let label = |l: &str, v: &str, w: usize| -> Vec<Line<'static>> {
        let head = format!("{l}: ");
        let hw = width(&head);
        wrap(v, w.saturating_sub(hw).max(4))
            .into_iter()
            .enumerate()
            .map(|(i, x)| {
                Line::from(vec![
                    Span::styled(if i == 0 { head.clone() } else { " ".repeat(hw) }, t.heading),
                    Span::styled(x, t.base),
                ])
            })
            .collect()
    };
    if w.done.is_some() && w.requested {
        // Not booked: a request staff will confirm; no code.
        for l in wrap(&app.t("kiosk-request-kept"), col_w) {
            a.push(Line::styled(l, t.warn));
        }
    } else if let (Some(_), Some(as_of)) = (&w.done, &w.provisional) {
        // Never shown as a confirmed booking: no code, the server decides when it is reached.
        for l in wrap(&server_link::provisional_words(lang, false, as_of.as_deref()), col_w) {
            a.push(Line::styled(l, t.warn));
        }
    } else if let Some((id, _)) = &w.done {
        let code = app
            .session
            .resident
            .as_ref()
            .and_then(|r| r.bookings.iter().find(|b| &b.id == id))
            .and_then(|b| b.code.clone());
        let number = match &code {
            Some(c) => booking_words::booking_code(lang, c),
            None => booking_words::booking_number(lang, id),
        };
        a.push(Line::styled(truncate(&number, col_w), t.ok));
    }
    if let Some(info) = &app.session.resident {
        let summary = pane_words::resident_summary(lang, &info.resident);
        a.extend(label(&app.t("wizard-label-resident"), &summary, col_w));
    }
    let name = display_safe(words::dataset_text(lang, &f.name));
    a.extend(label(&app.t("wizard-label-facility"), &name, col_w));
    a.extend(label(&app.t("wizard-label-care"), &words::care_name(lang, care), col_w));
    a.extend(label(&app.t("wizard-label-dates"), &booking_words::plan_dates(lang, &plan), col_w));
    a.extend(fee_lines(app, care, &plan.fee, col_w.min(44)));
    let booked_at = match &w.done {
        Some((id, _)) => app
            .session
            .resident
            .as_ref()
            .and_then(|r| r.bookings.iter().find(|b| &b.id == id))
            .map_or(app.now, |b| b.created_at),
        None => app.now,
    };
    let rule = app.ds.programme.cancellation.rule();
    let notice =
        cancel::notice(&rule, plan.first_day, plan.units, booked_at, f.phone_hours(Some(care)));
    for line in booking_words::cancel_notice(lang, &notice, care.unit()) {
        for l in wrap(&line, col_w) {
            a.push(Line::styled(l, t.warn));
        }
    }
    let (state, style) = phone_state(app, f, Some(care));
    b.extend(label(&app.t("pane-phone"), &display_safe(&f.phones.join(", ")), col_w));
    let now = format!("{}: ", app.t("pane-now"));
    let now_w = width(&now);
    b.push(Line::from(vec![
        Span::styled(now, t.heading),
        Span::styled(truncate(&state, col_w.saturating_sub(now_w)), style),
    ]));
    let channels = f
        .reservation(care)
        .map(|r| words::channels(lang, &r.channels))
        .filter(|c| !c.is_empty())
        .unwrap_or_else(|| app.t("pane-no-channel"));
    let next = if w.done.is_some() {
        booking_words::recorded_next_step(lang, &channels)
    } else {
        booking_words::records_with_ward(lang, &channels)
    };
    // A kiosk's request is not recorded yet: staff will say what comes next.
    if !w.requested {
        for l in wrap(&next, col_w) {
            b.push(Line::styled(l, if w.done.is_some() { t.ok } else { t.base }));
        }
    }
    b.push(Line::styled(app.t("wizard-what-to-bring"), t.heading));
    for item in &app.ds.programme.what_to_bring {
        let item = display_safe(words::dataset_text(lang, item));
        for (i, l) in wrap(&item, col_w.saturating_sub(2)).into_iter().enumerate() {
            b.push(Line::raw(format!("{}{l}", if i == 0 { "- " } else { "  " })));
        }
    }
    if w.done.is_none() && app.store.writing(WriteKind::Book) {
        for l in wrap(&app.t("wizard-booking-working"), col_w) {
            a.push(Line::styled(l, t.warn));
        }
    } else if let Some(e) = &w.error {
        for l in wrap(e, col_w) {
            a.push(Line::styled(l, t.error));
        }
    }
    if two {
        let left = Rect { width: col_w as u16, ..inner };
        let right = Rect {
            x: inner.x + col_w as u16 + 2,
            width: inner.width.saturating_sub(col_w as u16 + 2),
            ..inner
        };
        lines(frame, left, a, t.base);
        lines(frame, right, b, t.base);
    } else {
        a.push(Line::raw(""));
        a.extend(b);
        lines(frame, inner, a, t.base);
    }
}
