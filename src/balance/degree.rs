//! Signed degree centrality: positive, negative, net degree and their ratio.

use super::BalanceError;
use super::csr;
use crate::sign::SignedWeight;
use petgraph::visit::{IntoEdgeReferences, NodeIndexable};
use serde::Serialize;

/// The signed degree of one unit.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct SignedDegree {
    positive: usize,
    negative: usize,
    positive_strength: f64,
    negative_strength: f64,
}

impl SignedDegree {
    /// Number of amity ties.
    #[must_use]
    pub fn positive(&self) -> usize {
        self.positive
    }
    /// Number of enmity ties.
    #[must_use]
    pub fn negative(&self) -> usize {
        self.negative
    }
    /// All signed ties.
    #[must_use]
    pub fn total(&self) -> usize {
        self.positive + self.negative
    }
    /// Net degree: positive − negative.
    #[must_use]
    pub fn net(&self) -> i64 {
        self.positive as i64 - self.negative as i64
    }
    /// Share of amity among the unit's ties, positive / (positive + negative); `None` for a
    /// unit without signed ties.
    #[must_use]
    pub fn ratio(&self) -> Option<f64> {
        let t = self.total();
        (t > 0).then(|| self.positive as f64 / t as f64)
    }
    /// Summed magnitude of the amity ties.
    #[must_use]
    pub fn positive_strength(&self) -> f64 {
        self.positive_strength
    }
    /// Summed magnitude of the enmity ties.
    #[must_use]
    pub fn negative_strength(&self) -> f64 {
        self.negative_strength
    }
}

/// The result of [`signed_degrees`].
#[derive(Debug, Clone, PartialEq)]
pub struct SignedDegrees {
    per_unit: Vec<SignedDegree>,
    neutral_ties: usize,
}

impl SignedDegrees {
    /// The degrees, indexed by node index.
    #[must_use]
    pub fn per_unit(&self) -> &[SignedDegree] {
        &self.per_unit
    }
    /// Ties whose sign is `None` (zero net weight), treated as absent.
    #[must_use]
    pub fn neutral_ties(&self) -> usize {
        self.neutral_ties
    }
}

/// Signed degree centrality: for every unit its numbers of amity and enmity ties, net degree,
/// amity ratio and summed magnitudes (strengths). A self-loop counts at both ends.
///
/// # Complexity
/// O(n + m).
///
/// # Errors
/// [`BalanceError::TooManyUnits`].
///
/// # Example
/// ```
/// use rsct::{Sign, SignedGraph};
/// use rsct::balance::signed_degrees;
///
/// let g = SignedGraph::from_edges(["A", "B", "C"], [(0, 1, Sign::Amity), (0, 2, Sign::Enmity)])?;
/// let d = signed_degrees(g.graph())?;
/// let a = d.per_unit()[0];
/// assert_eq!((a.positive(), a.negative(), a.net()), (1, 1, 0));
/// assert_eq!(a.ratio(), Some(0.5));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn signed_degrees<G>(g: G) -> Result<SignedDegrees, BalanceError>
where
    G: IntoEdgeReferences + NodeIndexable,
    G::EdgeWeight: SignedWeight,
{
    let edges = csr::collect(
        g,
        csr::Gather {
            magnitudes: true,
            ..csr::Gather::default()
        },
    )?;
    let mut per_unit = vec![SignedDegree::default(); edges.n];
    for (i, &(a, b)) in edges.ends.iter().enumerate() {
        for x in [a, b] {
            let d = &mut per_unit[x as usize];
            if edges.negative[i] {
                d.negative += 1;
                d.negative_strength += edges.magnitude[i];
            } else {
                d.positive += 1;
                d.positive_strength += edges.magnitude[i];
            }
        }
    }
    Ok(SignedDegrees {
        per_unit,
        neutral_ties: edges.neutral,
    })
}
