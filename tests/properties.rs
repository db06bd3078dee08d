//! Property tests: generated valid agreements check clean, the JSON dump of
//! a model parses back to the same model, and no input panics the pipeline.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use pakt::check::{self, Limits};
use pakt::config::Config;
use pakt::model::Model;
use proptest::prelude::*;

fn rules(model: &Model) -> Vec<pakt::diagnostic::Diagnostic> {
    let config = Config::default();
    pakt::rules::run(&pakt::rules::Context { model, predecessor: None, predecessor_path: None, config: &config })
}

/// The whole pipeline on one text: compile, then every rule on whatever
/// model came out (even one with errors), then both renderings.
fn pipeline(text: &str) {
    let limits = Limits { max_file_bytes: 1 << 20, max_elements: 10_000 };
    let compiled = check::compile(text, &limits);
    let mut diagnostics = compiled.diagnostics.clone();
    if let Some(model) = &compiled.model {
        diagnostics.extend(rules(model));
    }
    let result =
        check::FileResult { path: "prop.pakt".into(), text: text.to_string(), model: compiled.model, diagnostics };
    let options = pakt::output::Options::default();
    let _ = pakt::output::format(pakt::output::Format::Human, std::slice::from_ref(&result), &options);
    let _ = pakt::output::format(pakt::output::Format::Json, std::slice::from_ref(&result), &options);
}

fn roundtrip(model: &Model) {
    let json = serde_json::to_string_pretty(model).expect("serialize");
    let back: Model = serde_json::from_str(&json).expect("the dump parses back");
    assert_eq!(&back, model, "the JSON round trip changed the model");
}

/// Pieces of pakt, to build token soups that get past the first token.
const TOKENS: &[&str] = &[
    "agreement",
    "a",
    "{",
    "}",
    "{",
    "}",
    "title",
    "\"T\"",
    "party",
    "p",
    "\"P\"",
    "side",
    "state",
    "municipal",
    "office",
    "o",
    "of",
    "actor",
    "body",
    "b",
    "seat",
    "s",
    "count",
    "2",
    "parity",
    "seats",
    "chair",
    "meets",
    "at_least",
    "per",
    "year",
    "or",
    "on_request_of",
    "quorum",
    "decides",
    "by",
    "consent",
    "qualified",
    "2",
    "/",
    "3",
    "obligation",
    "bearer",
    "all",
    "must",
    "\"x\"",
    "beneficiary",
    ",",
    "costly",
    "condition",
    "budget_reservation",
    "financing",
    "f",
    "payer",
    "up_to",
    "EUR",
    "10",
    "million",
    "tranche",
    "2030",
    "exactly",
    "€ 1.5 million",
    "procedure",
    "pr",
    "step",
    "st",
    "kind",
    "agree_financing",
    "decide",
    "after",
    "pr.st",
    "b.s",
    "commits_money",
    "consent_of",
    "term",
    "from",
    "2030-01-01",
    "until",
    "2030-02-30",
    "signature",
    "sig",
    "signatory",
    "date",
    "approval",
    "allow",
    "parity",
    "\"why\"",
    "reports_to",
    "task",
    "t",
    "// c\n",
    "\n",
    "\u{a0}",
    "„",
    "\"\\\"\"",
    "EUR 1.000.000",
    "99999999999999999999",
    "0",
    "supersedes",
    "\"x.pakt\"",
    "continues",
    "advisory",
    "frequency",
];

fn soup() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(TOKENS), 0..120).prop_map(|t| t.join(" "))
}

/// A generated agreement with a few bytes cut out, replaced or inserted.
fn mutated() -> impl Strategy<Value = String> {
    (
        1usize..80,
        any::<u64>(),
        prop::collection::vec((any::<prop::sample::Index>(), 0usize..20, prop::sample::select(TOKENS)), 1..5),
    )
        .prop_map(|(size, seed, edits)| {
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
            text
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Generated agreements have no diagnostic at all (no warning either),
    /// and as many elements as the generator says.
    #[test]
    fn generated_agreements_check_clean(size in 1usize..600, seed in any::<u64>(), groups in prop::option::of(1usize..6)) {
        let (text, elements) = match groups {
            None => pakt::gen::generate_counted(size, seed),
            Some(g) => pakt::gen::generate_with_party_groups(size, seed, g),
        };
        let compiled = check::compile(&text, &Limits::default());
        prop_assert!(compiled.diagnostics.is_empty(), "diagnostics: {:#?}", compiled.diagnostics);
        let model = compiled.model.expect("a model");
        prop_assert_eq!(model.element_count(), elements);
        prop_assert!(elements >= size);
        let found = rules(&model);
        prop_assert!(found.is_empty(), "findings: {:#?}", found.iter().map(|d| format!("{} {}", d.code, d.message)).collect::<Vec<_>>());
    }

    /// `pakt dump --json` of a generated model parses back to the same model.
    #[test]
    fn json_dump_parses_back(size in 1usize..400, seed in any::<u64>()) {
        let text = pakt::gen::generate(size, seed);
        let model = check::compile(&text, &Limits::default()).model.expect("a model");
        roundtrip(&model);
    }

}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// Any string: no panic anywhere in compile, rules or rendering.
    #[test]
    fn arbitrary_strings_never_panic(text in any::<String>()) {
        pipeline(&text);
    }

    /// Token soups get further into the grammar than random characters.
    #[test]
    fn token_soups_never_panic(text in soup()) {
        pipeline(&text);
        pipeline(&format!("agreement a {{ }} {text}"));
    }

    /// Near-valid agreements reach lowering, resolution and the rules; the
    /// models they give also survive the JSON round trip.
    #[test]
    fn mutated_agreements_never_panic(text in mutated()) {
        pipeline(&text);
        if let Some(model) = check::compile(&text, &Limits::default()).model {
            roundtrip(&model);
        }
    }
}

#[test]
fn the_example_agreements_roundtrip() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("agreements");
    for entry in std::fs::read_dir(dir).expect("agreements") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "pakt") {
            let text = std::fs::read_to_string(&path).expect("read");
            let model = check::compile(&text, &Limits::default()).model.expect("a model");
            roundtrip(&model);
        }
    }
}

#[test]
fn generator_is_deterministic_and_scales() {
    assert_eq!(pakt::gen::generate(1000, 42), pakt::gen::generate(1000, 42));
    for size in [1, 10, 100, 1_000, 5_000] {
        let (_, n) = pakt::gen::generate_counted(size, 9);
        assert!(n >= size && n < size + 60, "size {size} gave {n} elements");
    }
}
