//! Findings in the formats people and machines read: human (miette),
//! json (pakt's own, see `docs/schema/check.schema.json`), SARIF 2.1.0,
//! GitHub workflow commands, GitLab Code Quality, GNU.
//!
//! In: checked files. Out: one string. Lines and columns are 1-based and
//! counted in characters. Allowed (suppressed) findings are left out of the
//! human, github, gitlab and gnu formats and kept, with the reason, in json
//! and SARIF.

use crate::check::FileResult;
use crate::diagnostic::{self, Diagnostic, RenderOptions, Severity, BUILTIN};
use crate::rules::REGISTRY;
use crate::span::{LineIndex, Position, Span};
use serde_json::{json, Value};
use std::fmt::Write as _;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Human,
    Json,
    Sarif,
    Github,
    Gitlab,
    Gnu,
}

#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    pub color: bool,
    pub quiet: bool,
    pub verbose: bool,
}

/// Where the rule documentation lives, for SARIF `helpUri`. Set
/// `PAKT_DOCS_URL` to your repository's `docs/rules/` folder.
pub fn docs_base() -> String {
    std::env::var("PAKT_DOCS_URL")
        .unwrap_or_else(|_| "https://github.com/pakt-lang/pakt/blob/main/docs/rules/".to_string())
}

pub fn format(format: Format, results: &[FileResult], options: &Options) -> String {
    match format {
        Format::Human => human(results, options),
        Format::Json => pretty(&json_report(results)),
        Format::Sarif => pretty(&sarif(results)),
        Format::Github => github(results),
        Format::Gitlab => pretty(&gitlab(results)),
        Format::Gnu => gnu(results),
    }
}

fn pretty(v: &Value) -> String {
    let mut s = serde_json::to_string_pretty(v).unwrap_or_else(|_| "{}".to_string());
    s.push('\n');
    s
}

/// Positions of a span's start and end.
struct Located {
    start: Position,
    end: Position,
}

fn locate(idx: &LineIndex, text: &str, span: Span) -> Located {
    Located { start: idx.position(text, span.start), end: idx.position(text, span.end) }
}

fn shown(results: &[FileResult]) -> impl Iterator<Item = (&FileResult, &Diagnostic)> {
    results.iter().flat_map(|r| r.diagnostics.iter().filter(|d| d.suppressed.is_none()).map(move |d| (r, d)))
}

// ------------------------------------------------------------ human

pub fn summary(results: &[FileResult]) -> String {
    let errors: usize = results.iter().map(|r| r.count(Severity::Error)).sum();
    let warnings: usize = results.iter().map(|r| r.count(Severity::Warning)).sum();
    let allowed: usize = results.iter().map(|r| r.diagnostics.iter().filter(|d| d.suppressed.is_some()).count()).sum();
    let files = results.len();
    let plural = |n: usize, one: &str, many: &str| if n == 1 { format!("{n} {one}") } else { format!("{n} {many}") };
    let mut s = format!(
        "{} checked, {}, {}",
        plural(files, "file", "files"),
        plural(errors, "error", "errors"),
        plural(warnings, "warning", "warnings")
    );
    if allowed > 0 {
        let _ = write!(s, " ({allowed} allowed in the agreements)");
    }
    s
}

fn human(results: &[FileResult], options: &Options) -> String {
    let render = RenderOptions { color: options.color, ..RenderOptions::default() };
    let mut out = String::new();
    for r in results {
        let path = r.display_path();
        let visible: Vec<&Diagnostic> = r.diagnostics.iter().filter(|d| d.suppressed.is_none()).collect();
        if options.verbose {
            let status = match (r.count(Severity::Error), r.count(Severity::Warning)) {
                (0, 0) => "ok".to_string(),
                (e, w) => format!("{e} error(s), {w} warning(s)"),
            };
            let _ = writeln!(out, "{path}: {status}");
        }
        for d in visible {
            out.push_str(&diagnostic::render(d, &path, &r.text, render));
            out.push('\n');
        }
    }
    if !options.quiet {
        out.push_str(&summary(results));
        out.push('\n');
    }
    out
}

// ------------------------------------------------------------ json

fn position_json(idx: &LineIndex, text: &str, span: Span) -> Value {
    let l = locate(idx, text, span);
    json!({
        "line": l.start.line, "column": l.start.column,
        "end_line": l.end.line, "end_column": l.end.column,
        "start_byte": span.start, "end_byte": span.end,
    })
}

