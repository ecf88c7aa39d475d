//! The app's whole state. The view draws from it, `update` changes it; nothing else does.
//! "Now" is a field, set from the clock at the edge (the event loop) and fixed in tests.

use std::path::PathBuf;

use chrono::{Datelike, NaiveDate, NaiveDateTime};
use ratatui::layout::Rect;

use crate::dataset::{Dataset, Facility};
use crate::domain::care::CareType;
use crate::domain::period::{self, Window};
use crate::store::{Booking, BookingFilter, QuotaReport, Resident, Store};

use super::dayview::DayView;
use super::export::ExportDialog;
use super::input::Input;
use super::kiosk::Kiosk;
use super::registry::Registry;
use super::report_view::ReportView;
use super::strings::{Lang, Strings};
use super::theme::Theme;
use super::wizard::{Step, Wizard};

/// The three panes of the main screen, in Tab order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Facilities,
    Calendar,
    Quota,
}

impl Pane {
    pub const ALL: [Pane; 3] = [Pane::Facilities, Pane::Calendar, Pane::Quota];

    pub fn next(self) -> Pane {
        match self {
            Pane::Facilities => Pane::Calendar,
            Pane::Calendar => Pane::Quota,
            Pane::Quota => Pane::Facilities,
        }
    }

    pub fn prev(self) -> Pane {
        self.next().next()
    }
}

/// What fills the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// The three panes.
    Main,
    /// The booking wizard (`App::wizard` is set).
    Wizard,
    /// The selected resident's bookings, with cancel.
    Bookings,
    /// Choosing the resident whose window, bookings and quota the panes show.
    Resident,
    /// Kiosk: the mother identifies with her user number and her baby's birth date.
    Identify,
    /// The programme's guide: fees, limits, rules, what to bring, contacts (nothing personal).
    Info,
    /// Staff: the resident registry (find, register, edit).
    Registry,
    /// Staff: every booking of a day across facilities, or a facility's week.
    Day,
    /// Staff: the monthly report per facility.
    Report,
}

/// A box drawn over the screen that takes the keys until it closes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    Help,
    ConfirmQuit,
    /// Cancel this booking (id)?
    ConfirmCancel(String),
    /// Kiosk: the staff PIN, asked before leaving the program.
    StaffPin,
    /// Staff: export every booking (JSON, CSV, iCalendar) into the data folder.
    Export,
}

/// A one-line message in the status line until the next key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Flash {
    pub error: bool,
    pub text: String,
}

/// The facility browser's filter and cursor.
#[derive(Debug, Clone, Default)]
pub struct Browser {
    pub care: Option<CareType>,
    pub query: Input,
    /// Keys go into the search field.
    pub searching: bool,
    /// Index into the filtered list.
    pub cursor: usize,
    /// First row shown.
    pub offset: usize,
    /// The left pane shows the cursor facility's detail instead of the list.
    pub detail: bool,
    pub detail_scroll: u16,
}

/// The resident the panes show, with her bookings and quota as last read from the store.
#[derive(Debug, Clone)]
pub struct ResidentInfo {
    pub resident: Resident,
    pub bookings: Vec<Booking>,
    pub quota: QuotaReport,
}

/// The resident form: find by user number, or register a new one.
#[derive(Debug, Clone, Default)]
pub struct ResidentForm {
    pub register: bool,
    /// Editing a registered resident (the registry): the user number is fixed, the other
    /// fields are the record's.
    pub edit: bool,
    /// The field with the cursor (see [`ResidentForm::fields`]).
    pub field: usize,
    pub number: Input,
    pub birth: Input,
    pub due: Input,
    pub babies: Input,
    pub corrected: bool,
    pub exempt: bool,
    pub error: Option<String>,
}

/// A field of the resident form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Number,
    Birth,
    Due,
    Babies,
    Corrected,
    Exempt,
}

