//! Every way the booking store can fail, each naming what and where (path, id), with the
//! Japanese term where a clerk would look for it.

use std::path::PathBuf;

use chrono::NaiveDate;

use crate::domain::booking::Refusal;
use crate::domain::care::{CareType, LengthError};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(
        "the data folder (データフォルダ) {path} does not exist: create it, or give another --data-dir / SANGO_DATA_DIR"
    )]
    FolderMissing { path: PathBuf },
    #[error("the data folder (データフォルダ) {path} is not a folder")]
    NotAFolder { path: PathBuf },
    #[error("cannot create the data folder (データフォルダ) {path}: {source}")]
    FolderCreate { path: PathBuf, source: std::io::Error },
    #[error(
        "cannot find a data folder (データフォルダ) for this user: give --data-dir or SANGO_DATA_DIR"
    )]
    NoDefaultFolder,
    #[error(
        "the database (データベース) {path} is read-only (読み取り専用): nothing was changed; check the file and folder permissions"
    )]
    ReadOnly { path: PathBuf },
    #[error(
        "the database (データベース) {path} is locked by another program (使用中): nothing was changed; try again in a moment"
    )]
    Locked { path: PathBuf },
    #[error(
        "the database (データベース) {path} is damaged or not a database (破損): nothing was changed ({detail}); keep the file and ask for support"
    )]
    Corrupt { path: PathBuf, detail: String },
    #[error("{path} is not a sango database (他のプログラムのデータベース): nothing was changed")]
    NotSango { path: PathBuf },
    #[error(
        "the database (データベース) {path} has schema version {found}, newer than this program knows ({known}): nothing was changed; update sango"
    )]
    NewerSchema { path: PathBuf, found: i64, known: i64 },
    #[error("cannot open the database (データベース) {path}: {detail}")]
    CannotOpen { path: PathBuf, detail: String },
    #[error(
        "the database (データベース) {path} is an empty file (0 bytes), not a sango store: nothing was changed; if nothing is missing, remove it and sango starts a new store"
    )]
    EmptyFile { path: PathBuf },
    #[error(
        "the database (データベース) {path} is a symbolic link to {target}, which does not exist: nothing was changed; restore the file or remove the link"
    )]
    DanglingLink { path: PathBuf, target: PathBuf },
    #[error(
        "the database (データベース) {path} is {what}, not a regular file: nothing was changed; move it away or give another --data-dir"
    )]
    NotAFile { path: PathBuf, what: &'static str },
    #[error(
        "the database (データベース) {path} cannot be read in its read-only folder: {reason}; nothing was changed"
    )]
    CannotRead { path: PathBuf, reason: String },
    #[error("the disk is full (ディスク容量不足) writing {path}: nothing was changed")]
    DiskFull { path: PathBuf },
    #[error("database error (データベースエラー) in {path}: {detail}")]
    Sqlite { path: PathBuf, detail: String },
    #[error(
        "cannot reach the database server (データベースに接続できません) {path}: {detail}; nothing was changed; check the network and try again"
    )]
    Unreachable { path: PathBuf, detail: String },
    #[error(
        "the connection to the database server {path} was lost (接続が切れました) during a change: {detail}; the change may or may not have been made: check the bookings list before trying again"
    )]
    ConnectionLost { path: PathBuf, detail: String },
    #[error("unknown resident (利用者番号) {0}")]
    UnknownResident(String),
    #[error("resident (利用者番号) {0} is already registered")]
    ResidentExists(String),
    #[error("unknown booking (予約) {0}")]
    UnknownBooking(String),
    #[error("unknown facility (施設) {0}")]
    UnknownFacility(String),
    #[error("the dataset has no rule (利用上限・料金) for care type {0}")]
    NoCareRule(CareType),
    #[error("refused (予約できません): {0}")]
    Refused(#[from] Refusal),
    #[error("invalid length (期間): {0}")]
    BadLength(#[from] LengthError),
    #[error(
        "booking (予約) {id} is already {} (取消済み)",
        crate::i18n::words::status(crate::i18n::Locale::En, *status)
    )]
    AlreadyCancelled { id: String, status: super::bookings::Status },
    #[error(
        "booking (予約) {id} was already used (利用済み): its last day {last_day} is before today, so it cannot be cancelled"
    )]
    AlreadyUsed { id: String, last_day: NaiveDate },
    #[error(
        "the moment (日時) {} is outside what a live store accepts: from 7 days before now to 5 minutes after ({}); for training or scripts use --practice (練習用)",
        crate::domain::jst::rfc3339(*at),
        crate::domain::jst::rfc3339(*now)
    )]
    MomentOutOfRange { at: chrono::NaiveDateTime, now: chrono::NaiveDateTime },
    #[error(
        "booking (予約) {id} was made at {}: a cancellation dated {} is before it (取消日時が予約日時より前です)",
        crate::domain::jst::rfc3339(*created_at),
        crate::domain::jst::rfc3339(*at)
    )]
    CancelBeforeBooking { id: String, created_at: chrono::NaiveDateTime, at: chrono::NaiveDateTime },
    #[error(
        "{path} is a {found} store, but a {expected} store was asked for: live and practice data never mix (本番と練習のデータは混ぜられません)"
    )]
    WrongKind { path: PathBuf, found: &'static str, expected: &'static str },
    #[error(
        "the database (データベース) {path} is damaged (破損): {detail} (found by the check of {checked_at}); nothing was changed — run `sango store repair`, then try again"
    )]
    DamageKnown { path: PathBuf, detail: String, checked_at: String },
    #[error(
        "the change to resident (利用者番号) {resident} puts bookings outside her eligibility period (利用期間): {}; decide for each whether to cancel or keep it (--cancel / --keep), nothing was changed",
        bookings.join(", ")
    )]
    NeedsDecision { resident: String, bookings: Vec<String> },
    #[error(
        "booking (予約) {id} starts on {first_day}: a no-show (無断キャンセル) can be recorded from that day on"
    )]
    NoShowTooEarly { id: String, first_day: NaiveDate },
    #[error(
        "command (コマンド) {id} was already used for a {kind} from another request or terminal: choose a new command id"
    )]
    CommandReused { id: String, kind: &'static str },
    #[error("invalid {field}: {reason}")]
    Invalid { field: &'static str, reason: String },
    #[error("the import file (取込ファイル) is not a sango export: {0}")]
    ImportFormat(String),
    #[error(
        "import conflict (取込の競合): {count} record(s) differ from this terminal's, first: {first}"
    )]
    ImportConflict { count: usize, first: String },
}

