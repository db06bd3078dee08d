//! The command line as everyday tools and careless or hostile checkouts
//! use it: pipes closed early, rule selection, standard input, output
//! files, colour; folder walks that respect .gitignore, stop at symbolic
//! link loops, count each file once and skip FIFOs; unreadable files; the
//! configuration in effect and where it is looked up; no option injection
//! into git; and a git diff driver that never fails.
//!
//! Every case runs the real binary in a fresh temporary folder.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;

use serde_json::Value;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// A file with two warnings (A013 unbound-party, A009 budget-reservation).
const WARNINGS: &str = "tests/fixtures/ci/nur-warnungen.pakt";
/// A file without findings.
const CLEAN: &str = "agreements/thueringen-2018.pakt";
/// A file with a syntax error.
const BROKEN: &str = "agreement kaputt {\n  title \"x\"\n";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

struct Out {
    code: i32,
    out: String,
    err: String,
}

fn pakt_with(dir: &Path, args: &[&str], stdin: Option<&[u8]>) -> Out {
    let mut child = Command::new(env!("CARGO_BIN_EXE_pakt"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("PAKT_FORMAT")
        .stdin(if stdin.is_some() { Stdio::piped() } else { Stdio::null() })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run pakt");
    if let Some(input) = stdin {
        child.stdin.take().expect("stdin").write_all(input).expect("write stdin");
    }
    let o = child.wait_with_output().expect("pakt ends");
    let out = Out {
        code: o.status.code().unwrap_or(-1),
        out: String::from_utf8_lossy(&o.stdout).into_owned(),
        err: String::from_utf8_lossy(&o.stderr).into_owned(),
    };
    assert!(!out.err.contains("panicked"), "{}", out.err);
    out
}

fn pakt_in(dir: &Path, args: &[&str]) -> Out {
    pakt_with(dir, args, None)
}

fn copy(from: &str, to: &Path) {
    std::fs::create_dir_all(to.parent().unwrap()).unwrap();
    std::fs::copy(root().join(from), to).unwrap();
}

fn json(o: &Out) -> Value {
    serde_json::from_str(&o.out).unwrap_or_else(|e| panic!("{e}: {}{}", o.out, o.err))
}

fn codes(v: &Value) -> Vec<String> {
    v["diagnostics"].as_array().unwrap().iter().map(|d| d["code"].as_str().unwrap().to_string()).collect()
}

fn files(v: &Value) -> Vec<String> {
    v["files"].as_array().unwrap().iter().map(|f| f["file"].as_str().unwrap().to_string()).collect()
}

fn git(dir: &Path, args: &[&str]) {
    let ok = Command::new("git")
        .args(["-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false"])
        .args(args)
        .current_dir(dir)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("git");
    assert!(ok.success(), "git {args:?}");
}

// ------------------------------------------------------------ pipes, output

/// Run pakt with stdout piped, read `lines` lines (0: none), close the
/// pipe, and return the exit code and stderr.
fn close_after(args: &[&str], lines: usize) -> (Option<i32>, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_pakt"))
        .args(args)
        .current_dir(root())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run pakt");
    let mut reader = BufReader::new(child.stdout.take().expect("stdout"));
    for _ in 0..lines {
        let mut line = String::new();
        reader.read_line(&mut line).expect("a line");
        assert!(!line.is_empty(), "{args:?}");
    }
    drop(reader);
    let o = child.wait_with_output().expect("pakt ends");
    (o.status.code(), String::from_utf8_lossy(&o.stderr).into_owned())
}

#[test]
fn a_pipe_closed_early_ends_quietly_with_status_0() {
    // Outputs larger than a pipe's buffer (64 KiB): pakt is still writing
    // when the reader goes away after the first line.
    for args in [
        &["dump", "--json", CLEAN][..],
        &["check", "--format", "sarif", "agreements"],
        &["graph", CLEAN, "--format", "json"],
    ] {
        let (code, err) = close_after(args, 1);
        assert_eq!(code, Some(0), "{args:?}: {err}");
        assert!(err.is_empty(), "{args:?}: nothing on stderr, got {err}");
    }
    // `pakt rules | head -1`, and a reader that is gone before pakt writes.
    for lines in [1, 0] {
        let (code, err) = close_after(&["rules"], lines);
        assert_eq!(code, Some(0), "{err}");
        assert!(err.is_empty(), "{err}");
    }
}

#[test]
fn output_file_is_written_whole_and_replaces_the_old_one() {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("report.json");
    std::fs::write(&report, "old").unwrap();
    let o = pakt_in(&root(), &["check", WARNINGS, "--format", "json", "--output-file", report.to_str().unwrap()]);
    assert_eq!(o.code, 0, "{}", o.err);
    assert!(o.out.is_empty(), "nothing on stdout: {}", o.out);
    let v: Value = serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
    assert_eq!(codes(&v), ["A013", "A009"]);
    let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(left.len(), 1, "no temporary file left: {left:?}");
    // A usage error (exit 2) leaves the old report as it was.
    let o = pakt_in(&root(), &["check", "no/such.pakt", "--output-file", report.to_str().unwrap()]);
    assert_eq!(o.code, 2);
    assert!(std::fs::read_to_string(&report).unwrap().contains("A013"));
    // Into a folder that does not exist: exit 2 with the reason.
    let o = pakt_in(&root(), &["rules", "--output-file", dir.path().join("no/x.txt").to_str().unwrap()]);
    assert_eq!(o.code, 2);
    assert!(o.err.contains("cannot write"), "{}", o.err);
}

#[test]
fn colour_is_chosen_by_flag_over_no_color() {
    let o = pakt_in(&root(), &["check", WARNINGS, "--color", "always"]);
    assert!(o.out.contains("\u{1b}["), "colour with --color always, also with NO_COLOR");
    let o = pakt_in(&root(), &["check", WARNINGS, "--color", "never"]);
    assert!(!o.out.contains("\u{1b}["));
    let o = pakt_in(&root(), &["check", WARNINGS]);
    assert!(!o.out.contains("\u{1b}["), "auto: not a terminal");
}

#[test]
fn format_text_and_its_old_name_human() {
    let text = pakt_in(&root(), &["check", WARNINGS, "--format", "text"]);
    let human = pakt_in(&root(), &["check", WARNINGS, "--format", "human"]);
    assert_eq!(text.out, human.out);
    assert!(text.out.contains("warning: A013(unbound-party)"), "the severity in words: {}", text.out);
    let rules = pakt_in(&root(), &["rules", "--format", "json"]);
    let v: Value = serde_json::from_str(&rules.out).unwrap();
    let list = v.as_array().unwrap();
    assert!(list.len() >= 19);
    let meeting = list.iter().find(|r| r["name"] == "meeting-rule").unwrap();
    assert_eq!(meeting["code"], "A003");
    assert_eq!(meeting["parameters"][0]["name"], "min-per-year");
}

#[test]
fn explain_knows_every_code() {
    let (rules, builtin) = (pakt::rules::REGISTRY, pakt::diagnostic::BUILTIN);
    for code in rules.iter().map(|r| r.code).chain(builtin.iter().map(|b| b.0)) {
        let o = pakt_in(&root(), &["explain", code]);
        assert_eq!(o.code, 0, "{code}: {}", o.err);
        assert!(o.out.starts_with(code), "{code}: {}", o.out);
    }
    let o = pakt_in(&root(), &["explain", "C001"]);
    assert!(o.out.contains("pakt.toml") && !o.out.contains("agreement cannot be read"), "{}", o.out);
    let o = pakt_in(&root(), &["explain", "P012"]);
    assert!(o.out.contains("could not be read at all"), "{}", o.out);
}

// ------------------------------------------------------------ selection

#[test]
fn select_ignore_and_warn_override_pakt_toml() {
    let dir = tempfile::tempdir().unwrap();
    copy(WARNINGS, &dir.path().join("a.pakt"));
    let run = |args: &[&str]| {
        let mut all = vec!["check", "a.pakt", "--format", "json"];
        all.extend_from_slice(args);
        let o = pakt_in(dir.path(), &all);
        assert!(o.code == 0 || o.code == 1, "{}", o.err);
        (o.code, json(&o))
    };
    assert_eq!(codes(&run(&[]).1), ["A013", "A009"]);
    assert_eq!(codes(&run(&["--select", "A013"]).1), ["A013"]);
    assert_eq!(codes(&run(&["--select", "budget-reservation"]).1), ["A009"]);
    assert_eq!(codes(&run(&["--select", "A00"]).1), ["A009"], "a code prefix");
    assert_eq!(codes(&run(&["--ignore", "A013,A009"]).1), Vec::<String>::new());
    assert_eq!(codes(&run(&["--select", "ALL", "--ignore", "A01"]).1), ["A009"]);
    // --warn and pakt.toml: the command line wins.
    std::fs::write(dir.path().join("pakt.toml"), "[rules]\nbudget-reservation = \"error\"\nunbound-party = \"off\"\n")
        .unwrap();
    let (code, v) = run(&[]);
    assert_eq!((code, codes(&v)), (1, vec!["A009".to_string()]));
    assert_eq!(v["diagnostics"][0]["severity"], "error");
    let (code, v) = run(&["--warn", "A009"]);
    assert_eq!(code, 0, "A009 is only a warning now");
    assert_eq!(v["diagnostics"][0]["severity"], "warning");
    let (_, v) = run(&["--select", "A013"]);
    assert_eq!(codes(&v), ["A013"], "--select turns on what pakt.toml turned off");
    // Mistakes are usage errors that help.
    let o = pakt_in(dir.path(), &["check", "a.pakt", "--select", "budget-reservaton"]);
    assert_eq!(o.code, 2);
    assert!(o.err.contains("did you mean `budget-reservation`"), "{}", o.err);
    let o = pakt_in(dir.path(), &["check", "a.pakt", "--ignore", "P001"]);
    assert_eq!(o.code, 2);
    assert!(o.err.contains("cannot be selected"), "{}", o.err);
}

#[test]
fn statistics_count_findings_per_rule() {
    let o = pakt_in(&root(), &["check", "tests/fixtures/ci", "--statistics"]);
    assert_eq!(o.code, 1);
    let lines: Vec<&str> = o.out.lines().collect();
    assert_eq!(lines[0], "2  A009  budget-reservation         warning", "{}", o.out);
    assert_eq!(lines[1], "2  A013  unbound-party              warning", "{}", o.out);
    assert_eq!(lines[2], "1  A001  parity                     error", "{}", o.out);
    assert!(lines.last().unwrap().starts_with("4 files checked, 5 errors, 4 warnings"), "{}", o.out);
    let o = pakt_in(&root(), &["check", "tests/fixtures/ci", "--statistics", "--format", "json"]);
    let v: Value = serde_json::from_str(&o.out).unwrap();
    let total: u64 = v.as_array().unwrap().iter().map(|s| s["count"].as_u64().unwrap()).sum();
    assert_eq!(total, 9, "every finding that is not allowed");
    let o = pakt_in(&root(), &["check", "tests/fixtures/ci", "--statistics", "--format", "sarif"]);
    assert_eq!(o.code, 2);
}

// ------------------------------------------------------------ stdin

#[test]
fn standard_input_with_a_name() {
    let text = std::fs::read(root().join(WARNINGS)).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let o = pakt_with(dir.path(), &["check", "-", "--format", "json"], Some(&text));
    assert_eq!(o.code, 0, "{}", o.err);
    assert_eq!(files(&json(&o)), ["-"]);
    // The name is shown, and pakt.toml is looked up from its folder.
    std::fs::create_dir_all(dir.path().join("sub")).unwrap();
    std::fs::write(dir.path().join("sub/pakt.toml"), "[rules]\nunbound-party = \"off\"\n").unwrap();
    let o = pakt_with(dir.path(), &["check", "-", "--stdin-filename", "sub/x.pakt", "--format", "json"], Some(&text));
    let v = json(&o);
    assert_eq!(files(&v), ["sub/x.pakt"]);
    assert_eq!(codes(&v), ["A009"], "sub/pakt.toml applies");
    let o = pakt_with(dir.path(), &["check", "-", "--stdin-filename", "sub/x.pakt"], Some(BROKEN.as_bytes()));
    assert_eq!(o.code, 1);
    assert!(o.out.contains("sub/x.pakt:"), "{}", o.out);
    let o = pakt_in(dir.path(), &["check", "sub", "--stdin-filename", "x.pakt"]);
    assert_eq!(o.code, 2, "--stdin-filename without `-`");
}

// ------------------------------------------------------------ walking

#[test]
fn gitignored_and_hidden_files_are_left_out_unless_asked() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    copy(CLEAN, &d.join("a/ok.pakt"));
    std::fs::write(d.join("a/build/broken.pakt"), BROKEN).unwrap_or_else(|_| {
        std::fs::create_dir_all(d.join("a/build")).unwrap();
        std::fs::write(d.join("a/build/broken.pakt"), BROKEN).unwrap();
    });
    std::fs::create_dir_all(d.join("a/.drafts")).unwrap();
    std::fs::write(d.join("a/.drafts/draft.pakt"), BROKEN).unwrap();
    std::fs::write(d.join(".gitignore"), "build/\n").unwrap();
    git(d, &["init", "-q"]);
    std::fs::write(d.join(".git/stray.pakt"), BROKEN).unwrap();
    let o = pakt_in(d, &["check", "a", "--format", "json"]);
    assert_eq!(o.code, 0, "{}{}", o.out, o.err);
    assert_eq!(files(&json(&o)), ["a/ok.pakt"]);
    let o = pakt_in(d, &["check", "a", "--format", "json", "--no-ignore"]);
    assert_eq!(files(&json(&o)), ["a/build/broken.pakt", "a/ok.pakt"]);
    let o = pakt_in(d, &["check", "a", "--format", "json", "--hidden"]);
    assert_eq!(files(&json(&o)), ["a/.drafts/draft.pakt", "a/ok.pakt"]);
    let o = pakt_in(d, &["check", ".", "--format", "json", "--hidden"]);
    assert_eq!(files(&json(&o)), ["./a/.drafts/draft.pakt", "./a/ok.pakt"], "never inside .git");
    assert_eq!(o.code, 1);
    // A file named on the command line is checked even if ignored.
    let o = pakt_in(d, &["check", "a/build/broken.pakt", "--format", "json"]);
    assert_eq!(files(&json(&o)), ["a/build/broken.pakt"]);
}

#[test]
fn a_folder_without_agreements_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("empty")).unwrap();
    std::fs::write(dir.path().join("empty/readme.txt"), "x").unwrap();
    let o = pakt_in(dir.path(), &["check", "empty"]);
    assert_eq!(o.code, 2);
    assert!(o.err.contains("no agreement (*.pakt) in empty"), "{}", o.err);
}

