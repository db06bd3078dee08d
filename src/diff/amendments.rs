//! `pakt diff --format amendments`: the amendment instructions
//! (Änderungsbefehle) that turn the old version's text into the new one,
//! in German legal style ("In Abschnitt II Nr. 2 Satz 3 wird das Wort
//! „zweimal“ durch das Wort „dreimal“ ersetzt."), and `apply`, which reads
//! them back and carries them out on the old text.
//!
//! In: the old and new `Fassung`. Out: the instructions as text. Passages
//! are addressed by their number in their section (Nr.); inserted ones get
//! the numbers German drafting gives them (3a after 3, 01 before 1);
//! repealed numbers stay taken until the end, as "aufgehoben".

use super::fassung::{self, Section, OTHER, PARTIES, PREAMBLE};
use super::words::{self, Op};
use std::collections::BTreeMap;

/// Where in a passage a change applies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Phrase {
    Replace { old: String, new: String },
    InsertAfter { anchor: String, new: String },
    Strike { old: String },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Instr {
    Phrase { section: String, number: String, sentence: Option<usize>, op: Phrase },
    Sentence { section: String, number: String, sentence: usize, text: String },
    Redraft { section: String, number: String, text: String },
    Repeal { section: String, number: String },
    Insert { section: String, after: Option<String>, before: Option<String>, number: String, text: String },
    RepealSection { section: String },
    Renumber { old: String, new: String },
    InsertSection { after: Option<String>, before: Option<String>, section: String, texts: Vec<String> },
}

// ------------------------------------------------------------ words

/// "Abschnitt II" in the dative, after "In".
fn loc(label: &str) -> String {
    match label {
        PREAMBLE => "der Präambel".into(),
        PARTIES => "der Aufzählung der Vertragspartner".into(),
        OTHER => "den Weiteren Bestimmungen".into(),
        l if l.starts_with('§') || l.starts_with("Art") || l.starts_with("Abschnitt") => l.into(),
        l => format!("Abschnitt {l}"),
    }
}

fn unloc(s: &str) -> String {
    match s {
        "der Präambel" | "Die Präambel" | "die Präambel" => PREAMBLE.into(),
        "der Aufzählung der Vertragspartner"
        | "Die Aufzählung der Vertragspartner"
        | "die Aufzählung der Vertragspartner" => PARTIES.into(),
        "den Weiteren Bestimmungen" | "Die Weiteren Bestimmungen" | "die Weiteren Bestimmungen" => OTHER.into(),
        s => s.strip_prefix("Abschnitt ").unwrap_or(s).into(),
    }
}

/// "Abschnitt II" in the nominative, with its article where it needs one.
fn nom(label: &str) -> String {
    match label {
        PREAMBLE => "die Präambel".into(),
        PARTIES => "die Aufzählung der Vertragspartner".into(),
        OTHER => "die Weiteren Bestimmungen".into(),
        l => loc(l),
    }
}

fn folgende(label: &str) -> &'static str {
    if fassung::pseudo(label) {
        "folgende"
    } else {
        "folgender"
    }
}

/// "das Wort", "die Wörter", "die Angabe".
fn noun(s: &str) -> (&'static str, bool) {
    if s.chars().any(|c| c.is_ascii_digit()) {
        ("die Angabe", false)
    } else if s.contains(' ') {
        ("die Wörter", true)
    } else {
        ("das Wort", false)
    }
}

fn dative(s: &str) -> &'static str {
    match noun(s).0 {
        "die Angabe" => "der Angabe",
        "die Wörter" => "den Wörtern",
        _ => "dem Wort",
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next().map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
}

