//! pakt's own words in English and German: one Fluent catalogue per
//! language (`i18n/en.ftl`, `i18n/de.ftl`, compiled in), and the choice of
//! language for a run.
//!
//! In: a message id and its arguments, or the command line's `--lang`, the
//! environment and the files checked. Out: the text in the chosen language.
//! A message missing from a catalogue yields its id (a test keeps the two
//! catalogues equal in keys and placeholders, so that does not happen).

use crate::keywords::Lang;
use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use std::cell::OnceCell;

pub const EN_FTL: &str = include_str!("../i18n/en.ftl");
pub const DE_FTL: &str = include_str!("../i18n/de.ftl");

thread_local! {
    static EN: OnceCell<Option<FluentBundle<FluentResource>>> = const { OnceCell::new() };
    static DE: OnceCell<Option<FluentBundle<FluentResource>>> = const { OnceCell::new() };
}

fn bundle(lang: Lang) -> Option<FluentBundle<FluentResource>> {
    let (source, tag) = match lang {
        Lang::En => (EN_FTL, "en"),
        Lang::De => (DE_FTL, "de"),
    };
    let resource = FluentResource::try_new(source.to_string()).ok()?;
    let id: unic_langid::LanguageIdentifier = tag.parse().ok()?;
    let mut bundle = FluentBundle::new(vec![id]);
    // No Unicode isolation marks around placeholders: the output is a terminal or a log.
    bundle.set_use_isolating(false);
    bundle.add_resource(resource).ok()?;
    Some(bundle)
}

/// An argument of a message.
#[derive(Debug, Clone)]
pub enum Arg<'a> {
    Num(usize),
    Text(&'a str),
}

/// The message `id` in `lang`, with its arguments.
pub fn tr(lang: Lang, id: &str, args: &[(&str, Arg<'_>)]) -> String {
    let format = |b: &Option<FluentBundle<FluentResource>>| -> Option<String> {
        let b = b.as_ref()?;
        let pattern = b.get_message(id)?.value()?;
        let mut fargs = FluentArgs::new();
        for (name, value) in args {
            match value {
                Arg::Num(n) => fargs.set(*name, FluentValue::from(*n)),
                Arg::Text(t) => fargs.set(*name, FluentValue::from(*t)),
            }
        }
        let mut errors = Vec::new();
        let text = b.format_pattern(pattern, Some(&fargs), &mut errors);
        Some(text.into_owned())
    };
    let cell = match lang {
        Lang::En => &EN,
        Lang::De => &DE,
    };
    cell.with(|c| format(c.get_or_init(|| bundle(lang)))).unwrap_or_else(|| id.to_string())
}

/// The language of the environment's locale (`LC_ALL`, `LC_MESSAGES`,
/// `LANG`, the first that is set): German for `de…`, else English.
pub fn locale_lang() -> Lang {
    for var in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        if let Ok(v) = std::env::var(var) {
            if !v.is_empty() {
                return if v.to_ascii_lowercase().starts_with("de") { Lang::De } else { Lang::En };
            }
        }
    }
    Lang::En
}

/// The language of a run's messages: `--lang` (or `PAKT_LANG`, which clap
/// reads into it) first; else German when every file read is written with
/// German keywords; else the locale.
pub fn choose(flag: Option<&str>, file_langs: &[Lang]) -> Lang {
    if let Some(l) = flag.and_then(Lang::from_code) {
        return l;
    }
    if !file_langs.is_empty() && file_langs.iter().all(|l| *l == Lang::De) {
        return Lang::De;
    }
    locale_lang()
}

/// The keyword set of a file's text, told by its first word (the header
/// keyword) without parsing the file.
pub fn text_lang(text: &str) -> Lang {
    let mut rest = text;
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}');
        if let Some(after) = rest.strip_prefix("//") {
            rest = after.split_once('\n').map_or("", |(_, r)| r);
        } else {
            break;
        }
    }
    let word: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
    let german = ["kw_agreement", "kw_statute", "kw_rules_of_procedure"]
        .iter()
        .filter_map(|r| crate::keywords::entry(r))
        .any(|(_, _, de)| de.contains(&word.as_str()));
    if german {
        Lang::De
    } else {
        Lang::En
    }
}

