//! The obligations view: per party, what it owes whom.
//!
//! In: the resolved model. Out: a picture with one box per bearer as the
//! agreement names it (a party, `all` parties, a group, an actor, an
//! office), listing its duties grouped by modality (must, shall, examines,
//! may, recommends) with their beneficiaries; edges from a bearer to each
//! beneficiary counting the duties by modality; and, so duties can be
//! followed to the parties that carry them, edges from a party to the
//! groups it belongs to and from an actor to the party it is part of, with
//! a line in each party's box counting what it owes through them and
//! through its seats in bodies (a body's tasks).

use super::names;
use super::{Line, Node, Picture, Row, Style, View};
use crate::model::*;
use std::collections::BTreeMap;

const MODALITIES: [Modality; 5] =
    [Modality::Must, Modality::Shall, Modality::Examines, Modality::May, Modality::Recommends];

/// An action shortened after a whole word, so a box stays readable.
fn short(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut out = String::new();
    for word in text.split(' ') {
        if out.chars().count() + word.chars().count() + 1 > max {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out.push_str(" …");
    out
}

pub fn picture(model: &Model) -> Picture {
    let mut p = Picture::new(View::Obligations, super::title_of(model, "Obligations"));
    // Duties per bearer (as written), in the order of the file.
    let mut bearers: Vec<Target> =
        model.parties.iter().enumerate().map(|(i, _)| Target::Party(PartyId(i as u32))).collect();
    let mut duties: BTreeMap<Target, Vec<&Obligation<Ref>>> = BTreeMap::new();
    for o in &model.obligations {
        for b in &o.bearer {
            if matches!(b.target, Target::Seat(_)) {
                continue;
            }
            // A body's tasks get no box of their own (with many bodies the
            // view grows past any page); they are counted in the box of
            // each party seated in the body.
            if !bearers.contains(&b.target) && !matches!(b.target, Target::Body(_)) {
                bearers.push(b.target);
            }
            duties.entry(b.target).or_default().push(o);
        }
    }
    for t in &bearers {
        let list = duties.get(t).map(Vec::as_slice).unwrap_or_default();
        let mut rows = Vec::new();
        if let Target::Party(pid) = t {
            // What reaches the party through others, by how it reaches it.
            let mut via: [Vec<String>; 3] = [Vec::new(), Vec::new(), Vec::new()];
            for (other, l) in &duties {
                let slot = if matches!(other, Target::AllParties | Target::Group(_))
                    && model.parties_of(*other).contains(pid)
                {
                    0
                } else if matches!(other, Target::Actor(_) | Target::Office(_))
                    && model.parties_behind(*other).contains(pid)
                {
                    1
                } else if seated(model, *other, *pid) {
                    2
                } else {
                    continue;
                };
                if let Some(v) = via.get_mut(slot) {
                    v.push(format!("{} ({})", names::name(model, *other), l.len()));
                }
            }
            for (how, list) in ["also owes as one of", "through its parts", "through its seats in"].iter().zip(&via) {
                if !list.is_empty() {
                    rows.push(Row::Note(format!("{how}: {}", list.join(", "))));
                }
            }
        }
        for m in MODALITIES {
            let of: Vec<&&Obligation<Ref>> =
                list.iter().filter(|o| o.modality.as_ref().map(|x| x.value) == Some(m)).collect();
            if of.is_empty() {
                continue;
            }
            rows.push(Row::Heading(format!("{} ({})", m.keyword(), of.len())));
            for o in of {
                rows.push(Row::Text(duty_line(model, o)));
            }
        }
        let unstated = list.iter().filter(|o| o.modality.is_none()).count();
        if unstated > 0 {
            rows.push(Row::Note(format!("{unstated} without a stated modality")));
        }
        if list.is_empty() && rows.is_empty() {
            rows.push(Row::Note("no duties of its own".into()));
        }
        let id = model.target_id(*t);
        let title = names::name(model, *t);
        p.node_or(&id, || Node { id: id.clone(), style: Style::Duties, title, rows, cluster: None });
    }
    // Bearer → beneficiary, counted by modality.
    for t in &bearers {
        let from = p.node_or(&model.target_id(*t), unreachable_node);
        let list = duties.get(t).map(Vec::as_slice).unwrap_or_default();
        let mut counts: Vec<(Target, [usize; 5])> = Vec::new();
        for o in list {
            let Some(mi) = o.modality.as_ref().and_then(|m| MODALITIES.iter().position(|x| *x == m.value)) else {
                continue;
            };
            for b in &o.beneficiary {
                let slot = match counts.iter().position(|(x, _)| *x == b.target) {
                    Some(i) => i,
                    None => {
                        counts.push((b.target, [0; 5]));
                        counts.len() - 1
                    }
                };
                if let Some(c) = counts.get_mut(slot).and_then(|(_, c)| c.get_mut(mi)) {
                    *c += 1;
                }
            }
        }
        for (b, c) in counts {
            let label: Vec<String> =
                MODALITIES.iter().zip(c).filter(|(_, n)| *n > 0).map(|(m, n)| format!("{} {n}", m.keyword())).collect();
            let id = model.target_id(b);
            let title = names::name(model, b);
            let to =
                p.node_or(&id, || Node { id: id.clone(), style: Style::Party, title, rows: Vec::new(), cluster: None });
            p.edge(from, to, Some(label.join(" · ")), Line::Plain);
        }
    }
    // How duties of groups and parts reach a party.
    for t in &bearers {
        let Some(from) = p.nodes.iter().position(|n| n.id == model.target_id(*t)) else { continue };
        for other in duties.keys() {
            let Some(to) = p.nodes.iter().position(|n| n.id == model.target_id(*other)) else { continue };
            match (t, other) {
                (Target::Party(pid), Target::AllParties | Target::Group(_))
                    if model.parties_of(*other).contains(pid) =>
                {
                    p.edge(from, to, Some("one of".into()), Line::Structure);
                }
                (Target::Party(pid), Target::Actor(_) | Target::Office(_))
                    if model.parties_behind(*other).contains(pid) =>
                {
                    p.edge(to, from, Some("part of".into()), Line::Structure);
                }
                _ => {}
            }
        }
    }
    p
}

/// Whether a party holds a seat in the body `target` (and so carries its
/// tasks there).
fn seated(model: &Model, target: Target, party: PartyId) -> bool {
    match target {
        Target::Body(b) => model.body(b).is_some_and(|body| model.seated_parties(body).contains(&party)),
        _ => false,
    }
}

fn unreachable_node() -> Node {
    Node { id: String::new(), style: Style::Note, title: String::new(), rows: Vec::new(), cluster: None }
}

fn duty_line(model: &Model, o: &Obligation<Ref>) -> String {
    let action = o.action.as_ref().map_or(o.id.value.as_str(), |a| a.value.as_str());
    let mut line = format!("• {}", short(action, 110));
    if !o.beneficiary.is_empty() {
        line.push_str(&format!(" → {}", names::names(model, &o.beneficiary)));
    }
    if o.has_budget_reservation() {
        line.push_str(" (budget reservation)");
    }
    if o.free_of_charge.is_some() {
        line.push_str(" (free of charge)");
    }
    line
}
