//! `pakt lsp`: a language server for .pakt files over stdio.
//!
//! In: LSP messages from an editor. Out: diagnostics (syntax, references,
//! rules, for the file and the open files that supersede it), hover,
//! definition, references, rename, completion, symbols, folding, semantic
//! tokens and quick fixes. `server::Server` holds the state and answers each
//! message; the other modules compute one feature each from an `Analysis`
//! (`analysis`) with byte spans, converted to UTF-16 positions in `text`.
//! Formatting is not served yet: it plugs in with `pakt fmt` (docs/editors.md).

pub mod actions;
pub mod analysis;
pub mod complete;
pub mod docs;
pub mod hover;
pub mod nav;
pub mod outline;
pub mod server;
pub mod text;
pub mod walk;

pub use server::{run_stdio, Server};
