//! Where boxes and edges go: the size of each box from its text, and a
//! layout from Graphviz (`graphviz.rs`) or, without it, from the built-in
//! layered layout here.
//!
//! In: a picture. Out: each box's rectangle and each edge's path (cubic
//! Bézier pieces) and label position, in pixels, top-left origin.

use super::text::{self, FONT};
use super::{Picture, Row, Style};

/// Which layout engine to use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LayoutEngine {
    /// Graphviz `dot` when installed, else built-in.
    Auto,
    /// Graphviz `dot` (falls back to built-in when it is missing or fails).
    Dot,
    /// The built-in layered layout.
    Builtin,
}

pub const PAD: f64 = 8.0;
pub const LINE: f64 = 15.0;
pub const TITLE_LINE: f64 = 16.0;
pub const BAR_LINE: f64 = 15.0;
/// Width of a bar chart's longest bar.
pub const BAR_MAX: f64 = 90.0;
pub const BAR_LABEL: f64 = 34.0;

/// What one drawn line of a box is.
#[derive(Debug, Clone, PartialEq)]
pub enum Drawn {
    Title(String),
    Text(String),
    Note(String),
    Heading(String),
    Mark(String),
    Figure(String),
    Bar { label: String, fraction: f64, text: String },
}

/// A box with its size and its lines, top to bottom.
#[derive(Debug, Clone, PartialEq)]
pub struct Measured {
    pub w: f64,
    pub h: f64,
    pub lines: Vec<Drawn>,
}

/// The widest a box grows before its text wraps.
fn max_width(style: Style) -> f64 {
    match style {
        Style::Duties => 330.0,
        Style::Body => 270.0,
        Style::Money => 280.0,
        _ => 230.0,
    }
}

fn row_width(row: &Row) -> f64 {
    match row {
        Row::Text(t) | Row::Mark(t) => text::width(t, FONT, false),
        Row::Note(t) => text::width(t, FONT - 1.0, false),
        Row::Heading(t) => text::width(t, FONT, true),
        Row::Figure(t) => text::width(t, FONT + 2.0, true),
        Row::Bars(bars) => {
            BAR_LABEL + BAR_MAX + 6.0 + bars.iter().map(|b| text::width(&b.text, FONT - 1.0, false)).fold(0.0, f64::max)
        }
    }
}

/// Size a box: as wide as its longest line up to its style's limit, its
/// text wrapped at word boundaries to fit.
pub fn measure(node: &super::Node) -> Measured {
    let limit = max_width(node.style);
    let natural = node
        .rows
        .iter()
        .map(row_width)
        .chain(std::iter::once(text::width(&node.title, FONT + 1.0, true)))
        .fold(120.0, f64::max);
    let w = (natural + 2.0 * PAD).min(limit);
    let inner = w - 2.0 * PAD;
    let mut lines = Vec::new();
    for l in text::wrap(&node.title, inner, FONT + 1.0, true) {
        lines.push(Drawn::Title(l));
    }
    for row in &node.rows {
        match row {
            Row::Text(t) => lines.extend(text::wrap(t, inner, FONT, false).into_iter().map(Drawn::Text)),
            Row::Note(t) => lines.extend(text::wrap(t, inner, FONT - 1.0, false).into_iter().map(Drawn::Note)),
            Row::Heading(t) => lines.extend(text::wrap(t, inner, FONT, true).into_iter().map(Drawn::Heading)),
            Row::Mark(t) => lines.extend(text::wrap(t, inner - 6.0, FONT, false).into_iter().map(Drawn::Mark)),
            Row::Figure(t) => lines.extend(text::wrap(t, inner, FONT + 2.0, true).into_iter().map(Drawn::Figure)),
            Row::Bars(bars) => {
                let top = bars.iter().map(|b| b.value).fold(0.0, f64::max);
                for b in bars {
                    let fraction = if top > 0.0 { b.value / top } else { 0.0 };
                    lines.push(Drawn::Bar { label: b.label.clone(), fraction, text: b.text.clone() });
                }
            }
        }
    }
    let h = 2.0 * PAD + lines.iter().map(line_height).sum::<f64>();
    let w = w.max(
        lines
            .iter()
            .map(|l| match l {
                // A single word wider than the box widens the box: it is
                // never cut.
                Drawn::Text(t) | Drawn::Mark(t) => text::width(t, FONT, false) + 2.0 * PAD,
                Drawn::Title(t) => text::width(t, FONT + 1.0, true) + 2.0 * PAD,
                _ => 0.0,
            })
            .fold(0.0, f64::max),
    );
    Measured { w: w.ceil(), h: h.ceil(), lines }
}

