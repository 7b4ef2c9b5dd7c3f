//! Signed eigenvector centrality (Bonacich & Lloyd 2004).

use super::BalanceError;
use super::components;
use super::csr;
use super::eigen::symmetric_eigen;
use crate::sign::SignedWeight;
use crate::tolerance;
use petgraph::visit::{IntoEdgeReferences, NodeCompactIndexable};
use serde::Serialize;

const MEASURE: &str = "signed eigenvector centrality";

/// Options of [`signed_eigenvector`]. A builder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[must_use]
pub struct SignedEigenvectorOptions {
    dense_limit: usize,
    max_iterations: usize,
}

impl Default for SignedEigenvectorOptions {
    fn default() -> Self {
        Self::new()
    }
}

impl SignedEigenvectorOptions {
    /// The defaults: dense eigen-decomposition up to 1,500 units, power iteration above (at
    /// most 20,000 iterations).
    pub fn new() -> Self {
        Self {
            dense_limit: 1_500,
            max_iterations: 20_000,
        }
    }
    /// The largest graph handled by the dense solver; larger graphs use power iteration.
    pub fn dense_limit(mut self, units: usize) -> Self {
        self.dense_limit = units;
        self
    }
    /// The most power iterations.
    pub fn max_iterations(mut self, iterations: usize) -> Self {
        self.max_iterations = iterations;
        self
    }
}

/// How the eigenvector was computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum EigenMethod {
    /// Full dense eigen-decomposition; the gap to the second modulus was checked.
    Dense,
    /// Power iteration until the relative residual fell below [`tolerance::ITERATION`].
    Power {
        /// Iterations performed.
        iterations: usize,
    },
}

/// The result of [`signed_eigenvector`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SignedEigenvector {
    values: Vec<f64>,
    eigenvalue: f64,
    second_modulus: Option<f64>,
    method: EigenMethod,
    neutral_ties: usize,
}

impl SignedEigenvector {
    /// The centralities, indexed by node index, scaled so that the largest modulus is 1 and
    /// signed so that the unit with the largest modulus (the lowest index among those within
    /// [`tolerance::MODULUS_TIE`] of it) is positive.
    #[must_use]
    pub fn values(&self) -> &[f64] {
        &self.values
    }
    /// The dominant eigenvalue (largest modulus; may be negative).
    #[must_use]
    pub fn eigenvalue(&self) -> f64 {
        self.eigenvalue
    }
    /// The second largest eigenvalue modulus (dense method only).
    #[must_use]
    pub fn second_modulus(&self) -> Option<f64> {
        self.second_modulus
    }
    /// The method used.
    #[must_use]
    pub fn method(&self) -> EigenMethod {
        self.method
    }
    /// Ties whose sign is `None` (zero net weight), treated as absent.
    #[must_use]
    pub fn neutral_ties(&self) -> usize {
        self.neutral_ties
    }
}

