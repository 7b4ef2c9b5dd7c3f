//! The signed triangle census: +++, ++−, +−−, −−− for the graph and per unit.

use super::BalanceError;
use super::csr::{self, ID_MASK, Oriented};
use crate::sign::SignedWeight;
use petgraph::visit::{IntoEdgeReferences, NodeIndexable};
use serde::Serialize;

const MEASURE: &str = "signed triangle census";

/// Counts of triangles by their number of negative ties.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct TriangleCounts {
    ppp: u64,
    ppm: u64,
    pmm: u64,
    mmm: u64,
}

impl TriangleCounts {
    /// Counts from an array indexed by the number of negative ties (0 to 3).
    #[must_use]
    pub fn from_negatives(by_negatives: [u64; 4]) -> Self {
        let [ppp, ppm, pmm, mmm] = by_negatives;
        Self { ppp, ppm, pmm, mmm }
    }
    /// Triangles with three positive ties (+++), balanced.
    #[must_use]
    pub fn ppp(&self) -> u64 {
        self.ppp
    }
    /// Triangles with one negative tie (++−), unbalanced, strictly and weakly.
    #[must_use]
    pub fn ppm(&self) -> u64 {
        self.ppm
    }
    /// Triangles with two negative ties (+−−): "the enemy of my enemy is my friend", balanced.
    #[must_use]
    pub fn pmm(&self) -> u64 {
        self.pmm
    }
    /// Triangles with three negative ties (−−−): unbalanced strictly, balanced weakly.
    #[must_use]
    pub fn mmm(&self) -> u64 {
        self.mmm
    }
    /// The counts indexed by the number of negative ties.
    #[must_use]
    pub fn by_negatives(&self) -> [u64; 4] {
        [self.ppp, self.ppm, self.pmm, self.mmm]
    }
    /// All triangles.
    #[must_use]
    pub fn total(&self) -> u64 {
        self.ppp + self.ppm + self.pmm + self.mmm
    }
    /// Strictly balanced triangles: +++ and +−− (an even number of negative ties).
    #[must_use]
    pub fn balanced(&self) -> u64 {
        self.ppp + self.pmm
    }
    /// Strict triangle balance (+++ + +−−) / all; `None` without triangles.
    #[must_use]
    pub fn strict_ratio(&self) -> Option<f64> {
        ratio(self.balanced(), self.total())
    }
    /// Weak triangle balance (+++ + +−− + −−−) / all (Davis: only ++− is unbalanced);
    /// `None` without triangles.
    #[must_use]
    pub fn weak_ratio(&self) -> Option<f64> {
        ratio(self.balanced() + self.mmm, self.total())
    }
}

fn ratio(a: u64, b: u64) -> Option<f64> {
    (b > 0).then(|| a as f64 / b as f64)
}

/// Weighted triangle counts: each triangle contributes its intensity, the geometric mean
/// `(w₁ w₂ w₃)^(1/3)` of the magnitudes of its three ties (Onnela, Saramäki, Kertész &
/// Kaski 2005), to the class given by its signs. With unit magnitudes these equal the counts.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct WeightedTriangleCounts {
    ppp: f64,
    ppm: f64,
    pmm: f64,
    mmm: f64,
}

impl WeightedTriangleCounts {
    /// Summed intensity of +++ triangles.
    #[must_use]
    pub fn ppp(&self) -> f64 {
        self.ppp
    }
    /// Summed intensity of ++− triangles.
    #[must_use]
    pub fn ppm(&self) -> f64 {
        self.ppm
    }
    /// Summed intensity of +−− triangles.
    #[must_use]
    pub fn pmm(&self) -> f64 {
        self.pmm
    }
    /// Summed intensity of −−− triangles.
    #[must_use]
    pub fn mmm(&self) -> f64 {
        self.mmm
    }
    /// Summed intensity of all triangles.
    #[must_use]
    pub fn total(&self) -> f64 {
        self.ppp + self.ppm + self.pmm + self.mmm
    }
    /// Weighted strict balance (+++ + +−−) / all; `None` without triangles.
    #[must_use]
    pub fn strict_ratio(&self) -> Option<f64> {
        let t = self.total();
        (t > 0.0).then(|| (self.ppp + self.pmm) / t)
    }
    /// Weighted weak balance (+++ + +−− + −−−) / all; `None` without triangles.
    #[must_use]
    pub fn weak_ratio(&self) -> Option<f64> {
        let t = self.total();
        (t > 0.0).then(|| (self.ppp + self.pmm + self.mmm) / t)
    }
}

/// A triangle: its three units in index order and its number of negative ties.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Triangle<N> {
    units: [N; 3],
    negatives: u8,
}

