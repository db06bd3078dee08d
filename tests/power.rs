//! Voting power: the engine against hand-computed games, the three methods
//! against each other, `pakt power` on the Thüringen bodies (text and JSON
//! pinned), and the SVG chart in headless Chromium.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;

use pakt::power::game::WeightedGroup;
use pakt::power::{analyse, analyse_with, Analysis, Game, Method, Player, Ratio, Requirement};
use serde_json::Value;
use std::path::PathBuf;
use std::process::Command;

const TH: &str = "agreements/thueringen-2018.pakt";

fn r(n: u128, d: u128) -> Ratio {
    Ratio::new(n, d).unwrap()
}

fn players(weights: &[u64]) -> Vec<Player> {
    weights.iter().enumerate().map(|(i, &w)| Player::new(format!("p{i}"), None, None, w)).collect()
}

fn strings(v: &[Ratio]) -> Vec<String> {
    v.iter().map(Ratio::to_string).collect()
}

/// Weights 4, 2, 1 with quota 5 (of 7): winning are {A,B}, {A,C}, {A,B,C}.
/// A swings in all three, B only in {A,B}, C only in {A,C}: Banzhaf
/// 3/5, 1/5, 1/5. In the 6 orders A is pivotal whenever it is not first
/// (4), B only in A,B,C and C only in A,C,B: 2/3, 1/6, 1/6.
#[test]
fn weights_4_2_1_quota_5() {
    // yes * 7 >= 5 * 7: a quota of 5 of the 7 votes.
    let game = Game::single(players(&[4, 2, 1]), Requirement::Quota { num: 5, den: 7, strict: false });
    let a = analyse(&game).unwrap();
    assert_eq!(a.method, Method::Enumeration);
    assert_eq!(a.swings, [3, 1, 1]);
    assert_eq!(a.banzhaf, [r(3, 5), r(1, 5), r(1, 5)]);
    // Orders: ABC→B pivots, ACB→C, BAC→A, BCA→A, CAB→A, CBA→A.
    assert_eq!(a.shapley_shubik, [r(2, 3), r(1, 6), r(1, 6)]);
    assert_eq!(a.minimal_winning.count, 2);
    assert_eq!(a.minimal_winning.listed, [vec![0, 1], vec![0, 2]]);
    assert!(a.minimal_winning.complete);
    assert_eq!(a.vetoes, [0], "A is in every winning coalition");
    assert!(a.grand_coalition_wins && !a.empty_coalition_wins);
}

#[test]
fn unanimity_gives_every_member_a_veto() {
    let game = Game::single(players(&[1, 1, 1, 1, 1]), Requirement::Unanimity);
    let a = analyse(&game).unwrap();
    assert_eq!(a.vetoes, [0, 1, 2, 3, 4]);
    assert_eq!(strings(&a.banzhaf), ["1/5"; 5]);
    assert_eq!(strings(&a.shapley_shubik), ["1/5"; 5]);
    assert_eq!(a.minimal_winning.count, 1);
    assert_eq!(a.minimal_winning.listed, [vec![0, 1, 2, 3, 4]]);
    for i in 0..5 {
        assert!(game.can_block(&[i]).unwrap());
        assert!(!game.can_decide_alone(&[i]).unwrap());
    }
}

