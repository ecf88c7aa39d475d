//! `sango config show`, `--config FILE`, `SANGO_CONFIG_DIR` and the kiosk guard, on the real binary.

mod common;

use std::path::Path;
use std::process::Stdio;

use common::Run;

/// The setting variables a machine might have set, removed so they cannot leak in.
const SETTING_VARS: [&str; 6] = [
    "SANGO_MODE",
    "SANGO_LANG",
    "SANGO_THEME",
    "SANGO_IDLE_TIMEOUT_SECS",
    "SANGO_TERMINAL",
    "SANGO_MOUSE",
];

/// Runs `sango ARGS` with `dir` as the config folder and the extra environment `env`.
fn run(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut c = common::command(args);
    for v in SETTING_VARS {
        c.env_remove(v);
    }
    c.env("SANGO_CONFIG_DIR", dir).env("SANGO_DATA_DIR", dir).stdin(Stdio::null());
    for (k, v) in env {
        c.env(k, v);
    }
    let out = c.output().expect("the sango binary runs");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

#[test]
fn without_a_file_every_value_is_the_default() {
    let tmp = tempfile::tempdir().unwrap();
    let r = run(tmp.path(), &["config", "show", "--json"], &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v = r.json();
    assert_eq!(v["file_exists"], false);
    assert_eq!(v["located"], "env");
    assert_eq!(v["staff_pin"], "not set");
    assert_eq!(Path::new(v["file"].as_str().unwrap()), tmp.path().join("config.toml"));
    let values = &v["values"];
    assert_eq!(values["mode"]["value"], "staff");
    assert_eq!(values["lang"]["value"], "ja");
    assert_eq!(values["theme"]["value"], "default");
    assert_eq!(values["idle_timeout_secs"]["value"], 120);
    assert_eq!(values["terminal_id"]["value"], "local");
    assert_eq!(values["mouse"]["value"], true);
    for key in ["mode", "lang", "theme", "idle_timeout_secs", "terminal_id", "mouse"] {
        assert_eq!(values[key]["source"], "default", "{key}");
    }
    assert!(!tmp.path().join("config.toml").exists(), "showing creates nothing");
}

#[test]
fn values_from_the_file_the_environment_and_flags_say_where_they_came_from() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("config.toml");
    std::fs::write(
        &file,
        "mode = \"staff\"\nlang = \"en\"\ntheme = \"high-contrast\"\nidle_timeout_secs = 90\n\
         terminal_id = \"oji-1\"\nmouse = false\n",
    )
    .unwrap();
    let r = run(tmp.path(), &["config", "show", "--json"], &[("SANGO_TERMINAL", "oji-2")]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v = r.json();
    assert_eq!(v["file_exists"], true);
    let values = &v["values"];
    let from_file = format!("file {}", file.display());
    assert_eq!(values["lang"]["value"], "en");
    assert_eq!(values["lang"]["source"], from_file.as_str());
    assert_eq!(values["theme"]["value"], "high-contrast");
    assert_eq!(values["idle_timeout_secs"]["value"], 90);
    assert_eq!(values["mouse"]["value"], false);
    assert_eq!(values["terminal_id"]["value"], "oji-2");
    assert_eq!(values["terminal_id"]["source"], "env SANGO_TERMINAL");

    let r = run(tmp.path(), &["config", "show", "--json", "--lang", "ja", "--kiosk"], &[]);
    let values = &r.json()["values"];
    assert_eq!(values["lang"]["value"], "ja");
    assert_eq!(values["lang"]["source"], "flag --lang");
    assert_eq!(values["mode"]["value"], "kiosk");
    assert_eq!(values["mode"]["source"], "flag --kiosk");

    let r = run(tmp.path(), &["config", "show"], &[]);
    assert_eq!(r.code, 0);
    assert!(r.stdout.contains("terminal_id"), "{}", r.stdout);
    assert!(r.stdout.contains("oji-1"));
    assert!(r.stdout.contains(&from_file));
}

#[test]
fn config_names_the_file_directly() {
    let tmp = tempfile::tempdir().unwrap();
    let other = tempfile::tempdir().unwrap();
    let file = other.path().join("kiosk.toml");
    std::fs::write(&file, "mode = \"kiosk\"\nidle_timeout_secs = 60\n").unwrap();
    let r = run(tmp.path(), &["config", "show", "--json", "--config", file.to_str().unwrap()], &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v = r.json();
    assert_eq!(v["located"], "flag");
    assert_eq!(Path::new(v["config_dir"].as_str().unwrap()), other.path());
    assert_eq!(v["values"]["mode"]["value"], "kiosk");
    assert_eq!(v["values"]["idle_timeout_secs"]["value"], 60);
}

#[test]
fn a_bad_value_exits_1_naming_the_key_and_the_line() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(
        tmp.path().join("config.toml"),
        "# kiosk at Akabane\nmode = \"kiosk\"\nidle_timeout_secs = 10\n",
    )
    .unwrap();
    let r = run(tmp.path(), &["config", "show"], &[]);
    assert_eq!(r.code, 1);
    assert!(r.stdout.is_empty());
    assert!(r.stderr.contains("idle_timeout_secs"), "{}", r.stderr);
    assert!(r.stderr.contains("config.toml:3:21"), "{}", r.stderr);
    assert!(r.stderr.contains("30 to 3600"), "{}", r.stderr);
}

#[test]
fn an_unknown_key_exits_1_naming_it_and_its_line() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("config.toml"), "lang = \"en\"\nlanguage = \"ja\"\n").unwrap();
    let r = run(tmp.path(), &["config", "show", "--json"], &[]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("unknown key `language`"), "{}", r.stderr);
    assert!(r.stderr.contains("config.toml:2:1"), "{}", r.stderr);
}

