//! The terminal's settings: a small TOML file in the config folder, overridden by environment
//! variables and command-line flags, each value remembering where it came from.
//!
//! Where the file is: `--config FILE` names it directly; else `config.toml` in the config folder,
//! which is `SANGO_CONFIG_DIR` if set, else the OS config folder
//! (`~/.config/sango` on Linux, `%APPDATA%\Kita City\sango\config` on Windows). A missing file
//! means defaults. The staff PIN (`staff-pin`, see [`crate::pin`]) lives in the same folder; with
//! `--config FILE`, that is the folder holding FILE.
//!
//! Precedence, highest first: command-line flag (`--kiosk`, `--lang`), environment variable
//! (`SANGO_MODE`, `SANGO_LANG`, `SANGO_THEME`, `SANGO_IDLE_TIMEOUT_SECS`, `SANGO_TERMINAL`,
//! `SANGO_MOUSE`), the file, the default.
//!
//! The file (every key optional):
//! ```toml
//! mode = "staff"            # "staff" (default) or "kiosk"
//! lang = "ja"               # "ja" (default) or "en"
//! theme = "default"         # "default" or "high-contrast"
//! idle_timeout_secs = 120   # kiosk idle timeout, 30..=3600 seconds
//! terminal_id = "local"     # recorded on every booking and event: 1-32 of A-Z a-z 0-9 . _ -
//! mouse = true              # mouse capture in the terminal app
//! server = "https://sango.kita.local:8443"  # a ward's server (`sango serve`); never a token
//! server_ca = "/etc/sango/ca.pem"  # the certificate(s) the terminal trusts for it (https)
//! tls_cert = "/etc/sango/cert.pem"  # `sango serve`: its certificate chain (HTTPS)
//! tls_key = "/etc/sango/key.pem"    # `sango serve`: the certificate's key (0600)
//! ```
//! With `server` (or `SANGO_SERVER`), the terminal works through that server: its token is
//! `SANGO_TOKEN`, else the file `token` next to config.toml (0600, see [`server_token`]).
//! An unknown key or a wrong value is an error naming the key, the line and the column.
//!
//! Parsing ([`Config::from_toml_str`]) is pure; [`load`] does the file and environment IO.

use crate::i18n::Locale;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::Serialize;
use toml::de::{DeTable, DeValue};

/// The environment variable naming the config folder.
pub const DIR_ENV_VAR: &str = "SANGO_CONFIG_DIR";
/// The settings file inside the config folder.
pub const FILE_NAME: &str = "config.toml";
/// The default kiosk idle timeout.
pub const DEFAULT_IDLE_TIMEOUT_SECS: u32 = 120;
/// The shortest idle timeout allowed (a countdown of 20 s must fit, with time to read).
pub const MIN_IDLE_TIMEOUT_SECS: u32 = 30;
/// The longest idle timeout allowed (a kiosk must not keep a mother's data on screen for long).
pub const MAX_IDLE_TIMEOUT_SECS: u32 = 3600;
/// The default terminal id.
pub const DEFAULT_TERMINAL_ID: &str = "local";
/// The longest terminal id.
pub const MAX_TERMINAL_ID_LEN: usize = 32;

/// Who uses the terminal.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, strum::Display, strum::EnumString,
)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase")]
pub enum Mode {
    /// Health-center staff (default): everything, including reports.
    #[default]
    Staff,
    /// A self-service terminal for residents: identification, idle timeout, PIN to leave.
    Kiosk,
}

/// The `lang` setting, the terminal app's and the command line's language (a kiosk starts in
/// it; a mother chooses hers on the welcome screen): `ja` or `en`, the staff screens' languages.
fn parse_lang(s: &str) -> Option<Locale> {
    Some(Locale::parse(s)?).filter(|l| matches!(l, Locale::Ja | Locale::En))
}

/// The colour theme of the terminal app.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, strum::Display, strum::EnumString,
)]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
pub enum Theme {
    #[default]
    Default,
    HighContrast,
}

impl Mode {
    /// What the value may be, for error messages.
    pub const EXPECTED: &str = "\"staff\" or \"kiosk\"";
}

impl Theme {
    pub const EXPECTED: &str = "\"default\" or \"high-contrast\"";
}

/// Where a value came from.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Source {
    /// Nobody set it.
    #[default]
    Default,
    /// The settings file at this path.
    File(PathBuf),
    /// This environment variable.
    Env(String),
    /// This command-line flag.
    Flag(String),
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::Default => f.write_str("default"),
            Source::File(p) => write!(f, "file {}", p.display()),
            Source::Env(v) => write!(f, "env {v}"),
            Source::Flag(flag) => write!(f, "flag {flag}"),
        }
    }
}

