//! The booking store: an embedded SQLite database (WAL, `synchronous=FULL`, a busy timeout,
//! migrations on `user_version`) holding residents, bookings and an append-only audit trail.
//!
//! Every write is one IMMEDIATE transaction; every booking rule is `domain::booking::plan`,
//! called inside that transaction after reading the resident's usage. The store never reads the
//! clock: callers pass the Japan time `at` and the terminal's name.
//!
//! Opening never makes a store out of something else: a file at the store's path must be a
//! store (an empty file, a folder or a link to nothing is refused), and a new store is created
//! whole, owner-only (0600; SQLite gives its `-wal` and `-shm` files the same mode). A command
//! that only reads opens with [`Store::open_read_only`]: it creates nothing, and it works in a
//! read-only data folder. An open checks the file for damage (`PRAGMA quick_check`) only when
//! it is not in the state a clean check and sango's own changes left it in ([`trust`]).
//!
//! ```text
//! Store::open(dir) / open_data_dir(&DataDir) / open_read_only(&DataDir) / open_in_memory()
//! add_resident, update_resident, resident, residents
//! book -> Booked { booking, plan }, cancel -> Cancellation, booking, bookings(&BookingFilter)
//! quota -> QuotaReport, events, events_for, verify_events
//! export_json / export_csv / export_ics, import_json -> ImportReport
//! ```

pub mod access;
pub mod bookings;
pub mod bulk;
pub mod changes;
pub mod check;
pub mod commands;
pub mod copy;
pub mod csv;
pub mod db;
pub mod error;
pub mod events;
pub mod export;
pub mod ics;
pub mod import;
pub mod invariants;
pub mod location;
pub mod lockouts;
pub mod meta;
pub mod moment;
pub mod paths;
pub mod resident_change;
pub mod residents;
pub mod schema;
pub mod schema_pg;
pub mod server;
pub mod signins;
pub mod timefmt;
pub mod trust;

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{Connection, OpenFlags};

use db::{Db, DbError, DbResult, Row};

pub use bookings::{
    Booked, Booking, BookingFilter, BookingRequest, Cancellation, QuotaReport, Status,
};
pub use error::StoreError;
pub use events::{Event, EventKind};
pub use export::{Export, ExportFormat};
pub use import::{Conflict, ImportReport, Listed, Tally};
pub use location::Location;
pub use moment::{Clock, Moment, StoreKind};
pub use paths::DataDir;
pub use resident_change::{Affected, Decision, ResidentEdit, ResidentUpdate};
pub use residents::{Resident, ResidentInput};

/// How long a write waits for another terminal's transaction before reporting "locked".
pub const DEFAULT_BUSY_TIMEOUT: Duration = Duration::from_secs(5);
/// Overrides the busy timeout, in milliseconds.
pub const BUSY_ENV_VAR: &str = "SANGO_BUSY_TIMEOUT_MS";
/// Where the trusted state cannot be recorded (a read-only folder), stores up to this size are
/// checked for damage on every open (many years of one ward); larger ones are left to SQLite's
/// own checks of each page it reads and to `sango store check` (see [`trust`]).
pub const QUICK_CHECK_MAX_BYTES: u64 = 64 * 1024 * 1024;

/// How to open a store.
#[derive(Debug, Clone)]
pub struct Options {
    pub kind: StoreKind,
    /// How long a write waits for another terminal's transaction.
    pub busy: Duration,
    pub clock: Clock,
}

/// An open booking database.
pub struct Store {
    conn: Db,
    path: PathBuf,
    kind: StoreKind,
    /// "Now" for `recorded_at` and the live store's bounds on `at`.
    clock: Clock,
    /// The store's id (`store_meta`), which a kept check result must name.
    id: String,
    /// Damage found by the last full check and not yet repaired: writes are refused.
    damage: Option<check::CheckRecord>,
    /// Whether the file is as a clean check and sango's own changes left it. Declared after
    /// `conn`: dropped after the connection has closed, it records the state the close left.
    trust: trust::Trust,
}

