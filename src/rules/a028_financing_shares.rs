//! A028 financing-shares: the shares of a financing add up to the whole,
//! name each payer once, and a share by key finds a figure for every payer
//! it splits among.
//!
//! In: financings with `share` lines. A percentage is of the whole; a
//! quota `before_split` comes off the top; `by KEY` splits the whole among
//! a group; `rest` takes what the percentages leave. Out: a finding for
//! percentages that do not add up (to 100 % without a `rest`, to less than
//! 100 % with one), a share `by KEY` next to other shares of the whole,
//! more than one `rest`, a payer who pays two shares, a payer without a
//! share or a share for someone who is no payer, and a key without a
//! figure for a payer it splits among.

use super::governance::{id_list, key_figures, member_list, members_of};
use super::{Context, Sink};
use crate::diagnostic::Label;
use crate::model::*;
use crate::values::Decimal;
use std::collections::{BTreeMap, BTreeSet};

/// What rounding a percentage to two decimals can miss, per share.
const ROUNDING_PER_SHARE: u128 = 5_000;

pub fn check(ctx: &Context<'_>, sink: &mut Sink<'_>) {
    let m = ctx.model;
    for f in &m.financings {
        if f.shares.is_empty() {
            continue;
        }
        twice(m, f, sink);
        sums(f, sink);
        payers(m, f, sink);
        keys(m, f, sink);
    }
}

/// A payer who pays two shares of the whole (a quota before the split may
/// come on top of a share of the rest).
fn twice(m: &Model, f: &Financing<Ref>, sink: &mut Sink<'_>) {
    let mut first: BTreeMap<Target, &Share<Ref>> = BTreeMap::new();
    for s in f.shares.iter().filter(|s| s.before_split.is_none()) {
        let members = members_of(m, s.payer.target);
        let again: Vec<(Target, &Share<Ref>)> =
            members.iter().filter_map(|t| first.get(t).map(|earlier| (*t, *earlier))).collect();
        if let Some((_, earlier)) = again.first() {
            let message = if earlier.payer.target == s.payer.target {
                format!("`{}` is given two shares of `{}`", s.payer.id, f.id.value)
            } else {
                format!(
                    "{} pay{} two shares of `{}`: one as `{}` and one as `{}`",
                    member_list(m, again.iter().map(|(t, _)| *t)),
                    if again.len() == 1 { "s" } else { "" },
                    f.id.value,
                    earlier.payer.id,
                    s.payer.id
                )
            };
            let d = sink
                .finding(message, Label::new(s.span, "again here"))
                .with_label(Label::new(earlier.span, "first here"))
                .with_help("give each payer one share; a quota paid before the split is marked `before_split`");
            sink.push(&[&f.meta], d);
        }
        for t in members {
            first.entry(t).or_insert(s);
        }
    }
}

fn shown(v: u128) -> String {
    u64::try_from(v).map(Decimal).map_or_else(|_| "more than can be shown".to_string(), |d| d.to_string())
}