/// One instruction as a German sentence.
pub fn german(i: &Instr) -> String {
    let at = |section: &str, number: &str, sentence: Option<usize>| {
        let satz = sentence.map(|s| format!(" Satz {s}")).unwrap_or_default();
        format!("In {} Nr. {number}{satz}", loc(section))
    };
    match i {
        Instr::Phrase { section, number, sentence, op } => {
            let head = at(section, number, *sentence);
            match op {
                Phrase::Replace { old, new } => {
                    let (n, plural) = noun(old);
                    let verb = if plural { "werden" } else { "wird" };
                    format!("{head} {verb} {n} „{old}“ durch {} „{new}“ ersetzt.", noun(new).0)
                }
                Phrase::InsertAfter { anchor, new } => {
                    let (n, plural) = noun(new);
                    let verb = if plural { "werden" } else { "wird" };
                    format!("{head} {verb} nach {} „{anchor}“ {n} „{new}“ eingefügt.", dative(anchor))
                }
                Phrase::Strike { old } => {
                    let (n, plural) = noun(old);
                    let verb = if plural { "werden" } else { "wird" };
                    format!("{head} {verb} {n} „{old}“ gestrichen.")
                }
            }
        }
        Instr::Sentence { section, number, sentence, text } => {
            format!("{} wird Satz {sentence} wie folgt gefasst: „{text}“", at(section, number, None))
        }
        Instr::Redraft { section, number, text } => {
            format!("In {} wird Nummer {number} wie folgt gefasst: „{text}“", loc(section))
        }
        Instr::Repeal { section, number } => format!("In {} wird Nummer {number} aufgehoben.", loc(section)),
        Instr::Insert { section, after, before, number, text } => {
            let place = match (after, before) {
                (Some(a), _) => format!("nach Nummer {a}"),
                (None, Some(b)) => format!("vor Nummer {b}"),
                (None, None) => "am Ende".into(),
            };
            format!("In {} wird {place} folgende Nummer {number} eingefügt: „{text}“", loc(section))
        }
        Instr::RepealSection { section } => format!("{} wird aufgehoben.", capitalise(&nom(section))),
        Instr::Renumber { old, new } => {
            let article = if fassung::pseudo(old) { "Die bisherige" } else { "Der bisherige" };
            format!("{article} {} wird {}.", loc(old), loc(new))
        }
        Instr::InsertSection { after, before, section, texts } => {
            let body: Vec<String> = texts.iter().enumerate().map(|(k, t)| format!("{}. {t}", k + 1)).collect();
            let what = format!("{} {}", folgende(section), nom(section).trim_start_matches("die "));
            let place = match (after, before) {
                (Some(a), _) => format!("Nach {} wird {what} eingefügt", loc(a)),
                (None, Some(b)) => format!("Vor {} wird {what} eingefügt", loc(b)),
                (None, None) => format!("{} wird angefügt", capitalise(&what)),
            };
            format!("{place}:\n„{}“", body.join("\n"))
        }
    }
}

// ------------------------------------------------------------ sentences

const ABBREVIATIONS: &[&str] = &[
    "Nr", "Abs", "Art", "bzw", "z", "B", "ca", "Mio", "Mrd", "gem", "d", "h", "u", "a", "Dr", "S", "vgl", "ggf",
    "Buchst", "lit", "Ziff", "e", "V", "Co", "Kap", "Anl",
];

/// The sentences of a passage; joined with one space they give it back.
pub fn sentences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        // Closing quotes or brackets belong to the sentence.
        let mut j = k + 1;
        while chars.get(j).is_some_and(|(_, c)| matches!(c, '“' | '"' | ')' | '’')) {
            j += 1;
        }
        let Some(&(space, ' ')) = chars.get(j) else { continue };
        let next_upper = chars.get(j + 1).is_some_and(|(_, c)| c.is_uppercase() || *c == '„' || *c == '§');
        let word: String =
            text.get(start..i).unwrap_or("").rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("").into();
        let abbreviation =
            c == '.' && (ABBREVIATIONS.contains(&word.as_str()) || word.chars().all(|c| c.is_ascii_digit()));
        if next_upper && !abbreviation {
            out.push(text.get(start..space).unwrap_or("").to_string());
            start = space + 1;
        }
    }
    out.push(text.get(start..).unwrap_or("").to_string());
    out.retain(|s| !s.is_empty());
    out
}