impl Drop for Store {
    fn drop(&mut self) {
        // Before the connection closes (the last close copies the `-wal` into the file): is
        // the state still sango's own? `trust` records the state after the close only if so.
        self.trust.holds();
    }
}

/// A write transaction ([`Store::write`]); its commit records the new state of the file as
/// sango's own change when the state before it was trusted. Rolled back when dropped without
/// a commit.
pub(crate) struct Write<'a> {
    db: &'a Db,
    trust: &'a trust::Trust,
    open: bool,
}

impl std::ops::Deref for Write<'_> {
    type Target = Db;
    fn deref(&self) -> &Db {
        self.db
    }
}

impl Write<'_> {
    pub(crate) fn commit(mut self) -> DbResult<()> {
        self.open = false;
        self.db.batch("COMMIT")?;
        self.trust.after_own_change();
        Ok(())
    }
}

impl Drop for Write<'_> {
    fn drop(&mut self) {
        if self.open {
            let _ = self.db.batch("ROLLBACK");
        }
    }
}

/// A read transaction ([`Store::read`]): one consistent snapshot; ended when dropped.
pub(crate) struct Read<'a> {
    db: &'a Db,
    open: bool,
}

impl std::ops::Deref for Read<'_> {
    type Target = Db;
    fn deref(&self) -> &Db {
        self.db
    }
}

impl Read<'_> {
    pub(crate) fn commit(mut self) -> DbResult<()> {
        self.open = false;
        self.db.batch("COMMIT")
    }
}

impl Drop for Read<'_> {
    fn drop(&mut self) {
        if self.open {
            let _ = self.db.batch("ROLLBACK");
        }
    }
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("path", &self.path).finish()
    }
}

impl Store {
    /// Opens (creating if needed) the live database in `dir`, which must exist.
    pub fn open(dir: &Path) -> Result<Store, StoreError> {
        Self::open_data_dir(&DataDir { path: dir.to_path_buf(), explicit: true })
    }

    /// Opens the live database of a resolved data folder, with the busy timeout from
    /// `SANGO_BUSY_TIMEOUT_MS` or the default.
    pub fn open_data_dir(dir: &DataDir) -> Result<Store, StoreError> {
        Self::open_kind(dir, StoreKind::Live)
    }

    /// Opens the live or the practice database of a data folder (each has its own file).
    pub fn open_kind(dir: &DataDir, kind: StoreKind) -> Result<Store, StoreError> {
        Self::open_with(dir, &Options { kind, busy: busy_timeout(), clock: Clock::system() })
    }

    /// Opens with explicit options. Nothing is written to a database that is refused.
    pub fn open_with(dir: &DataDir, o: &Options) -> Result<Store, StoreError> {
        dir.prepare()?;
        let path = dir.store_file(o.kind);
        refuse_read_only(&dir.path, &path)?;
        if paths::existing_store(&path)? {
            tighten(&path);
        } else {
            create_file(&path)?;
        }
        // Not SQLITE_OPEN_CREATE: SQLite never makes the file (see `create_file`).
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn =
            Connection::open_with_flags(&path, flags).map_err(|e| StoreError::sqlite(&path, e))?;
        conn.busy_timeout(o.busy).map_err(|e| StoreError::sqlite(&path, e))?;
        let mut store = Store::new(Db::sqlite(conn), path, o.kind, o.clock.clone());
        store.trust = trust::Trust::new(&store.path, true);
        store.prepare(true, o.busy)?;
        store.damage = check::known_damage(&store.path, &store.id);
        Ok(store)
    }

