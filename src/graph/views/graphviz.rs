//! Layout by Graphviz: the picture as DOT with boxes of fixed size, laid out
//! by `dot -Tplain` in a subprocess with a timeout, the positions read back.
//!
//! In: a picture and its box sizes. Out: a layout, or `None` when `dot` is
//! not installed, fails, or takes longer than the timeout (the caller then
//! uses the built-in layout). Graphviz is deterministic for the same input
//! and version, so the SVG is too.

use super::layout::{Layout, Measured, Rect, Routed};
use super::Picture;
use std::io::{Read, Write};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const TIMEOUT: Duration = Duration::from_secs(10);
/// Boxes per row before a rank is wrapped: less than the page, as
/// Graphviz spreads a rank wider with the edges and labels between boxes.
const WRAP: f64 = 930.0;

/// Escape a string for a DOT double-quoted string.
pub fn quote(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The DOT text Graphviz lays out: empty boxes of the measured sizes
/// (points = px at 72 dpi), labelled edges so labels get room.
fn layout_dot(p: &Picture, sizes: &[Measured], extra: &[(usize, usize)]) -> String {
    let mut s = String::from("digraph view {\n");
    s.push_str("  graph [rankdir=TB, nodesep=0.35, ranksep=0.5, fontname=\"Helvetica\", fontsize=13];\n");
    s.push_str("  node [shape=box, fixedsize=true, label=\"\"];\n");
    s.push_str("  edge [fontname=\"Helvetica\", fontsize=11];\n");
    for (ci, c) in p.clusters.iter().enumerate() {
        s.push_str(&format!("  subgraph cluster_{ci} {{\n    label={};\n", quote(&c.title.replace(['"', '\\'], "x"))));
        for (i, n) in p.nodes.iter().enumerate() {
            if n.cluster == Some(ci) {
                s.push_str(&format!("    n{i};\n"));
            }
        }
        s.push_str("  }\n");
    }
    for (i, m) in sizes.iter().enumerate() {
        s.push_str(&format!("  n{i} [width={:.3}, height={:.3}];\n", m.w / 72.0, m.h / 72.0));
    }
    for e in &p.edges {
        match &e.label {
            // Only the label's size matters here: no quote or backslash
            // for `-Tplain` to escape back.
            Some(l) => {
                s.push_str(&format!("  n{} -> n{} [label={}];\n", e.from, e.to, quote(&l.replace(['"', '\\'], "x"))))
            }
            None => s.push_str(&format!("  n{} -> n{};\n", e.from, e.to)),
        }
    }
    for (a, b) in extra {
        s.push_str(&format!("  n{a} -> n{b} [style=invis];\n"));
    }
    s.push_str("}\n");
    s
}

/// Run `dot -Tplain`, giving up after the timeout.
fn run(input: String) -> Option<String> {
    let mut child = Command::new("dot")
        .arg("-Tplain")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .ok()?;
    let mut stdin = child.stdin.take()?;
    let mut stdout = child.stdout.take()?;
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(input.as_bytes());
    });
    let reader = std::thread::spawn(move || {
        let mut out = String::new();
        let _ = stdout.read_to_string(&mut out);
        out
    });
    let deadline = Instant::now() + TIMEOUT;
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if Instant::now() < deadline => std::thread::sleep(Duration::from_millis(5)),
            _ => {
                let _ = child.kill();
                let _ = child.wait();
                return None;
            }
        }
    };
    let _ = writer.join();
    let out = reader.join().ok()?;
    status.success().then_some(out)
}

/// Split a line of `-Tplain` output into words, keeping quoted strings.
fn words(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut chars = line.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c == ' ' {
            chars.next();
            continue;
        }
        let mut w = String::new();
        if c == '"' {
            chars.next();
            while let Some(c) = chars.next() {
                match c {
                    '\\' => {
                        if let Some(n) = chars.next() {
                            w.push(n);
                        }
                    }
                    '"' => break,
                    c => w.push(c),
                }
            }
        } else {
            while let Some(&c) = chars.peek() {
                if c == ' ' {
                    break;
                }
                w.push(c);
                chars.next();
            }
        }
        out.push(w);
    }
    out
}

fn num(s: Option<&String>) -> Option<f64> {
    s.and_then(|s| s.parse::<f64>().ok())
}

fn index(name: Option<&String>) -> Option<usize> {
    name.and_then(|n| n.strip_prefix('n')).and_then(|n| n.parse().ok())
}

