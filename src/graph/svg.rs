//! SVG drawn by pakt itself, no external program: a layered layout with
//! one column per kind of node (sides and parties on the left, money on the
//! right), nodes stacked without overlap, wrapped labels, edges as curves
//! coloured by kind, and a legend.
//!
//! Within a column, nodes are ordered by the mean position of their
//! neighbours in the columns to their left (barycentre heuristic), which
//! keeps most edges short and uncrossed; ties keep file order.

use super::export::style;
use super::{EdgeKind, Graph, NodeKind};
use petgraph::stable_graph::NodeIndex;
use petgraph::visit::{EdgeRef, IntoEdgeReferences};
use std::collections::BTreeMap;
use std::fmt::Write as _;

const CHAR_W: f64 = 6.4;
const LINE_H: f64 = 14.0;
const WRAP: usize = 30;
const PAD: f64 = 8.0;
const GAP_Y: f64 = 14.0;
const GAP_X: f64 = 90.0;
const MARGIN: f64 = 24.0;
const TOP: f64 = 56.0;
const MAX_ROWS: usize = 14;

fn column(kind: NodeKind) -> usize {
    match kind {
        NodeKind::Agreement | NodeKind::Side | NodeKind::AllParties => 0,
        NodeKind::Party | NodeKind::Actor | NodeKind::Group => 1,
        NodeKind::Office | NodeKind::Key => 2,
        NodeKind::Seat => 3,
        NodeKind::Body | NodeKind::Institution | NodeKind::Decision => 4,
        NodeKind::Step => 5,
        NodeKind::Obligation => 6,
        NodeKind::Service | NodeKind::Project => 7,
        NodeKind::Financing => 8,
        NodeKind::Tranche => 9,
    }
}

fn edge_colour(kind: EdgeKind) -> &'static str {
    match kind {
        EdgeKind::HoldsSeat | EdgeKind::SitsIn | EdgeKind::BelongsTo => "#6c757d",
        EdgeKind::HoldsOffice | EdgeKind::Chairs => "#6f42c1",
        EdgeKind::Bears => "#b8860b",
        EdgeKind::Benefits => "#20c997",
        EdgeKind::ReportsTo | EdgeKind::FormedBy | EdgeKind::Binds => "#198754",
        EdgeKind::Funds | EdgeKind::TrancheOf => "#dc3545",
        EdgeKind::Decides | EdgeKind::Precedes => "#0d6efd",
        EdgeKind::RequiresConsentOf | EdgeKind::Consults => "#fd7e14",
        EdgeKind::Provides | EdgeKind::PartnerIn | EdgeKind::PartOf => "#0dcaf0",
        EdgeKind::Continues | EdgeKind::Supersedes => "#343a40",
        EdgeKind::MemberOf | EdgeKind::Weights | EdgeKind::RuleOf | EdgeKind::ChairsInTurn => "#6c757d",
        EdgeKind::Veto | EdgeKind::Counts | EdgeKind::WeighedBy | EdgeKind::Under => "#fd7e14",
        EdgeKind::PaysShare | EdgeKind::SplitBy => "#dc3545",
        EdgeKind::Owns | EdgeKind::OrganOf | EdgeKind::Supervises => "#198754",
    }
}

/// Edge kinds grouped as the legend shows them.
const EDGE_GROUPS: &[(&str, EdgeKind)] = &[
    ("membership (side, holds, sits in)", EdgeKind::SitsIn),
    ("office, chair", EdgeKind::Chairs),
    ("bears an obligation", EdgeKind::Bears),
    ("benefits", EdgeKind::Benefits),
    ("reports to, formed by, binds", EdgeKind::ReportsTo),
    ("money: funds, tranche", EdgeKind::Funds),
    ("procedure: takes, then", EdgeKind::Precedes),
    ("consent of, consults", EdgeKind::RequiresConsentOf),
    ("provides, partner, part of", EdgeKind::Provides),
    ("continues, supersedes", EdgeKind::Continues),
];

