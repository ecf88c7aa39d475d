//! The command line: every question the screens answer, scriptable, with `--json` output.
//! With no subcommand, sango opens the terminal app.

pub mod args;
pub mod cmd_dataset;
pub mod cmd_facilities;
pub mod cmd_fee;
pub mod cmd_holidays;
pub mod cmd_hours;
pub mod cmd_window;
pub mod error;
pub mod output;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::dataset::{self, Dataset};
pub use error::{CliError, CliResult};

#[derive(Debug, Parser)]
#[command(
    name = "sango",
    version,
    about = "北区 産後ケア booking assistant (Kita City postpartum care)"
)]
pub struct Cli {
    /// Dataset file to use instead of the embedded Kita City one (also SANGO_DATASET).
    #[arg(long, global = true, value_name = "FILE")]
    pub dataset: Option<PathBuf>,
    /// Folder of the booking store (also SANGO_DATA_DIR).
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// Language of the terminal app: ja (default) or en.
    #[arg(long, global = true, value_name = "LANG")]
    pub lang: Option<String>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List the partner facilities (施設一覧).
    Facilities(cmd_facilities::Args),
    /// Whether a facility's phone line takes reservations now (電話受付時間).
    Hours(cmd_hours::Args),
    /// The days on which a mother may use a facility's care (利用期間).
    Window(cmd_window::Args),
    /// The fee of a number of days or visits (利用料).
    Fee(cmd_fee::Args),
    /// Japanese public holidays of a year (国民の祝日).
    Holidays(cmd_holidays::Args),
    /// Check or inspect a dataset file (データセット).
    #[command(subcommand)]
    Dataset(cmd_dataset::DatasetCommand),
}

/// Options every command shares, resolved once.
pub struct Context {
    pub dataset_path: Option<PathBuf>,
    pub data_dir: Option<PathBuf>,
    pub lang: Option<String>,
}

impl Context {
    pub fn dataset(&self) -> CliResult<Dataset> {
        Ok(dataset::load(self.dataset_path.as_deref())?)
    }
}

/// Parses the arguments, runs the command and returns the exit code.
pub fn run() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // clap prints help/version to stdout with exit 0 and usage errors to stderr with 2.
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    let ctx = Context { dataset_path: cli.dataset, data_dir: cli.data_dir, lang: cli.lang };
    let result = match cli.command {
        None => crate::tui::run_from_cli(&ctx),
        Some(Command::Facilities(a)) => cmd_facilities::run(&ctx, a),
        Some(Command::Hours(a)) => cmd_hours::run(&ctx, a),
        Some(Command::Window(a)) => cmd_window::run(&ctx, a),
        Some(Command::Fee(a)) => cmd_fee::run(&ctx, a),
        Some(Command::Holidays(a)) => cmd_holidays::run(a),
        Some(Command::Dataset(c)) => cmd_dataset::run(c),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("sango: {e}");
            e.exit_code()
        }
    }
}

/// Finds a facility by id, or says which ids exist.
pub fn facility<'a>(ds: &'a Dataset, id: &str) -> CliResult<&'a dataset::Facility> {
    ds.facility(id).ok_or_else(|| {
        CliError::refused(format!(
            "unknown facility (施設) '{id}': see `sango facilities` for the ids"
        ))
    })
}
