//! Every finding pakt can report reads German under `--lang de`: each
//! rule's failing fixture and each error fixture is checked in both
//! languages (JSON), and no message, label or help of the German run may be
//! the English text or contain English sentence words outside quoted names
//! and keywords. Every rule code and the checks before the rules are covered.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use serde_json::Value;
use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

fn check_json(path: &Path, lang: &str) -> Vec<Value> {
    let mut c = Command::new(env!("CARGO_BIN_EXE_pakt"));
    c.arg("check").arg(path).args(["--format", "json", "--lang", lang]);
    for v in ["PAKT_LANG", "LANG", "LC_ALL", "LC_MESSAGES"] {
        c.env_remove(v);
    }
    let o = c.output().unwrap();
    let v: Value = serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("{}: {e}: {}", path.display(), String::from_utf8_lossy(&o.stderr)));
    v["diagnostics"].as_array().unwrap().clone()
}

/// The texts of a finding: message, label, help, the other labels, related.
fn texts(d: &Value) -> Vec<String> {
    let mut out = vec![d["message"].as_str().unwrap().to_string(), d["label"].as_str().unwrap().to_string()];
    if let Some(h) = d["help"].as_str() {
        out.push(h.to_string());
    }
    for key in ["labels", "related"] {
        for l in d[key].as_array().unwrap() {
            out.push(l["message"].as_str().unwrap().to_string());
        }
    }
    out
}

/// The text without what is quoted (`keywords`, "texts", „Texte“): what
/// is left must be German.
fn prose(text: &str) -> String {
    let mut out = String::new();
    let mut close: Option<char> = None;
    for c in text.chars() {
        match close {
            Some(end) if c == end => close = None,
            Some(_) => {}
            None => match c {
                '`' => close = Some('`'),
                '"' => close = Some('"'),
                '„' => close = Some('“'),
                _ => out.push(c),
            },
        }
    }
    out
}

const ENGLISH: &[&str] = &[
    "the", "is", "are", "has", "have", "but", "of", "and", "or", "not", "no", "here", "this", "with", "which", "must",
    "add", "give", "write", "remove", "seat", "seats", "body", "party", "expected", "found", "defined", "decides",
];

fn english_words(text: &str) -> Vec<String> {
    // A list of the keywords a block takes is keywords, not prose.
    let text = ["nimmt: ", "Blöcke: "].iter().fold(text, |t, m| t.split_once(m).map_or(t, |(before, _)| before));
    prose(text)
        .split(|c: char| !c.is_alphabetic() && c != '_')
        .filter(|w| ENGLISH.contains(w))
        .map(str::to_string)
        .collect()
}

fn fixtures() -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for dir in ["tests/fixtures/rules", "tests/fixtures/errors", "tests/fixtures/german3", "tests/fixtures_de"] {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            let name = p.file_name().unwrap().to_string_lossy().to_string();
            if name.ends_with(".pakt") && !name.ends_with(".pass.pakt") {
                files.push(p);
            }
        }
    }
    files.sort();
    files
}

#[test]
fn every_finding_is_german_under_lang_de() {
    let mut codes = BTreeSet::new();
    let mut problems = Vec::new();
    for f in fixtures() {
        let en = check_json(&f, "en");
        let de = check_json(&f, "de");
        assert_eq!(en.len(), de.len(), "{}", f.display());
        for (e, d) in en.iter().zip(&de) {
            let code = e["code"].as_str().unwrap().to_string();
            assert_eq!(d["code"], e["code"]);
            for (te, td) in texts(e).iter().zip(texts(d)) {
                // A label that is only a year or a number has no language.
                if !te.chars().any(|c| c.is_ascii_alphabetic()) {
                    continue;
                }
                if *te == td {
                    problems.push(format!("{code} {}: still English: {te}", f.display()));
                }
                // A033 quotes the placeholder's own instruction, which is the agreement's text.
                let words = if code == "A033" { Vec::new() } else { english_words(&td) };
                if !words.is_empty() {
                    problems.push(format!("{code} {}: English words {words:?} in: {td}", f.display()));
                }
            }
            codes.insert(code);
        }
    }
    assert!(problems.is_empty(), "{} texts are not German:\n{}", problems.len(), problems.join("\n"));
    let mut wanted: BTreeSet<String> = pakt::rules::REGISTRY.iter().map(|r| r.code.to_string()).collect();
    for c in ["P001", "P002", "P003", "P004", "P005", "P006", "P007", "P010", "P011", "P013"] {
        wanted.insert(c.to_string());
    }
    for c in ["R001", "R002", "R003", "R004", "R005", "R006", "R008"] {
        wanted.insert(c.to_string());
    }
    let missing: Vec<_> = wanted.difference(&codes).collect();
    assert!(missing.is_empty(), "no fixture shows {missing:?}");
}

