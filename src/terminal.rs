//! A terminal working through a ward's server (issue 14): `server` in the settings (or
//! `SANGO_SERVER`) with the terminal's token (`SANGO_TOKEN`, or the 0600 file `token` next to
//! config.toml).
//!
//! The terminal keeps, in its data folder's `replica/` folder:
//! - a **replica** of the server's store: a normal SQLite store (live or practice, as the
//!   terminal runs), written only by merging pages of the server's change feed
//!   (`GET /v1/changes`, [`Store::merge_replica`]); the server is authoritative;
//! - **its state** (`terminal.sqlite3`, or `terminal-practice.sqlite3`): the server store's id
//!   and the last sequence number pulled (`sync_state`), and the **outbox** of commands, each
//!   with its own command id (a ULID), written before it is first sent so that a crash never
//!   loses it. The server applies each command id once, however often it is sent.
//!
//! Online, the server decides a booking in one round trip. When the server cannot be reached
//! (no connection, a timeout, or a 5xx answer: the server cannot decide now — never a 4xx,
//! which is the server's decision), a booking is checked against the replica by the same rule
//! function (and the terminal's earlier provisional bookings) and kept in the outbox as
//! provisional (仮予約); it is never written into the replica's bookings. `sango sync` (and
//! every command through the server, first) sends the outbox in order; one the server refuses
//! goes to the review list with the server's message naming the rule.

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::NaiveDateTime;
use rusqlite::{Connection, params};
use serde::Serialize;
use serde_json::{Value, json};

use crate::dataset::Dataset;
use crate::domain::care::Length;
use crate::domain::{jst, user_number};
use crate::store::changes::Changes;
use crate::store::{BookingRequest, DataDir, Store, StoreKind};

/// The folder of the replica and the terminal's state, inside the data folder.
pub const REPLICA_DIR: &str = "replica";

/// How long a connection to the server may take before the terminal counts as offline.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(3);
/// How long a whole request may take.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);
/// Events per page of the change feed.
const PAGE: u32 = 1000;
/// Commands sent per request while syncing (`POST /v1/commands`): the server decides them in
/// one transaction, and the terminal keeps their decisions in one disk flush.
const SYNC_BATCH: usize = 256;

/// The file, next to config.toml and `token`, that keeps a staff member's sign-in at this
/// terminal (`sango login`): owner-only (0600), the token's rule.
pub const SIGNIN_FILE: &str = "signin";

/// What a write refused for want of a sign-in tells the clerk.
pub const SIGN_IN_FIRST: &str = "sign in first: sango login ID (サインインしてください)";

/// The server the settings name, with the token to call it.
#[derive(Clone)]
pub struct Remote {
    pub url: String,
    token: String,
    /// The staff member's sign-in at this terminal, sent as `Sango-Signin` when there is one.
    signin: Option<String>,
    /// A kiosk's session for the mother identified there, sent as `Sango-Session`.
    session: Option<String>,
    agent: ureq::Agent,
}

impl std::fmt::Debug for Remote {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Remote").field("url", &self.url).finish_non_exhaustive()
    }
}

/// A server's answer, or why there was none.
#[derive(Debug)]
pub enum Reply {
    /// The server decided: its status and body, and whether it had applied the command before.
    Answer { status: u16, body: Value, replayed: bool },
    /// The server cannot be reached or cannot decide now (a connection failure, a timeout, a
    /// 5xx answer).
    Offline(String),
    /// Talking to the server failed for a reason that waiting will not cure (its certificate
    /// is not trusted, the URL is wrong): an error, never offline mode.
    Failed(String),
}

/// Whether a request's failure means the server cannot be reached now (offline), rather than
/// a fault of the setup (a certificate not trusted: a TLS error is never taken for offline).
fn is_offline(e: &ureq::Error) -> bool {
    match e {
        ureq::Error::Io(io) => {
            io.get_ref().is_none_or(|inner| inner.downcast_ref::<rustls::Error>().is_none())
        }
        ureq::Error::Timeout(_)
        | ureq::Error::HostNotFound
        | ureq::Error::ConnectionFailed
        | ureq::Error::Protocol(_)
        | ureq::Error::BodyStalled => true,
        _ => false,
    }
}

impl Remote {
    /// A client of `url` with `token`; for an `https://` server, `trusted` are the
    /// certificates (PEM) it trusts (a ward's CA: this build has no built-in roots).
    pub fn new(url: &str, token: &str, trusted: Option<&[u8]>) -> Result<Remote, String> {
        let mut config = ureq::Agent::config_builder();
        if let Some(pem) = trusted {
            let mut certs = Vec::new();
            for item in ureq::tls::parse_pem(pem) {
                match item.map_err(|e| format!("the server's certificate file: {e}"))? {
                    ureq::tls::PemItem::Certificate(c) => certs.push(c.to_owned()),
                    _ => continue,
                }
            }
            if certs.is_empty() {
                return Err("the server's certificate file (server_ca) holds no certificate".into());
            }
            let tls = ureq::tls::TlsConfig::builder()
                .root_certs(ureq::tls::RootCerts::new_with_certs(&certs))
                .unversioned_rustls_crypto_provider(std::sync::Arc::new(
                    rustls::crypto::ring::default_provider(),
                ))
                .build();
            config = config.tls_config(tls);
        }
        let agent: ureq::Agent = config
            .http_status_as_error(false)
            .timeout_connect(Some(CONNECT_TIMEOUT))
            .timeout_global(Some(REQUEST_TIMEOUT))
            .max_idle_connections(0)
            .build()
            .into();
        Ok(Remote {
            url: url.trim_end_matches('/').to_string(),
            token: token.to_string(),
            signin: None,
            session: None,
            agent,
        })
    }

    /// The same client, sending `signin` as the staff member's sign-in.
    pub fn with_signin(mut self, signin: Option<String>) -> Remote {
        self.signin = signin;
        self
    }

    /// A kiosk's session to send from now on (`None`: the mother's session is over).
    pub fn set_session(&mut self, session: Option<String>) {
        self.session = session;
    }

    /// Whether a sign-in is kept at this terminal (it may have ended on the server).
    pub fn has_signin(&self) -> bool {
        self.signin.is_some()
    }

