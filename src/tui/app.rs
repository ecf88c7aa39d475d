//! The app's whole state: the terminal's part here, the person's in [`Session`]. The view draws
//! from it, `update` changes it; nothing else does.
//! "Now" is a field, set from the clock at the edge (the event loop) and fixed in tests.

use std::path::PathBuf;
use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate, NaiveDateTime};
use ratatui::layout::{Rect, Size};

use crate::dataset::{Channel, Dataset, Facility};
use crate::domain::care::CareType;
use crate::domain::period::{self, Window};
use crate::i18n::Locale;
use crate::store::{Booking, BookingFilter, Location, QuotaReport, Resident, Store, StoreError};

use super::input::Input;
use super::kiosk::Kiosk;
use super::refresh::Freshness;
use super::session::Session;
use super::store_worker::{Link, Slot, StoreWorker};
use super::theme::Theme;
use super::wizard::Step;
use crate::i18n::words;

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
    /// Staff, through a server: the commands the server refused on sync, to resolve.
    Review,
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
    /// Staff, through a server: sign in (staff ID and password).
    SignIn,
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
    /// A language on the kiosk's welcome screen.
    Lang(crate::i18n::Locale),
    /// Large text on (`true`) or off, on the kiosk's welcome screen.
    Large(bool),
    /// Large text: the pane to show (the row of the panes' names).
    Show(Pane),
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
    /// Kiosk, the idle countdown: she needs more time (anywhere on the screen while it shows).
    MoreTime,
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

/// Each facility's search text, lower-cased once when the app is built (a search key then
/// copies nothing): the strings [`matches_query`] looks in, one per line.
#[derive(Debug, Clone, Default)]
struct SearchIndex {
    /// One per facility of the dataset the index was built from, in dataset order.
    texts: Vec<String>,
}

/// Separates a facility's search strings in [`SearchIndex`]: a query never matches across two.
const SEARCH_SEP: char = '\n';

impl SearchIndex {
    fn new(ds: &Dataset) -> SearchIndex {
        SearchIndex { texts: ds.facilities.iter().map(search_text).collect() }
    }
}

/// Everything the screens show: what belongs to the terminal here, what belongs to the person
/// using it in [`App::session`].
pub struct App {
    pub ds: Dataset,
    /// The booking store, on its own thread (see [`super::store_worker`]): asked, never
    /// waited for.
    pub store: StoreWorker,
    /// The store's place: the daily check opens its own connection there.
    pub location: Option<Location>,
    /// Why the store could not be opened: a staff terminal then quits and the caller reports it
    /// (a kiosk goes on, and reports it when staff leave).
    pub store_error: Option<StoreError>,
    /// The facilities' search texts, built once from `ds`.
    search: SearchIndex,
    /// Recorded on every booking and event.
    pub terminal_id: String,
    /// The language and theme every session starts in (the settings).
    pub home_lang: Locale,
    pub home_theme: Theme,
    /// Japan time, from the clock at the edge.
    pub now: NaiveDateTime,
    pub hits: Hits,
    /// Kiosk mode (`--kiosk` or `mode = "kiosk"`): `None` on a staff terminal.
    pub kiosk: Option<Kiosk>,
    /// The booking store's folder (exports go to its `exports/`); `None` for a store in memory.
    pub data_dir: Option<PathBuf>,
    /// The practice store is open (`--practice`): a banner on every screen.
    pub practice: bool,
    /// The config folder (through a server, the staff sign-in is kept there).
    pub config_dir: Option<PathBuf>,
    /// The daily full check of the store, while it runs on its own thread.
    pub store_check: Option<super::store_check::Running>,
    /// When the app last started a full check (one a day at most, even when it fails to run).
    pub last_check_started: Option<NaiveDateTime>,
    /// When the app last asked the store whether a check is due.
    pub last_check_looked: Option<NaiveDateTime>,
    /// How far the app's clock is from the machine's: a practice session may start at any
    /// moment (`sango --practice --at TIME`) and runs on from there.
    pub clock_offset: chrono::TimeDelta,
    /// The terminal's size at the last draw, or as a resize reported it since; `None` before
    /// the first draw. Too small, the screen shows only a message, and `update` does nothing
    /// that the message hides.
    pub window: Option<Size>,
    /// When the data on screen was last known to be the store's (see [`super::refresh`]).
    pub freshness: Freshness,
    pub quit: bool,
    /// The person using the screens now.
    pub session: Session,
}

