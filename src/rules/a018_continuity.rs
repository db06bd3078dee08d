//! A018 continuity: a body that continues a predecessor body names one that exists in the superseded agreement

use super::{Context, Sink};
use crate::diagnostic::{Label, Related};

pub fn check(ctx: &Context<'_>, sink: &mut Sink<'_>) {
    let m = ctx.model;
    for b in &m.bodies {
        let Some(cont) = &b.continues else { continue };
        match (&m.supersedes, ctx.predecessor) {
            (None, _) => {
                let d = sink
                    .finding(
                        format!("`{}` continues `{}`, but this agreement supersedes no other", b.id.value, cont.value),
                        Label::new(cont.span, "continues a body of which agreement?"),
                    )
                    .with_help("name the earlier agreement in the header: `supersedes \"earlier.pakt\"`");
                sink.push(&[&b.meta], d);
            }
            (Some(_), None) => {} // the missing predecessor is reported as R007
            (Some(sup), Some(pre)) => {
                if pre.bodies.iter().any(|pb| pb.id.value == cont.value) {
                    continue;
                }
                let near = pre
                    .bodies
                    .iter()
                    .filter_map(|pb| {
                        let max = (cont.value.len() / 3).clamp(1, 8);
                        let mut budget = 100_000;
                        crate::resolve::levenshtein_within(&cont.value, &pb.id.value, max, &mut budget).map(|d| (d, pb))
                    })
                    .min_by_key(|(dist, _)| *dist);
                let mut d = sink
                    .finding(
                        format!(
                            "`{}` continues `{}`, but `{}` has no body of that name",
                            b.id.value, cont.value, sup.value
                        ),
                        Label::new(cont.span, "no such body in the superseded agreement"),
                    )
                    .with_label(Label::new(sup.span, "the superseded agreement"));
                let known: Vec<String> = pre.bodies.iter().map(|pb| format!("`{}`", pb.id.value)).collect();
                d = match near {
                    Some((_, pb)) => d.with_help(format!("did you mean `{}`?", pb.id.value)),
                    None => d.with_help(format!(
                        "its bodies are: {}",
                        if known.is_empty() { "none".into() } else { known.join(", ") }
                    )),
                };
                if let (Some(path), Some((_, pb))) = (&ctx.predecessor_path, near) {
                    d = d.with_related(Related {
                        path: path.clone(),
                        span: pb.id.span,
                        message: format!("`{}` is defined here", pb.id.value),
                        position: None,
                    });
                }
                sink.push(&[&b.meta], d);
            }
        }
    }
}
