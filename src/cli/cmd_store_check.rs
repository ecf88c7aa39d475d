//! `sango store check [--json]`: the full damage check of the booking store, on demand (large
//! stores skip the quick check on open, see `store::QUICK_CHECK_MAX_BYTES`).

use super::output;
use super::{CliResult, Context, cmd_store};

#[derive(Debug, clap::Subcommand)]
pub enum StoreCommand {
    /// Check the whole database file for damage (PRAGMA integrity_check); exit 1 if damaged.
    Check {
        #[arg(long)]
        json: bool,
    },
}

pub fn run(ctx: &Context, c: StoreCommand) -> CliResult {
    let StoreCommand::Check { json } = c;
    let store = cmd_store::open(ctx)?;
    store.integrity_check()?;
    if json {
        output::json(&serde_json::json!({"ok": true, "path": store.path()}))
    } else {
        crate::outln!("{}: OK", crate::visible::path(store.path()));
        Ok(())
    }
}