pub fn line_height(l: &Drawn) -> f64 {
    match l {
        Drawn::Title(_) => TITLE_LINE,
        Drawn::Figure(_) => LINE + 4.0,
        Drawn::Heading(_) => LINE + 3.0,
        Drawn::Bar { .. } => BAR_LINE,
        _ => LINE,
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

/// An edge's path: a start point followed by cubic Bézier pieces (three
/// points each), and where its label goes.
#[derive(Debug, Clone, PartialEq)]
pub struct Routed {
    pub points: Vec<(f64, f64)>,
    pub label_at: Option<(f64, f64)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    pub width: f64,
    pub height: f64,
    pub nodes: Vec<Rect>,
    pub edges: Vec<Routed>,
}

/// Lay out a picture whose boxes have the sizes `sizes`.
pub fn layout(p: &Picture, sizes: &[Measured], engine: LayoutEngine) -> Layout {
    if engine != LayoutEngine::Builtin {
        if let Some(l) = super::graphviz::layout(p, sizes) {
            return l;
        }
    }
    builtin(p, sizes)
}

const RANK_GAP: f64 = 70.0;
const NODE_GAP: f64 = 30.0;
/// Rows wider than this wrap onto a further row, so a view stays readable
/// at 1000 px.
pub const PAGE: f64 = 960.0;

/// The built-in layered layout: ranks by longest path (edges that close a
/// cycle ignored), order in a rank by barycentres, wide ranks wrapped.
pub fn builtin(p: &Picture, sizes: &[Measured]) -> Layout {
    let n = p.nodes.len();
    // Edges that keep the order: drop those closing a cycle (DFS).
    let mut forward: Vec<(usize, usize)> = Vec::new();
    let mut state = vec![0u8; n];
    let mut adj: Vec<Vec<usize>> = vec![Vec::new(); n];
    for e in &p.edges {
        if let Some(a) = adj.get_mut(e.from) {
            a.push(e.to);
        }
    }
    for start in 0..n {
        if state.get(start).copied() != Some(0) {
            continue;
        }
        let mut stack = vec![(start, 0usize)];
        if let Some(s) = state.get_mut(start) {
            *s = 1;
        }
        while let Some((v, i)) = stack.pop() {
            let next = adj.get(v).and_then(|a| a.get(i)).copied();
            match next {
                Some(w) => {
                    stack.push((v, i + 1));
                    match state.get(w).copied() {
                        Some(0) => {
                            forward.push((v, w));
                            if let Some(s) = state.get_mut(w) {
                                *s = 1;
                            }
                            stack.push((w, 0));
                        }
                        Some(2) => forward.push((v, w)),
                        _ => {}
                    }
                }
                None => {
                    if let Some(s) = state.get_mut(v) {
                        *s = 2;
                    }
                }
            }
        }
    }
    // Longest path ranks (at most n passes).
    let mut rank = vec![0usize; n];
    for _ in 0..n {
        let mut changed = false;
        for &(a, b) in &forward {
            let ra = rank.get(a).copied().unwrap_or(0);
            if let Some(rb) = rank.get_mut(b) {
                if *rb < ra + 1 {
                    *rb = ra + 1;
                    changed = true;
                }
            }
        }
        if !changed {
            break;
        }
    }
    // Clusters keep their boxes together: order by cluster first.
    let ranks = rank.iter().copied().max().map_or(0, |m| m + 1);
    let mut rows: Vec<Vec<usize>> = vec![Vec::new(); ranks];
    for (v, r) in rank.iter().enumerate() {
        if let Some(row) = rows.get_mut(*r) {
            row.push(v);
        }
    }
    let mut pos = vec![0.0f64; n];
    for row in &rows {
        for (i, v) in row.iter().enumerate() {
            if let Some(x) = pos.get_mut(*v) {
                *x = i as f64;
            }
        }
    }
    for sweep in 0..4 {
        let down = sweep % 2 == 0;
        let order: Vec<usize> = if down { (1..ranks).collect() } else { (0..ranks.saturating_sub(1)).rev().collect() };
        for r in order {
            let Some(row) = rows.get(r).cloned() else { continue };
            let mut keyed: Vec<(f64, usize, usize)> = row
                .iter()
                .enumerate()
                .map(|(i, &v)| {
                    let neighbours: Vec<f64> = forward
                        .iter()
                        .filter_map(|&(a, b)| {
                            if down && b == v {
                                pos.get(a).copied()
                            } else if !down && a == v {
                                pos.get(b).copied()
                            } else {
                                None
                            }
                        })
                        .collect();
                    let bary = if neighbours.is_empty() {
                        i as f64
                    } else {
                        neighbours.iter().sum::<f64>() / neighbours.len() as f64
                    };
                    let cluster = p.nodes.get(v).and_then(|x| x.cluster).unwrap_or(usize::MAX);
                    (bary + cluster as f64 * 0.0, i, v)
                })
                .collect();
            keyed.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
            let sorted: Vec<usize> = keyed.into_iter().map(|(_, _, v)| v).collect();
            for (i, v) in sorted.iter().enumerate() {
                if let Some(x) = pos.get_mut(*v) {
                    *x = i as f64;
                }
            }
            if let Some(slot) = rows.get_mut(r) {
                *slot = sorted;
            }
        }
    }
    // Place rows, wrapping wide ones.
    let mut rects = vec![Rect { x: 0.0, y: 0.0, w: 0.0, h: 0.0 }; n];
    let mut y = 0.0;
    let mut width: f64 = 0.0;
    for row in &rows {
        let mut lines: Vec<Vec<usize>> = vec![Vec::new()];
        let mut used = 0.0;
        for &v in row {
            let w = sizes.get(v).map_or(0.0, |s| s.w);
            if used > 0.0 && used + w > PAGE {
                lines.push(Vec::new());
                used = 0.0;
            }
            used += w + NODE_GAP;
            if let Some(l) = lines.last_mut() {
                l.push(v);
            }
        }
        for line in lines.iter().filter(|l| !l.is_empty()) {
            let total: f64 = line.iter().map(|&v| sizes.get(v).map_or(0.0, |s| s.w)).sum::<f64>()
                + NODE_GAP * (line.len().saturating_sub(1)) as f64;
            let tallest = line.iter().map(|&v| sizes.get(v).map_or(0.0, |s| s.h)).fold(0.0, f64::max);
            let mut x = ((PAGE - total) / 2.0).max(0.0);
            for &v in line {
                let s = sizes.get(v);
                let (w, h) = s.map_or((0.0, 0.0), |s| (s.w, s.h));
                if let Some(r) = rects.get_mut(v) {
                    *r = Rect { x, y, w, h };
                }
                x += w + NODE_GAP;
            }
            width = width.max(x - NODE_GAP).max(total);
            y += tallest + RANK_GAP;
        }
    }
    // Spread the ends of the edges at a box along its side, in the order
    // of the boxes at their other ends, so curves and labels do not start
    // from one point.
    let centre = |v: usize| rects.get(v).map_or(0.0, |r| r.x + r.w / 2.0);
    let mut port = vec![(0.5f64, 0.5f64); p.edges.len()];
    for v in 0..n {
        for outgoing in [true, false] {
            let mut ends: Vec<(f64, usize)> = p
                .edges
                .iter()
                .enumerate()
                .filter(|(_, e)| if outgoing { e.from == v } else { e.to == v })
                .map(|(k, e)| (centre(if outgoing { e.to } else { e.from }), k))
                .collect();
            ends.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
            let count = ends.len() as f64;
            for (i, (_, k)) in ends.iter().enumerate() {
                let at = (i as f64 + 1.0) / (count + 1.0);
                if let Some(slot) = port.get_mut(*k) {
                    if outgoing {
                        slot.0 = at;
                    } else {
                        slot.1 = at;
                    }
                }
            }
        }
    }
    let edges = p
        .edges
        .iter()
        .zip(&port)
        .map(|(e, &(pa, pb))| {
            let (Some(a), Some(b)) = (rects.get(e.from), rects.get(e.to)) else {
                return Routed { points: Vec::new(), label_at: None };
            };
            route(a, b, pa, pb, e.label.is_some())
        })
        .collect();
    Layout { width: width.max(PAGE.min(width.max(200.0))), height: (y - RANK_GAP).max(0.0), nodes: rects, edges }
}

/// A curve from one box to another: bottom to top when the target is
/// lower, top to bottom when it is higher, side to side on one row.
fn route(a: &Rect, b: &Rect, pa: f64, pb: f64, labelled: bool) -> Routed {
    let (ax, bx) = (a.x + a.w * pa, b.x + b.w * pb);
    let (p0, p3, c1, c2) = if b.y > a.y + a.h {
        let p0 = (ax, a.y + a.h);
        let p3 = (bx, b.y);
        let d = (p3.1 - p0.1) / 2.0;
        (p0, p3, (p0.0, p0.1 + d), (p3.0, p3.1 - d))
    } else if a.y > b.y + b.h {
        let p0 = (ax, a.y);
        let p3 = (bx, b.y + b.h);
        let d = (p0.1 - p3.1) / 2.0;
        (p0, p3, (p0.0, p0.1 - d), (p3.0, p3.1 + d))
    } else {
        let (sx, ex) = if bx > ax { (a.x + a.w, b.x) } else { (a.x, b.x + b.w) };
        let p0 = (sx, a.y + a.h / 2.0);
        let p3 = (ex, b.y + b.h / 2.0);
        let d = (p3.0 - p0.0) / 2.0;
        (p0, p3, (p0.0 + d, p0.1), (p3.0 - d, p3.1))
    };
    // The point at t = 2/3 of the cubic, nearer the target, where edges
    // from one box have parted.
    let (t, u) = (2.0 / 3.0, 1.0 / 3.0);
    let bez =
        |a: f64, b: f64, c: f64, d: f64| u * u * u * a + 3.0 * u * u * t * b + 3.0 * u * t * t * c + t * t * t * d;
    let mid = (bez(p0.0, c1.0, c2.0, p3.0), bez(p0.1, c1.1, c2.1, p3.1));
    Routed { points: vec![p0, c1, c2, p3], label_at: labelled.then_some(mid) }
}
