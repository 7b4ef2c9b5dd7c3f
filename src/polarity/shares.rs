//! Capability shares of a set of units.

use super::PolarityError;
use crate::dataset::Dataset;
use crate::period::Year;
use std::collections::{BTreeMap, HashSet};

/// What to do when a unit has no capability observation in the year asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum MissingPolicy {
    /// A typed error naming the unit (the default).
    #[default]
    Error,
    /// Use the unit's latest earlier observation (an error if there is none).
    CarryForward,
    /// Count the unit with zero capability.
    Zero,
}

/// Capability shares of a set of units: non-negative, summing to 1, in the order given.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Shares {
    units: Vec<String>,
    values: Vec<f64>,
    shares: Vec<f64>,
    /// Positions sorted by share, largest first; ties by unit identifier.
    #[serde(skip)]
    order: Vec<usize>,
}

impl Shares {
    /// Shares from `(unit, capability)` pairs.
    ///
    /// # Errors
    /// [`PolarityError::EmptySet`], [`PolarityError::NotFinite`],
    /// [`PolarityError::Negative`], [`PolarityError::DuplicateUnit`] or
    /// [`PolarityError::AllZero`].
    ///
    /// ```
    /// let s = rsct::polarity::Shares::from_values([("A", 3.0), ("B", 1.0)])?;
    /// assert_eq!(s.share("A"), Some(0.75));
    /// # Ok::<(), rsct::polarity::PolarityError>(())
    /// ```
    pub fn from_values<S: AsRef<str>>(
        values: impl IntoIterator<Item = (S, f64)>,
    ) -> Result<Self, PolarityError> {
        let mut units: Vec<String> = Vec::new();
        let mut vals = Vec::new();
        for (u, v) in values {
            let u = u.as_ref();
            if !v.is_finite() {
                return Err(PolarityError::NotFinite {
                    unit: u.to_owned(),
                    value: v,
                });
            }
            if v < 0.0 {
                return Err(PolarityError::Negative {
                    unit: u.to_owned(),
                    value: v,
                });
            }
            units.push(u.to_owned());
            vals.push(v);
        }
        if units.is_empty() {
            return Err(PolarityError::EmptySet);
        }
        let total: f64 = vals.iter().sum();
        if total <= 0.0 {
            return Err(PolarityError::AllZero { count: units.len() });
        }
        let shares: Vec<f64> = if total.is_finite() {
            vals.iter().map(|v| v / total).collect()
        } else {
            // The sum of finite values overflowed (values near f64::MAX): scale by the
            // largest first.
            let max = vals.iter().copied().fold(0.0, f64::max);
            let scaled: f64 = vals.iter().map(|v| v / max).sum();
            vals.iter().map(|v| v / max / scaled).collect()
        };
        let mut by_name: Vec<usize> = (0..units.len()).collect();
        by_name.sort_unstable_by(|&a, &b| units[a].cmp(&units[b]));
        if let Some(w) = by_name.windows(2).find(|w| units[w[0]] == units[w[1]]) {
            return Err(PolarityError::DuplicateUnit {
                unit: units[w[0]].clone(),
            });
        }
        let mut order = by_name;
        order.sort_by(|&a, &b| shares[b].total_cmp(&shares[a]));
        Ok(Self {
            units,
            values: vals,
            shares,
            order,
        })
    }

