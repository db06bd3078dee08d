//! Diagnostics, queries and views in German, and keywords in messages in
//! the file's own set.
//!
//! In: a diagnostic as the checks made it (English), the language of the
//! run and the keyword set of the file. Out: the same diagnostic with its
//! message, labels and help in that language where the catalogue has them
//! (messages `d-…` in i18n/*.ftl), and with every keyword quoted in
//! backticks written in the file's set (`advisory` → `beratend`).
//!
//! The English catalogue entries are the patterns: a message that matches
//! one is rewritten with the German entry of the same id and the same
//! arguments; a message that matches none stays English.
//! Every rule and every check before the rules has German entries; a text
//! no entry matches (a reason from the operating system, say) stays English.
//! The texts of `who`, `obligations`, `power` and the graph views are
//! matched the same way against the entries `v-…`, piece by piece.

use crate::diagnostic::Diagnostic;
use crate::i18n::{tr, Arg};
use crate::keywords::{Lang, KEYWORDS};
use fluent_syntax::ast;
use std::cell::OnceCell;

enum Part {
    Lit(String),
    Var(String),
}

thread_local! {
    static PATTERNS: OnceCell<Vec<(String, Vec<Part>)>> = const { OnceCell::new() };
    static VIEW_PATTERNS: OnceCell<Vec<(String, Vec<Part>)>> = const { OnceCell::new() };
}

/// The English `d-…` messages as patterns of literal text and variables.
fn patterns() -> Vec<(String, Vec<Part>)> {
    patterns_with("d-")
}

/// The English messages whose id starts with `prefix`, as patterns.
fn patterns_with(prefix: &str) -> Vec<(String, Vec<Part>)> {
    let Ok(resource) = fluent_syntax::parser::parse(crate::i18n::EN_FTL) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for entry in resource.body {
        let ast::Entry::Message(m) = entry else { continue };
        if !m.id.name.starts_with(prefix) {
            continue;
        }
        let Some(value) = m.value else { continue };
        let mut parts = Vec::new();
        for el in value.elements {
            match el {
                ast::PatternElement::TextElement { value } => parts.push(Part::Lit(value.to_string())),
                ast::PatternElement::Placeable {
                    expression: ast::Expression::Inline(ast::InlineExpression::VariableReference { id }),
                } => parts.push(Part::Var(id.name.to_string())),
                // `{"{"}`: a brace that is text.
                ast::PatternElement::Placeable {
                    expression: ast::Expression::Inline(ast::InlineExpression::StringLiteral { value }),
                } => parts.push(Part::Lit(value.to_string())),
                ast::PatternElement::Placeable { .. } => {}
            }
        }
        out.push((m.id.name.to_string(), parts));
    }
    out
}

/// Match `text` against a pattern; the values of its variables.
fn matches(parts: &[Part], text: &str) -> Option<Vec<(String, String)>> {
    match parts.split_first() {
        None => text.is_empty().then(Vec::new),
        Some((Part::Lit(l), rest)) => matches(rest, text.strip_prefix(l.as_str())?),
        Some((Part::Var(name), rest)) => {
            if rest.is_empty() {
                return (!text.is_empty()).then(|| vec![(name.clone(), text.to_string())]);
            }
            // Try every end of the variable, shortest first.
            let mut ends: Vec<usize> = text.char_indices().map(|(i, _)| i).skip(1).collect();
            ends.push(text.len());
            for end in ends {
                let (value, after) = text.split_at(end);
                if let Some(mut found) = matches(rest, after) {
                    found.push((name.clone(), value.to_string()));
                    return Some(found);
                }
            }
            None
        }
    }
}

