//! The one place where actions change the app's state.

use chrono::{Days, Months};

use crate::domain::care::CareType;

use super::action::Action;
use super::app::{App, Button, Overlay, Pane, ResidentForm, Screen, Target};
use super::input::Input;
use super::wizard::resident::{FormOutcome, FormPlace, ask, update_form};
use super::wizard::{self, Step, Wizard};
use super::{
    bookings_view, dayview, export, kiosk, panes, refresh, registry, report_view, review_view,
    signin, store_worker,
};

/// Applies one action. At a kiosk, what it leads to must be allowed there too
/// ([`kiosk::enforce`]) and about the identified mother alone ([`kiosk::only_hers`]).
pub fn update(app: &mut App, a: Action) {
    act(app, a);
    answers(app);
}

/// Applies the store's answers that have come back (see [`store_worker::pump`]), under the same
/// kiosk rules as an action; true when any came. After every action (answers made at once, by a
/// store run inline, apply here) and at every turn of the event loop.
pub fn answers(app: &mut App) -> bool {
    let mut any = false;
    loop {
        let came = store_worker::pump(app);
        any |= came;
        kiosk::enforce(app);
        // This may ask for her record again: its answer is taken at the next pass.
        kiosk::only_hers(app);
        if !came && !app.store.answered_here() {
            return any;
        }
    }
}

fn act(app: &mut App, a: Action) {
    if a == Action::Resize {
        return;
    }
    if app.window_too_small() {
        return behind_the_message(app, a);
    }
    if !begin(app) {
        return;
    }
    // F5 at a kiosk starts over from anywhere, an open box included.
    if a == Action::StartOver && kiosk::intercept(app, a) {
        return;
    }
    if let Some(overlay) = app.session.overlay.clone() {
        overlay_update(app, overlay, a);
        return;
    }
    if kiosk::intercept(app, a) {
        return;
    }
    match a {
        Action::Quit | Action::Interrupt => return request_quit(app),
        Action::Suspend | Action::StartOver => return,
        Action::Guide if app.session.screen != Screen::Info => {
            app.session.info_scroll = 0;
            app.session.screen = Screen::Info;
            return;
        }
        // The staff screens open from anywhere but a text field (the keys are letters) and
        // the wizard (its work would be left behind unseen).
        Action::Registry
            if app.session.screen != Screen::Registry && app.session.screen != Screen::Wizard =>
        {
            return registry::open(app);
        }
        Action::DayView
            if app.session.screen != Screen::Day && app.session.screen != Screen::Wizard =>
        {
            return dayview::open(app);
        }
        Action::Report
            if app.session.screen != Screen::Report && app.session.screen != Screen::Wizard =>
        {
            return report_view::open(app);
        }
        Action::Export if app.session.screen != Screen::Wizard => return export::open(app),
        Action::SignIn if app.store.server.is_some() => return signin::open(app, None),
        Action::Review
            if app.session.screen != Screen::Review && app.session.screen != Screen::Wizard =>
        {
            return review_view::open(app);
        }
        Action::Refresh => return refresh::now(app),
        Action::Help => {
            app.session.help_scroll = 0;
            app.session.overlay = Some(Overlay::Help);
            return;
        }
        // A kiosk goes round every language; a staff terminal has Japanese and English.
        Action::ToggleLang if app.is_kiosk() => {
            app.session.lang = app.session.lang.next();
            return;
        }
        Action::ToggleLang => {
            app.session.lang = app.session.lang.other();
            return;
        }
        Action::Click(Target::Lang(l)) => {
            app.session.lang = l;
            return;
        }
        Action::ToggleTheme => {
            app.session.theme = app.session.theme.toggled();
            return;
        }
        Action::ToggleLarge => {
            app.session.large = !app.session.large;
            return;
        }
        Action::Click(Target::Large(on)) => {
            app.session.large = on;
            return;
        }
        Action::Click(Target::Show(p)) => {
            app.session.focus = p;
            return;
        }
        // Large text shows one pane: Tab shows the next on her bookings and the dates step as
        // it does on the main screen (whose own keys move the focus).
        Action::FocusNext | Action::FocusPrev if app.session.large && tabs_through_panes(app) => {
            let f = app.session.focus;
            app.session.focus = if a == Action::FocusNext { f.next() } else { f.prev() };
            return;
        }
        _ => {}
    }
    match app.session.screen {
        Screen::Main => main_update(app, a),
        Screen::Wizard => wizard_update(app, a),
        Screen::Bookings => bookings_view::update(app, a),
        Screen::Resident => resident_update(app, a),
        Screen::Identify => kiosk::identify_update(app, a),
        Screen::Info => info_update(app, a),
        Screen::Registry => registry::update(app, a),
        Screen::Day => dayview::update(app, a),
        Screen::Report => report_view::update(app, a),
        Screen::Review => review_view::update(app, a),
    }
}

