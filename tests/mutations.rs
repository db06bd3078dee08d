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

/// A realistic drafting mistake planted into one of the four agreements,
/// and the rule that must catch it.
struct Mutation {
    /// What the drafter got wrong.
    what: &'static str,
    file: &'static str,
    from: &'static str,
    to: &'static str,
    /// Every unsuppressed finding the mutant raises, in order.
    codes: &'static [&'static str],
}

const SAAR: &str = "saarland-2014.pakt";
const ST14: &str = "sachsen-anhalt-2014.pakt";
const TH: &str = "thueringen-2018.pakt";

const MUTATIONS: &[Mutation] = &[
    Mutation {
        what: "the Zweckverband is put on the state side",
        file: SAAR,
        from: "    side municipal\n    kind zweckverband",
        to: "    side state\n    kind zweckverband",
        codes: &["A040"],
    },
    Mutation {
        what: "the Landkreistag is put on the state side",
        file: TH,
        from: "party landkreistag \"Thüringischer Landkreistag e.V.\" {\n    side municipal",
        to: "party landkreistag \"Thüringischer Landkreistag e.V.\" {\n    side state",
        codes: &["A040"],
    },
    Mutation {
        what: "the Saarland's signatory is not the Ministerpräsidentin named as the office's holder",
        file: SAAR,
        from: "signatory \"Annegret Kramp-Karrenbauer\"",
        to: "signatory \"Peter Müller\"",
        codes: &["A036"],
    },
    Mutation {
        what: "the Verbandsvorsitzender signs under the Land's office",
        file: SAAR,
        from: "    signatory \"Werner Laub\"\n    office verbandsvorsitzender",
        to: "    signatory \"Werner Laub\"\n    office ministerpraesidentin",
        codes: &["A036", "A036"],
    },
    Mutation {
        what: "the Gemeinde- und Städtebund signs under an office of the Landkreistag",
        file: TH,
        from: "    signatory \"Michael Brychcy\"\n    office praesident_gstb",
        to: "    signatory \"Michael Brychcy\"\n    office praesidentin_landkreistag",
        codes: &["A036", "A036"],
    },
    Mutation {
        what: "one signature carries a year two years after the others",
        file: SAAR,
        from: "    office verbandsvorsitzender\n    date 2014-07-17",
        to: "    office verbandsvorsitzender\n    date 2016-07-17",
        codes: &["A036"],
    },
    Mutation {
        what: "the Zweckverband's signature names no signatory",
        file: SAAR,
        from: "    signatory \"Werner Laub\"\n",
        to: "",
        codes: &["A014"],
    },
    Mutation {
        what: "a costly project of the Projektliste is also marked free of charge",
        file: SAAR,
        from: "project basiskomponenten \"E-Government-Basiskomponenten\" {\n    partners all\n    condition budget_reservation\n    costly",
        to: "project basiskomponenten \"E-Government-Basiskomponenten\" {\n    partners all\n    condition budget_reservation\n    costly\n    free_of_charge",
        codes: &["A039"],
    },
    Mutation {
        what: "the Lenkungsgremium is said to be formed by itself",
        file: SAAR,
        from: "    formed_by all\n",
        to: "    formed_by lenkungsgremium\n",
        codes: &["A042"],
    },
    Mutation {
        what: "the Beirat is said to be formed by a steering committee it forms",
        file: TH,
        from: "    binding all\n",
        to: "    binding all\n    formed_by steuerung_ozg\n",
        codes: &["A042"],
    },
    Mutation {
        what: "the Koordinierungsgremium's decision rule is dropped, yet it decides on joint activities",
        file: ST14,
        from: "    meets regularly\n    decides by consent\n",
        to: "    meets regularly\n",
        codes: &["A041"],
    },
    Mutation {
        what: "the Koordinierungsgremium's meeting rule is dropped",
        file: ST14,
        from: "    meets regularly\n",
        to: "",
        codes: &["A003"],
    },
    Mutation {
        what: "a quorum of four in a body of three seats",
        file: ST14,
        from: "    meets regularly\n    decides by consent\n",
        to: "    meets regularly\n    quorum 4\n    decides by consent\n",
        codes: &["A004"],
    },
    Mutation {
        what: "the financing consent is made to wait for the decision it must precede",
        file: ST14,
        from: "        kind agree_financing\n",
        to: "        kind agree_financing\n        after beschluss\n",
        codes: &["A011"],
    },
    Mutation {
        what: "the Landesregierung's approval is dated after the signing",
        file: ST14,
        from: "    by landesregierung\n    date 2014-05-06",
        to: "    by landesregierung\n    date 2014-08-06",
        codes: &["A015"],
    },
    Mutation {
        what: "an open term is given a fixed end as well",
        file: TH,
        from: "term {\n    until_revoked",
        to: "term {\n    until 2023-12-31\n    until_revoked",
        codes: &["A035"],
    },
    Mutation {
        what: "an empty term block is added where the sources state no term",
        file: ST14,
        from: "// ---------------------------------------------------------------- signatures",
        to: "term { }\n\n// ---------------------------------------------------------------- signatures",
        // The header's `allow term` (no term stated) now allows nothing.
        codes: &["R008", "A035"],
    },
    Mutation {
        what: "the new Beirat is due before the agreement is signed",
        file: TH,
        from: "obligation beirat_neu_aufstellen {\n    bearer all\n",
        to: "obligation beirat_neu_aufstellen {\n    bearer all\n    deadline 2017-12-31\n",
        codes: &["A035"],
    },
    Mutation {
        what: "the first tranche is put in the year before the signing",
        file: TH,
        from: "tranche 2018 up_to EUR 10 million",
        to: "tranche 2017 up_to EUR 10 million",
        codes: &["A035"],
    },
    Mutation {
        what: "the open term is replaced by an end before the last tranche",
        file: TH,
        from: "term {\n    until_revoked",
        to: "term {\n    until 2021-12-31",
        codes: &["A008"],
    },
    Mutation {
        what: "the Land is named as recipient of its own grant",
        file: TH,
        from: "    payer land\n    recipient kommunen\n    legal_basis \"§ 30",
        to: "    payer land\n    recipient land\n    legal_basis \"§ 30",
        codes: &["A038"],
    },
    Mutation {
        what: "two seats of the Beirat are given to the same Staatssekretär",
        file: TH,
        from: "        party land\n        office sts_inneres",
        to: "        party land\n        office sts_staatskanzlei",
        codes: &["A034"],
    },
    Mutation {
        what: "the Land's CIO is also named as Geschäftsführer of the Gemeinde- und Städtebund",
        file: TH,
        from: "    of gstb\n",
        to: "    of gstb\n    holder \"Dr. Hartmut Schubert\"\n",
        // Both sides' offices, and so two seats of the Beirat, for one person.
        codes: &["A034", "A034"],
    },
    Mutation {
        what: "the CIO chairs a steering committee without `non_member`, holding no seat in it",
        file: TH,
        from: "    chair cio non_member\n",
        to: "    chair cio\n",
        codes: &["A005"],
    },
    Mutation {
        what: "the Beirat states one seat more than it lists",
        file: TH,
        from: "    seats 8\n",
        to: "    seats 9\n",
        codes: &["A002"],
    },
    Mutation {
        what: "the Beirat reports to a steering committee that reports to it",
        file: TH,
        from: "    binding all\n",
        to: "    binding all\n    reports_to steuerung_ozg\n",
        codes: &["A010"],
    },
];

