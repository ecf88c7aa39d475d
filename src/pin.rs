//! The staff PIN that guards leaving kiosk mode.
//!
//! `sango staff set-pin` stores the PIN as an Argon2id hash in PHC form (`$argon2id$v=19$...`,
//! random 16-byte salt from the OS, the argon2 crate's default cost) in the file `staff-pin` of
//! the config folder ([`crate::config::Location::dir`]). The PIN itself is never written anywhere.
//! On Unix the file is readable and writable by its owner only (0600). Whoever can write the
//! config folder can replace the PIN: protect the folder as you would the program itself.
//!
//! A PIN is 6 to 12 digits (ASCII 0-9).
//!
//! The file is trusted only when it is a regular file (not a symbolic link) of the user running
//! sango with no access for group or others, and its hash is Argon2id with a cost no higher than
//! the one written here: a hash with a huge memory or time cost would freeze the kiosk at every
//! PIN check. Anything else is refused, naming the file and how to set the PIN again.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use argon2::{Argon2, Params};

/// The file in the config folder that holds the hash.
pub const FILE_NAME: &str = "staff-pin";
/// The fewest digits a PIN may have.
pub const MIN_DIGITS: usize = 6;
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
    #[error(
        "the staff PIN file {} is damaged or tampered with ({reason}): set the PIN again with `sango staff set-pin`",
        path.display()
    )]
    Tampered { path: PathBuf, reason: String },
    #[error(
        "the staff PIN file {} is not safe to trust ({reason}): remove it and set the PIN again with `sango staff set-pin`",
        path.display()
    )]
    Unsafe { path: PathBuf, reason: String },
    #[error("cannot hash the PIN: {0}")]
    Hash(String),
}

/// The path of the PIN file in `config_dir`.
pub fn pin_path(config_dir: &Path) -> PathBuf {
    config_dir.join(FILE_NAME)
}

/// Whether `pin` has the allowed form: 6 to 12 ASCII digits.
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

/// A hash file is one line of about 100 bytes; reading stops well above that.
const MAX_FILE_BYTES: u64 = 4096;

/// The stored hash, `None` when no PIN is set. The file must be safe to trust ([`check_file`])
/// and its hash within bounds ([`check_hash`]).
fn stored(config_dir: &Path) -> Result<Option<String>, PinError> {
    let path = pin_path(config_dir);
    // Not `metadata`: a symbolic link at the path is judged itself, never followed.
    let meta = match std::fs::symlink_metadata(&path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(source) => return Err(PinError::Read { path, source }),
    };
    check_file(&meta).map_err(|reason| PinError::Unsafe { path: path.clone(), reason })?;
    let read = |source| PinError::Read { path: path.clone(), source };
    let mut text = String::new();
    std::fs::File::open(&path)
        .and_then(|f| f.take(MAX_FILE_BYTES + 1).read_to_string(&mut text))
        .map_err(read)?;
    if text.len() as u64 > MAX_FILE_BYTES {
        return Err(PinError::Tampered { path, reason: "far too long for a hash".into() });
    }
    let phc = text.trim().to_string();
    let parsed = PasswordHash::new(&phc).map_err(|_| PinError::Corrupt { path: path.clone() })?;
    check_hash(&parsed).map_err(|reason| PinError::Tampered { path, reason })?;
    Ok(Some(phc))
}

/// Why the file at the PIN path is not to be trusted, if it is not: it must be a regular file
/// (a symbolic link could point anywhere), owned by the user running sango, with no access for
/// group or others (set-pin writes 0600).
fn check_file(meta: &std::fs::Metadata) -> Result<(), String> {
    if meta.file_type().is_symlink() {
        return Err("it is a symbolic link, not a regular file".into());
    }
    if !meta.is_file() {
        return Err("it is not a regular file".into());
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let me = rustix::process::geteuid().as_raw();
        if meta.uid() != me {
            return Err(format!("it belongs to user id {}, not to this user ({me})", meta.uid()));
        }
        let mode = meta.mode() & 0o777;
        if mode & 0o077 != 0 {
            return Err(format!(
                "its permissions are {mode:04o}: others may read or replace it; it must be 0600"
            ));
        }
    }
    Ok(())
}

/// The same rule for another private file of the config folder (the server token).
pub fn check_private_file(meta: &std::fs::Metadata) -> Result<(), String> {
    check_file(meta)
}

