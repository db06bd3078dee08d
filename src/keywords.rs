//! The two keyword sets of the language, English and German, as data.
//!
//! In: nothing (a table), or a parsed file. Out: the keyword rules of
//! `grammar/pakt.pest` (a test keeps the grammar in step with this table),
//! the side-by-side table in docs/language.md, the language of a file and
//! a diagnostic for a file that mixes both sets.
//!
//! A file's set is chosen by its header keyword (`agreement`/`statute`/
//! `rules_of_procedure` or `vereinbarung`/`satzung`/`geschaeftsordnung`).
//! Some words are the same in both sets (`land`, `tranche`, `rest`,
//! `organ`); they belong to either.

use crate::diagnostic::{Diagnostic, Label};
use crate::span::Span;
use crate::syntax::{Pair, Rule};

/// A keyword set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    En,
    De,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::De => "de",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        match code.to_ascii_lowercase().as_str() {
            "en" | "english" => Some(Lang::En),
            "de" | "deutsch" | "german" => Some(Lang::De),
            _ => None,
        }
    }
}

/// Rule name, the English keyword, the German keywords. The first German
/// keyword is what `convert_keywords` writes; the others are accepted too
/// (the ASCII spelling of a word with umlauts, and the words that read
/// better in a particular place, see [`CONTEXT`]).
pub const KEYWORDS: &[(&str, &str, &[&str])] = &[
    // documents and their header
    ("kw_agreement", "agreement", &["vereinbarung"]),
    ("kw_statute", "statute", &["satzung"]),
    ("kw_rules_of_procedure", "rules_of_procedure", &["geschäftsordnung", "geschaeftsordnung"]),
    ("kw_title", "title", &["titel"]),
    ("kw_kind", "kind", &["art"]),
    ("kw_land", "land", &["land"]),
    ("kw_date", "date", &["datum"]),
    ("kw_place", "place", &["ort"]),
    ("kw_supersedes", "supersedes", &["ersetzt"]),
    ("kw_renews", "renews", &["erneuert"]),
    // attributes of every block
    ("kw_section", "section", &["abschnitt"]),
    ("kw_wording", "wording", &["wortlaut"]),
    ("kw_for", "for", &["für", "fuer"]),
    ("kw_unknown", "unknown", &["unbekannt"]),
    ("kw_assumption", "assumption", &["annahme"]),
    ("kw_note", "note", &["anmerkung"]),
    ("kw_allow", "allow", &["erlaubt"]),
    // goals, parties, groups, keys, offices, actors
    ("kw_goal", "goal", &["ziel"]),
    ("kw_party", "party", &["partei"]),
    ("kw_side", "side", &["seite"]),
    ("kw_federal", "federal", &["bund"]),
    ("kw_state", "state", &["land"]),
    ("kw_municipal", "municipal", &["kommunal"]),
    ("kw_represented_by", "represented_by", &["vertreten_durch"]),
    ("kw_group", "group", &["gruppe"]),
    ("kw_members", "members", &["mitglieder"]),
    ("kw_key", "key", &["schlüssel", "schluessel"]),
    ("kw_year", "year", &["jahr"]),
    ("kw_source", "source", &["quelle"]),
    ("kw_example", "example", &["beispiel"]),
    ("kw_tolerance", "tolerance", &["toleranz"]),
    ("kw_share", "share", &["anteil"]),
    ("kw_office", "office", &["amt"]),
    ("kw_of", "of", &["von", "der"]),
    ("kw_holder", "holder", &["inhaber"]),
    ("kw_actor", "actor", &["akteur"]),
    ("kw_part_of", "part_of", &["teil_von"]),
    // bodies
    ("kw_body", "body", &["gremium"]),
    ("kw_legal_basis", "legal_basis", &["rechtsgrundlage"]),
    ("kw_parity", "parity", &["paritätisch", "paritaetisch"]),
    ("kw_seats", "seats", &["sitze"]),
    ("kw_seat", "seat", &["sitz"]),
    ("kw_count", "count", &["anzahl"]),
    ("kw_each", "each", &["je"]),
    ("kw_variable", "variable", &["variabel"]),
    ("kw_voting", "voting", &["stimmberechtigt", "stimmberechtigten"]),
    ("kw_advisory", "advisory", &["beratend"]),
    ("kw_votes_on", "votes_on", &["stimmrecht_für", "stimmrecht_fuer"]),
    ("kw_chair", "chair", &["vorsitz"]),
    ("kw_rotating", "rotating", &["wechselnd"]),
    ("kw_among", "among", &["zwischen"]),
    ("kw_every", "every", &["alle"]),
    ("kw_order", "order", &["reihenfolge"]),
    ("kw_deputy", "deputy", &["stellvertretung"]),
    ("kw_casting_vote", "casting_vote", &["stichentscheid"]),
    ("kw_non_member", "non_member", &["ohne_sitz"]),
    ("kw_meets", "meets", &["tagt"]),
    ("kw_regularly", "regularly", &["regelmäßig", "regelmaessig"]),
    ("kw_at_least", "at_least", &["mindestens"]),
    ("kw_as_a_rule", "as_a_rule", &["in_der_regel"]),
    ("kw_governed_by", "governed_by", &["geregelt_in"]),
    ("kw_per", "per", &["pro"]),
    ("kw_years", "years", &["jahre"]),
    ("kw_quarter", "quarter", &["quartal"]),
    ("kw_month", "month", &["monat"]),
    ("kw_months", "months", &["monate"]),
    ("kw_or", "or", &["oder"]),
    ("kw_on_request_of", "on_request_of", &["auf_antrag_von"]),
    ("kw_quorum", "quorum", &["beschlussfähig_ab", "beschlussfaehig_ab"]),
    ("kw_decides", "decides", &["beschließt", "beschliesst"]),
    ("kw_by", "by", &["durch", "mit", "gemäß", "gemaess", "bis_zum"]),
    ("kw_consent", "consent", &["einvernehmen"]),
    ("kw_unanimity", "unanimity", &["einstimmigkeit"]),
    ("kw_majority", "majority", &["mehrheit"]),
    ("kw_qualified", "qualified", &["mehrheit_von"]),
    ("kw_weighted", "weighted", &["gewichtet"]),
    ("kw_decision", "decision", &["beschlussregel"]),
    ("kw_requires", "requires", &["erfordert"]),
    ("kw_present", "present", &["anwesenden"]),
    ("kw_veto", "veto", &["zustimmung_von"]),
    ("kw_binding", "binding", &["verbindlich_für", "verbindlich_fuer"]),
    ("kw_recommendation_to", "recommendation_to", &["empfehlung_an"]),
    ("kw_reports_to", "reports_to", &["berichtet_an"]),
    ("kw_continues", "continues", &["führt_fort", "fuehrt_fort"]),
    ("kw_formed_by", "formed_by", &["gebildet_von"]),
    ("kw_task", "task", &["aufgabe"]),
    // obligations, services, projects
    ("kw_obligation", "obligation", &["pflicht"]),
    ("kw_bearer", "bearer", &["verpflichtet"]),
    ("kw_must", "must", &["muss"]),
    ("kw_shall", "shall", &["soll"]),
    ("kw_may", "may", &["kann"]),
    ("kw_examines", "examines", &["prüft", "prueft"]),
    ("kw_recommends", "recommends", &["empfiehlt"]),
    ("kw_beneficiary", "beneficiary", &["begünstigt", "beguenstigt"]),
    ("kw_condition", "condition", &["bedingung"]),
    ("kw_budget_reservation", "budget_reservation", &["haushaltsvorbehalt"]),
    ("kw_free_of_charge", "free_of_charge", &["kostenfrei"]),
    ("kw_costly", "costly", &["kostenpflichtig"]),
    ("kw_frequency", "frequency", &["häufigkeit", "haeufigkeit"]),
    ("kw_deadline", "deadline", &["frist"]),
    ("kw_service", "service", &["leistung"]),
    ("kw_provider", "provider", &["anbieter"]),
    ("kw_chosen_by", "chosen_by", &["gewählt_von", "gewaehlt_von"]),
    ("kw_project", "project", &["projekt"]),
    ("kw_partners", "partners", &["partner"]),
    // money
    ("kw_financing", "financing", &["finanzierung"]),
    ("kw_payer", "payer", &["zahler"]),
    ("kw_recipient", "recipient", &["empfänger", "empfaenger"]),
    ("kw_up_to", "up_to", &["bis_zu"]),
    ("kw_exactly", "exactly", &["genau"]),
    ("kw_about", "about", &["rund"]),
    ("kw_to", "to", &["bis"]),
    ("kw_rest", "rest", &["rest"]),
    ("kw_before_split", "before_split", &["vorab"]),
    ("kw_tranche", "tranche", &["tranche"]),
    ("kw_cost_sharing", "cost_sharing", &["kostenteilung"]),
    ("kw_million", "million", &["Mio.", "Millionen"]),
    // procedures
    ("kw_procedure", "procedure", &["verfahren"]),
    ("kw_step", "step", &["schritt"]),
    ("kw_propose", "propose", &["vorschlagen"]),
    ("kw_consult", "consult", &["anhören", "anhoeren"]),
    ("kw_agree_financing", "agree_financing", &["finanzierung_vereinbaren"]),
    ("kw_decide", "decide", &["beschließen", "beschliessen"]),
    ("kw_implement", "implement", &["umsetzen"]),
    ("kw_report", "report", &["berichten"]),
    ("kw_after", "after", &["nach"]),
    ("kw_consent_of", "consent_of", &["einvernehmen_mit"]),
    ("kw_consultation_of", "consultation_of", &["benehmen_mit"]),
    ("kw_commits_money", "commits_money", &["bindet_mittel"]),
    ("kw_under", "under", &["nach_regel"]),
    // term, ending, ratification, amendment
    ("kw_term", "term", &["geltungsdauer"]),
    ("kw_from", "from", &["ab"]),
    ("kw_until", "until", &["bis"]),
    ("kw_until_revoked", "until_revoked", &["bis_auf_widerruf"]),
    ("kw_in_writing", "in_writing", &["schriftlich"]),
    ("kw_notice", "notice", &["kündigungsfrist", "kuendigungsfrist"]),
    ("kw_to_end_of", "to_end_of", &["zum_ende"]),
    ("kw_in_force_when", "in_force_when", &["in_kraft_wenn"]),
    ("kw_ratifications", "ratifications", &["ratifikationen"]),
    ("kw_lapses_below", "lapses_below", &["erlischt_unter"]),
    ("kw_parties", "parties", &["parteien"]),
    ("kw_effective_when", "effective_when", &["wirksam_wenn"]),
    ("kw_withdrawal", "withdrawal", &["kündigung", "kuendigung"]),
    ("kw_continues_for_others", "continues_for_others", &["fortbestand_für_übrige", "fortbestand_fuer_uebrige"]),
    ("kw_ends_agreement", "ends_agreement", &["beendet_vereinbarung"]),
    ("kw_ends", "ends", &["beendet"]),
    ("kw_approval", "approval", &["zustimmung"]),
    ("kw_signature", "signature", &["unterzeichnung"]),
    ("kw_signatory", "signatory", &["unterzeichner"]),
    ("kw_ratification", "ratification", &["ratifikation"]),
    ("kw_depositary", "depositary", &["verwahrer"]),
    ("kw_amendment", "amendment", &["änderung", "aenderung"]),
    // institutions and acts
    ("kw_institution", "institution", &["einrichtung"]),
    ("kw_legal_form", "legal_form", &["rechtsform"]),
    ("kw_located_in", "located_in", &["sitz_in"]),
    ("kw_owner", "owner", &["träger", "traeger"]),
    ("kw_equal", "equal", &["zu_gleichen_teilen"]),
    ("kw_organ", "organ", &["organ"]),
    ("kw_max_term", "max_term", &["höchstens", "hoechstens"]),
    ("kw_appointed_by", "appointed_by", &["bestellt_von"]),
    ("kw_supervision", "supervision", &["aufsicht"]),
    ("kw_takes_over", "takes_over", &["übernimmt", "uebernimmt"]),
    ("kw_act", "act", &["rechtsakt"]),
    // references
    ("kw_all", "all", &["alle"]),
];

