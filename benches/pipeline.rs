//! Benchmarks of pakt's pipeline on generated agreements, with baselines.
//!
//! `cargo bench --bench pipeline` (add `-- STAGE` to run one group, e.g.
//! `-- parse`). Each stage runs at several sizes (elements, as
//! `Model::element_count` counts them) and reports throughput in bytes of
//! pakt source and in elements.
//!
//! - `stages::parse`: text → pest parse tree (`syntax::parse`)
//! - `stages::lower`: parse tree → typed AST (`lower::lower`)
//! - `stages::resolve`: AST → resolved model (`resolve::resolve`)
//! - `stages::compile`: parse + lower + resolve (`check::compile`)
//! - `stages::rules`: every rule with the default configuration
//! - `stages::check`: decode + compile + rules, what `pakt check` does per file
//! - `baseline::read`: `std::fs::read` of the same pakt file
//! - `baseline::json_facts` / `baseline::toml_facts`: `serde_json` and
//!   `toml` 0.8 parsing the same facts (the model without spans, references
//!   as the names written) into their generic value types
//! - `baseline::toml_current_facts` / `baseline::toml_current_typed`: the
//!   current `toml` (0.9) into `toml::Table` and into typed structs (serde);
//!   these and `json_facts` drop their value inside the timed part, as the
//!   pakt stages do
//! - `baseline::json_model`: `serde_json` reading the full model dump
//!   (`pakt dump --json`, spans included) into `Model`
//! - `fixed_parties::{rules, check}`: the same on agreements whose number of
//!   parties stays fixed (about 20) as they grow
//! - `corpus`: 1,000 generated files checked with `check::check_paths`
//!   (parallel across cores), and reading the same files as a baseline
//!
//! Graph build and diff benchmarks go in the marked place below once those
//! modules exist.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use divan::counter::{BytesCount, ItemsCount};
use divan::{black_box, Bencher};
use pakt::check::{self, Limits, Settings};
use pakt::config::Config;
use pakt::model::Model;
use serde_json::Value;
use std::path::PathBuf;
use std::sync::LazyLock;

/// Agreement sizes, in elements.
const SIZES: &[usize] = &[100, 1_000, 10_000, 100_000];
/// Files in the corpus, and elements per file.
const CORPUS_FILES: usize = 1_000;
const CORPUS_FILE_SIZE: usize = 200;

fn main() {
    divan::main();
    let _ = std::fs::remove_dir_all(scratch());
}

fn scratch() -> PathBuf {
    std::env::temp_dir().join(format!("pakt-bench-{}", std::process::id()))
}

/// One generated agreement and the same facts in other formats.
struct Input {
    text: String,
    elements: usize,
    model: Model,
    /// The model as `pakt dump --json` writes it (with spans).
    model_json: String,
    /// The facts only (spans removed), as JSON and as TOML.
    facts_json: String,
    facts_toml: String,
    /// The pakt text written to a file, for the read baseline.
    path: PathBuf,
}

static INPUTS: LazyLock<Vec<Input>> = LazyLock::new(|| SIZES.iter().map(|&size| make_input(size)).collect());

fn input(size: usize) -> &'static Input {
    let i = SIZES.iter().position(|s| *s == size).expect("a benchmarked size");
    &INPUTS[i]
}