/// Why a hash is not one that [`set_pin`] could have written, if it is not: Argon2id version 19
/// with memory, time and parallelism costs no higher than the defaults used here. Lower costs are
/// allowed (an older setting), higher ones are not: checking would take as long as they say.
fn check_hash(h: &PasswordHash) -> Result<(), String> {
    if h.algorithm.as_str() != "argon2id" {
        return Err(format!("algorithm {}, not argon2id", h.algorithm.as_str()));
    }
    if h.version != Some(0x13) {
        return Err("not Argon2 version 19".into());
    }
    if let Some((name, _)) = h.params.iter().find(|(n, _)| !["m", "t", "p"].contains(&n.as_str())) {
        return Err(format!("unexpected parameter {}", name.as_str()));
    }
    let p = Params::try_from(h).map_err(|e| format!("bad parameters: {e}"))?;
    let within = p.m_cost() <= Params::DEFAULT_M_COST
        && p.t_cost() <= Params::DEFAULT_T_COST
        && p.p_cost() <= Params::DEFAULT_P_COST;
    if !within {
        return Err(format!(
            "costs m={} t={} p={} are above m={} t={} p={}",
            p.m_cost(),
            p.t_cost(),
            p.p_cost(),
            Params::DEFAULT_M_COST,
            Params::DEFAULT_T_COST,
            Params::DEFAULT_P_COST
        ));
    }
    Ok(())
}

/// Whether a staff PIN is set in `config_dir`. A damaged file is an error, not "unset".
pub fn pin_is_set(config_dir: &Path) -> Result<bool, PinError> {
    Ok(stored(config_dir)?.is_some())
}

