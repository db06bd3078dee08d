//! A rendered document as Markdown or as one self-contained HTML page.
//!
//! In: a `Doc`. Out: text. In draft mode, generated text is marked
//! ("generiert") and margin remarks are shown; in final mode generated
//! text reads like the rest and remarks are left out.

use super::{Block, Doc};

fn md_escape_cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

/// Markdown, e.g. for a merge request.
pub fn markdown(doc: &Doc) -> String {
    let mut out = String::new();
    for block in &doc.blocks {
        match block {
            Block::Heading { level, text } => {
                out.push_str(&format!("{} {text}\n\n", "#".repeat(usize::from(*level))));
            }
            Block::Para { text, generated } => {
                if *generated && doc.draft {
                    out.push_str(&format!("*(generiert)* {text}\n\n"));
                } else {
                    out.push_str(&format!("{text}\n\n"));
                }
            }
            Block::List(items) => {
                for (text, generated) in items {
                    let mark = if *generated && doc.draft { "*(generiert)* " } else { "" };
                    out.push_str(&format!("- {mark}{text}\n"));
                }
                out.push('\n');
            }
            Block::Table { head, rows } => {
                out.push_str(&format!(
                    "| {} |\n",
                    head.iter().map(|h| md_escape_cell(h)).collect::<Vec<_>>().join(" | ")
                ));
                out.push_str(&format!("|{}\n", "---|".repeat(head.len())));
                for row in rows {
                    out.push_str(&format!(
                        "| {} |\n",
                        row.iter().map(|c| md_escape_cell(c)).collect::<Vec<_>>().join(" | ")
                    ));
                }
                out.push('\n');
            }
            Block::Margin { label, text } => {
                if doc.draft {
                    out.push_str(&format!("> **{label}:** {text}\n\n"));
                }
            }
        }
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = r#"
@page { size: A4; margin: 25mm 20mm 25mm 25mm; }
html { font-family: "Liberation Serif", "Times New Roman", serif; font-size: 12pt; line-height: 1.45; color: #111; }
body { max-width: 165mm; margin: 0 auto; padding: 12mm 0; }
h1 { font-size: 17pt; text-align: center; margin: 0 0 1.2em; }
h2 { font-size: 13.5pt; margin: 1.6em 0 0.6em; break-after: avoid; }
h3 { font-size: 12pt; margin: 1.2em 0 0.4em; break-after: avoid; }
p { margin: 0 0 0.7em; text-align: justify; hyphens: auto; }
ul { margin: 0 0 0.8em; padding-left: 1.4em; }
table { border-collapse: collapse; width: 100%; margin: 0.4em 0 1em; break-inside: avoid; font-size: 11pt; }
th, td { border: 0.6pt solid #555; padding: 3pt 6pt; text-align: left; vertical-align: top; }
th { background: #eee; }
.parties { list-style: none; padding: 0; text-align: center; }
.draft-banner { border: 1pt solid #b36b00; color: #b36b00; padding: 4pt 8pt; margin-bottom: 1em; font-family: sans-serif; font-size: 9.5pt; }
.generated { background: #fff6dc; border-left: 2.5pt solid #e0a800; padding-left: 5pt; }
.generated::before { content: "generiert"; font-family: sans-serif; font-size: 7.5pt; color: #8a6500; margin-right: 5pt; text-transform: uppercase; letter-spacing: 0.05em; }
.margin { font-family: sans-serif; font-size: 8.5pt; line-height: 1.3; color: #444; border-left: 2pt solid #7a9cc6; background: #f2f6fb; padding: 2pt 5pt; margin: 0 0 0.6em 0; }
/* Draft: a text column and a column of remarks beside it. */
body.draft { padding-right: 58mm; }
body.draft .margin { float: right; clear: right; width: 50mm; margin-right: -56mm; }
.margin b { color: #2b4f7e; }
@media print { body { padding: 0; max-width: none; } body.draft { padding-right: 58mm; } .generated { background: #fff6dc; -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
"#;

/// One self-contained HTML page with a print stylesheet for A4.
pub fn html(doc: &Doc) -> String {
    let mut out = String::new();
    out.push_str("<!DOCTYPE html>\n<html lang=\"de\">\n<head>\n<meta charset=\"utf-8\">\n");
    let class = if doc.draft { " class=\"draft\"" } else { "" };
    out.push_str(&format!("<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body{class}>\n", esc(&doc.title)));
    if doc.draft {
        out.push_str("<div class=\"draft-banner\">Entwurf – generierte Sätze sind markiert; Annahmen, Hinweise und offene Punkte stehen neben dem Text.</div>\n");
    }
    let mut first_list = true;
    for block in &doc.blocks {
        match block {
            Block::Heading { level, text } => out.push_str(&format!("<h{level}>{}</h{level}>\n", esc(text))),
            Block::Para { text, generated } => {
                let class = if *generated && doc.draft { " class=\"generated\"" } else { "" };
                out.push_str(&format!("<p{class}>{}</p>\n", esc(text)));
            }
            Block::List(items) => {
                // The first list is the list of parties under the title.
                let class = if first_list { " class=\"parties\"" } else { "" };
                first_list = false;
                out.push_str(&format!("<ul{class}>\n"));
                for (text, generated) in items {
                    let class = if *generated && doc.draft { " class=\"generated\"" } else { "" };
                    out.push_str(&format!("<li{class}>{}</li>\n", esc(text)));
                }
                out.push_str("</ul>\n");
            }
            Block::Table { head, rows } => {
                out.push_str("<table>\n<thead><tr>");
                for h in head {
                    out.push_str(&format!("<th>{}</th>", esc(h)));
                }
                out.push_str("</tr></thead>\n<tbody>\n");
                for row in rows {
                    out.push_str("<tr>");
                    for c in row {
                        out.push_str(&format!("<td>{}</td>", esc(c)));
                    }
                    out.push_str("</tr>\n");
                }
                out.push_str("</tbody>\n</table>\n");
            }
            Block::Margin { label, text } => {
                if doc.draft {
                    out.push_str(&format!("<aside class=\"margin\"><b>{}:</b> {}</aside>\n", esc(label), esc(text)));
                }
            }
        }
    }
    out.push_str("</body>\n</html>\n");
    out
}
