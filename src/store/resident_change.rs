//! Editing a resident's record (birth date, due date, 修正月齢, babies, exemption) together
//! with what it does to her active bookings, in one transaction:
//! - a booking whose fee differs under the new record gets the new fee (a `fee_changed` event);
//! - a booking whose days fall outside her new window is listed with the rule it breaks, and
//!   the clerk decides: cancel it (an ordinary cancellation at that moment, late or not) or
//!   keep it (a `kept_outside_window` event naming the rule). A change that leaves such a
//!   booking without a decision is refused, naming each booking.
//!
//! [`Store::resident_change_preview`] shows the same list before saving. "Active" is booked and
//! not yet used (its last day is today or later); used and cancelled bookings keep their fees.

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use super::bookings::{self, Booking, Cancellation, Status};
use super::commands::{Applied, CommandKind};
use super::db::Db;
use super::error::StoreError;
use super::events::{self, EventKind, FeeChangeData};
use super::moment::Moment;
use super::residents::{self, Resident, ResidentInput};
use super::{BookingFilter, Store};
use crate::dataset::Dataset;
use crate::domain::booking::Refusal;
use crate::domain::resident_change::{self, Effect};

/// A booking the change affects, and how.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Affected {
    pub booking: Booking,
    pub effect: Effect,
}

/// An affected booking as `resident edit --dry-run --json` and the server's preview show it.
#[derive(Serialize)]
struct AffectedView<'a> {
    id: &'a str,
    code: Option<&'a str>,
    first_day: NaiveDate,
    last_day: NaiveDate,
    fee_yen: u32,
    /// The fee under the new record, when it changes.
    new_fee_yen: Option<u32>,
    /// The window rule it breaks under the new record.
    outside: Option<&'static str>,
    outside_detail: Option<String>,
}

impl Serialize for Affected {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let b = &self.booking;
        AffectedView {
            id: &b.id,
            code: b.code.as_deref(),
            first_day: b.first_day,
            last_day: b.last_day,
            fee_yen: b.fee_yen,
            new_fee_yen: self.new_fee_yen(),
            outside: self.outside().map(|r| r.rule()),
            outside_detail: self.outside().map(|r| r.to_string()),
        }
        .serialize(s)
    }
}

impl Affected {
    /// The window rule the booking breaks under the new record, if any.
    pub fn outside(&self) -> Option<&Refusal> {
        self.effect.outside.as_ref()
    }

    /// The fee under the new record, when it changes.
    pub fn new_fee_yen(&self) -> Option<u32> {
        self.effect.new_fee.map(|f| f.total_yen)
    }
}

/// The clerk's answer for a booking outside the new window, by its id or code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    Keep(String),
    Cancel(String),
}

impl Decision {
    /// The clerk's answers: the bookings to keep, then those to cancel (by id or code).
    pub fn from_lists(keep: Vec<String>, cancel: Vec<String>) -> Vec<Decision> {
        keep.into_iter()
            .map(Decision::Keep)
            .chain(cancel.into_iter().map(Decision::Cancel))
            .collect()
    }

    fn names(&self, b: &Booking) -> bool {
        let typed = match self {
            Decision::Keep(t) | Decision::Cancel(t) => t,
        };
        let code = crate::domain::booking_code::parse(typed);
        typed.trim().eq_ignore_ascii_case(&b.id) || (code.is_some() && code == b.code)
    }
}

/// What saving the change did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ResidentUpdate {
    pub resident: Resident,
    /// Bookings whose fee changed: (booking id, from, to).
    pub fee_changes: Vec<(String, u32, u32)>,
    /// Bookings outside the new window that were kept: (booking id, rule).
    pub kept: Vec<(String, &'static str)>,
    /// Bookings outside the new window that were cancelled: each as `{id, code, late,
    /// units_charged}` (the facility must also be phoned).
    #[serde(serialize_with = "cancelled_views")]
    pub cancelled: Vec<Cancellation>,
}

fn cancelled_views<S: serde::Serializer>(list: &[Cancellation], s: S) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeSeq;
    let mut seq = s.serialize_seq(Some(list.len()))?;
    for c in list {
        seq.serialize_element(&serde_json::json!({
            "id": c.booking.id,
            "code": c.booking.code,
            "late": c.outcome.late,
            "units_charged": c.outcome.units_charged,
        }))?;
    }
    seq.end()
}

/// A change to a resident's record as a clerk asks for it: only the facts given change (the
/// command line's flags, the server's `POST /v1/residents/{id}/edit`), applied to the record
/// as it is when the change is made.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResidentEdit {
    pub birth: Option<NaiveDate>,
    pub due: Option<NaiveDate>,
    /// Remove the due date.
    #[serde(default)]
    pub no_due: bool,
    pub corrected: Option<bool>,
    pub babies: Option<u32>,
    pub exempt: Option<bool>,
}

