//! The state of the complexes in one year.

use super::EvolutionError;
use super::options::EvolutionOptions;
use crate::balance::{CensusOptions, triangle_census};
use crate::balance::{FrustrationOptions, frustration_exact};
use crate::boundary::{Character, ComplexType, analyse};
use crate::dataset::Dataset;
use crate::evidence::Evidence;
use crate::period::Year;
use crate::polarity::Polarity;
use crate::sector::Sector;
use std::collections::{BTreeMap, BTreeSet};

/// The node limit of the exact frustration search for each complex in each year: complexes
/// are small, so the search ends long before; a complex that reaches it gets no frustration
/// value rather than an unproven one.
pub const FRUSTRATION_NODE_LIMIT: u64 = 200_000;

/// Military enmity at which a tie is a war: the top of the crate's coding scale (war 1.0,
/// `data/README.md`) and of the world layer's MID hostility (level 5 / 5). A war between two
/// members of a complex is an internal transformation of it (see [`compare`](super::compare)).
pub const WAR: f64 = 1.0;

/// The state of one complex in one year: the variables of its essential structure.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ComplexState {
    /// Its name: in a [`series`](super::series), the name of its lineage (the complex as it
    /// was named in the last year it was seen), the same in every year.
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
    /// Enmity in the military sector (war is 1, the top of the coding scale and MID
    /// hostility level 5; see [`WAR`]).
    pub military_enmity: f64,
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
    // A unit set apart must be one of the data set's; over a span of years it is set apart in
    // the years it exists.
    let apart = o.boundary.get_set_apart();
    if let Some(u) = apart.iter().find(|u| dataset.unit(u).is_none()) {
        return Err(crate::boundary::BoundaryError::UnknownUnit {
            option: "set_apart",
            unit: u.clone(),
        }
        .into());
    }
    let g = dataset.snapshot(year, &o.rules)?;
    let existing: Vec<&String> = apart
        .iter()
        .filter(|u| dataset.unit(u).is_some_and(|x| x.exists_in(year)))
        .collect();
    let boundary = if existing.len() == apart.len() {
        std::borrow::Cow::Borrowed(&o.boundary)
    } else {
        std::borrow::Cow::Owned(o.boundary.clone().set_apart(existing))
    };
    let report = analyse(&g, g.capabilities(), &o.interdependence, &boundary)?;
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
                    military_enmity: 0.5
                        * (t.sector_interdependence(Sector::Military)
                            - t.sector_net(Sector::Military)),
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
