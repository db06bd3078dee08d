//! Every example in the docs compiles.
//!
//! Takes each fenced block marked ```` ```pakt ```` from `docs/language.md` and
//! `docs/rules/*.md` and compiles it (parse → lower → resolve). A block passes
//! when it yields no syntax, lowering or resolution diagnostic (codes `P…`
//! and `R…`). Rule findings (`A…`) are not looked at: the rule pages show
//! failing agreements on purpose.
//!
//! The convention for writers of the docs:
//! - A block that starts (after comments) with a header — `agreement`,
//!   `statute` or `rules_of_procedure` — is compiled as it stands.
//! - Any other block is a fragment: the test puts `agreement doc_example { }`
//!   in front of it. A fragment must still define everything it refers to
//!   (a body's parties, a share's key), so that a reader can copy it into a
//!   file and check it.
//! - Text that must not compile (a wrong amount, a misspelt keyword) goes in
//!   a ```` ```text ```` block, never in a ```` ```pakt ```` one.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use pakt::check::{compile, Limits};
use std::path::{Path, PathBuf};

/// A ```pakt block: the file, the line of its opening fence, its text.
struct Block {
    file: PathBuf,
    line: usize,
    text: String,
}

fn blocks(file: &Path) -> Vec<Block> {
    let doc = std::fs::read_to_string(file).expect("read doc");
    let mut out = Vec::new();
    let mut open: Option<(usize, String)> = None;
    for (i, line) in doc.lines().enumerate() {
        let fence = line.trim_start();
        match &mut open {
            None if fence.starts_with("```") && fence.trim_start_matches('`').trim() == "pakt" => {
                open = Some((i + 1, String::new()));
            }
            None => {}
            Some((start, text)) => {
                if fence.starts_with("```") {
                    out.push(Block { file: file.to_path_buf(), line: *start, text: std::mem::take(text) });
                    open = None;
                } else {
                    text.push_str(line);
                    text.push('\n');
                }
            }
        }
    }
    assert!(open.is_none(), "{}: a ```pakt block is not closed", file.display());
    out
}

/// Whether the first word that is not in a comment is a header keyword.
fn has_header(text: &str) -> bool {
    let first = text
        .lines()
        .map(|l| l.split("//").next().unwrap_or("").trim())
        .find(|l| !l.is_empty())
        .and_then(|l| l.split_whitespace().next());
    // In either keyword set.
    matches!(
        first,
        Some(
            "agreement"
                | "statute"
                | "rules_of_procedure"
                | "vereinbarung"
                | "satzung"
                | "geschäftsordnung"
                | "geschaeftsordnung"
        )
    )
}

fn doc_files() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = vec![root.join("docs/language.md")];
    let mut rules: Vec<PathBuf> = std::fs::read_dir(root.join("docs/rules"))
        .expect("docs/rules")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .collect();
    rules.sort();
    files.extend(rules);
    files
}

#[test]
fn every_pakt_block_in_the_docs_compiles() {
    let mut failures = Vec::new();
    let mut checked = 0;
    for file in doc_files() {
        for b in blocks(&file) {
            let text =
                if has_header(&b.text) { b.text.clone() } else { format!("agreement doc_example {{ }}\n{}", b.text) };
            let compiled = compile(&text, &Limits::default());
            checked += 1;
            let bad: Vec<String> = compiled
                .diagnostics
                .iter()
                .filter(|d| d.code.starts_with('P') || d.code.starts_with('R'))
                .map(|d| format!("    {} {}: {}", d.code, d.name, d.message))
                .collect();
            if !bad.is_empty() || compiled.model.is_none() {
                failures.push(format!("{}:{}\n{}", b.file.display(), b.line, bad.join("\n")));
            }
        }
    }
    // The language reference alone has dozens; a parser that found none is broken.
    assert!(checked >= 40, "only {checked} ```pakt blocks found");
    assert!(failures.is_empty(), "{} doc example(s) do not compile:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn fragments_are_wrapped_and_headers_are_not() {
    assert!(has_header("// comment\nagreement x { }\n"));
    assert!(has_header("statute s { }"));
    assert!(has_header("  rules_of_procedure go { }"));
    assert!(!has_header("party land \"Land\" { side state }"));
    assert!(!has_header("// agreement in a comment\nbody b \"B\" { }"));
}

#[test]
fn a_broken_block_is_reported() {
    let dir = std::env::temp_dir().join(format!("pakt-docs-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let doc = dir.join("broken.md");
    std::fs::write(&doc, "Text.\n\n```pakt\nbody b \"B\" { chair nobody }\n```\n\n```text\nnot pakt\n```\n").unwrap();
    let found = blocks(&doc);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].line, 3);
    let compiled = compile(&format!("agreement doc_example {{ }}\n{}", found[0].text), &Limits::default());
    assert!(compiled.diagnostics.iter().any(|d| d.code == "R001"), "{:?}", compiled.diagnostics);
    std::fs::remove_dir_all(&dir).unwrap();
}
