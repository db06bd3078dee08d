//! Exact power indices of a game: Banzhaf and Shapley–Shubik, minimal
//! winning coalitions, veto players.
//!
//! In: a `Game`. Out: an `Analysis`, computed by one of three exact methods
//! (chosen by size, or forced for tests):
//! - `Enumeration`: every coalition of up to `ENUMERATION_LIMIT` players;
//! - `Types`: interchangeable players (same weight, same place in every
//!   player set of the rule) grouped into types, coalitions counted per
//!   type with binomial coefficients;
//! - `WeightDp`: a single weighted quota over any number of players, by
//!   dynamic programming over (weight, size) counts of coalitions.
//!
//! Every method yields, per player, the number of swing coalitions by size
//! (a coalition S without i that loses while S ∪ {i} wins). Banzhaf is a
//! player's swings over all swings; Shapley–Shubik sums
//! |S|! (n−|S|−1)! / n! over its swings, which is (1/n) Σ_s c_s / C(n−1, s).

use super::game::{wins_compiled, Coalition, Compiled, Game, GameError, Requirement};
use super::ratio::Ratio;
use serde::Serialize;

/// Largest number of players whose 2^n coalitions are enumerated.
pub const ENUMERATION_LIMIT: usize = 20;
/// Most coalition profiles (products of type sizes + 1) the types method visits.
pub const PROFILE_LIMIT: usize = 1 << 22;
/// Most (weight, size) cells in the weight DP table.
pub const DP_CELL_LIMIT: usize = 1 << 21;
/// Minimal winning coalitions are all listed up to this count, else sampled.
pub const LIST_LIMIT: u128 = 20;
/// Size of the sample when there are more.
pub const SAMPLE_SIZE: usize = 5;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Method {
    Enumeration,
    Types,
    WeightDp,
}

impl Method {
    pub fn name(self) -> &'static str {
        match self {
            Method::Enumeration => "enumeration",
            Method::Types => "types",
            Method::WeightDp => "weight-dp",
        }
    }
}

/// The minimal winning coalitions: all of them when at most `LIST_LIMIT`,
/// else their count and a sample.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MinimalWinning {
    pub count: u128,
    /// Player indices, each coalition sorted; smaller coalitions first.
    pub listed: Vec<Vec<usize>>,
    /// Whether `listed` holds every minimal winning coalition.
    pub complete: bool,
}

/// The result of analysing a game.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Analysis {
    pub method: Method,
    /// What the method did, e.g. "2^8 = 256 coalitions".
    pub detail: String,
    pub players: usize,
    /// Whether any decision is possible at all.
    pub grand_coalition_wins: bool,
    /// Whether the empty coalition wins (a rule that needs nobody).
    pub empty_coalition_wins: bool,
    pub minimal_winning: MinimalWinning,
    /// Raw Banzhaf counts: swing coalitions per player.
    pub swings: Vec<u128>,
    pub banzhaf: Vec<Ratio>,
    pub shapley_shubik: Vec<Ratio>,
    /// Players in every winning coalition.
    pub vetoes: Vec<usize>,
}

impl Analysis {
    /// The sum of an index over a group of players.
    pub fn sum(index: &[Ratio], group: &[usize]) -> Result<Ratio, GameError> {
        Ratio::sum(group.iter().filter_map(|&i| index.get(i).copied())).map_err(|_| GameError::Overflow)
    }
}

/// Analyse with the first method that fits: enumeration of small games
/// (unless types are far fewer), then types, then weight DP.
pub fn analyse(game: &Game) -> Result<Analysis, GameError> {
    let n = game.len();
    // Types visit one profile per coalition shape; enumeration wins unless
    // that is far fewer (e.g. 25 profiles for 4 + 4 seats against 256).
    let profiles = player_types(game).iter().try_fold(1usize, |a, t| a.checked_mul(t.len() + 1));
    let fewer = profiles.is_some_and(|p| p.saturating_mul(4) <= 1usize << n.min(ENUMERATION_LIMIT));
    if n <= ENUMERATION_LIMIT && !fewer {
        return analyse_with(game, Method::Enumeration);
    }
    match analyse_with(game, Method::Types) {
        Err(GameError::TooLarge(why)) => {
            if weighted_form(game).is_some() {
                analyse_with(game, Method::WeightDp)
            } else {
                Err(GameError::TooLarge(format!("{why}, and the rule is not a single weighted quota")))
            }
        }
        other => other,
    }
}

