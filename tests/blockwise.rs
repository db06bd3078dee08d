//! Parsing block by block (what `pakt check` does) gives the same model and
//! the same diagnostics as parsing the whole file at once, on every fixture,
//! agreement and example, and on generated files with and without errors;
//! and the same on one thread as on several.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;

use pakt::blockwise::{parse_and_lower_on, Parsed};
use pakt::check::{compile, compile_whole_file, Compiled, Limits};
use pakt::diagnostic::Diagnostic;
use std::path::Path;

fn all_sources() -> Vec<(String, String)> {
    let mut paths = Vec::new();
    for dir in ["tests/fixtures", "agreements", "examples"] {
        common::pakt_files(Path::new(dir), &mut paths);
    }
    paths.sort();
    assert!(paths.len() > 60, "expected all fixtures, found {}", paths.len());
    let mut out: Vec<(String, String)> = paths
        .into_iter()
        .filter_map(|p| std::fs::read_to_string(&p).ok().map(|t| (p.display().to_string(), t)))
        .collect();
    for (size, seed) in [(40, 1), (400, 2), (2_000, 3)] {
        out.push((format!("generated {size}/{seed}"), pakt::gen::generate(size, seed)));
    }
    out
}

fn model_json(c: &Compiled) -> Option<String> {
    c.model.as_ref().map(|m| serde_json::to_string(m).expect("model serializes"))
}

fn is_syntax(d: &Diagnostic) -> bool {
    matches!(d.code, "P001" | "P002" | "P005")
}

/// Whole-file result vs block-by-block result of one text.
fn assert_same(name: &str, text: &str) {
    let limits = Limits::default();
    let whole = compile_whole_file(text, &limits);
    let blocks = compile(text, &limits);
    let whole_syntax = whole.diagnostics.iter().any(is_syntax);
    if whole_syntax {
        // The whole-file parse stops at the first error; block by block goes
        // on, so it reports that error and possibly more, and no model.
        assert!(blocks.model.is_none(), "{name}: a model despite a syntax error");
        assert_eq!(whole.diagnostics.len(), 1, "{name}");
        assert!(
            blocks.diagnostics.contains(&whole.diagnostics[0]),
            "{name}: the whole-file error is missing:\n{:#?}\nblock by block:\n{:#?}",
            whole.diagnostics[0],
            blocks.diagnostics
        );
    } else {
        assert_eq!(whole.diagnostics, blocks.diagnostics, "{name}: diagnostics differ");
        assert_eq!(model_json(&whole), model_json(&blocks), "{name}: models differ");
    }
}

#[test]
fn every_fixture_agreement_and_example_compiles_the_same_block_by_block() {
    for (name, text) in all_sources() {
        assert_same(&name, &text);
    }
}

/// Every way of breaking a file by deleting one character of a kind that
/// matters to the split (braces, quotes, slashes, keywords' first letter).
#[test]
fn broken_files_report_the_whole_file_error_among_theirs() {
    let mut checked = 0;
    for (name, text) in all_sources().into_iter().filter(|(n, _)| !n.contains("generated 2000")) {
        let positions: Vec<usize> = text
            .char_indices()
            .filter(|(_, c)| matches!(c, '{' | '}' | '"' | '/' | 'p' | 'g' | 'b'))
            .map(|(i, _)| i)
            .collect();
        // A spread of positions keeps the test quick.
        let step = (positions.len() / 12).max(1);
        for &at in positions.iter().step_by(step) {
            let mut broken = text.clone();
            broken.remove(at);
            assert_same(&format!("{name} without byte {at}"), &broken);
            checked += 1;
        }
    }
    assert!(checked > 500, "only {checked} broken files");
}

/// The AST and the diagnostics (in the order `check` shows them).
fn json_of(p: Parsed) -> String {
    match p {
        Parsed::Ok(ast, mut diags) => {
            pakt::diagnostic::sort(&mut diags);
            format!("{}\n{diags:?}", serde_json::to_string(&ast).expect("ast serializes"))
        }
        Parsed::SyntaxErrors(mut diags) => {
            pakt::diagnostic::sort(&mut diags);
            format!("{diags:?}")
        }
    }
}

