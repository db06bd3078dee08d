//! A014 signatures: every party has a signatory who signs for it

use super::{Context, Sink};
use crate::diagnostic::Label;
use crate::model::*;
use std::collections::BTreeSet;

pub fn check(ctx: &Context<'_>, sink: &mut Sink<'_>) {
    let m = ctx.model;
    // Nobody signs a statute or rules of procedure.
    if !m.document.is_signed() {
        return;
    }
    let signing: BTreeSet<Target> = m.signatures.iter().filter_map(|s| s.party.as_ref().map(|r| r.target)).collect();
    for (i, p) in m.parties.iter().enumerate() {
        if !signing.contains(&Target::Party(PartyId(i as u32)))
            && !p.meta.is_unknown("signature")
            && !m.meta.is_unknown("signature")
        {
            let d = sink
                .finding(
                    format!("party `{}` does not sign the agreement", p.id.value),
                    Label::new(p.id.span, "no `signature` names this party"),
                )
                .with_help(format!(
                    "add `signature sig_{0} {{ party {0} signatory \"…\" date YYYY-MM-DD }}`",
                    p.id.value
                ));
            sink.push(&[&p.meta], d);
        }
    }
    for s in &m.signatures {
        if s.signatory.is_none() && !s.meta.is_unknown("signatory") {
            let d = sink
                .finding(format!("signature `{}` names no signatory", s.id.value), Label::new(s.id.span, "who signs?"))
                .with_help(
                    "add `signatory \"Name\"` (mark it as an assumption if the source does not name the person)",
                );
            sink.push(&[&s.meta], d);
        }
        if s.party.is_none() {
            let d = sink
                .finding(format!("signature `{}` names no party", s.id.value), Label::new(s.id.span, "for whom?"))
                .with_help("add `party ID`");
            sink.push(&[&s.meta], d);
        }
    }
}
