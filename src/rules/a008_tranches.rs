//! A008 tranches: yearly tranches are positive, unique per year, in one currency, inside the term, and add up to the ceiling

use super::{Context, Sink};
use crate::diagnostic::Label;
use crate::model::*;
use crate::span::Span;
use crate::values::Money;
use std::collections::BTreeMap;

pub fn check(ctx: &Context<'_>, sink: &mut Sink<'_>) {
    let m = ctx.model;
    let term_years =
        m.term.as_ref().map(|t| (t.from.as_ref().map(|d| d.value.year), t.until.as_ref().map(|d| d.value.year)));
    for f in &m.financings {
        let mut seen: BTreeMap<i32, Span> = BTreeMap::new();
        let currency = f.amount.as_ref().or(f.tranches.first().map(|t| &t.amount)).map(|a| a.money.currency.clone());
        let mut sum: i64 = 0;
        let mut overflow = false;
        for t in &f.tranches {
            if let Some(first) = seen.get(&t.year.value) {
                let d = sink
                    .finding(
                        format!("`{}` has two tranches for {}", f.id.value, t.year.value),
                        Label::new(t.year.span, "second tranche for this year"),
                    )
                    .with_label(Label::new(*first, "first tranche for this year"))
                    .with_help("merge the two tranches into one, or correct the year");
                sink.push(&[&f.meta], d);
            } else {
                seen.insert(t.year.value, t.year.span);
            }
            if t.amount.money.minor <= 0 {
                let d = sink
                    .finding(
                        format!("the {} tranche of `{}` is not positive", t.year.value, f.id.value),
                        Label::new(t.amount.span, "zero or less"),
                    )
                    .with_help("remove the tranche, or give its amount");
                sink.push(&[&f.meta], d);
            }
            if let Some(c) = &currency {
                if &t.amount.money.currency != c {
                    let d = sink
                        .finding(
                            format!(
                                "the {} tranche of `{}` is in {}, the financing in {c}",
                                t.year.value, f.id.value, t.amount.money.currency
                            ),
                            Label::new(t.amount.span, "another currency"),
                        )
                        .with_help("state all amounts of one financing in one currency");
                    sink.push(&[&f.meta], d);
                    continue;
                }
            }
            match sum.checked_add(t.amount.money.minor) {
                Some(s) => sum = s,
                None => overflow = true,
            }
            if let Some((from, until)) = term_years {
                let before = from.is_some_and(|y| t.year.value < y);
                let after = until.is_some_and(|y| t.year.value > y);
                if before || after {
                    let mut d = sink
                        .finding(
                            format!(
                                "the {} tranche of `{}` lies outside the term ({})",
                                t.year.value,
                                f.id.value,
                                match (from, until) {
                                    (Some(a), Some(b)) => format!("{a}–{b}"),
                                    (Some(a), None) => format!("{a}–"),
                                    (None, Some(b)) => format!("–{b}"),
                                    (None, None) => String::new(),
                                }
                            ),
                            Label::new(
                                t.year.span,
                                if before { "before the term begins" } else { "after the term ends" },
                            ),
                        )
                        .with_help("move the tranche into the term, or extend the term");
                    if let Some(term) = &m.term {
                        d = d.with_label(Label::new(term.span, "the term"));
                    }
                    sink.push(&[&f.meta], d);
                }
            }
        }
        if overflow {
            // Money is exact in cents up to i64::MAX; a sum beyond cannot be
            // compared with any ceiling, and is surely a typo.
            let cur = currency.clone().unwrap_or_default();
            let mut d = sink
                .finding(
                    format!(
                        "the tranches of `{}` add up to more than {}, the most pakt counts exactly",
                        f.id.value,
                        Money::from_minor(&cur, i64::MAX)
                    ),
                    Label::new(
                        f.amount.as_ref().map_or(f.id.span, |a| a.span),
                        "cannot be checked against the tranches",
                    ),
                )
                .with_help("correct the tranches: no agreement commits amounts this large");
            for t in &f.tranches {
                d = d.with_label(Label::new(t.amount.span, format!("{}", t.year.value)));
            }
            sink.push(&[&f.meta], d);
            continue;
        }
        let (Some(amount), false) = (&f.amount, f.tranches.is_empty()) else { continue };
        if amount.money.currency != currency.clone().unwrap_or_default() {
            continue;
        }
        let total = Money::from_minor(&amount.money.currency, sum);
        let bad = match amount.bound {
            Bound::UpTo => sum > amount.money.minor,
            Bound::Exactly => sum != amount.money.minor,
            // An approximate amount is no ceiling to hold tranches to.
            Bound::About => false,
        };
        if bad {
            let (what, help) = match amount.bound {
                Bound::UpTo => {
                    ("exceed the ceiling of", "lower the tranches, or raise the ceiling if the text says so")
                }
                Bound::Exactly | Bound::About => {
                    ("do not add up to the exact sum of", "make the tranches add up to the sum")
                }
            };
            let mut d = sink
                .finding(
                    format!("the tranches of `{}` add up to {total} and {what} {}", f.id.value, amount.money),
                    Label::new(amount.span, "the stated amount"),
                )
                .with_help(help);
            for t in &f.tranches {
                d = d.with_label(Label::new(t.amount.span, format!("{}", t.year.value)));
            }
            sink.push(&[&f.meta], d);
        }
    }
}
