//! The rule registry against its fixtures, snapshots and explanations;
//! `pakt explain`; `allow` in an agreement; rule settings in `pakt.toml`.
//!
//! Every rule has a failing fixture that raises its code and nothing else,
//! and a passing twin that raises nothing at all, under
//! `tests/fixtures/rules/<CODE>-<name>.{fail,pass}.pakt`. The rendered
//! findings of each failing fixture are pinned in `tests/snapshots/`, with
//! the fixture's text as the snapshot's description.

#![allow(clippy::expect_used, clippy::panic, clippy::indexing_slicing, reason = "tests fail loudly with a message")]

use pakt::check::{check_file, compile, FileResult, Limits, Settings};
use pakt::config::Config;
use pakt::diagnostic::{render, RenderOptions, Severity};
use pakt::rules::{find, Context, RuleInfo, EXPLANATION_HEADINGS, REGISTRY};
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};

const FIXTURES: &str = "tests/fixtures/rules";

fn fixture(rule: &RuleInfo, kind: &str) -> PathBuf {
    PathBuf::from(format!("{FIXTURES}/{}-{}.{kind}.pakt", rule.code, rule.name))
}

fn check(path: &Path) -> FileResult {
    check_file(path, &Settings::default()).unwrap_or_else(|e| panic!("{}: cannot check: {e}", path.display()))
}

/// Every diagnostic of a checked file, rendered as people see it.
fn rendered(result: &FileResult) -> String {
    let shown = result.display_path();
    let mut out = String::new();
    for d in &result.diagnostics {
        out.push_str(&render(d, &shown, &result.text, RenderOptions::default()));
        out.push('\n');
    }
    out
}

fn codes(result: &FileResult) -> BTreeSet<&'static str> {
    result.diagnostics.iter().map(|d| d.code).collect()
}

// ------------------------------------------------------------ fixtures

