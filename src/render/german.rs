//! German words for the generated sentences: articles by the gender of a
//! name's head noun, numbers in words, dates, money, modal verbs.
//!
//! In: names and values of the model. Out: German text fragments. The
//! gender of a name is guessed from the ending of its head noun
//! (`Beirat` → der, `Landesregierung` → die, `Steuerungsgremium` → das);
//! a name whose gender cannot be told is used without article.

use crate::model::Modality;
use crate::values::{Date, Money};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Masculine,
    Feminine,
    Neuter,
}

const FEMININE: &[&str] = &[
    "ung",
    "ion",
    "tät",
    "heit",
    "keit",
    "schaft",
    "kanzlei",
    "gruppe",
    "stelle",
    "kommission",
    "konferenz",
    "versammlung",
    "runde",
    "agentur",
    "behörde",
    "kammer",
    "regierung",
    "partei",
    "gemeinde",
    "stadt",
];
const MASCULINE: &[&str] = &[
    "rat",
    "tag",
    "bund",
    "kreis",
    "verband",
    "ausschuss",
    "beauftragte",
    "beauftragter",
    "vorsteher",
    "vorstand",
    "staat",
    "freistaat",
    "dienstleister",
    "vertreter",
    "präsident",
    "geschäftsführer",
    "sekretär",
    "minister",
    "landkreis",
    "zweckverband",
    "senat",
    "vorsitzende",
    "vorsitzender",
];
const NEUTER: &[&str] = &[
    "gremium",
    "zentrum",
    "land",
    "ministerium",
    "amt",
    "büro",
    "kompetenzzentrum",
    "rechenzentrum",
    "forum",
    "team",
    "netzwerk",
    "projekt",
    "direktorium",
    "präsidium",
    "kollegium",
    "institut",
];

