//! `sango serve terminal add|list|revoke` and `sango serve staff add`: who may use a ward's
//! server, kept in its store on either engine, secrets never in the audit trail or the export.

mod store_support;

use std::io::Write;
use std::process::Stdio;

use store_support::*;

fn with_stdin(d: &TestDir, args: &[&str], stdin: &str) -> Run {
    let mut child = command(d.path(), args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
    finish(child.wait_with_output().unwrap())
}

on_both_engines! {
    fn a_terminal_is_enrolled_with_a_token_shown_once_and_revoked() {
        let d = dir();
        let r = sango(d.path(), &["serve", "terminal", "add", "oji-1", "--role", "staff", "--json"]).ok();
        assert_eq!((r["terminal"].as_str(), r["role"].as_str()), (Some("oji-1"), Some("staff")));
        let token = r["token"].as_str().unwrap().to_string();
        assert!(token.starts_with("sango_") && token.len() == 6 + 64, "{token}");
        let kiosk = sango(d.path(), &["serve", "terminal", "add", "akabane-k", "--role", "kiosk", "--json"]).ok();
        assert_ne!(kiosk["token"], r["token"]);

        // A name twice, a bad name, a role that is not one: refused, naming what.
        let again = sango(d.path(), &["serve", "terminal", "add", "oji-1", "--role", "kiosk"]);
        assert!(again.refused().contains("already enrolled"), "{}", again.stderr);
        let bad = sango(d.path(), &["serve", "terminal", "add", "oji 1", "--role", "kiosk"]);
        assert!(bad.refused().contains("terminal"), "{}", bad.stderr);
        let role = sango(d.path(), &["serve", "terminal", "add", "x", "--role", "admin"]);
        assert!(role.stderr.contains("staff or kiosk"), "{}", role.stderr);

        let list = sango(d.path(), &["serve", "terminal", "list", "--json"]).ok();
        let names: Vec<_> = list.as_array().unwrap().iter().map(|t| t["name"].clone()).collect();
        assert_eq!(names, ["akabane-k", "oji-1"]);
        assert!(!list.to_string().contains(&token[6..]), "the list never shows a token");

        let revoked = sango(d.path(), &["serve", "terminal", "revoke", "oji-1", "--json"]).ok();
        assert!(revoked["revoked_at"].is_string(), "{revoked}");
        let twice = sango(d.path(), &["serve", "terminal", "revoke", "oji-1"]);
        assert!(twice.refused().contains("already revoked"), "{}", twice.stderr);
        let list = sango(d.path(), &["serve", "terminal", "list", "--json"]).ok();
        assert!(list[1]["revoked_at"].is_string(), "a revoked terminal stays listed: {list}");

        // The audit trail says who was enrolled and revoked; no token or hash is in it.
        let export = sango(d.path(), &["export", "--format", "json"]).stdout;
        for kind in ["terminal_enrolled", "terminal_revoked"] {
            assert!(export.contains(kind), "{kind}");
        }
        assert!(!export.contains(&token[6..]));
        assert!(!export.contains("token_hash"));
        assert_eq!(sango(d.path(), &["store", "check", "--json"]).ok()["ok"], true);
    }

    fn staff_are_added_with_a_password_read_twice_from_stdin() {
        let d = dir();
        let ok = with_stdin(&d, &["serve", "staff", "add", "k.tanaka", "--json"],
            "correct horse battery\ncorrect horse battery\n");
        assert_eq!(ok.ok()["staff"], "k.tanaka");
        let differ = with_stdin(&d, &["serve", "staff", "add", "m.sato"],
            "correct horse battery\ncorrect horse batterY\n");
        assert!(differ.refused().contains("differ"), "{}", differ.stderr);
        let short = with_stdin(&d, &["serve", "staff", "add", "m.sato"], "short\nshort\n");
        assert!(short.refused().contains("at least 10"), "{}", short.stderr);
        let none = with_stdin(&d, &["serve", "staff", "add", "m.sato"], "");
        assert!(none.refused().contains("no password on stdin"), "{}", none.stderr);
        let twice = with_stdin(&d, &["serve", "staff", "add", "k.tanaka"],
            "another good one\nanother good one\n");
        assert!(twice.refused().contains("already"), "{}", twice.stderr);
        let export = sango(d.path(), &["export", "--format", "json"]).stdout;
        assert!(export.contains("staff_added") && !export.contains("argon2"), "{export}");
        assert!(!export.contains("correct horse"));
    }
}
