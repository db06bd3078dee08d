//! A016 successor-date: an agreement is dated after the agreement it supersedes or renews

use super::helpers::*;
use super::{Context, Sink};
use crate::diagnostic::{Label, Related};

pub fn check(ctx: &Context<'_>, sink: &mut Sink<'_>) {
    let m = ctx.model;
    let Some(date) = agreement_date(m) else { return };
    if let (Some(pre), Some(sup)) = (ctx.predecessor, &m.supersedes) {
        if let Some(pre_date) = agreement_date(pre) {
            if date.value <= pre_date.value {
                let mut d = sink
                    .finding(
                        format!(
                            "this agreement ({}) is not dated after the agreement it supersedes ({})",
                            date.value, pre_date.value
                        ),
                        Label::new(date.span, "dated here"),
                    )
                    .with_label(Label::new(sup.span, "supersedes this agreement"))
                    .with_help("a successor is made after its predecessor; check both dates");
                if let Some(path) = &ctx.predecessor_path {
                    d = d.with_related(Related {
                        path: path.clone(),
                        span: pre_date.span,
                        message: "the predecessor's date".into(),
                        position: None,
                    });
                }
                sink.push(&[], d);
            }
        }
    }
    if let Some(r) = &m.renews {
        if date.value <= r.date.value {
            let d = sink
                .finding(
                    format!(
                        "this agreement ({}) is not dated after the agreement it renews ({})",
                        date.value, r.date.value
                    ),
                    Label::new(r.date.span, "renews an agreement of this date"),
                )
                .with_label(Label::new(date.span, "dated here"))
                .with_help("check both dates");
            sink.push(&[], d);
        }
    }
}
