//! The JSON export: every resident, booking and event of this terminal, for moving bookings to
//! another terminal (`import`). It is deterministic: exporting twice gives the same text.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

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
    /// Everything, read in one snapshot.
    pub fn export(&self) -> Result<Export, StoreError> {
        let tx = self.read()?;
        let out = Export {
            format: FORMAT.to_string(),
            version: FORMAT_VERSION,
            practice: self.kind() == super::StoreKind::Practice,
            residents: self.residents()?,
            bookings: self.bookings(&Default::default())?,
            events: self.events()?,
        };
        tx.commit().map_err(|e| self.err(e))?;
        Ok(out)
    }

    /// The export as pretty JSON text, ending with a newline.
    pub fn export_json(&self) -> Result<String, StoreError> {
        let e = self.export()?;
        let mut s = serde_json::to_string_pretty(&e).map_err(|x| StoreError::Sqlite {
            path: self.path().to_path_buf(),
            detail: x.to_string(),
        })?;
        s.push('\n');
        Ok(s)
    }
}
