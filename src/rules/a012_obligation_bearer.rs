//! A012 obligation-bearer: every obligation names who bears it

use super::{Context, Sink};
use crate::diagnostic::Label;

pub fn check(ctx: &Context<'_>, sink: &mut Sink<'_>) {
    for o in &ctx.model.obligations {
        if o.bearer.is_empty() {
            let d = sink
                .finding(
                    format!("obligation `{}` names no bearer", o.id.value),
                    Label::new(o.id.span, "who owes this?"),
                )
                .with_help("add `bearer PARTY` (or a body, office or `all`)");
            sink.push(&[&o.meta], d);
        }
    }
}
