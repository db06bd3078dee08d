//! A picture drawn as SVG.
//!
//! In: a picture and the layout engine wanted. Out: one SVG document: a
//! title, clusters as shaded frames, edges as curves with arrowheads and
//! their labels on a white halo, boxes with their wrapped text, marks and
//! bar charts. All numbers are written with one decimal, so the text is
//! identical between runs.

use super::layout::{self, Drawn, LayoutEngine, Measured, BAR_LABEL, BAR_MAX, PAD};
use super::text::{xml, FONT};
use super::{Line, Picture, Style};
use std::fmt::Write;

const MARGIN: f64 = 16.0;
const HEADER: f64 = 34.0;

fn colours(style: Style) -> (&'static str, &'static str) {
    match style {
        Style::Body => ("#eaf2fb", "#2b6cb0"),
        Style::Party => ("#f4f4f4", "#666666"),
        Style::Institution => ("#eef7ee", "#2f855a"),
        Style::Money => ("#fff8e6", "#b7791f"),
        Style::Key => ("#fdf6ec", "#a0703a"),
        Style::Step => ("#ffffff", "#4a5568"),
        Style::Gate => ("#fdecea", "#c53030"),
        Style::Consult => ("#f7fafc", "#718096"),
        Style::Duties => ("#ffffff", "#4a5568"),
        Style::Note => ("#ffffff", "#a0aec0"),
    }
}

fn line_look(line: Line) -> (&'static str, &'static str, &'static str) {
    // colour, width, dash
    match line {
        Line::Plain => ("#4a5568", "1.3", ""),
        Line::Consent => ("#c53030", "2.6", ""),
        Line::Consult => ("#718096", "1.3", "6,4"),
        Line::Money => ("#b7791f", "2.2", ""),
        Line::Structure => ("#a0aec0", "1", "3,3"),
    }
}

fn marker_id(line: Line) -> &'static str {
    match line {
        Line::Plain => "a-plain",
        Line::Consent => "a-consent",
        Line::Consult => "a-consult",
        Line::Money => "a-money",
        Line::Structure => "a-structure",
    }
}

