//! The views of `pakt graph --view …`: each view of each agreement drawn as
//! SVG by both layouts, parsed, its labels checked; opened in Chromium at
//! 1000 px; its DOT laid out by the real Graphviz; the README images kept
//! current.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

mod common;

const TH: &str = "agreements/thueringen-2018.pakt";
const VERBUND: &str = "tests/fixtures/views/verbund.pakt";
const FILES: [&str; 6] = [
    "agreements/thueringen-2018.pakt",
    "agreements/saarland-2014.pakt",
    "agreements/sachsen-anhalt-2006.pakt",
    "agreements/sachsen-anhalt-2014.pakt",
    "examples/agreements/it-rat-beispiel.pakt",
    VERBUND,
];
const VIEWS: [&str; 4] = ["governance", "money", "procedure", "obligations"];

fn pakt(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_pakt")).args(args).env("NO_COLOR", "1").output().expect("run pakt");
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!err.contains("panicked"), "{err}");
    (out.status.code().unwrap_or(-1), String::from_utf8(out.stdout).expect("utf-8"), err)
}

fn view(file: &str, view: &str, format: &str, layout: &str) -> String {
    let (code, out, err) = pakt(&["graph", file, "--view", view, "--format", format, "--layout", layout]);
    assert_eq!(code, 0, "{file} {view} {format}: {err}");
    out
}

fn has_dot() -> bool {
    if common::installed("dot") {
        return true;
    }
    common::skip("views (dot)", "Graphviz is not installed (apt-get install graphviz)");
    false
}

/// The boxes of an SVG view: id, class and the text of each line.
struct Drawn {
    id: String,
    class: String,
    title: Vec<String>,
    lines: Vec<String>,
}

fn boxes(svg: &str) -> Vec<Drawn> {
    let doc = roxmltree::Document::parse(svg).expect("the SVG is well-formed XML");
    assert_eq!(doc.root_element().tag_name().name(), "svg");
    doc.descendants()
        .filter(|n| n.has_tag_name("g") && n.attribute("class").is_some_and(|c| c.starts_with("node ")))
        .map(|g| {
            let texts: Vec<roxmltree::Node> = g.descendants().filter(|n| n.has_tag_name("text")).collect();
            Drawn {
                id: g.attribute("id").unwrap_or("").to_string(),
                class: g.attribute("class").unwrap_or("").to_string(),
                title: texts
                    .iter()
                    .filter(|t| t.attribute("font-size") == Some("13"))
                    .map(|t| t.text().unwrap_or("").to_string())
                    .collect(),
                lines: texts.iter().map(|t| t.text().unwrap_or("").to_string()).collect(),
            }
        })
        .collect()
}

/// Each box's id and outer rectangle (x, y, width, height).
fn rects(svg: &str) -> Vec<(String, f64, f64, f64, f64)> {
    let doc = roxmltree::Document::parse(svg).expect("XML");
    doc.descendants()
        .filter(|n| n.has_tag_name("g") && n.attribute("class").is_some_and(|c| c.starts_with("node ")))
        .map(|g| {
            let r = g.children().find(|c| c.has_tag_name("rect")).expect("a box has a rect");
            let f = |a: &str| r.attribute(a).unwrap().parse::<f64>().unwrap();
            (g.attribute("id").unwrap_or("").to_string(), f("x"), f("y"), f("width"), f("height"))
        })
        .collect()
}

fn edge_labels(svg: &str) -> Vec<String> {
    let doc = roxmltree::Document::parse(svg).expect("XML");
    doc.descendants()
        .filter(|n| n.attribute("class") == Some("edge-label"))
        .map(|n| n.text().unwrap_or("").to_string())
        .collect()
}

fn find<'a>(b: &'a [Drawn], id: &str) -> &'a Drawn {
    b.iter().find(|d| d.id == id).unwrap_or_else(|| panic!("no box `{id}`"))
}

