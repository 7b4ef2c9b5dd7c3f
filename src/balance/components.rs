//! Connected parts of the signed ties, and the dense matrices of the spectral measures.

use super::BalanceError;
use super::csr::{self, Adjacency, SignedEdges};
use crate::sign::SignedWeight;
use petgraph::visit::{IntoEdgeReferences, NodeIndexable};

/// The connected parts (over signed ties) of a simple signed graph on all `n` node indices,
/// each as its list of node indices in traversal order; `pos[v]` is `v`'s position in its
/// part.
pub(crate) struct Parts {
    pub parts: Vec<Vec<u32>>,
    pub part_of: Vec<u32>,
    pub pos: Vec<u32>,
}

pub(crate) fn parts<E>(edges: &SignedEdges<E>) -> Parts {
    let n = edges.n;
    let adj = Adjacency::build(n, &edges.ends, |_| true);
    let mut part_of = vec![u32::MAX; n];
    let mut pos = vec![0u32; n];
    let mut parts = Vec::new();
    for s in 0..n {
        if part_of[s] != u32::MAX {
            continue;
        }
        let id = parts.len() as u32;
        let mut members = vec![s as u32];
        part_of[s] = id;
        let mut head = 0;
        while head < members.len() {
            let u = members[head] as usize;
            head += 1;
            for &v in adj.neighbours(u).0 {
                if part_of[v as usize] == u32::MAX {
                    part_of[v as usize] = id;
                    pos[v as usize] = members.len() as u32;
                    members.push(v);
                }
            }
        }
        parts.push(members);
    }
    Parts {
        parts,
        part_of,
        pos,
    }
}

/// The signed ties of `g` for a spectral `measure`: collected as by [`csr::collect`] (end
/// points and signs), self-loops and parallel ties rejected as by [`require_simple`].
pub(crate) fn collect_simple<G>(
    g: G,
    measure: &'static str,
) -> Result<SignedEdges<G::EdgeId>, BalanceError>
where
    G: IntoEdgeReferences + NodeIndexable,
    G::EdgeWeight: SignedWeight,
{
    let edges = csr::collect(g, csr::Gather::default())?;
    require_simple(&edges, measure)?;
    Ok(edges)
}

/// Rejects self-loops and parallel ties for `measure` (the spectral measures work on the
/// adjacency matrix of a simple graph).
pub(crate) fn require_simple<E>(
    edges: &SignedEdges<E>,
    measure: &'static str,
) -> Result<(), BalanceError> {
    let mut seen: Vec<(u32, u32)> = Vec::with_capacity(edges.ends.len());
    for &(a, b) in &edges.ends {
        if a == b {
            return Err(BalanceError::SelfLoop {
                measure,
                node: a as usize,
            });
        }
        seen.push((a.min(b), a.max(b)));
    }
    seen.sort_unstable();
    if let Some(w) = seen.windows(2).find(|w| w[0] == w[1]) {
        return Err(BalanceError::ParallelTies {
            measure,
            a: w[0].0 as usize,
            b: w[0].1 as usize,
        });
    }
    Ok(())
}
