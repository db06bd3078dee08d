//! Correct texts that pakt once flagged: each file in `tests/fixtures/clean/`
//! checks without any diagnostic, and undoing the construct it is about
//! raises the finding it used to get wrongly — so the fixture really
//! exercises that construct.

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "tests fail loudly with a message"
)]

use pakt::check::{check_file, compile, Limits, Settings};
use pakt::config::Config;
use pakt::rules::Context;
use std::collections::BTreeSet;
use std::path::PathBuf;

const CLEAN: &str = "tests/fixtures/clean";

fn codes_of_text(text: &str) -> BTreeSet<&'static str> {
    let compiled = compile(text, &Limits::default());
    let mut found: BTreeSet<&'static str> = compiled.diagnostics.iter().map(|d| d.code).collect();
    if let Some(model) = &compiled.model {
        let config = Config::default();
        let ctx = Context { model, predecessor: None, predecessor_path: None, config: &config };
        found.extend(pakt::rules::run(&ctx).iter().map(|d| d.code));
    }
    found
}

#[test]
fn every_clean_fixture_checks_without_a_diagnostic() {
    let mut files: Vec<PathBuf> = std::fs::read_dir(CLEAN)
        .expect("clean fixtures")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "pakt"))
        .collect();
    files.sort();
    assert!(files.len() >= 7, "{files:?}");
    for path in files {
        let result = check_file(&path, &Settings::default()).expect("check");
        let found: Vec<String> = result.diagnostics.iter().map(|d| format!("{} {}", d.code, d.message)).collect();
        assert!(found.is_empty(), "{}: {found:#?}", path.display());
    }
}

/// Each clean fixture, the construct that makes it clean, what it becomes
/// without it, and the finding that then (rightly) appears.
const UNDONE: &[(&str, &str, &str, &str)] = &[
    ("consent-by-organ.pakt", "    part_of land\n", "", "A006"),
    ("consent-in-consensual-body.pakt", "    decides by consent\n", "    decides by majority\n", "A006"),
    ("seats-through-organs.pakt", "    part_of gt\n", "", "A007"),
    ("seats-through-organs.pakt", "    part_of gt\n", "", "A013"),
    (
        "meetings-governed-by-rules-of-procedure.pakt",
        "    meets governed_by \"Geschäftsordnung des Beirats\"\n",
        "",
        "A003",
    ),
    ("recipient-is-bound.pakt", "    recipient lkt\n", "", "A013"),
    ("consent-of-the-committed-money.pakt", "commits_money of foerderung", "commits_money", "A006"),
    ("advisory-seats-not-counted.pakt", "{ side state advisory }", "{ side state voting }", "A002"),
    // A quorum of all four voting members is reachable; one more would count the advisor.
    ("advisory-seats-not-counted.pakt", "quorum 4", "quorum 5", "A004"),
];

#[test]
fn undoing_the_construct_brings_the_finding_back() {
    for (file, from, to, code) in UNDONE {
        let text = std::fs::read_to_string(format!("{CLEAN}/{file}")).expect("fixture");
        assert!(text.contains(from), "{file} no longer contains {from:?}");
        assert!(codes_of_text(&text).is_empty(), "{file} is not clean");
        let undone = codes_of_text(&text.replacen(from, to, 1));
        assert!(undone.contains(code), "{file} without {from:?}: expected {code}, found {undone:?}");
    }
}

/// `pakt who` follows `part_of`: a seat given to an organ is its party's.
#[test]
fn who_names_the_party_behind_a_seat_held_by_an_organ() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_pakt"))
        .args(["who", "--body", "koordinierung", "--format", "json"])
        .arg(format!("{CLEAN}/seats-through-organs.pakt"))
        .output()
        .expect("run pakt");
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let members: Vec<(&str, &str, bool)> = json["members"]
        .as_array()
        .expect("members")
        .iter()
        .map(|m| (m["seat"].as_str().unwrap(), m["party"].as_str().unwrap(), m["voting"].as_bool().unwrap()))
        .collect();
    assert_eq!(members, [("ministerium", "land", true), ("verband", "gt", true)]);
}
