//! `pakt graph --format mermaid` drawn by the real Mermaid: mermaid-cli
//! (`mmdc`) in headless Chromium renders every view (`all` and the four
//! pictures) of the four seed agreements and of an agreement whose names
//! hold quotes, brackets, entities, Mermaid and HTML syntax, line breaks,
//! directives, math and icon codes. mmdc must exit 0 (no parse error), and
//! every box, edge and cluster label in its SVG must be exactly the text
//! pakt means, as its JSON output of the same view says.
//!
//! All diagrams go through one mmdc run (a Markdown file with one block
//! each), since every run starts a browser.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

mod common;

const SEEDS: [&str; 4] = [
    "agreements/thueringen-2018.pakt",
    "agreements/saarland-2014.pakt",
    "agreements/sachsen-anhalt-2006.pakt",
    "agreements/sachsen-anhalt-2014.pakt",
];
const VIEWS: [&str; 5] = ["all", "governance", "money", "procedure", "obligations"];

/// The hostile names, as they stand in the agreement (after its escapes).
const NORD: &str = "Nord \"land\" <script>alert(1)</script>\n&amp; #1; --> ]] {x} | \\l **fett** _kursiv_";
const RAT: &str = "IT-Rat \" ]; n0 -> n1 [ <b>fett</b> & \\ `x`\t%%{init: {\"theme\":\"dark\"}}%%";
const STEP: &str = "  Beschluss --> |x| $$x^2$$ fa:fa-car \\n #quot; ";

fn pakt(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_pakt")).args(args).env("NO_COLOR", "1").output().expect("run pakt");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "pakt {args:?}: {err}");
    String::from_utf8(out.stdout).expect("utf-8")
}

