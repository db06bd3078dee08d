//! The agreement as data: the typed AST and the resolved model share these
//! types, generic over how a reference is held.
//!
//! In the AST (`Agreement<RawRef>`, made by `lower`), a reference is a name
//! with a span. In the resolved model (`Agreement<Ref>`, made by `resolve`),
//! every reference also carries its checked target, a newtype id. Every
//! element keeps the span of its source, for diagnostics, graph and diff.

use crate::span::Span;
use crate::values::{Date, Decimal, Money};
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
    SignatureId,
    GroupId,
    KeyId,
    InstitutionId,
    ActId,
    RatificationId
);

/// A named decision rule of a body: `body.decision`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct DecisionId {
    pub body: BodyId,
    pub decision: u32,
}

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
    Group(GroupId),
    Key(KeyId),
    Decision(DecisionId),
    Institution(InstitutionId),
    Act(ActId),
    Ratification(RatificationId),
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
            Target::Group(_) => "group",
            Target::Key(_) => "key",
            Target::Decision(_) => "decision",
            Target::Institution(_) => "institution",
            Target::Act(_) => "act",
            Target::Ratification(_) => "ratification",
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

/// Attributes every element may carry ([`MetaFields`], read through
/// `Deref`). Most elements carry none, so they are kept behind a pointer
/// that is empty then: 8 bytes on such an element instead of 200, which is
/// a fifth of the memory of a large file's AST and model. Writing through
/// `DerefMut` makes the fields; equality, `Debug` and JSON see only them.
#[derive(Clone, Default)]
pub struct Meta(Option<Box<MetaFields>>);

/// What an element carries for every element: none of it, usually.
static NO_META: MetaFields = MetaFields {
    section: None,
    wording: None,
    assumptions: Vec::new(),
    notes: Vec::new(),
    allows: Vec::new(),
    unknowns: Vec::new(),
    wordings: Vec::new(),
};

impl std::ops::Deref for Meta {
    type Target = MetaFields;
    fn deref(&self) -> &MetaFields {
        self.0.as_deref().unwrap_or(&NO_META)
    }
}

impl std::ops::DerefMut for Meta {
    fn deref_mut(&mut self) -> &mut MetaFields {
        self.0.get_or_insert_with(Box::default)
    }
}

impl From<MetaFields> for Meta {
    fn from(fields: MetaFields) -> Meta {
        if fields == NO_META {
            Meta(None)
        } else {
            Meta(Some(Box::new(fields)))
        }
    }
}

impl PartialEq for Meta {
    fn eq(&self, other: &Meta) -> bool {
        **self == **other
    }
}

impl Eq for Meta {}

impl std::fmt::Debug for Meta {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        (**self).fmt(f)
    }
}

