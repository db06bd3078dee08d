//! A040 side-kind: a party whose side contradicts its kind (a municipal
//! association on the state side).

use super::{Context, Sink};
use crate::diagnostic::Label;
use crate::model::Side;

/// The side a kind of party belongs to, where the kind says so.
fn side_of_kind(kind: &str) -> Option<Side> {
    let k = kind.to_lowercase();
    let municipal =
        ["kommunal", "gemeinde", "landkreis", "kreis", "staedtetag", "städtetag", "zweckverband", "stadt", "municipal"];
    let federal = ["bund", "federal"];
    let state = ["land", "landesregierung", "ministerium", "staatskanzlei", "freistaat", "state"];
    if municipal.iter().any(|w| k.contains(w)) {
        Some(Side::Municipal)
    } else if federal.iter().any(|w| k.starts_with(w)) {
        Some(Side::Federal)
    } else if state.iter().any(|w| k.starts_with(w)) {
        Some(Side::State)
    } else {
        None
    }
}

pub fn check(ctx: &Context<'_>, sink: &mut Sink<'_>) {
    for p in &ctx.model.parties {
        let (Some(kind), Some(side)) = (&p.kind, &p.side) else { continue };
        let Some(expected) = side_of_kind(&kind.value) else { continue };
        if expected != side.value {
            let d = sink
                .finding(
                    format!("party `{}` is of kind `{}` but on the {} side", p.id.value, kind.value, side.value.name()),
                    Label::new(side.span, format!("the {} side", side.value.name())),
                )
                .with_label(Label::new(kind.span, format!("a kind of the {} side", expected.name())))
                .with_help(format!("give it `side {}`, or correct its kind", expected.name()));
            sink.push(&[&p.meta], d);
        }
    }
}
