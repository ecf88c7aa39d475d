//! `sango resident add|edit|show|list`: the residents (利用者) bookings are made for.

use chrono::{NaiveDate, NaiveDateTime};
use serde::Serialize;

use super::{CliResult, Context, args, cmd_store, output};
use crate::domain::fees::yen;
use crate::store::{Affected, Decision, QuotaReport, Resident, ResidentInput};

#[derive(Debug, clap::Subcommand)]
pub enum ResidentCommand {
    /// Register a resident (利用者登録).
    Add(AddArgs),
    /// Change a resident's record; says first what it does to her active bookings (new fees;
    /// bookings outside her new window, each to cancel or keep).
    Edit(EditArgs),
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
pub struct EditArgs {
    /// The user number (利用者番号).
    pub id: String,
    /// The baby's birth date (出生日).
    #[arg(long, value_parser = args::date)]
    pub birth: Option<NaiveDate>,
    /// The due date (出産予定日).
    #[arg(long, value_parser = args::date, conflicts_with = "no_due")]
    pub due: Option<NaiveDate>,
    /// Remove the due date.
    #[arg(long)]
    pub no_due: bool,
    /// Count periods from the due date (修正月齢): true or false.
    #[arg(long)]
    pub corrected: Option<bool>,
    /// Number of babies (子の人数).
    #[arg(long)]
    pub babies: Option<u32>,
    /// 住民税非課税世帯 / 生活保護世帯 (fees waived): true or false.
    #[arg(long)]
    pub exempt: Option<bool>,
    /// Keep this booking (code or id) although the change puts it outside her window.
    #[arg(long, value_name = "BOOKING")]
    pub keep: Vec<String>,
    /// Cancel this booking (code or id) that the change puts outside her window.
    #[arg(long, value_name = "BOOKING")]
    pub cancel: Vec<String>,
    /// Only say what the change would do; change nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// The moment of the change (default now, Japan time).
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
        ResidentCommand::Edit(a) => edit(ctx, a),
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
    }
    .normalized();
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

/// One affected booking as `resident edit` reports it.
#[derive(Serialize)]
struct AffectedView {
    id: String,
    code: Option<String>,
    first_day: NaiveDate,
    last_day: NaiveDate,
    fee_yen: u32,
    /// The fee under the new record, when it changes.
    new_fee_yen: Option<u32>,
    /// The window rule it breaks under the new record.
    outside: Option<&'static str>,
    outside_detail: Option<String>,
}

fn affected_view(a: &Affected) -> AffectedView {
    let b = &a.booking;
    AffectedView {
        id: b.id.clone(),
        code: b.code.clone(),
        first_day: b.first_day,
        last_day: b.last_day,
        fee_yen: b.fee_yen,
        new_fee_yen: a.new_fee_yen(),
        outside: a.outside().map(|r| r.rule()),
        outside_detail: a.outside().map(|r| r.to_string()),
    }
}

fn edit(ctx: &Context, a: EditArgs) -> CliResult {
    let ds = ctx.dataset()?;
    let store = cmd_store::open(ctx)?;
    let old = store
        .resident(&a.id)?
        .ok_or_else(|| crate::store::StoreError::UnknownResident(a.id.clone()))?;
    let mut input = old.input();
    if let Some(b) = a.birth {
        input.birth = b;
    }
    if a.no_due {
        input.due = None;
    } else if let Some(d) = a.due {
        input.due = Some(d);
    }
    if let Some(c) = a.corrected {
        input.corrected = c;
    }
    if let Some(n) = a.babies {
        input.babies = n;
    }
    if let Some(e) = a.exempt {
        input.exempt = e;
    }
    input.validate()?;
    let at = args::at_or_now(a.at);
    let affected = store.resident_change_preview(&ds, &input, at)?;
    if a.dry_run {
        let views: Vec<AffectedView> = affected.iter().map(affected_view).collect();
        if a.json {
            return output::json(&serde_json::json!({ "affected": views }));
        }
        print_affected(&affected);
        return Ok(());
    }
    let decisions: Vec<Decision> = a
        .keep
        .into_iter()
        .map(Decision::Keep)
        .chain(a.cancel.into_iter().map(Decision::Cancel))
        .collect();
    let done = store.update_resident(&ds, &input, at, &cmd_store::terminal(), &decisions)?;
    if a.json {
        return output::json(&done);
    }
    crate::outln!("変更しました Changed resident (利用者番号) {}", done.resident.id);
    print_resident(&done.resident);
    for (id, from, to) in &done.fee_changes {
        crate::outln!("  利用料変更 Fee of {id}: {}円 → {}円", yen(*from), yen(*to));
    }
    for (id, rule) in &done.kept {
        crate::outln!("  期間外のまま保持 Kept outside the period: {id} ({rule})");
    }
    for c in &done.cancelled {
        let late = if c.outcome.late { "late, 1 unit used" } else { "on time" };
        crate::outln!("  取消 Cancelled {} ({late}); please also phone the facility", c.booking.id);
    }
    Ok(())
}

/// The bookings a change would affect, for `--dry-run`.
fn print_affected(affected: &[Affected]) {
    if affected.is_empty() {
        crate::outln!("予約への影響はありません The change affects none of her active bookings");
        return;
    }
    crate::outln!("この変更で影響を受ける予約 Bookings the change affects:");
    for a in affected {
        let b = &a.booking;
        let name = b.code.as_deref().unwrap_or(&b.id);
        crate::outln!("  {name} {} 〜 {}", b.first_day, b.last_day);
        if let Some(fee) = a.new_fee_yen() {
            crate::outln!("    利用料 fee {}円 → {}円", yen(b.fee_yen), yen(fee));
        }
        if let Some(r) = a.outside() {
            crate::outln!(
                "    期間外 outside the period ({}): {r}; decide with --cancel or --keep",
                r.rule()
            );
        }
    }
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
    let programme = crate::dataset::load_programme(ctx.dataset_path.as_deref())?;
    let quota = store.quota(&programme, &r.id)?;
    if a.json {
        return output::json(&Shown { resident: &r, quota });
    }
    crate::outln!("利用者番号 Resident {}", crate::visible::one_line(&r.id));
    print_resident(&r);
    super::cmd_quota::print(&programme, &quota);
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
