//! The terminal app (`sango` with no subcommand): the facility browser, the calendar, the quota,
//! the booking wizard and the bookings view, on the same rules and the same store as the CLI
//! (SQLite in the data folder, or PostgreSQL with `--database`: see `store::Location`).
//!
//! Shape: one [`App`](app::App) state, keys and mouse become an [`Action`](action::Action), one
//! [`update`](update::update) changes the state (a bracketed paste goes to
//! [`update::paste`]), and [`view::draw`] draws from it; the view only draws, it never asks the
//! store anything.
//!
//! The store lives on its own thread ([`store_worker`]): a key never waits on it. What needs the
//! store asks the worker (the store part runs there) and the answer comes back as a reply that
//! [`update::answers`] applies to the app; a read's answer about what is no longer on screen is
//! dropped, a write is sent once and its answer always applied. The store opens on that thread
//! too, so the first frame never waits; the status line says 接続中 while it opens or an answer
//! is late, 再接続中 after a lost connection while the worker opens it again.
//!
//! This module is the edge: the clock, the kiosk's restarts, and the event loop, which blocks
//! until an event, the next second (to ask whether another terminal changed the store,
//! [`refresh`]; the clock's minute and a kiosk's countdowns fall on those wakes too), or, while
//! an answer is awaited, a few milliseconds; then applies the store's answers and every event
//! already waiting and draws once ([`term`] sets the terminal up and back, and draws).

pub mod action;
pub mod app;
pub mod audience;
pub mod booking_words;
pub mod bookings_view;
pub mod cancel_words;
pub mod dayview;
pub mod export;
pub mod help;
pub mod info;
pub mod input;
pub mod kiosk;
pub mod kiosk_view;
pub mod pane_words;
pub mod panes;
pub mod refresh;
pub mod refusal_words;
pub mod registry;
pub mod report_view;
pub mod resident_review;
pub mod review_view;
pub mod server_link;
pub mod session;
pub mod signals;
pub mod signin;
pub mod store_check;
pub mod store_worker;
pub mod term;
pub mod text;
pub mod theme;
pub mod update;
pub mod view;
pub mod wizard;

use std::io::{self, IsTerminal, Write};
use std::time::{Duration, Instant};

use chrono::{NaiveDateTime, Timelike};
use crossterm::event::{self, Event};
use ratatui::Terminal;
use ratatui::backend::Backend;

use crate::cli::{CliError, CliResult, Context};
use crate::config;
use crate::domain::jst;
use crate::store::DataDir;

use crate::i18n::Locale;
use app::App;
use store_worker::StoreWorker;
use theme::{Theme, ThemeKind};

/// Japan time now, from the system clock.
pub fn clock() -> NaiveDateTime {
    jst::from_utc(chrono::Utc::now())
}

