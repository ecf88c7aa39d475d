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
    let r = run(tmp.path(), &["staff", "set-pin"], "135790\r\n135790\r\n");
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(run(tmp.path(), &["staff", "check-pin"], "135790").code, 0);
}

#[test]
fn the_two_entries_must_agree() {
    let tmp = tempfile::tempdir().unwrap();
    let r = run(tmp.path(), &["staff", "set-pin"], "246810\n108642\n");
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("differ"), "{}", r.stderr);
    assert!(!tmp.path().join("staff-pin").exists());
}

#[test]
fn a_pin_is_six_to_twelve_digits() {
    let tmp = tempfile::tempdir().unwrap();
    for bad in [
        "1234\n1234\n",
        "12345\n12345\n",
        "1234567890123\n1234567890123\n",
        "1234ab\n1234ab\n",
        "\n\n",
    ] {
        let r = run(tmp.path(), &["staff", "set-pin"], bad);
        assert_eq!(r.code, 1, "{bad:?}");
        assert!(r.stderr.contains("6 to 12 digits"), "{}", r.stderr);
    }
    assert!(!tmp.path().join("staff-pin").exists());
}

#[test]
fn a_missing_confirmation_changes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let r = run(tmp.path(), &["staff", "set-pin"], "246810\n");
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("no PIN on stdin"), "{}", r.stderr);
    assert!(!tmp.path().join("staff-pin").exists());
}

#[test]
fn check_pin_without_a_pin_says_how_to_set_one() {
    let tmp = tempfile::tempdir().unwrap();
    let r = run(tmp.path(), &["staff", "check-pin"], "246810\n");
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("sango staff set-pin"), "{}", r.stderr);
}

#[test]
fn setting_again_replaces_the_pin() {
    let tmp = tempfile::tempdir().unwrap();
    assert_eq!(run(tmp.path(), &["staff", "set-pin"], "111111\n111111\n").code, 0);
    assert_eq!(run(tmp.path(), &["staff", "set-pin"], "222222\n222222\n").code, 0);
    assert_eq!(run(tmp.path(), &["staff", "check-pin"], "111111\n").code, 1);
    assert_eq!(run(tmp.path(), &["staff", "check-pin"], "222222\n").code, 0);
}

#[test]
fn the_pin_goes_next_to_the_file_named_by_config() {
    let tmp = tempfile::tempdir().unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let file = tmp.path().join("kiosk.toml");
    let f = file.to_str().unwrap();
    assert_eq!(
        run(elsewhere.path(), &["--config", f, "staff", "set-pin"], "567890\n567890\n").code,
        0
    );
    assert!(tmp.path().join("staff-pin").exists());
    assert!(!elsewhere.path().join("staff-pin").exists());
}

/// The staff PIN file after `set-pin`, for the kiosk tests below.
fn pin_set(dir: &Path) -> std::path::PathBuf {
    assert_eq!(run(dir, &["staff", "set-pin"], "246810\n246810\n").code, 0);
    dir.join("staff-pin")
}

/// `sango --kiosk` with `dir` as the config folder: refused before the screen opens.
fn kiosk_refused(dir: &Path) -> String {
    let r = run(dir, &["--kiosk"], "");
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_eq!(r.stderr.trim_end().lines().count(), 1, "{}", r.stderr);
    assert!(r.stderr.contains("kiosk mode cannot start"), "{}", r.stderr);
    assert!(r.stderr.contains("staff-pin") && r.stderr.contains("sango staff set-pin"));
    r.stderr
}

#[cfg(unix)]
#[test]
fn the_kiosk_refuses_a_pin_file_others_may_read_or_that_is_a_link() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().unwrap();
    let file = pin_set(tmp.path());
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
    let e = kiosk_refused(tmp.path());
    assert!(e.contains("0644") && e.contains("0600"), "{e}");
    assert_eq!(run(tmp.path(), &["staff", "check-pin"], "246810\n").code, 1);
    assert_eq!(run(tmp.path(), &["config", "show", "--json"], "").json()["staff_pin"], "unsafe");

    let real = tempfile::tempdir().unwrap();
    let target = pin_set(real.path());
    std::fs::remove_file(&file).unwrap();
    std::os::unix::fs::symlink(&target, &file).unwrap();
    assert!(kiosk_refused(tmp.path()).contains("symbolic link"));
    // Setting the PIN again replaces the link with a private file.
    pin_set(tmp.path());
    assert!(std::fs::symlink_metadata(&file).unwrap().is_file());
    assert_eq!(run(tmp.path(), &["staff", "check-pin"], "246810\n").code, 0);
}

#[test]
fn the_kiosk_refuses_a_pin_file_with_costs_above_what_set_pin_writes() {
    let tmp = tempfile::tempdir().unwrap();
    let file = pin_set(tmp.path());
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("$m=19456,t=2,p=1$"), "{text}");
    // 4 GiB of memory and a million passes: checking a PIN would take hours.
    std::fs::write(&file, text.replace("$m=19456,t=2,p=1$", "$m=4194304,t=1000000,p=1$")).unwrap();
    let start = std::time::Instant::now();
    let e = kiosk_refused(tmp.path());
    assert!(e.contains("tampered") && e.contains("m=4194304"), "{e}");
    let r = run(tmp.path(), &["staff", "check-pin"], "246810\n");
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("tampered"), "{}", r.stderr);
    assert!(start.elapsed() < std::time::Duration::from_secs(10), "the hash was computed");
}
