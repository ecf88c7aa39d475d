//! A kiosk working through a ward's server: the identified mother's session there, and her
//! data, kept in memory for her session only.
//!
//! A kiosk has no replica (the change feed refuses a kiosk's token: a kiosk never holds other
//! mothers' data). Public information comes from the embedded dataset. A mother identifies at
//! the server (`POST /v1/kiosk/identify`, the server's lockout); her record, quota and bookings
//! are then read in one request (`GET /v1/kiosk/me`) into a private in-memory store, so that
//! the app's screens and the booking wizard read them as they read any store. Her bookings and
//! cancellations go to the server under her session. The reset forgets the session and the
//! store.
//!
//! The server away after she identified: a booking she confirms is checked against what was
//! read for her (the same rules, in memory) and kept in the kiosk's outbox
//! ([`crate::kiosk_outbox`]) as a request for staff, sent when the server is back
//! (`POST /v1/kiosk/requests`): it never books by itself, a clerk does.

use chrono::{NaiveDate, NaiveDateTime};
use serde_json::{Value, json};

use crate::dataset::Dataset;
use crate::kiosk_outbox::{KioskOutbox, Request};
use crate::store::changes::Changes;
use crate::store::{BookingRequest, Clock, Store, StoreError, StoreKind};
use crate::terminal::{Remote, Reply, booking_body, message_of, minute};

/// The server's answer to an identification.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Identify {
    /// She is identified: her user number (her data is read).
    Yes(String),
    /// The number and the birth date do not match a registered mother.
    No,
    /// Too many failures at this kiosk or for this number: the server refuses for a while.
    Locked,
    /// The server cannot be reached: nobody can be identified now.
    Offline,
}

/// Why a booking or a cancellation was not made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// The server refused (its message names the rule).
    Said(String),
    /// The server cannot be reached (and nothing was kept).
    Offline,
    /// Her session at the server has ended (10 minutes unused, a restart): she identifies
    /// again.
    SessionEnded,
}

/// A booking's outcome at a kiosk.
#[derive(Debug, Clone, PartialEq)]
pub enum Booked {
    /// Booked on the server: the command's result (`booking`, `plan`).
    Decided(Value),
    /// The server away: checked against her data and kept as a request for staff (its command
    /// id); `plan` as the rules give it here.
    Requested { command_id: String, checked: Value },
}

/// A kiosk's link to its server.
pub struct KioskClient {
    remote: Remote,
    kind: StoreKind,
    /// Only the identified mother's data (nothing before identification, nothing after reset).
    pub mine: Store,
    outbox: KioskOutbox,
}

impl KioskClient {
    /// A kiosk of `remote`, its outbox in the data folder `outbox` names; asks nothing yet.
    pub fn new(remote: Remote, kind: StoreKind, outbox: KioskOutbox) -> Result<Self, StoreError> {
        Ok(KioskClient { remote, kind, mine: empty(kind)?, outbox })
    }

    /// Forgets the mother's session and her data (the kiosk's reset).
    pub fn forget(&mut self) -> Result<(), StoreError> {
        self.remote.set_session(None);
        self.mine = empty(self.kind)?;
        Ok(())
    }

    /// Identifies a mother at the server; on success her data is read in.
    pub fn identify(&mut self, user_number: &str, birth: NaiveDate) -> Result<Identify, String> {
        self.forget().map_err(|e| e.to_string())?;
        self.deliver();
        let body = json!({ "user_number": user_number, "baby_birth": birth });
        match self.remote.post("/v1/kiosk/identify", &body) {
            Reply::Answer { status: 200, body, .. } => {
                let session = body["session"].as_str().unwrap_or_default().to_string();
                let id = body["resident"].as_str().unwrap_or_default().to_string();
                self.remote.set_session(Some(session));
                let read = self.read_mine();
                if read.is_err() {
                    let _ = self.forget();
                }
                match read {
                    Ok(()) => Ok(Identify::Yes(id)),
                    Err(Refusal::Offline) => Ok(Identify::Offline),
                    Err(Refusal::Said(m)) => Err(m),
                    Err(Refusal::SessionEnded) => Err("the session ended at once".into()),
                }
            }
            Reply::Answer { status: 403, .. } => Ok(Identify::No),
            Reply::Answer { status: 429, .. } => Ok(Identify::Locked),
            Reply::Answer { status, body, .. } => Err(message_of(status, &body)),
            Reply::Offline(_) => Ok(Identify::Offline),
            Reply::Failed(why) => Err(why),
        }
    }

    /// Reads her record, quota and bookings again (after identification, after a change).
    fn read_mine(&mut self) -> Result<(), Refusal> {
        let body = match self.remote.get("/v1/kiosk/me") {
            Reply::Answer { status: 200, body, .. } => body,
            Reply::Answer { status, body, .. } => {
                return Err(Refusal::Said(message_of(status, &body)));
            }
            Reply::Offline(_) => return Err(Refusal::Offline),
            Reply::Failed(why) => return Err(Refusal::Said(why)),
        };
        let said = |e: String| Refusal::Said(format!("the server's answer is not understood: {e}"));
        let page = Changes {
            format: crate::store::export::FORMAT.to_string(),
            version: crate::store::export::FORMAT_VERSION,
            practice: body["practice"].as_bool().unwrap_or(false),
            store_id: body["store_id"].as_str().unwrap_or_default().to_string(),
            residents: vec![
                serde_json::from_value(body["resident"].clone())
                    .map_err(|e| said(e.to_string()))?,
            ],
            bookings: serde_json::from_value(body["bookings"].clone())
                .map_err(|e| said(e.to_string()))?,
            events: Vec::new(),
            next: 0,
            more: false,
        };
        let fresh = empty(self.kind).map_err(|e| said(e.to_string()))?;
        fresh.merge_replica(&page).map_err(|e| said(e.to_string()))?;
        self.mine = fresh;
        Ok(())
    }

