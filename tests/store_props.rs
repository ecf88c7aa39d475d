//! Property tests on the store: any sequence of bookings and cancellations at any times keeps
//! every mother within every limit, the audit trail replays to the tables, and a JSON export
//! moves everything to an empty terminal unchanged.

use chrono::{Duration, NaiveDate, NaiveDateTime};
use proptest::prelude::*;

use sango::dataset::{self, Dataset};
use sango::domain::care::{CareType, Length};
use sango::store::server::ServerUrl;
use sango::store::{BookingRequest, Clock, ResidentInput, Store, StoreError, StoreKind};

#[path = "common/pg.rs"]
mod pg;

/// An empty practice store on an engine: SQLite in memory, or a PostgreSQL database of its
/// own (kept alive by the returned value).
fn empty_store(postgres: bool) -> (Store, Option<pg::TestDb>) {
    if !postgres {
        return (Store::open_in_memory().unwrap(), None);
    }
    let db = pg::TestDb::new();
    let url = ServerUrl::parse(&db.url).unwrap();
    (Store::open_server(&url, StoreKind::Practice, Clock::system()).unwrap(), Some(db))
}

#[derive(Debug, Clone)]
enum Op {
    Book { resident: usize, facility: usize, start: i64, n: u32, at: i64 },
    Cancel { pick: usize, at: i64 },
}

const FACILITIES: &[(&str, CareType)] = &[
    ("tokyo-kita-medical-center", CareType::Stay),
    ("sho-hospital", CareType::Stay),
    ("ayase-sango-care", CareType::Stay),
    ("ayase-sango-care", CareType::Day),
    ("mizuki-josanin", CareType::Day),
    ("okudaira-josanjo", CareType::Visit),
    ("mukkumuku", CareType::Visit),
    ("mukkumuku", CareType::Stay), // not offered
];

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        3 => (0..3usize, 0..FACILITIES.len(), 0..150i64, 0..5u32, 0..(150 * 24i64))
            .prop_map(|(resident, facility, start, n, at)| Op::Book { resident, facility, start, n, at }),
        2 => (any::<usize>(), 0..(150 * 24i64)).prop_map(|(pick, at)| Op::Cancel { pick, at }),
    ]
}

fn day0() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, 1).unwrap()
}

fn hour(h: i64) -> NaiveDateTime {
    day0().and_hms_opt(0, 0, 0).unwrap() + Duration::hours(h) + Duration::minutes(h % 61)
}

fn setup(ds: &Dataset, postgres: bool) -> (Store, Option<pg::TestDb>) {
    let _ = ds;
    let (s, db) = empty_store(postgres);
    let at = hour(0);
    let mut twins = ResidentInput::new("R0", day0());
    twins.babies = 2;
    s.add_resident(&twins, at, "t").unwrap();
    let mut exempt = ResidentInput::new("R1", day0());
    exempt.exempt = true;
    s.add_resident(&exempt, at, "t").unwrap();
    let mut early = ResidentInput::new("R2", day0());
    early.due = NaiveDate::from_ymd_opt(2026, 1, 25);
    early.corrected = true;
    s.add_resident(&early, at, "t").unwrap();
    (s, db)
}

fn limits_hold(s: &Store, ds: &Dataset) -> Result<(), TestCaseError> {
    let all = s.bookings(&Default::default()).unwrap();
    for r in ["R0", "R1", "R2"] {
        let q = s.quota(&ds.programme, r).unwrap();
        for &care in CareType::ALL {
            let x = q.get(care).unwrap();
            prop_assert!(x.used <= x.limit, "{r} {care}: {x:?}");
            prop_assert_eq!(x.used + x.remaining, x.limit);
            let counted: u32 = all
                .iter()
                .filter(|b| b.resident == r && b.care == care)
                .map(|b| b.units_used())
                .sum();
            prop_assert_eq!(x.used, counted, "{} {}", r, care);
        }
    }
    Ok(())
}

