//! A022 unreachable-threshold: a quorum or threshold of a decision rule
//! that the voting members can never reach.

use super::governance::{group_of, key_figures, requirements};
use super::{Context, Sink};
use crate::diagnostic::Label;
use crate::model::*;

pub fn check(ctx: &Context<'_>, sink: &mut Sink<'_>) {
    let m = ctx.model;
    for b in &m.bodies {
        if b.has_variable_seats() {
            continue;
        }
        let voting = b.voting_seats();
        let voting_parties = m.voting_parties(b);
        for d in &b.decisions {
            if let Some(q) = &d.quorum {
                if u64::from(q.value) > voting {
                    let f = sink
                        .finding(
                            format!(
                                "decision `{}.{}` needs a quorum of {} but `{}` has {voting} voting members",
                                b.id.value, d.id.value, q.value, b.id.value
                            ),
                            Label::new(q.span, format!("quorum {}", q.value)),
                        )
                        .with_label(Label::new(b.id.span, format!("{voting} voting members")))
                        .with_help(format!(
                            "a quorum counts voting members (advisory seats do not): give at most {voting}"
                        ));
                    sink.push(&[&b.meta, &d.meta], f);
                }
            }
        }
        for (d, r) in requirements(b) {
            match &r.value {
                Requirement::AtLeast { count, of } => {
                    let group = group_of(m, of);
                    let seated = group.iter().filter(|p| voting_parties.contains(p)).count() as u64;
                    // None seated is A023's finding (a vote that is not there).
                    if seated > 0 && u64::from(*count) > seated {
                        let f = sink
                            .finding(
                                format!(
                                    "decision `{}.{}` needs {count} of `{}`, but only {seated} of them hold a voting seat in `{}`",
                                    b.id.value, d.id.value, of.id, b.id.value
                                ),
                                Label::new(r.span, format!("{count} needed")),
                            )
                            .with_label(Label::new(b.id.span, format!("{seated} of `{}` vote here", of.id)))
                            .with_help(format!("lower the number to at most {seated}, or give the group's members voting seats"));
                        sink.push(&[&b.meta, &d.meta], f);
                    }
                }
                Requirement::Weighted { key, fraction, of } => {
                    let Target::Key(k) = key.target else { continue };
                    let Some(k) = m.key(k) else { continue };
                    let figures = key_figures(k);
                    let scope = of.as_ref().map(|g| group_of(m, g));
                    let total: u128 = figures
                        .iter()
                        .filter(|(p, _)| scope.as_ref().is_none_or(|s| s.contains(p)))
                        .map(|(_, v)| u128::from(v.0))
                        .sum();
                    let reachable: u128 = figures
                        .iter()
                        .filter(|(p, _)| scope.as_ref().is_none_or(|s| s.contains(p)) && voting_parties.contains(p))
                        .map(|(_, v)| u128::from(v.0))
                        .sum();
                    // reachable / total < n / d, exactly.
                    if total > 0
                        && reachable > 0
                        && reachable * u128::from(fraction.denominator) < total * u128::from(fraction.numerator)
                    {
                        let f = sink
                            .finding(
                                format!(
                                    "decision `{}.{}` needs {fraction} of the shares of `{}`, but the members with a vote in `{}` carry less",
                                    b.id.value, d.id.value, key.id, b.id.value
                                ),
                                Label::new(r.span, format!("{fraction} of the key needed")),
                            )
                            .with_label(Label::new(b.id.span, "the voting members"))
                            .with_help("give every party the key weights a voting seat, or lower the threshold");
                        sink.push(&[&b.meta, &d.meta], f);
                    }
                }
                _ => {}
            }
        }
    }
}
