//! The audit trail (監査記録): one append-only row per change — which terminal, what, when —
//! carrying enough to rebuild the residents and bookings tables by replaying it.

use std::collections::BTreeMap;
use std::fmt;

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use super::bookings::{Booking, Status};
use super::db::{Db, DbError, DbResult, Row};
use super::error::StoreError;
use super::moment::Moment;
use super::residents::Resident;
use super::{Store, timefmt};

/// Every event, oldest first (exports).
/// The columns [`Event::from_row`] reads, in its order.
macro_rules! event_columns {
    () => {
        "id, at, recorded_at, terminal, kind, subject, data"
    };
}

pub(crate) const ALL: &str = concat!("SELECT ", event_columns!(), " FROM events ORDER BY seq");

/// The longest terminal column accepted: a terminal id and, for a write made under a staff
/// sign-in at a ward server's terminal, `/` and the staff id (`oji-1/k.tanaka`).
pub const MAX_TERMINAL_LEN: usize = 2 * crate::config::MAX_TERMINAL_ID_LEN + 1;

/// What happened.
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
    strum::EnumString,
    strum::VariantArray,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum EventKind {
    /// `data` is the whole new resident record.
    ResidentAdded,
    /// `data` is the whole resident record after the change.
    ResidentUpdated,
    /// `data` is the whole new booking.
    Booked,
    /// `data` is a [`CancelData`].
    Cancelled,
    /// Nobody came (無断キャンセル); `data` is a [`CancelData`] with the status `no_show`.
    NoShow,
    /// A change to the resident's record changed the fee of her booking; `data` is a
    /// [`FeeChangeData`].
    FeeChanged,
    /// A change to the resident's record put her booking outside her window and the clerk kept
    /// it; `data` names the rule (`rule`, `detail`).
    KeptOutsideWindow,
    /// A kiosk's staff PIN prompt locked after wrong PINs; `subject` is the terminal, `data`
    /// says for how long and which lockout in a row it is.
    PinLockedOut,
    /// `sango store repair` rebuilt the indexes; `subject` is the store file's name, `data`
    /// the damage found before and the check's outcome after.
    StoreRepaired,
    /// A terminal was enrolled with a ward's server; `subject` is its name, `data` its role
    /// (never its token).
    TerminalEnrolled,
    /// A terminal's token was revoked; `subject` is its name.
    TerminalRevoked,
    /// A staff member may sign in at staff terminals; `subject` is the staff id (never the
    /// password or its hash).
    StaffAdded,
    /// A clerk resolved a terminal's command the server refused on sync (the review list);
    /// `subject` is the command id, `data` the resolution (`note`, `rebooked`, `cancelled`),
    /// the clerk's note, the command and the refusal.
    ReviewResolved,
    /// A kiosk kept a mother's booking as a request for staff while the server was away, and
    /// delivered it later (`POST /v1/kiosk/requests`): nothing is booked; `subject` is the
    /// command id, `data` the user number and the request. Staff see it in the review list and
    /// resolve it (`review_resolved`, the same subject) once a clerk has booked or declined.
    KioskRequest,
}

impl EventKind {
    pub const ALL: &[EventKind] = <EventKind as strum::VariantArray>::VARIANTS;

    /// The id stored and exported (`resident_added`, `no_show`...).
    pub fn id(self) -> &'static str {
        self.into()
    }

    fn parse(s: &str) -> Option<EventKind> {
        s.parse().ok()
    }

    /// Whether the event's subject is a resident (else a booking, for a record change).
    pub fn is_about_resident(self) -> bool {
        matches!(self, EventKind::ResidentAdded | EventKind::ResidentUpdated)
    }

    /// Whether the event changes a resident or a booking (and is replayed to rebuild them);
    /// the others record what happened to the terminal or the store itself.
    pub fn is_record_change(self) -> bool {
        match self {
            EventKind::ResidentAdded
            | EventKind::ResidentUpdated
            | EventKind::Booked
            | EventKind::Cancelled
            | EventKind::NoShow
            | EventKind::FeeChanged
            | EventKind::KeptOutsideWindow => true,
            EventKind::PinLockedOut
            | EventKind::StoreRepaired
            | EventKind::TerminalEnrolled
            | EventKind::TerminalRevoked
            | EventKind::StaffAdded
            | EventKind::ReviewResolved
            | EventKind::KioskRequest => false,
        }
    }

    /// Whether the change feed carries it to staff terminals: the record changes, and a
    /// kiosk's requests for staff with their resolutions (the review list of every terminal).
    pub fn is_carried(self) -> bool {
        self.is_record_change()
            || matches!(self, EventKind::KioskRequest | EventKind::ReviewResolved)
    }
}

