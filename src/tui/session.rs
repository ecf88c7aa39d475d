//! One person's use of the terminal: what she sees, chose and typed. Everything personal lives
//! here and nowhere else in the app, so that a kiosk's "next person" is one assignment of
//! [`Session::new`] and cannot forget a field. What belongs to the terminal (the dataset, the
//! store, the settings, the kiosk's lockouts and idle clock) is in [`App`](super::app::App).

use chrono::NaiveDate;

use crate::kiosk::Identified;

use super::app::{Browser, Flash, Overlay, Pane, ResidentForm, ResidentInfo, Screen};
use super::dayview::DayView;
use super::export::ExportDialog;
use super::input::Input;
use super::kiosk::{IdentifyForm, PIN_MAX, PinNote};
use super::registry::Registry;
use super::report_view::ReportView;
use super::review_view::ReviewList;
use super::signin::SignInForm;
use super::theme::Theme;
use super::wizard::Wizard;
use crate::i18n::Locale;

/// Everything one person's use of the screens has changed.
#[derive(Debug, Clone)]
pub struct Session {
    /// Her language and theme (`L`, `C`); a new session starts with the terminal's.
    pub lang: Locale,
    pub theme: Theme,
    /// Large text (`T`): one pane at a time, more room; forgotten with her session.
    pub large: bool,
    pub screen: Screen,
    pub focus: Pane,
    pub overlay: Option<Overlay>,
    pub browser: Browser,
    /// The calendar's cursor; its month is the month shown.
    pub day: NaiveDate,
    /// The resident the panes show.
    pub resident: Option<ResidentInfo>,
    /// The resident form of the `Resident` screen.
    pub resident_form: ResidentForm,
    pub wizard: Option<Wizard>,
    /// The bookings view's cursor.
    pub bookings_cursor: usize,
    /// A one-line message in the status line until the next key.
    pub flash: Option<Flash>,
    /// The guide screen's scroll position.
    pub info_scroll: u16,
    /// The help overlay's scroll position (when the keys do not all fit).
    pub help_scroll: u16,
    pub registry: Registry,
    pub day_view: DayView,
    pub report: ReportView,
    pub export: ExportDialog,
    /// Staff, through a server: the review list and the sign-in form.
    pub review: ReviewList,
    pub signin: SignInForm,
    /// Through a server: the outbox's provisional changes for the resident shown (see
    /// `server_link::read_waiting`).
    pub waiting: Vec<serde_json::Value>,
    /// Kiosk: the mother who identified, if anyone.
    pub identified: Option<Identified>,
    /// Kiosk: the identification form.
    pub identify: IdentifyForm,
    /// Kiosk: the staff PIN being typed (drawn masked) and what the prompt says.
    pub pin: Input,
    pub pin_note: Option<PinNote>,
    /// Kiosk: someone has used the screen since the session began, so the idle timer runs.
    pub used: bool,
}

impl Session {
    /// A fresh session on the main screen (a kiosk's welcome screen), the calendar on `today`.
    pub fn new(lang: Locale, theme: Theme, today: NaiveDate) -> Session {
        Session {
            lang,
            theme,
            large: false,
            screen: Screen::Main,
            focus: Pane::Facilities,
            overlay: None,
            browser: Browser::default(),
            day: today,
            resident: None,
            resident_form: ResidentForm::default(),
            wizard: None,
            bookings_cursor: 0,
            flash: None,
            info_scroll: 0,
            help_scroll: 0,
            registry: Registry::default(),
            day_view: DayView::new(today),
            report: ReportView::new(today),
            export: ExportDialog::default(),
            review: ReviewList::default(),
            signin: SignInForm::default(),
            waiting: Vec::new(),
            identified: None,
            identify: IdentifyForm::default(),
            pin: Input::limited(PIN_MAX),
            pin_note: None,
            used: false,
        }
    }
}
