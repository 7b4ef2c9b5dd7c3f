//! Evolution: the four variables over time, complexes tracked across years, and the
//! transformations between two years with their causes (Buzan & Wæver 2003, p. 53;
//! theory [§2](crate::guide::theory#2-the-regional-security-complex)).
//!
//! | what | function |
//! |---|---|
//! | the state of every complex in each year of a range, and the events between years | [`series`] |
//! | the state of one year | [`year_state`] |
//! | the transformations between any two year states | [`compare`] |
//! | each organisation's membership timeline | [`membership_timeline`] |
//!
//! A transformation is one of: *status quo*; *internal* (same members, and the polarity
//! class, the poles, the character, or the enmity share beyond a threshold changed);
//! *external* (units joined or left, complexes merged or split, a complex appeared or
//! dissolved); *overlay* (outside global powers came to dominate). Every event lists its
//! causes: the units, ties and memberships that changed, with their evidence.

mod compare;
mod membership;
mod options;
mod series;
mod state;

pub use compare::{Cause, Event, Transformation, compare};
pub use membership::{MembershipSpan, membership_timeline};
pub use options::EvolutionOptions;
pub use series::{Series, series};
pub use state::{ComplexState, FRUSTRATION_NODE_LIMIT, TieState, WAR, YearState, year_state};

/// The longest year range [`series`] analyses: 10,000 years (one snapshot and boundary
/// analysis per year, so a range near the `i32` bounds is refused instead of running for
/// days).
pub const MAX_SERIES_YEARS: u32 = 10_000;

/// Errors of the `evolution` module.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum EvolutionError {
    /// The year range is empty.
    #[error("the year range {from}–{to} is empty")]
    EmptyRange {
        /// First year.
        from: crate::period::Year,
        /// Last year.
        to: crate::period::Year,
    },
    /// The year range is longer than [`MAX_SERIES_YEARS`] (one full analysis per year).
    #[error("the year range {from}–{to} spans more than {limit} years")]
    RangeTooLong {
        /// First year.
        from: crate::period::Year,
        /// Last year.
        to: crate::period::Year,
        /// The most years a series takes.
        limit: u32,
    },
    /// An option is out of range.
    #[error("evolution option {parameter} = {value} is out of range")]
    BadParameter {
        /// The option.
        parameter: &'static str,
        /// The value.
        value: f64,
    },
    /// Taking a snapshot failed.
    #[error(transparent)]
    Snapshot(#[from] crate::snapshot::SnapshotError),
    /// The boundary analysis failed.
    #[error(transparent)]
    Boundary(#[from] crate::boundary::BoundaryError),
}