impl Serialize for Meta {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        (**self).serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Meta {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Meta, D::Error> {
        MetaFields::deserialize(deserializer).map(Meta::from)
    }
}

/// The attributes of [`Meta`].
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct MetaFields {
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
    /// Attributes the source does not state (`unknown meets "…"`): not
    /// absent, not to be demanded by rules, not a change when stated later.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub unknowns: Vec<Unknown>,
    /// Wordings tied to one attribute (`wording for chair "…"`).
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub wordings: Vec<TiedWording>,
}

impl MetaFields {
    /// Whether the source is marked as not stating `attribute`.
    pub fn is_unknown(&self, attribute: &str) -> bool {
        self.unknowns.iter().any(|u| u.attribute.value == attribute)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unknown {
    pub attribute: Spanned<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub reason: Option<Spanned<String>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TiedWording {
    /// The attribute the wording supports, e.g. `chair`.
    pub supports: Spanned<String>,
    pub text: Spanned<String>,
}

/// What kind of document a file models.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    /// Parties agree and sign.
    #[default]
    Agreement,
    /// A statute or regulation: nobody signs, no term.
    Statute,
    /// Rules of procedure (Geschäftsordnung) of a body.
    RulesOfProcedure,
}

impl DocumentKind {
    pub fn keyword(self) -> &'static str {
        match self {
            DocumentKind::Agreement => "agreement",
            DocumentKind::Statute => "statute",
            DocumentKind::RulesOfProcedure => "rules_of_procedure",
        }
    }
    /// Whether parties sign the document (and a term is expected).
    pub fn is_signed(self) -> bool {
        self == DocumentKind::Agreement
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Allow {
    pub rule: Spanned<String>,
    pub reason: Spanned<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(bound(deserialize = "R: Deserialize<'de>"))]
pub struct Agreement<R> {
    #[serde(default, skip_serializing_if = "is_agreement")]
    pub document: DocumentKind,
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
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<Group<R>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub keys: Vec<Key<R>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub institutions: Vec<Institution<R>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub acts: Vec<Act>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ratifications: Vec<Ratification<R>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amendment: Option<Amendment<R>>,
}

fn is_agreement(k: &DocumentKind) -> bool {
    *k == DocumentKind::Agreement
}

fn is_one(n: &u32) -> bool {
    *n == 1
}

fn one() -> u32 {
    1
}

fn is_false(b: &bool) -> bool {
    !*b
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
    /// The federation (der Bund).
    Federal,
    State,
    Municipal,
}

impl Side {
    pub fn name(self) -> &'static str {
        match self {
            Side::Federal => "federal",
            Side::State => "state",
            Side::Municipal => "municipal",
        }
    }
}

/// A named group of parties: listed members, or every party of a side.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(bound(deserialize = "R: Deserialize<'de>"))]
pub struct Group<R> {
    pub id: Spanned<String>,
    pub name: Spanned<String>,
    pub span: Span,
    pub members: Vec<R>,
    pub side: Option<Spanned<Side>>,
    pub meta: Meta,
}

/// A distribution key: a figure (percent) per party, with its source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(bound(deserialize = "R: Deserialize<'de>"))]
pub struct Key<R> {
    pub id: Spanned<String>,
    pub name: Spanned<String>,
    pub span: Span,
    /// The group the key distributes among.
    pub of: Option<R>,
    pub year: Option<Spanned<i32>>,
    pub source: Option<Spanned<String>>,
    /// Figures invented for an example, not taken from a source.
    pub example: Option<Span>,
    /// How far the figures may miss 100 % by rounding (default 0.01).
    pub tolerance: Option<Spanned<Decimal>>,
    pub shares: Vec<KeyShare<R>>,
    pub meta: Meta,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(bound(deserialize = "R: Deserialize<'de>"))]
pub struct KeyShare<R> {
    pub party: R,
    pub percent: Spanned<Decimal>,
    pub span: Span,
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
#[serde(bound(deserialize = "R: Deserialize<'de>"))]
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
#[serde(bound(deserialize = "R: Deserialize<'de>"))]
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

/// A length of time: `year`, `2 years`, `6 months`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Interval {
    #[serde(default = "one", skip_serializing_if = "is_one")]
    pub count: u32,
    pub period: Period,
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
    /// "mindestens zweimal jährlich"; `every` periods (default 1):
    /// "mindestens einmal alle zwei Jahre".
    AtLeast {
        times: u32,
        per: Period,
        #[serde(default = "one", skip_serializing_if = "is_one")]
        every: u32,
    },
    /// "in der Regel dreimal im Jahr": a soft minimum.
    AsARule {
        times: u32,
        per: Period,
        #[serde(default = "one", skip_serializing_if = "is_one")]
        every: u32,
    },
    /// Set by rules of procedure or a statute outside the agreement.
    GovernedElsewhere,
}

impl Frequency {
    /// Minimum occurrences per year as a fraction (times, years), if a
    /// number is stated: "once every two years" is (1, 2).
    pub fn rate(&self) -> Option<(u64, u64)> {
        match self {
            Frequency::Regularly | Frequency::GovernedElsewhere => None,
            Frequency::AtLeast { times, per, every } | Frequency::AsARule { times, per, every } => {
                // times per (every × per), as occurrences per twelve months.
                let months = u64::from((*every).max(1)) * u64::from(12 / per.per_year());
                Some((u64::from(*times) * 12, months))
            }
        }
    }

    /// Minimum occurrences per year, rounded down, if stated.
    pub fn per_year(&self) -> Option<u64> {
        self.rate().map(|(t, y)| t / y.max(1))
    }

    /// Whether the minimum is only the rule ("in der Regel").
    pub fn is_soft(&self) -> bool {
        matches!(self, Frequency::AsARule { .. })
    }
}

fn per_text(per: Period, every: u32) -> String {
    if every == 1 {
        per.name().to_string()
    } else {
        format!("{every} {}s", per.name())
    }
}

impl std::fmt::Display for Frequency {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Frequency::Regularly => f.write_str("regularly"),
            Frequency::AtLeast { times, per, every } => write!(f, "at least {times} per {}", per_text(*per, *every)),
            Frequency::AsARule { times, per, every } => write!(f, "as a rule {times} per {}", per_text(*per, *every)),
            Frequency::GovernedElsewhere => f.write_str("as its rules of procedure set"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(bound(deserialize = "R: Deserialize<'de>"))]
pub struct Meeting<R> {
    pub frequency: Spanned<Frequency>,
    /// `meets shall …` ("soll … tagen"); unstated reads as `must`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modality: Option<Spanned<Modality>>,
    /// The act that sets the rhythm (`governed_by "Geschäftsordnung"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub governed_by: Option<Spanned<String>>,
    /// "auf Wunsch von mindestens N Vertretern".
    pub on_request_of: Option<Spanned<u32>>,
    /// Further request rights: a named party, or N members of a group.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub requests: Vec<Spanned<Requester<R>>>,
    pub span: Span,
}

/// Who may call a meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
#[serde(bound(deserialize = "R: Deserialize<'de>"))]
pub enum Requester<R> {
    /// A named party or group (each of its members).
    Party { who: R },
    /// At least `count` members of a group ("drei Länder").
    CountOf { count: u32, of: R },
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

/// A fraction such as 2/3.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fraction {
    pub numerator: u32,
    pub denominator: u32,
}

impl std::fmt::Display for Fraction {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}", self.numerator, self.denominator)
    }
}

/// What a majority or unanimity is counted of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Base {
    /// of all members ("der Mitglieder").
    Members,
    /// of those present ("der anwesenden Mitglieder", "der abgegebenen Stimmen").
    Present,
    /// of the voting members ("der stimmberechtigten Mitglieder").
    Voting,
}

impl Base {
    pub fn keyword(self) -> &'static str {
        match self {
            Base::Members => "members",
            Base::Present => "present",
            Base::Voting => "voting",
        }
    }
}

