//! The invented language-v2 examples (`examples/agreements/`) check clean, and
//! the queries on them say what the agreements say: `pakt who` on the IT-Rat
//! (members, an advisory attendee, a rotating chair, decision rules in words),
//! `pakt dump --json` of it, and `pakt obligations` on the Staatsvertrag (each
//! party's share of every financing with its exact amount). A fixture of
//! bodies covers the rest of `who` (deputy, casting vote, soft minimum,
//! meetings set elsewhere, varying seats) and shares that are not whole cents
//! or are paid by a group together.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;

use serde_json::Value;
use std::process::Command;

const IT_RAT: &str = "examples/agreements/it-rat-beispiel.pakt";
const STV: &str = "examples/agreements/staatsvertrag-beispiel.pakt";
const GREMIEN: &str = "tests/fixtures/queries/gremien.pakt";

fn pakt(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_pakt"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .output()
        .expect("run pakt");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!stderr.contains("panicked"), "{stderr}");
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into_owned(), stderr)
}

fn json(args: &[&str]) -> Value {
    let (code, text, err) = pakt(args);
    assert_eq!(code, 0, "{err}");
    serde_json::from_str(&text).expect("valid JSON")
}

/// The share entry of `financing` in a party's obligations JSON.
fn shares<'a>(v: &'a Value, financing: &str) -> &'a Vec<Value> {
    let duty = v["duties"]
        .as_array()
        .expect("duties")
        .iter()
        .find(|d| d["element"] == "financing" && d["id"] == financing)
        .unwrap_or_else(|| panic!("no financing {financing} in {v}"));
    duty["shares"].as_array().expect("shares")
}

