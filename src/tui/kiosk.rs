//! Kiosk mode, as a layer over the app's state machine: a passer-by sees only public information
//! until a mother identifies (user number + her baby's birth date, [`crate::kiosk`] rules), then
//! the wizard, the quota and the bookings work for her alone. Every check is made here, in
//! `update`, not only by hiding things on screen: an action that names anyone else is refused.
//!
//! Time: [`Kiosk::ms`] is a monotonic millisecond counter set by [`tick`] (the event loop feeds
//! it from one `Instant`; tests feed it directly). An idle session shows a countdown in its last
//! 20 s, then [`reset`] forgets everything personal and the next draw clears the terminal.
//! Leaving the program needs the staff PIN; q, Esc at the top, Ctrl-C, Ctrl-\ and Ctrl-Z only
//! open the PIN prompt, guarded by a [`Lockout`].

use std::path::PathBuf;

use crate::kiosk::{self as rules, IdentifyResult, KioskSession, Lockout, Millis};
use crate::pin;

use super::action::Action;
use super::app::{App, Browser, Button, Overlay, Pane, ResidentForm, Screen, Target};
use super::input::Input;
use super::strings::Lang;
use super::theme::Theme;
use super::wizard::{Step, Wizard};

/// The longest PIN accepted at the prompt (`pin::valid_pin` allows at most 12 digits).
pub const PIN_MAX: usize = 12;

/// What the identification form says under the fields. Kept as a kind, not text, so that a
/// lockout's countdown is computed at each draw and the language can change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdentifyNote {
    /// The generic "could not be confirmed" (never which value was wrong).
    Failed,
    /// Too many failures: locked (the countdown is drawn from the session).
    Locked,
    /// Nothing typed in the user number.
    Incomplete,
    /// The birth date is not a date.
    BadDate,
    /// The store could not be read.
    SystemError,
}

/// The identification form.
#[derive(Debug, Clone)]
pub struct IdentifyForm {
    /// 0: user number, 1: birth date.
    pub field: usize,
    pub number: Input,
    pub birth: Input,
    pub note: Option<IdentifyNote>,
}

impl Default for IdentifyForm {
    /// Empty, each field as long as what it can hold (a longer paste is cut).
    fn default() -> IdentifyForm {
        IdentifyForm {
            field: 0,
            number: Input::limited(rules::USER_NUMBER_MAX),
            birth: Input::limited(rules::BIRTH_DATE_MAX),
            note: None,
        }
    }
}

impl IdentifyForm {
    pub fn input_mut(&mut self) -> &mut Input {
        if self.field == 0 { &mut self.number } else { &mut self.birth }
    }
}

/// What the PIN prompt says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PinNote {
    Wrong,
    Locked,
    /// The PIN file could not be read (no path is shown).
    Unavailable,
}

/// A kiosk terminal's state, next to the app's.
#[derive(Debug, Clone)]
pub struct Kiosk {
    pub session: KioskSession,
    /// Now, on the monotonic millisecond counter.
    pub ms: Millis,
    /// The config folder that holds the staff PIN's hash.
    pub pin_dir: PathBuf,
    pub pin_lockout: Lockout,
    /// The PIN being typed (drawn masked).
    pub pin: Input,
    pub pin_note: Option<PinNote>,
    pub form: IdentifyForm,
    /// Someone has used the screen since the last reset: the idle timer runs.
    pub dirty: bool,
    /// The next draw clears the whole terminal first.
    pub clear: bool,
    /// The language and theme the kiosk starts in (restored on reset).
    pub home_lang: Lang,
    pub home_theme: Theme,
}

impl Kiosk {
    pub fn new(idle_secs: u32, pin_dir: PathBuf, lang: Lang, theme: Theme, ms: Millis) -> Kiosk {
        Kiosk {
            session: KioskSession::new(idle_secs, ms),
            ms,
            pin_dir,
            pin_lockout: Lockout::growing(),
            pin: Input::limited(PIN_MAX),
            pin_note: None,
            form: IdentifyForm::default(),
            dirty: false,
            clear: false,
            home_lang: lang,
            home_theme: theme,
        }
    }

    /// Seconds left before the idle reset, in the last 20 s of an idle session.
    pub fn idle_countdown(&self) -> Option<u32> {
        if !self.dirty {
            return None;
        }
        self.session.idle_countdown(self.ms)
    }

