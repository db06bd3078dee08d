//! The German words of the diff report: the language choice, the German
//! description of every row of the classification table (keyed by row id,
//! parallel to `classify::TABLE`), and German names of classes, elements
//! and fields.
//!
//! In: a row id, an effect, a weight, an element kind or field name. Out:
//! its German text, or for an unknown name the name itself (never a panic).

use super::classify::{Effect, Weight};

/// The language of a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    De,
    En,
}

impl Lang {
    /// German where the environment asks for it: `PAKT_LANG`, then
    /// `LC_ALL`, `LC_MESSAGES`, `LANG` (the first that is set and not empty,
    /// as the C library reads them) starting with `de`.
    pub fn from_env() -> Lang {
        let get = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
        let value = get("PAKT_LANG").or_else(|| get("LC_ALL")).or_else(|| get("LC_MESSAGES")).or_else(|| get("LANG"));
        Lang::from_tag(value.as_deref().unwrap_or(""))
    }

    /// `de`, `de_DE.UTF-8`, `de-AT` → German; anything else English.
    pub fn from_tag(tag: &str) -> Lang {
        if tag.get(..2).is_some_and(|p| p.eq_ignore_ascii_case("de")) {
            Lang::De
        } else {
            Lang::En
        }
    }
}

/// "verschärft" / "abgeschwächt" / "neutral".
pub fn effect(e: Effect) -> &'static str {
    match e {
        Effect::Strengthening => "verschärft",
        Effect::Weakening => "abgeschwächt",
        Effect::Neutral => "neutral",
    }
}

/// "wesentlich" / "geringfügig" / "redaktionell".
pub fn weight(w: Weight) -> &'static str {
    match w {
        Weight::Major => "wesentlich",
        Weight::Minor => "geringfügig",
        Weight::Editorial => "redaktionell",
    }
}

/// The German name of a kind of element, as a noun.
pub fn element(kind: &str) -> &str {
    match kind {
        "agreement" => "Vereinbarung",
        "goal" => "Ziel",
        "party" => "Vertragspartner",
        "office" => "Amt",
        "actor" => "Stelle",
        "body" => "Gremium",
        "seat" => "Sitz",
        "decision" => "Beschlussregel",
        "obligation" => "Verpflichtung",
        "service" => "Leistung",
        "project" => "Vorhaben",
        "financing" => "Finanzierung",
        "share" => "Anteil",
        "tranche" => "Tranche",
        "procedure" => "Verfahren",
        "step" => "Verfahrensschritt",
        "term" => "Laufzeit",
        "approval" => "Zustimmung",
        "signature" => "Unterschrift",
        "group" => "Gruppe",
        "key" => "Schlüssel",
        "ratification" => "Ratifikation",
        "amendment" => "Änderungsklausel",
        "institution" => "Einrichtung",
        "act" => "Rechtsakt",
        other => other,
    }
}

