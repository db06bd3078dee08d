//! The governance view: an organisation chart of the bodies.
//!
//! In: the resolved model. Out: a picture with one box per body (members
//! grouped by side with counts, so parity shows at a glance; similar seats
//! as "16 × Vertreter eines Landes"; chair; advisory attendees; decision
//! rules in words; whom its decisions bind) and per institution, and the
//! edges between them: who forms whom, who reports to whom, who owns and
//! supervises an institution, which body is its organ.

use super::names::{self, side_word};
use super::{Line, Node, Picture, Row, Style, View};
use crate::model::*;
use std::collections::BTreeMap;

pub fn picture(model: &Model) -> Picture {
    let mut p = Picture::new(View::Governance, super::title_of(model, "Governance"));
    for body in &model.bodies {
        p.add(body_node(model, body));
    }
    for inst in &model.institutions {
        p.add(institution_node(model, inst));
    }
    for (bi, body) in model.bodies.iter().enumerate() {
        let me = bi;
        if let Some(f) = &body.formed_by {
            let from = target_node(&mut p, model, f.target);
            p.edge(from, me, Some("forms".into()), Line::Plain);
        }
        if let Some(r) = &body.reports_to {
            let to = target_node(&mut p, model, r.target);
            p.edge(me, to, Some("reports to".into()), Line::Plain);
        }
    }
    for (ii, inst) in model.institutions.iter().enumerate() {
        let me = model.bodies.len() + ii;
        for o in &inst.owners {
            let from = target_node(&mut p, model, o.owner.target);
            let share = match &o.share {
                Some(OwnerShare::Percent { percent }) => format!("owns {} %", percent.value),
                Some(OwnerShare::ByKey { key }) => format!("owns by {}", names::name(model, key.target)),
                Some(OwnerShare::Equal) => "owns an equal share".into(),
                None => "owns".into(),
            };
            p.edge(from, me, Some(share), Line::Structure);
        }
        for organ in &inst.organs {
            let from = target_node(&mut p, model, organ.organ.target);
            p.edge(from, me, Some("organ of".into()), Line::Plain);
        }
        if let Some(s) = &inst.supervision {
            let from = target_node(&mut p, model, s.by.target);
            p.edge(from, me, Some("supervises".into()), Line::Structure);
        }
    }
    if p.nodes.is_empty() {
        p.add(Node {
            id: model.id.value.clone(),
            style: Style::Note,
            title: "No bodies".into(),
            rows: vec![Row::Note("The agreement sets up no joint body or institution.".into())],
            cluster: None,
        });
    }
    p
}

/// The box of a body, institution or party a reference points at.
fn target_node(p: &mut Picture, model: &Model, target: Target) -> usize {
    let id = model.target_id(target);
    let title = names::name(model, target);
    let rows = match target {
        Target::AllParties => {
            vec![Row::Note(model.parties.iter().map(|x| x.name.value.as_str()).collect::<Vec<_>>().join(", "))]
        }
        Target::Group(g) => vec![Row::Note(
            model
                .group_parties(g)
                .into_iter()
                .filter_map(|x| model.party(x))
                .map(|x| x.name.value.as_str())
                .collect::<Vec<_>>()
                .join(", "),
        )],
        _ => Vec::new(),
    };
    p.node_or(&id, || Node { id: id.clone(), style: Style::Party, title, rows, cluster: None })
}

/// A seat as a line: "4 × Vertreter des Landes", with its limits.
fn seat_line(seat: &Seat<Ref>) -> String {
    let label = names::seat_label(seat);
    let n = seat.count.value;
    let mut text = if n > 1 { format!("{n} × {label}") } else { label };
    if let Some(v) = &seat.votes_on {
        text.push_str(&format!(" (votes only on {})", v.value));
    }
    if seat.variable.is_some() {
        text.push_str(" (number varies)");
    }
    text
}

/// Whether this seat is the body's chair (the chair names the seat, its
/// office or its party).
fn chairs(model: &Model, body: &Body<Ref>, index: usize, seat: &Seat<Ref>) -> bool {
    match body.chair.as_ref().map(|c| c.target) {
        Some(Target::Seat(s)) => s.seat as usize == index && model.body(s.body).is_some_and(|b| b.id == body.id),
        Some(Target::Office(o)) => seat.office.as_ref().is_some_and(|r| r.target == Target::Office(o)),
        _ => false,
    }
}

