//! The rule functions. Each reads the model and pushes findings; none
//! changes anything. Helpers shared by several rules are at the end.

use super::{Context, Sink};
use crate::diagnostic::{Label, Related};
use crate::model::*;
use crate::span::Span;
use crate::values::Money;
use petgraph::algo::dominators;
use petgraph::graph::{DiGraph, NodeIndex};
use std::collections::{BTreeMap, BTreeSet};

// ------------------------------------------------------------ A001 parity

pub fn parity(ctx: &Context<'_>, sink: &mut Sink<'_>) {
    let m = ctx.model;
    for b in &m.bodies {
        let Some(parity_span) = b.parity else { continue };
        let mut federal = 0u64;
        let mut state = 0u64;
        let mut municipal = 0u64;
        for seat in b.seats.iter().filter(|s| s.voting) {
            match m.seat_side(seat) {
                Some(Side::Federal) => federal += u64::from(seat.count.value),
                Some(Side::State) => state += u64::from(seat.count.value),
                Some(Side::Municipal) => municipal += u64::from(seat.count.value),
                None => {
                    let d = sink
                        .finding(
                            format!("seat `{}` of paritätisch body `{}` belongs to no side", seat.id.value, b.id.value),
                            Label::new(seat.id.span, "no side: neither the seat nor its party states one"),
                        )
                        .with_label(Label::new(parity_span, "parity is declared here"))
                        .with_help("give the seat `side state` or `side municipal`, or a `party` that has a side");
                    sink.push(&[&b.meta, &seat.meta], d);
                }
            }
        }
        // The sides that sit in the body; state and municipal are the
        // classic pair and are compared even when one of them is missing.
        let counts: Vec<(u64, &str)> = if federal == 0 {
            vec![(state, "state"), (municipal, "municipal")]
        } else {
            [(federal, "federal"), (state, "state"), (municipal, "municipal")]
                .into_iter()
                .filter(|(n, _)| *n > 0)
                .collect()
        };
        let unequal = counts.windows(2).any(|w| matches!(w, [a, b] if a.0 != b.0)) || counts.len() < 2;
        if unequal {
            let parts: Vec<String> = counts.iter().map(|(n, s)| format!("{n} {s}")).collect();
            let listed = match parts.as_slice() {
                [init @ .., last] if !init.is_empty() => format!("{} and {last}", init.join(", ")),
                _ => parts.join(""),
            };
            let d = sink
                .finding(
                    format!("`{}` is declared paritätisch but has {listed} voting seats", b.id.value),
                    Label::new(parity_span, "declared paritätisch here"),
                )
                .with_label(Label::new(b.id.span, format!("{} voting seats", parts.join(", "))))
                .with_help("give both sides the same number of voting seats, or mark a seat without a vote `advisory`");
            sink.push(&[&b.meta], d);
        }
    }
}

// ------------------------------------------------------------ A002 seat-count

pub fn seat_count(ctx: &Context<'_>, sink: &mut Sink<'_>) {
    for b in &ctx.model.bodies {
        let Some(declared) = &b.declared_seats else { continue };
        // Advisory attendees are not members; a variable number cannot be counted.
        if b.has_variable_seats() {
            continue;
        }
        let listed = b.member_seats();
        if listed != u64::from(declared.value) {
            let d = sink
                .finding(
                    format!("`{}` states {} seats but lists {listed}", b.id.value, declared.value),
                    Label::new(declared.span, format!("{} seats stated here", declared.value)),
                )
                .with_label(Label::new(b.id.span, format!("{listed} member seats listed in this body")))
                .with_help(
                    "list every seat (a seat with `count N` stands for N members), or correct the stated number",
                );
            sink.push(&[&b.meta], d);
        }
    }
}

// ------------------------------------------------------------ A003 meeting-rule

pub fn meeting_rule(ctx: &Context<'_>, sink: &mut Sink<'_>) {
    let min = sink.param("min-per-year");
    let m = ctx.model;
    // The first task of each body, found in one pass.
    let mut first_task: BTreeMap<usize, &Obligation<Ref>> = BTreeMap::new();
    for o in m.obligations.iter().filter(|o| o.task_of_body) {
        for r in &o.bearer {
            if let Target::Body(b) = r.target {
                first_task.entry(b.index()).or_insert(o);
            }
        }
    }
    for (bi, b) in m.bodies.iter().enumerate() {
        // A body works by meeting: one that decides, or that has tasks.
        let task = first_task.get(&bi).copied();
        let decides = b.decides.as_ref().map(|d| d.span).or(b.decisions.first().map(|d| d.id.span));
        let reason = match (decides, task) {
            (Some(d), _) => Label::new(d, "it decides here"),
            (None, Some(t)) => Label::new(t.id.span, "it has tasks, e.g. this one"),
            (None, None) => continue,
        };
        // The source does not state it: nothing to demand.
        if b.meta.is_unknown("meets") {
            continue;
        }
        match &b.meeting {
            None => {
                let what = if decides.is_some() { "decides" } else { "has tasks" };
                let d = sink
                    .finding(format!("`{}` {what} but has no meeting rule", b.id.value), Label::new(b.id.span, "no `meets` in this body"))
                    .with_label(reason)
                    .with_help("state how often it meets, e.g. `meets at_least 2 per year or on_request_of 2`, or `meets regularly`");
                sink.push(&[&b.meta], d);
            }
            Some(meeting) => {
                if let Some((times_, years)) = meeting.frequency.value.rate() {
                    let per_year = times_ / years.max(1);
                    // times per `years` years against `min` per year, exactly.
                    let min_u = u64::try_from(min).unwrap_or(0);
                    if times_ < min_u.saturating_mul(years) {
                        let d = sink
                            .finding(
                                format!("`{}` meets {} a year, less than the minimum of {min}", b.id.value, times(per_year)),
                                Label::new(meeting.frequency.span, format!("{}", meeting.frequency.value)),
                            )
                            .with_help(format!(
                                "meet at least {min} times a year, or lower `min-per-year` of rule `meeting-rule` in pakt.toml"
                            ));
                        sink.push(&[&b.meta], d);
                    }
                }
            }
        }
    }
}