/// A name as it is written inside a `.pakt` string.
fn quoted(name: &str) -> String {
    format!("\"{}\"", name.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', "\\n"))
}

fn hostile_agreement(dir: &Path) -> PathBuf {
    let src = std::fs::read_to_string("examples/agreements/it-rat-beispiel.pakt").unwrap();
    let hostile = src
        .replace("\"Land Nordland\"", &quoted(NORD))
        .replace("\"IT-Rat\"", &quoted(RAT))
        .replace("\"Beschluss\"", &quoted(STEP));
    for name in [NORD, RAT, STEP] {
        assert!(hostile.contains(&quoted(name)), "the replacement of {name:?} applies");
    }
    let file = dir.join("hostile.pakt");
    std::fs::write(&file, hostile).unwrap();
    file
}

/// The labelled things of a diagram: a box (`n3`), the edges from one box
/// to another (`n1>n2`) or a cluster (`c0`), with its text, lines separated
/// by `\n`.
type Labels = BTreeMap<String, String>;

/// Text as one line in a picture's label: pakt's views draw a line break
/// or other control character as a space.
fn one_line(s: &str) -> String {
    s.chars().map(|c| if c.is_ascii_control() { ' ' } else { c }).collect()
}

/// What a view's Mermaid diagram should show, from its JSON.
fn expected_view(json: &Value) -> Labels {
    let mut want = Labels::new();
    for (i, n) in json["nodes"].as_array().unwrap().iter().enumerate() {
        let mut lines = vec![one_line(n["title"].as_str().unwrap())];
        for row in n["rows"].as_array().unwrap() {
            let text = &row["text"];
            match row["type"].as_str().unwrap() {
                "mark" => lines.push(format!("[{}]", one_line(text.as_str().unwrap()))),
                // A bar's length is drawn in blocks; `rendered` shows any run as one.
                "bars" => lines.extend(text.as_array().unwrap().iter().map(|b| {
                    format!("{} █ {}", one_line(b["label"].as_str().unwrap()), one_line(b["text"].as_str().unwrap()))
                })),
                _ => lines.push(one_line(text.as_str().unwrap())),
            }
        }
        want.insert(format!("n{i}"), lines.join("\n"));
    }
    add_edges(
        &mut want,
        json["edges"].as_array().unwrap().iter().map(|e| {
            let label = e["label"].as_str().map(one_line).unwrap_or_default();
            (e["from"].as_u64().unwrap() as usize, e["to"].as_u64().unwrap() as usize, label)
        }),
    );
    for (i, c) in json["clusters"].as_array().unwrap().iter().enumerate() {
        want.insert(format!("c{i}"), one_line(c["title"].as_str().unwrap()));
    }
    want
}

/// What the whole graph's Mermaid diagram should show, from its JSON:
/// label and detail on lines of their own, control characters made
/// visible as in every text output.
fn expected_all(json: &Value) -> Labels {
    let mut want = Labels::new();
    let mut index = BTreeMap::new();
    for (i, n) in json["nodes"].as_array().unwrap().iter().enumerate() {
        let mut text = n["label"].as_str().unwrap().to_string();
        if let Some(d) = n["detail"].as_str() {
            text = format!("{text}\n{d}");
        }
        let text = pakt::escape::visible(&text).replace('\t', " ");
        want.insert(format!("n{i}"), text);
        index.insert(n["id"].as_str().unwrap().to_string(), i);
    }
    add_edges(
        &mut want,
        json["links"].as_array().unwrap().iter().map(|l| {
            (
                index[l["source"].as_str().unwrap()],
                index[l["target"].as_str().unwrap()],
                l["label"].as_str().unwrap().to_string(),
            )
        }),
    );
    want
}

fn add_edges(want: &mut Labels, edges: impl Iterator<Item = (usize, usize, String)>) {
    let mut pairs: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (from, to, label) in edges {
        pairs.entry(format!("n{from}>n{to}")).or_default().push(label);
    }
    want.extend(pairs.into_iter().map(|(k, v)| (k, edge_text(v))));
}

/// The labels of the edges between two boxes, in a fixed order: Mermaid
/// numbers a second edge between the same boxes in its own way.
fn edge_text(mut labels: Vec<String>) -> String {
    labels.sort();
    labels.join("\n--\n")
}

/// The text of an XHTML label as a person reads it: `<br>` is a line
/// break, runs of bar blocks count as one.
fn text_of(node: roxmltree::Node) -> String {
    let mut s = String::new();
    for d in node.descendants() {
        if d.is_text() {
            s.push_str(d.text().unwrap_or(""));
        } else if d.has_tag_name("br") {
            s.push('\n');
        }
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if !(c == '█' && out.ends_with('█')) {
            out.push(c);
        }
    }
    out
}

fn label_span<'a>(g: roxmltree::Node<'a, 'a>, class: &str) -> roxmltree::Node<'a, 'a> {
    g.descendants()
        .find(|d| d.has_tag_name("span") && d.attribute("class").is_some_and(|c| c.split(' ').any(|x| x == class)))
        .unwrap_or_else(|| panic!("no span.{class} in {:?}", g.attribute("id")))
}

/// The labels mermaid-cli drew, read from its SVG.
fn rendered(svg: &Path) -> Labels {
    let text = std::fs::read_to_string(svg).unwrap_or_else(|e| panic!("{}: {e}", svg.display()));
    let doc = roxmltree::Document::parse(&text).unwrap_or_else(|e| panic!("{} is not XML: {e}", svg.display()));
    let mut got = Labels::new();
    let mut edges: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for g in doc.descendants().filter(|n| n.has_tag_name("g")) {
        let class = g.attribute("class").unwrap_or("");
        if class.split(' ').any(|c| c == "node") {
            // id="my-svg-flowchart-n3-3": the Mermaid node n3.
            let id = g.attribute("id").unwrap();
            let name = id.split("-flowchart-").nth(1).unwrap().rsplit_once('-').unwrap().0;
            let before = got.insert(name.to_string(), text_of(label_span(g, "nodeLabel")));
            assert!(before.is_none(), "{name} drawn twice");
        } else if class == "label" && g.attribute("data-id").is_some_and(|d| d.starts_with("L_")) {
            // data-id="L_n1_n2_0": an edge from n1 to n2.
            let parts: Vec<&str> = g.attribute("data-id").unwrap().split('_').collect();
            edges.entry(format!("{}>{}", parts[1], parts[2])).or_default().push(text_of(label_span(g, "edgeLabel")));
        } else if class == "cluster" {
            let id = g.attribute("id").unwrap();
            got.insert(id.rsplit('-').next().unwrap().to_string(), text_of(label_span(g, "nodeLabel")));
        }
    }
    got.extend(edges.into_iter().map(|(k, v)| (k, edge_text(v))));
    got
}