fn make_input(size: usize) -> Input {
    let (text, elements) = pakt::gen::generate_counted(size, 1);
    let compiled = check::compile(&text, &Limits::default());
    assert!(compiled.diagnostics.is_empty(), "generated input has diagnostics");
    let model = compiled.model.expect("a model");
    assert_eq!(model.element_count(), elements);
    let model_json = serde_json::to_string(&model).expect("json");
    let facts = strip_spans(serde_json::to_value(&model).expect("json value"));
    let facts_json = serde_json::to_string(&facts).expect("json");
    let facts_toml = toml::to_string(&to_toml(&facts).expect("an object")).expect("toml");
    let typed: typed::Facts = toml_current::from_str(&facts_toml).expect("typed facts");
    assert!(typed.parties.len() + typed.bodies.len() > 0, "typed facts are empty");
    let dir = scratch();
    std::fs::create_dir_all(&dir).expect("scratch dir");
    let path = dir.join(format!("input-{size}.pakt"));
    std::fs::write(&path, &text).expect("write input");
    eprintln!(
        "size {size}: {elements} elements; pakt {} B, facts JSON {} B, facts TOML {} B, model JSON {} B",
        text.len(),
        facts_json.len(),
        facts_toml.len(),
        model_json.len()
    );
    Input { text, elements, model, model_json, facts_json, facts_toml, path }
}

/// The facts of a model: `{value, span}` becomes the value, a resolved
/// reference becomes the name written, other `span` fields go, and so do
/// nulls and empty lists (TOML has no null).
fn strip_spans(v: Value) -> Value {
    match v {
        Value::Object(map) => {
            if map.len() == 2 && map.contains_key("value") && map.contains_key("span") {
                let mut map = map;
                return strip_spans(map.remove("value").unwrap_or(Value::Null));
            }
            // A resolved reference `{id, span, target}` is its name, as written.
            if map.len() == 3 && ["id", "span", "target"].iter().all(|k| map.contains_key(*k)) {
                let mut map = map;
                return map.remove("id").unwrap_or(Value::Null);
            }
            Value::Object(
                map.into_iter()
                    .filter(|(k, v)| k != "span" && !v.is_null() && v.as_array().is_none_or(|a| !a.is_empty()))
                    .map(|(k, v)| (k, strip_spans(v)))
                    .collect(),
            )
        }
        Value::Array(items) => Value::Array(items.into_iter().map(strip_spans).collect()),
        other => other,
    }
}

fn to_toml(v: &Value) -> Option<toml::Value> {
    Some(match v {
        Value::Null => return None,
        Value::Bool(b) => toml::Value::Boolean(*b),
        Value::Number(n) => match n.as_i64() {
            Some(i) => toml::Value::Integer(i),
            None => toml::Value::Float(n.as_f64().unwrap_or(0.0)),
        },
        Value::String(s) => toml::Value::String(s.clone()),
        Value::Array(items) => toml::Value::Array(items.iter().filter_map(to_toml).collect()),
        Value::Object(map) => {
            toml::Value::Table(map.iter().filter_map(|(k, v)| Some((k.clone(), to_toml(v)?))).collect())
        }
    })
}

fn counters<'a, 'b>(bencher: Bencher<'a, 'b>, input: &Input) -> Bencher<'a, 'b> {
    bencher.counter(BytesCount::new(input.text.len())).counter(ItemsCount::new(input.elements))
}

// ---------------------------------------------------------------- stages

#[divan::bench_group(sample_count = 20, max_time = 3)]
mod stages {
    use super::*;

    #[divan::bench(args = SIZES)]
    fn parse(bencher: Bencher, size: usize) {
        let input = input(size);
        counters(bencher, input).bench(|| pakt::syntax::parse(black_box(&input.text)).is_ok());
    }

    #[divan::bench(args = SIZES)]
    fn lower(bencher: Bencher, size: usize) {
        let input = input(size);
        counters(bencher, input)
            .with_inputs(|| pakt::syntax::parse(&input.text).expect("parses"))
            .bench_values(pakt::lower::lower);
    }

    #[divan::bench(args = SIZES)]
    fn resolve(bencher: Bencher, size: usize) {
        let input = input(size);
        counters(bencher, input)
            .with_inputs(|| pakt::lower::lower(pakt::syntax::parse(&input.text).expect("parses")).0)
            .bench_values(pakt::resolve::resolve);
    }

