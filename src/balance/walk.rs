//! Walk balance tr e^A / tr e^|A| (Estrada & Benzi 2014).

use super::BalanceError;
use super::components;
use super::dense::symmetric_eigen;
use super::lanczos::{Lanczos, SignedCsr};
use crate::internal::parallel;
use crate::sign::SignedWeight;
use crate::tolerance::RITZ_CONVERGED as CONVERGED;
use petgraph::visit::{IntoEdgeReferences, NodeCompactIndexable};
use serde::Serialize;

const MEASURE: &str = "walk balance";

crate::internal::builder! {
    /// Options of [`walk_balance`]. A builder.
    #[derive(Debug, Clone, Copy, PartialEq)]
    pub struct WalkBalanceOptions;
    /// The defaults: connected parts of up to 2,500 units by the dense eigen-solver, larger
    /// ones by Lanczos (at most 300 steps per part and matrix) to a relative error bound of
    /// 1e-8, seed 0. (Lanczos reaches that bound in a few dozen steps when the leading
    /// eigenvalues stand out, as on large social networks; on a sparse graph with a flat
    /// spectrum its bound stays wide, which is why mid-size parts stay dense.)
    fn new();
    /// The largest connected part given to the dense eigen-solver (O(k³) time, O(k²)
    /// memory); larger parts go to Lanczos.
    dense_limit(units: usize) = 2_500, get_dense_limit;
    /// The most Lanczos steps per part and matrix (memory: one vector of the part's size
    /// per step).
    max_steps(steps: usize) = 300, get_max_steps;
    /// The relative error bound at which Lanczos stops (reached earlier on graphs whose
    /// leading eigenvalues stand out).
    tolerance(relative: f64) = 1e-8, get_tolerance;
    /// The seed of the Lanczos start vectors.
    seed(seed: u64) = 0, get_seed;
    /// Threads of the Lanczos iteration's vector kernels (sparse products, inner products,
    /// updates, over fixed blocks of 4,096 entries) and of the dense path, which solves the
    /// eigenvalue problems of `A` and `|A|` side by side (each sequentially): 0 (the default) rayon's current pool —
    /// every core, or `RAYON_NUM_THREADS`, or the pool of a caller already running in one —,
    /// 1 the calling thread alone, `n` a pool of `n` threads of its own. Results do not
    /// depend on it, byte for byte (partial sums are added in block order).
    threads(threads: usize) = 0, get_threads;
}

/// How [`walk_balance`] computed the traces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum WalkMethod {
    /// Every part by the dense eigen-solver: the error bound is rounding only.
    Dense,
    /// The parts above the dense limit by Lanczos spectral truncation (the rest dense).
    Lanczos {
        /// Parts computed by Lanczos.
        parts: usize,
        /// Lanczos steps in all (both matrices, all those parts).
        steps: usize,
    },
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
    method: WalkMethod,
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
    /// A bound on the absolute error of [`Self::ratio`]: rounding for dense parts, plus the
    /// truncation bound for Lanczos parts (see [`walk_balance`]).
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
    /// How the traces were computed.
    #[must_use]
    pub fn method(&self) -> WalkMethod {
        self.method
    }
}

/// `Σ e^{xᵢ}` of one part as `(ln of the sum, relative error bound)`.
#[derive(Debug, Clone, Copy)]
struct PartTrace {
    ln: f64,
    rel: f64,
}

fn ln_sum_exp(values: impl Iterator<Item = f64> + Clone) -> f64 {
    let top = values.clone().fold(f64::NEG_INFINITY, f64::max);
    if top == f64::NEG_INFINITY {
        return top;
    }
    top + values.map(|x| (x - top).exp()).sum::<f64>().ln()
}