/// Words that stand inside the arguments of the German messages.
const WORDS: &[(&str, &str)] = &[
    (" or ", " oder "),
    (" and ", " und "),
    ("the end of the file", "das Dateiende"),
    ("a quoted text", "ein Text in Anführungszeichen"),
    ("a whole number", "eine ganze Zahl"),
    ("a date (YYYY-MM-DD)", "ein Datum (JJJJ-MM-TT)"),
    ("a year (YYYY)", "ein Jahr (JJJJ)"),
    ("a reference (a name, or `all`)", "ein Verweis (ein Name oder `all`)"),
    ("a name", "ein Name"),
    ("a modality", "eine Modalität"),
    ("a side", "eine Seite"),
    ("a period", "ein Zeitraum"),
    ("a duty", "eine Pflicht"),
    ("a step kind", "eine Schrittart"),
    ("a figure", "eine Zahl"),
    ("a fraction", "ein Bruch"),
    ("a percentage", "ein Prozentsatz"),
    ("a requirement", "eine Anforderung"),
    ("who may call a meeting", "wer eine Sitzung verlangen kann"),
    ("a block", "ein Block"),
    ("an attribute", "ein Attribut"),
    ("white space", "Leerraum"),
    ("an amount of money (e.g. EUR 10_000_000)", "ein Geldbetrag (z. B. EUR 10_000_000)"),
    ("a currency (e.g. EUR)", "eine Währung (z. B. EUR)"),
    ("once", "einmal"),
    ("twice", "zweimal"),
    (" times", "-mal"),
    (" state", " des Landes"),
    (" municipal", " der Kommunen"),
    (" federal", " des Bundes"),
    ("a party", "eine Partei"),
    ("an office", "ein Amt"),
    ("a body", "ein Gremium"),
    ("an actor", "ein Akteur"),
    ("a seat", "ein Sitz"),
    ("a goal", "ein Ziel"),
    ("an obligation", "eine Pflicht"),
    ("a service", "eine Leistung"),
    ("a project", "ein Projekt"),
    ("a financing", "eine Finanzierung"),
    ("a procedure", "ein Verfahren"),
    ("a step", "ein Schritt"),
    ("an approval", "eine Zustimmung"),
    ("a signature", "eine Unterzeichnung"),
    ("a group", "eine Gruppe"),
    ("a key", "ein Schlüssel"),
    ("a decision rule", "eine Beschlussregel"),
    ("an institution", "eine Einrichtung"),
    ("an act", "ein Rechtsakt"),
    ("a ratification", "eine Ratifikation"),
];

const NOUNS: &[(&str, &str)] = &[
    ("agreement", "Vereinbarung"),
    ("task", "Aufgabe"),
    ("term", "Geltungsdauer"),
    ("party", "Partei"),
    ("office", "Amt"),
    ("body", "Gremium"),
    ("actor", "Akteur"),
    ("seat", "Sitz"),
    ("goal", "Ziel"),
    ("obligation", "Pflicht"),
    ("service", "Leistung"),
    ("project", "Projekt"),
    ("financing", "Finanzierung"),
    ("procedure", "Verfahren"),
    ("step", "Schritt"),
    ("approval", "Zustimmung"),
    ("signature", "Unterzeichnung"),
    ("group", "Gruppe"),
    ("key", "Schlüssel"),
    ("decision rule", "Beschlussregel"),
    ("institution", "Einrichtung"),
    ("act", "Rechtsakt"),
    ("ratification", "Ratifikation"),
];