// ------------------------------------------------------------ applying

/// Carry out a change of phrase on one sentence; `None` if it does not apply.
pub fn apply_phrase(s: &str, op: &Phrase) -> Option<String> {
    match op {
        Phrase::Replace { old, new } => {
            (s.matches(old.as_str()).count() == 1).then(|| s.replacen(old.as_str(), new, 1))
        }
        Phrase::InsertAfter { anchor, new } => (s.matches(anchor.as_str()).count() == 1)
            .then(|| s.replacen(anchor.as_str(), &format!("{anchor} {new}"), 1)),
        Phrase::Strike { old } => {
            if s.matches(old.as_str()).count() != 1 {
                return None;
            }
            let spaced = format!(" {old}");
            if s.matches(spaced.as_str()).count() == 1 {
                Some(s.replacen(spaced.as_str(), "", 1))
            } else {
                Some(s.replacen(&format!("{old} "), "", 1))
            }
        }
    }
}

/// The instructions for one passage kept in place.
fn passage(section: &str, number: &str, old: &str, new: &str, out: &mut Vec<Instr>) {
    if old == new {
        return;
    }
    let (os, ns) = (sentences(old), sentences(new));
    if os.len() != ns.len() {
        out.push(Instr::Redraft { section: section.into(), number: number.into(), text: new.into() });
        return;
    }
    let single = os.len() == 1;
    for (k, (a, b)) in os.iter().zip(&ns).enumerate() {
        if a == b {
            continue;
        }
        let sentence = (!single).then_some(k + 1);
        match phrase(a, b) {
            Some(op) => out.push(Instr::Phrase { section: section.into(), number: number.into(), sentence, op }),
            None if single => {
                out.push(Instr::Redraft { section: section.into(), number: number.into(), text: new.into() })
            }
            None => out.push(Instr::Sentence {
                section: section.into(),
                number: number.into(),
                sentence: k + 1,
                text: b.clone(),
            }),
        }
    }
}

/// A change of one phrase that turns `a` into `b`, if there is one that
/// names its place unambiguously.
fn phrase(a: &str, b: &str) -> Option<Phrase> {
    let segs = words::diff(a, b);
    let changed: Vec<usize> = segs.iter().enumerate().filter(|(_, s)| s.op != Op::Equal).map(|(i, _)| i).collect();
    let (first, last) = (*changed.first()?, *changed.last()?);
    // One hunk: only white space between the changed segments.
    if segs.get(first..=last)?.iter().any(|s| s.op == Op::Equal && !s.text.trim().is_empty()) {
        return None;
    }
    let join = |op: Op| -> String {
        segs.get(first..=last)
            .unwrap_or(&[])
            .iter()
            .filter(|s| s.op == op || s.op == Op::Equal)
            .map(|s| s.text.as_str())
            .collect::<String>()
            .trim()
            .to_string()
    };
    let (old, new) = (join(Op::Delete), join(Op::Insert));
    let op = match (old.is_empty(), new.is_empty()) {
        (false, false) => Phrase::Replace { old, new },
        (false, true) => Phrase::Strike { old },
        (true, false) => {
            let before: String = segs.get(..first)?.iter().map(|s| s.text.as_str()).collect();
            let anchor = before.split_whitespace().last()?.to_string();
            Phrase::InsertAfter { anchor, new }
        }
        (true, true) => return None,
    };
    // Said so, it must give exactly the new sentence.
    (apply_phrase(a, &op).as_deref() == Some(b)).then_some(op)
}

