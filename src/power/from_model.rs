//! From the agreement model to games: the one place that knows both.
//!
//! In: a resolved body (its voting seats, decision rule, `binding`), and
//! optionally a rule to assume where the agreement states none. Out: a
//! `BodyGames` with one player per voting seat (a seat with `count 4` is
//! four players), the blocs those seats form (a party's seats, or a side's
//! seats without a party), and one seat-level `Game` per decision rule,
//! or the reason a rule cannot be analysed. New kinds of decision rules
//! are translated in `rule_game`.

use super::game::{Game, Player, Requirement, WeightedGroup};
use crate::model::{Body, Decision, DecisionRule, Model, PartyId, Ref, Requirement as Req, Side, Target};

/// The games of one body.
#[derive(Debug, Clone)]
pub struct BodyGames {
    pub id: String,
    pub name: String,
    /// Declared paritätisch.
    pub parity: bool,
    /// One per voting seat.
    pub seats: Vec<Player>,
    /// Seat indices of each bloc, and the bloc as a player.
    pub blocs: Vec<(Player, Vec<usize>)>,
    /// Sides whose parties (or actors) the body's decisions bind.
    pub bound_sides: Vec<String>,
    /// The ids `binding` names, as written.
    pub bound: Vec<String>,
    /// Whether the body decides at all (`decides`).
    pub decides: bool,
    pub rules: Vec<RuleGame>,
}

/// One decision rule of a body as a game over its seats.
#[derive(Debug, Clone)]
pub struct RuleGame {
    /// As the agreement says it, e.g. `majority`, `qualified 2/3`.
    pub name: String,
    /// Assumed by the user (`--assume`), not stated in the agreement.
    pub assumed: bool,
    /// The game over `BodyGames::seats`, or why there is none.
    pub game: Result<Game, String>,
}

/// The games of every body, or of the one with the given id.
pub fn bodies(model: &Model, assume: Option<DecisionRule>) -> Vec<BodyGames> {
    let sides = all_party_sides(model);
    model.bodies.iter().map(|b| body_games_with(model, &sides, b, assume)).collect()
}

/// The sides of the agreement's parties, which `binding all` binds. Callers
/// that walk every body compute it once: per body it would cost the number
/// of parties each time, and a check of many bodies would grow quadratically.
pub fn all_party_sides(model: &Model) -> Vec<Side> {
    let mut sides: Vec<Side> = Vec::new();
    for p in &model.parties {
        if let Some(s) = p.side.as_ref().map(|s| s.value) {
            if !sides.contains(&s) {
                sides.push(s);
            }
        }
    }
    sides
}

/// The games of one body (computes the parties' sides itself; see
/// [`body_games_with`] for many bodies).
pub fn body_games(model: &Model, body: &Body<Ref>, assume: Option<DecisionRule>) -> BodyGames {
    body_games_with(model, &all_party_sides(model), body, assume)
}