/// What a reference stands for, in the messages of R003.
const CONTEXTS: &[(&str, &str)] = &[
    ("the bearer of an obligation", "den Verpflichteten einer Pflicht"),
    ("the chair of a body", "den Vorsitz eines Gremiums"),
    ("the decision rule of a step", "die Beschlussregel eines Schritts"),
    ("the deputy chair of a body", "den stellvertretenden Vorsitz eines Gremiums"),
    ("the group of a weighted threshold", "die Gruppe einer gewichteten Schwelle"),
    ("the key of a share", "den Schlüssel eines Anteils"),
    ("the key of a weighted threshold", "den Schlüssel einer gewichteten Schwelle"),
    ("the key of an ownership share", "den Schlüssel eines Trägeranteils"),
    ("the office of a seat", "das Amt eines Sitzes"),
    ("the office of a signatory", "das Amt einer unterzeichnenden Person"),
    ("the party of a seat", "die Partei eines Sitzes"),
    ("the party of a signature", "die Partei einer Unterzeichnung"),
    ("the party of an office", "die Partei eines Amtes"),
    ("the provider of a service", "den Erbringer einer Leistung"),
    ("the group a key distributes among", "die Gruppe, auf die ein Schlüssel verteilt"),
    ("the money a step commits", "die Mittel, die ein Schritt bindet"),
    ("the step before", "den vorigen Schritt"),
    ("what an actor is part of", "das, wozu ein Akteur gehört"),
    ("who amends the agreement", "wer die Vereinbarung ändert"),
    ("who appoints an organ", "wer ein Organ bestellt"),
    ("who chooses a service", "wer eine Leistung auswählt"),
    ("who forms a body", "wer ein Gremium bildet"),
    ("who gives an approval", "wer eine Zustimmung erteilt"),
    ("who holds a veto", "wer ein Veto hat"),
    ("who is consulted", "wer angehört wird"),
    ("who may call a meeting", "wer eine Sitzung verlangen kann"),
    ("who pays a share", "wer einen Anteil zahlt"),
    ("who ratifies", "wer ratifiziert"),
    ("who supervises an institution", "wer eine Einrichtung beaufsichtigt"),
    ("who takes a step", "wer einen Schritt unternimmt"),
    ("whom a body reports to", "an wen ein Gremium berichtet"),
    ("whose consent a step needs", "wessen Einvernehmen ein Schritt braucht"),
    ("among whom the chair rotates", "unter wem der Vorsitz wechselt"),
    ("a member of a group", "ein Mitglied einer Gruppe"),
    ("a partner of a project", "einen Partner eines Projekts"),
    ("a party of a key", "eine Partei eines Schlüssels"),
    ("an owner of an institution", "einen Träger einer Einrichtung"),
    ("a beneficiary", "einen Begünstigten"),
    ("a payer", "einen Zahlenden"),
    ("a recipient", "einen Empfänger"),
];

/// A side of an agreement, as it follows "die Seite".
fn german_side(value: &str) -> String {
    match value {
        "state" => "des Landes".to_string(),
        "municipal" => "der Kommunen".to_string(),
        "federal" => "des Bundes".to_string(),
        other => other.to_string(),
    }
}

/// The phrases of `pakt who` for a requirement, a quorum or a meeting
/// rule, longest first.
const PHRASES: &[(&str, &str)] = &[
    ("the consent of every member (einvernehmlich)", "das Einvernehmen aller Mitglieder (einvernehmlich)"),
    (" of the voting members present", " der anwesenden stimmberechtigten Mitglieder"),
    (" of the members present", " der anwesenden Mitglieder"),
    (" of the voting members", " der stimmberechtigten Mitglieder"),
    (" of the members", " der Mitglieder"),
    (" members present", " anwesende Mitglieder"),
    (" of voting", " der Stimmberechtigten"),
    ("members carrying at least ", "Mitglieder mit mindestens "),
    (" of the figures of key ", " der Zahlen des Schlüssels "),
    ("the assent of ", "die Zustimmung von "),
    (" (a veto)", " (ein Veto)"),
    (" parties)", " Parteien)"),
    (", or on request of ", ", oder auf Verlangen von "),
    (" (a soft minimum)", " (ein weiches Minimum)"),
    ("as a rule ", "in der Regel "),
    ("regularly", "regelmäßig"),
    (" per year", "-mal im Jahr"),
    (" per quarter", "-mal im Quartal"),
    (" per month", "-mal im Monat"),
    ("at least ", "mindestens "),
    (" members", " Mitglieder"),
    ("unanimity", "Einstimmigkeit"),
    ("a majority", "die Mehrheit"),
    (" majority", "-Mehrheit"),
    ("by consent", "im Einvernehmen"),
    ("by majority", "mit Mehrheit"),
    ("unanimously", "einstimmig"),
    (" among ", " unter "),
    ("per seat", "je Sitz"),
    ("per bloc", "je Block"),
    (" coalition profiles", " Koalitionsprofile"),
    (" coalitions)", " Koalitionen)"),
    ("enumeration (all ", "Aufzählung (alle "),
    (" type of interchangeable players", " Typ austauschbarer Spieler"),
    (" types of interchangeable players", " Typen austauschbarer Spieler"),
    ("types (", "Typen ("),
    (" or of ", " oder von "),
    (" or ", " oder "),
    (" of `", " von `"),
];

