//! The obligation graph and its exports, and the queries on it.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use serde_json::Value;
use std::io::Write;
use std::process::{Command, Stdio};

mod common;

const TH: &str = "agreements/thueringen-2018.pakt";

fn pakt(args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_pakt")).args(args).env("NO_COLOR", "1").output().expect("run pakt");
    assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"));
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into_owned())
}

/// A tool the test needs: `None` (test skipped with a message) when it is
/// missing, unless PAKT_REQUIRE_TOOLS is set (as in .ci/run).
fn tool(name: &str) -> Option<()> {
    if !common::installed(name) {
        common::skip(&format!("graph ({name})"), &format!("{name} is not installed (apt-get install graphviz)"));
        return None;
    }
    Some(())
}

#[test]
fn dot_renders_with_graphviz() {
    let (code, dot) = pakt(&["graph", TH, "--format", "dot"]);
    assert_eq!(code, 0);
    assert!(dot.starts_with("digraph \"thueringen_2018\" {"));
    if tool("dot").is_none() {
        return;
    }
    let mut child = Command::new("dot")
        .arg("-Tsvg")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("dot");
    child.stdin.take().expect("stdin").write_all(dot.as_bytes()).expect("write");
    let out = child.wait_with_output().expect("dot runs");
    assert!(out.status.success(), "dot failed: {}", String::from_utf8_lossy(&out.stderr));
    let svg = String::from_utf8_lossy(&out.stdout);
    let options = roxmltree::ParsingOptions { allow_dtd: true, ..Default::default() };
    roxmltree::Document::parse_with_options(&svg, options).expect("Graphviz SVG is XML");
    assert!(svg.contains("Thüringer Landesregierung"));
}

fn model() -> Value {
    let (code, text) = pakt(&["dump", "--json", TH]);
    assert_eq!(code, 0);
    serde_json::from_str(&text).expect("model json")
}

#[test]
fn svg_parses_and_names_every_party_and_body() {
    let (code, svg) = pakt(&["graph", TH, "--format", "svg", "--view", "all"]);
    assert_eq!(code, 0);
    let doc = roxmltree::Document::parse(&svg).expect("SVG is XML");
    assert_eq!(doc.root_element().tag_name().name(), "svg");
    let m = model();
    let mut names: Vec<(String, String)> = Vec::new();
    for p in m["parties"].as_array().expect("parties") {
        names.push((
            format!("party:{}", p["id"]["value"].as_str().unwrap()),
            p["name"]["value"].as_str().unwrap().to_string(),
        ));
    }
    for b in m["bodies"].as_array().expect("bodies") {
        names.push((
            format!("body:{}", b["id"]["value"].as_str().unwrap()),
            b["name"]["value"].as_str().unwrap().to_string(),
        ));
    }
    assert_eq!(names.len(), 3 + 5);
    for (id, name) in names {
        let group = doc
            .descendants()
            .find(|n| n.attribute("id") == Some(id.as_str()))
            .unwrap_or_else(|| panic!("no node {id}"));
        // The label is wrapped over several <text> lines; joined, it is the name.
        let lines: Vec<&str> =
            group.descendants().filter(|n| n.has_tag_name("text")).filter_map(|n| n.text()).collect();
        let joined = lines.join(" ");
        assert!(joined.starts_with(&name), "{id}: {joined:?} does not start with {name:?}");
    }
    assert!(svg.contains("Legend"));
}

#[test]
fn the_committed_svg_is_current() {
    let (_, svg) = pakt(&["graph", TH, "--format", "svg", "--view", "all"]);
    let committed = std::fs::read_to_string("docs/img/thueringen-2018.svg").expect("docs/img/thueringen-2018.svg");
    assert!(
        committed == svg,
        "docs/img/thueringen-2018.svg is stale: regenerate it with `pakt graph {TH} --format svg --view all`"
    );
}

#[test]
fn the_mermaid_example_in_the_docs_is_current() {
    let (_, mermaid) = pakt(&[
        "graph",
        "agreements/sachsen-anhalt-2014.pakt",
        "--format",
        "mermaid",
        "--focus",
        "koordinierungsgremium",
    ]);
    let doc = std::fs::read_to_string("docs/graph.md").expect("docs/graph.md");
    assert!(doc.contains(&format!("```mermaid\n{mermaid}```")), "docs/graph.md has a stale Mermaid example");
    assert!(mermaid.starts_with("flowchart LR\n"));
}

#[test]
fn json_is_a_stable_node_link_document_with_spans() {
    let (_, a) = pakt(&["graph", TH, "--format", "json"]);
    let (_, b) = pakt(&["graph", TH, "--format", "json"]);
    assert_eq!(a, b, "identical between runs");
    let g: Value = serde_json::from_str(&a).expect("json");
    let nodes = g["nodes"].as_array().expect("nodes");
    let links = g["links"].as_array().expect("links");
    let node = |id: &str| nodes.iter().find(|n| n["id"] == id).unwrap_or_else(|| panic!("no node {id}"));
    assert_eq!(node("party:land")["kind"], "party");
    assert_eq!(node("body:beirat")["kind"], "body");
    assert_eq!(node("financing:foerderung")["detail"], "up to EUR 80 million");
    for year in 2018..=2022 {
        assert_eq!(node(&format!("tranche:foerderung.{year}"))["kind"], "tranche");
    }
    let text = std::fs::read_to_string(TH).expect("source");
    let span = &node("body:beirat")["span"];
    let start = span["start"].as_u64().expect("start") as usize;
    assert_eq!(&text[start..start + "beirat".len()], "beirat");
    let has = |s: &str, t: &str, k: &str| links.iter().any(|l| l["source"] == s && l["target"] == t && l["kind"] == k);
    assert!(has("seat:beirat.cio", "body:beirat", "sits_in"));
    assert!(has("party:land", "seat:beirat.cio", "holds_seat"));
    assert!(has("seat:beirat.cio", "body:beirat", "sits_in"));
    assert!(has("party:land", "financing:foerderung", "funds"));
    assert!(has("body:steuerung_ozg", "body:beirat", "reports_to"));
    assert!(has("office:cio", "body:steuerung_ozg", "chairs"));
    for l in links {
        assert!(
            nodes.iter().any(|n| n["id"] == l["source"]) && nodes.iter().any(|n| n["id"] == l["target"]),
            "dangling {l}"
        );
    }
}

