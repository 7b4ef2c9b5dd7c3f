//! The state of the complexes in one year, and series over a range of years.

use super::EvolutionError;
use super::compare::{Event, compare, match_complexes};
use crate::balance::frustration::{FrustrationOptions, frustration_exact};
use crate::balance::{CensusOptions, triangle_census};
use crate::boundary::{BoundaryOptions, Character, ComplexType, InterdependenceOptions, analyse};
use crate::dataset::Dataset;
use crate::evidence::Evidence;
use crate::period::Year;
use crate::polarity::Polarity;
use crate::snapshot::DerivationRules;
use std::collections::{BTreeMap, BTreeSet};

/// The node limit of the exact frustration search for each complex in each year: complexes
/// are small, so the search ends long before; a complex that reaches it gets no frustration
/// value rather than an unproven one.
pub const FRUSTRATION_NODE_LIMIT: u64 = 200_000;

/// Options for [`series`] and [`compare`](super::compare). A builder.
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
    /// Boundary options.
    pub fn boundary(mut self, boundary: BoundaryOptions) -> Self {
        self.boundary = boundary;
        self
    }
    /// The Jaccard overlap needed to keep a complex's identity, in `(0, 1]`.
    pub fn match_share(mut self, share: f64) -> Self {
        self.match_share = share;
        self
    }
    /// The change in enmity share that counts as an internal transformation, in `(0, 1]`.
    pub fn enmity_change(mut self, change: f64) -> Self {
        self.enmity_change = change;
        self
    }
    pub(crate) fn check(&self) -> Result<(), EvolutionError> {
        for (parameter, value) in [
            ("match_share", self.match_share),
            ("enmity_change", self.enmity_change),
        ] {
            if !(value > 0.0 && value <= 1.0) {
                return Err(EvolutionError::BadParameter { parameter, value });
            }
        }
        Ok(())
    }
}

/// The state of one complex in one year: the variables of its essential structure.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ComplexState {
    /// Its name (kept across years by [`series`]).
    pub name: String,
    /// The members, sorted by identifier.
    pub members: Vec<String>,
    /// The polarity class, when capability data exist.
    pub polarity: Option<Polarity>,
    /// The poles, sorted by identifier.
    pub poles: Vec<String>,
    /// The type.
    pub complex_type: ComplexType,
    /// The amity–enmity character.
    pub character: Option<Character>,
    /// Enmity's share of internal signed interdependence.
    pub enmity_share: Option<f64>,
    /// Interdependence among the members.
    pub internal: f64,
    /// Interdependence across the boundary (units set apart excluded).
    pub external: f64,
    /// Strict triangle balance of the members' signed ties ((+++ + +−−) / all), `None`
    /// without triangles.
    pub triangle_balance: Option<f64>,
    /// The frustration index of the members' signed ties (exact; `None` when the search hit
    /// its node limit, see [`FRUSTRATION_NODE_LIMIT`]).
    pub frustration: Option<f64>,
    /// Outside global powers' share of the members' interdependence.
    pub outside_share: f64,
    /// Whether overlaid.
    pub overlaid: bool,
}

/// A tie in a year state: its net weight and the evidence of its contributions.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct TieState {
    /// Net signed weight.
    pub net: f64,
    /// Evidence of its contributions.
    pub evidence: Vec<Evidence>,
}

/// The state of every complex in one year, with the ties and memberships that explain it.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct YearState {
    /// The year.
    pub year: Year,
    /// The complexes, sorted by their first member's identifier.
    pub complexes: Vec<ComplexState>,
    /// Every tie of the year, keyed by the pair of unit identifiers (smaller first).
    pub ties: BTreeMap<(String, String), TieState>,
    /// The memberships valid in the year, as (organisation, unit).
    pub memberships: BTreeSet<(String, String)>,
}