impl ResidentForm {
    pub fn fields(&self) -> &'static [Field] {
        if self.edit {
            &[Field::Birth, Field::Due, Field::Babies, Field::Corrected, Field::Exempt]
        } else if self.register {
            &[
                Field::Number,
                Field::Birth,
                Field::Due,
                Field::Babies,
                Field::Corrected,
                Field::Exempt,
            ]
        } else {
            &[Field::Number]
        }
    }

    pub fn current(&self) -> Field {
        let f = self.fields();
        f[self.field.min(f.len() - 1)]
    }

    /// Puts the cursor on a field (when the form has it).
    pub fn focus(&mut self, field: Field) {
        if let Some(i) = self.fields().iter().position(|f| *f == field) {
            self.field = i;
        }
    }

    /// A form to edit a registered resident, filled with her record.
    pub fn editing(r: &Resident) -> ResidentForm {
        ResidentForm {
            register: true,
            edit: true,
            field: 0,
            number: Input::new(&r.id),
            birth: Input::new(&r.birth.format("%Y-%m-%d").to_string()),
            due: Input::new(&r.due.map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default()),
            babies: Input::new(&r.babies.to_string()),
            corrected: r.corrected,
            exempt: r.exempt,
            error: None,
        }
    }

    /// The text field with the cursor, if the current field is one.
    pub fn input_mut(&mut self) -> Option<&mut Input> {
        match self.current() {
            Field::Number => Some(&mut self.number),
            Field::Birth => Some(&mut self.birth),
            Field::Due => Some(&mut self.due),
            Field::Babies => Some(&mut self.babies),
            Field::Corrected | Field::Exempt => None,
        }
    }
}

/// Where a click lands, as recorded by the last draw.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Pane(Pane),
    FacilityRow(usize),
    Day(NaiveDate),
    MonthPrev,
    MonthNext,
    /// A row of a list in the wizard or the bookings view.
    Row(usize),
    /// A screening question's answer: (question, yes).
    Answer(usize, bool),
    FormField(usize),
    Button(Button),
}

/// The clickable buttons.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Button {
    Back,
    Next,
    Book,
    Yes,
    No,
    Close,
    Register,
    Find,
    LengthLess,
    LengthMore,
    CancelBooking,
    /// Kiosk: forget everything and go back to the welcome screen.
    StartOver,
    /// Kiosk: open the identification form.
    Identify,
}

/// The clickable rectangles of the last draw, topmost last.
#[derive(Debug, Clone, Default)]
pub struct Hits {
    pub areas: Vec<(Rect, Target)>,
    /// Rows of the facility list that fit in the last draw.
    pub facility_rows: usize,
    /// Rows of the wizard's or bookings view's list that fit in the last draw.
    pub list_rows: usize,
    /// How far the scrolled text of the last draw can scroll (the guide screen).
    pub scroll_max: u16,
}

impl Hits {
    pub fn add(&mut self, area: Rect, target: Target) {
        if area.width > 0 && area.height > 0 {
            self.areas.push((area, target));
        }
    }

    /// The topmost target at a cell.
    pub fn at(&self, column: u16, row: u16) -> Option<Target> {
        self.areas
            .iter()
            .rev()
            .find(|(r, _)| r.contains(ratatui::layout::Position { x: column, y: row }))
            .map(|(_, t)| *t)
    }
}

