//! `who`, `obligations`, `power` and the graph views in German: with
//! `--lang de`, and by default for a file with German keywords; without it
//! the English output is the one the English snapshots hold.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;
use common::pakt_without_locale as pakt;

const TH: &str = "agreements/thueringen-2018.pakt";
const IT_RAT: &str = "examples/agreements/it-rat-beispiel.pakt";

#[test]
fn who_in_german() {
    let de = pakt(&["who", IT_RAT, "--body", "it_rat", "--lang", "de"]);
    insta::assert_snapshot!("who_it_rat_de", de);
    assert!(
        de.contains("soll mindestens 2-mal im Jahr, oder auf Verlangen von `bund` oder von 2 von `laender` tagen"),
        "{de}"
    );
    let en = pakt(&["who", IT_RAT, "--body", "it_rat"]);
    assert_eq!(en, pakt(&["who", IT_RAT, "--body", "it_rat", "--lang", "en"]));
    assert!(en.contains("shall meet at least 2 per year"), "{en}");
    let th = pakt(&["who", TH, "--body", "steuerung_informationssicherheit", "--lang", "de"]);
    assert!(th.contains("8 Mitglieder, als paritätisch erklärt\nVorsitz: cio\n"), "{th}");
    assert!(th.contains("Seite des Landes, 4 Mitglieder, stimmberechtigt"), "{th}");
}

#[test]
fn obligations_in_german() {
    let de = pakt(&["obligations", TH, "--party", "land", "--lang", "de"]);
    assert!(de.starts_with("Was `land` (Thüringer Landesregierung) nach `thueringen_2018` schuldet: 45 Punkt(e)\n\nunmittelbar:\n  muss sich"), "{de}");
    assert!(
        de.contains(
            "\n      für kommunen; unter Haushaltsvorbehalt; unter der Bedingung: auf Basis einer Richtlinie\n"
        ),
        "{de}"
    );
    assert!(de.contains("\nals eine aller Parteien:\n"), "{de}");
    for english in ["\ndirectly:", "free of charge", "subject to", "\n  must ", "\n  shall "] {
        assert!(!de.contains(english), "{english} in {de}");
    }
    insta::assert_snapshot!("obligations_land_de", de.lines().take(14).collect::<Vec<_>>().join("\n"));
}

#[test]
fn power_in_german_keeps_the_table() {
    let de = pakt(&["power", IT_RAT, "--lang", "de"]);
    insta::assert_snapshot!("power_it_rat_de", de);
    let en = pakt(&["power", IT_RAT]);
    // The table of indices: the same numbers in the same columns.
    let table = |s: &str| s.lines().filter(|l| l.trim_start().contains("   ")).map(str::to_string).collect::<Vec<_>>();
    let (tde, ten) = (table(&de), table(&en));
    assert_eq!(tde.len(), ten.len());
    for (d, e) in tde.iter().zip(&ten) {
        let column = |l: &str| l.find(" (0.").or_else(|| l.find("Banzhaf"));
        assert_eq!(column(d), column(e), "columns:\n{d}\n{e}");
        let numbers = |l: &str| {
            l.split_whitespace()
                .filter(|w| {
                    w.starts_with(|c: char| c.is_ascii_digit() || c == '(') && !w.ends_with("e)") && !w.ends_with("s)")
                })
                .map(str::to_string)
                .collect::<Vec<_>>()
        };
        assert_eq!(numbers(d), numbers(e));
    }
    assert!(de.contains("Sitze  allein Veto   Banzhaf (Sitze)"), "{de}");
    assert!(de.contains("    Seite Land "), "{de}");
    assert!(de.contains("die Seite des Bundes (1 von 6 Sitzen) kann nicht allein beschließen; sie kann verhindern: vertreter_bund hat ein Veto"), "{de}");
}

#[test]
fn graph_views_in_german() {
    for view in ["governance", "money", "procedure", "obligations"] {
        let de = pakt(&["graph", IT_RAT, "--view", view, "--format", "mermaid", "--lang", "de"]);
        let en = pakt(&["graph", IT_RAT, "--view", view, "--format", "mermaid"]);
        assert_ne!(de, en, "{view}");
        insta::assert_snapshot!(format!("graph_{view}_de"), de);
    }
    let json: serde_json::Value =
        serde_json::from_str(&pakt(&["graph", IT_RAT, "--view", "money", "--format", "json", "--lang", "de"])).unwrap();
    assert!(json["title"].as_str().unwrap().starts_with("Geld: "), "{json}");
    let labels: Vec<&str> = json["edges"].as_array().unwrap().iter().filter_map(|e| e["label"].as_str()).collect();
    assert!(labels.iter().all(|l| !l.contains("pays") && !l.contains("receives")), "{labels:?}");
}

#[test]
fn german_keywords_give_german_labels_by_default() {
    let de = pakt(&["who", "agreements/de/thueringen-2018.pakt", "--body", "steuerung_informationssicherheit"]);
    assert!(de.contains("Vorsitz: cio"), "{de}");
    let en = pakt(&[
        "who",
        "agreements/de/thueringen-2018.pakt",
        "--body",
        "steuerung_informationssicherheit",
        "--lang",
        "en",
    ]);
    assert!(en.contains("chair: cio"), "{en}");
}
