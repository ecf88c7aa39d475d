//! The store's schema on PostgreSQL and its migrations, kept in `sango_schema` (the version)
//! inside the store's own schema (`sango`, or `sango_practice`; see [`super::server`]).
//!
//! The tables hold what SQLite's do, column for column and in the same text forms (dates and
//! moments as ISO text), so the store's SQL is the same on both. What the program promises the
//! database enforces too: events are never changed or deleted, bookings and residents never
//! deleted, a booking's facts and a resident's number never changed, the store's kind and id
//! fixed — by triggers, so that no other client of the database can break them either.
//! Migrations run in one transaction under an advisory lock, so that terminals starting
//! together never run them twice; a schema newer than this program knows is refused.

use std::path::Path;

use super::db::Db;
use super::error::StoreError;
use super::moment::StoreKind;
use super::server::schema_name;

/// The migrations, in order; the version is how many have run.
const MIGRATIONS: &[&str] = &[V1, V2, V3, V4, V5, V6];

/// The schema version this program writes.
pub const VERSION: i64 = MIGRATIONS.len() as i64;

/// Version 1: SQLite's schema 3, in PostgreSQL's words.
const V1: &str = r#"
CREATE TABLE residents (
    id          TEXT PRIMARY KEY,
    birth       TEXT NOT NULL,
    due         TEXT,
    corrected   INTEGER NOT NULL CHECK (corrected IN (0, 1)),
    babies      INTEGER NOT NULL CHECK (babies >= 1),
    exempt      INTEGER NOT NULL CHECK (exempt IN (0, 1)),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);

CREATE TABLE bookings (
    id                  TEXT PRIMARY KEY,
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
);
CREATE INDEX bookings_by_resident ON bookings (resident, care, status);
CREATE INDEX bookings_by_first_day ON bookings (first_day);
CREATE UNIQUE INDEX bookings_by_code ON bookings (code);
CREATE INDEX bookings_by_units ON bookings (units);

CREATE TABLE events (
    seq          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id           TEXT NOT NULL UNIQUE,
    at           TEXT NOT NULL,
    recorded_at  TEXT,
    terminal     TEXT NOT NULL,
    kind         TEXT NOT NULL CHECK (length(kind) BETWEEN 1 AND 64),
    subject      TEXT NOT NULL,
    data         TEXT NOT NULL,
    imported_at  TEXT,
    imported_by  TEXT
);
CREATE INDEX events_by_subject ON events (subject, seq);

CREATE TABLE store_meta (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
);

-- One function raises each refusal: the message is the trigger's argument.
CREATE FUNCTION sango_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '%', TG_ARGV[0] USING ERRCODE = 'check_violation';
END
$$;

CREATE TRIGGER events_are_append_only BEFORE UPDATE OR DELETE ON events
FOR EACH ROW EXECUTE FUNCTION sango_refuse('events are append-only (監査記録は変更・削除できません)');
CREATE TRIGGER events_are_never_truncated BEFORE TRUNCATE ON events
FOR EACH STATEMENT EXECUTE FUNCTION sango_refuse('events are append-only (監査記録は削除できません)');
CREATE TRIGGER bookings_are_never_deleted BEFORE DELETE ON bookings
FOR EACH ROW EXECUTE FUNCTION sango_refuse('bookings are never deleted (予約は削除できません)');
CREATE TRIGGER bookings_are_never_truncated BEFORE TRUNCATE ON bookings
FOR EACH STATEMENT EXECUTE FUNCTION sango_refuse('bookings are never deleted (予約は削除できません)');
CREATE TRIGGER residents_are_never_deleted BEFORE DELETE ON residents
FOR EACH ROW EXECUTE FUNCTION sango_refuse('residents are never deleted (利用者は削除できません)');
CREATE TRIGGER residents_are_never_truncated BEFORE TRUNCATE ON residents
FOR EACH STATEMENT EXECUTE FUNCTION sango_refuse('residents are never deleted (利用者は削除できません)');
CREATE TRIGGER booking_facts_are_fixed
BEFORE UPDATE OF id, resident, facility, care, first_day, last_day, nights, days, units,
                 terminal, created_at, recorded_at, code ON bookings
