//! `sango sync [--json]`: sends this terminal's outbox to its server in order (each command
//! with its own id: the server applies each once, however often it is sent), then pulls the
//! server's changes into the replica. `{"pushed", "pulled", "rejected", "pending"}`.

use super::{CliError, CliResult, Context, cmd_store, output};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[arg(long)]
    pub json: bool,
}

pub fn run(ctx: &Context, a: Args) -> CliResult {
    let t = cmd_store::through_server(ctx)?.ok_or_else(|| {
        CliError::refused(
            "no server is configured: set `server` in config.toml or SANGO_SERVER (and the token)",
        )
    })?;
    let report = t.sync().map_err(CliError::refused)?;
    if a.json {
        return output::json(&report);
    }
    crate::outln!(
        "同期しました Synced with {}: sent {}, pulled {}, refused {} (see `sango review list`), waiting {}",
        t.remote.url,
        report.pushed,
        report.pulled,
        report.rejected,
        report.pending
    );
    Ok(())
}
