//! The whole pipeline on arbitrary bytes, as `pakt check` runs it on a file:
//! decode (UTF-8, NUL), parse, lower, resolve, the limit on elements, every
//! rule, and the rendering of every diagnostic (human and JSON output).
//!
//! Unlike `pakt check`, the rules also run on models that have errors, so
//! that they are fuzzed on half-broken models too.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pakt::check::{self, FileResult, Limits};
use pakt::config::Config;
use pakt::output::{self, Format, Options};
use std::path::PathBuf;

fuzz_target!(|data: &[u8]| {
    let limits = Limits { max_file_bytes: 1 << 20, max_elements: 2_000 };
    let (text, diagnostics, model) = match check::decode(data.to_vec()) {
        Err((text, d)) => (text, vec![d], None),
        Ok(text) => {
            let compiled = check::compile(&text, &limits);
            let mut diagnostics = compiled.diagnostics;
            if let Some(model) = &compiled.model {
                let config = Config::default();
                let ctx = pakt::rules::Context { model, predecessor: None, predecessor_path: None, config: &config };
                diagnostics.extend(pakt::rules::run(&ctx));
            }
            (text, diagnostics, compiled.model)
        }
    };
    let result = FileResult { path: PathBuf::from("fuzz.pakt"), text, model, diagnostics };
    let results = [result];
    let options = Options::default();
    let _ = output::format(Format::Human, &results, &options);
    let _ = output::format(Format::Json, &results, &options);
});
