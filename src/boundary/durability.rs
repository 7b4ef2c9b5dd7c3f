//! Durability of boundaries over a span of years (theory
//! [§3](crate::guide::theory#3-boundaries)): a unit that leaves its complex and comes back
//! within a few years is a flip, which a durable structure should not show unless the unit's
//! ties changed.

use super::{BoundaryReport, InterdependenceGraph};
use crate::internal::hash::FxHashMap;
use crate::period::Year;
use std::collections::BTreeSet;

/// A unit that left the co-members it had in `from` in the next year and was back with them
/// by `back` (see [`flips`]).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[non_exhaustive]
pub struct Flip {
    /// The unit.
    pub unit: String,
    /// The last year before it left.
    pub from: Year,
    /// The first year it was back.
    pub back: Year,
    /// How much the unit's own ties changed when it left (from `from` to the next year):
    /// Σ_j |w'_j − w_j| over the larger of its two strengths, in `[0, 2]`; given by
    /// [`flips_with_ties`], `None` from [`flips`]. A flip with a small change is one its
    /// ties do not explain.
    pub tie_change: Option<f64>,
    /// The partner holding the largest share of the unit's interdependence in `from` (ties
    /// by identifier), and how much *its* ties changed when the unit left, measured as
    /// [`Flip::tie_change`]: a unit that follows its main partner moves because its
    /// partner's ties changed, not its own. Set by [`Flip::measure_ties`] with
    /// [`Flip::tie_change`]; `None` for a unit without ties, or from [`flips`] alone.
    pub main_partner: Option<(String, f64)>,
    /// The unit stayed and its co-members left: the year it left, it is in the complex
    /// holding more of its `from` co-members than any other complex does (at least one).
    /// It left them by the flip's measure — it shares less than half of them — because
    /// they went elsewhere or out of every complex while it stayed with the rest; its
    /// complex did not lose it. Its flip is then the others' move, which their own flips
    /// and ties explain, not its own. `false` for a unit that moved, entered or left every
    /// complex, or whose complex kept none of its co-members.
    pub stayed: bool,
}

/// Where a unit stands in one year: the other members of its complex, or in no complex.
type Place = Option<BTreeSet<String>>;

/// The place of every unit the report knows of (members of complexes; units in proto-complexes,
/// unstructured, insulators and units set apart are in no complex).
fn places(r: &BoundaryReport) -> FxHashMap<&str, Place> {
    let mut out: FxHashMap<&str, Place> = FxHashMap::default();
    let outside = r
        .proto_complexes
        .iter()
        .flat_map(|c| c.members.iter())
        .chain(r.unstructured.iter())
        .chain(r.insulators.iter().map(|i| &i.unit))
        .chain(r.set_apart.iter().map(|(u, _)| u));
    for u in outside {
        out.insert(u.as_str(), None);
    }
    for c in &r.complexes {
        for u in &c.members {
            let others = c.members.iter().filter(|m| *m != u).cloned().collect();
            out.insert(u.as_str(), Some(others));
        }
    }
    out
}

/// Whether a unit placed at `b` is still where it was at `a`: both in no complex, or both in
/// a complex and at least half of its co-members at `a` still with it at `b`.
fn same(a: &Place, b: &Place) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(x), Some(y)) => 2 * x.intersection(y).count() >= x.len(),
        _ => false,
    }
}

