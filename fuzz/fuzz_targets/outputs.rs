//! Every output format on arbitrary bytes, each read back by a parser or
//! checked for its invariants: JSON, SARIF and GitLab parse as JSON; every
//! GitHub line is one workflow command; human, GNU, `who` and `obligations`
//! text and Mermaid show no hidden character (terminal escapes, bidi
//! overrides); the SVG parses as XML (roxmltree); DOT has balanced quotes
//! and braces, and no label near Graphviz's 16 KB limit.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pakt::check::{self, FileResult, Limits};
use pakt::config::Config;
use pakt::escape::is_hidden;
use pakt::output::{self, Format, Options};
use std::path::PathBuf;

fn no_hidden(what: &str, s: &str) {
    if let Some(c) = s.chars().find(|c| *c != '\n' && *c != '\t' && is_hidden(*c)) {
        panic!("{what} output shows the hidden character {c:?}");
    }
    if let Some(line) = s.lines().find(|l| l.trim_start().starts_with("::")) {
        panic!("{what} output has a workflow command line: {line:?}");
    }
}

/// DOT: every line has an even number of unescaped quotes, braces balance.
fn dot_sane(dot: &str) {
    assert!(dot.starts_with("digraph \"") && dot.ends_with("}\n"), "DOT frame");
    let mut depth: i64 = 0;
    for line in dot.lines() {
        let mut quotes = 0;
        let mut escaped = false;
        let mut inside = false;
        for c in line.chars() {
            match (c, escaped) {
                ('\\', false) => escaped = true,
                ('"', false) => {
                    quotes += 1;
                    inside = !inside;
                }
                ('{', false) if !inside => depth += 1,
                ('}', false) if !inside => depth -= 1,
                _ => escaped = false,
            }
            if c != '\\' {
                escaped = false;
            }
        }
        assert!(quotes % 2 == 0, "unbalanced quotes in DOT line {line:?}");
        assert!(line.len() < 32 * 1024, "a DOT line of {} bytes", line.len());
        assert!(!line.chars().any(|c| c.is_control() && c != '\t'), "control character in DOT line {line:?}");
    }
    assert_eq!(depth, 0, "unbalanced braces in DOT");
}

fuzz_target!(|data: &[u8]| {
    let limits = Limits { max_file_bytes: 1 << 20, max_elements: 2_000 };
    let (text, diagnostics, model) = match check::decode(data.to_vec()) {
        Err((text, d)) => (text, vec![d], None),
        Ok(text) => {
            let compiled = check::compile(&text, &limits);
            let mut diagnostics = compiled.diagnostics;
            if let Some(model) = &compiled.model {
                let config = Config::default();
                let ctx = pakt::rules::Context { model, predecessor: None, predecessor_path: None, config: &config };
                diagnostics.extend(pakt::rules::run(&ctx));
            }
            (text, diagnostics, compiled.model)
        }
    };
    let result = FileResult { path: PathBuf::from("fuzz.pakt"), text, model, diagnostics };
    let results = [result];
    let options = Options::default();
    no_hidden("human", &output::format(Format::Human, &results, &options));
    no_hidden("gnu", &output::format(Format::Gnu, &results, &options));
    for format in [Format::Json, Format::Sarif, Format::Gitlab] {
        let out = output::format(format, &results, &options);
        let _: serde_json::Value = serde_json::from_str(&out).expect("JSON output parses");
    }
    let github = output::format(Format::Github, &results, &options);
    for line in github.lines() {
        assert!(line.starts_with("::error ") || line.starts_with("::warning "), "github line {line:?}");
        assert!(!line.chars().any(|c| c.is_control() && c != '\t'), "control character in github line {line:?}");
    }
    let [result] = results;
    let Some(model) = &result.model else { return };
    let g = pakt::graph::build(model, None);
    let svg = pakt::graph::svg(&g);
    if let Err(e) = roxmltree::Document::parse(&svg) {
        panic!("SVG is not well-formed XML: {e}");
    }
    dot_sane(&pakt::graph::dot(&g));
    no_hidden("mermaid", &pakt::graph::mermaid(&g));
    let json = serde_json::to_string(&pakt::graph::json(&g, &result.text)).expect("graph JSON");
    let _: serde_json::Value = serde_json::from_str(&json).expect("graph JSON parses back");
    if let Some(w) = (0..model.bodies.len()).find_map(|i| pakt::graph::query::who(model, pakt::model::BodyId(i as u32))) {
        no_hidden("who", &pakt::graph::query::who_text(&w));
    }
    if !model.parties.is_empty() {
        let p = pakt::model::PartyId(0);
        let duties = pakt::graph::query::obligations(model, p);
        no_hidden("obligations", &pakt::graph::query::obligations_text(model, p, &duties));
    }
});
