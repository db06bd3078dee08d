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
pub mod cli_convert;
pub mod cli_io;
pub mod cli_lang;
pub mod config;
pub mod convert;
pub mod cst;
pub mod diagnostic;
pub mod diff;
pub mod diff_input;
pub mod escape;
pub mod fmt;
pub mod gen;
pub mod graph;
pub mod i18n;
pub mod i18n_diag;
pub mod init;
pub mod keywords;
pub mod limits;
pub mod lower;
pub mod lsp;
pub mod model;
pub mod output;
pub mod power;
pub mod predecessor;
pub mod render;
pub mod resolve;
pub mod rules;
pub mod select;
pub mod span;
pub mod split;
pub mod syntax;
pub mod syntax_hints;
pub mod values;
pub mod walk;
pub mod work;
