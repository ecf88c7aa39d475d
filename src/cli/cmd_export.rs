//! `sango export --format json|csv|ics [--out FILE] [--at TIME]`: JSON to move bookings to
//! another terminal (`sango import`), CSV for Excel (UTF-8 with BOM), iCalendar for calendars.

use std::collections::HashMap;
use std::io::Write;
use std::path::PathBuf;

use chrono::NaiveDateTime;

use super::{CliError, CliResult, Context, args, cmd_store};
use crate::msg;
use crate::private_file::{self, WriteError};
use crate::store::{ExportFormat, StoreError};

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
    // The dataset is checked in full for every format, as before (from its cache: cheap).
    let ds = ctx.dataset()?;
    let store = cmd_store::open_read(ctx)?;
    let names: HashMap<&str, &str> =
        ds.facilities.iter().rev().map(|f| (f.id.as_str(), f.name.as_str())).collect();
    let name = |id: &str| names.get(id).copied();
    let ward_code = ds.programme.ward_code.as_deref();
    // Written as read: memory does not grow with the store.
    let write = |out: &mut dyn Write| -> Result<(), StoreError> {
        match a.format {
            ExportFormat::Json => store.write_export_json(out, ward_code),
            ExportFormat::Csv => {
                store.write_export_csv(out, &name, ward_code, args::at_or_now(a.at).date())
            }
            ExportFormat::Ics => store.write_export_ics(out, Some(&ds)),
        }
    };
    match &a.out {
        None => {
            let stdout = std::io::BufWriter::with_capacity(64 * 1024, std::io::stdout().lock());
            let mut out = Recording { inner: stdout, error: None };
            let cannot = |e: &std::io::Error| {
                CliError::refused(msg!(
                    "cli-export-cannot-write",
                    error = private_file::describe(e)
                ))
            };
            let written = write(&mut out);
            if let Some(e) = &out.error {
                return Err(cannot(e));
            }
            written?;
            out.flush().map_err(|e| cannot(&e))
        }
        Some(path) => {
            // A temporary file renamed over the target once whole: an error on the way leaves
            // the target as it was.
            let file = private_file::Private::create(path).map_err(refused)?;
            let mut out = Recording { inner: file, error: None };
            let written = write(&mut out);
            if let Some(e) = out.error.take() {
                return Err(refused(out.inner.io(e)));
            }
            written?;
            out.inner.finish().map_err(refused)?;
            let path = crate::visible::path(path).to_string();
            eprintln!("{}", msg!("cli-export-wrote", path = path, format = a.format.to_string()));
            Ok(())
        }
    }
}

/// An output that keeps its first error: the store reports a failed write only in words, and
/// the message must name a full disk or a file-size limit as such.
struct Recording<W: Write> {
    inner: W,
    error: Option<std::io::Error>,
}

impl<W: Write> Recording<W> {
    fn keep(&mut self, e: &std::io::Error) {
        if self.error.is_none() {
            self.error = Some(match e.raw_os_error() {
                Some(code) => std::io::Error::from_raw_os_error(code),
                None => std::io::Error::new(e.kind(), e.to_string()),
            });
        }
    }
}

impl<W: Write> Write for Recording<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.inner.write(buf).inspect_err(|e| self.keep(e))
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush().inspect_err(|e| self.keep(e))
    }
}

/// The export file (出力ファイル) could not be written: nothing was.
fn refused(e: WriteError) -> CliError {
    CliError::refused(msg!("cli-export-failed", error = e.to_string()))
}
