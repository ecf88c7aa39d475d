//! Benchmarks of the pure rules at city scale (issue 6).
//!
//! Budgets: a million holiday lookups and a million window computations each in under a second;
//! the phone-hours status of 2,000 facilities well inside one redraw (2 ms).
//!
//! Run: `cargo bench --bench rules` (short: `-- --warm-up-time 1 --measurement-time 3`).

use std::hint::black_box;

use chrono::{Days, NaiveDate, NaiveDateTime};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

use sango::dataset::{self, Dataset, check};
use sango::domain::booking::{self, Mother, Taken, Terms};
use sango::domain::care::{CareType, Length};
use sango::domain::fees::FeeSchedule;
use sango::domain::holidays;
use sango::domain::hours::{self, PhoneHours};
use sango::domain::limits::Quota;
use sango::domain::period::{self, Period};
use sango::synth::{self, Rng};

const MILLION: usize = 1_000_000;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a valid date")
}

fn moment(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
    date(y, m, d).and_hms_opt(h, min, 0).expect("a valid time")
}

/// A million dates: 1990-01-01 onwards, wrapping every 70 years so all stay in the rules' range.
fn million_dates() -> Vec<NaiveDate> {
    let start = date(1990, 1, 1);
    (0..MILLION as u64).map(|i| start + Days::new(i % (70 * 365))).collect()
}

fn bench_holidays(c: &mut Criterion) {
    let dates = million_dates();
    let mut g = c.benchmark_group("holidays");
    g.sample_size(10);
    g.throughput(Throughput::Elements(MILLION as u64));
    g.bench_function("holiday_name x 1M dates", |b| {
        b.iter(|| {
            let mut n = 0u32;
            for d in &dates {
                if holidays::holiday_name(black_box(*d)).is_some() {
                    n += 1;
                }
            }
            n
        })
    });
    g.finish();
    c.bench_function("holidays/holiday_name one date", |b| {
        let d = date(2026, 5, 6);
        b.iter(|| holidays::holiday_name(black_box(d)))
    });
}

/// A million (period, birth, due, corrected) inputs of every kind.
fn million_windows() -> Vec<(Period, NaiveDate, Option<NaiveDate>, bool)> {
    let mut rng = Rng::new(6);
    let kinds = [
        Period::DaysThrough(45),
        Period::DaysBefore(60),
        Period::MonthsThrough(4),
        Period::MonthsBefore(4),
        Period::YearsWithin(1),
    ];
    let start = date(2020, 1, 1);
    (0..MILLION)
        .map(|i| {
            let birth = start + Days::new(rng.below(3650));
            let due = rng.chance(30).then(|| birth + Days::new(rng.below(60)));
            (kinds[i % kinds.len()], birth, due, rng.chance(20))
        })
        .collect()
}

fn bench_windows(c: &mut Criterion) {
    let inputs = million_windows();
    let mut g = c.benchmark_group("period");
    g.sample_size(10);
    g.throughput(Throughput::Elements(MILLION as u64));
    g.bench_function("window x 1M", |b| {
        b.iter(|| {
            let mut last = date(2000, 1, 1);
            for &(p, birth, due, corrected) in &inputs {
                if let Some(w) = period::window(black_box(p), birth, due, corrected) {
                    last = last.max(w.last_day);
                }
            }
            last
        })
    });
    g.finish();
}

fn bench_hours(c: &mut Criterion) {
    let ds = synth::dataset(42, 2000);
    // Every facility's hours (the first entry with hours), as the browser shows them.
    let hours: Vec<&PhoneHours> =
        ds.facilities.iter().filter_map(|f| f.phone_hours(None)).collect();
    let moments = [
        ("weekday 10:00", moment(2026, 6, 10, 10, 0)),
        ("holiday 10:00", moment(2026, 5, 5, 10, 0)),
        ("new year 23:30", moment(2026, 12, 31, 23, 30)),
    ];
    let mut g = c.benchmark_group("hours");
    g.throughput(Throughput::Elements(ds.facilities.len() as u64));
    for (name, at) in moments {
        g.bench_function(format!("status x 2000 facilities, {name}"), |b| {
            b.iter(|| {
                let mut open = 0u32;
                // Facilities without hours cost nothing; the loop runs over all of them.
                for f in &ds.facilities {
                    if let Some(h) = f.phone_hours(None)
                        && hours::status(h, black_box(at)).open
                    {
                        open += 1;
                    }
                }
                open
            })
        });
    }
    g.bench_function("is_open x 2000 facilities", |b| {
        let at = moment(2026, 6, 10, 10, 0);
        b.iter(|| hours.iter().filter(|h| hours::is_open(h, black_box(at))).count())
    });
    g.finish();
}

fn bench_plan(c: &mut Criterion) {
    let terms = Terms {
        care: CareType::Stay,
        offered: true,
        period: Some(Period::MonthsThrough(4)),
        fee: FeeSchedule { base_yen: 3300, extra_baby_yen: 1100 },
        limit: 4,
        limit_multiples: 4,
        cancel: sango::domain::cancel::CancelRule::KITA,
    };
    let mother =
        Mother { birth: date(2026, 1, 10), due: None, corrected: false, babies: 1, exempt: false };
    let now = moment(2026, 1, 20, 9, 0);
    // Two other bookings of hers, as a busy mother has.
    let taken = [
        Taken { first_day: date(2026, 1, 22), last_day: date(2026, 1, 22) },
        Taken { first_day: date(2026, 2, 10), last_day: date(2026, 2, 11) },
    ];
    c.bench_function("booking/plan stay 2 nights", |b| {
        b.iter(|| {
            booking::plan(
                black_box(terms),
                black_box(mother),
                black_box(date(2026, 2, 2)),
                Length::Nights(2),
                Quota::new(4, 1, 0),
                black_box(&taken),
                now,
            )
        })
    });
}

/// Loading a dataset of 2,000 facilities (every command and the app's start do it once): the
/// full load (typed read + the sense checks; the field-by-field walk runs only when that fails),
/// its parts, the summary that commands reporting on bookings need, and the old walk over a
/// JSON value for comparison.
fn bench_dataset(c: &mut Criterion) {
    let ds = synth::dataset(1, 2000);
    let pretty = serde_json::to_string_pretty(&ds).expect("JSON");
    let mut g = c.benchmark_group("dataset 2000 facilities");
    g.sample_size(20);
    g.bench_function("dataset::parse (typed read + check_dataset)", |b| {
        b.iter(|| dataset::parse(black_box(&pretty), "bench").expect("valid"))
    });
    g.bench_function("typed read only", |b| {
        b.iter(|| serde_json::from_str::<Dataset>(black_box(&pretty)).expect("valid"))
    });
    g.bench_function("check_dataset only", |b| b.iter(|| check::check_dataset(black_box(&ds))));
    g.bench_function("dataset::load::parse_summary", |b| {
        b.iter(|| dataset::load::parse_summary(black_box(&pretty), "bench").expect("valid"))
    });
    g.bench_function("serde_json::from_str::<Value> (the old first pass)", |b| {
        b.iter(|| serde_json::from_str::<serde_json::Value>(black_box(&pretty)).expect("JSON"))
    });
    g.finish();
}

criterion_group!(benches, bench_holidays, bench_windows, bench_hours, bench_plan, bench_dataset);
criterion_main!(benches);
