//! Rendered diagnostics for bad input, pinned in snapshots (fixed theme,
//! width 80, no colour), and the exit codes of `pakt check` on them.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use pakt::check::{check_file, Settings};
use pakt::diagnostic::{render, RenderOptions};
use std::path::{Path, PathBuf};
use std::process::Command;

fn fixtures() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir("tests/fixtures/errors")
        .expect("fixture folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "pakt"))
        .collect();
    v.sort();
    v
}

fn rendered(path: &Path) -> (Vec<&'static str>, String) {
    let result = check_file(path, &Settings::default()).expect("fixture is readable");
    let shown = path.display().to_string();
    let mut out = String::new();
    for d in &result.diagnostics {
        out.push_str(&render(d, &shown, &result.text, RenderOptions::default()));
        out.push('\n');
    }
    (result.diagnostics.iter().map(|d| d.code).collect(), out)
}

/// The code each fixture must raise (its first diagnostic).
fn expected_code(stem: &str) -> &'static str {
    match stem {
        // `Mio.` is a word of the German keyword set: in an English file it is
        // answered as a keyword of the other set, with `million` as the fix.
        "german-mio" => "P013",
        s if s.starts_with("syntax-") || s.starts_with("recovery-") || s.starts_with("german-") => "P001",
        "unterminated-string" => "P002",
        "invalid-date" => "P003",
        s if s.starts_with("malformed-amount") => "P004",
        "empty-file" | "comments-only" => "P005",
        "not-utf8" => "P006",
        "nul-byte" => "P007",
        s if s.starts_with("undefined-") => "R001",
        "duplicate-id" => "R002",
        "wrong-kind" => "R003",
        "duplicate-attribute" => "R004",
        "missing-duty" => "R005",
        other => panic!("fixture {other} has no expected code; add it here"),
    }
}

#[test]
fn every_error_fixture_is_pinned() {
    let all = fixtures();
    assert!(all.len() >= 30, "expected the full set of error fixtures, found {}", all.len());
    for path in all {
        let stem = path.file_stem().and_then(|s| s.to_str()).expect("utf-8 name").to_string();
        let (codes, text) = rendered(&path);
        assert_eq!(codes.first().copied(), Some(expected_code(&stem)), "{stem}: codes {codes:?}\n{text}");
        assert!(!text.contains("panicked"), "{stem}");
        insta::assert_snapshot!(format!("error-{stem}"), text);
    }
}

#[test]
fn syntax_errors_name_the_block_and_never_raw_rule_names() {
    for path in fixtures() {
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default().to_string();
        let (_, text) = rendered(&path);
        for raw in ["kw_", "_attr", "reference_list", "string_body", "EOI", "SOI"] {
            assert!(!text.contains(raw), "{stem} shows a raw rule name `{raw}`:\n{text}");
        }
        if let Some(block) = stem.strip_prefix("syntax-") {
            if block != "toplevel" {
                let kw = if block == "header" { "agreement" } else { block };
                assert!(text.contains(&format!("in this `{kw}` block")), "{stem}:\n{text}");
            }
        }
    }
}

#[test]
fn near_names_are_suggested_and_far_ones_are_not() {
    let (_, near) = rendered(Path::new("tests/fixtures/errors/undefined-near.pakt"));
    assert!(near.contains("did you mean `land`?"), "{near}");
    let (_, far) = rendered(Path::new("tests/fixtures/errors/undefined-far.pakt"));
    assert!(!far.contains("did you mean"), "{far}");
    assert!(far.contains("define a party named `landesregierung`"), "{far}");
}

#[test]
fn duplicate_id_labels_both_places() {
    let result =
        check_file(Path::new("tests/fixtures/errors/duplicate-id.pakt"), &Settings::default()).expect("readable");
    let d = result.diagnostics.iter().find(|d| d.code == "R002").expect("R002");
    let first = result.text.find("party land ").expect("first") + "party ".len();
    let second = result.text.rfind("party land ").expect("second") + "party ".len();
    assert_eq!(d.primary.span.start, second);
    assert_eq!(d.secondary.first().map(|l| l.span.start), Some(first));
}

fn pakt(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_pakt")).args(args).env("NO_COLOR", "1").output().expect("run pakt");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn bad_input_exits_one_without_panicking() {
    for path in fixtures() {
        let p = path.display().to_string();
        let (code, out, err) = pakt(&["check", &p]);
        assert_eq!(code, 1, "{p}: {out}{err}");
        assert!(!err.contains("panicked"), "{p}: {err}");
        assert!(out.contains("1 file checked, ") && !out.contains("1 file checked, 0 errors"), "{p}: {out}");
    }
}

#[test]
fn unreadable_input_exits_two() {
    let (code, _, err) = pakt(&["check", "tests/fixtures/errors/does-not-exist.pakt"]);
    assert_eq!(code, 2);
    assert!(err.contains("cannot read tests/fixtures/errors/does-not-exist.pakt"), "{err}");
    let (code, _, _) = pakt(&["check"]);
    assert_eq!(code, 2, "no path is a usage error");
    let (code, _, _) = pakt(&["frobnicate"]);
    assert_eq!(code, 2, "unknown command is a usage error");
}

#[test]
fn every_builtin_code_is_explained() {
    for (code, name, summary) in pakt::diagnostic::BUILTIN {
        for key in [*code, *name] {
            let (status, out, _) = pakt(&["explain", key]);
            assert_eq!(status, 0, "pakt explain {key}");
            let severity = match pakt::diagnostic::builtin_severity(code) {
                pakt::diagnostic::Severity::Warning => "a warning",
                pakt::diagnostic::Severity::Error => "an error",
            };
            assert!(out.starts_with(&format!("{code} ({name}), always {severity}")), "{out}");
            assert!(out.to_lowercase().contains(&summary.to_lowercase()), "{out}");
        }
    }
    let (status, _, err) = pakt(&["explain", "R999"]);
    assert_eq!(status, 2);
    assert!(!err.contains("did you mean `parity`"), "an R code is not a typo of an A code: {err}");
}

/// Language v2 added `years` to notice periods: what drafters wrote as a
/// mistake before is valid now.
#[test]
fn notice_in_years_is_valid() {
    let text = "agreement a {\n    title \"A\"\n    date 2018-10-17\n}\n\nterm {\n    from 2019-01-01\n    until_revoked\n    notice 2 years to_end_of year\n}\n";
    let compiled = pakt::check::compile(text, &pakt::check::Limits::default());
    let codes: Vec<&str> = compiled.diagnostics.iter().map(|d| d.code).collect();
    assert!(compiled.model.is_some(), "{codes:?}");
    assert!(!codes.iter().any(|c| c.starts_with('P')), "{codes:?}");
}