    /// Opens the live or practice store of `dir` for a command that only reads: nothing is
    /// created or written, and a read-only data folder is fine. `Ok(None)` when there is no
    /// store yet (no file, or a file another process has just created and not yet set up). A
    /// store of an older schema is upgraded first by [`Store::open_kind`] where the folder may
    /// be written, and refused where it may not.
    pub fn open_read_only(dir: &DataDir, kind: StoreKind) -> Result<Option<Store>, StoreError> {
        if dir.locate()?.is_none() {
            return Ok(None);
        }
        let path = dir.store_file(kind);
        if !paths::existing_store(&path)? {
            return Ok(None);
        }
        // Asked before `tighten`, which narrows a read-only file's 0444 to 0600.
        let folder_read_only = refuse_read_only(&dir.path, &path).is_err();
        tighten(&path);
        let mut store = Self::reader(&path, folder_read_only, kind)?;
        let h = schema::header(store.lite()?, &store.path)?;
        schema::check_header(h, &store.path)?;
        if h.objects == 0 && h.user_version == 0 {
            return Ok(None);
        }
        if h.user_version < schema::VERSION {
            if folder_read_only {
                return Err(StoreError::CannotRead {
                    path: store.path.clone(),
                    reason: format!(
                        "it has schema version {}, older than this program's ({}), and cannot be upgraded there",
                        h.user_version,
                        schema::VERSION
                    ),
                });
            }
            drop(store);
            return Self::open_kind(dir, kind).map(Some);
        }
        store.check_on_open(false)?;
        store.id = meta::read_only(&store.conn, &store.path, kind)?;
        store.damage = check::known_damage(&store.path, &store.id);
        Ok(Some(store))
    }

    /// The connection [`Store::open_read_only`] reads through, for a folder that may or may
    /// not be written.
    fn reader(path: &Path, folder_read_only: bool, kind: StoreKind) -> Result<Store, StoreError> {
        let wal_has_data = side(path, "-wal").metadata().is_ok_and(|m| m.len() > 0);
        let unmerged = || StoreError::CannotRead {
            path: path.to_path_buf(),
            reason: "its -wal file holds changes that only a program allowed to write the folder \
                     can bring in; open it once with write access"
                .into(),
        };
        // Where sango may write, the connection is opened for writing but answers queries only:
        // it reads the other terminals' commits from the WAL and, as the last to close, removes
        // the `-wal` and `-shm` files as a writer does (a read-only connection leaves them). In
        // a read-only folder SQLite cannot make the `-shm` file it needs, so the file is opened
        // as unchanging (`immutable=1`): exact when no `-wal` holds commits not yet copied into
        // it. An administrator's read-only folder (permission bits that do not stop them) is
        // treated the same, so nothing is created there either.
        // The trusted state is recorded only by a connection that may write the folder.
        let (conn, can_record) = if folder_read_only {
            if !wal_has_data {
                (Self::open_immutable(path)?, false)
            } else if !side(path, "-shm").exists() {
                // SQLite would have to create it (an administrator's folder would let it).
                return Err(unmerged());
            } else {
                match Self::open_reading(path, false) {
                    Err(StoreError::CannotOpen { .. } | StoreError::ReadOnly { .. }) => {
                        return Err(unmerged());
                    }
                    other => (other?, false),
                }
            }
        } else {
            match Self::open_reading(path, true) {
                // Permission bits that allow writing but a folder that does not (another
                // user's): as in a read-only folder.
                Err(StoreError::CannotOpen { .. } | StoreError::ReadOnly { .. })
                    if !wal_has_data =>
                {
                    (Self::open_immutable(path)?, false)
                }
                Err(StoreError::CannotOpen { .. } | StoreError::ReadOnly { .. }) => {
                    return Err(unmerged());
                }
                other => (other?, true),
            }
        };
        let mut store = Store::new(Db::sqlite(conn), path.to_path_buf(), kind, Clock::system());
        store.trust = trust::Trust::new(path, can_record);
        Ok(store)
    }