/// The German name of a compared field; an unlisted field keeps its name.
pub fn field(name: &str) -> &str {
    match name {
        "wording" => "Wortlaut",
        "section" => "Gliederung",
        "name" => "Name",
        "title" => "Titel",
        "label" => "Bezeichnung",
        "text" => "Text",
        "date" => "Datum",
        "place" => "Ort",
        "land" => "Land",
        "kind" => "Art",
        "side" => "Seite",
        "represented_by" => "Vertretung",
        "holder" => "Inhaber",
        "chair" => "Vorsitz",
        "deputy" => "Stellvertretung",
        "meets" => "Sitzungen",
        "meets_modality" => "Sitzungspflicht",
        "quorum" => "Beschlussfähigkeit",
        "quorum_share" => "Beschlussfähigkeit (Anteil)",
        "decides" => "Beschlussregel",
        "binding" => "Bindung",
        "requires" => "Erfordernisse",
        "modality" => "Verbindlichkeit",
        "action" => "Handlung",
        "bearer" => "Verpflichtete",
        "beneficiary" => "Begünstigte",
        "budget_reservation" => "Haushaltsvorbehalt",
        "conditions" => "Bedingungen",
        "free_of_charge" => "unentgeltlich",
        "frequency" => "Häufigkeit",
        "deadline" => "Frist",
        "provider" => "Anbieter",
        "partners" => "Partner",
        "payer" => "Zahler",
        "recipient" => "Empfänger",
        "amount" => "Betrag",
        "years" => "Jahre",
        "per_year" => "jährlich",
        "cost_sharing" => "Kostenteilung",
        "share" => "Anteil",
        "count" => "Anzahl",
        "voting" => "Stimmrecht",
        "seats" => "Sitze",
        "members" => "Mitglieder",
        "figures" => "Anteile",
        "owners" => "Eigentümer",
        "organs" => "Organe",
        "legal_form" => "Rechtsform",
        "legal_basis" => "Rechtsgrundlage",
        "supersedes" => "abgelöste Vereinbarung",
        "renews" => "fortgeschriebene Vereinbarung",
        "of" => "zugehörig zu",
        "part_of" => "Teil von",
        "party" => "Vertragspartner",
        "office" => "Amt",
        "each" => "je",
        "variable" => "veränderlich",
        "votes_on" => "stimmt ab über",
        "rotation" => "wechselnder Vorsitz",
        "casting_vote" => "Stichentscheid",
        "governed_by" => "geregelt durch",
        "requests" => "Einberufung auf Verlangen von",
        "on_request_of" => "Einberufung auf Verlangen von Mitgliedern",
        "recommendation_to" => "Empfehlung an",
        "reports_to" => "berichtet an",
        "formed_by" => "gebildet von",
        "parity" => "paritätisch",
        "costly" => "kostenpflichtig",
        "chosen_by" => "ausgewählt von",
        "source" => "Quelle",
        "year" => "Jahr",
        "example" => "Beispiel",
        "by" => "durch",
        "depositary" => "Verwahrer",
        "in_writing" => "schriftlich",
        "located_in" => "Sitz",
        "from" => "ab",
        "supervision" => "Aufsicht",
        "takes_over" => "übernimmt",
        "before_split" => "vor Aufteilung",
        "under" => "nach Beschlussregel",
        "consent_of" => "Einvernehmen mit",
        "consultation_of" => "Benehmen mit",
        other => other,
    }
}

/// An evidence line (`+ seat `x`: …`, `~ step `y`.consent_of: …`) with
/// the kind of element and the field named in German; the rest (ids,
/// values, the rule in brackets) stays as it is.
pub fn evidence(line: &str) -> String {
    let (sign, rest) = match line.split_once(' ') {
        Some((s, rest)) if matches!(s, "+" | "-" | "~") => (format!("{s} "), rest),
        _ => (String::new(), line),
    };
    // The words of the new version that link a replacement, in the German
    // keywords of the language: `übernimmt "…" ab DATE`.
    if let Some(what) = line.strip_prefix("takes_over ") {
        return format!("übernimmt {}", what.replacen("\" from ", "\" ab ", 1));
    }
    let Some((kind, after)) = rest.split_once(" `") else { return line.to_string() };
    let german = element(kind);
    if german == kind {
        return line.to_string();
    }
    // `id`.field: → `id`, Feld:
    let after = match after.split_once("`.") {
        Some((id, tail)) => match tail.split_once(':') {
            Some((f, value)) if !f.contains(' ') => format!("{id}`, {}:{value}", field(f)),
            _ => after.to_string(),
        },
        None => after.to_string(),
    };
    format!("{sign}{german} `{after}")
}

/// The text with its first letter upper case, for a sentence.
pub fn capitalise_first(s: &str) -> String {
    let mut c = s.chars();
    c.next().map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
}

/// A value of the report (as `diff::Field` writes it, in English) in
/// German where it is one of the fixed forms: yes/no, bounds of amounts,
/// millions, meeting frequencies. Other values (names, quoted texts) stay.
pub fn value(v: &str) -> String {
    match v {
        "yes" => return "ja".into(),
        "no" => return "nein".into(),
        "regularly" => return "regelmäßig".into(),
        "as its rules of procedure set" => return "nach Maßgabe seiner Geschäftsordnung".into(),
        _ => {}
    }
    for (en, de) in [("up to ", "bis zu "), ("exactly ", ""), ("about ", "rund ")] {
        if let Some(rest) = v.strip_prefix(en) {
            return format!("{de}{}", money(rest));
        }
    }
    for (en, de) in [("at least ", "mindestens "), ("as a rule ", "in der Regel ")] {
        if let Some((n, per)) = v.strip_prefix(en).and_then(|r| r.split_once(" per ")) {
            if n.chars().all(|c| c.is_ascii_digit()) {
                let per = match per {
                    "year" => "jährlich".to_string(),
                    "quarter" => "vierteljährlich".to_string(),
                    "month" => "monatlich".to_string(),
                    other => format!("je {other}"),
                };
                return format!("{de}{n}-mal {per}");
            }
        }
    }
    v.to_string()
}

