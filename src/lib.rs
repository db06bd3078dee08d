//! pakt: a compiler and validator for agreements as code.
//!
//! The pipeline, one module a stage: text → parse tree (`syntax`) → typed
//! AST with spans (`lower`) → resolved model (`resolve`) → checks (`rules`)
//! → outputs (diagnostics, graph, diff).

// pest's generated parser names `alloc::…` when pest is built without `std`.
extern crate alloc;

pub mod blockwise;
pub mod check;
pub mod cli;
pub mod cli_check;
pub mod cli_io;
pub mod config;
pub mod diagnostic;
pub mod diff;
pub mod diff_input;
pub mod gen;
pub mod graph;
pub mod lower;
pub mod model;
pub mod output;
pub mod power;
pub mod resolve;
pub mod rules;
pub mod select;
pub mod span;
pub mod split;
pub mod syntax;
pub mod syntax_hints;
pub mod values;
pub mod walk;