    #[divan::bench(args = SIZES)]
    fn compile(bencher: Bencher, size: usize) {
        let input = input(size);
        let limits = Limits::default();
        counters(bencher, input).bench(|| check::compile(black_box(&input.text), &limits));
    }

    #[divan::bench(args = SIZES)]
    fn rules(bencher: Bencher, size: usize) {
        let input = input(size);
        let config = Config::default();
        counters(bencher, input).bench(|| {
            let ctx = pakt::rules::Context {
                model: &input.model,
                predecessor: None,
                predecessor_path: None,
                config: &config,
            };
            pakt::rules::run(black_box(&ctx))
        });
    }

    #[divan::bench(args = SIZES)]
    fn check(bencher: Bencher, size: usize) {
        let input = input(size);
        let limits = Limits::default();
        let config = Config::default();
        counters(bencher, input).with_inputs(|| input.text.clone().into_bytes()).bench_values(|bytes| {
            let text = check::decode(bytes).expect("utf-8");
            let compiled = check::compile(&text, &limits);
            let model = compiled.model.expect("a model");
            let ctx =
                pakt::rules::Context { model: &model, predecessor: None, predecessor_path: None, config: &config };
            pakt::rules::run(&ctx).len() + compiled.diagnostics.len()
        });
    }

    // ------------------------------------------------------------ graph build and diff

    /// Model → obligation graph (petgraph), no export.
    #[divan::bench(args = SIZES)]
    fn graph(bencher: Bencher, size: usize) {
        let input = input(size);
        counters(bencher, input).bench(|| pakt::graph::build(black_box(&input.model), None).graph.node_count());
    }

    /// Two versions: the generated agreement against a copy in which ten
    /// duties are weakened from `must` to `shall` (a realistic review).
    #[divan::bench(args = SIZES)]
    fn diff(bencher: Bencher, size: usize) {
        let input = input(size);
        let edited = input.text.replacen("must \"", "shall \"", 10);
        let new = check::compile(&edited, &Limits::default()).model.expect("the edited copy compiles");
        counters(bencher, input).bench(|| {
            let report = pakt::diff::diff(&input.model, &input.text, "old", black_box(&new), &edited, "new");
            report.changes.len()
        });
    }
}

// ---------------------------------------------------------------- fixed parties

/// The same stages on agreements whose parties do not grow with the size
/// (`gen::generate_with_party_groups`, 8 groups: 16–24 parties), as in real
/// agreements. Compare with `stages` to see what the number of parties costs.
static FIXED: LazyLock<Vec<(String, usize, Model)>> = LazyLock::new(|| {
    SIZES
        .iter()
        .map(|&size| {
            let (text, elements) = pakt::gen::generate_with_party_groups(size, 1, FIXED_PARTY_GROUPS);
            let compiled = check::compile(&text, &Limits::default());
            assert!(compiled.diagnostics.is_empty(), "generated input has diagnostics");
            let model = compiled.model.expect("a model");
            eprintln!(
                "fixed parties, size {size}: {elements} elements, {} parties, pakt {} B",
                model.parties.len(),
                text.len()
            );
            (text, elements, model)
        })
        .collect()
});
const FIXED_PARTY_GROUPS: usize = 8;

fn fixed(size: usize) -> &'static (String, usize, Model) {
    let i = SIZES.iter().position(|s| *s == size).expect("a benchmarked size");
    &FIXED[i]
}

#[divan::bench_group(sample_count = 20, max_time = 3)]
mod fixed_parties {
    use super::*;

    #[divan::bench(args = SIZES)]
    fn rules(bencher: Bencher, size: usize) {
        let (text, elements, model) = fixed(size);
        let config = Config::default();
        bencher.counter(BytesCount::new(text.len())).counter(ItemsCount::new(*elements)).bench(|| {
            let ctx = pakt::rules::Context { model, predecessor: None, predecessor_path: None, config: &config };
            pakt::rules::run(black_box(&ctx))
        });
    }

