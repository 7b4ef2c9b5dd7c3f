//! The Harary test of structural balance, in linear time, with a certificate.

use super::BalanceError;
use super::csr;
use super::cycle::{self, SignedCycle};
use super::partition;
use crate::sign::SignedWeight;
use petgraph::visit::{EdgeIndexable, IntoEdgeReferences, IntoNodeIdentifiers, NodeIndexable};

/// The certificate of a Harary test.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HararyCertificate<N, E> {
    /// The graph is balanced: the two camps (amity inside each, enmity across). Either camp
    /// may be empty; units are in index order.
    Balanced {
        /// The two camps.
        camps: [Vec<N>; 2],
    },
    /// The graph is not balanced: a cycle with an odd number of negative ties.
    Unbalanced {
        /// The cycle.
        cycle: SignedCycle<N, E>,
    },
}

/// The result of [`harary_test`]: the verdict with its certificate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HararyTest<N, E> {
    certificate: HararyCertificate<N, E>,
    neutral_ties: usize,
}

impl<N, E> HararyTest<N, E> {
    /// Whether the graph is balanced.
    #[must_use]
    pub fn is_balanced(&self) -> bool {
        matches!(self.certificate, HararyCertificate::Balanced { .. })
    }

    crate::internal::getters! {
        /// The certificate.
        certificate: &HararyCertificate<N, E>;
        /// Ties whose sign is `None` (zero net weight), treated as absent.
        neutral_ties: usize;
    }

    /// The two camps, when balanced.
    #[must_use]
    pub fn camps(&self) -> Option<&[Vec<N>; 2]> {
        match &self.certificate {
            HararyCertificate::Balanced { camps } => Some(camps),
            HararyCertificate::Unbalanced { .. } => None,
        }
    }

    /// The cycle with an odd number of negative ties, when unbalanced.
    #[must_use]
    pub fn odd_cycle(&self) -> Option<&SignedCycle<N, E>> {
        match &self.certificate {
            HararyCertificate::Balanced { .. } => None,
            HararyCertificate::Unbalanced { cycle } => Some(cycle),
        }
    }
}

/// Tests whether a signed graph is balanced (Cartwright & Harary 1956): whether its units
/// split into two camps with amity inside and enmity across — equivalently, whether every
/// cycle has an even number of negative ties.
///
/// A union–find with parity reads the ties once, each tie asking its ends to be in the same
/// camp (amity) or in opposite camps (enmity). The first tie that contradicts the ties before
/// it closes a cycle with an odd number of negative ties: a shortest path between its ends
/// over the earlier ties (breadth-first, stopping at the target) plus that tie is returned
/// as the certificate. Multigraphs are accepted
/// (two parallel ties of opposite signs form an unbalanced 2-cycle; a negative self-loop an
/// unbalanced 1-cycle). Ties whose sign is `None` are absent and counted in
/// [`HararyTest::neutral_ties`]. Check a certificate independently with [`verify_harary`].
///
/// # Complexity
/// O(n + m · α(n)) time (α the inverse Ackermann function, at most 4 in practice) and O(n)
/// memory for the verdict; the certificate cycle adds O(n + k) for the k ties read before the
/// contradiction.
///
/// # Errors
/// [`BalanceError::TooManyUnits`] when the node bound exceeds 2³¹ − 1.
///
/// # Example
/// ```
/// use rsct::{Sign, SignedGraph};
/// use rsct::balance::{harary_test, verify_harary};
///
/// // A triangle with one enmity is unbalanced; the certificate is the triangle itself.
/// let g = SignedGraph::from_edges(
///     ["A", "B", "C"],
///     [(0, 1, Sign::Amity), (1, 2, Sign::Amity), (0, 2, Sign::Enmity)],
/// )?;
/// let t = harary_test(g.graph())?;
/// assert!(!t.is_balanced());
/// assert_eq!(t.odd_cycle().unwrap().negatives(), 1);
/// verify_harary(g.graph(), t.certificate())?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn harary_test<G>(g: G) -> Result<HararyTest<G::NodeId, G::EdgeId>, BalanceError>
where
    G: IntoEdgeReferences + IntoNodeIdentifiers + NodeIndexable,
    G::EdgeWeight: SignedWeight,
{
    let (mut tied, conflict) = csr::union_signed(g, |uf, a, b, negative, k| {
        (!uf.unite(a, b, negative)).then_some((k, a, b))
    })?;
    if let Some((k, a, b)) = conflict {
        // The ties before the k-th are balanced and join a and b: every path between them has
        // the same parity, the opposite of tie k's. A shortest one closes the cycle.
        let cycle = cycle::close(
            g,
            tied.n,
            (a, b, k),
            Some(k + 1),
            |i, _| i < k,
            "a balanced prefix",
        )?;
        return Ok(HararyTest {
            certificate: HararyCertificate::Unbalanced { cycle },
            neutral_ties: tied.neutral,
        });
    }
    // Each part's lowest-indexed unit goes to camp 0.
    const UNSET: u32 = u32::MAX;
    let mut flip = vec![UNSET; tied.n];
    let mut camps = [Vec::new(), Vec::new()];
    for u in g.node_identifiers() {
        let i = g.to_index(u) as u32;
        let (r, p) = tied.uf.find(i);
        if flip[r as usize] == UNSET {
            flip[r as usize] = p;
        }
        camps[(p ^ flip[r as usize]) as usize].push((i, u));
    }
    let camps = camps.map(|mut c| {
        c.sort_unstable_by_key(|x| x.0);
        c.into_iter().map(|x| x.1).collect()
    });
    Ok(HararyTest {
        certificate: HararyCertificate::Balanced { camps },
        neutral_ties: tied.neutral,
    })
}

/// Checks a Harary certificate against the graph, independently of how it was found: camps
/// must partition the units with every positive tie inside a camp and every negative tie
/// across; a cycle must be a cycle of the graph (distinct units, each tie joining
/// consecutive units, signs as claimed) with an odd number of negative ties.
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
/// use rsct::balance::{verify_harary, HararyCertificate};
///
/// let g = SignedGraph::from_edges(["A", "B"], [(0, 1, Sign::Enmity)])?;
/// let (a, b) = (g.node("A").unwrap(), g.node("B").unwrap());
/// let good = HararyCertificate::Balanced { camps: [vec![a], vec![b]] };
/// assert!(verify_harary(g.graph(), &good).is_ok());
/// let bad = HararyCertificate::Balanced { camps: [vec![a, b], vec![]] };
/// assert!(verify_harary(g.graph(), &bad).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn verify_harary<G>(
    g: G,
    certificate: &HararyCertificate<G::NodeId, G::EdgeId>,
) -> Result<(), BalanceError>
where
    G: IntoEdgeReferences + IntoNodeIdentifiers + NodeIndexable + EdgeIndexable,
    G::EdgeWeight: SignedWeight,
{
    let certificate = match certificate {
        HararyCertificate::Balanced { camps } => partition::Claim::Partition(camps.as_slice()),
        HararyCertificate::Unbalanced { cycle } => partition::Claim::Cycle(cycle),
    };
    partition::check_certificate(g, certificate, "camp", |neg| neg % 2 == 1, "an even number")
}
