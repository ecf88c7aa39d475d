//! `sango staff set-pin` and `sango staff check-pin`: the staff PIN that guards leaving kiosk
//! mode, read from stdin so that it never appears in the process list or the shell history.
//!
//! `set-pin` reads two lines, the PIN and its confirmation
//! (`printf '246810\n246810\n' | sango staff set-pin`); `check-pin` reads one. At a terminal, the PIN is typed without being shown.
//! Also [`kiosk_guard`]: kiosk mode does not start without a PIN.

use std::io::{BufRead, IsTerminal, Write};

use super::{CliError, CliResult, Context};
use crate::config::Mode;
use crate::pin;

#[derive(Debug, clap::Subcommand)]
pub enum StaffCommand {
    /// Set the staff PIN (6-12 digits) from stdin: the PIN, then the same PIN again.
    SetPin,
    /// Check a PIN read from stdin: exit 0 if it is the staff PIN, 1 if not.
    CheckPin,
}

pub fn run(ctx: &Context, c: StaffCommand) -> CliResult {
    let dir = ctx.config_location()?.dir;
    match c {
        StaffCommand::SetPin => {
            let mut input = Input::new();
            let first = input.read("新しい職員PIN New staff PIN (6-12 digits): ")?;
            if !pin::valid_pin(&first) {
                return Err(pin::PinError::BadFormat.into());
            }
            let again = input.read("もう一度 Again: ")?;
            if first != again {
                return Err(CliError::refused(
                    "the two PINs differ (PINが一致しません): nothing was changed",
                ));
            }
            pin::set_pin(&dir, &first)?;
            crate::outln!(
                "職員PINを設定しました Staff PIN set (Argon2id hash in {})",
                crate::visible::path(&pin::pin_path(&dir))
            );
            Ok(())
        }
        StaffCommand::CheckPin => {
            if !pin::pin_is_set(&dir)? {
                return Err(pin::PinError::NotSet.into());
            }
            let entered = Input::new().read("職員PIN Staff PIN: ")?;
            if pin::verify_pin(&dir, &entered)? {
                crate::outln!("PINは正しいです The PIN is correct");
                Ok(())
            } else {
                Err(CliError::refused("PINが違います wrong PIN"))
            }
        }
    }
}

/// Refuses to open the terminal app in kiosk mode (`--kiosk` or `mode = "kiosk"`) when no staff
/// PIN is set, since nobody could then leave it properly, and when the PIN file is not to be
/// trusted (another user's, readable by others, a link, a tampered hash: see [`pin`]).
pub fn kiosk_guard(ctx: &Context) -> CliResult {
    let loaded = ctx.config()?;
    if loaded.config.mode != Mode::Kiosk {
        return Ok(());
    }
    let set = pin::pin_is_set(&loaded.location.dir).map_err(|e| {
        CliError::refused(format!("kiosk mode cannot start (キオスクモードを開始できません): {e}"))
    })?;
    if set {
        return Ok(());
    }
    let dir_hint = match loaded.location.located {
        crate::config::Located::Flag => {
            format!(" --config {}", loaded.location.file.display())
        }
        _ => String::new(),
    };
    Err(CliError::refused(format!(
        "kiosk mode needs a staff PIN to leave it, and none is set \
         (キオスクモードには職員PINが必要です): set one with `sango{dir_hint} staff set-pin` \
         (it reads the PIN twice from stdin), then start sango again"
    )))
}

/// Lines from stdin; at a terminal, typed without echo after a prompt on stderr.
struct Input {
    tty: bool,
    lines: std::io::Lines<std::io::StdinLock<'static>>,
}

impl Input {
    fn new() -> Input {
        let stdin = std::io::stdin();
        Input { tty: stdin.is_terminal(), lines: stdin.lock().lines() }
    }

    fn read(&mut self, prompt: &str) -> CliResult<String> {
        if self.tty {
            return read_hidden(prompt);
        }
        match self.lines.next() {
            Some(Ok(line)) => Ok(line.trim().to_string()),
            Some(Err(e)) => Err(CliError::refused(format!("cannot read the PIN from stdin: {e}"))),
            None => Err(CliError::refused(
                "no PIN on stdin: give the PIN on one line (set-pin: twice, on two lines)",
            )),
        }
    }
}

/// Turns raw mode off again however reading ends.
struct RawMode;

impl Drop for RawMode {
    fn drop(&mut self) {
        let _ = crossterm::terminal::disable_raw_mode();
    }
}

/// Reads a line at the terminal without showing it.
fn read_hidden(prompt: &str) -> CliResult<String> {
    use crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};
    let mut err = std::io::stderr();
    let _ = write!(err, "{prompt}");
    let _ = err.flush();
    let fail = |e: std::io::Error| CliError::refused(format!("cannot read the PIN: {e}"));
    crossterm::terminal::enable_raw_mode().map_err(fail)?;
    let guard = RawMode;
    let mut text = String::new();
    let outcome = loop {
        match event::read().map_err(fail)? {
            Event::Key(k) if k.kind == KeyEventKind::Press => match k.code {
                KeyCode::Enter => break Ok(()),
                KeyCode::Esc => break Err(()),
                KeyCode::Char('c') if k.modifiers.contains(KeyModifiers::CONTROL) => {
                    break Err(());
                }
                KeyCode::Backspace => {
                    text.pop();
                }
                KeyCode::Char(c) => text.push(c),
                _ => {}
            },
            _ => {}
        }
    };
    drop(guard);
    let _ = writeln!(err);
    match outcome {
        Ok(()) => Ok(text.trim().to_string()),
        Err(()) => Err(CliError::refused("cancelled (中止): nothing was changed")),
    }
}