/// The app's language and theme from the settings (file, environment, `--lang`); `NO_COLOR`
/// always wins over the theme.
fn look(cfg: &config::Config) -> (Locale, Theme) {
    let lang = cfg.lang;
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
    let flags = ctx.config_flags();
    let loaded = config::load(ctx.config_path.as_deref(), &flags).map_err(CliError::refused)?;
    let cfg = loaded.config;
    let location = ctx.location_of(&cfg)?;
    // Exports go to the data folder, also when the store is on a server.
    let dir = match location.folder() {
        Some(dir) => Some(dir.clone()),
        None => DataDir::resolve(ctx.data_dir.as_deref()).ok(),
    };
    if ctx.at.is_some() && !ctx.practice {
        return Err(CliError::Usage(
            "--at starts the terminal app at another moment only on the practice store: add --practice (練習用)"
                .into(),
        ));
    }
    if !io::stdout().is_terminal() || !io::stdin().is_terminal() {
        return Err(CliError::Usage(
            "the terminal app needs a terminal (端末); use the subcommands in scripts (see sango --help)"
                .into(),
        ));
    }
    // The browser draws from the dataset alone: the store (or, through a ward's server, the
    // terminal's replica) opens on its worker thread meanwhile, and every store call goes
    // there (see `store_worker`).
    let kind = ctx.store_kind();
    let config_dir = loaded.location.dir.clone();
    let remote = crate::terminal::configured(&cfg, &config_dir).map_err(CliError::refused)?;
    let kiosk = cfg.mode == config::Mode::Kiosk;
    let signed_in = remote.as_ref().is_some_and(crate::terminal::Remote::has_signin);
    let worker = match remote {
        Some(_) if cfg.database.is_some() => {
            return Err(CliError::refused(
                "both a server (`server`) and a database (`database`) are configured: a \
                 terminal works through one of them",
            ));
        }
        // A kiosk keeps no replica: only the identified mother's data, in memory, and its
        // outbox of requests for staff in the data folder.
        Some(remote) if kiosk => {
            let data = DataDir::resolve(ctx.data_dir.as_deref())?;
            data.prepare()?;
            let outbox = crate::kiosk_outbox::KioskOutbox::in_dir(&data.path, kind);
            let place = outbox.path().to_path_buf();
            let open =
                move || crate::kiosk_client::KioskClient::new(remote.clone(), kind, outbox.clone());
            StoreWorker::spawn_kiosk(place, open, &ds)
        }
        Some(remote) => {
            let data = DataDir::resolve(ctx.data_dir.as_deref())?;
            data.prepare()?;
            let place = data.path.join(crate::terminal::REPLICA_DIR);
            let open = move || crate::terminal::Terminal::open(remote.clone(), &data.path, kind);
            StoreWorker::spawn_terminal(place, open, &ds)
        }
        None => {
            let location = location.clone();
            StoreWorker::spawn(location.place(kind), move || location.open(kind), &ds)
        }
    };
    let (lang, theme) = look(&cfg);
    let clock_offset = ctx.at.map(|at| at - clock()).unwrap_or_default();
    let mut app = App::opening(ds, worker, lang, theme, clock() + clock_offset);
    app.terminal_id = cfg.terminal_id.clone();
    app.data_dir = dir.map(|d| d.path);
    app.location = Some(location);
    app.practice = ctx.practice;
    app.clock_offset = clock_offset;
    app.config_dir = Some(config_dir);
    signin::at_start(&mut app, signed_in);
    if cfg.mode == config::Mode::Kiosk {
        app.enter_kiosk(cfg.idle_timeout_secs, loaded.location.dir.clone(), 0);
    }
    let ran = run(&mut app, cfg.mouse)
        .map_err(|e| CliError::refused(format!("terminal error (端末エラー): {e}")));
    // A write still on its way (the loop ended on an error) is let finish, not cut off.
    app.store.finish_writes(Duration::from_secs(30));
    // The terminal is restored by now: a store that could not be opened is reported as the
    // subcommands report it.
    if let Some(e) = app.store_error.take() {
        return Err(CliError::refused(e));
    }
    ran
}

/// Sets the terminal up, runs the event loop, restores the terminal on every path.
///
/// A kiosk never drops anyone to a shell: whatever ends its loop without the staff PIN (a
/// terminal I/O error, a panic: the hook has restored the terminal and printed the message)
/// restores the terminal, waits a little (longer after each failure in a row, so a terminal that
/// keeps failing never spins), starts a new session on the welcome screen and sets the terminal
/// up again. On a staff terminal an error ends the program, the terminal restored.
pub fn run(app: &mut App, mouse: bool) -> io::Result<()> {
    if app.is_kiosk() {
        signals::hold_keyboard_signals()?;
    }
    term::install_panic_hook();
    let _guard = term::TerminalGuard;
    let start = Instant::now();
    if !app.is_kiosk() {
        let mut terminal = term::setup(mouse)?;
        return event_loop(&mut terminal, &mut Crossterm, app, start);
    }
    keep_running(
        app,
        |app| {
            let mut terminal = term::setup(mouse)?;
            event_loop(&mut terminal, &mut Crossterm, app, start)
        },
        |failures| {
            term::restore();
            std::thread::sleep(restart_pause(failures));
        },
    );
    Ok(())
}

/// A kiosk's life: runs `once` until it ends with the staff PIN (`app.quit`). Anything else (an
/// error, a panic, an end without the PIN) calls `after_failure` with the failures in a row,
/// then starts a new session and runs `once` again.
fn keep_running(
    app: &mut App,
    mut once: impl FnMut(&mut App) -> io::Result<()>,
    mut after_failure: impl FnMut(u32),
) {
    let mut failures = 0u32;
    loop {
        let began = Instant::now();
        let run = std::panic::AssertUnwindSafe(|| once(app));
        if let Ok(Ok(())) = std::panic::catch_unwind(run)
            && app.quit
        {
            return;
        }
        // A loop that ran a good while before failing starts the back-off again.
        if began.elapsed() > HEALTHY_RUN {
            failures = 0;
        }
        failures = failures.saturating_add(1);
        after_failure(failures);
        kiosk::restart(app);
    }
}