fn phrase_words(value: &str) -> String {
    let mut s = value.to_string();
    for (en, de) in PHRASES {
        s = s.replace(en, de);
    }
    // On request of 2 members: the dative.
    if s.contains("Verlangen von") && s.ends_with(" Mitglieder") {
        s.push('n');
    }
    s = s.replace(" Mitglieder oder von", " Mitgliedern oder von");
    // "a 2/3-Mehrheit" → "eine 2/3-Mehrheit"
    if let Some(rest) = s.strip_prefix("a ") {
        if rest.contains("-Mehrheit") {
            return format!("eine {rest}");
        }
    }
    s
}

/// Money as Germans write it: EUR 1.500.000,50, EUR 80 Mio.
fn german_money(value: &str) -> String {
    value.replace('.', ",").replace('_', ".").replace(" million", " Mio.")
}

fn german_words(value: &str, var: &str) -> String {
    match var {
        "side" | "side2" => return german_side(value),
        "parties" | "others" | "members" | "whose" | "bodies" => {
            return value
                .replace("the parties of key ", "die Parteien des Schlüssels ")
                .replace(" and ", " und ")
                .replace("none", "keine")
        }
        "owed" => return german_money(value).replace(" a year", " im Jahr").replace("its tranches", "seine Tranchen"),
        "part" => return value.replace("the rest", "den Rest"),
        "modality" => {
            let de = [
                ("must", "muss"),
                ("shall", "soll"),
                ("may", "kann"),
                ("examines", "prüft"),
                ("recommends", "empfiehlt"),
                ("provides", "erbringt"),
                ("pays", "zahlt"),
                ("advisory, no vote", "beratend, ohne Stimme"),
            ];
            return de.iter().find(|(en, _)| *en == value).map_or(value, |(_, d)| d).to_string();
        }
        "money" => {
            return german_money(value)
                .replace("up to ", "bis zu ")
                .replace("about ", "etwa ")
                .replace(" per year", " im Jahr")
        }
        "sidename" => {
            return match value {
                "state" => "Land",
                "municipal" => "Kommunen",
                "federal" => "Bund",
                other => other,
            }
            .to_string()
        }
        "every" => {
            return match value {
                "year" => "jährlich".to_string(),
                "quarter" => "vierteljährlich".to_string(),
                "month" => "monatlich".to_string(),
                other => format!("alle {}", other.replace("years", "Jahre").replace("months", "Monate")),
            }
        }
        "req" | "meet" | "method" => return phrase_words(value),
        "sides" => {
            return value
                .split(", ")
                .map(|v| match v {
                    "state" => "Land",
                    "municipal" => "Kommunen",
                    "federal" => "Bund",
                    other => other,
                })
                .collect::<Vec<_>>()
                .join(", ")
        }
        "bound" => return if value == "all" { "alle".to_string() } else { value.to_string() },
        "vetoes" => return if value == "none" { "keine".to_string() } else { value.to_string() },
        "period" => {
            return match value {
                "year" => "Jahr",
                "quarter" => "Quartal",
                "month" => "Monat",
                other => other,
            }
            .to_string()
        }
        "bounds" => return value.replace("from ", "ab ").replace("until ", "bis ").replace(" to ", " bis "),
        "context" => return CONTEXTS.iter().find(|(en, _)| *en == value).map_or(value, |(_, de)| de).to_string(),
        "is" => return WORDS.iter().find(|(en, _)| *en == value).map_or(value, |(_, de)| de).to_string(),
        "places" => {
            let mut s = value
                .replace("the agreement header", "den Kopf der Vereinbarung")
                .replace("the `term`", "den `term`")
                .replace("the `amendment`", "das `amendment`")
                .replace("` of `", "` in `");
            if let Some((list, more)) = s.rsplit_once(" and ") {
                s = match more.strip_suffix(" more") {
                    Some(n) => format!("{list} und {n} weitere"),
                    None => format!("{list} und {more}"),
                };
            }
            return s;
        }
        _ => {}
    }
    // Names and amounts stay as written; only descriptive arguments are words.
    if var == "total" || var == "amount" {
        return german_money(value);
    }
    if var == "block" {
        return NOUNS.iter().find(|(en, _)| *en == value).map_or(value, |(_, de)| de).to_string();
    }
    if !["expected", "found", "counts", "times", "what", "kinds", "attrs", "blocks"].contains(&var) {
        return value.to_string();
    }
    if var == "attrs" || var == "blocks" {
        return value.replace("; and ", "; und ");
    }
    // Kinds of elements without article ("party, office or body").
    if var == "kinds" {
        let mut s = value.to_string();
        for (en, de) in NOUNS {
            s = s
                .split(", ")
                .map(|w| if w == *en { de.to_string() } else { w.to_string() })
                .collect::<Vec<_>>()
                .join(", ");
            s = s
                .split(" or ")
                .map(|w| if w == *en { de.to_string() } else { w.to_string() })
                .collect::<Vec<_>>()
                .join(" or ");
        }
        return s.replace(" or ", " oder ");
    }
    if var == "what" {
        // The attribute R005 misses.
        let attr = [("duty", "Pflichtinhalt"), ("requirement", "Anforderung"), ("members", "Mitglieder")];
        if let Some((_, de)) = attr.iter().find(|(en, _)| *en == value) {
            return de.to_string();
        }
    }
    // Longer phrases first, so that " or " does not break "a name, or `all`".
    let mut words: Vec<&(&str, &str)> = WORDS.iter().collect();
    words.sort_by_key(|(en, _)| std::cmp::Reverse(en.len()));
    let mut s = value.to_string();
    for (en, de) in words {
        s = s.replace(en, de);
    }
    s
}

