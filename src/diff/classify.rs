//! How much a change matters, and in which direction: the one table that
//! classifies every change `pakt diff` reports. `docs/diff.md` shows it.
//!
//! *Strengthening* and *weakening* refer to the binding force of the
//! agreement's commitments, from the point of view of those they protect:
//! the beneficiary of an obligation, the recipient of money, the party
//! whose consent is required, the minority that may call a meeting. A
//! stronger modality (soll → muss), a raised ceiling, a new consent
//! requirement or a dropped budget reservation strengthen; the reverse
//! weakens. Changes that shift without a direction (a new chair, a renamed
//! body) are neutral.

use super::Field;
use crate::model::{Bound, DecisionRule};
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Effect {
    Strengthening,
    Weakening,
    Neutral,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Weight {
    Major,
    Minor,
    Editorial,
}

impl Effect {
    pub fn name(self) -> &'static str {
        match self {
            Effect::Strengthening => "strengthening",
            Effect::Weakening => "weakening",
            Effect::Neutral => "neutral",
        }
    }
}

impl Weight {
    pub fn name(self) -> &'static str {
        match self {
            Weight::Major => "major",
            Weight::Minor => "minor",
            Weight::Editorial => "editorial",
        }
    }
}

/// One row of the classification table.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Row {
    /// Stable id: `element.what` or `element.field.how`.
    pub id: &'static str,
    pub effect: Effect,
    pub weight: Weight,
    /// What the change is, for the documentation.
    pub change: &'static str,
}

use Effect::{Neutral as N, Strengthening as S, Weakening as W};
use Weight::{Editorial as E, Major as Ma, Minor as Mi};

macro_rules! rows {
    ($($id:literal, $effect:expr, $weight:expr, $change:literal;)*) => {
        pub static TABLE: &[Row] = &[$(Row { id: $id, effect: $effect, weight: $weight, change: $change }),*];
    };
}

