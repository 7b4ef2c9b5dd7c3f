//! The frustration (line) index of balance — exact with a proof of optimality, by local
//! search — and k-way signed partitions; documented in [`crate::balance`] (section
//! "Frustration").

mod bound;
mod brute;
mod exact;
mod input;
mod kway;
mod local_search;
mod reduce;
mod solve;
mod work;

pub use input::recount_frustration;
pub use kway::{Clusters, KwayOptions, KwayPartition, KwaySearch, signed_kway_partition};
pub use solve::{frustration_exact, frustration_heuristic};

use crate::sign::Sign;
use petgraph::visit::{EdgeRef, IntoEdgeReferences, NodeIndexable};
use std::time::Duration;

/// Errors of the frustration and partition solvers.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum FrustrationError {
    /// A tie's magnitude is not a finite non-negative number (weighted mode).
    #[error(
        "tie {edge} ({source_node}–{target_node}) has magnitude {value}; weights must be finite and ≥ 0"
    )]
    BadWeight {
        /// Position of the tie in the graph's edge order.
        edge: usize,
        /// Index of one end.
        source_node: usize,
        /// Index of the other end.
        target_node: usize,
        /// The magnitude found.
        value: f64,
    },
    /// A colouring or membership vector does not have one entry per node.
    #[error("{what} has {found} entries; the graph has {expected} node slots")]
    LengthMismatch {
        /// What was given.
        what: &'static str,
        /// Entries expected.
        expected: usize,
        /// Entries found.
        found: usize,
    },
    /// `α` outside `[0, 1]`.
    #[error("alpha = {alpha}; it must lie in [0, 1]")]
    InvalidAlpha {
        /// The value given.
        alpha: f64,
    },
    /// A number of clusters that cannot be met.
    #[error("{clusters} clusters asked of a graph with {nodes} nodes")]
    InvalidClusterCount {
        /// Clusters asked.
        clusters: usize,
        /// Nodes in the graph.
        nodes: usize,
    },
    /// The exact k-way search was asked of a graph above its size limit.
    #[error("exact k-way partition is limited to {limit} nodes; the graph has {nodes}")]
    TooLargeForExact {
        /// Nodes in the graph.
        nodes: usize,
        /// The limit.
        limit: usize,
    },
}

/// Whether ties count 1 each or by their magnitude.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum Weighting {
    /// Every signed tie counts 1: `L` is a number of ties (the line index of balance).
    #[default]
    Unweighted,
    /// A tie counts its [`crate::SignedWeight::magnitude`]: the weighted frustration index.
    Magnitude,
}

/// How a result was obtained.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Status {
    /// The value is optimal: the lower bound equals it.
    Optimal,
    /// The exact search stopped at its node limit; the value and bound are the best found.
    NodeLimit,
    /// The exact search stopped at its time limit; the value and bound are the best found.
    TimeLimit,
    /// Local search only (optimal nevertheless when the lower bound meets the value).
    Heuristic,
}

impl Status {
    /// A short name for reports (`optimal`, `node_limit`, `time_limit`, `heuristic`).
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Optimal => "optimal",
            Status::NodeLimit => "node_limit",
            Status::TimeLimit => "time_limit",
            Status::Heuristic => "heuristic",
        }
    }
}

/// A frustrated tie of a result: amity across the camps or enmity inside one. Ends and tie
/// are named by the graph's own ids (petgraph's `NodeIndex` / `EdgeIndex` for a `Graph`), as
/// every certificate of the crate names them ([`super::HararyTest`], [`super::SignedCycle`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FrustratedTie<N = usize, E = usize> {
    /// The tie's id in the graph.
    pub edge: E,
    /// One end.
    pub source: N,
    /// The other end.
    pub target: N,
    /// The tie's sign.
    pub sign: Sign,
    /// What the tie counts (1, or its magnitude when weighted).
    pub weight: f64,
}

impl FrustratedTie {
    /// The tie with its ends and id named by the graph (`node`, `edge`: position → id).
    pub(crate) fn identify<N, E>(self, node: impl Fn(usize) -> N, edge: &[E]) -> FrustratedTie<N, E>
    where
        E: Copy,
    {
        FrustratedTie {
            edge: edge[self.edge],
            source: node(self.source),
            target: node(self.target),
            sign: self.sign,
            weight: self.weight,
        }
    }
}

