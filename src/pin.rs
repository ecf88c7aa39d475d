//! The staff PIN that guards leaving kiosk mode.
//!
//! `sango staff set-pin` stores the PIN as an Argon2id hash in PHC form (`$argon2id$v=19$...`,
//! random 16-byte salt from the OS, the argon2 crate's default cost) in the file `staff-pin` of
//! the config folder ([`crate::config::Location::dir`]). The PIN itself is never written anywhere.
//! On Unix the file is readable and writable by its owner only (0600). Whoever can write the
//! config folder can replace the PIN: protect the folder as you would the program itself.
//!
//! A PIN is 4 to 12 digits (ASCII 0-9).

use std::io::Write;
use std::path::{Path, PathBuf};

use argon2::Argon2;
use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};

/// The file in the config folder that holds the hash.
pub const FILE_NAME: &str = "staff-pin";
/// The fewest digits a PIN may have.
pub const MIN_DIGITS: usize = 4;
/// The most digits a PIN may have.
pub const MAX_DIGITS: usize = 12;

/// Why the PIN could not be stored or checked.
#[derive(Debug, thiserror::Error)]
pub enum PinError {
    #[error("the staff PIN must be {MIN_DIGITS} to {MAX_DIGITS} digits (0-9)")]
    BadFormat,
    #[error("no staff PIN is set: set one with `sango staff set-pin`")]
    NotSet,
    #[error("cannot read the staff PIN file {}: {source}", path.display())]
    Read { path: PathBuf, source: std::io::Error },
    #[error("cannot write the staff PIN file {}: {source}", path.display())]
    Write { path: PathBuf, source: std::io::Error },
    #[error(
        "the staff PIN file {} is damaged: set the PIN again with `sango staff set-pin`",
        path.display()
    )]
    Corrupt { path: PathBuf },
    #[error("cannot hash the PIN: {0}")]
    Hash(String),
}

/// The path of the PIN file in `config_dir`.
pub fn pin_path(config_dir: &Path) -> PathBuf {
    config_dir.join(FILE_NAME)
}

/// Whether `pin` has the allowed form: 4 to 12 ASCII digits.
pub fn valid_pin(pin: &str) -> bool {
    (MIN_DIGITS..=MAX_DIGITS).contains(&pin.len()) && pin.bytes().all(|b| b.is_ascii_digit())
}

/// Hashes `pin` (Argon2id, random salt) into a PHC string.
fn hash(pin: &str) -> Result<String, PinError> {
    Argon2::default()
        .hash_password(pin.as_bytes())
        .map(|h| h.to_string())
        .map_err(|e| PinError::Hash(e.to_string()))
}

/// Stores `pin` as an Argon2id hash in `config_dir/staff-pin`, creating the folder if needed and
/// replacing any earlier PIN. The file is written next to its final place and renamed, so a
/// crash never leaves half a hash.
pub fn set_pin(config_dir: &Path, pin: &str) -> Result<(), PinError> {
    if !valid_pin(pin) {
        return Err(PinError::BadFormat);
    }
    let phc = hash(pin)?;
    let path = pin_path(config_dir);
    let write_err = |source| PinError::Write { path: path.clone(), source };
    std::fs::create_dir_all(config_dir).map_err(write_err)?;
    let tmp = config_dir.join(format!(".{FILE_NAME}.tmp"));
    let _ = std::fs::remove_file(&tmp);
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(&tmp).map_err(write_err)?;
    let written = file
        .write_all(phc.as_bytes())
        .and_then(|()| file.write_all(b"\n"))
        .and_then(|()| file.sync_all());
    drop(file);
    let done = written.and_then(|()| restrict(&tmp)).and_then(|()| std::fs::rename(&tmp, &path));
    if let Err(e) = done {
        let _ = std::fs::remove_file(&tmp);
        return Err(write_err(e));
    }
    Ok(())
}

/// Owner read/write only (0600) on Unix; nothing elsewhere.
fn restrict(path: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))?;
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}

