//! pakt: a compiler and validator for agreements as code.
//!
//! The pipeline, one module a stage: text → parse tree (`syntax`) → typed
//! AST with spans (`lower`) → resolved model (`resolve`) → checks (`rules`)
//! → outputs (diagnostics, graph, diff).

pub mod diagnostic;
pub mod model;
pub mod span;
pub mod syntax;
pub mod values;
