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
    source: View,
    /// The labels shown in the snippet, in view coordinates.
    labels: Vec<(Span, String, bool)>,
    /// Escaped message and help.
    message: String,
    help: Option<String>,
}

/// The parts of a source text a report shows: the lines around its labels,
/// one segment per group of nearby labels, with hidden characters made
/// visible. miette scans its source from the start for every snippet;
/// handing it only these segments keeps rendering proportional to what is
/// shown, however large the file, however far apart the labels and however
/// many diagnostics it has.
///
/// Escaping makes a segment longer than the text it shows, so a view has
/// offsets of its own: `to_view` maps a file offset to them.
struct View {
    name: String,
    segments: Vec<Segment>,
}

struct Segment {
    /// Start in the file and in the view, and the 0-based line of the start.
    file_start: usize,
    file_end: usize,
    view_start: usize,
    first_line: usize,
    text: String,
    /// (end of an escaped character relative to `file_start`, bytes added
    /// by the escapes up to there).
    grown: Vec<(usize, usize)>,
}

impl Segment {
    fn new(file_text: &str, file_start: usize, view_start: usize, first_line: usize) -> Segment {
        let file_end = file_start + file_text.len();
        // Most text has nothing to change.
        if !file_text.chars().any(|c| c == '\r' || (crate::escape::is_hidden(c) && c != '\n' && c != '\t')) {
            let text = file_text.to_string();
            return Segment { file_start, file_end, view_start, first_line, text, grown: Vec::new() };
        }
        let mut text = String::with_capacity(file_text.len());
        let mut grown = Vec::new();
        let mut chars = file_text.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            match c {
                // A lone CR ends a line, as in `span::LineIndex`; miette
                // agrees only about `\n` and `\r\n` (same length, so no shift).
                '\r' if chars.peek().is_none_or(|(_, n)| *n != '\n') => text.push('\n'),
                '\r' | '\n' | '\t' => text.push(c),
                c if crate::escape::is_hidden(c) => {
                    let before = text.len();
                    text.push_str(&crate::escape::inline(c.encode_utf8(&mut [0; 4])));
                    let added = (text.len() - before).saturating_sub(c.len_utf8());
                    let total = grown.last().map_or(0, |(_, g)| *g) + added;
                    grown.push((i + c.len_utf8(), total));
                }
                c => text.push(c),
            }
        }
        Segment { file_start, file_end: file_start + file_text.len(), view_start, first_line, text, grown }
    }

    fn to_view(&self, offset: usize) -> usize {
        let local = offset.clamp(self.file_start, self.file_end) - self.file_start;
        let k = self.grown.partition_point(|(end, _)| *end <= local);
        let added = k.checked_sub(1).and_then(|k| self.grown.get(k)).map_or(0, |(_, g)| *g);
        self.view_start + local + added
    }
}

impl View {
    fn to_view(&self, offset: usize) -> usize {
        let seg = self.segments.iter().find(|s| offset <= s.file_end).or(self.segments.last());
        seg.map_or(0, |s| s.to_view(offset))
    }
}

impl miette::SourceCode for View {
    fn read_span<'b>(
        &'b self,
        span: &miette::SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn miette::SpanContents<'b> + 'b>, miette::MietteError> {
        let seg = self
            .segments
            .iter()
            .find(|s| span.offset() >= s.view_start && span.offset() <= s.view_start + s.text.len())
            .ok_or(miette::MietteError::OutOfBounds)?;
        let local = span.offset() - seg.view_start;
        let contents = seg.text.read_span(&miette::SourceSpan::new(local.into(), span.len()), before, after)?;
        let shown = contents.span();
        crate::work::tick(local + shown.len());
        Ok(Box::new(miette::MietteSpanContents::new_named(
            self.name.clone(),
            contents.data(),
            miette::SourceSpan::new((shown.offset() + seg.view_start).into(), shown.len()),
            contents.line() + seg.first_line,
            contents.column(),
            // miette counts the lines from the start of the source up to the
            // end of the snippet (and merges snippets by it): count the lines
            // before the segment too.
            contents.line_count() + seg.first_line,
        )))
    }
}

