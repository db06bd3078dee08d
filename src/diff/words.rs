//! Word-level differences of German legal text.
//!
//! Tokens are words (letters including umlauts and ß, digits, and
//! hyphenated compounds such as `E-Government-Aktivitäten` kept whole),
//! §-references (`§ 27`, `§ 5a` kept as one token), single punctuation
//! marks, and runs of white space. The diff (Myers, from `similar`) works
//! on these tokens, so a changed compound is one change, not three.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Op {
    Equal,
    Delete,
    Insert,
}

/// A run of text that is equal, deleted (old only) or inserted (new only).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Segment {
    pub op: Op,
    pub text: String,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Split text into tokens; concatenated, they give the text back.
pub fn tokenize(text: &str) -> Vec<&str> {
    let mut tokens = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    let end_of = |j: usize| chars.get(j).map_or(text.len(), |(b, _)| *b);
    while let Some(&(start, c)) = chars.get(i) {
        let mut j = i + 1;
        if c == '§' {
            // `§`, `§§`, optional space, then a number with an optional letter.
            while chars.get(j).is_some_and(|(_, c)| *c == '§') {
                j += 1;
            }
            let mut k = j;
            while chars.get(k).is_some_and(|(_, c)| *c == ' ' || *c == '\u{a0}') {
                k += 1;
            }
            if chars.get(k).is_some_and(|(_, c)| c.is_ascii_digit()) {
                j = k;
                while chars.get(j).is_some_and(|(_, c)| c.is_alphanumeric()) {
                    j += 1;
                }
            }
        } else if is_word_char(c) {
            loop {
                while chars.get(j).is_some_and(|(_, c)| is_word_char(*c)) {
                    j += 1;
                }
                // A hyphen between word characters joins a compound.
                let hyphen = chars.get(j).is_some_and(|(_, c)| *c == '-' || *c == '‑');
                if hyphen && chars.get(j + 1).is_some_and(|(_, c)| is_word_char(*c)) {
                    j += 1;
                    continue;
                }
                break;
            }
        } else if c.is_whitespace() {
            while chars.get(j).is_some_and(|(_, c)| c.is_whitespace()) {
                j += 1;
            }
        }
        if let Some(t) = text.get(start..end_of(j)) {
            tokens.push(t);
        }
        i = j;
    }
    tokens
}

/// Most tokens (old and new together, after the common start and end are
/// set aside) that get a word-by-word diff. Myers' algorithm costs the
/// number of tokens times the number of differences, so a rewritten text
/// of 80,000 words took a minute. Beyond this, the differing middle is
/// shown as one deletion and one insertion: exact, and linear to compute.
pub const MAX_WORD_DIFF_TOKENS: usize = 4_000;

/// The word-level difference of two texts, adjacent runs merged. Texts
/// whose differing part has more than [`MAX_WORD_DIFF_TOKENS`] tokens are
/// shown as the common start, the old middle deleted, the new one
/// inserted, and the common end.
pub fn diff(old: &str, new: &str) -> Vec<Segment> {
    let a = tokenize(old);
    let b = tokenize(new);
    let head = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let tail = a.iter().rev().zip(b.iter().rev()).take(a.len().min(b.len()) - head).take_while(|(x, y)| x == y).count();
    crate::work::tick(a.len() + b.len());
    let middle = (a.len() - head - tail) + (b.len() - head - tail);
    let ops = if middle <= MAX_WORD_DIFF_TOKENS {
        // An upper bound of Myers' work on this input.
        crate::work::tick(middle * middle);
        similar::capture_diff_slices(similar::Algorithm::Myers, &a, &b)
    } else {
        let mut ops = vec![similar::DiffOp::Equal { old_index: 0, new_index: 0, len: head }];
        ops.push(similar::DiffOp::Delete { old_index: head, old_len: a.len() - head - tail, new_index: head });
        ops.push(similar::DiffOp::Insert {
            old_index: a.len() - tail,
            new_index: head,
            new_len: b.len() - head - tail,
        });
        ops.push(similar::DiffOp::Equal { old_index: a.len() - tail, new_index: b.len() - tail, len: tail });
        ops
    };
    let mut out: Vec<Segment> = Vec::new();
    let mut push = |op: Op, text: &str| {
        if text.is_empty() {
            return;
        }
        match out.last_mut() {
            Some(last) if last.op == op => last.text.push_str(text),
            _ => out.push(Segment { op, text: text.to_string() }),
        }
    };
    for op in ops {
        for change in op.iter_changes(&a, &b) {
            let kind = match change.tag() {
                similar::ChangeTag::Equal => Op::Equal,
                similar::ChangeTag::Delete => Op::Delete,
                similar::ChangeTag::Insert => Op::Insert,
            };
            push(kind, change.value());
        }
    }
    out
}

/// `[-old-]{+new+}` markup, as `git diff --word-diff` writes it.
pub fn plain(segments: &[Segment]) -> String {
    segments
        .iter()
        .map(|s| match s.op {
            Op::Equal => s.text.clone(),
            Op::Delete => format!("[-{}-]", s.text),
            Op::Insert => format!("{{+{}+}}", s.text),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compounds_umlauts_and_paragraphs_are_single_tokens() {
        assert_eq!(
            tokenize("Die E-Government-Aktivitäten nach § 27 ThürEGovG, groß."),
            vec![
                "Die",
                " ",
                "E-Government-Aktivitäten",
                " ",
                "nach",
                " ",
                "§ 27",
                " ",
                "ThürEGovG",
                ",",
                " ",
                "groß",
                "."
            ]
        );
        assert_eq!(
            tokenize("§§ 5a und Informations- und"),
            vec!["§§ 5a", " ", "und", " ", "Informations", "-", " ", "und"]
        );
        let text = "„Beirat“ – Straße\n\tneu";
        assert_eq!(tokenize(text).concat(), text);
    }

    #[test]
    fn word_diff_marks_changed_words() {
        let d = diff("Das Land muss die Mittel bereitstellen.", "Das Land soll die Mittel rechtzeitig bereitstellen.");
        assert_eq!(plain(&d), "Das Land [-muss-]{+soll+} die Mittel {+rechtzeitig +}bereitstellen.");
    }

    #[test]
    fn long_rewrites_are_one_replacement_between_the_common_ends() {
        let old = format!("Anfang {} Ende", "alt ".repeat(3_000));
        let new = format!("Anfang {} Ende", "neu ".repeat(3_000));
        let d = diff(&old, &new);
        assert_eq!(d.iter().map(|s| s.op).collect::<Vec<_>>(), [Op::Equal, Op::Delete, Op::Insert, Op::Equal]);
        assert_eq!(d.iter().filter(|s| s.op != Op::Insert).map(|s| s.text.as_str()).collect::<String>(), old);
        assert_eq!(d.iter().filter(|s| s.op != Op::Delete).map(|s| s.text.as_str()).collect::<String>(), new);
    }
}
