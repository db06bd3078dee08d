//! German diagnostics: a syntax error, an unresolved name with "meinten
//! Sie", three rule findings and a file that mixes both keyword sets, as
//! `pakt check --lang de` prints them for files with German keywords.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use std::process::Command;

fn check(args: &[&str]) -> (i32, String) {
    let mut c = Command::new(env!("CARGO_BIN_EXE_pakt"));
    c.arg("check").args(args).env("NO_COLOR", "1");
    for v in ["PAKT_LANG", "LANG", "LC_ALL", "LC_MESSAGES"] {
        c.env_remove(v);
    }
    let o = c.output().unwrap();
    (o.status.code().unwrap_or(-1), String::from_utf8(o.stdout).unwrap())
}

#[test]
fn german_diagnostics() {
    for name in ["syntax-body", "undefined-near", "A001-parity.fail", "A003-meeting-rule.fail", "A008-tranches.fail"] {
        let path = format!("tests/fixtures_de/{name}.pakt");
        // German keywords: German messages without being asked.
        let (code, out) = check(&[&path]);
        assert_eq!(code, 1, "{out}");
        assert!(out.ends_with("1 Datei geprüft, 1 Fehler, 0 Warnungen\n"), "{out}");
        insta::assert_snapshot!(name, out);
    }
}

#[test]
fn german_messages_for_an_english_file_keep_its_keywords() {
    let (code, out) = check(&["tests/fixtures/rules/A001-parity.fail.pakt", "--lang", "de"]);
    assert_eq!(code, 1);
    assert!(out.contains("ist als paritätisch erklärt"), "{out}");
    assert!(out.contains("als `advisory` kennzeichnen"), "{out}");
    let (_, out) = check(&["tests/fixtures_de/A001-parity.fail.pakt", "--lang", "en"]);
    assert!(out.contains("is declared paritätisch"), "{out}");
    assert!(out.contains("`beratend`") && !out.contains("`advisory`"), "English words, the file's keywords: {out}");
}

#[test]
fn mixed_keywords_in_german() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("gemischt.pakt");
    std::fs::write(&f, "vereinbarung x {\n    titel \"T\"\n}\n\npartei land \"Land\" { side state }\n").unwrap();
    let (code, out) = check(&[f.to_str().unwrap()]);
    assert_eq!(code, 1);
    let out = out.replace(f.to_str().unwrap(), "gemischt.pakt");
    insta::assert_snapshot!("mixed_keywords_de", out);
}

#[test]
fn german_messages_for_more_findings() {
    // Rules from every part of the catalogue and checks before the rules,
    // English keywords, German words.
    for path in [
        "tests/fixtures/rules/A006-consent-before-financing.fail.pakt",
        "tests/fixtures/rules/A021-unblockable-binding.fail.pakt",
        "tests/fixtures/rules/A029-indeterminate-shares.fail.pakt",
        "tests/fixtures/rules/A035-dates.fail.pakt",
        "tests/fixtures/rules/A040-side-kind.fail.pakt",
        "tests/fixtures/errors/wrong-kind.pakt",
        "tests/fixtures/german3/allow-unknown-and-unused.pakt",
    ] {
        let (code, out) = check(&[path, "--lang", "de"]);
        assert!(code == 1 || code == 0, "{out}");
        assert!(out.contains(" Datei geprüft, "), "{out}");
        let name = std::path::Path::new(path).file_stem().unwrap().to_string_lossy().replace(".fail", "");
        insta::assert_snapshot!(format!("more_{name}"), out);
    }
}

/// The CI formats carry the German message too: a reviewer reads the
/// annotation in the pull request, not the human output.
#[test]
fn ci_formats_speak_the_runs_language() {
    let file = "tests/fixtures/rules/A001-parity.fail.pakt";
    for format in ["github", "gnu", "sarif", "gitlab"] {
        let (code, de) = check(&[file, "--lang", "de", "--format", format]);
        assert_eq!(code, 1, "{format}: {de}");
        assert!(de.contains("ist als paritätisch erklärt"), "{format}: {de}");
        if format == "github" {
            assert!(de.contains("%0AHilfe: ") && !de.contains("help:"), "{de}");
        }
        let (_, en) = check(&[file, "--lang", "en", "--format", format]);
        assert!(
            en.contains("is declared paritätisch") && !en.contains("ist als paritätisch erklärt"),
            "{format}: {en}"
        );
    }
    // Machine formats stay machine-readable in German.
    let (_, sarif) = check(&[file, "--lang", "de", "--format", "sarif"]);
    let v: serde_json::Value = serde_json::from_str(&sarif).unwrap();
    let text = v["runs"][0]["results"][0]["message"]["text"].as_str().unwrap();
    assert!(text.contains("paritätisch erklärt"), "{text}");
    assert_eq!(v["runs"][0]["results"][0]["ruleId"], "A001");
}

mod common;
use common::pakt_without_locale as pakt;

/// `pakt rules --lang de` lists every rule with the German summary of its
/// explanation; the JSON keeps the codes, names and severities.
#[test]
fn rules_list_in_german() {
    let de = pakt(&["rules", "--lang", "de"]);
    let en = pakt(&["rules"]);
    assert_eq!(de.lines().count(), en.lines().count());
    let a001 = de.lines().find(|l| l.starts_with("A001")).unwrap();
    assert!(a001.contains("Fehler") && a001.contains("ein als paritätisch erklärtes Gremium"), "{a001}");
    let json: serde_json::Value = serde_json::from_str(&pakt(&["rules", "--format", "json", "--lang", "de"])).unwrap();
    let rules = json.as_array().unwrap();
    let a001 = rules.iter().find(|r| r["code"] == "A001").unwrap();
    assert_eq!(a001["severity"], "error");
    assert!(a001["summary"].as_str().unwrap().starts_with("ein als paritätisch erklärtes Gremium"));
    // Every German summary differs from the English one.
    let en_json: serde_json::Value = serde_json::from_str(&pakt(&["rules", "--format", "json"])).unwrap();
    for (d, e) in rules.iter().zip(en_json.as_array().unwrap()) {
        assert_eq!(d["code"], e["code"]);
        assert_ne!(d["summary"], e["summary"], "{}", d["code"]);
    }
}
