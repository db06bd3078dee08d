//! A019 unheld-obligation: an obligation of a body can be held to a party: some party has a seat in the body

use super::{Context, Sink};
use crate::diagnostic::Label;
use crate::model::*;

pub fn check(ctx: &Context<'_>, sink: &mut Sink<'_>) {
    let m = ctx.model;
    for o in &m.obligations {
        let bodies: Vec<&Body<Ref>> = o
            .bearer
            .iter()
            .filter_map(|r| match r.target {
                Target::Body(b) => m.body(b),
                _ => None,
            })
            .collect();
        if bodies.is_empty() || bodies.len() != o.bearer.len() {
            continue;
        }
        let held = bodies.iter().any(|b| b.seats.iter().any(|s| m.seat_party(s).is_some()));
        if !held {
            let mut d = sink
                .finding(
                    format!(
                        "no party can be held to `{}`: no party has a seat in {}",
                        o.id.value,
                        bodies.iter().map(|b| format!("`{}`", b.id.value)).collect::<Vec<_>>().join(", ")
                    ),
                    Label::new(o.id.span, "borne by a body only"),
                )
                .with_help("give the parties seats in the body (`seat x { party p }`), or make a party the bearer");
            for b in &bodies {
                d = d.with_label(Label::new(b.id.span, "no seat of this body belongs to a party"));
            }
            let mut metas: Vec<&Meta> = vec![&o.meta];
            metas.extend(bodies.iter().map(|b| &b.meta));
            sink.push(&metas, d);
        }
    }
}
