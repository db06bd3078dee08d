//! Literal values of the language: dates and exact money.
//!
//! In: the text of a date or amount token. Out: a checked value, or a
//! message saying precisely what is wrong with the token.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A calendar date (ISO 8601, proleptic Gregorian), checked on parse.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl Date {
    pub fn new(year: i32, month: u8, day: u8) -> Result<Date, String> {
        if !(1..=12).contains(&month) {
            return Err(format!("month {month:02} does not exist"));
        }
        let max = days_in_month(year, month);
        if day == 0 || day > max {
            return Err(format!("{year:04}-{month:02} has no day {day:02} (it has {max} days)"));
        }
        Ok(Date { year, month, day })
    }

    pub fn parse(text: &str) -> Result<Date, String> {
        let mut parts = text.splitn(3, '-');
        let (Some(y), Some(m), Some(d)) = (parts.next(), parts.next(), parts.next()) else {
            return Err("a date is written YYYY-MM-DD".to_string());
        };
        let year: i32 = y.parse().map_err(|_| "the year is not a number".to_string())?;
        let month: u8 = m.parse().map_err(|_| "the month is not a number".to_string())?;
        let day: u8 = d.parse().map_err(|_| "the day is not a number".to_string())?;
        Date::new(year, month, day)
    }
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ => {
            if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 {
                29
            } else {
                28
            }
        }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Date::parse(&text).map_err(serde::de::Error::custom)
    }
}

/// An exact amount of money in minor units (cents). No floating point.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Money {
    pub currency: String,
    pub minor: i64,
}

impl Money {
    /// Parse an amount such as `80_000_000`, `1234.5` or `80` with an
    /// optional `million` scale. Grouping by `_` is allowed; `,` and a
    /// second `.` are answered with a precise message.
    pub fn parse(currency: &str, amount: &str, million: bool) -> Result<Money, String> {
        let currency = if currency == "€" { "EUR" } else { currency };
        if amount.contains(',') {
            return Err(format!(
                "`{amount}` uses a comma: write the decimal separator as a dot and group digits with `_` (e.g. `1_500_000.50`)"
            ));
        }
        if amount.contains('\'') {
            return Err(format!("`{amount}` uses `'` to group digits: group digits with `_` instead"));
        }
        if amount.ends_with('_') || amount.contains("__") || amount.contains("_.") {
            return Err(format!("`{amount}` has a misplaced `_`: `_` may only stand between digits"));
        }
        let mut parts = amount.split('.');
        let whole = parts.next().unwrap_or("");
        let frac = parts.next();
        if parts.next().is_some() {
            return Err(format!(
                "`{amount}` has more than one `.`: group digits with `_` (e.g. `80_000_000`), a dot only separates the cents"
            ));
        }
        let frac = frac.unwrap_or("");
        if frac.len() > 2 || frac.contains('_') {
            return Err(format!("`{amount}` has more than two decimals: money is exact to the cent"));
        }
        if !whole.chars().next().is_some_and(|c| c.is_ascii_digit()) || (amount.contains('.') && frac.is_empty()) {
            return Err(format!("`{amount}` is not an amount: write digits, e.g. `10_000_000` or `99.50`"));
        }
        let digits: String = whole.chars().filter(|c| *c != '_').collect();
        let overflow = || format!("`{amount}` is too large to be an amount of money");
        let whole_value: i64 = digits.parse().map_err(|_| overflow())?;
        let cents: i64 = match frac.len() {
            0 => 0,
            1 => frac.parse::<i64>().map_err(|_| overflow())? * 10,
            _ => frac.parse::<i64>().map_err(|_| overflow())?,
        };
        let scale: i64 = if million { 1_000_000 } else { 1 };
        let minor = whole_value
            .checked_mul(100)
            .and_then(|v| v.checked_add(cents))
            .and_then(|v| v.checked_mul(scale))
            .ok_or_else(overflow)?;
        Ok(Money { currency: currency.to_string(), minor })
    }

    /// Parse an amount as written in a file with German keywords: `,`
    /// separates the cents, `.` (or `_`) groups thousands: `80.000.000`,
    /// `1,5` (with `Mio.`), `1.500.000,50`. A dot that does not group three
    /// digits is refused rather than guessed (`1.5` may mean 1,5 or 15).
    pub fn parse_de(currency: &str, amount: &str, million: bool) -> Result<Money, String> {
        let (whole, frac) = match amount.split_once(',') {
            Some((w, f)) => (w, Some(f)),
            None => (amount, None),
        };
        if frac.is_some_and(|f| f.contains(',')) {
            return Err(format!(
                "`{amount}` has more than one `,`: the comma separates the cents, a dot groups thousands"
            ));
        }
        if frac.is_some_and(|f| f.contains('.')) {
            return Err(format!("`{amount}` has a dot after the comma: the comma separates the cents, a dot groups thousands (e.g. `1.500.000,50`)"));
        }
        let mut groups = whole.split('.');
        let first = groups.next().unwrap_or("");
        if first.is_empty() || groups.clone().any(|g| g.len() != 3 || !g.chars().all(|c| c.is_ascii_digit())) {
            return Err(format!(
                "`{amount}`: in a file with German keywords a dot groups thousands (`80.000.000`) and a comma separates decimals (`1,5 Mio.`)"
            ));
        }
        let english_whole = whole.replace('.', "_");
        let english = match frac {
            Some(f) => format!("{english_whole}.{f}"),
            None => english_whole,
        };
        Money::parse(currency, &english, million).map_err(|why| why.replace(&english, amount))
    }

