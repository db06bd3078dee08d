//! A038 self-payment: a payer who is also the sole recipient of the same
//! money.

use super::{Context, Sink};
use crate::diagnostic::Label;
use std::collections::BTreeSet;

pub fn check(ctx: &Context<'_>, sink: &mut Sink<'_>) {
    let m = ctx.model;
    for f in &m.financings {
        let recipients: BTreeSet<_> = f.recipient.iter().map(|r| r.target).collect();
        let [only] = f.recipient.as_slice() else { continue };
        if recipients.len() != 1 {
            continue;
        }
        if let Some(p) = f.payer.iter().find(|p| p.target == only.target) {
            let d = sink
                .finding(
                    format!("`{}` pays `{}` and is its only recipient", p.id, f.id.value),
                    Label::new(only.span, "the only recipient"),
                )
                .with_label(Label::new(p.span, "is also a payer"))
                .with_help("name who receives the money, or who else pays");
            sink.push(&[&f.meta], d);
        }
    }
}
