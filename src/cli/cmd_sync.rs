//! `sango sync [--json]`: sends this terminal's outbox to its server in order (each command
//! with its own id: the server applies each once, however often it is sent), then pulls the
//! server's changes into the replica. `{"pushed", "pulled", "rejected", "pending"}`.
//! `sango sync --status [--json]` only says where the terminal stands (no request): since
//! when the server is away, the data's age, how many commands wait and how many are in review.

use super::{CliError, CliResult, Context, cmd_store, output};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Only say where the terminal stands, without asking the server.
    #[arg(long)]
    pub status: bool,
    #[arg(long)]
    pub json: bool,
}

pub fn run(ctx: &Context, a: Args) -> CliResult {
    let t = cmd_store::through_server(ctx)?.ok_or_else(|| {
        CliError::refused(
            "no server is configured: set `server` in config.toml or SANGO_SERVER (and the token)",
        )
    })?;
    if a.status {
        let st = t.status().map_err(CliError::refused)?;
        if a.json {
            return output::json(&st);
        }
        match &st.offline_since {
            Some(since) => crate::outln!("オフライン Offline since {since} ({})", st.server),
            None => crate::outln!("オンライン Online ({})", st.server),
        }
        crate::outln!(
            "データ時点 Data as of {}; 未送信 waiting {}; 要確認 review {}",
            st.data_as_of.as_deref().unwrap_or("never"),
            st.pending,
            st.review
        );
        return Ok(());
    }
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
