//! A simple game: who votes, and which coalitions of yes-voters win.
//!
//! In: players (voting units with a weight, e.g. one seat, or a party's
//! seats voting as one bloc) and a decision rule as a conjunction of
//! clauses, each a disjunction of requirements. Out: `wins` for any
//! coalition, blocking and deciding alone for groups of players, and the
//! bloc game of the same rule. The engine knows nothing of the agreement
//! model; `from_model` builds games from bodies.

use serde::Serialize;

/// Most players the engine analyses: coalitions are `u128` bit sets and
/// Shapley–Shubik denominators (lcm(1..n)) must fit `u128`.
pub const MAX_PLAYERS: usize = 80;

/// A voting unit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Player {
    /// Shown in output, e.g. `vertreter_land#2` or `land`.
    pub label: String,
    /// The party whose seat (or bloc) this is, if any.
    pub party: Option<String>,
    /// `state`, `municipal`, or none.
    pub side: Option<String>,
    /// Votes the unit casts: 1 for a seat, the seat count for a bloc.
    pub weight: u64,
}

impl Player {
    pub fn new(label: impl Into<String>, party: Option<&str>, side: Option<&str>, weight: u64) -> Player {
        Player { label: label.into(), party: party.map(str::to_string), side: side.map(str::to_string), weight }
    }
}

/// One condition a coalition of yes-voters may meet. Player sets are
/// indices into `Game::players`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Requirement {
    /// Every player votes yes (Einstimmigkeit).
    Unanimity,
    /// The yes-votes (sum of player weights) reach `num/den` of all votes:
    /// `yes * den >= num * total`, or `>` when `strict` (a simple majority
    /// is `1/2` strict).
    Quota { num: u64, den: u64, strict: bool },
    /// Every player of the set votes yes (e.g. all seats of a party: its veto).
    Veto { players: Vec<usize> },
    /// At least `count` of the groups agree; a group agrees when all its
    /// players vote yes (a party is one unit however many seats it has).
    AtLeast { count: usize, groups: Vec<Vec<usize>> },
    /// The agreeing groups (as in `AtLeast`) carry `num/den` of the total
    /// group weight: `yes * den >= num * total`, `>` when `strict`.
    Weighted { groups: Vec<WeightedGroup>, num: u64, den: u64, strict: bool },
}

/// A group of players with its weight under a key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WeightedGroup {
    pub players: Vec<usize>,
    pub weight: u64,
}

impl Requirement {
    /// More than half of the votes.
    pub fn majority() -> Requirement {
        Requirement::Quota { num: 1, den: 2, strict: true }
    }
    /// At least `num/den` of the votes.
    pub fn qualified(num: u64, den: u64) -> Requirement {
        Requirement::Quota { num, den, strict: false }
    }
}

/// A decision rule over players: every clause must hold, and a clause
/// holds when any of its requirements does.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Game {
    pub players: Vec<Player>,
    pub clauses: Vec<Vec<Requirement>>,
}

/// Why a game cannot be analysed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GameError {
    NoPlayers,
    TooManyPlayers(usize),
    /// A requirement names a player that does not exist.
    UnknownPlayer(usize),
    ZeroDenominator,
    /// Exact analysis would need more coalitions or weight states than the
    /// limit; the message says which.
    TooLarge(String),
    /// A count does not fit 128 bits.
    Overflow,
}

impl std::fmt::Display for GameError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            GameError::NoPlayers => f.write_str("no voting members"),
            GameError::TooManyPlayers(n) => {
                write!(f, "{n} voting units, more than the {MAX_PLAYERS} the analysis takes")
            }
            GameError::UnknownPlayer(i) => write!(f, "the rule names player {i}, who does not exist"),
            GameError::ZeroDenominator => f.write_str("a quota with denominator 0"),
            GameError::TooLarge(why) => write!(f, "too large to analyse exactly: {why}"),
            GameError::Overflow => f.write_str("a count does not fit 128 bits"),
        }
    }
}

