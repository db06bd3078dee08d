//! Step two: parse tree → typed AST with spans.
//!
//! In: the `file` pair from `syntax::parse`. Out: an `Ast` (references still
//! names) and the value problems found on the way: invalid dates, malformed
//! amounts, numbers too large, attributes given twice, required attributes
//! missing. All of them are reported, not just the first.
//!
//! Tasks written inside a body are hoisted to obligations named
//! `body.task`, borne by the body, so that later stages see one kind.

use crate::diagnostic::{Diagnostic, Label};
use crate::model::*;
use crate::span::Span;
use crate::syntax::{Pair, Rule};
use crate::values::{Date, Money};

/// Lower a parsed file. The AST is always produced; problems are returned
/// alongside it.
pub fn lower(file: Pair<'_>) -> (Ast, Vec<Diagnostic>) {
    let mut l = Lowerer { diags: Vec::new() };
    let ast = l.file(file);
    (ast, l.diags)
}

struct Lowerer {
    diags: Vec<Diagnostic>,
}

/// Anything that knows where it was written, for "given twice" messages.
trait Located {
    fn location(&self) -> Span;
}
impl<T> Located for Spanned<T> {
    fn location(&self) -> Span {
        self.span
    }
}
impl Located for RawRef {
    fn location(&self) -> Span {
        self.span
    }
}
impl Located for Span {
    fn location(&self) -> Span {
        *self
    }
}
impl Located for Meeting {
    fn location(&self) -> Span {
        self.span
    }
}
impl Located for Amount {
    fn location(&self) -> Span {
        self.span
    }
}
impl Located for Term {
    fn location(&self) -> Span {
        self.span
    }
}
impl Located for Renews {
    fn location(&self) -> Span {
        self.span
    }
}

/// The span of a pair without trailing white space and comments, which pest
/// includes when a rule ends in an optional part that is absent.
fn sp(pair: &Pair<'_>) -> Span {
    let span: Span = pair.as_span().into();
    let text = pair.as_str();
    let mut end = text.trim_end().len();
    // Strip trailing `//` comments line by line.
    while let Some(line_start) = text.get(..end).and_then(|t| t.rfind('\n')).map(|i| i + 1) {
        let line = text.get(line_start..end).unwrap_or("");
        if !line.trim_start().starts_with("//") {
            break;
        }
        end = text.get(..line_start).map_or(0, |t| t.trim_end().len());
    }
    Span::new(span.start, span.start + end)
}

/// The first child of `pair` with rule `rule`.
fn child<'i>(pair: &Pair<'i>, rule: Rule) -> Option<Pair<'i>> {
    pair.clone().into_inner().find(|p| p.as_rule() == rule)
}

/// The rule of the first child: how keyword alternatives are told apart.
fn first_rule(pair: &Pair<'_>) -> Option<Rule> {
    pair.clone().into_inner().next().map(|p| p.as_rule())
}

fn empty_ast(span: Span) -> Ast {
    Agreement {
        id: Spanned::new(String::new(), span),
        span,
        title: None,
        kind: None,
        land: None,
        date: None,
        place: None,
        supersedes: None,
        renews: None,
        meta: Meta::default(),
        goals: Vec::new(),
        parties: Vec::new(),
        offices: Vec::new(),
        actors: Vec::new(),
        bodies: Vec::new(),
        obligations: Vec::new(),
        services: Vec::new(),
        projects: Vec::new(),
        financings: Vec::new(),
        procedures: Vec::new(),
        term: None,
        approvals: Vec::new(),
        signatures: Vec::new(),
    }
}

impl Lowerer {
    // ------------------------------------------------------------ values

    fn string(&mut self, pair: &Pair<'_>) -> Spanned<String> {
        let raw = child(pair, Rule::string_body).map_or("", |b| b.as_str());
        let mut out = String::with_capacity(raw.len());
        let mut chars = raw.chars();
        while let Some(c) = chars.next() {
            if c == '\\' {
                match chars.next() {
                    Some('n') => out.push('\n'),
                    Some('t') => out.push('\t'),
                    Some(other) => out.push(other),
                    None => out.push('\\'),
                }
            } else {
                out.push(c);
            }
        }
        Spanned::new(out, sp(pair))
    }

    /// The first quoted text inside `pair`.
    fn string_in(&mut self, pair: &Pair<'_>) -> Spanned<String> {
        match child(pair, Rule::string) {
            Some(s) => self.string(&s),
            None => Spanned::new(String::new(), sp(pair)),
        }
    }

