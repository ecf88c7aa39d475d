//! `sango window FACILITY --type T --birth DATE [--due DATE] [--corrected] [--json]`.

use chrono::NaiveDate;
use serde::Serialize;

use super::output;
use super::{CliError, CliResult, Context, args, facility};
use crate::domain::care::CareType;
use crate::domain::period;
use crate::msg;
use crate::visible::one_line;

#[derive(Debug, clap::Args)]
pub struct Args {
    pub facility: String,
    #[arg(long = "type", value_parser = args::care_type)]
    pub care: CareType,
    /// The baby's birth date.
    #[arg(long, value_parser = args::date)]
    pub birth: NaiveDate,
    /// The due date (出産予定日).
    #[arg(long, value_parser = args::date)]
    pub due: Option<NaiveDate>,
    /// Count from the due date (修正月齢), for a premature birth.
    #[arg(long)]
    pub corrected: bool,
    #[arg(long)]
    pub json: bool,
}

#[derive(Serialize)]
struct Answer<'a> {
    facility: &'a str,
    #[serde(rename = "type")]
    care: CareType,
    first_day: NaiveDate,
    last_day: NaiveDate,
    period: &'a str,
    corrected: bool,
}

pub fn run(ctx: &Context, a: Args) -> CliResult {
    if a.corrected && a.due.is_none() {
        return Err(CliError::refused(msg!("cli-window-corrected-needs-due")));
    }
    let ds = crate::dataset::load_for_facility(ctx.dataset_path.as_deref(), &a.facility)?;
    let f = facility(&ds, &a.facility)?;
    let entry = f.period(a.care).ok_or_else(|| {
        CliError::refused(msg!(
            "cli-does-not-offer",
            facility = f.id.as_str(),
            care = a.care.to_string()
        ))
    })?;
    let w = period::window(entry.period, a.birth, a.due, a.corrected)
        .ok_or_else(|| CliError::refused(msg!("cli-window-no-period")))?;
    let corrected = w.first_day != a.birth;
    let ans = Answer {
        facility: &f.id,
        care: a.care,
        first_day: w.first_day,
        last_day: w.last_day,
        period: &entry.wording,
        corrected,
    };
    if a.json {
        return output::json(&ans);
    }
    crate::outln!(
        "{} — {} ({})",
        one_line(&f.name),
        one_line(&ds.programme.care_name(a.care)),
        one_line(&entry.wording)
    );
    let (first, last) = (w.first_day.to_string(), w.last_day.to_string());
    crate::outln!("{}", msg!("cli-window-days", first = first.as_str(), last = last));
    if corrected {
        crate::outln!("{}", msg!("cli-window-corrected", first = first));
    }
    Ok(())
}