/// Analyse with the given method; `TooLarge` when it does not fit its limit.
pub fn analyse_with(game: &Game, method: Method) -> Result<Analysis, GameError> {
    let compiled = game.compile()?;
    let n = game.len();
    let grand = game.grand();
    let (swings_by_size, minimal, detail) = match method {
        Method::Enumeration => enumerate(&compiled, n)?,
        Method::Types => by_types(game, &compiled)?,
        Method::WeightDp => {
            let form = weighted_form(game).ok_or_else(|| {
                GameError::TooLarge("the weight DP needs a rule that is one weighted quota".to_string())
            })?;
            weight_dp(&form)?
        }
    };
    let binom = Binomials::new(n);
    let swings: Vec<u128> = swings_by_size.iter().map(|c| c.iter().sum()).collect();
    let total: u128 = swings.iter().try_fold(0u128, |a, &b| a.checked_add(b)).ok_or(GameError::Overflow)?;
    let banzhaf = swings.iter().map(|&s| Ratio::or_zero(s, total)).collect();
    let mut shapley_shubik = Vec::with_capacity(n);
    for counts in &swings_by_size {
        let mut phi = Ratio::ZERO;
        for (s, &c) in counts.iter().enumerate() {
            if c == 0 {
                continue;
            }
            let orders = binom.get(n - 1, s).ok_or(GameError::Overflow)?;
            phi = phi.checked_add(Ratio::or_zero(c, orders)).map_err(|_| GameError::Overflow)?;
        }
        shapley_shubik.push(phi.checked_div_int(n as u128).map_err(|_| GameError::Overflow)?);
    }
    let grand_coalition_wins = wins_compiled(&compiled, grand);
    let vetoes = (0..n).filter(|&i| grand_coalition_wins && !wins_compiled(&compiled, grand & !(1u128 << i))).collect();
    Ok(Analysis {
        method,
        detail,
        players: n,
        grand_coalition_wins,
        empty_coalition_wins: wins_compiled(&compiled, 0),
        minimal_winning: minimal,
        swings,
        banzhaf,
        shapley_shubik,
        vetoes,
    })
}

type Swings = Vec<Vec<u128>>;

fn add(table: &mut Swings, player: usize, size: usize, count: u128) -> Result<(), GameError> {
    if let Some(cell) = table.get_mut(player).and_then(|row| row.get_mut(size)) {
        *cell = cell.checked_add(count).ok_or(GameError::Overflow)?;
    }
    Ok(())
}

fn members(c: Coalition) -> Vec<usize> {
    (0..128).filter(|i| c & (1u128 << i) != 0).collect()
}

fn finish_minimal(count: u128, mut listed: Vec<Vec<usize>>) -> MinimalWinning {
    listed.sort_by(|a, b| a.len().cmp(&b.len()).then_with(|| a.cmp(b)));
    let complete = count <= LIST_LIMIT && listed.len() as u128 == count;
    if !complete {
        listed.truncate(SAMPLE_SIZE);
    }
    MinimalWinning { count, listed, complete }
}

// ------------------------------------------------------------ enumeration

fn enumerate(compiled: &[Vec<Compiled>], n: usize) -> Result<(Swings, MinimalWinning, String), GameError> {
    if n > ENUMERATION_LIMIT {
        return Err(GameError::TooLarge(format!("{n} players, more than {ENUMERATION_LIMIT} to enumerate")));
    }
    let size = 1usize << n;
    let wins: Vec<bool> = (0..size).map(|m| wins_compiled(compiled, m as u128)).collect();
    let won = |m: usize| wins.get(m).copied().unwrap_or(false);
    let mut table: Swings = vec![vec![0; n]; n];
    let mut count = 0u128;
    let mut listed = Vec::new();
    for m in 0..size {
        if !won(m) {
            continue;
        }
        let k = m.count_ones() as usize;
        let mut minimal = true;
        for i in (0..n).filter(|i| m & (1 << i) != 0) {
            if won(m ^ (1 << i)) {
                minimal = false;
            } else {
                add(&mut table, i, k - 1, 1)?;
            }
        }
        if minimal {
            count += 1;
            if listed.len() as u128 <= LIST_LIMIT {
                listed.push(members(m as u128));
            }
        }
    }
    Ok((table, finish_minimal(count, listed), format!("all 2^{n} = {size} coalitions")))
}

// ------------------------------------------------------------ types

