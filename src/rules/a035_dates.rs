//! A035 dates: a term that ends before it starts, `until` with
//! `until_revoked`, an empty term, and deadlines or tranches dated before
//! the agreement is signed or after it ends.

use super::{Context, Sink};
use crate::diagnostic::Label;

pub fn check(ctx: &Context<'_>, sink: &mut Sink<'_>) {
    let m = ctx.model;
    let signed = super::helpers::agreement_date(m);
    let start = m.term.as_ref().and_then(|t| t.from.as_ref()).or(signed);
    let end = m.term.as_ref().and_then(|t| t.until.as_ref());
    if let Some(t) = &m.term {
        if let (Some(from), Some(until)) = (&t.from, &t.until) {
            if until.value < from.value {
                let f = sink
                    .finding(
                        format!("the term ends on {} before it starts on {}", until.value, from.value),
                        Label::new(until.span, "the end"),
                    )
                    .with_label(Label::new(from.span, "the start"))
                    .with_help("swap the dates, or correct the year");
                sink.push(&[&t.meta], f);
            }
        }
        if let (Some(until), Some(revoked)) = (&t.until, t.until_revoked) {
            let f = sink
                .finding(
                    format!("the term both ends on {} and runs until revoked", until.value),
                    Label::new(revoked, "until revoked"),
                )
                .with_label(Label::new(until.span, "a fixed end"))
                .with_help("keep one: a fixed end (`until`) or an open term that ends on demand (`until_revoked`)");
            sink.push(&[&t.meta], f);
        }
        let empty = t.from.is_none()
            && t.until.is_none()
            && t.until_revoked.is_none()
            && t.notice_months.is_none()
            && t.in_writing.is_none()
            && t.in_force.is_none()
            && t.lapses_below.is_none()
            && t.withdrawal.is_none()
            && t.meta.unknowns.is_empty();
        if empty {
            let f = sink
                .finding("the term states nothing", Label::new(t.span, "an empty `term { }`"))
                .with_help("state the start, the end or how it ends (`until_revoked`, `notice 6 months`), or write `unknown term \"…\"` in the header");
            sink.push(&[&t.meta], f);
        }
    }
    let bounds = match (start, end) {
        (Some(s), Some(e)) => format!("{} to {}", s.value, e.value),
        (Some(s), None) => format!("from {}", s.value),
        (None, Some(e)) => format!("until {}", e.value),
        (None, None) => return,
    };
    for o in &m.obligations {
        let Some(d) = &o.deadline else { continue };
        let early = start.is_some_and(|s| d.value < s.value);
        let late = end.is_some_and(|e| d.value > e.value);
        if early || late {
            let f = sink
                .finding(
                    format!(
                        "the deadline of `{}`, {}, lies outside the agreement's time ({bounds})",
                        o.id.value, d.value
                    ),
                    Label::new(d.span, if early { "before the agreement starts" } else { "after the agreement ends" }),
                )
                .with_help("correct the deadline, or the term");
            sink.push(&[&o.meta], f);
        }
    }
    // Tranches before the signing year when the term states no start
    // (A008 checks them against a stated term).
    if m.term.as_ref().and_then(|t| t.from.as_ref()).is_none() {
        if let Some(signed) = signed {
            for f in &m.financings {
                for t in &f.tranches {
                    if t.year.value < signed.value.year {
                        let d = sink
                            .finding(
                                format!(
                                    "the {} tranche of `{}` lies before the agreement is signed ({})",
                                    t.year.value, f.id.value, signed.value
                                ),
                                Label::new(t.year.span, "before the signing"),
                            )
                            .with_label(Label::new(signed.span, "signed here"))
                            .with_help("move the tranche to the signing year or later");
                        sink.push(&[&f.meta], d);
                    }
                }
            }
        }
    }
}
