//! Floating-point tolerances, in one place.
//!
//! Every comparison of computed floating-point quantities in the crate goes through these
//! constants, so that a user can see exactly how close to zero "zero" is.

/// Absolute tolerance under which a summed signed weight counts as zero (neither amity nor
/// enmity). Sums of intensities in `(0, 1]` accumulate rounding of about `1e-15` per term;
/// `1e-9` leaves ample room while never hiding a real intensity (the smallest meaningful
/// intensity in a data set is orders of magnitude larger).
pub const NET_ZERO: f64 = 1e-9;

/// Returns `true` when `x` is zero within [`NET_ZERO`].
///
/// ```
/// assert!(rsct::tolerance::is_net_zero(0.1 + 0.2 - 0.3));
/// assert!(!rsct::tolerance::is_net_zero(0.001));
/// ```
#[must_use]
pub fn is_net_zero(x: f64) -> bool {
    x.abs() <= NET_ZERO
}

/// Relative gap under which two eigenvalue moduli count as equal: the signed eigenvector
/// centrality is reported as undefined when `|λ₁| − |λ₂| ≤ DOMINANT_GAP · |λ₁|`. Eigenvalues
/// from the dense solver are accurate to about `n · 1e-16 · ‖A‖`, so `1e-8` separates real
/// gaps from rounding for graphs of up to millions of ties.
pub const DOMINANT_GAP: f64 = 1e-8;

/// Convergence tolerance of the iterative balance measures (PN index by fixed-point
/// iteration, signed eigenvector by Lanczos): the iteration stops when its error
/// bound (PN) or relative residual `‖Ax − λx‖ / |λ|` (eigenvector) falls below this.
pub const ITERATION: f64 = 1e-10;

/// Relative size (against `‖A q‖`) under which the Lanczos iteration of the spectral
/// balance measures takes a new direction to lie in the span of its basis (an invariant
/// subspace) and restarts from a fresh random vector; well above rounding (about `1e-16`),
/// far below any coupling that carries information.
pub const LANCZOS_BREAKDOWN: f64 = 1e-12;

/// Relative residual `ρ / max(1, θ₁)` under which a Ritz value counts as converged in the
/// Lanczos truncation of walk balance (only converged Ritz values enter its head or bound
/// its tail; their own error `e^ρ − 1` is counted in the bound anyway).
pub const RITZ_CONVERGED: f64 = 1e-6;

/// Pivot size under which a dense linear system of a balance measure counts as singular
/// (the matrices involved have entries of order 1).
pub const PIVOT: f64 = 1e-12;

/// Relative tolerance under which entries of an eigenvector count as equally large when the
/// signed eigenvector centrality fixes its sign (the first unit, by index, whose modulus is
/// within this of the largest is made positive), so that rounding cannot flip the sign.
pub const MODULUS_TIE: f64 = 1e-6;

/// Absolute tolerance of the frustration solvers
/// ([frustration](crate::balance#frustration)) when they compare sums of tie weights: a lower bound
/// within `FRUSTRATION_EPS` of a solution's value proves it optimal, and a residual
/// capacity at most `FRUSTRATION_EPS` counts as used up. Unweighted sums are whole numbers
/// and exact in `f64`; for weighted graphs the tolerance absorbs the rounding of adding and
/// subtracting magnitudes (about `1e-15` relative per operation).
pub const FRUSTRATION_EPS: f64 = 1e-7;

/// Relative tolerance for threshold comparisons of sums of weights (interdependence,
/// strengths): two such sums within `SUM_RELATIVE` of each other count as equal, so that the
/// order in which a sum was added up (which follows the order of units) cannot flip a
/// decision.
pub const SUM_RELATIVE: f64 = 1e-9;

/// Whether `a` is below `b` by more than rounding ([`SUM_RELATIVE`] of the larger).
#[must_use]
pub fn clearly_below(a: f64, b: f64) -> bool {
    a < b - SUM_RELATIVE * a.abs().max(b.abs())
}