/// Players grouped into classes of interchangeable players, by first member.
pub fn player_types(game: &Game) -> Vec<Vec<usize>> {
    let key = |i: usize| -> Vec<u64> {
        let mut k = vec![game.players.get(i).map_or(0, |p| p.weight)];
        for r in game.clauses.iter().flatten() {
            match r {
                Requirement::Unanimity | Requirement::Quota { .. } => {}
                Requirement::Veto { players } => k.push(u64::from(players.contains(&i))),
                Requirement::AtLeast { groups, .. } => {
                    k.extend(groups.iter().map(|g| u64::from(g.contains(&i))));
                }
                Requirement::Weighted { groups, .. } => {
                    k.extend(groups.iter().map(|g| u64::from(g.players.contains(&i))));
                }
            }
        }
        k
    };
    let mut types: Vec<(Vec<u64>, Vec<usize>)> = Vec::new();
    for i in 0..game.len() {
        let k = key(i);
        match types.iter_mut().find(|(t, _)| *t == k) {
            Some((_, v)) => v.push(i),
            None => types.push((k, vec![i])),
        }
    }
    types.into_iter().map(|(_, v)| v).collect()
}

fn by_types(game: &Game, compiled: &[Vec<Compiled>]) -> Result<(Swings, MinimalWinning, String), GameError> {
    let n = game.len();
    let types = player_types(game);
    let sizes: Vec<usize> = types.iter().map(Vec::len).collect();
    let profiles = sizes.iter().try_fold(1usize, |a, &m| a.checked_mul(m + 1).filter(|&p| p <= PROFILE_LIMIT));
    let Some(profiles) = profiles else {
        return Err(GameError::TooLarge(format!(
            "{} types of interchangeable players, more than {PROFILE_LIMIT} coalition profiles",
            types.len()
        )));
    };
    let binom = Binomials::new(n);
    let c = |m: usize, k: usize| binom.get(m, k).ok_or(GameError::Overflow);
    let strides: Vec<usize> = sizes.iter().scan(1usize, |s, &m| Some(std::mem::replace(s, *s * (m + 1)))).collect();
    let decode =
        |idx: usize| -> Vec<usize> { sizes.iter().zip(&strides).map(|(&m, &st)| (idx / st) % (m + 1)).collect() };
    let representative = |k: &[usize]| -> Coalition {
        types.iter().zip(k).flat_map(|(t, &kt)| t.iter().take(kt)).fold(0u128, |m, &i| m | (1u128 << i))
    };
    let wins: Vec<bool> = (0..profiles).map(|idx| wins_compiled(compiled, representative(&decode(idx)))).collect();
    let won = |idx: usize| wins.get(idx).copied().unwrap_or(false);
    let mut per_type: Swings = vec![vec![0; n]; types.len()];
    let mut count = 0u128;
    let mut minimal_profiles: Vec<Vec<usize>> = Vec::new();
    for idx in (0..profiles).filter(|&i| won(i)) {
        let k = decode(idx);
        let s: usize = k.iter().sum();
        let ways: Vec<u128> = sizes.iter().zip(&k).map(|(&m, &kt)| c(m, kt)).collect::<Result<_, _>>()?;
        let mut minimal = true;
        for (t, (&kt, &st)) in k.iter().zip(&strides).enumerate() {
            if kt == 0 {
                continue;
            }
            if won(idx - st) {
                minimal = false;
                continue;
            }
            // Coalitions without one given player of type t, of profile k − e_t.
            let mut n_ways = c(sizes.get(t).copied().unwrap_or(0).saturating_sub(1), kt - 1)?;
            for (u, &w) in ways.iter().enumerate() {
                if u != t {
                    n_ways = n_ways.checked_mul(w).ok_or(GameError::Overflow)?;
                }
            }
            add(&mut per_type, t, s - 1, n_ways)?;
        }
        if minimal {
            let all = ways.iter().try_fold(1u128, |a, &w| a.checked_mul(w)).ok_or(GameError::Overflow)?;
            count = count.checked_add(all).ok_or(GameError::Overflow)?;
            if minimal_profiles.len() as u128 <= LIST_LIMIT {
                minimal_profiles.push(k);
            }
        }
    }
    let listed: Vec<Vec<usize>> = if count <= LIST_LIMIT {
        minimal_profiles.iter().flat_map(|k| expand(&types, k, usize::MAX)).collect()
    } else {
        // One of each shape first, then more of the first shapes.
        let mut sample: Vec<Vec<usize>> =
            minimal_profiles.iter().take(SAMPLE_SIZE).map(|k| members(representative(k))).collect();
        for k in &minimal_profiles {
            for c in expand(&types, k, SAMPLE_SIZE + 1) {
                if sample.len() >= SAMPLE_SIZE {
                    break;
                }
                if !sample.contains(&c) {
                    sample.push(c);
                }
            }
        }
        sample
    };
    let mut table: Swings = vec![vec![0; n]; n];
    for (t, members) in types.iter().enumerate() {
        if let Some(row) = per_type.get(t) {
            for &i in members {
                if let Some(slot) = table.get_mut(i) {
                    slot.clone_from(row);
                }
            }
        }
    }
    let kinds = if types.len() == 1 { "1 type" } else { &format!("{} types", types.len()) };
    let detail = format!("{kinds} of interchangeable players, {profiles} coalition profiles");
    Ok((table, finish_minimal(count, listed), detail))
}