/// While the window is too small, the screen shows only a message: nothing it hides may act (a
/// booking saved that nobody saw). A staff terminal can still quit, asking as usual when a
/// booking is half done (the message shows the question); a kiosk does nothing at all.
fn behind_the_message(app: &mut App, a: Action) {
    // A click lands on what the last draw showed, which the message now hides.
    let click = matches!(a, Action::Click(_) | Action::ScrollUp(_) | Action::ScrollDown(_));
    if app.is_kiosk() || click {
        return;
    }
    if app.session.overlay == Some(Overlay::ConfirmQuit) {
        return overlay_update(app, Overlay::ConfirmQuit, a);
    }
    if matches!(a, Action::Quit | Action::Interrupt) {
        app.session.overlay = None;
        request_quit(app);
    }
}

/// What any input does first; false when it must do nothing else.
fn begin(app: &mut App) -> bool {
    // Nothing waits for the store here: what needs it asks its worker (see `store_worker`).
    // A staff terminal whose store could not be opened is quitting.
    if app.quit {
        return false;
    }
    // At a kiosk, a key during the idle countdown only keeps the session: it must not also
    // act on a screen half hidden by the countdown.
    if kiosk::idle_countdown(app).is_some() {
        kiosk::touch(app);
        return false;
    }
    kiosk::touch(app);
    app.session.flash = None;
    true
}

/// Applies a paste (bracketed: the terminal sent it as one piece). Into the text field that
/// has the keys it goes in as typed, without control characters and cut to the field's room
/// (the staff PIN takes its digits only); anywhere else it is ignored, never read as keys.
pub fn paste(app: &mut App, text: &str) {
    if app.window_too_small() || !begin(app) {
        return;
    }
    let pin = app.session.overlay == Some(Overlay::StaffPin);
    let Some(field) = focused_field(app) else { return };
    let went_in = if pin {
        let digits: String = text.chars().filter(char::is_ascii_digit).collect();
        field.insert_str(&digits)
    } else {
        field.insert_str(text)
    };
    if went_in == 0 {
        return;
    }
    // What a typed character does besides going in: the lists follow their filters.
    match app.session.screen {
        Screen::Main => {
            app.session.browser.cursor = 0;
            app.session.browser.offset = 0;
        }
        Screen::Registry => registry::filter_changed(app),
        _ => {}
    }
}

/// The text field that typed characters go into now, if any (see [`App::typing`]).
fn focused_field(app: &mut App) -> Option<&mut Input> {
    match app.session.overlay {
        Some(Overlay::StaffPin) => return Some(&mut app.session.pin),
        Some(Overlay::SignIn) => return Some(app.session.signin.input_mut()),
        Some(_) => return None,
        None => {}
    }
    match app.session.screen {
        Screen::Main => app.session.browser.searching.then_some(&mut app.session.browser.query),
        Screen::Resident => app.session.resident_form.input_mut(),
        Screen::Wizard => {
            app.session.wizard.as_mut().filter(|w| w.typing()).and_then(|w| w.form.input_mut())
        }
        Screen::Identify => Some(app.session.identify.input_mut()),
        Screen::Registry => app.session.registry.input_mut(),
        Screen::Review => app.session.review.input_mut(),
        Screen::Bookings | Screen::Info | Screen::Day | Screen::Report => None,
    }
}

