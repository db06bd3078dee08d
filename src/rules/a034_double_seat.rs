//! A034 double-seat: one office holds two seats of one body, or one person
//! holds offices of both sides.

use super::{Context, Sink};
use crate::diagnostic::Label;
use crate::model::*;
use std::collections::BTreeMap;

pub fn check(ctx: &Context<'_>, sink: &mut Sink<'_>) {
    let m = ctx.model;
    for b in &m.bodies {
        let mut seen: BTreeMap<Target, &Seat<Ref>> = BTreeMap::new();
        // Seats of different offices with the same named holder: one person, two seats.
        let mut persons: BTreeMap<&str, &Seat<Ref>> = BTreeMap::new();
        for s in &b.seats {
            let Some(office) = &s.office else { continue };
            let holder = match office.target {
                Target::Office(o) => m.office(o).and_then(|o| o.holder.as_ref()),
                _ => None,
            };
            if let Some(holder) = holder.filter(|_| !seen.contains_key(&office.target)) {
                if let Some(first) = persons.get(holder.value.trim()) {
                    let f = sink
                        .finding(
                            format!(
                                "{} holds two seats of `{}`: `{}` and `{}`",
                                holder.value, b.id.value, first.id.value, s.id.value
                            ),
                            Label::new(office.span, format!("an office held by {}", holder.value)),
                        )
                        .with_label(Label::new(first.id.span, "the same person's first seat"))
                        .with_help("one person holds one seat; check the offices' holders");
                    sink.push(&[&b.meta, &s.meta], f);
                } else {
                    persons.insert(holder.value.trim(), s);
                }
            }
            if let Some(first) = seen.get(&office.target) {
                let f = sink
                    .finding(
                        format!(
                            "office `{}` holds two seats of `{}`: `{}` and `{}`",
                            office.id, b.id.value, first.id.value, s.id.value
                        ),
                        Label::new(office.span, "a second seat for the same office"),
                    )
                    .with_label(Label::new(first.id.span, "its first seat"))
                    .with_help("one office holds one seat; if two people of the office sit, use `count 2` on one seat");
                sink.push(&[&b.meta, &s.meta], f);
            } else {
                seen.insert(office.target, s);
            }
        }
    }
    // One person holding offices for parties of different sides.
    let mut holders: BTreeMap<&str, (&Office<Ref>, Side)> = BTreeMap::new();
    for o in &m.offices {
        let (Some(holder), Some(of)) = (&o.holder, &o.of) else { continue };
        let Some(side) = m
            .parties_behind(of.target)
            .first()
            .and_then(|p| m.party(*p))
            .and_then(|p| p.side.as_ref())
            .map(|s| s.value)
        else {
            continue;
        };
        match holders.get(holder.value.as_str()) {
            Some((first, first_side)) if *first_side != side => {
                let f = sink
                    .finding(
                        format!(
                            "`{}` holds offices of both the {} and the {} side: `{}` and `{}`",
                            holder.value,
                            first_side.name(),
                            side.name(),
                            first.id.value,
                            o.id.value
                        ),
                        Label::new(holder.span, format!("an office of the {} side", side.name())),
                    )
                    .with_label(Label::new(
                        first.holder.as_ref().map_or(first.id.span, |h| h.span),
                        format!("an office of the {} side", first_side.name()),
                    ))
                    .with_help("check the holders: one person cannot represent both sides of the agreement");
                sink.push(&[&o.meta], f);
            }
            Some(_) => {}
            None => {
                holders.insert(holder.value.as_str(), (o, side));
            }
        }
    }
}
