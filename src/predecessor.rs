//! Where `supersedes "…"` may point: only at an agreement, never beyond the
//! checkout. An agreement file in CI is untrusted; without these checks
//! `supersedes "/dev/zero"` would hang the check, `supersedes "/proc/…"` or
//! a symlink would read files outside the repository, and a diagnostic
//! quoting the "predecessor" would print what it found there.
//!
//! In: the path of the checked file and the `supersedes` string. Out: the
//! file to read (a regular `*.pakt` file inside the repository — the
//! nearest folder above the file that holds `.git` — or, outside any
//! repository, inside the file's own folder), or why it is refused.

use std::path::{Path, PathBuf};

/// Why a `supersedes` path is not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// It does not exist or cannot be looked at; the OS error.
    Unreadable(String),
    /// Its name does not end in `.pakt`.
    NotAnAgreement,
    /// It is a folder, a device, a FIFO or a socket.
    NotAFile(&'static str),
    /// It (or a symlink on the way) leads outside the allowed folder.
    Outside(PathBuf),
}

impl Refusal {
    pub fn reason(&self) -> String {
        match self {
            Refusal::Unreadable(e) => e.clone(),
            Refusal::NotAnAgreement => "only agreements (files ending in `.pakt`) are read".into(),
            Refusal::NotAFile(what) => format!("it is {what}, not a regular file"),
            Refusal::Outside(root) => {
                format!("it lies outside {} (symlinks are followed before this check)", root.display())
            }
        }
    }
}

/// The folder a predecessor must lie in: the repository root above
/// `folder` (the nearest ancestor with a `.git` entry), else `folder`.
pub fn allowed_root(folder: &Path) -> PathBuf {
    folder.ancestors().find(|a| a.join(".git").exists()).unwrap_or(folder).to_path_buf()
}

/// The file `supersedes` names, checked: `file` is the agreement that
/// names it. The returned path is canonical (symlinks resolved).
pub fn locate(file: &Path, supersedes: &str) -> Result<PathBuf, Refusal> {
    if !supersedes.ends_with(".pakt") {
        return Err(Refusal::NotAnAgreement);
    }
    let folder = file.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let folder = folder.canonicalize().map_err(|e| Refusal::Unreadable(e.to_string()))?;
    let target = folder.join(supersedes).canonicalize().map_err(|e| Refusal::Unreadable(e.to_string()))?;
    let root = allowed_root(&folder);
    if !target.starts_with(&root) {
        return Err(Refusal::Outside(root));
    }
    // The name after resolving symlinks counts: a `x.pakt` link to a
    // `notes.txt` is not an agreement either.
    if target.extension().is_none_or(|e| e != "pakt") {
        return Err(Refusal::NotAnAgreement);
    }
    let meta = std::fs::metadata(&target).map_err(|e| Refusal::Unreadable(e.to_string()))?;
    let kind = meta.file_type();
    if kind.is_dir() {
        return Err(Refusal::NotAFile("a folder"));
    }
    if !kind.is_file() {
        return Err(Refusal::NotAFile(special_kind(&kind)));
    }
    Ok(target)
}

#[cfg(unix)]
fn special_kind(kind: &std::fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if kind.is_fifo() {
        "a FIFO (named pipe)"
    } else if kind.is_char_device() || kind.is_block_device() {
        "a device"
    } else if kind.is_socket() {
        "a socket"
    } else {
        "not a regular file"
    }
}

#[cfg(not(unix))]
fn special_kind(_: &std::fs::FileType) -> &'static str {
    "not a regular file"
}
