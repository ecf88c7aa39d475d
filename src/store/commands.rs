//! Commands applied once each (`sango serve`): a terminal sends a booking, a cancellation, a
//! resident's registration or edit, or a no-show with a command id of its choosing (a ULID or
//! a UUID) and, when the reply is lost, sends it again. The first time, the change and the command's row (with the answer given) are written
//! in one transaction; every later time the stored answer is returned and nothing is changed.
//!
//! Two copies of one command racing are serialized before the lookup: on SQLite by the write
//! lock every write transaction takes first (`BEGIN IMMEDIATE`), on PostgreSQL by a
//! transaction-scoped advisory lock on the command id's hash; the primary key is the backstop.
//! A refused command (a rule, an unknown booking) writes nothing, so sending it again asks
//! again.

use chrono::NaiveDateTime;
use serde::Serialize;

use super::Store;
use super::bookings::BookingRequest;
use super::db::{Db, DbResult, Engine};
use super::error::StoreError;
use super::events;
use super::moment::Moment;
use super::timefmt;
use crate::dataset::Dataset;

/// What a command does.
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
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum CommandKind {
    Book,
    Cancel,
    AddResident,
    EditResident,
    NoShow,
}

/// A command as applied: its stored answer, and whether this call applied it or found it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Applied {
    pub command_id: String,
    pub kind: CommandKind,
    pub terminal: String,
    pub applied_at: NaiveDateTime,
    /// The answer given when it was applied (JSON).
    pub result: serde_json::Value,
    /// True when the command had been applied before (nothing was changed now).
    pub replayed: bool,
}

/// A command as a terminal sends it: its id, what it does, and the moment it was made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    Book {
        id: String,
        req: BookingRequest,
        at: NaiveDateTime,
    },
    /// `booking` is the booking's id or code.
    Cancel {
        id: String,
        booking: String,
        at: NaiveDateTime,
    },
}

impl Command {
    pub fn id(&self) -> &str {
        match self {
            Command::Book { id, .. } | Command::Cancel { id, .. } => id,
        }
    }

    pub fn kind(&self) -> CommandKind {
        match self {
            Command::Book { .. } => CommandKind::Book,
            Command::Cancel { .. } => CommandKind::Cancel,
        }
    }

    fn at(&self) -> NaiveDateTime {
        match self {
            Command::Book { at, .. } | Command::Cancel { at, .. } => *at,
        }
    }
}

/// The most commands one call of [`Store::apply_commands`] takes (one request of a sync).
pub const MAX_BATCH: usize = 500;

impl Store {
    /// Applies `commands` in order, each once (see the module's comment), in one write
    /// transaction with each command in a savepoint of its own: a command the rules refuse
    /// leaves no trace and the next is applied as if it had not been sent, and the whole batch
    /// costs one commit (a terminal's outbox of thousands syncs in seconds). The answer has
    /// one outcome per command, in order. A failure of the store itself (not a refusal) fails
    /// the whole call and nothing of it is kept: the terminal sends the batch again.
    pub fn apply_commands(
        &self,
        dataset: &Dataset,
        commands: &[Command],
        terminal: &str,
    ) -> Result<Vec<Result<Applied, StoreError>>, StoreError> {
        events::validate_terminal(terminal)?;
        if commands.len() > MAX_BATCH {
            return Err(StoreError::Invalid {
                field: "commands",
                reason: format!("{} commands in one batch; at most {MAX_BATCH}", commands.len()),
            });
        }
        let tx = self.write()?;
        let mut out = Vec::with_capacity(commands.len());
        // One statement between two commands (a round trip each on PostgreSQL): a savepoint
        // stays set after `ROLLBACK TO`, and a kept command's is released as the next is set.
        tx.batch("SAVEPOINT command").map_err(|e| self.err(e))?;
        for command in commands {
            let outcome = self.apply_in(&tx, dataset, command, terminal);
            match outcome {
                Ok(_) => tx.batch("RELEASE SAVEPOINT command; SAVEPOINT command"),
                Err(ref e) if e.is_refusal() => tx.batch("ROLLBACK TO SAVEPOINT command"),
                Err(e) => return Err(e),
            }
            .map_err(|e| self.err(e))?;
            out.push(outcome);
        }
        tx.commit().map_err(|e| self.err(e))?;
        Ok(out)
    }

    /// One command of a batch inside its transaction.
    fn apply_in(
        &self,
        tx: &Db,
        dataset: &Dataset,
        command: &Command,
        terminal: &str,
    ) -> Result<Applied, StoreError> {
        self.once_in(tx, command.id(), command.kind(), command.at(), terminal, |tx, when| {
            self.change_in(tx, dataset, command, when, terminal)
        })
    }

    /// One command in a transaction of its own (`POST /v1/bookings` and its cancel).
    pub(crate) fn apply_one(
        &self,
        dataset: &Dataset,
        command: &Command,
        terminal: &str,
    ) -> Result<Applied, StoreError> {
        self.apply_once(command.id(), command.kind(), command.at(), terminal, |tx, when| {
            self.change_in(tx, dataset, command, when, terminal)
        })
    }

    /// The change a command makes; its answer.
    fn change_in(
        &self,
        tx: &Db,
        dataset: &Dataset,
        command: &Command,
        when: Moment,
        terminal: &str,
    ) -> Result<serde_json::Value, StoreError> {
        Ok(match command {
            Command::Book { req, .. } => self.book_in(tx, dataset, req, when, terminal)?.answer(),
            Command::Cancel { booking, .. } => {
                self.cancel_found_in(tx, dataset, booking, when, terminal)?.answer()
            }
        })
    }
}

