//! k-way signed partitions (Doreian & Mrvar 1996): minimise `α·N + (1 − α)·P`, where `N`
//! counts (or weighs) the enmity ties inside clusters and `P` the amity ties across them.
//!
//! `α = 0.5` weighs both kinds of inconsistency equally: the criterion is then half the
//! number of *inconsistent ties* `N + P`. (R's signnet reports `α·2N + (1 − α)·2P` for
//! undirected graphs, because it sums over both triangles of the adjacency matrix.)

use super::input::Input;
use super::work::Rng;
use super::{FrustrationError, Weighting};
use crate::sign::SignedWeight;
use crate::tolerance::FRUSTRATION_EPS;
use petgraph::visit::{IntoEdgeReferences, NodeIndexable};

/// How many clusters a partition may have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Clusters {
    /// Exactly `k` non-empty clusters (Doreian & Mrvar's fixed `k`).
    Exactly(usize),
    /// At most `k` clusters.
    AtMost(usize),
    /// Any number of clusters (`k` free; for `α = 0.5` this is correlation clustering).
    Free,
}

/// Heuristic or exact search.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum KwaySearch {
    /// Seeded multi-start relocation local search with perturbation (any size).
    #[default]
    Heuristic,
    /// Branch and bound, for graphs of at most [`KwayOptions::EXACT_MAX_NODES`] nodes.
    Exact,
}

crate::internal::builder! {
    /// Options of [`signed_kway_partition`]: a builder. Defaults: exactly 2 clusters,
    /// `α = 0.5`, heuristic search, seed 0, 16 starts, unweighted.
    #[derive(Debug, Clone, PartialEq)]
    pub struct KwayOptions;
    /// The defaults.
    fn new();
    /// The number of clusters.
    clusters(clusters: Clusters) = Clusters::Exactly(2), get_clusters;
    /// The weight `α ∈ [0, 1]` of enmity inside clusters (amity across weighs `1 − α`).
    alpha(alpha: f64) = 0.5, get_alpha;
    /// Heuristic or exact.
    search(search: KwaySearch) = KwaySearch::Heuristic, get_search;
    /// The seed.
    seed(seed: u64) = 0, get_seed;
    /// Number of starts of the local search (at least 1).
    starts(starts: usize) = 16 => starts.max(1), get_starts;
    /// Unweighted or weighted by magnitude.
    weighting(weighting: Weighting) = Weighting::Unweighted, get_weighting;
}

impl KwayOptions {
    /// Largest graph (active nodes) the exact search accepts.
    pub const EXACT_MAX_NODES: usize = 40;
}

/// A k-way signed partition.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct KwayPartition {
    membership: Vec<usize>,
    clusters: usize,
    criterion: f64,
    negative_inside: f64,
    positive_across: f64,
    inconsistent: usize,
    optimal: bool,
}

impl KwayPartition {
    /// The cluster of every node slot, numbered `0..clusters()` in order of first appearance.
    #[must_use]
    pub fn membership(&self) -> &[usize] {
        &self.membership
    }
    /// The number of non-empty clusters.
    #[must_use]
    pub fn clusters(&self) -> usize {
        self.clusters
    }
    /// `α·N + (1 − α)·P`.
    #[must_use]
    pub fn criterion(&self) -> f64 {
        self.criterion
    }
    /// `N`: enmity inside clusters (count, or weight when weighted).
    #[must_use]
    pub fn negative_inside(&self) -> f64 {
        self.negative_inside
    }
    /// `P`: amity across clusters (count, or weight when weighted).
    #[must_use]
    pub fn positive_across(&self) -> f64 {
        self.positive_across
    }
    /// The number of inconsistent ties (enmity inside plus amity across).
    #[must_use]
    pub fn inconsistent(&self) -> usize {
        self.inconsistent
    }
    /// Whether the criterion is proven minimal (exact search completed).
    #[must_use]
    pub fn is_optimal(&self) -> bool {
        self.optimal
    }
}

struct Kg {
    off: Vec<usize>,
    /// (neighbour, weight, negative)
    adj: Vec<(u32, f64, bool)>,
}

impl Kg {
    fn nb(&self, v: usize) -> &[(u32, f64, bool)] {
        &self.adj[self.off[v]..self.off[v + 1]]
    }
}

