//! `pakt explain … --lang de`: the German explanation of a rule.
//!
//! In: a rule code or name. Out: the German header line (from the
//! catalogue) and the German explanation (docs/rules/de/); the problems
//! that are not rules (P…, R…, C…) get their German summary and note from
//! the catalogue (`builtin-…`, `builtin-note-…`).

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
                let id = format!("param-{}-{}", r.name, p.name);
                let german = tr(Lang::De, &id, &[]);
                let description = if german == id { p.description.to_string() } else { german };
                let line = tr(
                    Lang::De,
                    "explain-parameter",
                    &[
                        ("name", Arg::Text(p.name)),
                        ("default", Arg::Text(&default)),
                        ("description", Arg::Text(&description)),
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
        let id = format!("builtin-{}", code.to_ascii_lowercase());
        let german = tr(Lang::De, &id, &[]);
        let summary = if german == id { summary.to_string() } else { german };
        let mut chars = summary.chars();
        let summary: String = chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default();
        writeln!(out, "{header}\n\n{summary}.\n\n{}", builtin_note_de(code)).map_err(io)?;
        return Ok(0);
    }
    let hint = rules::nearest(rule).map(|r| format!("; did you mean `{}` ({})?", r.name, r.code)).unwrap_or_default();
    Err(RunError(format!("no rule `{rule}`{hint} (`pakt rules` lists them)")))
}

/// `cli_check::builtin_note` in German.
fn builtin_note_de(code: &str) -> String {
    let key = match code {
        "C001" | "P006" | "P008" | "P012" | "R007" | "R008" => code.to_ascii_lowercase(),
        "P009" => "p008".to_string(),
        "P007" => "p006".to_string(),
        _ => "other".to_string(),
    };
    tr(Lang::De, &format!("builtin-note-{key}"), &[])
}
