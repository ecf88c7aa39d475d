//! The database schema and its migrations, keyed on SQLite's `user_version`.
//!
//! Migration `i` (0-based) takes the schema from version `i` to `i + 1`. A database newer than
//! `VERSION` is refused before anything is written, and so is an SQLite file that some other
//! program made (its `application_id` is not ours, or it has tables but no version).

use std::path::Path;

use rusqlite::{Connection, Transaction, TransactionBehavior};

use super::error::StoreError;

/// Marks the file as a sango database ("SANG").
pub const APPLICATION_ID: i64 = 0x5341_4E47;
/// The schema version this program writes.
pub const VERSION: i64 = MIGRATIONS.len() as i64;

const MIGRATIONS: &[&str] = &[V1, V2, V3, V4, V5, V6, V7];

const V1: &str = r#"
CREATE TABLE residents (
    id          TEXT PRIMARY KEY NOT NULL,
    birth       TEXT NOT NULL,
    due         TEXT,
    corrected   INTEGER NOT NULL CHECK (corrected IN (0, 1)),
    babies      INTEGER NOT NULL CHECK (babies >= 1),
    exempt      INTEGER NOT NULL CHECK (exempt IN (0, 1)),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) STRICT;

CREATE TABLE bookings (
    id            TEXT PRIMARY KEY NOT NULL,
    resident      TEXT NOT NULL REFERENCES residents(id),
    facility      TEXT NOT NULL,
    care          TEXT NOT NULL CHECK (care IN ('stay', 'day', 'visit')),
    first_day     TEXT NOT NULL,
    last_day      TEXT NOT NULL,
    nights        INTEGER,
    days          INTEGER,
    units         INTEGER NOT NULL CHECK (units >= 1),
    fee_yen       INTEGER NOT NULL CHECK (fee_yen >= 0),
    status        TEXT NOT NULL CHECK (status IN ('booked', 'cancelled', 'cancelled_late')),
    units_charged INTEGER NOT NULL DEFAULT 0 CHECK (units_charged >= 0),
    terminal      TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    cancelled_at  TEXT
) STRICT;
CREATE INDEX bookings_by_resident ON bookings (resident, care, status);
CREATE INDEX bookings_by_first_day ON bookings (first_day);

CREATE TABLE events (
    seq          INTEGER PRIMARY KEY AUTOINCREMENT,
    id           TEXT NOT NULL UNIQUE,
    at           TEXT NOT NULL,
    terminal     TEXT NOT NULL,
    kind         TEXT NOT NULL
                 CHECK (kind IN ('resident_added', 'resident_updated', 'booked', 'cancelled')),
    subject      TEXT NOT NULL,
    data         TEXT NOT NULL,
    imported_at  TEXT,
    imported_by  TEXT
) STRICT;
CREATE INDEX events_by_subject ON events (subject, seq);

CREATE TRIGGER events_are_append_only_u BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only (監査記録は変更できません)'); END;
CREATE TRIGGER events_are_append_only_d BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only (監査記録は削除できません)'); END;
CREATE TRIGGER bookings_are_never_deleted BEFORE DELETE ON bookings
BEGIN SELECT RAISE(ABORT, 'bookings are never deleted (予約は削除できません)'); END;
CREATE TRIGGER residents_are_never_deleted BEFORE DELETE ON residents
BEGIN SELECT RAISE(ABORT, 'residents are never deleted (利用者は削除できません)'); END;
CREATE TRIGGER booking_facts_are_fixed
BEFORE UPDATE OF id, resident, facility, care, first_day, last_day, nights, days, units, fee_yen,
                 terminal, created_at ON bookings
BEGIN SELECT RAISE(ABORT, 'a booking''s facts cannot change (予約内容は変更できません)'); END;
CREATE TRIGGER only_booked_can_be_cancelled
BEFORE UPDATE OF status ON bookings WHEN OLD.status <> 'booked'
BEGIN SELECT RAISE(ABORT, 'the booking is already cancelled (取消済み)'); END;
CREATE TRIGGER resident_id_is_fixed BEFORE UPDATE OF id, created_at ON residents
BEGIN SELECT RAISE(ABORT, 'a resident''s number cannot change (利用者番号は変更できません)'); END;
"#;