/// The games of one body, given [`all_party_sides`] of its model.
pub fn body_games_with(model: &Model, all_sides: &[Side], body: &Body<Ref>, assume: Option<DecisionRule>) -> BodyGames {
    let mut seats = Vec::new();
    // (party, side, seat id of a seat with neither) per bloc, in order of first seat.
    let mut keys: Vec<(Option<String>, Option<String>, Option<String>)> = Vec::new();
    let mut members: Vec<Vec<usize>> = Vec::new();
    // A seat `each GROUP` is one seat for each member party.
    let mut units: Vec<(&crate::model::Seat<Ref>, Option<PartyId>, u32, String)> = Vec::new();
    for seat in body.seats.iter().filter(|s| s.voting) {
        if seat.each.is_some() {
            for p in model.seat_parties(seat) {
                let label = model
                    .party(p)
                    .map_or_else(|| seat.id.value.clone(), |x| format!("{}@{}", seat.id.value, x.id.value));
                units.push((seat, Some(p), 1, label));
            }
        } else {
            units.push((seat, model.seat_party(seat), seat.count.value, seat.id.value.clone()));
        }
    }
    for (seat, party_id, count, seat_label) in units {
        let party = party_id.and_then(|p| model.party(p)).map(|p| p.id.value.clone());
        let side = model.seat_side(seat).map(|s| s.name().to_string());
        let side = party_id
            .and_then(|p| model.party(p))
            .and_then(|p| p.side.as_ref().map(|s| s.value.name().to_string()))
            .or(side);
        let key = match (&party, &side) {
            (None, None) => (None, None, Some(seat.id.value.clone())),
            _ => (party.clone(), side.clone(), None),
        };
        let bloc = match keys.iter().position(|k| *k == key) {
            Some(i) => i,
            None => {
                keys.push(key);
                members.push(Vec::new());
                keys.len() - 1
            }
        };
        for k in 1..=count {
            let label = if count == 1 { seat_label.clone() } else { format!("{seat_label}#{k}") };
            if let Some(m) = members.get_mut(bloc) {
                m.push(seats.len());
            }
            seats.push(Player { label, party: party.clone(), side: side.clone(), weight: 1 });
        }
    }
    let blocs = keys
        .into_iter()
        .zip(members)
        .map(|((party, side, seat), m)| {
            let label = match (&party, &side, &seat) {
                (Some(p), _, _) => p.clone(),
                (None, Some(s), _) => format!("{s} side (no party)"),
                (None, None, Some(seat)) => seat.clone(),
                (None, None, None) => String::new(),
            };
            (Player { label, party, side, weight: m.len() as u64 }, m)
        })
        .collect::<Vec<_>>();

    let mut bound_sides: Vec<String> = Vec::new();
    let mut note_side = |s: Option<Side>| {
        if let Some(name) = s.map(|s| s.name().to_string()) {
            if !bound_sides.contains(&name) {
                bound_sides.push(name);
            }
        }
    };
    for r in &body.binding {
        match r.target {
            Target::Actor(a) => note_side(model.actors.get(a.index()).and_then(|a| a.side.as_ref()).map(|s| s.value)),
            Target::AllParties => {
                for s in all_sides {
                    note_side(Some(*s));
                }
            }
            t => {
                for p in model.parties_of(t) {
                    note_side(model.party(p).and_then(|p| p.side.as_ref()).map(|s| s.value));
                }
            }
        }
    }
    bound_sides.sort_by_key(|s| side_order(s));

    let stated = body.decides.as_ref().map(|d| d.value);
    let seat_blocs: Vec<Vec<usize>> = blocs.iter().map(|(_, m)| m.clone()).collect();
    let rule = match (stated, assume) {
        (Some(DecisionRule::Unspecified) | None, Some(a)) => Some((a, true)),
        (Some(r), _) => Some((r, false)),
        (None, None) => None,
    };
    let mut rules: Vec<RuleGame> = rule
        .map(|(r, assumed)| RuleGame { name: r.name(), assumed, game: rule_game(r, &seats, &seat_blocs) })
        .into_iter()
        .collect();
    // Named decision rules (`decision ID { requires … }`).
    for d in &body.decisions {
        let label = d.label.as_ref().map_or_else(|| d.id.value.clone(), |l| format!("{} ({})", d.id.value, l.value));
        rules.push(RuleGame { name: label, assumed: false, game: decision_game(model, d, &seats, &seat_blocs) });
    }
    BodyGames {
        id: body.id.value.clone(),
        name: body.name.value.clone(),
        parity: body.parity.is_some(),
        seats,
        blocs,
        bound_sides,
        bound: body.binding.iter().map(|r| r.id.clone()).collect(),
        decides: stated.is_some() || !body.decisions.is_empty(),
        rules,
    }
}

/// State before municipal, then anything else.
pub fn side_order(side: &str) -> (u8, String) {
    match side {
        "state" => (0, String::new()),
        "municipal" => (1, String::new()),
        other => (2, other.to_string()),
    }
}

/// A decision rule of the model as a game over the seats.
fn rule_game(rule: DecisionRule, seats: &[Player], blocs: &[Vec<usize>]) -> Result<Game, String> {
    if seats.is_empty() {
        return Err("the body has no voting seats".to_string());
    }
    let clauses = match rule {
        DecisionRule::Unspecified => {
            return Err("the agreement says that the body decides, but not by which rule".to_string())
        }
        DecisionRule::Weighted => {
            return Err("the rule is weighted, but the agreement model holds no weights".to_string())
        }
        // Einvernehmen: every party (bloc) at the table must agree.
        DecisionRule::Consent => blocs.iter().map(|b| vec![Requirement::Veto { players: b.clone() }]).collect(),
        DecisionRule::Unanimity => vec![vec![Requirement::Unanimity]],
        DecisionRule::Majority => vec![vec![Requirement::majority()]],
        DecisionRule::Qualified { numerator, denominator } => {
            if denominator == 0 {
                return Err("a qualified majority with denominator 0".to_string());
            }
            vec![vec![Requirement::qualified(u64::from(numerator), u64::from(denominator))]]
        }
    };
    Ok(Game::new(seats.to_vec(), clauses))
}

/// The seats (player indices) held for these parties.
fn players_of(seats: &[Player], model: &Model, parties: &[PartyId]) -> Vec<usize> {
    let ids: Vec<String> = parties.iter().filter_map(|p| model.party(*p)).map(|p| p.id.value.clone()).collect();
    seats
        .iter()
        .enumerate()
        .filter(|(_, s)| s.party.as_ref().is_some_and(|p| ids.contains(p)))
        .map(|(i, _)| i)
        .collect()
}

