//! Boundaries: which security complexes exist, who is in each, who stands between them, who
//! penetrates them, what type each is, and why (theory [§2](crate::guide::theory#2-the-regional-security-complex)–[§3](crate::guide::theory#3-boundaries)).
//!
//! The pipeline, from a [`SecurityGraph`](crate::SecurityGraph):
//!
//! 1. [`interdependence`] — the interdependence graph (amity and enmity alike, plus an
//!    optional proximity term);
//! 2. [`detect_complexes`] — superpowers set apart; the rest partitioned by seeded Louvain
//!    modularity with a resolution parameter; each candidate put to the qualification test;
//! 3. [`analyse`] — the whole report: boundary metrics, insulators, buffer states,
//!    penetration and overlay, sub-complexes, polarity and type, amity–enmity character,
//!    supercomplexes — a [`BoundaryReport`] with `Display`, serde and
//!    [`BoundaryReport::explain`].
//!
//! Every threshold is in [`BoundaryOptions`], documented with its default.

mod ari;
mod classify;
mod detect;
mod interdependence;
mod louvain;
mod metrics;
mod report;
mod roles;

pub use ari::adjusted_rand_index;
pub use classify::{Character, ComplexType};
pub use detect::{Candidate, Detection, Qualification, detect_complexes};
pub use interdependence::{
    Interdependence, InterdependenceGraph, InterdependenceOptions, interdependence,
};
pub use metrics::BoundaryMetrics;
pub use report::{
    BoundaryReport, ComplexPolarity, ComplexReport, analyse, analyse_interdependence,
};
pub use roles::{BufferState, Insulator, Overlay, Penetration};

use crate::polarity::{Classification, PoleRule};

/// Errors of the `boundary` module.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum BoundaryError {
    /// An option is out of range.
    #[error("boundary option {parameter} = {value} is out of range")]
    BadParameter {
        /// The option.
        parameter: &'static str,
        /// The value given.
        value: f64,
    },
    /// A unit identifier is given twice.
    #[error("unit {unit} is given twice")]
    DuplicateUnit {
        /// The unit.
        unit: String,
    },
    /// A pair of an interdependence graph given directly is invalid.
    #[error("interdependence pair ({a}, {b}): {reason}")]
    BadPair {
        /// The first position.
        a: usize,
        /// The second position.
        b: usize,
        /// What is wrong.
        reason: &'static str,
    },
    /// A capability value is not finite and non-negative.
    #[error("capability of {unit} is {value}, not a finite non-negative number")]
    BadCapability {
        /// The unit.
        unit: String,
        /// The value.
        value: f64,
    },
}

/// Options for boundary detection and analysis. A builder; every default is documented.
#[derive(Debug, Clone, PartialEq)]
#[must_use]
pub struct BoundaryOptions {
    pub(crate) resolution: f64,
    pub(crate) seed: u64,
    pub(crate) classes: Classification,
    pub(crate) institutions: Vec<String>,
    pub(crate) set_apart: Vec<String>,
    pub(crate) member_share: f64,
    pub(crate) proto_ratio: f64,
    pub(crate) sub_resolution: f64,
    pub(crate) insulator_participation: f64,
    pub(crate) insulator_max_share: f64,
    pub(crate) overlay_share: f64,
    pub(crate) supercomplex_share: f64,
    pub(crate) community_enmity: f64,
    pub(crate) conflict_enmity: f64,
    pub(crate) pole_rule: PoleRule,
}

impl Default for BoundaryOptions {
    fn default() -> Self {
        Self::new()
    }
}