fn times(n: u64) -> String {
    match n {
        1 => "once".to_string(),
        2 => "twice".to_string(),
        n => format!("{n} times"),
    }
}

// ------------------------------------------------------------ A004 meeting-threshold

pub fn meeting_threshold(ctx: &Context<'_>, sink: &mut Sink<'_>) {
    for b in &ctx.model.bodies {
        // Thresholds count members; advisory attendees are none.
        let seats = b.member_seats();
        if seats == 0 || b.has_variable_seats() {
            continue;
        }
        let check = |value: &Spanned<u32>, what: &str, sink: &mut Sink<'_>| {
            let v = u64::from(value.value);
            if v == 0 || v > seats {
                let d = sink
                    .finding(
                        format!(
                            "the {what} of `{}` is {v}, but it must lie between 1 and its {seats} seats",
                            b.id.value
                        ),
                        Label::new(value.span, format!("{what} {v}")),
                    )
                    .with_label(Label::new(b.id.span, format!("{seats} seats")))
                    .with_help(format!("a {what} counts members of the body: give a number from 1 to {seats}"));
                sink.push(&[&b.meta], d);
            }
        };
        if let Some(req) = b.meeting.as_ref().and_then(|m| m.on_request_of.as_ref()) {
            check(req, "request threshold", sink);
        }
        if let Some(q) = &b.quorum {
            check(q, "quorum", sink);
        }
    }
}

// ------------------------------------------------------------ A005 chair

pub fn chair(ctx: &Context<'_>, sink: &mut Sink<'_>) {
    let m = ctx.model;
    for (bi, b) in m.bodies.iter().enumerate() {
        let Some(chair) = &b.chair else { continue };
        // The chair holds a seat: one of the body's seats, an office that
        // holds a seat, or a party with a seat. An office of a party that
        // has a seat is not enough; a chair from outside is said so.
        if b.chair_non_member.is_some() || b.meta.is_unknown("chair") {
            continue;
        }
        let seated_parties = m.seated_parties(b);
        let ok = match chair.target {
            Target::Seat(s) => s.body.index() == bi,
            Target::Office(o) => {
                b.seats.iter().any(|s| s.office.as_ref().is_some_and(|r| r.target == Target::Office(o)))
            }
            Target::Party(p) => seated_parties.contains(&p),
            _ => false,
        };
        if !ok {
            let d = sink
                .finding(
                    format!("the chair of `{}`, `{}`, has no seat in it", b.id.value, chair.id),
                    Label::new(chair.span, "holds no seat of this body"),
                )
                .with_label(Label::new(b.id.span, "the body"))
                .with_help("name one of the body's seats as chair, give the chair's office a seat, or write `chair ID non_member` if the text makes someone from outside the chair");
            sink.push(&[&b.meta], d);
        }
    }
}

// ------------------------------------------------------------ A006 consent-before-financing

/// The step graph of one procedure: node 0 is a virtual start, node i+1
/// is step i; an edge runs from each step to the steps that follow it.
pub fn step_graph(p: &Procedure<Ref>, own: ProcedureId) -> DiGraph<usize, ()> {
    let mut g = DiGraph::new();
    let start = g.add_node(usize::MAX);
    let nodes: Vec<NodeIndex> = (0..p.steps.len()).map(|i| g.add_node(i)).collect();
    for (i, node) in nodes.iter().enumerate() {
        let preds = p.predecessors(own, i);
        if preds.is_empty() {
            g.add_edge(start, *node, ());
        }
        for pr in preds {
            if let Some(from) = nodes.get(pr) {
                g.add_edge(*from, *node, ());
            }
        }
    }
    g
}

/// The parties who pay under the agreement (every party if no clause names one).
fn payers(m: &Model) -> BTreeSet<PartyId> {
    let set: BTreeSet<PartyId> =
        m.financings.iter().flat_map(|f| f.payer.iter()).flat_map(|r| m.parties_of(r.target)).collect();
    if set.is_empty() {
        (0..m.parties.len()).map(|i| PartyId(i as u32)).collect()
    } else {
        set
    }
}

/// A set of parties that may be "all of them" without listing them, so
/// that `all` costs the same as one name (the rules stay linear).
#[derive(Debug, Default)]
struct PartySet {
    all: bool,
    some: BTreeSet<PartyId>,
}

impl PartySet {
    fn add(&mut self, m: &Model, target: Target) {
        match target {
            Target::AllParties => self.all = true,
            // An organ of a party (an actor `part_of` it) speaks for it.
            t if !self.all => self.some.extend(m.parties_behind(t)),
            _ => {}
        }
    }
    fn contains(&self, p: PartyId) -> bool {
        self.all || self.some.contains(&p)
    }
    /// The parties of `required` not in this set.
    fn missing(&self, required: &BTreeSet<PartyId>) -> BTreeSet<PartyId> {
        if self.all {
            BTreeSet::new()
        } else {
            required.difference(&self.some).copied().collect()
        }
    }
}

