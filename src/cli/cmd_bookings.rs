//! `sango bookings [--resident ID] [--date DATE] [--facility F] [--at TIME] [--json]`: the
//! bookings recorded on this terminal. A booked booking whose last day is before the day of
//! `--at` (default today) is shown as `used` (利用済み).

use crate::i18n::{format, words};
use crate::msg;
use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime};
use serde::Serialize;

use super::{CliError, CliResult, Context, args, cmd_store, lang, output};

use crate::domain::cancel::CancelRule;
use crate::domain::care::CareType;
use crate::store::{Booking, BookingFilter, StoreError, timefmt};

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

/// A booking as `--json` shows it: its fields, the status as of `today`, the cancel-by moment,
/// the facility's name and the late-entry marks, keys in alphabetical order. Serialised
/// straight from the booking (a `serde_json::Value` per booking was most of a long list's time);
/// the same text as [`view`].
#[derive(Serialize)]
struct View<'a> {
    cancel_by: String,
    cancel_entered_late: bool,
    #[serde(with = "timefmt::option", skip_serializing_if = "Option::is_none")]
    cancel_recorded_at: Option<NaiveDateTime>,
    #[serde(with = "timefmt::option")]
    cancelled_at: Option<NaiveDateTime>,
    #[serde(skip_serializing_if = "Option::is_none")]
    code: Option<&'a str>,
    #[serde(with = "timefmt")]
    created_at: NaiveDateTime,
    days: Option<u32>,
    entered_late: bool,
    facility: &'a str,
    facility_name: Option<&'a str>,
    fee_yen: u32,
    first_day: NaiveDate,
    id: &'a str,
    last_day: NaiveDate,
    nights: Option<u32>,
    #[serde(with = "timefmt::option", skip_serializing_if = "Option::is_none")]
    recorded_at: Option<NaiveDateTime>,
    resident: &'a str,
    status: &'static str,
    terminal: &'a str,
    #[serde(rename = "type")]
    care: CareType,
    units: u32,
    units_charged: u32,
    #[serde(with = "timefmt")]
    updated_at: NaiveDateTime,
}

impl<'a> View<'a> {
    fn of(
        b: &'a Booking,
        facility_name: Option<&'a str>,
        rule: &CancelRule,
        today: NaiveDate,
    ) -> View<'a> {
        View {
            cancel_by: cmd_store::time(b.cancel_by(rule)),
            cancel_entered_late: b.cancel_entered_late(),
            cancel_recorded_at: b.cancel_recorded_at,
            cancelled_at: b.cancelled_at,
            code: b.code.as_deref(),
            created_at: b.created_at,
            days: b.days,
            entered_late: b.entered_late(),
            facility: &b.facility,
            facility_name,
            fee_yen: b.fee_yen,
            first_day: b.first_day,
            id: &b.id,
            last_day: b.last_day,
            nights: b.nights,
            recorded_at: b.recorded_at,
            resident: &b.resident,
            status: b.status_at(today).id(),
            terminal: &b.terminal,
            care: b.care,
            units: b.units,
            units_charged: b.units_charged,
            updated_at: b.updated_at,
        }
    }
}

/// A booking as the command line showed it through a `serde_json::Value`: the reference the
/// test holds [`View`] to.
#[cfg(test)]
fn view(b: &Booking, names: &crate::dataset::Summary, today: NaiveDate) -> serde_json::Value {
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
    let s = words::status(lang::lang(), b.status_at(today));
    if b.entered_late() || b.cancel_entered_late() {
        return msg!("cli-bookings-entered-late", status = s);
    }
    s
}

