//! The booking wizard: one step per screen, Esc goes back a step, nothing typed is lost.

pub mod care;
pub mod confirm;
pub mod dates;
pub mod facility;
pub mod resident;
pub mod screening;
pub mod view;

use chrono::NaiveDate;

use crate::domain::booking::{self, Plan, Refusal, Taken};
use crate::domain::care::{CareType, Length};
use crate::store::Status;

use super::app::{App, ResidentForm};

/// The wizard's steps, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Step {
    Resident,
    Screening,
    Care,
    Facility,
    Dates,
    Confirm,
}

impl Step {
    pub const ALL: [Step; 6] =
        [Step::Resident, Step::Screening, Step::Care, Step::Facility, Step::Dates, Step::Confirm];

    pub fn number(self) -> usize {
        self as usize + 1
    }

    pub fn prev(self) -> Option<Step> {
        Step::ALL.get((self as usize).checked_sub(1)?).copied()
    }

    pub fn next(self) -> Option<Step> {
        Step::ALL.get(self as usize + 1).copied()
    }
}

/// A booking in progress.
#[derive(Debug, Clone)]
pub struct Wizard {
    pub step: Step,
    pub form: ResidentForm,
    /// One answer per screening question: Some(true) = yes (rules care out). They belong to
    /// one mother in one run of the wizard: see [`Wizard::screen_for`].
    pub answers: Vec<Option<bool>>,
    /// Whose answers `answers` are.
    pub answered_for: Option<String>,
    pub question: usize,
    pub care_cursor: usize,
    pub care: Option<CareType>,
    pub facility_cursor: usize,
    pub facility: Option<String>,
    /// Nights for a stay, days for day care (a visit is one visit).
    pub length: u32,
    /// The booking made, once recorded: (booking id, plan); through a server that could not be
    /// reached, (the command's id, the plan the replica's rules gave).
    pub done: Option<(String, Plan)>,
    /// The booking is provisional (仮予約): the server was not reached, it decides when it is;
    /// the time of the data it was checked against (`YYYY-MM-DDTHH:MM`), if any.
    pub provisional: Option<Option<String>>,
    /// At a kiosk whose server was away: kept as a request for staff (仮予約・スタッフが確認
    /// します), not booked.
    pub requested: bool,
    pub error: Option<String>,
}

impl Wizard {
    pub fn new(questions: usize, form: ResidentForm) -> Wizard {
        Wizard {
            step: Step::Resident,
            form,
            answers: vec![None; questions],
            answered_for: None,
            question: 0,
            care_cursor: 0,
            care: None,
            facility_cursor: 0,
            facility: None,
            length: 1,
            done: None,
            provisional: None,
            requested: false,
            error: None,
        }
    }

    /// True when something was chosen or typed that leaving would lose.
    pub fn in_progress(&self) -> bool {
        self.done.is_none()
            && (self.step > Step::Resident
                || !self.form.number.is_empty()
                || !self.form.birth.is_empty())
    }

    /// Makes the screening ask again unless its answers are this mother's: the answers of one
    /// mother (or of a run left earlier for another) never carry over to another booking.
    pub fn screen_for(&mut self, resident: &str) {
        if self.answered_for.as_deref() != Some(resident) {
            self.answers.iter_mut().for_each(|a| *a = None);
            self.question = 0;
            self.answered_for = Some(resident.to_string());
            if self.step > Step::Screening {
                self.step = Step::Screening;
            }
        }
    }

    /// True when the screening stopped the booking (a "yes").
    pub fn stopped(&self) -> bool {
        self.answers.contains(&Some(true))
    }

    pub fn typing(&self) -> bool {
        self.done.is_none() && self.step == Step::Resident && self.form.current_is_text()
    }

    /// The booking's length for its care type.
    pub fn length_for(&self, care: CareType) -> Length {
        match care {
            CareType::Stay => Length::Nights(self.length.max(1)),
            CareType::Day => Length::Days(self.length.max(1)),
            CareType::Visit => Length::Visit,
        }
    }
}

/// The live check of step 5: every rule through `domain::booking::plan`, for the wizard's
/// resident, care type, facility and length, starting on `start`.
pub fn check(app: &App, start: NaiveDate) -> Option<Result<Plan, Refusal>> {
    let w = app.session.wizard.as_ref()?;
    let info = app.session.resident.as_ref()?;
    let care = w.care?;
    let f = app.ds.facility(w.facility.as_deref()?)?;
    let terms = app.ds.terms(f, care)?;
    let taken: Vec<Taken> = info
        .bookings
        .iter()
        .filter(|b| b.status == Status::Booked)
        .map(|b| Taken { first_day: b.first_day, last_day: b.last_day })
        .collect();
    Some(booking::plan(
        terms,
        info.resident.mother(),
        start,
        w.length_for(care),
        info.quota.get(care)?,
        &taken,
        app.now,
    ))
}
