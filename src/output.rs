//! Findings in the formats people and machines read: human (miette),
//! json (pakt's own, see `docs/schema/check.schema.json`), SARIF 2.1.0,
//! GitHub workflow commands, GitLab Code Quality, GNU.
//!
//! In: checked files. Out: one string. Lines and columns are 1-based and
//! counted in characters (Unicode scalar values), in every format. Allowed
//! (suppressed) findings are left out of the human, github, gitlab and gnu
//! formats and kept, with the reason, in json and SARIF.
//!
//! A finding may point into another file (the superseded agreement). Its
//! line and column are computed from that file's text: taken from the
//! checked files when it is one of them, else read again from disk; when it
//! cannot be read, only the byte offsets are given.

use crate::check::FileResult;
use crate::diagnostic::{self, Diagnostic, Related, RenderOptions, Severity, BUILTIN};
use crate::rules::REGISTRY;
use crate::span::{LineIndex, Position, Span};
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;
use std::fmt::Write as _;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// For people: `text` (`human` is the old name, still accepted).
    #[value(name = "text", alias = "human")]
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

/// The default of [`docs_base`].
const DEFAULT_DOCS_URL: &str = "https://github.com/pakt-lang/pakt/blob/main/docs/rules/";

/// Where the rule documentation lives, for SARIF `helpUri`: the URL of the
/// `docs/rules/` folder of pakt's repository, from `PAKT_DOCS_URL` (unset or
/// empty: the default). Always ends in `/`, so that `{base}A001-parity.md`
/// is the page of a rule.
pub fn docs_base() -> String {
    let mut base = std::env::var("PAKT_DOCS_URL")
        .ok()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| DEFAULT_DOCS_URL.to_string());
    if !base.ends_with('/') {
        base.push('/');
    }
    base
}

/// What a run was set up with, beyond the findings: the configuration
/// files read and the rules they turn off. Named in the summary line, the
/// JSON report and SARIF's `invocations`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RunInfo {
    /// The pakt.toml files read, as shown to people.
    pub configs: Vec<String>,
    /// Rules turned off by the configuration or the command line.
    pub off: Vec<&'static str>,
    /// The language of the summary line and notes.
    pub lang: crate::keywords::Lang,
}

impl RunInfo {
    /// Collect the configurations of a run's files.
    pub fn of(configs: &[crate::check::ConfigUse]) -> RunInfo {
        let cwd = std::env::current_dir().ok();
        let mut info = RunInfo::default();
        for c in configs {
            if let Some(p) = &c.path {
                let shown = cwd
                    .as_deref()
                    .and_then(|d| p.strip_prefix(d).ok())
                    .map_or_else(|| p.display().to_string(), |r| r.display().to_string());
                if !info.configs.contains(&shown) {
                    info.configs.push(shown);
                }
            }
            for off in &c.off {
                if !info.off.contains(off) {
                    info.off.push(off);
                }
            }
        }
        info.configs.sort();
        info.off.sort_by_key(|n| REGISTRY.iter().position(|r| r.name == *n));
        info
    }
}

pub fn format(format: Format, results: &[FileResult], options: &Options) -> String {
    format_run(format, results, options, &RunInfo::default())
}

/// Every finding of a run in one format, with what the run was set up with.
pub fn format_run(format: Format, results: &[FileResult], options: &Options, info: &RunInfo) -> String {
    // The CI formats carry the run's language too (a German reviewer reads
    // the annotations); human and JSON output localize on their own.
    let localized;
    let results = if info.lang == crate::keywords::Lang::En || matches!(format, Format::Human | Format::Json) {
        results
    } else {
        localized = crate::i18n_diag::localize_results(results, info.lang);
        &localized[..]
    };
    match format {
        Format::Human => human(results, options, info),
        Format::Json => pretty(&json_run(results, info)),
        Format::Sarif => pretty(&sarif_run(results, info)),
        Format::Github => github(results, info.lang),
        Format::Gitlab => pretty(&gitlab(results)),
        Format::Gnu => gnu(results),
    }
}

fn pretty(v: &Value) -> String {
    let mut s = serde_json::to_string_pretty(v).unwrap_or_else(|_| "{}".to_string());
    s.push('\n');
    s
}

/// Positions of a span's start and end (the end is the position just
/// after the last character, so `end_column` is exclusive).
struct Located {
    start: Position,
    end: Position,
}

/// One text with its line index.
struct Source<'a> {
    text: &'a str,
    idx: LineIndex,
}