/// A title's lines must break only between words (or after a hyphen in a
/// compound): no word that tells two boxes apart is ever cut.
fn assert_whole_words(title_lines: &[String], context: &str) {
    let whole = title_lines.join(" ");
    for (i, line) in title_lines.iter().enumerate().take(title_lines.len().saturating_sub(1)) {
        let next = &title_lines[i + 1];
        let last = line.chars().last().unwrap_or(' ');
        let first = next.chars().next().unwrap_or(' ');
        assert!(
            last == '-' || last == '/' || (!last.is_whitespace() && !first.is_whitespace()),
            "{context}: title `{whole}` broken oddly between `{line}` and `{next}`"
        );
        assert!(!line.ends_with('…'), "{context}: a title is never shortened: {whole}");
    }
}

#[test]
fn every_view_of_every_agreement_is_well_formed_in_both_layouts() {
    let layouts: &[&str] = if has_dot() { &["dot", "builtin"] } else { &["builtin"] };
    for file in FILES {
        for v in VIEWS {
            for layout in layouts {
                let svg = view(file, v, "svg", layout);
                let drawn = boxes(&svg);
                assert!(!drawn.is_empty(), "{file} {v} {layout}: no boxes");
                for d in &drawn {
                    assert!(!d.title.is_empty(), "{file} {v}: box {} has no title", d.id);
                    assert_whole_words(&d.title, &format!("{file} {v} {layout}"));
                }
                // No two boxes overlap.
                let rects = rects(&svg);
                for (i, a) in rects.iter().enumerate() {
                    for b in rects.iter().skip(i + 1) {
                        let apart = a.1 + a.3 <= b.1 + 0.5
                            || b.1 + b.3 <= a.1 + 0.5
                            || a.2 + a.4 <= b.2 + 0.5
                            || b.2 + b.4 <= a.2 + 0.5;
                        assert!(apart, "{file} {v} {layout}: boxes {} and {} overlap", a.0, b.0);
                    }
                }
                // Deterministic: the same bytes on a second run.
                assert_eq!(svg, view(file, v, "svg", layout), "{file} {v} {layout} differs between runs");
                // Readable at 1000 px: no view is much wider than that.
                let doc = roxmltree::Document::parse(&svg).unwrap();
                let width: f64 = doc.root_element().attribute("width").unwrap().parse().unwrap();
                assert!(width <= 1050.0, "{file} {v} {layout} is {width} px wide");
            }
        }
    }
}

#[test]
fn governance_shows_parity_by_side_and_the_chair() {
    for layout in ["builtin", "auto"] {
        let svg = view(TH, "governance", "svg", layout);
        let b = boxes(&svg);
        for id in [
            "beirat",
            "steuerung_standardisierung",
            "steuerung_egovg",
            "steuerung_informationssicherheit",
            "steuerung_ozg",
        ] {
            let body = find(&b, id);
            assert!(body.lines.iter().any(|l| l == "4 Land | 4 Kommunen"), "{id}: {:?}", body.lines);
            assert!(body.lines.iter().any(|l| l == "8 voting members:"), "{id}: {:?}", body.lines);
        }
        let ozg = find(&b, "steuerung_ozg");
        assert!(ozg.lines.iter().any(|l| l == "• 4 × Vertreter des Landes"), "{:?}", ozg.lines);
        assert!(ozg.lines.iter().any(|l| l.starts_with("chair: Beauftragter des Freistaats")), "{:?}", ozg.lines);
        let beirat = find(&b, "beirat");
        assert!(beirat.lines.iter().any(|l| l.ends_with("— chair")), "the chair's seat is marked: {:?}", beirat.lines);
        let labels = edge_labels(&svg);
        assert_eq!(labels.iter().filter(|l| *l == "forms; reports to").count(), 4, "{labels:?}");
        assert!(
            find(&b, "beirat").lines.iter().any(|l| l == "decisions bind all parties"),
            "{:?}",
            find(&b, "beirat").lines
        );
    }
}

