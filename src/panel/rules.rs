//! `WorldRules`: how alliances, disputes, rivalries and contiguity become signed ties and
//! interdependence.

use super::PanelError;
use crate::dataset::Contiguity;
use crate::io::cow::{ContiguityType, Obligation, Obligations};
use serde::Serialize;

/// The contiguity type of a COW record as a border's contiguity (the data model's, which
/// the world's data set and its snapshots use).
pub(crate) fn contiguity_of(t: ContiguityType) -> Contiguity {
    Contiguity::from_cow_code(t.code()).unwrap_or(Contiguity::Sea400)
}

/// What a dyad-year gets when it has both an alliance (amity) and a dispute or rivalry
/// (enmity).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Conflict {
    /// The dispute wins: the tie is enmity (the default; Grund's and the anchor's rule —
    /// fighting an ally is still fighting).
    Dispute,
    /// The alliance wins: the tie is amity.
    Alliance,
    /// Neither: the dyad-year has no signed tie (it is counted as contested in the row).
    Neither,
}

/// How an alliance obligation shared by many states weighs on each of their pairwise ties.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum PactWeight {
    /// Every allied dyad-year weighs the obligation's full intensity, however many states
    /// share the pact (the default; the anchor's and Grund's rule).
    #[default]
    Pairwise,
    /// One commitment per member (Newman 2001, Phys. Rev. E 64, 016132: a group of N
    /// weighs 1/(N−1) on each of its pairwise ties in the projection of the bipartite
    /// state–pact network): a dyad-year's obligation weighs its intensity divided by one plus
    /// the number of partners the two states share under that obligation in the year. ATOP's
    /// dyad-year file carries no pact identifier, so this estimates N − 1 from the dyads
    /// themselves; it is exact for a pact whose members hold no other pact of that
    /// obligation, and a bilateral pact beside no shared partner keeps its full weight.
    PerCommitment,
    /// Pairwise up to a number of partners, then one commitment of that many partners: a
    /// dyad-year's obligation weighs its intensity × min(1, c / (N − 1)), with N − 1
    /// estimated as for [`PactWeight::PerCommitment`] (which is `Capped(1)`; `Pairwise` is
    /// an unbounded cap). A pact of at most c + 1 states keeps its full pairwise weight; a
    /// larger one gives each member at most c partners' worth of interdependence, so a
    /// continent-wide non-aggression pact does not outweigh a member's alliance with its
    /// patron (theory §3), while a regional alliance keeps binding its members.
    Capped(u16),
}

/// How units are labelled in graphs and outputs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Labels {
    /// The COW abbreviation (`RUS`), from the state system list; the code where the list
    /// has none (the default).
    Abbreviation,
    /// The COW country code (`365`).
    Ccode,
}

/// The rules that turn the COW-family records of a year into signed ties.
///
/// Defaults (the anchor's, and Grund's published triad series but for the sources):
/// - **amity**: a dyad-year with *any* ATOP obligation (defense, offense, neutrality,
///   non-aggression, consultation), intensity 1.0 for every obligation; the tie's intensity
///   is the largest intensity among the obligations that count;
/// - **enmity**: a MID dyad-year whose hostility level is at least 3 (display of force),
///   intensity `level / 5` (3 → 0.6, 4 → 0.8, 5 → 1.0); strategic rivalries are not used
///   unless [`WorldRules::rivalry_intensity`] is set;
/// - **both**: the dispute wins ([`Conflict::Dispute`]);
/// - **contiguity**: adds no interdependence unless [`WorldRules::contiguity`] is set; it
///   never gives a sign;
/// - **units**: every member of the state system in the year (when a list is loaded) plus
///   every unit with a tie; ties with non-members are kept (as the anchor keeps them) unless
///   [`WorldRules::members_only`] is set;
/// - **labels**: COW abbreviations;
/// - **pacts**: every allied dyad weighs the full intensity ([`PactWeight::Pairwise`]).
///
/// ```
/// use rsct::io::cow::{ContiguityType, Obligation, Obligations};
/// use rsct::panel::{Conflict, WorldRules};
/// let rules = WorldRules::new()
///     .atop_obligations([Obligation::Defense, Obligation::Offense].into_iter().collect())
///     .mid_hostility_at_least(4)
///     .conflict(Conflict::Dispute)
///     .contiguity(ContiguityType::Water24, 0.5);
/// assert_eq!(rules.amity_intensity(Obligations::NONE.with(Obligation::Consultation)), None);
/// assert_eq!(rules.enmity_intensity(4), Some(0.8));
/// assert_eq!(rules.enmity_intensity(3), None);
/// assert_eq!(rules.proximity(ContiguityType::Land), Some(0.5));
/// assert_eq!(rules.proximity(ContiguityType::Water150), None);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[must_use]
pub struct WorldRules {
    obligations: [Option<f64>; 5],
    hostility_threshold: u8,
    hostility_intensity: [f64; 5],
    conflict: Conflict,
    rivalry: Option<f64>,
    contiguity: Option<(ContiguityType, f64)>,
    members_only: bool,
    labels: Labels,
    pact_weight: PactWeight,
    distance_decay: Option<f64>,
}

