//! `pakt diff`: what changed in substance between two versions of an
//! agreement.
//!
//! In: two resolved models and their source texts. Out: a `Report` of
//! changes, each with its path, old and new value, classification (see
//! `classify`), and spans in both files; and a Synopse (old and new text of
//! each changed element, side by side, with the words that changed).
//!
//! Both models are first flattened into elements with comparable fields
//! (names instead of indices, spans left out), so that formatting, order
//! and comments never count as changes. Elements are matched by kind and
//! id; a body that `continues` a body of the old agreement is matched with
//! it, and the old body's seats, tasks and the references to it are read
//! under the new name; elements under another id are matched by their words
//! (`match_renamed`) or, for goals, by their place (`align`). The changes
//! are then folded: parts into their new or dropped wholes, a removed
//! element into the institution that takes over from it (`replace`), and
//! the same change at several levels into one line (`group`).

mod align;
pub mod amendments;
pub mod classify;
pub mod fassung;
pub mod german;
mod group;
mod render;
mod replace;
pub mod synopse;
pub mod words;

pub use render::{amendments as amendments_text, html, html_in, json, markdown, markdown_in, text, text_in};

use crate::model::*;
use crate::span::Span;
use crate::values::{Date, Money};
use classify::{Effect, Weight};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

/// A comparable value of one field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Field {
    Text(String),
    Flag(bool),
    Number(u64),
    Set(BTreeSet<String>),
    /// Boxed: the largest value, and rare; unboxed it made every field of
    /// every element 8 bytes larger.
    Amount {
        bound: Bound,
        money: Box<Money>,
    },
    Frequency(Frequency),
    Modality(Modality),
    Decision(DecisionRule),
    Date(Date),
    Side(Side),
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Field::Text(t) => write!(f, "{t}"),
            Field::Flag(b) => write!(f, "{}", if *b { "yes" } else { "no" }),
            Field::Number(n) => write!(f, "{n}"),
            Field::Set(s) => write!(f, "{}", s.iter().cloned().collect::<Vec<_>>().join(", ")),
            Field::Amount { bound, money } => {
                let b = match bound {
                    Bound::UpTo => "up to",
                    Bound::Exactly => "exactly",
                    Bound::About => "about",
                };
                write!(f, "{b} {money}")
            }
            Field::Frequency(x) => write!(f, "{x}"),
            Field::Modality(m) => write!(f, "{}", m.keyword()),
            Field::Decision(d) => write!(f, "{}", d.name()),
            Field::Date(d) => write!(f, "{d}"),
            Field::Side(s) => write!(f, "{}", s.name()),
        }
    }
}

/// An element's fields by name, in name order. A sorted vector: a
/// `BTreeMap` takes a node of about 1 KB even for the handful of fields most
/// elements have, which made the element tables of two large versions
/// most of a diff's memory.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Fields(Vec<(&'static str, Field)>);

impl Fields {
    /// The field of this name.
    pub fn get(&self, name: &str) -> Option<&Field> {
        let i = self.0.binary_search_by(|(k, _)| (*k).cmp(name)).ok()?;
        self.0.get(i).map(|(_, v)| v)
    }
    /// The names, in order.
    pub fn keys(&self) -> impl Iterator<Item = &&'static str> + '_ {
        self.0.iter().map(|(k, _)| k)
    }
}

