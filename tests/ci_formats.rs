//! pakt in CI: every output format of `pakt check` on one fixture set with
//! findings in several files (`tests/fixtures/ci`), run through the binary
//! from the crate root as a pipeline would.
//!
//! - snapshots of human, json, sarif, github, gitlab and gnu output;
//! - lines and columns are 1-based and counted in characters, checked on
//!   lines where umlauts and „German quotes“ stand before the finding;
//! - the SARIF output validates against the official SARIF 2.1.0 schema
//!   (`tests/schema/sarif-2.1.0.json`), the JSON output against pakt's own
//!   schema (`docs/schema/check.schema.json`), both with Python's
//!   `jsonschema` package (skipped with a message when it is missing,
//!   unless PAKT_REQUIRE_TOOLS is set);
//! - GitLab fingerprints are unique and stable; `PAKT_FORMAT`,
//!   `--deny-warnings`, `--quiet` and the summary line;
//! - the commands of the ready recipes (`.github/workflows/pakt.yml`,
//!   `docs/ci/gitlab-ci.yml`) run as written.
//!
//! `tests/schema/sarif-2.1.0.json` is the OASIS SARIF 2.1.0 schema
//! (`Schemata/sarif-schema-2.1.0.json` of github.com/oasis-tcs/sarif-spec,
//! draft-07, `$id` …/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json)
//! exactly as shipped in the crates.io package `serde-sarif` 0.8.0 as
//! `src/schema.json` (sha256 af47e7b6…5895cea). See docs/ci.md.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use serde_json::Value;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

mod common;

/// The fixture folder, relative to the crate root (the tests' working
/// directory), so that paths in the output are stable.
const FIXTURES: &str = "tests/fixtures/ci";

/// The summary line of the whole fixture folder.
const SUMMARY: &str = "4 files checked, 5 errors, 4 warnings (1 allowed in the agreements)";

/// A docs URL without the trailing slash, to show that pakt adds it.
const DOCS_URL: &str = "https://example.org/pakt/blob/v0/docs/rules";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Run the pakt binary from the crate root with a clean environment for
/// the variables pakt reads.
fn pakt_with_env(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_pakt"));
    cmd.current_dir(root()).args(args).env_remove("PAKT_FORMAT").env_remove("PAKT_DOCS_URL").env("NO_COLOR", "1");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("pakt runs")
}

fn pakt(args: &[&str]) -> Output {
    pakt_with_env(args, &[])
}

fn text(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

fn code(o: &Output) -> i32 {
    o.status.code().expect("exit code")
}

/// `pakt check --format FORMAT tests/fixtures/ci`: exit code and stdout.
fn check(format: &str) -> (i32, String) {
    let o = pakt_with_env(&["check", "--format", format, FIXTURES], &[("PAKT_DOCS_URL", DOCS_URL)]);
    assert!(o.stderr.is_empty(), "{format}: stderr: {}", String::from_utf8_lossy(&o.stderr));
    (code(&o), text(&o))
}

fn check_json(format: &str) -> Value {
    let (exit, out) = check(format);
    assert_eq!(exit, 1, "the fixture folder has errors");
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("{format} output is not JSON: {e}\n{out}"))
}

// ------------------------------------------------------------ schemas

/// The schema errors of each instance; `None` when skipped (no jsonschema).
fn schema_errors(schema: &str, instances: &[&Value]) -> Option<Vec<Vec<String>>> {
    common::schema_errors(&format!("validation against {schema}"), schema, instances)
}

/// Validate one instance; `None` when skipped.
fn schema_errors_of(schema: &str, instance: &Value) -> Option<Vec<String>> {
    schema_errors(schema, &[instance]).map(|mut all| all.remove(0))
}

const SARIF_SCHEMA: &str = "tests/schema/sarif-2.1.0.json";
const JSON_SCHEMA: &str = "docs/schema/check.schema.json";

// ------------------------------------------------------------ snapshots

