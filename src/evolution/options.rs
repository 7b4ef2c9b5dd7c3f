//! Options of the evolution analyses.

use super::EvolutionError;
use crate::boundary::{BoundaryOptions, InterdependenceOptions};
use crate::snapshot::DerivationRules;

/// Options for [`series`](super::series) and [`compare`](super::compare). A builder.
#[derive(Debug, Clone, PartialEq)]
#[must_use]
pub struct EvolutionOptions {
    pub(crate) rules: DerivationRules,
    pub(crate) inter: InterdependenceOptions,
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
            inter: InterdependenceOptions::new(),
            boundary: BoundaryOptions::new(),
            match_share: 0.5,
            enmity_change: 0.1,
            balance_change: 0.1,
        }
    }
    /// Derivation rules for the snapshots.
    pub fn rules(mut self, rules: DerivationRules) -> Self {
        self.rules = rules;
        self
    }
    /// Interdependence options.
    pub fn interdependence(mut self, inter: InterdependenceOptions) -> Self {
        self.inter = inter;
        self
    }
    crate::internal::setters! {
        /// Boundary options.
        boundary(boundary: BoundaryOptions);
        /// The Jaccard overlap needed to keep a complex's identity, in `(0, 1]`.
        match_share(share: f64);
        /// The change in enmity share that counts as an internal transformation, in `(0, 1]`.
        enmity_change(change: f64);
        /// The change in the strict triangle balance of the members' ties that counts as an
        /// internal transformation, in `(0, 1]`.
        balance_change(change: f64);
    }
    /// The derivation rules.
    pub fn derivation_rules(&self) -> &DerivationRules {
        &self.rules
    }
    /// The interdependence options.
    pub fn interdependence_options(&self) -> &InterdependenceOptions {
        &self.inter
    }
    /// The boundary options.
    pub fn boundary_options(&self) -> &BoundaryOptions {
        &self.boundary
    }
    /// The Jaccard overlap needed to keep a complex's identity.
    #[must_use]
    pub fn match_share_value(&self) -> f64 {
        self.match_share
    }
    /// The enmity-share change that counts as an internal transformation.
    #[must_use]
    pub fn enmity_change_value(&self) -> f64 {
        self.enmity_change
    }
    /// The triangle-balance change that counts as an internal transformation.
    #[must_use]
    pub fn balance_change_value(&self) -> f64 {
        self.balance_change
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
