//! The full damage check (`PRAGMA integrity_check`) and what is known from it.
//!
//! The quick check (run on open when the file is not as sango left it: `store::trust`) reads
//! every page but does not compare the indexes with their tables: a damaged index can hide a mother's bookings from the limit check while every page
//! looks sound. Only the full check sees that, and it reads the whole file (seconds on a large
//! store), so it is not run on every open. Instead its result is kept beside the store file
//! (`sango.sqlite3.check.json`, owner-only), naming the store's id, when it ran and what it
//! found; every later open reads it, and while it says "damaged" every write is refused with a
//! message naming `sango store repair`. It is kept outside the database on purpose: a damaged
//! file is the last place to write the news of its damage.
//!
//! Who runs it: `sango store check` on demand (a ward can schedule it), the terminal app in the
//! background once a day; a command-line write never waits for it.

use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use super::error::{self, StoreError};
use super::events::{self, EventKind};
use super::{Store, timefmt};

/// What a full check found, as kept beside the store.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckRecord {
    /// The store the check was run on (a restored or replaced file has another id).
    pub store_id: String,
    /// When it ran, by the machine's clock (Japan time).
    #[serde(with = "timefmt")]
    pub checked_at: NaiveDateTime,
    pub ok: bool,
    /// What SQLite reported when not ok (one line).
    pub detail: String,
}

impl CheckRecord {
    /// The refusal of a write while this damage is known.
    pub fn refusal(&self, path: &Path) -> StoreError {
        StoreError::DamageKnown {
            path: path.to_path_buf(),
            detail: self.detail.clone(),
            checked_at: crate::domain::jst::rfc3339(self.checked_at),
        }
    }
}

/// What `sango store repair` did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RepairReport {
    /// The damage known before (from the kept result or a fresh check).
    pub before: String,
    /// The full check after rebuilding the indexes.
    pub after: CheckRecord,
}

/// Where the result of the last full check of the store file `db` is kept.
pub fn record_path(db: &Path) -> PathBuf {
    let mut p = db.as_os_str().to_owned();
    p.push(".check.json");
    PathBuf::from(p)
}

/// The kept result for the store `store_id` at `db`, if any. A result of another store (the
/// file was replaced) or one that cannot be read is no knowledge at all.
pub fn last_record(db: &Path, store_id: &str) -> Option<CheckRecord> {
    let text = std::fs::read_to_string(record_path(db)).ok()?;
    let r: CheckRecord = serde_json::from_str(&text).ok()?;
    (r.store_id == store_id).then_some(r)
}

/// The damage known for the store `store_id` at `db`: the last kept result when it was not ok.
pub(crate) fn known_damage(db: &Path, store_id: &str) -> Option<CheckRecord> {
    last_record(db, store_id).filter(|r| !r.ok)
}

fn keep(db: &Path, r: &CheckRecord) -> Result<(), StoreError> {
    let mut text = serde_json::to_string_pretty(r).unwrap_or_default();
    text.push('\n');
    let path = record_path(db);
    crate::private_file::write(&path, text.as_bytes())
        .map_err(|e| StoreError::CannotOpen { path, detail: e.to_string() })
}

impl Store {
    /// Runs the full check now, keeps its result beside the file (not for a store in memory)
    /// and, when it finds damage, refuses writes from now on. `Ok` carries the outcome either
    /// way; `Err` only when the check itself could not run or its result could not be kept.
    pub fn full_check(&mut self) -> Result<CheckRecord, StoreError> {
        let record = self.run_full_check()?;
        self.keep_check(&record)?;
        Ok(record)
    }

    /// Runs the full check and says what it found, keeping nothing (a reader's connection; the
    /// terminal app's background check).
    pub fn run_full_check(&self) -> Result<CheckRecord, StoreError> {
        let before = self.trust.state();
        let outcome = match self.integrity_check() {
            Ok(()) => Ok(()),
            Err(StoreError::Corrupt { detail, .. }) => Err(detail),
            Err(e) => return Err(e),
        };
        // A clean full check covers the quick one: the state it read is trusted (see `trust`).
        if outcome.is_ok() && self.trust.state() == before {
            self.trust.trust(before);
        }
        Ok(CheckRecord {
            store_id: self.id.clone(),
            checked_at: timefmt::whole_seconds(self.clock.now()),
            ok: outcome.is_ok(),
            detail: outcome.err().unwrap_or_default(),
        })
    }

    /// Keeps a check's result beside the file (not for a store in memory, nor in a read-only
    /// folder, even one an administrator could write) and learns it.
    pub fn keep_check(&mut self, record: &CheckRecord) -> Result<(), StoreError> {
        self.learn(record);
        if self.path != Path::new(":memory:") && !self.on_server() && !self.in_read_only_folder() {
            keep(&self.path, record)?;
        }
        Ok(())
    }

    /// Takes the result of a check run elsewhere (the terminal app's background check, on its
    /// own connection to the same file).
    pub fn learn(&mut self, record: &CheckRecord) {
        if record.store_id == self.id {
            self.damage = (!record.ok).then(|| record.clone());
        }
    }

    /// The last full check's result kept for this store, if any.
    pub fn last_check(&self) -> Option<CheckRecord> {
        if self.path == Path::new(":memory:") || self.on_server() {
            return self.damage.clone();
        }
        last_record(&self.path, &self.id)
    }

    /// Damage known from the last full check and not yet repaired.
    pub fn known_damage(&self) -> Option<&CheckRecord> {
        self.damage.as_ref()
    }

    /// `sango store repair`: rebuilds every index from its table (the damage the quick check
    /// cannot see), runs the full check again, keeps its result and records a `store_repaired`
    /// event. Damage in the tables themselves is not mended by this: the check after says so.
    pub fn repair(&mut self, terminal: &str) -> Result<RepairReport, StoreError> {
        events::validate_terminal(terminal)?;
        let before = match &self.damage {
            Some(d) => d.detail.clone(),
            None => match self.integrity_check() {
                Ok(()) => String::new(),
                Err(StoreError::Corrupt { detail, .. }) => detail,
                Err(e) => return Err(e),
            },
        };
        let reindex = if self.on_server() {
            format!("REINDEX SCHEMA {}", super::server::schema_name(self.kind))
        } else {
            "REINDEX".to_string()
        };
        self.conn.batch(&reindex).map_err(|e| self.err(e))?;
        let after = self.full_check()?;
        let now = self.clock.now();
        let when = self.moment(now)?;
        let file = self.path.file_name().map(|n| n.to_string_lossy().into_owned());
        let subject = file.unwrap_or_else(|| "store".to_string());
        let data = serde_json::json!({
            "before": before,
            "after": if after.ok { "ok".to_string() } else { after.detail.clone() },
        });
        // Written even when the check after still finds damage (the repair was tried): the
        // event is the record of who tried what, not a booking change.
        let tx = self.write_despite_damage()?;
        events::append(&tx, when, terminal, EventKind::StoreRepaired, &subject, &data)
            .map_err(|e| self.err(e))?;
        tx.commit().map_err(|e| self.err(e))?;
        if after.ok {
            self.trust.trust(self.trust.state());
        }
        Ok(RepairReport { before: error::one_line(&[before]), after })
    }
}
