//! The shared store on a PostgreSQL server: one database for every terminal of a ward.
//!
//! Named by a `postgres://` or `postgresql://` URL (`--database`, `SANGO_DATABASE` or
//! `database` in config.toml). A password is never taken from the settings: it comes, as for
//! PostgreSQL's own tools, from `PGPASSWORD` or the password file (`PGPASSFILE`, else
//! `~/.pgpass`), or from the URL itself when a script gives it there. What sango prints of the
//! server (messages, `config show`) never holds a password.
//!
//! The live and the practice store are two schemas of the database (`sango` and
//! `sango_practice`), so that practice never mixes with live data there either.

use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::Duration;

use super::db::Db;
use super::error::StoreError;
use super::moment::{Clock, StoreKind};
use super::{Store, schema_pg};

/// The environment variable naming the database server.
pub const ENV_VAR: &str = "SANGO_DATABASE";

/// How long to wait for the server to answer a connection.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);

/// A PostgreSQL server and database, as a URL.
#[derive(Clone)]
pub struct ServerUrl {
    config: postgres::Config,
    /// The URL without its password, for messages.
    shown: String,
}

impl std::fmt::Debug for ServerUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.shown)
    }
}

impl std::fmt::Display for ServerUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.shown)
    }
}

/// Whether a `--database` value names a server (else it is not one sango knows).
pub fn is_server_url(s: &str) -> bool {
    let s = s.trim_start().to_ascii_lowercase();
    s.starts_with("postgres://") || s.starts_with("postgresql://")
}

impl ServerUrl {
    /// Reads a `postgres://user@host:port/database` URL.
    pub fn parse(url: &str) -> Result<ServerUrl, StoreError> {
        let bad = |detail: String| StoreError::CannotOpen {
            path: PathBuf::from("(--database)"),
            detail: format!("{detail}: expected postgres://USER@HOST:PORT/DATABASE"),
        };
        if !is_server_url(url) {
            return Err(bad("not a postgres:// URL".into()));
        }
        let mut config = postgres::Config::from_str(url.trim())
            .map_err(|e| bad(format!("the database URL cannot be read ({e})")))?;
        if config.get_dbname().is_none() {
            return Err(bad("the database URL names no database".into()));
        }
        if config.get_connect_timeout().is_none() {
            config.connect_timeout(CONNECT_TIMEOUT);
        }
        config.application_name("sango");
        let shown = shown(&config);
        Ok(ServerUrl { config, shown })
    }

    /// Whether the URL itself holds a password (refused in the settings).
    pub fn has_password(&self) -> bool {
        self.config.get_password().is_some()
    }

    /// Where messages say the store is.
    pub fn place(&self) -> PathBuf {
        PathBuf::from(&self.shown)
    }

    fn host(&self) -> String {
        match self.config.get_hosts().first() {
            Some(postgres::config::Host::Tcp(h)) => h.clone(),
            #[cfg(unix)]
            Some(postgres::config::Host::Unix(p)) => p.display().to_string(),
            None => "localhost".into(),
        }
    }

    fn port(&self) -> u16 {
        self.config.get_ports().first().copied().unwrap_or(5432)
    }

    fn user(&self) -> String {
        self.config.get_user().map(str::to_string).unwrap_or_else(|| {
            std::env::var("PGUSER").ok().filter(|u| !u.is_empty()).unwrap_or_else(whoami)
        })
    }

    /// Connects, taking the password from `PGPASSWORD` or the password file when the URL has
    /// none.
    pub fn connect(&self) -> Result<postgres::Client, StoreError> {
        let mut config = self.config.clone();
        let user = self.user();
        config.user(&user);
        if config.get_password().is_none() {
            let db = config.get_dbname().unwrap_or_default().to_string();
            if let Some(p) = password_for(&self.host(), self.port(), &db, &user) {
                config.password(p);
            }
        }
        config.connect(postgres::NoTls).map_err(|e| {
            let detail = super::error::one_line(&[reason(&e)]);
            match e.as_db_error() {
                // The server answered: a wrong password, an unknown database or role.
                Some(_) => StoreError::CannotOpen { path: self.place(), detail },
                None => StoreError::Unreachable { path: self.place(), detail },
            }
        })
    }
}

/// Why a connection failed, in the server's or the system's words: the crate's own text
/// ("db error", "error connecting to server") names only the kind of failure.
fn reason(e: &postgres::Error) -> String {
    if let Some(db) = e.as_db_error() {
        return db.message().to_string();
    }
    match std::error::Error::source(e) {
        Some(cause) => format!("{e}: {cause}"),
        None => e.to_string(),
    }
}

/// The URL as shown: no password, whatever the URL held.
fn shown(c: &postgres::Config) -> String {
    let host = match c.get_hosts().first() {
        Some(postgres::config::Host::Tcp(h)) if h.contains(':') => format!("[{h}]"),
        Some(postgres::config::Host::Tcp(h)) => h.clone(),
        #[cfg(unix)]
        Some(postgres::config::Host::Unix(p)) => p.display().to_string(),
        None => "localhost".into(),
    };
    let port = c.get_ports().first().copied().unwrap_or(5432);
    let user = c.get_user().map(|u| format!("{u}@")).unwrap_or_default();
    let db = c.get_dbname().unwrap_or_default();
    format!("postgresql://{user}{host}:{port}/{db}")
}

