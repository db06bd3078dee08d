//! Converting a file between the English and the German keyword set.
//!
//! In: the source text and the target set. Out: the same text with every
//! keyword written in the target set, and every amount of money written the
//! way that set writes it (`1.5 million` ↔ `1,5 Mio.`); comments, quoted
//! texts, names and layout are untouched. English → German → English gives
//! back the original file.

use crate::diagnostic::{Diagnostic, Label};
use crate::keywords::{self, Lang};
use crate::span::Span;
use crate::syntax::{self, Pair, Rule};

/// Convert `src` to the keyword set `to`. A file with a syntax error is
/// answered by that error (nothing can be converted safely).
pub fn convert_keywords(src: &str, to: Lang) -> Result<String, Vec<Diagnostic>> {
    let file = syntax::parse(src).map_err(|d| vec![d])?;
    let (from, _) = keywords::file_language(&file);
    let mut edits: Vec<(usize, usize, String)> = Vec::new();
    for (pair, parent) in keywords::keyword_pairs(&file) {
        let name = keywords::rule_name(pair.as_rule());
        let (en, de) = keywords::sets_of(&name, pair.as_str());
        let fits = match to {
            Lang::En => en,
            Lang::De => de,
        };
        if fits {
            continue;
        }
        if let Some(w) = keywords::word(&name, &parent, to) {
            let span = pair.as_span();
            edits.push((span.start(), span.end(), w.to_string()));
        }
    }
    if from != to {
        collect_amounts(&file, from, &mut edits);
        collect_attribute_names(&file, to, &mut edits);
    }
    edits.sort_by_key(|(s, _, _)| *s);
    let mut out = String::with_capacity(src.len() + src.len() / 8);
    let mut at = 0;
    for (start, end, text) in edits {
        out.push_str(src.get(at..start).unwrap_or(""));
        out.push_str(&text);
        at = end;
    }
    out.push_str(src.get(at..).unwrap_or(""));
    // A converted file that does not parse would be a defect of the keyword
    // table; say so instead of writing it.
    if let Err(d) = syntax::parse(&out) {
        return Err(vec![Diagnostic::error(
            "P001",
            "syntax-error",
            format!("the converted file does not parse ({}); this is a bug in pakt's keyword table", d.message),
            Label::new(Span::new(0, 0), "converting this file"),
        )]);
    }
    Ok(out)
}

/// The attribute named in `unknown meets` and `wording for chair` is a
/// name, not a keyword, but it names a keyword: it is converted too.
fn collect_attribute_names(file: &Pair<'_>, to: Lang, edits: &mut Vec<(usize, usize, String)>) {
    for pair in file.clone().into_inner().flatten() {
        if !matches!(pair.as_rule(), Rule::unknown_attr | Rule::wording_attr) {
            continue;
        }
        let Some(ident) = pair.clone().into_inner().find(|p| p.as_rule() == Rule::ident) else { continue };
        let name = ident.as_str();
        let converted = match to {
            Lang::De if crate::lower::UNKNOWABLE.contains(&name) => keywords::attribute_de(name).to_string(),
            Lang::En => match keywords::attribute_en(name, crate::lower::UNKNOWABLE) {
                Some(en) => en.to_string(),
                None => continue,
            },
            Lang::De => continue,
        };
        if converted != name {
            let span = ident.as_span();
            edits.push((span.start(), span.end(), converted));
        }
    }
}

fn collect_amounts(file: &Pair<'_>, from: Lang, edits: &mut Vec<(usize, usize, String)>) {
    for pair in file.clone().into_inner().flatten() {
        if pair.as_rule() != Rule::amount {
            continue;
        }
        let text = pair.as_str();
        let converted = match from {
            // English to German: the decimal dot becomes a comma; `_` groups stay.
            Lang::En => text.replace('.', ","),
            // German to English: the comma becomes the decimal dot, dots grouping thousands become `_`.
            Lang::De => text.replace('.', "_").replace(',', "."),
        };
        if converted != text {
            let span = pair.as_span();
            edits.push((span.start(), span.end(), converted));
        }
    }
}
