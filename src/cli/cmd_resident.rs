//! `sango resident add|edit|show|list`: the residents (利用者) bookings are made for.

use chrono::{NaiveDate, NaiveDateTime};
use serde::Serialize;
use serde_json::Value;

use super::{CliError, CliResult, Context, args, cmd_store, lang, output};
use crate::i18n::format;
use crate::msg;
use crate::store::{Decision, QuotaReport, Resident, ResidentEdit, ResidentInput};

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
    let r = match cmd_store::through_server(ctx)? {
        Some(t) => {
            let v = t.add_resident(&input, a.at).map_err(CliError::refused)?;
            from_server::<Resident>(&v["resident"])?
        }
        None => {
            let store = cmd_store::open(ctx)?;
            store.add_resident(&input, args::at_or_now(a.at), &cmd_store::terminal())?
        }
    };
    if a.json {
        return output::json(&r);
    }
    crate::outln!("{}", msg!("cli-resident-registered", id = crate::visible::one_line(&r.id)));
    print_resident(&r);
    Ok(())
}

/// A part of the server's answer read as what the direct command has.
fn from_server<T: serde::de::DeserializeOwned>(v: &Value) -> CliResult<T> {
    serde_json::from_value(v.clone())
        .map_err(|e| CliError::refused(msg!("cli-server-answer-unknown", error = e.to_string())))
}

fn edit(ctx: &Context, a: EditArgs) -> CliResult {
    let change = ResidentEdit {
        birth: a.birth,
        due: a.due,
        no_due: a.no_due,
        corrected: a.corrected,
        babies: a.babies,
        exempt: a.exempt,
    };
    // Through a server the edit is decided there, on its record of her; the answers below
    // have the shape of the direct command's.
    let (preview, done) = match cmd_store::through_server(ctx)? {
        Some(t) if a.dry_run => {
            (Some(t.preview_resident(&a.id, &change, a.at).map_err(CliError::refused)?), None)
        }
        Some(t) => {
            let v = t
                .edit_resident(&a.id, &change, &a.keep, &a.cancel, a.at)
                .map_err(CliError::refused)?;
            (None, Some(v))
        }
        None => {
            let ds = ctx.dataset()?;
            let store = cmd_store::open(ctx)?;
            let old = store
                .resident(&a.id)?
                .ok_or_else(|| crate::store::StoreError::UnknownResident(a.id.clone()))?;
            let input = change.apply(&old);
            input.validate()?;
            let at = args::at_or_now(a.at);
            if a.dry_run {
                let affected = store.resident_change_preview(&ds, &input, at)?;
                (Some(serde_json::json!({ "affected": affected })), None)
            } else {
                let decisions = Decision::from_lists(a.keep, a.cancel);
                let done =
                    store.update_resident(&ds, &input, at, &cmd_store::terminal(), &decisions)?;
                (None, Some(serde_json::json!(done)))
            }
        }
    };
    if let Some(p) = preview {
        if a.json {
            return output::json(&p);
        }
        print_affected(&p["affected"]);
        return Ok(());
    }
    let done = done.unwrap_or_default();
    if a.json {
        return output::json(&done);
    }
    let r: Resident = from_server(&done["resident"])?;
    crate::outln!("{}", msg!("cli-resident-changed", id = r.id.as_str()));
    print_resident(&r);
    for c in done["fee_changes"].as_array().into_iter().flatten() {
        let change = format!("{} → {}", yen_of(&c[1]), yen_of(&c[2]));
        crate::outln!(
            "  {}",
            msg!("cli-resident-fee-change", booking = text(&c[0]), change = change)
        );
    }
    for k in done["kept"].as_array().into_iter().flatten() {
        crate::outln!("  {}", msg!("cli-resident-kept", booking = text(&k[0]), why = text(&k[1])));
    }
    for c in done["cancelled"].as_array().into_iter().flatten() {
        let late = if c["late"] == true { "late" } else { "on-time" };
        crate::outln!("  {}", msg!("cli-resident-cancelled", id = text(&c["id"]), late = late));
    }
    Ok(())
}

/// A text of an answer, on one line.
fn text(v: &Value) -> String {
    crate::visible::one_line(v.as_str().unwrap_or_default()).to_string()
}

/// An amount of an answer, in yen with its thousands grouped.
fn yen_of(v: &Value) -> String {
    format::yen(lang::lang(), v.as_u64().and_then(|n| u32::try_from(n).ok()).unwrap_or(0))
}

/// The bookings a change would affect, for `--dry-run` (as `--json` shows them).
fn print_affected(affected: &Value) {
    let list = affected.as_array().map(Vec::as_slice).unwrap_or_default();
    if list.is_empty() {
        crate::outln!("{}", msg!("cli-resident-affects-none"));
        return;
    }
    crate::outln!("{}", msg!("cli-resident-affects"));
    for a in list {
        let name = if a["code"].is_string() { text(&a["code"]) } else { text(&a["id"]) };
        let dates =
            msg!("cli-bookings-dates", first = text(&a["first_day"]), last = text(&a["last_day"]));
        crate::outln!("  {name} {dates}");
        if a["new_fee_yen"].is_u64() {
            let change = format!("{} → {}", yen_of(&a["fee_yen"]), yen_of(&a["new_fee_yen"]));
            crate::outln!("    {}", msg!("cli-resident-affected-fee", change = change));
        }
        if a["outside"].is_string() {
            crate::outln!(
                "    {}",
                msg!(
                    "cli-resident-affected-outside",
                    what = text(&a["outside"]),
                    detail = text(&a["outside_detail"])
                )
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
    crate::outln!("{}", msg!("cli-resident-heading", id = crate::visible::one_line(&r.id)));
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
                if r.corrected { msg!("cli-residents-corrected") } else { String::new() },
                r.babies.to_string(),
                if r.exempt { msg!("cli-residents-exempt") } else { String::new() },
            ]
        })
        .collect();
    let heads = [
        "cli-residents-col-id",
        "cli-residents-col-birth",
        "cli-residents-col-due",
        "cli-residents-col-corrected",
        "cli-residents-col-babies",
        "cli-residents-col-exempt",
    ];
    crate::outln!("{}", output::message_table(&heads, &rows));
    crate::outln!("{}", msg!("cli-residents-count", n = all.len()));
    Ok(())
}

fn print_resident(r: &Resident) {
    crate::outln!("  {}", msg!("cli-resident-birth", date = r.birth.to_string()));
    if let Some(d) = r.due {
        crate::outln!("  {}", msg!("cli-resident-due", date = d.to_string()));
    }
    if r.corrected {
        crate::outln!("  {}", msg!("cli-resident-corrected"));
    }
    crate::outln!("  {}", msg!("cli-resident-babies", n = r.babies.to_string()));
    if r.exempt {
        crate::outln!("  {}", msg!("cli-resident-exempt"));
    }
}
