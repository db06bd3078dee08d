//! Replacements: a removed element and the new institution that takes over
//! from it are one change ("the Geschäftsstelle is replaced by the
//! Anstalt"), not a removal and an unrelated foundation.
//!
//! In: the changes of `diff` (parts already folded into their wholes), the
//! new model (for what its institutions say they take over) and the old
//! elements. Out: the same changes, where each explicit succession is one
//! `Replaced` change with the removal and the foundation as its evidence.
//!
//! Only what the new version says counts: an institution's `takes_over
//! "…"` names what it takes over, in words. A removed office, body, actor
//! or institution is its predecessor when those words contain its whole
//! name or its id, or, failing both, the first word of its name (the head
//! noun, "Geschäftsstelle" of "Geschäftsstelle des Portalverbunds") — and
//! only when exactly one removed element fits at the best of these levels.
//! Content alone (similar names of a removed and an added element) never
//! links: that is how unrelated lines would be joined.

use super::{classify, Change, ChangeKind, Element};
use crate::model::Model;
use std::collections::BTreeMap;

/// The kinds of element an institution can take over from.
const PREDECESSORS: &[&str] = &["office", "body", "actor", "institution"];

/// Lower case, umlauts spelled out, everything but letters and digits a
/// single space, padded with spaces so that whole words can be searched
/// as ` word `.
fn normal(s: &str) -> String {
    let mut out = String::from(" ");
    for c in s.chars().flat_map(char::to_lowercase) {
        match c {
            'ä' => out.push_str("ae"),
            'ö' => out.push_str("oe"),
            'ü' => out.push_str("ue"),
            'ß' => out.push_str("ss"),
            c if c.is_alphanumeric() => out.push(c),
            _ => {
                if !out.ends_with(' ') {
                    out.push(' ');
                }
            }
        }
    }
    if !out.ends_with(' ') {
        out.push(' ');
    }
    out
}

/// How well `what` names the element: 3 its whole name, 2 its id, 1 the
/// head noun of its name; 0 not at all.
fn fit(what: &str, e: &Element) -> u8 {
    let name = match e.fields.get("name") {
        Some(super::Field::Text(t)) => t.as_str(),
        _ => "",
    };
    let (name_n, id_n) = (normal(name), normal(&e.id));
    if name_n.trim().len() >= 4 && what.contains(&name_n) {
        return 3;
    }
    if id_n.trim().len() >= 4 && what.contains(&id_n) {
        return 2;
    }
    // The head noun: long enough to be a noun of its own ("Stelle" is six
    // letters), not a bare article or "Land".
    let head = name_n.split(' ').find(|w| !w.is_empty()).unwrap_or("");
    if head.chars().count() >= 6 && what.contains(&format!(" {head} ")) {
        return 1;
    }
    0
}

/// Link each institution that takes over from a removed element with it.
pub fn link(changes: Vec<Change>, new: &Model, old_elements: &[Element], old_index: &BTreeMap<String, usize>) -> Vec<Change> {
    // Removed wholes that could be a predecessor, by position in `changes`.
    let removed: Vec<(usize, &Element)> = changes
        .iter()
        .enumerate()
        .filter(|(_, c)| c.kind == ChangeKind::Removed && PREDECESSORS.contains(&c.element) && c.container == c.path_key())
        .filter_map(|(i, c)| old_index.get(&c.path_key()).and_then(|j| old_elements.get(*j)).map(|e| (i, e)))
        .collect();
    if removed.is_empty() {
        return changes;
    }
    // Change positions of new institutions, and of a `takes_over` that an
    // existing institution gains.
    let mut successor: BTreeMap<String, usize> = BTreeMap::new();
    for (i, c) in changes.iter().enumerate() {
        if c.element == "institution"
            && (c.kind == ChangeKind::Added || (c.kind == ChangeKind::Changed && c.field == Some("takes_over")))
        {
            successor.entry(c.id.clone()).or_insert(i);
        }
    }
    // (successor change, removed change, the words that say so)
    let mut links: Vec<(usize, usize, String)> = Vec::new();
    let mut taken: Vec<usize> = Vec::new();
    for inst in &new.institutions {
        let Some(&at) = successor.get(&inst.id.value) else { continue };
        for t in &inst.takes_over {
            let what = normal(&t.what.value);
            let mut best: (u8, Vec<usize>) = (0, Vec::new());
            for (i, e) in &removed {
                crate::work::tick(1);
                let f = fit(&what, e);
                if f > best.0 {
                    best = (f, vec![*i]);
                } else if f == best.0 && f > 0 {
                    best.1.push(*i);
                }
            }
            // Exactly one fits best, and no other institution took it.
            if let [only] = best.1.as_slice() {
                if !taken.contains(only) {
                    taken.push(*only);
                    let from = t.from.as_ref().map(|d| format!(" from {}", d.value)).unwrap_or_default();
                    links.push((at, *only, format!("takes_over \"{}\"{from}", t.what.value)));
                }
            }
        }
    }
    if links.is_empty() {
        return changes;
    }
    let mut slots: Vec<Option<Change>> = changes.into_iter().map(Some).collect();
    let row = classify::row("institution.replaces");
    for (at, gone, says) in links {
        let Some(old) = slots.get_mut(gone).and_then(Option::take) else { continue };
        let Some(c) = slots.get_mut(at).and_then(Option::as_mut) else { continue };
        // In the signs of the text report, as `group` writes its evidence.
        let line = |c: &Change, sign: char, text: &Option<String>| {
            format!("{sign} {} `{}`: {} [{}]", c.element, c.id, text.clone().unwrap_or_default(), c.rule)
        };
        let mut evidence = vec![line(&old, '-', &old.old), says];
        if c.kind == ChangeKind::Added {
            evidence.insert(1, line(c, '+', &c.new));
        }
        evidence.extend(old.evidence.iter().cloned());
        evidence.append(&mut c.evidence);
        c.evidence = evidence;
        if c.field.is_some() {
            // An institution that was there already: the line names it.
            c.new = Some(format!("{} `{}`", c.element, c.id));
        }
        c.kind = ChangeKind::Replaced;
        c.old = Some(format!("{} `{}`: {}", old.element, old.id, old.old.clone().unwrap_or_default()));
        c.field = None;
        c.path = c.path_key();
        c.old_span = old.old_span;
        c.effect = row.effect;
        c.weight = row.weight;
        c.rule = row.id;
        c.words = None;
    }
    slots.into_iter().flatten().collect()
}
