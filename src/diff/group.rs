//! One change, one line, across levels: a change that shows in several
//! elements is reported once, with the other elements as its evidence.
//!
//! In: the changes of `diff` (parts already folded into their wholes) and
//! the flattened elements of both versions. Out: the same changes, the
//! lines that are the same change at another level folded under the line
//! that states it.
//!
//! Only references in the model link changes, never similar text:
//!
//! - **A party joins or leaves**: its seat in a body that stays, and lists
//!   that gain or lose exactly this party (bearers, beneficiaries, group
//!   members, partners, binding, consent and consultation) are the joining
//!   or leaving. Money (payers, recipients, shares) keeps lines of its own.
//! - **A body's decision rule changes** (`decides`, or the requirements of
//!   one of its named decisions): a step taken under that rule (`under
//!   BODY.DECISION`) or by that body whose consent requirement changes in
//!   the same direction is the same change; so is an obligation of that
//!   body, added, dropped or made stronger or weaker in the same direction,
//!   whose beneficiaries are among the parties whose consent those steps
//!   now (or no longer) need.
//!
//! The line that stays keeps its effect and takes the heaviest weight of
//! the lines folded into it.

use super::{Change, ChangeKind, Element, Field};
use std::collections::{BTreeMap, BTreeSet};

/// Lists of parties whose change by exactly one party is that party joining
/// or leaving.
const PARTY_LISTS: &[&str] =
    &["bearer", "beneficiary", "members", "partners", "binding", "requests", "consent_of", "consultation_of"];

/// How many changed rules of the bodies that bear an obligation are
/// looked at for it: a body has a few, and a crafted file with thousands
/// must not make the report quadratic.
const MAX_RULES: usize = 16;

/// The element a change is about: the old one for a removal, else the new.
fn element<'e>(
    c: &Change,
    old: &'e [Element],
    old_index: &BTreeMap<&str, usize>,
    new: &'e [Element],
    new_index: &BTreeMap<&str, usize>,
) -> Option<&'e Element> {
    let key = c.path_key();
    let from = |els: &'e [Element], index: &BTreeMap<&str, usize>| index.get(key.as_str()).and_then(|i| els.get(*i));
    match c.kind {
        ChangeKind::Removed => from(old, old_index),
        _ => from(new, new_index).or_else(|| from(old, old_index)),
    }
}

fn text<'e>(e: &'e Element, field: &str) -> Option<&'e str> {
    match e.fields.get(field) {
        Some(Field::Text(t)) => Some(t),
        _ => None,
    }
}

fn set<'e>(e: &'e Element, field: &str) -> Option<&'e BTreeSet<String>> {
    match e.fields.get(field) {
        Some(Field::Set(s)) => Some(s),
        _ => None,
    }
}

/// The line a folded change leaves under the one that stays, in the signs
/// of the text report (so that it reads the same in English and German):
/// `+ seat `x`: …`, `~ step `y`.consent_of: + a, b [rule]`.
fn evidence_line(c: &Change) -> String {
    let (sign, what) = match (c.kind, c.field) {
        (ChangeKind::Changed, Some(f)) => {
            let value = match (&c.old, &c.new) {
                (Some(o), Some(n)) => format!("{o} → {n}"),
                (None, Some(n)) => format!("+ {n}"),
                (Some(o), None) => format!("- {o}"),
                (None, None) => String::new(),
            };
            ('~', format!("{} `{}`.{f}: {value}", c.element, c.id))
        }
        (ChangeKind::Removed, _) => ('-', format!("{} `{}`: {}", c.element, c.id, c.old.clone().unwrap_or_default())),
        _ => ('+', format!("{} `{}`: {}", c.element, c.id, c.new.clone().unwrap_or_default())),
    };
    format!("{sign} {what} [{}]", c.rule)
}

/// Which line a change belongs under, if it is the same change as another.
#[derive(Default)]
struct Anchors {
    /// (added?, party) → the party's change.
    party: BTreeMap<(bool, String), usize>,
    /// body → the change of its `decides`.
    body: BTreeMap<String, usize>,
    /// `body.decision` → the change of that decision rule.
    decision: BTreeMap<String, usize>,
}

