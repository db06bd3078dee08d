//! `pakt fmt`: the canonical layout of an agreement file.
//!
//! In: the source text. Out: the formatted text, or why the file cannot be
//! formatted (a syntax error, as `pakt check` reports it). The text is
//! formatted from the lossless token layer (`cst`) and the statement starts
//! the parser finds (`layout`); the result is verified before it is
//! returned: it parses, it has the same tokens and comments in the same
//! order, and it compiles to the same model. A file is never changed
//! unless all three hold.

pub mod layout;
pub mod run;
pub mod write;

use crate::check::{self, Limits};
use crate::cst::{self, TokenKind};
use crate::diagnostic::Diagnostic;
use crate::syntax::{self, Pair};
use std::collections::HashSet;

/// Why a text was not formatted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FmtError {
    /// The text does not parse: the diagnostic says why.
    Syntax(Box<Diagnostic>),
    /// The formatted text would not mean the same (a bug in pakt).
    Unsafe(String),
}

impl std::fmt::Display for FmtError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FmtError::Syntax(d) => write!(f, "{}", d.message),
            FmtError::Unsafe(why) => write!(f, "not formatted: the result would differ from the source ({why}); please report this as a bug of pakt fmt"),
        }
    }
}

/// Format one text.
pub fn format_text(text: &str) -> Result<String, FmtError> {
    let tree = syntax::parse(text).map_err(|d| FmtError::Syntax(Box::new(d)))?;
    let mut starts = HashSet::new();
    statement_starts(tree, true, &mut starts);
    let tokens = cst::lex(text);
    let out = layout::layout(text, &tokens, &starts);
    verify(text, &out)?;
    Ok(out)
}

/// Byte offsets where a statement starts: every item of the file, and
/// every child of a rule between its `{` and `}`. Found by structure, so
/// any new block kind of the grammar is covered.
fn statement_starts(pair: Pair<'_>, top: bool, out: &mut HashSet<usize>) {
    let mut inside = top;
    for child in pair.into_inner() {
        match child.as_str() {
            "{" => inside = true,
            "}" => inside = top,
            _ if inside => {
                out.insert(child.as_span().start());
            }
            _ => {}
        }
        statement_starts(child, false, out);
    }
}

/// The significant tokens and the comments (less trailing blanks) of a text.
fn signature(text: &str) -> (Vec<&str>, Vec<&str>) {
    let mut tokens = Vec::new();
    let mut comments = Vec::new();
    for t in cst::lex(text) {
        match t.kind {
            TokenKind::Comment => comments.push(t.text(text).trim_end()),
            k if k.is_trivia() => {}
            _ => tokens.push(t.text(text)),
        }
    }
    (tokens, comments)
}

fn verify(before: &str, after: &str) -> Result<(), FmtError> {
    let (tokens_before, comments_before) = signature(before);
    let (tokens_after, comments_after) = signature(after);
    if tokens_before != tokens_after {
        return Err(FmtError::Unsafe("the tokens differ".into()));
    }
    if comments_before != comments_after {
        return Err(FmtError::Unsafe("the comments differ".into()));
    }
    let limits = Limits { max_file_bytes: u64::MAX, max_elements: usize::MAX };
    let a = check::compile(before, &limits);
    let b = check::compile(after, &limits);
    if b.model.is_none() && a.model.is_some() {
        return Err(FmtError::Unsafe("the result does not parse".into()));
    }
    if model_json(a.model.as_ref()) != model_json(b.model.as_ref()) {
        return Err(FmtError::Unsafe("the model differs".into()));
    }
    let codes = |c: &check::Compiled| c.diagnostics.iter().map(|d| (d.code, d.message.clone())).collect::<Vec<_>>();
    if codes(&a) != codes(&b) {
        return Err(FmtError::Unsafe("the diagnostics differ".into()));
    }
    Ok(())
}

/// The model as JSON without its spans (byte offsets change with layout):
/// `span` fields go, and a bare span (`{start, end}`, e.g. where a flag
/// was written) becomes `true`.
pub fn model_json(model: Option<&crate::model::Model>) -> serde_json::Value {
    let mut value = serde_json::to_value(model).unwrap_or(serde_json::Value::Null);
    strip_spans(&mut value);
    value
}

fn strip_spans(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::Object(map) if map.len() == 2 && map.contains_key("start") && map.contains_key("end") => {
            *value = serde_json::Value::Bool(true);
        }
        serde_json::Value::Object(map) => {
            map.remove("span");
            map.values_mut().for_each(strip_spans);
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(strip_spans),
        _ => {}
    }
}
