//! Validation rules: the mistakes a drafter makes in a framework agreement.
//!
//! In: a resolved model (and the model it supersedes, if any) and the
//! configuration. Out: findings as diagnostics, each with its rule's code
//! and name, the configured severity, and — where the element allows the
//! rule with a reason — marked as suppressed with that reason.
//!
//! Every rule is one entry in `REGISTRY`: a stable code, a kebab-case name,
//! a default severity, its parameters, an explanation (a Markdown file under
//! `docs/rules/`, printed by `pakt explain`) and the function that checks.

mod a001_parity;
mod a002_seat_count;
mod a003_meeting_rule;
mod a004_meeting_threshold;
mod a005_chair;
mod a006_consent_before_financing;
mod a007_unanimity;
mod a008_tranches;
mod a009_budget_reservation;
mod a010_reporting_cycle;
mod a011_step_cycle;
mod a012_obligation_bearer;
mod a013_unbound_party;
mod a014_signatures;
mod a015_approval_date;
mod a016_successor_date;
mod a017_term;
mod a018_continuity;
mod a019_unheld_obligation;
mod a022_unreachable_threshold;
mod a023_voteless_veto;
mod a024_parity_breakers;
mod a025_group_members;
mod a026_key_figures;
mod a027_rotation_seats;
mod a028_financing_shares;
mod a029_indeterminate_shares;
mod a030_impossible_decision;
mod a031_entry_into_force;
mod a032_institution;
mod a034_double_seat;
mod a035_dates;
mod a036_signature_consistency;
mod a037_placeholder_signatory;
mod a038_self_payment;
mod a039_free_and_costly;
mod a040_side_kind;
mod a041_decide_without_rule;
mod a042_formed_by_cycle;
mod a043_third_party_duty;
mod governance;
mod helpers;
mod placeholder;
mod power;
mod unused_allow;

use crate::config::Config;
use crate::diagnostic::{Diagnostic, Label, Severity};
use crate::model::*;
use crate::resolve::levenshtein;

/// A parameter a rule takes from `pakt.toml`.
#[derive(Debug, Clone, Copy)]
pub struct Param {
    pub name: &'static str,
    pub default: i64,
    pub min: i64,
    pub description: &'static str,
}

/// One registered rule.
#[derive(Clone, Copy)]
pub struct RuleInfo {
    pub code: &'static str,
    pub name: &'static str,
    pub severity: Severity,
    /// One line: what the rule checks.
    pub summary: &'static str,
    pub params: &'static [Param],
    /// Markdown with the headings in `EXPLANATION_HEADINGS`.
    pub explanation: &'static str,
    pub check: fn(&Context<'_>, &mut Sink<'_>),
}

impl std::fmt::Debug for RuleInfo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}({})", self.code, self.name)
    }
}

mod explain_de;
pub use explain_de::{explanation_de, EXPLANATION_HEADINGS_DE};

/// The headings every explanation has, in this order.
pub const EXPLANATION_HEADINGS: &[&str] =
    &["## What it checks", "## Why it matters", "## Example that fails", "## How to fix it"];

/// What a rule sees.
pub struct Context<'a> {
    pub model: &'a Model,
    /// The agreement this one supersedes, when it could be loaded.
    pub predecessor: Option<&'a Model>,
    pub predecessor_path: Option<String>,
    pub config: &'a Config,
}

/// Collects the findings of one rule.
pub struct Sink<'a> {
    rule: &'a RuleInfo,
    severity: Severity,
    config: &'a Config,
    header: &'a Meta,
    findings: Vec<Diagnostic>,
    /// For each finding: where it is anchored and which `allow` suppressed it (R008).
    anchoring: Vec<unused_allow::Anchoring>,
}

