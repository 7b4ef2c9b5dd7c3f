//! Options of the evolution analyses.

use super::EvolutionError;
use crate::boundary::{BoundaryOptions, InterdependenceOptions};
use crate::snapshot::DerivationRules;

crate::internal::builder! {
    /// Options for [`series`](super::series) and [`compare`](super::compare). A builder.
    #[derive(Debug, Clone, PartialEq)]
    pub struct EvolutionOptions { pub(crate) fields };
    /// Defaults: default derivation rules, interdependence and boundary options; a complex
    /// keeps its identity from one year to the next when the Jaccard overlap of the member
    /// sets is at least 0.5; a change of at least 0.1 in the enmity share or in the strict
    /// triangle balance of the members' ties is an internal transformation.
    fn new();
    /// Derivation rules for the snapshots.
    rules(rules: DerivationRules) = DerivationRules::new(), &get_rules;
    /// Interdependence options.
    interdependence(inter: InterdependenceOptions) = InterdependenceOptions::new(), &get_interdependence;
    /// Boundary options.
    boundary(boundary: BoundaryOptions) = BoundaryOptions::new(), &get_boundary;
    /// The Jaccard overlap needed to keep a complex's identity, in `(0, 1]`.
    match_share(share: f64) = 0.5, get_match_share;
    /// The change in enmity share that counts as an internal transformation, in `(0, 1]`.
    enmity_change(change: f64) = 0.1, get_enmity_change;
    /// The change in the strict triangle balance of the members' ties that counts as an
    /// internal transformation, in `(0, 1]`.
    balance_change(change: f64) = 0.1, get_balance_change;
}

impl EvolutionOptions {
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