    fn reply(&self, sent: Result<ureq::http::Response<ureq::Body>, ureq::Error>) -> Reply {
        let mut r = match sent {
            Ok(r) => r,
            Err(e) if is_offline(&e) => {
                return Reply::Offline(format!("the server {} cannot be reached: {e}", self.url));
            }
            Err(e) => return Reply::Failed(format!("cannot talk to the server {}: {e}", self.url)),
        };
        let status = r.status().as_u16();
        let replayed = r
            .headers()
            .get("sango-replayed")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v == "true");
        let text = match r.body_mut().with_config().limit(1 << 30).read_to_string() {
            Ok(t) => t,
            Err(e) => return Reply::Offline(format!("the server's answer was cut off: {e}")),
        };
        if status >= 500 {
            let message = serde_json::from_str::<Value>(&text)
                .ok()
                .and_then(|v| v["message"].as_str().map(str::to_string))
                .unwrap_or_else(|| format!("status {status}"));
            return Reply::Offline(format!("the server {} cannot decide now: {message}", self.url));
        }
        let body = serde_json::from_str(&text).unwrap_or(Value::String(text));
        Reply::Answer { status, body, replayed }
    }

    fn auth(&self) -> String {
        format!("Bearer {}", self.token)
    }

    pub fn get(&self, path: &str) -> Reply {
        let url = format!("{}{path}", self.url);
        let mut req = self.agent.get(&url).header("Authorization", &self.auth());
        if let Some(s) = &self.signin {
            req = req.header("Sango-Signin", s);
        }
        if let Some(s) = &self.session {
            req = req.header("Sango-Session", s);
        }
        self.reply(req.call())
    }

    pub fn post(&self, path: &str, body: &Value) -> Reply {
        let url = format!("{}{path}", self.url);
        let mut req = self.agent.post(&url).header("Authorization", &self.auth());
        if let Some(s) = &self.signin {
            req = req.header("Sango-Signin", s);
        }
        if let Some(s) = &self.session {
            req = req.header("Sango-Session", s);
        }
        self.reply(req.send_json(body))
    }
}

/// Whether an answer is the server's "a staff member must sign in first".
pub fn signin_required(status: u16, body: &Value) -> bool {
    status == 401 && body["error"] == "signin_required"
}

/// The sign-in kept at this terminal: the file `signin` in the config folder, which must be a
/// regular file of this user that nobody else may read (0600); one others may read is refused.
pub fn read_signin(config_dir: &Path) -> Result<Option<String>, String> {
    let path = config_dir.join(SIGNIN_FILE);
    let meta = match std::fs::symlink_metadata(&path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(format!("cannot read the sign-in file {}: {e}", path.display())),
    };
    crate::pin::check_private_file(&meta).map_err(|why| {
        format!(
            "the sign-in file {} is not used: {why}; remove it and sign in again (sango login ID)",
            path.display()
        )
    })?;
    let text = std::fs::read_to_string(&path)
        .map_err(|e| format!("cannot read the sign-in file {}: {e}", path.display()))?;
    Ok(Some(text.trim().to_string()).filter(|t| !t.is_empty()))
}

/// Keeps a sign-in at this terminal (owner-only, whole or not at all).
pub fn write_signin(config_dir: &Path, signin: &str) -> Result<(), String> {
    std::fs::create_dir_all(config_dir)
        .map_err(|e| format!("cannot create the folder {}: {e}", config_dir.display()))?;
    crate::private_file::write(&config_dir.join(SIGNIN_FILE), signin.as_bytes())
        .map_err(|e| e.to_string())
}

/// Forgets the sign-in kept at this terminal; whether there was one.
pub fn remove_signin(config_dir: &Path) -> Result<bool, String> {
    let path = config_dir.join(SIGNIN_FILE);
    match std::fs::remove_file(&path) {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(format!("cannot remove the sign-in file {}: {e}", path.display())),
    }
}

/// A booking's body for `POST /v1/bookings` (a kiosk's leaves `resident` out: its session
/// names her).
pub fn booking_body(command_id: &str, req: &BookingRequest, at: Option<NaiveDateTime>) -> Value {
    let mut body = json!({
        "command_id": command_id,
        "resident": req.resident,
        "facility": req.facility,
        "type": req.care,
        "start": req.start,
    });
    match req.length {
        Length::Nights(n) => body["nights"] = json!(n),
        Length::Days(n) => body["days"] = json!(n),
        Length::Visit => {}
    }
    if let Some(at) = at {
        body["at"] = json!(minute(at));
    }
    body
}

/// The message of an error answer.
pub fn message_of(status: u16, body: &Value) -> String {
    body["message"].as_str().map_or_else(|| format!("the server answered {status}"), str::to_string)
}

/// One command of the outbox.
#[derive(Debug, Clone, Serialize)]
pub struct Entry {
    /// Its place in the outbox: commands are sent in this order.
    pub n: i64,
    pub command_id: String,
    /// `book` or `cancel`.
    pub kind: String,
    pub path: String,
    pub body: Value,
    pub created_at: String,
    /// `pending` (not decided by the server yet), `sent` (decided: `answer`), `refused` (the
    /// server refused it while the user waited, or the replica's rules did offline: it was
    /// shown then), `review` (refused when sent later: for a clerk) or `resolved` (a clerk
    /// resolved it: an event on the server).
    pub state: String,
    /// Accepted offline against the replica (仮予約), before the server decided.
    pub provisional: bool,
    pub answer: Option<Value>,
    /// The refusal's message (naming the rule) for `refused` and `review`.
    pub message: Option<String>,
    pub decided_at: Option<String>,
}

/// What `sango sync` did.
#[derive(Debug, Clone, Default, Serialize)]
pub struct SyncReport {
    /// Commands the server applied (or had applied: a repeat is answered as before).
    pub pushed: usize,
    /// Events of the change feed merged into the replica.
    pub pulled: usize,
    /// Commands the server refused: now in the review list.
    pub rejected: usize,
    /// Commands still waiting to be sent.
    pub pending: usize,
}

/// Where the terminal stands, without asking the server (for a status line).
#[derive(Debug, Clone, Serialize)]
pub struct Status {
    pub server: String,
    /// Since when the server has been unreachable (Japan time), if it is.
    pub offline_since: Option<String>,
    /// When the replica was last brought up to date.
    pub data_as_of: Option<String>,
    /// Commands waiting to be sent.
    pub pending: usize,
    /// Commands refused on sync, waiting for a clerk.
    pub review: usize,
}