/// The percentages against the whole, `by KEY` and `rest`.
fn sums(f: &Financing<Ref>, sink: &mut Sink<'_>) {
    let hundred = u128::from(Decimal::from_whole(100).0);
    let percents: Vec<u128> = f
        .shares
        .iter()
        .filter_map(|s| match &s.kind {
            ShareKind::Percent { percent } => Some(u128::from(percent.value.0)),
            _ => None,
        })
        .collect();
    let fixed: u128 = percents.iter().sum();
    let by_key: Vec<&Share<Ref>> =
        f.shares.iter().filter(|s| matches!(s.kind, ShareKind::ByKey { .. }) && s.before_split.is_none()).collect();
    let rests: Vec<&Share<Ref>> = f.shares.iter().filter(|s| matches!(s.kind, ShareKind::Rest { .. })).collect();
    if let Some(whole) = by_key.first() {
        // Quotas before the split come off the top; anything else competes for the whole.
        let others: Vec<&Share<Ref>> =
            f.shares.iter().filter(|s| s.before_split.is_none() && !std::ptr::eq(*s, *whole)).collect();
        if !others.is_empty() {
            let names: Vec<String> = others.iter().map(|s| format!("`{}`", s.payer.id)).collect();
            let key = match &whole.kind {
                ShareKind::ByKey { key } => key.id.as_str(),
                _ => "KEY",
            };
            let mut d = sink
                .finding(
                    format!(
                        "`{}` pays the whole of `{}` by key `{key}`, but {} pay{} a share of it too",
                        whole.payer.id,
                        f.id.value,
                        names.join(", "),
                        if others.len() == 1 { "s" } else { "" }
                    ),
                    Label::new(whole.span, "the whole, split by a key"),
                )
                .with_help(format!(
                    "if `{}` pays what the other shares leave, write `share {} rest by {key}`",
                    whole.payer.id, whole.payer.id
                ));
            for o in &others {
                d = d.with_label(Label::new(o.span, "another share of the whole"));
            }
            sink.push(&[&f.meta], d);
        }
    }
    if rests.len() > 1 {
        let mut d = sink
            .finding(
                format!("`{}` gives the rest to {} payers", f.id.value, rests.len()),
                Label::new(rests.get(1).map_or(f.id.span, |s| s.span), "another `rest`"),
            )
            .with_help("give the rest to one payer or group, split by a key");
        if let Some(first) = rests.first() {
            d = d.with_label(Label::new(first.span, "the first `rest`"));
        }
        sink.push(&[&f.meta], d);
    }
    let open = !by_key.is_empty() || !rests.is_empty();
    if open {
        if fixed >= hundred {
            let d = sink
                .finding(
                    format!(
                        "the percentages of `{}` take {} % and leave nothing for its share{} by key or rest",
                        f.id.value,
                        shown(fixed),
                        if by_key.len() + rests.len() == 1 { "" } else { "s" }
                    ),
                    Label::new(f.id.span, format!("{} % in percentages", shown(fixed))),
                )
                .with_help("lower the percentages below 100 %");
            sink.push(&[&f.meta], d);
        }
    } else {
        let tolerance = ROUNDING_PER_SHARE * percents.len() as u128;
        if fixed.abs_diff(hundred) > tolerance {
            let d = sink
                .finding(
                    format!("the shares of `{}` add up to {} %, not 100 %", f.id.value, shown(fixed)),
                    Label::new(f.id.span, format!("{} % in shares", shown(fixed))),
                )
                .with_help("make the shares add up to 100 %, or let one payer pay the rest with `share PAYER rest`");
            sink.push(&[&f.meta], d);
        }
    }
}

/// Every payer has a share, and every share is a payer's.
fn payers(m: &Model, f: &Financing<Ref>, sink: &mut Sink<'_>) {
    if f.payer.is_empty() {
        return;
    }
    let paying: BTreeSet<Target> = f.payer.iter().flat_map(|r| members_of(m, r.target)).collect();
    let sharing: BTreeSet<Target> = f.shares.iter().flat_map(|s| members_of(m, s.payer.target)).collect();
    let without: Vec<Target> = paying.difference(&sharing).copied().collect();
    if let Some(first) = f.payer.first() {
        if !without.is_empty() {
            let d = sink
                .finding(
                    format!(
                        "{} pay{} `{}` but {} no share",
                        member_list(m, without.iter().copied()),
                        if without.len() == 1 { "s" } else { "" },
                        f.id.value,
                        if without.len() == 1 { "has" } else { "have" }
                    ),
                    Label::new(first.span, "the payers"),
                )
                .with_help("give every payer a share, or remove the payer");
            sink.push(&[&f.meta], d);
        }
    }
    for s in &f.shares {
        if members_of(m, s.payer.target).is_disjoint(&paying) {
            let d = sink
                .finding(
                    format!("`{}` is given a share of `{}` but is not among its payers", s.payer.id, f.id.value),
                    Label::new(s.payer.span, "not a payer"),
                )
                .with_help(format!("add `{}` to `payer`, or remove the share", s.payer.id));
            sink.push(&[&f.meta], d);
        }
    }
}

/// A key finds a figure for every party it splits among.
fn keys(m: &Model, f: &Financing<Ref>, sink: &mut Sink<'_>) {
    for s in &f.shares {
        let key = match &s.kind {
            ShareKind::ByKey { key } | ShareKind::Rest { key: Some(key) } => key,
            _ => continue,
        };
        let Target::Key(k) = key.target else { continue };
        let Some(k) = m.key(k) else { continue };
        let figures = key_figures(k);
        let missing: Vec<PartyId> =
            m.parties_behind(s.payer.target).into_iter().filter(|p| !figures.contains_key(p)).collect();
        if !missing.is_empty() {
            let d = sink
                .finding(
                    format!(
                        "key `{}` has no figure for {}, who pay{} a share of `{}` by it",
                        k.id.value,
                        id_list(m, missing.iter().copied()),
                        if missing.len() == 1 { "s" } else { "" },
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
