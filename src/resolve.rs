//! Step three: typed AST → resolved model.
//!
//! In: an `Ast`. Out: a `Model` in which every reference carries its target,
//! and the problems found: names defined twice (both places labelled), names
//! not defined (with a "did you mean" when a near name exists), and names of
//! the wrong kind of element. All problems are reported; a reference that
//! cannot be resolved is left out of the model.
//!
//! One namespace per file. Seats are named `body.seat` and steps
//! `procedure.step`; inside a body, `chair X` first looks for the body's own
//! seat X, and inside a procedure, `after X` for the procedure's own step X.

use crate::diagnostic::{Diagnostic, Label};
use crate::model::*;
use crate::span::Span;
use std::collections::HashMap;

/// A hash map with a fixed, fast hash (rustc's): lookups cost the same
/// however many names a file defines (a `BTreeMap` made resolving a large
/// file grow faster than the file), and nothing depends on a random seed.
type Names = HashMap<String, Def, rustc_hash::FxBuildHasher>;

/// Sets of element kinds a reference may point at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Kinds(u32);

impl Kinds {
    pub const ALL: Kinds = Kinds(1);
    pub const GOAL: Kinds = Kinds(1 << 1);
    pub const PARTY: Kinds = Kinds(1 << 2);
    pub const OFFICE: Kinds = Kinds(1 << 3);
    pub const ACTOR: Kinds = Kinds(1 << 4);
    pub const BODY: Kinds = Kinds(1 << 5);
    pub const SEAT: Kinds = Kinds(1 << 6);
    pub const OBLIGATION: Kinds = Kinds(1 << 7);
    pub const SERVICE: Kinds = Kinds(1 << 8);
    pub const PROJECT: Kinds = Kinds(1 << 9);
    pub const FINANCING: Kinds = Kinds(1 << 10);
    pub const PROCEDURE: Kinds = Kinds(1 << 11);
    pub const STEP: Kinds = Kinds(1 << 12);
    pub const APPROVAL: Kinds = Kinds(1 << 13);
    pub const SIGNATURE: Kinds = Kinds(1 << 14);
    pub const GROUP: Kinds = Kinds(1 << 15);
    pub const KEY: Kinds = Kinds(1 << 16);
    pub const DECISION: Kinds = Kinds(1 << 17);
    pub const INSTITUTION: Kinds = Kinds(1 << 18);
    pub const ACT: Kinds = Kinds(1 << 19);
    pub const RATIFICATION: Kinds = Kinds(1 << 20);

    pub const fn or(self, other: Kinds) -> Kinds {
        Kinds(self.0 | other.0)
    }
    pub fn contains(self, other: Kinds) -> bool {
        self.0 & other.0 == other.0
    }
    pub fn of(target: Target) -> Kinds {
        match target {
            Target::AllParties => Kinds::ALL,
            Target::Goal(_) => Kinds::GOAL,
            Target::Party(_) => Kinds::PARTY,
            Target::Office(_) => Kinds::OFFICE,
            Target::Actor(_) => Kinds::ACTOR,
            Target::Body(_) => Kinds::BODY,
            Target::Seat(_) => Kinds::SEAT,
            Target::Obligation(_) => Kinds::OBLIGATION,
            Target::Service(_) => Kinds::SERVICE,
            Target::Project(_) => Kinds::PROJECT,
            Target::Financing(_) => Kinds::FINANCING,
            Target::Procedure(_) => Kinds::PROCEDURE,
            Target::Step(_) => Kinds::STEP,
            Target::Approval(_) => Kinds::APPROVAL,
            Target::Signature(_) => Kinds::SIGNATURE,
            Target::Group(_) => Kinds::GROUP,
            Target::Key(_) => Kinds::KEY,
            Target::Decision(_) => Kinds::DECISION,
            Target::Institution(_) => Kinds::INSTITUTION,
            Target::Act(_) => Kinds::ACT,
            Target::Ratification(_) => Kinds::RATIFICATION,
        }
    }
    /// "party, office or body", for "no … of this name".
    pub fn describe_plain(self) -> String {
        self.describe()
            .split(", ")
            .flat_map(|part| part.split(" or "))
            .map(|w| w.trim_start_matches("a ").trim_start_matches("an ").to_string())
            .collect::<Vec<_>>()
            .join_list()
    }

