//! `sango staff set-pin` and `sango staff check-pin`: the staff PIN that guards leaving kiosk
//! mode, read from stdin so that it never appears in the process list or the shell history.
//!
//! `set-pin` reads two lines, the PIN and its confirmation
//! (`printf '246810\n246810\n' | sango staff set-pin`); `check-pin` reads one. At a terminal, the PIN is typed without being shown.
//! Also [`kiosk_guard`]: kiosk mode does not start without a PIN.

use super::secret_input::SecretInput;
use super::{CliError, CliResult, Context};
use crate::config::Mode;
use crate::msg;
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
            let mut input = SecretInput::new("PIN");
            // A prompt ends with a space before the answer (messages are trimmed).
            let first = input.read(&format!("{} ", msg!("cli-pin-new")))?;
            if !pin::valid_pin(&first) {
                return Err(pin::PinError::BadFormat.into());
            }
            let again = input.read(&format!("{} ", msg!("cli-prompt-again")))?;
            if first != again {
                return Err(CliError::refused(msg!("cli-pin-differ")));
            }
            pin::set_pin(&dir, &first)?;
            let path = crate::visible::path(&pin::pin_path(&dir)).to_string();
            crate::outln!("{}", msg!("cli-pin-set", path = path));
            Ok(())
        }
        StaffCommand::CheckPin => {
            if !pin::pin_is_set(&dir)? {
                return Err(pin::PinError::NotSet.into());
            }
            let entered = SecretInput::new("PIN").read(&format!("{} ", msg!("cli-pin-enter")))?;
            if pin::verify_pin(&dir, &entered)? {
                crate::outln!("{}", msg!("cli-pin-correct"));
                Ok(())
            } else {
                Err(CliError::refused(msg!("cli-pin-wrong")))
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
    let set = pin::pin_is_set(&loaded.location.dir)
        .map_err(|e| CliError::refused(msg!("cli-kiosk-cannot-start", error = e.to_string())))?;
    if set {
        return Ok(());
    }
    let dir_hint = match loaded.location.located {
        crate::config::Located::Flag => {
            format!(" --config {}", loaded.location.file.display())
        }
        _ => String::new(),
    };
    Err(CliError::refused(msg!("cli-kiosk-needs-pin", config = dir_hint)))
}