/// Version 2: the audit trail tells the truth about time and names the store's kind.
/// - Every event records `recorded_at`, the machine's clock when it was written, beside `at`,
///   the moment of the business action; events written before version 2 have `NULL` (the
///   moment was not kept). The events table is rebuilt for it, and its kinds are checked by the
///   program rather than by a `CHECK` (new kinds — a PIN lockout, a repair — must not need a
///   rebuild of a million rows each time).
/// - The bookings table is rebuilt too: a booking keeps when it and its cancellation were
///   recorded, for the "entered late" (後日記録) mark; it gets a short code to read over the
///   phone (予約番号, unique; bookings made before have none); a booking nobody came to is
///   `no_show` (無断キャンセル); and its fee may change, by a `fee_changed` event only (an
///   active booking's fee follows the mother's record: twins, an exemption).
/// - `store_meta` names the store's kind (live or practice, fixed once written) and gives it an
///   id, so that a damage check's result kept beside the file belongs to this store only.
const V2: &str = r#"
DROP TRIGGER events_are_append_only_u;
DROP TRIGGER events_are_append_only_d;
DROP INDEX events_by_subject;
ALTER TABLE events RENAME TO events_v1;
CREATE TABLE events (
    seq          INTEGER PRIMARY KEY AUTOINCREMENT,
    id           TEXT NOT NULL UNIQUE,
    at           TEXT NOT NULL,
    recorded_at  TEXT,
    terminal     TEXT NOT NULL,
    kind         TEXT NOT NULL CHECK (length(kind) BETWEEN 1 AND 64),
    subject      TEXT NOT NULL,
    data         TEXT NOT NULL,
    imported_at  TEXT,
    imported_by  TEXT
) STRICT;
INSERT INTO events (seq, id, at, recorded_at, terminal, kind, subject, data, imported_at,
                    imported_by)
    SELECT seq, id, at, NULL, terminal, kind, subject, data, imported_at, imported_by
    FROM events_v1 ORDER BY seq;
DROP TABLE events_v1;
CREATE INDEX events_by_subject ON events (subject, seq);
CREATE TRIGGER events_are_append_only_u BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only (監査記録は変更できません)'); END;
CREATE TRIGGER events_are_append_only_d BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only (監査記録は削除できません)'); END;

DROP TRIGGER bookings_are_never_deleted;
DROP TRIGGER booking_facts_are_fixed;
DROP TRIGGER only_booked_can_be_cancelled;
DROP INDEX bookings_by_resident;
DROP INDEX bookings_by_first_day;
ALTER TABLE bookings RENAME TO bookings_v1;
CREATE TABLE bookings (
    id                  TEXT PRIMARY KEY NOT NULL,
    resident            TEXT NOT NULL REFERENCES residents(id),
    facility            TEXT NOT NULL,
    care                TEXT NOT NULL CHECK (care IN ('stay', 'day', 'visit')),
    first_day           TEXT NOT NULL,
    last_day            TEXT NOT NULL,
    nights              INTEGER,
    days                INTEGER,
    units               INTEGER NOT NULL CHECK (units >= 1),
    fee_yen             INTEGER NOT NULL CHECK (fee_yen >= 0),
    status              TEXT NOT NULL
                        CHECK (status IN ('booked', 'cancelled', 'cancelled_late', 'no_show')),
    units_charged       INTEGER NOT NULL DEFAULT 0 CHECK (units_charged >= 0),
    terminal            TEXT NOT NULL,
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    cancelled_at        TEXT,
    recorded_at         TEXT,
    cancel_recorded_at  TEXT,
    code                TEXT
) STRICT;
INSERT INTO bookings (id, resident, facility, care, first_day, last_day, nights, days, units,
                      fee_yen, status, units_charged, terminal, created_at, updated_at,
                      cancelled_at)
    SELECT id, resident, facility, care, first_day, last_day, nights, days, units, fee_yen,
           status, units_charged, terminal, created_at, updated_at, cancelled_at
    FROM bookings_v1 ORDER BY rowid;
DROP TABLE bookings_v1;
CREATE INDEX bookings_by_resident ON bookings (resident, care, status);
CREATE INDEX bookings_by_first_day ON bookings (first_day);
CREATE UNIQUE INDEX bookings_by_code ON bookings (code);
CREATE TRIGGER bookings_are_never_deleted BEFORE DELETE ON bookings
BEGIN SELECT RAISE(ABORT, 'bookings are never deleted (予約は削除できません)'); END;
CREATE TRIGGER booking_facts_are_fixed
BEFORE UPDATE OF id, resident, facility, care, first_day, last_day, nights, days, units,
                 terminal, created_at, recorded_at, code ON bookings
