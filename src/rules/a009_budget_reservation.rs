//! A009 budget-reservation: money a public party pays, or a costly duty it bears, is subject to a budget reservation

use super::helpers::*;
use super::{Context, Sink};
use crate::diagnostic::Label;
use crate::model::*;
use crate::span::Span;

pub fn check(ctx: &Context<'_>, sink: &mut Sink<'_>) {
    let m = ctx.model;
    let public = |refs: &mut dyn Iterator<Item = &Ref>| {
        let mut any = false;
        for r in refs {
            any |= match r.target {
                Target::AllParties => !m.parties.is_empty(),
                t => !parties_behind(m, t).is_empty(),
            };
        }
        any
    };
    let help = "public money is promised subject to the budget (Haushaltsvorbehalt): add `condition budget_reservation`, or `allow budget-reservation \"reason\"`";
    for f in &m.financings {
        if public(&mut f.payer.iter()) && !f.has_budget_reservation() && f.amount.is_some() {
            let d = sink
                .finding(
                    format!("`{}` commits a party's money without a budget reservation", f.id.value),
                    Label::new(f.id.span, "no `condition budget_reservation`"),
                )
                .with_help(help);
            sink.push(&[&f.meta], d);
        }
    }
    let reserved = |cs: &[Spanned<Condition>]| cs.iter().any(|c| c.value == Condition::BudgetReservation);
    let mut costly: Vec<(&str, &Spanned<String>, Span, &Meta)> = Vec::new();
    for o in &m.obligations {
        if let Some(c) = o.costly {
            if public(&mut o.bearer.iter()) && !reserved(&o.conditions) {
                costly.push(("obligation", &o.id, c, &o.meta));
            }
        }
    }
    for s in &m.services {
        if let Some(c) = s.costly {
            if public(&mut s.provider.iter()) && !reserved(&s.conditions) {
                costly.push(("service", &s.id, c, &s.meta));
            }
        }
    }
    for p in &m.projects {
        if let Some(c) = p.costly {
            if public(&mut p.partners.iter()) && !reserved(&p.conditions) {
                costly.push(("project", &p.id, c, &p.meta));
            }
        }
    }
    for (what, id, costly_span, meta) in costly {
        let d = sink
            .finding(
                format!("costly {what} `{}` of a party has no budget reservation", id.value),
                Label::new(id.span, "no `condition budget_reservation`"),
            )
            .with_label(Label::new(costly_span, "it costs money"))
            .with_help(help);
        sink.push(&[meta], d);
    }
}