impl<N: Copy> Triangle<N> {
    /// The three units, in index order.
    #[must_use]
    pub fn units(&self) -> [N; 3] {
        self.units
    }
    /// The number of negative ties (1 or 3 for an unbalanced triangle).
    #[must_use]
    pub fn negatives(&self) -> u8 {
        self.negatives
    }
}

/// Options of [`triangle_census`]. A builder; by default per-unit counts are on, the weighted
/// variant and the list of unbalanced triangles off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[must_use]
pub struct CensusOptions {
    per_unit: bool,
    weighted: bool,
    list_unbalanced: bool,
}

impl Default for CensusOptions {
    fn default() -> Self {
        Self::new()
    }
}

impl CensusOptions {
    /// The defaults.
    pub fn new() -> Self {
        Self {
            per_unit: true,
            weighted: false,
            list_unbalanced: false,
        }
    }
    /// Whether to count triangles per unit (on by default).
    pub fn per_unit(mut self, on: bool) -> Self {
        self.per_unit = on;
        self
    }
    /// Whether to compute the weighted variant ([`WeightedTriangleCounts`]).
    pub fn weighted(mut self, on: bool) -> Self {
        self.weighted = on;
        self
    }
    /// Whether to list the strictly unbalanced triangles (++− and −−−).
    pub fn list_unbalanced(mut self, on: bool) -> Self {
        self.list_unbalanced = on;
        self
    }
}

/// The result of [`triangle_census`].
#[derive(Debug, Clone, PartialEq)]
pub struct TriangleCensus<N> {
    counts: TriangleCounts,
    per_unit: Vec<TriangleCounts>,
    weighted: Option<WeightedTriangleCounts>,
    unbalanced: Option<Vec<Triangle<N>>>,
    neutral_ties: usize,
}

impl<N> TriangleCensus<N> {
    /// The counts for the whole graph.
    #[must_use]
    pub fn counts(&self) -> &TriangleCounts {
        &self.counts
    }
    /// The counts of the triangles each unit is part of, indexed by node index (empty when
    /// per-unit counts were turned off).
    #[must_use]
    pub fn per_unit(&self) -> &[TriangleCounts] {
        &self.per_unit
    }
    /// The weighted counts, when asked for.
    #[must_use]
    pub fn weighted(&self) -> Option<&WeightedTriangleCounts> {
        self.weighted.as_ref()
    }
    /// The strictly unbalanced triangles (sorted by their units' indices), when asked for.
    #[must_use]
    pub fn unbalanced(&self) -> Option<&[Triangle<N>]> {
        self.unbalanced.as_deref()
    }
    /// Ties whose sign is `None` (zero net weight), treated as absent.
    #[must_use]
    pub fn neutral_ties(&self) -> usize {
        self.neutral_ties
    }
}

