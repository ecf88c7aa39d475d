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

use std::collections::{BTreeMap, BTreeSet, HashSet};

use chrono::NaiveDateTime;
use rusqlite::Connection;
use serde::Serialize;

use super::Store;
use super::bookings;
use super::bookings::{Booking, Status};
use super::error::StoreError;
use super::events::{self, Event, EventKind, State};
use super::export::{Export, FORMAT, FORMAT_VERSION};
use super::residents;
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

/// Parses and checks an export file without touching any database.
pub fn parse(text: &str) -> Result<Export, StoreError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let e: Export =
        serde_json::from_str(text).map_err(|x| StoreError::ImportFormat(x.to_string()))?;
    if e.format != FORMAT {
        return Err(StoreError::ImportFormat(format!("format is '{}', not '{FORMAT}'", e.format)));
    }
    if e.version > FORMAT_VERSION || e.version == 0 {
        return Err(StoreError::ImportFormat(format!(
            "version {} (this program reads version {FORMAT_VERSION})",
            e.version
        )));
    }
    let mut e = e;
    normalize_user_numbers(&mut e);
    let bad = |s: String| StoreError::ImportFormat(s);
    let mut ids = HashSet::new();
    for r in &e.residents {
        r.validate().map_err(|x| bad(x.to_string()))?;
        if !ids.insert(("r", r.id.as_str())) {
            return Err(bad(format!("resident {} appears twice", r.id)));
        }
    }
    for b in &e.bookings {
        b.validate().map_err(bad)?;
        if !ids.insert(("b", b.id.as_str())) {
            return Err(bad(format!("booking {} appears twice", b.id)));
        }
    }
    let mut event_ids = HashSet::new();
    for ev in &e.events {
        if ulid::Ulid::from_string(&ev.id).map(|u| u.to_string() != ev.id).unwrap_or(true) {
            return Err(bad(format!("event id '{}' is not a ULID", ev.id.escape_debug())));
        }
        events::validate_terminal(&ev.terminal).map_err(|x| bad(x.to_string()))?;
        if !event_ids.insert(ev.id.as_str()) {
            return Err(bad(format!("event {} appears twice", ev.id)));
        }
        let kind = match ev.kind {
            EventKind::ResidentAdded | EventKind::ResidentUpdated => "r",
            EventKind::Booked
            | EventKind::Cancelled
            | EventKind::NoShow
            | EventKind::FeeChanged
            | EventKind::KeptOutsideWindow => "b",
            // The exporting terminal's own history (a PIN lockout, a repair): kept there.
            EventKind::PinLockedOut | EventKind::StoreRepaired => continue,
        };
        if !ids.contains(&(kind, ev.subject.as_str())) {
            return Err(bad(format!(
                "event {} is about {}, which is not in the file",
                ev.id, ev.subject
            )));
        }
    }
    Ok(e)
}

/// Puts every user number of a file in the normal form (an older terminal may have kept
/// `r-0001` apart from `R-0001`), in the records and in their events alike, so that the events
/// still describe the records.
fn normalize_user_numbers(e: &mut Export) {
    let fix = |v: &mut serde_json::Value, key: &str| {
        if let Some(s) = v.get(key).and_then(|s| s.as_str()) {
            v[key] = user_number::normalize(s).into();
        }
    };
    for r in &mut e.residents {
        r.id = user_number::normalize(&r.id);
    }
    for b in &mut e.bookings {
        b.resident = user_number::normalize(&b.resident);
    }
    for ev in &mut e.events {
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
            | EventKind::StoreRepaired => {}
        }
    }
}