/// The outcome of a booking or a cancellation made through the server.
#[derive(Debug)]
pub enum Outcome {
    /// The server decided: its answer (`result` of the command).
    Decided { command_id: String, result: Value, replayed: bool },
    /// The server was unreachable: the command waits in the outbox, checked against the
    /// replica; `plan` is the replica's answer (for a booking), `data_as_of` the time of the
    /// last successful pull.
    Provisional {
        command_id: String,
        checked: Value,
        data_as_of: Option<String>,
        offline_since: Option<String>,
    },
}

/// A terminal with a server: its replica, its outbox.
pub struct Terminal {
    pub remote: Remote,
    pub replica: Store,
    state: Connection,
    kind: StoreKind,
    /// Set once a request found the server unreachable: later ones of this command are not
    /// tried (each would wait for its timeout).
    offline: std::cell::Cell<bool>,
}

const STATE_SCHEMA: &str = "
    CREATE TABLE IF NOT EXISTS sync_state (
        one           INTEGER PRIMARY KEY CHECK (one = 1),
        store_id      TEXT,
        last_seq      INTEGER NOT NULL DEFAULT 0,
        pulled_at     TEXT,
        offline_since TEXT
    );
    INSERT INTO sync_state (one) VALUES (1) ON CONFLICT DO NOTHING;
    CREATE TABLE IF NOT EXISTS outbox (
        n           INTEGER PRIMARY KEY AUTOINCREMENT,
        command_id  TEXT NOT NULL UNIQUE,
        kind        TEXT NOT NULL,
        path        TEXT NOT NULL,
        body        TEXT NOT NULL,
        created_at  TEXT NOT NULL,
        state       TEXT NOT NULL DEFAULT 'pending'
                    CHECK (state IN ('pending', 'sent', 'refused', 'review', 'resolved')),
        provisional INTEGER NOT NULL DEFAULT 0,
        answer      TEXT,
        message     TEXT,
        decided_at  TEXT,
        resident    TEXT
    );
";

/// What the outbox gained after its first form: the mother a booking is for (normalized), so
/// that the offline check reads her waiting bookings, not the whole outbox.
const STATE_INDEXES: &str = "
    CREATE INDEX IF NOT EXISTS outbox_state ON outbox (state, n);
    CREATE INDEX IF NOT EXISTS outbox_resident ON outbox (resident, state);
";

fn now() -> NaiveDateTime {
    jst::from_utc(chrono::Utc::now())
}

/// A moment as the server takes it (Japan time, to the minute).
pub fn minute(t: NaiveDateTime) -> String {
    t.format("%Y-%m-%dT%H:%M").to_string()
}

fn sql(e: rusqlite::Error) -> String {
    format!("the terminal's outbox: {e}")
}

