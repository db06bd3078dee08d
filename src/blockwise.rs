//! Parse and lower a file one top-level block at a time, on all cores when
//! the file is large, and go on after a syntax error.
//!
//! In: the source text. Out: the AST and the lowering diagnostics, or,
//! when a block does not parse, every syntax error of the file (one per
//! broken block) with the lowering diagnostics of the blocks that parsed.
//!
//! Why: pest keeps the tokens of everything it parsed until the parse tree
//! is dropped, so parsing the whole file at once costs memory of many times
//! the file. Piece by piece (`split`), memory follows the largest block.
//! The pieces are the places where a block of a valid file starts, so the
//! result is the one a whole-file parse (`syntax::parse` + `lower::lower`)
//! gives; tests/blockwise.rs compares them on every fixture.

use crate::diagnostic::Diagnostic;
use crate::model::Ast;
use crate::{lower, split, syntax};

/// Below this size a file is parsed on one thread: starting threads costs
/// more than it saves.
const PARALLEL_MIN_BYTES: usize = 1 << 20;

/// What parsing and lowering a file gave.
pub enum Parsed {
    /// Every block parsed; the AST and its lowering diagnostics.
    Ok(Box<Ast>, Vec<Diagnostic>),
    /// Some blocks did not parse: their syntax errors (in file order), then
    /// the lowering diagnostics of the blocks that did.
    SyntaxErrors(Vec<Diagnostic>),
}

/// Parse and lower `text`, on as many threads as the machine has cores.
pub fn parse_and_lower(text: &str) -> Parsed {
    parse_and_lower_on(text, cores())
}

/// How many threads the machine runs at once (1 when it cannot tell).
pub fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get)
}

/// Parse and lower `text` on at most `threads` threads. The result does not
/// depend on the number of threads.
pub fn parse_and_lower_on(text: &str, threads: usize) -> Parsed {
    if let Some(d) = syntax::empty_file(text) {
        return Parsed::SyntaxErrors(vec![d]);
    }
    let pieces = split::pieces(text);
    let groups = if text.len() < PARALLEL_MIN_BYTES { 1 } else { threads.clamp(1, 16) };
    let parts: Vec<Part> = if groups == 1 {
        vec![run(text, &pieces)]
    } else {
        let ranges = balance(&pieces, groups);
        let mut runs = ranges.iter().filter_map(|r| pieces.get(r.clone()));
        let own = runs.next().unwrap_or(&[]);
        std::thread::scope(|s| {
            let handles: Vec<_> = runs.map(|p| s.spawn(|| run(text, p))).collect();
            // The first run on this thread: its memory comes from the main
            // allocator arena, which the model built next reuses.
            let mut parts = vec![run(text, own)];
            // A panic in a thread (a bug) goes on as it would have without
            // threads: dropping that thread's blocks silently would be worse.
            parts.extend(handles.into_iter().map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e))));
            parts
        })
    };
    let mut syntax_errors = Vec::new();
    let mut diags = Vec::new();
    let mut parts = parts.into_iter();
    let mut first = parts.next().unwrap_or_else(|| Part::new(text));
    syntax_errors.append(&mut first.syntax);
    diags.append(&mut first.diags);
    let mut ast = first.ast;
    for mut part in parts {
        syntax_errors.append(&mut part.syntax);
        diags.append(&mut part.diags);
        diags.extend(lower::append(&mut ast, part.ast));
    }
    if syntax_errors.is_empty() {
        Parsed::Ok(Box::new(ast), diags)
    } else {
        syntax_errors.extend(diags);
        Parsed::SyntaxErrors(syntax_errors)
    }
}

/// What one thread made of its run of pieces.
struct Part {
    ast: Ast,
    diags: Vec<Diagnostic>,
    syntax: Vec<Diagnostic>,
}

impl Part {
    fn new(text: &str) -> Self {
        Part { ast: lower::empty_for(text), diags: Vec::new(), syntax: Vec::new() }
    }
}

/// Pieces are parsed in batches of about this many bytes: one parse per
/// block would pay pest's set-up for every small block (about 15 % more
/// time), while the memory of a batch's tokens stays small.
const BATCH_BYTES: usize = 64 * 1024;

