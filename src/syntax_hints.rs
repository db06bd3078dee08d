//! The syntax errors drafters make most, answered by name with the fix.
//!
//! In: the source text, where the parse failed (the token found there) and
//! what the grammar expected, in the words of `syntax::rule_name`. Out: a
//! message, a label and a help line that say what to write instead, or
//! nothing when the mistake is not one of the known ones (then the general
//! "expected …, found …" stands).
//!
//! Drafters copy from German texts: `80 Mio.`, „quotes“, `jährlich`,
//! `einvernehmlich`, `2/3`; and they write English words with a space where
//! pakt has an underscore (`at least`).

use crate::span::Span;

const CLOSING_QUOTES: [char; 5] = ['“', '”', '‘', '«', '»'];

/// What to say instead of "expected …, found …".
pub struct Hint {
    pub span: Span,
    pub message: String,
    pub label: String,
    pub help: String,
}

/// A hint for the token `found` at `span`, if it is a known mistake.
pub fn known_mistake(text: &str, span: Span, expected: &[String]) -> Option<Hint> {
    let found = text.get(span.start..span.end).unwrap_or("");
    let rest = text.get(span.end..).unwrap_or("");
    let expects = |name: &str| expected.iter().any(|e| e.contains(name));
    let word = found.trim_end_matches('.').to_lowercase();
    let hint = |message: String, label: &str, help: &str| Hint {
        span,
        message,
        label: label.to_string(),
        help: help.to_string(),
    };

    if matches!(found, "„" | "“" | "”" | "‚" | "»" | "«") {
        let line = rest.split(['\n', '\r']).next().unwrap_or("");
        let (shown, close) = match line.char_indices().find(|(_, c)| CLOSING_QUOTES.contains(c)) {
            Some((i, c)) if i > 0 => (line.get(..i).unwrap_or("…"), i + c.len_utf8()),
            _ => ("…", 0),
        };
        return Some(Hint {
            span: Span::new(span.start, span.end + close),
            message: format!("a text is written between straight quotes: \"{shown}\""),
            label: format!("write \"{shown}\""),
            help: "pakt's texts start and end with \"; inside a text „German quotes“ are fine: \"der „Beirat“\""
                .to_string(),
        });
    }
    if matches!(word.as_str(), "mio" | "mill" | "millionen" | "million-") || found == "Mio.-" {
        return Some(hint(
            format!("`{found}` is not a word of pakt: write `million`"),
            "write `million`",
            "amounts are written in full or with `million`: `EUR 80 million` or `EUR 80_000_000`",
        ));
    }
    if matches!(word.as_str(), "mrd" | "milliarden" | "billion") {
        return Some(hint(
            format!("`{found}` is not a word of pakt: write the amount in millions"),
            "write e.g. `1_000 million`",
            "amounts are written in full or with `million`: `EUR 1_000 million` is a thousand million (eine Milliarde)",
        ));
    }
    if (found == "at" && rest.trim_start().starts_with("least")) || matches!(word.as_str(), "at-least" | "mindestens") {
        let span = match rest.find("least") {
            Some(i) if found == "at" => Span::new(span.start, span.end + i + "least".len()),
            _ => span,
        };
        return Some(Hint {
            span,
            ..hint(
                format!(
                    "`{}` is written `at_least`, with an underscore",
                    if found == "at" { "at least" } else { found }
                ),
                "write `at_least`",
                "e.g. `meets at_least 2 per year`; pakt's keywords join words with `_`",
            )
        });
    }
    if let Some(per) = frequency(&word) {
        let (message, help) = if expects("`at_least`") {
            (
                format!("`{found}` is not a meeting rule of pakt: write `at_least {per}`"),
                format!("e.g. `meets at_least {per}` (or `meets regularly` when the text gives no number)"),
            )
        } else {
            (
                format!("`{found}` is not a word of pakt: write `per year`"),
                "e.g. `up_to EUR 2 million per year`".to_string(),
            )
        };
        let label =
            if expects("`at_least`") { format!("write `at_least {per}`") } else { "write `per year`".to_string() };
        return Some(Hint { span, message, label, help });
    }
    if let Some(rule) = decision_word(&word) {
        if expects("decision rule") || expects("requirement") {
            return Some(hint(
                format!("`{found}` is written `{rule}` in pakt"),
                &format!("write `{rule}`"),
                "decision rules are `consent`, `unanimity`, `majority`, `qualified N/M` and `weighted KEY N/M`",
            ));
        }
    }
    if found.chars().all(|c| c.is_ascii_digit())
        && !found.is_empty()
        && (expects("decision rule") || expects("requirement"))
    {
        let fraction: String = rest.chars().take_while(|c| c.is_ascii_digit() || *c == '/' || *c == ' ').collect();
        let fraction = fraction.trim();
        if fraction.starts_with('/') {
            let written = format!("{found}{}", fraction.replace(' ', ""));
            return Some(Hint {
                span: Span::new(span.start, span.end + rest.find(fraction).map_or(0, |i| i + fraction.len())),
                message: format!("a majority of {written} is written `qualified {written}`"),
                label: format!("write `qualified {written}`"),
                help: "a fraction alone does not say what it counts; `qualified 2/3` is two thirds of the votes"
                    .to_string(),
            });
        }
    }
    None
}

