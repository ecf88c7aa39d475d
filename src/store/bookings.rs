//! Bookings (予約): made and cancelled in one IMMEDIATE transaction each, with every rule
//! checked by `domain::booking::plan` against the usage read inside that transaction, so two
//! terminals or processes racing for the last days of a limit cannot both win.
//!
//! The stored status is `booked`, `cancelled` or `cancelled_late`. "Used" (利用済み) is not
//! stored: a booked booking whose last day is before today reads as used through
//! [`Booking::status_at`]. Used bookings cannot be cancelled.

use chrono::{Days, NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use super::commands::{Applied, Command, CommandKind};
use super::db::{Db, DbResult, Row, ToParam, Value};
use super::error::StoreError;
use super::events::{self, CancelData, EventKind, FeeChangeData};
use super::moment::Moment;
use super::residents::{self, Resident};
use super::{Store, moment, timefmt};
use crate::dataset::{Dataset, Programme};
use crate::domain::booking::{self, Plan, Taken};
use crate::domain::booking_code;
use crate::domain::cancel::{CancelOutcome, CancelRule};
use crate::domain::care::{CareType, Length};
use crate::domain::limits::Quota;
use crate::domain::user_number;

/// The longest stay or run of day care the store accepts as input (far above every limit;
/// it only keeps the arithmetic safe).
pub const MAX_LENGTH: u32 = 366;

/// The columns [`Booking::from_row`] reads, in its order.
macro_rules! booking_columns {
    () => {
        "id, resident, facility, care, first_day, last_day, nights, days, units, fee_yen, status, \
         units_charged, terminal, created_at, updated_at, cancelled_at, recorded_at, \
         cancel_recorded_at, code"
    };
}

/// A booking's state.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    strum::IntoStaticStr,
    strum::Display,
    strum::EnumString,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Status {
    /// 予約済み.
    Booked,
    /// 取消 (before 11:00 the day before: no charge).
    Cancelled,
    /// 取消（期限後）: late, the programme's units charged (Kita: 1).
    CancelledLate,
    /// 無断キャンセル: nobody came; the programme's no-show units charged.
    NoShow,
    /// 利用済み: derived on read, never stored.
    Used,
}

impl Status {
    /// The id stored and exported (`booked`, `cancelled_late`, `no_show`...).
    pub fn id(self) -> &'static str {
        self.into()
    }

    /// A status as the store keeps it (`used` is derived on read, never stored).
    fn parse_stored(s: &str) -> Option<Status> {
        s.parse().ok().filter(|x| *x != Status::Used)
    }

    /// Cancelled in time or late, or a no-show: no longer booked, never booked again.
    pub fn is_cancelled(self) -> bool {
        matches!(self, Status::Cancelled | Status::CancelledLate | Status::NoShow)
    }
}

/// A booking as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Booking {
    /// A ULID.
    pub id: String,
    /// The code to read over the phone (予約番号, `K7MX-3RPA`), unique in the store; `None` for
    /// bookings made before schema 2.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// The resident's user number (利用者番号).
    pub resident: String,
    /// The facility's dataset id.
    pub facility: String,
    #[serde(rename = "type")]
    pub care: CareType,
    pub first_day: NaiveDate,
    pub last_day: NaiveDate,
    /// Nights of a stay (宿泊型).
    pub nights: Option<u32>,
    /// Days of day care (日帰り型).
    pub days: Option<u32>,
    /// Units of the limit the booking takes (days or visits).
    pub units: u32,
    /// The fee at booking time (利用料, yen).
    pub fee_yen: u32,
    /// The stored status (never `used`).
    pub status: Status,
    /// Units a late cancellation charged (0 or 1).
    pub units_charged: u32,
    /// The terminal that recorded it.
    pub terminal: String,
    #[serde(with = "timefmt")]
    pub created_at: NaiveDateTime,
    #[serde(with = "timefmt")]
    pub updated_at: NaiveDateTime,
    #[serde(with = "timefmt::option")]
    pub cancelled_at: Option<NaiveDateTime>,
    /// When the booking was written, by the machine's clock (absent before schema 2).
    #[serde(default, with = "timefmt::option", skip_serializing_if = "Option::is_none")]
    pub recorded_at: Option<NaiveDateTime>,
    /// When its cancellation was written, by the machine's clock.
    #[serde(default, with = "timefmt::option", skip_serializing_if = "Option::is_none")]
    pub cancel_recorded_at: Option<NaiveDateTime>,
}

impl Booking {
    /// How long it lasts.
    pub fn length(&self) -> Length {
        match (self.care, self.nights, self.days) {
            (CareType::Stay, Some(n), _) => Length::Nights(n),
            (CareType::Day, _, Some(n)) => Length::Days(n),
            (CareType::Day, _, None) => Length::Days(self.units),
            (CareType::Stay, None, _) => Length::Nights(self.units.saturating_sub(1)),
            (CareType::Visit, _, _) => Length::Visit,
        }
    }

