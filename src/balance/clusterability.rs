//! Weak balance (Davis's clusterability) with a certificate.

use super::BalanceError;
use super::csr::{self, Adjacency};
use super::cycle::{self, Forest, SignedCycle};
use super::partition;
use crate::sign::SignedWeight;
use petgraph::visit::{EdgeIndexable, IntoEdgeReferences, IntoNodeIdentifiers, NodeIndexable};

/// The certificate of a clusterability test.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ClusterabilityCertificate<N, E> {
    /// The graph is clusterable: the clusters (amity inside each, enmity across). These are
    /// the finest such clusters — the components of the amity ties — in order of their
    /// lowest unit index, units in index order.
    Clusters {
        /// The clusters.
        clusters: Vec<Vec<N>>,
    },
    /// The graph is not clusterable: a cycle with exactly one negative tie.
    Cycle {
        /// The cycle.
        cycle: SignedCycle<N, E>,
    },
}

/// The result of [`clusterability`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clusterability<N, E> {
    certificate: ClusterabilityCertificate<N, E>,
    neutral_ties: usize,
}

impl<N, E> Clusterability<N, E> {
    /// Whether the graph is clusterable (weakly balanced).
    #[must_use]
    pub fn is_clusterable(&self) -> bool {
        matches!(self.certificate, ClusterabilityCertificate::Clusters { .. })
    }

    /// The certificate.
    #[must_use]
    pub fn certificate(&self) -> &ClusterabilityCertificate<N, E> {
        &self.certificate
    }

    /// The clusters, when clusterable.
    #[must_use]
    pub fn clusters(&self) -> Option<&[Vec<N>]> {
        match &self.certificate {
            ClusterabilityCertificate::Clusters { clusters } => Some(clusters),
            ClusterabilityCertificate::Cycle { .. } => None,
        }
    }

    /// The number of clusters of the finest clustering, when clusterable. (The fewest
    /// clusters is the chromatic number of the graph of enmity between these clusters, an
    /// NP-hard quantity not computed here.)
    #[must_use]
    pub fn cluster_count(&self) -> Option<usize> {
        self.clusters().map(<[_]>::len)
    }

    /// The cycle with exactly one negative tie, when not clusterable.
    #[must_use]
    pub fn cycle(&self) -> Option<&SignedCycle<N, E>> {
        match &self.certificate {
            ClusterabilityCertificate::Clusters { .. } => None,
            ClusterabilityCertificate::Cycle { cycle } => Some(cycle),
        }
    }

    /// Ties whose sign is `None` (zero net weight), treated as absent.
    #[must_use]
    pub fn neutral_ties(&self) -> usize {
        self.neutral_ties
    }
}

