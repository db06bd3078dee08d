//! Hostile input, one case per guarantee of docs/robustness.md ("What pakt
//! guarantees"): `supersedes` reads only agreements in the repository,
//! cost grows near-linearly, arithmetic never overflows silently, every
//! output escapes what it copies, line and column agree in every format,
//! and a failing worker never drops a result.
//!
//! Inputs are small and made here. Growth is shown by counting work
//! (`pakt::work`) at two sizes, never by timing: work(2n) ≤ 2.5 × work(n).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;

use pakt::check::{self, FileResult, Settings};
use pakt::output::{self, Format, Options};
use pakt::work::measure;
use serde_json::Value;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

/// A fresh, empty folder for one test, outside any repository.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("pakt-hostile-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn pakt(args: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_pakt")).args(args).env("NO_COLOR", "1").output().expect("run pakt");
    let run = Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    };
    assert!(!run.stderr.contains("panicked"), "pakt {args:?} panicked:\n{}", run.stderr);
    run
}

/// A complete agreement without findings, with `header` lines added to
/// its header and `rest` after its parties.
fn agreement(header: &str, rest: &str) -> String {
    format!(
        "agreement musterland_2030 {{\n  title \"Rahmenvereinbarung Musterland\"\n  date  2030-03-01\n{header}}}\n\n\
         party land \"Freistaat Musterland\" {{ side state }}\n\
         party gt   \"Gemeindetag Musterland e.V.\" {{ side municipal }}\n\n\
         {rest}\n\
         obligation information {{\n  bearer all\n  shall \"sich gegenseitig informieren\"\n}}\n\n\
         term {{\n  from 2030-03-01\n  until_revoked\n  in_writing\n}}\n\n\
         signature sig_land {{ party land signatory \"Erika Mustermann\" date 2030-03-01 }}\n\
         signature sig_gt   {{ party gt   signatory \"Max Mustermann\" date 2030-03-01 }}\n"
    )
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write");
    path
}

fn check_text(dir: &Path, name: &str, text: &str) -> FileResult {
    let path = write(dir, name, text);
    check::check_file(&path, &Settings::default()).expect("checked")
}

fn json_diagnostics(stdout: &str) -> Vec<Value> {
    let v: Value = serde_json::from_str(stdout).expect("json output");
    v["diagnostics"].as_array().cloned().unwrap_or_default()
}

/// work(2n) may be at most this many times work(n).
const GROWTH: f64 = 2.5;

fn assert_near_linear(what: &str, small: u64, large: u64) {
    assert!(small > 0, "{what}: no work counted at all");
    assert!(
        (large as f64) <= GROWTH * small as f64,
        "{what}: work grew from {small} to {large} when the input doubled (more than {GROWTH}×)"
    );
}

// ------------------------------------------------------------ 1 supersedes

/// Check `file` as JSON; return the R007 diagnostic.
fn r007(file: &Path) -> (Run, Value) {
    let run = pakt(&["check", "--format", "json", file.to_str().unwrap()]);
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    let d = json_diagnostics(&run.stdout).into_iter().find(|d| d["code"] == "R007").expect("an R007 finding");
    (run, d)
}

fn superseding(dir: &Path, target: &str) -> PathBuf {
    write(dir, "new.pakt", &agreement(&format!("  supersedes \"{target}\"\n"), ""))
}

#[test]
fn supersedes_refuses_devices_fifos_folders_and_other_files() {
    let dir = scratch("supersedes-kinds");
    std::fs::create_dir(dir.join("folder.pakt")).unwrap();
    let fifo = dir.join("pipe.pakt");
    let made_fifo = Command::new("mkfifo").arg(&fifo).status().is_ok_and(|s| s.success());
    let mut cases = vec![
        ("/dev/zero", "only agreements"),
        ("/dev/null", "only agreements"),
        ("notes.txt", "only agreements"),
        ("folder.pakt", "a folder"),
        ("missing.pakt", "No such file"),
    ];
    if made_fifo {
        cases.push(("pipe.pakt", "a FIFO"));
    } else {
        eprintln!("SKIPPED: the FIFO case (mkfifo failed)");
    }
    std::fs::write(dir.join("notes.txt"), "not an agreement").unwrap();
    for (target, why) in cases {
        let file = superseding(&dir, target);
        let text = std::fs::read_to_string(&file).unwrap();
        let (_, d) = r007(&file);
        let message = d["message"].as_str().unwrap();
        assert!(message.contains(why), "{target}: {message}");
        // The span is the `supersedes` string, quotes included.
        let (start, end) = (d["start_byte"].as_u64().unwrap() as usize, d["end_byte"].as_u64().unwrap() as usize);
        assert_eq!(&text[start..end], format!("\"{target}\""), "{target}");
        assert!(d["help"].as_str().is_some_and(|h| h.contains("inside this repository")), "{target}: {d}");
    }
}