/// Where a keyword reads better in another German word than its first one:
/// the enclosing rule, the keyword rule, the German word written there.
/// `decides by majority` → `beschließt mit mehrheit`, `share laender by
/// koenigstein` → `anteil laender gemäß koenigstein`, `2 of laender` → `2
/// der laender`.
pub const CONTEXT: &[(&str, &str, &str)] = &[
    ("decides_attr", "kw_by", "mit"),
    ("share_by_key", "kw_by", "gemäß"),
    ("share_rest", "kw_by", "gemäß"),
    ("in_force_attr", "kw_by", "bis_zum"),
    ("base", "kw_of", "der"),
    ("req_count", "kw_of", "der"),
    ("req_weighted", "kw_of", "der"),
    ("requester", "kw_of", "der"),
    ("base", "kw_voting", "stimmberechtigten"),
];

/// The table row of a keyword rule.
pub fn entry(rule_name: &str) -> Option<&'static (&'static str, &'static str, &'static [&'static str])> {
    KEYWORDS.iter().find(|(r, _, _)| *r == rule_name)
}

/// The keyword a rule is written with in `lang`, inside `parent` (the
/// name of the enclosing grammar rule).
pub fn word(rule_name: &str, parent: &str, lang: Lang) -> Option<&'static str> {
    let (_, en, de) = entry(rule_name)?;
    match lang {
        Lang::En => Some(en),
        Lang::De => CONTEXT
            .iter()
            .find(|(p, r, _)| *p == parent && *r == rule_name)
            .map(|(_, _, w)| *w)
            .or_else(|| de.first().copied()),
    }
}