impl<'a> Sink<'a> {
    pub fn rule(&self) -> &RuleInfo {
        self.rule
    }
    /// A parameter of the running rule.
    pub fn param(&self, name: &str) -> i64 {
        self.config.param(self.rule, name)
    }
    /// A finding of the running rule, to be completed and `push`ed.
    pub fn finding(&self, message: impl Into<String>, primary: Label) -> Diagnostic {
        let mut d = Diagnostic::error(self.rule.code, self.rule.name, message, primary);
        d.severity = self.severity;
        d
    }
    /// Record a finding. `anchors` are the elements whose `allow` may
    /// suppress it (the agreement header always may).
    pub fn push(&mut self, anchors: &[&Meta], mut d: Diagnostic) {
        let mut used = None;
        for meta in anchors.iter().copied().chain(std::iter::once(self.header)) {
            if let Some((i, a)) = meta
                .allows
                .iter()
                .enumerate()
                .find(|(_, a)| a.rule.value == self.rule.name || a.rule.value == self.rule.code)
            {
                d.suppressed = Some(a.reason.value.clone());
                used = Some((unused_allow::key(meta), i));
                break;
            }
        }
        let at = unused_allow::key(anchors.first().copied().unwrap_or(self.header));
        self.anchoring.push(unused_allow::Anchoring { rule: self.rule.code, at, used });
        self.findings.push(d);
    }
}