FOR EACH ROW EXECUTE FUNCTION sango_refuse('a booking''s facts cannot change (予約内容は変更できません)');
CREATE TRIGGER only_booked_can_be_cancelled
BEFORE UPDATE OF status ON bookings FOR EACH ROW WHEN (OLD.status <> 'booked')
EXECUTE FUNCTION sango_refuse('the booking is already cancelled (取消済み)');
CREATE TRIGGER resident_id_is_fixed BEFORE UPDATE OF id, created_at ON residents
FOR EACH ROW EXECUTE FUNCTION sango_refuse('a resident''s number cannot change (利用者番号は変更できません)');
CREATE TRIGGER store_meta_is_fixed BEFORE UPDATE OR DELETE ON store_meta
FOR EACH ROW EXECUTE FUNCTION sango_refuse('the store''s kind and id cannot change (変更できません)');
"#;

/// Version 2: text compares and sorts by its bytes, as on SQLite, whatever the database's
/// collation (on a server made with `en_US.UTF-8` or ICU, `R_1` came before `RA` and `R-1`, so
/// lists and exports were in another order than on SQLite). The triggers that name a column are
/// made again around the change, as they were.
const V2: &str = r#"
DROP TRIGGER booking_facts_are_fixed ON bookings;
DROP TRIGGER only_booked_can_be_cancelled ON bookings;
DROP TRIGGER resident_id_is_fixed ON residents;

ALTER TABLE residents
    ALTER COLUMN id TYPE TEXT COLLATE "C",
    ALTER COLUMN birth TYPE TEXT COLLATE "C",
    ALTER COLUMN due TYPE TEXT COLLATE "C",
    ALTER COLUMN created_at TYPE TEXT COLLATE "C",
    ALTER COLUMN updated_at TYPE TEXT COLLATE "C";
ALTER TABLE bookings
    ALTER COLUMN id TYPE TEXT COLLATE "C",
    ALTER COLUMN resident TYPE TEXT COLLATE "C",
    ALTER COLUMN facility TYPE TEXT COLLATE "C",
    ALTER COLUMN care TYPE TEXT COLLATE "C",
    ALTER COLUMN first_day TYPE TEXT COLLATE "C",
    ALTER COLUMN last_day TYPE TEXT COLLATE "C",
    ALTER COLUMN status TYPE TEXT COLLATE "C",
    ALTER COLUMN terminal TYPE TEXT COLLATE "C",
    ALTER COLUMN created_at TYPE TEXT COLLATE "C",
    ALTER COLUMN updated_at TYPE TEXT COLLATE "C",
    ALTER COLUMN cancelled_at TYPE TEXT COLLATE "C",
    ALTER COLUMN recorded_at TYPE TEXT COLLATE "C",
    ALTER COLUMN cancel_recorded_at TYPE TEXT COLLATE "C",
    ALTER COLUMN code TYPE TEXT COLLATE "C";
ALTER TABLE events
    ALTER COLUMN id TYPE TEXT COLLATE "C",
    ALTER COLUMN at TYPE TEXT COLLATE "C",
    ALTER COLUMN recorded_at TYPE TEXT COLLATE "C",
    ALTER COLUMN terminal TYPE TEXT COLLATE "C",
    ALTER COLUMN kind TYPE TEXT COLLATE "C",
    ALTER COLUMN subject TYPE TEXT COLLATE "C",
    ALTER COLUMN data TYPE TEXT COLLATE "C",
    ALTER COLUMN imported_at TYPE TEXT COLLATE "C",
    ALTER COLUMN imported_by TYPE TEXT COLLATE "C";
ALTER TABLE store_meta
    ALTER COLUMN key TYPE TEXT COLLATE "C",
    ALTER COLUMN value TYPE TEXT COLLATE "C";