    /// The last moment (exclusive) to cancel without charge, by the programme's rule.
    pub fn cancel_by(&self, rule: &CancelRule) -> NaiveDateTime {
        rule.cancel_by(self.first_day)
    }

    /// The status as of `today`: a booked booking that has ended reads as used.
    pub fn status_at(&self, today: NaiveDate) -> Status {
        if self.status == Status::Booked && self.last_day < today {
            Status::Used
        } else {
            self.status
        }
    }

    /// Units this booking takes from the limit: its units while booked, the charge when
    /// cancelled late, nothing when cancelled in time.
    pub fn units_used(&self) -> u32 {
        match self.status {
            Status::Booked | Status::Used => self.units,
            Status::CancelledLate | Status::NoShow => self.units_charged,
            Status::Cancelled => 0,
        }
    }

    /// The booking was entered late (後日記録): recorded more than 10 minutes after the moment
    /// it says it was made.
    pub fn entered_late(&self) -> bool {
        moment::entered_late(self.created_at, self.recorded_at)
    }

    /// Its cancellation was entered late (後日記録).
    pub fn cancel_entered_late(&self) -> bool {
        self.cancelled_at.is_some_and(|at| moment::entered_late(at, self.cancel_recorded_at))
    }

    /// Checks a record from an import file is one this program could have written.
    pub fn validate(&self) -> Result<(), String> {
        if ulid::Ulid::from_string(&self.id).map(|u| u.to_string() != self.id).unwrap_or(true) {
            return Err(format!("booking id '{}' is not a ULID", self.id.escape_debug()));
        }
        if let Some(c) = &self.code
            && booking_code::parse(c).as_ref() != Some(c)
        {
            return Err(format!(
                "booking {}: '{}' is not a booking code",
                self.id,
                c.escape_debug()
            ));
        }
        residents::validate_id(&self.resident).map_err(|e| e.to_string())?;
        if self.facility.is_empty()
            || self.facility.len() > 64
            || !self.facility.bytes().all(|b| b.is_ascii_graphic())
        {
            return Err(format!("booking {}: invalid facility id", self.id));
        }
        events::validate_terminal(&self.terminal).map_err(|e| e.to_string())?;
        let (nights, days) = match (self.care, self.nights, self.days) {
            (CareType::Stay, Some(n), None) => (Some(n), None),
            (CareType::Day, None, Some(n)) => (None, Some(n)),
            (CareType::Visit, None, None) => (None, None),
            _ => return Err(format!("booking {}: nights/days do not fit {}", self.id, self.care)),
        };
        let length = checked_length(self.care, nights, days).map_err(|e| e.to_string())?;
        let end = self.first_day.checked_add_days(Days::new(u64::from(length.units()) - 1));
        if self.units != length.units() || end != Some(self.last_day) {
            return Err(format!("booking {}: units or last day do not fit its length", self.id));
        }
        let consistent = match self.status {
            Status::Booked => self.units_charged == 0 && self.cancelled_at.is_none(),
            Status::Cancelled => self.units_charged == 0 && self.cancelled_at.is_some(),
            Status::CancelledLate | Status::NoShow => {
                self.units_charged >= 1 && self.cancelled_at.is_some()
            }
            Status::Used => false,
        } && (self.cancel_recorded_at.is_none() || self.cancelled_at.is_some());
        if !consistent {
            return Err(format!("booking {}: inconsistent status {}", self.id, self.status));
        }
        Ok(())
    }

    /// A row of a query that selects [`booking_columns!`], read by position (a lookup by name
    /// per column was a third of an export's time).
    pub(crate) fn from_row(r: &Row<'_>) -> DbResult<Booking> {
        let care: &str = r.get(3)?;
        let status: &str = r.get(10)?;
        Ok(Booking {
            id: r.get(0)?,
            resident: r.get(1)?,
            facility: r.get(2)?,
            care: care.parse().map_err(|_| super::bad_text("care", care))?,
            first_day: super::date_at(r, 4, "first_day")?,
            last_day: super::date_at(r, 5, "last_day")?,
            nights: r.get(6)?,
            days: r.get(7)?,
            units: r.get(8)?,
            fee_yen: r.get(9)?,
            status: Status::parse_stored(status)
                .ok_or_else(|| super::bad_text("status", status))?,
            units_charged: r.get(11)?,
            terminal: r.get(12)?,
            created_at: super::time_at(r, 13, "created_at")?,
            updated_at: super::time_at(r, 14, "updated_at")?,
            cancelled_at: super::opt_time_at(r, 15, "cancelled_at")?,
            recorded_at: super::opt_time_at(r, 16, "recorded_at")?,
            cancel_recorded_at: super::opt_time_at(r, 17, "cancel_recorded_at")?,
            code: r.get(18)?,
        })
    }
}

