//! The command line: argument parsing (clap) and the commands. `main.rs`
//! only calls `cli::main`. Commands write to the given writers so that
//! tests can run them in-process.
//!
//! Exit codes: 0 no errors (or no changes for `diff`), 1 errors found (or
//! changes for `diff`, warnings with `--deny-warnings`), 2 usage, I/O or
//! configuration error.

use crate::check::{self, Limits, RunError, Settings};
use crate::output::{self, Format};
use crate::rules;
use clap::{Parser, Subcommand};
use std::io::Write;
use std::path::PathBuf;

const EXIT_CODES: &str = "Exit codes:
  0  no errors (diff: the two versions are equivalent)
  1  errors found, or warnings with --deny-warnings (diff: the versions differ)
  2  usage error, unreadable file or invalid pakt.toml";

#[derive(Debug, Parser)]
#[command(name = "pakt", version, about = "Compiler and validator for agreements as code", after_help = EXIT_CODES)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check agreements: syntax, references and every rule.
    #[command(after_help = EXIT_CODES)]
    Check {
        /// Files or directories (searched recursively for *.pakt).
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, env = "PAKT_FORMAT", default_value = "human")]
        format: Format,
        /// Exit 1 on warnings too.
        #[arg(long)]
        deny_warnings: bool,
        /// Print only findings (no summary line, no notes on clean files).
        #[arg(long, short)]
        quiet: bool,
        /// List every file with its result.
        #[arg(long, short)]
        verbose: bool,
        /// Use this configuration instead of the nearest pakt.toml.
        #[arg(long)]
        config: Option<PathBuf>,
        /// Largest file to read, in bytes (overrides pakt.toml).
        #[arg(long)]
        max_file_size: Option<u64>,
    },
    /// Print the resolved model of one agreement as JSON.
    Dump {
        file: PathBuf,
        /// JSON output (the only format for now).
        #[arg(long)]
        json: bool,
    },
    /// List every rule with its code, name and default severity.
    Rules,
    /// Explain a rule: what it checks, why, an example, how to fix it.
    Explain {
        /// A rule code (A001) or name (parity).
        rule: String,
    },
}

/// Whether to colour output for people.
pub fn use_color(is_terminal: bool) -> bool {
    is_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// Run the command line; returns the exit code.
pub fn main() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { 2 } else { 0 };
        }
    };
    let stdout = std::io::stdout();
    let stderr = std::io::stderr();
    let color = use_color(std::io::IsTerminal::is_terminal(&stdout));
    run(cli.command, &mut stdout.lock(), &mut stderr.lock(), color)
}

/// Run one command, writing to `out` and `err`.
pub fn run(command: Command, out: &mut dyn Write, err: &mut dyn Write, color: bool) -> i32 {
    match execute(command, out, err, color) {
        Ok(code) => code,
        Err(e) => {
            let _ = writeln!(err, "error: {e}");
            2
        }
    }
}

fn execute(command: Command, out: &mut dyn Write, err: &mut dyn Write, color: bool) -> Result<i32, RunError> {
    let io = |e: std::io::Error| RunError(format!("cannot write output: {e}"));
    match command {
        Command::Check { paths, format, deny_warnings, quiet, verbose, config, max_file_size } => {
            let mut limits = Limits::default();
            if let Some(n) = max_file_size {
                limits.max_file_bytes = n;
            }
            let settings = Settings { limits, config };
            let results = check::check_paths(&paths, &settings)?;
            let options = output::Options { color, quiet, verbose };
            out.write_all(output::format(format, &results, &options).as_bytes()).map_err(io)?;
            let errors: usize = results.iter().map(|r| r.count(crate::diagnostic::Severity::Error)).sum();
            let warnings: usize = results.iter().map(|r| r.count(crate::diagnostic::Severity::Warning)).sum();
            Ok(i32::from(errors > 0 || (deny_warnings && warnings > 0)))
        }
        Command::Dump { file, json: _ } => {
            let settings = Settings::default();
            let result = check::check_file(&file, &settings)?;
            let errors = result.diagnostics.iter().filter(|d| d.is_error()).count();
            if errors > 0 || result.model.is_none() {
                let options = output::Options { color, quiet: true, verbose: false };
                err.write_all(output::format(Format::Human, std::slice::from_ref(&result), &options).as_bytes())
                    .map_err(io)?;
                return Ok(1);
            }
            let text = serde_json::to_string_pretty(&result.model).map_err(|e| RunError(e.to_string()))?;
            writeln!(out, "{text}").map_err(io)?;
            Ok(0)
        }
        Command::Rules => {
            for r in rules::REGISTRY {
                let params: Vec<String> = r.params.iter().map(|p| format!("{}={}", p.name, p.default)).collect();
                let params = if params.is_empty() { String::new() } else { format!(" [{}]", params.join(", ")) };
                writeln!(out, "{}  {:<26} {:<8} {}{params}", r.code, r.name, r.severity.to_string(), r.summary)
                    .map_err(io)?;
            }
            Ok(0)
        }
        Command::Explain { rule } => match rules::find(&rule) {
            Some(r) => {
                writeln!(out, "{} ({}), default severity: {}\n", r.code, r.name, r.severity).map_err(io)?;
                out.write_all(r.explanation.as_bytes()).map_err(io)?;
                if !r.params.is_empty() {
                    writeln!(out, "\n## Parameters (pakt.toml)\n").map_err(io)?;
                    for p in r.params {
                        writeln!(out, "- `{}` (default {}): {}", p.name, p.default, p.description).map_err(io)?;
                    }
                }
                Ok(0)
            }
            None => {
                let hint = rules::nearest(&rule)
                    .map(|r| format!("; did you mean `{}` ({})?", r.name, r.code))
                    .unwrap_or_default();
                Err(RunError(format!("no rule `{rule}`{hint} (`pakt rules` lists them)")))
            }
        },
    }
}
