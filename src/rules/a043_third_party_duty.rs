//! A043 third-party-duty: an obligation borne by someone who is not a
//! party and does not belong to one (an agreement cannot bind a third).

use super::{Context, Sink};
use crate::diagnostic::Label;
use crate::model::*;

pub fn check(ctx: &Context<'_>, sink: &mut Sink<'_>) {
    let m = ctx.model;
    for o in m.obligations.iter().filter(|o| !o.task_of_body) {
        for r in &o.bearer {
            let Target::Actor(a) = r.target else { continue };
            if m.actor_party(a).is_some() {
                continue;
            }
            // "die Kommunen" on the municipal side are spoken for by the
            // parties of that side (their umbrella associations): the duty
            // is one the side's parties take on for their members.
            let side = m.actors.get(a.index()).and_then(|x| x.side.as_ref()).map(|s| s.value);
            if side.is_some_and(|side| m.parties.iter().any(|p| p.side.as_ref().is_some_and(|s| s.value == side))) {
                continue;
            }
            let d = sink
                .finding(
                    format!("`{}` binds `{}`, which is not a party and belongs to none", o.id.value, r.id),
                    Label::new(r.span, "a third party"),
                )
                .with_help(format!(
                    "an agreement binds its parties: make a party bear the duty (e.g. to see to it that `{}` acts), or give the actor `part_of PARTY`",
                    r.id
                ));
            sink.push(&[&o.meta], d);
        }
    }
}