/// The first `cap` coalitions with `k[t]` players of each type `t`.
fn expand(types: &[Vec<usize>], k: &[usize], cap: usize) -> Vec<Vec<usize>> {
    let mut out: Vec<Vec<usize>> = vec![Vec::new()];
    for (t, &kt) in types.iter().zip(k) {
        let choices = combinations(t, kt, cap);
        out = out
            .iter()
            .flat_map(|prefix| {
                choices.iter().map(move |ch| {
                    let mut v = prefix.clone();
                    v.extend(ch);
                    v
                })
            })
            .take(cap)
            .collect();
    }
    for v in &mut out {
        v.sort_unstable();
    }
    out
}

/// The first `cap` k-subsets of `items`, in lexicographic order.
fn combinations(items: &[usize], k: usize, cap: usize) -> Vec<Vec<usize>> {
    if k == 0 {
        return vec![Vec::new()];
    }
    if items.len() < k || cap == 0 {
        return Vec::new();
    }
    let Some((first, rest)) = items.split_first() else { return Vec::new() };
    let mut with: Vec<Vec<usize>> = combinations(rest, k - 1, cap)
        .into_iter()
        .map(|mut v| {
            v.insert(0, *first);
            v
        })
        .collect();
    if with.len() < cap {
        with.extend(combinations(rest, k, cap - with.len()));
    }
    with
}

// ------------------------------------------------------------ weight DP

/// A rule that is one weighted quota: per-player weights and the quota.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WeightedForm {
    pub weights: Vec<u64>,
    pub num: u64,
    pub den: u64,
    pub strict: bool,
}

/// The rule as one weighted quota, when it is one: a single `Quota` over
/// the players' weights, or a single `Weighted` whose groups are single,
/// distinct players (players in no group weigh nothing).
pub fn weighted_form(game: &Game) -> Option<WeightedForm> {
    let [clause] = game.clauses.as_slice() else { return None };
    let [requirement] = clause.as_slice() else { return None };
    match requirement {
        Requirement::Quota { num, den, strict } => Some(WeightedForm {
            weights: game.players.iter().map(|p| p.weight).collect(),
            num: *num,
            den: *den,
            strict: *strict,
        }),
        Requirement::Weighted { groups, num, den, strict } => {
            let mut weights = vec![0u64; game.len()];
            let mut seen = vec![false; game.len()];
            for g in groups {
                let [p] = g.players.as_slice() else { return None };
                let slot = seen.get_mut(*p)?;
                if *slot {
                    return None;
                }
                *slot = true;
                *weights.get_mut(*p)? = g.weight;
            }
            Some(WeightedForm { weights, num: *num, den: *den, strict: *strict })
        }
        _ => None,
    }
}