    fn ident(pair: &Pair<'_>) -> Spanned<String> {
        Spanned::new(pair.as_str().to_string(), sp(pair))
    }

    fn ident_in(pair: &Pair<'_>) -> Spanned<String> {
        child(pair, Rule::ident).map_or_else(|| Spanned::new(String::new(), sp(pair)), |p| Self::ident(&p))
    }

    fn integer(&mut self, pair: &Pair<'_>) -> Spanned<u32> {
        let span = sp(pair);
        match pair.as_str().parse::<u32>() {
            Ok(v) => Spanned::new(v, span),
            Err(_) => {
                self.diags.push(
                    Diagnostic::error(
                        "P010",
                        "number-too-large",
                        format!("the number `{}` is too large", pair.as_str()),
                        Label::new(span, "too large"),
                    )
                    .with_help(format!("counts and numbers in pakt are at most {}", u32::MAX)),
                );
                Spanned::new(u32::MAX, span)
            }
        }
    }

    fn integer_in(&mut self, pair: &Pair<'_>) -> Spanned<u32> {
        match child(pair, Rule::integer) {
            Some(p) => self.integer(&p),
            None => Spanned::new(0, sp(pair)),
        }
    }

    fn date(&mut self, pair: &Pair<'_>) -> Option<Spanned<Date>> {
        let span = sp(pair);
        match Date::parse(pair.as_str()) {
            Ok(d) => Some(Spanned::new(d, span)),
            Err(why) => {
                self.diags.push(
                    Diagnostic::error(
                        "P003",
                        "invalid-date",
                        format!("`{}` is not a valid date: {why}", pair.as_str()),
                        Label::new(span, "not a calendar date"),
                    )
                    .with_help("dates are written YYYY-MM-DD (ISO 8601), e.g. 2018-10-17"),
                );
                None
            }
        }
    }

    fn date_in(&mut self, pair: &Pair<'_>) -> Option<Spanned<Date>> {
        child(pair, Rule::date).and_then(|p| self.date(&p))
    }

    fn money(&mut self, pair: &Pair<'_>) -> Option<Money> {
        let currency = child(pair, Rule::currency).map_or("EUR", |p| p.as_str());
        let amount = child(pair, Rule::amount)?;
        let million = child(pair, Rule::scale).is_some();
        match Money::parse(currency, amount.as_str(), million) {
            Ok(m) => Some(m),
            Err(why) => {
                self.diags.push(
                    Diagnostic::error(
                        "P004",
                        "malformed-amount",
                        format!("malformed amount: {why}"),
                        Label::new(sp(&amount), "this amount"),
                    )
                    .with_help("write money as a currency and an exact amount: `EUR 80 million`, `EUR 1_500_000.50`"),
                );
                None
            }
        }
    }

    fn reference(pair: &Pair<'_>) -> RawRef {
        RawRef { id: pair.as_str().to_string(), span: sp(pair) }
    }

    fn reference_in(pair: &Pair<'_>) -> Option<RawRef> {
        child(pair, Rule::reference).map(|p| Self::reference(&p))
    }

    fn reference_list_in(pair: &Pair<'_>) -> Vec<RawRef> {
        child(pair, Rule::reference_list)
            .map(|list| {
                list.into_inner().filter(|p| p.as_rule() == Rule::reference).map(|p| Self::reference(&p)).collect()
            })
            .unwrap_or_default()
    }

    fn frequency(&mut self, pair: &Pair<'_>) -> Option<Spanned<Frequency>> {
        if let Some(at) = child(pair, Rule::at_least) {
            let times = self.integer_in(&at);
            let per = match child(&at, Rule::period).and_then(|p| first_rule(&p)) {
                Some(Rule::kw_quarter) => Period::Quarter,
                Some(Rule::kw_month) => Period::Month,
                _ => Period::Year,
            };
            if times.value == 0 {
                self.diags.push(
                    Diagnostic::error(
                        "P011",
                        "invalid-value",
                        "`at_least 0` states no minimum",
                        Label::new(times.span, "zero"),
                    )
                    .with_help("write the least number of times, e.g. `at_least 2 per year`, or `regularly` if the text gives no number"),
                );
            }
            return Some(Spanned::new(Frequency::AtLeast { times: times.value, per }, sp(&at)));
        }
        child(pair, Rule::kw_regularly).map(|p| Spanned::new(Frequency::Regularly, sp(&p)))
    }

    fn condition(&mut self, pair: &Pair<'_>) -> Spanned<Condition> {
        let value = if child(pair, Rule::kw_budget_reservation).is_some() {
            Condition::BudgetReservation
        } else {
            Condition::Text(self.string_in(pair).value)
        };
        Spanned::new(value, sp(pair))
    }

