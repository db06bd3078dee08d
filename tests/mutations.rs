//! Mutation tests on the real agreements: one realistic drafting mistake
//! each, and the rule that must catch it.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use std::path::PathBuf;
use std::process::Command;

/// Write `text` as `name` into a fresh folder (with a copy of the 2006
/// agreement, which the 2014 one supersedes) and run `pakt check --format json`.
fn check_mutant(name: &str, text: &str) -> (i32, Vec<String>) {
    // Tests run in parallel in one process: each mutant gets its own folder.
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("pakt-mutant-{}-{n}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    std::fs::copy("agreements/sachsen-anhalt-2006.pakt", dir.join("sachsen-anhalt-2006.pakt")).expect("copy");
    let file: PathBuf = dir.join(name);
    std::fs::write(&file, text).expect("write mutant");
    let out = Command::new(env!("CARGO_BIN_EXE_pakt"))
        .args(["check", "--format", "json"])
        .arg(&file)
        .output()
        .expect("run pakt");
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json report");
    let codes = report["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| d["suppressed"].is_null())
        .map(|d| d["code"].as_str().unwrap_or_default().to_string())
        .collect();
    let _ = std::fs::remove_dir_all(&dir);
    (out.status.code().unwrap_or(-1), codes)
}

fn mutate(path: &str, from: &str, to: &str) -> String {
    let text = std::fs::read_to_string(path).expect("agreement");
    assert!(text.contains(from), "{path} no longer contains {from:?}; update the mutation");
    text.replacen(from, to, 1)
}

#[test]
fn the_unmutated_agreements_pass() {
    for (name, path) in [
        ("thueringen-2018.pakt", "agreements/thueringen-2018.pakt"),
        ("sachsen-anhalt-2014.pakt", "agreements/sachsen-anhalt-2014.pakt"),
    ] {
        let (code, codes) = check_mutant(name, &std::fs::read_to_string(path).expect("read"));
        assert_eq!((code, codes), (0, vec![]), "{name}");
    }
}

#[test]
fn removing_a_steering_seat_breaks_parity() {
    let text = mutate(
        "agreements/thueringen-2018.pakt",
        r#"seat vertreter_kommunen "Vertreter der Kommunen" { side municipal count 4 voting }"#,
        r#"seat vertreter_kommunen "Vertreter der Kommunen" { side municipal count 3 voting }"#,
    );
    let (code, codes) = check_mutant("thueringen-2018.pakt", &text);
    assert_eq!(code, 1);
    assert!(codes.contains(&"A001".to_string()), "{codes:?}");
}

#[test]
fn raising_the_2019_tranche_breaks_the_ceiling() {
    let text = mutate(
        "agreements/thueringen-2018.pakt",
        "tranche 2019 up_to EUR 20 million",
        "tranche 2019 up_to EUR 30 million",
    );
    let (code, codes) = check_mutant("thueringen-2018.pakt", &text);
    assert_eq!((code, codes), (1, vec!["A008".to_string()]));
}

#[test]
fn dropping_the_meeting_rule_is_caught() {
    let text =
        mutate("agreements/thueringen-2018.pakt", "    meets shall at_least 2 per year or on_request_of 2\n", "");
    let (code, codes) = check_mutant("thueringen-2018.pakt", &text);
    assert_eq!((code, codes), (1, vec!["A003".to_string()]));
}

#[test]
fn deciding_before_the_financing_consent_is_caught() {
    let text = std::fs::read_to_string("agreements/sachsen-anhalt-2014.pakt").expect("read");
    let start = text.find("    step finanzierung").expect("consent step");
    let mid = text.find("    step beschluss").expect("decision step");
    let end = mid + text[mid..].find("\n    }\n").expect("end of decision step") + "\n    }\n".len();
    let swapped = format!("{}{}{}{}", &text[..start], &text[mid..end], &text[start..mid], &text[end..]);
    assert!(swapped.find("step beschluss") < swapped.find("step finanzierung"));
    let (code, codes) = check_mutant("sachsen-anhalt-2014.pakt", &swapped);
    assert_eq!((code, codes), (1, vec!["A006".to_string()]));
}
