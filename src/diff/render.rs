//! The diff report in four formats: text (coloured on a terminal), Markdown
//! for a merge-request comment, one self-contained HTML file with a summary,
//! the changes by section and a Synopse, and JSON.

use super::classify::{Effect, Weight};
use super::words::{self, Op, Segment};
use super::{Change, ChangeKind, Report};
use crate::span::{LineIndex, Span};
use serde_json::{json, Value};
use std::fmt::Write as _;

const WEIGHTS: [Weight; 3] = [Weight::Major, Weight::Minor, Weight::Editorial];

fn sign(kind: ChangeKind) -> &'static str {
    match kind {
        ChangeKind::Added => "+",
        ChangeKind::Removed => "-",
        ChangeKind::Changed => "~",
        ChangeKind::Continued => ">",
        ChangeKind::Renamed => "=",
    }
}

fn verb(kind: ChangeKind) -> &'static str {
    match kind {
        ChangeKind::Added => "added",
        ChangeKind::Removed => "removed",
        ChangeKind::Changed => "changed",
        ChangeKind::Continued => "continued",
        ChangeKind::Renamed => "renamed",
    }
}

/// The section a change is grouped under.
fn section(c: &Change) -> String {
    match &c.section {
        Some(s) => format!("Section {s}"),
        None => "Without section".to_string(),
    }
}

fn what(c: &Change) -> String {
    match c.field {
        Some(f) => format!("{} `{}`: {f}", c.element, c.id),
        None => format!("{} `{}`", c.element, c.id),
    }
}

fn summary_line(r: &Report) -> String {
    if r.is_equivalent() {
        return "no changes in substance".to_string();
    }
    let n = r.changes.len();
    format!(
        "{n} change{}: {} major, {} minor, {} editorial",
        if n == 1 { "" } else { "s" },
        r.count(Weight::Major),
        r.count(Weight::Minor),
        r.count(Weight::Editorial)
    )
}

fn shorten(s: &str, max: usize) -> String {
    let one_line = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= max {
        one_line
    } else {
        format!("{}…", one_line.chars().take(max.saturating_sub(1)).collect::<String>())
    }
}

// ------------------------------------------------------------ text

/// Plain text; ANSI colours when `color`.
pub fn text(r: &Report, color: bool) -> String {
    // Text from the agreements is escaped before it is painted, so that only
    // pakt's own colours reach the terminal.
    let paint = |code: &str, s: &str| {
        let s = crate::escape::visible(s);
        if color {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.into_owned()
        }
    };
    let v = |s: &str| crate::escape::visible(s).into_owned();
    let mut out = format!("pakt diff {} {}\n{}\n", v(&r.old_path), v(&r.new_path), summary_line(r));
    let mut last = String::new();
    for c in &r.changes {
        let sec = section(c);
        if sec != last {
            let _ = write!(out, "\n{}\n", paint("1", &sec));
            last = sec;
        }
        let colour = match c.kind {
            ChangeKind::Added => "32",
            ChangeKind::Removed => "31",
            _ => "33",
        };
        let _ = writeln!(
            out,
            "{} {} {}  [{}, {}: {}]",
            paint(colour, sign(c.kind)),
            v(&what(c)),
            verb(c.kind),
            c.effect.name(),
            c.weight.name(),
            c.rule
        );
        match (&c.words, &c.old, &c.new) {
            (Some(w), _, _) => {
                let rendered: String = w
                    .iter()
                    .map(|s| match s.op {
                        Op::Equal => v(&s.text),
                        Op::Delete => paint("31", &format!("[-{}-]", s.text)),
                        Op::Insert => paint("32", &format!("{{+{}+}}", s.text)),
                    })
                    .collect();
                let _ = writeln!(out, "    {rendered}");
            }
            (None, Some(o), Some(n)) => {
                let _ = writeln!(out, "    {} → {}", paint("31", o), paint("32", n));
            }
            (None, Some(o), None) => {
                let _ = writeln!(out, "    was: {}", paint("31", &shorten(o, 100)));
            }
            (None, None, Some(n)) => {
                let _ = writeln!(out, "    now: {}", paint("32", &shorten(n, 100)));
            }
            (None, None, None) => {}
        }
        for e in &c.evidence {
            let _ = writeln!(out, "      · {}", v(&shorten(e, 100)));
        }
    }
    crate::escape::no_workflow_commands(out)
}

// ------------------------------------------------------------ Markdown

/// Text in a Markdown table cell: no raw HTML (a `<script>` or `<img>` in
/// a wording stays text), no line break (it would end the table row), no
/// `|` (it would end the cell), no hidden characters.
fn md_cell(s: &str) -> String {
    crate::escape::visible(s)
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('|', "\\|")
        .replace("\r\n", " ")
        .replace(['\n', '\r'], " ")
}

