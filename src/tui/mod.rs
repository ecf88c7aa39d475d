//! The terminal app.
//! PLACEHOLDER: the TUI helper replaces this.

use crate::cli::{CliResult, Context};

/// Opens the terminal app (sango with no subcommand).
pub fn run_from_cli(ctx: &Context) -> CliResult {
    let _ = ctx.dataset()?;
    Err(crate::cli::CliError::refused("the terminal app is not built yet"))
}
