//! Complex detection: superpowers set apart, Louvain modularity on the rest, insulators taken
//! out, and the qualification test for each candidate.

use super::interdependence::InterdependenceGraph;
use super::louvain::{WeightedGraph, louvain, modularity};
use super::metrics::{BoundaryMetrics, metrics};
use super::roles::{Insulator, find_insulators};
use super::{BoundaryError, BoundaryOptions};
use crate::tolerance::clearly_below;
use crate::unit::UnitKind;

/// The qualification test of a candidate complex (theory [§3](crate::guide::theory#3-boundaries)), with the numbers that decided.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Qualification {
    /// Members that are states or institutions (autonomous units); at least 2 are needed.
    pub autonomous_units: usize,
    /// Σ over members of their internal interdependence (each internal pair counted twice,
    /// as in Radicchi et al. 2004).
    pub internal_degree: f64,
    /// Σ over members of their external interdependence (units set apart excluded).
    pub external_degree: f64,
    /// Whether internal > external (a community in the weak sense of Radicchi et al. 2004).
    pub weak_community: bool,
    /// Members whose internal share of interdependence is below the threshold.
    pub weak_members: Vec<(String, f64)>,
    /// Whether the candidate is a regional security complex.
    pub qualified: bool,
    /// Whether a failing candidate is still a proto-complex (≥ 2 autonomous units, internal
    /// at least `proto_ratio` × external).
    pub proto: bool,
    /// Why it failed, in words (empty when qualified).
    pub reasons: Vec<String>,
}

/// A candidate complex.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Candidate {
    /// The members, in the security graph's unit order.
    pub members: Vec<String>,
    /// The qualification test.
    pub qualification: Qualification,
    /// Boundary metrics.
    pub metrics: BoundaryMetrics,
}

/// The result of [`detect_complexes`].
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Detection {
    /// Candidates of two or more units, in order of their first member.
    pub candidates: Vec<Candidate>,
    /// Units set apart from detection (superpowers), in unit order.
    pub set_apart: Vec<String>,
    /// Insulators taken out of the candidates.
    pub insulators: Vec<Insulator>,
    /// Units in no candidate of two or more (isolated, or alone in their community).
    pub alone: Vec<String>,
    /// Modularity of the partition found (before insulators were taken out).
    pub modularity: f64,
}

impl Detection {
    /// The qualified complexes.
    pub fn complexes(&self) -> impl Iterator<Item = &Candidate> {
        self.candidates.iter().filter(|c| c.qualification.qualified)
    }
}