impl Terminal {
    /// Opens (creating on first use) the replica and the state of `data_dir` for `kind`.
    pub fn open(remote: Remote, data_dir: &Path, kind: StoreKind) -> Result<Terminal, String> {
        let folder = data_dir.join(REPLICA_DIR);
        crate::private_file::prepare_dir(&folder).map_err(|e| e.to_string())?;
        let replica = Store::open_kind(&DataDir { path: folder.clone(), explicit: true }, kind)
            .map_err(|e| e.to_string())?;
        let state_file: PathBuf = folder.join(match kind {
            StoreKind::Live => "terminal.sqlite3",
            StoreKind::Practice => "terminal-practice.sqlite3",
        });
        let state = Connection::open(&state_file).map_err(sql)?;
        state.busy_timeout(Duration::from_secs(10)).map_err(sql)?;
        state.pragma_update(None, "journal_mode", "WAL").map_err(sql)?;
        state.pragma_update(None, "synchronous", "FULL").map_err(sql)?;
        state.execute_batch(STATE_SCHEMA).map_err(sql)?;
        let has_resident: bool = state
            .query_row(
                "SELECT EXISTS (SELECT 1 FROM pragma_table_info('outbox') WHERE name = 'resident')",
                [],
                |r| r.get(0),
            )
            .map_err(sql)?;
        if !has_resident {
            state.execute_batch("ALTER TABLE outbox ADD COLUMN resident TEXT").map_err(sql)?;
            let books: Vec<(i64, String)> = state
                .prepare("SELECT n, body FROM outbox WHERE kind = 'book'")
                .and_then(|mut st| st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect())
                .map_err(sql)?;
            for (n, body) in books {
                let body: Value = serde_json::from_str(&body).unwrap_or_default();
                let resident = body["resident"].as_str().map(user_number::normalize);
                state
                    .execute("UPDATE outbox SET resident = ?2 WHERE n = ?1", params![n, resident])
                    .map_err(sql)?;
            }
        }
        state.execute_batch(STATE_INDEXES).map_err(sql)?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let _ = std::fs::set_permissions(&state_file, std::fs::Permissions::from_mode(0o600));
        }
        Ok(Terminal { remote, replica, state, kind, offline: std::cell::Cell::new(false) })
    }

    /// Where the terminal stands, read from its state only (no request).
    pub fn status(&self) -> Result<Status, String> {
        Ok(Status {
            server: self.remote.url.clone(),
            offline_since: self.offline_since(),
            data_as_of: self.data_as_of(),
            pending: self.count("pending")?,
            review: self.count("review")? + self.kiosk_requests()?.len(),
        })
    }

    /// How many outbox entries are in `state`.
    pub fn count(&self, state: &str) -> Result<usize, String> {
        self.state
            .query_row("SELECT COUNT(*) FROM outbox WHERE state = ?1", params![state], |r| {
                r.get::<_, i64>(0)
            })
            .map(|n| n as usize)
            .map_err(sql)
    }

    /// When the replica was last brought up to date from the server (Japan time).
    pub fn data_as_of(&self) -> Option<String> {
        self.state.query_row("SELECT pulled_at FROM sync_state", [], |r| r.get(0)).ok().flatten()
    }

    /// Since when the server has been unreachable, if it is.
    pub fn offline_since(&self) -> Option<String> {
        self.state
            .query_row("SELECT offline_since FROM sync_state", [], |r| r.get(0))
            .ok()
            .flatten()
    }

    fn went_offline(&self) {
        self.offline.set(true);
        let _ = self.state.execute(
            "UPDATE sync_state SET offline_since = COALESCE(offline_since, ?1)",
            params![minute(now())],
        );
    }

    fn came_online(&self) {
        let _ = self.state.execute("UPDATE sync_state SET offline_since = NULL", []);
    }

    fn send(&self, path: &str, body: Option<&Value>) -> Reply {
        if self.offline.get() {
            return Reply::Offline("the server could not be reached a moment ago".into());
        }
        let reply = match body {
            Some(b) => self.remote.post(path, b),
            None => self.remote.get(path),
        };
        match &reply {
            Reply::Offline(_) => self.went_offline(),
            Reply::Answer { .. } => self.came_online(),
            Reply::Failed(_) => {}
        }
        reply
    }

    /// Pulls the change feed since the last sequence number into the replica, page by page
    /// (each page merged, then its `next` recorded: a page merged twice changes nothing).
    /// Returns the number of events merged.
    pub fn pull(&self) -> Result<usize, String> {
        let mut pulled = 0;
        loop {
            let (store_id, since): (Option<String>, i64) = self
                .state
                .query_row("SELECT store_id, last_seq FROM sync_state", [], |r| {
                    Ok((r.get(0)?, r.get(1)?))
                })
                .map_err(sql)?;
            let page = match self.send(&format!("/v1/changes?since={since}&limit={PAGE}"), None) {
                Reply::Offline(why) | Reply::Failed(why) => return Err(why),
                Reply::Answer { status: 200, body, .. } => body,
                Reply::Answer { status, body, .. } => return Err(message_of(status, &body)),
            };
            let page: Changes = serde_json::from_value(page)
                .map_err(|e| format!("the server's change feed is not understood: {e}"))?;
            if let Some(mine) = &store_id
                && *mine != page.store_id
            {
                return Err(format!(
                    "this terminal's replica is of another store (id {mine}) than the server's \
                     ({}): move the folder {} away to start a new replica",
                    page.store_id,
                    self.replica
                        .path()
                        .parent()
                        .map(|p| p.display().to_string())
                        .unwrap_or_default()
                ));
            }
            if page.practice != (self.kind == StoreKind::Practice) {
                return Err("the server runs the other kind of store (live / practice) than \
                            this terminal: live and practice data never mix"
                    .into());
            }
            self.replica.merge_replica(&page).map_err(|e| e.to_string())?;
            pulled += page.events.len();
            self.state
                .execute(
                    "UPDATE sync_state SET store_id = ?1, last_seq = ?2, pulled_at = ?3",
                    params![page.store_id, page.next, minute(now())],
                )
                .map_err(sql)?;
            if !page.more {
                return Ok(pulled);
            }
        }
    }

    /// Writes a command to the outbox before it is first sent.
    fn enqueue(&self, kind: &str, path: &str, body: &Value) -> Result<i64, String> {
        let resident = body["resident"].as_str().map(user_number::normalize);
        self.state
            .execute(
                "INSERT INTO outbox (command_id, kind, path, body, created_at, resident)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![
                    body["command_id"].as_str().unwrap_or_default(),
                    kind,
                    path,
                    body.to_string(),
                    jst::rfc3339(now()),
                    resident
                ],
            )
            .map_err(sql)?;
        Ok(self.state.last_insert_rowid())
    }

    fn decide(&self, n: i64, state: &str, answer: Option<&Value>, message: Option<&str>) {
        let _ = self.state.execute(
            "UPDATE outbox SET state = ?2, answer = ?3, message = ?4, decided_at = ?5 WHERE n = ?1",
            params![n, state, answer.map(Value::to_string), message, jst::rfc3339(now())],
        );
    }

    /// The outbox, in order; only entries in `state` when given.
    pub fn entries(&self, state: Option<&str>) -> Result<Vec<Entry>, String> {
        self.select("WHERE ?1 IS NULL OR state = ?1 ORDER BY n", params![state])
    }

    /// What a clerk is to review: the commands of this terminal's outbox the server refused on
    /// sync, then the kiosks' requests for staff (their bookings kept while the server was
    /// away), as the replica has them from the change feed.
    pub fn review_list(&self) -> Result<Vec<Entry>, String> {
        let mut list = self.entries(Some("review"))?;
        list.extend(self.kiosk_requests()?);
        Ok(list)
    }

    /// The kiosks' requests not resolved yet, as review entries (`kind` `kiosk_request`).
    fn kiosk_requests(&self) -> Result<Vec<Entry>, String> {
        let events = self.replica.open_kiosk_requests().map_err(|e| e.to_string())?;
        Ok(events
            .into_iter()
            .map(|ev| Entry {
                n: 0,
                message: Some(format!(
                    "a request from the kiosk {}, kept while the server was away (仮予約・\
                     スタッフが確認します): book it or decline it, then resolve it",
                    crate::visible::one_line(&ev.terminal)
                )),
                command_id: ev.subject,
                kind: crate::store::EventKind::KioskRequest.id().to_string(),
                path: "/v1/kiosk/requests".to_string(),
                body: ev.data,
                created_at: jst::rfc3339(ev.at),
                state: "review".to_string(),
                provisional: true,
                answer: None,
                decided_at: None,
            })
            .collect())
    }

    /// The next `limit` pending entries after entry `after`, in order.
    fn pending_after(&self, after: i64, limit: usize) -> Result<Vec<Entry>, String> {
        self.select(
            "WHERE state = 'pending' AND n > ?1 ORDER BY n LIMIT ?2",
            params![after, limit as i64],
        )
    }

    /// The outbox entries the clause (`WHERE … ORDER BY …`) picks.
    fn select(&self, clause: &str, values: impl rusqlite::Params) -> Result<Vec<Entry>, String> {
        let mut st = self
            .state
            .prepare(&format!(
                "SELECT n, command_id, kind, path, body, created_at, state, provisional, answer,
                        message, decided_at
                 FROM outbox {clause}"
            ))
            .map_err(sql)?;
        let rows = st
            .query_map(values, |r| {
                let body: String = r.get(4)?;
                let answer: Option<String> = r.get(8)?;
                Ok(Entry {
                    n: r.get(0)?,
                    command_id: r.get(1)?,
                    kind: r.get(2)?,
                    path: r.get(3)?,
                    body: serde_json::from_str(&body).unwrap_or(Value::Null),
                    created_at: r.get(5)?,
                    state: r.get(6)?,
                    provisional: r.get(7)?,
                    answer: answer.and_then(|a| serde_json::from_str(&a).ok()),
                    message: r.get(9)?,
                    decided_at: r.get(10)?,
                })
            })
            .map_err(sql)?;
        rows.collect::<Result<Vec<_>, _>>().map_err(sql)
    }

    /// Sends the pending outbox entries in order, [`SYNC_BATCH`] a request; `Ok(false)` when
    /// the server cannot be reached (the rest wait, in order). Each batch's decisions are kept
    /// in one disk flush: one lost to a crash only means the commands are sent again, and the
    /// server answers a command id it has seen with its first answer.
    fn send_pending(&self, report: &mut SyncReport) -> Result<bool, String> {
        let mut after = 0;
        loop {
            let batch = self.pending_after(after, SYNC_BATCH)?;
            let Some(last) = batch.last() else { return Ok(true) };
            after = last.n;
            let items: Vec<Value> = batch.iter().map(batch_item).collect();
            let results = match self.send("/v1/commands", Some(&json!({ "commands": items }))) {
                Reply::Offline(_) => return Ok(false),
                Reply::Failed(why) => return Err(format!("{why} (the outbox is kept)")),
                Reply::Answer { status: 200, body, .. } => body,
                Reply::Answer { status, body, .. } => return Err(refused_batch(status, &body)),
            };
            let results = results["results"].as_array().cloned().unwrap_or_default();
            if results.len() != batch.len() {
                return Err(format!(
                    "the server answered {} outcomes for {} commands (the outbox is kept)",
                    results.len(),
                    batch.len()
                ));
            }
            let tx = self.state.unchecked_transaction().map_err(sql)?;
            for (e, r) in batch.iter().zip(&results) {
                let status = r["status"].as_u64().unwrap_or(0) as u16;
                let body = &r["body"];
                if (200..300).contains(&status) {
                    self.decide(e.n, "sent", Some(body), None);
                    report.pushed += 1;
                } else {
                    self.decide(e.n, "review", Some(body), Some(&message_of(status, body)));
                    report.rejected += 1;
                }
            }
            tx.commit().map_err(sql)?;
        }
    }

    /// Sends the pending outbox entries in order, then pulls. Stops at the first batch that
    /// cannot be sent (the server unreachable): the rest wait, in order.
    pub fn sync(&self) -> Result<SyncReport, String> {
        let mut report = SyncReport::default();
        let reached = self.send_pending(&mut report)?;
        if reached {
            report.pulled = self.pull()?;
        }
        report.pending = self.count("pending")?;
        if !reached || self.offline.get() {
            return Err(format!(
                "the server {} cannot be reached: {} change(s) wait in the outbox (pushed {}, \
                 rejected {})",
                self.remote.url, report.pending, report.pushed, report.rejected
            ));
        }
        Ok(report)
    }

    /// A write needs a staff member signed in at this terminal: without a sign-in kept here
    /// nothing is written to the outbox (nobody would answer for it). Whether the sign-in is
    /// still live is the server's to say, when the command is sent.
    fn need_signin(&self) -> Result<(), String> {
        if self.remote.has_signin() { Ok(()) } else { Err(SIGN_IN_FIRST.to_string()) }
    }

    /// Best effort before a command: the outbox sent, the replica pulled. Failures (offline)
    /// are left for the command's own request or for `sango sync`.
    pub fn refresh(&self) {
        let _ = self.sync();
    }

    /// Before a write: the commands already waiting go first, in order (the server must decide
    /// an older provisional booking of hers before this one). No pull: the server decides the
    /// write, and the pull after it brings what changed meanwhile in the same round trip.
    fn send_waiting(&self) {
        let _ = self.send_pending(&mut SyncReport::default());
    }

    /// Puts an event the server answered with into the replica now (best effort: the next
    /// pull brings it anyway).
    fn keep_event(&self, event: &Value) {
        let Ok(event) = serde_json::from_value(event.clone()) else { return };
        let page = Changes {
            format: crate::store::export::FORMAT.to_string(),
            version: crate::store::export::FORMAT_VERSION,
            practice: self.kind == StoreKind::Practice,
            store_id: String::new(),
            residents: Vec::new(),
            bookings: Vec::new(),
            events: vec![crate::store::changes::SeqEvent { seq: 0, event }],
            next: 0,
            more: false,
        };
        let _ = self.replica.merge_replica(&page);
    }

    /// Resolves a command of the review list: the clerk's resolution recorded on the server as
    /// an event (once, however often it is sent), then the entry leaves the list.
    pub fn resolve(
        &self,
        command_id: &str,
        resolution: &str,
        note: &str,
        booking: Option<&str>,
    ) -> Result<Value, String> {
        let entry =
            self.review_list()?.into_iter().find(|e| e.command_id == command_id).ok_or_else(
                || {
                    format!(
                        "'{}' is not in this terminal's review list (see `sango review list`)",
                        crate::visible::one_line(command_id)
                    )
                },
            )?;
        let body = json!({
            "resolution": resolution,
            "note": note,
            "command": entry.body,
            "refusal": entry.message.clone().unwrap_or_default(),
            "booking": booking,
        });
        match self.send(&format!("/v1/reviews/{command_id}/resolve"), Some(&body)) {
            Reply::Offline(why) | Reply::Failed(why) => Err(format!(
                "{why}: a resolution is recorded on the server, so try again when it is reached"
            )),
            Reply::Answer { status, body: answer, .. } if (200..300).contains(&status) => {
                if entry.n == 0 {
                    // A kiosk's request: it leaves the list once the replica has the
                    // resolution (the feed brings it too; merged once by its id).
                    self.keep_event(&answer["event"]);
                } else {
                    self.decide(entry.n, "resolved", Some(&answer), entry.message.as_deref());
                }
                Ok(answer)
            }
            Reply::Answer { status, body: answer, .. } if signin_required(status, &answer) => {
                Err(SIGN_IN_FIRST.to_string())
            }
            Reply::Answer { status, body: answer, .. } => Err(message_of(status, &answer)),
        }
    }

    /// The provisional commands waiting in the outbox (仮予約, 仮取消), as `sango bookings`
    /// marks them: each with its command id, request, and the data's age.
    pub fn provisional(&self) -> Result<Vec<Value>, String> {
        let as_of = self.data_as_of();
        Ok(self
            .entries(Some("pending"))?
            .into_iter()
            .filter(|e| e.provisional)
            .map(|e| {
                let mut v = json!({
                    "status": if e.kind == "book" { "provisional" } else { "provisional_cancel" },
                    "command_id": e.command_id,
                    "created_at": e.created_at,
                    "data_as_of": as_of,
                });
                if e.kind == "book" {
                    for k in ["resident", "facility", "type", "nights", "days"] {
                        v[k] = e.body[k].clone();
                    }
                    v["first_day"] = e.body["start"].clone();
                } else {
                    v["booking"] = json!(e.path.split('/').nth(3));
                }
                v
            })
            .collect())
    }

    /// Her pending provisional bookings, as requests with their moments, for the offline
    /// check (only hers can change what the rules say of her).
    fn pending_bookings(
        &self,
        resident: &str,
        except: i64,
    ) -> Result<Vec<(BookingRequest, NaiveDateTime)>, String> {
        let hers = user_number::normalize(resident);
        Ok(self
            .select(
                "WHERE resident = ?1 AND state = 'pending' AND kind = 'book' AND n <> ?2 ORDER BY n",
                params![hers, except],
            )?
            .into_iter()
            .filter_map(|e| {
                let at = e.body["at"].as_str().and_then(jst::parse_moment).or_else(|| {
                    chrono::DateTime::parse_from_rfc3339(&e.created_at)
                        .ok()
                        .map(|t| t.naive_local())
                })?;
                Some((request_of(&e.body)?, at))
            })
            .collect())
    }

    /// Books through the server: the command in the outbox first, then sent; offline, checked
    /// against the replica and kept as provisional.
    pub fn book(
        &self,
        dataset: &Dataset,
        req: &BookingRequest,
        at: Option<NaiveDateTime>,
        terminal: &str,
    ) -> Result<Outcome, String> {
        self.need_signin()?;
        self.send_waiting();
        let command_id = ulid::Ulid::new().to_string();
        let body = booking_body(&command_id, req, at);
        let path = "/v1/bookings";
        let n = self.enqueue("book", path, &body)?;
        if let Some(decided) = self.send_new(n, &command_id, path, &body) {
            return decided;
        }
        let pending = self.pending_bookings(&req.resident, n)?;
        let at = at.unwrap_or_else(now);
        match self.replica.check_provisional(dataset, &pending, req, at, terminal) {
            Ok(b) => Ok(self.keep_provisional(n, command_id, b.answer())),
            Err(e) => {
                let m = e.to_string();
                self.decide(n, "refused", None, Some(&m));
                Err(m)
            }
        }
    }

    /// Marks outbox entry `n` provisional (the server away, the replica's check passed).
    fn keep_provisional(&self, n: i64, command_id: String, checked: Value) -> Outcome {
        let _ = self.state.execute("UPDATE outbox SET provisional = 1 WHERE n = ?1", params![n]);
        Outcome::Provisional {
            command_id,
            checked,
            data_as_of: self.data_as_of(),
            offline_since: self.offline_since(),
        }
    }

    /// Sends outbox entry `n`, just written: the server's decision (booked or cancelled, and
    /// pulled; refused; a sign-in needed first, the entry kept), or `None` when the server
    /// cannot be reached and the caller decides what the terminal does offline.
    fn send_new(
        &self,
        n: i64,
        command_id: &str,
        path: &str,
        body: &Value,
    ) -> Option<Result<Outcome, String>> {
        let command_id = command_id.to_string();
        Some(match self.send(path, Some(body)) {
            Reply::Answer { status, body: answer, replayed } if (200..300).contains(&status) => {
                self.decide(n, "sent", Some(&answer), None);
                let _ = self.pull();
                Ok(Outcome::Decided { command_id, result: answer["result"].clone(), replayed })
            }
            Reply::Answer { status, body: answer, .. } if signin_required(status, &answer) => {
                Err(format!(
                    "{SIGN_IN_FIRST}: the sign-in at this terminal ended; the command waits in \
                     the outbox and is sent after sign-in (sango sync)"
                ))
            }
            Reply::Answer { status, body: answer, .. } => {
                let m = message_of(status, &answer);
                self.decide(n, "refused", Some(&answer), Some(&m));
                Err(m)
            }
            Reply::Failed(why) => {
                self.decide(n, "refused", None, Some(&why));
                Err(why)
            }
            Reply::Offline(_) => return None,
        })
    }

    /// Cancels through the server; offline, a booking of the replica still booked is kept as
    /// a provisional cancellation.
    pub fn cancel(&self, typed: &str, at: Option<NaiveDateTime>) -> Result<Outcome, String> {
        self.need_signin()?;
        self.refresh();
        let command_id = ulid::Ulid::new().to_string();
        let mut body = json!({ "command_id": command_id });
        if let Some(at) = at {
            body["at"] = json!(minute(at));
        }
        let found = self.replica.booking(typed).map_err(|e| e.to_string())?;
        // The booking's id when the replica knows it: the path carries no typed text.
        let id = found.as_ref().map_or_else(|| typed.trim().to_string(), |b| b.id.clone());
        if id.is_empty() || !id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
            return Err(format!("unknown booking (予約) '{}'", crate::visible::one_line(typed)));
        }
        let path = format!("/v1/bookings/{id}/cancel");
        let n = self.enqueue("cancel", &path, &body)?;
        if let Some(decided) = self.send_new(n, &command_id, &path, &body) {
            return decided;
        }
        match found {
            Some(b) if !b.status.is_cancelled() => {
                Ok(self.keep_provisional(n, command_id, json!({ "booking": b })))
            }
            other => {
                let m = match other {
                    Some(_) => "the booking is already cancelled (取消済み)".to_string(),
                    None => format!(
                        "unknown booking (予約) '{}' in this terminal's data",
                        crate::visible::one_line(typed)
                    ),
                };
                self.decide(n, "refused", None, Some(&m));
                Err(m)
            }
        }
    }
}

