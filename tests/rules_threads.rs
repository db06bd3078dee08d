//! The rules give the same findings, in the same order, on one thread as
//! on several (`pakt check` runs them on all cores for large files).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;

use pakt::check::{compile, Limits};
use pakt::config::Config;
use pakt::rules::{run_on, Context};
use std::path::Path;

#[test]
fn rules_find_the_same_on_one_thread_as_on_several() {
    let mut paths = Vec::new();
    for dir in ["tests/fixtures", "agreements", "examples"] {
        common::pakt_files(Path::new(dir), &mut paths);
    }
    paths.sort();
    // (A few fixtures are not UTF-8 on purpose.)
    let mut sources: Vec<(String, String)> =
        paths.iter().filter_map(|p| Some((p.display().to_string(), std::fs::read_to_string(p).ok()?))).collect();
    sources.push(("generated 6000/3".into(), pakt::gen::generate(6_000, 3)));
    let config = Config::default();
    let (mut files, mut findings, mut suppressed) = (0, 0, 0);
    for (name, text) in &sources {
        let compiled = compile(text, &Limits::default());
        let Some(model) = compiled.model.as_ref() else { continue };
        let ctx = Context { model, predecessor: None, predecessor_path: None, config: &config };
        let one = run_on(&ctx, 1);
        for threads in [2, 3, 7] {
            assert_eq!(one, run_on(&ctx, threads), "{name}: {threads} threads differ from one");
        }
        files += 1;
        findings += one.len();
        suppressed += one.iter().filter(|d| d.suppressed.is_some()).count();
    }
    // The comparison means something only if there was much to find.
    assert!(files > 100, "only {files} files compiled");
    assert!(findings > 150, "only {findings} findings");
    assert!(suppressed > 5, "only {suppressed} suppressed findings");
}