/// pakt's own JSON report. Documented in `docs/schema/check.schema.json`.
pub fn json_report(results: &[FileResult]) -> Value {
    let mut diags = Vec::new();
    for r in results {
        let idx = LineIndex::new(&r.text);
        for d in &r.diagnostics {
            let mut v = position_json(&idx, &r.text, d.primary.span);
            if let Value::Object(map) = &mut v {
                map.insert("file".into(), json!(r.display_path()));
                map.insert("code".into(), json!(d.code));
                map.insert("rule".into(), json!(d.name));
                map.insert("severity".into(), json!(d.severity));
                map.insert("message".into(), json!(d.message));
                map.insert("label".into(), json!(d.primary.message));
                map.insert("help".into(), json!(d.help));
                let labels: Vec<Value> = d
                    .secondary
                    .iter()
                    .map(|l| {
                        let mut p = position_json(&idx, &r.text, l.span);
                        if let Value::Object(m) = &mut p {
                            m.insert("message".into(), json!(l.message));
                        }
                        p
                    })
                    .collect();
                map.insert("labels".into(), json!(labels));
                let related: Vec<Value> = d
                    .related
                    .iter()
                    .map(|rel| json!({"file": rel.path, "start_byte": rel.span.start, "end_byte": rel.span.end, "message": rel.message}))
                    .collect();
                map.insert("related".into(), json!(related));
                map.insert(
                    "suppressed".into(),
                    d.suppressed.as_ref().map_or(Value::Null, |reason| json!({"reason": reason})),
                );
            }
            diags.push(v);
        }
    }
    let files: Vec<Value> = results
        .iter()
        .map(|r| json!({"file": r.display_path(), "errors": r.count(Severity::Error), "warnings": r.count(Severity::Warning)}))
        .collect();
    json!({
        "version": 1,
        "summary": {
            "files": results.len(),
            "errors": results.iter().map(|r| r.count(Severity::Error)).sum::<usize>(),
            "warnings": results.iter().map(|r| r.count(Severity::Warning)).sum::<usize>(),
            "suppressed": results.iter().map(|r| r.diagnostics.iter().filter(|d| d.suppressed.is_some()).count()).sum::<usize>(),
        },
        "files": files,
        "diagnostics": diags,
    })
}

// ------------------------------------------------------------ SARIF

/// Every code pakt can report, as SARIF reporting descriptors.
fn sarif_rules() -> Vec<Value> {
    let base = docs_base();
    let mut v: Vec<Value> = BUILTIN
        .iter()
        .map(|(code, name, summary)| {
            json!({
                "id": code, "name": name,
                "shortDescription": {"text": summary},
                "fullDescription": {"text": summary},
                "helpUri": format!("{}../language.md", base),
                "defaultConfiguration": {"level": "error"},
            })
        })
        .collect();
    v.extend(REGISTRY.iter().map(|r| {
        json!({
            "id": r.code, "name": r.name,
            "shortDescription": {"text": r.summary},
            "fullDescription": {"text": first_paragraph(r.explanation)},
            "help": {"text": r.explanation, "markdown": r.explanation},
            "helpUri": format!("{base}{}-{}.md", r.code, r.name),
            "defaultConfiguration": {"level": level(r.severity)},
        })
    }));
    v
}

/// The first paragraph after the "What it checks" heading.
fn first_paragraph(explanation: &str) -> String {
    explanation
        .split("\n\n")
        .map(str::trim)
        .find(|p| !p.is_empty() && !p.starts_with('#'))
        .unwrap_or("")
        .replace('\n', " ")
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

fn region(idx: &LineIndex, text: &str, span: Span) -> Value {
    let l = locate(idx, text, span);
    json!({"startLine": l.start.line, "startColumn": l.start.column, "endLine": l.end.line, "endColumn": l.end.column})
}

/// A relative path as a URI reference: forward slashes, spaces escaped.
fn uri(path: &str) -> String {
    path.replace('\\', "/").replace(' ', "%20")
}

pub fn sarif(results: &[FileResult]) -> Value {
    let rules = sarif_rules();
    let index_of = |code: &str| rules.iter().position(|r| r.get("id").and_then(Value::as_str) == Some(code));
    let mut out = Vec::new();
    for r in results {
        let idx = LineIndex::new(&r.text);
        let file = uri(&r.display_path());
        for d in &r.diagnostics {
            let mut result = json!({
                "ruleId": d.code,
                "level": level(d.severity),
                "message": {"text": match &d.help { Some(h) => format!("{}\nhelp: {h}", d.message), None => d.message.clone() }},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": file}, "region": region(&idx, &r.text, d.primary.span)}}],
            });
            if let Value::Object(map) = &mut result {
                if let Some(i) = index_of(d.code) {
                    map.insert("ruleIndex".into(), json!(i));
                }
                let related: Vec<Value> = d
                    .secondary
                    .iter()
                    .enumerate()
                    .map(|(i, l)| {
                        json!({"id": i, "message": {"text": l.message},
                               "physicalLocation": {"artifactLocation": {"uri": file}, "region": region(&idx, &r.text, l.span)}})
                    })
                    .collect();
                if !related.is_empty() {
                    map.insert("relatedLocations".into(), json!(related));
                }
                if let Some(reason) = &d.suppressed {
                    map.insert("suppressions".into(), json!([{"kind": "inSource", "justification": reason}]));
                }
            }
            out.push(result);
        }
    }
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "pakt",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": docs_base().trim_end_matches("docs/rules/").to_string(),
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "results": out,
        }],
    })
}

