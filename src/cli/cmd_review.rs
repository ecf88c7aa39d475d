//! `sango review list [--json]`: the commands this terminal made (offline, provisional) that
//! its server refused when they were sent, each with the server's message naming the rule
//! (利用上限, 利用期間, ...), for a clerk to resolve.

use serde::Serialize;
use serde_json::Value;

use super::{CliError, CliResult, Context, cmd_store, output};
use crate::msg;
use crate::visible::one_line;

#[derive(Debug, clap::Subcommand)]
pub enum ReviewCommand {
    /// List the refused commands (要確認).
    List {
        #[arg(long)]
        json: bool,
    },
    /// Resolve one (対応済み): recorded as an event on the server, then it leaves the list.
    /// Rebook or cancel with `sango book` / `sango cancel` first, then say so here.
    Resolve {
        /// The command id (`sango review list`).
        id: String,
        /// What was done (対応内容), e.g. "phoned her; booked 2026-01-28 at Oji instead".
        #[arg(long)]
        note: String,
        /// note (default), rebooked or cancelled.
        #[arg(long = "as", default_value = "note", value_parser = ["note", "rebooked", "cancelled"])]
        resolution: String,
        /// The booking made instead (with --as rebooked).
        #[arg(long)]
        booking: Option<String>,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Serialize)]
struct Item {
    id: String,
    kind: String,
    command: Value,
    /// The server's error code (`refused`: a rule; `conflict`; `not_found`...).
    error: Option<String>,
    message: Option<String>,
    made_at: String,
    refused_at: Option<String>,
}

pub fn run(ctx: &Context, c: ReviewCommand) -> CliResult {
    let json = match c {
        ReviewCommand::List { json } => json,
        ReviewCommand::Resolve { id, note, resolution, booking, json } => {
            let t = cmd_store::through_server(ctx)?
                .ok_or_else(|| CliError::refused(msg!("cli-review-no-server")))?;
            let answer = t
                .resolve(&id, &resolution, &note, booking.as_deref())
                .map_err(CliError::refused)?;
            if json {
                return output::json(&answer);
            }
            let id = one_line(&id).into_owned();
            crate::outln!("{}", msg!("cli-review-resolved", id = id, how = resolution.to_string()));
            return Ok(());
        }
    };
    let t = cmd_store::through_server(ctx)?
        .ok_or_else(|| CliError::refused(msg!("cli-review-no-server")))?;
    let items: Vec<Item> = t
        .review_list()
        .map_err(CliError::refused)?
        .into_iter()
        .map(|e| Item {
            id: e.command_id,
            kind: e.kind,
            command: e.body,
            error: e.answer.as_ref().and_then(|a| a["error"].as_str()).map(str::to_string),
            message: e.message,
            made_at: e.created_at,
            refused_at: e.decided_at,
        })
        .collect();
    if json {
        return output::json(&serde_json::json!({ "review": items }));
    }
    if items.is_empty() {
        crate::outln!("{}", msg!("cli-review-empty"));
        return Ok(());
    }
    for i in &items {
        crate::outln!(
            "{}  {} {}  {}",
            one_line(&i.id),
            one_line(&i.kind),
            one_line(&i.command.to_string()),
            one_line(i.message.as_deref().unwrap_or(""))
        );
    }
    Ok(())
}