impl StoreError {
    /// True when the store refused because of the programme's rules or the input (exit 1 in the
    /// CLI), as opposed to a problem with the database itself.
    pub fn is_refusal(&self) -> bool {
        matches!(
            self,
            StoreError::UnknownResident(_)
                | StoreError::ResidentExists(_)
                | StoreError::UnknownBooking(_)
                | StoreError::UnknownFacility(_)
                | StoreError::Refused(_)
                | StoreError::BadLength(_)
                | StoreError::NoCareRule(_)
                | StoreError::AlreadyCancelled { .. }
                | StoreError::AlreadyUsed { .. }
                | StoreError::Invalid { .. }
                | StoreError::CommandReused { .. }
                | StoreError::MomentOutOfRange { .. }
                | StoreError::CancelBeforeBooking { .. }
                | StoreError::NeedsDecision { .. }
                | StoreError::NoShowTooEarly { .. }
                | StoreError::ImportFormat(_)
                | StoreError::ImportConflict { .. }
        )
    }

    /// The server could not be reached or the connection dropped: the terminal app shows
    /// 再接続中 and tries again, instead of reporting a failure of the store itself.
    pub fn is_connection(&self) -> bool {
        matches!(self, StoreError::Unreachable { .. } | StoreError::ConnectionLost { .. })
    }