impl fmt::Debug for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl fmt::Display for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
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
        self.help.as_ref().map(|h| Box::new(h.as_str()) as Box<dyn fmt::Display + 'b>)
    }
    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        Some(&self.source)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = miette::LabeledSpan> + '_>> {
        Some(Box::new(self.labels.iter().map(|(span, message, primary)| {
            if *primary {
                miette::LabeledSpan::new_primary_with_span(Some(message.clone()), *span)
            } else {
                miette::LabeledSpan::new_with_span(Some(message.clone()), *span)
            }
        })))
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
/// Labels drawn in one snippet; further labels (a cycle through 10,000
/// bodies) are listed below it by line and column. miette's layout costs
/// grow with the square of the labels it draws.
const MAX_DRAWN_LABELS: usize = 8;

impl<'a> Renderer<'a> {
    pub fn new(path: &'a str, text: &'a str) -> Self {
        Renderer { path, text, index: LineIndex::new(text) }
    }

    fn line_range(&self, line: usize) -> (usize, usize) {
        let start = self.index.line_start(line).unwrap_or(self.text.len());
        let end = self.index.line_start(line + 1).unwrap_or(self.text.len());
        (start, end)
    }

    /// The help text: the diagnostic's help, related places, labels not
    /// drawn, and the reason a finding is allowed; escaped.
    fn help(&self, diag: &Diagnostic, undrawn: &[Label]) -> Option<String> {
        let mut parts: Vec<String> = Vec::new();
        if let Some(h) = &diag.help {
            parts.push(h.clone());
        }
        for r in &diag.related {
            match r.position {
                Some(p) => parts.push(format!("see {}:{}:{}: {}", r.path, p.line, p.column, r.message)),
                None => parts.push(format!("see {} (bytes {}..{}): {}", r.path, r.span.start, r.span.end, r.message)),
            }
        }
        if !undrawn.is_empty() {
            parts.push(format!("{} more places:", undrawn.len()));
            for l in undrawn {
                let p = self.index.position(self.text, l.span.start);
                parts.push(format!("  {}:{}:{}: {}", self.path, p.line, p.column, l.message));
            }
        }
        if let Some(reason) = &diag.suppressed {
            parts.push(format!("allowed in the agreement: {reason}"));
        }
        (!parts.is_empty()).then(|| crate::escape::visible(&parts.join("\n")).into_owned())
    }

