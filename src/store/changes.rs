//! The change feed a ward's server gives its terminals (`GET /v1/changes`), and the merge of
//! it into a terminal's replica.
//!
//! A page is the events with `seq > since`, in order, with the current rows of the residents
//! and bookings they touch (and the residents of those bookings), in the shape of the JSON
//! export. The replica takes the server's rows as they are ([`Store::merge_replica`]): the
//! server is authoritative, so unlike `sango import` nothing is re-checked or compared, and a
//! page merged twice changes nothing the second time.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::Store;
use super::bookings::{self, Booking};
use super::db::Engine;
use super::error::StoreError;
use super::events::{self, Event};
use super::residents::{self, Resident};

/// The most events one page holds, and the default.
pub const MAX_LIMIT: u32 = 10_000;
pub const DEFAULT_LIMIT: u32 = 1_000;

/// An event of the feed with its sequence number on the server.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SeqEvent {
    pub seq: i64,
    #[serde(flatten)]
    pub event: Event,
}

/// One page of the change feed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Changes {
    pub format: String,
    pub version: u32,
    #[serde(default)]
    pub practice: bool,
    /// The server store's id: a terminal's replica belongs to one store.
    pub store_id: String,
    pub residents: Vec<Resident>,
    pub bookings: Vec<Booking>,
    pub events: Vec<SeqEvent>,
    /// The last sequence number this page covers: ask `since=next` for the rest.
    pub next: i64,
    /// Whether there are events after `next` already.
    pub more: bool,
}

impl Store {
    /// The events after `since` (at most `limit`, of those that change a resident or a
    /// booking, and a kiosk's requests for staff with their resolutions; the store's own events
    /// are skipped but counted in `next`), with the current
    /// rows they touch, read in one snapshot.
    pub fn changes(&self, since: i64, limit: u32) -> Result<Changes, StoreError> {
        let limit = limit.clamp(1, MAX_LIMIT);
        let tx = self.read()?;
        if tx.engine() == Engine::Postgres {
            // Identity values are taken before their transactions commit, so a writer still in
            // flight may hold a lower seq than one already visible: wait for writers in flight
            // (and hold new ones back for this read), so no event is ever skipped.
            tx.batch("LOCK TABLE events IN SHARE MODE").map_err(|e| self.err(e))?;
        }
        let rows: Vec<(i64, Event)> = tx
            .query_map(
                "SELECT seq, id, at, recorded_at, terminal, kind, subject, data FROM events
                 WHERE seq > ?1 ORDER BY seq LIMIT ?2",
                crate::params![since, i64::from(limit) + 1],
                |r| {
                    let seq: i64 = r.get(0)?;
                    let kind: String = r.get(5)?;
                    let data: String = r.get(7)?;
                    Ok((
                        seq,
                        Event {
                            id: r.get(1)?,
                            at: super::time_at(r, 2, "at")?,
                            recorded_at: super::opt_time_at(r, 3, "recorded_at")?,
                            terminal: r.get(4)?,
                            kind: kind.parse().map_err(|_| super::bad_text("kind", &kind))?,
                            subject: r.get(6)?,
                            data: serde_json::from_str(&data)
                                .map_err(|_| super::bad_text("data", &data))?,
                        },
                    ))
                },
            )
            .map_err(|e| self.err(e))?;
        let more = rows.len() > limit as usize;
        let rows: Vec<(i64, Event)> = rows.into_iter().take(limit as usize).collect();
        let next = rows.last().map_or(since, |(s, _)| *s);
        let mut resident_ids = BTreeSet::new();
        let mut booking_ids = BTreeSet::new();
        let mut out_events = Vec::new();
        for (seq, ev) in rows {
            if !ev.kind.is_carried() {
                continue;
            }
            // A kiosk's request and its resolution touch no record (nothing was booked).
            if ev.kind.is_about_resident() {
                resident_ids.insert(ev.subject.clone());
            } else if ev.kind.is_record_change() {
                booking_ids.insert(ev.subject.clone());
            }
            out_events.push(SeqEvent { seq, event: ev });
        }
        let mut out_bookings = Vec::new();
        for id in &booking_ids {
            if let Some(b) = bookings::get(&tx, id).map_err(|e| self.err(e))? {
                resident_ids.insert(b.resident.clone());
                out_bookings.push(b);
            }
        }
        let mut out_residents = Vec::new();
        for id in &resident_ids {
            if let Some(r) = residents::get(&tx, id).map_err(|e| self.err(e))? {
                out_residents.push(r);
            }
        }
        tx.commit().map_err(|e| self.err(e))?;
        Ok(Changes {
            format: super::export::FORMAT.to_string(),
            version: super::export::FORMAT_VERSION,
            practice: self.kind() == super::StoreKind::Practice,
            store_id: self.id().to_string(),
            residents: out_residents,
            bookings: out_bookings,
            events: out_events,
            next,
            more,
        })
    }

