//! `sango hours FACILITY [--type T] [--at TIME] [--json]`: is the phone line open?

use chrono::NaiveDateTime;
use serde::Serialize;

use super::output;
use super::{CliResult, Context, args, facility};
use crate::domain::care::CareType;
use crate::domain::hours::{self, PhoneHours};
use crate::domain::jst;
use crate::msg;
use crate::visible::one_line;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Facility id (see `sango facilities`).
    pub facility: String,
    /// Care type whose reservation line to check (a facility may take each type differently).
    #[arg(long = "type", value_parser = args::care_type)]
    pub care: Option<CareType>,
    /// The moment: YYYY-MM-DDTHH:MM (Japan time) or RFC 3339; default now.
    #[arg(long, value_parser = args::moment)]
    pub at: Option<NaiveDateTime>,
    #[arg(long)]
    pub json: bool,
}

/// The answer, also what the screens show.
#[derive(Debug, Serialize)]
pub struct HoursAnswer {
    pub facility: String,
    pub at: String,
    /// `null` when the facility gives no phone hours to go by.
    pub open: Option<bool>,
    pub closes_at: Option<String>,
    pub next_open: Option<String>,
    /// The flyer's wording of the reservation cell.
    pub wording: Option<String>,
    /// The row says nothing about public holidays: confirm with the facility.
    pub confirm_holidays: bool,
}

pub fn answer(
    id: &str,
    hours: Option<&PhoneHours>,
    wording: Option<String>,
    at: NaiveDateTime,
) -> HoursAnswer {
    let status = hours.map(|h| hours::status(h, at));
    HoursAnswer {
        facility: id.to_string(),
        at: jst::rfc3339(at),
        open: status.map(|s| s.open),
        closes_at: status.and_then(|s| s.closes_at).map(jst::rfc3339),
        next_open: status.and_then(|s| s.next_open).map(jst::rfc3339),
        wording,
        confirm_holidays: hours.is_some_and(|h| !h.states_holidays()),
    }
}

pub fn run(ctx: &Context, a: Args) -> CliResult {
    let ds = crate::dataset::load_for_facility(ctx.dataset_path.as_deref(), &a.facility)?;
    let f = facility(&ds, &a.facility)?;
    if let Some(c) = a.care
        && !f.offers(c)
    {
        return Err(super::CliError::refused(msg!(
            "cli-does-not-offer",
            facility = f.id.as_str(),
            care = c.to_string()
        )));
    }
    let at = args::at_or_now(a.at);
    let reservation = match a.care {
        Some(c) => f.reservation(c),
        None => f.reservations.iter().find(|r| r.hours.is_some()).or(f.reservations.first()),
    };
    let ans = answer(
        &f.id,
        reservation.and_then(|r| r.hours.as_ref()),
        reservation.and_then(|r| r.wording.as_ref()).map(ToString::to_string),
        at,
    );
    if a.json {
        return output::json(&ans);
    }
    crate::outln!("{} ({})", one_line(&f.name), one_line(&f.id));
    crate::outln!("{}", msg!("cli-hours-at", at = ans.at.as_str()));
    // The state, a dash, then when it changes: two messages.
    match ans.open {
        Some(true) => {
            let at = ans.closes_at.as_deref().unwrap_or("?");
            crate::outln!("{} — {}", msg!("cli-hours-open"), msg!("cli-hours-closes", at = at))
        }
        Some(false) => {
            let at = match ans.next_open.as_deref() {
                Some(at) => at.to_string(),
                None => msg!("cli-hours-no-opening"),
            };
            crate::outln!("{} — {}", msg!("cli-hours-closed"), msg!("cli-hours-opens", at = at))
        }
        None => crate::outln!("{}", msg!("cli-hours-none")),
    }
    if let Some(w) = &ans.wording {
        crate::outln!("{}", msg!("cli-hours-reservation", how = one_line(w)));
    }
    if ans.confirm_holidays {
        crate::outln!("{}", msg!("cli-hours-confirm-holidays"));
    }
    if let Some(p) = f.phones.first() {
        crate::outln!("{}", msg!("cli-hours-phone", phone = one_line(p)));
    }
    Ok(())
}