#[cfg(unix)]
#[test]
fn supersedes_stays_inside_the_repository() {
    let outside = scratch("supersedes-outside");
    let secret = write(&outside, "old.pakt", &agreement("", ""));
    // Without a repository: only the file's own folder.
    let dir = scratch("supersedes-no-repo");
    std::os::unix::fs::symlink(&secret, dir.join("link.pakt")).unwrap();
    for target in ["link.pakt", &format!("../{}/old.pakt", outside.file_name().unwrap().to_str().unwrap())] {
        let (_, d) = r007(&superseding(&dir, target));
        assert!(d["message"].as_str().unwrap().contains("outside"), "{target}: {d}");
    }
    // In a repository: anywhere inside it, not beyond.
    let repo = scratch("supersedes-repo");
    std::fs::create_dir_all(repo.join(".git")).unwrap();
    std::fs::create_dir_all(repo.join("a/b")).unwrap();
    write(&repo, "a/old.pakt", &agreement("", ""));
    let file = write(&repo.join("a/b"), "new.pakt", &agreement("  supersedes \"../old.pakt\"\n", ""));
    let run = pakt(&["check", "--format", "json", file.to_str().unwrap()]);
    assert!(json_diagnostics(&run.stdout).iter().all(|d| d["code"] != "R007"), "{}", run.stdout);
    std::os::unix::fs::symlink(&secret, repo.join("a/link.pakt")).unwrap();
    let file = write(&repo.join("a/b"), "new.pakt", &agreement("  supersedes \"../link.pakt\"\n", ""));
    let (_, d) = r007(&file);
    assert!(d["message"].as_str().unwrap().contains("outside"), "{d}");
}

#[test]
fn a_predecessor_that_is_not_an_agreement_is_never_quoted() {
    let dir = scratch("supersedes-quote");
    write(&dir, "old.pakt", "root:x:0:0:TOPSECRET:/root:/bin/bash\n");
    let file = superseding(&dir, "old.pakt");
    let (json, d) = r007(&file);
    assert!(d["message"].as_str().unwrap().contains("has errors"), "{d}");
    assert!(!json.stdout.contains("TOPSECRET"), "{}", json.stdout);
    let human = pakt(&["check", file.to_str().unwrap()]);
    assert_eq!(human.code, 1);
    assert!(human.stdout.contains("R007") && !human.stdout.contains("TOPSECRET"), "{}", human.stdout);
}

// ------------------------------------------------------------ 6 near-linear cost

#[test]
fn diff_of_many_renamed_elements_is_near_linear() {
    let dir = scratch("diff-renamed");
    let work = |n: usize| {
        let goals = |prefix: &str| {
            (0..n).fold(String::new(), |mut s, i| {
                let _ = writeln!(s, "goal {prefix}_{i} \"Ziel {i}\"");
                s
            })
        };
        let old = check_text(&dir, "old.pakt", &agreement("", &goals("alt")));
        let new = check_text(&dir, "new.pakt", &agreement("", &goals("neu")));
        let (report, work) = measure(|| {
            let r = pakt::diff::diff(
                old.model.as_ref().unwrap(),
                &old.text,
                "old.pakt",
                new.model.as_ref().unwrap(),
                &new.text,
                "new.pakt",
            );
            let _ = pakt::diff::text(&r, false);
            r
        });
        // Each goal comes back under a new id: renamed (matched by its
        // text), or, beyond the bounded matching, removed and added.
        assert!(report.changes.len() == n || report.changes.len() == 2 * n, "{}", report.changes.len());
        work
    };
    assert_near_linear("diff of renamed goals", work(200), work(400));
}