/// The flips in a series of yearly reports (consecutive years, in order): a unit that in
/// year t + 1 is no longer where it was in year t — it shares less than half of its year-t
/// co-members, or it entered or left every complex — and is back there in a year t + k,
/// 2 ≤ k ≤ `window` (`window` 3: back within three years). Units absent from a year (not yet
/// or no longer in existence) are skipped for that year.
///
/// Durable complexes keep their members unless their ties change (multislice community
/// detection, Mucha, Richardson, Macon, Porter & Onnela 2010, Science 328, couples the years
/// for that reason); the flips are the one-year changes a user should look at, or damp with
/// [`super::BoundaryOptions::coupling`].
///
/// # Complexity
/// O(Y · window · Σ c²) for Y reports with complexes of sizes c.
///
/// # Errors
/// None: reports out of order are read in the order given.
///
/// # Example
/// ```
/// use rsct::boundary::{Interdependence, InterdependenceGraph, BoundaryOptions,
///     analyse_interdependence, flips};
/// use rsct::UnitKind;
/// use std::collections::BTreeMap;
/// let units: Vec<(String, UnitKind)> =
///     ["A", "B", "C", "D"].iter().map(|u| (u.to_string(), UnitKind::State)).collect();
/// let tie = |w| Interdependence { amity: w, ..Interdependence::default() };
/// // C sits with A and B in 2000 and 2002, with D in 2001.
/// let year = |y, c_with_d: bool| {
///     let (ac, cd) = if c_with_d { (0.1, 2.0) } else { (2.0, 0.1) };
///     let pairs = vec![(0, 1, tie(2.0)), (0, 2, tie(ac)), (1, 2, tie(ac)), (2, 3, tie(cd))];
///     let g = InterdependenceGraph::from_pairs(units.clone(), pairs).unwrap();
///     analyse_interdependence(y, &g, &BTreeMap::new(), &BoundaryOptions::new()).unwrap()
/// };
/// let reports = [year(2000, false), year(2001, true), year(2002, false)];
/// let f = flips(&reports, 3);
/// assert!(f.iter().any(|f| f.unit == "C" && f.from == 2000 && f.back == 2002));
/// ```
#[must_use]
pub fn flips(reports: &[BoundaryReport], window: usize) -> Vec<Flip> {
    let all: Vec<FxHashMap<&str, Place>> = reports.iter().map(places).collect();
    let mut out = Vec::new();
    for t in 0..all.len().saturating_sub(2) {
        let mut units: Vec<&&str> = all[t].keys().collect();
        units.sort_unstable();
        for &u in units {
            let here = &all[t][u];
            let Some(next) = all[t + 1].get(u) else {
                continue;
            };
            if same(here, next) {
                continue;
            }
            let back = (2..=window.max(2))
                .filter_map(|k| all.get(t + k))
                .position(|p| p.get(u).is_some_and(|x| same(here, x)));
            if let Some(k) = back {
                out.push(Flip {
                    unit: u.to_owned(),
                    from: reports[t].year,
                    back: reports[t + k + 2].year,
                    tie_change: None,
                    main_partner: None,
                    stayed: here
                        .as_ref()
                        .is_some_and(|before| stayed(&reports[t + 1], u, before)),
                });
            }
        }
    }
    out
}

/// [`flips`] with each flip's change of the unit's own ties ([`Flip::tie_change`]) between
/// the year before it left and the year it left, read from the years' interdependence
/// graphs (`graphs[t]` of `reports[t]`; a graph missing for a year, or a unit missing from
/// one, leaves the change `None`). Durable complexes change only where ties change (theory
/// §3): a flip whose tie change is small is one the detection, not the data, made.
///
/// # Complexity
/// As [`flips`], plus O(d) per flip for a unit of d ties.
///
/// # Errors
/// None.
///
/// # Example
/// ```
/// use rsct::boundary::{Interdependence, InterdependenceGraph, BoundaryOptions,
///     analyse_interdependence, flips_with_ties};
/// use rsct::UnitKind;
/// use std::collections::BTreeMap;
/// let units: Vec<(String, UnitKind)> =
///     ["A", "B", "C", "D"].iter().map(|u| (u.to_string(), UnitKind::State)).collect();
/// let tie = |w| Interdependence { amity: w, ..Interdependence::default() };
/// let graph = |c_with_d: bool| {
///     let (ac, cd) = if c_with_d { (0.1, 2.0) } else { (2.0, 0.1) };
///     let pairs = vec![(0, 1, tie(2.0)), (0, 2, tie(ac)), (1, 2, tie(ac)), (2, 3, tie(cd))];
///     InterdependenceGraph::from_pairs(units.clone(), pairs).unwrap()
/// };
/// let graphs = [graph(false), graph(true), graph(false)];
/// let reports: Vec<_> = graphs.iter().zip(2000..)
///     .map(|(g, y)| analyse_interdependence(y, g, &BTreeMap::new(), &BoundaryOptions::new()).unwrap())
///     .collect();
/// let f = flips_with_ties(&reports, &graphs, 3);
/// let c = f.iter().find(|f| f.unit == "C").unwrap();
/// // C's ties to A, B, D: 2, 2, 0.1 → 0.1, 0.1, 2 (strengths 4.1, 2.2): change 5.7 / 4.1.
/// assert!((c.tie_change.unwrap() - 5.7 / 4.1).abs() < 1e-12);
/// ```
#[must_use]
pub fn flips_with_ties(
    reports: &[BoundaryReport],
    graphs: &[InterdependenceGraph],
    window: usize,
) -> Vec<Flip> {
    let mut out = flips(reports, window);
    for f in &mut out {
        let Some(t) = reports.iter().position(|r| r.year == f.from) else {
            continue;
        };
        if let (Some(a), Some(b)) = (graphs.get(t), graphs.get(t + 1)) {
            f.measure_ties(a, b);
        }
    }
    out
}

