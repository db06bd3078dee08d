//! A029 indeterminate-shares: several payers owe an amount together and
//! nothing says who pays how much.

use super::{Context, Sink};
use crate::diagnostic::Label;
use crate::model::*;

pub fn check(ctx: &Context<'_>, sink: &mut Sink<'_>) {
    let m = ctx.model;
    for f in &m.financings {
        if !f.shares.is_empty() || f.cost_sharing.is_some() || f.meta.is_unknown("share") {
            continue;
        }
        let payers: std::collections::BTreeSet<PartyId> =
            f.payer.iter().flat_map(|r| m.parties_behind(r.target)).collect();
        if payers.len() < 2 {
            continue;
        }
        let Some(first) = f.payer.first() else { continue };
        let what = f.amount.as_ref().map_or(String::from("its costs"), |a| a.money.to_string());
        let d = sink
            .finding(
                format!("{} parties pay `{}` ({what}) together, but no share is stated", payers.len(), f.id.value),
                Label::new(first.span, "joint payers"),
            )
            .with_help(
                "state who pays what with `share PAYER 25 %`, `share GROUP by KEY` or `share GROUP rest by KEY`",
            );
        sink.push(&[&f.meta], d);
    }
}