/// A two-thirds rule by a key: parties weighing 40, 30, 20, 10 (of 100)
/// need 2/3, i.e. 67 or more (70 with these weights). Winning: AB, ABC,
/// ABD, ACD, ABCD; minimal: AB and ACD.
/// Swings: A in all five (BCD has 60), B in AB, ABC, ABD (3), C and D
/// only in ACD: Banzhaf 5/10, 3/10, 1/10, 1/10. Shapley–Shubik with
/// n = 4 weighs a swing with |S| others before by |S|!(3−|S|)!/24:
/// A: S = B (1/12), BC, BD, CD (1/12 each), BCD (1/4) → 7/12;
/// B: S = A, AC, AD → 3/12; C: S = AD → 1/12; D: S = AC → 1/12.
#[test]
fn weighted_two_thirds_by_a_key() {
    let groups =
        [40, 30, 20, 10].iter().enumerate().map(|(i, &w)| WeightedGroup { players: vec![i], weight: w }).collect();
    let game = Game::single(players(&[1, 1, 1, 1]), Requirement::Weighted { groups, num: 2, den: 3, strict: false });
    let a = analyse(&game).unwrap();
    assert_eq!(a.swings, [5, 3, 1, 1]);
    assert_eq!(a.banzhaf, [r(1, 2), r(3, 10), r(1, 10), r(1, 10)]);
    assert_eq!(a.shapley_shubik, [r(7, 12), r(1, 4), r(1, 12), r(1, 12)]);
    assert_eq!(a.minimal_winning.listed, [vec![0, 1], vec![0, 2, 3]]);
    assert!(a.vetoes == [0], "A (40) is in every winning coalition");
    // The same rule computed by the weight DP and by types gives the same numbers.
    for method in [Method::WeightDp, Method::Types] {
        let b = analyse_with(&game, method).unwrap();
        assert_eq!(
            (b.swings.clone(), b.banzhaf.clone(), b.shapley_shubik.clone()),
            (a.swings.clone(), a.banzhaf.clone(), a.shapley_shubik.clone()),
            "{method:?}"
        );
        assert_eq!(b.minimal_winning.count, 2, "{method:?}");
    }
}

#[test]
fn simple_majority_of_a_paritaetisch_body_gives_each_side_a_blocking_minority() {
    let seats: Vec<Player> = (0..8)
        .map(|i| {
            let side = if i < 4 { "state" } else { "municipal" };
            Player::new(format!("s{i}"), None, Some(side), 1)
        })
        .collect();
    let game = Game::single(seats, Requirement::majority());
    let a = analyse(&game).unwrap();
    assert!(a.vetoes.is_empty());
    assert_eq!(a.minimal_winning.count, 56, "every 5 of 8 seats");
    assert!(!a.minimal_winning.complete);
    assert_eq!(a.minimal_winning.listed.len(), 5, "a sample");
    assert!(game.can_block(&[0, 1, 2, 3]).unwrap());
    assert!(!game.can_decide_alone(&[0, 1, 2, 3]).unwrap());
    assert_eq!(Analysis::sum(&a.banzhaf, &[0, 1, 2, 3]).unwrap(), r(1, 2));
    // Half the votes (qualified 1/2) lets each side decide alone.
    let half = Game::single(game.players.clone(), Requirement::qualified(1, 2));
    assert!(half.can_decide_alone(&[0, 1, 2, 3]).unwrap());
    assert!(half.can_decide_alone(&[4, 5, 6, 7]).unwrap());
}

/// A composite rule: a two-thirds majority of 12 seats and, in addition,
/// either both municipal associations or the Land. Types and enumeration
/// agree exactly.
#[test]
fn composite_rule_by_types_matches_enumeration() {
    let mut seats = Vec::new();
    for i in 0..6 {
        seats.push(Player::new(format!("land#{i}"), Some("land"), Some("state"), 1));
    }
    for i in 0..3 {
        seats.push(Player::new(format!("gstb#{i}"), Some("gstb"), Some("municipal"), 1));
    }
    for i in 0..3 {
        seats.push(Player::new(format!("lkt#{i}"), Some("lkt"), Some("municipal"), 1));
    }
    let game = Game::new(
        seats,
        vec![
            vec![Requirement::qualified(2, 3)],
            vec![
                Requirement::AtLeast { count: 2, groups: vec![vec![6, 7, 8], vec![9, 10, 11]] },
                Requirement::Veto { players: vec![0, 1, 2, 3, 4, 5] },
            ],
        ],
    );
    let e = analyse_with(&game, Method::Enumeration).unwrap();
    let t = analyse_with(&game, Method::Types).unwrap();
    assert_eq!(t.method, Method::Types);
    assert_eq!(e.swings, t.swings);
    assert_eq!(e.banzhaf, t.banzhaf);
    assert_eq!(e.shapley_shubik, t.shapley_shubik);
    assert_eq!(e.minimal_winning.count, t.minimal_winning.count);
    assert_eq!(Ratio::sum(e.shapley_shubik.iter().copied()).unwrap(), Ratio::ONE, "Shapley–Shubik sums to 1");
    // The bloc view: three parties, each voting as one.
    let blocs = vec![(0..6).collect(), (6..9).collect(), (9..12).collect()];
    let bloc_players = vec![
        Player::new("land", Some("land"), Some("state"), 6),
        Player::new("gstb", Some("gstb"), Some("municipal"), 3),
        Player::new("lkt", Some("lkt"), Some("municipal"), 3),
    ];
    let b = analyse(&game.bloc_game(&blocs, bloc_players)).unwrap();
    // Land (6 of 12) needs two thirds (8): with one association 9 ≥ 8 and
    // the Land's veto satisfies the second clause; both associations (6)
    // fall short of 8. So {land, gstb} and {land, lkt} are minimal.
    assert_eq!(b.minimal_winning.listed, [vec![0, 1], vec![0, 2]]);
    assert_eq!(b.banzhaf, [r(3, 5), r(1, 5), r(1, 5)]);
    assert_eq!(b.shapley_shubik, [r(2, 3), r(1, 6), r(1, 6)]);
}

