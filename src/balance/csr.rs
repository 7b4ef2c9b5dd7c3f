//! Compact adjacency (CSR) of the signed ties of a graph, the common input of the balance
//! measures: one pass over a petgraph graph's edge references collects the signed ties into
//! flat arrays; from them we build either the full symmetric adjacency (traversals) or the
//! degree-ordered orientation (triangle enumeration). No hashing anywhere.

use super::BalanceError;
use crate::internal::ParityUnionFind;
use crate::sign::SignedWeight;
use petgraph::visit::{EdgeRef, IntoEdgeReferences, NodeIndexable};

/// The largest node bound the compact adjacency supports (node ids are `u32` with one bit
/// reserved for the sign in the oriented form).
pub(crate) const MAX_NODES: usize = (1 << 31) - 1;
/// The bit that marks a negative tie in [`Oriented::out`].
pub(crate) const NEG_BIT: u32 = 1 << 31;
/// The mask that extracts the node id from an entry of [`Oriented::out`].
pub(crate) const ID_MASK: u32 = NEG_BIT - 1;

/// Checks that node indices of `g` fit the compact forms.
pub(crate) fn check_bound<G: NodeIndexable>(g: G) -> Result<usize, BalanceError> {
    let n = g.node_bound();
    if n > MAX_NODES {
        return Err(BalanceError::TooManyUnits {
            nodes: n,
            limit: MAX_NODES,
        });
    }
    Ok(n)
}

/// The parity union–find over the signed ties of a graph, as [`union_signed`] leaves it.
pub(crate) struct SignedUnion {
    /// The node bound of the graph.
    pub n: usize,
    /// The union–find, with the joins `tie` made.
    pub uf: ParityUnionFind,
    /// Ties without a sign (all of them, also those after a stop).
    pub neutral: usize,
}

/// Reads the signed ties of `g` once, in edge order, into a parity union–find of its node
/// bound: `tie(uf, a, b, negative, k)` sees each signed tie (compact end indices, `k` its
/// position among the signed ties) and decides what to join; the first tie for which it
/// returns `Some` stops the reading, and that value is returned beside the union–find. The
/// common first step of the Harary test and of clusterability.
pub(crate) fn union_signed<G, T>(
    g: G,
    mut tie: impl FnMut(&mut ParityUnionFind, u32, u32, bool, usize) -> Option<T>,
) -> Result<(SignedUnion, Option<T>), BalanceError>
where
    G: IntoEdgeReferences + NodeIndexable,
    G::EdgeWeight: SignedWeight,
{
    let n = check_bound(g)?;
    let mut uf = ParityUnionFind::new(n);
    let mut neutral = 0;
    let mut signed = 0usize;
    let mut stop = None;
    let mut it = g.edge_references();
    for e in it.by_ref() {
        let Some(sign) = e.weight().sign() else {
            neutral += 1;
            continue;
        };
        // Indices are below the node bound, which fits in u32 (checked above).
        let a = g.to_index(e.source()) as u32;
        let b = g.to_index(e.target()) as u32;
        stop = tie(&mut uf, a, b, sign.is_negative(), signed);
        if stop.is_some() {
            break;
        }
        signed += 1;
    }
    neutral += it.filter(|e| e.weight().sign().is_none()).count();
    Ok((SignedUnion { n, uf, neutral }, stop))
}

/// The signed ties of a graph as flat arrays; ties whose sign is `None` are counted in
/// `neutral` and left out.
pub(crate) struct SignedEdges<E> {
    /// The node bound of the graph.
    pub n: usize,
    /// End points (node indices), in the order of the graph's edge references.
    pub ends: Vec<(u32, u32)>,
    /// Whether each tie is negative.
    pub negative: Vec<bool>,
    /// Magnitudes (empty unless requested).
    pub magnitude: Vec<f64>,
    /// The graph's edge ids.
    pub ids: Vec<E>,
    /// Ties without a sign, left out.
    pub neutral: usize,
}

/// What [`collect`] gathers besides the end points and signs.
#[derive(Clone, Copy, Default)]
pub(crate) struct Gather {
    /// The magnitudes.
    pub magnitudes: bool,
    /// The edge ids.
    pub ids: bool,
    /// Stop after this many signed ties.
    pub limit: Option<usize>,
}

/// Collects the signed ties of `g`.
pub(crate) fn collect<G>(g: G, gather: Gather) -> Result<SignedEdges<G::EdgeId>, BalanceError>
where
    G: IntoEdgeReferences + NodeIndexable,
    G::EdgeWeight: SignedWeight,
{
    let n = check_bound(g)?;
    let mut out = SignedEdges {
        n,
        ends: Vec::new(),
        negative: Vec::new(),
        magnitude: Vec::new(),
        ids: Vec::new(),
        neutral: 0,
    };
    let refs = g.edge_references();
    let hint = refs.size_hint().0;
    out.ends.reserve(hint);
    out.negative.reserve(hint);
    for e in refs {
        if gather.limit.is_some_and(|l| out.ends.len() >= l) {
            break;
        }
        let w = e.weight();
        let Some(sign) = w.sign() else {
            out.neutral += 1;
            continue;
        };
        // Indices are below the node bound, which fits in u32 (checked above).
        let a = g.to_index(e.source()) as u32;
        let b = g.to_index(e.target()) as u32;
        out.ends.push((a, b));
        out.negative.push(sign.is_negative());
        if gather.magnitudes {
            out.magnitude.push(w.magnitude());
        }
        if gather.ids {
            out.ids.push(e.id());
        }
    }
    Ok(out)
}

