//! User numbers (利用者番号) as people type them: `r-0001` on a laptop, `Ｒ－０００１` with a
//! Japanese input method, ` R-0001 ` pasted from a spreadsheet — all one mother, `R-0001`.
//! Every user number is normalised on the way in (the app, the command line, the kiosk,
//! import), so the store only ever holds and compares the normal form.

/// The normal form: spaces around dropped, full-width ASCII (Ｒ, ０) and the dashes an input
/// method may give (－ ー ‐ – — −) turned into their ASCII forms, letters in upper case.
pub fn normalize(s: &str) -> String {
    s.trim_matches(|c: char| c.is_whitespace())
        .chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{30FC}' | '\u{FF70}' => '-',
            '\u{3000}' => ' ',
            c => c,
        })
        .map(|c| c.to_ascii_uppercase())
        .collect::<String>()
        .trim()
        .to_string()
}

/// Whether `s` is already in the normal form.
pub fn is_normal(s: &str) -> bool {
    normalize(s) == s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_way_of_typing_r_0001_is_one_number() {
        for typed in
            ["R-0001", "r-0001", "Ｒ－０００１", "ｒ－０００１", " R-0001\t", "　R−0001", "Rー0001"]
        {
            assert_eq!(normalize(typed), "R-0001", "{typed:?}");
        }
        assert_eq!(normalize("k_12"), "K_12");
        assert!(is_normal("R-0001"));
        assert!(!is_normal("r-0001"));
        // What is not a user number stays visibly wrong (validation refuses it afterwards).
        assert_eq!(normalize("R 0001"), "R 0001");
        assert_eq!(normalize("利用者"), "利用者");
    }
}
