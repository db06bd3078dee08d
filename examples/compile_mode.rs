//! Compile one file the way `pakt check` does (block by block, on all
//! cores) or with the whole file parsed at once, for comparing peak memory
//! and time under `/usr/bin/time -v` (docs/performance.md).
//!
//! ```text
//! cargo run --release --example compile_mode -- blocks FILE
//! cargo run --release --example compile_mode -- whole FILE
//! ```

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(mode), Some(path)) = (args.first(), args.get(1)) else {
        eprintln!("usage: compile_mode blocks|whole FILE");
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
        _ => {
            eprintln!("mode is `blocks` or `whole`");
            return ExitCode::from(2);
        }
    };
    let elements = compiled.model.as_ref().map_or(0, pakt::model::Model::element_count);
    println!("{} bytes, {elements} elements, {} diagnostics", text.len(), compiled.diagnostics.len());
    ExitCode::SUCCESS
}
