//! Benchmarks of the voting-power engine (`pakt::power`), one per method.
//!
//! `cargo bench --bench power`. The goal (issue 13): each body analysed
//! well under 100 ms.
//!
//! - `federation_17`: 1 federation + 16 Länder (17 voting members) under a
//!   composite weighted rule: the federation's consent, 11 of 16 Länder,
//!   and Länder carrying two thirds of an illustrative key (enumeration of
//!   2^17 coalitions)
//! - `seats_40_types`: 40 seats of four parties, a two-thirds majority that
//!   also needs both municipal associations (types of interchangeable seats)
//! - `weighted_40_dp`: 40 members with 40 distinct weights and a
//!   two-thirds quota (dynamic programming over weights)
//! - `thueringen_report`: `pakt power --assume majority` on the Thüringen
//!   agreement, model to report (five bodies, per seat and per bloc)

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use divan::black_box;
use pakt::power::game::WeightedGroup;
use pakt::power::{analyse, Game, Method, Player, Requirement};

fn main() {
    divan::main();
}

/// Illustrative key weights in thousandths (close to a Königstein key, not an official one).
const KEY: [u64; 16] = [1304, 1569, 516, 303, 96, 264, 744, 198, 941, 2099, 482, 119, 494, 271, 341, 260];

fn federation() -> Game {
    let mut players = vec![Player::new("bund", Some("bund"), Some("state"), 1)];
    players.extend((0..16).map(|i| Player::new(format!("land{i}"), Some(&format!("land{i}")), Some("state"), 1)));
    let laender: Vec<Vec<usize>> = (1..=16).map(|i| vec![i]).collect();
    let key = KEY.iter().enumerate().map(|(i, &w)| WeightedGroup { players: vec![i + 1], weight: w }).collect();
    Game::new(
        players,
        vec![
            vec![Requirement::Veto { players: vec![0] }],
            vec![Requirement::AtLeast { count: 11, groups: laender }],
            vec![Requirement::Weighted { groups: key, num: 2, den: 3, strict: false }],
        ],
    )
}

fn seats_40() -> Game {
    let mut players = Vec::new();
    for (party, side, n) in
        [("land", "state", 20), ("gstb", "municipal", 8), ("lkt", "municipal", 8), ("kv", "municipal", 4)]
    {
        players.extend((0..n).map(|i| Player::new(format!("{party}#{i}"), Some(party), Some(side), 1)));
    }
    Game::new(
        players,
        vec![
            vec![Requirement::qualified(2, 3)],
            vec![Requirement::AtLeast { count: 2, groups: vec![(20..28).collect(), (28..36).collect()] }],
        ],
    )
}

fn weighted_40() -> Game {
    let players = (1..=40).map(|w| Player::new(format!("m{w}"), None, None, w)).collect();
    Game::single(players, Requirement::qualified(2, 3))
}

#[divan::bench]
fn federation_17(bencher: divan::Bencher) {
    let game = federation();
    assert_eq!(analyse(&game).unwrap().method, Method::Enumeration);
    bencher.bench(|| analyse(black_box(&game)).unwrap());
}

#[divan::bench]
fn seats_40_types(bencher: divan::Bencher) {
    let game = seats_40();
    assert_eq!(analyse(&game).unwrap().method, Method::Types);
    bencher.bench(|| analyse(black_box(&game)).unwrap());
}

#[divan::bench]
fn weighted_40_dp(bencher: divan::Bencher) {
    let game = weighted_40();
    assert_eq!(analyse(&game).unwrap().method, Method::WeightDp);
    bencher.bench(|| analyse(black_box(&game)).unwrap());
}

#[divan::bench]
fn thueringen_report(bencher: divan::Bencher) {
    let text = std::fs::read_to_string("agreements/thueringen-2018.pakt").unwrap();
    let model = pakt::check::compile(&text, &pakt::check::Limits::default()).model.unwrap();
    bencher.bench(|| {
        pakt::power::command(black_box(&model), None, Some("majority"), pakt::power::PowerFormat::Json).unwrap()
    });
}