impl FromIterator<(&'static str, Field)> for Fields {
    /// As a map collects: in name order, the last of two of one name wins.
    fn from_iter<I: IntoIterator<Item = (&'static str, Field)>>(items: I) -> Fields {
        let mut all: Vec<(&'static str, Field)> = items.into_iter().collect();
        all.reverse();
        // Stable: of equal names the last given is now first, and kept.
        all.sort_by_key(|(k, _)| *k);
        all.dedup_by_key(|(k, _)| *k);
        all.shrink_to_fit();
        Fields(all)
    }
}

/// One element, flattened for comparison.
#[derive(Debug, Clone)]
pub struct Element {
    pub kind: &'static str,
    /// `kind:id`, made once: the tables of a diff borrow it, and `id()`
    /// is its end (the id is not kept twice).
    key: String,
    /// The block as written.
    pub span: Span,
    /// The top-level element whose block contains this one: a seat's body,
    /// a tranche's financing; `None` for a top-level element (`container()`).
    container: Option<String>,
    pub section: Option<String>,
    pub fields: Fields,
    /// For bodies: the old body this one continues.
    pub continues: Option<String>,
    /// For steps: a consent on financing, or a step that needs consent.
    pub consent_step: bool,
    /// Attributes its source does not state (`unknown …`).
    pub unknowns: BTreeSet<String>,
}

impl Element {
    pub fn key(&self) -> String {
        self.key_str().to_string()
    }
    /// The key of the top-level element whose block holds this one: its
    /// own key for a top-level element (kept once, not twice).
    pub fn container(&self) -> &str {
        self.container.as_deref().unwrap_or(&self.key)
    }
    /// The element's id (`beirat`, `beirat.land` for a seat).
    pub fn id(&self) -> &str {
        self.key.get(self.kind.len() + 1..).unwrap_or("")
    }
    /// `kind:id`, borrowed.
    pub fn key_str(&self) -> &str {
        // Counted: every comparison of elements goes through their keys.
        crate::work::tick(1);
        &self.key
    }
    /// A short description for "added" and "removed".
    pub fn summary(&self) -> String {
        for f in ["name", "label", "text", "action", "signatory", "title"] {
            if let Some(v) = self.fields.get(f) {
                let prefix = match (f, self.fields.get("modality")) {
                    ("action", Some(m)) => format!("{m} "),
                    _ => String::new(),
                };
                return format!("{prefix}{v}");
            }
        }
        if let Some(a) = self.fields.get("amount") {
            return a.to_string();
        }
        if let Some(s) = self.fields.get("share") {
            return s.to_string();
        }
        self.id().to_string()
    }

    /// The summary with the quantities that matter for its kind: the
    /// amount of money, a share, a requirement.
    pub fn summary_with_quantities(&self) -> String {
        let base = self.summary();
        let extra: Vec<String> = ["amount", "share", "requires", "figures", "owners", "seats", "count", "meets"]
            .iter()
            .filter_map(|f| self.fields.get(f).map(|v| (f, v)))
            .filter(|(_, v)| v.to_string() != base)
            .map(|(f, v)| format!("{f}: {v}"))
            .collect();
        if extra.is_empty() {
            base
        } else {
            format!("{base} ({})", extra.join("; "))
        }
    }

    /// Words of its texts, for matching renamed elements by content.
    fn words(&self) -> BTreeSet<String> {
        let mut out = BTreeSet::new();
        for f in ["name", "label", "text", "action", "wording", "signatory", "title"] {
            if let Some(Field::Text(t)) = self.fields.get(f) {
                // Word stems (the first six letters), so that „harmonisieren“
                // and „Harmonisierung“ count as one word.
                // Numbers count whatever their length: "Ziel 3" is not "Ziel 7".
                for w in t
                    .split(|c: char| !c.is_alphanumeric())
                    .filter(|w| w.chars().count() >= 4 || w.chars().any(|c| c.is_ascii_digit()))
                {
                    out.insert(w.to_lowercase().chars().take(6).collect());
                }
            }
        }
        out
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    Added,
    Removed,
    Changed,
    Continued,
    /// The same element under another id (matched by its content).
    Renamed,
    /// A new element takes over from a removed one (`takes_over`).
    Replaced,
}

#[derive(Debug, Clone, Serialize)]
pub struct Change {
    pub kind: ChangeKind,
    /// The kind of element: `body`, `obligation`, …
    pub element: &'static str,
    /// The element's id (in the new version, where it exists).
    pub id: String,
    /// `element:id` or `element:id.field`.
    pub path: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<&'static str>,
    pub old: Option<String>,
    pub new: Option<String>,
    pub effect: Effect,
    pub weight: Weight,
    /// The row of the classification table.
    pub rule: &'static str,
    pub section: Option<String>,
    #[serde(skip)]
    pub old_span: Option<Span>,
    #[serde(skip)]
    pub new_span: Option<Span>,
    /// Word-level difference, for wording and other texts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub words: Option<Vec<words::Segment>>,
    /// Parts of this change shown elsewhere: the seats of a new body, the
    /// tranches of a new financing (one change, one line).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<String>,
    /// The key of the element's container (`body:beirat` for its seats).
    #[serde(skip)]
    pub container: String,
    #[serde(skip)]
    pub order: (usize, usize),
}

#[derive(Debug, Clone)]
pub struct Report {
    pub old_path: String,
    pub new_path: String,
    pub old_text: String,
    pub new_text: String,
    pub changes: Vec<Change>,
}

impl Report {
    pub fn is_equivalent(&self) -> bool {
        self.changes.is_empty()
    }
    pub fn count(&self, weight: Weight) -> usize {
        self.changes.iter().filter(|c| c.weight == weight).count()
    }
}

// ------------------------------------------------------------ flattening

struct Flat<'m> {
    m: &'m Model,
    /// Old body id → new body id, for continued bodies.
    rename: &'m BTreeMap<String, String>,
    out: Vec<Element>,
}

impl Flat<'_> {
    fn name(&self, id: &str) -> String {
        // The shortest renamed prefix (`body` of `body.seat`) wins, then the
        // whole id; looked up, not searched, for many renamed bodies.
        for (dot, _) in id.match_indices('.') {
            crate::work::tick(1);
            let (old, rest) = (id.get(..dot).unwrap_or(""), id.get(dot + 1..).unwrap_or(""));
            if let Some(new) = self.rename.get(old) {
                return format!("{new}.{rest}");
            }
        }
        self.rename.get(id).cloned().unwrap_or_else(|| id.to_string())
    }
    fn r(&self, r: &Ref) -> String {
        self.name(&self.m.target_id(r.target))
    }
    fn set(&self, refs: &[Ref]) -> Option<Field> {
        let s: BTreeSet<String> = refs.iter().map(|r| self.r(r)).collect();
        (!s.is_empty()).then_some(Field::Set(s))
    }

    #[allow(clippy::too_many_arguments)]
    fn push(
        &mut self,
        kind: &'static str,
        id: String,
        span: Span,
        container: Option<String>,
        meta: &Meta,
        fields: Vec<(&'static str, Option<Field>)>,
    ) {
        let mut all: Vec<(&'static str, Field)> =
            fields.into_iter().filter_map(|(k, v)| v.filter(|v| *v != Field::Flag(false)).map(|v| (k, v))).collect();
        if let Some(w) = &meta.wording {
            all.push(("wording", Field::Text(w.value.clone())));
        }
        // Nothing is silently equal: notes, assumptions and the wordings
        // tied to attributes count too (as editorial changes).
        let set = |items: Vec<String>| (!items.is_empty()).then(|| Field::Set(items.into_iter().collect()));
        let sets = [
            ("notes", set(meta.notes.iter().map(|n| n.value.clone()).collect())),
            ("assumptions", set(meta.assumptions.iter().map(|n| n.value.clone()).collect())),
            (
                "wordings",
                set(meta.wordings.iter().map(|w| format!("{}: {}", w.supports.value, w.text.value)).collect()),
            ),
            ("unknown", set(meta.unknowns.iter().map(|u| u.attribute.value.clone()).collect())),
        ];
        all.extend(sets.into_iter().filter_map(|(k, v)| v.map(|v| (k, v))));
        // Made at once, at its size (later inserts would double it).
        let map: Fields = all.into_iter().collect();
        let key = format!("{kind}:{id}");
        self.out.push(Element {
            kind,
            span,
            container,
            key,
            section: meta.section.as_ref().map(|s| s.value.clone()),
            fields: map,
            continues: None,
            consent_step: false,
            unknowns: meta.unknowns.iter().map(|u| u.attribute.value.clone()).collect(),
        });
    }
}

/// The attribute `unknown` names for a field of the diff: the meeting rule's
/// parts are all `meets`, and so on.
fn attribute_of(field: &str) -> &str {
    match field {
        "on_request_of" | "meets_modality" | "governed_by" | "requests" => "meets",
        "quorum_share" => "quorum",
        "rotation" => "chair",
        "notice_to_end_of" => "notice",
        other => other,
    }
}

fn clause_text(c: &Clause<Ref>, f: &Flat<'_>) -> String {
    c.any_of.iter().map(|r| r.value.describe(|x: &Ref| f.r(x))).collect::<Vec<_>>().join(" or ")
}

fn clauses(cs: &[Clause<Ref>], f: &Flat<'_>) -> Option<Field> {
    let s: BTreeSet<String> = cs.iter().map(|c| clause_text(c, f)).collect();
    (!s.is_empty()).then_some(Field::Set(s))
}

fn percent(d: &Spanned<crate::values::Decimal>) -> String {
    format!("{} %", d.value)
}

fn opt_text(s: &Option<Spanned<String>>) -> Option<Field> {
    s.as_ref().map(|s| Field::Text(s.value.clone()))
}

fn flag(s: Option<Span>) -> Option<Field> {
    Some(Field::Flag(s.is_some()))
}

fn conditions(cs: &[Spanned<Condition>]) -> (Option<Field>, Option<Field>) {
    let budget = cs.iter().any(|c| c.value == Condition::BudgetReservation);
    let texts: BTreeSet<String> = cs
        .iter()
        .filter_map(|c| match &c.value {
            Condition::Text(t) => Some(t.clone()),
            Condition::BudgetReservation => None,
        })
        .collect();
    (Some(Field::Flag(budget)), (!texts.is_empty()).then_some(Field::Set(texts)))
}

/// Flatten a model into comparable elements, in file order.
pub fn flatten(m: &Model, rename: &BTreeMap<String, String>) -> Vec<Element> {
    let mut f = Flat { m, rename, out: Vec::new() };
    f.push(
        "agreement",
        "agreement".to_string(),
        m.span,
        None,
        &m.meta,
        vec![
            ("title", opt_text(&m.title)),
            ("date", m.date.as_ref().map(|d| Field::Date(d.value))),
            ("place", opt_text(&m.place)),
            ("land", opt_text(&m.land)),
            ("kind", opt_text(&m.kind)),
            ("supersedes", opt_text(&m.supersedes)),
            ("renews", m.renews.as_ref().map(|r| Field::Text(format!("{} {}", r.date.value, r.label.value)))),
        ],
    );
    if let Some(first) = f.out.last_mut() {
        // The header's span is the whole file; point at its id instead.
        first.span = m.id.span;
    }
    for g in &m.goals {
        f.push(
            "goal",
            g.id.value.clone(),
            g.span,
            None,
            &g.meta,
            vec![("text", Some(Field::Text(g.text.value.clone())))],
        );
    }
    for p in &m.parties {
        f.push(
            "party",
            p.id.value.clone(),
            p.span,
            None,
            &p.meta,
            vec![
                ("name", Some(Field::Text(p.name.value.clone()))),
                ("side", p.side.as_ref().map(|s| Field::Side(s.value))),
                ("represented_by", opt_text(&p.represented_by)),
                ("kind", opt_text(&p.kind)),
            ],
        );
    }
    for o in &m.offices {
        let of = o.of.as_ref().map(|r| Field::Text(f.r(r)));
        f.push(
            "office",
            o.id.value.clone(),
            o.span,
            None,
            &o.meta,
            vec![("name", Some(Field::Text(o.name.value.clone()))), ("of", of), ("holder", opt_text(&o.holder))],
        );
    }
    for a in &m.actors {
        let part_of = a.part_of.as_ref().map(|r| Field::Text(f.r(r)));
        f.push(
            "actor",
            a.id.value.clone(),
            a.span,
            None,
            &a.meta,
            vec![
                ("name", Some(Field::Text(a.name.value.clone()))),
                ("side", a.side.as_ref().map(|s| Field::Side(s.value))),
                ("part_of", part_of),
            ],
        );
    }
    for b in &m.bodies {
        let id = f.name(&b.id.value);
        let key = format!("body:{id}");
        let recommendation: BTreeSet<String> = b.recommendation_to.iter().map(|s| s.value.clone()).collect();
        let fields = vec![
            ("name", Some(Field::Text(b.name.value.clone()))),
            ("kind", opt_text(&b.kind)),
            ("legal_basis", opt_text(&b.legal_basis)),
            ("parity", flag(b.parity)),
            ("seats", b.declared_seats.as_ref().map(|n| Field::Number(u64::from(n.value)))),
            ("chair", b.chair.as_ref().map(|r| Field::Text(f.r(r)))),
            (
                "rotation",
                b.rotation.as_ref().map(|rot| {
                    let among: Vec<String> = rot.among.iter().map(|r| f.r(r)).collect();
                    let every = rot
                        .every
                        .as_ref()
                        .map(|e| format!(" every {} {}", e.value.count, e.value.period.name()))
                        .unwrap_or_default();
                    Field::Text(format!("rotating among {}{every}", among.join(", ")))
                }),
            ),
            ("deputy", b.deputy.as_ref().map(|r| Field::Text(f.r(r)))),
            ("casting_vote", flag(b.casting_vote)),
            ("meets", b.meeting.as_ref().map(|mt| Field::Frequency(mt.frequency.value))),
            (
                "meets_modality",
                b.meeting.as_ref().and_then(|mt| mt.modality.as_ref()).map(|md| Field::Modality(md.value)),
            ),
            (
                "governed_by",
                b.meeting.as_ref().and_then(|mt| mt.governed_by.as_ref()).map(|g| Field::Text(g.value.clone())),
            ),
            (
                "requests",
                b.meeting.as_ref().and_then(|mt| {
                    let s: BTreeSet<String> = mt
                        .requests
                        .iter()
                        .map(|r| match &r.value {
                            Requester::Party { who } => f.r(who),
                            Requester::CountOf { count, of } => format!("{count} of {}", f.r(of)),
                        })
                        .collect();
                    (!s.is_empty()).then_some(Field::Set(s))
                }),
            ),
            (
                "quorum_share",
                b.quorum_share.as_ref().map(|q| {
                    Field::Text(format!(
                        "{}{}",
                        q.value.fraction,
                        q.value.base.map(|b| format!(" of {}", b.keyword())).unwrap_or_default()
                    ))
                }),
            ),
            (
                "on_request_of",
                b.meeting.as_ref().and_then(|mt| mt.on_request_of.as_ref()).map(|n| Field::Number(u64::from(n.value))),
            ),
            ("quorum", b.quorum.as_ref().map(|n| Field::Number(u64::from(n.value)))),
            ("decides", b.decides.as_ref().map(|d| Field::Decision(d.value))),
            ("binding", f.set(&b.binding)),
            ("recommendation_to", (!recommendation.is_empty()).then_some(Field::Set(recommendation))),
            ("reports_to", b.reports_to.as_ref().map(|r| Field::Text(f.r(r)))),
            ("formed_by", b.formed_by.as_ref().map(|r| Field::Text(f.r(r)))),
        ];
        f.push("body", id.clone(), b.span, None, &b.meta, fields);
        if let Some(el) = f.out.last_mut() {
            el.continues = b.continues.as_ref().map(|c| c.value.clone());
        }
        for s in &b.seats {
            let fields = vec![
                ("label", opt_text(&s.label)),
                ("party", s.party.as_ref().map(|r| Field::Text(f.r(r)))),
                ("office", s.office.as_ref().map(|r| Field::Text(f.r(r)))),
                ("side", m.seat_side(s).map(Field::Side)),
                ("count", Some(Field::Number(u64::from(s.count.value)))),
                ("voting", Some(Field::Flag(s.voting))),
            ];
            let mut fields = fields;
            fields.push(("each", s.each.as_ref().map(|r| Field::Text(f.r(r)))));
            fields.push(("variable", flag(s.variable)));
            fields.push(("votes_on", opt_text(&s.votes_on)));
            f.push("seat", format!("{id}.{}", s.id.value), s.span, Some(key.clone()), &s.meta, fields);
        }
        for d in &b.decisions {
            let fields = vec![
                ("label", opt_text(&d.label)),
                ("requires", clauses(&d.requires, &f)),
                ("quorum", d.quorum.as_ref().map(|n| Field::Number(u64::from(n.value)))),
                (
                    "quorum_share",
                    d.quorum_share.as_ref().map(|q| {
                        Field::Text(format!(
                            "{}{}",
                            q.value.fraction,
                            q.value.base.map(|b| format!(" of {}", b.keyword())).unwrap_or_default()
                        ))
                    }),
                ),
            ];
            f.push("decision", format!("{id}.{}", d.id.value), d.span, Some(key.clone()), &d.meta, fields);
        }
    }
    for o in &m.obligations {
        let id = f.name(&o.id.value);
        let container = if o.task_of_body { id.split_once('.').map(|(b, _)| format!("body:{b}")) } else { None };
        let (budget, conds) = conditions(&o.conditions);
        let fields = vec![
            ("modality", o.modality.as_ref().map(|md| Field::Modality(md.value))),
            ("action", opt_text(&o.action)),
            ("bearer", f.set(&o.bearer)),
            ("beneficiary", f.set(&o.beneficiary)),
            ("budget_reservation", budget),
            ("conditions", conds),
            ("free_of_charge", flag(o.free_of_charge)),
            ("costly", flag(o.costly)),
            ("frequency", o.frequency.as_ref().map(|x| Field::Frequency(x.value))),
            ("deadline", o.deadline.as_ref().map(|d| Field::Date(d.value))),
        ];
        f.push("obligation", id, o.span, container, &o.meta, fields);
    }
    for s in &m.services {
        let (budget, conds) = conditions(&s.conditions);
        let fields = vec![
            ("name", Some(Field::Text(s.name.value.clone()))),
            ("provider", s.provider.as_ref().map(|r| Field::Text(f.r(r)))),
            ("beneficiary", f.set(&s.beneficiary)),
            ("chosen_by", s.chosen_by.as_ref().map(|r| Field::Text(f.r(r)))),
            ("budget_reservation", budget),
            ("conditions", conds),
            ("free_of_charge", flag(s.free_of_charge)),
            ("costly", flag(s.costly)),
        ];
        f.push("service", s.id.value.clone(), s.span, None, &s.meta, fields);
    }
    for p in &m.projects {
        let (budget, conds) = conditions(&p.conditions);
        let fields = vec![
            ("name", Some(Field::Text(p.name.value.clone()))),
            ("partners", f.set(&p.partners)),
            ("budget_reservation", budget),
            ("conditions", conds),
            ("free_of_charge", flag(p.free_of_charge)),
            ("costly", flag(p.costly)),
        ];
        f.push("project", p.id.value.clone(), p.span, None, &p.meta, fields);
    }
    for fin in &m.financings {
        let (budget, conds) = conditions(&fin.conditions);
        let fields = vec![
            ("name", Some(Field::Text(fin.name.value.clone()))),
            ("payer", f.set(&fin.payer)),
            ("recipient", f.set(&fin.recipient)),
            ("legal_basis", opt_text(&fin.legal_basis)),
            ("kind", opt_text(&fin.kind)),
            ("amount", fin.amount.as_ref().map(|a| Field::Amount { bound: a.bound, money: Box::new(a.money.clone()) })),
            ("per_year", Some(Field::Flag(fin.amount.as_ref().is_some_and(|a| a.per_year)))),
            (
                "years",
                fin.amount
                    .as_ref()
                    .and_then(|a| a.years.as_ref())
                    .map(|y| Field::Text(format!("{} to {}", y.value.0, y.value.1))),
            ),
            ("budget_reservation", budget),
            ("conditions", conds),
            ("cost_sharing", opt_text(&fin.cost_sharing)),
        ];
        let key = format!("financing:{}", fin.id.value);
        f.push("financing", fin.id.value.clone(), fin.span, None, &fin.meta, fields);
        for s in &fin.shares {
            let share = match &s.kind {
                ShareKind::Percent { percent: p } => percent(p),
                ShareKind::ByKey { key } => format!("by {}", f.r(key)),
                ShareKind::Rest { key: Some(key) } => format!("rest by {}", f.r(key)),
                ShareKind::Rest { key: None } => "rest".to_string(),
            };
            let fields = vec![("share", Some(Field::Text(share))), ("before_split", flag(s.before_split))];
            f.push(
                "share",
                format!("{}.{}", fin.id.value, f.r(&s.payer)),
                s.span,
                Some(key.clone()),
                &Meta::from(MetaFields { section: fin.meta.section.clone(), ..MetaFields::default() }),
                fields,
            );
        }
        for t in &fin.tranches {
            let fields = vec![(
                "amount",
                Some(Field::Amount { bound: t.amount.bound, money: Box::new(t.amount.money.clone()) }),
            )];
            f.push(
                "tranche",
                format!("{}.{}", fin.id.value, t.year.value),
                t.span,
                Some(key.clone()),
                &Meta::from(MetaFields { section: fin.meta.section.clone(), ..MetaFields::default() }),
                fields,
            );
        }
    }
    for (pi, p) in m.procedures.iter().enumerate() {
        let key = format!("procedure:{}", p.id.value);
        f.push(
            "procedure",
            p.id.value.clone(),
            p.span,
            None,
            &p.meta,
            vec![("name", Some(Field::Text(p.name.value.clone())))],
        );
        for (i, s) in p.steps.iter().enumerate() {
            let after: BTreeSet<String> = p
                .predecessors(ProcedureId(pi as u32), i)
                .into_iter()
                .filter_map(|j| p.steps.get(j))
                .map(|st| format!("{}.{}", p.id.value, st.id.value))
                .collect();
            let consent =
                s.kind.as_ref().is_some_and(|k| k.value == StepKind::AgreeFinancing) || !s.consent_of.is_empty();
            let fields = vec![
                ("label", opt_text(&s.label)),
                ("by", s.by.as_ref().map(|r| Field::Text(f.r(r)))),
                ("kind", s.kind.as_ref().map(|k| Field::Text(k.value.keyword().to_string()))),
                ("after", (!after.is_empty()).then_some(Field::Set(after))),
                ("consent_of", f.set(&s.consent_of)),
                ("consultation_of", f.set(&s.consultation_of)),
                ("commits_money", flag(s.commits_money)),
                ("under", s.under.as_ref().map(|r| Field::Text(f.r(r)))),
            ];
            f.push("step", format!("{}.{}", p.id.value, s.id.value), s.span, Some(key.clone()), &s.meta, fields);
            if let Some(el) = f.out.last_mut() {
                el.consent_step = consent;
            }
        }
    }
    if let Some(t) = &m.term {
        let fields = vec![
            ("from", t.from.as_ref().map(|d| Field::Date(d.value))),
            ("until", t.until.as_ref().map(|d| Field::Date(d.value))),
            ("until_revoked", flag(t.until_revoked)),
            ("in_writing", flag(t.in_writing)),
            ("notice", t.notice_months.as_ref().map(|n| Field::Number(u64::from(n.value)))),
            (
                "notice_to_end_of",
                t.notice.as_ref().and_then(|n| n.to_end_of).map(|p| Field::Text(p.name().to_string())),
            ),
            (
                "in_force",
                t.in_force.as_ref().map(|i| {
                    Field::Text(match &i.value {
                        InForce::Ratifications { count, by } => format!(
                            "{count} ratifications{}",
                            by.as_ref().map(|d| format!(" by {}", d.value)).unwrap_or_default()
                        ),
                        InForce::Condition { text } => text.clone(),
                    })
                }),
            ),
            ("lapses", t.lapses_below.as_ref().map(|n| Field::Number(u64::from(n.value)))),
            ("effective_when", opt_text(&t.effective_when)),
            (
                "withdrawal",
                t.withdrawal.as_ref().map(|w| {
                    let ends: Vec<&str> = w.ends.iter().map(|e| e.value.as_str()).collect();
                    Field::Text(format!(
                        "{}{}",
                        if w.continues_for_others { "continues for the others" } else { "ends the agreement" },
                        if ends.is_empty() { String::new() } else { format!("; ends {}", ends.join(", ")) }
                    ))
                }),
            ),
        ];
        f.push("term", "term".to_string(), t.span, None, &t.meta, fields);
    }
    for a in &m.approvals {
        let fields = vec![
            ("name", Some(Field::Text(a.name.value.clone()))),
            ("by", a.by.as_ref().map(|r| Field::Text(f.r(r)))),
            ("date", a.date.as_ref().map(|d| Field::Date(d.value))),
        ];
        f.push("approval", a.id.value.clone(), a.span, None, &a.meta, fields);
    }
    for s in &m.signatures {
        let fields = vec![
            ("party", s.party.as_ref().map(|r| Field::Text(f.r(r)))),
            ("signatory", opt_text(&s.signatory)),
            ("office", s.office.as_ref().map(|r| Field::Text(f.r(r)))),
            ("date", s.date.as_ref().map(|d| Field::Date(d.value))),
            ("place", opt_text(&s.place)),
        ];
        f.push("signature", s.id.value.clone(), s.span, None, &s.meta, fields);
    }
    for (gi, g) in m.groups.iter().enumerate() {
        let members: BTreeSet<String> =
            m.group_parties(GroupId(gi as u32)).into_iter().map(|p| f.name(&m.target_id(Target::Party(p)))).collect();
        let fields = vec![
            ("name", Some(Field::Text(g.name.value.clone()))),
            ("members", (!members.is_empty()).then_some(Field::Set(members))),
            ("side", g.side.as_ref().map(|s| Field::Side(s.value))),
        ];
        f.push("group", g.id.value.clone(), g.span, None, &g.meta, fields);
    }
    for k in &m.keys {
        let figures: BTreeSet<String> =
            k.shares.iter().map(|s| format!("{} {}", f.r(&s.party), percent(&s.percent))).collect();
        let fields = vec![
            ("name", Some(Field::Text(k.name.value.clone()))),
            ("of", k.of.as_ref().map(|r| Field::Text(f.r(r)))),
            ("year", k.year.as_ref().map(|y| Field::Number(u64::try_from(y.value).unwrap_or(0)))),
            ("source", opt_text(&k.source)),
            ("example", flag(k.example)),
            ("figures", (!figures.is_empty()).then_some(Field::Set(figures))),
        ];
        f.push("key", k.id.value.clone(), k.span, None, &k.meta, fields);
    }
    for r in &m.ratifications {
        let fields = vec![
            ("name", Some(Field::Text(r.name.value.clone()))),
            ("by", r.by.as_ref().map(|x| Field::Text(f.r(x)))),
            ("deadline", r.deadline.as_ref().map(|d| Field::Date(d.value))),
            ("depositary", opt_text(&r.depositary)),
            ("date", r.date.as_ref().map(|d| Field::Date(d.value))),
        ];
        f.push("ratification", r.id.value.clone(), r.span, None, &r.meta, fields);
    }
    if let Some(a) = &m.amendment {
        let fields = vec![
            ("requires", clauses(&a.requires, &f)),
            ("in_writing", flag(a.in_writing)),
            ("by", a.by.as_ref().map(|x| Field::Text(f.r(x)))),
        ];
        f.push("amendment", "amendment".to_string(), a.span, None, &a.meta, fields);
    }
    for i in &m.institutions {
        let owners: BTreeSet<String> = i
            .owners
            .iter()
            .map(|o| {
                let share = match &o.share {
                    None => String::new(),
                    Some(OwnerShare::Percent { percent: p }) => format!(" {}", percent(p)),
                    Some(OwnerShare::ByKey { key }) => format!(" by {}", f.r(key)),
                    Some(OwnerShare::Equal) => " equal".to_string(),
                };
                format!("{}{share}", f.r(&o.owner))
            })
            .collect();
        let organs: BTreeSet<String> = i
            .organs
            .iter()
            .map(|o| {
                let term = o.max_term_years.as_ref().map(|y| format!(" max {} years", y.value)).unwrap_or_default();
                let by = o.appointed_by.as_ref().map(|r| format!(" appointed by {}", f.r(r))).unwrap_or_default();
                format!("{}{term}{by}", f.r(&o.organ))
            })
            .collect();
        let takes_over: BTreeSet<String> = i
            .takes_over
            .iter()
            .map(|t| {
                format!("{}{}", t.what.value, t.from.as_ref().map(|d| format!(" from {}", d.value)).unwrap_or_default())
            })
            .collect();
        let fields = vec![
            ("name", Some(Field::Text(i.name.value.clone()))),
            ("legal_form", opt_text(&i.legal_form)),
            ("located_in", opt_text(&i.located_in)),
            ("from", i.from.as_ref().map(|d| Field::Date(d.value))),
            ("owners", (!owners.is_empty()).then_some(Field::Set(owners))),
            ("organs", (!organs.is_empty()).then_some(Field::Set(organs))),
            (
                "supervision",
                i.supervision.as_ref().map(|s| {
                    Field::Text(format!(
                        "{}{}",
                        f.r(&s.by),
                        s.kind.as_ref().map(|k| format!(" ({})", k.value)).unwrap_or_default()
                    ))
                }),
            ),
            ("takes_over", (!takes_over.is_empty()).then_some(Field::Set(takes_over))),
        ];
        f.push("institution", i.id.value.clone(), i.span, None, &i.meta, fields);
    }
    for a in &m.acts {
        let fields = vec![
            ("name", Some(Field::Text(a.name.value.clone()))),
            ("date", a.date.as_ref().map(|d| Field::Date(d.value))),
            ("kind", opt_text(&a.kind)),
        ];
        f.push("act", a.id.value.clone(), a.span, None, &a.meta, fields);
    }
    f.out
}

// ------------------------------------------------------------ comparing

/// Compare two versions. `old_text` and `new_text` are their sources.
pub fn diff(old: &Model, old_text: &str, old_path: &str, new: &Model, new_text: &str, new_path: &str) -> Report {
    // Bodies of the new version that continue a differently named old body.
    let mut rename: BTreeMap<String, String> = BTreeMap::new();
    for b in &new.bodies {
        if let Some(c) = &b.continues {
            if c.value != b.id.value && old.bodies.iter().any(|ob| ob.id.value == c.value) {
                rename.insert(c.value.clone(), b.id.value.clone());
            }
        }
    }
    // Both at once. The new version's table is made on a new thread, which
    // takes over the memory the thread that compiled the new version freed
    // (glibc hands a finished thread's arena to the next one): made here, it
    // would need fresh memory beside it.
    let (old_elements, new_elements) = std::thread::scope(|s| {
        let newer = s.spawn(|| crate::work::measure(|| flatten(new, &BTreeMap::new())));
        let older = flatten(old, &rename);
        // A panic there (a bug) goes on as it would have here.
        (older, crate::work::carry(newer.join().unwrap_or_else(|e| std::panic::resume_unwind(e))))
    });
    // Kinds of element the old header says its source does not state.
    let old_unknown_kinds: BTreeSet<String> = old.meta.unknowns.iter().map(|u| u.attribute.value.clone()).collect();
    // The tables borrow the elements' keys (owned keys were a tenth of the
    // memory of a large diff).
    let old_by_key: BTreeMap<&str, (usize, &Element)> =
        old_elements.iter().enumerate().map(|(i, e)| (e.key_str(), (i, e))).collect();
    let new_keys: BTreeSet<&str> = new_elements.iter().map(Element::key_str).collect();
    // Key → first index, so that every lookup below is a map access, not a
    // walk over all elements (which made 1,000 renamed goals take minutes).
    fn index_of(els: &[Element]) -> BTreeMap<&str, usize> {
        let mut map: BTreeMap<&str, usize> = BTreeMap::new();
        for (i, e) in els.iter().enumerate() {
            map.entry(e.key_str()).or_insert(i);
        }
        map
    }
    let (old_index, new_index) = (index_of(&old_elements), index_of(&new_elements));
    let renamed = matched(&old_elements, &new_elements, &old_by_key, &new_keys);
    let renamed_old: BTreeSet<&String> = renamed.values().collect();
    let mut changes: Vec<Change> = Vec::new();

    for (ni, n) in new_elements.iter().enumerate() {
        let key = n.key();
        let via_rename = renamed.get(&key).and_then(|ok| old_by_key.get(ok.as_str()));
        if let Some((_, o)) = via_rename {
            let row = classify::row("element.renamed");
            changes.push(Change {
                kind: ChangeKind::Renamed,
                element: n.kind,
                id: n.id().to_string(),
                path: key.clone(),
                field: None,
                old: Some(o.id().to_string()),
                new: Some(n.id().to_string()),
                effect: row.effect,
                weight: row.weight,
                rule: row.id,
                section: n.section.clone(),
                old_span: Some(o.span),
                new_span: Some(n.span),
                words: None,
                order: (ni, 0),
                evidence: Vec::new(),
                container: n.container().to_string(),
            });
        }
        match old_by_key.get(key.as_str()).or(via_rename) {
            None => {
                // The old version's container (or header) says its sources
                // do not state elements of this kind: now they are stated.
                let container_unknown = old_by_key.get(n.container()).is_some_and(|(_, c)| {
                    c.unknowns.contains(n.kind) || (n.kind == "obligation" && c.unknowns.contains("task"))
                });
                let row = if old_unknown_kinds.contains(n.kind) || container_unknown {
                    classify::row("fact.stated")
                } else {
                    classify::presence(n.kind, true, n.consent_step)
                };
                changes.push(Change {
                    kind: ChangeKind::Added,
                    element: n.kind,
                    id: n.id().to_string(),
                    path: key.clone(),
                    field: None,
                    old: None,
                    new: Some(n.summary_with_quantities()),
                    effect: row.effect,
                    weight: row.weight,
                    rule: row.id,
                    section: n.section.clone(),
                    old_span: None,
                    new_span: Some(n.span),
                    words: None,
                    order: (ni, 0),
                    evidence: Vec::new(),
                    container: n.container().to_string(),
                });
            }
            Some((_, o)) => {
                if let Some(c) = &n.continues {
                    if c != n.id() && rename.get(c).map(String::as_str) == Some(n.id()) {
                        let row = classify::row("body.continued");
                        changes.push(Change {
                            kind: ChangeKind::Continued,
                            element: n.kind,
                            id: n.id().to_string(),
                            path: key.clone(),
                            field: None,
                            old: Some(format!(
                                "{c}: {}",
                                old.bodies.iter().find(|b| &b.id.value == c).map_or("", |b| b.name.value.as_str())
                            )),
                            new: Some(format!("{}: {}", n.id(), n.summary())),
                            effect: row.effect,
                            weight: row.weight,
                            rule: row.id,
                            section: n.section.clone(),
                            old_span: Some(o.span),
                            new_span: Some(n.span),
                            words: None,
                            order: (ni, 0),
                            evidence: Vec::new(),
                            container: n.container().to_string(),
                        });
                    }
                }
                let fields: BTreeSet<&'static str> = o.fields.keys().chain(n.fields.keys()).copied().collect();
                let mut field_changes: Vec<Change> = Vec::new();
                for field in fields {
                    let (a, b) = (o.fields.get(field), n.fields.get(field));
                    if a == b {
                        continue;
                    }
                    // Unknown is not absent: a fact the old source did not
                    // state is now stated, or the reverse.
                    let row = match (a, b) {
                        (None, Some(_)) if o.unknowns.contains(attribute_of(field)) => classify::row("fact.stated"),
                        (Some(_), None) if n.unknowns.contains(attribute_of(field)) => classify::row("fact.unknown"),
                        _ => classify::classify(n.kind, field, a, b),
                    };
                    let words = match (a, b) {
                        (Some(Field::Text(x)), Some(Field::Text(y))) => Some(words::diff(x, y)),
                        _ => None,
                    };
                    // For lists, only what left and what came: one line, not two lists.
                    let (old_text, new_text) = match (a, b) {
                        (Some(Field::Set(x)), Some(Field::Set(y))) => {
                            let gone: Vec<&str> = x.difference(y).map(String::as_str).collect();
                            let came: Vec<&str> = y.difference(x).map(String::as_str).collect();
                            ((!gone.is_empty()).then(|| gone.join("; ")), (!came.is_empty()).then(|| came.join("; ")))
                        }
                        _ => (a.map(ToString::to_string), b.map(ToString::to_string)),
                    };
                    field_changes.push(Change {
                        kind: ChangeKind::Changed,
                        element: n.kind,
                        id: n.id().to_string(),
                        path: format!("{key}.{field}"),
                        field: Some(field),
                        old: old_text,
                        new: new_text,
                        effect: row.effect,
                        weight: row.weight,
                        rule: row.id,
                        section: n.section.clone().or_else(|| o.section.clone()),
                        old_span: Some(o.span),
                        new_span: Some(n.span),
                        words,
                        order: (ni, 1),
                        evidence: Vec::new(),
                        container: n.container().to_string(),
                    });
                }
                if o.section != n.section {
                    let row = classify::row("section.changed");
                    field_changes.push(Change {
                        kind: ChangeKind::Changed,
                        element: n.kind,
                        id: n.id().to_string(),
                        path: format!("{key}.section"),
                        field: Some("section"),
                        old: o.section.clone(),
                        new: n.section.clone(),
                        effect: row.effect,
                        weight: row.weight,
                        rule: row.id,
                        section: n.section.clone().or_else(|| o.section.clone()),
                        old_span: Some(o.span),
                        new_span: Some(n.span),
                        words: None,
                        order: (ni, 1),
                        evidence: Vec::new(),
                        container: n.container().to_string(),
                    });
                }
                changes.extend(field_changes);
            }
        }
    }
    // The new position of the last old element before this one that is
    // still there.
    let mut anchor = 0;
    for (oi, o) in old_elements.iter().enumerate() {
        crate::work::tick(1);
        let key = o.key();
        if let Some(ni) = new_index.get(key.as_str()) {
            anchor = *ni;
        }
        if new_keys.contains(key.as_str()) || renamed_old.contains(&key) {
            continue;
        }
        let row = classify::presence(o.kind, false, o.consent_step);
        // A removed element is listed after the new element it stood before.
        changes.push(Change {
            kind: ChangeKind::Removed,
            element: o.kind,
            id: o.id().to_string(),
            path: key.clone(),
            field: None,
            old: Some(o.summary_with_quantities()),
            new: None,
            effect: row.effect,
            weight: row.weight,
            rule: row.id,
            section: o.section.clone(),
            old_span: Some(o.span),
            new_span: None,
            words: None,
            order: (anchor, 2 + oi),
            evidence: Vec::new(),
            container: o.container().to_string(),
        });
    }
    changes.sort_by(|a, b| a.order.cmp(&b.order).then_with(|| a.path.cmp(&b.path)));
    let changes = fold_into_containers(changes);
    let changes = replace::link(changes, new, &old_elements, &old_index);
    let changes = group::fold(changes, &old_elements, &old_index, &new_elements, &new_index);
    let mut changes = collapse_renumbering(changes);
    // By the agreement's structure: sections in their natural order (the
    // new numbering; removed elements keep their old one), file order within.
    changes.sort_by_key(|c| section_key(c.section.as_deref()));

    Report {
        old_path: old_path.to_string(),
        new_path: new_path.to_string(),
        old_text: old_text.to_string(),
        new_text: new_text.to_string(),
        changes,
    }
}

/// Old key → new key of the elements matched under another id (renamed
/// by content, reworded goals), for the Synopse and the amendment
/// instructions, which then compare their texts.
pub(crate) fn renamed_keys(old: &Model, new: &Model, rename: &BTreeMap<String, String>) -> BTreeMap<String, String> {
    let (old_elements, new_elements) = (flatten(old, rename), flatten(new, &BTreeMap::new()));
    let old_by_key: BTreeMap<&str, (usize, &Element)> =
        old_elements.iter().enumerate().map(|(i, e)| (e.key_str(), (i, e))).collect();
    let new_keys: BTreeSet<&str> = new_elements.iter().map(Element::key_str).collect();
    matched(&old_elements, &new_elements, &old_by_key, &new_keys).into_iter().map(|(n, o)| (o, n)).collect()
}

/// New key → old key of the elements that are the same under another id:
/// renamed (by content), and goals reworded at their place.
fn matched(
    old: &[Element],
    new: &[Element],
    old_by_key: &BTreeMap<&str, (usize, &Element)>,
    new_keys: &BTreeSet<&str>,
) -> BTreeMap<String, String> {
    let mut renamed = match_renamed(old, new, old_by_key, new_keys);
    let old_keys: BTreeSet<&str> = old_by_key.keys().copied().collect();
    renamed.extend(align::reworded_goals(old, new, &old_keys, new_keys, &renamed));
    renamed
}

impl Change {
    /// The element key of this change (`kind:id`), without the field.
    pub fn path_key(&self) -> String {
        format!("{}:{}", self.element, self.id)
    }
}

/// Match removed and added elements of the same kind that are the same
/// element under another id: their texts share at least half of their
/// words. Bounded: a kind with more candidates than `MAX_PAIRS` pairs is not
/// matched by content (its elements stay removed and added).
fn match_renamed(
    old: &[Element],
    new: &[Element],
    old_by_key: &BTreeMap<&str, (usize, &Element)>,
    new_keys: &BTreeSet<&str>,
) -> BTreeMap<String, String> {
    const MAX_PAIRS: usize = 40_000;
    let mut olds: BTreeMap<&str, Vec<&Element>> = BTreeMap::new();
    let mut news: BTreeMap<&str, Vec<&Element>> = BTreeMap::new();
    for o in old.iter().filter(|o| !new_keys.contains(o.key_str())) {
        olds.entry(o.kind).or_default().push(o);
    }
    for n in new.iter().filter(|n| !old_by_key.contains_key(n.key_str())) {
        news.entry(n.kind).or_default().push(n);
    }
    let mut out = BTreeMap::new();
    for (kind, os) in &olds {
        let Some(ns) = news.get(kind) else { continue };
        if os.len().saturating_mul(ns.len()) > MAX_PAIRS {
            continue;
        }
        let ow: Vec<BTreeSet<String>> = os.iter().map(|e| e.words()).collect();
        let nw: Vec<BTreeSet<String>> = ns.iter().map(|e| e.words()).collect();
        let mut candidates: Vec<(u64, usize, usize)> = Vec::new();
        for (i, a) in ow.iter().enumerate() {
            for (j, b) in nw.iter().enumerate() {
                crate::work::tick(1);
                let union = a.union(b).count();
                let common = a.intersection(b).count();
                // One id extends the other (`harmonisierung` →
                // `harmonisierung_infrastruktur`) and the texts share a stem.
                let (oid, nid) = (os.get(i).map_or("", |e| e.id()), ns.get(j).map_or("", |e| e.id()));
                let extends =
                    common > 0 && (nid.starts_with(&format!("{oid}_")) || oid.starts_with(&format!("{nid}_")));
                if union > 0 && (common * 5 >= union * 2 || extends) {
                    candidates.push(((common * 1000 / union) as u64 + if extends { 1000 } else { 0 }, i, j));
                }
            }
        }
        candidates.sort_by(|x, y| y.0.cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
        let (mut used_o, mut used_n) = (BTreeSet::new(), BTreeSet::new());
        for (_, i, j) in candidates {
            if used_o.contains(&i) || used_n.contains(&j) {
                continue;
            }
            if let (Some(o), Some(n)) = (os.get(i), ns.get(j)) {
                used_o.insert(i);
                used_n.insert(j);
                out.insert(n.key(), o.key());
            }
        }
    }
    out
}

/// One change, one line: the parts of an element added or removed with it
/// (the seats of a new body, the tranches of a new financing) are listed
/// under it as evidence rather than as changes of their own.
fn fold_into_containers(changes: Vec<Change>) -> Vec<Change> {
    let wholes: BTreeMap<(ChangeKind, String), usize> = changes
        .iter()
        .enumerate()
        .filter(|(_, c)| matches!(c.kind, ChangeKind::Added | ChangeKind::Removed) && c.container == c.path_key())
        .map(|(i, c)| ((c.kind, c.path_key()), i))
        .collect();
    let mut out: Vec<Change> = Vec::with_capacity(changes.len());
    let mut moved: Vec<(usize, String)> = Vec::new();
    let mut index_of_whole: BTreeMap<usize, usize> = BTreeMap::new();
    for (i, c) in changes.into_iter().enumerate() {
        // Only plain parts: a part with its own weight (a new consent step)
        // stays a line of its own.
        let plain = c.rule.ends_with(".added") && c.rule == format!("{}.added", c.element)
            || c.rule == format!("{}.removed", c.element)
            || c.rule == "fact.stated";
        let part_of =
            (plain && matches!(c.kind, ChangeKind::Added | ChangeKind::Removed) && c.container != c.path_key())
                .then(|| wholes.get(&(c.kind, c.container.clone())).copied())
                .flatten();
        match part_of {
            Some(whole) => {
                let text = c.new.as_ref().or(c.old.as_ref()).cloned().unwrap_or_default();
                moved.push((whole, format!("{} `{}`: {text}", c.element, c.id)));
            }
            None => {
                index_of_whole.insert(i, out.len());
                out.push(c);
            }
        }
    }
    for (whole, line) in moved {
        if let Some(c) = index_of_whole.get(&whole).and_then(|j| out.get_mut(*j)) {
            c.evidence.push(line);
        }
    }
    out
}

/// Renumbering is editorial and one line: when three or more elements only
/// moved to another section, they become one change listing the moves.
fn collapse_renumbering(changes: Vec<Change>) -> Vec<Change> {
    let moves: Vec<&Change> = changes.iter().filter(|c| c.rule == "section.changed").collect();
    if moves.len() < 3 {
        return changes;
    }
    let mut pairs: BTreeSet<(String, String)> = BTreeSet::new();
    for c in &moves {
        pairs.insert((c.old.clone().unwrap_or_default(), c.new.clone().unwrap_or_default()));
    }
    let count = moves.len();
    let first = moves.first().map(|c| (*c).clone());
    let mut out: Vec<Change> = changes.into_iter().filter(|c| c.rule != "section.changed").collect();
    if let Some(mut c) = first {
        let row = classify::row("sections.renumbered");
        let list: Vec<String> = pairs.iter().map(|(a, b)| format!("{a} → {b}")).collect();
        c.kind = ChangeKind::Changed;
        c.element = "agreement";
        c.id = "agreement".to_string();
        c.path = "agreement:agreement.sections".to_string();
        c.field = Some("section");
        c.old = None;
        c.new = Some(format!("{count} elements renumbered: {}", list.join(", ")));
        c.effect = row.effect;
        c.weight = row.weight;
        c.rule = row.id;
        c.section = None;
        c.words = None;
        out.push(c);
    }
    out
}

/// A sort key for section numbers: `I.`, `II.2`, `§ 3 Abs. 2`, `4a` compare
/// by their numbers (Roman numerals read as numbers), not as text. Changes
/// without a section come first.
pub fn section_key(section: Option<&str>) -> Vec<(u8, u64, String)> {
    let Some(s) = section else { return Vec::new() };
    let mut key = vec![(0, 0, String::new())];
    for part in s.split(['.', ' ', '§', ',']).filter(|p| !p.is_empty()) {
        let digits: String = part.chars().take_while(char::is_ascii_digit).collect();
        if !digits.is_empty() {
            let rest: String = part.chars().skip(digits.len()).collect();
            key.push((1, digits.parse().unwrap_or(u64::MAX), rest));
        } else if let Some(n) = crate::render::roman(part) {
            key.push((1, u64::from(n), String::new()));
        } else {
            key.push((2, 0, part.to_string()));
        }
    }
    key
}
