//! A one-line text field: the text and a cursor, edited by key actions and pastes, never longer
//! than its own maximum.

use super::action::Action;

/// The longest text a field takes unless it says otherwise.
pub const MAX_CHARS: usize = 64;

/// A text field's content; the cursor is a character index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    text: String,
    cursor: usize,
    /// The most characters typing or pasting may make it hold.
    max: usize,
}

impl Default for Input {
    fn default() -> Input {
        Input::limited(MAX_CHARS)
    }
}

impl Input {
    pub fn new(text: &str) -> Input {
        Input { text: text.to_string(), cursor: text.chars().count(), max: MAX_CHARS }
    }

    /// An empty field that takes at most `max` characters.
    pub fn limited(max: usize) -> Input {
        Input { text: String::new(), cursor: 0, max }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// The trimmed text.
    pub fn value(&self) -> &str {
        self.text.trim()
    }

    pub fn is_empty(&self) -> bool {
        self.text.trim().is_empty()
    }

    /// The cursor's position in characters.
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// The display width of the text before the cursor.
    pub fn cursor_width(&self) -> usize {
        super::text::width(&self.text.chars().take(self.cursor).collect::<String>())
    }

    fn byte_at(&self, char_index: usize) -> usize {
        self.text.char_indices().nth(char_index).map_or(self.text.len(), |(i, _)| i)
    }

    pub fn insert(&mut self, c: char) {
        if c.is_control() || self.text.chars().count() >= self.max {
            return;
        }
        let at = self.byte_at(self.cursor);
        self.text.insert(at, c);
        self.cursor += 1;
    }

    /// Inserts pasted text at the cursor: control characters (line breaks, tabs, escapes) are
    /// dropped and the rest is cut to the room left. Returns how many characters went in. Reads
    /// only as much of `text` as fits, so a paste of megabytes costs no more than a short one.
    pub fn insert_str(&mut self, text: &str) -> usize {
        let room = self.max.saturating_sub(self.text.chars().count());
        let kept: String = text.chars().filter(|c| !c.is_control()).take(room).collect();
        let n = kept.chars().count();
        let at = self.byte_at(self.cursor);
        self.text.insert_str(at, &kept);
        self.cursor += n;
        n
    }

    pub fn backspace(&mut self) {
        if self.cursor > 0 {
            self.cursor -= 1;
            let at = self.byte_at(self.cursor);
            self.text.remove(at);
        }
    }

    pub fn delete(&mut self) {
        if self.cursor < self.text.chars().count() {
            let at = self.byte_at(self.cursor);
            self.text.remove(at);
        }
    }

    pub fn left(&mut self) {
        self.cursor = self.cursor.saturating_sub(1);
    }

    pub fn right(&mut self) {
        self.cursor = (self.cursor + 1).min(self.text.chars().count());
    }

    pub fn home(&mut self) {
        self.cursor = 0;
    }

    pub fn end(&mut self) {
        self.cursor = self.text.chars().count();
    }

    pub fn clear(&mut self) {
        self.text.clear();
        self.cursor = 0;
    }

    /// Applies a typing or cursor key (a character, Backspace, Delete, the arrows left and
    /// right, Home, End); false for any other action, which the field leaves to its screen.
    pub fn edit(&mut self, a: Action) -> bool {
        match a {
            Action::Char(c) => self.insert(c),
            Action::Backspace => self.backspace(),
            Action::Delete => self.delete(),
            Action::Left => self.left(),
            Action::Right => self.right(),
            Action::Home => self.home(),
            Action::End => self.end(),
            _ => return false,
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_at_the_cursor() {
        let mut i = Input::new("赤羽");
        i.left();
        i.insert('x');
        assert_eq!(i.text(), "赤x羽");
        assert_eq!(i.cursor_width(), 3);
        i.backspace();
        i.delete();
        assert_eq!(i.text(), "赤");
        i.home();
        i.delete();
        assert!(i.is_empty());
    }

    #[test]
    fn a_paste_goes_in_at_the_cursor_without_control_characters_cut_to_the_room_left() {
        let mut i = Input::limited(8);
        i.insert_str("ab");
        i.home();
        assert_eq!(i.insert_str("1\n2\t3\u{1b}[A"), 5);
        assert_eq!(i.text(), "123[Aab");
        assert_eq!(i.cursor(), 5);
        // One character of room left: the rest of a long paste is dropped.
        assert_eq!(i.insert_str(&"赤".repeat(1_000_000)), 1);
        assert_eq!(i.text(), "123[A赤ab");
        assert_eq!(i.insert_str("x"), 0);
        i.insert('y');
        assert_eq!(i.text().chars().count(), 8, "typing stops at the maximum too");
    }
}
