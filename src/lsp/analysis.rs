//! One document's analysis: everything `pakt check` says about a text that
//! may be half typed, and a model to navigate even then.
//!
//! In: the text, its path (for `pakt.toml` and the superseded agreement)
//! and a way to read other files (open documents first, then the disk).
//! Out: an `Analysis`: the model, the diagnostics of syntax, references and
//! rules, and the superseded agreement's model.
//!
//! A syntax error stops the parser. To keep hover, outline and completion
//! working while a line is being typed, the broken lines are blanked out
//! (byte for byte, so every span stays right) and the text parsed again, a
//! few rounds at most; a missing `}` at the end is appended. The diagnostics
//! are those of the real text: only syntax errors while there are any, as
//! `pakt check` does.

use super::text::Lines;
use crate::check::{self, Limits};
use crate::config::Config;
use crate::diagnostic::{self, Diagnostic, Label, Related};
use crate::model::Model;
use crate::span::Span;
use crate::{lower, resolve, rules, syntax};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Rounds of blanking a broken line before giving up on a model.
const MAX_RECOVERY_ROUNDS: usize = 8;

/// The superseded agreement, as far as it could be read.
#[derive(Debug, Clone)]
pub struct Predecessor {
    pub path: PathBuf,
    pub text: String,
    pub lines: Lines,
    pub model: Option<Model>,
    pub has_errors: bool,
}

#[derive(Debug, Clone)]
pub struct Analysis {
    pub text: String,
    pub lines: Lines,
    /// The model of the text, or of the text with its broken lines blanked.
    pub model: Option<Model>,
    /// Set when `model` comes from a repaired text.
    pub recovered: bool,
    /// Sorted by position; allowed findings included (marked suppressed).
    pub diagnostics: Vec<Diagnostic>,
    pub predecessor: Option<Arc<Predecessor>>,
}

/// Reads the text of another file: an open document's, else the disk's.
pub trait Files {
    fn read(&self, path: &Path) -> Option<String>;
    /// A cached compile of another file's text, to avoid re-parsing the
    /// superseded agreement on every keystroke.
    fn predecessor(&self, path: &Path, text: &str) -> Option<Arc<Predecessor>> {
        let _ = (path, text);
        None
    }
}

/// The disk only.
pub struct Disk;
impl Files for Disk {
    fn read(&self, path: &Path) -> Option<String> {
        std::fs::read(path).ok().and_then(|b| check::decode(b).ok())
    }
}

/// Parse, lower and resolve, repairing syntax errors as far as it goes.
/// Returns the model, the syntax errors (empty when the text parses), and
/// whether the model comes from a repaired text.
pub fn compile_recovering(text: &str, limits: &Limits) -> (Option<Model>, Vec<Diagnostic>, bool) {
    let compiled = check::compile(text, limits);
    if compiled.model.is_some() {
        return (compiled.model, compiled.diagnostics, false);
    }
    let Some(first) = compiled.diagnostics.into_iter().next() else { return (None, Vec::new(), false) };
    let mut errors = vec![first.clone()];
    // Later errors are reported only while every repair kept the braces
    // balanced; otherwise they are echoes of the repair.
    let mut trustworthy = true;
    let mut repaired = text.to_string();
    let mut last = first;
    for _ in 0..MAX_RECOVERY_ROUNDS {
        if last.code == "P005" {
            break;
        }
        trustworthy &= repair(&mut repaired, &last);
        match syntax::parse(&repaired) {
            Ok(file) => {
                let (ast, _) = lower::lower(file);
                let (model, _) = resolve::resolve(ast);
                diagnostic::sort(&mut errors);
                return (Some(model), errors, true);
            }
            Err(d) => {
                if trustworthy && d.primary.span.start < text.len() && !errors.iter().any(|e| same_line(text, e, &d)) {
                    errors.push(d.clone());
                }
                last = d;
            }
        }
    }
    diagnostic::sort(&mut errors);
    (None, errors, false)
}

fn same_line(text: &str, a: &Diagnostic, b: &Diagnostic) -> bool {
    let line = |o: usize| text.get(..o.min(text.len())).map_or(0, |t| t.matches('\n').count());
    line(a.primary.span.start) == line(b.primary.span.start)
}

/// Repair the text at a syntax error: at the end of the text, close a block;
/// elsewhere, blank the line of the error and the line of the token before it.
/// Returns whether the blanked text had balanced braces.
fn repair(text: &mut String, error: &Diagnostic) -> bool {
    let pos = error.primary.span.start.min(text.len());
    if text.get(pos..).is_some_and(|rest| rest.trim().is_empty()) {
        text.push_str("\n}");
        return false;
    }
    let line_start = |o: usize| text.get(..o).and_then(|t| t.rfind('\n')).map_or(0, |i| i + 1);
    let mut start = line_start(pos);
    // The token before the error, if on an earlier line, is usually the
    // unfinished attribute (`bearer` and then nothing).
    let before = text.get(..start).map_or(0, |t| t.trim_end().len());
    let prev_line = line_start(before);
    if before > 0
        && text.get(prev_line..start).is_some_and(|l| !l.contains(['{', '}']) && !l.trim_start().starts_with("//"))
    {
        start = prev_line;
    }
    let error_line = line_start(pos);
    // `bearer` and then the block's `}`: the unfinished line goes, the brace stays.
    let end = if start < error_line && text.get(pos..).is_some_and(|t| t.starts_with('}')) {
        error_line.saturating_sub(1)
    } else {
        text.get(pos..).and_then(|t| t.find('\n')).map_or(text.len(), |i| pos + i)
    };
    let Some(region) = text.get(start..end) else { return false };
    let balanced = region.matches('{').count() == region.matches('}').count();
    let blank: String =
        region.chars().map(|c| if c == '\n' { "\n".to_string() } else { " ".repeat(c.len_utf8()) }).collect();
    text.replace_range(start..end, &blank);
    balanced
}

