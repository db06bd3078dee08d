//! The language server driven in-process (`pakt::lsp::Server::handle`):
//! UTF-16 positions after umlauts, „quotes“ and emoji; the quick fixes;
//! navigation into the superseded agreement; completion from the grammar;
//! and a few hundred random edits over the Thüringen agreement, after each
//! of which every request must be answered without an internal error and
//! the server's text must equal the text the edits give.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use lsp_server::{Message, Notification, Request, RequestId, Response};
use pakt::lsp::Server;
use serde_json::{json, Value};

struct Session {
    server: Server,
    next: i32,
    /// Diagnostics last published, by URI.
    published: std::collections::BTreeMap<String, Value>,
}

impl Session {
    fn new() -> Session {
        let mut s = Session { server: Server::new(), next: 1, published: Default::default() };
        let init = s.request("initialize", json!({"capabilities": {}}));
        assert!(init.response_result.is_ok());
        s.notify("initialized", json!({}));
        s
    }

    fn take(&mut self, out: Vec<Message>) -> Option<Response> {
        let mut response = None;
        for m in out {
            match m {
                Message::Response(r) => response = Some(r),
                Message::Notification(n) if n.method == "textDocument/publishDiagnostics" => {
                    let uri = n.params["uri"].as_str().unwrap().to_string();
                    self.published.insert(uri, n.params["diagnostics"].clone());
                }
                other => panic!("unexpected message {other:?}"),
            }
        }
        response
    }

    fn request(&mut self, method: &str, params: Value) -> Response {
        let id = self.next;
        self.next += 1;
        let out = self.server.handle(Message::Request(Request::new(RequestId::from(id), method.into(), params)));
        let r = self.take(out).expect("every request is answered");
        assert_eq!(r.id, RequestId::from(id));
        r
    }

    fn ok(&mut self, method: &str, params: Value) -> Value {
        let r = self.request(method, params);
        match r.response_result {
            Ok(v) => v,
            Err(e) => panic!("{method}: {}", e.message),
        }
    }

    fn notify(&mut self, method: &str, params: Value) {
        let out = self.server.handle(Message::Notification(Notification::new(method.into(), params)));
        assert!(self.take(out).is_none());
    }

    fn open(&mut self, uri: &str, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "pakt", "version": 1, "text": text}}),
        );
    }
}

fn uri_of(path: &str) -> String {
    format!("file://{}", std::fs::canonicalize(path).unwrap().display())
}

fn utf16(s: &str) -> u32 {
    s.encode_utf16().count() as u32
}

/// LSP position of a byte offset, computed independently of the server.
fn position(text: &str, offset: usize) -> Value {
    let before = &text[..offset];
    let line = before.matches('\n').count();
    let col = utf16(&before[before.rfind('\n').map_or(0, |i| i + 1)..]);
    json!({"line": line, "character": col})
}

fn at(text: &str, needle: &str) -> Value {
    position(text, text.find(needle).unwrap_or_else(|| panic!("{needle} not in text")))
}

const SMALL: &str = r#"agreement a {
  title "Vereinbarung"
}
party land "Land" { side state }
party gemeindetag "Gemeindetag" { side municipal }
obligation o { bearer land must "Änderungen „prüfen“ 😀 und ✓" beneficiary gemeindetg }
signature s_land { party land signatory "A" }
signature s_gt { party gemeindetag signatory "B" }
"#;

