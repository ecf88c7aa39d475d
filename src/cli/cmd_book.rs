//! `sango book --resident ID --facility F --type T --start DATE [--nights N | --days N]
//! [--at TIME] [--json]`: records a booking after checking every rule in one transaction.

use crate::i18n::{format, words};
use crate::msg;
use chrono::{NaiveDate, NaiveDateTime};
use serde::Serialize;

use super::{CliResult, Context, args, cmd_store, lang, output};
use crate::domain::cancel;
use crate::domain::care::CareType;
use crate::domain::fees::FeeBreakdown;
use crate::domain::period::Window;
use crate::store::{BookingRequest, bookings};
use crate::visible::one_line;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The user number (利用者番号).
    #[arg(long)]
    pub resident: String,
    /// The facility's id (see `sango facilities`).
    #[arg(long)]
    pub facility: String,
    /// stay, day or visit.
    #[arg(long = "type", value_parser = args::care_type)]
    pub care: CareType,
    /// The first day of use (利用開始日).
    #[arg(long, value_parser = args::date)]
    pub start: NaiveDate,
    /// Nights of a stay (N ≥ 1: N+1 days).
    #[arg(long, conflicts_with = "days")]
    pub nights: Option<u32>,
    /// Consecutive days of day care (default 1).
    #[arg(long)]
    pub days: Option<u32>,
    /// The moment of booking (default now, Japan time).
    #[arg(long, value_parser = args::moment)]
    pub at: Option<NaiveDateTime>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Serialize)]
struct Answer<'a> {
    id: &'a str,
    code: Option<&'a str>,
    resident: &'a str,
    facility: &'a str,
    facility_name: &'a str,
    #[serde(rename = "type")]
    care: CareType,
    first_day: NaiveDate,
    last_day: NaiveDate,
    nights: Option<u32>,
    days: Option<u32>,
    units: u32,
    fee_yen: u32,
    fee: FeeBreakdown,
    cancel_by: String,
    /// Booked at or after its own cutoff: any cancellation is late.
    cancel_late_already: bool,
    /// The last span the facility's phone is open before the cutoff.
    last_call: Option<Span>,
    remaining: u32,
    window: Window,
    status: &'static str,
    terminal: &'a str,
    created_at: String,
    phones: &'a [String],
}

#[derive(Serialize)]
struct Span {
    start: String,
    end: String,
}

pub fn run(ctx: &Context, a: Args) -> CliResult {
    let length = bookings::checked_length(a.care, a.nights, a.days)?;
    // The programme and the one facility booked, checked in full; the rest only by id and name.
    let ds = crate::dataset::load_for_facility(ctx.dataset_path.as_deref(), &a.facility)?;
    let req = BookingRequest {
        resident: a.resident,
        facility: a.facility,
        care: a.care,
        start: a.start,
        length,
    };
    if let Some(t) = cmd_store::through_server(ctx)? {
        return through_server(&t, &ds, &req, a.at, a.json);
    }
    let store = cmd_store::open(ctx)?;
    let done = store.book(&ds, &req, args::at_or_now(a.at), &cmd_store::terminal())?;
    let b = &done.booking;
    let f = ds.facility(&b.facility);
    let name = f.map(|f| f.name.as_str()).unwrap_or(&b.facility);
    let phones: &[String] = f.map(|f| f.phones.as_slice()).unwrap_or(&[]);
    let hours = f.and_then(|f| f.phone_hours(Some(b.care)));
    let rule = ds.programme.cancellation.rule();
    let notice = cancel::notice(&rule, b.first_day, b.units, b.created_at, hours);
    if a.json {
        return output::json(&Answer {
            id: &b.id,
            code: b.code.as_deref(),
            resident: &b.resident,
            facility: &b.facility,
            facility_name: name,
            care: b.care,
            first_day: b.first_day,
            last_day: b.last_day,
            nights: b.nights,
            days: b.days,
            units: b.units,
            fee_yen: b.fee_yen,
            fee: done.plan.fee,
            cancel_by: cmd_store::time(b.cancel_by(&rule)),
            cancel_late_already: notice.already_late,
            last_call: notice
                .last_call
                .map(|s| Span { start: cmd_store::time(s.start), end: cmd_store::time(s.end) }),
            remaining: done.plan.remaining_after,
            window: done.plan.window,
            status: b.status.id(),
            terminal: &b.terminal,
            created_at: cmd_store::time(b.created_at),
            phones,
        });
    }
    let lang = lang::lang();
    let length = words::length(lang, b.length());
    crate::outln!("{}", msg!("cli-booked", id = one_line(&b.id)));
    if let Some(code) = &b.code {
        crate::outln!("  {}", msg!("cli-booked-code", code = code.as_str()));
    }
    crate::outln!("  {}", msg!("cli-booked-resident", resident = one_line(&b.resident)));
    crate::outln!(
        "  {}",
        msg!("cli-booked-facility", name = one_line(name), id = one_line(&b.facility))
    );
    let care = one_line(&ds.programme.care_name(b.care)).into_owned();
    crate::outln!("  {}", msg!("cli-booked-type", care = care, length = length));
    let (first, last) = (b.first_day.to_string(), b.last_day.to_string());
    crate::outln!("  {}", msg!("cli-booked-dates", first = first, last = last));
    if done.plan.fee.exempt {
        let waived = format::yen(lang, done.plan.fee.waived_yen);
        let fee = format::yen(lang, 0);
        crate::outln!("  {}", msg!("cli-booked-fee-exempt", fee = fee, waived = waived));
    } else {
        crate::outln!("  {}", msg!("cli-booked-fee", fee = format::yen(lang, b.fee_yen)));
    }
    let remaining = words::units(lang, done.plan.remaining_after, b.care.unit());
    crate::outln!("  {}", msg!("cli-booked-remaining", remaining = remaining));
    let cutoff = b.cancel_by(&rule).format("%Y-%m-%d %H:%M").to_string();
    let late = words::units(lang, notice.late_units, b.care.unit());
    if notice.already_late {
        crate::outln!("  {}", msg!("cli-booked-already-late", cutoff = cutoff, late = late));
    } else {
        crate::outln!("  {}", msg!("cli-booked-cancel-by", cutoff = cutoff, late = late));
        match notice.last_call {
            Some(call) if call.end < b.cancel_by(&rule) => crate::outln!(
                "  {}",
                msg!(
                    "cli-booked-last-call",
                    short = call.end.format("%m/%d %H:%M").to_string(),
                    end = call.end.format("%Y-%m-%d %H:%M").to_string()
                )
            ),
            None if hours.is_some() => {
                crate::outln!("  {}", msg!("cli-booked-no-call"))
            }
            _ => {}
        }
    }
    if !phones.is_empty() {
        let phones = one_line(&phones.join(" / ")).into_owned();
        crate::outln!("  {}", msg!("cli-booked-phone", phones = phones));
    }
    Ok(())
}