#[test]
fn diff_of_many_replacements_and_grouped_rules_is_near_linear() {
    let dir = scratch("diff-grouped");
    // n offices of one name replaced by n institutions that each take over
    // "die Aufgaben der Geschäftsstelle" (all ambiguous), and n bodies whose
    // rule becomes consent, each with a consent step and two obligations.
    let work = |n: usize| {
        let version = |new: bool| {
            let mut s = String::new();
            for i in 0..n {
                if new {
                    let _ = writeln!(
                        s,
                        "institution a{i} \"Anstalt {i}\" {{ owner land 100 % takes_over \"die Aufgaben der Geschäftsstelle\" }}"
                    );
                } else {
                    let _ = writeln!(s, "office g{i} \"Geschäftsstelle {i}\" {{ of land }}");
                }
                let rule = if new { "consent" } else { "majority" };
                let _ = writeln!(s, "body k{i} \"Konferenz {i}\" {{ seat l {{ party land }} meets at_least 2 per year decides by {rule} }}");
                let consent = if new { "consent_of gt" } else { "" };
                let _ =
                    writeln!(s, "procedure p{i} \"Freigabe {i}\" {{ step s \"Beschluss\" {{ by k{i} {consent} }} }}");
                if new {
                    for j in 0..2 {
                        let _ = writeln!(
                            s,
                            "obligation o{i}_{j} {{ bearer k{i} must \"im Einvernehmen freigeben\" beneficiary gt }}"
                        );
                    }
                }
            }
            s
        };
        let old = check_text(&dir, "old.pakt", &agreement("", &version(false)));
        let new = check_text(&dir, "new.pakt", &agreement("", &version(true)));
        let (report, work) = measure(|| {
            let r = pakt::diff::diff(
                old.model.as_ref().unwrap(),
                &old.text,
                "old.pakt",
                new.model.as_ref().unwrap(),
                &new.text,
                "new.pakt",
            );
            let _ = pakt::diff::text(&r, false);
            r
        });
        // Every rule is one line, with its step and obligations under it.
        let rules: Vec<_> = report.changes.iter().filter(|c| c.rule == "body.decides.stronger").collect();
        assert_eq!(rules.len(), n);
        assert!(report.changes.iter().all(|c| c.rule != "step.consent.added" && c.rule != "obligation.added"));
        assert!(report.changes.iter().all(|c| c.rule != "institution.replaces"), "ambiguous: never linked");
        work
    };
    assert_near_linear("diff with replacements and grouping", work(100), work(200));
}

#[test]
fn word_diff_of_a_long_rewrite_is_near_linear() {
    let work = |n: usize| {
        let text = |w: &str| (0..n).map(|i| format!("{w}{i} ")).collect::<String>();
        let (segments, work) = measure(|| pakt::diff::words::diff(&text("alt"), &text("neu")));
        // Beyond the limit: one deletion and one insertion, still exact.
        let old: String =
            segments.iter().filter(|s| s.op != pakt::diff::words::Op::Insert).map(|s| s.text.as_str()).collect();
        assert_eq!(old, text("alt"));
        work
    };
    assert_near_linear("word diff", work(5_000), work(10_000));
}

#[test]
fn did_you_mean_with_long_or_many_names_is_near_linear() {
    let long = |n: usize| {
        let name = "a".repeat(n);
        let text = agreement(
            "",
            &format!("party {name}b \"P\" {{ side state }}\nbody k \"K\" {{ seat s {{ party {name}c }} }}\n"),
        );
        measure(|| check::compile(&text, &check::Limits::default())).1
    };
    assert_near_linear("did you mean, long names", long(2_000), long(4_000));
    let many = |n: usize| {
        let mut rest = String::new();
        for i in 0..n {
            let _ = writeln!(rest, "party p{i:05}x \"P\" {{ side state }}");
        }
        rest.push_str("body k \"K\" {\n");
        for i in 0..n {
            let _ = writeln!(rest, "  seat s{i} {{ party p{i:05}y }}");
        }
        rest.push_str("}\n");
        let text = agreement("", &rest);
        measure(|| check::compile(&text, &check::Limits::default())).1
    };
    assert_near_linear("did you mean, many names", many(1_000), many(2_000));
}

