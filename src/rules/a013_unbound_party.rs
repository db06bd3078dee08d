//! A013 unbound-party: every party is bound by something or sits somewhere

use super::helpers::*;
use super::{Context, Sink};
use crate::diagnostic::Label;
use crate::model::*;

pub fn check(ctx: &Context<'_>, sink: &mut Sink<'_>) {
    let m = ctx.model;
    let mut bound = PartySet::default();
    for b in &m.bodies {
        bound.some.extend(m.seated_parties(b));
        for r in &b.binding {
            bound.add(m, r.target);
        }
    }
    let refs = m
        .obligations
        .iter()
        .flat_map(|o| o.bearer.iter())
        .chain(m.financings.iter().flat_map(|f| f.payer.iter()))
        .chain(m.services.iter().flat_map(|s| s.provider.iter()))
        .chain(m.projects.iter().flat_map(|p| p.partners.iter()))
        // Money received binds too: the recipient is a party to its terms.
        .chain(m.financings.iter().flat_map(|f| f.recipient.iter()))
        .chain(m.financings.iter().flat_map(|f| f.shares.iter().map(|s| &s.payer)))
        .chain(m.institutions.iter().flat_map(|i| i.owners.iter().map(|o| &o.owner)))
        .chain(m.ratifications.iter().flat_map(|r| r.by.iter()))
        .chain(m.bodies.iter().flat_map(|b| b.seats.iter().filter_map(|s| s.each.as_ref())));
    for r in refs {
        match r.target {
            Target::AllParties => bound.all = true,
            t if !bound.all => bound.some.extend(parties_behind(m, t)),
            _ => {}
        }
    }
    for (i, p) in m.parties.iter().enumerate() {
        if !bound.contains(PartyId(i as u32)) {
            let d = sink
                .finding(
                    format!("party `{}` owes nothing and sits nowhere", p.id.value),
                    Label::new(p.id.span, "not bound by anything in this agreement"),
                )
                .with_help(
                    "give the party a seat, make it bearer of an obligation or payer of a financing, or remove it",
                );
            sink.push(&[&p.meta], d);
        }
    }
}