impl Serialize for Source {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Where each value of a [`Config`] came from.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Sources {
    pub mode: Source,
    pub lang: Source,
    pub theme: Source,
    pub idle_timeout_secs: Source,
    pub terminal_id: Source,
    pub mouse: Source,
    pub database: Source,
    pub server: Source,
    pub server_ca: Source,
    pub tls_cert: Source,
    pub tls_key: Source,
}

/// The effective settings of this terminal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Config {
    pub mode: Mode,
    pub lang: Locale,
    pub theme: Theme,
    pub idle_timeout_secs: u32,
    pub terminal_id: String,
    pub mouse: bool,
    /// The shared PostgreSQL store (`postgres://USER@HOST:PORT/DATABASE`, never with a
    /// password, except from the environment); `None`: the SQLite file in the data folder.
    #[serde(serialize_with = "shown_database")]
    pub database: Option<String>,
    /// A ward's server (`sango serve`) the terminal works through: an `http://` URL on
    /// loopback (TLS in sango is not done yet: a local TLS tunnel forwards to the server).
    pub server: Option<String>,
    /// The PEM file of the certificate(s) (a ward's CA) the terminal trusts for an `https://`
    /// server: this build has no built-in roots.
    pub server_ca: Option<String>,
    /// `sango serve`'s certificate chain (PEM) for HTTPS; `--tls-cert` overrides it.
    pub tls_cert: Option<String>,
    /// `sango serve`'s private key (PEM, 0600) for HTTPS; `--tls-key` overrides it.
    pub tls_key: Option<String>,
    /// Where each value came from (not part of the file).
    #[serde(skip)]
    pub sources: Sources,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            mode: Mode::default(),
            lang: Locale::default(),
            theme: Theme::default(),
            idle_timeout_secs: DEFAULT_IDLE_TIMEOUT_SECS,
            terminal_id: DEFAULT_TERMINAL_ID.to_string(),
            mouse: true,
            database: None,
            server: None,
            server_ca: None,
            tls_cert: None,
            tls_key: None,
            sources: Sources::default(),
        }
    }
}

/// The keys the file may hold, in the order `config show` lists them.
pub const KEYS: [&str; 11] = [
    "mode",
    "lang",
    "theme",
    "idle_timeout_secs",
    "terminal_id",
    "mouse",
    "database",
    "server",
    "server_ca",
    "tls_cert",
    "tls_key",
];

/// Why the settings could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read the config file {}: {source}", path.display())]
    Read { path: PathBuf, source: std::io::Error },
    #[error("{}:{line}:{column}: the config file is not valid TOML: {message}", origin.display())]
    Syntax { origin: PathBuf, line: usize, column: usize, message: String },
    #[error(
        "{}:{line}:{column}: unknown key `{key}` in the config file (known keys: {})",
        origin.display(),
        KEYS.join(", ")
    )]
    UnknownKey { origin: PathBuf, key: String, line: usize, column: usize },
    #[error(
        "{}:{line}:{column}: bad value for key `{key}`: expected {expected}, found {found}",
        origin.display()
    )]
    BadValue {
        origin: PathBuf,
        key: String,
        line: usize,
        column: usize,
        expected: String,
        found: String,
    },
    #[error("bad value for environment variable {var}: expected {expected}, found '{found}'")]
    BadEnv { var: String, expected: String, found: String },
    #[error("bad value for {flag}: expected {expected}, found '{found}'")]
    BadFlag { flag: String, expected: String, found: String },
    #[error("cannot find the OS config folder: set {DIR_ENV_VAR} or pass --config FILE")]
    NoConfigDir,
}

