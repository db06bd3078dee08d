//! The diff report in four formats: text (coloured on a terminal), Markdown
//! for a merge-request comment, one self-contained HTML file with a summary,
//! the changes by section and a Synopse, and JSON. Text, Markdown and HTML
//! come in English or German (`Lang`); the German HTML carries the Synopse
//! of the agreement's own text (`synopse`) and prints on A4 landscape.

use super::classify::{Effect, Weight};
use super::german::{self as de, Lang};
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
        ChangeKind::Replaced => ">",
    }
}

fn verb(kind: ChangeKind, lang: Lang) -> &'static str {
    match (kind, lang) {
        (ChangeKind::Added, Lang::En) => "added",
        (ChangeKind::Removed, Lang::En) => "removed",
        (ChangeKind::Changed, Lang::En) => "changed",
        (ChangeKind::Continued, Lang::En) => "continued",
        (ChangeKind::Added, Lang::De) => "hinzugefügt",
        (ChangeKind::Removed, Lang::De) => "entfallen",
        (ChangeKind::Changed, Lang::De) => "geändert",
        (ChangeKind::Continued, Lang::De) => "fortgeführt",
        (ChangeKind::Renamed, Lang::En) => "renamed",
        (ChangeKind::Renamed, Lang::De) => "umbenannt",
        (ChangeKind::Replaced, Lang::En) => "replaces",
        (ChangeKind::Replaced, Lang::De) => "tritt an die Stelle von",
    }
}

/// English or German.
fn tr(lang: Lang, en: &'static str, german: &'static str) -> &'static str {
    match lang {
        Lang::En => en,
        Lang::De => german,
    }
}

fn effect_name(e: Effect, lang: Lang) -> &'static str {
    match lang {
        Lang::En => e.name(),
        Lang::De => de::effect(e),
    }
}

fn weight_name(w: Weight, lang: Lang) -> &'static str {
    match lang {
        Lang::En => w.name(),
        Lang::De => de::weight(w),
    }
}

/// The section a change is grouped under.
fn section(c: &Change, lang: Lang) -> String {
    match (&c.section, lang) {
        (Some(s), Lang::En) => format!("Section {s}"),
        (Some(s), Lang::De) => super::synopse::section_name(s, Lang::De),
        (None, Lang::En) => "Without section".to_string(),
        (None, Lang::De) => "Ohne Abschnitt".to_string(),
    }
}

fn what(c: &Change, lang: Lang) -> String {
    let element = match lang {
        Lang::En => c.element,
        Lang::De => de::element(c.element),
    };
    match (c.field, lang) {
        (Some(f), Lang::En) => format!("{element} `{}`: {f}", c.id),
        (Some(f), Lang::De) => format!("{element} `{}`: {}", c.id, de::field(f)),
        (None, _) => format!("{element} `{}`", c.id),
    }
}

/// The sentence that says what the change is (German only: the English
/// report names the rule, whose text is in docs/diff.md).
fn sentence(c: &Change, lang: Lang) -> Option<String> {
    (lang == Lang::De).then(|| de::capitalise_first(de::row(c.rule)))
}

/// A value as the report in `lang` shows it.
fn shown(s: &str, lang: Lang) -> String {
    match lang {
        Lang::En => s.to_string(),
        Lang::De => de::value(s),
    }
}

fn summary_line(r: &Report, lang: Lang) -> String {
    let n = r.changes.len();
    match lang {
        Lang::En if r.is_equivalent() => "no changes in substance".to_string(),
        Lang::En => format!(
            "{n} change{}: {} major, {} minor, {} editorial",
            if n == 1 { "" } else { "s" },
            r.count(Weight::Major),
            r.count(Weight::Minor),
            r.count(Weight::Editorial)
        ),
        Lang::De if r.is_equivalent() => "keine Änderungen in der Sache".to_string(),
        Lang::De => format!(
            "{n} Änderung{}: {} wesentlich, {} geringfügig, {} redaktionell",
            if n == 1 { "" } else { "en" },
            r.count(Weight::Major),
            r.count(Weight::Minor),
            r.count(Weight::Editorial)
        ),
    }
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
    text_in(r, color, Lang::En)
}

