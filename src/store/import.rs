//! Importing another terminal's JSON export: a merge by id, in one IMMEDIATE transaction.
//!
//! - A resident or booking this terminal lacks is added with its events.
//! - One this terminal already holds unchanged is left alone (so importing twice changes
//!   nothing).
//! - When the incoming history continues this terminal's (the same events, then more — e.g. the
//!   booking was cancelled on the other terminal), the new events are applied.
//! - When this terminal's history already continues the incoming one, this terminal's is kept.
//! - Anything else with the same id but different contents is a conflict: reported, never
//!   overwritten.
//!
//! - A booking this terminal lacks is checked by the same rules as a booking made here
//!   (`domain::booking::plan`: the facility offers the type, the window, one booking a day,
//!   the limits, and the fee for the resident), at the moment it was made, against everything
//!   merged before it (this terminal's bookings and the file's earlier ones). One the rules
//!   refuse is a conflict naming the rule, and nothing of it is written: bookings recorded
//!   offline on two terminals never overrun a mother's limit here.
//!
//! The file is read once, as it comes, into temporary tables of the connection (SQLite pages
//! them to a temporary file beyond 16 MB): every record is checked as it is read, what needs
//! the whole file at the end, and only then is the store locked and the merge run, record by
//! record from those tables, in one transaction. So a file of any size is merged in bounded
//! memory; only the report's lists of ids grow with it.

use std::collections::{BTreeSet, HashSet};
use std::io::Read;

use chrono::NaiveDateTime;
use serde::de::{DeserializeSeed, Deserializer, Error as _, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};

use super::Store;
use super::bookings;
use super::bookings::{Booking, Status};
use super::db::{Db, DbError, Engine};
use super::error::StoreError;
use super::events::{self, Event, EventKind, State};
use super::export::{FORMAT, FORMAT_VERSION};
use super::residents::{self, Resident};
use super::timefmt;
use crate::dataset::Dataset;
use crate::domain::limits::{self, Quota};
use crate::domain::{booking, user_number};

/// A record that was not imported: it differs from this terminal's, or a booking the rules
/// refuse here.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Conflict {
    /// "resident", "booking" or "event".
    pub kind: &'static str,
    pub id: String,
    /// The booking rule that refused it ([`Refusal::rule`], or `unknown_facility`,
    /// `fee_differs`, `code_taken`); `None` for a record that differs from this terminal's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule: Option<&'static str>,
    pub detail: String,
}

impl Conflict {
    fn other(kind: &'static str, id: &str, detail: impl Into<String>) -> Conflict {
        Conflict { kind, id: id.to_string(), rule: None, detail: detail.into() }
    }

    fn refused(id: &str, rule: &'static str, detail: impl Into<String>) -> Conflict {
        Conflict { kind: "booking", id: id.to_string(), rule: Some(rule), detail: detail.into() }
    }
}

impl std::fmt::Display for Conflict {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.rule {
            Some(rule) => write!(f, "{} {} ({rule}): {}", self.kind, self.id, self.detail),
            None => write!(f, "{} {}: {}", self.kind, self.id, self.detail),
        }
    }
}

/// What an import did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ImportReport {
    pub residents_added: Vec<String>,
    pub residents_updated: Vec<String>,
    pub bookings_added: Vec<String>,
    /// Bookings cancelled on the other terminal.
    pub bookings_updated: Vec<String>,
    pub events_added: usize,
    /// Records already here as they are.
    pub unchanged: usize,
    /// Records this terminal holds in a later state.
    pub kept_local: Vec<String>,
    /// What was not imported, and why; nothing of it was written.
    pub conflicts: Vec<Conflict>,
}

/// The lists of an import's report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Listed {
    ResidentAdded,
    ResidentUpdated,
    BookingAdded,
    BookingUpdated,
    KeptLocal,
}

/// What a merge did, told as it goes: kept in an [`ImportReport`], or by a command that must
/// not hold every id of a large file in memory (`sango import` spools them).
pub trait Tally {
    fn listed(&mut self, which: Listed, id: &str);
    fn unchanged(&mut self);
    fn event_added(&mut self);
    fn conflict(&mut self, c: Conflict);
}

impl Tally for ImportReport {
    fn listed(&mut self, which: Listed, id: &str) {
        let list = match which {
            Listed::ResidentAdded => &mut self.residents_added,
            Listed::ResidentUpdated => &mut self.residents_updated,
            Listed::BookingAdded => &mut self.bookings_added,
            Listed::BookingUpdated => &mut self.bookings_updated,
            Listed::KeptLocal => &mut self.kept_local,
        };
        list.push(id.to_string());
    }

    fn unchanged(&mut self) {
        self.unchanged += 1;
    }

    fn event_added(&mut self) {
        self.events_added += 1;
    }