/// Large enough to be parsed on several threads; the result must not
/// depend on how many.
#[test]
fn one_thread_and_several_give_the_same_result() {
    let text = pakt::gen::generate(25_000, 7);
    assert!(text.len() > 1 << 20, "too small to be parallel: {} bytes", text.len());
    let one = json_of(parse_and_lower_on(&text, 1));
    assert_eq!(one, json_of(parse_and_lower_on(&text, 2)));
    assert_eq!(one, json_of(parse_and_lower_on(&text, 5)));
    assert!(one.starts_with('{'), "the generated file has a syntax error");

    // A second `term` in the last third and a broken block in each half.
    let mut broken = text.clone();
    broken.push_str("\nterm { from 2020-01-01 until_revoked }\n");
    let middle = broken.find("\nparty ").unwrap() + 1;
    broken.insert_str(middle, "party broken \"B\" { side sideways }\n");
    let late = broken.rfind("\nbody ").unwrap() + 1;
    broken.insert_str(late, "body also_broken { }\n");
    let one = json_of(parse_and_lower_on(&broken, 1));
    assert_eq!(one, json_of(parse_and_lower_on(&broken, 2)));
    assert_eq!(one, json_of(parse_and_lower_on(&broken, 3)));
    assert_eq!(one.matches("P001").count(), 2, "{}", &one[..one.len().min(2000)]);
}

/// What edits splice in: the characters and words the split scan looks at.
const SPLICES: &[&str] = &[
    "{",
    "}",
    "\"",
    "\\\"",
    "//",
    "\n",
    " ",
    "party",
    "goal",
    "body",
    "agreement",
    "term",
    "„",
    "é",
    "a·goal",
    "x",
    "party p \"P\" { side state }\n",
    "goal g \"G\"\n",
    "}\n}\n",
];

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 128, ..Default::default() })]

    /// Generated agreements with a few random edits: block by block agrees
    /// with the whole-file parse.
    #[test]
    fn block_by_block_agrees_on_edited_agreements(
        size in 1usize..80,
        seed in proptest::prelude::any::<u64>(),
        edits in proptest::collection::vec(
            (proptest::prelude::any::<proptest::sample::Index>(), 0usize..16, proptest::sample::select(SPLICES)),
            0..4,
        ),
    ) {
        let mut text = pakt::gen::generate(size, seed);
        for (at, len, insert) in edits {
            let mut start = at.index(text.len().max(1));
            while !text.is_char_boundary(start) {
                start -= 1;
            }
            let mut end = (start + len).min(text.len());
            while !text.is_char_boundary(end) {
                end += 1;
            }
            text.replace_range(start..end, insert);
        }
        assert_same("edited", &text);
    }

    /// Any string at all.
    #[test]
    fn block_by_block_agrees_on_any_string(text in proptest::prelude::any::<String>()) {
        assert_same("any", &text);
        assert_same("any after a header", &format!("agreement a {{ }}\n{text}"));
    }
}

/// Found by the `blockwise` fuzz target (minimized): a comment that ends at
/// a lone CR. The grammar ends the comment there, but the scan that tells an
/// unterminated text from other syntax errors ran on to the next LF, swallowed
/// a quote, and the block-by-block parse reported "never closed" where the
/// whole file reports the real error.
#[test]
fn a_comment_ends_at_a_lone_cr_for_the_error_scan_too() {
    let text = "//\rn\"\n\"goal\"";
    assert_same("comment ending at CR", text);
    let blocks = compile(text, &Limits::default());
    let first = &blocks.diagnostics[0];
    assert_eq!((first.code, first.primary.span.start), ("P001", 3), "{first:#?}");
    // The same with a whole agreement after it, lines ending in lone CRs.
    let cr = "// Kommentar\ragreement a { title \"A\" }\r// noch einer \"\rparty p \"P\" { side state }\r";
    assert_same("lone CRs", cr);
    assert!(compile(cr, &Limits::default()).diagnostics.is_empty());
}