impl Default for WorldRules {
    fn default() -> Self {
        Self {
            obligations: [Some(1.0); 5],
            hostility_threshold: 3,
            hostility_intensity: [0.2, 0.4, 0.6, 0.8, 1.0],
            conflict: Conflict::Dispute,
            rivalry: None,
            contiguity: None,
            members_only: false,
            labels: Labels::Abbreviation,
            pact_weight: PactWeight::Pairwise,
            distance_decay: None,
        }
    }
}

impl WorldRules {
    /// The default rules (see the type's documentation).
    pub fn new() -> Self {
        Self::default()
    }

    /// The rules the boundary calibration chose on the world 1990–2001 against Buzan &
    /// Wæver's map with the post-Soviet region held out (`docs/world_1990_2001.md`, round
    /// 18): the defaults, with contiguity by land or by up to 150 miles of water as
    /// proximity of weight 1.5 (of land only and of water up to 12, 24, 150 and 400 miles),
    /// ATOP neutrality pacts at intensity 0.25 (of 0.25, 0.5, 1), non-aggression pacts at
    /// 0.03 (of 0.01, 0.03, 0.1, 0.3, 1) and consultation pacts at 0.0625 (of 0.015625,
    /// 0.0625, 0.25, 1), pacts weighed pairwise ([`PactWeight::PerCommitment`] scored far
    /// worse on that map). Use them with
    /// [`BoundaryOptions::world_calibrated`](crate::boundary::BoundaryOptions::world_calibrated).
    pub fn calibrated() -> Self {
        Self::new()
            .contiguity(ContiguityType::Water150, 1.5)
            .atop_intensity(Obligation::Neutrality, 0.25)
            .atop_intensity(Obligation::NonAggression, 0.03)
            .atop_intensity(Obligation::Consultation, 0.0625)
    }

    /// Only these obligations count as amity (each with intensity 1.0 unless set by
    /// [`WorldRules::atop_intensity`] afterwards); the others are ignored.
    pub fn atop_obligations(mut self, counted: Obligations) -> Self {
        for o in Obligation::ALL {
            self.obligations[o as usize] = counted.contains(o).then_some(1.0);
        }
        self
    }

    /// Obligation `o` counts as amity with `intensity` (in `(0, 1]`, checked when the
    /// rules are used).
    pub fn atop_intensity(mut self, o: Obligation, intensity: f64) -> Self {
        self.obligations[o as usize] = Some(intensity);
        self
    }

    crate::internal::options! {
        /// How a pact shared by many states weighs on each pairwise tie (default
        /// [`PactWeight::Pairwise`]).
        pact_weight(weight: PactWeight), get_pact_weight;
        /// What wins where a dyad-year has both amity and enmity (default
        /// [`Conflict::Dispute`]).
        conflict(conflict: Conflict), get_conflict;
        /// How units are labelled (default [`Labels::Abbreviation`]).
        labels(labels: Labels), get_labels;
    }