/// An outbox entry as one command of `POST /v1/commands`: its body with its kind, and for a
/// cancellation the booking its path names.
fn batch_item(e: &Entry) -> Value {
    let mut item = e.body.clone();
    item["kind"] = json!(e.kind);
    if e.kind == "cancel" {
        item["booking"] = json!(e.path.split('/').nth(3));
    }
    item
}

/// Why a whole batch was not decided (the outbox is kept either way).
fn refused_batch(status: u16, body: &Value) -> String {
    if signin_required(status, body) {
        format!(
            "{SIGN_IN_FIRST}: the server asks for a staff sign-in at this terminal (the outbox \
             is kept and sent after sign-in)"
        )
    } else if matches!(status, 401 | 403) {
        format!(
            "the server refused this terminal's token: {} (the outbox is kept)",
            message_of(status, body)
        )
    } else {
        format!("{} (the outbox is kept)", message_of(status, body))
    }
}

/// The booking request an outbox body holds.
fn request_of(body: &Value) -> Option<BookingRequest> {
    let care = body["type"].as_str()?.parse().ok()?;
    let nights = body["nights"].as_u64().map(|n| n as u32);
    let days = body["days"].as_u64().map(|n| n as u32);
    let length = crate::store::bookings::checked_length(care, nights, days).ok()?;
    Some(BookingRequest {
        resident: body["resident"].as_str()?.to_string(),
        facility: body["facility"].as_str()?.to_string(),
        care,
        start: body["start"].as_str()?.parse().ok()?,
        length,
    })
}