    /// "a party, an office or a body", for messages.
    pub fn describe(self) -> String {
        const NAMES: &[(Kinds, &str)] = &[
            (Kinds::PARTY, "a party"),
            (Kinds::GROUP, "a group"),
            (Kinds::ACTOR, "an actor"),
            (Kinds::INSTITUTION, "an institution"),
            (Kinds::OFFICE, "an office"),
            (Kinds::BODY, "a body"),
            (Kinds::SEAT, "a seat"),
            (Kinds::GOAL, "a goal"),
            (Kinds::OBLIGATION, "an obligation"),
            (Kinds::SERVICE, "a service"),
            (Kinds::PROJECT, "a project"),
            (Kinds::FINANCING, "a financing"),
            (Kinds::PROCEDURE, "a procedure"),
            (Kinds::STEP, "a step"),
            (Kinds::APPROVAL, "an approval"),
            (Kinds::SIGNATURE, "a signature"),
            (Kinds::KEY, "a key"),
            (Kinds::DECISION, "a decision rule"),
            (Kinds::ACT, "an act"),
            (Kinds::RATIFICATION, "a ratification"),
            (Kinds::ALL, "`all`"),
        ];
        let names: Vec<&str> = NAMES.iter().filter(|(k, _)| self.contains(*k)).map(|(_, n)| *n).collect();
        match names.as_slice() {
            [] => "nothing".to_string(),
            [one] => (*one).to_string(),
            [init @ .., last] => format!("{} or {last}", init.join(", ")),
        }
    }
}

const WHO: Kinds =
    Kinds::PARTY.or(Kinds::ACTOR).or(Kinds::OFFICE).or(Kinds::BODY).or(Kinds::GROUP).or(Kinds::INSTITUTION);
const WHO_OR_ALL: Kinds = WHO.or(Kinds::ALL);
const PARTIES: Kinds = Kinds::PARTY.or(Kinds::ACTOR).or(Kinds::ALL).or(Kinds::GROUP).or(Kinds::INSTITUTION);
/// Parties and groups of parties (and actors standing for some).
const MEMBERS: Kinds = Kinds::PARTY.or(Kinds::ACTOR).or(Kinds::GROUP);

/// "a, b or c".
trait JoinList {
    fn join_list(self) -> String;
}
impl JoinList for Vec<String> {
    fn join_list(self) -> String {
        match self.as_slice() {
            [] => "nothing".to_string(),
            [one] => one.clone(),
            [init @ .., last] => format!("{} or {last}", init.join(", ")),
        }
    }
}

#[derive(Debug, Clone, Copy)]
struct Def {
    target: Target,
    span: Span,
}

struct Resolver {
    names: Names,
    /// The names in order, made on the first "did you mean" search (which
    /// walks them in order, so that its answer never depends on hashing).
    sorted: Option<Vec<(String, Def)>>,
    /// Number of parties in each group, for seats `each GROUP`.
    group_sizes: Vec<u32>,
    diags: Vec<Diagnostic>,
    /// "Did you mean" searches left: each compares with every name, so a
    /// file with thousands of undefined names gets suggestions for the
    /// first ones only, and stays fast.
    suggestions_left: usize,
}

const MAX_SUGGESTION_SEARCHES: usize = 500;

/// Resolve an AST into a model.
pub fn resolve(ast: Ast) -> (Model, Vec<Diagnostic>) {
    let mut r = Resolver {
        // One name per element at most: the table never grows (growing holds
        // the old and the new table at once).
        names: Names::with_capacity_and_hasher(ast.element_count(), rustc_hash::FxBuildHasher),
        sorted: None,
        group_sizes: Vec::new(),
        diags: Vec::new(),
        suggestions_left: MAX_SUGGESTION_SEARCHES,
    };
    r.define_all(&ast);
    let model = r.model(ast);
    (model, r.diags)
}

