//! `sango config show [--json]`: the effective settings, where each value came from, where the
//! file and the staff PIN live. Also [`Context::config`], the settings every command and the
//! terminal app read.

use serde::Serialize;

use super::{CliError, CliResult, Context, output};
use crate::config::{self, ConfigError, Flags, Loaded, Location};
use crate::msg;
use crate::pin::{self, PinError};
use crate::visible;

impl From<ConfigError> for CliError {
    fn from(e: ConfigError) -> CliError {
        CliError::Refused(e.to_string())
    }
}

impl From<PinError> for CliError {
    fn from(e: PinError) -> CliError {
        CliError::Refused(e.to_string())
    }
}

impl Context {
    /// The command-line flags that override settings.
    pub fn config_flags(&self) -> Flags {
        Flags { kiosk: self.kiosk, lang: self.lang.clone(), database: self.database.clone() }
    }

    /// The effective settings (`--config FILE` / `SANGO_CONFIG_DIR` / the OS folder, then the
    /// environment, then `--kiosk` and `--lang`). A bad file or value is an error naming the key.
    pub fn config(&self) -> CliResult<Loaded> {
        Ok(config::load(self.config_path.as_deref(), &self.config_flags())?)
    }

    /// Where the settings file and the staff PIN are, without reading them.
    pub fn config_location(&self) -> CliResult<Location> {
        Ok(Location::resolve(self.config_path.as_deref())?)
    }
}

#[derive(Debug, clap::Subcommand)]
pub enum ConfigCommand {
    /// Print the effective settings and where each value came from.
    Show {
        #[arg(long)]
        json: bool,
    },
}

#[derive(Serialize)]
struct Entry {
    value: serde_json::Value,
    source: String,
}

#[derive(Serialize)]
struct Shown<'a> {
    file: String,
    file_exists: bool,
    config_dir: String,
    located: config::Located,
    staff_pin: &'a str,
    values: serde_json::Map<String, serde_json::Value>,
}

/// "set", "not set", "damaged" (a file that is not a hash, or a tampered one) or "unsafe" (a
/// file others may read or replace, see [`pin`]).
fn pin_state(dir: &std::path::Path) -> &'static str {
    match pin::pin_is_set(dir) {
        Ok(true) => "set",
        Ok(false) => "not set",
        Err(PinError::Unsafe { .. }) => "unsafe",
        Err(_) => "damaged",
    }
}

pub fn run(ctx: &Context, c: ConfigCommand) -> CliResult {
    match c {
        ConfigCommand::Show { json } => show(ctx, json),
    }
}

fn show(ctx: &Context, json: bool) -> CliResult {
    let loaded = ctx.config()?;
    let cfg = &loaded.config;
    let loc = &loaded.location;
    let staff_pin = pin_state(&loc.dir);
    if json {
        let typed = serde_json::to_value(cfg)
            .map_err(|e| CliError::refused(msg!("cli-cannot-write-json", error = e.to_string())))?;
        let mut values = serde_json::Map::new();
        for (key, _, source) in cfg.entries() {
            let entry = Entry { value: typed[key].clone(), source: source.to_string() };
            values.insert(
                key.to_string(),
                serde_json::to_value(entry).unwrap_or(serde_json::Value::Null),
            );
        }
        return output::json(&Shown {
            file: loc.file.display().to_string(),
            file_exists: loaded.file_exists,
            config_dir: loc.dir.display().to_string(),
            located: loc.located,
            staff_pin,
            values,
        });
    }
    let how = match loc.located {
        config::Located::Flag => "--config".to_string(),
        config::Located::Env => config::DIR_ENV_VAR.to_string(),
        config::Located::Default => msg!("cli-config-os-folder"),
    };
    let file = visible::path(&loc.file).to_string();
    let exists = if loaded.file_exists { "yes" } else { "no" };
    crate::outln!("{}", msg!("cli-config-file", path = file, exists = exists, how = how));
    // The PIN's state stays the word `--json` gives (set, not set, damaged, unsafe).
    let pin_file = visible::path(&pin::pin_path(&loc.dir)).to_string();
    crate::outln!("{}", msg!("cli-config-pin", state = staff_pin, path = pin_file));
    crate::outln!();
    let rows: Vec<Vec<String>> = cfg
        .entries()
        .into_iter()
        .map(|(key, value, source)| vec![key.to_string(), value, source.to_string()])
        .collect();
    let heads = ["cli-config-col-key", "cli-config-col-value", "cli-config-col-source"];
    crate::outln!("{}", output::message_table(&heads, &rows));
    Ok(())
}
