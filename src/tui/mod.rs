//! The terminal app (`sango` with no subcommand): the facility browser, the calendar, the quota,
//! the booking wizard and the bookings view, on the same rules and the same store as the CLI.
//!
//! Shape: one [`App`](app::App) state, keys and mouse become an [`Action`](action::Action), one
//! [`update`](update::update) changes the state, and [`view::draw`] draws from it. This module is
//! the edge: the terminal (raw mode, alternate screen, mouse capture, restored by a drop guard and
//! a panic hook), the clock, and the event loop, which blocks until an event or the next minute
//! (for the clock) — at a kiosk also until a countdown's next second — and redraws only then,
//! each draw inside a synchronized update. The first frame does not wait for the store: it opens
//! on another thread while the browser is drawn from the dataset, and the loop takes it before
//! the first key (see [`App::opening`](app::App::opening)).

pub mod action;
pub mod app;
pub mod bookings_view;
pub mod dayview;
pub mod export;
pub mod help;
pub mod info;
pub mod input;
pub mod kiosk;
pub mod kiosk_view;
pub mod panes;
pub mod registry;
pub mod report_view;
pub mod signals;
pub mod strings;
pub mod text;
pub mod theme;
pub mod update;
pub mod view;
pub mod wizard;

use std::io::{self, IsTerminal, Stdout, Write};
use std::time::{Duration, Instant};

use chrono::{NaiveDateTime, Timelike};
use crossterm::event::{self, DisableMouseCapture, EnableMouseCapture};
use crossterm::terminal::{
    self, BeginSynchronizedUpdate, EndSynchronizedUpdate, EnterAlternateScreen,
    LeaveAlternateScreen,
};
use crossterm::{cursor, execute, queue};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

use crate::cli::{CliError, CliResult, Context};
use crate::config;
use crate::domain::jst;
use crate::store::{DataDir, Store};

use app::{App, StoreOpening};
use strings::Lang;
use theme::{Theme, ThemeKind};

/// Japan time now, from the system clock.
pub fn clock() -> NaiveDateTime {
    jst::from_utc(chrono::Utc::now())
}

/// The app's language and theme from the settings (file, environment, `--lang`); `NO_COLOR`
/// always wins over the theme.
fn look(cfg: &config::Config) -> (Lang, Theme) {
    let lang = match cfg.lang {
        config::Lang::Ja => Lang::Ja,
        config::Lang::En => Lang::En,
    };
    let env = Theme::from_env();
    let theme = match (env.kind, cfg.theme) {
        (ThemeKind::Mono, _) => env,
        (_, config::Theme::HighContrast) => Theme::new(ThemeKind::HighContrast),
        (_, config::Theme::Default) => env,
    };
    (lang, theme)
}

/// Opens the terminal app (sango with no subcommand).
pub fn run_from_cli(ctx: &Context) -> CliResult {
    let ds = ctx.dataset()?;
    let flags = config::Flags { kiosk: ctx.kiosk, lang: ctx.lang.clone() };
    let loaded = config::load(ctx.config_path.as_deref(), &flags).map_err(CliError::refused)?;
    let cfg = loaded.config;
    let dir = DataDir::resolve(ctx.data_dir.as_deref()).map_err(CliError::refused)?;
    if !io::stdout().is_terminal() || !io::stdin().is_terminal() {
        return Err(CliError::Usage(
            "the terminal app needs a terminal (端末); use the subcommands in scripts (see sango --help)"
                .into(),
        ));
    }
    // The browser draws from the dataset alone: the store opens on another thread meanwhile,
    // and the event loop waits for it after the first frame (before it handles any key).
    let opening = {
        let dir = dir.clone();
        StoreOpening::spawn(dir.path.clone(), move || Store::open_data_dir(&dir))
    };
    let (lang, theme) = look(&cfg);
    let mut app = App::opening(ds, opening, lang, theme, clock()).map_err(CliError::refused)?;
    app.terminal_id = cfg.terminal_id.clone();
    app.data_dir = Some(dir.path.clone());
    if cfg.mode == config::Mode::Kiosk {
        app.enter_kiosk(cfg.idle_timeout_secs, loaded.location.dir.clone(), 0);
    }
    let ran = run(&mut app, cfg.mouse)
        .map_err(|e| CliError::refused(format!("terminal error (端末エラー): {e}")));
    // The terminal is restored by now: a store that could not be opened is reported as the
    // subcommands report it.
    if let Some(e) = app.store_error.take() {
        return Err(CliError::refused(e));
    }
    ran
}

