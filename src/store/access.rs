//! Who may use a ward's server (`sango serve`): the enrolled terminals, each with a role and
//! kept by the hash of its token, and the staff members who sign in at staff terminals, kept
//! by the hash of their password (see `crate::credentials`). Enrolling, revoking and adding
//! staff are audit events; their secrets never are. Nothing here is deleted: a revoked
//! terminal stays listed, so the audit trail's terminal names keep their meaning.

use chrono::NaiveDateTime;
use serde::Serialize;

use super::Store;
use super::db::Row;
use super::error::StoreError;
use super::events::{EventKind, append, validate_terminal};
use super::timefmt;

/// What an enrolled terminal may do on the server.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Serialize,
    strum::Display,
    strum::EnumString,
    strum::IntoStaticStr,
)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase")]
pub enum Role {
    /// A health-center terminal: everything, writes by a signed-in staff member.
    Staff,
    /// A kiosk in a public place: public information, and one identified mother's own data.
    Kiosk,
}

/// An enrolled terminal as listed (never its token or hash).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Terminal {
    pub name: String,
    pub role: Role,
    #[serde(serialize_with = "timefmt::serialize")]
    pub enrolled_at: NaiveDateTime,
    #[serde(serialize_with = "timefmt::option::serialize")]
    pub revoked_at: Option<NaiveDateTime>,
}

const TERMINAL_COLUMNS: &str = "name, role, enrolled_at, revoked_at";

impl Terminal {
    fn from_row(r: &Row<'_>) -> super::db::DbResult<Terminal> {
        let role: String = r.get("role")?;
        Ok(Terminal {
            name: r.get("name")?,
            role: role
                .parse()
                .map_err(|_| super::db::DbError::Value(format!("unknown terminal role {role}")))?,
            enrolled_at: super::get_time(r, "enrolled_at")?,
            revoked_at: match r.get::<Option<String>, _>("revoked_at")? {
                Some(_) => Some(super::get_time(r, "revoked_at")?),
                None => None,
            },
        })
    }
}

/// A terminal or staff id: what a terminal id in the settings may be (letters, digits, `.`,
/// `_`, `-`), since it becomes the terminal column of every event made there.
fn valid_name(field: &'static str, name: &str) -> Result<(), StoreError> {
    if crate::config::valid_terminal_id(name) {
        return Ok(());
    }
    Err(StoreError::Invalid {
        field,
        reason: format!(
            "'{}' must be 1 to {} letters A-Z a-z, digits, '.', '_' or '-'",
            crate::visible::one_line(name),
            crate::config::MAX_TERMINAL_ID_LEN
        ),
    })
}

impl Store {
    /// Enrolls terminal `name` with `role`, kept by `token_hash`; `by` is the terminal doing it.
    pub fn enroll_terminal(
        &self,
        name: &str,
        role: Role,
        token_hash: &str,
        at: NaiveDateTime,
        by: &str,
    ) -> Result<Terminal, StoreError> {
        valid_name("terminal (端末)", name)?;
        validate_terminal(by)?;
        let when = self.moment(at)?;
        let tx = self.write()?;
        let map = |e| self.err(e);
        let exists = tx
            .query_opt("SELECT 1 FROM terminals WHERE name = ?1", crate::params![name], |_| Ok(()))
            .map_err(map)?;
        if exists.is_some() {
            return Err(StoreError::Invalid {
                field: "terminal (端末)",
                reason: format!("'{name}' is already enrolled (登録済み): choose another name"),
            });
        }
        let enrolled_at = timefmt::format(when.at);
        tx.execute(
            "INSERT INTO terminals (name, role, token_hash, enrolled_at) VALUES (?1, ?2, ?3, ?4)",
            crate::params![name, role.to_string(), token_hash, enrolled_at],
        )
        .map_err(map)?;
        append(
            &tx,
            when,
            by,
            EventKind::TerminalEnrolled,
            name,
            &serde_json::json!({ "role": role }),
        )
        .map_err(map)?;
        tx.commit().map_err(map)?;
        Ok(Terminal { name: name.to_string(), role, enrolled_at: when.at, revoked_at: None })
    }

