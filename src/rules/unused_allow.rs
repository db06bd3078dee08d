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
use std::collections::{BTreeSet, HashMap, HashSet};

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

/// How a drafter finds an element, written out only when a message names it
/// (a large file has many elements and few `allow`s).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Name<'a> {
    Header,
    Term,
    Amendment,
    /// `KIND ID`
    Element(&'static str, &'a str),
    /// `KIND ID` of `OUTER_KIND OUTER_ID`
    Inner(&'static str, &'a str, &'static str, &'a str),
}

impl std::fmt::Display for Name<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Name::Header => f.write_str("the agreement header"),
            Name::Term => f.write_str("the `term`"),
            Name::Amendment => f.write_str("the `amendment`"),
            Name::Element(kind, id) => write!(f, "`{kind} {id}`"),
            Name::Inner(kind, id, outer, outer_id) => write!(f, "`{kind} {id}` of `{outer} {outer_id}`"),
        }
    }
}

/// Every element's metadata with a name a drafter finds it by.
fn named_metas(m: &Model) -> Vec<(Name<'_>, &Meta)> {
    let mut v: Vec<(Name<'_>, &Meta)> = vec![(Name::Header, &m.meta)];
    v.extend(m.goals.iter().map(|x| (Name::Element("goal", &x.id.value), &x.meta)));
    v.extend(m.parties.iter().map(|x| (Name::Element("party", &x.id.value), &x.meta)));
    v.extend(m.offices.iter().map(|x| (Name::Element("office", &x.id.value), &x.meta)));
    v.extend(m.actors.iter().map(|x| (Name::Element("actor", &x.id.value), &x.meta)));
    for b in &m.bodies {
        v.push((Name::Element("body", &b.id.value), &b.meta));
        v.extend(b.seats.iter().map(|s| (Name::Inner("seat", &s.id.value, "body", &b.id.value), &s.meta)));
        v.extend(b.decisions.iter().map(|d| (Name::Inner("decision", &d.id.value, "body", &b.id.value), &d.meta)));
    }
    v.extend(m.obligations.iter().map(|x| (Name::Element("obligation", &x.id.value), &x.meta)));
    v.extend(m.services.iter().map(|x| (Name::Element("service", &x.id.value), &x.meta)));
    v.extend(m.projects.iter().map(|x| (Name::Element("project", &x.id.value), &x.meta)));
    v.extend(m.financings.iter().map(|x| (Name::Element("financing", &x.id.value), &x.meta)));
    for p in &m.procedures {
        v.push((Name::Element("procedure", &p.id.value), &p.meta));
        v.extend(p.steps.iter().map(|s| (Name::Inner("step", &s.id.value, "procedure", &p.id.value), &s.meta)));
    }
    v.extend(m.term.iter().map(|x| (Name::Term, &x.meta)));
    v.extend(m.approvals.iter().map(|x| (Name::Element("approval", &x.id.value), &x.meta)));
    v.extend(m.signatures.iter().map(|x| (Name::Element("signature", &x.id.value), &x.meta)));
    v.extend(m.groups.iter().map(|x| (Name::Element("group", &x.id.value), &x.meta)));
    v.extend(m.keys.iter().map(|x| (Name::Element("key", &x.id.value), &x.meta)));
    v.extend(m.institutions.iter().map(|x| (Name::Element("institution", &x.id.value), &x.meta)));
    v.extend(m.acts.iter().map(|x| (Name::Element("act", &x.id.value), &x.meta)));
    v.extend(m.ratifications.iter().map(|x| (Name::Element("ratification", &x.id.value), &x.meta)));
    v.extend(m.amendment.iter().map(|x| (Name::Amendment, &x.meta)));
    v
}

/// Places named in a message; the rest are counted.
const MAX_PLACES: usize = 3;

/// R008 for every `allow` of a rule that ran and suppressed nothing.
pub(super) fn check(ctx: &Context<'_>, ran: &BTreeSet<&'static str>, findings: &[Anchoring]) -> Vec<Diagnostic> {
    // Nothing to do without an `allow` (the usual case): no table of names
    // (80 bytes an element) and no index is built.
    if super::all_metas(ctx.model).iter().all(|meta| meta.allows.is_empty()) {
        return Vec::new();
    }
    let metas = named_metas(ctx.model);
    let names: HashMap<usize, Name<'_>> = metas.iter().map(|(n, meta)| (key(meta), *n)).collect();
    let used: BTreeSet<(usize, usize)> = findings.iter().filter_map(|f| f.used).collect();
    // For each rule, the distinct places of its findings in finding order:
    // built once, so that many `allow`s do not each walk every finding.
    let mut places_of: HashMap<&str, (Vec<Name<'_>>, HashSet<usize>)> = HashMap::new();
    for f in findings {
        let Some(name) = names.get(&f.at).copied() else { continue };
        let (order, seen) = places_of.entry(f.rule).or_default();
        if seen.insert(f.at) {
            order.push(name);
        }
    }
    let mut out = Vec::new();
    for (_, meta) in &metas {
        for (i, allow) in meta.allows.iter().enumerate() {
            // An unknown rule is R006's; a rule turned off or not selected had no chance.
            let Some(rule) = find(&allow.rule.value) else { continue };
            if !ran.contains(rule.code) || used.contains(&(key(meta), i)) {
                continue;
            }
            let places: &[Name<'_>] = places_of.get(rule.code).map_or(&[], |(order, _)| order.as_slice());
            let (message, help) = if places.is_empty() {
                (
                    format!("no finding of {} ({}) here to allow", rule.name, rule.code),
                    "remove the `allow`, or check that it names the rule you meant (`pakt rules` lists them)"
                        .to_string(),
                )
            } else {
                let shown: Vec<String> = places.iter().take(MAX_PLACES).map(ToString::to_string).collect();
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
