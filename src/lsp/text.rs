//! Text positions as the Language Server Protocol counts them, and edits.
//!
//! In: a document's text and LSP positions (line, UTF-16 code unit). Out:
//! byte offsets for the compiler's spans, and back. An editor that sends a
//! position past the end of a line or of the text gets the nearest valid
//! place, never a panic: half-typed files and racing edits are normal.

use crate::span::Span;
use lsp_types::{Position, Range, TextDocumentContentChangeEvent};

/// Line starts of a text, for conversions in both directions.
#[derive(Debug, Clone)]
pub struct Lines {
    starts: Vec<usize>,
}

impl Lines {
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Lines { starts }
    }

    /// The LSP position of a byte offset (clamped to the text, and to a
    /// character boundary).
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let line = match self.starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        };
        let start = self.starts.get(line).copied().unwrap_or(0);
        let character = text.get(start..offset).map_or(0, |s| s.encode_utf16().count());
        Position::new(u32::try_from(line).unwrap_or(u32::MAX), u32::try_from(character).unwrap_or(u32::MAX))
    }

    pub fn range(&self, text: &str, span: Span) -> Range {
        Range::new(self.position(text, span.start), self.position(text, span.end))
    }

    /// The byte offset of an LSP position. A line past the end is the end
    /// of the text; a character past the end of its line is the line's end;
    /// a position inside a surrogate pair is the start of that character.
    pub fn offset(&self, text: &str, pos: Position) -> usize {
        let Some(start) = self.starts.get(pos.line as usize).copied() else { return text.len() };
        let end = self.starts.get(pos.line as usize + 1).map_or(text.len(), |e| e.saturating_sub(1));
        let line = text.get(start..end).unwrap_or("");
        let mut units = 0u32;
        for (i, c) in line.char_indices() {
            let next = units + c.len_utf16() as u32;
            if next > pos.character {
                return start + i;
            }
            units = next;
        }
        // Past the end of the line: before a `\r\n`'s `\r` too.
        start + line.strip_suffix('\r').map_or(line.len(), str::len)
    }

    pub fn span(&self, text: &str, range: Range) -> Span {
        let a = self.offset(text, range.start);
        let b = self.offset(text, range.end);
        Span::new(a.min(b), a.max(b))
    }

    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// Byte range of 0-based `line`, without its line break.
    pub fn line_span(&self, text: &str, line: usize) -> Option<Span> {
        let start = *self.starts.get(line)?;
        let end = self.starts.get(line + 1).map_or(text.len(), |e| e.saturating_sub(1));
        Some(Span::new(start, end))
    }
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while offset > 0 && !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// Apply one change from `didChange` (incremental or whole text).
pub fn apply_change(text: &mut String, change: &TextDocumentContentChangeEvent) {
    match change.range {
        None => text.clone_from(&change.text),
        Some(range) => {
            let span = Lines::new(text).span(text, range);
            text.replace_range(span.start..span.end, &change.text);
        }
    }
}

/// The length of a text in UTF-16 code units, as LSP counts it.
pub fn utf16_len(s: &str) -> u32 {
    u32::try_from(s.encode_utf16().count()).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_round_trip() {
        let text = "a\n„Bü“ 😀 x\r\nz";
        let l = Lines::new(text);
        let x = text.find('x').unwrap_or(0);
        // „ B ü “ space = 5 units, emoji = 2, space = 1.
        assert_eq!(l.position(text, x), Position::new(1, 8));
        assert_eq!(l.offset(text, Position::new(1, 8)), x);
        // Inside the surrogate pair: the start of the emoji.
        assert_eq!(l.offset(text, Position::new(1, 6)), text.find('😀').unwrap_or(0));
        // Past the end of the line: before `\r\n`.
        assert_eq!(l.offset(text, Position::new(1, 99)), text.find('\r').unwrap_or(0));
        assert_eq!(l.offset(text, Position::new(9, 0)), text.len());
        // Inside a multi-byte character: clamped back.
        assert_eq!(l.position(text, text.find('ü').unwrap_or(0) + 1), Position::new(1, 2));
    }

    #[test]
    fn incremental_change() {
        let mut text = "party land \"Ä\" {}\n".to_string();
        let change = TextDocumentContentChangeEvent {
            range: Some(Range::new(Position::new(0, 8), Position::new(0, 10))),
            range_length: None,
            text: "nd_x".into(),
        };
        apply_change(&mut text, &change);
        assert_eq!(text, "party land_x \"Ä\" {}\n");
    }
}
