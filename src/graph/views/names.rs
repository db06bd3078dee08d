//! Names people read for the elements a view draws: a party's name, a
//! side's word, a decision rule in words.
//!
//! In: the resolved model and references into it. Out: strings.

use crate::model::*;

/// The word for a side as the agreements use it.
pub fn side_word(side: Option<Side>) -> &'static str {
    match side {
        Some(Side::Federal) => "Bund",
        Some(Side::State) => "Land",
        Some(Side::Municipal) => "Kommunen",
        None => "other",
    }
}

/// The display name of what a reference points at.
pub fn name(model: &Model, target: Target) -> String {
    let named = match target {
        Target::AllParties => Some("all parties".to_string()),
        Target::Party(i) => model.parties.get(i.index()).map(|x| x.name.value.clone()),
        Target::Office(i) => model.offices.get(i.index()).map(|x| x.name.value.clone()),
        Target::Actor(i) => model.actors.get(i.index()).map(|x| x.name.value.clone()),
        Target::Body(i) => model.bodies.get(i.index()).map(|x| x.name.value.clone()),
        Target::Group(i) => model.groups.get(i.index()).map(|x| x.name.value.clone()),
        Target::Key(i) => model.keys.get(i.index()).map(|x| x.name.value.clone()),
        Target::Institution(i) => model.institutions.get(i.index()).map(|x| x.name.value.clone()),
        Target::Financing(i) => model.financings.get(i.index()).map(|x| x.name.value.clone()),
        Target::Procedure(i) => model.procedures.get(i.index()).map(|x| x.name.value.clone()),
        Target::Seat(s) => model.seat(s).map(seat_label),
        Target::Step(s) => model.step(s).map(|st| st.label.as_ref().map_or(st.id.value.clone(), |l| l.value.clone())),
        Target::Decision(d) => {
            model.decision(d).map(|x| x.label.as_ref().map_or(x.id.value.clone(), |l| l.value.clone()))
        }
        _ => None,
    };
    named.unwrap_or_else(|| model.target_id(target))
}

/// A seat as people read it: its label, else its id.
pub fn seat_label(seat: &Seat<Ref>) -> String {
    seat.label.as_ref().map_or_else(|| seat.id.value.clone(), |l| l.value.clone())
}

/// The names of several references, joined by commas.
pub fn names(model: &Model, refs: &[Ref]) -> String {
    refs.iter().map(|r| name(model, r.target)).collect::<Vec<_>>().join(", ")
}

fn base_words(base: Option<Base>) -> &'static str {
    match base {
        Some(Base::Members) | None => "",
        Some(Base::Present) => " of those present",
        Some(Base::Voting) => " of the voting members",
    }
}

/// One requirement of a decision rule in words.
pub fn requirement(model: &Model, r: &Requirement<Ref>) -> String {
    match r {
        Requirement::Consent => "consent of every member".into(),
        Requirement::Unanimity { base } => format!("unanimity{}", base_words(*base)),
        Requirement::Majority { base } => format!("majority{}", base_words(*base)),
        Requirement::Qualified { fraction, base } => format!("{fraction} majority{}", base_words(*base)),
        Requirement::Veto { who } => format!("{} can veto", name(model, who.target)),
        Requirement::AtLeast { count, of } => format!("at least {count} of {}", name(model, of.target)),
        Requirement::Weighted { key, fraction, of } => format!(
            "{}{fraction} by {}",
            of.as_ref().map(|o| format!("{} holding ", name(model, o.target))).unwrap_or_default(),
            name(model, key.target)
        ),
    }
}

/// A decision rule (all clauses, each any of its requirements) in words.
pub fn decision(model: &Model, d: &Decision<Ref>) -> String {
    let mut parts: Vec<String> = d
        .requires
        .iter()
        .map(|c| c.any_of.iter().map(|r| requirement(model, &r.value)).collect::<Vec<_>>().join(" or "))
        .collect();
    if let Some(q) = &d.quorum {
        parts.push(format!("quorum {}", q.value));
    }
    if let Some(q) = &d.quorum_share {
        parts.push(format!("quorum {}{}", q.value.fraction, base_words(q.value.base)));
    }
    if parts.is_empty() {
        "rule not stated".into()
    } else {
        parts.join("; ")
    }
}

/// The body-wide rule (`decides majority`) in words.
pub fn rule(r: &DecisionRule) -> String {
    match r {
        DecisionRule::Unspecified => "(the agreement does not say how)".into(),
        DecisionRule::Consent => "by consent (each member can veto)".into(),
        DecisionRule::Unanimity => "unanimously".into(),
        DecisionRule::Majority => "by majority".into(),
        DecisionRule::Qualified { numerator, denominator } => format!("by {numerator}/{denominator} majority"),
        DecisionRule::Weighted => "by weighted vote".into(),
    }
}

/// An amount with its bound and period: "up to EUR 80 million per year".
pub fn amount(a: &Amount) -> String {
    let bound = match a.bound {
        Bound::UpTo => "up to ",
        Bound::Exactly => "",
        Bound::About => "about ",
    };
    let mut s = format!("{bound}{}", a.money);
    if a.per_year {
        s.push_str(" per year");
    }
    if let Some(y) = &a.years {
        s.push_str(&format!(" for {}–{}", y.value.0, y.value.1));
    }
    s
}
