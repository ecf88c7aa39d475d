//! `sango export --format json|csv|ics [--out FILE] [--at TIME]`: JSON to move bookings to
//! another terminal (`sango import`), CSV for Excel (UTF-8 with BOM), iCalendar for calendars.

use std::io::Write;
use std::path::PathBuf;

use chrono::NaiveDateTime;

use super::{CliError, CliResult, Context, args, cmd_store};
use crate::store::ExportFormat;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// json (for `sango import`), csv (Excel) or ics (calendar).
    #[arg(long, default_value = "json", value_parser = |s: &str| s.parse::<ExportFormat>())]
    pub format: ExportFormat,
    /// Write to this file instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// The moment that decides which bookings read as used in CSV (default now, Japan time).
    #[arg(long, value_parser = args::moment)]
    pub at: Option<NaiveDateTime>,
}

pub fn run(ctx: &Context, a: Args) -> CliResult {
    let ds = ctx.dataset()?;
    let store = cmd_store::open(ctx)?;
    let text = match a.format {
        ExportFormat::Json => store.export_json()?,
        ExportFormat::Csv => store.export_csv(Some(&ds), args::at_or_now(a.at).date())?,
        ExportFormat::Ics => store.export_ics(Some(&ds))?,
    };
    match &a.out {
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(text.as_bytes())
                .and_then(|()| out.flush())
                .map_err(|e| CliError::refused(format!("cannot write the export: {e}")))
        }
        Some(path) => {
            crate::atomic_write::write_atomically(path, text.as_bytes()).map_err(|e| {
                CliError::refused(format!(
                    "cannot write the export file (出力ファイル) {}: {e}",
                    path.display()
                ))
            })?;
            eprintln!("書き出しました Wrote {} ({})", crate::visible::path(path), a.format);
            Ok(())
        }
    }
}
