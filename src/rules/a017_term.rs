//! A017 term: the agreement has a term or a termination clause

use super::{Context, Sink};
use crate::diagnostic::Label;

pub fn check(ctx: &Context<'_>, sink: &mut Sink<'_>) {
    let m = ctx.model;
    // Statutes and rules of procedure have no term; an unknown term is not demanded.
    if m.term.is_none() && m.document.is_signed() && !m.meta.is_unknown("term") {
        let d = sink
            .finding(
                format!("agreement `{}` states no term and no termination", m.id.value),
                Label::new(m.id.span, "no `term` block"),
            )
            .with_help("add `term { from YYYY-MM-DD until YYYY-MM-DD }` or `term { until_revoked notice 6 months }`");
        sink.push(&[], d);
    }
}