    fn conflict(&mut self, c: Conflict) {
        self.conflicts.push(c);
    }
}

impl ImportReport {
    /// True when nothing was written.
    pub fn changed_nothing(&self) -> bool {
        self.events_added == 0
    }

    /// The report, or an error naming the first conflict.
    pub fn into_result(self) -> Result<ImportReport, StoreError> {
        match self.conflicts.first() {
            None => Ok(self),
            Some(c) => Err(StoreError::ImportConflict {
                count: self.conflicts.len(),
                first: c.to_string(),
            }),
        }
    }
}

/// The file read into temporary tables of the connection (`temp.import_*`), record by record
/// as the JSON parser meets it: nothing of the file is held in memory, and nothing is written
/// to the store. Every record is checked as it comes (one this program could have written, an
/// id that appears once); what needs the whole file (the format and version, each event about
/// a record of the file) is checked at the end.
struct Staging<'c> {
    conn: &'c Db,
    /// The file's order of each list's records.
    ord: i64,
    format: Option<String>,
    version: Option<u32>,
    practice: bool,
    ward_code: Option<String>,
    events: i64,
    /// The lists met: each must be there, as in the file this program writes.
    lists: [bool; 3],
}

// Temporary tables (each connection its own, on either engine); `ord` keeps the file's order
// and lets the merge read them a page at a time while it writes (a PostgreSQL connection reads
// one result at a time).
const STAGING: &str = "
    DROP TABLE IF EXISTS import_residents;
    DROP TABLE IF EXISTS import_bookings;
    DROP TABLE IF EXISTS import_events;
    DROP TABLE IF EXISTS import_new;
    DROP TABLE IF EXISTS import_take;
    CREATE TEMP TABLE import_residents (ord INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,
        json TEXT NOT NULL);
    CREATE TEMP TABLE import_bookings (ord INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,
        json TEXT NOT NULL);
    CREATE TEMP TABLE import_events (ord INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,
        subject TEXT NOT NULL, about TEXT, json TEXT NOT NULL);
    CREATE INDEX import_events_by_subject ON import_events (subject, ord);
    CREATE TEMP TABLE import_new (created_at TEXT NOT NULL, id TEXT NOT NULL,
        PRIMARY KEY (created_at, id));
    CREATE TEMP TABLE import_take (id TEXT PRIMARY KEY);
";

const UNSTAGE: &str = "
    DROP TABLE IF EXISTS import_residents;
    DROP TABLE IF EXISTS import_bookings;
    DROP TABLE IF EXISTS import_events;
    DROP TABLE IF EXISTS import_new;
    DROP TABLE IF EXISTS import_take;
";

/// Records read from a staging table per query while the merge writes.
const PAGE: i64 = 500;

fn bad(s: impl Into<String>) -> StoreError {
    StoreError::ImportFormat(s.into())
}