/// Text for XML: markup characters as entities, and every character XML
/// 1.0 forbids even as a reference (most C0 controls, U+FFFE, U+FFFF) or a
/// viewer would act on, as a visible `\u{..}` escape.
fn xml(s: &str) -> String {
    crate::escape::inline(s).replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// Wrap text into lines of at most `WRAP` characters, at spaces; a word
/// longer than a line is cut. Each character is handled once, so a label of
/// one 80,000-character word costs no more than 80,000 short words.
fn wrap(text: &str) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut cur = String::new();
    let mut cur_len = 0;
    for word in text.split_whitespace() {
        let word_len = word.chars().count();
        crate::work::tick(word_len);
        if cur_len > 0 && cur_len + 1 + word_len > WRAP {
            lines.push(std::mem::take(&mut cur));
            cur_len = 0;
        }
        if cur_len > 0 {
            cur.push(' ');
            cur_len += 1;
        }
        for c in word.chars() {
            if cur_len == WRAP {
                lines.push(std::mem::take(&mut cur));
                cur_len = 0;
            }
            cur.push(c);
            cur_len += 1;
        }
    }
    if !cur.is_empty() || lines.is_empty() {
        lines.push(cur);
    }
    lines
}

struct Placed {
    x: f64,
    y: f64,
    w: f64,
    h: f64,
    lines: Vec<String>,
    detail: Vec<String>,
}

