//! `pakt.toml`: per-rule severity and parameters, and limits.
//!
//! In: the nearest `pakt.toml` walking up from a checked file, no higher
//! than the root of its repository (or one given with `--config`). Out: a
//! `Config` the rules read. Unknown keys, unknown rules, bad severities and
//! parameters of the wrong type are errors that point into the TOML file.
//! `docs/schema/pakt-toml.schema.json` describes the same for editors.
//!
//! ```toml
//! [rules]
//! budget-reservation = "off"                       # severity only
//! meeting-rule = { severity = "error", min-per-year = 2 }
//!
//! [limits]
//! max-file-size = 16777216   # bytes
//! max-elements = 200000
//! ```

use crate::diagnostic::{self, Diagnostic, Label, Severity};
use crate::limits::Limits;
use crate::rules::{self, RuleInfo};
use crate::span::Span;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

pub const FILE_NAME: &str = "pakt.toml";

/// What the configuration says about one rule.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RuleConfig {
    /// `None`: the rule's default. `Some(None)`: off.
    pub severity: Option<Option<Severity>>,
    pub params: BTreeMap<String, i64>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Config {
    /// Where it was read from, if anywhere.
    pub path: Option<PathBuf>,
    pub rules: BTreeMap<&'static str, RuleConfig>,
    pub max_file_bytes: Option<u64>,
    pub max_elements: Option<usize>,
}

/// A configuration problem, rendered against the TOML text.
#[derive(Debug, Clone)]
pub struct ConfigError {
    pub path: PathBuf,
    pub text: String,
    pub diagnostic: Diagnostic,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let shown = self.path.display().to_string();
        f.write_str(&diagnostic::render(&self.diagnostic, &shown, &self.text, diagnostic::RenderOptions::default()))
    }
}

impl Config {
    /// The configuration that applies to `file`: `explicit` if given, else
    /// the nearest `pakt.toml` in its folder or above, else the defaults.
    pub fn for_file(file: &Path, explicit: Option<&Path>) -> Result<Config, ConfigError> {
        Config::for_file_within(file, explicit, None)
    }

    /// As [`Config::for_file`], but the lookup never leaves the repository
    /// (the folder with `.git`) the file is in; outside a repository it
    /// stops at `boundary` (the folder given on the command line), or at
    /// the file's own folder. A pakt.toml in a checkout's parent folders
    /// does not change what the checkout's agreements mean.
    pub fn for_file_within(
        file: &Path,
        explicit: Option<&Path>,
        boundary: Option<&Path>,
    ) -> Result<Config, ConfigError> {
        if let Some(path) = explicit {
            return Config::load(path);
        }
        let Some(start) = std::fs::canonicalize(file)
            .ok()
            .or_else(|| std::path::absolute(file).ok())
            .and_then(|p| p.parent().map(Path::to_path_buf))
        else {
            return Ok(Config::default());
        };
        let repository = start.ancestors().find(|d| d.join(".git").exists()).map(Path::to_path_buf);
        let stop = repository.or_else(|| boundary.map(Path::to_path_buf)).unwrap_or_else(|| start.clone());
        for d in start.ancestors() {
            let candidate = d.join(FILE_NAME);
            if candidate.is_file() {
                return Config::load(&candidate);
            }
            if d == stop || !d.starts_with(&stop) {
                break;
            }
        }
        Ok(Config::default())
    }

    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|e| ConfigError {
            path: path.to_path_buf(),
            text: String::new(),
            diagnostic: Diagnostic::error(
                "C001",
                "config-error",
                format!("cannot read the configuration: {e}"),
                Label::new(Span::new(0, 0), "here"),
            ),
        })?;
        Config::parse(&text)
            .map(|mut c| {
                c.path = Some(path.to_path_buf());
                c
            })
            .map_err(|diagnostic| ConfigError { path: path.to_path_buf(), text, diagnostic })
    }

    pub fn parse(text: &str) -> Result<Config, Diagnostic> {
        let raw: RawConfig = toml::from_str(text).map_err(|e| {
            let span = e.span().map_or(Span::new(0, 0), |r| Span::new(r.start, r.end));
            let message = e.message().trim().to_string();
            Diagnostic::error("C001", "config-error", format!("invalid pakt.toml: {message}"), Label::new(span, "here"))
                .with_help("pakt.toml has two tables: [rules] (a severity or { severity = …, parameter = … } per rule) and [limits] (max-file-size, max-elements)")
        })?;
        let mut config = Config::default();
        for (name, setting) in raw.rules {
            let Some(rule) = rules::find(name.get_ref()) else {
                let known: Vec<&str> = rules::REGISTRY.iter().map(|r| r.name).collect();
                let near =
                    known.iter().min_by_key(|k| crate::resolve::levenshtein(name.get_ref(), k)).copied().unwrap_or("");
                return Err(Diagnostic::error(
                    "C001",
                    "config-error",
                    format!("unknown rule `{}`", name.get_ref()),
                    Label::new(span_of(&name), "no rule of this name"),
                )
                .with_help(format!("did you mean `{near}`? `pakt rules` lists every rule")));
            };
            let rc = setting_for(rule, setting)?;
            config.rules.insert(rule.name, rc);
        }
        if let Some(limits) = raw.limits {
            if let Some(v) = limits.max_file_size {
                config.max_file_bytes = Some(positive(&v, "max-file-size")?);
            }
            if let Some(v) = limits.max_elements {
                config.max_elements = Some(usize::try_from(positive(&v, "max-elements")?).unwrap_or(usize::MAX));
            }
        }
        Ok(config)
    }

    /// The limits after applying this configuration to `base`.
    pub fn limits(&self, base: Limits) -> Limits {
        Limits {
            max_file_bytes: self.max_file_bytes.unwrap_or(base.max_file_bytes),
            max_elements: self.max_elements.unwrap_or(base.max_elements),
        }
    }

    /// The severity a rule runs with, or `None` when it is off.
    pub fn severity(&self, rule: &RuleInfo) -> Option<Severity> {
        match self.rules.get(rule.name).and_then(|r| r.severity) {
            Some(s) => s,
            None => Some(rule.severity),
        }
    }

    /// A rule parameter: the configured value or its default.
    pub fn param(&self, rule: &RuleInfo, name: &str) -> i64 {
        self.rules
            .get(rule.name)
            .and_then(|r| r.params.get(name).copied())
            .or_else(|| rule.params.iter().find(|p| p.name == name).map(|p| p.default))
            .unwrap_or(0)
    }
}

