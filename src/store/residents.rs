//! Residents (利用者): the mother's record the rules need, keyed by her user number (利用者番号).

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use super::db::{Db, DbResult, Row, Value};
use super::error::StoreError;
use super::events::{self, EventKind};
use super::moment::Moment;
use super::{Store, timefmt};
use crate::domain::booking::Mother;
use crate::domain::user_number;

/// The most babies a record may carry (子の人数).
pub const MAX_BABIES: u32 = 10;
/// The longest user number (利用者番号) accepted.
pub const MAX_ID_LEN: usize = 32;

/// A resident's record as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Resident {
    /// 利用者番号.
    pub id: String,
    /// The baby's birth date.
    pub birth: NaiveDate,
    /// The due date (出産予定日), needed for 修正月齢.
    pub due: Option<NaiveDate>,
    /// 修正月齢: count eligibility periods from the due date when it is later than the birth.
    pub corrected: bool,
    /// Number of babies (子の人数); twins are 2.
    pub babies: u32,
    /// 住民税非課税世帯 / 生活保護世帯: fees are waived.
    pub exempt: bool,
    #[serde(with = "timefmt")]
    pub created_at: NaiveDateTime,
    #[serde(with = "timefmt")]
    pub updated_at: NaiveDateTime,
}

impl Resident {
    /// What the booking rules need to know about her.
    pub fn mother(&self) -> Mother {
        Mother {
            birth: self.birth,
            due: self.due,
            corrected: self.corrected,
            babies: self.babies,
            exempt: self.exempt,
        }
    }

    /// The editable fields, for `update_resident`.
    pub fn input(&self) -> ResidentInput {
        ResidentInput {
            id: self.id.clone(),
            birth: self.birth,
            due: self.due,
            corrected: self.corrected,
            babies: self.babies,
            exempt: self.exempt,
        }
    }

    /// True when the facts (not the times) are the same.
    pub fn same_facts(&self, other: &Resident) -> bool {
        self.input() == other.input()
    }

    pub(crate) fn from_row(r: &Row<'_>) -> DbResult<Resident> {
        Ok(Resident {
            id: r.get("id")?,
            birth: super::get_date(r, "birth")?,
            due: super::get_opt_date(r, "due")?,
            corrected: r.get("corrected")?,
            babies: r.get("babies")?,
            exempt: r.get("exempt")?,
            created_at: super::get_time(r, "created_at")?,
            updated_at: super::get_time(r, "updated_at")?,
        })
    }

    /// Checks a record (from the user or from an import file).
    pub fn validate(&self) -> Result<(), StoreError> {
        self.input().validate()
    }
}

/// What a person types to register or edit a resident.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResidentInput {
    pub id: String,
    pub birth: NaiveDate,
    pub due: Option<NaiveDate>,
    pub corrected: bool,
    pub babies: u32,
    pub exempt: bool,
}

impl ResidentInput {
    /// A new record with one baby, no due date, no flags.
    pub fn new(id: &str, birth: NaiveDate) -> ResidentInput {
        ResidentInput {
            id: id.to_string(),
            birth,
            due: None,
            corrected: false,
            babies: 1,
            exempt: false,
        }
    }

    /// The same input with its user number in the normal form (`r-0001`, `Ｒ－０００１` →
    /// `R-0001`).
    pub fn normalized(&self) -> ResidentInput {
        ResidentInput { id: user_number::normalize(&self.id), ..self.clone() }
    }

    pub fn validate(&self) -> Result<(), StoreError> {
        validate_id(&self.id)?;
        if self.babies == 0 || self.babies > MAX_BABIES {
            return Err(StoreError::Invalid {
                field: "babies (子の人数)",
                reason: format!("{} is not between 1 and {MAX_BABIES}", self.babies),
            });
        }
        if self.corrected && self.due.is_none() {
            return Err(StoreError::Invalid {
                field: "corrected (修正月齢)",
                reason: "counting from the due date needs a due date (出産予定日, --due)".into(),
            });
        }
        Ok(())
    }
}

/// A user number (利用者番号) is 1–32 ASCII capital letters, digits, `-` or `_`: the normal
/// form of [`user_number::normalize`].
pub fn validate_id(id: &str) -> Result<(), StoreError> {
    let ok = !id.is_empty()
        && id.len() <= MAX_ID_LEN
        && id
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'-' || b == b'_');
    if ok {
        Ok(())
    } else {
        Err(StoreError::Invalid {
            field: "resident id (利用者番号)",
            reason: format!(
                "'{}' must be 1 to {MAX_ID_LEN} ASCII letters, digits, '-' or '_' (letters are \
                 taken in capitals)",
                id.escape_debug()
            ),
        })
    }
}

/// Every resident, by user number (lists and exports).
pub(crate) const ALL: &str =
    "SELECT id, birth, due, corrected, babies, exempt, created_at, updated_at
     FROM residents ORDER BY id";

pub(crate) const INSERT: &str = "INSERT INTO residents
    (id, birth, due, corrected, babies, exempt, created_at, updated_at)
    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";