fn group(evs: &[Event]) -> BTreeMap<&str, Vec<&Event>> {
    let mut m: BTreeMap<&str, Vec<&Event>> = BTreeMap::new();
    for e in evs {
        m.entry(e.subject.as_str()).or_default().push(e);
    }
    m
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
fn recheck(
    conn: &Connection,
    dataset: &Dataset,
    b: &Booking,
) -> rusqlite::Result<Result<(), Conflict>> {
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

/// Marks events to be inserted.
fn take(to_add: &mut HashSet<String>, evs: &[&Event]) {
    to_add.extend(evs.iter().map(|e| e.id.clone()));
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
        events::validate_terminal(terminal)?;
        let file = parse(text)?;
        let practice_store = self.kind() == super::StoreKind::Practice;
        if file.practice != practice_store {
            let (file_kind, store_kind) =
                if file.practice { ("practice", "live") } else { ("live", "practice") };
            return Err(StoreError::ImportFormat(format!(
                "the file holds {file_kind} data and this is the {store_kind} store: live and \
                 practice data never mix (本番と練習のデータは混ぜられません)"
            )));
        }
        let when = self.moment(at)?;
        let at = when.at;
        let by_subject = group(&file.events);
        let empty = Vec::new();
        let mut rep = ImportReport::default();
        // Residents whose records conflict: their bookings are not merged either, since they
        // were checked against other facts.
        let mut conflicting: BTreeSet<String> = BTreeSet::new();
        let mut to_add: HashSet<String> = HashSet::new();
        let tx = self.write()?;
        let e = |x| self.err(x);

        for r in &file.residents {
            let incoming = by_subject.get(r.id.as_str()).unwrap_or(&empty);
            let own = own_history(incoming, |s| s.residents.get(&r.id) == Some(r));
            let Some(local) = residents::get(&tx, &r.id).map_err(e)? else {
                if let Err(detail) = own {
                    rep.conflicts.push(Conflict::other("resident", &r.id, detail));
                    conflicting.insert(r.id.clone());
                    continue;
                }
                residents::insert(&tx, r).map_err(e)?;
                take(&mut to_add, incoming);
                rep.residents_added.push(r.id.clone());
                continue;
            };
            let local_events = self.subject_events(&tx, &r.id)?;
            let state_of = |s: &State| s.residents.get(&r.id).cloned();
            match compare(incoming, r, &local_events, &local, state_of, own.is_ok()) {
                Merge::Same => rep.unchanged += 1,
                Merge::Extend(new) => {
                    residents::update_row(&tx, r).map_err(e)?;
                    take(&mut to_add, &new);
                    rep.residents_updated.push(r.id.clone());
                }
                Merge::KeepLocal => rep.kept_local.push(r.id.clone()),
                // Registered separately on two terminals with the same facts: one mother.
                Merge::Conflict(_) if local.same_facts(r) => rep.unchanged += 1,
                Merge::Conflict(detail) => {
                    rep.conflicts.push(Conflict::other("resident", &r.id, detail));
                    conflicting.insert(r.id.clone());
                }
            }
        }

        // First what the other terminal did to bookings this one holds (cancellations: they
        // only free days and units), then its new bookings in the order they were made, each
        // checked by the booking rules against everything merged before it.
        let mut new_bookings: Vec<(&Booking, &Vec<&Event>)> = Vec::new();
        for b in &file.bookings {
            let incoming = by_subject.get(b.id.as_str()).unwrap_or(&empty);
            if conflicting.contains(&b.resident) {
                rep.conflicts.push(Conflict::other(
                    "booking",
                    &b.id,
                    format!("its resident (利用者番号) {} conflicts", b.resident),
                ));
                continue;
            }
            let own = own_history(incoming, |s| s.bookings.get(&b.id) == Some(b));
            let Some(local) = bookings::get(&tx, &b.id).map_err(e)? else {
                match own {
                    Err(detail) => rep.conflicts.push(Conflict::other("booking", &b.id, detail)),
                    Ok(()) => new_bookings.push((b, incoming)),
                }
                continue;
            };
            let local_events = self.subject_events(&tx, &b.id)?;
            let state_of = |s: &State| s.bookings.get(&b.id).cloned();
            match compare(incoming, b, &local_events, &local, state_of, own.is_ok()) {
                Merge::Same => rep.unchanged += 1,
                Merge::Extend(new) => {
                    // The other terminal's later events bring the row to the file's state.
                    bookings::write_state(&tx, b).map_err(e)?;
                    take(&mut to_add, &new);
                    rep.bookings_updated.push(b.id.clone());
                }
                Merge::KeepLocal => rep.kept_local.push(b.id.clone()),
                Merge::Conflict(detail) => {
                    rep.conflicts.push(Conflict::other("booking", &b.id, detail))
                }
            }
        }
        new_bookings.sort_by(|(a, _), (b, _)| (a.created_at, &a.id).cmp(&(b.created_at, &b.id)));
        for (b, incoming) in new_bookings {
            match recheck(&tx, dataset, b).map_err(e)? {
                Err(conflict) => rep.conflicts.push(conflict),
                Ok(()) => {
                    bookings::insert(&tx, b).map_err(e)?;
                    take(&mut to_add, incoming);
                    rep.bookings_added.push(b.id.clone());
                }
            }
        }

        // The events go in the file's order, so the audit trail reads as it did there.
        for ev in file.events.iter().filter(|ev| to_add.contains(&ev.id)) {
            events::insert(&tx, ev, Some((at, terminal))).map_err(e)?;
            rep.events_added += 1;
        }
        tx.commit().map_err(e)?;
        Ok(rep)
    }

    fn subject_events(&self, conn: &Connection, subject: &str) -> Result<Vec<Event>, StoreError> {
        let mut st = conn
            .prepare("SELECT id FROM events WHERE subject = ?1 ORDER BY seq")
            .map_err(|x| self.err(x))?;
        let ids = st
            .query_map([subject], |r| r.get::<_, String>(0))
            .map_err(|x| self.err(x))?
            .collect::<rusqlite::Result<Vec<_>>>()
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