/// Any sequence of bookings and cancellations on an engine keeps every limit, replays to the
/// tables, and moves through an export to an empty store of the same engine unchanged.
fn any_sequence(ops: Vec<Op>, postgres: bool) -> Result<(), TestCaseError> {
    let ds = dataset::load_embedded().unwrap();
    let (s, _db) = setup(&ds, postgres);
    for op in ops {
        match op {
            Op::Book { resident, facility, start, n, at } => {
                let (f, care) = FACILITIES[facility];
                let length = match care {
                    CareType::Stay => Length::Nights(n),
                    CareType::Day => Length::Days(n),
                    CareType::Visit => Length::Visit,
                };
                let r = format!("R{resident}");
                let before = s.quota(&ds.programme, &r).unwrap().get(care).unwrap();
                let req = BookingRequest {
                    resident: r.clone(),
                    facility: f.into(),
                    care,
                    start: day0() + Duration::days(start),
                    length,
                };
                match s.book(&ds, &req, hour(at), "t") {
                    Ok(b) => {
                        prop_assert!(before.used + b.booking.units <= before.limit);
                        prop_assert_eq!(b.plan.remaining_after, before.remaining - b.booking.units);
                    }
                    Err(e) => prop_assert!(e.is_refusal(), "not a refusal: {e}"),
                }
            }
            Op::Cancel { pick, at } => {
                let all = s.bookings(&Default::default()).unwrap();
                if all.is_empty() {
                    continue;
                }
                let b = &all[pick % all.len()];
                match s.cancel(&ds, &b.id, hour(at), "t") {
                    Ok(c) => {
                        prop_assert_eq!(c.outcome.units_charged, u32::from(c.outcome.late));
                        prop_assert!(c.booking.status.is_cancelled());
                    }
                    Err(
                        StoreError::AlreadyCancelled { .. }
                        | StoreError::AlreadyUsed { .. }
                        | StoreError::CancelBeforeBooking { .. },
                    ) => {}
                    Err(e) => prop_assert!(false, "unexpected: {e}"),
                }
            }
        }
        limits_hold(&s, &ds)?;
    }
    prop_assert_eq!(s.verify_events().unwrap(), Ok(()));

    // Export → import into an empty store → export is the same; importing twice is a no-op.
    let text = s.export_json(Some("131172")).unwrap();
    let (empty, _empty_db) = empty_store(postgres);
    let rep = empty.import_json(&ds, &text, hour(0), "other").unwrap();
    prop_assert!(rep.conflicts.is_empty(), "{rep:?}");
    prop_assert_eq!(empty.export_json(Some("131172")).unwrap(), text.clone());
    let again = empty.import_json(&ds, &text, hour(1), "other").unwrap();
    prop_assert!(again.changed_nothing(), "{again:?}");
    prop_assert_eq!(empty.verify_events().unwrap(), Ok(()));
    let back =
        s.import_json(&ds, &empty.export_json(Some("131172")).unwrap(), hour(2), "t").unwrap();
    prop_assert!(back.changed_nothing());
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn any_sequence_of_bookings_and_cancellations_keeps_the_limits_and_the_audit_trail(
        ops in prop::collection::vec(op(), 1..40)
    ) {
        any_sequence(ops, false)?;
    }

    #[test]
    fn import_never_panics_on_mangled_files(cut in 0usize..4000, byte in any::<u8>()) {
        let ds = dataset::load_embedded().unwrap();
        let (s, _db) = setup(&ds, false);
        let req = BookingRequest {
            resident: "R0".into(),
            facility: "okudaira-josanjo".into(),
            care: CareType::Visit,
            start: day0() + Duration::days(20),
            length: Length::Visit,
        };
        s.book(&ds, &req, hour(24), "t").unwrap();
        let mut bytes = s.export_json(Some("131172")).unwrap().into_bytes();
        let i = cut % bytes.len();
        bytes[i] = byte;
        let text = String::from_utf8_lossy(&bytes);
        let other = Store::open_in_memory().unwrap();
        match other.import_json(&ds, &text, hour(0), "o") {
            Ok(_) => prop_assert_eq!(other.verify_events().unwrap(), Ok(())),
            Err(e) => prop_assert!(e.is_refusal(), "{e}"),
        }
    }
}

proptest! {
    // Each case a database of its own on the server: fewer cases than in memory.
    #![proptest_config(ProptestConfig { cases: 16, ..ProptestConfig::default() })]

    #[test]
    fn on_postgresql_any_sequence_keeps_the_limits_and_the_audit_trail(
        ops in prop::collection::vec(op(), 1..40)
    ) {
        any_sequence(ops, true)?;
    }
}