#[cfg(unix)]
#[test]
fn symbolic_links_loops_and_files_named_twice() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    copy(CLEAN, &d.join("tree/ok.pakt"));
    copy(WARNINGS, &d.join("outside/secret.pakt"));
    symlink(d.join("tree"), d.join("tree/loop")).unwrap();
    symlink(d.join("outside"), d.join("tree/out")).unwrap();
    symlink(d.join("outside/secret.pakt"), d.join("tree/link.pakt")).unwrap();
    // Not followed: only the file inside the tree, and a warning for the link.
    let o = pakt_in(d, &["check", "tree", "--format", "json"]);
    assert_eq!(o.code, 0, "{}", o.err);
    assert_eq!(files(&json(&o)), ["tree/ok.pakt"]);
    assert!(o.err.contains("warning: skipped tree/link.pakt: a symbolic link"), "{}", o.err);
    // Followed: the loop is reported and the walk ends; each file once.
    let o = pakt_in(d, &["check", "tree", "--format", "json", "--follow-links"]);
    assert!(o.err.contains("symbolic link loop"), "{}", o.err);
    let shown = files(&json(&o));
    assert_eq!(shown.len(), 2, "ok.pakt and the secret once (by two links): {shown:?}");
    // The same file named twice, and by another path: checked once.
    let o = pakt_in(d, &["check", "tree/ok.pakt", "./tree/ok.pakt", "tree", "--format", "json"]);
    assert_eq!(files(&json(&o)), ["tree/ok.pakt"]);
    assert_eq!(json(&o)["summary"]["files"], 1);
}

