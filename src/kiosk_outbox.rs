//! A kiosk's outbox: the bookings mothers confirmed while the ward's server was away, kept as
//! requests for staff until the server has them (`POST /v1/kiosk/requests`).
//!
//! One small JSON file in the data folder, owner-only (0600) and written whole or not at all
//! ([`crate::private_file`]). It holds only what a clerk needs to act: the command id, the
//! mother's user number and her request (facility, type, start, length, when she asked). An
//! entry is deleted once the server has it, so the file is empty almost always.

use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use crate::domain::care::{CareType, Length};
use crate::store::{BookingRequest, StoreKind};

/// The outbox file's name in the data folder (the practice kiosk's has its own).
pub fn file_name(kind: StoreKind) -> &'static str {
    match kind {
        StoreKind::Practice => "kiosk-outbox-practice.json",
        StoreKind::Live => "kiosk-outbox.json",
    }
}

/// One request for staff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Request {
    pub command_id: String,
    pub user_number: String,
    pub facility: String,
    #[serde(rename = "type")]
    pub care: CareType,
    pub start: NaiveDate,
    pub length: Length,
    /// When she confirmed it (Japan time).
    pub at: NaiveDateTime,
}

impl Request {
    pub fn of(command_id: &str, req: &BookingRequest, at: NaiveDateTime) -> Request {
        Request {
            command_id: command_id.to_string(),
            user_number: req.resident.clone(),
            facility: req.facility.clone(),
            care: req.care,
            start: req.start,
            length: req.length,
            at,
        }
    }

    /// The booking she asked for.
    pub fn booking(&self) -> BookingRequest {
        BookingRequest {
            resident: self.user_number.clone(),
            facility: self.facility.clone(),
            care: self.care,
            start: self.start,
            length: self.length,
        }
    }

    /// As her bookings screen lists what waits (the shape of `Terminal::provisional`).
    pub fn as_waiting(&self) -> Value {
        let b = self.body();
        json!({
            "status": "provisional",
            "command_id": self.command_id,
            "resident": self.user_number,
            "facility": self.facility,
            "type": self.care,
            "nights": b["nights"],
            "days": b["days"],
            "first_day": self.start,
        })
    }

    /// Its body for `POST /v1/kiosk/requests`.
    pub fn body(&self) -> Value {
        let mut body =
            crate::terminal::booking_body(&self.command_id, &self.booking(), Some(self.at));
        body["user_number"] = json!(self.user_number);
        if let Some(o) = body.as_object_mut() {
            o.remove("resident");
        }
        body
    }
}

/// The outbox file.
#[derive(Debug, Clone)]
pub struct KioskOutbox {
    path: PathBuf,
}

impl KioskOutbox {
    /// The outbox in the data folder `dir`.
    pub fn in_dir(dir: &Path, kind: StoreKind) -> KioskOutbox {
        KioskOutbox { path: dir.join(file_name(kind)) }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Every request waiting, oldest first.
    pub fn all(&self) -> Result<Vec<Request>, String> {
        let text = match std::fs::read_to_string(&self.path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(format!("cannot read the kiosk's outbox: {e}")),
        };
        serde_json::from_str(&text).map_err(|e| format!("the kiosk's outbox is damaged: {e}"))
    }

    /// The requests waiting of one mother.
    pub fn requests_of(&self, user_number: &str) -> Result<Vec<Request>, String> {
        Ok(self.all()?.into_iter().filter(|r| r.user_number == user_number).collect())
    }

    pub fn add(&self, r: &Request) -> Result<(), String> {
        let mut all = self.all()?;
        all.push(r.clone());
        self.write(&all)
    }

    /// Deletes a request the server has; the file goes with the last one.
    pub fn remove(&self, command_id: &str) -> Result<(), String> {
        let mut all = self.all()?;
        all.retain(|r| r.command_id != command_id);
        if all.is_empty() {
            return match std::fs::remove_file(&self.path) {
                Ok(()) => Ok(()),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
                Err(e) => Err(format!("cannot update the kiosk's outbox: {e}")),
            };
        }
        self.write(&all)
    }

    fn write(&self, all: &[Request]) -> Result<(), String> {
        let text = serde_json::to_vec(all).map_err(|e| e.to_string())?;
        crate::private_file::write(&self.path, &text).map_err(|e| e.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_request_is_kept_private_and_deleted_once_delivered() {
        let d = tempfile::tempdir().unwrap();
        let o = KioskOutbox::in_dir(d.path(), StoreKind::Practice);
        let req = BookingRequest {
            resident: "R1".into(),
            facility: "f".into(),
            care: CareType::Day,
            start: NaiveDate::from_ymd_opt(2026, 1, 10).unwrap(),
            length: Length::Days(1),
        };
        let at = NaiveDate::from_ymd_opt(2026, 1, 6).unwrap().and_hms_opt(10, 0, 0).unwrap();
        o.add(&Request::of("C1", &req, at)).unwrap();
        assert_eq!(o.requests_of("R1").unwrap()[0].booking(), req);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(o.path()).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        assert_eq!(o.all().unwrap()[0].body()["user_number"], "R1");
        assert!(o.all().unwrap()[0].body().get("resident").is_none());
        o.remove("C1").unwrap();
        assert!(!o.path().exists(), "nothing kept once delivered");
    }
}
