//! Generic walks over a resolved model: every reference, every definition.
//!
//! In: a `Model`. Out: its references (`Ref` with span and target) and its
//! definitions (target, full id such as `beirat.cio`, spans). The element
//! structs are destructured field by field and `Target` is matched without
//! a wildcard, so that a new element kind or a new reference field is a
//! compile error here rather than a reference the editor silently misses.

use crate::model::*;
use crate::span::Span;

/// Call `f` on every reference written in the model, in no particular order.
/// The bearer a `task` gets from its body is not written, so not visited.
pub fn for_each_ref<'a>(m: &'a Model, f: &mut dyn FnMut(&'a Ref)) {
    let Agreement {
        document: _,
        groups,
        keys,
        institutions,
        acts: _,
        ratifications,
        amendment,
        id: _,
        span: _,
        title: _,
        kind: _,
        land: _,
        date: _,
        place: _,
        supersedes: _,
        renews: _,
        meta: _,
        goals: _,
        parties: _,
        offices,
        actors,
        bodies,
        obligations,
        services,
        projects,
        financings,
        procedures,
        term: _,
        approvals,
        signatures,
    } = m;
    let clause_refs = |cs: &'a [Clause<Ref>], f: &mut dyn FnMut(&'a Ref)| {
        for c in cs {
            for r in &c.any_of {
                match &r.value {
                    Requirement::Consent
                    | Requirement::Unanimity { .. }
                    | Requirement::Majority { .. }
                    | Requirement::Qualified { .. } => {}
                    Requirement::Veto { who } => f(who),
                    Requirement::AtLeast { of, .. } => f(of),
                    Requirement::Weighted { key, of, .. } => {
                        f(key);
                        of.iter().for_each(&mut *f);
                    }
                }
            }
        }
    };
    for g in groups {
        let Group { id: _, name: _, span: _, members, side: _, meta: _ } = g;
        members.iter().for_each(&mut *f);
    }
    for k in keys {
        let Key { id: _, name: _, span: _, of, year: _, source: _, example: _, tolerance: _, shares, meta: _ } = k;
        of.iter().for_each(&mut *f);
        shares.iter().for_each(|s| f(&s.party));
    }
    for i in institutions {
        let Institution {
            id: _,
            name: _,
            span: _,
            legal_form: _,
            located_in: _,
            from: _,
            owners,
            organs,
            supervision,
            takes_over: _,
            meta: _,
        } = i;
        for o in owners {
            f(&o.owner);
            if let Some(OwnerShare::ByKey { key }) = &o.share {
                f(key);
            }
        }
        for o in organs {
            f(&o.organ);
            o.appointed_by.iter().for_each(&mut *f);
        }
        if let Some(s) = supervision {
            f(&s.by);
        }
    }
    for r in ratifications {
        let Ratification { id: _, name: _, span: _, by, deadline: _, depositary: _, date: _, meta: _ } = r;
        by.iter().for_each(&mut *f);
    }
    if let Some(a) = amendment {
        let Amendment { span: _, requires, in_writing: _, by, meta: _ } = a;
        clause_refs(requires, f);
        by.iter().for_each(&mut *f);
    }
    for o in offices {
        let Office { id: _, name: _, span: _, of, holder: _, meta: _ } = o;
        of.iter().for_each(&mut *f);
    }
    for a in actors {
        let Actor { id: _, name: _, span: _, side: _, part_of, meta: _ } = a;
        part_of.iter().for_each(&mut *f);
    }
    for b in bodies {
        let Body {
            id: _,
            name: _,
            span: _,
            kind: _,
            legal_basis: _,
            parity: _,
            declared_seats: _,
            seats,
            chair,
            rotation,
            deputy,
            casting_vote: _,
            chair_non_member: _,
            meeting,
            quorum: _,
            quorum_share: _,
            decides: _,
            decisions,
            binding,
            recommendation_to: _,
            reports_to,
            continues: _,
            formed_by,
            meta: _,
        } = b;
        for s in seats {
            let Seat {
                id: _,
                label: _,
                span: _,
                party,
                office,
                side: _,
                count: _,
                voting: _,
                each,
                variable: _,
                votes_on: _,
                meta: _,
            } = s;
            party.iter().chain(office).chain(each).for_each(&mut *f);
        }
        if let Some(r) = rotation {
            r.among.iter().for_each(&mut *f);
        }
        deputy.iter().for_each(&mut *f);
        if let Some(mt) = meeting {
            for r in &mt.requests {
                match &r.value {
                    Requester::Party { who } => f(who),
                    Requester::CountOf { of, .. } => f(of),
                }
            }
        }
        for d in decisions {
            clause_refs(&d.requires, f);
        }
        chair.iter().chain(binding).chain(reports_to).chain(formed_by).for_each(&mut *f);
    }
    for o in obligations {
        let Obligation {
            id: _,
            span: _,
            bearer,
            task_of_body,
            modality: _,
            action: _,
            beneficiary,
            conditions: _,
            free_of_charge: _,
            costly: _,
            frequency: _,
            deadline: _,
            meta: _,
        } = o;
        if !task_of_body {
            bearer.iter().for_each(&mut *f);
        }
        beneficiary.iter().for_each(&mut *f);
    }
    for s in services {
        let Service {
            id: _,
            name: _,
            span: _,
            provider,
            beneficiary,
            chosen_by,
            conditions: _,
            free_of_charge: _,
            costly: _,
            meta: _,
        } = s;
        provider.iter().chain(beneficiary).chain(chosen_by).for_each(&mut *f);
    }
    for p in projects {
        let Project { id: _, name: _, span: _, partners, conditions: _, free_of_charge: _, costly: _, meta: _ } = p;
        partners.iter().for_each(&mut *f);
    }
    for x in financings {
        let Financing {
            id: _,
            name: _,
            span: _,
            payer,
            recipient,
            legal_basis: _,
            kind: _,
            amount: _,
            tranches: _,
            conditions: _,
            cost_sharing: _,
            shares,
            meta: _,
        } = x;
        payer.iter().chain(recipient).for_each(&mut *f);
        for s in shares {
            f(&s.payer);
            match &s.kind {
                ShareKind::Percent { .. } | ShareKind::Rest { key: None } => {}
                ShareKind::ByKey { key } | ShareKind::Rest { key: Some(key) } => f(key),
            }
        }
    }
    for p in procedures {
        let Procedure { id: _, name: _, span: _, steps, meta: _ } = p;
        for s in steps {
            let Step {
                id: _,
                label: _,
                span: _,
                by,
                kind: _,
                after,
                consent_of,
                consultation_of,
                commits_money: _,
                commits,
                under,
                meta: _,
            } = s;
            by.iter()
                .chain(after)
                .chain(consent_of)
                .chain(consultation_of)
                .chain(under)
                .chain(commits)
                .for_each(&mut *f);
        }
    }
    for a in approvals {
        let Approval { id: _, name: _, span: _, by, date: _, meta: _ } = a;
        by.iter().for_each(&mut *f);
    }
    for s in signatures {
        let Signature { id: _, span: _, party, signatory: _, office, date: _, place: _, meta: _ } = s;
        party.iter().chain(office).for_each(&mut *f);
    }
}

