//! Staff sign-ins at staff terminals: `POST /v1/login` checks a staff member's password
//! (Argon2id) and gives a sign-in token bound to that terminal, kept only as its SHA-256; it
//! lasts while it is used, until `POST /v1/logout` or an idle time without a request that
//! carries it. Repeated failed sign-ins lock out that staff id.
//!
//! Sign-ins and failure counts are kept in the store (`store::signins`, `store::lockouts`), so
//! a restart of the server signs nobody out and lifts no lockout. Moving the idle time on is
//! noted in the store at most every [`NOTE_EVERY`] (or a tenth of the idle time) per sign-in,
//! not on every request: the server keeps the exact time of last use in memory, so while it
//! runs a sign-in ends exactly when idle; only across a restart may it end that much earlier.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Duration;

use super::{ApiError, Shared};
use crate::store::lockouts::Policy;

/// What every sign-in token starts with (a terminal's token starts with `sango_` and 64 hex
/// digits only, so the two are never mistaken for each other).
pub const SIGNIN_PREFIX: &str = "sango_signin_";

/// The idle time after which a sign-in ends, unless `sango serve --signin-idle-secs` says.
pub const DEFAULT_IDLE: Duration = Duration::from_secs(30 * 60);
/// The longest idle time `--signin-idle-secs` takes (one day).
pub const MAX_IDLE_SECS: u64 = 24 * 60 * 60;

/// The longest a sign-in's use goes unnoted in the store.
pub const NOTE_EVERY: Duration = Duration::from_secs(60);

/// A sign-in seen since the server started: when it was last used, and when that was last
/// noted in the store (milliseconds of the Unix epoch).
#[derive(Debug, Clone)]
struct Seen {
    terminal: String,
    staff: String,
    last_ms: i64,
    noted_ms: i64,
}

/// The server's sign-ins: kept in the store, the times of their last use also here.
#[derive(Debug)]
pub struct SignIns {
    idle: Duration,
    seen: Mutex<HashMap<String, Seen>>,
}

impl Default for SignIns {
    fn default() -> SignIns {
        SignIns::new(DEFAULT_IDLE)
    }
}

/// Now, in milliseconds of the Unix epoch.
pub fn now_ms() -> i64 {
    chrono::Utc::now().timestamp_millis()
}

fn ms(d: Duration) -> i64 {
    i64::try_from(d.as_millis()).unwrap_or(i64::MAX)
}

/// Failed sign-ins: as kiosks' identifications, 5 within 15 minutes lock out for 15 minutes.
pub const POLICY: Policy = super::kiosk::POLICY;

fn staff_key(staff: &str) -> Vec<String> {
    vec![format!("staff:{staff}")]
}

/// A new sign-in token: `sango_signin_` and 64 hex digits of the OS's randomness.
pub fn new_signin_token() -> Result<String, String> {
    let t = crate::credentials::new_token()?;
    Ok(format!("{SIGNIN_PREFIX}{}", &t[crate::credentials::TOKEN_PREFIX.len()..]))
}

/// Whether `s` has a sign-in token's shape.
pub fn looks_like_signin(s: &str) -> bool {
    s.strip_prefix(SIGNIN_PREFIX)
        .is_some_and(|h| h.len() == 64 && h.bytes().all(|b| b.is_ascii_hexdigit()))
}

impl SignIns {
    pub fn new(idle: Duration) -> SignIns {
        SignIns { idle, seen: Mutex::default() }
    }

    /// How long a sign-in lasts without a request.
    pub fn idle(&self) -> Duration {
        self.idle
    }

    fn seen(&self) -> std::sync::MutexGuard<'_, HashMap<String, Seen>> {
        self.seen.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Whether signing in as `staff` is locked out now.
    pub async fn locked(&self, app: &Shared, staff: &str) -> Result<bool, ApiError> {
        let keys = staff_key(staff);
        app.store(move |s, _| Ok(s.locked_out(&keys, now_ms())?)).await
    }

