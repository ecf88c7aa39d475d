//! What the booking commands share: opening the store named by `--data-dir` / `SANGO_DATA_DIR`,
//! the terminal's name, and turning store errors into one clear line and exit code 1.

use chrono::NaiveDateTime;

use super::{CliError, CliResult, Context};
use crate::domain::jst;
use crate::store::{DataDir, Store, StoreError};

/// The environment variable naming this terminal in bookings and the audit trail.
pub const TERMINAL_ENV: &str = "SANGO_TERMINAL";

impl From<StoreError> for CliError {
    fn from(e: StoreError) -> CliError {
        CliError::Refused(e.to_string())
    }
}

/// Opens the booking store.
pub fn open(ctx: &Context) -> CliResult<Store> {
    let dir = DataDir::resolve(ctx.data_dir.as_deref())?;
    Ok(Store::open_data_dir(&dir)?)
}

/// This terminal's name: `SANGO_TERMINAL`, else "local".
pub fn terminal() -> String {
    match std::env::var(TERMINAL_ENV) {
        Ok(t) if !t.trim().is_empty() => t,
        _ => "local".to_string(),
    }
}

/// A Japan-time moment as `+09:00` RFC 3339 text.
pub fn time(t: NaiveDateTime) -> String {
    jst::rfc3339(t)
}
