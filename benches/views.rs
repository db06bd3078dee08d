//! Benchmarks of the views of `pakt graph --view` (`pakt::graph::views`).
//!
//! `cargo bench --bench views`. Each runs on the Thüringen agreement and
//! on a generated agreement of 1,000 elements, model to output:
//!
//! - `picture`: model → picture model, for each view
//! - `svg_builtin`: picture → SVG with the built-in layout
//! - `svg_graphviz`: picture → SVG laid out by Graphviz `dot` (a
//!   subprocess; falls back to built-in when `dot` is missing, so compare
//!   with `svg_builtin` to see which ran)
//! - `dot`: picture → DOT text

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use divan::black_box;
use pakt::graph::views::{self, LayoutEngine, View};
use pakt::model::Model;

fn main() {
    divan::main();
}

const VIEWS: [View; 4] = [View::Governance, View::Money, View::Procedure, View::Obligations];

fn model(which: &str) -> Model {
    let text = match which {
        "thueringen" => std::fs::read_to_string("agreements/thueringen-2018.pakt").unwrap(),
        _ => pakt::gen::generate(1_000, 7),
    };
    pakt::check::compile(&text, &pakt::check::Limits::default()).model.unwrap()
}

#[divan::bench(args = ["thueringen", "generated_1000"])]
fn picture(bencher: divan::Bencher, which: &str) {
    let m = model(which);
    bencher.bench(|| VIEWS.map(|v| views::picture(black_box(&m), v)));
}

#[divan::bench(args = ["thueringen", "generated_1000"])]
fn svg_builtin(bencher: divan::Bencher, which: &str) {
    let m = model(which);
    let pictures: Vec<_> = VIEWS.iter().filter_map(|v| views::picture(&m, *v)).collect();
    bencher.bench(|| pictures.iter().map(|p| views::svg(black_box(p), LayoutEngine::Builtin).len()).sum::<usize>());
}

#[divan::bench(args = ["thueringen"], sample_count = 10)]
fn svg_graphviz(bencher: divan::Bencher, which: &str) {
    let m = model(which);
    let pictures: Vec<_> = VIEWS.iter().filter_map(|v| views::picture(&m, *v)).collect();
    bencher.bench(|| pictures.iter().map(|p| views::svg(black_box(p), LayoutEngine::Dot).len()).sum::<usize>());
}

#[divan::bench(args = ["thueringen", "generated_1000"])]
fn dot(bencher: divan::Bencher, which: &str) {
    let m = model(which);
    let pictures: Vec<_> = VIEWS.iter().filter_map(|v| views::picture(&m, *v)).collect();
    bencher.bench(|| pictures.iter().map(|p| views::dot(black_box(p)).len()).sum::<usize>());
}