    pub fn from_minor(currency: &str, minor: i64) -> Money {
        Money { currency: currency.to_string(), minor }
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let whole = self.minor / 100;
        let cents = (self.minor % 100).abs();
        let digits = whole.abs().to_string();
        let mut grouped = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                grouped.push('_');
            }
            grouped.push(c);
        }
        let sign = if self.minor < 0 { "-" } else { "" };
        // Whole millions are written as a drafter writes them: `EUR 80 million`.
        if self.minor != 0 && self.minor % 100_000_000 == 0 {
            return write!(f, "{} {sign}{} million", self.currency, (self.minor / 100_000_000).abs());
        }
        if cents == 0 {
            write!(f, "{} {sign}{grouped}", self.currency)
        } else {
            write!(f, "{} {sign}{grouped}.{cents:02}", self.currency)
        }
    }
}

#[derive(Serialize, Deserialize)]
struct MoneyRepr {
    currency: String,
    /// Decimal string, exact: `"80000000.00"`.
    amount: String,
}

impl Serialize for Money {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let sign = if self.minor < 0 { "-" } else { "" };
        let abs = self.minor.unsigned_abs();
        MoneyRepr { currency: self.currency.clone(), amount: format!("{sign}{}.{:02}", abs / 100, abs % 100) }
            .serialize(s)
    }
}

impl<'de> Deserialize<'de> for Money {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let repr = MoneyRepr::deserialize(d)?;
        let (neg, text) = match repr.amount.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, repr.amount.as_str()),
        };
        let m = Money::parse(&repr.currency, text, false).map_err(serde::de::Error::custom)?;
        Ok(Money { minor: if neg { -m.minor } else { m.minor }, ..m })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_checked() {
        assert!(Date::parse("2014-07-16").is_ok());
        assert!(Date::parse("2016-02-29").is_ok());
        assert_eq!(Date::parse("2014-02-29").err().as_deref(), Some("2014-02 has no day 29 (it has 28 days)"));
        assert_eq!(Date::parse("2014-13-01").err().as_deref(), Some("month 13 does not exist"));
    }

    #[test]
    fn money_is_exact() {
        assert_eq!(Money::parse("EUR", "80", true).map(|m| m.minor), Ok(8_000_000_000));
        assert_eq!(Money::parse("EUR", "10_000_000", false).map(|m| m.minor), Ok(1_000_000_000));
        assert_eq!(Money::parse("€", "99.5", false).map(|m| (m.currency, m.minor)), Ok(("EUR".into(), 9950)));
        assert!(Money::parse("EUR", "1.000.000", false).is_err());
        assert!(Money::parse("EUR", "1,5", false).is_err());
        assert!(Money::parse("EUR", "1.505", false).is_err());
        assert!(Money::parse("EUR", "99999999999999999999", false).is_err());
        assert_eq!(Money::from_minor("EUR", 8_000_000_000).to_string(), "EUR 80 million");
        assert_eq!(Money::from_minor("EUR", 150_000_000).to_string(), "EUR 1_500_000");
        assert_eq!(Money::from_minor("EUR", 12_345).to_string(), "EUR 123.45");
    }
}

/// An exact decimal figure such as a percentage of a distribution key
/// (`13.04`), held in millionths. No floating point: shares must add up
/// exactly, within a stated tolerance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Decimal(pub u64);

impl Decimal {
    /// Millionths in one unit.
    pub const SCALE: u64 = 1_000_000;

    pub fn parse(text: &str) -> Result<Decimal, String> {
        let (int, frac) = text.split_once('.').unwrap_or((text, ""));
        if int.is_empty() || !int.bytes().all(|b| b.is_ascii_digit()) || !frac.bytes().all(|b| b.is_ascii_digit()) {
            return Err("a figure is written with digits and at most one dot, e.g. 13.04".to_string());
        }
        if frac.len() > 6 {
            return Err("a figure has at most six decimal places".to_string());
        }
        let whole: u64 = int.parse().map_err(|_| "the figure is too large".to_string())?;
        let mut millionths: u64 = 0;
        for (i, b) in frac.bytes().enumerate() {
            let digit = u64::from(b - b'0');
            millionths += digit * 10u64.pow(5 - i as u32);
        }
        whole
            .checked_mul(Self::SCALE)
            .and_then(|w| w.checked_add(millionths))
            .map(Decimal)
            .ok_or_else(|| "the figure is too large".to_string())
    }

    pub fn from_whole(n: u64) -> Decimal {
        Decimal(n.saturating_mul(Self::SCALE))
    }
}

impl fmt::Display for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let whole = self.0 / Self::SCALE;
        let frac = self.0 % Self::SCALE;
        if frac == 0 {
            return write!(f, "{whole}");
        }
        let digits = format!("{frac:06}");
        write!(f, "{whole}.{}", digits.trim_end_matches('0'))
    }
}

impl Serialize for Decimal {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Decimal {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Decimal::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod decimal_tests {
    use super::Decimal;

    #[test]
    fn parses_and_prints_exactly() {
        assert_eq!(Decimal::parse("13.04").map(|d| d.0), Ok(13_040_000));
        assert_eq!(Decimal::parse("25").map(|d| d.to_string()), Ok("25".to_string()));
        assert_eq!(Decimal::parse("0.000001").map(|d| d.to_string()), Ok("0.000001".to_string()));
        assert!(Decimal::parse("1.0000001").is_err());
        assert!(Decimal::parse("99999999999999999999").is_err());
    }
}
