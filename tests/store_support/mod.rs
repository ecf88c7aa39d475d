//! Running the real `sango` binary against a private data folder.
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

/// `sango --data-dir DIR ARGS` with an environment that cannot leak in from the machine.
pub fn command(dir: &Path, args: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_sango"));
    c.arg("--data-dir")
        .arg(dir)
        .args(args)
        .env_remove("SANGO_DATASET")
        .env_remove("SANGO_DATA_DIR")
        .env_remove("SANGO_CONFIG_DIR")
        .env_remove("SANGO_BUSY_TIMEOUT_MS")
        .env("SANGO_TERMINAL", "test-kiosk")
        // Any machine zone: every rule must use Japan time regardless.
        .env("TZ", "America/New_York");
    c
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
