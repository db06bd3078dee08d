//! A042 formed-by-cycle: bodies that form each other in a circle.

use super::{Context, Sink};
use crate::diagnostic::Label;
use crate::model::*;

pub fn check(ctx: &Context<'_>, sink: &mut Sink<'_>) {
    let m = ctx.model;
    let next = |i: usize| -> Option<usize> {
        match m.bodies.get(i)?.formed_by.as_ref()?.target {
            Target::Body(b) => Some(b.index()),
            _ => None,
        }
    };
    // Each body has at most one `formed_by`: follow the chain with colours,
    // linear in the number of bodies.
    let n = m.bodies.len();
    let mut state = vec![0u8; n]; // 0 new, 1 on the current path, 2 done
    for start in 0..n {
        let mut path = Vec::new();
        let mut cur = Some(start);
        while let Some(i) = cur {
            match state.get(i).copied() {
                Some(0) => {
                    if let Some(s) = state.get_mut(i) {
                        *s = 1;
                    }
                    path.push(i);
                    cur = next(i);
                }
                Some(1) => {
                    let from = path.iter().position(|x| *x == i).unwrap_or(0);
                    let cycle: Vec<usize> = path.get(from..).map(<[usize]>::to_vec).unwrap_or_default();
                    report(m, sink, &cycle);
                    break;
                }
                _ => break,
            }
        }
        for i in path {
            if let Some(s) = state.get_mut(i) {
                *s = 2;
            }
        }
    }
}

fn report(m: &Model, sink: &mut Sink<'_>, cycle: &[usize]) {
    let names: Vec<String> =
        cycle.iter().filter_map(|i| m.bodies.get(*i)).map(|b| format!("`{}`", b.id.value)).collect();
    let Some(first) = cycle.first().and_then(|i| m.bodies.get(*i)) else { return };
    let Some(r) = &first.formed_by else { return };
    let mut d = sink
        .finding(
            format!(
                "bodies form each other in a circle: {} → {}",
                names.join(" → "),
                names.first().cloned().unwrap_or_default()
            ),
            Label::new(r.span, format!("`{}` is formed by `{}`", first.id.value, r.id)),
        )
        .with_help("one of them must be formed by a party or an agreement body outside the circle");
    for b in cycle.iter().skip(1).filter_map(|i| m.bodies.get(*i)) {
        if let Some(r) = &b.formed_by {
            d = d.with_label(Label::new(r.span, format!("`{}` is formed by `{}`", b.id.value, r.id)));
        }
    }
    sink.push(&[&first.meta], d);
}
