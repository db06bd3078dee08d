//! The text of one version of an agreement as a lawyer reads it, for the
//! Synopse and the amendment instructions: numbered passages grouped by
//! the agreement's sections.
//!
//! In: a resolved model. Out: `Fassung` — sections in the order of the
//! document, each with its passages (an element's `wording`, or the German
//! sentences `pakt render` writes for it), and the element key (`kind:id`,
//! the keys of `flatten`) each passage belongs to, for matching the two
//! versions.

use crate::model::{Condition, Meta, Model, Ref, Target};
use crate::render::{german, section_key, sentences, target_name};
use std::collections::BTreeMap;

/// One passage: the text of one element.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Passage {
    /// `kind:id`, as in `diff::flatten` (a continued body under its new id).
    pub key: String,
    pub text: String,
    /// No wording: German generated from the model.
    pub generated: bool,
}

/// One section of the document and its passages, in document order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// As the agreement writes it (`II`, `§ 3`); the pseudo-sections
    /// "Vertragspartner", "Präambel" and "Weitere Bestimmungen" for
    /// elements without one.
    pub label: String,
    pub passages: Vec<Passage>,
}

pub const PARTIES: &str = "Vertragspartner";
pub const PREAMBLE: &str = "Präambel";
pub const OTHER: &str = "Weitere Bestimmungen";

/// Names of a reference list for sentences; `None` for all parties.
fn names(m: &Model, refs: &[Ref]) -> Option<Vec<String>> {
    if refs.iter().any(|r| r.target == Target::AllParties) {
        return None;
    }
    Some(
        refs.iter()
            .map(|r| match r.target {
                Target::Body(_) => german::short_name(&target_name(m, r.target)).to_string(),
                t => target_name(m, t),
            })
            .collect(),
    )
}

fn list(m: &Model, refs: &[Ref]) -> Option<Vec<String>> {
    if refs.is_empty() {
        None
    } else {
        names(m, refs)
    }
}

struct Collect<'m> {
    rename: &'m BTreeMap<String, String>,
    /// Old key → new key of the elements the diff matched under another id
    /// (renamed, reworded goals): their passages are compared, not
    /// repealed and inserted.
    rekey: &'m BTreeMap<String, String>,
    /// (section, start offset, passage)
    out: Vec<(Option<String>, usize, Passage)>,
}

impl Collect<'_> {
    fn id(&self, id: &str) -> String {
        if let Some(new) = self.rename.get(id) {
            return new.clone();
        }
        if let Some((head, rest)) = id.split_once('.') {
            if let Some(new) = self.rename.get(head) {
                return format!("{new}.{rest}");
            }
        }
        id.to_string()
    }

    fn add(&mut self, kind: &str, id: &str, meta: &Meta, start: usize, default: Option<&str>, gen: Vec<String>) {
        let (text, generated) = match &meta.wording {
            Some(w) => (w.value.clone(), false),
            None => (gen.join(" "), true),
        };
        // Line breaks of the source are not the agreement's: one line per passage.
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if text.is_empty() {
            return;
        }
        let section = meta.section.as_ref().map(|s| s.value.clone()).or_else(|| default.map(str::to_string));
        let key = format!("{kind}:{}", self.id(id));
        let key = self.rekey.get(&key).cloned().unwrap_or(key);
        self.out.push((section, start, Passage { key, text, generated }));
    }
}

/// The passages of a model. `rename` maps old body ids to the new ids of
/// the bodies that continue them (empty for the new version).
pub fn fassung(m: &Model, rename: &BTreeMap<String, String>) -> Vec<Section> {
    fassung_rekeyed(m, rename, &BTreeMap::new())
}