/// The longest command id accepted.
pub const MAX_COMMAND_ID_LEN: usize = 64;

/// A command id: a ULID (26 characters of Crockford base 32) or a UUID (8-4-4-4-12 hex).
pub fn validate_command_id(id: &str) -> Result<(), StoreError> {
    let ulid = id.len() == 26 && ulid::Ulid::from_string(id).is_ok();
    let uuid = id.len() == 36
        && id.char_indices().all(|(i, c)| match i {
            8 | 13 | 18 | 23 => c == '-',
            _ => c.is_ascii_hexdigit(),
        });
    if ulid || uuid {
        return Ok(());
    }
    Err(StoreError::Invalid {
        field: "command_id",
        reason: format!(
            "'{}' is not a ULID or a UUID",
            crate::visible::one_line(&id.chars().take(MAX_COMMAND_ID_LEN).collect::<String>())
        ),
    })
}

/// Inside a write transaction: waits for any other transaction applying the same command id,
/// then returns the command as applied before, if it was.
pub(crate) fn claim(tx: &Db, id: &str) -> DbResult<Option<Applied>> {
    if tx.engine() == Engine::Postgres {
        tx.execute(
            "SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtextextended(?1, 7155))) AS held",
            crate::params![id],
        )?;
    }
    tx.query_opt(
        "SELECT command_id, terminal, kind, result, applied_at FROM commands WHERE command_id = ?1",
        crate::params![id],
        |r| {
            let kind: String = r.get("kind")?;
            let result: String = r.get("result")?;
            Ok(Applied {
                command_id: r.get("command_id")?,
                terminal: r.get("terminal")?,
                kind: kind.parse().map_err(|_| super::bad_text("kind", &kind))?,
                applied_at: super::get_time(r, "applied_at")?,
                result: serde_json::from_str(&result)
                    .map_err(|_| super::bad_text("result", &result))?,
                replayed: true,
            })
        },
    )
}

/// A command found by [`claim`] answers this call only when it is the same kind from the same
/// terminal (a command id is the sender's own). The terminal is the machine: a command sent
/// again under another staff member's sign-in at the same terminal (`oji-1/m.sato` after
/// `oji-1/k.tanaka`) is the same command.
pub(crate) fn replay(
    prior: Applied,
    kind: CommandKind,
    terminal: &str,
) -> Result<Applied, StoreError> {
    let machine = |t: &str| t.split('/').next().unwrap_or_default().to_string();
    if prior.kind != kind || machine(&prior.terminal) != machine(terminal) {
        return Err(StoreError::CommandReused { id: prior.command_id, kind: prior.kind.into() });
    }
    Ok(prior)
}

/// Records a command in the transaction of its change; returns it as applied now.
pub(crate) fn record(
    tx: &Db,
    id: &str,
    terminal: &str,
    kind: CommandKind,
    result: serde_json::Value,
    when: Moment,
) -> DbResult<Applied> {
    let kind_id: &'static str = kind.into();
    tx.execute(
        "INSERT INTO commands (command_id, terminal, kind, result, applied_at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        crate::params![
            id,
            terminal,
            kind_id,
            result.to_string(),
            timefmt::format(when.recorded_at)
        ],
    )?;
    Ok(Applied {
        command_id: id.to_string(),
        kind,
        terminal: terminal.to_string(),
        applied_at: when.recorded_at,
        result,
        replayed: false,
    })
}

impl Store {
    /// Applies a change once per `command_id`: `apply` makes it inside the write transaction
    /// at the command's moment and gives its answer, which is kept with the command; a command
    /// applied before is answered as then, and `apply` is not run.
    pub(crate) fn apply_once(
        &self,
        command_id: &str,
        kind: CommandKind,
        at: NaiveDateTime,
        terminal: &str,
        apply: impl FnOnce(&Db, Moment) -> Result<serde_json::Value, StoreError>,
    ) -> Result<Applied, StoreError> {
        validate_command_id(command_id)?;
        super::events::validate_terminal(terminal)?;
        let tx = self.write()?;
        let applied = self.once_in(&tx, command_id, kind, at, terminal, apply)?;
        tx.commit().map_err(|e| self.err(e))?;
        Ok(applied)
    }

    /// [`Store::apply_once`] inside the caller's write transaction.
    fn once_in(
        &self,
        tx: &Db,
        command_id: &str,
        kind: CommandKind,
        at: NaiveDateTime,
        terminal: &str,
        apply: impl FnOnce(&Db, Moment) -> Result<serde_json::Value, StoreError>,
    ) -> Result<Applied, StoreError> {
        validate_command_id(command_id)?;
        let when = self.moment(at)?;
        if let Some(prior) = claim(tx, command_id).map_err(|e| self.err(e))? {
            return replay(prior, kind, terminal);
        }
        let result = apply(tx, when)?;
        record(tx, command_id, terminal, kind, result, when).map_err(|e| self.err(e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_command_id_is_a_ulid_or_a_uuid() {
        assert!(validate_command_id("01J9Z8Q4X7M2N3P4Q5R6S7T8V9").is_ok());
        assert!(validate_command_id("123e4567-e89b-12d3-a456-426614174000").is_ok());
        for bad in ["", "x", "01J9Z8Q4X7M2N3P4Q5R6S7T8V", "123e4567e89b12d3a456426614174000", "é"]
        {
            assert!(validate_command_id(bad).is_err(), "{bad}");
        }
    }
}