/// The SARIF log with what other files decide replaced: the rules' long
/// help (the Markdown of docs/rules/) and pakt's version.
fn sarif_for_snapshot(mut v: Value) -> Value {
    let driver = &mut v["runs"][0]["tool"]["driver"];
    driver["version"] = Value::from("[version]");
    if let Some(rules) = driver["rules"].as_array_mut() {
        for rule in rules {
            if rule.get("help").is_some() {
                let page =
                    format!("[docs/rules/{}-{}.md]", rule["id"].as_str().unwrap(), rule["name"].as_str().unwrap());
                rule["help"] = serde_json::json!({"text": page, "markdown": page});
                rule["fullDescription"]["text"] =
                    Value::from(format!("[first paragraph of {}]", &page[1..page.len() - 1]));
            }
        }
    }
    v
}

#[test]
fn snapshot_every_format() {
    for format in ["human", "json", "sarif", "github", "gitlab", "gnu"] {
        let (exit, out) = check(format);
        assert_eq!(exit, 1, "{format}: the fixture folder has errors");
        let shown = if format == "sarif" {
            let v = sarif_for_snapshot(serde_json::from_str(&out).expect("SARIF is JSON"));
            serde_json::to_string_pretty(&v).expect("serialize") + "\n"
        } else {
            out
        };
        insta::assert_snapshot!(format!("ci-{format}"), shown);
    }
}

// ------------------------------------------------------------ positions

/// A place in a fixture: the line (1-based) and the character column
/// (1-based) where `needle` starts on the first line containing `marker`.
#[derive(Debug, Clone, Copy)]
struct At {
    line: usize,
    column: usize,
    end_column: usize,
}

fn locate(file: &str, marker: &str, needle: &str) -> (At, usize) {
    let source = std::fs::read_to_string(root().join(FIXTURES).join(file)).expect("fixture");
    let (i, line) = source.lines().enumerate().find(|(_, l)| l.contains(marker)).expect("marker line");
    let byte = line.find(needle).expect("needle on the marker line");
    let column = line[..byte].chars().count() + 1;
    let at = At { line: i + 1, column, end_column: column + needle.chars().count() };
    (at, byte + 1)
}

/// Check that one finding is reported at `at` in every format.
fn assert_everywhere(code: &str, file: &str, at: At) {
    let path = format!("{FIXTURES}/{file}");

    let (_, gnu) = check("gnu");
    let want = format!("{path}:{}:{}: ", at.line, at.column);
    assert!(
        gnu.lines().any(|l| l.starts_with(&want) && l.ends_with(&format!("[{code}]"))),
        "gnu: {want}…[{code}]\n{gnu}"
    );

    let (_, github) = check("github");
    let want = format!(
        "file={path},line={},col={},endLine={},endColumn={},title={code} ",
        at.line, at.column, at.line, at.end_column
    );
    assert!(github.lines().any(|l| l.contains(&want)), "github: {want}\n{github}");

    let (_, human) = check("human");
    let want = format!("╭─[{path}:{}:{}]", at.line, at.column);
    assert!(human.contains(&want), "human: {want}\n{human}");

    let json = check_json("json");
    let d = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == code && d["file"] == path.as_str())
        .unwrap_or_else(|| panic!("json: no {code} in {path}"));
    assert_eq!(
        (&d["line"], &d["column"], &d["end_line"], &d["end_column"]),
        (&Value::from(at.line), &Value::from(at.column), &Value::from(at.line), &Value::from(at.end_column)),
        "json: {d:#}"
    );

    let sarif = check_json("sarif");
    let r = sarif["runs"][0]["results"].as_array().unwrap().iter().find(|r| r["ruleId"] == code).expect("sarif result");
    let loc = &r["locations"][0]["physicalLocation"];
    assert_eq!(loc["artifactLocation"]["uri"], path.as_str());
    let region = &loc["region"];
    assert_eq!(
        (&region["startLine"], &region["startColumn"], &region["endLine"], &region["endColumn"]),
        (&Value::from(at.line), &Value::from(at.column), &Value::from(at.line), &Value::from(at.end_column)),
        "sarif: {region:#}"
    );

    let gitlab = check_json("gitlab");
    let issue = gitlab
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["check_name"].as_str().unwrap().starts_with(code))
        .expect("gitlab issue");
    assert_eq!(issue["location"]["path"], path.as_str());
    assert_eq!(issue["location"]["lines"]["begin"], at.line);
}