/// A named decision rule as a game: every `requires` line a clause, its
/// alternatives the clause's requirements.
fn decision_game(model: &Model, d: &Decision<Ref>, seats: &[Player], blocs: &[Vec<usize>]) -> Result<Game, String> {
    if seats.is_empty() {
        return Err("the body has no voting seats".to_string());
    }
    let mut clauses: Vec<Vec<Requirement>> = Vec::new();
    for c in &d.requires {
        // Consent expands to one veto per bloc: only alone on its line.
        if c.any_of.len() == 1 && matches!(c.any_of.first().map(|r| &r.value), Some(Req::Consent)) {
            clauses.extend(blocs.iter().map(|b| vec![Requirement::Veto { players: b.clone() }]));
            continue;
        }
        let mut any = Vec::new();
        for r in &c.any_of {
            any.push(match &r.value {
                Req::Consent | Req::Unanimity { .. } => Requirement::Unanimity,
                Req::Majority { .. } => Requirement::majority(),
                Req::Qualified { fraction, .. } => {
                    if fraction.denominator == 0 {
                        return Err("a qualified majority with denominator 0".to_string());
                    }
                    Requirement::qualified(u64::from(fraction.numerator), u64::from(fraction.denominator))
                }
                Req::Veto { who } => {
                    let players = match who.target {
                        Target::Seat(s) => {
                            let id = model.seat(s).map(|x| x.id.value.clone()).unwrap_or_default();
                            seats
                                .iter()
                                .enumerate()
                                .filter(|(_, p)| {
                                    p.label == id
                                        || p.label.starts_with(&format!("{id}#"))
                                        || p.label.starts_with(&format!("{id}@"))
                                })
                                .map(|(i, _)| i)
                                .collect()
                        }
                        t => players_of(seats, model, &model.parties_behind(t)),
                    };
                    if players.is_empty() {
                        return Err(format!("`{}` holds a veto but no voting seat", who.id));
                    }
                    Requirement::Veto { players }
                }
                Req::AtLeast { count, of } => {
                    let groups: Vec<Vec<usize>> = model
                        .parties_behind(of.target)
                        .into_iter()
                        .map(|p| players_of(seats, model, &[p]))
                        .filter(|g| !g.is_empty())
                        .collect();
                    Requirement::AtLeast { count: *count as usize, groups }
                }
                Req::Weighted { key, fraction, of } => {
                    let Target::Key(k) = key.target else { return Err("a weighted rule without a key".to_string()) };
                    let Some(k) = model.key(k) else { return Err("a weighted rule without a key".to_string()) };
                    let scope: Option<Vec<PartyId>> = of.as_ref().map(|g| model.parties_behind(g.target));
                    let mut groups = Vec::new();
                    for share in &k.shares {
                        let Target::Party(p) = share.party.target else { continue };
                        if scope.as_ref().is_some_and(|s| !s.contains(&p)) {
                            continue;
                        }
                        let players = players_of(seats, model, &[p]);
                        if !players.is_empty() {
                            groups.push(WeightedGroup { players, weight: share.percent.value.0 });
                        }
                    }
                    if groups.is_empty() {
                        return Err(format!("no member with a figure in key `{}` holds a voting seat", key.id));
                    }
                    Requirement::Weighted {
                        groups,
                        num: u64::from(fraction.numerator),
                        den: u64::from(fraction.denominator).max(1),
                        strict: false,
                    }
                }
            });
        }
        clauses.push(any);
    }
    if clauses.is_empty() {
        return Err("the decision rule states no requirement".to_string());
    }
    Ok(Game::new(seats.to_vec(), clauses))
}

/// Parse a rule for `--assume`: `consent`, `unanimity`, `majority`, or a
/// fraction `2/3` (also `qualified 2/3`).
pub fn parse_rule(text: &str) -> Result<DecisionRule, String> {
    let t = text.trim();
    let t = t.strip_prefix("qualified").map(str::trim).unwrap_or(t);
    match t {
        "consent" => Ok(DecisionRule::Consent),
        "unanimity" => Ok(DecisionRule::Unanimity),
        "majority" => Ok(DecisionRule::Majority),
        _ => {
            let parsed = t
                .split_once('/')
                .and_then(|(n, d)| Some((n.trim().parse::<u32>().ok()?, d.trim().parse::<u32>().ok()?)));
            match parsed {
                Some((n, d)) if n > 0 && n <= d => Ok(DecisionRule::Qualified { numerator: n, denominator: d }),
                _ => Err(format!(
                    "`{text}` is not a decision rule: use consent, unanimity, majority, or a fraction such as 2/3"
                )),
            }
        }
    }
}
