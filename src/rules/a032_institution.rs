//! A032 institution: an institution has owners, their shares add up to
//! 100 %, and its organs are bodies or offices of its own.

use super::{Context, Sink};
use crate::diagnostic::Label;
use crate::model::*;
use crate::values::Decimal;

pub fn check(ctx: &Context<'_>, sink: &mut Sink<'_>) {
    let m = ctx.model;
    for (ii, i) in m.institutions.iter().enumerate() {
        if i.owners.is_empty() && !i.meta.is_unknown("owner") {
            let d = sink
                .finding(format!("institution `{}` has no owner", i.id.value), Label::new(i.id.span, "who carries it?"))
                .with_help(
                    "name its owners (Träger) with `owner PARTY 50 %`, `owner GROUP by KEY` or `owner GROUP equal`",
                );
            sink.push(&[&i.meta], d);
        }
        let percents: Vec<u128> = i
            .owners
            .iter()
            .filter_map(|o| match &o.share {
                Some(OwnerShare::Percent { percent }) => Some(u128::from(percent.value.0)),
                _ => None,
            })
            .collect();
        if !percents.is_empty() && percents.len() == i.owners.len() {
            let sum: u128 = percents.iter().sum();
            if sum != u128::from(Decimal::from_whole(100).0) {
                let shown = u64::try_from(sum).map(Decimal).map_or_else(|_| "more than 100".into(), |d| d.to_string());
                let d = sink
                    .finding(
                        format!("the owners' shares of `{}` add up to {shown} %, not 100 %", i.id.value),
                        Label::new(i.id.span, format!("{shown} %")),
                    )
                    .with_help("make the shares add up to 100 %");
                sink.push(&[&i.meta], d);
            }
        }
        for o in &i.organs {
            // An office organ belongs to the institution itself.
            if let Target::Office(of) = o.organ.target {
                let own = m
                    .office(of)
                    .and_then(|x| x.of.as_ref())
                    .is_some_and(|r| r.target == Target::Institution(InstitutionId(ii as u32)));
                if !own {
                    let d = sink
                        .finding(
                            format!(
                                "organ `{}` of institution `{}` is an office of someone else",
                                o.organ.id, i.id.value
                            ),
                            Label::new(o.organ.span, "not an office of this institution"),
                        )
                        .with_help(format!("give the office `of {}`", i.id.value));
                    sink.push(&[&i.meta], d);
                }
            }
        }
    }
}