/// Which sets a keyword's text belongs to: English, German, or both.
pub fn sets_of(rule_name: &str, text: &str) -> (bool, bool) {
    match entry(rule_name) {
        Some((_, en, de)) => (*en == text, de.contains(&text)),
        None => (false, false),
    }
}

/// The English keyword of a German block keyword, for messages that know
/// blocks by their English name.
pub fn english_of(word: &str) -> Option<&'static str> {
    KEYWORDS.iter().find(|(_, _, de)| de.contains(&word)).map(|(_, en, _)| *en)
}

/// Attribute names that `unknown …` and `wording for …` take and that are
/// no keyword of their own, in German.
pub const ATTRIBUTE_NAMES: &[(&str, &str)] =
    &[("duty", "pflichttext"), ("amount", "betrag"), ("in_force", "in_kraft"), ("lapses", "erlischt")];

/// The German name of an attribute named by its English keyword in
/// `unknown meets` / `wording for chair`: `tagt`, `vorsitz`.
pub fn attribute_de(en: &str) -> &str {
    if let Some((_, de)) = ATTRIBUTE_NAMES.iter().find(|(e, _)| *e == en) {
        return de;
    }
    KEYWORDS.iter().find(|(_, e, _)| *e == en).and_then(|(_, _, de)| de.first().copied()).unwrap_or(en)
}

