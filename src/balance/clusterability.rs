//! Weak balance (Davis's clusterability) with a certificate.

use super::BalanceError;
use super::csr;
use super::cycle::{self, SignedCycle};
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

    crate::internal::getters! {
        /// The certificate.
        certificate: &ClusterabilityCertificate<N, E>;
        /// Ties whose sign is `None` (zero net weight), treated as absent.
        neutral_ties: usize;
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
}

/// Tests weak balance (Davis 1967): whether the units split into clusters, any number of
/// them, with amity inside and enmity across — equivalently, whether no cycle has exactly
/// one negative tie.
///
/// The clusters are the components of the amity ties (found by union–find); the graph is
/// clusterable iff no enmity tie falls inside one. When one does (the first in edge order),
/// a shortest amity path between its ends plus that tie is a cycle with exactly one negative
/// tie, returned as the certificate. Ties
/// whose sign is `None` are absent and counted. Check a certificate independently with
/// [`verify_clusterability`].
///
/// # Complexity
/// O(n + m · α(n)) time; O(n + m) memory.
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
    let mut negatives: Vec<(u32, u32, usize)> = Vec::new();
    let (mut tied, _) = csr::union_signed(g, |uf, a, b, negative, k| {
        if negative {
            negatives.push((a, b, k));
        } else {
            uf.unite(a, b, false);
        }
        None::<()>
    })?;
    let inside = negatives
        .iter()
        .copied()
        .find(|&(a, b, _)| tied.uf.find(a).0 == tied.uf.find(b).0);
    if let Some((a, b, k)) = inside {
        let cycle = cycle::close(g, tied.n, (a, b, k), None, |i, neg| !neg[i], "amity ties")?;
        return Ok(Clusterability {
            certificate: ClusterabilityCertificate::Cycle { cycle },
            neutral_ties: tied.neutral,
        });
    }
    let mut nodes: Vec<(u32, G::NodeId)> = g
        .node_identifiers()
        .map(|u| (g.to_index(u) as u32, u))
        .collect();
    nodes.sort_unstable_by_key(|x| x.0);
    let mut cluster_of_root = vec![u32::MAX; tied.n];
    let mut clusters: Vec<Vec<G::NodeId>> = Vec::new();
    for (i, u) in nodes {
        let r = tied.uf.find(i).0 as usize;
        if cluster_of_root[r] == u32::MAX {
            cluster_of_root[r] = clusters.len() as u32;
            clusters.push(Vec::new());
        }
        clusters[cluster_of_root[r] as usize].push(u);
    }
    Ok(Clusterability {
        certificate: ClusterabilityCertificate::Clusters { clusters },
        neutral_ties: tied.neutral,
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
    let certificate = match certificate {
        ClusterabilityCertificate::Clusters { clusters } => {
            partition::Claim::Partition(clusters.as_slice())
        }
        ClusterabilityCertificate::Cycle { cycle } => partition::Claim::Cycle(cycle),
    };
    partition::check_certificate(g, certificate, "cluster", |neg| neg == 1, "not exactly one")
}