struct Diagram {
    what: String,
    mermaid: String,
    want: Labels,
}

fn diagrams(file: &str) -> Vec<Diagram> {
    VIEWS
        .iter()
        .map(|v| {
            let mermaid = pakt(&["graph", file, "--view", v, "--format", "mermaid"]);
            let json: Value = serde_json::from_str(&pakt(&["graph", file, "--view", v, "--format", "json"])).unwrap();
            let want = if *v == "all" { expected_all(&json) } else { expected_view(&json) };
            Diagram { what: format!("{file} --view {v}"), mermaid, want }
        })
        .collect()
}

#[test]
fn mermaid_cli_draws_every_label_whole_and_exact() {
    let dir = std::env::temp_dir().join(format!("pakt-mermaid-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let Some((mmdc, config)) = common::mermaid_cli("mermaid", &dir) else { return };
    let hostile = hostile_agreement(&dir);
    let files: Vec<&str> = SEEDS.iter().copied().chain([hostile.to_str().unwrap()]).collect();
    let all: Vec<Diagram> = files.iter().flat_map(|f| diagrams(f)).collect();
    let markdown: String = all.iter().map(|d| format!("```mermaid\n{}```\n\n", d.mermaid)).collect();
    std::fs::write(dir.join("all.md"), &markdown).unwrap();
    let out = Command::new(&mmdc)
        .arg("-p")
        .arg(&config)
        .arg("-q")
        .arg("-i")
        .arg(dir.join("all.md"))
        .arg("-o")
        .arg(dir.join("out.md"))
        .output()
        .expect("run mmdc");
    assert!(out.status.success(), "mmdc failed:\n{}", String::from_utf8_lossy(&out.stderr));

    for (i, d) in all.iter().enumerate() {
        // mmdc names the picture of the n-th block out-n.svg.
        let svg_path = dir.join(format!("out-{}.svg", i + 1));
        let got = rendered(&svg_path);
        for (name, want) in &d.want {
            let drawn = got.get(name).unwrap_or_else(|| panic!("{}: {name} ({want:?}) is not drawn", d.what));
            assert_eq!(drawn, want, "{}: the label of {name} in {}\n{}", d.what, svg_path.display(), d.mermaid);
        }
        let extra: Vec<_> = got.keys().filter(|k| !d.want.contains_key(*k)).collect();
        assert!(extra.is_empty(), "{}: drawn but not in the JSON: {extra:?}", d.what);
    }

    // Every party and body is drawn under its whole name in some diagram of
    // its agreement; the hostile names in the diagrams that show them.
    let texts = |file: usize, view: &str| -> Vec<String> {
        let i = file * VIEWS.len() + VIEWS.iter().position(|v| *v == view).unwrap();
        rendered(&dir.join(format!("out-{}.svg", i + 1))).into_values().collect()
    };
    // A box starts with the name: in the whole graph with its line breaks,
    // in a view on one line (a tab is a space in both).
    let starts = |texts: &[String], name: &str| {
        [name.replace('\t', " "), one_line(name)]
            .iter()
            .any(|n| texts.iter().any(|t| t == n || t.starts_with(&format!("{n}\n"))))
    };
    for (f, file) in files.iter().enumerate() {
        let drawn: Vec<String> = VIEWS.iter().flat_map(|v| texts(f, v)).collect();
        let model = pakt::check::compile(&std::fs::read_to_string(file).unwrap(), &Default::default()).model.unwrap();
        let names = model.parties.iter().map(|p| &p.name.value).chain(model.bodies.iter().map(|b| &b.name.value));
        for name in names {
            assert!(starts(&drawn, name), "{file}: no box is named {name:?}");
        }
    }
    let hostile = SEEDS.len();
    for (view, names) in [
        ("all", vec![NORD, RAT, STEP]),
        ("governance", vec![RAT]),
        ("obligations", vec![NORD]),
        ("procedure", vec![STEP]),
    ] {
        let drawn = texts(hostile, view);
        for name in names {
            assert!(starts(&drawn, name), "{view}: {name:?} in {drawn:?}");
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}
