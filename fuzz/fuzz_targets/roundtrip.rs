//! The JSON model round trip: whatever model compiles from a text, its JSON
//! dump (as `pakt dump --json` writes it) parses back to the same model.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pakt::check::{self, Limits};
use pakt::model::Model;

fuzz_target!(|text: &str| {
    let limits = Limits { max_file_bytes: 1 << 20, max_elements: 2_000 };
    let compiled = check::compile(text, &limits);
    if let Some(model) = compiled.model {
        let json = serde_json::to_string(&model).expect("a model serializes");
        let back: Model = serde_json::from_str(&json).expect("the dump parses back");
        assert_eq!(back, model, "the JSON round trip changed the model");
        let pretty = serde_json::to_string_pretty(&model).expect("a model serializes");
        let back: Model = serde_json::from_str(&pretty).expect("the pretty dump parses back");
        assert_eq!(back, model, "the pretty JSON round trip changed the model");
    }
});