#[test]
fn columns_count_characters_after_umlauts_and_german_quotes() {
    // A rule finding: `parity` after „Kommunales E-Government“ für Bürgerdienste.
    let (at, byte_column) = locate("beirat.pakt", "\" { parity", "parity");
    assert_eq!((at.line, at.column), (13, 68), "the fixture line moved");
    assert_ne!(at.column, byte_column, "the line must have multi-byte characters before the finding");
    assert_eq!(byte_column, 74);
    assert_everywhere("A001", "beirat.pakt", at);

    // A reference error: `städtetag` after „Städtetags“ für Bürgerdienste.
    let (at, byte_column) = locate("verweise.pakt", "{ party städtetag }", "städtetag }");
    let at = At { end_column: at.column + "städtetag".chars().count(), ..at };
    assert_eq!((at.line, at.column), (15, 67), "the fixture line moved");
    assert_ne!(at.column, byte_column);
    assert_everywhere("R001", "verweise.pakt", at);
}

#[test]
fn lines_and_columns_are_one_based() {
    let json = check_json("json");
    for d in json["diagnostics"].as_array().unwrap() {
        for key in ["line", "column", "end_line", "end_column"] {
            assert!(d[key].as_u64().unwrap() >= 1, "{key} in {d:#}");
        }
    }
    // A finding after two spaces of indentation is in column 3.
    let (at, _) = locate("foerderung.pakt", "up_to EUR 30 million", "up_to EUR 30 million");
    assert_eq!((at.line, at.column), (18, 3));
    assert_everywhere("A008", "foerderung.pakt", at);
}

// ------------------------------------------------------------ json

#[test]
fn json_report_counts_and_reasons() {
    let json = check_json("json");
    assert_eq!(json["version"], 1);
    assert_eq!(json["summary"], serde_json::json!({"files": 4, "errors": 5, "warnings": 4, "suppressed": 1}));

    let files: Vec<&str> = json["files"].as_array().unwrap().iter().map(|f| f["file"].as_str().unwrap()).collect();
    let want: Vec<String> =
        ["beirat", "foerderung", "nur-warnungen", "verweise"].iter().map(|f| format!("{FIXTURES}/{f}.pakt")).collect();
    assert_eq!(files, want);
    let beirat = &json["files"][0];
    assert_eq!((&beirat["errors"], &beirat["warnings"], &beirat["suppressed"]), (&1.into(), &1.into(), &1.into()));

    let diags = json["diagnostics"].as_array().unwrap();
    assert_eq!(diags.len(), 10, "9 shown findings and 1 allowed one");
    let allowed: Vec<&Value> = diags.iter().filter(|d| !d["suppressed"].is_null()).collect();
    assert_eq!(allowed.len(), 1);
    assert_eq!(allowed[0]["code"], "A017");
    assert_eq!(allowed[0]["rule"], "term");
    assert_eq!(
        allowed[0]["suppressed"]["reason"],
        "Die Vereinbarung gilt unbefristet; eine Kündigungsklausel fehlt bewusst."
    );

    // A related location in another file carries that file's line and column.
    let a016 = diags.iter().find(|d| d["code"] == "A016").expect("A016");
    let related = &a016["related"][0];
    let (at, _) = locate("beirat.pakt", "date  2030-03-01", "2030-03-01");
    assert_eq!(related["file"], format!("{FIXTURES}/beirat.pakt").as_str());
    assert_eq!((&related["line"], &related["column"]), (&at.line.into(), &at.column.into()), "{related:#}");
}