/// The severity in words.
pub fn severity(lang: Lang, severity: crate::diagnostic::Severity) -> String {
    let id = match severity.to_string().as_str() {
        "error" => "severity-error",
        "warning" => "severity-warning",
        _ => "severity-off",
    };
    tr(lang, id, &[])
}

/// The summary line of a check in `info.lang`, as `output::summary_with`
/// writes it in English.
pub fn summary(results: &[crate::check::FileResult], info: &crate::output::RunInfo) -> String {
    use crate::diagnostic::Severity;
    let lang = info.lang;
    let errors: usize = results.iter().map(|r| r.count(Severity::Error)).sum();
    let warnings: usize = results.iter().map(|r| r.count(Severity::Warning)).sum();
    let allowed: usize = results.iter().map(crate::output::allowed).sum();
    let mut s = tr(
        lang,
        "summary",
        &[("files", Arg::Num(results.len())), ("errors", Arg::Num(errors)), ("warnings", Arg::Num(warnings))],
    );
    if allowed > 0 {
        s.push(' ');
        s.push_str(&tr(lang, "summary-allowed", &[("allowed", Arg::Num(allowed))]));
    }
    if !info.configs.is_empty() {
        s.push(' ');
        s.push_str(&tr(lang, "summary-config", &[("files", Arg::Text(&info.configs.join(", ")))]));
    }
    s
}

/// The note on rules turned off, in `info.lang`.
pub fn off_note(info: &crate::output::RunInfo) -> String {
    let named: Vec<String> = info
        .off
        .iter()
        .map(|n| match crate::rules::REGISTRY.iter().find(|r| r.name == *n) {
            Some(r) => format!("{} ({})", r.name, r.code),
            None => n.to_string(),
        })
        .collect();
    tr(info.lang, "rules-off-note", &[("rules", Arg::Text(&named.join(", ")))])
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]
    use super::*;

    #[test]
    fn summary_in_both_languages_with_plurals() {
        let args = |f, e, w| vec![("files", Arg::Num(f)), ("errors", Arg::Num(e)), ("warnings", Arg::Num(w))];
        assert_eq!(tr(Lang::En, "summary", &args(4, 0, 1)), "4 files checked, 0 errors, 1 warning");
        assert_eq!(tr(Lang::En, "summary", &args(1, 1, 2)), "1 file checked, 1 error, 2 warnings");
        assert_eq!(tr(Lang::De, "summary", &args(4, 0, 0)), "4 Dateien geprüft, 0 Fehler, 0 Warnungen");
        assert_eq!(tr(Lang::De, "summary", &args(1, 1, 1)), "1 Datei geprüft, 1 Fehler, 1 Warnung");
        assert_eq!(tr(Lang::De, "no-such-message", &[]), "no-such-message");
    }

    #[test]
    fn the_header_word_tells_the_file_language() {
        assert_eq!(text_lang("// Kommentar\n\u{FEFF}vereinbarung x {}"), Lang::De);
        assert_eq!(text_lang("\u{FEFF}// c\n  geschäftsordnung x {}"), Lang::De);
        assert_eq!(text_lang("agreement x {}"), Lang::En);
        assert_eq!(text_lang(""), Lang::En);
    }

    #[test]
    fn the_flag_wins_then_german_files_then_the_locale() {
        assert_eq!(choose(Some("de"), &[Lang::En]), Lang::De);
        assert_eq!(choose(Some("en"), &[Lang::De]), Lang::En);
        assert_eq!(choose(None, &[Lang::De, Lang::De]), Lang::De);
    }
}