#[test]
fn english_runs_are_unchanged_by_the_catalogue() {
    // The English JSON of a run is the text the checks write: `--lang en`
    // equals the run without any language setting.
    for f in fixtures() {
        let mut c = Command::new(env!("CARGO_BIN_EXE_pakt"));
        c.arg("check").arg(&f).args(["--format", "json"]);
        for v in ["PAKT_LANG", "LANG", "LC_ALL", "LC_MESSAGES"] {
            c.env_remove(v);
        }
        let plain: Value = serde_json::from_slice(&c.output().unwrap().stdout).unwrap();
        if f.starts_with("tests/fixtures_de") {
            continue;
        }
        assert_eq!(plain["diagnostics"].as_array().unwrap(), &check_json(&f, "en"), "{}", f.display());
    }
}

#[test]
fn a_configuration_error_is_german_too() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("pakt.toml"), "[rules]\nparity = \"laut\"\n").unwrap();
    std::fs::copy("tests/fixtures/rules/A001-parity.pass.pakt", dir.path().join("a.pakt")).unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_pakt"))
        .arg("check")
        .arg(dir.path().join("a.pakt"))
        .args(["--lang", "de"])
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(err.contains("unbekannter Schweregrad `laut`"), "{err}");
    assert!(err.contains("ein Schweregrad ist \"error\", \"warning\" oder \"off\""), "{err}");
}

/// The prose of a Markdown page: without code blocks.
fn page_prose(page: &str) -> String {
    let mut out = String::new();
    let mut code = false;
    for line in page.lines() {
        if line.starts_with("```") {
            code = !code;
            continue;
        }
        if !code {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

#[test]
fn every_explanation_is_german_prose() {
    let mut problems = Vec::new();
    for r in pakt::rules::REGISTRY {
        let page = pakt::rules::explanation_de(r.code).unwrap();
        // The title names the rule: "# A001 parity: …".
        let body = page.split_once(": ").map_or(page, |(_, rest)| rest);
        for (n, line) in page_prose(body).lines().enumerate() {
            let words = english_words(line);
            if !words.is_empty() {
                problems.push(format!("{} line {}: {words:?} in: {line}", r.code, n + 1));
            }
        }
        assert_ne!(
            page.lines().next(),
            r.explanation.lines().next(),
            "{}: the German title is the English one",
            r.code
        );
    }
    assert!(problems.is_empty(), "English in German explanations:\n{}", problems.join("\n"));
}

fn explain(code: &str, lang: &str) -> String {
    let mut c = Command::new(env!("CARGO_BIN_EXE_pakt"));
    c.args(["explain", code, "--lang", lang]);
    for v in ["PAKT_LANG", "LANG", "LC_ALL", "LC_MESSAGES"] {
        c.env_remove(v);
    }
    let o = c.output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{code}");
    String::from_utf8(o.stdout).unwrap()
}

#[test]
fn explain_is_german_for_every_code() {
    let codes: Vec<&str> = pakt::rules::REGISTRY
        .iter()
        .map(|r| r.code)
        .chain(pakt::diagnostic::BUILTIN.iter().map(|(c, _, _)| *c))
        .collect();
    assert!(codes.len() > 60, "{codes:?}");
    for code in codes {
        let de = explain(code, "de");
        assert_ne!(de, explain(code, "en"), "{code}");
        // The header and the title name the rule (`A002 (seat-count)`, `# A002 seat-count: …`).
        let prose: String = de
            .lines()
            .skip(1)
            .map(|l| if l.starts_with("# ") { l.split_once(": ").map_or("", |(_, t)| t) } else { l })
            .collect::<Vec<_>>()
            .join("\n");
        let words = english_words(&page_prose(&prose));
        assert!(words.is_empty(), "{code}: English words {words:?} in:\n{de}");
    }
}
