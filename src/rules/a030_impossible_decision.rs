//! A030 impossible-decision: a decision rule that can no longer be met
//! while the agreement is still in force (it needs more members of a group
//! than the agreement may keep before it lapses).
//!
//! In: `lapses_below N parties` in the term, and the `at_least K of GROUP`
//! requirements of the bodies' decision rules and of the amendment clause.
//! Out: a finding for each K greater than N: with N parties left the
//! agreement is still in force, but K members of the group cannot agree.

use super::governance::requirements;
use super::{Context, Sink};
use crate::diagnostic::Label;
use crate::model::*;

pub fn check(ctx: &Context<'_>, sink: &mut Sink<'_>) {
    let m = ctx.model;
    let Some(term) = &m.term else { return };
    let Some(lapse) = &term.lapses_below else { return };
    // The agreement stays in force with `lapse` parties.
    let least = u64::from(lapse.value);
    let mut check = |needed: u64, of: &Ref, span: crate::span::Span, what: String, metas: &[&Meta]| {
        if needed > least {
            let d = sink
                .finding(
                    format!(
                        "{what} needs {needed} of `{}`, but the agreement stays in force with only {least} parties",
                        of.id
                    ),
                    Label::new(span, format!("{needed} of `{}` needed", of.id)),
                )
                .with_label(Label::new(lapse.span, format!("lapses only below {least} parties")))
                .with_help(format!(
                    "let the agreement lapse below {needed} parties, or ask for at most {least} of `{}`",
                    of.id
                ));
            sink.push(metas, d);
        }
    };
    for b in &m.bodies {
        for (d, r) in requirements(b) {
            if let Requirement::AtLeast { count, of } = &r.value {
                check(
                    u64::from(*count),
                    of,
                    r.span,
                    format!("decision `{}.{}`", b.id.value, d.id.value),
                    &[&b.meta, &d.meta],
                );
            }
        }
    }
    if let Some(a) = &m.amendment {
        for r in a.requires.iter().flat_map(|c| c.any_of.iter()) {
            if let Requirement::AtLeast { count, of } = &r.value {
                check(u64::from(*count), of, r.span, "the amendment clause".to_string(), &[&a.meta]);
            }
        }
    }
}
