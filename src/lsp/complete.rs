//! Completion: the keywords the grammar accepts at the cursor, names of
//! the kinds the attribute takes, rule names after `allow`.
//!
//! In: an `Analysis` and a byte offset. Out: candidates and the span they
//! replace. The keywords come from the parser itself: the text up to the
//! cursor, followed by a character no token starts with, fails exactly at
//! the cursor, and pest's "expected" list there is the answer.

use super::analysis::Analysis;
use super::docs;
use super::walk;
use crate::model::{Model, Target};
use crate::resolve::Kinds;
use crate::rules;
use crate::span::Span;
use crate::syntax::{self, PaktParser, Rule};
use pest::Parser as _;

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum What {
    Keyword,
    Name(&'static str),
    Rule,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Candidate {
    pub label: String,
    pub what: What,
    pub detail: String,
    pub documentation: Option<String>,
}

/// Rounds of blanking earlier broken lines before the cursor.
const MAX_ROUNDS: usize = 8;

/// What the grammar expects at the end of `prefix`: the rules pest names.
fn expected_at_end(prefix: &str) -> Vec<Rule> {
    let mut text = format!("{prefix}\0");
    let end = prefix.len();
    for _ in 0..MAX_ROUNDS {
        let err = match PaktParser::parse(Rule::file, &text) {
            Ok(_) => return Vec::new(),
            Err(e) => e,
        };
        let pos = match err.location {
            pest::error::InputLocation::Pos(p) => p,
            pest::error::InputLocation::Span((s, _)) => s,
        };
        let positives = match err.variant {
            pest::error::ErrorVariant::ParsingError { positives, .. } => positives,
            pest::error::ErrorVariant::CustomError { .. } => Vec::new(),
        };
        if pos >= text.get(..end).map_or(end, |t| t.trim_end().len()) {
            return positives;
        }
        // A syntax error before the cursor: blank its line and try again.
        let start = text.get(..pos).and_then(|t| t.rfind('\n')).map_or(0, |i| i + 1);
        let stop = text.get(pos..end).and_then(|t| t.find('\n')).map_or(end, |i| pos + i);
        let Some(region) = text.get(start..stop) else { return Vec::new() };
        let blank: String = region.chars().map(|c| " ".repeat(c.len_utf8())).collect();
        text.replace_range(start..stop, &blank);
    }
    Vec::new()
}

/// The keywords a rule stands for in "expected …" (`voting_attr` →
/// `voting`, `advisory`), taken from the words `syntax::rule_name` quotes.
fn rule_keywords(rule: Rule) -> Vec<&'static str> {
    syntax::rule_name(rule)
        .split('`')
        .skip(1)
        .step_by(2)
        .filter_map(|quoted| quoted.split_whitespace().next())
        .filter(|w| docs::is_keyword(w))
        .collect()
}

/// The kinds of element an attribute keyword refers to (as `resolve` checks them).
fn kinds_after(keyword: &str, block: Option<&str>) -> Option<Kinds> {
    let who = Kinds::PARTY.or(Kinds::ACTOR).or(Kinds::OFFICE).or(Kinds::BODY);
    let parties = Kinds::PARTY.or(Kinds::ACTOR).or(Kinds::ALL);
    Some(match keyword {
        "bearer" => who.or(Kinds::ALL).or(Kinds::SEAT),
        "by" if block == Some("approval") => who,
        "by" => who.or(Kinds::ALL).or(Kinds::SEAT),
        "beneficiary" | "binding" | "formed_by" | "consent_of" | "consultation_of" => who.or(Kinds::ALL),
        "reports_to" | "provider" | "chosen_by" => who,
        "of" | "part_of" => Kinds::PARTY.or(Kinds::ACTOR),
        "party" if block == Some("signature") => Kinds::PARTY,
        "party" => Kinds::PARTY.or(Kinds::ACTOR),
        "office" => Kinds::OFFICE,
        "chair" => Kinds::SEAT.or(Kinds::OFFICE).or(Kinds::PARTY),
        "partners" | "payer" | "recipient" => parties.or(Kinds::BODY),
        "after" => Kinds::STEP,
        _ => return None,
    })
}

/// The attribute keyword a reference list at `at` belongs to: the last
/// word before it that takes references (`bearer land, gemeinde|`).
fn attribute_before(text: &str, at: usize) -> Option<&str> {
    let before = text.get(..at)?;
    let stop = before.rfind(['{', '}', '"']).map_or(0, |i| i + 1);
    before.get(stop..)?.split(|c: char| c.is_whitespace() || c == ',').rev().find(|w| kinds_after(w, None).is_some())
}

/// The names a reference may take, with the local names of the enclosing
/// body or procedure (`chair cio`, `after vorschlag`).
fn names(m: &Model, kinds: Kinds, offset: usize) -> Vec<Candidate> {
    let defs = walk::definitions(m);
    let scope = defs
        .iter()
        .filter(|d| matches!(d.target, Target::Body(_) | Target::Procedure(_)))
        .find(|d| d.span.start <= offset && offset <= d.span.end)
        .map(|d| d.target);
    let mut out = Vec::new();
    if kinds.contains(Kinds::ALL) {
        out.push(Candidate {
            label: "all".into(),
            what: What::Keyword,
            detail: "every party".into(),
            documentation: None,
        });
    }
    for d in &defs {
        if !kinds.contains(Kinds::of(d.target)) {
            continue;
        }
        let detail =
            format!("{}{}", d.target.kind_name(), d.name.as_ref().map(|n| format!(": {n}")).unwrap_or_default());
        if d.parent.is_some() && d.parent == scope {
            if let Some((_, local)) = d.id.rsplit_once('.') {
                out.push(Candidate {
                    label: local.to_string(),
                    what: What::Name(d.target.kind_name()),
                    detail: detail.clone(),
                    documentation: None,
                });
            }
        }
        out.push(Candidate {
            label: d.id.clone(),
            what: What::Name(d.target.kind_name()),
            detail,
            documentation: None,
        });
    }
    out
}

/// Completion candidates at `offset`, and the span of the word they replace.
pub fn complete(a: &Analysis, offset: usize) -> (Span, Vec<Candidate>) {
    let offset = offset.min(a.text.len());
    let mut start = offset;
    while start > 0 {
        let Some(c) = a.text.get(..start).and_then(|t| t.chars().next_back()) else { break };
        if c.is_alphanumeric() || c == '_' || c == '-' || c == '.' {
            start -= c.len_utf8();
        } else {
            break;
        }
    }
    let span = Span::new(start, offset);
    let Some(prefix) = a.text.get(..start) else { return (span, Vec::new()) };
    let expected = expected_at_end(prefix);
    let mut out: Vec<Candidate> = Vec::new();
    let block = a.model.as_ref().and_then(|m| super::hover::enclosing_block(m, &a.text, offset));
    let keyword_before = prefix.split_whitespace().next_back().unwrap_or("");
    for rule in &expected {
        match rule {
            Rule::reference | Rule::reference_list | Rule::path => {
                let kinds = attribute_before(&a.text, start).and_then(|k| kinds_after(k, block));
                if let (Some(m), Some(kinds)) = (a.model.as_ref(), kinds) {
                    out.extend(names(m, kinds, offset));
                } else {
                    out.push(Candidate {
                        label: "all".into(),
                        what: What::Keyword,
                        detail: "every party".into(),
                        documentation: None,
                    });
                }
            }
            Rule::ident if keyword_before == "allow" => {
                out.extend(rules::REGISTRY.iter().map(|r| Candidate {
                    label: r.name.to_string(),
                    what: What::Rule,
                    detail: format!("{} {}", r.code, r.summary),
                    documentation: Some(r.explanation.to_string()),
                }));
            }
            Rule::ident if keyword_before == "continues" => {
                if let Some(pm) = a.predecessor.as_ref().and_then(|p| p.model.as_ref()) {
                    out.extend(pm.bodies.iter().map(|b| Candidate {
                        label: b.id.value.clone(),
                        what: What::Name("body"),
                        detail: format!("body of the superseded agreement: {}", b.name.value),
                        documentation: None,
                    }));
                }
            }
            r => {
                for kw in rule_keywords(*r) {
                    out.push(Candidate {
                        label: kw.to_string(),
                        what: What::Keyword,
                        detail: "keyword".into(),
                        documentation: docs::keyword_markdown(kw, block),
                    });
                }
            }
        }
    }
    out.sort();
    out.dedup_by(|a, b| a.label == b.label && a.what == b.what);
    (span, out)
}