    /// The obligations that count as amity ([`WorldRules::atop_obligations`]).
    #[must_use]
    pub fn get_atop_obligations(&self) -> Obligations {
        Obligation::ALL
            .into_iter()
            .filter(|&o| self.obligations[o as usize].is_some())
            .fold(Obligations::NONE, Obligations::with)
    }

    /// The intensity obligation `o` counts with, `None` when it does not count
    /// ([`WorldRules::atop_intensity`]).
    #[must_use]
    pub fn get_atop_intensity(&self, o: Obligation) -> Option<f64> {
        self.obligations[o as usize]
    }

    /// MID dyad-years with a hostility level of at least `level` (1–5) are enmity.
    pub fn mid_hostility_at_least(mut self, level: u8) -> Self {
        self.hostility_threshold = level;
        self
    }

    /// The enmity intensity of MID hostility level `level` (1–5; intensity in `(0, 1]`,
    /// checked when the rules are used).
    pub fn mid_intensity(mut self, level: u8, intensity: f64) -> Self {
        if let Some(slot) = usize::from(level)
            .checked_sub(1)
            .and_then(|i| self.hostility_intensity.get_mut(i))
        {
            *slot = intensity;
        } else {
            // Remembered as an invalid threshold so that `check` reports it.
            self.hostility_threshold = level.max(6);
        }
        self
    }

    /// Active strategic rivalries are enmity with `intensity` (in `(0, 1]`); where a dyad
    /// also has a dispute, the larger enmity intensity is kept.
    pub fn rivalry_intensity(mut self, intensity: f64) -> Self {
        self.rivalry = Some(intensity);
        self
    }

    /// Contiguity of type `up_to` or closer adds `weight` (> 0) of security
    /// interdependence (proximity; B&W: threats travel more easily over short distances).
    /// It never gives a sign.
    pub fn contiguity(mut self, up_to: ContiguityType, weight: f64) -> Self {
        self.contiguity = Some((up_to, weight));
        self
    }

    /// Contiguity adds no interdependence (the default of [`WorldRules::new`]).
    pub fn without_contiguity(mut self) -> Self {
        self.contiguity = None;
        self
    }

    /// Ties between distant states weigh less: δ in `(0, 1]` per border step beyond the
    /// first, counted over every contiguity type (land and up to 400 miles of water, so that
    /// islands have neighbours), up to
    /// [`DECAY_STEPS`](crate::boundary::DECAY_STEPS) steps
    /// ([`crate::boundary::InterdependenceOptions::distance_decay`]). The world's data set
    /// then carries every border; only those of [`WorldRules::contiguity`] add proximity.
    pub fn distance_decay(mut self, decay: f64) -> Self {
        self.distance_decay = Some(decay);
        self
    }

    crate::internal::switches! {
        /// Keeps only ties between units that are members of the state system in the year,
        /// and only members as units (needs a state list).
        members_only,
        /// Keeps every member of the state system in the year and every unit with a tie,
        /// members or not (the default).
        with_non_members => members_only;
    }

    /// The amity intensity of a dyad-year with these obligations: the largest intensity
    /// among those that count, `None` when none counts.
    #[must_use]
    pub fn amity_intensity(&self, obligations: Obligations) -> Option<f64> {
        obligations
            .iter()
            .filter_map(|o| self.obligations[o as usize])
            .reduce(f64::max)
    }

    /// The enmity intensity of a dispute of hostility `level`, `None` below the threshold.
    #[must_use]
    pub fn enmity_intensity(&self, level: u8) -> Option<f64> {
        if level < self.hostility_threshold {
            return None;
        }
        self.get_mid_intensity(level)
    }

    /// Whether the world's data set carries borders of type `t`: those that add proximity,
    /// and every type when distances decay ([`WorldRules::distance_decay`]).
    #[must_use]
    pub fn carries_border(&self, t: ContiguityType) -> bool {
        self.distance_decay.is_some() || self.proximity(t).is_some()
    }

