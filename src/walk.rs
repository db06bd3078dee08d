//! Finding the agreements to check: the paths given on the command line,
//! folders searched for `*.pakt` with the `ignore` crate (the walker of
//! ripgrep), so that `.gitignore`d and hidden folders are left out unless
//! asked for.
//!
//! In: paths and how to walk. Out: each file once (by its canonical path,
//! in the order of the sorted paths as shown) and warnings about entries
//! left out. A walk terminates: symbolic links are not followed unless
//! asked for, and then loops are detected by the walker and reported.

use crate::check::RunError;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// How folders are searched.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WalkOptions {
    /// Also search hidden files and folders (names starting with `.`).
    pub hidden: bool,
    /// Do not read `.gitignore`, `.ignore` and `.git/info/exclude`.
    pub no_ignore: bool,
    /// Follow symbolic links found in folders (loops are detected).
    pub follow_links: bool,
}

/// The files found, and what was left out and why.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Discovered {
    pub files: Vec<PathBuf>,
    /// One line each, for people (`skipped …`), without a `warning:` prefix.
    pub warnings: Vec<String>,
}

/// Expand `paths`: a file as it is (one that cannot be read too: that
/// becomes a finding for the file), a folder to its `*.pakt` files. A path
/// that names nothing is an error. A folder
/// without any agreement is an error, and so is an entry that is not a
/// regular file given by name (a FIFO would block the run forever).
pub fn discover(paths: &[PathBuf], options: WalkOptions) -> Result<Discovered, RunError> {
    let mut found = Discovered::default();
    let mut seen: BTreeSet<PathBuf> = BTreeSet::new();
    let mut files: Vec<PathBuf> = Vec::new();
    for p in paths {
        match std::fs::metadata(p) {
            Ok(meta) if meta.is_dir() => {
                let before = files.len();
                walk(p, options, &mut files, &mut found.warnings);
                if files.len() == before {
                    return Err(RunError(format!(
                        "no agreement (*.pakt) in {}{}",
                        p.display(),
                        if options.hidden && options.no_ignore {
                            String::new()
                        } else {
                            " (hidden and git-ignored entries left out; --hidden and --no-ignore include them)"
                                .to_string()
                        }
                    )));
                }
            }
            Ok(meta) if !meta.is_file() => {
                found.warnings.push(format!("skipped {}: not a regular file", p.display()));
            }
            // A path that names nothing is a mistake on the command line.
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(RunError(format!("cannot read {}: {e}", p.display())));
            }
            // A file, or one that cannot be read: the check reports it.
            _ => files.push(p.clone()),
        }
    }
    let mut shown: Vec<PathBuf> = Vec::new();
    for f in files {
        let key = std::fs::canonicalize(&f).unwrap_or_else(|_| f.clone());
        if seen.insert(key) {
            shown.push(f);
        }
    }
    shown.sort();
    if shown.is_empty() {
        return Err(RunError("no agreement to check".into()));
    }
    found.files = shown;
    Ok(found)
}

fn walk(dir: &Path, options: WalkOptions, files: &mut Vec<PathBuf>, warnings: &mut Vec<String>) {
    let walker = ignore::WalkBuilder::new(dir)
        .hidden(!options.hidden)
        .ignore(!options.no_ignore)
        .git_ignore(!options.no_ignore)
        .git_exclude(!options.no_ignore)
        .git_global(false)
        .parents(!options.no_ignore)
        .follow_links(options.follow_links)
        .sort_by_file_name(|a, b| a.cmp(b))
        // git's own folder holds no agreements, also with --hidden.
        .filter_entry(|e| e.file_name() != ".git")
        .build();
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                warnings.push(format!("skipped {}", walk_error(&e)));
                continue;
            }
        };
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "pakt") {
            continue;
        }
        let Some(kind) = entry.file_type() else { continue };
        if kind.is_file() {
            files.push(path.to_path_buf());
        } else if kind.is_symlink() {
            // Not followed: a link may lead out of the tree.
            warnings.push(format!("skipped {}: a symbolic link (--follow-links follows it)", path.display()));
        } else if !kind.is_dir() {
            warnings.push(format!("skipped {}: not a regular file", path.display()));
        }
    }
}

/// The walker's error in words, with the path it concerns.
fn walk_error(e: &ignore::Error) -> String {
    match e {
        ignore::Error::WithPath { path, err } => format!("{}: {}", path.display(), walk_error(err)),
        ignore::Error::WithDepth { err, .. } => walk_error(err),
        ignore::Error::Loop { child, ancestor } => {
            format!("{}: a symbolic link loop (back to {})", child.display(), ancestor.display())
        }
        other => other.to_string(),
    }
}
