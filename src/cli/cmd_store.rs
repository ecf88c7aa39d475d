//! What the booking commands share: opening the store named by `--data-dir` / `SANGO_DATA_DIR`
//! (to write, or only to read), the terminal's id, and turning store errors into one clear line
//! and exit code 1.

use std::sync::OnceLock;

use chrono::NaiveDateTime;

use super::{CliError, CliResult, Context};
use crate::domain::jst;
use crate::msg;
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
/// With a server configured, a command that writes to the store is refused: the writes that
/// work through the server take [`through_server`] first.
pub fn open(ctx: &Context) -> CliResult<Store> {
    refuse_server(ctx, &msg!("cli-this-command"))?;
    open_direct(ctx)
}

/// Opens the data folder's (or the database's) store itself, whether or not a server is
/// configured: the server's own commands (`sango serve`) and the store's check.
pub fn open_direct(ctx: &Context) -> CliResult<Store> {
    // A broken settings file is refused here too, rather than recording a wrong terminal id.
    let config = ctx.config()?.config;
    let _ = CONFIGURED_TERMINAL.set(config.terminal_id.clone());
    Ok(ctx.location_of(&config)?.open(ctx.store_kind())?)
}

/// Refuses `what` when a server is configured (it does not work through one yet).
pub fn refuse_server(ctx: &Context, what: &str) -> CliResult {
    let config = ctx.config()?.config;
    if let Some(url) = &config.server {
        return Err(CliError::refused(msg!(
            "cli-not-through-server",
            what = what,
            url = url.as_str()
        )));
    }
    Ok(())
}

/// Refuses an administrative task (`what`: `sango import`) when a server is configured: it is
/// run on the server's own store, never from a terminal through the server.
pub fn refuse_server_admin(ctx: &Context, what: &str) -> CliResult {
    let config = ctx.config()?.config;
    if let Some(url) = &config.server {
        return Err(CliError::refused(msg!(
            "cli-admin-not-through-server",
            what = what,
            url = url.as_str()
        )));
    }
    Ok(())
}

/// The terminal working through the configured server (`server` / `SANGO_SERVER`), its replica
/// and outbox opened; `None` when no server is configured.
pub fn through_server(ctx: &Context) -> CliResult<Option<crate::terminal::Terminal>> {
    let loaded = ctx.config()?;
    let config = loaded.config;
    let _ = CONFIGURED_TERMINAL.set(config.terminal_id.clone());
    let Some(remote) =
        crate::terminal::configured(&config, &loaded.location.dir).map_err(CliError::refused)?
    else {
        return Ok(None);
    };
    if config.database.is_some() {
        return Err(CliError::refused(msg!("cli-server-and-database")));
    }
    let dir = crate::store::DataDir::resolve(ctx.data_dir.as_deref())?;
    dir.prepare()?;
    let t = crate::terminal::Terminal::open(remote, &dir.path, ctx.store_kind())
        .map_err(CliError::refused)?;
    Ok(Some(t))
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
    // Through a server: the replica, brought up to date first where the server answers.
    if let Some(t) = through_server(ctx)? {
        refreshed(&t);
        return Ok(t.replica);
    }
    // Broken settings are refused here too, as by every command that opens the store.
    let config = ctx.config()?.config;
    let location = ctx.location_of(&config)?;
    let kind = ctx.store_kind();
    match location.open_read_only(kind)? {
        Some(store) => Ok(store),
        None => Ok(Store::empty_at(location.place(kind), kind)?),
    }
}

/// The replica brought up to date where the server answers (the outbox sent first); when
/// it does not, one line on stderr says since when, the data's age and how many changes wait.
pub fn refreshed(t: &crate::terminal::Terminal) {
    t.refresh();
    if let Some(offline) = t.offline_since() {
        let asof = t.data_as_of().unwrap_or_else(|| msg!("cli-never"));
        let waiting = t.entries(Some("pending")).map(|e| e.len()).unwrap_or(0);
        let since = offline.to_string();
        eprintln!("sango: {}", msg!("cli-offline-note", since = since, at = asof, n = waiting));
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
