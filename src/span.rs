//! Byte-offset spans and their translation to lines and columns.
//!
//! In: byte offsets from the parser. Out: 1-based line and character column,
//! computed only at the edges (diagnostics, JSON, SARIF), never stored.

use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into one source file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end: end.max(start) }
    }
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
    pub fn to(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

impl From<pest::Span<'_>> for Span {
    fn from(s: pest::Span<'_>) -> Self {
        Span::new(s.start(), s.end())
    }
}

impl From<Span> for miette::SourceSpan {
    fn from(s: Span) -> Self {
        miette::SourceSpan::new(s.start.into(), s.len())
    }
}

/// A 1-based position: line, and column counted in characters (not bytes),
/// so that a finding after „Bürger“ points at the right column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

/// Line starts of a source text, for offset → position translation.
///
/// A line ends at `\n`, at `\r\n` and at a lone `\r` (old Mac files), in
/// every output format alike. Long lines carry checkpoints every
/// `CHECKPOINT` bytes, so that finding the column of an offset costs at most
/// that many characters, however long the line and however many findings
/// it holds.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
    /// (byte offset, 0-based character column there), in offset order.
    marks: Vec<(usize, usize)>,
}

const CHECKPOINT: usize = 256;

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        let mut marks = Vec::new();
        let mut column = 0;
        let mut next_mark = CHECKPOINT;
        let mut chars = text.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            let lone_cr = c == '\r' && chars.peek().is_none_or(|(_, n)| *n != '\n');
            if c == '\n' || lone_cr {
                starts.push(i + 1);
                column = 0;
                next_mark = i + 1 + CHECKPOINT;
                continue;
            }
            if i >= next_mark {
                marks.push((i, column));
                next_mark = i + CHECKPOINT;
            }
            column += 1;
        }
        LineIndex { starts, marks }
    }

    /// Byte offset where 0-based `line` starts, if the text has that line.
    pub fn line_start(&self, line: usize) -> Option<usize> {
        self.starts.get(line).copied()
    }

    /// Position of a byte offset; offsets inside a character or past the
    /// end are clamped to the nearest valid place.
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let offset = offset.min(text.len());
        let line = match self.starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        };
        let start = self.starts.get(line).copied().unwrap_or(0);
        // Count from the last checkpoint of this line before the offset.
        let (from, before) = match self.marks.partition_point(|(at, _)| *at <= offset).checked_sub(1) {
            Some(k) => match self.marks.get(k) {
                Some(&(at, col)) if at >= start => (at, col),
                _ => (start, 0),
            },
            None => (start, 0),
        };
        crate::work::tick(offset - from);
        let column = text.get(from..offset).map(|s| s.chars().count()).unwrap_or_else(|| {
            text.get(from..).map_or(0, |s| s.char_indices().take_while(|(i, _)| from + i < offset).count())
        });
        Position { line: line + 1, column: before + column + 1 }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters() {
        let text = "a\nÄÖü x";
        let idx = LineIndex::new(text);
        let x = text.find('x').unwrap_or(0);
        assert_eq!(idx.position(text, x), Position { line: 2, column: 5 });
        assert_eq!(idx.position(text, 0), Position { line: 1, column: 1 });
        assert_eq!(idx.position(text, 999), Position { line: 2, column: 6 });
    }

    #[test]
    fn lone_cr_crlf_and_lf_all_end_lines() {
        let text = "a\rb\r\nc\nd";
        let idx = LineIndex::new(text);
        let at = |c: char| idx.position(text, text.find(c).unwrap_or(0));
        assert_eq!([at('a'), at('b'), at('c'), at('d')].map(|p| p.line), [1, 2, 3, 4]);
        assert_eq!(at('d').column, 1);
    }

    #[test]
    fn checkpoints_give_the_same_columns_as_counting() {
        let line = "ä".repeat(700) + "x" + &"b".repeat(600);
        let text = format!("first\n{line}\r{line}");
        let idx = LineIndex::new(&text);
        for (offset, _) in text.char_indices() {
            let start = text.get(..offset).and_then(|t| t.rfind(['\n', '\r'])).map_or(0, |i| i + 1);
            let expected = text.get(start..offset).map_or(0, |s| s.chars().count()) + 1;
            assert_eq!(idx.position(&text, offset).column, expected, "offset {offset}");
        }
    }
}
