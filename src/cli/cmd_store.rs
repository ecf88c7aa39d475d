//! What the booking commands share: opening the store named by `--data-dir` / `SANGO_DATA_DIR`
//! (to write, or only to read), the terminal's id, and turning store errors into one clear line
//! and exit code 1.

use std::sync::OnceLock;

use chrono::NaiveDateTime;

use super::{CliError, CliResult, Context};
use crate::domain::jst;
use crate::store::{Location, Store, StoreError, StoreKind};

/// The environment variable naming this terminal in bookings and the audit trail (it overrides
/// `terminal_id` of the config file).
pub const TERMINAL_ENV: &str = "SANGO_TERMINAL";

/// The configured terminal id, read once when a command opens the store.
static CONFIGURED_TERMINAL: OnceLock<String> = OnceLock::new();

impl From<StoreError> for CliError {
    fn from(e: StoreError) -> CliError {
        CliError::Refused(e.to_string())
    }
}

/// Opens the booking store, and reads this terminal's id from the settings for [`terminal`].
pub fn open(ctx: &Context) -> CliResult<Store> {
    // A broken settings file is refused here too, rather than recording a wrong terminal id.
    let config = ctx.config()?.config;
    let _ = CONFIGURED_TERMINAL.set(config.terminal_id.clone());
    Ok(ctx.location_of(&config)?.open(ctx.store_kind())?)
}

impl Context {
    /// Where the store is: the server of the settings' `database` (`--database`,
    /// `SANGO_DATABASE`, config.toml), else the data folder.
    pub fn location_of(&self, config: &crate::config::Config) -> CliResult<Location> {
        Ok(Location::resolve(config.database.as_deref(), self.data_dir.as_deref())?)
    }

    /// The live store, or the practice store with `--practice` / `SANGO_PRACTICE`.
    pub fn store_kind(&self) -> StoreKind {
        if self.practice { StoreKind::Practice } else { StoreKind::Live }
    }
}

/// Opens the booking store for a command that only reads (`quota`, `bookings`, `resident show`
/// and `list`, `export`, `report`): nothing is created, and a read-only data folder is fine.
/// Before the first store exists, the answer is that of an empty store (no residents, no
/// bookings), as it was when these commands created one.
pub fn open_read(ctx: &Context) -> CliResult<Store> {
    // Broken settings are refused here too, as by every command that opens the store.
    let config = ctx.config()?.config;
    let location = ctx.location_of(&config)?;
    let kind = ctx.store_kind();
    match location.open_read_only(kind)? {
        Some(store) => Ok(store),
        None => Ok(Store::empty_at(location.place(kind), kind)?),
    }
}

/// This terminal's id, recorded on every booking and event: the settings' `terminal_id` (the
/// config file, overridden by `SANGO_TERMINAL`), as read by [`open`] (which refuses broken
/// settings). Before [`open`] has run: `SANGO_TERMINAL`, else "local".
pub fn terminal() -> String {
    if let Some(t) = CONFIGURED_TERMINAL.get() {
        return t.clone();
    }
    match std::env::var(TERMINAL_ENV) {
        Ok(t) if !t.trim().is_empty() => t,
        _ => crate::config::DEFAULT_TERMINAL_ID.to_string(),
    }
}

/// A Japan-time moment as `+09:00` RFC 3339 text.
pub fn time(t: NaiveDateTime) -> String {
    jst::rfc3339(t)
}
