//! The power report as an SVG bar chart, 800 px wide (README width).
//!
//! In: `BodyReport`s. Out: one panel per analysed rule of a body, one row
//! per side and party: the summed Banzhaf and Shapley–Shubik index per
//! seat as two bars, with what the group can do (decide alone, block).
//! Bodies that cannot be analysed are listed below the panels with why.

use super::report::{BodyReport, GroupKind, RuleAnalysis};
use std::fmt::Write;

const WIDTH: f64 = 800.0;
const BAR_X: f64 = 270.0;
const BAR_MAX: f64 = 420.0;
const ROW_H: f64 = 60.0;
/// Space above the first row: title, body name, scale.
const HEAD_H: f64 = 64.0;
const BANZHAF: &str = "#2f6db0";
const SHAPLEY: &str = "#e39a2d";

fn xml(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

pub fn svg(agreement: &str, reports: &[BodyReport]) -> String {
    let mut body = String::new();
    let mut y = 70.0;
    let mut skipped = Vec::new();
    for r in reports {
        let mut any = false;
        for rule in &r.rules {
            match &rule.outcome {
                Ok(a) => {
                    let title = format!(
                        "{} — {}{}",
                        r.games.id,
                        rule.name,
                        if rule.assumed { " (assumed, not stated)" } else { "" }
                    );
                    y = panel(&mut body, y, &title, &r.games.name, a);
                    any = true;
                }
                Err(why) => skipped.push(format!("{}: {why}", r.games.id)),
            }
        }
        if r.rules.is_empty() {
            skipped.push(format!("{}: no decision rule", r.games.id));
        } else if !any && r.rules.iter().all(|x| x.outcome.is_ok()) {
            skipped.push(format!("{}: nothing to analyse", r.games.id));
        }
    }
    if !skipped.is_empty() {
        let _ = writeln!(body, "<text x=\"20\" y=\"{:.0}\" font-weight=\"bold\">Not analysed</text>", y + 4.0);
        y += 22.0;
        for s in &skipped {
            let _ = writeln!(body, "<text x=\"20\" y=\"{y:.0}\" fill=\"#555\">{}</text>", xml(&clip(s, 120)));
            y += 18.0;
        }
    }
    let height = y + 10.0;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH:.0}\" height=\"{height:.0}\" viewBox=\"0 0 {WIDTH:.0} {height:.0}\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"13\">"
    );
    let _ = writeln!(out, "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>");
    let _ = writeln!(
        out,
        "<text x=\"20\" y=\"28\" font-size=\"18\" font-weight=\"bold\">Voting power in {}</text>",
        xml(agreement)
    );
    let _ = writeln!(out, "<rect x=\"20\" y=\"42\" width=\"14\" height=\"12\" fill=\"{BANZHAF}\"/>");
    let _ = writeln!(out, "<text x=\"40\" y=\"53\">Banzhaf index (per seat, summed)</text>");
    let _ = writeln!(out, "<rect x=\"280\" y=\"42\" width=\"14\" height=\"12\" fill=\"{SHAPLEY}\"/>");
    let _ = writeln!(out, "<text x=\"300\" y=\"53\">Shapley–Shubik index (per seat, summed)</text>");
    out.push_str(&body);
    out.push_str("</svg>\n");
    out
}

fn clip(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let cut: String = s.chars().take(max - 1).collect();
        format!("{cut}…")
    }
}

fn panel(out: &mut String, top: f64, title: &str, name: &str, a: &RuleAnalysis) -> f64 {
    let rows = a.groups.len() as f64;
    let height = HEAD_H + rows * ROW_H;
    let _ = writeln!(
        out,
        "<rect x=\"10\" y=\"{top:.0}\" width=\"{:.0}\" height=\"{height:.0}\" fill=\"#f7f7f7\" stroke=\"#cccccc\"/>",
        WIDTH - 20.0
    );
    let _ = writeln!(
        out,
        "<text x=\"20\" y=\"{:.0}\" font-size=\"15\" font-weight=\"bold\">{}</text>",
        top + 20.0,
        xml(title)
    );
    let _ = writeln!(out, "<text x=\"20\" y=\"{:.0}\" fill=\"#555\">{}</text>", top + 38.0, xml(&clip(name, 100)));
    // Scale lines at 0, 1/2 and 1.
    for (f, label) in [(0.0, "0"), (0.5, "1/2"), (1.0, "1")] {
        let x = BAR_X + f * BAR_MAX;
        let _ = writeln!(
            out,
            "<line x1=\"{x:.1}\" y1=\"{:.0}\" x2=\"{x:.1}\" y2=\"{:.0}\" stroke=\"#bbbbbb\" stroke-dasharray=\"3,3\"/>",
            top + HEAD_H - 6.0,
            top + height - 4.0
        );
        let _ = writeln!(
            out,
            "<text x=\"{x:.1}\" y=\"{:.0}\" font-size=\"10\" fill=\"#777\" text-anchor=\"middle\">{label}</text>",
            top + HEAD_H - 10.0
        );
    }
    let mut y = top + HEAD_H;
    for g in &a.groups {
        let who = match g.kind {
            GroupKind::Side => format!("{} side", g.id),
            GroupKind::Party => format!("party {}", g.id),
        };
        let weight = if g.kind == GroupKind::Side { "bold" } else { "normal" };
        let _ = writeln!(
            out,
            "<text x=\"20\" y=\"{:.0}\" font-weight=\"{weight}\">{}</text>",
            y + 16.0,
            xml(&clip(&who, 30))
        );
        let can = format!(
            "{} seat{} · {} · {}",
            g.seats,
            if g.seats == 1 { "" } else { "s" },
            if g.blocks { "can block" } else { "cannot block" },
            if g.decides_alone { "decides alone" } else { "not alone" }
        );
        let _ =
            writeln!(out, "<text x=\"20\" y=\"{:.0}\" font-size=\"11\" fill=\"#555\">{}</text>", y + 32.0, xml(&can));
        let blocs = format!("as blocs: Banzhaf {} · Shapley–Shubik {}", g.banzhaf_bloc, g.shapley_bloc);
        let _ =
            writeln!(out, "<text x=\"20\" y=\"{:.0}\" font-size=\"11\" fill=\"#555\">{}</text>", y + 47.0, xml(&blocs));
        for (i, (value, color)) in [(g.banzhaf_seat, BANZHAF), (g.shapley_seat, SHAPLEY)].into_iter().enumerate() {
            let by = y + 6.0 + i as f64 * 17.0;
            let w = (value.to_f64().clamp(0.0, 1.0) * BAR_MAX).max(1.0);
            let _ =
                writeln!(out, "<rect x=\"{BAR_X}\" y=\"{by:.0}\" width=\"{w:.1}\" height=\"14\" fill=\"{color}\"/>");
            let _ = writeln!(
                out,
                "<text x=\"{:.1}\" y=\"{:.0}\" font-size=\"11\">{} ({:.3})</text>",
                BAR_X + w + 6.0,
                by + 11.0,
                xml(&value.to_string()),
                value.to_f64()
            );
        }
        y += ROW_H;
    }
    top + height + 14.0
}
