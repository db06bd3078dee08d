//! The language server's state and its answer to every message.
//!
//! In: LSP messages (requests and notifications). Out: the messages to send
//! back: responses, and `publishDiagnostics` notifications for the changed
//! document and for every open document that supersedes it. No I/O happens
//! here except reading files a document refers to (its `pakt.toml`, the
//! superseded agreement), so tests drive `Server::handle` in-process.
//!
//! Every request is answered: with a result, with `null` where there is
//! nothing to say, or with an LSP error. A panic in a handler (a bug) is
//! caught and answered as an internal error instead of ending the server.

use super::analysis::{self, Analysis, Files, Predecessor};
use super::text::{apply_change, Lines};
use super::{actions, complete, hover, nav, outline};
use crate::config::{Config, ConfigError};
use crate::diagnostic::{Diagnostic, Severity};
use crate::span::Span;
use lsp_server::{ErrorCode, Message, Notification, Request, Response};
use lsp_types as lsp;
use serde_json::Value;
use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

struct Document {
    uri: lsp::Uri,
    version: i32,
    path: Option<PathBuf>,
    config: Config,
    /// An invalid `pakt.toml` that applies to the file (the defaults are used meanwhile).
    config_error: Option<ConfigError>,
    analysis: Analysis,
}

/// The configuration for a file, or the defaults and the reason they are used.
fn load_config(path: Option<&Path>) -> (Config, Option<ConfigError>) {
    let Some(path) = path else { return (Config::default(), None) };
    match Config::for_file(path, None) {
        Ok(c) => (c, None),
        Err(e) => (Config::default(), Some(e)),
    }
}

pub struct Server {
    docs: BTreeMap<String, Document>,
    /// Compiled superseded agreements by path, reused while their text is unchanged.
    predecessors: RefCell<HashMap<PathBuf, Arc<Predecessor>>>,
    initialized: bool,
    shutdown: bool,
    docs_base: String,
    /// `PAKT_LANG` when the server started; without it, a file's messages are
    /// German when it is written with German keywords, else in the locale's
    /// language (as `pakt check` does).
    lang_flag: Option<String>,
}

impl Default for Server {
    fn default() -> Self {
        Self::new()
    }
}

/// An error answer: code and message.
type Failure = (ErrorCode, String);

fn failure(code: ErrorCode, message: impl Into<String>) -> Failure {
    (code, message.into())
}

/// The file path of a `file:` URI.
pub fn uri_to_path(uri: &str) -> Option<PathBuf> {
    let rest = uri.strip_prefix("file://")?;
    let path = rest.get(rest.find('/')?..)?;
    let mut bytes = Vec::with_capacity(path.len());
    let mut it = path.bytes();
    while let Some(b) = it.next() {
        if b == b'%' {
            let hex: Vec<u8> = it.by_ref().take(2).collect();
            let v = std::str::from_utf8(&hex).ok().and_then(|h| u8::from_str_radix(h, 16).ok())?;
            bytes.push(v);
        } else {
            bytes.push(b);
        }
    }
    String::from_utf8(bytes).ok().map(PathBuf::from)
}

/// The `file:` URI of a path.
pub fn path_to_uri(path: &Path) -> Option<lsp::Uri> {
    let abs = if path.is_absolute() { path.to_path_buf() } else { std::env::current_dir().ok()?.join(path) };
    let mut s = String::from("file://");
    for b in abs.to_str()?.bytes() {
        if b.is_ascii_alphanumeric() || b"/-_.~".contains(&b) {
            s.push(char::from(b));
        } else {
            s.push_str(&format!("%{b:02X}"));
        }
    }
    s.parse().ok()
}

