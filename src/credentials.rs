//! The secrets a ward's server checks, and how they are kept: a terminal's token is 32 random
//! bytes shown once and kept only as its SHA-256 (a token carries its own entropy, so a fast
//! hash is enough and lets every request be checked in microseconds); a staff member's password
//! is kept as an Argon2id hash (a person's password needs the slow one), as the staff PIN is.

use argon2::{Argon2, PasswordHash, PasswordHasher, PasswordVerifier};
use sha2::{Digest, Sha256};

/// What every token starts with, so that one pasted in the wrong place is recognised.
pub const TOKEN_PREFIX: &str = "sango_";

/// A staff password's least length: long enough for a phrase, no rule of character classes
/// (NIST SP 800-63B: length, not composition).
pub const MIN_PASSWORD_CHARS: usize = 10;

/// A new terminal token: `sango_` and 64 hex digits of the OS's randomness.
pub fn new_token() -> Result<String, String> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(|e| format!("no randomness from the system: {e}"))?;
    Ok(format!("{TOKEN_PREFIX}{}", hex(&bytes)))
}

/// The form a token is kept in and looked up by.
pub fn token_hash(token: &str) -> String {
    hex(&Sha256::digest(token.trim().as_bytes()))
}

/// Whether `s` has a token's shape (checked before any lookup, so junk never reaches the store).
pub fn looks_like_token(s: &str) -> bool {
    s.strip_prefix(TOKEN_PREFIX)
        .is_some_and(|h| h.len() == 64 && h.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// Why a password is not accepted, if it is not.
pub fn password_problem(password: &str) -> Option<String> {
    let n = password.chars().count();
    if n < MIN_PASSWORD_CHARS {
        return Some(format!(
            "a password has at least {MIN_PASSWORD_CHARS} characters (パスワードは{MIN_PASSWORD_CHARS}文字以上); this one has {n}"
        ));
    }
    if password.chars().any(char::is_control) {
        return Some("a password holds no control characters".into());
    }
    None
}

/// The Argon2id hash of a password, in PHC form.
pub fn hash_password(password: &str) -> Result<String, String> {
    Argon2::default()
        .hash_password(password.as_bytes())
        .map(|h| h.to_string())
        .map_err(|e| format!("cannot hash the password: {e}"))
}

/// Whether `password` matches a hash made by [`hash_password`]; a malformed hash matches
/// nothing.
pub fn verify_password(hash: &str, password: &str) -> bool {
    PasswordHash::new(hash)
        .is_ok_and(|h| Argon2::default().verify_password(password.as_bytes(), &h).is_ok())
}

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes.iter().fold(String::with_capacity(bytes.len() * 2), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_new_each_time_have_their_shape_and_are_kept_only_hashed() {
        let a = new_token().unwrap();
        let b = new_token().unwrap();
        assert_ne!(a, b);
        assert!(looks_like_token(&a) && looks_like_token(&b), "{a}");
        let h = token_hash(&a);
        assert_eq!(h.len(), 64);
        assert!(!h.contains(&a[TOKEN_PREFIX.len()..]));
        assert_eq!(token_hash(&format!(" {a}\n")), h, "pasted with spaces: the same token");
        assert_ne!(token_hash(&b), h);
        for junk in ["", "sango_", "sango_xyz", &a[1..], &format!("{a}0"), "Bearer sango_00"] {
            assert!(!looks_like_token(junk), "{junk}");
        }
    }

    #[test]
    fn sha256_is_the_standard_one() {
        // FIPS 180-2's example "abc".
        assert_eq!(
            token_hash("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn passwords_are_long_enough_and_verified_against_their_hash_only() {
        assert!(password_problem("short").unwrap().contains("10"));
        assert!(password_problem("ten chars\u{7}!").is_some());
        assert_eq!(password_problem("correct horse battery"), None);
        assert_eq!(password_problem("あかばねのほけんセンター"), None, "characters, not bytes");
        let h = hash_password("correct horse battery").unwrap();
        assert!(h.starts_with("$argon2id$"), "{h}");
        assert!(verify_password(&h, "correct horse battery"));
        assert!(!verify_password(&h, "correct horse batterY"));
        assert!(!verify_password("not a hash", "correct horse battery"));
    }
}