impl BoundaryOptions {
    /// The defaults:
    /// - `resolution` 1.0 (standard modularity), `seed` 7;
    /// - `classes`: none (every unit [`crate::polarity::PowerClass::Other`]) — pass
    ///   [`Classification::buzan_waever_post_1990`] or computed classes to set superpowers
    ///   apart and recognise great powers;
    /// - `member_share` 0.3: each member of a complex has at least 30 % of its
    ///   interdependence inside (the strong-community test, relaxed);
    /// - `proto_ratio` 0.5: a candidate that fails the test but whose internal
    ///   interdependence is at least half its external is a proto-complex;
    /// - `sub_resolution` 2.0: sub-complexes are sought at twice the resolution;
    /// - insulators: participation ≥ 0.4 and no complex holding more than 0.6 of the unit's
    ///   interdependence, with total interdependence below the median unit's;
    /// - `overlay_share` 0.5: outside global powers hold at least half the interdependence of
    ///   the complex's members;
    /// - `supercomplex_share` 0.2: a great power with at least 20 % of its interdependence in
    ///   another complex ties the two into a supercomplex;
    /// - character by the enmity share of internal interdependence: ≤ 0.05 security
    ///   community, ≥ 0.35 conflict formation, security regime between;
    /// - `pole_rule`: [`PoleRule::new`].
    pub fn new() -> Self {
        Self {
            resolution: 1.0,
            seed: 7,
            classes: Classification::new(),
            institutions: Vec::new(),
            set_apart: Vec::new(),
            member_share: 0.3,
            proto_ratio: 0.5,
            sub_resolution: 2.0,
            insulator_participation: 0.4,
            insulator_max_share: 0.6,
            overlay_share: 0.5,
            supercomplex_share: 0.2,
            community_enmity: 0.05,
            conflict_enmity: 0.35,
            pole_rule: PoleRule::new(),
        }
    }
    /// Modularity resolution (> 0; larger gives smaller complexes).
    pub fn resolution(mut self, gamma: f64) -> Self {
        self.resolution = gamma;
        self
    }
    /// Seed of the node order (same seed, same result).
    pub fn seed(mut self, seed: u64) -> Self {
        self.seed = seed;
        self
    }
    /// Power classes (superpowers are set apart; great powers may centre a complex).
    pub fn classes(mut self, classes: Classification) -> Self {
        self.classes = classes;
        self
    }
    /// Units that are institutions able to centre a complex (e.g. `EU`).
    pub fn institutions(mut self, ids: &[&str]) -> Self {
        self.institutions = ids.iter().map(|s| (*s).to_owned()).collect();
        self
    }
    /// Sets these units apart as well, like superpowers: outside powers whose own region is
    /// not in the data (e.g. China and the EU in a post-Soviet data set). They are reported as
    /// penetrating when they are great powers or superpowers.
    pub fn set_apart(mut self, ids: &[&str]) -> Self {
        self.set_apart = ids.iter().map(|s| (*s).to_owned()).collect();
        self
    }

    /// Whether `unit` is set apart: a superpower by the classes, or named by
    /// [`BoundaryOptions::set_apart`].
    #[must_use]
    pub fn is_set_apart(&self, unit: &str) -> bool {
        self.classes.class(unit) == crate::polarity::PowerClass::Superpower
            || self.set_apart.iter().any(|u| u == unit)
    }

    /// Minimum internal share of each member's interdependence, in `[0, 1]`.
    pub fn member_share(mut self, share: f64) -> Self {
        self.member_share = share;
        self
    }
    /// Resolution used for sub-complexes.
    pub fn sub_resolution(mut self, gamma: f64) -> Self {
        self.sub_resolution = gamma;
        self
    }
    /// Insulator thresholds: minimum participation coefficient and maximum share of any one
    /// complex.
    pub fn insulator(mut self, participation: f64, max_share: f64) -> Self {
        self.insulator_participation = participation;
        self.insulator_max_share = max_share;
        self
    }
    /// Share of members' interdependence held by outside global powers that counts as
    /// overlay.
    pub fn overlay_share(mut self, share: f64) -> Self {
        self.overlay_share = share;
        self
    }
    /// Share of a great power's interdependence in another complex that ties the two into a
    /// supercomplex.
    pub fn supercomplex_share(mut self, share: f64) -> Self {
        self.supercomplex_share = share;
        self
    }
    /// Enmity-share thresholds of the character: at most `community` is a security
    /// community, at least `conflict` a conflict formation.
    pub fn character(mut self, community: f64, conflict: f64) -> Self {
        self.community_enmity = community;
        self.conflict_enmity = conflict;
        self
    }
    /// The pole rule for each complex's polarity.
    pub fn pole_rule(mut self, rule: PoleRule) -> Self {
        self.pole_rule = rule;
        self
    }

    pub(crate) fn check(&self) -> Result<(), BoundaryError> {
        let unit = |p: &'static str, v: f64| {
            if (0.0..=1.0).contains(&v) {
                Ok(())
            } else {
                Err(BoundaryError::BadParameter {
                    parameter: p,
                    value: v,
                })
            }
        };
        for (p, v) in [
            ("resolution", self.resolution),
            ("sub_resolution", self.sub_resolution),
        ] {
            if !(v.is_finite() && v > 0.0) {
                return Err(BoundaryError::BadParameter {
                    parameter: p,
                    value: v,
                });
            }
        }
        unit("member_share", self.member_share)?;
        unit("proto_ratio", self.proto_ratio)?;
        unit("insulator participation", self.insulator_participation)?;
        unit("insulator max_share", self.insulator_max_share)?;
        unit("overlay_share", self.overlay_share)?;
        unit("supercomplex_share", self.supercomplex_share)?;
        unit("community enmity", self.community_enmity)?;
        unit("conflict enmity", self.conflict_enmity)?;
        if self.community_enmity > self.conflict_enmity {
            return Err(BoundaryError::BadParameter {
                parameter: "community enmity above conflict enmity",
                value: self.community_enmity,
            });
        }
        Ok(())
    }
}
