//! A picture as Graphviz DOT, for `dot -Tsvg` and other Graphviz tools.
//!
//! In: a picture. Out: DOT text with one box per node (its title and
//! rows as left-aligned lines; a bar chart as rows of block characters),
//! clusters for procedures and edges styled as in the SVG.

use super::graphviz::quote;
use super::layout::{self, Drawn};
use super::{Line, Picture, Style};

fn fill(style: Style) -> (&'static str, &'static str) {
    match style {
        Style::Body => ("#eaf2fb", "#2b6cb0"),
        Style::Party => ("#f4f4f4", "#666666"),
        Style::Institution => ("#eef7ee", "#2f855a"),
        Style::Money => ("#fff8e6", "#b7791f"),
        Style::Key => ("#fdf6ec", "#a0703a"),
        Style::Gate => ("#fdecea", "#c53030"),
        Style::Consult | Style::Step | Style::Duties | Style::Note => ("#ffffff", "#4a5568"),
    }
}

/// A box's text as DOT's left-aligned lines (`\l`).
fn label(node: &super::Node) -> String {
    let m = layout::measure(node);
    let mut out = String::new();
    for line in &m.lines {
        let text = match line {
            Drawn::Title(t) | Drawn::Text(t) | Drawn::Note(t) | Drawn::Figure(t) => t.clone(),
            Drawn::Heading(t) => format!("— {t}"),
            Drawn::Mark(t) => format!("[{t}]"),
            Drawn::Bar { label, fraction, text } => {
                let n = (fraction * 12.0).round().max(1.0) as usize;
                format!("{label} {} {text}", "█".repeat(n))
            }
        };
        for c in text.chars() {
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                '\n' | '\r' => out.push(' '),
                c => out.push(c),
            }
        }
        out.push_str("\\l");
    }
    format!("\"{out}\"")
}

pub fn dot(p: &Picture) -> String {
    let mut s = format!("digraph {} {{\n", quote(p.view.name()));
    s.push_str(&format!(
        "  graph [rankdir=TB, nodesep=0.35, ranksep=0.5, fontname=\"Helvetica\", labelloc=t, label={}];\n",
        quote(&p.title)
    ));
    s.push_str("  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\", fontsize=11];\n");
    s.push_str("  edge [fontname=\"Helvetica\", fontsize=10];\n");
    for (ci, c) in p.clusters.iter().enumerate() {
        s.push_str(&format!("  subgraph cluster_{ci} {{\n    label={};\n", quote(&c.title)));
        for (i, n) in p.nodes.iter().enumerate() {
            if n.cluster == Some(ci) {
                s.push_str(&format!("    n{i};\n"));
            }
        }
        s.push_str("  }\n");
    }
    for (i, n) in p.nodes.iter().enumerate() {
        let (f, c) = fill(n.style);
        let extra = match n.style {
            Style::Gate => ", peripheries=2, penwidth=2",
            Style::Consult => ", style=\"rounded,filled,dashed\"",
            _ => "",
        };
        s.push_str(&format!(
            "  n{i} [id={}, label={}, fillcolor=\"{f}\", color=\"{c}\"{extra}];\n",
            quote(&n.id),
            label(n)
        ));
    }
    for e in &p.edges {
        let mut attrs = Vec::new();
        if let Some(l) = &e.label {
            attrs.push(format!("label={}", quote(l)));
        }
        match e.line {
            Line::Plain => {}
            Line::Consent => attrs.push("color=\"#c53030\", penwidth=2.5, fontcolor=\"#c53030\"".into()),
            Line::Consult => attrs.push("style=dashed, color=\"#718096\"".into()),
            Line::Money => attrs.push("color=\"#b7791f\", penwidth=2".into()),
            Line::Structure => attrs.push("style=dashed, color=\"#a0aec0\"".into()),
        }
        if e.both {
            attrs.push("dir=both".into());
        }
        if attrs.is_empty() {
            s.push_str(&format!("  n{} -> n{};\n", e.from, e.to));
        } else {
            s.push_str(&format!("  n{} -> n{} [{}];\n", e.from, e.to, attrs.join(", ")));
        }
    }
    s.push_str("}\n");
    s
}
