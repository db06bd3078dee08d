//! Text in boxes: how wide a line is, where it wraps, how it is escaped.
//!
//! In: strings. Out: estimated widths in pixels, lines wrapped at word
//! boundaries (a word is never cut; a word longer than a line stands on a
//! line of its own, wider than the rest), XML-escaped text.

/// Font size of rows; titles are drawn one pixel larger and bold.
pub const FONT: f64 = 12.0;

/// Estimated width of `text` at `size` px in Helvetica/Arial: narrow and
/// wide letters differ enough that a flat average cuts or pads labels.
pub fn width(text: &str, size: f64, bold: bool) -> f64 {
    let em: f64 = text
        .chars()
        .map(|c| match c {
            'i' | 'l' | 'j' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' | 'I' | ' ' | 'f' | 't' | 'r' => 0.30,
            'm' | 'w' | 'M' | 'W' | '€' | '%' => 0.85,
            'A'..='Z' | 'ä' | 'ö' | 'ü' | 'Ä' | 'Ö' | 'Ü' | '×' | '–' | '„' | '“' => 0.68,
            '0'..='9' => 0.56,
            _ => 0.54,
        })
        .sum();
    em * size * if bold { 1.08 } else { 1.0 }
}

/// Wrap `text` into lines no wider than `max` px, breaking only between
/// words (and after a hyphen or slash inside a long compound).
pub fn wrap(text: &str, max: f64, size: f64, bold: bool) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in pieces(text) {
        let candidate = format!("{line}{word}");
        if !line.is_empty() && width(candidate.trim_end(), size, bold) > max {
            lines.push(line.trim_end().to_string());
            line = word.trim_start().to_string();
        } else {
            line = candidate;
        }
    }
    if !line.trim().is_empty() {
        lines.push(line.trim_end().to_string());
    }
    lines
}

/// Words with their trailing space; a compound is split after `-` or `/`.
fn pieces(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for c in text.chars() {
        cur.push(c);
        if c == ' ' || ((c == '-' || c == '/') && cur.chars().count() > 4) {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// Escape for XML text and attribute values.
pub fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if (c as u32) < 0x20 => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_between_words_and_never_inside_one() {
        let lines = wrap("Steuerungsgremium „Umsetzung des Online-Zugangsgesetzes (OZG)“", 150.0, FONT, false);
        assert!(lines.len() > 1);
        assert_eq!(
            lines.join(" ").replace("- ", "-"),
            "Steuerungsgremium „Umsetzung des Online-Zugangsgesetzes (OZG)“"
        );
        assert!(lines.iter().any(|l| l.contains("(OZG)“")), "{lines:?}");
    }
}
