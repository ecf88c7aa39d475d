//! `sango import FILE [--at TIME] [--json]`: merges another terminal's JSON export. Importing
//! the same file twice changes nothing; a record with the same id but different contents is a
//! conflict, reported and not overwritten (exit 1); so is a booking the rules refuse here (over
//! a limit after the merge, overlapping, outside the window, a wrong fee), named by its rule.

use std::io::{Read, Write};
use std::path::PathBuf;

use chrono::NaiveDateTime;

use super::{CliError, CliResult, Context, args, cmd_store, import_report, output};
use crate::msg;
use crate::visible::one_line;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// An export file from `sango export --format json` (`-` for standard input).
    pub file: PathBuf,
    /// The moment of the import (default now, Japan time).
    #[arg(long, value_parser = args::moment)]
    pub at: Option<NaiveDateTime>,
    #[arg(long)]
    pub json: bool,
}

pub fn run(ctx: &Context, a: Args) -> CliResult {
    // Refused before the file is read: a terminal never imports through its server.
    cmd_store::refuse_server_admin(ctx, "`sango import`")?;
    // Read as it is merged (a whole terminal's export is over a gigabyte at city scale).
    let input: Box<dyn Read> = if a.file.as_os_str() == "-" {
        Box::new(std::io::stdin().lock())
    } else {
        Box::new(std::fs::File::open(&a.file).map_err(|e| {
            CliError::refused(msg!(
                "cli-import-cannot-read",
                path = a.file.display().to_string(),
                error = e.to_string()
            ))
        })?)
    };
    let ds = ctx.dataset()?;
    let store = cmd_store::open(ctx)?;
    // The report's lists (every id added: a million) are spooled, not held.
    let mut rep = import_report::Spool::new(import_report::IN_MEMORY);
    store.import_into(&ds, input, args::at_or_now(a.at), &cmd_store::terminal(), &mut rep)?;
    if a.json {
        let mut out = std::io::BufWriter::with_capacity(64 * 1024, std::io::stdout().lock());
        if let Err(e) = rep.write_json(&mut out).and_then(|()| out.flush()) {
            output::failed(e);
        }
    } else {
        crate::outln!(
            "{}",
            msg!(
                "cli-imported",
                residents = rep.residents_added.len(),
                added = rep.bookings_added.len(),
                updated = rep.bookings_updated.len(),
                unchanged = rep.unchanged
            )
        );
        if !rep.kept_local.is_empty() {
            let kept = rep.kept_local.ids().map_err(|e| CliError::refused(e.to_string()))?;
            let kept = one_line(&kept.join(", ")).into_owned();
            crate::outln!("  {}", msg!("cli-import-kept-local", ids = kept));
        }
        for c in &rep.conflicts {
            let c = one_line(&c.to_string()).into_owned();
            crate::outln!("  {}", msg!("cli-import-conflict", conflict = c));
        }
    }
    if let Some(first) = rep.conflicts.first() {
        return Err(CliError::refused(msg!(
            "cli-import-conflicts",
            n = rep.conflicts.len(),
            first = first.to_string()
        )));
    }
    Ok(())
}
