//! A031 entry-into-force: conditions for entry into force and ratification
//! deadlines that contradict the agreement's own figures and dates.

use super::{Context, Sink};
use crate::diagnostic::Label;
use crate::model::*;

pub fn check(ctx: &Context<'_>, sink: &mut Sink<'_>) {
    let m = ctx.model;
    let signed = super::checks::agreement_date(m);
    if let Some(in_force) = m.term.as_ref().and_then(|t| t.in_force.as_ref()) {
        if let InForce::Ratifications { count, by } = &in_force.value {
            let parties = m.parties.len() as u64;
            if u64::from(*count) > parties {
                let d = sink
                    .finding(
                        format!(
                            "entry into force needs {count} ratifications, but the agreement has {parties} parties"
                        ),
                        Label::new(in_force.span, format!("{count} ratifications")),
                    )
                    .with_help(format!("ask for at most {parties} ratifications, or list the missing parties"));
                sink.push(&[], d);
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
                    sink.push(&[], d);
                }
            }
        }
    }
    for r in &m.ratifications {
        let Some(signed) = signed else { break };
        for (what, date) in [("deadline", &r.deadline), ("date", &r.date)] {
            let Some(date) = date else { continue };
            if date.value < signed.value {
                let d = sink
                    .finding(
                        format!(
                            "the {what} of ratification `{}`, {}, lies before the signing on {}",
                            r.id.value, date.value, signed.value
                        ),
                        Label::new(date.span, format!("before {}", signed.value)),
                    )
                    .with_label(Label::new(signed.span, "signed here"))
                    .with_help("a ratification follows the signing; an approval before signing is an `approval`");
                sink.push(&[&r.meta], d);
            }
        }
    }
}
