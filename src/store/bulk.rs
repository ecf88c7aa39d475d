//! Bulk loading for synthetic stores (benchmarks): a NEW database filled in one transaction
//! with prepared statements, writing the rows and audit events exactly as `add_resident`,
//! `update_resident`, `book` and `cancel` write them (same columns, same text formats, events
//! whose `data` is the record as the store serialises it). Ids and times are given by the
//! caller so that the result is deterministic.
//!
//! While loading, the file has no journal and no fsync (a crash leaves a file to delete, not a
//! store to repair); [`Bulk::finish`] commits, switches to WAL as [`Store`] expects and syncs.
//! Only an empty folder is accepted.

use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;
use rusqlite::{Connection, Statement, params};
use serde::Serialize;

use super::bookings::{self, Booking};
use super::error::StoreError;
use super::events::{CancelData, EventKind};
use super::residents::{self, Resident};
use super::{Store, paths, schema, timefmt};

/// The same statement as `events::insert` (events made here are never imported ones, and a
/// synthetic history was recorded as it happened: `recorded_at` is `at`).
const INSERT_EVENT: &str = "INSERT INTO events
        (id, at, recorded_at, terminal, kind, subject, data, imported_at, imported_by)
         VALUES (?1, ?2, ?2, ?3, ?4, ?5, ?6, NULL, NULL)";

/// An open bulk load into a new database.
pub struct Bulk {
    conn: Connection,
    path: PathBuf,
    dir: PathBuf,
    /// The schema's own secondary indexes (`CREATE INDEX` text), dropped while loading and
    /// made again by [`Bulk::finish`] from the same text: building an index from sorted rows
    /// is several times faster than keeping it up to date row by row.
    indexes: Vec<String>,
}

impl std::fmt::Debug for Bulk {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Bulk").field("path", &self.path).finish()
    }
}

/// The prepared statements of one load.
pub struct Writer<'c> {
    resident: Statement<'c>,
    booking: Statement<'c>,
    event: Statement<'c>,
    path: &'c Path,
}

impl Bulk {
    /// Creates the database in `dir` (which must exist and hold no database) with the store's
    /// schema, ready for one big transaction.
    pub fn create(dir: &Path) -> Result<Bulk, StoreError> {
        let data_dir = paths::DataDir { path: dir.to_path_buf(), explicit: true };
        let path = data_dir.prepare()?;
        if path.exists() {
            return Err(StoreError::CannotOpen {
                path,
                detail: "a database is already there: bulk loading needs a new store".into(),
            });
        }
        let conn = Connection::open(&path).map_err(|e| StoreError::sqlite(&path, e))?;
        let map = |e| StoreError::sqlite(&path, e);
        conn.execute_batch(
            "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -131072;
             PRAGMA temp_store = MEMORY; PRAGMA foreign_keys = ON;",
        )
        .map_err(map)?;
        schema::migrate(&conn, &path)?;
        conn.execute_batch("BEGIN IMMEDIATE").map_err(map)?;
        let indexes: Vec<(String, String)> = {
            let mut st = conn
                .prepare(
                    "SELECT name, sql FROM sqlite_schema
                     WHERE type = 'index' AND sql IS NOT NULL ORDER BY rowid",
                )
                .map_err(map)?;
            let rows = st
                .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))
                .map_err(map)?;
            rows.collect::<rusqlite::Result<_>>().map_err(map)?
        };
        for (name, _) in &indexes {
            conn.execute_batch(&format!("DROP INDEX \"{}\"", name.replace('"', "\"\"")))
                .map_err(map)?;
        }
        let indexes = indexes.into_iter().map(|(_, sql)| sql).collect();
        Ok(Bulk { conn, path, dir: dir.to_path_buf(), indexes })
    }

    /// The statements to write rows with; drop them before [`Bulk::finish`].
    pub fn writer(&self) -> Result<Writer<'_>, StoreError> {
        let map = |e| StoreError::sqlite(&self.path, e);
        Ok(Writer {
            resident: self.conn.prepare(residents::INSERT).map_err(map)?,
            booking: self.conn.prepare(bookings::INSERT).map_err(map)?,
            event: self.conn.prepare(INSERT_EVENT).map_err(map)?,
            path: &self.path,
        })
    }

    /// Commits, switches to WAL with `synchronous = FULL` as the store runs, and reopens the
    /// result as a [`Store`] (which checks it).
    pub fn finish(self) -> Result<Store, StoreError> {
        let map = |e| StoreError::sqlite(&self.path, e);
        for sql in &self.indexes {
            self.conn.execute_batch(sql).map_err(map)?;
        }
        self.conn.execute_batch("COMMIT").map_err(map)?;
        let mode: String =
            self.conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0)).map_err(map)?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(StoreError::CannotOpen {
                path: self.path.clone(),
                detail: format!("cannot switch to WAL mode (got {mode})"),
            });
        }
        self.conn.execute_batch("PRAGMA synchronous = FULL").map_err(map)?;
        self.conn.close().map_err(|(_, e)| StoreError::sqlite(&self.path, e))?;
        std::fs::File::open(&self.path).and_then(|f| f.sync_all()).map_err(|e| {
            StoreError::CannotOpen { path: self.path.clone(), detail: e.to_string() }
        })?;
        Store::open(&self.dir)
    }
}