/// All rules, in code order. Codes are stable and never reused.
pub static REGISTRY: &[RuleInfo] = &[
    RuleInfo {
        code: "A001",
        name: "parity",
        severity: Severity::Error,
        summary: "a body declared paritätisch has as many voting seats for the Land as for the municipal side",
        params: &[],
        explanation: include_str!("../../docs/rules/A001-parity.md"),
        check: a001_parity::check,
    },
    RuleInfo {
        code: "A002",
        name: "seat-count",
        severity: Severity::Error,
        summary: "a stated number of seats matches the seats listed",
        params: &[],
        explanation: include_str!("../../docs/rules/A002-seat-count.md"),
        check: a002_seat_count::check,
    },
    RuleInfo {
        code: "A003",
        name: "meeting-rule",
        severity: Severity::Error,
        summary: "every body that decides or has tasks has a meeting rule, at least as often as the configured minimum",
        params: &[Param {
            name: "min-per-year",
            default: 1,
            min: 0,
            description: "the least number of meetings per year a stated frequency must reach (default 1)",
        }],
        explanation: include_str!("../../docs/rules/A003-meeting-rule.md"),
        check: a003_meeting_rule::check,
    },
    RuleInfo {
        code: "A004",
        name: "meeting-threshold",
        severity: Severity::Error,
        summary: "a request threshold and a quorum lie between 1 and the number of seats",
        params: &[],
        explanation: include_str!("../../docs/rules/A004-meeting-threshold.md"),
        check: a004_meeting_threshold::check,
    },
    RuleInfo {
        code: "A005",
        name: "chair",
        severity: Severity::Error,
        summary: "the chair holds a seat of the body, or an office of a party with a seat",
        params: &[],
        explanation: include_str!("../../docs/rules/A005-chair.md"),
        check: a005_chair::check,
    },
    RuleInfo {
        code: "A006",
        name: "consent-before-financing",
        severity: Severity::Error,
        summary: "every step that commits money comes after the payers' consent on financing (Einvernehmen)",
        params: &[],
        explanation: include_str!("../../docs/rules/A006-consent-before-financing.md"),
        check: a006_consent_before_financing::check,
    },
    RuleInfo {
        code: "A007",
        name: "unanimity",
        severity: Severity::Error,
        summary: "a decision that needs the consent of all partners requires the consent of every party",
        params: &[],
        explanation: include_str!("../../docs/rules/A007-unanimity.md"),
        check: a007_unanimity::check,
    },
    RuleInfo {
        code: "A008",
        name: "tranches",
        severity: Severity::Error,
        summary:
            "yearly tranches are positive, unique per year, in one currency, inside the term, and add up to the ceiling",
        params: &[],
        explanation: include_str!("../../docs/rules/A008-tranches.md"),
        check: a008_tranches::check,
    },
    RuleInfo {
        code: "A009",
        name: "budget-reservation",
        severity: Severity::Warning,
        summary: "money a public party pays, or a costly duty it bears, is subject to a budget reservation",
        params: &[],
        explanation: include_str!("../../docs/rules/A009-budget-reservation.md"),
        check: a009_budget_reservation::check,
    },
    RuleInfo {
        code: "A010",
        name: "reporting-cycle",
        severity: Severity::Error,
        summary: "reporting lines between bodies do not go round in a cycle",
        params: &[],
        explanation: include_str!("../../docs/rules/A010-reporting-cycle.md"),
        check: a010_reporting_cycle::check,
    },
    RuleInfo {
        code: "A011",
        name: "step-cycle",
        severity: Severity::Error,
        summary: "the steps of a procedure do not wait for each other in a cycle",
        params: &[],
        explanation: include_str!("../../docs/rules/A011-step-cycle.md"),
        check: a011_step_cycle::check,
    },
    RuleInfo {
        code: "A012",
        name: "obligation-bearer",
        severity: Severity::Error,
        summary: "every obligation names who bears it",
        params: &[],
        explanation: include_str!("../../docs/rules/A012-obligation-bearer.md"),
        check: a012_obligation_bearer::check,
    },
    RuleInfo {
        code: "A013",
        name: "unbound-party",
        severity: Severity::Warning,
        summary: "every party is bound by something or sits somewhere",
        params: &[],
        explanation: include_str!("../../docs/rules/A013-unbound-party.md"),
        check: a013_unbound_party::check,
    },
    RuleInfo {
        code: "A014",
        name: "signatures",
        severity: Severity::Error,
        summary: "every party has a signatory who signs for it",
        params: &[],
        explanation: include_str!("../../docs/rules/A014-signatures.md"),
        check: a014_signatures::check,
    },
    RuleInfo {
        code: "A015",
        name: "approval-date",
        severity: Severity::Error,
        summary: "approvals are dated no later than the signature",
        params: &[],
        explanation: include_str!("../../docs/rules/A015-approval-date.md"),
        check: a015_approval_date::check,
    },
    RuleInfo {
        code: "A016",
        name: "successor-date",
        severity: Severity::Error,
        summary: "an agreement is dated after the agreement it supersedes or renews",
        params: &[],
        explanation: include_str!("../../docs/rules/A016-successor-date.md"),
        check: a016_successor_date::check,
    },
    RuleInfo {
        code: "A017",
        name: "term",
        severity: Severity::Warning,
        summary: "the agreement has a term or a termination clause",
        params: &[],
        explanation: include_str!("../../docs/rules/A017-term.md"),
        check: a017_term::check,
    },
    RuleInfo {
        code: "A018",
        name: "continuity",
        severity: Severity::Error,
        summary: "a body that continues a predecessor body names one that exists in the superseded agreement",
        params: &[],
        explanation: include_str!("../../docs/rules/A018-continuity.md"),
        check: a018_continuity::check,
    },
    RuleInfo {
        code: "A019",
        name: "unheld-obligation",
        severity: Severity::Warning,
        summary: "an obligation of a body can be held to a party: some party has a seat in the body",
        params: &[],
        explanation: include_str!("../../docs/rules/A019-unheld-obligation.md"),
        check: a019_unheld_obligation::check,
    },
    RuleInfo {
        code: "A020",
        name: "parity-power",
        severity: Severity::Warning,
        summary: "in a body declared paritätisch, neither side can decide alone and both sides have equal voting power",
        params: &[],
        explanation: include_str!("../../docs/rules/A020-parity-power.md"),
        check: power::parity_power,
    },
    RuleInfo {
        code: "A021",
        name: "unblockable-binding",
        severity: Severity::Warning,
        summary: "a side bound by a body's decisions can block them (holds a veto or a blocking minority)",
        params: &[],
        explanation: include_str!("../../docs/rules/A021-unblockable-binding.md"),
        check: power::unblockable_binding,
    },
    RuleInfo {
        code: "A022",
        name: "unreachable-threshold",
        severity: Severity::Error,
        summary: "a decision rule's quorum or threshold can be reached by the voting members",
        params: &[],
        explanation: include_str!("../../docs/rules/A022-unreachable-threshold.md"),
        check: a022_unreachable_threshold::check,
    },
    RuleInfo {
        code: "A023",
        name: "voteless-veto",
        severity: Severity::Error,
        summary: "a decision rule needs only the votes of those who hold a voting seat",
        params: &[],
        explanation: include_str!("../../docs/rules/A023-voteless-veto.md"),
        check: a023_voteless_veto::check,
    },
    RuleInfo {
        code: "A024",
        name: "parity-breakers",
        severity: Severity::Warning,
        summary: "a paritätisch body has no varying seats and no casting vote held by one side",
        params: &[],
        explanation: include_str!("../../docs/rules/A024-parity-breakers.md"),
        check: a024_parity_breakers::check,
    },
    RuleInfo {
        code: "A025",
        name: "group-members",
        severity: Severity::Error,
        summary: "a group lists each member once, has members, and only of its stated side",
        params: &[],
        explanation: include_str!("../../docs/rules/A025-group-members.md"),
        check: a025_group_members::check,
    },
    RuleInfo {
        code: "A026",
        name: "key-figures",
        severity: Severity::Error,
        summary: "a distribution key adds up to 100 %, covers its group, and cites a source",
        params: &[],
        explanation: include_str!("../../docs/rules/A026-key-figures.md"),
        check: a026_key_figures::check,
    },
    RuleInfo {
        code: "A027",
        name: "rotation-seats",
        severity: Severity::Error,
        summary: "a chair rotates only among parties or groups that hold a seat in the body",
        params: &[],
        explanation: include_str!("../../docs/rules/A027-rotation-seats.md"),
        check: a027_rotation_seats::check,
    },
    RuleInfo {
        code: "A028",
        name: "financing-shares",
        severity: Severity::Error,
        summary: "the shares of a financing add up, name each payer once, and their keys cover every payer",
        params: &[],
        explanation: include_str!("../../docs/rules/A028-financing-shares.md"),
        check: a028_financing_shares::check,
    },
    RuleInfo {
        code: "A029",
        name: "indeterminate-shares",
        severity: Severity::Warning,
        summary: "joint payers of a financing have their shares stated",
        params: &[],
        explanation: include_str!("../../docs/rules/A029-indeterminate-shares.md"),
        check: a029_indeterminate_shares::check,
    },
    RuleInfo {
        code: "A030",
        name: "impossible-decision",
        severity: Severity::Error,
        summary: "no decision rule needs more members than the agreement may keep while in force",
        params: &[],
        explanation: include_str!("../../docs/rules/A030-impossible-decision.md"),
        check: a030_impossible_decision::check,
    },
    RuleInfo {
        code: "A031",
        name: "entry-into-force",
        severity: Severity::Error,
        summary: "conditions for entry into force and ratification dates agree with the parties and the signing date",
        params: &[],
        explanation: include_str!("../../docs/rules/A031-entry-into-force.md"),
        check: a031_entry_into_force::check,
    },
    RuleInfo {
        code: "A032",
        name: "institution",
        severity: Severity::Error,
        summary: "an institution has owners whose shares add up, and organs of its own",
        params: &[],
        explanation: include_str!("../../docs/rules/A032-institution.md"),
        check: a032_institution::check,
    },
    RuleInfo {
        code: "A033",
        name: "placeholder",
        severity: Severity::Warning,
        summary: "no text still holds a `FILL IN` placeholder (as `pakt init` writes them)",
        params: &[],
        explanation: include_str!("../../docs/rules/A033-placeholder.md"),
        check: placeholder::placeholder,
    },
    RuleInfo {
        code: "A034",
        name: "double-seat",
        severity: Severity::Error,
        summary: "one office holds at most one seat of a body, and no person holds offices of both sides",
        params: &[],
        explanation: include_str!("../../docs/rules/A034-double-seat.md"),
        check: a034_double_seat::check,
    },
    RuleInfo {
        code: "A035",
        name: "dates",
        severity: Severity::Error,
        summary: "the term starts before it ends and says how it ends; deadlines and tranches lie within the agreement's time",
        params: &[],
        explanation: include_str!("../../docs/rules/A035-dates.md"),
        check: a035_dates::check,
    },
    RuleInfo {
        code: "A036",
        name: "signature-consistency",
        severity: Severity::Error,
        summary: "a signatory signs under an office of their own party, is its holder, and signs near the others",
        params: &[],
        explanation: include_str!("../../docs/rules/A036-signature-consistency.md"),
        check: a036_signature_consistency::check,
    },
    RuleInfo {
        code: "A037",
        name: "placeholder-signatory",
        severity: Severity::Warning,
        summary: "a signatory is a person, not a placeholder such as N.N.",
        params: &[],
        explanation: include_str!("../../docs/rules/A037-placeholder-signatory.md"),
        check: a037_placeholder_signatory::check,
    },
    RuleInfo {
        code: "A038",
        name: "self-payment",
        severity: Severity::Error,
        summary: "no payer is the sole recipient of its own money",
        params: &[],
        explanation: include_str!("../../docs/rules/A038-self-payment.md"),
        check: a038_self_payment::check,
    },
    RuleInfo {
        code: "A039",
        name: "free-and-costly",
        severity: Severity::Error,
        summary: "nothing is both free of charge and costly",
        params: &[],
        explanation: include_str!("../../docs/rules/A039-free-and-costly.md"),
        check: a039_free_and_costly::check,
    },
    RuleInfo {
        code: "A040",
        name: "side-kind",
        severity: Severity::Error,
        summary: "a party's side agrees with its kind",
        params: &[],
        explanation: include_str!("../../docs/rules/A040-side-kind.md"),
        check: a040_side_kind::check,
    },
    RuleInfo {
        code: "A041",
        name: "decide-without-rule",
        severity: Severity::Error,
        summary: "a body that takes a decide step states how it decides",
        params: &[],
        explanation: include_str!("../../docs/rules/A041-decide-without-rule.md"),
        check: a041_decide_without_rule::check,
    },
    RuleInfo {
        code: "A042",
        name: "formed-by-cycle",
        severity: Severity::Error,
        summary: "bodies do not form each other in a circle",
        params: &[],
        explanation: include_str!("../../docs/rules/A042-formed-by-cycle.md"),
        check: a042_formed_by_cycle::check,
    },
    RuleInfo {
        code: "A043",
        name: "third-party-duty",
        severity: Severity::Warning,
        summary: "an obligation binds parties (or what belongs to them), not third parties",
        params: &[],
        explanation: include_str!("../../docs/rules/A043-third-party-duty.md"),
        check: a043_third_party_duty::check,
    },
];

