//! A031 entry-into-force: conditions for entry into force and ending, and
//! ratification dates, that contradict the agreement's own figures and dates.
//!
//! In: the term's `in_force_when` and `lapses_below`, the `ratification`
//! blocks, the parties and the signing dates. Out: a finding for a quorum
//! of ratifications larger than the number of parties, a lapse threshold
//! above the number of parties (the agreement would be out of force from
//! the start), a ratification deadline before the signing, and a
//! ratification dated before its party signed.

use super::{Context, Sink};
use crate::diagnostic::Label;
use crate::model::*;
use crate::values::Date;

pub fn check(ctx: &Context<'_>, sink: &mut Sink<'_>) {
    let m = ctx.model;
    let signed = super::helpers::agreement_date(m);
    let parties = m.parties.len() as u64;
    if let Some(term) = &m.term {
        if let Some(in_force) = &term.in_force {
            if let InForce::Ratifications { count, by } = &in_force.value {
                if u64::from(*count) > parties {
                    let d = sink
                        .finding(
                            format!(
                                "entry into force needs {count} ratifications, but the agreement has {parties} parties"
                            ),
                            Label::new(in_force.span, format!("{count} ratifications")),
                        )
                        .with_help(format!("ask for at most {parties} ratifications, or list the missing parties"));
                    sink.push(&[&term.meta], d);
                }
                if let (Some(by), Some(signed)) = (by, signed) {
                    if by.value < signed.value {
                        let d = sink
                            .finding(
                                format!(
                                    "ratifications are due by {}, before the agreement is signed on {}",
                                    by.value, signed.value
                                ),
                                Label::new(by.span, "the deadline"),
                            )
                            .with_label(Label::new(signed.span, "signed here"))
                            .with_help("move the deadline after the signing");
                        sink.push(&[&term.meta], d);
                    }
                }
            }
        }
        if let Some(lapse) = &term.lapses_below {
            if u64::from(lapse.value) > parties {
                let d = sink
                    .finding(
                        format!(
                            "the agreement lapses below {} parties, but it has only {parties}: it would never be in force",
                            lapse.value
                        ),
                        Label::new(lapse.span, format!("lapses below {}", lapse.value)),
                    )
                    .with_help(format!("give a number of at most {parties}, or list the missing parties"));
                sink.push(&[&term.meta], d);
            }
        }
    }
    for r in &m.ratifications {
        if let (Some(deadline), Some(signed)) = (&r.deadline, signed) {
            if deadline.value < signed.value {
                let d = sink
                    .finding(
                        format!(
                            "the deadline of ratification `{}`, {}, lies before the signing on {}",
                            r.id.value, deadline.value, signed.value
                        ),
                        Label::new(deadline.span, format!("before {}", signed.value)),
                    )
                    .with_label(Label::new(signed.span, "signed here"))
                    .with_help("a ratification follows the signing; an approval before signing is an `approval`");
                sink.push(&[&r.meta], d);
            }
        }
        let Some(date) = &r.date else { continue };
        let Some((own, signing)) = signing_of(m, r) else { continue };
        if date.value < signing.value {
            let whose = if own { "its party signed" } else { "the agreement was first signed" };
            let d = sink
                .finding(
                    format!(
                        "ratification `{}` is dated {}, before {whose} on {}",
                        r.id.value, date.value, signing.value
                    ),
                    Label::new(date.span, format!("before {}", signing.value)),
                )
                .with_label(Label::new(signing.span, "signed here"))
                .with_help("a ratification follows the signing; an approval before signing is an `approval`");
            sink.push(&[&r.meta], d);
        }
    }
}

/// The signing a ratification follows: its party's own signature (true),
/// else the first signing of the agreement (false).
fn signing_of<'m>(m: &'m Model, r: &Ratification<Ref>) -> Option<(bool, &'m Spanned<Date>)> {
    let parties = r.by.as_ref().map(|b| m.parties_behind(b.target)).unwrap_or_default();
    let own = m
        .signatures
        .iter()
        .filter(|s| {
            s.party
                .as_ref()
                .and_then(|p| match p.target {
                    Target::Party(p) => Some(p),
                    _ => None,
                })
                .is_some_and(|p| parties.contains(&p))
        })
        .filter_map(|s| s.date.as_ref())
        .min_by_key(|d| d.value);
    if let Some(own) = own {
        return Some((true, own));
    }
    m.signatures.iter().filter_map(|s| s.date.as_ref()).min_by_key(|d| d.value).or(m.date.as_ref()).map(|d| (false, d))
}