impl fmt::Display for EventKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// The change a cancellation makes to a booking.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CancelData {
    pub status: Status,
    pub units_charged: u32,
    #[serde(with = "timefmt")]
    pub cancelled_at: NaiveDateTime,
    #[serde(with = "timefmt")]
    pub updated_at: NaiveDateTime,
    /// The machine's clock when the cancellation was written (absent before schema 2).
    #[serde(default, with = "timefmt::option", skip_serializing_if = "Option::is_none")]
    pub recorded_at: Option<NaiveDateTime>,
}

/// The change a resident's edit makes to a booking's fee.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FeeChangeData {
    /// The fee before.
    pub from_yen: u32,
    pub fee_yen: u32,
    #[serde(with = "timefmt")]
    pub updated_at: NaiveDateTime,
}

/// One row of the audit trail.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    /// A ULID, unique across terminals (imports are deduplicated by it).
    pub id: String,
    /// When the change was made (Japan time, as given to the store).
    #[serde(with = "timefmt")]
    pub at: NaiveDateTime,
    /// When it was written, by the machine's clock (Japan time); `None` for events written
    /// before the store kept it. In a practice store, the practice moment.
    #[serde(default, with = "timefmt::option", skip_serializing_if = "Option::is_none")]
    pub recorded_at: Option<NaiveDateTime>,
    /// The terminal that made it.
    pub terminal: String,
    pub kind: EventKind,
    /// The resident's user number or the booking's id.
    pub subject: String,
    pub data: serde_json::Value,
}

impl Event {
    /// A row of a query that selects [`event_columns!`], read by position.
    pub(crate) fn from_row(r: &Row<'_>) -> DbResult<Event> {
        let kind: String = r.get(4)?;
        let data: String = r.get(6)?;
        Ok(Event {
            id: r.get(0)?,
            at: super::time_at(r, 1, "at")?,
            recorded_at: super::opt_time_at(r, 2, "recorded_at")?,
            terminal: r.get(3)?,
            kind: EventKind::parse(&kind).ok_or_else(|| super::bad_text("kind", &kind))?,
            subject: r.get(5)?,
            data: serde_json::from_str(&data).map_err(|_| super::bad_text("data", &data))?,
        })
    }
}

/// A terminal name is 1–64 printable characters, none of them a control, bidi or zero-width
/// character ([`crate::visible`]): the name is shown in lists and in the audit trail.
pub fn validate_terminal(t: &str) -> Result<(), StoreError> {
    if t.trim().is_empty() || t.chars().count() > MAX_TERMINAL_LEN || crate::visible::has_unsafe(t)
    {
        return Err(StoreError::Invalid {
            field: "terminal (端末)",
            reason: format!(
                "'{}' must be 1 to {MAX_TERMINAL_LEN} printable characters \
                 (no control, bidi or zero-width characters)",
                crate::visible::one_line(t)
            ),
        });
    }
    Ok(())
}

/// Appends an event inside the caller's transaction.
pub(crate) fn append<T: Serialize>(
    conn: &Db,
    when: Moment,
    terminal: &str,
    kind: EventKind,
    subject: &str,
    data: &T,
) -> DbResult<Event> {
    let data = serde_json::to_value(data).map_err(|e| DbError::Value(e.to_string()))?;
    let e = Event {
        id: ulid::Ulid::new().to_string(),
        at: when.at,
        recorded_at: Some(when.recorded_at),
        terminal: terminal.to_string(),
        kind,
        subject: subject.to_string(),
        data,
    };
    insert(conn, &e, None)?;
    Ok(e)
}