/// Find a rule by code (`A001`, any case) or name (`parity`).
pub fn find(key: &str) -> Option<&'static RuleInfo> {
    REGISTRY.iter().find(|r| r.code.eq_ignore_ascii_case(key) || r.name == key)
}

/// The rule nearest to an unknown key, for "did you mean".
pub fn nearest(key: &str) -> Option<&'static RuleInfo> {
    let by_name = REGISTRY
        .iter()
        .map(|r| (levenshtein(key, r.name), r))
        .filter(|(d, r)| *d <= (r.name.len() / 3).max(2))
        .min_by_key(|(d, _)| *d);
    let by_code = REGISTRY
        .iter()
        .map(|r| (levenshtein(&key.to_ascii_uppercase(), r.code), r))
        // A typo in the digits of a rule code, not another kind of code (R001).
        .filter(|(d, r)| *d <= 1 && key.get(..1).is_some_and(|c| r.code.starts_with(&c.to_ascii_uppercase())))
        .min_by_key(|(d, _)| *d);
    by_name.or(by_code).map(|(_, r)| r)
}

/// Run every rule that is not off, then check the `allow`s themselves:
/// each names a rule (R006) and suppresses something where it stands (R008).
pub fn run(ctx: &Context<'_>) -> Vec<Diagnostic> {
    let threads = if ctx.model.element_count() < PARALLEL_MIN_ELEMENTS { 1 } else { crate::blockwise::cores() };
    run_on(ctx, threads)
}

