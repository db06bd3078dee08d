//! `pakt diff` on the Sachsen-Anhalt agreements of 2006 and 2014, in every
//! format, and its behaviour on equivalent versions, git revisions and as
//! a git diff driver.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const OLD: &str = "agreements/sachsen-anhalt-2006.pakt";
const NEW: &str = "agreements/sachsen-anhalt-2014.pakt";

fn pakt_in(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_pakt"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        // English whatever the machine's locale: these snapshots are English.
        .env("PAKT_LANG", "en")
        .output()
        .expect("run pakt");
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!err.contains("panicked"), "{err}");
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into_owned(), err)
}

fn pakt(args: &[&str]) -> (i32, String, String) {
    pakt_in(Path::new("."), args)
}

#[test]
fn sachsen_anhalt_reports_the_substance_of_the_2014_update() {
    let (code, _, _) = pakt(&["diff", OLD, NEW]);
    assert_eq!(code, 1, "the versions differ");
    let (_, json, _) = pakt(&["diff", OLD, NEW, "--format", "json"]);
    let v: Value = serde_json::from_str(&json).expect("json");
    assert_eq!(v["equivalent"], false);
    let changes = v["changes"].as_array().expect("changes");
    let find = |pred: &dyn Fn(&Value) -> bool| changes.iter().find(|c| pred(c)).cloned();
    // The working group, continued as the IKT-Koordinierungsgremium.
    let cont = find(&|c| c["kind"] == "continued").expect("a continued body");
    assert_eq!(cont["id"], "koordinierungsgremium");
    assert!(cont["old"].as_str().unwrap().contains("Arbeitsgruppe „IT-Land-Kommunen“"));
    assert!(cont["new"].as_str().unwrap().contains("IKT-Koordinierungsgremium Land-Kommunen"));
    assert!(find(&|c| c["element"] == "body" && c["kind"] == "removed").is_none(), "continued, not removed");
    // No invented weakening: the two goals of 2006 are reworded in 2014
    // (one matched by its words, one by its place among the goals).
    let weakening: Vec<&Value> = changes.iter().filter(|c| c["effect"] == "weakening").collect();
    assert!(weakening.is_empty(), "{weakening:?}");
    let renamed: Vec<(&str, &str)> = changes
        .iter()
        .filter(|c| c["rule"] == "element.renamed")
        .map(|c| (c["old"].as_str().unwrap(), c["new"].as_str().unwrap()))
        .collect();
    assert_eq!(renamed, [("abstimmung", "zusammenarbeit"), ("harmonisierung", "harmonisierung_infrastruktur")]);
    // New goals: IKT competence and information security.
    for goal in ["ikt_kompetenz", "informationssicherheit"] {
        let g = find(&|c| c["element"] == "goal" && c["id"] == goal && c["kind"] == "added")
            .unwrap_or_else(|| panic!("goal {goal}"));
        assert_eq!(g["effect"], "strengthening");
    }
    // The consent rules of 2014. The 2006 sources do not state how the
    // working group decided (`unknown decides`): the rule is now stated,
    // not added in substance.
    let decides = find(&|c| c["path"] == "body:koordinierungsgremium.decides").expect("decision rule");
    assert_eq!((decides["new"].as_str(), decides["rule"].as_str()), (Some("consent"), Some("fact.stated")));
    assert_eq!((decides["effect"].as_str(), decides["weight"].as_str()), (Some("neutral"), Some("editorial")));
    // Nothing the 2006 sources leave unstated comes out as an addition or a
    // removal: the seats, tasks and meeting rule of the body, the place, the
    // term, the approvals and the offices are now stated.
    for path in [
        "body:koordinierungsgremium.meets",
        "seat:koordinierungsgremium.vertreter_land",
        "obligation:koordinierungsgremium.abstimmung",
        "agreement:agreement.place",
        "approval:zustimmung_ausschuss",
        "office:cio",
        "signature:sig_land.signatory",
    ] {
        let c = find(&|c| c["path"] == path).unwrap_or_else(|| panic!("{path}"));
        assert_eq!(c["rule"], "fact.stated", "{path}: {c}");
    }
    assert!(changes.iter().all(|c| c["rule"] != "fact.unknown"), "nothing the 2014 version states is marked unknown");
    let consent = find(&|c| c["element"] == "step" && c["rule"] == "step.consent.added").expect("a consent step");
    assert_eq!(consent["weight"], "major");
    // New signatories and dates.
    for (sig, name) in
        [("sig_land", "Michael Richter"), ("sig_sgsb", "Jürgen Leindecker"), ("sig_landkreistag", "Heinz-Lothar Theel")]
    {
        let s = find(&|c| c["path"] == format!("signature:{sig}.signatory")).unwrap_or_else(|| panic!("{sig}"));
        assert_eq!(s["new"], name);
        let d = find(&|c| c["path"] == format!("signature:{sig}.date")).unwrap_or_else(|| panic!("{sig} date"));
        assert_eq!((d["old"].as_str(), d["new"].as_str()), (Some("2006-01-09"), Some("2014-07-16")));
    }
    // Spans point into both files.
    let text = std::fs::read_to_string(NEW).expect("new");
    let start = cont["new_span"]["start"].as_u64().expect("span") as usize;
    assert!(text[start..].starts_with("body koordinierungsgremium"));
    let old_text = std::fs::read_to_string(OLD).expect("old");
    let ostart = cont["old_span"]["start"].as_u64().expect("span") as usize;
    assert!(old_text[ostart..].starts_with("body ag_it_land_kommunen"), "{}", &old_text[ostart..ostart + 40]);
}