#[test]
fn json_report_validates_against_its_schema() {
    let json = check_json("json");
    // The schema is strict enough to catch drift: these must be rejected.
    let mut column_zero = json.clone();
    column_zero["diagnostics"][0]["column"] = 0.into();
    let mut unknown_field = json.clone();
    unknown_field["diagnostics"][0]["unknown_field"] = true.into();
    let mut count_as_text = json.clone();
    count_as_text["summary"]["errors"] = "5".into();

    let Some(errors) = schema_errors(JSON_SCHEMA, &[&json, &column_zero, &unknown_field, &count_as_text]) else {
        return;
    };
    assert!(errors[0].is_empty(), "{JSON_SCHEMA} rejects the output:\n{}", errors[0].join("\n"));
    assert!(!errors[1].is_empty(), "column 0 must be rejected");
    assert!(!errors[2].is_empty(), "an undocumented field must be rejected");
    assert!(!errors[3].is_empty(), "a count must be a number");
}

// ------------------------------------------------------------ SARIF

#[test]
fn sarif_validates_against_the_official_schema() {
    let sarif = check_json("sarif");
    // Without PAKT_DOCS_URL (the default help links) too.
    let o = pakt(&["check", "--format", "sarif", FIXTURES]);
    let default: Value = serde_json::from_str(&text(&o)).expect("SARIF");
    // The validator does validate: broken logs are rejected.
    let mut line_zero = sarif.clone();
    line_zero["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0.into();
    let mut bad_level = sarif.clone();
    bad_level["runs"][0]["results"][0]["level"] = "fatal".into();
    let mut no_version = sarif.clone();
    no_version.as_object_mut().expect("object").remove("version");

    let Some(errors) = schema_errors(SARIF_SCHEMA, &[&sarif, &default, &line_zero, &bad_level, &no_version]) else {
        return;
    };
    assert!(errors[0].is_empty(), "the SARIF 2.1.0 schema rejects the output:\n{}", errors[0].join("\n"));
    assert!(errors[1].is_empty(), "with the default docs URL:\n{}", errors[1].join("\n"));
    assert!(!errors[2].is_empty(), "startLine 0 must be rejected");
    assert!(!errors[3].is_empty(), "an unknown level must be rejected");
    assert!(!errors[4].is_empty(), "a log without version must be rejected");
}

/// With a configuration that turns rules off, JSON names it in `config`
/// and SARIF in `invocations`; both still validate.
#[test]
fn the_configuration_in_effect_validates_in_json_and_sarif() {
    let dir = std::env::temp_dir().join(format!("pakt-ci-config-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let toml = dir.join("pakt.toml");
    std::fs::write(&toml, "[rules]\nbudget-reservation = \"off\"\n").expect("write");
    let toml = toml.display().to_string();
    let run = |format: &str| -> Value {
        let o = pakt(&["check", "--format", format, "--config", &toml, "--ignore", "A013", FIXTURES]);
        serde_json::from_str(&text(&o)).expect(format)
    };
    let (json, sarif) = (run("json"), run("sarif"));
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(json["config"]["files"][0].as_str(), Some(toml.as_str()));
    assert_eq!(json["config"]["rules_off"], serde_json::json!(["budget-reservation", "unbound-party"]));
    let invocation = &sarif["runs"][0]["invocations"][0];
    assert_eq!(invocation["properties"]["configFiles"][0].as_str(), Some(toml.as_str()));
    let off: Vec<&str> = invocation["toolConfigurationNotifications"]
        .as_array()
        .expect("notifications")
        .iter()
        .map(|n| n["descriptor"]["id"].as_str().expect("id"))
        .collect();
    assert_eq!(off, ["A009", "A013"]);
    if let Some(errors) = schema_errors_of(JSON_SCHEMA, &json) {
        assert!(errors.is_empty(), "{}", errors.join("\n"));
    }
    if let Some(errors) = schema_errors_of(SARIF_SCHEMA, &sarif) {
        assert!(errors.is_empty(), "{}", errors.join("\n"));
    }
}

#[test]
fn sarif_has_rules_results_and_suppressions() {
    let sarif = check_json("sarif");
    assert_eq!(sarif["version"], "2.1.0");
    let runs = sarif["runs"].as_array().unwrap();
    assert_eq!(runs.len(), 1, "one run");
    let run = &runs[0];
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "pakt");
    assert_eq!(driver["informationUri"], "https://example.org/pakt/blob/v0/README.md");

    let rules = driver["rules"].as_array().unwrap();
    let ids: BTreeSet<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), rules.len(), "rule ids are unique");
    for rule in rules {
        assert!(!rule["shortDescription"]["text"].as_str().unwrap().is_empty(), "{rule:#}");
        assert!(!rule["fullDescription"]["text"].as_str().unwrap().is_empty(), "{rule:#}");
        assert!(rule["helpUri"].as_str().unwrap().starts_with("https://example.org/pakt/blob/v0/docs/"), "{rule:#}");
    }
    let parity = rules.iter().find(|r| r["id"] == "A001").expect("A001 is described");
    assert_eq!(parity["helpUri"], format!("{DOCS_URL}/A001-parity.md").as_str());
    let explain = text(&pakt(&["explain", "A001"]));
    assert!(explain.contains(parity["help"]["markdown"].as_str().unwrap()), "the help is the explanation");

    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), 10, "allowed findings are kept, with a suppression");
    for r in results {
        let i = r["ruleIndex"].as_u64().expect("ruleIndex") as usize;
        assert_eq!(rules[i]["id"], r["ruleId"], "ruleIndex points at the rule");
        assert!(matches!(r["level"].as_str(), Some("error" | "warning")));
    }
    let suppressed: Vec<&Value> = results.iter().filter(|r| r.get("suppressions").is_some()).collect();
    assert_eq!(suppressed.len(), 1);
    assert_eq!(suppressed[0]["ruleId"], "A017");
    assert_eq!(suppressed[0]["suppressions"][0]["kind"], "inSource");
    assert!(suppressed[0]["suppressions"][0]["justification"].as_str().unwrap().contains("Kündigungsklausel"));

    // The location in the superseded agreement is a related location there.
    let a016 = results.iter().find(|r| r["ruleId"] == "A016").expect("A016");
    let uris: Vec<&str> = a016["relatedLocations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["physicalLocation"]["artifactLocation"]["uri"].as_str().unwrap())
        .collect();
    assert_eq!(uris, [format!("{FIXTURES}/foerderung.pakt"), format!("{FIXTURES}/beirat.pakt")]);
}

