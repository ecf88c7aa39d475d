//! `sango sync [--json]`: sends this terminal's outbox to its server in order (each command
//! with its own id: the server applies each once, however often it is sent), then pulls the
//! server's changes into the replica. `{"pushed", "pulled", "rejected", "pending"}`.
//! `sango sync --status [--json]` only says where the terminal stands (no request): since
//! when the server is away, the data's age, how many commands wait and how many are in review.

use super::{CliError, CliResult, Context, cmd_store, output};
use crate::msg;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Only say where the terminal stands, without asking the server.
    #[arg(long)]
    pub status: bool,
    #[arg(long)]
    pub json: bool,
}

pub fn run(ctx: &Context, a: Args) -> CliResult {
    let t = cmd_store::through_server(ctx)?
        .ok_or_else(|| CliError::refused(msg!("cli-sync-no-server")))?;
    if a.status {
        let st = t.status().map_err(CliError::refused)?;
        if a.json {
            return output::json(&st);
        }
        let server = st.server.to_string();
        match &st.offline_since {
            Some(since) => crate::outln!(
                "{}",
                msg!("cli-sync-offline", since = since.to_string(), server = server)
            ),
            None => crate::outln!("{}", msg!("cli-sync-online", server = server)),
        }
        let as_of = match st.data_as_of.as_deref() {
            Some(at) => at.to_string(),
            None => msg!("cli-never"),
        };
        crate::outln!(
            "{}",
            msg!(
                "cli-sync-status",
                at = as_of,
                waiting = st.pending.to_string(),
                review = st.review.to_string()
            )
        );
        return Ok(());
    }
    let report = t.sync().map_err(CliError::refused)?;
    if a.json {
        return output::json(&report);
    }
    crate::outln!(
        "{}",
        msg!(
            "cli-synced",
            server = t.remote.url.to_string(),
            sent = report.pushed.to_string(),
            pulled = report.pulled.to_string(),
            refused = report.rejected.to_string(),
            waiting = report.pending.to_string()
        )
    );
    Ok(())
}
