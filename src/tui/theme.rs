//! Named styles. Colour never carries meaning alone: every styled state also has a word or a
//! mark on screen. `NO_COLOR` gives a theme of bold, underline and reverse only.

use ratatui::style::{Color, Modifier, Style};

/// Which palette is in use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThemeKind {
    /// Colours on the terminal's own background.
    Normal,
    /// White on black, yellow focus, bold text.
    HighContrast,
    /// No colour at all (`NO_COLOR`).
    Mono,
}

/// Every style the screens use, by what it means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub kind: ThemeKind,
    pub base: Style,
    pub title: Style,
    pub border: Style,
    pub border_focus: Style,
    pub cursor: Style,
    pub muted: Style,
    pub ok: Style,
    pub warn: Style,
    /// The practice store's banner: loud in every theme (reverse video even without colour).
    pub warn_banner: Style,
    pub error: Style,
    pub heading: Style,
    pub key: Style,
    pub button: Style,
    pub sunday: Style,
    pub saturday: Style,
    pub holiday: Style,
    pub today: Style,
    pub window: Style,
    pub booked: Style,
    pub chosen: Style,
    pub step_done: Style,
    pub step_current: Style,
    pub step_todo: Style,
    pub status: Style,
    pub input: Style,
}

impl Theme {
    pub fn new(kind: ThemeKind) -> Theme {
        match kind {
            ThemeKind::Normal => Theme::normal(),
            ThemeKind::HighContrast => Theme::high_contrast(),
            ThemeKind::Mono => Theme::mono(),
        }
    }

    /// The theme the environment asks for: `NO_COLOR` (any non-empty value) wins, then
    /// `SANGO_THEME=high-contrast`.
    pub fn from_env() -> Theme {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let high = std::env::var("SANGO_THEME").is_ok_and(|v| v == "high-contrast");
        Theme::new(if no_color {
            ThemeKind::Mono
        } else if high {
            ThemeKind::HighContrast
        } else {
            ThemeKind::Normal
        })
    }

    /// The next theme for the theme key: normal → high contrast → normal; mono stays mono.
    pub fn toggled(self) -> Theme {
        match self.kind {
            ThemeKind::Normal => Theme::high_contrast(),
            ThemeKind::HighContrast => Theme::normal(),
            ThemeKind::Mono => self,
        }
    }

    fn normal() -> Theme {
        let bold = Modifier::BOLD;
        Theme {
            kind: ThemeKind::Normal,
            base: Style::new(),
            title: Style::new().fg(Color::Cyan).add_modifier(bold),
            border: Style::new().fg(Color::DarkGray),
            border_focus: Style::new().fg(Color::Cyan).add_modifier(bold),
            cursor: Style::new().add_modifier(Modifier::REVERSED | bold),
            muted: Style::new().fg(Color::DarkGray),
            ok: Style::new().fg(Color::Green).add_modifier(bold),
            warn: Style::new().fg(Color::Yellow),
            warn_banner: Style::new().fg(Color::Black).bg(Color::Yellow).add_modifier(bold),
            error: Style::new().fg(Color::Red).add_modifier(bold),
            heading: Style::new().add_modifier(bold),
            key: Style::new().fg(Color::Cyan).add_modifier(bold),
            button: Style::new().add_modifier(Modifier::REVERSED),
            sunday: Style::new().fg(Color::Red),
            saturday: Style::new().fg(Color::Blue),
            holiday: Style::new().fg(Color::Red).add_modifier(bold),
            today: Style::new().add_modifier(Modifier::UNDERLINED | bold),
            window: Style::new().bg(Color::Rgb(20, 60, 20)),
            booked: Style::new().fg(Color::Magenta).add_modifier(bold),
            chosen: Style::new().bg(Color::Blue).fg(Color::White).add_modifier(bold),
            step_done: Style::new().fg(Color::Green),
            step_current: Style::new().add_modifier(Modifier::REVERSED | bold),
            step_todo: Style::new().fg(Color::DarkGray),
            status: Style::new().bg(Color::DarkGray).fg(Color::White),
            input: Style::new().add_modifier(Modifier::UNDERLINED),
        }
    }

    fn high_contrast() -> Theme {
        let bold = Modifier::BOLD;
        let white = Style::new().fg(Color::White).bg(Color::Black);
        Theme {
            kind: ThemeKind::HighContrast,
            base: white,
            title: white.fg(Color::Yellow).add_modifier(bold),
            border: white,
            border_focus: white.fg(Color::Yellow).add_modifier(bold),
            cursor: Style::new().fg(Color::Black).bg(Color::Yellow).add_modifier(bold),
            muted: white,
            ok: white.fg(Color::LightGreen).add_modifier(bold),
            warn: white.fg(Color::Yellow).add_modifier(bold),
            warn_banner: Style::new().fg(Color::Black).bg(Color::Yellow).add_modifier(bold),
            error: white.fg(Color::LightRed).add_modifier(bold),
            heading: white.add_modifier(bold | Modifier::UNDERLINED),
            key: white.fg(Color::Yellow).add_modifier(bold),
            button: Style::new().fg(Color::Black).bg(Color::White).add_modifier(bold),
            sunday: white.fg(Color::LightRed).add_modifier(bold),
            saturday: white.fg(Color::LightCyan).add_modifier(bold),
            holiday: white.fg(Color::LightRed).add_modifier(bold | Modifier::UNDERLINED),
            today: white.add_modifier(bold | Modifier::UNDERLINED),
            window: white.add_modifier(bold),
            booked: white.fg(Color::LightMagenta).add_modifier(bold),
            chosen: Style::new().fg(Color::Black).bg(Color::LightCyan).add_modifier(bold),
            step_done: white.fg(Color::LightGreen),
            step_current: Style::new().fg(Color::Black).bg(Color::Yellow).add_modifier(bold),
            step_todo: white,
            status: Style::new().fg(Color::Black).bg(Color::White),
            input: white.add_modifier(Modifier::UNDERLINED | bold),
        }
    }

    fn mono() -> Theme {
        let s = Style::new();
        let bold = Modifier::BOLD;
        Theme {
            kind: ThemeKind::Mono,
            base: s,
            title: s.add_modifier(bold),
            border: s,
            border_focus: s.add_modifier(bold),
            cursor: s.add_modifier(Modifier::REVERSED),
            muted: s,
            ok: s.add_modifier(bold),
            warn: s,
            warn_banner: s.add_modifier(Modifier::REVERSED | bold),
            error: s.add_modifier(bold),
            heading: s.add_modifier(bold),
            key: s.add_modifier(bold),
            button: s.add_modifier(Modifier::REVERSED),
            sunday: s,
            saturday: s,
            holiday: s.add_modifier(bold),
            today: s.add_modifier(Modifier::UNDERLINED),
            window: s.add_modifier(bold),
            booked: s.add_modifier(bold),
            chosen: s.add_modifier(Modifier::REVERSED),
            step_done: s,
            step_current: s.add_modifier(Modifier::REVERSED | bold),
            step_todo: s,
            status: s.add_modifier(Modifier::REVERSED),
            input: s.add_modifier(Modifier::UNDERLINED),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mono_has_no_colour() {
        let t = Theme::new(ThemeKind::Mono);
        for s in [t.base, t.ok, t.warn, t.error, t.holiday, t.chosen, t.cursor, t.status] {
            assert_eq!(s.fg, None);
            assert_eq!(s.bg, None);
        }
        assert_eq!(t.toggled(), t);
    }
}
