//! `pakt render --format docx`: a real Word document. Its structure is
//! read from the package (Word heading styles, Word tables), and
//! LibreOffice, the program people open it with, converts it without error;
//! the text it reads contains every party, body and tranche.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;

use pakt::check::{check_file, Settings};
use std::path::{Path, PathBuf};
use std::process::Command;

const TH: &str = "agreements/thueringen-2018.pakt";

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("pakt-docx-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn render(dir: &Path) -> PathBuf {
    let out = Command::new(env!("CARGO_BIN_EXE_pakt")).args(["render", TH, "--format", "docx"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stdout.starts_with(b"PK"), "a DOCX file is a zip package");
    let file = dir.join("thueringen.docx");
    std::fs::write(&file, &out.stdout).unwrap();
    file
}

/// One part of the package, read with Python's zipfile (no zip crate needed).
fn part(file: &Path, name: &str) -> Option<String> {
    let script = "import sys, zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]).decode())";
    let out = Command::new("python3").args(["-c", script]).arg(file).arg(name).output().ok()?;
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn the_docx_has_word_headings_and_tables() {
    if !common::installed("python3") {
        return common::skip("the_docx_has_word_headings_and_tables", "python3 is not installed");
    }
    let dir = scratch("structure");
    let file = render(&dir);
    let xml = part(&file, "word/document.xml").expect("word/document.xml");
    assert!(xml.contains(r#"<w:pStyle w:val="Heading2" />"#), "Word headings");
    assert!(xml.contains(r#"<w:pStyle w:val="Title" />"#), "the title in Word's Title style");
    assert!(xml.contains("<w:tbl>"), "Word tables");
    let styles = part(&file, "word/styles.xml").expect("word/styles.xml");
    assert!(styles.contains("Heading 1"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn libreoffice_opens_the_docx_and_reads_every_party_body_and_tranche() {
    if !common::installed("soffice") {
        return common::skip(
            "libreoffice_opens_the_docx_and_reads_every_party_body_and_tranche",
            "LibreOffice is not installed (apt-get install libreoffice-writer-nogui)",
        );
    }
    let dir = scratch("soffice");
    let file = render(&dir);
    let profile = format!("-env:UserInstallation=file://{}", dir.join("profile").display());
    let out = Command::new("soffice")
        .args(["--headless", &profile, "--convert-to", "txt:Text", "--outdir"])
        .arg(&dir)
        .arg(&file)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = std::fs::read_to_string(dir.join("thueringen.txt")).expect("LibreOffice wrote the text");
    let result = check_file(Path::new(TH), &Settings::default()).unwrap();
    let m = result.model.expect("model");
    // A party appears as the agreement words it (its `wording`), else by name.
    for p in &m.parties {
        let shown = p.meta.wording.as_ref().map_or(p.name.value.as_str(), |w| w.value.as_str());
        assert!(text.contains(shown), "party {shown}");
    }
    for b in &m.bodies {
        assert!(text.contains(&b.name.value), "body {}", b.name.value);
    }
    for f in &m.financings {
        for t in &f.tranches {
            assert!(text.contains(&t.year.value.to_string()), "tranche {}", t.year.value);
        }
    }
    assert!(text.contains("80 Mio."), "the ceiling as Germans write it");
    // And to PDF, as a reviewer would print it.
    let out = Command::new("soffice")
        .args(["--headless", &profile, "--convert-to", "pdf", "--outdir"])
        .arg(&dir)
        .arg(&file)
        .output()
        .unwrap();
    assert!(out.status.success());
    let pdf = std::fs::read(dir.join("thueringen.pdf")).unwrap();
    // Page objects, written `/Type/Page` or `/Type /Page` (not `/Pages`).
    let count =
        |pat: &[u8]| pdf.windows(pat.len() + 1).filter(|w| w.starts_with(pat) && w.last() != Some(&b's')).count();
    assert!(pdf.starts_with(b"%PDF"));
    let pages = count(b"/Type/Page") + count(b"/Type /Page");
    assert!(pages >= 3, "{pages} pages");
    let _ = std::fs::remove_dir_all(&dir);
}
