//! The one place where actions change the app's state.

use chrono::{Days, Months};

use crate::domain::care::CareType;

use super::action::Action;
use super::app::{App, Button, Overlay, Pane, ResidentForm, Screen, Target};
use super::input::Input;
use super::wizard::resident::{FormOutcome, update_form};
use super::wizard::{self, Step, Wizard};
use super::{bookings_view, dayview, export, kiosk, panes, registry, report_view};

/// Applies one action.
pub fn update(app: &mut App, a: Action) {
    if a == Action::Resize || !begin(app) {
        return;
    }
    if let Some(overlay) = app.overlay.clone() {
        overlay_update(app, overlay, a);
        return;
    }
    if kiosk::intercept(app, a) {
        return;
    }
    match a {
        Action::Quit | Action::Interrupt => return request_quit(app),
        Action::Suspend | Action::StartOver => return,
        Action::Guide if app.screen != Screen::Info => {
            app.info_scroll = 0;
            app.screen = Screen::Info;
            return;
        }
        // The staff screens open from anywhere but a text field (the keys are letters) and
        // the wizard (its work would be left behind unseen).
        Action::Registry if app.screen != Screen::Registry && app.screen != Screen::Wizard => {
            return registry::open(app);
        }
        Action::DayView if app.screen != Screen::Day && app.screen != Screen::Wizard => {
            return dayview::open(app);
        }
        Action::Report if app.screen != Screen::Report && app.screen != Screen::Wizard => {
            return report_view::open(app);
        }
        Action::Export if app.screen != Screen::Wizard => return export::open(app),
        Action::Help => {
            app.help_scroll = 0;
            app.overlay = Some(Overlay::Help);
            return;
        }
        Action::ToggleLang => {
            app.lang = app.lang.other();
            return;
        }
        Action::ToggleTheme => {
            app.theme = app.theme.toggled();
            return;
        }
        _ => {}
    }
    match app.screen {
        Screen::Main => main_update(app, a),
        Screen::Wizard => wizard_update(app, a),
        Screen::Bookings => bookings_view::update(app, a),
        Screen::Resident => resident_update(app, a),
        Screen::Identify => kiosk::identify_update(app, a),
        Screen::Info => info_update(app, a),
        Screen::Registry => registry::update(app, a),
        Screen::Day => dayview::update(app, a),
        Screen::Report => report_view::update(app, a),
    }
}

/// What any input does first; false when it must do nothing else.
fn begin(app: &mut App) -> bool {
    // Every action may read or write the store: wait for it when it is still opening. A kiosk
    // whose store could not be opened goes on with the public screens.
    if !app.finish_opening_store() && !app.is_kiosk() {
        return false;
    }
    // At a kiosk, a key during the idle countdown only keeps the session: it must not also
    // act on a screen half hidden by the countdown.
    if app.kiosk.as_ref().is_some_and(|k| k.idle_countdown().is_some()) {
        kiosk::touch(app);
        return false;
    }
    kiosk::touch(app);
    app.flash = None;
    true
}

/// Applies a paste (bracketed: the terminal sent it as one piece). Into the text field that
/// has the keys it goes in as typed, without control characters and cut to the field's room
/// (the staff PIN takes its digits only); anywhere else it is ignored, never read as keys.
pub fn paste(app: &mut App, text: &str) {
    if !begin(app) {
        return;
    }
    let pin = app.overlay == Some(Overlay::StaffPin);
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
    match app.screen {
        Screen::Main => {
            app.browser.cursor = 0;
            app.browser.offset = 0;
        }
        Screen::Registry => registry::filter_changed(app),
        _ => {}
    }
}

/// The text field that typed characters go into now, if any (see [`App::typing`]).
fn focused_field(app: &mut App) -> Option<&mut Input> {
    match app.overlay {
        Some(Overlay::StaffPin) => return app.kiosk.as_mut().map(|k| &mut k.pin),
        Some(_) => return None,
        None => {}
    }
    match app.screen {
        Screen::Main => app.browser.searching.then_some(&mut app.browser.query),
        Screen::Resident => app.resident_form.input_mut(),
        Screen::Wizard => {
            app.wizard.as_mut().filter(|w| w.typing()).and_then(|w| w.form.input_mut())
        }
        Screen::Identify => app.kiosk.as_mut().map(|k| k.form.input_mut()),
        Screen::Registry => app.registry.input_mut(),
        Screen::Bookings | Screen::Info | Screen::Day | Screen::Report => None,
    }
}

