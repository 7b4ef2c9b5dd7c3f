//! The signed triangle census: +++, ++−, +−−, −−− for the graph and per unit.

use super::BalanceError;
use super::census_bits;
use super::csr::{self, ID_MASK, Oriented};
use crate::internal::parallel;
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

crate::internal::builder! {
    /// Options of [`triangle_census`]. A builder; by default per-unit counts are on, the weighted
    /// variant and the list of unbalanced triangles off, and large graphs use all cores.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub struct CensusOptions;
    /// The defaults.
    fn new();
    per_unit: bool = true;
    weighted: bool = false;
    unbalanced_list: bool = false;
    /// Threads for graphs of 100,000 ties or more: 0 (the default) rayon's current pool —
    /// every core, or `RAYON_NUM_THREADS`, or the pool of a caller already running in
    /// one —, 1 the calling thread alone, `n` a pool of `n` threads of its own. Results
    /// do not depend on it, byte for byte.
    threads(threads: usize) = 0, get_threads;
}

impl CensusOptions {
    crate::internal::switches! {
        /// Counts the triangles of each unit (the default).
        with_per_unit,
        /// Counts the triangles of the whole graph only
        /// ([`TriangleCensus::per_unit`] empty).
        without_per_unit => per_unit;
        /// Computes the weighted variant ([`WeightedTriangleCounts`]).
        with_weighted,
        /// Leaves the weighted variant out (the default).
        without_weighted => weighted;
        /// Lists the strictly unbalanced triangles (++− and −−−).
        with_unbalanced_list,
        /// Lists no triangle (the default).
        without_unbalanced_list => unbalanced_list;
    }
    crate::internal::getters! {
        /// Whether the triangles of each unit are counted.
        per_unit: bool;
        /// Whether the weighted variant is computed.
        weighted: bool;
        /// Whether the strictly unbalanced triangles are listed.
        unbalanced_list: bool;
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
/// no hashing. Ties whose sign is `None` are absent and counted. When only the counts are
/// asked for (no per-unit counts, weights or list) and the graph is small and dense (at most
/// 4,096 units, average degree high enough for the bit rows), the triangles are counted
/// instead by intersecting adjacency bit sets, 2.5× faster on the world panel's yearly graphs.
///
/// # Complexity
/// O(m · sqrt(m)) time, O(n + m) memory; the bit-set path O(n²/64 + m · n/64) time and
/// O(n²/32) bits.
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
    let edges = csr::collect(
        g,
        csr::Gather {
            magnitudes: options.weighted,
            ..csr::Gather::default()
        },
    )?;
    if !(options.per_unit || options.weighted || options.unbalanced_list)
        && census_bits::suits(edges.n, edges.ends.len())
    {
        let counts = TriangleCounts::from_negatives(census_bits::census_bits(&edges, MEASURE)?);
        return Ok(TriangleCensus {
            counts,
            per_unit: Vec::new(),
            weighted: None,
            unbalanced: None,
            neutral_ties: edges.neutral,
        });
    }
    let o = Oriented::build(&edges, MEASURE)?;
    let acc = enumerate(&o, options)?;
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
    let unbalanced = options.unbalanced_list.then(|| {
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

/// Graphs with fewer ties than this are enumerated on one thread.
const PARALLEL_MIN_TIES: usize = 100_000;
/// The number of work blocks of a parallel enumeration (fixed, so that the weighted sums,
/// added block by block in order, do not depend on the number of threads).
const BLOCKS: usize = 64;

/// What the enumeration found.
struct Acc {
    counts: [u64; 4],
    per: Vec<[u64; 4]>,
    weight: [f64; 4],
    list: Vec<([u32; 3], u8)>,
}

/// What one block found.
#[derive(Default)]
struct Block {
    counts: [u64; 4],
    weight: [f64; 4],
    list: Vec<([u32; 3], u8)>,
    /// The first pair (new ids) joined by two ties, if any.
    parallel: Option<(u32, u32)>,
}

/// Splits the units into blocks of about equal work (the wedges each unit closes).
fn blocks(o: &Oriented) -> Vec<std::ops::Range<usize>> {
    let n = o.len();
    if o.out.len() < PARALLEL_MIN_TIES {
        return std::iter::once(0..n).collect();
    }
    let outdeg = |v: usize| o.offsets[v + 1] - o.offsets[v];
    let work: Vec<usize> = (0..n)
        .map(|u| {
            let out = &o.out[o.offsets[u]..o.offsets[u + 1]];
            out.len()
                + out
                    .iter()
                    .map(|&x| outdeg((x & ID_MASK) as usize))
                    .sum::<usize>()
        })
        .collect();
    let total: usize = work.iter().sum();
    let target = total / BLOCKS + 1;
    let mut out = Vec::with_capacity(BLOCKS + 1);
    let (mut start, mut acc) = (0, 0);
    for (u, w) in work.iter().enumerate() {
        acc += w;
        if acc >= target {
            out.push(start..u + 1);
            start = u + 1;
            acc = 0;
        }
    }
    if start < n {
        out.push(start..n);
    }
    out
}

/// Enumerates the triangles, in parallel on large graphs.
fn enumerate(o: &Oriented, options: &CensusOptions) -> Result<Acc, BalanceError> {
    let (per_unit, weighted, list) = (options.per_unit, options.weighted, options.unbalanced_list);
    let n = o.len();
    let ranges = blocks(o);
    // One worker per thread of the pool, each taking the next block until none is left.
    let workers = if ranges.len() == 1 {
        1
    } else {
        parallel::width(options.threads).min(ranges.len())
    };
    let next = std::sync::atomic::AtomicUsize::new(0);
    let worker = || {
        let mut mark = vec![0u8; n];
        let mut wmark = if weighted {
            vec![0.0f64; n]
        } else {
            Vec::new()
        };
        let mut per = if per_unit {
            vec![[0u64; 4]; n]
        } else {
            Vec::new()
        };
        let mut done: Vec<(usize, Block)> = Vec::new();
        loop {
            let b = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            let Some(r) = ranges.get(b) else { break };
            let mut blk = Block::default();
            let mut scratch = Scratch {
                mark: &mut mark,
                wmark: &mut wmark,
                per: &mut per,
            };
            match (per_unit, weighted, list) {
                (false, false, false) => {
                    run::<false, false, false>(o, r.clone(), &mut scratch, &mut blk)
                }
                (true, false, false) => {
                    run::<true, false, false>(o, r.clone(), &mut scratch, &mut blk)
                }
                (false, true, false) => {
                    run::<false, true, false>(o, r.clone(), &mut scratch, &mut blk)
                }
                (true, true, false) => {
                    run::<true, true, false>(o, r.clone(), &mut scratch, &mut blk)
                }
                (false, false, true) => {
                    run::<false, false, true>(o, r.clone(), &mut scratch, &mut blk)
                }
                (true, false, true) => {
                    run::<true, false, true>(o, r.clone(), &mut scratch, &mut blk)
                }
                (false, true, true) => {
                    run::<false, true, true>(o, r.clone(), &mut scratch, &mut blk)
                }
                (true, true, true) => run::<true, true, true>(o, r.clone(), &mut scratch, &mut blk),
            }
            done.push((b, blk));
        }
        (per, done)
    };
    let results: Vec<ThreadResult> = if workers <= 1 {
        vec![worker()]
    } else {
        let workers: Vec<usize> = (0..workers).collect();
        parallel::install(options.threads, || {
            parallel::map(options.threads, &workers, |_| worker())
        })
    };
    let mut per: Vec<[u64; 4]> = Vec::new();
    let mut all: Vec<(usize, Block)> = Vec::with_capacity(ranges.len());
    for (p, done) in results {
        if per.is_empty() {
            per = p;
        } else {
            for (x, y) in per.iter_mut().zip(&p) {
                for k in 0..4 {
                    x[k] += y[k];
                }
            }
        }
        all.extend(done);
    }
    all.sort_unstable_by_key(|(b, _)| *b);
    let mut acc = Acc {
        counts: [0; 4],
        per,
        weight: [0.0; 4],
        list: Vec::new(),
    };
    for (_, blk) in all {
        if let Some((u, w)) = blk.parallel {
            let (a, b) = (o.order[u as usize] as usize, o.order[w as usize] as usize);
            return Err(BalanceError::ParallelTies {
                measure: MEASURE,
                a: a.min(b),
                b: a.max(b),
            });
        }
        for k in 0..4 {
            acc.counts[k] += blk.counts[k];
            acc.weight[k] += blk.weight[k];
        }
        acc.list.extend(blk.list);
    }
    Ok(acc)
}

/// What one thread found: its per-unit counts and its blocks by number.
type ThreadResult = (Vec<[u64; 4]>, Vec<(usize, Block)>);

/// Per-thread work arrays.
struct Scratch<'a> {
    mark: &'a mut [u8],
    wmark: &'a mut [f64],
    per: &'a mut [[u64; 4]],
}

/// Enumerates the triangles whose lowest-ranked unit is in `range`.
fn run<const PER: bool, const W: bool, const LIST: bool>(
    o: &Oriented,
    range: std::ops::Range<usize>,
    s: &mut Scratch<'_>,
    blk: &mut Block,
) {
    let (mark, wmark) = (&mut *s.mark, &mut *s.wmark);
    let mut counts = [0u64; 4];
    for u in range {
        let (lo, hi) = (o.offsets[u], o.offsets[u + 1]);
        if hi - lo < 2 {
            continue;
        }
        let out_u = &o.out[lo..hi];
        for (p, &x) in out_u.iter().enumerate() {
            let w = (x & ID_MASK) as usize;
            if mark[w] != 0 {
                blk.parallel = Some((u as u32, w as u32));
                for &y in out_u {
                    mark[(y & ID_MASK) as usize] = 0;
                }
                return;
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
                        s.per[u][k] += 1;
                        s.per[v][k] += 1;
                        s.per[w][k] += 1;
                    }
                    if W {
                        let prod = o.weight[lo + p] * o.weight[vlo + q] * wmark[w];
                        blk.weight[k] += prod.cbrt();
                    }
                    if LIST && k % 2 == 1 {
                        blk.list.push(([u as u32, v as u32, w as u32], k as u8));
                    }
                }
            }
        }
        for &x in out_u {
            mark[(x & ID_MASK) as usize] = 0;
        }
    }
    blk.counts = counts;
}
