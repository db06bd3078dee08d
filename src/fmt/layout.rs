//! The layout: tokens and statement starts → the canonical text.
//!
//! In: the source, its tokens (`cst::lex`) and the byte offsets where a
//! statement (an attribute or a nested block) starts. Out: the formatted
//! text. The layout works by structure only — braces, statements,
//! comments, line breaks — and knows no keyword, so new language constructs
//! are formatted without changes here.
//!
//! The rules: 4 spaces per level; one statement per line; a block written
//! on one line stays on one line if it fits in [`MAX_WIDTH`] columns and
//! holds no comment, else it is expanded; one blank line between top-level
//! blocks; other blank lines kept, at most one in a row, none at the start
//! or end of a block; single spaces between tokens except where the source
//! had none (`a.b`, `2/3`, `€80` stay glued) and before a comma; own-line
//! comments stay before what they precede, trailing comments after the
//! token they follow. Token texts (strings, numbers, comments less their
//! trailing blanks) are copied unchanged.

use crate::cst::{Token, TokenKind};
use std::collections::HashSet;

/// The widest line a one-line block may make, in characters.
pub const MAX_WIDTH: usize = 100;
const INDENT: &str = "    ";

/// A significant token or comment with what separated it from the one before.
#[derive(Debug, Clone, Copy)]
struct Elem<'a> {
    kind: TokenKind,
    text: &'a str,
    start: usize,
    /// Line breaks since the previous element.
    newlines: usize,
    /// Any white space, line break or comment since the previous element.
    spaced: bool,
}

#[derive(Debug)]
struct Comment<'a> {
    text: &'a str,
    blank_before: bool,
}

#[derive(Debug)]
enum Part<'a> {
    Tok {
        kind: TokenKind,
        text: &'a str,
        spaced: bool,
    },
    Block(Block<'a>),
    /// A comment inside a statement; `own_line` when a line break precedes it.
    Comment {
        text: &'a str,
        own_line: bool,
    },
}

#[derive(Debug, Default)]
struct Stmt<'a> {
    leading: Vec<Comment<'a>>,
    blank_before_body: bool,
    parts: Vec<Part<'a>>,
}

#[derive(Debug, Default)]
struct Block<'a> {
    /// `{` and `}` on one line in the source.
    one_line: bool,
    /// A comment after `{` on its line.
    open_comment: Option<&'a str>,
    stmts: Vec<Stmt<'a>>,
    /// Own-line comments after the last statement.
    dangling: Vec<Comment<'a>>,
}

impl Stmt<'_> {
    fn has_comment(&self) -> bool {
        !self.leading.is_empty()
            || self.parts.iter().any(|p| match p {
                Part::Comment { .. } => true,
                Part::Block(b) => b.has_comment(),
                Part::Tok { .. } => false,
            })
    }
}

impl Block<'_> {
    fn has_comment(&self) -> bool {
        self.open_comment.is_some() || !self.dangling.is_empty() || self.stmts.iter().any(Stmt::has_comment)
    }
}

/// Format `source`. `starts` holds the byte offsets where statements start.
pub fn layout(source: &str, tokens: &[Token], starts: &HashSet<usize>) -> String {
    let elems = elements(source, tokens);
    let mut i = 0;
    let (stmts, dangling) = sequence(&elems, &mut i, starts);
    let nl = if source.split_once('\n').is_some_and(|(first, _)| first.ends_with('\r')) { "\r\n" } else { "\n" };
    let mut w = Writer { out: String::new(), nl };
    if source.starts_with('\u{FEFF}') {
        w.out.push('\u{FEFF}');
    }
    // Tokens after a stray `}` (never in a file that parses) are kept as
    // statements of their own rather than lost.
    let mut rest = Vec::new();
    while i < elems.len() {
        i += 1;
        let (more, more_dangling) = sequence(&elems, &mut i, starts);
        rest.push((more, more_dangling));
    }
    w.sequence(&stmts, &dangling, 0, true);
    for (more, more_dangling) in &rest {
        w.line_break();
        w.out.push('}');
        w.line_break();
        w.sequence(more, more_dangling, 0, true);
    }
    if !w.out.ends_with(nl) {
        w.out.push_str(nl);
    }
    w.out
}

