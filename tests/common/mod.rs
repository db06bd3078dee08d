//! What the integration tests share: how a test whose external tool
//! (Graphviz, Chromium, Python's jsonschema, …) is missing says so.
//!
//! libtest captures `eprintln!` and shows it only for failing tests, so a
//! skip printed that way is invisible in `cargo test`. `skip` writes
//! straight to the process's standard error instead, which libtest does
//! not capture: the line `SKIPPED <test>: <why>` stands between the
//! `test … ok` lines, where a person sees it. With `PAKT_REQUIRE_TOOLS=1`
//! (set by `.ci/run`) a missing tool fails the test instead, so CI cannot
//! pass without running it.

#![allow(dead_code, clippy::panic)]

use std::io::Write;

/// Whether missing tools fail the tests (CI) instead of skipping them.
pub fn tools_required() -> bool {
    std::env::var_os("PAKT_REQUIRE_TOOLS").is_some_and(|v| !v.is_empty() && v != "0")
}

/// Report that `test` cannot run because of `why` (a missing tool and how
/// to install it): a failure when tools are required, else a visible
/// `SKIPPED` line. The caller returns early.
pub fn skip(test: &str, why: &str) {
    if tools_required() {
        panic!("{test}: {why} (PAKT_REQUIRE_TOOLS is set, so this is a failure)");
    }
    let line = format!("SKIPPED {test}: {why}\n");
    // Not eprintln!: libtest would capture it and hide it for a passing test.
    let _ = std::io::stderr().write_all(line.as_bytes());
}

/// Whether the program `name` can be started (with `-V`, which every tool
/// used here accepts or rejects without side effects).
pub fn installed(name: &str) -> bool {
    std::process::Command::new(name)
        .arg("-V")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok()
}

/// Headless Chromium, found on the PATH; `None` (after `skip`) without it.
pub fn chromium(test: &str) -> Option<std::path::PathBuf> {
    for name in ["chromium", "chromium-browser", "google-chrome"] {
        if let Ok(out) = std::process::Command::new("which").arg(name).output() {
            if out.status.success() {
                return Some(std::path::PathBuf::from(String::from_utf8_lossy(&out.stdout).trim()));
            }
        }
    }
    skip(test, "Chromium is not installed (apt-get install chromium fonts-dejavu-core)");
    None
}

/// Run headless Chromium with the flags this sandbox needs.
pub fn headless(browser: &std::path::Path, profile: &std::path::Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            "--enable-logging=stderr",
            "--v=0",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run chromium: {e}"))
}

/// mermaid-cli (`mmdc`, from npm) and a Puppeteer configuration in `dir`
/// that starts the system Chromium instead of a downloaded one; `None`
/// (after `skip`) without either.
pub fn mermaid_cli(test: &str, dir: &std::path::Path) -> Option<(std::path::PathBuf, std::path::PathBuf)> {
    let found = std::process::Command::new("which").arg("mmdc").output().ok().filter(|o| o.status.success());
    let Some(found) = found else {
        skip(test, "mermaid-cli is not installed (as .ci/run does: PUPPETEER_SKIP_DOWNLOAD=1 npm install -g @mermaid-js/mermaid-cli@11.17.0 puppeteer@24.43.1)");
        return None;
    };
    let mmdc = std::path::PathBuf::from(String::from_utf8_lossy(&found.stdout).trim());
    let browser = chromium(test)?;
    // The flags of `headless` that matter here: root needs --no-sandbox; the
    // rest keep Chromium off a network it does not have.
    let config = serde_json::json!({
        "executablePath": browser,
        "args": ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    let path = dir.join("puppeteer.json");
    std::fs::write(&path, config.to_string()).unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
    Some((mmdc, path))
}

/// `pakt ARGS` with the language variables and colour removed (so the
/// output does not depend on the machine's locale); it must exit 0, and its
/// standard output is returned.
pub fn pakt_without_locale(args: &[&str]) -> String {
    let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_pakt"));
    c.args(args).env("NO_COLOR", "1");
    for v in ["PAKT_LANG", "LANG", "LC_ALL", "LC_MESSAGES"] {
        c.env_remove(v);
    }
    let o = c.output().unwrap_or_else(|e| panic!("pakt {args:?}: {e}"));
    assert_eq!(o.status.code(), Some(0), "{args:?}: {}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Debian's Python 3 (`/usr/bin/python3` before any other on the PATH, so
/// that the modules `.ci/run` installs from Debian are the ones imported)
/// when it can import `module`; `None` (after `skip`) otherwise.
pub fn python_with(test: &str, module: &str, package: &str) -> Option<std::path::PathBuf> {
    for python in ["/usr/bin/python3", "python3"] {
        let ok = std::process::Command::new(python)
            .args(["-c", &format!("import {module}")])
            .output()
            .is_ok_and(|o| o.status.success());
        if ok {
            return Some(std::path::PathBuf::from(python));
        }
    }
    skip(test, &format!("python3 cannot import {module} (apt-get install {package})"));
    None
}

/// Every `.pakt` file below `dir`, in path order, appended to `out`. A
/// folder that cannot be read fails the test: a test that silently read
/// no files would prove nothing.
pub fn pakt_files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()));
    let mut paths: Vec<std::path::PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            pakt_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "pakt") {
            out.push(p);
        }
    }
}

/// Validates JSON instances against a schema with Python's `jsonschema`
/// package (the validator class the schema's `$schema` names, the schema
/// itself checked against its meta-schema first, formats checked where the
/// package can). In: schema path, then a JSON array of instances on stdin.
/// Out: a JSON array with the list of errors of each instance.
const VALIDATE_PY: &str = r#"
import json, sys
from jsonschema import validators
with open(sys.argv[1], encoding="utf-8") as f:
    schema = json.load(f)
cls = validators.validator_for(schema)
cls.check_schema(schema)
v = cls(schema, format_checker=cls.FORMAT_CHECKER)
out = []
for instance in json.load(sys.stdin):
    errors = sorted(v.iter_errors(instance), key=lambda e: [str(p) for p in e.absolute_path])
    out.append(["at /%s: %s" % ("/".join(str(p) for p in e.absolute_path), e.message) for e in errors])
print(json.dumps(out))
"#;

/// The schema errors of each instance (`at /path: message`), with Debian's
/// `python3-jsonschema` as `.ci/run` installs it; `None` (after `skip`)
/// when no Python can import `jsonschema`. `schema` is relative to the
/// crate root.
pub fn schema_errors(test: &str, schema: &str, instances: &[&serde_json::Value]) -> Option<Vec<Vec<String>>> {
    let python = python_with(test, "jsonschema", "python3-jsonschema")?;
    let mut child = std::process::Command::new(python)
        .args(["-c", VALIDATE_PY, schema])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{test}: python3 does not start: {e}"));
    let input = serde_json::to_vec(instances).unwrap_or_else(|e| panic!("{test}: {e}"));
    if let Some(mut stdin) = child.stdin.take() {
        stdin.write_all(&input).unwrap_or_else(|e| panic!("{test}: writing to python3: {e}"));
    }
    let out = child.wait_with_output().unwrap_or_else(|e| panic!("{test}: python3: {e}"));
    assert!(
        out.status.success(),
        "{test}: validating against {schema} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{test}: validator output: {e}")))
}
