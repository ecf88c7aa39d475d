//! Who may use each screen, each box and each action: an allow-list. A staff terminal allows
//! everything; a kiosk allows what is public, what is the identified mother's once she has
//! identified, and nothing that is staff's. Every `audience` below is an exhaustive `match`: a new
//! screen, box or action does not compile until someone decides who it is for, so nothing new is
//! ever open at a kiosk by default.

use super::action::Action;
use super::app::{App, Overlay, Screen};

/// Who may use a screen, a box or an action.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    /// Anyone: the facilities, the guide, moving around, the language, the staff PIN prompt.
    Public,
    /// The identified mother: her quota, bookings, booking and cancelling.
    Resident,
    /// Staff only: any resident, the registry, the day view, reports, exports.
    Staff,
}

/// Whether the terminal allows `who` now: a staff terminal everything; a kiosk the public, the
/// resident's once a mother is identified, never staff's.
pub fn allows(app: &App, who: Audience) -> bool {
    if !app.is_kiosk() {
        return true;
    }
    match who {
        Audience::Public => true,
        Audience::Resident => app.identified().is_some(),
        Audience::Staff => false,
    }
}

impl Screen {
    /// Every screen.
    pub const ALL: [Screen; 10] = [
        Screen::Main,
        Screen::Wizard,
        Screen::Bookings,
        Screen::Resident,
        Screen::Identify,
        Screen::Info,
        Screen::Registry,
        Screen::Day,
        Screen::Report,
        Screen::Review,
    ];

    pub fn audience(self) -> Audience {
        match self {
            Screen::Main | Screen::Identify | Screen::Info => Audience::Public,
            Screen::Wizard | Screen::Bookings => Audience::Resident,
            // The resident chooser finds anyone by number.
            Screen::Resident | Screen::Registry | Screen::Day | Screen::Report | Screen::Review => {
                Audience::Staff
            }
        }
    }
}

impl Overlay {
    pub fn audience(&self) -> Audience {
        match self {
            // The PIN prompt is how staff leave a kiosk; quitting asks it there.
            Overlay::Help | Overlay::ConfirmQuit | Overlay::StaffPin => Audience::Public,
            Overlay::ConfirmCancel(_) => Audience::Resident,
            Overlay::Export | Overlay::SignIn => Audience::Staff,
        }
    }
}

impl Action {
    pub fn audience(self) -> Audience {
        use Action as A;
        match self {
            A::Quit
            | A::Interrupt
            | A::Suspend
            | A::StartOver
            | A::Identify
            | A::Guide
            | A::Help
            | A::ToggleLang
            | A::ToggleTheme
            | A::ToggleLarge
            | A::FocusNext
            | A::FocusPrev
            | A::Up
            | A::Down
            | A::Left
            | A::Right
            | A::PageUp
            | A::PageDown
            | A::Home
            | A::End
            | A::MonthPrev
            | A::MonthNext
            | A::Today
            | A::Enter
            | A::Back
            | A::Search
            | A::CycleCare
            | A::More
            | A::Less
            | A::Yes
            | A::No
            | A::Toggle
            | A::Char(_)
            | A::Backspace
            | A::Delete
            | A::Resize => Audience::Public,
            // A click or the wheel lands only on what the last draw showed, on a screen already
            // allowed.
            A::Click(_) | A::ScrollUp(_) | A::ScrollDown(_) => Audience::Public,
            A::NewBooking | A::Bookings | A::CancelBooking => Audience::Resident,
            A::Registry
            | A::DayView
            | A::Export
            | A::Report
            | A::Refresh
            | A::SignIn
            | A::Review
            | A::ChooseResident
            | A::SwitchForm => Audience::Staff,
        }
    }
}