impl Staging<'_> {
    fn sql(&self, e: DbError) -> StoreError {
        bad(format!("cannot stage the file: {e}"))
    }

    /// One row into a staging table (the statement prepared once: millions of rows).
    fn insert(&self, sql: &str, p: &[&dyn super::db::ToParam]) -> Result<u64, DbError> {
        self.conn.execute(sql, p)
    }

    fn format(&mut self, f: String) -> Result<(), StoreError> {
        if f != FORMAT {
            return Err(bad(format!("format is '{f}', not '{FORMAT}'")));
        }
        self.format = Some(f);
        Ok(())
    }

    fn version(&mut self, v: u32) -> Result<(), StoreError> {
        if v > FORMAT_VERSION || v == 0 {
            return Err(bad(format!("version {v} (this program reads version {FORMAT_VERSION})")));
        }
        self.version = Some(v);
        Ok(())
    }

    fn resident(&mut self, mut r: Resident) -> Result<(), StoreError> {
        r.id = user_number::normalize(&r.id);
        r.validate().map_err(|x| bad(x.to_string()))?;
        let json = serde_json::to_string(&r).map_err(|x| bad(x.to_string()))?;
        self.ord += 1;
        let sql = "INSERT INTO import_residents VALUES (?1, ?2, ?3)";
        match self.insert(sql, crate::params![self.ord, r.id, json]) {
            Err(e) if e.is_unique_violation() => {
                Err(bad(format!("resident {} appears twice", r.id)))
            }
            other => other.map(drop).map_err(|e| self.sql(e)),
        }
    }

    fn booking(&mut self, mut b: Booking) -> Result<(), StoreError> {
        b.resident = user_number::normalize(&b.resident);
        b.validate().map_err(bad)?;
        let json = serde_json::to_string(&b).map_err(|x| bad(x.to_string()))?;
        self.ord += 1;
        let sql = "INSERT INTO import_bookings VALUES (?1, ?2, ?3)";
        match self.insert(sql, crate::params![self.ord, b.id, json]) {
            Err(e) if e.is_unique_violation() => {
                Err(bad(format!("booking {} appears twice", b.id)))
            }
            other => other.map(drop).map_err(|e| self.sql(e)),
        }
    }

    fn event(&mut self, mut ev: Event) -> Result<(), StoreError> {
        if ulid::Ulid::from_string(&ev.id).map(|u| u.to_string() != ev.id).unwrap_or(true) {
            return Err(bad(format!("event id '{}' is not a ULID", ev.id.escape_debug())));
        }
        events::validate_terminal(&ev.terminal).map_err(|x| bad(x.to_string()))?;
        normalize_event(&mut ev);
        let about = match ev.kind {
            EventKind::ResidentAdded | EventKind::ResidentUpdated => Some("r"),
            EventKind::Booked
            | EventKind::Cancelled
            | EventKind::NoShow
            | EventKind::FeeChanged
            | EventKind::KeptOutsideWindow => Some("b"),
            // The exporting store's own history (a PIN lockout, a repair, who may use its
            // server): kept there.
            EventKind::PinLockedOut
            | EventKind::StoreRepaired
            | EventKind::TerminalEnrolled
            | EventKind::TerminalRevoked
            | EventKind::StaffAdded
            | EventKind::ReviewResolved
            | EventKind::KioskRequest => None,
        };
        let json = serde_json::to_string(&ev).map_err(|x| bad(x.to_string()))?;
        self.events += 1;
        match self.insert(
            "INSERT INTO import_events VALUES (?1, ?2, ?3, ?4, ?5)",
            crate::params![self.events, ev.id, ev.subject, about, json],
        ) {
            Err(e) if e.is_unique_violation() => Err(bad(format!("event {} appears twice", ev.id))),
            other => other.map(drop).map_err(|e| self.sql(e)),
        }
    }

    /// What needs the whole file: the format and version were there, and each event is about
    /// a record of the file.
    fn finish(&self) -> Result<(), StoreError> {
        if self.format.is_none() {
            return Err(bad("missing field `format`"));
        }
        if self.version.is_none() {
            return Err(bad("missing field `version`"));
        }
        for (seen, name) in self.lists.iter().zip(["residents", "bookings", "events"]) {
            if !seen {
                return Err(bad(format!("missing field `{name}`")));
            }
        }
        let orphan: Option<(String, String)> = self
            .conn
            .query_opt(
                "SELECT e.id, e.subject FROM import_events e WHERE
                    (e.about = 'r' AND NOT EXISTS
                        (SELECT 1 FROM import_residents r WHERE r.id = e.subject))
                 OR (e.about = 'b' AND NOT EXISTS
                        (SELECT 1 FROM import_bookings b WHERE b.id = e.subject))
                 ORDER BY e.ord LIMIT 1",
                crate::params![],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .map_err(|e| self.sql(e))?;
        if let Some((id, subject)) = orphan {
            return Err(bad(format!("event {id} is about {subject}, which is not in the file")));
        }
        Ok(())
    }
}

/// The file's top-level object, each list's elements handed to the staging as they are read.
struct File<'s, 'c>(&'s mut Staging<'c>);

impl<'de> DeserializeSeed<'de> for File<'_, '_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for File<'_, '_> {
    type Value = ();
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a sango export")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let st = self.0;
        let fail = |e: StoreError| A::Error::custom(message(e));
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "format" => st.format(map.next_value()?).map_err(fail)?,
                "version" => st.version(map.next_value()?).map_err(fail)?,
                "practice" => st.practice = map.next_value()?,
                "ward_code" => st.ward_code = map.next_value()?,
                "residents" => {
                    st.lists[0] = true;
                    map.next_value_seed(each(|r| st.resident(r)))?
                }
                "bookings" => {
                    st.lists[1] = true;
                    map.next_value_seed(each(|b| st.booking(b)))?
                }
                "events" => {
                    st.lists[2] = true;
                    map.next_value_seed(each(|e| st.event(e)))?
                }
                other => {
                    return Err(A::Error::unknown_field(
                        other,
                        &[
                            "format",
                            "version",
                            "practice",
                            "ward_code",
                            "residents",
                            "bookings",
                            "events",
                        ],
                    ));
                }
            }
        }
        Ok(())
    }
}

/// A list whose elements go to `F` one by one.
struct Each<T, F>(F, std::marker::PhantomData<T>);

fn each<T, F: FnMut(T) -> Result<(), StoreError>>(f: F) -> Each<T, F> {
    Each(f, std::marker::PhantomData)
}

/// A staging error as the parser reports it (with its place in the file).
fn message(e: StoreError) -> String {
    match e {
        StoreError::ImportFormat(m) => m,
        other => other.to_string(),
    }
}