/// Inserts an event as it is (an imported one carries `imported`: when and by which terminal).
pub(crate) fn insert(
    conn: &Db,
    e: &Event,
    imported: Option<(NaiveDateTime, &str)>,
) -> DbResult<()> {
    conn.execute(
        "INSERT INTO events
            (id, at, recorded_at, terminal, kind, subject, data, imported_at, imported_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        crate::params![
            e.id,
            timefmt::format(e.at),
            e.recorded_at.map(timefmt::format),
            e.terminal,
            e.kind.id(),
            e.subject,
            e.data.to_string(),
            imported.map(|(t, _)| timefmt::format(t)),
            imported.map(|(_, by)| by),
        ],
    )?;
    Ok(())
}

pub(crate) fn by_id(conn: &Db, id: &str) -> DbResult<Option<Event>> {
    conn.query_opt(
        concat!("SELECT ", event_columns!(), " FROM events WHERE id = ?1"),
        crate::params![id],
        Event::from_row,
    )
}

/// The state the events describe.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct State {
    pub residents: BTreeMap<String, Resident>,
    pub bookings: BTreeMap<String, Booking>,
}

/// Rebuilds residents and bookings from events in order; an event that does not fit the state
/// before it (a cancellation of an unknown booking, a second creation) is an error.
pub fn replay<'a>(events: impl IntoIterator<Item = &'a Event>) -> Result<State, String> {
    let mut s = State::default();
    for e in events {
        apply(&mut s, e)?;
    }
    Ok(s)
}

/// Applies one event to a state.
pub fn apply(s: &mut State, e: &Event) -> Result<(), String> {
    let bad = |why: &str| format!("event {} ({} {}): {why}", e.id, e.kind, e.subject);
    match e.kind {
        EventKind::ResidentAdded | EventKind::ResidentUpdated => {
            let r: Resident =
                serde_json::from_value(e.data.clone()).map_err(|x| bad(&x.to_string()))?;
            if r.id != e.subject {
                return Err(bad("the record's id is not the subject"));
            }
            let exists = s.residents.contains_key(&r.id);
            if exists == (e.kind == EventKind::ResidentAdded) {
                return Err(bad(if exists { "added twice" } else { "updated before added" }));
            }
            s.residents.insert(r.id.clone(), r);
        }
        EventKind::Booked => {
            let b: Booking =
                serde_json::from_value(e.data.clone()).map_err(|x| bad(&x.to_string()))?;
            if b.id != e.subject {
                return Err(bad("the booking's id is not the subject"));
            }
            if s.bookings.contains_key(&b.id) {
                return Err(bad("booked twice"));
            }
            s.bookings.insert(b.id.clone(), b);
        }
        EventKind::Cancelled | EventKind::NoShow => {
            let c: CancelData =
                serde_json::from_value(e.data.clone()).map_err(|x| bad(&x.to_string()))?;
            let b = s.bookings.get_mut(&e.subject).ok_or_else(|| bad("unknown booking"))?;
            let no_show = e.kind == EventKind::NoShow;
            if b.status != Status::Booked
                || c.status == Status::Booked
                || (c.status == Status::NoShow) != no_show
            {
                return Err(bad("not a cancellation of a booked booking"));
            }
            b.status = c.status;
            b.units_charged = c.units_charged;
            b.cancelled_at = Some(c.cancelled_at);
            b.updated_at = c.updated_at;
            b.cancel_recorded_at = c.recorded_at;
        }
        EventKind::FeeChanged => {
            let c: FeeChangeData =
                serde_json::from_value(e.data.clone()).map_err(|x| bad(&x.to_string()))?;
            let b = s.bookings.get_mut(&e.subject).ok_or_else(|| bad("unknown booking"))?;
            if b.status != Status::Booked || b.fee_yen != c.from_yen {
                return Err(bad("not a fee change of a booked booking at its fee"));
            }
            b.fee_yen = c.fee_yen;
            b.updated_at = c.updated_at;
        }
        EventKind::KeptOutsideWindow => {
            if !s.bookings.contains_key(&e.subject) {
                return Err(bad("unknown booking"));
            }
        }
        EventKind::PinLockedOut
        | EventKind::StoreRepaired
        | EventKind::TerminalEnrolled
        | EventKind::TerminalRevoked
        | EventKind::StaffAdded
        | EventKind::ReviewResolved
        | EventKind::KioskRequest => {}
    }
    Ok(())
}

