//! A028 financing-shares: the shares of a financing add up to the whole,
//! name each payer once, and a share by key finds a figure for every payer
//! it splits among.

use super::governance::{behind, id_list, key_figures};
use super::{Context, Sink};
use crate::diagnostic::Label;
use crate::model::*;
use crate::values::Decimal;
use std::collections::BTreeMap;

pub fn check(ctx: &Context<'_>, sink: &mut Sink<'_>) {
    let m = ctx.model;
    for f in &m.financings {
        if f.shares.is_empty() {
            continue;
        }
        let mut seen: BTreeMap<Target, &Share<Ref>> = BTreeMap::new();
        for s in &f.shares {
            if let Some(first) = seen.get(&s.payer.target) {
                let d = sink
                    .finding(format!("`{}` is given two shares of `{}`", s.payer.id, f.id.value), Label::new(s.span, "again here"))
                    .with_label(Label::new(first.span, "first here"))
                    .with_help("give each payer one share (a quota before the split and a share of the rest are two payers' matter)");
                sink.push(&[&f.meta], d);
            } else {
                seen.insert(s.payer.target, s);
            }
        }
        let fixed: u128 = f
            .shares
            .iter()
            .filter_map(|s| match &s.kind {
                ShareKind::Percent { percent } => Some(u128::from(percent.value.0)),
                _ => None,
            })
            .sum();
        let hundred = u128::from(Decimal::from_whole(100).0);
        let open_ended = f.shares.iter().any(|s| !matches!(s.kind, ShareKind::Percent { .. }));
        let shown = u64::try_from(fixed).map(Decimal).map_or_else(|_| "more than 100".to_string(), |d| d.to_string());
        let bad = if open_ended { fixed > hundred || (fixed == hundred) } else { fixed != hundred };
        if bad {
            let (what, help) = if open_ended {
                (
                    format!("the fixed shares of `{}` take {shown} % and leave nothing to split", f.id.value),
                    "lower the fixed shares below 100 %",
                )
            } else {
                (
                    format!("the shares of `{}` add up to {shown} %, not 100 %", f.id.value),
                    "make the shares add up to 100 %, or give the rest to a payer with `rest`",
                )
            };
            let d = sink.finding(what, Label::new(f.id.span, format!("{shown} % in fixed shares"))).with_help(help);
            sink.push(&[&f.meta], d);
        }
        let rests = f.shares.iter().filter(|s| matches!(s.kind, ShareKind::Rest { .. })).count();
        if rests > 1 {
            let d = sink
                .finding(
                    format!("`{}` gives the rest to {rests} payers", f.id.value),
                    Label::new(f.id.span, "more than one `rest`"),
                )
                .with_help("give the rest to one payer or group, split by a key");
            sink.push(&[&f.meta], d);
        }
        for s in &f.shares {
            let key = match &s.kind {
                ShareKind::ByKey { key } | ShareKind::Rest { key: Some(key) } => key,
                _ => continue,
            };
            let Target::Key(k) = key.target else { continue };
            let Some(k) = m.key(k) else { continue };
            let figures = key_figures(k);
            let missing: Vec<PartyId> = behind(m, &s.payer).into_iter().filter(|p| !figures.contains_key(p)).collect();
            if !missing.is_empty() {
                let d = sink
                    .finding(
                        format!(
                            "key `{}` has no figure for {}, who pay a share of `{}` by it",
                            k.id.value,
                            id_list(m, missing),
                            f.id.value
                        ),
                        Label::new(key.span, "split by this key"),
                    )
                    .with_label(Label::new(k.id.span, "the key"))
                    .with_help("give the key a figure for every payer it splits among");
                sink.push(&[&f.meta, &k.meta], d);
            }
        }
    }
}
