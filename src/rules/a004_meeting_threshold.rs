//! A004 meeting-threshold: a request threshold and a quorum lie between 1 and the number of seats

use super::{Context, Sink};
use crate::diagnostic::Label;
use crate::model::*;

pub fn check(ctx: &Context<'_>, sink: &mut Sink<'_>) {
    for b in &ctx.model.bodies {
        // Thresholds count members; advisory attendees are none.
        let seats = b.member_seats();
        if seats == 0 || b.has_variable_seats() {
            continue;
        }
        let check = |value: &Spanned<u32>, what: &str, sink: &mut Sink<'_>| {
            let v = u64::from(value.value);
            if v == 0 || v > seats {
                let d = sink
                    .finding(
                        format!(
                            "the {what} of `{}` is {v}, but it must lie between 1 and its {seats} seats",
                            b.id.value
                        ),
                        Label::new(value.span, format!("{what} {v}")),
                    )
                    .with_label(Label::new(b.id.span, format!("{seats} seats")))
                    .with_help(format!("a {what} counts members of the body: give a number from 1 to {seats}"));
                sink.push(&[&b.meta], d);
            }
        };
        if let Some(req) = b.meeting.as_ref().and_then(|m| m.on_request_of.as_ref()) {
            check(req, "request threshold", sink);
        }
        if let Some(q) = &b.quorum {
            check(q, "quorum", sink);
        }
    }
}