/// Walk balance (Estrada & Benzi 2014): `tr e^A / tr e^|A|`, where `A` is the signed
/// adjacency matrix (±1; magnitudes are ignored) and `|A|` its unsigned version. Closed walks
/// are weighted by 1/k! for length k; the ratio compares the weight of the balanced ones
/// minus the unbalanced ones with all of them.
///
/// # Numerical method and accuracy
/// `tr e^A = Σ exp(λᵢ)` over the eigenvalues of `A`, and the trace is additive over connected
/// parts; sums are carried as logarithms, so nothing overflows.
///
/// *Dense parts* (up to [`WalkBalanceOptions::dense_limit`] units): Householder
/// tridiagonalisation and the implicit QL algorithm (EISPACK `tred2`/`tql2`), or, with the
/// crate's `faer` feature, faer's blocked tridiagonalisation and tridiagonal solver (same
/// values to rounding, several times faster on parts of thousands of units); both backward
/// stable: each eigenvalue is off by at most δ ≈ c·k·ε·‖A‖_F for a part of k units
/// (ε = 2⁻⁵², c taken as 4), so each exponential is off by a factor of at most e^δ.
///
/// *Larger parts*: Lanczos spectral truncation. The Lanczos iteration with full
/// reorthogonalisation (module-internal, seeded start) runs on `A` and on `|A|`; its
/// leading Ritz values θ₁ ≥ … ≥ θ_c (residual ρᵢ: an eigenvalue lies within ρᵢ) give the
/// head `Σ e^{θᵢ}` (error at most `Σ e^{θᵢ}(e^{ρᵢ} − 1)`), and the other k − c
/// eigenvalues, all at most `u = θ_{c+1} + ρ_{c+1}`, add between 0 and `(k − c)·e^u`; the
/// trace is taken as the head plus half that, with half of it as the tail's error, at the
/// split c with the smallest bound among those where θ₁, …, θ_{c+1} have converged
/// (ρ ≤ 1e-6·max(1, θ₁)) and c is at most half the steps. Lanczos
/// stops when this bound is below [`WalkBalanceOptions::tolerance`] times the head, when the
/// basis spans the part (then every eigenvalue is known and the bound is rounding only), or
/// after [`WalkBalanceOptions::max_steps`] (then the bound is whatever was reached — stated,
/// never hidden). On large social networks e^{λ₁} dominates by hundreds of orders of
/// magnitude and a few dozen steps suffice. The bound rests on the standard a-posteriori
/// assumption of Lanczos practice (Parlett 1998, §13.2; Golub & Meurant 2010) that no
/// eigenvalue above `u` is missed by the Krylov space of a random start; a second copy of a
/// repeated leading eigenvalue is the case it can miss, and the tests compare the result with
/// the dense value on random graphs.
///
/// # Complexity
/// Dense: O(k³) time and O(k²) memory per part of k units. Lanczos: O(s·(m + s·k)) time and
/// O(s·k) memory for s steps.
///
/// # Errors
/// [`BalanceError::SelfLoop`], [`BalanceError::ParallelTies`] (the measure is defined on
/// simple graphs); [`BalanceError::NoConvergence`] if the QL iteration fails (not seen in
/// practice).
///
/// # Example
/// ```
/// use rsct::{Sign, SignedGraph};
/// use rsct::balance::{walk_balance, WalkBalanceOptions, WalkMethod};
///
/// // A balanced graph has walk balance 1.
/// let g = SignedGraph::from_edges(["A", "B", "C"], [(0, 1, Sign::Enmity), (1, 2, Sign::Enmity)])?;
/// let w = walk_balance(g.graph(), &WalkBalanceOptions::new())?;
/// assert!((w.ratio() - 1.0).abs() <= w.error_bound() + 1e-15);
/// // The same by Lanczos (which spans the whole 3-unit part, so the bound is rounding).
/// let l = walk_balance(g.graph(), &WalkBalanceOptions::new().dense_limit(0))?;
/// assert!(matches!(l.method(), WalkMethod::Lanczos { parts: 1, .. }));
/// assert!((l.ratio() - w.ratio()).abs() <= l.error_bound() + w.error_bound());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn walk_balance<G>(g: G, options: &WalkBalanceOptions) -> Result<WalkBalance, BalanceError>
where
    G: IntoEdgeReferences + NodeCompactIndexable,
    G::EdgeWeight: SignedWeight,
{
    let edges = components::collect_simple(g, MEASURE)?;
    let p = components::parts(&edges);
    let largest = p.parts.iter().map(Vec::len).max().unwrap_or(0);
    // Ties of each part.
    let mut ties: Vec<Vec<usize>> = vec![Vec::new(); p.parts.len()];
    for (i, &(a, _)) in edges.ends.iter().enumerate() {
        ties[p.part_of[a as usize] as usize].push(i);
    }
    let no_conv = |iterations| BalanceError::NoConvergence {
        measure: MEASURE,
        iterations,
        residual: f64::NAN,
    };
    let mut signed: Vec<PartTrace> = Vec::with_capacity(p.parts.len());
    let mut unsigned: Vec<PartTrace> = Vec::with_capacity(p.parts.len());
    let (mut lanczos_parts, mut lanczos_steps) = (0usize, 0usize);
    for (members, part_ties) in p.parts.iter().zip(&ties) {
        let k = members.len();
        if k == 1 {
            signed.push(PartTrace { ln: 0.0, rel: 0.0 });
            unsigned.push(PartTrace { ln: 0.0, rel: 0.0 });
            continue;
        }
        let local = |i: usize| {
            let (x, y) = edges.ends[i];
            (p.pos[x as usize], p.pos[y as usize], edges.negative[i])
        };
        let frob = (2.0 * part_ties.len() as f64).sqrt();
        let delta = 4.0 * k as f64 * f64::EPSILON * frob;
        if k <= options.dense_limit {
            let mut a = vec![0.0; k * k];
            let mut b = vec![0.0; k * k];
            for &i in part_ties {
                let (x, y, neg) = local(i);
                let (x, y) = (x as usize, y as usize);
                let s = if neg { -1.0 } else { 1.0 };
                a[x * k + y] = s;
                a[y * k + x] = s;
                b[x * k + y] = 1.0;
                b[y * k + x] = 1.0;
            }
            // The two eigenvalue problems side by side, each solved sequentially, so the
            // values do not depend on the number of threads.
            let (ra, rb) = parallel::install(options.threads, || {
                parallel::join(
                    options.threads,
                    || symmetric_eigen(&a, k, false),
                    || symmetric_eigen(&b, k, false),
                )
            });
            let (la, _) = ra.map_err(no_conv)?;
            let (lb, _) = rb.map_err(no_conv)?;
            let rel = delta.exp_m1() + 2.0 * k as f64 * f64::EPSILON;
            signed.push(PartTrace {
                ln: ln_sum_exp(la.iter().copied()),
                rel,
            });
            unsigned.push(PartTrace {
                ln: ln_sum_exp(lb.iter().copied()),
                rel,
            });
            continue;
        }
        let a = SignedCsr::build(k, part_ties.iter().map(|&i| local(i)));
        lanczos_parts += 1;
        for (abs, out) in [(false, &mut signed), (true, &mut unsigned)] {
            let (t, steps) =
                parallel::install(options.threads, || lanczos_trace(&a, abs, frob, options))
                    .map_err(no_conv)?;
            lanczos_steps += steps;
            out.push(t);
        }
    }
    let mu = unsigned
        .iter()
        .chain(&signed)
        .map(|t| t.ln)
        .fold(f64::NEG_INFINITY, f64::max);
    let sum = |ts: &[PartTrace]| {
        ts.iter().fold((0.0, 0.0), |(s, e), t| {
            let x = (t.ln - mu).exp();
            (s + x, e + x * t.rel)
        })
    };
    let (sa, ea) = sum(&signed);
    let (sb, eb) = sum(&unsigned);
    let n = edges.n as f64;
    let (ea, eb) = (
        ea + 2.0 * n * f64::EPSILON * sa,
        eb + 2.0 * n * f64::EPSILON * sb,
    );
    let ratio = if sb > 0.0 { sa / sb } else { 1.0 };
    let error_bound = if sb > 0.0 {
        let hi = (sa + ea) / (sb - eb).max(f64::MIN_POSITIVE);
        let lo = (sa - ea) / (sb + eb);
        (hi - ratio).max(ratio - lo)
    } else {
        0.0
    };
    Ok(WalkBalance {
        ratio,
        ln_trace_signed: mu + sa.ln(),
        ln_trace_unsigned: mu + sb.ln(),
        error_bound,
        parts: p.parts.len(),
        largest_part: largest,
        method: if lanczos_parts == 0 {
            WalkMethod::Dense
        } else {
            WalkMethod::Lanczos {
                parts: lanczos_parts,
                steps: lanczos_steps,
            }
        },
    })
}