impl App {
    /// The app on an open store whose requests run at once on this thread (tests; see
    /// [`StoreWorker::inline`]).
    pub fn new(ds: Dataset, store: Store, lang: Locale, theme: Theme, now: NaiveDateTime) -> App {
        let store = StoreWorker::inline(store, &ds);
        App::with_worker(ds, store, lang, theme, now)
    }

    fn with_worker(
        ds: Dataset,
        store: StoreWorker,
        lang: Locale,
        theme: Theme,
        now: NaiveDateTime,
    ) -> App {
        App {
            search: SearchIndex::new(&ds),
            ds,
            store,
            location: None,
            store_error: None,
            terminal_id: "tui".to_string(),
            home_lang: lang,
            home_theme: theme,
            now,
            hits: Hits::default(),
            kiosk: None,
            data_dir: None,
            practice: false,
            config_dir: None,
            store_check: None,
            last_check_started: None,
            last_check_looked: None,
            clock_offset: chrono::TimeDelta::zero(),
            window: None,
            freshness: Freshness::at(now),
            quit: false,
            session: Session::new(lang, theme, now.date()),
        }
    }

    /// Japan time now on the app's clock: the machine's, moved by [`App::clock_offset`].
    pub fn clock(&self) -> NaiveDateTime {
        super::clock() + self.clock_offset
    }

    /// The next person: a fresh session in the terminal's language and theme, and no click
    /// target of the last person's screen.
    pub fn new_session(&mut self) {
        self.session = Session::new(self.home_lang, self.home_theme, self.today());
        self.hits = Hits::default();
        // Nothing the last person asked of the store is shown to the next.
        self.store.new_session();
    }

    /// The app on a store that opens on its worker thread: the facility browser, the calendar
    /// and the guide draw from the dataset alone, so the first frame never waits for it.
    pub fn opening(
        ds: Dataset,
        store: StoreWorker,
        lang: Locale,
        theme: Theme,
        now: NaiveDateTime,
    ) -> App {
        let mut app = App::with_worker(ds, store, lang, theme, now);
        // Nothing of the store on screen until it is open and first looked at.
        app.freshness = Freshness::default();
        app
    }

    /// The store, when its requests run inline on this thread (tests); `None` when it lives on
    /// its worker thread.
    pub fn inline_store(&self) -> Option<&Store> {
        self.store.inline_store()
    }

    /// True when the store is open and answering (not opening, not reconnecting, not failed).
    pub fn store_is_open(&self) -> bool {
        self.store.link == Link::Ready
    }

    /// True when the window is too small for the panes: the screen shows only a message.
    pub fn window_too_small(&self) -> bool {
        self.window.is_some_and(|s| !super::view::fits(s))
    }

    /// True on a kiosk terminal.
    pub fn is_kiosk(&self) -> bool {
        self.kiosk.is_some()
    }

    /// Whether the screens may show or change the resident `id`: always on a staff terminal; at a
    /// kiosk, only the mother who identified.
    pub fn may_access(&self, id: &str) -> bool {
        !self.is_kiosk() || self.identified() == Some(id)
    }

    /// The user number of the mother identified at a kiosk.
    pub fn identified(&self) -> Option<&str> {
        self.session.identified.as_ref().map(|i| i.user_number.as_str())
    }