#[test]
fn positions_count_utf16_code_units() {
    let mut s = Session::new();
    let uri = "file:///nonexistent/a.pakt";
    s.open(uri, SMALL);
    let diags = s.published[uri].clone();
    let d = diags.as_array().unwrap().iter().find(|d| d["code"] == "R001").unwrap();
    let line = SMALL.lines().nth(5).unwrap();
    let prefix = &line[..line.find("gemeindetg").unwrap()];
    // 75 UTF-16 code units: 74 characters, the emoji counting two; 85 bytes.
    assert_eq!(utf16(prefix), 75);
    assert_eq!(prefix.chars().count(), 74);
    assert_eq!(prefix.len(), 85);
    assert_eq!(d["range"], json!({"start": {"line": 5, "character": 75}, "end": {"line": 5, "character": 85}}));
    // Hover and definition at the same place agree.
    let fix = s.ok(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": {"start": {"line": 5, "character": 77}, "end": {"line": 5, "character": 77}}, "context": {"diagnostics": []}}),
    );
    let edit = &fix[0]["edit"]["changes"][uri][0];
    assert_eq!(edit["newText"], "gemeindetag");
    assert_eq!(edit["range"], d["range"]);
    // Typing after the emoji: an incremental change at a UTF-16 position.
    s.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [
            {"range": {"start": {"line": 5, "character": 84}, "end": {"line": 5, "character": 84}}, "text": "a"}]}),
    );
    assert!(!s.published[uri].as_array().unwrap().iter().any(|d| d["code"] == "R001"), "the typo is fixed");
    let text = s.server.analysis(uri).unwrap().text.clone();
    assert!(text.contains("beneficiary gemeindetag }"));
    // A position inside the emoji's surrogate pair is the emoji's start, not a panic.
    let hover = s
        .request("textDocument/hover", json!({"textDocument": {"uri": uri}, "position": {"line": 5, "character": 54}}));
    assert!(hover.response_result.is_ok());
    let hover =
        s.ok("textDocument/hover", json!({"textDocument": {"uri": uri}, "position": {"line": 5, "character": 80}}));
    assert_eq!(hover["range"], json!({"start": {"line": 5, "character": 75}, "end": {"line": 5, "character": 86}}));
    assert!(hover["contents"]["value"].as_str().unwrap().starts_with("**party** `gemeindetag`"));
}

#[test]
fn quick_fixes_allow_a_rule_and_add_a_signature() {
    let mut s = Session::new();
    let uri = "file:///nonexistent/b.pakt";
    let text = SMALL
        .replace("signature s_gt { party gemeindetag signatory \"B\" }\n", "")
        .replace("gemeindetg", "gemeindetag");
    s.open(uri, &text);
    let diags = s.published[uri].as_array().unwrap().clone();
    let a014 = diags.iter().find(|d| d["code"] == "A014").expect("gemeindetag does not sign");
    assert_eq!(a014["range"]["start"], at(&text, "gemeindetag \"Gemeindetag\""));
    assert_eq!(
        a014["codeDescription"]["href"],
        "https://github.com/pakt-lang/pakt/blob/main/docs/rules/A014-signatures.md"
    );
    let actions = s.ok(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": a014["range"], "context": {"diagnostics": []}}),
    );
    let titles: Vec<&str> = actions.as_array().unwrap().iter().map(|a| a["title"].as_str().unwrap()).collect();
    assert_eq!(
        titles,
        [
            "Allow `unbound-party` (A013) here, with a reason",
            "Add a signature block for `gemeindetag`",
            "Allow `signatures` (A014) here, with a reason"
        ]
    );
    let sig = &actions[1]["edit"]["changes"][uri][0];
    assert_eq!(sig["newText"], "\nsignature sig_gemeindetag {\n    party gemeindetag\n    signatory \"…\"\n}\n");
    let allow = &actions[2]["edit"]["changes"][uri][0];
    assert_eq!(allow["newText"], "\n    allow signatures \"…\"");
    assert_eq!(allow["range"]["start"], position(&text, text.find("municipal").unwrap() - "{ side ".len() + 1));
    // Applying the allow silences the finding.
    s.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"range": allow["range"], "text": allow["newText"]}]}),
    );
    assert!(!s.published[uri].as_array().unwrap().iter().any(|d| d["code"] == "A014"), "{}", s.published[uri]);
}