    /// Counts a failed sign-in (wrong id or password) against `staff`.
    pub async fn failed(&self, app: &Shared, staff: &str) -> Result<(), ApiError> {
        let keys = staff_key(staff);
        app.store(move |s, _| Ok(s.count_failure(&keys, now_ms(), &POLICY)?)).await
    }

    /// A successful sign-in: the staff id's count starts again.
    pub async fn succeeded(&self, app: &Shared, staff: &str) -> Result<(), ApiError> {
        let key = staff_key(staff).remove(0);
        app.store(move |s, _| Ok(s.clear_failures(&key)?)).await
    }

    /// A new sign-in of `staff` at `terminal`; returns its token (kept only hashed).
    pub async fn open(
        &self,
        app: &Shared,
        terminal: &str,
        staff: &str,
    ) -> Result<String, ApiError> {
        let token = new_signin_token().map_err(ApiError::internal)?;
        let hash = crate::credentials::token_hash(&token);
        let now = now_ms();
        let ended_before = now - ms(self.idle);
        let (t, st, h) = (terminal.to_string(), staff.to_string(), hash.clone());
        app.store(move |s, _| Ok(s.open_signin(&h, &t, &st, now, ended_before)?)).await?;
        let mut seen = self.seen();
        seen.retain(|_, x| x.last_ms >= ended_before);
        let entry = Seen {
            terminal: terminal.to_string(),
            staff: staff.to_string(),
            last_ms: now,
            noted_ms: now,
        };
        seen.insert(hash, entry);
        Ok(token)
    }

    /// The staff member signed in with `token` at `terminal`, while the sign-in lasts; a
    /// request with it moves the idle time on. A sign-in made at another terminal is `None`.
    pub async fn touch(
        &self,
        app: &Shared,
        terminal: &str,
        token: &str,
    ) -> Result<Option<String>, ApiError> {
        if !looks_like_signin(token) {
            return Ok(None);
        }
        let hash = crate::credentials::token_hash(token);
        let known = self.seen().get(&hash).cloned();
        // Not seen since the server started (a restart): the store says.
        let seen = match known {
            Some(s) => s,
            None => {
                let h = hash.clone();
                let Some(kept) = app.store(move |s, _| Ok(s.signin(&h)?)).await? else {
                    return Ok(None);
                };
                Seen {
                    terminal: kept.terminal,
                    staff: kept.staff,
                    last_ms: kept.last_used_ms,
                    noted_ms: kept.last_used_ms,
                }
            }
        };
        let now = now_ms();
        if now - seen.last_ms >= ms(self.idle) {
            self.seen().remove(&hash);
            app.store(move |s, _| Ok(s.close_signin(&hash)?)).await?;
            return Ok(None);
        }
        if seen.terminal != terminal {
            return Ok(None);
        }
        let note = now - seen.noted_ms >= ms(NOTE_EVERY.min(self.idle / 10));
        let staff = seen.staff.clone();
        self.seen().insert(
            hash.clone(),
            Seen { last_ms: now, noted_ms: if note { now } else { seen.noted_ms }, ..seen },
        );
        if note {
            app.store(move |s, _| Ok(s.note_signin_use(&hash, now)?)).await?;
        }
        Ok(Some(staff))
    }

    /// Ends the sign-in `token` made at `terminal`; whether there was one.
    pub async fn close(&self, app: &Shared, terminal: &str, token: &str) -> Result<bool, ApiError> {
        if self.touch(app, terminal, token).await?.is_none() {
            return Ok(false);
        }
        let hash = crate::credentials::token_hash(token);
        self.seen().remove(&hash);
        app.store(move |s, _| Ok(s.close_signin(&hash)?)).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sign_in_token_is_never_mistaken_for_a_terminal_token() {
        let t = new_signin_token().unwrap();
        assert!(looks_like_signin(&t) && !crate::credentials::looks_like_token(&t), "{t}");
        assert!(!looks_like_signin(&crate::credentials::new_token().unwrap()));
    }
}