/// Text in a Markdown code span (a path): no backtick, no line break.
fn md_code(s: &str) -> String {
    crate::escape::inline(s).replace('`', "'")
}

/// One side of a word diff in Markdown: deletions struck through on the
/// old side, insertions bold on the new side. White space stays outside
/// the markers, or Markdown would not render them.
fn md_side(segments: &[Segment], keep: Op) -> String {
    segments
        .iter()
        .filter(|s| s.op == Op::Equal || s.op == keep)
        .map(|s| {
            let cell = md_cell(&s.text);
            if s.op == Op::Equal || cell.trim().is_empty() {
                return cell;
            }
            let lead = &cell[..cell.len() - cell.trim_start().len()];
            let trail = &cell[cell.trim_end().len()..];
            let mark = if keep == Op::Delete { "~~" } else { "**" };
            format!("{lead}{mark}{}{mark}{trail}", cell.trim())
        })
        .collect()
}

/// Markdown for a merge-request comment.
pub fn markdown(r: &Report) -> String {
    let mut out =
        format!("### pakt diff: `{}` → `{}`\n\n**{}**\n", md_code(&r.old_path), md_code(&r.new_path), summary_line(r));
    if r.is_equivalent() {
        return out;
    }
    out.push_str("\n| Weight | Strengthening | Weakening | Neutral |\n|---|---|---|---|\n");
    for w in WEIGHTS {
        let n = |e: Effect| r.changes.iter().filter(|c| c.weight == w && c.effect == e).count();
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |",
            w.name(),
            n(Effect::Strengthening),
            n(Effect::Weakening),
            n(Effect::Neutral)
        );
    }
    let mut last = String::new();
    for c in &r.changes {
        let sec = section(c);
        if sec != last {
            let _ =
                write!(out, "\n#### {}\n\n| | Change | Old | New | Effect |\n|---|---|---|---|---|\n", md_cell(&sec));
            last = sec;
        }
        let (old, new) = match &c.words {
            Some(w) => (md_side(w, Op::Delete), md_side(w, Op::Insert)),
            None => (
                c.old.as_deref().map(|s| md_cell(&shorten(s, 120))).unwrap_or_default(),
                c.new.as_deref().map(|s| md_cell(&shorten(s, 120))).unwrap_or_default(),
            ),
        };
        let _ = writeln!(
            out,
            "| {} | {} {} | {old} | {new} | {}, {} (`{}`) |",
            sign(c.kind),
            md_cell(&what(c)),
            verb(c.kind),
            c.effect.name(),
            c.weight.name(),
            c.rule
        );
    }
    out
}

// ------------------------------------------------------------ HTML

