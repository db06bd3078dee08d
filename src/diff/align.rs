//! Reworded goals that content matching misses: a goal is the sentence that
//! states it, so a new version that rewrites a goal in other words at the
//! same place keeps the goal, it does not drop one and add another.
//!
//! In: the elements of both versions and the pairs `match_renamed` found.
//! Out: further pairs (new key → old key). Goals are aligned by their
//! order, between the goals that are kept (same id, or matched by content):
//! where such a gap holds exactly one goal that is gone and exactly one that
//! is new, and the two share a word stem, they are one goal reworded. Two
//! or more on either side stay removed and added — which of them continues
//! which would be a guess.

use super::Element;
use std::collections::{BTreeMap, BTreeSet};

/// The gap an unmatched goal sits in: the new key of the kept goal before
/// it (`None` before the first), and the unmatched goals of each version.
type Gaps<'e> = BTreeMap<Option<String>, (Vec<&'e Element>, Vec<&'e Element>)>;

pub fn reworded_goals(
    old: &[Element],
    new: &[Element],
    old_keys: &BTreeSet<&str>,
    new_keys: &BTreeSet<&str>,
    renamed: &BTreeMap<String, String>,
) -> BTreeMap<String, String> {
    let renamed_old: BTreeMap<&String, &String> = renamed.iter().map(|(n, o)| (o, n)).collect();
    let mut gaps: Gaps<'_> = BTreeMap::new();
    let mut last: Option<String> = None;
    for o in old.iter().filter(|e| e.kind == "goal") {
        let key = o.key();
        if new_keys.contains(key.as_str()) {
            last = Some(key);
        } else if let Some(n) = renamed_old.get(&key) {
            last = Some((*n).clone());
        } else {
            gaps.entry(last.clone()).or_default().0.push(o);
        }
    }
    last = None;
    for n in new.iter().filter(|e| e.kind == "goal") {
        let key = n.key();
        if old_keys.contains(key.as_str()) || renamed.contains_key(&key) {
            last = Some(key);
        } else {
            gaps.entry(last.clone()).or_default().1.push(n);
        }
    }
    let mut out = BTreeMap::new();
    for (gone, came) in gaps.values() {
        if let ([o], [n]) = (gone.as_slice(), came.as_slice()) {
            if o.words().intersection(&n.words()).next().is_some() {
                out.insert(n.key(), o.key());
            }
        }
    }
    out
}
