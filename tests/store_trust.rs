//! The quick check on open is skipped while the store file is as sango left it, and runs again
//! when something else changed it (`store::trust`). The checks run are counted per process:
//! the tests here take turns.

use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;
use sango::store::trust::{self, quick_checks_run};
use sango::store::{DataDir, ResidentInput, Store, StoreError, StoreKind};

/// Held by each test: another test's check would count in this one's.
static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn dir(p: &Path) -> DataDir {
    DataDir { path: p.to_path_buf(), explicit: true }
}

fn open(p: &Path) -> Result<Store, StoreError> {
    Store::open_kind(&dir(p), StoreKind::Practice)
}

fn at() -> NaiveDateTime {
    sango::domain::jst::parse_moment("2026-11-20T10:00").unwrap()
}

fn add(store: &Store, id: &str) {
    let input = ResidentInput::new(id, chrono::NaiveDate::from_ymd_opt(2026, 11, 1).unwrap());
    store.add_resident(&input, at(), "t").unwrap();
}

fn db(p: &Path) -> PathBuf {
    p.join("sango-practice.sqlite3")
}

/// A change by another program: the same bytes written back (a copy over the file).
fn rewrite_outside(db: &Path) {
    let bytes = std::fs::read(db).unwrap();
    std::fs::write(db, bytes).unwrap();
}

#[test]
fn the_check_is_skipped_while_trusted_and_runs_after_a_change_outside_sango() {
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let d = tempfile::tempdir().unwrap();
    let store = open(d.path()).unwrap();
    add(&store, "R1");
    drop(store);
    assert!(trust::trusted_now(&db(d.path())), "sango's own writes keep the trust");

    // Opened again and again, written, read: never checked.
    let n = quick_checks_run();
    for i in 0..3 {
        let s = open(d.path()).unwrap();
        add(&s, &format!("R{}", i + 2));
        drop(s);
        let r = Store::open_read_only(&dir(d.path()), StoreKind::Practice).unwrap().unwrap();
        assert_eq!(r.residents().unwrap().len(), i + 2);
    }
    assert_eq!(quick_checks_run(), n, "a trusted file is not checked");

    // Two stores open at once, both writing (a terminal app and a command): still trusted.
    let a = open(d.path()).unwrap();
    let b = open(d.path()).unwrap();
    add(&a, "A1");
    add(&b, "B1");
    drop(a);
    drop(b);
    assert!(trust::trusted_now(&db(d.path())));

    // Another program's change: the next open checks, and trusts the checked state again.
    rewrite_outside(&db(d.path()));
    assert!(!trust::trusted_now(&db(d.path())));
    let n = quick_checks_run();
    drop(open(d.path()).unwrap());
    assert_eq!(quick_checks_run(), n + 1, "a file changed outside sango is checked");
    drop(open(d.path()).unwrap());
    assert_eq!(quick_checks_run(), n + 1, "and trusted once checked clean");

    // A reader checks too, and records the clean state where the folder may be written.
    rewrite_outside(&db(d.path()));
    drop(Store::open_read_only(&dir(d.path()), StoreKind::Practice).unwrap().unwrap());
    assert_eq!(quick_checks_run(), n + 2);
    assert!(trust::trusted_now(&db(d.path())));

    // A record that is damaged or names another state is no knowledge.
    let record = trust::record_path(&db(d.path()));
    std::fs::write(&record, b"{\"state\": ").unwrap();
    drop(open(d.path()).unwrap());
    assert_eq!(quick_checks_run(), n + 3);
    let other = std::fs::read_to_string(&record).unwrap().replace("\"ino\":", "\"ino\":1");
    std::fs::write(&record, other).unwrap();
    drop(open(d.path()).unwrap());
    assert_eq!(quick_checks_run(), n + 4);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&record).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "the record is owner-only");
    }
}

#[test]
fn damage_made_outside_sango_is_found_at_the_next_open() {
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let d = tempfile::tempdir().unwrap();
    let store = open(d.path()).unwrap();
    for i in 0..200 {
        add(&store, &format!("R{i:04}"));
    }
    drop(store);
    let path = db(d.path());
    assert!(trust::trusted_now(&path));
    // Trash one page of the residents' table, as a bad copy or a failing disk would.
    let mut bytes = std::fs::read(&path).unwrap();
    let page = 4096;
    for b in &mut bytes[2 * page + 8..3 * page] {
        *b = 0xA5;
    }
    std::fs::write(&path, &bytes).unwrap();
    for r in [
        open(d.path()).map(drop),
        Store::open_read_only(&dir(d.path()), StoreKind::Practice).map(drop),
    ] {
        assert!(matches!(r, Err(StoreError::Corrupt { .. })), "{r:?}");
    }
    assert!(!trust::trusted_now(&path), "a damaged file is never recorded as trusted");
}