    /// Merges a page of a server's change feed into this replica, in one transaction: the
    /// server's rows replace this store's, its events are added once each (by id). Returns
    /// how many rows and events changed. Only a terminal's replica is merged into this way:
    /// nothing is re-checked, since the server decided it.
    pub fn merge_replica(&self, page: &Changes) -> Result<usize, StoreError> {
        if page.practice != (self.kind() == super::StoreKind::Practice) {
            return Err(StoreError::ImportFormat(
                "the server's store and this replica are not the same kind (live / practice): \
                 live and practice data never mix (本番と練習のデータは混ぜられません)"
                    .into(),
            ));
        }
        let tx = self.write()?;
        let e = |x| self.err(x);
        let mut changed = 0;
        for r in &page.residents {
            r.validate()?;
            match residents::get(&tx, &r.id).map_err(e)? {
                None => residents::insert(&tx, r).map_err(e)?,
                Some(local) if local == *r => continue,
                Some(_) => residents::update_row(&tx, r).map_err(e)?,
            }
            changed += 1;
        }
        for b in &page.bookings {
            b.validate().map_err(StoreError::ImportFormat)?;
            match bookings::get(&tx, &b.id).map_err(e)? {
                None => bookings::insert(&tx, b).map_err(e)?,
                Some(local) if local == *b => continue,
                Some(_) => bookings::write_state(&tx, b).map_err(e)?,
            }
            changed += 1;
        }
        for se in &page.events {
            if events::by_id(&tx, &se.event.id).map_err(e)?.is_none() {
                events::insert(&tx, &se.event, None).map_err(e)?;
                changed += 1;
            }
        }
        tx.commit().map_err(e)?;
        Ok(changed)
    }
}

impl Store {
    /// Records a clerk's resolution of a command the server refused on sync (the review list)
    /// as an event (`review_resolved`, its subject the command id), once: resolving it again
    /// returns the first resolution and records nothing (`true` when it was there before).
    pub fn resolve_review(
        &self,
        command_id: &str,
        data: &serde_json::Value,
        at: chrono::NaiveDateTime,
        terminal: &str,
    ) -> Result<(Event, bool), StoreError> {
        self.event_once(events::EventKind::ReviewResolved, command_id, data, at, terminal)
    }

    /// Records a kiosk's request for staff (a booking a mother confirmed while the server was
    /// away) as an event (`kiosk_request`, its subject the command id), once: nothing is booked;
    /// the same request again returns the first event (`true`).
    pub fn record_kiosk_request(
        &self,
        command_id: &str,
        data: &serde_json::Value,
        at: chrono::NaiveDateTime,
        terminal: &str,
    ) -> Result<(Event, bool), StoreError> {
        self.event_once(events::EventKind::KioskRequest, command_id, data, at, terminal)
    }