/// The longest run of old passages that keep their order in the new section.
fn kept(pairs: &[(usize, usize)]) -> Vec<(usize, usize)> {
    // Longest increasing subsequence of new positions (patience sorting).
    let mut tails: Vec<usize> = Vec::new();
    let mut prev: Vec<Option<usize>> = vec![None; pairs.len()];
    for (i, &(_, n)) in pairs.iter().enumerate() {
        let pos = tails.partition_point(|&t| pairs.get(t).is_some_and(|p| p.1 < n));
        if let (Some(slot), true) = (prev.get_mut(i), pos > 0) {
            *slot = tails.get(pos - 1).copied();
        }
        if pos == tails.len() {
            tails.push(i);
        } else if let Some(t) = tails.get_mut(pos) {
            *t = i;
        }
    }
    let mut out = Vec::new();
    let mut at = tails.last().copied();
    while let Some(i) = at {
        if let Some(p) = pairs.get(i) {
            out.push(*p);
        }
        at = prev.get(i).copied().flatten();
    }
    out.reverse();
    out
}

/// The number after `prev` for an inserted passage: 3 → 3a, 3a → 3b, 01 → 02.
fn next_number(prev: Option<&str>) -> String {
    match prev {
        None => "01".into(),
        Some(p) if p.starts_with('0') => {
            let n: u32 = p.parse().unwrap_or(0);
            format!("{:02}", n + 1)
        }
        Some(p) => match p.chars().last() {
            Some(c) if c.is_ascii_lowercase() => {
                let next = char::from_u32(c as u32 + 1).unwrap_or('z');
                format!("{}{next}", p.get(..p.len() - 1).unwrap_or(""))
            }
            _ => format!("{p}a"),
        },
    }
}

/// The instructions that turn `old` into `new`.
pub fn instructions(old: &[Section], new: &[Section]) -> Vec<Instr> {
    let matched = fassung::matches(old, new);
    let smap = fassung::section_map(old, new, &matched);
    let mut out = Vec::new();
    let mut repeals = Vec::new();
    for s in old {
        let Some(target) = smap.get(&s.label).and_then(|t| new.iter().find(|n| &n.label == t)) else {
            repeals.push(Instr::RepealSection { section: s.label.clone() });
            continue;
        };
        let new_pos: BTreeMap<&str, usize> =
            target.passages.iter().enumerate().map(|(i, p)| (p.key.as_str(), i)).collect();
        let pairs: Vec<(usize, usize)> = s
            .passages
            .iter()
            .enumerate()
            .filter_map(|(i, p)| matched.get(&p.key).and_then(|k| new_pos.get(k.as_str())).map(|n| (i, *n)))
            .collect();
        let kept = kept(&pairs);
        let kept_old: BTreeMap<usize, usize> = kept.iter().copied().collect();
        let kept_new: BTreeMap<usize, usize> = kept.iter().map(|(o, n)| (*n, *o)).collect();
        for (i, p) in s.passages.iter().enumerate() {
            let number = (i + 1).to_string();
            match kept_old.get(&i).and_then(|n| target.passages.get(*n)) {
                Some(np) => passage(&s.label, &number, &p.text, &np.text, &mut out),
                None => out.push(Instr::Repeal { section: s.label.clone(), number }),
            }
        }
        let mut prev: Option<String> = None;
        for (n, p) in target.passages.iter().enumerate() {
            if let Some(o) = kept_new.get(&n) {
                prev = Some((o + 1).to_string());
                continue;
            }
            let number = next_number(prev.as_deref());
            let before = prev.is_none().then(|| "1".to_string());
            out.push(Instr::Insert {
                section: s.label.clone(),
                after: prev.clone(),
                before,
                number: number.clone(),
                text: p.text.clone(),
            });
            prev = Some(number);
        }
    }
    out.extend(repeals);
    // Renumbering, in an order in which no label is taken twice.
    let mut pending: Vec<(String, String)> =
        smap.iter().filter(|(o, n)| o != n).map(|(o, n)| (o.clone(), n.clone())).collect();
    while !pending.is_empty() {
        let free = pending.iter().position(|(_, n)| !pending.iter().any(|(o, _)| o == n));
        let (o, n) = pending.remove(free.unwrap_or(0));
        out.push(Instr::Renumber { old: o, new: n });
    }
    let continued: std::collections::BTreeSet<&String> = smap.values().collect();
    let mut prev: Option<String> = None;
    for (k, s) in new.iter().enumerate() {
        if !continued.contains(&s.label) {
            let before = if prev.is_none() {
                new.iter().skip(k).find(|n| continued.contains(&n.label)).map(|n| n.label.clone())
            } else {
                None
            };
            out.push(Instr::InsertSection {
                after: prev.clone(),
                before,
                section: s.label.clone(),
                texts: s.passages.iter().map(|p| p.text.clone()).collect(),
            });
        }
        prev = Some(s.label.clone());
    }
    out
}