    /// A connection that reads the WAL as usual (it may create the `-wal` and `-shm` files) and
    /// writes nothing: opened for writing and set to answer queries only when `writer`, else
    /// opened read-only.
    fn open_reading(path: &Path, writer: bool) -> Result<Connection, StoreError> {
        let mode = if writer {
            OpenFlags::SQLITE_OPEN_READ_WRITE
        } else {
            OpenFlags::SQLITE_OPEN_READ_ONLY
        };
        let err = |e| StoreError::sqlite(path, e);
        let conn = Connection::open_with_flags(path, mode | OpenFlags::SQLITE_OPEN_NO_MUTEX)
            .map_err(err)?;
        conn.busy_timeout(busy_timeout()).map_err(err)?;
        conn.pragma_update(None, "query_only", true).map_err(err)?;
        // Errors of the `-wal`/`-shm` files show at the first read, not at the open.
        schema::header(&conn, path)?;
        Ok(conn)
    }

    /// A read-only connection to a file nobody changes: no lock, no `-shm`, the `-wal` ignored.
    fn open_immutable(path: &Path) -> Result<Connection, StoreError> {
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
            | OpenFlags::SQLITE_OPEN_URI
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let uri = format!("{}?immutable=1", file_uri(path));
        Connection::open_with_flags(&uri, flags).map_err(|e| StoreError::sqlite(path, e))
    }

    /// An empty store in memory of `kind` that names `path` in its messages: what a command
    /// that only reads sees before the first resident is registered (nothing is created on
    /// disk).
    pub fn empty_at(path: PathBuf, kind: StoreKind) -> Result<Store, StoreError> {
        let mut store = Self::open_in_memory_as(kind, Clock::system())?;
        store.path = path;
        Ok(store)
    }

    /// A private practice database in memory (tests, previews): any moment is accepted.
    pub fn open_in_memory() -> Result<Store, StoreError> {
        Self::open_in_memory_as(StoreKind::Practice, Clock::system())
    }

    /// A private database in memory of either kind, with its own clock (tests of the live
    /// store's rules).
    pub fn open_in_memory_as(kind: StoreKind, clock: Clock) -> Result<Store, StoreError> {
        let path = PathBuf::from(":memory:");
        let conn = Connection::open_in_memory().map_err(|e| StoreError::sqlite(&path, e))?;
        let mut store = Store::new(Db::sqlite(conn), path, kind, clock);
        store.prepare(false, Duration::ZERO)?;
        Ok(store)
    }

    fn new(conn: Db, path: PathBuf, kind: StoreKind, clock: Clock) -> Store {
        Store {
            conn,
            path,
            kind,
            clock,
            id: String::new(),
            damage: None,
            trust: trust::Trust::none(),
        }
    }

    /// Whether this is the live or the practice store.
    pub fn kind(&self) -> StoreKind {
        self.kind
    }

    /// The store's id (kept in the file since schema 2).
    pub fn id(&self) -> &str {
        &self.id
    }

    /// Checks a write's moment against this store's kind and clock (see [`moment`]).
    pub(crate) fn moment(&self, at: NaiveDateTime) -> Result<Moment, StoreError> {
        Moment::check(self.kind, at, self.clock.now())
    }