    /// Seconds left in the identification lockout.
    pub fn identify_locked(&self) -> Option<u32> {
        self.session.remaining_lockout(self.ms)
    }

    /// Seconds left in the PIN lockout.
    pub fn pin_locked(&self) -> Option<u32> {
        self.pin_lockout.remaining(self.ms)
    }

    /// The user number of the identified mother.
    pub fn identified(&self) -> Option<&str> {
        self.session.identified().map(|i| i.user_number.as_str())
    }
}

impl App {
    /// Turns this app into a kiosk: the welcome screen, idle timeout `idle_secs`, the staff PIN
    /// in `pin_dir`, time `ms` on the monotonic counter.
    pub fn enter_kiosk(&mut self, idle_secs: u32, pin_dir: PathBuf, ms: Millis) {
        self.kiosk = Some(Kiosk::new(idle_secs, pin_dir, self.lang, self.theme, ms));
        reset(self);
        if let Some(k) = self.kiosk.as_mut() {
            k.clear = false;
        }
    }
}

/// Sets the time. An idle session past its timeout is reset. Returns true when the screen
/// changes (a countdown's number, a reset), so the caller redraws.
pub fn tick(app: &mut App, ms: Millis) -> bool {
    let Some(k) = app.kiosk.as_mut() else { return false };
    let before = (k.idle_countdown(), k.identify_locked(), k.pin_locked());
    k.ms = ms;
    if k.dirty && k.session.expire_if_idle(ms) {
        reset(app);
        let msg = app.s().kiosk_timed_out().to_string();
        app.flash(msg);
        return true;
    }
    // Nobody identified: nothing personal may stay (a defence in depth; reset keeps this true).
    if !k.session.is_identified() && (app.resident.is_some() || app.wizard.is_some()) {
        reset(app);
        return true;
    }
    before != (k.idle_countdown(), k.identify_locked(), k.pin_locked())
}

/// Milliseconds until the screen next changes by itself (a countdown's number, the countdown's
/// start, a lockout's end), or `None` when nothing is pending: the event loop sleeps until then.
pub fn next_wake(app: &App) -> Option<Millis> {
    let k = app.kiosk.as_ref()?;
    let to_next_second = |left: Millis| match left % 1000 {
        0 => 1000,
        r => r,
    };
    let mut wake: Option<Millis> = None;
    let mut at = |ms: Millis| wake = Some(wake.map_or(ms, |w| w.min(ms)).max(1));
    if let Some(left) = k.session.remaining_lockout_ms(k.ms) {
        at(to_next_second(left));
    }
    if let Some(left) = k.pin_lockout.remaining_ms(k.ms) {
        at(to_next_second(left));
    }
    if k.dirty {
        let left = k.session.idle_remaining_ms(k.ms);
        let countdown = Millis::from(rules::COUNTDOWN_SECS) * 1000;
        if left > countdown {
            at(left - countdown);
        } else {
            at(to_next_second(left));
        }
    }
    wake
}

/// Forgets everything personal and shows the welcome screen; the next draw clears the terminal.
/// The identification and PIN lockouts stay (starting over is no way around them).
pub fn reset(app: &mut App) {
    let Some(k) = app.kiosk.as_mut() else { return };
    k.session.end_session(k.ms);
    k.form = IdentifyForm::default();
    k.pin = Input::limited(PIN_MAX);
    k.pin_note = None;
    k.dirty = false;
    k.clear = true;
    app.lang = k.home_lang;
    app.theme = k.home_theme;
    app.screen = Screen::Main;
    app.focus = Pane::Facilities;
    app.overlay = None;
    app.browser = Browser::default();
    app.day = app.now.date();
    app.resident = None;
    app.resident_form = ResidentForm::default();
    app.wizard = None;
    app.bookings_cursor = 0;
    app.info_scroll = 0;
    app.registry = Default::default();
    app.day_view = super::dayview::DayView::new(app.now.date());
    app.report = super::report_view::ReportView::new(app.now.date());
    app.export = Default::default();
    app.flash = None;
    app.hits = Default::default();
}

/// After a failure (a terminal I/O error, a panic): a new session on the welcome screen, the
/// program going on.
pub fn restart(app: &mut App) {
    app.quit = false;
    reset(app);
}

/// Records activity (any key or click).
pub fn touch(app: &mut App) {
    if let Some(k) = app.kiosk.as_mut() {
        k.session.touch(k.ms);
        k.dirty = true;
    }
}

