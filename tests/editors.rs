//! The editor files in `editors/` stay in step with the grammar.
//!
//! The TextMate grammar `editors/vscode/syntaxes/pakt.tmLanguage.json` is
//! generated here from `grammar/pakt.pest`: its keyword list from every
//! `kw_*` rule's literals, its declaration pattern from every rule that is
//! a keyword followed by a name. After a change to the grammar, regenerate:
//!
//!     UPDATE_EDITORS=1 cargo test --test editors
//!
//! Without `UPDATE_EDITORS`, the test fails when the file is not what the
//! grammar gives, and (independently of the generator) when a keyword of
//! the grammar is missing from the keyword pattern of the file.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use serde_json::{json, Value};

const PEST: &str = "grammar/pakt.pest";
const TM: &str = "editors/vscode/syntaxes/pakt.tmLanguage.json";

/// Every literal of every `kw_*` rule, sorted, unique.
fn keywords(pest: &str) -> Vec<String> {
    let mut v: Vec<String> = pest
        .lines()
        .filter(|l| l.trim_start().starts_with("kw_"))
        .flat_map(|l| {
            let body = l.split_once('=').map_or("", |(_, b)| b).to_string();
            body.split('"').skip(1).step_by(2).map(str::to_string).collect::<Vec<_>>()
        })
        .collect();
    v.sort();
    v.dedup();
    v
}

/// The keywords that start a block with a name (`party = { kw_party ~ ident …`),
/// also through a rule of alternative keywords (`header = { document_kind ~ ident …`
/// with `document_kind = { kw_agreement | kw_statute | … }`).
fn declaring(pest: &str) -> Vec<String> {
    let body_of = |l: &str| -> Option<(String, String)> {
        let (rule, body) = l.split_once('=')?;
        let body = body.trim().trim_start_matches(['_', '@', '$']).trim_start_matches('{').trim();
        Some((rule.trim().to_string(), body.trim_end_matches('}').trim().to_string()))
    };
    let rules: Vec<(String, String)> = pest.lines().filter_map(body_of).collect();
    let mut v: Vec<String> = rules
        .iter()
        .filter(|(rule, _)| !rule.ends_with("_attr"))
        .flat_map(|(_, body)| {
            let mut parts = body.split('~').map(str::trim);
            let first = parts.next().unwrap_or_default();
            if parts.next() != Some("ident") {
                return Vec::new();
            }
            if let Some(kw) = first.strip_prefix("kw_") {
                return vec![kw.to_string()];
            }
            let alternatives = rules.iter().find(|(r, _)| r == first).map(|(_, b)| b.as_str()).unwrap_or_default();
            alternatives.split('|').filter_map(|a| a.trim().strip_prefix("kw_")).map(str::to_string).collect()
        })
        .collect();
    // The header names its agreement after the kind of document.
    v.extend(["agreement", "statute", "rules_of_procedure"].map(String::from));
    v.sort();
    v.dedup();
    // The literals of those keyword rules, in every keyword set.
    let all = pest.lines().filter(|l| l.trim_start().starts_with("kw_"));
    let literals = |rule: &str| -> Vec<String> {
        all.clone()
            .find(|l| l.split_whitespace().next() == Some(&format!("kw_{rule}")))
            .map(|l| l.split('"').skip(1).step_by(2).map(str::to_string).collect())
            .unwrap_or_default()
    };
    let mut out: Vec<String> = v.iter().flat_map(|r| literals(r)).collect();
    out.sort();
    out.dedup();
    out
}

/// Longest first, so that `seats` is tried before `seat`.
fn alternation(words: &[String]) -> String {
    let mut w = words.to_vec();
    w.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    w.join("|")
}

const NAME: &str = r"[\p{L}_][\p{L}\p{N}_-]*";
const NOT_NAME_BEFORE: &str = r"(?<![\p{L}\p{N}_-])";
const NOT_NAME_AFTER: &str = r"(?![\p{L}\p{N}_-])";