impl ResidentEdit {
    /// The record `old` with this change.
    pub fn apply(&self, old: &Resident) -> ResidentInput {
        let mut input = old.input();
        if let Some(b) = self.birth {
            input.birth = b;
        }
        if self.no_due {
            input.due = None;
        } else if let Some(d) = self.due {
            input.due = Some(d);
        }
        if let Some(c) = self.corrected {
            input.corrected = c;
        }
        if let Some(n) = self.babies {
            input.babies = n;
        }
        if let Some(e) = self.exempt {
            input.exempt = e;
        }
        input
    }
}

/// Her active bookings and what the record `new` does to each (only those affected).
fn affected(
    store: &Store,
    dataset: &Dataset,
    new: &Resident,
    today: chrono::NaiveDate,
) -> Result<Vec<Affected>, StoreError> {
    let mut out = Vec::new();
    let filter = BookingFilter { resident: Some(new.id.clone()), ..Default::default() };
    // Read on the store's one connection: inside the caller's transaction when there is one.
    for b in store.bookings(&filter)? {
        if b.status_at(today) != Status::Booked {
            continue;
        }
        let Some(f) = dataset.facility(&b.facility) else { continue };
        let Some(terms) = dataset.terms(f, b.care) else { continue };
        let effect = resident_change::effect(
            terms,
            new.mother(),
            b.first_day,
            b.last_day,
            b.units,
            b.fee_yen,
        );
        if !effect.is_none() {
            out.push(Affected { booking: b, effect });
        }
    }
    Ok(out)
}

/// The record `input` would make of `old`, changed at `at`.
fn changed(old: &Resident, input: &ResidentInput, at: NaiveDateTime) -> Resident {
    Resident {
        birth: input.birth,
        due: input.due,
        corrected: input.corrected,
        babies: input.babies,
        exempt: input.exempt,
        updated_at: at,
        ..old.clone()
    }
}

impl Store {
    /// What saving `input` at `at` would do to her active bookings (nothing is written).
    pub fn resident_change_preview(
        &self,
        dataset: &Dataset,
        input: &ResidentInput,
        at: NaiveDateTime,
    ) -> Result<Vec<Affected>, StoreError> {
        let input = &input.normalized();
        input.validate()?;
        let tx = self.read()?;
        let old = residents::get(&tx, &input.id)
            .map_err(|e| self.err(e))?
            .ok_or_else(|| StoreError::UnknownResident(input.id.clone()))?;
        let list = affected(self, dataset, &changed(&old, input, at), at.date());
        tx.commit().map_err(|e| self.err(e))?;
        list
    }

    /// Changes a resident's facts (the user number stays) and applies what that does to her
    /// active bookings, with `decisions` for those outside her new window (see the module).
    pub fn update_resident(
        &self,
        dataset: &Dataset,
        input: &ResidentInput,
        at: NaiveDateTime,
        terminal: &str,
        decisions: &[Decision],
    ) -> Result<ResidentUpdate, StoreError> {
        events::validate_terminal(terminal)?;
        let when = self.moment(at)?;
        let tx = self.write()?;
        let done = self.update_resident_in(&tx, dataset, input, when, terminal, decisions)?;
        tx.commit().map_err(|e| self.err(e))?;
        Ok(done)
    }

    /// Edits resident `id` by `edit` (applied to her record as it is now) as
    /// [`Store::update_resident`], once per `command_id` (see [`super::commands`]): the answer
    /// is the [`ResidentUpdate`].
    #[allow(clippy::too_many_arguments)]
    pub fn edit_resident_once(
        &self,
        dataset: &Dataset,
        id: &str,
        edit: &ResidentEdit,
        at: NaiveDateTime,
        terminal: &str,
        decisions: &[Decision],
        command_id: &str,
    ) -> Result<Applied, StoreError> {
        let id = crate::domain::user_number::normalize(id);
        self.apply_once(command_id, CommandKind::EditResident, at, terminal, |tx, when| {
            let old = residents::get(tx, &id)
                .map_err(|e| self.err(e))?
                .ok_or_else(|| StoreError::UnknownResident(id.clone()))?;
            let done =
                self.update_resident_in(tx, dataset, &edit.apply(&old), when, terminal, decisions)?;
            Ok(serde_json::json!(done))
        })
    }