#[test]
fn governance_of_the_it_rat_shows_groups_rotation_advisory_and_rules() {
    let svg = view("examples/agreements/it-rat-beispiel.pakt", "governance", "svg", "builtin");
    let rat = boxes(&svg).into_iter().find(|d| d.id == "it_rat").expect("it_rat");
    let text = rat.lines.join("\n");
    assert!(rat.lines.iter().any(|l| l == "1 Bund | 5 Land"), "{text}");
    assert!(rat.lines.iter().any(|l| l == "• 5 × je ein Vertreter jedes Landes"), "{text}");
    assert!(rat.lines.iter().any(|l| l == "advisory, no vote (1)"), "{text}");
    assert!(text.contains("chair rotates among Bundesrepublik"), "{text}");
    assert!(text.contains("Deutschland can veto; at least 3 of die"), "{text}");
    assert!(text.contains("Empfehlungen: majority of those present"), "{text}");
}

#[test]
fn money_shows_the_amount_the_tranches_and_the_budget_reservation() {
    for layout in ["builtin", "auto"] {
        let svg = view(TH, "money", "svg", layout);
        let b = boxes(&svg);
        let f = find(&b, "foerderung");
        assert!(f.lines.iter().any(|l| l == "up to EUR 80 million"), "{:?}", f.lines);
        assert!(f.lines.iter().any(|l| l == "⚠ subject to the budget (Haushaltsvorbehalt)"), "{:?}", f.lines);
        let doc = roxmltree::Document::parse(&svg).unwrap();
        let bars: Vec<(String, f64)> = doc
            .descendants()
            .filter(|n| n.attribute("class") == Some("bar"))
            .map(|g| {
                let year = g.children().find(|c| c.has_tag_name("text")).unwrap().text().unwrap().to_string();
                let w: f64 =
                    g.children().find(|c| c.has_tag_name("rect")).unwrap().attribute("width").unwrap().parse().unwrap();
                (year, w)
            })
            .collect();
        let years: Vec<&str> = bars.iter().map(|(y, _)| y.as_str()).collect();
        assert_eq!(years, ["2018", "2019", "2020", "2021", "2022"]);
        // EUR 10 million is half of EUR 20 million.
        assert!((bars[0].1 * 2.0 - bars[1].1).abs() < 0.2, "{bars:?}");
        let labels = edge_labels(&svg);
        assert_eq!(labels.iter().filter(|l| *l == "receives").count(), 2, "{labels:?}");
        assert_eq!(labels.iter().filter(|l| *l == "pays").count(), 3, "{labels:?}");
    }
}

#[test]
fn procedure_shows_consent_gates_and_money() {
    let svg = view("agreements/sachsen-anhalt-2014.pakt", "procedure", "svg", "builtin");
    let b = boxes(&svg);
    let gates: Vec<&Drawn> = b.iter().filter(|d| d.class == "node gate").collect();
    assert_eq!(gates.len(), 2, "both steps need the consent of all parties");
    let decide = find(&b, "gemeinsame_aktivitaeten.beschluss");
    assert!(decide.lines.iter().any(|l| l == "€ commits money"), "{:?}", decide.lines);
    assert!(decide.lines.iter().any(|l| l == "consent of all parties (veto)"), "{:?}", decide.lines);
    let labels = edge_labels(&svg);
    assert_eq!(labels.iter().filter(|l| *l == "consent needed (Einvernehmen)").count(), 2, "{labels:?}");
    // The decision rule a step is taken under, in words.
    let svg = view("examples/agreements/it-rat-beispiel.pakt", "procedure", "svg", "builtin");
    let step = boxes(&svg).into_iter().find(|d| d.id == "standardsetzung.beschluss").expect("step");
    assert!(
        step.lines.join(" ").contains("under “Beschlüsse über Standards”: Bundesrepublik Deutschland can veto"),
        "{:?}",
        step.lines
    );
    assert_eq!(step.class, "node step");
}

