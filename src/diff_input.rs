//! The two versions `pakt diff` compares: files, or `REV:PATH` read from
//! git; and the git diff driver, which must never make `git diff` or `git
//! log -p` fail.
//!
//! In: the arguments as given. Out: the texts and models, or diagnostics.
//! Every argument handed to git is validated first: a revision that starts
//! with `-` is refused (git would read it as an option), and the object
//! name is given after `--end-of-options`.

use crate::check::{self, FileResult, Limits, RunError};
use crate::model::Model;
use std::path::Path;

/// One version, read and compiled.
pub enum Version {
    Ok {
        text: String,
        model: Box<Model>,
    },
    /// The text does not compile: its diagnostics, for people.
    Broken {
        text: String,
        result: Box<FileResult>,
    },
}

/// The text of a version: a file, or `REV:PATH` from git.
pub fn read(arg: &str) -> Result<String, RunError> {
    let path = Path::new(arg);
    if path.is_file() {
        let bytes = std::fs::read(path).map_err(|e| RunError(format!("cannot read {arg}: {e}")))?;
        return check::decode(bytes).map_err(|(_, d)| RunError(format!("{arg}: {}", d.message)));
    }
    let Some((rev, file)) = arg.split_once(':').filter(|(rev, _)| !rev.is_empty()) else {
        return Err(RunError(format!("cannot read {arg}: no such file (for a git revision, write REV:PATH)")));
    };
    let spec = git_object(rev, file)?;
    let out = std::process::Command::new("git")
        .args(["show", "--no-textconv", "--end-of-options", &spec])
        .output()
        .map_err(|e| RunError(format!("cannot run git for {arg}: {e}")))?;
    if !out.status.success() {
        return Err(RunError(format!("cannot read {arg} from git: {}", String::from_utf8_lossy(&out.stderr).trim())));
    }
    check::decode(out.stdout).map_err(|(_, d)| RunError(format!("{arg}: {}", d.message)))
}

/// The object name `git show` is given for `REV:PATH`, or why not: a
/// revision must not look like an option, nor contain control characters.
pub fn git_object(rev: &str, file: &str) -> Result<String, RunError> {
    if rev.starts_with('-') {
        return Err(RunError(format!(
            "refused revision `{rev}`: it starts with `-`, which git would read as an option"
        )));
    }
    if rev.chars().chain(file.chars()).any(char::is_control) {
        return Err(RunError("refused `REV:PATH` with a control character".into()));
    }
    // `./` makes the path relative to the working folder, as a file argument is.
    Ok(if file.starts_with('/') || file.starts_with("./") {
        format!("{rev}:{file}")
    } else {
        format!("{rev}:./{file}")
    })
}

/// Read and compile both versions at once, one on each core.
pub fn load_both(old: &str, new: &str) -> (Result<Version, RunError>, Result<Version, RunError>) {
    // The cores are taken by the two versions: each parses on one thread.
    // (More threads would not be faster, and each keeps memory of its own.)
    let threads = (crate::blockwise::cores() / 2).max(1);
    std::thread::scope(|s| {
        let newer = s.spawn(|| load_on(new, threads));
        let older = load_on(old, threads);
        let newer = newer.join().unwrap_or_else(|e| std::panic::resume_unwind(e));
        (older, newer)
    })
}

/// Read and compile one version.
pub fn load(arg: &str) -> Result<Version, RunError> {
    load_on(arg, crate::blockwise::cores())
}

/// Read and compile one version, parsing on at most `threads` threads.
fn load_on(arg: &str, threads: usize) -> Result<Version, RunError> {
    let text = read(arg)?;
    let compiled = check::compile_on(&text, &Limits::default(), threads);
    Ok(match compiled.model {
        Some(model) if !compiled.has_errors() => Version::Ok { text, model: Box::new(model) },
        _ => {
            let result = FileResult {
                path: Path::new(arg).to_path_buf(),
                text: text.clone(),
                model: None,
                diagnostics: compiled.diagnostics,
            };
            Version::Broken { text, result: Box::new(result) }
        }
    })
}

/// What git passes a diff driver as the old or new file: `/dev/null` for a
/// file that is added or deleted.
fn absent(arg: &str) -> bool {
    arg == "/dev/null"
}

/// The git diff driver: `PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX
/// NEW-MODE`. Always a readable text; never an error, because an error
/// here stops `git diff` and `git log -p` for every other file.
pub fn driver(path: &str, old: &str, new: &str, render: &dyn Fn(&crate::diff::Report) -> String) -> String {
    let shown = path.chars().map(|c| if c.is_control() { '\u{FFFD}' } else { c }).collect::<String>();
    let header = format!("pakt diff {shown}\n");
    match (absent(old), absent(new)) {
        (true, true) => return format!("{header}note: neither version exists\n"),
        (true, false) => return format!("{header}note: a new agreement (no earlier version)\n{}", outline(new)),
        (false, true) => return format!("{header}note: the agreement is deleted\n{}", outline(old)),
        (false, false) => {}
    }
    let versions = load_both(old, new);
    match versions {
        (Ok(Version::Ok { text: ot, model: om }), Ok(Version::Ok { text: nt, model: nm })) => {
            render(&crate::diff::diff(&om, &ot, path, &nm, &nt, path))
        }
        (o, n) => {
            let mut out = header;
            for (which, v) in [("old", &o), ("new", &n)] {
                match v {
                    Err(e) => out.push_str(&format!("note: the {which} version cannot be read: {e}\n")),
                    Ok(Version::Broken { result, .. }) => {
                        let first = result.diagnostics.iter().find(|d| d.is_error());
                        let why = first
                            .map(|d| {
                                let pos = crate::span::LineIndex::new(&result.text)
                                    .position(&result.text, d.primary.span.start);
                                format!("{} {} at line {}: {}", d.code, d.name, pos.line, d.message)
                            })
                            .unwrap_or_else(|| "it has errors".into());
                        out.push_str(&format!("note: the {which} version does not compile ({why})\n"));
                    }
                    Ok(Version::Ok { .. }) => {}
                }
            }
            out.push_str("note: no comparison in substance; the lines that changed:\n");
            let read = |a: &str| std::fs::read(a).map(|b| String::from_utf8_lossy(&b).into_owned()).unwrap_or_default();
            let (ot, nt) = (read(old), read(new));
            let diff = similar::TextDiff::from_lines(&ot, &nt);
            out.push_str(&diff.unified_diff().context_radius(2).header("old", "new").to_string());
            out
        }
    }
}

/// A short outline of an added or deleted agreement: its id and title.
fn outline(arg: &str) -> String {
    match load(arg) {
        Ok(Version::Ok { model, .. }) => format!("agreement `{}`\n", model.id.value),
        Ok(Version::Broken { .. }) => "note: this version does not compile\n".into(),
        Err(e) => format!("note: {e}\n"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn option_like_revisions_are_refused() {
        assert!(git_object("--output=/tmp/x", "a.pakt").is_err());
        assert!(git_object("-p", "a.pakt").is_err());
        assert_eq!(git_object("HEAD~1", "a.pakt").ok().as_deref(), Some("HEAD~1:./a.pakt"));
        assert!(git_object("HEAD", "a\nb").is_err());
    }
}