#[test]
fn planted_drafting_mistakes_are_caught_by_their_rule() {
    assert!(MUTATIONS.len() >= 20);
    let mut problems = Vec::new();
    for m in MUTATIONS {
        let text = mutate(&format!("agreements/{}", m.file), m.from, m.to);
        let (code, codes) = check_mutant(m.file, &text);
        if code != 1 || codes != m.codes {
            problems.push(format!(
                "{} ({}): expected exit 1 with {:?}, got exit {code} with {codes:?}",
                m.what, m.file, m.codes
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn planted_warnings_are_reported_without_failing_the_check() {
    for (what, file, from, to, rule) in [
        (
            "a costly project loses its budget reservation",
            SAAR,
            "project basiskomponenten \"E-Government-Basiskomponenten\" {\n    partners all\n    condition budget_reservation\n",
            "project basiskomponenten \"E-Government-Basiskomponenten\" {\n    partners all\n",
            "A009",
        ),
        (
            "a duty is put on ThüringenCERT, which belongs to no party",
            TH,
            "obligation tlrz_prozesse {",
            "obligation cert_meldung {\n    bearer thueringen_cert\n    must \"Sicherheitsvorfälle melden\"\n}\n\nobligation tlrz_prozesse {",
            "A043",
        ),
    ] {
        let text = mutate(&format!("agreements/{file}"), from, to);
        let (code, codes) = check_mutant(file, &text);
        assert_eq!((code, codes), (0, vec![rule.to_string()]), "{what}");
    }
}