/// The English name of an attribute written in German, among `names`.
pub fn attribute_en<'a>(de: &str, names: &[&'a str]) -> Option<&'a str> {
    names
        .iter()
        .copied()
        .find(|en| attribute_de(en) == de || KEYWORDS.iter().any(|(_, e, words)| e == en && words.contains(&de)))
}

/// The name of a grammar rule as written in the grammar (`kw_party`).
pub fn rule_name(rule: Rule) -> String {
    format!("{rule:?}")
}

type Row = (&'static str, &'static str, &'static [&'static str]);

/// The table row of a grammar rule, if it is a keyword rule. A table by
/// the rule's index, made once: compile asks this for every node of every
/// file, on every thread.
fn row_of(rule: Rule) -> Option<&'static Row> {
    static ROWS: std::sync::OnceLock<Vec<Option<usize>>> = std::sync::OnceLock::new();
    let rows = ROWS.get_or_init(|| {
        let all = Rule::all_rules();
        let mut rows = vec![None; all.iter().map(|r| *r as usize + 1).max().unwrap_or(0)];
        for &r in all {
            let name = rule_name(r);
            if let Some(slot) = rows.get_mut(r as usize) {
                *slot = KEYWORDS.iter().position(|(n, _, _)| *n == name);
            }
        }
        rows
    });
    rows.get(rule as usize).copied().flatten().and_then(|i| KEYWORDS.get(i))
}

