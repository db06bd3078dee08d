//! The German keyword set: conversion English ↔ German is lossless, a
//! German file means what its English original means, the German copies of
//! the agreements stay in step, and mixing both sets is an error.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;

use pakt::check::{compile, Limits};
use pakt::convert::convert_keywords;
use pakt::keywords::Lang;
use proptest::prelude::*;
use serde_json::Value;
use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The English sources: the agreements (not their German copies), the
/// examples and every fixture.
fn english_sources() -> Vec<PathBuf> {
    let mut files = Vec::new();
    for f in std::fs::read_dir(root().join("agreements")).unwrap() {
        let p = f.unwrap().path();
        if p.extension().is_some_and(|e| e == "pakt") {
            files.push(p);
        }
    }
    files.sort();
    common::pakt_files(&root().join("examples"), &mut files);
    common::pakt_files(&root().join("tests/fixtures"), &mut files);
    files
}

/// The model as JSON without spans: keywords of the two sets differ in
/// length, so positions move; nothing else may.
fn model_without_spans(text: &str) -> Option<Value> {
    let compiled = compile(text, &Limits::default());
    let mut v = serde_json::to_value(compiled.model?).unwrap();
    strip_spans(&mut v);
    Some(v)
}

fn strip_spans(v: &mut Value) {
    match v {
        Value::Object(map) => {
            map.retain(|k, _| k != "span" && !k.ends_with("_span") && k != "spans");
            // A flag stored as the span it was written at (`costly`).
            for value in map.values_mut() {
                if value.as_object().is_some_and(|o| o.len() == 2 && o.contains_key("start") && o.contains_key("end")) {
                    *value = Value::Bool(true);
                }
            }
            map.values_mut().for_each(strip_spans);
        }
        Value::Array(items) => items.iter_mut().for_each(strip_spans),
        _ => {}
    }
}

fn codes(text: &str) -> Vec<String> {
    compile(text, &Limits::default()).diagnostics.iter().map(|d| format!("{} {}", d.code, d.message)).collect()
}

/// English → German → English is the original file, and the German file
/// compiles to the same model with the same diagnostics (a file with a
/// syntax error cannot be converted and is skipped; one with a malformed
/// English amount has no German equivalent and is skipped too).
#[test]
fn every_file_round_trips_and_keeps_its_model() {
    let mut converted = 0;
    for path in english_sources() {
        let Ok(bytes) = std::fs::read(&path) else { continue };
        let Ok(text) = String::from_utf8(bytes) else { continue };
        if pakt::syntax::parse(&text).is_err() {
            continue;
        }
        let en_codes = codes(&text);
        if en_codes.iter().any(|c| c.starts_with("P004") || c.starts_with("P013")) {
            continue;
        }
        let de = convert_keywords(&text, Lang::De).unwrap_or_else(|d| panic!("{}: {d:?}", path.display()));
        assert_ne!(de, text, "{}: nothing was converted", path.display());
        let back = convert_keywords(&de, Lang::En).unwrap();
        assert_eq!(back, text, "{}: en → de → en is not the original", path.display());
        let de_codes = codes(&de);
        assert_eq!(de_codes, en_codes, "{}: the German file has other diagnostics", path.display());
        assert_eq!(model_without_spans(&de), model_without_spans(&text), "{}: other model", path.display());
        converted += 1;
    }
    assert!(converted >= 30, "only {converted} files were converted");
}