/// A resident's values for [`INSERT`], in its column order (shared with the bulk loader).
pub(crate) fn row(r: &Resident) -> [Value<'_>; 8] {
    [
        Value::Text(&r.id),
        Value::Owned(r.birth.to_string()),
        r.due.map_or(Value::Null, |d| Value::Owned(d.to_string())),
        Value::Int(i64::from(r.corrected)),
        Value::Int(i64::from(r.babies)),
        Value::Int(i64::from(r.exempt)),
        Value::Owned(timefmt::format(r.created_at)),
        Value::Owned(timefmt::format(r.updated_at)),
    ]
}

pub(crate) fn insert(conn: &Db, r: &Resident) -> DbResult<()> {
    let values = row(r);
    let params: Vec<&dyn super::db::ToParam> =
        values.iter().map(|v| v as &dyn super::db::ToParam).collect();
    conn.execute(INSERT, &params)?;
    Ok(())
}

/// Writes a resident's changeable fields (`update_resident`, and an import bringing a newer
/// version).
pub(crate) fn update_row(conn: &Db, r: &Resident) -> DbResult<()> {
    conn.execute(
        "UPDATE residents SET birth = ?2, due = ?3, corrected = ?4, babies = ?5, exempt = ?6,
         updated_at = ?7 WHERE id = ?1",
        crate::params![
            r.id,
            r.birth.to_string(),
            r.due.map(|d| d.to_string()),
            r.corrected,
            r.babies,
            r.exempt,
            timefmt::format(r.updated_at)
        ],
    )?;
    Ok(())
}

const BY_ID: &str = "SELECT id, birth, due, corrected, babies, exempt, created_at, updated_at
     FROM residents WHERE id = ?1";

pub(crate) fn get(conn: &Db, id: &str) -> DbResult<Option<Resident>> {
    conn.query_opt(BY_ID, crate::params![id], Resident::from_row)
}

/// A resident's row, locked until the transaction ends where the engine locks rows
/// (PostgreSQL): two terminals booking or editing the same mother take turns, and different
/// mothers do not wait for each other.
pub(crate) fn get_locked(conn: &Db, id: &str) -> DbResult<Option<Resident>> {
    match conn.engine() {
        super::db::Engine::Sqlite => get(conn, id),
        super::db::Engine::Postgres => conn.query_opt(
            "SELECT id, birth, due, corrected, babies, exempt, created_at, updated_at
             FROM residents WHERE id = ?1 FOR UPDATE",
            crate::params![id],
            Resident::from_row,
        ),
    }
}

impl Store {
    /// Registers a resident; refuses a user number that is already registered.
    pub fn add_resident(
        &self,
        input: &ResidentInput,
        at: NaiveDateTime,
        terminal: &str,
    ) -> Result<Resident, StoreError> {
        events::validate_terminal(terminal)?;
        let when = self.moment(at)?;
        let tx = self.write()?;
        let r = self.add_resident_in(&tx, input, when, terminal)?;
        tx.commit().map_err(|e| self.resident_exists(e, &r.id))?;
        Ok(r)
    }

    /// Registers a resident as [`Store::add_resident`] once per `command_id` (see
    /// [`super::commands`]): the answer is `{"resident": ...}`.
    pub fn add_resident_once(
        &self,
        input: &ResidentInput,
        at: NaiveDateTime,
        terminal: &str,
        command_id: &str,
    ) -> Result<super::commands::Applied, StoreError> {
        use super::commands::CommandKind;
        self.apply_once(command_id, CommandKind::AddResident, at, terminal, |tx, when| {
            let r = self.add_resident_in(tx, input, when, terminal)?;
            Ok(serde_json::json!({ "resident": r }))
        })
    }

    /// A registration inside the caller's write transaction: the row and its event.
    fn add_resident_in(
        &self,
        tx: &Db,
        input: &ResidentInput,
        when: Moment,
        terminal: &str,
    ) -> Result<Resident, StoreError> {
        let input = input.normalized();
        input.validate()?;
        if get(tx, &input.id).map_err(|e| self.err(e))?.is_some() {
            return Err(StoreError::ResidentExists(input.id));
        }
        let r = Resident {
            id: input.id,
            birth: input.birth,
            due: input.due,
            corrected: input.corrected,
            babies: input.babies,
            exempt: input.exempt,
            created_at: when.at,
            updated_at: when.at,
        };
        insert(tx, &r).map_err(|e| self.resident_exists(e, &r.id))?;
        events::append(tx, when, terminal, EventKind::ResidentAdded, &r.id, &r)
            .map_err(|e| self.err(e))?;
        Ok(r)
    }

    /// A unique violation on a resident's number: another terminal registered the same
    /// number at the same moment.
    fn resident_exists(&self, e: super::db::DbError, id: &str) -> StoreError {
        if e.is_unique_violation() {
            StoreError::ResidentExists(id.to_string())
        } else {
            self.err(e)
        }
    }

    /// One resident, if registered (the user number as typed: it is normalised first).
    pub fn resident(&self, id: &str) -> Result<Option<Resident>, StoreError> {
        get(&self.conn, &user_number::normalize(id)).map_err(|e| self.err(e))
    }

    /// Every resident, by user number.
    pub fn residents(&self) -> Result<Vec<Resident>, StoreError> {
        self.conn.query_map(ALL, crate::params![], Resident::from_row).map_err(|e| self.err(e))
    }
}