/// Plain text in `lang`; ANSI colours when `color`.
pub fn text_in(r: &Report, color: bool, lang: Lang) -> String {
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
    let mut out = format!("pakt diff {} {}\n{}\n", v(&r.old_path), v(&r.new_path), summary_line(r, lang));
    let mut last = String::new();
    for c in &r.changes {
        let sec = section(c, lang);
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
            v(&what(c, lang)),
            verb(c.kind, lang),
            effect_name(c.effect, lang),
            weight_name(c.weight, lang),
            c.rule
        );
        if let Some(s) = sentence(c, lang) {
            let _ = writeln!(out, "    {s}.");
        }
        let (was, now) = (tr(lang, "was", "bisher"), tr(lang, "now", "neu"));
        let value = |s: &str| match lang {
            Lang::En => s.to_string(),
            Lang::De => de::value(s),
        };
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
                let _ = writeln!(out, "    {} → {}", paint("31", &value(o)), paint("32", &value(n)));
            }
            (None, Some(o), None) => {
                let _ = writeln!(out, "    {was}: {}", paint("31", &shorten(&value(o), 100)));
            }
            (None, None, Some(n)) => {
                let _ = writeln!(out, "    {now}: {}", paint("32", &shorten(&value(n), 100)));
            }
            (None, None, None) => {}
        }
        for e in &c.evidence {
            let e = evidence_in(e, lang);
            let _ = writeln!(out, "      · {}", v(&shorten(&e, 160)));
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
    markdown_in(r, Lang::En)
}