fn is_keyword_rule(rule: Rule) -> bool {
    row_of(rule).is_some()
}

/// Every keyword pair of a parse tree, with the name of its parent rule,
/// in source order.
pub fn keyword_pairs<'i>(file: &Pair<'i>) -> Vec<(Pair<'i>, String)> {
    let mut out = Vec::new();
    let mut stack: Vec<(Pair<'i>, Rule)> = vec![(file.clone(), Rule::file)];
    // Depth first, children pushed in reverse so that they come out in order.
    while let Some((pair, parent)) = stack.pop() {
        let rule = pair.as_rule();
        if is_keyword_rule(rule) {
            out.push((pair, rule_name(parent)));
            continue;
        }
        let children: Vec<Pair<'i>> = pair.clone().into_inner().collect();
        for c in children.into_iter().rev() {
            stack.push((c, rule));
        }
    }
    out
}

/// The set a file is written in (told by its header keyword), and an error
/// for every keyword of the other set... only the first one: one mistake
/// usually means the whole file was pasted together, and one message says so.
pub fn file_language(file: &Pair<'_>) -> (Lang, Vec<Diagnostic>) {
    language_of(file, None)
}

/// The set of a file whose header keyword has been read already (`known`),
/// for a part of the file parsed on its own: only the keywords of the
/// other set are reported.
pub fn piece_language(piece: &Pair<'_>, known: Lang) -> Vec<Diagnostic> {
    language_of(piece, Some(known)).1
}

/// The header keyword of a file and where it stands (byte offsets).
pub fn header_keyword(text: &str) -> Option<(String, Span)> {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let code = line.split("//").next().unwrap_or("");
        let trimmed = code.trim_start();
        if !trimmed.trim().is_empty() {
            let start = offset + (code.len() - trimmed.len());
            let word: String = trimmed.chars().take_while(|c| !c.is_whitespace() && *c != '{').collect();
            return Some((word.clone(), Span::new(start, start + word.len())));
        }
        offset += line.len();
    }
    None
}

/// The language a file's header keyword picks, by reading the first word
/// that is not in a comment (for a file parsed in parts).
pub fn header_language(text: &str) -> Lang {
    let first = text
        .lines()
        .map(|l| l.split("//").next().unwrap_or("").trim())
        .find(|l| !l.is_empty())
        .and_then(|l| l.split(|c: char| c.is_whitespace() || c == '{').next())
        .unwrap_or("");
    let german = KEYWORDS
        .iter()
        .filter(|(rule, _, _)| matches!(*rule, "kw_agreement" | "kw_statute" | "kw_rules_of_procedure"))
        .any(|(_, _, de)| de.contains(&first));
    if german {
        Lang::De
    } else {
        Lang::En
    }
}

