//! Commands around the checking: standard input as `-` for `pakt check`
//! (named by `--stdin-filename`), the manual pages, and the text `pakt
//! explain` gives for problems that are not rules.
//!
//! In: the paths given and the settings. Out: a `check::Run` with the text
//! from standard input first, then the files in path order.

use crate::check::{self, Run, RunError, Settings};
use std::io::Read;
use std::path::{Path, PathBuf};

/// Check the paths; `-` stands for standard input, read once.
pub fn run(paths: &[PathBuf], stdin_filename: Option<&Path>, settings: &Settings) -> Result<Run, RunError> {
    let (stdin, files): (Vec<&PathBuf>, Vec<&PathBuf>) = paths.iter().partition(|p| p.as_os_str() == "-");
    if stdin.is_empty() && stdin_filename.is_some() {
        return Err(RunError("--stdin-filename names standard input, which is read when a path is `-`".into()));
    }
    let files: Vec<PathBuf> = files.into_iter().cloned().collect();
    let mut run = if files.is_empty() { Run::default() } else { check::check_run(&files, settings)? };
    if !stdin.is_empty() {
        let mut bytes = Vec::new();
        let limit = settings.limits.max_file_bytes.saturating_add(1);
        std::io::stdin()
            .take(limit)
            .read_to_end(&mut bytes)
            .map_err(|e| RunError(format!("cannot read standard input: {e}")))?;
        let name = stdin_filename.map_or_else(|| PathBuf::from("-"), Path::to_path_buf);
        let (result, config) = check::check_bytes(&name, bytes, settings)?;
        run.results.insert(0, result);
        run.configs.insert(0, config);
    }
    Ok(run)
}

/// The manual page of pakt, or of one of its commands (`pakt-check(1)`).
pub fn man_page(command: Option<&str>, out: &mut dyn std::io::Write) -> Result<(), RunError> {
    let mut cmd = <crate::cli::Cli as clap::CommandFactory>::command().disable_help_subcommand(true);
    cmd.build();
    let page = match command {
        None => cmd,
        Some(name) => cmd.find_subcommand(name).cloned().ok_or_else(|| {
            let names: Vec<&str> = cmd.get_subcommands().map(|c| c.get_name()).collect();
            RunError(format!("no command `{name}`; commands: {}", names.join(", ")))
        })?,
    };
    clap_mangen::Man::new(page).render(out).map_err(|e| RunError(format!("cannot write output: {e}")))
}

/// What `pakt explain` adds for a problem that is not a rule: why it cannot
/// be configured, and where to read on.
pub fn builtin_note(code: &str) -> &'static str {
    match code {
        "C001" => {
            "This is not a rule: pakt.toml could not be read as a configuration, so nothing was checked (exit code 2). The message points into pakt.toml; README.md (Configuration) describes its two tables, and docs/schema/pakt-toml.schema.json lets an editor check it as you type."
        }
        "P008" | "P009" => {
            "This is not a rule: it cannot be allowed in an agreement, because the file was not checked beyond this limit. The limit can be raised under `[limits]` in pakt.toml (`max-file-size`, `max-elements`) or with `--max-file-size`."
        }
        "P006" | "P007" => {
            "This is not a rule: it cannot be configured or allowed, because the file is not plain UTF-8 text. Save the agreement as UTF-8 without NUL bytes."
        }
        "P012" => {
            "This is not a rule: the file could not be read at all (it is missing, vanished while pakt ran, or may not be read). The other files are still checked and every output is written; the finding counts as an error."
        }
        "R008" => {
            "This is not a rule: it checks the `allow`s themselves. A finding can be allowed only where it is reported: in the element pakt names with the finding (a body, a seat, an obligation, …) or in the agreement header. An `allow` anywhere else, or of a rule that finds nothing in this agreement, would hide nothing today but hide a real finding tomorrow, so pakt warns and says where the `allow` must go. Move it there, or remove it."
        }
        "R007" => {
            "This is not a rule: it cannot be configured or allowed, because the rules that compare an agreement with the one it supersedes need that agreement. `supersedes` takes the path of the earlier agreement relative to this file."
        }
        _ => {
            "This is not a rule: it cannot be configured or allowed, because the agreement cannot be read as written. The diagnostic says where, and what was expected; docs/language.md describes the language."
        }
    }
}
