//! Walk balance tr e^A / tr e^|A| (Estrada & Benzi 2014).

use super::BalanceError;
use super::components;
use super::csr;
use super::eigen::symmetric_eigen;
use crate::sign::SignedWeight;
use petgraph::visit::{IntoEdgeReferences, NodeCompactIndexable};
use serde::Serialize;

const MEASURE: &str = "walk balance";

/// Options of [`walk_balance`]. A builder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[must_use]
pub struct WalkBalanceOptions {
    dense_limit: usize,
}

impl Default for WalkBalanceOptions {
    fn default() -> Self {
        Self::new()
    }
}

impl WalkBalanceOptions {
    /// The defaults: connected parts of up to 2,500 units (about 10 s and 100 MB for the
    /// largest part on one core).
    pub fn new() -> Self {
        Self { dense_limit: 2_500 }
    }
    /// The largest connected part the dense eigen-solver accepts.
    pub fn dense_limit(mut self, units: usize) -> Self {
        self.dense_limit = units;
        self
    }
}

/// The result of [`walk_balance`].
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct WalkBalance {
    ratio: f64,
    ln_trace_signed: f64,
    ln_trace_unsigned: f64,
    error_bound: f64,
    parts: usize,
    largest_part: usize,
}

impl WalkBalance {
    /// The walk balance tr e^A / tr e^|A|, in (0, 1]; 1 exactly when the graph is balanced.
    #[must_use]
    pub fn ratio(&self) -> f64 {
        self.ratio
    }
    /// ln tr e^A (logarithms, as the traces overflow `f64` on large graphs).
    #[must_use]
    pub fn ln_trace_signed(&self) -> f64 {
        self.ln_trace_signed
    }
    /// ln tr e^|A|.
    #[must_use]
    pub fn ln_trace_unsigned(&self) -> f64 {
        self.ln_trace_unsigned
    }
    /// An a-priori bound on the absolute error of [`Self::ratio`] from rounding (see
    /// [`walk_balance`]).
    #[must_use]
    pub fn error_bound(&self) -> f64 {
        self.error_bound
    }
    /// The number of connected parts (isolated units included).
    #[must_use]
    pub fn parts(&self) -> usize {
        self.parts
    }
    /// The number of units of the largest connected part.
    #[must_use]
    pub fn largest_part(&self) -> usize {
        self.largest_part
    }
}