#[test]
fn every_format_is_pinned() {
    for format in ["text", "markdown", "html", "json"] {
        let (code, out, _) = pakt(&["diff", OLD, NEW, "--format", format]);
        assert_eq!(code, 1);
        insta::assert_snapshot!(format!("diff-sachsen-anhalt-{format}"), out);
    }
}

#[test]
fn committed_examples_are_current() {
    for (format, file) in [
        ("markdown", "docs/examples/sachsen-anhalt-2006-2014.md"),
        ("html", "docs/examples/sachsen-anhalt-2006-2014.html"),
    ] {
        let (_, out, _) = pakt(&["diff", OLD, NEW, "--format", format]);
        let committed = std::fs::read_to_string(file).expect(file);
        assert!(
            committed == out,
            "{file} is stale: regenerate it with `pakt diff {OLD} {NEW} --format {format} > {file}`"
        );
    }
}

#[test]
fn the_classification_table_in_the_docs_is_current() {
    let doc = std::fs::read_to_string("docs/diff.md").expect("docs/diff.md");
    let begin = "<!-- table: generated from src/diff/classify.rs; tests/diff.rs checks it (PAKT_UPDATE_DOCS=1 rewrites it) -->\n";
    let end = "<!-- end of table -->";
    let (head, rest) = doc.split_once(begin).expect("table start marker");
    let (_, tail) = rest.split_once(end).expect("table end marker");
    let current = format!("{head}{begin}{}{end}{tail}", pakt::diff::classify::markdown_table());
    if std::env::var_os("PAKT_UPDATE_DOCS").is_some() {
        std::fs::write("docs/diff.md", &current).expect("write");
    }
    assert!(doc == current, "docs/diff.md has a stale classification table: run with PAKT_UPDATE_DOCS=1");
}

