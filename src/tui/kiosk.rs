//! Kiosk mode, as a layer over the app's state machine: a passer-by sees only public information
//! until a mother identifies (user number + her baby's birth date, [`crate::kiosk`] rules), then
//! the wizard, the quota and the bookings work for her alone. Every check is made here, in
//! `update`, not only by hiding things on screen: what is allowed follows each screen's and
//! action's [`Audience`], and an action that names anyone else is refused.
//!
//! Time: [`Kiosk::ms`] is a monotonic millisecond counter set by [`tick`] (the event loop feeds
//! it from one `Instant`; tests feed it directly). An idle session shows a countdown in its last
//! 20 s, then [`reset`] starts a new session (nothing personal is left) and the next draw clears
//! the terminal. Leaving the program needs the staff PIN; q, Esc at the top, Ctrl-C, Ctrl-\ and
//! Ctrl-Z only open the PIN prompt, guarded by a growing [`Lockout`].

use std::path::PathBuf;

use chrono::NaiveDate;

use crate::kiosk::{self as rules, IdentifyResult, KioskTerminal, Lockout, Millis};
use crate::kiosk_client::Identify;
use crate::pin;
use crate::store::StoreError;

use super::action::Action;
use super::app::{App, Button, Overlay, Pane, ResidentForm, Screen, Target};
use super::audience::{Audience, allows};
use super::input::Input;
use super::store_worker::{Slot, WriteKind};
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
    /// Through a ward's server: it cannot be reached, nobody can be identified now.
    Offline,
    /// Through a ward's server: it refuses for a while (too many failures there).
    Paused,
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

/// What a kiosk terminal keeps from one person to the next, next to the app's terminal state:
/// the idle clock, the lockouts, where the PIN is. The person's own kiosk state (who
/// identified, the forms being typed) is in the [`Session`](super::session::Session).
#[derive(Debug, Clone)]
pub struct Kiosk {
    /// The idle clock and the identification lockout.
    pub terminal: KioskTerminal,
    /// Now, on the monotonic millisecond counter.
    pub ms: Millis,
    /// The config folder that holds the staff PIN's hash.
    pub pin_dir: PathBuf,
    pub pin_lockout: Lockout,
    /// The next draw clears the whole terminal first.
    pub clear: bool,
}

impl Kiosk {
    pub fn new(idle_secs: u32, pin_dir: PathBuf, ms: Millis) -> Kiosk {
        Kiosk {
            terminal: KioskTerminal::new(idle_secs, ms),
            ms,
            pin_dir,
            pin_lockout: Lockout::growing(),
            clear: false,
        }
    }

    /// Seconds left in the identification lockout.
    pub fn identify_locked(&self) -> Option<u32> {
        self.terminal.remaining_lockout(self.ms)
    }

    /// Seconds left in the PIN lockout.
    pub fn pin_locked(&self) -> Option<u32> {
        self.pin_lockout.remaining(self.ms)
    }
}

/// Seconds left before the idle reset, in the last 20 s of a session someone has used.
pub fn idle_countdown(app: &App) -> Option<u32> {
    let k = app.kiosk.as_ref()?;
    if !app.session.used {
        return None;
    }
    k.terminal.idle_countdown(k.ms)
}

impl App {
    /// Turns this app into a kiosk: the welcome screen, idle timeout `idle_secs`, the staff PIN
    /// in `pin_dir`, time `ms` on the monotonic counter.
    pub fn enter_kiosk(&mut self, idle_secs: u32, pin_dir: PathBuf, ms: Millis) {
        self.kiosk = Some(Kiosk::new(idle_secs, pin_dir, ms));
        self.new_session();
    }
}

/// Sets the time. An idle session past its timeout is reset. Returns true when the screen
/// changes (a countdown's number, a reset), so the caller redraws.
pub fn tick(app: &mut App, ms: Millis) -> bool {
    let countdown = idle_countdown(app);
    let Some(k) = app.kiosk.as_mut() else { return false };
    let before = (countdown, k.identify_locked(), k.pin_locked());
    k.ms = ms;
    if app.session.used && k.terminal.expire_if_idle(ms) {
        reset(app);
        let msg = app.t("kiosk-timed-out");
        app.flash(msg);
        return true;
    }
    // Nobody identified: nothing personal may stay (a defence in depth; a new session keeps
    // this true).
    let s = &app.session;
    if s.identified.is_none() && (s.resident.is_some() || s.wizard.is_some()) {
        reset(app);
        return true;
    }
    let locks = (k.identify_locked(), k.pin_locked());
    before != (idle_countdown(app), locks.0, locks.1)
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
    if let Some(left) = k.terminal.remaining_lockout_ms(k.ms) {
        at(to_next_second(left));
    }
    if let Some(left) = k.pin_lockout.remaining_ms(k.ms) {
        at(to_next_second(left));
    }
    if app.session.used {
        let left = k.terminal.idle_remaining_ms(k.ms);
        let countdown = Millis::from(rules::COUNTDOWN_SECS) * 1000;
        if left > countdown {
            at(left - countdown);
        } else {
            at(to_next_second(left));
        }
    }
    wake
}

