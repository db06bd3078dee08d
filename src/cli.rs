//! The command line: argument parsing (clap) and the commands. `main.rs`
//! only calls `cli::main`. Commands write to the given writers so that
//! tests can run them in-process.
//!
//! Exit codes: 0 no errors (or no changes for `diff`), 1 errors found (or
//! changes for `diff`, warnings with `--deny-warnings`), 2 usage, I/O or
//! configuration error.

use crate::check::FileResult;
use crate::check::{self, Limits, RunError, Settings};
use crate::output::{self, Format};
use crate::{graph, rules};
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
    /// Colour for people: on a terminal (auto, unless NO_COLOR is set), always, never.
    #[arg(long, value_enum, global = true, default_value = "auto")]
    pub color: crate::cli_io::ColorChoice,
    /// Write the output to FILE (atomically: whole or not at all) instead of standard output.
    #[arg(long, global = true, value_name = "FILE")]
    pub output_file: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check agreements: syntax, references and every rule.
    #[command(after_help = EXIT_CODES)]
    Check {
        /// Files or directories (searched recursively for *.pakt); `-` reads standard input.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, env = "PAKT_FORMAT", default_value = "text")]
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
        #[arg(long, value_name = "FILE")]
        config: Option<PathBuf>,
        /// Use no pakt.toml: every rule with its default severity.
        #[arg(long, conflicts_with = "config")]
        no_config: bool,
        /// Largest file to read, in bytes (overrides pakt.toml).
        #[arg(long)]
        max_file_size: Option<u64>,
        /// Run only these rules: codes, names, code prefixes (A0) or ALL, comma-separated (overrides pakt.toml).
        #[arg(long, value_name = "RULES")]
        select: Vec<String>,
        /// Turn these rules off (wins over --select and --warn).
        #[arg(long, value_name = "RULES")]
        ignore: Vec<String>,
        /// Run these rules as warnings.
        #[arg(long, value_name = "RULES")]
        warn: Vec<String>,
        /// Print the number of findings per rule instead of the findings (text or json).
        #[arg(long)]
        statistics: bool,
        /// The name of the text read from standard input (`-`): shown in messages, and where
        /// pakt.toml and a superseded agreement are looked up from.
        #[arg(long, value_name = "NAME")]
        stdin_filename: Option<PathBuf>,
        /// Also search hidden files and folders (names starting with `.`).
        #[arg(long)]
        hidden: bool,
        /// Also search files that .gitignore, .ignore or .git/info/exclude leave out.
        #[arg(long)]
        no_ignore: bool,
        /// Follow symbolic links in folders (loops are detected and reported).
        #[arg(long)]
        follow_links: bool,
        /// Language of the summary: de or en (default: German for files with German keywords, else the locale).
        #[arg(long, env = "PAKT_LANG", value_parser = ["de", "en"])]
        lang: Option<String>,
    },
    /// Print the resolved model of one agreement as JSON.
    Dump {
        file: PathBuf,
        /// JSON output (the only format for now).
        #[arg(long)]
        json: bool,
    },
    /// Emit the obligation graph (parties, bodies, seats, obligations, money, steps).
    Graph {
        file: PathBuf,
        #[arg(long, value_enum, default_value = "dot")]
        format: GraphFormat,
        /// What to draw (docs/graph.md): `all` (the whole graph) by default,
        /// `governance` by default for `--format svg`.
        #[arg(long, value_enum)]
        view: Option<graph::views::View>,
        /// How `--format svg` of a view is laid out: Graphviz when installed, else built in.
        #[arg(long, value_enum, default_value = "auto")]
        layout: graph::views::LayoutEngine,
        /// Only the neighbourhood of this element (an id such as `beirat`
        /// or a node id such as `party:land`).
        #[arg(long)]
        focus: Option<String>,
        /// How many edges around `--focus` to keep.
        #[arg(long, default_value_t = 1)]
        radius: usize,
        /// Language of the labels: de or en (default: German for a file with
        /// German keywords, else the locale).
        #[arg(long, env = "PAKT_LANG", value_parser = ["de", "en"])]
        lang: Option<String>,
    },
    /// List everything a party must, shall, may or examines, directly and
    /// through its offices and seats.
    Obligations {
        file: PathBuf,
        #[arg(long)]
        party: String,
        #[arg(long, value_enum, default_value = "text")]
        format: QueryFormat,
        /// Language of the labels: de or en (default: German for a file with
        /// German keywords, else the locale).
        #[arg(long, env = "PAKT_LANG", value_parser = ["de", "en"])]
        lang: Option<String>,
    },
    /// Show who sits in a body and who chairs it.
    Who {
        file: PathBuf,
        #[arg(long)]
        body: String,
        #[arg(long, value_enum, default_value = "text")]
        format: QueryFormat,
        /// Language of the labels: de or en (default: German for a file with
        /// German keywords, else the locale).
        #[arg(long, env = "PAKT_LANG", value_parser = ["de", "en"])]
        lang: Option<String>,
    },
    /// Show what changed in substance between two versions of an agreement.
    ///
    /// OLD and NEW are files or git revisions (`HEAD~1:agreements/x.pakt`).
    /// Called by git as an external diff driver (7 arguments, 9 for a
    /// rename), pakt reads the 2nd and 5th and always exits 0, with a note
    /// for added, deleted and broken versions.
    #[command(after_help = "Exit codes: 0 equivalent, 1 the versions differ, 2 error (as diff(1)).")]
    Diff {
        // git passes 7 arguments, 9 for a rename; `cli_io::driver_args` puts
        // `--` before them, so that a path may start with `-`.
        #[arg(num_args = 2..=9, required = true, value_names = ["OLD", "NEW"])]
        files: Vec<String>,
        #[arg(long, value_enum, default_value = "text")]
        format: DiffFormat,
        /// Language of the report: de or en. Default: German where PAKT_LANG,
        /// LC_ALL, LC_MESSAGES or LANG starts with `de`, else English.
        #[arg(long, value_enum)]
        lang: Option<DiffLang>,
    },
    /// Voting power in the bodies: who can decide, who can block (docs/power.md).
    Power {
        file: PathBuf,
        /// Only this body.
        #[arg(long)]
        body: Option<String>,
        #[arg(long, value_enum, default_value = "text")]
        format: crate::power::PowerFormat,
        /// Analyse bodies that state no decision rule under this one
        /// (consent, unanimity, majority or a fraction such as 2/3), marked as assumed.
        #[arg(long)]
        assume: Option<String>,
        /// Language of the labels: de or en (default: German for a file with
        /// German keywords, else the locale).
        #[arg(long, env = "PAKT_LANG", value_parser = ["de", "en"])]
        lang: Option<String>,
    },
    /// Format agreements in the canonical layout (files are rewritten atomically).
    #[command(
        after_help = "Exit codes: 0 formatted (or nothing to do), 1 --check: files would change, 2 a file could not be formatted (syntax error, I/O)."
    )]
    Fmt {
        /// Files or directories (searched recursively for *.pakt); `-` reads standard input and writes standard output.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Change nothing; list the files that would change and exit 1 if any.
        #[arg(long)]
        check: bool,
        /// Change nothing; show the changes as a unified diff.
        #[arg(long)]
        diff: bool,
        /// Write the keywords in German (`de`) or English (`en`), losslessly.
        #[arg(long, value_parser = ["de", "en"])]
        keywords: Option<String>,
    },
    /// Start a new agreement from a template (writes NAME.pakt, never overwrites).
    Init {
        /// The new file's name (`.pakt` is added unless given).
        name: String,
        #[arg(long, value_enum, default_value = "land-kommunen")]
        template: crate::init::Template,
    },
    /// Render the agreement as a German document (Markdown or HTML).
    Render {
        file: PathBuf,
        #[arg(long, value_enum, default_value = "md")]
        format: RenderFormat,
        /// Mark generated sentences; show assumptions, notes and open findings.
        #[arg(long)]
        draft: bool,
    },
    /// List every rule with its code, name and default severity.
    Rules {
        #[arg(long, value_enum, default_value = "text")]
        format: QueryFormat,
        /// Language of the summaries: de or en (default: the locale, LANG).
        #[arg(long, env = "PAKT_LANG", value_parser = ["de", "en"])]
        lang: Option<String>,
    },
    /// Explain a rule: what it checks, why, an example, how to fix it.
    Explain {
        /// A rule code (A001) or name (parity).
        rule: String,
        /// Language: de or en (default: the locale, LANG).
        #[arg(long, env = "PAKT_LANG", value_parser = ["de", "en"])]
        lang: Option<String>,
    },
    /// Convert a file between the English and the German keyword set (lossless).
    Convert {
        /// The keyword set to write: de or en.
        #[arg(long, value_parser = ["de", "en"])]
        keywords: String,
        file: PathBuf,
        /// Rewrite the file in place (atomically) instead of printing it.
        #[arg(long)]
        write: bool,
    },
    /// Print a completion script for a shell (bash, zsh, fish, elvish, powershell).
    Completions { shell: clap_complete::Shell },
    /// Print the manual page of pakt or of one command (roff; `pakt man check | man -l -`).
    Man {
        /// A command (check, diff, …); without it, the page of pakt.
        command: Option<String>,
    },
    /// Run the language server on stdin/stdout (for editors; see docs/editors.md).
    Lsp,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum GraphFormat {
    Dot,
    Mermaid,
    Json,
    Svg,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DiffFormat {
    Text,
    Markdown,
    /// With the Synopse "Bisherige Fassung | Neue Fassung" (German).
    Html,
    Json,
    /// The HTML printed to PDF by headless Chromium (must be installed).
    Pdf,
    /// The German amendment instructions (Änderungsbefehle) from old to new.
    Amendments,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DiffLang {
    De,
    En,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum RenderFormat {
    Md,
    Html,
    /// Printed by headless Chromium (must be installed).
    Pdf,
    /// A Word document (opens in Word and LibreOffice).
    Docx,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum QueryFormat {
    Text,
    Json,
}

/// Whether to colour output for people.
pub fn use_color(is_terminal: bool) -> bool {
    is_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// Run the command line; returns the exit code.
pub fn main() -> i32 {
    let cli = match Cli::try_parse_from(crate::cli_io::driver_args(std::env::args_os().collect())) {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { 2 } else { 0 };
        }
    };
    if matches!(cli.command, Command::Lsp) {
        // Before stdout is locked below: the server's writer thread needs it.
        return crate::lsp::run_stdio();
    }
    let stdout = std::io::stdout();
    let stderr = std::io::stderr();
    let to_terminal = cli.output_file.is_none() && std::io::IsTerminal::is_terminal(&stdout);
    let color = cli.color.enabled(to_terminal);
    let Some(file) = cli.output_file else {
        let mut out = crate::cli_io::QuietPipe::new(stdout.lock());
        let code = run(cli.command, &mut out, &mut stderr.lock(), color);
        // The reader went away (`pakt rules | head -1`): end quietly, as other Unix tools do.
        return if out.broken { 0 } else { code };
    };
    let mut buffer = Vec::new();
    let code = run(cli.command, &mut buffer, &mut stderr.lock(), color);
    if code != 2 {
        if let Err(e) = crate::cli_io::write_atomically(&file, &buffer) {
            let _ = writeln!(stderr.lock(), "error: cannot write {}: {e}", file.display());
            return 2;
        }
    }
    code
}

/// Run one command, writing to `out` and `err`.
pub fn run(command: Command, out: &mut dyn Write, err: &mut dyn Write, color: bool) -> i32 {
    match execute(command, out, err, color) {
        Ok(code) => code,
        Err(e) => {
            let _ = writeln!(err, "error: {}", crate::escape::visible(&e.0));
            2
        }
    }
}

fn execute(command: Command, out: &mut dyn Write, err: &mut dyn Write, color: bool) -> Result<i32, RunError> {
    let io = |e: std::io::Error| RunError(format!("cannot write output: {e}"));
    match command {
        Command::Check {
            paths,
            format,
            deny_warnings,
            quiet,
            verbose,
            config,
            no_config,
            max_file_size,
            select,
            ignore,
            warn,
            statistics,
            stdin_filename,
            hidden,
            no_ignore,
            follow_links,
            lang,
        } => {
            let mut limits = Limits::default();
            if let Some(n) = max_file_size {
                limits.max_file_bytes = n;
            }
            let settings = Settings {
                limits,
                config,
                no_config,
                walk: crate::walk::WalkOptions { hidden, no_ignore, follow_links },
                selection: crate::select::Selection::parse(&select, &warn, &ignore)?,
                lang: lang.clone(),
            };
            if statistics && !matches!(format, Format::Human | Format::Json) {
                return Err(RunError("--statistics is printed as text or json only".into()));
            }
            let run = crate::cli_check::run(&paths, stdin_filename.as_deref(), &settings)?;
            for w in &run.warnings {
                writeln!(err, "warning: {w}").map_err(io)?;
            }
            let results = run.results;
            let mut info = output::RunInfo::of(&run.configs);
            let file_langs: Vec<_> = results.iter().map(|r| crate::i18n::text_lang(&r.text)).collect();
            info.lang = crate::i18n::choose(lang.as_deref(), &file_langs);
            let options = output::Options { color, quiet, verbose };
            let text = if statistics {
                let mut t = output::statistics_text(&results, format == Format::Json);
                if format == Format::Human && !quiet {
                    t.push_str(&output::summary_block(&results, &info));
                }
                t
            } else {
                output::format_run(format, &results, &options, &info)
            };
            out.write_all(text.as_bytes()).map_err(io)?;
            let errors: usize = results.iter().map(|r| r.count(crate::diagnostic::Severity::Error)).sum();
            let warnings: usize = results.iter().map(|r| r.count(crate::diagnostic::Severity::Warning)).sum();
            free_beside(results);
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
            // Straight to the output: the string was the memory peak.
            let mut w = std::io::BufWriter::new(&mut *out);
            serde_json::to_writer_pretty(&mut w, &result.model).map_err(|e| RunError(e.to_string()))?;
            writeln!(w).and_then(|()| w.flush()).map_err(io)?;
            Ok(0)
        }
        Command::Graph { file, format, view, layout, focus, radius, lang } => {
            let Some((result, predecessor)) = load_clean(&file, err, color)? else { return Ok(1) };
            let Some(model) = &result.model else { return Ok(1) };
            // SVG is for people, and the whole graph is a poster: it shows
            // the governance chart unless asked otherwise.
            let view = view.unwrap_or(if format == GraphFormat::Svg {
                graph::views::View::Governance
            } else {
                graph::views::View::All
            });
            if let Some(mut picture) = graph::views::picture(model, view) {
                let lang = crate::i18n::choose(lang.as_deref(), &[crate::i18n::text_lang(&result.text)]);
                crate::i18n_diag::translate_picture(&mut picture, lang);
                if let Some(f) = &focus {
                    picture = match picture.focus(f) {
                        Some(p) => p,
                        None => {
                            return Err(RunError(format!(
                                "no element `{f}` in the {} view of {}{}",
                                view.name(),
                                file.display(),
                                suggest(f, picture.ids())
                            )))
                        }
                    };
                }
                let text = match format {
                    GraphFormat::Dot => graph::views::dot(&picture),
                    GraphFormat::Mermaid => graph::views::mermaid(&picture),
                    GraphFormat::Svg => graph::views::svg(&picture, layout),
                    GraphFormat::Json => graph::views::json(&picture),
                };
                out.write_all(text.as_bytes()).map_err(io)?;
                return Ok(0);
            }
            let mut g = graph::build(model, predecessor.as_ref().and_then(|p| p.model.as_ref()));
            if let Some(f) = focus {
                let id = if f.contains(':') {
                    f.clone()
                } else {
                    g.ids().find(|i| i.split_once(':').is_some_and(|(_, x)| x == f)).unwrap_or(&f).to_string()
                };
                g = match g.focus(&id, radius) {
                    Some(sub) => sub,
                    None => {
                        return Err(RunError(format!("no element `{f}` in {}{}", file.display(), suggest(&f, g.ids()))))
                    }
                };
            }
            let text = match format {
                GraphFormat::Dot => graph::dot(&g),
                GraphFormat::Mermaid => {
                    let edges = g.edges().len();
                    if edges > graph::MERMAID_MAX_EDGES {
                        writeln!(err, "note: {}", graph::mermaid_too_large(edges)).map_err(io)?;
                    }
                    graph::mermaid(&g)
                }
                GraphFormat::Svg => graph::svg(&g),
                GraphFormat::Json => return graph::write_json(&g, &result.text, out).map(|()| 0).map_err(io),
            };
            out.write_all(text.as_bytes()).map_err(io)?;
            Ok(0)
        }
        Command::Obligations { file, party, format, lang } => {
            let Some((result, _)) = load_clean(&file, err, color)? else { return Ok(1) };
            let Some(model) = &result.model else { return Ok(1) };
            let Some(pid) = model.parties.iter().position(|p| p.id.value == party) else {
                let ids: Vec<&str> = model.parties.iter().map(|p| p.id.value.as_str()).collect();
                return Err(RunError(format!(
                    "no party `{party}` in {}{}; parties: {}",
                    file.display(),
                    suggest(&party, ids.iter().copied()),
                    ids.join(", ")
                )));
            };
            let pid = crate::model::PartyId(u32::try_from(pid).unwrap_or(u32::MAX));
            let duties = graph::query::obligations(model, pid);
            let text = match format {
                QueryFormat::Text => crate::i18n_diag::translate_lines(
                    &graph::query::obligations_text(model, pid, &duties),
                    crate::i18n::choose(lang.as_deref(), &[crate::i18n::text_lang(&result.text)]),
                ),
                QueryFormat::Json => {
                    json_text(&serde_json::json!({"agreement": model.id.value, "party": party, "duties": duties}))?
                }
            };
            out.write_all(text.as_bytes()).map_err(io)?;
            Ok(0)
        }
        Command::Who { file, body, format, lang } => {
            let Some((result, _)) = load_clean(&file, err, color)? else { return Ok(1) };
            let Some(model) = &result.model else { return Ok(1) };
            let Some(bid) = model.bodies.iter().position(|b| b.id.value == body) else {
                let ids: Vec<&str> = model.bodies.iter().map(|b| b.id.value.as_str()).collect();
                return Err(RunError(format!(
                    "no body `{body}` in {}{}; bodies: {}",
                    file.display(),
                    suggest(&body, ids.iter().copied()),
                    ids.join(", ")
                )));
            };
            let Some(w) = graph::query::who(model, crate::model::BodyId(u32::try_from(bid).unwrap_or(u32::MAX))) else {
                return Ok(1);
            };
            let text = match format {
                QueryFormat::Text => crate::i18n_diag::translate_lines(
                    &graph::query::who_text(&w),
                    crate::i18n::choose(lang.as_deref(), &[crate::i18n::text_lang(&result.text)]),
                ),
                QueryFormat::Json => json_text(&serde_json::to_value(&w).map_err(|e| RunError(e.to_string()))?)?,
            };
            out.write_all(text.as_bytes()).map_err(io)?;
            Ok(0)
        }
        Command::Diff { files, format, lang } => {
            use crate::diff::german::Lang;
            let lang = match lang {
                Some(DiffLang::De) => Lang::De,
                Some(DiffLang::En) => Lang::En,
                None => Lang::from_env(),
            };
            let render = |report: &crate::diff::Report| -> String {
                match format {
                    DiffFormat::Text => crate::diff::text_in(report, color, lang),
                    DiffFormat::Markdown => crate::diff::markdown_in(report, lang),
                    // As a git diff driver, PDF gives its HTML: a terminal shows no PDF.
                    DiffFormat::Html | DiffFormat::Pdf => crate::diff::html_in(report, lang),
                    DiffFormat::Json => json_text(&crate::diff::json(report)).unwrap_or_default(),
                    DiffFormat::Amendments => crate::diff::amendments_text(report),
                }
            };
            let (old_arg, new_arg) = match files.as_slice() {
                [old, new] => (old.clone(), new.clone()),
                [path, old, _, _, new, _, _] | [path, old, _, _, new, _, _, _, _] => {
                    // As git's diff driver: never fail, or `git diff` stops for every file.
                    let renamed = files.get(7).filter(|p| *p != path);
                    let shown = renamed.map_or_else(|| path.clone(), |to| format!("{path} → {to}"));
                    out.write_all(crate::diff_input::driver(&shown, old, new, &render).as_bytes()).map_err(io)?;
                    return Ok(0);
                }
                _ => {
                    return Err(RunError(
                        "diff takes OLD and NEW (or the 7 arguments git passes to a diff driver)".into(),
                    ))
                }
            };
            let (old_version, new_version) = crate::diff_input::load_both(&old_arg, &new_arg);
            let Some((old_text, old_model)) = load_version(old_version, err, color)? else { return Ok(2) };
            let Some((new_text, new_model)) = load_version(new_version, err, color)? else { return Ok(2) };
            let report = crate::diff::diff(&old_model, &old_text, &old_arg, &new_model, &new_text, &new_arg);
            if format == DiffFormat::Pdf {
                let bytes = crate::render::pdf::pdf(&crate::diff::html_in(&report, lang)).map_err(RunError)?;
                out.write_all(&bytes).map_err(io)?;
                return Ok(i32::from(!report.is_equivalent()));
            }
            let text = render(&report);
            out.write_all(text.as_bytes()).map_err(io)?;
            Ok(i32::from(!report.is_equivalent()))
        }
        Command::Power { file, body, format, assume, lang } => {
            let Some((result, _)) = load_clean(&file, err, color)? else { return Ok(1) };
            let Some(model) = &result.model else { return Ok(1) };
            let text = crate::power::command(model, body.as_deref(), assume.as_deref(), format)
                .map_err(|e| RunError(format!("{}: {e}", file.display())))?;
            let text = if format == crate::power::PowerFormat::Text {
                let lang = crate::i18n::choose(lang.as_deref(), &[crate::i18n::text_lang(&result.text)]);
                crate::i18n_diag::translate_lines(&text, lang)
            } else {
                text
            };
            out.write_all(text.as_bytes()).map_err(io)?;
            Ok(0)
        }
        Command::Rules { format: QueryFormat::Json, lang } => {
            let lang = crate::i18n::choose(lang.as_deref(), &[]);
            let list: Vec<serde_json::Value> = rules::REGISTRY
                .iter()
                .map(|r| {
                    let params: Vec<serde_json::Value> = r
                        .params
                        .iter()
                        .map(|p| serde_json::json!({"name": p.name, "default": p.default, "min": p.min, "description": p.description}))
                        .collect();
                    serde_json::json!({"code": r.code, "name": r.name, "severity": r.severity, "summary": rule_summary(r, lang), "parameters": params})
                })
                .collect();
            out.write_all(json_text(&serde_json::Value::Array(list))?.as_bytes()).map_err(io)?;
            Ok(0)
        }
        Command::Convert { keywords, file, write } => {
            crate::cli_convert::convert(&keywords, &file, write, out, err, color)
        }
        Command::Completions { shell } => {
            let mut cmd = <Cli as clap::CommandFactory>::command();
            clap_complete::generate(shell, &mut cmd, "pakt", out);
            Ok(0)
        }
        Command::Man { command } => {
            crate::cli_check::man_page(command.as_deref(), out)?;
            Ok(0)
        }
        Command::Fmt { paths, check, diff, keywords } => {
            let keywords =
                keywords.map(|k| if k == "de" { crate::keywords::Lang::De } else { crate::keywords::Lang::En });
            crate::fmt::run::run(&paths, crate::fmt::run::Options { check, diff, color, keywords }, out, err)
        }
        Command::Init { name, template } => {
            let path = crate::init::create(template, &name)?;
            writeln!(
                out,
                "created {0} from the {1} template; `pakt check {0}` lists what to fill in",
                path.display(),
                clap::ValueEnum::to_possible_value(&template).map(|v| v.get_name().to_string()).unwrap_or_default()
            )
            .map_err(io)?;
            Ok(0)
        }
        Command::Render { file, format, draft } => {
            let result = check::check_file(&file, &Settings::default())?;
            let Some(model) = result
                .model
                .as_ref()
                .filter(|_| !result.diagnostics.iter().any(|d| d.is_error() && !d.code.starts_with('A')))
            else {
                let options = output::Options { color, quiet: true, verbose: false };
                err.write_all(output::format(Format::Human, std::slice::from_ref(&result), &options).as_bytes())
                    .map_err(io)?;
                return Ok(1);
            };
            let open: Vec<_> = result.diagnostics.iter().filter(|d| d.suppressed.is_none()).cloned().collect();
            let doc = crate::render::document(model, draft, &open);
            let bytes = match format {
                RenderFormat::Md => (crate::render::output::markdown(&doc) + "\n").into_bytes(),
                RenderFormat::Html => crate::render::output::html(&doc).into_bytes(),
                RenderFormat::Pdf => crate::render::pdf::pdf(&crate::render::output::html(&doc)).map_err(RunError)?,
                RenderFormat::Docx => crate::render::docx::docx(&doc).map_err(RunError)?,
            };
            out.write_all(&bytes).map_err(io)?;
            Ok(0)
        }
        Command::Lsp => Err(RunError("`pakt lsp` talks over the process's own stdin and stdout".into())),
        Command::Rules { format: QueryFormat::Text, lang } => {
            let lang = crate::i18n::choose(lang.as_deref(), &[]);
            for r in rules::REGISTRY {
                let params: Vec<String> = r.params.iter().map(|p| format!("{}={}", p.name, p.default)).collect();
                let params = if params.is_empty() { String::new() } else { format!(" [{}]", params.join(", ")) };
                let severity = crate::i18n::severity(lang, r.severity);
                writeln!(out, "{}  {:<26} {:<8} {}{params}", r.code, r.name, severity, rule_summary(r, lang))
                    .map_err(io)?;
            }
            Ok(0)
        }
        Command::Explain { rule, lang } if crate::i18n::choose(lang.as_deref(), &[]) == crate::keywords::Lang::De => {
            crate::cli_lang::explain_de(&rule, out)
        }
        Command::Explain { rule, lang: _ } => match rules::find(&rule) {
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
                // Problems found before the rules run: syntax, values, references, configuration.
                let builtin =
                    crate::diagnostic::BUILTIN.iter().find(|(c, n, _)| c.eq_ignore_ascii_case(&rule) || *n == rule);
                if let Some((code, name, summary)) = builtin {
                    let mut chars = summary.chars();
                    let summary: String =
                        chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default();
                    writeln!(
                        out,
                        "{code} ({name}), always {}\n\n{summary}.\n\n{}",
                        match crate::diagnostic::builtin_severity(code) {
                            crate::diagnostic::Severity::Warning => "a warning",
                            crate::diagnostic::Severity::Error => "an error",
                        },
                        crate::cli_check::builtin_note(code)
                    )
                    .map_err(io)?;
                    return Ok(0);
                }
                let hint = rules::nearest(&rule)
                    .map(|r| format!("; did you mean `{}` ({})?", r.name, r.code))
                    .unwrap_or_default();
                Err(RunError(format!("no rule `{rule}`{hint} (`pakt rules` lists them)")))
            }
        },
    }
}

fn json_text(v: &serde_json::Value) -> Result<String, RunError> {
    serde_json::to_string_pretty(v).map(|s| s + "\n").map_err(|e| RunError(e.to_string()))
}

/// "; did you mean `x`?" for a near id, or nothing.
fn suggest<'a>(key: &str, ids: impl Iterator<Item = &'a str>) -> String {
    ids.map(|i| (crate::resolve::levenshtein(key, i.split_once(':').map_or(i, |(_, x)| x)), i))
        .filter(|(d, _)| *d <= (key.chars().count() / 3).max(1))
        .min()
        .map(|(_, i)| format!("; did you mean `{i}`?"))
        .unwrap_or_default()
}

/// Check one file fully; print its diagnostics to `err` and return `None`
/// when it has errors, else the result and the superseded agreement.
fn load_clean(
    file: &std::path::Path,
    err: &mut dyn Write,
    color: bool,
) -> Result<Option<(FileResult, Option<FileResult>)>, RunError> {
    let result = check::check_file(file, &Settings::default())?;
    // Syntax, value and reference errors leave no model to work on; rule
    // findings do not: the graph, `who` and `obligations` work on any file
    // that compiles, and say on stderr that findings exist.
    let compiles =
        result.model.is_some() && !result.diagnostics.iter().any(|d| d.is_error() && !d.code.starts_with('A'));
    if !compiles {
        let options = output::Options { color, quiet: true, verbose: false };
        err.write_all(output::format(Format::Human, std::slice::from_ref(&result), &options).as_bytes())
            .map_err(|e| RunError(format!("cannot write output: {e}")))?;
        writeln!(
            err,
            "pakt: {} does not compile, so there is nothing to show; fix the errors above first",
            file.display()
        )
        .map_err(|e| RunError(format!("cannot write output: {e}")))?;
        return Ok(None);
    }
    let findings = result.diagnostics.iter().filter(|d| d.suppressed.is_none()).count();
    if findings > 0 {
        writeln!(
            err,
            "note: {} has {findings} rule finding{} (see `pakt check {}`); shown anyway",
            file.display(),
            if findings == 1 { "" } else { "s" },
            file.display()
        )
        .map_err(|e| RunError(format!("cannot write output: {e}")))?;
    }
    let predecessor =
        result.model.as_ref().and_then(|m| check::load_predecessor(file, m, &Limits::default())).and_then(Result::ok);
    Ok(Some((result, predecessor)))
}

/// One version read for `diff` (a file, or `REV:PATH` from git). Prints the
/// diagnostics and returns `None` when it does not compile.
fn load_version(
    version: Result<crate::diff_input::Version, RunError>,
    err: &mut dyn Write,
    color: bool,
) -> Result<Option<(String, crate::model::Model)>, RunError> {
    match version? {
        crate::diff_input::Version::Ok { text, model } => Ok(Some((text, *model))),
        crate::diff_input::Version::Broken { result, .. } => {
            let options = output::Options { color, quiet: true, verbose: false };
            err.write_all(output::format(Format::Human, std::slice::from_ref(&*result), &options).as_bytes())
                .map_err(|e| RunError(format!("cannot write output: {e}")))?;
            Ok(None)
        }
    }
}

/// A rule's one-line summary in a language: the German one is the heading of
/// its German explanation (`# A001 parity: …`), so it cannot drift from it.
fn rule_summary(r: &rules::RuleInfo, lang: crate::keywords::Lang) -> String {
    if lang == crate::keywords::Lang::De {
        let heading = rules::explanation_de(r.code).and_then(|t| t.lines().next()).and_then(|l| l.split_once(": "));
        if let Some((_, summary)) = heading {
            return summary.trim().to_string();
        }
    }
    r.summary.to_string()
}

/// Free the models of a large run on a thread of their own: freeing the
/// model of a 10 MB file takes about 35 ms, which nothing needs to wait
/// for (the process may exit meanwhile; in a longer-lived caller the
/// thread finishes on its own). Small runs are freed here, where a thread
/// would cost more than it saves.
fn free_beside(results: Vec<check::FileResult>) {
    const LARGE: usize = 1 << 20;
    if results.iter().map(|r| r.text.len()).sum::<usize>() >= LARGE {
        // Without a thread to be had, `spawn` frees them itself, as before.
        let detached = std::thread::Builder::new().name("free".into()).spawn(move || drop(results));
        drop(detached);
    }
}
