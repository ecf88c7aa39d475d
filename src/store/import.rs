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
//! Bookings recorded offline on two terminals can together overrun a mother's limit; the
//! import cannot undo what a facility has accepted, so it reports every such limit instead.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use chrono::NaiveDateTime;
use rusqlite::Connection;
use serde::Serialize;

use super::bookings;
use super::error::StoreError;
use super::events::{self, Event, EventKind, State};
use super::export::{Export, FORMAT, FORMAT_VERSION};
use super::residents;
use super::{Store, timefmt};
use crate::dataset::Dataset;
use crate::domain::care::CareType;

/// A record that differs from this terminal's and was not imported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Conflict {
    /// "resident", "booking" or "event".
    pub kind: &'static str,
    pub id: String,
    pub detail: String,
}

impl std::fmt::Display for Conflict {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}: {}", self.kind, self.id, self.detail)
    }
}

/// A mother whose usage is over a limit after the merge.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OverLimitWarning {
    pub resident: String,
    pub care: CareType,
    pub limit: u32,
    pub used: u32,
}

impl std::fmt::Display for OverLimitWarning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "resident (利用者番号) {} is over the {} limit (利用上限): {} used of {}",
            self.resident, self.care, self.used, self.limit
        )
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
    pub conflicts: Vec<Conflict>,
    pub over_limit: Vec<OverLimitWarning>,
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
            EventKind::Booked | EventKind::Cancelled => "b",
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
        let at = timefmt::whole_seconds(at);
        let by_subject = group(&file.events);
        let empty = Vec::new();
        let mut rep = ImportReport::default();
        let mut touched: BTreeSet<String> = BTreeSet::new();
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
                    rep.conflicts.push(Conflict { kind: "resident", id: r.id.clone(), detail });
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
                    rep.conflicts.push(Conflict { kind: "resident", id: r.id.clone(), detail });
                    conflicting.insert(r.id.clone());
                }
            }
        }

        for b in &file.bookings {
            let incoming = by_subject.get(b.id.as_str()).unwrap_or(&empty);
            if conflicting.contains(&b.resident) {
                rep.conflicts.push(Conflict {
                    kind: "booking",
                    id: b.id.clone(),
                    detail: format!("its resident (利用者番号) {} conflicts", b.resident),
                });
                continue;
            }
            let own = own_history(incoming, |s| s.bookings.get(&b.id) == Some(b));
            let Some(local) = bookings::get(&tx, &b.id).map_err(e)? else {
                if let Err(detail) = own {
                    rep.conflicts.push(Conflict { kind: "booking", id: b.id.clone(), detail });
                    continue;
                }
                if residents::get(&tx, &b.resident).map_err(e)?.is_none() {
                    rep.conflicts.push(Conflict {
                        kind: "booking",
                        id: b.id.clone(),
                        detail: format!("unknown resident (利用者番号) {}", b.resident),
                    });
                    continue;
                }
                bookings::insert(&tx, b).map_err(e)?;
                take(&mut to_add, incoming);
                rep.bookings_added.push(b.id.clone());
                touched.insert(b.resident.clone());
                continue;
            };
            let local_events = self.subject_events(&tx, &b.id)?;
            let state_of = |s: &State| s.bookings.get(&b.id).cloned();
            match compare(incoming, b, &local_events, &local, state_of, own.is_ok()) {
                Merge::Same => rep.unchanged += 1,
                Merge::Extend(new) => {
                    for ev in &new {
                        let c: events::CancelData = serde_json::from_value(ev.data.clone())
                            .map_err(|x| StoreError::ImportFormat(x.to_string()))?;
                        bookings::set_cancelled(&tx, &b.id, &c).map_err(e)?;
                    }
                    take(&mut to_add, &new);
                    rep.bookings_updated.push(b.id.clone());
                    touched.insert(b.resident.clone());
                }
                Merge::KeepLocal => rep.kept_local.push(b.id.clone()),
                Merge::Conflict(detail) => {
                    rep.conflicts.push(Conflict { kind: "booking", id: b.id.clone(), detail })
                }
            }
        }

        // The events go in the file's order, so the audit trail reads as it did there.
        for ev in file.events.iter().filter(|ev| to_add.contains(&ev.id)) {
            events::insert(&tx, ev, Some((at, terminal))).map_err(e)?;
            rep.events_added += 1;
        }

        for resident in &touched {
            for care in CareType::ALL {
                let Some(rule) = dataset.care_rule(care) else { continue };
                let q = bookings::usage(&tx, resident, care, rule.limit).map_err(e)?;
                if q.used > q.limit {
                    rep.over_limit.push(OverLimitWarning {
                        resident: resident.clone(),
                        care,
                        limit: q.limit,
                        used: q.used,
                    });
                }
            }
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
