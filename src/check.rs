//! The check pipeline for files on disk: find `*.pakt` files, read them
//! safely, compile each (parse → lower → resolve), load the agreement a file
//! supersedes, run the rules, and collect every diagnostic in a stable order.
//!
//! In: paths given on the command line and settings. Out: one `FileResult`
//! per file, sorted by path. Files are checked in parallel across cores.

use crate::config::Config;
use crate::diagnostic::{self, Diagnostic, Label, Related, Severity};
use crate::model::Model;
use crate::span::Span;
use crate::{blockwise, lower, resolve, rules, syntax};
use std::path::{Path, PathBuf};

// `Limits` lives below both `check` and `config` (config reads them from
// pakt.toml, check applies them); re-exported here for existing callers.
pub use crate::limits::Limits;

/// The result of compiling one text.
#[derive(Debug, Clone)]
pub struct Compiled {
    /// The resolved model; `None` when the file has a syntax error.
    pub model: Option<Model>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Compiled {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// Parse, lower and resolve one text. No rules. Parsed block by block: a
/// file with syntax errors reports all of them (and the value problems of
/// the blocks that parsed) but is not resolved, so that names defined in a
/// broken block do not show up as undefined.
pub fn compile(text: &str, limits: &Limits) -> Compiled {
    compile_on(text, limits, blockwise::cores())
}

/// `compile` parsing on at most `threads` threads (the result is the same).
pub fn compile_on(text: &str, limits: &Limits, threads: usize) -> Compiled {
    match blockwise::parse_and_lower_on(text, threads) {
        blockwise::Parsed::Ok(ast, diagnostics) => resolved(*ast, diagnostics, limits),
        blockwise::Parsed::SyntaxErrors(mut diagnostics) => {
            diagnostic::sort(&mut diagnostics);
            Compiled { model: None, diagnostics }
        }
    }
}

/// `compile` with the whole file parsed at once: the reference the block by
/// block parse is tested against.
pub fn compile_whole_file(text: &str, limits: &Limits) -> Compiled {
    let file = match syntax::parse(text) {
        Ok(file) => file,
        Err(d) => return Compiled { model: None, diagnostics: vec![d] },
    };
    let (ast, diagnostics) = lower::lower(file);
    resolved(ast, diagnostics, limits)
}

fn resolved(ast: crate::model::Ast, mut diagnostics: Vec<Diagnostic>, limits: &Limits) -> Compiled {
    let (model, more) = resolve::resolve(ast);
    diagnostics.extend(more);
    let elements = model.element_count();
    if elements > limits.max_elements {
        diagnostics.push(
            Diagnostic::error(
                "P009",
                "too-many-elements",
                format!("the agreement has {elements} elements, more than the limit of {}", limits.max_elements),
                Label::new(Span::new(model.id.span.start, model.id.span.end), "this agreement"),
            )
            .with_help("split the agreement, or raise `max-elements` under `[limits]` in pakt.toml"),
        );
    }
    diagnostic::sort(&mut diagnostics);
    Compiled { model: Some(model), diagnostics }
}

/// Decode file bytes as UTF-8 text without NUL bytes. On failure, the
/// diagnostic names the byte offset; the returned text is a lossy copy
/// good enough to point at it.
pub fn decode(bytes: Vec<u8>) -> Result<String, (String, Diagnostic)> {
    match String::from_utf8(bytes) {
        Ok(text) => match text.find('\0') {
            None => Ok(text),
            Some(at) => {
                let d = Diagnostic::error(
                    "P007",
                    "nul-byte",
                    format!("the file contains a NUL byte at byte offset {at}"),
                    Label::new(Span::new(at, at + 1), "NUL byte"),
                )
                .with_help("an agreement is plain text; remove the NUL byte (was the file saved by a binary tool?)");
                Err((text, d))
            }
        },
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let bad = e.utf8_error().error_len().unwrap_or(1);
            let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
            let d = Diagnostic::error(
                "P006",
                "invalid-utf8",
                format!("the file is not valid UTF-8: invalid byte at byte offset {at}"),
                Label::new(Span::new(at, at + '\u{FFFD}'.len_utf8()), format!("{bad} invalid byte(s) here")),
            )
            .with_help("save the file as UTF-8 (it may be Latin-1 or Windows-1252, where umlauts are single bytes)");
            Err((text, d))
        }
    }
}

/// How a run is set up.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    pub limits: Limits,
    /// A configuration file given explicitly; otherwise `pakt.toml` is
    /// looked up from each checked file.
    pub config: Option<PathBuf>,
    /// Use no pakt.toml at all (`--no-config`).
    pub no_config: bool,
    /// How folders are searched.
    pub walk: crate::walk::WalkOptions,
    /// Rules selected on the command line (over pakt.toml).
    pub selection: crate::select::Selection,
    /// `--lang` (or `PAKT_LANG`): the language of a configuration error,
    /// which comes before any file is read.
    pub lang: Option<String>,
}

