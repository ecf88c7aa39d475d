//! Moving a ward's store between engines (`sango store copy --to`), bringing a schema up to
//! date (`sango store migrate`), and which store `config show` says is in use.

mod store_support;

use store_support::*;

fn filled() -> TestDir {
    set_engine(Engine::Sqlite);
    let d = dir();
    add_resident(d.path(), "R1", "2026-01-01", &["--babies", "2"]);
    add_resident(d.path(), "R2", "2026-01-01", &[]);
    let b = book(d.path(), "R1", STAY, "stay", "2026-01-10", &["--nights", "1"]).ok();
    book(d.path(), "R2", DAY, "day", "2026-01-12", &["--days", "2"]).ok();
    let id = b["id"].as_str().unwrap().to_string();
    sango(d.path(), &["cancel", &id, "--at", "2026-01-09T12:00", "--json"]).ok();
    d
}

fn export(d: &std::path::Path) -> String {
    sango(d, &["export", "--format", "json"]).stdout
}

#[test]
fn a_ward_moves_its_store_to_the_server_and_back_unchanged() {
    let from = filled();
    let before = export(from.path());
    set_engine(Engine::Postgres);
    let server = dir();
    let url = server.database().unwrap().to_string();
    let r = sango(from.path(), &["store", "copy", "--to", &url, "--json"]).ok();
    assert_eq!((r["residents"].as_u64(), r["bookings"].as_u64()), (Some(2), Some(2)));
    assert_eq!(r["events"], 2 + 2 + 1);
    assert!(r["to"].as_str().unwrap().starts_with("postgresql://"), "{r}");
    // The server's store answers as the file did, events included.
    assert_eq!(export(server.path()), before);
    assert_eq!(quota(server.path(), "R1"), quota(from.path(), "R1"));
    let check = sango(server.path(), &["store", "check", "--json"]).ok();
    assert_eq!(check["ok"], true, "{check}");

    // A second copy into it is refused, and changes nothing.
    let again = sango(from.path(), &["store", "copy", "--to", &url]);
    assert!(again.refused().contains("empty"), "{}", again.stderr);
    assert_eq!(export(server.path()), before);

    // And back into an empty data folder.
    set_engine(Engine::Sqlite);
    let back = dir();
    sango(server.path(), &["store", "copy", "--to", back.path().to_str().unwrap(), "--json"]).ok();
    assert_eq!(export(back.path()), before);
}

#[test]
fn migrate_brings_the_schema_up_to_date_on_either_engine() {
    for engine in [Engine::Sqlite, Engine::Postgres] {
        set_engine(engine);
        let d = dir();
        let r = sango(d.path(), &["store", "migrate", "--json"]).ok();
        let expected = if engine == Engine::Sqlite { "sqlite" } else { "postgresql" };
        assert_eq!(r["engine"], expected);
        assert!(r["schema_version"].as_i64().unwrap() >= 1);
        // Run twice: nothing to do the second time.
        assert_eq!(sango(d.path(), &["store", "migrate", "--json"]).ok(), r);
    }
}

#[test]
fn config_show_names_the_store_in_use_without_a_password() {
    set_engine(Engine::Postgres);
    let d = dir();
    let url = d.database().unwrap().to_string();
    let r = sango(d.path(), &["config", "show", "--json"]).ok();
    let text = r.to_string();
    assert!(text.contains("postgresql://postgres@"), "{text}");
    // A password given in the environment is used but never shown.
    let with_password = url.replacen("postgres@", "postgres:hunter2@", 1);
    let out = command(d.path(), &["config", "show"]).env("SANGO_DATABASE", &with_password).output();
    let out = finish(out.unwrap());
    assert!(!out.stdout.contains("hunter2") && !out.stderr.contains("hunter2"), "{}", out.stdout);
    set_engine(Engine::Sqlite);
    let d = dir();
    let r = sango(d.path(), &["config", "show", "--json"]).ok();
    assert!(r.to_string().contains("sqlite"), "{r}");
}

#[test]
fn a_server_that_cannot_be_used_is_named_with_the_reason_and_nothing_is_written() {
    set_engine(Engine::Postgres);
    let d = dir();
    let url = d.database().unwrap().to_string();
    // A port where nothing listens: unreachable, with the system's reason.
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = closed.local_addr().unwrap().port();
    drop(closed);
    let nowhere = format!("postgres://postgres@127.0.0.1:{port}/sango");
    let out = finish(
        command(d.path(), &["quota", "--resident", "R1"])
            .env("SANGO_DATABASE", &nowhere)
            .output()
            .unwrap(),
    );
    let e = out.refused();
    assert!(e.contains("cannot reach") && e.contains(&port.to_string()), "{e}");
    assert!(e.contains("refused") && e.contains("nothing was changed"), "{e}");
    // The server answers but the database is not there: the server's own words.
    let missing = url.rsplit_once('/').unwrap().0.to_string() + "/sango_no_such_database";
    let out = finish(
        command(d.path(), &["resident", "add", "--id", "R1", "--birth", "2026-01-01"])
            .env("SANGO_DATABASE", &missing)
            .output()
            .unwrap(),
    );
    let e = out.refused();
    assert!(e.contains("sango_no_such_database") && e.contains("does not exist"), "{e}");
}
