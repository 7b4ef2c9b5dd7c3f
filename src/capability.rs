//! Capability observations: a unit's material power in a year.

use crate::period::Year;
use serde::Serialize;

/// Errors from constructing a [`CapabilityObservation`].
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum CapabilityError {
    /// The value is NaN, infinite or negative.
    #[error("capability of {unit} in {year}: value {value} is not a finite non-negative number")]
    BadValue {
        /// The unit.
        unit: String,
        /// The year.
        year: Year,
        /// The value given.
        value: f64,
    },
    /// The source is empty.
    #[error("capability of {unit} in {year}: no source given")]
    NoSource {
        /// The unit.
        unit: String,
        /// The year.
        year: Year,
    },
}

/// One observation of a unit's capability in a year (for example its COW CINC score), with
/// its source.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CapabilityObservation {
    unit: String,
    year: Year,
    value: f64,
    source: String,
}

impl CapabilityObservation {
    /// An observation of `unit`'s capability `value` in `year`, from `source`.
    ///
    /// # Errors
    /// [`CapabilityError`] when the value is NaN, infinite or negative, or the source empty.
    ///
    /// ```
    /// let c = rsct::CapabilityObservation::new("RUS", 2001, 0.0578, "COW NMC 6.0 (cinc)")?;
    /// assert_eq!(c.value(), 0.0578);
    /// # Ok::<(), rsct::CapabilityError>(())
    /// ```
    pub fn new(unit: &str, year: Year, value: f64, source: &str) -> Result<Self, CapabilityError> {
        if !(value.is_finite() && value >= 0.0) {
            return Err(CapabilityError::BadValue {
                unit: unit.to_owned(),
                year,
                value,
            });
        }
        if source.trim().is_empty() {
            return Err(CapabilityError::NoSource {
                unit: unit.to_owned(),
                year,
            });
        }
        Ok(Self {
            unit: unit.to_owned(),
            year,
            value,
            source: source.to_owned(),
        })
    }

    pub(crate) fn new_unchecked(unit: &str, year: Year, value: f64, source: &str) -> Self {
        Self {
            unit: unit.to_owned(),
            year,
            value,
            source: source.to_owned(),
        }
    }

    /// The unit.
    #[must_use]
    pub fn unit(&self) -> &str {
        &self.unit
    }
    /// The year.
    #[must_use]
    pub fn year(&self) -> Year {
        self.year
    }
    /// The value (finite, ≥ 0).
    #[must_use]
    pub fn value(&self) -> f64 {
        self.value
    }
    /// The source.
    #[must_use]
    pub fn source(&self) -> &str {
        &self.source
    }
}
