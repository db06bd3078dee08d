//! The German sentences pakt writes for elements that carry no `wording`
//! (a new draft): one function per construct.
//!
//! In: one element of the model (and the names it refers to, already
//! looked up). Out: one or more German sentences, ending with a full stop.

use super::german::{
    accusative, capitalise, date, dative, members, members_dative, modal, money, nominative, number, short_name, times,
    who, Case,
};
use crate::model::{Bound, DecisionRule, Frequency, Meeting, Modality, Period, Ref, StepKind, Term};

fn period(p: Period) -> &'static str {
    match p {
        Period::Year => "jährlich",
        Period::Quarter => "vierteljährlich",
        Period::Month => "monatlich",
    }
}

/// "alle zwei Jahre" for a period of several years, else "jährlich".
fn every(per: Period, n: u32) -> String {
    match (per, n) {
        (_, 1) => period(per).to_string(),
        (Period::Year, n) => format!("in {} Jahren", number(n)),
        (Period::Quarter, n) => format!("in {} Quartalen", number(n)),
        (Period::Month, n) => format!("in {} Monaten", number(n)),
    }
}

/// "mindestens zweimal jährlich" / "regelmäßig" / "in der Regel dreimal jährlich".
pub fn frequency(f: &Frequency) -> String {
    match f {
        Frequency::Regularly => "regelmäßig".to_string(),
        Frequency::AtLeast { times: n, per, every: e } => format!("mindestens {} {}", times(*n), every(*per, *e)),
        Frequency::AsARule { times: n, per, every: e } => format!("in der Regel {} {}", times(*n), every(*per, *e)),
        Frequency::GovernedElsewhere => "nach Maßgabe seiner Geschäftsordnung".to_string(),
    }
}

/// "Der Beirat tagt mindestens zweimal jährlich oder auf Wunsch von mindestens zwei Mitgliedern."
pub fn meeting(body: &str, m: &Meeting<Ref>) -> String {
    let shall = m.modality.as_ref().is_some_and(|md| md.value == Modality::Shall);
    let verb = if shall { "soll" } else { "tagt" };
    let mut s = format!("{} {verb} {}", capitalise(&nominative(short_name(body))), frequency(&m.frequency.value));
    if let Some(n) = &m.on_request_of {
        s.push_str(&format!(" oder auf Wunsch von mindestens {}", members_dative(n.value)));
    }
    if shall {
        s.push_str(" tagen");
    }
    s.push('.');
    s
}

/// "Der Beirat entscheidet einvernehmlich."
pub fn decision(body: &str, rule: &DecisionRule) -> String {
    let subject = capitalise(&nominative(short_name(body)));
    let how = match rule {
        DecisionRule::Unspecified => return format!("{subject} fasst Beschlüsse."),
        DecisionRule::Consent => "einvernehmlich".to_string(),
        DecisionRule::Unanimity => "einstimmig".to_string(),
        DecisionRule::Majority => "mit einfacher Mehrheit".to_string(),
        DecisionRule::Qualified { numerator, denominator } => {
            format!("mit einer Mehrheit von {}", fraction(*numerator, *denominator))
        }
        DecisionRule::Weighted => "mit gewichteten Stimmen".to_string(),
    };
    format!("{subject} entscheidet {how}.")
}

/// "zwei Dritteln", "drei Vierteln", "5/7".
fn fraction(n: u32, d: u32) -> String {
    let part = match d {
        2 => Some("Hälfte"),
        3 => Some("Dritteln"),
        4 => Some("Vierteln"),
        5 => Some("Fünfteln"),
        _ => None,
    };
    match (n, part) {
        (1, Some(_)) if d == 2 => "der Hälfte".to_string(),
        (1, Some(p)) => format!("einem {}", p.trim_end_matches('n')),
        (_, Some(p)) => format!("{} {p}", number(n)),
        _ => format!("{n}/{d}"),
    }
}

