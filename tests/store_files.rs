//! The files that hold personal data, on the real binary: the data folder, the store and its
//! `-wal`/`-shm`, and exports are readable by their owner only whatever the umask; an export
//! target that is not a regular file is refused; commands that only read work in a read-only
//! data folder and never create a store; an empty file or a dangling link at the store's path is
//! refused by every command; a write that fails for space says so and changes nothing.
#![cfg(unix)]

mod store_support;

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use store_support::*;

fn db(dir: &Path) -> PathBuf {
    db_file(dir)
}

/// Every entry of the folder with its bytes (only a regular file's are read: never a FIFO's).
fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut v: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| {
            let regular = std::fs::symlink_metadata(&p).unwrap().is_file();
            let b = if regular { std::fs::read(&p).unwrap() } else { Vec::new() };
            (p, b)
        })
        .collect();
    v.sort();
    v
}

/// A data folder with one resident and one booking.
fn populated() -> tempfile::TempDir {
    let d = tempfile::tempdir().unwrap();
    add_resident(d.path(), "R1", "2026-01-01", &[]);
    book(d.path(), "R1", STAY, "stay", "2026-01-10", &["--nights", "1"]).ok();
    d
}

/// `sango ARGS` run by `sh` after `prelude` (a umask, a limit), in the clean environment of the
/// other tests.
fn sh(prelude: &str, args: &[&str]) -> Command {
    let mut c = Command::new("sh");
    c.arg("-c")
        .arg(format!("{prelude}; exec \"$0\" \"$@\""))
        .arg(env!("CARGO_BIN_EXE_sango"))
        .args(args)
        .env_remove("SANGO_DATASET")
        .env_remove("SANGO_DATA_DIR")
        .env_remove("SANGO_CONFIG_DIR")
        .env("SANGO_TERMINAL", "test-kiosk")
        .env("SANGO_PRACTICE", "1")
        .env("TZ", "America/New_York");
    c
}

fn mode(p: &Path) -> u32 {
    std::fs::metadata(p).unwrap().permissions().mode() & 0o777
}

fn set_mode(p: &Path, m: u32) {
    std::fs::set_permissions(p, std::fs::Permissions::from_mode(m)).unwrap();
}

fn mkfifo(p: &Path) {
    assert!(Command::new("mkfifo").arg(p).status().unwrap().success(), "mkfifo");
}

