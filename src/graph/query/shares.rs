//! A party's share of a financing, for `pakt obligations`.
//!
//! In: the model, one financing and one party. Out: one `ShareOwed` for each
//! `share` line that reaches the party (it names the party, a group the party
//! is in, or an actor that is part of it), with the party's part of the whole
//! and — where the financing states an amount — its amount. Everything is
//! exact: percentages in millionths, money in cents, products as integers;
//! a result that is not a whole cent is rounded half up and says so.

use crate::model::*;
use crate::values::{Decimal, Money};
use serde::Serialize;

/// 100 %, in millionths of a percent.
const HUNDRED: u128 = 100 * Decimal::SCALE as u128;
/// The whole as a product of two percentages: 100 % × 100 %.
const WHOLE: u128 = HUNDRED * HUNDRED;

/// One share of a financing that a party pays, or helps to pay.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ShareOwed {
    /// The payer as the share line names it: the party, a group it is in,
    /// or an actor that is part of it.
    pub payer: String,
    /// `percent`, `by_key` or `rest`.
    pub kind: &'static str,
    /// The stated percentage (kind `percent`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub percent: Option<Decimal>,
    /// What the fixed shares leave to split, in percent (kind `rest`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rest_percent: Option<Decimal>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// The party's figure in the key, in percent; absent when the key has none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key_figure: Option<Decimal>,
    /// Paid off the top, before the rest is split.
    pub before_split: bool,
    /// A group pays this share together and nothing splits it: `of_whole`
    /// and `amount` are the group's, the party's own part is not stated.
    pub jointly: bool,
    /// The party's (or, `jointly`, the group's) part of the whole, in percent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub of_whole: Option<Decimal>,
    /// Whether `of_whole` is exact rather than rounded to six decimals.
    pub of_whole_exact: bool,
    /// That part of the financing's amount, where it states one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amount: Option<OwedAmount>,
    /// That part of each yearly tranche.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tranches: Vec<OwedTranche>,
}

/// The part of one yearly tranche.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OwedTranche {
    pub year: i32,
    pub amount: OwedAmount,
}

/// An amount owed, bounded as the financing's amount is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OwedAmount {
    pub money: Money,
    /// `up_to`, `exactly` or `about`, as the financing states its amount.
    pub bound: &'static str,
    pub per_year: bool,
    /// The years the amount covers (`for 2027 to 2029`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub years: Option<(i32, i32)>,
    /// Whether the amount is exact rather than rounded to the cent.
    pub exact: bool,
}

/// The shares of `f` that `party` pays, in the order they are written.
pub fn shares_of(m: &Model, f: &Financing<Ref>, party: PartyId) -> Vec<ShareOwed> {
    let fixed: u128 = f
        .shares
        .iter()
        .filter_map(|s| match &s.kind {
            ShareKind::Percent { percent } => Some(u128::from(percent.value.0)),
            _ => None,
        })
        .sum();
    let rest = HUNDRED.saturating_sub(fixed);
    let mut out = Vec::new();
    for s in &f.shares {
        if !m.parties_behind(s.payer.target).contains(&party) {
            continue;
        }
        // A group of several pays together unless a key splits its part.
        let group_of_many = matches!(s.payer.target, Target::Group(g) if m.group_parties(g).len() > 1);
        let figure = |key: &Ref| match key.target {
            Target::Key(k) => m.key(k).and_then(|k| {
                k.shares.iter().find(|x| x.party.target == Target::Party(party)).map(|x| x.percent.value)
            }),
            _ => None,
        };
        let mut owed = ShareOwed {
            payer: s.payer.id.clone(),
            kind: "percent",
            percent: None,
            rest_percent: None,
            key: None,
            key_figure: None,
            before_split: s.before_split.is_some(),
            jointly: false,
            of_whole: None,
            of_whole_exact: true,
            amount: None,
            tranches: Vec::new(),
        };
        // The part of the whole, as a product of two percentages (of WHOLE).
        let part: Option<u128> = match &s.kind {
            ShareKind::Percent { percent } => {
                owed.percent = Some(percent.value);
                owed.jointly = group_of_many;
                u128::from(percent.value.0).checked_mul(HUNDRED)
            }
            ShareKind::ByKey { key } => {
                owed.kind = "by_key";
                owed.key = Some(key.id.clone());
                owed.key_figure = figure(key);
                owed.key_figure.and_then(|fig| u128::from(fig.0).checked_mul(HUNDRED))
            }
            ShareKind::Rest { key } => {
                owed.kind = "rest";
                owed.rest_percent = u64::try_from(rest).ok().map(Decimal);
                match key {
                    Some(key) => {
                        owed.key = Some(key.id.clone());
                        owed.key_figure = figure(key);
                        owed.key_figure.and_then(|fig| u128::from(fig.0).checked_mul(rest))
                    }
                    None => {
                        owed.jointly = group_of_many;
                        rest.checked_mul(HUNDRED)
                    }
                }
            }
        };
        if let Some(part) = part {
            let (percent, exact) = divide(part, HUNDRED);
            owed.of_whole = u64::try_from(percent).ok().map(Decimal);
            owed.of_whole_exact = exact;
            owed.amount = f.amount.as_ref().and_then(|a| part_of_amount(a, part));
            owed.tranches = f
                .tranches
                .iter()
                .filter_map(|t| Some(OwedTranche { year: t.year.value, amount: part_of_amount(&t.amount, part)? }))
                .collect();
        }
        out.push(owed);
    }
    out
}