/// `q` and Ctrl-C: a kiosk asks for the staff PIN; a staff terminal asks only when a booking is
/// half done.
pub(super) fn request_quit(app: &mut App) {
    if app.is_kiosk() {
        kiosk::ask_pin(app);
    } else if app.wizard_in_progress() {
        app.session.overlay = Some(Overlay::ConfirmQuit);
    } else {
        leave(app);
    }
}

/// Quits, unless a change is still being recorded: its answer is waited for on screen (a
/// booking left behind as the program ends would be neither confirmed nor known lost).
fn leave(app: &mut App) {
    if app.store.writing_any() {
        let msg = app.t("store-working");
        app.flash(msg);
        return;
    }
    app.quit = true;
}

fn overlay_update(app: &mut App, overlay: Overlay, a: Action) {
    let yes = matches!(a, Action::Yes | Action::Enter | Action::Click(Target::Button(Button::Yes)));
    let no = matches!(a, Action::No | Action::Back | Action::Click(Target::Button(Button::No)));
    match overlay {
        Overlay::Help => {
            let max = app.hits.scroll_max;
            match a {
                Action::Up | Action::ScrollUp(_) => {
                    app.session.help_scroll = app.session.help_scroll.saturating_sub(1);
                    return;
                }
                Action::Down | Action::ScrollDown(_) => {
                    app.session.help_scroll = (app.session.help_scroll + 1).min(max);
                    return;
                }
                Action::PageUp => {
                    app.session.help_scroll = app.session.help_scroll.saturating_sub(10);
                    return;
                }
                Action::PageDown => {
                    app.session.help_scroll = (app.session.help_scroll + 10).min(max);
                    return;
                }
                _ => {}
            }
            if matches!(
                a,
                Action::Back | Action::Help | Action::Enter | Action::Quit | Action::Click(_)
            ) {
                app.session.overlay = None;
            } else if matches!(a, Action::Interrupt | Action::Suspend) && app.is_kiosk() {
                kiosk::ask_pin(app);
            } else if a == Action::Interrupt {
                app.session.overlay = None;
                request_quit(app);
            }
        }
        Overlay::StaffPin => kiosk::pin_update(app, a),
        Overlay::Export => export::update(app, a),
        Overlay::SignIn => signin::update(app, a),
        Overlay::ConfirmQuit if app.is_kiosk() => kiosk::ask_pin(app),
        Overlay::ConfirmQuit => {
            if yes || a == Action::Interrupt {
                app.session.overlay = None;
                leave(app);
            } else if no {
                app.session.overlay = None;
            }
        }
        Overlay::ConfirmCancel(id) => {
            if yes {
                app.session.overlay = None;
                bookings_view::confirm_cancel(app, &id);
            } else if no {
                app.session.overlay = None;
            }
        }
    }
}

/// Moves the calendar's cursor; returns false when the action is not a calendar move.
pub fn move_calendar(app: &mut App, a: Action) -> bool {
    let d = app.session.day;
    let moved = match a {
        Action::Left => d.checked_sub_days(Days::new(1)),
        Action::Right => d.checked_add_days(Days::new(1)),
        Action::Up => d.checked_sub_days(Days::new(7)),
        Action::Down => d.checked_add_days(Days::new(7)),
        Action::PageUp | Action::MonthPrev | Action::Click(Target::MonthPrev) => {
            d.checked_sub_months(Months::new(1))
        }
        Action::PageDown | Action::MonthNext | Action::Click(Target::MonthNext) => {
            d.checked_add_months(Months::new(1))
        }
        Action::ScrollUp(Target::Day(_) | Target::Pane(Pane::Calendar)) => {
            d.checked_sub_days(Days::new(7))
        }
        Action::ScrollDown(Target::Day(_) | Target::Pane(Pane::Calendar)) => {
            d.checked_add_days(Days::new(7))
        }
        Action::Home | Action::Today => Some(app.today()),
        Action::Click(Target::Day(day)) => Some(day),
        _ => return false,
    };
    if let Some(m) = moved {
        app.session.day = m;
    }
    true
}