fn language_of(file: &Pair<'_>, known: Option<Lang>) -> (Lang, Vec<Diagnostic>) {
    // The keywords in source order; the first one is the header's.
    let mut keywords = file.clone().into_inner().flatten().filter_map(|p| row_of(p.as_rule()).map(|row| (p, row)));
    let Some((first, first_row)) = keywords.next() else {
        return (known.unwrap_or(Lang::En), Vec::new());
    };
    let lang = known.unwrap_or(if first_row.2.contains(&first.as_str()) { Lang::De } else { Lang::En });
    let header: Option<(String, Span)> = known.is_none().then(|| (first.as_str().to_string(), first.as_span().into()));
    let mut diags = Vec::new();
    for (pair, (_, en, de)) in std::iter::once((first, first_row)).chain(keywords) {
        let fits = match lang {
            Lang::En => *en == pair.as_str(),
            Lang::De => de.contains(&pair.as_str()),
        };
        if fits {
            continue;
        }
        // Rare: find the keyword's parent rule for the right word in its place.
        let name = rule_name(pair.as_rule());
        let start = pair.as_span().start();
        let parent = keyword_pairs(file)
            .into_iter()
            .find(|(p, _)| p.as_span().start() == start)
            .map(|(_, parent)| parent)
            .unwrap_or_default();
        let parent = parent.as_str();
        let right = word(&name, parent, lang).unwrap_or("");
        let (this_set, file_set) = match lang {
            Lang::En => ("a German", "English"),
            Lang::De => ("an English", "German"),
        };
        let span: Span = pair.as_span().into();
        let mut d = Diagnostic::error(
            "P013",
            "mixed-keywords",
            format!("`{}` is {this_set} keyword, but this file is written with {file_set} keywords", pair.as_str()),
            Label::new(span, format!("write `{right}` here")),
        );
        if let Some((kw, hspan)) = &header {
            d = d.with_label(Label::new(*hspan, format!("`{kw}` makes this a file with {file_set} keywords")));
        }
        let to = match lang {
            Lang::En => "en",
            Lang::De => "de",
        };
        d = d.with_help(format!(
            "write `{right}`; one file uses one keyword set (`pakt convert --keywords {to} FILE --write` converts a whole file)"
        ));
        diags.push(d);
        break;
    }
    (lang, diags)
}

/// The keyword line of the grammar for one table row, after `@{ `.
pub fn grammar_body(en: &str, de: &[&str]) -> String {
    let mut words: Vec<&str> = vec![en];
    for w in de {
        if !words.contains(w) {
            words.push(w);
        }
    }
    // PEG: a longer word that starts with a shorter one must come first.
    words.sort_by(|a, b| b.chars().count().cmp(&a.chars().count()).then(a.cmp(b)));
    if words.len() == 1 {
        format!("\"{en}\" ~ !ident_char }}")
    } else {
        let alts: Vec<String> = words.iter().map(|w| format!("\"{w}\"")).collect();
        format!("({}) ~ !ident_char }}", alts.join(" | "))
    }
}