/// Draw a picture.
pub fn svg(p: &Picture, engine: LayoutEngine) -> String {
    let sizes: Vec<Measured> = p.nodes.iter().map(layout::measure).collect();
    let l = layout::layout(p, &sizes, engine);
    // The title wraps to the drawing's width (at least 480 px): a long
    // agreement title must not widen the picture and shrink its text.
    let title = super::text::wrap(&p.title, l.width.max(480.0), 15.0, true);
    let header = HEADER + 19.0 * (title.len().max(1) - 1) as f64;
    let title_w = title.iter().map(|t| super::text::width(t, 15.0, true)).fold(0.0, f64::max);
    // Cluster frames: around their boxes, and wide enough for their title.
    let frames: Vec<Option<(f64, f64, f64, f64)>> = (0..p.clusters.len())
        .map(|ci| {
            let members: Vec<&layout::Rect> =
                p.nodes.iter().zip(&l.nodes).filter(|(n, _)| n.cluster == Some(ci)).map(|(_, r)| r).collect();
            if members.is_empty() {
                return None;
            }
            let name = p.clusters.get(ci).map_or(0.0, |c| super::text::width(&c.title, FONT, true));
            let x0 = members.iter().map(|r| r.x).fold(f64::MAX, f64::min) - 10.0;
            let y0 = members.iter().map(|r| r.y).fold(f64::MAX, f64::min) - 26.0;
            let x1 = (members.iter().map(|r| r.x + r.w).fold(f64::MIN, f64::max) + 10.0).max(x0 + name + 16.0);
            let y1 = members.iter().map(|r| r.y + r.h).fold(f64::MIN, f64::max) + 10.0;
            Some((x0, y0, x1, y1))
        })
        .collect();
    let right = frames.iter().flatten().map(|f| f.2).fold(l.width, f64::max);
    let width = (right + 2.0 * MARGIN).max(title_w + 2.0 * MARGIN).ceil();
    let height = (l.height + 2.0 * MARGIN + header).ceil();
    let (ox, oy) = (MARGIN, MARGIN + header);
    let mut s = String::new();
    let _ = writeln!(
        s,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width:.0}\" height=\"{height:.0}\" viewBox=\"0 0 {width:.0} {height:.0}\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"{FONT}\">"
    );
    let _ = writeln!(s, "<title>{}</title>", xml(&p.title));
    s.push_str("<defs>\n");
    for line in [Line::Plain, Line::Consent, Line::Consult, Line::Money, Line::Structure] {
        let (c, _, _) = line_look(line);
        let _ = writeln!(
            s,
            "<marker id=\"{}\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerUnits=\"userSpaceOnUse\" markerWidth=\"10\" markerHeight=\"10\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"{c}\"/></marker>",
            marker_id(line)
        );
    }
    s.push_str("</defs>\n");
    let _ = writeln!(s, "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>");
    for (i, t) in title.iter().enumerate() {
        let _ = writeln!(
            s,
            "<text class=\"title\" x=\"{MARGIN}\" y=\"{:.1}\" font-size=\"15\" font-weight=\"bold\">{}</text>",
            MARGIN + 12.0 + 19.0 * i as f64,
            xml(t)
        );
    }
    // Clusters: a frame around their boxes, the title above.
    for (c, frame) in p.clusters.iter().zip(&frames) {
        let Some((x0, y0, x1, y1)) = *frame else { continue };
        let _ = writeln!(
            s,
            "<g class=\"cluster\"><rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" rx=\"6\" fill=\"#f7f9fc\" stroke=\"#cbd5e0\"/><text x=\"{:.1}\" y=\"{:.1}\" font-weight=\"bold\" fill=\"#2d3748\">{}</text></g>",
            ox + x0,
            oy + y0,
            x1 - x0,
            y1 - y0,
            ox + x0 + 8.0,
            oy + y0 + 17.0,
            xml(&c.title)
        );
    }
    // Edges, under the boxes.
    for (e, r) in p.edges.iter().zip(&l.edges) {
        let Some(first) = r.points.first() else { continue };
        let (c, w, dash) = line_look(e.line);
        let mut d = format!("M{:.1},{:.1}", ox + first.0, oy + first.1);
        for chunk in r.points.get(1..).unwrap_or_default().chunks(3) {
            if let [a, b, z] = chunk {
                let _ = write!(
                    d,
                    " C{:.1},{:.1} {:.1},{:.1} {:.1},{:.1}",
                    ox + a.0,
                    oy + a.1,
                    ox + b.0,
                    oy + b.1,
                    ox + z.0,
                    oy + z.1
                );
            }
        }
        let dash = if dash.is_empty() { String::new() } else { format!(" stroke-dasharray=\"{dash}\"") };
        let start = if e.both { format!(" marker-start=\"url(#{})\"", marker_id(e.line)) } else { String::new() };
        let _ = writeln!(
            s,
            "<path class=\"edge\" d=\"{d}\" fill=\"none\" stroke=\"{c}\" stroke-width=\"{w}\"{dash} marker-end=\"url(#{})\"{start}/>",
            marker_id(e.line)
        );
    }
    for (e, r) in p.edges.iter().zip(&l.edges) {
        if let (Some(label), Some((x, y))) = (&e.label, r.label_at) {
            let (c, _, _) = line_look(e.line);
            let colour = if e.line == Line::Structure { "#4a5568" } else { c };
            let _ = writeln!(
                s,
                "<text class=\"edge-label\" x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" font-size=\"11\" fill=\"{colour}\" stroke=\"#ffffff\" stroke-width=\"4\" paint-order=\"stroke\">{}</text>",
                ox + x,
                oy + y + 4.0,
                xml(label)
            );
        }
    }
    // Boxes.
    for ((n, m), r) in p.nodes.iter().zip(&sizes).zip(&l.nodes) {
        let (fill, stroke) = colours(n.style);
        let (x, y) = (ox + r.x, oy + r.y);
        let (bw, sw, dash) = match n.style {
            Style::Gate => (r.w, "2.5", ""),
            Style::Consult => (r.w, "1.3", " stroke-dasharray=\"6,4\""),
            Style::Body | Style::Money => (r.w, "1.6", ""),
            _ => (r.w, "1", ""),
        };
        let _ = writeln!(s, "<g class=\"node {}\" id=\"{}\">", style_name(n.style), xml(&n.id));
        let _ = writeln!(
            s,
            "<rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{bw:.1}\" height=\"{:.1}\" rx=\"5\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"{sw}\"{dash}/>",
            r.h
        );
        if n.style == Style::Gate {
            let _ = writeln!(
                s,
                "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" rx=\"3\" fill=\"none\" stroke=\"{stroke}\" stroke-width=\"1\"/>",
                x + 3.0,
                y + 3.0,
                bw - 6.0,
                r.h - 6.0
            );
        }
        draw_lines(&mut s, m, x, y, r.w, stroke);
        s.push_str("</g>\n");
    }
    s.push_str("</svg>\n");
    s
}