/// The instructions as a document.
pub fn text(old_path: &str, new_path: &str, list: &[Instr]) -> String {
    let v = |s: &str| crate::escape::visible(s).into_owned();
    let mut out = format!("Änderungsanweisungen: {} → {}\n\n", v(old_path), v(new_path));
    if list.is_empty() {
        out.push_str("Die beiden Fassungen stimmen im Wortlaut überein.\n");
        return out;
    }
    out.push_str("Die Vereinbarung wird wie folgt geändert:\n\n");
    for (k, i) in list.iter().enumerate() {
        out.push_str(&format!("{}. {}\n", k + 1, v(&german(i))));
    }
    crate::escape::no_workflow_commands(out)
}

// ------------------------------------------------------------ reading back

/// The quoted text that starts at the first „ of `s` (quotes inside it
/// balanced), and what follows it.
fn quoted(s: &str) -> Option<(String, &str)> {
    let start = s.find('„')?;
    let mut depth = 0usize;
    for (i, c) in s.char_indices().skip_while(|(i, _)| *i < start) {
        match c {
            '„' => depth += 1,
            '“' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    let inner = s.get(start + '„'.len_utf8()..i)?;
                    return Some((inner.to_string(), s.get(i + '“'.len_utf8()..)?));
                }
            }
            _ => {}
        }
    }
    None
}

/// The numbered instructions of a document written by `text`.
fn split(doc: &str) -> Vec<String> {
    let body = doc.split_once("wie folgt geändert:\n").map_or("", |(_, b)| b);
    let mut out: Vec<String> = Vec::new();
    let mut depth = 0i64;
    for line in body.lines() {
        let numbered =
            line.split_once(". ").is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
        if depth == 0 && numbered {
            out.push(line.split_once(". ").map_or("", |(_, r)| r).to_string());
        } else if let Some(last) = out.last_mut() {
            last.push('\n');
            last.push_str(line);
        }
        depth += line.matches('„').count() as i64 - line.matches('“').count() as i64;
    }
    out
}

/// `Phrase` from "wird das Wort „a“ durch das Wort „b“ ersetzt." and the like.
fn parse_phrase(rest: &str) -> Option<Phrase> {
    let (first, after) = quoted(rest)?;
    if rest.trim_end().ends_with("gestrichen.") {
        return Some(Phrase::Strike { old: first });
    }
    let (second, _) = quoted(after)?;
    if rest.trim_end().ends_with("ersetzt.") {
        Some(Phrase::Replace { old: first, new: second })
    } else if rest.trim_end().ends_with("eingefügt.") {
        Some(Phrase::InsertAfter { anchor: first, new: second })
    } else {
        None
    }
}