/// "Der Beirat ist beschlussfähig, wenn mindestens fünf Mitglieder anwesend sind."
pub fn quorum(body: &str, n: u32) -> String {
    let verb = if n == 1 { "anwesend ist" } else { "anwesend sind" };
    format!("{} ist beschlussfähig, wenn mindestens {} {verb}.", capitalise(&nominative(short_name(body))), members(n))
}

/// "Den Vorsitz führt der Beauftragte für E-Government und IT."
pub fn chair(chair: &str) -> String {
    format!("Den Vorsitz führt {}.", nominative(chair))
}

/// "Der Beirat besteht aus acht Mitgliedern."
pub fn seats(body: &str, n: u64) -> String {
    let n = u32::try_from(n).unwrap_or(u32::MAX);
    format!("{} besteht aus {}.", capitalise(&nominative(short_name(body))), members_dative(n))
}

/// "Das Steuerungsgremium berichtet dem Beirat."
pub fn reports_to(body: &str, to: &str) -> String {
    format!("{} berichtet {}.", capitalise(&nominative(short_name(body))), dative(short_name(to)))
}

/// "Die Beschlüsse sind verbindlich für die Vertragspartner."
pub fn binding(whom: Option<&[String]>) -> String {
    format!("Die Beschlüsse sind verbindlich für {}.", who(whom, Case::Accusative))
}

/// What an obligation says, apart from its bearer and action.
#[derive(Debug, Default, Clone)]
pub struct Duty<'a> {
    pub free_of_charge: bool,
    pub frequency: Option<&'a Frequency>,
    pub deadline: Option<&'a crate::values::Date>,
    pub budget_reservation: bool,
    pub conditions: Vec<&'a str>,
}

/// "Die Vertragspartner sollen sich gegenseitig über geplante Vorhaben informieren."
///
/// `bearers` are names; `None` for all parties ("die Vertragspartner").
pub fn obligation(bearers: Option<&[String]>, modality: Modality, action: &str, duty: &Duty<'_>) -> String {
    let subject = who(bearers, Case::Nominative);
    let plural = bearers.is_none_or(|l| l.len() > 1);
    let verb = modal(modality, plural);
    let mut adverbs = Vec::new();
    // The action often names how often already ("regelmäßig berichten").
    if let Some(f) = duty.frequency.map(frequency).filter(|f| !action.contains(f.as_str())) {
        adverbs.push(f);
    }
    if let Some(d) = duty.deadline {
        adverbs.push(format!("bis zum {}", date(d)));
    }
    if duty.free_of_charge {
        adverbs.push("kostenfrei".to_string());
    }
    let adverbs = if adverbs.is_empty() { String::new() } else { format!(" {}", adverbs.join(" ")) };
    let mut s = match modality {
        // "prüft" and "empfiehlt" take no infinitive: the action follows a colon.
        Modality::Examines | Modality::Recommends => {
            format!("{} {verb}{adverbs}: {}.", capitalise(&subject), action.trim_end_matches('.'))
        }
        _ => format!("{} {verb}{adverbs} {}.", capitalise(&subject), action.trim_end_matches('.')),
    };
    for c in &duty.conditions {
        s.push_str(&format!(" Bedingung: {}.", c.trim_end_matches('.')));
    }
    if duty.budget_reservation {
        s.push_str(" Dies steht unter dem Vorbehalt der verfügbaren Haushaltsmittel.");
    }
    s
}

/// "Die Thüringer Landesregierung stellt die Leistung „Basisdienste“ für die Kommunen kostenfrei bereit."
pub fn service(name: &str, provider: Option<&str>, beneficiaries: Option<&[String]>, free_of_charge: bool) -> String {
    let provider = provider.map_or_else(
        || "Die Vertragspartner stellen".to_string(),
        |p| format!("{} stellt", capitalise(&nominative(p))),
    );
    let mut s = format!("{provider} die Leistung „{name}“");
    if let Some(list) = beneficiaries.filter(|l| !l.is_empty()) {
        s.push_str(&format!(" für {}", who(Some(list), Case::Accusative)));
    }
    if free_of_charge {
        s.push_str(" kostenfrei");
    }
    s.push_str(" bereit.");
    s
}

