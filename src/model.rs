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
id_type!(GoalId, PartyId, OfficeId, ActorId, BodyId, ObligationId, ServiceId, ProjectId, FinancingId, ProcedureId, ApprovalId, SignatureId);

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
    AtLeast { times: u32, per: Period },
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
    Qualified { numerator: u32, denominator: u32 },
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