crate::internal::builder! {
    /// Options of [`frustration_exact`]: a builder.
    ///
    /// Defaults: no time limit, a limit of 2,000,000 search nodes (so the search always
    /// ends), seed 0, [`Weighting::Unweighted`], enumeration of blocks up to 14 nodes, the
    /// incumbent's starts on every core.
    #[derive(Debug, Clone, PartialEq)]
    pub struct FrustrationOptions { pub(crate) fields };
    /// The defaults.
    fn new();
    time_limit: Option<Duration> = None;
    /// Stop the search after `nodes` branching nodes.
    node_limit(nodes: u64) = 2_000_000, get_node_limit;
    /// Seed of the local search that gives the first incumbent.
    seed(seed: u64) = 0, get_seed;
    /// Unweighted (ties count 1) or weighted by magnitude.
    weighting(weighting: Weighting) = Weighting::Unweighted, get_weighting;
    enumerate: usize = 14;
    /// Threads for the starts of each block's tabu-search incumbent: 0 (the default)
    /// rayon's current pool — every core, or `RAYON_NUM_THREADS`, or the pool of a
    /// caller already running in one —, 1 the calling thread alone, `n` a pool of `n`
    /// threads of its own. The result does not depend on it.
    threads(threads: usize) = 0, get_threads;
}

impl FrustrationOptions {
    /// Blocks of at most `nodes` nodes (capped at 14) left by the reductions are solved by
    /// enumerating their colourings instead of branching (default 14; 0 turns enumeration
    /// off, e.g. to test the branching search on small graphs).
    pub fn enumerate_up_to(mut self, nodes: usize) -> Self {
        self.enumerate = nodes.min(14);
        self
    }
    crate::internal::setters! {
        /// Stop the search after `limit` (wall clock); the result then carries the best value,
        /// the best lower bound and the gap. Results under a time limit can depend on the
        /// machine's speed; the node limit does not.
        time_limit(limit: Duration) => Some(limit);
    }
    crate::internal::getters! {
        /// The largest block solved by enumeration.
        get_enumerate_up_to = enumerate: usize;
        /// The time limit, if any.
        get_time_limit = time_limit: Option<Duration>;
    }
}

crate::internal::builder! {
    /// Options of [`frustration_heuristic`]: a builder.
    ///
    /// Defaults: seed 0, 6 starts, `10 × nodes` non-improving tabu moves per start (between
    /// 1,000 — or 50 per node on smaller blocks — and 200,000), no lower bound,
    /// [`Weighting::Unweighted`], blocks and starts on every core. Blocks of at most 14 nodes
    /// left by the reductions are solved exactly by enumeration.
    #[derive(Debug, Clone, PartialEq)]
    pub struct HeuristicOptions { pub(crate) fields };
    /// The defaults.
    fn new();
    /// The seed: the same graph and seed give the same result, byte for byte.
    seed(seed: u64) = 0, get_seed;
    /// Number of starts (at least 1).
    starts(starts: usize) = 6 => starts.max(1), get_starts;
    /// Tabu moves without improvement before a start ends, per node of the reduced
    /// graph (default 10; negative or not finite: 0), clamped to
    /// [`min_moves`](HeuristicOptions::min_moves) and
    /// [`max_moves`](HeuristicOptions::max_moves).
    moves_per_node(per_node: f64) = 10.0 => finite_non_negative(per_node), get_moves_per_node;
    /// The fewest tabu moves without improvement per start (default 1,000; 50 per node on
    /// smaller blocks).
    min_moves(min: usize) = 1_000, get_min_moves;
    /// The most tabu moves without improvement per start (default 200,000; raised to
    /// [`min_moves`](HeuristicOptions::min_moves) when below it).
    max_moves(max: usize) = 200_000, get_max_moves;
    bound: bool = false;
    /// Unweighted (ties count 1) or weighted by magnitude.
    weighting(weighting: Weighting) = Weighting::Unweighted, get_weighting;
    /// Threads for the blocks and their starts: 0 (the default) rayon's current pool —
    /// every core, or `RAYON_NUM_THREADS`, or the pool of a caller already running in
    /// one —, 1 the calling thread alone, `n` a pool of `n` threads of its own. The
    /// result does not depend on it, byte for byte: block `i` is searched from seed
    /// `seed + i`, each of its starts from its own generator, and the values are added
    /// in block order.
    threads(threads: usize) = 0, get_threads;
}

impl HeuristicOptions {
    /// Also compute a lower bound (a cycle packing), so the result carries a certified gap;
    /// the packing's routing also improves the colouring where it gets stuck (see
    /// [`frustration_heuristic`]), at the cost of a few routings on large graphs.
    pub fn certify_gap(mut self) -> Self {
        self.bound = true;
        self
    }
    /// Whether a lower bound is computed ([`HeuristicOptions::certify_gap`]).
    #[must_use]
    pub fn certifies_gap(&self) -> bool {
        self.bound
    }
}