#[test]
fn supersedes_and_continues_lead_into_the_predecessor() {
    let mut s = Session::new();
    let path = "agreements/sachsen-anhalt-2014.pakt";
    let uri = uri_of(path);
    let text = std::fs::read_to_string(path).unwrap();
    s.open(&uri, &text);
    assert_eq!(s.published[&uri], json!([]), "the 2014 agreement is clean");
    let old_uri = uri_of("agreements/sachsen-anhalt-2006.pakt");
    let old = std::fs::read_to_string("agreements/sachsen-anhalt-2006.pakt").unwrap();
    let sup = text.find("supersedes \"").unwrap() + "supersedes \"".len() + 2;
    let def = s.ok("textDocument/definition", json!({"textDocument": {"uri": uri}, "position": position(&text, sup)}));
    assert_eq!(def["uri"], old_uri.as_str());
    let cont = text.find("continues ").unwrap() + "continues ".len() + 1;
    let def = s.ok("textDocument/definition", json!({"textDocument": {"uri": uri}, "position": position(&text, cont)}));
    assert_eq!(def["uri"], old_uri.as_str());
    assert_eq!(def["range"]["start"], at(&old, "ag_it_land_kommunen \""));
    // Breaking the predecessor (open in the editor) re-checks its successor.
    s.open(&old_uri, &old.replace("agreement sachsen_anhalt_2006", "agreemnt sachsen_anhalt_2006"));
    let r007 = s.published[&uri].as_array().unwrap().iter().find(|d| d["code"] == "R007").cloned();
    assert!(r007.is_some(), "the successor reports its broken predecessor: {}", s.published[&uri]);
}

#[test]
fn completion_offers_what_the_grammar_accepts() {
    let mut s = Session::new();
    let uri = "file:///nonexistent/c.pakt";
    let text = "agreement a {\n}\nparty land \"L\" { side state }\nbody b \"B\" {\n  \n}\n";
    s.open(uri, text);
    let labels = |s: &mut Session, line: u32, character: u32| -> Vec<String> {
        let r = s.ok(
            "textDocument/completion",
            json!({"textDocument": {"uri": uri}, "position": {"line": line, "character": character}}),
        );
        r.as_array().unwrap().iter().map(|i| i["label"].as_str().unwrap().to_string()).collect()
    };
    let in_body = labels(&mut s, 4, 2);
    for k in ["seat", "chair", "meets", "decides", "parity", "task", "allow", "}"] {
        assert_eq!(in_body.contains(&k.to_string()), k != "}", "{k} in {in_body:?}");
    }
    assert!(!in_body.contains(&"bearer".to_string()));
    let top = labels(&mut s, 6, 0);
    assert!(top.contains(&"party".to_string()) && top.contains(&"signature".to_string()), "{top:?}");
    // `allow` offers the rules.
    s.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [
        {"range": {"start": {"line": 4, "character": 2}, "end": {"line": 4, "character": 2}}, "text": "allow par"}]}),
    );
    let rules = labels(&mut s, 4, 11);
    assert!(rules.contains(&"parity".to_string()) && rules.contains(&"signatures".to_string()), "{rules:?}");
    // While the line is half typed, the outline still comes from the repaired text.
    let symbols = s.ok("textDocument/documentSymbol", json!({"textDocument": {"uri": uri}}));
    let names: Vec<&str> = symbols.as_array().unwrap().iter().map(|x| x["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["a", "land", "b"]);
    assert_eq!(s.published[uri].as_array().unwrap()[0]["code"], "P001");
}

/// A small deterministic generator (xorshift64*), so the edits are the same on every run.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len() as u64) as usize]
    }
}

/// Byte offset of an LSP position, computed independently of the server.
fn offset(text: &str, line: u32, character: u32) -> usize {
    let mut start = 0;
    for _ in 0..line {
        match text[start..].find('\n') {
            Some(i) => start += i + 1,
            None => return text.len(),
        }
    }
    let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    let mut units = 0;
    for (i, c) in text[start..end].char_indices() {
        if units + c.len_utf16() as u32 > character {
            return start + i;
        }
        units += c.len_utf16() as u32;
    }
    end
}