impl Store {
    /// Every event, oldest first.
    pub fn events(&self) -> Result<Vec<Event>, StoreError> {
        self.query_events(ALL, crate::params![])
    }

    /// The kiosks' requests for staff not resolved yet (no `review_resolved` of the same
    /// command id), oldest first.
    pub fn open_kiosk_requests(&self) -> Result<Vec<Event>, StoreError> {
        self.query_events(
            concat!(
                "SELECT ",
                event_columns!(),
                " FROM events WHERE kind = 'kiosk_request' AND subject NOT IN \
                 (SELECT subject FROM events WHERE kind = 'review_resolved') ORDER BY seq"
            ),
            crate::params![],
        )
    }

    /// The events of one resident (user number) or booking (id), oldest first.
    pub fn events_for(&self, subject: &str) -> Result<Vec<Event>, StoreError> {
        self.query_events(
            concat!("SELECT ", event_columns!(), " FROM events WHERE subject = ?1 ORDER BY seq"),
            crate::params![subject],
        )
    }

    fn query_events(
        &self,
        sql: &str,
        p: &[&dyn super::db::ToParam],
    ) -> Result<Vec<Event>, StoreError> {
        self.conn.query_map(sql, p, Event::from_row).map_err(|e| self.err(e))
    }

    /// Replays the audit trail and compares it with the tables: `Ok(())` when they agree.
    ///
    /// One snapshot (a concurrent booking must not look like a mismatch), streamed: the events
    /// are applied as they are read, and each table row is taken out of the replayed state as
    /// it is compared, so only the replayed state is held (a million bookings: a few hundred
    /// MB, not the events and both states at once).
    pub fn verify_events(&self) -> Result<Result<(), String>, StoreError> {
        use super::db::EachError;
        let tx = self.read()?;
        let read = |e: EachError<String>| match e {
            EachError::Db(e) => Err(self.err(e)),
            EachError::Stopped(why) => Ok(why),
        };
        let mut state = State::default();
        let replayed = tx.query_each(ALL, crate::params![], |r| {
            let e = Event::from_row(r)?;
            apply(&mut state, &e).map_err(EachError::Stopped)
        });
        if let Err(e) = replayed {
            return read(e).map(Err);
        }
        let residents = tx.query_each(super::residents::ALL, crate::params![], |r| {
            let row = Resident::from_row(r)?;
            match state.residents.remove(&row.id) {
                Some(replayed) if replayed == row => Ok(()),
                _ => {
                    Err(EachError::Stopped(format!("resident {} differs from its events", row.id)))
                }
            }
        });
        if let Err(e) = residents {
            return read(e).map(Err);
        }
        let bookings = tx.query_each(super::bookings::ALL, crate::params![], |r| {
            let row = Booking::from_row(r)?;
            match state.bookings.remove(&row.id) {
                Some(replayed) if replayed == row => Ok(()),
                _ => Err(EachError::Stopped(format!("booking {} differs from its events", row.id))),
            }
        });
        if let Err(e) = bookings {
            return read(e).map(Err);
        }
        tx.commit().map_err(|e| self.err(e))?;
        Ok(if state.residents.is_empty() && state.bookings.is_empty() {
            Ok(())
        } else {
            Err("the events describe records that are not in the tables".into())
        })
    }
}

impl Store {
    /// Records that a kiosk's staff PIN prompt locked for `secs` seconds after wrong PINs (an
    /// audit event about the terminal, not a resident or booking).
    pub fn record_pin_lockout(
        &self,
        at: NaiveDateTime,
        terminal: &str,
        secs: u32,
    ) -> Result<Event, StoreError> {
        let data = serde_json::json!({ "locked_secs": secs });
        self.change(at, terminal, |tx, when| {
            append(tx, when, terminal, EventKind::PinLockedOut, terminal, &data)
                .map_err(|x| self.err(x))
        })
    }
}