    /// The change inside the caller's write transaction.
    fn update_resident_in(
        &self,
        tx: &Db,
        dataset: &Dataset,
        input: &ResidentInput,
        when: Moment,
        terminal: &str,
        decisions: &[Decision],
    ) -> Result<ResidentUpdate, StoreError> {
        let input = &input.normalized();
        input.validate()?;
        let at = when.at;
        let e = |x| self.err(x);
        let old = residents::get(tx, &input.id)
            .map_err(e)?
            .ok_or_else(|| StoreError::UnknownResident(input.id.clone()))?;
        let mut done = ResidentUpdate {
            resident: old.clone(),
            fee_changes: Vec::new(),
            kept: Vec::new(),
            cancelled: Vec::new(),
        };
        if old.input() == *input {
            return Ok(done);
        }
        let r = changed(&old, input, at);
        let affected = affected(self, dataset, &r, at.date())?;
        let undecided: Vec<String> = affected
            .iter()
            .filter(|a| a.outside().is_some())
            .filter(|a| !decisions.iter().any(|d| d.names(&a.booking)))
            .map(|a| {
                let name = a.booking.code.clone().unwrap_or_else(|| a.booking.id.clone());
                format!("{name} ({})", a.outside().map(Refusal::rule).unwrap_or_default())
            })
            .collect();
        if !undecided.is_empty() {
            return Err(StoreError::NeedsDecision { resident: r.id.clone(), bookings: undecided });
        }
        residents::update_row(tx, &r).map_err(e)?;
        events::append(tx, when, terminal, EventKind::ResidentUpdated, &r.id, &r).map_err(e)?;
        for a in affected {
            let b = a.booking.clone();
            let decision = decisions.iter().find(|d| d.names(&b));
            if a.outside().is_some() && matches!(decision, Some(Decision::Cancel(_))) {
                done.cancelled.push(self.cancel_in(tx, dataset, b, when, terminal)?);
                continue;
            }
            if let Some(rule) = a.outside() {
                let data = serde_json::json!({ "rule": rule.rule(), "detail": rule.to_string() });
                events::append(tx, when, terminal, EventKind::KeptOutsideWindow, &b.id, &data)
                    .map_err(e)?;
                done.kept.push((b.id.clone(), rule.rule()));
            }
            if let Some(fee) = a.new_fee_yen() {
                let change = FeeChangeData { from_yen: b.fee_yen, fee_yen: fee, updated_at: at };
                bookings::set_fee(tx, &b.id, &change).map_err(e)?;
                events::append(tx, when, terminal, EventKind::FeeChanged, &b.id, &change)
                    .map_err(e)?;
                done.fee_changes.push((b.id.clone(), b.fee_yen, fee));
            }
        }
        done.resident = r;
        Ok(done)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::jst;
    use crate::store::ResidentInput;

    fn at(s: &str) -> NaiveDateTime {
        jst::parse_moment(s).unwrap()
    }

    #[test]
    fn updating_a_resident_is_audited_and_replays() {
        let s = Store::open_in_memory().unwrap();
        let ds = crate::dataset::load_embedded().unwrap();
        let birth = jst::parse_date("2026-01-01").unwrap();
        let r =
            s.add_resident(&ResidentInput::new("R1", birth), at("2026-01-05T09:00"), "k1").unwrap();
        assert_eq!(r.created_at, r.updated_at);
        let mut edit = r.input();
        edit.babies = 2;
        edit.due = jst::parse_date("2026-01-20");
        edit.corrected = true;
        let u = s
            .update_resident(
                &ds,
                &edit,
                at("2026-01-06T10:30:15") + chrono::TimeDelta::milliseconds(250),
                "k2",
                &[],
            )
            .unwrap()
            .resident;
        assert_eq!(u.babies, 2);
        assert_eq!(u.created_at, r.created_at);
        assert_eq!(u.updated_at, at("2026-01-06T10:30:15"));
        assert_eq!(s.resident("R1").unwrap(), Some(u.clone()));
        // The same facts again change nothing.
        s.update_resident(&ds, &edit, at("2026-01-07T09:00"), "k2", &[]).unwrap();
        let evs = s.events_for("R1").unwrap();
        assert_eq!(evs.len(), 2);
        assert_eq!(evs[1].terminal, "k2");
        assert_eq!(s.verify_events().unwrap(), Ok(()));
        assert!(matches!(
            s.update_resident(
                &ds,
                &ResidentInput::new("R9", birth),
                at("2026-01-07T09:00"),
                "k",
                &[]
            ),
            Err(StoreError::UnknownResident(_))
        ));
        assert!(matches!(
            s.add_resident(&ResidentInput::new("R1", birth), at("2026-01-07T09:00"), "k"),
            Err(StoreError::ResidentExists(_))
        ));
        assert!(matches!(
            s.add_resident(&ResidentInput::new("R2", birth), at("2026-01-07T09:00"), " "),
            Err(StoreError::Invalid { .. })
        ));
        assert_eq!(u.mother().babies, 2);
    }

    fn stay(s: &Store, ds: &Dataset, start: &str, nights: u32, at_: &str) -> Booking {
        let req = crate::store::BookingRequest {
            resident: "R1".into(),
            facility: "ayase-sango-care".into(),
            care: crate::domain::care::CareType::Stay,
            start: jst::parse_date(start).unwrap(),
            length: crate::domain::care::Length::Nights(nights),
        };
        s.book(ds, &req, at(at_), "k1").unwrap().booking
    }

    #[test]
    fn twins_after_all_reprice_her_active_bookings_only_with_an_event_each() {
        let s = Store::open_in_memory().unwrap();
        let ds = crate::dataset::load_embedded().unwrap();
        let birth = jst::parse_date("2026-11-01").unwrap();
        s.add_resident(&ResidentInput::new("R1", birth), at("2026-11-02T09:00"), "k1").unwrap();
        let past = stay(&s, &ds, "2026-11-10", 1, "2026-11-02T09:00");
        let active = stay(&s, &ds, "2026-12-01", 1, "2026-11-02T09:00");
        assert_eq!((past.fee_yen, active.fee_yen), (6600, 6600));
        let mut twins = s.resident("R1").unwrap().unwrap().input();
        twins.babies = 2;
        let when = at("2026-11-20T10:00");
        let preview = s.resident_change_preview(&ds, &twins, when).unwrap();
        assert_eq!(preview.len(), 1, "the stay already used keeps its fee");
        assert_eq!(preview[0].booking.id, active.id);
        assert_eq!(preview[0].new_fee_yen(), Some(8800));
        assert_eq!(preview[0].outside(), None);
        let done = s.update_resident(&ds, &twins, when, "k2", &[]).unwrap();
        assert_eq!(done.fee_changes, vec![(active.id.clone(), 6600, 8800)]);
        assert_eq!(s.booking(&active.id).unwrap().unwrap().fee_yen, 8800);
        assert_eq!(s.booking(&past.id).unwrap().unwrap().fee_yen, 6600);
        let kinds: Vec<EventKind> =
            s.events_for(&active.id).unwrap().iter().map(|e| e.kind).collect();
        assert_eq!(kinds, [EventKind::Booked, EventKind::FeeChanged]);
        assert_eq!(s.verify_events().unwrap(), Ok(()));
    }

    #[test]
    fn a_booking_outside_the_new_window_waits_for_the_clerk_to_keep_or_cancel_it() {
        let ds = crate::dataset::load_embedded().unwrap();
        let setup = || {
            let s = Store::open_in_memory().unwrap();
            let birth = jst::parse_date("2026-11-01").unwrap();
            s.add_resident(&ResidentInput::new("R1", birth), at("2026-11-02T09:00"), "k1").unwrap();
            // 綾瀬産後ケア's stays run to day 60: 12/30 for a baby born 11/1.
            let b = stay(&s, &ds, "2026-12-20", 1, "2026-11-02T09:00");
            (s, b)
        };
        let mut corrected = ResidentInput::new("R1", jst::parse_date("2026-10-01").unwrap());
        corrected.babies = 1;
        let when = at("2026-11-20T10:00");
        let (s, b) = setup();
        let preview = s.resident_change_preview(&ds, &corrected, when).unwrap();
        assert_eq!(preview[0].outside().map(|r| r.rule()), Some("after_window"));
        let e = s.update_resident(&ds, &corrected, when, "k2", &[]).unwrap_err();
        let text = e.to_string();
        assert!(
            text.contains(b.code.as_deref().unwrap()) && text.contains("after_window"),
            "{text}"
        );
        assert_eq!(
            s.resident("R1").unwrap().unwrap().birth,
            jst::parse_date("2026-11-01").unwrap()
        );

        // Kept: an event names the rule; the booking stays booked.
        let code = b.code.clone().unwrap().to_lowercase();
        let done = s.update_resident(&ds, &corrected, when, "k2", &[Decision::Keep(code)]).unwrap();
        assert_eq!(done.kept, vec![(b.id.clone(), "after_window")]);
        assert_eq!(s.booking(&b.id).unwrap().unwrap().status, Status::Booked);
        let last = s.events_for(&b.id).unwrap().pop().unwrap();
        assert_eq!(last.kind, EventKind::KeptOutsideWindow);
        assert_eq!(last.data["rule"], "after_window");
        assert_eq!(s.verify_events().unwrap(), Ok(()));

        // Cancelled: an ordinary cancellation at that moment (in time, a month ahead).
        let (s, b) = setup();
        let done = s
            .update_resident(&ds, &corrected, when, "k2", &[Decision::Cancel(b.id.clone())])
            .unwrap();
        assert_eq!(done.cancelled.len(), 1);
        assert!(!done.cancelled[0].outcome.late);
        assert_eq!(s.booking(&b.id).unwrap().unwrap().status, Status::Cancelled);
        assert_eq!(s.verify_events().unwrap(), Ok(()));
    }
}
