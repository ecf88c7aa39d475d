//! Running the real `sango` binary against a private data folder.
#![allow(dead_code)]

use std::path::Path;
use std::process::Command;

#[path = "../common/mod.rs"]
mod common;

pub use common::{Run, finish};

/// `sango --data-dir DIR ARGS` on the practice store (these tests book at fixed moments of
/// 2026 with `--at`), with the clean environment of `common::command`.
pub fn command(dir: &Path, args: &[&str]) -> Command {
    let mut c = common::command(&[]);
    c.arg("--data-dir")
        .arg(dir)
        .args(args)
        .env("SANGO_TERMINAL", "test-kiosk")
        .env("SANGO_PRACTICE", "1");
    c
}

/// The practice store of a data folder, opened in-process.
pub fn open_practice(dir: &Path) -> sango::store::Store {
    let data = sango::store::DataDir { path: dir.to_path_buf(), explicit: true };
    sango::store::Store::open_kind(&data, sango::store::StoreKind::Practice).unwrap()
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