/// 40 seats: a majority of 40 (types: one type of 40) and a weighted
/// quota over 40 distinct weights (weight DP) — beyond enumeration.
#[test]
fn large_bodies_use_types_or_the_weight_dp() {
    let game = Game::single(players(&[1; 40]), Requirement::majority());
    let a = analyse(&game).unwrap();
    assert_eq!(a.method, Method::Types);
    assert_eq!(strings(&a.banzhaf), ["1/40"; 40]);
    assert_eq!(strings(&a.shapley_shubik), ["1/40"; 40]);
    // Minimal winning: every 21 of 40.
    assert_eq!(a.minimal_winning.count, 131_282_408_400);
    let weights: Vec<u64> = (1..=40).collect();
    let game = Game::single(players(&weights), Requirement::qualified(2, 3));
    let d = analyse(&game).unwrap();
    assert_eq!(d.method, Method::WeightDp);
    assert_eq!(Ratio::sum(d.shapley_shubik.iter().copied()).unwrap(), Ratio::ONE);
    assert_eq!(Ratio::sum(d.banzhaf.iter().copied()).unwrap(), Ratio::ONE);
    assert!(d.banzhaf.windows(2).all(|w| w[0] <= w[1]), "more weight, no less power");
    // The DP agrees with enumeration where both run.
    let small: Vec<u64> = vec![7, 5, 5, 3, 2, 2, 1, 1, 1, 9, 4, 6];
    let game = Game::single(players(&small), Requirement::majority());
    let e = analyse_with(&game, Method::Enumeration).unwrap();
    let d = analyse_with(&game, Method::WeightDp).unwrap();
    assert_eq!(e.swings, d.swings);
    assert_eq!(e.shapley_shubik, d.shapley_shubik);
    assert_eq!(e.minimal_winning.count, d.minimal_winning.count);
}

/// Illustrative key weights of 16 Länder in thousandths (close to a
/// Königstein key, not an official one).
const KEY: [u64; 16] = [1304, 1569, 516, 303, 96, 264, 744, 198, 941, 2099, 482, 119, 494, 271, 341, 260];

