//! The JSON export: every resident, booking and event of this terminal, for moving bookings to
//! another terminal (`import`). It is deterministic: exporting twice gives the same text.
//!
//! It is written as it is read ([`Store::write_export_json`]): each row goes from SQLite to
//! the output, so memory does not grow with the store (a million bookings and their events
//! are over a gigabyte of JSON). The text is the same as the pretty JSON of [`Export`].

use std::cell::RefCell;
use std::fmt;
use std::io::Write;
use std::str::FromStr;

use serde::ser::{Error as _, SerializeSeq, SerializeStruct};
use serde::{Deserialize, Serialize, Serializer};

use super::Store;
use super::bookings::Booking;
use super::error::StoreError;
use super::events::Event;
use super::residents::Resident;

/// The `format` field of an export file.
pub const FORMAT: &str = "sango-export";
/// The version of the export file this program writes (and the newest it reads). Version 2
/// added `practice` and the `recorded_at` moments of events and bookings (all optional, so
/// version 1 files still read).
pub const FORMAT_VERSION: u32 = 2;

/// An export file's content.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Export {
    pub format: String,
    pub version: u32,
    /// Exported from a practice store (練習用): never imported into a live one.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub practice: bool,
    /// The 全国地方公共団体コード of the programme it was made under, where the dataset gives one:
    /// an import under another ward's programme is refused.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ward_code: Option<String>,
    pub residents: Vec<Resident>,
    pub bookings: Vec<Booking>,
    /// The audit trail, oldest first.
    pub events: Vec<Event>,
}

/// The formats of `sango export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    Json,
    Csv,
    Ics,
}

impl FromStr for ExportFormat {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "json" => Ok(ExportFormat::Json),
            "csv" => Ok(ExportFormat::Csv),
            "ics" | "ical" | "icalendar" => Ok(ExportFormat::Ics),
            _ => Err(format!("unknown export format (出力形式) '{s}': expected json, csv or ics")),
        }
    }
}

impl fmt::Display for ExportFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ExportFormat::Json => "json",
            ExportFormat::Csv => "csv",
            ExportFormat::Ics => "ics",
        })
    }
}

impl Store {
    /// Everything, read in one snapshot, under the programme of `ward_code`.
    pub fn export(&self, ward_code: Option<&str>) -> Result<Export, StoreError> {
        let tx = self.read()?;
        let out = Export {
            format: FORMAT.to_string(),
            version: FORMAT_VERSION,
            practice: self.kind() == super::StoreKind::Practice,
            ward_code: ward_code.map(str::to_string),
            residents: self.residents()?,
            bookings: self.bookings(&Default::default())?,
            events: self.events()?,
        };
        tx.commit().map_err(|e| self.err(e))?;
        Ok(out)
    }

    /// The export as pretty JSON text, ending with a newline.
    pub fn export_json(&self, ward_code: Option<&str>) -> Result<String, StoreError> {
        let mut out = Vec::new();
        self.write_export_json(&mut out, ward_code)?;
        String::from_utf8(out).map_err(|e| self.output_error(e.to_string()))
    }

    /// Writes the export to `out` as it reads it, in one snapshot: the same text as
    /// [`Store::export_json`].
    pub fn write_export_json(
        &self,
        out: &mut dyn Write,
        ward_code: Option<&str>,
    ) -> Result<(), StoreError> {
        let tx = self.read()?;
        let failure = RefCell::new(None);
        let streamed = Streamed { store: self, ward_code, failure: &failure };
        let mut ser = serde_json::Serializer::pretty(&mut *out);
        let written = streamed.serialize(&mut ser);
        if let Some(e) = failure.into_inner() {
            return Err(e);
        }
        written.map_err(|e| self.output_error(e.to_string()))?;
        out.write_all(b"\n").map_err(|e| self.output_error(e.to_string()))?;
        tx.commit().map_err(|e| self.err(e))
    }

    /// Writing an export's output failed (a full disk, a closed pipe).
    pub(crate) fn output_error(&self, detail: String) -> StoreError {
        StoreError::Sqlite { path: self.path().to_path_buf(), detail }
    }
}