/// From this many elements on, the rules run on all cores: below, starting
/// threads costs more than the rules take (about 2 µs per element).
const PARALLEL_MIN_ELEMENTS: usize = 5_000;

/// What one rule found.
struct Ran {
    code: &'static str,
    findings: Vec<Diagnostic>,
    anchoring: Vec<unused_allow::Anchoring>,
}

/// Run the rules on at most `threads` threads. The findings come in
/// registry order whatever the number of threads: each thread takes the
/// next rule not yet taken, and the results are put back in order.
pub fn run_on(ctx: &Context<'_>, threads: usize) -> Vec<Diagnostic> {
    let enabled: Vec<(usize, &RuleInfo, Severity)> =
        REGISTRY.iter().enumerate().filter_map(|(i, rule)| ctx.config.severity(rule).map(|s| (i, rule, s))).collect();
    let one = |rule: &RuleInfo, severity: Severity| {
        let mut sink = Sink {
            rule,
            severity,
            config: ctx.config,
            header: &ctx.model.meta,
            findings: Vec::new(),
            anchoring: Vec::new(),
        };
        (rule.check)(ctx, &mut sink);
        Ran { code: rule.code, findings: sink.findings, anchoring: sink.anchoring }
    };
    let mut results: Vec<(usize, Ran)> = if threads <= 1 {
        enabled.iter().map(|&(i, rule, severity)| (i, one(rule, severity))).collect()
    } else {
        // The costly rules first, so that no thread is left with one of
        // them at the end while the others wait.
        let mut order = enabled.clone();
        order.sort_by_key(|(i, rule, _)| (std::cmp::Reverse(cost(rule)), *i));
        let next = std::sync::atomic::AtomicUsize::new(0);
        let work = || {
            let mut done = Vec::new();
            while let Some(&(i, rule, severity)) = order.get(next.fetch_add(1, std::sync::atomic::Ordering::Relaxed)) {
                done.push((i, one(rule, severity)));
            }
            done
        };
        std::thread::scope(|s| {
            let handles: Vec<_> =
                (1..threads.min(order.len())).map(|_| s.spawn(|| crate::work::measure(work))).collect();
            let mut all = work();
            for h in handles {
                // A panic in a rule (a bug) goes on as it would without threads.
                all.extend(crate::work::carry(h.join().unwrap_or_else(|e| std::panic::resume_unwind(e))));
            }
            all
        })
    };
    results.sort_by_key(|(i, _)| *i);
    let mut out = Vec::new();
    let mut ran = std::collections::BTreeSet::new();
    let mut anchoring = Vec::new();
    for (_, r) in results {
        out.extend(r.findings);
        anchoring.extend(r.anchoring);
        ran.insert(r.code);
    }
    out.extend(unknown_allows(ctx.model));
    out.extend(unused_allow::check(ctx, &ran, &anchoring));
    out
}

