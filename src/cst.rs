//! The lossless token layer: source text → tokens that concatenate back to
//! the text byte for byte.
//!
//! In: any text (valid or not). Out: a list of tokens, each with its kind
//! and byte span; white space, line breaks and comments are tokens too
//! (trivia). The lexer knows no keyword: every word is a `Word`, so the
//! layer stays valid when the language grows, and serves the formatter,
//! keyword-set conversion and editor edits alike. It never fails: what it
//! cannot classify becomes an `Other` token of one character.

use crate::span::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// A word: identifier or keyword (letters, digits, `_`, `-`), e.g.
    /// `party`, `at_least`, `eGo-Saar`, `EUR`.
    Word,
    /// A token starting with a digit: integers, years, dates
    /// (`2018-10-17`) and amounts (`80_000.50`, `1,5`), exactly as written.
    Number,
    /// A quoted text with its quotes and escapes (`"a \"b\""`).
    String,
    /// A quoted text whose closing quote is missing: runs to the end.
    UnterminatedString,
    /// `{`
    Open,
    /// `}`
    Close,
    /// `,`
    Comma,
    /// `/`
    Slash,
    /// `.`
    Dot,
    /// `%`
    Percent,
    /// `// …` up to (not including) the line break.
    Comment,
    /// Spaces, tabs, no-break spaces and byte order marks within a line.
    Whitespace,
    /// One line break: `\n`, `\r\n` or a lone `\r`.
    Newline,
    /// Any other single character (e.g. `€`).
    Other,
}

impl TokenKind {
    /// White space, line breaks and comments: what the parser skips.
    pub fn is_trivia(self) -> bool {
        matches!(self, TokenKind::Comment | TokenKind::Whitespace | TokenKind::Newline)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub kind: TokenKind,
    pub span: Span,
}

impl Token {
    /// The token's text in `source`.
    pub fn text<'a>(&self, source: &'a str) -> &'a str {
        source.get(self.span.start..self.span.end).unwrap_or("")
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '-'
}

fn is_inline_space(c: char) -> bool {
    c == ' ' || c == '\t' || c == '\u{00A0}' || c == '\u{FEFF}'
}

type Chars<'a> = std::iter::Peekable<std::str::CharIndices<'a>>;

fn take_while(chars: &mut Chars<'_>, end: &mut usize, pred: &dyn Fn(char) -> bool) {
    while let Some(&(i, d)) = chars.peek() {
        if !pred(d) {
            break;
        }
        *end = i + d.len_utf8();
        chars.next();
    }
}

/// Split `text` into tokens. Concatenating the tokens' texts gives `text`.
pub fn lex(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        let mut end = start + c.len_utf8();
        let kind = match c {
            '\n' => TokenKind::Newline,
            '\r' => {
                if let Some(&(i, '\n')) = chars.peek() {
                    end = i + 1;
                    chars.next();
                }
                TokenKind::Newline
            }
            c if is_inline_space(c) => {
                take_while(&mut chars, &mut end, &is_inline_space);
                TokenKind::Whitespace
            }
            '/' if text.get(end..).is_some_and(|r| r.starts_with('/')) => {
                take_while(&mut chars, &mut end, &|d| d != '\n' && d != '\r');
                TokenKind::Comment
            }
            '"' => {
                let mut escaped = false;
                let mut closed = false;
                for (i, d) in chars.by_ref() {
                    end = i + d.len_utf8();
                    if escaped {
                        escaped = false;
                    } else if d == '\\' {
                        escaped = true;
                    } else if d == '"' {
                        closed = true;
                        break;
                    }
                }
                if closed {
                    TokenKind::String
                } else {
                    TokenKind::UnterminatedString
                }
            }
            '{' => TokenKind::Open,
            '}' => TokenKind::Close,
            ',' => TokenKind::Comma,
            '/' => TokenKind::Slash,
            '.' => TokenKind::Dot,
            '%' => TokenKind::Percent,
            c if c.is_ascii_digit() => {
                // Separators belong to the number only between digits, so
                // that `2, 3` stays three tokens and `1.000,50` one.
                loop {
                    take_while(&mut chars, &mut end, &is_word_char);
                    let rest = text.get(end..).unwrap_or("");
                    let mut r = rest.chars();
                    match (r.next(), r.next()) {
                        (Some('.' | ',' | '\''), Some(d)) if d.is_ascii_digit() => {
                            chars.next();
                            end += 1;
                        }
                        _ => break,
                    }
                }
                TokenKind::Number
            }
            c if is_word_char(c) => {
                take_while(&mut chars, &mut end, &is_word_char);
                TokenKind::Word
            }
            _ => TokenKind::Other,
        };
        tokens.push(Token { kind, span: Span::new(start, end) });
    }
    tokens
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(TokenKind, &str)> {
        lex(text).iter().map(|t| (t.kind, t.text(text))).collect()
    }

    #[test]
    fn reproduces_the_source() {
        for text in [
            "agreement a {\r\n  title \"T \\\"x\\\" ü\" // c\r\n}\n",
            "tranche 2018 up_to EUR 1.000,50 million\n",
            "€80 2/3 50% a.b,c \u{FEFF}\u{00A0}\t\"open",
            "",
            "\r\r\n\n",
        ] {
            let joined: String = lex(text).iter().map(|t| t.text(text)).collect();
            assert_eq!(joined, text);
        }
    }

    #[test]
    fn classifies_tokens() {
        use TokenKind::*;
        assert_eq!(
            kinds("seat x { party land count 4 } // c"),
            vec![
                (Word, "seat"),
                (Whitespace, " "),
                (Word, "x"),
                (Whitespace, " "),
                (Open, "{"),
                (Whitespace, " "),
                (Word, "party"),
                (Whitespace, " "),
                (Word, "land"),
                (Whitespace, " "),
                (Word, "count"),
                (Whitespace, " "),
                (Number, "4"),
                (Whitespace, " "),
                (Close, "}"),
                (Whitespace, " "),
                (Comment, "// c"),
            ]
        );
        assert_eq!(
            kinds("2018-10-17 1.000,50 2, 3 a.b 2/3"),
            vec![
                (Number, "2018-10-17"),
                (Whitespace, " "),
                (Number, "1.000,50"),
                (Whitespace, " "),
                (Number, "2"),
                (Comma, ","),
                (Whitespace, " "),
                (Number, "3"),
                (Whitespace, " "),
                (Word, "a"),
                (Dot, "."),
                (Word, "b"),
                (Whitespace, " "),
                (Number, "2"),
                (Slash, "/"),
                (Number, "3"),
            ]
        );
        assert_eq!(kinds("\"a\\\"b\"x"), vec![(String, "\"a\\\"b\""), (Word, "x")]);
        assert_eq!(kinds("\"a\nb"), vec![(UnterminatedString, "\"a\nb")]);
        assert_eq!(kinds("a\r\nb\rc"), vec![(Word, "a"), (Newline, "\r\n"), (Word, "b"), (Newline, "\r"), (Word, "c")]);
        assert_eq!(kinds("€5"), vec![(Other, "€"), (Number, "5")]);
    }
}