/// `q` and Ctrl-C: a kiosk asks for the staff PIN; a staff terminal asks only when a booking is
/// half done.
fn request_quit(app: &mut App) {
    if app.is_kiosk() {
        kiosk::ask_pin(app);
    } else if app.wizard_in_progress() {
        app.overlay = Some(Overlay::ConfirmQuit);
    } else {
        app.quit = true;
    }
}

fn overlay_update(app: &mut App, overlay: Overlay, a: Action) {
    let yes = matches!(a, Action::Yes | Action::Enter | Action::Click(Target::Button(Button::Yes)));
    let no = matches!(a, Action::No | Action::Back | Action::Click(Target::Button(Button::No)));
    match overlay {
        Overlay::Help => {
            let max = app.hits.scroll_max;
            match a {
                Action::Up | Action::ScrollUp(_) => {
                    app.help_scroll = app.help_scroll.saturating_sub(1);
                    return;
                }
                Action::Down | Action::ScrollDown(_) => {
                    app.help_scroll = (app.help_scroll + 1).min(max);
                    return;
                }
                Action::PageUp => {
                    app.help_scroll = app.help_scroll.saturating_sub(10);
                    return;
                }
                Action::PageDown => {
                    app.help_scroll = (app.help_scroll + 10).min(max);
                    return;
                }
                _ => {}
            }
            if matches!(
                a,
                Action::Back | Action::Help | Action::Enter | Action::Quit | Action::Click(_)
            ) {
                app.overlay = None;
            } else if matches!(a, Action::Interrupt | Action::Suspend) && app.is_kiosk() {
                kiosk::ask_pin(app);
            } else if a == Action::Interrupt {
                app.overlay = None;
                request_quit(app);
            }
        }
        Overlay::StaffPin => kiosk::pin_update(app, a),
        Overlay::Export => export::update(app, a),
        Overlay::ConfirmQuit if app.is_kiosk() => kiosk::ask_pin(app),
        Overlay::ConfirmQuit => {
            if yes || a == Action::Interrupt {
                app.overlay = None;
                app.quit = true;
            } else if no {
                app.overlay = None;
            }
        }
        Overlay::ConfirmCancel(id) => {
            if yes {
                app.overlay = None;
                bookings_view::confirm_cancel(app, &id);
            } else if no {
                app.overlay = None;
            }
        }
    }
}

/// Moves the calendar's cursor; returns false when the action is not a calendar move.
pub fn move_calendar(app: &mut App, a: Action) -> bool {
    let d = app.day;
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
        app.day = m;
    }
    true
}

