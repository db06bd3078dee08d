//! `pakt who`: who sits in a body, who chairs it, how it meets and decides.
//!
//! In: the model and one body. Out: a `Membership` (serialised as JSON) and
//! its text form. Members are the voting seats; an `advisory` seat is an
//! attendee with an advisory voice, not a member. Seats `each GROUP` list
//! the parties they stand for; every named decision rule is put in words.

use crate::model::*;
use serde::Serialize;
use std::fmt::Write as _;

/// A seat of a body, for `pakt who`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Member {
    pub seat: String,
    pub label: Option<String>,
    pub party: Option<String>,
    pub office: Option<String>,
    pub side: Option<Side>,
    pub count: u32,
    /// A member with a vote; `false` for an advisory attendee.
    pub voting: bool,
    pub chair: bool,
    #[serde(skip_serializing_if = "is_false")]
    pub deputy: bool,
    /// One seat for each member of this group.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub each: Option<String>,
    /// The parties a seat `each GROUP` stands for.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub parties: Vec<String>,
    /// The number of seats varies.
    #[serde(skip_serializing_if = "is_false")]
    pub variable: bool,
    /// The seat votes only on these matters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub votes_on: Option<String>,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// A chair that rotates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ChairRotation {
    pub among: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub every: Option<String>,
    /// How the order is settled, as the text says.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub order: Option<String>,
}

/// The meeting rule, in parts and in words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MeetingRule {
    /// `must` or `shall`, if the text says which.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub modality: Option<&'static str>,
    pub frequency: String,
    /// "in der Regel": a minimum that may be missed.
    pub soft: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub governed_by: Option<String>,
    /// Who may call a meeting, in words.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub on_request_of: Vec<String>,
}

/// A named decision rule in words: every clause must hold, one of the
/// alternatives of a clause suffices.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DecisionRuleWords {
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    pub requires: Vec<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quorum: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Membership {
    pub body: String,
    pub name: String,
    pub members: Vec<Member>,
    /// The fixed chair as written (a seat, office or party id).
    pub chair: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub chair_rotation: Option<ChairRotation>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deputy: Option<String>,
    /// The chair's vote decides a tie.
    pub casting_vote: bool,
    pub parity: bool,
    /// The meeting rule in words.
    pub meets: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meeting: Option<MeetingRule>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quorum: Option<String>,
    pub decides: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub decisions: Vec<DecisionRuleWords>,
    /// Members: the voting seats (a seat `count N` is N).
    pub member_count: u64,
    /// Seats with an advisory voice only: attendees, not members.
    pub advisory_attendees: u64,
    /// Some seat's number varies, so the counts are a least number.
    pub variable_seats: bool,
    pub voting_seats: u64,
    pub total_seats: u64,
}