#[cfg(unix)]
#[test]
fn fifos_are_skipped_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    copy(CLEAN, &d.join("tree/ok.pakt"));
    let made = Command::new("mkfifo").arg(d.join("tree/pipe.pakt")).status();
    if !made.is_ok_and(|s| s.success()) {
        common::skip("fifos_are_skipped_with_a_warning", "mkfifo is not installed (coreutils)");
        return;
    }
    let o = pakt_in(d, &["check", "tree", "--format", "json"]);
    assert_eq!(o.code, 0, "{}", o.err);
    assert_eq!(files(&json(&o)), ["tree/ok.pakt"]);
    assert!(o.err.contains("skipped tree/pipe.pakt: not a regular file"), "{}", o.err);
    let o = pakt_in(d, &["check", "tree/pipe.pakt", "tree/ok.pakt"]);
    assert_eq!(o.code, 0, "named on the command line, it is skipped too: {}", o.err);
    assert!(o.err.contains("skipped tree/pipe.pakt: not a regular file"), "{}", o.err);
}

#[test]
fn an_unreadable_file_is_a_finding_and_the_others_are_checked() {
    // A file that vanishes between the walk and the read.
    let settings = pakt::check::Settings::default();
    let (result, _) = pakt::check::check_file_in(Path::new("vanished.pakt"), None, &settings).unwrap();
    assert_eq!(result.diagnostics.len(), 1);
    assert_eq!(result.diagnostics[0].code, "P012");
    assert!(result.diagnostics[0].is_error());
    // A file that cannot be read, also by root: a link to /proc/self/mem,
    // whose first page is never mapped (reading it fails with EIO).
    #[cfg(target_os = "linux")]
    {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        copy(CLEAN, &d.join("tree/b.pakt"));
        std::os::unix::fs::symlink("/proc/self/mem", d.join("tree/a.pakt")).unwrap();
        let o = pakt_in(d, &["check", "tree", "--format", "sarif", "--follow-links"]);
        assert_eq!(o.code, 1, "{}", o.err);
        let v: Value = serde_json::from_str(&o.out).unwrap();
        let results = v["runs"][0]["results"].as_array().unwrap();
        let ids: Vec<&str> =
            results.iter().filter(|r| r.get("suppressions").is_none()).map(|r| r["ruleId"].as_str().unwrap()).collect();
        assert_eq!(ids, ["P012"], "the allowed findings of b.pakt aside");
        let o = pakt_in(d, &["check", "tree", "--format", "json", "--follow-links"]);
        let v = json(&o);
        assert_eq!(files(&v), ["tree/a.pakt", "tree/b.pakt"], "the other file is checked");
        assert_eq!(v["summary"]["errors"], 1);
        let o = pakt_in(d, &["check", "tree/a.pakt", "tree/b.pakt"]);
        assert!(o.out.contains("cannot read tree/a.pakt") && o.out.contains("2 files checked, 1 error"), "{}", o.out);
    }
}

