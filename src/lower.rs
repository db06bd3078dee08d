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
use crate::values::{Date, Decimal, Money};

/// Lower a parsed file. The AST is always produced; problems are returned
/// alongside it.
pub fn lower(file: Pair<'_>) -> (Ast, Vec<Diagnostic>) {
    let (lang, diags) = crate::keywords::file_language(&file);
    let mut l = Lowerer { diags, lang };
    let ast = l.file(file);
    (ast, l.diags)
}

struct Lowerer {
    diags: Vec<Diagnostic>,
    /// The keyword set of the file: German files write money the German way.
    lang: crate::keywords::Lang,
}

/// An empty AST for a file `text`, to lower its pieces into
/// (`lower_piece`); its span is the one `lower` gives the whole file.
pub fn empty_for(text: &str) -> Ast {
    empty_ast(Span::new(0, trimmed_len(text)))
}

/// Lower one parsed piece of a file (a `file` or `block_items` pair) that
/// starts at byte `offset` of the file, adding its blocks to `ast`.
pub fn lower_piece(
    piece: Pair<'_>,
    offset: usize,
    ast: &mut Ast,
    lang: crate::keywords::Lang,
    header: Option<&(String, Span)>,
) -> Vec<Diagnostic> {
    // Keywords of the other set, at their place in the file.
    let mut diags = crate::keywords::piece_language(&piece, lang);
    for d in &mut diags {
        d.primary.span = Span::new(d.primary.span.start + offset, d.primary.span.end + offset);
        for l in &mut d.secondary {
            l.span = Span::new(l.span.start + offset, l.span.end + offset);
        }
    }
    if !diags.is_empty() {
        if let Some((word, span)) = header {
            let set = match lang {
                crate::keywords::Lang::En => "English",
                crate::keywords::Lang::De => "German",
            };
            for d in &mut diags {
                d.secondary.push(Label::new(*span, format!("`{word}` makes this a file with {set} keywords")));
            }
        }
    }
    let mut l = Lowerer { diags, lang };
    let before = PIECE_OFFSET.with(|o| o.replace(offset));
    l.items(piece, ast);
    PIECE_OFFSET.with(|o| o.set(before));
    l.diags
}