pub fn who(m: &Model, body: BodyId) -> Option<Membership> {
    let b = m.body(body)?;
    let chair_target = b.chair.as_ref().map(|r| r.target);
    let deputy_target = b.deputy.as_ref().map(|r| r.target);
    let holds = |target: Option<Target>, sid: SeatId, s: &Seat<Ref>| match target {
        Some(Target::Seat(c)) => c == sid,
        Some(Target::Office(o)) => s.office.as_ref().is_some_and(|r| r.target == Target::Office(o)),
        _ => false,
    };
    let members = b
        .seats
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let sid = SeatId { body, seat: i as u32 };
            let each = s.each.as_ref().map(|r| m.target_id(r.target));
            let parties = if each.is_some() {
                m.seat_parties(s).into_iter().filter_map(|p| m.party(p)).map(|p| p.id.value.clone()).collect()
            } else {
                Vec::new()
            };
            Member {
                seat: s.id.value.clone(),
                label: s.label.as_ref().map(|l| l.value.clone()),
                party: m
                    .seat_party(s)
                    .and_then(|p| m.party(p))
                    .map(|p| p.id.value.clone())
                    .or_else(|| s.party.as_ref().map(|r| m.target_id(r.target))),
                office: s.office.as_ref().map(|r| m.target_id(r.target)),
                side: m.seat_side(s),
                count: s.count.value,
                voting: s.voting,
                chair: holds(chair_target, sid, s),
                deputy: holds(deputy_target, sid, s),
                each,
                parties,
                variable: s.variable.is_some(),
                votes_on: s.votes_on.as_ref().map(|v| v.value.clone()),
            }
        })
        .collect();
    let meeting = b.meeting.as_ref().map(|mt| meeting_rule(m, mt));
    Some(Membership {
        body: b.id.value.clone(),
        name: b.name.value.clone(),
        members,
        chair: b.chair.as_ref().map(|r| m.target_id(r.target)),
        chair_rotation: b.rotation.as_ref().map(|r| ChairRotation {
            among: r.among.iter().map(|x| m.target_id(x.target)).collect(),
            every: r.every.as_ref().map(|e| interval_words(e.value)),
            order: r.order.as_ref().map(|o| o.value.clone()),
        }),
        deputy: b.deputy.as_ref().map(|r| m.target_id(r.target)),
        casting_vote: b.casting_vote.is_some(),
        parity: b.parity.is_some(),
        meets: b.meeting.as_ref().map(|mt| meeting_words(m, mt)),
        meeting,
        quorum: quorum_words(b.quorum.as_ref(), b.quorum_share.as_ref()),
        decides: b.decides.as_ref().map(|d| d.value.name()),
        decisions: b
            .decisions
            .iter()
            .map(|d| DecisionRuleWords {
                id: d.id.value.clone(),
                label: d.label.as_ref().map(|l| l.value.clone()),
                requires: d
                    .requires
                    .iter()
                    .map(|c| c.any_of.iter().map(|r| requirement_words(m, &r.value)).collect())
                    .collect(),
                quorum: quorum_words(d.quorum.as_ref(), d.quorum_share.as_ref()),
            })
            .collect(),
        member_count: b.member_seats(),
        advisory_attendees: b.seats.iter().filter(|s| !s.voting).map(|s| u64::from(s.count.value)).sum(),
        variable_seats: b.has_variable_seats(),
        voting_seats: b.voting_seats(),
        total_seats: b.total_seats(),
    })
}

fn interval_words(i: Interval) -> String {
    if i.count == 1 {
        i.period.name().to_string()
    } else {
        format!("{} {}s", i.count, i.period.name())
    }
}

fn base_words(b: Option<Base>) -> &'static str {
    match b {
        None => "",
        Some(Base::Members) => " of the members",
        Some(Base::Present) => " of the members present",
        Some(Base::Voting) => " of the voting members",
    }
}

fn quorum_words(count: Option<&Spanned<u32>>, share: Option<&Spanned<QuorumShare>>) -> Option<String> {
    if let Some(c) = count {
        return Some(format!("{} members present", c.value));
    }
    share.map(|s| {
        let base = match s.value.base {
            None => " of the members",
            b => base_words(b),
        };
        format!("{}{base} present", s.value.fraction)
    })
}

fn requirement_words(m: &Model, r: &Requirement<Ref>) -> String {
    let id = |r: &Ref| format!("`{}`", m.target_id(r.target));
    let size = |r: &Ref| match r.target {
        Target::Group(g) => format!(" ({} parties)", m.group_parties(g).len()),
        _ => String::new(),
    };
    match r {
        Requirement::Consent => "the consent of every member (einvernehmlich)".to_string(),
        Requirement::Unanimity { base } => format!("unanimity{}", base_words(*base)),
        Requirement::Majority { base } => format!("a majority{}", base_words(*base)),
        Requirement::Qualified { fraction, base } => format!("a {fraction} majority{}", base_words(*base)),
        Requirement::Veto { who } => format!("the assent of {} (a veto)", id(who)),
        Requirement::AtLeast { count, of } => format!("at least {count} of {}{}", id(of), size(of)),
        Requirement::Weighted { key, fraction, of } => format!(
            "members carrying at least {fraction} of the figures of key {}{}",
            id(key),
            of.as_ref().map(|o| format!(" among {}", id(o))).unwrap_or_default()
        ),
    }
}

fn requesters(m: &Model, mt: &Meeting<Ref>) -> Vec<String> {
    let mut out: Vec<String> = mt.on_request_of.iter().map(|n| format!("{} members", n.value)).collect();
    for r in &mt.requests {
        out.push(match &r.value {
            Requester::Party { who } => format!("`{}`", m.target_id(who.target)),
            Requester::CountOf { count, of } => format!("{count} of `{}`", m.target_id(of.target)),
        });
    }
    out
}

fn meeting_rule(m: &Model, mt: &Meeting<Ref>) -> MeetingRule {
    MeetingRule {
        modality: mt.modality.as_ref().map(|x| x.value.keyword()),
        frequency: mt.frequency.value.to_string(),
        soft: mt.frequency.value.is_soft(),
        governed_by: mt.governed_by.as_ref().map(|g| g.value.clone()),
        on_request_of: requesters(m, mt),
    }
}