#[test]
fn obligations_are_grouped_by_modality_and_follow_groups_and_parts() {
    let svg = view(TH, "obligations", "svg", "builtin");
    let b = boxes(&svg);
    let land = find(&b, "land");
    let text = land.lines.join("\n");
    assert!(land.lines.iter().any(|l| l == "must (4)"), "{text}");
    assert!(land.lines.iter().any(|l| l == "shall (1)"), "{text}");
    assert!(land.lines.iter().any(|l| l == "also owes as one of: all parties (8)"), "{text}");
    assert!(text.contains("through its parts: Thüringer"), "{text}");
    assert!(text.contains("Landesrechenzentrum (TLRZ)\n(2)"), "{text}");
    assert!(text.contains("through its seats in: Beirat „Kommunales"), "{text}");
    // The IT-Rat's only task reaches each of its members through their seats.
    let rat = view("examples/agreements/it-rat-beispiel.pakt", "obligations", "svg", "builtin");
    let nord = boxes(&rat).into_iter().find(|d| d.id == "nordland").expect("nordland");
    assert!(nord.lines.iter().any(|l| l == "through its seats in: IT-Rat (1)"), "{:?}", nord.lines);
    let all = find(&b, "all");
    assert!(all.lines.iter().any(|l| l == "examines (1)"), "{:?}", all.lines);
    let labels = edge_labels(&svg);
    assert!(labels.iter().any(|l| l == "part of"), "the TLRZ is part of the Land: {labels:?}");
    assert_eq!(labels.iter().filter(|l| *l == "one of").count(), 3, "{labels:?}");
    assert!(labels.iter().any(|l| l == "must 2 · shall 1"), "{labels:?}");
}

#[test]
fn svg_defaults_to_governance_and_machine_formats_to_the_whole_graph() {
    let (_, svg, _) = pakt(&["graph", TH, "--format", "svg", "--layout", "builtin"]);
    assert_eq!(svg, view(TH, "governance", "svg", "builtin"));
    let (_, dot, _) = pakt(&["graph", TH]);
    assert_eq!(dot, view(TH, "all", "dot", "auto"));
    assert!(dot.contains("party:land"), "the whole obligation graph");
}

#[test]
fn focus_keeps_an_element_and_its_neighbours() {
    let (code, svg, _) = pakt(&[
        "graph",
        TH,
        "--view",
        "governance",
        "--focus",
        "steuerung_ozg",
        "--format",
        "svg",
        "--layout",
        "builtin",
    ]);
    assert_eq!(code, 0);
    let ids: Vec<String> = boxes(&svg).into_iter().map(|d| d.id).collect();
    assert_eq!(ids, ["beirat", "steuerung_ozg"]);
    let (code, _, err) = pakt(&["graph", TH, "--view", "money", "--focus", "foerdrung"]);
    assert_eq!(code, 2);
    assert!(err.contains("did you mean `foerderung`"), "{err}");
}

#[test]
fn json_and_mermaid_follow_the_view() {
    let json = view(TH, "money", "json", "auto");
    let v: serde_json::Value = serde_json::from_str(&json).expect("json");
    assert_eq!(v["view"], "money");
    let f = v["nodes"].as_array().unwrap().iter().find(|n| n["id"] == "foerderung").unwrap();
    assert_eq!(
        f["rows"].as_array().unwrap().iter().find(|r| r["type"] == "bars").unwrap()["text"].as_array().unwrap().len(),
        5
    );
    let mermaid = view(TH, "governance", "mermaid", "auto");
    assert!(mermaid.starts_with("flowchart TB\n"), "{mermaid}");
    assert!(mermaid.contains("4 Land #124; 4 Kommunen"), "the bar is escaped in Mermaid: {mermaid}");
    assert!(mermaid.contains("<-->|\"forms; reports to\"|"), "{mermaid}");
}

#[test]
fn dot_of_each_view_is_laid_out_by_graphviz() {
    if !has_dot() {
        return;
    }
    for file in FILES {
        for v in VIEWS {
            let dot = view(file, v, "dot", "auto");
            let mut child = Command::new("dot")
                .arg("-Tsvg")
                .stdin(Stdio::piped())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .expect("dot");
            child.stdin.take().unwrap().write_all(dot.as_bytes()).unwrap();
            let out = child.wait_with_output().unwrap();
            assert!(out.status.success(), "{file} {v}: {}", String::from_utf8_lossy(&out.stderr));
            let svg = String::from_utf8(out.stdout).unwrap();
            let opts = roxmltree::ParsingOptions { allow_dtd: true, ..Default::default() };
            let doc = roxmltree::Document::parse_with_options(&svg, opts).expect("Graphviz SVG");
            let texts: Vec<&str> =
                doc.descendants().filter(|n| n.has_tag_name("text")).filter_map(|n| n.text()).collect();
            if file == TH && v == "governance" {
                assert_eq!(texts.iter().filter(|t| **t == "4 Land | 4 Kommunen").count(), 5, "{texts:?}");
            }
            if file == TH && v == "money" {
                assert!(texts.contains(&"up to EUR 80 million"), "{texts:?}");
                assert!(texts.iter().any(|t| t.starts_with("2022 ██████ up to EUR 10 million")), "{texts:?}");
            }
        }
    }
}