impl<'de, T: Deserialize<'de>, F: FnMut(T) -> Result<(), StoreError>> DeserializeSeed<'de>
    for Each<T, F>
{
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de, T: Deserialize<'de>, F: FnMut(T) -> Result<(), StoreError>> Visitor<'de> for Each<T, F> {
    type Value = ();
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a list")
    }

    fn visit_seq<A: SeqAccess<'de>>(mut self, mut seq: A) -> Result<(), A::Error> {
        while let Some(x) = seq.next_element::<T>()? {
            (self.0)(x).map_err(|e| A::Error::custom(message(e)))?;
        }
        Ok(())
    }
}

/// Puts the user numbers of an event in the normal form (an older terminal may have kept
/// `r-0001` apart from `R-0001`), as its records are, so that it still describes them.
fn normalize_event(ev: &mut Event) {
    let fix = |v: &mut serde_json::Value, key: &str| {
        if let Some(s) = v.get(key).and_then(|s| s.as_str()) {
            v[key] = user_number::normalize(s).into();
        }
    };
    match ev.kind {
        EventKind::ResidentAdded | EventKind::ResidentUpdated => {
            ev.subject = user_number::normalize(&ev.subject);
            fix(&mut ev.data, "id");
        }
        EventKind::Booked => fix(&mut ev.data, "resident"),
        EventKind::Cancelled
        | EventKind::NoShow
        | EventKind::FeeChanged
        | EventKind::KeptOutsideWindow
        | EventKind::PinLockedOut
        | EventKind::StoreRepaired
        | EventKind::TerminalEnrolled
        | EventKind::TerminalRevoked
        | EventKind::StaffAdded
        | EventKind::ReviewResolved => {}
        EventKind::KioskRequest => fix(&mut ev.data, "user_number"),
    }
}

/// An export made under another ward's programme is refused: its bookings were checked by
/// other rules. A file or a dataset without a code (older exports) is taken as it is.
fn check_ward(dataset: &Dataset, file: Option<&str>) -> Result<(), StoreError> {
    match (file, dataset.programme.ward_code.as_deref()) {
        (Some(theirs), Some(ours)) if theirs != ours => Err(StoreError::ImportFormat(format!(
            "the file was exported under the programme of ward code {theirs} and this terminal \
             runs ward code {ours} ({}): another ward's bookings are not merged (別の自治体の\
             データは取り込めません)",
            crate::visible::one_line(&dataset.programme.ward)
        ))),
        _ => Ok(()),
    }
}

/// How an incoming history relates to this terminal's.
enum Merge<'a> {
    Same,
    /// Apply these incoming events (this terminal's history is a prefix of the incoming one).
    Extend(Vec<&'a Event>),
    /// This terminal's history continues the incoming one.
    KeepLocal,
    Conflict(String),
}

/// Compares histories of one subject. `state_of` extracts the subject's record from a replayed
/// state, so the same logic serves residents and bookings.
fn compare<'a, T: PartialEq>(
    incoming: &[&'a Event],
    incoming_final: &T,
    local: &[Event],
    local_final: &T,
    state_of: impl Fn(&State) -> Option<T>,
    consistent: bool,
) -> Merge<'a> {
    let local_ids: HashSet<&str> = local.iter().map(|e| e.id.as_str()).collect();
    let incoming_ids: HashSet<&str> = incoming.iter().map(|e| e.id.as_str()).collect();
    for e in incoming {
        if let Some(l) = local.iter().find(|l| l.id == e.id)
            && l != *e
        {
            return Merge::Conflict(format!("event {} differs", e.id));
        }
    }
    if incoming_final == local_final {
        return Merge::Same;
    }
    if !consistent {
        return Merge::Conflict(DIFFERENT.into());
    }
    // The incoming history continues ours: a prefix of it is exactly our history.
    let k = incoming.iter().take_while(|e| local_ids.contains(e.id.as_str())).count();
    if k == local.len()
        && k < incoming.len()
        && let Ok(s) = events::replay(incoming[..k].iter().copied())
        && state_of(&s).as_ref() == Some(local_final)
    {
        return Merge::Extend(incoming[k..].to_vec());
    }
    // Our history continues the incoming one.
    let k = local.iter().take_while(|e| incoming_ids.contains(e.id.as_str())).count();
    if k == incoming.len() && k < local.len() {
        return Merge::KeepLocal;
    }
    Merge::Conflict(DIFFERENT.into())
}

const DIFFERENT: &str = "the same id with different contents (同じIDで内容が異なります)";

/// Checks an incoming record is what its own events say.
fn own_history(incoming: &[&Event], matches: impl Fn(&State) -> bool) -> Result<(), String> {
    let s = events::replay(incoming.iter().copied())?;
    if matches(&s) {
        Ok(())
    } else {
        Err("the record does not match its own events (記録と監査記録が一致しません)".into())
    }
}

