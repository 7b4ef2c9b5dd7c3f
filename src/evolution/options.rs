//! Options of the evolution analyses.

use super::EvolutionError;
use crate::boundary::{BoundaryOptions, InterdependenceOptions};
use crate::snapshot::DerivationRules;

/// Options for [`series`](super::series) and [`compare`](super::compare). A builder.
#[derive(Debug, Clone, PartialEq)]
#[must_use]
pub struct EvolutionOptions {
    pub(crate) rules: DerivationRules,
    pub(crate) interdependence: InterdependenceOptions,
    pub(crate) boundary: BoundaryOptions,
    pub(crate) match_share: f64,
    pub(crate) enmity_change: f64,
    pub(crate) balance_change: f64,
}

impl Default for EvolutionOptions {
    fn default() -> Self {
        Self::new()
    }
}

impl EvolutionOptions {
    /// Defaults: default derivation rules, interdependence and boundary options; a complex
    /// keeps its identity from one year to the next when the Jaccard overlap of the member
    /// sets is at least 0.5; a change of at least 0.1 in the enmity share or in the strict
    /// triangle balance of the members' ties is an internal transformation.
    pub fn new() -> Self {
        Self {
            rules: DerivationRules::new(),
            interdependence: InterdependenceOptions::new(),
            boundary: BoundaryOptions::new(),
            match_share: 0.5,
            enmity_change: 0.1,
            balance_change: 0.1,
        }
    }
    crate::internal::options! {
        /// Derivation rules for the snapshots.
        rules(rules: DerivationRules), &get_rules;
        /// Interdependence options.
        interdependence(inter: InterdependenceOptions), &get_interdependence;
        /// Boundary options.
        boundary(boundary: BoundaryOptions), &get_boundary;
        /// The Jaccard overlap needed to keep a complex's identity, in `(0, 1]`.
        match_share(share: f64), get_match_share;
        /// The change in enmity share that counts as an internal transformation, in `(0, 1]`.
        enmity_change(change: f64), get_enmity_change;
        /// The change in the strict triangle balance of the members' ties that counts as an
        /// internal transformation, in `(0, 1]`.
        balance_change(change: f64), get_balance_change;
    }
    pub(crate) fn check(&self) -> Result<(), EvolutionError> {
        for (parameter, value) in [
            ("match_share", self.match_share),
            ("enmity_change", self.enmity_change),
            ("balance_change", self.balance_change),
        ] {
            if !(value > 0.0 && value <= 1.0) {
                return Err(EvolutionError::BadParameter { parameter, value });
            }
        }
        Ok(())
    }
}