/// The terminal the settings configure, if a server is named, with the staff sign-in kept at
/// this terminal: `None` when the terminal uses its store directly.
pub fn configured(
    config: &crate::config::Config,
    config_dir: &Path,
) -> Result<Option<Remote>, String> {
    let Some(remote) = configured_remote(config, config_dir)? else { return Ok(None) };
    let signin = read_signin(config_dir)?;
    Ok(Some(remote.with_signin(signin)))
}

/// The server the settings name and the terminal's token, without the staff sign-in (for
/// `sango login` and `sango logout`, which replace or remove it even when it is refused).
pub fn configured_remote(
    config: &crate::config::Config,
    config_dir: &Path,
) -> Result<Option<Remote>, String> {
    let Some(url) = &config.server else { return Ok(None) };
    let token = crate::config::server_token(config_dir)?.ok_or_else(|| {
        format!(
            "a server is configured ({url}) but no token: set {} or write it to the file {} \
             (0600) next to config.toml (`sango serve terminal add NAME` prints one)",
            crate::config::TOKEN_ENV,
            crate::config::TOKEN_FILE
        )
    })?;
    let trusted = match (&config.server_ca, url.starts_with("https://")) {
        (Some(path), true) => Some(std::fs::read(path).map_err(|e| {
            format!("cannot read the server's certificate file (server_ca) {path}: {e}")
        })?),
        (None, true) => {
            return Err(format!(
                "{url} is served over TLS: name the certificate this terminal trusts for it \
                 (server_ca in config.toml or SANGO_SERVER_CA: a PEM file, the ward's CA)"
            ));
        }
        (_, false) => None,
    };
    Ok(Some(Remote::new(url, &token, trusted.as_deref())?))
}