impl<'a> Source<'a> {
    fn new(text: &'a str) -> Self {
        Source { text, idx: LineIndex::new(text) }
    }
    fn locate(&self, span: Span) -> Located {
        Located { start: self.idx.position(self.text, span.start), end: self.idx.position(self.text, span.end) }
    }
}

/// The texts of files that related locations point into.
struct Others<'a> {
    checked: &'a [FileResult],
    read: BTreeMap<String, Option<String>>,
}

impl<'a> Others<'a> {
    fn new(checked: &'a [FileResult]) -> Self {
        Others { checked, read: BTreeMap::new() }
    }

    /// The positions of a related location, if its file can be read.
    fn locate(&mut self, rel: &Related) -> Option<Located> {
        if let Some(r) = self.checked.iter().find(|r| r.display_path() == rel.path) {
            return Some(Source::new(&r.text).locate(rel.span));
        }
        let text = self.read.entry(rel.path.clone()).or_insert_with(|| std::fs::read_to_string(&rel.path).ok());
        text.as_deref().map(|t| Source::new(t).locate(rel.span))
    }
}

/// Every finding that is not allowed, file by file, with the file's text.
fn shown(results: &[FileResult]) -> impl Iterator<Item = (&FileResult, Source<'_>, Vec<&Diagnostic>)> {
    results.iter().filter_map(|r| {
        let visible: Vec<&Diagnostic> = r.diagnostics.iter().filter(|d| d.suppressed.is_none()).collect();
        (!visible.is_empty()).then(|| (r, Source::new(&r.text), visible))
    })
}

pub(crate) fn allowed(r: &FileResult) -> usize {
    r.diagnostics.iter().filter(|d| d.suppressed.is_some()).count()
}

// ------------------------------------------------------------ human