fn u(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

/// Edit distance, for "did you mean".
pub fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        if let Some(first) = cur.first_mut() {
            *first = i + 1;
        }
        for (j, cb) in b.iter().enumerate() {
            let sub = prev.get(j).copied().unwrap_or(0) + usize::from(ca != *cb);
            let del = prev.get(j + 1).copied().unwrap_or(0) + 1;
            let ins = cur.get(j).copied().unwrap_or(0) + 1;
            if let Some(c) = cur.get_mut(j + 1) {
                *c = sub.min(del).min(ins);
            }
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev.get(b.len()).copied().unwrap_or(0)
}

/// The edit distance of `a` and `b` if it is at most `max`, else `None`.
/// Only the cells within `max` of the diagonal are computed, and the
/// computation stops once every cell of a row exceeds `max`: the cost is
/// at most `(max * 2 + 1)` times the length of `a`, however long the names.
/// `budget` is decreased by the cells computed; at zero, the answer is `None`.
pub fn levenshtein_within(a: &str, b: &str, max: usize, budget: &mut usize) -> Option<usize> {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let big = max + 1;
    // prev[j] = distance of a[..i] and b[..j]; cells outside the band stay `big`.
    let mut prev: Vec<usize> = (0..=b.len()).map(|j| if j <= max { j } else { big }).collect();
    let mut cur = vec![big; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        let row = i + 1;
        let (lo, hi) = (row.saturating_sub(max).max(1), (row + max).min(b.len()));
        // Only the cells next to the band are read outside it: reset those,
        // not the whole row (that would cost the length of `b` per row).
        if let Some(first) = cur.first_mut() {
            *first = if row <= max { row } else { big };
        }
        if lo > 1 {
            if let Some(c) = cur.get_mut(lo - 1) {
                *c = big;
            }
        }
        if let Some(c) = cur.get_mut(hi + 1) {
            *c = big;
        }
        let cells = (hi + 1).saturating_sub(lo);
        crate::work::tick(cells);
        if cells > *budget {
            *budget = 0;
            return None;
        }
        *budget -= cells;
        let mut best = cur.first().copied().unwrap_or(big);
        for j in lo..=hi {
            let cb = b.get(j - 1).copied().unwrap_or_default();
            let sub = prev.get(j - 1).copied().unwrap_or(big) + usize::from(*ca != cb);
            let del = prev.get(j).copied().unwrap_or(big) + 1;
            let ins = cur.get(j - 1).copied().unwrap_or(big) + 1;
            let v = sub.min(del).min(ins).min(big);
            if let Some(c) = cur.get_mut(j) {
                *c = v;
            }
            best = best.min(v);
        }
        if best > max {
            return None;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev.get(b.len()).copied().filter(|d| *d <= max)
}

/// Edit distance above which no name is suggested, however long the names.
const MAX_SUGGESTION_DISTANCE: usize = 8;
/// Edit-distance cells one "did you mean" search may compute.
const SUGGESTION_BUDGET: usize = 200_000;

impl Resolver {
    fn define(&mut self, name: &Spanned<String>, target: Target) {
        if name.value.is_empty() {
            return;
        }
        if let Some(first) = self.names.get(&name.value) {
            let first = *first;
            self.diags.push(
                Diagnostic::error(
                    "R002",
                    "duplicate-id",
                    format!("`{}` is defined twice", name.value),
                    Label::new(name.span, format!("`{}` defined again here", name.value)),
                )
                .with_label(Label::new(
                    first.span,
                    format!("first defined here as {}", Kinds::of(first.target).describe()),
                ))
                .with_help("every element of an agreement needs its own name; rename one of them"),
            );
            return;
        }
        self.names.insert(name.value.clone(), Def { target, span: name.span });
    }

    fn define_all(&mut self, ast: &Ast) {
        for (i, g) in ast.goals.iter().enumerate() {
            self.define(&g.id, Target::Goal(GoalId(u(i))));
        }
        for (i, p) in ast.parties.iter().enumerate() {
            self.define(&p.id, Target::Party(PartyId(u(i))));
        }
        for (i, o) in ast.offices.iter().enumerate() {
            self.define(&o.id, Target::Office(OfficeId(u(i))));
        }
        for (i, a) in ast.actors.iter().enumerate() {
            self.define(&a.id, Target::Actor(ActorId(u(i))));
        }
        for (i, b) in ast.bodies.iter().enumerate() {
            let body = BodyId(u(i));
            self.define(&b.id, Target::Body(body));
            for (j, s) in b.seats.iter().enumerate() {
                let name = Spanned::new(format!("{}.{}", b.id.value, s.id.value), s.id.span);
                self.define(&name, Target::Seat(SeatId { body, seat: u(j) }));
            }
        }
        for (i, o) in ast.obligations.iter().enumerate() {
            self.define(&o.id, Target::Obligation(ObligationId(u(i))));
        }
        for (i, s) in ast.services.iter().enumerate() {
            self.define(&s.id, Target::Service(ServiceId(u(i))));
        }
        for (i, p) in ast.projects.iter().enumerate() {
            self.define(&p.id, Target::Project(ProjectId(u(i))));
        }
        for (i, f) in ast.financings.iter().enumerate() {
            self.define(&f.id, Target::Financing(FinancingId(u(i))));
        }
        for (i, p) in ast.procedures.iter().enumerate() {
            let procedure = ProcedureId(u(i));
            self.define(&p.id, Target::Procedure(procedure));
            for (j, s) in p.steps.iter().enumerate() {
                let name = Spanned::new(format!("{}.{}", p.id.value, s.id.value), s.id.span);
                self.define(&name, Target::Step(StepId { procedure, step: u(j) }));
            }
        }
        for (i, a) in ast.approvals.iter().enumerate() {
            self.define(&a.id, Target::Approval(ApprovalId(u(i))));
        }
        for (i, s) in ast.signatures.iter().enumerate() {
            self.define(&s.id, Target::Signature(SignatureId(u(i))));
        }
        for (i, g) in ast.groups.iter().enumerate() {
            self.define(&g.id, Target::Group(GroupId(u(i))));
        }
        for (i, k) in ast.keys.iter().enumerate() {
            self.define(&k.id, Target::Key(KeyId(u(i))));
        }
        for (i, b) in ast.bodies.iter().enumerate() {
            for (j, d) in b.decisions.iter().enumerate() {
                let name = Spanned::new(format!("{}.{}", b.id.value, d.id.value), d.id.span);
                self.define(&name, Target::Decision(DecisionId { body: BodyId(u(i)), decision: u(j) }));
            }
        }
        for (i, x) in ast.institutions.iter().enumerate() {
            self.define(&x.id, Target::Institution(InstitutionId(u(i))));
        }
        for (i, a) in ast.acts.iter().enumerate() {
            self.define(&a.id, Target::Act(ActId(u(i))));
        }
        for (i, r) in ast.ratifications.iter().enumerate() {
            self.define(&r.id, Target::Ratification(RatificationId(u(i))));
        }
    }

    fn requirement(
        &mut self,
        r: Spanned<Requirement<RawRef>>,
        scope: Option<&str>,
    ) -> Option<Spanned<Requirement<Ref>>> {
        let value = match r.value {
            Requirement::Consent => Requirement::Consent,
            Requirement::Unanimity { base } => Requirement::Unanimity { base },
            Requirement::Majority { base } => Requirement::Majority { base },
            Requirement::Qualified { fraction, base } => Requirement::Qualified { fraction, base },
            Requirement::Veto { who } => Requirement::Veto {
                who: self.get(who, MEMBERS.or(Kinds::OFFICE).or(Kinds::SEAT), scope, "who holds a veto")?,
            },
            Requirement::AtLeast { count, of } => {
                Requirement::AtLeast { count, of: self.get(of, Kinds::GROUP, None, "the group of `at_least N of`")? }
            }
            Requirement::Weighted { key, fraction, of } => Requirement::Weighted {
                key: self.get(key, Kinds::KEY, None, "the key of a weighted threshold")?,
                fraction,
                of: self.opt(of, Kinds::GROUP, None, "the group of a weighted threshold"),
            },
        };
        Some(Spanned::new(value, r.span))
    }

    fn clauses(&mut self, cs: Vec<Clause<RawRef>>, scope: Option<&str>) -> Vec<Clause<Ref>> {
        cs.into_iter()
            .map(|c| Clause {
                any_of: c.any_of.into_iter().filter_map(|r| self.requirement(r, scope)).collect(),
                span: c.span,
            })
            .collect()
    }

    fn meeting(&mut self, m: Meeting<RawRef>) -> Meeting<Ref> {
        let requests = m
            .requests
            .into_iter()
            .filter_map(|r| {
                let value = match r.value {
                    Requester::Party { who } => Requester::Party {
                        who: self.get(who, MEMBERS.or(Kinds::OFFICE), None, "who may call a meeting")?,
                    },
                    Requester::CountOf { count, of } => {
                        Requester::CountOf { count, of: self.get(of, Kinds::GROUP, None, "the group of `N of`")? }
                    }
                };
                Some(Spanned::new(value, r.span))
            })
            .collect();
        Meeting {
            frequency: m.frequency,
            modality: m.modality,
            governed_by: m.governed_by,
            on_request_of: m.on_request_of,
            requests,
            span: m.span,
        }
    }

    /// Resolve one reference. `scope` is the enclosing body or procedure,
    /// whose own seats or steps are looked up first.
    fn get(&mut self, r: RawRef, allowed: Kinds, scope: Option<&str>, what: &str) -> Option<Ref> {
        if r.id == "all" && !self.names.contains_key("all") {
            if allowed.contains(Kinds::ALL) {
                return Some(Ref { id: r.id, span: r.span, target: Target::AllParties });
            }
            self.diags.push(
                Diagnostic::error(
                    "R003",
                    "wrong-kind-of-reference",
                    format!("`all` cannot stand for {what}"),
                    Label::new(r.span, format!("expected {}", allowed.describe())),
                )
                .with_help("`all` means every party; here name one element"),
            );
            return None;
        }
        let local = scope.map(|s| format!("{s}.{}", r.id));
        let def = local
            .as_ref()
            .and_then(|l| self.names.get(l).filter(|d| allowed.contains(Kinds::of(d.target))))
            .or_else(|| self.names.get(&r.id))
            .copied();
        match def {
            Some(d) if allowed.contains(Kinds::of(d.target)) => Some(Ref { id: r.id, span: r.span, target: d.target }),
            Some(d) => {
                self.diags.push(
                    Diagnostic::error(
                        "R003",
                        "wrong-kind-of-reference",
                        format!(
                            "`{}` is {}, but {what} must be {}",
                            r.id,
                            Kinds::of(d.target).describe(),
                            allowed.describe()
                        ),
                        Label::new(r.span, format!("expected {}", allowed.describe())),
                    )
                    .with_label(Label::new(
                        d.span,
                        format!("`{}` is defined here as {}", r.id, Kinds::of(d.target).describe()),
                    ))
                    .with_help(format!("name {} here", allowed.describe())),
                );
                None
            }
            None => {
                let suggestion = self.suggest(&r.id, allowed, scope);
                let mut diag = Diagnostic::error(
                    "R001",
                    "undefined-reference",
                    format!("`{}` is not defined", r.id),
                    Label::new(r.span, format!("no {} of this name", allowed.describe_plain())),
                );
                diag = match suggestion {
                    Some((name, span)) => diag
                        .with_help(format!("did you mean `{name}`?"))
                        .with_label(Label::new(span, format!("`{name}` is defined here"))),
                    None => {
                        diag.with_help(format!("define {} named `{}`, or correct the name", allowed.describe(), r.id))
                    }
                };
                self.diags.push(diag);
                None
            }
        }
    }

    /// The nearest defined name of an allowed kind, if it is near enough.
    fn suggest(&mut self, id: &str, allowed: Kinds, scope: Option<&str>) -> Option<(String, Span)> {
        if self.suggestions_left == 0 {
            return None;
        }
        self.suggestions_left -= 1;
        let len = id.chars().count();
        let limit = (len / 3).clamp(1, MAX_SUGGESTION_DISTANCE);
        let prefix = scope.map(|s| format!("{s}."));
        let mut budget = SUGGESTION_BUDGET;
        let mut best: Option<(usize, &str, Span)> = None;
        let sorted = self.sorted.get_or_insert_with(|| {
            let mut v: Vec<(String, Def)> = self.names.iter().map(|(k, d)| (k.clone(), *d)).collect();
            v.sort_unstable_by(|a, b| a.0.cmp(&b.0));
            v
        });
        for (name, d) in sorted.iter().filter(|(_, d)| allowed.contains(Kinds::of(d.target))) {
            crate::work::tick(1);
            let shown = match &prefix {
                Some(p) => name.strip_prefix(p.as_str()).unwrap_or(name),
                None => name,
            };
            // Only a nearer name (or an equally near one, first in order) can win.
            let max = best.map_or(limit, |(dist, _, _)| dist);
            // Names whose length alone rules them out: bytes first (a
            // character has at most 4), then characters.
            if shown.len().abs_diff(id.len()) > max * 4 || shown.chars().count().abs_diff(len) > max {
                continue;
            }
            let Some(dist) = levenshtein_within(id, shown, max, &mut budget) else {
                if budget == 0 {
                    break;
                }
                continue;
            };
            let better = match best {
                None => true,
                Some((bd, bn, _)) => (dist, shown) < (bd, bn),
            };
            if better {
                best = Some((dist, shown, d.span));
            }
        }
        best.map(|(_, name, span)| (name.to_string(), span))
    }

    fn opt(&mut self, r: Option<RawRef>, allowed: Kinds, scope: Option<&str>, what: &str) -> Option<Ref> {
        r.and_then(|r| self.get(r, allowed, scope, what))
    }

    fn list(&mut self, rs: Vec<RawRef>, allowed: Kinds, scope: Option<&str>, what: &str) -> Vec<Ref> {
        // Exactly as long as the list written (a collected `filter_map`
        // would start at four places: most lists name one or two).
        let mut out = Vec::with_capacity(rs.len());
        out.extend(rs.into_iter().filter_map(|r| self.get(r, allowed, scope, what)));
        out
    }

    fn model(&mut self, ast: Ast) -> Model {
        let groups: Vec<Group<Ref>> = ast
            .groups
            .into_iter()
            .map(|g| Group {
                members: self.list(g.members, Kinds::PARTY.or(Kinds::ACTOR), None, "a member of a group"),
                id: g.id,
                name: g.name,
                span: g.span,
                side: g.side,
                meta: g.meta,
            })
            .collect();
        self.group_sizes = groups
            .iter()
            .map(|g| {
                let mut members: Vec<usize> = g
                    .members
                    .iter()
                    .filter_map(|m| if let Target::Party(p) = m.target { Some(p.index()) } else { None })
                    .collect();
                if let Some(side) = &g.side {
                    members.extend(
                        ast.parties
                            .iter()
                            .enumerate()
                            .filter(|(_, p)| p.side.as_ref().map(|s| s.value) == Some(side.value))
                            .map(|(i, _)| i),
                    );
                }
                members.sort_unstable();
                members.dedup();
                // Actors listed in a group count as members too.
                let actors = g.members.iter().filter(|m| matches!(m.target, Target::Actor(_))).count();
                u(members.len() + actors)
            })
            .collect();
        let keys = ast
            .keys
            .into_iter()
            .map(|k| Key {
                of: self.opt(k.of, Kinds::GROUP, None, "the group a key distributes among"),
                shares: k
                    .shares
                    .into_iter()
                    .filter_map(|s| {
                        Some(KeyShare {
                            party: self.get(s.party, Kinds::PARTY.or(Kinds::ACTOR), None, "a party of a key")?,
                            percent: s.percent,
                            span: s.span,
                        })
                    })
                    .collect(),
                id: k.id,
                name: k.name,
                span: k.span,
                year: k.year,
                source: k.source,
                example: k.example,
                tolerance: k.tolerance,
                meta: k.meta,
            })
            .collect();
        let offices = ast
            .offices
            .into_iter()
            .map(|o| Office {
                of: self.opt(
                    o.of,
                    Kinds::PARTY.or(Kinds::ACTOR).or(Kinds::INSTITUTION),
                    None,
                    "the party of an office",
                ),
                id: o.id,
                name: o.name,
                span: o.span,
                holder: o.holder,
                meta: o.meta,
            })
            .collect();
        let actors = ast
            .actors
            .into_iter()
            .map(|a| Actor {
                part_of: self.opt(a.part_of, Kinds::PARTY.or(Kinds::ACTOR), None, "what an actor is part of"),
                id: a.id,
                name: a.name,
                span: a.span,
                side: a.side,
                meta: a.meta,
            })
            .collect();
        let bodies = ast.bodies.into_iter().map(|b| self.body(b)).collect();
        let obligations = ast
            .obligations
            .into_iter()
            .map(|o| Obligation {
                bearer: self.list(o.bearer, WHO_OR_ALL.or(Kinds::SEAT), None, "the bearer of an obligation"),
                beneficiary: self.list(o.beneficiary, WHO_OR_ALL, None, "a beneficiary"),
                id: o.id,
                span: o.span,
                task_of_body: o.task_of_body,
                modality: o.modality,
                action: o.action,
                conditions: o.conditions,
                free_of_charge: o.free_of_charge,
                costly: o.costly,
                frequency: o.frequency,
                deadline: o.deadline,
                meta: o.meta,
            })
            .collect();
        let services = ast
            .services
            .into_iter()
            .map(|s| Service {
                provider: self.opt(s.provider, WHO, None, "the provider of a service"),
                beneficiary: self.list(s.beneficiary, WHO_OR_ALL, None, "a beneficiary"),
                chosen_by: self.opt(s.chosen_by, WHO, None, "who chooses a service"),
                id: s.id,
                name: s.name,
                span: s.span,
                conditions: s.conditions,
                free_of_charge: s.free_of_charge,
                costly: s.costly,
                meta: s.meta,
            })
            .collect();
        let projects = ast
            .projects
            .into_iter()
            .map(|p| Project {
                partners: self.list(p.partners, PARTIES.or(Kinds::BODY), None, "a partner of a project"),
                id: p.id,
                name: p.name,
                span: p.span,
                conditions: p.conditions,
                free_of_charge: p.free_of_charge,
                costly: p.costly,
                meta: p.meta,
            })
            .collect();
        let financings = ast
            .financings
            .into_iter()
            .map(|f| Financing {
                payer: self.list(f.payer, PARTIES.or(Kinds::BODY), None, "a payer"),
                recipient: self.list(f.recipient, PARTIES.or(Kinds::BODY), None, "a recipient"),
                shares: f
                    .shares
                    .into_iter()
                    .filter_map(|s| {
                        let payer = self.get(s.payer, MEMBERS.or(Kinds::INSTITUTION), None, "who pays a share")?;
                        let kind = match s.kind {
                            ShareKind::Percent { percent } => ShareKind::Percent { percent },
                            ShareKind::ByKey { key } => {
                                ShareKind::ByKey { key: self.get(key, Kinds::KEY, None, "the key of a share")? }
                            }
                            ShareKind::Rest { key } => {
                                ShareKind::Rest { key: self.opt(key, Kinds::KEY, None, "the key of a share") }
                            }
                        };
                        Some(Share { payer, kind, before_split: s.before_split, span: s.span })
                    })
                    .collect(),
                id: f.id,
                name: f.name,
                span: f.span,
                legal_basis: f.legal_basis,
                kind: f.kind,
                amount: f.amount,
                tranches: f.tranches,
                conditions: f.conditions,
                cost_sharing: f.cost_sharing,
                meta: f.meta,
            })
            .collect();
        let procedures = ast.procedures.into_iter().map(|p| self.procedure(p)).collect();
        let approvals = ast
            .approvals
            .into_iter()
            .map(|a| Approval {
                by: self.opt(a.by, WHO, None, "who gives an approval"),
                id: a.id,
                name: a.name,
                span: a.span,
                date: a.date,
                meta: a.meta,
            })
            .collect();
        let signatures = ast
            .signatures
            .into_iter()
            .map(|s| Signature {
                party: self.opt(s.party, Kinds::PARTY, None, "the party of a signature"),
                office: self.opt(s.office, Kinds::OFFICE, None, "the office of a signatory"),
                id: s.id,
                span: s.span,
                signatory: s.signatory,
                date: s.date,
                place: s.place,
                meta: s.meta,
            })
            .collect();
        let ratifications = ast
            .ratifications
            .into_iter()
            .map(|r| Ratification {
                by: self.opt(r.by, WHO_OR_ALL, None, "who ratifies"),
                id: r.id,
                name: r.name,
                span: r.span,
                deadline: r.deadline,
                depositary: r.depositary,
                date: r.date,
                meta: r.meta,
            })
            .collect();
        let amendment = ast.amendment.map(|a| Amendment {
            requires: self.clauses(a.requires, None),
            by: self.opt(a.by, WHO_OR_ALL, None, "who amends the agreement"),
            span: a.span,
            in_writing: a.in_writing,
            meta: a.meta,
        });
        let institutions = ast
            .institutions
            .into_iter()
            .map(|i| Institution {
                owners: i
                    .owners
                    .into_iter()
                    .filter_map(|o| {
                        let owner = self.get(o.owner, MEMBERS, None, "an owner of an institution")?;
                        let share = match o.share {
                            None => None,
                            Some(OwnerShare::Equal) => Some(OwnerShare::Equal),
                            Some(OwnerShare::Percent { percent }) => Some(OwnerShare::Percent { percent }),
                            Some(OwnerShare::ByKey { key }) => Some(OwnerShare::ByKey {
                                key: self.get(key, Kinds::KEY, None, "the key of an ownership share")?,
                            }),
                        };
                        Some(Owner { owner, share, span: o.span })
                    })
                    .collect(),
                organs: i
                    .organs
                    .into_iter()
                    .filter_map(|o| {
                        Some(Organ {
                            organ: self.get(
                                o.organ,
                                Kinds::BODY.or(Kinds::OFFICE),
                                None,
                                "an organ of an institution",
                            )?,
                            max_term_years: o.max_term_years,
                            appointed_by: self.opt(o.appointed_by, WHO_OR_ALL, None, "who appoints an organ"),
                            span: o.span,
                        })
                    })
                    .collect(),
                supervision: i.supervision.and_then(|s| {
                    Some(Supervision {
                        by: self.get(s.by, WHO, None, "who supervises an institution")?,
                        kind: s.kind,
                        span: s.span,
                    })
                }),
                id: i.id,
                name: i.name,
                span: i.span,
                legal_form: i.legal_form,
                located_in: i.located_in,
                from: i.from,
                takes_over: i.takes_over,
                meta: i.meta,
            })
            .collect();
        Agreement {
            document: ast.document,
            groups,
            keys,
            institutions,
            acts: ast.acts,
            ratifications,
            amendment,
            id: ast.id,
            span: ast.span,
            title: ast.title,
            kind: ast.kind,
            land: ast.land,
            date: ast.date,
            place: ast.place,
            supersedes: ast.supersedes,
            renews: ast.renews,
            meta: ast.meta,
            goals: ast.goals,
            parties: ast.parties,
            offices,
            actors,
            bodies,
            obligations,
            services,
            projects,
            financings,
            procedures,
            term: ast.term,
            approvals,
            signatures,
        }
    }

    fn body(&mut self, b: Body<RawRef>) -> Body<Ref> {
        let scope = b.id.value.clone();
        let scope = Some(scope.as_str());
        let seats = b
            .seats
            .into_iter()
            .map(|s| {
                let each = self.opt(s.each, Kinds::GROUP, None, "the group of `each`");
                // One seat for each member of the group.
                let count = match each.as_ref().map(|e| e.target) {
                    Some(Target::Group(g)) => {
                        Spanned::new(self.group_sizes.get(g.index()).copied().unwrap_or(0), s.count.span)
                    }
                    _ => s.count,
                };
                Seat {
                    party: self.opt(
                        s.party,
                        Kinds::PARTY.or(Kinds::ACTOR).or(Kinds::INSTITUTION),
                        None,
                        "the party of a seat",
                    ),
                    office: self.opt(s.office, Kinds::OFFICE, None, "the office of a seat"),
                    each,
                    id: s.id,
                    label: s.label,
                    span: s.span,
                    side: s.side,
                    count,
                    voting: s.voting,
                    variable: s.variable,
                    votes_on: s.votes_on,
                    meta: s.meta,
                }
            })
            .collect();
        let rotation = b.rotation.map(|r| Rotation {
            among: self.list(r.among, MEMBERS, None, "among whom the chair rotates"),
            every: r.every,
            order: r.order,
            span: r.span,
        });
        let meeting = b.meeting.map(|m| self.meeting(m));
        let decisions = b
            .decisions
            .into_iter()
            .map(|d| Decision {
                requires: self.clauses(d.requires, scope),
                id: d.id,
                label: d.label,
                span: d.span,
                quorum: d.quorum,
                quorum_share: d.quorum_share,
                meta: d.meta,
            })
            .collect();
        Body {
            seats,
            rotation,
            decisions,
            meeting,
            quorum_share: b.quorum_share,
            casting_vote: b.casting_vote,
            chair_non_member: b.chair_non_member,
            deputy: self.opt(
                b.deputy,
                Kinds::SEAT.or(Kinds::OFFICE).or(Kinds::PARTY),
                scope,
                "the deputy chair of a body",
            ),
            chair: self.opt(b.chair, Kinds::SEAT.or(Kinds::OFFICE).or(Kinds::PARTY), scope, "the chair of a body"),
            binding: self.list(b.binding, WHO_OR_ALL, None, "whom a body's decisions bind"),
            reports_to: self.opt(b.reports_to, WHO, None, "whom a body reports to"),
            formed_by: self.opt(b.formed_by, WHO_OR_ALL, None, "who forms a body"),
            id: b.id,
            name: b.name,
            span: b.span,
            kind: b.kind,
            legal_basis: b.legal_basis,
            parity: b.parity,
            declared_seats: b.declared_seats,
            quorum: b.quorum,
            decides: b.decides,
            recommendation_to: b.recommendation_to,
            continues: b.continues,
            meta: b.meta,
        }
    }

    fn procedure(&mut self, p: Procedure<RawRef>) -> Procedure<Ref> {
        let scope = p.id.value.clone();
        let scope = Some(scope.as_str());
        let steps = p
            .steps
            .into_iter()
            .map(|s| {
                let by = self.opt(s.by, WHO_OR_ALL.or(Kinds::SEAT), None, "who takes a step");
                // `under X` looks first among the decision rules of the body taking the step.
                let body_scope = by.as_ref().filter(|r| matches!(r.target, Target::Body(_))).map(|r| r.id.clone());
                let under = self.opt(s.under, Kinds::DECISION, body_scope.as_deref(), "the decision rule of a step");
                Step {
                    commits: self.list(s.commits, Kinds::FINANCING, None, "the money a step commits"),
                    by,
                    under,
                    after: self.list(s.after, Kinds::STEP, scope, "the step before"),
                    consent_of: self.list(s.consent_of, WHO_OR_ALL, None, "whose consent a step needs"),
                    consultation_of: self.list(s.consultation_of, WHO_OR_ALL, None, "who is consulted"),
                    id: s.id,
                    label: s.label,
                    span: s.span,
                    kind: s.kind,
                    commits_money: s.commits_money,
                    meta: s.meta,
                }
            })
            .collect();
        Procedure { id: p.id, name: p.name, span: p.span, steps, meta: p.meta }
    }
}

#[cfg(test)]
mod tests {
    use super::levenshtein;

    #[test]
    fn edit_distance() {
        assert_eq!(levenshtein("beirat", "beirat"), 0);
        assert_eq!(levenshtein("beirta", "beirat"), 2);
        assert_eq!(levenshtein("lnd", "land"), 1);
        assert_eq!(levenshtein("", "abc"), 3);
        assert_eq!(levenshtein("Gemeindebund", "Gemeindetag"), 4);
        for (a, b) in [
            ("beirta", "beirat"),
            ("lnd", "land"),
            ("", "abc"),
            ("Gemeindebund", "Gemeindetag"),
            ("kitten", "sitting"),
            ("ab", "ba"),
        ] {
            for max in 0..6 {
                let exact = levenshtein(a, b);
                let bounded = super::levenshtein_within(a, b, max, &mut { usize::MAX });
                assert_eq!(bounded, (exact <= max).then_some(exact), "{a} {b} {max}");
            }
        }
        // Many pairs over a two-letter alphabet, where near and far mix.
        let mut seed: u64 = 7;
        let mut word = |len: usize| {
            (0..len)
                .map(|_| {
                    seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                    if seed >> 63 == 0 {
                        'a'
                    } else {
                        'b'
                    }
                })
                .collect::<String>()
        };
        for i in 0..400 {
            let (a, b) = (word(i % 13), word((i * 7) % 11));
            for max in 0..6 {
                let exact = levenshtein(&a, &b);
                let bounded = super::levenshtein_within(&a, &b, max, &mut { usize::MAX });
                assert_eq!(bounded, (exact <= max).then_some(exact), "{a} {b} {max}");
            }
        }
    }
}