    fn side(pair: &Pair<'_>) -> Option<Spanned<Side>> {
        let side = child(pair, Rule::side)?;
        let value = match first_rule(&side) {
            Some(Rule::kw_municipal) => Side::Municipal,
            _ => Side::State,
        };
        Some(Spanned::new(value, sp(&side)))
    }

    // ------------------------------------------------------------ bookkeeping

    /// Set a single-valued attribute; a second occurrence is reported with
    /// both places and the first one wins.
    fn set<T: Located>(&mut self, slot: &mut Option<T>, value: T, what: &str) {
        if let Some(first) = slot {
            self.diags.push(
                Diagnostic::error(
                    "R004",
                    "duplicate-attribute",
                    format!("`{what}` is given twice"),
                    Label::new(value.location(), "given again here"),
                )
                .with_label(Label::new(first.location(), "first given here"))
                .with_help(format!("an element has one `{what}`; remove one of them")),
            );
        } else {
            *slot = Some(value);
        }
    }

    /// Set a single reference, string or date attribute from its pair.
    fn set_ref(&mut self, a: &Pair<'_>, slot: &mut Option<RawRef>, what: &str) {
        if let Some(r) = Self::reference_in(a) {
            self.set(slot, r, what);
        }
    }
    fn set_string(&mut self, a: &Pair<'_>, slot: &mut Option<Spanned<String>>, what: &str) {
        let s = self.string_in(a);
        self.set(slot, s, what);
    }
    fn set_date(&mut self, a: &Pair<'_>, slot: &mut Option<Spanned<Date>>, what: &str) {
        if let Some(d) = self.date_in(a) {
            self.set(slot, d, what);
        }
    }

    fn missing(&mut self, block: &str, id: &Spanned<String>, what: &str, example: &str) {
        self.diags.push(
            Diagnostic::error(
                "R005",
                "missing-attribute",
                format!("{block} `{}` has no {what}", id.value),
                Label::new(id.span, format!("this {block} needs {what}")),
            )
            .with_help(format!("add it, e.g. `{example}`")),
        );
    }

    /// Handle an attribute every block takes; false if `pair` is not one.
    fn common(&mut self, pair: &Pair<'_>, meta: &mut Meta) -> bool {
        match pair.as_rule() {
            Rule::section_attr => {
                let s = self.string_in(pair);
                self.set(&mut meta.section, s, "section");
            }
            Rule::wording_attr => {
                let s = self.string_in(pair);
                self.set(&mut meta.wording, s, "wording");
            }
            Rule::assumption_attr => {
                let s = self.string_in(pair);
                meta.assumptions.push(s);
            }
            Rule::note_attr => {
                let s = self.string_in(pair);
                meta.notes.push(s);
            }
            Rule::allow_attr => {
                let rule = Self::ident_in(pair);
                let reason = self.string_in(pair);
                meta.allows.push(Allow { rule, reason });
            }
            _ => return false,
        }
        true
    }

