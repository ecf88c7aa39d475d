//! `sango fee --type T --units N [--babies N] [--exempt] [--json]`.

use crate::i18n::{Locale, format, words};
use serde::Serialize;

use super::{CliError, CliResult, Context, args};
use super::{lang, output};
use crate::domain::care::CareType;
use crate::domain::fees::{self, FeeBreakdown};
use crate::msg;
use crate::visible::one_line;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[arg(long = "type", value_parser = args::care_type)]
    pub care: CareType,
    /// Days (stay, day care) or visits; a stay of N nights is N+1 days.
    #[arg(long)]
    pub units: u32,
    /// Babies cared for (twins: 2).
    #[arg(long, default_value_t = 1)]
    pub babies: u32,
    /// 住民税非課税世帯 / 生活保護世帯: the fee is waived.
    #[arg(long)]
    pub exempt: bool,
    #[arg(long)]
    pub json: bool,
}

#[derive(Serialize)]
struct Answer {
    #[serde(rename = "type")]
    care: CareType,
    #[serde(flatten)]
    fee: FeeBreakdown,
}

pub fn run(ctx: &Context, a: Args) -> CliResult {
    let programme = crate::dataset::load_programme(ctx.dataset_path.as_deref())?;
    let rule = programme
        .care_rule(a.care)
        .ok_or_else(|| CliError::refused(msg!("cli-no-care-type", care = a.care.to_string())))?;
    if a.units == 0 {
        return Err(CliError::refused(msg!("cli-fee-units-zero")));
    }
    if a.babies == 0 {
        return Err(CliError::refused(msg!("cli-fee-babies-zero")));
    }
    if a.units > rule.limit {
        // The Japanese line has always been English here, counts included.
        let en = |n| words::units(Locale::En, n, a.care.unit());
        return Err(CliError::refused(msg!(
            "cli-fee-over-limit",
            units = en(a.units),
            limit = en(rule.limit),
            care = a.care.to_string()
        )));
    }
    let fee = fees::fee(rule.fee, a.units, a.babies, a.exempt);
    if a.json {
        return output::json(&Answer { care: a.care, fee });
    }
    let lang = lang::lang();
    let units = |n| words::units(lang, n, a.care.unit());
    let yen = |n| format::yen(lang, n);
    crate::outln!("{} {}", one_line(&rule.name), units(a.units));
    // The sums are arithmetic, the same in every language; the words around them are messages.
    let calc = format!(
        "{} × {} = {}",
        yen(fee.base_yen_per_unit),
        units(fee.units),
        yen(fee.base_total_yen)
    );
    crate::outln!("  {}", msg!("cli-fee-base", calc = calc));
    if fee.babies > 1 {
        let calc = format!(
            "{} × {} × {} = {}",
            yen(fee.extra_yen_per_unit),
            msg!("cli-fee-babies", n = fee.babies - 1),
            units(fee.units),
            yen(fee.extra_total_yen)
        );
        crate::outln!("  {}", msg!("cli-fee-extra", calc = calc));
    }
    if fee.exempt {
        let waived = format!("−{}", yen(fee.waived_yen));
        crate::outln!("  {}", msg!("cli-fee-exempt", waived = waived));
    }
    crate::outln!("{}", msg!("cli-fee-total", total = yen(fee.total_yen)));
    Ok(())
}
