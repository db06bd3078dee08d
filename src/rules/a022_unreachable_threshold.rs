//! A022 unreachable-threshold: a quorum or threshold of a decision rule
//! that the voting members can never reach.
//!
//! In: the bodies' named decision rules, their seats, groups and keys.
//! Out: a finding for a quorum larger than the voting members, for
//! `at_least N of GROUP` when fewer than N of the group hold a voting seat,
//! and for a weighted threshold the voting members' figures cannot carry.
//! A requirement whose group or key has no voting member at all is A023's.

use super::governance::{key_figures, member_list, members_of, requirements, voting_members};
use super::{Context, Sink};
use crate::diagnostic::Label;
use crate::model::*;
use std::collections::BTreeSet;

pub fn check(ctx: &Context<'_>, sink: &mut Sink<'_>) {
    let m = ctx.model;
    for b in &m.bodies {
        let voters = voting_members(m, b);
        // A varying number of seats cannot be counted against a quorum;
        // who holds them (the parties below) is still known.
        if !b.has_variable_seats() {
            quorum(b, sink);
        }
        for (d, r) in requirements(b) {
            match &r.value {
                Requirement::AtLeast { count, of } => {
                    let group = members_of(m, of.target);
                    let seated = group.intersection(&voters).count() as u64;
                    if seated > 0 && u64::from(*count) > seated {
                        let unseated: Vec<Target> = group.difference(&voters).copied().collect();
                        let mut help = format!("lower the number to at most {seated}");
                        if !unseated.is_empty() {
                            help.push_str(&format!(", or give {} a voting seat", member_list(m, unseated)));
                        }
                        let f = sink
                            .finding(
                                format!(
                                    "decision `{}.{}` needs {count} of `{}`, but only {seated} of them {} a voting seat in `{}`",
                                    b.id.value,
                                    d.id.value,
                                    of.id,
                                    if seated == 1 { "holds" } else { "hold" },
                                    b.id.value
                                ),
                                Label::new(r.span, format!("{count} of `{}` needed", of.id)),
                            )
                            .with_label(Label::new(b.id.span, format!("{seated} of `{}` vote here", of.id)))
                            .with_help(help);
                        sink.push(&[&b.meta, &d.meta], f);
                    }
                }
                Requirement::Weighted { key, fraction, of } => {
                    let Target::Key(k) = key.target else { continue };
                    let Some(k) = m.key(k) else { continue };
                    let scope: Option<BTreeSet<Target>> = of.as_ref().map(|g| members_of(m, g.target));
                    // Without a voter in the group there is no vote to weigh: A023.
                    if scope.as_ref().is_some_and(|s| s.is_disjoint(&voters)) {
                        continue;
                    }
                    let figures: Vec<(Target, u128)> = key_figures(k)
                        .into_iter()
                        .map(|(p, v)| (Target::Party(p), u128::from(v.0)))
                        .filter(|(p, _)| scope.as_ref().is_none_or(|s| s.contains(p)))
                        .collect();
                    let total: u128 = figures.iter().map(|(_, v)| v).sum();
                    let reachable: u128 = figures.iter().filter(|(p, _)| voters.contains(p)).map(|(_, v)| v).sum();
                    // Without `of`, a key none of whose parties votes is A023's too.
                    if of.is_none() && reachable == 0 {
                        continue;
                    }
                    // reachable / total < n / d, exactly.
                    if total > 0
                        && reachable * u128::from(fraction.denominator) < total * u128::from(fraction.numerator)
                    {
                        let percent = reachable * 100 / total;
                        let unseated: Vec<Target> =
                            figures.iter().map(|(p, _)| *p).filter(|p| !voters.contains(p)).collect();
                        let f = sink
                            .finding(
                                format!(
                                    "decision `{}.{}` needs {fraction} of the shares of `{}`, but the voting members of `{}` carry only {percent} % of them",
                                    b.id.value, d.id.value, key.id, b.id.value
                                ),
                                Label::new(r.span, format!("{fraction} of `{}` needed", key.id)),
                            )
                            .with_label(Label::new(b.id.span, format!("{percent} % of `{}` votes here", key.id)))
                            .with_help(format!(
                                "give {} a voting seat, or lower the threshold",
                                member_list(m, unseated)
                            ));
                        sink.push(&[&b.meta, &d.meta], f);
                    }
                }
                _ => {}
            }
        }
    }
}

/// A decision rule's quorum against the voting seats of its body.
fn quorum(b: &Body<Ref>, sink: &mut Sink<'_>) {
    let voting = b.voting_seats();
    for d in &b.decisions {
        let Some(q) = &d.quorum else { continue };
        if u64::from(q.value) <= voting {
            continue;
        }
        let f = sink
            .finding(
                format!(
                    "decision `{}.{}` needs a quorum of {} but `{}` has {voting} voting members",
                    b.id.value, d.id.value, q.value, b.id.value
                ),
                Label::new(q.span, format!("quorum {}", q.value)),
            )
            .with_label(Label::new(b.id.span, format!("{voting} voting members")))
            .with_help(format!("a quorum counts voting members (advisory seats do not): give at most {voting}"));
        sink.push(&[&b.meta, &d.meta], f);
    }
}
