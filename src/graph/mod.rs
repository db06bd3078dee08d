//! The obligation graph: the compiled form of an agreement. Who owes what
//! to whom, through which body, paid by whom, in which order.
//!
//! In: a resolved model (and the model it supersedes, for `continues`).
//! Out: a petgraph graph of typed nodes and edges with stable ids taken from
//! the agreement's own ids (`party:land`, `seat:beirat.cio`), built in the
//! order of the file, so every export is identical between runs.

mod export;
mod json_out;
pub(crate) mod mermaid_text;
pub mod query;
mod svg;
pub mod views;

pub use export::{dot, json, mermaid, mermaid_too_large, DOT_MAX_LABEL, MERMAID_MAX_EDGES};
pub use json_out::write_json;
pub use svg::svg;

use crate::model::*;
use crate::span::Span;
use petgraph::stable_graph::{NodeIndex, StableDiGraph};
use petgraph::visit::{EdgeRef, IntoEdgeReferences};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NodeKind {
    Agreement,
    Side,
    /// `all`: every party of the agreement, one node for them all.
    AllParties,
    Party,
    Office,
    Actor,
    Body,
    Seat,
    Obligation,
    Financing,
    Tranche,
    Service,
    Project,
    Step,
    /// A named group of parties.
    Group,
    /// A distribution key.
    Key,
    /// A named decision rule of a body.
    Decision,
    /// An institution the agreement founds.
    Institution,
}

