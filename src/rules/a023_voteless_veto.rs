//! A023 voteless-veto: a decision rule that needs the vote of someone
//! who holds no voting seat in the body.
//!
//! In: the bodies' named decision rules and their seats. Out: a finding for
//! a veto held by someone without a voting seat (an advisory attendee, a
//! party that is not a member), and for `at_least N of GROUP` or a weighted
//! threshold whose group (or key) has no voting member at all.

use super::governance::{key_figures, members_of, requirements, voting_members};
use super::{Context, Sink};
use crate::diagnostic::Label;
use crate::model::*;
use std::collections::BTreeSet;

pub fn check(ctx: &Context<'_>, sink: &mut Sink<'_>) {
    let m = ctx.model;
    for (bi, b) in m.bodies.iter().enumerate() {
        let voters = voting_members(m, b);
        for (d, r) in requirements(b) {
            let (who, holders, what) = match &r.value {
                Requirement::Veto { who } => {
                    // A seat's veto is that seat's own vote: it must be a
                    // voting seat of this body, whoever else sits there.
                    if let Target::Seat(s) = who.target {
                        if s.body.index() == bi && m.seat(s).is_some_and(|seat| seat.voting) {
                            continue;
                        }
                        (who, BTreeSet::new(), "a veto")
                    } else {
                        (who, members_of(m, who.target), "a veto")
                    }
                }
                Requirement::AtLeast { of, .. } => (of, members_of(m, of.target), "votes"),
                Requirement::Weighted { of: Some(of), .. } => (of, members_of(m, of.target), "votes"),
                Requirement::Weighted { key, of: None, .. } => {
                    let Target::Key(k) = key.target else { continue };
                    let Some(k) = m.key(k) else { continue };
                    (key, key_figures(k).into_keys().map(Target::Party).collect(), "votes")
                }
                _ => continue,
            };
            if !holders.is_disjoint(&voters) {
                continue;
            }
            let whose = match who.target {
                Target::Key(_) => format!("the parties of key `{}`", who.id),
                _ => format!("`{}`", who.id),
            };
            let verb = if matches!(who.target, Target::Key(_)) { "hold" } else { "holds" };
            let f = sink
                .finding(
                    format!(
                        "decision `{}.{}` needs {what} of {whose}, which {verb} no voting seat in `{}`",
                        b.id.value, d.id.value, b.id.value
                    ),
                    Label::new(r.span, format!("{what} of {whose}")),
                )
                .with_label(Label::new(b.id.span, "no voting seat for it in this body"))
                .with_help(format!(
                    "give {whose} a voting seat in `{}`, or drop the requirement (an advisory attendee has no vote to withhold)",
                    b.id.value
                ));
            sink.push(&[&b.meta, &d.meta], f);
        }
    }
}