rows! {
    "agreement.title.changed", N, E, "the title changes";
    "agreement.date.changed", N, Mi, "the agreement's date changes";
    "agreement.place.changed", N, E, "the place of signing changes";
    "agreement.land.changed", N, Ma, "the Land changes";
    "agreement.kind.changed", N, E, "the kind of agreement changes";
    "agreement.supersedes.changed", N, Mi, "the superseded agreement changes";
    "agreement.renews.changed", N, Mi, "the renewed agreement changes";
    "goal.added", S, Mi, "a goal is added";
    "goal.removed", W, Mi, "a goal is dropped";
    "party.added", N, Ma, "a party joins";
    "party.removed", N, Ma, "a party leaves";
    "party.side.changed", N, Ma, "a party changes sides";
    "party.represented_by.changed", N, E, "who represents a party changes";
    "office.added", N, Mi, "an office is added";
    "office.removed", N, Mi, "an office is dropped";
    "office.of.changed", N, Mi, "an office is held for another party";
    "office.holder.changed", N, E, "the holder of an office changes";
    "actor.added", N, Mi, "an institution is named";
    "actor.removed", N, Mi, "an institution is no longer named";
    "body.added", S, Ma, "a joint body is created";
    "body.removed", W, Ma, "a joint body is abolished";
    "body.continued", N, Mi, "a body continues a body of the superseded agreement (renamed or reconstituted)";
    "body.parity.added", S, Ma, "a body becomes paritätisch";
    "body.parity.removed", W, Ma, "a body is no longer paritätisch";
    "body.seats.changed", N, Mi, "the stated number of seats changes";
    "body.chair.changed", N, Mi, "the chair changes";
    "body.meeting.added", S, Ma, "a body gets a meeting rule";
    "body.meeting.removed", W, Ma, "a body loses its meeting rule";
    "body.meeting.raised", S, Mi, "a body must meet more often";
    "body.meeting.lowered", W, Ma, "a body need meet less often";
    "body.meeting.changed", N, Mi, "the meeting rule changes without a comparable number (e.g. regularly ↔ at least N)";
    "body.on_request_of.added", S, Mi, "members may call a meeting";
    "body.on_request_of.removed", W, Mi, "members may no longer call a meeting";
    "body.on_request_of.lowered", S, Mi, "fewer members suffice to call a meeting";
    "body.on_request_of.raised", W, Mi, "more members are needed to call a meeting";
    "body.quorum.changed", N, Mi, "the quorum changes";
    "body.decides.stronger", S, Ma, "decisions need broader agreement (e.g. majority → consent)";
    "body.decides.weaker", W, Ma, "decisions need less agreement (e.g. consent → majority)";
    "body.decides.changed", N, Mi, "the decision rule changes without more or less protection";
    "body.binding.added", S, Ma, "decisions bind more parties";
    "body.binding.removed", W, Ma, "decisions bind fewer parties";
    "body.recommendation_to.changed", N, Mi, "whom decisions are recommended to changes";
    "body.reports_to.changed", N, Mi, "the reporting line changes";
    "body.formed_by.changed", N, Mi, "who forms the body changes";
    "body.legal_basis.changed", N, Mi, "the legal basis or kind of a body changes";
    "seat.added", N, Mi, "a seat is added";
    "seat.removed", N, Mi, "a seat is dropped";
    "seat.holder.changed", N, Mi, "a seat goes to another party, office or side";
    "seat.count.changed", N, Mi, "a seat stands for more or fewer members";
    "seat.voting.added", S, Ma, "an advisory seat gets a vote";
    "seat.voting.removed", W, Ma, "a voting seat becomes advisory";
    "obligation.added", S, Ma, "an obligation is added";
    "obligation.removed", W, Ma, "an obligation is dropped";
    "obligation.modality.stronger", S, Ma, "an obligation becomes stronger (e.g. soll → muss, kann → soll)";
    "obligation.modality.weaker", W, Ma, "an obligation becomes weaker (e.g. muss → soll)";
    "obligation.action.changed", N, Mi, "what is owed is described differently";
    "obligation.bearer.changed", N, Ma, "someone else bears the obligation";
    "obligation.beneficiary.added", S, Mi, "more beneficiaries";
    "obligation.beneficiary.removed", W, Mi, "fewer beneficiaries";
    "obligation.budget_reservation.added", W, Ma, "an obligation becomes subject to the budget";
    "obligation.budget_reservation.removed", S, Ma, "an obligation is no longer subject to the budget";
    "obligation.conditions.added", W, Mi, "an obligation gets a further condition";
    "obligation.conditions.removed", S, Mi, "a condition of an obligation is dropped";
    "obligation.free_of_charge.added", S, Ma, "something is owed free of charge";
    "obligation.free_of_charge.removed", W, Ma, "something is no longer owed free of charge";
    "obligation.costly.changed", N, Mi, "whether an obligation costs money changes";
    "obligation.frequency.raised", S, Mi, "a duty recurs more often";
    "obligation.frequency.lowered", W, Mi, "a duty recurs less often or no longer regularly";
    "obligation.deadline.earlier", S, Mi, "a deadline is added or comes earlier";
    "obligation.deadline.later", W, Mi, "a deadline is dropped or comes later";
    "service.added", S, Ma, "a service is offered";
    "service.removed", W, Ma, "a service is withdrawn";
    "service.provider.changed", N, Ma, "someone else provides a service";
    "service.chosen_by.changed", N, Mi, "someone else chooses the services";
    "project.added", S, Mi, "a joint project is agreed";
    "project.removed", W, Mi, "a joint project is dropped";
    "project.partners.added", S, Mi, "more partners join a project";
    "project.partners.removed", W, Mi, "partners leave a project";
    "financing.added", S, Ma, "a money clause is added";
    "financing.removed", W, Ma, "a money clause is dropped";
    "financing.amount.raised", S, Ma, "more money (strengthens the recipient's position)";
    "financing.amount.lowered", W, Ma, "less money (weakens the recipient's position)";
    "financing.amount.fixed", S, Ma, "a ceiling becomes an exact sum, or an amount is stated";
    "financing.amount.loosened", W, Ma, "an exact sum becomes a ceiling, or the amount is dropped";
    "financing.amount.changed", N, Ma, "the amount changes in a way that cannot be compared (another currency)";
    "financing.payer.changed", N, Ma, "someone else pays";
    "financing.recipient.added", S, Mi, "more recipients";
    "financing.recipient.removed", W, Mi, "fewer recipients";
    "financing.cost_sharing.changed", N, Mi, "the cost-sharing changes";
    "tranche.added", S, Mi, "a yearly tranche is added";
    "tranche.removed", W, Mi, "a yearly tranche is dropped";
    "tranche.amount.raised", S, Mi, "a tranche grows";
    "tranche.amount.lowered", W, Mi, "a tranche shrinks";
    "procedure.added", N, Ma, "a procedure is added";
    "procedure.removed", N, Ma, "a procedure is dropped";
    "step.added", N, Mi, "a procedure step is added";
    "step.removed", N, Mi, "a procedure step is dropped";
    "step.consent.added", S, Ma, "a step needs consent (Einvernehmen) it did not need";
    "step.consent.removed", W, Ma, "a consent requirement is dropped";
    "step.consultation.added", S, Mi, "a step needs consultation (Benehmen) it did not need";
    "step.consultation.removed", W, Mi, "a consultation is dropped";
    "step.order.changed", N, Ma, "the order of steps changes";
    "step.kind.changed", N, Ma, "what a step does changes";
    "step.by.changed", N, Mi, "someone else takes a step";
    "step.commits_money.changed", N, Mi, "whether a step commits money changes";
    "step.under.changed", N, Ma, "the decision rule a step is taken under (`under`) changes";
    "term.added", N, Ma, "a term is agreed";
    "term.removed", N, Ma, "the term clause is dropped";
    "term.dates.changed", N, Ma, "the term's start or end changes";
    "term.notice.longer", S, Mi, "a longer notice period: more stability";
    "term.notice.shorter", W, Mi, "a shorter notice period: less stability";
    "term.form.changed", N, Mi, "the form or manner of termination changes";
    "approval.added", N, E, "an approval is recorded";
    "approval.removed", N, E, "an approval is no longer recorded";
    "approval.changed", N, E, "an approval's date or body changes";
    "signature.added", N, Mi, "a signature is added";
    "signature.removed", N, Mi, "a signature is dropped";
    "signature.changed", N, Mi, "who signs, when or where changes";
    "body.rotation.changed", N, Mi, "the chair rotates differently, or no longer rotates";
    "body.deputy.changed", N, E, "the deputy chair changes";
    "body.casting_vote.added", N, Ma, "the chair's vote decides a tie";
    "body.casting_vote.removed", N, Ma, "the chair's vote no longer decides a tie";
    "body.meets_modality.stronger", S, Mi, "a body must meet where it should (soll → muss)";
    "body.meets_modality.weaker", W, Mi, "a body need only should meet (muss → soll)";
    "body.governed_by.changed", N, Mi, "the act that sets the meeting rhythm changes";
    "body.requests.added", S, Mi, "more parties or groups may call a meeting";
    "body.requests.removed", W, Mi, "fewer parties or groups may call a meeting";
    "decision.added", N, Ma, "a decision rule is added";
    "decision.removed", N, Ma, "a decision rule is dropped";
    "decision.requires.stronger", S, Ma, "a decision needs more agreement: a veto or requirement is added, a threshold raised";
    "decision.requires.weaker", W, Ma, "a decision needs less agreement: a side loses its veto, a threshold falls";
    "decision.requires.changed", N, Ma, "a decision rule changes in a way that is neither stronger nor weaker";
    "decision.quorum.changed", N, Mi, "the quorum of a decision rule changes";
    "seat.votes_on.changed", N, Mi, "the matters a seat votes on change";
    "group.added", N, Mi, "a group of parties is named";
    "group.removed", N, Mi, "a group of parties is no longer named";
    "group.members.changed", N, Ma, "who belongs to a group changes";
    "key.added", N, Ma, "a distribution key is added";
    "key.removed", N, Ma, "a distribution key is dropped";
    "key.figures.changed", N, Ma, "the figures of a key change: who carries how much";
    "key.source.changed", N, E, "the source, year or group of a key changes";
    "share.added", N, Ma, "a payer's share is stated";
    "share.removed", N, Ma, "a payer's share is no longer stated";
    "share.changed", N, Ma, "a payer's share changes";
    "financing.period.changed", N, Ma, "the years or the yearly basis of an amount change";
    "term.in_force.changed", N, Ma, "the conditions for entry into force change";
    "term.lapse.changed", N, Ma, "when the agreement lapses changes";
    "term.withdrawal.changed", N, Ma, "what a party's withdrawal does changes";
    "ratification.added", N, Mi, "a ratification is required or recorded";
    "ratification.removed", N, Mi, "a ratification is no longer required or recorded";
    "ratification.changed", N, Mi, "who ratifies, by when or with whom changes";
    "amendment.added", N, Ma, "an amendment clause is agreed";
    "amendment.removed", N, Ma, "the amendment clause is dropped";
    "amendment.requires.stronger", S, Ma, "amending the agreement needs more agreement";
    "amendment.requires.weaker", W, Ma, "amending the agreement needs less agreement";
    "amendment.changed", N, Ma, "how the agreement is amended changes";
    "institution.added", S, Ma, "an institution is founded";
    "institution.removed", W, Ma, "an institution is dissolved";
    "institution.owners.changed", N, Ma, "who owns an institution, or in what shares, changes";
    "institution.organs.changed", N, Ma, "the organs of an institution change";
    "institution.changed", N, Mi, "the legal form, seat, start, supervision or predecessor of an institution changes";
    "institution.replaces", N, Ma, "an institution takes over (`takes_over`) from an office, body, actor or institution that is dropped: one replacement, not a removal and a foundation";
    "act.added", N, E, "another act is cited";
    "act.removed", N, E, "an act is no longer cited";
    "act.changed", N, E, "a cited act's name, date or kind changes";
    "element.renamed", N, E, "an element keeps its content under another id";
    "note.changed", N, E, "a note changes (no substance, but not silently equal)";
    "assumption.changed", N, E, "what the model assumes beyond its sources changes";
    "sections.renumbered", N, E, "sections are renumbered";
    "share.raised", N, Ma, "a payer pays a larger share";
    "share.lowered", N, Ma, "a payer pays a smaller share";
    "fact.stated", N, E, "a fact the earlier version's sources did not state (`unknown`) is now stated";
    "fact.unknown", N, E, "a fact is now marked as not stated by the sources (`unknown`)";
    "wording.changed", N, E, "the official wording changes";
    "section.changed", N, E, "the element moves in the document";
    "name.changed", N, E, "a name, title or label changes";
    "changed", N, Mi, "any other change";
}

