//! Text laid out by display width: CJK characters take two cells, and no character is ever cut.
//!
//! East Asian "ambiguous" symbols (※ ○ × → –) are one cell to ratatui but two in terminals set to
//! draw them wide, which shifts everything after them. Text shown on screen goes through
//! [`display_safe`], which replaces them with symbols whose width every terminal agrees on.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// The display width of `s` in terminal cells.
pub fn width(s: &str) -> usize {
    s.width()
}

/// The display width of one character (control characters count 0).
pub fn char_width(c: char) -> usize {
    c.width().unwrap_or(0)
}

/// Replaces East Asian ambiguous-width characters with unambiguous ones, so that ratatui and the
/// terminal agree on every cell.
pub fn display_safe(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '※' => out.push('＊'),
            '○' | '◯' => out.push('〇'),
            '×' => out.push('ｘ'),
            '☆' | '★' => out.push('＊'),
            '→' => out.push_str("->"),
            '←' => out.push_str("<-"),
            '–' | '—' | '―' => out.push('-'),
            '…' => out.push_str("..."),
            '・' => out.push('・'),
            '①'..='⑳' => {
                let n = c as u32 - '①' as u32 + 1;
                out.push_str(&format!("({n})"));
            }
            c if c.width() != c.width_cjk() => out.push('?'),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// The longest prefix of `s` that fits in `max` cells, never cutting a character.
pub fn fit(s: &str, max: usize) -> &str {
    let mut used = 0;
    for (i, c) in s.char_indices() {
        let w = char_width(c);
        if used + w > max {
            return &s[..i];
        }
        used += w;
    }
    s
}

/// `s` cut to `max` cells, ending with `..` when something was cut.
pub fn truncate(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    if max <= 2 {
        return fit(s, max).to_string();
    }
    format!("{}..", fit(s, max - 2))
}

/// `s` cut to `max` cells and padded with spaces to exactly `max` cells.
pub fn pad(s: &str, max: usize) -> String {
    let mut t = truncate(s, max);
    let w = width(&t);
    t.extend(std::iter::repeat_n(' ', max.saturating_sub(w)));
    t
}

/// `s` right-aligned in exactly `max` cells.
pub fn pad_left(s: &str, max: usize) -> String {
    let t = truncate(s, max);
    let w = width(&t);
    let mut out: String = std::iter::repeat_n(' ', max.saturating_sub(w)).collect();
    out.push_str(&t);
    out
}

/// Wraps `s` into lines of at most `max` cells: at spaces where it can, else between any two
/// characters (Japanese has no spaces), never inside a character. Newlines are kept.
pub fn wrap(s: &str, max: usize) -> Vec<String> {
    let max = max.max(2);
    let mut lines = Vec::new();
    for para in s.split('\n') {
        let mut line = String::new();
        let mut line_w = 0;
        for word in split_keep_spaces(para) {
            let ww = width(word);
            if line_w + ww <= max {
                line.push_str(word);
                line_w += ww;
                continue;
            }
            if word == " " {
                lines.push(std::mem::take(&mut line));
                line_w = 0;
                continue;
            }
            if ww <= max && line_w > 0 {
                lines.push(std::mem::take(&mut line).trim_end().to_string());
                line.push_str(word);
                line_w = ww;
                continue;
            }
            for c in word.chars() {
                let cw = char_width(c);
                if line_w + cw > max {
                    // Japanese line breaking (禁則): a closing mark never starts a line; the
                    // character before it moves down with it.
                    let carried = if no_line_start(c) && line.chars().count() > 1 {
                        line.pop()
                    } else {
                        None
                    };
                    lines.push(std::mem::take(&mut line).trim_end().to_string());
                    line_w = 0;
                    if let Some(p) = carried {
                        line.push(p);
                        line_w = char_width(p);
                    }
                }
                line.push(c);
                line_w += cw;
            }
        }
        lines.push(line.trim_end().to_string());
    }
    lines
}

/// Marks that may not start a line in Japanese text (closing brackets, commas, full stops).
fn no_line_start(c: char) -> bool {
    matches!(
        c,
        '、' | '。'
            | '，'
            | '．'
            | '）'
            | '」'
            | '』'
            | '】'
            | '・'
            | '：'
            | '！'
            | '？'
            | 'ー'
            | ')'
            | ','
            | '.'
    )
}

/// Splits into runs of non-spaces and single spaces.
fn split_keep_spaces(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in s.char_indices() {
        if c == ' ' {
            if start < i {
                out.push(&s[start..i]);
            }
            out.push(&s[i..i + 1]);
            start = i + 1;
        }
    }
    if start < s.len() {
        out.push(&s[start..]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn japanese_is_two_cells_a_character() {
        assert_eq!(width("産後ケア"), 8);
        assert_eq!(fit("産後ケア", 5), "産後");
        assert_eq!(truncate("東京北医療センター", 9), "東京北..");
        assert_eq!(pad("東京北医療センター", 9), "東京北.. ");
        assert_eq!(width(&pad("東京北医療センター", 9)), 9);
        assert_eq!(pad_left("6,600", 8), "   6,600");
    }

    #[test]
    fn ambiguous_symbols_are_replaced() {
        let s = display_safe("※祝除く ○1泊2日 ×2泊 Mon–Fri ①");
        assert_eq!(s, "＊祝除く 〇1泊2日 ｘ2泊 Mon-Fri (1)");
        assert_eq!(width(&s), s.width_cjk());
    }

    #[test]
    fn a_closing_mark_never_starts_a_line() {
        assert_eq!(wrap("あいう。えお", 6), vec!["あい", "う。え", "お"]);
        assert_eq!(wrap("ください。", 8), vec!["くださ", "い。"]);
        for l in wrap("施設にも必ず電話してください。", 8) {
            assert!(width(&l) <= 8 && !l.starts_with('。'), "{l}");
        }
    }

    #[test]
    fn wrap_breaks_japanese_anywhere_and_english_at_spaces() {
        assert_eq!(wrap("あいうえおかき", 6), vec!["あいう", "えおか", "き"]);
        assert_eq!(wrap("open until 11:00 today", 11), vec!["open until", "11:00 today"]);
        for l in wrap("北区赤羽台 4-17-56 東京北医療センター", 7) {
            assert!(width(&l) <= 7, "{l}");
        }
    }
}