/// The length a care type takes, checked by the domain's own rule and kept small enough for
/// safe arithmetic.
pub fn checked_length(
    care: CareType,
    nights: Option<u32>,
    days: Option<u32>,
) -> Result<Length, StoreError> {
    for (field, v) in [("nights (泊数)", nights), ("days (日数)", days)] {
        if let Some(n) = v
            && n > MAX_LENGTH
        {
            return Err(StoreError::Invalid {
                field,
                reason: format!("{n} is more than {MAX_LENGTH}"),
            });
        }
    }
    Ok(Length::for_type(care, nights, days)?)
}

/// What a person asks to book.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BookingRequest {
    pub resident: String,
    pub facility: String,
    #[serde(rename = "type")]
    pub care: CareType,
    pub start: NaiveDate,
    pub length: Length,
}

/// An accepted booking with the plan that priced it (fee breakdown, window, remaining units).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Booked {
    pub booking: Booking,
    pub plan: Plan,
}

/// A cancellation's result: what it cost and whom to phone (施設への電話連絡).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cancellation {
    pub booking: Booking,
    pub outcome: CancelOutcome,
    /// The facility's name, when the dataset knows it.
    pub facility_name: Option<String>,
    /// The facility's phone numbers: the cancellation must also be phoned in.
    pub phones: Vec<String>,
}

impl Booked {
    /// The answer a server gives for it (and keeps with its command).
    pub fn answer(&self) -> serde_json::Value {
        serde_json::json!({ "booking": self.booking, "plan": self.plan })
    }
}

impl Cancellation {
    /// The answer a server gives for it (and keeps with its command).
    pub fn answer(&self) -> serde_json::Value {
        serde_json::json!({
            "booking": self.booking,
            "outcome": self.outcome,
            "facility_name": self.facility_name,
            "phones": self.phones,
        })
    }
}

/// Which bookings to list; `None` matches everything.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BookingFilter {
    pub resident: Option<String>,
    /// Bookings that occupy this day (first day ≤ date ≤ last day).
    pub date: Option<NaiveDate>,
    pub facility: Option<String>,
}

/// A mother's use of the limit of each care type the programme offers, in the programme's
/// order. `--json` writes it as an object keyed by type (`{"stay": {...}, "day": {...}}`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuotaReport {
    pub types: Vec<(CareType, Quota)>,
}

impl QuotaReport {
    /// Her quota of `care`; `None` when the programme does not offer it.
    pub fn get(&self, care: CareType) -> Option<Quota> {
        self.types.iter().find(|(c, _)| *c == care).map(|(_, q)| *q)
    }
}

impl Serialize for QuotaReport {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(Some(self.types.len()))?;
        for (care, q) in &self.types {
            m.serialize_entry(care.id(), q)?;
        }
        m.end()
    }
}

/// Units booked and late-cancel charges of one care type, read on `conn` (inside the caller's
/// transaction when it matters).
pub(crate) fn usage(conn: &Db, resident: &str, care: CareType, limit: u32) -> DbResult<Quota> {
    let (booked, late): (i64, i64) = conn.query_row(
        "SELECT COALESCE(SUM(CASE WHEN status = 'booked' THEN units ELSE 0 END), 0),
                COALESCE(SUM(CASE WHEN status IN ('cancelled_late', 'no_show')
                                  THEN units_charged ELSE 0 END), 0)
         FROM bookings WHERE resident = ?1 AND care = ?2",
        crate::params![resident, care.id()],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let clamp = |v: i64| u32::try_from(v.max(0)).unwrap_or(u32::MAX);
    Ok(Quota::new(limit, clamp(booked), clamp(late)))
}

/// The days a resident's active bookings occupy (for the one-booking-a-day rule).
pub(crate) fn taken(conn: &Db, resident: &str) -> DbResult<Vec<Taken>> {
    conn.query_map(
        "SELECT first_day, last_day FROM bookings WHERE resident = ?1 AND status = 'booked'",
        crate::params![resident],
        |r| {
            Ok(Taken {
                first_day: super::get_date(r, "first_day")?,
                last_day: super::get_date(r, "last_day")?,
            })
        },
    )
}

/// Every booking, by first day then creation (lists and exports).
pub(crate) const ALL: &str =
    concat!("SELECT ", booking_columns!(), " FROM bookings ORDER BY first_day, created_at, id");

pub(crate) const INSERT: &str =
    "INSERT INTO bookings (id, resident, facility, care, first_day, last_day, nights, days,
        units, fee_yen, status, units_charged, terminal, created_at, updated_at, cancelled_at,
        recorded_at, cancel_recorded_at, code)
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)";

