//! A041 decide-without-rule: a decide step taken by a body that states no
//! decision rule at all.

use super::{Context, Sink};
use crate::diagnostic::Label;
use crate::model::*;

pub fn check(ctx: &Context<'_>, sink: &mut Sink<'_>) {
    let m = ctx.model;
    for p in &m.procedures {
        for s in &p.steps {
            if !s.kind.as_ref().is_some_and(|k| k.value == StepKind::Decide) {
                continue;
            }
            let Some(by) = &s.by else { continue };
            let Target::Body(b) = by.target else { continue };
            let Some(body) = m.body(b) else { continue };
            if body.decides.is_none()
                && body.decisions.is_empty()
                && s.under.is_none()
                && !body.meta.is_unknown("decides")
            {
                let d = sink
                    .finding(
                        format!("step `{}.{}` is a decision of `{}`, which states no decision rule", p.id.value, s.id.value, body.id.value),
                        Label::new(by.span, "decides here"),
                    )
                    .with_label(Label::new(body.id.span, "no `decides` or `decision` in this body"))
                    .with_help("state how the body decides (`decides by consent`, or a `decision` block), or `unknown decides \"…\"` if the source does not say");
                sink.push(&[&s.meta, &body.meta], d);
            }
        }
    }
}
