//! The HTML diff report in a real browser: headless Chromium opens it
//! without console errors and a screenshot shows the Synopse. Skipped with
//! a message when Chromium is absent (`.ci/run` installs it and sets
//! PAKT_REQUIRE_TOOLS, which makes absence a failure).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use std::path::PathBuf;
use std::process::Command;

mod common;

#[test]
fn html_report_opens_in_chromium_and_shows_the_synopse() {
    let Some(browser) = chromium() else { return };
    let dir = std::env::temp_dir().join(format!("pakt-html-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let out = Command::new(env!("CARGO_BIN_EXE_pakt"))
        .args([
            "diff",
            "agreements/sachsen-anhalt-2006.pakt",
            "agreements/sachsen-anhalt-2014.pakt",
            "--format",
            "html",
        ])
        .output()
        .expect("pakt");
    assert_eq!(out.status.code(), Some(1));
    let page = dir.join("report.html");
    std::fs::write(&page, &out.stdout).expect("write");
    let html = String::from_utf8_lossy(&out.stdout);
    assert!(!html.contains("<script src") && !html.contains("<link "), "self-contained: no external assets");
    let url = format!("file://{}", page.display());

    // The DOM as the browser parsed it.
    let dom = headless(&browser, &dir.join("profile-dom"), &["--virtual-time-budget=3000", "--dump-dom", &url]);
    let dom_text = String::from_utf8_lossy(&dom.stdout);
    assert!(dom_text.contains("<h2 id=\"synopse\">Synopse</h2>"), "Chromium did not render the report");
    assert!(dom_text.contains("<del>Informationstechnik</del>"), "the Synopse marks deleted words");
    let console: Vec<String> = String::from_utf8_lossy(&dom.stderr)
        .lines()
        .filter(|l| l.contains(":CONSOLE(") || l.contains("Uncaught"))
        .map(str::to_string)
        .collect();
    assert!(console.is_empty(), "console errors: {console:?}");

    // A screenshot of the whole page, down to the Synopse.
    let shot = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("synopse.png");
    let _ = std::fs::remove_file(&shot);
    let run = headless(
        &browser,
        &dir.join("profile-shot"),
        &["--window-size=1400,9000", "--virtual-time-budget=3000", &format!("--screenshot={}", shot.display()), &url],
    );
    let png =
        std::fs::read(&shot).unwrap_or_else(|_| panic!("no screenshot: {}", String::from_utf8_lossy(&run.stderr)));
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n", "a PNG");
    let (w, h) =
        (u32::from_be_bytes(png[16..20].try_into().unwrap()), u32::from_be_bytes(png[20..24].try_into().unwrap()));
    assert_eq!((w, h), (1400, 9000));
    assert!(png.len() > 50_000, "the screenshot is not blank ({} bytes)", png.len());
    eprintln!("screenshot: {}", shot.display());
    let _ = std::fs::remove_dir_all(&dir);
}

fn chromium() -> Option<PathBuf> {
    common::chromium("html_report")
}

use common::headless;