/// Opens the staff PIN prompt.
pub fn ask_pin(app: &mut App) {
    if let Some(k) = app.kiosk.as_mut() {
        k.pin.clear();
        k.pin_note = None;
    }
    app.overlay = Some(Overlay::StaffPin);
}

/// The kiosk's own keys, before the screen's: returns true when the action was handled here.
/// Refuses what a kiosk never does (the registry, another resident), asks for identification
/// before anything personal, and turns every way out into the PIN prompt.
pub fn intercept(app: &mut App, a: Action) -> bool {
    let Some(k) = app.kiosk.as_ref() else { return false };
    let identified = k.session.is_identified();
    // A screen a kiosk never shows: back to the welcome screen.
    if matches!(app.screen, Screen::Resident | Screen::Registry | Screen::Day | Screen::Report) {
        app.screen = Screen::Main;
    }
    if app.overlay == Some(Overlay::Export) {
        app.overlay = None;
    }
    match a {
        Action::Quit | Action::Interrupt | Action::Suspend => ask_pin(app),
        Action::StartOver | Action::Click(Target::Button(Button::StartOver)) => {
            reset(app);
            let msg = app.s().kiosk_started_over().to_string();
            app.flash(msg);
        }
        Action::ChooseResident
        | Action::SwitchForm
        | Action::Registry
        | Action::DayView
        | Action::Export
        | Action::Report => {
            let msg = app.s().kiosk_refused().to_string();
            app.flash_error(msg);
        }
        Action::Identify | Action::Click(Target::Button(Button::Identify))
            if app.screen != Screen::Identify =>
        {
            open_identify(app)
        }
        Action::NewBooking | Action::Bookings if !identified => {
            open_identify(app);
            let msg = app.s().kiosk_identify_first().to_string();
            app.flash(msg);
        }
        Action::Back if app.screen == Screen::Main && at_top(app) => ask_pin(app),
        _ => return false,
    }
    true
}

/// True when Esc on the main screen has nothing left to close.
fn at_top(app: &App) -> bool {
    !app.browser.searching
        && !app.browser.detail
        && app.browser.query.is_empty()
        && app.focus == Pane::Facilities
}

fn open_identify(app: &mut App) {
    let Some(k) = app.kiosk.as_mut() else { return };
    if k.session.is_identified() {
        let msg = app.s().kiosk_already_identified().to_string();
        app.flash(msg);
        return;
    }
    k.form.field = 0;
    k.form.note = None;
    app.screen = Screen::Identify;
}

/// The identification form's keys.
pub fn identify_update(app: &mut App, a: Action) {
    let Some(k) = app.kiosk.as_mut() else {
        app.screen = Screen::Main;
        return;
    };
    let f = &mut k.form;
    match a {
        // Leaving the form forgets what was typed, so the next person never sees it.
        Action::Back | Action::Click(Target::Button(Button::Back)) => {
            k.form = IdentifyForm::default();
            app.screen = Screen::Main;
        }
        Action::Up | Action::Down | Action::FocusNext | Action::FocusPrev => {
            f.field = 1 - f.field.min(1);
        }
        Action::Click(Target::FormField(i)) => f.field = i.min(1),
        Action::Char(c) => f.input_mut().insert(c),
        Action::Backspace => f.input_mut().backspace(),
        Action::Delete => f.input_mut().delete(),
        Action::Left => f.input_mut().left(),
        Action::Right => f.input_mut().right(),
        Action::Home => f.input_mut().home(),
        Action::End => f.input_mut().end(),
        Action::Enter | Action::Click(Target::Button(Button::Next)) => {
            if f.field == 0 && f.birth.is_empty() && !f.number.is_empty() {
                f.field = 1;
            } else {
                submit(app);
            }
        }
        _ => {}
    }
}