fn span_of<T>(s: &toml::Spanned<T>) -> Span {
    Span::new(s.span().start, s.span().end)
}

fn positive(v: &toml::Spanned<i64>, what: &str) -> Result<u64, Diagnostic> {
    u64::try_from(*v.get_ref()).ok().filter(|n| *n > 0).ok_or_else(|| {
        Diagnostic::error(
            "C001",
            "config-error",
            format!("`{what}` must be a positive number"),
            Label::new(span_of(v), "not positive"),
        )
        .with_help("give a whole number greater than 0")
    })
}

fn severity(s: &toml::Spanned<String>) -> Result<Option<Severity>, Diagnostic> {
    match s.get_ref().as_str() {
        "error" => Ok(Some(Severity::Error)),
        "warning" => Ok(Some(Severity::Warning)),
        "off" => Ok(None),
        other => Err(Diagnostic::error(
            "C001",
            "config-error",
            format!("unknown severity `{other}`"),
            Label::new(span_of(s), "not a severity"),
        )
        .with_help("a severity is \"error\", \"warning\" or \"off\"")),
    }
}

fn setting_for(rule: &RuleInfo, setting: RawRule) -> Result<RuleConfig, Diagnostic> {
    let mut rc = RuleConfig::default();
    if let Some(s) = &setting.severity {
        rc.severity = Some(severity(s)?);
    }
    for (key, value) in setting.params {
        let Some(param) = rule.params.iter().find(|p| p.name == key.get_ref().as_str()) else {
            let known: Vec<String> =
                std::iter::once("severity".to_string()).chain(rule.params.iter().map(|p| p.name.to_string())).collect();
            return Err(Diagnostic::error(
                "C001",
                "config-error",
                format!("rule `{}` has no parameter `{}`", rule.name, key.get_ref()),
                Label::new(span_of(&key), "unknown key"),
            )
            .with_help(format!("`{}` takes: {}", rule.name, known.join(", "))));
        };
        let n = match value.get_ref() {
            toml::Value::Integer(n) if *n >= param.min => *n,
            _ => {
                return Err(Diagnostic::error(
                    "C001",
                    "config-error",
                    format!(
                        "`{}` of rule `{}` must be a whole number of at least {}",
                        param.name, rule.name, param.min
                    ),
                    Label::new(span_of(&value), "not allowed here"),
                )
                .with_help(param.description.to_string()))
            }
        };
        rc.params.insert(param.name.to_string(), n);
    }
    Ok(rc)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    #[serde(default)]
    rules: BTreeMap<toml::Spanned<String>, RawRule>,
    #[serde(default)]
    limits: Option<RawLimits>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawLimits {
    max_file_size: Option<toml::Spanned<i64>>,
    max_elements: Option<toml::Spanned<i64>>,
}

/// A rule's setting: `"warning"` or `{ severity = "warning", param = 2 }`.
struct RawRule {
    severity: Option<toml::Spanned<String>>,
    params: Vec<(toml::Spanned<String>, toml::Spanned<toml::Value>)>,
}

impl<'de> Deserialize<'de> for RawRule {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // Read through `Spanned` so that a plain severity keeps its span.
        let value = toml::Spanned::<StringOrTable>::deserialize(deserializer)?;
        let span = value.span();
        Ok(match value.into_inner() {
            StringOrTable::String(s) => RawRule { severity: Some(toml::Spanned::new(span, s)), params: Vec::new() },
            StringOrTable::Table(t) => t,
        })
    }
}

enum StringOrTable {
    String(String),
    Table(RawRule),
}

impl<'de> Deserialize<'de> for StringOrTable {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = StringOrTable;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a severity (\"error\", \"warning\", \"off\") or a table { severity = …, parameter = … }")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<StringOrTable, E> {
                Ok(StringOrTable::String(v.to_string()))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<StringOrTable, A::Error> {
                let mut raw = RawRule { severity: None, params: Vec::new() };
                while let Some(key) = map.next_key::<toml::Spanned<String>>()? {
                    if key.get_ref() == "severity" {
                        raw.severity = Some(map.next_value()?);
                    } else {
                        raw.params.push((key, map.next_value()?));
                    }
                }
                Ok(StringOrTable::Table(raw))
            }
        }
        deserializer.deserialize_any(V)
    }
}