pub fn run(ctx: &Context, a: Args) -> CliResult {
    // Only the facilities' names are needed.
    let ds = crate::dataset::load_summary(ctx.dataset_path.as_deref())?;
    // Through a server: the replica, and this terminal's provisional commands (仮予約).
    let (store, provisional) = match cmd_store::through_server(ctx)? {
        Some(t) => {
            cmd_store::refreshed(&t);
            let p = t.provisional().map_err(CliError::refused)?;
            (t.replica, p)
        }
        None => (cmd_store::open_read(ctx)?, Vec::new()),
    };
    let provisional: Vec<serde_json::Value> = provisional
        .into_iter()
        .filter(|p| {
            let is = |k: &str, want: &Option<String>| {
                want.as_ref().is_none_or(|w| p[k].is_null() || p[k].as_str() == Some(w.as_str()))
            };
            is("resident", &a.resident.as_ref().map(|r| crate::domain::user_number::normalize(r)))
                && is("facility", &a.facility)
        })
        .collect();
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
        return Err(CliError::refused(msg!("cli-unknown-facility", id = f.as_str())));
    }
    let today = args::at_or_now(a.at).date();
    // Each facility looked up once (a day's list names hundreds of bookings).
    let names: HashMap<&str, &str> =
        ds.facilities.iter().rev().map(|f| (f.id.as_str(), f.name.as_str())).collect();
    if a.json {
        let rule = ds.programme.cancellation.rule();
        let all: Vec<View> = list
            .iter()
            .map(|b| View::of(b, names.get(b.facility.as_str()).copied(), &rule, today))
            .collect();
        if provisional.is_empty() {
            return output::json(&all);
        }
        let mut marked: Vec<serde_json::Value> = all
            .iter()
            .map(|v| serde_json::to_value(v).unwrap_or(serde_json::Value::Null))
            .collect();
        marked.extend(provisional);
        return output::json(&marked);
    }
    let lang = lang::lang();
    let rows: Vec<Vec<String>> = list
        .iter()
        .map(|b| {
            vec![
                b.code.clone().unwrap_or_else(|| b.id.clone()),
                b.resident.clone(),
                names.get(b.facility.as_str()).copied().unwrap_or(&b.facility).to_string(),
                words::care_short(lang, b.care),
                msg!(
                    "cli-bookings-dates",
                    first = b.first_day.to_string(),
                    last = b.last_day.to_string()
                ),
                words::units(lang, b.units, b.care.unit()),
                format::yen(lang, b.fee_yen),
                status_text(b, today),
            ]
        })
        .collect();
    let heads = [
        "cli-bookings-col-code",
        "cli-bookings-col-resident",
        "cli-bookings-col-facility",
        "cli-bookings-col-type",
        "cli-bookings-col-dates",
        "cli-bookings-col-units",
        "cli-bookings-col-fee",
        "cli-bookings-col-status",
    ];
    crate::outln!("{}", output::message_table(&heads, &rows));
    crate::outln!("{}", msg!("cli-bookings-count", n = list.len()));
    for p in &provisional {
        let text = |k: &str| p[k].as_str().map(crate::visible::one_line).unwrap_or_default();
        let what = [text("status"), text("resident"), text("facility"), text("first_day")];
        crate::outln!(
            "{}",
            msg!(
                "cli-bookings-provisional",
                what = what.join(" "),
                booking = text("booking"),
                at = text("data_as_of")
            )
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{BookingRequest, ResidentInput};

    #[test]
    fn the_view_is_the_text_of_the_booking_with_its_added_keys() {
        let ds = crate::dataset::load_embedded().unwrap();
        let names = crate::dataset::Summary::from(ds.clone());
        let at = crate::domain::jst::parse_moment("2026-11-20T10:00").unwrap();
        let s = crate::store::Store::open_in_memory().unwrap();
        let birth = crate::domain::jst::parse_date("2026-11-01").unwrap();
        s.add_resident(&ResidentInput::new("R1", birth), at, "t").unwrap();
        let book = |start: &str| {
            let req = BookingRequest {
                resident: "R1".into(),
                facility: "ayase-sango-care".into(),
                care: CareType::Stay,
                start: crate::domain::jst::parse_date(start).unwrap(),
                length: crate::domain::care::Length::Nights(1),
            };
            s.book(&ds, &req, at, "t").unwrap().booking
        };
        let kept = book("2026-11-25");
        let cancelled = book("2026-11-28");
        s.cancel(&ds, &cancelled.id, at, "t").unwrap();
        let mut all = s.bookings(&BookingFilter::default()).unwrap();
        // One without a code or recorded moments (made before schema 2), one of an unknown
        // facility, one entered late.
        let mut old = kept.clone();
        old.code = None;
        old.recorded_at = None;
        old.facility = "gone".into();
        all.push(old);
        let mut late = kept;
        late.recorded_at = Some(at + chrono::TimeDelta::hours(3));
        all.push(late);
        for today in ["2026-11-20", "2026-12-31"] {
            let today = crate::domain::jst::parse_date(today).unwrap();
            for b in &all {
                let rule = names.programme.cancellation.rule();
                let v = View::of(b, names.facility_name(&b.facility), &rule, today);
                assert_eq!(
                    serde_json::to_string_pretty(&v).unwrap(),
                    serde_json::to_string_pretty(&view(b, &names, today)).unwrap()
                );
            }
        }
    }
}
