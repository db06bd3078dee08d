//! Diagnostics: one owned type for every problem pakt reports, from a
//! syntax error to a rule finding, and its rendering through miette.
//!
//! In: problems found by the parser, the resolver and the rules. Out: text
//! for people (miette's graphical report) and plain data for the machine
//! formats in `output`.

use crate::span::{LineIndex, Span};
use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Label {
    pub span: Span,
    pub message: String,
}

impl Label {
    pub fn new(span: Span, message: impl Into<String>) -> Self {
        Label { span, message: message.into() }
    }
}

/// A location in another file (e.g. the superseded agreement).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Related {
    pub path: String,
    pub span: Span,
    pub message: String,
    /// 1-based line and character column of `span` in that file, filled
    /// in once its text is at hand (see `check::check_file`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<crate::span::Position>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// Stable code, e.g. `P001` or `A003`; never reused.
    pub code: &'static str,
    /// Kebab-case name of the problem or rule.
    pub name: &'static str,
    pub severity: Severity,
    pub message: String,
    pub primary: Label,
    pub secondary: Vec<Label>,
    pub related: Vec<Related>,
    pub help: Option<String>,
    /// Set when the element allows this rule: the drafter's reason.
    pub suppressed: Option<String>,
}

impl Diagnostic {
    pub fn error(code: &'static str, name: &'static str, message: impl Into<String>, primary: Label) -> Self {
        Diagnostic {
            code,
            name,
            severity: Severity::Error,
            message: message.into(),
            primary,
            secondary: Vec::new(),
            related: Vec::new(),
            help: None,
            suppressed: None,
        }
    }
    pub fn warning(code: &'static str, name: &'static str, message: impl Into<String>, primary: Label) -> Self {
        Diagnostic { severity: Severity::Warning, ..Diagnostic::error(code, name, message, primary) }
    }
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
    pub fn with_label(mut self, label: Label) -> Self {
        self.secondary.push(label);
        self
    }
    pub fn with_related(mut self, related: Related) -> Self {
        self.related.push(related);
        self
    }
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error && self.suppressed.is_none()
    }
    /// Sort key: position first, then code, so output is stable.
    pub fn sort_key(&self) -> (usize, usize, &'static str, &str) {
        (self.primary.span.start, self.primary.span.end, self.code, &self.message)
    }
}

/// Sort diagnostics by position and drop exact duplicates.
pub fn sort(diags: &mut Vec<Diagnostic>) {
    diags.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    diags.dedup();
}

/// How to render a diagnostic for people.
#[derive(Debug, Clone, Copy)]
pub struct RenderOptions {
    pub color: bool,
    pub width: usize,
}

impl Default for RenderOptions {
    /// The fixed theme and width used in tests and snapshots.
    fn default() -> Self {
        RenderOptions { color: false, width: 80 }
    }
}

struct Report<'a> {
    diag: &'a Diagnostic,
    source: Window<'a>,
}

/// The part of a source text a report shows: the lines around its labels.
/// miette scans its source from the start for every snippet; handing it
/// only this window keeps rendering proportional to what is shown, however
/// large the file and however many diagnostics it has.
struct Window<'a> {
    name: &'a str,
    text: &'a str,
    /// Byte offset and 0-based line of the window's start in the file.
    offset: usize,
    first_line: usize,
}

impl miette::SourceCode for Window<'_> {
    fn read_span<'b>(
        &'b self,
        span: &miette::SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn miette::SpanContents<'b> + 'b>, miette::MietteError> {
        let local = span.offset().checked_sub(self.offset).ok_or(miette::MietteError::OutOfBounds)?;
        let contents = self.text.read_span(&miette::SourceSpan::new(local.into(), span.len()), before, after)?;
        let shown = contents.span();
        Ok(Box::new(miette::MietteSpanContents::new_named(
            self.name.to_string(),
            contents.data(),
            miette::SourceSpan::new((shown.offset() + self.offset).into(), shown.len()),
            contents.line() + self.first_line,
            contents.column(),
            // miette counts the lines from the start of the source up to the
            // end of the snippet (and merges snippets by it): count the lines
            // before the window too.
            contents.line_count() + self.first_line,
        )))
    }
}