/// The embedded dataset's text.
fn embedded_dataset() -> String {
    let out = plain_command(&["dataset", "show"]).output().unwrap();
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_data_folder_the_store_and_its_wal_and_shm_are_owner_only_under_umask_000() {
    // The default data folder, created by the first booking command.
    let home = tempfile::tempdir().unwrap();
    let data = home.path().join(".local/share/sango");
    let add = ["resident", "add", "--id", "R1", "--birth", "2026-01-01", "--json"];
    let r = sh("umask 000", &add).env_remove("XDG_DATA_HOME").env("HOME", home.path()).output();
    finish(r.unwrap()).ok();
    assert_eq!(mode(&data), 0o700, "the data folder");
    assert_eq!(mode(&db(&data)), 0o600, "the store");

    // While a command holds the store open (blocked reading its dataset from a FIFO), its
    // -wal and -shm files exist: SQLite gave them the store's mode, not the umask's.
    let fifo = home.path().join("dataset.fifo");
    mkfifo(&fifo);
    let d = data.to_str().unwrap();
    let child = sh("umask 000", &["--data-dir", d, "--dataset", fifo.to_str().unwrap()])
        .args(["resident", "show", "R1", "--json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let (wal, shm) =
        (data.join("sango-practice.sqlite3-wal"), data.join("sango-practice.sqlite3-shm"));
    let deadline = Instant::now() + Duration::from_secs(30);
    while !(wal.exists() && shm.exists()) {
        assert!(Instant::now() < deadline, "no -wal/-shm appeared");
        std::thread::sleep(Duration::from_millis(10));
    }
    assert_eq!(mode(&wal), 0o600, "-wal");
    assert_eq!(mode(&shm), 0o600, "-shm");
    std::fs::write(&fifo, embedded_dataset()).unwrap();
    let r = finish(child.wait_with_output().unwrap());
    assert_eq!(r.ok()["id"], "R1");
}

#[test]
fn a_store_others_may_read_is_made_owner_only_when_next_opened() {
    let d = populated();
    set_mode(&db(d.path()), 0o644);
    quota(d.path(), "R1");
    assert_eq!(mode(&db(d.path())), 0o600);
}

#[test]
fn exports_are_owner_only_under_umask_000_even_over_a_wider_file() {
    let d = populated();
    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("bookings.csv");
    std::fs::write(&file, "old").unwrap();
    set_mode(&file, 0o666);
    let dir = d.path().to_str().unwrap();
    let f = file.to_str().unwrap();
    let args = ["--data-dir", dir, "export", "--format", "csv", "--out", f];
    let r = finish(sh("umask 000", &args).output().unwrap());
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(mode(&file), 0o600);
    assert!(std::fs::read_to_string(&file).unwrap().contains("R1"));
    assert_eq!(std::fs::read_dir(out.path()).unwrap().count(), 1, "no temporary left");
}

#[test]
fn an_export_target_that_is_not_a_regular_file_is_refused_before_the_store_is_read() {
    // A damaged store: reading it first would say so instead.
    let d = tempfile::tempdir().unwrap();
    std::fs::write(db(d.path()), b"not a database".repeat(500)).unwrap();
    let out = tempfile::tempdir().unwrap();
    let fifo = out.path().join("pipe");
    mkfifo(&fifo);
    let folder = out.path().join("folder");
    std::fs::create_dir(&folder).unwrap();
    let real = out.path().join("real.json");
    std::fs::write(&real, "keep").unwrap();
    let link = out.path().join("link.json");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let before = snapshot(out.path());
    for (target, what) in [
        (Path::new("/dev/null"), "a device"),
        (fifo.as_path(), "a FIFO"),
        (folder.as_path(), "a folder"),
        (link.as_path(), "a symbolic link"),
    ] {
        let r = sango(d.path(), &["export", "--out", target.to_str().unwrap()]);
        let e = r.refused();
        assert!(e.contains("not a regular file") && e.contains(what), "{e}");
        assert!(e.contains(target.to_str().unwrap()) && !e.contains("破損"), "{e}");
    }
    assert_eq!(snapshot(out.path()), before);
}

#[test]
fn a_full_disk_or_a_file_size_limit_is_named_and_the_old_export_is_kept() {
    let d = populated();
    for i in 2..8 {
        add_resident(d.path(), &format!("R{i}"), "2026-01-01", &[]);
    }
    // Standard output on a full device: the disk is full.
    let full = std::fs::OpenOptions::new().write(true).open("/dev/full").unwrap();
    let r = finish(command(d.path(), &["export"]).stdout(full).output().unwrap());
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("the disk is full (ディスク容量不足)"), "{}", r.stderr);
    // A file that may not grow beyond 1 block (RLIMIT_FSIZE; SIGXFSZ ignored so the write
    // fails instead of killing the process). The store is read from a read-only folder, so
    // reading it writes nothing that the limit would stop.
    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("export.json");
    std::fs::write(&file, "the earlier export").unwrap();
    set_mode(d.path(), 0o500);
    let dir = d.path().to_str().unwrap();
    let f = file.to_str().unwrap();
    let r = sh("trap '' XFSZ; ulimit -f 1", &["--data-dir", dir, "export", "--out", f]).output();
    set_mode(d.path(), 0o700);
    let r = finish(r.unwrap());
    let e = r.refused();
    assert!(e.contains("larger than this process may write") && e.contains(f), "{e}");
    assert!(e.contains("nothing was written"), "{e}");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "the earlier export");
    assert_eq!(std::fs::read_dir(out.path()).unwrap().count(), 1, "no temporary left");
}

/// The commands that only read, each with what a sound answer shows.
fn reads(dir: &Path) -> Vec<(Vec<&'static str>, Run)> {
    let run = |args: Vec<&'static str>| {
        let r = sango(dir, &args);
        (args, r)
    };
    vec![
        run(vec!["quota", "--resident", "R1", "--json"]),
        run(vec!["bookings", "--json"]),
        run(vec!["resident", "show", "R1", "--json"]),
        run(vec!["resident", "list", "--json"]),
        run(vec!["export", "--format", "json"]),
        run(vec!["report", "--month", "2026-01", "--json"]),
        run(vec!["store", "check", "--json"]),
    ]
}

#[test]
fn a_read_only_data_folder_still_answers_every_command_that_only_reads() {
    let d = populated();
    let writable = reads(d.path());
    set_mode(d.path(), 0o500);
    let before = snapshot(d.path());
    let read_only = reads(d.path());
    let writes = [
        book(d.path(), "R1", STAY, "stay", "2026-01-20", &["--nights", "1"]),
        sango(d.path(), &["resident", "add", "--id", "R9", "--birth", "2026-01-01"]),
    ];
    let after = snapshot(d.path());
    set_mode(d.path(), 0o700);
    // The check's answer says when it ran: two runs may fall in different seconds.
    fn when(s: &str) -> Vec<&str> {
        s.lines().filter(|l| !l.contains("\"checked_at\"")).collect()
    }
    for ((args, a), (_, b)) in writable.iter().zip(&read_only) {
        assert_eq!(b.code, 0, "{args:?}: {}", b.stderr);
        assert_eq!(when(&a.stdout), when(&b.stdout), "{args:?}: the same answer");
    }
    assert_eq!(read_only[1].1.json().as_array().unwrap().len(), 1);
    for r in &writes {
        let e = r.refused();
        assert!(e.contains("read-only") && e.contains("読み取り専用"), "{e}");
    }
    assert_eq!(after, before, "nothing was created or changed in the folder");
}

