//! sango: a terminal booking assistant for Kita City's postpartum care programme (産後ケア).
//!
//! The crate is layered: `domain` holds the programme's rules as pure functions (no IO, no clock);
//! `dataset`, `store`, `cli` and `tui` are the edges that read files, keep bookings and talk to people.
#![forbid(unsafe_code)]

pub mod cli;
pub mod config;
pub mod credentials;
pub mod dataset;
pub mod domain;
pub mod excel_csv;
pub mod i18n;
pub mod kiosk;
pub mod kiosk_client;
pub mod kiosk_outbox;
pub mod pin;
pub mod private_file;
pub mod report;
pub mod server;
pub mod store;
pub mod synth;
pub mod terminal;
pub mod tui;
pub mod visible;