// ------------------------------------------------------------ configuration

#[test]
fn the_configuration_in_effect_is_named_and_looked_up_within_the_repository() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // A pakt.toml above the repository must not count.
    std::fs::write(d.join("pakt.toml"), "[rules]\nunbound-party = \"off\"\n").unwrap();
    copy(WARNINGS, &d.join("repo/agreements/a.pakt"));
    git(&d.join("repo"), &["init", "-q"]);
    let repo = d.join("repo");
    let o = pakt_in(&repo, &["check", "agreements", "--format", "json"]);
    assert_eq!(codes(&json(&o)), ["A013", "A009"], "the pakt.toml outside the repository is not read");
    let o = pakt_in(&repo, &["check", "agreements"]);
    assert!(o.out.ends_with("1 file checked, 0 errors, 2 warnings\n"), "no config, none named: {}", o.out);
    // Outside a repository, the lookup stops at the folder given.
    let plain = d.join("plain");
    copy(WARNINGS, &plain.join("sub/a.pakt"));
    std::fs::write(plain.join("pakt.toml"), "[rules]\nbudget-reservation = \"off\"\n").unwrap();
    let o = pakt_in(&plain, &["check", "sub", "--format", "json"]);
    assert_eq!(codes(&json(&o)), ["A013", "A009"], "plain/pakt.toml is above the folder given");
    let o = pakt_in(&plain, &["check", ".", "--format", "json"]);
    assert_eq!(codes(&json(&o)), ["A013"], "plain/pakt.toml is in the folder given");
    // Inside the repository: named in the summary, with a note on the rules it turns off.
    std::fs::write(repo.join("pakt.toml"), "[rules]\nbudget-reservation = \"off\"\n").unwrap();
    let o = pakt_in(&repo, &["check", "agreements"]);
    assert!(
        o.out.ends_with(
            "note: rules turned off by the configuration or the command line: budget-reservation (A009)\n\
             1 file checked, 0 errors, 1 warning (config: pakt.toml)\n"
        ),
        "{}",
        o.out
    );
    // In SARIF: the file in invocations[0], the rule off as a notification.
    let o = pakt_in(&repo, &["check", "agreements", "--format", "sarif"]);
    let v: Value = serde_json::from_str(&o.out).unwrap();
    let inv = &v["runs"][0]["invocations"][0];
    assert_eq!(inv["executionSuccessful"], true);
    assert_eq!(inv["properties"]["configFiles"], serde_json::json!(["pakt.toml"]));
    assert_eq!(inv["toolConfigurationNotifications"][0]["descriptor"]["id"], "A009");
    // In JSON.
    let o = pakt_in(&repo, &["check", "agreements", "--format", "json"]);
    assert_eq!(json(&o)["config"], serde_json::json!({"files": ["pakt.toml"], "rules_off": ["budget-reservation"]}));
    // --no-config and --config.
    let o = pakt_in(&repo, &["check", "agreements", "--format", "json", "--no-config"]);
    assert_eq!(codes(&json(&o)), ["A013", "A009"]);
    assert!(json(&o).get("config").is_none());
    std::fs::write(d.join("other.toml"), "[rules]\nunbound-party = \"off\"\n").unwrap();
    let o = pakt_in(&repo, &["check", "agreements", "--config", "../other.toml"]);
    assert!(o.out.contains("unbound-party (A013)") && o.out.contains("(config: "), "{}", o.out);
    let o = pakt_in(&repo, &["check", "agreements", "--config", "../other.toml", "--no-config"]);
    assert_eq!(o.code, 2, "the two contradict each other");
}

