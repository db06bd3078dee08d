//! A023 voteless-veto: a decision rule that needs the vote of someone
//! who holds no voting seat in the body.

use super::governance::{behind, group_of, requirements};
use super::{Context, Sink};
use crate::diagnostic::Label;
use crate::model::*;

pub fn check(ctx: &Context<'_>, sink: &mut Sink<'_>) {
    let m = ctx.model;
    for b in &m.bodies {
        let voting = m.voting_parties(b);
        for (d, r) in requirements(b) {
            let (who, parties, what) = match &r.value {
                Requirement::Veto { who } => {
                    // A seat of this body holds its own vote.
                    if let Target::Seat(s) = who.target {
                        if m.seat(s).is_some_and(|seat| seat.voting) {
                            continue;
                        }
                    }
                    (who, behind(m, who), "a veto")
                }
                Requirement::AtLeast { of, .. } => (of, group_of(m, of), "votes"),
                Requirement::Weighted { of: Some(of), .. } => (of, group_of(m, of), "votes"),
                _ => continue,
            };
            if parties.iter().any(|p| voting.contains(p)) {
                continue;
            }
            let f = sink
                .finding(
                    format!(
                        "decision `{}.{}` needs {what} of `{}`, which holds no voting seat in `{}`",
                        b.id.value, d.id.value, who.id, b.id.value
                    ),
                    Label::new(r.span, format!("needs `{}`", who.id)),
                )
                .with_label(Label::new(b.id.span, "no voting seat for it in this body"))
                .with_help(format!("give `{}` a voting seat in `{}`, or drop the requirement", who.id, b.id.value));
            sink.push(&[&b.meta, &d.meta], f);
        }
    }
}