/// A booking's values for [`INSERT`], in its column order (shared with the bulk loader).
pub(crate) fn row(b: &Booking) -> [Value<'_>; 19] {
    let time =
        |t: Option<NaiveDateTime>| t.map_or(Value::Null, |t| Value::Owned(timefmt::format(t)));
    let int = |n: Option<u32>| n.map_or(Value::Null, |n| Value::Int(i64::from(n)));
    [
        Value::Text(&b.id),
        Value::Text(&b.resident),
        Value::Text(&b.facility),
        Value::Text(b.care.id()),
        Value::Owned(b.first_day.to_string()),
        Value::Owned(b.last_day.to_string()),
        int(b.nights),
        int(b.days),
        Value::Int(i64::from(b.units)),
        Value::Int(i64::from(b.fee_yen)),
        Value::Text(b.status.id()),
        Value::Int(i64::from(b.units_charged)),
        Value::Text(&b.terminal),
        Value::Owned(timefmt::format(b.created_at)),
        Value::Owned(timefmt::format(b.updated_at)),
        time(b.cancelled_at),
        time(b.recorded_at),
        time(b.cancel_recorded_at),
        b.code.as_deref().map_or(Value::Null, Value::Text),
    ]
}

pub(crate) fn insert(conn: &Db, b: &Booking) -> DbResult<()> {
    let values = row(b);
    let params: Vec<&dyn ToParam> = values.iter().map(|v| v as &dyn ToParam).collect();
    conn.execute(INSERT, &params)?;
    Ok(())
}

/// Writes a cancellation's change to the booking row.
pub(crate) fn set_cancelled(conn: &Db, id: &str, c: &CancelData) -> DbResult<()> {
    conn.execute(
        "UPDATE bookings SET status = ?2, units_charged = ?3, cancelled_at = ?4, updated_at = ?5,
         cancel_recorded_at = ?6 WHERE id = ?1",
        crate::params![
            id,
            c.status.id(),
            c.units_charged,
            timefmt::format(c.cancelled_at),
            timefmt::format(c.updated_at),
            c.recorded_at.map(timefmt::format),
        ],
    )?;
    Ok(())
}

/// Writes a booking's changeable state (status, charge, fee and their times) as `b` has it:
/// an import bringing the other terminal's later events.
pub(crate) fn write_state(conn: &Db, b: &Booking) -> DbResult<()> {
    conn.execute(
        "UPDATE bookings SET status = ?2, units_charged = ?3, cancelled_at = ?4, updated_at = ?5,
         cancel_recorded_at = ?6, fee_yen = ?7 WHERE id = ?1",
        crate::params![
            b.id,
            b.status.id(),
            b.units_charged,
            b.cancelled_at.map(timefmt::format),
            timefmt::format(b.updated_at),
            b.cancel_recorded_at.map(timefmt::format),
            b.fee_yen,
        ],
    )?;
    Ok(())
}

/// Writes a fee change to the booking row.
pub(crate) fn set_fee(conn: &Db, id: &str, c: &FeeChangeData) -> DbResult<()> {
    conn.execute(
        "UPDATE bookings SET fee_yen = ?2, updated_at = ?3 WHERE id = ?1",
        crate::params![id, c.fee_yen, timefmt::format(c.updated_at)],
    )?;
    Ok(())
}

pub(crate) fn get(conn: &Db, id: &str) -> DbResult<Option<Booking>> {
    conn.query_opt(
        concat!("SELECT ", booking_columns!(), " FROM bookings WHERE id = ?1"),
        crate::params![id],
        Booking::from_row,
    )
}

/// A booking as typed: its long id (a ULID, any case) or its code (`k7mx-3rpa`).
pub(crate) fn get_by_id_or_code(conn: &Db, typed: &str) -> DbResult<Option<Booking>> {
    let t = typed.trim();
    if let Some(code) = booking_code::parse(t) {
        return conn.query_opt(
            concat!("SELECT ", booking_columns!(), " FROM bookings WHERE code = ?1"),
            crate::params![code],
            Booking::from_row,
        );
    }
    let id = match ulid::Ulid::from_string(t) {
        Ok(u) => u.to_string(),
        Err(_) => t.to_string(),
    };
    get(conn, &id)
}

/// A new code no booking of the store has (random; a clash is tried again).
fn new_code(conn: &Db) -> DbResult<String> {
    loop {
        let n = (ulid::Ulid::new().random() % u128::from(booking_code::SPACE)) as u64;
        let code = booking_code::encode(n);
        let taken: bool = conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM bookings WHERE code = ?1)",
            crate::params![code],
            |r| r.get(0),
        )?;
        if !taken {
            return Ok(code);
        }
    }
}

impl Store {
    /// Books care for a resident after checking every rule against her usage, all in one
    /// IMMEDIATE transaction.
    pub fn book(
        &self,
        dataset: &Dataset,
        req: &BookingRequest,
        at: NaiveDateTime,
        terminal: &str,
    ) -> Result<Booked, StoreError> {
        self.change(at, terminal, |tx, when| self.book_in(tx, dataset, req, when, terminal))
    }