/// Writes that need the server now: a resident's registration or edit, and a no-show. A
/// mother's identity data must have one truth, so these are never kept offline: unreachable,
/// they are refused and nothing is changed (only bookings and cancellations wait in the
/// outbox). Each carries a new command id, so the server applies it once.
impl Terminal {
    /// Sends a write that needs the server now; the server's `result` once it applied it,
    /// after pulling the replica so that reads show it.
    fn write_now(&self, what: &str, path: &str, mut body: Value) -> Result<Value, String> {
        self.need_signin()?;
        // Commands made earlier go first: the server decides them in the order they were made.
        self.send_waiting();
        body["command_id"] = json!(ulid::Ulid::new().to_string());
        match self.send(path, Some(&body)) {
            Reply::Answer { status, body: answer, .. } if (200..300).contains(&status) => {
                let _ = self.pull();
                Ok(answer["result"].clone())
            }
            Reply::Answer { status, body: answer, .. } if signin_required(status, &answer) => {
                Err(format!("{SIGN_IN_FIRST}: nothing was changed"))
            }
            Reply::Answer { status, body: answer, .. } => Err(message_of(status, &answer)),
            Reply::Offline(why) => Err(offline_refusal(what, &why)),
            Reply::Failed(why) => Err(why),
        }
    }

    /// Registers a resident on the server (`sango resident add`): the answer's `result`,
    /// `{"resident": ...}`.
    pub fn add_resident(
        &self,
        input: &crate::store::ResidentInput,
        at: Option<NaiveDateTime>,
    ) -> Result<Value, String> {
        let mut body = json!(input);
        put_at(&mut body, at);
        self.write_now("`sango resident add`", "/v1/residents", body)
    }

    /// What an edit would do to her bookings, as the server sees them now (`sango resident
    /// edit --dry-run`): `{"affected": [...]}`. A read: no sign-in needed, nothing changed.
    pub fn preview_resident(
        &self,
        id: &str,
        edit: &crate::store::ResidentEdit,
        at: Option<NaiveDateTime>,
    ) -> Result<Value, String> {
        let mut body = json!(edit);
        put_at(&mut body, at);
        let path = format!("/v1/residents/{}/preview", resident_segment(id)?);
        match self.send(&path, Some(&body)) {
            Reply::Answer { status, body: answer, .. } if (200..300).contains(&status) => {
                Ok(answer)
            }
            Reply::Answer { status, body: answer, .. } => Err(message_of(status, &answer)),
            Reply::Offline(why) => Err(offline_refusal("`sango resident edit --dry-run`", &why)),
            Reply::Failed(why) => Err(why),
        }
    }

    /// Edits a resident on the server (`sango resident edit`), with the clerk's answers for
    /// the bookings the change puts outside her window: the server's `ResidentUpdate`.
    pub fn edit_resident(
        &self,
        id: &str,
        edit: &crate::store::ResidentEdit,
        keep: &[String],
        cancel: &[String],
        at: Option<NaiveDateTime>,
    ) -> Result<Value, String> {
        let mut body = json!(edit);
        body["keep"] = json!(keep);
        body["cancel"] = json!(cancel);
        put_at(&mut body, at);
        let path = format!("/v1/residents/{}/edit", resident_segment(id)?);
        self.write_now("`sango resident edit`", &path, body)
    }

    /// Records a no-show on the server (`sango no-show`): the answer as the command prints it.
    pub fn no_show(&self, typed: &str, at: Option<NaiveDateTime>) -> Result<Value, String> {
        // The booking's id when the replica knows it (a code is read over the phone), else as
        // typed: either way the path carries only letters, digits and '-'.
        let found = self.replica.booking(typed).map_err(|e| e.to_string())?;
        let id = found.map_or_else(|| typed.trim().to_string(), |b| b.id);
        if id.is_empty() || !id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
            return Err(format!("unknown booking (予約) '{}'", crate::visible::one_line(typed)));
        }
        let mut body = json!({});
        put_at(&mut body, at);
        self.write_now("`sango no-show`", &format!("/v1/bookings/{id}/no-show"), body)
    }
}

