//! `pakt convert --keywords de|en FILE [--write]`: the command around
//! `convert::convert_keywords`.
//!
//! In: the target set, a file. Out: the converted text on standard output
//! (or the file rewritten atomically); a file that does not parse gets its
//! syntax error and exit code 1.

use crate::check::{FileResult, RunError};
use crate::keywords::Lang;
use crate::output::{self, Format};
use std::io::Write;
use std::path::Path;

pub fn convert(
    keywords: &str,
    file: &Path,
    write: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
    color: bool,
) -> Result<i32, RunError> {
    let io = |e: std::io::Error| RunError(format!("cannot write output: {e}"));
    let to =
        Lang::from_code(keywords).ok_or_else(|| RunError(format!("unknown keyword set `{keywords}`: de or en")))?;
    let bytes = std::fs::read(file).map_err(|e| RunError(format!("cannot read {}: {e}", file.display())))?;
    let text = match crate::check::decode(bytes) {
        Ok(text) => text,
        Err((text, d)) => return report(file, text, vec![d], err, color),
    };
    match crate::convert::convert_keywords(&text, to) {
        Ok(converted) => {
            if write {
                if converted != text {
                    crate::cli_io::write_atomically(file, converted.as_bytes())
                        .map_err(|e| RunError(format!("cannot write {}: {e}", file.display())))?;
                }
            } else {
                out.write_all(converted.as_bytes()).map_err(io)?;
            }
            Ok(0)
        }
        Err(diagnostics) => report(file, text, diagnostics, err, color),
    }
}

fn report(
    file: &Path,
    text: String,
    diagnostics: Vec<crate::diagnostic::Diagnostic>,
    err: &mut dyn Write,
    color: bool,
) -> Result<i32, RunError> {
    let result = FileResult { path: file.to_path_buf(), text, model: None, diagnostics };
    let options = output::Options { color, quiet: true, verbose: false };
    err.write_all(output::format(Format::Human, std::slice::from_ref(&result), &options).as_bytes())
        .map_err(|e| RunError(format!("cannot write output: {e}")))?;
    Ok(1)
}