    /// One diagnostic as miette's graphical report.
    pub fn render(&self, diag: &Diagnostic, options: RenderOptions) -> String {
        let drawn: Vec<&Label> =
            std::iter::once(&diag.primary).chain(diag.secondary.iter()).take(MAX_DRAWN_LABELS).collect();
        let undrawn = diag.secondary.get(MAX_DRAWN_LABELS - 1..).unwrap_or(&[]);
        let len = self.text.len();
        // The lines each drawn label covers.
        let ranges: Vec<(usize, usize)> = drawn
            .iter()
            .map(|l| {
                let line = |o: usize| self.index.position(self.text, o.min(len)).line - 1;
                (line(l.span.start), line(l.span.end))
            })
            .collect();
        let long = |l: usize| {
            let (a, b) = self.line_range(l);
            b - a > MAX_SHOWN_LINE
        };
        // A label on (or across) a line too long to show: no snippet. The
        // lines a snippet shows cost no more than the output they make.
        let too_long = ranges.iter().any(|(a, b)| (*a..=*b).any(long));
        if too_long {
            return self.render_plain(diag);
        }
        // Groups of nearby labels, each with its context lines.
        // Context lines stop before a line too long to show.
        let mut groups: Vec<(usize, usize)> = ranges
            .iter()
            .map(|(a, b)| {
                let (mut first, mut last) = (*a, *b);
                for _ in 0..=CONTEXT {
                    if first == 0 || long(first - 1) {
                        break;
                    }
                    first -= 1;
                }
                for _ in 0..=CONTEXT {
                    if long(last + 1) {
                        break;
                    }
                    last += 1;
                }
                (first, last)
            })
            .collect();
        groups.sort_unstable();
        let mut merged: Vec<(usize, usize)> = Vec::new();
        for (a, b) in groups {
            match merged.last_mut() {
                Some(last) if a <= last.1 + 1 => last.1 = last.1.max(b),
                _ => merged.push((a, b)),
            }
        }
        let mut segments = Vec::new();
        // Bytes the escapes of earlier segments added: view offsets keep the
        // file's order and the gaps between segments.
        let mut grown = 0;
        for (first, last) in merged {
            let (start, _) = self.line_range(first);
            let (_, end) = self.line_range(last);
            let seg = Segment::new(self.text.get(start..end).unwrap_or(""), start, start + grown, first);
            grown += seg.text.len().saturating_sub(end - start);
            segments.push(seg);
        }
        let view = View { name: crate::escape::inline(self.path).into_owned(), segments };
        let labels: Vec<(Span, String, bool)> = drawn
            .iter()
            .enumerate()
            .map(|(i, l)| {
                let span = Span::new(view.to_view(l.span.start.min(len)), view.to_view(l.span.end.min(len)));
                (span, crate::escape::inline(&l.message).into_owned(), i == 0)
            })
            .collect();
        let theme =
            if options.color { miette::GraphicalTheme::unicode() } else { miette::GraphicalTheme::unicode_nocolor() };
        let handler = miette::GraphicalReportHandler::new_themed(theme).with_width(options.width).with_links(false);
        let name = view.name.clone();
        let report = Report {
            diag,
            message: crate::escape::inline(&diag.message).into_owned(),
            help: self.help(diag, undrawn),
            labels,
            source: view,
        };
        let mut out = String::new();
        if handler.render_report(&mut out, &report).is_err() {
            return self.render_plain(diag);
        }
        // Every snippet header names the place of a label.
        for l in &drawn {
            let offset = l.span.start.min(len);
            let pos = self.index.position(self.text, offset);
            let line_start = report.source.to_view(self.line_range(pos.line - 1).0);
            out = character_column_in_header(
                out,
                &name,
                pos,
                report.source.to_view(offset).saturating_sub(line_start) + 1,
            );
        }
        out
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
            diag.severity,
            diag.code,
            diag.name,
            crate::escape::inline(&diag.message),
            crate::escape::inline(self.path),
            pos.line,
            pos.column,
            crate::escape::inline(&diag.primary.message)
        );
        if let Some(h) = self.help(diag, diag.secondary.get(MAX_DRAWN_LABELS - 1..).unwrap_or(&[])) {
            out.push_str(&format!("  help: {h}\n"));
        }
        out
    }
}

/// miette's snippet header `╭─[file:line:column]` counts the column in
/// bytes of what it shows, so after „Bürger“ or an escaped character it
/// points too far right. Put the character column there, as every other
/// output format does.
fn character_column_in_header(rendered: String, name: &str, pos: crate::span::Position, view_column: usize) -> String {
    if pos.column == view_column {
        return rendered;
    }
    rendered.replacen(
        &format!("{name}:{}:{view_column}]", pos.line),
        &format!("{name}:{}:{}]", pos.line, pos.column),
        1,
    )
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
/// The severity of a problem in `BUILTIN`: all are errors but an unused
/// `allow`, which hides nothing and so only warns.
pub fn builtin_severity(code: &str) -> Severity {
    if code == "R008" {
        Severity::Warning
    } else {
        Severity::Error
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
    ("R008", "unused-allow", "an `allow` suppresses no finding where it stands (a warning)"),
    ("C001", "config-error", "the configuration file pakt.toml is invalid"),
];