/// The state of `dataset` in `year`.
///
/// # Complexity
/// That of [`snapshot`](crate::snapshot()) plus [`analyse`].
///
/// # Errors
/// [`EvolutionError`] from the snapshot or the boundary analysis.
///
/// # Example
/// ```no_run
/// let ds = rsct::Dataset::load("data/post_soviet.toml")?;
/// let s = rsct::evolution::year_state(&ds, 2008, &rsct::evolution::EvolutionOptions::new())?;
/// println!("{} complexes", s.complexes.len());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn year_state(
    dataset: &Dataset,
    year: Year,
    o: &EvolutionOptions,
) -> Result<YearState, EvolutionError> {
    o.check()?;
    let g = dataset.snapshot(year, &o.rules)?;
    let caps: BTreeMap<String, f64> = dataset
        .capabilities()
        .iter()
        .filter(|c| c.year() == year)
        .map(|c| (c.unit().to_owned(), c.value()))
        .collect();
    let report = analyse(&g, &caps, &o.inter, &o.boundary)?;
    let mut complexes: Vec<ComplexState> = report
        .complexes
        .into_iter()
        .map(|c| {
            let sub = g.restricted_to(&c.members);
            let triangle_balance = triangle_census(sub.graph(), &CensusOptions::new())
                .ok()
                .and_then(|t| t.counts().strict_ratio());
            let frustration = frustration_exact(
                sub.graph(),
                &FrustrationOptions::new().node_limit(FRUSTRATION_NODE_LIMIT),
            )
            .ok()
            .filter(|f| f.is_optimal())
            .map(|f| f.value());
            let mut members = c.members;
            members.sort();
            let mut poles: Vec<String> = c
                .polarity
                .as_ref()
                .map(|p| p.poles.poles.iter().map(|x| x.0.clone()).collect())
                .unwrap_or_default();
            poles.sort();
            ComplexState {
                name: c.name,
                members,
                polarity: c.polarity.as_ref().map(|p| p.poles.polarity),
                poles,
                complex_type: c.complex_type,
                character: c.character,
                enmity_share: c.enmity_share,
                internal: c.metrics.internal,
                external: c.metrics.external,
                triangle_balance,
                frustration,
                outside_share: c.overlay.outside_share,
                overlaid: c.overlay.overlaid,
            }
        })
        .collect();
    complexes.sort_by(|a, b| a.members.cmp(&b.members));
    let ties = g
        .ties()
        .map(|(a, b, t)| {
            let key = if a.id() <= b.id() {
                (a.id().to_owned(), b.id().to_owned())
            } else {
                (b.id().to_owned(), a.id().to_owned())
            };
            let mut evidence: Vec<Evidence> = t
                .contributions()
                .iter()
                .flat_map(|c| c.evidence().cloned())
                .collect();
            evidence.dedup();
            (
                key,
                TieState {
                    net: t.net(),
                    evidence,
                },
            )
        })
        .collect();
    let memberships = dataset
        .memberships()
        .iter()
        .filter(|m| m.period().contains(year))
        .map(|m| (m.organisation().to_owned(), m.unit().to_owned()))
        .collect();
    Ok(YearState {
        year,
        complexes,
        ties,
        memberships,
    })
}

/// The states of a range of years, with complexes named consistently across years, and the
/// events between consecutive years.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Series {
    /// One state a year, in order.
    pub years: Vec<YearState>,
    /// The events between consecutive years, in order.
    pub events: Vec<Event>,
}

/// The evolution of `dataset` over `from..=to`: each year's state, complexes keeping their
/// names while their membership overlaps (Jaccard ≥ `match_share`), and the transformations
/// between consecutive years with their causes.
///
/// # Complexity
/// One [`year_state`] per year, plus O(C² + T) per pair of years for C complexes and T ties.
///
/// # Errors
/// [`EvolutionError::EmptyRange`], [`EvolutionError::RangeTooLong`] for more than
/// [`MAX_SERIES_YEARS`](super::MAX_SERIES_YEARS) years, or the errors of [`year_state`].
///
/// # Example
/// ```no_run
/// let ds = rsct::Dataset::load("data/post_soviet.toml")?;
/// let s = rsct::evolution::series(&ds, 1991, 2013, &rsct::evolution::EvolutionOptions::new())?;
/// for e in &s.events { println!("{e}"); }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn series(
    dataset: &Dataset,
    from: Year,
    to: Year,
    o: &EvolutionOptions,
) -> Result<Series, EvolutionError> {
    if to < from {
        return Err(EvolutionError::EmptyRange { from, to });
    }
    // In i64: `to - from + 1` overflows i32 for ranges near the bounds.
    let span = i64::from(to) - i64::from(from) + 1;
    if span > i64::from(super::MAX_SERIES_YEARS) {
        return Err(EvolutionError::RangeTooLong {
            from,
            to,
            limit: super::MAX_SERIES_YEARS,
        });
    }
    let mut years: Vec<YearState> = Vec::with_capacity(span as usize);
    let mut events = Vec::new();
    for y in from..=to {
        let mut s = year_state(dataset, y, o)?;
        if let Some(prev) = years.last() {
            // Inherit names from matched complexes; new complexes keep theirs, made unique.
            let pairs = match_complexes(&prev.complexes, &s.complexes, o.match_share);
            let mut taken: BTreeSet<String> = BTreeSet::new();
            for (i, j) in &pairs {
                s.complexes[*j].name = prev.complexes[*i].name.clone();
                taken.insert(prev.complexes[*i].name.clone());
            }
            for (j, c) in s.complexes.iter_mut().enumerate() {
                if !pairs.iter().any(|p| p.1 == j) && taken.contains(&c.name) {
                    c.name = format!("{} (from {y})", c.name);
                }
                taken.insert(c.name.clone());
            }
            events.extend(compare(prev, &s, o));
        }
        years.push(s);
    }
    Ok(Series { years, events })
}
