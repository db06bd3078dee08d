//! Where a file splits into top-level blocks, so that each block can be
//! parsed, lowered and dropped on its own (`blockwise`).
//!
//! In: the source text. Out: the byte ranges of its pieces, in file order;
//! the first piece holds the header. A piece starts at a top-level block
//! keyword (`party`, `body`, …) in keyword position at brace depth 0,
//! outside strings and comments. Only there can a block of a valid file
//! start, so parsing the pieces one by one accepts exactly what parsing the
//! whole file accepts. Where the scan is unsure (a character it does not
//! know) it does not split: fewer pieces are always safe, a wrong split
//! never is.

/// Keywords that start a top-level block (`item` in grammar/pakt.pest).
const ITEM_KEYWORDS: &[&str] = &[
    "goal",
    "party",
    "group",
    "key",
    "office",
    "actor",
    "body",
    "obligation",
    "service",
    "project",
    "financing",
    "procedure",
    "term",
    "approval",
    "signature",
    "ratification",
    "amendment",
    "institution",
    "act",
];

/// Keywords that start the header; like block keywords they are followed
/// by a name that may spell a keyword.
const HEADER_KEYWORDS: &[&str] = &["agreement", "statute", "rules_of_procedure"];

/// A block keyword in either keyword set (`party`, `partei`).
pub fn is_item_keyword(word: &str) -> bool {
    ITEM_KEYWORDS.contains(&word) || in_german(ITEM_KEYWORDS, word)
}

fn is_header_keyword(word: &str) -> bool {
    HEADER_KEYWORDS.contains(&word) || in_german(HEADER_KEYWORDS, word)
}

/// Whether `word` is the German spelling of one of `english`.
fn in_german(english: &[&str], word: &str) -> bool {
    crate::keywords::KEYWORDS.iter().any(|(_, en, de)| english.contains(en) && de.contains(&word))
}

/// A character that continues a word. Every non-ASCII character does
/// (except the two the grammar counts as white space), so that a name such
/// as `a·goal` is never split: the scan only splits where it is sure.
fn word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric() || c == '_' || c == '-'
    } else {
        c != '\u{00A0}' && c != '\u{FEFF}'
    }
}

/// The ranges of the pieces of `text`, covering it without gaps.
pub fn pieces(text: &str) -> Vec<(usize, usize)> {
    let starts = block_starts(text);
    let mut out = Vec::with_capacity(starts.len() + 1);
    let mut from = 0;
    for s in starts {
        out.push((from, s));
        from = s;
    }
    out.push((from, text.len()));
    out
}

/// Offsets where a top-level block starts, except the first word of the
/// file (it belongs to the first piece, which must hold the header).
fn block_starts(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut starts = Vec::new();
    let mut depth: usize = 0;
    // The next word at depth 0 is the name after a keyword, not a keyword.
    let mut name_next = false;
    let mut seen_word = false;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                // To the line end (which the next round reads).
                let rest = bytes.get(i + 2..).unwrap_or(&[]);
                i += 2 + memchr::memchr2(b'\n', b'\r', rest).unwrap_or(rest.len());
            }
            b'"' => {
                i += 1;
                loop {
                    let rest = bytes.get(i..).unwrap_or(&[]);
                    let Some(at) = memchr::memchr2(b'"', b'\\', rest) else {
                        // Never closed: the rest of the file is one piece.
                        return starts;
                    };
                    i += at;
                    if bytes.get(i) == Some(&b'"') {
                        i += 1;
                        break;
                    }
                    i += 2;
                }
            }
            b'{' => {
                depth += 1;
                name_next = false;
                i += 1;
            }
            b'}' => {
                depth = depth.saturating_sub(1);
                name_next = false;
                i += 1;
            }
            // Inside a block only braces, texts and comments matter (none
            // of their bytes occurs inside a multi-byte character).
            _ if depth > 0 => i += 1,
            _ => {
                let Some(c) = text.get(i..).and_then(|t| t.chars().next()) else {
                    i += 1;
                    continue;
                };
                if !word_char(c) {
                    i += c.len_utf8();
                    continue;
                }
                let len: usize =
                    text.get(i..).unwrap_or("").chars().take_while(|c| word_char(*c)).map(char::len_utf8).sum();
                if depth == 0 {
                    let word = text.get(i..i + len).unwrap_or("");
                    if name_next {
                        name_next = false;
                    } else if is_item_keyword(word) {
                        if seen_word {
                            starts.push(i);
                        }
                        name_next = true;
                    } else if is_header_keyword(word) {
                        name_next = true;
                    }
                    seen_word = true;
                }
                i += len.max(1);
            }
        }
    }
    starts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        pieces(text).into_iter().map(|(s, e)| &text[s..e]).collect()
    }

    #[test]
    fn splits_at_top_level_blocks_only() {
        let text = "agreement a { title \"party x\" }\nparty p \"P\" { side state }\n// party q\ngoal g \"G\"\ngoal party \"named like a keyword\" { }\nbody b \"B\" { seat { party p } }";
        assert_eq!(
            split(text),
            vec![
                "agreement a { title \"party x\" }\n",
                "party p \"P\" { side state }\n// party q\n",
                "goal g \"G\"\n",
                "goal party \"named like a keyword\" { }\n",
                "body b \"B\" { seat { party p } }",
            ]
        );
    }

    /// A block keyword missing here would make the scan read the name after
    /// it as a keyword (`newblock party "…"`) and split a valid file.
    #[test]
    fn block_keywords_are_the_grammars_items() {
        let grammar = include_str!("../grammar/pakt.pest");
        let item = &grammar[grammar.find("\nitem = _{").unwrap()..];
        let body = &item[item.find('{').unwrap() + 1..item.find('}').unwrap()];
        let mut items: Vec<&str> =
            body.split(|c: char| c == '|' || c.is_whitespace()).filter(|w| !w.is_empty()).collect();
        items.sort_unstable();
        let mut ours = ITEM_KEYWORDS.to_vec();
        ours.sort_unstable();
        assert_eq!(items, ours, "src/split.rs ITEM_KEYWORDS must list the grammar's `item` blocks");
        for kw in ours {
            let rule = format!("kw_{kw} ");
            let literal = format!("\"{kw}\"");
            let line = grammar.lines().find(|l| l.starts_with(&rule)).unwrap_or_else(|| panic!("no {rule}"));
            assert!(line.contains(&literal), "`{kw}` is not spelled `{kw}`: {line}");
        }
    }

    #[test]
    fn header_keywords_are_the_grammars_document_kinds() {
        let grammar = include_str!("../grammar/pakt.pest");
        let line = grammar.lines().find(|l| l.starts_with("document_kind")).unwrap();
        let mut kinds: Vec<&str> = line.split_whitespace().filter_map(|w| w.strip_prefix("kw_")).collect();
        kinds.sort_unstable();
        let mut ours = HEADER_KEYWORDS.to_vec();
        ours.sort_unstable();
        assert_eq!(kinds, ours, "src/split.rs HEADER_KEYWORDS must list the grammar's document kinds");
    }

    #[test]
    fn unsure_places_are_not_split() {
        // A name with a non-ASCII character, an escaped quote, an unclosed text.
        assert_eq!(split("agreement a { }\ngoal a·goal \"x\"").len(), 2);
        assert_eq!(split("agreement a { title \"\\\" party\" }\nparty p \"P\" { }").len(), 2);
        assert_eq!(split("agreement a { title \"open }\nparty p \"P\" { }").len(), 1);
        assert_eq!(split("party p \"P\" { }\nparty q \"Q\" { }").len(), 2);
        assert_eq!(split(""), vec![""]);
    }
}