/// Tries the typed values against the store, under the lockout rule.
fn submit(app: &mut App) {
    let App { kiosk, store, .. } = app;
    let Some(k) = kiosk.as_mut() else { return };
    let ms = k.ms;
    if k.session.remaining_lockout(ms).is_some() {
        k.form.note = Some(IdentifyNote::Locked);
        k.form.field = 0;
        return;
    }
    if k.form.number.is_empty() {
        k.form.note = Some(IdentifyNote::Incomplete);
        k.form.field = 0;
        return;
    }
    let Some(birth) = rules::parse_birth_date(k.form.birth.text()) else {
        k.form.note = Some(IdentifyNote::BadDate);
        k.form.field = 1;
        return;
    };
    let store_failed = std::cell::Cell::new(false);
    let lookup = |id: &str| match store.resident(id) {
        Ok(r) => r.map(|r| r.birth),
        Err(_) => {
            store_failed.set(true);
            None
        }
    };
    let result = k.session.identify(k.form.number.text(), birth, lookup, ms);
    k.form.note = match result {
        IdentifyResult::Identified => None,
        IdentifyResult::Failed { .. } if store_failed.get() => Some(IdentifyNote::SystemError),
        IdentifyResult::Failed { .. } => Some(IdentifyNote::Failed),
        IdentifyResult::LockedOut { .. } | IdentifyResult::StillLocked { .. } => {
            Some(IdentifyNote::Locked)
        }
        IdentifyResult::Incomplete => Some(IdentifyNote::Incomplete),
    };
    if result != IdentifyResult::Identified {
        k.form.field = 0;
        return;
    }
    let id = k.identified().unwrap_or_default().to_string();
    k.form = IdentifyForm::default();
    match app.load_resident(&id) {
        Ok(()) => {
            app.screen = Screen::Main;
            app.focus = Pane::Facilities;
            let msg = app.s().kiosk_welcome_back(&id);
            app.flash(msg);
        }
        Err(e) => {
            if let Some(k) = app.kiosk.as_mut() {
                k.session.end_session(ms);
                k.form.note = Some(IdentifyNote::SystemError);
            }
            app.resident = None;
            app.flash_error(e);
        }
    }
}

/// The staff PIN prompt's keys: digits, Backspace, Enter to check, Esc to go back. Ctrl-C and
/// the other ways out do nothing here.
pub fn pin_update(app: &mut App, a: Action) {
    let Some(k) = app.kiosk.as_mut() else {
        app.overlay = None;
        return;
    };
    match a {
        Action::Char(c) if c.is_ascii_digit() => k.pin.insert(c),
        Action::Backspace => k.pin.backspace(),
        Action::Back | Action::Click(Target::Button(Button::No)) => {
            k.pin.clear();
            k.pin_note = None;
            app.overlay = None;
        }
        Action::Enter | Action::Click(Target::Button(Button::Yes)) => check_pin(app),
        _ => {}
    }
}

fn check_pin(app: &mut App) {
    let Some(k) = app.kiosk.as_mut() else { return };
    let ms = k.ms;
    if k.pin_lockout.remaining(ms).is_some() {
        k.pin.clear();
        k.pin_note = Some(PinNote::Locked);
        return;
    }
    if k.pin.is_empty() {
        return;
    }
    let entered = k.pin.text().to_string();
    k.pin.clear();
    match pin::verify_pin(&k.pin_dir, &entered) {
        Ok(true) => {
            k.pin_lockout.succeed();
            k.pin_note = None;
            app.overlay = None;
            app.quit = true;
        }
        Ok(false) => match k.pin_lockout.fail(ms) {
            rules::AfterFailure::TriesLeft(_) => k.pin_note = Some(PinNote::Wrong),
            rules::AfterFailure::Locked(secs) => pin_locked_out(app, secs),
        },
        Err(_) => k.pin_note = Some(PinNote::Unavailable),
    }
}

/// The moment a PIN lockout starts (`secs` long: 60 s, doubling, at most an hour). Every lockout
/// passes here once, and only here: the place to record it as an event.
pub fn pin_locked_out(app: &mut App, secs: u32) {
    debug_assert!(secs > 0);
    if let Some(k) = app.kiosk.as_mut() {
        k.pin_note = Some(PinNote::Locked);
    }
}

/// A new wizard for the identified mother: her step is done, it starts at the screening.
pub fn kiosk_wizard(app: &App) -> Option<Wizard> {
    let k = app.kiosk.as_ref()?;
    let id = k.identified()?;
    let form = ResidentForm { number: Input::new(id), ..ResidentForm::default() };
    let mut w = Wizard::new(app.ds.programme.screening.len(), form);
    w.step = Step::Screening;
    Some(w)
}

/// The kiosk's journey for the step bar: 1 guide, 2 identify, 3 book and check.
pub fn journey_step(app: &App) -> usize {
    match &app.kiosk {
        Some(k) if k.session.is_identified() => 3,
        _ if app.screen == Screen::Identify => 2,
        _ => 1,
    }
}