/// Translate one text, or leave it as it is.
fn translate(text: &str, lang: Lang) -> String {
    if lang == Lang::En {
        return text.to_string();
    }
    PATTERNS.with(|p| {
        for (id, parts) in p.get_or_init(patterns) {
            if let Some(found) = matches(parts, text) {
                // A reason inside a message is itself a message (`malformed amount: …`).
                let values: Vec<(String, String)> = found
                    .iter()
                    .map(|(k, v)| (k.clone(), if k == "why" { translate(v, lang) } else { german_words(v, k) }))
                    .collect();
                let args: Vec<(&str, Arg<'_>)> = values.iter().map(|(k, v)| (k.as_str(), Arg::Text(v))).collect();
                return tr(lang, id, &args);
            }
        }
        text.to_string()
    })
}

/// One piece of the text of a query or a view (`v-…` in the catalogue) in
/// `lang`: the whole piece if a pattern matches it, else each part between
/// `separators` (tried in order), else the piece as it is.
pub fn translate_view(text: &str, lang: Lang) -> String {
    if lang == Lang::En || text.is_empty() {
        return text.to_string();
    }
    view_piece(text, lang, &[" · ", "; "])
}

/// Lists joined by ` · ` or `; ` are translated item by item; a piece
/// that no pattern takes whole is tried item by item between `, `.
fn view_piece(text: &str, lang: Lang, separators: &[&str]) -> String {
    for (i, sep) in separators.iter().enumerate() {
        if text.contains(sep) {
            let rest = separators.get(i + 1..).unwrap_or(&[]);
            return text.split(sep).map(|p| view_piece(p, lang, rest)).collect::<Vec<_>>().join(sep);
        }
    }
    if let Some(t) = view_whole(text, lang) {
        return t;
    }
    if text.contains(", ") {
        return text
            .split(", ")
            .map(|p| view_whole(p, lang).unwrap_or_else(|| p.to_string()))
            .collect::<Vec<_>>()
            .join(", ");
    }
    text.to_string()
}

/// A view's boxes, edges and titles in `lang`.
pub fn translate_picture(p: &mut crate::graph::views::Picture, lang: Lang) {
    use crate::graph::views::Row;
    if lang == Lang::En {
        return;
    }
    p.title = translate_view(&p.title, lang);
    for n in &mut p.nodes {
        n.title = translate_view(&n.title, lang);
        for r in &mut n.rows {
            match r {
                Row::Text(t) | Row::Note(t) | Row::Heading(t) | Row::Mark(t) | Row::Figure(t) => {
                    *t = translate_view(t, lang);
                }
                Row::Bars(bars) => {
                    for b in bars {
                        b.label = translate_view(&b.label, lang);
                        b.text = translate_view(&b.text, lang);
                    }
                }
            }
        }
    }
    for e in &mut p.edges {
        e.label = e.label.as_deref().map(|l| translate_view(l, lang));
    }
    for c in &mut p.clusters {
        c.title = translate_view(&c.title, lang);
    }
}

fn view_whole(text: &str, lang: Lang) -> Option<String> {
    VIEW_PATTERNS.with(|p| {
        for (id, parts) in p.get_or_init(|| patterns_with("v-")) {
            if let Some(found) = matches(parts, text) {
                let values: Vec<(String, String)> = found
                    .iter()
                    .map(|(k, v)| {
                        let v = match k.as_str() {
                            // A list or a phrase inside: translated piece by piece.
                            "list" | "why" | "rule" | "decides" | "quorum" | "extra" | "who" | "label" => {
                                translate_view(v, lang)
                            }
                            // A seat's facts: "party land, state side, 4 members, voting".
                            "parts" => split_outside_parentheses(v)
                                .iter()
                                .map(|p| view_whole(p, lang).unwrap_or_else(|| p.to_string()))
                                .collect::<Vec<_>>()
                                .join(", "),
                            _ => german_words(v, k),
                        };
                        (k.clone(), v)
                    })
                    .collect();
                let args: Vec<(&str, Arg<'_>)> = values.iter().map(|(k, v)| (k.as_str(), Arg::Text(v))).collect();
                return Some(tr(lang, id, &args));
            }
        }
        None
    })
}

/// A line of the table of `pakt power` in German, in the same columns:
/// the header, or a row `side state  5  no  yes  11/15 (0.733) …`.
fn power_table_line(line: &str) -> Option<String> {
    let row = |name: &str, cells: [&str; 7]| {
        let [seats, alone, block, a, b, c, d] = cells;
        format!("{name:<26} {seats:>5}  {alone:<6} {block:<5}  {a:<18} {b:<18} {c:<18} {d}").trim_end().to_string()
    };
    if line.starts_with("seats  alone  block") {
        let h = row(
            "",
            ["Sitze", "allein", "Veto", "Banzhaf (Sitze)", "Shapley (Sitze)", "Banzhaf (Blöcke)", "Shapley (Blöcke)"],
        );
        return Some(h.trim_start().to_string());
    }
    let t: Vec<&str> = line.split_whitespace().collect();
    let [kind, id, seats, alone, block, a1, a2, b1, b2, c1, c2, d1, d2] = t.as_slice() else { return None };
    let kind = match *kind {
        "side" => "Seite",
        "party" => "Partei",
        "group" => "Gruppe",
        "actor" => "Akteur",
        "office" => "Amt",
        "seat" => "Sitz",
        _ => return None,
    };
    let id = match *id {
        "state" => "Land",
        "municipal" => "Kommunen",
        "federal" => "Bund",
        other => other,
    };
    let yes = |w: &str| match w {
        "yes" => Some("ja"),
        "no" => Some("nein"),
        _ => None,
    };
    let (a, b, c, d) = (format!("{a1} {a2}"), format!("{b1} {b2}"), format!("{c1} {c2}"), format!("{d1} {d2}"));
    Some(row(&format!("{kind} {id}"), [seats, yes(alone)?, yes(block)?, &a, &b, &c, &d]))
}

/// The items of a list joined by `, `, a comma inside parentheses kept.
fn split_outside_parentheses(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    for (i, c) in text.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            ',' if depth == 0 && text.get(i + 1..).is_some_and(|r| r.starts_with(' ')) => {
                out.push(text.get(start..i).unwrap_or(""));
                start = i + 2;
            }
            _ => {}
        }
    }
    out.push(text.get(start..).unwrap_or(""));
    out
}

