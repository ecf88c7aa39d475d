//! The terminal itself: setting it up (raw mode, alternate screen, bracketed paste, mouse
//! capture) and back on every path (a drop guard and a panic hook), clearing it, and drawing one
//! frame. Nothing here asks the terminal anything: an answer can be lost behind a burst of input
//! (a paste, a fast USB device), and waiting for it ended the kiosk.

use std::io::{self, Stdout, Write};

use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use crossterm::terminal::{
    self, BeginSynchronizedUpdate, EndSynchronizedUpdate, EnterAlternateScreen,
    LeaveAlternateScreen,
};
use crossterm::{cursor, execute, queue};
use ratatui::Terminal;
use ratatui::backend::{Backend, CrosstermBackend};
use ratatui::layout::Rect;

use super::app::App;
use super::view;

/// Restores the terminal when dropped.
pub struct TerminalGuard;

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore();
    }
}

/// Raw mode off, mouse capture and bracketed paste off, main screen, cursor shown. Safe to call
/// when any of it is already undone.
pub fn restore() {
    let _ = terminal::disable_raw_mode();
    let _ = execute!(
        io::stdout(),
        DisableMouseCapture,
        DisableBracketedPaste,
        LeaveAlternateScreen,
        cursor::Show
    );
}

/// Restores the terminal before the previous panic hook prints the message.
pub fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        // The store's thread catches its panics and answers them as errors, on screen: the
        // terminal stays as it is and nothing is printed over the screens.
        if std::thread::current().name() == Some(super::store_worker::THREAD) {
            return;
        }
        restore();
        previous(info);
    }));
}

/// Raw mode, the alternate screen, bracketed paste (a paste arrives as one event, not as keys)
/// and, if asked, mouse capture; then a terminal whose first frame paints every cell.
pub fn setup(mouse: bool) -> io::Result<Terminal<CrosstermBackend<Stdout>>> {
    terminal::enable_raw_mode()?;
    let mut out = io::stdout();
    execute!(out, EnterAlternateScreen, EnableBracketedPaste)?;
    if mouse {
        execute!(out, EnableMouseCapture)?;
    }
    let mut terminal = Terminal::new(CrosstermBackend::new(out))?;
    clear(&mut terminal)?;
    Ok(terminal)
}

/// Clears the whole screen and forgets the last frame, so that the next draw paints every cell.
/// Unlike `Terminal::clear`, it does not ask the terminal where the cursor is: a fullscreen
/// resize to the current size clears the screen and the last frame without any question.
pub fn clear<B: Backend>(terminal: &mut Terminal<B>) -> Result<(), B::Error> {
    let size = terminal.size()?;
    terminal.resize(Rect::new(0, 0, size.width, size.height))
}

/// Draws the app once, inside a synchronized update. After a kiosk reset the screen is cleared
/// first: nothing of the last person's screen may survive in the terminal's cells.
pub fn draw<B>(terminal: &mut Terminal<B>, app: &mut App) -> io::Result<()>
where
    B: Backend<Error = io::Error> + Write,
{
    if let Some(k) = app.kiosk.as_mut()
        && std::mem::take(&mut k.clear)
    {
        clear(terminal)?;
    }
    queue!(terminal.backend_mut(), BeginSynchronizedUpdate)?;
    let mut hits = None;
    let area = terminal.draw(|f| hits = Some(view::draw(f, app)))?.area;
    app.window = Some(area.as_size());
    queue!(terminal.backend_mut(), EndSynchronizedUpdate)?;
    Write::flush(terminal.backend_mut())?;
    if let Some(h) = hits {
        app.hits = h;
    }
    Ok(())
}

/// A backend for tests that fails if the terminal is asked anything.
#[cfg(test)]
pub mod testing {
    use ratatui::backend::{ClearType, TestBackend, WindowSize};
    use ratatui::buffer::Cell;
    use ratatui::layout::{Position, Size};

    use super::*;

    /// A terminal on a `TestBackend` that fails the test if it is asked anything (where the
    /// cursor is), and keeps what is written to it.
    pub struct NoQuestions {
        pub screen: TestBackend,
        pub written: Vec<u8>,
        /// The bottom line (the status line) of every frame drawn.
        pub status_lines: Vec<String>,
    }

    impl NoQuestions {
        pub fn terminal(w: u16, h: u16) -> Terminal<NoQuestions> {
            let screen = TestBackend::new(w, h);
            Terminal::new(NoQuestions { screen, written: Vec::new(), status_lines: Vec::new() })
                .unwrap()
        }

