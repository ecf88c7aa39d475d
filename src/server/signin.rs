//! Staff sign-ins at staff terminals: `POST /v1/login` checks a staff member's password
//! (Argon2id) and gives a sign-in token bound to that terminal, kept here only as its SHA-256;
//! it lasts while it is used, until `POST /v1/logout` or an idle time without a request that
//! carries it. Repeated failed sign-ins lock out that staff id.
//!
//! Sign-ins and failure counts are kept in the server's memory, as the kiosks' sessions are:
//! a restart signs every clerk out (they sign in again; their terminals' outboxes wait), and
//! forgets the failure counts (an attacker gains at most one more window per restart, which
//! only the administrator can cause). Keeping them in the store would write a row on every
//! request to move the idle time on.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use super::kiosk::{FAILURE_WINDOW, LOCKOUT, MAX_FAILURES};

/// What every sign-in token starts with (a terminal's token starts with `sango_` and 64 hex
/// digits only, so the two are never mistaken for each other).
pub const SIGNIN_PREFIX: &str = "sango_signin_";

/// The idle time after which a sign-in ends, unless `sango serve --signin-idle-secs` says.
pub const DEFAULT_IDLE: Duration = Duration::from_secs(30 * 60);
/// The longest idle time `--signin-idle-secs` takes (one day).
pub const MAX_IDLE_SECS: u64 = 24 * 60 * 60;

#[derive(Debug, Clone)]
struct SignIn {
    terminal: String,
    staff: String,
    last: Instant,
}

#[derive(Debug, Clone, Copy)]
struct Failures {
    count: u32,
    since: Instant,
    locked_until: Option<Instant>,
}

/// Every live sign-in, by the hash of its token, and the failure counts per staff id.
#[derive(Debug)]
pub struct SignIns {
    idle: Duration,
    live: Mutex<HashMap<String, SignIn>>,
    failures: Mutex<HashMap<String, Failures>>,
}

impl Default for SignIns {
    fn default() -> SignIns {
        SignIns::new(DEFAULT_IDLE)
    }
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
        SignIns { idle, live: Mutex::default(), failures: Mutex::default() }
    }

    /// How long a sign-in lasts without a request.
    pub fn idle(&self) -> Duration {
        self.idle
    }

    /// Whether signing in as `staff` is locked out now.
    pub fn locked(&self, staff: &str) -> bool {
        let now = Instant::now();
        let f = self.failures.lock().unwrap_or_else(|p| p.into_inner());
        f.get(staff).and_then(|x| x.locked_until).is_some_and(|until| now < until)
    }

    /// Counts a failed sign-in (wrong id or password) against `staff`.
    pub fn failed(&self, staff: &str) {
        let now = Instant::now();
        let mut f = self.failures.lock().unwrap_or_else(|p| p.into_inner());
        let e = f.entry(staff.to_string()).or_insert(Failures {
            count: 0,
            since: now,
            locked_until: None,
        });
        if e.locked_until.is_some_and(|until| now >= until)
            || now.duration_since(e.since) > FAILURE_WINDOW
        {
            *e = Failures { count: 0, since: now, locked_until: None };
        }
        e.count += 1;
        if e.count >= MAX_FAILURES {
            e.locked_until = Some(now + LOCKOUT);
        }
        f.retain(|_, e| {
            e.locked_until.is_some_and(|u| now < u) || now.duration_since(e.since) <= FAILURE_WINDOW
        });
    }

    /// A successful sign-in: the staff id's count starts again.
    pub fn succeeded(&self, staff: &str) {
        let mut f = self.failures.lock().unwrap_or_else(|p| p.into_inner());
        f.remove(staff);
    }

    /// A new sign-in of `staff` at `terminal`; returns its token (kept here only hashed).
    pub fn open(&self, terminal: &str, staff: &str) -> Result<String, String> {
        let token = new_signin_token()?;
        let now = Instant::now();
        let mut live = self.live.lock().unwrap_or_else(|p| p.into_inner());
        let idle = self.idle;
        live.retain(|_, s| now.duration_since(s.last) < idle);
        live.insert(
            crate::credentials::token_hash(&token),
            SignIn { terminal: terminal.to_string(), staff: staff.to_string(), last: now },
        );
        Ok(token)
    }

    /// The staff member signed in with `token` at `terminal`, while the sign-in lasts; a
    /// request with it moves the idle time on. A sign-in made at another terminal is `None`.
    pub fn touch(&self, terminal: &str, token: &str) -> Option<String> {
        if !looks_like_signin(token) {
            return None;
        }
        let now = Instant::now();
        let mut live = self.live.lock().unwrap_or_else(|p| p.into_inner());
        let key = crate::credentials::token_hash(token);
        let s = live.get_mut(&key)?;
        if now.duration_since(s.last) >= self.idle {
            live.remove(&key);
            return None;
        }
        if s.terminal != terminal {
            return None;
        }
        s.last = now;
        Some(s.staff.clone())
    }

    /// Ends the sign-in `token` made at `terminal`; whether there was one.
    pub fn close(&self, terminal: &str, token: &str) -> bool {
        let mut live = self.live.lock().unwrap_or_else(|p| p.into_inner());
        let key = crate::credentials::token_hash(token);
        match live.get(&key) {
            Some(s) if s.terminal == terminal => {
                live.remove(&key);
                true
            }
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sign_in_is_its_terminals_only_ends_on_logout_and_when_idle() {
        let s = SignIns::new(Duration::from_millis(200));
        let t = s.open("oji-1", "k.tanaka").unwrap();
        assert!(looks_like_signin(&t) && !crate::credentials::looks_like_token(&t), "{t}");
        assert_eq!(s.touch("oji-1", &t).as_deref(), Some("k.tanaka"));
        assert_eq!(s.touch("oji-2", &t), None);
        assert!(!s.close("oji-2", &t));
        assert!(s.close("oji-1", &t));
        assert_eq!(s.touch("oji-1", &t), None);
        let t = s.open("oji-1", "k.tanaka").unwrap();
        std::thread::sleep(Duration::from_millis(250));
        assert_eq!(s.touch("oji-1", &t), None, "idle too long");
    }

    #[test]
    fn repeated_failures_lock_out_the_staff_id() {
        let s = SignIns::default();
        for _ in 0..MAX_FAILURES - 1 {
            s.failed("k.tanaka");
        }
        assert!(!s.locked("k.tanaka"));
        s.failed("k.tanaka");
        assert!(s.locked("k.tanaka"));
        assert!(!s.locked("m.sato"));
    }
}