/// Every line of a query's text output in `lang`, its indentation kept.
/// A table (columns set apart by runs of spaces) stays as it is: its
/// columns would no longer line up.
pub fn translate_lines(text: &str, lang: Lang) -> String {
    if lang == Lang::En {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let (body, end) = line.strip_suffix('\n').map_or((line, ""), |b| (b, "\n"));
        let trimmed = body.trim_start();
        out.push_str(body.get(..body.len() - trimmed.len()).unwrap_or(""));
        if trimmed.contains("   ") {
            out.push_str(&power_table_line(trimmed).unwrap_or_else(|| trimmed.to_string()));
        } else {
            out.push_str(&translate_view(trimmed, lang));
        }
        out.push_str(end);
    }
    out
}

/// Write keywords quoted in backticks in the German set: each word of a
/// quoted span that is an English keyword (`meets at_least 2 per year`).
/// Words that are also German keywords (`land`) stay.
fn german_keywords(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut inside = false;
    for (i, piece) in text.split('`').enumerate() {
        if i > 0 {
            out.push('`');
        }
        if inside {
            let words: Vec<String> = piece
                .split(' ')
                .map(|w| match KEYWORDS.iter().find(|(_, en, _)| *en == w) {
                    Some((_, _, de)) if !de.contains(&w) => de.first().copied().unwrap_or(w).to_string(),
                    _ => w.to_string(),
                })
                .collect();
            out.push_str(&words.join(" "));
        } else if let Some((before, list)) = piece.split_once(" takes: ").or_else(|| piece.split_once(" nimmt: ")) {
            // "a `body` block takes: kind, legal_basis, …": a list of keywords.
            let verb = if piece.contains(" takes: ") { " takes: " } else { " nimmt: " };
            out.push_str(before);
            out.push_str(verb);
            out.push_str(&keyword_words(list));
        } else {
            out.push_str(piece);
        }
        inside = !inside;
    }
    out
}

