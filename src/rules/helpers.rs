//! Helpers that several rules share: the step graph of a procedure, the
//! parties that pay and consent, cycles, the agreement's date.

use crate::model::*;
use petgraph::graph::{DiGraph, NodeIndex};
use std::collections::BTreeSet;

/// The step graph of one procedure: node 0 is a virtual start, node i+1
/// is step i; an edge runs from each step to the steps that follow it.
pub(super) fn step_graph(p: &Procedure<Ref>, own: ProcedureId) -> DiGraph<usize, ()> {
    let mut g = DiGraph::new();
    let start = g.add_node(usize::MAX);
    let nodes: Vec<NodeIndex> = (0..p.steps.len()).map(|i| g.add_node(i)).collect();
    for (i, node) in nodes.iter().enumerate() {
        let preds = p.predecessors(own, i);
        if preds.is_empty() {
            g.add_edge(start, *node, ());
        }
        for pr in preds {
            if let Some(from) = nodes.get(pr) {
                g.add_edge(*from, *node, ());
            }
        }
    }
    g
}

/// A set of parties that may be "all of them" without listing them, so
/// that `all` costs the same as one name (the rules stay linear).
#[derive(Debug, Default)]
pub(super) struct PartySet {
    pub(super) all: bool,
    pub(super) some: BTreeSet<PartyId>,
}

impl PartySet {
    pub(super) fn add(&mut self, m: &Model, target: Target) {
        match target {
            Target::AllParties => self.all = true,
            // An organ of a party (an actor `part_of` it) speaks for it.
            t if !self.all => self.some.extend(m.parties_behind(t)),
            _ => {}
        }
    }
    pub(super) fn contains(&self, p: PartyId) -> bool {
        self.all || self.some.contains(&p)
    }
    /// The parties of `required` not in this set.
    pub(super) fn missing(&self, required: &BTreeSet<PartyId>) -> BTreeSet<PartyId> {
        if self.all {
            BTreeSet::new()
        } else {
            required.difference(&self.some).copied().collect()
        }
    }
}

pub(super) fn party_list(m: &Model, set: &BTreeSet<PartyId>) -> String {
    set.iter().filter_map(|p| m.party(*p)).map(|p| format!("`{}`", p.id.value)).collect::<Vec<_>>().join(", ")
}

/// The parties that stand behind a reference: the parties it names, the
/// parties seated in a body, the party an actor is part of.
pub(super) fn parties_behind(m: &Model, target: Target) -> BTreeSet<PartyId> {
    match target {
        Target::Body(b) => m.body(b).map(|body| m.seated_parties(body)).unwrap_or_default(),
        Target::Actor(a) => match m.actors.get(a.index()).and_then(|x| x.part_of.as_ref()).map(|r| r.target) {
            Some(Target::Party(p)) => BTreeSet::from([p]),
            _ => BTreeSet::new(),
        },
        other => m.parties_of(other).into_iter().collect(),
    }
}

/// The date an agreement was made: its header date, else its last signature.
pub(super) fn agreement_date(m: &Model) -> Option<&Spanned<crate::values::Date>> {
    m.date.as_ref().or_else(|| m.signatures.iter().filter_map(|s| s.date.as_ref()).max_by_key(|d| d.value))
}
