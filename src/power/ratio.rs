//! Exact non-negative fractions over `u128` for power indices.
//!
//! In: numerators and denominators from coalition counts. Out: reduced
//! fractions, printed as `3/5`, with a float only for display. Every
//! operation is checked: an overflow is an `Err`, never a wrong value.
//! Shapley–Shubik values of `n` players have denominators dividing
//! lcm(1..n), which fits `u128` for the engine's player limit.

use std::cmp::Ordering;

/// A reduced fraction `num/den` with `den > 0`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Ratio {
    num: u128,
    den: u128,
}

/// The result of an arithmetic step that would not fit in `u128`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Overflow;

pub fn gcd(mut a: u128, mut b: u128) -> u128 {
    while b != 0 {
        let t = a % b;
        a = b;
        b = t;
    }
    a
}

impl Ratio {
    pub const ZERO: Ratio = Ratio { num: 0, den: 1 };
    pub const ONE: Ratio = Ratio { num: 1, den: 1 };

    /// `num/den`, reduced; `None` for a zero denominator.
    pub fn new(num: u128, den: u128) -> Option<Ratio> {
        if den == 0 {
            return None;
        }
        let g = gcd(num, den).max(1);
        Some(Ratio { num: num / g, den: den / g })
    }

    /// `num/den`, or zero when `den` is zero (an index of a game without swings).
    pub fn or_zero(num: u128, den: u128) -> Ratio {
        Ratio::new(num, den).unwrap_or(Ratio::ZERO)
    }

    pub fn numer(self) -> u128 {
        self.num
    }
    pub fn denom(self) -> u128 {
        self.den
    }

    pub fn checked_add(self, other: Ratio) -> Result<Ratio, Overflow> {
        let g = gcd(self.den, other.den).max(1);
        let left = other.den / g;
        let den = self.den.checked_mul(left).ok_or(Overflow)?;
        let a = self.num.checked_mul(left).ok_or(Overflow)?;
        let b = other.num.checked_mul(self.den / g).ok_or(Overflow)?;
        let num = a.checked_add(b).ok_or(Overflow)?;
        Ratio::new(num, den).ok_or(Overflow)
    }

    /// The sum of many fractions.
    pub fn sum(items: impl IntoIterator<Item = Ratio>) -> Result<Ratio, Overflow> {
        items.into_iter().try_fold(Ratio::ZERO, Ratio::checked_add)
    }

    /// Divide by a whole number.
    pub fn checked_div_int(self, k: u128) -> Result<Ratio, Overflow> {
        if k == 0 {
            return Err(Overflow);
        }
        let g = gcd(self.num, k).max(1);
        let den = self.den.checked_mul(k / g).ok_or(Overflow)?;
        Ratio::new(self.num / g, den).ok_or(Overflow)
    }

    /// For display and charts only.
    pub fn to_f64(self) -> f64 {
        self.num as f64 / self.den as f64
    }
}

impl Ord for Ratio {
    fn cmp(&self, other: &Self) -> Ordering {
        match (self.num.checked_mul(other.den), other.num.checked_mul(self.den)) {
            (Some(a), Some(b)) => a.cmp(&b),
            // Fractions too large to cross-multiply differ visibly as floats.
            _ => self.to_f64().total_cmp(&other.to_f64()),
        }
    }
}

impl PartialOrd for Ratio {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl std::fmt::Display for Ratio {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.den == 1 {
            write!(f, "{}", self.num)
        } else {
            write!(f, "{}/{}", self.num, self.den)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adds_and_reduces() {
        let a = Ratio::or_zero(1, 6);
        let b = Ratio::or_zero(1, 3);
        assert_eq!(a.checked_add(b), Ok(Ratio::or_zero(1, 2)));
        assert_eq!(Ratio::or_zero(4, 8).to_string(), "1/2");
        assert_eq!(Ratio::or_zero(3, 3).to_string(), "1");
        assert_eq!(Ratio::or_zero(2, 3).checked_div_int(4), Ok(Ratio::or_zero(1, 6)));
        assert!(Ratio::or_zero(1, 3) < Ratio::or_zero(1, 2));
        assert_eq!(Ratio::new(1, 0), None);
    }

    #[test]
    fn overflow_is_an_error() {
        let big = Ratio::or_zero(1, u128::MAX);
        assert_eq!(big.checked_add(Ratio::or_zero(1, u128::MAX - 1)), Err(Overflow));
    }
}