/// Whether a body decides only with everyone seated in it: by consent or
/// unanimity, as its `decides` or its rule for the step says.
fn decides_by_consent(m: &Model, body: &Body<Ref>, s: &Step<Ref>) -> bool {
    if body.decides.as_ref().is_some_and(|d| matches!(d.value, DecisionRule::Consent | DecisionRule::Unanimity)) {
        return true;
    }
    let rule = match s.under.as_ref().map(|r| r.target) {
        Some(Target::Decision(d)) => m.decision(d),
        _ => None,
    };
    rule.is_some_and(|d| {
        d.requires.iter().any(|c| {
            c.any_of.len() == 1
                && matches!(
                    c.any_of.first().map(|r| &r.value),
                    Some(Requirement::Consent | Requirement::Unanimity { .. })
                )
        })
    })
}

/// The parties that agree in a step: its `consent_of`, whoever takes it,
/// and — where a body that decides by consent takes it — every party
/// seated in that body (the consent is given there).
fn consenting(m: &Model, s: &Step<Ref>, into: &mut PartySet) {
    for r in s.consent_of.iter().chain(s.by.iter()) {
        into.add(m, r.target);
        if let Target::Body(b) = r.target {
            if let Some(body) = m.body(b).filter(|body| decides_by_consent(m, body, s)) {
                into.some.extend(m.voting_parties(body));
            }
        }
    }
}

fn party_list(m: &Model, set: &BTreeSet<PartyId>) -> String {
    set.iter().filter_map(|p| m.party(*p)).map(|p| format!("`{}`", p.id.value)).collect::<Vec<_>>().join(", ")
}

pub fn consent_before_financing(ctx: &Context<'_>, sink: &mut Sink<'_>) {
    let m = ctx.model;
    let required = payers(m);
    for (pi, p) in m.procedures.iter().enumerate() {
        let own = ProcedureId(pi as u32);
        let g = step_graph(p, own);
        let start = NodeIndex::new(0);
        let dom = dominators::simple_fast(&g, start);
        let is_consent = |i: usize| {
            p.steps.get(i).is_some_and(|s| s.kind.as_ref().is_some_and(|k| k.value == StepKind::AgreeFinancing))
        };
        for (i, step) in p.steps.iter().enumerate() {
            let Some(money) = step.commits_money else { continue };
            // Only the payers of the money this step commits must agree
            // (`commits_money of X`); without a name, every payer.
            let named: BTreeSet<PartyId> = step
                .commits
                .iter()
                .filter_map(|r| match r.target {
                    Target::Financing(f) => m.financings.get(f.index()),
                    _ => None,
                })
                .flat_map(|f| f.payer.iter())
                .flat_map(|r| m.parties_behind(r.target))
                .collect();
            let required = if step.commits.is_empty() { required.clone() } else { named };
            let node = NodeIndex::new(i + 1);
            let Some(doms) = dom.dominators(node) else { continue }; // unreachable: step-cycle reports it
            let consent_doms: Vec<usize> =
                doms.filter_map(|n| g.node_weight(n).copied()).filter(|j| *j != usize::MAX && is_consent(*j)).collect();
            let mut covered = PartySet::default();
            for s in consent_doms.iter().filter_map(|j| p.steps.get(*j)) {
                consenting(m, s, &mut covered);
            }
            let missing = covered.missing(&required);
            if consent_doms.is_empty() {
                let path =
                    path_avoiding(&g, node, &|n| g.node_weight(n).is_some_and(|j| *j != usize::MAX && is_consent(*j)));
                let names: Vec<String> =
                    path.iter().filter_map(|j| p.steps.get(*j)).map(|s| s.id.value.clone()).collect();
                let mut d = sink
                    .finding(
                        format!(
                            "step `{}` of `{}` commits money without a prior consent on financing: {}",
                            step.id.value,
                            p.id.value,
                            if names.len() > 1 {
                                format!("the path {} skips it", names.join(" → "))
                            } else {
                                "it can be the first step".to_string()
                            }
                        ),
                        Label::new(step.id.span, "commits money here"),
                    )
                    .with_label(Label::new(money, "because of this"));
                for (j, s) in p.steps.iter().enumerate() {
                    if is_consent(j) {
                        d = d.with_label(Label::new(s.id.span, "a consent on financing that this path does not pass"));
                    }
                }
                d = d.with_help(format!(
                    "put a step `kind agree_financing` with `consent_of` {} before it (e.g. `after` that step)",
                    party_list(m, &required)
                ));
                sink.push(&[&p.meta, &step.meta], d);
            } else if !missing.is_empty() {
                let mut d = sink
                    .finding(
                        format!(
                            "step `{}` of `{}` commits money, but the consent on financing before it lacks {}",
                            step.id.value,
                            p.id.value,
                            party_list(m, &missing)
                        ),
                        Label::new(step.id.span, "commits money here"),
                    )
                    .with_help(format!(
                        "every party that pays must agree: add {} to `consent_of`",
                        party_list(m, &missing)
                    ));
                for j in &consent_doms {
                    if let Some(s) = p.steps.get(*j) {
                        d = d.with_label(Label::new(s.id.span, "consent on financing without every payer"));
                    }
                }
                sink.push(&[&p.meta, &step.meta], d);
            }
        }
    }
}

