//! `pakt diff` v2 (issue 15, the comparing half): nothing is silently
//! equal, renamed elements are matched by content, one change is one line,
//! shares say who pays more, renumbering is one editorial line, and the
//! report follows the agreement's sections.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use serde_json::Value;
use std::process::Command;

const OLD: &str = "tests/fixtures/diff/bund-laender-alt.pakt";
const NEW: &str = "tests/fixtures/diff/bund-laender-neu.pakt";

fn pakt(args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_pakt")).args(args).output().expect("run pakt");
    (out.status.code().unwrap_or(-1), String::from_utf8(out.stdout).expect("utf-8"))
}

fn changes() -> Vec<Value> {
    let (code, out) = pakt(&["diff", OLD, NEW, "--format", "json"]);
    assert_eq!(code, 1);
    let v: Value = serde_json::from_str(&out).expect("json");
    v["changes"].as_array().expect("changes").clone()
}

fn find<'a>(changes: &'a [Value], rule: &str) -> Vec<&'a Value> {
    changes.iter().filter(|c| c["rule"] == rule).collect()
}

#[test]
fn the_invented_pair_reports_each_class_with_its_quantities() {
    let (_, text) = pakt(&["diff", OLD, NEW]);
    insta::assert_snapshot!("diff-v2-text", text);
    let cs = changes();
    // A reworded goal under a new id is renamed, not removed and added.
    let renamed = find(&cs, "element.renamed");
    assert_eq!(renamed.len(), 1, "{renamed:?}");
    assert_eq!((renamed[0]["old"].as_str(), renamed[0]["new"].as_str()), (Some("portal"), Some("portal_betrieb")));
    assert!(cs.iter().all(|c| c["rule"] != "goal.removed" && c["rule"] != "goal.added"));
    // The federation pays more, the Länder less: major, and in numbers.
    let up = find(&cs, "share.raised");
    assert_eq!((up.len(), up[0]["id"].as_str(), up[0]["weight"].as_str()), (1, Some("betrieb.bund"), Some("major")));
    assert_eq!((up[0]["old"].as_str(), up[0]["new"].as_str()), (Some("50 %"), Some("60 %")));
    assert_eq!(find(&cs, "share.lowered").len(), 2);
    let amount = find(&cs, "financing.amount.raised");
    assert_eq!(amount[0]["new"], "up to EUR 12 million");
    // One change, one line: the new body's seats are its evidence.
    let body = find(&cs, "body.added");
    assert_eq!(body.len(), 1);
    assert_eq!(body[0]["evidence"].as_array().map(Vec::len), Some(3));
    assert!(cs.iter().all(|c| c["element"] != "seat"), "seats are folded into the body");
    // Renumbering is one editorial line.
    let renumbered = find(&cs, "sections.renumbered");
    assert_eq!((renumbered.len(), renumbered[0]["weight"].as_str()), (1, Some("editorial")));
    assert!(cs.iter().all(|c| c["rule"] != "section.changed"));
    // A changed note is reported (editorial), not silently equal.
    assert_eq!(find(&cs, "note.changed").len(), 1);
    // Ordered by section: § 1 before § 4 before § 6 before § 7.
    let sections: Vec<&str> = cs.iter().filter_map(|c| c["section"].as_str()).collect();
    let pos = |s: &str| sections.iter().position(|x| *x == s).unwrap_or(usize::MAX);
    assert!(pos("§ 1") < pos("§ 4") && pos("§ 4") < pos("§ 6") && pos("§ 6") < pos("§ 7"), "{sections:?}");
}

