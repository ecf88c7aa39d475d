//! `sango bookings [--resident ID] [--date DATE] [--facility F] [--at TIME] [--json]`: the
//! bookings recorded on this terminal. A booked booking whose last day is before the day of
//! `--at` (default today) is shown as `used` (利用済み).

use chrono::{NaiveDate, NaiveDateTime};

use super::{CliError, CliResult, Context, args, cmd_store, output};
use crate::dataset::Summary;
use crate::domain::fees::yen;
use crate::store::{Booking, BookingFilter, StoreError};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Only this resident's (利用者番号).
    #[arg(long)]
    pub resident: Option<String>,
    /// Only bookings that occupy this day.
    #[arg(long, value_parser = args::date)]
    pub date: Option<NaiveDate>,
    /// Only this facility's.
    #[arg(long)]
    pub facility: Option<String>,
    /// The moment that decides which bookings read as used (default now, Japan time).
    #[arg(long, value_parser = args::moment)]
    pub at: Option<NaiveDateTime>,
    #[arg(long)]
    pub json: bool,
}

/// A booking as the command line shows it: the status as of `today` and the cancel-by moment.
pub fn view(b: &Booking, names: &Summary, today: NaiveDate) -> serde_json::Value {
    let mut v = serde_json::to_value(b).unwrap_or(serde_json::Value::Null);
    if let Some(o) = v.as_object_mut() {
        o.insert("status".into(), b.status_at(today).id().into());
        o.insert(
            "cancel_by".into(),
            cmd_store::time(b.cancel_by(&names.programme.cancellation.rule())).into(),
        );
        let name = names.facility_name(&b.facility);
        o.insert("facility_name".into(), name.into());
        o.insert("entered_late".into(), b.entered_late().into());
        o.insert("cancel_entered_late".into(), b.cancel_entered_late().into());
    }
    v
}

/// The status in words, with the 後日記録 mark of a booking or cancellation entered late.
fn status_text(b: &Booking, today: NaiveDate) -> String {
    let mut s = b.status_at(today).ja().to_string();
    if b.entered_late() || b.cancel_entered_late() {
        s.push_str(" 後日記録");
    }
    s
}

pub fn run(ctx: &Context, a: Args) -> CliResult {
    // Only the facilities' names are needed.
    let ds = crate::dataset::load_summary(ctx.dataset_path.as_deref())?;
    let store = cmd_store::open_read(ctx)?;
    if let Some(r) = &a.resident
        && store.resident(r)?.is_none()
    {
        return Err(StoreError::UnknownResident(r.clone()).into());
    }
    let filter = BookingFilter { resident: a.resident, date: a.date, facility: a.facility };
    let list = store.bookings(&filter)?;
    if let Some(f) = &filter.facility
        && ds.facility_name(f).is_none()
        && list.is_empty()
    {
        return Err(CliError::refused(format!(
            "unknown facility (施設) '{f}': see `sango facilities` for the ids"
        )));
    }
    let today = args::at_or_now(a.at).date();
    if a.json {
        let all: Vec<serde_json::Value> = list.iter().map(|b| view(b, &ds, today)).collect();
        return output::json(&all);
    }
    let rows: Vec<Vec<String>> = list
        .iter()
        .map(|b| {
            vec![
                b.code.clone().unwrap_or_else(|| b.id.clone()),
                b.resident.clone(),
                ds.facility_name(&b.facility).unwrap_or(&b.facility).to_string(),
                b.care.short_ja().to_string(),
                format!("{} 〜 {}", b.first_day, b.last_day),
                format!("{}{}", b.units, b.care.unit().ja()),
                format!("{}円", yen(b.fee_yen)),
                status_text(b, today),
            ]
        })
        .collect();
    crate::outln!(
        "{}",
        output::table(
            &[
                "予約番号 code",
                "利用者 resident",
                "施設 facility",
                "種類",
                "日程 dates",
                "単位",
                "利用料 fee",
                "状態 status"
            ],
            &rows
        )
    );
    crate::outln!("{} booking(s)", list.len());
    Ok(())
}
