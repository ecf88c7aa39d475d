//! `sango application --due DATE [--applied DATE] [--json]`: when a mother may apply (事前申請),
//! and when the coupon is expected after applying, by the programme's rule (the dataset's
//! `programme.application`: weeks of pregnancy, business days to the coupon).

use chrono::NaiveDate;
use serde::Serialize;

use super::{CliError, CliResult, Context, args, output};
use crate::domain::application;
use crate::msg;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The due date (出産予定日).
    #[arg(long, value_parser = args::date)]
    pub due: NaiveDate,
    /// The day she applied (申請日): gives the day the coupon is expected.
    #[arg(long, value_parser = args::date)]
    pub applied: Option<NaiveDate>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Serialize)]
struct Answer {
    due: NaiveDate,
    opens_at_weeks: u32,
    first_day_to_apply: NaiveDate,
    applied: Option<NaiveDate>,
    coupon_business_days: u32,
    coupon_expected: Option<NaiveDate>,
}

pub fn run(ctx: &Context, a: Args) -> CliResult {
    let summary = crate::dataset::load_summary(ctx.dataset_path.as_deref())?;
    let rule = &summary.programme.application;
    let first =
        application::first_application_day(a.due, rule.opens_at_weeks).ok_or_else(|| {
            CliError::refused(msg!("cli-application-no-first-day", due = a.due.to_string()))
        })?;
    let coupon =
        a.applied.and_then(|d| application::expected_coupon_day(d, rule.coupon_business_days));
    let answer = Answer {
        due: a.due,
        opens_at_weeks: rule.opens_at_weeks,
        first_day_to_apply: first,
        applied: a.applied,
        coupon_business_days: rule.coupon_business_days,
        coupon_expected: coupon,
    };
    if a.json {
        return output::json(&answer);
    }
    crate::outln!(
        "{}",
        msg!("cli-application-first-day", first = first.to_string(), weeks = rule.opens_at_weeks)
    );
    if let (Some(applied), Some(c)) = (a.applied, coupon) {
        crate::outln!(
            "{}",
            msg!(
                "cli-application-coupon",
                coupon = c.to_string(),
                days = rule.coupon_business_days,
                applied = applied.to_string()
            )
        );
    }
    Ok(())
}