/// Tests weak balance (Davis 1967): whether the units split into clusters, any number of
/// them, with amity inside and enmity across — equivalently, whether no cycle has exactly
/// one negative tie.
///
/// The clusters are the components of the amity ties; the graph is clusterable iff no
/// enmity tie falls inside one. When one does, the amity tree path between its ends plus
/// that tie is a cycle with exactly one negative tie, returned as the certificate. Ties
/// whose sign is `None` are absent and counted. Check a certificate independently with
/// [`verify_clusterability`].
///
/// # Complexity
/// O(n + m) time and memory.
///
/// # Errors
/// [`BalanceError::TooManyUnits`] when the node bound exceeds 2³¹ − 1.
///
/// # Example
/// ```
/// use rsct::{Sign, SignedGraph};
/// use rsct::balance::{clusterability, harary_test};
///
/// // Three mutually hostile units: not balanced, but three clusters.
/// let g = SignedGraph::from_edges(
///     ["A", "B", "C"],
///     [(0, 1, Sign::Enmity), (1, 2, Sign::Enmity), (0, 2, Sign::Enmity)],
/// )?;
/// assert!(!harary_test(g.graph())?.is_balanced());
/// assert_eq!(clusterability(g.graph())?.cluster_count(), Some(3));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn clusterability<G>(g: G) -> Result<Clusterability<G::NodeId, G::EdgeId>, BalanceError>
where
    G: IntoEdgeReferences + IntoNodeIdentifiers + NodeIndexable,
    G::EdgeWeight: SignedWeight,
{
    let edges = csr::collect(g, false)?;
    let n = edges.n;
    let neutral_ties = edges.neutral;
    let adj = Adjacency::build(n, &edges.ends, |i| !edges.negative[i]);
    let present = partition::present(g);
    let mut comp = vec![u32::MAX; n];
    let mut forest = Forest::new(n);
    let mut count = 0u32;
    let mut queue: Vec<u32> = Vec::with_capacity(n);
    for s in 0..n {
        if !present[s] || comp[s] != u32::MAX {
            continue;
        }
        comp[s] = count;
        queue.clear();
        queue.push(s as u32);
        let mut head = 0;
        while head < queue.len() {
            let u = queue[head] as usize;
            head += 1;
            let (nbr, tie) = adj.neighbours(u);
            for (&v, &t) in nbr.iter().zip(tie) {
                if comp[v as usize] == u32::MAX {
                    comp[v as usize] = count;
                    forest.parent[v as usize] = u as u32;
                    forest.parent_edge[v as usize] = t;
                    forest.depth[v as usize] = forest.depth[u] + 1;
                    queue.push(v);
                }
            }
        }
        count += 1;
    }
    for (i, &(a, b)) in edges.ends.iter().enumerate() {
        if edges.negative[i] && comp[a as usize] == comp[b as usize] {
            let (units, ties) = if a == b {
                (vec![a], vec![i as u32])
            } else {
                forest.cycle(a, b, i as u32)
            };
            return Ok(Clusterability {
                certificate: ClusterabilityCertificate::Cycle {
                    cycle: cycle::certificate(g, &units, &ties, &edges.ids, &edges.negative),
                },
                neutral_ties,
            });
        }
    }
    let mut clusters: Vec<Vec<G::NodeId>> = vec![Vec::new(); count as usize];
    for (i, &c) in comp.iter().enumerate() {
        if present[i] {
            clusters[c as usize].push(g.from_index(i));
        }
    }
    Ok(Clusterability {
        certificate: ClusterabilityCertificate::Clusters { clusters },
        neutral_ties,
    })
}

/// Checks a clusterability certificate against the graph, independently of how it was
/// found: clusters must partition the units with every positive tie inside a cluster and
/// every negative tie across; a cycle must be a cycle of the graph with exactly one negative
/// tie.
///
/// # Complexity
/// O(n + m).
///
/// # Errors
/// [`BalanceError::InvalidCertificate`] naming the first unit or tie that disagrees.
///
/// # Example
/// ```
/// use rsct::{Sign, SignedGraph};
/// use rsct::balance::{clusterability, verify_clusterability};
///
/// let g = SignedGraph::from_edges(
///     ["A", "B", "C"],
///     [(0, 1, Sign::Amity), (1, 2, Sign::Amity), (0, 2, Sign::Enmity)],
/// )?;
/// let c = clusterability(g.graph())?;
/// assert!(!c.is_clusterable());
/// verify_clusterability(g.graph(), c.certificate())?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn verify_clusterability<G>(
    g: G,
    certificate: &ClusterabilityCertificate<G::NodeId, G::EdgeId>,
) -> Result<(), BalanceError>
where
    G: IntoEdgeReferences + IntoNodeIdentifiers + NodeIndexable + EdgeIndexable,
    G::EdgeWeight: SignedWeight,
{
    let table = cycle::edge_table(g);
    match certificate {
        ClusterabilityCertificate::Clusters { clusters } => {
            partition::check_partition(g, &table, clusters, "cluster")
        }
        ClusterabilityCertificate::Cycle { cycle } => {
            let neg = cycle::check_cycle(g, &table, cycle)?;
            if neg == 1 {
                Ok(())
            } else {
                Err(BalanceError::InvalidCertificate {
                    reason: format!("the cycle has {neg} negative ties, not exactly one"),
                })
            }
        }
    }
}
