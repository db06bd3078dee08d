//! Parsing and compiling the same generated agreement written with English
//! and with German keywords (`pakt convert --keywords de`): the German set
//! must not make parsing slower (within 10 %; the keyword rules try the
//! German words as further alternatives, longest first).
//!
//! `cargo bench --bench keywords`; compare `parse::english` with
//! `parse::german` at each size, and the same for `compile`. Also the cost
//! of the conversion itself.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use divan::counter::BytesCount;
use divan::{black_box, Bencher};
use pakt::check::{compile, Limits};
use pakt::keywords::Lang;

const SIZES: &[usize] = &[1_000, 10_000];

fn main() {
    divan::main();
}

fn texts(size: usize) -> (String, String) {
    let en = pakt::gen::generate(size, 7);
    let de = pakt::convert::convert_keywords(&en, Lang::De).unwrap();
    (en, de)
}

mod parse {
    use super::*;

    #[divan::bench(args = SIZES)]
    fn english(bencher: Bencher, size: usize) {
        let (en, _) = texts(size);
        bencher.counter(BytesCount::of_str(&en)).bench(|| pakt::syntax::parse(black_box(&en)).is_ok());
    }

    #[divan::bench(args = SIZES)]
    fn german(bencher: Bencher, size: usize) {
        let (_, de) = texts(size);
        bencher.counter(BytesCount::of_str(&de)).bench(|| pakt::syntax::parse(black_box(&de)).is_ok());
    }
}

mod compile_stage {
    use super::*;

    #[divan::bench(args = SIZES)]
    fn english(bencher: Bencher, size: usize) {
        let (en, _) = texts(size);
        bencher.bench(|| compile(black_box(&en), &Limits::default()).diagnostics.len());
    }

    #[divan::bench(args = SIZES)]
    fn german(bencher: Bencher, size: usize) {
        let (_, de) = texts(size);
        bencher.bench(|| compile(black_box(&de), &Limits::default()).diagnostics.len());
    }
}

#[divan::bench(args = SIZES)]
fn convert_to_german(bencher: Bencher, size: usize) {
    let (en, _) = texts(size);
    bencher
        .counter(BytesCount::of_str(&en))
        .bench(|| pakt::convert::convert_keywords(black_box(&en), Lang::De).is_ok());
}

/// The pass that tells a file's keyword set and finds mixed keywords (part
/// of every compile), on an already parsed tree.
#[divan::bench(args = SIZES)]
fn language_pass(bencher: Bencher, size: usize) {
    let (en, _) = texts(size);
    let file = pakt::syntax::parse(&en).unwrap();
    bencher.bench_local(|| pakt::keywords::file_language(black_box(&file)).1.len());
}