/// One requirement of a decision rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
#[serde(bound(deserialize = "R: Deserialize<'de>"))]
pub enum Requirement<R> {
    /// einvernehmlich: every member agrees.
    Consent,
    Unanimity {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        base: Option<Base>,
    },
    /// More than half.
    Majority {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        base: Option<Base>,
    },
    /// At least the fraction.
    Qualified {
        fraction: Fraction,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        base: Option<Base>,
    },
    /// Nothing passes against this party (or every member of this group).
    Veto { who: R },
    /// At least `count` members of a group agree.
    AtLeast { count: u32, of: R },
    /// The agreeing members carry at least `fraction` of a key's shares.
    Weighted {
        key: R,
        fraction: Fraction,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        of: Option<R>,
    },
}

impl<R> Requirement<R> {
    /// How the requirement is written, with ids from `name`.
    pub fn describe(&self, name: impl Fn(&R) -> String) -> String {
        let base = |b: &Option<Base>| b.map(|b| format!(" of {}", b.keyword())).unwrap_or_default();
        match self {
            Requirement::Consent => "consent".into(),
            Requirement::Unanimity { base: b } => format!("unanimity{}", base(b)),
            Requirement::Majority { base: b } => format!("majority{}", base(b)),
            Requirement::Qualified { fraction, base: b } => format!("qualified {fraction}{}", base(b)),
            Requirement::Veto { who } => format!("veto {}", name(who)),
            Requirement::AtLeast { count, of } => format!("at_least {count} of {}", name(of)),
            Requirement::Weighted { key, fraction, of } => format!(
                "weighted {} {fraction}{}",
                name(key),
                of.as_ref().map(|o| format!(" of {}", name(o))).unwrap_or_default()
            ),
        }
    }
}