/// A rough rank of a rule's cost on a large file (measured with the
/// generated files of `benches/`): the power analysis is the most costly.
fn cost(rule: &RuleInfo) -> u8 {
    match rule.code {
        "A021" => 3,
        "A020" | "A033" => 2,
        "A001" | "A006" | "A009" => 1,
        _ => 0,
    }
}

/// Every `allow` names a registered rule (R006).
fn unknown_allows(model: &Model) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for meta in all_metas(model) {
        for allow in &meta.allows {
            if find(&allow.rule.value).is_some() {
                continue;
            }
            let mut d = Diagnostic::error(
                "R006",
                "unknown-rule",
                format!("`allow` names an unknown rule `{}`", allow.rule.value),
                Label::new(allow.rule.span, "no rule of this name"),
            );
            d = match nearest(&allow.rule.value) {
                Some(r) => d.with_help(format!("did you mean `{}` ({})?", r.name, r.code)),
                None => d.with_help("`pakt rules` lists every rule with its code and name"),
            };
            out.push(d);
        }
    }
    out
}

/// The metadata of every element, header first.
pub fn all_metas(m: &Model) -> Vec<&Meta> {
    let mut v: Vec<&Meta> = vec![&m.meta];
    v.extend(m.goals.iter().map(|x| &x.meta));
    v.extend(m.parties.iter().map(|x| &x.meta));
    v.extend(m.offices.iter().map(|x| &x.meta));
    v.extend(m.actors.iter().map(|x| &x.meta));
    for b in &m.bodies {
        v.push(&b.meta);
        v.extend(b.seats.iter().map(|s| &s.meta));
    }
    v.extend(m.obligations.iter().map(|x| &x.meta));
    v.extend(m.services.iter().map(|x| &x.meta));
    v.extend(m.projects.iter().map(|x| &x.meta));
    v.extend(m.financings.iter().map(|x| &x.meta));
    for p in &m.procedures {
        v.push(&p.meta);
        v.extend(p.steps.iter().map(|s| &s.meta));
    }
    v.extend(m.term.iter().map(|x| &x.meta));
    v.extend(m.approvals.iter().map(|x| &x.meta));
    v.extend(m.signatures.iter().map(|x| &x.meta));
    v.extend(m.groups.iter().map(|x| &x.meta));
    v.extend(m.keys.iter().map(|x| &x.meta));
    v.extend(m.bodies.iter().flat_map(|b| b.decisions.iter().map(|d| &d.meta)));
    v.extend(m.institutions.iter().map(|x| &x.meta));
    v.extend(m.acts.iter().map(|x| &x.meta));
    v.extend(m.ratifications.iter().map(|x| &x.meta));
    v.extend(m.amendment.iter().map(|x| &x.meta));
    v
}
