//! The power report as text for people.
//!
//! In: `BodyReport`s. Out: per body its seats and blocs, per rule the
//! method used, minimal winning coalitions, vetoes, what each side can do
//! (decide alone, block) and a table of summed Banzhaf and Shapley–Shubik
//! indices per side and party.

use super::game::Game;
use super::index::Analysis;
use super::ratio::Ratio;
use super::report::{BodyReport, GroupPower, RuleAnalysis};
use std::fmt::Write;

pub fn text(agreement: &str, reports: &[BodyReport]) -> String {
    let mut out = String::new();
    let n = reports.len();
    let _ = writeln!(out, "voting power in `{agreement}`: {n} bod{}\n", if n == 1 { "y" } else { "ies" });
    for r in reports {
        body(&mut out, r);
    }
    out
}

fn body(out: &mut String, r: &BodyReport) {
    let g = &r.games;
    let _ = writeln!(out, "body `{}` — {}", g.id, g.name);
    let mut facts = Vec::new();
    if g.parity {
        facts.push("declared paritätisch".to_string());
    }
    facts.push(format!("{} voting seats", g.seats.len()));
    if !g.bound.is_empty() {
        let sides =
            if g.bound_sides.is_empty() { String::new() } else { format!(" (sides: {})", g.bound_sides.join(", ")) };
        facts.push(format!("its decisions bind {}{sides}", g.bound.join(", ")));
    }
    let _ = writeln!(out, "  {}", facts.join("; "));
    if !g.blocs.is_empty() {
        let blocs: Vec<String> = g
            .blocs
            .iter()
            .map(|(p, m)| {
                let side = p.side.as_deref().map(|s| format!(", {s}")).unwrap_or_default();
                format!("{} ({} seat{}{side})", p.label, m.len(), plural(m.len()))
            })
            .collect();
        let _ = writeln!(out, "  blocs: {}", blocs.join("; "));
    }
    if r.rules.is_empty() {
        let why = if g.decides { "no decision rule" } else { "the body does not decide (no `decides`)" };
        let _ = writeln!(out, "  not analysed: {why}; `--assume RULE` analyses it under a rule you name\n");
        return;
    }
    for rule in &r.rules {
        let how = if rule.assumed { " (assumed with --assume: the agreement states no rule)" } else { "" };
        let name = if rule.name == "unspecified" { "not stated" } else { rule.name.as_str() };
        let _ = writeln!(out, "  rule: {name}{how}");
        match &rule.outcome {
            Err(why) => {
                let _ = writeln!(out, "    not analysed: {why}");
            }
            Ok(a) => analysis(out, a),
        }
    }
    out.push('\n');
}

fn analysis(out: &mut String, a: &RuleAnalysis) {
    let _ = writeln!(
        out,
        "    method: per seat {} ({}); per bloc {} ({})",
        a.seat.method.name(),
        a.seat.detail,
        a.bloc.method.name(),
        a.bloc.detail
    );
    if !a.seat.grand_coalition_wins {
        let _ = writeln!(out, "    no decision is possible: even all seats together do not meet the rule");
        return;
    }
    if a.seat.empty_coalition_wins {
        let _ = writeln!(out, "    the rule is met without any yes-vote: no one has power");
    }
    minimal(out, "per seat", &a.seat, &a.seat_game);
    minimal(out, "per bloc", &a.bloc, &a.bloc_game);
    let _ = writeln!(
        out,
        "    vetoes: single seats: {}; blocs: {}",
        vetoes(&a.seat, &a.seat_game),
        vetoes(&a.bloc, &a.bloc_game)
    );
    for s in a.sides() {
        let _ = writeln!(out, "    {}", side_sentence(s, a.seat_game.len()));
    }
    let head = format!(
        "    {:<26} {:>5}  {:<6} {:<5}  {:<18} {:<18} {:<18} {}",
        "", "seats", "alone", "block", "Banzhaf (seats)", "Shapley (seats)", "Banzhaf (blocs)", "Shapley (blocs)"
    );
    let _ = writeln!(out, "{}", head.trim_end());
    for g in &a.groups {
        let name = format!("{} {}", g.kind.name(), g.id);
        let line = format!(
            "    {:<26} {:>5}  {:<6} {:<5}  {:<18} {:<18} {:<18} {}",
            name,
            g.seats,
            yes_no(g.decides_alone),
            yes_no(g.blocks),
            frac(g.banzhaf_seat),
            frac(g.shapley_seat),
            frac(g.banzhaf_bloc),
            frac(g.shapley_bloc)
        );
        let _ = writeln!(out, "{}", line.trim_end());
    }
}

/// "the state side (4 of 8 seats) cannot decide alone; it can block: a blocking minority".
pub fn side_sentence(s: &GroupPower, total: usize) -> String {
    let alone = if s.decides_alone { "can decide alone" } else { "cannot decide alone" };
    let block = match (s.blocks, s.seat_vetoes.is_empty()) {
        (true, false) if s.seat_vetoes.len() == 1 => format!("it can block: {} holds a veto", s.seat_vetoes.join("")),
        (true, false) => format!("it can block, and each of {} holds a veto", s.seat_vetoes.join(", ")),
        (true, true) if s.seats == 1 => "it can block: its one seat holds a veto".to_string(),
        (true, true) => "it can block: its seats together are a blocking minority".to_string(),
        (false, _) => "it cannot block a decision".to_string(),
    };
    format!("{} side ({} of {total} seats) {alone}; {block}", s.id, s.seats)
}

fn minimal(out: &mut String, view: &str, a: &Analysis, game: &Game) {
    let m = &a.minimal_winning;
    // A sample of three keeps the line readable; JSON has the full sample.
    let shown: Vec<String> =
        m.listed.iter().take(if m.complete { m.listed.len() } else { 3 }).map(|c| coalition(c, game)).collect();
    let what = if m.complete {
        format!("{}: {}", m.count, shown.join(", "))
    } else if shown.is_empty() {
        format!("{} (no sample with this method)", m.count)
    } else {
        format!("{}, e.g. {}", m.count, shown.join(", "))
    };
    let _ = writeln!(out, "    minimal winning coalitions {view}: {what}");
}

fn coalition(members: &[usize], game: &Game) -> String {
    let names: Vec<&str> = members.iter().filter_map(|&i| game.players.get(i)).map(|p| p.label.as_str()).collect();
    format!("{{{}}}", names.join(", "))
}

fn vetoes(a: &Analysis, game: &Game) -> String {
    if a.vetoes.is_empty() {
        return "none".to_string();
    }
    if a.vetoes.len() == game.len() && game.len() > 1 {
        return "every one".to_string();
    }
    let names: Vec<&str> = a.vetoes.iter().filter_map(|&i| game.players.get(i)).map(|p| p.label.as_str()).collect();
    names.join(", ")
}

fn yes_no(b: bool) -> &'static str {
    if b {
        "yes"
    } else {
        "no"
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// `3/5 (0.600)`.
pub fn frac(r: Ratio) -> String {
    format!("{r} ({:.3})", r.to_f64())
}
