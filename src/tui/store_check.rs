//! The terminal app's daily full check of the store (see `store::check`): when the last kept
//! result is a day old or missing, a thread opens its own reading connection to the store (its
//! file, or its PostgreSQL server) and runs the full check (`PRAGMA integrity_check` on SQLite),
//! then, on sound storage, the invariants (no mother over a limit, one booking a day, the audit
//! trail matching the tables), as `sango store check` does, so the screens never wait for it.
//! Its result comes back through a channel, is kept with the store (on the store's thread),
//! and, when it finds damage, every write of the app is refused from then on and the status line
//! says so.

use std::sync::mpsc::{self, Receiver, TryRecvError};

use chrono::{NaiveDateTime, TimeDelta};

use crate::dataset::Programme;
use crate::store::check::CheckRecord;
use crate::store::{DataDir, Location, Store, StoreKind};

use super::app::App;
use super::store_worker::{Slot, WriteKind};

/// How often the check runs while the app is open.
pub const EVERY: TimeDelta = TimeDelta::hours(24);

/// How often the app asks the store whether a check is due.
pub const LOOK_EVERY: TimeDelta = TimeDelta::hours(1);

/// A check running on its own thread.
#[derive(Debug)]
pub struct Running {
    result: Receiver<Result<CheckRecord, String>>,
}

/// Whether the store's last full check is older than [`EVERY`] at `now` (or there is none).
pub fn due(store: &Store, now: NaiveDateTime) -> bool {
    store.last_check().is_none_or(|r| now - r.checked_at >= EVERY)
}

/// The full check of an open store: the storage, then (when it is sound) the invariants.
fn full_check(store: &Store, programme: &Programme) -> Result<CheckRecord, String> {
    let mut r = store.run_full_check().map_err(|e| e.to_string())?;
    if r.ok {
        let broken = store.broken_invariants(programme).map_err(|e| e.to_string())?;
        if !broken.is_empty() {
            r.ok = false;
            r.detail = broken.join("; ");
        }
    }
    Ok(r)
}

/// Starts the check of the `kind` store at `location` on a new thread.
pub fn start(location: Location, kind: StoreKind, programme: Programme) -> Running {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let outcome = match location.open_read_only(kind) {
            Ok(Some(store)) => full_check(&store, &programme),
            Ok(None) => Err("no store yet".to_string()),
            Err(e) => Err(e.to_string()),
        };
        let _ = tx.send(outcome);
    });
    Running { result: rx }
}

/// Where the check opens its connection: the app's store location, else its data folder.
fn location(app: &App) -> Option<Location> {
    match (&app.location, &app.data_dir) {
        (Some(l), _) => Some(l.clone()),
        (None, Some(dir)) => Some(Location::Folder(DataDir { path: dir.clone(), explicit: true })),
        (None, None) => None,
    }
}

/// Called by the event loop at every turn: asks the store (on its thread, at most every
/// [`LOOK_EVERY`]) whether a check is due and starts one if so, and takes a finished one's
/// result. True when the screen changes (damage was found).
pub fn tick(app: &mut App) -> bool {
    // Through a server the replica holds only the server's feed: checking the store is the
    // server's (`sango store check` there).
    if app.store.server.is_some() {
        return false;
    }
    if let Some(running) = &app.store_check {
        let outcome = match running.result.try_recv() {
            Err(TryRecvError::Empty) => return false,
            Ok(outcome) => outcome,
            Err(TryRecvError::Disconnected) => Err("the check stopped".to_string()),
        };
        app.store_check = None;
        app.last_check_started = Some(app.now);
        let changed = match outcome {
            Ok(record) => learn(app, record),
            // A check that could not run is tried again the next day; the store keeps working.
            Err(_) => false,
        };
        super::update::answers(app);
        return changed;
    }
    let Some(location) = location(app) else { return false };
    let tried_today = app.last_check_started.is_some_and(|t| app.now - t < EVERY);
    let looked = app.last_check_looked.is_some_and(|t| app.now - t < LOOK_EVERY);
    if !app.store_is_open() || tried_today || looked || app.store.reading(Slot::Check) {
        return false;
    }
    app.last_check_looked = Some(app.now);
    let now = app.now;
    let programme = app.ds.programme.clone();
    app.store.read(
        Slot::Check,
        move |store, _| Ok((due(store, now), store.kind())),
        move |app, answer| {
            if let Ok((true, kind)) = answer
                && app.store_check.is_none()
            {
                app.store_check = Some(start(location, kind, programme));
            }
        },
    );
    // Starting a check changes nothing on screen.
    super::update::answers(app);
    false
}

/// Keeps a finished check's result with the store; damage refuses writes from now on.
fn learn(app: &mut App, record: CheckRecord) -> bool {
    let ok = record.ok;
    if !ok {
        app.store.damage = Some(record.clone());
    }
    app.store.write(
        WriteKind::KeepCheck,
        move |store, _| {
            // Kept beside the store where its folder allows; learned by the store in any case.
            let _ = store.keep_check(&record);
            Ok(store.known_damage().cloned())
        },
        |app, damage| {
            if let Ok(damage) = damage {
                app.store.damage = damage;
            }
        },
    );
    if ok {
        return false;
    }
    let msg = app.t("store-damaged");
    app.flash_error(msg);
    true
}
