//! `sango synth --seed N --facilities N --residents N --bookings N --out DIR [--until DATE]`
//! (hidden): writes a synthetic but valid load for benchmarks, deterministic from the seed:
//! DIR/dataset.json (the embedded programme with N generated facilities) and a store in
//! DIR/data (residents, bookings with cancellations, and their audit events), bulk-loaded in
//! one transaction. See BENCHMARKS.md.

use std::path::PathBuf;
use std::time::Instant;

use chrono::NaiveDate;
use serde::Serialize;

use super::{CliError, CliResult, args, output};
use crate::msg;
use crate::store::bulk::Bulk;
use crate::synth;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Seed of the generator (the same seed gives the same files).
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    #[arg(long, default_value_t = 2_000)]
    pub facilities: usize,
    #[arg(long, default_value_t = 300_000)]
    pub residents: usize,
    #[arg(long, default_value_t = 1_000_000)]
    pub bookings: usize,
    /// The last day of the history (default 2026-11-01).
    #[arg(long, value_parser = args::date)]
    pub until: Option<NaiveDate>,
    /// Folder to write dataset.json and data/ into (created; data/ must not hold a store).
    #[arg(long)]
    pub out: PathBuf,
    #[arg(long)]
    pub json: bool,
}

#[derive(Serialize)]
struct Summary {
    dataset: PathBuf,
    data_dir: PathBuf,
    facilities: usize,
    residents: usize,
    bookings: usize,
    cancelled: usize,
    cancelled_late: usize,
    seconds: f64,
    /// Seconds of each phase: dataset, history, rows (one transaction), commit and checks.
    phases: [f64; 4],
    /// Residents with bookings, the first few (to try `quota --resident`).
    sample_residents: Vec<String>,
}

pub fn run(a: Args) -> CliResult {
    let started = Instant::now();
    if a.facilities == 0 && a.bookings > 0 {
        return Err(CliError::Usage(msg!("cli-synth-no-facility")));
    }
    let (y, m, d) = synth::DEFAULT_UNTIL;
    let until = a.until.or_else(|| NaiveDate::from_ymd_opt(y, m, d)).unwrap_or_default();
    let io = |what: &str, e: std::io::Error| {
        CliError::refused(msg!("cli-synth-cannot-write", what = what, error = e.to_string()))
    };
    let data_dir = a.out.join("data");
    std::fs::create_dir_all(&data_dir).map_err(|e| io(&data_dir.display().to_string(), e))?;

    let ds = synth::dataset(a.seed, a.facilities);
    let text = serde_json::to_string_pretty(&ds)
        .map_err(|e| CliError::refused(msg!("cli-cannot-write-json", error = e.to_string())))?;
    // The file must read back as a valid dataset.
    crate::dataset::parse(&text, "synthetic dataset")?;
    let dataset_path = a.out.join("dataset.json");
    std::fs::write(&dataset_path, text).map_err(|e| io(&dataset_path.display().to_string(), e))?;

    let t_dataset = started.elapsed().as_secs_f64();
    let history = synth::history(a.seed, &ds, a.residents, a.bookings, until);
    let t_history = started.elapsed().as_secs_f64();
    let load = Bulk::create(&data_dir)?;
    {
        let mut w = load.writer()?;
        history.write(&mut w)?;
    }
    let t_rows = started.elapsed().as_secs_f64();
    drop(load.finish()?);
    let t_end = started.elapsed().as_secs_f64();

    let (cancelled, cancelled_late) = history.cancellations();
    let mut sample: Vec<String> = Vec::new();
    for b in &history.bookings {
        let id = &history.residents[b.resident as usize].record.id;
        if !sample.contains(id) {
            sample.push(id.clone());
        }
        if sample.len() == 5 {
            break;
        }
    }
    let summary = Summary {
        dataset: dataset_path,
        data_dir,
        facilities: ds.facilities.len(),
        residents: history.residents.len(),
        bookings: history.bookings.len(),
        cancelled,
        cancelled_late,
        seconds: t_end,
        phases: [t_dataset, t_history - t_dataset, t_rows - t_history, t_end - t_rows],
        sample_residents: sample,
    };
    if a.json {
        return output::json(&summary);
    }
    // Counts as plain digits and seconds to a tenth, as the benchmarks' notes quote them.
    let s = |x: f64| format!("{x:.1}");
    crate::outln!(
        "{}",
        msg!(
            "cli-synth-done",
            seed = a.seed.to_string(),
            facilities = summary.facilities.to_string(),
            residents = summary.residents.to_string(),
            bookings = summary.bookings.to_string(),
            cancelled = summary.cancelled.to_string(),
            late = summary.cancelled_late.to_string(),
            seconds = s(summary.seconds)
        )
    );
    let [p1, p2, p3, p4] = summary.phases;
    crate::outln!(
        "  {}",
        msg!("cli-synth-phases", dataset = s(p1), history = s(p2), rows = s(p3), commit = s(p4))
    );
    let dataset = summary.dataset.display().to_string();
    crate::outln!("  {}", msg!("cli-synth-dataset", path = dataset));
    let data_dir = summary.data_dir.display().to_string();
    crate::outln!("  {}", msg!("cli-synth-data-dir", path = data_dir));
    if !summary.sample_residents.is_empty() {
        let ids = summary.sample_residents.join(", ");
        crate::outln!("  {}", msg!("cli-synth-sample", ids = ids));
    }
    Ok(())
}
