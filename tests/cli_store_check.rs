//! `sango store check`: the on-demand damage check.

mod common;

use common::sango_in;

#[test]
fn a_sound_store_checks_ok_and_a_damaged_one_exits_1() {
    let d = tempfile::tempdir().unwrap();
    let add = sango_in(d.path(), &["resident", "add", "--id", "R1", "--birth", "2026-01-01"]);
    assert_eq!(add.code, 0, "{}", add.stderr);
    let ok = sango_in(d.path(), &["store", "check", "--json"]);
    assert_eq!(ok.code, 0, "{}", ok.stderr);
    assert_eq!(ok.json()["ok"], true);

    let db = d.path().join("sango.sqlite3");
    {
        let c = rusqlite::Connection::open(&db).unwrap();
        c.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(())).unwrap();
    }
    let mut bytes = std::fs::read(&db).unwrap();
    let page = 4096;
    for b in &mut bytes[2 * page + 8..3 * page] {
        *b = 0xA5;
    }
    std::fs::write(&db, &bytes).unwrap();
    let bad = sango_in(d.path(), &["store", "check"]);
    assert_eq!(bad.code, 1);
    assert!(bad.stderr.contains("破損") && bad.stderr.contains("sango.sqlite3"), "{}", bad.stderr);
}
