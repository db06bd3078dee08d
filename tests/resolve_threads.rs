//! Resolution gives the same model and the same diagnostics, in the same
//! order, on one thread as on two (large files resolve the elements after
//! the bodies on a second thread), including which undefined names get a
//! "did you mean" suggestion when there are more than the search budget.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;

use pakt::blockwise::{parse_and_lower, Parsed};
use pakt::resolve::resolve_on;
use std::path::Path;

/// (model JSON, diagnostics) of `text` resolved on `threads` threads, or
/// `None` when it does not parse.
fn resolved(text: &str, threads: usize) -> Option<(String, Vec<pakt::diagnostic::Diagnostic>)> {
    let Parsed::Ok(ast, _) = parse_and_lower(text) else { return None };
    let (model, diags) = resolve_on(*ast, threads);
    Some((serde_json::to_string(&model).expect("model serializes"), diags))
}

#[test]
fn resolution_is_the_same_on_one_thread_as_on_two() {
    let mut paths = Vec::new();
    for dir in ["tests/fixtures", "agreements", "examples"] {
        common::pakt_files(Path::new(dir), &mut paths);
    }
    let mut sources: Vec<(String, String)> =
        paths.iter().filter_map(|p| Some((p.display().to_string(), std::fs::read_to_string(p).ok()?))).collect();
    sources.push(("generated 3000/5".into(), pakt::gen::generate(3_000, 5)));

    // More undefined names than the search budget (500), half before the
    // bodies' end (seats) and half after (bearers of obligations).
    let mut broken = pakt::gen::generate(2_000, 9);
    for i in 0..350 {
        broken.push_str(&format!(
            "body extra_{i} \"B\" {{\n  seat s {{ party land_{i}x }}\n}}\nobligation extra_{i} {{\n  bearer kv_{i}y\n  must \"x\"\n}}\n"
        ));
    }
    sources.push(("generated with 700 undefined names".into(), broken));

    let (mut compared, mut undefined, mut suggested) = (0, 0, 0);
    for (name, text) in &sources {
        let Some(one) = resolved(text, 1) else { continue };
        let two = resolved(text, 2).expect("parses twice");
        assert!(one.0 == two.0, "{name}: the models differ");
        assert_eq!(one.1, two.1, "{name}: the diagnostics differ");
        compared += 1;
        undefined += one.1.iter().filter(|d| d.code == "R001").count();
        suggested += one.1.iter().filter(|d| d.help.as_deref().is_some_and(|h| h.starts_with("did you mean"))).count();
    }
    assert!(compared > 100, "only {compared} files compared");
    assert!(undefined > 700, "only {undefined} undefined names");
    assert!(suggested >= 500, "only {suggested} suggestions");
}