fn body_node(model: &Model, body: &Body<Ref>) -> Node {
    let mut rows = Vec::new();
    let mut kind = Vec::new();
    if let Some(k) = &body.kind {
        kind.push(k.value.replace('_', " "));
    }
    if body.parity.is_some() {
        kind.push("paritätisch".into());
    }
    if !kind.is_empty() {
        rows.push(Row::Note(kind.join(" · ")));
    }
    // Members by side, in the order sides first appear: the figure that
    // shows parity.
    let mut by_side: BTreeMap<usize, (Option<Side>, u64, Vec<String>)> = BTreeMap::new();
    let mut order: Vec<Option<Side>> = Vec::new();
    let mut advisory = Vec::new();
    for (i, seat) in body.seats.iter().enumerate() {
        let mut line = seat_line(seat);
        if chairs(model, body, i, seat) {
            line.push_str(" — chair");
        }
        if !seat.voting {
            advisory.push(line);
            continue;
        }
        let side = model.seat_side(seat);
        let slot = match order.iter().position(|s| *s == side) {
            Some(k) => k,
            None => {
                order.push(side);
                order.len() - 1
            }
        };
        let entry = by_side.entry(slot).or_insert((side, 0, Vec::new()));
        entry.1 += u64::from(seat.count.value);
        entry.2.push(line);
    }
    if !by_side.is_empty() {
        let figure: Vec<String> = by_side.values().map(|(s, n, _)| format!("{n} {}", side_word(*s))).collect();
        let total = body.voting_seats();
        rows.push(Row::Text(format!("{total} voting members:")));
        rows.push(Row::Figure(figure.join(" | ")));
        for (side, n, lines) in by_side.values() {
            rows.push(Row::Heading(format!("{} ({n})", side_word(*side))));
            rows.extend(lines.iter().map(|l| Row::Text(format!("• {l}"))));
        }
    } else if let Some(n) = &body.declared_seats {
        rows.push(Row::Text(format!("{} members (seats not listed)", n.value)));
    } else if advisory.is_empty() {
        rows.push(Row::Note("members not listed".into()));
    }
    if !advisory.is_empty() {
        rows.push(Row::Heading(format!("advisory, no vote ({})", advisory.len())));
        rows.extend(advisory.into_iter().map(|l| Row::Text(format!("• {l}"))));
    }
    // The chair, fixed or rotating.
    if let Some(r) = &body.rotation {
        let every = r.every.as_ref().map(|e| match e.value.count {
            1 => format!(" every {}", e.value.period.name()),
            n => format!(" every {n} {}s", e.value.period.name()),
        });
        rows.push(Row::Text(format!(
            "chair rotates among {}{}",
            names::names(model, &r.among),
            every.unwrap_or_default()
        )));
    } else if let Some(c) = body.chair.as_ref().filter(|c| !matches!(c.target, Target::Seat(_))) {
        // A chair that is one of the seats is marked on its line.
        rows.push(Row::Text(format!("chair: {}", names::name(model, c.target))));
    }
    if let Some(d) = &body.deputy {
        rows.push(Row::Text(format!("deputy: {}", names::name(model, d.target))));
    }
    if body.casting_vote.is_some() {
        rows.push(Row::Text("the chair's vote decides a tie".into()));
    }
    if let Some(m) = &body.meeting {
        rows.push(Row::Note(format!("meets {}", m.frequency.value)));
    }
    // How it decides.
    if body.decisions.is_empty() {
        if let Some(r) = &body.decides {
            rows.push(Row::Text(format!("decides {}", names::rule(&r.value))));
        }
    } else {
        rows.push(Row::Heading("decides".into()));
        for d in &body.decisions {
            let label = d.label.as_ref().map_or(d.id.value.as_str(), |l| l.value.as_str());
            rows.push(Row::Text(format!("• {label}: {}", names::decision(model, d))));
        }
    }
    if let Some(q) = &body.quorum {
        rows.push(Row::Note(format!("quorum: {} members", q.value)));
    }
    if let Some(q) = &body.quorum_share {
        rows.push(Row::Note(format!(
            "quorum: {} of {}",
            q.value.fraction,
            q.value.base.map_or("members", |b| b.keyword())
        )));
    }
    // Whom decisions bind is a line, not an edge: an edge to "all
    // parties" from the top body sweeps round the whole chart.
    if !body.binding.is_empty() {
        rows.push(Row::Text(format!("decisions bind {}", names::names(model, &body.binding))));
    }
    if !body.recommendation_to.is_empty() {
        let to: Vec<&str> = body.recommendation_to.iter().map(|r| r.value.as_str()).collect();
        rows.push(Row::Note(format!("recommends to {}", to.join(", "))));
    }
    Node { id: body.id.value.clone(), style: Style::Body, title: body.name.value.clone(), rows, cluster: None }
}

fn institution_node(model: &Model, inst: &Institution<Ref>) -> Node {
    let mut rows = Vec::new();
    let mut line = Vec::new();
    if let Some(f) = &inst.legal_form {
        line.push(f.value.clone());
    }
    if let Some(l) = &inst.located_in {
        line.push(format!("in {}", l.value));
    }
    if let Some(d) = &inst.from {
        line.push(format!("from {}", d.value));
    }
    if !line.is_empty() {
        rows.push(Row::Note(line.join(" · ")));
    }
    for o in &inst.organs {
        let mut t = format!("organ: {}", names::name(model, o.organ.target));
        if let Some(a) = &o.appointed_by {
            t.push_str(&format!(", appointed by {}", names::name(model, a.target)));
        }
        rows.push(Row::Text(t));
    }
    for t in &inst.takes_over {
        rows.push(Row::Note(format!("takes over {}", t.what.value)));
    }
    Node { id: inst.id.value.clone(), style: Style::Institution, title: inst.name.value.clone(), rows, cluster: None }
}