/// Requirements of which at least one must hold ("… or …").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(bound(deserialize = "R: Deserialize<'de>"))]
pub struct Clause<R> {
    pub any_of: Vec<Spanned<Requirement<R>>>,
    pub span: Span,
}

/// A quorum as a share of the members: `quorum 1/2 of voting`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuorumShare {
    pub fraction: Fraction,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base: Option<Base>,
}

/// A named decision rule of a body: what it decides and what that needs.
/// Every clause must hold (all of).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(bound(deserialize = "R: Deserialize<'de>"))]
pub struct Decision<R> {
    pub id: Spanned<String>,
    pub label: Option<Spanned<String>>,
    pub span: Span,
    pub requires: Vec<Clause<R>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quorum: Option<Spanned<u32>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quorum_share: Option<Spanned<QuorumShare>>,
    pub meta: Meta,
}

/// A chair that rotates among parties or groups.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(bound(deserialize = "R: Deserialize<'de>"))]
pub struct Rotation<R> {
    pub among: Vec<R>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub every: Option<Spanned<Interval>>,
    /// How the order within a group is settled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order: Option<Spanned<String>>,
    pub span: Span,
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
#[serde(bound(deserialize = "R: Deserialize<'de>"))]
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
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rotation: Option<Rotation<R>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deputy: Option<R>,
    /// The chair holds no seat of the body, and the text says so.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chair_non_member: Option<Span>,
    /// The chair's vote decides a tie.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub casting_vote: Option<Span>,
    pub meeting: Option<Meeting<R>>,
    pub quorum: Option<Spanned<u32>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quorum_share: Option<Spanned<QuorumShare>>,
    pub decides: Option<Spanned<DecisionRule>>,
    /// Named decision rules (`decision beschluesse "Beschlüsse" { … }`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub decisions: Vec<Decision<R>>,
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
    /// Number of voting seats (a seat with `count N` is N seats). Members
    /// are the voting seats: an `advisory` seat attends without being a
    /// member.
    pub fn voting_seats(&self) -> u64 {
        self.seats.iter().filter(|s| s.voting).map(|s| u64::from(s.count.value)).sum()
    }
    /// Number of members (advisory attendees are not members).
    pub fn member_seats(&self) -> u64 {
        self.voting_seats()
    }
    pub fn total_seats(&self) -> u64 {
        self.seats.iter().map(|s| u64::from(s.count.value)).sum()
    }
    /// Whether any seat's number varies (`variable`).
    pub fn has_variable_seats(&self) -> bool {
        self.seats.iter().any(|s| s.variable.is_some())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(bound(deserialize = "R: Deserialize<'de>"))]
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
    /// One seat for each member of this group (`count` is then the
    /// group's size, set when resolving).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub each: Option<R>,
    /// The number of seats varies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub variable: Option<Span>,
    /// Votes only on these matters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub votes_on: Option<Spanned<String>>,
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
#[serde(bound(deserialize = "R: Deserialize<'de>"))]
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
#[serde(bound(deserialize = "R: Deserialize<'de>"))]
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
#[serde(bound(deserialize = "R: Deserialize<'de>"))]
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
    /// rund, etwa: an approximate amount.
    About,
}