/// Read one instruction back.
pub fn parse(s: &str) -> Option<Instr> {
    if let Some(rest) = s.strip_prefix("In ") {
        if let Some((place, tail)) = rest.split_once(" Nr. ") {
            let section = unloc(place);
            let (number, tail) = tail.split_once(' ')?;
            let (sentence, tail) = match tail.strip_prefix("Satz ") {
                Some(t) => {
                    let (n, t) = t.split_once(' ')?;
                    (Some(n.parse().ok()?), t)
                }
                None => (None, tail),
            };
            if let Some(t) = tail.strip_prefix("wird Satz ") {
                let (n, _) = t.split_once(' ')?;
                let (text, _) = quoted(t)?;
                return Some(Instr::Sentence { section, number: number.into(), sentence: n.parse().ok()?, text });
            }
            return Some(Instr::Phrase { section, number: number.into(), sentence, op: parse_phrase(tail)? });
        }
        let (place, tail) = rest.split_once(" wird ")?;
        let section = unloc(place);
        if let Some(t) = tail.strip_prefix("Nummer ") {
            let (number, t) = t.split_once(' ')?;
            if t.starts_with("aufgehoben") {
                return Some(Instr::Repeal { section, number: number.into() });
            }
            let (text, _) = quoted(t)?;
            return Some(Instr::Redraft { section, number: number.into(), text });
        }
        let (where_, t) = tail.split_once(" folgende Nummer ")?;
        let (number, _) = t.split_once(' ')?;
        let (text, _) = quoted(t)?;
        let (after, before) = match where_.split_once(" Nummer ") {
            Some(("nach", n)) => (Some(n.to_string()), None),
            Some(("vor", n)) => (None, Some(n.to_string())),
            _ => (None, None),
        };
        return Some(Instr::Insert { section, after, before, number: number.into(), text });
    }
    for article in ["Der bisherige ", "Die bisherige "] {
        if let Some(rest) = s.strip_prefix(article) {
            let (old, new) = rest.trim_end_matches('.').split_once(" wird ")?;
            return Some(Instr::Renumber { old: unloc(old), new: unloc(new) });
        }
    }
    if let Some(section) = s.strip_suffix(" wird aufgehoben.") {
        return Some(Instr::RepealSection { section: unloc(section) });
    }
    let (head, _) = s.split_once(":\n")?;
    let (text, _) = quoted(s)?;
    let texts: Vec<String> = text.lines().map(|l| l.split_once(". ").map_or(l, |(_, t)| t).to_string()).collect();
    let (place, what) = if let Some(h) = head.strip_prefix("Nach ").or_else(|| head.strip_prefix("Vor ")) {
        let (p, w) = h.split_once(" wird ")?;
        (Some((head.starts_with("Nach"), unloc(p))), w.trim_end_matches(" eingefügt"))
    } else {
        (None, head.trim_end_matches(" wird angefügt"))
    };
    let what = what.trim_start_matches("Folgender ").trim_start_matches("Folgende ");
    let what = what.trim_start_matches("folgender ").trim_start_matches("folgende ");
    let section = match what {
        "Präambel" => PREAMBLE.to_string(),
        "Aufzählung der Vertragspartner" => PARTIES.to_string(),
        "Weiteren Bestimmungen" => OTHER.to_string(),
        w => unloc(w),
    };
    let (after, before) = match place {
        Some((true, p)) => (Some(p), None),
        Some((false, p)) => (None, Some(p)),
        None => (None, None),
    };
    Some(Instr::InsertSection { after, before, section, texts })
}

/// A text being amended: sections with numbered passages (`None` once
/// repealed).
pub type Draft = Vec<(String, Vec<(String, Option<String>)>)>;

/// The draft of a Fassung.
pub fn draft(f: &[Section]) -> Draft {
    f.iter()
        .map(|s| {
            let items =
                s.passages.iter().enumerate().map(|(i, p)| ((i + 1).to_string(), Some(p.text.clone()))).collect();
            (s.label.clone(), items)
        })
        .collect()
}