/// `EUR 2 million` → `2 Mio. EUR`; other amounts stay.
fn money(v: &str) -> String {
    match v.strip_suffix(" million").and_then(|r| r.split_once(' ')) {
        Some((currency, n)) => format!("{n} Mio. {currency}"),
        None => v.to_string(),
    }
}

/// The German description of a row of the classification table; for a
/// row without one (which the test below forbids) its English text.
pub fn row(id: &str) -> &'static str {
    match ROWS.iter().find(|(k, _)| *k == id) {
        Some((_, de)) => de,
        None => super::classify::TABLE.iter().find(|r| r.id == id).map_or("eine Änderung", |r| r.change),
    }
}

/// The German text of each row of `classify::TABLE`, by row id.
pub static ROWS: &[(&str, &str)] = &[
    ("element.renamed", "ein Element behält seinen Inhalt unter einer anderen Kennung"),
    ("note.changed", "eine Anmerkung ändert sich (keine Substanz, aber nicht stillschweigend gleich)"),
    ("assumption.changed", "was das Modell über seine Quellen hinaus annimmt, ändert sich"),
    ("sections.renumbered", "Abschnitte werden neu nummeriert"),
    ("share.raised", "ein Kostenträger trägt einen größeren Anteil"),
    ("share.lowered", "ein Kostenträger trägt einen kleineren Anteil"),
    ("agreement.title.changed", "der Titel ändert sich"),
    ("agreement.date.changed", "das Datum der Vereinbarung ändert sich"),
    ("agreement.place.changed", "der Ort der Unterzeichnung ändert sich"),
    ("agreement.land.changed", "das Land ändert sich"),
    ("agreement.kind.changed", "die Art der Vereinbarung ändert sich"),
    ("agreement.supersedes.changed", "die abgelöste Vereinbarung ändert sich"),
    ("agreement.renews.changed", "die fortgeschriebene Vereinbarung ändert sich"),
    ("goal.added", "ein Ziel kommt hinzu"),
    ("goal.removed", "ein Ziel entfällt"),
    ("party.added", "ein Vertragspartner tritt bei"),
    ("party.removed", "ein Vertragspartner scheidet aus"),
    ("party.side.changed", "ein Vertragspartner wechselt die Seite"),
    ("party.represented_by.changed", "die Vertretung eines Vertragspartners ändert sich"),
    ("office.added", "ein Amt kommt hinzu"),
    ("office.removed", "ein Amt entfällt"),
    ("office.of.changed", "ein Amt wird für einen anderen Vertragspartner wahrgenommen"),
    ("office.holder.changed", "der Inhaber eines Amtes ändert sich"),
    ("actor.added", "eine Stelle wird genannt"),
    ("actor.removed", "eine Stelle wird nicht mehr genannt"),
    ("body.added", "ein gemeinsames Gremium wird eingerichtet"),
    ("body.removed", "ein gemeinsames Gremium wird aufgelöst"),
    ("body.continued", "ein Gremium setzt ein Gremium der abgelösten Vereinbarung fort (umbenannt oder neu gebildet)"),
    ("body.parity.added", "ein Gremium wird paritätisch besetzt"),
    ("body.parity.removed", "ein Gremium ist nicht mehr paritätisch besetzt"),
    ("body.seats.changed", "die genannte Zahl der Sitze ändert sich"),
    ("body.chair.changed", "der Vorsitz ändert sich"),
    ("body.meeting.added", "ein Gremium erhält eine Sitzungsregel"),
    ("body.meeting.removed", "die Sitzungsregel eines Gremiums entfällt"),
    ("body.meeting.raised", "ein Gremium muss häufiger tagen"),
    ("body.meeting.lowered", "ein Gremium muss seltener tagen"),
    ("body.meeting.changed", "die Sitzungsregel ändert sich ohne vergleichbare Zahl (z. B. regelmäßig ↔ mindestens N)"),
    ("body.on_request_of.added", "Mitglieder können eine Sitzung verlangen"),
    ("body.on_request_of.removed", "Mitglieder können keine Sitzung mehr verlangen"),
    ("body.on_request_of.lowered", "weniger Mitglieder genügen, um eine Sitzung zu verlangen"),
    ("body.on_request_of.raised", "mehr Mitglieder sind nötig, um eine Sitzung zu verlangen"),
    ("body.quorum.changed", "die Beschlussfähigkeit ändert sich"),
    ("body.decides.stronger", "Beschlüsse brauchen breitere Zustimmung (z. B. Mehrheit → Einvernehmen)"),
    ("body.decides.weaker", "Beschlüsse brauchen weniger Zustimmung (z. B. Einvernehmen → Mehrheit)"),
    ("body.decides.changed", "die Beschlussregel ändert sich ohne mehr oder weniger Schutz"),
    ("body.binding.added", "Beschlüsse binden mehr Vertragspartner"),
    ("body.binding.removed", "Beschlüsse binden weniger Vertragspartner"),
    ("body.recommendation_to.changed", "an wen Beschlüsse als Empfehlung gerichtet sind, ändert sich"),
    ("body.reports_to.changed", "die Berichtslinie ändert sich"),
    ("body.formed_by.changed", "wer das Gremium bildet, ändert sich"),
    ("body.legal_basis.changed", "die Rechtsgrundlage oder Art eines Gremiums ändert sich"),
    ("seat.added", "ein Sitz kommt hinzu"),
    ("seat.removed", "ein Sitz entfällt"),
    ("seat.holder.changed", "ein Sitz geht an einen anderen Vertragspartner, ein anderes Amt oder eine andere Seite"),
    ("seat.count.changed", "ein Sitz steht für mehr oder weniger Mitglieder"),
    ("seat.voting.added", "ein beratender Sitz erhält Stimmrecht"),
    ("seat.voting.removed", "ein stimmberechtigter Sitz wird beratend"),
    ("obligation.added", "eine Verpflichtung kommt hinzu"),
    ("obligation.removed", "eine Verpflichtung entfällt"),
    ("obligation.modality.stronger", "eine Verpflichtung wird verbindlicher (z. B. soll → muss, kann → soll)"),
    ("obligation.modality.weaker", "eine Verpflichtung wird weniger verbindlich (z. B. muss → soll)"),
    ("obligation.action.changed", "das Geschuldete wird anders beschrieben"),
    ("obligation.bearer.changed", "ein anderer trägt die Verpflichtung"),
    ("obligation.beneficiary.added", "mehr Begünstigte"),
    ("obligation.beneficiary.removed", "weniger Begünstigte"),
    ("obligation.budget_reservation.added", "eine Verpflichtung steht nun unter Haushaltsvorbehalt"),
    ("obligation.budget_reservation.removed", "eine Verpflichtung steht nicht mehr unter Haushaltsvorbehalt"),
    ("obligation.conditions.added", "eine Verpflichtung erhält eine weitere Bedingung"),
    ("obligation.conditions.removed", "eine Bedingung einer Verpflichtung entfällt"),
    ("obligation.free_of_charge.added", "etwas wird unentgeltlich geschuldet"),
    ("obligation.free_of_charge.removed", "etwas wird nicht mehr unentgeltlich geschuldet"),
    ("obligation.costly.changed", "ob eine Verpflichtung Kosten verursacht, ändert sich"),
    ("obligation.frequency.raised", "eine Pflicht kehrt häufiger wieder"),
    ("obligation.frequency.lowered", "eine Pflicht kehrt seltener oder nicht mehr regelmäßig wieder"),
    ("obligation.deadline.earlier", "eine Frist kommt hinzu oder endet früher"),
    ("obligation.deadline.later", "eine Frist entfällt oder endet später"),
    ("service.added", "eine Leistung wird angeboten"),
    ("service.removed", "eine Leistung wird eingestellt"),
    ("service.provider.changed", "ein anderer erbringt eine Leistung"),
    ("service.chosen_by.changed", "ein anderer wählt die Leistungen aus"),
    ("project.added", "ein gemeinsames Vorhaben wird vereinbart"),
    ("project.removed", "ein gemeinsames Vorhaben entfällt"),
    ("project.partners.added", "weitere Partner schließen sich einem Vorhaben an"),
    ("project.partners.removed", "Partner scheiden aus einem Vorhaben aus"),
    ("financing.added", "eine Finanzierungsregelung kommt hinzu"),
    ("financing.removed", "eine Finanzierungsregelung entfällt"),
    ("financing.amount.raised", "mehr Geld (stärkt die Stellung des Empfängers)"),
    ("financing.amount.lowered", "weniger Geld (schwächt die Stellung des Empfängers)"),
    ("financing.amount.fixed", "aus einer Obergrenze wird ein fester Betrag, oder ein Betrag wird genannt"),
    ("financing.amount.loosened", "aus einem festen Betrag wird eine Obergrenze, oder der Betrag entfällt"),
    ("financing.amount.changed", "der Betrag ändert sich unvergleichbar (andere Währung)"),
    ("financing.payer.changed", "ein anderer zahlt"),
    ("financing.recipient.added", "mehr Empfänger"),
    ("financing.recipient.removed", "weniger Empfänger"),
    ("financing.cost_sharing.changed", "die Kostenteilung ändert sich"),
    ("tranche.added", "eine Jahrestranche kommt hinzu"),
    ("tranche.removed", "eine Jahrestranche entfällt"),
    ("tranche.amount.raised", "eine Tranche wächst"),
    ("tranche.amount.lowered", "eine Tranche schrumpft"),
    ("procedure.added", "ein Verfahren kommt hinzu"),
    ("procedure.removed", "ein Verfahren entfällt"),
    ("step.added", "ein Verfahrensschritt kommt hinzu"),
    ("step.removed", "ein Verfahrensschritt entfällt"),
    ("step.consent.added", "ein Schritt braucht nun Einvernehmen"),
    ("step.consent.removed", "ein Einvernehmenserfordernis entfällt"),
    ("step.consultation.added", "ein Schritt braucht nun Benehmen"),
    ("step.consultation.removed", "ein Benehmenserfordernis entfällt"),
    ("step.order.changed", "die Reihenfolge der Schritte ändert sich"),
    ("step.kind.changed", "was ein Schritt bewirkt, ändert sich"),
    ("step.by.changed", "ein anderer nimmt einen Schritt vor"),
    ("step.commits_money.changed", "ob ein Schritt Mittel bindet, ändert sich"),
    ("step.under.changed", "die Beschlussregel, nach der ein Schritt gefasst wird, ändert sich"),
    ("term.added", "eine Laufzeit wird vereinbart"),
    ("term.removed", "die Laufzeitregelung entfällt"),
    ("term.dates.changed", "Beginn oder Ende der Laufzeit ändern sich"),
    ("term.notice.longer", "eine längere Kündigungsfrist: mehr Bestand"),
    ("term.notice.shorter", "eine kürzere Kündigungsfrist: weniger Bestand"),
    ("term.form.changed", "Form oder Art der Kündigung ändern sich"),
    ("approval.added", "eine Zustimmung wird festgehalten"),
    ("approval.removed", "eine Zustimmung wird nicht mehr festgehalten"),
    ("approval.changed", "Datum oder Gremium einer Zustimmung ändern sich"),
    ("signature.added", "eine Unterschrift kommt hinzu"),
    ("signature.removed", "eine Unterschrift entfällt"),
    ("signature.changed", "wer, wann oder wo unterzeichnet, ändert sich"),
    ("body.rotation.changed", "der Vorsitz wechselt anders oder nicht mehr"),
    ("body.deputy.changed", "der stellvertretende Vorsitz ändert sich"),
    ("body.casting_vote.added", "bei Stimmengleichheit entscheidet die Stimme des Vorsitzes"),
    ("body.casting_vote.removed", "bei Stimmengleichheit entscheidet die Stimme des Vorsitzes nicht mehr"),
    ("body.meets_modality.stronger", "ein Gremium muss tagen, wo es tagen soll (soll → muss)"),
    ("body.meets_modality.weaker", "ein Gremium soll nur noch tagen (muss → soll)"),
    ("body.governed_by.changed", "die Regelung, die den Sitzungsrhythmus festlegt, ändert sich"),
    ("body.requests.added", "mehr Vertragspartner oder Gruppen können eine Sitzung verlangen"),
    ("body.requests.removed", "weniger Vertragspartner oder Gruppen können eine Sitzung verlangen"),
    ("decision.added", "eine Beschlussregel kommt hinzu"),
    ("decision.removed", "eine Beschlussregel entfällt"),
    (
        "decision.requires.stronger",
        "ein Beschluss braucht mehr Zustimmung: ein Veto oder Erfordernis kommt hinzu, eine Schwelle steigt",
    ),
    (
        "decision.requires.weaker",
        "ein Beschluss braucht weniger Zustimmung: eine Seite verliert ihr Veto, eine Schwelle sinkt",
    ),
    ("decision.requires.changed", "eine Beschlussregel ändert sich weder strenger noch schwächer"),
    ("decision.quorum.changed", "die Beschlussfähigkeit einer Beschlussregel ändert sich"),
    ("seat.votes_on.changed", "die Gegenstände, über die ein Sitz abstimmt, ändern sich"),
    ("group.added", "eine Gruppe von Vertragspartnern wird genannt"),
    ("group.removed", "eine Gruppe von Vertragspartnern wird nicht mehr genannt"),
    ("group.members.changed", "wer zu einer Gruppe gehört, ändert sich"),
    ("key.added", "ein Verteilungsschlüssel kommt hinzu"),
    ("key.removed", "ein Verteilungsschlüssel entfällt"),
    ("key.figures.changed", "die Anteile eines Schlüssels ändern sich: wer wie viel trägt"),
    ("key.source.changed", "Quelle, Jahr oder Gruppe eines Schlüssels ändern sich"),
    ("share.added", "der Anteil eines Zahlers wird genannt"),
    ("share.removed", "der Anteil eines Zahlers wird nicht mehr genannt"),
    ("share.changed", "der Anteil eines Zahlers ändert sich"),
    ("financing.period.changed", "die Jahre oder die jährliche Grundlage eines Betrags ändern sich"),
    ("term.in_force.changed", "die Bedingungen des Inkrafttretens ändern sich"),
    ("term.lapse.changed", "wann die Vereinbarung außer Kraft tritt, ändert sich"),
    ("term.withdrawal.changed", "was der Austritt eines Vertragspartners bewirkt, ändert sich"),
    ("ratification.added", "eine Ratifikation wird verlangt oder festgehalten"),
    ("ratification.removed", "eine Ratifikation wird nicht mehr verlangt oder festgehalten"),
    ("ratification.changed", "wer ratifiziert, bis wann oder bei wem, ändert sich"),
    ("amendment.added", "eine Änderungsklausel wird vereinbart"),
    ("amendment.removed", "die Änderungsklausel entfällt"),
    ("amendment.requires.stronger", "eine Änderung der Vereinbarung braucht mehr Zustimmung"),
    ("amendment.requires.weaker", "eine Änderung der Vereinbarung braucht weniger Zustimmung"),
    ("amendment.changed", "wie die Vereinbarung geändert wird, ändert sich"),
    ("institution.added", "eine Einrichtung wird gegründet"),
    ("institution.removed", "eine Einrichtung wird aufgelöst"),
    ("institution.owners.changed", "wem eine Einrichtung zu welchen Anteilen gehört, ändert sich"),
    ("institution.organs.changed", "die Organe einer Einrichtung ändern sich"),
    ("institution.changed", "Rechtsform, Sitz, Beginn, Aufsicht oder Vorgänger einer Einrichtung ändern sich"),
    ("institution.replaces", "eine Einrichtung tritt an die Stelle einer entfallenden Stelle, eines Gremiums oder einer Einrichtung (`takes_over`)"),
    ("act.added", "ein weiterer Rechtsakt wird genannt"),
    ("act.removed", "ein Rechtsakt wird nicht mehr genannt"),
    ("act.changed", "Name, Datum oder Art eines genannten Rechtsakts ändern sich"),
    ("fact.stated", "eine Tatsache, die die Quellen der früheren Fassung nicht nannten (`unknown`), wird nun genannt"),
    ("fact.unknown", "eine Tatsache wird nun als von den Quellen nicht genannt markiert (`unknown`)"),
    ("wording.changed", "der amtliche Wortlaut ändert sich"),
    ("section.changed", "die Bestimmung steht an anderer Stelle"),
    ("name.changed", "ein Name, Titel oder eine Bezeichnung ändert sich"),
    ("changed", "eine sonstige Änderung"),
];

// The tests (every row of `classify::TABLE` has a German text, no stale
// ones) are in tests/diff_de.rs, where they run even while unit tests of
// other modules do not compile.