/// Render the graph as a self-contained SVG document.
pub fn svg(g: &Graph) -> String {
    // Columns of node indices, in file order.
    let mut columns: BTreeMap<usize, Vec<NodeIndex>> = BTreeMap::new();
    for (i, n) in g.nodes() {
        columns.entry(column(n.kind)).or_default().push(i);
    }
    // Order each column by the barycentre of its left neighbours.
    let mut rank: BTreeMap<NodeIndex, f64> = BTreeMap::new();
    for nodes in columns.values_mut() {
        let mut keyed: Vec<(f64, usize, NodeIndex)> = nodes
            .iter()
            .enumerate()
            .map(|(order, n)| {
                let left: Vec<f64> = g.graph.neighbors_undirected(*n).filter_map(|m| rank.get(&m).copied()).collect();
                let bary = if left.is_empty() { f64::MAX } else { left.iter().sum::<f64>() / left.len() as f64 };
                (bary, order, *n)
            })
            .collect();
        keyed.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        *nodes = keyed.into_iter().map(|(_, _, n)| n).collect();
        for (pos, n) in nodes.iter().enumerate() {
            rank.insert(*n, pos as f64);
        }
    }
    // Place: column widths from the widest label, nodes stacked.
    let mut placed: BTreeMap<NodeIndex, Placed> = BTreeMap::new();
    let mut x = MARGIN;
    let mut height: f64 = 0.0;
    // A tall column is split into several of at most `MAX_ROWS` nodes.
    let chunks: Vec<&[NodeIndex]> = columns.values().flat_map(|nodes| nodes.chunks(MAX_ROWS)).collect();
    for nodes in chunks {
        let mut boxes: Vec<(NodeIndex, Vec<String>, Vec<String>)> = Vec::new();
        let mut width: f64 = 80.0;
        for n in nodes {
            let Some(node) = g.graph.node_weight(*n) else { continue };
            // The picture shortens long names and details; the graph keeps them whole.
            let lines = match node.kind {
                NodeKind::Agreement | NodeKind::Seat | NodeKind::Decision | NodeKind::Step => {
                    wrap(&super::short(&node.label, 60))
                }
                _ => wrap(&node.label),
            };
            // An obligation's detail is its modality and action: the action
            // is shortened, the modality kept.
            let most = |d: &str| match node.kind {
                NodeKind::Obligation => 70 + d.split(' ').next().map_or(0, |w| w.chars().count() + 1),
                _ => 90,
            };
            let detail = node.detail.as_deref().map(|d| wrap(&super::short(d, most(d)))).unwrap_or_default();
            let longest = lines.iter().chain(detail.iter()).map(|l| l.chars().count()).max().unwrap_or(0);
            width = width.max(longest as f64 * CHAR_W + 2.0 * PAD + 10.0);
            boxes.push((*n, lines, detail));
        }
        let mut y = TOP;
        for (n, lines, detail) in boxes {
            let h = (lines.len() + detail.len()) as f64 * LINE_H + 2.0 * PAD;
            placed.insert(n, Placed { x, y, w: width, h, lines, detail });
            y += h + GAP_Y;
        }
        height = height.max(y);
        x += width + GAP_X;
    }
    let legend_x = x;
    let legend_w = 260.0;
    let used: Vec<NodeKind> = {
        let mut v: Vec<NodeKind> = g.nodes().map(|(_, n)| n.kind).collect();
        v.sort();
        v.dedup();
        v
    };
    let legend_h = 40.0 + (used.len() + EDGE_GROUPS.len()) as f64 * 20.0 + 20.0;
    let total_w = legend_x + legend_w + MARGIN;
    let total_h = height.max(TOP + legend_h) + MARGIN;

    let mut out = String::new();
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{total_w:.0}\" height=\"{total_h:.0}\" viewBox=\"0 0 {total_w:.0} {total_h:.0}\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"11\">"
    );
    let _ = writeln!(out, "<title>{}</title>", xml(&g.agreement));
    out.push_str("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"#555\"/></marker></defs>\n");
    let _ = writeln!(out, "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>");
    let title =
        g.nodes().find(|(_, n)| n.kind == NodeKind::Agreement).map_or(g.agreement.clone(), |(_, n)| n.label.clone());
    let _ = writeln!(out, "<text x=\"{MARGIN}\" y=\"30\" font-size=\"16\" font-weight=\"bold\">{}</text>", xml(&title));

    // Edges first, under the nodes.
    out.push_str("<g class=\"edges\" fill=\"none\" stroke-width=\"1.2\">\n");
    for e in (&g.graph).edge_references() {
        let (Some(a), Some(b)) = (placed.get(&e.source()), placed.get(&e.target())) else { continue };
        let kind = e.weight().kind;
        let (x1, y1, x2, y2) = if a.x < b.x {
            (a.x + a.w, a.y + a.h / 2.0, b.x, b.y + b.h / 2.0)
        } else if a.x > b.x {
            (a.x, a.y + a.h / 2.0, b.x + b.w, b.y + b.h / 2.0)
        } else {
            // Same column: loop out to the right.
            (a.x + a.w, a.y + a.h / 2.0, b.x + b.w, b.y + b.h / 2.0)
        };
        let bend = if (a.x - b.x).abs() < 1.0 { 40.0 } else { (x2 - x1).abs() / 2.0 };
        let (c1, c2) = if a.x <= b.x && (a.x - b.x).abs() >= 1.0 {
            (x1 + bend, x2 - bend)
        } else if a.x > b.x {
            (x1 - bend, x2 + bend)
        } else {
            (x1 + bend, x2 + bend)
        };
        let src = g.graph.node_weight(e.source()).map_or("", |n| n.id.as_str());
        let dst = g.graph.node_weight(e.target()).map_or("", |n| n.id.as_str());
        let _ = writeln!(
            out,
            "<path d=\"M {x1:.1} {y1:.1} C {c1:.1} {y1:.1}, {c2:.1} {y2:.1}, {x2:.1} {y2:.1}\" stroke=\"{}\" marker-end=\"url(#arrow)\" opacity=\"0.75\"><title>{} {} {}</title></path>",
            edge_colour(kind),
            xml(src),
            kind.label(),
            xml(dst)
        );
    }
    out.push_str("</g>\n<g class=\"nodes\">\n");
    for (i, n) in g.nodes() {
        let Some(p) = placed.get(&i) else { continue };
        let (_, fill) = style(n.kind);
        let _ =
            writeln!(out, "<g class=\"node {}\" id=\"{}\"><title>{}</title>", n.kind.name(), xml(&n.id), xml(&n.id));
        out.push_str(&shape(n.kind, p.x, p.y, p.w, p.h, fill));
        let mut ty = p.y + PAD + 11.0;
        for line in &p.lines {
            let _ = writeln!(
                out,
                "<text x=\"{:.1}\" y=\"{ty:.1}\" text-anchor=\"middle\">{}</text>",
                p.x + p.w / 2.0,
                xml(line)
            );
            ty += LINE_H;
        }
        for line in &p.detail {
            let _ = writeln!(
                out,
                "<text x=\"{:.1}\" y=\"{ty:.1}\" text-anchor=\"middle\" fill=\"#555\" font-style=\"italic\">{}</text>",
                p.x + p.w / 2.0,
                xml(line)
            );
            ty += LINE_H;
        }
        out.push_str("</g>\n");
    }
    out.push_str("</g>\n");

    // Legend.
    let _ = writeln!(out, "<g class=\"legend\" transform=\"translate({legend_x:.1},{TOP:.1})\">");
    let _ = writeln!(
        out,
        "<rect x=\"0\" y=\"0\" width=\"{legend_w}\" height=\"{legend_h:.0}\" fill=\"#fcfcfc\" stroke=\"#999\"/>"
    );
    out.push_str("<text x=\"10\" y=\"20\" font-weight=\"bold\">Legend</text>\n");
    let mut ly = 34.0;
    for kind in used {
        let (_, fill) = style(kind);
        out.push_str(&shape(kind, 10.0, ly, 36.0, 14.0, fill));
        let _ = writeln!(out, "<text x=\"56\" y=\"{:.1}\">{}</text>", ly + 11.0, kind.name());
        ly += 20.0;
    }
    for (label, kind) in EDGE_GROUPS {
        let _ = writeln!(
            out,
            "<line x1=\"10\" y1=\"{0:.1}\" x2=\"46\" y2=\"{0:.1}\" stroke=\"{1}\" stroke-width=\"2\"/>",
            ly + 7.0,
            edge_colour(*kind)
        );
        let _ = writeln!(out, "<text x=\"56\" y=\"{:.1}\">{}</text>", ly + 11.0, xml(label));
        ly += 20.0;
    }
    out.push_str("</g>\n</svg>\n");
    out
}