/// The environment variable that overrides `key`: `SANGO_` and the key in capitals, except
/// `terminal_id`, which is `SANGO_TERMINAL` (the name the booking commands already read).
pub fn env_var(key: &str) -> String {
    match key {
        "terminal_id" => "SANGO_TERMINAL".to_string(),
        _ => format!("SANGO_{}", key.to_ascii_uppercase()),
    }
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

fn expected_of(key: &str) -> String {
    match key {
        "mode" => Mode::EXPECTED.to_string(),
        "lang" => "\"ja\" or \"en\"".to_string(),
        "theme" => Theme::EXPECTED.to_string(),
        "idle_timeout_secs" => format!(
            "a whole number of seconds from {MIN_IDLE_TIMEOUT_SECS} to {MAX_IDLE_TIMEOUT_SECS}"
        ),
        "terminal_id" => format!(
            "a string of 1 to {MAX_TERMINAL_ID_LEN} letters A-Z a-z, digits, '.', '_' or '-'"
        ),
        "mouse" => "true or false".to_string(),
        "database" => "a postgres://USER@HOST:PORT/DATABASE URL without a password (the password \
                       goes in ~/.pgpass or PGPASSWORD)"
            .to_string(),
        "server" => {
            "an https://HOST[:PORT] URL of a sango server, or http://HOST:PORT on loopback \
                     (127.0.0.1, [::1] or localhost), without a token or a path"
                .to_string()
        }
        "server_ca" => {
            "the path of a PEM file of the certificate(s) trusted for the server".to_string()
        }
        "tls_cert" => "the path of the server's certificate chain (a PEM file)".to_string(),
        "tls_key" => "the path of the server's private key (a PEM file, mode 0600)".to_string(),
        _ => String::new(),
    }
}

/// A value as it was written, for error messages.
fn describe(v: &DeValue<'_>) -> String {
    match v {
        DeValue::String(s) => format!("the string \"{s}\""),
        DeValue::Integer(i) => format!("the integer {i}"),
        DeValue::Float(x) => format!("the float {x}"),
        DeValue::Boolean(b) => format!("the boolean {b}"),
        DeValue::Datetime(d) => format!("the date-time {d}"),
        DeValue::Array(_) => "an array".to_string(),
        DeValue::Table(_) => "a table".to_string(),
    }
}

pub fn valid_terminal_id(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= MAX_TERMINAL_ID_LEN
        && s.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'))
}

fn parse_timeout(s: &str) -> Option<u32> {
    s.parse::<u32>().ok().filter(|n| (MIN_IDLE_TIMEOUT_SECS..=MAX_IDLE_TIMEOUT_SECS).contains(n))
}

/// A server URL as the settings take it: one sango reads, with no password in it unless
/// `password_allowed` (the environment, one of the places libpq also takes it from; a file
/// or a command line can be read by others).
fn parse_database(s: &str, password_allowed: bool) -> Option<String> {
    let url = crate::store::server::ServerUrl::parse(s).ok()?;
    (password_allowed || !url.has_password()).then(|| s.trim().to_string())
}

/// How a database value is shown anywhere (screens, JSON, errors): the URL without its
/// password, or the data folder's SQLite file.
pub fn database_shown(database: Option<&str>) -> String {
    match database.map(crate::store::server::ServerUrl::parse) {
        Some(Ok(url)) => url.to_string(),
        Some(Err(_)) => "a value that is not a postgres:// URL".to_string(),
        None => "sqlite (the data folder)".to_string(),
    }
}

fn shown_database<S: serde::Serializer>(db: &Option<String>, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&database_shown(db.as_deref()))
}

/// A server URL as the settings take it: `https://HOST[:PORT]`, or `http://HOST:PORT` on a
/// loopback host (tokens and mothers' data never cross a network unencrypted); nothing else
/// (no user, token, path or query: the token is kept apart, see [`server_token`]). Returned
/// without a trailing slash.
pub fn parse_server(s: &str) -> Option<String> {
    let s = s.trim().trim_end_matches('/');
    let (tls, rest) = match (s.strip_prefix("https://"), s.strip_prefix("http://")) {
        (Some(rest), _) => (true, rest),
        (None, Some(rest)) => (false, rest),
        _ => return None,
    };
    if rest.is_empty()
        || rest.contains(['@', '/', '?', '#', '%', '\\'])
        || rest.chars().any(|c| c.is_whitespace() || c.is_control())
    {
        return None;
    }
    let (host, port) = match rest.rsplit_once(':') {
        Some((h, p)) if !h.ends_with(':') && (!h.starts_with('[') || h.ends_with(']')) => {
            (h, Some(p))
        }
        _ => (rest, None),
    };
    match port {
        Some(p) => {
            p.parse::<u16>().ok().filter(|p| *p != 0)?;
        }
        None if !tls => return None,
        None => {}
    }
    if host.is_empty() {
        return None;
    }
    if tls {
        return Some(s.to_string());
    }
    let loopback = host == "localhost"
        || host.parse::<std::net::Ipv4Addr>().is_ok_and(|ip| ip.is_loopback())
        || host
            .strip_prefix('[')
            .and_then(|h| h.strip_suffix(']'))
            .and_then(|h| h.parse::<std::net::Ipv6Addr>().ok())
            .is_some_and(|ip| ip.is_loopback());
    loopback.then(|| s.to_string())
}

/// The environment variable holding the terminal's token for its server.
pub const TOKEN_ENV: &str = "SANGO_TOKEN";
/// The file holding the terminal's token, next to config.toml (0600).
pub const TOKEN_FILE: &str = "token";

/// The terminal's token for its server: `SANGO_TOKEN`, else the file `token` in the config
/// folder, which must be the owner's alone (0600, a regular file: the staff PIN's rule).
pub fn server_token(config_dir: &Path) -> Result<Option<String>, String> {
    if let Some(t) = std::env::var(TOKEN_ENV).ok().filter(|t| !t.trim().is_empty()) {
        return Ok(Some(t.trim().to_string()));
    }
    let path = config_dir.join(TOKEN_FILE);
    let meta = match std::fs::symlink_metadata(&path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(format!("cannot read the token file {}: {e}", path.display())),
    };
    crate::pin::check_private_file(&meta)
        .map_err(|why| format!("the token file {} is not used: {why}", path.display()))?;
    let text = std::fs::read_to_string(&path)
        .map_err(|e| format!("cannot read the token file {}: {e}", path.display()))?;
    Ok(Some(text.trim().to_string()).filter(|t| !t.is_empty()))
}

fn parse_bool(s: &str) -> Option<bool> {
    match s.to_ascii_lowercase().as_str() {
        "true" | "1" | "yes" | "on" => Some(true),
        "false" | "0" | "no" | "off" => Some(false),
        _ => None,
    }
}