fn generate(pest: &str) -> Value {
    let kws = keywords(pest);
    let decl = declaring(pest);
    json!({
        "$schema": "https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json",
        "name": "pakt",
        "scopeName": "source.pakt",
        "fileTypes": ["pakt"],
        "comment": "Generated from grammar/pakt.pest by tests/editors.rs (UPDATE_EDITORS=1 cargo test --test editors). Do not edit.",
        "patterns": [
            {"include": "#comment"},
            {"include": "#string"},
            {"include": "#date"},
            {"include": "#money"},
            {"include": "#number"},
            {"include": "#declaration"},
            {"include": "#keyword"},
            {"include": "#reference"},
            {"include": "#punctuation"}
        ],
        "repository": {
            "comment": {"name": "comment.line.double-slash.pakt", "match": "//.*$"},
            "string": {
                "name": "string.quoted.double.pakt",
                "begin": "\"",
                "end": "\"",
                "patterns": [{"name": "constant.character.escape.pakt", "match": "\\\\."}]
            },
            "date": {"name": "constant.numeric.date.pakt", "match": r"\b\d{4}-\d{2}-\d{2}\b"},
            "money": {
                "match": r"(€|\b[A-Z]{3}\b)\s+(\d[\d_.,']*)",
                "captures": {
                    "1": {"name": "support.constant.currency.pakt"},
                    "2": {"name": "constant.numeric.amount.pakt"}
                }
            },
            "number": {"name": "constant.numeric.integer.pakt", "match": r"\b\d+\b"},
            "declaration": {
                "match": format!("{NOT_NAME_BEFORE}({}){NOT_NAME_AFTER}\\s+({NAME})", alternation(&decl)),
                "captures": {
                    "1": {"name": "keyword.other.declaration.pakt"},
                    "2": {"name": "entity.name.type.pakt"}
                }
            },
            "keyword": {
                "name": "keyword.other.pakt",
                "match": format!("{NOT_NAME_BEFORE}({}){NOT_NAME_AFTER}", alternation(&kws))
            },
            "reference": {"name": "variable.other.pakt", "match": format!("{NAME}(\\.{NAME})*")},
            "punctuation": {
                "patterns": [
                    {"name": "punctuation.section.block.begin.pakt", "match": r"\{"},
                    {"name": "punctuation.section.block.end.pakt", "match": r"\}"},
                    {"name": "punctuation.separator.comma.pakt", "match": ","},
                    {"name": "keyword.operator.fraction.pakt", "match": "/"}
                ]
            }
        }
    })
}

fn generated() -> String {
    let pest = std::fs::read_to_string(PEST).unwrap();
    serde_json::to_string_pretty(&generate(&pest)).unwrap() + "\n"
}

/// The TextMate grammar file, written first when UPDATE_EDITORS is set
/// (once, before any test reads it).
fn tm_file() -> String {
    static WRITTEN: std::sync::OnceLock<()> = std::sync::OnceLock::new();
    if std::env::var_os("UPDATE_EDITORS").is_some() {
        WRITTEN.get_or_init(|| std::fs::write(TM, generated()).unwrap());
    }
    std::fs::read_to_string(TM).unwrap_or_default()
}

#[test]
fn textmate_grammar_is_generated_from_the_pest_grammar() {
    let want = generated();
    let have = tm_file();
    assert!(have == want, "{TM} is not what grammar/pakt.pest gives; run: UPDATE_EDITORS=1 cargo test --test editors");
}

#[test]
fn every_keyword_of_the_grammar_is_highlighted() {
    let pest = std::fs::read_to_string(PEST).unwrap();
    let kws = keywords(&pest);
    assert!(kws.len() > 100, "the grammar has over a hundred keywords, found {}", kws.len());
    for k in ["agreement", "party", "budget_reservation", "all", "million"] {
        assert!(kws.contains(&k.to_string()), "{k}");
    }
    let tm: Value = serde_json::from_str(&tm_file()).unwrap();
    let pattern = tm["repository"]["keyword"]["match"].as_str().unwrap();
    let inner = pattern.split_once("])(").unwrap().1.split_once(")(?!").unwrap().0;
    let listed: Vec<&str> = inner.split('|').collect();
    let missing: Vec<&String> = kws.iter().filter(|k| !listed.contains(&k.as_str())).collect();
    assert!(
        missing.is_empty(),
        "keywords missing from {TM}: {missing:?}; run UPDATE_EDITORS=1 cargo test --test editors"
    );
    assert_eq!(tm["scopeName"], "source.pakt");
}

#[test]
fn declarations_cover_the_blocks_with_names() {
    let pest = std::fs::read_to_string(PEST).unwrap();
    let decl = declaring(&pest);
    for k in ["agreement", "party", "office", "body", "seat", "task", "step", "signature", "goal"] {
        assert!(decl.contains(&k.to_string()), "{k} in {decl:?}");
    }
    assert!(!decl.contains(&"term".to_string()), "term has no name");
    assert!(!decl.contains(&"allow".to_string()), "`allow` names a rule, not a new element");
}

#[test]
fn vscode_extension_manifest_points_at_its_files() {
    let pkg: Value = serde_json::from_str(&std::fs::read_to_string("editors/vscode/package.json").unwrap()).unwrap();
    assert_eq!(pkg["contributes"]["languages"][0]["id"], "pakt");
    assert_eq!(pkg["contributes"]["languages"][0]["extensions"][0], ".pakt");
    for path in [
        pkg["main"].as_str().unwrap(),
        pkg["contributes"]["grammars"][0]["path"].as_str().unwrap(),
        pkg["contributes"]["languages"][0]["configuration"].as_str().unwrap(),
    ] {
        let file = std::path::Path::new("editors/vscode").join(path);
        assert!(file.is_file(), "{} is missing", file.display());
    }
    let conf: Value =
        serde_json::from_str(&std::fs::read_to_string("editors/vscode/language-configuration.json").unwrap()).unwrap();
    assert_eq!(conf["comments"]["lineComment"], "//");
    let js = std::fs::read_to_string("editors/vscode/extension.js").unwrap();
    assert!(js.contains("args: [\"lsp\"]"), "the extension starts `pakt lsp`");
}
