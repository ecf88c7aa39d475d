//! The command line: every question the screens answer, scriptable, with `--json` output.
//! With no subcommand, sango opens the terminal app.

pub mod args;
pub mod cmd_application;
pub mod cmd_book;
pub mod cmd_bookings;
pub mod cmd_cancel;
pub mod cmd_config;
pub mod cmd_dataset;
pub mod cmd_export;
pub mod cmd_facilities;
pub mod cmd_fee;
pub mod cmd_holidays;
pub mod cmd_hours;
pub mod cmd_import;
pub mod cmd_login;
pub mod cmd_no_show;
pub mod cmd_quota;
pub mod cmd_report;
pub mod cmd_resident;
pub mod cmd_review;
pub mod cmd_serve;
pub mod cmd_staff;
pub mod cmd_store;
pub mod cmd_store_check;
pub mod cmd_sync;
pub mod cmd_synth;
pub mod cmd_window;
pub mod error;
pub mod import_report;
pub mod lang;
pub mod output;
pub mod secret_input;

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
    /// A shared PostgreSQL store instead of the data folder's file:
    /// postgres://USER@HOST:PORT/DATABASE, the password in ~/.pgpass or PGPASSWORD (also
    /// SANGO_DATABASE, or `database` in the settings).
    #[arg(long, global = true, value_name = "URL")]
    pub database: Option<String>,
    /// Language of the terminal app: ja (default) or en.
    #[arg(long, global = true, value_name = "LANG")]
    pub lang: Option<String>,
    /// Settings file to use instead of config.toml in the config folder (also SANGO_CONFIG_DIR).
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Open the terminal app as a resident kiosk (needs a staff PIN: `sango staff set-pin`).
    #[arg(long, global = true)]
    pub kiosk: bool,
    /// Use the practice store (練習用) for training and scripts: any --at is accepted, nothing
    /// mixes with live data (also SANGO_PRACTICE=1).
    #[arg(long, global = true)]
    pub practice: bool,
    /// With --practice, the moment the terminal app starts at (YYYY-MM-DDTHH:MM, Japan time);
    /// its clock runs on from there.
    #[arg(long, value_name = "TIME", value_parser = args::moment)]
    pub at: Option<chrono::NaiveDateTime>,
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
    /// When to apply (事前申請) and when the coupon is expected, by the programme's rule.
    Application(cmd_application::Args),
    /// Japanese public holidays of a year (国民の祝日).
    Holidays(cmd_holidays::Args),
    /// Check or inspect a dataset file (データセット).
    #[command(subcommand)]
    Dataset(cmd_dataset::DatasetCommand),
    /// Register and look up residents (利用者).
    #[command(subcommand)]
    Resident(cmd_resident::ResidentCommand),
    /// Book care for a resident (予約).
    Book(cmd_book::Args),
    /// Cancel a booking (キャンセル); the facility must also be phoned.
    Cancel(cmd_cancel::Args),
    /// Record that nobody came to a booking (無断キャンセル).
    NoShow(cmd_no_show::Args),
    /// A resident's use of each limit (利用上限).
    Quota(cmd_quota::Args),
    /// List bookings (予約一覧).
    Bookings(cmd_bookings::Args),
    /// Export bookings as JSON, CSV or iCalendar (書き出し).
    Export(cmd_export::Args),
    /// Merge another terminal's JSON export (取り込み).
    Import(cmd_import::Args),
    /// Show the settings (設定).
    #[command(subcommand)]
    Config(cmd_config::ConfigCommand),
    /// The staff PIN that guards leaving kiosk mode (職員PIN).
    #[command(subcommand)]
    Staff(cmd_staff::StaffCommand),
    /// The monthly report per facility (月次報告).
    Report(cmd_report::Args),
    /// Check the booking store for damage (データベースの点検).
    #[command(subcommand)]
    Store(cmd_store_check::StoreCommand),
    /// Run a ward's server (`--listen ADDR`), or manage who may use it: terminals and staff
    /// (サーバー).
    Serve(cmd_serve::ServeArgs),
    /// Send this terminal's outbox to its server and pull the changes (同期).
    Sync(cmd_sync::Args),
    /// Sign a staff member in at this terminal; the password is read from stdin (サインイン).
    Login(cmd_login::LoginArgs),
    /// Sign the staff member out at this terminal (サインアウト).
    Logout(cmd_login::LogoutArgs),
    /// Commands the server refused on sync, for a clerk (要確認).
    #[command(subcommand)]
    Review(cmd_review::ReviewCommand),
    /// Write a synthetic load for benchmarks: dataset.json and a store (see BENCHMARKS.md).
    #[command(hide = true)]
    Synth(cmd_synth::Args),
}