/// Analyse a document. `path` is its file, when it has one on disk.
pub fn analyse(text: &str, path: Option<&Path>, config: &Config, files: &dyn Files) -> Analysis {
    let limits = config.limits(Limits::default());
    let lines = Lines::new(text);
    if text.len() as u64 > limits.max_file_bytes {
        let d = Diagnostic::error(
            "P008",
            "file-too-large",
            format!("the file has {} bytes, more than the limit of {} bytes", text.len(), limits.max_file_bytes),
            Label::new(Span::new(0, 0), "not read"),
        );
        return Analysis {
            text: text.to_string(),
            lines,
            model: None,
            recovered: false,
            diagnostics: vec![d],
            predecessor: None,
        };
    }
    let (model, mut diagnostics, recovered) = match text.find('\0') {
        Some(at) => {
            let d = Diagnostic::error(
                "P007",
                "nul-byte",
                format!("the file contains a NUL byte at byte offset {at}"),
                Label::new(Span::new(at, at + 1), "NUL byte"),
            );
            (None, vec![d], false)
        }
        None => compile_recovering(text, &limits),
    };
    let mut predecessor = None;
    if let Some(m) = &model {
        let has_errors = diagnostics.iter().any(Diagnostic::is_error);
        if let (Some(sup), Some(path)) = (&m.supersedes, path) {
            let target = path.parent().unwrap_or(Path::new(".")).join(&sup.value);
            match files.read(&target) {
                None => {
                    if !recovered {
                        diagnostics.push(
                            Diagnostic::error(
                                "R007",
                                "predecessor-not-found",
                                format!("the superseded agreement `{}` cannot be read", sup.value),
                                Label::new(sup.span, "path relative to this file's folder"),
                            )
                            .with_help(format!(
                                "looked for {}; give the path of the earlier agreement relative to this file",
                                target.display()
                            )),
                        );
                    }
                }
                Some(pre_text) => {
                    let pre = files
                        .predecessor(&target, &pre_text)
                        .unwrap_or_else(|| Arc::new(compile_predecessor(target.clone(), pre_text, &limits)));
                    if pre.has_errors && !recovered {
                        diagnostics.push(
                            Diagnostic::error(
                                "R007",
                                "predecessor-not-found",
                                format!("the superseded agreement `{}` has errors", sup.value),
                                Label::new(sup.span, "this agreement cannot be compared with it"),
                            )
                            .with_help("fix the superseded agreement first"),
                        );
                    }
                    predecessor = Some(pre);
                }
            }
        }
        if !has_errors && !recovered {
            let good = predecessor.as_ref().filter(|p| !p.has_errors);
            let ctx = rules::Context {
                model: m,
                predecessor: good.and_then(|p| p.model.as_ref()),
                predecessor_path: good.map(|p| p.path.display().to_string()),
                config,
            };
            diagnostics.extend(rules::run(&ctx));
        }
        diagnostic::sort(&mut diagnostics);
    }
    Analysis { text: text.to_string(), lines, model, recovered, diagnostics, predecessor }
}

/// Compile the superseded agreement (no rules: only its model is needed).
pub fn compile_predecessor(path: PathBuf, text: String, limits: &Limits) -> Predecessor {
    let c = check::compile(&text, limits);
    let has_errors = c.model.is_none() || c.has_errors();
    Predecessor { lines: Lines::new(&text), path, text, model: c.model, has_errors }
}

/// The path of a related location of a diagnostic, if it is the predecessor.
pub fn related_in_predecessor<'a>(a: &'a Analysis, r: &Related) -> Option<&'a Predecessor> {
    a.predecessor.as_deref().filter(|p| p.path.display().to_string() == r.path)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "agreement a {\n}\nparty land \"L\" {\n  side state\n}\nobligation o {\n  must \"x\"\n  bearer\n}\nbody b \"B\" {\n  seats\n}\nparty p \"P\" { side municipal }\n";

    #[test]
    fn a_half_typed_line_keeps_the_rest_of_the_model() {
        let (model, errors, recovered) = compile_recovering(TEXT, &Limits::default());
        let model = model.unwrap_or_else(|| unreachable!("a model from the repaired text"));
        assert!(recovered);
        let ids: Vec<&str> = model.parties.iter().map(|p| p.id.value.as_str()).collect();
        assert_eq!(ids, ["land", "p"]);
        assert_eq!(model.obligations.len(), 1);
        assert_eq!(model.bodies.len(), 1);
        // Both broken lines are reported, each once, where they are.
        let at: Vec<(&str, &str)> =
            errors.iter().map(|e| (e.code, TEXT.get(e.primary.span.start..e.primary.span.end).unwrap_or(""))).collect();
        assert_eq!(at, [("P001", "}"), ("P001", "}")]);
        let lines: Vec<usize> =
            errors.iter().map(|e| TEXT.get(..e.primary.span.start).map_or(0, |t| t.matches('\n').count())).collect();
        assert_eq!(lines, [8, 11]);
    }

    #[test]
    fn an_unclosed_block_at_the_end_is_closed() {
        let text = "agreement a {\n}\nparty land \"L\" {\n  side state\n";
        let (model, errors, recovered) = compile_recovering(text, &Limits::default());
        assert!(recovered);
        assert_eq!(model.map(|m| m.parties.len()), Some(1));
        assert_eq!(errors.len(), 1);
    }
}
