//! At a kiosk, the signals a keyboard can send (SIGINT from Ctrl-C, SIGQUIT from Ctrl-\, SIGTSTP
//! from Ctrl-Z) and the same signals sent by another process must never end or stop sango. In
//! raw mode those keys arrive as key events; this covers the moments the terminal is not in raw
//! mode (starting, the restart after a panic) and signals from outside.

use std::io;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

/// Replaces the default action of SIGINT, SIGQUIT and SIGTSTP with a handler that only sets a
/// flag nobody acts on: the staff PIN is the only way out.
#[cfg(unix)]
pub fn hold_keyboard_signals() -> io::Result<()> {
    use signal_hook::consts::{SIGINT, SIGQUIT, SIGTSTP};
    let seen = Arc::new(AtomicBool::new(false));
    for signal in [SIGINT, SIGQUIT, SIGTSTP] {
        signal_hook::flag::register(signal, Arc::clone(&seen))?;
    }
    Ok(())
}

#[cfg(not(unix))]
pub fn hold_keyboard_signals() -> io::Result<()> {
    Ok(())
}