/// Forgets everything personal (a new session) and shows the welcome screen; the next draw
/// clears the terminal. The identification and PIN lockouts stay (starting over is no way
/// around them), and so does the idle clock.
pub fn reset(app: &mut App) {
    let Some(k) = app.kiosk.as_mut() else { return };
    k.terminal.touch(k.ms);
    k.clear = true;
    app.new_session();
}

/// Through a ward's server, her session there has ended (10 minutes without a request, a
/// restart of the server): nothing personal stays, and she is asked to identify again.
pub fn session_ended(app: &mut App) {
    reset(app);
    open_identify(app);
    let msg = app.t("kiosk-identify-first");
    app.flash(msg);
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
        k.terminal.touch(k.ms);
        app.session.used = true;
    }
}

/// Opens the staff PIN prompt.
pub fn ask_pin(app: &mut App) {
    app.session.pin.clear();
    app.session.pin_note = None;
    app.session.overlay = Some(Overlay::StaffPin);
}

/// The kiosk's own keys, before the screen's: returns true when the action was handled here.
/// Allows an action only for its [`Audience`]: a staff action is refused, a resident's asks for
/// identification first; every way out becomes the PIN prompt.
pub fn intercept(app: &mut App, a: Action) -> bool {
    if !app.is_kiosk() {
        return false;
    }
    enforce(app);
    match a {
        Action::Quit | Action::Interrupt | Action::Suspend => ask_pin(app),
        Action::StartOver | Action::Click(Target::Button(Button::StartOver)) => {
            reset(app);
            let msg = app.t("kiosk-started-over");
            app.flash(msg);
        }
        Action::Identify | Action::Click(Target::Button(Button::Identify))
            if app.session.screen != Screen::Identify =>
        {
            open_identify(app)
        }
        Action::Back if app.session.screen == Screen::Main && at_top(app) => ask_pin(app),
        a if allows(app, a.audience()) => return false,
        a => refuse(app, a.audience()),
    }
    true
}

/// Keeps a kiosk on what it allows: a screen or box that is not for this person (no key leads
/// there; a defence in depth after every action) is left for the welcome screen, or for
/// identification when it is a mother's.
pub fn enforce(app: &mut App) {
    if !app.is_kiosk() {
        return;
    }
    if let Some(o) = &app.session.overlay
        && !allows(app, o.audience())
    {
        app.session.overlay = None;
    }
    let screen = app.session.screen.audience();
    if !allows(app, screen) {
        app.session.screen = Screen::Main;
        refuse(app, screen);
    }
}

/// Keeps a kiosk's session about the identified mother alone: a record or bookings of anyone
/// else, or another number in her wizard (no key puts them there; a defence in depth after every
/// action, so nothing of anyone else is drawn) are replaced by hers, read again, or forgotten.
pub fn only_hers(app: &mut App) {
    if !app.is_kiosk() {
        return;
    }
    let id = app.identified().map(str::to_string);
    let s = &mut app.session;
    if let (Some(w), Some(id)) = (s.wizard.as_mut(), &id)
        && w.form.number.value() != id.as_str()
    {
        w.form.number = Input::new(id);
    }
    let Some(info) = &s.resident else { return };
    let hers = id
        .as_deref()
        .is_some_and(|id| info.resident.id == id && info.bookings.iter().all(|b| b.resident == id));
    if hers {
        return;
    }
    s.resident = None;
    if let Some(id) = id {
        app.load_resident(&id, |_, _| {});
    }
}

/// What a kiosk says to what it does not allow: identification first for a mother's things,
/// a plain refusal for staff's.
fn refuse(app: &mut App, who: Audience) {
    if who == Audience::Resident {
        open_identify(app);
        let msg = app.t("kiosk-identify-first");
        app.flash(msg);
    } else {
        let msg = app.t("kiosk-refused");
        app.flash_error(msg);
    }
}

/// True when Esc on the main screen has nothing left to close.
fn at_top(app: &App) -> bool {
    !app.session.browser.searching
        && !app.session.browser.detail
        && app.session.browser.query.is_empty()
        && app.session.focus == Pane::Facilities
}