/// "Die Vertragspartner führen das Vorhaben „Digitale Akte“ gemeinsam durch."
pub fn project(name: &str, partners: Option<&[String]>) -> String {
    let subject = capitalise(&who(partners, Case::Nominative));
    format!("{subject} führen das Vorhaben „{name}“ gemeinsam durch.")
}

/// "Die Thüringer Landesregierung stellt für „Förderung …“ bis zu 80 Mio. Euro bereit."
pub fn financing(name: &str, payers: Option<&[String]>, bound: Option<(Bound, &crate::values::Money)>) -> String {
    let subject = capitalise(&who(payers, Case::Nominative));
    let verb = if payers.is_some_and(|l| l.len() == 1) { "stellt" } else { "stellen" };
    match bound {
        Some((Bound::UpTo, m)) => format!("{subject} {verb} für „{name}“ bis zu {} bereit.", money(m)),
        Some((Bound::Exactly, m)) => format!("{subject} {verb} für „{name}“ {} bereit.", money(m)),
        Some((Bound::About, m)) => format!("{subject} {verb} für „{name}“ rund {} bereit.", money(m)),
        None => format!("{subject} {verb} Mittel für „{name}“ bereit."),
    }
}

/// "Die Mittel stehen unter dem Vorbehalt der verfügbaren Haushaltsmittel."
pub fn budget_reservation() -> String {
    "Die Mittel stehen unter dem Vorbehalt der verfügbaren Haushaltsmittel.".to_string()
}

/// One step of a procedure: "Der Lenkungskreis beschließt (Beschluss) im Einvernehmen mit allen Vertragspartnern."
pub fn step(
    label: &str,
    by: Option<&str>,
    kind: Option<StepKind>,
    consent: Option<Option<&[String]>>,
    consultation: Option<Option<&[String]>>,
) -> String {
    let verb = |plural: bool| match (kind, plural) {
        (Some(StepKind::Propose), false) => "schlägt vor",
        (Some(StepKind::Propose), true) => "schlagen vor",
        (Some(StepKind::Consult), false) => "berät",
        (Some(StepKind::Consult), true) => "beraten",
        (Some(StepKind::AgreeFinancing), false) => "stellt Einvernehmen über die Finanzierung her",
        (Some(StepKind::AgreeFinancing), true) => "stellen Einvernehmen über die Finanzierung her",
        (Some(StepKind::Decide), false) => "beschließt",
        (Some(StepKind::Decide), true) => "beschließen",
        (Some(StepKind::Implement), false) => "setzt um",
        (Some(StepKind::Implement), true) => "setzen um",
        (Some(StepKind::Report), false) => "berichtet",
        (Some(StepKind::Report), true) => "berichten",
        (None, false) => "handelt",
        (None, true) => "handeln",
    };
    // Agreeing on financing is the consent itself: those whose consent it
    // needs are its subject.
    let (by_consent, consent) = match (kind, consent) {
        (Some(StepKind::AgreeFinancing), Some(c)) if by.is_none() => (Some(c), None),
        (_, c) => (None, c),
    };
    let mut s = match (by, by_consent) {
        (Some(who), _) => format!("{label}: {} {}", capitalise(&nominative(short_name(who))), verb(false)),
        (None, Some(list)) => {
            let plural = list.is_none_or(|l| l.len() > 1);
            format!("{label}: {} {}", capitalise(&super::german::who(list, Case::Nominative)), verb(plural))
        }
        // Without anyone named, the label says what happens.
        (None, None) if consultation.is_none() && consent.is_none() => {
            return format!("{}.", capitalise(label.trim_end_matches('.')));
        }
        (None, None) => format!("{label}: Die Vertragspartner {}", verb(true)),
    };
    if let Some(c) = consent {
        s.push_str(&format!(" im Einvernehmen mit {}", who(c, Case::Dative)));
    }
    if let Some(c) = consultation {
        s.push_str(&format!(" im Benehmen mit {}", who(c, Case::Dative)));
    }
    s.push('.');
    s
}