impl fmt::Debug for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.diag.message)
    }
}

impl fmt::Display for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.diag.message)
    }
}

impl std::error::Error for Report<'_> {}

impl miette::Diagnostic for Report<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        // The severity in words, not only by the sign before the message.
        Some(Box::new(format!("{}: {}({})", self.diag.severity, self.diag.code, self.diag.name)))
    }
    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.diag.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
        })
    }
    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        let mut parts: Vec<String> = Vec::new();
        if let Some(h) = &self.diag.help {
            parts.push(h.clone());
        }
        for r in &self.diag.related {
            match r.position {
                Some(p) => parts.push(format!("see {}:{}:{}: {}", r.path, p.line, p.column, r.message)),
                None => parts.push(format!("see {} (bytes {}..{}): {}", r.path, r.span.start, r.span.end, r.message)),
            }
        }
        if let Some(reason) = &self.diag.suppressed {
            parts.push(format!("allowed in the agreement: {reason}"));
        }
        if parts.is_empty() {
            None
        } else {
            Some(Box::new(parts.join("\n")))
        }
    }
    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        Some(&self.source)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = miette::LabeledSpan> + '_>> {
        let primary =
            miette::LabeledSpan::new_primary_with_span(Some(self.diag.primary.message.clone()), self.diag.primary.span);
        let rest =
            self.diag.secondary.iter().map(|l| miette::LabeledSpan::new_with_span(Some(l.message.clone()), l.span));
        Some(Box::new(std::iter::once(primary).chain(rest)))
    }
}

/// Renders the diagnostics of one file; the line index is built once.
pub struct Renderer<'a> {
    path: &'a str,
    text: &'a str,
    index: LineIndex,
}

/// Lines longer than this are not shown in a snippet (miette cannot
/// format columns past 65,535, and nobody reads such a line).
const MAX_SHOWN_LINE: usize = 4096;
/// Lines of context the window keeps around the labels.
const CONTEXT: usize = 3;

impl<'a> Renderer<'a> {
    pub fn new(path: &'a str, text: &'a str) -> Self {
        Renderer { path, text, index: LineIndex::new(text) }
    }

    fn line_range(&self, line: usize) -> (usize, usize) {
        let start = self.index.line_start(line).unwrap_or(self.text.len());
        let end = self.index.line_start(line + 1).unwrap_or(self.text.len());
        (start, end)
    }

    /// One diagnostic as miette's graphical report.
    pub fn render(&self, diag: &Diagnostic, options: RenderOptions) -> String {
        let spans: Vec<Span> =
            std::iter::once(diag.primary.span).chain(diag.secondary.iter().map(|l| l.span)).collect();
        let len = self.text.len();
        let lines: Vec<usize> = spans
            .iter()
            .flat_map(|s| [s.start.min(len), s.end.min(len)])
            .map(|o| self.index.position(self.text, o).line - 1)
            .collect();
        let too_long = lines.iter().any(|l| {
            let (a, b) = self.line_range(*l);
            b - a > MAX_SHOWN_LINE
        });
        if too_long {
            return self.render_plain(diag);
        }
        let first = lines.iter().min().copied().unwrap_or(0).saturating_sub(CONTEXT);
        let last = lines.iter().max().copied().unwrap_or(0) + CONTEXT;
        let (start, _) = self.line_range(first);
        let (_, end) = self.line_range(last);
        let window =
            Window { name: self.path, text: self.text.get(start..end).unwrap_or(""), offset: start, first_line: first };
        let theme =
            if options.color { miette::GraphicalTheme::unicode() } else { miette::GraphicalTheme::unicode_nocolor() };
        let handler = miette::GraphicalReportHandler::new_themed(theme).with_width(options.width).with_links(false);
        let report = Report { diag, source: window };
        let mut out = String::new();
        if handler.render_report(&mut out, &report).is_err() {
            return self.render_plain(diag);
        }
        self.character_column_in_header(out, diag.primary.span.start)
    }

