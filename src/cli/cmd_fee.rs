//! `sango fee --type T --units N [--babies N] [--exempt] [--json]`.

use crate::i18n::{Locale::Ja, words};
use serde::Serialize;

use super::output;
use super::{CliError, CliResult, Context, args};
use crate::domain::care::CareType;
use crate::domain::fees::{self, FeeBreakdown, yen};
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
        .ok_or_else(|| CliError::refused(format!("the dataset has no care type {}", a.care)))?;
    if a.units == 0 {
        return Err(CliError::refused("--units must be at least 1 (利用日数・回数)"));
    }
    if a.babies == 0 {
        return Err(CliError::refused("--babies must be at least 1 (子の人数)"));
    }
    if a.units > rule.limit {
        return Err(CliError::refused(format!(
            "{} is over the limit (利用上限) of {} for {}",
            words::units(crate::i18n::Locale::En, a.units, a.care.unit()),
            words::units(crate::i18n::Locale::En, rule.limit, a.care.unit()),
            a.care
        )));
    }
    let fee = fees::fee(rule.fee, a.units, a.babies, a.exempt);
    if a.json {
        return output::json(&Answer { care: a.care, fee });
    }
    let units = |n| words::units(Ja, n, a.care.unit());
    crate::outln!("{} {}", one_line(&rule.name), units(a.units));
    crate::outln!(
        "  基本 Base: {}円 × {} = {}円",
        yen(fee.base_yen_per_unit),
        units(fee.units),
        yen(fee.base_total_yen)
    );
    if fee.babies > 1 {
        crate::outln!(
            "  多胎加算 Extra babies: {}円 × {}人 × {} = {}円",
            yen(fee.extra_yen_per_unit),
            fee.babies - 1,
            units(fee.units),
            yen(fee.extra_total_yen)
        );
    }
    if fee.exempt {
        crate::outln!("  免除 Exempt: −{}円", yen(fee.waived_yen));
    }
    crate::outln!("合計 Total: {}円", yen(fee.total_yen));
    Ok(())
}
