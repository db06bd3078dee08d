//! pakt builds pest without its `std` feature, which switches off pest's
//! native stack guard (it cost 15–18 % of a check, docs/performance.md).
//! That is safe only while no grammar rule can reach itself: then the
//! parser's stack depth is bounded by the grammar, whatever the input.
//! If this test fails, a rule became recursive: turn pest's `std` feature
//! back on in Cargo.toml (or bound the nesting), and measure again.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use std::collections::{BTreeMap, BTreeSet};

/// Rule name → the rule names its body mentions.
fn rules(grammar: &str) -> BTreeMap<String, BTreeSet<String>> {
    // Drop comments and string literals, which may hold braces and words.
    let mut clean = String::new();
    for line in grammar.lines() {
        let mut in_str = false;
        let mut chars = line.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '\\' if in_str => {
                    chars.next();
                }
                '"' => in_str = !in_str,
                '/' if !in_str && chars.peek() == Some(&'/') => break,
                _ if in_str => {}
                c => clean.push(c),
            }
        }
        clean.push('\n');
    }
    let mut out = BTreeMap::new();
    let mut rest = clean.as_str();
    while let Some(eq) = rest.find('=') {
        let name = rest[..eq].split_whitespace().last().unwrap_or("").to_string();
        let open = eq + rest[eq..].find('{').expect("a rule body");
        let mut depth = 0;
        let mut close = open;
        for (i, c) in rest[open..].char_indices() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        close = open + i;
                        break;
                    }
                }
                _ => {}
            }
        }
        let body = &rest[open + 1..close];
        let words = body
            .split(|c: char| !(c.is_alphanumeric() || c == '_'))
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect();
        out.insert(name, words);
        rest = &rest[close + 1..];
    }
    out
}

fn reaches(rules: &BTreeMap<String, BTreeSet<String>>, from: &str, target: &str, seen: &mut BTreeSet<String>) -> bool {
    for next in rules.get(from).into_iter().flatten() {
        if next == target {
            return true;
        }
        if rules.contains_key(next) && seen.insert(next.clone()) && reaches(rules, next, target, seen) {
            return true;
        }
    }
    false
}

#[test]
fn no_grammar_rule_can_reach_itself() {
    let grammar = std::fs::read_to_string("grammar/pakt.pest").expect("grammar");
    let rules = rules(&grammar);
    assert!(rules.len() > 200, "the grammar was not read: {} rules", rules.len());
    assert!(rules["file"].contains("header") && rules["body"].contains("body_attr"), "rule bodies were not read");
    let recursive: Vec<&String> = rules.keys().filter(|r| reaches(&rules, r, r, &mut BTreeSet::new())).collect();
    assert!(
        recursive.is_empty(),
        "recursive rules {recursive:?}: pest's stack guard is off (Cargo.toml, pest without `std`); turn it back on"
    );
}

#[test]
fn the_check_finds_recursion_when_there_is_some() {
    let rules = rules("a = { b ~ \"}\" }\nb = _{ (c | \"x\") ~ a? }\nc = @{ \"{\" }\n");
    assert!(reaches(&rules, "a", "a", &mut BTreeSet::new()));
    assert!(!reaches(&rules, "c", "c", &mut BTreeSet::new()));
}

/// Deep nesting in the input cannot nest the parser: a clean syntax error.
#[test]
fn deeply_nested_input_is_a_syntax_error_not_a_crash() {
    let text = format!("agreement a {{ title \"A\" }}\nbody b \"B\" {{ {} }}", "seat s { ".repeat(50_000));
    let compiled = pakt::check::compile(&text, &pakt::check::Limits::default());
    assert_eq!(compiled.diagnostics.first().map(|d| d.code), Some("P001"));
}