impl std::error::Error for GameError {}

/// A coalition as a bit set of player indices.
pub type Coalition = u128;

/// A requirement with its player sets as bit masks, for fast evaluation.
#[derive(Debug, Clone)]
pub(crate) enum Compiled {
    All(Coalition),
    Quota { weights: Vec<(Coalition, u64)>, num: u128, den: u128, strict: bool, total: u128 },
    AtLeast { count: usize, groups: Vec<Coalition> },
}

fn reaches(yes: u128, total: u128, num: u128, den: u128, strict: bool) -> bool {
    // yes * den against num * total; both fit u128 for u64 inputs.
    let (l, r) = (yes.saturating_mul(den), num.saturating_mul(total));
    if strict {
        l > r
    } else {
        l >= r
    }
}

impl Compiled {
    pub(crate) fn holds(&self, c: Coalition) -> bool {
        match self {
            Compiled::All(m) => c & m == *m,
            Compiled::Quota { weights, num, den, strict, total } => {
                let yes: u128 = weights.iter().filter(|(m, _)| c & m == *m).map(|(_, w)| u128::from(*w)).sum();
                reaches(yes, *total, *num, *den, *strict)
            }
            Compiled::AtLeast { count, groups } => groups.iter().filter(|m| c & **m == **m).count() >= *count,
        }
    }
}

fn mask(players: &[usize], n: usize) -> Result<Coalition, GameError> {
    players.iter().try_fold(0u128, |m, &i| if i < n { Ok(m | (1u128 << i)) } else { Err(GameError::UnknownPlayer(i)) })
}

impl Game {
    pub fn new(players: Vec<Player>, clauses: Vec<Vec<Requirement>>) -> Game {
        Game { players, clauses }
    }

    /// A game of one requirement.
    pub fn single(players: Vec<Player>, requirement: Requirement) -> Game {
        Game { players, clauses: vec![vec![requirement]] }
    }

    pub fn len(&self) -> usize {
        self.players.len()
    }
    pub fn is_empty(&self) -> bool {
        self.players.is_empty()
    }

    /// The coalition of every player.
    pub fn grand(&self) -> Coalition {
        match self.players.len() {
            0 => 0,
            n if n >= 128 => u128::MAX,
            n => (1u128 << n) - 1,
        }
    }

    /// The rule with player sets as masks; checks the game on the way.
    pub(crate) fn compile(&self) -> Result<Vec<Vec<Compiled>>, GameError> {
        let n = self.players.len();
        if n == 0 {
            return Err(GameError::NoPlayers);
        }
        if n > MAX_PLAYERS {
            return Err(GameError::TooManyPlayers(n));
        }
        let all = self.grand();
        let compile_one = |r: &Requirement| -> Result<Compiled, GameError> {
            Ok(match r {
                Requirement::Unanimity => Compiled::All(all),
                Requirement::Veto { players } => Compiled::All(mask(players, n)?),
                Requirement::Quota { num, den, strict } => {
                    if *den == 0 {
                        return Err(GameError::ZeroDenominator);
                    }
                    let weights: Vec<(Coalition, u64)> =
                        self.players.iter().enumerate().map(|(i, p)| (1u128 << i, p.weight)).collect();
                    let total = weights.iter().map(|(_, w)| u128::from(*w)).sum();
                    Compiled::Quota { weights, num: u128::from(*num), den: u128::from(*den), strict: *strict, total }
                }
                Requirement::AtLeast { count, groups } => Compiled::AtLeast {
                    count: *count,
                    groups: groups.iter().map(|g| mask(g, n)).collect::<Result<_, _>>()?,
                },
                Requirement::Weighted { groups, num, den, strict } => {
                    if *den == 0 {
                        return Err(GameError::ZeroDenominator);
                    }
                    let weights: Vec<(Coalition, u64)> =
                        groups.iter().map(|g| Ok((mask(&g.players, n)?, g.weight))).collect::<Result<_, _>>()?;
                    let total = weights.iter().map(|(_, w)| u128::from(*w)).sum();
                    Compiled::Quota { weights, num: u128::from(*num), den: u128::from(*den), strict: *strict, total }
                }
            })
        };
        self.clauses.iter().map(|c| c.iter().map(compile_one).collect()).collect()
    }

