//! What the command line does around the commands: colour choice, a
//! standard output that ends quietly when the reader goes away (`pakt rules
//! | head -1`), and `--output-file` written atomically.
//!
//! In: the options and the bytes a command wrote. Out: the exit code and
//! the file or stream written.

use std::io::{self, Write};
use std::path::Path;

/// `--color`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ColorChoice {
    /// Colour on a terminal, unless NO_COLOR is set (and not empty).
    #[default]
    Auto,
    /// Always colour, also in pipes and files (over NO_COLOR).
    Always,
    /// Never colour.
    Never,
}

impl ColorChoice {
    /// Whether to colour output going to a terminal (`is_terminal`) or not.
    pub fn enabled(self, is_terminal: bool) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => crate::cli::use_color(is_terminal),
        }
    }
}

/// A writer that turns a broken pipe into silence: once the reader has
/// gone, later writes succeed without writing, and `broken` says so. Other
/// errors pass through.
pub struct QuietPipe<W: Write> {
    inner: W,
    pub broken: bool,
}

impl<W: Write> QuietPipe<W> {
    pub fn new(inner: W) -> Self {
        QuietPipe { inner, broken: false }
    }
}

impl<W: Write> Write for QuietPipe<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.broken {
            return Ok(buf.len());
        }
        match self.inner.write(buf) {
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
                self.broken = true;
                Ok(buf.len())
            }
            other => other,
        }
    }
    fn flush(&mut self) -> io::Result<()> {
        if self.broken {
            return Ok(());
        }
        match self.inner.flush() {
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
                self.broken = true;
                Ok(())
            }
            other => other,
        }
    }
}

/// Write `bytes` to `path` atomically: into a new file next to it, then
/// renamed over it, so that a reader never sees half a report and a
/// failed run leaves the old file as it was.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    };
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let tmp = dir.join(format!(".{name}.pakt-{}.tmp", std::process::id()));
    let result = (|| {
        let mut f = std::fs::OpenOptions::new().write(true).create_new(true).open(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// The arguments as given, with `--` after `diff` when git calls pakt as
/// its diff driver (`pakt diff PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE
/// NEW-HEX NEW-MODE`, two more for a rename): a file named `-p.pakt` is a
/// path there, not an option.
pub fn driver_args(mut args: Vec<std::ffi::OsString>) -> Vec<std::ffi::OsString> {
    let mode = |a: &std::ffi::OsString| {
        a.to_str().is_some_and(|m| m == "." || (m.len() == 6 && m.bytes().all(|b| b.is_ascii_digit())))
    };
    let hex = |a: &std::ffi::OsString| a.to_str().is_some_and(|h| h == "." || h.bytes().all(|b| b.is_ascii_hexdigit()));
    let driver = (args.len() == 9 || args.len() == 11)
        && args.get(1).is_some_and(|a| a == "diff")
        && args.get(4).is_some_and(hex)
        && args.get(5).is_some_and(mode)
        && args.get(7).is_some_and(hex)
        && args.get(8).is_some_and(mode);
    if driver {
        args.insert(2, "--".into());
    }
    args
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Closed;
    impl Write for Closed {
        fn write(&mut self, _: &[u8]) -> io::Result<usize> {
            Err(io::Error::from(io::ErrorKind::BrokenPipe))
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_broken_pipe_is_silent() {
        let mut w = QuietPipe::new(Closed);
        assert!(writeln!(w, "one").is_ok());
        assert!(writeln!(w, "two").is_ok());
        assert!(w.broken);
    }

    #[test]
    fn driver_arguments_are_paths() {
        let git: Vec<std::ffi::OsString> =
            ["pakt", "diff", "-p.pakt", "/tmp/a", "0123abc", "100644", "-p.pakt", ".", "."]
                .iter()
                .map(Into::into)
                .collect();
        assert_eq!(driver_args(git.clone()).get(2).and_then(|a| a.to_str()), Some("--"));
        let user: Vec<std::ffi::OsString> =
            ["pakt", "diff", "a.pakt", "b.pakt", "--format", "json"].iter().map(Into::into).collect();
        assert_eq!(driver_args(user.clone()), user);
    }

    #[test]
    fn colour_choice() {
        assert!(ColorChoice::Always.enabled(false));
        assert!(!ColorChoice::Never.enabled(true));
        assert!(!ColorChoice::Auto.enabled(false));
    }
}
