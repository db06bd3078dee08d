//! What is generated from the command line and the rule registry, kept
//! current by these tests: the manual pages `docs/man/*.1` (`pakt man [COMMAND]`), the
//! JSON Schema of pakt.toml `docs/schema/pakt-toml.schema.json`, and the
//! shell completions. Every example configuration in the docs and tests
//! validates against the schema (Python's jsonschema, as for SARIF), and
//! configurations pakt rejects are rejected by the schema too.
//!
//! After changing the command line or a rule, regenerate with
//! `PAKT_UPDATE_DOCS=1 cargo test --test cli_docs` and review the diff.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;

use serde_json::{json, Map, Value};
use std::path::{Path, PathBuf};
use std::process::Command;

const SCHEMA: &str = "docs/schema/pakt-toml.schema.json";
const MAN_DIR: &str = "docs/man";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn pakt(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_pakt")).args(args).current_dir(root()).output().expect("run pakt");
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!err.contains("panicked"), "{err}");
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into_owned(), err)
}

/// Compare a generated file with the one in the repository, or write it
/// when PAKT_UPDATE_DOCS is set.
fn current(path: &str, generated: &str) {
    let file = root().join(path);
    if std::env::var_os("PAKT_UPDATE_DOCS").is_some() {
        std::fs::write(&file, generated).expect("write");
        return;
    }
    let on_disk = std::fs::read_to_string(&file).unwrap_or_default();
    assert!(
        on_disk == generated,
        "{path} is out of date: run `PAKT_UPDATE_DOCS=1 cargo test --test cli_docs` and review the diff"
    );
}

#[test]
fn man_pages_are_current() {
    let (code, man, _) = pakt(&["man"]);
    assert_eq!(code, 0);
    assert!(man.contains(".TH pakt 1"), "{man}");
    assert!(man.contains("pakt\\-check(1)"), "the page of pakt points to the page of each command: {man}");
    current(&format!("{MAN_DIR}/pakt.1"), &man);
    let (code, check, _) = pakt(&["man", "check"]);
    assert_eq!(code, 0);
    for word in ["--select", "--stdin-filename", "--no-config", "--hidden", "--output-file", "--color"] {
        assert!(check.contains(&word.replace('-', "\\-")), "pakt-check(1) explains {word}");
    }
    let cmd = <pakt::cli::Cli as clap::CommandFactory>::command();
    let mut expected = vec!["pakt.1".to_string()];
    for sub in cmd.get_subcommands().filter(|c| c.get_name() != "help") {
        let name = sub.get_name();
        let (code, page, err) = pakt(&["man", name]);
        assert_eq!(code, 0, "{err}");
        assert!(page.contains(&format!(".TH pakt-{name} 1")), "{page}");
        current(&format!("{MAN_DIR}/pakt-{name}.1"), &page);
        expected.push(format!("pakt-{name}.1"));
    }
    // No page of a command that is gone.
    let mut on_disk: Vec<String> = std::fs::read_dir(root().join(MAN_DIR))
        .expect("docs/man")
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    on_disk.sort();
    expected.sort();
    assert_eq!(on_disk, expected);
    let (code, _, err) = pakt(&["man", "frobnicate"]);
    assert_eq!(code, 2);
    assert!(err.contains("no command `frobnicate`"), "{err}");
}

