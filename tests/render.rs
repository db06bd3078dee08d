//! `pakt render`: the Thüringen agreement in Markdown and HTML (pinned),
//! every wording of the source reproduced, a drafted template with its
//! generated sentences marked, and the HTML opened in headless Chromium
//! (skipped with a message when Chromium is absent, unless
//! PAKT_REQUIRE_TOOLS is set).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;

use std::path::PathBuf;
use std::process::Command;

const THUERINGEN: &str = "agreements/thueringen-2018.pakt";

fn render(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_pakt")).arg("render").args(args).output().expect("run pakt");
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("UTF-8")
}

#[test]
fn thueringen_markdown() {
    insta::assert_snapshot!("thueringen-md", render(&[THUERINGEN, "--format", "md"]));
}

#[test]
fn thueringen_html() {
    insta::assert_snapshot!("thueringen-html", render(&[THUERINGEN, "--format", "html"]));
}

/// Every `wording` of the Thüringen file appears in the rendering, exactly.
#[test]
fn thueringen_reproduces_every_wording() {
    let md = render(&[THUERINGEN, "--format", "md"]);
    let text = std::fs::read_to_string(THUERINGEN).unwrap();
    let model = pakt::check::compile(&text, &pakt::check::Limits::default()).model.unwrap();
    let metas = pakt::rules::all_metas(&model);
    let obligations = model.obligations.iter().map(|o| &o.meta);
    let mut count = 0;
    for meta in metas.into_iter().chain(obligations) {
        if let Some(w) = &meta.wording {
            assert!(md.contains(&w.value), "missing wording: {}", w.value);
            count += 1;
        }
    }
    assert!(count > 40, "only {count} wordings");
    // The final document marks nothing as generated and shows no assumptions.
    assert!(!md.contains("generiert") && !md.contains("Annahme"));
}

#[test]
fn draft_marks_generated_sentences_assumptions_and_findings() {
    let md = render(&["src/init/land-kommunen.pakt", "--draft"]);
    insta::assert_snapshot!("land-kommunen-draft-md", md);
    assert!(md.contains("*(generiert)* Die Vertragspartner müssen FILL IN"), "{md}");
    assert!(md.contains("> **Annahme:** FILL IN: the date of signing"), "{md}");
    assert!(md.contains("## Offene Punkte (pakt check)\n\n- A033 (placeholder): fill in: the official title"), "{md}");
    let final_md = render(&["src/init/land-kommunen.pakt"]);
    assert!(!final_md.contains("generiert") && !final_md.contains("Offene Punkte"));
}

