//! A002 seat-count: a stated number of seats matches the seats listed

use super::{Context, Sink};
use crate::diagnostic::Label;

pub fn check(ctx: &Context<'_>, sink: &mut Sink<'_>) {
    for b in &ctx.model.bodies {
        let Some(declared) = &b.declared_seats else { continue };
        // Advisory attendees are not members; a variable number cannot be counted.
        if b.has_variable_seats() {
            continue;
        }
        let listed = b.member_seats();
        if listed != u64::from(declared.value) {
            let d = sink
                .finding(
                    format!("`{}` states {} seats but lists {listed}", b.id.value, declared.value),
                    Label::new(declared.span, format!("{} seats stated here", declared.value)),
                )
                .with_label(Label::new(b.id.span, format!("{listed} member seats listed in this body")))
                .with_help(
                    "list every seat (a seat with `count N` stands for N members), or correct the stated number",
                );
            sink.push(&[&b.meta], d);
        }
    }
}