    /// Books as [`Store::book`] once per `command_id` (see [`commands`]): the first call books
    /// and records the answer (`{"booking", "plan"}`) in the same transaction; a later call
    /// with the same id returns that answer and books nothing.
    pub fn book_once(
        &self,
        dataset: &Dataset,
        req: &BookingRequest,
        at: NaiveDateTime,
        terminal: &str,
        command_id: &str,
    ) -> Result<Applied, StoreError> {
        let command = Command::Book { id: command_id.to_string(), req: req.clone(), at };
        self.apply_one(dataset, &command, terminal)
    }

    /// Checks every rule and writes the booking and its event inside the caller's write
    /// transaction.
    pub(crate) fn book_in(
        &self,
        tx: &Db,
        dataset: &Dataset,
        req: &BookingRequest,
        when: Moment,
        terminal: &str,
    ) -> Result<Booked, StoreError> {
        let resident_id = user_number::normalize(&req.resident);
        residents::validate_id(&resident_id)?;
        let (nights, days) = match req.length {
            Length::Nights(n) => (Some(n), None),
            Length::Days(n) => (None, Some(n)),
            Length::Visit => (None, None),
        };
        let length = checked_length(req.care, nights, days)?;
        let facility = dataset
            .facility(&req.facility)
            .ok_or_else(|| StoreError::UnknownFacility(req.facility.clone()))?;
        let terms = dataset.terms(facility, req.care).ok_or(StoreError::NoCareRule(req.care))?;
        let at = when.at;
        // Her row is held until the commit: a second terminal booking for her waits and then
        // sees this booking in her usage.
        let resident: Resident = residents::get_locked(tx, &resident_id)
            .map_err(|e| self.err(e))?
            .ok_or_else(|| StoreError::UnknownResident(resident_id.clone()))?;
        let limit = terms.limit_for(resident.babies);
        let quota = usage(tx, &resident.id, req.care, limit).map_err(|e| self.err(e))?;
        let taken = taken(tx, &resident.id).map_err(|e| self.err(e))?;
        let plan = booking::plan(terms, resident.mother(), req.start, length, quota, &taken, at)?;
        let b = Booking {
            id: ulid::Ulid::new().to_string(),
            code: Some(new_code(tx).map_err(|e| self.err(e))?),
            resident: resident.id.clone(),
            facility: facility.id.clone(),
            care: req.care,
            first_day: plan.first_day,
            last_day: plan.last_day,
            nights,
            days,
            units: plan.units,
            fee_yen: plan.fee.total_yen,
            status: Status::Booked,
            units_charged: 0,
            terminal: terminal.to_string(),
            created_at: at,
            updated_at: at,
            cancelled_at: None,
            recorded_at: Some(when.recorded_at),
            cancel_recorded_at: None,
        };
        insert(tx, &b).map_err(|e| self.err(e))?;
        events::append(tx, when, terminal, EventKind::Booked, &b.id, &b)
            .map_err(|e| self.err(e))?;
        Ok(Booked { booking: b, plan })
    }

    /// Checks a booking by every rule [`Store::book`] applies, without keeping anything: the
    /// `pending` bookings (a terminal's provisional ones, not yet decided by its server) are
    /// counted first (each that no longer fits is left out), then `req` is planned, and the
    /// transaction is rolled back. The answer is the booking as it would be made (its id and
    /// code are not real). Only her own pending bookings can change what the rules say of hers
    /// (limits and days are a mother's), so only those are counted: a terminal with thousands
    /// of provisional bookings waiting checks the next one as fast as the first.
    pub fn check_provisional(
        &self,
        dataset: &Dataset,
        pending: &[(BookingRequest, NaiveDateTime)],
        req: &BookingRequest,
        at: NaiveDateTime,
        terminal: &str,
    ) -> Result<Booked, StoreError> {
        events::validate_terminal(terminal)?;
        let tx = self.write()?;
        let hers = user_number::normalize(&req.resident);
        for (p, p_at) in pending.iter().filter(|(p, _)| user_number::normalize(&p.resident) == hers)
        {
            let when = Moment { at: *p_at, recorded_at: *p_at };
            let _ = self.book_in(&tx, dataset, p, when, terminal);
        }
        let when = self.moment(at)?;
        let out = self.book_in(&tx, dataset, req, when, terminal);
        drop(tx);
        out
    }

    /// Cancels a booking at Japan time `at`: late (1 unit charged) at or after 11:00 the day
    /// before its first day. A booking already cancelled or already used is refused.
    pub fn cancel(
        &self,
        dataset: &Dataset,
        booking_id: &str,
        at: NaiveDateTime,
        terminal: &str,
    ) -> Result<Cancellation, StoreError> {
        self.change(at, terminal, |tx, when| {
            self.cancel_found_in(tx, dataset, booking_id, when, terminal)
        })
    }

