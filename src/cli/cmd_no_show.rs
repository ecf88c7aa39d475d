//! `sango no-show BOOKING [--at TIME] [--json]`: records that nobody came to a booking (無断キャンセル):
//! from its first day on, it consumes the programme's no-show units (Kita: as a late
//! cancellation, 1 unit). With a server configured it is recorded there (and needs it: it is
//! never kept offline).

use crate::i18n::words;
use crate::msg;
use chrono::NaiveDateTime;
use serde::Serialize;
use serde_json::Value;

use super::{CliError, CliResult, Context, args, cmd_store, lang, output};
use crate::domain::care::CareType;
use crate::store::Booking;
use crate::visible::one_line;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The booking's code (予約番号) or its long id (予約ID).
    pub booking: String,
    /// The moment it is recorded (default now, Japan time).
    #[arg(long, value_parser = args::moment)]
    pub at: Option<NaiveDateTime>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Serialize)]
struct Answer<'a> {
    id: &'a str,
    code: Option<&'a str>,
    status: &'static str,
    units_charged: u32,
    resident: &'a str,
    facility: &'a str,
    #[serde(rename = "type")]
    care: CareType,
}

/// What `no-show --json` prints for the booking as recorded (the server answers the same).
pub fn answer(b: &Booking) -> Value {
    serde_json::json!(Answer {
        id: &b.id,
        code: b.code.as_deref(),
        status: b.status.id(),
        units_charged: b.units_charged,
        resident: &b.resident,
        facility: &b.facility,
        care: b.care,
    })
}

pub fn run(ctx: &Context, a: Args) -> CliResult {
    let v = match cmd_store::through_server(ctx)? {
        Some(t) => t.no_show(&a.booking, a.at).map_err(CliError::refused)?,
        None => {
            let ds = ctx.dataset()?;
            let store = cmd_store::open(ctx)?;
            let at = args::at_or_now(a.at);
            answer(&store.no_show(&ds, &a.booking, at, &cmd_store::terminal())?)
        }
    };
    if a.json {
        return output::json(&v);
    }
    let care: Option<CareType> = v["type"].as_str().and_then(|c| c.parse().ok());
    let n = v["units_charged"].as_u64().and_then(|n| u32::try_from(n).ok()).unwrap_or_default();
    let charged = care.map_or_else(|| n.to_string(), |c| words::units(lang::lang(), n, c.unit()));
    let id = one_line(v["id"].as_str().unwrap_or_default()).into_owned();
    crate::outln!("{}", msg!("cli-no-show-recorded", id = id));
    // Without a known care type, "its limit".
    let care = care.map_or_else(String::new, |c| c.to_string());
    crate::outln!("  {}", msg!("cli-no-show-used", used = charged, care = care));
    Ok(())
}