    /// A store error as shown: in full to staff; at a kiosk, a plain message without any detail
    /// (no file paths, no other resident).
    pub fn store_error_text(&self, e: &crate::store::StoreError) -> String {
        if self.is_kiosk() { self.t("kiosk-system-error") } else { e.to_string() }
    }

    /// The message `id` in her language, from the message files (`crate::i18n`).
    pub fn t(&self, id: &str) -> String {
        crate::i18n::t(self.session.lang, id)
    }

    /// The message `id` in her language with its variables.
    pub fn tr(&self, id: &str, args: &[(&str, crate::i18n::Value)]) -> String {
        crate::i18n::tr(self.session.lang, id, args)
    }

    pub fn today(&self) -> NaiveDate {
        self.now.date()
    }

    /// Indices into `ds.facilities` that pass the browser's filter, in dataset order.
    pub fn visible_facilities(&self) -> Vec<usize> {
        let q = self.session.browser.query.value().to_lowercase();
        // The index is the dataset's unless `ds` was replaced since (then look the slow way).
        let index = (self.search.texts.len() == self.ds.facilities.len()
            && !q.contains(SEARCH_SEP))
        .then_some(&self.search.texts);
        self.ds
            .facilities
            .iter()
            .enumerate()
            .filter(|(_, f)| self.session.browser.care.is_none_or(|c| f.offers(c)))
            .filter(|(i, f)| {
                q.is_empty()
                    || match index {
                        Some(texts) => texts[*i].contains(q.as_str()),
                        None => matches_query(f, &q),
                    }
            })
            .map(|(i, _)| i)
            .collect()
    }

    /// The facility under the browser's cursor.
    pub fn cursor_facility(&self) -> Option<&Facility> {
        let v = self.visible_facilities();
        v.get(self.session.browser.cursor.min(v.len().saturating_sub(1)))
            .map(|&i| &self.ds.facilities[i])
    }

    /// The facility and care type the panes are about: the wizard's choice when a wizard has one,
    /// else the browser's cursor with the filter's type (or the facility's own section).
    pub fn focus_facility(&self) -> Option<(&Facility, CareType)> {
        if self.session.screen == Screen::Wizard
            && let Some(w) = &self.session.wizard
            && let (Some(id), Some(care)) = (&w.facility, w.care)
            && let Some(f) = self.ds.facility(id)
        {
            return Some((f, care));
        }
        let f = self.cursor_facility()?;
        let care = match self.session.browser.care {
            Some(c) if f.offers(c) => c,
            _ if f.offers(f.section) => f.section,
            _ => *f.types.first()?,
        };
        Some((f, care))
    }

    /// The selected resident's eligibility window at a facility for a care type.
    pub fn window(&self, f: &Facility, care: CareType) -> Option<Window> {
        let r = &self.session.resident.as_ref()?.resident;
        let p = f.period(care)?.period;
        period::window(p, r.birth, r.due, r.corrected)
    }

    /// Reads the resident's record, bookings and quota again from the store (on its thread),
    /// shows them, then calls `then` with the outcome (the words to show when it failed).
    /// At a kiosk, only the identified mother's record can be read.
    pub fn load_resident(
        &mut self,
        id: &str,
        then: impl FnOnce(&mut App, Result<(), String>) + Send + 'static,
    ) {
        self.read_resident(Slot::Resident, id, then);
    }

    /// [`App::load_resident`] for the refresh: shown only if she is still the one on screen;
    /// then `then` (whatever the outcome).
    pub fn reload_resident(&mut self, id: &str, then: fn(&mut App)) {
        self.read_resident(Slot::Reload, id, move |app, _| then(app));
    }