#[test]
fn a_file_with_errors_is_not_rendered() {
    let out = Command::new(env!("CARGO_BIN_EXE_pakt"))
        .args(["render", "tests/fixtures/errors/undefined-near.pakt"])
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("R00"), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn html_opens_in_chromium_with_the_first_page() {
    let Some(browser) = chromium() else { return };
    let dir = std::env::temp_dir().join(format!("pakt-render-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let html = render(&[THUERINGEN, "--format", "html", "--draft"]);
    assert!(!html.contains("<script") && !html.contains("<link ") && !html.contains("src="), "self-contained");
    let page = dir.join("thueringen.html");
    std::fs::write(&page, &html).unwrap();
    let url = format!("file://{}", page.display());

    let dom = headless(&browser, &dir.join("profile-dom"), &["--virtual-time-budget=3000", "--dump-dom", &url]);
    let dom_text = String::from_utf8_lossy(&dom.stdout);
    assert!(
        dom_text.contains(
            "<h1>Rahmenvereinbarung über die Zusammenarbeit in den Bereichen E-Government und Informationstechnik</h1>"
        ),
        "Chromium did not render the document"
    );
    assert!(dom_text.contains("<th>Stimmrecht</th>"), "the member table");
    let console: Vec<&str> = std::str::from_utf8(&dom.stderr)
        .unwrap_or("")
        .lines()
        .filter(|l| l.contains(":CONSOLE(") || l.contains("Uncaught"))
        .collect();
    assert!(console.is_empty(), "console errors: {console:?}");

    // The first page at A4 proportions (794 × 1123 CSS pixels at 96 dpi).
    let shot = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("render-thueringen.png");
    let _ = std::fs::remove_file(&shot);
    let run = headless(
        &browser,
        &dir.join("profile-shot"),
        &["--window-size=794,1123", "--virtual-time-budget=3000", &format!("--screenshot={}", shot.display()), &url],
    );
    let png =
        std::fs::read(&shot).unwrap_or_else(|_| panic!("no screenshot: {}", String::from_utf8_lossy(&run.stderr)));
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n", "a PNG");
    let (w, h) =
        (u32::from_be_bytes(png[16..20].try_into().unwrap()), u32::from_be_bytes(png[20..24].try_into().unwrap()));
    assert_eq!((w, h), (794, 1123));
    assert!(png.len() > 30_000, "the screenshot is not blank ({} bytes)", png.len());
    eprintln!("screenshot: {}", shot.display());

    // And printed to PDF by the same browser: A4 pages.
    let pdf = dir.join("thueringen.pdf");
    let _ = headless(
        &browser,
        &dir.join("profile-pdf"),
        &["--no-pdf-header-footer", &format!("--print-to-pdf={}", pdf.display()), &url],
    );
    let bytes = std::fs::read(&pdf).unwrap();
    assert!(bytes.starts_with(b"%PDF"), "a PDF");
    let text = String::from_utf8_lossy(&bytes);
    assert!(text.contains("/MediaBox [0 0 595") || text.contains("/MediaBox [0 0 594.9"), "A4 pages (595 × 842 pt)");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn pdf_through_chromium() {
    if chromium().is_none() {
        return;
    }
    let out =
        Command::new(env!("CARGO_BIN_EXE_pakt")).args(["render", THUERINGEN, "--format", "pdf"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stdout.starts_with(b"%PDF"), "a PDF");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("/MediaBox [0 0 595") || text.contains("/MediaBox [0 0 594.9"), "A4 pages (595 × 842 pt)");
    let pages = text.matches("/Type /Page\n").count()
        + text.matches("/Type /Page/").count()
        + text.matches("/Type /Page ").count();
    assert!(pages >= 3, "the Thüringen agreement fills several pages ({pages})");
}

#[test]
fn pdf_without_chromium_says_how_to_get_it() {
    let out = Command::new(env!("CARGO_BIN_EXE_pakt"))
        .args(["render", THUERINGEN, "--format", "pdf"])
        .env("PAKT_CHROMIUM", "/nonexistent/chromium")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "error: PDF output needs Chromium: install it (Debian: apt-get install chromium) or set PAKT_CHROMIUM to the browser; `--format html` needs nothing\n"
    );
}

/// Language v2 in the document: a rotating chair, named decision rules,
/// shares of money, entry into force and ending, each as a German sentence.
#[test]
fn v2_constructs_become_german_sentences() {
    let run = |file: &str| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_pakt")).args(["render", file]).output().unwrap();
        assert_eq!(out.status.code(), Some(0));
        String::from_utf8(out.stdout).unwrap()
    };
    let it = run("examples/agreements/it-rat-beispiel.pakt");
    assert!(
        it.contains("Der Vorsitz wechselt jährlich in dieser Folge: Bundesrepublik Deutschland, die Länder."),
        "{it}"
    );
    assert!(it.contains("Beschlüsse über Standards erfordern die Zustimmung der Vertragspartei Bundesrepublik Deutschland, die Zustimmung von mindestens drei Mitgliedern der Gruppe „die Länder“"), "{it}");
    assert!(it.contains("Empfehlungen erfordern die Mehrheit der anwesenden Mitglieder."));
    let sv = run("examples/agreements/staatsvertrag-beispiel.pakt");
    assert!(sv.contains("| Kostenträger | Anteil |"));
    assert!(sv.contains("Die Vereinbarung tritt nur in Kraft, wenn bis zum 30. Juni 2027 mindestens vier Ratifikationsurkunden hinterlegt sind."));
    assert!(sv.contains("Die Kündigung ist mit einer Frist von zwei Jahren zum Ende eines Kalenderjahres möglich."));
    assert!(sv.contains("Die Vereinbarung tritt außer Kraft, wenn weniger als vier Vertragspartner beteiligt sind."));
}

fn chromium() -> Option<PathBuf> {
    common::chromium("render")
}

use common::headless;
