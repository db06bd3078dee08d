//! A003 meeting-rule: every body that decides or has tasks has a meeting rule, at least as often as the configured minimum

use super::{Context, Sink};
use crate::diagnostic::Label;
use crate::model::*;
use std::collections::BTreeMap;

pub fn check(ctx: &Context<'_>, sink: &mut Sink<'_>) {
    let min = sink.param("min-per-year");
    let m = ctx.model;
    // The first task of each body, found in one pass.
    let mut first_task: BTreeMap<usize, &Obligation<Ref>> = BTreeMap::new();
    for o in m.obligations.iter().filter(|o| o.task_of_body) {
        for r in &o.bearer {
            if let Target::Body(b) = r.target {
                first_task.entry(b.index()).or_insert(o);
            }
        }
    }
    for (bi, b) in m.bodies.iter().enumerate() {
        // A body works by meeting: one that decides, or that has tasks.
        let task = first_task.get(&bi).copied();
        let decides = b.decides.as_ref().map(|d| d.span).or(b.decisions.first().map(|d| d.id.span));
        let reason = match (decides, task) {
            (Some(d), _) => Label::new(d, "it decides here"),
            (None, Some(t)) => Label::new(t.id.span, "it has tasks, e.g. this one"),
            (None, None) => continue,
        };
        // The source does not state it: nothing to demand.
        if b.meta.is_unknown("meets") {
            continue;
        }
        match &b.meeting {
            None => {
                let what = if decides.is_some() { "decides" } else { "has tasks" };
                let d = sink
                    .finding(format!("`{}` {what} but has no meeting rule", b.id.value), Label::new(b.id.span, "no `meets` in this body"))
                    .with_label(reason)
                    .with_help("state how often it meets, e.g. `meets at_least 2 per year or on_request_of 2`, or `meets regularly`");
                sink.push(&[&b.meta], d);
            }
            Some(meeting) => {
                if let Some((times_, years)) = meeting.frequency.value.rate() {
                    let per_year = times_ / years.max(1);
                    // times per `years` years against `min` per year, exactly.
                    let min_u = u64::try_from(min).unwrap_or(0);
                    if times_ < min_u.saturating_mul(years) {
                        let d = sink
                            .finding(
                                format!("`{}` meets {} a year, less than the minimum of {min}", b.id.value, times(per_year)),
                                Label::new(meeting.frequency.span, format!("{}", meeting.frequency.value)),
                            )
                            .with_help(format!(
                                "meet at least {min} times a year, or lower `min-per-year` of rule `meeting-rule` in pakt.toml"
                            ));
                        sink.push(&[&b.meta], d);
                    }
                }
            }
        }
    }
}

fn times(n: u64) -> String {
    match n {
        1 => "once".to_string(),
        2 => "twice".to_string(),
        n => format!("{n} times"),
    }
}
