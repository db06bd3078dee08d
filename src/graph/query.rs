//! Queries on a resolved agreement: what a party owes (directly, as one of
//! all parties, as a member of its groups, through actors that are part of
//! it, through its offices and through its seats in bodies) with its share
//! of every financing it pays, and who sits in a body and chairs it (`who`).
//!
//! In: a resolved model and a party (or body). Out: a list of `Duty`s (or a
//! `Membership`) and their text form; the JSON is their serialisation.

mod shares;
mod who;

pub use shares::{OwedAmount, OwedTranche, ShareOwed};
pub use who::{who, who_text, ChairRotation, DecisionRuleWords, MeetingRule, Member, Membership};

use crate::model::*;
use serde::Serialize;
use std::fmt::Write as _;

/// How a party comes to owe something.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Via {
    Directly,
    /// The element names `all` parties.
    AllParties,
    /// Through a group the party is a member of.
    Group {
        group: String,
    },
    /// Through an actor that is part of the party (a ministry of a Land).
    Actor {
        actor: String,
    },
    /// Through an office held on the party's behalf.
    Office {
        office: String,
    },
    /// Through a seat in a body that bears the duty or takes the step.
    Seat {
        body: String,
        seat: String,
    },
}

impl Via {
    pub fn describe(&self) -> String {
        match self {
            Via::Directly => "directly".to_string(),
            Via::AllParties => "as one of all parties".to_string(),
            Via::Group { group } => format!("as a member of `{group}`"),
            Via::Actor { actor } => format!("through `{actor}`, part of it"),
            Via::Office { office } => format!("through office `{office}`"),
            Via::Seat { body, seat } => format!("through seat `{seat}` in `{body}`"),
        }
    }
}

/// One thing a party must, shall, may, examines or recommends to do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Duty {
    /// `obligation`, `task`, `service`, `financing`, `chair` or `step`.
    pub element: &'static str,
    pub id: String,
    /// must, shall, may, examines, recommends; `provides`, `pays`,
    /// `chairs`, `chairs in turn`, `takes`, `consents to` for the other elements.
    pub modality: String,
    pub text: String,
    pub via: Via,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub beneficiaries: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub conditions: Vec<String>,
    pub free_of_charge: bool,
    pub costly: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub frequency: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deadline: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    /// For a financing with `share` lines: the shares the party pays.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub shares: Vec<ShareOwed>,
}

fn conditions(cs: &[Spanned<Condition>]) -> Vec<String> {
    cs.iter()
        .map(|c| match &c.value {
            Condition::BudgetReservation => "budget reservation".to_string(),
            Condition::Text(t) => t.clone(),
        })
        .collect()
}

fn names(m: &Model, refs: &[Ref]) -> Vec<String> {
    refs.iter().map(|r| m.target_id(r.target)).collect()
}

/// The ways `party` is reached by a reference to `target`, if any.
fn reach(m: &Model, party: PartyId, target: Target) -> Vec<Via> {
    match target {
        Target::Party(p) if p == party => vec![Via::Directly],
        Target::AllParties => vec![Via::AllParties],
        Target::Group(g) if m.group_parties(g).contains(&party) => {
            vec![Via::Group { group: m.target_id(target) }]
        }
        Target::Actor(a) if m.actor_party(a) == Some(party) => vec![Via::Actor { actor: m.target_id(target) }],
        Target::Office(o) if m.parties_of(target).contains(&party) => {
            vec![Via::Office { office: m.offices.get(o.index()).map(|x| x.id.value.clone()).unwrap_or_default() }]
        }
        Target::Seat(s) if m.parties_of(target).contains(&party) => seat_via(m, s).into_iter().collect(),
        Target::Body(b) => m
            .body(b)
            .map(|body| {
                body.seats
                    .iter()
                    .enumerate()
                    .filter(|(_, s)| m.seat_parties(s).contains(&party))
                    .filter_map(|(i, _)| seat_via(m, SeatId { body: b, seat: i as u32 }))
                    .collect()
            })
            .unwrap_or_default(),
        _ => Vec::new(),
    }
}