fn esc(s: &str) -> String {
    crate::escape::visible(s).replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

fn html_side(segments: &[Segment], keep: Op) -> String {
    segments
        .iter()
        .filter(|s| s.op == Op::Equal || s.op == keep)
        .map(|s| match s.op {
            Op::Equal => esc(&s.text),
            Op::Delete => format!("<del>{}</del>", esc(&s.text)),
            Op::Insert => format!("<ins>{}</ins>", esc(&s.text)),
        })
        .collect()
}

const CSS: &str = "body{font-family:system-ui,-apple-system,'Segoe UI',Helvetica,Arial,sans-serif;margin:2rem;color:#212529;max-width:1400px}
h1{font-size:1.4rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #dee2e6}h3{font-size:1rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border:1px solid #dee2e6;padding:.35rem .5rem;vertical-align:top;text-align:left}
th{background:#f1f3f5}.summary td{text-align:center}.effect-strengthening{color:#146c43}.effect-weakening{color:#b02a37}.effect-neutral{color:#495057}
.weight-major{font-weight:bold}.weight-editorial{color:#6c757d}code{background:#f1f3f5;padding:0 .2rem}
del{background:#f8d7da;text-decoration:line-through}ins{background:#d1e7dd;text-decoration:none}
.synopse td{width:50%;font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.8rem;white-space:pre-wrap}
.synopse th.key{background:#e9ecef;font-weight:normal}";

/// One self-contained HTML page: summary, changes by section, Synopse.
pub fn html(r: &Report) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"de\">\n<head>\n<meta charset=\"utf-8\">\n<title>pakt diff: {} → {}</title>\n<style>\n{CSS}\n</style>\n</head>\n<body>\n",
        esc(&r.old_path),
        esc(&r.new_path)
    );
    let _ = writeln!(out, "<h1>pakt diff: <code>{}</code> → <code>{}</code></h1>", esc(&r.old_path), esc(&r.new_path));
    let _ = writeln!(out, "<p id=\"summary-line\">{}</p>", esc(&summary_line(r)));
    out.push_str("<h2>Summary by weight</h2>\n<table class=\"summary\"><thead><tr><th>Weight</th><th>Strengthening</th><th>Weakening</th><th>Neutral</th><th>All</th></tr></thead><tbody>\n");
    for w in WEIGHTS {
        let n = |e: Effect| r.changes.iter().filter(|c| c.weight == w && c.effect == e).count();
        let _ = writeln!(
            out,
            "<tr><th>{}</th><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            w.name(),
            n(Effect::Strengthening),
            n(Effect::Weakening),
            n(Effect::Neutral),
            r.count(w)
        );
    }
    out.push_str("</tbody></table>\n<h2>Changes by section</h2>\n");
    if r.is_equivalent() {
        out.push_str("<p>No changes in substance.</p>\n");
    }
    let mut last = String::new();
    for c in &r.changes {
        let sec = section(c);
        if sec != last {
            if !last.is_empty() {
                out.push_str("</tbody></table>\n");
            }
            let _ = writeln!(out, "<h3>{}</h3>\n<table class=\"changes\"><thead><tr><th></th><th>Change</th><th>Old</th><th>New</th><th>Effect</th></tr></thead><tbody>", esc(&sec));
            last = sec;
        }
        let (old, new) = match &c.words {
            Some(w) => (html_side(w, Op::Delete), html_side(w, Op::Insert)),
            None => (c.old.as_deref().map(esc).unwrap_or_default(), c.new.as_deref().map(esc).unwrap_or_default()),
        };
        let _ = writeln!(
            out,
            "<tr class=\"weight-{}\"><td>{}</td><td>{} {}</td><td>{old}</td><td>{new}</td><td class=\"effect-{}\">{}, {}<br><code>{}</code></td></tr>",
            c.weight.name(),
            sign(c.kind),
            esc(&what(c)),
            verb(c.kind),
            c.effect.name(),
            c.effect.name(),
            c.weight.name(),
            c.rule
        );
    }
    if !last.is_empty() {
        out.push_str("</tbody></table>\n");
    }
    let _ = writeln!(
        out,
        "<h2 id=\"synopse\">Synopse</h2>\n<table class=\"synopse\"><thead><tr><th>{}</th><th>{}</th></tr></thead><tbody>",
        esc(&r.old_path),
        esc(&r.new_path)
    );
    for row in &r.synopsis {
        let label = match &row.section {
            Some(s) => format!("{} ({s})", row.key),
            None => row.key.clone(),
        };
        let _ = writeln!(out, "<tr><th class=\"key\" colspan=\"2\">{}</th></tr>", esc(&label));
        let old = if row.old.is_some() {
            html_side(&row.words, Op::Delete)
        } else {
            "<em>(not in this version)</em>".to_string()
        };
        let new = if row.new.is_some() {
            html_side(&row.words, Op::Insert)
        } else {
            "<em>(not in this version)</em>".to_string()
        };
        let _ = writeln!(out, "<tr><td>{old}</td><td>{new}</td></tr>");
    }
    out.push_str("</tbody></table>\n</body>\n</html>\n");
    out
}

// ------------------------------------------------------------ JSON

fn span_json(text: &str, idx: &LineIndex, span: Option<Span>) -> Value {
    match span {
        None => Value::Null,
        Some(s) => {
            let a = idx.position(text, s.start);
            let b = idx.position(text, s.end);
            json!({"start": s.start, "end": s.end, "line": a.line, "column": a.column, "end_line": b.line, "end_column": b.column})
        }
    }
}

pub fn json(r: &Report) -> Value {
    let (oi, ni) = (LineIndex::new(&r.old_text), LineIndex::new(&r.new_text));
    let changes: Vec<Value> = r
        .changes
        .iter()
        .map(|c| {
            let mut v = serde_json::to_value(c).unwrap_or(Value::Null);
            if let Value::Object(m) = &mut v {
                m.insert("old_span".into(), span_json(&r.old_text, &oi, c.old_span));
                m.insert("new_span".into(), span_json(&r.new_text, &ni, c.new_span));
                if let Some(w) = &c.words {
                    m.insert("word_diff".into(), json!(words::plain(w)));
                }
            }
            v
        })
        .collect();
    json!({
        "old": r.old_path,
        "new": r.new_path,
        "equivalent": r.is_equivalent(),
        "summary": {
            "changes": r.changes.len(),
            "major": r.count(Weight::Major),
            "minor": r.count(Weight::Minor),
            "editorial": r.count(Weight::Editorial),
            "strengthening": r.changes.iter().filter(|c| c.effect == Effect::Strengthening).count(),
            "weakening": r.changes.iter().filter(|c| c.effect == Effect::Weakening).count(),
        },
        "changes": changes,
    })
}