// ------------------------------------------------------------ GitLab

fn fingerprints(gitlab: &Value) -> Vec<String> {
    gitlab.as_array().unwrap().iter().map(|i| i["fingerprint"].as_str().unwrap().to_string()).collect()
}

#[test]
fn gitlab_issues_have_unique_stable_fingerprints() {
    let first = check_json("gitlab");
    let issues = first.as_array().unwrap();
    assert_eq!(issues.len(), 9, "allowed findings are left out");
    for i in issues {
        assert!(!i["description"].as_str().unwrap().is_empty());
        assert!(!i["check_name"].as_str().unwrap().is_empty());
        assert!(matches!(i["severity"].as_str(), Some("info" | "minor" | "major" | "critical" | "blocker")));
        assert!(i["location"]["path"].as_str().unwrap().starts_with(FIXTURES));
        assert!(i["location"]["lines"]["begin"].as_u64().unwrap() >= 1);
    }
    let prints = fingerprints(&first);
    let unique: BTreeSet<&String> = prints.iter().collect();
    assert_eq!(unique.len(), prints.len(), "fingerprints are unique: {prints:?}");
    assert_eq!(prints, fingerprints(&check_json("gitlab")), "fingerprints are the same in a second run");
}

#[test]
fn gitlab_fingerprints_survive_edits_elsewhere_in_the_file() {
    // The same fixtures with a comment line added on top of each file: every
    // finding moves one line down, its fingerprint stays.
    let dir = std::env::temp_dir().join(format!("pakt-ci-fingerprints-{}", std::process::id()));
    let copy = dir.join(FIXTURES);
    std::fs::create_dir_all(&copy).expect("temp dir");
    for entry in std::fs::read_dir(root().join(FIXTURES)).expect("fixtures") {
        let path: PathBuf = entry.expect("entry").path();
        let source = std::fs::read_to_string(&path).expect("fixture");
        std::fs::write(copy.join(path.file_name().expect("name")), format!("// moved down\n{source}")).expect("write");
    }
    let o = Command::new(env!("CARGO_BIN_EXE_pakt"))
        .current_dir(&dir)
        .args(["check", "--format", "gitlab", FIXTURES])
        .env_remove("PAKT_FORMAT")
        .output()
        .expect("pakt runs");
    let _ = std::fs::remove_dir_all(&dir);
    let moved: Value = serde_json::from_str(&text(&o)).expect("gitlab JSON");
    let original = check_json("gitlab");
    assert_eq!(fingerprints(&moved), fingerprints(&original));
    let begin = |v: &Value| v[0]["location"]["lines"]["begin"].as_u64().unwrap();
    assert_eq!(begin(&moved), begin(&original) + 1, "the lines did move");
}

