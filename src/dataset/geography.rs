//! Borders (contiguity) and power classes as data: dated items with evidence.

use crate::evidence::Evidence;
use crate::id::{IdError, check_id};
use crate::period::Period;
use crate::polarity::PowerClass;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::sync::Arc;

/// How two units are contiguous, as COW Direct Contiguity v3.2 codes it (Stinnett et al.
/// 2002): by land (type 1) or separated by at most 12, 24, 150 or 400 miles of water (types
/// 2–5). Ordered from closest to farthest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Contiguity {
    /// A shared land border (or a river), COW type 1.
    Land,
    /// Separated by at most 12 miles of water, COW type 2.
    Sea12,
    /// Separated by at most 24 miles of water, COW type 3.
    Sea24,
    /// Separated by at most 150 miles of water, COW type 4.
    Sea150,
    /// Separated by at most 400 miles of water, COW type 5.
    Sea400,
}

/// The two kinds of contiguity named in data files: `land` or `sea` (with `sea_miles`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ContiguityKind {
    /// By land.
    Land,
    /// By sea, within a stated distance.
    Sea,
}

impl Contiguity {
    /// All types, closest first.
    pub const ALL: [Contiguity; 5] = [
        Contiguity::Land,
        Contiguity::Sea12,
        Contiguity::Sea24,
        Contiguity::Sea150,
        Contiguity::Sea400,
    ];

    /// Contiguity by sea within `miles` (12, 24, 150 or 400); `None` for any other distance.
    #[must_use]
    pub fn sea(miles: u32) -> Option<Self> {
        match miles {
            12 => Some(Contiguity::Sea12),
            24 => Some(Contiguity::Sea24),
            150 => Some(Contiguity::Sea150),
            400 => Some(Contiguity::Sea400),
            _ => None,
        }
    }
    /// The type from a COW `conttype` code (1–5).
    #[must_use]
    pub fn from_cow_code(code: u8) -> Option<Self> {
        Self::ALL.get(usize::from(code).checked_sub(1)?).copied()
    }
    /// The COW `conttype` code (1–5).
    #[must_use]
    pub fn cow_code(self) -> u8 {
        match self {
            Contiguity::Land => 1,
            Contiguity::Sea12 => 2,
            Contiguity::Sea24 => 3,
            Contiguity::Sea150 => 4,
            Contiguity::Sea400 => 5,
        }
    }
    /// Land or sea.
    #[must_use]
    pub fn kind(self) -> ContiguityKind {
        match self {
            Contiguity::Land => ContiguityKind::Land,
            _ => ContiguityKind::Sea,
        }
    }
    /// The largest water distance in miles, `None` for land.
    #[must_use]
    pub fn sea_miles(self) -> Option<u32> {
        match self {
            Contiguity::Land => None,
            Contiguity::Sea12 => Some(12),
            Contiguity::Sea24 => Some(24),
            Contiguity::Sea150 => Some(150),
            Contiguity::Sea400 => Some(400),
        }
    }
}

impl fmt::Display for Contiguity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.sea_miles() {
            None => f.write_str("land"),
            Some(m) => write!(f, "sea ≤ {m} miles"),
        }
    }
}

/// Errors from constructing a [`Border`] or a [`PowerClassification`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum GeographyError {
    /// A unit identifier is not valid.
    #[error("unit identifier: {source}")]
    Id {
        /// The problem.
        source: IdError,
    },
    /// A border of a unit with itself.
    #[error("border of {unit} with itself")]
    SelfBorder {
        /// The unit.
        unit: String,
    },
    /// An item without (non-blank) evidence.
    #[error("{what}: no evidence given")]
    NoEvidence {
        /// The item (`border A–B`, `power class of A`).
        what: String,
    },
    /// A power class outside superpower, great power and regional power.
    #[error("power class of {unit}: only superpower, great power or regional power can be stated")]
    UnstatedClass {
        /// The unit.
        unit: String,
    },
}

/// Two units' contiguity over a period, with evidence: the geography a data set hands to
/// the interdependence as proximity (theory [§3](crate::guide::theory#3-boundaries): threats travel more easily over short
/// distances). The pair is unordered.
#[derive(Debug, Clone, PartialEq)]
pub struct Border {
    a: String,
    b: String,
    contiguity: Contiguity,
    period: Period,
    evidence: Arc<[Evidence]>,
}

