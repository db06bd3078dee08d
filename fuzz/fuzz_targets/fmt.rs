//! `pakt fmt` on any text: it refuses with a syntax error, or its result
//! compiles to the same model and formats to itself. It never declares its
//! own result unsafe (that would be a layout bug caught by verification).
#![no_main]

use libfuzzer_sys::fuzz_target;
use pakt::check::{self, Limits};
use pakt::fmt::{format_text, model_json, FmtError};

fuzz_target!(|text: &str| {
    match format_text(text) {
        Ok(out) => {
            let limits = Limits::default();
            let before = check::compile(text, &limits);
            let after = check::compile(&out, &limits);
            assert_eq!(model_json(before.model.as_ref()), model_json(after.model.as_ref()), "the model changed");
            assert_eq!(format_text(&out).as_ref(), Ok(&out), "not idempotent");
        }
        Err(FmtError::Syntax(_)) => {}
        Err(e @ FmtError::Unsafe(_)) => panic!("{e}"),
    }
});
