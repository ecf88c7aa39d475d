//! `sango export --format json|csv|ics [--out FILE] [--at TIME]`: JSON to move bookings to
//! another terminal (`sango import`), CSV for Excel (UTF-8 with BOM), iCalendar for calendars.

use std::io::Write;
use std::path::PathBuf;

use chrono::NaiveDateTime;

use super::{CliError, CliResult, Context, args, cmd_store};
use crate::private_file::{self, WriteError};
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
    // A target that is not a regular file is refused before anything is read.
    if let Some(path) = &a.out {
        private_file::check_target(path).map_err(refused)?;
    }
    let ds = ctx.dataset()?;
    let store = cmd_store::open_read(ctx)?;
    let text = match a.format {
        ExportFormat::Json => store.export_json()?,
        ExportFormat::Csv => store.export_csv(Some(&ds), args::at_or_now(a.at).date())?,
        ExportFormat::Ics => store.export_ics(Some(&ds))?,
    };
    match &a.out {
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(text.as_bytes()).and_then(|()| out.flush()).map_err(|e| {
                CliError::refused(format!(
                    "cannot write the export: {}",
                    private_file::describe(&e)
                ))
            })
        }
        Some(path) => {
            private_file::write(path, text.as_bytes()).map_err(refused)?;
            eprintln!("書き出しました Wrote {} ({})", crate::visible::path(path), a.format);
            Ok(())
        }
    }
}

/// The export file (出力ファイル) could not be written: nothing was.
fn refused(e: WriteError) -> CliError {
    CliError::refused(format!("the export file (出力ファイル): {e}; nothing was written"))
}