/// `fassung`, with the passages of elements the diff matched under another
/// id (`rekey`: old key → new key) under their new key.
fn fassung_rekeyed(m: &Model, rename: &BTreeMap<String, String>, rekey: &BTreeMap<String, String>) -> Vec<Section> {
    let mut c = Collect { rename, rekey, out: Vec::new() };
    for p in &m.parties {
        let gen = vec![sentences::party(&p.name.value, p.represented_by.as_ref().map(|r| r.value.as_str()))];
        c.add("party", &p.id.value, &p.meta, p.span.start, Some(PARTIES), gen);
    }
    for g in &m.goals {
        let gen = vec![format!("{}.", g.text.value.trim_end_matches('.'))];
        c.add("goal", &g.id.value, &g.meta, g.span.start, Some(PREAMBLE), gen);
    }
    for o in &m.offices {
        c.add("office", &o.id.value, &o.meta, o.span.start, None, Vec::new());
    }
    for a in &m.actors {
        c.add("actor", &a.id.value, &a.meta, a.span.start, None, Vec::new());
    }
    for b in &m.bodies {
        let name = b.name.value.clone();
        let mut s = Vec::new();
        if let Some(n) = &b.declared_seats {
            s.push(sentences::seats(&name, u64::from(n.value)));
        } else if !b.seats.is_empty() {
            s.push(sentences::seats(&name, b.total_seats()));
        }
        if let Some(ch) = &b.chair {
            s.push(sentences::chair(&target_name(m, ch.target)));
        }
        if let Some(meeting) = &b.meeting {
            s.push(sentences::meeting(&name, meeting));
        }
        if let Some(q) = &b.quorum {
            s.push(sentences::quorum(&name, q.value));
        }
        if let Some(d) = &b.decides {
            s.push(sentences::decision(&name, &d.value));
        }
        if !b.binding.is_empty() {
            s.push(sentences::binding(names(m, &b.binding).as_deref()));
        }
        if let Some(r) = &b.reports_to {
            s.push(sentences::reports_to(&name, &target_name(m, r.target)));
        }
        if s.is_empty() {
            s.push(format!("Es wird {} gebildet.", german::nominative(&name).replacen("Der ", "der ", 1)));
        }
        c.add("body", &b.id.value, &b.meta, b.span.start, None, s);
    }
    for o in &m.obligations {
        let mut gen = Vec::new();
        if let Some(modality) = &o.modality {
            let conditions: Vec<&str> = o
                .conditions
                .iter()
                .filter_map(|x| match &x.value {
                    Condition::Text(t) => Some(t.as_str()),
                    Condition::BudgetReservation => None,
                })
                .collect();
            let duty = sentences::Duty {
                free_of_charge: o.free_of_charge.is_some(),
                frequency: o.frequency.as_ref().map(|f| &f.value),
                deadline: o.deadline.as_ref().map(|d| &d.value),
                budget_reservation: o.has_budget_reservation(),
                conditions,
            };
            let action = o.action.as_ref().map_or("", |a| a.value.as_str());
            gen.push(sentences::obligation(names(m, &o.bearer).as_deref(), modality.value, action, &duty));
        }
        c.add("obligation", &o.id.value, &o.meta, o.span.start, None, gen);
    }
    for s in &m.services {
        let provider = s.provider.as_ref().map(|p| target_name(m, p.target));
        let beneficiaries = if s.beneficiary.is_empty() { Some(Vec::new()) } else { names(m, &s.beneficiary) };
        let gen = vec![sentences::service(
            &s.name.value,
            provider.as_deref(),
            beneficiaries.as_deref(),
            s.free_of_charge.is_some(),
        )];
        c.add("service", &s.id.value, &s.meta, s.span.start, None, gen);
    }
    for p in &m.projects {
        let gen = vec![sentences::project(&p.name.value, list(m, &p.partners).as_deref())];
        c.add("project", &p.id.value, &p.meta, p.span.start, None, gen);
    }
    for f in &m.financings {
        let mut gen = vec![sentences::financing(
            &f.name.value,
            list(m, &f.payer).as_deref(),
            f.amount.as_ref().map(|a| (a.bound, &a.money)),
        )];
        if let Some(cs) = &f.cost_sharing {
            gen.push(cs.value.clone());
        }
        if f.has_budget_reservation() {
            gen.push(sentences::budget_reservation());
        }
        c.add("financing", &f.id.value, &f.meta, f.span.start, None, gen);
    }
    for p in &m.procedures {
        let mut gen = Vec::new();
        for s in &p.steps {
            match &s.meta.wording {
                Some(w) => gen.push(w.value.trim().to_string()),
                None => {
                    let label = s.label.as_ref().map_or_else(|| s.id.value.clone(), |l| l.value.clone());
                    let by = s.by.as_ref().map(|b| target_name(m, b.target));
                    let refs = |r: &[Ref]| if r.is_empty() { None } else { Some(names(m, r)) };
                    gen.push(sentences::step(
                        &label,
                        by.as_deref(),
                        s.kind.as_ref().map(|k| k.value),
                        refs(&s.consent_of).as_ref().map(|x| x.as_deref()),
                        refs(&s.consultation_of).as_ref().map(|x| x.as_deref()),
                    ));
                }
            }
        }
        c.add("procedure", &p.id.value, &p.meta, p.span.start, None, gen);
    }
    for i in &m.institutions {
        // Founded, and the predecessor it takes over from: a replacement
        // shows in the Synopse too.
        let mut s = vec![format!(
            "Es wird die Einrichtung „{}“{}{} errichtet.",
            i.name.value,
            i.legal_form.as_ref().map(|f| format!(" als {}", f.value)).unwrap_or_default(),
            i.located_in.as_ref().map(|l| format!(" mit Sitz in {}", l.value)).unwrap_or_default()
        )];
        for t in &i.takes_over {
            let from = t.from.as_ref().map(|d| format!(" ab dem {}", german::date(&d.value))).unwrap_or_default();
            s.push(format!("Sie übernimmt{from} {}.", t.what.value.trim_end_matches('.')));
        }
        c.add("institution", &i.id.value, &i.meta, i.span.start, None, s);
    }
    for r in &m.ratifications {
        c.add("ratification", &r.id.value, &r.meta, r.span.start, None, Vec::new());
    }
    if let Some(t) = &m.term {
        c.add("term", "term", &t.meta, t.span.start, None, vec![sentences::term(t)]);
    }
    group(c.out)
}