    /// The attributes of a block: its children after the keyword, id, name
    /// and the opening brace.
    fn attrs<'i>(pair: &Pair<'i>) -> impl Iterator<Item = Pair<'i>> {
        pair.clone()
            .into_inner()
            .skip_while(|p| p.as_rule() != Rule::open)
            .filter(|p| !matches!(p.as_rule(), Rule::open | Rule::close))
    }

    // ------------------------------------------------------------ blocks

    fn file(&mut self, file: Pair<'_>) -> Ast {
        let mut ast = empty_ast(sp(&file));
        for item in file.into_inner() {
            match item.as_rule() {
                Rule::header => self.header(&item, &mut ast),
                Rule::goal => {
                    let g = self.goal(&item);
                    ast.goals.push(g);
                }
                Rule::party => {
                    let p = self.party(&item);
                    ast.parties.push(p);
                }
                Rule::office => {
                    let o = self.office(&item);
                    ast.offices.push(o);
                }
                Rule::actor => {
                    let a = self.actor(&item);
                    ast.actors.push(a);
                }
                Rule::body => {
                    let (b, tasks) = self.body(&item);
                    ast.bodies.push(b);
                    ast.obligations.extend(tasks);
                }
                Rule::obligation => {
                    let id = Self::ident_in(&item);
                    let o = self.obligation(&item, id, None);
                    ast.obligations.push(o);
                }
                Rule::service => {
                    let s = self.service(&item);
                    ast.services.push(s);
                }
                Rule::project => {
                    let p = self.project(&item);
                    ast.projects.push(p);
                }
                Rule::financing => {
                    let f = self.financing(&item);
                    ast.financings.push(f);
                }
                Rule::procedure => {
                    let p = self.procedure(&item);
                    ast.procedures.push(p);
                }
                Rule::term => {
                    let t = self.term(&item);
                    let mut slot = ast.term.take();
                    self.set(&mut slot, t, "term");
                    ast.term = slot;
                }
                Rule::approval => {
                    let a = self.approval(&item);
                    ast.approvals.push(a);
                }
                Rule::signature => {
                    let s = self.signature(&item);
                    ast.signatures.push(s);
                }
                _ => {}
            }
        }
        ast
    }

    fn header(&mut self, pair: &Pair<'_>, ast: &mut Ast) {
        ast.id = Self::ident_in(pair);
        for a in Self::attrs(pair) {
            match a.as_rule() {
                Rule::title_attr => self.set_string(&a, &mut ast.title, "title"),
                Rule::kind_attr => self.set(&mut ast.kind, Self::ident_in(&a), "kind"),
                Rule::land_attr => self.set_string(&a, &mut ast.land, "land"),
                Rule::date_attr => self.set_date(&a, &mut ast.date, "date"),
                Rule::place_attr => self.set_string(&a, &mut ast.place, "place"),
                Rule::supersedes_attr => self.set_string(&a, &mut ast.supersedes, "supersedes"),
                Rule::renews_attr => {
                    let label = self.string_in(&a);
                    if let Some(date) = self.date_in(&a) {
                        let r = Renews { date, label, span: sp(&a) };
                        self.set(&mut ast.renews, r, "renews");
                    }
                }
                _ => {
                    self.common(&a, &mut ast.meta);
                }
            }
        }
    }

    fn goal(&mut self, pair: &Pair<'_>) -> Goal {
        let id = Self::ident_in(pair);
        let text = self.string_in(pair);
        let mut meta = Meta::default();
        for a in Self::attrs(pair) {
            self.common(&a, &mut meta);
        }
        Goal { id, text, span: sp(pair), meta }
    }

    fn party(&mut self, pair: &Pair<'_>) -> Party {
        let mut p = Party {
            id: Self::ident_in(pair),
            name: self.string_in(pair),
            span: sp(pair),
            side: None,
            represented_by: None,
            kind: None,
            meta: Meta::default(),
        };
        for a in Self::attrs(pair) {
            match a.as_rule() {
                Rule::side_attr => {
                    if let Some(s) = Self::side(&a) {
                        self.set(&mut p.side, s, "side");
                    }
                }
                Rule::represented_by_attr => self.set_string(&a, &mut p.represented_by, "represented_by"),
                Rule::kind_attr => self.set(&mut p.kind, Self::ident_in(&a), "kind"),
                _ => {
                    self.common(&a, &mut p.meta);
                }
            }
        }
        p
    }

    fn office(&mut self, pair: &Pair<'_>) -> Office<RawRef> {
        let mut o = Office {
            id: Self::ident_in(pair),
            name: self.string_in(pair),
            span: sp(pair),
            of: None,
            holder: None,
            meta: Meta::default(),
        };
        for a in Self::attrs(pair) {
            match a.as_rule() {
                Rule::of_attr => self.set_ref(&a, &mut o.of, "of"),
                Rule::holder_attr => self.set_string(&a, &mut o.holder, "holder"),
                _ => {
                    self.common(&a, &mut o.meta);
                }
            }
        }
        o
    }

    fn actor(&mut self, pair: &Pair<'_>) -> Actor<RawRef> {
        let mut o = Actor {
            id: Self::ident_in(pair),
            name: self.string_in(pair),
            span: sp(pair),
            side: None,
            part_of: None,
            meta: Meta::default(),
        };
        for a in Self::attrs(pair) {
            match a.as_rule() {
                Rule::side_attr => {
                    if let Some(s) = Self::side(&a) {
                        self.set(&mut o.side, s, "side");
                    }
                }
                Rule::part_of_attr => self.set_ref(&a, &mut o.part_of, "part_of"),
                _ => {
                    self.common(&a, &mut o.meta);
                }
            }
        }
        o
    }

    fn body(&mut self, pair: &Pair<'_>) -> (Body<RawRef>, Vec<Obligation<RawRef>>) {
        let mut b = Body {
            id: Self::ident_in(pair),
            name: self.string_in(pair),
            span: sp(pair),
            kind: None,
            legal_basis: None,
            parity: None,
            declared_seats: None,
            seats: Vec::new(),
            chair: None,
            meeting: None,
            quorum: None,
            decides: None,
            binding: Vec::new(),
            recommendation_to: Vec::new(),
            reports_to: None,
            continues: None,
            formed_by: None,
            meta: Meta::default(),
        };
        let mut tasks = Vec::new();
        for a in Self::attrs(pair) {
            match a.as_rule() {
                Rule::kind_attr => self.set(&mut b.kind, Self::ident_in(&a), "kind"),
                Rule::legal_basis_attr => self.set_string(&a, &mut b.legal_basis, "legal_basis"),
                Rule::parity_attr => self.set(&mut b.parity, sp(&a), "parity"),
                Rule::seats_attr => {
                    let n = self.integer_in(&a);
                    self.set(&mut b.declared_seats, n, "seats");
                }
                Rule::seat => {
                    let s = self.seat(&a);
                    b.seats.push(s);
                }
                Rule::chair_attr => self.set_ref(&a, &mut b.chair, "chair"),
                Rule::meets_attr => {
                    if let Some(frequency) = self.frequency(&a) {
                        let on_request_of = child(&a, Rule::on_request).map(|r| self.integer_in(&r));
                        let m = Meeting { frequency, on_request_of, span: sp(&a) };
                        self.set(&mut b.meeting, m, "meets");
                    }
                }
                Rule::quorum_attr => {
                    let n = self.integer_in(&a);
                    self.set(&mut b.quorum, n, "quorum");
                }
                Rule::decides_attr => {
                    let rule = match child(&a, Rule::decision_rule) {
                        None => DecisionRule::Unspecified,
                        Some(r) => self.decision_rule(&r),
                    };
                    self.set(&mut b.decides, Spanned::new(rule, sp(&a)), "decides");
                }
                Rule::binding_attr => b.binding.extend(Self::reference_list_in(&a)),
                Rule::recommendation_attr => {
                    let s = self.string_in(&a);
                    b.recommendation_to.push(s);
                }
                Rule::reports_to_attr => self.set_ref(&a, &mut b.reports_to, "reports_to"),
                Rule::continues_attr => self.set(&mut b.continues, Self::ident_in(&a), "continues"),
                Rule::formed_by_attr => self.set_ref(&a, &mut b.formed_by, "formed_by"),
                Rule::task => {
                    let local = Self::ident_in(&a);
                    let id = Spanned::new(format!("{}.{}", b.id.value, local.value), local.span);
                    let bearer = RawRef { id: b.id.value.clone(), span: b.id.span };
                    let t = self.obligation(&a, id, Some(bearer));
                    tasks.push(t);
                }
                _ => {
                    self.common(&a, &mut b.meta);
                }
            }
        }
        (b, tasks)
    }

    fn decision_rule(&mut self, pair: &Pair<'_>) -> DecisionRule {
        match first_rule(pair) {
            Some(Rule::kw_consent) => DecisionRule::Consent,
            Some(Rule::kw_unanimity) => DecisionRule::Unanimity,
            Some(Rule::kw_majority) => DecisionRule::Majority,
            Some(Rule::kw_weighted) => DecisionRule::Weighted,
            Some(Rule::qualified) => {
                let Some(q) = child(pair, Rule::qualified) else { return DecisionRule::Unspecified };
                let nums: Vec<Pair<'_>> = q.clone().into_inner().filter(|p| p.as_rule() == Rule::integer).collect();
                let (Some(n), Some(d)) = (nums.first(), nums.get(1)) else { return DecisionRule::Unspecified };
                let numerator = self.integer(n);
                let denominator = self.integer(d);
                if denominator.value == 0 || numerator.value == 0 || numerator.value > denominator.value {
                    self.diags.push(
                        Diagnostic::error(
                            "P011",
                            "invalid-value",
                            format!("`qualified {}/{}` is not a majority", numerator.value, denominator.value),
                            Label::new(sp(&q), "not a fraction between 0 and 1"),
                        )
                        .with_help("a qualified majority is a fraction of the votes, e.g. `qualified 2/3`"),
                    );
                }
                DecisionRule::Qualified { numerator: numerator.value, denominator: denominator.value }
            }
            _ => DecisionRule::Unspecified,
        }
    }

    fn seat(&mut self, pair: &Pair<'_>) -> Seat<RawRef> {
        let mut s = Seat {
            id: Self::ident_in(pair),
            label: None,
            span: sp(pair),
            party: None,
            office: None,
            side: None,
            count: Spanned::new(1, sp(pair)),
            voting: true,
            meta: Meta::default(),
        };
        // The label is the quoted text before the opening brace.
        s.label = pair
            .clone()
            .into_inner()
            .take_while(|p| p.as_rule() != Rule::open)
            .find(|p| p.as_rule() == Rule::string)
            .map(|p| self.string(&p));
        let mut count: Option<Spanned<u32>> = None;
        let mut voting: Option<Spanned<bool>> = None;
        for a in Self::attrs(pair) {
            match a.as_rule() {
                Rule::party_ref_attr => self.set_ref(&a, &mut s.party, "party"),
                Rule::office_ref_attr => self.set_ref(&a, &mut s.office, "office"),
                Rule::side_attr => {
                    if let Some(side) = Self::side(&a) {
                        self.set(&mut s.side, side, "side");
                    }
                }
                Rule::count_attr => {
                    let n = self.integer_in(&a);
                    if n.value == 0 {
                        self.diags.push(
                            Diagnostic::error(
                                "P011",
                                "invalid-value",
                                "a seat cannot count 0 members",
                                Label::new(n.span, "zero"),
                            )
                            .with_help("remove the seat, or give the number of members it stands for"),
                        );
                    }
                    self.set(&mut count, n, "count");
                }
                Rule::voting_attr => {
                    let v = first_rule(&a) != Some(Rule::kw_advisory);
                    self.set(&mut voting, Spanned::new(v, sp(&a)), "voting/advisory");
                }
                _ => {
                    self.common(&a, &mut s.meta);
                }
            }
        }
        if let Some(c) = count {
            s.count = c;
        }
        if let Some(v) = voting {
            s.voting = v.value;
        }
        s
    }

    /// An `obligation` block, or a `task` inside a body (then `bearer` is
    /// the body and `id` is already `body.task`).
    fn obligation(&mut self, pair: &Pair<'_>, id: Spanned<String>, bearer: Option<RawRef>) -> Obligation<RawRef> {
        let task = bearer.is_some();
        let mut o = Obligation {
            id,
            span: sp(pair),
            bearer: bearer.into_iter().collect(),
            task_of_body: task,
            modality: None,
            action: None,
            beneficiary: Vec::new(),
            conditions: Vec::new(),
            free_of_charge: None,
            costly: None,
            frequency: None,
            deadline: None,
            meta: Meta::default(),
        };
        let mut bearer_seen: Option<Span> = None;
        for a in Self::attrs(pair) {
            match a.as_rule() {
                Rule::bearer_attr => {
                    self.set(&mut bearer_seen, sp(&a), "bearer");
                    o.bearer.extend(Self::reference_list_in(&a));
                }
                Rule::duty_attr => {
                    let modality = match child(&a, Rule::modality).and_then(|m| first_rule(&m)) {
                        Some(Rule::kw_shall) => Modality::Shall,
                        Some(Rule::kw_may) => Modality::May,
                        Some(Rule::kw_examines) => Modality::Examines,
                        Some(Rule::kw_recommends) => Modality::Recommends,
                        _ => Modality::Must,
                    };
                    let span = child(&a, Rule::modality).map_or(sp(&a), |m| sp(&m));
                    let action = self.string_in(&a);
                    if o.modality.is_some() {
                        self.set(&mut o.modality, Spanned::new(modality, span), "duty (must/shall/may/…)");
                    } else {
                        o.modality = Some(Spanned::new(modality, span));
                        o.action = Some(action);
                    }
                }
                Rule::beneficiary_attr => o.beneficiary.extend(Self::reference_list_in(&a)),
                Rule::condition_attr => {
                    let c = self.condition(&a);
                    o.conditions.push(c);
                }
                Rule::flag_attr => self.flag(&a, &mut o.free_of_charge, &mut o.costly),
                Rule::frequency_attr => {
                    if let Some(f) = self.frequency(&a) {
                        self.set(&mut o.frequency, f, "frequency");
                    }
                }
                Rule::deadline_attr => self.set_date(&a, &mut o.deadline, "deadline"),
                _ => {
                    self.common(&a, &mut o.meta);
                }
            }
        }
        if o.modality.is_none() {
            let block = if task { "task" } else { "obligation" };
            let id = o.id.clone();
            self.missing(block, &id, "duty", "must \"provide the base services free of charge\"");
        }
        o
    }

    fn flag(&mut self, pair: &Pair<'_>, free: &mut Option<Span>, costly: &mut Option<Span>) {
        if first_rule(pair) == Some(Rule::kw_costly) {
            self.set(costly, sp(pair), "costly");
        } else {
            self.set(free, sp(pair), "free_of_charge");
        }
    }

    fn service(&mut self, pair: &Pair<'_>) -> Service<RawRef> {
        let mut s = Service {
            id: Self::ident_in(pair),
            name: self.string_in(pair),
            span: sp(pair),
            provider: None,
            beneficiary: Vec::new(),
            chosen_by: None,
            conditions: Vec::new(),
            free_of_charge: None,
            costly: None,
            meta: Meta::default(),
        };
        for a in Self::attrs(pair) {
            match a.as_rule() {
                Rule::provider_attr => self.set_ref(&a, &mut s.provider, "provider"),
                Rule::beneficiary_attr => s.beneficiary.extend(Self::reference_list_in(&a)),
                Rule::chosen_by_attr => self.set_ref(&a, &mut s.chosen_by, "chosen_by"),
                Rule::condition_attr => {
                    let c = self.condition(&a);
                    s.conditions.push(c);
                }
                Rule::flag_attr => self.flag(&a, &mut s.free_of_charge, &mut s.costly),
                _ => {
                    self.common(&a, &mut s.meta);
                }
            }
        }
        s
    }

    fn project(&mut self, pair: &Pair<'_>) -> Project<RawRef> {
        let mut p = Project {
            id: Self::ident_in(pair),
            name: self.string_in(pair),
            span: sp(pair),
            partners: Vec::new(),
            conditions: Vec::new(),
            free_of_charge: None,
            costly: None,
            meta: Meta::default(),
        };
        for a in Self::attrs(pair) {
            match a.as_rule() {
                Rule::partners_attr => p.partners.extend(Self::reference_list_in(&a)),
                Rule::condition_attr => {
                    let c = self.condition(&a);
                    p.conditions.push(c);
                }
                Rule::flag_attr => self.flag(&a, &mut p.free_of_charge, &mut p.costly),
                _ => {
                    self.common(&a, &mut p.meta);
                }
            }
        }
        p
    }

    fn amount(&mut self, pair: &Pair<'_>) -> Option<Amount> {
        let bound = match child(pair, Rule::amount_bound).and_then(|b| first_rule(&b)) {
            Some(Rule::kw_exactly) => Bound::Exactly,
            _ => Bound::UpTo,
        };
        let money_pair = child(pair, Rule::money)?;
        let money = self.money(&money_pair)?;
        let start = child(pair, Rule::amount_bound).map_or(sp(&money_pair), |b| sp(&b));
        Some(Amount { bound, money, span: start.to(sp(&money_pair)) })
    }

    fn financing(&mut self, pair: &Pair<'_>) -> Financing<RawRef> {
        let mut f = Financing {
            id: Self::ident_in(pair),
            name: self.string_in(pair),
            span: sp(pair),
            payer: Vec::new(),
            recipient: Vec::new(),
            legal_basis: None,
            kind: None,
            amount: None,
            tranches: Vec::new(),
            conditions: Vec::new(),
            cost_sharing: None,
            meta: Meta::default(),
        };
        for a in Self::attrs(pair) {
            match a.as_rule() {
                Rule::payer_attr => f.payer.extend(Self::reference_list_in(&a)),
                Rule::recipient_attr => f.recipient.extend(Self::reference_list_in(&a)),
                Rule::legal_basis_attr => self.set_string(&a, &mut f.legal_basis, "legal_basis"),
                Rule::kind_attr => self.set(&mut f.kind, Self::ident_in(&a), "kind"),
                Rule::amount_attr => {
                    if let Some(amount) = self.amount(&a) {
                        self.set(&mut f.amount, amount, "up_to/exactly");
                    }
                }
                Rule::tranche => {
                    let year_pair = child(&a, Rule::year);
                    let year = year_pair.as_ref().map_or(Spanned::new(0, sp(&a)), |y| {
                        Spanned::new(y.as_str().parse::<i32>().unwrap_or(0), sp(y))
                    });
                    if let Some(amount) = self.amount(&a) {
                        f.tranches.push(Tranche { year, amount, span: sp(&a) });
                    }
                }
                Rule::condition_attr => {
                    let c = self.condition(&a);
                    f.conditions.push(c);
                }
                Rule::cost_sharing_attr => self.set_string(&a, &mut f.cost_sharing, "cost_sharing"),
                _ => {
                    self.common(&a, &mut f.meta);
                }
            }
        }
        f
    }

    fn procedure(&mut self, pair: &Pair<'_>) -> Procedure<RawRef> {
        let mut p = Procedure {
            id: Self::ident_in(pair),
            name: self.string_in(pair),
            span: sp(pair),
            steps: Vec::new(),
            meta: Meta::default(),
        };
        for a in Self::attrs(pair) {
            if a.as_rule() == Rule::step {
                let s = self.step(&a);
                p.steps.push(s);
            } else {
                self.common(&a, &mut p.meta);
            }
        }
        p
    }

    fn step(&mut self, pair: &Pair<'_>) -> Step<RawRef> {
        let mut s = Step {
            id: Self::ident_in(pair),
            label: None,
            span: sp(pair),
            by: None,
            kind: None,
            after: Vec::new(),
            consent_of: Vec::new(),
            consultation_of: Vec::new(),
            commits_money: None,
            meta: Meta::default(),
        };
        s.label = pair
            .clone()
            .into_inner()
            .take_while(|p| p.as_rule() != Rule::open)
            .find(|p| p.as_rule() == Rule::string)
            .map(|p| self.string(&p));
        for a in Self::attrs(pair) {
            match a.as_rule() {
                Rule::by_attr => self.set_ref(&a, &mut s.by, "by"),
                Rule::step_kind_attr => {
                    let kind = match child(&a, Rule::step_kind).and_then(|k| first_rule(&k)) {
                        Some(Rule::kw_consult) => StepKind::Consult,
                        Some(Rule::kw_agree_financing) => StepKind::AgreeFinancing,
                        Some(Rule::kw_decide) => StepKind::Decide,
                        Some(Rule::kw_implement) => StepKind::Implement,
                        Some(Rule::kw_report) => StepKind::Report,
                        _ => StepKind::Propose,
                    };
                    self.set(&mut s.kind, Spanned::new(kind, sp(&a)), "kind");
                }
                Rule::after_attr => s.after.extend(Self::reference_list_in(&a)),
                Rule::consent_of_attr => s.consent_of.extend(Self::reference_list_in(&a)),
                Rule::consultation_of_attr => s.consultation_of.extend(Self::reference_list_in(&a)),
                Rule::commits_money_attr => self.set(&mut s.commits_money, sp(&a), "commits_money"),
                _ => {
                    self.common(&a, &mut s.meta);
                }
            }
        }
        s
    }

    fn term(&mut self, pair: &Pair<'_>) -> Term {
        let mut t = Term {
            span: sp(pair),
            from: None,
            until: None,
            until_revoked: None,
            in_writing: None,
            notice_months: None,
            meta: Meta::default(),
        };
        for a in Self::attrs(pair) {
            match a.as_rule() {
                Rule::from_attr => self.set_date(&a, &mut t.from, "from"),
                Rule::until_attr => self.set_date(&a, &mut t.until, "until"),
                Rule::until_revoked_attr => self.set(&mut t.until_revoked, sp(&a), "until_revoked"),
                Rule::in_writing_attr => self.set(&mut t.in_writing, sp(&a), "in_writing"),
                Rule::notice_attr => {
                    let n = self.integer_in(&a);
                    self.set(&mut t.notice_months, n, "notice");
                }
                _ => {
                    self.common(&a, &mut t.meta);
                }
            }
        }
        t
    }

    fn approval(&mut self, pair: &Pair<'_>) -> Approval<RawRef> {
        let mut o = Approval {
            id: Self::ident_in(pair),
            name: self.string_in(pair),
            span: sp(pair),
            by: None,
            date: None,
            meta: Meta::default(),
        };
        for a in Self::attrs(pair) {
            match a.as_rule() {
                Rule::by_attr => self.set_ref(&a, &mut o.by, "by"),
                Rule::date_attr => self.set_date(&a, &mut o.date, "date"),
                _ => {
                    self.common(&a, &mut o.meta);
                }
            }
        }
        o
    }

    fn signature(&mut self, pair: &Pair<'_>) -> Signature<RawRef> {
        let mut s = Signature {
            id: Self::ident_in(pair),
            span: sp(pair),
            party: None,
            signatory: None,
            office: None,
            date: None,
            place: None,
            meta: Meta::default(),
        };
        for a in Self::attrs(pair) {
            match a.as_rule() {
                Rule::party_ref_attr => self.set_ref(&a, &mut s.party, "party"),
                Rule::signatory_attr => self.set_string(&a, &mut s.signatory, "signatory"),
                Rule::office_ref_attr => self.set_ref(&a, &mut s.office, "office"),
                Rule::date_attr => self.set_date(&a, &mut s.date, "date"),
                Rule::place_attr => self.set_string(&a, &mut s.place, "place"),
                _ => {
                    self.common(&a, &mut s.meta);
                }
            }
        }
        s
    }
}
