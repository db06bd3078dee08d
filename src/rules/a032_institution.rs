//! A032 institution: an institution has owners, each named once, whose
//! shares add up to 100 %, and its office organs are offices of its own.
//!
//! In: the `institution` blocks. Out: a finding for an institution without
//! an owner (unless its owners are marked `unknown owner`), an owner listed
//! twice, percentages that do not add up to 100 % (or leave nothing for
//! owners without a percentage), and an organ that is an office held for
//! someone else. An organ that names no defined body or office is a
//! reference error (R), reported before the rules run.

use super::{Context, Sink};
use crate::diagnostic::Label;
use crate::model::*;
use crate::values::Decimal;
use std::collections::BTreeMap;

/// What rounding a percentage to two decimals can miss, per owner.
const ROUNDING_PER_OWNER: u128 = 5_000;

pub fn check(ctx: &Context<'_>, sink: &mut Sink<'_>) {
    let m = ctx.model;
    for (ii, i) in m.institutions.iter().enumerate() {
        if i.owners.is_empty() && !i.meta.is_unknown("owner") && !i.meta.is_unknown("owners") {
            let d = sink
                .finding(format!("institution `{}` has no owner", i.id.value), Label::new(i.id.span, "who carries it?"))
                .with_help(
                    "name its owners (Träger) with `owner PARTY 50 %`, `owner GROUP by KEY` or `owner GROUP equal`",
                );
            sink.push(&[&i.meta], d);
        }
        let mut seen: BTreeMap<Target, &Owner<Ref>> = BTreeMap::new();
        for o in &i.owners {
            if let Some(first) = seen.get(&o.owner.target) {
                let d = sink
                    .finding(
                        format!("institution `{}` lists `{}` as owner twice", i.id.value, o.owner.id),
                        Label::new(o.span, "again here"),
                    )
                    .with_label(Label::new(first.span, "first here"))
                    .with_help("name each owner once, with its whole share");
                sink.push(&[&i.meta], d);
            } else {
                seen.insert(o.owner.target, o);
            }
        }
        shares(i, sink);
        for o in &i.organs {
            // An office organ belongs to the institution itself.
            let Target::Office(of) = o.organ.target else { continue };
            let holder = m.office(of).and_then(|x| x.of.as_ref());
            if holder.is_some_and(|r| r.target == Target::Institution(InstitutionId(ii as u32))) {
                continue;
            }
            let message = match holder {
                Some(h) => format!(
                    "organ `{}` of institution `{}` is an office of `{}`, not of the institution",
                    o.organ.id, i.id.value, h.id
                ),
                None => format!(
                    "organ `{}` of institution `{}` is an office that names no one it is held for",
                    o.organ.id, i.id.value
                ),
            };
            let d = sink
                .finding(message, Label::new(o.organ.span, "not an office of this institution"))
                .with_help(format!("give the office `of {}`", i.id.value));
            sink.push(&[&i.meta], d);
        }
    }
}

/// The owners' percentages: 100 % when every owner has one, less than
/// 100 % when some owners' shares follow otherwise (by key, equal, unstated).
fn shares(i: &Institution<Ref>, sink: &mut Sink<'_>) {
    let percents: Vec<u128> = i
        .owners
        .iter()
        .filter_map(|o| match &o.share {
            Some(OwnerShare::Percent { percent }) => Some(u128::from(percent.value.0)),
            _ => None,
        })
        .collect();
    if percents.is_empty() {
        return;
    }
    let sum: u128 = percents.iter().sum();
    let hundred = u128::from(Decimal::from_whole(100).0);
    let shown = u64::try_from(sum).map(Decimal).map_or_else(|_| "more than 100".into(), |d| d.to_string());
    let others = i.owners.len() - percents.len();
    let (bad, message, help, label) = if others == 0 {
        (
            sum.abs_diff(hundred) > ROUNDING_PER_OWNER * percents.len() as u128,
            format!("the owners' shares of `{}` add up to {shown} %, not 100 %", i.id.value),
            "make the shares add up to 100 %",
            format!("{shown} % in all"),
        )
    } else {
        (
            sum >= hundred,
            format!(
                "the owners' percentages of `{}` take {shown} % and leave nothing for its {others} other owner{}",
                i.id.value,
                if others == 1 { "" } else { "s" }
            ),
            "lower the percentages below 100 %, or give every owner a percentage",
            format!("{shown} % in percentages"),
        )
    };
    if bad {
        let d = sink.finding(message, Label::new(i.id.span, label)).with_help(help);
        sink.push(&[&i.meta], d);
    }
}
