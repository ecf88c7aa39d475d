//! Text that is safe to show on one line of a terminal. An id, a path or a name that came from
//! outside (an argument, a file, the store) may hold characters that a terminal acts on instead
//! of showing: control characters (ESC starts a sequence that can retitle the window or rewrite
//! the screen, CR and LF break the line), bidi overrides that reorder what is shown, and
//! zero-width characters that make two different ids look alike. [`one_line`] writes each of
//! them as a visible escape (`\u{1b}`); [`has_unsafe`] tells whether there is any.

use std::borrow::Cow;
use std::fmt::Write;
use std::path::Path;

/// Whether a terminal would act on `c`, or not show it, instead of drawing it.
pub fn is_unsafe(c: char) -> bool {
    c.is_control() // C0 (ESC, BEL, CR, LF, TAB...), DEL and C1 (U+0080-U+009F)
        || matches!(
            c,
            // Bidi embeddings and overrides, isolates, and the marks.
            '\u{202A}'..='\u{202E}'
                | '\u{2066}'..='\u{2069}'
                | '\u{200E}'
                | '\u{200F}'
                | '\u{061C}'
                // Zero-width space, non-joiner, joiner, word joiner, byte order mark.
                | '\u{200B}'..='\u{200D}'
                | '\u{2060}'
                | '\u{FEFF}'
                // Line and paragraph separators break the line too.
                | '\u{2028}'
                | '\u{2029}'
        )
}

/// Whether `s` holds any character of [`is_unsafe`].
pub fn has_unsafe(s: &str) -> bool {
    s.chars().any(is_unsafe)
}

/// `s` with every character of [`is_unsafe`] written as `\u{..}`: one line, nothing a terminal
/// acts on. Text without such characters is returned as it is.
pub fn one_line(s: &str) -> Cow<'_, str> {
    if !has_unsafe(s) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if is_unsafe(c) {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A path as [`one_line`] shows text (a file name may hold any character but `/` and NUL).
pub fn path(p: &Path) -> String {
    one_line(&p.display().to_string()).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_bidi_and_zero_width_characters_become_visible_escapes() {
        assert_eq!(one_line("X\u{1b}]0;T\u{7}"), "X\\u{1b}]0;T\\u{7}");
        assert_eq!(one_line("a\r\nb\tc"), "a\\u{d}\\u{a}b\\u{9}c");
        assert_eq!(one_line("\u{9b}31m"), "\\u{9b}31m", "C1 CSI");
        assert_eq!(one_line("R\u{202E}1-R"), "R\\u{202e}1-R");
        assert_eq!(one_line("\u{2066}x\u{2069}"), "\\u{2066}x\\u{2069}");
        assert_eq!(one_line("R\u{200B}1"), "R\\u{200b}1");
        assert_eq!(one_line("\u{feff}R1\u{2060}"), "\\u{feff}R1\\u{2060}");
        assert_eq!(one_line("a\u{2028}b"), "a\\u{2028}b");
        assert_eq!(one_line("x\u{7f}"), "x\\u{7f}");
    }

    #[test]
    fn ordinary_text_is_left_as_it_is() {
        for s in
            ["R-0001", "東京北医療センター", "産後ケア（ショートステイ）", "a b", "", "\\u{1b}"]
        {
            assert!(matches!(one_line(s), Cow::Borrowed(_)), "{s}");
            assert!(!has_unsafe(s), "{s}");
        }
    }

    #[test]
    fn the_result_is_one_line_without_anything_a_terminal_acts_on() {
        let all: String = (0u32..0x3000).filter_map(char::from_u32).collect();
        let shown = one_line(&all);
        assert!(!has_unsafe(&shown));
        assert_eq!(shown.lines().count(), 1);
        assert!(has_unsafe(&all));
    }

    #[test]
    fn a_path_is_shown_escaped() {
        assert_eq!(path(Path::new("/tmp/a\nb.json")), "/tmp/a\\u{a}b.json");
    }
}
