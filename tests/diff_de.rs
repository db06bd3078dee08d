//! `pakt diff` in German: the report (`--lang de`), the Synopse "Bisherige
//! Fassung | Neue Fassung" in HTML and PDF, and the amendment instructions
//! (`--format amendments`), on an invented pair of versions of an
//! agreement between the federation and the Länder (tests/fixtures/diff/)
//! and on Sachsen-Anhalt 2006 → 2014.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;

use pakt::diff::{amendments, fassung};
use std::path::PathBuf;
use std::process::Command;

const OLD: &str = "tests/fixtures/diff/portalverbund-2010.pakt";
const NEW: &str = "tests/fixtures/diff/portalverbund-2019.pakt";

/// Run pakt with a neutral language environment plus `env`.
fn pakt_env(args: &[&str], env: &[(&str, &str)]) -> (i32, Vec<u8>, String) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_pakt"));
    cmd.args(args).env("NO_COLOR", "1");
    for k in ["PAKT_LANG", "LC_ALL", "LC_MESSAGES", "LANG"] {
        cmd.env_remove(k);
    }
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("run pakt");
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!err.contains("panicked"), "{err}");
    (out.status.code().unwrap_or(-1), out.stdout, err)
}

fn de(args: &[&str]) -> String {
    let mut all = vec!["diff", OLD, NEW, "--lang", "de"];
    all.extend_from_slice(args);
    let (code, out, err) = pakt_env(&all, &[]);
    assert_eq!(code, 1, "the versions differ: {err}");
    String::from_utf8(out).expect("utf-8")
}

#[test]
fn every_row_of_the_classification_table_has_a_german_text() {
    use pakt::diff::{classify::TABLE, german};
    use std::collections::BTreeSet;
    let ids: BTreeSet<&str> = german::ROWS.iter().map(|(id, _)| *id).collect();
    let missing: Vec<&str> = TABLE.iter().map(|r| r.id).filter(|id| !ids.contains(id)).collect();
    assert!(missing.is_empty(), "rows without a German text in src/diff/german.rs: {missing:?}");
    let table: BTreeSet<&str> = TABLE.iter().map(|r| r.id).collect();
    let stale: Vec<&str> = ids.iter().copied().filter(|id| !table.contains(id)).collect();
    assert!(stale.is_empty(), "German texts for rows that no longer exist: {stale:?}");
    assert_eq!(ids.len(), german::ROWS.len(), "a row id twice in german::ROWS");
    assert!(german::ROWS.iter().all(|(_, de)| !de.is_empty() && !de.ends_with('.')));
    assert_eq!(german::row("body.meeting.lowered"), "ein Gremium muss seltener tagen");
}

#[test]
fn the_language_comes_from_the_tag() {
    use pakt::diff::german::Lang;
    assert_eq!(Lang::from_tag("de_DE.UTF-8"), Lang::De);
    assert_eq!(Lang::from_tag("DE"), Lang::De);
    assert_eq!(Lang::from_tag("en_US.UTF-8"), Lang::En);
    assert_eq!(Lang::from_tag("C"), Lang::En);
    assert_eq!(Lang::from_tag(""), Lang::En);
}

#[test]
fn the_german_text_report() {
    let text = de(&[]);
    assert!(text.contains("Abschnitt III\n~ Gremium `lenkungskreis`: Sitzungen geändert  [verschärft, geringfügig"));
    assert!(text.contains("- Verpflichtung `pilot` entfallen  [abgeschwächt, wesentlich"), "{text}");
    insta::assert_snapshot!("portalverbund_text_de", text);
}

#[test]
fn the_german_markdown_report() {
    let md = de(&["--format", "markdown"]);
    assert!(md.contains("| Gewicht | verschärft | abgeschwächt | neutral |"));
    insta::assert_snapshot!("portalverbund_markdown_de", md);
}

#[test]
fn the_german_html_report_with_the_synopse() {
    let html = de(&["--format", "html"]);
    assert!(html.contains("<th>Bisherige Fassung</th><th>Neue Fassung</th>"));
    assert!(html.contains("@page{size:A4 landscape"));
    // The word that changed, marked on both sides.
    assert!(html.contains("Der Lenkungskreis tritt <del>zweimal</del> im Jahr zusammen."), "{html}");
    assert!(html.contains("Der Lenkungskreis tritt <ins>dreimal</ins> im Jahr zusammen."));
    // The pilot is dropped, the first goal is unchanged; old numbering of the removed section.
    assert!(html.contains("<span class=\"nr\">3.</span> Das Beispiel-Land B erprobt"));
    assert!(html.contains("<span class=\"entfaellt\">entfällt</span>"));
    assert!(html.contains("<span class=\"unv\">unverändert</span>"));
    assert!(html.contains("<tr class=\"abschnitt\"><th>Abschnitt II</th><th>Abschnitt III</th></tr>"));
    assert!(!html.contains("obligation pilot {"), "no pakt source in the Synopse");
    insta::assert_snapshot!("portalverbund_html_de", html);
}