/// A kiosk loop that ran this long before failing was healthy: the back-off starts again.
const HEALTHY_RUN: Duration = Duration::from_secs(60);

/// The longest pause before a kiosk restarts after a failure.
const RESTART_MAX: Duration = Duration::from_secs(5);

/// The pause before the `failures`-th restart in a row: 250 ms, doubling, at most
/// [`RESTART_MAX`].
fn restart_pause(failures: u32) -> Duration {
    let ms = 250u64.saturating_mul(1 << failures.saturating_sub(1).min(10));
    Duration::from_millis(ms).min(RESTART_MAX)
}

/// Time until the next minute starts (the clock in the status line shows minutes).
fn until_next_minute(now: NaiveDateTime) -> Duration {
    let secs = 60 - u64::from(now.second());
    Duration::from_millis(secs * 1000 - u64::from(now.nanosecond() / 1_000_000).min(999))
        .max(Duration::from_millis(50))
}

/// The longest the loop applies events already waiting before it draws: a burst (a paste, a
/// fast USB device) is drawn once per batch, not once per key, and an endless stream still
/// shows the screen moving.
const BATCH: Duration = Duration::from_millis(50);

/// Where the events come from: the terminal, or a test's list.
pub trait Events {
    /// Waits up to `wait` for an event; true when one is ready.
    fn poll(&mut self, wait: Duration) -> io::Result<bool>;
    /// The next event (waits for one).
    fn read(&mut self) -> io::Result<Event>;
}

/// The terminal's events, through crossterm.
struct Crossterm;

impl Events for Crossterm {
    fn poll(&mut self, wait: Duration) -> io::Result<bool> {
        event::poll(wait)
    }

    fn read(&mut self) -> io::Result<Event> {
        event::read()
    }
}

/// How long the loop looks for the next event of a batch. Not zero: crossterm's /dev/tty
/// source does not even look at what it has buffered when given no time at all.
const MORE: Duration = Duration::from_millis(1);

/// Applies one terminal event; true when the screen may have changed.
fn apply(app: &mut App, ev: Event) -> bool {
    // The keys after a resize in the same batch are judged at the new size.
    if let Event::Resize(width, height) = ev {
        app.window = Some(ratatui::layout::Size { width, height });
    }
    match ev {
        Event::Paste(text) => {
            update::paste(app, &text);
            true
        }
        ev => match action::from_event(app, &ev) {
            Some(a) => {
                update::update(app, a);
                true
            }
            None => matches!(ev, Event::Resize(..)),
        },
    }
}

