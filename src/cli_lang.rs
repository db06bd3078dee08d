//! `pakt explain … --lang de`: the German explanation of a rule.
//!
//! In: a rule code or name. Out: the German header line (from the
//! catalogue) and the German explanation (docs/rules/de/); the problems
//! that are not rules (P…, R…, C…) get a German header and their English
//! description, which is not translated yet.

use crate::check::RunError;
use crate::i18n::{tr, Arg};
use crate::keywords::Lang;
use crate::rules;
use std::io::Write;

pub fn explain_de(rule: &str, out: &mut dyn Write) -> Result<i32, RunError> {
    let io = |e: std::io::Error| RunError(format!("cannot write output: {e}"));
    if let Some(r) = rules::find(rule) {
        let severity = crate::i18n::severity(Lang::De, r.severity);
        let header = tr(
            Lang::De,
            "explain-header",
            &[("code", Arg::Text(r.code)), ("name", Arg::Text(r.name)), ("severity", Arg::Text(&severity))],
        );
        writeln!(out, "{header}\n").map_err(io)?;
        out.write_all(rules::explanation_de(r.code).unwrap_or(r.explanation).as_bytes()).map_err(io)?;
        if !r.params.is_empty() {
            writeln!(out, "\n## {}\n", tr(Lang::De, "explain-parameters", &[])).map_err(io)?;
            for p in r.params {
                let default = p.default.to_string();
                let line = tr(
                    Lang::De,
                    "explain-parameter",
                    &[
                        ("name", Arg::Text(p.name)),
                        ("default", Arg::Text(&default)),
                        ("description", Arg::Text(p.description)),
                    ],
                );
                writeln!(out, "- {line}").map_err(io)?;
            }
        }
        return Ok(0);
    }
    let builtin = crate::diagnostic::BUILTIN.iter().find(|(c, n, _)| c.eq_ignore_ascii_case(rule) || *n == rule);
    if let Some((code, name, summary)) = builtin {
        let header = tr(Lang::De, "explain-builtin-header", &[("code", Arg::Text(code)), ("name", Arg::Text(name))]);
        let mut chars = summary.chars();
        let summary: String = chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default();
        writeln!(out, "{header}\n\n{summary}.\n\n{}", crate::cli_check::builtin_note(code)).map_err(io)?;
        return Ok(0);
    }
    let hint = rules::nearest(rule).map(|r| format!("; did you mean `{}` ({})?", r.name, r.code)).unwrap_or_default();
    Err(RunError(format!("no rule `{rule}`{hint} (`pakt rules` lists them)")))
}