    /// Every enrolled terminal, revoked ones included, by name.
    pub fn terminals(&self) -> Result<Vec<Terminal>, StoreError> {
        self.conn
            .query_map(
                &format!("SELECT {TERMINAL_COLUMNS} FROM terminals ORDER BY name"),
                crate::params![],
                Terminal::from_row,
            )
            .map_err(|e| self.err(e))
    }

    /// The terminal a token belongs to, if it is enrolled and not revoked.
    pub fn terminal_for_token(&self, token_hash: &str) -> Result<Option<Terminal>, StoreError> {
        self.conn
            .query_opt(
                &format!(
                    "SELECT {TERMINAL_COLUMNS} FROM terminals
                     WHERE token_hash = ?1 AND revoked_at IS NULL"
                ),
                crate::params![token_hash],
                Terminal::from_row,
            )
            .map_err(|e| self.err(e))
    }

    /// Revokes terminal `name`: its token is refused from now on.
    pub fn revoke_terminal(
        &self,
        name: &str,
        at: NaiveDateTime,
        by: &str,
    ) -> Result<Terminal, StoreError> {
        validate_terminal(by)?;
        let when = self.moment(at)?;
        let tx = self.write()?;
        let map = |e| self.err(e);
        let found = tx
            .query_opt(
                &format!("SELECT {TERMINAL_COLUMNS} FROM terminals WHERE name = ?1"),
                crate::params![name],
                Terminal::from_row,
            )
            .map_err(map)?;
        let Some(mut t) = found else {
            return Err(StoreError::Invalid {
                field: "terminal (端末)",
                reason: format!(
                    "'{}' is not enrolled (未登録): see sango serve terminal list",
                    crate::visible::one_line(name)
                ),
            });
        };
        if t.revoked_at.is_some() {
            return Err(StoreError::Invalid {
                field: "terminal (端末)",
                reason: format!("'{name}' is already revoked (失効済み)"),
            });
        }
        tx.execute(
            "UPDATE terminals SET revoked_at = ?1 WHERE name = ?2",
            crate::params![timefmt::format(when.at), name],
        )
        .map_err(map)?;
        append(&tx, when, by, EventKind::TerminalRevoked, name, &serde_json::json!({}))
            .map_err(map)?;
        tx.commit().map_err(map)?;
        t.revoked_at = Some(when.at);
        Ok(t)
    }

    /// Adds staff member `id`, who signs in with the password `password_hash` was made from.
    pub fn add_staff(
        &self,
        id: &str,
        password_hash: &str,
        at: NaiveDateTime,
        by: &str,
    ) -> Result<(), StoreError> {
        valid_name("staff id (職員ID)", id)?;
        validate_terminal(by)?;
        let when = self.moment(at)?;
        let tx = self.write()?;
        let map = |e| self.err(e);
        let exists = tx
            .query_opt("SELECT 1 FROM staff WHERE id = ?1", crate::params![id], |_| Ok(()))
            .map_err(map)?;
        if exists.is_some() {
            return Err(StoreError::Invalid {
                field: "staff id (職員ID)",
                reason: format!("'{id}' is already a staff member (登録済み)"),
            });
        }
        tx.execute(
            "INSERT INTO staff (id, password_hash, added_at) VALUES (?1, ?2, ?3)",
            crate::params![id, password_hash, timefmt::format(when.at)],
        )
        .map_err(map)?;
        append(&tx, when, by, EventKind::StaffAdded, id, &serde_json::json!({})).map_err(map)?;
        tx.commit().map_err(map)
    }