/// Read the instructions of `doc` and carry them out on `d`; the first
/// one that cannot be read or carried out is the error.
pub fn apply(mut d: Draft, doc: &str) -> Result<Draft, String> {
    for (k, raw) in split(doc).iter().enumerate() {
        let fail = || format!("instruction {}: {raw}", k + 1);
        let instr = parse(raw).ok_or_else(fail)?;
        let section = |d: &mut Draft, label: &str| d.iter().position(|(l, _)| l == label);
        match instr {
            Instr::Phrase { section: s, number, sentence, op } => {
                let i = section(&mut d, &s).ok_or_else(fail)?;
                let item = d.get_mut(i).and_then(|(_, items)| items.iter_mut().find(|(n, _)| *n == number));
                let text = item.and_then(|(_, t)| t.as_mut()).ok_or_else(fail)?;
                let mut parts = sentences(text);
                let at = sentence.map_or(0, |n| n.saturating_sub(1));
                let target = parts.get_mut(at).ok_or_else(fail)?;
                *target = apply_phrase(target, &op).ok_or_else(fail)?;
                *text = parts.join(" ");
            }
            Instr::Sentence { section: s, number, sentence, text: new } => {
                let i = section(&mut d, &s).ok_or_else(fail)?;
                let item = d.get_mut(i).and_then(|(_, items)| items.iter_mut().find(|(n, _)| *n == number));
                let text = item.and_then(|(_, t)| t.as_mut()).ok_or_else(fail)?;
                let mut parts = sentences(text);
                *parts.get_mut(sentence.saturating_sub(1)).ok_or_else(fail)? = new;
                *text = parts.join(" ");
            }
            Instr::Redraft { section: s, number, text: new } => {
                let i = section(&mut d, &s).ok_or_else(fail)?;
                let item = d.get_mut(i).and_then(|(_, items)| items.iter_mut().find(|(n, _)| *n == number));
                *item.ok_or_else(fail)? = (number, Some(new));
            }
            Instr::Repeal { section: s, number } => {
                let i = section(&mut d, &s).ok_or_else(fail)?;
                let item = d.get_mut(i).and_then(|(_, items)| items.iter_mut().find(|(n, _)| *n == number));
                item.ok_or_else(fail)?.1 = None;
            }
            Instr::Insert { section: s, after, before, number, text } => {
                let i = section(&mut d, &s).ok_or_else(fail)?;
                let items = &mut d.get_mut(i).ok_or_else(fail)?.1;
                let at = match (&after, &before) {
                    (Some(a), _) => items.iter().position(|(n, _)| n == a).map(|p| p + 1),
                    (None, Some(b)) => items.iter().position(|(n, _)| n == b),
                    (None, None) => Some(items.len()),
                }
                .ok_or_else(fail)?;
                items.insert(at, (number, Some(text)));
            }
            Instr::RepealSection { section: s } => {
                let i = section(&mut d, &s).ok_or_else(fail)?;
                d.remove(i);
            }
            Instr::Renumber { old, new } => {
                if section(&mut d, &new).is_some() {
                    return Err(fail());
                }
                let i = section(&mut d, &old).ok_or_else(fail)?;
                d.get_mut(i).ok_or_else(fail)?.0 = new;
            }
            Instr::InsertSection { after, before, section: s, texts } => {
                let at = match (&after, &before) {
                    (Some(a), _) => section(&mut d, a).map(|p| p + 1),
                    (None, Some(b)) => section(&mut d, b),
                    (None, None) => Some(d.len()),
                }
                .ok_or_else(fail)?;
                let items = texts.into_iter().enumerate().map(|(k, t)| ((k + 1).to_string(), Some(t))).collect();
                d.insert(at, (s, items));
            }
        }
    }
    Ok(d)
}

/// A draft as sections of passage texts, repealed ones left out: what
/// must equal the new version.
pub fn texts(d: &Draft) -> Vec<(String, Vec<String>)> {
    d.iter().map(|(l, items)| (l.clone(), items.iter().filter_map(|(_, t)| t.clone()).collect())).collect()
}