fn main_update(app: &mut App, a: Action) {
    if app.browser.searching && search_update(app, a) {
        return;
    }
    match a {
        Action::FocusNext => app.focus = app.focus.next(),
        Action::FocusPrev => app.focus = app.focus.prev(),
        Action::Search => {
            app.focus = Pane::Facilities;
            app.browser.detail = false;
            app.browser.searching = true;
        }
        Action::CycleCare => {
            app.browser.care = match app.browser.care {
                None => Some(CareType::Stay),
                Some(CareType::Stay) => Some(CareType::Day),
                Some(CareType::Day) => Some(CareType::Visit),
                Some(CareType::Visit) => None,
            };
            app.browser.cursor = 0;
            app.browser.offset = 0;
        }
        Action::NewBooking => start_wizard(app),
        Action::Bookings => open_bookings(app),
        Action::ChooseResident => open_resident(app),
        Action::MonthPrev | Action::MonthNext | Action::Today => {
            move_calendar(app, a);
        }
        Action::Click(Target::Pane(p)) => app.focus = p,
        Action::Click(Target::FacilityRow(i)) => {
            app.focus = Pane::Facilities;
            if app.browser.cursor == i && !app.browser.detail {
                app.browser.detail = true;
                app.browser.detail_scroll = 0;
            } else {
                app.browser.cursor = i;
            }
        }
        Action::Click(t @ (Target::Day(_) | Target::MonthPrev | Target::MonthNext)) => {
            app.focus = Pane::Calendar;
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
        _ => match app.focus {
            Pane::Facilities => facility_move(app, a),
            Pane::Calendar => {
                if a == Action::Back {
                    app.focus = Pane::Facilities;
                } else {
                    move_calendar(app, a);
                }
            }
            Pane::Quota => {
                if a == Action::Back {
                    app.focus = Pane::Facilities;
                }
            }
        },
    }
}

/// Keys while the search field has them; returns true when the key was used.
fn search_update(app: &mut App, a: Action) -> bool {
    let b = &mut app.browser;
    match a {
        Action::Char(c) => b.query.insert(c),
        Action::Backspace => b.query.backspace(),
        Action::Delete => b.query.delete(),
        Action::Left => b.query.left(),
        Action::Right => b.query.right(),
        Action::Home => b.query.home(),
        Action::End => b.query.end(),
        Action::Enter => b.searching = false,
        Action::Back => {
            b.query.clear();
            b.searching = false;
        }
        Action::FocusNext | Action::FocusPrev => {
            b.searching = false;
            return false;
        }
        _ => return false,
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
    let b = &mut app.browser;
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
        if app.wizard.is_none() {
            app.wizard = kiosk::kiosk_wizard(app);
        }
        if app.wizard.is_some() {
            app.screen = Screen::Wizard;
        }
        return;
    }
    if app.wizard.is_none() {
        let form = form_with(app);
        app.wizard = Some(Wizard::new(app.ds.programme.screening.len(), form));
    }
    app.screen = Screen::Wizard;
}

fn open_bookings(app: &mut App) {
    if app.resident.is_none() {
        let msg = app.s().choose_resident_first.to_string();
        open_resident(app);
        app.flash(msg);
        return;
    }
    app.bookings_cursor = 0;
    app.screen = Screen::Bookings;
}

fn open_resident(app: &mut App) {
    if app.is_kiosk() {
        return;
    }
    app.resident_form = form_with(app);
    app.screen = Screen::Resident;
}

fn resident_update(app: &mut App, a: Action) {
    let outcome = {
        let App { resident_form, store, lang, now, terminal_id, .. } = app;
        update_form(resident_form, store, lang.strings(), *now, terminal_id, a)
    };
    match outcome {
        FormOutcome::Editing => {}
        FormOutcome::Leave => app.screen = Screen::Main,
        FormOutcome::Chosen(id) => match app.load_resident(&id) {
            Ok(()) => {
                app.screen = Screen::Main;
                let msg = app.s().resident_chosen(&id);
                app.flash(msg);
            }
            Err(e) => app.flash_error(e),
        },
    }
}

fn wizard_update(app: &mut App, a: Action) {
    let Some(w) = app.wizard.as_ref() else {
        app.screen = Screen::Main;
        return;
    };
    let step = w.step;
    let done = w.done.is_some();
    // At a kiosk the resident is the identified mother: her step is never shown or used.
    if app.is_kiosk() {
        if step == Step::Resident {
            if let Some(w) = app.wizard.as_mut() {
                w.step = Step::Screening;
            }
            return;
        }
        let back = matches!(a, Action::Back | Action::Click(Target::Button(Button::Back)));
        if back && !done && step == Step::Screening {
            app.screen = Screen::Main;
            return;
        }
    }
    // Esc (or the back button) goes back a step; from the first step it leaves the wizard,
    // keeping what was typed for `n` to resume.
    let back = matches!(a, Action::Back | Action::Click(Target::Button(Button::Back)));
    if back && !done && step != Step::Resident {
        if let Some(w) = app.wizard.as_mut()
            && let Some(p) = step.prev()
        {
            w.step = p;
        }
        return;
    }
    match step {
        Step::Resident => {
            let outcome = {
                let App { wizard, store, lang, now, terminal_id, .. } = app;
                let Some(w) = wizard.as_mut() else { return };
                update_form(&mut w.form, store, lang.strings(), *now, terminal_id, a)
            };
            match outcome {
                FormOutcome::Editing => {}
                FormOutcome::Leave => app.screen = Screen::Main,
                FormOutcome::Chosen(id) => match app.load_resident(&id) {
                    Ok(()) => {
                        if let Some(w) = app.wizard.as_mut() {
                            w.step = Step::Screening;
                        }
                    }
                    Err(e) => app.flash_error(e),
                },
            }
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
            app.screen = Screen::Main
        }
        Action::Up | Action::ScrollUp(_) => app.info_scroll = app.info_scroll.saturating_sub(1),
        Action::Down | Action::ScrollDown(_) => app.info_scroll = app.info_scroll.saturating_add(1),
        Action::PageUp => app.info_scroll = app.info_scroll.saturating_sub(10),
        Action::PageDown => app.info_scroll = app.info_scroll.saturating_add(10),
        Action::Home => app.info_scroll = 0,
        Action::End => app.info_scroll = app.hits.scroll_max,
        _ => {}
    }
    app.info_scroll = app.info_scroll.min(app.hits.scroll_max);
}