impl Files for Server {
    fn read(&self, path: &Path) -> Option<String> {
        let open = self.docs.values().find(|d| d.path.as_deref().is_some_and(|p| same_file(p, path)));
        match open {
            Some(d) => Some(d.analysis.text.clone()),
            None => analysis::Disk.read(path),
        }
    }
    fn predecessor(&self, path: &Path, text: &str) -> Option<Arc<Predecessor>> {
        let mut cache = self.predecessors.borrow_mut();
        if let Some(p) = cache.get(path).filter(|p| p.text == text) {
            return Some(Arc::clone(p));
        }
        let limits = crate::check::Limits::default();
        let p = Arc::new(analysis::compile_predecessor(path.to_path_buf(), text.to_string(), &limits));
        cache.insert(path.to_path_buf(), Arc::clone(&p));
        Some(p)
    }
}

fn same_file(a: &Path, b: &Path) -> bool {
    a == b || normalize(a) == normalize(b)
}

/// `a/./b/../c` → `a/c`, without touching the disk.
fn normalize(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                out.pop();
            }
            c => out.push(c),
        }
    }
    out
}

fn params<T: serde::de::DeserializeOwned>(v: Value) -> Result<T, Failure> {
    serde_json::from_value(v).map_err(|e| failure(ErrorCode::InvalidParams, format!("invalid parameters: {e}")))
}

fn to_value<T: serde::Serialize>(v: T) -> Result<Value, Failure> {
    serde_json::to_value(v).map_err(|e| failure(ErrorCode::InternalError, e.to_string()))
}

/// The capabilities `initialize` announces. Formatting is not offered:
/// it comes with `pakt fmt` (see docs/editors.md).
pub fn capabilities() -> lsp::ServerCapabilities {
    lsp::ServerCapabilities {
        text_document_sync: Some(lsp::TextDocumentSyncCapability::Options(lsp::TextDocumentSyncOptions {
            open_close: Some(true),
            change: Some(lsp::TextDocumentSyncKind::INCREMENTAL),
            save: Some(lsp::TextDocumentSyncSaveOptions::Supported(true)),
            ..Default::default()
        })),
        hover_provider: Some(lsp::HoverProviderCapability::Simple(true)),
        definition_provider: Some(lsp::OneOf::Left(true)),
        references_provider: Some(lsp::OneOf::Left(true)),
        rename_provider: Some(lsp::OneOf::Right(lsp::RenameOptions {
            prepare_provider: Some(true),
            work_done_progress_options: Default::default(),
        })),
        completion_provider: Some(lsp::CompletionOptions {
            trigger_characters: Some(vec![".".into(), " ".into()]),
            ..Default::default()
        }),
        document_symbol_provider: Some(lsp::OneOf::Left(true)),
        document_formatting_provider: Some(lsp::OneOf::Left(true)),
        folding_range_provider: Some(lsp::FoldingRangeProviderCapability::Simple(true)),
        semantic_tokens_provider: Some(lsp::SemanticTokensServerCapabilities::SemanticTokensOptions(
            lsp::SemanticTokensOptions {
                legend: outline::legend(),
                full: Some(lsp::SemanticTokensFullOptions::Bool(true)),
                range: None,
                work_done_progress_options: Default::default(),
            },
        )),
        code_action_provider: Some(lsp::CodeActionProviderCapability::Options(lsp::CodeActionOptions {
            code_action_kinds: Some(vec![lsp::CodeActionKind::QUICKFIX]),
            ..Default::default()
        })),
        ..Default::default()
    }
}

impl Server {
    pub fn new() -> Self {
        Server {
            docs: BTreeMap::new(),
            predecessors: RefCell::new(HashMap::new()),
            initialized: false,
            shutdown: false,
            docs_base: crate::output::docs_base(),
            lang_flag: std::env::var("PAKT_LANG").ok().filter(|v| !v.is_empty()),
        }
    }

    /// Whether `shutdown` was requested (the exit code after `exit` is 0 then).
    pub fn is_shut_down(&self) -> bool {
        self.shutdown
    }

    /// The analysis of an open document, for tests and benchmarks.
    pub fn analysis(&self, uri: &str) -> Option<&Analysis> {
        self.docs.get(uri).map(|d| &d.analysis)
    }