    /// Maps an SQLite error to the store's words, naming the database file.
    pub(crate) fn sqlite(path: &std::path::Path, e: rusqlite::Error) -> StoreError {
        use rusqlite::ErrorCode as C;
        let path = path.to_path_buf();
        if let rusqlite::Error::SqliteFailure(f, ref msg) = e {
            let detail = one_line(&[msg.clone().unwrap_or_else(|| f.to_string())]);
            return match f.code {
                C::DatabaseBusy | C::DatabaseLocked => StoreError::Locked { path },
                C::ReadOnly => StoreError::ReadOnly { path },
                C::DatabaseCorrupt | C::NotADatabase => StoreError::Corrupt { path, detail },
                C::CannotOpen | C::PermissionDenied => StoreError::CannotOpen { path, detail },
                C::DiskFull => StoreError::DiskFull { path },
                _ => StoreError::Sqlite { path, detail },
            };
        }
        StoreError::Sqlite { path, detail: one_line(&[e.to_string()]) }
    }

    /// Maps a failure of either engine to the store's words, naming the database (a file, or
    /// a server's address without its password).
    pub(crate) fn db(path: &std::path::Path, e: super::db::DbError) -> StoreError {
        use super::db::DbError;
        match e {
            DbError::Sqlite(e) => StoreError::sqlite(path, e),
            DbError::Postgres(e) => StoreError::postgres(path, e),
            other => StoreError::Sqlite {
                path: path.to_path_buf(),
                detail: one_line(&[other.to_string()]),
            },
        }
    }

    /// Maps a PostgreSQL error: a server that cannot be reached or a connection lost is said
    /// so (the app shows 再接続中); a refusal of the database's own rules (a trigger, a
    /// constraint) names what it refused.
    pub(crate) fn postgres(path: &std::path::Path, e: postgres::Error) -> StoreError {
        use postgres::error::SqlState;
        let path = path.to_path_buf();
        if let Some(db) = e.as_db_error() {
            let detail = one_line(&[db.message().to_string()]);
            let code = db.code();
            return if *code == SqlState::DISK_FULL {
                StoreError::DiskFull { path }
            } else if *code == SqlState::LOCK_NOT_AVAILABLE
                || *code == SqlState::T_R_DEADLOCK_DETECTED
                || *code == SqlState::T_R_SERIALIZATION_FAILURE
            {
                StoreError::Locked { path }
            } else if *code == SqlState::READ_ONLY_SQL_TRANSACTION {
                StoreError::ReadOnly { path }
            } else if *code == SqlState::DATA_CORRUPTED || *code == SqlState::INDEX_CORRUPTED {
                StoreError::Corrupt { path, detail }
            } else if code.code().starts_with("08") || code.code().starts_with("57P") {
                StoreError::ConnectionLost { path, detail }
            } else if *code == SqlState::INVALID_PASSWORD
                || *code == SqlState::INVALID_AUTHORIZATION_SPECIFICATION
                || *code == SqlState::INVALID_CATALOG_NAME
            {
                StoreError::CannotOpen { path, detail }
            } else {
                StoreError::Sqlite { path, detail }
            };
        }
        let detail = one_line(&[e.to_string()]);
        if e.is_closed() || std::error::Error::source(&e).is_some_and(|s| s.is::<std::io::Error>())
        {
            StoreError::ConnectionLost { path, detail }
        } else {
            StoreError::Sqlite { path, detail }
        }
    }
}

/// SQLite's messages on one line (the CLI's refusals are one line each), the first few only.
pub(crate) fn one_line(parts: &[String]) -> String {
    let mut s = parts
        .iter()
        .flat_map(|p| p.lines())
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(3)
        .collect::<Vec<_>>()
        .join("; ");
    if s.chars().count() > 200 {
        s = s.chars().take(200).collect::<String>() + "…";
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_disk_says_that_the_disk_is_full() {
        let full = rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_FULL),
            Some("database or disk is full".into()),
        );
        let e = StoreError::sqlite(std::path::Path::new("/d/sango.sqlite3"), full);
        assert!(matches!(e, StoreError::DiskFull { .. }));
        let m = e.to_string();
        assert!(m.contains("the disk is full") && m.contains("/d/sango.sqlite3"), "{m}");
        assert!(m.contains("nothing was changed"), "{m}");
    }
}
