//! Compile one file the way `pakt check` does (block by block, on all
//! cores) or with the whole file parsed at once, for comparing peak memory
//! and time under `/usr/bin/time -v` (docs/performance.md).
//!
//! ```text
//! cargo run --release --example compile_mode -- blocks FILE
//! cargo run --release --example compile_mode -- whole FILE
//! cargo run --release --example compile_mode -- lower FILE   # no resolution
//! ```

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(mode), Some(path)) = (args.first(), args.get(1)) else {
        eprintln!("usage: compile_mode blocks|whole|lower FILE");
        return ExitCode::from(2);
    };
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{path}: {e}");
            return ExitCode::from(2);
        }
    };
    let limits = pakt::check::Limits { max_file_bytes: u64::MAX, max_elements: usize::MAX };
    let compiled = match mode.as_str() {
        "blocks" => pakt::check::compile(&text, &limits),
        "whole" => pakt::check::compile_whole_file(&text, &limits),
        // Parse and lower only (no resolution): where the memory goes.
        "lower" => {
            let n = match pakt::blockwise::parse_and_lower(&text) {
                pakt::blockwise::Parsed::Ok(ast, d) => ast.parties.len() + ast.obligations.len() + d.len(),
                pakt::blockwise::Parsed::SyntaxErrors(d) => d.len(),
            };
            println!("{} bytes, lowered ({n})", text.len());
            return ExitCode::SUCCESS;
        }
        _ => {
            eprintln!("mode is `blocks`, `whole` or `lower`");
            return ExitCode::from(2);
        }
    };
    let elements = compiled.model.as_ref().map_or(0, pakt::model::Model::element_count);
    println!("{} bytes, {elements} elements, {} diagnostics", text.len(), compiled.diagnostics.len());
    ExitCode::SUCCESS
}