impl Flip {
    /// Sets [`Flip::tie_change`] and [`Flip::main_partner`] from the interdependence graphs
    /// of the year before the unit left (`before`, the year [`Flip::from`]) and the year it
    /// left (`after`); `None` when the unit (or its partner) is in only one of them.
    pub fn measure_ties(&mut self, before: &InterdependenceGraph, after: &InterdependenceGraph) {
        self.tie_change = tie_change(before, after, &self.unit);
        self.main_partner = main_partner(before, &self.unit).and_then(|p| {
            let change = tie_change(before, after, &p)?;
            Some((p, change))
        });
    }

    /// Whether the data explain the flip: the unit's own ties, or those of its main partner
    /// ([`Flip::main_partner`]), changed by at least `threshold` (e.g. 0.1). `None` when
    /// the change was not measured ([`flips`] alone).
    #[must_use]
    pub fn explained(&self, threshold: f64) -> Option<bool> {
        let own = self.tie_change?;
        Some(own >= threshold || self.main_partner.as_ref().is_some_and(|p| p.1 >= threshold))
    }
}

/// Whether `unit`'s complex in `r` holds more of its co-members `before` than any other
/// complex of `r` does, and at least one (see [`Flip::stayed`]).
fn stayed(r: &BoundaryReport, unit: &str, before: &BTreeSet<String>) -> bool {
    let kept = |members: &[String]| members.iter().filter(|m| before.contains(*m)).count();
    let Some(own) = r
        .complexes
        .iter()
        .position(|c| c.members.iter().any(|m| m == unit))
    else {
        return false;
    };
    let mine = kept(&r.complexes[own].members);
    mine > 0
        && r.complexes
            .iter()
            .enumerate()
            .all(|(i, c)| i == own || kept(&c.members) < mine)
}

/// The partner holding the largest share of `unit`'s interdependence in `g` (the first by
/// identifier among equals); `None` for a unit absent or without ties.
fn main_partner(g: &InterdependenceGraph, unit: &str) -> Option<String> {
    let i = g.position(unit)?;
    g.neighbours(i)
        .map(|(j, w)| (g.units()[j].as_str(), w.total()))
        .max_by(|a, b| a.1.total_cmp(&b.1).then_with(|| b.0.cmp(a.0)))
        .map(|(p, _)| p.to_owned())
}

/// The change of `unit`'s ties from `a` to `b`: Σ_j |w_b(j) − w_a(j)| over the larger
/// strength, the partners matched by identifier (0 for a unit with no ties in either).
fn tie_change(a: &InterdependenceGraph, b: &InterdependenceGraph, unit: &str) -> Option<f64> {
    let (ia, ib) = (a.position(unit)?, b.position(unit)?);
    let mut w: FxHashMap<&str, (f64, f64)> = FxHashMap::default();
    for (j, x) in a.neighbours(ia) {
        w.entry(a.units()[j].as_str()).or_default().0 += x.total();
    }
    for (j, x) in b.neighbours(ib) {
        w.entry(b.units()[j].as_str()).or_default().1 += x.total();
    }
    let scale = a.strength(ia).max(b.strength(ib));
    let diff: f64 = w.values().map(|(x, y)| (y - x).abs()).sum();
    Some(if scale > 0.0 { diff / scale } else { 0.0 })
}
