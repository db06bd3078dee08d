//! A029 indeterminate-shares: several payers owe an amount together and
//! nothing says who pays how much.
//!
//! In: financings with an amount (or tranches). Out: a warning when more
//! than one party (or actor in its own right) pays and there is no
//! `share`, no `cost_sharing` clause and no `unknown share`; and a warning
//! for a share of a group (a percentage, or a `rest` without a key) that
//! no key splits among the group's members. A financing without an amount
//! promises no sum that could be misread as each payer's.

use super::governance::{member_list, members_of};
use super::{Context, Sink};
use crate::diagnostic::Label;
use crate::model::*;
use std::collections::BTreeSet;

pub fn check(ctx: &Context<'_>, sink: &mut Sink<'_>) {
    let m = ctx.model;
    for f in &m.financings {
        if f.cost_sharing.is_some()
            || f.meta.is_unknown("share")
            || f.meta.is_unknown("shares")
            || (f.amount.is_none() && f.tranches.is_empty())
        {
            continue;
        }
        let what = f.amount.as_ref().map_or_else(
            || "its tranches".to_string(),
            |a| format!("{}{}", a.money, if a.per_year { " a year" } else { "" }),
        );
        if f.shares.is_empty() {
            let payers: BTreeSet<Target> = f.payer.iter().flat_map(|r| members_of(m, r.target)).collect();
            if payers.len() < 2 {
                continue;
            }
            let (Some(first), Some(last)) = (f.payer.first(), f.payer.last()) else { continue };
            let mut d = sink
                .finding(
                    format!(
                        "{} payers owe `{}` ({what}) together, but no share is stated: each could be held to the whole",
                        payers.len(),
                        f.id.value
                    ),
                    Label::new(first.span.to(last.span), "joint payers"),
                )
                .with_help(
                    "state who pays what with `share PAYER 25 %`, `share GROUP by KEY` or `share GROUP rest by KEY`; if the text leaves it open, say so with `cost_sharing \"…\"` or `unknown share \"…\"`",
                );
            if let Some(a) = &f.amount {
                d = d.with_label(Label::new(a.span, "the amount owed"));
            }
            sink.push(&[&f.meta], d);
            continue;
        }
        for s in &f.shares {
            let part = match &s.kind {
                ShareKind::Percent { percent } => format!("{} %", percent.value),
                ShareKind::Rest { key: None } => "the rest".to_string(),
                _ => continue,
            };
            let members = members_of(m, s.payer.target);
            if members.len() < 2 {
                continue;
            }
            let d = sink
                .finding(
                    format!(
                        "{} owe {part} of `{}` ({what}) together as `{}`, but no key splits it among them",
                        member_list(m, members.iter().copied()),
                        f.id.value,
                        s.payer.id
                    ),
                    Label::new(s.span, "a share of a group, not split"),
                )
                .with_help(format!(
                    "split it by a key (`share {} rest by KEY` or `share {} by KEY`), or give each member its own share",
                    s.payer.id, s.payer.id
                ));
            sink.push(&[&f.meta], d);
        }
    }
}
