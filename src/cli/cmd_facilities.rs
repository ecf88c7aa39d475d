//! `sango facilities [--type T] [--json]`: the partner facilities.

use crate::i18n::{Locale::Ja, words};
use serde::Serialize;

use super::output;
use super::{CliResult, Context, args};
use crate::dataset::{Channel, Facility, PeriodEntry};
use crate::domain::care::CareType;
use std::collections::BTreeMap;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Only facilities offering this care type: stay, day or visit.
    #[arg(long = "type", value_parser = args::care_type)]
    pub care: Option<CareType>,
    /// Print one JSON array.
    #[arg(long)]
    pub json: bool,
}

#[derive(Serialize)]
pub(crate) struct Row<'a> {
    id: &'a str,
    name: &'a str,
    section: CareType,
    types: &'a [CareType],
    channels: Vec<Channel>,
    periods: &'a BTreeMap<CareType, PeriodEntry>,
    area: &'a str,
    addresses: &'a [String],
    phones: &'a [String],
    email: Option<&'a str>,
    shared_room: bool,
}

impl<'a> Row<'a> {
    pub(crate) fn of(f: &'a Facility) -> Row<'a> {
        Row {
            id: &f.id,
            name: &f.name,
            section: f.section,
            types: &f.types,
            channels: f.channels(),
            periods: &f.periods,
            area: f.area(),
            addresses: &f.addresses,
            phones: &f.phones,
            email: f.email.as_deref(),
            shared_room: f.shared_room,
        }
    }
}

pub fn run(ctx: &Context, a: Args) -> CliResult {
    // The list depends on nothing but the dataset and the arguments: it is kept beside the
    // dataset's cache (2,000 facilities: 1.4 MB of JSON made from 3.2 MB, ~20 ms).
    let view = format!(
        "facilities-{}-{}",
        if a.json { "json" } else { "table" },
        a.care.map_or("all", |c| c.id())
    );
    let path = ctx.dataset_path.as_deref();
    if let Some(key) = crate::dataset::load::checked_key(path)? {
        let mut out = std::io::stdout().lock();
        match crate::dataset::cache::copy_view(key, &view, &mut out) {
            None => {}
            Some(copied) => {
                if let Err(e) = copied.and_then(|()| std::io::Write::flush(&mut out)) {
                    output::failed(e);
                }
                return Ok(());
            }
        }
    }
    let ds = ctx.dataset()?;
    let text = render(&ds, &a)?;
    if let Some(key) = crate::dataset::load::checked_key(path)? {
        crate::dataset::cache::keep_view(key, &view, text.as_bytes());
    }
    crate::out!("{text}");
    Ok(())
}

/// The list as printed.
fn render(ds: &crate::dataset::Dataset, a: &Args) -> CliResult<String> {
    let chosen: Vec<&Facility> =
        ds.facilities.iter().filter(|f| a.care.is_none_or(|c| f.offers(c))).collect();
    if a.json {
        let rows: Vec<Row> = chosen.iter().map(|f| Row::of(f)).collect();
        let mut text = serde_json::to_string_pretty(&rows)
            .map_err(|e| super::CliError::refused(format!("cannot write JSON: {e}")))?;
        text.push('\n');
        return Ok(text);
    }
    let rows: Vec<Vec<String>> = chosen
        .iter()
        .map(|f| {
            vec![
                f.id.clone(),
                f.types.iter().map(|t| words::care_short(Ja, *t)).collect::<Vec<_>>().join("・"),
                f.name.to_string(),
                f.types
                    .iter()
                    .filter_map(|t| f.period(*t).map(|p| words::period_short(Ja, p.period)))
                    .collect::<Vec<_>>()
                    .join(" / "),
                f.channels().iter().map(|c| words::channel(Ja, *c)).collect::<Vec<_>>().join("/"),
                f.phones.first().cloned().unwrap_or_default(),
                // Last column: ※ may be drawn two cells wide, so it must not shift other columns.
                if f.shared_room { "※".to_string() } else { String::new() },
            ]
        })
        .collect();
    let mut text = output::table(
        &[
            "ID",
            "種類 Type",
            "施設名 Name",
            "利用期間 Period",
            "予約 Channel",
            "電話 Phone",
            "個室",
        ],
        &rows,
    );
    text.push('\n');
    if chosen.iter().any(|f| f.shared_room) {
        text.push_str("※ 個室ではない場合があります / the room may not be private\n");
    }
    Ok(text)
}
