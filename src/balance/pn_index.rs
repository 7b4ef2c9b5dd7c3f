//! The PN index (Everett & Borgatti 2014).

use super::BalanceError;
use super::components;
use super::csr;
use super::dense;
use crate::sign::SignedWeight;
use crate::tolerance;
use petgraph::visit::{IntoEdgeReferences, NodeCompactIndexable};
use serde::Serialize;

const MEASURE: &str = "PN index";

crate::internal::builder! {
    /// Options of [`pn_index`]. A builder.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub struct PnIndexOptions;
    /// The defaults: dense solve up to 3,000 units when iteration would be slow; at most
    /// 10,000 iterations.
    fn new();
    /// The largest graph solved by dense elimination.
    dense_limit(units: usize) = 3_000, get_dense_limit;
    /// The most fixed-point iterations.
    max_iterations(iterations: usize) = 10_000, get_max_iterations;
}

/// How the PN index was computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum PnMethod {
    /// Gaussian elimination with partial pivoting (exact up to rounding).
    Dense,
    /// Fixed-point iteration `x ← 1 + A x / (2n − 2)` with an a-posteriori error bound.
    Iteration {
        /// Iterations performed.
        iterations: usize,
    },
}

/// The result of [`pn_index`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PnIndex {
    values: Vec<f64>,
    method: PnMethod,
    error_bound: f64,
    neutral_ties: usize,
}

impl PnIndex {
    /// The PN index of every unit, indexed by node index.
    #[must_use]
    pub fn values(&self) -> &[f64] {
        &self.values
    }
    /// The method used.
    #[must_use]
    pub fn method(&self) -> PnMethod {
        self.method
    }
    /// A bound on the max-norm error for the iteration (0 for the dense solve, whose error is
    /// rounding only).
    #[must_use]
    pub fn error_bound(&self) -> f64 {
        self.error_bound
    }
    /// Ties whose sign is `None` (zero net weight), treated as absent.
    #[must_use]
    pub fn neutral_ties(&self) -> usize {
        self.neutral_ties
    }
}

/// The PN index of Everett & Borgatti (2014): `PN = (I − A / (2n − 2))⁻¹ 1` with
/// `A = P − 2N` (P, N the amity and enmity adjacency matrices), rewarding amity ties and
/// penalising enmity ties twice, counted over walks of all lengths. Magnitudes are ignored.
///
/// With `B = A / (2n − 2)` and `r = ‖B‖∞ = maxᵢ (posᵢ + 2 negᵢ) / (2n − 2)`: when `r ≤ 1/2`
/// (every graph whose units have fewer than about n/2 ties) the fixed-point iteration
/// `x ← 1 + B x` converges geometrically and stops when its a-posteriori bound
/// `r / (1 − r) · ‖xₖ − xₖ₋₁‖∞` is below [`tolerance::ITERATION`]; otherwise the system is
/// solved by Gaussian elimination with partial pivoting (up to
/// [`PnIndexOptions::dense_limit`] units; faer's blocked LU with the crate's `faer`
/// feature), or iterated if `r < 1`.
///
/// # Complexity
/// O(m) per iteration (O(m · log(1/tol) / log(1/r)) in all); O(n³) for the dense solve.
///
/// # Errors
/// [`BalanceError::Singular`]; [`BalanceError::TooLargeForDense`] when the graph is too
/// dense to iterate and above the dense limit; [`BalanceError::NoConvergence`];
/// [`BalanceError::SelfLoop`], [`BalanceError::ParallelTies`].
///
/// # Example
/// ```
/// use rsct::{Sign, SignedGraph};
/// use rsct::balance::{pn_index, PnIndexOptions};
///
/// let g = SignedGraph::from_edges(["A", "B", "C"], [(0, 1, Sign::Amity), (1, 2, Sign::Enmity)])?;
/// let pn = pn_index(g.graph(), &PnIndexOptions::new())?;
/// // A has one friend; C has one enemy.
/// assert!(pn.values()[0] > 1.0 && pn.values()[2] < 1.0);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn pn_index<G>(g: G, options: &PnIndexOptions) -> Result<PnIndex, BalanceError>
where
    G: IntoEdgeReferences + NodeCompactIndexable,
    G::EdgeWeight: SignedWeight,
{
    let edges = components::collect_simple(g, MEASURE)?;
    let n = edges.n;
    let neutral_ties = edges.neutral;
    if n <= 1 {
        return Ok(PnIndex {
            values: vec![1.0; n],
            method: PnMethod::Dense,
            error_bound: 0.0,
            neutral_ties,
        });
    }
    let scale = 1.0 / (2.0 * n as f64 - 2.0);
    let mut row = vec![0.0f64; n];
    for (i, &(a, b)) in edges.ends.iter().enumerate() {
        let w = if edges.negative[i] { 2.0 } else { 1.0 };
        row[a as usize] += w;
        row[b as usize] += w;
    }
    let r = row.iter().copied().fold(0.0, f64::max) * scale;
    if r <= 0.5 || (n > options.dense_limit && r < 1.0) {
        return iterate(&edges, n, scale, r, options.max_iterations, neutral_ties);
    }
    if n > options.dense_limit {
        return Err(BalanceError::TooLargeForDense {
            measure: MEASURE,
            nodes: n,
            limit: options.dense_limit,
        });
    }
    // M = I − B, dense, row-major.
    let mut m = vec![0.0; n * n];
    for i in 0..n {
        m[i * n + i] = 1.0;
    }
    for (i, &(a, b)) in edges.ends.iter().enumerate() {
        let v = if edges.negative[i] { -2.0 } else { 1.0 } * scale;
        let (a, b) = (a as usize, b as usize);
        m[a * n + b] -= v;
        m[b * n + a] -= v;
    }
    let values = dense::solve(&mut m, vec![1.0; n], n, MEASURE)?;
    Ok(PnIndex {
        values,
        method: PnMethod::Dense,
        error_bound: 0.0,
        neutral_ties,
    })
}