fn elements<'a>(source: &'a str, tokens: &[Token]) -> Vec<Elem<'a>> {
    let mut out = Vec::new();
    let mut newlines = 0;
    let mut spaced = false;
    for t in tokens {
        match t.kind {
            TokenKind::Newline => {
                newlines += 1;
                spaced = true;
            }
            TokenKind::Whitespace => spaced = true,
            kind => {
                let text = t.text(source);
                let text = if kind == TokenKind::Comment { text.trim_end() } else { text };
                out.push(Elem { kind, text, start: t.span.start, newlines, spaced });
                newlines = 0;
                spaced = kind == TokenKind::Comment;
            }
        }
    }
    out
}

/// Read statements up to a `}` (not consumed) or the end.
fn sequence<'a>(elems: &[Elem<'a>], i: &mut usize, starts: &HashSet<usize>) -> (Vec<Stmt<'a>>, Vec<Comment<'a>>) {
    let mut stmts: Vec<Stmt<'a>> = Vec::new();
    let mut open = false;
    let mut pending: Vec<Comment<'a>> = Vec::new();
    while let Some(e) = elems.get(*i) {
        if e.kind == TokenKind::Close {
            break;
        }
        if e.kind == TokenKind::Comment {
            let continues = open && {
                let next = elems.get(*i + 1..).and_then(|r| r.iter().find(|n| n.kind != TokenKind::Comment));
                next.is_some_and(|n| n.kind != TokenKind::Close && !starts.contains(&n.start))
            };
            match stmts.last_mut() {
                Some(s) if open && (e.newlines == 0 || continues) && pending.is_empty() => {
                    s.parts.push(Part::Comment { text: e.text, own_line: e.newlines > 0 });
                }
                _ => pending.push(Comment { text: e.text, blank_before: e.newlines > 1 }),
            }
            *i += 1;
            continue;
        }
        if !open || starts.contains(&e.start) || !pending.is_empty() {
            stmts.push(Stmt {
                leading: std::mem::take(&mut pending),
                blank_before_body: e.newlines > 1,
                parts: Vec::new(),
            });
            open = true;
        }
        let part = if e.kind == TokenKind::Open {
            *i += 1;
            let mut block = Block::default();
            if let Some(c) = elems.get(*i).filter(|c| c.kind == TokenKind::Comment && c.newlines == 0) {
                block.open_comment = Some(c.text);
                *i += 1;
            }
            let first_inside = *i;
            let (inner, dangling) = sequence(elems, i, starts);
            block.stmts = inner;
            block.dangling = dangling;
            let inside = elems.get(first_inside..(*i + 1).min(elems.len())).unwrap_or(&[]);
            block.one_line = !inside.iter().any(|x| x.newlines > 0 || x.text.contains(['\n', '\r']));
            if elems.get(*i).is_some() {
                *i += 1;
            }
            Part::Block(block)
        } else {
            *i += 1;
            Part::Tok { kind: e.kind, text: e.text, spaced: e.spaced }
        };
        if let Some(s) = stmts.last_mut() {
            s.parts.push(part);
        }
    }
    (stmts, pending)
}

struct Writer {
    out: String,
    nl: &'static str,
}

impl Writer {
    fn line_break(&mut self) {
        while self.out.ends_with(' ') {
            self.out.pop();
        }
        self.out.push_str(self.nl);
    }

    fn blank_line(&mut self) {
        self.out.push_str(self.nl);
    }

    fn indent(&mut self, depth: usize) {
        for _ in 0..depth {
            self.out.push_str(INDENT);
        }
    }

    fn column(&self) -> usize {
        let line = self.out.rsplit(['\n', '\r']).next().unwrap_or("");
        line.chars().count()
    }

    /// Statements, one (or more) lines each, at `depth`. At the top level,
    /// a statement of more than one line is set off by blank lines; runs of
    /// one-line statements (`party x "X" { side state }`) stay as written.
    fn sequence(&mut self, stmts: &[Stmt<'_>], dangling: &[Comment<'_>], depth: usize, top: bool) {
        let mut first = true;
        let mut prev_multi = false;
        for s in stmts {
            let mut body = Writer { out: String::new(), nl: self.nl };
            body.indent(depth);
            body.statement(s, depth);
            let multi = body.out.contains(['\n', '\r']);
            let forced = top && !first && (prev_multi || multi || !s.leading.is_empty());
            let mut first_line = true;
            for c in &s.leading {
                if !first && (c.blank_before || (forced && first_line)) {
                    self.blank_line();
                }
                self.indent(depth);
                self.out.push_str(c.text);
                self.line_break();
                first_line = false;
                first = false;
            }
            if !first && (s.blank_before_body || (forced && first_line)) {
                self.blank_line();
            }
            self.out.push_str(&body.out);
            self.line_break();
            first = false;
            prev_multi = multi;
        }
        for c in dangling {
            if !first && (c.blank_before || (top && prev_multi)) {
                self.blank_line();
            }
            prev_multi = false;
            self.indent(depth);
            self.out.push_str(c.text);
            self.line_break();
            first = false;
        }
    }

