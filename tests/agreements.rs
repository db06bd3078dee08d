//! The real agreements in `agreements/`: they check clean, and their
//! resolved models say what the seeds say.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use pakt::check::{check_paths, Settings};
use serde_json::Value;
use std::path::PathBuf;
use std::process::Command;

#[test]
fn every_agreement_checks_without_errors_or_warnings() {
    let results = check_paths(&[PathBuf::from("agreements")], &Settings::default()).expect("agreements readable");
    let names: Vec<String> = results.iter().map(|r| r.display_path()).collect();
    assert_eq!(
        names,
        [
            "agreements/de/saarland-2014.pakt",
            "agreements/de/sachsen-anhalt-2006.pakt",
            "agreements/de/sachsen-anhalt-2014.pakt",
            "agreements/de/thueringen-2018.pakt",
            "agreements/saarland-2014.pakt",
            "agreements/sachsen-anhalt-2006.pakt",
            "agreements/sachsen-anhalt-2014.pakt",
            "agreements/thueringen-2018.pakt"
        ]
    );
    for r in &results {
        let open: Vec<String> = r
            .diagnostics
            .iter()
            .filter(|d| d.suppressed.is_none())
            .map(|d| format!("{} {}", d.code, d.message))
            .collect();
        assert!(open.is_empty(), "{}: {open:?}", r.display_path());
        assert!(r.model.is_some());
    }
}

#[test]
fn check_command_reports_eight_clean_files() {
    let out = Command::new(env!("CARGO_BIN_EXE_pakt"))
        .args(["check", "agreements/"])
        .env("NO_COLOR", "1")
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.starts_with("8 files checked, 0 errors, 0 warnings"), "{stdout}");
}

fn dump(file: &str) -> Value {
    let out = Command::new(env!("CARGO_BIN_EXE_pakt")).args(["dump", "--json", file]).output().expect("run");
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("dump is JSON")
}

fn ids(list: &Value) -> Vec<String> {
    list.as_array()
        .map(|a| a.iter().filter_map(|x| x["id"]["value"].as_str().map(str::to_string)).collect())
        .unwrap_or_default()
}

fn seat_total(body: &Value) -> u64 {
    body["seats"].as_array().map(|s| s.iter().filter_map(|x| x["count"]["value"].as_u64()).sum()).unwrap_or(0)
}

#[test]
fn thueringen_dump_has_parties_beirat_steering_bodies_and_financing() {
    let m = dump("agreements/thueringen-2018.pakt");
    assert_eq!(m["parties"].as_array().map(Vec::len), Some(3), "three parties");
    let bodies = m["bodies"].as_array().expect("bodies");
    let beirat = bodies.iter().find(|b| b["id"]["value"] == "beirat").expect("a body `beirat`");
    assert_eq!(seat_total(beirat), 8, "eight Beirat members");
    assert!(beirat["chair"]["target"]["kind"].is_string(), "the Beirat has a resolved chair");
    let steering: Vec<&Value> = bodies.iter().filter(|b| b["parity"].is_object()).collect();
    assert_eq!(steering.len(), 4, "four paritätisch steering bodies: {:?}", ids(&m["bodies"]));
    for b in steering {
        assert_eq!(seat_total(b), 8, "{}", b["id"]["value"]);
        let meeting = &b["meeting"];
        assert_eq!(meeting["frequency"]["value"]["times"], 2, "{}", b["id"]["value"]);
        assert_eq!(meeting["frequency"]["value"]["per"], "year");
        assert_eq!(meeting["on_request_of"]["value"], 2);
    }
    let fin = m["financings"].as_array().expect("financings");
    let big = fin.iter().find(|f| f["amount"]["money"]["amount"] == "80000000.00").expect("EUR 80 million");
    assert_eq!(big["amount"]["bound"], "up_to");
    assert_eq!(big["amount"]["money"]["currency"], "EUR");
    assert_eq!(big["tranches"].as_array().map(Vec::len), Some(5), "five tranches");
}

#[test]
fn sachsen_anhalt_2014_supersedes_2006_and_continues_the_working_group() {
    let m = dump("agreements/sachsen-anhalt-2014.pakt");
    assert_eq!(m["supersedes"]["value"], "sachsen-anhalt-2006.pakt");
    let old = dump("agreements/sachsen-anhalt-2006.pakt");
    let old_bodies = ids(&old["bodies"]);
    let continued: Vec<&str> =
        m["bodies"].as_array().expect("bodies").iter().filter_map(|b| b["continues"]["value"].as_str()).collect();
    assert_eq!(continued.len(), 1);
    assert!(old_bodies.iter().any(|b| b == continued[0]), "{continued:?} in {old_bodies:?}");
}

#[test]
fn dump_of_a_broken_file_exits_one_with_diagnostics() {
    let out = Command::new(env!("CARGO_BIN_EXE_pakt"))
        .args(["dump", "--json", "tests/fixtures/errors/undefined-near.pakt"])
        .env("NO_COLOR", "1")
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("R001"));
}