    #[divan::bench(args = SIZES)]
    fn check(bencher: Bencher, size: usize) {
        let (text, elements, _) = fixed(size);
        let limits = Limits::default();
        let config = Config::default();
        bencher
            .counter(BytesCount::new(text.len()))
            .counter(ItemsCount::new(*elements))
            .with_inputs(|| text.clone().into_bytes())
            .bench_values(|bytes| {
                let text = check::decode(bytes).expect("utf-8");
                let compiled = check::compile(&text, &limits);
                let model = compiled.model.expect("a model");
                let ctx =
                    pakt::rules::Context { model: &model, predecessor: None, predecessor_path: None, config: &config };
                pakt::rules::run(&ctx).len() + compiled.diagnostics.len()
            });
    }
}

// ---------------------------------------------------------------- baselines

#[divan::bench_group(sample_count = 20, max_time = 3)]
mod baseline {
    use super::*;

    /// Reading the pakt file from disk (from the page cache, in practice).
    #[divan::bench(args = SIZES)]
    fn read(bencher: Bencher, size: usize) {
        let input = input(size);
        counters(bencher, input).bench(|| std::fs::read(black_box(&input.path)).expect("read"));
    }

    /// serde_json parsing the same facts into `serde_json::Value`. The
    /// value is dropped inside the timed part, as `stages::check` drops
    /// its model: both sides pay for freeing their memory.
    #[divan::bench(args = SIZES)]
    fn json_facts(bencher: Bencher, size: usize) {
        let input = input(size);
        bencher
            .counter(BytesCount::new(input.facts_json.len()))
            .counter(ItemsCount::new(input.elements))
            .bench(|| drop(serde_json::from_str::<Value>(black_box(&input.facts_json)).expect("json")));
    }

    /// The current `toml` (0.9) parsing the same facts into `toml::Table`,
    /// dropped inside the timed part.
    #[divan::bench(args = SIZES)]
    fn toml_current_facts(bencher: Bencher, size: usize) {
        let input = input(size);
        bencher
            .counter(BytesCount::new(input.facts_toml.len()))
            .counter(ItemsCount::new(input.elements))
            .bench(|| drop(toml_current::from_str::<toml_current::Table>(black_box(&input.facts_toml)).expect("toml")));
    }

    /// The current `toml` (0.9) reading the same facts into typed structs
    /// with serde, dropped inside the timed part.
    #[divan::bench(args = SIZES)]
    fn toml_current_typed(bencher: Bencher, size: usize) {
        let input = input(size);
        bencher
            .counter(BytesCount::new(input.facts_toml.len()))
            .counter(ItemsCount::new(input.elements))
            .bench(|| drop(toml_current::from_str::<typed::Facts>(black_box(&input.facts_toml)).expect("toml")));
    }

    /// toml 0.8 (pakt's own, for pakt.toml) parsing the same facts into
    /// `toml::Table` (value dropped outside the timed part).
    #[divan::bench(args = SIZES)]
    fn toml_facts(bencher: Bencher, size: usize) {
        let input = input(size);
        bencher
            .counter(BytesCount::new(input.facts_toml.len()))
            .counter(ItemsCount::new(input.elements))
            .bench(|| toml::from_str::<toml::Table>(black_box(&input.facts_toml)).expect("toml"));
    }

    /// serde_json reading the full model dump (spans included) into `Model`.
    #[divan::bench(args = SIZES)]
    fn json_model(bencher: Bencher, size: usize) {
        let input = input(size);
        bencher
            .counter(BytesCount::new(input.model_json.len()))
            .counter(ItemsCount::new(input.elements))
            .bench(|| serde_json::from_str::<Model>(black_box(&input.model_json)).expect("json"));
    }
}

// ---------------------------------------------------------------- corpus

struct Corpus {
    dir: PathBuf,
    files: Vec<PathBuf>,
    bytes: usize,
    elements: usize,
}

