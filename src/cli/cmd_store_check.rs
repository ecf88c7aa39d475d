//! `sango store check [--json]`: the full damage check of the booking store, on demand (large
//! stores skip the quick check on open, see `store::QUICK_CHECK_MAX_BYTES`).

use super::output;
use super::{CliResult, Context};
use crate::store::{DataDir, Store, paths};
use crate::visible;

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
    ctx.config()?;
    let dir = DataDir::resolve(ctx.data_dir.as_deref())?;
    // Checking only reads: it works in a read-only folder, and never creates a store.
    let Some(store) = Store::open_read_only(&dir)? else {
        let path = dir.path.join(paths::DB_FILE);
        if json {
            return output::json(&serde_json::json!({"ok": true, "path": path, "exists": false}));
        }
        crate::outln!("{}: no store yet (まだありません), nothing to check", visible::path(&path));
        return Ok(());
    };
    store.integrity_check()?;
    if json {
        output::json(&serde_json::json!({"ok": true, "path": store.path(), "exists": true}))
    } else {
        crate::outln!("{}: OK", visible::path(store.path()));
        Ok(())
    }
}