fn seat_via(m: &Model, s: SeatId) -> Option<Via> {
    let body = m.body(s.body)?;
    let seat = m.seat(s)?;
    Some(Via::Seat { body: body.id.value.clone(), seat: seat.id.value.clone() })
}

fn first_reach(m: &Model, party: PartyId, refs: &[Ref]) -> Option<Via> {
    refs.iter().flat_map(|r| reach(m, party, r.target)).min()
}

/// Everything `party` owes under the agreement, in file order within each
/// way of being reached (directly first).
pub fn obligations(m: &Model, party: PartyId) -> Vec<Duty> {
    let mut out = Vec::new();
    let blank = |element: &'static str, id: String, modality: &str, text: String, via: Via| Duty {
        element,
        id,
        modality: modality.to_string(),
        text,
        via,
        beneficiaries: Vec::new(),
        conditions: Vec::new(),
        free_of_charge: false,
        costly: false,
        frequency: None,
        deadline: None,
        section: None,
        shares: Vec::new(),
    };
    for o in &m.obligations {
        let Some(via) = first_reach(m, party, &o.bearer) else { continue };
        let modality = o.modality.as_ref().map_or("must", |md| md.value.keyword());
        let text = o.action.as_ref().map(|a| a.value.clone()).unwrap_or_default();
        let mut d = blank(if o.task_of_body { "task" } else { "obligation" }, o.id.value.clone(), modality, text, via);
        d.beneficiaries = names(m, &o.beneficiary);
        d.conditions = conditions(&o.conditions);
        d.free_of_charge = o.free_of_charge.is_some();
        d.costly = o.costly.is_some();
        d.frequency = o.frequency.as_ref().map(|f| f.value.to_string());
        d.deadline = o.deadline.as_ref().map(|x| x.value.to_string());
        d.section = o.meta.section.as_ref().map(|s| s.value.clone());
        out.push(d);
    }
    for s in &m.services {
        let Some(via) = s.provider.as_ref().and_then(|r| reach(m, party, r.target).into_iter().min()) else { continue };
        let mut d = blank("service", s.id.value.clone(), "provides", s.name.value.clone(), via);
        d.beneficiaries = names(m, &s.beneficiary);
        d.conditions = conditions(&s.conditions);
        d.free_of_charge = s.free_of_charge.is_some();
        d.costly = s.costly.is_some();
        d.section = s.meta.section.as_ref().map(|x| x.value.clone());
        out.push(d);
    }
    for f in &m.financings {
        // A payer named only in a share line pays too.
        let Some(via) =
            f.payer.iter().chain(f.shares.iter().map(|s| &s.payer)).flat_map(|r| reach(m, party, r.target)).min()
        else {
            continue;
        };
        let amount = f.amount.as_ref().map(|a| {
            let bound = match a.bound {
                Bound::UpTo => "up to",
                Bound::Exactly => "exactly",
                Bound::About => "about",
            };
            let per_year = if a.per_year { " per year" } else { "" };
            let years = a.years.as_ref().map(|y| format!(" for {} to {}", y.value.0, y.value.1)).unwrap_or_default();
            format!(" ({bound} {}{per_year}{years})", a.money)
        });
        let mut d = blank(
            "financing",
            f.id.value.clone(),
            "pays",
            format!("{}{}", f.name.value, amount.unwrap_or_default()),
            via,
        );
        d.beneficiaries = names(m, &f.recipient);
        d.conditions = conditions(&f.conditions);
        d.section = f.meta.section.as_ref().map(|x| x.value.clone());
        d.shares = shares::shares_of(m, f, party);
        out.push(d);
    }
    for b in &m.bodies {
        // A fixed chair, or a turn in a rotating one.
        let (via, modality) = match (&b.chair, &b.rotation) {
            (Some(chair), _) => (reach(m, party, chair.target).into_iter().min(), "chairs"),
            (None, Some(r)) => (first_reach(m, party, &r.among), "chairs in turn"),
            (None, None) => continue,
        };
        let Some(via) = via else { continue };
        let mut d = blank("chair", b.id.value.clone(), modality, b.name.value.clone(), via);
        d.section = b.meta.section.as_ref().map(|x| x.value.clone());
        out.push(d);
    }
    for p in &m.procedures {
        for s in &p.steps {
            let label = s.label.as_ref().map_or(s.id.value.clone(), |l| l.value.clone());
            let id = format!("{}.{}", p.id.value, s.id.value);
            if let Some(via) = s.by.as_ref().and_then(|r| reach(m, party, r.target).into_iter().min()) {
                out.push(blank("step", id.clone(), "takes", label.clone(), via));
            }
            if let Some(via) = first_reach(m, party, &s.consent_of) {
                out.push(blank("step", id, "consents to", label, via));
            }
        }
    }
    // Directly first, then all parties, groups, actors, offices, seats; file order within.
    out.sort_by_key(|d| group_rank(&d.via));
    out
}

