//! Code actions: the fixes a diagnostic already describes.
//!
//! In: an `Analysis`, a span, and a way to re-check an edited text. Out:
//! titled edits: the "did you mean" of an undefined name or unknown rule;
//! `allow RULE "…"` in the element whose `allow` really silences the
//! finding (found by re-checking the edited text, innermost element first);
//! a `signature` block for a party that does not sign (A014).

use super::analysis::Analysis;
use super::walk;
use crate::diagnostic::Diagnostic;
use crate::span::Span;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Action {
    pub title: String,
    /// The code of the diagnostic it fixes.
    pub fixes: &'static str,
    pub diagnostic: Diagnostic,
    pub edits: Vec<(Span, String)>,
    pub preferred: bool,
}

fn overlaps(a: Span, b: Span) -> bool {
    a.start <= b.end && b.start <= a.end
}

/// The name in "did you mean `x`…" of a help line.
fn suggestion(help: &str) -> Option<&str> {
    let rest = help.split_once("did you mean `")?.1;
    rest.split_once('`').map(|(name, _)| name)
}

pub fn actions(a: &Analysis, range: Span, recheck: &dyn Fn(&str) -> Vec<Diagnostic>) -> Vec<Action> {
    let mut out = Vec::new();
    for d in a.diagnostics.iter().filter(|d| overlaps(d.primary.span, range) && d.suppressed.is_none()) {
        if matches!(d.code, "R001" | "R006") {
            if let Some(name) = d.help.as_deref().and_then(suggestion) {
                out.push(Action {
                    title: format!("Replace with `{name}`"),
                    fixes: d.code,
                    diagnostic: d.clone(),
                    edits: vec![(d.primary.span, name.to_string())],
                    preferred: true,
                });
            }
        }
        if d.code == "A014" {
            if let Some(action) = add_signature(a, d) {
                out.push(action);
            }
        }
        if let Some(rule) = crate::rules::REGISTRY.iter().find(|r| r.code == d.code) {
            if let Some(edit) = allow_edit(a, d, rule.name, recheck) {
                out.push(Action {
                    title: format!("Allow `{}` ({}) here, with a reason", rule.name, rule.code),
                    fixes: d.code,
                    diagnostic: d.clone(),
                    edits: vec![edit],
                    preferred: false,
                });
            }
        }
    }
    out
}

fn line_indent(text: &str, offset: usize) -> &str {
    let start = text.get(..offset).and_then(|t| t.rfind('\n')).map_or(0, |i| i + 1);
    let line = text.get(start..).unwrap_or("");
    let n = line.len() - line.trim_start_matches([' ', '\t']).len();
    line.get(..n).unwrap_or("")
}

/// Insert `allow` into the innermost element (or the header) where it
/// silences the finding.
fn allow_edit(
    a: &Analysis,
    d: &Diagnostic,
    rule: &str,
    recheck: &dyn Fn(&str) -> Vec<Diagnostic>,
) -> Option<(Span, String)> {
    let m = a.model.as_ref()?;
    let mut candidates: Vec<(Span, Span)> = walk::definitions(m)
        .into_iter()
        .filter(|def| def.span.start <= d.primary.span.start && d.primary.span.end <= def.span.end)
        .map(|def| (def.name_span, def.span))
        .collect();
    candidates.sort_by_key(|(_, span)| span.len());
    candidates.push((m.id.span, m.span));
    for (name, span) in candidates {
        let Some(brace) = a.text.get(name.end..span.end).and_then(|t| t.find('{')).map(|i| name.end + i + 1) else {
            continue;
        };
        let indent = format!("{}    ", line_indent(&a.text, span.start));
        let insert = format!("\n{indent}allow {rule} \"…\"");
        let mut edited = a.text.clone();
        edited.insert_str(brace, &insert);
        let silenced =
            recheck(&edited).iter().any(|e| e.code == d.code && e.message == d.message && e.suppressed.is_some());
        if silenced {
            return Some((Span::new(brace, brace), insert));
        }
    }
    None
}

/// A `signature` block at the end of the file for the party of an A014 finding.
fn add_signature(a: &Analysis, d: &Diagnostic) -> Option<Action> {
    let m = a.model.as_ref()?;
    let party = m.parties.iter().find(|p| p.id.span == d.primary.span)?;
    let taken: Vec<String> = walk::definitions(m).into_iter().map(|d| d.id).collect();
    let base = format!("sig_{}", party.id.value);
    let id = std::iter::once(base.clone())
        .chain((2..).map(|n| format!("{base}_{n}")))
        .find(|c| !taken.contains(c))
        .unwrap_or(base);
    let end = a.text.len();
    let sep = if a.text.ends_with('\n') { "\n" } else { "\n\n" };
    let block = format!("{sep}signature {id} {{\n    party {}\n    signatory \"…\"\n}}\n", party.id.value);
    Some(Action {
        title: format!("Add a signature block for `{}`", party.id.value),
        fixes: d.code,
        diagnostic: d.clone(),
        edits: vec![(Span::new(end, end), block)],
        preferred: true,
    })
}
