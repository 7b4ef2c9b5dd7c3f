//! Polarity: the distribution of power among the units of a complex (theory [§1](crate::guide::theory#1-units-relations-and-levels), [§4](crate::guide::theory#4-polarity)).
//!
//! | step | function |
//! |---|---|
//! | capability shares of a unit set in a year, with a policy for missing values | [`capability_shares`], [`Shares::from_values`] |
//! | concentration measures: HHI, effective number of poles, CON, leader's share, leader/second ratio, top-k | [`measures`] |
//! | poles and the polarity class (unipolar, bipolar, multipolar, no pole) | [`identify_poles`], [`PoleRule`] |
//! | global power classes (superpower, great power, regional power), with overrides and the Buzan–Wæver "1 + 4" preset | [`classify_powers`], [`PowerClassRules`], [`Classification`] |
//! | centredness of a unit set | [`centredness`] |
//!
//! All functions are deterministic and never panic on bad input: NaN, negative values, empty
//! sets, all-zero capabilities and missing observations are typed [`PolarityError`]s naming
//! the unit.

mod centred;
mod classes;
mod measures;
mod poles;
mod shares;

pub use centred::{CentredOn, Centredness, centredness};
pub use classes::{Classification, PowerClass, PowerClassRules, classify_powers};
pub use measures::{PolarityMeasures, measures};
pub use poles::{Polarity, PoleRule, Poles, identify_poles};
pub use shares::{MissingPolicy, Shares, capability_shares};

use crate::period::Year;

/// Errors of the `polarity` module.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum PolarityError {
    /// No unit to measure.
    #[error("the unit set is empty")]
    EmptySet,
    /// A capability value is NaN or infinite.
    #[error("unit {unit}: capability {value} is not a finite number")]
    NotFinite {
        /// The unit.
        unit: String,
        /// The value.
        value: f64,
    },
    /// A capability value is negative.
    #[error("unit {unit}: capability {value} is negative")]
    Negative {
        /// The unit.
        unit: String,
        /// The value.
        value: f64,
    },
    /// Every unit has zero capability, so shares are undefined.
    #[error("all {count} units have zero capability; shares are undefined")]
    AllZero {
        /// The number of units.
        count: usize,
    },
    /// A unit appears twice.
    #[error("unit {unit} appears twice")]
    DuplicateUnit {
        /// The unit.
        unit: String,
    },
    /// A unit is not in the data set.
    #[error("unit {unit} is not in the data set")]
    UnknownUnit {
        /// The unit.
        unit: String,
    },
    /// A unit has no capability observation for the year (under [`MissingPolicy::Error`], or
    /// with no earlier observation to carry forward).
    #[error("unit {unit} has no capability observation for {year}{}", if *carry { " nor any earlier one to carry forward" } else { "" })]
    Missing {
        /// The unit.
        unit: String,
        /// The year.
        year: Year,
        /// Whether carrying forward was tried.
        carry: bool,
    },
    /// A rule parameter is out of range.
    #[error("{parameter} = {value} is out of range: {expected}")]
    BadParameter {
        /// The parameter.
        parameter: &'static str,
        /// The value given.
        value: f64,
        /// What is allowed.
        expected: &'static str,
    },
}
