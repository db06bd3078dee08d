//! A005 chair: the chair holds a seat of the body, or an office of a party with a seat

use super::{Context, Sink};
use crate::diagnostic::Label;
use crate::model::*;

pub fn check(ctx: &Context<'_>, sink: &mut Sink<'_>) {
    let m = ctx.model;
    for (bi, b) in m.bodies.iter().enumerate() {
        let Some(chair) = &b.chair else { continue };
        // The chair holds a seat: one of the body's seats, an office that
        // holds a seat, or a party with a seat. An office of a party that
        // has a seat is not enough; a chair from outside is said so.
        if b.chair_non_member.is_some() || b.meta.is_unknown("chair") {
            continue;
        }
        let seated_parties = m.seated_parties(b);
        let ok = match chair.target {
            Target::Seat(s) => s.body.index() == bi,
            Target::Office(o) => {
                b.seats.iter().any(|s| s.office.as_ref().is_some_and(|r| r.target == Target::Office(o)))
            }
            Target::Party(p) => seated_parties.contains(&p),
            _ => false,
        };
        if !ok {
            let d = sink
                .finding(
                    format!("the chair of `{}`, `{}`, has no seat in it", b.id.value, chair.id),
                    Label::new(chair.span, "holds no seat of this body"),
                )
                .with_label(Label::new(b.id.span, "the body"))
                .with_help("name one of the body's seats as chair, give the chair's office a seat, or write `chair ID non_member` if the text makes someone from outside the chair");
            sink.push(&[&b.meta], d);
        }
    }
}