/// The summary line: "4 files checked, 0 errors, 2 warnings", and how many
/// findings the agreements allow, if any.
pub fn summary(results: &[FileResult]) -> String {
    let errors: usize = results.iter().map(|r| r.count(Severity::Error)).sum();
    let warnings: usize = results.iter().map(|r| r.count(Severity::Warning)).sum();
    let allowed: usize = results.iter().map(allowed).sum();
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

/// The summary line with the configuration in effect, when one was read.
pub fn summary_with(results: &[FileResult], info: &RunInfo) -> String {
    if info.lang != crate::keywords::Lang::En {
        return crate::i18n::summary(results, info);
    }
    let mut s = summary(results);
    if !info.configs.is_empty() {
        let _ = write!(s, " (config: {})", info.configs.join(", "));
    }
    s
}

/// The note on rules turned off (if any) and the summary line, each
/// ending in a newline.
pub fn summary_block(results: &[FileResult], info: &RunInfo) -> String {
    let mut out = String::new();
    if let Some(note) = off_note(info) {
        out.push_str(&note);
        out.push('\n');
    }
    out.push_str(&summary_with(results, info));
    out.push('\n');
    out
}

/// "note: rules turned off: …", or nothing.
fn off_note(info: &RunInfo) -> Option<String> {
    if info.off.is_empty() {
        return None;
    }
    if info.lang != crate::keywords::Lang::En {
        return Some(crate::i18n::off_note(info));
    }
    let named: Vec<String> = info
        .off
        .iter()
        .map(|n| match REGISTRY.iter().find(|r| r.name == *n) {
            Some(r) => format!("{} ({})", r.name, r.code),
            None => n.to_string(),
        })
        .collect();
    Some(format!("note: rules turned off by the configuration or the command line: {}", named.join(", ")))
}

/// Findings per rule, most frequent first (as `ruff --statistics`).
pub fn statistics(results: &[FileResult]) -> Vec<(&'static str, &'static str, Severity, usize)> {
    let mut counts: BTreeMap<(&'static str, &'static str, Severity), usize> = BTreeMap::new();
    for d in results.iter().flat_map(|r| &r.diagnostics).filter(|d| d.suppressed.is_none()) {
        *counts.entry((d.code, d.name, d.severity)).or_insert(0) += 1;
    }
    let mut v: Vec<_> = counts.into_iter().map(|((c, n, s), k)| (c, n, s, k)).collect();
    v.sort_by(|a, b| b.3.cmp(&a.3).then(a.0.cmp(b.0)));
    v
}

/// The statistics as a table for people or as JSON.
pub fn statistics_text(results: &[FileResult], json: bool) -> String {
    let stats = statistics(results);
    if json {
        let v: Vec<Value> = stats
            .iter()
            .map(|(code, name, severity, count)| json!({"code": code, "rule": name, "severity": severity, "count": count}))
            .collect();
        return pretty(&Value::Array(v));
    }
    let width = stats.iter().map(|s| s.3.to_string().len()).max().unwrap_or(1);
    let mut out = String::new();
    for (code, name, severity, count) in stats {
        let _ = writeln!(out, "{count:>width$}  {code}  {name:<26} {severity}");
    }
    out
}

fn human(results: &[FileResult], options: &Options, info: &RunInfo) -> String {
    let render = RenderOptions { color: options.color, ..RenderOptions::default() };
    let mut out = String::new();
    for r in results {
        let path = r.display_path();
        if options.verbose {
            let status = match (r.count(Severity::Error), r.count(Severity::Warning)) {
                (0, 0) => "ok".to_string(),
                (e, w) => format!("{e} error(s), {w} warning(s)"),
            };
            let _ = writeln!(out, "{}: {status}", crate::escape::inline(&path));
        }
        let renderer = diagnostic::Renderer::new(&path, &r.text);
        let file_lang = crate::i18n::text_lang(&r.text);
        for d in r.diagnostics.iter().filter(|d| d.suppressed.is_none()) {
            let d = &crate::i18n_diag::localize(d, info.lang, file_lang);
            let rendered = crate::i18n_diag::german_frame(renderer.render(d, render), info.lang);
            out.push_str(&rendered);
            out.push('\n');
        }
    }
    if !options.quiet {
        out.push_str(&summary_block(results, info));
    }
    crate::escape::no_workflow_commands(out)
}

// ------------------------------------------------------------ json

fn position_json(l: &Located, span: Span) -> Map<String, Value> {
    let mut m = Map::new();
    m.insert("line".into(), json!(l.start.line));
    m.insert("column".into(), json!(l.start.column));
    m.insert("end_line".into(), json!(l.end.line));
    m.insert("end_column".into(), json!(l.end.column));
    m.insert("start_byte".into(), json!(span.start));
    m.insert("end_byte".into(), json!(span.end));
    m
}

/// The JSON report with the configuration of the run (`config`), when a
/// pakt.toml was read or rules were turned off.
pub fn json_run(results: &[FileResult], info: &RunInfo) -> Value {
    let localized;
    let results = if info.lang == crate::keywords::Lang::En {
        results
    } else {
        localized = crate::i18n_diag::localize_results(results, info.lang);
        &localized[..]
    };
    let mut v = json_report(results);
    if info != &RunInfo::default() {
        if let Value::Object(m) = &mut v {
            m.insert("config".into(), json!({"files": info.configs, "rules_off": info.off}));
        }
    }
    v
}

/// pakt's own JSON report. Documented in `docs/schema/check.schema.json`.
pub fn json_report(results: &[FileResult]) -> Value {
    let mut others = Others::new(results);
    let mut diags = Vec::new();
    for r in results {
        let source = Source::new(&r.text);
        for d in &r.diagnostics {
            let mut map = Map::new();
            map.insert("file".into(), json!(r.display_path()));
            map.extend(position_json(&source.locate(d.primary.span), d.primary.span));
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
                    let mut p = position_json(&source.locate(l.span), l.span);
                    p.insert("message".into(), json!(l.message));
                    Value::Object(p)
                })
                .collect();
            map.insert("labels".into(), json!(labels));
            let related: Vec<Value> = d
                .related
                .iter()
                .map(|rel| {
                    let mut p = match others.locate(rel) {
                        Some(l) => position_json(&l, rel.span),
                        None => {
                            let mut m = Map::new();
                            m.insert("start_byte".into(), json!(rel.span.start));
                            m.insert("end_byte".into(), json!(rel.span.end));
                            m
                        }
                    };
                    p.insert("file".into(), json!(rel.path));
                    p.insert("message".into(), json!(rel.message));
                    Value::Object(p)
                })
                .collect();
            map.insert("related".into(), json!(related));
            map.insert(
                "suppressed".into(),
                d.suppressed.as_ref().map_or(Value::Null, |reason| json!({"reason": reason})),
            );
            diags.push(Value::Object(map));
        }
    }
    let files: Vec<Value> = results
        .iter()
        .map(|r| {
            json!({"file": r.display_path(), "errors": r.count(Severity::Error),
                   "warnings": r.count(Severity::Warning), "suppressed": allowed(r)})
        })
        .collect();
    json!({
        "version": 1,
        "summary": {
            "files": results.len(),
            "errors": results.iter().map(|r| r.count(Severity::Error)).sum::<usize>(),
            "warnings": results.iter().map(|r| r.count(Severity::Warning)).sum::<usize>(),
            "suppressed": results.iter().map(allowed).sum::<usize>(),
        },
        "files": files,
        "diagnostics": diags,
    })
}

