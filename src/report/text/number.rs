//! Numbers for people, formatted in one place: fixed decimals without a negative zero,
//! percentages, counts as whole numbers.

use std::fmt;

/// `x` with `decimals` digits after the point, never `-0` (a value that rounds to zero is
/// shown as `0`, `0.00`, …); NaN as `n/a`, infinities as `∞` and `−∞`.
///
/// ```
/// use rsct::report::fixed;
/// assert_eq!(fixed(-0.0004, 2), "0.00");
/// assert_eq!(fixed(-1.256, 2), "-1.26");
/// assert_eq!(fixed(0.5, 0), "0");
/// ```
#[must_use]
pub fn fixed(x: f64, decimals: usize) -> String {
    if x.is_nan() {
        return "n/a".to_owned();
    }
    if x.is_infinite() {
        return if x > 0.0 { "∞" } else { "−∞" }.to_owned();
    }
    let s = format!("{x:.decimals$}");
    match s.strip_prefix('-') {
        Some(rest) if rest.bytes().all(|b| b == b'0' || b == b'.') => rest.to_owned(),
        _ => s,
    }
}

/// A share in `[0, 1]` as a percentage with `decimals` digits: `percent(0.473, 0)` is
/// `"47 %"` (a space before the sign, as everywhere in the crate's reports).
///
/// ```
/// use rsct::report::percent;
/// assert_eq!(percent(0.473, 0), "47 %");
/// assert_eq!(percent(-0.001, 1), "-0.1 %");
/// assert_eq!(percent(-0.0001, 0), "0 %");
/// ```
#[must_use]
pub fn percent(share: f64, decimals: usize) -> String {
    format!("{} %", fixed(share * 100.0, decimals))
}

/// An amount that is a count when it is whole (a frustration index of unweighted ties, a
/// number of triangles held in a float): shown as an integer then, else with `decimals`
/// digits.
///
/// ```
/// use rsct::report::count;
/// assert_eq!(count(11.0, 2), "11");
/// assert_eq!(count(2.5, 2), "2.50");
/// assert_eq!(count(-0.0, 2), "0");
/// ```
#[must_use]
pub fn count(x: f64, decimals: usize) -> String {
    if x.is_finite() && x.fract() == 0.0 && x.abs() < 9.0e15 {
        fixed(x, 0)
    } else {
        fixed(x, decimals)
    }
}

/// `Some(x)` with [`fixed`], `None` as `—`.
pub(crate) fn opt(x: Option<f64>, decimals: usize) -> String {
    x.map_or_else(|| "—".to_owned(), |v| fixed(v, decimals))
}

/// A list of names, or `none`.
pub(crate) struct List<'a, S>(pub &'a [S]);

impl<S: AsRef<str>> fmt::Display for List<'_, S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_empty() {
            return f.write_str("none");
        }
        super::join(f, self.0.iter().map(AsRef::as_ref), ", ")
    }
}

/// `x` with [`fixed`] and an explicit `+` when positive: a net weight of amity or enmity.
///
/// ```
/// use rsct::report::signed;
/// assert_eq!(signed(0.8, 2), "+0.80");
/// assert_eq!(signed(-0.4, 1), "-0.4");
/// assert_eq!(signed(-0.001, 2), "0.00");
/// ```
#[must_use]
pub fn signed(x: f64, decimals: usize) -> String {
    let s = fixed(x, decimals);
    if s.starts_with('-') || s.bytes().all(|b| b == b'0' || b == b'.') || x.is_nan() {
        s
    } else {
        format!("+{s}")
    }
}