/// Whether Tab goes through the panes here only in large text: her bookings and the wizard's
/// dates step, drawn one pane at a time (`panes::areas`) with no other use for Tab.
fn tabs_through_panes(app: &App) -> bool {
    match app.session.screen {
        Screen::Bookings => true,
        Screen::Wizard => app.session.wizard.as_ref().is_some_and(|w| w.step == Step::Dates),
        _ => false,
    }
}

fn main_update(app: &mut App, a: Action) {
    if app.session.browser.searching && search_update(app, a) {
        return;
    }
    match a {
        Action::FocusNext => app.session.focus = app.session.focus.next(),
        Action::FocusPrev => app.session.focus = app.session.focus.prev(),
        Action::Search => {
            app.session.focus = Pane::Facilities;
            app.session.browser.detail = false;
            app.session.browser.searching = true;
        }
        Action::CycleCare => {
            // All, then each type the programme offers, then all again.
            let offered: Vec<CareType> = app.ds.programme.offered().collect();
            app.session.browser.care = match app.session.browser.care {
                None => offered.first().copied(),
                Some(c) => offered.iter().skip_while(|o| **o != c).nth(1).copied(),
            };
            app.session.browser.cursor = 0;
            app.session.browser.offset = 0;
        }
        Action::NewBooking => start_wizard(app),
        Action::Bookings => open_bookings(app),
        Action::ChooseResident => open_resident(app),
        Action::MonthPrev | Action::MonthNext | Action::Today => {
            move_calendar(app, a);
        }
        Action::Click(Target::Pane(p)) => app.session.focus = p,
        Action::Click(Target::FacilityRow(i)) => {
            app.session.focus = Pane::Facilities;
            if app.session.browser.cursor == i && !app.session.browser.detail {
                app.session.browser.detail = true;
                app.session.browser.detail_scroll = 0;
            } else {
                app.session.browser.cursor = i;
            }
        }
        Action::Click(t @ (Target::Day(_) | Target::MonthPrev | Target::MonthNext)) => {
            app.session.focus = Pane::Calendar;
            move_calendar(app, Action::Click(t));
        }
        Action::ScrollUp(Target::FacilityRow(_) | Target::Pane(Pane::Facilities)) => {
            facility_move(app, Action::Up)
        }
        Action::ScrollDown(Target::FacilityRow(_) | Target::Pane(Pane::Facilities)) => {
            facility_move(app, Action::Down)
        }
        Action::ScrollUp(_) | Action::ScrollDown(_) => {
            move_calendar(app, a);
        }
        _ => match app.session.focus {
            Pane::Facilities => facility_move(app, a),
            Pane::Calendar => {
                if a == Action::Back {
                    app.session.focus = Pane::Facilities;
                } else {
                    move_calendar(app, a);
                }
            }
            Pane::Quota => {
                if a == Action::Back {
                    app.session.focus = Pane::Facilities;
                }
            }
        },
    }
}

/// Keys while the search field has them; returns true when the key was used.
fn search_update(app: &mut App, a: Action) -> bool {
    let b = &mut app.session.browser;
    match a {
        Action::Enter => b.searching = false,
        Action::Back => {
            b.query.clear();
            b.searching = false;
        }
        Action::FocusNext | Action::FocusPrev => {
            b.searching = false;
            return false;
        }
        _ => {
            if !b.query.edit(a) {
                return false;
            }
        }
    }
    b.cursor = 0;
    b.offset = 0;
    true
}