/// Walk balance (Estrada & Benzi 2014): `tr e^A / tr e^|A|`, where `A` is the signed
/// adjacency matrix (±1; magnitudes are ignored) and `|A|` its unsigned version. Closed walks
/// are weighted by 1/k! for length k; the ratio compares the weight of the balanced ones
/// minus the unbalanced ones with all of them.
///
/// # Numerical method and accuracy
/// `tr e^A = Σ exp(λᵢ)` over the eigenvalues of `A`, and the trace is additive over connected
/// parts. Each part's `A` and `|A|` are reduced to tridiagonal form by Householder
/// transformations and their eigenvalues found by the implicit QL algorithm (EISPACK
/// `tred2`/`tql2`); the sums are taken after subtracting the largest eigenvalue μ of `|A|`
/// (which bounds every |λ| by Perron–Frobenius), so nothing overflows. The solver is
/// backward stable: each eigenvalue is off by at most δ ≈ c·k·ε·‖A‖_F for a part of k units
/// (ε = 2⁻⁵², c a small constant, taken as 4), so each exponential is off by a factor of at
/// most e^δ and the ratio by at most `ratio · (e^{2δ} − 1)` plus summation rounding;
/// [`WalkBalance::error_bound`] reports this (about 1e-12 for parts of a few hundred units).
///
/// Large graphs: the dense solver needs O(k³) time and O(k²) memory for a part of k units,
/// so a part above [`WalkBalanceOptions::dense_limit`] is refused with
/// [`BalanceError::TooLargeForDense`], which names the size and the limit.
///
/// # Complexity
/// O(Σ kᵢ³) time and O(max kᵢ²) memory over the connected parts.
///
/// # Errors
/// [`BalanceError::TooLargeForDense`]; [`BalanceError::SelfLoop`],
/// [`BalanceError::ParallelTies`] (the measure is defined on simple graphs);
/// [`BalanceError::NoConvergence`] if the QL iteration fails (not seen in practice).
///
/// # Example
/// ```
/// use rsct::{Sign, SignedGraph};
/// use rsct::balance::{walk_balance, WalkBalanceOptions};
///
/// // A balanced graph has walk balance 1.
/// let g = SignedGraph::from_edges(["A", "B", "C"], [(0, 1, Sign::Enmity), (1, 2, Sign::Enmity)])?;
/// let w = walk_balance(g.graph(), &WalkBalanceOptions::new())?;
/// assert!((w.ratio() - 1.0).abs() <= w.error_bound() + 1e-15);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn walk_balance<G>(g: G, options: &WalkBalanceOptions) -> Result<WalkBalance, BalanceError>
where
    G: IntoEdgeReferences + NodeCompactIndexable,
    G::EdgeWeight: SignedWeight,
{
    let edges = csr::collect(g, csr::Gather::default())?;
    components::require_simple(&edges, MEASURE)?;
    let p = components::parts(&edges);
    let largest = p.parts.iter().map(Vec::len).max().unwrap_or(0);
    if largest > options.dense_limit {
        return Err(BalanceError::TooLargeForDense {
            measure: MEASURE,
            nodes: largest,
            limit: options.dense_limit,
        });
    }
    // Ties of each part.
    let mut ties: Vec<Vec<usize>> = vec![Vec::new(); p.parts.len()];
    for (i, &(a, _)) in edges.ends.iter().enumerate() {
        ties[p.part_of[a as usize] as usize].push(i);
    }
    let mut signed = Vec::with_capacity(edges.n);
    let mut unsigned = Vec::with_capacity(edges.n);
    let mut delta_max: f64 = 0.0;
    for (members, part_ties) in p.parts.iter().zip(&ties) {
        let k = members.len();
        if k == 1 {
            signed.push(0.0);
            unsigned.push(0.0);
            continue;
        }
        let mut a = vec![0.0; k * k];
        let mut b = vec![0.0; k * k];
        for &i in part_ties {
            let (x, y) = edges.ends[i];
            let (x, y) = (p.pos[x as usize] as usize, p.pos[y as usize] as usize);
            let s = if edges.negative[i] { -1.0 } else { 1.0 };
            a[x * k + y] = s;
            a[y * k + x] = s;
            b[x * k + y] = 1.0;
            b[y * k + x] = 1.0;
        }
        let no_conv = |iterations| BalanceError::NoConvergence {
            measure: MEASURE,
            iterations,
            residual: f64::NAN,
        };
        let (la, _) = symmetric_eigen(&a, k, false).map_err(no_conv)?;
        let (lb, _) = symmetric_eigen(&b, k, false).map_err(no_conv)?;
        signed.extend(la);
        unsigned.extend(lb);
        let frob = (2.0 * part_ties.len() as f64).sqrt();
        delta_max = delta_max.max(4.0 * k as f64 * f64::EPSILON * frob);
    }
    let mu = unsigned.iter().copied().fold(0.0f64, f64::max);
    let sa: f64 = signed.iter().map(|&l| (l - mu).exp()).sum();
    let sb: f64 = unsigned.iter().map(|&l| (l - mu).exp()).sum();
    let ratio = if sb > 0.0 { sa / sb } else { 1.0 };
    let n = signed.len() as f64;
    let rel = (2.0 * delta_max).exp_m1() + 2.0 * n * f64::EPSILON;
    Ok(WalkBalance {
        ratio,
        ln_trace_signed: mu + sa.ln(),
        ln_trace_unsigned: mu + sb.ln(),
        error_bound: ratio.abs() * rel,
        parts: p.parts.len(),
        largest_part: largest,
    })
}
