//! A006 consent-before-financing: every step that commits money comes after the payers' consent on financing (Einvernehmen)

use super::helpers::*;
use super::{Context, Sink};
use crate::diagnostic::Label;
use crate::model::*;
use petgraph::algo::dominators;
use petgraph::graph::{DiGraph, NodeIndex};
use std::collections::{BTreeMap, BTreeSet};

/// The parties who pay under the agreement (every party if no clause names one).
fn payers(m: &Model) -> BTreeSet<PartyId> {
    let set: BTreeSet<PartyId> =
        m.financings.iter().flat_map(|f| f.payer.iter()).flat_map(|r| m.parties_of(r.target)).collect();
    if set.is_empty() {
        (0..m.parties.len()).map(|i| PartyId(i as u32)).collect()
    } else {
        set
    }
}

/// Whether a body decides only with everyone seated in it: by consent or
/// unanimity, as its `decides` or its rule for the step says.
fn decides_by_consent(m: &Model, body: &Body<Ref>, s: &Step<Ref>) -> bool {
    if body.decides.as_ref().is_some_and(|d| matches!(d.value, DecisionRule::Consent | DecisionRule::Unanimity)) {
        return true;
    }
    let rule = match s.under.as_ref().map(|r| r.target) {
        Some(Target::Decision(d)) => m.decision(d),
        _ => None,
    };
    rule.is_some_and(|d| {
        d.requires.iter().any(|c| {
            c.any_of.len() == 1
                && matches!(
                    c.any_of.first().map(|r| &r.value),
                    Some(Requirement::Consent | Requirement::Unanimity { .. })
                )
        })
    })
}

/// The parties that agree in a step: its `consent_of`, whoever takes it,
/// and — where a body that decides by consent takes it — every party
/// seated in that body (the consent is given there).
fn consenting(m: &Model, s: &Step<Ref>, into: &mut PartySet) {
    for r in s.consent_of.iter().chain(s.by.iter()) {
        into.add(m, r.target);
        if let Target::Body(b) = r.target {
            if let Some(body) = m.body(b).filter(|body| decides_by_consent(m, body, s)) {
                into.some.extend(m.voting_parties(body));
            }
        }
    }
}

pub fn check(ctx: &Context<'_>, sink: &mut Sink<'_>) {
    let m = ctx.model;
    let required = payers(m);
    for (pi, p) in m.procedures.iter().enumerate() {
        let own = ProcedureId(pi as u32);
        let g = step_graph(p, own);
        let start = NodeIndex::new(0);
        let dom = dominators::simple_fast(&g, start);
        let is_consent = |i: usize| {
            p.steps.get(i).is_some_and(|s| s.kind.as_ref().is_some_and(|k| k.value == StepKind::AgreeFinancing))
        };
        for (i, step) in p.steps.iter().enumerate() {
            let Some(money) = step.commits_money else { continue };
            // Only the payers of the money this step commits must agree
            // (`commits_money of X`); without a name, every payer.
            // Borrowed, not cloned: every payer of the agreement, copied per
            // step, made a check of many procedures quadratic.
            let named: BTreeSet<PartyId>;
            let required = if step.commits.is_empty() {
                &required
            } else {
                named = step
                    .commits
                    .iter()
                    .filter_map(|r| match r.target {
                        Target::Financing(f) => m.financings.get(f.index()),
                        _ => None,
                    })
                    .flat_map(|f| f.payer.iter())
                    .flat_map(|r| m.parties_behind(r.target))
                    .collect();
                &named
            };
            let node = NodeIndex::new(i + 1);
            let Some(doms) = dom.dominators(node) else { continue }; // unreachable: step-cycle reports it
            let consent_doms: Vec<usize> =
                doms.filter_map(|n| g.node_weight(n).copied()).filter(|j| *j != usize::MAX && is_consent(*j)).collect();
            let mut covered = PartySet::default();
            for s in consent_doms.iter().filter_map(|j| p.steps.get(*j)) {
                consenting(m, s, &mut covered);
            }
            let missing = covered.missing(required);
            if consent_doms.is_empty() {
                let path =
                    path_avoiding(&g, node, &|n| g.node_weight(n).is_some_and(|j| *j != usize::MAX && is_consent(*j)));
                let names: Vec<String> =
                    path.iter().filter_map(|j| p.steps.get(*j)).map(|s| s.id.value.clone()).collect();
                let mut d = sink
                    .finding(
                        format!(
                            "step `{}` of `{}` commits money without a prior consent on financing: {}",
                            step.id.value,
                            p.id.value,
                            if names.len() > 1 {
                                format!("the path {} skips it", names.join(" → "))
                            } else {
                                "it can be the first step".to_string()
                            }
                        ),
                        Label::new(step.id.span, "commits money here"),
                    )
                    .with_label(Label::new(money, "because of this"));
                for (j, s) in p.steps.iter().enumerate() {
                    if is_consent(j) {
                        d = d.with_label(Label::new(s.id.span, "a consent on financing that this path does not pass"));
                    }
                }
                d = d.with_help(format!(
                    "put a step `kind agree_financing` with `consent_of` {} before it (e.g. `after` that step)",
                    party_list(m, required)
                ));
                sink.push(&[&p.meta, &step.meta], d);
            } else if !missing.is_empty() {
                let mut d = sink
                    .finding(
                        format!(
                            "step `{}` of `{}` commits money, but the consent on financing before it lacks {}",
                            step.id.value,
                            p.id.value,
                            party_list(m, &missing)
                        ),
                        Label::new(step.id.span, "commits money here"),
                    )
                    .with_help(format!(
                        "every party that pays must agree: add {} to `consent_of`",
                        party_list(m, &missing)
                    ));
                for j in &consent_doms {
                    if let Some(s) = p.steps.get(*j) {
                        d = d.with_label(Label::new(s.id.span, "consent on financing without every payer"));
                    }
                }
                sink.push(&[&p.meta, &step.meta], d);
            }
        }
    }
}

/// A path of step indices from the start to `target` that avoids nodes for
/// which `avoid` holds (breadth first, so the shortest such path).
fn path_avoiding(g: &DiGraph<usize, ()>, target: NodeIndex, avoid: &dyn Fn(NodeIndex) -> bool) -> Vec<usize> {
    let start = NodeIndex::new(0);
    let mut prev: BTreeMap<NodeIndex, NodeIndex> = BTreeMap::new();
    let mut queue = std::collections::VecDeque::from([start]);
    let mut seen = BTreeSet::from([start]);
    while let Some(n) = queue.pop_front() {
        if n == target {
            break;
        }
        for next in g.neighbors(n) {
            if !seen.contains(&next) && !avoid(next) {
                seen.insert(next);
                prev.insert(next, n);
                queue.push_back(next);
            }
        }
    }
    let mut path = Vec::new();
    let mut cur = target;
    while let Some(w) = g.node_weight(cur) {
        if *w != usize::MAX {
            path.push(*w);
        }
        match prev.get(&cur) {
            Some(p) => cur = *p,
            None => break,
        }
    }
    path.reverse();
    path
}
