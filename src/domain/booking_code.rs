//! The booking code (予約番号): eight characters a mother can read over the phone, shown as
//! two groups of four (`K7MX-3RPA`), unique in a store, accepted wherever a booking's long id
//! is. The alphabet leaves out every character that looks or sounds like another on a form or
//! a phone line: 0 O D Q, 1 I L, 2 Z, 5 S, 8 B, 6 G, U (V), so 24 remain.

/// The characters of a code.
pub const ALPHABET: &[u8; 24] = b"ACEFHJKMNPRTVWXY23456789";
/// Characters in a code (without the hyphen).
pub const LEN: usize = 8;
/// How many codes there are: 24^8.
pub const SPACE: u64 = 24u64.pow(LEN as u32);

/// The code of a number below [`SPACE`] (larger numbers wrap): `XXXX-XXXX`.
pub fn encode(n: u64) -> String {
    let mut n = n % SPACE;
    let mut chars = [0u8; LEN];
    for c in chars.iter_mut().rev() {
        *c = ALPHABET[(n % 24) as usize];
        n /= 24;
    }
    let s = String::from_utf8_lossy(&chars).into_owned();
    format!("{}-{}", &s[..4], &s[4..])
}

/// A code as typed (any case, full-width, with or without the hyphen or spaces) in its shown
/// form, or `None` when it cannot be a code.
pub fn parse(typed: &str) -> Option<String> {
    let chars: String = crate::domain::user_number::normalize(typed)
        .chars()
        .filter(|c| *c != '-' && !c.is_whitespace())
        .collect();
    let ok = chars.len() == LEN && chars.bytes().all(|b| ALPHABET.contains(&b));
    ok.then(|| format!("{}-{}", &chars[..4], &chars[4..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_two_groups_of_four_from_the_alphabet() {
        assert_eq!(encode(0), "AAAA-AAAA");
        assert_eq!(encode(SPACE - 1), "9999-9999");
        assert_eq!(encode(SPACE), "AAAA-AAAA");
        assert_eq!(encode(25), "AAAA-AACC");
        for n in [1u64, 977, 123_456_789, SPACE / 3] {
            let c = encode(n);
            assert_eq!(parse(&c), Some(c.clone()));
        }
    }

    #[test]
    fn typed_codes_are_read_in_any_form_and_look_alikes_are_not_codes() {
        for typed in ["k7mx-3rpa", "K7MX3RPA", "Ｋ７ＭＸ－３ＲＰＡ", " k7mx 3rpa "] {
            assert_eq!(parse(typed).as_deref(), Some("K7MX-3RPA"), "{typed}");
        }
        for not in ["K7MX-3RP", "K7MX-3RPAA", "O7MX-3RPA", "K0MX-3RPA", "K7MX-3RPB", ""] {
            assert_eq!(parse(not), None, "{not}");
        }
        // A booking's long id is never mistaken for a code.
        assert_eq!(parse("01KBA4W7J0000000000000000A"), None);
    }
}