    /// The units, in the order given.
    #[must_use]
    pub fn units(&self) -> &[String] {
        &self.units
    }
    /// The raw capability values, in the order of [`Shares::units`].
    #[must_use]
    pub fn values(&self) -> &[f64] {
        &self.values
    }
    /// The shares, in the order of [`Shares::units`].
    #[must_use]
    pub fn shares(&self) -> &[f64] {
        &self.shares
    }
    /// The share of `unit`.
    #[must_use]
    pub fn share(&self, unit: &str) -> Option<f64> {
        self.units
            .iter()
            .position(|u| u == unit)
            .map(|i| self.shares[i])
    }
    /// The number of units.
    #[must_use]
    pub fn len(&self) -> usize {
        self.units.len()
    }
    /// Always `false`: a `Shares` has at least one unit.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.units.is_empty()
    }
    /// `(unit, share)` sorted by share, largest first; ties by unit identifier.
    #[must_use]
    pub fn ranked(&self) -> Vec<(&str, f64)> {
        self.ranked_iter().collect()
    }

    /// `(unit, share)` by share, largest first; ties by unit identifier — without allocating.
    pub fn ranked_iter(&self) -> impl Iterator<Item = (&str, f64)> + '_ {
        self.order
            .iter()
            .map(|&i| (self.units[i].as_str(), self.shares[i]))
    }

    /// The leading unit and its share (ties by unit identifier).
    #[must_use]
    pub fn leader(&self) -> (&str, f64) {
        let i = self.order[0];
        (&self.units[i], self.shares[i])
    }
}

/// The capability shares of `units` in `year`, from the data set's capability observations.
///
/// # Complexity
/// O(C + k) for C observations and k units.
///
/// # Errors
/// [`PolarityError::UnknownUnit`] for a unit the data set does not have;
/// [`PolarityError::Missing`] for a missing observation under [`MissingPolicy::Error`] (or
/// with nothing to carry forward); otherwise as [`Shares::from_values`].
///
/// # Example
/// ```
/// use rsct::{CapabilityObservation, Dataset, Unit};
/// use rsct::polarity::{capability_shares, MissingPolicy};
/// let ds = Dataset::builder()
///     .unit(Unit::state("RUS", "Russia")?)
///     .unit(Unit::state("BLR", "Belarus")?)
///     .capability(CapabilityObservation::new("RUS", 2000, 0.06, "COW NMC 6.0")?)
///     .capability(CapabilityObservation::new("BLR", 1999, 0.002, "COW NMC 6.0")?)
///     .build()?;
/// assert!(capability_shares(&ds, &["RUS", "BLR"], 2000, MissingPolicy::Error).is_err());
/// let s = capability_shares(&ds, &["RUS", "BLR"], 2000, MissingPolicy::CarryForward)?;
/// assert!((s.share("RUS").unwrap() - 0.06 / 0.062).abs() < 1e-12);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn capability_shares<S: AsRef<str>>(
    dataset: &Dataset,
    units: &[S],
    year: Year,
    policy: MissingPolicy,
) -> Result<Shares, PolarityError> {
    // Latest observation at or before `year` per unit, and the exact one.
    let wanted: HashSet<&str> = units.iter().map(AsRef::as_ref).collect();
    let mut exact: BTreeMap<&str, f64> = BTreeMap::new();
    let mut latest: BTreeMap<&str, (Year, f64)> = BTreeMap::new();
    for c in dataset.capabilities() {
        if !wanted.contains(c.unit()) || c.year() > year {
            continue;
        }
        if c.year() == year {
            exact.insert(c.unit(), c.value());
        }
        let e = latest.entry(c.unit()).or_insert((c.year(), c.value()));
        if c.year() >= e.0 {
            *e = (c.year(), c.value());
        }
    }
    let mut values = Vec::with_capacity(units.len());
    for u in units {
        let u = u.as_ref();
        if dataset.unit(u).is_none() {
            return Err(PolarityError::UnknownUnit { unit: u.to_owned() });
        }
        let v = match (exact.get(u), policy) {
            (Some(&v), _) => v,
            (None, MissingPolicy::Zero) => 0.0,
            (None, MissingPolicy::CarryForward) => match latest.get(u) {
                Some(&(_, v)) => v,
                None => {
                    return Err(PolarityError::Missing {
                        unit: u.to_owned(),
                        year,
                        carry: true,
                    });
                }
            },
            (None, _) => {
                return Err(PolarityError::Missing {
                    unit: u.to_owned(),
                    year,
                    carry: false,
                });
            }
        };
        values.push((u, v));
    }
    Shares::from_values(values)
}
