//! A036 signature-consistency: a signatory signs under an office of the
//! party they sign for, is the office's holder where one is named, and
//! signs near the others.

use super::{Context, Sink};
use crate::diagnostic::Label;
use crate::model::*;

/// Days from 0000-03-01, for distances between dates.
fn days(d: crate::values::Date) -> i64 {
    let (y, m) = if d.month <= 2 {
        (i64::from(d.year) - 1, i64::from(d.month) + 9)
    } else {
        (i64::from(d.year), i64::from(d.month) - 3)
    };
    365 * y + y / 4 - y / 100 + y / 400 + (153 * m + 2) / 5 + i64::from(d.day)
}

pub fn check(ctx: &Context<'_>, sink: &mut Sink<'_>) {
    let m = ctx.model;
    for s in &m.signatures {
        if let (Some(office), Some(party)) = (&s.office, &s.party) {
            let of = m.parties_behind(office.target);
            if let Target::Party(p) = party.target {
                if !of.is_empty() && !of.contains(&p) {
                    let f = sink
                        .finding(
                            format!(
                                "`{}` signs for `{}` under office `{}`, which is held for another party",
                                s.id.value, party.id, office.id
                            ),
                            Label::new(office.span, "an office of another party"),
                        )
                        .with_label(Label::new(party.span, "signs for this party"))
                        .with_help("name an office of the party that signs, or the party the office belongs to");
                    sink.push(&[&s.meta], f);
                }
            }
            if let (Target::Office(o), Some(signatory)) = (office.target, &s.signatory) {
                if let Some(holder) = m.office(o).and_then(|o| o.holder.as_ref()) {
                    if !holder.value.contains(signatory.value.trim()) && !signatory.value.contains(holder.value.trim())
                    {
                        let f = sink
                            .finding(
                                format!(
                                    "`{}` is signed by {}, but the office `{}` is held by {}",
                                    s.id.value, signatory.value, office.id, holder.value
                                ),
                                Label::new(signatory.span, "the signatory"),
                            )
                            .with_label(Label::new(holder.span, "the office's holder"))
                            .with_help(
                                "correct the signatory or the holder, or note who signed on the holder's behalf",
                            );
                        sink.push(&[&s.meta], f);
                    }
                }
            }
        }
    }
    // A signature dated long after the first.
    let Some(first) = m.signatures.iter().filter_map(|s| s.date.as_ref()).min_by_key(|d| d.value) else { return };
    for s in &m.signatures {
        let Some(d) = &s.date else { continue };
        let gap = days(d.value) - days(first.value);
        if gap > 365 {
            let f = sink
                .finding(
                    format!(
                        "`{}` is dated {}, {gap} days after the first signature on {}",
                        s.id.value, d.value, first.value
                    ),
                    Label::new(d.span, "more than a year later"),
                )
                .with_label(Label::new(first.span, "the first signature"))
                .with_help("check the year; a party that joins later accedes by its own act");
            sink.push(&[&s.meta], f);
        }
    }
}
