//! The rules that read the voting-power analysis (`crate::power`): what
//! seats and decision rules mean together, which the text does not say.
//! Only rules the agreement states are analysed; a body without one is
//! never a finding here.

use super::{Context, Sink};
use crate::diagnostic::Label;
use crate::model::Side;
use crate::model::{Body, Ref};
use crate::power::from_model::{all_party_sides, body_games_with, BodyGames};
use crate::power::report::{report, RuleAnalysis};
use crate::span::Span;

/// The stated, analysable decision rule of a body, analysed.
fn analysed(ctx: &Context<'_>, sides: &[Side], body: &Body<Ref>) -> Option<(String, RuleAnalysis, Span, BodyGames)> {
    // A varying number of seats has no exact power to compute (A024 says so).
    if body.has_variable_seats() {
        return None;
    }
    // The rule `decides by …` first, then the named decision rules, in order.
    let mut spans: Vec<(Span, bool)> = body.decides.iter().map(|d| (d.span, true)).collect();
    spans.extend(body.decisions.iter().map(|d| (d.id.span, false)));
    // The report keeps the games it analysed: they are taken back from it
    // instead of being copied for it.
    let r = report(body_games_with(ctx.model, sides, body, None));
    let games = r.games;
    let found = r.rules.into_iter().filter(|rule| !rule.assumed).zip(spans).find_map(|(rule, (span, old))| {
        let name = if old { format!("decides by {}", rule.name) } else { format!("decision {}", rule.name) };
        rule.outcome.ok().filter(|a| a.seat.grand_coalition_wins).map(|a| (name, a, span))
    });
    found.map(|(name, a, span)| (name, a, span, games))
}

// ------------------------------------------------------------ A020 parity-power

pub fn parity_power(ctx: &Context<'_>, sink: &mut Sink<'_>) {
    let sides = all_party_sides(ctx.model);
    for b in &ctx.model.bodies {
        let Some(parity) = b.parity else { continue };
        let Some((rule, a, decides, _)) = analysed(ctx, &sides, b) else { continue };
        let (Some(state), Some(municipal)) = (a.side("state"), a.side("municipal")) else { continue };
        let total = a.seat_game.len();
        let alone: Vec<_> = [state, municipal].into_iter().filter(|s| s.decides_alone).collect();
        let label = if alone.is_empty() {
            "under this rule the sides' power differs"
        } else {
            "under this rule one side's votes win alone"
        };
        let message = if let Some(first) = alone.first() {
            let who = if alone.len() == 2 {
                "either side".to_string()
            } else {
                format!("the {} side ({} of {total} seats)", first.id, first.seats)
            };
            format!("`{}` is declared paritätisch, but under `{rule}` {who} can decide alone", b.id.value)
        } else if state.banzhaf_seat != municipal.banzhaf_seat {
            format!(
                "`{}` is declared paritätisch, but under `{rule}` the sides' voting power differs: Banzhaf index state {}, municipal {}",
                b.id.value, state.banzhaf_seat, municipal.banzhaf_seat
            )
        } else {
            continue;
        };
        let d = sink
            .finding(message, Label::new(decides, label))
            .with_label(Label::new(parity, "declared paritätisch here"))
            .with_help(
                "choose a rule under which neither side decides without the other, e.g. `decides by majority` with equal seats, or `consent`; `pakt power` shows who can decide and who can block",
            );
        sink.push(&[&b.meta], d);
    }
}

// ------------------------------------------------------------ A021 unblockable-binding

pub fn unblockable_binding(ctx: &Context<'_>, sink: &mut Sink<'_>) {
    let sides = all_party_sides(ctx.model);
    for b in &ctx.model.bodies {
        let Some(binding) = b.binding.first() else { continue };
        let Some((rule, a, decides, games)) = analysed(ctx, &sides, b) else { continue };
        let total = a.seat_game.len();
        for side in &games.bound_sides {
            let (message, label) = match a.side(side) {
                None => (format!(
                    "the decisions of `{}` bind the {side} side, which has no voting seat in it",
                    b.id.value
                ), "no seat of that side votes here".to_string()),
                Some(g) if !g.blocks => (format!(
                    "the decisions of `{}` bind the {side} side, but under `{rule}` its {} of {total} seats cannot block them",
                    b.id.value, g.seats
                ), format!("under this rule its {} seats cannot block", g.seats)),
                Some(_) => continue,
            };
            let d = sink
                .finding(message, Label::new(decides, label))
                .with_label(Label::new(binding.span, format!("binds the {side} side")))
                .with_help(format!(
                    "give the {side} side a blocking minority (a qualified majority it can deny, or `consent`), or do not make the decisions binding on it; `pakt power` shows who can block"
                ));
            sink.push(&[&b.meta], d);
        }
    }
}