#[test]
fn the_examples_check_clean() {
    let (code, out, err) = pakt(&["check", "examples/agreements/"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("2 files checked, 0 errors, 0 warnings"), "{out}");
    let (code, out, err) = pakt(&["check", GREMIEN]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("0 errors, 0 warnings"), "{out}");
}

#[test]
fn who_sits_in_the_it_rat() {
    let (code, text, _) = pakt(&["who", IT_RAT, "--body", "it_rat"]);
    assert_eq!(code, 0);
    assert!(text.contains("6 members, 1 advisory attendee"), "{text}");
    insta::assert_snapshot!("who-it-rat", text);

    let v = json(&["who", IT_RAT, "--body", "it_rat", "--format", "json"]);
    assert_eq!(v["member_count"], 6);
    assert_eq!(v["advisory_attendees"], 1);
    assert_eq!(v["chair"], Value::Null);
    assert_eq!(v["chair_rotation"]["among"], serde_json::json!(["bund", "laender"]));
    assert_eq!(v["chair_rotation"]["every"], "year");
    let laender = v["members"].as_array().unwrap().iter().find(|m| m["seat"] == "vertreter_laender").unwrap();
    assert_eq!(laender["each"], "laender");
    assert_eq!(laender["parties"].as_array().map(Vec::len), Some(5));
    let advisory: Vec<&Value> = v["members"].as_array().unwrap().iter().filter(|m| m["voting"] == false).collect();
    assert_eq!(advisory.len(), 1);
    assert_eq!(advisory[0]["seat"], "dienstleister");
    assert_eq!(v["meeting"]["modality"], "shall");
    assert_eq!(v["meeting"]["on_request_of"], serde_json::json!(["`bund`", "2 of `laender`"]));
    let decisions = v["decisions"].as_array().unwrap();
    assert_eq!(decisions.len(), 2);
    assert_eq!(decisions[0]["id"], "beschluesse");
    assert_eq!(decisions[0]["requires"].as_array().map(Vec::len), Some(3));
    assert_eq!(decisions[1]["requires"][0][0], "a majority of the members present");

    // Each Land takes its turn in the chair as a member of `laender`.
    let v = json(&["obligations", IT_RAT, "--party", "nordland", "--format", "json"]);
    let chair = v["duties"].as_array().unwrap().iter().find(|d| d["element"] == "chair").expect("a turn in the chair");
    assert_eq!(chair["modality"], "chairs in turn");
    assert_eq!(chair["via"], serde_json::json!({"type": "group", "group": "laender"}));
}

#[test]
fn the_it_rat_dump() {
    let (code, text, _) = pakt(&["dump", "--json", IT_RAT]);
    assert_eq!(code, 0);
    let v: Value = serde_json::from_str(&text).expect("json");
    assert_eq!(v["bodies"][0]["rotation"]["among"].as_array().map(Vec::len), Some(2));
    assert_eq!(v["keys"][0]["shares"][0]["percent"]["value"], "30.5");
    assert_eq!(v["parties"][0]["side"]["value"], "federal");
    insta::assert_snapshot!("dump-it-rat", text);
}

#[test]
fn what_nordland_owes_under_the_staatsvertrag() {
    let (code, text, _) = pakt(&["obligations", STV, "--party", "nordland"]);
    assert_eq!(code, 0);
    // 30.5 % of the rest of 75 % of EUR 180 million.
    assert!(text.contains("30.5 % by key `schluessel` of the rest (75 %) = 22.875 % of the whole = up to EUR 41_175_000 for 2027 to 2029"), "{text}");
    // 10 % before the split, and 30.5 % of the remaining 50 % of EUR 12 million a year.
    assert!(text.contains("in all: 25.25 % of the whole = about EUR 3_030_000 per year"), "{text}");
    assert!(text.contains("through `innenministerium_nordland`, part of it"), "{text}");
    insta::assert_snapshot!("obligations-nordland", text);

    let (code, raw, _) = pakt(&["obligations", STV, "--party", "nordland", "--format", "json"]);
    assert_eq!(code, 0);
    insta::assert_snapshot!("obligations-nordland-json", raw);
    let v: Value = serde_json::from_str(&raw).expect("json");
    let aufbau = shares(&v, "aufbau");
    assert_eq!(aufbau.len(), 1);
    assert_eq!(aufbau[0]["payer"], "laender");
    assert_eq!(aufbau[0]["kind"], "rest");
    assert_eq!(aufbau[0]["key_figure"], "30.5");
    assert_eq!(aufbau[0]["rest_percent"], "75");
    assert_eq!(aufbau[0]["of_whole"], "22.875");
    assert_eq!(aufbau[0]["amount"]["money"], serde_json::json!({"currency": "EUR", "amount": "41175000.00"}));
    assert_eq!(aufbau[0]["amount"]["bound"], "up_to");
    assert_eq!(aufbau[0]["amount"]["years"], serde_json::json!([2027, 2029]));
    assert_eq!(aufbau[0]["amount"]["exact"], true);
    let betrieb = shares(&v, "betrieb");
    let amounts: Vec<&str> = betrieb.iter().map(|s| s["amount"]["money"]["amount"].as_str().unwrap()).collect();
    assert_eq!(amounts, ["1200000.00", "1830000.00"]);
    assert!(betrieb.iter().all(|s| s["amount"]["per_year"] == true));
    assert_eq!(betrieb[0]["before_split"], true);
    let via: Vec<&Value> = v["duties"].as_array().unwrap().iter().map(|d| &d["via"]).collect();
    assert!(via.iter().any(|x| x["type"] == "group" && x["group"] == "laender"));
    assert!(via.iter().any(|x| x["type"] == "actor" && x["actor"] == "innenministerium_nordland"));
}

#[test]
fn the_federation_pays_a_quarter() {
    let v = json(&["obligations", STV, "--party", "bund", "--format", "json"]);
    let aufbau = shares(&v, "aufbau");
    assert_eq!(aufbau[0]["percent"], "25");
    assert_eq!(aufbau[0]["amount"]["money"]["amount"], "45000000.00");
    assert_eq!(shares(&v, "betrieb")[0]["amount"]["money"]["amount"], "4800000.00");
    // A party that pays nothing owes no financing.
    let v = json(&["obligations", GREMIEN, "--party", "land", "--format", "json"]);
    assert!(v["duties"].as_array().unwrap().iter().all(|d| d["id"] != "geschaeftsstelle"));
}

#[test]
fn who_shows_deputy_casting_vote_and_varying_seats() {
    let (code, text, _) = pakt(&["who", GREMIEN, "--body", "lenkungsrat"]);
    assert_eq!(code, 0);
    insta::assert_snapshot!("who-lenkungsrat", text);
    let (code, text, _) = pakt(&["who", GREMIEN, "--body", "ressortkreis"]);
    assert_eq!(code, 0);
    insta::assert_snapshot!("who-ressortkreis", text);

    let v = json(&["who", GREMIEN, "--body", "lenkungsrat", "--format", "json"]);
    assert_eq!(v["deputy"], "lenkungsrat.verbaende");
    assert_eq!(v["casting_vote"], true);
    assert_eq!(v["quorum"], "3 members present");
    assert_eq!(v["meeting"]["soft"], true);
    assert_eq!(v["member_count"], 4);
    let v = json(&["who", GREMIEN, "--body", "ressortkreis", "--format", "json"]);
    assert_eq!(v["variable_seats"], true);
    assert_eq!(v["meeting"]["governed_by"], "Geschäftsordnung des Ressortkreises");
    let fm = v["members"].as_array().unwrap().iter().find(|m| m["seat"] == "fm").unwrap();
    assert_eq!(fm["votes_on"], "Haushaltsfragen");
    assert_eq!(fm["party"], "land", "the actor's seat counts for the party it is part of");
}

#[test]
fn shares_not_in_whole_cents_are_rounded_and_say_so() {
    let (code, text, _) = pakt(&["obligations", GREMIEN, "--party", "staedtetag"]);
    assert_eq!(code, 0);
    insta::assert_snapshot!("obligations-staedtetag", text);
    let v = json(&["obligations", GREMIEN, "--party", "staedtetag", "--format", "json"]);
    let k = shares(&v, "geschaeftsstelle");
    // 33.333334 % of EUR 100 is EUR 33.333334: rounded to the cent.
    assert_eq!(k[0]["amount"]["money"]["amount"], "33.33");
    assert_eq!(k[0]["amount"]["exact"], false);
    // 60 % paid by the group together: the group's amount, marked as joint.
    let p = shares(&v, "pauschale");
    assert_eq!(p[0]["jointly"], true);
    assert_eq!(p[0]["amount"]["money"]["amount"], "54000.00");

    // Each yearly tranche is shared as the whole is: 33.333333 % of the 50 % rest.
    let v = json(&["obligations", GREMIEN, "--party", "gemeindetag", "--format", "json"]);
    let f = shares(&v, "foerderung");
    let tranches: Vec<(i64, &str, bool)> = f[0]["tranches"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            (
                t["year"].as_i64().unwrap(),
                t["amount"]["money"]["amount"].as_str().unwrap(),
                t["amount"]["exact"] == true,
            )
        })
        .collect();
    assert_eq!(tranches, [(2031, "166666.67", false), (2032, "333333.33", true)]);
}

/// Every `.pakt` file under `dir`, recursively, sorted.
#[test]
fn the_queries_answer_every_model_without_panicking() {
    use pakt::graph::query;
    use pakt::model::{BodyId, PartyId};
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in ["agreements", "examples/agreements", "tests/fixtures"] {
        common::pakt_files(&root.join(dir), &mut files);
    }
    let mut answered = 0;
    for file in files {
        let Ok(text) = std::fs::read_to_string(&file) else { continue };
        // Models with errors too: the queries must cope with whatever resolved.
        let Some(model) = pakt::check::compile(&text, &pakt::check::Limits::default()).model else { continue };
        for p in 0..model.parties.len() {
            let party = PartyId(p as u32);
            let duties = query::obligations(&model, party);
            let _ = query::obligations_text(&model, party, &duties);
            serde_json::to_string(&duties).expect("duties serialise");
            answered += 1;
        }
        for b in 0..model.bodies.len() {
            let w = query::who(&model, BodyId(b as u32)).expect("a body of the model");
            let _ = query::who_text(&w);
            serde_json::to_string(&w).expect("membership serialises");
            answered += 1;
        }
    }
    assert!(answered > 100, "only {answered} queries answered");
}