/// [`Export`]'s fields, each list serialised from its query's rows as they come. A store
/// error met on the way is kept in `failure` (serde's errors carry only text).
struct Streamed<'a> {
    store: &'a Store,
    ward_code: Option<&'a str>,
    failure: &'a RefCell<Option<StoreError>>,
}

/// One list of the export: its rows, from a query.
struct Rows<'a, T> {
    streamed: &'a Streamed<'a>,
    sql: &'static str,
    row: fn(&super::db::Row<'_>) -> super::db::DbResult<T>,
}

impl<T: Serialize> Serialize for Rows<'_, T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let store = self.streamed.store;
        use super::db::EachError;
        let fail = |e: super::db::DbError| {
            let e = store.err(e);
            let text = e.to_string();
            *self.streamed.failure.borrow_mut() = Some(e);
            S::Error::custom(text)
        };
        let mut seq = s.serialize_seq(None)?;
        store
            .conn
            .query_each(self.sql, crate::params![], |r| {
                seq.serialize_element(&(self.row)(r)?).map_err(EachError::Stopped)
            })
            .map_err(|e| match e {
                EachError::Db(e) => fail(e),
                EachError::Stopped(e) => e,
            })?;
        seq.end()
    }
}

impl Serialize for Streamed<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let practice = self.store.kind() == super::StoreKind::Practice;
        let fields = 5 + usize::from(practice) + usize::from(self.ward_code.is_some());
        let mut st = s.serialize_struct("Export", fields)?;
        st.serialize_field("format", FORMAT)?;
        st.serialize_field("version", &FORMAT_VERSION)?;
        if practice {
            st.serialize_field("practice", &true)?;
        }
        if let Some(code) = self.ward_code {
            st.serialize_field("ward_code", code)?;
        }
        st.serialize_field(
            "residents",
            &Rows { streamed: self, sql: super::residents::ALL, row: Resident::from_row },
        )?;
        st.serialize_field(
            "bookings",
            &Rows { streamed: self, sql: super::bookings::ALL, row: Booking::from_row },
        )?;
        st.serialize_field(
            "events",
            &Rows { streamed: self, sql: super::events::ALL, row: Event::from_row },
        )?;
        st.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::care::{CareType, Length};
    use crate::domain::jst;
    use crate::store::{BookingRequest, ResidentInput};

    /// A store of either kind with residents, bookings (one cancelled) and their events.
    fn filled(kind: super::super::StoreKind) -> (Store, crate::dataset::Dataset) {
        let ds = crate::dataset::load_embedded().unwrap();
        let at = jst::parse_moment("2026-11-20T10:00").unwrap();
        let s = Store::open_in_memory_as(kind, super::super::Clock::fixed(at)).unwrap();
        for (i, id) in ["R1", "R2", "R3"].iter().enumerate() {
            let birth = jst::parse_date("2026-11-01").unwrap();
            s.add_resident(&ResidentInput::new(id, birth), at, "t").unwrap();
            let req = BookingRequest {
                resident: id.to_string(),
                facility: "ayase-sango-care".into(),
                care: CareType::Stay,
                start: jst::parse_date("2026-11-25").unwrap() + chrono::Days::new(i as u64 * 3),
                length: Length::Nights(1),
            };
            let b = s.book(&ds, &req, at, "t").unwrap().booking;
            if i == 1 {
                s.cancel(&ds, &b.id, at, "t").unwrap();
            }
        }
        (s, ds)
    }

    #[test]
    fn the_streamed_exports_are_the_texts_of_the_whole_lists() {
        for kind in [super::super::StoreKind::Live, super::super::StoreKind::Practice] {
            let (s, ds) = filled(kind);
            for ward in [None, Some("131172")] {
                let mut whole = serde_json::to_string_pretty(&s.export(ward).unwrap()).unwrap();
                whole.push('\n');
                assert_eq!(s.export_json(ward).unwrap(), whole);
            }
            let all = s.bookings(&Default::default()).unwrap();
            let practice = kind == super::super::StoreKind::Practice;
            let today = jst::parse_date("2026-11-27").unwrap();
            assert_eq!(
                s.export_csv(Some(&ds), today).unwrap(),
                super::super::csv::render(&all, Some(&ds), today, practice)
            );
            assert_eq!(
                s.export_ics(Some(&ds)).unwrap(),
                super::super::ics::render(&all, Some(&ds), practice)
            );
        }
    }
}