    /// Books for the identified mother under her session. The server away, the booking is
    /// checked against her data read at identification and kept as a request for staff.
    pub fn book(
        &mut self,
        dataset: &Dataset,
        req: &BookingRequest,
        at: Option<NaiveDateTime>,
        terminal: &str,
    ) -> Result<Booked, Refusal> {
        self.deliver();
        let command_id = ulid::Ulid::new().to_string();
        let mut body = booking_body(&command_id, req, at);
        if let Some(o) = body.as_object_mut() {
            o.remove("resident");
        }
        match self.remote.post("/v1/kiosk/bookings", &body) {
            Reply::Answer { status, body, .. } if (200..300).contains(&status) => {
                // Her data shows the booking (with its code); a failed read leaves the old.
                let _ = self.read_mine();
                Ok(Booked::Decided(body["result"].clone()))
            }
            Reply::Answer { status, body, .. } => Err(refused(status, &body)),
            Reply::Failed(why) => Err(Refusal::Said(why)),
            Reply::Offline(_) => self.keep_request(dataset, req, at, terminal, command_id),
        }
    }

    /// The server away: the booking checked against her data (and her requests kept before),
    /// then kept in the outbox for staff.
    fn keep_request(
        &mut self,
        dataset: &Dataset,
        req: &BookingRequest,
        at: Option<NaiveDateTime>,
        terminal: &str,
        command_id: String,
    ) -> Result<Booked, Refusal> {
        // Without her record (no identification read in) nothing can be checked.
        if self.mine.resident(&req.resident).ok().flatten().is_none() {
            return Err(Refusal::Offline);
        }
        let at = at.unwrap_or_else(|| crate::domain::jst::from_utc(chrono::Utc::now()));
        let earlier = self.outbox.requests_of(&req.resident).map_err(Refusal::Said)?;
        let pending: Vec<(BookingRequest, NaiveDateTime)> =
            earlier.iter().map(|r| (r.booking(), r.at)).collect();
        let checked = self
            .mine
            .check_provisional(dataset, &pending, req, at, terminal)
            .map_err(|e| Refusal::Said(e.to_string()))?;
        let request = Request::of(&command_id, req, at);
        self.outbox.add(&request).map_err(Refusal::Said)?;
        Ok(Booked::Requested { command_id, checked: checked.answer() })
    }

    /// Cancels one of her bookings (as her data names it) under her session.
    pub fn cancel(&mut self, typed: &str, at: Option<NaiveDateTime>) -> Result<Value, Refusal> {
        // The booking's id from her data: the path carries no typed text.
        let found = self.mine.booking(typed).map_err(|e| Refusal::Said(e.to_string()))?;
        let Some(booking) = found else {
            let shown = crate::visible::one_line(typed);
            return Err(Refusal::Said(format!("unknown booking (予約) '{shown}'")));
        };
        let mut body = json!({ "command_id": ulid::Ulid::new().to_string() });
        if let Some(at) = at {
            body["at"] = json!(minute(at));
        }
        match self.remote.post(&format!("/v1/kiosk/bookings/{}/cancel", booking.id), &body) {
            Reply::Answer { status, body, .. } if (200..300).contains(&status) => {
                let _ = self.read_mine();
                Ok(body["result"].clone())
            }
            Reply::Answer { status, body, .. } => Err(refused(status, &body)),
            Reply::Failed(why) => Err(Refusal::Said(why)),
            Reply::Offline(_) => Err(Refusal::Offline),
        }
    }

    /// Records at the server that the staff PIN prompt locked for `secs` (once, best effort:
    /// the lockout holds at the kiosk whatever the server says).
    pub fn record_pin_lockout(&self, secs: u32) -> Result<(), String> {
        match self.remote.post("/v1/kiosk/pin-lockouts", &json!({ "locked_secs": secs })) {
            Reply::Answer { status, .. } if (200..300).contains(&status) => Ok(()),
            Reply::Answer { status, body, .. } => Err(message_of(status, &body)),
            Reply::Offline(why) | Reply::Failed(why) => Err(why),
        }
    }

    /// Her requests for staff still waiting at this kiosk (for her bookings screen).
    pub fn requests_of(&self, user_number: &str) -> Result<Vec<Value>, String> {
        Ok(self.outbox.requests_of(user_number)?.iter().map(Request::as_waiting).collect())
    }

    /// Sends the outbox's requests to the server, each once; one the server has is deleted.
    /// The server away, they wait for the next try. How many are left.
    pub fn deliver(&self) -> usize {
        let Ok(all) = self.outbox.all() else { return 0 };
        for r in all {
            match self.remote.post("/v1/kiosk/requests", &r.body()) {
                Reply::Answer { status, .. } if (200..300).contains(&status) => {
                    let _ = self.outbox.remove(&r.command_id);
                }
                // The rest wait for the server too.
                Reply::Offline(_) => break,
                // Refused (malformed: it never will be taken) or a setup fault: kept, for
                // staff to see in the file; the next try is the judge.
                _ => {}
            }
        }
        self.outbox.all().map_or(0, |a| a.len())
    }
}

/// A refusal from the server's answer: `403` is her session's end (the only thing a kiosk's
/// own request is refused for), anything else the server's message naming the rule.
fn refused(status: u16, body: &Value) -> Refusal {
    if status == 403 { Refusal::SessionEnded } else { Refusal::Said(message_of(status, body)) }
}

/// A private store in memory of the kiosk's kind.
fn empty(kind: StoreKind) -> Result<Store, StoreError> {
    Store::open_in_memory_as(kind, Clock::system())
}