/// The federation and 16 Länder: the federation's consent, 11 of 16 Länder,
/// and Länder carrying two thirds of the key. Enumeration (17 voters) and
/// types agree exactly; the federation alone holds a veto; the indices are
/// pinned.
#[test]
fn federation_with_sixteen_laender_and_a_key() {
    let mut seats = vec![Player::new("bund", Some("bund"), None, 1)];
    seats.extend((0..16).map(|i| Player::new(format!("land{i}"), Some(&format!("land{i}")), None, 1)));
    let key = KEY.iter().enumerate().map(|(i, &w)| WeightedGroup { players: vec![i + 1], weight: w }).collect();
    let game = Game::new(
        seats,
        vec![
            vec![Requirement::Veto { players: vec![0] }],
            vec![Requirement::AtLeast { count: 11, groups: (1..=16).map(|i| vec![i]).collect() }],
            vec![Requirement::Weighted { groups: key, num: 2, den: 3, strict: false }],
        ],
    );
    let e = analyse(&game).unwrap();
    assert_eq!(e.method, Method::Enumeration);
    let t = analyse_with(&game, Method::Types).unwrap();
    assert_eq!((&e.swings, &e.shapley_shubik), (&t.swings, &t.shapley_shubik));
    assert_eq!(e.minimal_winning.count, t.minimal_winning.count);
    assert_eq!(e.vetoes, [0]);
    assert_eq!(Ratio::sum(e.shapley_shubik.iter().copied()).unwrap(), Ratio::ONE);
    // The largest Land (index 10, 2099) has more power than the smallest (index 5, 96).
    assert!(e.banzhaf[10] > e.banzhaf[5] && e.shapley_shubik[10] > e.shapley_shubik[5]);
    let pinned: Vec<String> = game
        .players
        .iter()
        .enumerate()
        .map(|(i, p)| format!("{:<6} banzhaf {:<12} shapley-shubik {}", p.label, e.banzhaf[i], e.shapley_shubik[i]))
        .collect();
    insta::assert_snapshot!(
        "power-federation",
        format!("minimal winning coalitions: {}\n{}", e.minimal_winning.count, pinned.join("\n"))
    );
}

#[test]
fn impossible_and_empty_rules_are_reported_not_divided_by_zero() {
    let none = Game::single(players(&[1, 1]), Requirement::Veto { players: vec![] });
    let a = analyse(&none).unwrap();
    assert!(a.empty_coalition_wins);
    assert_eq!(strings(&a.banzhaf), ["0", "0"]);
    let never = Game::new(players(&[1, 1]), vec![vec![]]);
    let a = analyse(&never).unwrap();
    assert!(!a.grand_coalition_wins);
    assert_eq!(a.minimal_winning.count, 0);
    assert!(analyse(&Game::single(Vec::new(), Requirement::Unanimity)).is_err());
    assert!(analyse(&Game::single(players(&[1; 81]), Requirement::Unanimity)).is_err());
    assert!(analyse(&Game::single(players(&[1]), Requirement::Veto { players: vec![3] })).is_err());
}

// ------------------------------------------------------------ pakt power

fn pakt(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_pakt")).args(args).output().expect("run pakt");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).expect("utf-8"),
        String::from_utf8(out.stderr).expect("utf-8"),
    )
}

#[test]
fn thueringen_without_an_assumed_rule_says_why_nothing_is_analysed() {
    let (code, text, _) = pakt(&["power", TH]);
    assert_eq!(code, 0);
    insta::assert_snapshot!("power-thueringen-stated", text);
    assert!(text.contains("not analysed: the agreement says that the body decides, but not by which rule"));
    assert_eq!(text.matches("not analysed: the body does not decide").count(), 4);
}

#[test]
fn thueringen_steering_bodies_under_an_assumed_majority() {
    let (code, text, _) = pakt(&["power", TH, "--assume", "majority"]);
    assert_eq!(code, 0);
    insta::assert_snapshot!("power-thueringen-majority", text);
    for side in ["state", "municipal"] {
        assert_eq!(
            text.matches(&format!(
                "{side} side (4 of 8 seats) cannot decide alone; it can block: its seats together are a blocking minority"
            ))
            .count(),
            5,
            "the Beirat and the four steering bodies"
        );
    }

    let (code, out, _) = pakt(&["power", TH, "--assume", "majority", "--format", "json"]);
    assert_eq!(code, 0);
    let json: Value = serde_json::from_str(&out).expect("JSON");
    insta::assert_json_snapshot!("power-thueringen-majority-json", json);
    assert_eq!(json["assumed_rule"], "majority");
    let bodies = json["bodies"].as_array().unwrap();
    assert_eq!(bodies.len(), 5);
    for b in &bodies[1..] {
        let rule = &b["rules"][0];
        assert_eq!(rule["assumed"], true);
        assert_eq!(rule["per_seat"]["minimal_winning"]["count"], "56");
        for g in rule["groups"].as_array().unwrap().iter().filter(|g| g["kind"] == "side") {
            assert_eq!(g["blocks"], true, "{}: {}", b["id"], g["id"]);
            assert_eq!(g["decides_alone"], false);
            assert_eq!(g["banzhaf_seat"]["fraction"], "1/2");
            assert_eq!(g["shapley_shubik_bloc"]["value"], 0.5);
        }
    }
}