/// The outline of a node of `kind`.
fn shape(kind: NodeKind, x: f64, y: f64, w: f64, h: f64, fill: &str) -> String {
    let stroke = "stroke=\"#555\" stroke-width=\"1\"";
    match kind {
        NodeKind::Party | NodeKind::Actor | NodeKind::Office => {
            format!("<rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{w:.1}\" height=\"{h:.1}\" rx=\"8\" fill=\"{fill}\" {stroke}/>\n")
        }
        NodeKind::Body => format!(
            "<rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{w:.1}\" height=\"{h:.1}\" fill=\"{fill}\" {stroke}/><rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"none\" {stroke}/>\n",
            x + 3.0,
            y + 3.0,
            (w - 6.0).max(0.0),
            (h - 6.0).max(0.0)
        ),
        NodeKind::Seat | NodeKind::Tranche | NodeKind::Side | NodeKind::AllParties => format!(
            "<ellipse cx=\"{:.1}\" cy=\"{:.1}\" rx=\"{:.1}\" ry=\"{:.1}\" fill=\"{fill}\" {stroke}/>\n",
            x + w / 2.0,
            y + h / 2.0,
            w / 2.0,
            h / 2.0
        ),
        NodeKind::Obligation => {
            let s = 8.0_f64.min(w / 4.0);
            format!("<polygon points=\"{:.1},{y:.1} {:.1},{y:.1} {:.1},{:.1} {x:.1},{:.1}\" fill=\"{fill}\" {stroke}/>\n", x + s, x + w, x + w - s, y + h, y + h)
        }
        NodeKind::Financing => {
            let s = 8.0_f64.min(w / 4.0);
            format!(
                "<polygon points=\"{:.1},{y:.1} {:.1},{y:.1} {:.1},{:.1} {:.1},{:.1} {:.1},{:.1} {x:.1},{:.1}\" fill=\"{fill}\" {stroke}/>\n",
                x + s,
                x + w - s,
                x + w,
                y + h / 2.0,
                x + w - s,
                y + h,
                x + s,
                y + h,
                y + h / 2.0
            )
        }
        NodeKind::Step => {
            let s = 8.0_f64.min(w / 4.0);
            format!(
                "<polygon points=\"{x:.1},{y:.1} {:.1},{y:.1} {:.1},{:.1} {:.1},{:.1} {x:.1},{:.1}\" fill=\"{fill}\" {stroke}/>\n",
                x + w - s,
                x + w,
                y + h / 2.0,
                x + w - s,
                y + h,
                y + h
            )
        }
        _ => format!("<rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{w:.1}\" height=\"{h:.1}\" fill=\"{fill}\" {stroke}/>\n"),
    }
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn wraps_at_spaces_and_splits_long_words() {
        assert_eq!(wrap("Land"), vec!["Land"]);
        let lines = wrap("Beauftragter des Freistaats Thüringen für E-Government und IT");
        assert!(lines.iter().all(|l| l.chars().count() <= 30), "{lines:?}");
        assert_eq!(lines.join(" "), "Beauftragter des Freistaats Thüringen für E-Government und IT");
        let long = "x".repeat(70);
        assert_eq!(wrap(&long).len(), 3);
        assert_eq!(wrap(&format!("ab {long}")), vec!["ab".to_string(), "x".repeat(30), "x".repeat(30), "x".repeat(10)]);
    }
}