#[test]
fn random_edits_never_break_the_server() {
    let path = "agreements/thueringen-2018.pakt";
    let uri = uri_of(path);
    let mut text = std::fs::read_to_string(path).unwrap();
    let mut s = Session::new();
    s.open(&uri, &text);
    let mut rng = Rng(0x5EED_1234_ABCD_0001);
    let pieces = [
        "{",
        "}",
        "\"",
        "„",
        "“",
        "ü",
        "😀",
        "\n",
        " ",
        "party",
        "body x \"y\" {",
        "bearer ",
        "land",
        ".",
        ",",
        "all",
        "seat s { party land }",
        "EUR 5 million",
        "2018-13-45",
        "// note\n",
        "allow parity \"r\"",
        "beirat.",
        "\\",
    ];
    let methods = [
        "textDocument/hover",
        "textDocument/definition",
        "textDocument/references",
        "textDocument/completion",
        "textDocument/prepareRename",
        "textDocument/rename",
        "textDocument/documentSymbol",
        "textDocument/foldingRange",
        "textDocument/semanticTokens/full",
        "textDocument/codeAction",
    ];
    for version in 2..302 {
        let lines = text.matches('\n').count() as u64 + 1;
        let line = rng.below(lines + 2) as u32;
        let character = rng.below(120) as u32;
        let (start, end, insert) = if rng.below(3) == 0 {
            let len = rng.below(40) as u32;
            ((line, character), (line + u32::from(rng.below(4) == 0), character + len), String::new())
        } else {
            let n = 1 + rng.below(3);
            ((line, character), (line, character), (0..n).map(|_| rng.pick(&pieces)).collect::<String>())
        };
        // The same edit on the test's own copy of the text.
        let a = offset(&text, start.0, start.1);
        let b = offset(&text, end.0, end.1);
        let (a, b) = (a.min(b), a.max(b));
        text.replace_range(a..b, &insert);
        s.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"range": {
                "start": {"line": start.0, "character": start.1}, "end": {"line": end.0, "character": end.1}}, "text": insert}]}),
        );
        for _ in 0..3 {
            let method = rng.pick(&methods);
            let p = json!({"line": rng.below(lines + 2), "character": rng.below(100)});
            let params = json!({
                "textDocument": {"uri": uri}, "position": p, "newName": rng.pick(&["x", "neu", "1", "land", "a.b"]),
                "context": {"includeDeclaration": true, "diagnostics": [], "triggerKind": 1}, "range": {"start": p, "end": p},
            });
            let r = s.request(method, params);
            if let Err(e) = &r.response_result {
                assert_ne!(e.code, -32603, "{method} failed inside: {}", e.message);
                assert!(
                    matches!(method, "textDocument/prepareRename" | "textDocument/rename"),
                    "{method}: {}",
                    e.message
                );
            }
        }
        assert_eq!(s.server.analysis(&uri).unwrap().text, text, "incremental sync after edit {version}");
    }
    assert!(s.published.contains_key(&uri));
}

