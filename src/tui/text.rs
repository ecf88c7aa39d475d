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

/// `s` cut to `max` cells at a place a line may break (never inside a word: see [`wrap`]),
/// ending with `..` when something was cut: for hints and messages, where half a word reads as
/// another word.
pub fn clip_words(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    if max <= 2 {
        return fit(s, max).to_string();
    }
    let first = wrap(s, max - 2).into_iter().next().unwrap_or_default();
    format!("{}..", first.trim_end())
}

/// Key hints (`n:book  b:list  g:guide`, two spaces apart) that fit in `max` cells: whole hints
/// from the first, the ones that do not fit left out, never one cut in half.
pub fn fit_hints(s: &str, max: usize) -> String {
    let mut out = String::new();
    for hint in s.split("  ").map(str::trim).filter(|h| !h.is_empty()) {
        let next = if out.is_empty() { hint.to_string() } else { format!("{out}  {hint}") };
        if width(&next) > max {
            break;
        }
        out = next;
    }
    out
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

/// Wraps `s` into lines of at most `max` cells, never inside a character. Newlines are kept.
///
/// Where a line may break: at a space; between two Japanese characters, or between a Japanese
/// character and a Latin word (Japanese has no spaces), but never inside a Latin word or number
/// (`Enter`, `11:00`, `03-3908-7050`) unless it alone is wider than the line. Japanese line
/// breaking (禁則): a closing mark (、。）」…) never starts a line, and an opening one (（「…)
/// never ends one: each stays with its neighbour.
pub fn wrap(s: &str, max: usize) -> Vec<String> {
    let max = max.max(2);
    let mut lines = Vec::new();
    for para in s.split('\n') {
        let mut line = String::new();
        let mut line_w = 0;
        for piece in pieces(para) {
            let pw = width(&piece);
            if line_w + pw <= max {
                line.push_str(&piece);
                line_w += pw;
                continue;
            }
            if piece == " " {
                lines.push(std::mem::take(&mut line).trim_end().to_string());
                line_w = 0;
                continue;
            }
            if line_w > 0 && pw <= max {
                lines.push(std::mem::take(&mut line).trim_end().to_string());
                line.push_str(&piece);
                line_w = pw;
                continue;
            }
            // A piece wider than a whole line: cut between characters.
            for c in piece.chars() {
                let cw = char_width(c);
                if line_w + cw > max && line_w > 0 {
                    lines.push(std::mem::take(&mut line).trim_end().to_string());
                    line_w = 0;
                }
                line.push(c);
                line_w += cw;
            }
        }
        lines.push(line.trim_end().to_string());
    }
    lines
}

/// The pieces a line may break between: single spaces, words (any run of non-space narrow
/// characters, or of Hangul: Korean puts spaces between its words), and single other wide
/// characters; closing marks glued to the piece before them and opening marks to the piece
/// after them.
fn pieces(s: &str) -> Vec<String> {
    let mut atoms: Vec<String> = Vec::new();
    let mut latin = String::new();
    let flush = |latin: &mut String, atoms: &mut Vec<String>| {
        if !latin.is_empty() {
            atoms.push(std::mem::take(latin));
        }
    };
    for c in s.chars() {
        if c == ' ' {
            flush(&mut latin, &mut atoms);
            atoms.push(" ".to_string());
        } else if (char_width(c) >= 2 && !is_hangul(c)) || no_line_start(c) || no_line_end(c) {
            flush(&mut latin, &mut atoms);
            atoms.push(c.to_string());
        } else {
            latin.push(c);
        }
    }
    flush(&mut latin, &mut atoms);
    let mut out: Vec<String> = Vec::new();
    let mut open = String::new();
    for atom in atoms {
        let first = atom.chars().next().unwrap_or(' ');
        if atom.chars().count() == 1 && no_line_end(first) {
            open.push_str(&atom);
            continue;
        }
        if !open.is_empty() {
            out.push(std::mem::take(&mut open) + &atom);
            continue;
        }
        match out.last_mut() {
            Some(prev) if no_line_start(first) && prev != " " => prev.push_str(&atom),
            _ => out.push(atom),
        }
    }
    if !open.is_empty() {
        out.push(open);
    }
    out
}

/// Hangul syllables and jamo: letters of words that spaces separate.
fn is_hangul(c: char) -> bool {
    matches!(c, '\u{AC00}'..='\u{D7A3}' | '\u{1100}'..='\u{11FF}' | '\u{3130}'..='\u{318F}')
}

/// Marks that may not end a line in Japanese text (opening brackets).
fn no_line_end(c: char) -> bool {
    matches!(c, '（' | '「' | '『' | '【' | '〔' | '［' | '｛' | '〈' | '《')
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
    fn key_hints_are_left_out_whole() {
        assert_eq!(fit_hints("n:book  b:your bookings  g:guide", 23), "n:book  b:your bookings");
        assert_eq!(fit_hints("n:book  b:your bookings  g:guide", 22), "n:book");
        assert_eq!(fit_hints("n:book", 3), "");
    }

    #[test]
    fn a_clipped_hint_ends_between_words() {
        assert_eq!(
            clip_words("Choose a resident to see the window (u)", 34),
            "Choose a resident to see the.."
        );
        assert_eq!(clip_words("fits", 10), "fits");
        assert_eq!(clip_words("利用者を選ぶと利用期間を表示（u）", 20), "利用者を選ぶと利用..");
        assert!(width(&clip_words("a verylongwordthatdoesnotfit", 10)) <= 10);
    }

    #[test]
    fn japanese_fills_the_line_and_latin_words_stay_whole() {
        // The date step's hint: Japanese breaks anywhere, `Enter` stays whole.
        let lines = wrap("矢印・hjkl で日付、[ ] で月、+ - で長さ、Enter で確認へ。", 20);
        for l in &lines {
            assert!(width(l) <= 20, "{l}");
        }
        assert!(lines.iter().any(|l| l.contains("Enter")), "{lines:?}");
        assert!(lines.iter().all(|l| width(l) >= 14) || lines.len() <= 3, "filled: {lines:?}");
        // An opening bracket never ends a line; a closing one never starts one.
        for w in 6..30 {
            for l in wrap("2026/11/25～2026/11/25の予約と重なります（1日に1件まで）。", w)
            {
                assert!(
                    !l.ends_with('（') && !l.starts_with('）') && !l.starts_with('。'),
                    "{w}: {l}"
                );
            }
        }
        // The exemption text of the guide breaks inside its Japanese, not only at spaces.
        let t = "住民税非課税世帯・生活保護世帯の方は、利用料が免除されます（利用料0円）。";
        let lines = wrap(t, 30);
        assert_eq!(lines.concat(), t);
        assert!(lines.iter().take(lines.len() - 1).all(|l| width(l) >= 26), "{lines:?}");
    }

    #[test]
    fn wrap_breaks_japanese_anywhere_and_english_at_spaces() {
        assert_eq!(wrap("あいうえおかき", 6), vec!["あいう", "えおか", "き"]);
        assert_eq!(wrap("open until 11:00 today", 11), vec!["open until", "11:00 today"]);
        for l in wrap("北区赤羽台 4-17-56 東京北医療センター", 7) {
            assert!(width(&l) <= 7, "{l}");
        }
    }

    #[test]
    fn wrap_breaks_korean_at_spaces_and_keeps_a_bracket_with_its_word() {
        assert_eq!(
            wrap("월~금 9:00~11:00, 14:00~16:00 (공휴일 제외)", 34),
            vec!["월~금 9:00~11:00, 14:00~16:00", "(공휴일 제외)"]
        );
        assert_eq!(
            wrap("80x24 이상으로 넓혀 주세요", 12),
            vec!["80x24", "이상으로", "넓혀 주세요"]
        );
        // A word wider than the line is still cut, never drawn past it.
        assert_eq!(wrap("가나다라마바사", 6), vec!["가나다", "라마바", "사"]);
    }
}
