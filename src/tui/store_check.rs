//! The terminal app's daily full check of the store (see `store::check`): when the last kept
//! result is a day old or missing, a thread opens its own reading connection to the store file
//! and runs `PRAGMA integrity_check`, so the screens never wait for it; its result comes back
//! through a channel, is kept beside the store, and, when it finds damage, every write of the app
//! is refused from then on and the status line says so.

use std::sync::mpsc::{self, Receiver, TryRecvError};

use chrono::{NaiveDateTime, TimeDelta};

use crate::store::check::CheckRecord;
use crate::store::{DataDir, Store, StoreKind};

use super::app::App;

/// How often the check runs while the app is open.
pub const EVERY: TimeDelta = TimeDelta::hours(24);

/// A check running on its own thread.
#[derive(Debug)]
pub struct Running {
    result: Receiver<Result<CheckRecord, String>>,
}

/// Whether the store's last full check is older than [`EVERY`] at `now` (or there is none).
pub fn due(store: &Store, now: NaiveDateTime) -> bool {
    store.last_check().is_none_or(|r| now - r.checked_at >= EVERY)
}

/// Starts the check of the `kind` store in `dir` on a new thread.
pub fn start(dir: DataDir, kind: StoreKind) -> Running {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let outcome = match Store::open_read_only(&dir, kind) {
            Ok(Some(store)) => store.run_full_check().map_err(|e| e.to_string()),
            Ok(None) => Err("no store yet".to_string()),
            Err(e) => Err(e.to_string()),
        };
        let _ = tx.send(outcome);
    });
    Running { result: rx }
}

/// Called by the event loop at every turn: starts a check when one is due, and takes a finished
/// one's result. True when the screen changes (damage was found).
pub fn tick(app: &mut App) -> bool {
    if let Some(running) = &app.store_check {
        let outcome = match running.result.try_recv() {
            Err(TryRecvError::Empty) => return false,
            Ok(outcome) => outcome,
            Err(TryRecvError::Disconnected) => Err("the check stopped".to_string()),
        };
        app.store_check = None;
        app.last_check_started = Some(app.now);
        return match outcome {
            Ok(record) => learn(app, &record),
            // A check that could not run is tried again the next day; the store keeps working.
            Err(_) => false,
        };
    }
    let Some(dir) = &app.data_dir else { return false };
    let tried_today = app.last_check_started.is_some_and(|t| app.now - t < EVERY);
    if !app.store_is_open() || tried_today || !due(&app.store, app.now) {
        return false;
    }
    let dir = DataDir { path: dir.clone(), explicit: true };
    app.store_check = Some(start(dir, app.store.kind()));
    false
}

/// Keeps a finished check's result with the store; damage refuses writes from now on.
fn learn(app: &mut App, record: &CheckRecord) -> bool {
    let _ = app.store.keep_check(record);
    if record.ok {
        return false;
    }
    let msg = app.s().store_damaged().to_string();
    app.flash_error(msg);
    true
}