impl NodeKind {
    pub fn name(self) -> &'static str {
        match self {
            NodeKind::Agreement => "agreement",
            NodeKind::Side => "side",
            NodeKind::AllParties => "all_parties",
            NodeKind::Party => "party",
            NodeKind::Office => "office",
            NodeKind::Actor => "actor",
            NodeKind::Body => "body",
            NodeKind::Seat => "seat",
            NodeKind::Obligation => "obligation",
            NodeKind::Financing => "financing",
            NodeKind::Tranche => "tranche",
            NodeKind::Service => "service",
            NodeKind::Project => "project",
            NodeKind::Step => "step",
            NodeKind::Group => "group",
            NodeKind::Key => "key",
            NodeKind::Decision => "decision",
            NodeKind::Institution => "institution",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EdgeKind {
    /// party → side
    BelongsTo,
    /// party/actor → seat
    HoldsSeat,
    /// seat → body
    SitsIn,
    /// office → party (held on behalf of) and office → seat
    HoldsOffice,
    /// seat/office/party → body
    Chairs,
    /// bearer → obligation
    Bears,
    /// obligation/service/financing → beneficiary
    Benefits,
    /// body → body/party
    ReportsTo,
    /// body → step it takes (decides in)
    Decides,
    /// payer → financing, financing → recipient
    Funds,
    /// tranche → financing
    TrancheOf,
    /// provider → service
    Provides,
    /// partner → project
    PartnerIn,
    /// body → party it binds
    Binds,
    /// body → body that formed it
    FormedBy,
    /// step → party whose consent it needs (Einvernehmen)
    RequiresConsentOf,
    /// step → party it consults (Benehmen)
    Consults,
    /// step → next step
    Precedes,
    /// body → predecessor body
    Continues,
    /// agreement → agreement
    Supersedes,
    /// actor → party or actor it is part of
    PartOf,
    /// party → group
    MemberOf,
    /// key → group it distributes among
    Weights,
    /// decision → body whose rule it is
    RuleOf,
    /// party/group → decision it can block alone
    Veto,
    /// group → decision that needs N of its members
    Counts,
    /// decision → key its threshold is weighed by
    WeighedBy,
    /// party/group → body whose chair it takes in turn
    ChairsInTurn,
    /// payer → financing, with a share
    PaysShare,
    /// financing/owner share → key it is split by
    SplitBy,
    /// owner → institution
    Owns,
    /// body/office → institution it is an organ of
    OrganOf,
    /// supervisor → institution
    Supervises,
    /// step → decision rule it is taken under
    Under,
}

impl EdgeKind {
    pub fn name(self) -> &'static str {
        match self {
            EdgeKind::BelongsTo => "belongs_to",
            EdgeKind::HoldsSeat => "holds_seat",
            EdgeKind::SitsIn => "sits_in",
            EdgeKind::HoldsOffice => "holds_office",
            EdgeKind::Chairs => "chairs",
            EdgeKind::Bears => "bears",
            EdgeKind::Benefits => "benefits",
            EdgeKind::ReportsTo => "reports_to",
            EdgeKind::Decides => "decides",
            EdgeKind::Funds => "funds",
            EdgeKind::TrancheOf => "tranche_of",
            EdgeKind::Provides => "provides",
            EdgeKind::PartnerIn => "partner_in",
            EdgeKind::Binds => "binds",
            EdgeKind::FormedBy => "formed_by",
            EdgeKind::RequiresConsentOf => "requires_consent_of",
            EdgeKind::Consults => "consults",
            EdgeKind::Precedes => "precedes",
            EdgeKind::Continues => "continues",
            EdgeKind::Supersedes => "supersedes",
            EdgeKind::PartOf => "part_of",
            EdgeKind::MemberOf => "member_of",
            EdgeKind::Weights => "weights",
            EdgeKind::RuleOf => "rule_of",
            EdgeKind::Veto => "veto",
            EdgeKind::Counts => "counts",
            EdgeKind::WeighedBy => "weighed_by",
            EdgeKind::ChairsInTurn => "chairs_in_turn",
            EdgeKind::PaysShare => "pays_share",
            EdgeKind::SplitBy => "split_by",
            EdgeKind::Owns => "owns",
            EdgeKind::OrganOf => "organ_of",
            EdgeKind::Supervises => "supervises",
            EdgeKind::Under => "under",
        }
    }
    /// Words for a person reading the picture.
    pub fn label(self) -> &'static str {
        match self {
            EdgeKind::BelongsTo => "side",
            EdgeKind::HoldsSeat => "holds",
            EdgeKind::SitsIn => "sits in",
            EdgeKind::HoldsOffice => "office",
            EdgeKind::Chairs => "chairs",
            EdgeKind::Bears => "bears",
            EdgeKind::Benefits => "for",
            EdgeKind::ReportsTo => "reports to",
            EdgeKind::Decides => "takes",
            EdgeKind::Funds => "funds",
            EdgeKind::TrancheOf => "tranche",
            EdgeKind::Provides => "provides",
            EdgeKind::PartnerIn => "partner",
            EdgeKind::Binds => "binds",
            EdgeKind::FormedBy => "formed by",
            EdgeKind::RequiresConsentOf => "consent of",
            EdgeKind::Consults => "consults",
            EdgeKind::Precedes => "then",
            EdgeKind::Continues => "continues",
            EdgeKind::Supersedes => "supersedes",
            EdgeKind::PartOf => "part of",
            EdgeKind::MemberOf => "member of",
            EdgeKind::Weights => "weights",
            EdgeKind::RuleOf => "rule of",
            EdgeKind::Veto => "veto",
            EdgeKind::Counts => "counted",
            EdgeKind::WeighedBy => "weighed by",
            EdgeKind::ChairsInTurn => "chairs in turn",
            EdgeKind::PaysShare => "pays a share",
            EdgeKind::SplitBy => "split by",
            EdgeKind::Owns => "owns",
            EdgeKind::OrganOf => "organ of",
            EdgeKind::Supervises => "supervises",
            EdgeKind::Under => "under",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Node {
    /// Stable id, e.g. `party:land`, `seat:beirat.cio`.
    pub id: String,
    pub kind: NodeKind,
    pub label: String,
    /// Where the element is written; `None` for nodes pakt adds (sides,
    /// elements of the superseded agreement).
    pub span: Option<Span>,
    /// A short second line: modality and action, an amount, a date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Edge {
    pub kind: EdgeKind,
}

/// The graph of one agreement.
#[derive(Debug, Clone)]
pub struct Graph {
    pub agreement: String,
    pub graph: StableDiGraph<Node, Edge>,
    index: BTreeMap<String, NodeIndex>,
}

impl Graph {
    pub fn node(&self, id: &str) -> Option<&Node> {
        self.index.get(id).and_then(|i| self.graph.node_weight(*i))
    }
    pub fn index_of(&self, id: &str) -> Option<NodeIndex> {
        self.index.get(id).copied()
    }
    /// Nodes in insertion (file) order.
    pub fn nodes(&self) -> impl Iterator<Item = (NodeIndex, &Node)> {
        self.graph.node_indices().filter_map(|i| self.graph.node_weight(i).map(|n| (i, n)))
    }
    /// Edges in insertion order, as (source id, target id, kind).
    pub fn edges(&self) -> Vec<(&Node, &Node, EdgeKind)> {
        let mut v = Vec::new();
        for e in (&self.graph).edge_references() {
            if let (Some(a), Some(b)) = (self.graph.node_weight(e.source()), self.graph.node_weight(e.target())) {
                v.push((a, b, e.weight().kind));
            }
        }
        v
    }

    /// The subgraph within `radius` edges of `id` (either direction).
    pub fn focus(&self, id: &str, radius: usize) -> Option<Graph> {
        let start = self.index_of(id)?;
        let mut keep: BTreeSet<NodeIndex> = BTreeSet::from([start]);
        let mut frontier = vec![start];
        for _ in 0..radius {
            // Nothing left to visit: a huge radius costs no more than the graph.
            if frontier.is_empty() {
                break;
            }
            crate::work::tick(1);
            let mut next = Vec::new();
            for n in frontier {
                for m in self.graph.neighbors_undirected(n) {
                    if keep.insert(m) {
                        next.push(m);
                    }
                }
            }
            frontier = next;
        }
        let mut g = self.clone();
        g.graph.retain_nodes(|_, n| keep.contains(&n));
        g.index.retain(|_, i| keep.contains(i));
        Some(g)
    }

    /// Ids of all nodes, for "did you mean" on `--focus`.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.index.keys().map(String::as_str)
    }
}

struct Builder<'m> {
    m: &'m Model,
    g: Graph,
    /// Edges made so far, so that none is added twice (in constant time).
    made: std::collections::HashSet<(NodeIndex, NodeIndex, EdgeKind)>,
}

impl Builder<'_> {
    fn add(
        &mut self,
        id: String,
        kind: NodeKind,
        label: &str,
        span: Option<Span>,
        detail: Option<String>,
    ) -> NodeIndex {
        if let Some(i) = self.g.index.get(&id) {
            return *i;
        }
        let i = self.g.graph.add_node(Node { id: id.clone(), kind, label: label.to_string(), span, detail });
        self.g.index.insert(id, i);
        i
    }