    /// An event of `kind` about command `command_id`, recorded once.
    fn event_once(
        &self,
        kind: events::EventKind,
        command_id: &str,
        data: &serde_json::Value,
        at: chrono::NaiveDateTime,
        terminal: &str,
    ) -> Result<(Event, bool), StoreError> {
        super::commands::validate_command_id(command_id)?;
        events::validate_terminal(terminal)?;
        let when = self.moment(at)?;
        let tx = self.write()?;
        let e = |x| self.err(x);
        // Copies of one event wait for each other (the same lock as commands).
        super::commands::claim(&tx, command_id).map_err(e)?;
        let prior: Option<String> = tx
            .query_opt(
                "SELECT id FROM events WHERE kind = ?1 AND subject = ?2",
                crate::params![kind.id(), command_id],
                |r| r.get(0),
            )
            .map_err(e)?;
        if let Some(id) = prior {
            let ev = events::by_id(&tx, &id).map_err(e)?.expect("the event just found");
            return Ok((ev, true));
        }
        let ev = events::append(&tx, when, terminal, kind, command_id, data).map_err(e)?;
        tx.commit().map_err(e)?;
        Ok((ev, false))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::care::{CareType, Length};
    use crate::domain::jst;
    use crate::store::{BookingRequest, Clock, ResidentInput, StoreKind};

    fn store() -> Store {
        let at = jst::parse_moment("2026-01-05T10:00").unwrap();
        Store::open_in_memory_as(StoreKind::Practice, Clock::fixed(at)).unwrap()
    }

    fn day(start: &str, days: u32) -> BookingRequest {
        BookingRequest {
            resident: "R1".into(),
            facility: "mizuki-josanin".into(),
            care: CareType::Day,
            start: jst::parse_date(start).unwrap(),
            length: Length::Days(days),
        }
    }

    #[test]
    fn the_feed_merged_page_by_page_twice_makes_the_same_replica() {
        let ds = crate::dataset::load_embedded().unwrap();
        let at = jst::parse_moment("2026-01-05T10:00").unwrap();
        let server = store();
        let birth = jst::parse_date("2026-01-01").unwrap();
        server.add_resident(&ResidentInput::new("R1", birth), at, "t").unwrap();
        let b = server.book(&ds, &day("2026-01-10", 3), at, "t").unwrap().booking;
        server.book(&ds, &day("2026-01-20", 2), at, "t").unwrap();
        server.cancel(&ds, &b.id, at, "t").unwrap();
        let replica = store();
        for _ in 0..2 {
            let mut since = 0;
            loop {
                let page = server.changes(since, 2).unwrap();
                assert!(page.events.len() <= 2);
                assert_eq!(page.store_id, server.id());
                replica.merge_replica(&page).unwrap();
                since = page.next;
                if !page.more {
                    break;
                }
            }
        }
        let all = |s: &Store| s.bookings(&Default::default()).unwrap();
        assert_eq!(all(&replica), all(&server));
        assert_eq!(replica.residents().unwrap(), server.residents().unwrap());
        assert_eq!(replica.events().unwrap(), server.events().unwrap());
        // Nothing new: an empty page at the same place.
        let last = server.changes(0, MAX_LIMIT).unwrap().next;
        let empty = server.changes(last, 10).unwrap();
        assert!(empty.events.is_empty() && !empty.more && empty.next == last);
        assert_eq!(replica.merge_replica(&empty).unwrap(), 0);
        // A live replica refuses a practice server's page.
        let live = Store::open_in_memory_as(StoreKind::Live, Clock::system()).unwrap();
        assert!(live.merge_replica(&empty).is_err());

        // The provisional check counts earlier provisional bookings and keeps nothing.
        let pending = [(day("2026-01-25", 1), at)];
        let fits = replica.check_provisional(&ds, &[], &day("2026-01-25", 1), at, "t");
        assert!(fits.is_ok(), "{fits:?}");
        let over = replica.check_provisional(&ds, &pending, &day("2026-01-26", 4), at, "t");
        assert!(over.unwrap_err().to_string().contains("利用上限"));
        // Her pending booking counts however her number was typed; another mother's does not.
        let typed = [(BookingRequest { resident: "r1".into(), ..day("2026-01-25", 1) }, at)];
        let over = replica.check_provisional(&ds, &typed, &day("2026-01-26", 4), at, "t");
        assert!(over.unwrap_err().to_string().contains("利用上限"));
        let hers_only = [(BookingRequest { resident: "R2".into(), ..day("2026-01-25", 1) }, at)];
        let fits = replica.check_provisional(&ds, &hers_only, &day("2026-01-26", 4), at, "t");
        assert!(fits.is_ok(), "{fits:?}");
        assert_eq!(all(&replica), all(&server));
    }
}