/// `tr e^A` (or `tr e^|A|`) of one connected part by Lanczos spectral truncation; `frob` is
/// `‖A‖_F`. Returns the trace and the steps taken.
fn lanczos_trace(
    a: &SignedCsr,
    unsigned: bool,
    frob: f64,
    options: &WalkBalanceOptions,
) -> Result<(PartTrace, usize), usize> {
    let k = a.len();
    let mut l = Lanczos::new(a, unsigned, options.seed, options.threads);
    let mut best = PartTrace {
        ln: 0.0,
        rel: f64::INFINITY,
    };
    loop {
        let stepped = l.step();
        let s = l.steps();
        let last = !stepped || l.exhausted() || s >= options.max_steps;
        // The tridiagonal eigenproblem costs O(s²); check every few steps.
        if !last && s % 4 != 0 {
            continue;
        }
        // Rounding: with full reorthogonalisation the Lanczos relation holds for a matrix
        // within about s·ε·‖A‖ of A after s steps (Paige 1976; Parlett 1998, §13.4), so each
        // Ritz value is off by at most that, taken as 4·s·ε·‖A‖_F.
        let delta = 4.0 * s as f64 * f64::EPSILON * frob;
        let r = l.ritz()?;
        if r.values.is_empty() {
            return Ok((PartTrace { ln: 0.0, rel: 0.0 }, s));
        }
        if l.exhausted() {
            let rel = delta.exp_m1() + 2.0 * k as f64 * f64::EPSILON;
            let t = PartTrace {
                ln: ln_sum_exp(r.values.iter().copied()),
                rel,
            };
            return Ok((t, s));
        }
        best = truncation(&r, k, delta).unwrap_or(best);
        if best.rel <= options.tolerance || last {
            return Ok((best, s));
        }
    }
}

