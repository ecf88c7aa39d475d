//! Staff sign-ins of a ward's server (`sango serve`, `POST /v1/login`), kept in the store so
//! that they survive a restart of the server: each by the SHA-256 of its token (never the
//! token), with the terminal it was made at, the staff member, and when it was last used
//! (milliseconds of the Unix epoch, the server's clock). A sign-in idle longer than the
//! server's idle time has ended; ended ones are dropped when a new one is made.

use super::Store;
use super::error::StoreError;

/// A live sign-in as kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignIn {
    pub terminal: String,
    pub staff: String,
    pub last_used_ms: i64,
}

impl Store {
    /// Keeps a new sign-in, and drops those idle since before `ended_before`.
    pub fn open_signin(
        &self,
        token_hash: &str,
        terminal: &str,
        staff: &str,
        now: i64,
        ended_before: i64,
    ) -> Result<(), StoreError> {
        let tx = self.write()?;
        let map = |e| self.err(e);
        tx.execute("DELETE FROM signins WHERE last_used_ms < ?1", crate::params![ended_before])
            .map_err(map)?;
        tx.execute(
            "INSERT INTO signins (token_hash, terminal, staff, last_used_ms)
             VALUES (?1, ?2, ?3, ?4)",
            crate::params![token_hash, terminal, staff, now],
        )
        .map_err(map)?;
        tx.commit().map_err(map)
    }

    /// The sign-in kept for `token_hash`, if any.
    pub fn signin(&self, token_hash: &str) -> Result<Option<SignIn>, StoreError> {
        self.conn
            .query_opt(
                "SELECT terminal, staff, last_used_ms FROM signins WHERE token_hash = ?1",
                crate::params![token_hash],
                |r| {
                    Ok(SignIn {
                        terminal: r.get("terminal")?,
                        staff: r.get("staff")?,
                        last_used_ms: r.get("last_used_ms")?,
                    })
                },
            )
            .map_err(|e| self.err(e))
    }

    /// Notes that the sign-in was used at `now`.
    pub fn note_signin_use(&self, token_hash: &str, now: i64) -> Result<(), StoreError> {
        let tx = self.write()?;
        tx.execute(
            "UPDATE signins SET last_used_ms = ?2 WHERE token_hash = ?1 AND last_used_ms < ?2",
            crate::params![token_hash, now],
        )
        .map_err(|e| self.err(e))?;
        tx.commit().map_err(|e| self.err(e))
    }

    /// Ends the sign-in; whether there was one.
    pub fn close_signin(&self, token_hash: &str) -> Result<bool, StoreError> {
        let tx = self.write()?;
        let n = tx
            .execute("DELETE FROM signins WHERE token_hash = ?1", crate::params![token_hash])
            .map_err(|e| self.err(e))?;
        tx.commit().map_err(|e| self.err(e))?;
        Ok(n > 0)
    }
}
