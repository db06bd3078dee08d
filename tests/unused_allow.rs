//! R008 unused-allow: an `allow` that suppresses nothing where it stands
//! warns and says where it must go; an `allow` in the right place, or of a
//! rule that is off, does not. The four agreements use every `allow` they
//! carry.

#![allow(clippy::expect_used, clippy::panic, clippy::indexing_slicing, reason = "tests fail loudly with a message")]

use pakt::check::{check_file, FileResult, Settings};
use pakt::diagnostic::{render, RenderOptions, Severity};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

/// A two-party agreement without a term (A017 warns on the header), an
/// unbound third party (A013 warns on the party), and `EXTRA` spliced in.
const BASE: &str = r#"agreement beispiel {
    title "Rahmenvereinbarung Musterland"
    date 2030-03-01
    HEADER
}

party land "Freistaat Musterland" {
    side state
    LAND
}
party gt "Gemeindetag Musterland e.V." { side municipal }
party lkt "Landkreistag Musterland e.V." {
    side municipal
    LKT
}

obligation information {
    bearer land, gt
    shall "sich gegenseitig über geplante Vorhaben informieren"
    OBLIGATION
}

signature sig_land { party land signatory "Dr. Erika Mustermann" date 2030-03-01 }
signature sig_gt { party gt signatory "Max Mustermann" date 2030-03-01 }
signature sig_lkt { party lkt signatory "Maria Musterfrau" date 2030-03-01 }
"#;

fn agreement(header: &str, land: &str, lkt: &str, obligation: &str) -> String {
    BASE.replace("HEADER", header).replace("LAND", land).replace("LKT", lkt).replace("OBLIGATION", obligation)
}

fn temp_dir() -> PathBuf {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, Ordering::SeqCst);
    let dir = std::env::temp_dir().join(format!("pakt-tests-unused-allow-{}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn check_text(text: &str, toml: &str) -> FileResult {
    let dir = temp_dir();
    std::fs::write(dir.join("pakt.toml"), toml).expect("write pakt.toml");
    let file = dir.join("agreement.pakt");
    std::fs::write(&file, text).expect("write agreement");
    let result = check_file(&file, &Settings::default()).expect("check");
    let _ = std::fs::remove_dir_all(&dir);
    result
}

/// (code, severity, suppressed?, message) of every diagnostic.
fn found(result: &FileResult) -> Vec<(&'static str, Severity, bool, String)> {
    result.diagnostics.iter().map(|d| (d.code, d.severity, d.suppressed.is_some(), d.message.clone())).collect()
}

#[test]
fn allows_in_the_right_places_are_used_and_raise_nothing() {
    let text = agreement(r#"allow term "the source states no term""#, "", r#"allow unbound-party "joins later""#, "");
    let result = check_text(&text, "");
    let codes: Vec<(&str, bool)> = result.diagnostics.iter().map(|d| (d.code, d.suppressed.is_some())).collect();
    assert_eq!(codes, [("A017", true), ("A013", true)], "{:?}", found(&result));
}

#[test]
fn a_misplaced_allow_warns_and_names_where_it_must_go() {
    // `allow term` on a party: A017 is reported for the agreement header.
    // `allow unbound-party` on the obligation: A013 is reported for party `lkt`.
    let text = agreement("", r#"allow term "the source states no term""#, "", r#"allow unbound-party "joins later""#);
    let result = check_text(&text, "");
    assert_eq!(
        found(&result),
        [
            ("A017", Severity::Warning, false, "agreement `beispiel` states no term and no termination".to_string()),
            (
                "R008",
                Severity::Warning,
                false,
                "`allow term` here suppresses nothing: put it in the agreement header".to_string()
            ),
            ("A013", Severity::Warning, false, "party `lkt` owes nothing and sits nowhere".to_string()),
            (
                "R008",
                Severity::Warning,
                false,
                "`allow unbound-party` here suppresses nothing: put it in `party lkt`".to_string()
            ),
        ]
    );
    // The label points at the misplaced allow's rule name.
    let r008 = &result.diagnostics[1];
    assert_eq!(&text[r008.primary.span.start..r008.primary.span.end], "term");
    let shown = render(r008, "agreement.pakt", &result.text, RenderOptions::default());
    insta::assert_snapshot!("unused_allow_misplaced", shown);
}

#[test]
fn an_allow_of_a_rule_that_finds_nothing_says_so() {
    let text = agreement(
        r#"allow term "x""#,
        r#"allow parity "there is no paritätisch body""#,
        r#"allow unbound-party "x""#,
        "",
    );
    let result = check_text(&text, "");
    let r008: Vec<String> = result.diagnostics.iter().filter(|d| d.code == "R008").map(|d| d.message.clone()).collect();
    assert_eq!(r008, ["no finding of parity (A001) here to allow"]);
}

#[test]
fn an_allow_of_a_rule_turned_off_is_not_reported() {
    let text = agreement(r#"allow term "x""#, r#"allow parity "off in pakt.toml""#, r#"allow unbound-party "x""#, "");
    let result = check_text(&text, "[rules]\nparity = \"off\"\n");
    assert!(result.diagnostics.iter().all(|d| d.code != "R008"), "{:?}", found(&result));
}

#[test]
fn an_unused_allow_is_a_warning_that_fails_only_with_deny_warnings() {
    let text = agreement(r#"allow term "x""#, r#"allow parity "x""#, r#"allow unbound-party "x""#, "");
    let dir = temp_dir();
    let file = dir.join("agreement.pakt");
    std::fs::write(&file, text).expect("write");
    std::fs::write(dir.join("pakt.toml"), "").expect("write");
    let run = |extra: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_pakt"))
            .args(["check", "--format", "json"])
            .args(extra)
            .arg(&file)
            .output()
            .expect("run pakt")
    };
    let out = run(&[]);
    assert_eq!(out.status.code(), Some(0));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let r008: Vec<&serde_json::Value> =
        report["diagnostics"].as_array().expect("diagnostics").iter().filter(|d| d["code"] == "R008").collect();
    assert_eq!(r008.len(), 1);
    assert_eq!(r008[0]["severity"], "warning");
    assert_eq!(r008[0]["rule"], "unused-allow");
    assert_eq!(run(&["--deny-warnings"]).status.code(), Some(1));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn explain_describes_r008_as_a_warning() {
    let out = Command::new(env!("CARGO_BIN_EXE_pakt")).args(["explain", "R008"]).output().expect("run pakt");
    let text = String::from_utf8(out.stdout).expect("utf-8");
    assert_eq!(out.status.code(), Some(0));
    assert!(text.starts_with("R008 (unused-allow), always a warning\n"), "{text}");
    assert!(text.contains("says where the `allow` must go"), "{text}");
    let out = Command::new(env!("CARGO_BIN_EXE_pakt")).args(["explain", "R006"]).output().expect("run pakt");
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("R006 (unknown-rule), always an error\n"));
}

#[test]
fn every_allow_in_the_agreements_is_used() {
    for entry in std::fs::read_dir("agreements").expect("agreements") {
        let path = entry.expect("entry").path();
        if path.extension().is_none_or(|e| e != "pakt") {
            continue;
        }
        let result = check_file(Path::new(&path), &Settings::default()).expect("check");
        let unused: Vec<&String> = result.diagnostics.iter().filter(|d| d.code == "R008").map(|d| &d.message).collect();
        assert!(unused.is_empty(), "{}: {unused:?}", path.display());
        assert!(result.diagnostics.iter().any(|d| d.suppressed.is_some()), "{} allows something", path.display());
    }
}
