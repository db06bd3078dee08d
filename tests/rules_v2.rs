//! The rules on the constructs of language v2 (A022–A032), finding by
//! finding: each distinct mistake a rule reports, with its exact message,
//! next to a near twin that it must not report. And what v2 changed for
//! the first rules: statutes need no signatures or term, an `unknown`
//! attribute is not demanded, advisory seats are attendees, and a seat held
//! by an actor that is part of a party is that party's seat.
//!
//! The fixtures under `tests/fixtures/rules/` cover one finding per rule
//! (see `tests/rules.rs`); this file covers the others.

#![allow(clippy::expect_used, clippy::panic, clippy::indexing_slicing, reason = "tests fail loudly with a message")]

use pakt::check::{check_paths, compile, Limits, Settings};
use pakt::config::Config;
use pakt::rules::{run, Context};
use std::path::PathBuf;

/// Every finding of a text that is not allowed, as (code, message), in the
/// order pakt reports them.
fn findings(text: &str) -> Vec<(&'static str, String)> {
    let compiled = compile(text, &Limits::default());
    let mut out: Vec<(&'static str, String)> =
        compiled.diagnostics.iter().map(|d| (d.code, d.message.clone())).collect();
    if let Some(model) = &compiled.model {
        let config = Config::default();
        let ctx = Context { model, predecessor: None, predecessor_path: None, config: &config };
        out.extend(run(&ctx).into_iter().filter(|d| d.suppressed.is_none()).map(|d| (d.code, d.message)));
    }
    out
}

/// Asserts that `text` raises exactly these findings.
#[track_caller]
fn assert_findings(text: &str, expected: &[(&str, &str)]) {
    let found = findings(text);
    let found: Vec<(&str, &str)> = found.iter().map(|(c, m)| (*c, m.as_str())).collect();
    assert_eq!(found, expected, "in\n{text}");
}

/// An agreement of the Bund and three Länder, signed by all, with a term;
/// `body` adds what a test is about.
fn agreement(body: &str) -> String {
    format!(
        r#"// Musterland does not exist; names, dates and amounts are invented.
agreement musterrat_2031 {{
  title "Verwaltungsvereinbarung über den Musterrat"
  date  2031-03-01
}}

party bund "Musterbund" {{ side federal }}
party nord "Land Nordmusterland" {{ side state }}
party sued "Land Südmusterland" {{ side state }}
party ost  "Land Ostmusterland" {{ side state }}

{body}

signature sig_bund {{ party bund signatory "Dr. Erika Mustermann" date 2031-03-01 }}
signature sig_nord {{ party nord signatory "Nils Nordmann"        date 2031-03-01 }}
signature sig_sued {{ party sued signatory "Susanne Südmann"      date 2031-03-01 }}
signature sig_ost  {{ party ost  signatory "Otto Ostmann"         date 2031-03-01 }}
"#
    )
}

const TERM: &str = "term {\n  from 2031-03-01\n  until_revoked\n  in_writing\n}\n";
const LAENDER: &str = "group laender \"die Länder\" { side state }\n";
const KEY: &str = r#"
key koenigstein "Verteilungsschlüssel (Beispiel)" {
  of laender
  year 2031
  example
  share nord 46.5
  share sued 33.25
  share ost 20.25
}
"#;

/// The agreement with a term, the group of the Länder and `body`.
fn with_term(body: &str) -> String {
    agreement(&format!("{LAENDER}\n{body}\n{TERM}"))
}

/// A council of the Bund and the Länder with the given seats and decision.
fn council(seats: &str, decision: &str) -> String {
    with_term(&format!(
        "{KEY}\nbody rat \"Musterrat\" {{\n{seats}\n  meets at_least 2 per year\n  decision beschluesse \"Beschlüsse\" {{\n{decision}\n  }}\n}}\n"
    ))
}

const ALL_VOTE: &str = r#"  seat vertreter_bund { party bund }
  seat vertreter_laender { each laender }"#;

/// The Bund and Nordmusterland and Südmusterland vote, Ostmusterland advises.
const OST_ADVISES: &str = r#"  seat vertreter_bund { party bund }
  seat vertreter_nord { party nord }
  seat vertreter_sued { party sued }
  seat vertreter_ost { party ost advisory }"#;

// ------------------------------------------------------------ A022

#[test]
fn a022_a_quorum_counts_voting_members_only() {
    let seats = format!("{ALL_VOTE}\n  seat gast \"Gast\" {{ party bund advisory }}");
    assert_findings(
        &council(&seats, "    quorum 5\n    requires majority of present"),
        &[("A022", "decision `rat.beschluesse` needs a quorum of 5 but `rat` has 4 voting members")],
    );
    assert_findings(&council(&seats, "    quorum 4\n    requires majority of present"), &[]);
}

#[test]
fn a022_a_weighted_threshold_the_voting_laender_cannot_carry() {
    // Nord and Süd carry 79.75 % of the key; Ost only advises.
    assert_findings(
        &council(OST_ADVISES, "    requires weighted koenigstein 4/5 of laender"),
        &[(
            "A022",
            "decision `rat.beschluesse` needs 4/5 of the shares of `koenigstein`, but the voting members of `rat` carry only 79 % of them",
        )],
    );
    assert_findings(&council(OST_ADVISES, "    requires weighted koenigstein 3/4 of laender"), &[]);
}

#[test]
fn a022_counts_one_voting_land_in_the_singular() {
    let seats = r#"  seat vertreter_bund { party bund }
  seat vertreter_nord { party nord }
  seat vertreter_sued { party sued advisory }
  seat vertreter_ost { party ost advisory }"#;
    assert_findings(
        &council(seats, "    requires at_least 2 of laender"),
        &[("A022", "decision `rat.beschluesse` needs 2 of `laender`, but only 1 of them holds a voting seat in `rat`")],
    );
}

// ------------------------------------------------------------ A023

#[test]
fn a023_a_veto_of_an_advisory_seat() {
    assert_findings(
        &council(OST_ADVISES, "    requires veto vertreter_ost"),
        &[("A023", "decision `rat.beschluesse` needs a veto of `vertreter_ost`, which holds no voting seat in `rat`")],
    );
    assert_findings(&council(OST_ADVISES, "    requires veto vertreter_nord"), &[]);
}

#[test]
fn a023_a_group_none_of_whose_members_votes() {
    let seats = "  seat vertreter_bund { party bund }\n  seat vertreter_laender { each laender advisory }";
    assert_findings(
        &council(seats, "    requires at_least 2 of laender"),
        &[("A023", "decision `rat.beschluesse` needs votes of `laender`, which holds no voting seat in `rat`")],
    );
    assert_findings(
        &council(seats, "    requires weighted koenigstein 2/3"),
        &[(
            "A023",
            "decision `rat.beschluesse` needs votes of the parties of key `koenigstein`, which hold no voting seat in `rat`",
        )],
    );
}

#[test]
fn a023_an_actor_with_a_voting_seat_of_its_own_may_hold_a_veto() {
    let seats = format!("{ALL_VOTE}\n  seat dienstleister_sitz {{ party dienstleister }}");
    let text = council(&seats, "    requires veto dienstleister")
        .replace("body rat", "actor dienstleister \"Gemeinsamer IT-Dienstleister\" { }\n\nbody rat");
    assert_findings(&text, &[]);
    let advisory = text.replace("{ party dienstleister }", "{ party dienstleister advisory }");
    assert_findings(
        &advisory,
        &[("A023", "decision `rat.beschluesse` needs a veto of `dienstleister`, which holds no voting seat in `rat`")],
    );
}

// ------------------------------------------------------------ A024

/// A paritätisch body of the Land and the Gemeindetag.
fn paritaetisch(extra: &str) -> String {
    format!(
        r#"agreement musterland_2030 {{ title "Rahmenvereinbarung Musterland" date 2030-03-01 }}

party land "Freistaat Musterland" {{ side state }}
party stk  "Staatskanzlei Musterland" {{ side state }}
party gt   "Gemeindetag Musterland e.V." {{ side municipal }}

body steuerung "Steuerungsgremium Informationssicherheit" {{
  parity
  seat land_vertreter {{ party land count 3 }}
  seat stk_vertreter {{ party stk }}
  seat kommunal {{ party gt count 4 }}
  meets at_least 2 per year
  decides by majority
{extra}
}}

term {{ from 2030-03-01 until_revoked in_writing }}

signature sig_land {{ party land signatory "Dr. Erika Mustermann" date 2030-03-01 }}
signature sig_stk  {{ party stk  signatory "Dr. Erika Mustermann" date 2030-03-01 }}
signature sig_gt   {{ party gt   signatory "Max Mustermann"       date 2030-03-01 }}
"#
    )
}

#[test]
fn a024_a_voting_seat_whose_number_varies() {
    assert_findings(
        &paritaetisch("  seat ressorts \"je ein Vertreter der betroffenen Ressorts\" { party land variable }"),
        &[
            ("A001", "`steuerung` is declared paritätisch but has 5 state and 4 municipal voting seats"),
            ("A024", "paritätisch body `steuerung` has seat `ressorts` whose number varies"),
        ],
    );
    assert_findings(
        &paritaetisch("  seat ressorts \"je ein Vertreter der betroffenen Ressorts\" { party land variable advisory }"),
        &[],
    );
}

#[test]
fn a024_a_chair_that_rotates_within_one_side() {
    assert_findings(
        &paritaetisch("  chair rotating among land, stk every year\n  casting_vote"),
        &[(
            "A024",
            "in paritätisch body `steuerung` the chair rotates only within the state side and casts the deciding vote, so that side decides every tie",
        )],
    );
    assert_findings(&paritaetisch("  chair rotating among land, gt every year\n  casting_vote"), &[]);
    assert_findings(&paritaetisch("  chair rotating among land, stk every year"), &[]);
}

// ------------------------------------------------------------ A025

#[test]
fn a025_an_empty_group_and_a_member_of_another_side() {
    let groups = "group kommunen \"die Kommunen\" { side municipal }\n\nbody rat \"Musterrat\" {\n  seat vertreter_bund { party bund }\n  seat vertreter_laender { each laender }\n  meets at_least 2 per year\n}\n";
    assert_findings(&with_term(groups), &[("A025", "group `kommunen` has no party of the municipal side")]);
    let text = with_term(
        "group west \"die westlichen Länder\" { side state members nord, bund }\n\nbody rat \"Musterrat\" {\n  seat vertreter_bund { party bund }\n  seat vertreter_laender { each laender }\n  meets at_least 2 per year\n}\n",
    );
    assert_findings(
        &text,
        &[("A025", "group `west` is of the state side but lists `bund`, a party of the federal side")],
    );
}

// ------------------------------------------------------------ A026

/// The council, and a key with the given lines.
fn keyed(key_lines: &str) -> String {
    with_term(&format!(
        "key schluessel \"Verteilungsschlüssel (Beispiel)\" {{\n{key_lines}\n}}\n\nbody rat \"Musterrat\" {{\n{ALL_VOTE}\n  meets at_least 2 per year\n}}\n"
    ))
}

#[test]
fn a026_each_mistake_of_a_key() {
    assert_findings(
        &keyed("  of laender\n  example\n  share nord 60\n  share sued 40"),
        &[("A026", "key `schluessel` weights `laender` but gives no figure for `ost`")],
    );
    assert_findings(
        &keyed("  example\n  share nord 46.5\n  share sued 33.25\n  share nord 20.25"),
        &[("A026", "key `schluessel` gives `nord` twice")],
    );
    assert_findings(
        &keyed("  of laender\n  year 2031\n  share nord 46.5\n  share sued 33.25\n  share ost 20.25"),
        &[("A026", "key `schluessel` gives figures without a source")],
    );
    assert_findings(
        &keyed("  of laender\n  example\n  share nord 46.5\n  share sued 33.25\n  share ost 10.25\n  share bund 10"),
        &[("A026", "key `schluessel` gives a figure for `bund`, which is not in `laender`")],
    );
    // Published figures are rounded: a stated tolerance allows for it.
    let rounded = "  of laender\n  source \"Bekanntmachung (Beispiel)\"\n  share nord 46.501\n  share sued 33.25\n  share ost 20.25";
    assert_findings(&keyed(rounded), &[]);
    assert_findings(
        &keyed(&rounded.replace("46.501", "46.52")),
        &[("A026", "the figures of key `schluessel` add up to 100.02 %, not 100 % (± 0.01)")],
    );
    assert_findings(&keyed(&format!("{}\n  tolerance 0.05", rounded.replace("46.501", "46.52"))), &[]);
}

// ------------------------------------------------------------ A027

#[test]
fn a027_an_actor_with_a_seat_of_its_own_may_take_the_chair() {
    let body = |seat: &str| {
        with_term(&format!(
            "actor dienstleister \"Gemeinsamer IT-Dienstleister\" {{ }}\n\nbody rat \"Musterrat\" {{\n{ALL_VOTE}\n{seat}\n  chair rotating among laender, dienstleister every year\n  meets at_least 2 per year\n}}\n"
        ))
    };
    assert_findings(&body("  seat dienstleister_sitz { party dienstleister advisory }"), &[]);
    assert_findings(&body(""), &[("A027", "the chair of `rat` rotates to `dienstleister`, which holds no seat in it")]);
}

// ------------------------------------------------------------ A028 and A029

/// The council, and a financing `plattform` of EUR 3 million a year.
fn financed(payer: &str, shares: &str) -> String {
    with_term(&format!(
        "{KEY}\nbody rat \"Musterrat\" {{\n{ALL_VOTE}\n  meets at_least 2 per year\n}}\n\nfinancing plattform \"Betrieb der gemeinsamen Plattform\" {{\n  payer {payer}\n  up_to EUR 3 million per year\n{shares}\n  condition budget_reservation\n}}\n"
    ))
}

#[test]
fn a028_each_mistake_of_the_shares() {
    let cases: &[(&str, &str, &str)] = &[
        (
            "bund, laender",
            "  share bund 25 %\n  share bund 25 %\n  share laender rest by koenigstein",
            "`bund` is given two shares of `plattform`",
        ),
        (
            "bund, laender",
            "  share bund 25 %\n  share nord 10 %\n  share laender rest by koenigstein",
            "`nord` pays two shares of `plattform`: one as `nord` and one as `laender`",
        ),
        (
            "bund, laender",
            "  share bund 25 %\n  share laender by koenigstein",
            "`laender` pays the whole of `plattform` by key `koenigstein`, but `bund` pays a share of it too",
        ),
        (
            "bund, laender",
            "  share bund rest\n  share laender rest by koenigstein",
            "`plattform` gives the rest to 2 payers",
        ),
        (
            "bund, laender",
            "  share bund 100 %\n  share laender rest by koenigstein",
            "the percentages of `plattform` take 100 % and leave nothing for its share by key or rest",
        ),
        ("bund, laender", "  share laender by koenigstein", "`bund` pays `plattform` but has no share"),
        (
            "bund",
            "  share bund 50 %\n  share nord 50 %",
            "`nord` is given a share of `plattform` but is not among its payers",
        ),
    ];
    for (payer, shares, message) in cases {
        assert_findings(&financed(payer, shares), &[("A028", message)]);
    }
    // A quota the seat Land pays before the split comes on top of its share of the rest.
    assert_findings(
        &financed(
            "bund, laender",
            "  share nord 10 % before_split\n  share bund 25 %\n  share laender rest by koenigstein",
        ),
        &[],
    );
    // Three thirds, each rounded to two decimals, make the whole.
    assert_findings(
        &financed("bund, nord, sued", "  share bund 33.33 %\n  share nord 33.33 %\n  share sued 33.33 %"),
        &[],
    );
}

#[test]
fn a028_a_key_without_a_figure_for_a_payer() {
    let text = financed("bund, laender", "  share bund 25 %\n  share laender rest by teilschluessel").replace(
        "body rat",
        "key teilschluessel \"Teilschlüssel (Beispiel)\" { example share nord 60 share sued 40 }\n\nbody rat",
    );
    assert_findings(
        &text,
        &[("A028", "key `teilschluessel` has no figure for `ost`, who pays a share of `plattform` by it")],
    );
}

#[test]
fn a029_a_groups_share_that_no_key_splits() {
    assert_findings(
        &financed("bund, laender", "  share bund 50 %\n  share laender 50 %"),
        &[(
            "A029",
            "`nord`, `sued` and `ost` owe 50 % of `plattform` (EUR 3 million a year) together as `laender`, but no key splits it among them",
        )],
    );
}

#[test]
fn a029_is_silent_where_nothing_is_indeterminate() {
    let without_amount = financed("bund, laender", "").replace("  up_to EUR 3 million per year\n", "");
    assert_findings(&without_amount, &[]);
    assert_findings(&financed("bund, laender", "  cost_sharing \"im Einzelfall zu vereinbaren\""), &[]);
    assert_findings(&financed("bund, laender", "  unknown share \"Die Quelle nennt die Anteile nicht.\""), &[]);
    assert_findings(&financed("bund", ""), &[]);
}

// ------------------------------------------------------------ A030 and A031

/// An agreement with `decision` in the council and `term`.
fn lapsing(decision: &str, term: &str, more: &str) -> String {
    agreement(&format!(
        "{LAENDER}\nbody rat \"Musterrat\" {{\n{ALL_VOTE}\n  meets at_least 2 per year\n{decision}\n}}\n\nterm {{\n  from 2031-03-01\n  until_revoked\n  in_writing\n{term}\n}}\n{more}"
    ))
}

#[test]
fn a030_an_amendment_that_needs_more_laender_than_may_remain() {
    let amendment = "amendment {\n  requires at_least 3 of laender\n  in_writing\n}\n";
    assert_findings(
        &lapsing("", "  lapses_below 2 parties", amendment),
        &[("A030", "the amendment clause needs 3 of `laender`, but the agreement stays in force with only 2 parties")],
    );
    assert_findings(&lapsing("", "  lapses_below 3 parties", amendment), &[]);
}

#[test]
fn a031_each_contradiction_of_dates_and_numbers() {
    assert_findings(
        &lapsing("", "  in_force_when 4 ratifications by 2031-01-31", ""),
        &[("A031", "ratifications are due by 2031-01-31, before the agreement is signed on 2031-03-01")],
    );
    assert_findings(
        &lapsing("", "  lapses_below 5 parties", ""),
        &[("A031", "the agreement lapses below 5 parties, but it has only 4: it would never be in force")],
    );
    let ratification = |attrs: &str| {
        format!("ratification zustimmung_nord \"Zustimmungsgesetz Nordmusterland\" {{\n  by nord\n{attrs}\n}}\n")
    };
    assert_findings(
        &lapsing("", "", &ratification("  deadline 2031-02-28")),
        &[(
            "A031",
            "the deadline of ratification `zustimmung_nord`, 2031-02-28, lies before the signing on 2031-03-01",
        )],
    );
    // Nordmusterland signs later than the others; its ratification follows its own signature.
    let late = lapsing("", "", &ratification("  date 2031-04-01"))
        .replace("signatory \"Nils Nordmann\"        date 2031-03-01", "signatory \"Nils Nordmann\" date 2031-05-01");
    assert_findings(
        &late,
        &[("A031", "ratification `zustimmung_nord` is dated 2031-04-01, before its party signed on 2031-05-01")],
    );
    assert_findings(&late.replace("date 2031-04-01", "date 2031-06-01"), &[]);
}

// ------------------------------------------------------------ A032

/// An institution of the Bund and the Länder with the given lines.
fn institution(lines: &str, offices: &str) -> String {
    with_term(&format!(
        "{KEY}\nbody verwaltungsrat \"Verwaltungsrat\" {{\n  seat vertreter_bund {{ party bund count 3 }}\n  seat vertreter_laender {{ each laender }}\n  meets at_least 2 per year\n  decides by majority\n}}\n\n{offices}\ninstitution anstalt \"Musteranstalt für Informationstechnik\" {{\n  legal_form \"rechtsfähige Anstalt des öffentlichen Rechts\"\n{lines}\n  organ verwaltungsrat\n}}\n"
    ))
}

#[test]
fn a032_each_mistake_of_an_institution() {
    assert_findings(
        &institution("", "").replace(
            "body verwaltungsrat",
            "obligation traeger { bearer bund, laender must \"die Anstalt tragen\" }\n\nbody verwaltungsrat",
        ),
        &[("A032", "institution `anstalt` has no owner")],
    );
    assert_findings(
        &institution("  owner bund 50 %\n  owner laender by koenigstein\n  owner bund 50 %", ""),
        &[
            ("A032", "institution `anstalt` lists `bund` as owner twice"),
            ("A032", "the owners' percentages of `anstalt` take 100 % and leave nothing for its 1 other owner"),
        ],
    );
    assert_findings(
        &institution("  owner bund 100 %\n  owner laender equal", ""),
        &[("A032", "the owners' percentages of `anstalt` take 100 % and leave nothing for its 1 other owner")],
    );
    let organ = "  owner bund 50 %\n  owner laender by koenigstein\n  organ vorstand max_term 5 years appointed_by verwaltungsrat";
    assert_findings(
        &institution(organ, "office vorstand \"Vorstand\" { of bund }\n"),
        &[("A032", "organ `vorstand` of institution `anstalt` is an office of `bund`, not of the institution")],
    );
    assert_findings(
        &institution(organ, "office vorstand \"Vorstand\" { }\n"),
        &[("A032", "organ `vorstand` of institution `anstalt` is an office that names no one it is held for")],
    );
    assert_findings(&institution(organ, "office vorstand \"Vorstand\" { of anstalt }\n"), &[]);
    assert_findings(
        &institution("  unknown owner \"Die Quelle nennt die Träger nicht.\"", "").replace(
            "body verwaltungsrat",
            "obligation traeger { bearer bund, laender must \"die Anstalt tragen\" }\n\nbody verwaltungsrat",
        ),
        &[],
    );
}

// ------------------------------------------------------------ v2 and the first rules

const STATUTE: &str = r#"// Musterland does not exist; names, dates and amounts are invented.
statute it_rat_satzung {
  title "Satzung über den IT-Rat Land–Kommunen Musterland"
  date  2030-03-01
}

party land "Freistaat Musterland" { side state }
party gt   "Gemeindetag Musterland e.V." { side municipal }

body it_rat "IT-Rat Land–Kommunen" {
  parity
  seats 4
  seat land_vertreter { party land count 2 }
  seat kommunal { party gt count 2 }
  chair land_vertreter
  meets shall at_least 2 per year
  decides by consent
}
"#;

#[test]
fn a_statute_with_a_body_and_no_signatures_or_term_checks_clean_without_allow() {
    assert!(!STATUTE.contains("allow"));
    assert_findings(STATUTE, &[]);
    // The same text as an agreement lacks what an agreement needs.
    let agreement = STATUTE.replace("statute it_rat_satzung", "agreement it_rat_satzung");
    let codes: Vec<&str> = findings(&agreement).iter().map(|(c, _)| *c).collect();
    assert_eq!(codes, ["A014", "A014", "A017"]);
}

#[test]
fn an_unknown_meeting_rule_is_not_demanded() {
    let text = agreement(&format!(
        "{LAENDER}\nbody arbeitsgruppe \"Arbeitsgruppe IT\" {{\n{ALL_VOTE}\n  unknown meets \"Der Text von 2006 ist nicht überliefert.\"\n  decision beschluesse {{ requires majority }}\n}}\n\n{TERM}"
    ));
    assert_findings(&text, &[]);
    let without = text.replace("  unknown meets \"Der Text von 2006 ist nicht überliefert.\"\n", "");
    assert_findings(&without, &[("A003", "`arbeitsgruppe` decides but has no meeting rule")]);
}

/// A body of 4 + 4 members and two advisory attendees, with `attrs`.
fn attended(attrs: &str) -> String {
    paritaetisch("").replace(
        "  seat kommunal { party gt count 4 }\n",
        &format!("  seat kommunal {{ party gt count 4 }}\n  seat gaeste \"Gäste\" {{ side state count 2 advisory }}\n{attrs}\n"),
    )
}

#[test]
fn advisory_seats_are_no_members_for_seats_and_quorum() {
    assert_findings(&attended("  seats 8\n  quorum 8"), &[]);
    assert_findings(&attended("  seats 10"), &[("A002", "`steuerung` states 10 seats but lists 8")]);
    assert_findings(
        &attended("  quorum 9"),
        &[("A004", "the quorum of `steuerung` is 9, but it must lie between 1 and its 8 seats")],
    );
}

#[test]
fn a_seat_held_by_an_actor_part_of_a_party_is_that_partys_seat() {
    let text = |part_of: &str| {
        format!(
            r#"agreement musterland_2030 {{ title "Rahmenvereinbarung Musterland" date 2030-03-01 }}

party land "Freistaat Musterland" {{ side state }}
party gt   "Gemeindetag Musterland e.V." {{ side municipal }}

actor stk "Staatskanzlei Musterland" {{ {part_of} }}

body beirat "Beirat E-Government" {{
  seat stk_vertreter {{ party stk }}
  seat kommunal {{ party gt }}
  chair land
  meets at_least 2 per year
}}

term {{ from 2030-03-01 until_revoked in_writing }}

signature sig_land {{ party land signatory "Dr. Erika Mustermann" date 2030-03-01 }}
signature sig_gt   {{ party gt   signatory "Max Mustermann"       date 2030-03-01 }}
"#
        )
    };
    assert_findings(&text("part_of land"), &[]);
    let codes: Vec<&str> = findings(&text("side state")).iter().map(|(c, _)| *c).collect();
    assert_eq!(codes, ["A005", "A013"], "without `part_of`, the Land holds neither the chair's seat nor any other");
}

// ------------------------------------------------------------ the real agreements and the example

#[test]
fn the_agreements_and_the_example_raise_none_of_the_v2_rules() {
    let results =
        check_paths(&[PathBuf::from("agreements"), PathBuf::from("examples/agreements")], &Settings::default())
            .expect("readable");
    assert!(results.len() >= 5, "the four agreements and the example");
    for r in &results {
        let v2: Vec<String> = r
            .diagnostics
            .iter()
            .filter(|d| ("A022"..="A032").contains(&d.code))
            .map(|d| format!("{} {}", d.code, d.message))
            .collect();
        assert!(v2.is_empty(), "{}: {v2:?}", r.display_path());
        assert!(r.diagnostics.iter().all(|d| d.suppressed.is_some()), "{}: {:?}", r.display_path(), r.diagnostics);
    }
}

/// A reporting cycle between bodies written far apart: the finding shows
/// each body with a little context and leaves out the lines between them,
/// instead of a snippet hundreds of lines long.
#[test]
fn a_reporting_cycle_across_a_long_file_is_shown_short() {
    let mut text = String::from("agreement lang_file { title \"Lange Datei\" date 2030-01-01 }\n\n");
    text.push_str("body a \"Gremium A\" {\n    reports_to b\n}\n\n");
    for i in 0..300 {
        text.push_str(&format!("goal ziel_{i} \"Ziel {i}\"\n"));
    }
    text.push_str("\nbody b \"Gremium B\" {\n    reports_to a\n}\n");
    let compiled = pakt::check::compile(&text, &pakt::check::Limits::default());
    let model = compiled.model.expect("compiles");
    let config = pakt::config::Config::default();
    let ctx = pakt::rules::Context { model: &model, predecessor: None, predecessor_path: None, config: &config };
    let found: Vec<_> = pakt::rules::run(&ctx).into_iter().filter(|d| d.code == "A010").collect();
    assert_eq!(found.len(), 1, "{found:?}");
    let shown = pakt::diagnostic::render(&found[0], "lang.pakt", &text, pakt::diagnostic::RenderOptions::default());
    assert!(shown.lines().count() < 40, "{} lines:\n{shown}", shown.lines().count());
    assert!(shown.contains("reports_to b") && shown.contains("reports_to a"), "{shown}");
    insta::assert_snapshot!("a010-long-file", shown);
}
