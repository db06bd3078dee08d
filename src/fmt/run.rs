//! The `pakt fmt` command: files, folders or standard input in; formatted
//! files, a list of files that would change, or a unified diff out.
//!
//! Exit codes (as `black`, and apart from rustfmt, which says 1 for both):
//! 0 nothing to do or all written; 1 `--check` found files that would
//! change; 2 a file could not be formatted (syntax error, unreadable,
//! unwritable) — those files are left as they are.

use super::{format_text, FmtError};
use crate::check::{self, FileResult, Limits, RunError};
use crate::output::{self, Format};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Change nothing; list the files that would change and exit 1.
    pub check: bool,
    /// Change nothing; show the changes as a unified diff.
    pub diff: bool,
    pub color: bool,
    /// Also write the keywords in this set (`--keywords de|en`).
    pub keywords: Option<crate::keywords::Lang>,
}

/// Format `paths` (`-` is standard input, written to `out`).
pub fn run(paths: &[PathBuf], options: Options, out: &mut dyn Write, err: &mut dyn Write) -> Result<i32, RunError> {
    let io = |e: std::io::Error| RunError(format!("cannot write output: {e}"));
    let mut failed = false;
    let mut changed = false;
    let (stdin, files): (Vec<&PathBuf>, Vec<PathBuf>) = {
        let stdin: Vec<&PathBuf> = paths.iter().filter(|p| p.as_os_str() == "-").collect();
        let rest: Vec<PathBuf> = paths.iter().filter(|p| p.as_os_str() != "-").cloned().collect();
        let files = if rest.is_empty() { Vec::new() } else { check::discover(&rest)? };
        (stdin, files)
    };
    if !stdin.is_empty() {
        let mut bytes = Vec::new();
        std::io::stdin().read_to_end(&mut bytes).map_err(|e| RunError(format!("cannot read standard input: {e}")))?;
        match format_bytes(Path::new("<stdin>"), bytes, options, err)? {
            None => failed = true,
            Some((before, after)) => {
                if options.check || options.diff {
                    if before != after {
                        changed = true;
                        report(Path::new("<stdin>"), &before, &after, options, out).map_err(io)?;
                    }
                } else {
                    out.write_all(after.as_bytes()).map_err(io)?;
                }
            }
        }
    }
    for path in &files {
        let size = std::fs::metadata(path).map_err(|e| RunError(format!("cannot read {}: {e}", path.display())))?.len();
        if size > Limits::default().max_file_bytes {
            writeln!(err, "error: {}: the file has {size} bytes, more than pakt formats", path.display())
                .map_err(io)?;
            failed = true;
            continue;
        }
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => {
                writeln!(err, "error: cannot read {}: {e}", path.display()).map_err(io)?;
                failed = true;
                continue;
            }
        };
        let Some((before, after)) = format_bytes(path, bytes, options, err)? else {
            failed = true;
            continue;
        };
        if before == after {
            continue;
        }
        changed = true;
        if options.check || options.diff {
            report(path, &before, &after, options, out).map_err(io)?;
        } else if let Err(e) = super::write::write_atomic(path, after.as_bytes()) {
            writeln!(err, "error: cannot write {}: {e} (the file is unchanged)", path.display()).map_err(io)?;
            failed = true;
        }
    }
    Ok(if failed { 2 } else { i32::from(changed && options.check) })
}

/// Decode and format; print why not and return `None` when it cannot be.
fn format_bytes(
    path: &Path,
    bytes: Vec<u8>,
    options: Options,
    err: &mut dyn Write,
) -> Result<Option<(String, String)>, RunError> {
    let io = |e: std::io::Error| RunError(format!("cannot write output: {e}"));
    let (text, problem) = match check::decode(bytes) {
        Ok(text) => match options
            .keywords
            .map_or(Ok(text.clone()), |lang| crate::convert::convert_keywords(&text, lang))
            .map_err(|mut ds| (!ds.is_empty()).then(|| ds.remove(0)))
        {
            Err(Some(d)) => (text, d),
            Err(None) => {
                writeln!(err, "error: {}: the keywords cannot be converted", path.display()).map_err(io)?;
                return Ok(None);
            }
            Ok(converted) => match format_text(&converted) {
                Ok(after) => return Ok(Some((text, after))),
                Err(FmtError::Syntax(d)) => (text, *d),
                Err(e @ FmtError::Unsafe(_)) => {
                    writeln!(err, "error: {}: {e}", path.display()).map_err(io)?;
                    return Ok(None);
                }
            },
        },
        Err((text, d)) => (text, d),
    };
    let result = FileResult { path: path.to_path_buf(), text, model: None, diagnostics: vec![problem] };
    let human = output::Options { color: options.color, quiet: true, verbose: false };
    err.write_all(output::format(Format::Human, std::slice::from_ref(&result), &human).as_bytes()).map_err(io)?;
    writeln!(err, "error: {} not formatted: fix the syntax error first", path.display()).map_err(io)?;
    Ok(None)
}

fn report(path: &Path, before: &str, after: &str, options: Options, out: &mut dyn Write) -> std::io::Result<()> {
    if options.check {
        writeln!(out, "{}", path.display())?;
    }
    if options.diff {
        let name = path.display().to_string();
        let diff = similar::TextDiff::from_lines(before, after);
        let text = diff
            .unified_diff()
            .context_radius(3)
            .header(&format!("{name} (original)"), &format!("{name} (formatted)"))
            .to_string();
        out.write_all(text.as_bytes())?;
    }
    Ok(())
}
