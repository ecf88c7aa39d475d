//! Shared by the terminal app's tests: a fixed "now", an in-memory store with fixed residents,
//! drawing into a `TestBackend`, and feeding keys.
#![allow(dead_code)]

use chrono::{NaiveDate, NaiveDateTime};
use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use sango::dataset;
use sango::domain::care::{CareType, Length};
use sango::i18n::Locale;
use sango::store::{BookingRequest, ResidentInput, Store};
use sango::tui::app::App;
use sango::tui::theme::{Theme, ThemeKind};
use sango::tui::{action, update, view};

/// Friday 20 November 2026, 10:30 Japan time: phone lines open, 11/23 (勤労感謝の日) ahead.
pub fn now() -> NaiveDateTime {
    d("2026-11-20").and_hms_opt(10, 30, 0).unwrap()
}

pub fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// A store with two residents: R-0001 (born 2026-10-01, one baby, one day-care booking on
/// 11/25) and R-0002 (twins born 2026-09-15, fee-exempt, no bookings).
pub fn store() -> Store {
    fill(Store::open_in_memory().unwrap())
}

/// The practice store in `dir`, as a second terminal or the command line opens it.
pub fn open_file(dir: &std::path::Path) -> Store {
    let data = sango::store::DataDir { path: dir.to_path_buf(), explicit: true };
    Store::open_kind(&data, sango::store::StoreKind::Practice).unwrap()
}

/// The residents and booking of [`store`] in the practice store of `dir` (a file that other
/// connections can change), and that store.
pub fn file_store(dir: &std::path::Path) -> Store {
    fill(open_file(dir))
}

/// The residents and booking of [`store`], written into `store`.
fn fill(store: Store) -> Store {
    let ds = dataset::load_embedded().unwrap();
    let at = d("2026-11-01").and_hms_opt(9, 0, 0).unwrap();
    store.add_resident(&ResidentInput::new("R-0001", d("2026-10-01")), at, "test").unwrap();
    let twins =
        ResidentInput { babies: 2, exempt: true, ..ResidentInput::new("R-0002", d("2026-09-15")) };
    store.add_resident(&twins, at, "test").unwrap();
    let req = BookingRequest {
        resident: "R-0001".into(),
        facility: "mizuki-josanin".into(),
        care: CareType::Day,
        start: d("2026-11-25"),
        length: Length::Days(1),
    };
    store.book(&ds, &req, at, "test").unwrap();
    store
}

pub fn app(lang: Locale) -> App {
    app_with(store(), lang)
}

pub fn app_with(store: Store, lang: Locale) -> App {
    let ds = dataset::load_embedded().unwrap();
    let mut app = App::new(ds, store, lang, Theme::new(ThemeKind::Normal), now());
    app.terminal_id = "test".into();
    app
}

/// Draws the app at a size; the hits and the size are kept, as the event loop keeps them.
pub fn draw(app: &mut App, w: u16, h: u16) -> Terminal<TestBackend> {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    let mut hits = None;
    t.draw(|f| hits = Some(view::draw(f, app))).unwrap();
    app.hits = hits.unwrap();
    app.window = Some(ratatui::layout::Size::new(w, h));
    t
}

/// The screen as text, one line per row, wide characters once (their second cell skipped).
pub fn screen(app: &mut App, w: u16, h: u16) -> String {
    let t = draw(app, w, h);
    text_of(t.backend())
}

/// Every row as drawn, untrimmed: a cell's symbol (with its combining marks), the cells a wide
/// character covers skipped.
pub fn rows(b: &TestBackend) -> Vec<String> {
    let buf = b.buffer();
    (0..buf.area.height)
        .map(|y| {
            let mut line = String::new();
            let mut skip = 0;
            for x in 0..buf.area.width {
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                let sym = buf[(x, y)].symbol();
                line.push_str(sym);
                skip = unicode_width::UnicodeWidthStr::width(sym).saturating_sub(1);
            }
            line
        })
        .collect()
}

/// The screen as text: each row trimmed at its end, a newline after each.
pub fn text_of(b: &TestBackend) -> String {
    rows(b).iter().map(|l| format!("{}\n", l.trim_end())).collect()
}

pub fn key(app: &mut App, code: KeyCode) {
    let ev = Event::Key(KeyEvent::new_with_kind(code, KeyModifiers::NONE, KeyEventKind::Press));
    if let Some(a) = action::from_event(app, &ev) {
        update::update(app, a);
    }
}

pub fn ch(app: &mut App, c: char) {
    key(app, KeyCode::Char(c));
}

pub fn typed(app: &mut App, s: &str) {
    for c in s.chars() {
        ch(app, c);
    }
}

pub fn click(app: &mut App, x: u16, y: u16) {
    let ev = Event::Mouse(MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: x,
        row: y,
        modifiers: KeyModifiers::NONE,
    });
    if let Some(a) = action::from_event(app, &ev) {
        update::update(app, a);
    }
}

/// The staff PIN of the kiosk tests.
pub const PIN: &str = "246810";

