//! Queries on a resolved agreement: what a party owes (directly, as one of
//! all parties, through its offices and through its seats in bodies), and
//! who sits in a body and chairs it.

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
    /// `chairs`, `takes`, `consents` for the other elements.
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
                    .filter(|(_, s)| m.seat_party(s) == Some(party))
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
        let Some(via) = first_reach(m, party, &f.payer) else { continue };
        let amount = f.amount.as_ref().map(|a| {
            let bound = match a.bound {
                Bound::UpTo => "up to",
                Bound::Exactly => "exactly",
            };
            format!(" ({bound} {})", a.money)
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
        out.push(d);
    }
    for b in &m.bodies {
        let Some(chair) = &b.chair else { continue };
        let Some(via) = reach(m, party, chair.target).into_iter().min() else { continue };
        let mut d = blank("chair", b.id.value.clone(), "chairs", b.name.value.clone(), via);
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
    // Directly first, then all parties, offices, seats; file order within.
    out.sort_by_key(|d| match d.via {
        Via::Directly => 0,
        Via::AllParties => 1,
        Via::Office { .. } => 2,
        Via::Seat { .. } => 3,
    });
    out
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
        if matches!(d.via, Via::Office { .. } | Via::Seat { .. }) {
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
    }
    crate::escape::no_workflow_commands(crate::escape::visible(&out).into_owned())
}

/// A seat of a body, for `pakt who`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Member {
    pub seat: String,
    pub label: Option<String>,
    pub party: Option<String>,
    pub office: Option<String>,
    pub side: Option<Side>,
    pub count: u32,
    pub voting: bool,
    pub chair: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Membership {
    pub body: String,
    pub name: String,
    pub members: Vec<Member>,
    /// The chair as written (a seat, office or party id).
    pub chair: Option<String>,
    pub parity: bool,
    pub meets: Option<String>,
    pub decides: Option<String>,
    pub voting_seats: u64,
    pub total_seats: u64,
}

pub fn who(m: &Model, body: BodyId) -> Option<Membership> {
    let b = m.body(body)?;
    let chair_target = b.chair.as_ref().map(|r| r.target);
    let members = b
        .seats
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let sid = SeatId { body, seat: i as u32 };
            let chair = match chair_target {
                Some(Target::Seat(c)) => c == sid,
                Some(Target::Office(o)) => s.office.as_ref().is_some_and(|r| r.target == Target::Office(o)),
                _ => false,
            };
            Member {
                seat: s.id.value.clone(),
                label: s.label.as_ref().map(|l| l.value.clone()),
                party: m
                    .seat_party(s)
                    .and_then(|p| m.party(p))
                    .map(|p| p.id.value.clone())
                    .or_else(|| s.party.as_ref().map(|r| m.target_id(r.target))),
                office: s.office.as_ref().map(|r| m.target_id(r.target)),
                side: m.seat_side(s),
                count: s.count.value,
                voting: s.voting,
                chair,
            }
        })
        .collect();
    Some(Membership {
        body: b.id.value.clone(),
        name: b.name.value.clone(),
        members,
        chair: b.chair.as_ref().map(|r| m.target_id(r.target)),
        parity: b.parity.is_some(),
        meets: b.meeting.as_ref().map(|mt| {
            let req = mt.on_request_of.as_ref().map(|n| format!(", or on request of {}", n.value)).unwrap_or_default();
            format!("{}{req}", mt.frequency.value)
        }),
        decides: b.decides.as_ref().map(|d| d.value.name()),
        voting_seats: b.voting_seats(),
        total_seats: b.total_seats(),
    })
}

pub fn who_text(w: &Membership) -> String {
    let mut out = format!("`{}` {}\n", w.body, w.name);
    let _ = writeln!(
        out,
        "{} seat(s), {} voting{}",
        w.total_seats,
        w.voting_seats,
        if w.parity { ", declared paritätisch" } else { "" }
    );
    if let Some(c) = &w.chair {
        let _ = writeln!(out, "chair: {c}");
    }
    if let Some(mt) = &w.meets {
        let _ = writeln!(out, "meets: {mt}");
    }
    if let Some(d) = &w.decides {
        let _ = writeln!(out, "decides: {d}");
    }
    out.push('\n');
    for s in &w.members {
        let mut parts: Vec<String> = Vec::new();
        if let Some(p) = &s.party {
            parts.push(format!("party {p}"));
        }
        if let Some(o) = &s.office {
            parts.push(format!("office {o}"));
        }
        if let Some(side) = s.side {
            parts.push(format!("{} side", side.name()));
        }
        if s.count != 1 {
            parts.push(format!("{} members", s.count));
        }
        parts.push(if s.voting { "voting".into() } else { "advisory".into() });
        let chair = if s.chair { "  [chair]" } else { "" };
        let label = s.label.as_ref().map(|l| format!(" {l}")).unwrap_or_default();
        let _ = writeln!(out, "  {}{label}: {}{chair}", s.seat, parts.join(", "));
    }
    crate::escape::no_workflow_commands(crate::escape::visible(&out).into_owned())
}