/// Checks a booking from the file by the rules a booking made here goes through, at the moment
/// it was made, against what `conn` holds now (this terminal's bookings and those merged
/// before it). A booking cancelled since is checked for its facts (the facility offers the
/// type, the window, the fee) and its late-cancel charge, not for the days and units it gave
/// back.
fn recheck(conn: &Db, dataset: &Dataset, b: &Booking) -> Result<Result<(), Conflict>, DbError> {
    let Some(facility) = dataset.facility(&b.facility) else {
        return Ok(Err(Conflict::refused(
            &b.id,
            "unknown_facility",
            format!("the dataset has no facility (施設) {}", b.facility),
        )));
    };
    let Some(terms) = dataset.terms(facility, b.care) else {
        return Ok(Err(Conflict::refused(
            &b.id,
            "not_offered",
            format!("the programme has no rule for {}", b.care),
        )));
    };
    if let Some(code) = &b.code
        && bookings::get_by_id_or_code(conn, code)?.is_some_and(|other| other.id != b.id)
    {
        return Ok(Err(Conflict::refused(
            &b.id,
            "code_taken",
            format!("its code (予約番号) {code} is another booking's here"),
        )));
    }
    let Some(resident) = residents::get(conn, &b.resident)? else {
        return Ok(Err(Conflict::other(
            "booking",
            &b.id,
            format!("unknown resident (利用者番号) {}", b.resident),
        )));
    };
    let quota = bookings::usage(conn, &b.resident, b.care, terms.limit)?;
    let active = b.status == Status::Booked;
    let (quota, taken) = if active {
        (quota, bookings::taken(conn, &b.resident)?)
    } else {
        // Its days and units were given back: only the facts are checked here, the charge below.
        (Quota::new(terms.limit, 0, 0), Vec::new())
    };
    let plan = match booking::plan(
        terms,
        resident.mother(),
        b.first_day,
        b.length(),
        quota,
        &taken,
        b.created_at,
    ) {
        Ok(p) => p,
        Err(r) => return Ok(Err(Conflict::refused(&b.id, r.rule(), r.to_string()))),
    };
    if plan.fee.total_yen != b.fee_yen {
        return Ok(Err(Conflict::refused(
            &b.id,
            "fee_differs",
            format!(
                "its fee {}円 is not the fee for this resident here ({}円) (利用料が一致しません)",
                b.fee_yen, plan.fee.total_yen
            ),
        )));
    }
    if b.status == Status::CancelledLate
        && let Err(over) = limits::check(
            b.care,
            bookings::usage(conn, &b.resident, b.care, terms.limit)?,
            b.units_charged,
        )
    {
        return Ok(Err(Conflict::refused(&b.id, "over_limit", over.to_string())));
    }
    Ok(Ok(()))
}

/// A staged record, read back (it was written by this program a moment ago).
fn staged<T: serde::de::DeserializeOwned>(json: &str) -> Result<T, StoreError> {
    serde_json::from_str(json).map_err(|e| bad(e.to_string()))
}