/// A config folder with the staff PIN set (hashed once per test binary: Argon2 is slow).
pub fn pin_dir() -> std::path::PathBuf {
    static DIR: std::sync::OnceLock<std::path::PathBuf> = std::sync::OnceLock::new();
    DIR.get_or_init(|| {
        let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
            .join(format!("kiosk-pin-{}", std::process::id()));
        sango::pin::set_pin(&dir, PIN).unwrap();
        dir
    })
    .clone()
}

/// The store of [`store`], plus a stay of R-0002 (11/27, 1 night at 東京北医療センター).
pub fn kiosk_store() -> Store {
    with_other_stay(store())
}

/// [`kiosk_store`] in the practice store of `dir`.
pub fn kiosk_file_store(dir: &std::path::Path) -> Store {
    with_other_stay(file_store(dir))
}

/// Adds R-0002's stay (11/27, 1 night) to `store`.
fn with_other_stay(store: Store) -> Store {
    let ds = dataset::load_embedded().unwrap();
    let at = d("2026-11-02").and_hms_opt(9, 0, 0).unwrap();
    let req = BookingRequest {
        resident: "R-0002".into(),
        facility: "tokyo-kita-medical-center".into(),
        care: CareType::Stay,
        start: d("2026-11-27"),
        length: Length::Nights(1),
    };
    store.book(&ds, &req, at, "test").unwrap();
    store
}

/// A kiosk on [`kiosk_store`]: idle timeout 120 s, the PIN of [`pin_dir`], time 0 ms.
pub fn kiosk_app(lang: Locale) -> App {
    let mut a = app_with(kiosk_store(), lang);
    a.enter_kiosk(120, pin_dir(), 0);
    a
}

/// A key with modifiers.
pub fn key_mod(app: &mut App, code: KeyCode, modifiers: KeyModifiers) {
    let ev = Event::Key(KeyEvent::new_with_kind(code, modifiers, KeyEventKind::Press));
    if let Some(a) = action::from_event(app, &ev) {
        update::update(app, a);
    }
}

pub fn ctrl(app: &mut App, c: char) {
    key_mod(app, KeyCode::Char(c), KeyModifiers::CONTROL);
}

/// Identifies at the kiosk with a user number and a birth date, by keys.
pub fn identify(app: &mut App, number: &str, birth: &str) {
    ch(app, 'i');
    // Clear what an earlier try left.
    for _ in 0..2 {
        key(app, KeyCode::End);
        for _ in 0..40 {
            key(app, KeyCode::Backspace);
        }
        key(app, KeyCode::Down);
    }
    typed(app, number);
    key(app, KeyCode::Down);
    typed(app, birth);
    key(app, KeyCode::Enter);
}

/// A bracketed paste (the terminal sends it as one event).
pub fn paste(app: &mut App, text: &str) {
    update::paste(app, text);
}

/// Loads a resident as the screens do (the store runs inline: the answer is applied at once);
/// what the load said.
pub fn load(app: &mut App, id: &str) -> Result<(), String> {
    let said = std::sync::Arc::new(std::sync::Mutex::new(None));
    let keep = std::sync::Arc::clone(&said);
    app.load_resident(id, move |_, r| *keep.lock().unwrap() = Some(r));
    update::answers(app);
    said.lock().unwrap().take().expect("the store answered")
}

/// Applies the store's answers as the event loop does, until `done` (at most 20 s).
pub fn until(app: &mut App, done: impl Fn(&App) -> bool) {
    let start = std::time::Instant::now();
    while !done(app) {
        update::answers(app);
        assert!(
            start.elapsed() < std::time::Duration::from_secs(20),
            "the store never answered (link {:?})",
            app.store.link
        );
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
}

/// The app on its own worker thread, opening the store with `open` (as `sango` does), the
/// store open.
pub fn threaded(
    open: impl Fn() -> Result<Store, sango::store::StoreError> + Send + 'static,
    lang: Locale,
) -> App {
    let ds = dataset::load_embedded().unwrap();
    let worker = sango::tui::store_worker::StoreWorker::spawn("test".into(), open, &ds);
    let mut app = App::opening(ds, worker, lang, Theme::new(ThemeKind::Normal), now());
    app.terminal_id = "test".into();
    until(&mut app, |a| a.store_is_open());
    app
}

/// Keeps the worker thread busy for `ms` milliseconds (a slow store): whatever is asked next
/// waits behind it.
pub fn occupy(app: &mut App, ms: u64) {
    app.store.read(
        sango::tui::store_worker::Slot::Check,
        move |_, _| {
            std::thread::sleep(std::time::Duration::from_millis(ms));
            Ok(())
        },
        |_, _| {},
    );
}

/// The screen with every booking code (random, `K7MX-3RPA`) shown as `####-####`.
pub fn mask_codes(text: &str) -> String {
    let is_code_char = |c: char| sango::domain::booking_code::ALPHABET.contains(&(c as u8));
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let window = chars.get(i..i + 9);
        let code = window.is_some_and(|w| {
            w[4] == '-'
                && w[..4].iter().chain(&w[5..]).all(|&c| c.is_ascii() && is_code_char(c))
                && (i == 0 || !chars[i - 1].is_ascii_alphanumeric())
                && chars.get(i + 9).is_none_or(|c| !c.is_ascii_alphanumeric())
        });
        if code {
            out.push_str("####-####");
            i += 9;
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}
