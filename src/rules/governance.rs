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

/// Who a reference stands for, member by member: the parties behind it,
/// and where no party stands behind an element (an actor that is part of no
/// party, an institution, a body) the element itself, so that an actor or
/// an institution that holds a seat in its own right is still seen.
pub fn members_of(m: &Model, target: Target) -> BTreeSet<Target> {
    let mut out = BTreeSet::new();
    match target {
        Target::Group(g) => {
            out.extend(m.group_parties(g).into_iter().map(Target::Party));
            if let Some(group) = m.group(g) {
                for r in group.members.iter().filter(|r| matches!(r.target, Target::Actor(_))) {
                    out.extend(members_of(m, r.target));
                }
            }
        }
        Target::Actor(a) => {
            out.insert(m.actor_party(a).map_or(target, Target::Party));
        }
        Target::Office(o) => match m.office(o).and_then(|x| x.of.as_ref()).map(|r| r.target) {
            Some(Target::Party(p)) => {
                out.insert(Target::Party(p));
            }
            Some(Target::Actor(a)) => {
                out.insert(m.actor_party(a).map_or(Target::Actor(a), Target::Party));
            }
            Some(other @ Target::Institution(_)) => {
                out.insert(other);
            }
            _ => {
                out.insert(target);
            }
        },
        Target::Seat(s) => {
            if let Some(seat) = m.seat(s) {
                out.extend(seat_members(m, seat));
            }
        }
        Target::AllParties | Target::Party(_) => out.extend(m.parties_of(target).into_iter().map(Target::Party)),
        other => {
            out.insert(other);
        }
    }
    out
}

/// Who holds a seat: each member of its `each` group, else its party (or
/// actor, institution), else its office's holder. A seat given only a side
/// stands for no one in particular.
pub fn seat_members(m: &Model, seat: &Seat<Ref>) -> BTreeSet<Target> {
    if let Some(each) = &seat.each {
        return members_of(m, each.target);
    }
    if let Some(p) = &seat.party {
        return members_of(m, p.target);
    }
    if let Some(o) = &seat.office {
        return members_of(m, o.target);
    }
    BTreeSet::new()
}

/// Everyone who holds a voting seat in a body (advisory attendees are no members).
pub fn voting_members(m: &Model, b: &Body<Ref>) -> BTreeSet<Target> {
    b.seats.iter().filter(|s| s.voting).flat_map(|s| seat_members(m, s)).collect()
}

/// Everyone who holds any seat in a body, voting or advisory.
pub fn seated_members(m: &Model, b: &Body<Ref>) -> BTreeSet<Target> {
    b.seats.iter().flat_map(|s| seat_members(m, s)).collect()
}

/// The side a member belongs to, if it states one.
pub fn member_side(m: &Model, member: Target) -> Option<Side> {
    match member {
        Target::Party(p) => m.party(p).and_then(|p| p.side.as_ref()).map(|s| s.value),
        Target::Actor(a) => m.actors.get(a.index()).and_then(|a| a.side.as_ref()).map(|s| s.value),
        _ => None,
    }
}

/// `x`, `y` and `z` for members of any kind.
pub fn member_list(m: &Model, members: impl IntoIterator<Item = Target>) -> String {
    let names: Vec<String> = members.into_iter().map(|t| format!("`{}`", m.target_id(t))).collect();
    match names.as_slice() {
        [] => "none".to_string(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}
