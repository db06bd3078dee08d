//! `pakt lsp` driven over JSON-RPC through its stdin and stdout, as an
//! editor drives it: initialize, open, a typo typed in, diagnostics, hover,
//! definition, references, rename, completion, a quick fix, shutdown, exit.
//! Responses are compared whole (insta snapshots, the fixture's folder
//! replaced by `$ROOT`).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::time::Duration;

const FIXTURE: &str = "tests/fixtures/lsp/beispiel.pakt";

struct Client {
    child: Child,
    stdin: ChildStdin,
    rx: Receiver<Value>,
    next_id: i64,
    /// Notifications received while waiting for a response.
    pending: Vec<Value>,
    root: String,
}

/// Read one `Content-Length` framed message.
fn read_message(r: &mut impl BufRead) -> Option<Value> {
    let mut len = None;
    loop {
        let mut line = String::new();
        if r.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(v) = line.strip_prefix("Content-Length: ") {
            len = v.parse::<usize>().ok();
        }
    }
    let mut buf = vec![0; len?];
    r.read_exact(&mut buf).ok()?;
    serde_json::from_slice(&buf).ok()
}

impl Client {
    fn start() -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_pakt"))
            .arg("lsp")
            .env_remove("PAKT_DOCS_URL")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start pakt lsp");
        let stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mut r = BufReader::new(stdout);
            while let Some(v) = read_message(&mut r) {
                if tx.send(v).is_err() {
                    break;
                }
            }
        });
        let root = std::fs::canonicalize(".").unwrap().display().to_string();
        Client { child, stdin, rx, next_id: 1, pending: Vec::new(), root }
    }

    fn send(&mut self, v: Value) {
        let body = serde_json::to_string(&v).unwrap();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        self.stdin.flush().unwrap();
    }

    fn recv(&mut self) -> Value {
        self.rx.recv_timeout(Duration::from_secs(20)).expect("pakt lsp answers within 20 s")
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        loop {
            let v = self.recv();
            if v["id"] == json!(id) {
                return self.redact(v);
            }
            self.pending.push(v);
        }
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// The next notification of this method (earlier ones kept aside are used first).
    fn notification(&mut self, method: &str) -> Value {
        if let Some(i) = self.pending.iter().position(|v| v["method"] == method) {
            let v = self.pending.remove(i);
            return self.redact(v);
        }
        loop {
            let v = self.recv();
            if v["method"] == method {
                return self.redact(v);
            }
            self.pending.push(v);
        }
    }

    fn redact(&self, v: Value) -> Value {
        let s = serde_json::to_string(&v).unwrap().replace(&self.root, "$ROOT");
        serde_json::from_str(&s).unwrap()
    }

    fn uri(&self) -> String {
        format!("file://{}/{FIXTURE}", self.root)
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        // A failed test must not leave the server running.
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn utf16(s: &str) -> u32 {
    s.encode_utf16().count() as u32
}

/// The LSP position of the `n`-th occurrence (0-based) of `needle` in `text`.
fn pos(text: &str, needle: &str, n: usize) -> Value {
    let offset = text.match_indices(needle).nth(n).unwrap().0;
    let before = &text[..offset];
    let line = before.matches('\n').count();
    let col = utf16(&before[before.rfind('\n').map_or(0, |i| i + 1)..]);
    json!({"line": line, "character": col})
}

#[test]
fn a_session_as_an_editor_runs_it() {
    let text = std::fs::read_to_string(FIXTURE).unwrap();
    let mut c = Client::start();
    let uri = c.uri();
    let doc = json!({"uri": uri});

    let init = c.request("initialize", json!({"processId": null, "rootUri": null, "capabilities": {}}));
    insta::assert_json_snapshot!("initialize", init);
    c.notify("initialized", json!({}));

    c.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "pakt", "version": 1, "text": text}}),
    );
    let open = c.notification("textDocument/publishDiagnostics");
    assert_eq!(open["params"]["diagnostics"], json!([]), "the fixture is clean: {open}");

    // Type a typo into the beneficiary, after „quotes“, umlauts and an emoji on the same line.
    let at = pos(&text, "gemeindetag }", 1);
    let typo_start = json!({"line": at["line"], "character": at["character"].as_u64().unwrap() + 10});
    let typo_end = json!({"line": at["line"], "character": at["character"].as_u64().unwrap() + 11});
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2},
               "contentChanges": [{"range": {"start": typo_start, "end": typo_end}, "text": ""}]}),
    );
    let diags = c.notification("textDocument/publishDiagnostics");
    insta::assert_json_snapshot!("diagnostics-after-typo", diags);
    let range = &diags["params"]["diagnostics"][0]["range"];
    // `obligation portal { bearer land must "das Portal „Bürger-Service“ für alle 🚀 betreiben" beneficiary `
    // is 101 UTF-16 code units (the emoji counts two), 100 characters and 109 bytes.
    assert_eq!(range, &json!({"start": {"line": 26, "character": 101}, "end": {"line": 26, "character": 111}}));
    let text: String = text.replacen("beneficiary gemeindetag }", "beneficiary gemeindeta }", 1);

    // Hover on a reference, on a keyword, on a seat.
    let hover = c.request("textDocument/hover", json!({"textDocument": doc, "position": pos(&text, "bearer land", 0)}));
    insta::assert_json_snapshot!("hover-keyword", hover);
    let hover = c.request("textDocument/hover", json!({"textDocument": doc, "position": pos(&text, "land must", 0)}));
    insta::assert_json_snapshot!("hover-party", hover);
    let hover =
        c.request("textDocument/hover", json!({"textDocument": doc, "position": pos(&text, "cio\n  meets", 0)}));
    insta::assert_json_snapshot!("hover-seat", hover);

    // Definition: `chair cio` is the body's own seat; `office cio` the office.
    let def =
        c.request("textDocument/definition", json!({"textDocument": doc, "position": pos(&text, "cio\n  meets", 0)}));
    assert_eq!(def["result"]["range"]["start"], pos(&text, "cio { office", 0), "{def}");
    let def = c.request("textDocument/definition", json!({"textDocument": doc, "position": pos(&text, "cio }", 0)}));
    assert_eq!(def["result"]["range"]["start"], pos(&text, "cio \"Beauftragter", 0), "{def}");
    insta::assert_json_snapshot!("definition", def);

    // References of the party `land`, from its definition.
    let refs = c.request(
        "textDocument/references",
        json!({"textDocument": doc, "position": pos(&text, "land \"Freistaat", 0), "context": {"includeDeclaration": true}}),
    );
    insta::assert_json_snapshot!("references", refs);
    assert_eq!(refs["result"].as_array().unwrap().len(), 4, "definition, office, obligation, signature");

    // Rename: refused to an existing name and to a non-name; done everywhere otherwise.
    let at_land = pos(&text, "land \"Freistaat", 0);
    let prep = c.request("textDocument/prepareRename", json!({"textDocument": doc, "position": at_land}));
    insta::assert_json_snapshot!("prepare-rename", prep);
    let taken =
        c.request("textDocument/rename", json!({"textDocument": doc, "position": at_land, "newName": "gemeindetag"}));
    insta::assert_json_snapshot!("rename-taken", taken);
    let invalid =
        c.request("textDocument/rename", json!({"textDocument": doc, "position": at_land, "newName": "2land"}));
    insta::assert_json_snapshot!("rename-invalid", invalid);
    let rename =
        c.request("textDocument/rename", json!({"textDocument": doc, "position": at_land, "newName": "freistaat"}));
    insta::assert_json_snapshot!("rename", rename);

    // Completion of the bearer: parties, offices, bodies, seats, `all`.
    let completion =
        c.request("textDocument/completion", json!({"textDocument": doc, "position": pos(&text, "land must", 0)}));
    let labels: Vec<&str> =
        completion["result"].as_array().unwrap().iter().map(|i| i["label"].as_str().unwrap()).collect();
    assert_eq!(labels, ["all", "beirat", "beirat.cio", "beirat.gt", "cio", "gemeindetag", "land"]);
    insta::assert_json_snapshot!("completion-bearer", completion);

    // The quick fix for the typo.
    let typo = pos(&text, "gemeindeta }", 0);
    let actions = c.request(
        "textDocument/codeAction",
        json!({"textDocument": doc, "range": {"start": typo, "end": typo}, "context": {"diagnostics": []}}),
    );
    insta::assert_json_snapshot!("code-action-did-you-mean", actions);

    let unknown = c.request("pakt/nothing", json!({}));
    assert_eq!(unknown["error"]["code"], json!(-32601), "{unknown}");

    let shutdown = c.request("shutdown", Value::Null);
    assert_eq!(shutdown["result"], Value::Null);
    c.notify("exit", Value::Null);
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    loop {
        if let Some(status) = c.child.try_wait().unwrap() {
            assert_eq!(status.code(), Some(0), "exit after shutdown is 0");
            break;
        }
        assert!(std::time::Instant::now() < deadline, "pakt lsp did not exit");
        std::thread::sleep(Duration::from_millis(20));
    }
}