impl Border {
    /// A border between `a` and `b` over `period`.
    ///
    /// # Errors
    /// [`GeographyError::Id`], [`GeographyError::SelfBorder`], [`GeographyError::NoEvidence`].
    ///
    /// ```
    /// use rsct::{Border, Contiguity, Evidence, Period};
    /// let ev = Evidence::cited("land border", "external: COW Direct Contiguity v3.2")?;
    /// let b = Border::new("RUS", "UKR", Contiguity::Land, Period::between(1991, 2013)?, vec![ev])?;
    /// assert_eq!(b.contiguity().sea_miles(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(
        a: &str,
        b: &str,
        contiguity: Contiguity,
        period: Period,
        evidence: Vec<Evidence>,
    ) -> Result<Self, GeographyError> {
        for id in [a, b] {
            check_id(id).map_err(|source| GeographyError::Id { source })?;
        }
        if a == b {
            return Err(GeographyError::SelfBorder { unit: a.to_owned() });
        }
        if evidence.is_empty() || !evidence.iter().all(Evidence::is_valid) {
            return Err(GeographyError::NoEvidence {
                what: format!("border {a}–{b}"),
            });
        }
        Ok(Self::new_unchecked(a, b, contiguity, period, evidence))
    }

    pub(crate) fn new_unchecked(
        a: &str,
        b: &str,
        contiguity: Contiguity,
        period: Period,
        evidence: Vec<Evidence>,
    ) -> Self {
        Self {
            a: a.to_owned(),
            b: b.to_owned(),
            contiguity,
            period,
            evidence: evidence.into(),
        }
    }

    crate::internal::getters! {
        /// The first unit, as given.
        a: &str;
        /// The second unit, as given.
        b: &str;
    }
    /// The pair with the smaller identifier first.
    #[must_use]
    pub fn pair(&self) -> (&str, &str) {
        crate::internal::ordered_pair(&self.a, &self.b)
    }
    crate::internal::getters! {
        /// Land or sea within a distance.
        contiguity: Contiguity;
        /// The years the border holds, both ends inclusive.
        period: Period;
        /// The citations.
        evidence: &[Evidence];
    }
}

/// A user's statement of a unit's global power class (Buzan & Wæver 2003, pp. 34–37) over a
/// period, with evidence. Only superpower, great power and regional power can be stated.
#[derive(Debug, Clone, PartialEq)]
pub struct PowerClassification {
    unit: String,
    class: PowerClass,
    period: Period,
    evidence: Arc<[Evidence]>,
}

impl PowerClassification {
    /// `unit` holds `class` over `period`.
    ///
    /// # Errors
    /// [`GeographyError::Id`], [`GeographyError::UnstatedClass`] for
    /// [`PowerClass::Other`], [`GeographyError::NoEvidence`].
    ///
    /// ```
    /// use rsct::{Evidence, Period, PowerClassification};
    /// use rsct::polarity::PowerClass;
    /// let ev = Evidence::cited("Russia a great power", "external: Buzan & Waever 2003, p. 37")?;
    /// let c = PowerClassification::new("RUS", PowerClass::GreatPower, Period::from_year(1991), vec![ev])?;
    /// assert_eq!(c.class(), PowerClass::GreatPower);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(
        unit: &str,
        class: PowerClass,
        period: Period,
        evidence: Vec<Evidence>,
    ) -> Result<Self, GeographyError> {
        check_id(unit).map_err(|source| GeographyError::Id { source })?;
        if class == PowerClass::Other {
            return Err(GeographyError::UnstatedClass {
                unit: unit.to_owned(),
            });
        }
        if evidence.is_empty() || !evidence.iter().all(Evidence::is_valid) {
            return Err(GeographyError::NoEvidence {
                what: format!("power class of {unit}"),
            });
        }
        Ok(Self::new_unchecked(unit, class, period, evidence))
    }

    pub(crate) fn new_unchecked(
        unit: &str,
        class: PowerClass,
        period: Period,
        evidence: Vec<Evidence>,
    ) -> Self {
        Self {
            unit: unit.to_owned(),
            class,
            period,
            evidence: evidence.into(),
        }
    }

    crate::internal::getters! {
        /// The unit.
        unit: &str;
        /// The class.
        class: PowerClass;
        /// The years the class holds.
        period: Period;
        /// The citations.
        evidence: &[Evidence];
    }
}
