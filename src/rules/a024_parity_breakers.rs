//! A024 parity-breakers: a paritätisch body whose variable seats or a
//! chair's casting vote held by one side break the parity it declares.

use super::{Context, Sink};
use crate::diagnostic::Label;
use crate::model::*;

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
        // A rotating chair passes the casting vote between the sides.
        if b.rotation.is_some() {
            continue;
        }
        let side = b.chair.as_ref().and_then(|c| match c.target {
            Target::Seat(s) => m.seat(s).and_then(|seat| m.seat_side(seat)),
            Target::Party(p) => m.party(p).and_then(|p| p.side.as_ref().map(|s| s.value)),
            Target::Office(_) => {
                m.parties_of(c.target).first().and_then(|p| m.party(*p)).and_then(|p| p.side.as_ref().map(|s| s.value))
            }
            _ => None,
        });
        if let (Some(side), Some(chair)) = (side, &b.chair) {
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
                .with_label(Label::new(parity, "parity is declared here"))
                .with_help("let the chair rotate between the sides, or drop the casting vote");
            sink.push(&[&b.meta], f);
        }
    }
}