#[test]
fn the_amendment_instructions() {
    let text = de(&["--format", "amendments"]);
    assert!(text.contains("In Abschnitt II Nr. 1 Satz 1 wird das Wort „zweimal“ durch das Wort „dreimal“ ersetzt."));
    assert!(text.contains("In Abschnitt II wird Nummer 3 aufgehoben."));
    assert!(text.contains("Der bisherige Abschnitt II wird Abschnitt III."));
    insta::assert_snapshot!("portalverbund_amendments_de", text);
}

/// Carry out `instructions` on `old` and compare with `new`, section by section.
fn applies(old_text: &str, new_text: &str, instructions: &str) {
    let (old, new) = fassung::pair(old_text, new_text).expect("both compile");
    let result = amendments::apply(amendments::draft(&old), instructions).unwrap_or_else(|e| panic!("{e}"));
    let expected: Vec<(String, Vec<String>)> =
        new.iter().map(|s| (s.label.clone(), s.passages.iter().map(|p| p.text.clone()).collect())).collect();
    assert_eq!(amendments::texts(&result), expected, "the instructions do not give the new text:\n{instructions}");
}

#[test]
fn the_amendment_instructions_turn_the_old_text_into_the_new_one() {
    let instructions = de(&["--format", "amendments"]);
    let (old, new) = (std::fs::read_to_string(OLD).unwrap(), std::fs::read_to_string(NEW).unwrap());
    applies(&old, &new, &instructions);
    // Backwards too: other insertions, repeals and renumbering.
    let (_, back, _) = pakt_env(&["diff", NEW, OLD, "--format", "amendments"], &[]);
    applies(&new, &old, &String::from_utf8(back).unwrap());
    // And a wrong instruction is caught, not ignored.
    let broken = instructions.replace("„zweimal“", "„viermal“");
    let (o, _) = fassung::pair(&old, &new).unwrap();
    assert!(amendments::apply(amendments::draft(&o), &broken).is_err());
}

#[test]
fn the_amendment_instructions_for_sachsen_anhalt_apply() {
    let (o, n) = ("agreements/sachsen-anhalt-2006.pakt", "agreements/sachsen-anhalt-2014.pakt");
    let (_, out, _) = pakt_env(&["diff", o, n, "--format", "amendments"], &[]);
    let instructions = String::from_utf8(out).unwrap();
    applies(&std::fs::read_to_string(o).unwrap(), &std::fs::read_to_string(n).unwrap(), &instructions);
}

#[test]
fn sachsen_anhalt_in_german() {
    let (code, out, _) = pakt_env(
        &["diff", "agreements/sachsen-anhalt-2006.pakt", "agreements/sachsen-anhalt-2014.pakt"],
        &[("LANG", "de_DE.UTF-8")],
    );
    assert_eq!(code, 1);
    let text = String::from_utf8(out).unwrap();
    assert!(text.contains("Änderungen:"), "German by the environment: {text}");
    insta::assert_snapshot!("sachsen_anhalt_text_de", text);
}

#[test]
fn the_language_follows_the_environment_and_the_flag_wins() {
    let summary = |env: &[(&str, &str)], extra: &[&str]| {
        let mut args = vec!["diff", OLD, NEW];
        args.extend_from_slice(extra);
        let (_, out, _) = pakt_env(&args, env);
        String::from_utf8(out).unwrap().lines().nth(1).unwrap_or("").to_string()
    };
    assert_eq!(summary(&[], &[]), "14 changes: 6 major, 3 minor, 5 editorial");
    assert_eq!(summary(&[("LANG", "de_DE.UTF-8")], &[]), "14 Änderungen: 6 wesentlich, 3 geringfügig, 5 redaktionell");
    assert_eq!(summary(&[("PAKT_LANG", "de")], &[]), "14 Änderungen: 6 wesentlich, 3 geringfügig, 5 redaktionell");
    assert!(summary(&[("LC_ALL", "de_AT.UTF-8"), ("LANG", "en_US.UTF-8")], &[]).starts_with("14 Änderungen"));
    assert_eq!(summary(&[("LANG", "de_DE.UTF-8")], &["--lang", "en"]), "14 changes: 6 major, 3 minor, 5 editorial");
}