#[test]
fn thueringen_steering_body_by_two_thirds_and_consent() {
    let (code, text, _) = pakt(&["power", TH, "--body", "steuerung_ozg", "--assume", "2/3"]);
    assert_eq!(code, 0);
    assert!(text.contains("rule: qualified 2/3 (assumed"), "{text}");
    // 6 of 8 needed: 3 seats of either side block.
    assert!(text.contains("minimal winning coalitions per seat: 28,"), "{text}");
    let (_, text, _) = pakt(&["power", TH, "--body", "steuerung_ozg", "--assume", "consent", "--format", "json"]);
    let json: Value = serde_json::from_str(&text).unwrap();
    let per_bloc = &json["bodies"][0]["rules"][0]["per_bloc"];
    assert_eq!(per_bloc["vetoes"], serde_json::json!(["land", "municipal side (no party)"]));
}

#[test]
fn sachsen_anhalt_consent_gives_every_party_a_veto() {
    let (code, out, _) = pakt(&["power", "agreements/sachsen-anhalt-2014.pakt", "--format", "json"]);
    assert_eq!(code, 0);
    let json: Value = serde_json::from_str(&out).unwrap();
    let rule = &json["bodies"][0]["rules"][0];
    assert_eq!(rule["rule"], "consent");
    assert_eq!(rule["assumed"], false);
    assert_eq!(rule["per_bloc"]["vetoes"], serde_json::json!(["land", "sgsb", "landkreistag"]));
}

/// The check rules on the real Thüringen text: a simple majority in the
/// 4 + 4 steering bodies (and in the binding Beirat) raises nothing; half
/// of the votes in one steering body raises A020 there and nothing else.
#[test]
fn check_rules_on_the_thueringen_agreement_with_stated_rules() {
    use pakt::check::{compile, Limits};
    let text = std::fs::read_to_string(TH).unwrap();
    let codes = |text: &str| -> Vec<(String, String)> {
        let compiled = compile(text, &Limits::default());
        assert!(!compiled.has_errors(), "{:?}", compiled.diagnostics);
        let model = compiled.model.unwrap();
        let config = pakt::config::Config::default();
        let ctx = pakt::rules::Context { model: &model, predecessor: None, predecessor_path: None, config: &config };
        pakt::rules::run(&ctx)
            .into_iter()
            .filter(|d| d.suppressed.is_none())
            .map(|d| (d.code.to_string(), d.message.clone()))
            .collect()
    };
    let majority = text
        .replace(
            "    chair cio
",
            "    chair cio
    decides by majority
",
        )
        // The steering bodies' chair is the CIO, who holds no seat there.
        .replace("    chair cio non_member\n", "    chair cio non_member\n    decides by majority\n")
        .replacen("    decides\n", "", 1);
    assert_eq!(majority.matches("decides by majority").count(), 5);
    assert_eq!(codes(&majority), []);
    let (head, tail) = text.split_once("body steuerung_ozg").unwrap();
    let tail =
        tail.replacen("    chair cio non_member\n", "    chair cio non_member\n    decides by qualified 1/2\n", 1);
    let half = format!("{head}body steuerung_ozg{tail}");
    assert_ne!(half, text, "the OZG steering body was found");
    assert_eq!(
        codes(&half),
        [(
            "A020".to_string(),
            "`steuerung_ozg` is declared paritätisch, but under `decides by qualified 1/2` either side can decide alone"
                .to_string()
        )]
    );
}

#[test]
fn power_rejects_an_unknown_body_and_a_bad_rule() {
    let (code, _, err) = pakt(&["power", TH, "--body", "nope"]);
    assert_eq!(code, 2);
    assert!(err.contains("no body `nope`; bodies: beirat, steuerung_standardisierung"), "{err}");
    let (code, _, err) = pakt(&["power", TH, "--assume", "3/2"]);
    assert_eq!(code, 2);
    assert!(err.contains("`3/2` is not a decision rule"), "{err}");
}

// ------------------------------------------------------------ SVG in Chromium

