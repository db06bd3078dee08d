//! Atomic replacement of a file's contents.
//!
//! In: a path and the new contents. Out: the file replaced in one step
//! (temporary file in the same folder, flushed to disk, given the
//! original's permissions, then renamed over it), or an error with the
//! original untouched and no temporary file left behind.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

static COUNTER: AtomicUsize = AtomicUsize::new(0);

/// Replace the contents of `path` with `contents`.
pub fn write_atomic(path: &Path, contents: &[u8]) -> io::Result<()> {
    replace_with(path, |file| file.write_all(contents))
}

/// Replace the contents of `path` with what `fill` writes into the
/// temporary file. If `fill` fails, nothing changes.
pub fn replace_with(path: &Path, fill: impl FnOnce(&mut fs::File) -> io::Result<()>) -> io::Result<()> {
    // Follow a symbolic link so that the link stays and its target changes.
    let target = fs::canonicalize(path)?;
    let permissions = fs::metadata(&target)?.permissions();
    let tmp = temporary_path(&target)?;
    let mut file = fs::OpenOptions::new().write(true).create_new(true).open(&tmp)?;
    let result = fill(&mut file)
        .and_then(|()| file.sync_all())
        .and_then(|()| fs::set_permissions(&tmp, permissions))
        .and_then(|()| {
            drop(file);
            fs::rename(&tmp, &target)
        });
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

fn temporary_path(target: &Path) -> io::Result<PathBuf> {
    let name = target
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "not a file name"))?
        .to_string_lossy();
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    Ok(target.with_file_name(format!(".{name}.pakt-fmt-{}-{n}.tmp", std::process::id())))
}
