//! Keywords and their documentation, taken from the sources of truth: the
//! keyword literals of `grammar/pakt.pest` and the attribute tables and
//! block sections of `docs/language.md`.
//!
//! In: nothing (both files are compiled in). Out: the keyword list, and the
//! Markdown shown when hovering a keyword.

use std::collections::BTreeMap;
use std::sync::OnceLock;

const GRAMMAR: &str = include_str!("../../grammar/pakt.pest");
const LANGUAGE: &str = include_str!("../../docs/language.md");

/// Every keyword literal of the grammar (`kw_x = @{ "lit" ~ … }`), sorted.
pub fn keywords() -> &'static [String] {
    static KW: OnceLock<Vec<String>> = OnceLock::new();
    KW.get_or_init(|| {
        let mut v: Vec<String> = GRAMMAR
            .lines()
            .filter(|l| l.trim_start().starts_with("kw_"))
            .flat_map(|l| {
                let body = l.split_once('=').map_or("", |(_, b)| b);
                body.split('"').skip(1).step_by(2).map(str::to_string).collect::<Vec<_>>()
            })
            .collect();
        v.sort();
        v.dedup();
        v
    })
}

pub fn is_keyword(word: &str) -> bool {
    keywords().binary_search_by(|k| k.as_str().cmp(word)).is_ok()
}

/// One row of an attribute table in the language reference.
#[derive(Debug, Clone)]
struct Row {
    /// The block the table belongs to (`party`, `body`, `agreement`, …).
    block: String,
    meaning: String,
    example: String,
}

struct Docs {
    /// Attribute keyword → its rows.
    attributes: BTreeMap<String, Vec<Row>>,
    /// Block keyword → the first paragraph of its section.
    blocks: BTreeMap<String, String>,
}

fn docs() -> &'static Docs {
    static DOCS: OnceLock<Docs> = OnceLock::new();
    DOCS.get_or_init(|| {
        let mut attributes: BTreeMap<String, Vec<Row>> = BTreeMap::new();
        let mut blocks = BTreeMap::new();
        let mut block = String::new();
        let mut lines = LANGUAGE.lines().peekable();
        while let Some(line) = lines.next() {
            if let Some(h) = line.strip_prefix("###").map(|h| h.trim_start_matches('#').trim()) {
                block = h.to_string();
                // The first paragraph after the heading.
                let mut para = Vec::new();
                while let Some(l) = lines.peek() {
                    if l.trim().is_empty() && para.is_empty() {
                        lines.next();
                        continue;
                    }
                    if l.trim().is_empty() || l.starts_with('#') || l.starts_with("```") || l.starts_with('|') {
                        break;
                    }
                    para.push(l.trim().to_string());
                    lines.next();
                }
                blocks.insert(block.clone(), para.join(" "));
                continue;
            }
            if line.starts_with("## ") {
                block = if line.contains("header") { "agreement".to_string() } else { String::new() };
                continue;
            }
            let cells: Vec<&str> = line.split('|').map(str::trim).collect();
            // `| `kw` | meaning | example |`: empty, kw, meaning, example, empty.
            if let [_, first, meaning, example, ..] = cells.as_slice() {
                for kw in first.split('/').map(|k| k.trim().trim_matches('`')) {
                    if is_keyword(kw) {
                        attributes.entry(kw.to_string()).or_default().push(Row {
                            block: block.clone(),
                            meaning: meaning.to_string(),
                            example: example.to_string(),
                        });
                    }
                }
            }
        }
        Docs { attributes, blocks }
    })
}

/// Markdown for a keyword, preferring its meaning in the block it is
/// written in (`kind` means different things in a party and in a step).
pub fn keyword_markdown(word: &str, block: Option<&str>) -> Option<String> {
    if !is_keyword(word) {
        return None;
    }
    let d = docs();
    let mut out = format!("**`{word}`** (keyword)");
    if let Some(rows) = d.attributes.get(word) {
        let here: Vec<&Row> = rows.iter().filter(|r| Some(r.block.as_str()) == block).collect();
        let shown: Vec<&Row> = if here.is_empty() { rows.iter().collect() } else { here };
        for r in shown {
            let place = if r.block.is_empty() { String::new() } else { format!("in `{}`: ", r.block) };
            out.push_str(&format!("\n\n{place}{}", r.meaning));
            if !r.example.is_empty() {
                out.push_str(&format!("\n\nExample: {}", r.example));
            }
        }
    }
    if let Some(p) = d.blocks.get(word).filter(|p| !p.is_empty()) {
        out.push_str(&format!("\n\n{p}"));
    }
    out.push_str("\n\nSee docs/language.md.");
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keywords_come_from_the_grammar() {
        assert!(is_keyword("agreement"));
        assert!(is_keyword("budget_reservation"));
        assert!(!is_keyword("kw_party"));
        let kind = keyword_markdown("kind", Some("party")).unwrap_or_default();
        assert!(kind.contains("what sort of party"), "{kind}");
        let body = keyword_markdown("body", None).unwrap_or_default();
        assert!(body.contains("**`body`**"), "{body}");
    }
}