/// "Die Vereinbarung tritt am 1. Januar 2030 in Kraft. Sie gilt, bis ein Vertragspartner sie kündigt. …"
pub fn term(t: &Term) -> String {
    let mut parts = Vec::new();
    if let Some(from) = &t.from {
        parts.push(format!("Die Vereinbarung tritt am {} in Kraft.", date(&from.value)));
    }
    if let Some(until) = &t.until {
        parts.push(format!("Sie gilt bis zum {}.", date(&until.value)));
    }
    if t.until_revoked.is_some() {
        parts.push("Sie gilt auf unbestimmte Zeit, bis ein Vertragspartner sie kündigt.".to_string());
    }
    match (t.in_writing.is_some(), &t.notice_months) {
        (true, Some(n)) => parts.push(format!(
            "Die Kündigung bedarf der Schriftform; die Kündigungsfrist beträgt {} {}.",
            number(n.value),
            if n.value == 1 { "Monat" } else { "Monate" }
        )),
        (true, None) => parts.push("Die Kündigung bedarf der Schriftform.".to_string()),
        (false, Some(n)) => parts.push(format!(
            "Die Kündigungsfrist beträgt {} {}.",
            number(n.value),
            if n.value == 1 { "Monat" } else { "Monate" }
        )),
        (false, None) => {}
    }
    parts.join(" ")
}

/// "die Thüringer Landesregierung, vertreten durch das Thüringer Finanzministerium"
pub fn party(name: &str, represented_by: Option<&str>) -> String {
    match represented_by {
        Some(r) => format!("{}, vertreten durch {}", nominative(name), accusative(r)),
        None => nominative(name),
    }
}

/// "Der Vorsitz wechselt jährlich in dieser Folge: der Bund, die Länder."
pub fn rotation(among: &[String], every_years: Option<u32>, order: Option<&str>) -> String {
    let when = match every_years {
        None | Some(1) => "jährlich".to_string(),
        Some(n) => format!("alle {} Jahre", number(n)),
    };
    let mut s = format!("Der Vorsitz wechselt {when} in dieser Folge: {}.", among.join(", "));
    if let Some(o) = order {
        s.push(' ');
        s.push_str(o);
    }
    s
}

/// "Bei Stimmengleichheit gibt die Stimme des Vorsitzes den Ausschlag."
pub fn casting_vote() -> String {
    "Bei Stimmengleichheit gibt die Stimme des Vorsitzes den Ausschlag.".to_string()
}

/// Who a requirement names, as a genitive phrase: "der Vertragspartei
/// Bund", "der Gruppe „die Länder“".
fn of_whom(r: &Ref, name: &dyn Fn(&Ref) -> String) -> String {
    match r.target {
        crate::model::Target::Group(_) => format!("der Gruppe „{}“", name(r)),
        crate::model::Target::Party(_) => format!("der Vertragspartei {}", name(r)),
        _ => format!("von „{}“", name(r)),
    }
}

/// One requirement of a decision rule in German words (accusative, after
/// "erfordern").
pub fn requirement(r: &crate::model::Requirement<Ref>, name: &dyn Fn(&Ref) -> String) -> String {
    use crate::model::{Base, Requirement as R};
    let base = |b: &Option<Base>| match b {
        Some(Base::Present) => " der anwesenden Mitglieder",
        Some(Base::Voting) => " der stimmberechtigten Mitglieder",
        Some(Base::Members) | None => " der Mitglieder",
    };
    match r {
        R::Consent => "das Einvernehmen aller Mitglieder".to_string(),
        R::Unanimity { base: b } => format!("Einstimmigkeit{}", base(b)),
        R::Majority { base: b } => format!("die Mehrheit{}", base(b)),
        R::Qualified { fraction: f, base: b } => format!("eine Mehrheit von {}/{}{}", f.numerator, f.denominator, base(b)),
        R::Veto { who } => format!("die Zustimmung {}", of_whom(who, name)),
        R::AtLeast { count, of } => format!(
            "die Zustimmung von mindestens {} Mitgliedern {}",
            number(*count),
            of_whom(of, name)
        ),
        R::Weighted { key, fraction: f, of } => format!(
            "die Zustimmung von Mitgliedern {}, die mindestens {}/{} der Anteile nach dem Schlüssel „{}“ auf sich vereinen",
            of.as_ref().map_or("des Gremiums".to_string(), |g| of_whom(g, name)),
            f.numerator,
            f.denominator,
            name(key)
        ),
    }
}