#[test]
fn tokens_outline_folding_and_renaming_a_body() {
    let mut s = Session::new();
    let uri = "file:///nonexistent/d.pakt";
    let text = "agreement a {\n  land \"Ländle\" // the Land\n}\nparty land \"L\" { side state }\nbody rat \"Rat\" {\n  seat l { party land }\n}\nobligation o { bearer rat.l must \"x\" }\n";
    s.open(uri, text);
    // Decode the semantic tokens into (line, column, text, type, modifiers).
    let legend: Vec<String> = {
        let init = s.ok("initialize", json!({"capabilities": {}}));
        serde_json::from_value(init["capabilities"]["semanticTokensProvider"]["legend"]["tokenTypes"].clone()).unwrap()
    };
    let data = s.ok("textDocument/semanticTokens/full", json!({"textDocument": {"uri": uri}}))["data"].clone();
    let data: Vec<u32> = serde_json::from_value(data).unwrap();
    let lines: Vec<Vec<u16>> = text.lines().map(|l| l.encode_utf16().collect()).collect();
    let (mut line, mut col) = (0usize, 0usize);
    let mut tokens = Vec::new();
    for t in data.chunks(5) {
        if t[0] > 0 {
            line += t[0] as usize;
            col = 0;
        }
        col += t[1] as usize;
        let word = String::from_utf16(&lines[line][col..col + t[2] as usize]).unwrap();
        tokens.push(format!("{line}:{col} {word} {}{}", legend[t[3] as usize], if t[4] == 1 { " decl" } else { "" }));
    }
    let expected = [
        "0:0 agreement keyword",
        "0:10 a namespace decl",
        "1:2 land keyword",
        "1:7 \"Ländle\" string",
        "1:16 // the Land comment",
        "3:0 party keyword",
        "3:6 land class decl",
        "3:11 \"L\" string",
        "3:17 side keyword",
        "3:22 state keyword",
        "4:0 body keyword",
        "4:5 rat namespace decl",
        "4:9 \"Rat\" string",
        "5:2 seat keyword",
        "5:7 l enumMember decl",
        "5:11 party keyword",
        "5:17 land class",
        "7:0 obligation keyword",
        "7:11 o variable decl",
        "7:15 bearer keyword",
        "7:22 rat.l enumMember",
        "7:28 must keyword",
        "7:33 \"x\" string",
    ];
    assert_eq!(tokens, expected);
    // The outline nests the seat in its body.
    let symbols = s.ok("textDocument/documentSymbol", json!({"textDocument": {"uri": uri}}));
    assert_eq!(symbols[2]["name"], "rat");
    assert_eq!(symbols[2]["children"][0]["name"], "l");
    let folds = s.ok("textDocument/foldingRange", json!({"textDocument": {"uri": uri}}));
    let folds: Vec<(u64, u64)> = folds
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["startLine"].as_u64().unwrap(), f["endLine"].as_u64().unwrap()))
        .collect();
    assert_eq!(folds, [(0, 2), (4, 6)]);
    // Renaming the body renames the body part of `rat.l` too.
    let edits = s.ok(
        "textDocument/rename",
        json!({"textDocument": {"uri": uri}, "position": at(text, "rat \"Rat\""), "newName": "gremium"}),
    );
    let ranges: Vec<Value> =
        edits["changes"][uri].as_array().unwrap().iter().map(|e| e["range"]["start"].clone()).collect();
    assert_eq!(ranges, [at(text, "rat \"Rat\""), at(text, "rat.l")]);
    // Hover on the keyword `land` in the header, and on the party `land`.
    let kw = s.ok("textDocument/hover", json!({"textDocument": {"uri": uri}, "position": {"line": 1, "character": 3}}));
    assert!(
        kw["contents"]["value"].as_str().unwrap().starts_with("**`land`** (keyword)\n\nin `agreement`: the Land"),
        "{kw}"
    );
    let party =
        s.ok("textDocument/hover", json!({"textDocument": {"uri": uri}, "position": {"line": 5, "character": 18}}));
    assert_eq!(party["contents"]["value"], "**party** `land`: L\n- side: state");
    // A code in a comment: the rule's explanation, or what a built-in code means.
    s.notify("textDocument/didChange", json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [
        {"range": {"start": {"line": 8, "character": 0}, "end": {"line": 8, "character": 0}}, "text": "// A014 R001\n"}]}));
    let a014 =
        s.ok("textDocument/hover", json!({"textDocument": {"uri": uri}, "position": {"line": 8, "character": 4}}));
    assert!(
        a014["contents"]["value"].as_str().unwrap().starts_with("**A014** `signatures` (default: error)\n\n"),
        "{a014}"
    );
    let r001 =
        s.ok("textDocument/hover", json!({"textDocument": {"uri": uri}, "position": {"line": 8, "character": 9}}));
    assert_eq!(
        r001["contents"]["value"],
        "**R001** `undefined-reference` (always an error)\n\na name is used but not defined."
    );
}