fn build(input: &Input) -> Kg {
    let n = input.n;
    let mut deg = vec![0usize; n + 1];
    for e in &input.edges {
        if e.a != e.b {
            deg[e.a] += 1;
            deg[e.b] += 1;
        }
    }
    let mut off = vec![0usize; n + 1];
    for v in 0..n {
        off[v + 1] = off[v] + deg[v];
    }
    let mut fill = off.clone();
    let mut adj = vec![(0u32, 0.0, false); off[n]];
    for e in &input.edges {
        if e.a == e.b {
            continue;
        }
        let neg = e.sign.is_negative();
        adj[fill[e.a]] = (e.b as u32, e.weight, neg);
        fill[e.a] += 1;
        adj[fill[e.b]] = (e.a as u32, e.weight, neg);
        fill[e.b] += 1;
    }
    Kg { off, adj }
}

/// Evaluates a membership on the input: (criterion, N, P, inconsistent count).
fn evaluate(input: &Input, m: &[usize], alpha: f64) -> (f64, f64, f64, usize) {
    let (mut nn, mut pp, mut count) = (0.0, 0.0, 0usize);
    for e in &input.edges {
        let same = m[e.a] == m[e.b];
        if e.sign.is_negative() && same {
            nn += e.weight;
            count += 1;
        } else if !e.sign.is_negative() && !same {
            pp += e.weight;
            count += 1;
        }
    }
    (alpha * nn + (1.0 - alpha) * pp, nn, pp, count)
}

struct Search<'a> {
    g: &'a Kg,
    alpha: f64,
    kmax: usize,
    exact_k: Option<usize>,
    m: Vec<usize>,
    size: Vec<usize>,
    pos: Vec<f64>,
    neg: Vec<f64>,
    touched: Vec<usize>,
}

impl Search<'_> {
    fn used(&self) -> usize {
        self.size.iter().filter(|&&s| s > 0).count()
    }

    /// Best relocation of `v`: (delta, target cluster).
    fn best_move(&mut self, v: usize) -> (f64, usize) {
        for &c in &self.touched {
            self.pos[c] = 0.0;
            self.neg[c] = 0.0;
        }
        self.touched.clear();
        for &(x, w, negative) in self.g.nb(v) {
            let c = self.m[x as usize];
            if self.pos[c] == 0.0 && self.neg[c] == 0.0 {
                self.touched.push(c);
            }
            if negative {
                self.neg[c] += w;
            } else {
                self.pos[c] += w;
            }
        }
        let a = self.m[v];
        if self.exact_k.is_some() && self.size[a] == 1 {
            return (0.0, a);
        }
        let cost_in = |s: &Self, c: usize| s.alpha * s.neg[c] - (1.0 - s.alpha) * s.pos[c];
        let here = cost_in(self, a);
        let mut best = (0.0, a);
        for i in 0..self.touched.len() {
            let c = self.touched[i];
            if c != a {
                let d = cost_in(self, c) - here;
                if d < best.0 - FRUSTRATION_EPS {
                    best = (d, c);
                }
            }
        }
        // An empty cluster, when one may be opened.
        let opened = self.used() < self.kmax || self.size[a] == 1;
        if opened && self.size[a] > 1 {
            if let Some(e) = self.size.iter().position(|&s| s == 0) {
                let d = -here;
                if d < best.0 - FRUSTRATION_EPS {
                    best = (d, e);
                }
            }
        }
        best
    }

    fn relocate(&mut self, v: usize, c: usize) {
        self.size[self.m[v]] -= 1;
        self.m[v] = c;
        self.size[c] += 1;
    }

    fn descend(&mut self, order: &[usize]) {
        loop {
            let mut moved = false;
            for &v in order {
                let (d, c) = self.best_move(v);
                if d < -FRUSTRATION_EPS {
                    self.relocate(v, c);
                    moved = true;
                }
            }
            if !moved {
                break;
            }
        }
    }
}

