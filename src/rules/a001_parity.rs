//! A001 parity: a body declared paritätisch has as many voting seats for the Land as for the municipal side

use super::{Context, Sink};
use crate::diagnostic::Label;
use crate::model::*;

pub fn check(ctx: &Context<'_>, sink: &mut Sink<'_>) {
    let m = ctx.model;
    for b in &m.bodies {
        let Some(parity_span) = b.parity else { continue };
        let mut federal = 0u64;
        let mut state = 0u64;
        let mut municipal = 0u64;
        for seat in b.seats.iter().filter(|s| s.voting) {
            match m.seat_side(seat) {
                Some(Side::Federal) => federal += u64::from(seat.count.value),
                Some(Side::State) => state += u64::from(seat.count.value),
                Some(Side::Municipal) => municipal += u64::from(seat.count.value),
                None => {
                    let d = sink
                        .finding(
                            format!("seat `{}` of paritätisch body `{}` belongs to no side", seat.id.value, b.id.value),
                            Label::new(seat.id.span, "no side: neither the seat nor its party states one"),
                        )
                        .with_label(Label::new(parity_span, "parity is declared here"))
                        .with_help("give the seat `side state` or `side municipal`, or a `party` that has a side");
                    sink.push(&[&b.meta, &seat.meta], d);
                }
            }
        }
        // The sides that sit in the body; state and municipal are the
        // classic pair and are compared even when one of them is missing.
        let counts: Vec<(u64, &str)> = if federal == 0 {
            vec![(state, "state"), (municipal, "municipal")]
        } else {
            [(federal, "federal"), (state, "state"), (municipal, "municipal")]
                .into_iter()
                .filter(|(n, _)| *n > 0)
                .collect()
        };
        let unequal = counts.windows(2).any(|w| matches!(w, [a, b] if a.0 != b.0)) || counts.len() < 2;
        if unequal {
            let parts: Vec<String> = counts.iter().map(|(n, s)| format!("{n} {s}")).collect();
            let listed = match parts.as_slice() {
                [init @ .., last] if !init.is_empty() => format!("{} and {last}", init.join(", ")),
                _ => parts.join(""),
            };
            let d = sink
                .finding(
                    format!("`{}` is declared paritätisch but has {listed} voting seats", b.id.value),
                    Label::new(parity_span, "declared paritätisch here"),
                )
                .with_label(Label::new(b.id.span, format!("{} voting seats", parts.join(", "))))
                .with_help("give both sides the same number of voting seats, or mark a seat without a vote `advisory`");
            sink.push(&[&b.meta], d);
        }
    }
}
