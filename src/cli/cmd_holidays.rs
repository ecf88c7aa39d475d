//! `sango holidays YEAR [--json]`: Japanese public holidays, computed.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::output;
use super::{CliError, CliResult, lang};
use crate::domain::holidays;
use crate::i18n::format;
use crate::msg;

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
        // A span of years, the same in every language.
        let known = format!("{}–{}", holidays::YEARS.start(), holidays::YEARS.end());
        return Err(CliError::refused(msg!(
            "cli-holidays-unknown-year",
            year = a.year.to_string(),
            known = known
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
            vec![
                r.date.to_string(),
                format::weekday(lang::lang(), r.date.weekday()),
                r.name.to_string(),
            ]
        })
        .collect();
    // The holidays' names are the law's, in Japanese.
    let heads = ["cli-holidays-col-date", "cli-holidays-col-day", "cli-holidays-col-holiday"];
    crate::outln!("{}", output::message_table(&heads, &table));
    Ok(())
}