/// The schema of pakt.toml, from `pakt rules --format json`: every rule
/// by name and code, a severity or a table of severity and parameters.
fn schema_from_rules() -> Value {
    let (code, rules, _) = pakt(&["rules", "--format", "json"]);
    assert_eq!(code, 0);
    let rules: Value = serde_json::from_str(&rules).expect("rules json");
    let severity = json!({"type": "string", "enum": ["error", "warning", "off"],
                          "description": "\"error\", \"warning\" or \"off\""});
    let mut props = Map::new();
    for r in rules.as_array().expect("array") {
        let mut table = Map::new();
        table.insert("severity".into(), json!({"$ref": "#/definitions/severity"}));
        for p in r["parameters"].as_array().expect("params") {
            table.insert(
                p["name"].as_str().expect("name").into(),
                json!({"type": "integer", "minimum": p["min"], "default": p["default"],
                       "description": p["description"]}),
            );
        }
        let setting = json!({
            "description": format!("{} ({}): {} Default severity: {}.", r["name"].as_str().unwrap(),
                                   r["code"].as_str().unwrap(), r["summary"].as_str().unwrap(),
                                   r["severity"].as_str().unwrap()),
            "oneOf": [
                {"$ref": "#/definitions/severity"},
                {"type": "object", "additionalProperties": false, "properties": table},
            ],
        });
        props.insert(r["name"].as_str().unwrap().into(), setting.clone());
        props.insert(r["code"].as_str().unwrap().into(), setting);
    }
    json!({
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": "https://github.com/pakt-lang/pakt/blob/main/docs/schema/pakt-toml.schema.json",
        "title": "pakt.toml",
        "description": "The configuration of pakt: the severity and parameters of each rule, and limits. Generated from `pakt rules --format json` by tests/cli_docs.rs.",
        "type": "object",
        "additionalProperties": false,
        "definitions": {"severity": severity},
        "properties": {
            "rules": {"type": "object", "additionalProperties": false, "properties": props,
                      "description": "Per rule, by name or code: a severity, or a table with `severity` and the rule's parameters."},
            "limits": {"type": "object", "additionalProperties": false, "properties": {
                "max-file-size": {"type": "integer", "minimum": 1, "default": 16_777_216,
                                  "description": "The largest file read, in bytes."},
                "max-elements": {"type": "integer", "minimum": 1, "default": 200_000,
                                 "description": "The most elements (parties, seats, steps, …) in one agreement."},
            }},
        },
    })
}

#[test]
fn pakt_toml_schema_is_current() {
    let schema = schema_from_rules();
    current(SCHEMA, &(serde_json::to_string_pretty(&schema).unwrap() + "\n"));
}

/// Every example configuration: the ```toml blocks of README.md and the
/// doc comment of src/config.rs, the `[rules] …` examples of the rule
/// pages, and the valid configurations of the tests.
fn examples() -> Vec<(String, String)> {
    let mut out = Vec::new();
    let blocks = |name: &str, text: &str, prefix: &str, out: &mut Vec<(String, String)>| {
        let mut inside: Option<String> = None;
        for line in text.lines() {
            let line = line.strip_prefix(prefix).map(|l| l.strip_prefix(' ').unwrap_or(l)).unwrap_or(line);
            match &mut inside {
                None if line.trim_start() == "```toml" => inside = Some(String::new()),
                Some(block) if line.trim_start() == "```" => {
                    out.push((name.to_string(), std::mem::take(block)));
                    inside = None;
                }
                Some(block) => {
                    block.push_str(line);
                    block.push('\n');
                }
                None => {}
            }
        }
    };
    for (file, prefix) in [("README.md", ""), ("src/config.rs", "//!"), ("docs/ci.md", "")] {
        let text = std::fs::read_to_string(root().join(file)).expect(file);
        blocks(file, &text, prefix, &mut out);
    }
    let mut pages: Vec<PathBuf> = std::fs::read_dir(root().join("docs/rules"))
        .expect("docs/rules")
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    pages.sort();
    for page in pages {
        let text = std::fs::read_to_string(&page).expect("page");
        let text = text.replace('\n', " ");
        for (i, piece) in text.split("`[rules] ").skip(1).enumerate() {
            let setting = piece.split('`').next().unwrap_or("");
            out.push((format!("{}#{i}", page.display()), format!("[rules]\n{setting}\n")));
            // "…, or `meeting-rule = "off"`": the alternative is an example too.
            if let Some(alt) = piece.split("`, or `").nth(1).and_then(|a| a.split('`').next()) {
                out.push((format!("{} (or)", page.display()), format!("[rules]\n{alt}\n")));
            }
        }
    }
    for (i, t) in [
        "[rules]\nparity = \"warning\"\n",
        "[rules]\nterm = { severity = \"error\" }\n",
        "[rules]\nA001 = \"off\"\n",
        "[rules]\nmeeting-rule = { severity = \"warning\", min-per-year = 3 }\n",
        "[limits]\nmax-file-size = 20\n",
        "[limits]\nmax-elements = 5\n",
        "",
    ]
    .iter()
    .enumerate()
    {
        out.push((format!("tests #{i}"), t.to_string()));
    }
    out
}