    /// A stand-in while the real store opens on another thread (the terminal app draws its
    /// first frame meanwhile): an empty private database without the schema and read-only, so
    /// every read and write through it fails ("no such table") and nothing reaches the wrong
    /// place.
    pub fn not_open_yet() -> Result<Store, StoreError> {
        let path = PathBuf::from("(the database is not open yet)");
        let conn = Connection::open_in_memory().map_err(|e| StoreError::sqlite(&path, e))?;
        conn.pragma_update(None, "query_only", true).map_err(|e| StoreError::sqlite(&path, e))?;
        Ok(Store::new(Db::sqlite(conn), path, StoreKind::Practice, Clock::system()))
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Checks the file is ours and sound, then sets the connection up, migrates, and settles
    /// the store's kind and id.
    fn prepare(&mut self, on_disk: bool, busy: Duration) -> Result<(), StoreError> {
        let h = schema::header(self.lite()?, &self.path)?;
        schema::check_header(h, &self.path)?;
        if on_disk {
            self.check_on_open(h.objects == 0)?;
        }
        if on_disk {
            self.use_wal(busy)?;
        }
        let conn = self.lite()?;
        let map = |e| StoreError::sqlite(&self.path, e);
        // Acknowledged means on disk.
        conn.pragma_update(None, "synchronous", "FULL").map_err(map)?;
        conn.pragma_update(None, "foreign_keys", true).map_err(map)?;
        schema::migrate(conn, &self.path)?;
        self.id = meta::settle(&self.conn, &self.path, self.kind)?;
        // Switching to WAL, migrating and settling the id are sango's own changes.
        self.trust.after_own_change();
        Ok(())
    }

    /// The damage check of an open (see [`trust`]): none when the files are in the state
    /// recorded as trusted (or the file is new and empty); else the quick check, whose clean
    /// result is recorded with the state it saw. Where nothing can be recorded, only a store
    /// up to [`QUICK_CHECK_MAX_BYTES`] is checked, as it would be on every open.
    fn check_on_open(&self, empty: bool) -> Result<(), StoreError> {
        let before = self.trust.state();
        if empty || self.trust.is_recorded(before) {
            self.trust.trust(before);
            return Ok(());
        }
        if !self.trust.can_record() && !self.small_enough_to_check_on_open() {
            return Ok(());
        }
        self.quick_check()?;
        // Recorded only when nothing changed the files while they were being read.
        if self.trust.state() == before {
            self.trust.trust(before);
        }
        Ok(())
    }

    /// Switches a new file to WAL. SQLite does not wait for other connections here (it
    /// returns "busy" at once when another process is opening the same new file), so this
    /// retries until the busy timeout.
    fn use_wal(&self, busy: Duration) -> Result<(), StoreError> {
        let conn = self.lite()?;
        let map = |e| self.err(e);
        let start = std::time::Instant::now();
        loop {
            let mode: String =
                conn.query_row("PRAGMA journal_mode", [], |r| r.get(0)).map_err(map)?;
            if mode.eq_ignore_ascii_case("wal") {
                return Ok(());
            }
            match conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get::<_, String>(0)) {
                Ok(m) if m.eq_ignore_ascii_case("wal") => return Ok(()),
                Ok(m) => {
                    return Err(StoreError::CannotOpen {
                        path: self.path.clone(),
                        detail: format!("cannot switch to WAL mode (got {m})"),
                    });
                }
                Err(e) => match self.err(e) {
                    StoreError::Locked { .. } if start.elapsed() < busy => {
                        std::thread::sleep(Duration::from_millis(10));
                    }
                    other => return Err(other),
                },
            }
        }
    }

    /// Whether `quick_check` fits in every open. It reads the whole file: 28 ms at 6 MB but
    /// 5-8 s at a million bookings (BENCHMARKS.md). Above the bound, SQLite still refuses any
    /// damaged page a command touches (its transaction rolls back, nothing is written), and
    /// `sango store check` runs the full check on demand.
    fn small_enough_to_check_on_open(&self) -> bool {
        std::fs::metadata(&self.path).map(|m| m.len() <= QUICK_CHECK_MAX_BYTES).unwrap_or(true)
    }

    /// How this connection keeps data safe: SQLite's journal mode and synchronous level, in
    /// words (`wal`, `full`), for `sango store check` to show.
    pub fn durability(&self) -> Result<(String, String), StoreError> {
        if self.conn.engine() == db::Engine::Postgres {
            let sync: String = self
                .conn
                .query_row("SHOW synchronous_commit", crate::params![], |r| r.get(0))
                .map_err(|e| self.err(e))?;
            return Ok(("postgresql".into(), sync));
        }
        let conn = self.lite()?;
        let mode: String =
            conn.query_row("PRAGMA journal_mode", [], |r| r.get(0)).map_err(|e| self.err(e))?;
        let sync: i64 =
            conn.query_row("PRAGMA synchronous", [], |r| r.get(0)).map_err(|e| self.err(e))?;
        let sync = match sync {
            0 => "off",
            1 => "normal",
            2 => "full",
            3 => "extra",
            _ => "unknown",
        };
        Ok((mode.to_lowercase(), sync.to_string()))
    }