/// One checked file.
#[derive(Debug, Clone)]
pub struct FileResult {
    /// The path as shown to people (relative as given).
    pub path: PathBuf,
    /// The text as read (lossy if it was not UTF-8).
    pub text: String,
    pub model: Option<Model>,
    pub diagnostics: Vec<Diagnostic>,
}

impl FileResult {
    pub fn display_path(&self) -> String {
        self.path.display().to_string()
    }
    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics.iter().filter(|d| d.suppressed.is_none() && d.severity == severity).count()
    }
}

/// A problem with the run itself (exit code 2), not with an agreement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunError(pub String);

impl std::fmt::Display for RunError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Expand the given paths: files as they are, directories recursively to
/// their `*.pakt` files (see `walk`), sorted, each file once.
pub fn discover(paths: &[PathBuf]) -> Result<Vec<PathBuf>, RunError> {
    crate::walk::discover(paths, crate::walk::WalkOptions::default()).map(|d| d.files)
}

/// Read and compile one file (no rules). I/O errors are run errors.
pub fn load(path: &Path, limits: &Limits) -> Result<FileResult, RunError> {
    let size = std::fs::metadata(path).map_err(|e| RunError(format!("cannot read {}: {e}", path.display())))?.len();
    if size > limits.max_file_bytes {
        let d = Diagnostic::error(
            "P008",
            "file-too-large",
            format!("the file has {size} bytes, more than the limit of {} bytes", limits.max_file_bytes),
            Label::new(Span::new(0, 0), "not read"),
        )
        .with_help("split the agreement, or raise `max-file-size` under `[limits]` in pakt.toml (or --max-file-size)");
        return Ok(FileResult { path: path.to_path_buf(), text: String::new(), model: None, diagnostics: vec![d] });
    }
    let bytes = std::fs::read(path).map_err(|e| RunError(format!("cannot read {}: {e}", path.display())))?;
    let text = match decode(bytes) {
        Ok(text) => text,
        Err((text, d)) => return Ok(FileResult { path: path.to_path_buf(), text, model: None, diagnostics: vec![d] }),
    };
    let compiled = compile(&text, limits);
    Ok(FileResult { path: path.to_path_buf(), text, model: compiled.model, diagnostics: compiled.diagnostics })
}

/// Load the agreement a model supersedes, relative to the file's folder.
/// Only a regular `*.pakt` file inside the repository is read (see
/// `predecessor`). Returns the predecessor, or the diagnostic that says why
/// it is missing; that never quotes a file that did not compile.
pub fn load_predecessor(path: &Path, model: &Model, limits: &Limits) -> Option<Result<FileResult, Diagnostic>> {
    let sup = model.supersedes.as_ref()?;
    let base = path.parent().unwrap_or(Path::new("."));
    let target = base.join(&sup.value);
    let not_found = |why: String| {
        Diagnostic::error(
            "R007",
            "predecessor-not-found",
            format!("the superseded agreement `{}` cannot be read: {why}", sup.value),
            Label::new(sup.span, "path relative to this file's folder"),
        )
        .with_help(format!(
            "looked for {}; give the path of an earlier agreement (`*.pakt`) inside this repository, relative to this file",
            target.display()
        ))
    };
    let real = match crate::predecessor::locate(path, &sup.value) {
        Ok(real) => real,
        Err(refusal) => return Some(Err(not_found(refusal.reason()))),
    };
    Some(match load(&real, limits) {
        Err(e) => Err(not_found(e.0)),
        Ok(pre) if pre.model.is_none() || pre.diagnostics.iter().any(Diagnostic::is_error) => {
            let first = pre.diagnostics.first();
            // A file that does not even parse may be anything: name the
            // problem, never its text.
            let message = match (&pre.model, first) {
                (Some(_), Some(d)) => d.message.clone(),
                (None, Some(d)) => format!("{}({}): it is not a readable agreement", d.code, d.name),
                (_, None) => String::new(),
            };
            let d = Diagnostic::error(
                "R007",
                "predecessor-not-found",
                format!("the superseded agreement `{}` has errors", sup.value),
                Label::new(sup.span, "this agreement cannot be compared with it"),
            )
            .with_related(Related {
                path: target.display().to_string(),
                span: first.map(|d| d.primary.span).unwrap_or_default(),
                message,
                position: None,
            })
            .with_help("fix the superseded agreement first");
            Err(d)
        }
        Ok(pre) => Ok(FileResult { path: target, ..pre }),
    })
}