/// Signed eigenvector centrality (Bonacich & Lloyd 2004; as in signnet): the eigenvector of
/// the signed adjacency matrix (±1; magnitudes ignored) for its eigenvalue of largest
/// modulus. It is defined only when that eigenvalue is *dominant*: strictly larger in
/// modulus than every other (relative gap above [`tolerance::DOMINANT_GAP`]); otherwise —
/// e.g. when λ and −λ are both extreme, or the top eigenvalue is repeated — the function
/// returns [`BalanceError::EigenvectorUndefined`] with both moduli.
///
/// Up to [`SignedEigenvectorOptions::dense_limit`] units the full spectrum is computed
/// (Householder + QL) and the gap checked exactly; above, power iteration runs until the
/// relative residual `‖Ax − λx‖ / |λ|` is below [`tolerance::ITERATION`] (an eigenvalue
/// without a gap shows as [`BalanceError::NoConvergence`]), from a pseudo-random start; a
/// result whose modulus is below `sqrt(2m / n)` — a lower bound on the dominant modulus, as
/// Σλ² = 2m — means the start missed the dominant eigenvector, and up to two other starts are
/// tried.
///
/// # Complexity
/// O(n³) dense; O(m) per power iteration.
///
/// # Errors
/// [`BalanceError::EigenvectorUndefined`], [`BalanceError::NoConvergence`],
/// [`BalanceError::SelfLoop`], [`BalanceError::ParallelTies`].
///
/// # Example
/// ```
/// use rsct::{Sign, SignedGraph};
/// use rsct::balance::{signed_eigenvector, SignedEigenvectorOptions, BalanceError};
///
/// // A star: the centre dominates.
/// let g = SignedGraph::from_edges(
///     ["C", "A", "B", "D"],
///     [(0, 1, Sign::Amity), (0, 2, Sign::Amity), (0, 3, Sign::Enmity), (1, 2, Sign::Amity)],
/// )?;
/// let e = signed_eigenvector(g.graph(), &SignedEigenvectorOptions::new())?;
/// assert_eq!(e.values()[0], 1.0);
/// // A single tie has eigenvalues 1 and −1: no dominant eigenvalue.
/// let pair = SignedGraph::from_edges(["A", "B"], [(0, 1, Sign::Enmity)])?;
/// assert!(matches!(
///     signed_eigenvector(pair.graph(), &SignedEigenvectorOptions::new()),
///     Err(BalanceError::EigenvectorUndefined { .. })
/// ));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn signed_eigenvector<G>(
    g: G,
    options: &SignedEigenvectorOptions,
) -> Result<SignedEigenvector, BalanceError>
where
    G: IntoEdgeReferences + NodeCompactIndexable,
    G::EdgeWeight: SignedWeight,
{
    let edges = csr::collect(g, csr::Gather::default())?;
    components::require_simple(&edges, MEASURE)?;
    let n = edges.n;
    let neutral_ties = edges.neutral;
    if edges.ends.is_empty() {
        return Err(BalanceError::EigenvectorUndefined {
            reason: "the graph has no signed ties (every eigenvalue is 0)".into(),
        });
    }
    if n <= options.dense_limit {
        let mut a = vec![0.0; n * n];
        for (i, &(x, y)) in edges.ends.iter().enumerate() {
            let s = if edges.negative[i] { -1.0 } else { 1.0 };
            a[x as usize * n + y as usize] = s;
            a[y as usize * n + x as usize] = s;
        }
        let (values, vectors) =
            symmetric_eigen(&a, n, true).map_err(|iterations| BalanceError::NoConvergence {
                measure: MEASURE,
                iterations,
                residual: f64::NAN,
            })?;
        let vectors = vectors.unwrap_or_default();
        // Ascending order: the largest modulus is at one end.
        let (top, other) = if values[0].abs() > values[n - 1].abs() {
            (0, n - 1)
        } else {
            (n - 1, 0)
        };
        let lambda = values[top];
        let second = if n == 1 {
            0.0
        } else {
            let inner = if top == 0 { values[1] } else { values[n - 2] };
            values[other].abs().max(inner.abs())
        };
        if lambda.abs() - second <= tolerance::DOMINANT_GAP * lambda.abs() {
            return Err(BalanceError::EigenvectorUndefined {
                reason: format!(
                    "no dominant eigenvalue: the two largest moduli are {:.12} and {:.12}",
                    lambda.abs(),
                    second
                ),
            });
        }
        let x: Vec<f64> = (0..n).map(|r| vectors[r * n + top]).collect();
        return Ok(SignedEigenvector {
            values: normalise(x),
            eigenvalue: lambda,
            second_modulus: Some(second),
            method: EigenMethod::Dense,
            neutral_ties,
        });
    }
    let adj = csr::Adjacency::build(n, &edges.ends, |_| true);
    // Σ λᵢ² = 2m, so the dominant modulus is at least sqrt(2m / n): an eigenvalue below that
    // means the start vector missed the dominant eigenvector; try another start.
    let floor = (2.0 * edges.ends.len() as f64 / n as f64).sqrt();
    let mut last = BalanceError::NoConvergence {
        measure: MEASURE,
        iterations: 0,
        residual: f64::INFINITY,
    };
    for seed in 0..3u64 {
        match power(&adj, &edges.negative, n, seed, options.max_iterations)? {
            (x, lambda, it) if lambda.abs() >= floor * (1.0 - tolerance::MODULUS_TIE) => {
                return Ok(SignedEigenvector {
                    values: normalise(x),
                    eigenvalue: lambda,
                    second_modulus: None,
                    method: EigenMethod::Power { iterations: it },
                    neutral_ties,
                });
            }
            (_, lambda, it) => {
                last = BalanceError::NoConvergence {
                    measure: MEASURE,
                    iterations: it,
                    residual: (floor - lambda.abs()) / floor,
                };
            }
        }
    }
    Err(last)
}