/// `meets` frequencies as drafters write them, and the pakt rule.
fn frequency(word: &str) -> Option<&'static str> {
    Some(match word {
        "quarterly" | "vierteljährlich" | "quartalsweise" | "vierteljährig" => "1 per quarter",
        "yearly" | "annually" | "annual" | "jährlich" | "einmal_jährlich" => "1 per year",
        "halbjährlich" | "biannually" | "semiannually" => "2 per year",
        "monthly" | "monatlich" => "1 per month",
        _ => return None,
    })
}

/// German decision words and the pakt rule they mean.
fn decision_word(word: &str) -> Option<&'static str> {
    Some(match word {
        "einvernehmlich" | "einvernehmen" | "konsens" | "consensus" => "consent",
        "einstimmig" | "einstimmigkeit" | "unanimous" | "unanimously" => "unanimity",
        "mehrheitlich" | "mehrheit" | "einfache_mehrheit" => "majority",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hint(text: &str, at: &str, expected: &[&str]) -> Option<String> {
        let start = text.find(at).unwrap_or(0);
        // As `syntax::found_at`: a word, or a single other character.
        let first = text[start..].chars().next().unwrap();
        let len: usize = if first.is_alphanumeric() {
            text[start..].chars().take_while(|c| c.is_alphanumeric() || *c == '.').map(char::len_utf8).sum()
        } else {
            first.len_utf8()
        };
        let expected: Vec<String> = expected.iter().map(|s| s.to_string()).collect();
        known_mistake(text, Span::new(start, start + len), &expected).map(|h| h.message)
    }

    #[test]
    fn each_known_mistake_is_named() {
        let meets = ["`at_least`", "`regularly`"];
        assert_eq!(
            hint("up_to EUR 80 Mio", "Mio", &[]).as_deref(),
            Some("`Mio` is not a word of pakt: write `million`")
        );
        assert_eq!(
            hint("meets monatlich", "monatlich", &meets).as_deref(),
            Some("`monatlich` is not a meeting rule of pakt: write `at_least 1 per month`")
        );
        assert_eq!(
            hint("EUR 5 million jährlich", "jährlich", &["`per`"]).as_deref(),
            Some("`jährlich` is not a word of pakt: write `per year`")
        );
        assert_eq!(
            hint("decides by einstimmig", "einstimmig", &["a decision rule"]).as_deref(),
            Some("`einstimmig` is written `unanimity` in pakt")
        );
        assert_eq!(
            hint("requires 2 / 3", "2", &["a requirement"]).as_deref(),
            Some("a majority of 2/3 is written `qualified 2/3`")
        );
        assert_eq!(
            hint("title “Fixture”", "“", &[]).as_deref(),
            Some("a text is written between straight quotes: \"Fixture\"")
        );
        // Not a known mistake: the general message stands.
        assert_eq!(hint("decides by einvernehmlich", "einvernehmlich", &["`}`"]), None);
        assert_eq!(hint("side county", "county", &["a side"]), None);
    }
}