/// Append `part` (lowered from pieces after those of `into`) to `into`, as
/// if both had been lowered in one go: a second `term` or `amendment` is
/// reported as given twice. The header is only ever in the first part.
pub fn append(into: &mut Ast, part: Ast) -> Vec<Diagnostic> {
    // No `..`: a new field of the AST must decide here how parts join.
    let Agreement {
        document: _,
        id: _,
        span: _,
        title: _,
        kind: _,
        land: _,
        date: _,
        place: _,
        supersedes: _,
        renews: _,
        meta: _,
        goals,
        parties,
        offices,
        actors,
        bodies,
        obligations,
        services,
        projects,
        financings,
        procedures,
        term,
        approvals,
        signatures,
        groups,
        keys,
        institutions,
        acts,
        ratifications,
        amendment,
    } = part;
    // Exact growth: doubling a vector of a large file's elements would
    // leave up to half of it unused until the model is built.
    fn join<T>(into: &mut Vec<T>, part: Vec<T>) {
        into.reserve_exact(part.len());
        into.extend(part);
    }
    join(&mut into.goals, goals);
    join(&mut into.parties, parties);
    join(&mut into.offices, offices);
    join(&mut into.actors, actors);
    join(&mut into.bodies, bodies);
    join(&mut into.obligations, obligations);
    join(&mut into.services, services);
    join(&mut into.projects, projects);
    join(&mut into.financings, financings);
    join(&mut into.procedures, procedures);
    join(&mut into.approvals, approvals);
    join(&mut into.signatures, signatures);
    join(&mut into.groups, groups);
    join(&mut into.keys, keys);
    join(&mut into.institutions, institutions);
    join(&mut into.acts, acts);
    join(&mut into.ratifications, ratifications);
    let mut l = Lowerer { diags: Vec::new(), lang: crate::keywords::Lang::En };
    if let Some(t) = term {
        l.set(&mut into.term, t, "term");
    }
    if let Some(a) = amendment {
        l.set(&mut into.amendment, a, "amendment");
    }
    l.diags
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
impl<R> Located for Meeting<R> {
    fn location(&self) -> Span {
        self.span
    }
}
impl Located for Amount {
    fn location(&self) -> Span {
        self.span
    }
}
impl Located for Notice {
    fn location(&self) -> Span {
        self.span
    }
}
impl Located for Withdrawal {
    fn location(&self) -> Span {
        self.span
    }
}
impl<R> Located for Rotation<R> {
    fn location(&self) -> Span {
        self.span
    }
}
impl<R> Located for Amendment<R> {
    fn location(&self) -> Span {
        self.span
    }
}
impl<R> Located for Supervision<R> {
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
    let start = span.start + PIECE_OFFSET.with(std::cell::Cell::get);
    Span::new(start, start + trimmed_len(pair.as_str()))
}

thread_local! {
    /// Where the piece being lowered starts in its file (`lower_piece`):
    /// pest's spans are relative to the text it parsed. A thread-local
    /// because every span goes through `sp`, and pairs never cross threads.
    static PIECE_OFFSET: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// The length of `text` without trailing white space and `//` comments.
fn trimmed_len(text: &str) -> usize {
    let mut end = text.trim_end().len();
    // Strip trailing `//` comments line by line.
    while let Some(line_start) = text.get(..end).and_then(|t| t.rfind('\n')).map(|i| i + 1) {
        let line = text.get(line_start..end).unwrap_or("");
        if !line.trim_start().starts_with("//") {
            break;
        }
        end = text.get(..line_start).map_or(0, |t| t.trim_end().len());
    }
    end
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
        document: DocumentKind::Agreement,
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
        groups: Vec::new(),
        keys: Vec::new(),
        institutions: Vec::new(),
        acts: Vec::new(),
        ratifications: Vec::new(),
        amendment: None,
    }
}

/// Attributes `unknown` may name: what a source can leave unstated.
pub const UNKNOWABLE: &[&str] = &[
    "title",
    "kind",
    "land",
    "date",
    "place",
    "side",
    "represented_by",
    "of",
    "holder",
    "part_of",
    "legal_basis",
    "parity",
    "seats",
    "seat",
    "chair",
    "deputy",
    "meets",
    "quorum",
    "decides",
    "decision",
    "binding",
    "reports_to",
    "formed_by",
    "bearer",
    "duty",
    "beneficiary",
    "condition",
    "frequency",
    "deadline",
    "provider",
    "chosen_by",
    "partners",
    "payer",
    "recipient",
    "amount",
    "tranche",
    "share",
    "cost_sharing",
    "by",
    "after",
    "consent_of",
    "consultation_of",
    "term",
    "from",
    "until",
    "notice",
    "in_force",
    "lapses",
    "withdrawal",
    "signatory",
    "office",
    "party",
    "count",
    "voting",
    "members",
    "year",
    "source",
    "legal_form",
    "located_in",
    "owner",
    "organ",
    "supervision",
    "depositary",
    "requires",
    "in_writing",
    "wording",
    "section",
    "approval",
    "signature",
    "ratification",
    "amendment",
    "task",
    "actor",
    "goal",
    "obligation",
    "service",
    "project",
    "financing",
    "procedure",
    "step",
    "group",
    "key",
    "institution",
    "act",
];

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
        let parsed = match self.lang {
            crate::keywords::Lang::En => Money::parse(currency, amount.as_str(), million),
            crate::keywords::Lang::De => Money::parse_de(currency, amount.as_str(), million),
        };
        match parsed {
            Ok(m) => Some(m),
            Err(why) => {
                self.diags.push(
                    Diagnostic::error(
                        "P004",
                        "malformed-amount",
                        format!("malformed amount: {why}"),
                        Label::new(sp(&amount), "this amount"),
                    )
                    .with_help(match self.lang {
                        crate::keywords::Lang::En => {
                            "write money as a currency and an exact amount: `EUR 80 million`, `EUR 1_500_000.50`"
                        }
                        crate::keywords::Lang::De => {
                            "write money as a currency and an exact amount: `EUR 80 Mio.`, `EUR 1.500.000,50`"
                        }
                    }),
                );
                None
            }
        }
    }

    /// An attribute named in `unknown …` or `wording for …`: German files
    /// name it by its German keyword (`unbekannt tagt`); the model by the English one.
    fn attribute_name(&self, name: Spanned<String>) -> Spanned<String> {
        if self.lang == crate::keywords::Lang::En {
            return name;
        }
        match crate::keywords::attribute_en(&name.value, UNKNOWABLE) {
            Some(en) => Spanned::new(en.to_string(), name.span),
            None => name,
        }
    }

    fn reference(pair: &Pair<'_>) -> RawRef {
        // `alle` (German) is the same reference as `all`.
        let id = if first_rule(pair) == Some(Rule::kw_all) { "all" } else { pair.as_str() };
        RawRef { id: id.to_string(), span: sp(pair) }
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
        if let Some(g) = child(pair, Rule::governed_by) {
            return Some(Spanned::new(Frequency::GovernedElsewhere, sp(&g)));
        }
        let soft = child(pair, Rule::as_a_rule);
        if let Some(at) = child(pair, Rule::at_least).or(soft.clone()) {
            let times = self.integer_in(&at);
            let interval = match child(&at, Rule::span) {
                Some(s) => self.interval(&s).value,
                None => Interval { count: 1, period: Period::Year },
            };
            let (per, every) = (interval.period, interval.count);
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
            let f = if soft.is_some() {
                Frequency::AsARule { times: times.value, per, every }
            } else {
                Frequency::AtLeast { times: times.value, per, every }
            };
            return Some(Spanned::new(f, sp(&at)));
        }
        child(pair, Rule::kw_regularly).map(|p| Spanned::new(Frequency::Regularly, sp(&p)))
    }

    fn decimal(&mut self, pair: &Pair<'_>) -> Spanned<Decimal> {
        let span = sp(pair);
        match Decimal::parse(pair.as_str()) {
            Ok(d) => Spanned::new(d, span),
            Err(why) => {
                self.diags.push(
                    Diagnostic::error(
                        "P011",
                        "invalid-value",
                        format!("`{}` is not a valid figure: {why}", pair.as_str()),
                        Label::new(span, "this figure"),
                    )
                    .with_help("write percentages with a dot and at most six decimals, e.g. `13.04 %`"),
                );
                Spanned::new(Decimal::default(), span)
            }
        }
    }

    fn decimal_in(&mut self, pair: &Pair<'_>) -> Option<Spanned<Decimal>> {
        child(pair, Rule::decimal).map(|d| self.decimal(&d))
    }

    /// `N/D`, checked to be a fraction between 0 (exclusive) and 1.
    fn fraction(&mut self, pair: &Pair<'_>, what: &str) -> Spanned<Fraction> {
        let nums: Vec<Pair<'_>> = pair.clone().into_inner().filter(|p| p.as_rule() == Rule::integer).collect();
        let n = nums.first().map_or(Spanned::new(0, sp(pair)), |p| self.integer(p));
        let d = nums.get(1).map_or(Spanned::new(0, sp(pair)), |p| self.integer(p));
        if d.value == 0 || n.value == 0 || n.value > d.value {
            self.diags.push(
                Diagnostic::error(
                    "P011",
                    "invalid-value",
                    format!("`{}/{}` is not a fraction between 0 and 1", n.value, d.value),
                    Label::new(sp(pair), "not a share"),
                )
                .with_help(format!("{what} is a fraction such as `2/3` or `1/2`")),
            );
        }
        Spanned::new(Fraction { numerator: n.value, denominator: d.value }, sp(pair))
    }

    fn base(pair: &Pair<'_>) -> Option<Base> {
        let b = child(pair, Rule::base)?;
        Some(if child(&b, Rule::kw_present).is_some() {
            Base::Present
        } else if child(&b, Rule::kw_voting).is_some() {
            Base::Voting
        } else {
            Base::Members
        })
    }

    fn period(pair: &Pair<'_>) -> Period {
        match first_rule(pair) {
            Some(Rule::kw_quarter) => Period::Quarter,
            Some(Rule::kw_month | Rule::kw_months) => Period::Month,
            _ => Period::Year,
        }
    }

    /// `year`, `2 years`, `6 months`.
    fn interval(&mut self, pair: &Pair<'_>) -> Spanned<Interval> {
        let count = child(pair, Rule::integer).map_or(1, |p| self.integer(&p).value);
        let period = child(pair, Rule::period).map_or(Period::Year, |p| Self::period(&p));
        if count == 0 {
            self.diags.push(
                Diagnostic::error("P011", "invalid-value", "a period of 0 is no period", Label::new(sp(pair), "zero"))
                    .with_help("write e.g. `year` or `2 years`"),
            );
        }
        Spanned::new(Interval { count: count.max(1), period }, sp(pair))
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
            Some(Rule::kw_federal) => Side::Federal,
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
                match child(pair, Rule::ident) {
                    Some(attr) => {
                        let supports = self.attribute_name(Self::ident(&attr));
                        if let Some(first) = meta.wordings.iter().find(|w| w.supports.value == supports.value) {
                            let first = first.supports.span;
                            self.diags.push(
                                Diagnostic::error(
                                    "R004",
                                    "duplicate-attribute",
                                    format!("`wording for {}` is given twice", supports.value),
                                    Label::new(supports.span, "given again here"),
                                )
                                .with_label(Label::new(first, "first given here"))
                                .with_help("quote the clause once; put further passages in a `note`"),
                            );
                        } else {
                            meta.wordings.push(TiedWording { supports, text: s });
                        }
                    }
                    None => self.set(&mut meta.wording, s, "wording"),
                }
            }
            Rule::unknown_attr => {
                let attribute = self.attribute_name(Self::ident_in(pair));
                let reason = child(pair, Rule::string).map(|p| self.string(&p));
                if !UNKNOWABLE.contains(&attribute.value.as_str()) {
                    self.diags.push(
                        Diagnostic::error(
                            "P011",
                            "invalid-value",
                            format!("`unknown {}`: `{}` is not an attribute", attribute.value, attribute.value),
                            Label::new(attribute.span, "not an attribute pakt knows"),
                        )
                        .with_help("name the attribute the source leaves open, e.g. `unknown meets \"the text of 2006 is lost\"`"),
                    );
                } else if meta.is_unknown(&attribute.value) {
                    self.diags.push(
                        Diagnostic::error(
                            "R004",
                            "duplicate-attribute",
                            format!("`unknown {}` is given twice", attribute.value),
                            Label::new(attribute.span, "given again here"),
                        )
                        .with_help("say once that the source does not state it"),
                    );
                } else {
                    meta.unknowns.push(Unknown { attribute, reason });
                }
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
        self.items(file, &mut ast);
        ast
    }

    /// The blocks of a `file` or `block_items` pair, added to `ast`.
    fn items(&mut self, file: Pair<'_>, ast: &mut Ast) {
        for item in file.into_inner() {
            match item.as_rule() {
                Rule::header => self.header(&item, ast),
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
                Rule::group => {
                    let g = self.group(&item);
                    ast.groups.push(g);
                }
                Rule::key => {
                    let k = self.key(&item);
                    ast.keys.push(k);
                }
                Rule::ratification => {
                    let r = self.ratification(&item);
                    ast.ratifications.push(r);
                }
                Rule::amendment => {
                    let a = self.amendment(&item);
                    let mut slot = ast.amendment.take();
                    self.set(&mut slot, a, "amendment");
                    ast.amendment = slot;
                }
                Rule::institution => {
                    let i = self.institution(&item);
                    ast.institutions.push(i);
                }
                Rule::act => {
                    let a = self.act(&item);
                    ast.acts.push(a);
                }
                _ => {}
            }
        }
    }

    fn header(&mut self, pair: &Pair<'_>, ast: &mut Ast) {
        ast.id = Self::ident_in(pair);
        ast.document = match child(pair, Rule::document_kind).and_then(|k| first_rule(&k)) {
            Some(Rule::kw_statute) => DocumentKind::Statute,
            Some(Rule::kw_rules_of_procedure) => DocumentKind::RulesOfProcedure,
            _ => DocumentKind::Agreement,
        };
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
            rotation: None,
            deputy: None,
            casting_vote: None,
            chair_non_member: None,
            meeting: None,
            quorum: None,
            quorum_share: None,
            decides: None,
            decisions: Vec::new(),
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
                Rule::chair_attr => match child(&a, Rule::rotation) {
                    Some(r) => {
                        if let Some(first) = b.chair.as_ref().map(|c| c.span) {
                            self.twice("chair", sp(&a), first);
                        } else {
                            let rotation = self.rotation(&r);
                            self.set(&mut b.rotation, rotation, "chair");
                        }
                    }
                    None => {
                        if let Some(first) = b.rotation.as_ref().map(|r| r.span) {
                            self.twice("chair", sp(&a), first);
                        } else {
                            self.set_ref(&a, &mut b.chair, "chair");
                            b.chair_non_member = child(&a, Rule::non_member).map(|n| sp(&n));
                        }
                    }
                },
                Rule::deputy_attr => self.set_ref(&a, &mut b.deputy, "deputy"),
                Rule::casting_vote_attr => self.set(&mut b.casting_vote, sp(&a), "casting_vote"),
                Rule::meets_attr => {
                    if let Some(m) = self.meeting(&a) {
                        self.set(&mut b.meeting, m, "meets");
                    }
                }
                Rule::quorum_attr => self.quorum(&a, &mut b.quorum, &mut b.quorum_share),
                Rule::decision => {
                    let d = self.decision(&a);
                    if let Some(first) = b.decisions.iter().find(|x| x.id.value == d.id.value) {
                        let first = first.id.span;
                        self.twice(&format!("decision {}", d.id.value), d.id.span, first);
                    } else {
                        b.decisions.push(d);
                    }
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

    fn twice(&mut self, what: &str, again: Span, first: Span) {
        self.diags.push(
            Diagnostic::error(
                "R004",
                "duplicate-attribute",
                format!("`{what}` is given twice"),
                Label::new(again, "given again here"),
            )
            .with_label(Label::new(first, "first given here"))
            .with_help(format!("an element has one `{what}`; remove one of them")),
        );
    }

    fn rotation(&mut self, pair: &Pair<'_>) -> Rotation<RawRef> {
        Rotation {
            among: Self::reference_list_in(pair),
            every: child(pair, Rule::span).map(|s| self.interval(&s)),
            order: child(pair, Rule::string).map(|s| self.string(&s)),
            span: sp(pair),
        }
    }

    fn meeting(&mut self, pair: &Pair<'_>) -> Option<Meeting<RawRef>> {
        let frequency = self.frequency(pair)?;
        let modality = child(pair, Rule::meeting_modality).map(|m| {
            let v = if first_rule(&m) == Some(Rule::kw_shall) { Modality::Shall } else { Modality::Must };
            Spanned::new(v, sp(&m))
        });
        let governed_by = child(pair, Rule::governed_by).map(|g| self.string_in(&g));
        let mut on_request_of = None;
        let mut requests = Vec::new();
        if let Some(req) = child(pair, Rule::on_request) {
            for r in req.into_inner().filter(|p| p.as_rule() == Rule::requester) {
                let of = Self::reference_in(&r);
                match (child(&r, Rule::integer), of) {
                    (Some(n), None) => {
                        let n = self.integer(&n);
                        self.set(&mut on_request_of, n, "on_request_of N");
                    }
                    (Some(n), Some(of)) => {
                        let count = self.integer(&n).value;
                        requests.push(Spanned::new(Requester::CountOf { count, of }, sp(&r)));
                    }
                    (None, Some(who)) => requests.push(Spanned::new(Requester::Party { who }, sp(&r))),
                    (None, None) => {}
                }
            }
        }
        Some(Meeting { frequency, modality, governed_by, on_request_of, requests, span: sp(pair) })
    }

    fn quorum(&mut self, pair: &Pair<'_>, count: &mut Option<Spanned<u32>>, share: &mut Option<Spanned<QuorumShare>>) {
        let first = count.as_ref().map(|c| c.span).or(share.as_ref().map(|s| s.span));
        if let Some(first) = first {
            self.twice("quorum", sp(pair), first);
            return;
        }
        match child(pair, Rule::fraction) {
            Some(f) => {
                let fraction = self.fraction(&f, "a quorum").value;
                *share = Some(Spanned::new(QuorumShare { fraction, base: Self::base(pair) }, sp(pair)));
            }
            None => *count = Some(self.integer_in(pair)),
        }
    }

    fn decision(&mut self, pair: &Pair<'_>) -> Decision<RawRef> {
        let mut d = Decision {
            id: Self::ident_in(pair),
            label: None,
            span: sp(pair),
            requires: Vec::new(),
            quorum: None,
            quorum_share: None,
            meta: Meta::default(),
        };
        d.label = pair
            .clone()
            .into_inner()
            .take_while(|p| p.as_rule() != Rule::open)
            .find(|p| p.as_rule() == Rule::string)
            .map(|p| self.string(&p));
        for a in Self::attrs(pair) {
            match a.as_rule() {
                Rule::requires_attr => {
                    let c = self.clause(&a);
                    d.requires.push(c);
                }
                Rule::quorum_attr => self.quorum(&a, &mut d.quorum, &mut d.quorum_share),
                _ => {
                    self.common(&a, &mut d.meta);
                }
            }
        }
        if d.requires.is_empty() {
            let id = d.id.clone();
            self.missing("decision", &id, "requirement", "requires majority of members");
        }
        d
    }

    /// A `requires` line: requirements joined by `or`.
    fn clause(&mut self, pair: &Pair<'_>) -> Clause<RawRef> {
        let any_of = pair
            .clone()
            .into_inner()
            .filter(|p| p.as_rule() == Rule::requirement)
            .filter_map(|r| self.requirement(&r))
            .collect();
        Clause { any_of, span: sp(pair) }
    }

    fn requirement(&mut self, pair: &Pair<'_>) -> Option<Spanned<Requirement<RawRef>>> {
        let inner = pair.clone().into_inner().next()?;
        let value = match inner.as_rule() {
            Rule::req_consent => Requirement::Consent,
            Rule::req_unanimity => Requirement::Unanimity { base: Self::base(&inner) },
            Rule::req_majority => Requirement::Majority { base: Self::base(&inner) },
            Rule::req_qualified => {
                let fraction = child(&inner, Rule::fraction).map(|f| self.fraction(&f, "a qualified majority"))?;
                Requirement::Qualified { fraction: fraction.value, base: Self::base(&inner) }
            }
            Rule::req_veto => Requirement::Veto { who: Self::reference_in(&inner)? },
            Rule::req_count => {
                let count = self.integer_in(&inner);
                if count.value == 0 {
                    self.diags.push(
                        Diagnostic::error(
                            "P011",
                            "invalid-value",
                            "`at_least 0 of …` requires nothing",
                            Label::new(count.span, "zero"),
                        )
                        .with_help("write how many members of the group must agree, e.g. `at_least 11 of laender`"),
                    );
                }
                Requirement::AtLeast { count: count.value, of: Self::reference_in(&inner)? }
            }
            Rule::req_weighted => {
                let mut refs = inner.clone().into_inner().filter(|p| p.as_rule() == Rule::reference);
                let key = refs.next().map(|r| Self::reference(&r))?;
                let of = refs.next().map(|r| Self::reference(&r));
                let fraction = child(&inner, Rule::fraction).map(|f| self.fraction(&f, "a weighted threshold"))?;
                Requirement::Weighted { key, fraction: fraction.value, of }
            }
            _ => return None,
        };
        Some(Spanned::new(value, sp(pair)))
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
            each: None,
            variable: None,
            votes_on: None,
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
                Rule::each_attr => self.set_ref(&a, &mut s.each, "each"),
                Rule::variable_attr => self.set(&mut s.variable, sp(&a), "variable"),
                Rule::votes_on_attr => self.set_string(&a, &mut s.votes_on, "votes_on"),
                _ => {
                    self.common(&a, &mut s.meta);
                }
            }
        }
        if let (Some(c), Some(each)) = (&count, &s.each) {
            self.diags.push(
                Diagnostic::error(
                    "P011",
                    "invalid-value",
                    "`count` and `each` both say how many seats this is",
                    Label::new(c.span, "a fixed number"),
                )
                .with_label(Label::new(each.span, "one for each member of a group"))
                .with_help("keep `each GROUP` for one seat per member, or `count N` for a fixed number"),
            );
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
            Some(Rule::kw_about) => Bound::About,
            _ => Bound::UpTo,
        };
        let money_pair = child(pair, Rule::money)?;
        let money = self.money(&money_pair)?;
        let start = child(pair, Rule::amount_bound).map_or(sp(&money_pair), |b| sp(&b));
        let per_year = child(pair, Rule::per_year);
        let years = child(pair, Rule::for_years).map(|f| {
            let ys: Vec<i32> = f
                .clone()
                .into_inner()
                .filter(|p| p.as_rule() == Rule::year)
                .map(|y| y.as_str().parse::<i32>().unwrap_or(0))
                .collect();
            let (a, b) = (ys.first().copied().unwrap_or(0), ys.get(1).copied().unwrap_or(0));
            if b < a {
                self.diags.push(
                    Diagnostic::error(
                        "P011",
                        "invalid-value",
                        format!("the period {a} to {b} ends before it begins"),
                        Label::new(sp(&f), "years in the wrong order"),
                    )
                    .with_help(format!("write the first year first: `for {b} to {a}`")),
                );
            }
            Spanned::new((a, b), sp(&f))
        });
        let end = years.as_ref().map(|y| y.span).or(per_year.as_ref().map(sp)).unwrap_or(sp(&money_pair));
        Some(Amount { bound, money, span: start.to(end), per_year: per_year.is_some(), years })
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
            shares: Vec::new(),
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
                Rule::share_attr => {
                    if let Some(share) = self.share(&a) {
                        f.shares.push(share);
                    }
                }
                _ => {
                    self.common(&a, &mut f.meta);
                }
            }
        }
        f
    }

    fn share(&mut self, pair: &Pair<'_>) -> Option<Share<RawRef>> {
        let payer = Self::reference_in(pair)?;
        let kind = if let Some(p) = child(pair, Rule::percentage) {
            ShareKind::Percent { percent: self.decimal_in(&p)? }
        } else if let Some(k) = child(pair, Rule::share_by_key) {
            ShareKind::ByKey { key: Self::reference_in(&k)? }
        } else if let Some(r) = child(pair, Rule::share_rest) {
            ShareKind::Rest { key: Self::reference_in(&r) }
        } else {
            return None;
        };
        let before_split = child(pair, Rule::before_split).map(|b| sp(&b));
        Some(Share { payer, kind, before_split, span: sp(pair) })
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
            under: None,
            commits: Vec::new(),
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
                Rule::commits_money_attr => {
                    self.set(&mut s.commits_money, sp(&a), "commits_money");
                    s.commits.extend(Self::reference_list_in(&a));
                }
                Rule::under_attr => self.set_ref(&a, &mut s.under, "under"),
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
            notice: None,
            in_force: None,
            lapses_below: None,
            effective_when: None,
            withdrawal: None,
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
                    let years = child(&a, Rule::kw_years).is_some();
                    let months = if years { n.value.saturating_mul(12) } else { n.value };
                    let to_end_of = child(&a, Rule::period).map(|p| Self::period(&p));
                    let period = if years { Period::Year } else { Period::Month };
                    let notice = Notice { length: Interval { count: n.value, period }, to_end_of, span: sp(&a) };
                    if t.notice_months.is_none() {
                        t.notice = Some(notice);
                    }
                    self.set(&mut t.notice_months, Spanned::new(months, n.span), "notice");
                }
                Rule::in_force_attr => {
                    let value = match child(&a, Rule::integer) {
                        Some(n) => {
                            let count = self.integer(&n).value;
                            InForce::Ratifications { count, by: self.date_in(&a) }
                        }
                        None => InForce::Condition { text: self.string_in(&a).value },
                    };
                    self.set(&mut t.in_force, Spanned::new(value, sp(&a)), "in_force_when");
                }
                Rule::lapses_attr => {
                    let n = self.integer_in(&a);
                    self.set(&mut t.lapses_below, n, "lapses_below");
                }
                Rule::effective_when_attr => self.set_string(&a, &mut t.effective_when, "effective_when"),
                Rule::withdrawal_attr => {
                    let ends = child(&a, Rule::string_list)
                        .map(|l| {
                            l.into_inner().filter(|p| p.as_rule() == Rule::string).map(|p| self.string(&p)).collect()
                        })
                        .unwrap_or_default();
                    let w = Withdrawal {
                        continues_for_others: child(&a, Rule::kw_continues_for_others).is_some(),
                        ends,
                        span: sp(&a),
                    };
                    self.set(&mut t.withdrawal, w, "withdrawal");
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

    fn group(&mut self, pair: &Pair<'_>) -> Group<RawRef> {
        let mut g = Group {
            id: Self::ident_in(pair),
            name: self.string_in(pair),
            span: sp(pair),
            members: Vec::new(),
            side: None,
            meta: Meta::default(),
        };
        for a in Self::attrs(pair) {
            match a.as_rule() {
                Rule::members_attr => g.members.extend(Self::reference_list_in(&a)),
                Rule::side_attr => {
                    if let Some(s) = Self::side(&a) {
                        self.set(&mut g.side, s, "side");
                    }
                }
                _ => {
                    self.common(&a, &mut g.meta);
                }
            }
        }
        if g.members.is_empty() && g.side.is_none() {
            let id = g.id.clone();
            self.missing("group", &id, "members", "members bw, by, be  (or `side state`)");
        }
        g
    }

    fn key(&mut self, pair: &Pair<'_>) -> Key<RawRef> {
        let mut k = Key {
            id: Self::ident_in(pair),
            name: self.string_in(pair),
            span: sp(pair),
            of: None,
            year: None,
            source: None,
            example: None,
            tolerance: None,
            shares: Vec::new(),
            meta: Meta::default(),
        };
        for a in Self::attrs(pair) {
            match a.as_rule() {
                Rule::of_attr => self.set_ref(&a, &mut k.of, "of"),
                Rule::key_year_attr => {
                    let y = child(&a, Rule::year)
                        .map(|y| Spanned::new(y.as_str().parse::<i32>().unwrap_or(0), sp(&y)))
                        .unwrap_or(Spanned::new(0, sp(&a)));
                    self.set(&mut k.year, y, "year");
                }
                Rule::source_attr => self.set_string(&a, &mut k.source, "source"),
                Rule::example_attr => self.set(&mut k.example, sp(&a), "example"),
                Rule::tolerance_attr => {
                    if let Some(t) = self.decimal_in(&a) {
                        self.set(&mut k.tolerance, t, "tolerance");
                    }
                }
                Rule::key_share => {
                    if let (Some(party), Some(percent)) = (Self::reference_in(&a), self.decimal_in(&a)) {
                        k.shares.push(KeyShare { party, percent, span: sp(&a) });
                    }
                }
                _ => {
                    self.common(&a, &mut k.meta);
                }
            }
        }
        k
    }

    fn ratification(&mut self, pair: &Pair<'_>) -> Ratification<RawRef> {
        let mut r = Ratification {
            id: Self::ident_in(pair),
            name: self.string_in(pair),
            span: sp(pair),
            by: None,
            deadline: None,
            depositary: None,
            date: None,
            meta: Meta::default(),
        };
        for a in Self::attrs(pair) {
            match a.as_rule() {
                Rule::by_attr => self.set_ref(&a, &mut r.by, "by"),
                Rule::deadline_attr => self.set_date(&a, &mut r.deadline, "deadline"),
                Rule::depositary_attr => self.set_string(&a, &mut r.depositary, "depositary"),
                Rule::date_attr => self.set_date(&a, &mut r.date, "date"),
                _ => {
                    self.common(&a, &mut r.meta);
                }
            }
        }
        r
    }

    fn amendment(&mut self, pair: &Pair<'_>) -> Amendment<RawRef> {
        let mut m =
            Amendment { span: sp(pair), requires: Vec::new(), in_writing: None, by: None, meta: Meta::default() };
        for a in Self::attrs(pair) {
            match a.as_rule() {
                Rule::requires_attr => {
                    let c = self.clause(&a);
                    m.requires.push(c);
                }
                Rule::in_writing_attr => self.set(&mut m.in_writing, sp(&a), "in_writing"),
                Rule::by_attr => self.set_ref(&a, &mut m.by, "by"),
                _ => {
                    self.common(&a, &mut m.meta);
                }
            }
        }
        m
    }

    fn institution(&mut self, pair: &Pair<'_>) -> Institution<RawRef> {
        let mut i = Institution {
            id: Self::ident_in(pair),
            name: self.string_in(pair),
            span: sp(pair),
            legal_form: None,
            located_in: None,
            from: None,
            owners: Vec::new(),
            organs: Vec::new(),
            supervision: None,
            takes_over: Vec::new(),
            meta: Meta::default(),
        };
        for a in Self::attrs(pair) {
            match a.as_rule() {
                Rule::legal_form_attr => self.set_string(&a, &mut i.legal_form, "legal_form"),
                Rule::located_in_attr => self.set_string(&a, &mut i.located_in, "located_in"),
                Rule::from_attr => self.set_date(&a, &mut i.from, "from"),
                Rule::owner_attr => {
                    let Some(owner) = Self::reference_in(&a) else { continue };
                    let share = if let Some(p) = child(&a, Rule::percentage) {
                        self.decimal_in(&p).map(|percent| OwnerShare::Percent { percent })
                    } else if let Some(k) = child(&a, Rule::share_by_key) {
                        Self::reference_in(&k).map(|key| OwnerShare::ByKey { key })
                    } else if child(&a, Rule::kw_equal).is_some() {
                        Some(OwnerShare::Equal)
                    } else {
                        None
                    };
                    i.owners.push(Owner { owner, share, span: sp(&a) });
                }
                Rule::organ_attr => {
                    let mut refs = a.clone().into_inner().filter(|p| p.as_rule() == Rule::reference);
                    let Some(organ) = refs.next().map(|r| Self::reference(&r)) else { continue };
                    let appointed_by = refs.next().map(|r| Self::reference(&r));
                    let max_term_years = child(&a, Rule::integer).map(|n| self.integer(&n));
                    i.organs.push(Organ { organ, max_term_years, appointed_by, span: sp(&a) });
                }
                Rule::supervision_attr => {
                    if let Some(by) = Self::reference_in(&a) {
                        let kind = child(&a, Rule::string).map(|s| self.string(&s));
                        let s = Supervision { by, kind, span: sp(&a) };
                        self.set(&mut i.supervision, s, "supervision");
                    }
                }
                Rule::takes_over_attr => {
                    let what = self.string_in(&a);
                    let from = self.date_in(&a);
                    i.takes_over.push(TakesOver { what, from, span: sp(&a) });
                }
                _ => {
                    self.common(&a, &mut i.meta);
                }
            }
        }
        i
    }

    fn act(&mut self, pair: &Pair<'_>) -> Act {
        let mut o = Act {
            id: Self::ident_in(pair),
            name: self.string_in(pair),
            span: sp(pair),
            date: None,
            kind: None,
            meta: Meta::default(),
        };
        for a in Self::attrs(pair) {
            match a.as_rule() {
                Rule::date_attr => self.set_date(&a, &mut o.date, "date"),
                Rule::kind_attr => self.set(&mut o.kind, Self::ident_in(&a), "kind"),
                _ => {
                    self.common(&a, &mut o.meta);
                }
            }
        }
        o
    }
}
