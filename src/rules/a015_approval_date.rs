//! A015 approval-date: approvals are dated no later than the signature

use super::{Context, Sink};
use crate::diagnostic::Label;
use crate::model::*;
use std::collections::{BTreeMap, BTreeSet};

pub fn check(ctx: &Context<'_>, sink: &mut Sink<'_>) {
    let m = ctx.model;
    // Each signing party's dated signatures, and the first signature of all.
    let mut own: BTreeMap<PartyId, Vec<&Spanned<crate::values::Date>>> = BTreeMap::new();
    for sig in &m.signatures {
        if let Some(Target::Party(p)) = sig.party.as_ref().map(|r| r.target) {
            own.entry(p).or_default().extend(sig.date.as_ref());
        }
    }
    let first = m.signatures.iter().filter_map(|s| s.date.as_ref()).min_by_key(|d| d.value);
    for a in &m.approvals {
        let Some(date) = &a.date else { continue };
        let parties: BTreeSet<PartyId> = a.by.iter().flat_map(|r| m.parties_of(r.target)).collect();
        let signs: Vec<&Vec<&Spanned<crate::values::Date>>> = parties.iter().filter_map(|p| own.get(p)).collect();
        // The approver's own signature if it signs; else the first signature.
        let sig_date =
            if signs.is_empty() { first } else { signs.iter().flat_map(|v| v.iter().copied()).min_by_key(|d| d.value) };
        let Some(sig_date) = sig_date else { continue };
        if date.value > sig_date.value {
            let d = sink
                .finding(
                    format!(
                        "approval `{}` is dated {}, after the signature of {}",
                        a.id.value, date.value, sig_date.value
                    ),
                    Label::new(date.span, "approved after signing"),
                )
                .with_label(Label::new(sig_date.span, "signed here"))
                .with_help("an approval is given before signing; check both dates");
            sink.push(&[&a.meta], d);
        }
    }
}
