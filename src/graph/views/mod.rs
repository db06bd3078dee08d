//! Views a person would rather look at than read: the governance chart, the
//! money flow, the procedures and the obligations of one agreement.
//!
//! In: a resolved model and the view wanted. Out: a small picture model
//! (`Picture`: boxes with a title and rows, labelled edges, clusters), built
//! by one file per view, and that picture as SVG (laid out by Graphviz when
//! installed, else by a built-in layered layout), DOT, Mermaid or JSON.
//! Everything comes in the order of the file, so output is identical
//! between runs.

mod dot;
mod governance;
mod graphviz;
mod layout;
mod mermaid;
mod money;
mod names;
mod obligations;
mod procedure;
mod svg;
mod text;

pub use dot::dot;
pub use layout::LayoutEngine;
pub use mermaid::mermaid;
pub use svg::svg;

use crate::model::Model;
use serde::Serialize;

/// Which view to draw.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, clap::ValueEnum)]
#[serde(rename_all = "snake_case")]
pub enum View {
    /// The whole obligation graph (for tools).
    All,
    /// Bodies, who forms and reports to whom, members by side, chair, decision rules.
    Governance,
    /// Who pays whom how much, shares and yearly tranches.
    Money,
    /// Each procedure as a flow of steps, consent gates and consultations.
    Procedure,
    /// Per party what it owes whom, grouped by modality.
    Obligations,
}

impl View {
    pub fn name(self) -> &'static str {
        match self {
            View::All => "all",
            View::Governance => "governance",
            View::Money => "money",
            View::Procedure => "procedure",
            View::Obligations => "obligations",
        }
    }
}

/// How a box looks; each view uses a few.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Style {
    Body,
    Party,
    Institution,
    Money,
    Key,
    Step,
    /// A step that needs someone's consent (Einvernehmen): a gate.
    Gate,
    /// A step that only hears someone (Benehmen).
    Consult,
    Duties,
    Note,
}

/// How a row inside a box looks.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", content = "text", rename_all = "snake_case")]
pub enum Row {
    /// Ordinary text, wrapped at word boundaries.
    Text(String),
    /// A small grey remark.
    Note(String),
    /// A bold sub-heading.
    Heading(String),
    /// Something to notice: a budget reservation, money committed.
    Mark(String),
    /// A figure shown large: "4 Land | 4 Kommunen".
    Figure(String),
    /// A small bar chart (yearly tranches).
    Bars(Vec<Bar>),
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Bar {
    pub label: String,
    /// Relative length; only the ratios matter.
    pub value: f64,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Node {
    /// The agreement's id of the element (`beirat`, `foerderung`, `land`).
    pub id: String,
    pub style: Style,
    pub title: String,
    pub rows: Vec<Row>,
    /// The cluster (a procedure) the box is drawn in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cluster: Option<usize>,
}

/// How an edge looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Line {
    Plain,
    /// Consent (Einvernehmen): a veto, drawn strong and red.
    Consent,
    /// Consultation (Benehmen): dashed.
    Consult,
    /// Money flowing.
    Money,
    /// Membership, part of: thin and dashed, not a duty.
    Structure,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Edge {
    pub from: usize,
    pub to: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    pub line: Line,
    /// Arrowheads at both ends.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub both: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cluster {
    pub id: String,
    pub title: String,
}

/// What a view draws: boxes, edges, clusters, a title.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Picture {
    pub view: View,
    pub title: String,
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
    pub clusters: Vec<Cluster>,
}

impl Picture {
    fn new(view: View, title: String) -> Picture {
        Picture { view, title, nodes: Vec::new(), edges: Vec::new(), clusters: Vec::new() }
    }

    /// The index of the node with `id`, adding it with `make` if missing.
    fn node_or(&mut self, id: &str, make: impl FnOnce() -> Node) -> usize {
        if let Some(i) = self.nodes.iter().position(|n| n.id == id) {
            return i;
        }
        self.nodes.push(make());
        self.nodes.len() - 1
    }

    fn add(&mut self, node: Node) -> usize {
        self.nodes.push(node);
        self.nodes.len() - 1
    }

    /// Add an edge; a second edge between the same two boxes joins the
    /// first (labels joined), so a pair is never drawn twice.
    fn edge(&mut self, from: usize, to: usize, label: Option<String>, line: Line) {
        if from == to {
            return;
        }
        if let Some(e) = self.edges.iter_mut().find(|e| (e.from, e.to) == (from, to) && e.line == line) {
            join_label(&mut e.label, label);
            return;
        }
        if let Some(e) = self.edges.iter_mut().find(|e| (e.from, e.to) == (to, from) && e.line == line) {
            e.both = true;
            join_label(&mut e.label, label);
            return;
        }
        self.edges.push(Edge { from, to, label, line, both: false });
    }

    /// Only the boxes whose id (or cluster id) is `id`, and their direct
    /// neighbours. `None` if nothing matches.
    pub fn focus(&self, id: &str) -> Option<Picture> {
        let hit: Vec<bool> = self
            .nodes
            .iter()
            .map(|n| n.id == id || n.cluster.and_then(|c| self.clusters.get(c)).is_some_and(|c| c.id == id))
            .collect();
        if !hit.iter().any(|h| *h) {
            return None;
        }
        let mut keep = hit.clone();
        for e in &self.edges {
            if hit.get(e.from).copied().unwrap_or(false) {
                if let Some(k) = keep.get_mut(e.to) {
                    *k = true;
                }
            }
            if hit.get(e.to).copied().unwrap_or(false) {
                if let Some(k) = keep.get_mut(e.from) {
                    *k = true;
                }
            }
        }
        let mut map = vec![usize::MAX; self.nodes.len()];
        let mut out = Picture::new(self.view, self.title.clone());
        out.clusters = self.clusters.clone();
        for (i, n) in self.nodes.iter().enumerate() {
            if keep.get(i).copied().unwrap_or(false) {
                if let Some(m) = map.get_mut(i) {
                    *m = out.add(n.clone());
                }
            }
        }
        for e in &self.edges {
            let (Some(&f), Some(&t)) = (map.get(e.from), map.get(e.to)) else { continue };
            if f != usize::MAX && t != usize::MAX {
                out.edges.push(Edge { from: f, to: t, ..e.clone() });
            }
        }
        Some(out)
    }

    /// The ids a `--focus` may name, for suggestions.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.nodes.iter().map(|n| n.id.as_str()).chain(self.clusters.iter().map(|c| c.id.as_str()))
    }
}

fn join_label(into: &mut Option<String>, more: Option<String>) {
    match (into.as_mut(), more) {
        (Some(a), Some(b)) if !a.split("; ").any(|x| x == b) => {
            a.push_str("; ");
            a.push_str(&b);
        }
        (None, Some(b)) => *into = Some(b),
        _ => {}
    }
}

/// The picture of one view (`All` has none: it is the obligation graph).
pub fn picture(model: &Model, view: View) -> Option<Picture> {
    match view {
        View::All => None,
        View::Governance => Some(governance::picture(model)),
        View::Money => Some(money::picture(model)),
        View::Procedure => Some(procedure::picture(model)),
        View::Obligations => Some(obligations::picture(model)),
    }
}

/// The picture as JSON (pretty, never truncated).
pub fn json(picture: &Picture) -> String {
    serde_json::to_string_pretty(picture).unwrap_or_default() + "\n"
}

fn title_of(model: &Model, view: &str) -> String {
    let name = model.title.as_ref().map(|t| t.value.as_str()).unwrap_or(model.id.value.as_str());
    format!("{view}: {name}")
}