    /// One statement, starting after its indentation; ends without a line break.
    fn statement(&mut self, s: &Stmt<'_>, depth: usize) {
        let mut depth_now = depth;
        let mut prev: Option<TokenKind> = None;
        let mut after_break = false;
        for (k, part) in s.parts.iter().enumerate() {
            match part {
                Part::Tok { kind, text, spaced } => {
                    if after_break {
                        self.indent(depth_now);
                        after_break = false;
                    } else if let Some(p) = prev {
                        if space_between(p, *kind, *spaced) {
                            self.out.push(' ');
                        }
                    }
                    self.out.push_str(text);
                    prev = Some(*kind);
                }
                Part::Block(b) => {
                    if after_break {
                        self.indent(depth_now);
                        after_break = false;
                    } else if prev.is_some() {
                        self.out.push(' ');
                    }
                    self.block(b, depth_now);
                    prev = Some(TokenKind::Close);
                }
                Part::Comment { text, own_line } => {
                    if after_break {
                        self.indent(depth_now);
                    } else if *own_line {
                        self.line_break();
                        depth_now = depth + 1;
                        self.indent(depth_now);
                    } else {
                        self.out.push(' ');
                    }
                    self.out.push_str(text);
                    if k + 1 < s.parts.len() {
                        self.line_break();
                        depth_now = depth + 1;
                        after_break = true;
                    }
                }
            }
        }
    }

    fn block(&mut self, b: &Block<'_>, depth: usize) {
        if b.one_line && !b.has_comment() {
            let mut inline = Writer { out: String::new(), nl: self.nl };
            inline.inline_block(b);
            if self.column() + inline.out.chars().count() <= MAX_WIDTH {
                self.out.push_str(&inline.out);
                return;
            }
        }
        self.out.push('{');
        if let Some(c) = b.open_comment {
            self.out.push(' ');
            self.out.push_str(c);
        }
        self.line_break();
        self.sequence(&b.stmts, &b.dangling, depth + 1, false);
        self.indent(depth);
        self.out.push('}');
    }

    /// A block without comments on one line: `{ a b c }`, `{}` when empty.
    fn inline_block(&mut self, b: &Block<'_>) {
        if b.stmts.is_empty() {
            self.out.push_str("{}");
            return;
        }
        self.out.push('{');
        for s in &b.stmts {
            self.out.push(' ');
            let mut prev: Option<TokenKind> = None;
            for part in &s.parts {
                match part {
                    Part::Tok { kind, text, spaced } => {
                        if prev.is_some_and(|p| space_between(p, *kind, *spaced)) {
                            self.out.push(' ');
                        }
                        self.out.push_str(text);
                        prev = Some(*kind);
                    }
                    Part::Block(inner) => {
                        if prev.is_some() {
                            self.out.push(' ');
                        }
                        self.inline_block(inner);
                        prev = Some(TokenKind::Close);
                    }
                    Part::Comment { .. } => {}
                }
            }
        }
        self.out.push_str(" }");
    }
}

/// Whether one space goes between two tokens of a statement. Tokens the
/// source wrote without space stay together (they may be one construct to
/// the parser: `a.b`, `€80`), except that a comma is followed by a space
/// before a word. A space before a comma goes, unless it follows a number
/// (joining `2 ,3` would make one amount).
fn space_between(prev: TokenKind, next: TokenKind, spaced: bool) -> bool {
    match (prev, next) {
        (TokenKind::Close, _) => true,
        (_, TokenKind::Comma) => spaced && prev == TokenKind::Number,
        (TokenKind::Comma, TokenKind::Word | TokenKind::String) => true,
        _ => spaced,
    }
}