/// Everything the screens show.
pub struct App {
    pub ds: Dataset,
    pub store: Store,
    /// Recorded on every booking and event.
    pub terminal_id: String,
    pub lang: Lang,
    pub theme: Theme,
    /// Japan time, from the clock at the edge.
    pub now: NaiveDateTime,
    pub screen: Screen,
    pub focus: Pane,
    pub overlay: Option<Overlay>,
    pub browser: Browser,
    /// The calendar's cursor; its month is the month shown.
    pub day: NaiveDate,
    pub resident: Option<ResidentInfo>,
    /// The resident form of the `Resident` screen.
    pub resident_form: ResidentForm,
    pub wizard: Option<Wizard>,
    /// The bookings view's cursor.
    pub bookings_cursor: usize,
    pub flash: Option<Flash>,
    pub hits: Hits,
    /// Kiosk mode (`--kiosk` or `mode = "kiosk"`): `None` on a staff terminal.
    pub kiosk: Option<Kiosk>,
    /// The guide screen's scroll position.
    pub info_scroll: u16,
    /// The help overlay's scroll position (when the keys do not all fit).
    pub help_scroll: u16,
    /// The booking store's folder (exports go to its `exports/`); `None` for a store in memory.
    pub data_dir: Option<PathBuf>,
    pub registry: Registry,
    pub day_view: DayView,
    pub report: ReportView,
    pub export: ExportDialog,
    pub quit: bool,
}

impl App {
    pub fn new(ds: Dataset, store: Store, lang: Lang, theme: Theme, now: NaiveDateTime) -> App {
        App {
            ds,
            store,
            terminal_id: "tui".to_string(),
            lang,
            theme,
            now,
            screen: Screen::Main,
            focus: Pane::Facilities,
            overlay: None,
            browser: Browser::default(),
            day: now.date(),
            resident: None,
            resident_form: ResidentForm::default(),
            wizard: None,
            bookings_cursor: 0,
            flash: None,
            hits: Hits::default(),
            kiosk: None,
            info_scroll: 0,
            help_scroll: 0,
            data_dir: None,
            registry: Registry::default(),
            day_view: DayView::new(now.date()),
            report: ReportView::new(now.date()),
            export: ExportDialog::default(),
            quit: false,
        }
    }

    /// True on a kiosk terminal.
    pub fn is_kiosk(&self) -> bool {
        self.kiosk.is_some()
    }

    /// Whether the screens may show or change the resident `id`: always on a staff terminal; at a
    /// kiosk, only the mother who identified.
    pub fn may_access(&self, id: &str) -> bool {
        match &self.kiosk {
            None => true,
            Some(k) => k.session.identified().is_some_and(|who| who.user_number == id),
        }
    }

    /// A store error as shown: in full to staff; at a kiosk, a plain message without any detail
    /// (no file paths, no other resident).
    pub fn store_error_text(&self, e: &crate::store::StoreError) -> String {
        if self.is_kiosk() { self.s().kiosk_system_error().to_string() } else { e.to_string() }
    }

