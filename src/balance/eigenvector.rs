//! Signed eigenvector centrality (Bonacich & Lloyd 2004).

use super::BalanceError;
use super::components;
use super::dense::symmetric_eigen;
use super::lanczos::{Lanczos, SignedCsr};
use crate::internal::parallel;
use crate::sign::SignedWeight;
use crate::tolerance;
use petgraph::visit::{IntoEdgeReferences, NodeCompactIndexable};
use serde::Serialize;

const MEASURE: &str = "signed eigenvector centrality";

crate::internal::builder! {
    /// Options of [`signed_eigenvector`]. A builder.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub struct SignedEigenvectorOptions;
    /// The defaults: dense eigen-decomposition up to 500 units, Lanczos above (at most
    /// 1,200 steps, i.e. ten restart cycles), seed 0.
    fn new();
    /// The largest graph handled by the dense solver; larger graphs use Lanczos.
    dense_limit(units: usize) = 500, get_dense_limit;
    /// The most Lanczos steps (matrix–vector products), restarts included.
    max_iterations(iterations: usize) = 1_200, get_max_iterations;
    /// The seed of the Lanczos start vectors (same seed, same result, byte for byte).
    seed(seed: u64) = 0, get_seed;
    /// Threads of the Lanczos iteration's vector kernels (sparse products, inner products,
    /// updates, over fixed blocks of 4,096 entries): 0 (the default) rayon's current pool —
    /// every core, or `RAYON_NUM_THREADS`, or the pool of a caller already running in one —,
    /// 1 the calling thread alone, `n` a pool of `n` threads of its own. Results do not
    /// depend on it, byte for byte (partial sums are added in block order).
    threads(threads: usize) = 0, get_threads;
}

/// How the eigenvector was computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum EigenMethod {
    /// Full dense eigen-decomposition; the gap to the second modulus was checked.
    Dense,
    /// Lanczos with full reorthogonalisation until the relative residual
    /// `‖Ax − λx‖ / |λ|` of the Ritz pair fell below [`tolerance::ITERATION`], then a
    /// deflated probe for a second eigenvalue of the same modulus.
    Lanczos {
        /// Matrix–vector products performed (probe included).
        steps: usize,
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
    /// The second largest eigenvalue modulus: exact (to rounding) for the dense method; for
    /// Lanczos the largest other Ritz modulus seen, a lower estimate by Cauchy interlacing.
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
/// (Householder + QL, or faer with the `faer` feature) and the gap checked exactly. Above, the Lanczos iteration with full
/// reorthogonalisation (Paige 1971; Parlett 1998, ch. 13) runs from a seeded random start
/// until the Ritz pair of largest modulus has relative residual `‖Ax − λx‖ / |λ|` below
/// [`tolerance::ITERATION`] (restarting from that Ritz vector every 120 steps); it finds
/// both ends of the spectrum at once, so a negative dominant eigenvalue is found as easily
/// as a positive one. A second Lanczos run orthogonal to the eigenvector found (40 steps)
/// then looks for another eigenvalue of the same modulus, which a single Krylov space cannot
/// see; it stops when its own largest Ritz modulus has converged (relative residual 1e-5),
/// and the gap check uses every Ritz value of both runs.
///
/// # Complexity
/// O(n³) dense; O(m + k·n) per Lanczos step with k basis vectors (k ≤ 120).
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
    let edges = components::collect_simple(g, MEASURE)?;
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
        let (top, _) = extremes(&values);
        let lambda = values[top];
        let second = second_modulus(&values, top);
        check_gap(lambda, second)?;
        let x: Vec<f64> = (0..n).map(|r| vectors[r * n + top]).collect();
        return Ok(SignedEigenvector {
            values: normalise(x),
            eigenvalue: lambda,
            second_modulus: Some(second),
            method: EigenMethod::Dense,
            neutral_ties,
        });
    }
    let a = SignedCsr::build(
        n,
        edges
            .ends
            .iter()
            .zip(&edges.negative)
            .map(|(&(x, y), &neg)| (x, y, neg)),
    );
    let (x, lambda, second, steps) = parallel::install(options.threads, || dominant(&a, options))?;
    Ok(SignedEigenvector {
        values: normalise(a.to_input_order(&x)),
        eigenvalue: lambda,
        second_modulus: Some(second),
        method: EigenMethod::Lanczos { steps },
        neutral_ties,
    })
}

/// The most Lanczos vectors kept at once; beyond, the run restarts from its best Ritz
/// vector (explicit restart), which bounds memory to `BASIS · n` numbers.
const BASIS: usize = 120;
/// The most steps of the deflated probe for a second eigenvalue of the same modulus (it
/// stops earlier once its own largest modulus has converged to 1e-5).
const PROBE: usize = 40;