/// The row with this id. Every id the classifier returns is in the table.
pub fn row(id: &str) -> Row {
    TABLE.iter().find(|r| r.id == id).copied().unwrap_or(Row {
        id: "changed",
        effect: N,
        weight: Mi,
        change: "any other change",
    })
}

fn decision_rank(d: &DecisionRule) -> u8 {
    match d {
        DecisionRule::Unspecified => 0,
        DecisionRule::Majority | DecisionRule::Weighted => 1,
        DecisionRule::Qualified { .. } => 2,
        DecisionRule::Consent | DecisionRule::Unanimity => 3,
    }
}

fn up_down(
    old: Option<u64>,
    new: Option<u64>,
    up: &'static str,
    down: &'static str,
    other: &'static str,
) -> &'static str {
    match (old, new) {
        (Some(a), Some(b)) if b > a => up,
        (Some(a), Some(b)) if b < a => down,
        _ => other,
    }
}

fn set_change(
    old: Option<&Field>,
    new: Option<&Field>,
    added: &'static str,
    removed: &'static str,
    other: &'static str,
) -> &'static str {
    let empty = std::collections::BTreeSet::new();
    let a = match old {
        Some(Field::Set(s)) => s,
        _ => &empty,
    };
    let b = match new {
        Some(Field::Set(s)) => s,
        _ => &empty,
    };
    match (b.is_superset(a), a.is_superset(b)) {
        (true, false) => added,
        (false, true) => removed,
        _ => other,
    }
}

fn flag(old: Option<&Field>, new: Option<&Field>, added: &'static str, removed: &'static str) -> &'static str {
    let on = |f: Option<&Field>| matches!(f, Some(Field::Flag(true)));
    if on(new) && !on(old) {
        added
    } else {
        removed
    }
}

/// A requirement written with its number taken out, and the number as a
/// fraction: `qualified 2/3 of members` → (`qualified # of members`, 2/3).
fn shape(text: &str) -> (String, Option<(u64, u64)>) {
    let mut value = None;
    let words: Vec<String> = text
        .split(' ')
        .map(|w| {
            if value.is_none() {
                if let Some((n, d)) = w.split_once('/') {
                    if let (Ok(n), Ok(d)) = (n.parse::<u64>(), d.parse::<u64>()) {
                        value = Some((n, d.max(1)));
                        return "#".to_string();
                    }
                }
                if let Ok(n) = w.parse::<u64>() {
                    value = Some((n, 1));
                    return "#".to_string();
                }
            }
            w.to_string()
        })
        .collect();
    (words.join(" "), value)
}

/// A change of the requirements of a decision rule: more requirements, or
/// the same ones with higher thresholds, need more agreement.
fn requirement_change(
    old: Option<&Field>,
    new: Option<&Field>,
    stronger: &'static str,
    weaker: &'static str,
    other: &'static str,
) -> &'static str {
    let empty = std::collections::BTreeSet::new();
    let a = match old {
        Some(Field::Set(s)) => s,
        _ => &empty,
    };
    let b = match new {
        Some(Field::Set(s)) => s,
        _ => &empty,
    };
    match (b.is_superset(a), a.is_superset(b)) {
        (true, false) => return stronger,
        (false, true) => return weaker,
        _ => {}
    }
    // The same requirements with other numbers: compare each threshold.
    let only_a: Vec<(String, Option<(u64, u64)>)> = a.difference(b).map(|t| shape(t)).collect();
    let only_b: Vec<(String, Option<(u64, u64)>)> = b.difference(a).map(|t| shape(t)).collect();
    if only_a.len() != only_b.len() {
        return other;
    }
    let mut up = false;
    let mut down = false;
    for (sa, va) in &only_a {
        let Some((_, vb)) = only_b.iter().find(|(sb, _)| sb == sa) else { return other };
        match (va, vb) {
            (Some((an, ad)), Some((bn, bd))) => {
                let (l, r) = (u128::from(*bn) * u128::from(*ad), u128::from(*an) * u128::from(*bd));
                up |= l > r;
                down |= l < r;
            }
            _ => return other,
        }
    }
    match (up, down) {
        (true, false) => stronger,
        (false, true) => weaker,
        _ => other,
    }
}