fn whoami() -> String {
    std::env::var("USER").or_else(|_| std::env::var("USERNAME")).unwrap_or_default()
}

/// `PGPASSWORD`, else the first matching line of the password file.
fn password_for(host: &str, port: u16, db: &str, user: &str) -> Option<String> {
    if let Ok(p) = std::env::var("PGPASSWORD")
        && !p.is_empty()
    {
        return Some(p);
    }
    let file = std::env::var_os("PGPASSFILE")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| directories::BaseDirs::new().map(|d| d.home_dir().join(".pgpass")))?;
    let text = read_password_file(&file)?;
    find_password(&text, host, port, db, user)
}

/// The password file, only when nobody else may read it (as libpq requires).
fn read_password_file(path: &Path) -> Option<String> {
    let meta = std::fs::metadata(path).ok()?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        if !meta.is_file() || meta.permissions().mode() & 0o077 != 0 {
            return None;
        }
    }
    #[cfg(not(unix))]
    if !meta.is_file() {
        return None;
    }
    std::fs::read_to_string(path).ok()
}

/// The password file's format: `host:port:database:user:password`, `*` matching anything, `\`
/// escaping `:` and `\`, `#` starting a comment line. Written here: no well-kept crate reads
/// it, and it is a few lines.
pub fn find_password(text: &str, host: &str, port: u16, db: &str, user: &str) -> Option<String> {
    let port = port.to_string();
    let wanted = [host, port.as_str(), db, user];
    for line in text.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let fields = split_fields(line);
        if fields.len() != 5 {
            continue;
        }
        let host_matches = |f: &str| f == "*" || f == host || (f == "localhost" && is_local(host));
        if host_matches(&fields[0])
            && wanted[1..].iter().zip(&fields[1..4]).all(|(w, f)| f == "*" || f == w)
        {
            return Some(fields[4].clone());
        }
    }
    None
}

fn is_local(host: &str) -> bool {
    host == "localhost" || host.starts_with('/')
}

fn split_fields(line: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                if let (Some(n), Some(f)) = (chars.next(), out.last_mut()) {
                    f.push(n);
                }
            }
            ':' => out.push(String::new()),
            c => {
                if let Some(f) = out.last_mut() {
                    f.push(c)
                }
            }
        }
    }
    out
}

/// The schema of a kind of store in the database.
pub fn schema_name(kind: StoreKind) -> &'static str {
    match kind {
        StoreKind::Live => "sango",
        StoreKind::Practice => "sango_practice",
    }
}

impl Store {
    /// Opens (creating its tables on first use) the store of `kind` on a PostgreSQL server.
    pub fn open_server(
        url: &ServerUrl,
        kind: StoreKind,
        clock: Clock,
    ) -> Result<Store, StoreError> {
        let client = url.connect()?;
        let mut store = Store::new(Db::postgres(client), url.place(), kind, clock);
        schema_pg::migrate(&store.conn, &store.path, kind)?;
        store.id = schema_pg::settle_meta(&store.conn, &store.path, kind)?;
        Ok(store)
    }

    /// Opens the store of `kind` on a server for a command that only reads: nothing is created.
    /// `Ok(None)` when the database has no such store yet.
    pub fn open_server_read_only(
        url: &ServerUrl,
        kind: StoreKind,
    ) -> Result<Option<Store>, StoreError> {
        let client = url.connect()?;
        let mut store = Store::new(Db::postgres(client), url.place(), kind, Clock::system());
        let Some(version) = schema_pg::version(&store.conn, &store.path, kind)? else {
            return Ok(None);
        };
        if version < schema_pg::VERSION {
            // Brought up to date first, as on SQLite where the folder may be written.
            return Self::open_server(url, kind, Clock::system()).map(Some);
        }
        store.conn.batch("SET default_transaction_read_only = on").map_err(|e| store.err(e))?;
        store.id = schema_pg::read_meta(&store.conn, &store.path, kind)?;
        Ok(Some(store))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_url_is_shown_without_its_password() {
        let u = ServerUrl::parse("postgres://clerk:s3cret@db.example:6543/kita").unwrap();
        assert_eq!(u.to_string(), "postgresql://clerk@db.example:6543/kita");
        assert!(!format!("{u:?}").contains("s3cret"));
        assert!(ServerUrl::parse("postgres://db.example/").is_err(), "no database");
        assert!(ServerUrl::parse("mysql://x/y").is_err());
        assert!(is_server_url("postgresql://h/d") && !is_server_url("/var/lib/sango"));
    }

    #[test]
    fn the_password_file_is_read_as_libpq_reads_it() {
        let text = "# comment\n\
                    other:5432:*:*:no\n\
                    db.example:5432:kita:clerk:pa\\:ss\\\\word\n\
                    *:*:*:*:fallback\n";
        assert_eq!(
            find_password(text, "db.example", 5432, "kita", "clerk").as_deref(),
            Some("pa:ss\\word")
        );
        assert_eq!(
            find_password(text, "db.example", 5433, "kita", "clerk").as_deref(),
            Some("fallback")
        );
        assert_eq!(
            find_password("localhost:5432:d:u:p\n", "/run/pg", 5432, "d", "u").as_deref(),
            Some("p")
        );
        assert_eq!(find_password("h:5432:d:u\n", "h", 5432, "d", "u"), None, "four fields");
    }
}