        /// How many frames were drawn (each inside its own synchronized update).
        pub fn frames(&self) -> usize {
            let begin = b"\x1b[?2026h";
            self.written.windows(begin.len()).filter(|w| w == begin).count()
        }
    }

    impl Write for NoQuestions {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            self.written.extend_from_slice(buf);
            Ok(buf.len())
        }

        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    impl Backend for NoQuestions {
        type Error = io::Error;

        fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
        where
            I: Iterator<Item = (u16, u16, &'a Cell)>,
        {
            ok(self.screen.draw(content))
        }

        fn hide_cursor(&mut self) -> io::Result<()> {
            ok(self.screen.hide_cursor())
        }

        fn show_cursor(&mut self) -> io::Result<()> {
            ok(self.screen.show_cursor())
        }

        fn get_cursor_position(&mut self) -> io::Result<Position> {
            panic!("the terminal was asked where the cursor is");
        }

        fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
            ok(self.screen.set_cursor_position(position))
        }

        fn clear(&mut self) -> io::Result<()> {
            ok(self.screen.clear())
        }

        fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
            ok(self.screen.clear_region(clear_type))
        }

        fn size(&self) -> io::Result<Size> {
            ok(self.screen.size())
        }

        fn window_size(&mut self) -> io::Result<WindowSize> {
            ok(self.screen.window_size())
        }

        fn flush(&mut self) -> io::Result<()> {
            let buf = self.screen.buffer();
            let y = buf.area.height.saturating_sub(1);
            self.status_lines.push((0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect());
            ok(Backend::flush(&mut self.screen))
        }
    }

    pub fn ok<T>(r: Result<T, std::convert::Infallible>) -> io::Result<T> {
        r.map_err(|e| match e {})
    }

    /// A staff terminal's app on the embedded dataset and an empty store in memory, at Friday
    /// 20 November 2026, 10:30.
    pub fn app() -> App {
        use crate::i18n::Locale;
        use crate::tui::theme::{Theme, ThemeKind};
        let ds = crate::dataset::load_embedded().unwrap();
        let store = crate::store::Store::open_in_memory().unwrap();
        let now = chrono::NaiveDate::from_ymd_opt(2026, 11, 20)
            .and_then(|d| d.and_hms_opt(10, 30, 0))
            .unwrap();
        App::new(ds, store, Locale::Ja, Theme::new(ThemeKind::Normal), now)
    }

    /// The same as a kiosk (no PIN set).
    pub fn kiosk() -> App {
        let mut app = app();
        app.enter_kiosk(120, std::env::temp_dir().join("sango-no-pin-here"), 0);
        app
    }
}

#[cfg(test)]
mod tests {
    use ratatui::buffer::{Buffer, Cell};

    use super::testing::{NoQuestions, kiosk, ok};
    use super::*;

    fn terminal() -> Terminal<NoQuestions> {
        NoQuestions::terminal(80, 24)
    }

    /// The screen a terminal that never drew anything shows for `app`.
    fn fresh(app: &mut App) -> Buffer {
        let mut t = terminal();
        draw(&mut t, app).unwrap();
        t.backend().screen.buffer().clone()
    }

    /// Writes an X in a cell behind the app's back.
    fn stray(t: &mut Terminal<NoQuestions>, (x, y): (u16, u16)) {
        let mut cell = Cell::default();
        cell.set_symbol("X");
        ok(t.backend_mut().screen.draw([(x, y, &cell)].into_iter())).unwrap();
    }

    #[test]
    fn a_kiosk_reset_clears_the_screen_without_asking_the_terminal_anything() {
        let mut app = kiosk();
        let mut t = terminal();
        draw(&mut t, &mut app).unwrap();
        // Something the app never drew (an echo, a stray escape) sits in a blank cell.
        let blank = {
            let buf = t.backend().screen.buffer();
            let area = buf.area;
            (0..area.height)
                .rev()
                .flat_map(|y| (0..area.width).map(move |x| (x, y)))
                .find(|&c| buf[c].symbol() == " " && c.1 > 2 && c.1 + 2 < area.height)
                .expect("a blank cell")
        };
        stray(&mut t, blank);
        crate::tui::kiosk::reset(&mut app);
        draw(&mut t, &mut app).unwrap();
        assert_eq!(t.backend().screen.buffer(), &fresh(&mut app), "the screen was not cleared");
        let written = String::from_utf8_lossy(&t.backend().written).into_owned();
        assert!(!written.contains("\x1b[6n"), "a cursor position request was sent");
        // Without a reset nothing is cleared (the next frame draws only what changed).
        stray(&mut t, blank);
        draw(&mut t, &mut app).unwrap();
        assert_eq!(t.backend().screen.buffer()[blank].symbol(), "X");
    }
}