#[test]
fn converting_to_the_same_set_changes_nothing() {
    for path in english_sources().iter().take(8) {
        let text = std::fs::read_to_string(path).unwrap();
        if let Ok(same) = convert_keywords(&text, Lang::En) {
            assert_eq!(same, text);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// Generated agreements: the round trip is exact, and the German
    /// version checks as clean as the English one, to the same model.
    #[test]
    fn generated_agreements_round_trip(size in 1usize..300, seed in any::<u64>()) {
        let text = pakt::gen::generate(size, seed);
        let de = convert_keywords(&text, Lang::De).unwrap();
        prop_assert_eq!(convert_keywords(&de, Lang::En).unwrap(), text.clone());
        prop_assert!(codes(&de).is_empty(), "{:?}", codes(&de));
        prop_assert_eq!(model_without_spans(&de), model_without_spans(&text));
    }
}

/// `agreements/de/` holds the German form of each agreement, made by the
/// converter. `PAKT_UPDATE_DOCS=1` regenerates them.
#[test]
fn german_agreements_are_in_step() {
    let update = std::env::var_os("PAKT_UPDATE_DOCS").is_some_and(|v| v == "1");
    let de_dir = root().join("agreements/de");
    let mut stale = Vec::new();
    let mut count = 0;
    for path in english_sources().iter().filter(|p| p.parent() == Some(&root().join("agreements"))) {
        let text = std::fs::read_to_string(path).unwrap();
        let de = convert_keywords(&text, Lang::De).unwrap();
        let target = de_dir.join(path.file_name().unwrap());
        count += 1;
        if std::fs::read_to_string(&target).ok().as_deref() != Some(de.as_str()) {
            if update {
                std::fs::create_dir_all(&de_dir).unwrap();
                std::fs::write(&target, de).unwrap();
            } else {
                stale.push(target.display().to_string());
            }
        }
    }
    assert_eq!(count, 4);
    assert!(stale.is_empty(), "out of date (PAKT_UPDATE_DOCS=1 cargo test --test german): {stale:?}");
}

/// The German copies check exactly as the originals do (their `supersedes`
/// points at the German copy next to them).
#[test]
fn german_agreements_check_like_the_english_ones() {
    let settings = pakt::check::Settings::default();
    let en = pakt::check::check_paths(&[root().join("agreements")], &settings).unwrap();
    let (de, en): (Vec<_>, Vec<_>) = en.into_iter().partition(|r| r.path.components().any(|c| c.as_os_str() == "de"));
    assert_eq!(de.len(), 4);
    for (d, e) in de.iter().zip(&en) {
        assert_eq!(d.path.file_name(), e.path.file_name());
        let show = |r: &pakt::check::FileResult| {
            r.diagnostics.iter().map(|x| format!("{} {:?}", x.code, x.suppressed.is_some())).collect::<Vec<_>>()
        };
        assert_eq!(show(d), show(e), "{}", d.path.display());
        assert!(d.diagnostics.iter().all(|x| x.suppressed.is_some()), "{}", d.path.display());
    }
}

fn render(text: &str) -> String {
    let compiled = compile(text, &Limits::default());
    compiled
        .diagnostics
        .iter()
        .map(|d| pakt::diagnostic::render(d, "de.pakt", text, pakt::diagnostic::RenderOptions::default()))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn mixing_the_sets_is_an_error_at_the_first_foreign_keyword() {
    let text = "vereinbarung x {\n    titel \"T\"\n}\n\npartei land \"Land\" { side state }\n";
    let c = compile(text, &Limits::default());
    let p013: Vec<_> = c.diagnostics.iter().filter(|d| d.code == "P013").collect();
    assert_eq!(p013.len(), 1, "one message per file");
    let at = text.find("side").unwrap();
    assert_eq!(p013[0].primary.span.start, at);
    insta::assert_snapshot!("mixed_keywords", render(text));
}

#[test]
fn german_money_is_written_the_german_way() {
    let file = |amount: &str| {
        format!(
            "vereinbarung x {{ titel \"T\" }}\npartei land \"L\" {{ seite land }}\n\
             finanzierung f \"F\" {{ zahler land bis_zu EUR {amount} }}\n\
             unterzeichnung u {{ partei land }}\n"
        )
    };
    let minor = |amount: &str| -> Option<String> {
        let v = serde_json::to_value(compile(&file(amount), &Limits::default()).model?).unwrap();
        let s = v.to_string();
        let i = s.find("\"amount\":\"")? + 10;
        Some(s[i..].split('"').next()?.to_string())
    };
    assert_eq!(minor("80 Mio.").as_deref(), Some("80000000.00"));
    assert_eq!(minor("1,5 Mio.").as_deref(), Some("1500000.00"));
    assert_eq!(minor("1.500.000,50").as_deref(), Some("1500000.50"));
    assert_eq!(minor("2_000").as_deref(), Some("2000.00"));
    let bad = codes(&file("1.5 Mio."));
    assert!(bad.iter().any(|c| c.starts_with("P004") && c.contains("groups thousands")), "{bad:?}");
    // English files keep the English rules.
    let en = "agreement x { title \"T\" }\nparty land \"L\" { side state }\n\
              financing f \"F\" { payer land up_to EUR 1,5 million }\n";
    assert!(codes(en).iter().any(|c| c.starts_with("P004")));
}

#[test]
fn the_convert_command_prints_and_writes() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("a.pakt");
    let en = "agreement a {\n    title \"T\" // kept\n}\nparty land \"L\" { side state }\n";
    std::fs::write(&f, en).unwrap();
    let run = |args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_pakt")).args(args).output().unwrap();
        (out.status.code(), String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap())
    };
    let (code, out, _) = run(&["convert", "--keywords", "de", f.to_str().unwrap()]);
    assert_eq!(code, Some(0));
    assert_eq!(out, "vereinbarung a {\n    titel \"T\" // kept\n}\npartei land \"L\" { seite land }\n");
    assert_eq!(std::fs::read_to_string(&f).unwrap(), en, "without --write the file stays");
    let (code, out, _) = run(&["convert", "--keywords", "de", "--write", f.to_str().unwrap()]);
    assert_eq!((code, out.as_str()), (Some(0), ""));
    assert!(std::fs::read_to_string(&f).unwrap().starts_with("vereinbarung a"));
    std::fs::write(&f, "agreement a { title }").unwrap();
    let (code, _, err) = run(&["convert", "--keywords", "en", f.to_str().unwrap()]);
    assert_eq!(code, Some(1));
    assert!(err.contains("P001"), "{err}");
}

/// `pakt diff` compares meaning: an agreement and its German form differ in
/// nothing.
#[test]
fn an_agreement_and_its_german_form_have_no_changes_in_substance() {
    for name in ["sachsen-anhalt-2014.pakt", "thueringen-2018.pakt"] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_pakt"))
            .args(["diff", &format!("agreements/{name}"), &format!("agreements/de/{name}")])
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stdout));
        assert!(String::from_utf8_lossy(&out.stdout).contains("no changes in substance"));
    }
}

/// Every complete example of the language reference exists in both sets:
/// converted to German and back it is the same text, and both compile to
/// the same model.
#[test]
fn every_docs_example_exists_in_both_sets() {
    let mut checked = 0;
    for doc in ["docs/language.md", "README.md"] {
        let text = std::fs::read_to_string(root().join(doc)).unwrap();
        for block in text.split("```pakt\n").skip(1).filter_map(|b| b.split("```").next()) {
            if pakt::syntax::parse(block).is_err() {
                continue; // a fragment, not a whole file
            }
            let lang = pakt::i18n::text_lang(block);
            let other = if lang == Lang::En { Lang::De } else { Lang::En };
            let converted = convert_keywords(block, other).unwrap();
            if lang == Lang::En {
                assert_eq!(convert_keywords(&converted, Lang::En).unwrap(), block, "{doc}:\n{block}");
            }
            assert_eq!(model_without_spans(&converted), model_without_spans(block), "{doc}:\n{block}");
            checked += 1;
        }
    }
    assert!(checked >= 3, "{checked}");
}
