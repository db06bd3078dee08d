//! Showing text copied from an agreement safely: control characters,
//! terminal escape sequences and bidirectional overrides become visible
//! `\u{1b}`-style escapes, so that a title cannot recolour a terminal, hide
//! text, reorder a line (Trojan Source) or start a new line of a CI log.
//!
//! In: any text. Out: the same text where nothing is hidden; borrowed when
//! nothing needed escaping.

use std::borrow::Cow;
use std::fmt::Write as _;

/// Characters a terminal, a CI log or an editor would act on instead of
/// showing: C0 and C1 controls, DEL, bidirectional embeddings, overrides
/// and isolates, and the Unicode line and paragraph separators.
pub fn is_hidden(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{2028}' | '\u{2029}')
        || matches!(c, '\u{FFFE}' | '\u{FFFF}')
}

fn escape_if(s: &str, hide: impl Fn(char) -> bool) -> Cow<'_, str> {
    if !s.chars().any(&hide) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if hide(c) {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Text for a multi-line output: line feeds and tabs stay, every other
/// hidden character is escaped (a carriage return too: it would let a line
/// overwrite itself on a terminal).
pub fn visible(s: &str) -> Cow<'_, str> {
    escape_if(s, |c| c != '\n' && c != '\t' && is_hidden(c))
}

/// Text for one line of output: line breaks and tabs are escaped as well.
pub fn inline(s: &str) -> Cow<'_, str> {
    escape_if(s, is_hidden)
}

/// A text output with no line that a CI runner would take as a command:
/// GitHub Actions reads a log line that starts with `::` (after white
/// space) as a workflow command (`::add-mask::`, `::stop-commands::`), so
/// a multi-line wording must not be able to start one. The first `:` of
/// such a line is written as `\u{3a}`. pakt's own lines never start so.
pub fn no_workflow_commands(s: String) -> String {
    let starts_command = |line: &str| line.trim_start().starts_with("::");
    if !s.split('\n').any(starts_command) {
        return s;
    }
    s.split('\n')
        .map(|line| if starts_command(line) { line.replacen("::", "\\u{3a}:", 1) } else { line.to_string() })
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_what_a_terminal_would_act_on() {
        assert_eq!(visible("a\u{1b}[31mb\nc\td\re"), "a\\u{1b}[31mb\nc\td\\u{d}e");
        assert_eq!(inline("a\nb\u{202e}c\u{9b}"), "a\\u{a}b\\u{202e}c\\u{9b}");
        assert!(matches!(visible("Bürger „x“"), Cow::Borrowed(_)));
        assert_eq!(no_workflow_commands("a\n  ::add-mask::x\nb::c\n".into()), "a\n  \\u{3a}:add-mask::x\nb::c\n");
    }
}
