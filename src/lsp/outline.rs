//! The shape of a document: symbols (outline), folding ranges, and the
//! semantic tokens an editor colours by.
//!
//! In: an `Analysis`. Out: LSP symbols, folding ranges and tokens, positions
//! in UTF-16. Tokens come from a small lexer (comments, strings, numbers,
//! words) and the model (which word names which kind of element), so `land`
//! the keyword and `land` the party are told apart.

use super::analysis::Analysis;
use super::walk;
use crate::model::Target;
use crate::span::Span;
use lsp_types::{
    DocumentSymbol, FoldingRange, FoldingRangeKind, SemanticToken, SemanticTokenModifier, SemanticTokenType,
    SemanticTokensLegend, SymbolKind,
};
use std::collections::HashMap;

fn symbol_kind(t: Target) -> SymbolKind {
    match t {
        Target::AllParties => SymbolKind::NULL,
        Target::Goal(_) => SymbolKind::CONSTANT,
        Target::Party(_) => SymbolKind::CLASS,
        Target::Office(_) => SymbolKind::PROPERTY,
        Target::Actor(_) => SymbolKind::STRUCT,
        Target::Body(_) => SymbolKind::MODULE,
        Target::Seat(_) => SymbolKind::FIELD,
        Target::Obligation(_) => SymbolKind::METHOD,
        Target::Service(_) => SymbolKind::INTERFACE,
        Target::Project(_) => SymbolKind::PACKAGE,
        Target::Financing(_) => SymbolKind::NUMBER,
        Target::Procedure(_) => SymbolKind::FUNCTION,
        Target::Step(_) => SymbolKind::EVENT,
        Target::Approval(_) => SymbolKind::KEY,
        Target::Signature(_) => SymbolKind::KEY,
        Target::Group(_) => SymbolKind::ARRAY,
        Target::Key(_) => SymbolKind::ENUM,
        Target::Decision(_) => SymbolKind::OPERATOR,
        Target::Institution(_) => SymbolKind::OBJECT,
        Target::Act(_) => SymbolKind::FILE,
        Target::Ratification(_) => SymbolKind::KEY,
    }
}

#[allow(deprecated)] // `DocumentSymbol::deprecated` must be given.
fn symbol(
    a: &Analysis,
    name: String,
    detail: Option<String>,
    kind: SymbolKind,
    span: Span,
    name_span: Span,
) -> DocumentSymbol {
    // The selection must lie inside the range.
    let span = span.to(name_span);
    DocumentSymbol {
        name: if name.is_empty() { "_".to_string() } else { name },
        detail,
        kind,
        tags: None,
        deprecated: None,
        range: a.lines.range(&a.text, span),
        selection_range: a.lines.range(&a.text, name_span),
        children: None,
    }
}

/// The header block `agreement ID { … }` (the model's span is the whole file):
/// from the keyword to the brace that closes it, strings and comments skipped.
pub fn header_span(text: &str, m: &crate::model::Model) -> Span {
    let start = text.get(..m.id.span.start).and_then(|t| t.rfind("agreement")).unwrap_or(m.id.span.start);
    let mut depth = 0usize;
    let mut chars = text.get(m.id.span.end..).unwrap_or("").char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => {
                while let Some((_, n)) = chars.next() {
                    if n == '\\' {
                        chars.next();
                    } else if n == '"' {
                        break;
                    }
                }
            }
            '/' if chars.peek().is_some_and(|(_, n)| *n == '/') => {
                for (_, n) in chars.by_ref() {
                    if n == '\n' {
                        break;
                    }
                }
            }
            '{' => depth += 1,
            '}' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return Span::new(start, m.id.span.end + i + 1);
                }
            }
            _ => {}
        }
    }
    Span::new(start, m.id.span.end)
}

