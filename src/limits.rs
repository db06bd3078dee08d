//! The limits that keep pakt fast and safe on any input: in from pakt.toml
//! or the command line (via `config`), out to `check`, which applies them.
//! A module of its own so that `config` need not import `check`.

/// Limits that keep pakt fast and safe on any input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest file read, in bytes.
    pub max_file_bytes: u64,
    /// Most elements (parties, seats, steps, …) in one agreement.
    pub max_elements: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { max_file_bytes: 16 * 1024 * 1024, max_elements: 200_000 }
    }
}
