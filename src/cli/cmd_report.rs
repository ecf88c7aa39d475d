//! `sango report --month YYYY-MM [--json|--csv]`: the monthly report per facility (月次報告), what
//! the ward settles with the contracted facilities. See [`crate::report`] for what is counted:
//! a booking belongs to the month of its first day; cancellations in time are left out.

use super::{CliResult, Context, cmd_store, lang, output};
use crate::i18n::format;
use crate::msg;
use crate::report::{self, MonthlyReport, YearMonth};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The month, YYYY-MM.
    #[arg(long, value_parser = parse_month)]
    pub month: YearMonth,
    #[arg(long, conflicts_with = "csv")]
    pub json: bool,
    /// CSV for a spreadsheet (UTF-8 with BOM, CRLF, a header row and a totals row).
    #[arg(long)]
    pub csv: bool,
}

fn parse_month(s: &str) -> Result<YearMonth, String> {
    s.parse().map_err(|e: report::BadMonth| e.to_string())
}

/// The report of `month` from the store, facilities named and in dataset order.
pub fn build(ctx: &Context, month: YearMonth) -> CliResult<MonthlyReport> {
    // Only the facilities' ids and names are needed.
    let ds = crate::dataset::load_summary(ctx.dataset_path.as_deref())?;
    let store = cmd_store::open_read(ctx)?;
    let names = ds.facilities.iter().map(|f| (f.id.as_str(), f.name.as_str()));
    let mut rep = report::of_month_named(&store, names, month)?;
    rep.ward_code = ds.programme.ward_code.clone();
    Ok(rep)
}

pub fn run(ctx: &Context, a: Args) -> CliResult {
    let rep = build(ctx, a.month)?;
    if a.json {
        return output::json(&rep);
    }
    if a.csv {
        crate::out!("{}", rep.to_csv());
        return Ok(());
    }
    crate::outln!(
        "{}",
        msg!(
            "cli-report-heading",
            month = rep.month.to_string(),
            first = rep.first_day.to_string(),
            last = rep.last_day.to_string()
        )
    );
    if let Some(code) = &rep.ward_code {
        crate::outln!("{}", msg!("cli-report-ward-code", code = code.as_str()));
    }
    if rep.facilities.is_empty() {
        crate::outln!("{}", msg!("cli-report-empty"));
        return Ok(());
    }
    let row = |name: String, c: &report::Counts| {
        vec![
            name,
            c.uses.to_string(),
            c.stay_days.to_string(),
            c.day_care_days.to_string(),
            c.visits.to_string(),
            format::yen(lang::lang(), u32::try_from(c.fees_yen).unwrap_or(u32::MAX)),
            msg!(
                "cli-report-late",
                n = c.late_cancellations.to_string(),
                units = c.late_cancellation_units.to_string()
            ),
        ]
    };
    let mut rows: Vec<Vec<String>> = rep
        .facilities
        .iter()
        .map(|f| row(f.facility_name.clone().unwrap_or_else(|| f.facility_id.clone()), &f.counts))
        .collect();
    rows.push(row(msg!("cli-report-total"), &rep.totals));
    let heads = [
        "cli-report-col-facility",
        "cli-report-col-uses",
        "cli-report-col-stay",
        "cli-report-col-day",
        "cli-report-col-visits",
        "cli-report-col-fees",
        "cli-report-col-late",
    ];
    crate::outln!("{}", output::message_table(&heads, &rows));
    crate::outln!("{}", msg!("cli-report-note"));
    Ok(())
}
