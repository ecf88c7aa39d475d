//! `sango no-show BOOKING [--at TIME] [--json]`: records that nobody came to a booking (無断キャンセル):
//! from its first day on, it consumes the programme's no-show units (Kita: as a late
//! cancellation, 1 unit).

use chrono::NaiveDateTime;
use serde::Serialize;

use super::{CliResult, Context, args, cmd_store, output};
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
}

pub fn run(ctx: &Context, a: Args) -> CliResult {
    let ds = ctx.dataset()?;
    let store = cmd_store::open(ctx)?;
    let b = store.no_show(&ds, &a.booking, args::at_or_now(a.at), &cmd_store::terminal())?;
    if a.json {
        return output::json(&Answer {
            id: &b.id,
            code: b.code.as_deref(),
            status: b.status.id(),
            units_charged: b.units_charged,
            resident: &b.resident,
            facility: &b.facility,
        });
    }
    let unit = b.care.unit().ja();
    crate::outln!("無断キャンセルを記録しました No-show recorded: {}", one_line(&b.id));
    crate::outln!("  {}{unit} of the {} limit is used", b.units_charged, b.care);
    Ok(())
}
