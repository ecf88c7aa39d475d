//! What only the PostgreSQL store has to prove: the database itself keeps the audit trail and
//! the records (a program connecting with the same rights cannot rewrite them), a schema that
//! is not sango's or is newer is refused without writing, and terminals starting at once on a
//! new database migrate it once.

mod store_support;

use store_support::*;

fn client(d: &TestDir) -> postgres::Client {
    postgres::Client::connect(d.database().unwrap(), postgres::NoTls).unwrap()
}

fn filled() -> TestDir {
    set_engine(Engine::Postgres);
    let d = dir();
    add_resident(d.path(), "R1", "2026-01-01", &[]);
    let b = book(d.path(), "R1", DAY, "day", "2026-01-12", &["--days", "2"]).ok();
    let id = b["id"].as_str().unwrap().to_string();
    sango(d.path(), &["cancel", &id, "--at", "2026-01-09T12:00", "--json"]).ok();
    d
}

#[test]
fn the_database_refuses_to_rewrite_history_whoever_asks() {
    let d = filled();
    let before = sango(d.path(), &["export", "--format", "json"]).stdout;
    let mut c = client(&d);
    // The tests book on the practice store: its schema.
    c.batch_execute("SET search_path TO sango_practice").unwrap();
    for (sql, says) in [
        ("UPDATE events SET terminal = 'elsewhere'", "append-only"),
        ("DELETE FROM events", "append-only"),
        ("TRUNCATE events", "append-only"),
        ("DELETE FROM bookings", "never deleted"),
        ("TRUNCATE bookings CASCADE", "never deleted"),
        ("DELETE FROM residents", "never deleted"),
        ("UPDATE bookings SET first_day = '2026-02-01'", "facts cannot change"),
        ("UPDATE bookings SET status = 'booked'", "already cancelled"),
        ("UPDATE residents SET id = 'R9'", "cannot change"),
        ("UPDATE store_meta SET value = 'live'", ""),
    ] {
        let e = c.batch_execute(sql).expect_err(sql);
        let db = e.as_db_error().map(|d| d.message().to_string()).unwrap_or_default();
        assert!(db.contains(says), "{sql}: {db}");
    }
    drop(c);
    assert_eq!(sango(d.path(), &["export", "--format", "json"]).stdout, before);
    assert_eq!(sango(d.path(), &["store", "check", "--json"]).ok()["ok"], true);
}

#[test]
fn another_programs_schema_and_a_newer_one_are_refused_without_writing() {
    set_engine(Engine::Postgres);
    let d = dir();
    let mut c = client(&d);
    c.batch_execute(
        "CREATE SCHEMA sango_practice; CREATE TABLE sango_practice.notes (body TEXT);
         INSERT INTO sango_practice.notes VALUES ('hi')",
    )
    .unwrap();
    let r = sango(d.path(), &["resident", "add", "--id", "R1", "--birth", "2026-01-01"]);
    assert!(r.refused().contains("not a sango database"), "{}", r.stderr);
    let tables: i64 = c
        .query_one("SELECT count(*) FROM pg_tables WHERE schemaname = 'sango_practice'", &[])
        .unwrap()
        .get(0);
    assert_eq!(tables, 1, "nothing was created beside the other program's table");

    let d = filled();
    let mut c = client(&d);
    c.batch_execute("UPDATE sango_practice.sango_schema SET version = 99").unwrap();
    let events = |c: &mut postgres::Client| -> i64 {
        c.query_one("SELECT count(*) FROM sango_practice.events", &[]).unwrap().get(0)
    };
    let before = events(&mut c);
    for args in [
        &["resident", "add", "--id", "R2", "--birth", "2026-01-01"][..],
        &["quota", "--resident", "R1"][..],
        &["store", "migrate"][..],
    ] {
        let e = sango(d.path(), args);
        let e = e.refused();
        assert!(e.contains("newer") && e.contains("99"), "{args:?}: {e}");
    }
    assert_eq!(events(&mut c), before);
}

#[test]
fn terminals_starting_at_once_on_a_new_database_migrate_it_once() {
    set_engine(Engine::Postgres);
    let d = dir();
    let children: Vec<_> = (0..8)
        .map(|i| {
            command(
                d.path(),
                &["resident", "add", "--id", &format!("R{i}"), "--birth", "2026-01-01", "--json"],
            )
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap()
        })
        .collect();
    for child in children {
        let out = finish(child.wait_with_output().unwrap());
        out.ok();
    }
    let mut c = client(&d);
    let rows: i64 =
        c.query_one("SELECT count(*) FROM sango_practice.sango_schema", &[]).unwrap().get(0);
    assert_eq!(rows, 1);
    let residents: i64 =
        c.query_one("SELECT count(*) FROM sango_practice.residents", &[]).unwrap().get(0);
    assert_eq!(residents, 8);
    assert_eq!(sango(d.path(), &["store", "check", "--json"]).ok()["ok"], true);
}