BEGIN SELECT RAISE(ABORT, 'a booking''s facts cannot change (予約内容は変更できません)'); END;
CREATE TRIGGER only_booked_can_be_cancelled
BEFORE UPDATE OF status ON bookings WHEN OLD.status <> 'booked'
BEGIN SELECT RAISE(ABORT, 'the booking is already cancelled (取消済み)'); END;

CREATE TABLE store_meta (
    key    TEXT PRIMARY KEY NOT NULL,
    value  TEXT NOT NULL
) STRICT;
CREATE TRIGGER store_meta_is_fixed_u BEFORE UPDATE ON store_meta
BEGIN SELECT RAISE(ABORT, 'the store''s kind and id cannot change (変更できません)'); END;
CREATE TRIGGER store_meta_is_fixed_d BEFORE DELETE ON store_meta
BEGIN SELECT RAISE(ABORT, 'the store''s kind and id cannot change (変更できません)'); END;
"#;

/// Version 3: an index on a booking's units (the days it occupies), so that the bookings of a
/// day are found among those that start at most the longest booking's length before it
/// (`bookings --date`), read in O(log n) as `MAX(units)`, instead of among a year of them.
const V3: &str = r#"
CREATE INDEX bookings_by_units ON bookings (units);
"#;

/// Who may use a ward's server (`sango serve`): enrolled terminals, kept by the hash of their
/// token, and staff members, by the hash of their password. Neither is ever deleted: a
/// terminal is revoked, and its name stays in the audit trail's terminal column.
const V4: &str = r#"
CREATE TABLE terminals (
    name         TEXT PRIMARY KEY,
    role         TEXT NOT NULL CHECK (role IN ('staff', 'kiosk')),
    token_hash   TEXT NOT NULL UNIQUE,
    enrolled_at  TEXT NOT NULL,
    revoked_at   TEXT
) STRICT;
CREATE TABLE staff (
    id             TEXT PRIMARY KEY,
    password_hash  TEXT NOT NULL,
    added_at       TEXT NOT NULL
) STRICT;
CREATE TRIGGER terminals_are_never_deleted BEFORE DELETE ON terminals
BEGIN SELECT RAISE(ABORT, 'terminals are revoked, never deleted (端末は削除できません)'); END;
CREATE TRIGGER terminals_stay_revoked BEFORE UPDATE ON terminals
WHEN OLD.revoked_at IS NOT NULL OR NEW.name IS NOT OLD.name OR NEW.role IS NOT OLD.role
  OR NEW.token_hash IS NOT OLD.token_hash OR NEW.enrolled_at IS NOT OLD.enrolled_at
BEGIN SELECT RAISE(ABORT, 'a terminal is only ever revoked (端末は失効のみ)'); END;
CREATE TRIGGER staff_are_never_deleted BEFORE DELETE ON staff
BEGIN SELECT RAISE(ABORT, 'staff are never deleted (職員は削除できません)'); END;
"#;

/// Version 5: the commands a server applied once each (`sango serve`: a booking or a
/// cancellation sent with a client-chosen command id). Written in the same transaction as the
/// change it made, with the answer it gave, so a command sent again (its reply was lost) is
/// answered the same and never applied twice. Append-only.
const V5: &str = r#"
CREATE TABLE commands (
    command_id  TEXT PRIMARY KEY NOT NULL,
    terminal    TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('book', 'cancel')),
    result      TEXT NOT NULL,
    applied_at  TEXT NOT NULL
) STRICT;
CREATE TRIGGER commands_are_append_only_u BEFORE UPDATE ON commands
BEGIN SELECT RAISE(ABORT, 'applied commands are append-only (変更できません)'); END;
CREATE TRIGGER commands_are_append_only_d BEFORE DELETE ON commands
BEGIN SELECT RAISE(ABORT, 'applied commands are append-only (削除できません)'); END;
"#;

/// Version 6: a server applies registering and editing a resident and recording a no-show once
/// each too. The table is rebuilt (SQLite cannot change a `CHECK`) to check only the kind's
/// length, as the events' kinds since version 2: the program checks which kinds there are, so
/// a new kind of command needs no rebuild.
const V6: &str = r#"
DROP TRIGGER commands_are_append_only_u;
DROP TRIGGER commands_are_append_only_d;
ALTER TABLE commands RENAME TO commands_v5;
CREATE TABLE commands (
    command_id  TEXT PRIMARY KEY NOT NULL,
    terminal    TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (length(kind) BETWEEN 1 AND 32),
    result      TEXT NOT NULL,
    applied_at  TEXT NOT NULL
) STRICT;
INSERT INTO commands (command_id, terminal, kind, result, applied_at)
    SELECT command_id, terminal, kind, result, applied_at FROM commands_v5 ORDER BY rowid;
