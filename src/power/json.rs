//! The power report as JSON for tools: complete and never truncated
//! (except that minimal winning coalitions beyond `LIST_LIMIT` are a
//! sample, as `complete: false` says).
//!
//! Fractions are objects `{"fraction": "3/5", "value": 0.6}`; counts that
//! may exceed 2^53 (coalitions, swings) are decimal strings.

use super::game::Game;
use super::index::Analysis;
use super::ratio::Ratio;
use super::report::{BodyReport, RuleAnalysis};
use serde_json::{json, Value};

pub fn json(agreement: &str, assumed: Option<&str>, reports: &[BodyReport]) -> Value {
    json!({
        "agreement": agreement,
        "assumed_rule": assumed,
        "bodies": reports.iter().map(body).collect::<Vec<_>>(),
    })
}

fn body(r: &BodyReport) -> Value {
    let g = &r.games;
    json!({
        "id": g.id,
        "name": g.name,
        "parity": g.parity,
        "decides": g.decides,
        "voting_seats": g.seats.len(),
        "bound": g.bound,
        "bound_sides": g.bound_sides,
        "seats": g.seats.iter().map(|p| json!({"label": p.label, "party": p.party, "side": p.side})).collect::<Vec<_>>(),
        "blocs": g.blocs.iter().map(|(p, m)| json!({
            "label": p.label,
            "party": p.party,
            "side": p.side,
            "seats": m.iter().filter_map(|&i| g.seats.get(i)).map(|s| s.label.clone()).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "rules": r.rules.iter().map(|rule| match &rule.outcome {
            Err(why) => json!({"rule": rule.name, "assumed": rule.assumed, "analysed": false, "reason": why}),
            Ok(a) => json!({
                "rule": rule.name,
                "assumed": rule.assumed,
                "analysed": true,
                "per_seat": view(&a.seat, &a.seat_game),
                "per_bloc": view(&a.bloc, &a.bloc_game),
                "groups": groups(a),
            }),
        }).collect::<Vec<_>>(),
    })
}

pub fn fraction(r: Ratio) -> Value {
    json!({"fraction": r.to_string(), "value": r.to_f64()})
}

fn labels(members: &[usize], game: &Game) -> Vec<String> {
    members.iter().filter_map(|&i| game.players.get(i)).map(|p| p.label.clone()).collect()
}

fn view(a: &Analysis, game: &Game) -> Value {
    json!({
        "method": a.method.name(),
        "detail": a.detail,
        "players": a.players,
        "grand_coalition_wins": a.grand_coalition_wins,
        "empty_coalition_wins": a.empty_coalition_wins,
        "minimal_winning": {
            "count": a.minimal_winning.count.to_string(),
            "complete": a.minimal_winning.complete,
            "coalitions": a.minimal_winning.listed.iter().map(|c| labels(c, game)).collect::<Vec<_>>(),
        },
        "vetoes": labels(&a.vetoes, game),
        "members": game.players.iter().enumerate().map(|(i, p)| json!({
            "label": p.label,
            "party": p.party,
            "side": p.side,
            "weight": p.weight,
            "swings": a.swings.get(i).map(u128::to_string),
            "banzhaf": a.banzhaf.get(i).copied().map(fraction),
            "shapley_shubik": a.shapley_shubik.get(i).copied().map(fraction),
        })).collect::<Vec<_>>(),
    })
}

fn groups(a: &RuleAnalysis) -> Value {
    a.groups
        .iter()
        .map(|g| {
            json!({
                "kind": g.kind.name(),
                "id": g.id,
                "seats": g.seats,
                "decides_alone": g.decides_alone,
                "blocks": g.blocks,
                "seat_vetoes": g.seat_vetoes,
                "banzhaf_seat": fraction(g.banzhaf_seat),
                "shapley_shubik_seat": fraction(g.shapley_seat),
                "banzhaf_bloc": fraction(g.banzhaf_bloc),
                "shapley_shubik_bloc": fraction(g.shapley_bloc),
            })
        })
        .collect()
}
