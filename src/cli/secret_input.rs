//! Secrets read from stdin (the staff PIN, a staff member's password), so that they never
//! appear in the process list or the shell history: at a terminal typed without being shown,
//! from a pipe one per line.

use std::io::{BufRead, IsTerminal, Write};

use super::{CliError, CliResult};
use crate::msg;

/// Lines from stdin; at a terminal, typed without echo after a prompt on stderr.
pub struct SecretInput {
    /// What is read, for the messages ("PIN", "password").
    what: &'static str,
    tty: bool,
    lines: std::io::Lines<std::io::StdinLock<'static>>,
}

impl SecretInput {
    pub fn new(what: &'static str) -> SecretInput {
        let stdin = std::io::stdin();
        SecretInput { what, tty: stdin.is_terminal(), lines: stdin.lock().lines() }
    }

    /// The next secret, without the spaces around it.
    pub fn read(&mut self, prompt: &str) -> CliResult<String> {
        if self.tty {
            return read_hidden(prompt, self.what);
        }
        let what = self.what;
        match self.lines.next() {
            Some(Ok(line)) => Ok(line.trim().to_string()),
            Some(Err(e)) => Err(CliError::refused(msg!(
                "cli-secret-cannot-read-stdin",
                what = what,
                error = e.to_string()
            ))),
            None => Err(CliError::refused(msg!("cli-secret-none", what = what))),
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
fn read_hidden(prompt: &str, what: &str) -> CliResult<String> {
    use crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};
    let mut err = std::io::stderr();
    let _ = write!(err, "{prompt}");
    let _ = err.flush();
    let fail = |e: std::io::Error| {
        CliError::refused(msg!("cli-secret-cannot-read", what = what, error = e.to_string()))
    };
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
        Err(()) => Err(CliError::refused(msg!("cli-secret-cancelled"))),
    }
}
