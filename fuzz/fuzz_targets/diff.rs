//! `pakt diff` on two versions: the input is the old text, a NUL byte and
//! the new text (seeds pair real versions; libFuzzer mutates both). Every
//! output is built and checked: JSON parses, the text and Markdown show no
//! hidden character and no line that starts a GitHub workflow command, a
//! Markdown table row stays one line.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pakt::check::{self, Limits};
use pakt::escape::is_hidden;

fn no_hidden(what: &str, s: &str) {
    if let Some(c) = s.chars().find(|c| *c != '\n' && *c != '\t' && is_hidden(*c)) {
        panic!("{what} output shows the hidden character {c:?}");
    }
    if let Some(line) = s.lines().find(|l| l.trim_start().starts_with("::")) {
        panic!("{what} output has a workflow command line: {line:?}");
    }
}

fuzz_target!(|data: &[u8]| {
    let Some(split) = data.iter().position(|b| *b == 0) else { return };
    let (old, new) = (&data[..split], &data[split + 1..]);
    let (Ok(old), Ok(new)) = (check::decode(old.to_vec()), check::decode(new.to_vec())) else { return };
    let limits = Limits { max_file_bytes: 1 << 20, max_elements: 2_000 };
    let (a, b) = (check::compile(&old, &limits), check::compile(&new, &limits));
    let (Some(am), Some(bm)) = (&a.model, &b.model) else { return };
    let report = pakt::diff::diff(am, &old, "old.pakt", bm, &new, "new.pakt");
    no_hidden("text", &pakt::diff::text(&report, false));
    let md = pakt::diff::markdown(&report);
    no_hidden("markdown", &md);
    for line in md.lines().filter(|l| l.starts_with("| ")) {
        assert!(line.ends_with('|'), "a Markdown table row is cut: {line:?}");
        assert!(!line.contains('<'), "raw HTML in Markdown: {line:?}");
    }
    let _ = pakt::diff::html(&report);
    let json = serde_json::to_string(&pakt::diff::json(&report)).expect("diff JSON");
    let _: serde_json::Value = serde_json::from_str(&json).expect("diff JSON parses back");
});
