//! `sango resident add|show|list`: the residents (利用者) bookings are made for.

use chrono::{NaiveDate, NaiveDateTime};
use serde::Serialize;

use super::{CliResult, Context, args, cmd_store, output};
use crate::store::{QuotaReport, Resident, ResidentInput};

#[derive(Debug, clap::Subcommand)]
pub enum ResidentCommand {
    /// Register a resident (利用者登録).
    Add(AddArgs),
    /// One resident's record and use of the limits.
    Show(ShowArgs),
    /// Every registered resident.
    List(ListArgs),
}

#[derive(Debug, clap::Args)]
pub struct AddArgs {
    /// The user number (利用者番号).
    #[arg(long)]
    pub id: String,
    /// The baby's birth date (出生日).
    #[arg(long, value_parser = args::date)]
    pub birth: NaiveDate,
    /// The due date (出産予定日).
    #[arg(long, value_parser = args::date)]
    pub due: Option<NaiveDate>,
    /// Count periods from the due date (修正月齢), for a premature birth.
    #[arg(long)]
    pub corrected: bool,
    /// Number of babies (子の人数); twins: 2.
    #[arg(long, default_value_t = 1)]
    pub babies: u32,
    /// 住民税非課税世帯 / 生活保護世帯: fees are waived.
    #[arg(long)]
    pub exempt: bool,
    /// The moment of registration (default now, Japan time).
    #[arg(long, value_parser = args::moment)]
    pub at: Option<NaiveDateTime>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, clap::Args)]
pub struct ShowArgs {
    /// The user number (利用者番号).
    pub id: String,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, clap::Args)]
pub struct ListArgs {
    #[arg(long)]
    pub json: bool,
}

pub fn run(ctx: &Context, c: ResidentCommand) -> CliResult {
    match c {
        ResidentCommand::Add(a) => add(ctx, a),
        ResidentCommand::Show(a) => show(ctx, a),
        ResidentCommand::List(a) => list(ctx, a),
    }
}

fn add(ctx: &Context, a: AddArgs) -> CliResult {
    let input = ResidentInput {
        id: a.id,
        birth: a.birth,
        due: a.due,
        corrected: a.corrected,
        babies: a.babies,
        exempt: a.exempt,
    };
    input.validate()?;
    let store = cmd_store::open(ctx)?;
    let r = store.add_resident(&input, args::at_or_now(a.at), &cmd_store::terminal())?;
    if a.json {
        return output::json(&r);
    }
    crate::outln!(
        "登録しました Registered resident (利用者番号) {}",
        crate::visible::one_line(&r.id)
    );
    print_resident(&r);
    Ok(())
}

#[derive(Serialize)]
struct Shown<'a> {
    #[serde(flatten)]
    resident: &'a Resident,
    quota: QuotaReport,
}

fn show(ctx: &Context, a: ShowArgs) -> CliResult {
    let store = cmd_store::open_read(ctx)?;
    let r = store
        .resident(&a.id)?
        .ok_or_else(|| crate::store::StoreError::UnknownResident(a.id.clone()))?;
    let ds = ctx.dataset()?;
    let quota = store.quota(&ds.programme, &r.id)?;
    if a.json {
        return output::json(&Shown { resident: &r, quota });
    }
    crate::outln!("利用者番号 Resident {}", crate::visible::one_line(&r.id));
    print_resident(&r);
    super::cmd_quota::print(&quota);
    Ok(())
}

fn list(ctx: &Context, a: ListArgs) -> CliResult {
    let store = cmd_store::open_read(ctx)?;
    let all = store.residents()?;
    if a.json {
        return output::json(&all);
    }
    let rows: Vec<Vec<String>> = all
        .iter()
        .map(|r| {
            vec![
                r.id.clone(),
                r.birth.to_string(),
                r.due.map(|d| d.to_string()).unwrap_or_default(),
                if r.corrected { "修正".into() } else { String::new() },
                r.babies.to_string(),
                if r.exempt { "免除".into() } else { String::new() },
            ]
        })
        .collect();
    crate::outln!(
        "{}",
        output::table(
            &[
                "利用者番号 id",
                "出生日 birth",
                "予定日 due",
                "修正月齢",
                "子 babies",
                "免除 exempt"
            ],
            &rows
        )
    );
    crate::outln!("{} resident(s)", all.len());
    Ok(())
}

fn print_resident(r: &Resident) {
    crate::outln!("  出生日 Birth: {}", r.birth);
    if let Some(d) = r.due {
        crate::outln!("  出産予定日 Due: {d}");
    }
    if r.corrected {
        crate::outln!("  修正月齢: periods count from the due date");
    }
    crate::outln!("  子の人数 Babies: {}", r.babies);
    if r.exempt {
        crate::outln!("  利用料免除 Fee-exempt (住民税非課税世帯・生活保護世帯)");
    }
}