/// The side-by-side table of docs/language.md.
pub fn markdown_table() -> String {
    let mut s = String::from("| English | Deutsch | also accepted |\n|---|---|---|\n");
    for (_, en, de) in KEYWORDS {
        let first = de.first().copied().unwrap_or("");
        let rest: Vec<String> = de.iter().skip(1).map(|w| format!("`{w}`")).collect();
        s.push_str(&format!("| `{en}` | `{first}` | {} |\n", rest.join(", ")));
    }
    s
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]
    use super::*;
    use std::collections::BTreeSet;

    fn root() -> std::path::PathBuf {
        std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
    }

    fn update() -> bool {
        std::env::var_os("PAKT_UPDATE_DOCS").is_some_and(|v| v == "1")
    }

    /// The keyword lines of grammar/pakt.pest are this table: same rules,
    /// same words. `PAKT_UPDATE_DOCS=1` rewrites them (a rule new in the
    /// grammar must be added to the table first).
    #[test]
    fn grammar_keywords_are_the_table() {
        let path = root().join("grammar/pakt.pest");
        let text = std::fs::read_to_string(&path).unwrap();
        let mut lines: Vec<String> = text.split('\n').map(str::to_string).collect();
        let mut in_grammar = BTreeSet::new();
        let mut wrong = Vec::new();
        for line in &mut lines {
            let Some(rule) = line.strip_prefix("kw_").map(|_| line.split([' ', '=']).next().unwrap_or("")) else {
                continue;
            };
            let rule = rule.to_string();
            let Some((_, en, de)) = entry(&rule) else {
                panic!("{rule} is in the grammar but not in src/keywords.rs KEYWORDS");
            };
            in_grammar.insert(rule.clone());
            let at = line.find("@{ ").unwrap() + 3;
            let want = grammar_body(en, de);
            if line[at..] != want {
                wrong.push(format!("{rule}: {} != {want}", &line[at..]));
                line.replace_range(at.., &want);
            }
        }
        let in_table: BTreeSet<String> = KEYWORDS.iter().map(|(r, _, _)| r.to_string()).collect();
        assert_eq!(in_table, in_grammar, "the table and the grammar name the same keyword rules");
        if update() && !wrong.is_empty() {
            std::fs::write(&path, lines.join("\n")).unwrap();
        } else {
            assert!(wrong.is_empty(), "run PAKT_UPDATE_DOCS=1 cargo test --lib keywords:\n{}", wrong.join("\n"));
        }
    }

    /// docs/language.md shows the table, between two markers.
    #[test]
    fn language_doc_shows_the_table() {
        let path = root().join("docs/language.md");
        let text = std::fs::read_to_string(&path).unwrap();
        let (start, end) = ("<!-- keywords:start -->\n", "<!-- keywords:end -->");
        let a = text.find(start).expect("docs/language.md has <!-- keywords:start -->") + start.len();
        let b = text.find(end).expect("docs/language.md has <!-- keywords:end -->");
        let want = markdown_table();
        if text[a..b] != want && update() {
            std::fs::write(&path, format!("{}{want}{}", &text[..a], &text[b..])).unwrap();
        } else {
            assert_eq!(text[a..b], want, "run PAKT_UPDATE_DOCS=1 cargo test --lib keywords");
        }
    }

    /// A German word that is another rule's English word would make files
    /// ambiguous; the one exception is `land` (the header's `land "…"` and
    /// the side `land`, which never stand in the same place).
    #[test]
    fn german_words_are_not_other_english_keywords() {
        for (rule, _, de) in KEYWORDS {
            for w in *de {
                for (other, en, _) in KEYWORDS {
                    if other != rule && en == w {
                        assert_eq!((*rule, *w), ("kw_state", "land"), "{rule}: `{w}` is the English `{other}`");
                    }
                }
            }
        }
    }

    #[test]
    fn every_context_word_is_accepted_by_its_rule() {
        for (parent, rule, w) in CONTEXT {
            let (_, de) = sets_of(rule, w);
            assert!(de, "{parent}/{rule}: `{w}` must be one of the German words of {rule}");
        }
    }

    #[test]
    fn the_header_keyword_chooses_the_set() {
        let de = crate::syntax::parse("vereinbarung x { titel \"T\" }").unwrap();
        assert_eq!(file_language(&de).0, Lang::De);
        let en = crate::syntax::parse("agreement x { title \"T\" }").unwrap();
        assert_eq!(file_language(&en).0, Lang::En);
        let (lang, diags) = file_language(&crate::syntax::parse("agreement x { titel \"T\" }").unwrap());
        assert_eq!(lang, Lang::En);
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].code, "P013");
        assert_eq!(diags[0].help.as_deref().map(|h| h.starts_with("write `title`")), Some(true));
    }
}