#[test]
fn json_validates_against_the_published_schema() {
    let (_, json) = pakt(&["graph", "agreements/sachsen-anhalt-2014.pakt", "--format", "json"]);
    let doc: Value = serde_json::from_str(&json).expect("json");
    let schema: Value =
        serde_json::from_str(&std::fs::read_to_string("docs/schema/graph.schema.json").expect("schema"))
            .expect("schema json");
    // Closed vocabularies in the schema match what the graph emits.
    let kinds: Vec<&Value> =
        schema["$defs"]["node"]["properties"]["kind"]["enum"].as_array().expect("enum").iter().collect();
    for n in doc["nodes"].as_array().expect("nodes") {
        assert!(kinds.contains(&&n["kind"]), "{} not in schema", n["kind"]);
    }
    let doc_value: Value = serde_json::from_str(&json).expect("json");
    let Some(errors) = common::schema_errors("graph json schema", "docs/schema/graph.schema.json", &[&doc_value])
    else {
        return;
    };
    assert!(errors[0].is_empty(), "docs/schema/graph.schema.json rejects the graph:\n{}", errors[0].join("\n"));
}

#[test]
fn focus_keeps_the_neighbourhood_only() {
    let (code, json) = pakt(&["graph", TH, "--format", "json", "--focus", "beirat"]);
    assert_eq!(code, 0);
    let g: Value = serde_json::from_str(&json).expect("json");
    let ids: Vec<&str> = g["nodes"].as_array().expect("nodes").iter().filter_map(|n| n["id"].as_str()).collect();
    assert!(ids.contains(&"body:beirat") && ids.contains(&"seat:beirat.cio"));
    assert!(!ids.contains(&"tranche:foerderung.2019"), "{ids:?}");
    let (code, _) = pakt(&["graph", TH, "--focus", "beriat"]);
    assert_eq!(code, 2, "unknown focus is a usage error");
}

#[test]
fn obligations_of_the_land() {
    let (code, text) = pakt(&["obligations", TH, "--party", "land"]);
    assert_eq!(code, 0);
    for needle in [
        "provides Basisdienste der Landesverwaltung",
        "alle kommunalen Verwaltungen an das Landesdatennetz kostenfrei anschließen",
        "provides Zentrales E-Government-Portal",
        "pays Zusätzliche Förderung von E-Government und IT (up to EUR 80 million)",
        "chairs Beirat „Kommunales E-Government“",
        "through office `cio`",
    ] {
        assert!(text.contains(needle), "missing {needle:?} in\n{text}");
    }
    insta::assert_snapshot!("obligations-land", text);
    let (_, json) = pakt(&["obligations", TH, "--party", "land", "--format", "json"]);
    let v: Value = serde_json::from_str(&json).expect("json");
    let duties = v["duties"].as_array().expect("duties");
    let free: Vec<&Value> = duties.iter().filter(|d| d["free_of_charge"] == true).collect();
    assert!(free.iter().any(|d| d["id"] == "basisdienste") && free.iter().any(|d| d["id"] == "landesdatennetz"));
    assert!(duties
        .iter()
        .any(|d| d["element"] == "chair" && d["via"]["type"] == "office" && d["via"]["office"] == "cio"));
    let (code, _) = pakt(&["obligations", TH, "--party", "lnd"]);
    assert_eq!(code, 2);
}

#[test]
fn who_sits_in_the_beirat() {
    let (code, text) = pakt(&["who", TH, "--body", "beirat"]);
    assert_eq!(code, 0);
    insta::assert_snapshot!("who-beirat", text);
    let (_, json) = pakt(&["who", TH, "--body", "beirat", "--format", "json"]);
    let v: Value = serde_json::from_str(&json).expect("json");
    assert_eq!(v["members"].as_array().map(Vec::len), Some(8));
    assert_eq!(v["members"].as_array().expect("members").iter().filter(|m| m["chair"] == true).count(), 1);
    assert_eq!(v["total_seats"], 8);
}

/// Machine output is never shortened: every label in the graph JSON is the
/// element's whole name (only the SVG picture shortens long ones).
#[test]
fn json_labels_are_whole() {
    let (_, json) = pakt(&["graph", TH, "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let nodes = v["nodes"].as_array().unwrap();
    assert!(nodes.iter().all(|n| !n["label"].as_str().unwrap().ends_with('…')), "a shortened label");
    let agreement = nodes.iter().find(|n| n["kind"] == "agreement").unwrap();
    assert_eq!(
        agreement["label"],
        "Rahmenvereinbarung über die Zusammenarbeit in den Bereichen E-Government und Informationstechnik"
    );
    assert!(nodes.iter().filter_map(|n| n["detail"].as_str()).all(|d| !d.ends_with('…')), "a shortened detail");
}
