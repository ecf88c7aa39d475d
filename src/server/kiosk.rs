//! A kiosk's identified mother: `POST /v1/kiosk/identify` checks her user number and her
//! baby's birth date and gives a short-lived session bound to that kiosk and that mother.
//! Repeated failures lock identification out, per kiosk terminal and per user number.
//!
//! Both are kept in the server's memory: a restart forgets the sessions (the mother
//! identifies again) and the failure counts (an attacker gains at most one more window per
//! restart, which only the administrator can cause).

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// How long a session lasts after identification.
pub const SESSION_TTL: Duration = Duration::from_secs(10 * 60);
/// Failures allowed within [`FAILURE_WINDOW`] before the lockout.
pub const MAX_FAILURES: u32 = 5;
/// The span in which failures are counted.
pub const FAILURE_WINDOW: Duration = Duration::from_secs(15 * 60);
/// How long a lockout lasts.
pub const LOCKOUT: Duration = Duration::from_secs(15 * 60);

#[derive(Debug, Clone)]
struct Session {
    terminal: String,
    resident: String,
    expires: Instant,
}

#[derive(Debug, Clone, Copy)]
struct Failures {
    count: u32,
    since: Instant,
    locked_until: Option<Instant>,
}

/// The sessions and failure counts of every kiosk.
#[derive(Debug, Default)]
pub struct Kiosks {
    sessions: Mutex<HashMap<String, Session>>,
    failures: Mutex<HashMap<String, Failures>>,
}

fn terminal_key(t: &str) -> String {
    format!("terminal:{t}")
}

fn user_key(u: &str) -> String {
    format!("user:{u}")
}

impl Kiosks {
    /// Whether identification is locked out for this kiosk or this user number.
    pub fn locked(&self, terminal: &str, user: &str) -> bool {
        let now = Instant::now();
        let f = self.failures.lock().unwrap_or_else(|p| p.into_inner());
        [terminal_key(terminal), user_key(user)]
            .iter()
            .any(|k| f.get(k).and_then(|x| x.locked_until).is_some_and(|until| now < until))
    }

    /// Counts a failed identification against the kiosk and the user number.
    pub fn failed(&self, terminal: &str, user: &str) {
        let now = Instant::now();
        let mut f = self.failures.lock().unwrap_or_else(|p| p.into_inner());
        for k in [terminal_key(terminal), user_key(user)] {
            let e = f.entry(k).or_insert(Failures { count: 0, since: now, locked_until: None });
            if e.locked_until.is_some_and(|until| now >= until)
                || now.duration_since(e.since) > FAILURE_WINDOW
            {
                *e = Failures { count: 0, since: now, locked_until: None };
            }
            e.count += 1;
            if e.count >= MAX_FAILURES {
                e.locked_until = Some(now + LOCKOUT);
            }
        }
        // Old entries are dropped so the map stays small.
        f.retain(|_, e| {
            e.locked_until.is_some_and(|u| now < u) || now.duration_since(e.since) <= FAILURE_WINDOW
        });
    }

    /// A successful identification: the user number's count starts again (the kiosk's does
    /// not: one kiosk trying many numbers is what the kiosk's count is for).
    pub fn succeeded(&self, user: &str) {
        let mut f = self.failures.lock().unwrap_or_else(|p| p.into_inner());
        f.remove(&user_key(user));
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

    /// The mother a session at `terminal` is for, while it lasts.
    pub fn resident_of(&self, terminal: &str, session: &str) -> Option<String> {
        let now = Instant::now();
        let s = self.sessions.lock().unwrap_or_else(|p| p.into_inner());
        s.get(session)
            .filter(|x| x.terminal == terminal && now < x.expires)
            .map(|x| x.resident.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn five_failures_lock_out_the_kiosk_and_the_number_and_a_session_is_its_kiosks_only() {
        let k = Kiosks::default();
        for _ in 0..MAX_FAILURES - 1 {
            k.failed("kiosk-1", "R-1");
        }
        assert!(!k.locked("kiosk-1", "R-1"));
        k.failed("kiosk-1", "R-1");
        assert!(k.locked("kiosk-1", "R-2"));
        assert!(k.locked("kiosk-2", "R-1"));
        assert!(!k.locked("kiosk-2", "R-2"));
        let id = k.open("kiosk-2", "R-2").unwrap();
        assert_eq!(k.resident_of("kiosk-2", &id).as_deref(), Some("R-2"));
        assert_eq!(k.resident_of("kiosk-1", &id), None);
        assert_eq!(k.resident_of("kiosk-2", "nope"), None);
    }
}