#[test]
fn a010_and_its_report_are_near_linear() {
    let dir = scratch("a010");
    let work = |n: usize| {
        let mut rest = String::new();
        for i in 0..n {
            let _ = writeln!(rest, "body b{i} \"Gremium {i}\" {{ reports_to b{} }}", (i + 1) % n);
        }
        let path = write(&dir, "cycle.pakt", &agreement("", &rest));
        let ((result, human), work) = measure(|| {
            let r = check::check_file(&path, &Settings::default()).unwrap();
            let human = output::format(Format::Human, std::slice::from_ref(&r), &Options::default());
            (r, human)
        });
        let cycles: Vec<_> = result.diagnostics.iter().filter(|d| d.code == "A010").collect();
        assert_eq!(cycles.len(), 1);
        assert_eq!(cycles[0].secondary.len(), n - 1);
        // Eight labels are drawn, every further one is listed by place.
        assert!(human.contains(&format!("{} more places", n - 8)), "{human}");
        assert_eq!(human.matches("cycle.pakt:").count(), 1 + (n - 8), "{human}");
        work
    };
    assert_near_linear("A010", work(300), work(600));
}

#[test]
fn human_output_of_many_findings_on_one_long_line_is_near_linear() {
    let dir = scratch("one-line");
    let work = |n: usize| {
        let refs: Vec<String> = (0..n).map(|i| format!("u{i}")).collect();
        let text = agreement("", &format!("obligation o {{ bearer {} shall \"x\" }}\n", refs.join(", ")));
        let r = check_text(&dir, "line.pakt", &text);
        assert_eq!(r.diagnostics.iter().filter(|d| d.code == "R001").count(), n);
        let (_, work) = measure(|| {
            for format in [Format::Human, Format::Json, Format::Sarif, Format::Gnu] {
                let _ = output::format(format, std::slice::from_ref(&r), &Options::default());
            }
        });
        work
    };
    assert_near_linear("findings on one long line", work(1_000), work(2_000));
}

#[test]
fn a_snippet_never_shows_a_line_too_long_to_show() {
    let dir = scratch("long-neighbour");
    // The undefined `lnd` is on the line before a 50,000-character title.
    let long = "W".repeat(50_000);
    let text = agreement("", &format!("body k \"K\" {{ seat s {{ party lnd }} }}\nbody l \"{long}\" {{ }}\n"));
    let r = check_text(&dir, "long.pakt", &text);
    let human = output::format(Format::Human, std::slice::from_ref(&r), &Options::default());
    assert!(human.contains("party lnd"), "{human}");
    assert!(!human.contains(&"W".repeat(5_000)), "the long line is shown: {} bytes of output", human.len());
}

#[test]
fn human_output_with_labels_far_apart_is_near_linear() {
    let dir = scratch("far-apart");
    let work = |n: usize| {
        let mut rest = String::new();
        for i in 0..n {
            let _ = writeln!(rest, "party d{i} \"D\" {{ side state }}");
        }
        for i in 0..n {
            let _ = writeln!(rest, "goal g{i} \"Ziel {i}\"");
        }
        for i in 0..n {
            let _ = writeln!(rest, "party d{i} \"D\" {{ side state }}");
        }
        let r = check_text(&dir, "far.pakt", &agreement("", &rest));
        assert_eq!(r.diagnostics.iter().filter(|d| d.code == "R002").count(), n);
        measure(|| output::format(Format::Human, std::slice::from_ref(&r), &Options::default())).1
    };
    assert_near_linear("labels far apart", work(300), work(600));
}

#[test]
fn svg_wrapping_of_long_words_and_a_huge_radius_are_near_linear() {
    let work = |n: usize| {
        let text = agreement("", &format!("party x \"{}\" {{ side state }}\n", "W".repeat(n)));
        let model = check::compile(&text, &check::Limits::default()).model.unwrap();
        let g = pakt::graph::build(&model, None);
        let (svg, work) = measure(|| pakt::graph::svg(&g));
        roxmltree::Document::parse(&svg).expect("well-formed SVG");
        work
    };
    assert_near_linear("SVG label wrapping", work(20_000), work(40_000));

    let text = agreement("", "body k \"K\" { seat s { party land } }\n");
    let model = check::compile(&text, &check::Limits::default()).model.unwrap();
    let g = pakt::graph::build(&model, None);
    let id = g.ids().find(|i| i.ends_with(":land")).unwrap().to_string();
    let (all, work) = measure(|| g.focus(&id, usize::MAX).unwrap());
    let (_, work_small) = measure(|| g.focus(&id, 1_000).unwrap());
    assert_eq!(work, work_small, "--radius goes on after the last node");
    assert!(work <= g.nodes().count() as u64);
    assert!(all.nodes().count() > 1);
}