/// Power iteration from a pseudo-random start (splitmix64 of the index and `seed`): the unit
/// eigenvector, its eigenvalue and the iterations.
fn power(
    adj: &csr::Adjacency,
    negative: &[bool],
    n: usize,
    seed: u64,
    max_iterations: usize,
) -> Result<(Vec<f64>, f64, usize), BalanceError> {
    let mix = |i: u64| {
        let mut z = i
            .wrapping_add(seed.wrapping_mul(0xD1B5_4A32_D192_ED03))
            .wrapping_add(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        0.5 + (z >> 11) as f64 / (1u64 << 53) as f64
    };
    let mut x: Vec<f64> = (0..n as u64).map(mix).collect();
    let norm = x.iter().map(|v| v * v).sum::<f64>().sqrt();
    x.iter_mut().for_each(|v| *v /= norm);
    let mut y = vec![0.0; n];
    let mut residual = f64::INFINITY;
    for it in 1..=max_iterations {
        for (u, yu) in y.iter_mut().enumerate() {
            let (nbr, tie) = adj.neighbours(u);
            let mut s = 0.0;
            for (&v, &t) in nbr.iter().zip(tie) {
                s += if negative[t as usize] {
                    -x[v as usize]
                } else {
                    x[v as usize]
                };
            }
            *yu = s;
        }
        let lambda: f64 = x.iter().zip(&y).map(|(a, b)| a * b).sum();
        let ny = y.iter().map(|v| v * v).sum::<f64>().sqrt();
        if ny == 0.0 || lambda == 0.0 {
            return Err(BalanceError::EigenvectorUndefined {
                reason: "the iteration reached a zero vector (no dominant eigenvalue)".into(),
            });
        }
        residual = x
            .iter()
            .zip(&y)
            .map(|(a, b)| (b - lambda * a).powi(2))
            .sum::<f64>()
            .sqrt()
            / lambda.abs();
        if residual <= tolerance::ITERATION {
            return Ok((x, lambda, it));
        }
        for (a, b) in x.iter_mut().zip(&y) {
            *a = b / ny;
        }
    }
    Err(BalanceError::NoConvergence {
        measure: MEASURE,
        iterations: max_iterations,
        residual,
    })
}

/// Scales to max modulus 1, signed so that the first entry (by index) whose modulus is within
/// [`tolerance::MODULUS_TIE`] of the largest is positive.
fn normalise(mut x: Vec<f64>) -> Vec<f64> {
    let max = x.iter().fold(0.0f64, |m, v| m.max(v.abs()));
    if max == 0.0 {
        return x;
    }
    let first = x
        .iter()
        .copied()
        .find(|v| v.abs() >= max * (1.0 - tolerance::MODULUS_TIE))
        .unwrap_or(max);
    let s = if first < 0.0 { -max } else { max };
    x.iter_mut().for_each(|v| *v /= s);
    x
}
