//! A kiosk's identified mother: `POST /v1/kiosk/identify` checks her user number and her
//! baby's birth date and gives a short-lived session bound to that kiosk and that mother.
//! Repeated failures lock identification out, per kiosk terminal and per user number.
//!
//! The failure counts and lockouts are kept in the store (`store::lockouts`): a lockout
//! reached before a restart of the server still holds after it. The sessions are short-lived
//! and kept in the server's memory: a restart forgets them (the mother identifies again).

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use super::signin::now_ms;
use super::{ApiError, Shared};
use crate::store::lockouts::Policy;

/// How long a session lasts after identification.
pub const SESSION_TTL: Duration = Duration::from_secs(10 * 60);
/// Failures allowed within [`FAILURE_WINDOW`] before the lockout.
pub const MAX_FAILURES: u32 = 5;
/// The span in which failures are counted.
pub const FAILURE_WINDOW: Duration = Duration::from_secs(15 * 60);
/// How long a lockout lasts.
pub const LOCKOUT: Duration = Duration::from_secs(15 * 60);

/// The lockout rule of failed identifications (and of failed staff sign-ins).
pub const POLICY: Policy = Policy {
    max_failures: MAX_FAILURES,
    window_ms: FAILURE_WINDOW.as_millis() as i64,
    lockout_ms: LOCKOUT.as_millis() as i64,
};

#[derive(Debug, Clone)]
struct Session {
    terminal: String,
    resident: String,
    expires: Instant,
}

/// The sessions of every kiosk (their failure counts are in the store).
#[derive(Debug, Default)]
pub struct Kiosks {
    sessions: Mutex<HashMap<String, Session>>,
}

fn terminal_key(t: &str) -> String {
    format!("kiosk:{t}")
}

fn user_key(u: &str) -> String {
    format!("user:{u}")
}

impl Kiosks {
    /// Whether identification is locked out for this kiosk or this user number.
    pub async fn locked(&self, app: &Shared, terminal: &str, user: &str) -> Result<bool, ApiError> {
        let keys = vec![terminal_key(terminal), user_key(user)];
        app.store(move |s, _| Ok(s.locked_out(&keys, now_ms())?)).await
    }

    /// Counts a failed identification against the kiosk and the user number.
    pub async fn failed(&self, app: &Shared, terminal: &str, user: &str) -> Result<(), ApiError> {
        let keys = vec![terminal_key(terminal), user_key(user)];
        app.store(move |s, _| Ok(s.count_failure(&keys, now_ms(), &POLICY)?)).await
    }

    /// A successful identification: the user number's count starts again (the kiosk's does
    /// not: one kiosk trying many numbers is what the kiosk's count is for).
    pub async fn succeeded(&self, app: &Shared, user: &str) -> Result<(), ApiError> {
        let key = user_key(user);
        app.store(move |s, _| Ok(s.clear_failures(&key)?)).await
    }

    /// A new session for `resident` at kiosk `terminal`; returns its id and lifetime.
    pub fn open(&self, terminal: &str, resident: &str) -> Result<String, String> {
        let id = crate::credentials::new_token()?;
        let now = Instant::now();
        let mut s = self.sessions.lock().unwrap_or_else(|p| p.into_inner());
        s.retain(|_, x| now < x.expires);
        s.insert(
            id.clone(),
            Session {
                terminal: terminal.to_string(),
                resident: resident.to_string(),
                expires: now + SESSION_TTL,
            },
        );
        Ok(id)
    }

    /// The mother a session at `terminal` is for, while it lasts; a request that carries it
    /// makes it last [`SESSION_TTL`] from now (a mother still at the kiosk is not cut off; the
    /// kiosk forgets it at its idle reset).
    pub fn resident_of(&self, terminal: &str, session: &str) -> Option<String> {
        let now = Instant::now();
        let mut s = self.sessions.lock().unwrap_or_else(|p| p.into_inner());
        let x = s.get_mut(session).filter(|x| x.terminal == terminal && now < x.expires)?;
        x.expires = now + SESSION_TTL;
        Some(x.resident.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_session_is_its_kiosks_only() {
        let k = Kiosks::default();
        let id = k.open("kiosk-2", "R-2").unwrap();
        assert_eq!(k.resident_of("kiosk-2", &id).as_deref(), Some("R-2"));
        assert_eq!(k.resident_of("kiosk-1", &id), None);
        assert_eq!(k.resident_of("kiosk-2", "nope"), None);
    }

    #[test]
    fn a_request_with_the_session_makes_it_last_from_then() {
        let k = Kiosks::default();
        let id = k.open("kiosk-1", "R-1").unwrap();
        let expires = |k: &Kiosks| k.sessions.lock().unwrap()[&id].expires;
        let first = expires(&k);
        std::thread::sleep(Duration::from_millis(20));
        // Another kiosk's use of it changes nothing; its own kiosk's moves the end on.
        assert_eq!(k.resident_of("kiosk-2", &id), None);
        assert_eq!(expires(&k), first);
        assert_eq!(k.resident_of("kiosk-1", &id).as_deref(), Some("R-1"));
        assert!(expires(&k) > first);
    }
}
