//! The Synopse as German drafting practice has it: two columns, "Bisherige
//! Fassung | Neue Fassung", of the agreement's own text, grouped by the
//! sections of the new version; changed words marked, unchanged passages
//! as "unverändert", removed ones as "entfällt".
//!
//! In: the old and new `Fassung` (see `fassung`). Out: groups of rows, and
//! the HTML table of them.

use super::fassung::{self, Section};
use super::german::Lang;
use super::words::{self, Op};
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// One passage in both versions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub key: String,
    /// Its number in the old section (1-based), where it was there.
    pub old_number: Option<usize>,
    pub new_number: Option<usize>,
    pub old: Option<String>,
    pub new: Option<String>,
}

/// One section of the new version (or a removed section of the old one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    pub new_label: Option<String>,
    pub old_label: Option<String>,
    pub rows: Vec<Row>,
}

/// Align the two versions.
pub fn synopse(old: &[Section], new: &[Section]) -> Vec<Group> {
    let matched = fassung::matches(old, new);
    let smap = fassung::section_map(old, new, &matched);
    let old_of: BTreeMap<&str, &str> = smap.iter().map(|(o, n)| (n.as_str(), o.as_str())).collect();
    let old_by_key: BTreeMap<&str, (usize, &str)> = old
        .iter()
        .flat_map(|s| s.passages.iter().enumerate().map(|(i, p)| (p.key.as_str(), (i + 1, p.text.as_str()))))
        .collect();
    let inverse: BTreeMap<&str, &str> = matched.iter().map(|(o, n)| (n.as_str(), o.as_str())).collect();
    let mut groups: Vec<Group> = new
        .iter()
        .map(|s| Group {
            new_label: Some(s.label.clone()),
            old_label: old_of.get(s.label.as_str()).map(|o| o.to_string()),
            rows: s
                .passages
                .iter()
                .enumerate()
                .map(|(i, p)| {
                    let before = inverse.get(p.key.as_str()).and_then(|k| old_by_key.get(k));
                    Row {
                        key: p.key.clone(),
                        old_number: before.map(|(n, _)| *n),
                        new_number: Some(i + 1),
                        old: before.map(|(_, t)| t.to_string()),
                        new: Some(p.text.clone()),
                    }
                })
                .collect(),
        })
        .collect();
    // Removed passages: after the passage that stood before them, in the
    // section that continues theirs, or in a group of their own.
    let mut last_group = 0;
    for s in old {
        let target = smap.get(&s.label).and_then(|n| groups.iter().position(|g| g.new_label.as_ref() == Some(n)));
        let g = match target {
            Some(g) => g,
            None => {
                if s.passages.iter().all(|p| matched.contains_key(&p.key)) {
                    continue;
                }
                let at = (last_group + 1).min(groups.len());
                groups.insert(at, Group { new_label: None, old_label: Some(s.label.clone()), rows: Vec::new() });
                at
            }
        };
        last_group = g;
        let mut pos = 0;
        for (i, p) in s.passages.iter().enumerate() {
            let Some(group) = groups.get_mut(g) else { break };
            match matched.get(&p.key) {
                Some(n) => {
                    if let Some(at) = group.rows.iter().position(|r| &r.key == n) {
                        pos = at + 1;
                    }
                }
                None => {
                    let row = Row {
                        key: p.key.clone(),
                        old_number: Some(i + 1),
                        new_number: None,
                        old: Some(p.text.clone()),
                        new: None,
                    };
                    group.rows.insert(pos.min(group.rows.len()), row);
                    pos += 1;
                }
            }
        }
    }
    groups
}

/// How a section is named in a heading: `II` → "Abschnitt II", `§ 3` as it is.
pub fn section_name(label: &str, lang: Lang) -> String {
    if fassung::pseudo(label) || label.starts_with('§') || label.starts_with("Art") || label.starts_with("Abschnitt") {
        return match (lang, label) {
            (Lang::En, fassung::PARTIES) => "Parties".to_string(),
            (Lang::En, fassung::PREAMBLE) => "Preamble".to_string(),
            (Lang::En, fassung::OTHER) => "Other provisions".to_string(),
            _ => label.to_string(),
        };
    }
    match lang {
        Lang::De => format!("Abschnitt {label}"),
        Lang::En => format!("Section {label}"),
    }
}

fn esc(s: &str) -> String {
    crate::escape::visible(s).replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

fn side(segments: &[words::Segment], keep: Op) -> String {
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

/// The table: one header row per group, one row per passage.
pub fn html(groups: &[Group], lang: Lang) -> String {
    let (before, after, unchanged, removed) = match lang {
        Lang::De => ("Bisherige Fassung", "Neue Fassung", "unverändert", "entfällt"),
        // The columns keep the German names a ministry files them under.
        Lang::En => ("Previous version (Bisherige Fassung)", "New version (Neue Fassung)", "unchanged", "removed"),
    };
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<table class=\"synopse\"><colgroup><col class=\"alt\"><col class=\"neu\"></colgroup>\n<thead><tr><th>{before}</th><th>{after}</th></tr></thead>\n<tbody>"
    );
    for g in groups {
        let (old_title, new_title) = match (&g.new_label, &g.old_label) {
            (Some(n), Some(o)) => (esc(&section_name(o, lang)), esc(&section_name(n, lang))),
            (Some(n), None) => (String::new(), esc(&section_name(n, lang))),
            (None, Some(o)) => (esc(&section_name(o, lang)), format!("<span class=\"entfaellt\">{removed}</span>")),
            (None, None) => (String::new(), String::new()),
        };
        let _ = writeln!(out, "<tr class=\"abschnitt\"><th>{old_title}</th><th>{new_title}</th></tr>");
        for r in &g.rows {
            let num = |n: Option<usize>| n.map(|n| format!("<span class=\"nr\">{n}.</span> ")).unwrap_or_default();
            let (old, new) = match (&r.old, &r.new) {
                (Some(o), Some(n)) if o == n => {
                    (format!("{}{}", num(r.old_number), esc(o)), format!("<span class=\"unv\">{unchanged}</span>"))
                }
                (Some(o), Some(n)) => {
                    let w = words::diff(o, n);
                    (
                        format!("{}{}", num(r.old_number), side(&w, Op::Delete)),
                        format!("{}{}", num(r.new_number), side(&w, Op::Insert)),
                    )
                }
                (Some(o), None) => {
                    (format!("{}{}", num(r.old_number), esc(o)), format!("<span class=\"entfaellt\">{removed}</span>"))
                }
                (None, Some(n)) => (String::new(), format!("{}<ins>{}</ins>", num(r.new_number), esc(n))),
                (None, None) => (String::new(), String::new()),
            };
            let _ = writeln!(out, "<tr><td>{old}</td><td>{new}</td></tr>");
        }
    }
    out.push_str("</tbody></table>\n");
    out
}
