//! `sango cancel BOOKING [--at TIME] [--json]`: cancels a booking; at or after 11:00 the day
//! before its first day it is late and uses 1 unit. The facility must also be phoned.

use crate::i18n::words;
use crate::msg;
use chrono::NaiveDateTime;
use serde::Serialize;

use super::{CliResult, Context, args, cmd_store, lang, output};
use crate::dataset::Dataset;
use crate::visible::one_line;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The booking's code (予約番号, e.g. K7MX-3RPA) or its long id (予約ID).
    pub booking: String,
    /// The moment of cancellation (default now, Japan time).
    #[arg(long, value_parser = args::moment)]
    pub at: Option<NaiveDateTime>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Serialize)]
struct Answer<'a> {
    id: &'a str,
    code: Option<&'a str>,
    late: bool,
    units_charged: u32,
    status: &'static str,
    cancelled_at: String,
    cancel_by: String,
    resident: &'a str,
    facility: &'a str,
    facility_name: Option<&'a str>,
    /// Numbers to phone: the facility's, or the ward's contacts when the dataset lacks it.
    phones: Vec<String>,
}

/// Whom to call: the facility, else the programme's contact desks.
fn phones_to_call(ds: &Dataset, facility_phones: &[String]) -> Vec<String> {
    if !facility_phones.is_empty() {
        return facility_phones.to_vec();
    }
    ds.programme.contacts.iter().map(|c| format!("{} {}", c.name, c.phone)).collect()
}

pub fn run(ctx: &Context, a: Args) -> CliResult {
    if let Some(t) = cmd_store::through_server(ctx)? {
        return through_server(&t, &a);
    }
    let store = cmd_store::open(ctx)?;
    // The programme and the booking's facility (its name and phones); an unknown booking is
    // refused by `cancel` itself.
    let facility = store.booking(&a.booking)?.map(|b| b.facility).unwrap_or_default();
    let ds = crate::dataset::load_for_facility(ctx.dataset_path.as_deref(), &facility)?;
    let c = store.cancel(&ds, &a.booking, args::at_or_now(a.at), &cmd_store::terminal())?;
    let b = &c.booking;
    let phones = phones_to_call(&ds, &c.phones);
    if a.json {
        return output::json(&Answer {
            id: &b.id,
            code: b.code.as_deref(),
            late: c.outcome.late,
            units_charged: c.outcome.units_charged,
            status: b.status.id(),
            cancelled_at: b.cancelled_at.map(cmd_store::time).unwrap_or_default(),
            cancel_by: cmd_store::time(b.cancel_by(&ds.programme.cancellation.rule())),
            resident: &b.resident,
            facility: &b.facility,
            facility_name: c.facility_name.as_deref(),
            phones,
        });
    }
    crate::outln!("{}", msg!("cli-cancelled", id = one_line(&b.id)));
    if c.outcome.late {
        let cutoff = b.cancel_by(&ds.programme.cancellation.rule());
        crate::outln!(
            "  {}",
            msg!(
                "cli-cancelled-late",
                cutoff = cutoff.format("%Y-%m-%d %H:%M").to_string(),
                used = words::units(lang::lang(), c.outcome.units_charged, b.care.unit()),
                care = b.care.to_string()
            )
        );
    } else {
        crate::outln!("  {}", msg!("cli-cancelled-on-time"));
    }
    let name = c.facility_name.as_deref().unwrap_or(&b.facility);
    crate::outln!("  {}", msg!("cli-phone-the-facility", name = one_line(name)));
    for p in &phones {
        crate::outln!("    ☎ {}", one_line(p));
    }
    Ok(())
}

/// `sango cancel` through the server: decided there, or, offline, kept as a provisional
/// cancellation of a booking the replica holds.
fn through_server(t: &crate::terminal::Terminal, a: &Args) -> CliResult {
    use crate::terminal::Outcome;
    use serde_json::json;
    let outcome = t.cancel(&a.booking, a.at).map_err(super::CliError::refused)?;
    let out = match outcome {
        Outcome::Decided { command_id, result, replayed } => {
            let b = &result["booking"];
            json!({
                "status": b["status"],
                "command_id": command_id,
                "replayed": replayed,
                "id": b["id"],
                "code": b["code"],
                "late": result["outcome"]["late"],
                "units_charged": result["outcome"]["units_charged"],
                "cancelled_at": b["cancelled_at"],
                "resident": b["resident"],
                "facility": b["facility"],
                "facility_name": result["facility_name"],
                "phones": result["phones"],
            })
        }
        Outcome::Provisional { command_id, checked, data_as_of, offline_since } => {
            let b = &checked["booking"];
            json!({
                "status": "provisional",
                "command_id": command_id,
                "id": b["id"],
                "code": b["code"],
                "resident": b["resident"],
                "facility": b["facility"],
                "data_as_of": data_as_of,
                "offline_since": offline_since,
                // Read by scripts: --json never changes with the language.
                "note": "仮取消 provisional: the server could not be reached; staff will confirm \
                         the cancellation when it is reached again (sango sync). Please also \
                         phone the facility.",
            })
        }
    };
    if a.json {
        return output::json(&out);
    }
    let text = |k: &str| out[k].as_str().map(one_line).unwrap_or_default();
    if out["status"] == "provisional" {
        crate::outln!("{}", msg!("cli-cancelled-provisional", id = text("id")));
    } else {
        crate::outln!("{}", msg!("cli-cancelled-server", id = text("id")));
    }
    crate::outln!("  {}", msg!("cli-phone-the-facility", name = text("facility")));
    Ok(())
}