    /// Cancels as [`Store::cancel`] once per `command_id` (see [`commands`]); the answer
    /// recorded is `{"booking", "outcome", "facility_name", "phones"}`.
    pub fn cancel_once(
        &self,
        dataset: &Dataset,
        booking_id: &str,
        at: NaiveDateTime,
        terminal: &str,
        command_id: &str,
    ) -> Result<Applied, StoreError> {
        let command =
            Command::Cancel { id: command_id.to_string(), booking: booking_id.to_string(), at };
        self.apply_one(dataset, &command, terminal)
    }

    /// Cancels the booking of id or code `booking_id` inside the caller's write transaction.
    pub(crate) fn cancel_found_in(
        &self,
        tx: &Db,
        dataset: &Dataset,
        booking_id: &str,
        when: Moment,
        terminal: &str,
    ) -> Result<Cancellation, StoreError> {
        let b = get_by_id_or_code(tx, booking_id)
            .map_err(|e| self.err(e))?
            .ok_or_else(|| StoreError::UnknownBooking(booking_id.to_string()))?;
        self.cancel_in(tx, dataset, b, when, terminal)
    }

    /// Cancels `b` inside the caller's write transaction (`cancel`, and a resident's edit that
    /// the clerk answers with "cancel").
    pub(crate) fn cancel_in(
        &self,
        tx: &Db,
        dataset: &Dataset,
        mut b: Booking,
        when: Moment,
        terminal: &str,
    ) -> Result<Cancellation, StoreError> {
        let at = when.at;
        if b.status.is_cancelled() {
            return Err(StoreError::AlreadyCancelled { id: b.id, status: b.status });
        }
        if at < b.created_at {
            return Err(StoreError::CancelBeforeBooking { id: b.id, created_at: b.created_at, at });
        }
        if b.status_at(at.date()) == Status::Used {
            return Err(StoreError::AlreadyUsed { id: b.id, last_day: b.last_day });
        }
        let outcome = dataset.programme.cancellation.rule().outcome(b.first_day, b.units, at);
        let change = CancelData {
            status: if outcome.late { Status::CancelledLate } else { Status::Cancelled },
            units_charged: outcome.units_charged,
            cancelled_at: at,
            updated_at: at,
            recorded_at: Some(when.recorded_at),
        };
        set_cancelled(tx, &b.id, &change).map_err(|e| self.err(e))?;
        events::append(tx, when, terminal, EventKind::Cancelled, &b.id, &change)
            .map_err(|e| self.err(e))?;
        b.status = change.status;
        b.units_charged = change.units_charged;
        b.cancelled_at = Some(at);
        b.updated_at = at;
        b.cancel_recorded_at = change.recorded_at;
        let facility = dataset.facility(&b.facility);
        Ok(Cancellation {
            outcome,
            facility_name: facility.map(|f| f.name.to_string()),
            phones: facility.map(|f| f.phones.clone()).unwrap_or_default(),
            booking: b,
        })
    }

    /// Records that nobody came to a booking (無断キャンセル): from its first day on, a booking
    /// still booked becomes `no_show`, consuming the programme's no-show units (Kita: as a late
    /// cancellation, 1 unit).
    pub fn no_show(
        &self,
        dataset: &Dataset,
        booking_id: &str,
        at: NaiveDateTime,
        terminal: &str,
    ) -> Result<Booking, StoreError> {
        self.change(at, terminal, |tx, when| {
            self.no_show_in(tx, dataset, booking_id, when, terminal)
        })
    }

    /// Records a no-show as [`Store::no_show`] once per `command_id` (see [`commands`]); the
    /// answer is `answer(booking)`, what the caller shows for it.
    pub fn no_show_once(
        &self,
        dataset: &Dataset,
        booking_id: &str,
        at: NaiveDateTime,
        terminal: &str,
        command_id: &str,
        answer: impl FnOnce(&Booking) -> serde_json::Value,
    ) -> Result<Applied, StoreError> {
        self.apply_once(command_id, CommandKind::NoShow, at, terminal, |tx, when| {
            Ok(answer(&self.no_show_in(tx, dataset, booking_id, when, terminal)?))
        })
    }

