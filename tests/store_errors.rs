//! A data folder or database that is missing, read-only, locked, damaged, foreign or from a
//! newer version gives one clear line, exit 1, and changes nothing.

mod store_support;

use std::path::{Path, PathBuf};
use std::process::Command;

use store_support::*;

fn db(dir: &Path) -> PathBuf {
    db_file(dir)
}

/// A data folder with one resident and one booking.
fn populated() -> tempfile::TempDir {
    let d = tempfile::tempdir().unwrap();
    add_resident(d.path(), "R1", "2026-01-01", &[]);
    book(d.path(), "R1", STAY, "stay", "2026-01-10", &["--nights", "1"]).ok();
    d
}

/// Every file in the folder with its bytes.
fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut v: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| {
            let b = std::fs::read(&p).unwrap_or_default();
            (p, b)
        })
        .collect();
    v.sort();
    v
}

fn try_writes(dir: &Path) -> Vec<Run> {
    vec![
        book(dir, "R1", STAY, "stay", "2026-01-20", &["--nights", "1"]),
        sango(dir, &["resident", "add", "--id", "R9", "--birth", "2026-01-01"]),
        sango(dir, &["quota", "--resident", "R1"]),
    ]
}

#[test]
fn a_missing_data_folder_is_named_and_not_created() {
    let d = tempfile::tempdir().unwrap();
    let missing = d.path().join("no/such/folder");
    for r in try_writes(&missing) {
        let e = r.refused();
        assert!(e.contains("does not exist") && e.contains("no/such/folder"), "{e}");
    }
    assert!(!d.path().join("no").exists());
    let file = d.path().join("plain-file");
    std::fs::write(&file, "x").unwrap();
    assert!(sango(&file, &["resident", "list"]).refused().contains("not a folder"));
}

#[test]
fn a_garbage_file_is_reported_as_damaged_and_left_alone() {
    let d = tempfile::tempdir().unwrap();
    std::fs::write(db(d.path()), b"this is not an SQLite database, it is a note".repeat(200))
        .unwrap();
    let before = snapshot(d.path());
    for r in try_writes(d.path()) {
        let e = r.refused();
        assert!(e.contains("破損") && e.contains("sango-practice.sqlite3"), "{e}");
    }
    assert_eq!(snapshot(d.path()), before);
}

#[test]
fn a_damaged_page_is_caught_before_writing() {
    let d = populated();
    // Checkpoint so the pages are in the main file, then damage an index page.
    {
        let c = rusqlite::Connection::open(db(d.path())).unwrap();
        c.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(())).unwrap();
    }
    let mut bytes = std::fs::read(db(d.path())).unwrap();
    let page = 4096;
    assert!(bytes.len() >= 4 * page);
    for b in &mut bytes[2 * page + 8..3 * page] {
        *b = 0xA5;
    }
    std::fs::write(db(d.path()), &bytes).unwrap();
    let before = snapshot(d.path());
    let r = book(d.path(), "R1", STAY, "stay", "2026-01-20", &["--nights", "1"]);
    assert!(r.refused().contains("破損"), "{}", r.stderr);
    assert_eq!(snapshot(d.path()), before);
}

#[test]
fn a_newer_schema_is_refused_without_writing() {
    let d = populated();
    {
        let c = rusqlite::Connection::open(db(d.path())).unwrap();
        c.pragma_update(None, "user_version", 99).unwrap();
        c.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(())).unwrap();
    }
    let before = snapshot(d.path());
    for r in try_writes(d.path()) {
        let e = r.refused();
        assert!(e.contains("newer") && e.contains("99"), "{e}");
    }
    assert_eq!(snapshot(d.path()), before);
}

#[test]
fn another_programs_database_is_refused() {
    let d = tempfile::tempdir().unwrap();
    {
        let c = rusqlite::Connection::open(db(d.path())).unwrap();
        c.execute_batch("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('hi');")
            .unwrap();
    }
    let before = snapshot(d.path());
    for r in try_writes(d.path()) {
        assert!(r.refused().contains("not a sango database"), "{}", r.stderr);
    }
    assert_eq!(snapshot(d.path()), before);
}

#[cfg(unix)]
#[test]
fn a_read_only_database_or_folder_is_refused_for_writing_but_read() {
    use std::os::unix::fs::PermissionsExt;
    let d = populated();
    let file = db(d.path());
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o444)).unwrap();
    let before = snapshot(d.path());
    let writes = try_writes(d.path());
    for r in &writes[..2] {
        let e = r.refused();
        assert!(e.contains("read-only") && e.contains("読み取り専用"), "{e}");
    }
    // quota only reads.
    assert_eq!(writes[2].code, 0, "{}", writes[2].stderr);
    assert_eq!(quota(d.path(), "R1")["stay"]["used"], 2);
    assert_eq!(snapshot(d.path()), before);
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();

    std::fs::set_permissions(d.path(), std::fs::Permissions::from_mode(0o555)).unwrap();
    let r = book(d.path(), "R1", STAY, "stay", "2026-01-20", &["--nights", "1"]);
    std::fs::set_permissions(d.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    assert!(r.refused().contains("read-only"), "{}", r.stderr);
    assert_eq!(quota(d.path(), "R1")["stay"]["used"], 2);
}

#[test]
fn a_locked_database_says_so_and_books_nothing() {
    let d = populated();
    let c = rusqlite::Connection::open(db(d.path())).unwrap();
    c.execute_batch("BEGIN IMMEDIATE").unwrap();
    let r = finish(
        command(d.path(), &["book", "--resident", "R1", "--facility", STAY, "--type", "stay"])
            .args(["--start", "2026-01-20", "--nights", "1", "--at", "2026-01-05T09:00"])
            .env("SANGO_BUSY_TIMEOUT_MS", "300")
            .output()
            .unwrap(),
    );
    let e = r.refused();
    assert!(e.contains("locked") && e.contains("使用中"), "{e}");
    c.execute_batch("ROLLBACK").unwrap();
    drop(c);
    assert_eq!(quota(d.path(), "R1")["stay"]["used"], 2);
    // Reading does not need the write lock.
    let c = rusqlite::Connection::open(db(d.path())).unwrap();
    c.execute_batch("BEGIN IMMEDIATE").unwrap();
    let r = finish(
        command(d.path(), &["bookings", "--json"])
            .env("SANGO_BUSY_TIMEOUT_MS", "300")
            .output()
            .unwrap(),
    );
    assert_eq!(r.ok().as_array().unwrap().len(), 1);
}

#[test]
fn the_data_folder_comes_from_the_environment_or_the_os_default() {
    let home = tempfile::tempdir().unwrap();
    let run = |env: &[(&str, &Path)]| {
        let mut c = Command::new(env!("CARGO_BIN_EXE_sango"));
        c.args(["resident", "add", "--id", "R1", "--birth", "2026-01-01", "--json"])
            .env_remove("SANGO_DATA_DIR")
            .env_remove("XDG_DATA_HOME")
            .env_remove("SANGO_DATASET")
            .env("HOME", home.path());
        for (k, v) in env {
            c.env(k, v);
        }
        finish(c.output().unwrap())
    };
    run(&[]).ok();
    assert!(home.path().join(".local/share/sango/sango.sqlite3").is_file());
    let other = tempfile::tempdir().unwrap();
    run(&[("SANGO_DATA_DIR", other.path())]).ok();
    assert!(other.path().join("sango.sqlite3").is_file());
}