/// A path of step indices from the start to `target` that avoids nodes for
/// which `avoid` holds (breadth first, so the shortest such path).
fn path_avoiding(g: &DiGraph<usize, ()>, target: NodeIndex, avoid: &dyn Fn(NodeIndex) -> bool) -> Vec<usize> {
    let start = NodeIndex::new(0);
    let mut prev: BTreeMap<NodeIndex, NodeIndex> = BTreeMap::new();
    let mut queue = std::collections::VecDeque::from([start]);
    let mut seen = BTreeSet::from([start]);
    while let Some(n) = queue.pop_front() {
        if n == target {
            break;
        }
        for next in g.neighbors(n) {
            if !seen.contains(&next) && !avoid(next) {
                seen.insert(next);
                prev.insert(next, n);
                queue.push_back(next);
            }
        }
    }
    let mut path = Vec::new();
    let mut cur = target;
    while let Some(w) = g.node_weight(cur) {
        if *w != usize::MAX {
            path.push(*w);
        }
        match prev.get(&cur) {
            Some(p) => cur = *p,
            None => break,
        }
    }
    path.reverse();
    path
}

// ------------------------------------------------------------ A007 unanimity

pub fn unanimity(ctx: &Context<'_>, sink: &mut Sink<'_>) {
    let m = ctx.model;
    let everyone: BTreeSet<PartyId> = (0..m.parties.len()).map(|i| PartyId(i as u32)).collect();
    for p in &m.procedures {
        for step in &p.steps {
            if step.kind.as_ref().map(|k| k.value) != Some(StepKind::Decide) {
                continue;
            }
            let Some(Target::Body(bid)) = step.by.as_ref().map(|r| r.target) else { continue };
            let Some(body) = m.body(bid) else { continue };
            let Some(rule) = &body.decides else { continue };
            if !matches!(rule.value, DecisionRule::Consent | DecisionRule::Unanimity) {
                continue;
            }
            // Seated parties hold a veto in a body that decides by consent.
            let mut covered = PartySet::default();
            covered.some.extend(body.seats.iter().filter(|s| s.voting).filter_map(|s| m.seat_party(s)));
            for r in &step.consent_of {
                covered.add(m, r.target);
            }
            let missing = covered.missing(&everyone);
            if !missing.is_empty() {
                let d = sink
                    .finding(
                        format!(
                            "step `{}` decides by {} of `{}`, but {} neither sits in it nor consents",
                            step.id.value,
                            rule.value.name(),
                            body.id.value,
                            party_list(m, &missing)
                        ),
                        Label::new(step.id.span, "this decision needs the consent of all partners"),
                    )
                    .with_label(Label::new(rule.span, format!("the body decides by {}", rule.value.name())))
                    .with_help(format!(
                        "add `consent_of {}` to the step, or give each party a voting seat",
                        party_list(m, &missing).replace('`', "")
                    ));
                sink.push(&[&p.meta, &step.meta], d);
            }
        }
    }
}

// ------------------------------------------------------------ A008 tranches

pub fn tranches(ctx: &Context<'_>, sink: &mut Sink<'_>) {
    let m = ctx.model;
    let term_years =
        m.term.as_ref().map(|t| (t.from.as_ref().map(|d| d.value.year), t.until.as_ref().map(|d| d.value.year)));
    for f in &m.financings {
        let mut seen: BTreeMap<i32, Span> = BTreeMap::new();
        let currency = f.amount.as_ref().or(f.tranches.first().map(|t| &t.amount)).map(|a| a.money.currency.clone());
        let mut sum: i64 = 0;
        let mut overflow = false;
        for t in &f.tranches {
            if let Some(first) = seen.get(&t.year.value) {
                let d = sink
                    .finding(
                        format!("`{}` has two tranches for {}", f.id.value, t.year.value),
                        Label::new(t.year.span, "second tranche for this year"),
                    )
                    .with_label(Label::new(*first, "first tranche for this year"))
                    .with_help("merge the two tranches into one, or correct the year");
                sink.push(&[&f.meta], d);
            } else {
                seen.insert(t.year.value, t.year.span);
            }
            if t.amount.money.minor <= 0 {
                let d = sink
                    .finding(
                        format!("the {} tranche of `{}` is not positive", t.year.value, f.id.value),
                        Label::new(t.amount.span, "zero or less"),
                    )
                    .with_help("remove the tranche, or give its amount");
                sink.push(&[&f.meta], d);
            }
            if let Some(c) = &currency {
                if &t.amount.money.currency != c {
                    let d = sink
                        .finding(
                            format!(
                                "the {} tranche of `{}` is in {}, the financing in {c}",
                                t.year.value, f.id.value, t.amount.money.currency
                            ),
                            Label::new(t.amount.span, "another currency"),
                        )
                        .with_help("state all amounts of one financing in one currency");
                    sink.push(&[&f.meta], d);
                    continue;
                }
            }
            match sum.checked_add(t.amount.money.minor) {
                Some(s) => sum = s,
                None => overflow = true,
            }
            if let Some((from, until)) = term_years {
                let before = from.is_some_and(|y| t.year.value < y);
                let after = until.is_some_and(|y| t.year.value > y);
                if before || after {
                    let mut d = sink
                        .finding(
                            format!("the {} tranche of `{}` lies outside the term", t.year.value, f.id.value),
                            Label::new(t.year.span, "outside the term"),
                        )
                        .with_help("move the tranche into the term, or extend the term");
                    if let Some(term) = &m.term {
                        d = d.with_label(Label::new(term.span, "the term"));
                    }
                    sink.push(&[&f.meta], d);
                }
            }
        }
        if overflow {
            // Money is exact in cents up to i64::MAX; a sum beyond cannot be
            // compared with any ceiling, and is surely a typo.
            let cur = currency.clone().unwrap_or_default();
            let mut d = sink
                .finding(
                    format!(
                        "the tranches of `{}` add up to more than {}, the most pakt counts exactly",
                        f.id.value,
                        Money::from_minor(&cur, i64::MAX)
                    ),
                    Label::new(
                        f.amount.as_ref().map_or(f.id.span, |a| a.span),
                        "cannot be checked against the tranches",
                    ),
                )
                .with_help("correct the tranches: no agreement commits amounts this large");
            for t in &f.tranches {
                d = d.with_label(Label::new(t.amount.span, format!("{}", t.year.value)));
            }
            sink.push(&[&f.meta], d);
            continue;
        }
        let (Some(amount), false) = (&f.amount, f.tranches.is_empty()) else { continue };
        if amount.money.currency != currency.clone().unwrap_or_default() {
            continue;
        }
        let total = Money::from_minor(&amount.money.currency, sum);
        let bad = match amount.bound {
            Bound::UpTo => sum > amount.money.minor,
            Bound::Exactly => sum != amount.money.minor,
            // An approximate amount is no ceiling to hold tranches to.
            Bound::About => false,
        };
        if bad {
            let (what, help) = match amount.bound {
                Bound::UpTo => {
                    ("exceed the ceiling of", "lower the tranches, or raise the ceiling if the text says so")
                }
                Bound::Exactly | Bound::About => {
                    ("do not add up to the exact sum of", "make the tranches add up to the sum")
                }
            };
            let mut d = sink
                .finding(
                    format!("the tranches of `{}` add up to {total} and {what} {}", f.id.value, amount.money),
                    Label::new(amount.span, "the stated amount"),
                )
                .with_help(help);
            for t in &f.tranches {
                d = d.with_label(Label::new(t.amount.span, format!("{}", t.year.value)));
            }
            sink.push(&[&f.meta], d);
        }
    }
}

