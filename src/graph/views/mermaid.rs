//! A picture as a Mermaid flowchart, for Markdown on GitHub and GitLab.
//!
//! In: a picture. Out: Mermaid text: one node per box (title in bold, rows
//! as lines; a bar chart as block characters), subgraphs for procedures,
//! edges styled as in the SVG (`==>` money and consent, `-.->` consultation
//! and membership).

use super::{Line, Picture, Row};

/// Text for a quoted Mermaid label, on one line.
fn esc(s: &str) -> String {
    crate::graph::mermaid_text::escape(s, " ")
}

fn label(n: &super::Node) -> String {
    let mut parts = vec![format!("<b>{}</b>", esc(&n.title))];
    for row in &n.rows {
        match row {
            Row::Text(t) | Row::Note(t) | Row::Figure(t) => parts.push(esc(t)),
            Row::Heading(t) => parts.push(format!("<i>{}</i>", esc(t))),
            Row::Mark(t) => parts.push(format!("[{}]", esc(t))),
            Row::Bars(bars) => {
                let top = bars.iter().map(|b| b.value).fold(0.0, f64::max);
                for b in bars {
                    let n = if top > 0.0 { ((b.value / top) * 10.0).round().max(1.0) as usize } else { 1 };
                    parts.push(format!("{} {} {}", esc(&b.label), "█".repeat(n), esc(&b.text)));
                }
            }
        }
    }
    parts.join("<br/>")
}

pub fn mermaid(p: &Picture) -> String {
    let mut s = String::from("flowchart TB\n");
    for (ci, c) in p.clusters.iter().enumerate() {
        s.push_str(&format!("  subgraph c{ci}[\"{}\"]\n", esc(&c.title)));
        for (i, n) in p.nodes.iter().enumerate() {
            if n.cluster == Some(ci) {
                s.push_str(&format!("    n{i}[\"{}\"]\n", label(n)));
            }
        }
        s.push_str("  end\n");
    }
    for (i, n) in p.nodes.iter().enumerate() {
        if n.cluster.is_none() {
            s.push_str(&format!("  n{i}[\"{}\"]\n", label(n)));
        }
    }
    for e in &p.edges {
        let arrow = match (e.line, e.both) {
            (Line::Money | Line::Consent, false) => "==>",
            (Line::Money | Line::Consent, true) => "<==>",
            (Line::Consult | Line::Structure, false) => "-.->",
            (Line::Consult | Line::Structure, true) => "<-.->",
            (Line::Plain, false) => "-->",
            (Line::Plain, true) => "<-->",
        };
        match &e.label {
            Some(l) => s.push_str(&format!("  n{} {arrow}|\"{}\"| n{}\n", e.from, esc(l), e.to)),
            None => s.push_str(&format!("  n{} {arrow} n{}\n", e.from, e.to)),
        }
    }
    for (i, n) in p.nodes.iter().enumerate() {
        let class = match n.style {
            super::Style::Body => "body",
            super::Style::Money => "money",
            super::Style::Gate => "gate",
            _ => continue,
        };
        s.push_str(&format!("  class n{i} {class}\n"));
    }
    s.push_str("  classDef body fill:#eaf2fb,stroke:#2b6cb0\n");
    s.push_str("  classDef money fill:#fff8e6,stroke:#b7791f\n");
    s.push_str("  classDef gate fill:#fdecea,stroke:#c53030,stroke-width:3px\n");
    s
}