impl Config {
    /// Parses the text of a settings file. `origin` is the file's path: it names the file in
    /// errors and becomes the [`Source`] of every value the file sets.
    pub fn from_toml_str(text: &str, origin: &Path) -> Result<Config, ConfigError> {
        let doc = DeTable::parse(text).map_err(|e| {
            let (line, column) = line_column(text, e.span().map_or(0, |s| s.start));
            ConfigError::Syntax {
                origin: origin.to_path_buf(),
                line,
                column,
                message: e.message().trim().to_string(),
            }
        })?;
        let mut config = Config::default();
        let from_file = || Source::File(origin.to_path_buf());
        for (key, value) in doc.get_ref().iter() {
            let name: &str = key.get_ref();
            let at = |offset: usize| line_column(text, offset);
            if !KEYS.contains(&name) {
                let (line, column) = at(key.span().start);
                return Err(ConfigError::UnknownKey {
                    origin: origin.to_path_buf(),
                    key: name.to_string(),
                    line,
                    column,
                });
            }
            let v = value.get_ref();
            let bad = || {
                let (line, column) = at(value.span().start);
                ConfigError::BadValue {
                    origin: origin.to_path_buf(),
                    key: name.to_string(),
                    line,
                    column,
                    expected: expected_of(name),
                    // A database URL may hold a password: only its form is repeated.
                    found: match (name, v.as_str()) {
                        ("database", Some(url)) => database_shown(Some(url)),
                        _ => describe(v),
                    },
                }
            };
            match name {
                "mode" => {
                    config.mode = v.as_str().and_then(|s| s.parse().ok()).ok_or_else(bad)?;
                    config.sources.mode = from_file();
                }
                "lang" => {
                    config.lang = v.as_str().and_then(parse_lang).ok_or_else(bad)?;
                    config.sources.lang = from_file();
                }
                "theme" => {
                    config.theme = v.as_str().and_then(|s| s.parse().ok()).ok_or_else(bad)?;
                    config.sources.theme = from_file();
                }
                "idle_timeout_secs" => {
                    config.idle_timeout_secs = v
                        .as_integer()
                        .filter(|i| i.radix() == 10)
                        .and_then(|i| parse_timeout(i.as_str()))
                        .ok_or_else(bad)?;
                    config.sources.idle_timeout_secs = from_file();
                }
                "terminal_id" => {
                    config.terminal_id = v
                        .as_str()
                        .filter(|s| valid_terminal_id(s))
                        .map(str::to_string)
                        .ok_or_else(bad)?;
                    config.sources.terminal_id = from_file();
                }
                "mouse" => {
                    config.mouse = v.as_bool().ok_or_else(bad)?;
                    config.sources.mouse = from_file();
                }
                "database" => {
                    config.database =
                        Some(v.as_str().and_then(|s| parse_database(s, false)).ok_or_else(bad)?);
                    config.sources.database = from_file();
                }
                "server" => {
                    config.server = Some(v.as_str().and_then(parse_server).ok_or_else(bad)?);
                    config.sources.server = from_file();
                }
                "server_ca" | "tls_cert" | "tls_key" => {
                    let path = v
                        .as_str()
                        .map(str::trim)
                        .filter(|p| !p.is_empty())
                        .map(str::to_string)
                        .ok_or_else(bad)?;
                    let (value, source) = config.path_setting(name).ok_or_else(bad)?;
                    *value = Some(path);
                    *source = from_file();
                }
                _ => unreachable!("every key of KEYS is handled"),
            }
        }
        Ok(config)
    }

    /// Applies environment variables (`SANGO_MODE`, ...) read through `env`.
    pub fn apply_env(&mut self, env: impl Fn(&str) -> Option<String>) -> Result<(), ConfigError> {
        for key in KEYS {
            let var = env_var(key);
            let Some(raw) = env(&var).filter(|v| !v.trim().is_empty()) else {
                continue;
            };
            let value = raw.trim();
            let source = Source::Env(var.clone());
            let bad = || ConfigError::BadEnv {
                var: var.clone(),
                expected: expected_of(key).replace('"', ""),
                // A database URL may hold a password: only its form is repeated.
                found: if key == "database" { database_shown(Some(&raw)) } else { raw.clone() },
            };
            self.set_from_text(key, value, source).ok_or_else(bad)?;
        }
        Ok(())
    }

    /// Applies the command-line flags.
    pub fn apply_flags(&mut self, flags: &Flags) -> Result<(), ConfigError> {
        if flags.kiosk {
            self.mode = Mode::Kiosk;
            self.sources.mode = Source::Flag("--kiosk".to_string());
        }
        if let Some(db) = &flags.database {
            self.set_from_text("database", db, Source::Flag("--database".to_string())).ok_or_else(
                || ConfigError::BadFlag {
                    flag: "--database".to_string(),
                    expected: expected_of("database"),
                    // The value may hold a password: only its form is repeated.
                    found: database_shown(Some(db)),
                },
            )?;
        }
        if let Some(lang) = &flags.lang {
            self.set_from_text("lang", lang, Source::Flag("--lang".to_string())).ok_or_else(
                || ConfigError::BadFlag {
                    flag: "--lang".to_string(),
                    expected: expected_of("lang").replace('"', ""),
                    found: lang.clone(),
                },
            )?;
        }
        Ok(())
    }