/// The head-plus-half-tail estimate of `Σ e^{λ}` from Ritz values (ascending) with the
/// smallest relative error bound over the split points, or `None` before any split bounds
/// anything.
fn truncation(r: &super::lanczos::Ritz, k: usize, delta: f64) -> Option<PartTrace> {
    let s = r.values.len();
    let top = r.values[s - 1];
    let mut head = 0.0;
    let mut head_err = 0.0;
    let mut best: Option<PartTrace> = None;
    // Head = the c largest Ritz values, c = 1, 2, … up to half of them (the leading Ritz
    // values converge first and in order; deeper in, an eigenvalue between two Ritz values
    // may not have been seen yet); the next one bounds the rest.
    let scale = top.abs().max(1.0);
    for c in 1..=s / 2 {
        let i = s - c;
        let (x, rho) = (r.values[i], r.residuals[i]);
        // Only converged Ritz values enter the head or bound the tail.
        if rho > CONVERGED * scale || r.residuals[i - 1] > CONVERGED * scale {
            break;
        }
        head += (x - top).exp();
        head_err += (x - top).exp() * (rho + delta).exp_m1();
        let next = i - 1;
        let u = r.values[next] + r.residuals[next] + delta;
        let tail_max = (k - c) as f64 * (u - top).exp();
        let value = head + 0.5 * tail_max;
        let rel = (head_err + 0.5 * tail_max) / value;
        if best.is_none_or(|b| rel < b.rel) {
            best = Some(PartTrace {
                ln: top + value.ln(),
                rel,
            });
        }
    }
    best
}