    /// `PRAGMA quick_check`: a damaged file is refused before anything is written to it.
    fn quick_check(&self) -> Result<(), StoreError> {
        trust::count_quick_check();
        self.check_pragma("quick_check")
    }

    /// `PRAGMA integrity_check` (slower, thorough): `Ok(())` when the file is sound. A
    /// PostgreSQL server keeps its own files; there the check is of the invariants alone
    /// ([`Store::broken_invariants`]).
    pub fn integrity_check(&self) -> Result<(), StoreError> {
        if self.conn.engine() == db::Engine::Postgres {
            return Ok(());
        }
        self.check_pragma("integrity_check")
    }

    /// Whether the connection is known to be gone (a server's that closed): a pool drops it.
    pub fn is_broken(&self) -> bool {
        self.conn.is_closed()
    }

    /// Whether the store is a PostgreSQL server's (not a file).
    pub fn on_server(&self) -> bool {
        self.conn.engine() == db::Engine::Postgres
    }

    /// Runs a checking pragma, which answers the single line "ok" for a sound file.
    fn check_pragma(&self, pragma: &str) -> Result<(), StoreError> {
        let mut st = self.lite()?.prepare(&format!("PRAGMA {pragma}")).map_err(|e| self.err(e))?;
        let rows = st.query_map([], |r| r.get::<_, String>(0)).map_err(|e| self.err(e))?;
        let lines = rows.collect::<rusqlite::Result<Vec<_>>>().map_err(|e| self.err(e))?;
        if lines.len() == 1 && lines[0] == "ok" {
            Ok(())
        } else {
            Err(StoreError::Corrupt { path: self.path.clone(), detail: error::one_line(&lines) })
        }
    }

    /// SQLite's `PRAGMA data_version` for this connection: it changes when another connection
    /// (another terminal, the command line) commits to the file, never for this connection's
    /// own writes. The terminal app looks at it every second to redraw what others changed.
    /// On PostgreSQL every change of any terminal appends an event, so the newest event's
    /// number tells the same (one step down the events' primary key).
    pub fn data_version(&self) -> Result<i64, StoreError> {
        if self.on_server() {
            return self
                .conn
                .query_row("SELECT COALESCE(MAX(seq), 0) FROM events", crate::params![], |r| {
                    r.get(0)
                })
                .map_err(|e| self.err(e));
        }
        self.lite()?.query_row("PRAGMA data_version", [], |r| r.get(0)).map_err(|e| self.err(e))
    }

    /// One change recorded by `terminal` at Japan time `at`: `f` makes it inside a write
    /// transaction at the checked moment, and it is committed if `f` succeeds.
    pub(crate) fn change<T>(
        &self,
        at: NaiveDateTime,
        terminal: &str,
        f: impl FnOnce(&Db, moment::Moment) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        events::validate_terminal(terminal)?;
        let when = self.moment(at)?;
        let tx = self.write()?;
        let out = f(&tx, when)?;
        tx.commit().map_err(|e| self.err(e))?;
        Ok(out)
    }

