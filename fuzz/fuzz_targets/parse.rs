//! The parser on arbitrary UTF-8: it returns a tree or one diagnostic,
//! never panics, never overflows the stack.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let _ = pakt::syntax::parse(text);
});
