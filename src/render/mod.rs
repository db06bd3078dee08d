//! `pakt render`: the agreement as the parties would sign it, in German.
//!
//! In: a resolved model, and in draft mode its open findings. Out: a
//! document (`Doc`: headings, paragraphs, lists, tables) written as
//! Markdown or as one self-contained HTML page for A4 printing. Where an
//! element has a `wording`, that is its text; where it has none, a German
//! sentence is generated (`sentences`), marked as generated in draft mode,
//! which also shows assumptions and notes beside the text and the open
//! findings at the end.

pub mod docx;
pub mod german;
pub mod output;
pub mod pdf;
pub mod sentences;

use crate::diagnostic::Diagnostic;
use crate::model::{Condition, Meta, Model, Ref, Side, Target};
use german::{nominative, Case};

/// One piece of the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Heading {
        level: u8,
        text: String,
    },
    /// A paragraph: the agreement's wording, or a generated sentence.
    Para {
        text: String,
        generated: bool,
    },
    /// A bulleted list; `true` marks generated items.
    List(Vec<(String, bool)>),
    Table {
        head: Vec<String>,
        rows: Vec<Vec<String>>,
    },
    /// A remark beside the text in draft mode (assumption, note, finding).
    Margin {
        label: String,
        text: String,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Doc {
    pub title: String,
    pub draft: bool,
    pub blocks: Vec<Block>,
}

struct Builder<'a> {
    m: &'a Model,
    draft: bool,
    blocks: Vec<Block>,
}

/// The document of an agreement. `findings` are shown in draft mode only.
pub fn document(m: &Model, draft: bool, findings: &[Diagnostic]) -> Doc {
    let mut b = Builder { m, draft, blocks: Vec::new() };
    let title = m.title.as_ref().map_or_else(|| m.id.value.clone(), |t| t.value.clone());
    b.header();
    b.preamble();
    b.sections();
    b.term();
    b.approvals();
    b.signatures();
    if draft && !findings.is_empty() {
        b.heading(2, "Offene Punkte (pakt check)");
        let items = findings.iter().map(|d| (format!("{} ({}): {}", d.code, d.name, d.message), false)).collect();
        b.blocks.push(Block::List(items));
    }
    Doc { title, draft, blocks: b.blocks }
}

/// The name of what a reference points at.
pub fn target_name(m: &Model, t: Target) -> String {
    let name = match t {
        Target::AllParties => Some("die Vertragspartner".to_string()),
        Target::Party(i) => m.party(i).map(|p| p.name.value.clone()),
        Target::Office(i) => m.office(i).map(|o| o.name.value.clone()),
        Target::Actor(i) => m.actors.get(i.index()).map(|a| a.name.value.clone()),
        Target::Body(i) => m.body(i).map(|b| b.name.value.clone()),
        Target::Seat(s) => m.seat(s).and_then(|s| s.label.as_ref().map(|l| l.value.clone())),
        Target::Goal(i) => m.goals.get(i.index()).map(|g| g.text.value.clone()),
        Target::Service(i) => m.services.get(i.index()).map(|x| x.name.value.clone()),
        Target::Project(i) => m.projects.get(i.index()).map(|x| x.name.value.clone()),
        Target::Financing(i) => m.financings.get(i.index()).map(|x| x.name.value.clone()),
        Target::Procedure(i) => m.procedures.get(i.index()).map(|x| x.name.value.clone()),
        Target::Approval(i) => m.approvals.get(i.index()).map(|x| x.name.value.clone()),
        Target::Step(s) => m.step(s).and_then(|s| s.label.as_ref().map(|l| l.value.clone())),
        Target::Group(i) => m.group(i).map(|g| g.name.value.clone()),
        Target::Key(i) => m.key(i).map(|k| k.name.value.clone()),
        Target::Decision(d) => m.decision(d).map(|x| x.label.as_ref().map_or(x.id.value.clone(), |l| l.value.clone())),
        Target::Institution(i) => m.institutions.get(i.index()).map(|x| x.name.value.clone()),
        Target::Act(i) => m.acts.get(i.index()).map(|x| x.name.value.clone()),
        Target::Ratification(i) => m.ratifications.get(i.index()).map(|x| x.name.value.clone()),
        Target::Obligation(_) | Target::Signature(_) => None,
    };
    name.unwrap_or_else(|| m.target_id(t))
}