// ------------------------------------------------------------ A009 budget-reservation

/// The parties that stand behind a reference: the parties it names, the
/// parties seated in a body, the party an actor is part of.
fn parties_behind(m: &Model, target: Target) -> BTreeSet<PartyId> {
    match target {
        Target::Body(b) => m.body(b).map(|body| m.seated_parties(body)).unwrap_or_default(),
        Target::Actor(a) => match m.actors.get(a.index()).and_then(|x| x.part_of.as_ref()).map(|r| r.target) {
            Some(Target::Party(p)) => BTreeSet::from([p]),
            _ => BTreeSet::new(),
        },
        other => m.parties_of(other).into_iter().collect(),
    }
}

pub fn budget_reservation(ctx: &Context<'_>, sink: &mut Sink<'_>) {
    let m = ctx.model;
    let public = |refs: &mut dyn Iterator<Item = &Ref>| {
        let mut any = false;
        for r in refs {
            any |= match r.target {
                Target::AllParties => !m.parties.is_empty(),
                t => !parties_behind(m, t).is_empty(),
            };
        }
        any
    };
    let help = "public money is promised subject to the budget (Haushaltsvorbehalt): add `condition budget_reservation`, or `allow budget-reservation \"reason\"`";
    for f in &m.financings {
        if public(&mut f.payer.iter()) && !f.has_budget_reservation() && f.amount.is_some() {
            let d = sink
                .finding(
                    format!("`{}` commits a party's money without a budget reservation", f.id.value),
                    Label::new(f.id.span, "no `condition budget_reservation`"),
                )
                .with_help(help);
            sink.push(&[&f.meta], d);
        }
    }
    let reserved = |cs: &[Spanned<Condition>]| cs.iter().any(|c| c.value == Condition::BudgetReservation);
    let mut costly: Vec<(&str, &Spanned<String>, Span, &Meta)> = Vec::new();
    for o in &m.obligations {
        if let Some(c) = o.costly {
            if public(&mut o.bearer.iter()) && !reserved(&o.conditions) {
                costly.push(("obligation", &o.id, c, &o.meta));
            }
        }
    }
    for s in &m.services {
        if let Some(c) = s.costly {
            if public(&mut s.provider.iter()) && !reserved(&s.conditions) {
                costly.push(("service", &s.id, c, &s.meta));
            }
        }
    }
    for p in &m.projects {
        if let Some(c) = p.costly {
            if public(&mut p.partners.iter()) && !reserved(&p.conditions) {
                costly.push(("project", &p.id, c, &p.meta));
            }
        }
    }
    for (what, id, costly_span, meta) in costly {
        let d = sink
            .finding(
                format!("costly {what} `{}` of a party has no budget reservation", id.value),
                Label::new(id.span, "no `condition budget_reservation`"),
            )
            .with_label(Label::new(costly_span, "it costs money"))
            .with_help(help);
        sink.push(&[meta], d);
    }
}

// ------------------------------------------------------------ A010 reporting-cycle

pub fn reporting_cycle(ctx: &Context<'_>, sink: &mut Sink<'_>) {
    let m = ctx.model;
    let next = |i: usize| match m.bodies.get(i).and_then(|b| b.reports_to.as_ref()).map(|r| r.target) {
        Some(Target::Body(b)) => Some(b.index()),
        _ => None,
    };
    // Each body has at most one reporting line, so one walk per body that
    // stops at any body seen before visits every body once: linear.
    // state: 0 not seen, 1 + k on the walk from the k-th start, MAX done.
    let mut state = vec![0usize; m.bodies.len()];
    let mut place = vec![0usize; m.bodies.len()];
    for start in 0..m.bodies.len() {
        if state.get(start) != Some(&0) {
            continue;
        }
        let mut walk: Vec<usize> = Vec::new();
        let mut cur = Some(start);
        while let Some(n) = cur {
            crate::work::tick(1);
            match state.get(n).copied() {
                Some(0) => {
                    if let (Some(s), Some(p)) = (state.get_mut(n), place.get_mut(n)) {
                        *s = 1 + start;
                        *p = walk.len();
                    }
                    walk.push(n);
                    cur = next(n);
                }
                // Back on this walk: the walk from there on is a cycle.
                Some(s) if s == 1 + start => {
                    let from = place.get(n).copied().unwrap_or(0);
                    let cycle: Vec<usize> = walk.get(from..).map(<[usize]>::to_vec).unwrap_or_default();
                    report_cycle(m, sink, &cycle);
                    break;
                }
                _ => break,
            }
        }
        for w in walk {
            if let Some(s) = state.get_mut(w) {
                *s = usize::MAX;
            }
        }
    }
}