DROP TABLE commands_v5;
CREATE TRIGGER commands_are_append_only_u BEFORE UPDATE ON commands
BEGIN SELECT RAISE(ABORT, 'applied commands are append-only (変更できません)'); END;
CREATE TRIGGER commands_are_append_only_d BEFORE DELETE ON commands
BEGIN SELECT RAISE(ABORT, 'applied commands are append-only (削除できません)'); END;
"#;

/// Version 7: a server's staff sign-ins (by the hash of their token) and its failure counts
/// and lockouts (staff sign-ins, kiosk identifications), kept so that both survive a restart
/// of the server. Times in milliseconds of the Unix epoch. Rows come and go: neither is an
/// audit record.
const V7: &str = r#"
CREATE TABLE signins (
    token_hash    TEXT PRIMARY KEY NOT NULL,
    terminal      TEXT NOT NULL,
    staff         TEXT NOT NULL,
    last_used_ms  INTEGER NOT NULL
) STRICT;
CREATE TABLE lockouts (
    key              TEXT PRIMARY KEY NOT NULL,
    failures         INTEGER NOT NULL CHECK (failures >= 1),
    since_ms         INTEGER NOT NULL,
    locked_until_ms  INTEGER
) STRICT;
"#;

/// What the file says about itself, read without writing anything.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Header {
    pub application_id: i64,
    pub user_version: i64,
    pub objects: i64,
}

/// Reads the header fields in one statement (one snapshot: another process may be migrating
/// the file at the same moment); a file that is not a database fails here.
pub fn header(conn: &Connection, path: &Path) -> Result<Header, StoreError> {
    conn.query_row(
        "SELECT (SELECT application_id FROM pragma_application_id),
                (SELECT user_version FROM pragma_user_version),
                (SELECT count(*) FROM sqlite_schema)",
        [],
        |r| Ok(Header { application_id: r.get(0)?, user_version: r.get(1)?, objects: r.get(2)? }),
    )
    .map_err(|e| StoreError::sqlite(path, e))
}

/// Refuses files this program must not touch: newer versions and other programs' databases.
pub fn check_header(h: Header, path: &Path) -> Result<(), StoreError> {
    if h.application_id != 0 && h.application_id != APPLICATION_ID {
        return Err(StoreError::NotSango { path: path.to_path_buf() });
    }
    if h.user_version > VERSION {
        return Err(StoreError::NewerSchema {
            path: path.to_path_buf(),
            found: h.user_version,
            known: VERSION,
        });
    }
    if h.application_id == 0 && (h.user_version != 0 || h.objects != 0) {
        return Err(StoreError::NotSango { path: path.to_path_buf() });
    }
    if h.user_version < 0 {
        return Err(StoreError::NotSango { path: path.to_path_buf() });
    }
    Ok(())
}