/// The dominant eigenpair by Lanczos with restarts, then a deflated probe: the unit
/// eigenvector, the eigenvalue, the largest other modulus seen, and the steps taken.
fn dominant(
    a: &SignedCsr,
    options: &SignedEigenvectorOptions,
) -> Result<(Vec<f64>, f64, f64, usize), BalanceError> {
    let no_conv = |iterations, residual| BalanceError::NoConvergence {
        measure: MEASURE,
        iterations,
        residual,
    };
    let n = a.len();
    let mut steps = 0usize;
    let mut start = None;
    let mut cycle = 0u64;
    let mut residual = f64::INFINITY;
    while steps < options.max_iterations {
        let mut l = Lanczos::deflated(
            a,
            false,
            options.seed.wrapping_add(cycle),
            Vec::new(),
            start.take(),
            options.threads,
        );
        cycle += 1;
        let mut found = None;
        while l.steps() < BASIS.min(n) && steps < options.max_iterations && l.step() {
            steps += 1;
            let r = l.ritz().map_err(|it| no_conv(it, f64::NAN))?;
            let (top, other) = extremes(&r.values);
            let theta = r.values[top];
            residual = r.residuals[top] / theta.abs().max(f64::MIN_POSITIVE);
            if residual <= tolerance::ITERATION || l.exhausted() {
                found = Some((top, other, r));
                break;
            }
        }
        let r = match found {
            Some((top, _, r)) if l.exhausted() => {
                // The whole spectrum: the gap is exact.
                let theta = r.values[top];
                let second = second_modulus(&r.values, top);
                let x = l.ritz_vector(top).map_err(|it| no_conv(it, f64::NAN))?;
                check_gap(theta, second)?;
                return Ok((x, theta, second, steps));
            }
            Some((top, _, r)) => (top, r),
            None => {
                // Restart from the best Ritz vector.
                let r = l.ritz().map_err(|it| no_conv(it, f64::NAN))?;
                if r.values.is_empty() {
                    break;
                }
                let (top, _) = extremes(&r.values);
                start = Some(l.ritz_vector(top).map_err(|it| no_conv(it, f64::NAN))?);
                continue;
            }
        };
        let (top, rit) = r;
        let theta = rit.values[top];
        let x = l.ritz_vector(top).map_err(|it| no_conv(it, f64::NAN))?;
        // Deflated probe: a fresh run orthogonal to x finds the next largest moduli,
        // including a second eigenvalue of the same modulus (which one Krylov space from a
        // single start cannot see).
        let mut second = second_modulus(&rit.values, top);
        let mut p = Lanczos::deflated(
            a,
            false,
            options.seed ^ 0xA5A5_5A5A,
            vec![x.clone()],
            None,
            options.threads,
        );
        // Until the probe's own largest modulus has settled (or PROBE steps).
        let mut pr = p.ritz().map_err(|it| no_conv(it, f64::NAN))?;
        while p.steps() < PROBE && p.step() {
            steps += 1;
            pr = p.ritz().map_err(|it| no_conv(it, f64::NAN))?;
            let (t, _) = extremes(&pr.values);
            if pr.residuals[t] <= tolerance::ITERATION.sqrt() * pr.values[t].abs() {
                break;
            }
        }
        for v in &pr.values {
            second = second.max(v.abs());
        }
        check_gap(theta, second)?;
        return Ok((x, theta, second, steps));
    }
    Err(no_conv(steps, residual))
}

/// Index of the Ritz value of largest modulus (ascending values) and of the other extreme.
fn extremes(values: &[f64]) -> (usize, usize) {
    let last = values.len() - 1;
    if values[0].abs() > values[last].abs() {
        (0, last)
    } else {
        (last, 0)
    }
}

/// The largest modulus among the values other than `top` (ascending values).
fn second_modulus(values: &[f64], top: usize) -> f64 {
    let k = values.len();
    if k == 1 {
        return 0.0;
    }
    let (other, inner) = if top == 0 { (k - 1, 1) } else { (0, k - 2) };
    values[other].abs().max(values[inner].abs())
}

/// `EigenvectorUndefined` unless `|λ|` exceeds `second` by more than the dominance gap.
fn check_gap(lambda: f64, second: f64) -> Result<(), BalanceError> {
    if lambda.abs() - second <= tolerance::DOMINANT_GAP * lambda.abs() {
        return Err(BalanceError::EigenvectorUndefined {
            reason: format!(
                "no dominant eigenvalue: the two largest moduli are {:.12} and {:.12}",
                lambda.abs(),
                second
            ),
        });
    }
    Ok(())
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
