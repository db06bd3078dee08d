//! Helpers shared by the rules on bodies, groups and keys (language v2):
//! who holds a vote in a body, what a group's members carry in a key.

use crate::model::*;
use crate::values::Decimal;
use std::collections::{BTreeMap, BTreeSet};

/// "`a`, `b` and `c`".
pub fn id_list(m: &Model, parties: impl IntoIterator<Item = PartyId>) -> String {
    let names: Vec<String> =
        parties.into_iter().filter_map(|p| m.party(p)).map(|p| format!("`{}`", p.id.value)).collect();
    match names.as_slice() {
        [] => "none".to_string(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// The figures of a key by party (the first figure where a party is listed twice).
pub fn key_figures(k: &Key<Ref>) -> BTreeMap<PartyId, Decimal> {
    let mut out = BTreeMap::new();
    for s in &k.shares {
        if let Target::Party(p) = s.party.target {
            out.entry(p).or_insert(s.percent.value);
        }
    }
    out
}

/// The parties a reference stands for, as a set.
pub fn behind(m: &Model, r: &Ref) -> BTreeSet<PartyId> {
    m.parties_behind(r.target).into_iter().collect()
}

/// The parties of a group reference (empty for anything else).
pub fn group_of(m: &Model, r: &Ref) -> BTreeSet<PartyId> {
    match r.target {
        Target::Group(g) => m.group_parties(g).into_iter().collect(),
        _ => BTreeSet::new(),
    }
}

/// The decision rules of a body with the span of each requirement: the
/// named rules' requirements.
pub fn requirements(b: &Body<Ref>) -> impl Iterator<Item = (&Decision<Ref>, &Spanned<Requirement<Ref>>)> {
    b.decisions.iter().flat_map(|d| d.requires.iter().flat_map(move |c| c.any_of.iter().map(move |r| (d, r))))
}
