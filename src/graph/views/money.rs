//! The money view: who pays whom how much.
//!
//! In: the resolved model. Out: a picture with payers → financing →
//! recipients; each financing box states its amount (bound, per year, for
//! which years), its legal basis and kind, a budget reservation as a mark,
//! and its yearly tranches as a small bar chart; payer edges carry the
//! shares (a percentage, a distribution key, the rest), and a key used
//! for a share is a box of its own with its figures.

use super::names;
use super::{Bar, Line, Node, Picture, Row, Style, View};
use crate::model::*;

pub fn picture(model: &Model) -> Picture {
    let mut p = Picture::new(View::Money, super::title_of(model, "Money"));
    for f in &model.financings {
        let me = p.add(financing_node(f));
        let mut paid_by_share: Vec<Target> = Vec::new();
        for share in &f.shares {
            let from = party_node(&mut p, model, share.payer.target);
            let mut label = match &share.kind {
                ShareKind::Percent { percent } => format!("pays {} %", percent.value),
                ShareKind::ByKey { key } => format!("pays by {}", names::name(model, key.target)),
                ShareKind::Rest { key: Some(key) } => format!("pays the rest by {}", names::name(model, key.target)),
                ShareKind::Rest { key: None } => "pays the rest".into(),
            };
            if share.before_split.is_some() {
                label.push_str(" (first)");
            }
            p.edge(from, me, Some(label), Line::Money);
            paid_by_share.push(share.payer.target);
            let key = match &share.kind {
                ShareKind::ByKey { key } | ShareKind::Rest { key: Some(key) } => Some(key.target),
                _ => None,
            };
            if let Some(Target::Key(k)) = key {
                if let Some(kn) = key_node(&mut p, model, k) {
                    p.edge(kn, me, Some("splits".into()), Line::Structure);
                }
            }
        }
        for payer in &f.payer {
            if paid_by_share.contains(&payer.target) {
                continue;
            }
            let from = party_node(&mut p, model, payer.target);
            p.edge(from, me, Some("pays".into()), Line::Money);
        }
        for r in &f.recipient {
            let to = party_node(&mut p, model, r.target);
            p.edge(me, to, Some("receives".into()), Line::Money);
        }
    }
    if p.nodes.is_empty() {
        p.add(Node {
            id: model.id.value.clone(),
            style: Style::Note,
            title: "No money".into(),
            rows: vec![Row::Note("The agreement states no financing.".into())],
            cluster: None,
        });
    }
    p
}

fn financing_node(f: &Financing<Ref>) -> Node {
    let mut rows = Vec::new();
    let mut about = Vec::new();
    if let Some(k) = &f.kind {
        about.push(k.value.replace('_', " "));
    }
    if let Some(b) = &f.legal_basis {
        about.push(b.value.clone());
    }
    if !about.is_empty() {
        rows.push(Row::Note(about.join(" · ")));
    }
    match &f.amount {
        Some(a) => rows.push(Row::Figure(names::amount(a))),
        None if f.tranches.is_empty() => rows.push(Row::Note("no amount stated".into())),
        None => {}
    }
    if f.has_budget_reservation() {
        rows.push(Row::Mark("⚠ subject to the budget (Haushaltsvorbehalt)".into()));
    }
    if !f.tranches.is_empty() {
        let bars = f
            .tranches
            .iter()
            .map(|t| Bar {
                label: t.year.value.to_string(),
                // Cents as f64 only to draw bar lengths; the text is exact.
                value: t.amount.money.minor as f64,
                text: names::amount(&t.amount),
            })
            .collect();
        rows.push(Row::Heading(format!("{} yearly tranches", f.tranches.len())));
        rows.push(Row::Bars(bars));
    }
    for c in &f.conditions {
        if let Condition::Text(t) = &c.value {
            rows.push(Row::Note(format!("if: {t}")));
        }
    }
    if let Some(c) = &f.cost_sharing {
        rows.push(Row::Text(format!("split: {}", c.value)));
    }
    Node { id: f.id.value.clone(), style: Style::Money, title: f.name.value.clone(), rows, cluster: None }
}

fn party_node(p: &mut Picture, model: &Model, target: Target) -> usize {
    let id = model.target_id(target);
    let title = names::name(model, target);
    let rows = match target {
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

fn key_node(p: &mut Picture, model: &Model, k: KeyId) -> Option<usize> {
    let key = model.key(k)?;
    let mut rows = Vec::new();
    let mut about = Vec::new();
    if let Some(y) = &key.year {
        about.push(y.value.to_string());
    }
    if key.example.is_some() {
        about.push("invented figures".into());
    }
    if !about.is_empty() {
        rows.push(Row::Note(about.join(" · ")));
    }
    for s in &key.shares {
        rows.push(Row::Text(format!("{}: {} %", names::name(model, s.party.target), s.percent.value)));
    }
    let id = key.id.value.clone();
    Some(p.node_or(&id, || Node {
        id: id.clone(),
        style: Style::Key,
        title: key.name.value.clone(),
        rows,
        cluster: None,
    }))
}
