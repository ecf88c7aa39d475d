//! `sango report --month YYYY-MM [--json|--csv]`: the monthly report per facility (月次報告), what
//! the ward settles with the contracted facilities. See [`crate::report`] for what is counted:
//! a booking belongs to the month of its first day; cancellations in time are left out.

use super::{CliResult, Context, cmd_store, output};
use crate::domain::fees::yen;
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
    crate::outln!("月次報告 Monthly report {} ({} 〜 {})", rep.month, rep.first_day, rep.last_day);
    if let Some(code) = &rep.ward_code {
        crate::outln!("区コード Ward code {code}");
    }
    if rep.facilities.is_empty() {
        crate::outln!("この月の利用はありません No use this month.");
        return Ok(());
    }
    let row = |name: String, c: &report::Counts| {
        vec![
            name,
            c.uses.to_string(),
            c.stay_days.to_string(),
            c.day_care_days.to_string(),
            c.visits.to_string(),
            format!("{}円", yen(u32::try_from(c.fees_yen).unwrap_or(u32::MAX))),
            format!("{}件 / {}", c.late_cancellations, c.late_cancellation_units),
        ]
    };
    let mut rows: Vec<Vec<String>> = rep
        .facilities
        .iter()
        .map(|f| row(f.facility_name.clone().unwrap_or_else(|| f.facility_id.clone()), &f.counts))
        .collect();
    rows.push(row("合計 Total".to_string(), &rep.totals));
    crate::outln!(
        "{}",
        output::table(
            &[
                "施設 Facility",
                "件数 Uses",
                "宿泊日 Stay days",
                "日帰日 Day-care days",
                "訪問 Visits",
                "利用料 Fees",
                "期限後取消 Late cancels / units",
            ],
            &rows,
        )
    );
    crate::outln!(
        "開始日の月に計上（月をまたぐ宿泊も開始月）。件数は期限後取消を含み、日数・回数・利用料は含みません。"
    );
    crate::outln!(
        "Counted in the month of the first day (a stay crossing the month end too). Uses include \
         late cancellations; days, visits and fees do not."
    );
    Ok(())
}