    fn read_resident(
        &mut self,
        slot: Slot,
        id: &str,
        then: impl FnOnce(&mut App, Result<(), String>) + Send + 'static,
    ) {
        if !self.may_access(id) {
            let e = self.t("kiosk-refused");
            return then(self, Err(e));
        }
        let id = id.to_string();
        let asked = id.clone();
        let asked_waiting = id.clone();
        self.store.read(
            slot,
            move |store, ds| {
                let Some(resident) = store.resident(&id)? else { return Ok(None) };
                let filter = BookingFilter { resident: Some(id.clone()), ..Default::default() };
                let bookings = store.bookings(&filter)?;
                let quota = store.quota(&ds.programme, &id)?;
                Ok(Some(ResidentInfo { resident, bookings, quota }))
            },
            move |app, r| {
                let outcome = match r {
                    // The identified mother may have changed since it was asked.
                    Ok(Some(_)) if !app.may_access(&asked) => Err(app.t("kiosk-refused")),
                    Ok(Some(_)) if slot == Slot::Reload && app.resident_id() != Some(&asked) => {
                        Ok(())
                    }
                    Ok(Some(info)) => {
                        app.session.resident = Some(info);
                        Ok(())
                    }
                    Ok(None) => {
                        Err(app.tr("screen-resident-unknown", &[("id", asked.as_str().into())]))
                    }
                    Err(e) => Err(app.store_error_text(&e)),
                };
                then(app, outcome)
            },
        );
        super::server_link::read_waiting(self, &asked_waiting);
    }

    pub fn resident_id(&self) -> Option<&str> {
        self.session.resident.as_ref().map(|r| r.resident.id.as_str())
    }

    /// True when leaving now would lose a booking in progress.
    pub fn wizard_in_progress(&self) -> bool {
        self.session.wizard.as_ref().is_some_and(|w| w.in_progress())
    }

    /// True when printable keys go into a text field.
    pub fn typing(&self) -> bool {
        if matches!(self.session.overlay, Some(Overlay::StaffPin | Overlay::SignIn)) {
            return true;
        }
        if self.session.overlay.is_some() {
            return false;
        }
        match self.session.screen {
            Screen::Main => self.session.browser.searching,
            Screen::Resident => self.session.resident_form.current_is_text(),
            Screen::Wizard => self.session.wizard.as_ref().is_some_and(|w| w.typing()),
            Screen::Identify => true,
            Screen::Registry => self.session.registry.typing(),
            Screen::Review => self.session.review.typing(),
            Screen::Bookings | Screen::Info | Screen::Day | Screen::Report => false,
        }
    }

    /// True when `y`/`n` answer a question (a confirmation or the screening step).
    pub fn answering(&self) -> bool {
        matches!(self.session.overlay, Some(Overlay::ConfirmQuit | Overlay::ConfirmCancel(_)))
            || (self.session.overlay.is_none()
                && self.session.screen == Screen::Wizard
                && self.session.wizard.as_ref().is_some_and(|w| {
                    w.done.is_none() && matches!(w.step, Step::Screening | Step::Confirm)
                }))
    }

    pub fn flash(&mut self, text: impl Into<String>) {
        self.session.flash = Some(Flash { error: false, text: text.into() });
    }

    pub fn flash_error(&mut self, text: impl Into<String>) {
        self.session.flash = Some(Flash { error: true, text: text.into() });
    }

    /// The first day of the calendar's month.
    pub fn month_start(&self) -> NaiveDate {
        self.session.day.with_day(1).unwrap_or(self.session.day)
    }
}

impl ResidentForm {
    pub fn current_is_text(&self) -> bool {
        !matches!(self.current(), Field::Corrected | Field::Exempt)
    }
}

