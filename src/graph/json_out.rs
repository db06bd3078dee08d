//! The JSON node-link document of the graph, written straight to its
//! output: the same bytes as pretty-printing `export::json`, without
//! building the `serde_json::Value` and the string first (those peaked at
//! 60× the input on large agreements).
//!
//! In: a graph, its source text (for line and column) and a writer. Out:
//! the document and a final newline. Keys are in alphabetical order, as
//! `serde_json::Value` (a sorted map) prints them.

use super::{EdgeKind, Graph, Node, NodeKind};
use crate::span::LineIndex;
use serde::ser::{Serialize, Serializer};
use std::io::Write;

/// Write the document for `g` to `w`, pretty-printed, and a newline.
pub fn write_json(g: &Graph, text: &str, w: &mut dyn Write) -> std::io::Result<()> {
    let idx = LineIndex::new(text);
    let doc = Doc {
        agreement: &g.agreement,
        directed: true,
        links: Links(g),
        multigraph: false,
        nodes: Nodes(g, text, &idx),
    };
    let mut w = std::io::BufWriter::new(w);
    serde_json::to_writer_pretty(&mut w, &doc).map_err(std::io::Error::other)?;
    w.write_all(b"\n")?;
    w.flush()
}

#[derive(serde::Serialize)]
struct Doc<'a> {
    agreement: &'a str,
    directed: bool,
    links: Links<'a>,
    multigraph: bool,
    nodes: Nodes<'a>,
}

struct Nodes<'a>(&'a Graph, &'a str, &'a LineIndex);

impl Serialize for Nodes<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let Nodes(g, text, idx) = *self;
        s.collect_seq(g.nodes().map(|(_, n)| NodeOut::new(n, text, idx)))
    }
}

#[derive(serde::Serialize)]
struct NodeOut<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    detail: Option<&'a str>,
    id: &'a str,
    kind: NodeKind,
    label: &'a str,
    span: Option<SpanOut>,
}

impl<'a> NodeOut<'a> {
    fn new(n: &'a Node, text: &str, idx: &LineIndex) -> Self {
        let span = n.span.map(|s| {
            let p = idx.position(text, s.start);
            SpanOut { column: p.column, end: s.end, line: p.line, start: s.start }
        });
        NodeOut { detail: n.detail.as_deref(), id: &n.id, kind: n.kind, label: &n.label, span }
    }
}

#[derive(serde::Serialize)]
struct SpanOut {
    column: usize,
    end: usize,
    line: usize,
    start: usize,
}

struct Links<'a>(&'a Graph);

impl Serialize for Links<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.edges().into_iter().map(|(a, b, kind)| LinkOut {
            kind,
            label: kind.label(),
            source: &a.id,
            target: &b.id,
        }))
    }
}

#[derive(serde::Serialize)]
struct LinkOut<'a> {
    kind: EdgeKind,
    label: &'static str,
    source: &'a str,
    target: &'a str,
}
