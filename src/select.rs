//! Rule selection on the command line, as in ruff: `--select`, `--ignore`
//! and `--warn`, each a comma list of rule codes (`A001`), names
//! (`parity`), code prefixes (`A0`, `A01`) or `ALL`.
//!
//! In: the selectors as given. Out: changes to a loaded `Config`. The
//! command line overrides pakt.toml, in this order:
//!
//! 1. pakt.toml sets each rule's severity (or turns it off);
//! 2. `--select` keeps only the rules it names (with the severity pakt.toml
//!    gives them, or their default; a rule pakt.toml turns off is turned
//!    on again with its default severity);
//! 3. `--warn` turns the rules it names on, as warnings;
//! 4. `--ignore` turns the rules it names off; it wins over both.
//!
//! Problems found before the rules run (P…, R…, C… codes) are not rules
//! and cannot be selected: the agreement cannot be read as written.

use crate::check::RunError;
use crate::config::Config;
use crate::diagnostic::Severity;
use crate::rules::{self, RuleInfo};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    pub select: Option<Vec<&'static str>>,
    pub warn: Vec<&'static str>,
    pub ignore: Vec<&'static str>,
}

impl Selection {
    /// Parse the three options (each a list of comma lists); unknown
    /// selectors are usage errors that name the nearest rule.
    pub fn parse(select: &[String], warn: &[String], ignore: &[String]) -> Result<Selection, RunError> {
        Ok(Selection {
            select: if select.is_empty() { None } else { Some(names(select, "--select")?) },
            warn: names(warn, "--warn")?,
            ignore: names(ignore, "--ignore")?,
        })
    }

    pub fn is_empty(&self) -> bool {
        self.select.is_none() && self.warn.is_empty() && self.ignore.is_empty()
    }

    /// Apply the selection to a configuration loaded from pakt.toml.
    pub fn apply(&self, config: &mut Config) {
        for rule in rules::REGISTRY {
            let entry = config.rules.entry(rule.name).or_default();
            if let Some(selected) = &self.select {
                if !selected.contains(&rule.name) {
                    entry.severity = Some(None);
                } else if entry.severity == Some(None) {
                    entry.severity = None;
                }
            }
            if self.warn.contains(&rule.name) {
                entry.severity = Some(Some(Severity::Warning));
            }
            if self.ignore.contains(&rule.name) {
                entry.severity = Some(None);
            }
        }
    }
}

/// The rules named by the selectors, each once, in registry order.
fn names(lists: &[String], option: &str) -> Result<Vec<&'static str>, RunError> {
    let mut out: Vec<&'static str> = Vec::new();
    for selector in lists.iter().flat_map(|l| l.split(',')).map(str::trim).filter(|s| !s.is_empty()) {
        let matched = matching(selector);
        if matched.is_empty() {
            let builtin = crate::diagnostic::BUILTIN
                .iter()
                .find(|(c, n, _)| c.eq_ignore_ascii_case(selector) || n.eq_ignore_ascii_case(selector));
            let why = match builtin {
                Some((code, name, _)) => format!(
                    "`{selector}` is {code} ({name}), a problem found before the rules run; it cannot be selected"
                ),
                None => {
                    let hint = rules::nearest(selector)
                        .map(|r| format!("; did you mean `{}` ({})?", r.name, r.code))
                        .unwrap_or_default();
                    format!("no rule matches `{selector}`{hint} (`pakt rules` lists them)")
                }
            };
            return Err(RunError(format!("{option}: {why}")));
        }
        for r in matched {
            if !out.contains(&r.name) {
                out.push(r.name);
            }
        }
    }
    out.sort_by_key(|n| rules::REGISTRY.iter().position(|r| r.name == *n));
    Ok(out)
}

/// The rules a selector names: `ALL`, a code, a name, or a code prefix.
fn matching(selector: &str) -> Vec<&'static RuleInfo> {
    if selector.eq_ignore_ascii_case("ALL") {
        return rules::REGISTRY.iter().collect();
    }
    if let Some(r) = rules::REGISTRY.iter().find(|r| r.name.eq_ignore_ascii_case(selector)) {
        return vec![r];
    }
    let upper = selector.to_ascii_uppercase();
    rules::REGISTRY.iter().filter(|r| r.code.starts_with(&upper)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn codes_names_prefixes_and_all() {
        let sel = Selection::parse(&s(&["A001,chair", "a01"]), &[], &[]).unwrap_or_default();
        let picked = sel.select.unwrap_or_default();
        assert!(picked.contains(&"parity") && picked.contains(&"chair"));
        assert!(picked.iter().all(|n| {
            let code = rules::find(n).map(|r| r.code).unwrap_or("");
            code == "A001" || code == "A005" || code.starts_with("A01")
        }));
        let all = Selection::parse(&s(&["ALL"]), &[], &[]).unwrap_or_default();
        assert_eq!(all.select.map(|v| v.len()), Some(rules::REGISTRY.len()));
    }

    #[test]
    fn unknown_and_builtin_selectors_are_refused() {
        let e = Selection::parse(&s(&["parityy"]), &[], &[]).err().map(|e| e.0).unwrap_or_default();
        assert!(e.contains("did you mean `parity`"), "{e}");
        let e = Selection::parse(&[], &[], &s(&["R001"])).err().map(|e| e.0).unwrap_or_default();
        assert!(e.contains("cannot be selected"), "{e}");
    }

    #[test]
    fn ignore_wins_and_select_turns_on_again() {
        let mut config = Config::default();
        config.rules.insert("parity", crate::config::RuleConfig { severity: Some(None), params: Default::default() });
        let sel = Selection::parse(&s(&["A001,A002"]), &s(&["A002"]), &s(&["A002"])).unwrap_or_default();
        sel.apply(&mut config);
        let parity = rules::find("parity").map(|r| config.severity(r));
        assert_eq!(parity, Some(Some(Severity::Error)));
        let seat = rules::find("A002").map(|r| config.severity(r));
        assert_eq!(seat, Some(None));
        let chair = rules::find("chair").map(|r| config.severity(r));
        assert_eq!(chair, Some(None));
    }
}