/// Restores the terminal when dropped: raw mode off, mouse capture off, main screen, cursor shown.
struct TerminalGuard;

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore();
    }
}

fn restore() {
    let _ = terminal::disable_raw_mode();
    let _ = execute!(io::stdout(), DisableMouseCapture, LeaveAlternateScreen, cursor::Show);
}

/// Restores the terminal before the previous panic hook prints the message.
fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}

/// Sets the terminal up, runs the event loop, restores the terminal on every path.
pub fn run(app: &mut App, mouse: bool) -> io::Result<()> {
    if app.is_kiosk() {
        signals::hold_keyboard_signals()?;
    }
    install_panic_hook();
    terminal::enable_raw_mode()?;
    let _guard = TerminalGuard;
    let mut out = io::stdout();
    execute!(out, EnterAlternateScreen)?;
    if mouse {
        execute!(out, EnableMouseCapture)?;
    }
    let mut terminal = Terminal::new(CrosstermBackend::new(out))?;
    terminal.clear()?;
    let start = Instant::now();
    if !app.is_kiosk() {
        return event_loop(&mut terminal, app, start);
    }
    // A kiosk never drops anyone to a shell, not even on a bug: after a panic (the hook has
    // restored the terminal and printed the message), set the terminal up again, forget
    // everything personal and show the welcome screen.
    loop {
        let run = std::panic::AssertUnwindSafe(|| event_loop(&mut terminal, app, start));
        match std::panic::catch_unwind(run) {
            Ok(result) => return result,
            Err(_) => {
                std::thread::sleep(Duration::from_secs(1));
                terminal::enable_raw_mode()?;
                execute!(io::stdout(), EnterAlternateScreen)?;
                if mouse {
                    execute!(io::stdout(), EnableMouseCapture)?;
                }
                kiosk::reset(app);
                app.quit = false;
                terminal.clear()?;
            }
        }
    }
}

/// Time until the next minute starts (the clock in the status line shows minutes).
fn until_next_minute(now: NaiveDateTime) -> Duration {
    let secs = 60 - u64::from(now.second());
    Duration::from_millis(secs * 1000 - u64::from(now.nanosecond() / 1_000_000).min(999))
        .max(Duration::from_millis(50))
}

fn draw(terminal: &mut Terminal<CrosstermBackend<Stdout>>, app: &mut App) -> io::Result<()> {
    // After a kiosk reset, nothing of the last screen may survive in the terminal's cells.
    if let Some(k) = app.kiosk.as_mut()
        && std::mem::take(&mut k.clear)
    {
        terminal.clear()?;
    }
    queue!(terminal.backend_mut(), BeginSynchronizedUpdate)?;
    let mut hits = None;
    terminal.draw(|f| hits = Some(view::draw(f, app)))?;
    queue!(terminal.backend_mut(), EndSynchronizedUpdate)?;
    terminal.backend_mut().flush()?;
    if let Some(h) = hits {
        app.hits = h;
    }
    Ok(())
}

/// Blocks until an event, the next minute, or (at a kiosk) the next change of a countdown;
/// redraws only after one of them. The kiosk's clock is a monotonic counter from `start`.
fn event_loop(
    terminal: &mut Terminal<CrosstermBackend<Stdout>>,
    app: &mut App,
    start: Instant,
) -> io::Result<()> {
    let ms = || u64::try_from(start.elapsed().as_millis()).unwrap_or(u64::MAX);
    kiosk::tick(app, ms());
    draw(terminal, app)?;
    // The first frame is up; now the store (opening since before it) is needed.
    if !app.finish_opening_store() {
        return Ok(());
    }
    while !app.quit {
        let mut wait = until_next_minute(clock());
        if let Some(w) = kiosk::next_wake(app) {
            wait = wait.min(Duration::from_millis(w));
        }
        let ready = event::poll(wait)?;
        app.now = clock();
        let changed = kiosk::tick(app, ms());
        if ready {
            let ev = event::read()?;
            match action::from_event(app, &ev) {
                Some(a) => update::update(app, a),
                None if matches!(ev, event::Event::Resize(..)) => {}
                None if changed => {}
                None => continue,
            }
        }
        if !app.quit {
            draw(terminal, app)?;
        }
    }
    Ok(())
}