#[test]
fn readme_images_are_current() {
    if !has_dot() {
        return;
    }
    for v in ["governance", "money"] {
        let svg = view(TH, v, "svg", "dot");
        let path = format!("docs/img/thueringen-2018-{v}.svg");
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == svg,
            "{path} is stale: regenerate it with `pakt graph {TH} --view {v} --format svg --layout dot > {path}`"
        );
    }
}

fn screenshot(browser: &Path, profile: &Path, page: &Path, png: &Path) {
    let out = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            "--window-size=1000,1400",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--screenshot={}", png.display()))
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("run chromium");
    assert!(out.status.success(), "chromium: {}", String::from_utf8_lossy(&out.stderr));
}

/// Each view of each agreement, shown at 1000 px as in a README, renders
/// to a PNG with something drawn on it.
#[test]
fn every_view_renders_to_png_in_chromium() {
    let Some(browser) = common::chromium("every_view_renders_to_png_in_chromium") else { return };
    let dir = std::env::temp_dir().join(format!("pakt-views-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let profile = dir.join("profile");
    // What an empty page weighs, to tell a drawing from a blank.
    let blank_page = dir.join("blank.html");
    std::fs::write(&blank_page, "<html><body></body></html>").unwrap();
    let blank_png = dir.join("blank.png");
    screenshot(&browser, &profile, &blank_page, &blank_png);
    let blank = std::fs::read(&blank_png).expect("blank PNG").len();
    for file in FILES {
        let stem = Path::new(file).file_stem().unwrap().to_string_lossy().to_string();
        for v in VIEWS {
            let svg = view(file, v, "svg", "auto");
            let svg_path = dir.join(format!("{stem}-{v}.svg"));
            std::fs::write(&svg_path, &svg).unwrap();
            let page = dir.join(format!("{stem}-{v}.html"));
            std::fs::write(
                &page,
                format!(
                    "<html><body style=\"margin:0\"><img src=\"{}\" style=\"max-width:1000px\"></body></html>",
                    svg_path.display()
                ),
            )
            .unwrap();
            let png = dir.join(format!("{stem}-{v}.png"));
            screenshot(&browser, &profile, &page, &png);
            let bytes = std::fs::read(&png).expect("a PNG was written");
            assert_eq!(&bytes[1..4], b"PNG", "{stem} {v}");
            assert!(bytes.len() > blank + 2_000, "{stem} {v}: PNG of {} bytes looks blank ({blank})", bytes.len());
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// Names with quotes, brackets, entities, Mermaid and DOT syntax, markup
/// and line breaks: every format stays well-formed, nothing panics.
#[test]
fn hostile_names_stay_well_formed() {
    let src = std::fs::read_to_string("examples/agreements/it-rat-beispiel.pakt").unwrap();
    let hostile = src
        .replace("\"Land Nordland\"", r#""Nord \"land\" <script>alert(1)</script> &amp; #1; --> ]] {x} | \\l""#)
        .replace("\"IT-Rat\"", r#""IT-Rat \" ]; n0 -> n1 [ <b>fett</b> & \\""#)
        .replace("\"Beschluss\"", r#""Beschluss --> |x| ""#);
    assert_ne!(hostile, src, "the replacements apply");
    let dir = std::env::temp_dir().join(format!("pakt-views-hostile-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("hostile.pakt");
    std::fs::write(&file, hostile).unwrap();
    let file = file.to_str().unwrap();
    // Without Graphviz this says SKIPPED (and fails in CI), not silently less.
    let dot = has_dot();
    for v in VIEWS {
        for layout in ["builtin", "auto"] {
            let svg = view(file, v, "svg", layout);
            let texts: Vec<String> = roxmltree::Document::parse(&svg)
                .expect("SVG stays XML")
                .descendants()
                .filter_map(|n| n.text().map(str::to_string))
                .collect();
            if v == "governance" {
                assert!(texts.iter().any(|t| t.contains("IT-Rat \" ]; n0 -> n1 [ <b>fett</b> &")), "{texts:?}");
            }
        }
        let json = view(file, v, "json", "auto");
        serde_json::from_str::<serde_json::Value>(&json).expect("JSON");
        let mermaid = view(file, v, "mermaid", "auto");
        for line in mermaid.lines().filter(|l| l.contains("[\"")) {
            let inner = &line[line.find("[\"").unwrap() + 2..line.rfind("\"]").unwrap()];
            assert!(!inner.contains('"') && !inner.contains("-->"), "{line}");
        }
        if dot {
            let text = view(file, v, "dot", "auto");
            let mut child = Command::new("dot")
                .arg("-Tsvg")
                .stdin(Stdio::piped())
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap();
            child.stdin.take().unwrap().write_all(text.as_bytes()).unwrap();
            let out = child.wait_with_output().unwrap();
            assert!(out.status.success(), "{v}: {}\n{text}", String::from_utf8_lossy(&out.stderr));
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// Shares, keys, institutions and consultations, which the seed
/// agreements do not use (an invented fixture).
#[test]
fn shares_keys_institutions_and_consultations() {
    let money = view(VERBUND, "money", "svg", "builtin");
    let labels = edge_labels(&money);
    for l in ["pays 25 %", "pays the rest by Schlüssel", "receives", "splits"] {
        assert!(labels.iter().any(|x| x == l), "no edge `{l}` in {labels:?}");
    }
    let b = boxes(&money);
    assert!(find(&b, "schluessel").lines.iter().any(|l| l == "Land Nord: 50 %"));
    let betrieb = find(&b, "betrieb");
    assert!(betrieb.lines.iter().any(|l| l == "about EUR 3 million per year"), "{:?}", betrieb.lines);
    let gov = view(VERBUND, "governance", "svg", "builtin");
    let labels = edge_labels(&gov);
    for l in ["owns 50 %", "owns by Schlüssel", "organ of"] {
        assert!(labels.iter().any(|x| x == l), "no edge `{l}` in {labels:?}");
    }
    let b = boxes(&gov);
    assert_eq!(find(&b, "anstalt").class, "node institution");
    assert!(find(&b, "verwaltungsrat").lines.iter().any(|l| l == "1 Bund | 3 Land"));
    let proc = view(VERBUND, "procedure", "svg", "builtin");
    let b = boxes(&proc);
    assert_eq!(find(&b, "projekte.anhoerung").class, "node consult");
    assert_eq!(find(&b, "projekte.finanzierung").class, "node gate");
    assert_eq!(find(&b, "projekte.beschluss").class, "node step");
    let labels = edge_labels(&proc);
    assert_eq!(labels.iter().filter(|l| *l == "consent needed (Einvernehmen)").count(), 2, "{labels:?}");
    assert_eq!(labels.iter().filter(|l| *l == "is heard (Benehmen)").count(), 1, "{labels:?}");
    // The consultation edge is dashed, the consent edges strong.
    let doc = roxmltree::Document::parse(&proc).unwrap();
    let dashed = doc
        .descendants()
        .filter(|n| n.attribute("class") == Some("edge") && n.attribute("stroke-dasharray") == Some("6,4"))
        .count();
    assert_eq!(dashed, 1);
}

/// Without Graphviz on the PATH, `--layout auto` falls back to the
/// built-in layout, and says nothing about it on stderr.
#[test]
fn without_graphviz_auto_is_the_builtin_layout() {
    let empty = std::env::temp_dir().join(format!("pakt-views-nopath-{}", std::process::id()));
    std::fs::create_dir_all(&empty).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_pakt"))
        .args(["graph", TH, "--view", "money", "--format", "svg", "--layout", "auto"])
        .env("PATH", &empty)
        .output()
        .expect("run pakt");
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(String::from_utf8(out.stdout).unwrap(), view(TH, "money", "svg", "builtin"));
    let _ = std::fs::remove_dir_all(&empty);
}
