//! Voting power in the bodies of an agreement: who can decide, who can block.
//!
//! In: a resolved model (and optionally a rule to assume where none is
//! stated). Out: per body and decision rule, exact Banzhaf and
//! Shapley–Shubik indices per seat and per bloc, minimal winning
//! coalitions, vetoes and blocking minorities of sides and parties — as
//! text, JSON or an SVG chart (`pakt power`), and for the `pakt check`
//! rules `parity-power` and `unblockable-binding`.
//!
//! The engine (`game`, `index`, `ratio`) knows nothing of the model;
//! `from_model` is the only bridge. docs/power.md explains method and limits.

pub mod from_model;
pub mod game;
pub mod index;
pub mod json;
pub mod ratio;
pub mod report;
pub mod svg;
pub mod text;

pub use game::{Game, GameError, Player, Requirement, WeightedGroup};
pub use index::{analyse, analyse_with, Analysis, Method, MinimalWinning};
pub use ratio::Ratio;
pub use report::{BodyReport, GroupKind, GroupPower, RuleAnalysis, RuleReport};

use crate::model::{DecisionRule, Model};

/// The report of every body (or of the body with id `only`).
pub fn reports(model: &Model, only: Option<&str>, assume: Option<DecisionRule>) -> Vec<BodyReport> {
    let sides = from_model::all_party_sides(model);
    model
        .bodies
        .iter()
        .filter(|b| only.is_none_or(|id| b.id.value == id))
        .map(|b| report::report(from_model::body_games_with(model, &sides, b, assume)))
        .collect()
}

/// Output formats of `pakt power`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum PowerFormat {
    Text,
    Json,
    Svg,
}

/// What `pakt power` prints: the report in the chosen format, or an error
/// message (an unknown body, an unreadable `--assume`).
pub fn command(model: &Model, body: Option<&str>, assume: Option<&str>, format: PowerFormat) -> Result<String, String> {
    if let Some(id) = body {
        if !model.bodies.iter().any(|b| b.id.value == id) {
            let ids: Vec<&str> = model.bodies.iter().map(|b| b.id.value.as_str()).collect();
            return Err(format!("no body `{id}`; bodies: {}", ids.join(", ")));
        }
    }
    let rule = assume.map(from_model::parse_rule).transpose()?;
    let reports = reports(model, body, rule);
    let agreement = model.id.value.as_str();
    Ok(match format {
        PowerFormat::Text => text::text(agreement, &reports),
        PowerFormat::Svg => svg::svg(agreement, &reports),
        PowerFormat::Json => {
            let assumed = rule.map(|r| r.name());
            let v = json::json(agreement, assumed.as_deref(), &reports);
            serde_json::to_string_pretty(&v).map(|s| s + "\n").map_err(|e| e.to_string())?
        }
    })
}