    pub fn s(&self) -> &'static Strings {
        self.lang.strings()
    }

    pub fn today(&self) -> NaiveDate {
        self.now.date()
    }

    /// Indices into `ds.facilities` that pass the browser's filter, in dataset order.
    pub fn visible_facilities(&self) -> Vec<usize> {
        let q = self.browser.query.value().to_lowercase();
        self.ds
            .facilities
            .iter()
            .enumerate()
            .filter(|(_, f)| self.browser.care.is_none_or(|c| f.offers(c)))
            .filter(|(_, f)| q.is_empty() || matches_query(f, &q))
            .map(|(i, _)| i)
            .collect()
    }

    /// The facility under the browser's cursor.
    pub fn cursor_facility(&self) -> Option<&Facility> {
        let v = self.visible_facilities();
        v.get(self.browser.cursor.min(v.len().saturating_sub(1))).map(|&i| &self.ds.facilities[i])
    }

    /// The facility and care type the panes are about: the wizard's choice when a wizard has one,
    /// else the browser's cursor with the filter's type (or the facility's own section).
    pub fn focus_facility(&self) -> Option<(&Facility, CareType)> {
        if self.screen == Screen::Wizard
            && let Some(w) = &self.wizard
            && let (Some(id), Some(care)) = (&w.facility, w.care)
            && let Some(f) = self.ds.facility(id)
        {
            return Some((f, care));
        }
        let f = self.cursor_facility()?;
        let care = match self.browser.care {
            Some(c) if f.offers(c) => c,
            _ if f.offers(f.section) => f.section,
            _ => *f.types.first()?,
        };
        Some((f, care))
    }

    /// The selected resident's eligibility window at a facility for a care type.
    pub fn window(&self, f: &Facility, care: CareType) -> Option<Window> {
        let r = &self.resident.as_ref()?.resident;
        let p = f.period(care)?.period;
        period::window(p, r.birth, r.due, r.corrected)
    }

    /// Reads the resident's record, bookings and quota again from the store.
    /// At a kiosk, only the identified mother's record can be read.
    pub fn load_resident(&mut self, id: &str) -> Result<(), String> {
        if !self.may_access(id) {
            return Err(self.s().kiosk_refused().to_string());
        }
        let resident = self
            .store
            .resident(id)
            .map_err(|e| self.store_error_text(&e))?
            .ok_or_else(|| self.s().resident_unknown(id))?;
        let bookings = self
            .store
            .bookings(&BookingFilter { resident: Some(id.to_string()), ..Default::default() })
            .map_err(|e| self.store_error_text(&e))?;
        let quota = self.store.quota(&self.ds, id).map_err(|e| self.store_error_text(&e))?;
        self.resident = Some(ResidentInfo { resident, bookings, quota });
        Ok(())
    }

    pub fn resident_id(&self) -> Option<&str> {
        self.resident.as_ref().map(|r| r.resident.id.as_str())
    }

    /// True when leaving now would lose a booking in progress.
    pub fn wizard_in_progress(&self) -> bool {
        self.wizard.as_ref().is_some_and(|w| w.in_progress())
    }

    /// True when printable keys go into a text field.
    pub fn typing(&self) -> bool {
        if self.overlay == Some(Overlay::StaffPin) {
            return true;
        }
        if self.overlay.is_some() {
            return false;
        }
        match self.screen {
            Screen::Main => self.browser.searching,
            Screen::Resident => self.resident_form.current_is_text(),
            Screen::Wizard => self.wizard.as_ref().is_some_and(|w| w.typing()),
            Screen::Identify => true,
            Screen::Registry => self.registry.typing(),
            Screen::Bookings | Screen::Info | Screen::Day | Screen::Report => false,
        }
    }

    /// True when `y`/`n` answer a question (a confirmation or the screening step).
    pub fn answering(&self) -> bool {
        matches!(self.overlay, Some(Overlay::ConfirmQuit | Overlay::ConfirmCancel(_)))
            || (self.overlay.is_none()
                && self.screen == Screen::Wizard
                && self.wizard.as_ref().is_some_and(|w| {
                    w.done.is_none() && matches!(w.step, Step::Screening | Step::Confirm)
                }))
    }

    pub fn flash(&mut self, text: impl Into<String>) {
        self.flash = Some(Flash { error: false, text: text.into() });
    }

    pub fn flash_error(&mut self, text: impl Into<String>) {
        self.flash = Some(Flash { error: true, text: text.into() });
    }

    /// The first day of the calendar's month.
    pub fn month_start(&self) -> NaiveDate {
        self.day.with_day(1).unwrap_or(self.day)
    }
}

impl ResidentForm {
    pub fn current_is_text(&self) -> bool {
        !matches!(self.current(), Field::Corrected | Field::Exempt)
    }
}

/// True when the facility's name, area, address or a reservation channel contains `q` (lower-case).
fn matches_query(f: &Facility, q: &str) -> bool {
    let mut hay = vec![f.name.to_lowercase(), f.area().to_string(), f.id.clone()];
    hay.extend(f.addresses.iter().cloned());
    for r in &f.reservations {
        for c in &r.channels {
            hay.push(c.id().to_string());
            hay.push(c.ja().to_lowercase());
        }
        if let Some(w) = &r.wording {
            hay.push(w.to_lowercase());
        }
    }
    hay.iter().any(|h| h.contains(q))
}
