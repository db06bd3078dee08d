//! `graph --format json` is written straight to its output; the bytes must
//! be those of pretty-printing the `serde_json::Value` document as before.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use pakt::check::{compile, Limits};

#[test]
fn streamed_graph_json_is_the_pretty_printed_document() {
    let mut sources: Vec<(String, String)> = std::fs::read_dir("agreements")
        .expect("agreements")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.is_file())
        .map(|p| (p.display().to_string(), std::fs::read_to_string(&p).expect("readable")))
        .collect();
    sources.push(("generated".into(), pakt::gen::generate(500, 4)));
    assert!(sources.len() >= 5);
    for (name, text) in sources {
        let model = compile(&text, &Limits::default()).model.expect("compiles");
        let g = pakt::graph::build(&model, None);
        let expected = serde_json::to_string_pretty(&pakt::graph::json(&g, &text)).unwrap() + "\n";
        let mut streamed = Vec::new();
        pakt::graph::write_json(&g, &text, &mut streamed).unwrap();
        assert_eq!(String::from_utf8(streamed).unwrap(), expected, "{name}");
        assert!(expected.contains("\"detail\"") && expected.contains("\"column\""), "{name}: a weak test input");
    }
}