/// Brings the schema up to `VERSION` in one IMMEDIATE transaction (several processes may open
/// a new database at once: the version is read again under the write lock).
pub fn migrate(conn: &Connection, path: &Path) -> Result<(), StoreError> {
    let map = |e| StoreError::sqlite(path, e);
    if header(conn, path)?.user_version == VERSION {
        return Ok(());
    }
    let tx = Transaction::new_unchecked(conn, TransactionBehavior::Immediate).map_err(map)?;
    let h = header(&tx, path)?;
    check_header(h, path)?;
    for (from, sql) in MIGRATIONS.iter().enumerate().skip(h.user_version as usize) {
        tx.execute_batch(sql).map_err(map)?;
        tx.pragma_update(None, "user_version", from as i64 + 1).map_err(map)?;
    }
    tx.pragma_update(None, "application_id", APPLICATION_ID).map_err(map)?;
    tx.commit().map_err(map)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_database_is_migrated_once() {
        let conn = Connection::open_in_memory().unwrap();
        let p = Path::new(":memory:");
        migrate(&conn, p).unwrap();
        let h = header(&conn, p).unwrap();
        assert_eq!(h.user_version, VERSION);
        assert_eq!(h.application_id, APPLICATION_ID);
        migrate(&conn, p).unwrap();
    }

    #[test]
    fn newer_and_foreign_databases_are_refused() {
        let p = Path::new("x.db");
        let h = Header { application_id: APPLICATION_ID, user_version: VERSION + 1, objects: 9 };
        assert!(matches!(check_header(h, p), Err(StoreError::NewerSchema { .. })));
        let h = Header { application_id: 0, user_version: 0, objects: 3 };
        assert!(matches!(check_header(h, p), Err(StoreError::NotSango { .. })));
        let h = Header { application_id: 7, user_version: 1, objects: 3 };
        assert!(matches!(check_header(h, p), Err(StoreError::NotSango { .. })));
        let h = Header { application_id: 0, user_version: 0, objects: 0 };
        assert!(check_header(h, p).is_ok());
    }

    #[test]
    fn events_cannot_be_changed_and_bookings_cannot_be_deleted() {
        let conn = Connection::open_in_memory().unwrap();
        migrate(&conn, Path::new(":memory:")).unwrap();
        conn.execute(
            "INSERT INTO events (id, at, terminal, kind, subject, data)
             VALUES ('e', 't', 'x', 'booked', 'b', '{}')",
            [],
        )
        .unwrap();
        assert!(conn.execute("DELETE FROM events", []).is_err());
        assert!(conn.execute("UPDATE events SET data = '[]'", []).is_err());
    }

    #[test]
    fn a_version_1_store_keeps_its_rows_and_events_and_becomes_a_live_store() {
        let conn = Connection::open_in_memory().unwrap();
        let p = Path::new(":memory:");
        conn.execute_batch(V1).unwrap();
        conn.pragma_update(None, "user_version", 1).unwrap();
        conn.pragma_update(None, "application_id", APPLICATION_ID).unwrap();
        conn.execute_batch(
            "INSERT INTO residents VALUES ('R1', '2026-01-01', NULL, 0, 1, 0,
                 '2026-01-05T09:00:00+09:00', '2026-01-05T09:00:00+09:00');
             INSERT INTO bookings (id, resident, facility, care, first_day, last_day, nights,
                 days, units, fee_yen, status, units_charged, terminal, created_at, updated_at)
             VALUES ('B1', 'R1', 'f', 'day', '2026-01-10', '2026-01-10', NULL, 1, 1, 2500,
                 'booked', 0, 't', '2026-01-05T09:00:00+09:00', '2026-01-05T09:00:00+09:00');
             INSERT INTO events (id, at, terminal, kind, subject, data)
             VALUES ('E1', '2026-01-05T09:00:00+09:00', 't', 'resident_added', 'R1', '{}'),
                    ('E2', '2026-01-05T09:00:00+09:00', 't', 'booked', 'B1', '{}');",
        )
        .unwrap();
        migrate(&conn, p).unwrap();
        assert_eq!(header(&conn, p).unwrap().user_version, VERSION);
        let rows: Vec<(i64, String, Option<String>)> = conn
            .prepare("SELECT seq, id, recorded_at FROM events ORDER BY seq")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(rows, vec![(1, "E1".to_string(), None), (2, "E2".to_string(), None)]);
        let recorded: Option<String> =
            conn.query_row("SELECT recorded_at FROM bookings", [], |r| r.get(0)).unwrap();
        assert_eq!(recorded, None);
        // Still append-only and fixed after the rebuild.
        assert!(conn.execute("DELETE FROM events", []).is_err());
        assert!(conn.execute("UPDATE events SET data = '[]'", []).is_err());
        assert!(conn.execute("UPDATE bookings SET recorded_at = 'x'", []).is_err());
        // A store with residents from before the kind was kept is a live store.
        use crate::store::StoreKind;
        use crate::store::meta::settle;
        let db = crate::store::db::Db::sqlite(conn);
        assert!(matches!(
            settle(&db, p, StoreKind::Practice),
            Err(StoreError::WrongKind { found: "live", .. })
        ));
        let id = settle(&db, p, StoreKind::Live).unwrap();
        assert_eq!(id.len(), 26);
        assert_eq!(settle(&db, p, StoreKind::Live).unwrap(), id, "the id is kept");
        let conn = db.as_sqlite().unwrap();
        assert!(conn.execute("UPDATE store_meta SET value = 'practice'", []).is_err());
        assert!(conn.execute("DELETE FROM store_meta", []).is_err());
    }
}
