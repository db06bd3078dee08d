//! Hover: what an id is, what a keyword means, what a rule checks.
//!
//! In: an `Analysis` and a byte offset. Out: Markdown and the span it is
//! about.

use super::analysis::Analysis;
use super::nav::{self, Hit};
use super::{docs, walk};
use crate::model::*;
use crate::rules::RuleInfo;
use crate::span::Span;

pub fn hover(a: &Analysis, offset: usize) -> Option<(Span, String)> {
    if let Some(hit) = nav::hit_at(a, offset) {
        let m = a.model.as_ref()?;
        return match hit {
            Hit::Def(d) => Some((d.name_span, describe(m, d.target))),
            Hit::Ref(r) => Some((r.span, describe(m, r.target))),
            Hit::Allow(rule, span) => Some((span, rule_markdown(rule))),
            Hit::Supersedes(span) => {
                let text = match a.predecessor.as_ref() {
                    Some(p) => match p.model.as_ref() {
                        Some(pm) => format!(
                            "supersedes **{}** `{}`{}",
                            pm.title.as_ref().map_or("the agreement", |t| t.value.as_str()),
                            pm.id.value,
                            pm.date.as_ref().map(|d| format!(", dated {}", d.value)).unwrap_or_default()
                        ),
                        None => format!("supersedes `{}` (it does not compile)", p.path.display()),
                    },
                    None => "the superseded agreement cannot be read".to_string(),
                };
                Some((span, text))
            }
            Hit::Continues(id, span) => {
                let pm = a.predecessor.as_ref().and_then(|p| p.model.as_ref());
                let body = pm.and_then(|pm| pm.bodies.iter().find(|b| b.id.value == id));
                let text = match body {
                    Some(b) => format!("continues **body** `{id}` of the superseded agreement: {}", b.name.value),
                    None => format!("no body `{id}` in the superseded agreement"),
                };
                Some((span, text))
            }
        };
    }
    let (span, word) = word_at(&a.text, offset)?;
    if let Some(rule) = crate::rules::find(word).filter(|_| word.len() == 4 && word.starts_with('A')) {
        return Some((span, rule_markdown(rule)));
    }
    if let Some((code, name, summary)) = crate::diagnostic::BUILTIN.iter().find(|(c, _, _)| *c == word) {
        return Some((span, format!("**{code}** `{name}` (always an error)\n\n{summary}.")));
    }
    let block = a.model.as_ref().and_then(|m| enclosing_block(m, &a.text, offset));
    docs::keyword_markdown(word, block).map(|md| (span, md))
}

/// The word (name or keyword) around `offset`.
pub fn word_at(text: &str, offset: usize) -> Option<(Span, &str)> {
    let is_word = |c: char| c.is_alphanumeric() || c == '_' || c == '-';
    let offset = offset.min(text.len());
    let start =
        text.get(..offset)?.char_indices().rev().take_while(|(_, c)| is_word(*c)).last().map_or(offset, |(i, _)| i);
    let end = text.get(offset..)?.char_indices().find(|(_, c)| !is_word(*c)).map_or(text.len(), |(i, _)| offset + i);
    let word = text.get(start..end)?;
    (!word.is_empty()).then_some((Span::new(start, end), word))
}

/// The keyword of the innermost block around `offset` (`party`, `seat`, …),
/// or `agreement` in the header.
pub fn enclosing_block(m: &Model, text: &str, offset: usize) -> Option<&'static str> {
    let inner = walk::definitions(m)
        .into_iter()
        .filter(|d| d.span.start <= offset && offset <= d.span.end)
        .min_by_key(|d| d.span.len());
    match inner {
        Some(d) => Some(match d.target {
            Target::Obligation(o) if m.obligations.get(o.index()).is_some_and(|o| o.task_of_body) => "task",
            t => t.kind_name(),
        }),
        None if m.term.as_ref().is_some_and(|t| t.span.start <= offset && offset <= t.span.end) => Some("term"),
        None if super::outline::header_span(text, m).start <= offset
            && offset <= super::outline::header_span(text, m).end =>
        {
            Some("agreement")
        }
        None => None,
    }
}

pub fn rule_markdown(rule: &RuleInfo) -> String {
    format!("**{}** `{}` (default: {})\n\n{}", rule.code, rule.name, rule.severity, rule.explanation)
}

fn side(s: &Option<Spanned<Side>>) -> Option<String> {
    s.as_ref().map(|s| s.value.name().to_string())
}

fn ids(m: &Model, refs: &[Ref]) -> String {
    refs.iter().map(|r| format!("`{}`", m.target_id(r.target))).collect::<Vec<_>>().join(", ")
}

fn one(m: &Model, r: &Option<Ref>) -> Option<String> {
    r.as_ref().map(|r| format!("`{}`", m.target_id(r.target)))
}