/// Every word of `text` that is an English keyword, in German.
fn keyword_words(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        let german = KEYWORDS.iter().find(|(_, en, _)| *en == word.as_str()).and_then(|(_, _, de)| de.first());
        out.push_str(german.copied().unwrap_or(word.as_str()));
        word.clear();
    };
    for c in text.chars() {
        if c.is_ascii_lowercase() || c == '_' {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            out.push(c);
        }
    }
    flush(&mut word, &mut out);
    out
}

/// The diagnostic in `lang`, its keywords in the set of a file in `file_lang`.
pub fn localize(d: &Diagnostic, lang: Lang, file_lang: Lang) -> Diagnostic {
    // P013 names a keyword of the other set on purpose.
    let map_keywords = file_lang == Lang::De && d.code != "P013";
    let f = |text: &str| {
        let t = translate(text, lang);
        if map_keywords {
            german_keywords(&t)
        } else {
            t
        }
    };
    let mut d = d.clone();
    d.message = f(&d.message);
    d.primary.message = f(&d.primary.message);
    for l in &mut d.secondary {
        l.message = f(&l.message);
    }
    d.help = d.help.as_deref().map(f);
    for r in &mut d.related {
        r.message = f(&r.message);
    }
    d
}

/// The words miette and the renderer put around a finding (`error:`,
/// `help:`, `see FILE:…`), in `lang`: the frame of the human report.
pub fn german_frame(rendered: String, lang: Lang) -> String {
    if lang == Lang::En {
        return rendered;
    }
    let mut out = String::with_capacity(rendered.len() + 16);
    for (i, line) in rendered.split_inclusive('\n').enumerate() {
        let mut l = line.to_string();
        if i == 0 {
            for (en, de) in [("error: ", "Fehler: "), ("warning: ", "Warnung: ")] {
                if let Some(at) =
                    l.find(en).filter(|at| *at == 0 || l.get(..*at).is_some_and(|p| p.starts_with('\u{1b}')))
                {
                    l.replace_range(at..at + en.len(), de);
                    break;
                }
            }
        }
        for (en, de) in [
            ("  help: \u{1b}[0msee ", "  Hilfe: \u{1b}[0msiehe "),
            ("  help: see ", "  Hilfe: siehe "),
            ("  help: ", "  Hilfe: "),
        ] {
            if l.contains(en) {
                l = l.replacen(en, de, 1);
                break;
            }
        }
        if let Some(rest) = l.strip_prefix("        see ") {
            l = format!("        siehe {rest}");
        }
        let indent = l.len() - l.trim_start().len();
        if let Some(n) = l.trim().strip_suffix(" more places:").filter(|n| n.chars().all(|c| c.is_ascii_digit())) {
            let end = if l.ends_with('\n') { "\n" } else { "" };
            l = format!("{}{n} weitere Stellen:{end}", l.get(..indent).unwrap_or(""));
        }
        if let Some(rest) = l.trim_start().strip_prefix("allowed in the agreement: ") {
            l = format!("{}in der Vereinbarung erlaubt: {rest}", l.get(..indent).unwrap_or(""));
        }
        out.push_str(&l);
    }
    out
}