/// The sum of several shares a party pays of one financing (a quota before
/// the split and a part of the rest), when every one of them is its own and
/// determined.
pub fn total(f: &Financing<Ref>, shares: &[ShareOwed]) -> Option<(Decimal, bool, Option<OwedAmount>)> {
    if shares.len() < 2 || shares.iter().any(|s| s.jointly || s.of_whole.is_none()) {
        return None;
    }
    // Recompute from the exact parts: summing rounded figures could be off.
    let mut part: u128 = 0;
    let mut exact = true;
    for s in shares {
        let p = s.of_whole?;
        exact &= s.of_whole_exact;
        part = part.checked_add(u128::from(p.0).checked_mul(HUNDRED)?)?;
    }
    let (percent, _) = divide(part, HUNDRED);
    let amount = f.amount.as_ref().and_then(|a| part_of_amount(a, part)).map(|mut a| {
        a.exact &= exact;
        a
    });
    Some((Decimal(u64::try_from(percent).ok()?), exact, amount))
}

fn part_of_amount(a: &Amount, part: u128) -> Option<OwedAmount> {
    let minor = u128::try_from(a.money.minor).ok()?;
    let (cents, exact) = divide(minor.checked_mul(part)?, WHOLE);
    Some(OwedAmount {
        money: Money::from_minor(&a.money.currency, i64::try_from(cents).ok()?),
        bound: a.bound.keyword(),
        per_year: a.per_year,
        years: a.years.as_ref().map(|y| y.value),
        exact,
    })
}

/// `n / d` rounded half up, and whether it was exact.
fn divide(n: u128, d: u128) -> (u128, bool) {
    if d == 0 {
        return (0, false);
    }
    let q = n / d;
    let r = n % d;
    if r.saturating_mul(2) >= d {
        (q.saturating_add(1), false)
    } else {
        (q, r == 0)
    }
}

/// "up to EUR 45 million for 2027 to 2029", "about EUR 1_234.57 per year
/// (rounded to the cent)".
pub fn amount_words(a: &OwedAmount) -> String {
    let bound = match a.bound {
        "up_to" => "up to ",
        "about" => "about ",
        _ => "",
    };
    let rounded = if a.exact { "" } else { " (rounded to the cent)" };
    let per_year = if a.per_year { " per year" } else { "" };
    let years = a.years.map(|(x, y)| format!(" for {x} to {y}")).unwrap_or_default();
    format!("{bound}{}{per_year}{years}{rounded}", a.money)
}

/// One share in words: "30.5 % by key `schluessel` of the rest (75 %) =
/// 22.875 % = up to EUR 41_175_000 for 2027 to 2029".
pub fn share_words(s: &ShareOwed, party: &str) -> String {
    let through = if s.payer == party { String::new() } else { format!("as part of `{}`: ", s.payer) };
    let figure = |key: &str| match s.key_figure {
        Some(fig) => format!("{fig} % by key `{key}`"),
        None => format!("by key `{key}`, which gives `{party}` no figure"),
    };
    let stated = match s.kind {
        "by_key" => figure(s.key.as_deref().unwrap_or_default()),
        "rest" => {
            let rest = s.rest_percent.map(|r| format!(" ({r} %)")).unwrap_or_default();
            match s.key.as_deref() {
                Some(key) => format!("{} of the rest{rest}", figure(key)),
                None => format!("the rest{rest}"),
            }
        }
        _ => s.percent.map(|p| format!("{p} %")).unwrap_or_default(),
    };
    let split = if s.before_split { " before the split" } else { "" };
    let jointly = if s.jointly {
        format!(", paid together by `{}` (the part of `{party}` is not stated)", s.payer)
    } else {
        String::new()
    };
    let mut out = format!("{through}{stated}{split}{jointly}");
    // A fixed percentage, or a key figure of the whole, is already the part of the whole.
    let stated_is_whole = s.kind == "percent" || (s.kind == "by_key" && s.of_whole == s.key_figure);
    if let Some(w) = s.of_whole.filter(|_| !stated_is_whole) {
        let rounded = if s.of_whole_exact { "" } else { " (rounded)" };
        out.push_str(&format!(" = {w} % of the whole{rounded}"));
    }
    if let Some(a) = &s.amount {
        out.push_str(&format!(" = {}", amount_words(a)));
    }
    out
}