/// Blocks until an event, the next look at the store (every second), the next minute, or (at a
/// kiosk) the next change of a countdown; then applies every event already waiting (up to
/// [`BATCH`]) and draws once. The kiosk's clock and the store's looks run on a monotonic
/// counter from `start`.
pub fn event_loop<B, E>(
    terminal: &mut Terminal<B>,
    events: &mut E,
    app: &mut App,
    start: Instant,
) -> io::Result<()>
where
    B: Backend<Error = io::Error> + Write,
    E: Events,
{
    let ms = || u64::try_from(start.elapsed().as_millis()).unwrap_or(u64::MAX);
    kiosk::tick(app, ms());
    // The first frame never waits for the store: it opens on its worker meanwhile.
    term::draw(terminal, app)?;
    let mut note = app.store.note(Instant::now());
    while !app.quit {
        let mut wait = until_next_minute(app.clock());
        if let Some(w) = kiosk::next_wake(app) {
            wait = wait.min(Duration::from_millis(w));
        }
        // At least every second: another terminal may have changed the store.
        wait = wait.min(Duration::from_millis(refresh::next_wake(app, ms())));
        // The store's answers come on a channel that the terminal's poll cannot see: while one
        // is awaited the loop looks every few milliseconds. (A thread reading the terminal into
        // the same channel would avoid that, but crossterm's reader is one per process, and a
        // kiosk restores and sets up its terminal again after a failure: a reader thread would
        // go on reading keys while the terminal is given back. Short polls cost nothing when
        // no answer is awaited.)
        if let Some(w) = app.store.next_wake() {
            wait = wait.min(w);
        }
        let ready = events.poll(wait)?;
        app.now = app.clock();
        let mut changed = update::answers(app);
        // Nothing came: the clock's minute or a countdown's second changed.
        changed |= kiosk::tick(app, ms()) || (!ready && app.store.next_wake().is_none());
        changed |= store_check::tick(app);
        changed |= refresh::tick(app, ms());
        if ready {
            let batch = Instant::now();
            loop {
                changed |= apply(app, events.read()?);
                if app.quit || batch.elapsed() >= BATCH || !events.poll(MORE)? {
                    break;
                }
            }
        }
        changed |= app.store.take_answered();
        // 接続中 appears once an answer is late, without any event.
        let now_note = app.store.note(Instant::now());
        changed |= now_note != note;
        note = now_note;
        if changed && !app.quit {
            term::draw(terminal, app)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::collections::VecDeque;

    use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

    use super::*;
    use crate::tui::app::Screen;
    use crate::tui::term::testing::{NoQuestions, app, kiosk};

    /// Events already waiting, as after a burst; once they are all read, the next wait for
    /// more is an error (the terminal went away), which ends the loop.
    struct Waiting(VecDeque<Event>);

    impl Events for Waiting {
        fn poll(&mut self, wait: Duration) -> io::Result<bool> {
            if self.0.is_empty() && wait > MORE {
                return Err(io::Error::other("no more events"));
            }
            Ok(!self.0.is_empty())
        }

        fn read(&mut self) -> io::Result<Event> {
            self.0.pop_front().ok_or_else(|| io::Error::other("no more events"))
        }
    }

    fn press(code: KeyCode, modifiers: KeyModifiers) -> Event {
        Event::Key(KeyEvent::new_with_kind(code, modifiers, KeyEventKind::Press))
    }

    /// Runs the loop over `events`; the frames drawn and how long it took.
    fn run_over(app: &mut App, events: Vec<Event>) -> (io::Result<()>, usize, Duration) {
        let mut t = NoQuestions::terminal(100, 30);
        let took = Instant::now();
        let ended = event_loop(&mut t, &mut Waiting(events.into()), app, Instant::now());
        (ended, t.backend().frames(), took.elapsed())
    }

    /// Events that come at their moments (from the loop's start), as a person types; after the
    /// last, the next wait for more is an error (the terminal went away).
    struct Timed {
        start: Instant,
        events: VecDeque<(Duration, Event)>,
    }

    impl Events for Timed {
        fn poll(&mut self, wait: Duration) -> io::Result<bool> {
            let Some((at, _)) = self.events.front() else {
                return Err(io::Error::other("no more events"));
            };
            let due = self.start + *at;
            let now = Instant::now();
            if due <= now {
                return Ok(true);
            }
            std::thread::sleep(wait.min(due - now));
            Ok(Instant::now() >= due)
        }

        fn read(&mut self) -> io::Result<Event> {
            self.events.pop_front().map(|(_, e)| e).ok_or_else(|| io::Error::other("no more"))
        }
    }

    #[test]
    fn a_slow_store_never_stops_the_screen_or_the_keys() {
        use std::sync::{Arc, Mutex};

        use crate::store::Store;
        use crate::tui::store_worker::{Slot, StoreWorker};

        let mut a = app();
        let ds = a.ds.clone();
        a.store = StoreWorker::spawn("memory".into(), Store::open_in_memory, &ds);
        // The store takes 1.5 s over its answer (the worker thread sleeps).
        let seen = Arc::new(Mutex::new(None));
        let keep = Arc::clone(&seen);
        a.store.read(
            Slot::Day,
            |store, _| {
                std::thread::sleep(Duration::from_millis(1500));
                store.data_version()
            },
            move |app, _| *keep.lock().unwrap() = Some((app.session.screen, app.session.lang)),
        );
        let ms = Duration::from_millis;
        let events = [
            (ms(600), press(KeyCode::Char('g'), KeyModifiers::NONE)),
            (ms(800), press(KeyCode::Char('L'), KeyModifiers::NONE)),
            (ms(2300), press(KeyCode::Char('c'), KeyModifiers::CONTROL)),
        ];
        let mut t = NoQuestions::terminal(100, 30);
        let start = Instant::now();
        let mut timed = Timed { start, events: events.into_iter().collect() };
        let ended = event_loop(&mut t, &mut timed, &mut a, start);
        assert!(ended.is_ok() && a.quit, "{ended:?}");
        // The keys were handled while the store was still busy with its answer.
        let at_answer = seen.lock().unwrap().take().expect("the answer was applied");
        assert_eq!(at_answer, (Screen::Info, crate::i18n::Locale::En));
        // Meanwhile the status line said the store was being waited for, and then no more.
        let lines = &t.backend().status_lines;
        let said = |l: &String| l.replace(' ', "").contains("接続中") || l.contains("Connecting");
        assert!(lines.iter().any(said), "never said: {lines:#?}");
        assert!(lines.len() >= 4, "drawn on: {} frames", lines.len());
        assert!(!said(lines.last().unwrap()), "answered: {lines:#?}");
    }

    #[test]
    fn a_kiosk_starts_a_new_session_after_an_error_or_a_panic_and_ends_only_with_the_pin() {
        let mut k = kiosk();
        let mut runs = 0;
        let mut pauses = Vec::new();
        keep_running(
            &mut k,
            |app| {
                runs += 1;
                assert_eq!(
                    app.session.screen,
                    Screen::Main,
                    "run {runs} starts on the welcome screen"
                );
                assert!(!app.quit);
                app.session.screen = Screen::Info;
                match runs {
                    1 => Err(io::Error::other("the cursor position could not be read")),
                    2 => panic!("a bug"),
                    // Ended without the PIN: not an end either.
                    3 => Ok(()),
                    _ => {
                        app.quit = true;
                        Ok(())
                    }
                }
            },
            |failures| pauses.push(restart_pause(failures)),
        );
        assert_eq!(runs, 4);
        let ms = |n| Duration::from_millis(n);
        assert_eq!(pauses, [ms(250), ms(500), ms(1000)]);
        assert_eq!(restart_pause(30), RESTART_MAX, "at most {RESTART_MAX:?}");
    }

    #[test]
    fn a_burst_of_keys_is_drawn_once_per_batch_not_once_per_key() {
        let mut a = app();
        let mut events = vec![press(KeyCode::Char('/'), KeyModifiers::NONE)];
        events.extend((0..10_000).map(|i| {
            let c = if i % 2 == 0 { 'x' } else { 'y' };
            press(KeyCode::Char(c), KeyModifiers::NONE)
        }));
        events.push(press(KeyCode::Esc, KeyModifiers::NONE));
        events.push(press(KeyCode::Char('c'), KeyModifiers::CONTROL));
        let (ended, frames, took) = run_over(&mut a, events);
        assert!(ended.is_ok() && a.quit, "{ended:?}");
        // The first frame, then one per batch of at most BATCH.
        let batches = took.as_millis() / BATCH.as_millis() + 1;
        assert!(frames as u128 <= 1 + batches, "{frames} frames in {took:?}");
    }

    #[test]
    fn keys_after_a_resize_in_the_same_batch_are_judged_at_the_new_size() {
        let g = press(KeyCode::Char('g'), KeyModifiers::NONE);
        let mut a = app();
        let (ended, _, _) = run_over(&mut a, vec![Event::Resize(60, 15), g.clone()]);
        assert!(ended.is_err(), "the loop waits for more");
        assert_eq!(a.session.screen, Screen::Main, "g opened the guide behind the message");
        let (_, _, _) = run_over(&mut a, vec![Event::Resize(60, 15), Event::Resize(100, 30), g]);
        assert_eq!(a.session.screen, Screen::Info, "enlarged, the keys work again");
    }

    #[test]
    fn a_paste_outside_a_text_field_is_not_read_as_keys() {
        let mut k = kiosk();
        // At the kiosk's welcome screen q would ask for the staff PIN, g open the guide.
        let paste = Event::Paste("qgib\u{1b}[15~".repeat(1000));
        let (ended, _, _) = run_over(&mut k, vec![paste]);
        assert!(ended.is_err(), "the loop waits for more");
        assert_eq!((k.session.screen, k.session.overlay.clone()), (Screen::Main, None));
    }
}
