//! The store's kind (live or practice) and id, kept in `store_meta` on either engine and fixed
//! once written (triggers refuse a change).

use std::path::Path;

use super::db::{Db, Engine};
use super::error::StoreError;
use super::moment::StoreKind;

fn read(conn: &Db, path: &Path, key: &str) -> Result<Option<String>, StoreError> {
    conn.query_opt("SELECT value FROM store_meta WHERE key = ?1", crate::params![key], |r| r.get(0))
        .map_err(|e| StoreError::db(path, e))
}

fn kind_of(path: &Path, found: &str) -> Result<StoreKind, StoreError> {
    StoreKind::parse(found).ok_or_else(|| StoreError::Corrupt {
        path: path.to_path_buf(),
        detail: format!("unknown store kind '{}'", found.escape_debug()),
    })
}

fn same_kind(path: &Path, found: StoreKind, kind: StoreKind) -> Result<(), StoreError> {
    if found != kind {
        return Err(StoreError::WrongKind {
            path: path.to_path_buf(),
            found: found.id(),
            expected: kind.id(),
        });
    }
    Ok(())
}

/// Writes the store's kind and id when they are not there yet (a new store, or one made before
/// they were kept, which was live) and refuses a store of the other kind. Returns the id.
pub fn settle(conn: &Db, path: &Path, kind: StoreKind) -> Result<String, StoreError> {
    let map = |e| StoreError::db(path, e);
    if read(conn, path, "kind")?.is_none() || read(conn, path, "store_id")?.is_none() {
        conn.batch(match conn.engine() {
            Engine::Sqlite => "BEGIN IMMEDIATE",
            Engine::Postgres => "BEGIN",
        })
        .map_err(map)?;
        let written = (|| {
            // Stores made before the kind was kept were live ones: only a new store (no
            // residents yet) takes the kind it is opened as.
            let empty: bool = conn.query_row(
                "SELECT NOT EXISTS (SELECT 1 FROM residents)",
                crate::params![],
                |r| r.get(0),
            )?;
            let kind = if empty { kind } else { StoreKind::Live };
            conn.execute(
                "INSERT INTO store_meta (key, value) VALUES ('kind', ?1), ('store_id', ?2)
                 ON CONFLICT DO NOTHING",
                crate::params![kind.id(), ulid::Ulid::new().to_string()],
            )?;
            conn.batch("COMMIT")
        })();
        if written.is_err() {
            let _ = conn.batch("ROLLBACK");
        }
        written.map_err(map)?;
    }
    let found = kind_of(path, &read(conn, path, "kind")?.unwrap_or_default())?;
    same_kind(path, found, kind)?;
    Ok(read(conn, path, "store_id")?.unwrap_or_default())
}

/// The store's id, read without writing (a reading command), after checking its kind.
pub fn read_only(conn: &Db, path: &Path, kind: StoreKind) -> Result<String, StoreError> {
    // A store is given its kind and id when it is first opened to write, which every store
    // of this schema has been; one without them was made live.
    let found = match read(conn, path, "kind")? {
        None => StoreKind::Live,
        Some(k) => kind_of(path, &k)?,
    };
    same_kind(path, found, kind)?;
    Ok(read(conn, path, "store_id")?.unwrap_or_default())
}