static CORPUS: LazyLock<Corpus> = LazyLock::new(|| {
    let dir = scratch().join("corpus");
    std::fs::create_dir_all(&dir).expect("corpus dir");
    let mut files = Vec::new();
    let (mut bytes, mut elements) = (0, 0);
    for i in 0..CORPUS_FILES {
        let (text, n) = pakt::gen::generate_counted(CORPUS_FILE_SIZE, 1_000 + i as u64);
        let path = dir.join(format!("gen-{i:04}.pakt"));
        std::fs::write(&path, &text).expect("write corpus file");
        bytes += text.len();
        elements += n;
        files.push(path);
    }
    eprintln!("corpus: {CORPUS_FILES} files, {bytes} bytes, {elements} elements");
    Corpus { dir, files, bytes, elements }
});

#[divan::bench_group(sample_count = 10, max_time = 10)]
mod corpus {
    use super::*;

    /// `pakt check DIR` without the output: discover, read, compile, rules,
    /// in parallel across cores.
    #[divan::bench]
    fn check_paths(bencher: Bencher) {
        let corpus = &*CORPUS;
        let settings = Settings::default();
        bencher.counter(BytesCount::new(corpus.bytes)).counter(ItemsCount::new(corpus.elements)).bench(|| {
            let results = check::check_paths(std::slice::from_ref(&corpus.dir), &settings).expect("check");
            assert_eq!(results.len(), CORPUS_FILES);
            results
        });
    }

    /// Baseline: reading the same 1,000 files one after another.
    #[divan::bench]
    fn read_files(bencher: Bencher) {
        let corpus = &*CORPUS;
        bencher
            .counter(BytesCount::new(corpus.bytes))
            .counter(ItemsCount::new(corpus.elements))
            .bench(|| corpus.files.iter().map(|f| std::fs::read(f).expect("read").len()).sum::<usize>());
    }
}

// ---------------------------------------------------------------- typed baseline

/// The facts as typed structs, the way a program would read an agreement
/// written in TOML with serde: every element with its id and name, bodies
/// with their seats, procedures with their steps, financings with their
/// tranches; other fields are skipped by serde (but still parsed by toml).
#[allow(dead_code)] // the fields are read by serde only
mod typed {
    use serde::Deserialize;

    #[derive(Deserialize)]
    pub struct Facts {
        pub id: String,
        pub title: Option<String>,
        #[serde(default)]
        pub goals: Vec<Element>,
        #[serde(default)]
        pub parties: Vec<Element>,
        #[serde(default)]
        pub offices: Vec<Element>,
        #[serde(default)]
        pub actors: Vec<Element>,
        #[serde(default)]
        pub bodies: Vec<Body>,
        #[serde(default)]
        pub obligations: Vec<Element>,
        #[serde(default)]
        pub services: Vec<Element>,
        #[serde(default)]
        pub projects: Vec<Element>,
        #[serde(default)]
        pub financings: Vec<Financing>,
        #[serde(default)]
        pub procedures: Vec<Procedure>,
        #[serde(default)]
        pub approvals: Vec<serde::de::IgnoredAny>,
        #[serde(default)]
        pub signatures: Vec<Element>,
    }

    #[derive(Deserialize)]
    pub struct Element {
        pub id: String,
        pub name: Option<String>,
    }

    #[derive(Deserialize)]
    pub struct Body {
        pub id: String,
        pub name: Option<String>,
        #[serde(default)]
        pub seats: Vec<Element>,
    }

    #[derive(Deserialize)]
    pub struct Financing {
        pub id: String,
        pub name: Option<String>,
        #[serde(default)]
        pub tranches: Vec<serde::de::IgnoredAny>,
    }

    #[derive(Deserialize)]
    pub struct Procedure {
        pub id: String,
        pub name: Option<String>,
        #[serde(default)]
        pub steps: Vec<Element>,
    }
}
