//! A024 parity-breakers: a paritätisch body whose variable seats or a
//! chair's casting vote held by one side break the parity it declares.
//!
//! In: bodies that say `parity`. Out: a warning for each voting seat whose
//! number varies, and for a casting vote (`casting_vote`) when the chair
//! is fixed to one side or rotates only within one side.

use super::governance::{member_side, members_of};
use super::{Context, Sink};
use crate::diagnostic::Label;
use crate::model::*;
use std::collections::BTreeSet;

pub fn check(ctx: &Context<'_>, sink: &mut Sink<'_>) {
    let m = ctx.model;
    for b in &m.bodies {
        let Some(parity) = b.parity else { continue };
        for s in b.seats.iter().filter(|s| s.voting) {
            if let Some(v) = s.variable {
                let f = sink
                    .finding(
                        format!("paritätisch body `{}` has seat `{}` whose number varies", b.id.value, s.id.value),
                        Label::new(v, "a varying number of voting seats"),
                    )
                    .with_label(Label::new(parity, "parity is declared here"))
                    .with_help(
                        "give the other side as many seats as this one takes, or make the varying seat `advisory`",
                    );
                sink.push(&[&b.meta, &s.meta], f);
            }
        }
        let Some(casting) = b.casting_vote else { continue };
        if let Some(rotation) = &b.rotation {
            // A chair that rotates between the sides passes the casting vote
            // between them; one that rotates within one side does not.
            let sides: BTreeSet<Option<Side>> = rotation
                .among
                .iter()
                .flat_map(|r| match r.target {
                    Target::Group(g) => match m.group(g).and_then(|x| x.side.as_ref()) {
                        Some(side) => vec![Some(side.value)],
                        None => members_of(m, r.target).into_iter().map(|t| member_side(m, t)).collect(),
                    },
                    other => members_of(m, other).into_iter().map(|t| member_side(m, t)).collect(),
                })
                .collect();
            if let [Some(side)] = sides.into_iter().collect::<Vec<_>>().as_slice() {
                let f = sink
                    .finding(
                        format!(
                            "in paritätisch body `{}` the chair rotates only within the {} side and casts the deciding vote, so that side decides every tie",
                            b.id.value,
                            side.name()
                        ),
                        Label::new(casting, "the chair's vote decides a tie"),
                    )
                    .with_label(Label::new(rotation.span, format!("every chair is of the {} side", side.name())))
                    .with_label(Label::new(parity, "parity is declared here"))
                    .with_help("let the chair rotate between the sides, or drop the casting vote");
                sink.push(&[&b.meta], f);
            }
            continue;
        }
        let Some(chair) = &b.chair else { continue };
        let side = match chair.target {
            Target::Seat(s) => m.seat(s).and_then(|seat| m.seat_side(seat)),
            other => {
                let sides: BTreeSet<Option<Side>> =
                    members_of(m, other).into_iter().map(|t| member_side(m, t)).collect();
                match sides.into_iter().collect::<Vec<_>>().as_slice() {
                    [Some(one)] => Some(*one),
                    _ => None,
                }
            }
        };
        let Some(side) = side else { continue };
        let f = sink
            .finding(
                format!(
                    "in paritätisch body `{}` the chair `{}` casts the deciding vote, so the {} side decides every tie",
                    b.id.value,
                    chair.id,
                    side.name()
                ),
                Label::new(casting, "the chair's vote decides a tie"),
            )
            .with_label(Label::new(chair.span, format!("a chair of the {} side", side.name())))
            .with_label(Label::new(parity, "parity is declared here"))
            .with_help("let the chair rotate between the sides, or drop the casting vote");
        sink.push(&[&b.meta], f);
    }
}
