//! Benchmark of `pakt diff` (issue 15: two 10,000-element versions in
//! under 0.2 s).
//!
//! `cargo bench --bench diff`. The old version is `pakt::gen::generate`; the
//! new one is the same text mutated cluster by cluster (see `mutate`):
//! goals renamed (matched by content), meeting rules, amounts and
//! modalities changed, obligations removed, goals added. Both are compiled
//! outside the timed part, as `pakt diff` loads the two files in parallel
//! before it compares them.
//!
//! - `diff`: the two models → `Report` (`pakt::diff::diff`)
//! - `diff_and_text`: the same and the text report, what `pakt diff` prints
//! - `diff_and_json`: the same and the JSON report

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use divan::{black_box, Bencher};
use pakt::check::{self, Limits};
use pakt::model::Model;
use std::sync::LazyLock;

const SIZES: &[usize] = &[1_000, 10_000];

fn main() {
    divan::main();
}

struct Pair {
    old_text: String,
    new_text: String,
    old: Model,
    new: Model,
}

static PAIRS: LazyLock<Vec<Pair>> = LazyLock::new(|| SIZES.iter().map(|&s| pair(s)).collect());

fn get(size: usize) -> &'static Pair {
    &PAIRS[SIZES.iter().position(|s| *s == size).expect("a benchmarked size")]
}

fn compile(text: &str) -> Model {
    check::compile(text, &Limits::default()).model.expect("a model")
}

fn pair(size: usize) -> Pair {
    let old_text = pakt::gen::generate(size, 1);
    let new_text = mutate(&old_text);
    let (old, new) = (compile(&old_text), compile(&new_text));
    let report = pakt::diff::diff(&old, &old_text, "old.pakt", &new, &new_text, "new.pakt");
    eprintln!(
        "size {size}: {} and {} elements, {} changes ({} renamed)",
        old.element_count(),
        new.element_count(),
        report.changes.len(),
        report.changes.iter().filter(|c| c.rule == "element.renamed").count()
    );
    assert!(report.changes.len() > size / 50, "the mutation changes enough");
    Pair { old_text, new_text, old, new }
}

/// The next version: in every 7th cluster the goal is renamed (its text
/// gains a word), in every 3rd the bodies meet more often, in every 5th the
/// amounts grow tenfold, in every 13th the obligations become `shall`, in
/// every 11th an obligation is dropped; one new goal per 50 lines.
fn mutate(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 10);
    let mut cluster = 0usize;
    let mut skipping = false;
    let mut lines = 0usize;
    for line in text.lines() {
        lines += 1;
        if let Some(rest) =
            line.strip_prefix("// ---------------------------------------------------------------- cluster ")
        {
            cluster = rest.trim().parse().unwrap_or(cluster);
        }
        if skipping {
            if line == "}" {
                skipping = false;
            }
            continue;
        }
        if cluster % 11 == 0 && line.starts_with(&format!("obligation pflicht_{cluster}_2 {{")) {
            skipping = !line.ends_with('}');
            continue;
        }
        let mut l = line.to_string();
        if cluster % 7 == 0 && l.starts_with(&format!("goal ziel_{cluster} ")) {
            l = l.replacen(&format!("ziel_{cluster} "), &format!("ziel_{cluster}_neu "), 1).replacen(
                ".\"",
                " gemeinsam.\"",
                1,
            );
        }
        if cluster % 3 == 0 {
            l = l.replace("meets at_least 3 per year", "meets at_least 4 per year");
        }
        if cluster % 5 == 0 && l.trim_start().starts_with("up_to EUR ") && l.ends_with(" million") {
            l = l.replace(" million", "0 million");
        }
        if cluster % 13 == 0 {
            l = l.replace("  must \"", "  shall \"");
        }
        out.push_str(&l);
        out.push('\n');
    }
    for i in 0..lines / 50 {
        out.push_str(&format!("goal neu_{i} \"Ein neues Ziel Nummer {i} der Fortschreibung\"\n"));
    }
    out
}

#[divan::bench(args = SIZES, sample_count = 20)]
fn diff(bencher: Bencher, size: usize) {
    let p = get(size);
    bencher.bench(|| {
        pakt::diff::diff(black_box(&p.old), &p.old_text, "old.pakt", black_box(&p.new), &p.new_text, "new.pakt")
    });
}

#[divan::bench(args = SIZES, sample_count = 20)]
fn diff_and_text(bencher: Bencher, size: usize) {
    let p = get(size);
    bencher.bench(|| {
        let r =
            pakt::diff::diff(black_box(&p.old), &p.old_text, "old.pakt", black_box(&p.new), &p.new_text, "new.pakt");
        pakt::diff::text(&r, false).len()
    });
}

#[divan::bench(args = SIZES, sample_count = 20)]
fn diff_and_json(bencher: Bencher, size: usize) {
    let p = get(size);
    bencher.bench(|| {
        let r =
            pakt::diff::diff(black_box(&p.old), &p.old_text, "old.pakt", black_box(&p.new), &p.new_text, "new.pakt");
        pakt::diff::json(&r).to_string().len()
    });
}
