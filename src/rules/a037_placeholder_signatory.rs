//! A037 placeholder-signatory: a signatory written as a placeholder
//! ("N.N.", "unbekannt", "…").

use super::{Context, Sink};
use crate::diagnostic::Label;

/// Placeholders as compared: lower case, without dots and spaces, so that
/// "N.N.", "N. N." and "NN" are one.
const PLACEHOLDERS: &[&str] = &["nn", "unbekannt", "unknown", "xxx", "tbd", "name", "vornamename", "namevorname"];

pub fn check(ctx: &Context<'_>, sink: &mut Sink<'_>) {
    for s in &ctx.model.signatures {
        let Some(signatory) = &s.signatory else { continue };
        let t: String = signatory.value.to_lowercase().chars().filter(|c| !matches!(c, '.' | ' ' | '\u{a0}')).collect();
        if PLACEHOLDERS.contains(&t.as_str()) || t.chars().all(|c| !c.is_alphabetic()) {
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