// ------------------------------------------------------------ options

#[test]
fn pakt_format_selects_the_format() {
    let flag = pakt(&["check", "--format", "gnu", FIXTURES]);
    let env = pakt_with_env(&["check", FIXTURES], &[("PAKT_FORMAT", "gnu")]);
    assert_eq!(code(&env), 1);
    assert_eq!(text(&env), text(&flag));
    assert!(text(&env).starts_with(&format!("{FIXTURES}/beirat.pakt:13:68: error: ")), "{}", text(&env));

    // The flag wins over the variable.
    let both = pakt_with_env(&["check", "--format", "json", FIXTURES], &[("PAKT_FORMAT", "gnu")]);
    assert!(serde_json::from_str::<Value>(&text(&both)).is_ok());

    // An unknown format is a usage error.
    let bad = pakt_with_env(&["check", FIXTURES], &[("PAKT_FORMAT", "xml")]);
    assert_eq!(code(&bad), 2);
}

#[test]
fn deny_warnings_fails_on_warnings_only() {
    let only_warnings = format!("{FIXTURES}/nur-warnungen.pakt");
    let plain = pakt(&["check", &only_warnings]);
    assert_eq!(code(&plain), 0, "warnings alone pass");
    assert_eq!(text(&plain).lines().last(), Some("1 file checked, 0 errors, 2 warnings"));

    let denied = pakt(&["check", "--deny-warnings", &only_warnings]);
    assert_eq!(code(&denied), 1, "--deny-warnings fails on warnings");
    assert_eq!(text(&denied), text(&plain), "the output is the same");

    for format in ["json", "sarif", "github", "gitlab", "gnu"] {
        assert_eq!(code(&pakt(&["check", "--format", format, &only_warnings])), 0, "{format}");
        assert_eq!(code(&pakt(&["check", "--format", format, "--deny-warnings", &only_warnings])), 1, "{format}");
    }
    // An allowed finding is no warning: beirat.pakt's allowed A017 does not
    // count, its A001 error does.
    assert_eq!(code(&pakt(&["check", &format!("{FIXTURES}/beirat.pakt")])), 1);
}

#[test]
fn summary_line_and_quiet() {
    let out = text(&pakt(&["check", FIXTURES]));
    assert_eq!(out.lines().last(), Some(SUMMARY));

    let two = text(&pakt(&["check", &format!("{FIXTURES}/beirat.pakt"), &format!("{FIXTURES}/nur-warnungen.pakt")]));
    assert_eq!(two.lines().last(), Some("2 files checked, 1 error, 3 warnings (1 allowed in the agreements)"));

    let quiet = text(&pakt(&["check", "--quiet", FIXTURES]));
    assert!(!quiet.contains("checked"), "--quiet drops the summary line:\n{quiet}");
    assert_eq!(quiet.trim_end(), out.trim_end().strip_suffix(SUMMARY).expect("summary at the end").trim_end());

    // Machine formats have no summary line to drop.
    for format in ["json", "sarif", "github", "gitlab", "gnu"] {
        let (_, normal) = check(format);
        let quiet = pakt_with_env(&["check", "--quiet", "--format", format, FIXTURES], &[("PAKT_DOCS_URL", DOCS_URL)]);
        assert_eq!(text(&quiet), normal, "{format}");
        assert!(!normal.contains("files checked"), "{format}");
    }
}