#[test]
fn an_invalid_pakt_toml_is_reported_and_reloaded() {
    let dir = std::env::temp_dir().join(format!("pakt-lsp-config-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("a.pakt");
    let text = SMALL.replace("gemeindetg", "gemeindetag");
    std::fs::write(&file, &text).unwrap();
    std::fs::write(dir.join("pakt.toml"), "[rules]\nparityy = \"off\"\n").unwrap();
    let uri = format!("file://{}", std::fs::canonicalize(&file).unwrap().display());
    let mut s = Session::new();
    s.open(&uri, &text);
    let codes: Vec<&str> = s.published[&uri].as_array().unwrap().iter().map(|d| d["code"].as_str().unwrap()).collect();
    assert_eq!(codes, ["C001", "A017", "A013"], "the defaults meanwhile");
    let first = s.published[&uri][0].clone();
    assert_eq!(first["code"], "C001", "{first}");
    assert!(first["message"].as_str().unwrap().contains("unknown rule `parityy`"), "{first}");
    assert_eq!(first["relatedInformation"][0]["location"]["range"]["start"], json!({"line": 1, "character": 0}));
    // Fixed on disk; the editor's file watcher tells the server.
    std::fs::write(dir.join("pakt.toml"), "[rules]\nunbound-party = \"off\"\n").unwrap();
    let out = s.server.handle(Message::Notification(Notification::new(
        "workspace/didChangeWatchedFiles".into(),
        json!({"changes": [{"uri": format!("file://{}/pakt.toml", dir.display()), "type": 2}]}),
    )));
    s.take(out);
    let codes: Vec<&str> = s.published[&uri].as_array().unwrap().iter().map(|d| d["code"].as_str().unwrap()).collect();
    assert_eq!(codes, ["A017"], "no C001, and A013 is off now");
    let _ = std::fs::remove_dir_all(&dir);
}

/// `textDocument/formatting` gives the layout of `pakt fmt` as one edit;
/// a file with a syntax error gets none.
#[test]
fn formatting_uses_pakt_fmt() {
    let mut s = Session::new();
    let uri = "file:///tmp/fmt.pakt";
    let messy = "agreement x {\n  title   \"X\"\n}\nparty   land \"Land\"   { side state }\n";
    s.open(uri, messy);
    let edits = s.ok(
        "textDocument/formatting",
        json!({"textDocument": {"uri": uri}, "options": {"tabSize": 4, "insertSpaces": true}}),
    );
    let expected = pakt::fmt::format_text(messy).expect("formats");
    assert_ne!(expected, messy);
    assert_eq!(edits[0]["newText"], expected.as_str(), "{edits}");
    assert_eq!(edits[0]["range"]["start"], json!({"line": 0, "character": 0}));
    let broken = "agreement x {\n  title \n";
    s.open("file:///tmp/broken.pakt", broken);
    let none = s.ok(
        "textDocument/formatting",
        json!({"textDocument": {"uri": "file:///tmp/broken.pakt"}, "options": {"tabSize": 4, "insertSpaces": true}}),
    );
    assert!(none.is_null(), "{none}");
}

/// A file written with German keywords gets German diagnostics in the
/// editor, as `pakt check` gives them (unless `PAKT_LANG` says otherwise).
#[test]
fn a_german_file_gets_german_diagnostics() {
    if std::env::var("PAKT_LANG").is_ok_and(|v| !v.is_empty()) {
        eprintln!("SKIPPED a_german_file_gets_german_diagnostics: PAKT_LANG is set");
        return;
    }
    let text = std::fs::read_to_string("tests/fixtures_de/A001-parity.fail.pakt").unwrap();
    let mut s = Session::new();
    let uri = uri_of("tests/fixtures_de/A001-parity.fail.pakt");
    s.open(&uri, &text);
    let d = &s.published[&uri];
    let a001 = d.as_array().unwrap().iter().find(|d| d["code"] == "A001").expect("an A001 finding");
    let message = a001["message"].as_str().unwrap();
    assert!(message.contains("ist als paritätisch erklärt"), "{message}");
    assert!(message.contains("\nHilfe: "), "{message}");
    assert!(!message.contains("is declared"), "{message}");
}
