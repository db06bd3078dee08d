//! The agreement as data: the typed AST and the resolved model share these
//! types, generic over how a reference is held.
//!
//! In the AST (`Agreement<RawRef>`, made by `lower`), a reference is a name
//! with a span. In the resolved model (`Agreement<Ref>`, made by `resolve`),
//! every reference also carries its checked target, a newtype id. Every
//! element keeps the span of its source, for diagnostics, graph and diff.

use crate::span::Span;
use crate::values::{Date, Money};
use serde::{Deserialize, Serialize};

/// A value with the span it was written at.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Spanned<T> {
    pub value: T,
    pub span: Span,
}

impl<T> Spanned<T> {
    pub fn new(value: T, span: Span) -> Self {
        Spanned { value, span }
    }
}

/// An unresolved reference: a name as written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RawRef {
    pub id: String,
    pub span: Span,
}

macro_rules! id_type {
    ($($name:ident),*) => {$(
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        pub struct $name(pub u32);
        impl $name {
            pub fn index(self) -> usize { self.0 as usize }
        }
    )*};
}
id_type!(
    GoalId,
    PartyId,
    OfficeId,
    ActorId,
    BodyId,
    ObligationId,
    ServiceId,
    ProjectId,
    FinancingId,
    ProcedureId,
    ApprovalId,
    SignatureId
);

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct SeatId {
    pub body: BodyId,
    pub seat: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct StepId {
    pub procedure: ProcedureId,
    pub step: u32,
}

/// What a resolved reference points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", content = "index", rename_all = "snake_case")]
pub enum Target {
    /// `all`: every party of the agreement.
    AllParties,
    Goal(GoalId),
    Party(PartyId),
    Office(OfficeId),
    Actor(ActorId),
    Body(BodyId),
    Seat(SeatId),
    Obligation(ObligationId),
    Service(ServiceId),
    Project(ProjectId),
    Financing(FinancingId),
    Procedure(ProcedureId),
    Step(StepId),
    Approval(ApprovalId),
    Signature(SignatureId),
}

impl Target {
    /// The word a drafter uses for this kind of element.
    pub fn kind_name(&self) -> &'static str {
        match self {
            Target::AllParties => "all parties",
            Target::Goal(_) => "goal",
            Target::Party(_) => "party",
            Target::Office(_) => "office",
            Target::Actor(_) => "actor",
            Target::Body(_) => "body",
            Target::Seat(_) => "seat",
            Target::Obligation(_) => "obligation",
            Target::Service(_) => "service",
            Target::Project(_) => "project",
            Target::Financing(_) => "financing",
            Target::Procedure(_) => "procedure",
            Target::Step(_) => "step",
            Target::Approval(_) => "approval",
            Target::Signature(_) => "signature",
        }
    }
}

/// A resolved reference.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ref {
    pub id: String,
    pub span: Span,
    pub target: Target,
}