    fn edge(&mut self, from: &str, to: &str, kind: EdgeKind) {
        if let (Some(a), Some(b)) = (self.g.index_of(from), self.g.index_of(to)) {
            if self.made.insert((a, b, kind)) {
                self.g.graph.add_edge(a, b, Edge { kind });
            }
        }
    }

    /// Node ids a reference stands for. `all` is one node, `parties:all`,
    /// to which every party belongs: an edge to it is an edge to each party,
    /// and the graph stays as large as the agreement.
    fn ids_of(&mut self, target: Target) -> Vec<String> {
        if target == Target::AllParties {
            self.all_parties();
        }
        vec![node_id(self.m, target)]
    }

    fn all_parties(&mut self) {
        if self.g.index_of(ALL_PARTIES).is_some() {
            return;
        }
        self.add(ALL_PARTIES.to_string(), NodeKind::AllParties, "all parties", None, None);
        for p in &self.m.parties {
            self.edge(&format!("party:{}", p.id.value), ALL_PARTIES, EdgeKind::BelongsTo);
        }
    }

    fn edges_to(&mut self, from: &str, refs: &[Ref], kind: EdgeKind) {
        for r in refs {
            for to in self.ids_of(r.target) {
                self.edge(from, &to, kind);
            }
        }
    }

    fn edges_from(&mut self, refs: &[Ref], to: &str, kind: EdgeKind) {
        for r in refs {
            for from in self.ids_of(r.target) {
                self.edge(&from, to, kind);
            }
        }
    }
}

/// The node that stands for `all` parties.
pub const ALL_PARTIES: &str = "parties:all";

/// The stable node id of a model element.
pub fn node_id(m: &Model, target: Target) -> String {
    if target == Target::AllParties {
        return ALL_PARTIES.to_string();
    }
    format!("{}:{}", target.kind_name(), m.target_id(target))
}

/// A label shortened for a picture (the SVG of `--view all`); the graph
/// itself, and so its JSON, DOT and Mermaid, keeps every label whole.
pub(crate) fn short(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let cut: String = text.chars().take(max.saturating_sub(1)).collect();
        format!("{}…", cut.trim_end())
    }
}