impl Writer<'_> {
    fn err(&self, e: rusqlite::Error) -> StoreError {
        StoreError::sqlite(self.path, e)
    }

    /// A resident row as `residents::insert` writes it (the record as it is at the end).
    pub fn resident(&mut self, r: &Resident) -> Result<(), StoreError> {
        self.resident.execute(residents::row(r)).map(drop).map_err(|e| self.err(e))
    }

    /// A booking row as `bookings::insert` writes it (the record as it is at the end: a
    /// booking cancelled later is written cancelled).
    pub fn booking(&mut self, b: &Booking) -> Result<(), StoreError> {
        self.booking.execute(bookings::row(b)).map(drop).map_err(|e| self.err(e))
    }

    /// An audit event as `events::append` writes it, with the given id (a ULID).
    pub fn event<T: Serialize>(
        &mut self,
        id: ulid::Ulid,
        at: NaiveDateTime,
        terminal: &str,
        kind: EventKind,
        subject: &str,
        data: &T,
    ) -> Result<(), StoreError> {
        let data = serde_json::to_value(data)
            .map_err(|e| self.err(rusqlite::Error::ToSqlConversionFailure(Box::new(e))))?;
        self.event
            .execute(params![
                id.to_string(),
                timefmt::format(timefmt::whole_seconds(at)),
                terminal,
                kind.id(),
                subject,
                data.to_string(),
            ])
            .map(drop)
            .map_err(|e| self.err(e))
    }

    /// `resident_added`: the row (final state) and the event (the record as first added).
    pub fn resident_added(
        &mut self,
        event_id: ulid::Ulid,
        terminal: &str,
        added: &Resident,
        now: &Resident,
    ) -> Result<(), StoreError> {
        self.resident(now)?;
        self.event(event_id, added.created_at, terminal, EventKind::ResidentAdded, &added.id, added)
    }

    /// `resident_updated`: the event only (the row was written in its final state).
    pub fn resident_updated(
        &mut self,
        event_id: ulid::Ulid,
        terminal: &str,
        r: &Resident,
    ) -> Result<(), StoreError> {
        self.event(event_id, r.updated_at, terminal, EventKind::ResidentUpdated, &r.id, r)
    }

    /// `booked`: the row (final state) and the event (the booking as made).
    pub fn booked(
        &mut self,
        event_id: ulid::Ulid,
        made: &Booking,
        now: &Booking,
    ) -> Result<(), StoreError> {
        self.booking(now)?;
        self.event(event_id, made.created_at, &made.terminal, EventKind::Booked, &made.id, made)
    }

    /// `cancelled`: the event only (the row was written in its final state).
    pub fn cancelled(
        &mut self,
        event_id: ulid::Ulid,
        terminal: &str,
        booking_id: &str,
        change: &CancelData,
    ) -> Result<(), StoreError> {
        self.event(
            event_id,
            change.cancelled_at,
            terminal,
            EventKind::Cancelled,
            booking_id,
            change,
        )
    }
}
