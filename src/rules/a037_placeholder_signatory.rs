//! A037 placeholder-signatory: a signatory written as a placeholder
//! ("N.N.", "unbekannt", "…").

use super::{Context, Sink};
use crate::diagnostic::Label;

const PLACEHOLDERS: &[&str] =
    &["n.n.", "nn", "n. n.", "unbekannt", "unknown", "xxx", "...", "…", "tbd", "name", "vorname name"];

pub fn check(ctx: &Context<'_>, sink: &mut Sink<'_>) {
    for s in &ctx.model.signatures {
        let Some(signatory) = &s.signatory else { continue };
        let t = signatory.value.trim().to_lowercase();
        if t.is_empty() || PLACEHOLDERS.contains(&t.as_str()) || t.chars().all(|c| !c.is_alphabetic()) {
            let f = sink
                .finding(
                    format!("`{}` names a placeholder, not a signatory: \"{}\"", s.id.value, signatory.value),
                    Label::new(signatory.span, "a placeholder"),
                )
                .with_help(
                    "name the person who signs, or write `unknown signatory \"…\"` if the source does not name them",
                );
            sink.push(&[&s.meta], f);
        }
    }
}
