//! A026 key-figures: a distribution key's figures add up to 100 % within
//! its rounding, cover every member of the group it weights, name each
//! party once, and cite a source (or are marked as an example).

use super::governance::{group_of, id_list};
use super::{Context, Sink};
use crate::diagnostic::Label;
use crate::model::*;
use crate::values::Decimal;
use std::collections::BTreeMap;

/// 0.01 percentage points: what rounding to two decimals can miss.
const DEFAULT_TOLERANCE: Decimal = Decimal(10_000);

pub fn check(ctx: &Context<'_>, sink: &mut Sink<'_>) {
    let m = ctx.model;
    for k in &m.keys {
        if k.source.is_none() && k.example.is_none() {
            let f = sink
                .finding(
                    format!("key `{}` gives figures without a source", k.id.value),
                    Label::new(k.id.span, "where do these figures come from?"),
                )
                .with_help(
                    "add `source \"…\"` (e.g. the Bundesanzeiger issue), or mark invented figures with `example`",
                );
            sink.push(&[&k.meta], f);
        }
        let mut seen: BTreeMap<Target, &KeyShare<Ref>> = BTreeMap::new();
        for s in &k.shares {
            if let Some(first) = seen.get(&s.party.target) {
                let f = sink
                    .finding(
                        format!("key `{}` gives `{}` twice", k.id.value, s.party.id),
                        Label::new(s.span, "again here"),
                    )
                    .with_label(Label::new(first.span, "first here"))
                    .with_help("give each party one figure");
                sink.push(&[&k.meta], f);
            } else {
                seen.insert(s.party.target, s);
            }
        }
        if k.shares.is_empty() {
            continue;
        }
        let sum: u128 = k.shares.iter().map(|s| u128::from(s.percent.value.0)).sum();
        let tolerance = u128::from(k.tolerance.as_ref().map_or(DEFAULT_TOLERANCE, |t| t.value).0);
        let hundred = u128::from(Decimal::from_whole(100).0);
        if sum.abs_diff(hundred) > tolerance {
            let shown = u64::try_from(sum)
                .map(Decimal)
                .map_or_else(|_| "more than can be shown".to_string(), |d| d.to_string());
            let tol = u64::try_from(tolerance).map(Decimal).map(|d| d.to_string()).unwrap_or_default();
            let f = sink
                .finding(
                    format!("the figures of key `{}` add up to {shown} %, not 100 % (± {tol})", k.id.value),
                    Label::new(k.id.span, format!("{shown} % in all")),
                )
                .with_help("correct the figures, or state the rounding with `tolerance`");
            sink.push(&[&k.meta], f);
        }
        if let Some(of) = &k.of {
            let group = group_of(m, of);
            let missing: Vec<PartyId> = group
                .iter()
                .copied()
                .filter(|p| !k.shares.iter().any(|s| s.party.target == Target::Party(*p)))
                .collect();
            if !missing.is_empty() {
                let f = sink
                    .finding(
                        format!(
                            "key `{}` weights `{}` but gives no figure for {}",
                            k.id.value,
                            of.id,
                            id_list(m, missing)
                        ),
                        Label::new(of.span, "the group it weights"),
                    )
                    .with_label(Label::new(k.id.span, "the key"))
                    .with_help("give a figure for every member of the group");
                sink.push(&[&k.meta], f);
            }
            for s in &k.shares {
                if let Target::Party(p) = s.party.target {
                    if !group.contains(&p) {
                        let f = sink
                            .finding(
                                format!(
                                    "key `{}` gives a figure for `{}`, which is not in `{}`",
                                    k.id.value, s.party.id, of.id
                                ),
                                Label::new(s.party.span, "not a member of the group"),
                            )
                            .with_label(Label::new(of.span, "the group it weights"))
                            .with_help("remove the figure, or add the party to the group");
                        sink.push(&[&k.meta], f);
                    }
                }
            }
        }
    }
}