/// The strings a search looks in: the facility's name, area, id, addresses and reservation
/// channels and wording (the name in every language the dataset gives, the channels' names in
/// every language the app speaks — a mother searches in hers — and the wording lower-cased).
fn search_strings(f: &Facility) -> Vec<String> {
    let mut hay: Vec<String> = f.name.versions().map(|(_, n)| n.to_lowercase()).collect();
    hay.extend([f.area().to_string(), f.id.clone()]);
    hay.extend(f.addresses.iter().cloned());
    for r in &f.reservations {
        for c in &r.channels {
            hay.push(c.id().to_string());
            for name in channel_names(*c) {
                if !hay.contains(name) {
                    hay.push(name.clone());
                }
            }
        }
        if let Some(w) = &r.wording {
            hay.extend(w.versions().map(|(_, w)| w.to_lowercase()));
        }
    }
    hay
}

/// A channel's names in every language, lower-cased, looked up once: the index of a ward's
/// thousands of facilities repeats the same four.
fn channel_names(c: Channel) -> &'static [String] {
    static NAMES: LazyLock<Vec<(Channel, Vec<String>)>> = LazyLock::new(|| {
        [Channel::Phone, Channel::Web, Channel::Line, Channel::Email]
            .into_iter()
            .map(|c| (c, Locale::all().map(|l| words::channel(l, c).to_lowercase()).collect()))
            .collect()
    });
    NAMES.iter().find(|(k, _)| *k == c).map_or(&[], |(_, names)| names.as_slice())
}

/// A facility's search strings as one text, [`SEARCH_SEP`] between them.
fn search_text(f: &Facility) -> String {
    search_strings(f).join(&SEARCH_SEP.to_string())
}

/// True when the facility's name, area, address or a reservation channel contains `q`
/// (lower-case). [`App::visible_facilities`] looks in the prebuilt [`SearchIndex`] instead.
fn matches_query(f: &Facility, q: &str) -> bool {
    search_strings(f).iter().any(|h| h.contains(q))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::input::Input;
    use crate::tui::theme::ThemeKind;

    fn app() -> App {
        let ds = crate::dataset::load_embedded().unwrap();
        let store = Store::open_in_memory().unwrap();
        let now = NaiveDate::from_ymd_opt(2026, 11, 20).unwrap().and_hms_opt(10, 30, 0).unwrap();
        App::new(ds, store, Locale::Ja, Theme::new(ThemeKind::Normal), now)
    }

    /// What the browser showed before the index: every facility's strings, copied per key.
    fn slow(app: &App) -> Vec<usize> {
        let q = app.session.browser.query.value().to_lowercase();
        (0..app.ds.facilities.len())
            .filter(|&i| q.is_empty() || matches_query(&app.ds.facilities[i], &q))
            .collect()
    }

    #[test]
    fn the_search_index_finds_what_the_slow_search_found() {
        let mut a = app();
        let mut queries: Vec<String> =
            ["", "line", "LINE", "電話", "web", "北区", "助産院", "kita", "メール", "x", "\n"]
                .iter()
                .map(|s| s.to_string())
                .collect();
        // Pieces of every string searched, and pieces across two neighbouring strings (which
        // must not match unless one string has them).
        for f in &a.ds.facilities {
            let strings = search_strings(f);
            for pair in strings.windows(2) {
                let end: String =
                    pair[0].chars().rev().take(2).collect::<Vec<_>>().into_iter().rev().collect();
                let start: String = pair[1].chars().take(2).collect();
                queries.push(format!("{end}{start}"));
                queries.push(format!("{end}\n{start}"));
            }
            for s in strings {
                let chars: Vec<char> = s.chars().collect();
                for w in chars.windows(3).step_by(5) {
                    queries.push(w.iter().collect());
                }
            }
        }
        assert!(queries.len() > 500);
        for q in queries {
            a.session.browser.query = Input::new(&q);
            assert_eq!(a.visible_facilities(), slow(&a), "query {q:?}");
        }
    }

    #[test]
    fn a_dataset_replaced_after_the_app_was_built_is_searched_the_slow_way() {
        let mut a = app();
        a.ds.facilities.truncate(3);
        a.session.browser.query = Input::new("電話");
        assert_eq!(a.visible_facilities(), slow(&a));
    }
}
