//! The configured terminal id (`terminal_id` in config.toml, overridden by `SANGO_TERMINAL`) is
//! what the CLI records on every booking and every event.

mod store_support;

use std::path::Path;

use store_support::*;

/// Runs `sango ARGS` with `dir` as both the config and the data folder, on the practice store
/// (fixed moments of 2026).
fn run(dir: &Path, args: &[&str], terminal_env: Option<&str>) -> Run {
    let mut c = command(dir, args);
    c.env_remove("SANGO_TERMINAL").env("SANGO_CONFIG_DIR", dir);
    if let Some(t) = terminal_env {
        c.env("SANGO_TERMINAL", t);
    }
    finish(c.output().expect("the sango binary runs"))
}

fn ok(r: Run) -> serde_json::Value {
    assert_eq!(r.code, 0, "{}", r.stderr);
    r.json()
}

on_both_engines! {
    fn the_config_files_terminal_id_is_on_every_booking_and_event() {
        let tmp = dir();
        std::fs::write(tmp.path().join("config.toml"), "terminal_id = \"oji-desk-2\"\n").unwrap();
        let at = ["--at", "2026-01-05T09:00"];
        let add =
            [&["resident", "add", "--id", "T1", "--birth", "2026-01-01", "--json"][..], &at].concat();
        ok(run(tmp.path(), &add, None));
        let book = [
            &[
                "book",
                "--resident",
                "T1",
                "--facility",
                "mizuki-josanin",
                "--type",
                "day",
                "--start",
                "2026-01-20",
                "--json",
            ][..],
            &at,
        ]
        .concat();
        let b = ok(run(tmp.path(), &book, None));
        let id = b["id"].as_str().or_else(|| b["booking"]["id"].as_str()).expect("an id").to_string();
        let cancel = [&["cancel", &id, "--json"][..], &at].concat();
        ok(run(tmp.path(), &cancel, None));
        let list = ok(run(tmp.path(), &["bookings", "--json"], None));
        let list = list.as_array().cloned().or_else(|| list["bookings"].as_array().cloned()).unwrap();
        assert_eq!(list[0]["terminal"], "oji-desk-2", "{list:?}");
        let export = ok(run(tmp.path(), &["export", "--format", "json"], None));
        let events = export["events"].as_array().unwrap();
        assert_eq!(events.len(), 3, "added, booked, cancelled: {events:?}");
        for e in events {
            assert_eq!(e["terminal"], "oji-desk-2", "{e}");
        }
    }

    fn sango_terminal_overrides_the_file() {
        let tmp = dir();
        std::fs::write(tmp.path().join("config.toml"), "terminal_id = \"oji-desk-2\"\n").unwrap();
        let r = run(
            tmp.path(),
            &["resident", "add", "--id", "T2", "--birth", "2026-01-01", "--json"],
            Some("akabane-1"),
        );
        ok(r);
        let export = ok(run(tmp.path(), &["export", "--format", "json"], None));
        assert_eq!(export["events"][0]["terminal"], "akabane-1");
    }

    fn without_settings_the_terminal_is_local() {
        let tmp = dir();
        ok(run(
            tmp.path(),
            &["resident", "add", "--id", "T3", "--birth", "2026-01-01", "--json"],
            None,
        ));
        let export = ok(run(tmp.path(), &["export", "--format", "json"], None));
        assert_eq!(export["events"][0]["terminal"], "local");
    }
}