#[test]
fn every_rule_has_a_failing_fixture_that_raises_only_its_code() {
    let mut problems = Vec::new();
    for rule in REGISTRY {
        let path = fixture(rule, "fail");
        if !path.is_file() {
            problems.push(format!("{rule:?}: missing fixture {}", path.display()));
            continue;
        }
        let result = check(&path);
        let found = codes(&result);
        if found != BTreeSet::from([rule.code]) {
            problems.push(format!(
                "{}: expected only {}, found {found:?}\n{}",
                path.display(),
                rule.code,
                rendered(&result)
            ));
        }
        // The finding counts with the rule's default severity (nothing is allowed in a fixture).
        if let Some(d) = result.diagnostics.iter().find(|d| d.code == rule.code) {
            if d.severity != rule.severity || d.name != rule.name || d.suppressed.is_some() {
                problems.push(format!("{}: finding {d:?} does not match {rule:?}", path.display()));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
}

#[test]
fn every_rule_has_a_passing_twin_without_any_diagnostic() {
    let mut problems = Vec::new();
    for rule in REGISTRY {
        let path = fixture(rule, "pass");
        if !path.is_file() {
            problems.push(format!("{rule:?}: missing fixture {}", path.display()));
            continue;
        }
        let result = check(&path);
        if !result.diagnostics.is_empty() {
            problems.push(format!("{}: expected no diagnostics\n{}", path.display(), rendered(&result)));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
}

#[test]
fn every_fixture_file_belongs_to_a_registered_rule() {
    let expected: BTreeSet<String> =
        REGISTRY.iter().flat_map(|r| ["fail", "pass"].map(|k| format!("{}-{}.{k}.pakt", r.code, r.name))).collect();
    let found: BTreeSet<String> = std::fs::read_dir(FIXTURES)
        .expect("the rule fixture folder exists")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_file())
        .filter_map(|e| e.file_name().to_str().map(str::to_string))
        .collect();
    assert_eq!(found, expected, "files in {FIXTURES} (helpers such as predecessors go into subfolders)");
}

#[test]
fn failing_fixtures_render_as_pinned() {
    for rule in REGISTRY {
        let path = fixture(rule, "fail");
        let result = check(&path);
        let text = rendered(&result);
        insta::with_settings!({ description => format!("{}\n\n{}", path.display(), result.text), omit_expression => true }, {
            insta::assert_snapshot!(format!("rule-{}-{}", rule.code, rule.name), text);
        });
    }
}

#[test]
fn cycle_findings_name_every_member() {
    let reporting = check(&PathBuf::from(format!("{FIXTURES}/A010-reporting-cycle.fail.pakt")));
    let messages: Vec<&str> = reporting.diagnostics.iter().map(|d| d.message.as_str()).collect();
    assert_eq!(messages, ["reporting lines form a cycle: `beirat` → `lenkung` → `steuerung` → `beirat`"]);
    assert_eq!(reporting.diagnostics[0].secondary.len(), 2, "one label per further `reports_to`");

    let steps = check(&PathBuf::from(format!("{FIXTURES}/A011-step-cycle.fail.pakt")));
    let messages: Vec<&str> = steps.diagnostics.iter().map(|d| d.message.as_str()).collect();
    assert_eq!(
        messages,
        ["the steps of `vorhaben` wait for each other in a cycle: `vorschlag` → `beratung` → `bericht` → `vorschlag`"]
    );
}

// ------------------------------------------------------------ registry and explanations

#[test]
fn codes_and_names_are_unique_and_findable() {
    let codes: BTreeSet<&str> = REGISTRY.iter().map(|r| r.code).collect();
    let names: BTreeSet<&str> = REGISTRY.iter().map(|r| r.name).collect();
    assert_eq!(codes.len(), REGISTRY.len(), "duplicate rule code");
    assert_eq!(names.len(), REGISTRY.len(), "duplicate rule name");
    for rule in REGISTRY {
        for key in [rule.code.to_string(), rule.code.to_ascii_lowercase(), rule.name.to_string()] {
            assert_eq!(find(&key).map(|r| r.code), Some(rule.code), "find({key:?})");
        }
        assert!(rule.code.len() == 4 && rule.code.starts_with('A'), "{rule:?}: codes are A + three digits");
        assert!(rule.name.chars().all(|c| c.is_ascii_lowercase() || c == '-'), "{rule:?}: names are kebab-case");
    }
    assert!(find("nonsense").is_none());
}

/// The text of the ```pakt blocks in a piece of Markdown.
fn pakt_blocks(markdown: &str) -> Vec<&str> {
    markdown.split("```pakt\n").skip(1).filter_map(|rest| rest.split("```").next()).collect()
}

#[test]
fn every_explanation_has_the_fixed_structure() {
    for rule in REGISTRY {
        let text = rule.explanation;
        let first = text.lines().next().unwrap_or_default();
        assert!(first.starts_with(&format!("# {} {}: ", rule.code, rule.name)), "{rule:?}: first line is {first:?}");
        let headings: Vec<&str> = text.lines().filter(|l| l.starts_with("## ")).collect();
        assert_eq!(headings, EXPLANATION_HEADINGS, "{rule:?}: headings");
        let lines = text.lines().count();
        assert!((30..=70).contains(&lines), "{rule:?}: {lines} lines");
        assert!(!text.contains("TODO"), "{rule:?}: explanation still a placeholder");
        assert!(text.contains(&format!("allow {} \"", rule.name)), "{rule:?}: explains `allow`");
        assert!(text.contains("pakt.toml"), "{rule:?}: explains the severity setting");
        for p in rule.params {
            assert!(text.contains(p.name), "{rule:?}: explains parameter {}", p.name);
        }
        let (before_fix, fix) = text.split_once("## How to fix it").expect("fix section");
        let example = before_fix.split_once("## Example that fails").map(|(_, e)| e).unwrap_or_default();
        assert!(!pakt_blocks(example).is_empty(), "{rule:?}: a failing example in a ```pakt block");
        assert!(!pakt_blocks(fix).is_empty(), "{rule:?}: a fixed example in a ```pakt block");
    }
}

/// The predecessor the A018 explanation describes in words.
const EXPLAINED_PREDECESSOR: &str = r#"
agreement vorgaenger { date 2020-01-09 }
body arbeitsgruppe_it "Arbeitsgruppe IT-Land-Kommunen" { }
"#;

/// Codes raised by a text under the default configuration.
fn codes_of_text(text: &str) -> BTreeSet<&'static str> {
    let limits = Limits::default();
    let compiled = compile(text, &limits);
    let mut found: BTreeSet<&'static str> = compiled.diagnostics.iter().map(|d| d.code).collect();
    let predecessor = compile(EXPLAINED_PREDECESSOR, &limits);
    assert!(predecessor.diagnostics.is_empty(), "{:?}", predecessor.diagnostics);
    if let Some(model) = &compiled.model {
        let config = Config::default();
        let ctx = Context {
            model,
            predecessor: model.supersedes.as_ref().and(predecessor.model.as_ref()),
            predecessor_path: model.supersedes.as_ref().map(|s| s.value.clone()),
            config: &config,
        };
        found.extend(pakt::rules::run(&ctx).iter().map(|d| d.code));
    }
    found
}

#[test]
fn explanation_examples_fail_and_their_fixes_pass() {
    for rule in REGISTRY {
        let (before_fix, fix) = rule.explanation.split_once("## How to fix it").expect("fix section");
        let example = before_fix.split_once("## Example that fails").map(|(_, e)| e).unwrap_or_default();
        let failing = pakt_blocks(example)[0];
        let found = codes_of_text(failing);
        assert!(found.contains(rule.code), "{rule:?}: the example does not raise it: {found:?}\n{failing}");
        let fixed = pakt_blocks(fix)[0];
        let found = codes_of_text(fixed);
        assert!(!found.contains(rule.code), "{rule:?}: the fix still raises it\n{fixed}");
        let broken: Vec<&&str> = found.iter().filter(|c| c.starts_with('P') || c.starts_with('R')).collect();
        assert!(broken.is_empty(), "{rule:?}: the fix has syntax or reference errors {broken:?}\n{fixed}");
    }
}

// ------------------------------------------------------------ the binary

fn pakt(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_pakt"))
        .args(args)
        .env("NO_COLOR", "1")
        .env_remove("PAKT_FORMAT")
        .output()
        .expect("the pakt binary runs")
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn explain_prints_the_explanation_by_code_and_by_name() {
    for rule in REGISTRY {
        for key in [rule.code, rule.name] {
            let out = pakt(&["explain", key]);
            assert_eq!(out.status.code(), Some(0), "explain {key}: {}", stderr(&out));
            let text = stdout(&out);
            assert!(text.contains(rule.explanation), "explain {key} prints the explanation:\n{text}");
            assert!(text.contains(&format!("default severity: {}", rule.severity)), "explain {key}:\n{text}");
            for p in rule.params {
                assert!(text.contains(&format!("`{}` (default {})", p.name, p.default)), "explain {key}:\n{text}");
            }
        }
    }
}

#[test]
fn explain_rejects_an_unknown_rule() {
    let out = pakt(&["explain", "nonsense"]);
    assert_eq!(out.status.code(), Some(2), "stdout: {}\nstderr: {}", stdout(&out), stderr(&out));
    assert!(stderr(&out).contains("no rule `nonsense`"), "{}", stderr(&out));
    assert!(stdout(&out).is_empty());
}

// ------------------------------------------------------------ temporary folders

/// A fresh folder under the system's temp dir, with an empty `pakt.toml` so
/// that no configuration further up applies.
fn temp_dir(name: &str) -> PathBuf {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, Ordering::SeqCst);
    let dir = std::env::temp_dir().join(format!("pakt-tests-rules-{name}-{}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create a temp dir");
    write(&dir.join("pakt.toml"), "");
    dir
}

fn write(path: &Path, text: &str) {
    std::fs::write(path, text).unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
}

fn fixture_text(code: &str, kind: &str) -> String {
    let rule = find(code).expect("registered rule");
    let path = fixture(rule, kind);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()))
}

fn json(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("JSON output ({e}):\n{}", stdout(out)))
}

// ------------------------------------------------------------ allow

const REASON: &str = "Der Landkreistag verzichtet auf seinen vierten Sitz.";

#[test]
fn allow_suppresses_a_finding_and_keeps_the_reason() {
    let dir = temp_dir("allow");
    let text = fixture_text("A001", "fail");
    for key in ["parity", "A001"] {
        let allowed = text.replacen("  parity\n", &format!("  parity\n  allow {key} \"{REASON}\"\n"), 1);
        assert_ne!(allowed, text, "the fixture has a `parity` line");
        let file = dir.join(format!("allowed-{key}.pakt"));
        write(&file, &allowed);

        let result = check(&file);
        let found: Vec<(&str, Option<&str>)> =
            result.diagnostics.iter().map(|d| (d.code, d.suppressed.as_deref())).collect();
        assert_eq!(found, [("A001", Some(REASON))], "allow {key}");

        let out = pakt(&["check", "--format", "json", file.to_str().expect("utf-8 path")]);
        assert_eq!(out.status.code(), Some(0), "a suppressed error does not fail: {}", stdout(&out));
        let report = json(&out);
        let diags = report["diagnostics"].as_array().expect("diagnostics array");
        assert_eq!(diags.len(), 1, "{report:#}");
        assert_eq!(diags[0]["code"], "A001");
        assert_eq!(diags[0]["rule"], "parity");
        assert_eq!(diags[0]["suppressed"]["reason"], REASON);
        assert_eq!(report["summary"]["errors"], 0);
        assert_eq!(report["summary"]["suppressed"], 1);

        let human = pakt(&["check", file.to_str().expect("utf-8 path")]);
        assert_eq!(human.status.code(), Some(0));
        assert!(stdout(&human).contains("(1 allowed in the agreements)"), "{}", stdout(&human));
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn allow_of_another_rule_does_not_suppress() {
    let dir = temp_dir("allow-other");
    let text = fixture_text("A001", "fail").replacen("  parity\n", "  parity\n  allow seat-count \"nicht diese\"\n", 1);
    let file = dir.join("other.pakt");
    write(&file, &text);
    let result = check(&file);
    assert!(result.diagnostics.iter().any(|d| d.code == "A001" && d.suppressed.is_none()), "{}", rendered(&result));
    let out = pakt(&["check", file.to_str().expect("utf-8 path")]);
    assert_eq!(out.status.code(), Some(1));
    let _ = std::fs::remove_dir_all(&dir);
}

// ------------------------------------------------------------ pakt.toml

/// A folder with the failing fixture of `code` and the given `pakt.toml`.
fn configured(name: &str, code: &str, toml: &str) -> (PathBuf, PathBuf) {
    let dir = temp_dir(name);
    write(&dir.join("pakt.toml"), toml);
    let file = dir.join("agreement.pakt");
    write(&file, &fixture_text(code, "fail"));
    (dir, file)
}

#[test]
fn pakt_toml_changes_a_rules_severity() {
    let (dir, file) = configured("severity", "A001", "[rules]\nparity = \"warning\"\n");
    let result = check(&file);
    let found: Vec<(&str, Severity)> = result.diagnostics.iter().map(|d| (d.code, d.severity)).collect();
    assert_eq!(found, [("A001", Severity::Warning)]);

    let path = file.to_str().expect("utf-8 path");
    let out = pakt(&["check", path]);
    assert_eq!(out.status.code(), Some(0), "a warning does not fail: {}", stdout(&out));
    assert!(stdout(&out).contains("0 errors, 1 warning"), "{}", stdout(&out));
    let out = pakt(&["check", "--deny-warnings", path]);
    assert_eq!(out.status.code(), Some(1), "--deny-warnings fails on a warning: {}", stdout(&out));
    let report = json(&pakt(&["check", "--format", "json", path]));
    assert_eq!(report["diagnostics"][0]["severity"], "warning");
    let _ = std::fs::remove_dir_all(&dir);

    // The other way round: a warning rule made an error.
    let (dir, file) = configured("severity-up", "A017", "[rules]\nterm = { severity = \"error\" }\n");
    let out = pakt(&["check", file.to_str().expect("utf-8 path")]);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn pakt_toml_turns_a_rule_off_by_name_or_code() {
    for toml in ["[rules]\nparity = \"off\"\n", "[rules]\nA001 = \"off\"\n"] {
        let (dir, file) = configured("off", "A001", toml);
        let result = check(&file);
        assert!(result.diagnostics.is_empty(), "{toml}: {}", rendered(&result));
        let out = pakt(&["check", "--deny-warnings", file.to_str().expect("utf-8 path")]);
        assert_eq!(out.status.code(), Some(0), "{toml}: {}", stdout(&out));
        let _ = std::fs::remove_dir_all(&dir);
    }
}

#[test]
fn pakt_toml_sets_a_rule_parameter() {
    // The A003 passing twin meets at least twice a year: enough by default, not for a minimum of 3.
    let dir = temp_dir("param");
    write(&dir.join("pakt.toml"), "[rules]\nmeeting-rule = { severity = \"warning\", min-per-year = 3 }\n");
    let file = dir.join("agreement.pakt");
    write(&file, &fixture_text("A003", "pass"));
    let result = check(&file);
    let found: Vec<(&str, Severity, &str)> =
        result.diagnostics.iter().map(|d| (d.code, d.severity, d.message.as_str())).collect();
    assert_eq!(found, [("A003", Severity::Warning, "`beirat` meets twice a year, less than the minimum of 3")]);
    let _ = std::fs::remove_dir_all(&dir);
}

/// A `pakt.toml` that must be rejected: exit 2, and a message that renders
/// the TOML file at the offending key.
fn assert_rejected(name: &str, toml: &str, expected: &[&str]) {
    let (dir, file) = configured(name, "A001", toml);
    let err = check_file(&file, &Settings::default()).expect_err("an invalid pakt.toml is a run error");
    let out = pakt(&["check", file.to_str().expect("utf-8 path")]);
    assert_eq!(out.status.code(), Some(2), "{name}: stdout {}\nstderr {}", stdout(&out), stderr(&out));
    let message = stderr(&out);
    for text in [err.0.as_str(), message.as_str()] {
        assert!(text.contains("C001"), "{name}: {text}");
        assert!(text.contains("pakt.toml:"), "{name}: names the file with a position: {text}");
        for e in expected {
            assert!(text.contains(e), "{name}: {e:?} missing in\n{text}");
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn pakt_toml_rejects_unknown_keys_rules_and_values() {
    assert_rejected(
        "unknown-table",
        "[rules]\nparity = \"warning\"\n[limit]\nx = 1\n",
        &["unknown field `limit`", "[limit]"],
    );
    assert_rejected(
        "unknown-rule",
        "[rules]\nparty = \"off\"\n",
        &["unknown rule `party`", "party = \"off\"", "did you mean `parity`"],
    );
    assert_rejected(
        "unknown-param",
        "[rules]\nparity = { severity = \"warning\", min = 2 }\n",
        &["rule `parity` has no parameter `min`", "min = 2", "unknown key"],
    );
    assert_rejected(
        "bad-severity",
        "[rules]\nparity = \"fatal\"\n",
        &["unknown severity `fatal`", "parity = \"fatal\""],
    );
    assert_rejected(
        "bad-param",
        "[rules]\nmeeting-rule = { min-per-year = -1 }\n",
        &["`min-per-year` of rule `meeting-rule` must be a whole number of at least 0", "min-per-year = -1"],
    );
}