fn iterate<E>(
    edges: &csr::SignedEdges<E>,
    n: usize,
    scale: f64,
    r: f64,
    max_iterations: usize,
    neutral_ties: usize,
) -> Result<PnIndex, BalanceError> {
    let adj = csr::Adjacency::build(n, &edges.ends, |_| true);
    let mut x = vec![1.0; n];
    let mut next = vec![0.0; n];
    let mut bound = f64::INFINITY;
    for it in 1..=max_iterations {
        let mut change: f64 = 0.0;
        for u in 0..n {
            let (nbr, tie) = adj.neighbours(u);
            let mut s = 0.0;
            for (&v, &t) in nbr.iter().zip(tie) {
                let w = if edges.negative[t as usize] {
                    -2.0
                } else {
                    1.0
                };
                s += w * x[v as usize];
            }
            next[u] = 1.0 + scale * s;
            change = change.max((next[u] - x[u]).abs());
        }
        std::mem::swap(&mut x, &mut next);
        bound = if r < 1.0 {
            r / (1.0 - r) * change
        } else {
            f64::INFINITY
        };
        if bound <= tolerance::ITERATION {
            return Ok(PnIndex {
                values: x,
                method: PnMethod::Iteration { iterations: it },
                error_bound: bound,
                neutral_ties,
            });
        }
    }
    Err(BalanceError::NoConvergence {
        measure: MEASURE,
        iterations: max_iterations,
        residual: bound,
    })
}

/// Solves `m x = rhs` by Gaussian elimination with partial pivoting (`m` is overwritten):
/// the crate's own dense solve, used through [`dense::solve`] (which may choose faer).
pub(crate) fn gauss_solve(
    m: &mut [f64],
    mut rhs: Vec<f64>,
    n: usize,
    measure: &'static str,
) -> Result<Vec<f64>, BalanceError> {
    for col in 0..n {
        let (piv, best) = (col..n)
            .map(|r| (r, m[r * n + col].abs()))
            .fold((col, -1.0), |acc, x| if x.1 > acc.1 { x } else { acc });
        if best <= tolerance::PIVOT {
            return Err(BalanceError::Singular {
                measure,
                row: col,
                pivot: best,
            });
        }
        if piv != col {
            for k in 0..n {
                m.swap(col * n + k, piv * n + k);
            }
            rhs.swap(col, piv);
        }
        let p = m[col * n + col];
        for r in col + 1..n {
            let f = m[r * n + col] / p;
            if f != 0.0 {
                for k in col..n {
                    m[r * n + k] -= f * m[col * n + k];
                }
                rhs[r] -= f * rhs[col];
            }
        }
    }
    let mut x = vec![0.0; n];
    for r in (0..n).rev() {
        let mut s = rhs[r];
        for k in r + 1..n {
            s -= m[r * n + k] * x[k];
        }
        x[r] = s / m[r * n + r];
    }
    Ok(x)
}