#[test]
fn a_pair_that_differs_only_in_a_note_is_not_equivalent() {
    let dir = std::env::temp_dir().join(format!("pakt-diff-note-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let text = std::fs::read_to_string(OLD).unwrap();
    let a = dir.join("a.pakt");
    let b = dir.join("b.pakt");
    std::fs::write(&a, &text).unwrap();
    std::fs::write(&b, text.replace("to the Konferenz", "to the Plenum")).unwrap();
    let (code, out) = pakt(&["diff", a.to_str().unwrap(), b.to_str().unwrap()]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("note.changed"), "{out}");
    // Reformatted and reordered, with other comments: equivalent.
    let reordered: String = {
        let mut blocks: Vec<&str> = text.split("\n\n").collect();
        blocks.reverse();
        let header = blocks.pop().unwrap();
        format!("{header}\n\n// another comment\n{}", blocks.join("\n\n\n"))
    };
    std::fs::write(&b, reordered).unwrap();
    let (code, out) = pakt(&["diff", a.to_str().unwrap(), b.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_successor_institution_is_one_replacement() {
    let cs = changes();
    let replaced = find(&cs, "institution.replaces");
    assert_eq!(replaced.len(), 1, "{replaced:?}");
    let r = replaced[0];
    assert_eq!(
        (r["kind"].as_str(), r["element"].as_str(), r["id"].as_str()),
        (Some("replaced"), Some("institution"), Some("anstalt"))
    );
    // Founding an institution is major; the replacement keeps that weight.
    assert_eq!((r["weight"].as_str(), r["effect"].as_str()), (Some("major"), Some("neutral")));
    assert!(
        r["old"].as_str().unwrap().starts_with("office `geschaeftsstelle`: Geschäftsstelle des Portalverbunds"),
        "{r}"
    );
    assert!(r["new"].as_str().unwrap().starts_with("Anstalt für den Portalbetrieb"), "{r}");
    // Both sides and the words that link them are its evidence.
    let evidence: Vec<&str> = r["evidence"].as_array().unwrap().iter().map(|e| e.as_str().unwrap()).collect();
    assert_eq!(evidence.len(), 3, "{evidence:?}");
    assert!(evidence[0].starts_with("- office `geschaeftsstelle`"), "{evidence:?}");
    assert!(evidence[1].starts_with("+ institution `anstalt`"), "{evidence:?}");
    assert_eq!(evidence[2], "takes_over \"die Aufgaben der Geschäftsstelle\" from 2033-01-01");
    // Not also a removal and a foundation of their own.
    assert!(find(&cs, "office.removed").is_empty() && find(&cs, "institution.added").is_empty());
    // Both spans point at the two blocks.
    assert!(r["old_span"]["line"].as_u64().is_some() && r["new_span"]["line"].as_u64().is_some(), "{r}");
}

#[test]
fn a_rule_that_shows_at_three_levels_is_one_change() {
    let cs = changes();
    // The Konferenz decides by consent, its Freigabe step needs the Länder's
    // consent, an obligation says so: one line, the body's rule.
    let rule = find(&cs, "body.decides.stronger");
    assert_eq!(rule.len(), 1, "{rule:?}");
    let r = rule[0];
    assert_eq!(
        (r["id"].as_str(), r["old"].as_str(), r["new"].as_str()),
        (Some("konferenz"), Some("majority"), Some("consent"))
    );
    assert_eq!((r["effect"].as_str(), r["weight"].as_str()), (Some("strengthening"), Some("major")));
    let evidence: Vec<&str> = r["evidence"].as_array().unwrap().iter().map(|e| e.as_str().unwrap()).collect();
    assert_eq!(
        evidence,
        [
            "~ step `freigabe.beschluss`.consent_of: + nordland, suedland [step.consent.added]",
            "+ obligation `einvernehmen`: must neue Portaldienste nur im Einvernehmen mit den Ländern freigeben [obligation.added]",
        ]
    );
    assert!(find(&cs, "step.consent.added").is_empty(), "the step is evidence, not a line");
    assert!(cs.iter().all(|c| c["id"] != "einvernehmen"), "the obligation is evidence, not a line");
    // The other changes stay lines of their own: the reporting duty's note
    // is not folded anywhere.
    assert_eq!(find(&cs, "note.changed").len(), 1);
}

#[test]
fn every_format_of_the_invented_pair_is_pinned() {
    for format in ["markdown", "json", "html"] {
        let (code, out) = pakt(&["diff", OLD, NEW, "--format", format, "--lang", "en"]);
        assert_eq!(code, 1);
        insta::assert_snapshot!(format!("diff-v2-{format}"), out);
    }
    // Markdown and HTML show the evidence under its change.
    let (_, md) = pakt(&["diff", OLD, NEW, "--format", "markdown", "--lang", "en"]);
    assert!(
        md.contains("| | ↳ ~ step `freigabe.beschluss`.consent_of: + nordland, suedland [step.consent.added] | | | |"),
        "{md}"
    );
    let (_, html) = pakt(&["diff", OLD, NEW, "--format", "html", "--lang", "en"]);
    // The English HTML's Synopse is the agreement's text, not pakt source.
    assert!(
        html.contains("<th>Previous version (Bisherige Fassung)</th><th>New version (Neue Fassung)</th>"),
        "{html}"
    );
    assert!(!html.contains("share bund 60 %") && !html.contains("financing betrieb"), "pakt source in the Synopse");
    assert!(html.contains("<ul class=\"evidence\"><li>- office `geschaeftsstelle`: Geschäftsstelle des Portalverbunds [office.removed]</li>"), "{html}");
}

/// The JSON changes between two texts written to a scratch folder.
fn changes_of(name: &str, old: &str, new: &str) -> Vec<Value> {
    let dir = std::env::temp_dir().join(format!("pakt-diff-v2-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (a, b) = (dir.join("old.pakt"), dir.join("new.pakt"));
    std::fs::write(&a, old).unwrap();
    std::fs::write(&b, new).unwrap();
    let (code, out) = pakt(&["diff", a.to_str().unwrap(), b.to_str().unwrap(), "--format", "json"]);
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(code, 1, "{out}");
    let v: Value = serde_json::from_str(&out).expect("json");
    v["changes"].as_array().expect("changes").clone()
}

const PARTIES: &str = "agreement t { }\nparty bund \"Bund\" { side federal }\nparty nordland \"Land Nordland\" { side state }\nparty suedland \"Land Südland\" { side state }\n";

#[test]
fn a_replacement_is_linked_only_where_one_predecessor_fits() {
    let offices = "office gs_nord \"Geschäftsstelle Nord\" { of nordland }\noffice gs_sued \"Geschäftsstelle Süd\" { of suedland }\n";
    let anstalt = |what: &str| {
        format!("institution anstalt \"Anstalt\" {{\n  owner bund 100 %\n  takes_over \"{what}\" from 2033-01-01\n}}\n")
    };
    // "die Geschäftsstelle" fits both offices equally: no link, two removals
    // and a foundation.
    let cs = changes_of(
        "ambiguous",
        &format!("{PARTIES}{offices}"),
        &format!("{PARTIES}{}", anstalt("die Aufgaben der Geschäftsstelle")),
    );
    assert!(find(&cs, "institution.replaces").is_empty(), "{cs:?}");
    assert_eq!((find(&cs, "office.removed").len(), find(&cs, "institution.added").len()), (2, 1));
    // The whole name fits one better than the other: linked to that one.
    let cs = changes_of(
        "named",
        &format!("{PARTIES}{offices}"),
        &format!("{PARTIES}{}", anstalt("die Aufgaben der Geschäftsstelle Nord")),
    );
    let r = find(&cs, "institution.replaces");
    assert_eq!(r.len(), 1, "{cs:?}");
    assert!(r[0]["old"].as_str().unwrap().starts_with("office `gs_nord`"), "{}", r[0]);
    let removed = find(&cs, "office.removed");
    assert_eq!((removed.len(), removed[0]["id"].as_str()), (1, Some("gs_sued")));
}

#[test]
fn an_obligation_to_other_parties_is_not_folded_into_a_rule() {
    let body = |rule: &str| {
        format!("body k \"Konferenz\" {{\n  seat b {{ party bund }}\n  seat n {{ party nordland }}\n  meets at_least 2 per year\n  decides by {rule}\n}}\n")
    };
    let step =
        |consent: &str| format!("procedure p \"Freigabe\" {{\n  step s \"Beschluss\" {{ by k {consent} }}\n}}\n");
    let old = format!("{PARTIES}{}{}", body("majority"), step(""));
    // The obligation benefits Südland, whose consent the step does not need.
    let new = format!(
        "{PARTIES}{}{}obligation bericht {{\n  bearer k\n  must \"jährlich berichten\"\n  beneficiary suedland\n}}\n",
        body("consent"),
        step("consent_of nordland")
    );
    let cs = changes_of("other-parties", &old, &new);
    let rule = find(&cs, "body.decides.stronger");
    assert_eq!(rule.len(), 1, "{cs:?}");
    let evidence = rule[0]["evidence"].as_array().unwrap();
    assert_eq!(evidence.len(), 1, "only the step: {evidence:?}");
    assert!(evidence[0].as_str().unwrap().starts_with("~ step `p.s`.consent_of"), "{evidence:?}");
    assert_eq!(find(&cs, "obligation.added").len(), 1, "the obligation stays a line of its own");
}
