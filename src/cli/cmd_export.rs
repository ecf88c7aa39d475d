//! `sango export --format json|csv|ics [--out FILE] [--at TIME]`: JSON to move bookings to
//! another terminal (`sango import`), CSV for Excel (UTF-8 with BOM), iCalendar for calendars.

use std::io::Write;
use std::path::{Path, PathBuf};

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
            write_atomically(path, text.as_bytes()).map_err(|e| {
                CliError::refused(format!(
                    "cannot write the export file (出力ファイル) {}: {e}",
                    path.display()
                ))
            })?;
            eprintln!("書き出しました Wrote {} ({})", path.display(), a.format);
            Ok(())
        }
    }
}

/// Writes through a temporary file in the same folder and renames it, so a reader never sees
/// half a file.
fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}