/// Attributes every element may carry.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Meta {
    /// Place in the document, e.g. `II.2`.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub section: Option<Spanned<String>>,
    /// The official wording, quoted exactly.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub wording: Option<Spanned<String>>,
    /// Details no source states, marked as such.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub assumptions: Vec<Spanned<String>>,
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub notes: Vec<Spanned<String>>,
    /// Rules this element allows, each with its reason.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub allows: Vec<Allow>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Allow {
    pub rule: Spanned<String>,
    pub reason: Spanned<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Agreement<R> {
    pub id: Spanned<String>,
    pub span: Span,
    pub title: Option<Spanned<String>>,
    pub kind: Option<Spanned<String>>,
    pub land: Option<Spanned<String>>,
    pub date: Option<Spanned<Date>>,
    pub place: Option<Spanned<String>>,
    /// Relative path of the agreement this one supersedes.
    pub supersedes: Option<Spanned<String>>,
    /// An earlier agreement, not in the repository, that this one renews.
    pub renews: Option<Renews>,
    pub meta: Meta,
    pub goals: Vec<Goal>,
    pub parties: Vec<Party>,
    pub offices: Vec<Office<R>>,
    pub actors: Vec<Actor<R>>,
    pub bodies: Vec<Body<R>>,
    pub obligations: Vec<Obligation<R>>,
    pub services: Vec<Service<R>>,
    pub projects: Vec<Project<R>>,
    pub financings: Vec<Financing<R>>,
    pub procedures: Vec<Procedure<R>>,
    pub term: Option<Term>,
    pub approvals: Vec<Approval<R>>,
    pub signatures: Vec<Signature<R>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Renews {
    pub date: Spanned<Date>,
    pub label: Spanned<String>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Goal {
    pub id: Spanned<String>,
    pub text: Spanned<String>,
    pub span: Span,
    pub meta: Meta,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    State,
    Municipal,
}

impl Side {
    pub fn name(self) -> &'static str {
        match self {
            Side::State => "state",
            Side::Municipal => "municipal",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Party {
    pub id: Spanned<String>,
    pub name: Spanned<String>,
    pub span: Span,
    pub side: Option<Spanned<Side>>,
    pub represented_by: Option<Spanned<String>>,
    pub kind: Option<Spanned<String>>,
    pub meta: Meta,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Office<R> {
    pub id: Spanned<String>,
    pub name: Spanned<String>,
    pub span: Span,
    /// The party on whose behalf the office is held.
    pub of: Option<R>,
    pub holder: Option<Spanned<String>>,
    pub meta: Meta,
}

/// An institution or group that is not a party: the TLRZ, "die Kommunen".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Actor<R> {
    pub id: Spanned<String>,
    pub name: Spanned<String>,
    pub span: Span,
    pub side: Option<Spanned<Side>>,
    pub part_of: Option<R>,
    pub meta: Meta,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Period {
    Year,
    Quarter,
    Month,
}

impl Period {
    pub fn per_year(self) -> u32 {
        match self {
            Period::Year => 1,
            Period::Quarter => 4,
            Period::Month => 12,
        }
    }
    pub fn name(self) -> &'static str {
        match self {
            Period::Year => "year",
            Period::Quarter => "quarter",
            Period::Month => "month",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Frequency {
    /// "regelmäßig": no number given.
    Regularly,
    AtLeast {
        times: u32,
        per: Period,
    },
}

impl Frequency {
    /// Minimum occurrences per year, if stated.
    pub fn per_year(&self) -> Option<u64> {
        match self {
            Frequency::Regularly => None,
            Frequency::AtLeast { times, per } => Some(u64::from(*times) * u64::from(per.per_year())),
        }
    }
}

impl std::fmt::Display for Frequency {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Frequency::Regularly => f.write_str("regularly"),
            Frequency::AtLeast { times, per } => write!(f, "at least {times} per {}", per.name()),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meeting {
    pub frequency: Spanned<Frequency>,
    /// "auf Wunsch von mindestens N Vertretern".
    pub on_request_of: Option<Spanned<u32>>,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum DecisionRule {
    /// Stated that the body decides, not how.
    Unspecified,
    /// einvernehmlich: each party has a veto.
    Consent,
    Unanimity,
    Majority,
    Qualified {
        numerator: u32,
        denominator: u32,
    },
    Weighted,
}

impl DecisionRule {
    pub fn name(&self) -> String {
        match self {
            DecisionRule::Unspecified => "unspecified".into(),
            DecisionRule::Consent => "consent".into(),
            DecisionRule::Unanimity => "unanimity".into(),
            DecisionRule::Majority => "majority".into(),
            DecisionRule::Qualified { numerator, denominator } => format!("qualified {numerator}/{denominator}"),
            DecisionRule::Weighted => "weighted".into(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Body<R> {
    pub id: Spanned<String>,
    pub name: Spanned<String>,
    pub span: Span,
    pub kind: Option<Spanned<String>>,
    pub legal_basis: Option<Spanned<String>>,
    /// Declared paritätisch.
    pub parity: Option<Span>,
    /// The seat count the text states, to be matched with the listed seats.
    pub declared_seats: Option<Spanned<u32>>,
    pub seats: Vec<Seat<R>>,
    pub chair: Option<R>,
    pub meeting: Option<Meeting>,
    pub quorum: Option<Spanned<u32>>,
    pub decides: Option<Spanned<DecisionRule>>,
    /// Whom its decisions bind.
    pub binding: Vec<R>,
    pub recommendation_to: Vec<Spanned<String>>,
    pub reports_to: Option<R>,
    /// The id of a body in the superseded agreement that this one continues.
    pub continues: Option<Spanned<String>>,
    pub formed_by: Option<R>,
    pub meta: Meta,
}

impl<R> Body<R> {
    /// Number of voting seats (a seat with `count N` is N seats).
    pub fn voting_seats(&self) -> u64 {
        self.seats.iter().filter(|s| s.voting).map(|s| u64::from(s.count.value)).sum()
    }
    pub fn total_seats(&self) -> u64 {
        self.seats.iter().map(|s| u64::from(s.count.value)).sum()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Seat<R> {
    pub id: Spanned<String>,
    pub label: Option<Spanned<String>>,
    pub span: Span,
    pub party: Option<R>,
    pub office: Option<R>,
    pub side: Option<Spanned<Side>>,
    /// How many seats this line stands for (default 1).
    pub count: Spanned<u32>,
    /// Voting (default) or advisory.
    pub voting: bool,
    pub meta: Meta,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Modality {
    /// muss / hat … zu
    Must,
    /// soll
    Shall,
    /// kann / darf
    May,
    /// prüft
    Examines,
    /// empfiehlt
    Recommends,
}

impl Modality {
    pub fn keyword(self) -> &'static str {
        match self {
            Modality::Must => "must",
            Modality::Shall => "shall",
            Modality::May => "may",
            Modality::Examines => "examines",
            Modality::Recommends => "recommends",
        }
    }
    /// Binding force, strongest first: must > shall > examines > may > recommends.
    pub fn strength(self) -> u8 {
        match self {
            Modality::Must => 4,
            Modality::Shall => 3,
            Modality::Examines => 2,
            Modality::May => 1,
            Modality::Recommends => 0,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", content = "text", rename_all = "snake_case")]
pub enum Condition {
    /// "unter dem Vorbehalt der Haushaltsmittel".
    BudgetReservation,
    Text(String),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Obligation<R> {
    pub id: Spanned<String>,
    pub span: Span,
    pub bearer: Vec<R>,
    /// Set for a `task` written inside a body: the body is the bearer.
    pub task_of_body: bool,
    pub modality: Option<Spanned<Modality>>,
    pub action: Option<Spanned<String>>,
    pub beneficiary: Vec<R>,
    pub conditions: Vec<Spanned<Condition>>,
    pub free_of_charge: Option<Span>,
    pub costly: Option<Span>,
    pub frequency: Option<Spanned<Frequency>>,
    pub deadline: Option<Spanned<Date>>,
    pub meta: Meta,
}

impl<R> Obligation<R> {
    pub fn has_budget_reservation(&self) -> bool {
        self.conditions.iter().any(|c| c.value == Condition::BudgetReservation)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Service<R> {
    pub id: Spanned<String>,
    pub name: Spanned<String>,
    pub span: Span,
    pub provider: Option<R>,
    pub beneficiary: Vec<R>,
    pub chosen_by: Option<R>,
    pub conditions: Vec<Spanned<Condition>>,
    pub free_of_charge: Option<Span>,
    pub costly: Option<Span>,
    pub meta: Meta,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Project<R> {
    pub id: Spanned<String>,
    pub name: Spanned<String>,
    pub span: Span,
    pub partners: Vec<R>,
    pub conditions: Vec<Spanned<Condition>>,
    pub free_of_charge: Option<Span>,
    pub costly: Option<Span>,
    pub meta: Meta,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Bound {
    /// bis zu: a ceiling.
    UpTo,
    /// an exact sum.
    Exactly,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Amount {
    pub bound: Bound,
    pub money: Money,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tranche {
    pub year: Spanned<i32>,
    pub amount: Amount,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Financing<R> {
    pub id: Spanned<String>,
    pub name: Spanned<String>,
    pub span: Span,
    pub payer: Vec<R>,
    pub recipient: Vec<R>,
    pub legal_basis: Option<Spanned<String>>,
    pub kind: Option<Spanned<String>>,
    pub amount: Option<Amount>,
    pub tranches: Vec<Tranche>,
    pub conditions: Vec<Spanned<Condition>>,
    pub cost_sharing: Option<Spanned<String>>,
    pub meta: Meta,
}

impl<R> Financing<R> {
    pub fn has_budget_reservation(&self) -> bool {
        self.conditions.iter().any(|c| c.value == Condition::BudgetReservation)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StepKind {
    Propose,
    Consult,
    AgreeFinancing,
    Decide,
    Implement,
    Report,
}

impl StepKind {
    pub fn keyword(self) -> &'static str {
        match self {
            StepKind::Propose => "propose",
            StepKind::Consult => "consult",
            StepKind::AgreeFinancing => "agree_financing",
            StepKind::Decide => "decide",
            StepKind::Implement => "implement",
            StepKind::Report => "report",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Procedure<R> {
    pub id: Spanned<String>,
    pub name: Spanned<String>,
    pub span: Span,
    pub steps: Vec<Step<R>>,
    pub meta: Meta,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Step<R> {
    pub id: Spanned<String>,
    pub label: Option<Spanned<String>>,
    pub span: Span,
    pub by: Option<R>,
    pub kind: Option<Spanned<StepKind>>,
    /// Explicit predecessors; without `after`, a step follows the one
    /// written before it.
    pub after: Vec<R>,
    /// Einvernehmen: these must agree (each has a veto).
    pub consent_of: Vec<R>,
    /// Benehmen: these must be heard (no veto).
    pub consultation_of: Vec<R>,
    pub commits_money: Option<Span>,
    pub meta: Meta,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Term {
    pub span: Span,
    pub from: Option<Spanned<Date>>,
    pub until: Option<Spanned<Date>>,
    pub until_revoked: Option<Span>,
    pub in_writing: Option<Span>,
    pub notice_months: Option<Spanned<u32>>,
    pub meta: Meta,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Approval<R> {
    pub id: Spanned<String>,
    pub name: Spanned<String>,
    pub span: Span,
    pub by: Option<R>,
    pub date: Option<Spanned<Date>>,
    pub meta: Meta,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signature<R> {
    pub id: Spanned<String>,
    pub span: Span,
    pub party: Option<R>,
    pub signatory: Option<Spanned<String>>,
    pub office: Option<R>,
    pub date: Option<Spanned<Date>>,
    pub place: Option<Spanned<String>>,
    pub meta: Meta,
}

/// The resolved model of one agreement.
pub type Model = Agreement<Ref>;
/// The typed AST of one agreement, references not yet resolved.
pub type Ast = Agreement<RawRef>;

impl Model {
    pub fn party(&self, id: PartyId) -> Option<&Party> {
        self.parties.get(id.index())
    }
    pub fn office(&self, id: OfficeId) -> Option<&Office<Ref>> {
        self.offices.get(id.index())
    }
    pub fn body(&self, id: BodyId) -> Option<&Body<Ref>> {
        self.bodies.get(id.index())
    }
    pub fn seat(&self, id: SeatId) -> Option<&Seat<Ref>> {
        self.body(id.body).and_then(|b| b.seats.get(id.seat as usize))
    }
    pub fn step(&self, id: StepId) -> Option<&Step<Ref>> {
        self.procedures.get(id.procedure.index()).and_then(|p| p.steps.get(id.step as usize))
    }

    /// The party a seat belongs to: its own `party`, or the party of its office.
    pub fn seat_party(&self, seat: &Seat<Ref>) -> Option<PartyId> {
        if let Some(Target::Party(p)) = seat.party.as_ref().map(|r| r.target) {
            return Some(p);
        }
        match seat.office.as_ref().map(|r| r.target) {
            Some(Target::Office(o)) => self.office(o).and_then(|o| match o.of.as_ref().map(|r| r.target) {
                Some(Target::Party(p)) => Some(p),
                _ => None,
            }),
            _ => None,
        }
    }

    /// The parties that hold a seat in a body.
    pub fn seated_parties(&self, body: &Body<Ref>) -> std::collections::BTreeSet<PartyId> {
        body.seats.iter().filter_map(|s| self.seat_party(s)).collect()
    }

    /// The side a seat counts for: stated on the seat, else its party's,
    /// else the side of the actor it is given to.
    pub fn seat_side(&self, seat: &Seat<Ref>) -> Option<Side> {
        if let Some(s) = &seat.side {
            return Some(s.value);
        }
        if let Some(p) = self.seat_party(seat).and_then(|p| self.party(p)) {
            return p.side.as_ref().map(|s| s.value);
        }
        match seat.party.as_ref().map(|r| r.target) {
            Some(Target::Actor(a)) => self.actors.get(a.index()).and_then(|a| a.side.as_ref().map(|s| s.value)),
            _ => None,
        }
    }

    /// The display id of any target, e.g. `beirat.cio` for a seat.
    pub fn target_id(&self, target: Target) -> String {
        match target {
            Target::AllParties => "all".to_string(),
            Target::Goal(i) => self.goals.get(i.index()).map(|x| x.id.value.clone()).unwrap_or_default(),
            Target::Party(i) => self.parties.get(i.index()).map(|x| x.id.value.clone()).unwrap_or_default(),
            Target::Office(i) => self.offices.get(i.index()).map(|x| x.id.value.clone()).unwrap_or_default(),
            Target::Actor(i) => self.actors.get(i.index()).map(|x| x.id.value.clone()).unwrap_or_default(),
            Target::Body(i) => self.bodies.get(i.index()).map(|x| x.id.value.clone()).unwrap_or_default(),
            Target::Seat(s) => match (self.body(s.body), self.seat(s)) {
                (Some(b), Some(seat)) => format!("{}.{}", b.id.value, seat.id.value),
                _ => String::new(),
            },
            Target::Obligation(i) => self.obligations.get(i.index()).map(|x| x.id.value.clone()).unwrap_or_default(),
            Target::Service(i) => self.services.get(i.index()).map(|x| x.id.value.clone()).unwrap_or_default(),
            Target::Project(i) => self.projects.get(i.index()).map(|x| x.id.value.clone()).unwrap_or_default(),
            Target::Financing(i) => self.financings.get(i.index()).map(|x| x.id.value.clone()).unwrap_or_default(),
            Target::Procedure(i) => self.procedures.get(i.index()).map(|x| x.id.value.clone()).unwrap_or_default(),
            Target::Step(s) => match (self.procedures.get(s.procedure.index()), self.step(s)) {
                (Some(p), Some(st)) => format!("{}.{}", p.id.value, st.id.value),
                _ => String::new(),
            },
            Target::Approval(i) => self.approvals.get(i.index()).map(|x| x.id.value.clone()).unwrap_or_default(),
            Target::Signature(i) => self.signatures.get(i.index()).map(|x| x.id.value.clone()).unwrap_or_default(),
        }
    }

    /// Parties a reference stands for: a party itself, every party for
    /// `all`, the party of an office or seat. Bodies and actors stand for none.
    pub fn parties_of(&self, target: Target) -> Vec<PartyId> {
        match target {
            Target::AllParties => (0..self.parties.len()).map(|i| PartyId(i as u32)).collect(),
            Target::Party(p) => vec![p],
            Target::Office(o) => match self.office(o).and_then(|o| o.of.as_ref()).map(|r| r.target) {
                Some(Target::Party(p)) => vec![p],
                _ => Vec::new(),
            },
            Target::Seat(s) => self.seat(s).and_then(|seat| self.seat_party(seat)).into_iter().collect(),
            _ => Vec::new(),
        }
    }

    /// Number of elements, for the size limit and throughput figures.
    pub fn element_count(&self) -> usize {
        self.goals.len()
            + self.parties.len()
            + self.offices.len()
            + self.actors.len()
            + self.bodies.iter().map(|b| 1 + b.seats.len()).sum::<usize>()
            + self.obligations.len()
            + self.services.len()
            + self.projects.len()
            + self.financings.iter().map(|f| 1 + f.tranches.len()).sum::<usize>()
            + self.procedures.iter().map(|p| 1 + p.steps.len()).sum::<usize>()
            + usize::from(self.term.is_some())
            + self.approvals.len()
            + self.signatures.len()
    }
}

impl<R> Procedure<R> {
    /// Indices of the steps directly before step `index`: its `after`
    /// steps in this procedure, or the step written before it.
    pub fn predecessors(&self, own: ProcedureId, index: usize) -> Vec<usize>
    where
        R: AsTarget,
    {
        let Some(step) = self.steps.get(index) else { return Vec::new() };
        if step.after.is_empty() {
            return index.checked_sub(1).into_iter().collect();
        }
        step.after
            .iter()
            .filter_map(|r| match r.target() {
                Some(Target::Step(s)) if s.procedure == own => Some(s.step as usize),
                _ => None,
            })
            .collect()
    }
}

/// Access to a reference's target, where it has one.
pub trait AsTarget {
    fn target(&self) -> Option<Target>;
}
impl AsTarget for Ref {
    fn target(&self) -> Option<Target> {
        Some(self.target)
    }
}
impl AsTarget for RawRef {
    fn target(&self) -> Option<Target> {
        None
    }
}