fn open_identify(app: &mut App) {
    if app.session.identified.is_some() {
        let msg = app.t("kiosk-already-identified");
        app.flash(msg);
        return;
    }
    app.session.identify.field = 0;
    app.session.identify.note = None;
    app.session.screen = Screen::Identify;
}

/// The identification form's keys.
pub fn identify_update(app: &mut App, a: Action) {
    if !app.is_kiosk() {
        app.session.screen = Screen::Main;
        return;
    }
    let f = &mut app.session.identify;
    match a {
        // Leaving the form forgets what was typed, so the next person never sees it.
        Action::Back | Action::Click(Target::Button(Button::Back)) => {
            *f = IdentifyForm::default();
            app.session.screen = Screen::Main;
        }
        Action::Up | Action::Down | Action::FocusNext | Action::FocusPrev => {
            f.field = 1 - f.field.min(1);
        }
        Action::Click(Target::FormField(i)) => f.field = i.min(1),
        Action::Enter | Action::Click(Target::Button(Button::Next)) => {
            if f.field == 0 && f.birth.is_empty() && !f.number.is_empty() {
                f.field = 1;
            } else {
                submit(app);
            }
        }
        a => {
            f.input_mut().edit(a);
        }
    }
}

/// Tries the typed values against the store, under the lockout rule: the store is asked on its
/// thread, and the rule is applied when it answers.
fn submit(app: &mut App) {
    let App { kiosk, session, .. } = app;
    let Some(k) = kiosk.as_mut() else { return };
    let f = &mut session.identify;
    let ms = k.ms;
    if k.terminal.remaining_lockout(ms).is_some() {
        f.note = Some(IdentifyNote::Locked);
        f.field = 0;
        return;
    }
    if f.number.is_empty() {
        f.note = Some(IdentifyNote::Incomplete);
        f.field = 0;
        return;
    }
    let Some(birth) = rules::parse_birth_date(f.birth.text()) else {
        f.note = Some(IdentifyNote::BadDate);
        f.field = 1;
        return;
    };
    let number = f.number.text().to_string();
    let id = crate::domain::user_number::normalize(&number);
    if !crate::kiosk::plausible_user_number(&id) {
        // Nobody's number: the rule answers without the store.
        return identified(app, &number, birth, Ok(None));
    }
    if app.store.kiosk_server {
        return identify_at_server(app, number, birth);
    }
    app.store.read(
        Slot::Identify,
        move |store, _| Ok(store.resident(&id)?.map(|r| (r.id, r.birth))),
        move |app, found| identified(app, &number, birth, found),
    );
}

/// Through a ward's server: the server decides (its lockout holds across kiosks); this
/// kiosk's own rule counts its answers too, so the form says how many tries are left as it
/// does on the ward's store.
fn identify_at_server(app: &mut App, number: String, birth: NaiveDate) {
    let typed = number.clone();
    // The last try's words go while this one is checked.
    app.session.identify.note = None;
    app.store.through_kiosk(
        Some(Slot::Identify),
        None,
        move |k, _| k.identify(&typed, birth),
        move |app, answer| {
            let note = match answer {
                Ok(Identify::Yes(id)) => {
                    identified(app, &number, birth, Ok(Some((id, birth))));
                    // Not taken (she left the form meanwhile): the server's session and her
                    // data are not kept for anyone.
                    if app.identified().is_none() {
                        app.store.forget_kiosk();
                    }
                    return;
                }
                Ok(Identify::No) => return identified(app, &number, birth, Ok(None)),
                Ok(Identify::Locked) => IdentifyNote::Paused,
                Ok(Identify::Offline) => IdentifyNote::Offline,
                Err(_) => IdentifyNote::SystemError,
            };
            if app.session.screen == Screen::Identify {
                app.session.identify.note = Some(note);
                app.session.identify.field = 0;
            }
        },
    );
}