/// The facility pane's keys: move, open and close the detail, scroll it.
fn facility_move(app: &mut App, a: Action) {
    let n = app.visible_facilities().len();
    let last = n.saturating_sub(1);
    let page = app.hits.facility_rows.max(1);
    let b = &mut app.session.browser;
    if b.detail {
        match a {
            Action::Back | Action::Enter | Action::Left => b.detail = false,
            Action::Up => b.detail_scroll = b.detail_scroll.saturating_sub(1),
            Action::Down => b.detail_scroll = b.detail_scroll.saturating_add(1).min(200),
            Action::PageUp => b.detail_scroll = b.detail_scroll.saturating_sub(10),
            Action::PageDown => b.detail_scroll = b.detail_scroll.saturating_add(10).min(200),
            _ => {}
        }
        return;
    }
    match a {
        Action::Up => b.cursor = b.cursor.saturating_sub(1),
        Action::Down => b.cursor = (b.cursor + 1).min(last),
        Action::PageUp => b.cursor = b.cursor.saturating_sub(page),
        Action::PageDown => b.cursor = (b.cursor + page).min(last),
        Action::Home => b.cursor = 0,
        Action::End => b.cursor = last,
        Action::Enter | Action::Right if n > 0 => {
            b.detail = true;
            b.detail_scroll = 0;
        }
        Action::Back if !b.query.is_empty() => {
            b.query.clear();
            b.cursor = 0;
        }
        _ => {}
    }
    b.cursor = b.cursor.min(last);
    b.offset = panes::facilities::scroll_offset(b.offset, b.cursor, page, n);
}

fn form_with(app: &App) -> ResidentForm {
    ResidentForm { number: Input::new(app.resident_id().unwrap_or("")), ..ResidentForm::default() }
}

/// Opens the wizard (resuming a paused one). At a kiosk, for the identified mother only.
fn start_wizard(app: &mut App) {
    if app.is_kiosk() {
        if app.session.wizard.is_none() {
            app.session.wizard = kiosk::kiosk_wizard(app);
        }
        if app.session.wizard.is_some() {
            app.session.screen = Screen::Wizard;
        }
        return;
    }
    // A wizard left half done for another mother is not resumed for this one: nothing of it
    // (her number, her screening answers) carries over.
    let other = match (app.resident_id(), app.session.wizard.as_ref()) {
        (Some(id), Some(w)) => w.answered_for.as_deref().is_some_and(|a| a != id),
        _ => false,
    };
    if app.session.wizard.is_none() || other {
        let form = form_with(app);
        app.session.wizard = Some(Wizard::new(app.ds.programme.screening.len(), form));
    }
    app.session.screen = Screen::Wizard;
}

fn open_bookings(app: &mut App) {
    if app.session.resident.is_none() {
        let msg = app.t("staff-choose-resident-first");
        open_resident(app);
        app.flash(msg);
        return;
    }
    app.session.bookings_cursor = 0;
    app.session.screen = Screen::Bookings;
}

fn open_resident(app: &mut App) {
    if app.is_kiosk() {
        return;
    }
    app.session.resident_form = form_with(app);
    app.session.screen = Screen::Resident;
}

fn resident_update(app: &mut App, a: Action) {
    let outcome = {
        let App { session, now, .. } = app;
        update_form(&mut session.resident_form, session.lang, *now, a)
    };
    resident_outcome(app, outcome);
}