/// Lay out with Graphviz, or `None` when it cannot. Graphviz puts every
/// box of a rank on one row, which for five bodies under one Beirat is
/// wider than a page and shrinks the text when shown at 1000 px; so a rank
/// wider than the page is cut into rows, each pushed below the one before
/// it by an invisible edge, and laid out again.
pub fn layout(p: &Picture, sizes: &[Measured]) -> Option<Layout> {
    let first = read(p, sizes, &[])?;
    let extra = wrap_wide_ranks(&first);
    if extra.is_empty() {
        return Some(first);
    }
    read(p, sizes, &extra).or(Some(first))
}

/// Invisible edges that break ranks wider than the page into rows.
fn wrap_wide_ranks(l: &Layout) -> Vec<(usize, usize)> {
    let mut ranks: std::collections::BTreeMap<i64, Vec<usize>> = std::collections::BTreeMap::new();
    for (i, r) in l.nodes.iter().enumerate() {
        ranks.entry(((r.y + r.h / 2.0) * 10.0).round() as i64).or_default().push(i);
    }
    let mut extra = Vec::new();
    for row in ranks.values_mut() {
        row.sort_by(|a, b| {
            let (ra, rb) = (l.nodes.get(*a), l.nodes.get(*b));
            ra.map_or(0.0, |r| r.x).total_cmp(&rb.map_or(0.0, |r| r.x)).then(a.cmp(b))
        });
        let mut used = 0.0;
        let mut lead: Option<usize> = None;
        let mut prev_lead: Option<usize> = None;
        for &v in row.iter() {
            let w = l.nodes.get(v).map_or(0.0, |r| r.w) + 25.0;
            if used > 0.0 && used + w > WRAP {
                prev_lead = lead;
                lead = None;
                used = 0.0;
            }
            used += w;
            if lead.is_none() {
                lead = Some(v);
            }
            if let Some(pl) = prev_lead {
                extra.push((pl, v));
            }
        }
    }
    extra
}

fn read(p: &Picture, sizes: &[Measured], extra: &[(usize, usize)]) -> Option<Layout> {
    let plain = run(layout_dot(p, sizes, extra))?;
    let mut height = 0.0;
    let mut width = 0.0;
    let mut nodes = vec![None; p.nodes.len()];
    // Edges come back grouped differently from how they were written:
    // match each to the first unused picture edge between the same boxes.
    let mut edges: Vec<Option<Routed>> = vec![None; p.edges.len()];
    for line in plain.lines() {
        let w = words(line);
        match w.first().map(String::as_str) {
            Some("graph") => {
                width = num(w.get(2))? * 72.0;
                height = num(w.get(3))? * 72.0;
            }
            Some("node") => {
                let i = index(w.get(1))?;
                let (x, y, nw, nh) = (num(w.get(2))?, num(w.get(3))?, num(w.get(4))?, num(w.get(5))?);
                let rect =
                    Rect { x: (x - nw / 2.0) * 72.0, y: height - (y + nh / 2.0) * 72.0, w: nw * 72.0, h: nh * 72.0 };
                *nodes.get_mut(i)? = Some(rect);
            }
            Some("edge") => {
                let (from, to) = (index(w.get(1))?, index(w.get(2))?);
                let n: usize = w.get(3)?.parse().ok()?;
                let mut points = Vec::with_capacity(n);
                for k in 0..n {
                    let x = num(w.get(4 + 2 * k))?;
                    let y = num(w.get(5 + 2 * k))?;
                    points.push((x * 72.0, height - y * 72.0));
                }
                let rest = w.len().saturating_sub(4 + 2 * n);
                let label_at = if rest >= 5 {
                    let (x, y) = (num(w.get(5 + 2 * n))?, num(w.get(6 + 2 * n))?);
                    Some((x * 72.0, height - y * 72.0))
                } else {
                    None
                };
                // The invisible edges that wrap wide ranks match none.
                let Some(slot) = p
                    .edges
                    .iter()
                    .enumerate()
                    .position(|(k, e)| e.from == from && e.to == to && edges.get(k).is_some_and(Option::is_none))
                else {
                    continue;
                };
                if let Some(e) = edges.get_mut(slot) {
                    *e = Some(Routed { points, label_at });
                }
            }
            _ => {}
        }
    }
    Some(Layout {
        width,
        height,
        nodes: nodes.into_iter().collect::<Option<Vec<_>>>()?,
        edges: edges.into_iter().map(|e| e.unwrap_or(Routed { points: Vec::new(), label_at: None })).collect(),
    })
}