/// Parse and lower a run of pieces in order; each parse tree is dropped
/// before the next batch is parsed. A batch that does not parse is parsed
/// again piece by piece, so that errors are found and reported as if every
/// piece had been parsed on its own.
fn run(text: &str, pieces: &[(usize, usize)]) -> Part {
    let mut part = Part::new(text);
    let mut rest = pieces;
    while let Some(&(start, _)) = rest.first() {
        let take = rest.iter().take_while(|p| p.0 - start < BATCH_BYTES).count().max(1);
        let (batch, later) = rest.split_at(take.min(rest.len()));
        rest = later;
        let end = batch.last().map_or(start, |p| p.1);
        match syntax::parse_piece(text, start, end, start == 0) {
            Ok(pair) => {
                let more = lower::lower_piece(
                    pair,
                    start,
                    &mut part.ast,
                    crate::keywords::header_language(text),
                    crate::keywords::header_keyword(text).as_ref(),
                );
                part.diags.extend(more);
            }
            Err(_) => {
                for &(s, e) in batch {
                    piece(text, s, e, s == 0, &mut part);
                }
            }
        }
    }
    part
}

/// One piece; after a syntax error, go on at the next line that starts
/// with a block keyword (a drafter writes blocks at the left margin), so a
/// block left open does not hide the errors after it.
fn piece(text: &str, start: usize, end: usize, first: bool, part: &mut Part) {
    let mut from = start;
    let mut first = first;
    loop {
        match syntax::parse_piece(text, from, end, first) {
            Ok(pair) => {
                let more = lower::lower_piece(
                    pair,
                    from,
                    &mut part.ast,
                    crate::keywords::header_language(text),
                    crate::keywords::header_keyword(text).as_ref(),
                );
                part.diags.extend(more);
                return;
            }
            Err(d) => {
                let at = d.primary.span.start;
                let unterminated = d.code == "P002";
                part.syntax.push(d);
                if unterminated {
                    return;
                }
                match resume_at(text, from, at, end) {
                    Some(next) => {
                        from = next;
                        first = false;
                    }
                    None => return,
                }
            }
        }
    }
}

/// The first line start in `at..end` (after `from`) whose line begins with
/// a block keyword at the left margin.
fn resume_at(text: &str, from: usize, at: usize, end: usize) -> Option<usize> {
    let region = text.get(..end)?;
    // Lines end at LF or at a lone CR (CRLF gives an empty line between).
    let mut line_start = text.get(..at)?.rfind(['\n', '\r']).map_or(0, |i| i + 1);
    if line_start < at {
        line_start = at + region.get(at..)?.find(['\n', '\r'])? + 1;
    }
    loop {
        if line_start > from {
            let line = region.get(line_start..)?;
            let word: String = line.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
            let after = line.get(word.len()..).and_then(|r| r.chars().next());
            if split::is_item_keyword(&word) && after.is_some_and(char::is_whitespace) {
                return Some(line_start);
            }
        }
        line_start += region.get(line_start..)?.find(['\n', '\r'])? + 1;
    }
}

/// Cut the pieces into `groups` runs of about equal size in bytes.
fn balance(pieces: &[(usize, usize)], groups: usize) -> Vec<std::ops::Range<usize>> {
    let total = pieces.last().map_or(0, |p| p.1);
    let mut out = Vec::with_capacity(groups);
    let mut from = 0;
    for g in 1..groups {
        let target = total / groups * g;
        let to = pieces.partition_point(|p| p.0 < target).max(from);
        out.push(from..to);
        from = to;
    }
    out.push(from..pieces.len());
    out.retain(|r| !r.is_empty());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn balance_covers_every_piece_once_in_order() {
        let pieces: Vec<(usize, usize)> = (0..10).map(|i| (i * 10, i * 10 + 10)).collect();
        let runs = balance(&pieces, 3);
        let flat: Vec<usize> = runs.iter().flat_map(|r| r.clone()).collect();
        assert_eq!(flat, (0..10).collect::<Vec<_>>());
        assert_eq!(runs.len(), 3);
        assert_eq!(balance(&pieces[..1], 4), vec![0..1]);
    }

    #[test]
    fn resumes_at_the_next_block_at_the_left_margin() {
        let text = "party a \"A\" {\n  side state\n  party x\nparty b \"B\" { }\n";
        let at = text.find("  party x").unwrap_or(0);
        assert_eq!(resume_at(text, 0, at, text.len()), text.find("party b"));
        let at_b = text.find("party b").unwrap_or(0);
        assert_eq!(resume_at(text, 0, at_b, text.len()), Some(at_b));
        assert_eq!(resume_at(text, at_b, at_b, text.len()), None);
    }
}
