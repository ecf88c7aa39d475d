//! Trusting a checked store file until something other than sango changes it.
//!
//! `PRAGMA quick_check` reads every page of the file: ~40 ms at 10,000 bookings, ~165 ms at
//! 50,000, seconds at a million. Run on every open, it was most of every command's time. So a
//! clean check is recorded beside the store (`sango.sqlite3.trust.json`, owner-only) with what
//! identifies the file's state: the device, inode, size, modification and change times of the
//! database file and of its `-wal` file. An open whose files are in exactly that state skips the
//! check; any other state (a restored backup, a copy, an edit by another program, a file sango
//! did not leave as it is) gets the quick check again, and a clean one is recorded anew.
//!
//! Sango's own changes keep the trust: a process that found the file trusted (or checked it)
//! records the new state after each commit it makes and after it closes (the last connection's
//! close copies the `-wal` into the file). It records only when the state just before its change
//! was a trusted one, so a change by another program in between is never blessed; processes
//! that race only make the record stale, which costs a quick check, never a skipped one. The
//! change time (`ctime`) cannot be set by other programs, and this kernel keeps it to the
//! nanosecond once it has been read.
//!
//! What the skipped check would have caught is still caught where it matters: SQLite refuses
//! any damaged page a command reads (its transaction rolls back, nothing is written), the full
//! check (`sango store check`, the terminal app's daily one) reads everything, and damage it
//! finds refuses every write (`store::check`). A record that is missing, unreadable, or of
//! another state is no knowledge: the check runs.

use std::cell::Cell;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use serde::{Deserialize, Serialize};

/// Quick checks run by this process (tests see whether an open checked or trusted).
static QUICK_CHECKS: AtomicU64 = AtomicU64::new(0);

/// How many quick checks this process has run.
pub fn quick_checks_run() -> u64 {
    QUICK_CHECKS.load(Ordering::Relaxed)
}

pub(crate) fn count_quick_check() {
    QUICK_CHECKS.fetch_add(1, Ordering::Relaxed);
}

/// What identifies one file's content without reading it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileStat {
    pub dev: u64,
    pub ino: u64,
    pub len: u64,
    pub mtime_ns: i128,
    pub ctime_ns: i128,
}

impl FileStat {
    fn of(path: &Path) -> Option<FileStat> {
        let m = std::fs::metadata(path).ok()?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            let ns = |s: i64, n: i64| i128::from(s) * 1_000_000_000 + i128::from(n);
            Some(FileStat {
                dev: m.dev(),
                ino: m.ino(),
                len: m.size(),
                mtime_ns: ns(m.mtime(), m.mtime_nsec()),
                ctime_ns: ns(m.ctime(), m.ctime_nsec()),
            })
        }
        #[cfg(not(unix))]
        {
            let ns = |t: std::io::Result<std::time::SystemTime>| {
                t.ok()
                    .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                    .map_or(0, |d| d.as_nanos() as i128)
            };
            Some(FileStat {
                dev: 0,
                ino: 0,
                len: m.len(),
                mtime_ns: ns(m.modified()),
                ctime_ns: ns(m.created()),
            })
        }
    }
}

/// The state of a store's database file and its `-wal` file (an empty or missing `-wal` holds
/// nothing: `None`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileState {
    pub db: Option<FileStat>,
    pub wal: Option<FileStat>,
}

impl FileState {
    pub fn of(db: &Path) -> FileState {
        FileState {
            db: FileStat::of(db),
            wal: FileStat::of(&super::side(db, "-wal")).filter(|s| s.len > 0),
        }
    }
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Record {
    /// The state sango left the files in after a clean check and its own changes since.
    state: FileState,
}

/// Where the trusted state of the store file `db` is kept.
pub fn record_path(db: &Path) -> PathBuf {
    super::side(db, ".trust.json")
}

/// The recorded trusted state, if any can be read.
pub fn recorded(db: &Path) -> Option<FileState> {
    let text = std::fs::read(record_path(db)).ok()?;
    serde_json::from_slice::<Record>(&text).ok().map(|r| r.state)
}

/// Whether the files of `db` are now in the state last recorded as trusted.
pub fn trusted_now(db: &Path) -> bool {
    recorded(db) == Some(FileState::of(db))
}

/// One open store's part in the trust: what it knows to be sango's own state of the files.
/// Declared after the connection in [`super::Store`], so that it is dropped after the
/// connection has closed and can record the state the close left.
#[derive(Debug)]
pub(crate) struct Trust {
    db: PathBuf,
    /// The state this process last knew to be trusted; `None` while it is not.
    known: Cell<Option<FileState>>,
    /// Whether this process may write the record (not in a read-only folder, not in memory).
    can_record: bool,
}

impl Trust {
    /// No trust and no record (a store in memory, a stand-in).
    pub(crate) fn none() -> Trust {
        Trust { db: PathBuf::new(), known: Cell::new(None), can_record: false }
    }

    pub(crate) fn new(db: &Path, can_record: bool) -> Trust {
        Trust { db: db.to_path_buf(), known: Cell::new(None), can_record }
    }

    pub(crate) fn can_record(&self) -> bool {
        self.can_record
    }

    /// The files' state now.
    pub(crate) fn state(&self) -> FileState {
        FileState::of(&self.db)
    }

    /// Whether `state` is the recorded trusted one (at open, before deciding to check).
    pub(crate) fn is_recorded(&self, state: FileState) -> bool {
        recorded(&self.db) == Some(state)
    }

    /// The files were found trusted, or checked clean, in `state`.
    pub(crate) fn trust(&self, state: FileState) {
        self.known.set(Some(state));
        self.keep(state);
    }

    /// Whether the files are now as sango left them: as this process last knew them, or as
    /// another sango process recorded them. Called just before this process changes them.
    pub(crate) fn holds(&self) -> bool {
        if self.known.get().is_none() {
            return false;
        }
        let now = self.state();
        if self.known.get() == Some(now) || recorded(&self.db) == Some(now) {
            self.known.set(Some(now));
            true
        } else {
            self.known.set(None);
            false
        }
    }

    /// After this process changed the files from a state [`Trust::holds`] found trusted.
    pub(crate) fn after_own_change(&self) {
        if self.known.get().is_some() {
            let now = self.state();
            self.known.set(Some(now));
            self.keep(now);
        }
    }

    /// Writes the record when it says something else (best effort: a record that cannot be
    /// written costs the next open a check).
    fn keep(&self, state: FileState) {
        if !self.can_record || recorded(&self.db) == Some(state) {
            return;
        }
        if let Ok(text) = serde_json::to_vec(&Record { state }) {
            let _ = crate::private_file::write_unsynced(&record_path(&self.db), &text);
        }
    }
}

impl Drop for Trust {
    /// The connection has closed (it is dropped before this): record the state its close left
    /// when the state before it was trusted ([`super::Store`]'s drop asked [`Trust::holds`]).
    fn drop(&mut self) {
        self.after_own_change();
    }
}