/// Applies the lockout rule to the store's answer about the typed user number.
fn identified(
    app: &mut App,
    number: &str,
    birth: NaiveDate,
    found: Result<Option<(String, NaiveDate)>, StoreError>,
) {
    let App { kiosk, session, .. } = app;
    let Some(k) = kiosk.as_mut() else { return };
    if session.screen != Screen::Identify {
        return;
    }
    let f = &mut session.identify;
    let store_failed = found.is_err();
    let found = found.ok().flatten();
    let lookup = |id: &str| found.as_ref().filter(|(x, _)| x == id).map(|(_, b)| *b);
    let result = k.terminal.identify(&mut session.identified, number, birth, lookup, k.ms);
    f.note = match result {
        IdentifyResult::Identified => None,
        IdentifyResult::Failed { .. } if store_failed => Some(IdentifyNote::SystemError),
        IdentifyResult::Failed { .. } => Some(IdentifyNote::Failed),
        IdentifyResult::LockedOut { .. } | IdentifyResult::StillLocked { .. } => {
            Some(IdentifyNote::Locked)
        }
        IdentifyResult::Incomplete => Some(IdentifyNote::Incomplete),
    };
    if result != IdentifyResult::Identified {
        f.field = 0;
        return;
    }
    *f = IdentifyForm::default();
    let id = app.identified().unwrap_or_default().to_string();
    app.load_resident(&id.clone(), move |app, r| match r {
        Ok(()) => {
            app.session.screen = Screen::Main;
            app.session.focus = Pane::Facilities;
            let msg = app.tr("kiosk-welcome-back", &[("id", id.as_str().into())]);
            app.flash(msg);
        }
        Err(e) => {
            app.session.identified = None;
            app.session.identify.note = Some(IdentifyNote::SystemError);
            app.session.resident = None;
            app.flash_error(e);
        }
    });
}

/// The staff PIN prompt's keys: digits, Backspace, Enter to check, Esc to go back. Ctrl-C and
/// the other ways out do nothing here.
pub fn pin_update(app: &mut App, a: Action) {
    if !app.is_kiosk() {
        app.session.overlay = None;
        return;
    }
    let s = &mut app.session;
    match a {
        Action::Char(c) if c.is_ascii_digit() => s.pin.insert(c),
        Action::Backspace => s.pin.backspace(),
        Action::Back | Action::Click(Target::Button(Button::No)) => {
            s.pin.clear();
            s.pin_note = None;
            s.overlay = None;
        }
        Action::Enter | Action::Click(Target::Button(Button::Yes)) => check_pin(app),
        _ => {}
    }
}

fn check_pin(app: &mut App) {
    let App { kiosk, session: s, .. } = app;
    let Some(k) = kiosk.as_mut() else { return };
    let ms = k.ms;
    if k.pin_lockout.remaining(ms).is_some() {
        s.pin.clear();
        s.pin_note = Some(PinNote::Locked);
        return;
    }
    if s.pin.is_empty() {
        return;
    }
    let entered = s.pin.text().to_string();
    s.pin.clear();
    match pin::verify_pin(&k.pin_dir, &entered) {
        Ok(true) => {
            k.pin_lockout.succeed();
            s.pin_note = None;
            s.overlay = None;
            app.quit = true;
        }
        Ok(false) => match k.pin_lockout.fail(ms) {
            rules::AfterFailure::TriesLeft(_) => s.pin_note = Some(PinNote::Wrong),
            rules::AfterFailure::Locked(secs) => pin_locked_out(app, secs),
        },
        Err(_) => s.pin_note = Some(PinNote::Unavailable),
    }
}

/// The moment a PIN lockout starts (`secs` long: 60 s, doubling, at most an hour). Every lockout
/// passes here once, and only here, and is recorded as an event (who tried to leave the kiosk,
/// and when, is the ward's to know). A store that cannot record it does not stop the lockout.
pub fn pin_locked_out(app: &mut App, secs: u32) {
    debug_assert!(secs > 0);
    app.session.pin_note = Some(PinNote::Locked);
    let (now, terminal) = (app.now, app.terminal_id.clone());
    // Not waited for. (A lockout lasts a minute at least: the last one's record is done by the
    // next, so none is refused as a double.)
    let record = move |store: &mut crate::store::Store, _: &crate::dataset::Dataset| {
        store.record_pin_lockout(now, &terminal, secs)
    };
    // Through a ward's server, the event is the server's (the kiosk holds no store of its own).
    if app.store.kiosk_server {
        let send = move |k: &mut crate::kiosk_client::KioskClient, _: &crate::dataset::Dataset| {
            k.record_pin_lockout(secs)
        };
        app.store.through_kiosk(None, Some(WriteKind::PinLockout), send, |_, _| {});
        return;
    }
    app.store.write(WriteKind::PinLockout, record, |_, _| {});
}

/// A new wizard for the identified mother: her step is done, it starts at the screening.
pub fn kiosk_wizard(app: &App) -> Option<Wizard> {
    let id = app.identified()?;
    let form = ResidentForm { number: Input::new(id), ..ResidentForm::default() };
    let mut w = Wizard::new(app.ds.programme.screening.len(), form);
    w.step = Step::Screening;
    w.screen_for(id);
    Some(w)
}

/// The kiosk's journey for the step bar: 1 guide, 2 identify, 3 book and check.
pub fn journey_step(app: &App) -> usize {
    if app.identified().is_some() {
        3
    } else if app.session.screen == Screen::Identify {
        2
    } else {
        1
    }
}
