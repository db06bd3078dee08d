//! A025 group-members: a group lists a member twice, has no member, or
//! lists a member of another side than the one it states.
//!
//! In: the `group` blocks. Out: a finding for each of these mistakes;
//! a member that is not defined is a reference error (R), not this rule's.

use super::governance::member_side;
use super::{Context, Sink};
use crate::diagnostic::Label;
use crate::model::*;
use std::collections::BTreeMap;

pub fn check(ctx: &Context<'_>, sink: &mut Sink<'_>) {
    let m = ctx.model;
    for (gi, g) in m.groups.iter().enumerate() {
        let mut seen: BTreeMap<Target, &Ref> = BTreeMap::new();
        for r in &g.members {
            if let Some(first) = seen.get(&r.target) {
                let f = sink
                    .finding(
                        format!("group `{}` lists `{}` twice", g.id.value, r.id),
                        Label::new(r.span, "listed again here"),
                    )
                    .with_label(Label::new(first.span, "first listed here"))
                    .with_help("list each member once");
                sink.push(&[&g.meta], f);
            } else {
                seen.insert(r.target, r);
            }
            if let Some(side) = &g.side {
                let own = member_side(m, r.target);
                let kind = r.target.kind_name();
                if own.is_some_and(|own| own != side.value) {
                    let f = sink
                        .finding(
                            format!(
                                "group `{}` is of the {} side but lists `{}`, {} of the {} side",
                                g.id.value,
                                side.value.name(),
                                r.id,
                                if kind == "actor" { "an actor" } else { "a party" },
                                own.map_or("", |s| s.name())
                            ),
                            Label::new(r.span, "of another side"),
                        )
                        .with_label(Label::new(side.span, "the group's side"))
                        .with_help("remove the member, or the group's `side`");
                    sink.push(&[&g.meta], f);
                }
            }
        }
        if m.group_parties(GroupId(gi as u32)).is_empty() && g.members.is_empty() {
            let what =
                g.side.as_ref().map_or("no member".to_string(), |s| format!("no party of the {} side", s.value.name()));
            let f = sink
                .finding(format!("group `{}` has {what}", g.id.value), Label::new(g.id.span, "an empty group"))
                .with_help("give a party the group's side, or list the members with `members`");
            sink.push(&[&g.meta], f);
        }
    }
}