// ------------------------------------------------------------ SARIF

/// The page of the pakt repository that the rule pages belong to: for a
/// base `…/blob/main/docs/rules/`, its `…/blob/main/README.md`.
fn information_uri(base: &str) -> String {
    match base.strip_suffix("docs/rules/") {
        Some(root) => format!("{root}README.md"),
        None => base.to_string(),
    }
}

/// The language reference next to the rule pages, for the problems that
/// are not rules (syntax, values, references).
fn language_uri(base: &str) -> String {
    match base.strip_suffix("rules/") {
        Some(docs) => format!("{docs}language.md"),
        None => format!("{base}../language.md"),
    }
}

/// Every code pakt can report, as SARIF reporting descriptors.
fn sarif_rules(base: &str) -> Vec<Value> {
    let language = language_uri(base);
    let mut v: Vec<Value> = BUILTIN
        .iter()
        .map(|(code, name, summary)| {
            json!({
                "id": code, "name": name,
                "shortDescription": {"text": summary},
                "fullDescription": {"text": summary},
                "helpUri": language,
                "defaultConfiguration": {"level": match diagnostic::builtin_severity(code) {
                    Severity::Warning => "warning",
                    Severity::Error => "error",
                }},
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

/// The first paragraph of an explanation that is not a heading.
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

fn region(l: &Located) -> Value {
    json!({"startLine": l.start.line, "startColumn": l.start.column, "endLine": l.end.line, "endColumn": l.end.column})
}

/// A relative path as a URI reference (RFC 3986): forward slashes, and
/// every byte outside the unreserved characters percent-encoded, so that
/// `thüringen 2018.pakt` becomes `th%C3%BCringen%202018.pakt`.
fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.replace('\\', "/").bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

fn message_with_help(d: &Diagnostic, lang: crate::keywords::Lang) -> String {
    let help = if lang == crate::keywords::Lang::De { "Hilfe" } else { "help" };
    match &d.help {
        Some(h) => format!("{}\n{help}: {h}", d.message),
        None => d.message.clone(),
    }
}

/// SARIF with `invocations[0]`: the configuration files read (as the
/// property `configFiles`) and, as configuration notifications, each rule
/// turned off.
pub fn sarif_run(results: &[FileResult], info: &RunInfo) -> Value {
    let mut v = sarif_in(results, info.lang);
    let mut invocation = Map::new();
    invocation.insert("executionSuccessful".into(), json!(true));
    if !info.configs.is_empty() {
        invocation.insert("properties".into(), json!({"configFiles": info.configs}));
    }
    if !info.off.is_empty() {
        let notes: Vec<Value> = info
            .off
            .iter()
            .filter_map(|n| REGISTRY.iter().find(|r| r.name == *n))
            .map(|r| {
                json!({"level": "note",
                       "descriptor": {"id": r.code},
                       "message": {"text": format!("rule {} ({}) is turned off by the configuration or the command line", r.code, r.name)}})
            })
            .collect();
        invocation.insert("toolConfigurationNotifications".into(), json!(notes));
    }
    if let Some(Value::Object(run)) = v.get_mut("runs").and_then(|r| r.get_mut(0)) {
        run.insert("invocations".into(), json!([Value::Object(invocation)]));
    }
    v
}

pub fn sarif(results: &[FileResult]) -> Value {
    sarif_in(results, crate::keywords::Lang::En)
}

/// SARIF with the help line introduced in the run's language.
fn sarif_in(results: &[FileResult], lang: crate::keywords::Lang) -> Value {
    let base = docs_base();
    let rules = sarif_rules(&base);
    let index_of = |code: &str| rules.iter().position(|r| r.get("id").and_then(Value::as_str) == Some(code));
    let mut others = Others::new(results);
    let mut out = Vec::new();
    for r in results {
        let source = Source::new(&r.text);
        let file = uri(&r.display_path());
        for d in &r.diagnostics {
            let mut result = Map::new();
            result.insert("ruleId".into(), json!(d.code));
            if let Some(i) = index_of(d.code) {
                result.insert("ruleIndex".into(), json!(i));
            }
            result.insert("level".into(), json!(level(d.severity)));
            result.insert("message".into(), json!({"text": message_with_help(d, lang)}));
            result.insert(
                "locations".into(),
                json!([{"physicalLocation": {"artifactLocation": {"uri": file}, "region": region(&source.locate(d.primary.span))}}]),
            );
            let mut related: Vec<Value> = d
                .secondary
                .iter()
                .map(|l| {
                    json!({"message": {"text": l.message},
                           "physicalLocation": {"artifactLocation": {"uri": file}, "region": region(&source.locate(l.span))}})
                })
                .collect();
            related.extend(d.related.iter().map(|rel| {
                let region = match others.locate(rel) {
                    Some(l) => region(&l),
                    None => json!({"byteOffset": rel.span.start, "byteLength": rel.span.len()}),
                };
                json!({"message": {"text": rel.message},
                       "physicalLocation": {"artifactLocation": {"uri": uri(&rel.path)}, "region": region}})
            }));
            if !related.is_empty() {
                for (i, loc) in related.iter_mut().enumerate() {
                    if let Value::Object(m) = loc {
                        m.insert("id".into(), json!(i));
                    }
                }
                result.insert("relatedLocations".into(), json!(related));
            }
            if let Some(reason) = &d.suppressed {
                result.insert("suppressions".into(), json!([{"kind": "inSource", "justification": reason}]));
            }
            out.push(Value::Object(result));
        }
    }
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "pakt",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": information_uri(&base),
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "results": out,
        }],
    })
}

// ------------------------------------------------------------ GitHub

fn gh_escape_data(s: &str) -> String {
    crate::escape::visible(s).replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

fn gh_escape_property(s: &str) -> String {
    gh_escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

fn github(results: &[FileResult], lang: crate::keywords::Lang) -> String {
    let mut out = String::new();
    for (r, source, diags) in shown(results) {
        let path = gh_escape_property(&r.display_path());
        for d in diags {
            let l = source.locate(d.primary.span);
            let _ = writeln!(
                out,
                "::{} file={path},line={},col={},endLine={},endColumn={},title={}::{}",
                level(d.severity),
                l.start.line,
                l.start.column,
                l.end.line,
                l.end.column,
                gh_escape_property(&format!("{} ({})", d.code, d.name)),
                gh_escape_data(&message_with_help(d, lang))
            );
        }
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
    let mut out = Vec::new();
    for (r, source, diags) in shown(results) {
        let path = r.display_path();
        let mut seen: BTreeMap<(&str, &str), usize> = BTreeMap::new();
        for d in diags {
            let n = seen.entry((d.code, d.message.as_str())).or_insert(0);
            *n += 1;
            let l = source.locate(d.primary.span);
            out.push(json!({
                "description": format!("{} [{}]", d.message, d.code),
                "check_name": format!("{}({})", d.code, d.name),
                "fingerprint": fingerprint(&path, d.code, &d.message, *n),
                "severity": match d.severity { Severity::Error => "major", Severity::Warning => "minor" },
                "location": {"path": path, "lines": {"begin": l.start.line, "end": l.end.line}},
            }));
        }
    }
    Value::Array(out)
}

// ------------------------------------------------------------ GNU

fn gnu(results: &[FileResult]) -> String {
    let mut out = String::new();
    for (r, source, diags) in shown(results) {
        let path = r.display_path();
        for d in diags {
            let l = source.locate(d.primary.span);
            let _ = writeln!(
                out,
                "{}:{}:{}: {}: {} [{}]",
                crate::escape::inline(&path),
                l.start.line,
                l.start.column,
                d.severity,
                crate::escape::inline(&d.message),
                d.code
            );
        }
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

    #[test]
    fn uris_are_percent_encoded() {
        assert_eq!(uri("agreements/thüringen 2018.pakt"), "agreements/th%C3%BCringen%202018.pakt");
        assert_eq!(uri(r"a\b-c_d~e.pakt"), "a/b-c_d~e.pakt");
        assert_eq!(uri("50%#?.pakt"), "50%25%23%3F.pakt");
    }

    #[test]
    fn links_next_to_the_rule_pages() {
        let base = "https://x.org/r/blob/main/docs/rules/";
        assert_eq!(information_uri(base), "https://x.org/r/blob/main/README.md");
        assert_eq!(language_uri(base), "https://x.org/r/blob/main/docs/language.md");
        assert_eq!(information_uri("https://x.org/docs/"), "https://x.org/docs/");
        assert_eq!(language_uri("https://x.org/docs/"), "https://x.org/docs/../language.md");
    }
}