/// `x` when finite and non-negative, 0 when negative or not finite.
fn finite_non_negative(x: f64) -> f64 {
    if x.is_finite() { x.max(0.0) } else { 0.0 }
}

/// A frustration result with its certificate: the camps, the frustrated ties (both in the
/// graph's own node and edge ids) and a proven lower bound.
#[derive(Debug, Clone, PartialEq)]
pub struct Frustration<N = usize, E = usize> {
    pub(crate) colours: Vec<bool>,
    pub(crate) camps: [Vec<N>; 2],
    pub(crate) frustrated: Vec<FrustratedTie<N, E>>,
    pub(crate) value: f64,
    pub(crate) lower_bound: f64,
    pub(crate) status: Status,
    pub(crate) edges: usize,
    pub(crate) total_weight: f64,
    pub(crate) neutral_ties: usize,
    pub(crate) search_nodes: u64,
}

impl Frustration {
    /// The result in the ids of `graph`, the graph it was computed on.
    pub(crate) fn identify<G>(self, graph: G) -> Frustration<G::NodeId, G::EdgeId>
    where
        G: IntoEdgeReferences + NodeIndexable,
    {
        let edge: Vec<G::EdgeId> = graph.edge_references().map(|e| e.id()).collect();
        let node = |i: usize| graph.from_index(i);
        let [a, b] = &self.camps;
        Frustration {
            camps: [
                a.iter().map(|&i| node(i)).collect(),
                b.iter().map(|&i| node(i)).collect(),
            ],
            frustrated: self
                .frustrated
                .into_iter()
                .map(|t| t.identify(node, &edge))
                .collect(),
            colours: self.colours,
            value: self.value,
            lower_bound: self.lower_bound,
            status: self.status,
            edges: self.edges,
            total_weight: self.total_weight,
            neutral_ties: self.neutral_ties,
            search_nodes: self.search_nodes,
        }
    }
}

impl<N, E> Frustration<N, E> {
    /// The frustration index found: the number (or total weight) of frustrated ties of
    /// [`Frustration::colours`], recounted on the input graph.
    #[must_use]
    pub fn value(&self) -> f64 {
        self.value
    }
    /// A proven lower bound on the frustration index.
    #[must_use]
    pub fn lower_bound(&self) -> f64 {
        self.lower_bound
    }
    /// `value − lower_bound` (0 when optimal).
    #[must_use]
    pub fn gap(&self) -> f64 {
        (self.value - self.lower_bound).max(0.0)
    }
    /// The gap relative to the value (0 when the value is 0).
    #[must_use]
    pub fn relative_gap(&self) -> f64 {
        if self.value > 0.0 {
            self.gap() / self.value
        } else {
            0.0
        }
    }
    /// Whether the value is proven optimal (lower bound = value).
    #[must_use]
    pub fn is_optimal(&self) -> bool {
        self.value <= self.lower_bound + crate::tolerance::FRUSTRATION_EPS
    }
    /// How the result was obtained.
    #[must_use]
    pub fn status(&self) -> Status {
        self.status
    }
    /// The camp of every node slot (`false` / `true`), indexed like the graph's nodes
    /// (`NodeIndexable::to_index`).
    #[must_use]
    pub fn colours(&self) -> &[bool] {
        &self.colours
    }
    /// The two camps, by node id (nodes without signed ties go to the first).
    #[must_use]
    pub fn camps(&self) -> &[Vec<N>; 2] {
        &self.camps
    }
    /// The frustrated ties of the colouring.
    #[must_use]
    pub fn frustrated(&self) -> &[FrustratedTie<N, E>] {
        &self.frustrated
    }
    /// The number of signed ties considered.
    #[must_use]
    pub fn edge_count(&self) -> usize {
        self.edges
    }
    /// The total weight of the signed ties (their number when unweighted).
    #[must_use]
    pub fn total_weight(&self) -> f64 {
        self.total_weight
    }
    /// Ties skipped because they carry no sign (zero net weight).
    #[must_use]
    pub fn neutral_ties(&self) -> usize {
        self.neutral_ties
    }
    /// Normalised index `F = 1 − 2L/m` (`m` the total weight; 1 for a graph without ties).
    #[must_use]
    pub fn normalised(&self) -> f64 {
        if self.total_weight > 0.0 {
            1.0 - 2.0 * self.value / self.total_weight
        } else {
            1.0
        }
    }
    /// Branching nodes the exact search visited (0 for the heuristic).
    #[must_use]
    pub fn search_nodes(&self) -> u64 {
        self.search_nodes
    }
}
