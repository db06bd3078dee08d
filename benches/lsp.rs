//! How fast `pakt lsp` answers while a drafter types in the Thüringen
//! agreement (33 KB, the largest of the four). `cargo bench --bench lsp`.
//!
//! - `keystroke`: one character typed through `didChange` (incremental),
//!   answered with the full re-check (parse, lower, resolve, every rule,
//!   the superseded agreement if any) and the `publishDiagnostics` message.
//!   This is the latency the 50 ms budget is about.
//! - `keystroke_syntax_error`: the same while the text has a syntax error,
//!   so the repair rounds run (`analysis::compile_recovering`).
//! - `analyse`: `analysis::analyse` of the whole text, without the server.
//! - `check_file`: what `pakt check` does for the same file, as a baseline.
//! - `hover`, `completion`, `semantic_tokens`, `document_symbols`,
//!   `references`: one request each on the clean text.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use divan::{black_box, Bencher};
use lsp_server::{Message, Notification, Request, RequestId};
use pakt::config::Config;
use pakt::lsp::analysis::{self, Disk};
use pakt::lsp::Server;
use serde_json::{json, Value};

const PATH: &str = "agreements/thueringen-2018.pakt";

fn main() {
    divan::main();
}

fn uri() -> String {
    format!("file://{}", std::fs::canonicalize(PATH).unwrap().display())
}

fn text() -> String {
    std::fs::read_to_string(PATH).unwrap()
}

fn notify(server: &mut Server, method: &str, params: Value) -> Vec<Message> {
    server.handle(Message::Notification(Notification::new(method.into(), params)))
}

fn open(text: &str) -> Server {
    let mut s = Server::new();
    s.handle(Message::Request(Request::new(RequestId::from(0), "initialize".into(), json!({"capabilities": {}}))));
    notify(
        &mut s,
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri(), "languageId": "pakt", "version": 1, "text": text}}),
    );
    s
}

/// Type at the line of `needle`: insert and delete a character, alternately.
fn keystrokes(bencher: Bencher, text: String, needle: &str) {
    let line = text[..text.find(needle).unwrap()].matches('\n').count();
    let mut s = open(&text);
    let mut version = 1;
    bencher.bench_local(move || {
        version += 1;
        let (end, insert) = if version % 2 == 0 { (0, "x") } else { (1, "") };
        let out = notify(
            &mut s,
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri(), "version": version}, "contentChanges": [{"range": {
                "start": {"line": line, "character": 0}, "end": {"line": line, "character": end}}, "text": insert}]}),
        );
        assert!(!out.is_empty());
        black_box(out)
    });
}

#[divan::bench(sample_count = 50)]
fn keystroke(bencher: Bencher) {
    // In a comment line: the file stays clean.
    let text = text().replacen("\nbody beirat", "\n//\nbody beirat", 1);
    keystrokes(bencher, text, "//\nbody beirat");
}

#[divan::bench(sample_count = 50)]
fn keystroke_syntax_error(bencher: Bencher) {
    let text = text().replacen("\nbody beirat", "\nbody beirat \"Beirat\" { seats }\nbody beirat", 1);
    keystrokes(bencher, text, "{ seats }");
}

#[divan::bench(sample_count = 50)]
fn analyse(bencher: Bencher) {
    let text = text();
    let path = std::fs::canonicalize(PATH).unwrap();
    let config = Config::default();
    bencher.bench(|| black_box(analysis::analyse(&text, Some(&path), &config, &Disk)));
}

#[divan::bench(sample_count = 50)]
fn check_file(bencher: Bencher) {
    let path = std::path::PathBuf::from(PATH);
    bencher.bench(|| black_box(pakt::check::check_file(&path, &pakt::check::Settings::default()).unwrap()));
}

fn request(bencher: Bencher, method: &'static str, needle: &str) {
    let text = text();
    let offset = text.find(needle).unwrap();
    let line = text[..offset].matches('\n').count();
    let character = offset - text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let mut s = open(&text);
    let params = json!({"textDocument": {"uri": uri()}, "position": {"line": line, "character": character},
        "context": {"includeDeclaration": true, "triggerKind": 1}});
    let mut id = 0;
    bencher.bench_local(move || {
        id += 1;
        black_box(s.handle(Message::Request(Request::new(RequestId::from(id), method.into(), params.clone()))))
    });
}

#[divan::bench(sample_count = 50)]
fn hover(bencher: Bencher) {
    request(bencher, "textDocument/hover", "chair cio");
}

#[divan::bench(sample_count = 50)]
fn completion(bencher: Bencher) {
    request(bencher, "textDocument/completion", "land\n");
}

#[divan::bench(sample_count = 50)]
fn references(bencher: Bencher) {
    request(bencher, "textDocument/references", "land \"");
}

#[divan::bench(sample_count = 50)]
fn semantic_tokens(bencher: Bencher) {
    request(bencher, "textDocument/semanticTokens/full", "land");
}

#[divan::bench(sample_count = 50)]
fn document_symbols(bencher: Bencher) {
    request(bencher, "textDocument/documentSymbol", "land");
}