/// Markdown describing an element: kind, id, name, and what matters most.
pub fn describe(m: &Model, target: Target) -> String {
    let id = m.target_id(target);
    let mut lines: Vec<(&str, String)> = Vec::new();
    let mut push = |k: &'static str, v: Option<String>| {
        if let Some(v) = v.filter(|v| !v.is_empty()) {
            lines.push((k, v));
        }
    };
    let mut name: Option<String> = None;
    let mut wording: Option<String> = None;
    match target {
        Target::AllParties => {
            let all: Vec<String> = m.parties.iter().map(|p| format!("`{}`", p.id.value)).collect();
            return format!("**all parties**: {}", all.join(", "));
        }
        Target::Goal(i) => {
            if let Some(g) = m.goals.get(i.index()) {
                name = Some(g.text.value.clone());
            }
        }
        Target::Party(i) => {
            if let Some(p) = m.parties.get(i.index()) {
                name = Some(p.name.value.clone());
                push("side", side(&p.side));
                push("represented by", p.represented_by.as_ref().map(|r| r.value.clone()));
                push("kind", p.kind.as_ref().map(|k| k.value.clone()));
                wording = p.meta.wording.as_ref().map(|w| w.value.clone());
            }
        }
        Target::Office(i) => {
            if let Some(o) = m.offices.get(i.index()) {
                name = Some(o.name.value.clone());
                push("of", one(m, &o.of));
                push("holder", o.holder.as_ref().map(|h| h.value.clone()));
                wording = o.meta.wording.as_ref().map(|w| w.value.clone());
            }
        }
        Target::Actor(i) => {
            if let Some(x) = m.actors.get(i.index()) {
                name = Some(x.name.value.clone());
                push("side", side(&x.side));
                push("part of", one(m, &x.part_of));
            }
        }
        Target::Body(i) => {
            if let Some(b) = m.bodies.get(i.index()) {
                name = Some(b.name.value.clone());
                push("kind", b.kind.as_ref().map(|k| k.value.clone()));
                push(
                    "seats",
                    Some(format!(
                        "{} ({} voting){}{}",
                        b.total_seats(),
                        b.voting_seats(),
                        b.declared_seats.as_ref().map(|d| format!(", {} stated", d.value)).unwrap_or_default(),
                        if b.parity.is_some() { ", paritätisch" } else { "" }
                    )),
                );
                push("chair", one(m, &b.chair));
                push("meets", b.meeting.as_ref().map(|mt| mt.frequency.value.to_string()));
                push("decides", b.decides.as_ref().map(|d| d.value.name()));
                push("reports to", one(m, &b.reports_to));
                push("continues", b.continues.as_ref().map(|c| format!("`{}`", c.value)));
                wording = b.meta.wording.as_ref().map(|w| w.value.clone());
            }
        }
        Target::Seat(s) => {
            if let Some(seat) = m.seat(s) {
                name = seat.label.as_ref().map(|l| l.value.clone());
                push("party", one(m, &seat.party));
                push("office", one(m, &seat.office));
                push("side", m.seat_side(seat).map(|s| s.name().to_string()));
                push(
                    "seats",
                    Some(format!("{} {}", seat.count.value, if seat.voting { "voting" } else { "advisory" })),
                );
            }
        }
        Target::Obligation(i) => {
            if let Some(o) = m.obligations.get(i.index()) {
                push("bearer", Some(ids(m, &o.bearer)));
                push(
                    "duty",
                    o.modality.as_ref().map(|md| {
                        format!("{} „{}“", md.value.keyword(), o.action.as_ref().map_or("", |a| a.value.as_str()))
                    }),
                );
                push("beneficiary", Some(ids(m, &o.beneficiary)));
                push("frequency", o.frequency.as_ref().map(|f| f.value.to_string()));
                push("deadline", o.deadline.as_ref().map(|d| d.value.to_string()));
                push("conditions", Some(conditions(&o.conditions)));
                wording = o.meta.wording.as_ref().map(|w| w.value.clone());
            }
        }
        Target::Service(i) => {
            if let Some(x) = m.services.get(i.index()) {
                name = Some(x.name.value.clone());
                push("provider", one(m, &x.provider));
                push("beneficiary", Some(ids(m, &x.beneficiary)));
                push("chosen by", one(m, &x.chosen_by));
                push("free of charge", x.free_of_charge.map(|_| "yes".to_string()));
                push("conditions", Some(conditions(&x.conditions)));
            }
        }
        Target::Project(i) => {
            if let Some(x) = m.projects.get(i.index()) {
                name = Some(x.name.value.clone());
                push("partners", Some(ids(m, &x.partners)));
            }
        }
        Target::Financing(i) => {
            if let Some(f) = m.financings.get(i.index()) {
                name = Some(f.name.value.clone());
                push("payer", Some(ids(m, &f.payer)));
                push("recipient", Some(ids(m, &f.recipient)));
                push("amount", f.amount.as_ref().map(amount));
                let tranches: Vec<String> =
                    f.tranches.iter().map(|t| format!("{}: {}", t.year.value, amount(&t.amount))).collect();
                push("tranches", Some(tranches.join("; ")));
                push("conditions", Some(conditions(&f.conditions)));
            }
        }
        Target::Procedure(i) => {
            if let Some(p) = m.procedures.get(i.index()) {
                name = Some(p.name.value.clone());
                let steps: Vec<String> = p.steps.iter().map(|s| format!("`{}`", s.id.value)).collect();
                push("steps", Some(steps.join(" → ")));
            }
        }
        Target::Step(s) => {
            if let Some(st) = m.step(s) {
                name = st.label.as_ref().map(|l| l.value.clone());
                push("by", one(m, &st.by));
                push("kind", st.kind.as_ref().map(|k| k.value.keyword().to_string()));
                push("after", Some(ids(m, &st.after)));
                push("consent of", Some(ids(m, &st.consent_of)));
                push("consultation of", Some(ids(m, &st.consultation_of)));
                push("commits money", st.commits_money.map(|_| "yes".to_string()));
            }
        }
        Target::Approval(i) => {
            if let Some(x) = m.approvals.get(i.index()) {
                name = Some(x.name.value.clone());
                push("by", one(m, &x.by));
                push("date", x.date.as_ref().map(|d| d.value.to_string()));
            }
        }
        Target::Signature(i) => {
            if let Some(x) = m.signatures.get(i.index()) {
                push("party", one(m, &x.party));
                push("signatory", x.signatory.as_ref().map(|s| s.value.clone()));
                push("office", one(m, &x.office));
                push("date", x.date.as_ref().map(|d| d.value.to_string()));
                push("place", x.place.as_ref().map(|p| p.value.clone()));
            }
        }
        Target::Group(i) => {
            if let Some(g) = m.group(i) {
                name = Some(g.name.value.clone());
                let members: Vec<String> = m
                    .group_parties(i)
                    .into_iter()
                    .filter_map(|p| m.party(p))
                    .map(|p| format!("`{}`", p.id.value))
                    .collect();
                push("members", Some(members.join(", ")));
                push("side", side(&g.side));
            }
        }
        Target::Key(i) => {
            if let Some(k) = m.key(i) {
                name = Some(k.name.value.clone());
                push("of", one(m, &k.of));
                push("year", k.year.as_ref().map(|y| y.value.to_string()));
                push("source", k.source.as_ref().map(|s| s.value.clone()));
                push(
                    "figures",
                    Some(
                        k.shares
                            .iter()
                            .map(|s| format!("`{}` {} %", s.party.id, s.percent.value))
                            .collect::<Vec<_>>()
                            .join(", "),
                    ),
                );
                if k.example.is_some() {
                    push("example", Some("invented figures".to_string()));
                }
            }
        }
        Target::Decision(d) => {
            if let Some(x) = m.decision(d) {
                name = x.label.as_ref().map(|l| l.value.clone());
                for c in &x.requires {
                    let words: Vec<String> =
                        c.any_of.iter().map(|r| r.value.describe(|r: &Ref| format!("`{}`", r.id))).collect();
                    push("requires", Some(words.join(" or ")));
                }
            }
        }
        Target::Institution(i) => {
            if let Some(x) = m.institutions.get(i.index()) {
                name = Some(x.name.value.clone());
                push("legal form", x.legal_form.as_ref().map(|f| f.value.clone()));
                push("located in", x.located_in.as_ref().map(|f| f.value.clone()));
                push(
                    "owners",
                    Some(x.owners.iter().map(|o| format!("`{}`", o.owner.id)).collect::<Vec<_>>().join(", ")),
                );
            }
        }
        Target::Act(i) => {
            if let Some(x) = m.acts.get(i.index()) {
                name = Some(x.name.value.clone());
                push("date", x.date.as_ref().map(|d| d.value.to_string()));
            }
        }
        Target::Ratification(i) => {
            if let Some(x) = m.ratifications.get(i.index()) {
                name = Some(x.name.value.clone());
                push("by", one(m, &x.by));
                push("deadline", x.deadline.as_ref().map(|d| d.value.to_string()));
            }
        }
    }
    let mut out = format!("**{}** `{id}`", target.kind_name());
    if let Some(n) = name {
        out.push_str(&format!(": {n}"));
    }
    for (k, v) in lines {
        out.push_str(&format!("\n- {k}: {v}"));
    }
    if let Some(w) = wording {
        out.push_str(&format!("\n\n> {w}"));
    }
    out
}

fn amount(a: &Amount) -> String {
    let bound = match a.bound {
        Bound::UpTo => "up to",
        Bound::Exactly => "exactly",
        Bound::About => "about",
    };
    format!("{bound} {}", a.money)
}

fn conditions(c: &[Spanned<Condition>]) -> String {
    c.iter()
        .map(|c| match &c.value {
            Condition::BudgetReservation => "budget reservation".to_string(),
            Condition::Text(t) => format!("„{t}“"),
        })
        .collect::<Vec<_>>()
        .join("; ")
}
