//! `sango facilities [--type T] [--json]`: the partner facilities.

use crate::i18n::{Locale, words};
use crate::msg;
use serde::Serialize;

use super::{CliResult, Context, args};
use super::{lang, output};
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
    // The table is in the run's language, so it is kept per language (Japanese under the
    // name it always had).
    let table = match lang::lang() {
        Locale::Ja => "table".to_string(),
        l => format!("table-{l}"),
    };
    let view = format!(
        "facilities-{}-{}",
        if a.json { "json" } else { &table },
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
        let mut text = serde_json::to_string_pretty(&rows).map_err(|e| {
            super::CliError::refused(msg!("cli-cannot-write-json", error = e.to_string()))
        })?;
        text.push('\n');
        return Ok(text);
    }
    let lang = lang::lang();
    let rows: Vec<Vec<String>> = chosen
        .iter()
        .map(|f| {
            vec![
                f.id.clone(),
                f.types
                    .iter()
                    .map(|t| words::care_short(lang, *t))
                    .collect::<Vec<_>>()
                    .join(&msg!("cli-facilities-type-sep")),
                f.name.to_string(),
                f.types
                    .iter()
                    .filter_map(|t| f.period(*t).map(|p| words::period_short(lang, p.period)))
                    .collect::<Vec<_>>()
                    .join(" / "),
                f.channels().iter().map(|c| words::channel(lang, *c)).collect::<Vec<_>>().join("/"),
                f.phones.first().cloned().unwrap_or_default(),
                // Last column: ※ may be drawn two cells wide, so it must not shift other columns.
                if f.shared_room { "※".to_string() } else { String::new() },
            ]
        })
        .collect();
    let heads = [
        "cli-facilities-col-id",
        "cli-facilities-col-type",
        "cli-facilities-col-name",
        "cli-facilities-col-period",
        "cli-facilities-col-channel",
        "cli-facilities-col-phone",
        "cli-facilities-col-private",
    ];
    let mut text = output::message_table(&heads, &rows);
    text.push('\n');
    if chosen.iter().any(|f| f.shared_room) {
        // The mark is the column's, the same in every language.
        text.push_str(&format!("※ {}\n", msg!("cli-facilities-shared-room")));
    }
    Ok(text)
}