#[test]
fn broken_toml_exits_1_with_the_line() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("config.toml"), "mode = \"kiosk\"\nmouse = \n").unwrap();
    let r = run(tmp.path(), &["config", "show"], &[]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("config.toml:2:"), "{}", r.stderr);
    assert!(r.stderr.contains("not valid TOML"), "{}", r.stderr);
}

#[test]
fn a_bad_environment_value_exits_1_naming_the_variable() {
    let tmp = tempfile::tempdir().unwrap();
    let r = run(tmp.path(), &["config", "show"], &[("SANGO_MODE", "admin")]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("SANGO_MODE"), "{}", r.stderr);
}

#[test]
fn kiosk_without_a_pin_refuses_to_start_and_says_how_to_set_one() {
    let tmp = tempfile::tempdir().unwrap();
    let r = run(tmp.path(), &["--kiosk"], &[]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("sango staff set-pin"), "{}", r.stderr);
    assert!(r.stderr.contains("PIN"), "{}", r.stderr);
    assert!(r.stdout.is_empty());
}

#[test]
fn kiosk_from_the_config_file_without_a_pin_refuses_too() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("config.toml"), "mode = \"kiosk\"\n").unwrap();
    let r = run(tmp.path(), &[], &[]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("sango staff set-pin"), "{}", r.stderr);
    let other = tempfile::tempdir().unwrap();
    let file = other.path().join("kiosk.toml");
    std::fs::write(&file, "mode = \"kiosk\"\n").unwrap();
    let r = run(tmp.path(), &["--config", file.to_str().unwrap()], &[]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr.contains(&format!("sango --config {} staff set-pin", file.display())),
        "the hint names the same file: {}",
        r.stderr
    );
}

#[test]
fn a_bad_config_file_stops_the_terminal_app_before_it_opens() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("config.toml"), "mode = \"kisok\"\n").unwrap();
    let r = run(tmp.path(), &[], &[]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("`mode`"), "{}", r.stderr);
}