/// Passages into sections: parties first, then the preamble, numbered
/// sections in their numbering (II < II.1 < III; § 2 < § 10), sections
/// without a number where they first appear, elements without a section last.
fn group(mut items: Vec<(Option<String>, usize, Passage)>) -> Vec<Section> {
    items.sort_by_key(|(_, start, _)| *start);
    let mut sections: Vec<(Option<String>, Vec<Passage>)> = Vec::new();
    for (label, _, p) in items {
        match sections.iter_mut().find(|(l, _)| *l == label) {
            Some((_, list)) => list.push(p),
            None => sections.push((label, vec![p])),
        }
    }
    sections.sort_by_key(|(label, _)| match label.as_deref() {
        Some(PARTIES) => (0, Vec::new()),
        Some(PREAMBLE) => (1, Vec::new()),
        None => (4, Vec::new()),
        Some(l) => section_key(l).map_or((3, Vec::new()), |k| (2, k)),
    });
    sections
        .into_iter()
        .map(|(label, passages)| Section { label: label.unwrap_or_else(|| OTHER.to_string()), passages })
        .collect()
}

/// Old body id → id of the new body that continues it, as `diff` reads them.
pub fn renames(old: &Model, new: &Model) -> BTreeMap<String, String> {
    let mut rename = BTreeMap::new();
    for b in &new.bodies {
        if let Some(c) = &b.continues {
            if c.value != b.id.value && old.bodies.iter().any(|ob| ob.id.value == c.value) {
                rename.insert(c.value.clone(), b.id.value.clone());
            }
        }
    }
    rename
}

