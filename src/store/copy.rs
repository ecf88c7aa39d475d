//! Moving a ward's store to another engine (`sango store copy --to`): from the SQLite file to
//! an empty PostgreSQL database when a ward moves to the server, and back.
//!
//! Every row is copied as it is — residents, bookings, and the audit trail in its order with
//! when and by whom each event was imported — from one snapshot of the source into one
//! transaction on the target, so the target has all of it or none. The target must be empty
//! and of the same kind (live or practice). After the commit, the copy is verified: the same
//! number of each, and the target's invariants hold ([`Store::broken_invariants`]).

use serde::Serialize;

use super::Store;
use super::db::{EachError, Value};
use super::error::StoreError;
use super::residents;
use crate::dataset::Programme;

/// What a copy moved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CopyReport {
    pub residents: u64,
    pub bookings: u64,
    pub events: u64,
}

const EVENTS: &str = "SELECT id, at, recorded_at, terminal, kind, subject, data, imported_at,
    imported_by FROM events ORDER BY seq";
const INSERT_EVENT: &str = "INSERT INTO events
    (id, at, recorded_at, terminal, kind, subject, data, imported_at, imported_by)
    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";

impl Store {
    /// How many residents, bookings and events the store holds.
    pub fn counts(&self) -> Result<CopyReport, StoreError> {
        let count = |table: &str| -> Result<u64, StoreError> {
            let n: i64 = self
                .conn
                .query_row(&format!("SELECT count(*) FROM {table}"), crate::params![], |r| r.get(0))
                .map_err(|e| self.err(e))?;
            Ok(u64::try_from(n).unwrap_or(0))
        };
        Ok(CopyReport {
            residents: count("residents")?,
            bookings: count("bookings")?,
            events: count("events")?,
        })
    }

    /// Copies everything of this store into `target`, which must be empty and of the same
    /// kind, then verifies the copy against `programme`'s limits.
    pub fn copy_to(&self, target: &Store, programme: &Programme) -> Result<CopyReport, StoreError> {
        if self.kind != target.kind {
            return Err(StoreError::WrongKind {
                path: target.path.clone(),
                found: target.kind.id(),
                expected: self.kind.id(),
            });
        }
        let there = target.counts()?;
        if there.residents + there.bookings + there.events > 0 {
            return Err(StoreError::Invalid {
                field: "--to",
                reason: format!(
                    "{} already holds {} residents, {} bookings and {} events: a copy goes only \
                     into an empty store (空のデータベースにのみ複写できます)",
                    target.path.display(),
                    there.residents,
                    there.bookings,
                    there.events
                ),
            });
        }
        let source = self.read()?;
        let tx = target.write()?;
        let wrote = |e| EachError::Stopped(target.err(e));
        let read = |e: EachError<StoreError>| match e {
            EachError::Db(e) => self.err(e),
            EachError::Stopped(e) => e,
        };
        source
            .query_each(residents::ALL, crate::params![], |r| {
                let res = residents::Resident::from_row(r)?;
                residents::insert(&tx, &res).map_err(wrote)
            })
            .map_err(read)?;
        source
            .query_each(super::bookings::ALL, crate::params![], |r| {
                let b = super::bookings::Booking::from_row(r)?;
                super::bookings::insert(&tx, &b).map_err(wrote)
            })
            .map_err(read)?;
        // The audit trail in its order, and who may use a ward's server (hashes only; revoked
        // terminals too), each row as it is.
        for (select, insert, columns) in [
            (EVENTS, INSERT_EVENT, 9),
            (
                "SELECT name, role, token_hash, enrolled_at, revoked_at FROM terminals",
                "INSERT INTO terminals (name, role, token_hash, enrolled_at, revoked_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                5,
            ),
            (
                "SELECT id, password_hash, added_at FROM staff",
                "INSERT INTO staff (id, password_hash, added_at) VALUES (?1, ?2, ?3)",
                3,
            ),
            (
                "SELECT command_id, terminal, kind, result, applied_at FROM commands
                 ORDER BY command_id",
                "INSERT INTO commands (command_id, terminal, kind, result, applied_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                5,
            ),
        ] {
            source
                .query_each(select, crate::params![], |r| {
                    let values: Vec<Value> = (0..columns)
                        .map(|i| {
                            r.get::<Option<String>, _>(i)
                                .map(|v| v.map_or(Value::Null, Value::Owned))
                        })
                        .collect::<Result<_, _>>()?;
                    let params: Vec<&dyn super::db::ToParam> =
                        values.iter().map(|v| v as &dyn super::db::ToParam).collect();
                    tx.execute(insert, &params).map(drop).map_err(wrote)
                })
                .map_err(read)?;
        }
        tx.commit().map_err(|e| target.err(e))?;
        source.commit().map_err(|e| self.err(e))?;

        let (from, to) = (self.counts()?, target.counts()?);
        if from != to {
            return Err(StoreError::Invalid {
                field: "--to",
                reason: format!("the copy holds {to:?}, the source {from:?}"),
            });
        }
        let broken = target.broken_invariants(programme)?;
        if !broken.is_empty() {
            return Err(StoreError::Invalid {
                field: "--to",
                reason: format!("the copy does not hold together: {}", broken.join("; ")),
            });
        }
        Ok(to)
    }
}