/// Fold the changes that are the same change at another level.
pub fn fold(
    changes: Vec<Change>,
    old: &[Element],
    old_index: &BTreeMap<&str, usize>,
    new: &[Element],
    new_index: &BTreeMap<&str, usize>,
) -> Vec<Change> {
    let mut a = Anchors::default();
    for (i, c) in changes.iter().enumerate() {
        match (c.element, c.kind) {
            ("party", ChangeKind::Added | ChangeKind::Removed) if c.rule.starts_with("party.") => {
                a.party.insert((c.kind == ChangeKind::Added, c.id.clone()), i);
            }
            ("body", ChangeKind::Changed) if c.field == Some("decides") && c.rule.starts_with("body.decides.") => {
                a.body.insert(c.id.clone(), i);
            }
            ("decision", ChangeKind::Changed) if c.rule.starts_with("decision.requires.") => {
                a.decision.insert(c.id.clone(), i);
            }
            ("decision", ChangeKind::Added | ChangeKind::Removed) if c.rule.starts_with("decision.") => {
                a.decision.insert(c.id.clone(), i);
            }
            _ => {}
        }
    }
    if a.party.is_empty() && a.body.is_empty() && a.decision.is_empty() {
        return changes;
    }
    let anchored: BTreeSet<usize> =
        a.party.values().chain(a.body.values()).chain(a.decision.values()).copied().collect();
    let effect_of = |i: usize| changes.get(i).map(|c| c.effect);
    let mut under: BTreeMap<usize, usize> = BTreeMap::new();
    // The parties whose consent the steps under a rule anchor gain or lose.
    let mut consent: BTreeMap<usize, BTreeSet<String>> = BTreeMap::new();
    for (i, c) in changes.iter().enumerate() {
        crate::work::tick(1);
        if anchored.contains(&i) {
            continue;
        }
        let Some(e) = element(c, old, old_index, new, new_index) else { continue };
        // A party joining or leaving.
        let party = match (c.element, c.kind, c.field) {
            ("seat", ChangeKind::Added | ChangeKind::Removed, None) if c.rule.starts_with("seat.") => {
                text(e, "party").map(|p| (c.kind == ChangeKind::Added, p.to_string()))
            }
            // (All of these are lists; a list that loses its last party is
            // absent in the new version, so the field name decides.)
            (_, ChangeKind::Changed, Some(f)) if PARTY_LISTS.contains(&f) => match (&c.old, &c.new) {
                (None, Some(p)) if !p.contains("; ") => Some((true, p.clone())),
                (Some(p), None) if !p.contains("; ") => Some((false, p.clone())),
                _ => None,
            },
            _ => None,
        };
        if let Some(&at) = party.and_then(|k| a.party.get(&k)) {
            under.insert(i, at);
            continue;
        }
        // A step whose consent changes, under a rule that changed.
        if c.element == "step" && c.rule.starts_with("step.consent.") {
            // A step under a named decision follows that rule, not the
            // body's general one.
            let at = match text(e, "under") {
                Some(rule) => a.decision.get(rule),
                None => text(e, "by").and_then(|b| a.body.get(b)),
            };
            if let Some(&at) = at.filter(|at| effect_of(**at) == Some(c.effect)) {
                under.insert(i, at);
                // Those whose consent is needed, or was (a dropped consent).
                let entry = consent.entry(at).or_default();
                entry.extend(set(e, "consent_of").into_iter().flatten().cloned());
                if c.field == Some("consent_of") {
                    entry.extend(c.old.iter().chain(c.new.iter()).flat_map(|s| s.split("; ")).map(str::to_string));
                }
            }
        }
    }
    // Obligations of the body that say the same, to the same parties. The
    // rule anchors by body, so that each obligation looks only at the
    // rules of the bodies that bear it (a few at most: bounded).
    let mut by_body: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for at in consent.keys() {
        if let Some(c) = changes.get(*at) {
            let body = match c.element {
                "decision" => c.id.split('.').next().unwrap_or("").to_string(),
                _ => c.id.clone(),
            };
            by_body.entry(body).or_default().push(*at);
        }
    }
    for (i, c) in changes.iter().enumerate() {
        crate::work::tick(1);
        let same_kind =
            matches!(c.rule, "obligation.added" | "obligation.removed") || c.rule.starts_with("obligation.modality.");
        if c.element != "obligation" || !same_kind || under.contains_key(&i) {
            continue;
        }
        let Some(e) = element(c, old, old_index, new, new_index) else { continue };
        let Some(beneficiaries) = set(e, "beneficiary") else { continue };
        let task_of = e.container().strip_prefix("body:");
        let bodies = set(e, "bearer").into_iter().flatten().map(String::as_str).chain(task_of);
        let at = bodies
            .filter_map(|b| by_body.get(b))
            .flatten()
            .take(MAX_RULES)
            .find(|at| {
                crate::work::tick(1);
                effect_of(**at) == Some(c.effect)
                    && consent.get(*at).is_some_and(|parties| beneficiaries.is_subset(parties))
            })
            .copied();
        if let Some(at) = at {
            under.insert(i, at);
        }
    }
    if under.is_empty() {
        return changes;
    }
    let mut folded: BTreeMap<usize, Vec<Change>> = BTreeMap::new();
    let mut out: Vec<(usize, Change)> = Vec::with_capacity(changes.len());
    for (i, c) in changes.into_iter().enumerate() {
        match under.get(&i) {
            Some(at) => folded.entry(*at).or_default().push(c),
            None => out.push((i, c)),
        }
    }
    out.into_iter()
        .map(|(i, mut c)| {
            let mut parts = folded.remove(&i).unwrap_or_default();
            // From the rule down: seats and steps, then the obligations
            // that say the same in words.
            parts.sort_by_key(|f| f.element == "obligation");
            for f in parts {
                c.weight = c.weight.min(f.weight);
                c.evidence.push(evidence_line(&f));
                c.evidence.extend(f.evidence);
            }
            c
        })
        .collect()
}