/// The old and new Fassung of two texts, or `None` when one does not
/// compile (the report was made from compiled models, so only a caller
/// that built a `Report` by hand sees this).
pub fn pair(old_text: &str, new_text: &str) -> Option<(Vec<Section>, Vec<Section>)> {
    let limits = crate::check::Limits::default();
    let old = crate::check::compile(old_text, &limits).model?;
    let new = crate::check::compile(new_text, &limits).model?;
    let rename = renames(&old, &new);
    let rekey = super::renamed_keys(&old, &new, &rename);
    Some((fassung_rekeyed(&old, &rename, &rekey), fassung(&new, &BTreeMap::new())))
}

/// Which old passage became which new one: by key, then (for elements
/// whose id changed) by the same kind and the same text.
pub fn matches(old: &[Section], new: &[Section]) -> BTreeMap<String, String> {
    let old_p: Vec<&Passage> = old.iter().flat_map(|s| &s.passages).collect();
    let new_p: Vec<&Passage> = new.iter().flat_map(|s| &s.passages).collect();
    let new_keys: std::collections::BTreeSet<&str> = new_p.iter().map(|p| p.key.as_str()).collect();
    let mut map: BTreeMap<String, String> = BTreeMap::new();
    for p in &old_p {
        if new_keys.contains(p.key.as_str()) {
            map.insert(p.key.clone(), p.key.clone());
        }
    }
    let taken: std::collections::BTreeSet<String> = map.values().cloned().collect();
    let mut by_text: BTreeMap<(&str, &str), Vec<&str>> = BTreeMap::new();
    for p in new_p.iter().filter(|p| !taken.contains(&p.key)) {
        by_text.entry((kind(&p.key), p.text.as_str())).or_default().push(p.key.as_str());
    }
    let unmatched: Vec<&&Passage> = old_p.iter().filter(|p| !map.contains_key(&p.key)).collect();
    for p in unmatched {
        if let Some(list) = by_text.get_mut(&(kind(&p.key), p.text.as_str())) {
            if !list.is_empty() {
                let k = list.remove(0);
                map.insert(p.key.clone(), k.to_string());
            }
        }
    }
    map
}

fn kind(key: &str) -> &str {
    key.split_once(':').map_or(key, |(k, _)| k)
}

/// Old section label → the new section that continues it: the one most of
/// its matched passages went to. One old section per new section (the
/// one that brings most), so that a section can be renumbered.
pub fn section_map(old: &[Section], new: &[Section], matched: &BTreeMap<String, String>) -> BTreeMap<String, String> {
    let new_section_of: BTreeMap<&str, &str> =
        new.iter().flat_map(|s| s.passages.iter().map(move |p| (p.key.as_str(), s.label.as_str()))).collect();
    // (count, old position) per pair, best first.
    let mut candidates: Vec<(usize, usize, &str, &str)> = Vec::new();
    for (i, s) in old.iter().enumerate() {
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for p in &s.passages {
            if let Some(t) = matched.get(&p.key).and_then(|k| new_section_of.get(k.as_str())) {
                *counts.entry(t).or_default() += 1;
            }
        }
        for (t, n) in counts {
            if pseudo(&s.label) == pseudo(t) && (!pseudo(&s.label) || s.label == t) {
                candidates.push((n, i, s.label.as_str(), t));
            }
        }
    }
    candidates.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut map = BTreeMap::new();
    let mut used = std::collections::BTreeSet::new();
    for (_, _, o, t) in candidates {
        if !map.contains_key(o) && used.insert(t) {
            map.insert(o.to_string(), t.to_string());
        }
    }
    // A section whose passages all changed still continues the section of
    // the same label (the preamble whose goals were all re-worded).
    for s in old {
        let same = new.iter().any(|n| n.label == s.label);
        if same && !map.contains_key(&s.label) && !used.contains(s.label.as_str()) {
            used.insert(s.label.as_str());
            map.insert(s.label.clone(), s.label.clone());
        }
    }
    map
}

/// The sections pakt names for elements without one.
pub fn pseudo(label: &str) -> bool {
    matches!(label, PARTIES | PREAMBLE | OTHER)
}