    /// The interdependence contiguity of type `t` adds, `None` when it adds none.
    #[must_use]
    pub fn proximity(&self, t: ContiguityType) -> Option<f64> {
        self.contiguity
            .and_then(|(up_to, w)| (t <= up_to).then_some(w))
    }

    /// The derivation rules of the world's snapshots: the defaults, keeping the borders of
    /// the contiguity types these rules count ([`WorldRules::contiguity`]; the world's data
    /// set holds no others) and none without contiguity. The world's data set has no
    /// organisations, so no membership rule applies.
    pub fn derivation_rules(&self) -> crate::snapshot::DerivationRules {
        match (self.contiguity, self.distance_decay) {
            (_, Some(_)) => {
                crate::snapshot::DerivationRules::new().contiguity_up_to(Contiguity::Sea400)
            }
            (Some((up_to, _)), None) => {
                crate::snapshot::DerivationRules::new().contiguity_up_to(contiguity_of(up_to))
            }
            (None, None) => crate::snapshot::DerivationRules::new().without_borders(),
        }
    }

    /// The enmity intensity MID hostility level `level` is given
    /// ([`WorldRules::mid_intensity`]), whatever the threshold; `None` outside 1–5.
    #[must_use]
    pub fn get_mid_intensity(&self, level: u8) -> Option<f64> {
        usize::from(level)
            .checked_sub(1)
            .and_then(|i| self.hostility_intensity.get(i))
            .copied()
    }

    /// Whether only system members count.
    #[must_use]
    pub fn is_members_only(&self) -> bool {
        self.members_only
    }

    crate::internal::getters! {
        /// The MID hostility threshold.
        get_mid_hostility_at_least = hostility_threshold: u8;
        /// The enmity intensity of an active strategic rivalry, `None` when rivalries are
        /// unused.
        get_rivalry_intensity = rivalry: Option<f64>;
        /// The contiguity rule: the farthest type that counts and its weight.
        get_contiguity = contiguity: Option<(ContiguityType, f64)>;
        /// The distance decay per border step, if any ([`WorldRules::distance_decay`]).
        get_distance_decay = distance_decay: Option<f64>;
    }

    /// Checks every number: intensities in `(0, 1]`, the threshold in 1–5, the contiguity
    /// weight finite and positive.
    ///
    /// # Errors
    /// [`PanelError::BadRule`] naming the rule and the value.
    pub fn check(&self) -> Result<(), PanelError> {
        let bad = |rule: String, value: f64| PanelError::BadRule {
            rule,
            value,
            range: "(0, 1]",
        };
        let unit = |x: f64| x.is_finite() && x > 0.0 && x <= 1.0;
        for o in Obligation::ALL {
            if let Some(v) = self.obligations[o as usize]
                && !unit(v)
            {
                return Err(bad(format!("atop_intensity({})", o.as_str()), v));
            }
        }
        if !(1..=5).contains(&self.hostility_threshold) {
            return Err(PanelError::BadRule {
                rule: "mid_hostility_at_least (or a mid_intensity level)".to_owned(),
                value: f64::from(self.hostility_threshold),
                range: "1–5",
            });
        }
        for (i, &v) in self.hostility_intensity.iter().enumerate() {
            if !unit(v) {
                return Err(bad(format!("mid_intensity({})", i + 1), v));
            }
        }
        if let Some(v) = self.rivalry
            && !unit(v)
        {
            return Err(bad("rivalry_intensity".to_owned(), v));
        }
        if let Some((_, w)) = self.contiguity
            && !(w.is_finite() && w > 0.0)
        {
            return Err(PanelError::BadRule {
                rule: "contiguity weight".to_owned(),
                value: w,
                range: "(0, ∞)",
            });
        }
        if let Some(d) = self.distance_decay
            && !unit(d)
        {
            return Err(bad("distance_decay".to_owned(), d));
        }
        Ok(())
    }
}