#[test]
fn svg_chart_is_valid_and_opens_in_chromium() {
    let (code, svg, _) = pakt(&["power", TH, "--assume", "majority", "--format", "svg"]);
    assert_eq!(code, 0);
    let doc = roxmltree::Document::parse(&svg).expect("well-formed SVG");
    let root = doc.root_element();
    assert_eq!(root.attribute("width"), Some("800"));
    let texts: Vec<String> =
        doc.descendants().filter(|n| n.has_tag_name("text")).map(|n| n.text().unwrap_or("").to_string()).collect();
    for label in [
        "Voting power in thueringen_2018",
        "steuerung_ozg — majority (assumed, not stated)",
        "state side",
        "municipal side",
        "party land",
        "4 seats · can block · not alone",
        "1/2 (0.500)",
    ] {
        assert!(texts.iter().any(|t| t == label), "no text `{label}` in {texts:?}");
    }
    let Some(browser) = chromium() else { return };
    let dir = std::env::temp_dir().join(format!("pakt-power-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("power.svg");
    std::fs::write(&file, &svg).unwrap();
    let height: u32 = root.attribute("height").unwrap().parse().unwrap();
    let shot = std::env::var("PAKT_POWER_SCREENSHOT").map(PathBuf::from).unwrap_or_else(|_| dir.join("power.png"));
    let _ = std::fs::remove_file(&shot);
    let out = headless(
        &browser,
        &dir.join("profile"),
        &[
            &format!("--screenshot={}", shot.display()),
            &format!("--window-size=800,{height}"),
            &format!("file://{}", file.display()),
        ],
    );
    assert!(out.status.success(), "chromium failed: {}", String::from_utf8_lossy(&out.stderr));
    let png = std::fs::read(&shot).expect("a screenshot");
    assert!(png.starts_with(b"\x89PNG"), "a PNG");
    assert!(png.len() > 10_000, "the screenshot has content ({} bytes)", png.len());
    // The DOM Chromium built from the SVG holds the labels.
    let out = headless(&browser, &dir.join("profile"), &["--dump-dom", &format!("file://{}", file.display())]);
    let dom = String::from_utf8_lossy(&out.stdout);
    assert!(dom.contains("steuerung_ozg — majority (assumed, not stated)"), "{dom}");
    assert!(dom.contains("Shapley–Shubik index"));
}

/// The invented federation–Länder example of the language v2 issue: two
/// named decision rules, a veto, a count of Länder and a weighted key.
#[test]
fn it_rat_example_with_a_veto_a_count_and_a_weighted_key() {
    const EX: &str = "examples/agreements/it-rat-beispiel.pakt";
    let (code, text, _) = pakt(&["power", EX]);
    assert_eq!(code, 0);
    insta::assert_snapshot!("power-it-rat-example", text);
    // Beschlüsse: the federation holds a veto, the Länder together block.
    assert!(text.contains("federal side (1 of 6 seats) cannot decide alone; it can block: vertreter_bund holds a veto"));
    assert!(text.contains("state side (5 of 6 seats) cannot decide alone; it can block"));
    // Empfehlungen by simple majority: the Länder decide alone.
    assert!(text.contains("state side (5 of 6 seats) can decide alone"));

    let (code, out, _) = pakt(&["power", EX, "--format", "json"]);
    assert_eq!(code, 0);
    let json: Value = serde_json::from_str(&out).expect("JSON");
    insta::assert_json_snapshot!("power-it-rat-example-json", json);
    let rules = json["bodies"][0]["rules"].as_array().expect("rules");
    assert_eq!(rules.len(), 2, "both named decision rules are analysed");
    // Under the weighted rule, Nordland (30.5 %) weighs more than Mittelland (10 %).
    let group =
        |rule: &Value, id: &str| rule["groups"].as_array().unwrap().iter().find(|g| g["id"] == id).cloned().expect(id);
    let nord = group(&rules[0], "nordland");
    let mitte = group(&rules[0], "mittelland");
    assert_eq!(nord["banzhaf_seat"]["fraction"], "1/5", "{nord}");
    assert_eq!(mitte["banzhaf_seat"]["fraction"], "1/15", "{mitte}");
}

fn chromium() -> Option<PathBuf> {
    common::chromium("power")
}

use common::headless;
