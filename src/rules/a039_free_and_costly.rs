//! A039 free-and-costly: a duty, service or project that is both free of
//! charge and costly.

use super::{Context, Sink};
use crate::diagnostic::Label;
use crate::model::Meta;
use crate::span::Span;

pub fn check(ctx: &Context<'_>, sink: &mut Sink<'_>) {
    let m = ctx.model;
    let items = m
        .obligations
        .iter()
        .map(|o| (&o.id.value, o.free_of_charge, o.costly, &o.meta))
        .chain(m.services.iter().map(|s| (&s.id.value, s.free_of_charge, s.costly, &s.meta)))
        .chain(m.projects.iter().map(|p| (&p.id.value, p.free_of_charge, p.costly, &p.meta)));
    for (id, free, costly, meta) in items {
        let (Some(free), Some(costly)) = (free, costly) else { continue };
        report(sink, id, free, costly, meta);
    }
}

fn report(sink: &mut Sink<'_>, id: &str, free: Span, costly: Span, meta: &Meta) {
    let d = sink
        .finding(format!("`{id}` is both free of charge and costly"), Label::new(free, "free of charge"))
        .with_label(Label::new(costly, "costly"))
        .with_help("keep `free_of_charge` if the beneficiary pays nothing (the cost falls on the provider, `costly`, only in the provider's own clause)");
    sink.push(&[meta], d);
}