/// Names of a reference list for sentences (bodies by their short name);
/// `None` when it is (or includes) `all`.
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

/// The numbers of a section label: `II.1` → [2, 1], `§ 10 Abs. 2` → [10, 2],
/// `3.2` → [3, 2]; `None` for a label without a number (`Präambel`).
pub fn section_key(label: &str) -> Option<Vec<u32>> {
    let mut key = Vec::new();
    for part in label.split(|c: char| c == '.' || c.is_whitespace() || c == '§').filter(|p| !p.is_empty()) {
        if let Ok(n) = part.parse::<u32>() {
            key.push(n);
        } else if let Some(n) = roman(part) {
            key.push(n);
        }
    }
    if key.is_empty() {
        None
    } else {
        Some(key)
    }
}

/// A Roman numeral (`IV`) as a number; shared with `diff::section_key`.
pub(crate) fn roman(s: &str) -> Option<u32> {
    let mut total = 0u32;
    let mut prev = 0u32;
    for c in s.chars().rev() {
        let v = match c {
            'I' => 1,
            'V' => 5,
            'X' => 10,
            'L' => 50,
            'C' => 100,
            _ => return None,
        };
        if v < prev {
            total = total.checked_sub(v)?;
        } else {
            total += v;
            prev = v;
        }
    }
    (total > 0).then_some(total)
}

/// What kind of element an item of a section is.
#[derive(Debug, Clone, Copy)]
enum Item {
    Office(usize),
    Actor(usize),
    Body(usize),
    Obligation(usize),
    Service(usize),
    Project(usize),
    Financing(usize),
    Procedure(usize),
}