    /// A write transaction that holds the write lock from its first statement. Refused while
    /// damage found by a full check is not repaired.
    pub(crate) fn write(&self) -> Result<Write<'_>, StoreError> {
        if let Some(d) = &self.damage {
            return Err(d.refusal(&self.path));
        }
        self.write_despite_damage()
    }

    /// A write transaction even while damage is known (the record of a repair).
    pub(crate) fn write_despite_damage(&self) -> Result<Write<'_>, StoreError> {
        let begin = match self.conn.engine() {
            // The write lock from the first statement: writes queue instead of failing.
            db::Engine::Sqlite => "BEGIN IMMEDIATE",
            // Rows are locked as they are read (`FOR UPDATE` on the mother's row).
            db::Engine::Postgres => "BEGIN",
        };
        self.conn.batch(begin).map_err(|e| self.err(e))?;
        // With the write lock held: is the file still as sango left it?
        self.trust.holds();
        Ok(Write { db: &self.conn, trust: &self.trust, open: true })
    }

    /// A read transaction: one consistent snapshot for several queries.
    pub(crate) fn read(&self) -> Result<Read<'_>, StoreError> {
        let begin = match self.conn.engine() {
            db::Engine::Sqlite => "BEGIN DEFERRED",
            db::Engine::Postgres => "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY",
        };
        self.conn.batch(begin).map_err(|e| self.err(e))?;
        Ok(Read { db: &self.conn, open: true })
    }

    pub(crate) fn err(&self, e: impl Into<DbError>) -> StoreError {
        StoreError::db(&self.path, e.into())
    }

    /// The SQLite connection, for what only SQLite has (its pragmas, its files).
    pub(crate) fn lite(&self) -> Result<&Connection, StoreError> {
        self.conn.as_sqlite().ok_or_else(|| StoreError::Sqlite {
            path: self.path.clone(),
            detail: "this needs the SQLite store, not a database server".into(),
        })
    }
}

/// The busy timeout from `SANGO_BUSY_TIMEOUT_MS`, or the default.
fn busy_timeout() -> Duration {
    std::env::var(BUSY_ENV_VAR)
        .ok()
        .and_then(|v| v.trim().parse::<u64>().ok())
        .map(Duration::from_millis)
        .unwrap_or(DEFAULT_BUSY_TIMEOUT)
}

/// The database's `-wal` or `-shm` file.
fn side(db: &Path, suffix: &str) -> PathBuf {
    let mut p = db.as_os_str().to_owned();
    p.push(suffix);
    PathBuf::from(p)
}

/// Creates a new, empty store at `db`, owner-only (0600 whatever the umask), whole: SQLite
/// writes its first page (in WAL mode) into a private temporary file, which is then linked to
/// `db`. A file at `db` is therefore never empty because of sango, and an empty one can be
/// refused as not a store. When another process creates the store at the same moment, its file
/// is used. SQLite gives `-wal` and `-shm` the database file's mode.
fn create_file(db: &Path) -> Result<(), StoreError> {
    let io = |e: std::io::Error| match e.kind() {
        std::io::ErrorKind::StorageFull | std::io::ErrorKind::QuotaExceeded => {
            StoreError::DiskFull { path: db.to_path_buf() }
        }
        _ => StoreError::CannotOpen {
            path: db.to_path_buf(),
            detail: format!("cannot create the database file: {e}"),
        },
    };
    let name = db.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let tmp = db.with_file_name(format!(".{name}.{}.new", std::process::id()));
    let _ = std::fs::remove_file(&tmp);
    let result = (|| {
        drop(crate::private_file::create_private(&tmp).map_err(io)?);
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn =
            Connection::open_with_flags(&tmp, flags).map_err(|e| StoreError::sqlite(db, e))?;
        conn.query_row("PRAGMA journal_mode = WAL", [], |_| Ok(()))
            .map_err(|e| StoreError::sqlite(db, e))?;
        conn.close().map_err(|(_, e)| StoreError::sqlite(db, e))?;
        match std::fs::hard_link(&tmp, db) {
            Err(e) if e.kind() != std::io::ErrorKind::AlreadyExists => Err(io(e)),
            _ => Ok(()),
        }
    })();
    let _ = std::fs::remove_file(&tmp);
    result
}