// ------------------------------------------------------------ recipes

/// The shell command of the `run:` key of the step with `id: STEP` in a
/// GitHub workflow (a single-line `run:`).
fn workflow_run(yaml: &str, step: &str) -> String {
    let lines: Vec<&str> = yaml.lines().collect();
    let at =
        lines.iter().position(|l| l.trim() == format!("id: {step}")).unwrap_or_else(|| panic!("no step id {step}"));
    // The step's keys: from its `- ` line to the next step.
    let start = lines[..=at].iter().rposition(|l| l.trim_start().starts_with("- ")).expect("step start");
    let end =
        lines[start + 1..].iter().position(|l| l.trim_start().starts_with("- ")).map_or(lines.len(), |i| start + 1 + i);
    let run = lines[start..end]
        .iter()
        .map(|l| l.trim_start().trim_start_matches("- "))
        .find_map(|l| l.strip_prefix("run: "))
        .unwrap_or_else(|| panic!("step {step} has no single-line run"));
    run.trim().to_string()
}

/// Run a recipe's shell line with the pakt under test first on PATH.
fn run_recipe(command: &str, cwd: &Path, paths: &str) -> Output {
    let bin = Path::new(env!("CARGO_BIN_EXE_pakt")).parent().expect("bin dir");
    let path = std::env::join_paths(
        std::iter::once(bin.to_path_buf()).chain(std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default())),
    )
    .expect("PATH");
    Command::new("sh")
        .arg("-c")
        .arg(command)
        .current_dir(cwd)
        .env("PATH", path)
        .env("PAKT_PATHS", paths)
        .env("PAKT_DOCS_URL", DOCS_URL)
        .env_remove("PAKT_FORMAT")
        .output()
        .expect("sh runs")
}

#[test]
fn github_recipe_runs_as_written() {
    let yaml = std::fs::read_to_string(root().join(".github/workflows/pakt.yml")).expect("workflow");
    let command = workflow_run(&yaml, "annotations");
    assert_eq!(command, "pakt check --format github $PAKT_PATHS");
    assert!(yaml.contains("PAKT_PATHS: agreements/"));
    assert!(yaml.contains("uses: github/codeql-action/upload-sarif@"));

    let o = run_recipe(&command, root(), FIXTURES);
    assert_eq!(code(&o), 1, "errors fail the step: {}", String::from_utf8_lossy(&o.stderr));
    let out = text(&o);
    let annotations: Vec<&str> = out.lines().collect();
    assert_eq!(annotations.len(), 9, "one annotation per finding, allowed ones left out:\n{out}");
    for a in &annotations {
        let (kind, rest) = a.strip_prefix("::").and_then(|s| s.split_once(' ')).expect("::KIND …");
        assert!(kind == "error" || kind == "warning", "{a}");
        let (props, message) = rest.split_once("::").expect("properties::message");
        let keys: Vec<&str> = props.split(',').map(|p| p.split_once('=').expect("key=value").0).collect();
        assert_eq!(keys, ["file", "line", "col", "endLine", "endColumn", "title"], "{a}");
        assert!(!message.is_empty() && !message.contains('\n'), "{a}");
    }
    let errors = annotations.iter().filter(|a| a.starts_with("::error ")).count();
    let warnings = annotations.iter().filter(|a| a.starts_with("::warning ")).count();
    assert_eq!((errors, warnings), (5, 4));
    assert!(annotations.contains(&"::error file=tests/fixtures/ci/beirat.pakt,line=13,col=68,endLine=13,endColumn=74,title=A001 (parity)::`beirat` is declared paritätisch but has 4 state and 3 municipal voting seats%0Ahelp: give both sides the same number of voting seats, or mark a seat without a vote `advisory`"), "{out}");
    assert!(out.contains("::error file=tests/fixtures/ci/verweise.pakt,line=15,col=67,endLine=15,endColumn=76,title=R001 (undefined-reference)::"), "{out}");
    assert!(!out.contains("A017"), "the allowed finding is not annotated");

    // The clean agreements pass the same command.
    let clean = run_recipe(&command, root(), "agreements/");
    assert_eq!(code(&clean), 0, "{}", text(&clean));
}