fn weight_dp(form: &WeightedForm) -> Result<(Swings, MinimalWinning, String), GameError> {
    let n = form.weights.len();
    if form.den == 0 {
        return Err(GameError::ZeroDenominator);
    }
    let total: u128 = form.weights.iter().map(|&w| u128::from(w)).sum();
    let target = u128::from(form.num) * total;
    let den = u128::from(form.den);
    // The least yes-weight that wins.
    let q = if form.strict { target / den + 1 } else { target.div_ceil(den) };
    let q = usize::try_from(q).map_err(|_| GameError::TooLarge("a quota beyond memory".into()))?;
    let cells = q.checked_mul(n + 1).filter(|&c| c <= DP_CELL_LIMIT);
    let Some(_) = cells else {
        return Err(GameError::TooLarge(format!(
            "a quota of {q} votes over {n} players needs more than {DP_CELL_LIMIT} table cells"
        )));
    };
    let weights: Vec<usize> = form.weights.iter().map(|&w| usize::try_from(w).unwrap_or(usize::MAX)).collect();
    // counts[w * (n+1) + s]: coalitions of weight w < q and size s.
    let at = |w: usize, s: usize| w * (n + 1) + s;
    let mut all = vec![0u128; q * (n + 1)];
    if q > 0 {
        if let Some(c) = all.get_mut(at(0, 0)) {
            *c = 1;
        }
    }
    for &wi in &weights {
        if wi >= q {
            continue;
        }
        for w in (wi..q).rev() {
            for s in (1..=n).rev() {
                let from = all.get(at(w - wi, s - 1)).copied().unwrap_or(0);
                if let Some(c) = all.get_mut(at(w, s)) {
                    *c = c.checked_add(from).ok_or(GameError::Overflow)?;
                }
            }
        }
    }
    let mut table: Swings = vec![vec![0; n]; n];
    let mut without = vec![0u128; q * (n + 1)];
    for (i, &wi) in weights.iter().enumerate() {
        if wi == 0 || q == 0 {
            continue;
        }
        // Coalitions of the others: remove player i from the counts.
        for w in 0..q {
            for s in 0..=n {
                let mut v = all.get(at(w, s)).copied().unwrap_or(0);
                if w >= wi && s >= 1 {
                    v = v
                        .checked_sub(without.get(at(w - wi, s - 1)).copied().unwrap_or(0))
                        .ok_or(GameError::Overflow)?;
                }
                if let Some(c) = without.get_mut(at(w, s)) {
                    *c = v;
                }
            }
        }
        for w in q.saturating_sub(wi)..q {
            for s in 0..n {
                let v = without.get(at(w, s)).copied().unwrap_or(0);
                if v > 0 {
                    add(&mut table, i, s, v)?;
                }
            }
        }
    }
    let minimal = dp_minimal(&weights, q)?;
    Ok((table, minimal, format!("weight DP over {n} players, quota {q} of {total} votes")))
}

/// Count minimal winning coalitions of a weighted quota: with players in
/// ascending weight, one whose lightest member is j wins without being
/// able to lose j, so the rest weighs between q − w_j and q − 1.
fn dp_minimal(weights: &[usize], q: usize) -> Result<MinimalWinning, GameError> {
    if q == 0 {
        return Ok(MinimalWinning { count: 1, listed: vec![Vec::new()], complete: true });
    }
    let mut order: Vec<usize> = (0..weights.len()).collect();
    order.sort_by_key(|&i| (weights.get(i).copied().unwrap_or(0), i));
    let mut suffix = vec![0u128; q];
    if let Some(c) = suffix.get_mut(0) {
        *c = 1;
    }
    let mut count = 0u128;
    for &j in order.iter().rev() {
        let wj = weights.get(j).copied().unwrap_or(0);
        if wj > 0 {
            for w in q.saturating_sub(wj)..q {
                count = count.checked_add(suffix.get(w).copied().unwrap_or(0)).ok_or(GameError::Overflow)?;
            }
            for w in (wj..q).rev() {
                let from = suffix.get(w - wj).copied().unwrap_or(0);
                if let Some(c) = suffix.get_mut(w) {
                    *c = c.checked_add(from).ok_or(GameError::Overflow)?;
                }
            }
        }
    }
    // One sample: the heaviest players until the quota is reached; dropping
    // any of them (the last is the lightest) loses.
    let mut sample = Vec::new();
    let mut reached = 0usize;
    for &j in order.iter().rev() {
        if reached >= q {
            break;
        }
        reached = reached.saturating_add(weights.get(j).copied().unwrap_or(0));
        sample.push(j);
    }
    sample.sort_unstable();
    let listed = if reached >= q { vec![sample] } else { Vec::new() };
    Ok(MinimalWinning { count, listed, complete: count == 1 && reached >= q })
}

// ------------------------------------------------------------ binomials

/// Pascal's triangle up to `n`, in `u128` (exact for n ≤ 128 / 2 rows used).
struct Binomials {
    rows: Vec<Vec<u128>>,
}

impl Binomials {
    fn new(n: usize) -> Binomials {
        let mut rows: Vec<Vec<u128>> = Vec::with_capacity(n + 1);
        for m in 0..=n {
            let mut row = vec![1u128; m + 1];
            if let Some(prev) = m.checked_sub(1).and_then(|p| rows.get(p)) {
                for k in 1..m {
                    let v = prev.get(k - 1).copied().unwrap_or(0).saturating_add(prev.get(k).copied().unwrap_or(0));
                    if let Some(c) = row.get_mut(k) {
                        *c = v;
                    }
                }
            }
            rows.push(row);
        }
        Binomials { rows }
    }
    fn get(&self, m: usize, k: usize) -> Option<u128> {
        if k > m {
            return Some(0);
        }
        self.rows.get(m).and_then(|r| r.get(k)).copied()
    }
}