#[test]
fn a_read_only_folder_whose_wal_holds_commits_is_refused_for_reading_not_misread() {
    let d = populated();
    // A copy of the store taken while another program had commits only in its -wal.
    let copy = tempfile::tempdir().unwrap();
    {
        let c = rusqlite::Connection::open(db(d.path())).unwrap();
        c.pragma_update(None, "wal_autocheckpoint", 0).unwrap();
        c.execute("UPDATE residents SET babies = 2 WHERE id = 'R1'", []).unwrap();
        for f in ["sango-practice.sqlite3", "sango-practice.sqlite3-wal"] {
            std::fs::copy(d.path().join(f), copy.path().join(f)).unwrap();
        }
    }
    set_mode(copy.path(), 0o500);
    let before = snapshot(copy.path());
    let r = sango(copy.path(), &["resident", "show", "R1", "--json"]);
    let after = snapshot(copy.path());
    set_mode(copy.path(), 0o700);
    let e = r.refused();
    assert!(
        e.contains("-wal")
            && e.contains("read-only folder")
            && e.contains("sango-practice.sqlite3")
    );
    assert_eq!(after, before);
    // Where it may write, the commit is read.
    let shown = sango(copy.path(), &["resident", "show", "R1", "--json"]).ok();
    assert_eq!(shown["babies"], 2);
}

#[test]
fn commands_that_only_read_create_no_store_and_answer_as_an_empty_one() {
    let d = tempfile::tempdir().unwrap();
    assert_eq!(sango(d.path(), &["bookings", "--json"]).ok(), serde_json::json!([]));
    assert_eq!(sango(d.path(), &["resident", "list", "--json"]).ok(), serde_json::json!([]));
    let e = sango(d.path(), &["resident", "show", "R1"]).refused().to_string();
    assert!(e.contains("unknown resident"), "{e}");
    let exported = sango(d.path(), &["export", "--format", "json"]).ok();
    assert_eq!(exported["bookings"], serde_json::json!([]));
    let check = sango(d.path(), &["store", "check", "--json"]).ok();
    assert_eq!(check["exists"], false);
    assert_eq!(std::fs::read_dir(d.path()).unwrap().count(), 0, "nothing created");
    // Nor the default data folder.
    let home = tempfile::tempdir().unwrap();
    let r = plain_command(&["bookings", "--json"])
        .env_remove("XDG_DATA_HOME")
        .env("HOME", home.path())
        .output()
        .unwrap();
    assert_eq!(finish(r).ok(), serde_json::json!([]));
    assert_eq!(std::fs::read_dir(home.path()).unwrap().count(), 0);
}

/// Every command, reading and writing, at a store path that holds something else.
fn every_command(dir: &Path) -> Vec<Run> {
    vec![
        sango(dir, &["bookings"]),
        sango(dir, &["quota", "--resident", "R1"]),
        sango(dir, &["resident", "list"]),
        sango(dir, &["export"]),
        sango(dir, &["report", "--month", "2026-01"]),
        sango(dir, &["store", "check"]),
        sango(dir, &["resident", "add", "--id", "R1", "--birth", "2026-01-01"]),
        book(dir, "R1", STAY, "stay", "2026-01-10", &["--nights", "1"]),
    ]
}

#[test]
fn an_empty_file_at_the_store_path_is_refused_by_every_command_and_kept() {
    let d = tempfile::tempdir().unwrap();
    std::fs::write(db(d.path()), "").unwrap();
    for r in every_command(d.path()) {
        let e = r.refused();
        assert!(e.contains("empty file (0 bytes)") && e.contains("sango-practice.sqlite3"), "{e}");
    }
    assert_eq!(snapshot(d.path()), vec![(db(d.path()), vec![])]);
}

#[test]
fn a_dangling_link_or_a_folder_at_the_store_path_is_refused_by_every_command() {
    let d = tempfile::tempdir().unwrap();
    let target = d.path().join("moved-away.sqlite3");
    std::os::unix::fs::symlink(&target, db(d.path())).unwrap();
    for r in every_command(d.path()) {
        let e = r.refused();
        assert!(e.contains("symbolic link") && e.contains("moved-away.sqlite3"), "{e}");
    }
    assert!(!target.exists(), "the link's target was not created");
    std::fs::remove_file(db(d.path())).unwrap();
    std::fs::create_dir(db(d.path())).unwrap();
    for r in every_command(d.path()) {
        assert!(r.refused().contains("is a folder, not a regular file"), "{}", r.stderr);
    }
}
