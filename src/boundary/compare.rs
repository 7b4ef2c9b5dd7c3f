//! Agreement of a year's complexes with a reference map of regions (e.g. Buzan & Wæver's
//! post-Cold War map), by the adjusted Rand index.

use super::ari::adjusted_rand_index;
use super::interdependence::InterdependenceGraph;
use super::report::BoundaryReport;
use std::collections::BTreeSet;

/// How a [`BoundaryReport`] agrees with a reference map.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct MapAgreement {
    /// Adjusted Rand index of the complexes against the map's regions, over the map's region
    /// members present in the year (a unit in no complex counts as a group of its own);
    /// `None` with fewer than two such units.
    pub ari: Option<f64>,
    /// The adjusted Rand index with the map's insulators scored too, each a group of its
    /// own (an insulator stands in no complex): a detected insulator, or a unit in no
    /// complex, agrees with the map there; one inside a complex does not. `None` with fewer
    /// than two units.
    pub ari_with_insulators: Option<f64>,
    /// How many mapped units were scored.
    pub units: usize,
    /// The map's insulators the report names as insulators.
    pub insulators_found: Vec<String>,
    /// Per map region: whether a complex recovers it — the complex holding most of the
    /// region's present members holds at least two thirds of them, and they are at least two
    /// thirds of that complex's mapped members.
    pub recovered: Vec<(String, bool)>,
}

/// The agreement of `report` with `map` (`(unit, region)` pairs; region `insulator` marks an
/// insulator), leaving out the regions named in `leave_out` (e.g. the region under study,
/// held apart from calibration).
///
/// # Complexity
/// O(M·C) for M map lines and C complexes.
///
/// # Errors
/// None.
///
/// # Example
/// ```
/// use rsct::UnitKind;
/// use rsct::boundary::{analyse_interdependence, map_agreement, BoundaryOptions, Interdependence, InterdependenceGraph};
/// let units = ["A", "B", "C", "X", "Y", "Z"].map(|u| (u.to_owned(), UnitKind::State)).to_vec();
/// let w = |amity| Interdependence { amity, enmity: 0.0, proximity: 0.0 };
/// let g = InterdependenceGraph::from_pairs(units, [
///     (0, 1, w(1.0)), (1, 2, w(1.0)), (0, 2, w(1.0)),
///     (3, 4, w(1.0)), (4, 5, w(1.0)), (3, 5, w(1.0)), (2, 3, w(0.1)),
/// ])?;
/// let r = analyse_interdependence(2000, &g, &Default::default(), &BoundaryOptions::new())?;
/// let map: Vec<(String, String)> = [("A", "r1"), ("B", "r1"), ("C", "r1"), ("X", "r2"), ("Y", "r2"), ("Z", "r2")]
///     .iter().map(|(u, r)| (u.to_string(), r.to_string())).collect();
/// let a = map_agreement(&r, &map, &[]);
/// assert_eq!(a.ari, Some(1.0));
/// assert!(a.recovered.iter().all(|x| x.1));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[must_use]
pub fn map_agreement(
    report: &BoundaryReport,
    map: &[(String, String)],
    leave_out: &[&str],
) -> MapAgreement {
    let present: BTreeSet<&str> = report
        .complexes
        .iter()
        .flat_map(|c| c.members.iter())
        .chain(report.proto_complexes.iter().flat_map(|c| c.members.iter()))
        .chain(report.unstructured.iter())
        .chain(report.insulators.iter().map(|i| &i.unit))
        .chain(report.set_apart.iter().map(|s| &s.0))
        .map(String::as_str)
        .collect();
    let complex_of = |u: &str| {
        report
            .complexes
            .iter()
            .position(|c| c.members.iter().any(|m| m == u))
    };
    let mut regions: Vec<&str> = Vec::new();
    let (mut truth, mut found) = (Vec::new(), Vec::new());
    let mut scored: Vec<(&str, &str)> = Vec::new();
    for (u, r) in map {
        if r == "insulator" || leave_out.contains(&r.as_str()) || !present.contains(u.as_str()) {
            continue;
        }
        let t = regions.iter().position(|x| x == r).unwrap_or_else(|| {
            regions.push(r);
            regions.len() - 1
        });
        truth.push(t);
        found.push(complex_of(u).unwrap_or(usize::MAX - truth.len()));
        scored.push((u, r));
    }
    // The same with the map's insulators present in the year, each a group of its own.
    let (mut truth_i, mut found_i) = (truth.clone(), found.clone());
    for (u, r) in map {
        if r == "insulator" && !leave_out.contains(&r.as_str()) && present.contains(u.as_str()) {
            truth_i.push(regions.len() + truth_i.len());
            found_i.push(complex_of(u).unwrap_or(usize::MAX - truth_i.len()));
        }
    }
    let recovered = regions
        .iter()
        .map(|&r| {
            let members: Vec<&str> = scored.iter().filter(|x| x.1 == r).map(|x| x.0).collect();
            let mut counts: Vec<(usize, usize)> = Vec::new();
            for m in &members {
                if let Some(c) = complex_of(m) {
                    match counts.iter_mut().find(|x| x.0 == c) {
                        Some(x) => x.1 += 1,
                        None => counts.push((c, 1)),
                    }
                }
            }
            let best = counts
                .iter()
                .max_by_key(|x| (x.1, usize::MAX - x.0))
                .copied();
            let ok = best.is_some_and(|(c, k)| {
                let mapped_in_c = scored.iter().filter(|x| complex_of(x.0) == Some(c)).count();
                3 * k >= 2 * members.len() && 3 * k >= 2 * mapped_in_c
            });
            (r.to_owned(), ok)
        })
        .collect();
    let insulators_found = map
        .iter()
        .filter(|(u, r)| r == "insulator" && report.insulators.iter().any(|i| &i.unit == u))
        .map(|(u, _)| u.clone())
        .collect();
    MapAgreement {
        ari: adjusted_rand_index(&truth, &found),
        ari_with_insulators: adjusted_rand_index(&truth_i, &found_i),
        units: truth.len(),
        insulators_found,
        recovered,
    }
}

