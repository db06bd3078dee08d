//! Benchmark of `pakt fmt` on generated agreements up to about 10 MB.
//!
//! `cargo bench --bench fmt`. `format` is the whole of `fmt::format_text`
//! (parse, layout, verification by re-lexing and compiling both texts);
//! `lex` is the lossless token layer alone, as a baseline.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use divan::counter::BytesCount;
use divan::{black_box, Bencher};
use std::sync::LazyLock;

/// Agreement sizes, in elements (about 100 bytes each: 100,000 ≈ 10 MB).
const SIZES: &[usize] = &[1_000, 10_000, 100_000];

static TEXTS: LazyLock<Vec<String>> = LazyLock::new(|| SIZES.iter().map(|&n| pakt::gen::generate(n, 1)).collect());

fn text(size: usize) -> &'static str {
    let i = SIZES.iter().position(|&s| s == size).unwrap();
    &TEXTS[i]
}

fn main() {
    divan::main();
}

#[divan::bench(args = SIZES, sample_count = 10)]
fn format(bencher: Bencher, size: usize) {
    let t = text(size);
    bencher.counter(BytesCount::of_str(t)).bench(|| pakt::fmt::format_text(black_box(t)).unwrap());
}

#[divan::bench(args = SIZES, sample_count = 10)]
fn lex(bencher: Bencher, size: usize) {
    let t = text(size);
    bencher.counter(BytesCount::of_str(t)).bench(|| pakt::cst::lex(black_box(t)));
}