    /// The password hash of staff member `id`, if there is one.
    pub fn staff_password_hash(&self, id: &str) -> Result<Option<String>, StoreError> {
        self.conn
            .query_opt("SELECT password_hash FROM staff WHERE id = ?1", crate::params![id], |r| {
                r.get(0)
            })
            .map_err(|e| self.err(e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::jst::parse_moment;

    fn at() -> NaiveDateTime {
        parse_moment("2026-01-05T09:00").unwrap()
    }

    #[test]
    fn a_terminal_is_found_by_its_token_until_revoked_and_stays_listed() {
        let s = Store::open_in_memory().unwrap();
        let t = s.enroll_terminal("oji-1", Role::Staff, "hash-a", at(), "admin").unwrap();
        assert_eq!((t.name.as_str(), t.role), ("oji-1", Role::Staff));
        s.enroll_terminal("akabane-kiosk", Role::Kiosk, "hash-b", at(), "admin").unwrap();
        assert_eq!(s.terminal_for_token("hash-b").unwrap().unwrap().role, Role::Kiosk);
        assert_eq!(s.terminal_for_token("hash-z").unwrap(), None);
        let again = s.enroll_terminal("oji-1", Role::Kiosk, "hash-c", at(), "admin");
        assert!(again.unwrap_err().to_string().contains("already enrolled"));
        for bad in ["", "oji 1", "端末", &"x".repeat(33)] {
            assert!(s.enroll_terminal(bad, Role::Kiosk, "hash-d", at(), "admin").is_err());
        }

        let r = s.revoke_terminal("oji-1", at(), "admin").unwrap();
        assert_eq!(r.revoked_at, Some(at()));
        assert_eq!(s.terminal_for_token("hash-a").unwrap(), None);
        assert!(s.revoke_terminal("oji-1", at(), "admin").is_err(), "revoked once");
        assert!(s.revoke_terminal("nobody", at(), "admin").is_err());
        let names: Vec<_> = s.terminals().unwrap().into_iter().map(|t| t.name).collect();
        assert_eq!(names, ["akabane-kiosk", "oji-1"]);

        // The audit trail names each change, never a secret.
        let events = s.events().unwrap();
        let kinds: Vec<_> = events.iter().map(|e| e.kind).collect();
        assert_eq!(
            kinds,
            [EventKind::TerminalEnrolled, EventKind::TerminalEnrolled, EventKind::TerminalRevoked]
        );
        assert!(events.iter().all(|e| !e.data.to_string().contains("hash")));
        assert_eq!(s.verify_events().unwrap(), Ok(()));
    }

    #[test]
    fn the_database_keeps_terminals_and_staff() {
        let s = Store::open_in_memory().unwrap();
        s.enroll_terminal("oji-1", Role::Staff, "hash-a", at(), "admin").unwrap();
        s.add_staff("k.tanaka", "$argon2id$x", at(), "admin").unwrap();
        let conn = s.lite().unwrap();
        for sql in [
            "DELETE FROM terminals",
            "UPDATE terminals SET token_hash = 'other'",
            "UPDATE terminals SET role = 'kiosk'",
            "DELETE FROM staff",
        ] {
            assert!(conn.execute(sql, []).is_err(), "{sql}");
        }
        s.revoke_terminal("oji-1", at(), "admin").unwrap();
        let unrevoke = conn.execute("UPDATE terminals SET revoked_at = NULL", []);
        assert!(unrevoke.is_err(), "a revoked terminal stays revoked");
    }

    #[test]
    fn staff_are_added_once_and_their_hash_is_found() {
        let s = Store::open_in_memory().unwrap();
        s.add_staff("k.tanaka", "$argon2id$x", at(), "admin").unwrap();
        assert_eq!(s.staff_password_hash("k.tanaka").unwrap().as_deref(), Some("$argon2id$x"));
        assert_eq!(s.staff_password_hash("nobody").unwrap(), None);
        assert!(s.add_staff("k.tanaka", "$argon2id$y", at(), "admin").is_err());
        assert!(s.add_staff("k tanaka", "$argon2id$y", at(), "admin").is_err());
    }
}