/// Reads until `buf` is full or the input ends.
fn read_up_to(r: &mut impl std::io::Read, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match r.read(&mut buf[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(n)
}

impl Store {
    /// Merges another terminal's JSON export (see the module notes). A file that is not a valid
    /// export changes nothing; conflicts are reported in the result and skipped.
    pub fn import_json(
        &self,
        dataset: &Dataset,
        text: &str,
        at: NaiveDateTime,
        terminal: &str,
    ) -> Result<ImportReport, StoreError> {
        self.import_from(dataset, text.as_bytes(), at, terminal)
    }

    /// [`Store::import_json`] from a reader, read once, as it comes: the file is staged record
    /// by record in temporary tables of this connection (which SQLite keeps on disk beyond a
    /// few MB), checked whole, then merged in one IMMEDIATE transaction. Memory does not grow
    /// with the file, only with what the report lists.
    pub fn import_from(
        &self,
        dataset: &Dataset,
        reader: impl std::io::Read,
        at: NaiveDateTime,
        terminal: &str,
    ) -> Result<ImportReport, StoreError> {
        let mut rep = ImportReport::default();
        self.import_into(dataset, reader, at, terminal, &mut rep)?;
        Ok(rep)
    }

    /// [`Store::import_from`], telling `tally` what it does as it goes (a command that must not
    /// hold every id of a large file in memory keeps them elsewhere).
    pub fn import_into(
        &self,
        dataset: &Dataset,
        reader: impl std::io::Read,
        at: NaiveDateTime,
        terminal: &str,
        tally: &mut dyn Tally,
    ) -> Result<(), StoreError> {
        events::validate_terminal(terminal)?;
        let when = self.moment(at)?;
        let staged = self.stage(reader);
        let merged = staged.and_then(|(practice, ward_code)| {
            check_ward(dataset, ward_code.as_deref())?;
            self.merge(dataset, practice, when, terminal, tally)
        });
        let _ = self.conn.batch(UNSTAGE);
        merged
    }

    /// Reads the file into the staging tables; returns whether it holds practice data, and the
    /// ward code it names.
    fn stage(&self, reader: impl std::io::Read) -> Result<(bool, Option<String>), StoreError> {
        self.conn.batch(STAGING).map_err(|e| self.err(e))?;
        if self.conn.engine() == Engine::Sqlite {
            // The staging tables are large for a large file: SQLite pages them to a temporary
            // file beyond this cache (16 MB).
            let _ = self.conn.batch("PRAGMA temp.cache_size = -16384");
        }
        let mut st = Staging {
            conn: &self.conn,
            ord: 0,
            format: None,
            version: None,
            practice: false,
            ward_code: None,
            events: 0,
            lists: [false; 3],
        };
        // One transaction for the temporary tables only (the store is not locked by it).
        let begin = match self.conn.engine() {
            Engine::Sqlite => "BEGIN DEFERRED",
            Engine::Postgres => "BEGIN",
        };
        self.conn.batch(begin).map_err(|e| self.err(e))?;
        let staged = (|| {
            let mut reader = std::io::BufReader::with_capacity(64 * 1024, reader);
            let mut bom = [0u8; 3];
            let n = read_up_to(&mut reader, &mut bom).map_err(|e| bad(e.to_string()))?;
            // An export may start with a byte-order mark (written by an editor).
            let head: &[u8] = if bom[..n] == [0xEF, 0xBB, 0xBF] { &[] } else { &bom[..n] };
            let mut de = serde_json::Deserializer::from_reader(head.chain(reader));
            File(&mut st).deserialize(&mut de).map_err(|x| bad(x.to_string()))?;
            de.end().map_err(|x| bad(x.to_string()))?;
            st.finish()
        })();
        let ended = self.conn.batch(if staged.is_ok() { "COMMIT" } else { "ROLLBACK" });
        staged?;
        ended.map_err(|e| self.err(e))?;
        Ok((st.practice, st.ward_code))
    }

    /// Merges the staged file in one IMMEDIATE transaction (see the module notes).
    fn merge(
        &self,
        dataset: &Dataset,
        file_practice: bool,
        when: super::Moment,
        terminal: &str,
        tally: &mut dyn Tally,
    ) -> Result<(), StoreError> {
        let practice_store = self.kind() == super::StoreKind::Practice;
        if file_practice != practice_store {
            let (file_kind, store_kind) =
                if file_practice { ("practice", "live") } else { ("live", "practice") };
            return Err(StoreError::ImportFormat(format!(
                "the file holds {file_kind} data and this is the {store_kind} store: live and \
                 practice data never mix (本番と練習のデータは混ぜられません)"
            )));
        }
        let at = when.at;
        // Residents whose records conflict: their bookings are not merged either, since they
        // were checked against other facts.
        let mut conflicting: BTreeSet<String> = BTreeSet::new();
        let tx = self.write()?;
        if tx.engine() == Engine::Postgres {
            // Other terminals' writes wait until the merge is done, as SQLite's write lock
            // makes them: each new booking is checked against every booking of its mother.
            tx.batch("LOCK TABLE residents, bookings IN EXCLUSIVE MODE")
                .map_err(|x| self.err(x))?;
        }
        let e = |x| self.err(x);
        let take = |evs: &[&Event]| -> Result<(), StoreError> {
            for ev in evs {
                tx.execute(
                    "INSERT INTO import_take VALUES (?1) ON CONFLICT DO NOTHING",
                    crate::params![ev.id],
                )
                .map_err(e)?;
            }
            Ok(())
        };

        let mut after = 0;
        while let Some(page) = self.page(&tx, "import_residents", &mut after)? {
            for json in page {
                let r: Resident = staged(&json)?;
                let incoming_owned = self.incoming(&tx, &r.id)?;
                let incoming: Vec<&Event> = incoming_owned.iter().collect();
                let own = own_history(&incoming, |s| s.residents.get(&r.id) == Some(&r));
                let Some(local) = residents::get(&tx, &r.id).map_err(e)? else {
                    if let Err(detail) = own {
                        tally.conflict(Conflict::other("resident", &r.id, detail));
                        conflicting.insert(r.id.clone());
                        continue;
                    }
                    residents::insert(&tx, &r).map_err(e)?;
                    take(&incoming)?;
                    tally.listed(Listed::ResidentAdded, &r.id);
                    continue;
                };
                let local_events = self.subject_events(&tx, &r.id)?;
                let state_of = |s: &State| s.residents.get(&r.id).cloned();
                match compare(&incoming, &r, &local_events, &local, state_of, own.is_ok()) {
                    Merge::Same => tally.unchanged(),
                    Merge::Extend(new) => {
                        residents::update_row(&tx, &r).map_err(e)?;
                        take(&new)?;
                        tally.listed(Listed::ResidentUpdated, &r.id);
                    }
                    Merge::KeepLocal => tally.listed(Listed::KeptLocal, &r.id),
                    // Registered separately on two terminals with the same facts: one mother.
                    Merge::Conflict(_) if local.same_facts(&r) => tally.unchanged(),
                    Merge::Conflict(detail) => {
                        tally.conflict(Conflict::other("resident", &r.id, detail));
                        conflicting.insert(r.id.clone());
                    }
                }
            }
        }

        // First what the other terminal did to bookings this one holds (cancellations: they
        // only free days and units), then its new bookings in the order they were made, each
        // checked by the booking rules against everything merged before it.
        let mut after = 0;
        while let Some(page) = self.page(&tx, "import_bookings", &mut after)? {
            for json in page {
                let b: Booking = staged(&json)?;
                if conflicting.contains(&b.resident) {
                    tally.conflict(Conflict::other(
                        "booking",
                        &b.id,
                        format!("its resident (利用者番号) {} conflicts", b.resident),
                    ));
                    continue;
                }
                let incoming_owned = self.incoming(&tx, &b.id)?;
                let incoming: Vec<&Event> = incoming_owned.iter().collect();
                let own = own_history(&incoming, |s| s.bookings.get(&b.id) == Some(&b));
                let Some(local) = bookings::get(&tx, &b.id).map_err(e)? else {
                    match own {
                        Err(detail) => tally.conflict(Conflict::other("booking", &b.id, detail)),
                        Ok(()) => {
                            tx.execute(
                                "INSERT INTO import_new VALUES (?1, ?2)",
                                crate::params![timefmt::format(b.created_at), b.id],
                            )
                            .map_err(e)?;
                        }
                    }
                    continue;
                };
                let local_events = self.subject_events(&tx, &b.id)?;
                let state_of = |s: &State| s.bookings.get(&b.id).cloned();
                match compare(&incoming, &b, &local_events, &local, state_of, own.is_ok()) {
                    Merge::Same => tally.unchanged(),
                    Merge::Extend(new) => {
                        // The other terminal's later events bring the row to the file's state.
                        bookings::write_state(&tx, &b).map_err(e)?;
                        take(&new)?;
                        tally.listed(Listed::BookingUpdated, &b.id);
                    }
                    Merge::KeepLocal => tally.listed(Listed::KeptLocal, &b.id),
                    Merge::Conflict(detail) => {
                        tally.conflict(Conflict::other("booking", &b.id, detail))
                    }
                }
            }
        }
        // The new bookings in the order they were made, a page at a time.
        let mut after = (String::new(), String::new());
        loop {
            let page: Vec<(String, String, String)> = tx
                .query_map(
                    "SELECT n.created_at, n.id, b.json FROM import_new n
                     JOIN import_bookings b ON b.id = n.id
                     WHERE n.created_at > ?1 OR (n.created_at = ?1 AND n.id > ?2)
                     ORDER BY n.created_at, n.id LIMIT ?3",
                    crate::params![after.0, after.1, PAGE],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
                )
                .map_err(e)?;
            let Some(last) = page.last() else { break };
            after = (last.0.clone(), last.1.clone());
            for (_, _, json) in page {
                let b: Booking = staged(&json)?;
                match recheck(&tx, dataset, &b).map_err(e)? {
                    Err(conflict) => tally.conflict(conflict),
                    Ok(()) => {
                        bookings::insert(&tx, &b).map_err(e)?;
                        let incoming = self.incoming(&tx, &b.id)?;
                        take(&incoming.iter().collect::<Vec<_>>())?;
                        tally.listed(Listed::BookingAdded, &b.id);
                    }
                }
            }
        }

        // The events go in the file's order, so the audit trail reads as it did there.
        let mut after: i64 = 0;
        loop {
            let page: Vec<(i64, String)> = tx
                .query_map(
                    "SELECT ord, json FROM import_events
                     WHERE ord > ?1 AND id IN (SELECT id FROM import_take) ORDER BY ord LIMIT ?2",
                    crate::params![after, PAGE],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .map_err(e)?;
            let Some(last) = page.last() else { break };
            after = last.0;
            for (_, json) in page {
                let ev: Event = staged(&json)?;
                events::insert(&tx, &ev, Some((at, terminal))).map_err(e)?;
                tally.event_added();
            }
        }
        tx.commit().map_err(e)?;
        Ok(())
    }

    /// The next page of a staging table's records after `after` (its `ord`), in the file's
    /// order; `None` when there are no more.
    fn page(
        &self,
        conn: &Db,
        table: &str,
        after: &mut i64,
    ) -> Result<Option<Vec<String>>, StoreError> {
        let sql = match table {
            "import_residents" => {
                "SELECT ord, json FROM import_residents WHERE ord > ?1 ORDER BY ord LIMIT ?2"
            }
            _ => "SELECT ord, json FROM import_bookings WHERE ord > ?1 ORDER BY ord LIMIT ?2",
        };
        let rows: Vec<(i64, String)> = conn
            .query_map(sql, crate::params![*after, PAGE], |r| Ok((r.get(0)?, r.get(1)?)))
            .map_err(|x| self.err(x))?;
        let Some(last) = rows.last() else { return Ok(None) };
        *after = last.0;
        Ok(Some(rows.into_iter().map(|(_, json)| json).collect()))
    }

    /// The staged events of one subject, in the file's order.
    fn incoming(&self, conn: &Db, subject: &str) -> Result<Vec<Event>, StoreError> {
        let jsons: Vec<String> = conn
            .query_map(
                "SELECT json FROM import_events WHERE subject = ?1 ORDER BY ord",
                crate::params![subject],
                |r| r.get(0),
            )
            .map_err(|x| self.err(x))?;
        jsons.iter().map(|j| staged(j)).collect()
    }

    fn subject_events(&self, conn: &Db, subject: &str) -> Result<Vec<Event>, StoreError> {
        let ids: Vec<String> = conn
            .query_map(
                "SELECT id FROM events WHERE subject = ?1 ORDER BY seq",
                crate::params![subject],
                |r| r.get(0),
            )
            .map_err(|x| self.err(x))?;
        let mut out = Vec::with_capacity(ids.len());
        for id in ids {
            if let Some(ev) = events::by_id(conn, &id).map_err(|x| self.err(x))? {
                out.push(ev);
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn import(s: &Store, text: &str) -> Result<ImportReport, StoreError> {
        let ds = crate::dataset::load_embedded().unwrap();
        let at = crate::domain::jst::parse_moment("2026-11-20T10:00").unwrap();
        s.import_json(&ds, text, at, "t")
    }

    fn refusal(s: &Store, text: &str) -> String {
        match import(s, text) {
            Err(StoreError::ImportFormat(m)) => m,
            other => panic!("expected a refusal, got {other:?}"),
        }
    }

    #[test]
    fn the_whole_file_is_checked_before_anything_is_merged() {
        let s = Store::open_in_memory().unwrap();
        let head = r#""format": "sango-export", "version": 2, "practice": true"#;
        let ok = format!(r#"{{{head}, "residents": [], "bookings": [], "events": []}}"#);
        assert_eq!(import(&s, &ok).unwrap(), ImportReport::default());
        // A byte-order mark is fine.
        assert!(import(&s, &format!("\u{feff}{ok}")).is_ok());
        let m = refusal(&s, &format!(r#"{{{head}, "residents": [], "bookings": []}}"#));
        assert!(m.contains("missing field `events`"), "{m}");
        let m = refusal(
            &s,
            &format!(r#"{{{head}, "residents": [], "bookings": [], "events": [], "x": 1}}"#),
        );
        assert!(m.contains("unknown field"), "{m}");
        let m = refusal(&s, &ok.replace("sango-export", "other"));
        assert!(m.contains("not 'sango-export'"), "{m}");
        let m = refusal(&s, &ok.replace("\"version\": 2", "\"version\": 9"));
        assert!(m.contains("version 9"), "{m}");
        // A resident twice, an event about a record not in the file: refused, nothing merged.
        let r = r#"{"id": "R1", "birth": "2026-11-01", "due": null, "corrected": false, "babies": 1, "exempt": false, "created_at": "2026-11-20T10:00:00+09:00", "updated_at": "2026-11-20T10:00:00+09:00"}"#;
        let twice = format!(r#"{{{head}, "residents": [{r}, {r}], "bookings": [], "events": []}}"#);
        assert!(refusal(&s, &twice).contains("resident R1 appears twice"));
        let ev = r#"{"id": "01KB0000000000000000000000", "at": "2026-11-20T10:00:00+09:00", "terminal": "t", "kind": "booked", "subject": "01KB0000000000000000000001", "data": {}}"#;
        let orphan = format!(r#"{{{head}, "residents": [{r}], "bookings": [], "events": [{ev}]}}"#);
        let m = refusal(&s, &orphan);
        assert!(m.contains("which is not in the file"), "{m}");
        assert!(s.residents().unwrap().is_empty(), "nothing of a refused file is written");
    }
}