CREATE TRIGGER booking_facts_are_fixed
BEFORE UPDATE OF id, resident, facility, care, first_day, last_day, nights, days, units,
                 terminal, created_at, recorded_at, code ON bookings
FOR EACH ROW EXECUTE FUNCTION sango_refuse('a booking''s facts cannot change (予約内容は変更できません)');
CREATE TRIGGER only_booked_can_be_cancelled
BEFORE UPDATE OF status ON bookings FOR EACH ROW WHEN (OLD.status <> 'booked')
EXECUTE FUNCTION sango_refuse('the booking is already cancelled (取消済み)');
CREATE TRIGGER resident_id_is_fixed BEFORE UPDATE OF id, created_at ON residents
FOR EACH ROW EXECUTE FUNCTION sango_refuse('a resident''s number cannot change (利用者番号は変更できません)');
"#;

/// Version 3: who may use a ward's server, as SQLite's schema 4 (text by its bytes, as
/// since version 2).
const V3: &str = r#"
CREATE TABLE terminals (
    name         TEXT COLLATE "C" PRIMARY KEY,
    role         TEXT COLLATE "C" NOT NULL CHECK (role IN ('staff', 'kiosk')),
    token_hash   TEXT COLLATE "C" NOT NULL UNIQUE,
    enrolled_at  TEXT COLLATE "C" NOT NULL,
    revoked_at   TEXT COLLATE "C"
);
CREATE TABLE staff (
    id             TEXT COLLATE "C" PRIMARY KEY,
    password_hash  TEXT COLLATE "C" NOT NULL,
    added_at       TEXT COLLATE "C" NOT NULL
);
CREATE TRIGGER terminals_are_never_deleted BEFORE DELETE OR TRUNCATE ON terminals
FOR EACH STATEMENT EXECUTE FUNCTION sango_refuse('terminals are revoked, never deleted (端末は削除できません)');
CREATE TRIGGER terminals_stay_revoked BEFORE UPDATE ON terminals
FOR EACH ROW WHEN (OLD.revoked_at IS NOT NULL OR NEW.name IS DISTINCT FROM OLD.name
  OR NEW.role IS DISTINCT FROM OLD.role OR NEW.token_hash IS DISTINCT FROM OLD.token_hash
  OR NEW.enrolled_at IS DISTINCT FROM OLD.enrolled_at)
EXECUTE FUNCTION sango_refuse('a terminal is only ever revoked (端末は失効のみ)');
CREATE TRIGGER staff_are_never_deleted BEFORE DELETE OR TRUNCATE ON staff
FOR EACH STATEMENT EXECUTE FUNCTION sango_refuse('staff are never deleted (職員は削除できません)');
"#;

/// Version 4: the commands a server applied once each, as SQLite's schema 5 (text by its
/// bytes; append-only).
const V4: &str = r#"
CREATE TABLE commands (
    command_id  TEXT COLLATE "C" PRIMARY KEY,
    terminal    TEXT COLLATE "C" NOT NULL,
    kind        TEXT COLLATE "C" NOT NULL CHECK (kind IN ('book', 'cancel')),
    result      TEXT COLLATE "C" NOT NULL,
    applied_at  TEXT COLLATE "C" NOT NULL
);
CREATE TRIGGER commands_are_append_only BEFORE UPDATE OR DELETE ON commands
FOR EACH ROW EXECUTE FUNCTION sango_refuse('applied commands are append-only (変更できません)');
CREATE TRIGGER commands_are_never_truncated BEFORE TRUNCATE ON commands
FOR EACH STATEMENT EXECUTE FUNCTION sango_refuse('applied commands are append-only (削除できません)');
"#;

/// Version 5: commands of more kinds (a resident registered or edited, a no-show), as
/// SQLite's schema 6: the kind's check is its length only; the program checks which kinds
/// there are.
const V5: &str = r#"
ALTER TABLE commands DROP CONSTRAINT commands_kind_check;
ALTER TABLE commands ADD CONSTRAINT commands_kind_check CHECK (length(kind) BETWEEN 1 AND 32);
"#;