/// Whether `pin` is the staff PIN of `config_dir`. An entry that is not 6 to 12 digits is simply
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
    fn the_pin_form_is_six_to_twelve_digits() {
        assert!(valid_pin("246810"));
        assert!(valid_pin("123456789012"));
        assert!(!valid_pin("1234"), "four digits are too few");
        assert!(!valid_pin("12345"));
        assert!(!valid_pin("1234567890123"));
        assert!(!valid_pin("12a456"));
        assert!(!valid_pin("１２３４５６"), "full-width digits are not accepted");
        assert!(!valid_pin(" 123456"));
        assert!(!valid_pin(""));
    }

    #[test]
    fn nothing_set_at_first() {
        let tmp = tempfile::tempdir().unwrap();
        assert!(!pin_is_set(tmp.path()).unwrap());
        assert!(matches!(verify_pin(tmp.path(), "246810"), Err(PinError::NotSet)));
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
        set_pin(tmp.path(), "111111").unwrap();
        let first = std::fs::read_to_string(pin_path(tmp.path())).unwrap();
        set_pin(tmp.path(), "111111").unwrap();
        let second = std::fs::read_to_string(pin_path(tmp.path())).unwrap();
        assert_ne!(first, second, "a new salt each time");
        set_pin(tmp.path(), "222222").unwrap();
        assert!(!verify_pin(tmp.path(), "111111").unwrap());
        assert!(verify_pin(tmp.path(), "222222").unwrap());
    }

    #[test]
    fn a_bad_pin_is_refused_and_nothing_is_written() {
        let tmp = tempfile::tempdir().unwrap();
        assert!(matches!(set_pin(tmp.path(), "12345x"), Err(PinError::BadFormat)));
        assert!(matches!(set_pin(tmp.path(), "1234"), Err(PinError::BadFormat)));
        assert!(!pin_path(tmp.path()).exists());
    }

    /// Writes `text` as the PIN file, private as set-pin writes it.
    fn write_private(dir: &Path, text: &str) {
        std::fs::write(pin_path(dir), text).unwrap();
        restrict(&pin_path(dir)).unwrap();
    }

    #[test]
    fn a_damaged_file_is_an_error() {
        let tmp = tempfile::tempdir().unwrap();
        write_private(tmp.path(), "246810\n");
        assert!(matches!(pin_is_set(tmp.path()), Err(PinError::Corrupt { .. })));
        assert!(matches!(verify_pin(tmp.path(), "246810"), Err(PinError::Corrupt { .. })));
        write_private(tmp.path(), &"$argon2id$".repeat(1000));
        let e = pin_is_set(tmp.path()).unwrap_err();
        assert!(matches!(e, PinError::Tampered { .. }), "{e}");
    }

    /// The file set-pin wrote, with its parameters string replaced by `params` (the salt and
    /// the hash are kept, so only the parameters make it wrong).
    fn with_params(dir: &Path, algorithm: &str, params: &str) -> String {
        set_pin(dir, "246810").unwrap();
        let text = std::fs::read_to_string(pin_path(dir)).unwrap();
        let parts: Vec<&str> = text.trim().split('$').collect();
        // "", "argon2id", "v=19", "m=19456,t=2,p=1", salt, hash
        assert_eq!(parts[3], "m=19456,t=2,p=1", "the defaults this module bounds by");
        let tampered = format!("${algorithm}${}${params}${}${}\n", parts[2], parts[4], parts[5]);
        write_private(dir, &tampered);
        tampered
    }

    #[test]
    fn costs_above_what_set_pin_writes_are_refused_without_hashing() {
        let tmp = tempfile::tempdir().unwrap();
        for params in ["m=4194304,t=2,p=1", "m=19456,t=100000,p=1", "m=19456,t=2,p=16"] {
            with_params(tmp.path(), "argon2id", params);
            let start = std::time::Instant::now();
            let e = verify_pin(tmp.path(), "246810").unwrap_err();
            assert!(start.elapsed() < std::time::Duration::from_secs(2), "{params}: hashed");
            assert!(matches!(e, PinError::Tampered { .. }), "{params}: {e}");
            let m = e.to_string();
            assert!(m.contains("staff-pin") && m.contains("sango staff set-pin"), "{m}");
            assert!(matches!(pin_is_set(tmp.path()), Err(PinError::Tampered { .. })));
        }
        with_params(tmp.path(), "argon2id", "m=19456,t=2,p=1,keyid=AAAA");
        assert!(matches!(pin_is_set(tmp.path()), Err(PinError::Tampered { .. })));
        with_params(tmp.path(), "argon2i", "m=19456,t=2,p=1");
        assert!(matches!(pin_is_set(tmp.path()), Err(PinError::Tampered { .. })));
        // Lower costs are within bounds: the file is read; its hash no longer matches.
        with_params(tmp.path(), "argon2id", "m=8192,t=1,p=1");
        assert!(!verify_pin(tmp.path(), "246810").unwrap());
    }

    #[cfg(unix)]
    #[test]
    fn the_file_is_private_to_its_owner() {
        use std::os::unix::fs::PermissionsExt;
        let tmp = tempfile::tempdir().unwrap();
        set_pin(tmp.path(), "432100").unwrap();
        let mode = std::fs::metadata(pin_path(tmp.path())).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }

    #[cfg(unix)]
    #[test]
    fn a_file_others_may_read_or_write_is_not_trusted() {
        use std::os::unix::fs::PermissionsExt;
        let tmp = tempfile::tempdir().unwrap();
        let path = pin_path(tmp.path());
        for mode in [0o644, 0o640, 0o606, 0o660] {
            set_pin(tmp.path(), "246810").unwrap();
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode)).unwrap();
            let e = pin_is_set(tmp.path()).unwrap_err();
            assert!(matches!(e, PinError::Unsafe { .. }), "{mode:o}: {e}");
            assert!(e.to_string().contains(&format!("{mode:04o}")), "{e}");
            assert!(matches!(verify_pin(tmp.path(), "246810"), Err(PinError::Unsafe { .. })));
        }
        // Owner-only is fine, read-only included.
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o400)).unwrap();
        assert!(verify_pin(tmp.path(), "246810").unwrap());
    }

    #[cfg(unix)]
    #[test]
    fn a_symbolic_link_or_a_folder_is_not_trusted_even_to_a_good_file() {
        let tmp = tempfile::tempdir().unwrap();
        let elsewhere = tempfile::tempdir().unwrap();
        set_pin(elsewhere.path(), "246810").unwrap();
        std::os::unix::fs::symlink(pin_path(elsewhere.path()), pin_path(tmp.path())).unwrap();
        let e = pin_is_set(tmp.path()).unwrap_err();
        assert!(e.to_string().contains("symbolic link"), "{e}");
        std::fs::remove_file(pin_path(tmp.path())).unwrap();
        std::os::unix::fs::symlink(tmp.path().join("nowhere"), pin_path(tmp.path())).unwrap();
        assert!(matches!(pin_is_set(tmp.path()), Err(PinError::Unsafe { .. })));
        std::fs::remove_file(pin_path(tmp.path())).unwrap();
        std::fs::create_dir(pin_path(tmp.path())).unwrap();
        let e = pin_is_set(tmp.path()).unwrap_err();
        assert!(e.to_string().contains("not a regular file"), "{e}");
    }

    #[cfg(unix)]
    #[test]
    fn a_file_of_another_user_is_not_trusted() {
        use std::os::unix::fs::MetadataExt;
        // Files in /etc, /usr or / belong to root: for a test run by another user, such a
        // file stands in for the PIN file; as root, a file owned by nobody is made instead.
        let tmp = tempfile::tempdir().unwrap();
        let me = rustix::process::geteuid().as_raw();
        let meta = if me == 0 {
            let f = tmp.path().join("theirs");
            std::fs::write(&f, "x").unwrap();
            restrict(&f).unwrap();
            if std::os::unix::fs::chown(&f, Some(65534), None).is_err() {
                return;
            }
            std::fs::symlink_metadata(&f).unwrap()
        } else {
            match ["/etc/hostname", "/etc/passwd", "/usr/bin/env"]
                .iter()
                .filter_map(|p| std::fs::symlink_metadata(p).ok())
                .find(|m| m.is_file() && m.uid() != me)
            {
                Some(m) => m,
                None => return,
            }
        };
        let e = check_file(&meta).unwrap_err();
        assert!(e.contains("belongs to user id"), "{e}");
    }
}
