//! Running the real `sango` binary against a private data folder.
#![allow(dead_code)]

use std::path::Path;
use std::process::Command;

#[path = "../common/mod.rs"]
mod common;
#[path = "../common/pg.rs"]
pub mod pg;

use std::cell::Cell;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Mutex;

pub use common::{Run, finish};

pub mod serve;

/// The store engine a test runs on: the data folder's SQLite file, or a PostgreSQL database
/// of the test's own (the data folder still holds what is not the store: exports).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

thread_local! {
    static ENGINE: Cell<Engine> = const { Cell::new(Engine::Sqlite) };
}

/// The engine of the running test (each test runs on its own thread).
pub fn engine() -> Engine {
    ENGINE.with(|e| e.get())
}

pub fn set_engine(e: Engine) {
    ENGINE.with(|c| c.set(e));
}

/// The database URL of each data folder that stands for a PostgreSQL store.
static SERVERS: Mutex<Option<HashMap<PathBuf, String>>> = Mutex::new(None);

fn server_of(dir: &Path) -> Option<String> {
    SERVERS.lock().unwrap().as_ref().and_then(|m| m.get(dir).cloned())
}

/// A test's data folder and, on PostgreSQL, its database; both gone when dropped.
pub struct TestDir {
    tmp: tempfile::TempDir,
    db: Option<pg::TestDb>,
}

impl TestDir {
    pub fn path(&self) -> &Path {
        self.tmp.path()
    }

    /// The PostgreSQL database's URL, on that engine.
    pub fn database(&self) -> Option<&str> {
        self.db.as_ref().map(|d| d.url.as_str())
    }
}

impl Drop for TestDir {
    fn drop(&mut self) {
        if let Some(m) = SERVERS.lock().unwrap().as_mut() {
            m.remove(self.tmp.path());
        }
    }
}

/// A new data folder on the running test's engine.
pub fn dir() -> TestDir {
    let tmp = tempfile::tempdir().unwrap();
    let db = (engine() == Engine::Postgres).then(pg::TestDb::new);
    if let Some(db) = &db {
        SERVERS
            .lock()
            .unwrap()
            .get_or_insert_with(HashMap::new)
            .insert(tmp.path().to_path_buf(), db.url.clone());
    }
    TestDir { tmp, db }
}

/// Tests that run once on each engine: `on_both_engines! { fn name() { ... } }` makes
/// `name::sqlite` and `name::postgres`.
#[macro_export]
macro_rules! on_both_engines {
    ($($(#[$meta:meta])* fn $name:ident() $body:block)*) => {$(
        mod $name {
            #[allow(unused_imports)]
            use super::*;
            fn body() $body
            $(#[$meta])*
            #[test]
            fn sqlite() {
                set_engine(Engine::Sqlite);
                body()
            }
            $(#[$meta])*
            #[test]
            fn postgres() {
                set_engine(Engine::Postgres);
                body()
            }
        }
    )*};
}

/// `sango --data-dir DIR ARGS` on the practice store (these tests book at fixed moments of
/// 2026 with `--at`), with the clean environment of `common::command`.
pub fn command(dir: &Path, args: &[&str]) -> Command {
    let mut c = live_command(dir, args);
    c.env("SANGO_PRACTICE", "1");
    c
}

/// `sango --data-dir DIR ARGS` on the live store of the folder (or of its PostgreSQL
/// database): `--at` must then lie near the real time.
pub fn live_command(dir: &Path, args: &[&str]) -> Command {
    let mut c = common::command(&[]);
    c.arg("--data-dir").arg(dir).args(args).env("SANGO_TERMINAL", "test-kiosk");
    if let Some(url) = server_of(dir) {
        c.env("SANGO_DATABASE", url);
    }
    c
}

/// Runs `sango ARGS` on the live store of a data folder (see [`live_command`]).
pub fn live(dir: &Path, args: &[&str]) -> Run {
    finish(live_command(dir, args).output().expect("the sango binary runs"))
}

/// The practice store of a data folder (or of its PostgreSQL database), opened in-process.
pub fn open_practice(dir: &Path) -> sango::store::Store {
    use sango::store::{Location, StoreKind};
    let location = Location::resolve(server_of(dir).as_deref(), Some(dir)).unwrap();
    location.open(StoreKind::Practice).unwrap()
}

/// The practice store's file in a data folder.
pub fn db_file(dir: &Path) -> std::path::PathBuf {
    dir.join("sango-practice.sqlite3")
}

/// `sango ARGS` without a data folder, with the clean environment of `common::command`.
pub fn plain_command(args: &[&str]) -> Command {
    common::command(args)
}

pub fn sango(dir: &Path, args: &[&str]) -> Run {
    finish(command(dir, args).output().expect("the sango binary runs"))
}

/// Registers a resident born on `birth` with extra flags.
pub fn add_resident(dir: &Path, id: &str, birth: &str, extra: &[&str]) {
    let mut a = vec!["resident", "add", "--id", id, "--birth", birth, "--at", "2026-01-05T09:00"];
    a.extend_from_slice(extra);
    a.push("--json");
    sango(dir, &a).ok();
}

/// `sango book` with `--json`.
pub fn book(
    dir: &Path,
    resident: &str,
    facility: &str,
    care: &str,
    start: &str,
    extra: &[&str],
) -> Run {
    let mut a = vec![
        "book",
        "--resident",
        resident,
        "--facility",
        facility,
        "--type",
        care,
        "--start",
        start,
    ];
    a.extend_from_slice(extra);
    if !extra.contains(&"--at") {
        a.extend_from_slice(&["--at", "2026-01-05T09:00"]);
    }
    a.push("--json");
    sango(dir, &a)
}

pub fn quota(dir: &Path, resident: &str) -> serde_json::Value {
    sango(dir, &["quota", "--resident", resident, "--json"]).ok()
}

pub const STAY: &str = "tokyo-kita-medical-center";
pub const DAY: &str = "mizuki-josanin";
pub const VISIT: &str = "okudaira-josanjo";

/// Runs `sango ARGS` on a data folder with `stdin` as its standard input.
pub fn with_stdin(cmd: &mut Command, stdin: &str) -> Run {
    use std::io::Write;
    use std::process::Stdio;
    let mut child =
        cmd.stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
    finish(child.wait_with_output().unwrap())
}

/// A staff member's password in the tests.
pub const PASSWORD: &str = "correct horse battery";

/// Adds staff member `id` (password [`PASSWORD`]) to the store of a data folder.
pub fn add_staff(dir: &Path, id: &str) {
    let r = with_stdin(
        &mut command(dir, &["serve", "staff", "add", id, "--json"]),
        &format!("{PASSWORD}\n{PASSWORD}\n"),
    );
    assert_eq!(r.ok()["staff"], id);
}