/// What the resident screen's form led to (at once, or when the store answered).
fn resident_outcome(app: &mut App, outcome: FormOutcome) {
    match outcome {
        // Finding or registering never reviews: only an edit (the registry) does.
        FormOutcome::Editing | FormOutcome::Review(..) => {}
        FormOutcome::Submit(job) => ask(app, FormPlace::Resident, job, resident_outcome),
        FormOutcome::Leave => app.session.screen = Screen::Main,
        FormOutcome::Chosen(id) => app.load_resident(&id.clone(), move |app, r| match r {
            Ok(()) => {
                // Left for another screen meanwhile: she is chosen, the screen stays.
                if app.session.screen == Screen::Resident {
                    app.session.screen = Screen::Main;
                }
                let msg = app.tr("staff-resident-chosen", &[("id", id.as_str().into())]);
                app.flash(msg);
            }
            Err(e) => app.flash_error(e),
        }),
    }
}

/// What the wizard's first step led to (at once, or when the store answered).
fn wizard_resident_outcome(app: &mut App, outcome: FormOutcome) {
    match outcome {
        FormOutcome::Editing | FormOutcome::Review(..) => {}
        FormOutcome::Submit(job) => ask(app, FormPlace::Wizard, job, wizard_resident_outcome),
        FormOutcome::Leave => app.session.screen = Screen::Main,
        FormOutcome::Chosen(id) => app.load_resident(&id.clone(), move |app, r| match r {
            Ok(()) => {
                if let Some(w) = app.session.wizard.as_mut()
                    && w.step == Step::Resident
                {
                    w.step = Step::Screening;
                    w.screen_for(&id);
                }
            }
            Err(e) => app.flash_error(e),
        }),
    }
}

fn wizard_update(app: &mut App, a: Action) {
    let Some(w) = app.session.wizard.as_ref() else {
        app.session.screen = Screen::Main;
        return;
    };
    let step = w.step;
    let done = w.done.is_some();
    // At a kiosk the resident is the identified mother: her step is never shown or used.
    if app.is_kiosk() {
        if step == Step::Resident {
            if let Some(w) = app.session.wizard.as_mut() {
                w.step = Step::Screening;
            }
            return;
        }
        let back = matches!(a, Action::Back | Action::Click(Target::Button(Button::Back)));
        if back && !done && step == Step::Screening {
            app.session.screen = Screen::Main;
            return;
        }
    }
    // Esc (or the back button) goes back a step; from the first step it leaves the wizard,
    // keeping what was typed for `n` to resume.
    let back = matches!(a, Action::Back | Action::Click(Target::Button(Button::Back)));
    if back && !done && step != Step::Resident {
        if let Some(w) = app.session.wizard.as_mut()
            && let Some(p) = step.prev()
        {
            w.step = p;
        }
        return;
    }
    match step {
        Step::Resident => {
            let outcome = {
                let App { session, now, .. } = app;
                let Some(w) = session.wizard.as_mut() else { return };
                update_form(&mut w.form, session.lang, *now, a)
            };
            wizard_resident_outcome(app, outcome);
        }
        Step::Screening => wizard::screening::update(app, a),
        Step::Care => wizard::care::update(app, a),
        Step::Facility => wizard::facility::update(app, a),
        Step::Dates => wizard::dates::update(app, a),
        Step::Confirm => wizard::confirm::update(app, a),
    }
}

/// The guide screen: scroll, Esc back.
fn info_update(app: &mut App, a: Action) {
    match a {
        Action::Back | Action::Guide | Action::Click(Target::Button(Button::Back)) => {
            app.session.screen = Screen::Main
        }
        Action::Up | Action::ScrollUp(_) => {
            app.session.info_scroll = app.session.info_scroll.saturating_sub(1)
        }
        Action::Down | Action::ScrollDown(_) => {
            app.session.info_scroll = app.session.info_scroll.saturating_add(1)
        }
        Action::PageUp => app.session.info_scroll = app.session.info_scroll.saturating_sub(10),
        Action::PageDown => app.session.info_scroll = app.session.info_scroll.saturating_add(10),
        Action::Home => app.session.info_scroll = 0,
        Action::End => app.session.info_scroll = app.hits.scroll_max,
        _ => {}
    }
    app.session.info_scroll = app.session.info_scroll.min(app.hits.scroll_max);
}
