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
    // A rank wider than the page becomes several ranks (in the order of
    // the file), so that edges to the boxes moved down get lanes of their
    // own below instead of running through the boxes left above.
    let mut max_rank = rank.iter().copied().max().unwrap_or(0);
    let mut r = 0;
    while r <= max_rank {
        let mut chunks: Vec<Vec<usize>> = vec![Vec::new()];
        let mut used = 0.0;
        for v in (0..n).filter(|v| rank.get(*v) == Some(&r)) {
            let w = sizes.get(v).map_or(0.0, |s| s.w);
            if used > 0.0 && used + w > PAGE {
                chunks.push(Vec::new());
                used = 0.0;
            }
            used += w + NODE_GAP;
            if let Some(c) = chunks.last_mut() {
                c.push(v);
            }
        }
        let extra = chunks.len() - 1;
        if extra > 0 {
            for x in rank.iter_mut().filter(|x| **x > r) {
                *x += extra;
            }
            for (j, chunk) in chunks.iter().enumerate() {
                for v in chunk {
                    if let Some(x) = rank.get_mut(*v) {
                        *x = r + j;
                    }
                }
            }
            max_rank += extra;
        }
        r += chunks.len();
    }
    // An edge across several ranks gets a small virtual box on each rank
    // between, so the ordering keeps a lane free for it and it runs
    // between boxes, not through them; the middle one is as wide as its
    // label, which sits there.
    let ranks = rank.iter().copied().max().map_or(0, |m| m + 1);
    let mut ext_rank = rank.clone();
    let mut ext_w: Vec<f64> = sizes.iter().map(|s| s.w).collect();
    let mut ext_h: Vec<f64> = sizes.iter().map(|s| s.h).collect();
    let mut chains: Vec<Vec<usize>> = Vec::with_capacity(p.edges.len());
    let mut segs: Vec<(usize, usize)> = Vec::new();
    for e in &p.edges {
        let (ra, rb) = (rank.get(e.from).copied().unwrap_or(0), rank.get(e.to).copied().unwrap_or(0));
        let between: Vec<usize> = if rb > ra + 1 {
            (ra + 1..rb).collect()
        } else if ra > rb + 1 {
            (rb + 1..ra).rev().collect()
        } else {
            Vec::new()
        };
        let middle = between.len() / 2;
        let mut chain = Vec::new();
        for (i, r) in between.into_iter().enumerate() {
            let w = match (&e.label, i == middle) {
                (Some(l), true) => text::width(l, FONT - 1.0, false) + 10.0,
                _ => 16.0,
            };
            ext_rank.push(r);
            ext_w.push(w);
            ext_h.push(0.0);
            chain.push(ext_w.len() - 1);
        }
        let path: Vec<usize> =
            std::iter::once(e.from).chain(chain.iter().copied()).chain(std::iter::once(e.to)).collect();
        for pair in path.windows(2) {
            if let [u, v] = pair {
                let (ru, rv) = (ext_rank.get(*u).copied().unwrap_or(0), ext_rank.get(*v).copied().unwrap_or(0));
                match ru.cmp(&rv) {
                    std::cmp::Ordering::Less => segs.push((*u, *v)),
                    std::cmp::Ordering::Greater => segs.push((*v, *u)),
                    std::cmp::Ordering::Equal => {}
                }
            }
        }
        chains.push(chain);
    }
    let total = ext_w.len();
    let mut rows: Vec<Vec<usize>> = vec![Vec::new(); ranks];
    for (v, r) in ext_rank.iter().enumerate() {
        if let Some(row) = rows.get_mut(*r) {
            row.push(v);
        }
    }
    let mut pos = vec![0.0f64; total];
    for row in &rows {
        for (i, v) in row.iter().enumerate() {
            if let Some(x) = pos.get_mut(*v) {
                *x = i as f64;
            }
        }
    }
    for sweep in 0..6 {
        let down = sweep % 2 == 0;
        let order: Vec<usize> = if down { (1..ranks).collect() } else { (0..ranks.saturating_sub(1)).rev().collect() };
        for r in order {
            let Some(row) = rows.get(r).cloned() else { continue };
            let mut keyed: Vec<(usize, f64, usize, usize)> = row
                .iter()
                .enumerate()
                .map(|(i, &v)| {
                    let neighbours: Vec<f64> = segs
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
                        pos.get(v).copied().unwrap_or(i as f64)
                    } else {
                        neighbours.iter().sum::<f64>() / neighbours.len() as f64
                    };
                    // Boxes of a cluster (a procedure) stay together, left
                    // of the boxes outside any cluster, so its frame holds
                    // only its own.
                    let cluster = p.nodes.get(v).and_then(|x| x.cluster).unwrap_or(usize::MAX);
                    (cluster, bary, i, v)
                })
                .collect();
            keyed.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)).then(a.2.cmp(&b.2)));
            let sorted: Vec<usize> = keyed.into_iter().map(|(_, _, _, v)| v).collect();
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
    // Place rows, wrapping wide ones; a virtual box spans its row's height.
    let mut rects = vec![Rect { x: 0.0, y: 0.0, w: 0.0, h: 0.0 }; total];
    // Room above for the title of a cluster frame.
    let mut y = if p.clusters.is_empty() { 0.0 } else { 28.0 };
    let mut width: f64 = 0.0;
    for row in &rows {
        let mut lines: Vec<Vec<usize>> = vec![Vec::new()];
        let mut used = 0.0;
        for &v in row {
            let w = ext_w.get(v).copied().unwrap_or(0.0);
            // Ranks were cut to the page already; only lanes widen a row
            // now, and a lane must stay on the row of its rank.
            if v < n && used > 0.0 && used + w > PAGE {
                lines.push(Vec::new());
                used = 0.0;
            }
            if v < n {
                used += w + NODE_GAP;
            }
            if let Some(l) = lines.last_mut() {
                l.push(v);
            }
        }
        for line in lines.iter().filter(|l| !l.is_empty()) {
            let line_w: f64 = line.iter().map(|&v| ext_w.get(v).copied().unwrap_or(0.0)).sum::<f64>()
                + NODE_GAP * (line.len().saturating_sub(1)) as f64;
            let tallest = line.iter().map(|&v| ext_h.get(v).copied().unwrap_or(0.0)).fold(0.0, f64::max);
            let mut x = ((PAGE - line_w) / 2.0).max(0.0);
            for &v in line {
                let w = ext_w.get(v).copied().unwrap_or(0.0);
                let h = if v < n { ext_h.get(v).copied().unwrap_or(0.0) } else { tallest };
                if let Some(r) = rects.get_mut(v) {
                    *r = Rect { x, y, w, h };
                }
                x += w + NODE_GAP;
            }
            width = width.max(x - NODE_GAP).max(line_w);
            y += tallest + RANK_GAP;
        }
    }
    // Spread the ends of the edges at a box along its side, in the order
    // of the boxes at their other ends, so curves and labels do not start
    // from one point.
    let centre = |v: usize| rects.get(v).map_or(0.0, |r| r.x + r.w / 2.0);
    let first_hop = |k: usize, e: &super::Edge| chains.get(k).and_then(|c| c.first()).copied().unwrap_or(e.to);
    let last_hop = |k: usize, e: &super::Edge| chains.get(k).and_then(|c| c.last()).copied().unwrap_or(e.from);
    let mut port = vec![(0.5f64, 0.5f64); p.edges.len()];
    for v in 0..n {
        for outgoing in [true, false] {
            let mut ends: Vec<(f64, usize)> = p
                .edges
                .iter()
                .enumerate()
                .filter(|(_, e)| if outgoing { e.from == v } else { e.to == v })
                .map(|(k, e)| (centre(if outgoing { first_hop(k, e) } else { last_hop(k, e) }), k))
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
        .enumerate()
        .zip(&port)
        .map(|((k, e), &(pa, pb))| {
            let chain = chains.get(k).map(Vec::as_slice).unwrap_or_default();
            let path: Vec<usize> =
                std::iter::once(e.from).chain(chain.iter().copied()).chain(std::iter::once(e.to)).collect();
            let mut points: Vec<(f64, f64)> = Vec::new();
            for (i, pair) in path.windows(2).enumerate() {
                let [u, v] = pair else { continue };
                let (Some(ru), Some(rv)) = (rects.get(*u), rects.get(*v)) else { continue };
                let pu = if i == 0 { pa } else { 0.5 };
                let pv = if i + 2 == path.len() { pb } else { 0.5 };
                let [p0, c1, c2, p3] = hop(ru, rv, pu, pv);
                if points.is_empty() {
                    points.push(p0);
                } else if let Some(&last) = points.last() {
                    // Straight through the virtual box.
                    points.extend([last, p0, p0]);
                }
                points.extend([c1, c2, p3]);
            }
            let label_at = e.label.as_ref().and_then(|_| match chain.get(chain.len() / 2) {
                Some(&d) => rects.get(d).map(|r| (r.x + r.w / 2.0, r.y + r.h / 2.0)),
                None => {
                    let (a, b) = (rects.get(e.from)?, rects.get(e.to)?);
                    route(a, b, pa, pb, true).label_at
                }
            });
            Routed { points, label_at }
        })
        .collect();
    rects.truncate(n);
    Layout { width: width.max(200.0), height: (y - RANK_GAP).max(0.0), nodes: rects, edges }
}

/// The end points and control points of a curve from box `a` to box `b`:
/// bottom to top when `b` is lower, top to bottom when it is higher, side
/// to side on one row. `pa` and `pb` place the ends along the sides.
fn hop(a: &Rect, b: &Rect, pa: f64, pb: f64) -> [(f64, f64); 4] {
    let (ax, bx) = (a.x + a.w * pa, b.x + b.w * pb);
    if b.y > a.y + a.h {
        let p0 = (ax, a.y + a.h);
        let p3 = (bx, b.y);
        let d = (p3.1 - p0.1) / 2.0;
        [p0, (p0.0, p0.1 + d), (p3.0, p3.1 - d), p3]
    } else if a.y > b.y + b.h {
        let p0 = (ax, a.y);
        let p3 = (bx, b.y + b.h);
        let d = (p0.1 - p3.1) / 2.0;
        [p0, (p0.0, p0.1 - d), (p3.0, p3.1 + d), p3]
    } else {
        let (sx, ex) = if bx > ax { (a.x + a.w, b.x) } else { (a.x, b.x + b.w) };
        let p0 = (sx, a.y + a.h / 2.0);
        let p3 = (ex, b.y + b.h / 2.0);
        let d = (p3.0 - p0.0) / 2.0;
        [p0, (p0.0 + d, p0.1), (p3.0 - d, p3.1), p3]
    }
}

/// A curve from one box to another, its label at two thirds of the way,
/// nearer the target, where edges from one box have parted.
fn route(a: &Rect, b: &Rect, pa: f64, pb: f64, labelled: bool) -> Routed {
    let [p0, c1, c2, p3] = hop(a, b, pa, pb);
    let (t, u) = (2.0 / 3.0, 1.0 / 3.0);
    let bez =
        |a: f64, b: f64, c: f64, d: f64| u * u * u * a + 3.0 * u * u * t * b + 3.0 * u * t * t * c + t * t * t * d;
    let mid = (bez(p0.0, c1.0, c2.0, p3.0), bez(p0.1, c1.1, c2.1, p3.1));
    Routed { points: vec![p0, c1, c2, p3], label_at: labelled.then_some(mid) }
}
