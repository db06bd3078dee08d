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
use std::collections::{BTreeMap, BTreeSet};

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

/// The longest name (in words) looked for in a `takes_over` text: each
/// word of the text starts at most this many phrases, so the search stays
/// linear in the text.
const MAX_NAME_WORDS: usize = 12;

/// Removed elements by the phrases that name them, one map per level of
/// fit, searched from the best: `levels[2]` their whole name, `[1]` their
/// id, `[0]` the head noun of their name.
#[derive(Default)]
struct Names {
    levels: [BTreeMap<String, Vec<usize>>; 3],
}

impl Names {
    fn add(&mut self, level: usize, phrase: &str, r: usize) {
        let words: Vec<&str> = phrase.split(' ').filter(|w| !w.is_empty()).collect();
        if words.is_empty() || words.len() > MAX_NAME_WORDS || words.concat().chars().count() < 4 {
            return;
        }
        if let Some(map) = self.levels.get_mut(level) {
            let list = map.entry(words.join(" ")).or_default();
            if !list.contains(&r) {
                list.push(r);
            }
        }
    }

    /// The one removed element `what` names best, if exactly one fits at
    /// the best level that any fits at.
    fn fit(&self, what: &str) -> Option<usize> {
        let words: Vec<&str> = what.split(' ').filter(|w| !w.is_empty()).collect();
        for map in self.levels.iter().rev() {
            let mut found: BTreeSet<usize> = BTreeSet::new();
            for start in 0..words.len() {
                for len in 1..=MAX_NAME_WORDS {
                    crate::work::tick(1);
                    let Some(phrase) = words.get(start..start + len) else { break };
                    if let Some(list) = map.get(&phrase.join(" ")) {
                        // Two are enough to know it is ambiguous.
                        found.extend(list.iter().take(2));
                    }
                }
                if found.len() > 1 {
                    break;
                }
            }
            match found.len() {
                0 => continue,
                1 => return found.first().copied(),
                _ => return None,
            }
        }
        None
    }
}

/// Link each institution that takes over from a removed element with it.
pub fn link(
    changes: Vec<Change>,
    new: &Model,
    old_elements: &[Element],
    old_index: &BTreeMap<&str, usize>,
) -> Vec<Change> {
    // Removed wholes that could be a predecessor, by position in `changes`.
    let removed: Vec<(usize, &Element)> = changes
        .iter()
        .enumerate()
        .filter(|(_, c)| {
            c.kind == ChangeKind::Removed && PREDECESSORS.contains(&c.element) && c.container == c.path_key()
        })
        .filter_map(|(i, c)| old_index.get(c.path_key().as_str()).and_then(|j| old_elements.get(*j)).map(|e| (i, e)))
        .collect();
    if removed.is_empty() {
        return changes;
    }
    let mut names = Names::default();
    for (r, (_, e)) in removed.iter().enumerate() {
        let name = match e.fields.get("name") {
            Some(super::Field::Text(t)) => normal(t),
            _ => String::new(),
        };
        names.add(2, &name, r);
        names.add(1, &normal(e.id()), r);
        // The head noun: long enough to be a noun of its own ("Stelle" is
        // six letters), not a bare article or "Land".
        if let Some(head) = name.split(' ').find(|w| !w.is_empty()).filter(|w| w.chars().count() >= 6) {
            names.add(0, head, r);
        }
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
    let mut taken: BTreeSet<usize> = BTreeSet::new();
    for inst in &new.institutions {
        let Some(&at) = successor.get(&inst.id.value) else { continue };
        for t in &inst.takes_over {
            let what = normal(&t.what.value);
            let best = names.fit(&what).and_then(|r| removed.get(r)).map(|(i, _)| *i);
            // Exactly one fits best, and no other institution took it.
            if let Some(only) = best {
                if taken.insert(only) {
                    let from = t.from.as_ref().map(|d| format!(" from {}", d.value)).unwrap_or_default();
                    links.push((at, only, format!("takes_over \"{}\"{from}", t.what.value)));
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
        // One institution may take over from several: all are named.
        let gone = format!("{} `{}`: {}", old.element, old.id, old.old.clone().unwrap_or_default());
        c.old = Some(match (&c.old, c.kind) {
            (Some(before), ChangeKind::Replaced) => format!("{before}; {gone}"),
            _ => gone,
        });
        c.kind = ChangeKind::Replaced;
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
