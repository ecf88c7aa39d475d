//! `sango staff set-pin` / `check-pin` on the real binary: the PIN comes from stdin and is stored
//! only as an Argon2id hash.

mod common;

use std::io::Write;
use std::path::Path;
use std::process::Stdio;

use common::Run;

/// Runs `sango ARGS` with `dir` as the config folder, writing `input` to its stdin.
fn run(dir: &Path, args: &[&str], input: &str) -> Run {
    let mut c = common::command(args);
    c.env("SANGO_CONFIG_DIR", dir)
        .env_remove("SANGO_MODE")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = c.spawn().expect("the sango binary runs");
    let mut stdin = child.stdin.take().unwrap();
    // sango may exit before reading (no PIN set): a closed pipe here is not a failure.
    let _ = stdin.write_all(input.as_bytes());
    drop(stdin);
    let out = child.wait_with_output().unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

#[test]
fn set_pin_then_check_pin() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("config");
    let r = run(&dir, &["staff", "set-pin"], "482913\n482913\n");
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("staff-pin"), "{}", r.stdout);
    let stored = std::fs::read_to_string(dir.join("staff-pin")).unwrap();
    assert!(stored.starts_with("$argon2id$"), "{stored}");
    assert!(!stored.contains("482913"));
    assert!(!r.stdout.contains("482913") && !r.stderr.contains("482913"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(dir.join("staff-pin")).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }

    let r = run(&dir, &["staff", "check-pin"], "482913\n");
    assert_eq!(r.code, 0, "{}", r.stderr);
    let r = run(&dir, &["staff", "check-pin"], "482914\n");
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("wrong PIN"), "{}", r.stderr);

    let shown = run(&dir, &["config", "show", "--json"], "");
    assert_eq!(shown.json()["staff_pin"], "set");
}

#[test]
fn a_pin_set_with_windows_line_ends_still_checks() {
    let tmp = tempfile::tempdir().unwrap();
    let r = run(tmp.path(), &["staff", "set-pin"], "1234\r\n1234\r\n");
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(run(tmp.path(), &["staff", "check-pin"], "1234").code, 0);
}

#[test]
fn the_two_entries_must_agree() {
    let tmp = tempfile::tempdir().unwrap();
    let r = run(tmp.path(), &["staff", "set-pin"], "1234\n4321\n");
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("differ"), "{}", r.stderr);
    assert!(!tmp.path().join("staff-pin").exists());
}

#[test]
fn a_pin_is_four_to_twelve_digits() {
    let tmp = tempfile::tempdir().unwrap();
    for bad in ["123\n123\n", "1234567890123\n1234567890123\n", "12ab\n12ab\n", "\n\n"] {
        let r = run(tmp.path(), &["staff", "set-pin"], bad);
        assert_eq!(r.code, 1, "{bad:?}");
        assert!(r.stderr.contains("4 to 12 digits"), "{}", r.stderr);
    }
    assert!(!tmp.path().join("staff-pin").exists());
}

#[test]
fn a_missing_confirmation_changes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let r = run(tmp.path(), &["staff", "set-pin"], "1234\n");
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("no PIN on stdin"), "{}", r.stderr);
    assert!(!tmp.path().join("staff-pin").exists());
}

#[test]
fn check_pin_without_a_pin_says_how_to_set_one() {
    let tmp = tempfile::tempdir().unwrap();
    let r = run(tmp.path(), &["staff", "check-pin"], "1234\n");
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("sango staff set-pin"), "{}", r.stderr);
}

#[test]
fn setting_again_replaces_the_pin() {
    let tmp = tempfile::tempdir().unwrap();
    assert_eq!(run(tmp.path(), &["staff", "set-pin"], "1111\n1111\n").code, 0);
    assert_eq!(run(tmp.path(), &["staff", "set-pin"], "2222\n2222\n").code, 0);
    assert_eq!(run(tmp.path(), &["staff", "check-pin"], "1111\n").code, 1);
    assert_eq!(run(tmp.path(), &["staff", "check-pin"], "2222\n").code, 0);
}

#[test]
fn the_pin_goes_next_to_the_file_named_by_config() {
    let tmp = tempfile::tempdir().unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let file = tmp.path().join("kiosk.toml");
    let f = file.to_str().unwrap();
    assert_eq!(run(elsewhere.path(), &["--config", f, "staff", "set-pin"], "5678\n5678\n").code, 0);
    assert!(tmp.path().join("staff-pin").exists());
    assert!(!elsewhere.path().join("staff-pin").exists());
}
