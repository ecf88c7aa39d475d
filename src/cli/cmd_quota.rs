//! `sango quota --resident ID [--json]`: a mother's use of each limit (利用上限), counting
//! booked units and late-cancel charges.

use super::{CliResult, Context, cmd_store, lang, output};
use crate::dataset::Programme;
use crate::i18n::words;
use crate::msg;
use crate::store::QuotaReport;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The user number (利用者番号).
    #[arg(long)]
    pub resident: String,
    #[arg(long)]
    pub json: bool,
}

pub fn run(ctx: &Context, a: Args) -> CliResult {
    // Only the limits are needed: the programme alone is read from the dataset.
    let programme = crate::dataset::load_programme(ctx.dataset_path.as_deref())?;
    let store = cmd_store::open_read(ctx)?;
    let q = store.quota(&programme, &a.resident)?;
    if a.json {
        return output::json(&q);
    }
    crate::outln!("{}", msg!("cli-resident-heading", id = crate::visible::one_line(&a.resident)));
    print(&programme, &q);
    Ok(())
}

/// The quota as a small table.
pub fn print(programme: &Programme, q: &QuotaReport) {
    let rows: Vec<Vec<String>> = q
        .types
        .iter()
        .map(|&(c, x)| {
            let u = |n| words::units(lang::lang(), n, c.unit());
            vec![
                crate::visible::one_line(&programme.care_name(c)).into_owned(),
                u(x.limit),
                u(x.used),
                u(x.remaining),
                if x.late_cancel_charges > 0 { u(x.late_cancel_charges) } else { String::new() },
            ]
        })
        .collect();
    let heads = [
        "cli-quota-col-type",
        "cli-quota-col-limit",
        "cli-quota-col-used",
        "cli-quota-col-remaining",
        "cli-quota-col-late",
    ];
    crate::outln!("{}", output::message_table(&heads, &rows));
}