/// Check one file completely: compile, load its predecessor, run rules.
pub fn check_file(path: &Path, settings: &Settings) -> Result<FileResult, RunError> {
    check_file_in(path, None, settings).map(|(r, _)| r)
}

/// The configuration a file was checked with, for the summary and SARIF.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ConfigUse {
    /// The pakt.toml read, if any.
    pub path: Option<PathBuf>,
    /// The rules it (with the command line's selection) turns off.
    pub off: Vec<&'static str>,
}

/// The configuration for `path`, with the command line's selection applied.
fn config_for(path: &Path, boundary: Option<&Path>, settings: &Settings) -> Result<Config, RunError> {
    let mut config = if settings.no_config {
        Config::default()
    } else {
        Config::for_file_within(path, settings.config.as_deref(), boundary).map_err(|mut e| {
            let lang = crate::i18n::choose(settings.lang.as_deref(), &[]);
            e.diagnostic = crate::i18n_diag::localize(&e.diagnostic, lang, crate::keywords::Lang::En);
            RunError(e.to_string())
        })?
    };
    settings.selection.apply(&mut config);
    Ok(config)
}

/// An unreadable or vanished file: a finding for that file, so that the
/// other files are still checked and every output is written.
fn unreadable(path: &Path, why: &RunError) -> FileResult {
    let d = Diagnostic::error("P012", "unreadable-file", why.0.clone(), Label::new(Span::new(0, 0), "not read"))
        .with_help("check that the file exists and can be read (permissions, a link to a missing file)");
    FileResult { path: path.to_path_buf(), text: String::new(), model: None, diagnostics: vec![d] }
}

/// [`check_file`] within a folder that bounds the pakt.toml lookup
/// outside a repository; also says which configuration applied.
pub fn check_file_in(
    path: &Path,
    boundary: Option<&Path>,
    settings: &Settings,
) -> Result<(FileResult, ConfigUse), RunError> {
    let config = config_for(path, boundary, settings)?;
    let limits = config.limits(settings.limits);
    let result = load(path, &limits).unwrap_or_else(|e| unreadable(path, &e));
    Ok((finish(path, result, &config, &limits), config_use(&config)))
}

/// Check a text that was not read from `path` (standard input): `path`
/// names it in messages and is where pakt.toml and a superseded agreement
/// are looked up from.
pub fn check_bytes(path: &Path, bytes: Vec<u8>, settings: &Settings) -> Result<(FileResult, ConfigUse), RunError> {
    let config = config_for(path, None, settings)?;
    let limits = config.limits(settings.limits);
    let result = load_bytes(path, bytes, &limits);
    Ok((finish(path, result, &config, &limits), config_use(&config)))
}

fn config_use(config: &Config) -> ConfigUse {
    ConfigUse {
        path: config.path.clone(),
        off: rules::REGISTRY.iter().filter(|r| config.severity(r).is_none()).map(|r| r.name).collect(),
    }
}

/// Compile bytes already read, with the size limit.
fn load_bytes(path: &Path, bytes: Vec<u8>, limits: &Limits) -> FileResult {
    let size = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if size > limits.max_file_bytes {
        let d = Diagnostic::error(
            "P008",
            "file-too-large",
            format!("the file has {size} bytes, more than the limit of {} bytes", limits.max_file_bytes),
            Label::new(Span::new(0, 0), "not read"),
        )
        .with_help("split the agreement, or raise `max-file-size` under `[limits]` in pakt.toml (or --max-file-size)");
        return FileResult { path: path.to_path_buf(), text: String::new(), model: None, diagnostics: vec![d] };
    }
    let text = match decode(bytes) {
        Ok(text) => text,
        Err((text, d)) => return FileResult { path: path.to_path_buf(), text, model: None, diagnostics: vec![d] },
    };
    let compiled = compile(&text, limits);
    FileResult { path: path.to_path_buf(), text, model: compiled.model, diagnostics: compiled.diagnostics }
}

