//! Failure counts and lockouts of a ward's server (`sango serve`): failed staff sign-ins per
//! staff id, failed kiosk identifications per kiosk and per user number. Kept in the store so
//! that a lockout reached before a restart of the server still holds after it.
//!
//! A key (`staff:ID`, `kiosk:TERMINAL`, `user:NUMBER`) counts failures from its first one; a
//! run older than the window starts again, and [`Policy::max_failures`] within it lock the key
//! out for [`Policy::lockout_ms`]. Times are milliseconds of the Unix epoch (the server's
//! clock). Rows of runs that ended are dropped as failures are counted, so the table stays
//! small. On PostgreSQL, failures of one key counted at once are serialized by an advisory
//! lock on the key (as commands are), so none is lost.

use super::Store;
use super::db::Engine;
use super::error::StoreError;

/// How many failures within which span lock a key out, and for how long.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Policy {
    pub max_failures: u32,
    pub window_ms: i64,
    pub lockout_ms: i64,
}

/// One key's run of failures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Run {
    failures: u32,
    since_ms: i64,
    locked_until_ms: Option<i64>,
}

impl Run {
    /// The run after one more failure at `now`.
    fn after_failure(prior: Option<Run>, now: i64, p: &Policy) -> Run {
        let fresh = Run { failures: 0, since_ms: now, locked_until_ms: None };
        let mut run = match prior {
            Some(r)
                if r.locked_until_ms.is_none_or(|until| now < until)
                    && now - r.since_ms <= p.window_ms =>
            {
                r
            }
            _ => fresh,
        };
        run.failures = run.failures.saturating_add(1);
        if run.failures >= p.max_failures {
            run.locked_until_ms = Some(now + p.lockout_ms);
        }
        run
    }
}

impl Store {
    /// Whether any of `keys` is locked out at `now`.
    pub fn locked_out(&self, keys: &[String], now: i64) -> Result<bool, StoreError> {
        for key in keys {
            let locked = self
                .conn
                .query_opt(
                    "SELECT 1 FROM lockouts WHERE key = ?1 AND locked_until_ms > ?2",
                    crate::params![key, now],
                    |_| Ok(()),
                )
                .map_err(|e| self.err(e))?;
            if locked.is_some() {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// Counts one failure at `now` against each of `keys`.
    pub fn count_failure(&self, keys: &[String], now: i64, p: &Policy) -> Result<(), StoreError> {
        let tx = self.write()?;
        let map = |e| self.err(e);
        let mut keys: Vec<&String> = keys.iter().collect();
        // Locks taken in one order: two requests counting the same two keys never deadlock.
        keys.sort();
        keys.dedup();
        for key in keys {
            if tx.engine() == Engine::Postgres {
                tx.execute(
                    "SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtextextended(?1, 7156))) AS held",
                    crate::params![key],
                )
                .map_err(map)?;
            }
            let prior = tx
                .query_opt(
                    "SELECT failures, since_ms, locked_until_ms FROM lockouts WHERE key = ?1",
                    crate::params![key],
                    |r| {
                        Ok(Run {
                            failures: r.get("failures")?,
                            since_ms: r.get("since_ms")?,
                            locked_until_ms: r.get("locked_until_ms")?,
                        })
                    },
                )
                .map_err(map)?;
            let run = Run::after_failure(prior, now, p);
            tx.execute(
                "INSERT INTO lockouts (key, failures, since_ms, locked_until_ms)
                 VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (key) DO UPDATE SET failures = excluded.failures,
                     since_ms = excluded.since_ms, locked_until_ms = excluded.locked_until_ms",
                crate::params![key, run.failures, run.since_ms, run.locked_until_ms],
            )
            .map_err(map)?;
        }
        tx.execute(
            "DELETE FROM lockouts WHERE since_ms < ?1
                 AND (locked_until_ms IS NULL OR locked_until_ms <= ?2)",
            crate::params![now - p.window_ms, now],
        )
        .map_err(map)?;
        tx.commit().map_err(map)
    }

    /// A success: `key`'s count starts again.
    pub fn clear_failures(&self, key: &str) -> Result<(), StoreError> {
        let tx = self.write()?;
        tx.execute("DELETE FROM lockouts WHERE key = ?1", crate::params![key])
            .map_err(|e| self.err(e))?;
        tx.commit().map_err(|e| self.err(e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const P: Policy = Policy { max_failures: 3, window_ms: 1000, lockout_ms: 5000 };

    #[test]
    fn failures_within_the_window_lock_out_until_the_lockout_ends() {
        let s = Store::open_in_memory().unwrap();
        let k = vec!["staff:k.tanaka".to_string()];
        let other = vec!["staff:m.sato".to_string()];
        for t in [0, 10] {
            s.count_failure(&k, t, &P).unwrap();
        }
        assert!(!s.locked_out(&k, 20).unwrap());
        s.count_failure(&k, 20, &P).unwrap();
        assert!(s.locked_out(&k, 21).unwrap());
        assert!(!s.locked_out(&other, 21).unwrap());
        assert!(!s.locked_out(&k, 5020).unwrap(), "the lockout ends");
        // A run older than the window starts again.
        s.count_failure(&other, 0, &P).unwrap();
        s.count_failure(&other, 10, &P).unwrap();
        s.count_failure(&other, 2000, &P).unwrap();
        assert!(!s.locked_out(&other, 2001).unwrap());
        s.clear_failures(&k[0]).unwrap();
        assert!(!s.locked_out(&k, 30).unwrap());
    }
}