/// Markdown in `lang`.
pub fn markdown_in(r: &Report, lang: Lang) -> String {
    let mut out = format!(
        "### pakt diff: `{}` → `{}`\n\n**{}**\n",
        md_code(&r.old_path),
        md_code(&r.new_path),
        summary_line(r, lang)
    );
    if r.is_equivalent() {
        return out;
    }
    out.push_str(tr(
        lang,
        "\n| Weight | Strengthening | Weakening | Neutral |\n|---|---|---|---|\n",
        "\n| Gewicht | verschärft | abgeschwächt | neutral |\n|---|---|---|---|\n",
    ));
    for w in WEIGHTS {
        let n = |e: Effect| r.changes.iter().filter(|c| c.weight == w && c.effect == e).count();
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |",
            weight_name(w, lang),
            n(Effect::Strengthening),
            n(Effect::Weakening),
            n(Effect::Neutral)
        );
    }
    let mut last = String::new();
    for c in &r.changes {
        let sec = section(c, lang);
        if sec != last {
            let head = tr(lang, "| | Change | Old | New | Effect |", "| | Änderung | Bisher | Neu | Wirkung |");
            let _ = write!(out, "\n#### {}\n\n{head}\n|---|---|---|---|---|\n", md_cell(&sec));
            last = sec;
        }
        let (old, new) = match &c.words {
            Some(w) => (md_side(w, Op::Delete), md_side(w, Op::Insert)),
            None => (
                c.old.as_deref().map(|s| md_cell(&shorten(&shown(s, lang), 120))).unwrap_or_default(),
                c.new.as_deref().map(|s| md_cell(&shorten(&shown(s, lang), 120))).unwrap_or_default(),
            ),
        };
        let _ = writeln!(
            out,
            "| {} | {} {}{} | {old} | {new} | {}, {} (`{}`) |",
            sign(c.kind),
            md_cell(&what(c, lang)),
            verb(c.kind, lang),
            sentence(c, lang).map(|s| format!(": {}", md_cell(&s))).unwrap_or_default(),
            effect_name(c.effect, lang),
            weight_name(c.weight, lang),
            c.rule
        );
        // One change, one line: its evidence in rows of its own under it,
        // so that no cell needs a line break.
        for e in &c.evidence {
            let _ = writeln!(out, "| | ↳ {} | | | |", md_cell(&shorten(&evidence_in(e, lang), 160)));
        }
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

/// An evidence line in `lang`.
fn evidence_in(e: &str, lang: Lang) -> String {
    match lang {
        Lang::En => e.to_string(),
        Lang::De => de::evidence(e),
    }
}

/// The evidence of a change, as a list under it in its cell.
fn evidence_html(c: &Change, lang: Lang) -> String {
    if c.evidence.is_empty() {
        return String::new();
    }
    let items: String = c.evidence.iter().map(|e| format!("<li>{}</li>", esc(&evidence_in(e, lang)))).collect();
    format!("<ul class=\"evidence\">{items}</ul>")
}

const CSS: &str = "body{font-family:system-ui,-apple-system,'Segoe UI',Helvetica,Arial,sans-serif;margin:2rem;color:#212529;max-width:1400px}
h1{font-size:1.4rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #dee2e6}h3{font-size:1rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border:1px solid #dee2e6;padding:.35rem .5rem;vertical-align:top;text-align:left}
th{background:#f1f3f5}.summary td{text-align:center}.effect-strengthening{color:#146c43}.effect-weakening{color:#b02a37}.effect-neutral{color:#495057}
.weight-major{font-weight:bold}.weight-editorial{color:#6c757d}code{background:#f1f3f5;padding:0 .2rem}
del{background:#f8d7da;text-decoration:line-through}ins{background:#d1e7dd;text-decoration:none}
.evidence{margin:.3rem 0 0 1rem;padding:0;font-size:.85em;font-weight:normal;color:#495057}
.synopse{table-layout:fixed}.synopse col{width:50%}.synopse td{hyphens:auto;line-height:1.4}
.synopse tr.abschnitt th{background:#e9ecef}.synopse .unv,.synopse .entfaellt{font-style:italic;color:#495057}
.synopse .nr{font-weight:bold}.quelle{color:#6c757d;font-size:.85rem}
@page{size:A4 landscape;margin:14mm 12mm}
@media print{body{margin:0;font-size:10pt;max-width:none}h2{break-after:avoid}tr{break-inside:avoid}thead{display:table-header-group}}";

/// One self-contained HTML page: summary, changes by section, Synopse.
pub fn html(r: &Report) -> String {
    html_in(r, Lang::En)
}

/// The HTML page in `lang`. The German page is what a ministry files: the
/// changes by section and the Synopse "Bisherige Fassung | Neue Fassung" of
/// the agreement's text, printable on A4 landscape.
pub fn html_in(r: &Report, lang: Lang) -> String {
    match lang {
        Lang::En => html_en(r),
        Lang::De => html_de(r),
    }
}

fn html_en(r: &Report) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"de\">\n<head>\n<meta charset=\"utf-8\">\n<title>pakt diff: {} → {}</title>\n<style>\n{CSS}\n</style>\n</head>\n<body>\n",
        esc(&r.old_path),
        esc(&r.new_path)
    );
    let _ = writeln!(out, "<h1>pakt diff: <code>{}</code> → <code>{}</code></h1>", esc(&r.old_path), esc(&r.new_path));
    let _ = writeln!(out, "<p id=\"summary-line\">{}</p>", esc(&summary_line(r, Lang::En)));
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
        let sec = section(c, Lang::En);
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
            "<tr class=\"weight-{}\"><td>{}</td><td>{} {}{}</td><td>{old}</td><td>{new}</td><td class=\"effect-{}\">{}, {}<br><code>{}</code></td></tr>",
            c.weight.name(),
            sign(c.kind),
            esc(&what(c, Lang::En)),
            verb(c.kind, Lang::En),
            evidence_html(c, Lang::En),
            c.effect.name(),
            c.effect.name(),
            c.weight.name(),
            c.rule
        );
    }
    if !last.is_empty() {
        out.push_str("</tbody></table>\n");
    }
    // The Synopse is the agreement's own text in both languages of the
    // report: its wording, or the German sentences generated from the
    // model, never pakt source.
    let _ = writeln!(
        out,
        "<h2 id=\"synopse\">Synopse</h2>\n<p class=\"quelle\">The agreement's text, section by section: <code>{}</code> (previous) and <code>{}</code> (new).</p>",
        esc(&r.old_path),
        esc(&r.new_path)
    );
    match super::fassung::pair(&r.old_text, &r.new_text) {
        Some((old, new)) => out.push_str(&super::synopse::html(&super::synopse::synopse(&old, &new), Lang::En)),
        None => out.push_str("<p>The Synopse needs two versions that compile.</p>\n"),
    }
    out.push_str("</body>\n</html>\n");
    out
}

const CSS_DE: &str = "body{font-family:'Noto Serif','DejaVu Serif',Georgia,serif;margin:1.5rem;color:#212529}
h1{font-size:1.3rem}h2{font-size:1.1rem;margin-top:1.6rem;border-bottom:1px solid #adb5bd}h3{font-size:1rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border:1px solid #adb5bd;padding:.3rem .45rem;vertical-align:top;text-align:left}
th{background:#f1f3f5}.summary td{text-align:center}.effect-strengthening{color:#146c43}.effect-weakening{color:#b02a37}
.weight-major{font-weight:bold}.weight-editorial{color:#6c757d}code{background:#f1f3f5;padding:0 .2rem;font-size:.85em}
del{background:#f8d7da;text-decoration:line-through}ins{background:#d1e7dd;text-decoration:underline}
.synopse{table-layout:fixed}.synopse col{width:50%}.synopse td{hyphens:auto;line-height:1.4}
.synopse tr.abschnitt th{background:#e9ecef}.synopse .unv,.synopse .entfaellt{font-style:italic;color:#495057}
.synopse .nr{font-weight:bold}.quelle{color:#6c757d;font-size:.85rem}
.evidence{margin:.3rem 0 0 1rem;padding:0;font-size:.85em;font-weight:normal;color:#495057}
@page{size:A4 landscape;margin:14mm 12mm}
@media print{body{margin:0;font-size:10pt}h2{break-after:avoid}tr{break-inside:avoid}thead{display:table-header-group}
del{background:none}ins{background:none;font-weight:bold}.changes,.summary{font-size:9pt}}";

fn html_de(r: &Report) -> String {
    let lang = Lang::De;
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"de\">\n<head>\n<meta charset=\"utf-8\">\n<title>Synopse: {} → {}</title>\n<style>\n{CSS_DE}\n</style>\n</head>\n<body>\n",
        esc(&r.old_path),
        esc(&r.new_path)
    );
    let _ = writeln!(
        out,
        "<h1>Änderungen und Synopse</h1>\n<p class=\"quelle\">Bisherige Fassung: <code>{}</code> · Neue Fassung: <code>{}</code></p>",
        esc(&r.old_path),
        esc(&r.new_path)
    );
    let _ = writeln!(out, "<p id=\"summary-line\">{}</p>", esc(&summary_line(r, lang)));
    out.push_str("<h2>Übersicht nach Gewicht</h2>\n<table class=\"summary\"><thead><tr><th>Gewicht</th><th>verschärft</th><th>abgeschwächt</th><th>neutral</th><th>alle</th></tr></thead><tbody>\n");
    for w in WEIGHTS {
        let n = |e: Effect| r.changes.iter().filter(|c| c.weight == w && c.effect == e).count();
        let _ = writeln!(
            out,
            "<tr><th>{}</th><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            weight_name(w, lang),
            n(Effect::Strengthening),
            n(Effect::Weakening),
            n(Effect::Neutral),
            r.count(w)
        );
    }
    out.push_str("</tbody></table>\n<h2>Änderungen nach Abschnitten</h2>\n");
    if r.is_equivalent() {
        out.push_str("<p>Keine Änderungen in der Sache.</p>\n");
    }
    let mut last = String::new();
    for c in &r.changes {
        let sec = section(c, lang);
        if sec != last {
            if !last.is_empty() {
                out.push_str("</tbody></table>\n");
            }
            let _ = writeln!(out, "<h3>{}</h3>\n<table class=\"changes\"><thead><tr><th></th><th>Änderung</th><th>Bisher</th><th>Neu</th><th>Wirkung</th></tr></thead><tbody>", esc(&sec));
            last = sec;
        }
        let (old, new) = match &c.words {
            Some(w) => (html_side(w, Op::Delete), html_side(w, Op::Insert)),
            None => (
                c.old.as_deref().map(|s| esc(&de::value(s))).unwrap_or_default(),
                c.new.as_deref().map(|s| esc(&de::value(s))).unwrap_or_default(),
            ),
        };
        let _ = writeln!(
            out,
            "<tr class=\"weight-{}\"><td>{}</td><td>{} {}<br>{}{}</td><td>{old}</td><td>{new}</td><td class=\"effect-{}\">{}, {}<br><code>{}</code></td></tr>",
            c.weight.name(),
            sign(c.kind),
            esc(&what(c, lang)),
            verb(c.kind, lang),
            esc(&sentence(c, lang).unwrap_or_default()),
            evidence_html(c, lang),
            c.effect.name(),
            effect_name(c.effect, lang),
            weight_name(c.weight, lang),
            c.rule
        );
    }
    if !last.is_empty() {
        out.push_str("</tbody></table>\n");
    }
    out.push_str("<h2 id=\"synopse\">Synopse</h2>\n");
    match super::fassung::pair(&r.old_text, &r.new_text) {
        Some((old, new)) => out.push_str(&super::synopse::html(&super::synopse::synopse(&old, &new), lang)),
        None => out.push_str("<p>Die Synopse braucht zwei übersetzbare Fassungen.</p>\n"),
    }
    out.push_str("</body>\n</html>\n");
    out
}

/// The amendment instructions that turn the old version into the new one.
pub fn amendments(r: &Report) -> String {
    match super::fassung::pair(&r.old_text, &r.new_text) {
        Some((old, new)) => {
            super::amendments::text(&r.old_path, &r.new_path, &super::amendments::instructions(&old, &new))
        }
        None => "Die Änderungsanweisungen brauchen zwei übersetzbare Fassungen.\n".to_string(),
    }
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