/// Full symmetric adjacency over the ties selected by a filter; self-loops are left out.
pub(crate) struct Adjacency {
    offsets: Vec<usize>,
    nbr: Vec<u32>,
    edge: Vec<u32>,
}

impl Adjacency {
    /// Builds the adjacency of `n` nodes over the ties `i` with `keep(i)` true.
    pub fn build(n: usize, ends: &[(u32, u32)], keep: impl Fn(usize) -> bool) -> Self {
        let mut offsets = vec![0usize; n + 1];
        for (i, &(a, b)) in ends.iter().enumerate() {
            if a != b && keep(i) {
                offsets[a as usize + 1] += 1;
                offsets[b as usize + 1] += 1;
            }
        }
        for i in 0..n {
            offsets[i + 1] += offsets[i];
        }
        let len = offsets[n];
        let mut nbr = vec![0u32; len];
        let mut edge = vec![0u32; len];
        let mut pos = offsets.clone();
        for (i, &(a, b)) in ends.iter().enumerate() {
            if a != b && keep(i) {
                let (a, b) = (a as usize, b as usize);
                nbr[pos[a]] = b as u32;
                edge[pos[a]] = i as u32;
                pos[a] += 1;
                nbr[pos[b]] = a as u32;
                edge[pos[b]] = i as u32;
                pos[b] += 1;
            }
        }
        Self { offsets, nbr, edge }
    }

    /// The neighbours of `u` and the tie ordinals that lead to them.
    #[inline]
    pub fn neighbours(&self, u: usize) -> (&[u32], &[u32]) {
        let r = self.offsets[u]..self.offsets[u + 1];
        (&self.nbr[r.clone()], &self.edge[r])
    }
}

/// The degree-ordered orientation: nodes are renumbered by (degree, index) and every tie
/// points from its lower-ranked end to its higher-ranked end, so every out-degree is at most
/// `sqrt(2m)` and each triangle is found exactly once (Chiba & Nishizeki 1985; Latapy 2008).
pub(crate) struct Oriented {
    /// New id → original node index.
    pub order: Vec<u32>,
    /// Offsets of the out-lists (by new id).
    pub offsets: Vec<usize>,
    /// Out-neighbours by new id, with [`NEG_BIT`] set for negative ties.
    pub out: Vec<u32>,
    /// Magnitudes parallel to `out` (empty unless the edges carried magnitudes).
    pub weight: Vec<f64>,
}

impl Oriented {
    /// Orients the signed ties; a self-loop is an error for `measure`.
    pub fn build<E>(edges: &SignedEdges<E>, measure: &'static str) -> Result<Self, BalanceError> {
        let n = edges.n;
        let mut degree = vec![0u32; n];
        for &(a, b) in &edges.ends {
            if a == b {
                return Err(BalanceError::SelfLoop {
                    measure,
                    node: a as usize,
                });
            }
            degree[a as usize] += 1;
            degree[b as usize] += 1;
        }
        // Counting sort by degree, stable in the node index.
        let max_deg = degree.iter().copied().max().unwrap_or(0) as usize;
        let mut start = vec![0usize; max_deg + 2];
        for &d in &degree {
            start[d as usize + 1] += 1;
        }
        for d in 0..=max_deg {
            start[d + 1] += start[d];
        }
        let mut order = vec![0u32; n];
        let mut rank = vec![0u32; n];
        for (v, &d) in degree.iter().enumerate() {
            let r = start[d as usize];
            start[d as usize] += 1;
            order[r] = v as u32;
            rank[v] = r as u32;
        }
        let mut offsets = vec![0usize; n + 1];
        for &(a, b) in &edges.ends {
            let lo = rank[a as usize].min(rank[b as usize]);
            offsets[lo as usize + 1] += 1;
        }
        for i in 0..n {
            offsets[i + 1] += offsets[i];
        }
        let m = edges.ends.len();
        let weighted = edges.magnitude.len() == m && m > 0;
        let mut out = vec![0u32; m];
        let mut weight = if weighted { vec![0.0; m] } else { Vec::new() };
        let mut pos = offsets.clone();
        for (i, &(a, b)) in edges.ends.iter().enumerate() {
            let (ra, rb) = (rank[a as usize], rank[b as usize]);
            let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
            let p = pos[lo as usize];
            pos[lo as usize] += 1;
            out[p] = hi | if edges.negative[i] { NEG_BIT } else { 0 };
            if weighted {
                weight[p] = edges.magnitude[i];
            }
        }
        // Sorted out-lists make the marking pass of the census cache-friendlier.
        if !weighted {
            for u in 0..n {
                out[offsets[u]..offsets[u + 1]].sort_unstable_by_key(|x| x & ID_MASK);
            }
        }
        Ok(Self {
            order,
            offsets,
            out,
            weight,
        })
    }

    /// The number of nodes.
    pub fn len(&self) -> usize {
        self.order.len()
    }
}
