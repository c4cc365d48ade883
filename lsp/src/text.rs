//! Document text: line index, LSP (UTF-16) positions <-> byte offsets, and edits.
//!
//! LSP positions count UTF-16 code units within a line; Rust strings are UTF-8. Every
//! conversion goes through [`LineIndex`], which never panics on out-of-range input: a
//! position past the end of a line or of the document is clamped (what editors do), and
//! the `checked` variants say when the client sent something that does not exist.

use tower_lsp_server::lsp_types::{Position, Range};

/// Byte offsets of line starts, for one version of a text.
#[derive(Debug, Clone, Default)]
pub struct LineIndex {
    starts: Vec<usize>,
    len: usize,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut starts = Vec::with_capacity(text.len() / 32 + 1);
        starts.push(0);
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => starts.push(i + 1),
                b'\r' => {
                    if bytes.get(i + 1) == Some(&b'\n') {
                        i += 1;
                    }
                    starts.push(i + 1);
                }
                _ => {}
            }
            i += 1;
        }
        Self {
            starts,
            len: text.len(),
        }
    }

    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// Byte range of `line`'s content, without its line terminator.
    fn line_bounds(&self, text: &str, line: usize) -> (usize, usize) {
        let start = self.starts[line];
        let mut end = self.starts.get(line + 1).copied().unwrap_or(self.len);
        let b = text.as_bytes();
        if end > start && b.get(end - 1) == Some(&b'\n') {
            end -= 1;
        }
        if end > start && b.get(end - 1) == Some(&b'\r') {
            end -= 1;
        }
        (start, end)
    }

    /// Byte offset of `pos`, or None when the line does not exist or the column is past
    /// the line's end.
    pub fn offset_checked(&self, text: &str, pos: Position) -> Option<usize> {
        let line = pos.line as usize;
        if line >= self.starts.len() {
            return None;
        }
        let (start, end) = self.line_bounds(text, line);
        let mut units = 0u32;
        for (i, ch) in text[start..end].char_indices() {
            if units >= pos.character {
                return (units == pos.character).then_some(start + i);
            }
            units += ch.len_utf16() as u32;
        }
        (units == pos.character).then_some(end)
    }

    /// Byte offset of `pos`, clamped to the document (a column inside a surrogate pair
    /// snaps to the character's start).
    pub fn offset(&self, text: &str, pos: Position) -> usize {
        let line = pos.line as usize;
        if line >= self.starts.len() {
            return self.len;
        }
        let (start, end) = self.line_bounds(text, line);
        let mut units = 0u32;
        for (i, ch) in text[start..end].char_indices() {
            let w = ch.len_utf16() as u32;
            if units + w > pos.character {
                return start + i;
            }
            units += w;
        }
        end
    }

    /// LSP position of byte `offset` (clamped; an offset inside a UTF-8 sequence snaps
    /// back to the character's start).
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let mut offset = offset.min(self.len);
        while offset > 0 && !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = match self.starts.binary_search(&offset) {
            Ok(l) => l,
            Err(l) => l - 1,
        };
        let start = self.starts[line];
        let character: usize = text[start..offset].chars().map(char::len_utf16).sum();
        Position::new(line as u32, character as u32)
    }

    pub fn range(&self, text: &str, start: usize, end: usize) -> Range {
        Range::new(self.position(text, start), self.position(text, end))
    }
}

/// One open document's text at one version.
#[derive(Debug, Clone)]
pub struct Text {
    pub text: String,
    pub index: LineIndex,
}

impl Text {
    pub fn new(text: String) -> Self {
        let index = LineIndex::new(&text);
        Self { text, index }
    }

    /// Apply one content change (a range edit or, with `range: None`, a full replace).
    /// Returns false when the range was outside the document (it is then clamped).
    pub fn apply(&mut self, range: Option<Range>, new_text: &str) -> bool {
        let Some(range) = range else {
            self.text = new_text.to_owned();
            self.index = LineIndex::new(&self.text);
            return true;
        };
        let valid = self.index.offset_checked(&self.text, range.start).is_some()
            && self.index.offset_checked(&self.text, range.end).is_some();
        let a = self.index.offset(&self.text, range.start);
        let b = self.index.offset(&self.text, range.end);
        let (a, b) = if a <= b { (a, b) } else { (b, a) };
        self.text.replace_range(a..b, new_text);
        self.index = LineIndex::new(&self.text);
        valid
    }

    pub fn position(&self, offset: usize) -> Position {
        self.index.position(&self.text, offset)
    }

    pub fn range(&self, start: usize, end: usize) -> Range {
        self.index.range(&self.text, start, end)
    }

    pub fn offset_checked(&self, pos: Position) -> Option<usize> {
        self.index.offset_checked(&self.text, pos)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_columns() {
        let t = Text::new("a😀b\r\nxé\n".to_owned());
        assert_eq!(t.offset_checked(Position::new(0, 3)), Some(5));
        assert_eq!(t.position(5), Position::new(0, 3));
        assert_eq!(t.offset_checked(Position::new(1, 2)), Some(11));
        assert_eq!(t.offset_checked(Position::new(1, 3)), None);
        assert_eq!(t.offset_checked(Position::new(2, 0)), Some(12));
        assert_eq!(t.offset_checked(Position::new(3, 0)), None);
        // inside the surrogate pair: snaps to the emoji's start
        assert_eq!(t.index.offset(&t.text, Position::new(0, 2)), 1);
    }

    #[test]
    fn edits_clamp() {
        let mut t = Text::new("hello\nworld".to_owned());
        assert!(t.apply(
            Some(Range::new(Position::new(1, 0), Position::new(1, 5))),
            "there"
        ));
        assert_eq!(t.text, "hello\nthere");
        assert!(!t.apply(
            Some(Range::new(Position::new(9, 0), Position::new(9, 9))),
            "!"
        ));
        assert_eq!(t.text, "hello\nthere!");
        t.apply(None, "x");
        assert_eq!(t.text, "x");
    }
}
