//! Keys and mouse events become actions; `update` gives them meaning on the current screen.
//! Only key presses count (not releases or repeats reported as releases), so keys never act twice.

use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

use super::app::{App, Target};

/// Everything a person can ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// `q`: leave (asks first when a booking is half done).
    Quit,
    /// Ctrl-C: leave, asking as `q` does.
    Interrupt,
    /// Ctrl-Z or Ctrl-\\ (suspend, quit signal): in raw mode these are keys, never signals.
    /// Nothing on a staff terminal; at a kiosk they ask for the staff PIN as `q` does.
    Suspend,
    /// F5: start over (kiosk: forget everything, back to the welcome screen).
    StartOver,
    /// `i`: identify (kiosk).
    Identify,
    /// `g`: the programme's guide (fees, rules, contacts).
    Guide,
    /// `r`: the resident registry (staff).
    Registry,
    /// `d`: the bookings of a day, or a facility's week (staff).
    DayView,
    /// `e`: export the bookings (staff).
    Export,
    /// `m`: the monthly report (staff).
    Report,
    /// `s`: sign in at the server (staff, through a server).
    SignIn,
    /// `v`: the review list of commands the server refused (staff, through a server).
    Review,
    /// Ctrl-R: read what the screens show from the store again now (staff; it also happens by
    /// itself within a second of another terminal's change).
    Refresh,
    Help,
    ToggleLang,
    ToggleTheme,
    /// `T`: large text, one pane at a time with more room (chosen on a kiosk's welcome screen).
    ToggleLarge,
    FocusNext,
    FocusPrev,
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Home,
    End,
    /// Previous / next month on the calendar.
    MonthPrev,
    MonthNext,
    /// Move the calendar to today.
    Today,
    Enter,
    Back,
    /// `/`: search the facilities.
    Search,
    /// `t`: cycle the care-type filter (all, stay, day, visit).
    CycleCare,
    /// `n`: start (or resume) a booking.
    NewBooking,
    /// `b`: the resident's bookings.
    Bookings,
    /// `u`: choose the resident.
    ChooseResident,
    /// `x` / Delete: cancel the booking under the cursor.
    CancelBooking,
    /// `+` / `-`: a longer or shorter stay.
    More,
    Less,
    /// `y` / `n` in a question.
    Yes,
    No,
    /// Space: toggle a check box.
    Toggle,
    /// F2: switch between finding and registering a resident.
    SwitchForm,
    /// Text input.
    Char(char),
    Backspace,
    Delete,
    Click(Target),
    ScrollUp(Target),
    ScrollDown(Target),
    /// The window changed size: redraw.
    Resize,
}

/// The action for a terminal event, if any.
pub fn from_event(app: &App, event: &Event) -> Option<Action> {
    match event {
        Event::Key(k) if k.kind == KeyEventKind::Press => from_key(app, k),
        Event::Mouse(m) => from_mouse(app, m),
        Event::Resize(..) => Some(Action::Resize),
        _ => None,
    }
}

/// The action for a key press.
pub fn from_key(app: &App, k: &KeyEvent) -> Option<Action> {
    use Action as A;
    let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
    if ctrl {
        // Ctrl-\ arrives as Ctrl-4 from most terminals, as Ctrl-\ with the kitty protocol.
        return match k.code {
            KeyCode::Char('c' | 'C') => Some(A::Interrupt),
            KeyCode::Char('z' | 'Z' | '\\' | '4') => Some(A::Suspend),
            KeyCode::Char('l') => Some(A::Resize),
            KeyCode::Char('r' | 'R') => Some(A::Refresh),
            _ => None,
        };
    }
    let common = match k.code {
        KeyCode::Enter => Some(A::Enter),
        KeyCode::Esc => Some(A::Back),
        KeyCode::Tab => Some(A::FocusNext),
        KeyCode::BackTab => Some(A::FocusPrev),
        KeyCode::Up => Some(A::Up),
        KeyCode::Down => Some(A::Down),
        KeyCode::Left => Some(A::Left),
        KeyCode::Right => Some(A::Right),
        KeyCode::PageUp => Some(A::PageUp),
        KeyCode::PageDown => Some(A::PageDown),
        KeyCode::Home => Some(A::Home),
        KeyCode::End => Some(A::End),
        KeyCode::Backspace => Some(A::Backspace),
        KeyCode::Delete => Some(A::Delete),
        KeyCode::F(1) => Some(A::Help),
        KeyCode::F(2) => Some(A::SwitchForm),
        KeyCode::F(5) => Some(A::StartOver),
        _ => None,
    };
    if common.is_some() {
        return common;
    }
    let KeyCode::Char(c) = k.code else { return None };
    if app.typing() {
        return Some(A::Char(c));
    }
    Some(match c {
        'q' => A::Quit,
        '?' => A::Help,
        'L' => A::ToggleLang,
        'C' => A::ToggleTheme,
        'T' => A::ToggleLarge,
        'k' => A::Up,
        'j' => A::Down,
        'h' => A::Left,
        'l' => A::Right,
        '[' | '<' => A::MonthPrev,
        ']' | '>' => A::MonthNext,
        '.' => A::Today,
        '/' => A::Search,
        't' => A::CycleCare,
        'n' if app.answering() => A::No,
        'n' | 'N' => A::NewBooking,
        'y' => A::Yes,
        'b' => A::Bookings,
        'u' => A::ChooseResident,
        'x' => A::CancelBooking,
        'i' => A::Identify,
        'g' => A::Guide,
        'r' => A::Registry,
        'd' => A::DayView,
        'e' => A::Export,
        'm' => A::Report,
        's' => A::SignIn,
        'v' => A::Review,
        '+' | '=' => A::More,
        '-' => A::Less,
        ' ' => A::Toggle,
        c => A::Char(c),
    })
}

/// The action for a mouse event: clicks and the wheel, hit-tested against the last draw.
pub fn from_mouse(app: &App, m: &MouseEvent) -> Option<Action> {
    let target = app.hits.at(m.column, m.row);
    match m.kind {
        MouseEventKind::Down(MouseButton::Left) => target.map(Action::Click),
        MouseEventKind::ScrollUp => target.map(Action::ScrollUp),
        MouseEventKind::ScrollDown => target.map(Action::ScrollDown),
        _ => None,
    }
}
