//! What stands at a position, and the navigation built on it: go to
//! definition, find references, rename.
//!
//! In: an `Analysis` and a byte offset. Out: spans in this file or in the
//! superseded agreement; rename edits, or the reason a rename is refused.

use super::analysis::Analysis;
use super::walk::{self, Def};
use crate::model::{Model, Ref, Target};
use crate::rules::{self, RuleInfo};
use crate::span::Span;
use crate::syntax::{PaktParser, Rule};
use pest::Parser as _;

/// What the cursor is on.
#[derive(Debug, Clone)]
pub enum Hit {
    /// The name of an element where it is defined.
    Def(Def),
    /// A reference to an element.
    Ref(Ref),
    /// The path of `supersedes "…"`.
    Supersedes(Span),
    /// The id after `continues`: a body of the superseded agreement.
    Continues(String, Span),
    /// The rule named by `allow`.
    Allow(&'static RuleInfo, Span),
}

fn touches(span: Span, offset: usize) -> bool {
    span.start <= offset && offset <= span.end
}

/// The element, reference or special name at `offset`.
pub fn hit_at(a: &Analysis, offset: usize) -> Option<Hit> {
    let m = a.model.as_ref()?;
    if let Some(r) = walk::refs(m).into_iter().find(|r| touches(r.span, offset)) {
        return Some(Hit::Ref(r.clone()));
    }
    if let Some(d) = walk::definitions(m).into_iter().find(|d| touches(d.name_span, offset)) {
        return Some(Hit::Def(d));
    }
    if let Some(s) = m.supersedes.as_ref().filter(|s| touches(s.span, offset)) {
        return Some(Hit::Supersedes(s.span));
    }
    if let Some(c) = m.bodies.iter().filter_map(|b| b.continues.as_ref()).find(|c| touches(c.span, offset)) {
        return Some(Hit::Continues(c.value.clone(), c.span));
    }
    for meta in rules::all_metas(m) {
        for allow in &meta.allows {
            if touches(allow.rule.span, offset) {
                return rules::find(&allow.rule.value).map(|r| Hit::Allow(r, allow.rule.span));
            }
        }
    }
    None
}

/// Where a definition is: in this file, or in the superseded one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    Here(Span),
    Predecessor(Span),
}

pub fn definition(a: &Analysis, offset: usize) -> Option<Place> {
    let m = a.model.as_ref()?;
    match hit_at(a, offset)? {
        Hit::Def(d) => Some(Place::Here(d.name_span)),
        Hit::Ref(r) => walk::def_span(m, r.target).map(Place::Here),
        Hit::Supersedes(_) => {
            let pre = a.predecessor.as_ref()?;
            Some(Place::Predecessor(pre.model.as_ref().map_or(Span::new(0, 0), |pm| pm.id.span)))
        }
        Hit::Continues(id, _) => {
            let pm = a.predecessor.as_ref()?.model.as_ref()?;
            pm.bodies.iter().find(|b| b.id.value == id).map(|b| Place::Predecessor(b.id.span))
        }
        Hit::Allow(..) => None,
    }
}

/// The target at `offset`, for references and rename.
pub fn target_at(a: &Analysis, offset: usize) -> Option<Target> {
    match hit_at(a, offset)? {
        Hit::Def(d) => Some(d.target),
        Hit::Ref(r) if r.target != Target::AllParties => Some(r.target),
        _ => None,
    }
}

/// Every place a target is named: its definition (if asked) and its references.
pub fn references(m: &Model, target: Target, include_declaration: bool) -> Vec<Span> {
    let mut v: Vec<Span> = walk::refs(m).into_iter().filter(|r| r.target == target).map(|r| r.span).collect();
    if include_declaration {
        v.extend(walk::def_span(m, target));
    }
    v.sort();
    v.dedup();
    v
}

/// The span of the name that a rename at `offset` changes, and the name.
pub fn prepare_rename(a: &Analysis, offset: usize) -> Result<(Span, String), String> {
    let none = || "there is no name to rename here".to_string();
    if a.recovered {
        return Err("the file has a syntax error; fix it before renaming".to_string());
    }
    match hit_at(a, offset).ok_or_else(none)? {
        Hit::Def(d) => Ok((d.name_span, a.text.get(d.name_span.start..d.name_span.end).unwrap_or("").to_string())),
        Hit::Ref(r) if r.target == Target::AllParties => Err("`all` is a keyword, not a name".to_string()),
        Hit::Ref(r) => {
            let span = last_segment(&r);
            Ok((span, a.text.get(span.start..span.end).unwrap_or("").to_string()))
        }
        Hit::Continues(..) => Err("`continues` names a body of the superseded agreement; rename it there".to_string()),
        Hit::Supersedes(_) | Hit::Allow(..) => Err(none()),
    }
}

/// A dotted reference `beirat.cio` names its seat or step in the last part.
fn last_segment(r: &Ref) -> Span {
    match r.id.rfind('.') {
        Some(i) => Span::new(r.span.start + i + 1, r.span.end),
        None => r.span,
    }
}

/// Whether `name` is a name in the grammar's sense (not a keyword check:
/// the grammar allows names that are also keywords).
pub fn is_ident(name: &str) -> bool {
    match PaktParser::parse(Rule::ident, name) {
        Ok(mut pairs) => pairs.next().is_some_and(|p| p.as_str().len() == name.len()),
        Err(_) => false,
    }
}

/// The edits that rename the target at `offset` to `new_name`.
pub fn rename(a: &Analysis, offset: usize, new_name: &str) -> Result<Vec<(Span, String)>, String> {
    prepare_rename(a, offset)?;
    let m = a.model.as_ref().ok_or("no model")?;
    let target = target_at(a, offset).ok_or("there is no name to rename here")?;
    if !is_ident(new_name) {
        return Err(format!(
            "`{new_name}` is not a valid name: a name starts with a letter or `_` and goes on with letters, digits, `_` or `-`"
        ));
    }
    if new_name == "all" {
        return Err("`all` stands for every party and cannot be a name".to_string());
    }
    let defs = walk::definitions(m);
    let me = defs.iter().find(|d| d.target == target).ok_or("the element is not defined in this file")?;
    let new_full = match me.id.rfind('.') {
        Some(i) => format!("{}.{new_name}", me.id.get(..i).unwrap_or("")),
        None => new_name.to_string(),
    };
    if new_full == me.id {
        return Ok(Vec::new());
    }
    if let Some(other) = defs.iter().find(|d| d.id == new_full) {
        return Err(format!("`{new_full}` is already defined (as {})", other.target.kind_name()));
    }
    let mut edits = vec![(me.name_span, new_name.to_string())];
    for r in walk::refs(m) {
        if r.target == target {
            edits.push((last_segment(r), new_name.to_string()));
        }
        // `beirat.cio` names the body in its first part.
        let parent = match r.target {
            Target::Seat(s) => Some(Target::Body(s.body)),
            Target::Step(s) => Some(Target::Procedure(s.procedure)),
            _ => None,
        };
        if parent == Some(target) {
            if let Some(dot) = r.id.find('.') {
                edits.push((Span::new(r.span.start, r.span.start + dot), new_name.to_string()));
            }
        }
    }
    edits.sort();
    edits.dedup();
    Ok(edits)
}