    /// Sets `key` from its text form; `None` if the text is not a valid value.
    fn set_from_text(&mut self, key: &str, value: &str, source: Source) -> Option<()> {
        match key {
            "mode" => {
                self.mode = value.parse().ok()?;
                self.sources.mode = source;
            }
            "lang" => {
                self.lang = parse_lang(value)?;
                self.sources.lang = source;
            }
            "theme" => {
                self.theme = value.parse().ok()?;
                self.sources.theme = source;
            }
            "idle_timeout_secs" => {
                self.idle_timeout_secs = parse_timeout(value)?;
                self.sources.idle_timeout_secs = source;
            }
            "terminal_id" => {
                if !valid_terminal_id(value) {
                    return None;
                }
                self.terminal_id = value.to_string();
                self.sources.terminal_id = source;
            }
            "mouse" => {
                self.mouse = parse_bool(value)?;
                self.sources.mouse = source;
            }
            "database" => {
                let from_env = matches!(source, Source::Env(_));
                self.database = Some(parse_database(value, from_env)?);
                self.sources.database = source;
            }
            "server" => {
                self.server = Some(parse_server(value)?);
                self.sources.server = source;
            }
            "server_ca" | "tls_cert" | "tls_key" => {
                if value.trim().is_empty() {
                    return None;
                }
                let (slot, from) = self.path_setting(key)?;
                *slot = Some(value.trim().to_string());
                *from = source;
            }
            _ => return None,
        }
        Some(())
    }

    /// A setting that names a file, and where it came from.
    fn path_setting(&mut self, key: &str) -> Option<(&mut Option<String>, &mut Source)> {
        match key {
            "server_ca" => Some((&mut self.server_ca, &mut self.sources.server_ca)),
            "tls_cert" => Some((&mut self.tls_cert, &mut self.sources.tls_cert)),
            "tls_key" => Some((&mut self.tls_key, &mut self.sources.tls_key)),
            _ => None,
        }
    }

    /// Each key with its value as text and its source, in [`KEYS`] order.
    pub fn entries(&self) -> Vec<(&'static str, String, &Source)> {
        vec![
            ("mode", self.mode.to_string(), &self.sources.mode),
            ("lang", self.lang.to_string(), &self.sources.lang),
            ("theme", self.theme.to_string(), &self.sources.theme),
            (
                "idle_timeout_secs",
                self.idle_timeout_secs.to_string(),
                &self.sources.idle_timeout_secs,
            ),
            ("terminal_id", self.terminal_id.clone(), &self.sources.terminal_id),
            ("mouse", self.mouse.to_string(), &self.sources.mouse),
            ("database", self.database_shown(), &self.sources.database),
            (
                "server",
                self.server.clone().unwrap_or_else(|| "none (the store directly)".to_string()),
                &self.sources.server,
            ),
            (
                "server_ca",
                self.server_ca.clone().unwrap_or_else(|| "none".to_string()),
                &self.sources.server_ca,
            ),
            (
                "tls_cert",
                self.tls_cert.clone().unwrap_or_else(|| "none".to_string()),
                &self.sources.tls_cert,
            ),
            (
                "tls_key",
                self.tls_key.clone().unwrap_or_else(|| "none".to_string()),
                &self.sources.tls_key,
            ),
        ]
    }

    /// The store in use, as `config show` says it: the server's URL (never a password), or
    /// the data folder's SQLite file.
    pub fn database_shown(&self) -> String {
        database_shown(self.database.as_deref())
    }
}

/// The command-line flags that override settings.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Flags {
    /// `--kiosk`: mode = kiosk.
    pub kiosk: bool,
    /// `--lang LANG`.
    pub lang: Option<String>,
    /// `--database URL`.
    pub database: Option<String>,
}

/// How the config folder and file were chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Located {
    /// `--config FILE`.
    Flag,
    /// `SANGO_CONFIG_DIR`.
    Env,
    /// The OS config folder.
    Default,
}

/// The config folder (which also holds the staff PIN) and the settings file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Location {
    pub dir: PathBuf,
    pub file: PathBuf,
    pub located: Located,
}

impl Location {
    /// The location from `--config FILE`, `SANGO_CONFIG_DIR` (read through `env`) or the OS.
    pub fn resolve_with(
        file_flag: Option<&Path>,
        env: impl Fn(&str) -> Option<String>,
    ) -> Result<Location, ConfigError> {
        if let Some(file) = file_flag {
            let dir = match file.parent() {
                Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
                _ => PathBuf::from("."),
            };
            return Ok(Location { dir, file: file.to_path_buf(), located: Located::Flag });
        }
        if let Some(dir) = env(DIR_ENV_VAR).filter(|v| !v.is_empty()) {
            let dir = PathBuf::from(dir);
            return Ok(Location { file: dir.join(FILE_NAME), dir, located: Located::Env });
        }
        let dirs = directories::ProjectDirs::from("jp", "Kita City", "sango")
            .ok_or(ConfigError::NoConfigDir)?;
        let dir = dirs.config_dir().to_path_buf();
        Ok(Location { file: dir.join(FILE_NAME), dir, located: Located::Default })
    }

