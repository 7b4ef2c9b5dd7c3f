//! Periods of validity in whole years.
//!
//! **Convention: both ends are inclusive.** `Period::between(1992, 1999)` covers the eight
//! years 1992, 1993, …, 1999; `Period::from_year(2002)` is open-ended and covers 2002 and every
//! later year. A period covering a single year has `from == to`. The same convention is used
//! everywhere in the crate (memberships, relations, unit existence, snapshots) and in the data
//! set files (`period = { from = 1992, to = 1999 }`).

use serde::Serialize;
use std::fmt;

/// A year, as a signed integer (years before the common era are negative).
pub type Year = i32;

/// Errors from constructing a [`Period`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PeriodError {
    /// The end year lies before the start year, so the period would be empty.
    #[error("period {from}–{to} is empty: the end year {to} is before the start year {from}")]
    Reversed {
        /// The start year given.
        from: Year,
        /// The end year given.
        to: Year,
    },
}

/// A non-empty span of whole years, both ends inclusive, possibly open-ended.
///
/// **Convention: both ends are inclusive.** `Period::between(1992, 1999)` covers the eight
/// years 1992, 1993, …, 1999; `Period::from_year(2002)` is open-ended and covers 2002 and every
/// later year. A period covering a single year has `from == to`. The same convention is used
/// everywhere in the crate (memberships, relations, unit existence, snapshots) and in the data
/// set files (`period = { from = 1992, to = 1999 }`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Period {
    from: Year,
    #[serde(skip_serializing_if = "Option::is_none")]
    to: Option<Year>,
}

impl Period {
    /// A period from `from` to `to`, both inclusive.
    ///
    /// # Errors
    /// [`PeriodError::Reversed`] when `to < from`.
    ///
    /// ```
    /// let p = rsct::Period::between(1992, 1999)?;
    /// assert!(p.contains(1992) && p.contains(1999) && !p.contains(2000));
    /// # Ok::<(), rsct::PeriodError>(())
    /// ```
    pub fn between(from: Year, to: Year) -> Result<Self, PeriodError> {
        Self::new(from, Some(to))
    }

    /// An open-ended period starting in `from` (inclusive).
    #[must_use]
    pub fn from_year(from: Year) -> Self {
        Self { from, to: None }
    }

    /// A period of one year.
    #[must_use]
    pub fn year(year: Year) -> Self {
        Self {
            from: year,
            to: Some(year),
        }
    }

    /// A period from `from` to `to` (inclusive), open-ended when `to` is `None`.
    ///
    /// # Errors
    /// [`PeriodError::Reversed`] when `to < from`.
    pub fn new(from: Year, to: Option<Year>) -> Result<Self, PeriodError> {
        match to {
            Some(to) if to < from => Err(PeriodError::Reversed { from, to }),
            _ => Ok(Self { from, to }),
        }
    }

    /// A period with no check of its ends; validation reports a reversed one.
    pub(crate) fn new_unchecked(from: Year, to: Option<Year>) -> Self {
        Self { from, to }
    }

    /// Whether the end lies before the start (only possible for unchecked periods).
    pub(crate) fn is_reversed(&self) -> bool {
        self.to.is_some_and(|to| to < self.from)
    }

    /// The years both periods share, if any.
    #[must_use]
    pub fn intersection(&self, other: &Period) -> Option<Period> {
        if !self.overlaps(other) {
            return None;
        }
        let from = self.from.max(other.from);
        let to = match (self.to, other.to) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        Some(Period { from, to })
    }

    /// The first year of the period.
    #[must_use]
    pub fn start(&self) -> Year {
        self.from
    }

    /// The last year of the period, or `None` when open-ended.
    #[must_use]
    pub fn end(&self) -> Option<Year> {
        self.to
    }

    /// Whether `year` lies within the period (both ends inclusive).
    #[must_use]
    pub fn contains(&self, year: Year) -> bool {
        year >= self.from && self.to.is_none_or(|to| year <= to)
    }

    /// Whether the two periods share at least one year.
    #[must_use]
    pub fn overlaps(&self, other: &Period) -> bool {
        let a_ends_before = self.to.is_some_and(|to| to < other.from);
        let b_ends_before = other.to.is_some_and(|to| to < self.from);
        !(a_ends_before || b_ends_before)
    }

    /// Whether `other` lies entirely within `self`.
    #[must_use]
    pub fn covers(&self, other: &Period) -> bool {
        other.from >= self.from
            && match (self.to, other.to) {
                (None, _) => true,
                (Some(_), None) => false,
                (Some(a), Some(b)) => b <= a,
            }
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.to {
            Some(to) if to == self.from => write!(f, "{}", self.from),
            Some(to) => write!(f, "{}–{}", self.from, to),
            None => write!(f, "{}–", self.from),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inclusive_ends_and_open_end() -> Result<(), PeriodError> {
        let p = Period::between(1992, 1999)?;
        assert!(!p.contains(1991));
        assert!(p.contains(1992));
        assert!(p.contains(1999));
        assert!(!p.contains(2000));
        let open = Period::from_year(2002);
        assert!(open.contains(3000));
        assert!(!open.contains(2001));
        Ok(())
    }

    #[test]
    fn reversed_is_an_error() {
        assert_eq!(
            Period::between(2000, 1999),
            Err(PeriodError::Reversed {
                from: 2000,
                to: 1999
            })
        );
        assert!(Period::between(2000, 2000).is_ok());
    }

    #[test]
    fn overlap_and_cover() -> Result<(), PeriodError> {
        let a = Period::between(1990, 1995)?;
        let b = Period::between(1995, 2000)?;
        let c = Period::between(1996, 2000)?;
        assert!(a.overlaps(&b) && b.overlaps(&a));
        assert!(!a.overlaps(&c) && !c.overlaps(&a));
        assert!(!Period::from_year(1999).overlaps(&a));
        assert!(Period::from_year(1995).overlaps(&a));
        assert!(Period::from_year(1990).covers(&c));
        assert!(!a.covers(&Period::from_year(1991)));
        assert_eq!(Period::year(2001).to_string(), "2001");
        assert_eq!(a.to_string(), "1990–1995");
        Ok(())
    }
}