/// The findings of a run in `lang` (for the JSON report), each file's
/// keywords in its own set. The model is left out: the reports do not read it.
pub fn localize_results(results: &[crate::check::FileResult], lang: Lang) -> Vec<crate::check::FileResult> {
    results
        .iter()
        .map(|r| {
            let file_lang = crate::i18n::text_lang(&r.text);
            crate::check::FileResult {
                path: r.path.clone(),
                text: r.text.clone(),
                model: None,
                diagnostics: r.diagnostics.iter().map(|d| localize(d, lang, file_lang)).collect(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]
    use super::*;

    #[test]
    fn patterns_match_and_translate() {
        assert_eq!(translate("did you mean `beirat`?", Lang::De), "meinten Sie `beirat`?");
        assert_eq!(translate("`x` is not defined", Lang::De), "`x` ist nicht definiert");
        assert_eq!(translate("something else entirely", Lang::De), "something else entirely");
        assert_eq!(translate("did you mean `beirat`?", Lang::En), "did you mean `beirat`?");
    }

    #[test]
    fn a_reason_inside_a_message_is_translated_too() {
        assert_eq!(
            translate("malformed amount: `1.5`: in a file with German keywords a dot groups thousands (`80.000.000`) and a comma separates decimals (`1,5 Mio.`)", Lang::De),
            "fehlerhafter Betrag: `1.5`: in einer Datei mit deutschen Schlüsselwörtern gruppiert ein Punkt Tausender (`80.000.000`) und ein Komma trennt Dezimalstellen ab (`1,5 Mio.`)"
        );
        assert_eq!(
            translate("`2018-02-30` is not a valid date: 2018-02 has no day 30 (it has 28 days)", Lang::De),
            "`2018-02-30` ist kein gültiges Datum: 2018-02 hat keinen Tag 30 (er hat 28 Tage)"
        );
    }

    #[test]
    fn the_frame_of_a_finding_in_german() {
        let en = "error: A018(continuity)\n\n  × x\n  help: did you mean `a`?\n        see f.pakt:1:2: y\n        2 more places:\n          f.pakt:3:4: z\n        allowed in the agreement: weil\n";
        assert_eq!(german_frame(en.to_string(), Lang::En), en);
        assert_eq!(
            german_frame(en.to_string(), Lang::De),
            "Fehler: A018(continuity)\n\n  × x\n  Hilfe: did you mean `a`?\n        siehe f.pakt:1:2: y\n        2 weitere Stellen:\n          f.pakt:3:4: z\n        in der Vereinbarung erlaubt: weil\n"
        );
        let colored = "\u{1b}[33mwarning: R008(unused-allow)\u{1b}[0m\n\u{1b}[36m  help: \u{1b}[0msee f.pakt:1:1: x\n";
        assert_eq!(
            german_frame(colored.to_string(), Lang::De),
            "\u{1b}[33mWarnung: R008(unused-allow)\u{1b}[0m\n\u{1b}[36m  Hilfe: \u{1b}[0msiehe f.pakt:1:1: x\n"
        );
    }

    #[test]
    fn view_texts_translate_piece_by_piece() {
        assert_eq!(translate_view("must 2 · shall 1", Lang::De), "muss 2 · soll 1");
        assert_eq!(translate_view("for kommunen; free of charge", Lang::De), "für kommunen; unentgeltlich");
        assert_eq!(translate_view("for kommunen; free of charge", Lang::En), "for kommunen; free of charge");
        assert_eq!(translate_view("Name of a Land", Lang::De), "Name of a Land");
    }

    #[test]
    fn keywords_in_backticks_follow_the_file() {
        assert_eq!(
            german_keywords("e.g. `meets at_least 2 per year`, or `land` and `beirat`"),
            "e.g. `tagt mindestens 2 pro jahr`, or `land` and `beirat`"
        );
    }
}