/// The outline: the header, each block, seats, tasks and steps in theirs.
pub fn symbols(a: &Analysis) -> Vec<DocumentSymbol> {
    let Some(m) = a.model.as_ref() else { return Vec::new() };
    let mut top = vec![symbol(
        a,
        m.id.value.clone(),
        m.title.as_ref().map(|t| t.value.clone()),
        SymbolKind::NAMESPACE,
        header_span(&a.text, m),
        m.id.span,
    )];
    let defs = walk::definitions(m);
    let mut children: HashMap<Target, Vec<DocumentSymbol>> = HashMap::new();
    for d in defs.iter().filter(|d| d.parent.is_some()) {
        let local = d.id.rsplit_once('.').map_or(d.id.as_str(), |(_, l)| l).to_string();
        if let Some(p) = d.parent {
            children.entry(p).or_default().push(symbol(
                a,
                local,
                d.name.clone(),
                symbol_kind(d.target),
                d.span,
                d.name_span,
            ));
        }
    }
    for d in defs.iter().filter(|d| d.parent.is_none()) {
        let mut s = symbol(a, d.id.clone(), d.name.clone(), symbol_kind(d.target), d.span, d.name_span);
        if let Some(mut c) = children.remove(&d.target) {
            c.sort_by_key(|s| (s.range.start.line, s.range.start.character));
            s.children = Some(c);
        }
        top.push(s);
    }
    if let Some(t) = &m.term {
        let head = Span::new(t.span.start, t.span.start + "term".len().min(t.span.len()));
        top.push(symbol(a, "term".into(), None, SymbolKind::OBJECT, t.span, head));
    }
    top.sort_by_key(|s| (s.range.start.line, s.range.start.character));
    top
}

/// A fold for every block over more than one line, and for runs of comments.
pub fn folding(a: &Analysis) -> Vec<FoldingRange> {
    let mut out = Vec::new();
    let mut add = |span: Span, kind: Option<FoldingRangeKind>| {
        let s = a.lines.position(&a.text, span.start).line;
        let e = a.lines.position(&a.text, span.end).line;
        if e > s {
            out.push(FoldingRange {
                start_line: s,
                start_character: None,
                end_line: e,
                end_character: None,
                kind,
                collapsed_text: None,
            });
        }
    };
    if let Some(m) = a.model.as_ref() {
        add(header_span(&a.text, m), None);
        for d in walk::definitions(m) {
            add(d.span, None);
        }
        if let Some(t) = &m.term {
            add(t.span, None);
        }
    }
    let mut run: Option<Span> = None;
    for line in 0..a.lines.line_count() {
        let Some(ls) = a.lines.line_span(&a.text, line) else { continue };
        let is_comment = a.text.get(ls.start..ls.end).is_some_and(|l| l.trim_start().starts_with("//"));
        match (&mut run, is_comment) {
            (Some(r), true) => r.end = ls.end,
            (None, true) => run = Some(ls),
            (Some(r), false) => {
                add(*r, Some(FoldingRangeKind::Comment));
                run = None;
            }
            (None, false) => {}
        }
    }
    if let Some(r) = run {
        add(r, Some(FoldingRangeKind::Comment));
    }
    out.sort_by_key(|f| (f.start_line, f.end_line));
    out.dedup_by_key(|f| (f.start_line, f.end_line));
    out
}

/// The token types, in legend order.
pub const TOKEN_TYPES: &[&str] = &[
    "keyword",
    "string",
    "number",
    "comment",
    "class",
    "struct",
    "property",
    "namespace",
    "enumMember",
    "function",
    "event",
    "variable",
];

pub fn legend() -> SemanticTokensLegend {
    SemanticTokensLegend {
        token_types: TOKEN_TYPES.iter().map(|t| SemanticTokenType::new(t)).collect(),
        token_modifiers: vec![SemanticTokenModifier::DECLARATION],
    }
}

fn type_index(name: &str) -> u32 {
    TOKEN_TYPES.iter().position(|t| *t == name).map_or(0, |i| i as u32)
}