    /// The report without a snippet, for lines too long to show.
    fn render_plain(&self, diag: &Diagnostic) -> String {
        let pos = self.index.position(self.text, diag.primary.span.start);
        let mark = match diag.severity {
            Severity::Error => "×",
            Severity::Warning => "⚠",
        };
        let mut out = format!(
            "{}: {}({})\n\n  {mark} {}\n   at {}:{}:{}: {} (the line is too long to show)\n",
            diag.severity, diag.code, diag.name, diag.message, self.path, pos.line, pos.column, diag.primary.message
        );
        if let Some(h) = &diag.help {
            out.push_str(&format!("  help: {h}\n"));
        }
        out
    }

    /// miette's report header `╭─[file:line:column]` counts the column in
    /// bytes, so after „Bürger“ it points too far right. Put the character
    /// column there, as every other output format does.
    fn character_column_in_header(&self, rendered: String, offset: usize) -> String {
        let offset = offset.min(self.text.len());
        let pos = self.index.position(self.text, offset);
        let (line_start, _) = self.line_range(pos.line - 1);
        let byte_column = offset - line_start + 1;
        if pos.column == byte_column {
            return rendered;
        }
        rendered.replacen(
            &format!("{}:{}:{byte_column}]", self.path, pos.line),
            &format!("{}:{}:{}]", self.path, pos.line, pos.column),
            1,
        )
    }
}

/// Render one diagnostic as miette's graphical report.
pub fn render(diag: &Diagnostic, path: &str, text: &str, options: RenderOptions) -> String {
    Renderer::new(path, text).render(diag, options)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_column_counts_characters() {
        let text = "agreement a {\n    title \"„Bü“\" land x\n}\n";
        let x = text.find("land").unwrap_or(0);
        let d = Diagnostic::error("P001", "syntax-error", "m", Label::new(Span::new(x, x + 4), "here"));
        let out = render(&d, "f.pakt", text, RenderOptions::default());
        // Before `land`: 4 spaces, `title`, a space, `"„Bü“"` (6 characters, 10 bytes), a space:
        // byte column 22, character column 18.
        assert!(out.contains("╭─[f.pakt:2:18]"), "{out}");
    }
}
/// Problems reported before the rules run: syntax, values, references,
/// configuration. Code, name, one-line summary.
pub const BUILTIN: &[(&str, &str, &str)] = &[
    ("P001", "syntax-error", "the text does not follow the grammar of the pakt language"),
    ("P002", "unterminated-string", "a quoted text is never closed"),
    ("P003", "invalid-date", "a date is not a calendar date in the form YYYY-MM-DD"),
    (
        "P004",
        "malformed-amount",
        "an amount of money is not written exactly (digits, `_` groups, at most two decimals)",
    ),
    ("P005", "empty-file", "the file contains no agreement"),
    ("P006", "invalid-utf8", "the file is not valid UTF-8"),
    ("P007", "nul-byte", "the file contains a NUL byte"),
    ("P008", "file-too-large", "the file is larger than the configured limit"),
    ("P009", "too-many-elements", "the agreement has more elements than the configured limit"),
    ("P010", "number-too-large", "a number is too large"),
    ("P011", "invalid-value", "a value is out of its range (zero counts, fractions above 1)"),
    ("P012", "unreadable-file", "the file cannot be read (missing, vanished, no permission)"),
    ("P013", "mixed-keywords", "a file mixes English and German keywords"),
    ("R001", "undefined-reference", "a name is used but not defined"),
    ("R002", "duplicate-id", "a name is defined twice"),
    ("R003", "wrong-kind-of-reference", "a name points at the wrong kind of element"),
    ("R004", "duplicate-attribute", "an attribute that may appear once is given twice"),
    ("R005", "missing-attribute", "a required attribute is missing"),
    ("R006", "unknown-rule", "`allow` names a rule that does not exist"),
    ("R007", "predecessor-not-found", "the superseded agreement cannot be read or has errors"),
    ("C001", "config-error", "the configuration file pakt.toml is invalid"),
];