/// Load the predecessor and run the rules on a compiled file.
fn finish(path: &Path, mut result: FileResult, config: &Config, limits: &Limits) -> FileResult {
    if let Some(model) = &result.model {
        let has_errors = result.diagnostics.iter().any(Diagnostic::is_error);
        let predecessor = match load_predecessor(path, model, limits) {
            None => None,
            Some(Ok(pre)) => Some(pre),
            Some(Err(d)) => {
                result.diagnostics.push(d);
                None
            }
        };
        if !has_errors {
            let ctx = rules::Context {
                model,
                predecessor: predecessor.as_ref().and_then(|p| p.model.as_ref()),
                predecessor_path: predecessor.as_ref().map(|p| p.display_path()),
                config,
            };
            result.diagnostics.extend(rules::run(&ctx));
        }
        // Point related locations in the predecessor at line and column.
        if let Some(pre) = &predecessor {
            let idx = crate::span::LineIndex::new(&pre.text);
            let shown = pre.display_path();
            for d in &mut result.diagnostics {
                for r in d.related.iter_mut().filter(|r| r.path == shown) {
                    r.position = Some(idx.position(&pre.text, r.span.start));
                }
            }
        }
        diagnostic::sort(&mut result.diagnostics);
    }
    result
}

/// Check many files in parallel; results in path order.
pub fn check_paths(paths: &[PathBuf], settings: &Settings) -> Result<Vec<FileResult>, RunError> {
    check_run(paths, settings).map(|run| run.results)
}

/// Everything a run found: the results in path order, the configuration of
/// each (same order), and warnings about entries the walk left out.
#[derive(Debug, Clone, Default)]
pub struct Run {
    pub results: Vec<FileResult>,
    pub configs: Vec<ConfigUse>,
    pub warnings: Vec<String>,
}

/// Discover the files under `paths` and check them in parallel.
pub fn check_run(paths: &[PathBuf], settings: &Settings) -> Result<Run, RunError> {
    let found = crate::walk::discover(paths, settings.walk)?;
    let files = found.files;
    // Outside a repository, pakt.toml is looked up no higher than the folder given.
    let roots: Vec<PathBuf> =
        paths.iter().filter(|p| p.is_dir()).filter_map(|p| std::fs::canonicalize(p).ok()).collect();
    let boundary = |file: &Path| -> Option<PathBuf> {
        let canonical = std::fs::canonicalize(file).ok()?;
        roots.iter().filter(|r| canonical.starts_with(r)).min_by_key(|r| r.components().count()).cloned()
    };
    let results = in_parallel(&files, |path| check_file_in(path, boundary(path).as_deref(), settings));
    let mut run = Run { warnings: found.warnings, ..Run::default() };
    for r in results {
        let (result, config) = r?;
        run.results.push(result);
        run.configs.push(config);
    }
    Ok(run)
}

/// Check `files` in parallel with `check` (`check_file`; tests pass one
/// that fails), one result per file in the order given. A check that
/// panics, or a worker that dies, gives a run error for its file: no
/// file's result is ever dropped, so a failure can never turn into a pass.
#[doc(hidden)]
pub fn check_files_with<F>(files: &[PathBuf], settings: &Settings, check: F) -> Vec<Result<FileResult, RunError>>
where
    F: Fn(&Path, &Settings) -> Result<FileResult, RunError> + Sync,
{
    in_parallel(files, |path| check(path, settings))
}

/// Run `check` on every file on all cores; one result per file, in order.
fn in_parallel<T: Send, F>(files: &[PathBuf], check: F) -> Vec<Result<T, RunError>>
where
    F: Fn(&Path) -> Result<T, RunError> + Sync,
{
    let workers = blockwise::cores().min(files.len().max(1));
    let next = std::sync::atomic::AtomicUsize::new(0);
    let check = &check;
    let mut results: Vec<(usize, Result<T, RunError>)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                scope.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(path) = files.get(i) else { break };
                        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| check(path)));
                        let result = outcome.unwrap_or_else(|payload| {
                            let why = payload
                                .downcast_ref::<&str>()
                                .map(|s| s.to_string())
                                .or_else(|| payload.downcast_ref::<String>().cloned())
                                .unwrap_or_else(|| "unknown cause".to_string());
                            Err(RunError(format!(
                                "internal error while checking {}: {why} (this is a bug in pakt; please report it)",
                                path.display()
                            )))
                        });
                        mine.push((i, result));
                    }
                    mine
                })
            })
            .collect();
        handles.into_iter().flat_map(|h| h.join().unwrap_or_default()).collect()
    });
    results.sort_by_key(|(i, _)| *i);
    // Any file a dead worker took without a result gets one.
    let mut out = Vec::with_capacity(files.len());
    let mut results = results.into_iter().peekable();
    for (i, path) in files.iter().enumerate() {
        match results.next_if(|(j, _)| *j == i) {
            Some((_, r)) => out.push(r),
            None => out.push(Err(RunError(format!("internal error: {} was not checked", path.display())))),
        }
    }
    out
}