/// The stored hash, `None` when no PIN is set.
fn stored(config_dir: &Path) -> Result<Option<String>, PinError> {
    let path = pin_path(config_dir);
    match std::fs::read_to_string(&path) {
        Ok(text) => {
            let phc = text.trim().to_string();
            if PasswordHash::new(&phc).is_err() {
                return Err(PinError::Corrupt { path });
            }
            Ok(Some(phc))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(source) => Err(PinError::Read { path, source }),
    }
}

/// Whether a staff PIN is set in `config_dir`. A damaged file is an error, not "unset".
pub fn pin_is_set(config_dir: &Path) -> Result<bool, PinError> {
    Ok(stored(config_dir)?.is_some())
}

/// Whether `pin` is the staff PIN of `config_dir`. An entry that is not 4 to 12 digits is simply
/// wrong; no PIN set is [`PinError::NotSet`].
pub fn verify_pin(config_dir: &Path, pin: &str) -> Result<bool, PinError> {
    let phc = stored(config_dir)?.ok_or(PinError::NotSet)?;
    if !valid_pin(pin) {
        return Ok(false);
    }
    let path = pin_path(config_dir);
    let parsed = PasswordHash::new(&phc).map_err(|_| PinError::Corrupt { path: path.clone() })?;
    match Argon2::default().verify_password(pin.as_bytes(), &parsed) {
        Ok(()) => Ok(true),
        Err(argon2::password_hash::Error::PasswordInvalid) => Ok(false),
        Err(_) => Err(PinError::Corrupt { path }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pin_form_is_four_to_twelve_digits() {
        assert!(valid_pin("1234"));
        assert!(valid_pin("123456789012"));
        assert!(!valid_pin("123"));
        assert!(!valid_pin("1234567890123"));
        assert!(!valid_pin("12a4"));
        assert!(!valid_pin("１２３４"), "full-width digits are not accepted");
        assert!(!valid_pin(" 1234"));
        assert!(!valid_pin(""));
    }

    #[test]
    fn nothing_set_at_first() {
        let tmp = tempfile::tempdir().unwrap();
        assert!(!pin_is_set(tmp.path()).unwrap());
        assert!(matches!(verify_pin(tmp.path(), "1234"), Err(PinError::NotSet)));
    }

    #[test]
    fn set_then_verify_right_and_wrong_and_the_file_never_holds_the_pin() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("new/config");
        set_pin(&dir, "7350291").unwrap();
        assert!(pin_is_set(&dir).unwrap());
        let text = std::fs::read_to_string(pin_path(&dir)).unwrap();
        assert!(text.starts_with("$argon2id$"), "{text}");
        assert!(!text.contains("7350291"));
        assert!(verify_pin(&dir, "7350291").unwrap());
        assert!(!verify_pin(&dir, "7350292").unwrap());
        assert!(!verify_pin(&dir, "12").unwrap(), "a malformed entry is wrong, not an error");
        assert!(!dir.join(format!(".{FILE_NAME}.tmp")).exists());
    }

    #[test]
    fn setting_again_replaces_the_pin_with_a_fresh_salt() {
        let tmp = tempfile::tempdir().unwrap();
        set_pin(tmp.path(), "1111").unwrap();
        let first = std::fs::read_to_string(pin_path(tmp.path())).unwrap();
        set_pin(tmp.path(), "1111").unwrap();
        let second = std::fs::read_to_string(pin_path(tmp.path())).unwrap();
        assert_ne!(first, second, "a new salt each time");
        set_pin(tmp.path(), "2222").unwrap();
        assert!(!verify_pin(tmp.path(), "1111").unwrap());
        assert!(verify_pin(tmp.path(), "2222").unwrap());
    }

    #[test]
    fn a_bad_pin_is_refused_and_nothing_is_written() {
        let tmp = tempfile::tempdir().unwrap();
        assert!(matches!(set_pin(tmp.path(), "12345x"), Err(PinError::BadFormat)));
        assert!(!pin_path(tmp.path()).exists());
    }

    #[test]
    fn a_damaged_file_is_an_error() {
        let tmp = tempfile::tempdir().unwrap();
        std::fs::write(pin_path(tmp.path()), "1234\n").unwrap();
        assert!(matches!(pin_is_set(tmp.path()), Err(PinError::Corrupt { .. })));
        assert!(matches!(verify_pin(tmp.path(), "1234"), Err(PinError::Corrupt { .. })));
    }

    #[cfg(unix)]
    #[test]
    fn the_file_is_private_to_its_owner() {
        use std::os::unix::fs::PermissionsExt;
        let tmp = tempfile::tempdir().unwrap();
        set_pin(tmp.path(), "4321").unwrap();
        let mode = std::fs::metadata(pin_path(tmp.path())).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}
