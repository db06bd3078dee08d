//! The power report of an agreement: every body, every decision rule,
//! analysed per seat and per bloc, summed per side and per party.
//!
//! In: `BodyGames` from `from_model`. Out: `BodyReport`s that the text,
//! JSON and SVG outputs and the `pakt check` rules read.

use super::from_model::{side_order, BodyGames};
use super::game::{Game, GameError};
use super::index::{analyse, Analysis};
use super::ratio::Ratio;

#[derive(Debug, Clone)]
pub struct BodyReport {
    pub games: BodyGames,
    pub rules: Vec<RuleReport>,
}

#[derive(Debug, Clone)]
pub struct RuleReport {
    pub name: String,
    pub assumed: bool,
    /// The analysis, or why there is none.
    pub outcome: Result<RuleAnalysis, String>,
}

/// One rule analysed twice: each seat votes on its own, and each bloc
/// (a party's seats) votes as one.
#[derive(Debug, Clone)]
pub struct RuleAnalysis {
    pub seat_game: Game,
    pub seat: Analysis,
    pub bloc_game: Game,
    pub bloc: Analysis,
    pub groups: Vec<GroupPower>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GroupKind {
    Side,
    Party,
}

impl GroupKind {
    pub fn name(self) -> &'static str {
        match self {
            GroupKind::Side => "side",
            GroupKind::Party => "party",
        }
    }
}

/// What a side or a party can do in a body under one rule.
#[derive(Debug, Clone)]
pub struct GroupPower {
    pub kind: GroupKind,
    pub id: String,
    /// Its voting seats.
    pub seats: usize,
    /// Its seats voting yes win without anyone else.
    pub decides_alone: bool,
    /// Its seats voting no prevent every decision (a veto for one seat,
    /// a blocking minority for several).
    pub blocks: bool,
    /// Its single seats that each block alone.
    pub seat_vetoes: Vec<String>,
    pub banzhaf_seat: Ratio,
    pub shapley_seat: Ratio,
    pub banzhaf_bloc: Ratio,
    pub shapley_bloc: Ratio,
}

/// Analyse every rule of a body.
pub fn report(games: BodyGames) -> BodyReport {
    let rules = games
        .rules
        .iter()
        .map(|r| RuleReport {
            name: r.name.clone(),
            assumed: r.assumed,
            outcome: match &r.game {
                Err(why) => Err(why.clone()),
                Ok(game) => analyse_rule(&games, game).map_err(|e| e.to_string()),
            },
        })
        .collect();
    BodyReport { games, rules }
}

fn analyse_rule(games: &BodyGames, seat_game: &Game) -> Result<RuleAnalysis, GameError> {
    let seat = analyse(seat_game)?;
    let blocs: Vec<Vec<usize>> = games.blocs.iter().map(|(_, m)| m.clone()).collect();
    let bloc_game = seat_game.bloc_game(&blocs, games.blocs.iter().map(|(p, _)| p.clone()).collect());
    let bloc = analyse(&bloc_game)?;
    let mut groups = Vec::new();
    let mut sides: Vec<(String, Vec<usize>)> = seat_game.by_side();
    sides.sort_by_key(|(s, _)| side_order(s));
    let parties = seat_game.by_party();
    let labelled =
        sides.into_iter().map(|g| (GroupKind::Side, g)).chain(parties.into_iter().map(|g| (GroupKind::Party, g)));
    for (kind, (id, members)) in labelled {
        let in_group = |p: &super::game::Player| match kind {
            GroupKind::Side => p.side.as_deref() == Some(id.as_str()),
            GroupKind::Party => p.party.as_deref() == Some(id.as_str()),
        };
        let bloc_members: Vec<usize> =
            bloc_game.players.iter().enumerate().filter(|(_, p)| in_group(p)).map(|(i, _)| i).collect();
        groups.push(GroupPower {
            kind,
            seats: members.len(),
            decides_alone: seat.grand_coalition_wins && seat_game.can_decide_alone(&members)?,
            blocks: seat.grand_coalition_wins && seat_game.can_block(&members)?,
            seat_vetoes: seat
                .vetoes
                .iter()
                .filter(|v| members.contains(v))
                .filter_map(|&v| seat_game.players.get(v).map(|p| p.label.clone()))
                .collect(),
            banzhaf_seat: Analysis::sum(&seat.banzhaf, &members)?,
            shapley_seat: Analysis::sum(&seat.shapley_shubik, &members)?,
            banzhaf_bloc: Analysis::sum(&bloc.banzhaf, &bloc_members)?,
            shapley_bloc: Analysis::sum(&bloc.shapley_shubik, &bloc_members)?,
            id,
        });
    }
    Ok(RuleAnalysis { seat_game: seat_game.clone(), seat, bloc_game, bloc, groups })
}

impl RuleAnalysis {
    pub fn sides(&self) -> impl Iterator<Item = &GroupPower> {
        self.groups.iter().filter(|g| g.kind == GroupKind::Side)
    }
    pub fn side(&self, name: &str) -> Option<&GroupPower> {
        self.sides().find(|g| g.id == name)
    }
}