// ------------------------------------------------------------ GitHub

fn gh_escape_data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

fn gh_escape_property(s: &str) -> String {
    gh_escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

fn github(results: &[FileResult]) -> String {
    let mut out = String::new();
    let mut last_path = None;
    let mut idx = LineIndex::new("");
    for (r, d) in shown(results) {
        if last_path != Some(r.display_path()) {
            idx = LineIndex::new(&r.text);
            last_path = Some(r.display_path());
        }
        let l = locate(&idx, &r.text, d.primary.span);
        let message = match &d.help {
            Some(h) => format!("{}\nhelp: {h}", d.message),
            None => d.message.clone(),
        };
        let _ = writeln!(
            out,
            "::{} file={},line={},col={},endLine={},endColumn={},title={}::{}",
            level(d.severity),
            gh_escape_property(&r.display_path()),
            l.start.line,
            l.start.column,
            l.end.line,
            l.end.column,
            gh_escape_property(&format!("{} ({})", d.code, d.name)),
            gh_escape_data(&message)
        );
    }
    out
}

// ------------------------------------------------------------ GitLab

/// FNV-1a, 64 bit: a hash that is the same on every machine and run.
fn fnv1a(seed: u64, data: &[u8]) -> u64 {
    let mut h = seed;
    for b in data {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// A fingerprint that survives edits elsewhere in the file: path, code,
/// message and the n-th occurrence of that triple — not the line.
fn fingerprint(path: &str, code: &str, message: &str, occurrence: usize) -> String {
    let data = format!("{path}\0{code}\0{message}\0{occurrence}");
    format!(
        "{:016x}{:016x}",
        fnv1a(0xcbf2_9ce4_8422_2325, data.as_bytes()),
        fnv1a(0x8422_2325_cbf2_9ce4, data.as_bytes())
    )
}

pub fn gitlab(results: &[FileResult]) -> Value {
    let mut seen: std::collections::BTreeMap<(String, &str, &str), usize> = std::collections::BTreeMap::new();
    let mut out = Vec::new();
    for (r, d) in shown(results) {
        let idx = LineIndex::new(&r.text);
        let path = r.display_path();
        let n = seen.entry((path.clone(), d.code, d.message.as_str())).or_insert(0);
        *n += 1;
        let l = locate(&idx, &r.text, d.primary.span);
        out.push(json!({
            "description": format!("{} [{}]", d.message, d.code),
            "check_name": format!("{}({})", d.code, d.name),
            "fingerprint": fingerprint(&path, d.code, &d.message, *n),
            "severity": match d.severity { Severity::Error => "major", Severity::Warning => "minor" },
            "location": {"path": path, "lines": {"begin": l.start.line, "end": l.end.line}},
        }));
    }
    Value::Array(out)
}

// ------------------------------------------------------------ GNU

fn gnu(results: &[FileResult]) -> String {
    let mut out = String::new();
    for (r, d) in shown(results) {
        let idx = LineIndex::new(&r.text);
        let l = locate(&idx, &r.text, d.primary.span);
        let _ = writeln!(
            out,
            "{}:{}:{}: {}: {} [{}]",
            r.display_path(),
            l.start.line,
            l.start.column,
            d.severity,
            d.message,
            d.code
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprints_are_stable_and_distinct() {
        let a = fingerprint("a.pakt", "A001", "m", 1);
        assert_eq!(a, fingerprint("a.pakt", "A001", "m", 1));
        assert_ne!(a, fingerprint("a.pakt", "A001", "m", 2));
        assert_eq!(a.len(), 32);
    }

    #[test]
    fn github_escapes() {
        assert_eq!(gh_escape_property("a:b,c%\n"), "a%3Ab%2Cc%25%0A");
        assert_eq!(gh_escape_data("50% done\n"), "50%25 done%0A");
    }
}