// ------------------------------------------------------------ git

#[test]
fn revisions_that_look_like_options_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    copy(CLEAN, &d.join("a.pakt"));
    git(d, &["init", "-q"]);
    git(d, &["add", "."]);
    git(d, &["commit", "-q", "-m", "one"]);
    for arg in ["--output=/tmp/pakt-injected:a.pakt", "-p:a.pakt", "--no-index:a.pakt"] {
        let o = pakt_in(d, &["diff", "--", arg, "a.pakt"]);
        assert_eq!(o.code, 2, "{arg}");
        assert!(o.err.contains("starts with `-`"), "{arg}: {}", o.err);
    }
    assert!(!Path::new("/tmp/pakt-injected").exists());
    let o = pakt_in(d, &["diff", "HEAD:a.pakt", "a.pakt"]);
    assert_eq!(o.code, 0, "{}", o.err);
}

#[test]
fn the_git_diff_driver_never_fails() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let text = std::fs::read_to_string(root().join(CLEAN)).unwrap();
    std::fs::write(d.join("keep.pakt"), &text).unwrap();
    copy(WARNINGS, &d.join("gone.pakt"));
    std::fs::write(d.join("moves.pakt"), &text).unwrap();
    std::fs::write(d.join("breaks.pakt"), &text).unwrap();
    std::fs::write(d.join(".gitattributes"), "*.pakt diff=pakt\n").unwrap();
    git(d, &["init", "-q"]);
    git(d, &["add", "."]);
    git(d, &["commit", "-q", "-m", "one"]);
    std::fs::remove_file(d.join("gone.pakt")).unwrap();
    std::fs::remove_file(d.join("moves.pakt")).unwrap();
    std::fs::write(d.join("moved.pakt"), text.replace("up_to EUR 80 million", "up_to EUR 70 million")).unwrap();
    std::fs::write(d.join("breaks.pakt"), text.replacen('}', "", 1)).unwrap();
    std::fs::write(d.join("new file -p.pakt"), text.replace("thueringen_2018", "neu")).unwrap();
    std::fs::write(d.join("-p.pakt"), text.replace("thueringen_2018", "strich")).unwrap();
    std::fs::write(d.join("keep.pakt"), text.replace("up_to EUR 80 million", "up_to EUR 90 million")).unwrap();
    git(d, &["add", "-A"]);
    git(d, &["commit", "-q", "-m", "two"]);
    let driver = format!("diff.pakt.command={} diff", env!("CARGO_BIN_EXE_pakt"));
    for args in [&["diff", "HEAD~1", "HEAD"][..], &["log", "-p", "--ext-diff", "-1"]] {
        let o =
            Command::new("git").args(["-c", &driver]).args(args).current_dir(d).env("NO_COLOR", "1").output().unwrap();
        let out = String::from_utf8_lossy(&o.stdout);
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(o.status.success(), "git {args:?}: {err}");
        assert!(!err.contains("external diff died"), "{err}");
        assert!(out.contains("financing.amount.raised"), "{out}");
        assert!(out.contains("note: the agreement is deleted"), "{out}");
        assert!(out.contains("note: a new agreement (no earlier version)"), "{out}");
        assert!(out.contains("note: the new version does not compile (P001"), "{out}");
        assert!(out.contains("note: no comparison in substance; the lines that changed:"), "{out}");
        assert!(out.contains("pakt diff moves.pakt → moved.pakt"), "a rename (9 arguments): {out}");
        assert!(out.contains("financing.amount.lowered"), "{out}");
        assert!(out.contains("pakt diff -p.pakt\nnote: a new agreement"), "a path that starts with `-`: {out}");
    }
    // Called directly with a version that cannot be read: still exit 0.
    let bin = env!("CARGO_BIN_EXE_pakt");
    let o = Command::new(bin)
        .args(["diff", "x.pakt", "/no/such", "0", "100644", "/dev/null", "0", "100644"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&o.stdout).contains("note: the agreement is deleted"));
}
