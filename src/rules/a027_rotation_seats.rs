//! A027 rotation-seats: a chair that rotates among parties or groups that
//! hold no seat in the body.
//!
//! In: bodies with `chair rotating among …`. Out: a finding for each party,
//! actor or group in the rotation of which no one holds a seat (voting or
//! advisory) in the body.

use super::governance::{members_of, seated_members};
use super::{Context, Sink};
use crate::diagnostic::Label;

pub fn check(ctx: &Context<'_>, sink: &mut Sink<'_>) {
    let m = ctx.model;
    for b in &m.bodies {
        let Some(rotation) = &b.rotation else { continue };
        let seated = seated_members(m, b);
        for r in &rotation.among {
            if members_of(m, r.target).is_disjoint(&seated) {
                let f = sink
                    .finding(
                        format!("the chair of `{}` rotates to `{}`, which holds no seat in it", b.id.value, r.id),
                        Label::new(r.span, "no seat in this body"),
                    )
                    .with_label(Label::new(b.id.span, format!("`{}` has no seat here", r.id)))
                    .with_help(format!("give `{}` a seat in `{}`, or remove it from the rotation", r.id, b.id.value));
                sink.push(&[&b.meta], f);
            }
        }
    }
}
