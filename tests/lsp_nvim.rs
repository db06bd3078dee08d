//! A real editor's LSP client: Neovim (headless) opens an agreement with a
//! typo, attaches `pakt lsp`, and the test reads back the diagnostics that
//! Neovim holds. Neovim converts the server's UTF-16 columns to byte
//! columns itself, so the line of the finding has umlauts, „quotes“ and an
//! emoji before it. Skipped (with a message) when `nvim` is not installed,
//! unless PAKT_REQUIRE_TOOLS is set (as in .ci/run): then that is a failure.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use serde_json::Value;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn nvim_available() -> bool {
    let found = Command::new("nvim").arg("--version").stdout(Stdio::null()).stderr(Stdio::null()).status().is_ok();
    if !found {
        assert!(std::env::var_os("PAKT_REQUIRE_TOOLS").is_none(), "nvim is required (PAKT_REQUIRE_TOOLS is set)");
        eprintln!("SKIPPED: nvim is not installed (apt-get install neovim)");
    }
    found
}

#[test]
fn neovim_shows_the_diagnostics_of_pakt_lsp() {
    if !nvim_available() {
        return;
    }
    let dir = std::env::temp_dir().join(format!("pakt-nvim-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let text = std::fs::read_to_string("tests/fixtures/lsp/beispiel.pakt").unwrap();
    let broken = text.replace("beneficiary gemeindetag }", "beneficiary gemeindetg }");
    let file = dir.join("beispiel.pakt");
    std::fs::write(&file, &broken).unwrap();
    let out = dir.join("diagnostics.json");
    let init = std::fs::canonicalize("tests/fixtures/lsp/nvim_init.lua").unwrap();
    let mut child = Command::new("nvim")
        .args(["--headless", "--clean", "-u"])
        .arg(&init)
        .env("PAKT_BIN", env!("CARGO_BIN_EXE_pakt"))
        .env("PAKT_FILE", &file)
        .env("PAKT_NVIM_OUT", &out)
        .env_remove("PAKT_DOCS_URL")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start nvim");
    let deadline = Instant::now() + Duration::from_secs(60);
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("nvim did not finish within 60 s");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(status.success(), "nvim exited with {status}");
    let got: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(got["waited"], true, "Neovim received diagnostics: {got}");
    let diags = got["diagnostics"].as_array().unwrap();
    assert_eq!(diags.len(), 1, "{got}");
    let d = &diags[0];
    let line = broken.lines().nth(26).unwrap();
    let byte_col = line.find("gemeindetg").unwrap();
    assert_eq!(byte_col, 109, "the finding stands after 109 bytes (101 UTF-16 code units)");
    assert_eq!(d["lnum"], 26);
    assert_eq!(d["col"], byte_col);
    assert_eq!(d["end_lnum"], 26);
    assert_eq!(d["end_col"], byte_col + "gemeindetg".len());
    assert_eq!(d["severity"], 1, "error");
    assert_eq!(d["source"], "pakt");
    assert_eq!(d["code"], "R001");
    assert_eq!(d["message"], "`gemeindetg` is not defined\nhelp: did you mean `gemeindetag`?");
}
