//! A007 unanimity: a decision that needs the consent of all partners requires the consent of every party

use super::helpers::*;
use super::{Context, Sink};
use crate::diagnostic::Label;
use crate::model::*;
use std::collections::BTreeSet;

pub fn check(ctx: &Context<'_>, sink: &mut Sink<'_>) {
    let m = ctx.model;
    let everyone: BTreeSet<PartyId> = (0..m.parties.len()).map(|i| PartyId(i as u32)).collect();
    for p in &m.procedures {
        for step in &p.steps {
            if step.kind.as_ref().map(|k| k.value) != Some(StepKind::Decide) {
                continue;
            }
            let Some(Target::Body(bid)) = step.by.as_ref().map(|r| r.target) else { continue };
            let Some(body) = m.body(bid) else { continue };
            let Some(rule) = &body.decides else { continue };
            if !matches!(rule.value, DecisionRule::Consent | DecisionRule::Unanimity) {
                continue;
            }
            // Seated parties hold a veto in a body that decides by consent.
            let mut covered = PartySet::default();
            covered.some.extend(body.seats.iter().filter(|s| s.voting).filter_map(|s| m.seat_party(s)));
            for r in &step.consent_of {
                covered.add(m, r.target);
            }
            let missing = covered.missing(&everyone);
            if !missing.is_empty() {
                let d = sink
                    .finding(
                        format!(
                            "step `{}` decides by {} of `{}`, but {} neither sits in it nor consents",
                            step.id.value,
                            rule.value.name(),
                            body.id.value,
                            party_list(m, &missing)
                        ),
                        Label::new(step.id.span, "this decision needs the consent of all partners"),
                    )
                    .with_label(Label::new(rule.span, format!("the body decides by {}", rule.value.name())))
                    .with_help(format!(
                        "add `consent_of {}` to the step, or give each party a voting seat",
                        party_list(m, &missing).replace('`', "")
                    ));
                sink.push(&[&p.meta, &step.meta], d);
            }
        }
    }
}