/// The head noun of a name: the first capitalised word that is not an
/// adjective before another noun (`Thüringer Landesregierung`) and not the
/// first part of a pair (`Gemeinde- und Städtebund`).
fn head_noun(name: &str) -> Option<&str> {
    let words: Vec<&str> = name
        .split(|c: char| c.is_whitespace() || c == '„' || c == '"' || c == '(' || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    let mut i = 0;
    while let Some(w) = words.get(i) {
        let next = words.get(i + 1);
        let capitalised = w.chars().next().is_some_and(char::is_uppercase);
        if w.ends_with('-') || *w == "und" {
            i += 1;
            continue;
        }
        let adjective = (w.ends_with("er") || w.ends_with("es") || w.ends_with("e") || w.ends_with("en"))
            && next.is_some_and(|n| n.chars().next().is_some_and(char::is_uppercase) || n.ends_with('-'))
            && !MASCULINE.iter().chain(FEMININE).chain(NEUTER).any(|s| w.to_lowercase().ends_with(s));
        if capitalised && !adjective {
            return Some(w.trim_end_matches(['.', ':', ';', '“', '"', ')']));
        }
        i += 1;
    }
    None
}

/// The gender of a name, if its head noun tells it.
pub fn gender(name: &str) -> Option<Gender> {
    let noun = head_noun(name)?.to_lowercase();
    // The longest matching ending wins (`Landkreistag` is a `-tag`, not a `-land`).
    let mut best: Option<(usize, Gender)> = None;
    for (list, g) in [(FEMININE, Gender::Feminine), (MASCULINE, Gender::Masculine), (NEUTER, Gender::Neuter)] {
        for ending in list {
            if noun.ends_with(ending) && best.is_none_or(|(len, _)| ending.len() > len) {
                best = Some((ending.len(), g));
            }
        }
    }
    best.map(|(_, g)| g)
}

fn starts_with_article(name: &str) -> bool {
    let lower = name.to_lowercase();
    ["der ", "die ", "das ", "den ", "dem "].iter().any(|a| lower.starts_with(a))
}

/// `der Beirat …`, `die Thüringer Landesregierung` (nominative).
pub fn nominative(name: &str) -> String {
    if starts_with_article(name) {
        return name.to_string();
    }
    match gender(name) {
        Some(Gender::Masculine) => format!("der {}", weak(name, "e")),
        Some(Gender::Feminine) => format!("die {name}"),
        Some(Gender::Neuter) => format!("das {}", weak(name, "e")),
        None => name.to_string(),
    }
}

/// `dem Beirat`, `der Landesregierung` (dative).
pub fn dative(name: &str) -> String {
    if starts_with_article(name) {
        return name.to_string();
    }
    match gender(name) {
        Some(Gender::Masculine | Gender::Neuter) => format!("dem {}", weak(name, "en")),
        Some(Gender::Feminine) => format!("der {}", weak(name, "en")),
        None => name.to_string(),
    }
}

/// `den Beirat`, `die Kommunen` (accusative).
pub fn accusative(name: &str) -> String {
    if starts_with_article(name) {
        return name.to_string();
    }
    match gender(name) {
        Some(Gender::Masculine) => format!("den {}", weak(name, "en")),
        Some(Gender::Feminine) => format!("die {name}"),
        Some(Gender::Neuter) => format!("das {}", weak(name, "e")),
        None => name.to_string(),
    }
}

/// Several parties, or all of them (`None`), in a case.
#[derive(Debug, Clone, Copy)]
pub enum Case {
    Nominative,
    Dative,
    Accusative,
}

/// `der Landkreistag und der Städtebund`; `die Vertragspartner` for all.
pub fn who(names: Option<&[String]>, case: Case) -> String {
    match names {
        None => match case {
            Case::Dative => "allen Vertragspartnern".to_string(),
            Case::Nominative | Case::Accusative => "die Vertragspartner".to_string(),
        },
        Some(list) => and_list(
            &list
                .iter()
                .map(|n| match case {
                    Case::Nominative => nominative(n),
                    Case::Dative => dative(n),
                    Case::Accusative => accusative(n),
                })
                .collect::<Vec<_>>(),
        ),
    }
}

/// After a definite article, an adjective before the head noun takes the
/// weak ending: `Thüringischer Landkreistag` → `Thüringische Landkreistag`,
/// `Kommunales Rechenzentrum` → `Kommunale Rechenzentrum`. Adjectives from
/// place names (`Thüringer`) do not change.
fn weak(name: &str, ending: &str) -> String {
    let Some(head) = head_noun(name) else { return name.to_string() };
    let at = name.find(head).unwrap_or(0);
    let (before, rest) = name.split_at(at);
    // Nouns made from adjectives decline too: der Beauftragte, dem Beauftragten.
    let rest = match ["beauftragter", "vorsitzender"].iter().find(|n| head.to_lowercase().ends_with(**n)) {
        Some(_) => {
            format!("{}{ending}{}", head.get(..head.len() - 2).unwrap_or(head), rest.get(head.len()..).unwrap_or(""))
        }
        None => rest.to_string(),
    };
    let before: Vec<String> = before
        .split(' ')
        .map(|w| {
            let declinable = ["ischer", "isches", "ische", "ales", "aler", "ale", "iger", "iges", "ige"];
            match declinable.iter().find(|d| w.ends_with(**d)) {
                Some(d) => {
                    let stem_len = w.len() - d.len() + d.trim_end_matches(['r', 's', 'e']).len();
                    format!("{}{ending}", w.get(..stem_len).unwrap_or(w))
                }
                None => w.to_string(),
            }
        })
        .collect();
    format!("{}{rest}", before.join(" "))
}

/// The first letter in upper case (for the start of a sentence).
pub fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// The short name of a body for sentences: its name before a quotation or
/// parenthesis (`Steuerungsgremium „Umsetzung …“` → `Steuerungsgremium`).
pub fn short_name(name: &str) -> &str {
    let cut = name.find(['„', '"', '(']).unwrap_or(name.len());
    let short = name.get(..cut).unwrap_or(name).trim();
    if short.is_empty() {
        name
    } else {
        short
    }
}

/// Numbers up to twelve in words, larger ones in digits.
pub fn number(n: u32) -> String {
    const WORDS: [&str; 13] =
        ["null", "ein", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "elf", "zwölf"];
    WORDS.get(n as usize).map_or_else(|| n.to_string(), |w| (*w).to_string())
}

/// `einmal`, `zweimal`, … `13-mal`.
pub fn times(n: u32) -> String {
    if n <= 12 {
        format!("{}mal", number(n))
    } else {
        format!("{n}-mal")
    }
}

/// `einem Mitglied`, `zwei Mitgliedern` (dative).
pub fn members_dative(n: u32) -> String {
    if n == 1 {
        "einem Mitglied".to_string()
    } else {
        format!("{} Mitgliedern", number(n))
    }
}

/// `ein Mitglied`, `fünf Mitglieder` (nominative).
pub fn members(n: u32) -> String {
    if n == 1 {
        "ein Mitglied".to_string()
    } else {
        format!("{} Mitglieder", number(n))
    }
}

const MONTHS: [&str; 12] = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
];