/// "shall meet at least 2 per year, or on request of `bund` or of 2 of `laender`".
fn meeting_words(m: &Model, mt: &Meeting<Ref>) -> String {
    let verb = match mt.modality.as_ref().map(|x| x.value) {
        Some(Modality::Shall) => "shall meet",
        Some(Modality::Must) => "must meet",
        _ => "meets",
    };
    let how = match (&mt.frequency.value, &mt.governed_by) {
        (Frequency::GovernedElsewhere, Some(g)) => format!("as \"{}\" sets", g.value),
        (f @ Frequency::AsARule { .. }, _) => format!("{f} (a soft minimum)"),
        (f, _) => f.to_string(),
    };
    let requests = requesters(m, mt);
    let on_request =
        if requests.is_empty() { String::new() } else { format!(", or on request of {}", requests.join(" or of ")) };
    format!("{verb} {how}{on_request}")
}

fn plural(n: u64, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

pub fn who_text(w: &Membership) -> String {
    let mut out = format!("`{}` {}\n", w.body, w.name);
    let mut counts = plural(w.member_count, "member", "members");
    if w.variable_seats {
        counts = format!("at least {counts} (some seats vary in number)");
    }
    if w.advisory_attendees > 0 {
        let _ = write!(counts, ", {}", plural(w.advisory_attendees, "advisory attendee", "advisory attendees"));
    }
    let _ = writeln!(out, "{counts}{}", if w.parity { ", declared paritätisch" } else { "" });
    if let Some(c) = &w.chair {
        let _ = writeln!(out, "chair: {c}");
    }
    if let Some(r) = &w.chair_rotation {
        let every = r.every.as_ref().map(|e| format!(" every {e}")).unwrap_or_default();
        let _ = writeln!(out, "chair: rotating among {}{every}", r.among.join(", "));
        if let Some(o) = &r.order {
            let _ = writeln!(out, "  order: {o}");
        }
    }
    if let Some(d) = &w.deputy {
        let _ = writeln!(out, "deputy: {d}");
    }
    if w.casting_vote {
        let _ = writeln!(out, "casting vote: the chair's vote decides a tie");
    }
    // The words start with the verb: "meets …", "shall meet …".
    if let Some(mt) = &w.meets {
        let _ = writeln!(out, "{mt}");
    }
    if let Some(q) = &w.quorum {
        let _ = writeln!(out, "quorum: {q}");
    }
    if let Some(d) = &w.decides {
        let _ = writeln!(out, "decides: {d}");
    }
    out.push('\n');
    for s in &w.members {
        let mut parts: Vec<String> = Vec::new();
        if let Some(g) = &s.each {
            parts.push(format!("one for each of {g} ({})", s.parties.join(", ")));
        }
        if let Some(p) = &s.party {
            parts.push(format!("party {p}"));
        }
        if let Some(o) = &s.office {
            parts.push(format!("office {o}"));
        }
        if let Some(side) = s.side {
            parts.push(format!("{} side", side.name()));
        }
        if s.variable {
            parts.push("a varying number".into());
        } else if s.count != 1 {
            parts.push(format!("{} members", s.count));
        }
        parts.push(if s.voting { "voting".into() } else { "advisory attendee, not a member".into() });
        if let Some(v) = &s.votes_on {
            parts.push(format!("votes only on: {v}"));
        }
        let mut marks = String::new();
        if s.chair {
            marks.push_str("  [chair]");
        }
        if s.deputy {
            marks.push_str("  [deputy]");
        }
        let label = s.label.as_ref().map(|l| format!(" {l}")).unwrap_or_default();
        let _ = writeln!(out, "  {}{label}: {}{marks}", s.seat, parts.join(", "));
    }
    if !w.decisions.is_empty() {
        out.push_str("\ndecision rules:\n");
        for d in &w.decisions {
            let label = d.label.as_ref().map(|l| format!(" ({l})")).unwrap_or_default();
            let _ = writeln!(out, "  {}{label}:", d.id);
            for (i, clause) in d.requires.iter().enumerate() {
                let lead = if i == 0 { "requires" } else { "and" };
                let _ = writeln!(out, "    {lead} {}", clause.join(" or "));
            }
            if let Some(q) = &d.quorum {
                let _ = writeln!(out, "    quorum: {q}");
            }
        }
    }
    crate::escape::no_workflow_commands(crate::escape::visible(&out).into_owned())
}