fn heuristic(
    input: &Input,
    g: &Kg,
    kmax: usize,
    exact_k: Option<usize>,
    o: &KwayOptions,
) -> Vec<usize> {
    let n = input.n;
    let mut rng = Rng::new(o.seed);
    let slots = kmax.min(n).max(1);
    let mut best: Option<(f64, Vec<usize>)> = None;
    let mut order: Vec<usize> = (0..n).collect();
    for _ in 0..o.starts {
        let k0 = exact_k.unwrap_or_else(|| 1 + rng.below(slots.min(8)));
        let mut m: Vec<usize> = (0..n).map(|_| rng.below(k0)).collect();
        // Make every one of the k0 clusters non-empty.
        for (c, slot) in m.iter_mut().take(k0).enumerate() {
            *slot = c;
        }
        for i in (1..n).rev() {
            let j = rng.below(i + 1);
            m.swap(i, j);
        }
        let mut size = vec![0usize; slots.max(k0)];
        for &c in &m {
            size[c] += 1;
        }
        let mut s = Search {
            g,
            alpha: o.alpha,
            kmax: slots,
            exact_k,
            m,
            size,
            pos: vec![0.0; slots.max(k0)],
            neg: vec![0.0; slots.max(k0)],
            touched: Vec::new(),
        };
        for i in (1..n).rev() {
            let j = rng.below(i + 1);
            order.swap(i, j);
        }
        s.descend(&order);
        let mut cur = evaluate(input, &s.m, o.alpha).0;
        // Perturb and re-descend (iterated local search).
        for _ in 0..(4 * n).clamp(20, 400) {
            let saved = s.m.clone();
            let saved_size = s.size.clone();
            for _ in 0..(1 + n / 20).min(6) {
                let v = rng.below(n);
                let c = rng.below(slots);
                if c != s.m[v]
                    && (exact_k.is_none() || s.size[s.m[v]] > 1)
                    && (s.size[c] > 0 || s.used() < slots)
                {
                    s.relocate(v, c);
                }
            }
            s.descend(&order);
            let val = evaluate(input, &s.m, o.alpha).0;
            if exact_k.is_some_and(|k| s.used() != k) || val > cur + FRUSTRATION_EPS {
                s.m = saved;
                s.size = saved_size;
            } else {
                cur = val;
            }
        }
        if exact_k.is_none_or(|k| s.used() == k)
            && best.as_ref().is_none_or(|b| cur < b.0 - FRUSTRATION_EPS)
        {
            best = Some((cur, s.m.clone()));
        }
    }
    best.map(|b| b.1)
        .unwrap_or_else(|| (0..n).map(|i| i % slots).collect())
}

struct Bb<'a> {
    g: &'a Kg,
    alpha: f64,
    order: Vec<usize>,
    kmax: usize,
    exact_k: Option<usize>,
    m: Vec<usize>,
    best: f64,
    best_m: Vec<usize>,
    assigned: Vec<bool>,
}

impl Bb<'_> {
    fn cost_to(&self, v: usize, c: usize) -> f64 {
        let mut t = 0.0;
        for &(x, w, neg) in self.g.nb(v) {
            if self.assigned[x as usize] {
                let same = self.m[x as usize] == c;
                if neg && same {
                    t += self.alpha * w;
                } else if !neg && !same {
                    t += (1.0 - self.alpha) * w;
                }
            }
        }
        t
    }

    fn bound(&self, depth: usize, used: usize) -> f64 {
        let mut b = 0.0;
        for &v in &self.order[depth..] {
            let mut lo = f64::INFINITY;
            for c in 0..used.min(self.kmax) {
                lo = lo.min(self.cost_to(v, c));
            }
            if used < self.kmax {
                lo = lo.min(self.cost_to(v, used));
            }
            b += if lo.is_finite() { lo } else { 0.0 };
        }
        b
    }

    fn go(&mut self, depth: usize, used: usize, cost: f64) {
        if cost >= self.best - FRUSTRATION_EPS {
            return;
        }
        let left = self.order.len() - depth;
        if let Some(k) = self.exact_k {
            if used + left < k {
                return;
            }
        }
        if depth == self.order.len() {
            if self.exact_k.is_none_or(|k| used == k) {
                self.best = cost;
                self.best_m.clone_from(&self.m);
            }
            return;
        }
        if cost + self.bound(depth, used) >= self.best - FRUSTRATION_EPS {
            return;
        }
        let v = self.order[depth];
        let top = (used + 1).min(self.kmax);
        let mut cand: Vec<(f64, usize)> = (0..top).map(|c| (self.cost_to(v, c), c)).collect();
        cand.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        self.assigned[v] = true;
        for (d, c) in cand {
            self.m[v] = c;
            self.go(depth + 1, used.max(c + 1), cost + d);
        }
        self.assigned[v] = false;
    }
}