/// Takes group and others' access away from the store and its `-wal` and `-shm` files (a store
/// made by an earlier version, or copied with other permissions): the bookings are personal
/// data. Only the permission bits change; a file of another user is left as it is.
fn tighten(db: &Path) {
    #[cfg(unix)]
    for p in [db.to_path_buf(), side(db, "-wal"), side(db, "-shm")] {
        use std::os::unix::fs::PermissionsExt;
        if let Ok(m) = std::fs::metadata(&p)
            && m.is_file()
            && m.permissions().mode() & 0o077 != 0
        {
            // The owner's own bits are kept: a file made read-only stays read-only.
            let owner = m.permissions().mode() & 0o700;
            let _ = std::fs::set_permissions(&p, std::fs::Permissions::from_mode(owner));
        }
    }
    #[cfg(not(unix))]
    let _ = db;
}

/// `file:` URI of a path, every byte outside the unreserved set percent-encoded (a `?` or `#` in
/// a folder name must not end the path).
fn file_uri(path: &Path) -> String {
    let text = path.to_string_lossy();
    let mut uri = String::from("file:");
    for b in text.bytes() {
        if cfg!(windows) && b == b'\\' {
            uri.push('/');
        } else if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) {
            uri.push(char::from(b));
        } else {
            uri.push_str(&format!("%{b:02X}"));
        }
    }
    uri
}

impl Store {
    /// Whether the store's folder or file is read-only by its permission bits (whoever runs).
    pub(crate) fn in_read_only_folder(&self) -> bool {
        let dir = self.path.parent().unwrap_or(Path::new("."));
        refuse_read_only(dir, &self.path).is_err()
    }
}

/// A read-only file or folder is refused up front (also when running as an administrator, whom
/// the operating system would let write).
fn refuse_read_only(dir: &Path, db: &Path) -> Result<(), StoreError> {
    let read_only = |p: &Path| std::fs::metadata(p).map(|m| m.permissions().readonly());
    let db_exists = db.exists();
    if read_only(dir).unwrap_or(false) || (db_exists && read_only(db).unwrap_or(false)) {
        return Err(StoreError::ReadOnly { path: db.to_path_buf() });
    }
    for suffix in ["-wal", "-shm"] {
        if read_only(&side(db, suffix)).unwrap_or(false) {
            return Err(StoreError::ReadOnly { path: db.to_path_buf() });
        }
    }
    Ok(())
}

/// A text column that does not hold what it should.
pub(crate) fn bad_text(column: &str, value: &str) -> DbError {
    DbError::bad_text(column, value)
}

pub(crate) fn get_date(r: &Row<'_>, col: &str) -> DbResult<NaiveDate> {
    let s: &str = r.get(col)?;
    crate::domain::jst::parse_date(s).ok_or_else(|| bad_text(col, s))
}

pub(crate) fn get_opt_date(r: &Row<'_>, col: &str) -> DbResult<Option<NaiveDate>> {
    let s: Option<&str> = r.get(col)?;
    s.map(|s| crate::domain::jst::parse_date(s).ok_or_else(|| bad_text(col, s))).transpose()
}

pub(crate) fn get_time(r: &Row<'_>, col: &str) -> DbResult<NaiveDateTime> {
    let s: &str = r.get(col)?;
    timefmt::parse(s).ok_or_else(|| bad_text(col, s))
}

/// A date column read by position (`name` for the message when it is not one).
pub(crate) fn date_at(r: &Row<'_>, i: usize, name: &str) -> DbResult<NaiveDate> {
    let s: &str = r.get(i)?;
    crate::domain::jst::parse_date(s).ok_or_else(|| bad_text(name, s))
}

/// A moment column read by position.
pub(crate) fn time_at(r: &Row<'_>, i: usize, name: &str) -> DbResult<NaiveDateTime> {
    let s: &str = r.get(i)?;
    timefmt::parse(s).ok_or_else(|| bad_text(name, s))
}

/// A moment column that may be empty, read by position.
pub(crate) fn opt_time_at(r: &Row<'_>, i: usize, name: &str) -> DbResult<Option<NaiveDateTime>> {
    let s: Option<&str> = r.get(i)?;
    s.map(|s| timefmt::parse(s).ok_or_else(|| bad_text(name, s))).transpose()
}
