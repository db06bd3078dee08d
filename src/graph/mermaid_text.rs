//! Text inside a quoted Mermaid label (`n0["…"]`, `-->|"…"|`, a subgraph
//! title), written so that Mermaid shows exactly the text it was given.
//!
//! In: text copied from an agreement (a name, a row of a box). Out: the same
//! text where every character Mermaid would act on is one of Mermaid's
//! entity codes (`#quot;`, `#35;`), which it turns back into the character.
//!
//! What Mermaid acts on was found by drawing names with mermaid-cli 11
//! (tests/mermaid.rs does so for every output): besides the quote, markup
//! and entities, a backtick is a syntax error, `%%{…}%%` anywhere a
//! directive that is cut out, `\n` a line break, `$$…$$` KaTeX, `fa:fa-car`
//! an icon (these three are kept apart by an empty `<b></b>`), and spaces at
//! either end of a label are trimmed.

/// `s` for a quoted label; a line break becomes `newline` (`<br/>` where
/// lines matter, a space in one line). Other control characters become
/// spaces, as in pakt's own SVG.
pub(crate) fn escape(s: &str, newline: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let lead = s.chars().take_while(|c| *c == ' ').count();
    let body = s.trim_start_matches(' ');
    let trail = body.chars().rev().take_while(|c| *c == ' ').count();
    let body = body.trim_end_matches(' ');
    out.push_str(&"#32;".repeat(lead));
    let mut chars = body.chars().peekable();
    while let Some(c) = chars.next() {
        let next = chars.peek().copied();
        match c {
            '"' => out.push_str("#quot;"),
            '<' => out.push_str("#lt;"),
            '>' => out.push_str("#gt;"),
            '&' => out.push_str("#amp;"),
            '#' => out.push_str("#35;"),
            '|' => out.push_str("#124;"),
            '`' => out.push_str("#96;"),
            '%' if next == Some('%') => out.push_str("#37;"),
            // An entity code is not enough for these three: in a box of more
            // than one line Mermaid decodes entities before it looks for
            // `\n`, KaTeX and icons, but an empty element keeps them apart.
            '\\' => out.push_str("\\<b></b>"),
            '$' if next == Some('$') => out.push_str("$<b></b>"),
            ':' if chars.clone().take(3).eq("fa-".chars()) => out.push_str(":<b></b>"),
            '\n' => out.push_str(newline),
            c if c.is_ascii_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out.push_str(&"#32;".repeat(trail));
    out
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn nothing_mermaid_reads_is_left() {
        assert_eq!(escape("a \"b\" <i> & #1; | `c`", " "), "a #quot;b#quot; #lt;i#gt; #amp; #35;1; #124; #96;c#96;");
        assert_eq!(
            escape("x\\ny %%{init: {}}%% $$m$$ fa:fa-car", "<br/>"),
            "x\\<b></b>ny #37;%{init: {}}#37;% $<b></b>$m$<b></b>$ fa:<b></b>fa-car"
        );
        assert_eq!(escape("  a\nb\r\u{1b} ", "<br/>"), "#32;#32;a<br/>b  #32;");
        assert_eq!(escape("25 % : fa", " "), "25 % : fa");
    }
}