    /// [`Location::resolve_with`] on the process environment.
    pub fn resolve(file_flag: Option<&Path>) -> Result<Location, ConfigError> {
        Self::resolve_with(file_flag, |k| std::env::var(k).ok())
    }
}

/// The effective settings and where they were read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Loaded {
    pub config: Config,
    pub location: Location,
    /// Whether the settings file exists (a missing file means defaults).
    pub file_exists: bool,
}

/// Reads the settings: the file (if any), then the environment, then the flags, with the
/// environment read through `env` (for tests).
pub fn load_with(
    file_flag: Option<&Path>,
    flags: &Flags,
    env: impl Fn(&str) -> Option<String>,
) -> Result<Loaded, ConfigError> {
    let location = Location::resolve_with(file_flag, &env)?;
    let (mut config, file_exists) = match std::fs::read_to_string(&location.file) {
        Ok(text) => (Config::from_toml_str(&text, &location.file)?, true),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => (Config::default(), false),
        Err(source) => return Err(ConfigError::Read { path: location.file.clone(), source }),
    };
    config.apply_env(&env)?;
    config.apply_flags(flags)?;
    Ok(Loaded { config, location, file_exists })
}

/// Reads the settings with the process environment.
pub fn load(file_flag: Option<&Path>, flags: &Flags) -> Result<Loaded, ConfigError> {
    load_with(file_flag, flags, |k| std::env::var(k).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn origin() -> PathBuf {
        PathBuf::from("/etc/sango/config.toml")
    }

    fn parse(text: &str) -> Result<Config, ConfigError> {
        Config::from_toml_str(text, &origin())
    }

    fn no_env(_: &str) -> Option<String> {
        None
    }

    #[test]
    fn an_empty_file_gives_the_defaults() {
        let c = parse("").unwrap();
        assert_eq!(c, Config::default());
        assert_eq!(c.mode, Mode::Staff);
        assert_eq!(c.lang, Locale::Ja);
        assert_eq!(c.theme, Theme::Default);
        assert_eq!(c.idle_timeout_secs, 120);
        assert_eq!(c.terminal_id, "local");
        assert!(c.mouse);
        assert!(c.entries().iter().all(|(_, _, s)| **s == Source::Default));
    }

    #[test]
    fn every_key_is_read_and_marked_as_from_the_file() {
        let c = parse(
            "mode = \"kiosk\"\nlang = \"en\"\ntheme = \"high-contrast\"\n\
             idle_timeout_secs = 90\nterminal_id = \"oji-1\"\nmouse = false\n\
             database = \"postgres://sango@db.kita:5432/sango\"\n\
             server = \"http://127.0.0.1:8080/\"\nserver_ca = \"/etc/sango/ca.pem\"\n\
             tls_cert = \"cert.pem\"\ntls_key = \"/etc/sango/key.pem\"\n",
        )
        .unwrap();
        assert_eq!(c.tls_cert.as_deref(), Some("cert.pem"));
        assert_eq!(c.tls_key.as_deref(), Some("/etc/sango/key.pem"));
        assert_eq!(c.server.as_deref(), Some("http://127.0.0.1:8080"));
        assert_eq!(c.server_ca.as_deref(), Some("/etc/sango/ca.pem"));
        assert_eq!(c.mode, Mode::Kiosk);
        assert_eq!(c.lang, Locale::En);
        assert_eq!(c.theme, Theme::HighContrast);
        assert_eq!(c.idle_timeout_secs, 90);
        assert_eq!(c.terminal_id, "oji-1");
        assert!(!c.mouse);
        assert_eq!(c.database.as_deref(), Some("postgres://sango@db.kita:5432/sango"));
        assert!(c.entries().iter().all(|(_, _, s)| **s == Source::File(origin())));
    }

    #[test]
    fn a_server_is_https_or_plain_http_on_loopback_and_nothing_else() {
        for ok in [
            "http://127.0.0.1:8080",
            "http://localhost:1",
            "http://[::1]:8080/",
            "http://127.0.0.2:9",
            "https://sango.kita.local:8443",
            "https://sango.kita.local",
            "https://10.0.0.1:8443",
            "https://[2001:db8::1]:8443",
        ] {
            assert!(parse_server(ok).is_some(), "{ok}");
        }
        for bad in [
            "ftp://127.0.0.1:8080",
            "http://10.0.0.1:8080",
            "https://",
            "https://u:t@sango.kita.local",
            "https://sango.kita.local/v1",
            "https://sango.kita.local:0",
            "http://example.jp:80",
            "http://127.0.0.1",
            "http://127.0.0.1:0",
            "http://tok@127.0.0.1:8080",
            "http://127.0.0.1:8080/v1",
            "http://127.0.0.1:8080?token=x",
        ] {
            assert!(parse_server(bad).is_none(), "{bad}");
        }
        let e = parse("server = \"http://10.0.0.1:8080\"\n").unwrap_err().to_string();
        assert!(e.contains("`server`") && e.contains("loopback"), "{e}");
    }

    #[test]
    fn the_database_is_a_server_url_without_a_password_and_is_shown_without_one() {
        let e = parse("database = \"postgres://sango:secret@db.kita/sango\"\n").unwrap_err();
        let m = e.to_string();
        assert!(m.contains("database") && m.contains("~/.pgpass") && m.contains(":1:"), "{m}");
        assert!(!m.contains("secret"), "{m}");
        assert!(parse("database = \"/var/lib/sango\"\n").is_err());
        let c = parse("database = \"postgresql://sango@db.kita/sango\"\n").unwrap();
        assert_eq!(c.database_shown(), "postgresql://sango@db.kita:5432/sango");
        assert_eq!(Config::default().database_shown(), "sqlite (the data folder)");
        let mut c = Config::default();
        let flags = Flags { database: Some("postgres://u:pw@h/d".into()), ..Flags::default() };
        let e = c.apply_flags(&flags).unwrap_err().to_string();
        assert!(e.contains("--database") && !e.contains("pw"), "{e}");
        // The environment is one of the places a password may come from; it is never shown.
        let mut c = Config::default();
        let env = |v: &str| (v == "SANGO_DATABASE").then(|| "postgres://u:pw@h/d".to_string());
        c.apply_env(env).unwrap();
        assert_eq!(c.database.as_deref(), Some("postgres://u:pw@h/d"));
        assert_eq!(c.database_shown(), "postgresql://u@h:5432/d");
        assert!(!serde_json::to_string(&c).unwrap().contains("pw"));
        let env = |v: &str| (v == "SANGO_DATABASE").then(|| "mysql://u:pw@h/d".to_string());
        let e = Config::default().apply_env(env).unwrap_err().to_string();
        assert!(e.contains("SANGO_DATABASE") && !e.contains("pw"), "{e}");
    }

    #[test]
    fn one_key_leaves_the_others_default() {
        let c = parse("# kiosk at Akabane\nterminal_id = \"akabane-2\"\n").unwrap();
        assert_eq!(c.terminal_id, "akabane-2");
        assert_eq!(c.sources.terminal_id, Source::File(origin()));
        assert_eq!(c.sources.mode, Source::Default);
        assert_eq!(c.mode, Mode::Staff);
    }

    #[test]
    fn a_bad_value_names_the_key_and_the_line() {
        let e = parse("mode = \"kiosk\"\n\nidle_timeout_secs = \"two minutes\"\n").unwrap_err();
        match &e {
            ConfigError::BadValue { key, line, column, .. } => {
                assert_eq!(key, "idle_timeout_secs");
                assert_eq!((*line, *column), (3, 21));
            }
            other => panic!("unexpected {other:?}"),
        }
        let msg = e.to_string();
        assert!(msg.contains("idle_timeout_secs"), "{msg}");
        assert!(msg.contains(":3:21:"), "{msg}");
        assert!(msg.contains("two minutes"), "{msg}");
    }

    #[test]
    fn wrong_types_and_words_are_bad_values() {
        for (text, key) in [
            ("mode = \"admin\"", "mode"),
            ("mode = 1", "mode"),
            ("lang = \"fr\"", "lang"),
            ("theme = \"dark\"", "theme"),
            ("idle_timeout_secs = 10", "idle_timeout_secs"),
            ("idle_timeout_secs = 120.0", "idle_timeout_secs"),
            ("idle_timeout_secs = -5", "idle_timeout_secs"),
            ("idle_timeout_secs = 0x78", "idle_timeout_secs"),
            ("terminal_id = \"\"", "terminal_id"),
            ("terminal_id = \"has space\"", "terminal_id"),
            ("terminal_id = 7", "terminal_id"),
            ("mouse = \"yes\"", "mouse"),
        ] {
            match parse(text) {
                Err(ConfigError::BadValue { key: k, line: 1, .. }) => assert_eq!(k, key, "{text}"),
                other => panic!("{text}: {other:?}"),
            }
        }
    }

    #[test]
    fn timeout_bounds_are_inclusive() {
        assert_eq!(parse("idle_timeout_secs = 30").unwrap().idle_timeout_secs, 30);
        assert_eq!(parse("idle_timeout_secs = 3600").unwrap().idle_timeout_secs, 3600);
        assert!(parse("idle_timeout_secs = 29").is_err());
        assert!(parse("idle_timeout_secs = 3601").is_err());
        assert!(parse("idle_timeout_secs = 99999999999999").is_err());
    }

    #[test]
    fn an_unknown_key_is_named_with_its_line() {
        let e = parse("lang = \"en\"\n  idle_timeout = 60\n").unwrap_err();
        match &e {
            ConfigError::UnknownKey { key, line, column, .. } => {
                assert_eq!(key, "idle_timeout");
                assert_eq!((*line, *column), (2, 3));
            }
            other => panic!("unexpected {other:?}"),
        }
        assert!(e.to_string().contains("idle_timeout_secs"), "lists the known keys: {e}");
    }

    #[test]
    fn a_table_is_an_unknown_key() {
        let e = parse("mode = \"staff\"\n[tui]\nmouse = false\n").unwrap_err();
        assert!(matches!(e, ConfigError::UnknownKey { ref key, line: 2, .. } if key == "tui"));
    }

    #[test]
    fn broken_toml_gives_line_and_column() {
        let e = parse("mode = \"staff\"\nlang = \n").unwrap_err();
        match e {
            ConfigError::Syntax { line, .. } => assert_eq!(line, 2),
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn line_column_counts_characters_not_bytes() {
        let text = "# 北区\nterminal_id = 1";
        let offset = text.find('1').unwrap();
        assert_eq!(line_column(text, offset), (2, 15));
        assert_eq!(line_column("ab", 0), (1, 1));
        assert_eq!(line_column("# 北", 3), (1, 3));
    }

    #[test]
    fn environment_beats_file_and_flags_beat_environment() {
        let mut c = parse("mode = \"staff\"\nlang = \"ja\"\nmouse = true\n").unwrap();
        c.apply_env(|k| match k {
            "SANGO_LANG" => Some("en".into()),
            "SANGO_MOUSE" => Some("off".into()),
            "SANGO_TERMINAL" => Some("".into()),
            _ => None,
        })
        .unwrap();
        assert_eq!(c.lang, Locale::En);
        assert_eq!(c.sources.lang, Source::Env("SANGO_LANG".into()));
        assert!(!c.mouse);
        assert_eq!(c.sources.terminal_id, Source::Default, "an empty variable is unset");
        c.apply_flags(&Flags { kiosk: true, lang: Some("ja".into()), database: None }).unwrap();
        assert_eq!(c.mode, Mode::Kiosk);
        assert_eq!(c.sources.mode, Source::Flag("--kiosk".into()));
        assert_eq!(c.lang, Locale::Ja);
        assert_eq!(c.sources.lang.to_string(), "flag --lang");
    }

    #[test]
    fn bad_environment_and_flag_values_are_named() {
        let mut c = Config::default();
        let e =
            c.apply_env(|k| (k == "SANGO_IDLE_TIMEOUT_SECS").then(|| "5".to_string())).unwrap_err();
        assert!(e.to_string().contains("SANGO_IDLE_TIMEOUT_SECS"), "{e}");
        let e = c
            .apply_flags(&Flags { kiosk: false, lang: Some("de".into()), database: None })
            .unwrap_err();
        assert!(e.to_string().contains("--lang"), "{e}");
    }

    #[test]
    fn location_flag_then_env_then_os() {
        let l =
            Location::resolve_with(Some(Path::new("/x/kiosk.toml")), |_| Some("/env".to_string()))
                .unwrap();
        assert_eq!(l.dir, Path::new("/x"));
        assert_eq!(l.file, Path::new("/x/kiosk.toml"));
        assert_eq!(l.located, Located::Flag);
        let l = Location::resolve_with(Some(Path::new("kiosk.toml")), no_env).unwrap();
        assert_eq!(l.dir, Path::new("."));
        let l =
            Location::resolve_with(None, |k| (k == DIR_ENV_VAR).then(|| "/env".into())).unwrap();
        assert_eq!(l.file, Path::new("/env/config.toml"));
        assert_eq!(l.located, Located::Env);
        if let Ok(l) = Location::resolve_with(None, no_env) {
            assert_eq!(l.located, Located::Default);
            assert!(l.file.ends_with("config.toml"));
        }
    }

    #[test]
    fn a_missing_file_means_defaults() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().to_string_lossy().into_owned();
        let l = load_with(None, &Flags::default(), |k| (k == DIR_ENV_VAR).then(|| dir.clone()))
            .unwrap();
        assert!(!l.file_exists);
        assert_eq!(l.config, Config::default());
        assert_eq!(l.location.dir, tmp.path());
    }

    #[test]
    fn load_reads_the_named_file() {
        let tmp = tempfile::tempdir().unwrap();
        let file = tmp.path().join("k.toml");
        std::fs::write(&file, "mode = \"kiosk\"\n").unwrap();
        let l = load_with(Some(&file), &Flags::default(), no_env).unwrap();
        assert!(l.file_exists);
        assert_eq!(l.config.mode, Mode::Kiosk);
        assert_eq!(l.config.sources.mode, Source::File(file.clone()));
        std::fs::write(&file, "mode = \"kiosk\"\nmose = false\n").unwrap();
        let e = load_with(Some(&file), &Flags::default(), no_env).unwrap_err();
        assert!(e.to_string().contains("k.toml:2:1: unknown key `mose`"), "{e}");
    }
}