/// `17. Oktober 2018`.
pub fn date(d: &Date) -> String {
    let month = MONTHS.get(usize::from(d.month.saturating_sub(1))).copied().unwrap_or("");
    format!("{}. {month} {}", d.day, d.year)
}

/// `80 Mio. Euro`, `1.500.000,50 Euro`, `250.000 CHF`.
pub fn money(m: &Money) -> String {
    let currency = if m.currency == "EUR" { "Euro" } else { m.currency.as_str() };
    let sign = if m.minor < 0 { "-" } else { "" };
    let minor = m.minor.unsigned_abs();
    if minor != 0 && minor % 100_000_000 == 0 {
        return format!("{sign}{} Mio. {currency}", minor / 100_000_000);
    }
    let whole = (minor / 100).to_string();
    let mut grouped = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push('.');
        }
        grouped.push(c);
    }
    match minor % 100 {
        0 => format!("{sign}{grouped} {currency}"),
        cents => format!("{sign}{grouped},{cents:02} {currency}"),
    }
}

/// The modal verb for one bearer or several.
pub fn modal(m: Modality, plural: bool) -> &'static str {
    match (m, plural) {
        (Modality::Must, false) => "muss",
        (Modality::Must, true) => "müssen",
        (Modality::Shall, false) => "soll",
        (Modality::Shall, true) => "sollen",
        (Modality::May, false) => "kann",
        (Modality::May, true) => "können",
        (Modality::Examines, false) => "prüft",
        (Modality::Examines, true) => "prüfen",
        (Modality::Recommends, false) => "empfiehlt",
        (Modality::Recommends, true) => "empfehlen",
    }
}

/// `A`, `A und B`, `A, B und C`.
pub fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} und {last}", init.join(", ")),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn genders_from_head_nouns() {
        assert_eq!(nominative("Beirat „Kommunales E-Government“"), "der Beirat „Kommunales E-Government“");
        assert_eq!(nominative("Thüringer Landesregierung"), "die Thüringer Landesregierung");
        assert_eq!(
            nominative("Gemeinde- und Städtebund Thüringen e.V."),
            "der Gemeinde- und Städtebund Thüringen e.V."
        );
        assert_eq!(nominative("Thüringischer Landkreistag e.V."), "der Thüringische Landkreistag e.V.");
        assert_eq!(dative("Thüringischer Landkreistag e.V."), "dem Thüringischen Landkreistag e.V.");
        assert_eq!(nominative("Kommunales Rechenzentrum"), "das Kommunale Rechenzentrum");
        assert_eq!(nominative("Steuerungsgremium „OZG“"), "das Steuerungsgremium „OZG“");
        assert_eq!(nominative("Thüringer Finanzministerium"), "das Thüringer Finanzministerium");
        assert_eq!(dative("Beirat"), "dem Beirat");
        assert_eq!(dative("IT-Kooperationsrunde"), "der IT-Kooperationsrunde");
        assert_eq!(nominative("die Kommunen"), "die Kommunen");
        assert_eq!(nominative("Musterhausen"), "Musterhausen");
    }

    #[test]
    fn numbers_dates_money() {
        assert_eq!(times(2), "zweimal");
        assert_eq!(times(1), "einmal");
        assert_eq!(members_dative(2), "zwei Mitgliedern");
        assert_eq!(members_dative(1), "einem Mitglied");
        assert_eq!(date(&Date::new(2018, 10, 17).unwrap()), "17. Oktober 2018");
        assert_eq!(money(&Money::from_minor("EUR", 8_000_000_000)), "80 Mio. Euro");
        assert_eq!(money(&Money::from_minor("EUR", 150_000_050)), "1.500.000,50 Euro");
        assert_eq!(money(&Money::from_minor("EUR", 25_000_000)), "250.000 Euro");
        assert_eq!(and_list(&["A".into(), "B".into(), "C".into()]), "A, B und C");
        assert_eq!(short_name("Steuerungsgremium „Umsetzung des OZG“"), "Steuerungsgremium");
    }
}
