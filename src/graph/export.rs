//! Text exports of the obligation graph: Graphviz DOT, Mermaid, and a JSON
//! node-link document (schema: `docs/schema/graph.schema.json`).

use super::{Graph, NodeKind};
use crate::span::LineIndex;
use serde_json::{json, Value};
use std::fmt::Write as _;

/// Shape and fill colour of each kind, shared by DOT and SVG.
pub(super) fn style(kind: NodeKind) -> (&'static str, &'static str) {
    match kind {
        NodeKind::Agreement => ("note", "#eeeeee"),
        NodeKind::Side => ("circle", "#f5f5dc"),
        NodeKind::AllParties => ("doublecircle", "#cfe2ff"),
        NodeKind::Party => ("box", "#cfe2ff"),
        NodeKind::Office => ("box", "#e2d9f3"),
        NodeKind::Actor => ("box", "#e9ecef"),
        NodeKind::Body => ("box3d", "#d1e7dd"),
        NodeKind::Seat => ("ellipse", "#f8f9fa"),
        NodeKind::Obligation => ("parallelogram", "#fff3cd"),
        NodeKind::Financing => ("hexagon", "#f8d7da"),
        NodeKind::Tranche => ("ellipse", "#fce8ea"),
        NodeKind::Service => ("component", "#d2f4ea"),
        NodeKind::Project => ("tab", "#fde2c8"),
        NodeKind::Group => ("folder", "#cfe2ff"),
        NodeKind::Key => ("note", "#fff3cd"),
        NodeKind::Decision => ("diamond", "#ffe5d0"),
        NodeKind::Institution => ("house", "#d1e7dd"),
        NodeKind::Step => ("cds", "#dbe4ff"),
    }
}

/// Characters a label keeps in DOT; a longer label is cut with `…`, and
/// the whole text goes into the tooltip (Graphviz rejects strings of
/// 16,384 bytes and more, so that is cut below that too).
pub const DOT_MAX_LABEL: usize = 1_000;
const DOT_MAX_TOOLTIP_BYTES: usize = 12_000;

fn dot_escape(s: &str) -> String {
    crate::escape::visible(s).replace('\\', "\\\\").replace('"', "\\\"").replace('\n', "\\n")
}

/// `s` cut to at most `max` bytes of its escaped form, at a character
/// boundary, with `…` when cut.
fn cut_bytes(escaped: String, max: usize) -> String {
    if escaped.len() <= max {
        return escaped;
    }
    // Never cut inside an escape (`\\n`, `\\"`): back up to before a backslash run.
    let mut end = max;
    while end > 0 && !escaped.is_char_boundary(end) {
        end -= 1;
    }
    let mut head = escaped.get(..end).unwrap_or("").to_string();
    let trailing = head.chars().rev().take_while(|c| *c == '\\').count();
    if trailing % 2 == 1 {
        head.pop();
    }
    head.push('…');
    head
}

/// A node or graph name for DOT: escaped, and when too long for Graphviz,
/// cut with a hash of the whole name, so that names stay distinct and the
/// node and its edges still agree.
fn dot_id(id: &str) -> String {
    let escaped = dot_escape(id);
    if escaped.len() <= DOT_MAX_TOOLTIP_BYTES {
        return escaped;
    }
    // FNV-1a, 64 bit: the same on every machine and run.
    let hash = id.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3));
    format!("{}#{hash:016x}", cut_bytes(escaped, DOT_MAX_TOOLTIP_BYTES - 100))
}

/// Mermaid's default `maxEdges`: a diagram with more edges is not drawn.
pub const MERMAID_MAX_EDGES: usize = 500;