/// Detects candidate complexes in an interdependence graph.
///
/// Superpowers (by `options.classes`) are set apart — never merged into a region. The other
/// units are partitioned by seeded Louvain modularity maximisation (Blondel et al. 2008) with
/// the resolution parameter (Reichardt & Bornholdt 2006). Insulators (see
/// [`BoundaryOptions::insulator`]) are then taken out of their communities, and each community
/// of two or more units is put to the qualification test: at least two autonomous units;
/// internal interdependence greater than external (Radicchi et al. 2004, weak sense); every
/// member with at least `member_share` of its interdependence inside. Ties with units set
/// apart count in neither. Signs are not cut on: enemies belong together.
///
/// # Complexity
/// O(m log n) per Louvain level in practice; O(n + m) for the rest.
///
/// # Errors
/// [`BoundaryError::BadParameter`] for an option out of range.
///
/// # Example
/// ```
/// use rsct::boundary::{detect_complexes, interdependence, BoundaryOptions, InterdependenceOptions};
/// use rsct::{SecurityGraph, Dataset, DerivationRules, Evidence, Period, Relation, Sector, Sign, Unit};
/// let mut b = Dataset::builder();
/// for id in ["A1", "A2", "A3", "B1", "B2", "B3"] { b = b.unit(Unit::state(id, id)?); }
/// let tie = |a: &str, c: &str, s| Relation::builder(a, c, s, Period::from_year(2000))
///     .intensity(1.0).sector(Sector::Military).evidence(Evidence::new("x").unwrap()).build().unwrap();
/// let ds = b.relations([tie("A1","A2",Sign::Enmity), tie("A2","A3",Sign::Amity), tie("A1","A3",Sign::Enmity),
///                       tie("B1","B2",Sign::Amity), tie("B2","B3",Sign::Amity), tie("B1","B3",Sign::Enmity),
///                       tie("A3","B1",Sign::Amity)])
///     .build()?;
/// let g = interdependence(&ds.snapshot(2001, &DerivationRules::new())?, &InterdependenceOptions::new())?;
/// let d = detect_complexes(&g, &BoundaryOptions::new())?;
/// let found: Vec<Vec<String>> = d.complexes().map(|c| c.members.clone()).collect();
/// assert_eq!(found, vec![vec!["A1", "A2", "A3"], vec!["B1", "B2", "B3"]]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn detect_complexes(
    g: &InterdependenceGraph,
    options: &BoundaryOptions,
) -> Result<Detection, BoundaryError> {
    options.check()?;
    let n = g.ids.len();
    let apart: Vec<bool> = g.ids.iter().map(|u| options.is_set_apart(u)).collect();
    // Louvain on the units not set apart, taken in identifier order so that the result does
    // not depend on the order of units in the data set.
    let mut keep: Vec<usize> = (0..n).filter(|&i| !apart[i]).collect();
    keep.sort_by(|&a, &b| g.ids[a].cmp(&g.ids[b]));
    let mut local = vec![usize::MAX; n];
    for (k, &i) in keep.iter().enumerate() {
        local[i] = k;
    }
    let edges: Vec<(usize, usize, f64)> = g
        .edges
        .iter()
        .filter(|(a, b, _)| !apart[*a] && !apart[*b])
        .map(|&(a, b, w)| (local[a], local[b], w.total()))
        .collect();
    let wg = WeightedGraph::new(keep.len(), &edges);
    let part = louvain(&wg, options.resolution, options.seed);
    let q = modularity(&wg, &part, options.resolution);
    let mut community = vec![usize::MAX; n];
    for (k, &i) in keep.iter().enumerate() {
        community[i] = part[k];
    }
    let insulators = find_insulators(g, &community, &apart, options);
    for ins in &insulators {
        if let Some(i) = g.position(&ins.unit) {
            community[i] = usize::MAX;
        }
    }
    let k = community
        .iter()
        .filter(|&&c| c != usize::MAX)
        .max()
        .map_or(0, |&c| c + 1);
    let mut groups: Vec<Vec<usize>> = vec![Vec::new(); k];
    for (i, &c) in community.iter().enumerate() {
        if c != usize::MAX {
            groups[c].push(i);
        }
    }
    let mut candidates = Vec::new();
    let mut alone = Vec::new();
    for members in groups {
        if members.len() < 2 {
            alone.extend(members.iter().map(|&i| g.ids[i].clone()));
            continue;
        }
        candidates.push(qualify(g, &members, &apart, options));
    }
    candidates.sort_by_key(|c| g.position(&c.members[0]));
    let set_apart = (0..n)
        .filter(|&i| apart[i])
        .map(|i| g.ids[i].clone())
        .collect();
    let mut alone: Vec<String> = alone;
    alone.sort_by_key(|u| g.position(u));
    Ok(Detection {
        candidates,
        set_apart,
        insulators,
        alone,
        modularity: q,
    })
}

/// The qualification test and metrics of a member set (positions, in unit order).
pub(crate) fn qualify(
    g: &InterdependenceGraph,
    members: &[usize],
    apart: &[bool],
    options: &BoundaryOptions,
) -> Candidate {
    let mut inside = vec![false; g.ids.len()];
    for &i in members {
        inside[i] = true;
    }
    let m: BoundaryMetrics = metrics(g, &inside, apart);
    let autonomous_units = members
        .iter()
        .filter(|&&i| matches!(g.kinds[i], UnitKind::State | UnitKind::Institution))
        .count();
    let mut weak_members = Vec::new();
    for &i in members {
        let (mut inn, mut tot) = (0.0, 0.0);
        for (j, w) in g.neighbours(i) {
            if apart[j] {
                continue;
            }
            tot += w.total();
            if inside[j] {
                inn += w.total();
            }
        }
        let share = if tot > 0.0 { inn / tot } else { 0.0 };
        if clearly_below(share, options.member_share) {
            weak_members.push((g.ids[i].clone(), share));
        }
    }
    let internal_degree = 2.0 * m.internal;
    let external_degree = m.external;
    // Sums within rounding of each other count as equal (see `tolerance::SUM_RELATIVE`), so
    // that the order of units cannot flip the test.
    let weak_community = clearly_below(external_degree, internal_degree);
    let mut reasons = Vec::new();
    if autonomous_units < 2 {
        reasons.push(format!(
            "only {autonomous_units} autonomous unit(s); a complex needs at least 2"
        ));
    }
    if !weak_community {
        reasons.push(format!(
            "internal interdependence {internal_degree:.3} does not exceed external {external_degree:.3}"
        ));
    }
    for (u, s) in &weak_members {
        reasons.push(format!(
            "{u} has only {:.0} % of its interdependence inside (threshold {:.0} %)",
            s * 100.0,
            options.member_share * 100.0
        ));
    }
    let qualified = reasons.is_empty();
    let proto = !qualified
        && autonomous_units >= 2
        && !clearly_below(internal_degree, options.proto_ratio * external_degree)
        && internal_degree > 0.0;
    Candidate {
        members: members.iter().map(|&i| g.ids[i].clone()).collect(),
        qualification: Qualification {
            autonomous_units,
            internal_degree,
            external_degree,
            weak_community,
            weak_members,
            qualified,
            proto,
            reasons,
        },
        metrics: m,
    }
}
