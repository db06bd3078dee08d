//! A010 reporting-cycle: reporting lines between bodies do not go round in a cycle

use super::{Context, Sink};
use crate::diagnostic::Label;
use crate::model::*;

pub fn check(ctx: &Context<'_>, sink: &mut Sink<'_>) {
    let m = ctx.model;
    let next = |i: usize| match m.bodies.get(i).and_then(|b| b.reports_to.as_ref()).map(|r| r.target) {
        Some(Target::Body(b)) => Some(b.index()),
        _ => None,
    };
    // Each body has at most one reporting line, so one walk per body that
    // stops at any body seen before visits every body once: linear.
    // state: 0 not seen, 1 + k on the walk from the k-th start, MAX done.
    let mut state = vec![0usize; m.bodies.len()];
    let mut place = vec![0usize; m.bodies.len()];
    for start in 0..m.bodies.len() {
        if state.get(start) != Some(&0) {
            continue;
        }
        let mut walk: Vec<usize> = Vec::new();
        let mut cur = Some(start);
        while let Some(n) = cur {
            crate::work::tick(1);
            match state.get(n).copied() {
                Some(0) => {
                    if let (Some(s), Some(p)) = (state.get_mut(n), place.get_mut(n)) {
                        *s = 1 + start;
                        *p = walk.len();
                    }
                    walk.push(n);
                    cur = next(n);
                }
                // Back on this walk: the walk from there on is a cycle.
                Some(s) if s == 1 + start => {
                    let from = place.get(n).copied().unwrap_or(0);
                    let cycle: Vec<usize> = walk.get(from..).map(<[usize]>::to_vec).unwrap_or_default();
                    report_cycle(m, sink, &cycle);
                    break;
                }
                _ => break,
            }
        }
        for w in walk {
            if let Some(s) = state.get_mut(w) {
                *s = usize::MAX;
            }
        }
    }
}

fn report_cycle(m: &Model, sink: &mut Sink<'_>, cycle: &[usize]) {
    // Rotate so the cycle starts at its first body in the file.
    let pos = cycle.iter().enumerate().min_by_key(|(_, b)| **b).map_or(0, |(i, _)| i);
    let rotated: Vec<usize> = cycle.iter().cycle().skip(pos).take(cycle.len()).copied().collect();
    let bodies: Vec<&Body<Ref>> = rotated.iter().filter_map(|i| m.bodies.get(*i)).collect();
    let mut names: Vec<String> = bodies.iter().map(|b| format!("`{}`", b.id.value)).collect();
    if let Some(first) = names.first().cloned() {
        names.push(first);
    }
    let Some(first) = bodies.first() else { return };
    let Some(first_ref) = &first.reports_to else { return };
    let mut d = sink.finding(
        format!("reporting lines form a cycle: {}", names.join(" → ")),
        Label::new(first_ref.span, format!("`{}` reports to `{}`", first.id.value, first_ref.id)),
    );
    for b in bodies.iter().skip(1) {
        if let Some(r) = &b.reports_to {
            d = d.with_label(Label::new(r.span, format!("`{}` reports to `{}`", b.id.value, r.id)));
        }
    }
    d = d.with_help("a reporting line must end at a body or party that reports to no one; remove one `reports_to`");
    let metas: Vec<&Meta> = bodies.iter().map(|b| &b.meta).collect();
    sink.push(&metas, d);
}