/// Configurations pakt rejects (tests/rules.rs): the schema rejects them too.
const INVALID: &[&str] = &[
    "[rules]\nparity = \"warning\"\n[limit]\nx = 1\n",
    "[rules]\nparty = \"off\"\n",
    "[rules]\nparity = { severity = \"warning\", min = 2 }\n",
    "[rules]\nparity = \"fatal\"\n",
    "[rules]\nmeeting-rule = { min-per-year = -1 }\n",
    "[limits]\nmax-elements = 0\n",
];

/// The schema errors of each instance, or `None` when python3 or its
/// jsonschema package is missing (skipped, or a failure in CI).
fn validate(instances: &[Value]) -> Option<Vec<Vec<String>>> {
    let instances: Vec<&Value> = instances.iter().collect();
    common::schema_errors("pakt.toml schema validation", SCHEMA, &instances)
}

fn to_json(toml_text: &str) -> Value {
    let value: toml::Value = toml::from_str(toml_text).unwrap_or_else(|e| panic!("{toml_text}: {e}"));
    serde_json::to_value(value).expect("json")
}

#[test]
fn every_example_config_validates_and_pakt_agrees() {
    let examples = examples();
    assert!(examples.len() >= 20, "found the examples: {examples:?}");
    for (name, text) in &examples {
        assert!(pakt::config::Config::parse(text).is_ok(), "{name}: pakt rejects its own example:\n{text}");
    }
    for text in INVALID {
        assert!(pakt::config::Config::parse(text).is_err(), "pakt accepts {text}");
    }
    let mut instances: Vec<Value> = examples.iter().map(|(_, t)| to_json(t)).collect();
    instances.extend(INVALID.iter().map(|t| to_json(t)));
    let Some(errors) = validate(&instances) else { return };
    for ((name, text), errors) in examples.iter().zip(&errors) {
        assert!(errors.is_empty(), "{name} does not validate:\n{text}\n{errors:?}");
    }
    for (text, errors) in INVALID.iter().zip(&errors[examples.len()..]) {
        assert!(!errors.is_empty(), "the schema accepts what pakt rejects:\n{text}");
    }
}

#[test]
fn bash_completions_complete_commands_and_flags() {
    let (code, script, _) = pakt(&["completions", "bash"]);
    assert_eq!(code, 0);
    for word in ["check", "explain", "--select", "--stdin-filename", "--format", "completions"] {
        assert!(script.contains(word), "completes {word}");
    }
    // The script is valid bash and completes `pakt ch` to `check`.
    let probe = format!(
        "{script}\nCOMP_WORDS=(pakt ch); COMP_CWORD=1; COMP_LINE='pakt ch'; COMP_POINT=7; _pakt pakt ch pakt; printf '%s\\n' \"${{COMPREPLY[@]}}\""
    );
    let out = Command::new("bash").args(["-c", &probe]).output();
    let Ok(out) = out else {
        common::skip("bash completions", "bash is not installed");
        return;
    };
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(stdout.trim(), "check", "{stdout}");
    for shell in ["zsh", "fish", "powershell", "elvish"] {
        let (code, script, _) = pakt(&["completions", shell]);
        assert_eq!(code, 0, "{shell}");
        assert!(script.contains("--select"), "{shell}");
    }
    let (code, _, err) = pakt(&["completions", "tcsh"]);
    assert_eq!(code, 2, "{err}");
}