/// Options every command shares, resolved once.
pub struct Context {
    pub dataset_path: Option<PathBuf>,
    pub data_dir: Option<PathBuf>,
    /// `--database URL`.
    pub database: Option<String>,
    pub lang: Option<String>,
    /// `--config FILE`.
    pub config_path: Option<PathBuf>,
    /// `--kiosk`.
    pub kiosk: bool,
    /// `--practice` or `SANGO_PRACTICE`: the practice store instead of the live one.
    pub practice: bool,
    /// `sango --at TIME` (the terminal app on the practice store).
    pub at: Option<chrono::NaiveDateTime>,
}

impl Context {
    pub fn dataset(&self) -> CliResult<Dataset> {
        Ok(dataset::load(self.dataset_path.as_deref())?)
    }
}

/// Parses the arguments, runs the command and returns the exit code.
pub fn run() -> ExitCode {
    lang::choose(std::env::args_os().skip(1));
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) if e.use_stderr() => {
            // A usage error echoes what was typed: plain text, each line made visible.
            for line in e.render().to_string().trim_end().lines() {
                eprintln!("{}", crate::visible::one_line(line));
            }
            return ExitCode::from(2);
        }
        Err(e) => {
            // Help and version, on stdout.
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
    };
    let ctx = Context {
        dataset_path: cli.dataset,
        data_dir: cli.data_dir,
        database: cli.database,
        lang: cli.lang,
        config_path: cli.config,
        kiosk: cli.kiosk,
        practice: cli.practice || practice_from_env(),
        at: cli.at,
    };
    let result = match cli.command {
        None => cmd_staff::kiosk_guard(&ctx).and_then(|()| crate::tui::run_from_cli(&ctx)),
        Some(Command::Facilities(a)) => cmd_facilities::run(&ctx, a),
        Some(Command::Hours(a)) => cmd_hours::run(&ctx, a),
        Some(Command::Window(a)) => cmd_window::run(&ctx, a),
        Some(Command::Fee(a)) => cmd_fee::run(&ctx, a),
        Some(Command::Application(a)) => cmd_application::run(&ctx, a),
        Some(Command::Holidays(a)) => cmd_holidays::run(a),
        Some(Command::Dataset(c)) => cmd_dataset::run(c),
        Some(Command::Resident(c)) => cmd_resident::run(&ctx, c),
        Some(Command::Book(a)) => cmd_book::run(&ctx, a),
        Some(Command::Cancel(a)) => cmd_cancel::run(&ctx, a),
        Some(Command::NoShow(a)) => cmd_no_show::run(&ctx, a),
        Some(Command::Quota(a)) => cmd_quota::run(&ctx, a),
        Some(Command::Bookings(a)) => cmd_bookings::run(&ctx, a),
        Some(Command::Export(a)) => cmd_export::run(&ctx, a),
        Some(Command::Import(a)) => cmd_import::run(&ctx, a),
        Some(Command::Config(c)) => cmd_config::run(&ctx, c),
        Some(Command::Staff(c)) => cmd_staff::run(&ctx, c),
        Some(Command::Report(a)) => cmd_report::run(&ctx, a),
        Some(Command::Store(c)) => cmd_store_check::run(&ctx, c),
        Some(Command::Serve(c)) => cmd_serve::run(&ctx, c),
        Some(Command::Sync(a)) => cmd_sync::run(&ctx, a),
        Some(Command::Login(a)) => cmd_login::login(&ctx, a),
        Some(Command::Logout(a)) => cmd_login::logout(&ctx, a),
        Some(Command::Review(c)) => cmd_review::run(&ctx, c),
        Some(Command::Synth(a)) => cmd_synth::run(a),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("sango: {}", e.shown());
            e.exit_code()
        }
    }
}

/// The environment variable that selects the practice store.
pub const PRACTICE_ENV: &str = "SANGO_PRACTICE";

/// Whether `SANGO_PRACTICE` asks for the practice store (`1`, `true`, `yes`, `on`).
fn practice_from_env() -> bool {
    std::env::var(PRACTICE_ENV).is_ok_and(|v| {
        matches!(v.trim().to_ascii_lowercase().as_str(), "1" | "true" | "yes" | "on")
    })
}

/// Finds a facility by id, or says which ids exist.
pub fn facility<'a>(ds: &'a Dataset, id: &str) -> CliResult<&'a dataset::Facility> {
    ds.facility(id).ok_or_else(|| CliError::refused(crate::msg!("cli-unknown-facility", id = id)))
}
