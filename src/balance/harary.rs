//! The Harary test of structural balance, in linear time, with a certificate.

use super::BalanceError;
use super::csr::{self, Adjacency};
use super::cycle::{self, Forest, SignedCycle};
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

    /// The certificate.
    #[must_use]
    pub fn certificate(&self) -> &HararyCertificate<N, E> {
        &self.certificate
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

    /// Ties whose sign is `None` (zero net weight), treated as absent.
    #[must_use]
    pub fn neutral_ties(&self) -> usize {
        self.neutral_ties
    }
}

/// Tests whether a signed graph is balanced (Cartwright & Harary 1956): whether its units
/// split into two camps with amity inside and enmity across — equivalently, whether every
/// cycle has an even number of negative ties.
///
/// A breadth-first traversal gives each unit a camp from the signs along its tree path; the
/// first tie that disagrees closes a cycle with an odd number of negative ties, returned as
/// the certificate (the tree paths of its ends plus that tie). Multigraphs are accepted
/// (two parallel ties of opposite signs form an unbalanced 2-cycle; a negative self-loop an
/// unbalanced 1-cycle). Ties whose sign is `None` are absent and counted in
/// [`HararyTest::neutral_ties`]. Check a certificate independently with [`verify_harary`].
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
    let edges = csr::collect(g, false)?;
    let n = edges.n;
    let neutral_ties = edges.neutral;
    let unbalanced = |units: &[u32], ties: &[u32]| HararyTest {
        certificate: HararyCertificate::Unbalanced {
            cycle: cycle::certificate(g, units, ties, &edges.ids, &edges.negative),
        },
        neutral_ties,
    };
    if let Some(i) = edges
        .ends
        .iter()
        .enumerate()
        .position(|(i, &(a, b))| a == b && edges.negative[i])
    {
        return Ok(unbalanced(&[edges.ends[i].0], &[i as u32]));
    }
    let adj = Adjacency::build(n, &edges.ends, |_| true);
    let present = partition::present(g);
    const UNSEEN: u8 = u8::MAX;
    let mut camp = vec![UNSEEN; n];
    let mut forest = Forest::new(n);
    let mut queue: Vec<u32> = Vec::with_capacity(n);
    for s in 0..n {
        if !present[s] || camp[s] != UNSEEN {
            continue;
        }
        camp[s] = 0;
        queue.clear();
        queue.push(s as u32);
        let mut head = 0;
        while head < queue.len() {
            let u = queue[head] as usize;
            head += 1;
            let (nbr, tie) = adj.neighbours(u);
            for (&v, &t) in nbr.iter().zip(tie) {
                let want = camp[u] ^ u8::from(edges.negative[t as usize]);
                let cv = camp[v as usize];
                if cv == UNSEEN {
                    camp[v as usize] = want;
                    forest.parent[v as usize] = u as u32;
                    forest.parent_edge[v as usize] = t;
                    forest.depth[v as usize] = forest.depth[u] + 1;
                    queue.push(v);
                } else if cv != want {
                    let (units, ties) = forest.cycle(u as u32, v, t);
                    return Ok(unbalanced(&units, &ties));
                }
            }
        }
    }
    let mut camps = [Vec::new(), Vec::new()];
    for (i, &c) in camp.iter().enumerate() {
        if present[i] {
            camps[usize::from(c == 1)].push(g.from_index(i));
        }
    }
    Ok(HararyTest {
        certificate: HararyCertificate::Balanced { camps },
        neutral_ties,
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
    let table = cycle::edge_table(g);
    match certificate {
        HararyCertificate::Balanced { camps } => {
            partition::check_partition(g, &table, camps.as_slice(), "camp")
        }
        HararyCertificate::Unbalanced { cycle } => {
            let neg = cycle::check_cycle(g, &table, cycle)?;
            if neg % 2 == 1 {
                Ok(())
            } else {
                Err(BalanceError::InvalidCertificate {
                    reason: format!("the cycle has {neg} negative ties, an even number"),
                })
            }
        }
    }
}
