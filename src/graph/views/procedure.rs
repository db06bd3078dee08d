//! The procedure view: each procedure as a flow of steps.
//!
//! In: the resolved model. Out: a picture with one cluster per procedure
//! and one box per step (who takes it, what kind, the decision rule it is
//! taken under in words, whether it commits money). A step that needs
//! someone's consent (Einvernehmen, `consent_of`, kind `agree_financing`)
//! is a gate, drawn red, and the parties whose consent it needs point at it
//! with a strong edge; a consultation (Benehmen) is dashed.

use super::names;
use super::{Cluster, Line, Node, Picture, Row, Style, View};
use crate::model::*;

fn kind_words(k: StepKind) -> &'static str {
    match k {
        StepKind::Propose => "proposal",
        StepKind::Consult => "consultation",
        StepKind::AgreeFinancing => "agreement on the financing",
        StepKind::Decide => "decision",
        StepKind::Implement => "implementation",
        StepKind::Report => "report",
    }
}

pub fn picture(model: &Model) -> Picture {
    let mut p = Picture::new(View::Procedure, super::title_of(model, "Procedures"));
    for (pi, proc) in model.procedures.iter().enumerate() {
        p.clusters.push(Cluster { id: proc.id.value.clone(), title: proc.name.value.clone() });
        let first = p.nodes.len();
        for step in &proc.steps {
            p.add(step_node(model, proc, step, pi));
        }
        for (si, step) in proc.steps.iter().enumerate() {
            let me = first + si;
            for before in proc.predecessors(ProcedureId(pi as u32), si) {
                p.edge(first + before, me, None, Line::Plain);
            }
            for c in &step.consent_of {
                let from = party_node(&mut p, model, c.target);
                p.edge(from, me, Some("consent needed (Einvernehmen)".into()), Line::Consent);
            }
            for c in &step.consultation_of {
                let from = party_node(&mut p, model, c.target);
                p.edge(from, me, Some("is heard (Benehmen)".into()), Line::Consult);
            }
        }
    }
    if p.nodes.is_empty() {
        p.add(Node {
            id: model.id.value.clone(),
            style: Style::Note,
            title: "No procedures".into(),
            rows: vec![Row::Note("The agreement states no procedure.".into())],
            cluster: None,
        });
    }
    p
}

fn step_node(model: &Model, proc: &Procedure<Ref>, step: &Step<Ref>, cluster: usize) -> Node {
    let kind = step.kind.as_ref().map(|k| k.value);
    let gate = !step.consent_of.is_empty() || kind == Some(StepKind::AgreeFinancing);
    let consult = !gate && (!step.consultation_of.is_empty() || kind == Some(StepKind::Consult));
    let mut rows = Vec::new();
    let mut head = Vec::new();
    if let Some(k) = kind {
        head.push(kind_words(k).to_string());
    }
    if let Some(by) = &step.by {
        head.push(format!("by {}", names::name(model, by.target)));
    }
    if !head.is_empty() {
        rows.push(Row::Note(head.join(" · ")));
    }
    if !step.consent_of.is_empty() {
        rows.push(Row::Mark(format!("consent of {} (veto)", names::names(model, &step.consent_of))));
    }
    if !step.consultation_of.is_empty() {
        rows.push(Row::Text(format!("hears {} (no veto)", names::names(model, &step.consultation_of))));
    }
    if let Some(u) = &step.under {
        if let Target::Decision(d) = u.target {
            if let Some(dec) = model.decision(d) {
                let label = dec.label.as_ref().map_or(dec.id.value.as_str(), |l| l.value.as_str());
                rows.push(Row::Text(format!("under “{label}”: {}", names::decision(model, dec))));
            }
        }
    }
    if step.commits_money.is_some() {
        rows.push(Row::Mark("€ commits money".into()));
    }
    let style = if gate {
        Style::Gate
    } else if consult {
        Style::Consult
    } else {
        Style::Step
    };
    Node {
        id: format!("{}.{}", proc.id.value, step.id.value),
        style,
        title: step.label.as_ref().map_or_else(|| step.id.value.clone(), |l| l.value.clone()),
        rows,
        cluster: Some(cluster),
    }
}

fn party_node(p: &mut Picture, model: &Model, target: Target) -> usize {
    let id = model.target_id(target);
    let title = names::name(model, target);
    p.node_or(&id, || Node { id: id.clone(), style: Style::Party, title, rows: Vec::new(), cluster: None })
}