fn group_rank(via: &Via) -> u8 {
    match via {
        Via::Directly => 0,
        Via::AllParties => 1,
        Via::Group { .. } => 2,
        Via::Actor { .. } => 3,
        Via::Office { .. } => 4,
        Via::Seat { .. } => 5,
    }
}

/// Plain-text listing of a party's duties.
pub fn obligations_text(m: &Model, party: PartyId, duties: &[Duty]) -> String {
    let name = m.party(party).map_or(String::new(), |p| format!("`{}` ({})", p.id.value, p.name.value));
    let mut out = format!("What {name} owes under `{}`: {} item(s)\n", m.id.value, duties.len());
    let mut last: Option<String> = None;
    for d in duties {
        let group = match &d.via {
            Via::Directly => "directly".to_string(),
            Via::AllParties => "as one of all parties".to_string(),
            Via::Group { .. } => "as a member of its groups".to_string(),
            Via::Actor { .. } => "through actors that are part of it".to_string(),
            Via::Office { .. } => "through its offices".to_string(),
            Via::Seat { .. } => "through its seats in bodies".to_string(),
        };
        if last.as_ref() != Some(&group) {
            let _ = write!(out, "\n{group}:\n");
            last = Some(group);
        }
        let section = d.section.as_ref().map(|s| format!(", {s}")).unwrap_or_default();
        let _ = writeln!(out, "  {} {}  ({} `{}`{section})", d.modality, d.text, d.element, d.id);
        let mut extra: Vec<String> = Vec::new();
        if !matches!(d.via, Via::Directly | Via::AllParties) {
            extra.push(d.via.describe());
        }
        if !d.beneficiaries.is_empty() {
            extra.push(format!("for {}", d.beneficiaries.join(", ")));
        }
        if d.free_of_charge {
            extra.push("free of charge".into());
        }
        if d.costly {
            extra.push("costly".into());
        }
        for c in &d.conditions {
            extra.push(format!("subject to {c}"));
        }
        if let Some(f) = &d.frequency {
            extra.push(f.clone());
        }
        if let Some(x) = &d.deadline {
            extra.push(format!("by {x}"));
        }
        if !extra.is_empty() {
            let _ = writeln!(out, "      {}", extra.join("; "));
        }
        let pid = m.party(party).map(|p| p.id.value.as_str()).unwrap_or_default();
        for s in &d.shares {
            let _ = writeln!(out, "      share: {}", shares::share_words(s, pid));
            for t in &s.tranches {
                let _ = writeln!(out, "        tranche {}: {}", t.year, shares::amount_words(&t.amount));
            }
        }
        let financing = m.financings.iter().find(|f| d.element == "financing" && f.id.value == d.id);
        if let Some((percent, exact, amount)) = financing.and_then(|f| shares::total(f, &d.shares)) {
            let rounded = if exact { "" } else { " (rounded)" };
            let amount = amount.map(|a| format!(" = {}", shares::amount_words(&a))).unwrap_or_default();
            let _ = writeln!(out, "      in all: {percent} % of the whole{rounded}{amount}");
        }
    }
    crate::escape::no_workflow_commands(crate::escape::visible(&out).into_owned())
}