    /// The no-show inside the caller's write transaction.
    fn no_show_in(
        &self,
        tx: &Db,
        dataset: &Dataset,
        booking_id: &str,
        when: Moment,
        terminal: &str,
    ) -> Result<Booking, StoreError> {
        let at = when.at;
        let mut b = get_by_id_or_code(tx, booking_id)
            .map_err(|e| self.err(e))?
            .ok_or_else(|| StoreError::UnknownBooking(booking_id.to_string()))?;
        if b.status.is_cancelled() {
            return Err(StoreError::AlreadyCancelled { id: b.id, status: b.status });
        }
        if at.date() < b.first_day {
            return Err(StoreError::NoShowTooEarly { id: b.id, first_day: b.first_day });
        }
        let rule = dataset.programme.cancellation.rule();
        let change = CancelData {
            status: Status::NoShow,
            units_charged: rule.no_show_charge(b.units),
            cancelled_at: at,
            updated_at: at,
            recorded_at: Some(when.recorded_at),
        };
        set_cancelled(tx, &b.id, &change).map_err(|e| self.err(e))?;
        events::append(tx, when, terminal, EventKind::NoShow, &b.id, &change)
            .map_err(|e| self.err(e))?;
        b.status = change.status;
        b.units_charged = change.units_charged;
        b.cancelled_at = Some(at);
        b.updated_at = at;
        b.cancel_recorded_at = change.recorded_at;
        Ok(b)
    }

    /// One booking by its long id (any case) or its code (予約番号).
    pub fn booking(&self, id_or_code: &str) -> Result<Option<Booking>, StoreError> {
        get_by_id_or_code(&self.conn, id_or_code).map_err(|e| self.err(e))
    }

    /// A resident's use of every care type's limit (booked units plus late-cancel charges).
    /// Only the programme's limits are needed, so callers that have not read the facilities
    /// (the `quota` command) need not.
    pub fn quota(&self, programme: &Programme, resident: &str) -> Result<QuotaReport, StoreError> {
        let resident = &user_number::normalize(resident);
        let tx = self.read()?;
        let Some(r) = residents::get(&tx, resident).map_err(|e| self.err(e))? else {
            return Err(StoreError::UnknownResident(resident.to_string()));
        };
        let types = programme
            .care_types
            .iter()
            .map(|rule| {
                let limit = rule.limit_for(r.babies);
                let q = usage(&tx, resident, rule.id, limit).map_err(|e| self.err(e))?;
                Ok((rule.id, q))
            })
            .collect::<Result<Vec<_>, StoreError>>()?;
        Ok(QuotaReport { types })
    }

    /// The bookings whose first day is from `first` to `last`, summed by facility, care type
    /// and stored status (booked ones read as booked: the report counts used and booked
    /// alike), for the monthly report.
    pub fn month_items(
        &self,
        first: NaiveDate,
        last: NaiveDate,
    ) -> Result<Vec<crate::report::ReportItem>, StoreError> {
        use crate::report::{ItemStatus, ReportItem};
        let clamp = |v: i64| u32::try_from(v.max(0)).unwrap_or(u32::MAX);
        self.conn
            .query_map(
                "SELECT facility, care, status, MIN(first_day) AS first_day, COUNT(*),
                        SUM(units), SUM(fee_yen), SUM(units_charged)
                 FROM bookings WHERE first_day >= ?1 AND first_day <= ?2
                 GROUP BY facility, care, status",
                crate::params![first.to_string(), last.to_string()],
                |r| {
                    let care: &str = r.get(1)?;
                    let status: &str = r.get(2)?;
                    Ok(ReportItem {
                        facility_id: r.get(0)?,
                        care: care.parse().map_err(|_| super::bad_text("care", care))?,
                        first_day: super::get_date(r, "first_day")?,
                        bookings: clamp(r.get(4)?),
                        units: clamp(r.get(5)?),
                        fee_yen: u64::try_from(r.get::<i64, _>(6)?.max(0)).unwrap_or(0),
                        status: match Status::parse_stored(status) {
                            Some(Status::Booked | Status::Used) => ItemStatus::Booked,
                            Some(Status::Cancelled) => ItemStatus::Cancelled,
                            // The facility is owed for a no-show as for a late cancellation.
                            Some(Status::CancelledLate | Status::NoShow) => {
                                ItemStatus::CancelledLate
                            }
                            None => return Err(super::bad_text("status", status)),
                        },
                        units_charged: clamp(r.get(7)?),
                    })
                },
            )
            .map_err(|e| self.err(e))
    }

    /// Calls `each` with every booking, by first day then creation, as they are read (an
    /// export streams them: memory does not grow with the store). Stops at `each`'s error.
    pub fn each_booking<E: From<StoreError>>(
        &self,
        mut each: impl FnMut(Booking) -> Result<(), E>,
    ) -> Result<(), E> {
        use super::db::EachError;
        self.conn
            .query_each(ALL, crate::params![], |r| {
                each(Booking::from_row(r)?).map_err(EachError::Stopped)
            })
            .map_err(|e| match e {
                EachError::Db(e) => E::from(self.err(e)),
                EachError::Stopped(e) => e,
            })
    }

