//! `sango holidays YEAR [--json]`: Japanese public holidays, computed.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::output;
use super::{CliError, CliResult};
use crate::domain::holidays;
use crate::domain::jst::weekday_ja;

#[derive(Debug, clap::Args)]
pub struct Args {
    pub year: i32,
    #[arg(long)]
    pub json: bool,
}

#[derive(Serialize)]
struct Row {
    date: NaiveDate,
    name: &'static str,
}

pub fn run(a: Args) -> CliResult {
    if !holidays::YEARS.contains(&a.year) {
        return Err(CliError::refused(format!(
            "year (年) {} is outside {}–{}, the years the holiday rules are known for",
            a.year,
            holidays::YEARS.start(),
            holidays::YEARS.end()
        )));
    }
    let rows: Vec<Row> = holidays::holidays_in_year(a.year)
        .into_iter()
        .map(|(date, name)| Row { date, name })
        .collect();
    if a.json {
        return output::json(&rows);
    }
    let table: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            vec![r.date.to_string(), weekday_ja(r.date.weekday()).to_string(), r.name.to_string()]
        })
        .collect();
    crate::outln!("{}", output::table(&["日付 Date", "曜 Day", "祝日 Holiday"], &table));
    Ok(())
}
