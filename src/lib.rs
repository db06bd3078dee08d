//! pakt: a compiler and validator for agreements as code.
//!
//! The pipeline, one module a stage: text → parse tree (`syntax`) → typed
//! AST with spans (`lower`) → resolved model (`resolve`) → checks (`rules`)
//! → outputs (diagnostics, graph, diff).

pub mod check;
pub mod cli;
pub mod config;
pub mod diagnostic;
pub mod diff;
pub mod escape;
pub mod gen;
pub mod graph;
pub mod lower;
pub mod model;
pub mod output;
pub mod predecessor;
pub mod resolve;
pub mod rules;
pub mod span;
pub mod syntax;
pub mod values;
pub mod work;