/// Counts the triangles of a signed graph by their signs: +++, ++−, +−−, −−− (Cartwright &
/// Harary 1956; strict and weak ratios as in Davis 1967), for the graph and per unit, with an
/// optional weighted variant ([`WeightedTriangleCounts`]) and list of unbalanced triangles.
///
/// Units are ranked by degree and each tie oriented from its lower-ranked end, so every
/// triangle is found exactly once from its lowest-ranked unit and every out-list has at most
/// `sqrt(2m)` entries (Chiba & Nishizeki 1985; Latapy 2008). The out-neighbours of a unit
/// are marked with their sign in a dense array, so the inner loop reads two arrays and does
/// no hashing. Ties whose sign is `None` are absent and counted.
///
/// # Complexity
/// O(m · sqrt(m)) time, O(n + m) memory.
///
/// # Errors
/// [`BalanceError::SelfLoop`] and [`BalanceError::ParallelTies`] (the census is defined on
/// simple graphs); [`BalanceError::TooManyUnits`].
///
/// # Example
/// ```
/// use rsct::{Sign, SignedGraph};
/// use rsct::balance::{triangle_census, CensusOptions};
///
/// let g = SignedGraph::from_edges(
///     ["A", "B", "C", "D"],
///     [(0, 1, Sign::Amity), (1, 2, Sign::Enmity), (0, 2, Sign::Enmity),
///      (2, 3, Sign::Amity), (0, 3, Sign::Amity)],
/// )?;
/// let c = triangle_census(g.graph(), &CensusOptions::new())?;
/// assert_eq!(c.counts().by_negatives(), [0, 1, 1, 0]);
/// assert_eq!(c.counts().strict_ratio(), Some(0.5));
/// assert_eq!(c.per_unit()[2].total(), 2);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn triangle_census<G>(
    g: G,
    options: &CensusOptions,
) -> Result<TriangleCensus<G::NodeId>, BalanceError>
where
    G: IntoEdgeReferences + NodeIndexable,
    G::EdgeWeight: SignedWeight,
{
    let edges = csr::collect(g, options.weighted)?;
    let o = Oriented::build(&edges, MEASURE)?;
    let mut acc = Acc {
        counts: [0; 4],
        per: if options.per_unit {
            vec![[0; 4]; o.len()]
        } else {
            Vec::new()
        },
        weight: [0.0; 4],
        list: Vec::new(),
    };
    let r = match (options.per_unit, options.weighted, options.list_unbalanced) {
        (false, false, false) => run::<false, false, false>(&o, &mut acc),
        (true, false, false) => run::<true, false, false>(&o, &mut acc),
        (false, true, false) => run::<false, true, false>(&o, &mut acc),
        (true, true, false) => run::<true, true, false>(&o, &mut acc),
        (false, false, true) => run::<false, false, true>(&o, &mut acc),
        (true, false, true) => run::<true, false, true>(&o, &mut acc),
        (false, true, true) => run::<false, true, true>(&o, &mut acc),
        (true, true, true) => run::<true, true, true>(&o, &mut acc),
    };
    if let Err((u, w)) = r {
        let (a, b) = (o.order[u as usize] as usize, o.order[w as usize] as usize);
        return Err(BalanceError::ParallelTies {
            measure: MEASURE,
            a: a.min(b),
            b: a.max(b),
        });
    }
    let per_unit = if options.per_unit {
        let mut per = vec![TriangleCounts::default(); edges.n];
        for (new, c) in acc.per.iter().enumerate() {
            per[o.order[new] as usize] = TriangleCounts::from_negatives(*c);
        }
        per
    } else {
        Vec::new()
    };
    let weighted = options.weighted.then(|| {
        let [ppp, ppm, pmm, mmm] = acc.weight;
        WeightedTriangleCounts { ppp, ppm, pmm, mmm }
    });
    let unbalanced = options.list_unbalanced.then(|| {
        let mut list: Vec<([u32; 3], u8)> = acc
            .list
            .iter()
            .map(|&(t, k)| {
                let mut t = t.map(|x| o.order[x as usize]);
                t.sort_unstable();
                (t, k)
            })
            .collect();
        list.sort_unstable();
        list.into_iter()
            .map(|(t, k)| Triangle {
                units: t.map(|x| g.from_index(x as usize)),
                negatives: k,
            })
            .collect()
    });
    let counts = TriangleCounts::from_negatives(acc.counts);
    Ok(TriangleCensus {
        counts,
        per_unit,
        weighted,
        unbalanced,
        neutral_ties: edges.neutral,
    })
}

struct Acc {
    counts: [u64; 4],
    per: Vec<[u64; 4]>,
    weight: [f64; 4],
    list: Vec<([u32; 3], u8)>,
}

/// The enumeration; `Err((u, w))` (new ids) when two ties join `u` and `w`.
fn run<const PER: bool, const W: bool, const LIST: bool>(
    o: &Oriented,
    acc: &mut Acc,
) -> Result<(), (u32, u32)> {
    let n = o.len();
    let mut mark = vec![0u8; n];
    let mut wmark = if W { vec![0.0f64; n] } else { Vec::new() };
    let mut counts = [0u64; 4];
    for u in 0..n {
        let (lo, hi) = (o.offsets[u], o.offsets[u + 1]);
        if hi - lo < 2 {
            continue;
        }
        let out_u = &o.out[lo..hi];
        for (p, &x) in out_u.iter().enumerate() {
            let w = (x & ID_MASK) as usize;
            if mark[w] != 0 {
                return Err((u as u32, w as u32));
            }
            mark[w] = 1 + (x >> 31) as u8;
            if W {
                wmark[w] = o.weight[lo + p];
            }
        }
        for (p, &x) in out_u.iter().enumerate() {
            let v = (x & ID_MASK) as usize;
            let s_uv = x >> 31;
            let (vlo, vhi) = (o.offsets[v], o.offsets[v + 1]);
            for (q, &y) in o.out[vlo..vhi].iter().enumerate() {
                let w = (y & ID_MASK) as usize;
                let m = mark[w];
                if m != 0 {
                    let k = (u32::from(m) - 1 + s_uv + (y >> 31)) as usize;
                    counts[k] += 1;
                    if PER {
                        acc.per[u][k] += 1;
                        acc.per[v][k] += 1;
                        acc.per[w][k] += 1;
                    }
                    if W {
                        let prod = o.weight[lo + p] * o.weight[vlo + q] * wmark[w];
                        acc.weight[k] += prod.cbrt();
                    }
                    if LIST && k % 2 == 1 {
                        acc.list.push(([u as u32, v as u32, w as u32], k as u8));
                    }
                }
            }
        }
        for &x in out_u {
            mark[(x & ID_MASK) as usize] = 0;
        }
    }
    acc.counts = counts;
    Ok(())
}