/// "Beschlüsse über Standards erfordern die Zustimmung des Bundes und …"
pub fn decision_rule(label: &str, clauses: &[Vec<String>]) -> String {
    let parts: Vec<String> = clauses.iter().map(|alts| alts.join(" oder ")).collect();
    let all = match parts.as_slice() {
        [] => return format!("{label}: keine Anforderung genannt."),
        [one] => one.clone(),
        [init @ .., last] => format!("{} und {last}", init.join(", ")),
    };
    format!("{label} erfordern {all}.")
}

/// The conditions of entry into force, lapse and withdrawal.
pub fn term_v2(t: &Term) -> Vec<String> {
    use crate::model::InForce;
    let mut out = Vec::new();
    if let Some(i) = &t.in_force {
        out.push(match &i.value {
            InForce::Ratifications { count, by } => format!(
                "Die Vereinbarung tritt nur in Kraft, wenn {}mindestens {} Ratifikationsurkunden hinterlegt sind.",
                by.as_ref().map(|d| format!("bis zum {} ", date(&d.value))).unwrap_or_default(),
                number(*count)
            ),
            InForce::Condition { text } => format!("Die Vereinbarung tritt in Kraft, wenn {text}."),
        });
    }
    if let Some(n) = t.notice.as_ref().and_then(|n| n.to_end_of.map(|p| (n, p))) {
        let (notice, end) = n;
        let unit = match (notice.length.period, notice.length.count) {
            (Period::Year, 1) => "einem Jahr".to_string(),
            (Period::Year, k) => format!("{} Jahren", number(k)),
            (_, 1) => "einem Monat".to_string(),
            (_, k) => format!("{} Monaten", number(k)),
        };
        let end = match end {
            Period::Year => "eines Kalenderjahres",
            Period::Quarter => "eines Quartals",
            Period::Month => "eines Monats",
        };
        out.push(format!("Die Kündigung ist mit einer Frist von {unit} zum Ende {end} möglich."));
    }
    if let Some(w) = &t.effective_when {
        out.push(format!("Die Kündigung wird erst wirksam, wenn {}.", w.value));
    }
    if let Some(w) = &t.withdrawal {
        if w.continues_for_others {
            out.push(
                "Die Kündigung eines Vertragspartners lässt die Vereinbarung zwischen den übrigen unberührt.".into(),
            );
        }
        if !w.ends.is_empty() {
            let ends: Vec<&str> = w.ends.iter().map(|e| e.value.as_str()).collect();
            out.push(format!("Mit dem Austritt enden {}.", ends.join(", ")));
        }
    }
    if let Some(l) = &t.lapses_below {
        out.push(format!(
            "Die Vereinbarung tritt außer Kraft, wenn weniger als {} Vertragspartner beteiligt sind.",
            number(l.value)
        ));
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::model::Spanned;
    use crate::span::Span;
    use crate::values::{Date, Money};

    fn sp<T>(v: T) -> Spanned<T> {
        Spanned::new(v, Span::default())
    }

    #[test]
    fn meeting_sentence() {
        let m = Meeting {
            frequency: sp(Frequency::AtLeast { times: 2, per: Period::Year, every: 1 }),
            modality: None,
            governed_by: None,
            on_request_of: Some(sp(2)),
            requests: Vec::new(),
            span: Span::default(),
        };
        assert_eq!(
            meeting("Beirat", &m),
            "Der Beirat tagt mindestens zweimal jährlich oder auf Wunsch von mindestens zwei Mitgliedern."
        );
        let m = Meeting {
            frequency: sp(Frequency::Regularly),
            modality: None,
            governed_by: None,
            on_request_of: None,
            requests: Vec::new(),
            span: Span::default(),
        };
        assert_eq!(meeting("Steuerungsgremium „OZG“", &m), "Das Steuerungsgremium tagt regelmäßig.");
    }

    #[test]
    fn decision_sentences() {
        assert_eq!(decision("Beirat", &DecisionRule::Consent), "Der Beirat entscheidet einvernehmlich.");
        assert_eq!(
            decision("Lenkungskreis", &DecisionRule::Qualified { numerator: 2, denominator: 3 }),
            "Der Lenkungskreis entscheidet mit einer Mehrheit von zwei Dritteln."
        );
        assert_eq!(
            decision("IT-Kooperationsrunde", &DecisionRule::Majority),
            "Die IT-Kooperationsrunde entscheidet mit einfacher Mehrheit."
        );
    }

    #[test]
    fn quorum_chair_seats_reports() {
        assert_eq!(
            quorum("Beirat", 5),
            "Der Beirat ist beschlussfähig, wenn mindestens fünf Mitglieder anwesend sind."
        );
        assert_eq!(
            chair("Beauftragter des Freistaats Thüringen für E-Government und IT (CIO)"),
            "Den Vorsitz führt der Beauftragte des Freistaats Thüringen für E-Government und IT (CIO)."
        );
        assert_eq!(seats("Beirat „Kommunales E-Government“", 8), "Der Beirat besteht aus acht Mitgliedern.");
        assert_eq!(reports_to("Steuerungsgremium „OZG“", "Beirat"), "Das Steuerungsgremium berichtet dem Beirat.");
        assert_eq!(
            binding(Some(&["Thüringischer Landkreistag".into(), "Städtebund".into()])),
            "Die Beschlüsse sind verbindlich für den Thüringischen Landkreistag und den Städtebund."
        );
        assert_eq!(binding(None), "Die Beschlüsse sind verbindlich für die Vertragspartner.");
    }

    #[test]
    fn obligation_sentences() {
        let duty = Duty::default();
        assert_eq!(
            obligation(None, Modality::Shall, "sich gegenseitig über geplante Vorhaben informieren", &duty),
            "Die Vertragspartner sollen sich gegenseitig über geplante Vorhaben informieren."
        );
        let yearly = Frequency::AtLeast { times: 1, per: Period::Year, every: 1 };
        let duty = Duty { frequency: Some(&yearly), budget_reservation: true, ..Duty::default() };
        assert_eq!(
            obligation(Some(&["Land".into()]), Modality::Must, "dem Landtag berichten", &duty),
            "Das Land muss mindestens einmal jährlich dem Landtag berichten. Dies steht unter dem Vorbehalt der verfügbaren Haushaltsmittel."
        );
        let regularly = Frequency::Regularly;
        let duty = Duty { frequency: Some(&regularly), ..Duty::default() };
        assert_eq!(
            obligation(Some(&["Steuerungsgremium".into()]), Modality::Must, "dem Beirat regelmäßig berichten", &duty),
            "Das Steuerungsgremium muss dem Beirat regelmäßig berichten."
        );
        let deadline = Date::new(2031, 12, 31).unwrap();
        let duty = Duty { deadline: Some(&deadline), free_of_charge: true, ..Duty::default() };
        assert_eq!(
            obligation(Some(&["Land".into(), "Landkreistag".into()]), Modality::May, "Dienste anbieten", &duty),
            "Das Land und der Landkreistag können bis zum 31. Dezember 2031 kostenfrei Dienste anbieten."
        );
        assert_eq!(
            obligation(Some(&["Beirat".into()]), Modality::Examines, "die Standards fortentwickeln", &Duty::default()),
            "Der Beirat prüft: die Standards fortentwickeln."
        );
        assert_eq!(
            obligation(None, Modality::Recommends, "den Kommunen die Nutzung des Portals", &Duty::default()),
            "Die Vertragspartner empfehlen: den Kommunen die Nutzung des Portals."
        );
    }

    #[test]
    fn service_project_financing() {
        assert_eq!(
            service("Basisdienste", Some("Thüringer Landesregierung"), Some(&["die Kommunen".into()]), true),
            "Die Thüringer Landesregierung stellt die Leistung „Basisdienste“ für die Kommunen kostenfrei bereit."
        );
        assert_eq!(
            project("Digitale Akte", None),
            "Die Vertragspartner führen das Vorhaben „Digitale Akte“ gemeinsam durch."
        );
        let m = Money::from_minor("EUR", 8_000_000_000);
        assert_eq!(
            financing("Förderung", Some(&["Thüringer Landesregierung".into()]), Some((Bound::UpTo, &m))),
            "Die Thüringer Landesregierung stellt für „Förderung“ bis zu 80 Mio. Euro bereit."
        );
        assert_eq!(budget_reservation(), "Die Mittel stehen unter dem Vorbehalt der verfügbaren Haushaltsmittel.");
    }

    #[test]
    fn step_term_party() {
        assert_eq!(step("regelmäßiger Bericht", None, Some(StepKind::Report), None, None), "Regelmäßiger Bericht.");
        assert_eq!(
            step("Finanzierung", None, Some(StepKind::AgreeFinancing), Some(None), None),
            "Finanzierung: Die Vertragspartner stellen Einvernehmen über die Finanzierung her."
        );
        assert_eq!(
            step("Anhörung", Some("Beirat „X“"), Some(StepKind::Consult), None, Some(Some(&["Landkreistag".into()]))),
            "Anhörung: Der Beirat berät im Benehmen mit dem Landkreistag."
        );
        assert_eq!(
            step("Beschluss", Some("Lenkungskreis"), Some(StepKind::Decide), Some(None), None),
            "Beschluss: Der Lenkungskreis beschließt im Einvernehmen mit allen Vertragspartnern."
        );
        let t = Term {
            span: Span::default(),
            from: Some(sp(Date::new(2030, 1, 1).unwrap())),
            until: None,
            until_revoked: Some(Span::default()),
            in_writing: Some(Span::default()),
            notice_months: Some(sp(6)),
            notice: None,
            in_force: None,
            lapses_below: None,
            effective_when: None,
            withdrawal: None,
            meta: Default::default(),
        };
        assert_eq!(
            term(&t),
            "Die Vereinbarung tritt am 1. Januar 2030 in Kraft. Sie gilt auf unbestimmte Zeit, bis ein Vertragspartner sie kündigt. Die Kündigung bedarf der Schriftform; die Kündigungsfrist beträgt sechs Monate."
        );
        assert_eq!(
            party("Thüringer Landesregierung", Some("Thüringer Finanzministerium")),
            "die Thüringer Landesregierung, vertreten durch das Thüringer Finanzministerium"
        );
        // "vertreten durch" takes the accusative.
        assert_eq!(
            party("Land Sachsen-Anhalt", Some("Staatssekretär")),
            "das Land Sachsen-Anhalt, vertreten durch den Staatssekretär"
        );
    }

    #[test]
    fn v2_sentences() {
        assert_eq!(
            rotation(&["der Bund".to_string(), "die Länder".to_string()], None, None),
            "Der Vorsitz wechselt jährlich in dieser Folge: der Bund, die Länder."
        );
        assert_eq!(
            decision_rule(
                "Beschlüsse",
                &[vec!["die Zustimmung des Bundes".into()], vec!["die Mehrheit der Mitglieder".into()]]
            ),
            "Beschlüsse erfordern die Zustimmung des Bundes und die Mehrheit der Mitglieder."
        );
        assert_eq!(casting_vote(), "Bei Stimmengleichheit gibt die Stimme des Vorsitzes den Ausschlag.");
    }
}