#[test]
fn an_agreement_is_equivalent_to_itself_and_to_a_reformatted_copy() {
    let (code, out, _) = pakt(&["diff", NEW, NEW]);
    assert_eq!(code, 0);
    assert!(out.contains("no changes in substance"), "{out}");
    // Reformat: other indentation, blank lines, comments, blocks reordered.
    let text = std::fs::read_to_string(NEW).expect("read");
    let mut blocks: Vec<String> = Vec::new();
    for line in text.lines() {
        let starts_block = !line.starts_with([' ', '\t', '}']) && !line.trim().is_empty() && !line.starts_with("//");
        if starts_block || blocks.is_empty() {
            blocks.push(String::new());
        }
        let last = blocks.last_mut().expect("block");
        if !line.starts_with("//") {
            last.push_str(&line.replace("    ", "\t\t"));
            last.push_str("   // reformatted\n");
        }
    }
    let header = blocks.remove(0);
    let header2 = blocks.remove(0);
    blocks.reverse(); // block order does not matter (steps stay inside their procedure)
    let copy = format!("{header}{header2}\n\n{}", blocks.join("\n\n\n"));
    let dir = std::env::temp_dir().join(format!("pakt-diff-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let path: PathBuf = dir.join("copy.pakt");
    std::fs::write(&path, &copy).expect("write");
    let (code, out, err) = pakt(&["diff", NEW, path.to_str().expect("utf-8")]);
    assert_eq!(code, 0, "{out}{err}\n---\n{copy}");
    let (code, json, _) = pakt(&["diff", NEW, path.to_str().expect("utf-8"), "--format", "json"]);
    assert_eq!(code, 0);
    let v: Value = serde_json::from_str(&json).expect("json");
    assert_eq!(v["changes"].as_array().map(Vec::len), Some(0));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn muss_to_soll_is_reported_as_a_weakening() {
    let text = std::fs::read_to_string("agreements/thueringen-2018.pakt").expect("read");
    let weakened = text.replacen(
        "    must \"alle kommunalen Verwaltungen an das Landesdatennetz",
        "    shall \"alle kommunalen Verwaltungen an das Landesdatennetz",
        1,
    );
    assert_ne!(text, weakened);
    let dir = std::env::temp_dir().join(format!("pakt-diff-soll-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    std::fs::write(dir.join("new.pakt"), weakened).expect("write");
    let new = dir.join("new.pakt");
    let (code, json, _) =
        pakt(&["diff", "agreements/thueringen-2018.pakt", new.to_str().expect("utf-8"), "--format", "json"]);
    assert_eq!(code, 1);
    let v: Value = serde_json::from_str(&json).expect("json");
    let changes = v["changes"].as_array().expect("changes");
    assert_eq!(changes.len(), 1, "{changes:?}");
    assert_eq!(changes[0]["path"], "obligation:landesdatennetz.modality");
    assert_eq!((changes[0]["old"].as_str(), changes[0]["new"].as_str()), (Some("must"), Some("shall")));
    assert_eq!((changes[0]["effect"].as_str(), changes[0]["weight"].as_str()), (Some("weakening"), Some("major")));
    let _ = std::fs::remove_dir_all(&dir);
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

#[test]
fn git_revisions_and_the_diff_driver() {
    let dir = std::env::temp_dir().join(format!("pakt-git-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("agreements")).expect("dir");
    let text = std::fs::read_to_string("agreements/thueringen-2018.pakt").expect("read");
    std::fs::write(dir.join("agreements/th.pakt"), &text).expect("write");
    git(&dir, &["init", "-q"]);
    git(&dir, &["add", "."]);
    git(&dir, &["commit", "-q", "-m", "one"]);
    std::fs::write(dir.join("agreements/th.pakt"), text.replace("up_to EUR 80 million", "up_to EUR 90 million"))
        .expect("write");
    let (code, out, err) = pakt_in(&dir, &["diff", "HEAD:agreements/th.pakt", "agreements/th.pakt"]);
    assert_eq!(code, 1, "{out}{err}");
    assert!(
        out.contains("financing `foerderung`: amount changed  [strengthening, major: financing.amount.raised]"),
        "{out}"
    );
    let (code, _, err) = pakt_in(&dir, &["diff", "HEAD:agreements/nope.pakt", "agreements/th.pakt"]);
    assert_eq!(code, 2);
    assert!(err.contains("cannot read HEAD:agreements/nope.pakt from git"), "{err}");
    // As a git diff driver.
    std::fs::write(dir.join(".gitattributes"), "*.pakt diff=pakt\n").expect("write");
    let out = Command::new("git")
        .args(["-c", &format!("diff.pakt.command={} diff", env!("CARGO_BIN_EXE_pakt")), "diff"])
        .current_dir(&dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("git diff");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(stdout.contains("financing.amount.raised"), "{stdout}");
    let _ = std::fs::remove_dir_all(&dir);
}