/// Every resolved reference, sorted by position.
pub fn refs(m: &Model) -> Vec<&Ref> {
    let mut v = Vec::new();
    for_each_ref(m, &mut |r| v.push(r));
    v.sort_by_key(|r| (r.span.start, r.span.end));
    v
}

/// One defined element.
#[derive(Debug, Clone)]
pub struct Def {
    pub target: Target,
    /// The id it is referred to by: `land`, `beirat.cio`.
    pub id: String,
    /// Where its own name is written (the `cio` of `seat cio`).
    pub name_span: Span,
    /// The whole element.
    pub span: Span,
    /// Its display name or label, if it has one.
    pub name: Option<String>,
    /// The element it is written in (a seat's body, a step's procedure).
    pub parent: Option<Target>,
}

fn u(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

/// Every element with an id, in file order of kinds (as the resolver
/// defines them), tasks under their bodies' obligations.
pub fn definitions(m: &Model) -> Vec<Def> {
    let mut v = Vec::new();
    let mut def = |target, id: &Spanned<String>, span, name: Option<&Spanned<String>>, full: Option<String>| {
        v.push(Def {
            target,
            id: full.unwrap_or_else(|| id.value.clone()),
            name_span: id.span,
            span,
            name: name.map(|n| n.value.clone()),
            parent: None,
        })
    };
    for (i, x) in m.goals.iter().enumerate() {
        def(Target::Goal(GoalId(u(i))), &x.id, x.span, Some(&x.text), None);
    }
    for (i, x) in m.parties.iter().enumerate() {
        def(Target::Party(PartyId(u(i))), &x.id, x.span, Some(&x.name), None);
    }
    for (i, x) in m.offices.iter().enumerate() {
        def(Target::Office(OfficeId(u(i))), &x.id, x.span, Some(&x.name), None);
    }
    for (i, x) in m.actors.iter().enumerate() {
        def(Target::Actor(ActorId(u(i))), &x.id, x.span, Some(&x.name), None);
    }
    let mut children = Vec::new();
    for (i, x) in m.bodies.iter().enumerate() {
        let body = BodyId(u(i));
        def(Target::Body(body), &x.id, x.span, Some(&x.name), None);
        for (j, s) in x.seats.iter().enumerate() {
            children.push(Def {
                target: Target::Seat(SeatId { body, seat: u(j) }),
                id: format!("{}.{}", x.id.value, s.id.value),
                name_span: s.id.span,
                span: s.span,
                name: s.label.as_ref().map(|l| l.value.clone()),
                parent: Some(Target::Body(body)),
            });
        }
    }
    for (i, x) in m.obligations.iter().enumerate() {
        def(Target::Obligation(ObligationId(u(i))), &x.id, x.span, x.action.as_ref(), None);
    }
    for (i, x) in m.services.iter().enumerate() {
        def(Target::Service(ServiceId(u(i))), &x.id, x.span, Some(&x.name), None);
    }
    for (i, x) in m.projects.iter().enumerate() {
        def(Target::Project(ProjectId(u(i))), &x.id, x.span, Some(&x.name), None);
    }
    for (i, x) in m.financings.iter().enumerate() {
        def(Target::Financing(FinancingId(u(i))), &x.id, x.span, Some(&x.name), None);
    }
    for (i, x) in m.procedures.iter().enumerate() {
        let procedure = ProcedureId(u(i));
        def(Target::Procedure(procedure), &x.id, x.span, Some(&x.name), None);
        for (j, s) in x.steps.iter().enumerate() {
            children.push(Def {
                target: Target::Step(StepId { procedure, step: u(j) }),
                id: format!("{}.{}", x.id.value, s.id.value),
                name_span: s.id.span,
                span: s.span,
                name: s.label.as_ref().map(|l| l.value.clone()),
                parent: Some(Target::Procedure(procedure)),
            });
        }
    }
    for (i, x) in m.approvals.iter().enumerate() {
        def(Target::Approval(ApprovalId(u(i))), &x.id, x.span, Some(&x.name), None);
    }
    for (i, x) in m.signatures.iter().enumerate() {
        def(Target::Signature(SignatureId(u(i))), &x.id, x.span, None, None);
    }
    for (i, x) in m.groups.iter().enumerate() {
        def(Target::Group(GroupId(u(i))), &x.id, x.span, Some(&x.name), None);
    }
    for (i, x) in m.keys.iter().enumerate() {
        def(Target::Key(KeyId(u(i))), &x.id, x.span, Some(&x.name), None);
    }
    for (i, x) in m.institutions.iter().enumerate() {
        def(Target::Institution(InstitutionId(u(i))), &x.id, x.span, Some(&x.name), None);
    }
    for (i, x) in m.acts.iter().enumerate() {
        def(Target::Act(ActId(u(i))), &x.id, x.span, Some(&x.name), None);
    }
    for (i, x) in m.ratifications.iter().enumerate() {
        def(Target::Ratification(RatificationId(u(i))), &x.id, x.span, Some(&x.name), None);
    }
    for (i, x) in m.bodies.iter().enumerate() {
        let body = BodyId(u(i));
        for (j, d) in x.decisions.iter().enumerate() {
            children.push(Def {
                target: Target::Decision(DecisionId { body, decision: u(j) }),
                id: format!("{}.{}", x.id.value, d.id.value),
                name_span: d.id.span,
                span: d.span,
                name: d.label.as_ref().map(|l| l.value.clone()),
                parent: Some(Target::Body(body)),
            });
        }
    }
    v.extend(children);
    // A task's obligation is written inside its body.
    for d in &mut v {
        if let Target::Obligation(o) = d.target {
            if let Some(ob) = m.obligations.get(o.index()).filter(|o| o.task_of_body) {
                d.parent = ob.bearer.first().map(|r| r.target);
            }
        }
    }
    v
}

/// Where the name of a target is written, and its whole element.
pub fn def_spans(m: &Model, target: Target) -> Option<(Span, Span)> {
    fn of<T>(v: &[T], i: usize, f: impl Fn(&T) -> (Span, Span)) -> Option<(Span, Span)> {
        v.get(i).map(f)
    }
    match target {
        Target::AllParties => None,
        Target::Goal(i) => of(&m.goals, i.index(), |x| (x.id.span, x.span)),
        Target::Party(i) => of(&m.parties, i.index(), |x| (x.id.span, x.span)),
        Target::Office(i) => of(&m.offices, i.index(), |x| (x.id.span, x.span)),
        Target::Actor(i) => of(&m.actors, i.index(), |x| (x.id.span, x.span)),
        Target::Body(i) => of(&m.bodies, i.index(), |x| (x.id.span, x.span)),
        Target::Seat(s) => m.seat(s).map(|x| (x.id.span, x.span)),
        Target::Obligation(i) => of(&m.obligations, i.index(), |x| (x.id.span, x.span)),
        Target::Service(i) => of(&m.services, i.index(), |x| (x.id.span, x.span)),
        Target::Project(i) => of(&m.projects, i.index(), |x| (x.id.span, x.span)),
        Target::Financing(i) => of(&m.financings, i.index(), |x| (x.id.span, x.span)),
        Target::Procedure(i) => of(&m.procedures, i.index(), |x| (x.id.span, x.span)),
        Target::Step(s) => m.step(s).map(|x| (x.id.span, x.span)),
        Target::Approval(i) => of(&m.approvals, i.index(), |x| (x.id.span, x.span)),
        Target::Signature(i) => of(&m.signatures, i.index(), |x| (x.id.span, x.span)),
        Target::Group(i) => of(&m.groups, i.index(), |x| (x.id.span, x.span)),
        Target::Key(i) => of(&m.keys, i.index(), |x| (x.id.span, x.span)),
        Target::Decision(d) => m.decision(d).map(|x| (x.id.span, x.span)),
        Target::Institution(i) => of(&m.institutions, i.index(), |x| (x.id.span, x.span)),
        Target::Act(i) => of(&m.acts, i.index(), |x| (x.id.span, x.span)),
        Target::Ratification(i) => of(&m.ratifications, i.index(), |x| (x.id.span, x.span)),
    }
}

/// Where the name of a target is written.
pub fn def_span(m: &Model, target: Target) -> Option<Span> {
    def_spans(m, target).map(|(name, _)| name)
}