    /// Bookings matching the filter, by first day then creation.
    pub fn bookings(&self, filter: &BookingFilter) -> Result<Vec<Booking>, StoreError> {
        // Only the filters given go into the SQL: an `(?1 IS NULL OR resident = ?1)` form keeps
        // SQLite from using an index and scans every booking (1.5 s at a million, BENCHMARKS.md).
        let date = filter.date.map(|d| d.to_string());
        // A booking occupies `units` days from its first day (a stay of N nights: N + 1), so
        // its first day is at most the longest booking's units - 1 days before a day it
        // occupies. Bounded below, the index on first days reads the few days before the date
        // instead of every booking before it. MAX(units) is one step down its index; it is at
        // most MAX_LENGTH + 1, the longest the store accepts.
        let longest = match filter.date {
            None => 0,
            Some(_) => self
                .conn
                .query_row("SELECT COALESCE(MAX(units), 1) FROM bookings", crate::params![], |r| {
                    r.get::<i64, _>(0)
                })
                .map_err(|e| self.err(e))?,
        };
        let back = u64::try_from(longest.saturating_sub(1)).unwrap_or(0);
        let earliest = filter
            .date
            .map(|d| d.checked_sub_days(Days::new(back)).unwrap_or(NaiveDate::MIN).to_string());
        let resident = filter.resident.as_deref().map(user_number::normalize);
        let mut clauses: Vec<&str> = Vec::new();
        let mut values: Vec<&dyn ToParam> = Vec::new();
        if let Some(r) = &resident {
            clauses.push("resident = ?");
            values.push(r);
        }
        if let (Some(d), Some(earliest)) = (&date, &earliest) {
            clauses.push("first_day >= ? AND first_day <= ? AND last_day >= ?");
            values.push(earliest);
            values.push(d);
            values.push(d);
        }
        if let Some(f) = &filter.facility {
            clauses.push("facility = ?");
            values.push(f);
        }
        let sql = format!(
            "SELECT {} FROM bookings{}{} ORDER BY first_day, created_at, id",
            booking_columns!(),
            if clauses.is_empty() { "" } else { " WHERE " },
            clauses.join(" AND ")
        );
        self.conn.query_map(&sql, &values, Booking::from_row).map_err(|e| self.err(e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::ResidentInput;

    #[test]
    fn a_day_finds_the_longest_booking_the_store_accepts_and_no_other() {
        let store = Store::open_in_memory().unwrap();
        let at = crate::domain::jst::parse_moment("2026-01-01T10:00").unwrap();
        let d = |s: &str| crate::domain::jst::parse_date(s).unwrap();
        let birth = d("2026-01-01");
        store.add_resident(&ResidentInput::new("R1", birth), at, "t").unwrap();
        // A stay of MAX_LENGTH nights (no rule of the flyer allows one; the store's input does).
        let first = d("2026-01-02");
        let last = first.checked_add_days(Days::new(u64::from(MAX_LENGTH))).unwrap();
        let b = Booking {
            id: ulid::Ulid::new().to_string(),
            code: None,
            resident: "R1".into(),
            facility: "f".into(),
            care: CareType::Stay,
            first_day: first,
            last_day: last,
            nights: Some(MAX_LENGTH),
            days: None,
            units: MAX_LENGTH + 1,
            fee_yen: 0,
            status: Status::Booked,
            units_charged: 0,
            terminal: "t".into(),
            created_at: at,
            updated_at: at,
            cancelled_at: None,
            recorded_at: None,
            cancel_recorded_at: None,
        };
        insert(&store.conn, &b).unwrap();
        let on = |day: NaiveDate| {
            store.bookings(&BookingFilter { date: Some(day), ..Default::default() }).unwrap().len()
        };
        assert_eq!(on(first), 1);
        assert_eq!(on(last), 1, "found on its last day, MAX_LENGTH days after its first");
        assert_eq!(on(last.succ_opt().unwrap()), 0);
        assert_eq!(on(first.pred_opt().unwrap()), 0);

        // With short bookings only, the bound is theirs: a 4-night stay is found on each of
        // its 5 days (and a 1-day one beside it on its day).
        let store = Store::open_in_memory().unwrap();
        store.add_resident(&ResidentInput::new("R1", birth), at, "t").unwrap();
        let stay = Booking {
            first_day: first,
            last_day: first.checked_add_days(Days::new(4)).unwrap(),
            nights: Some(4),
            units: 5,
            ..b.clone()
        };
        insert(&store.conn, &stay).unwrap();
        let day = Booking {
            id: ulid::Ulid::new().to_string(),
            care: CareType::Day,
            first_day: d("2026-01-04"),
            last_day: d("2026-01-04"),
            nights: None,
            days: Some(1),
            units: 1,
            ..b
        };
        insert(&store.conn, &day).unwrap();
        let on = |day: NaiveDate| {
            store.bookings(&BookingFilter { date: Some(day), ..Default::default() }).unwrap().len()
        };
        let days: Vec<usize> = (0..7).map(|i| on(first + Days::new(i))).collect();
        assert_eq!(days, [1, 1, 2, 1, 1, 0, 0]);
        assert_eq!(on(first.pred_opt().unwrap()), 0);
    }
}