    /// Whether the coalition `yes` wins. Players out of range are ignored.
    pub fn wins(&self, yes: &[usize]) -> Result<bool, GameError> {
        let compiled = self.compile()?;
        let c = yes.iter().filter(|&&i| i < self.players.len()).fold(0u128, |m, &i| m | (1u128 << i));
        Ok(wins_compiled(&compiled, c))
    }

    /// Whether `group` voting no prevents every decision: the others lose.
    pub fn can_block(&self, group: &[usize]) -> Result<bool, GameError> {
        let others: Vec<usize> = (0..self.players.len()).filter(|i| !group.contains(i)).collect();
        Ok(!self.wins(&others)?)
    }

    /// Whether `group` voting yes alone wins.
    pub fn can_decide_alone(&self, group: &[usize]) -> Result<bool, GameError> {
        self.wins(group)
    }

    /// The same rule when each bloc (a set of players, e.g. a party's
    /// seats) votes as one: a bloc player is yes when all its players are.
    /// A set of players becomes the set of blocs it touches; a player in
    /// no bloc is dropped. `bloc_players` describe the blocs, in order.
    pub fn bloc_game(&self, blocs: &[Vec<usize>], bloc_players: Vec<Player>) -> Game {
        let touched = |set: &[usize]| -> Vec<usize> {
            blocs.iter().enumerate().filter(|(_, b)| b.iter().any(|p| set.contains(p))).map(|(i, _)| i).collect()
        };
        let convert = |r: &Requirement| -> Requirement {
            match r {
                Requirement::Unanimity => Requirement::Unanimity,
                Requirement::Quota { num, den, strict } => Requirement::Quota { num: *num, den: *den, strict: *strict },
                Requirement::Veto { players } => Requirement::Veto { players: touched(players) },
                Requirement::AtLeast { count, groups } => {
                    Requirement::AtLeast { count: *count, groups: groups.iter().map(|g| touched(g)).collect() }
                }
                Requirement::Weighted { groups, num, den, strict } => Requirement::Weighted {
                    groups: groups
                        .iter()
                        .map(|g| WeightedGroup { players: touched(&g.players), weight: g.weight })
                        .collect(),
                    num: *num,
                    den: *den,
                    strict: *strict,
                },
            }
        };
        Game { players: bloc_players, clauses: self.clauses.iter().map(|c| c.iter().map(convert).collect()).collect() }
    }

    /// Players grouped by party (players without a party left out), in
    /// order of first appearance.
    pub fn by_party(&self) -> Vec<(String, Vec<usize>)> {
        group_by(&self.players, |p| p.party.clone())
    }

    /// Players grouped by side, in order of first appearance.
    pub fn by_side(&self) -> Vec<(String, Vec<usize>)> {
        group_by(&self.players, |p| p.side.clone())
    }
}

fn group_by(players: &[Player], key: impl Fn(&Player) -> Option<String>) -> Vec<(String, Vec<usize>)> {
    let mut out: Vec<(String, Vec<usize>)> = Vec::new();
    for (i, p) in players.iter().enumerate() {
        let Some(k) = key(p) else { continue };
        match out.iter_mut().find(|(name, _)| *name == k) {
            Some((_, v)) => v.push(i),
            None => out.push((k, vec![i])),
        }
    }
    out
}

pub(crate) fn wins_compiled(clauses: &[Vec<Compiled>], c: Coalition) -> bool {
    clauses.iter().all(|clause| clause.iter().any(|r| r.holds(c)))
}