impl Builder<'_> {
    fn heading(&mut self, level: u8, text: &str) {
        self.blocks.push(Block::Heading { level, text: text.to_string() });
    }

    fn para(&mut self, text: String, generated: bool) {
        self.blocks.push(Block::Para { text, generated });
    }

    /// The margin remarks (first, so that they float beside the text in
    /// HTML), then the wording, or the generated sentences.
    fn text(&mut self, meta: &Meta, generated: impl FnOnce() -> Vec<String>) {
        self.margins(meta);
        match &meta.wording {
            Some(w) => self.para(w.value.clone(), false),
            None => {
                for s in generated() {
                    self.para(s, true);
                }
            }
        }
    }

    fn margins(&mut self, meta: &Meta) {
        if !self.draft {
            return;
        }
        for a in &meta.assumptions {
            self.blocks.push(Block::Margin { label: "Annahme".into(), text: a.value.clone() });
        }
        for n in &meta.notes {
            self.blocks.push(Block::Margin { label: "Hinweis".into(), text: n.value.clone() });
        }
    }

    fn header(&mut self) {
        let m = self.m;
        let title = m.title.as_ref().map_or_else(|| m.id.value.clone(), |t| t.value.clone());
        self.heading(1, &title);
        if m.meta.wording.is_some() || !m.parties.is_empty() {
            self.para("zwischen".into(), false);
        }
        let parties: Vec<(String, bool)> = m
            .parties
            .iter()
            .map(|p| match &p.meta.wording {
                Some(w) => (w.value.clone(), false),
                None => (sentences::party(&p.name.value, p.represented_by.as_ref().map(|r| r.value.as_str())), true),
            })
            .collect();
        if !parties.is_empty() {
            self.blocks.push(Block::List(parties));
            self.para("– nachfolgend „die Vertragspartner“ –".into(), false);
        }
        self.margins(&m.meta);
        for p in &m.parties {
            self.margins(&p.meta);
        }
    }

    fn preamble(&mut self) {
        let m = self.m;
        if m.goals.is_empty() {
            return;
        }
        self.heading(2, "Präambel");
        let mut list = Vec::new();
        for g in &m.goals {
            match &g.meta.wording {
                Some(w) => {
                    if !list.is_empty() {
                        self.blocks.push(Block::List(std::mem::take(&mut list)));
                    }
                    self.para(w.value.clone(), false);
                }
                None => list.push((format!("{}.", g.text.value.trim_end_matches('.')), true)),
            }
        }
        if !list.is_empty() {
            self.blocks.push(Block::List(list));
        }
        for g in &m.goals {
            self.margins(&g.meta);
        }
    }

    fn meta_of(&self, item: Item) -> Option<(&Meta, usize)> {
        let m = self.m;
        match item {
            Item::Office(i) => m.offices.get(i).map(|x| (&x.meta, x.span.start)),
            Item::Actor(i) => m.actors.get(i).map(|x| (&x.meta, x.span.start)),
            Item::Body(i) => m.bodies.get(i).map(|x| (&x.meta, x.span.start)),
            Item::Obligation(i) => m.obligations.get(i).map(|x| (&x.meta, x.span.start)),
            Item::Service(i) => m.services.get(i).map(|x| (&x.meta, x.span.start)),
            Item::Project(i) => m.projects.get(i).map(|x| (&x.meta, x.span.start)),
            Item::Financing(i) => m.financings.get(i).map(|x| (&x.meta, x.span.start)),
            Item::Procedure(i) => m.procedures.get(i).map(|x| (&x.meta, x.span.start)),
        }
    }

    /// Everything between the preamble and the term, grouped by `section`
    /// in the order the sections first appear; elements without a section
    /// come last under "Weitere Bestimmungen".
    fn sections(&mut self) {
        let m = self.m;
        let mut items: Vec<Item> = Vec::new();
        items.extend(
            (0..m.offices.len())
                .filter(|&i| m.offices.get(i).is_some_and(|o| o.meta.wording.is_some()))
                .map(Item::Office),
        );
        items.extend(
            (0..m.actors.len()).filter(|&i| m.actors.get(i).is_some_and(|a| a.meta.wording.is_some())).map(Item::Actor),
        );
        items.extend((0..m.bodies.len()).map(Item::Body));
        items.extend(
            (0..m.obligations.len())
                .filter(|&i| m.obligations.get(i).is_some_and(|o| !o.task_of_body))
                .map(Item::Obligation),
        );
        items.extend((0..m.services.len()).map(Item::Service));
        items.extend((0..m.projects.len()).map(Item::Project));
        items.extend((0..m.financings.len()).map(Item::Financing));
        items.extend((0..m.procedures.len()).map(Item::Procedure));
        items.sort_by_key(|&i| self.meta_of(i).map_or(usize::MAX, |(_, start)| start));
        let mut groups: Vec<(Option<String>, Vec<Item>)> = Vec::new();
        for item in items {
            let section = self.meta_of(item).and_then(|(meta, _)| meta.section.as_ref().map(|s| s.value.clone()));
            match groups.iter_mut().find(|(s, _)| *s == section) {
                Some((_, list)) => list.push(item),
                None => groups.push((section, vec![item])),
            }
        }
        // Sections in their numbering (I. < II. < II.1 < III.; § 2 < § 10),
        // sections without a number where they first appear, the rest last.
        groups.sort_by_key(|(s, _)| match s {
            None => (2, Vec::new()),
            Some(label) => section_key(label).map_or((1, Vec::new()), |k| (0, k)),
        });
        for (section, list) in groups {
            self.heading(2, section.as_deref().unwrap_or("Weitere Bestimmungen"));
            self.section(&list);
        }
    }

    fn section(&mut self, items: &[Item]) {
        let m = self.m;
        // Obligations grouped by bearer, each group where its first obligation stands.
        let bearer_key = |i: usize| m.obligations.get(i).map(|o| names(m, &o.bearer)).unwrap_or_default();
        let keys: Vec<Option<Vec<String>>> = {
            let mut keys = Vec::new();
            for item in items {
                if let Item::Obligation(i) = item {
                    let k = bearer_key(*i);
                    if !keys.contains(&k) {
                        keys.push(k);
                    }
                }
            }
            keys
        };
        let mut done_keys: Vec<Option<Vec<String>>> = Vec::new();
        for item in items {
            match *item {
                Item::Obligation(i) => {
                    let key = bearer_key(i);
                    if done_keys.contains(&key) {
                        continue;
                    }
                    if keys.len() > 1 {
                        let who = german::capitalise(&german::who(key.as_deref(), Case::Nominative));
                        self.heading(3, &who);
                    }
                    for other in items {
                        if let Item::Obligation(j) = *other {
                            if bearer_key(j) == key {
                                self.obligation(j);
                            }
                        }
                    }
                    done_keys.push(key);
                }
                Item::Office(i) => {
                    if let Some(o) = m.offices.get(i) {
                        // An office with a wording of its own (its description).
                        self.text(&o.meta, Vec::new);
                    }
                }
                Item::Actor(i) => {
                    if let Some(a) = m.actors.get(i) {
                        self.text(&a.meta, Vec::new);
                    }
                }
                Item::Body(i) => self.body(i),
                Item::Service(i) => self.service(i),
                Item::Project(i) => self.project(i),
                Item::Financing(i) => self.financing(i),
                Item::Procedure(i) => self.procedure(i),
            }
        }
    }

    fn obligation(&mut self, i: usize) {
        let m = self.m;
        let Some(o) = m.obligations.get(i) else { return };
        self.text(&o.meta, || {
            let Some(modality) = &o.modality else { return Vec::new() };
            let action = o.action.as_ref().map_or("", |a| a.value.as_str());
            let conditions: Vec<&str> = o
                .conditions
                .iter()
                .filter_map(|c| match &c.value {
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
            let bearers = names(m, &o.bearer);
            vec![sentences::obligation(bearers.as_deref(), modality.value, action, &duty)]
        });
    }

    fn body(&mut self, i: usize) {
        let m = self.m;
        let Some(b) = m.bodies.get(i) else { return };
        self.heading(3, &b.name.value);
        let chair_seat = match b.chair.as_ref().map(|c| c.target) {
            Some(Target::Seat(s)) => Some(s.seat as usize),
            _ => None,
        };
        let rows: Vec<Vec<String>> = b
            .seats
            .iter()
            .enumerate()
            .map(|(k, s)| {
                // The seat's wording is how the agreement names the member.
                let name = s.meta.wording.as_ref().or(s.label.as_ref()).map(|l| l.value.clone()).unwrap_or_else(|| {
                    m.seat_party(s).map_or_else(|| s.id.value.clone(), |p| target_name(m, Target::Party(p)))
                });
                let side = match m.seat_side(s) {
                    Some(Side::Federal) => "Bund",
                    Some(Side::State) => "Land",
                    Some(Side::Municipal) => "kommunal",
                    None => "",
                };
                vec![
                    name,
                    side.to_string(),
                    s.count.value.to_string(),
                    if s.voting { "stimmberechtigt" } else { "beratend" }.to_string(),
                    if chair_seat == Some(k) { "Vorsitz" } else { "" }.to_string(),
                ]
            })
            .collect();
        if !rows.is_empty() {
            self.blocks.push(Block::Table {
                head: ["Mitglied", "Seite", "Anzahl", "Stimmrecht", "Vorsitz"].map(String::from).to_vec(),
                rows,
            });
        }
        let name = b.name.value.clone();
        self.text(&b.meta, || {
            let mut s = Vec::new();
            if let Some(n) = &b.declared_seats {
                s.push(sentences::seats(&name, u64::from(n.value)));
            } else if !b.seats.is_empty() {
                s.push(sentences::seats(&name, b.total_seats()));
            }
            if let Some(c) = &b.chair {
                if chair_seat.is_none() {
                    s.push(sentences::chair(&target_name(m, c.target)));
                }
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
            if let Some(r) = &b.rotation {
                let among: Vec<String> = r.among.iter().map(|x| target_name(m, x.target)).collect();
                let every =
                    r.every.as_ref().filter(|e| e.value.period == crate::model::Period::Year).map(|e| e.value.count);
                s.push(sentences::rotation(&among, every, r.order.as_ref().map(|o| o.value.as_str())));
            }
            if b.casting_vote.is_some() {
                s.push(sentences::casting_vote());
            }
            for d in &b.decisions {
                let label = d.label.as_ref().map_or(d.id.value.as_str(), |l| l.value.as_str());
                let name_of = |r: &Ref| target_name(m, r.target);
                let clauses: Vec<Vec<String>> = d
                    .requires
                    .iter()
                    .map(|c| c.any_of.iter().map(|r| sentences::requirement(&r.value, &name_of)).collect())
                    .collect();
                s.push(sentences::decision_rule(label, &clauses));
            }
            if !b.binding.is_empty() {
                s.push(sentences::binding(names(m, &b.binding).as_deref()));
            }
            if let Some(r) = &b.reports_to {
                s.push(sentences::reports_to(&name, &target_name(m, r.target)));
            }
            s
        });
        for (k, o) in m.obligations.iter().enumerate() {
            if o.task_of_body && o.bearer.iter().any(|r| r.target == Target::Body(crate::model::BodyId(i as u32))) {
                self.obligation(k);
            }
        }
    }

    fn service(&mut self, i: usize) {
        let m = self.m;
        let Some(s) = m.services.get(i) else { return };
        self.heading(3, &s.name.value);
        self.text(&s.meta, || {
            let provider = s.provider.as_ref().map(|p| target_name(m, p.target));
            let beneficiaries = if s.beneficiary.is_empty() { Some(Vec::new()) } else { names(m, &s.beneficiary) };
            vec![sentences::service(
                &s.name.value,
                provider.as_deref(),
                beneficiaries.as_deref(),
                s.free_of_charge.is_some(),
            )]
        });
    }

    fn project(&mut self, i: usize) {
        let m = self.m;
        let Some(p) = m.projects.get(i) else { return };
        self.heading(3, &p.name.value);
        self.text(&p.meta, || {
            let partners = if p.partners.is_empty() { None } else { names(m, &p.partners) };
            vec![sentences::project(&p.name.value, partners.as_deref())]
        });
    }

    fn financing(&mut self, i: usize) {
        let m = self.m;
        let Some(f) = m.financings.get(i) else { return };
        self.heading(3, &f.name.value);
        self.text(&f.meta, || {
            let payers = if f.payer.is_empty() { None } else { names(m, &f.payer) };
            let mut s = vec![sentences::financing(
                &f.name.value,
                payers.as_deref(),
                f.amount.as_ref().map(|a| (a.bound, &a.money)),
            )];
            if let Some(c) = &f.cost_sharing {
                s.push(c.value.clone());
            }
            if f.has_budget_reservation() {
                s.push(sentences::budget_reservation());
            }
            s
        });
        if !f.shares.is_empty() {
            let rows = f
                .shares
                .iter()
                .map(|sh| {
                    let share = match &sh.kind {
                        crate::model::ShareKind::Percent { percent } => {
                            format!("{} %", percent.value).replace('.', ",")
                        }
                        crate::model::ShareKind::ByKey { key } => format!("nach {}", target_name(m, key.target)),
                        crate::model::ShareKind::Rest { key: Some(key) } => {
                            format!("der Rest, nach {}", target_name(m, key.target))
                        }
                        crate::model::ShareKind::Rest { key: None } => "der Rest".to_string(),
                    };
                    let first = if sh.before_split.is_some() { " (vorab)" } else { "" };
                    vec![target_name(m, sh.payer.target), format!("{share}{first}")]
                })
                .collect();
            self.blocks.push(Block::Table { head: vec!["Kostenträger".into(), "Anteil".into()], rows });
        }
        if !f.tranches.is_empty() {
            let rows = f
                .tranches
                .iter()
                .map(|t| {
                    let bound = match t.amount.bound {
                        crate::model::Bound::UpTo => "bis zu ",
                        crate::model::Bound::Exactly => "",
                        crate::model::Bound::About => "rund ",
                    };
                    vec![t.year.value.to_string(), format!("{bound}{}", german::money(&t.amount.money))]
                })
                .collect();
            self.blocks.push(Block::Table { head: vec!["Jahr".into(), "Betrag".into()], rows });
        }
    }

    fn procedure(&mut self, i: usize) {
        let m = self.m;
        let Some(p) = m.procedures.get(i) else { return };
        self.heading(3, &p.name.value);
        let own = p.meta.wording.is_some();
        self.text(&p.meta, Vec::new);
        if own {
            return;
        }
        let steps: Vec<(String, bool)> = p
            .steps
            .iter()
            .map(|s| match &s.meta.wording {
                Some(w) => (w.value.clone(), false),
                None => {
                    let label = s.label.as_ref().map_or_else(|| s.id.value.clone(), |l| l.value.clone());
                    let by = s.by.as_ref().map(|b| target_name(m, b.target));
                    let list = |refs: &[Ref]| if refs.is_empty() { None } else { Some(names(m, refs)) };
                    (
                        sentences::step(
                            &label,
                            by.as_deref(),
                            s.kind.as_ref().map(|k| k.value),
                            list(&s.consent_of).as_ref().map(|x| x.as_deref()),
                            list(&s.consultation_of).as_ref().map(|x| x.as_deref()),
                        ),
                        true,
                    )
                }
            })
            .collect();
        if !steps.is_empty() {
            self.blocks.push(Block::List(steps));
        }
        for s in &p.steps {
            self.margins(&s.meta);
        }
    }

    fn term(&mut self) {
        let Some(t) = &self.m.term else { return };
        let heading = t.meta.section.as_ref().map_or_else(|| "Laufzeit und Kündigung".to_string(), |s| s.value.clone());
        self.heading(2, &heading);
        self.text(&t.meta, || {
            let mut s = vec![sentences::term(t)];
            s.extend(sentences::term_v2(t));
            s.retain(|x| !x.is_empty());
            s
        });
    }

    fn approvals(&mut self) {
        let m = self.m;
        if m.approvals.is_empty() {
            return;
        }
        self.heading(2, "Zustimmungen");
        let items = m
            .approvals
            .iter()
            .map(|a| {
                let by = a.by.as_ref().map(|b| format!(" ({})", target_name(m, b.target))).unwrap_or_default();
                let date = a.date.as_ref().map(|d| format!(", {}", german::date(&d.value))).unwrap_or_default();
                (format!("{}{by}{date}", a.name.value), false)
            })
            .collect();
        self.blocks.push(Block::List(items));
    }

    fn signatures(&mut self) {
        let m = self.m;
        if m.signatures.is_empty() {
            return;
        }
        self.heading(2, "Unterschriften");
        let rows = m
            .signatures
            .iter()
            .map(|s| {
                let party = s.party.as_ref().map(|p| nominative(&target_name(m, p.target))).unwrap_or_default();
                let place = s.place.as_ref().or(m.place.as_ref()).map(|p| p.value.clone()).unwrap_or_default();
                let date = s.date.as_ref().or(m.date.as_ref()).map(|d| german::date(&d.value)).unwrap_or_default();
                let place_date = [place, date].into_iter().filter(|x| !x.is_empty()).collect::<Vec<_>>().join(", ");
                vec![
                    german::capitalise(&party),
                    [
                        s.signatory.as_ref().map(|x| x.value.clone()),
                        s.office.as_ref().map(|o| target_name(m, o.target)),
                    ]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(", "),
                    place_date,
                ]
            })
            .collect();
        self.blocks
            .push(Block::Table { head: vec!["Für".into(), "Unterzeichnet von".into(), "Ort, Datum".into()], rows });
        for s in &m.signatures {
            self.margins(&s.meta);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::section_key;

    #[test]
    fn section_numbers() {
        assert_eq!(section_key("II.1"), Some(vec![2, 1]));
        assert_eq!(section_key("IV."), Some(vec![4]));
        assert_eq!(section_key("§ 10 Abs. 2"), Some(vec![10, 2]));
        assert_eq!(section_key("3.2"), Some(vec![3, 2]));
        assert_eq!(section_key("Präambel"), None);
        let mut labels = vec!["III.", "II.1", "I.", "II.", "II.10", "II.2"];
        labels.sort_by_key(|l| section_key(l));
        assert_eq!(labels, ["I.", "II.", "II.1", "II.2", "II.10", "III."]);
    }
}
