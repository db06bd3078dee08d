//! A027 rotation-seats: a chair that rotates among parties or groups that
//! hold no seat in the body.

use super::governance::behind;
use super::{Context, Sink};
use crate::diagnostic::Label;

pub fn check(ctx: &Context<'_>, sink: &mut Sink<'_>) {
    let m = ctx.model;
    for b in &m.bodies {
        let Some(rotation) = &b.rotation else { continue };
        let seated = m.seated_parties(b);
        for r in &rotation.among {
            let parties = behind(m, r);
            if !parties.iter().any(|p| seated.contains(p)) {
                let f = sink
                    .finding(
                        format!("the chair of `{}` rotates to `{}`, which holds no seat in it", b.id.value, r.id),
                        Label::new(r.span, "no seat in this body"),
                    )
                    .with_label(Label::new(rotation.span, "the rotation"))
                    .with_help(format!("give `{}` a seat in `{}`, or remove it from the rotation", r.id, b.id.value));
                sink.push(&[&b.meta], f);
            }
        }
    }
}
