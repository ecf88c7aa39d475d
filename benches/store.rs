//! The booking store at city scale (issue 6): EXPLAIN QUERY PLAN of the hot queries, and
//! criterion timings of what `sango book`, `quota` and `bookings --resident` do in process.
//!
//! With `SANGO_BENCH_DIR=DIR` (made by `sango synth --out DIR`: 300,000 residents and 1,000,000
//! bookings by default) it reads the store in DIR/data; write benchmarks run on a copy of it in a
//! temporary folder, so DIR is left as it was. Without it, a small synthetic store (3,000
//! residents, 10,000 bookings) is generated in a temporary folder.
//!
//! Run: `SANGO_BENCH_DIR=DIR cargo bench --bench store -- --warm-up-time 1 --measurement-time 3`.
//! Whole-process timings (process start to exit, fsync included) are in BENCHMARKS.md
//! (hyperfine).

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use rusqlite::Connection;

use sango::dataset::{self, Dataset};
use sango::domain::care::{CareType, Length};
use sango::store::bulk::Bulk;
use sango::store::paths::DB_FILE;
use sango::store::{BookingFilter, BookingRequest, ResidentInput, Store};
use sango::synth;

/// The hot queries, as the store sends them (src/store/bookings.rs, residents.rs, events.rs).
const HOT: &[(&str, &str, &[&str])] = &[
    ("resident by id (book, quota)", "SELECT * FROM residents WHERE id = ?1", &["R0000004"]),
    (
        "usage of one care type (book, quota)",
        "SELECT COALESCE(SUM(CASE WHEN status = 'booked' THEN units ELSE 0 END), 0),
                COALESCE(SUM(CASE WHEN status = 'cancelled_late' THEN units_charged ELSE 0 END), 0)
         FROM bookings WHERE resident = ?1 AND care = ?2",
        &["R0000004", "stay"],
    ),
    (
        "days taken by a resident (book: one booking a day)",
        "SELECT first_day, last_day FROM bookings WHERE resident = ?1 AND status = 'booked'",
        &["R0000004"],
    ),
    (
        "bookings of a resident (bookings --resident, TUI)",
        "SELECT * FROM bookings WHERE resident = ? ORDER BY first_day, created_at, id",
        &["R0000004"],
    ),
    (
        "bookings on a date (bookings --date: first_day bounded below by the longest booking)",
        "SELECT * FROM bookings WHERE first_day >= date(?1, '-' ||
                 ((SELECT MAX(units) FROM bookings) - 1) || ' days') AND first_day <= ?1
                 AND last_day >= ?1 ORDER BY first_day, created_at, id",
        &["2026-06-10"],
    ),
    ("the longest booking (bookings --date)", "SELECT MAX(units) FROM bookings", &[]),
    (
        "before: bookings on a date, unbounded below (1.0 s at a million)",
        "SELECT * FROM bookings WHERE first_day <= ? AND last_day >= ?
                 ORDER BY first_day, created_at, id",
        &["2026-06-10", "2026-06-10"],
    ),
    (
        "booking by id (cancel)",
        "SELECT * FROM bookings WHERE id = ?1",
        &["01J0000000000000000000000"],
    ),
    ("events of a subject", "SELECT * FROM events WHERE subject = ?1 ORDER BY seq", &["R0000004"]),
];

fn bench_dir() -> (PathBuf, Option<tempfile::TempDir>) {
    // `cargo test --benches` runs each benchmark once: the small store is enough then.
    let benching = std::env::args().any(|a| a == "--bench");
    if let Some(d) = std::env::var_os("SANGO_BENCH_DIR").filter(|_| benching) {
        return (PathBuf::from(d), None);
    }
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let ds = synth::dataset(1, 2000);
    std::fs::write(tmp.path().join("dataset.json"), serde_json::to_string(&ds).expect("JSON"))
        .expect("write the dataset");
    let data = tmp.path().join("data");
    std::fs::create_dir(&data).expect("data folder");
    let until = NaiveDate::from_ymd_opt(2026, 11, 1).expect("a date");
    let h = synth::history(1, &ds, 3_000, 10_000, until);
    let load = Bulk::create(&data).expect("bulk load");
    {
        let mut w = load.writer().expect("statements");
        h.write(&mut w).expect("rows");
    }
    drop(load.finish().expect("finish"));
    println!("(SANGO_BENCH_DIR not set: a small store of 3,000 residents and 10,000 bookings)");
    (tmp.path().to_path_buf(), Some(tmp))
}