#[test]
fn pdf_without_chromium_says_how_to_get_it() {
    let (code, out, err) =
        pakt_env(&["diff", OLD, NEW, "--format", "pdf"], &[("PAKT_CHROMIUM", "/nonexistent/chromium")]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert_eq!(
        err,
        "error: PDF output needs Chromium: install it (Debian: apt-get install chromium) or set PAKT_CHROMIUM to the browser; `--format html` needs nothing\n"
    );
}

#[test]
fn the_synopse_opens_in_chromium_and_prints_to_pdf() {
    let Some(browser) = chromium("the_synopse_opens_in_chromium_and_prints_to_pdf") else { return };
    let dir = std::env::temp_dir().join(format!("pakt-diff-de-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let html = de(&["--format", "html"]);
    assert!(!html.contains("<script") && !html.contains("<link ") && !html.contains("src="), "self-contained");
    let page = dir.join("synopse.html");
    std::fs::write(&page, &html).unwrap();
    let url = format!("file://{}", page.display());

    let dom = headless(&browser, &dir.join("profile-dom"), &["--virtual-time-budget=3000", "--dump-dom", &url]);
    let dom_text = String::from_utf8_lossy(&dom.stdout);
    assert!(dom_text.contains("<th>Bisherige Fassung</th><th>Neue Fassung</th>"), "Chromium did not render the page");
    let console: Vec<&str> = std::str::from_utf8(&dom.stderr)
        .unwrap_or("")
        .lines()
        .filter(|l| l.contains(":CONSOLE(") || l.contains("Uncaught"))
        .collect();
    assert!(console.is_empty(), "console errors: {console:?}");

    // A screenshot of the Synopse alone (the page cut before the report), A4
    // landscape at 96 dpi: both columns side by side.
    let body = html.find("<body>").unwrap() + "<body>".len();
    let synopse_only = format!("{}{}", &html[..body], &html[html.find("<h2 id=\"synopse\">").unwrap()..]);
    let synopse_page = dir.join("synopse-only.html");
    std::fs::write(&synopse_page, synopse_only).unwrap();
    let shot = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("diff-synopse.png");
    let _ = std::fs::remove_file(&shot);
    let run = headless(
        &browser,
        &dir.join("profile-shot"),
        &[
            "--window-size=1123,794",
            "--virtual-time-budget=3000",
            &format!("--screenshot={}", shot.display()),
            &format!("file://{}", synopse_page.display()),
        ],
    );
    let png =
        std::fs::read(&shot).unwrap_or_else(|_| panic!("no screenshot: {}", String::from_utf8_lossy(&run.stderr)));
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n", "a PNG");
    assert!(png.len() > 20_000, "the screenshot is not blank ({} bytes)", png.len());
    eprintln!("screenshot: {}", shot.display());

    // `--format pdf`: printed by the same browser, A4 landscape pages.
    let (code, pdf, err) = pakt_env(&["diff", OLD, NEW, "--lang", "de", "--format", "pdf"], &[]);
    assert_eq!(code, 1, "{err}");
    assert!(pdf.starts_with(b"%PDF"), "a PDF: {err}");
    let text = String::from_utf8_lossy(&pdf);
    assert!(text.contains("/MediaBox [0 0 842") || text.contains("/MediaBox [0 0 841.9"), "A4 landscape pages");
    let pages = text.matches("/Type /Page\n").count()
        + text.matches("/Type /Page/").count()
        + text.matches("/Type /Page ").count();
    assert!(pages >= 2, "the report and the Synopse fill pages ({pages})");
    let _ = std::fs::remove_dir_all(&dir);
}

use common::{chromium, headless};

#[test]
fn the_amendment_instructions_for_the_invented_federation_pair_apply() {
    // The pair of tests/diff_v2.rs: a replacement (the Anstalt takes over
    // from the Geschäftsstelle) and a consent rule at three levels.
    let (o, n) = ("tests/fixtures/diff/bund-laender-alt.pakt", "tests/fixtures/diff/bund-laender-neu.pakt");
    let (old, new) = (std::fs::read_to_string(o).unwrap(), std::fs::read_to_string(n).unwrap());
    let (_, out, _) = pakt_env(&["diff", o, n, "--format", "amendments"], &[]);
    let instructions = String::from_utf8(out).unwrap();
    assert!(instructions.contains("durch das Wort „einvernehmlich“ ersetzt"), "{instructions}");
    assert!(
        instructions.contains("Sie übernimmt ab dem 1. Januar 2033 die Aufgaben der Geschäftsstelle."),
        "{instructions}"
    );
    insta::assert_snapshot!("bund_laender_amendments_de", instructions);
    applies(&old, &new, &instructions);
    let (_, back, _) = pakt_env(&["diff", n, o, "--format", "amendments"], &[]);
    applies(&new, &old, &String::from_utf8(back).unwrap());
}

#[test]
fn evidence_under_a_change_is_named_in_german() {
    let (o, n) = ("tests/fixtures/diff/bund-laender-alt.pakt", "tests/fixtures/diff/bund-laender-neu.pakt");
    let (_, out, _) = pakt_env(&["diff", o, n], &[("PAKT_LANG", "de")]);
    let text = String::from_utf8(out).unwrap();
    for line in [
        "      · ~ Verfahrensschritt `freigabe.beschluss`, Einvernehmen mit: + nordland, suedland [step.consent.added]",
        "      · - Amt `geschaeftsstelle`: Geschäftsstelle des Portalverbunds [office.removed]",
        "      · übernimmt \"die Aufgaben der Geschäftsstelle\" ab 2033-01-01",
    ] {
        assert!(text.lines().any(|l| l == line), "missing {line:?} in\n{text}");
    }
    assert!(
        text.contains("> Einrichtung `anstalt` tritt an die Stelle von  [neutral, wesentlich: institution.replaces]"),
        "{text}"
    );
}