fn token_type(t: Target) -> &'static str {
    match t {
        Target::AllParties => "keyword",
        Target::Party(_) => "class",
        Target::Actor(_) => "struct",
        Target::Office(_) => "property",
        Target::Body(_) => "namespace",
        Target::Seat(_) => "enumMember",
        Target::Procedure(_) => "function",
        Target::Group(_) => "class",
        Target::Institution(_) => "struct",
        Target::Decision(_) => "enumMember",
        Target::Step(_) => "event",
        Target::Goal(_)
        | Target::Obligation(_)
        | Target::Service(_)
        | Target::Project(_)
        | Target::Financing(_)
        | Target::Approval(_)
        | Target::Signature(_)
        | Target::Key(_)
        | Target::Act(_)
        | Target::Ratification(_) => "variable",
    }
}

/// Semantic tokens, delta-encoded as the protocol wants.
pub fn semantic_tokens(a: &Analysis) -> Vec<SemanticToken> {
    let text = a.text.as_str();
    // Names the model knows: start → (end, type, is a definition).
    let mut names: HashMap<usize, (usize, &'static str, bool)> = HashMap::new();
    if let Some(m) = a.model.as_ref() {
        names.insert(m.id.span.start, (m.id.span.end, "namespace", true));
        for d in walk::definitions(m) {
            names.insert(d.name_span.start, (d.name_span.end, token_type(d.target), true));
        }
        for r in walk::refs(m) {
            names.insert(r.span.start, (r.span.end, token_type(r.target), false));
        }
    }
    let mut raw: Vec<(Span, u32, u32)> = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let start = i;
        if b == b'/' && bytes.get(i + 1) == Some(&b'/') {
            i = text.get(i..).and_then(|t| t.find('\n')).map_or(text.len(), |n| i + n);
            raw.push((Span::new(start, i), type_index("comment"), 0));
        } else if b == b'"' {
            i += 1;
            while let Some(&c) = bytes.get(i) {
                i += 1;
                if c == b'\\' {
                    i += 1;
                } else if c == b'"' {
                    break;
                }
            }
            i = i.min(text.len());
            raw.push((Span::new(start, i), type_index("string"), 0));
        } else if b.is_ascii_digit() {
            while bytes.get(i).is_some_and(|c| c.is_ascii_alphanumeric() || b"_.,'-".contains(c)) {
                i += 1;
            }
            raw.push((Span::new(start, i), type_index("number"), 0));
        } else if let Some(&(end, ty, decl)) = names.get(&i) {
            i = end.max(i + 1);
            raw.push((Span::new(start, end), type_index(ty), u32::from(decl)));
        } else if let Some(c) = text.get(i..).and_then(|t| t.chars().next()).filter(|c| c.is_alphabetic() || *c == '_')
        {
            i += c.len_utf8();
            while let Some(c) =
                text.get(i..).and_then(|t| t.chars().next()).filter(|c| c.is_alphanumeric() || *c == '_' || *c == '-')
            {
                i += c.len_utf8();
            }
            if text.get(start..i).is_some_and(super::docs::is_keyword) {
                raw.push((Span::new(start, i), type_index("keyword"), 0));
            }
        } else {
            i += text.get(i..).and_then(|t| t.chars().next()).map_or(1, char::len_utf8);
        }
        while i < text.len() && !text.is_char_boundary(i) {
            i += 1;
        }
    }
    // One token per line; deltas against the previous token.
    let mut out = Vec::with_capacity(raw.len());
    let (mut prev_line, mut prev_start) = (0u32, 0u32);
    for (span, ty, mods) in raw {
        let mut from = span.start;
        while from < span.end {
            let line_end = text.get(from..span.end).and_then(|t| t.find('\n')).map_or(span.end, |n| from + n);
            let p = a.lines.position(text, from);
            let len = super::text::utf16_len(text.get(from..line_end).unwrap_or(""));
            if len > 0 {
                let delta_line = p.line.saturating_sub(prev_line);
                let delta_start = if delta_line == 0 { p.character.saturating_sub(prev_start) } else { p.character };
                out.push(SemanticToken {
                    delta_line,
                    delta_start,
                    length: len,
                    token_type: ty,
                    token_modifiers_bitset: mods,
                });
                prev_line = p.line;
                prev_start = p.character;
            }
            from = line_end + 1;
        }
    }
    out
}
