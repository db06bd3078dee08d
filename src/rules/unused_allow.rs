//! R008 unused-allow: an `allow RULE` that suppressed nothing where it
//! stands.
//!
//! In: the model, and for every rule that ran the anchors of each of its
//! findings (the elements whose `allow` could suppress it, most specific
//! first, the header last) and which `allow` did suppress it. Out: a warning
//! for each `allow` of a rule that ran and suppressed nothing, saying where
//! the allow must go when the rule did find something elsewhere.

use super::{find, Context};
use crate::diagnostic::{Diagnostic, Label, Severity};
use crate::model::*;
use std::collections::{BTreeMap, BTreeSet};

/// An element's metadata, by address: the same `Meta` the rules pass to
/// `Sink::push`.
pub(super) fn key(meta: &Meta) -> usize {
    std::ptr::from_ref(meta) as usize
}

/// What the registry learnt from one finding.
pub(super) struct Anchoring {
    pub rule: &'static str,
    /// The element the finding is anchored at (its first anchor, else the header).
    pub at: usize,
    /// The `allow` that suppressed it: its element and its index there.
    pub used: Option<(usize, usize)>,
}

/// Every element's metadata with a name a drafter finds it by.
fn named_metas(m: &Model) -> Vec<(String, &Meta)> {
    let mut v: Vec<(String, &Meta)> = vec![("the agreement header".to_string(), &m.meta)];
    let named = |kind: &str, id: &str| format!("`{kind} {id}`");
    v.extend(m.goals.iter().map(|x| (named("goal", &x.id.value), &x.meta)));
    v.extend(m.parties.iter().map(|x| (named("party", &x.id.value), &x.meta)));
    v.extend(m.offices.iter().map(|x| (named("office", &x.id.value), &x.meta)));
    v.extend(m.actors.iter().map(|x| (named("actor", &x.id.value), &x.meta)));
    for b in &m.bodies {
        v.push((named("body", &b.id.value), &b.meta));
        v.extend(b.seats.iter().map(|s| (format!("`seat {}` of `body {}`", s.id.value, b.id.value), &s.meta)));
        v.extend(b.decisions.iter().map(|d| (format!("`decision {}` of `body {}`", d.id.value, b.id.value), &d.meta)));
    }
    v.extend(m.obligations.iter().map(|x| (named("obligation", &x.id.value), &x.meta)));
    v.extend(m.services.iter().map(|x| (named("service", &x.id.value), &x.meta)));
    v.extend(m.projects.iter().map(|x| (named("project", &x.id.value), &x.meta)));
    v.extend(m.financings.iter().map(|x| (named("financing", &x.id.value), &x.meta)));
    for p in &m.procedures {
        v.push((named("procedure", &p.id.value), &p.meta));
        v.extend(p.steps.iter().map(|s| (format!("`step {}` of `procedure {}`", s.id.value, p.id.value), &s.meta)));
    }
    v.extend(m.term.iter().map(|x| ("the `term`".to_string(), &x.meta)));
    v.extend(m.approvals.iter().map(|x| (named("approval", &x.id.value), &x.meta)));
    v.extend(m.signatures.iter().map(|x| (named("signature", &x.id.value), &x.meta)));
    v.extend(m.groups.iter().map(|x| (named("group", &x.id.value), &x.meta)));
    v.extend(m.keys.iter().map(|x| (named("key", &x.id.value), &x.meta)));
    v.extend(m.institutions.iter().map(|x| (named("institution", &x.id.value), &x.meta)));
    v.extend(m.acts.iter().map(|x| (named("act", &x.id.value), &x.meta)));
    v.extend(m.ratifications.iter().map(|x| (named("ratification", &x.id.value), &x.meta)));
    v.extend(m.amendment.iter().map(|x| ("the `amendment`".to_string(), &x.meta)));
    v
}

/// Places named in a message; the rest are counted.
const MAX_PLACES: usize = 3;

/// R008 for every `allow` of a rule that ran and suppressed nothing.
pub(super) fn check(ctx: &Context<'_>, ran: &BTreeSet<&'static str>, findings: &[Anchoring]) -> Vec<Diagnostic> {
    let metas = named_metas(ctx.model);
    let names: BTreeMap<usize, &str> = metas.iter().map(|(n, meta)| (key(meta), n.as_str())).collect();
    let used: BTreeSet<(usize, usize)> = findings.iter().filter_map(|f| f.used).collect();
    let mut out = Vec::new();
    for (_, meta) in &metas {
        for (i, allow) in meta.allows.iter().enumerate() {
            // An unknown rule is R006's; a rule turned off or not selected had no chance.
            let Some(rule) = find(&allow.rule.value) else { continue };
            if !ran.contains(rule.code) || used.contains(&(key(meta), i)) {
                continue;
            }
            let mut places: Vec<&str> = Vec::new();
            for f in findings.iter().filter(|f| f.rule == rule.code) {
                if let Some(name) = names.get(&f.at).copied() {
                    if !places.contains(&name) {
                        places.push(name);
                    }
                }
            }
            let (message, help) = if places.is_empty() {
                (
                    format!("no finding of {} ({}) here to allow", rule.name, rule.code),
                    "remove the `allow`, or check that it names the rule you meant (`pakt rules` lists them)"
                        .to_string(),
                )
            } else {
                let shown: Vec<&str> = places.iter().take(MAX_PLACES).copied().collect();
                let more = places.len().saturating_sub(MAX_PLACES);
                let list = if more > 0 { format!("{} and {more} more", shown.join(", ")) } else { shown.join(", ") };
                (
                    format!("`allow {}` here suppresses nothing: put it in {list}", allow.rule.value),
                    format!(
                        "a finding of {} can be allowed in the element it is reported for (or in the agreement header)",
                        rule.code
                    ),
                )
            };
            let mut d =
                Diagnostic::error("R008", "unused-allow", message, Label::new(allow.rule.span, "allows nothing here"))
                    .with_help(help);
            d.severity = Severity::Warning;
            out.push(d);
        }
    }
    out
}