/// The row for a change of `field` of an element of `kind`. `None` for a
/// value means the field is absent on that side.
pub fn classify(kind: &str, field: &str, old: Option<&Field>, new: Option<&Field>) -> Row {
    let id: &'static str = match (kind, field) {
        (_, "wording" | "wordings") => "wording.changed",
        (_, "notes") => "note.changed",
        (_, "assumptions" | "unknown") => "assumption.changed",
        (_, "section") => "section.changed",
        (_, "name" | "label" | "text") => "name.changed",
        ("agreement", "title") => "agreement.title.changed",
        ("agreement", "date") => "agreement.date.changed",
        ("agreement", "place") => "agreement.place.changed",
        ("agreement", "land") => "agreement.land.changed",
        ("agreement", "kind") => "agreement.kind.changed",
        ("agreement", "supersedes") => "agreement.supersedes.changed",
        ("agreement", "renews") => "agreement.renews.changed",
        ("party", "side") => "party.side.changed",
        ("party", "represented_by" | "kind") => "party.represented_by.changed",
        ("office", "of") => "office.of.changed",
        ("office", "holder") => "office.holder.changed",
        ("body", "parity") => flag(old, new, "body.parity.added", "body.parity.removed"),
        ("body", "seats") => "body.seats.changed",
        ("body", "chair") => "body.chair.changed",
        ("body", "meets") => match (old, new) {
            (None, Some(_)) => "body.meeting.added",
            (Some(_), None) => "body.meeting.removed",
            (Some(Field::Frequency(a)), Some(Field::Frequency(b))) => up_down(
                a.per_year(),
                b.per_year(),
                "body.meeting.raised",
                "body.meeting.lowered",
                "body.meeting.changed",
            ),
            _ => "body.meeting.changed",
        },
        ("body", "on_request_of") => match (old, new) {
            (None, Some(_)) => "body.on_request_of.added",
            (Some(_), None) => "body.on_request_of.removed",
            (Some(Field::Number(a)), Some(Field::Number(b))) => up_down(
                Some(*a),
                Some(*b),
                "body.on_request_of.raised",
                "body.on_request_of.lowered",
                "body.quorum.changed",
            ),
            _ => "body.quorum.changed",
        },
        ("body", "quorum") => "body.quorum.changed",
        ("body", "decides") => {
            let rank = |f: Option<&Field>| match f {
                Some(Field::Decision(d)) => decision_rank(d),
                _ => 0,
            };
            match rank(new).cmp(&rank(old)) {
                std::cmp::Ordering::Greater => "body.decides.stronger",
                std::cmp::Ordering::Less => "body.decides.weaker",
                std::cmp::Ordering::Equal => "body.decides.changed",
            }
        }
        ("body", "binding") => {
            set_change(old, new, "body.binding.added", "body.binding.removed", "body.binding.removed")
        }
        ("body", "recommendation_to") => "body.recommendation_to.changed",
        ("body", "reports_to") => "body.reports_to.changed",
        ("body", "formed_by") => "body.formed_by.changed",
        ("body", "legal_basis" | "kind") => "body.legal_basis.changed",
        ("body", "rotation") => "body.rotation.changed",
        ("body", "deputy") => "body.deputy.changed",
        ("body", "casting_vote") => flag(old, new, "body.casting_vote.added", "body.casting_vote.removed"),
        ("body", "meets_modality") => match (old, new) {
            // Unstated reads as `must`.
            (Some(Field::Modality(a)), None) if a.strength() < 4 => "body.meets_modality.stronger",
            (None, Some(Field::Modality(b))) if b.strength() < 4 => "body.meets_modality.weaker",
            (Some(Field::Modality(a)), Some(Field::Modality(b))) if b.strength() > a.strength() => {
                "body.meets_modality.stronger"
            }
            (Some(Field::Modality(a)), Some(Field::Modality(b))) if b.strength() < a.strength() => {
                "body.meets_modality.weaker"
            }
            _ => "body.meeting.changed",
        },
        ("body", "governed_by") => "body.governed_by.changed",
        ("body", "requests") => {
            set_change(old, new, "body.requests.added", "body.requests.removed", "body.requests.removed")
        }
        ("body" | "decision", "quorum_share") => "body.quorum.changed",
        ("decision", "requires") => requirement_change(
            old,
            new,
            "decision.requires.stronger",
            "decision.requires.weaker",
            "decision.requires.changed",
        ),
        ("decision", "quorum") => "decision.quorum.changed",
        ("seat", "each") => "seat.holder.changed",
        ("seat", "variable") => "seat.count.changed",
        ("seat", "votes_on") => "seat.votes_on.changed",
        ("group", _) => "group.members.changed",
        ("key", "figures") => "key.figures.changed",
        ("key", _) => "key.source.changed",
        ("share", "share") => match (old, new) {
            (Some(Field::Text(a)), Some(Field::Text(b))) => {
                let pct = |t: &str| t.strip_suffix(" %").and_then(|n| crate::values::Decimal::parse(n).ok());
                match (pct(a), pct(b)) {
                    (Some(x), Some(y)) if y > x => "share.raised",
                    (Some(x), Some(y)) if y < x => "share.lowered",
                    _ => "share.changed",
                }
            }
            _ => "share.changed",
        },
        ("share", _) => "share.changed",
        ("financing", "per_year" | "years") => "financing.period.changed",
        ("term", "in_force") => "term.in_force.changed",
        ("term", "lapses") => "term.lapse.changed",
        ("term", "withdrawal" | "effective_when") => "term.withdrawal.changed",
        ("term", "notice_to_end_of") => "term.form.changed",
        ("ratification", _) => "ratification.changed",
        ("amendment", "requires") => requirement_change(
            old,
            new,
            "amendment.requires.stronger",
            "amendment.requires.weaker",
            "amendment.changed",
        ),
        ("amendment", _) => "amendment.changed",
        ("institution", "owners") => "institution.owners.changed",
        ("institution", "organs") => "institution.organs.changed",
        ("institution", _) => "institution.changed",
        ("act", _) => "act.changed",
        ("seat", "party" | "office" | "side") => "seat.holder.changed",
        ("seat", "count") => "seat.count.changed",
        ("seat", "voting") => flag(old, new, "seat.voting.added", "seat.voting.removed"),
        ("obligation", "modality") => match (old, new) {
            (Some(Field::Modality(a)), Some(Field::Modality(b))) if b.strength() > a.strength() => {
                "obligation.modality.stronger"
            }
            (Some(Field::Modality(_)), Some(Field::Modality(_))) => "obligation.modality.weaker",
            (None, Some(_)) => "obligation.modality.stronger",
            _ => "obligation.modality.weaker",
        },
        ("obligation", "action") => "obligation.action.changed",
        ("obligation", "bearer") => "obligation.bearer.changed",
        ("obligation", "beneficiary") => set_change(
            old,
            new,
            "obligation.beneficiary.added",
            "obligation.beneficiary.removed",
            "obligation.bearer.changed",
        ),
        ("obligation" | "financing" | "service", "budget_reservation") => {
            flag(old, new, "obligation.budget_reservation.added", "obligation.budget_reservation.removed")
        }
        ("obligation" | "financing" | "service" | "project", "conditions") => set_change(
            old,
            new,
            "obligation.conditions.added",
            "obligation.conditions.removed",
            "obligation.conditions.added",
        ),
        ("obligation" | "service" | "project", "free_of_charge") => {
            flag(old, new, "obligation.free_of_charge.added", "obligation.free_of_charge.removed")
        }
        ("obligation" | "service" | "project", "costly") => "obligation.costly.changed",
        ("obligation", "frequency") => match (old, new) {
            (None, Some(_)) => "obligation.frequency.raised",
            (Some(_), None) => "obligation.frequency.lowered",
            (Some(Field::Frequency(a)), Some(Field::Frequency(b))) => up_down(
                a.per_year(),
                b.per_year(),
                "obligation.frequency.raised",
                "obligation.frequency.lowered",
                "obligation.frequency.lowered",
            ),
            _ => "obligation.frequency.lowered",
        },
        ("obligation", "deadline") => match (old, new) {
            (None, Some(_)) => "obligation.deadline.earlier",
            (Some(Field::Date(a)), Some(Field::Date(b))) if b < a => "obligation.deadline.earlier",
            _ => "obligation.deadline.later",
        },
        ("service", "provider") => "service.provider.changed",
        ("service", "chosen_by") => "service.chosen_by.changed",
        ("service", "beneficiary") => set_change(
            old,
            new,
            "obligation.beneficiary.added",
            "obligation.beneficiary.removed",
            "service.provider.changed",
        ),
        ("project", "partners") => {
            set_change(old, new, "project.partners.added", "project.partners.removed", "project.partners.removed")
        }
        ("financing", "amount") => match (old, new) {
            (None, Some(_)) => "financing.amount.fixed",
            (Some(_), None) => "financing.amount.loosened",
            (Some(Field::Amount { bound: ab, money: am }), Some(Field::Amount { bound: bb, money: bm })) => {
                if am.currency != bm.currency {
                    "financing.amount.changed"
                } else if bm.minor > am.minor {
                    "financing.amount.raised"
                } else if bm.minor < am.minor {
                    "financing.amount.lowered"
                } else if *ab == Bound::UpTo && *bb == Bound::Exactly {
                    "financing.amount.fixed"
                } else {
                    "financing.amount.loosened"
                }
            }
            _ => "financing.amount.changed",
        },
        ("financing", "payer") => "financing.payer.changed",
        ("financing", "recipient") => {
            set_change(old, new, "financing.recipient.added", "financing.recipient.removed", "financing.payer.changed")
        }
        ("financing", "cost_sharing" | "legal_basis" | "kind") => "financing.cost_sharing.changed",
        ("tranche", "amount") => match (old, new) {
            (Some(Field::Amount { money: a, .. }), Some(Field::Amount { money: b, .. })) if b.minor > a.minor => {
                "tranche.amount.raised"
            }
            _ => "tranche.amount.lowered",
        },
        ("step", "consent_of") => {
            set_change(old, new, "step.consent.added", "step.consent.removed", "step.consent.removed")
        }
        ("step", "consultation_of") => {
            set_change(old, new, "step.consultation.added", "step.consultation.removed", "step.consultation.removed")
        }
        ("step", "after") => "step.order.changed",
        ("step", "kind") => "step.kind.changed",
        ("step", "by") => "step.by.changed",
        ("step", "commits_money") => "step.commits_money.changed",
        ("step", "under") => "step.under.changed",
        ("term", "from" | "until" | "until_revoked") => "term.dates.changed",
        ("term", "notice") => match (old, new) {
            (Some(Field::Number(a)), Some(Field::Number(b))) if b > a => "term.notice.longer",
            (None, Some(_)) => "term.notice.longer",
            _ => "term.notice.shorter",
        },
        ("term", _) => "term.form.changed",
        ("approval", _) => "approval.changed",
        ("signature", _) => "signature.changed",
        _ => "changed",
    };
    row(id)
}