fn report_cycle(m: &Model, sink: &mut Sink<'_>, cycle: &[usize]) {
    // Rotate so the cycle starts at its first body in the file.
    let pos = cycle.iter().enumerate().min_by_key(|(_, b)| **b).map_or(0, |(i, _)| i);
    let rotated: Vec<usize> = cycle.iter().cycle().skip(pos).take(cycle.len()).copied().collect();
    let bodies: Vec<&Body<Ref>> = rotated.iter().filter_map(|i| m.bodies.get(*i)).collect();
    let mut names: Vec<String> = bodies.iter().map(|b| format!("`{}`", b.id.value)).collect();
    if let Some(first) = names.first().cloned() {
        names.push(first);
    }
    let Some(first) = bodies.first() else { return };
    let Some(first_ref) = &first.reports_to else { return };
    let mut d = sink.finding(
        format!("reporting lines form a cycle: {}", names.join(" → ")),
        Label::new(first_ref.span, format!("`{}` reports to `{}`", first.id.value, first_ref.id)),
    );
    for b in bodies.iter().skip(1) {
        if let Some(r) = &b.reports_to {
            d = d.with_label(Label::new(r.span, format!("`{}` reports to `{}`", b.id.value, r.id)));
        }
    }
    d = d.with_help("a reporting line must end at a body or party that reports to no one; remove one `reports_to`");
    let metas: Vec<&Meta> = bodies.iter().map(|b| &b.meta).collect();
    sink.push(&metas, d);
}

// ------------------------------------------------------------ A011 step-cycle

pub fn step_cycle(ctx: &Context<'_>, sink: &mut Sink<'_>) {
    let m = ctx.model;
    for (pi, p) in m.procedures.iter().enumerate() {
        let g = step_graph(p, ProcedureId(pi as u32));
        for scc in petgraph::algo::tarjan_scc(&g) {
            let self_loop = scc.len() == 1 && scc.first().is_some_and(|n| g.contains_edge(*n, *n));
            if scc.len() < 2 && !self_loop {
                continue;
            }
            let members: BTreeSet<NodeIndex> = scc.iter().copied().collect();
            let Some(&start) = members.iter().next() else { continue };
            let cycle = cycle_in(&g, start, &members);
            let steps: Vec<&Step<Ref>> =
                cycle.iter().filter_map(|n| g.node_weight(*n)).filter_map(|i| p.steps.get(*i)).collect();
            let mut names: Vec<String> = steps.iter().map(|s| format!("`{}`", s.id.value)).collect();
            if let Some(first) = names.first().cloned() {
                names.push(first);
            }
            let Some(first) = steps.first() else { continue };
            let mut d = sink.finding(
                format!("the steps of `{}` wait for each other in a cycle: {}", p.id.value, names.join(" → ")),
                Label::new(first.id.span, "this step"),
            );
            for s in steps.iter().skip(1) {
                d = d.with_label(Label::new(s.id.span, "is in the cycle"));
            }
            d = d.with_help("no step of the cycle can ever start; remove one `after` (without `after`, a step follows the one written before it)");
            let mut metas: Vec<&Meta> = vec![&p.meta];
            metas.extend(steps.iter().map(|s| &s.meta));
            sink.push(&metas, d);
        }
    }
}

/// A cycle through `start` within `members`, found by depth-first search.
fn cycle_in(g: &DiGraph<usize, ()>, start: NodeIndex, members: &BTreeSet<NodeIndex>) -> Vec<NodeIndex> {
    let mut stack: Vec<(NodeIndex, Vec<NodeIndex>)> = vec![(start, vec![start])];
    let mut seen = BTreeSet::new();
    while let Some((n, path)) = stack.pop() {
        let mut next: Vec<NodeIndex> = g.neighbors(n).filter(|x| members.contains(x)).collect();
        next.sort();
        for x in next.into_iter().rev() {
            if x == start {
                return path;
            }
            if seen.insert(x) {
                let mut p = path.clone();
                p.push(x);
                stack.push((x, p));
            }
        }
    }
    vec![start]
}

// ------------------------------------------------------------ A012 obligation-bearer

pub fn obligation_bearer(ctx: &Context<'_>, sink: &mut Sink<'_>) {
    for o in &ctx.model.obligations {
        if o.bearer.is_empty() {
            let d = sink
                .finding(
                    format!("obligation `{}` names no bearer", o.id.value),
                    Label::new(o.id.span, "who owes this?"),
                )
                .with_help("add `bearer PARTY` (or a body, office or `all`)");
            sink.push(&[&o.meta], d);
        }
    }
}

// ------------------------------------------------------------ A013 unbound-party