/// `sango book` through the server: decided there (`"status": "booked"`), or, offline, checked
/// against the replica and kept as provisional (`"status": "provisional"`, 仮予約).
fn through_server(
    t: &crate::terminal::Terminal,
    ds: &crate::dataset::Dataset,
    req: &BookingRequest,
    at: Option<NaiveDateTime>,
    json: bool,
) -> CliResult {
    use crate::terminal::Outcome;
    use serde_json::{Value, json};
    let outcome = t.book(ds, req, at, &cmd_store::terminal()).map_err(super::CliError::refused)?;
    let (mut v, status, extra) = match outcome {
        Outcome::Decided { command_id, result, replayed } => {
            (result, "booked", json!({ "command_id": command_id, "replayed": replayed }))
        }
        Outcome::Provisional { command_id, checked, data_as_of, offline_since } => (
            checked,
            "provisional",
            json!({
                "command_id": command_id,
                "data_as_of": data_as_of,
                "offline_since": offline_since,
                // Read by scripts: --json never changes with the language.
                "note": "仮予約 provisional: the server could not be reached; checked against this \
                         terminal's data as of data_as_of. Staff will confirm it when the server is \
                         reached again (sango sync).",
            }),
        ),
    };
    let mut out = v["booking"].take();
    if status == "provisional" {
        // The replica's check made no real booking: no id or code yet.
        out["id"] = Value::Null;
        out["code"] = Value::Null;
    }
    let plan = v["plan"].take();
    out["status"] = json!(status);
    out["remaining"] = plan["remaining_after"].clone();
    out["fee"] = plan["fee"].clone();
    out["window"] = plan["window"].clone();
    out["cancel_by"] = plan["cancel_by"].clone();
    let f = ds.facility(req.facility.as_str());
    out["facility_name"] = json!(f.map(|f| f.name.as_str()));
    out["phones"] = json!(f.map(|f| f.phones.clone()).unwrap_or_default());
    if let (Some(o), Some(e)) = (out.as_object_mut(), extra.as_object()) {
        o.extend(e.clone());
    }
    if json {
        return output::json(&out);
    }
    let text = |k: &str| out[k].as_str().map(one_line).unwrap_or_default();
    if status == "booked" {
        crate::outln!("{}", msg!("cli-booked-server", id = text("id")));
        crate::outln!("  {}", msg!("cli-booked-code", code = text("code")));
    } else {
        crate::outln!("{}", msg!("cli-booked-provisional"));
        let as_of = match out["data_as_of"].as_str() {
            Some(t) => t.to_string(),
            None => msg!("cli-never-pulled"),
        };
        crate::outln!("  {}", msg!("cli-data-as-of", at = as_of));
    }
    crate::outln!("  {}", msg!("cli-booked-resident", resident = text("resident")));
    crate::outln!("  {}", msg!("cli-booked-facility-id", id = text("facility")));
    let (first, last) = (text("first_day"), text("last_day"));
    crate::outln!("  {}", msg!("cli-booked-dates", first = first, last = last));
    let lang = lang::lang();
    let n = |k: &str| out[k].as_u64().and_then(|n| u32::try_from(n).ok());
    // Grouped and with their unit as the direct command prints them (they were printed bare
    // before: 9900円, 3); a value that is not a count is shown as it came.
    let fee = n("fee_yen").map_or_else(|| out["fee_yen"].to_string(), |y| format::yen(lang, y));
    crate::outln!("  {}", msg!("cli-booked-fee", fee = fee));
    let remaining = n("remaining")
        .map_or_else(|| out["remaining"].to_string(), |r| words::units(lang, r, req.care.unit()));
    crate::outln!("  {}", msg!("cli-booked-remaining", remaining = remaining));
    Ok(())
}
