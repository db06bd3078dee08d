//! A011 step-cycle: the steps of a procedure do not wait for each other in a cycle

use super::helpers::*;
use super::{Context, Sink};
use crate::diagnostic::Label;
use crate::model::*;
use petgraph::graph::{DiGraph, NodeIndex};
use std::collections::BTreeSet;

pub fn check(ctx: &Context<'_>, sink: &mut Sink<'_>) {
    let m = ctx.model;
    for (pi, p) in m.procedures.iter().enumerate() {
        let g = step_graph(p, ProcedureId(pi as u32));
        for scc in petgraph::algo::tarjan_scc(&g) {
            let self_loop = scc.len() == 1 && scc.first().is_some_and(|n| g.contains_edge(*n, *n));
            if scc.len() < 2 && !self_loop {
                continue;
            }
            let members: BTreeSet<NodeIndex> = scc.iter().copied().collect();
            let Some(&start) = members.iter().next() else { continue };
            let cycle = cycle_in(&g, start, &members);
            let steps: Vec<&Step<Ref>> =
                cycle.iter().filter_map(|n| g.node_weight(*n)).filter_map(|i| p.steps.get(*i)).collect();
            let mut names: Vec<String> = steps.iter().map(|s| format!("`{}`", s.id.value)).collect();
            if let Some(first) = names.first().cloned() {
                names.push(first);
            }
            let Some(first) = steps.first() else { continue };
            let mut d = sink.finding(
                format!("the steps of `{}` wait for each other in a cycle: {}", p.id.value, names.join(" → ")),
                Label::new(first.id.span, "this step"),
            );
            for s in steps.iter().skip(1) {
                d = d.with_label(Label::new(s.id.span, "is in the cycle"));
            }
            d = d.with_help("no step of the cycle can ever start; remove one `after` (without `after`, a step follows the one written before it)");
            let mut metas: Vec<&Meta> = vec![&p.meta];
            metas.extend(steps.iter().map(|s| &s.meta));
            sink.push(&metas, d);
        }
    }
}

/// A cycle through `start` within `members`, found by depth-first search.
fn cycle_in(g: &DiGraph<usize, ()>, start: NodeIndex, members: &BTreeSet<NodeIndex>) -> Vec<NodeIndex> {
    let mut stack: Vec<(NodeIndex, Vec<NodeIndex>)> = vec![(start, vec![start])];
    let mut seen = BTreeSet::new();
    while let Some((n, path)) = stack.pop() {
        let mut next: Vec<NodeIndex> = g.neighbors(n).filter(|x| members.contains(x)).collect();
        next.sort();
        for x in next.into_iter().rev() {
            if x == start {
                return path;
            }
            if seen.insert(x) {
                let mut p = path.clone();
                p.push(x);
                stack.push((x, p));
            }
        }
    }
    vec![start]
}