fn style_name(style: Style) -> &'static str {
    match style {
        Style::Body => "body",
        Style::Party => "party",
        Style::Institution => "institution",
        Style::Money => "money",
        Style::Key => "key",
        Style::Step => "step",
        Style::Gate => "gate",
        Style::Consult => "consult",
        Style::Duties => "duties",
        Style::Note => "note",
    }
}

fn draw_lines(s: &mut String, m: &Measured, x: f64, y: f64, w: f64, stroke: &str) {
    let mut cy = y + PAD;
    let tx = x + PAD;
    for line in &m.lines {
        let h = layout::line_height(line);
        let base = cy + h - 4.0;
        match line {
            Drawn::Title(t) => {
                let _ = writeln!(
                    s,
                    "<text x=\"{tx:.1}\" y=\"{base:.1}\" font-size=\"13\" font-weight=\"bold\">{}</text>",
                    xml(t)
                );
            }
            Drawn::Text(t) => {
                let _ = writeln!(s, "<text x=\"{tx:.1}\" y=\"{base:.1}\">{}</text>", xml(t));
            }
            Drawn::Note(t) => {
                let _ = writeln!(
                    s,
                    "<text x=\"{tx:.1}\" y=\"{base:.1}\" font-size=\"11\" fill=\"#555555\">{}</text>",
                    xml(t)
                );
            }
            Drawn::Heading(t) => {
                let _ = writeln!(
                    s,
                    "<text x=\"{tx:.1}\" y=\"{base:.1}\" font-weight=\"bold\" fill=\"{stroke}\">{}</text>",
                    xml(t)
                );
            }
            Drawn::Figure(t) => {
                let _ = writeln!(s, "<text class=\"figure\" x=\"{tx:.1}\" y=\"{base:.1}\" font-size=\"14\" font-weight=\"bold\">{}</text>", xml(t));
            }
            Drawn::Mark(t) => {
                let _ = writeln!(
                    s,
                    "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"#fefcbf\"/><text class=\"mark\" x=\"{:.1}\" y=\"{base:.1}\" fill=\"#744210\">{}</text>",
                    tx - 2.0,
                    cy,
                    w - 2.0 * PAD + 4.0,
                    h,
                    tx + 2.0,
                    xml(t)
                );
            }
            Drawn::Bar { label, fraction, text } => {
                let bar = (BAR_MAX * fraction).max(1.0);
                let _ = writeln!(
                    s,
                    "<g class=\"bar\"><text x=\"{tx:.1}\" y=\"{base:.1}\" font-size=\"11\">{}</text><rect x=\"{:.1}\" y=\"{:.1}\" width=\"{bar:.1}\" height=\"10\" fill=\"#d69e2e\"/><text x=\"{:.1}\" y=\"{base:.1}\" font-size=\"11\" fill=\"#555555\">{}</text></g>",
                    xml(label),
                    tx + BAR_LABEL,
                    cy + 3.0,
                    tx + BAR_LABEL + bar + 5.0,
                    xml(text)
                );
            }
        }
        cy += h;
    }
}