/// Version 6: a server's sign-ins and lockouts, as SQLite's schema 7.
const V6: &str = r#"
CREATE TABLE signins (
    token_hash    TEXT COLLATE "C" PRIMARY KEY,
    terminal      TEXT COLLATE "C" NOT NULL,
    staff         TEXT COLLATE "C" NOT NULL,
    last_used_ms  BIGINT NOT NULL
);
CREATE TABLE lockouts (
    key              TEXT COLLATE "C" PRIMARY KEY,
    failures         BIGINT NOT NULL CHECK (failures >= 1),
    since_ms         BIGINT NOT NULL,
    locked_until_ms  BIGINT
);
"#;

/// Points the session at the store's schema (which may not exist yet).
fn use_schema(conn: &Db, path: &Path, kind: StoreKind) -> Result<(), StoreError> {
    conn.batch(&format!("SET search_path TO {}", schema_name(kind)))
        .map_err(|e| StoreError::db(path, e))
}

/// The store's schema version; `None` when the database has no store of this kind yet. A
/// schema holding other tables but not sango's is refused.
pub fn version(conn: &Db, path: &Path, kind: StoreKind) -> Result<Option<i64>, StoreError> {
    use_schema(conn, path, kind)?;
    let map = |e| StoreError::db(path, e);
    // One look at the catalog (information_schema's views cost a new connection several
    // milliseconds of catalog loading): how many tables the schema holds, and whether the
    // version table is one of them.
    let (tables, has_version): (i64, Option<bool>) = conn
        .query_row(
            "SELECT count(*), bool_or(c.relname = 'sango_schema')
             FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = ?1 AND c.relkind IN ('r', 'p')",
            crate::params![schema_name(kind)],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .map_err(map)?;
    if tables == 0 {
        return Ok(None);
    }
    let has_version = has_version.unwrap_or(false);
    if !has_version {
        return Err(StoreError::NotSango { path: path.to_path_buf() });
    }
    let v: i64 = conn
        .query_row("SELECT version FROM sango_schema", crate::params![], |r| r.get(0))
        .map_err(map)?;
    if v > VERSION {
        return Err(StoreError::NewerSchema { path: path.to_path_buf(), found: v, known: VERSION });
    }
    Ok(Some(v))
}

/// Brings the store's schema up to [`VERSION`], creating it on first use, in one transaction
/// that holds an advisory lock (terminals starting at once take turns).
pub fn migrate(conn: &Db, path: &Path, kind: StoreKind) -> Result<(), StoreError> {
    migrate_to(conn, path, kind, VERSION)
}

/// Brings the schema up to version `to` (an older store, for the tests of each migration).
fn migrate_to(conn: &Db, path: &Path, kind: StoreKind, to: i64) -> Result<(), StoreError> {
    if version(conn, path, kind)? == Some(to) {
        return Ok(());
    }
    let map = |e| StoreError::db(path, e);
    conn.batch("BEGIN").map_err(map)?;
    let done = (|| -> Result<(), StoreError> {
        conn.query_row(
            "SELECT pg_advisory_xact_lock(hashtext(?1))::text",
            crate::params![format!("sango migrate {}", schema_name(kind))],
            |_| Ok(()),
        )
        .map_err(map)?;
        conn.batch(&format!("CREATE SCHEMA IF NOT EXISTS {}", schema_name(kind))).map_err(map)?;
        // Read again under the lock: another terminal may have just migrated.
        let from = version(conn, path, kind)?.unwrap_or(0);
        if from == 0 {
            conn.batch("CREATE TABLE sango_schema (version INTEGER NOT NULL)").map_err(map)?;
            conn.batch("INSERT INTO sango_schema VALUES (0)").map_err(map)?;
        }
        for (i, sql) in MIGRATIONS.iter().enumerate().take(to as usize).skip(from as usize) {
            conn.batch(sql).map_err(map)?;
            conn.execute("UPDATE sango_schema SET version = ?1", crate::params![i as i64 + 1])
                .map_err(map)?;
        }
        conn.batch("COMMIT").map_err(map)
    })();
    if done.is_err() {
        let _ = conn.batch("ROLLBACK");
    }
    done
}

/// Writes the store's kind and id on first use; see [`super::meta::settle`].
pub fn settle_meta(conn: &Db, path: &Path, kind: StoreKind) -> Result<String, StoreError> {
    super::meta::settle(conn, path, kind)
}

/// The store's id, read without writing.
pub fn read_meta(conn: &Db, path: &Path, kind: StoreKind) -> Result<String, StoreError> {
    super::meta::read_only(conn, path, kind)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A database of this test's own on the project's server (`SANGO_TEST_PG`), dropped after.
    struct Scratch {
        admin: postgres::Client,
        name: String,
    }

    impl Scratch {
        fn new() -> (Scratch, Db) {
            let server = std::env::var("SANGO_TEST_PG")
                .ok()
                .filter(|s| !s.is_empty())
                .unwrap_or_else(|| "postgres://postgres@127.0.0.1:5432".into());
            let mut admin =
                postgres::Client::connect(&format!("{server}/postgres"), postgres::NoTls)
                    .unwrap_or_else(|e| panic!("the PostgreSQL server for tests ({server}): {e}"));
            let name = format!("sango_unit_{}", ulid::Ulid::new().to_string().to_lowercase());
            // An ICU collation that sorts '_' and '-' apart from their bytes, so that a text
            // column without COLLATE "C" would show.
            admin
                .batch_execute(&format!(
                    "CREATE DATABASE {name} TEMPLATE template0 LOCALE_PROVIDER icu \
                     ICU_LOCALE 'en-US' LOCALE 'C.UTF-8'"
                ))
                .unwrap();
            let client =
                postgres::Client::connect(&format!("{server}/{name}"), postgres::NoTls).unwrap();
            (Scratch { admin, name }, Db::postgres(client))
        }
    }

    impl Drop for Scratch {
        fn drop(&mut self) {
            let _ = self
                .admin
                .batch_execute(&format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name));
        }
    }

    #[test]
    fn a_version_1_store_is_brought_up_to_date_with_its_rows_and_their_order() {
        let (_db, conn) = Scratch::new();
        let path = Path::new("scratch");
        let kind = StoreKind::Practice;
        migrate_to(&conn, path, kind, 1).unwrap();
        assert_eq!(version(&conn, path, kind).unwrap(), Some(1));
        for id in ["R_1", "RA", "R-1", "R10", "R1", "R-10"] {
            conn.execute(
                "INSERT INTO residents VALUES (?1, '2026-01-01', NULL, 0, 1, 0,
                    '2026-01-05T09:00:00+09:00', '2026-01-05T09:00:00+09:00')",
                crate::params![id],
            )
            .unwrap();
        }
        migrate(&conn, path, kind).unwrap();
        assert_eq!(version(&conn, path, kind).unwrap(), Some(VERSION));
        let ids: Vec<String> = conn
            .query_map("SELECT id FROM residents ORDER BY id", crate::params![], |r| r.get(0))
            .unwrap();
        // Byte order, as SQLite sorts: '-' (0x2D) < '1' < 'A' < '_' (0x5F).
        assert_eq!(ids, ["R-1", "R-10", "R1", "R10", "RA", "R_1"]);
        // The triggers made again around the change still hold.
        let e = conn.execute("UPDATE residents SET id = 'R9' WHERE id = 'R1'", crate::params![]);
        assert!(e.is_err(), "a resident's number cannot change");
        let e = conn.execute("DELETE FROM residents", crate::params![]);
        assert!(e.is_err(), "residents are never deleted");
        // Every later table is there.
        let t = conn
            .query_row("SELECT count(*) FROM terminals", crate::params![], |r| r.get::<i64, _>(0))
            .unwrap();
        assert_eq!(t, 0);
    }
}
