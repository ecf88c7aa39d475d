//! Running the real `sango` binary from integration tests.
#![allow(dead_code)]

use std::path::Path;
use std::process::{Command, Output};

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| {
            panic!("stdout is not one JSON value ({e}):\n{}\nstderr: {}", self.stdout, self.stderr)
        })
    }

    /// Asserts success and returns the JSON.
    pub fn ok(&self) -> serde_json::Value {
        assert_eq!(self.code, 0, "expected success, stderr: {}", self.stderr);
        self.json()
    }

    /// Asserts a refusal (exit 1, one line on stderr, nothing on stdout) and returns stderr.
    pub fn refused(&self) -> &str {
        assert_eq!(
            self.code, 1,
            "expected exit 1, stdout: {} stderr: {}",
            self.stdout, self.stderr
        );
        assert_eq!(self.stderr.trim_end().lines().count(), 1, "one line: {}", self.stderr);
        assert!(!self.stderr.contains("panicked"), "{}", self.stderr);
        &self.stderr
    }
}

pub fn finish(out: Output) -> Run {
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// A command for the binary with an environment that cannot leak in from the machine.
pub fn command(args: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_sango"));
    c.args(args)
        .env_remove("SANGO_DATASET")
        .env_remove("SANGO_DATA_DIR")
        .env_remove("SANGO_CONFIG_DIR")
        .env_remove("SANGO_BUSY_TIMEOUT_MS")
        .env_remove("SANGO_PRACTICE")
        // The dataset cache of the tests, not the machine's.
        .env("SANGO_CACHE_DIR", concat!(env!("CARGO_TARGET_TMPDIR"), "/dataset-cache"))
        // Any machine zone: every rule must use Japan time regardless.
        .env("TZ", "America/New_York");
    c
}

/// Runs `sango ARGS` and collects its output.
pub fn sango(args: &[&str]) -> Run {
    finish(command(args).output().expect("the sango binary runs"))
}

/// Runs `sango ARGS` with a data folder.
pub fn sango_in(dir: &Path, args: &[&str]) -> Run {
    finish(command(args).env("SANGO_DATA_DIR", dir).output().expect("the sango binary runs"))
}

/// Runs `sango ARGS` on the practice store of a data folder: the tests' fixed moments (`--at`
/// in 2026) are accepted there, as for any script.
pub fn practice_in(dir: &Path, args: &[&str]) -> Run {
    let mut c = command(args);
    c.env("SANGO_DATA_DIR", dir).env("SANGO_PRACTICE", "1");
    finish(c.output().expect("the sango binary runs"))
}

/// Rewrites the index entry of R1's stay so that it names R0: every page still looks sound
/// (the quick check passes), but a lookup of R1's bookings through the index finds nothing.
pub fn hide_r1_stay_from_the_index(db: &Path) {
    let root: u32 = {
        let c = rusqlite::Connection::open(db).unwrap();
        c.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(())).unwrap();
        c.query_row(
            "SELECT rootpage FROM sqlite_schema WHERE name = 'bookings_by_resident'",
            [],
            |r| r.get(0),
        )
        .unwrap()
    };
    let mut bytes = std::fs::read(db).unwrap();
    let page = 4096;
    let start = (root as usize - 1) * page;
    let at = bytes[start..start + page].windows(6).position(|w| w == b"R1stay").unwrap();
    bytes[start + at + 1] = b'0';
    std::fs::write(db, &bytes).unwrap();
    let c = rusqlite::Connection::open(db).unwrap();
    let quick: String = c.query_row("PRAGMA quick_check", [], |r| r.get(0)).unwrap();
    assert_eq!(quick, "ok", "the quick check does not see this damage");
}