pub fn unbound_party(ctx: &Context<'_>, sink: &mut Sink<'_>) {
    let m = ctx.model;
    let mut bound = PartySet::default();
    for b in &m.bodies {
        bound.some.extend(m.seated_parties(b));
        for r in &b.binding {
            bound.add(m, r.target);
        }
    }
    let refs = m
        .obligations
        .iter()
        .flat_map(|o| o.bearer.iter())
        .chain(m.financings.iter().flat_map(|f| f.payer.iter()))
        .chain(m.services.iter().flat_map(|s| s.provider.iter()))
        .chain(m.projects.iter().flat_map(|p| p.partners.iter()))
        // Money received binds too: the recipient is a party to its terms.
        .chain(m.financings.iter().flat_map(|f| f.recipient.iter()))
        .chain(m.financings.iter().flat_map(|f| f.shares.iter().map(|s| &s.payer)))
        .chain(m.institutions.iter().flat_map(|i| i.owners.iter().map(|o| &o.owner)))
        .chain(m.ratifications.iter().flat_map(|r| r.by.iter()))
        .chain(m.bodies.iter().flat_map(|b| b.seats.iter().filter_map(|s| s.each.as_ref())));
    for r in refs {
        match r.target {
            Target::AllParties => bound.all = true,
            t if !bound.all => bound.some.extend(parties_behind(m, t)),
            _ => {}
        }
    }
    for (i, p) in m.parties.iter().enumerate() {
        if !bound.contains(PartyId(i as u32)) {
            let d = sink
                .finding(
                    format!("party `{}` owes nothing and sits nowhere", p.id.value),
                    Label::new(p.id.span, "not bound by anything in this agreement"),
                )
                .with_help(
                    "give the party a seat, make it bearer of an obligation or payer of a financing, or remove it",
                );
            sink.push(&[&p.meta], d);
        }
    }
}

// ------------------------------------------------------------ A014 signatures

pub fn signatures(ctx: &Context<'_>, sink: &mut Sink<'_>) {
    let m = ctx.model;
    // Nobody signs a statute or rules of procedure.
    if !m.document.is_signed() {
        return;
    }
    let signing: BTreeSet<Target> = m.signatures.iter().filter_map(|s| s.party.as_ref().map(|r| r.target)).collect();
    for (i, p) in m.parties.iter().enumerate() {
        if !signing.contains(&Target::Party(PartyId(i as u32)))
            && !p.meta.is_unknown("signature")
            && !m.meta.is_unknown("signature")
        {
            let d = sink
                .finding(
                    format!("party `{}` does not sign the agreement", p.id.value),
                    Label::new(p.id.span, "no `signature` names this party"),
                )
                .with_help(format!(
                    "add `signature sig_{0} {{ party {0} signatory \"…\" date YYYY-MM-DD }}`",
                    p.id.value
                ));
            sink.push(&[&p.meta], d);
        }
    }
    for s in &m.signatures {
        if s.signatory.is_none() && !s.meta.is_unknown("signatory") {
            let d = sink
                .finding(format!("signature `{}` names no signatory", s.id.value), Label::new(s.id.span, "who signs?"))
                .with_help(
                    "add `signatory \"Name\"` (mark it as an assumption if the source does not name the person)",
                );
            sink.push(&[&s.meta], d);
        }
        if s.party.is_none() {
            let d = sink
                .finding(format!("signature `{}` names no party", s.id.value), Label::new(s.id.span, "for whom?"))
                .with_help("add `party ID`");
            sink.push(&[&s.meta], d);
        }
    }
}

// ------------------------------------------------------------ A015 approval-date

pub fn approval_date(ctx: &Context<'_>, sink: &mut Sink<'_>) {
    let m = ctx.model;
    // Each signing party's dated signatures, and the first signature of all.
    let mut own: BTreeMap<PartyId, Vec<&Spanned<crate::values::Date>>> = BTreeMap::new();
    for sig in &m.signatures {
        if let Some(Target::Party(p)) = sig.party.as_ref().map(|r| r.target) {
            own.entry(p).or_default().extend(sig.date.as_ref());
        }
    }
    let first = m.signatures.iter().filter_map(|s| s.date.as_ref()).min_by_key(|d| d.value);
    for a in &m.approvals {
        let Some(date) = &a.date else { continue };
        let parties: BTreeSet<PartyId> = a.by.iter().flat_map(|r| m.parties_of(r.target)).collect();
        let signs: Vec<&Vec<&Spanned<crate::values::Date>>> = parties.iter().filter_map(|p| own.get(p)).collect();
        // The approver's own signature if it signs; else the first signature.
        let sig_date =
            if signs.is_empty() { first } else { signs.iter().flat_map(|v| v.iter().copied()).min_by_key(|d| d.value) };
        let Some(sig_date) = sig_date else { continue };
        if date.value > sig_date.value {
            let d = sink
                .finding(
                    format!(
                        "approval `{}` is dated {}, after the signature of {}",
                        a.id.value, date.value, sig_date.value
                    ),
                    Label::new(date.span, "approved after signing"),
                )
                .with_label(Label::new(sig_date.span, "signed here"))
                .with_help("an approval is given before signing; check both dates");
            sink.push(&[&a.meta], d);
        }
    }
}

// ------------------------------------------------------------ A016 successor-date

/// The date an agreement was made: its header date, else its last signature.
pub fn agreement_date(m: &Model) -> Option<&Spanned<crate::values::Date>> {
    m.date.as_ref().or_else(|| m.signatures.iter().filter_map(|s| s.date.as_ref()).max_by_key(|d| d.value))
}

