//! The two catalogues of pakt's own words have the same messages with the
//! same placeholders, and every rule has a German explanation with the
//! German headings; the language is chosen by --lang, PAKT_LANG, the files
//! and the locale.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use fluent_syntax::ast;
use std::collections::{BTreeMap, BTreeSet};
use std::process::Command;

fn variables_of_expression(e: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
    match e {
        ast::Expression::Select { selector, variants } => {
            variables_of_inline(selector, out);
            for v in variants {
                variables_of_pattern(&v.value, out);
            }
        }
        ast::Expression::Inline(i) => variables_of_inline(i, out),
    }
}

fn variables_of_inline(i: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match i {
        ast::InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_string());
        }
        ast::InlineExpression::Placeable { expression } => variables_of_expression(expression, out),
        _ => {}
    }
}

fn variables_of_pattern(p: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
    for el in &p.elements {
        if let ast::PatternElement::Placeable { expression } = el {
            variables_of_expression(expression, out);
        }
    }
}

/// Message id → the placeholders it uses.
fn catalogue(source: &str) -> BTreeMap<String, BTreeSet<String>> {
    let resource = fluent_syntax::parser::parse(source).unwrap_or_else(|(_, errors)| panic!("{errors:?}"));
    let mut out = BTreeMap::new();
    for entry in resource.body {
        if let ast::Entry::Message(m) = entry {
            let mut vars = BTreeSet::new();
            if let Some(v) = &m.value {
                variables_of_pattern(v, &mut vars);
            }
            assert!(out.insert(m.id.name.to_string(), vars).is_none(), "{} twice", m.id.name);
        }
    }
    out
}

#[test]
fn both_catalogues_have_the_same_messages_and_placeholders() {
    let en = catalogue(pakt::i18n::EN_FTL);
    let de = catalogue(pakt::i18n::DE_FTL);
    assert!(en.len() >= 10, "{en:?}");
    assert_eq!(en.keys().collect::<Vec<_>>(), de.keys().collect::<Vec<_>>(), "the same message ids");
    for (id, vars) in &en {
        assert_eq!(vars, &de[id], "placeholders of `{id}`");
    }
    assert_eq!(en["summary"], ["errors", "files", "warnings"].iter().map(|s| s.to_string()).collect());
}

#[test]
fn every_rule_has_a_german_explanation_with_the_german_headings() {
    for r in pakt::rules::REGISTRY {
        let de = pakt::rules::explanation_de(r.code).unwrap_or_else(|| panic!("{}: no German explanation", r.code));
        assert!(de.starts_with(&format!("# {} {}: ", r.code, r.name)), "{}: title", r.code);
        let mut at = 0;
        for h in pakt::rules::EXPLANATION_HEADINGS_DE {
            let found = de[at..].find(&format!("\n{h}\n")).unwrap_or_else(|| panic!("{}: no `{h}` in order", r.code));
            at += found + h.len();
        }
        for h in pakt::rules::EXPLANATION_HEADINGS {
            assert!(!de.contains(h), "{}: English heading `{h}` in the German explanation", r.code);
        }
    }
}

fn pakt(args: &[&str], env: &[(&str, &str)]) -> (i32, String) {
    let mut c = Command::new(env!("CARGO_BIN_EXE_pakt"));
    c.args(args).env("NO_COLOR", "1");
    for v in ["PAKT_LANG", "LANG", "LC_ALL", "LC_MESSAGES"] {
        c.env_remove(v);
    }
    for (k, v) in env {
        c.env(k, v);
    }
    let o = c.output().unwrap();
    (o.status.code().unwrap_or(-1), String::from_utf8(o.stdout).unwrap())
}

#[test]
fn explain_speaks_german_on_request() {
    let (code, out) = pakt(&["explain", "A001", "--lang", "de"], &[]);
    assert_eq!(code, 0);
    insta::assert_snapshot!("explain_a001_de", out);
    let (_, by_env) = pakt(&["explain", "A001"], &[("PAKT_LANG", "de")]);
    assert_eq!(by_env, out);
    let (_, by_locale) = pakt(&["explain", "parity"], &[("LANG", "de_DE.UTF-8")]);
    assert_eq!(by_locale, out);
    let (_, english) = pakt(&["explain", "A001"], &[("LANG", "de_DE.UTF-8"), ("PAKT_LANG", "en")]);
    assert!(english.contains("## What it checks"), "{english}");
    let (_, builtin) = pakt(&["explain", "P013", "--lang", "de"], &[]);
    assert!(builtin.starts_with("P013 (mixed-keywords), immer ein Fehler"), "{builtin}");
}

#[test]
fn the_summary_line_follows_the_files_and_the_locale() {
    let (code, out) = pakt(&["check", "agreements/de"], &[]);
    assert_eq!(code, 0);
    assert!(out.starts_with("4 Dateien geprüft, 0 Fehler, 0 Warnungen ("), "{out}");
    assert!(out.contains("in den Vereinbarungen erlaubt"), "{out}");
    let (_, out) = pakt(&["check", "agreements/de", "--lang", "en"], &[]);
    assert!(out.starts_with("4 files checked, 0 errors, 0 warnings"), "{out}");
    let (_, out) = pakt(&["check", "agreements/thueringen-2018.pakt"], &[("LANG", "de_DE.UTF-8")]);
    assert!(out.starts_with("1 Datei geprüft, 0 Fehler, 0 Warnungen"), "{out}");
    let (_, out) = pakt(&["check", "agreements/thueringen-2018.pakt"], &[("LANG", "C.UTF-8")]);
    assert!(out.starts_with("1 file checked"), "{out}");
}

fn pakt_blocks(text: &str) -> Vec<&str> {
    text.split("```pakt\n").skip(1).filter_map(|b| b.split("```").next()).collect()
}

/// The German examples are the English ones in German keywords (so they
/// fail and pass as the English ones do, which tests/rules.rs checks).
#[test]
fn german_examples_are_the_english_ones() {
    for r in pakt::rules::REGISTRY {
        let de = pakt::rules::explanation_de(r.code).unwrap();
        let en_blocks = pakt_blocks(r.explanation);
        let de_blocks = pakt_blocks(de);
        assert_eq!(de_blocks.len(), en_blocks.len(), "{}: number of examples", r.code);
        for (d, e) in de_blocks.iter().zip(&en_blocks) {
            assert!(
                d.starts_with("vereinbarung") || d.starts_with("satzung") || d.starts_with("geschäftsordnung"),
                "{}: {d}",
                r.code
            );
            let back = pakt::convert::convert_keywords(d, pakt::keywords::Lang::En).unwrap();
            assert_eq!(&back, e, "{}: the German example differs from the English one", r.code);
        }
    }
}