#[test]
fn github_sarif_step_tolerates_findings_and_writes_valid_sarif() {
    let yaml = std::fs::read_to_string(root().join(".github/workflows/pakt.yml")).expect("workflow");
    let line = yaml
        .lines()
        .filter_map(|l| l.trim().strip_prefix("run: "))
        .find(|l| l.contains("--format sarif"))
        .expect("the SARIF step");
    assert!(line.contains("> pakt.sarif"), "{line}");
    let dir = std::env::temp_dir().join(format!("pakt-ci-sarif-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let o = run_recipe(line, &dir, &root().join(FIXTURES).display().to_string());
    let written = std::fs::read_to_string(dir.join("pakt.sarif"));
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(code(&o), 0, "findings (exit 1) do not fail the step: {}", String::from_utf8_lossy(&o.stderr));
    let sarif: Value = serde_json::from_str(&written.expect("pakt.sarif")).expect("SARIF");
    if let Some(errors) = schema_errors_of(SARIF_SCHEMA, &sarif) {
        assert!(errors.is_empty(), "{}", errors.join("\n"));
    }
    assert_eq!(sarif["runs"][0]["results"].as_array().map(Vec::len), Some(10));

    // Exit code 2 (a usage error) still fails the step.
    let dir = std::env::temp_dir().join(format!("pakt-ci-sarif-missing-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let o = run_recipe(line, &dir, "no/such/folder");
    let _ = std::fs::remove_dir_all(&dir);
    assert_ne!(code(&o), 0);
}

#[test]
fn gitlab_recipe_publishes_the_code_quality_report() {
    let yaml = std::fs::read_to_string(root().join("docs/ci/gitlab-ci.yml")).expect("gitlab job");
    assert!(yaml.contains("reports:\n      codequality: gl-code-quality-report.json"), "{yaml}");
    let line = yaml
        .lines()
        .filter_map(|l| l.trim().strip_prefix("- "))
        .find(|l| l.contains("--format gitlab"))
        .expect("the report line");
    assert_eq!(line, "pakt check --format gitlab $PAKT_PATHS > gl-code-quality-report.json || test $? -eq 1");
    let dir = std::env::temp_dir().join(format!("pakt-ci-gitlab-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let o = run_recipe(line, &dir, &root().join(FIXTURES).display().to_string());
    let written = std::fs::read_to_string(dir.join("gl-code-quality-report.json"));
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(code(&o), 0, "{}", String::from_utf8_lossy(&o.stderr));
    let report: Value = serde_json::from_str(&written.expect("report")).expect("JSON");
    assert_eq!(report.as_array().map(Vec::len), Some(9));
}

#[test]
fn pre_commit_hook_is_defined() {
    let yaml = std::fs::read_to_string(root().join(".pre-commit-hooks.yaml")).expect("hooks");
    for want in ["- id: pakt-check", "entry: pakt check", "language: rust", "files: \\.pakt$"] {
        assert!(yaml.lines().any(|l| l.trim() == want), "missing `{want}`:\n{yaml}");
    }
    // pre-commit passes the staged files as arguments: the entry works on files.
    let o = pakt(&["check", &format!("{FIXTURES}/nur-warnungen.pakt"), &format!("{FIXTURES}/beirat.pakt")]);
    assert_eq!(code(&o), 1);
}