pub fn successor_date(ctx: &Context<'_>, sink: &mut Sink<'_>) {
    let m = ctx.model;
    let Some(date) = agreement_date(m) else { return };
    if let (Some(pre), Some(sup)) = (ctx.predecessor, &m.supersedes) {
        if let Some(pre_date) = agreement_date(pre) {
            if date.value <= pre_date.value {
                let mut d = sink
                    .finding(
                        format!(
                            "this agreement ({}) is not dated after the agreement it supersedes ({})",
                            date.value, pre_date.value
                        ),
                        Label::new(date.span, "dated here"),
                    )
                    .with_label(Label::new(sup.span, "supersedes this agreement"))
                    .with_help("a successor is made after its predecessor; check both dates");
                if let Some(path) = &ctx.predecessor_path {
                    d = d.with_related(Related {
                        path: path.clone(),
                        span: pre_date.span,
                        message: "the predecessor's date".into(),
                        position: None,
                    });
                }
                sink.push(&[], d);
            }
        }
    }
    if let Some(r) = &m.renews {
        if date.value <= r.date.value {
            let d = sink
                .finding(
                    format!(
                        "this agreement ({}) is not dated after the agreement it renews ({})",
                        date.value, r.date.value
                    ),
                    Label::new(r.date.span, "renews an agreement of this date"),
                )
                .with_label(Label::new(date.span, "dated here"))
                .with_help("check both dates");
            sink.push(&[], d);
        }
    }
}

// ------------------------------------------------------------ A017 term

pub fn term(ctx: &Context<'_>, sink: &mut Sink<'_>) {
    let m = ctx.model;
    // Statutes and rules of procedure have no term; an unknown term is not demanded.
    if m.term.is_none() && m.document.is_signed() && !m.meta.is_unknown("term") {
        let d = sink
            .finding(
                format!("agreement `{}` states no term and no termination", m.id.value),
                Label::new(m.id.span, "no `term` block"),
            )
            .with_help("add `term { from YYYY-MM-DD until YYYY-MM-DD }` or `term { until_revoked notice 6 months }`");
        sink.push(&[], d);
    }
}

// ------------------------------------------------------------ A018 continuity

pub fn continuity(ctx: &Context<'_>, sink: &mut Sink<'_>) {
    let m = ctx.model;
    for b in &m.bodies {
        let Some(cont) = &b.continues else { continue };
        match (&m.supersedes, ctx.predecessor) {
            (None, _) => {
                let d = sink
                    .finding(
                        format!("`{}` continues `{}`, but this agreement supersedes no other", b.id.value, cont.value),
                        Label::new(cont.span, "continues a body of which agreement?"),
                    )
                    .with_help("name the earlier agreement in the header: `supersedes \"earlier.pakt\"`");
                sink.push(&[&b.meta], d);
            }
            (Some(_), None) => {} // the missing predecessor is reported as R007
            (Some(sup), Some(pre)) => {
                if pre.bodies.iter().any(|pb| pb.id.value == cont.value) {
                    continue;
                }
                let near = pre
                    .bodies
                    .iter()
                    .filter_map(|pb| {
                        let max = (cont.value.len() / 3).clamp(1, 8);
                        let mut budget = 100_000;
                        crate::resolve::levenshtein_within(&cont.value, &pb.id.value, max, &mut budget).map(|d| (d, pb))
                    })
                    .min_by_key(|(dist, _)| *dist);
                let mut d = sink
                    .finding(
                        format!(
                            "`{}` continues `{}`, but `{}` has no body of that name",
                            b.id.value, cont.value, sup.value
                        ),
                        Label::new(cont.span, "no such body in the superseded agreement"),
                    )
                    .with_label(Label::new(sup.span, "the superseded agreement"));
                let known: Vec<String> = pre.bodies.iter().map(|pb| format!("`{}`", pb.id.value)).collect();
                d = match near {
                    Some((_, pb)) => d.with_help(format!("did you mean `{}`?", pb.id.value)),
                    None => d.with_help(format!(
                        "its bodies are: {}",
                        if known.is_empty() { "none".into() } else { known.join(", ") }
                    )),
                };
                if let (Some(path), Some((_, pb))) = (&ctx.predecessor_path, near) {
                    d = d.with_related(Related {
                        path: path.clone(),
                        span: pb.id.span,
                        message: format!("`{}` is defined here", pb.id.value),
                        position: None,
                    });
                }
                sink.push(&[&b.meta], d);
            }
        }
    }
}

// ------------------------------------------------------------ A019 unheld-obligation

pub fn unheld_obligation(ctx: &Context<'_>, sink: &mut Sink<'_>) {
    let m = ctx.model;
    for o in &m.obligations {
        let bodies: Vec<&Body<Ref>> = o
            .bearer
            .iter()
            .filter_map(|r| match r.target {
                Target::Body(b) => m.body(b),
                _ => None,
            })
            .collect();
        if bodies.is_empty() || bodies.len() != o.bearer.len() {
            continue;
        }
        let held = bodies.iter().any(|b| b.seats.iter().any(|s| m.seat_party(s).is_some()));
        if !held {
            let mut d = sink
                .finding(
                    format!(
                        "no party can be held to `{}`: no party has a seat in {}",
                        o.id.value,
                        bodies.iter().map(|b| format!("`{}`", b.id.value)).collect::<Vec<_>>().join(", ")
                    ),
                    Label::new(o.id.span, "borne by a body only"),
                )
                .with_help("give the parties seats in the body (`seat x { party p }`), or make a party the bearer");
            for b in &bodies {
                d = d.with_label(Label::new(b.id.span, "no seat of this body belongs to a party"));
            }
            let mut metas: Vec<&Meta> = vec![&o.meta];
            metas.extend(bodies.iter().map(|b| &b.meta));
            sink.push(&metas, d);
        }
    }
}
