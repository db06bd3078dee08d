//! Differential: `pakt check`'s block-by-block compile against the
//! whole-file parse (`check::compile_whole_file`). Without a syntax error the
//! model and the diagnostics must be identical; with one, the whole-file
//! error must be among the block-by-block errors, and there is no model.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pakt::check::{self, Limits};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let limits = Limits { max_file_bytes: 1 << 20, max_elements: 2_000 };
    let whole = check::compile_whole_file(text, &limits);
    let blocks = check::compile(text, &limits);
    if whole.diagnostics.iter().any(|d| matches!(d.code, "P001" | "P002" | "P005")) {
        assert!(blocks.model.is_none());
        assert!(whole.diagnostics.iter().all(|d| blocks.diagnostics.contains(d)));
    } else {
        assert_eq!(whole.diagnostics, blocks.diagnostics);
        let json = |c: &check::Compiled| c.model.as_ref().map(|m| serde_json::to_string(m).unwrap_or_default());
        assert_eq!(json(&whole), json(&blocks));
    }
});