/// Build the graph of a model. `predecessor` is the superseded agreement,
/// for `supersedes` and `continues` edges.
pub fn build(m: &Model, predecessor: Option<&Model>) -> Graph {
    let mut b = Builder {
        m,
        g: Graph { agreement: m.id.value.clone(), graph: StableDiGraph::new(), index: BTreeMap::new() },
        made: std::collections::HashSet::new(),
    };
    let this = format!("agreement:{}", m.id.value);
    let title = m.title.as_ref().map_or(m.id.value.as_str(), |t| t.value.as_str());
    b.add(this.clone(), NodeKind::Agreement, title, Some(m.id.span), m.date.as_ref().map(|d| d.value.to_string()));
    if let Some(pre) = predecessor {
        let id = format!("agreement:{}", pre.id.value);
        let t = pre.title.as_ref().map_or(pre.id.value.as_str(), |t| t.value.as_str());
        b.add(id.clone(), NodeKind::Agreement, t, None, pre.date.as_ref().map(|d| d.value.to_string()));
        b.edge(&this, &id, EdgeKind::Supersedes);
    }
    for side in [Side::Federal, Side::State, Side::Municipal] {
        if m.parties.iter().any(|p| p.side.as_ref().is_some_and(|s| s.value == side)) {
            let label = match side {
                Side::Federal => "Bund (federal side)",
                Side::State => "Land (state side)",
                Side::Municipal => "Kommunen (municipal side)",
            };
            b.add(format!("side:{}", side.name()), NodeKind::Side, label, None, None);
        }
    }
    for p in &m.parties {
        let id = format!("party:{}", p.id.value);
        b.add(id.clone(), NodeKind::Party, &p.name.value, Some(p.id.span), None);
        if let Some(s) = &p.side {
            b.edge(&id, &format!("side:{}", s.value.name()), EdgeKind::BelongsTo);
        }
    }
    for a in &m.actors {
        b.add(format!("actor:{}", a.id.value), NodeKind::Actor, &a.name.value, Some(a.id.span), None);
    }
    for i in &m.institutions {
        let detail = i.legal_form.as_ref().map(|f| f.value.clone());
        b.add(format!("institution:{}", i.id.value), NodeKind::Institution, &i.name.value, Some(i.id.span), detail);
    }
    for (gi, g) in m.groups.iter().enumerate() {
        let id = format!("group:{}", g.id.value);
        let n = m.group_parties(GroupId(gi as u32)).len();
        b.add(id.clone(), NodeKind::Group, &g.name.value, Some(g.id.span), Some(format!("{n} parties")));
        for p in m.group_parties(GroupId(gi as u32)) {
            b.edge(&node_id(m, Target::Party(p)), &id, EdgeKind::MemberOf);
        }
        for r in g.members.iter().filter(|r| !matches!(r.target, Target::Party(_))) {
            b.edge(&node_id(m, r.target), &id, EdgeKind::MemberOf);
        }
    }
    for k in &m.keys {
        let id = format!("key:{}", k.id.value);
        let detail = k.year.as_ref().map(|y| y.value.to_string());
        b.add(id.clone(), NodeKind::Key, &k.name.value, Some(k.id.span), detail);
        if let Some(r) = &k.of {
            b.edge(&id, &node_id(m, r.target), EdgeKind::Weights);
        }
    }
    for a in &m.actors {
        if let Some(r) = &a.part_of {
            let to = node_id(m, r.target);
            b.edge(&format!("actor:{}", a.id.value), &to, EdgeKind::PartOf);
        }
    }
    for o in &m.offices {
        let id = format!("office:{}", o.id.value);
        b.add(id.clone(), NodeKind::Office, &o.name.value, Some(o.id.span), o.holder.as_ref().map(|h| h.value.clone()));
        if let Some(r) = &o.of {
            b.edge(&node_id(m, r.target), &id, EdgeKind::HoldsOffice);
        }
    }
    for body in &m.bodies {
        let id = format!("body:{}", body.id.value);
        let detail = match (&body.meeting, &body.decides) {
            (Some(mt), _) => {
                let shall =
                    if mt.modality.as_ref().is_some_and(|md| md.value == Modality::Shall) { "shall " } else { "" };
                Some(format!("{shall}meets {}", mt.frequency.value))
            }
            (None, Some(d)) => Some(format!("decides by {}", d.value.name())),
            _ => None,
        };
        b.add(id.clone(), NodeKind::Body, &body.name.value, Some(body.id.span), detail);
        for seat in &body.seats {
            let sid = format!("seat:{}.{}", body.id.value, seat.id.value);
            let label = seat.label.as_ref().map_or(seat.id.value.as_str(), |l| l.value.as_str());
            let mut detail = Vec::new();
            if seat.count.value != 1 {
                detail.push(format!("{} seats", seat.count.value));
            }
            if !seat.voting {
                detail.push("advisory".to_string());
            }
            let detail = if detail.is_empty() { None } else { Some(detail.join(", ")) };
            b.add(sid.clone(), NodeKind::Seat, label, Some(seat.id.span), detail);
            b.edge(&sid, &id, EdgeKind::SitsIn);
            if let Some(r) = &seat.party {
                b.edge(&node_id(m, r.target), &sid, EdgeKind::HoldsSeat);
            }
            if let Some(r) = &seat.office {
                b.edge(&node_id(m, r.target), &sid, EdgeKind::HoldsOffice);
            }
            if let Some(r) = &seat.each {
                b.edge(&node_id(m, r.target), &sid, EdgeKind::HoldsSeat);
            }
            if seat.party.is_none() && seat.office.is_none() {
                if let Some(side) = &seat.side {
                    b.edge(&format!("side:{}", side.value.name()), &sid, EdgeKind::HoldsSeat);
                }
            }
        }
    }
    for body in &m.bodies {
        let id = format!("body:{}", body.id.value);
        if let Some(r) = &body.chair {
            b.edge(&node_id(m, r.target), &id, EdgeKind::Chairs);
        }
        if let Some(r) = &body.reports_to {
            b.edge(&id, &node_id(m, r.target), EdgeKind::ReportsTo);
        }
        if let Some(r) = &body.formed_by {
            for to in b.ids_of(r.target) {
                b.edge(&id, &to, EdgeKind::FormedBy);
            }
        }
        b.edges_to(&id, &body.binding, EdgeKind::Binds);
        if let Some(rot) = &body.rotation {
            b.edges_from(&rot.among, &id, EdgeKind::ChairsInTurn);
        }
        for d in &body.decisions {
            let did = format!("decision:{}.{}", body.id.value, d.id.value);
            let label = d.label.as_ref().map_or(d.id.value.as_str(), |l| l.value.as_str());
            let words: Vec<String> = d
                .requires
                .iter()
                .map(|c| {
                    c.any_of.iter().map(|r| r.value.describe(|x: &Ref| x.id.clone())).collect::<Vec<_>>().join(" or ")
                })
                .collect();
            b.add(did.clone(), NodeKind::Decision, label, Some(d.id.span), Some(words.join("; ")));
            b.edge(&did, &id, EdgeKind::RuleOf);
            for r in d.requires.iter().flat_map(|c| c.any_of.iter()) {
                match &r.value {
                    Requirement::Veto { who } => {
                        for from in b.ids_of(who.target) {
                            b.edge(&from, &did, EdgeKind::Veto);
                        }
                    }
                    Requirement::AtLeast { of, .. } => b.edge(&node_id(m, of.target), &did, EdgeKind::Counts),
                    Requirement::Weighted { key, of, .. } => {
                        b.edge(&did, &node_id(m, key.target), EdgeKind::WeighedBy);
                        if let Some(of) = of {
                            b.edge(&node_id(m, of.target), &did, EdgeKind::Counts);
                        }
                    }
                    _ => {}
                }
            }
        }
        if let (Some(cont), Some(pre)) = (&body.continues, predecessor) {
            if let Some(pb) = pre.bodies.iter().find(|pb| pb.id.value == cont.value) {
                let pid = format!("body:{}/{}", pre.id.value, pb.id.value);
                b.add(pid.clone(), NodeKind::Body, &pb.name.value, None, Some(format!("in {}", pre.id.value)));
                b.edge(&id, &pid, EdgeKind::Continues);
            }
        }
    }
    for o in &m.obligations {
        let id = format!("obligation:{}", o.id.value);
        let detail = match (&o.modality, &o.action) {
            (Some(md), Some(a)) => Some(format!("{} {}", md.value.keyword(), a.value)),
            _ => None,
        };
        b.add(id.clone(), NodeKind::Obligation, &o.id.value, Some(o.id.span), detail);
        b.edges_from(&o.bearer, &id, EdgeKind::Bears);
        b.edges_to(&id, &o.beneficiary, EdgeKind::Benefits);
    }
    for s in &m.services {
        let id = format!("service:{}", s.id.value);
        let detail = s.free_of_charge.map(|_| "free of charge".to_string());
        b.add(id.clone(), NodeKind::Service, &s.name.value, Some(s.id.span), detail);
        if let Some(r) = &s.provider {
            b.edge(&node_id(m, r.target), &id, EdgeKind::Provides);
        }
        b.edges_to(&id, &s.beneficiary, EdgeKind::Benefits);
    }
    for p in &m.projects {
        let id = format!("project:{}", p.id.value);
        b.add(id.clone(), NodeKind::Project, &p.name.value, Some(p.id.span), None);
        b.edges_from(&p.partners, &id, EdgeKind::PartnerIn);
    }
    for f in &m.financings {
        let id = format!("financing:{}", f.id.value);
        let detail = f.amount.as_ref().map(|a| {
            let bound = match a.bound {
                Bound::UpTo => "up to",
                Bound::Exactly => "exactly",
                Bound::About => "about",
            };
            format!("{bound} {}", a.money)
        });
        b.add(id.clone(), NodeKind::Financing, &f.name.value, Some(f.id.span), detail);
        b.edges_from(&f.payer, &id, EdgeKind::Funds);
        b.edges_to(&id, &f.recipient, EdgeKind::Funds);
        for s in &f.shares {
            b.edge(&node_id(m, s.payer.target), &id, EdgeKind::PaysShare);
            if let ShareKind::ByKey { key } | ShareKind::Rest { key: Some(key) } = &s.kind {
                b.edge(&id, &node_id(m, key.target), EdgeKind::SplitBy);
            }
        }
        for t in &f.tranches {
            let tid = format!("tranche:{}.{}", f.id.value, t.year.value);
            b.add(
                tid.clone(),
                NodeKind::Tranche,
                &format!("{}", t.year.value),
                Some(t.span),
                Some(t.amount.money.to_string()),
            );
            b.edge(&tid, &id, EdgeKind::TrancheOf);
        }
    }
    for (pi, p) in m.procedures.iter().enumerate() {
        for s in &p.steps {
            let id = format!("step:{}.{}", p.id.value, s.id.value);
            let label = s.label.as_ref().map_or(s.id.value.as_str(), |l| l.value.as_str());
            let detail = s.kind.as_ref().map(|k| {
                let money = if s.commits_money.is_some() { ", commits money" } else { "" };
                format!("{}{money}", k.value.keyword())
            });
            b.add(id, NodeKind::Step, label, Some(s.id.span), detail);
        }
        for (i, s) in p.steps.iter().enumerate() {
            let id = format!("step:{}.{}", p.id.value, s.id.value);
            for pred in p.predecessors(ProcedureId(pi as u32), i) {
                if let Some(ps) = p.steps.get(pred) {
                    b.edge(&format!("step:{}.{}", p.id.value, ps.id.value), &id, EdgeKind::Precedes);
                }
            }
            if let Some(r) = &s.by {
                for from in b.ids_of(r.target) {
                    b.edge(&from, &id, EdgeKind::Decides);
                }
            }
            b.edges_to(&id, &s.consent_of, EdgeKind::RequiresConsentOf);
            if let Some(r) = &s.under {
                b.edge(&id, &node_id(m, r.target), EdgeKind::Under);
            }
            b.edges_to(&id, &s.consultation_of, EdgeKind::Consults);
        }
    }
    for i in &m.institutions {
        let id = format!("institution:{}", i.id.value);
        for o in &i.owners {
            for from in b.ids_of(o.owner.target) {
                b.edge(&from, &id, EdgeKind::Owns);
            }
            if let Some(OwnerShare::ByKey { key }) = &o.share {
                b.edge(&id, &node_id(m, key.target), EdgeKind::SplitBy);
            }
        }
        for o in &i.organs {
            b.edge(&node_id(m, o.organ.target), &id, EdgeKind::OrganOf);
        }
        if let Some(s) = &i.supervision {
            b.edge(&node_id(m, s.by.target), &id, EdgeKind::Supervises);
        }
    }
    b.g
}
