//! A033 placeholder: texts that still hold a `FILL IN` placeholder, as
//! `pakt init` writes them into a new agreement.
//!
//! In: the model. Out: one finding per placeholder text, worded as the
//! instruction it carries ("fill in: the official title …").

use super::{all_metas, Context, Sink};
use crate::diagnostic::Label;
use crate::model::{Condition, Meta, Spanned};

/// The marker that makes a text a placeholder (any case).
pub const MARKER: &str = "FILL IN";

pub fn placeholder(ctx: &Context<'_>, sink: &mut Sink<'_>) {
    let m = ctx.model;
    let mut texts: Vec<(&Spanned<String>, &Meta)> = Vec::new();
    let header = &m.meta;
    for t in [&m.title, &m.land, &m.place].into_iter().flatten() {
        texts.push((t, header));
    }
    for g in &m.goals {
        texts.push((&g.text, &g.meta));
    }
    for p in &m.parties {
        texts.push((&p.name, &p.meta));
        texts.extend(p.represented_by.iter().map(|t| (t, &p.meta)));
    }
    for o in &m.offices {
        texts.push((&o.name, &o.meta));
        texts.extend(o.holder.iter().map(|t| (t, &o.meta)));
    }
    for a in &m.actors {
        texts.push((&a.name, &a.meta));
    }
    for b in &m.bodies {
        texts.push((&b.name, &b.meta));
        texts.extend(b.legal_basis.iter().chain(&b.recommendation_to).map(|t| (t, &b.meta)));
        for s in &b.seats {
            texts.extend(s.label.iter().map(|t| (t, &s.meta)));
        }
    }
    for o in &m.obligations {
        texts.extend(o.action.iter().map(|t| (t, &o.meta)));
    }
    for s in &m.services {
        texts.push((&s.name, &s.meta));
    }
    for p in &m.projects {
        texts.push((&p.name, &p.meta));
    }
    for f in &m.financings {
        texts.push((&f.name, &f.meta));
        texts.extend(f.legal_basis.iter().chain(&f.cost_sharing).map(|t| (t, &f.meta)));
    }
    for p in &m.procedures {
        texts.push((&p.name, &p.meta));
        for s in &p.steps {
            texts.extend(s.label.iter().map(|t| (t, &s.meta)));
        }
    }
    for a in &m.approvals {
        texts.push((&a.name, &a.meta));
    }
    for s in &m.signatures {
        texts.extend(s.signatory.iter().chain(&s.place).map(|t| (t, &s.meta)));
    }
    for meta in all_metas(m) {
        let own = meta.section.iter().chain(&meta.wording).chain(&meta.assumptions).chain(&meta.notes);
        texts.extend(own.map(|t| (t, meta)));
    }
    let mut found: Vec<(&Spanned<String>, &Meta)> =
        texts.into_iter().filter(|(t, _)| is_placeholder(&t.value)).collect();
    // Conditions are spanned `Condition`s, not texts.
    let conditions = m
        .obligations
        .iter()
        .flat_map(|o| o.conditions.iter().map(move |c| (c, &o.meta)))
        .chain(m.services.iter().flat_map(|s| s.conditions.iter().map(move |c| (c, &s.meta))))
        .chain(m.projects.iter().flat_map(|p| p.conditions.iter().map(move |c| (c, &p.meta))))
        .chain(m.financings.iter().flat_map(|f| f.conditions.iter().map(move |c| (c, &f.meta))));
    let condition_texts: Vec<(Spanned<String>, &Meta)> = conditions
        .filter_map(|(c, meta)| match &c.value {
            Condition::Text(t) if is_placeholder(t) => Some((Spanned::new(t.clone(), c.span), meta)),
            _ => None,
        })
        .collect();
    found.extend(condition_texts.iter().map(|(t, meta)| (t, *meta)));
    found.sort_by_key(|(t, _)| t.span.start);
    for (text, meta) in found {
        let d = sink
            .finding(format!("fill in: {}", instruction(&text.value)), Label::new(text.span, "a placeholder"))
            .with_help(
                "replace the placeholder with the agreement's own text (or delete the line if it does not apply)",
            );
        sink.push(&[meta], d);
    }
}

fn is_placeholder(text: &str) -> bool {
    marker_at(text).is_some() || (!text.is_ascii() && unicode_marker(text))
}

/// The marker spelt with letters whose capitals are ASCII letters of it
/// (`ﬁ`, `ı`; not `ß`, whose capitals `SS` are not in it): rare, so only
/// a text with such a letter is upper-cased.
fn unicode_marker(text: &str) -> bool {
    text.chars().any(|c| !c.is_ascii() && c.to_uppercase().any(|u| u.is_ascii_alphabetic() && MARKER.contains(u)))
        && text.to_uppercase().contains(MARKER)
}

/// Where the marker starts, in any letter case (without copying the text:
/// this runs on every text of the file).
fn marker_at(text: &str) -> Option<usize> {
    let (bytes, marker) = (text.as_bytes(), MARKER.as_bytes());
    // Only where the marker's first letter stands, in either case.
    let first = marker.first().copied().unwrap_or(b'F');
    memchr::memchr2_iter(first.to_ascii_uppercase(), first.to_ascii_lowercase(), bytes)
        .find(|&at| bytes.get(at..at + marker.len()).is_some_and(|w| w.eq_ignore_ascii_case(marker)))
}

/// The words after the marker, or "this text" when nothing follows.
fn instruction(text: &str) -> String {
    let after = marker_at(text)
        .and_then(|at| text.get(at + MARKER.len()..))
        .map(|rest| rest.trim_start_matches([':', ' ', '-', '–']).trim())
        .filter(|rest| !rest.is_empty());
    after.unwrap_or("this text").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_marker_is_found_in_any_case_after_any_text() {
        assert!(is_placeholder("FILL IN: the name"));
        assert!(is_placeholder("fill in"));
        assert!(is_placeholder("Die Straße – Fill In the street"));
        assert!(!is_placeholder("filling in"));
        assert!(!is_placeholder("fill"));
        // The words after the marker, even after a character whose capital
        // is longer (`ß` → `SS` moved them by one before).
        assert_eq!(instruction("Straße FILL IN: the street"), "the street");
        assert_eq!(instruction("fill in – name of the Land"), "name of the Land");
        assert_eq!(instruction("FILL IN"), "this text");
        // Letters whose capitals spell the marker count, as they did.
        assert!(is_placeholder("ﬁll in the name"));
        assert!(is_placeholder("fıll ın"));
        assert!(!is_placeholder("Straße und Gemeinde"));
    }
}