/// The row for an element that is added or removed.
pub fn presence(kind: &str, added: bool, consent_step: bool) -> Row {
    let id = match (kind, added) {
        ("step", true) if consent_step => "step.consent.added",
        ("step", false) if consent_step => "step.consent.removed",
        _ => {
            let wanted = format!("{kind}.{}", if added { "added" } else { "removed" });
            return TABLE.iter().find(|r| r.id == wanted).copied().unwrap_or_else(|| row("changed"));
        }
    };
    row(id)
}

/// The table as Markdown, for `docs/diff.md`.
pub fn markdown_table() -> String {
    let mut out = String::from("| Rule | Change | Effect | Weight |\n|---|---|---|---|\n");
    for r in TABLE {
        out.push_str(&format!("| `{}` | {} | {} | {} |\n", r.id, r.change, r.effect.name(), r.weight.name()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Frequency, Modality, Period, Side};
    use crate::values::{Date, Money};
    use std::collections::BTreeSet;

    fn t(s: &str) -> Field {
        Field::Text(s.to_string())
    }
    fn set(items: &[&str]) -> Field {
        Field::Set(items.iter().map(|s| s.to_string()).collect::<BTreeSet<_>>())
    }
    fn eur(bound: Bound, million: i64) -> Field {
        Field::Amount { bound, money: Box::new(Money::from_minor("EUR", million * 100_000_000)) }
    }
    fn freq(times: u32, per: Period) -> Field {
        Field::Frequency(Frequency::AtLeast { times, per, every: 1 })
    }
    fn date(y: i32, m: u8, d: u8) -> Field {
        Field::Date(Date::new(y, m, d).unwrap_or(Date { year: y, month: 1, day: 1 }))
    }
    const ON: Option<Field> = Some(Field::Flag(true));

    /// (expected row, element kind, field, old, new).
    type Example = (&'static str, &'static str, &'static str, Option<Field>, Option<Field>);

    /// One example per row. `field` "+" / "-" means the element itself is
    /// added / removed, and "+consent" / "-consent" a consent step.
    fn examples() -> Vec<Example> {
        use crate::model::DecisionRule as D;
        vec![
            ("agreement.title.changed", "agreement", "title", Some(t("A")), Some(t("B"))),
            ("agreement.date.changed", "agreement", "date", Some(date(2006, 1, 9)), Some(date(2014, 7, 16))),
            ("agreement.place.changed", "agreement", "place", None, Some(t("Magdeburg"))),
            ("agreement.land.changed", "agreement", "land", Some(t("A")), Some(t("B"))),
            ("agreement.kind.changed", "agreement", "kind", Some(t("a")), Some(t("b"))),
            ("agreement.supersedes.changed", "agreement", "supersedes", None, Some(t("x.pakt"))),
            ("agreement.renews.changed", "agreement", "renews", None, Some(t("2004-05-17 x"))),
            ("goal.added", "goal", "+", None, None),
            ("goal.removed", "goal", "-", None, None),
            ("party.added", "party", "+", None, None),
            ("party.removed", "party", "-", None, None),
            ("party.side.changed", "party", "side", Some(Field::Side(Side::State)), Some(Field::Side(Side::Municipal))),
            ("party.represented_by.changed", "party", "represented_by", None, Some(t("x"))),
            ("office.added", "office", "+", None, None),
            ("office.removed", "office", "-", None, None),
            ("office.of.changed", "office", "of", Some(t("a")), Some(t("b"))),
            ("office.holder.changed", "office", "holder", Some(t("a")), Some(t("b"))),
            ("actor.added", "actor", "+", None, None),
            ("actor.removed", "actor", "-", None, None),
            ("body.added", "body", "+", None, None),
            ("body.removed", "body", "-", None, None),
            ("body.parity.added", "body", "parity", None, ON),
            ("body.parity.removed", "body", "parity", ON, None),
            ("body.seats.changed", "body", "seats", Some(Field::Number(8)), Some(Field::Number(6))),
            ("body.chair.changed", "body", "chair", Some(t("cio")), Some(t("sts"))),
            ("body.meeting.added", "body", "meets", None, Some(freq(2, Period::Year))),
            ("body.meeting.removed", "body", "meets", Some(freq(2, Period::Year)), None),
            ("body.meeting.raised", "body", "meets", Some(freq(2, Period::Year)), Some(freq(1, Period::Quarter))),
            ("body.meeting.lowered", "body", "meets", Some(freq(4, Period::Year)), Some(freq(1, Period::Year))),
            (
                "body.meeting.changed",
                "body",
                "meets",
                Some(Field::Frequency(Frequency::Regularly)),
                Some(freq(2, Period::Year)),
            ),
            ("body.on_request_of.added", "body", "on_request_of", None, Some(Field::Number(2))),
            ("body.on_request_of.removed", "body", "on_request_of", Some(Field::Number(2)), None),
            ("body.on_request_of.lowered", "body", "on_request_of", Some(Field::Number(3)), Some(Field::Number(2))),
            ("body.on_request_of.raised", "body", "on_request_of", Some(Field::Number(2)), Some(Field::Number(3))),
            ("body.quorum.changed", "body", "quorum", Some(Field::Number(5)), Some(Field::Number(6))),
            (
                "body.decides.stronger",
                "body",
                "decides",
                Some(Field::Decision(D::Majority)),
                Some(Field::Decision(D::Consent)),
            ),
            (
                "body.decides.weaker",
                "body",
                "decides",
                Some(Field::Decision(D::Unanimity)),
                Some(Field::Decision(D::Majority)),
            ),
            (
                "body.decides.changed",
                "body",
                "decides",
                Some(Field::Decision(D::Consent)),
                Some(Field::Decision(D::Unanimity)),
            ),
            ("body.binding.added", "body", "binding", Some(set(&["land"])), Some(set(&["land", "gstb"]))),
            ("body.binding.removed", "body", "binding", Some(set(&["land", "gstb"])), Some(set(&["land"]))),
            ("body.recommendation_to.changed", "body", "recommendation_to", None, Some(set(&["x"]))),
            ("body.reports_to.changed", "body", "reports_to", Some(t("a")), Some(t("b"))),
            ("body.formed_by.changed", "body", "formed_by", None, Some(t("beirat"))),
            ("body.legal_basis.changed", "body", "legal_basis", None, Some(t("§ 27 ThürEGovG"))),
            ("seat.added", "seat", "+", None, None),
            ("seat.removed", "seat", "-", None, None),
            ("seat.holder.changed", "seat", "party", Some(t("land")), Some(t("gstb"))),
            ("seat.count.changed", "seat", "count", Some(Field::Number(4)), Some(Field::Number(3))),
            ("seat.voting.added", "seat", "voting", None, ON),
            ("seat.voting.removed", "seat", "voting", ON, None),
            ("obligation.added", "obligation", "+", None, None),
            ("obligation.removed", "obligation", "-", None, None),
            (
                "obligation.modality.stronger",
                "obligation",
                "modality",
                Some(Field::Modality(Modality::Shall)),
                Some(Field::Modality(Modality::Must)),
            ),
            // muss → soll weakens an obligation.
            (
                "obligation.modality.weaker",
                "obligation",
                "modality",
                Some(Field::Modality(Modality::Must)),
                Some(Field::Modality(Modality::Shall)),
            ),
            ("obligation.action.changed", "obligation", "action", Some(t("a")), Some(t("b"))),
            ("obligation.bearer.changed", "obligation", "bearer", Some(set(&["land"])), Some(set(&["gstb"]))),
            ("obligation.beneficiary.added", "obligation", "beneficiary", None, Some(set(&["kommunen"]))),
            ("obligation.beneficiary.removed", "obligation", "beneficiary", Some(set(&["kommunen"])), None),
            ("obligation.budget_reservation.added", "obligation", "budget_reservation", None, ON),
            ("obligation.budget_reservation.removed", "financing", "budget_reservation", ON, None),
            ("obligation.conditions.added", "obligation", "conditions", None, Some(set(&["x"]))),
            ("obligation.conditions.removed", "obligation", "conditions", Some(set(&["x"])), None),
            ("obligation.free_of_charge.added", "service", "free_of_charge", None, ON),
            ("obligation.free_of_charge.removed", "obligation", "free_of_charge", ON, None),
            ("obligation.costly.changed", "obligation", "costly", None, ON),
            (
                "obligation.frequency.raised",
                "obligation",
                "frequency",
                Some(freq(1, Period::Year)),
                Some(freq(2, Period::Year)),
            ),
            ("obligation.frequency.lowered", "obligation", "frequency", Some(freq(2, Period::Year)), None),
            ("obligation.deadline.earlier", "obligation", "deadline", Some(date(2020, 1, 1)), Some(date(2019, 1, 1))),
            ("obligation.deadline.later", "obligation", "deadline", Some(date(2019, 1, 1)), Some(date(2020, 1, 1))),
            ("service.added", "service", "+", None, None),
            ("service.removed", "service", "-", None, None),
            ("service.provider.changed", "service", "provider", Some(t("land")), Some(t("tlrz"))),
            ("service.chosen_by.changed", "service", "chosen_by", None, Some(t("beirat"))),
            ("project.added", "project", "+", None, None),
            ("project.removed", "project", "-", None, None),
            ("project.partners.added", "project", "partners", Some(set(&["a"])), Some(set(&["a", "b"]))),
            ("project.partners.removed", "project", "partners", Some(set(&["a", "b"])), Some(set(&["a"]))),
            ("financing.added", "financing", "+", None, None),
            ("financing.removed", "financing", "-", None, None),
            // A raised ceiling strengthens the recipient's position.
            ("financing.amount.raised", "financing", "amount", Some(eur(Bound::UpTo, 80)), Some(eur(Bound::UpTo, 100))),
            ("financing.amount.lowered", "financing", "amount", Some(eur(Bound::UpTo, 80)), Some(eur(Bound::UpTo, 60))),
            (
                "financing.amount.fixed",
                "financing",
                "amount",
                Some(eur(Bound::UpTo, 80)),
                Some(eur(Bound::Exactly, 80)),
            ),
            (
                "financing.amount.loosened",
                "financing",
                "amount",
                Some(eur(Bound::Exactly, 80)),
                Some(eur(Bound::UpTo, 80)),
            ),
            (
                "financing.amount.changed",
                "financing",
                "amount",
                Some(eur(Bound::UpTo, 80)),
                Some(Field::Amount { bound: Bound::UpTo, money: Box::new(Money::from_minor("CHF", 8_000_000_000)) }),
            ),
            ("financing.payer.changed", "financing", "payer", Some(set(&["land"])), Some(set(&["all"]))),
            ("financing.recipient.added", "financing", "recipient", Some(set(&["a"])), Some(set(&["a", "b"]))),
            ("financing.recipient.removed", "financing", "recipient", Some(set(&["a", "b"])), Some(set(&["a"]))),
            ("financing.cost_sharing.changed", "financing", "cost_sharing", None, Some(t("hälftig"))),
            ("tranche.added", "tranche", "+", None, None),
            ("tranche.removed", "tranche", "-", None, None),
            ("tranche.amount.raised", "tranche", "amount", Some(eur(Bound::UpTo, 20)), Some(eur(Bound::UpTo, 30))),
            ("tranche.amount.lowered", "tranche", "amount", Some(eur(Bound::UpTo, 20)), Some(eur(Bound::UpTo, 10))),
            ("procedure.added", "procedure", "+", None, None),
            ("procedure.removed", "procedure", "-", None, None),
            ("step.added", "step", "+", None, None),
            ("step.removed", "step", "-", None, None),
            ("step.consent.added", "step", "+consent", None, None),
            // A dropped consent requirement weakens the parties' protection.
            ("step.consent.removed", "step", "consent_of", Some(set(&["land", "gstb"])), Some(set(&["land"]))),
            ("step.consultation.added", "step", "consultation_of", None, Some(set(&["gstb"]))),
            ("step.consultation.removed", "step", "consultation_of", Some(set(&["gstb"])), None),
            ("step.order.changed", "step", "after", Some(set(&["p.a"])), Some(set(&["p.b"]))),
            ("step.kind.changed", "step", "kind", Some(t("decide")), Some(t("propose"))),
            ("step.by.changed", "step", "by", Some(t("a")), Some(t("b"))),
            ("step.commits_money.changed", "step", "commits_money", None, ON),
            ("step.under.changed", "step", "under", Some(t("beirat.einfach")), Some(t("beirat.qualifiziert"))),
            ("term.added", "term", "+", None, None),
            ("term.removed", "term", "-", None, None),
            ("term.dates.changed", "term", "until", Some(date(2022, 12, 31)), Some(date(2024, 12, 31))),
            ("term.notice.longer", "term", "notice", Some(Field::Number(3)), Some(Field::Number(6))),
            ("term.notice.shorter", "term", "notice", Some(Field::Number(6)), Some(Field::Number(3))),
            ("term.form.changed", "term", "in_writing", None, ON),
            ("approval.added", "approval", "+", None, None),
            ("approval.removed", "approval", "-", None, None),
            ("approval.changed", "approval", "date", Some(date(2014, 2, 18)), Some(date(2014, 3, 4))),
            ("signature.added", "signature", "+", None, None),
            ("signature.removed", "signature", "-", None, None),
            ("signature.changed", "signature", "signatory", None, Some(t("Michael Richter"))),
            ("wording.changed", "obligation", "wording", Some(t("a")), Some(t("b"))),
            ("section.changed", "body", "section", Some(t("II.")), Some(t("III."))),
            ("name.changed", "body", "name", Some(t("AG")), Some(t("Gremium"))),
            ("changed", "goal", "other", Some(t("a")), Some(t("b"))),
            ("body.rotation.changed", "body", "rotation", None, Some(t("rotating among bund, laender"))),
            ("body.deputy.changed", "body", "deputy", None, Some(t("sts"))),
            ("body.casting_vote.added", "body", "casting_vote", None, ON),
            ("body.casting_vote.removed", "body", "casting_vote", ON, None),
            (
                "body.meets_modality.stronger",
                "body",
                "meets_modality",
                Some(Field::Modality(Modality::Shall)),
                Some(Field::Modality(Modality::Must)),
            ),
            ("body.meets_modality.weaker", "body", "meets_modality", None, Some(Field::Modality(Modality::Shall))),
            ("body.governed_by.changed", "body", "governed_by", None, Some(t("Geschäftsordnung"))),
            ("body.requests.added", "body", "requests", Some(set(&["bund"])), Some(set(&["bund", "3 of laender"]))),
            ("body.requests.removed", "body", "requests", Some(set(&["bund"])), None),
            ("decision.added", "decision", "+", None, None),
            ("decision.removed", "decision", "-", None, None),
            (
                "decision.requires.stronger",
                "decision",
                "requires",
                Some(set(&["majority of members"])),
                Some(set(&["majority of members", "veto bund"])),
            ),
            (
                "decision.requires.weaker",
                "decision",
                "requires",
                Some(set(&["qualified 2/3 of members", "veto bund"])),
                Some(set(&["qualified 1/2 of members", "veto bund"])),
            ),
            (
                "decision.requires.changed",
                "decision",
                "requires",
                Some(set(&["veto bund"])),
                Some(set(&["at_least 3 of laender"])),
            ),
            ("decision.quorum.changed", "decision", "quorum", Some(Field::Number(5)), Some(Field::Number(4))),
            ("seat.votes_on.changed", "seat", "votes_on", None, Some(t("Angelegenheiten des Ressorts"))),
            ("group.added", "group", "+", None, None),
            ("group.removed", "group", "-", None, None),
            ("group.members.changed", "group", "members", Some(set(&["a"])), Some(set(&["a", "b"]))),
            ("key.added", "key", "+", None, None),
            ("key.removed", "key", "-", None, None),
            ("key.figures.changed", "key", "figures", Some(set(&["a 50 %"])), Some(set(&["a 51 %"]))),
            ("key.source.changed", "key", "source", None, Some(t("BAnz"))),
            ("share.added", "share", "+", None, None),
            ("share.removed", "share", "-", None, None),
            ("share.changed", "share", "share", Some(t("25 %")), Some(t("by koenigstein"))),
            ("financing.period.changed", "financing", "years", None, Some(t("2020 to 2022"))),
            ("term.in_force.changed", "term", "in_force", None, Some(t("13 ratifications"))),
            ("term.lapse.changed", "term", "lapses", None, Some(Field::Number(10))),
            ("term.withdrawal.changed", "term", "withdrawal", None, Some(t("continues for the others"))),
            ("ratification.added", "ratification", "+", None, None),
            ("ratification.removed", "ratification", "-", None, None),
            ("ratification.changed", "ratification", "deadline", None, Some(date(2010, 3, 31))),
            ("amendment.added", "amendment", "+", None, None),
            ("amendment.removed", "amendment", "-", None, None),
            ("amendment.requires.stronger", "amendment", "requires", None, Some(set(&["unanimity"]))),
            ("amendment.requires.weaker", "amendment", "requires", Some(set(&["unanimity"])), None),
            ("amendment.changed", "amendment", "in_writing", None, ON),
            ("institution.added", "institution", "+", None, None),
            ("institution.removed", "institution", "-", None, None),
            (
                "institution.owners.changed",
                "institution",
                "owners",
                Some(set(&["bund 50 %"])),
                Some(set(&["bund 40 %"])),
            ),
            ("institution.organs.changed", "institution", "organs", None, Some(set(&["verwaltungsrat"]))),
            ("institution.changed", "institution", "located_in", None, Some(t("Frankfurt am Main"))),
            ("act.added", "act", "+", None, None),
            ("act.removed", "act", "-", None, None),
            ("act.changed", "act", "date", None, Some(date(2019, 1, 1))),
            ("note.changed", "goal", "notes", None, Some(set(&["a note"]))),
            ("assumption.changed", "goal", "assumptions", None, Some(set(&["assumed"]))),
            ("share.raised", "share", "share", Some(t("25 %")), Some(t("30 %"))),
            ("share.lowered", "share", "share", Some(t("30 %")), Some(t("25.5 %"))),
        ]
    }

    #[test]
    fn every_row_has_an_example_that_yields_it() {
        let examples = examples();
        // Rows decided by matching, not by a field: continued bodies, and
        // facts that were or become `unknown` (tested in tests/diff.rs).
        // Replacements link a removal and a foundation (tests/diff_v2.rs).
        let by_matching = [
            "body.continued",
            "fact.stated",
            "fact.unknown",
            "element.renamed",
            "sections.renumbered",
            "institution.replaces",
        ];
        for row in TABLE.iter().filter(|r| !by_matching.contains(&r.id)) {
            assert!(examples.iter().any(|e| e.0 == row.id), "row `{}` has no example", row.id);
        }
        for (expected, kind, field, old, new) in examples {
            let got = match field {
                "+" => presence(kind, true, false),
                "-" => presence(kind, false, false),
                "+consent" => presence(kind, true, true),
                "-consent" => presence(kind, false, true),
                _ => classify(kind, field, old.as_ref(), new.as_ref()),
            };
            assert_eq!(got.id, expected, "{kind}.{field}: {old:?} → {new:?}");
        }
        // `body.continued` is decided by matching, not by a field.
        assert_eq!(row("body.continued").id, "body.continued");
    }

    #[test]
    fn muss_to_soll_weakens_and_a_raised_ceiling_strengthens() {
        let weaker = classify(
            "obligation",
            "modality",
            Some(&Field::Modality(Modality::Must)),
            Some(&Field::Modality(Modality::Shall)),
        );
        assert_eq!((weaker.effect, weaker.weight), (Effect::Weakening, Weight::Major));
        let raised = classify("financing", "amount", Some(&eur(Bound::UpTo, 80)), Some(&eur(Bound::UpTo, 90)));
        assert_eq!((raised.effect, raised.id), (Effect::Strengthening, "financing.amount.raised"));
        assert!(raised.change.contains("recipient"));
        let dropped = classify("obligation", "budget_reservation", ON.as_ref(), None);
        assert_eq!(dropped.effect, Effect::Strengthening);
    }

    #[test]
    fn row_ids_are_unique() {
        let ids: BTreeSet<&str> = TABLE.iter().map(|r| r.id).collect();
        assert_eq!(ids.len(), TABLE.len());
    }
}