    /// Answer one message.
    pub fn handle(&mut self, msg: Message) -> Vec<Message> {
        match msg {
            Message::Request(req) => {
                let id = req.id.clone();
                let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.request(req)));
                let response = match result {
                    Ok(Ok(value)) => Response::new_ok(id, value),
                    Ok(Err((code, message))) => Response::new_err(id, code as i32, message),
                    Err(_) => {
                        Response::new_err(id, ErrorCode::InternalError as i32, "internal error (a bug in pakt)".into())
                    }
                };
                vec![Message::Response(response)]
            }
            Message::Notification(n) => {
                std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.notification(n))).unwrap_or_default()
            }
            Message::Response(_) => Vec::new(),
        }
    }

    fn request(&mut self, req: Request) -> Result<Value, Failure> {
        if req.method == "initialize" {
            self.initialized = true;
            return to_value(lsp::InitializeResult {
                capabilities: capabilities(),
                server_info: Some(lsp::ServerInfo {
                    name: "pakt".into(),
                    version: Some(env!("CARGO_PKG_VERSION").into()),
                }),
            });
        }
        if !self.initialized {
            return Err(failure(ErrorCode::ServerNotInitialized, "the server is not initialized"));
        }
        if self.shutdown {
            return Err(failure(ErrorCode::InvalidRequest, "the server is shutting down"));
        }
        match req.method.as_str() {
            "shutdown" => {
                self.shutdown = true;
                Ok(Value::Null)
            }
            "textDocument/hover" => {
                let p: lsp::HoverParams = params(req.params)?;
                let Some((doc, offset)) = self.at(&p.text_document_position_params) else { return Ok(Value::Null) };
                let a = &doc.analysis;
                match hover::hover(a, offset) {
                    Some((span, markdown)) => to_value(lsp::Hover {
                        contents: lsp::HoverContents::Markup(lsp::MarkupContent {
                            kind: lsp::MarkupKind::Markdown,
                            value: markdown,
                        }),
                        range: Some(a.lines.range(&a.text, span)),
                    }),
                    None => Ok(Value::Null),
                }
            }
            "textDocument/definition" => {
                let p: lsp::GotoDefinitionParams = params(req.params)?;
                let Some((doc, offset)) = self.at(&p.text_document_position_params) else { return Ok(Value::Null) };
                let a = &doc.analysis;
                let location = match nav::definition(a, offset) {
                    Some(nav::Place::Here(span)) => {
                        Some(lsp::Location { uri: doc.uri.clone(), range: a.lines.range(&a.text, span) })
                    }
                    Some(nav::Place::Predecessor(span)) => a.predecessor.as_ref().and_then(|pre| {
                        path_to_uri(&pre.path).map(|uri| lsp::Location { uri, range: pre.lines.range(&pre.text, span) })
                    }),
                    None => None,
                };
                match location {
                    Some(l) => to_value(lsp::GotoDefinitionResponse::Scalar(l)),
                    None => Ok(Value::Null),
                }
            }
            "textDocument/references" => {
                let p: lsp::ReferenceParams = params(req.params)?;
                let Some((doc, offset)) = self.at(&p.text_document_position) else { return Ok(Value::Null) };
                let a = &doc.analysis;
                let (Some(m), Some(target)) = (a.model.as_ref(), nav::target_at(a, offset)) else {
                    return Ok(Value::Null);
                };
                let spans = nav::references(m, target, p.context.include_declaration);
                let locations: Vec<lsp::Location> = spans
                    .into_iter()
                    .map(|s| lsp::Location { uri: doc.uri.clone(), range: a.lines.range(&a.text, s) })
                    .collect();
                to_value(locations)
            }
            "textDocument/prepareRename" => {
                let p: lsp::TextDocumentPositionParams = params(req.params)?;
                let Some((doc, offset)) = self.at(&p) else { return Ok(Value::Null) };
                let a = &doc.analysis;
                match nav::prepare_rename(a, offset) {
                    Ok((span, placeholder)) => to_value(lsp::PrepareRenameResponse::RangeWithPlaceholder {
                        range: a.lines.range(&a.text, span),
                        placeholder,
                    }),
                    Err(why) => Err(failure(ErrorCode::RequestFailed, why)),
                }
            }
            "textDocument/rename" => {
                let p: lsp::RenameParams = params(req.params)?;
                let Some((doc, offset)) = self.at(&p.text_document_position) else {
                    return Err(failure(ErrorCode::RequestFailed, "the document is not open"));
                };
                let a = &doc.analysis;
                let edits =
                    nav::rename(a, offset, &p.new_name).map_err(|why| failure(ErrorCode::RequestFailed, why))?;
                to_value(self.workspace_edit(doc, edits))
            }
            "textDocument/completion" => {
                let p: lsp::CompletionParams = params(req.params)?;
                let Some((doc, offset)) = self.at(&p.text_document_position) else { return Ok(Value::Null) };
                let a = &doc.analysis;
                let (span, candidates) = complete::complete(a, offset);
                let range = a.lines.range(&a.text, span);
                let items: Vec<lsp::CompletionItem> = candidates
                    .into_iter()
                    .map(|c| lsp::CompletionItem {
                        kind: Some(match c.what {
                            complete::What::Keyword => lsp::CompletionItemKind::KEYWORD,
                            complete::What::Rule => lsp::CompletionItemKind::REFERENCE,
                            complete::What::Name(_) => lsp::CompletionItemKind::VARIABLE,
                        }),
                        detail: Some(c.detail),
                        documentation: c.documentation.map(|d| {
                            lsp::Documentation::MarkupContent(lsp::MarkupContent {
                                kind: lsp::MarkupKind::Markdown,
                                value: d,
                            })
                        }),
                        text_edit: Some(lsp::CompletionTextEdit::Edit(lsp::TextEdit {
                            range,
                            new_text: c.label.clone(),
                        })),
                        label: c.label,
                        ..Default::default()
                    })
                    .collect();
                to_value(lsp::CompletionResponse::Array(items))
            }
            "textDocument/formatting" => {
                // The formatter of `pakt fmt`: one edit that replaces the
                // whole text; nothing when the file does not parse.
                let p: lsp::DocumentFormattingParams = params(req.params)?;
                let Some(doc) = self.doc(&p.text_document.uri) else { return Ok(Value::Null) };
                let a = &doc.analysis;
                match crate::fmt::format_text(&a.text) {
                    Ok(formatted) if formatted != a.text => {
                        let whole = crate::span::Span::new(0, a.text.len());
                        to_value(vec![lsp::TextEdit { range: a.lines.range(&a.text, whole), new_text: formatted }])
                    }
                    Ok(_) => to_value(Vec::<lsp::TextEdit>::new()),
                    Err(_) => Ok(Value::Null),
                }
            }
            "textDocument/documentSymbol" => {
                let p: lsp::DocumentSymbolParams = params(req.params)?;
                let Some(doc) = self.doc(&p.text_document.uri) else { return Ok(Value::Null) };
                to_value(lsp::DocumentSymbolResponse::Nested(outline::symbols(&doc.analysis)))
            }
            "textDocument/foldingRange" => {
                let p: lsp::FoldingRangeParams = params(req.params)?;
                let Some(doc) = self.doc(&p.text_document.uri) else { return Ok(Value::Null) };
                to_value(outline::folding(&doc.analysis))
            }
            "textDocument/semanticTokens/full" => {
                let p: lsp::SemanticTokensParams = params(req.params)?;
                let Some(doc) = self.doc(&p.text_document.uri) else { return Ok(Value::Null) };
                to_value(lsp::SemanticTokens { result_id: None, data: outline::semantic_tokens(&doc.analysis) })
            }
            "textDocument/codeAction" => {
                let p: lsp::CodeActionParams = params(req.params)?;
                let Some(doc) = self.doc(&p.text_document.uri) else { return Ok(Value::Null) };
                let a = &doc.analysis;
                let range = a.lines.span(&a.text, p.range);
                let recheck = |text: &str| analysis::analyse(text, doc.path.as_deref(), &doc.config, self).diagnostics;
                let out: Vec<lsp::CodeActionOrCommand> = actions::actions(a, range, &recheck)
                    .into_iter()
                    .map(|action| {
                        lsp::CodeActionOrCommand::CodeAction(lsp::CodeAction {
                            title: action.title,
                            kind: Some(lsp::CodeActionKind::QUICKFIX),
                            diagnostics: Some(vec![self.to_lsp(doc, &action.diagnostic)]),
                            edit: Some(self.workspace_edit(doc, action.edits)),
                            is_preferred: Some(action.preferred),
                            ..Default::default()
                        })
                    })
                    .collect();
                to_value(out)
            }
            other => Err(failure(ErrorCode::MethodNotFound, format!("pakt lsp does not handle `{other}`"))),
        }
    }

    fn doc(&self, uri: &lsp::Uri) -> Option<&Document> {
        self.docs.get(uri.as_str())
    }

    fn at(&self, p: &lsp::TextDocumentPositionParams) -> Option<(&Document, usize)> {
        let doc = self.doc(&p.text_document.uri)?;
        let offset = doc.analysis.lines.offset(&doc.analysis.text, p.position);
        Some((doc, offset))
    }

    fn workspace_edit(&self, doc: &Document, edits: Vec<(Span, String)>) -> lsp::WorkspaceEdit {
        let a = &doc.analysis;
        let edits: Vec<lsp::TextEdit> = edits
            .into_iter()
            .map(|(span, new_text)| lsp::TextEdit { range: a.lines.range(&a.text, span), new_text })
            .collect();
        lsp::WorkspaceEdit { changes: Some(std::iter::once((doc.uri.clone(), edits)).collect()), ..Default::default() }
    }

    fn notification(&mut self, n: Notification) -> Vec<Message> {
        if !self.initialized {
            return Vec::new();
        }
        let uri = match n.method.as_str() {
            "textDocument/didOpen" => {
                let Ok(p) = serde_json::from_value::<lsp::DidOpenTextDocumentParams>(n.params) else {
                    return Vec::new();
                };
                let path = uri_to_path(p.text_document.uri.as_str());
                let (config, config_error) = load_config(path.as_deref());
                let analysis = analysis::analyse(&p.text_document.text, path.as_deref(), &config, self);
                let uri = p.text_document.uri;
                self.docs.insert(
                    uri.as_str().to_string(),
                    Document {
                        uri: uri.clone(),
                        version: p.text_document.version,
                        path,
                        config,
                        config_error,
                        analysis,
                    },
                );
                uri
            }
            "textDocument/didChange" => {
                let Ok(p) = serde_json::from_value::<lsp::DidChangeTextDocumentParams>(n.params) else {
                    return Vec::new();
                };
                let key = p.text_document.uri.as_str().to_string();
                let Some(doc) = self.docs.get(&key) else { return Vec::new() };
                let mut text = doc.analysis.text.clone();
                for change in &p.content_changes {
                    apply_change(&mut text, change);
                }
                let analysis = analysis::analyse(&text, doc.path.as_deref(), &doc.config, self);
                if let Some(doc) = self.docs.get_mut(&key) {
                    doc.analysis = analysis;
                    doc.version = p.text_document.version;
                }
                p.text_document.uri
            }
            "textDocument/didSave" => {
                let Ok(p) = serde_json::from_value::<lsp::DidSaveTextDocumentParams>(n.params) else {
                    return Vec::new();
                };
                let key = p.text_document.uri.as_str().to_string();
                let Some(doc) = self.docs.get(&key) else { return Vec::new() };
                // pakt.toml may have changed meanwhile.
                let (config, config_error) = load_config(doc.path.as_deref());
                let analysis = analysis::analyse(&doc.analysis.text, doc.path.as_deref(), &config, self);
                if let Some(doc) = self.docs.get_mut(&key) {
                    doc.analysis = analysis;
                    doc.config = config;
                    doc.config_error = config_error;
                }
                p.text_document.uri
            }
            "workspace/didChangeWatchedFiles" => {
                // A pakt.toml changed (the VS Code extension watches them): reload every document's.
                let keys: Vec<String> = self.docs.keys().cloned().collect();
                let mut out = Vec::new();
                for key in keys {
                    let Some(doc) = self.docs.get(&key) else { continue };
                    let (config, config_error) = load_config(doc.path.as_deref());
                    let analysis = analysis::analyse(&doc.analysis.text, doc.path.as_deref(), &config, self);
                    if let Some(doc) = self.docs.get_mut(&key) {
                        doc.analysis = analysis;
                        doc.config = config;
                        doc.config_error = config_error;
                    }
                    out.extend(self.publish(&key));
                }
                return out;
            }
            "textDocument/didClose" => {
                let Ok(p) = serde_json::from_value::<lsp::DidCloseTextDocumentParams>(n.params) else {
                    return Vec::new();
                };
                self.docs.remove(p.text_document.uri.as_str());
                let clear =
                    lsp::PublishDiagnosticsParams { uri: p.text_document.uri, diagnostics: Vec::new(), version: None };
                return vec![Message::Notification(Notification::new("textDocument/publishDiagnostics".into(), clear))];
            }
            _ => return Vec::new(),
        };
        let mut out = vec![self.publish(uri.as_str())];
        out.extend(self.recheck_successors(uri.as_str()));
        out.into_iter().flatten().collect()
    }

    /// Re-analyse the open documents that supersede the one at `uri`.
    fn recheck_successors(&mut self, uri: &str) -> Vec<Option<Message>> {
        let Some(path) = self.docs.get(uri).and_then(|d| d.path.clone()) else { return Vec::new() };
        let successors: Vec<String> = self
            .docs
            .iter()
            .filter(|(k, d)| {
                k.as_str() != uri
                    && d.analysis.model.as_ref().and_then(|m| m.supersedes.as_ref()).is_some_and(|s| {
                        d.path
                            .as_deref()
                            .and_then(Path::parent)
                            .is_some_and(|dir| same_file(&dir.join(&s.value), &path))
                    })
            })
            .map(|(k, _)| k.clone())
            .collect();
        let mut out = Vec::new();
        for key in successors {
            let Some(doc) = self.docs.get(&key) else { continue };
            let analysis = analysis::analyse(&doc.analysis.text, doc.path.as_deref(), &doc.config, self);
            if let Some(doc) = self.docs.get_mut(&key) {
                doc.analysis = analysis;
            }
            out.push(self.publish(&key));
        }
        out
    }

    fn publish(&self, key: &str) -> Option<Message> {
        let doc = self.docs.get(key)?;
        let mut diagnostics: Vec<lsp::Diagnostic> =
            doc.analysis.diagnostics.iter().filter(|d| d.suppressed.is_none()).map(|d| self.to_lsp(doc, d)).collect();
        if let Some(e) = &doc.config_error {
            diagnostics.insert(0, self.config_diagnostic(e));
        }
        let params = lsp::PublishDiagnosticsParams { uri: doc.uri.clone(), diagnostics, version: Some(doc.version) };
        Some(Message::Notification(Notification::new("textDocument/publishDiagnostics".into(), params)))
    }

    /// The page that explains a code: a rule's page, or the language reference.
    fn code_href(&self, code: &str) -> Option<lsp::Uri> {
        let url = match crate::rules::REGISTRY.iter().find(|r| r.code == code) {
            Some(r) => format!("{}{}-{}.md", self.docs_base, r.code, r.name),
            None => match self.docs_base.strip_suffix("rules/") {
                Some(docs) => format!("{docs}language.md"),
                None => format!("{}../language.md", self.docs_base),
            },
        };
        url.parse().ok()
    }

    /// An invalid pakt.toml, shown at the start of the file it applies to.
    fn config_diagnostic(&self, e: &ConfigError) -> lsp::Diagnostic {
        let d = &e.diagnostic;
        let lines = Lines::new(&e.text);
        let related = path_to_uri(&e.path).map(|uri| {
            vec![lsp::DiagnosticRelatedInformation {
                location: lsp::Location { uri, range: lines.range(&e.text, d.primary.span) },
                message: d.primary.message.clone(),
            }]
        });
        let mut message = format!("{}: {}", e.path.display(), d.message);
        if let Some(h) = &d.help {
            message.push_str(&format!("\nhelp: {h}"));
        }
        lsp::Diagnostic {
            range: lsp::Range::default(),
            severity: Some(lsp::DiagnosticSeverity::ERROR),
            code: Some(lsp::NumberOrString::String(d.code.to_string())),
            code_description: self.code_href(d.code).map(|href| lsp::CodeDescription { href }),
            source: Some("pakt".into()),
            message,
            related_information: related,
            tags: None,
            data: None,
        }
    }

    fn to_lsp(&self, doc: &Document, d: &Diagnostic) -> lsp::Diagnostic {
        let a = &doc.analysis;
        let file_lang = crate::i18n::text_lang(&a.text);
        let lang = crate::i18n::choose(self.lang_flag.as_deref(), &[file_lang]);
        let localized;
        let d = if lang == crate::keywords::Lang::En && file_lang == crate::keywords::Lang::En {
            d
        } else {
            localized = crate::i18n_diag::localize(d, lang, file_lang);
            &localized
        };
        let help = if lang == crate::keywords::Lang::De { "Hilfe" } else { "help" };
        let mut related: Vec<lsp::DiagnosticRelatedInformation> = d
            .secondary
            .iter()
            .map(|l| lsp::DiagnosticRelatedInformation {
                location: lsp::Location { uri: doc.uri.clone(), range: a.lines.range(&a.text, l.span) },
                message: l.message.clone(),
            })
            .collect();
        for r in &d.related {
            if let Some(pre) = analysis::related_in_predecessor(a, r) {
                if let Some(uri) = path_to_uri(&pre.path) {
                    related.push(lsp::DiagnosticRelatedInformation {
                        location: lsp::Location { uri, range: pre.lines.range(&pre.text, r.span) },
                        message: r.message.clone(),
                    });
                }
            }
        }
        let mut message = d.message.clone();
        if let Some(h) = &d.help {
            message.push_str(&format!("\n{help}: {h}"));
        }
        lsp::Diagnostic {
            range: a.lines.range(&a.text, d.primary.span),
            severity: Some(match d.severity {
                Severity::Error => lsp::DiagnosticSeverity::ERROR,
                Severity::Warning => lsp::DiagnosticSeverity::WARNING,
            }),
            code: Some(lsp::NumberOrString::String(d.code.to_string())),
            code_description: self.code_href(d.code).map(|href| lsp::CodeDescription { href }),
            source: Some("pakt".into()),
            message,
            related_information: (!related.is_empty()).then_some(related),
            tags: None,
            data: None,
        }
    }
}

/// Run the server on stdin and stdout until `exit`. Returns the exit code:
/// 0 after `shutdown`, 1 otherwise (as the protocol asks).
pub fn run_stdio() -> i32 {
    let (connection, io_threads) = lsp_server::Connection::stdio();
    let mut server = Server::new();
    for msg in &connection.receiver {
        let exit = matches!(&msg, Message::Notification(n) if n.method == "exit");
        if exit {
            break;
        }
        for out in server.handle(msg) {
            if connection.sender.send(out).is_err() {
                break;
            }
        }
    }
    let code = i32::from(!server.is_shut_down());
    drop(connection);
    let _ = io_threads.join();
    code
}
