//! Benchmark of `pakt render` on the Thüringen agreement (the largest
//! seed): building the document and writing Markdown and HTML, with the
//! compile as a baseline. `cargo bench --bench render`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use divan::black_box;
use pakt::check::{compile, Limits};
use pakt::model::Model;
use std::sync::LazyLock;

static TEXT: LazyLock<String> = LazyLock::new(|| std::fs::read_to_string("agreements/thueringen-2018.pakt").unwrap());
static MODEL: LazyLock<Model> = LazyLock::new(|| compile(&TEXT, &Limits::default()).model.unwrap());

fn main() {
    divan::main();
}

#[divan::bench]
fn compile_baseline() -> Option<Model> {
    compile(black_box(&TEXT), &Limits::default()).model
}

#[divan::bench]
fn markdown() -> String {
    pakt::render::output::markdown(&pakt::render::document(black_box(&MODEL), false, &[]))
}

#[divan::bench]
fn html_draft() -> String {
    pakt::render::output::html(&pakt::render::document(black_box(&MODEL), true, &[]))
}