/// The refusal of a write that needs the server when it cannot be reached.
fn offline_refusal(what: &str, why: &str) -> String {
    format!(
        "{what} needs the server, nothing was changed ({why}): a mother's record and a no-show \
         are kept in one place only, so try again when the server is reached"
    )
}

/// The moment of a command, when given (`--at`), in its body.
fn put_at(body: &mut Value, at: Option<NaiveDateTime>) {
    if let Some(at) = at {
        body["at"] = json!(minute(at));
    }
}

/// A user number as a path segment: normalised, and refused unless it is one.
fn resident_segment(typed: &str) -> Result<String, String> {
    let id = crate::domain::user_number::normalize(typed);
    crate::store::residents::validate_id(&id).map_err(|e| e.to_string())?;
    Ok(id)
}

/// What a long-running program (the terminal app) needs of a terminal beyond one command.
impl Terminal {
    /// Tries the server again from now on: a request that found it unreachable makes the rest
    /// of one command skip it (each would wait for its timeout), but a program that runs for
    /// hours must look again at its next sync or write.
    pub fn try_again(&self) {
        self.offline.set(false);
    }

    /// Sends requests with `signin` from now on (after a staff member signed in, or out).
    pub fn set_signin(&mut self, signin: Option<String>) {
        self.remote = self.remote.clone().with_signin(signin);
    }

    /// The change feed's sequence number the replica has been pulled to: it moves whenever
    /// the replica changes (the app reads its screens again then; the replica's own
    /// `data_version` does not move for the merges of its own connection).
    pub fn pulled_to(&self) -> i64 {
        self.state.query_row("SELECT last_seq FROM sync_state", [], |r| r.get(0)).unwrap_or(0)
    }

    /// [`Terminal::status`] by counting only (the app asks after every sync and write, and an
    /// outbox may hold thousands of commands).
    pub fn counted_status(&self) -> Result<Status, String> {
        let count = |state: &str| -> Result<usize, String> {
            self.state
                .query_row("SELECT COUNT(*) FROM outbox WHERE state = ?1", params![state], |r| {
                    r.get::<_, i64>(0)
                })
                .map(|n| usize::try_from(n).unwrap_or(0))
                .map_err(sql)
        };
        Ok(Status {
            server: self.remote.url.clone(),
            offline_since: self.offline_since(),
            data_as_of: self.data_as_of(),
            pending: count("pending")?,
            review: count("review")? + self.kiosk_requests()?.len(),
        })
    }
}

/// A staff member signed in at this terminal (`POST /v1/login`).
pub struct SignedIn {
    pub staff: String,
    pub terminal: String,
    pub expires_idle_secs: u64,
    /// The sign-in itself, kept in the file `signin`; never shown.
    pub signin: String,
}

/// Signs staff member `id` in at the server of `remote` with `password` and keeps the sign-in
/// at this terminal (the file `signin` in `config_dir`): `sango login` and the app's sign-in.
pub fn sign_in(
    remote: &Remote,
    config_dir: &Path,
    id: &str,
    password: &str,
) -> Result<SignedIn, String> {
    let id = id.trim();
    let body = json!({ "staff_id": id, "password": password });
    // A sign-in kept from before is not sent with the new one.
    match remote.clone().with_signin(None).post("/v1/login", &body) {
        Reply::Answer { status: 200, body, .. } => {
            let signin = body["signin"].as_str().unwrap_or_default();
            if !crate::server::signin::looks_like_signin(signin) {
                return Err("the server's answer holds no sign-in".into());
            }
            write_signin(config_dir, signin)?;
            Ok(SignedIn {
                staff: id.to_string(),
                terminal: body["terminal"].as_str().unwrap_or_default().to_string(),
                expires_idle_secs: body["expires_idle_secs"].as_u64().unwrap_or_default(),
                signin: signin.to_string(),
            })
        }
        Reply::Answer { status, body, .. } => Err(message_of(status, &body)),
        Reply::Offline(why) | Reply::Failed(why) => {
            Err(format!("{why}: signing in needs the server"))
        }
    }
}

/// Whether the sign-in `remote` carries is live on the server (`GET /v1/signin`): `Ok(false)`
/// when the server answers `signin_required` (or none is kept), `Err` when it cannot be asked.
pub fn signin_live(remote: &Remote) -> Result<bool, String> {
    if !remote.has_signin() {
        return Ok(false);
    }
    match remote.get("/v1/signin") {
        Reply::Answer { status: 200, .. } => Ok(true),
        Reply::Answer { status, body, .. } if signin_required(status, &body) => Ok(false),
        Reply::Answer { status, body, .. } => Err(message_of(status, &body)),
        Reply::Offline(why) | Reply::Failed(why) => Err(why),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An outbox written before it kept the mother of each booking gains the column, filled
    /// from each booking's body, so the offline check still counts her waiting bookings.
    #[test]
    fn an_outbox_of_the_first_form_gains_each_bookings_mother() {
        let data = tempfile::tempdir().unwrap();
        let folder = data.path().join(REPLICA_DIR);
        std::fs::create_dir(&folder).unwrap();
        let old = Connection::open(folder.join("terminal-practice.sqlite3")).unwrap();
        old.execute_batch(&STATE_SCHEMA.replace(",\n        resident    TEXT", "")).unwrap();
        let body = json!({"command_id": "01J9Z8Q4X7M2N3P4Q5R6S7T8V9", "resident": " r-１ ",
                          "facility": "f", "type": "day", "start": "2026-01-10", "days": 1});
        old.execute(
            "INSERT INTO outbox (command_id, kind, path, body, created_at)
             VALUES ('01J9Z8Q4X7M2N3P4Q5R6S7T8V9', 'book', '/v1/bookings', ?1,
                     '2026-01-05T10:00:00+09:00')",
            params![body.to_string()],
        )
        .unwrap();
        drop(old);
        let remote = Remote::new("http://127.0.0.1:9", "token", None).unwrap();
        let t = Terminal::open(remote, data.path(), StoreKind::Practice).unwrap();
        let hers = t.pending_bookings(&user_number::normalize("R-1"), 0).unwrap();
        assert_eq!(hers.len(), 1);
        assert_eq!(hers[0].0.start.to_string(), "2026-01-10");
        assert!(t.pending_bookings("R2", 0).unwrap().is_empty());
        assert_eq!(t.count("pending").unwrap(), 1);
    }
}