/// Graphviz DOT, with a legend of the node kinds used.
pub fn dot(g: &Graph) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "digraph \"{}\" {{", dot_id(&g.agreement));
    out.push_str("  rankdir=LR;\n  node [style=filled, fontname=\"Helvetica\", fontsize=10];\n  edge [fontname=\"Helvetica\", fontsize=8, color=\"#555555\"];\n");
    let mut used: Vec<NodeKind> = Vec::new();
    for (_, n) in g.nodes() {
        let (shape, fill) = style(n.kind);
        if !used.contains(&n.kind) {
            used.push(n.kind);
        }
        let label = match &n.detail {
            Some(d) => format!("{}\n{}", n.label, d),
            None => n.label.clone(),
        };
        let (shown, tooltip) = if label.chars().count() > DOT_MAX_LABEL {
            let cut: String = label.chars().take(DOT_MAX_LABEL - 1).collect();
            (format!("{cut}…"), cut_bytes(dot_escape(&label), DOT_MAX_TOOLTIP_BYTES))
        } else {
            (label, dot_id(&n.id))
        };
        let _ = writeln!(
            out,
            "  \"{}\" [label=\"{}\", shape={shape}, fillcolor=\"{fill}\", tooltip=\"{}\"];",
            dot_id(&n.id),
            dot_escape(&shown),
            tooltip
        );
    }
    for (a, b, kind) in g.edges() {
        let _ = writeln!(out, "  \"{}\" -> \"{}\" [label=\"{}\"];", dot_id(&a.id), dot_id(&b.id), kind.label());
    }
    used.sort();
    out.push_str(
        "  subgraph cluster_legend {\n    label=\"Legend\"; fontname=\"Helvetica\"; fontsize=10; color=\"#999999\";\n",
    );
    for kind in &used {
        let (shape, fill) = style(*kind);
        let _ = writeln!(out, "    \"legend:{0}\" [label=\"{0}\", shape={shape}, fillcolor=\"{fill}\"];", kind.name());
    }
    out.push_str("  }\n}\n");
    out
}

fn mermaid_escape(s: &str) -> String {
    super::mermaid_text::escape(&crate::escape::visible(s), "<br/>")
}

/// Mermaid flowchart (renders in Markdown on GitHub and GitLab).
pub fn mermaid(g: &Graph) -> String {
    let mut out = String::from("flowchart LR\n");
    let edges = g.edges().len();
    if edges > MERMAID_MAX_EDGES {
        let _ = writeln!(out, "%% {}", mermaid_too_large(edges));
    }
    let mut names = std::collections::BTreeMap::new();
    let mut used: Vec<NodeKind> = Vec::new();
    for (i, (_, n)) in g.nodes().enumerate() {
        let name = format!("n{i}");
        let label = match &n.detail {
            Some(d) => format!("{}\n{}", n.label, d),
            None => n.label.clone(),
        };
        let label = mermaid_escape(&label);
        let shaped = match n.kind {
            NodeKind::Party => format!("([\"{label}\"])"),
            NodeKind::Body => format!("[[\"{label}\"]]"),
            NodeKind::Seat | NodeKind::Tranche => format!("(\"{label}\")"),
            NodeKind::Obligation => format!("[/\"{label}\"/]"),
            NodeKind::Financing => format!("{{{{\"{label}\"}}}}"),
            NodeKind::Step => format!(">\"{label}\"]"),
            NodeKind::Side | NodeKind::AllParties => format!("((\"{label}\"))"),
            NodeKind::Service => format!("[(\"{label}\")]"),
            _ => format!("[\"{label}\"]"),
        };
        let _ = writeln!(out, "  {name}{shaped}:::{}", n.kind.name());
        names.insert(n.id.clone(), name);
        if !used.contains(&n.kind) {
            used.push(n.kind);
        }
    }
    for (a, b, kind) in g.edges() {
        if let (Some(x), Some(y)) = (names.get(&a.id), names.get(&b.id)) {
            let _ = writeln!(out, "  {x} -->|{}| {y}", kind.label());
        }
    }
    used.sort();
    for kind in used {
        let (_, fill) = style(kind);
        let _ = writeln!(out, "  classDef {} fill:{fill},stroke:#555", kind.name());
    }
    out
}

/// The note for a Mermaid diagram with more edges than Mermaid draws.
pub fn mermaid_too_large(edges: usize) -> String {
    format!(
        "{edges} edges: more than Mermaid draws by default (maxEdges {MERMAID_MAX_EDGES}); show a part with `--focus ID --radius N`, or use `--format svg`"
    )
}

/// JSON node-link document; `text` is the source, for line and column.
pub fn json(g: &Graph, text: &str) -> Value {
    let idx = LineIndex::new(text);
    let nodes: Vec<Value> = g
        .nodes()
        .map(|(_, n)| {
            let span = n.span.map_or(Value::Null, |s| {
                let p = idx.position(text, s.start);
                json!({"start": s.start, "end": s.end, "line": p.line, "column": p.column})
            });
            let mut v = json!({"id": n.id, "kind": n.kind, "label": n.label, "span": span});
            if let (Some(d), Value::Object(map)) = (&n.detail, &mut v) {
                map.insert("detail".into(), json!(d));
            }
            v
        })
        .collect();
    let links: Vec<Value> = g
        .edges()
        .into_iter()
        .map(|(a, b, kind)| json!({"source": a.id, "target": b.id, "kind": kind, "label": kind.label()}))
        .collect();
    json!({"directed": true, "multigraph": false, "agreement": g.agreement, "nodes": nodes, "links": links})
}
