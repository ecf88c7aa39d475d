//! `sango staff set-pin` and `sango staff check-pin`: the staff PIN that guards leaving kiosk
//! mode, read from stdin so that it never appears in the process list or the shell history.
//!
//! `set-pin` reads two lines, the PIN and its confirmation
//! (`printf '246810\n246810\n' | sango staff set-pin`); `check-pin` reads one. At a terminal, the PIN is typed without being shown.
//! Also [`kiosk_guard`]: kiosk mode does not start without a PIN.

use super::secret_input::SecretInput;
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
            let mut input = SecretInput::new("PIN");
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
            let entered = SecretInput::new("PIN").read("職員PIN Staff PIN: ")?;
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