/// How a unit's interdependence spreads over the regions of a reference map (see
/// [`spread_over_map`]).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[non_exhaustive]
pub struct MapSpread {
    /// The participation coefficient P = 1 − Σ_s (k_s / k)² over the map's regions.
    pub participation: f64,
    /// The largest share of the unit's interdependence in one region.
    pub largest_share: f64,
    /// That region (or the unit, for a partner off the map).
    pub region: String,
}

/// How `unit`'s interdependence spreads over the regions of `map` (`(unit, region)` pairs;
/// region `insulator` marks an insulator): its ties grouped by the partner's region, a
/// partner off the map (or a map insulator) a group of its own. This is the insulator
/// test of theory [§3](crate::guide::theory#3-boundaries) (ties spread, no region holding
/// the majority) with the map's regions in place of detected complexes: whether a unit the
/// map calls an insulator is one on the data's ties, whatever a detector makes of the
/// regions around it. `None` for a unit absent from `g` or without ties.
///
/// # Complexity
/// O(M + d) for M map lines and a unit of d ties.
///
/// # Errors
/// None.
///
/// # Example
/// ```
/// use rsct::UnitKind;
/// use rsct::boundary::{spread_over_map, Interdependence, InterdependenceGraph};
/// let units = ["T", "E", "M", "X"].map(|u| (u.to_owned(), UnitKind::State)).to_vec();
/// let w = |amity| Interdependence { amity, enmity: 0.0, proximity: 0.0 };
/// let g = InterdependenceGraph::from_pairs(units, [(0, 1, w(2.0)), (0, 2, w(1.0)), (0, 3, w(1.0))])?;
/// let map = [("E", "europe"), ("M", "middle_east"), ("T", "insulator")]
///     .map(|(u, r)| (u.to_owned(), r.to_owned()));
/// let s = spread_over_map(&g, &map, "T").unwrap();
/// // Shares 1/2 (europe), 1/4 (middle_east), 1/4 (X, off the map).
/// assert_eq!((s.participation, s.largest_share, s.region.as_str()), (0.625, 0.5, "europe"));
/// # Ok::<(), rsct::boundary::BoundaryError>(())
/// ```
#[must_use]
pub fn spread_over_map(
    g: &InterdependenceGraph,
    map: &[(String, String)],
    unit: &str,
) -> Option<MapSpread> {
    let i = g.position(unit)?;
    let region_of: std::collections::BTreeMap<&str, &str> = map
        .iter()
        .filter(|(_, r)| r != "insulator")
        .map(|(u, r)| (u.as_str(), r.as_str()))
        .collect();
    let mut by: std::collections::BTreeMap<&str, f64> = std::collections::BTreeMap::new();
    for (j, x) in g.neighbours(i) {
        let v = g.units()[j].as_str();
        *by.entry(region_of.get(v).copied().unwrap_or(v))
            .or_insert(0.0) += x.total();
    }
    let k: f64 = by.values().sum();
    if k <= 0.0 {
        return None;
    }
    let participation = super::roles::participation(by.values().copied(), k);
    // The largest group; among equals the first region by name.
    let (region, most) = by
        .iter()
        .max_by(|a, b| a.1.total_cmp(b.1).then_with(|| b.0.cmp(a.0)))
        .map(|(r, x)| ((*r).to_owned(), x / k))?;
    Some(MapSpread {
        participation,
        largest_share: most,
        region,
    })
}
