//! Keeping the screens current with the store: another terminal or the command line may book or
//! cancel at any time. Every second the event loop asks the store's connection (on the store's
//! thread) whether anyone else committed (`PRAGMA data_version` on SQLite, the newest event's
//! number on PostgreSQL: one cheap query), and when someone did, what the screens
//! show is read again: the resident's record, bookings and quota (the panes, her bookings, the
//! wizard's live checks), and the day view, the report or the registry when open. The status line
//! says when the data on screen was last known to be the store's. Staff can also ask for it at
//! once (Ctrl-R). A kiosk reads again only the mother who identified, never anyone else.

use chrono::NaiveDateTime;

use crate::i18n::{Locale, tr};
use crate::kiosk::Millis;

use super::app::{App, Overlay, Screen};
use super::store_worker::Slot;
use super::{bookings_view, dayview, registry, report_view, review_view};

/// How often the store is looked at.
pub const EVERY_MS: Millis = 1000;

/// Data on screen older than this (the store could not be read since) is shown as stale.
pub const STALE_SECS: i64 = 5;

/// What the app knows of the store's changes.
#[derive(Debug, Clone, Default)]
pub struct Freshness {
    /// The connection's `data_version` at the last look.
    version: Option<i64>,
    /// When the store was last looked at, on the monotonic counter of the event loop.
    looked_at: Option<Millis>,
    /// The moment (the app's clock) the data on screen was last known to be the store's.
    pub as_of: Option<NaiveDateTime>,
}

impl Freshness {
    /// Data known current at `now` (a store just opened).
    pub fn at(now: NaiveDateTime) -> Freshness {
        Freshness { as_of: Some(now), ..Freshness::default() }
    }
}

/// Milliseconds until the store is next looked at (the event loop wakes by then).
pub fn next_wake(app: &App, ms: Millis) -> Millis {
    match app.freshness.looked_at {
        Some(t) => EVERY_MS.saturating_sub(ms.saturating_sub(t)).max(1),
        None => 1,
    }
}

/// Called by the event loop at every turn: at most once every [`EVERY_MS`], asks the store (on
/// its thread) whether another connection changed it, and when it did, reads again what the
/// screens show. One look at a time: a slow store is not asked again before it has answered.
/// True when the screen changes (answers made at once, by a store run inline, are applied).
pub fn tick(app: &mut App, ms: Millis) -> bool {
    if app.freshness.looked_at.is_some_and(|t| ms.saturating_sub(t) < EVERY_MS) {
        return false;
    }
    app.freshness.looked_at = Some(ms);
    if !app.store_is_open() || app.store.reading(Slot::Version) {
        return false;
    }
    app.store.read(
        Slot::Version,
        |store, _| store.data_version(),
        |app, version| {
            // A store that cannot be read keeps what is on screen: its time in the status line
            // ages.
            let Ok(version) = version else { return };
            if app.freshness.version != Some(version) {
                reload(app);
            }
            app.freshness.version = Some(version);
            app.freshness.as_of = Some(app.now);
        },
    );
    super::update::answers(app)
}

/// Ctrl-R (staff): reads everything on screen again now, whatever the store says changed; says
/// so when the store has answered.
pub fn now(app: &mut App) {
    // Through a server: the outbox sent and the replica pulled first (the reads queue behind).
    app.store.sync_now();
    reload(app);
    app.store.read(
        Slot::Version,
        |store, _| store.data_version(),
        |app, version| match version {
            Ok(v) => {
                app.freshness.version = Some(v);
                app.freshness.as_of = Some(app.now);
                let msg = tr(app.session.lang, "staff-refreshed", &[("time", hms(app.now).into())]);
                app.flash(msg);
            }
            Err(e) => {
                let msg = app.store_error_text(&e);
                app.flash_error(msg);
            }
        },
    );
}

/// The store is open again (or for the first time): everything on screen is read again at the
/// next turn of the event loop.
pub fn look_soon(app: &mut App) {
    app.freshness.version = None;
    app.freshness.looked_at = None;
}

/// Whether the status line shows the data's time: on a staff terminal always; at a kiosk once a
/// mother has identified (before, nothing on screen comes from the store).
pub fn shown(app: &App) -> bool {
    app.freshness.as_of.is_some() && (!app.is_kiosk() || app.identified().is_some())
}

/// True when the data on screen is older than [`STALE_SECS`].
pub fn stale(app: &App) -> bool {
    app.freshness.as_of.is_some_and(|t| (app.now - t).num_seconds() > STALE_SECS)
}

/// Reads again from the store what the screens show. At a kiosk, only the identified mother.
fn reload(app: &mut App) {
    let id = if app.is_kiosk() { app.identified() } else { app.resident_id() };
    match id.map(str::to_string) {
        Some(id) => app.reload_resident(&id, answer_cancel_question),
        None => answer_cancel_question(app),
    }
    match app.session.screen {
        Screen::Day => dayview::load(app),
        Screen::Report => report_view::refresh(app),
        Screen::Registry => registry::refresh(app),
        Screen::Review => review_view::refresh(app),
        _ => {}
    }
}

/// A cancel question about a booking someone else has just cancelled is answered already.
fn answer_cancel_question(app: &mut App) {
    if let Some(Overlay::ConfirmCancel(id)) = &app.session.overlay {
        let open = bookings_view::bookings(app)
            .iter()
            .any(|b| b.id == *id && bookings_view::cancellable(app, b));
        if !open {
            app.session.overlay = None;
            let msg = app.t("staff-changed-elsewhere");
            app.flash_error(msg);
        }
    }
}

/// A moment to the second, as the status line and the reload say it.
fn hms(at: NaiveDateTime) -> String {
    at.format("%H:%M:%S").to_string()
}

/// The status line's time of the data on screen: `更新 10:42:05` / `data as of 10:42:05`.
pub fn data_as_of(lang: Locale, at: NaiveDateTime) -> String {
    tr(lang, "staff-data-as-of", &[("time", hms(at).into())])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_data_time_is_to_the_second() {
        let at =
            chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap().and_hms_opt(9, 4, 5).unwrap();
        assert_eq!(data_as_of(Locale::Ja, at), "更新 09:04:05");
        assert_eq!(data_as_of(Locale::En, at), "data as of 09:04:05");
    }
}