/// A k-way signed partition minimising `α·N + (1 − α)·P` (Doreian & Mrvar 1996, 2009): `N`
/// is the enmity inside clusters and `P` the amity across them.
///
/// [`KwaySearch::Heuristic`] runs a seeded multi-start relocation search with perturbation
/// (deterministic for a seed); [`KwaySearch::Exact`] runs branch and bound over cluster
/// labels (symmetry broken by first use; bound: every unplaced node's cheapest cluster
/// against the placed ones), started from the heuristic, for graphs of at most
/// [`KwayOptions::EXACT_MAX_NODES`] nodes. Nodes without ties are placed in the first
/// cluster (they are free, except under [`Clusters::Exactly`], where they may fill a cluster).
///
/// # Complexity
/// Heuristic: `O(starts · n · (d + k) · sweeps)`. Exact: `O(kⁿ)` in the worst case.
///
/// # Errors
/// [`FrustrationError::InvalidAlpha`], [`FrustrationError::InvalidClusterCount`] (`k = 0`,
/// or `k > n` under [`Clusters::Exactly`]), [`FrustrationError::TooLargeForExact`],
/// [`FrustrationError::BadWeight`].
///
/// # Example
/// ```
/// use rsct::balance::{signed_kway_partition, Clusters, KwayOptions, KwaySearch};
/// use rsct::{Sign, SignedGraph};
/// // Three mutually hostile pairs of friends: three clusters fit perfectly.
/// let g = SignedGraph::from_edges(
///     ["A", "B", "C", "D", "E", "F"],
///     [(0, 1, Sign::Amity), (2, 3, Sign::Amity), (4, 5, Sign::Amity),
///      (0, 2, Sign::Enmity), (2, 4, Sign::Enmity), (0, 4, Sign::Enmity)],
/// )?;
/// let o = KwayOptions::new().clusters(Clusters::Exactly(3)).search(KwaySearch::Exact);
/// let p = signed_kway_partition(g.graph(), &o)?;
/// assert_eq!(p.inconsistent(), 0);
/// assert!(p.is_optimal());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn signed_kway_partition<G>(
    graph: G,
    options: &KwayOptions,
) -> Result<KwayPartition, FrustrationError>
where
    G: IntoEdgeReferences + NodeIndexable,
    G::EdgeWeight: SignedWeight,
{
    let o = options;
    if !(0.0..=1.0).contains(&o.alpha) {
        return Err(FrustrationError::InvalidAlpha { alpha: o.alpha });
    }
    let input = Input::read(graph, o.weighting)?;
    let n = input.n;
    let (kmax, exact_k) = match o.clusters {
        Clusters::Exactly(k) => {
            if k == 0 || k > n.max(1) {
                return Err(FrustrationError::InvalidClusterCount {
                    clusters: k,
                    nodes: n,
                });
            }
            (k, Some(k))
        }
        Clusters::AtMost(k) => {
            if k == 0 {
                return Err(FrustrationError::InvalidClusterCount {
                    clusters: k,
                    nodes: n,
                });
            }
            (k, None)
        }
        Clusters::Free => (n.max(1), None),
    };
    if n == 0 {
        return Ok(KwayPartition {
            membership: Vec::new(),
            clusters: 0,
            criterion: 0.0,
            negative_inside: 0.0,
            positive_across: 0.0,
            inconsistent: 0,
            optimal: true,
        });
    }
    let g = build(&input);
    let mut m = heuristic(&input, &g, kmax, exact_k, o);
    let mut optimal = false;
    if o.search == KwaySearch::Exact {
        if n > KwayOptions::EXACT_MAX_NODES {
            return Err(FrustrationError::TooLargeForExact {
                nodes: n,
                limit: KwayOptions::EXACT_MAX_NODES,
            });
        }
        let mut order: Vec<usize> = (0..n).collect();
        order.sort_by_key(|&v| std::cmp::Reverse(g.nb(v).len()));
        let start = evaluate(&input, &m, o.alpha).0;
        let mut bb = Bb {
            g: &g,
            alpha: o.alpha,
            order,
            kmax: kmax.min(n),
            exact_k,
            m: vec![0; n],
            best: start + 2.0 * FRUSTRATION_EPS,
            best_m: m.clone(),
            assigned: vec![false; n],
        };
        bb.go(0, 0, 0.0);
        m = bb.best_m;
        optimal = true;
    }
    // Renumber by first appearance.
    let mut map = vec![usize::MAX; n.max(kmax)];
    let mut next = 0;
    for c in &mut m {
        if map[*c] == usize::MAX {
            map[*c] = next;
            next += 1;
        }
        *c = map[*c];
    }
    let (criterion, nn, pp, count) = evaluate(&input, &m, o.alpha);
    Ok(KwayPartition {
        membership: m,
        clusters: next,
        criterion,
        negative_inside: nn,
        positive_across: pp,
        inconsistent: count,
        optimal,
    })
}