// ------------------------------------------------------------ 7 overflow

#[test]
fn tranches_that_overflow_are_a_finding() {
    let dir = scratch("overflow");
    let fin = "financing f \"F\" {\n  payer land\n  up_to EUR 80 million\n  \
               tranche 2030 up_to EUR 50_000_000_000_000_000\n  tranche 2031 up_to EUR 50_000_000_000_000_000\n}\n";
    let file = write(&dir, "big.pakt", &agreement("", fin));
    let run = pakt(&["check", "--format", "json", file.to_str().unwrap()]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    let d = json_diagnostics(&run.stdout).into_iter().find(|d| d["code"] == "A008").expect("A008");
    assert!(d["message"].as_str().unwrap().contains("the most pakt counts exactly"), "{d}");
    assert_eq!(d["labels"].as_array().unwrap().len(), 2);
}

// ------------------------------------------------------------ 8 escaping

const HOSTILE: &str = "Beirat\u{1b}[31m\u{7}\u{202e}rot";

#[test]
fn text_outputs_show_control_characters_visibly() {
    let dir = scratch("escape-text");
    let text = agreement("", &format!("body k \"{HOSTILE}\" {{ seat s {{ party lnd }} }}\n"));
    let file = write(&dir, "esc.pakt", &text);
    for format in ["human", "gnu", "github"] {
        let run = pakt(&["check", "--format", format, file.to_str().unwrap()]);
        assert_eq!(run.code, 1);
        assert!(!run.stdout.contains('\u{1b}') && !run.stdout.contains('\u{7}'), "{format}: {:?}", run.stdout);
        assert!(!run.stdout.contains('\u{202e}'), "{format}");
    }
    let human = pakt(&["check", file.to_str().unwrap()]);
    assert!(human.stdout.contains("\\u{1b}[31m\\u{7}\\u{202e}rot"), "{}", human.stdout);
    // The snippet still points at the right place: the header column is the character column.
    let json = pakt(&["check", "--format", "json", file.to_str().unwrap()]);
    let d = &json_diagnostics(&json.stdout)[0];
    assert!(human.stdout.contains(&format!("esc.pakt:{}:{}]", d["line"], d["column"])), "{}", human.stdout);

    let clean =
        write(&dir, "clean.pakt", &agreement("", &format!("body k \"{HOSTILE}\" {{ seat s {{ party land }} }}\n")));
    let who = pakt(&["who", "--body", "k", clean.to_str().unwrap()]);
    assert_eq!(who.code, 0, "{}", who.stderr);
    assert!(!who.stdout.contains('\u{1b}') && who.stdout.contains("\\u{1b}"), "{}", who.stdout);
}

#[test]
fn diff_text_cannot_start_a_workflow_command_and_markdown_has_no_raw_html() {
    let dir = scratch("escape-diff");
    let old = write(&dir, "old.pakt", &agreement("", "goal g \"Ziel\" { wording \"alt\" }\n"));
    let wording = "neu\n::add-mask::geheim\n  ::stop-commands::x\n<script>alert(1)</script> | cell\u{1b}[2J";
    let new = write(&dir, "new.pakt", &agreement("", &format!("goal g \"Ziel\" {{ wording \"{wording}\" }}\n")));
    let text = pakt(&["diff", old.to_str().unwrap(), new.to_str().unwrap()]);
    assert!(text.stdout.contains("add-mask"), "{}", text.stdout);
    for line in text.stdout.lines() {
        assert!(!line.trim_start().starts_with("::"), "a workflow command: {line:?}");
    }
    assert!(!text.stdout.contains('\u{1b}'));
    let md = pakt(&["diff", "--format", "markdown", old.to_str().unwrap(), new.to_str().unwrap()]);
    assert!(md.stdout.contains("&lt;script&gt;") && !md.stdout.contains("<script>"), "{}", md.stdout);
    let row = md.stdout.lines().find(|l| l.contains("wording")).expect("the wording row");
    assert!(row.contains("add-mask") && row.contains("\\| cell"), "the row is cut: {row}");
    assert_eq!(row.matches(" | ").count(), 4, "five cells, one row: {row}");

    // The real renderer: Python-Markdown (Debian's python3-markdown) turns
    // the report into HTML; the hostile wording must stay text in one cell.
    let test = "diff_text_cannot_start_a_workflow_command_and_markdown_has_no_raw_html";
    let Some(python) = common::python_with(test, "markdown", "python3-markdown") else { return };
    let script = r#"
import sys, json, markdown
from html.parser import HTMLParser
html = markdown.markdown(sys.stdin.read(), extensions=["tables"])
class Cells(HTMLParser):
    def __init__(self):
        super().__init__(); self.rows = []; self.cell = None; self.tags = []
    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag == "tr": self.rows.append([])
        if tag in ("td", "th"): self.cell = ""
    def handle_endtag(self, tag):
        if tag in ("td", "th") and self.rows: self.rows[-1].append(self.cell); self.cell = None
    def handle_data(self, data):
        if self.cell is not None: self.cell += data
p = Cells(); p.feed(html)
print(json.dumps({"tags": sorted(set(p.tags)), "rows": p.rows}))
"#;
    let mut child = std::process::Command::new(&python)
        .args(["-c", script])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::io::Write::write_all(&mut child.stdin.take().unwrap(), md.stdout.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let tags: Vec<&str> = v["tags"].as_array().unwrap().iter().map(|t| t.as_str().unwrap()).collect();
    assert!(!tags.contains(&"script"), "a script element: {tags:?}");
    let rows = v["rows"].as_array().unwrap();
    let row = rows
        .iter()
        .find(|r| r.as_array().unwrap().iter().any(|c| c.as_str().unwrap().contains("add-mask")))
        .expect("the wording row, rendered");
    let cells: Vec<&str> = row.as_array().unwrap().iter().map(|c| c.as_str().unwrap()).collect();
    assert_eq!(cells.len(), 5, "{cells:?}");
    assert!(cells.iter().any(|c| c.contains("<script>alert(1)</script> | cell")), "shown as text: {cells:?}");
}

#[test]
fn graph_outputs_stay_well_formed() {
    let dir = scratch("escape-graph");
    let long = "L".repeat(20_000);
    let mut rest = format!("body x \"{HOSTILE}\u{0}\u{1}\u{fffe}\" {{ }}\nbody y \"{long}\" {{ }}\n");
    rest.push_str("body k \"K\" {\n");
    for i in 0..300 {
        let _ = writeln!(rest, "  seat s{i} {{ party land }}");
    }
    rest.push_str("}\n");
    // A NUL byte is refused in a file; the graph functions get it directly.
    let text = agreement("", &rest.replace('\u{0}', "\u{2}"));
    let file = write(&dir, "g.pakt", &text);
    let model = check::compile(&text, &check::Limits::default()).model.unwrap();
    let g = pakt::graph::build(&model, None);
    let svg = pakt::graph::svg(&g);
    roxmltree::Document::parse(&svg).expect("well-formed SVG");
    assert!(svg.contains("\\u{1b}"));
    let dot = pakt::graph::dot(&g);
    assert!(!dot.contains('\u{1b}'));
    for line in dot.lines().filter(|l| l.contains("label=")) {
        let label = line.split("label=\"").nth(1).unwrap().split("\", shape").next().unwrap();
        assert!(label.chars().count() <= pakt::graph::DOT_MAX_LABEL + 10, "label of {} characters", label.len());
        assert!(line.len() < 16_384 * 2, "a DOT line of {} bytes", line.len());
    }
    assert!(dot.contains(&format!("tooltip=\"{}", "L".repeat(100))), "the full text goes into the tooltip");
    graphviz_accepts(&dot);
    // A 20,000-character name: the node and its edges keep one (shortened) name.
    let text = agreement("", &format!("body {} \"K\" {{ seat s {{ party land }} }}\n", "k".repeat(20_000)));
    let model = check::compile(&text, &check::Limits::default()).model.unwrap();
    graphviz_accepts(&pakt::graph::dot(&pakt::graph::build(&model, None)));
    let mermaid = pakt(&["graph", "--format", "mermaid", file.to_str().unwrap()]);
    assert_eq!(mermaid.code, 0, "{}", mermaid.stderr);
    assert!(
        mermaid.stdout.lines().nth(1).is_some_and(|l| l.starts_with("%%") && l.contains("--focus")),
        "{}",
        &mermaid.stdout[..200]
    );
    assert!(mermaid.stderr.contains("--focus"), "{}", mermaid.stderr);
}

/// Graphviz itself reads the DOT text (it rejects quoted strings of 16 KB
/// and more). Skipped with a message when `dot` is missing, unless
/// PAKT_REQUIRE_TOOLS is set.
fn graphviz_accepts(dot: &str) {
    use std::io::Write as _;
    let Ok(mut child) = Command::new("dot")
        .arg("-Tsvg")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
    else {
        assert!(std::env::var_os("PAKT_REQUIRE_TOOLS").is_none(), "dot is required (PAKT_REQUIRE_TOOLS is set)");
        eprintln!("SKIPPED: graphviz (dot) is not installed");
        return;
    };
    child.stdin.take().unwrap().write_all(dot.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "dot failed: {}", String::from_utf8_lossy(&out.stderr));
    let svg = String::from_utf8_lossy(&out.stdout);
    let options = roxmltree::ParsingOptions { allow_dtd: true, ..Default::default() };
    roxmltree::Document::parse_with_options(&svg, options).expect("Graphviz SVG is XML");
}

// ------------------------------------------------------------ 9 line and column

#[test]
fn line_and_column_agree_in_every_format_with_cr_crlf_and_lf() {
    let dir = scratch("line-endings");
    // Line 1 ends in LF, 2 in CRLF, 3 in a lone CR; the error is on line 4, column 20.
    let text = agreement("", "goal a \"A\"\ngoal b \"B\"\r\ngoal c \"C\"\rbody k \"Kä\" { seat s { party lnd } }\n");
    let file = write(&dir, "cr.pakt", &text);
    let path = file.to_str().unwrap();
    let json = pakt(&["check", "--format", "json", path]);
    let d = json_diagnostics(&json.stdout).into_iter().find(|d| d["code"] == "R001").expect("R001");
    let (line, column) = (d["line"].as_u64().unwrap(), d["column"].as_u64().unwrap());
    let at = text.find("lnd").unwrap();
    let line_start = text[..at].rfind(['\n', '\r']).unwrap() + 1;
    let expected_line = text[..at].replace("\r\n", "\n").matches(['\n', '\r']).count() + 1;
    let expected_column = text[line_start..at].chars().count() + 1;
    assert_eq!((line as usize, column as usize), (expected_line, expected_column), "{d}");
    let sarif: Value = serde_json::from_str(&pakt(&["check", "--format", "sarif", path]).stdout).unwrap();
    let result =
        sarif["runs"][0]["results"].as_array().unwrap().iter().find(|r| r["ruleId"] == "R001").unwrap().clone();
    let region = &result["locations"][0]["physicalLocation"]["region"];
    assert_eq!((region["startLine"].as_u64(), region["startColumn"].as_u64()), (Some(line), Some(column)));
    let gitlab: Value = serde_json::from_str(&pakt(&["check", "--format", "gitlab", path]).stdout).unwrap();
    assert_eq!(gitlab[0]["location"]["lines"]["begin"].as_u64(), Some(line));
    let github = pakt(&["check", "--format", "github", path]).stdout;
    assert!(github.contains(&format!(",line={line},col={column},")), "{github}");
    let gnu = pakt(&["check", "--format", "gnu", path]).stdout;
    assert!(gnu.contains(&format!("cr.pakt:{line}:{column}: error")), "{gnu}");
    let human = pakt(&["check", path]).stdout;
    assert!(human.contains(&format!("cr.pakt:{line}:{column}]")), "{human}");
    assert!(human.contains(&format!(" {line} │ body k")), "the snippet shows the line by its number: {human}");
}

// ------------------------------------------------------------ 10 workers

#[test]
fn a_panicking_check_is_an_error_for_its_file_and_no_result_is_dropped() {
    let files: Vec<PathBuf> = (0..7).map(|i| PathBuf::from(format!("f{i}.pakt"))).collect();
    let results = check::check_files_with(&files, &Settings::default(), |path, _| {
        if path == Path::new("f3.pakt") {
            panic!("injected failure");
        }
        Ok(FileResult { path: path.to_path_buf(), text: String::new(), model: None, diagnostics: Vec::new() })
    });
    assert_eq!(results.len(), files.len());
    for (i, r) in results.iter().enumerate() {
        match r {
            Ok(f) => assert_eq!(f.path, files[i]),
            Err(e) => {
                assert_eq!(i, 3);
                assert!(e.0.contains("f3.pakt") && e.0.contains("injected failure"), "{e}");
            }
        }
    }
    assert!(results[3].is_err());
}