/// Prints the plan and one timing of each hot query.
fn explain(db: &Path) {
    let conn = Connection::open(db).expect("the database");
    println!("SQLite {}", rusqlite::version());
    for (name, sql, args) in HOT {
        let params: Vec<Option<&str>> =
            args.iter().map(|a| if a.is_empty() { None } else { Some(*a) }).collect();
        let p = rusqlite::params_from_iter(params.iter());
        let mut st = conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}")).expect("explain");
        let plan: Vec<String> = st
            .query_map(p, |r| r.get::<_, String>(3))
            .expect("plan")
            .collect::<Result<_, _>>()
            .expect("plan rows");
        let mut st = conn.prepare(sql).expect("query");
        let p = rusqlite::params_from_iter(params.iter());
        let t = Instant::now();
        let n = st.query_map(p, |_| Ok(())).expect("rows").count();
        let took = t.elapsed();
        println!("\n{name}: {n} rows in {:.3} ms", took.as_secs_f64() * 1000.0);
        for line in plan {
            println!("    {line}");
        }
    }
    println!();
}

fn a_day_care_facility(ds: &Dataset) -> String {
    ds.facilities
        .iter()
        .find(|f| f.offers(CareType::Day))
        .map(|f| f.id.clone())
        .expect("a facility with day care")
}

fn benches(c: &mut Criterion) {
    let (dir, _keep) = bench_dir();
    let db = dir.join("data").join(DB_FILE);
    explain(&db);
    let ds = dataset::load_path(&dir.join("dataset.json")).expect("the dataset");
    let resident = std::env::var("SANGO_BENCH_RESIDENT").unwrap_or_else(|_| "R0000004".to_string());

    let mut g = c.benchmark_group("store");
    g.sample_size(10);
    g.measurement_time(Duration::from_secs(5));
    g.bench_function("Store::open (as each command does)", |b| {
        b.iter(|| black_box(Store::open(&dir.join("data")).expect("open")))
    });
    g.finish();

    let store = Store::open(&dir.join("data")).expect("open");
    c.bench_function("store/quota (open store)", |b| {
        b.iter(|| store.quota(&ds.programme, black_box(&resident)).expect("quota"))
    });
    c.bench_function("store/resident (open store)", |b| {
        b.iter(|| store.resident(black_box(&resident)).expect("resident"))
    });
    let mut g = c.benchmark_group("store");
    g.sample_size(10);
    let filter = BookingFilter { resident: Some(resident.clone()), ..Default::default() };
    g.bench_function("bookings --resident (open store)", |b| {
        b.iter(|| store.bookings(black_box(&filter)).expect("bookings"))
    });
    g.finish();
    drop(store);

    // Writes on a copy, so the folder stays as it was.
    let copy = tempfile::tempdir().expect("a temporary folder");
    std::fs::copy(&db, copy.path().join(DB_FILE)).expect("copy the store");
    let store = Store::open(copy.path()).expect("open the copy");
    let facility = a_day_care_facility(&ds);
    // The copy is a live store: its writes happen now, as a clerk's do.
    let at = sango::domain::jst::from_utc(chrono::Utc::now());
    let today = at.date();
    let mut n = 0u32;
    c.bench_function("store/book (open store, fsync)", |b| {
        b.iter_batched(
            || {
                n += 1;
                let id = format!("BENCH-{n}");
                let birth = today - chrono::TimeDelta::days(10);
                store.add_resident(&ResidentInput::new(&id, birth), at, "bench").expect("resident");
                BookingRequest {
                    resident: id,
                    facility: facility.clone(),
                    care: CareType::Day,
                    start: today + chrono::TimeDelta::days(5),
                    length: Length::Days(1),
                }
            },
            |req| store.book(&ds, &req, at, "bench").expect("booked"),
            BatchSize::PerIteration,
        )
    });
}

criterion_group!(store, benches);
criterion_main!(store);