impl Bound {
    pub fn keyword(self) -> &'static str {
        match self {
            Bound::UpTo => "up_to",
            Bound::Exactly => "exactly",
            Bound::About => "about",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Amount {
    pub bound: Bound,
    pub money: Money,
    pub span: Span,
    /// The amount is due each year (`per year`).
    #[serde(default, skip_serializing_if = "is_false")]
    pub per_year: bool,
    /// The years the amount covers (`for 2020 to 2022`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub years: Option<Spanned<(i32, i32)>>,
}

/// Who pays what share of a financing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(bound(deserialize = "R: Deserialize<'de>"))]
pub struct Share<R> {
    pub payer: R,
    pub kind: ShareKind<R>,
    /// Paid off the top, before the rest is split (a seat-state quota).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub before_split: Option<Span>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
#[serde(bound(deserialize = "R: Deserialize<'de>"))]
pub enum ShareKind<R> {
    /// A fixed percentage of the whole.
    Percent { percent: Spanned<Decimal> },
    /// The whole, split among a group's members by a key.
    ByKey { key: R },
    /// What the fixed shares leave, split by a key if one is named.
    Rest {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        key: Option<R>,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tranche {
    pub year: Spanned<i32>,
    pub amount: Amount,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(bound(deserialize = "R: Deserialize<'de>"))]
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
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub shares: Vec<Share<R>>,
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
#[serde(bound(deserialize = "R: Deserialize<'de>"))]
pub struct Procedure<R> {
    pub id: Spanned<String>,
    pub name: Spanned<String>,
    pub span: Span,
    pub steps: Vec<Step<R>>,
    pub meta: Meta,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(bound(deserialize = "R: Deserialize<'de>"))]
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
    /// The financings whose money the step commits (`commits_money of X`);
    /// empty: money of the agreement in general.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub commits: Vec<R>,
    /// The body's named decision rule the step is taken under.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub under: Option<R>,
    pub meta: Meta,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Term {
    pub span: Span,
    pub from: Option<Spanned<Date>>,
    pub until: Option<Spanned<Date>>,
    pub until_revoked: Option<Span>,
    pub in_writing: Option<Span>,
    /// The notice period in months (`notice 2 years` is 24).
    pub notice_months: Option<Spanned<u32>>,
    /// The notice period as written, and the period end it runs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notice: Option<Notice>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub in_force: Option<Spanned<InForce>>,
    /// The agreement lapses when fewer than this many parties remain.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lapses_below: Option<Spanned<u32>>,
    /// A notice takes effect only once this holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effective_when: Option<Spanned<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub withdrawal: Option<Withdrawal>,
    pub meta: Meta,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Notice {
    pub length: Interval,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to_end_of: Option<Period>,
    pub span: Span,
}

/// A condition for entry into force.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum InForce {
    /// At least `count` ratifications deposited, by `by` if given.
    Ratifications {
        count: u32,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        by: Option<Spanned<Date>>,
    },
    Condition {
        text: String,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Withdrawal {
    /// The agreement continues among the others.
    pub continues_for_others: bool,
    /// What a withdrawal ends for the party (membership, ownership shares).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ends: Vec<Spanned<String>>,
    pub span: Span,
}

/// Ratification after signing (a Zustimmungsgesetz, a Landtag's consent).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(bound(deserialize = "R: Deserialize<'de>"))]
pub struct Ratification<R> {
    pub id: Spanned<String>,
    pub name: Spanned<String>,
    pub span: Span,
    pub by: Option<R>,
    pub deadline: Option<Spanned<Date>>,
    pub depositary: Option<Spanned<String>>,
    /// When it was given (deposited).
    pub date: Option<Spanned<Date>>,
    pub meta: Meta,
}

/// How the agreement itself is changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(bound(deserialize = "R: Deserialize<'de>"))]
pub struct Amendment<R> {
    pub span: Span,
    pub requires: Vec<Clause<R>>,
    pub in_writing: Option<Span>,
    pub by: Option<R>,
    pub meta: Meta,
}

/// An institution the agreement founds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(bound(deserialize = "R: Deserialize<'de>"))]
pub struct Institution<R> {
    pub id: Spanned<String>,
    pub name: Spanned<String>,
    pub span: Span,
    pub legal_form: Option<Spanned<String>>,
    pub located_in: Option<Spanned<String>>,
    pub from: Option<Spanned<Date>>,
    pub owners: Vec<Owner<R>>,
    pub organs: Vec<Organ<R>>,
    pub supervision: Option<Supervision<R>>,
    pub takes_over: Vec<TakesOver>,
    pub meta: Meta,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(bound(deserialize = "R: Deserialize<'de>"))]
pub struct Owner<R> {
    pub owner: R,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub share: Option<OwnerShare<R>>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
#[serde(bound(deserialize = "R: Deserialize<'de>"))]
pub enum OwnerShare<R> {
    Percent {
        percent: Spanned<Decimal>,
    },
    ByKey {
        key: R,
    },
    /// zu gleichen Teilen.
    Equal,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(bound(deserialize = "R: Deserialize<'de>"))]
pub struct Organ<R> {
    /// A body or an office.
    pub organ: R,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_term_years: Option<Spanned<u32>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub appointed_by: Option<R>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(bound(deserialize = "R: Deserialize<'de>"))]
pub struct Supervision<R> {
    pub by: R,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<Spanned<String>>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TakesOver {
    pub what: Spanned<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<Spanned<Date>>,
    pub span: Span,
}

/// Another act the model cites, with its own date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Act {
    pub id: Spanned<String>,
    pub name: Spanned<String>,
    pub span: Span,
    pub date: Option<Spanned<Date>>,
    pub kind: Option<Spanned<String>>,
    pub meta: Meta,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(bound(deserialize = "R: Deserialize<'de>"))]
pub struct Approval<R> {
    pub id: Spanned<String>,
    pub name: Spanned<String>,
    pub span: Span,
    pub by: Option<R>,
    pub date: Option<Spanned<Date>>,
    pub meta: Meta,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(bound(deserialize = "R: Deserialize<'de>"))]
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
    pub fn group(&self, id: GroupId) -> Option<&Group<Ref>> {
        self.groups.get(id.index())
    }
    pub fn key(&self, id: KeyId) -> Option<&Key<Ref>> {
        self.keys.get(id.index())
    }
    pub fn decision(&self, id: DecisionId) -> Option<&Decision<Ref>> {
        self.body(id.body).and_then(|b| b.decisions.get(id.decision as usize))
    }

    /// The parties of a group: its listed members (parties, or the parties
    /// behind offices and actors' owners), or every party of its side.
    pub fn group_parties(&self, id: GroupId) -> Vec<PartyId> {
        let Some(g) = self.group(id) else { return Vec::new() };
        let mut out: Vec<PartyId> = Vec::new();
        for m in &g.members {
            if let Target::Party(p) = m.target {
                if !out.contains(&p) {
                    out.push(p);
                }
            }
        }
        if let Some(side) = &g.side {
            for (i, p) in self.parties.iter().enumerate() {
                let id = PartyId(i as u32);
                if p.side.as_ref().map(|s| s.value) == Some(side.value) && !out.contains(&id) {
                    out.push(id);
                }
            }
        }
        out
    }

    pub fn step(&self, id: StepId) -> Option<&Step<Ref>> {
        self.procedures.get(id.procedure.index()).and_then(|p| p.steps.get(id.step as usize))
    }

    /// The party a seat belongs to: its own `party`, the party an actor
    /// given the seat is part of, or the party of its office.
    pub fn seat_party(&self, seat: &Seat<Ref>) -> Option<PartyId> {
        match seat.party.as_ref().map(|r| r.target) {
            Some(Target::Party(p)) => return Some(p),
            Some(Target::Actor(a)) => {
                if let Some(p) = self.actor_party(a) {
                    return Some(p);
                }
            }
            _ => {}
        }
        match seat.office.as_ref().map(|r| r.target) {
            Some(Target::Office(o)) => self.office(o).and_then(|o| match o.of.as_ref().map(|r| r.target) {
                Some(Target::Party(p)) => Some(p),
                _ => None,
            }),
            _ => None,
        }
    }

    /// The party an actor is part of, following `part_of` (bounded, so a
    /// cycle of actors ends).
    pub fn actor_party(&self, actor: ActorId) -> Option<PartyId> {
        let mut current = actor;
        for _ in 0..=self.actors.len() {
            match self.actors.get(current.index())?.part_of.as_ref()?.target {
                Target::Party(p) => return Some(p),
                Target::Actor(a) => current = a,
                _ => return None,
            }
        }
        None
    }

    /// The parties a seat stands for: its party, or each member of its
    /// `each` group.
    pub fn seat_parties(&self, seat: &Seat<Ref>) -> Vec<PartyId> {
        match seat.each.as_ref().map(|r| r.target) {
            Some(Target::Group(g)) => self.group_parties(g),
            _ => self.seat_party(seat).into_iter().collect(),
        }
    }

    /// The parties that hold a seat in a body.
    pub fn seated_parties(&self, body: &Body<Ref>) -> std::collections::BTreeSet<PartyId> {
        body.seats.iter().flat_map(|s| self.seat_parties(s)).collect()
    }

    /// The parties that hold a voting seat in a body.
    pub fn voting_parties(&self, body: &Body<Ref>) -> std::collections::BTreeSet<PartyId> {
        body.seats.iter().filter(|s| s.voting).flat_map(|s| self.seat_parties(s)).collect()
    }

    /// The parties a reference stands for, following groups, offices, seats,
    /// and actors that are part of a party.
    pub fn parties_behind(&self, target: Target) -> Vec<PartyId> {
        match target {
            Target::Actor(a) => self.actor_party(a).into_iter().collect(),
            other => self.parties_of(other),
        }
    }

    /// The side a seat counts for: stated on the seat, else its party's,
    /// else the side of the actor it is given to.
    pub fn seat_side(&self, seat: &Seat<Ref>) -> Option<Side> {
        if let Some(s) = &seat.side {
            return Some(s.value);
        }
        // A seat for each member of a group: the group's side, or the side
        // all its members share.
        if let Some(Target::Group(g)) = seat.each.as_ref().map(|r| r.target) {
            if let Some(side) = self.group(g).and_then(|x| x.side.as_ref()) {
                return Some(side.value);
            }
            let sides: std::collections::BTreeSet<Option<Side>> = self
                .group_parties(g)
                .into_iter()
                .map(|p| self.party(p).and_then(|p| p.side.as_ref().map(|s| s.value)))
                .collect();
            return match sides.into_iter().collect::<Vec<_>>().as_slice() {
                [Some(one)] => Some(*one),
                _ => None,
            };
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
            Target::Group(i) => self.groups.get(i.index()).map(|x| x.id.value.clone()).unwrap_or_default(),
            Target::Key(i) => self.keys.get(i.index()).map(|x| x.id.value.clone()).unwrap_or_default(),
            Target::Decision(d) => match (self.body(d.body), self.decision(d)) {
                (Some(b), Some(dec)) => format!("{}.{}", b.id.value, dec.id.value),
                _ => String::new(),
            },
            Target::Institution(i) => self.institutions.get(i.index()).map(|x| x.id.value.clone()).unwrap_or_default(),
            Target::Act(i) => self.acts.get(i.index()).map(|x| x.id.value.clone()).unwrap_or_default(),
            Target::Ratification(i) => {
                self.ratifications.get(i.index()).map(|x| x.id.value.clone()).unwrap_or_default()
            }
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
            Target::Group(g) => self.group_parties(g),
            _ => Vec::new(),
        }
    }
}

impl<R> Agreement<R> {
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
            + self.groups.len()
            + self.keys.iter().map(|k| 1 + k.shares.len()).sum::<usize>()
            + self.bodies.iter().map(|b| b.decisions.len()).sum::<usize>()
            + self.financings.iter().map(|f| f.shares.len()).sum::<usize>()
            + self.institutions.len()
            + self.acts.len()
            + self.ratifications.len()
            + usize::from(self.amendment.is_some())
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
