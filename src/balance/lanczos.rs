//! The Lanczos iteration with full reorthogonalisation on the signed adjacency matrix `A`
//! (or its unsigned version `|A|`) of a sparse graph: the common engine of the large-graph
//! spectral measures (signed eigenvector centrality, walk balance).
//!
//! Each step multiplies one vector by the sparse matrix (`O(m)`) and orthogonalises the
//! result against every earlier basis vector twice (classical Gram–Schmidt, "twice is
//! enough": Giraud, Langou & Rozložník 2005), so the basis stays orthonormal to working
//! precision and the tridiagonal matrix `T = Qᵀ A Q` is the exact projection of `A` up to
//! rounding (Paige 1971; Parlett, *The Symmetric Eigenvalue Problem*, 1998, ch. 13). When
//! the Krylov space becomes invariant (a zero coupling) the iteration continues from a new
//! seeded random vector orthogonal to the basis, so that repeated eigenvalues are found too
//! and, on a small graph, the basis eventually spans the whole space (then `T` has exactly
//! the spectrum of `A`).
//!
//! A Ritz pair `(θ, Q s)` of `T` has the residual `‖A Q s − θ Q s‖ = |β_k s_k|` (`β_k` the
//! last coupling, `s_k` the last entry of `s`), so an eigenvalue of `A` lies within that
//! distance of `θ`; and by Cauchy interlacing the `i`-th largest Ritz value never exceeds
//! the `i`-th largest eigenvalue.
//!
//! The vector kernels work on fixed blocks of [`BLOCK`] entries (rows of the matrix, pieces
//! of the vectors): a block of the new vector stays in cache while every basis vector passes
//! over it, blocks run side by side on the `threads` of the run (`internal::parallel`), and
//! every sum over the entries is a sum of per-block partial sums taken in block order, so
//! results do not depend on the number of threads, byte for byte.

use super::csr::{ID_MASK, NEG_BIT};
use super::eigen::tridiagonal_eigen;
use crate::internal::Rng;
use crate::internal::parallel;
use crate::tolerance::LANCZOS_BREAKDOWN as BREAKDOWN;

/// The signed adjacency matrix of a simple graph in compressed rows; the sign of each entry
/// is the top bit of its column ([`NEG_BIT`]). Rows and columns are renumbered by degree,
/// largest first (ties by index): on a social network a few thousand hubs hold most of the
/// ties, so the entries of `x` that a product `A x` reads most often share a few cache lines
/// (the Epinions eigenvector: 168 ms in the input's order, 135–142 ms renumbered, one thread).
/// The Lanczos runs work in this order; [`SignedCsr::to_input_order`] maps a vector back.
pub(crate) struct SignedCsr {
    off: Vec<usize>,
    col: Vec<u32>,
    /// Position in the matrix → index in the input.
    order: Vec<u32>,
}

impl SignedCsr {
    /// The matrix of `n` nodes with the ties `(a, b, negative)` (local indices below `n`,
    /// no self-loops, each pair once).
    pub(crate) fn build(n: usize, ties: impl Iterator<Item = (u32, u32, bool)> + Clone) -> Self {
        let mut degree = vec![0u32; n];
        for (a, b, _) in ties.clone() {
            degree[a as usize] += 1;
            degree[b as usize] += 1;
        }
        // Counting sort by decreasing degree, stable in the index.
        let top = degree.iter().copied().max().unwrap_or(0) as usize;
        let mut start = vec![0usize; top + 2];
        for &d in &degree {
            start[top - d as usize + 1] += 1;
        }
        for d in 0..=top {
            start[d + 1] += start[d];
        }
        let mut order = vec![0u32; n];
        let mut rank = vec![0u32; n];
        for (v, &d) in degree.iter().enumerate() {
            let r = &mut start[top - d as usize];
            order[*r] = v as u32;
            rank[v] = *r as u32;
            *r += 1;
        }
        let mut off = vec![0usize; n + 1];
        for (r, &v) in order.iter().enumerate() {
            off[r + 1] = off[r] + degree[v as usize] as usize;
        }
        let mut col = vec![0u32; off[n]];
        let mut pos = off.clone();
        for (a, b, neg) in ties {
            let bit = if neg { NEG_BIT } else { 0 };
            let (a, b) = (rank[a as usize], rank[b as usize]);
            col[pos[a as usize]] = b | bit;
            pos[a as usize] += 1;
            col[pos[b as usize]] = a | bit;
            pos[b as usize] += 1;
        }
        Self { off, col, order }
    }

    /// A vector of the matrix's order in the order of the input.
    pub(crate) fn to_input_order(&self, x: &[f64]) -> Vec<f64> {
        let mut out = vec![0.0; x.len()];
        for (&v, &value) in self.order.iter().zip(x) {
            out[v as usize] = value;
        }
        out
    }

    /// The order of the matrix.
    pub(crate) fn len(&self) -> usize {
        self.off.len() - 1
    }

    /// `y = A x` (`UNSIGNED`: `y = |A| x`), over blocks of [`BLOCK`] rows on `threads`
    /// (each entry of `y` is one row's sum, in an order fixed by the row alone, whatever the
    /// threads).
    fn apply<const UNSIGNED: bool>(&self, x: &[f64], y: &mut [f64], threads: usize) {
        parallel::map_chunks_mut(threads, y, BLOCK, |b, ys| {
            let first = b * BLOCK;
            let (off, col) = (&self.off[first..=first + ys.len()], &self.col[..]);
            // ±x[c]: the sign bit of the column flips the sign bit of the value.
            let term = |c: u32| {
                let v = x[(c & ID_MASK) as usize];
                if UNSIGNED {
                    v
                } else {
                    f64::from_bits(v.to_bits() ^ (u64::from(c & NEG_BIT) << 32))
                }
            };
            for (yu, w) in ys.iter_mut().zip(off.windows(2)) {
                // Four running sums, so that the additions do not wait on each other (one
                // sum is bound by the latency of an addition per tie).
                let row = col[w[0]..w[1]].chunks_exact(4);
                let rest: f64 = row.remainder().iter().map(|&c| term(c)).sum();
                let mut s = [0.0f64; 4];
                for c in row {
                    for i in 0..4 {
                        s[i] += term(c[i]);
                    }
                }
                *yu = (s[0] + s[1]) + (s[2] + s[3]) + rest;
            }
        });
    }
}

/// A Lanczos run in progress.
pub(crate) struct Lanczos<'a> {
    a: &'a SignedCsr,
    unsigned: bool,
    /// The orthonormal basis `q₀, q₁, …`.
    basis: Vec<Vec<f64>>,
    /// Diagonal of `T`.
    alpha: Vec<f64>,
    /// `beta[j]` couples `q_j` and `q_{j+1}` (0 where the run restarted).
    beta: Vec<f64>,
    /// The next basis vector, normalised, if the space is not exhausted.
    next: Option<Vec<f64>>,
    rng: Rng,
    /// Vectors kept orthogonal to the basis without entering `T` (deflation).
    locked: Vec<Vec<f64>>,
    /// Threads of the vector kernels (as the measures' `threads` options).
    threads: usize,
}

impl<'a> Lanczos<'a> {
    /// Starts from a seeded random vector (entries uniform in [−1, 1)); the vector kernels
    /// run on `threads` (the result does not depend on it).
    pub(crate) fn new(a: &'a SignedCsr, unsigned: bool, seed: u64, threads: usize) -> Self {
        Self::deflated(a, unsigned, seed, Vec::new(), None, threads)
    }

    /// Starts from `start` (normalised here) or a seeded random vector, keeping the basis
    /// orthogonal to the `locked` orthonormal vectors (approximate eigenvectors already
    /// found), so that the run sees the rest of the spectrum.
    pub(crate) fn deflated(
        a: &'a SignedCsr,
        unsigned: bool,
        seed: u64,
        locked: Vec<Vec<f64>>,
        start: Option<Vec<f64>>,
        threads: usize,
    ) -> Self {
        let mut run = Self {
            a,
            unsigned,
            basis: Vec::new(),
            alpha: Vec::new(),
            beta: Vec::new(),
            next: None,
            rng: Rng::from_state(seed ^ 0x5DEE_CE66_D1B5_4A32),
            locked,
            // Sequential kernels when the run would get one thread anyway (no task overhead).
            threads: if parallel::width(threads) == 1 {
                1
            } else {
                threads
            },
        };
        run.next = match start {
            Some(mut w) => {
                let norm = run.orthogonalise(&mut w);
                if norm > 1e-8 {
                    w.iter_mut().for_each(|x| *x /= norm);
                    Some(w)
                } else {
                    run.fresh()
                }
            }
            None => run.fresh(),
        };
        run
    }

    fn random(&mut self) -> u64 {
        self.rng.next_u64()
    }

    /// A new random unit vector orthogonal to the basis; `None` if the basis spans the space.
    fn fresh(&mut self) -> Option<Vec<f64>> {
        let n = self.a.len();
        if self.basis.len() + self.locked.len() >= n || n == 0 {
            return None;
        }
        // Uniform in [−1, 1): a continuous distribution, so the start has a non-zero
        // component along every eigenvector with probability 1 (±1 entries would miss, e.g.,
        // the all-ones vector of a part with probability up to a third).
        let mut w = Vec::with_capacity(n);
        for _ in 0..n {
            let r = self.random();
            w.push((r >> 11) as f64 / (1u64 << 52) as f64 - 1.0);
        }
        let mut norm = self.orthogonalise(&mut w);
        if norm <= 0.1 * (n as f64 / 3.0).sqrt() {
            // The random vector lies (nearly) in the span (a sign pattern like the one
            // before): take the coordinate vector that sticks out most — some coordinate
            // vector keeps at least sqrt((n − dim) / n) of its length.
            let mut best = (0.0, Vec::new());
            for i in 0..n {
                let mut e = vec![0.0; n];
                e[i] = 1.0;
                let ne = self.orthogonalise(&mut e);
                if ne > best.0 {
                    best = (ne, e);
                }
            }
            (norm, w) = best;
        }
        if norm <= 1e-8 {
            return None;
        }
        w.iter_mut().for_each(|x| *x /= norm);
        Some(w)
    }

    /// Classical Gram–Schmidt against the locked vectors and the whole basis, repeated once
    /// when the first pass removed more than half the length (Kahan's "twice is enough"
    /// criterion; Parlett 1998, §6.9), so the basis stays orthonormal to working precision.
    /// Returns the norm of the result.
    fn orthogonalise(&self, w: &mut [f64]) -> f64 {
        let mut before = dot(w, w).sqrt();
        let all: Vec<&[f64]> = self
            .locked
            .iter()
            .chain(&self.basis)
            .map(Vec::as_slice)
            .collect();
        if all.is_empty() {
            return before;
        }
        for _ in 0..2 {
            let c: Vec<f64> = dots(self.threads, &all, w).iter().map(|c| -c).collect();
            let after = add_combination(self.threads, &all, &c, w).sqrt();
            if after > 0.5 * before {
                return after;
            }
            before = after;
        }
        before
    }

    /// One step; `false` when the basis already spans the whole space.
    pub(crate) fn step(&mut self) -> bool {
        let Some(q) = self.next.take() else {
            return false;
        };
        let n = self.a.len();
        let mut w = vec![0.0; n];
        if self.unsigned {
            self.a.apply::<true>(&q, &mut w, self.threads);
        } else {
            self.a.apply::<false>(&q, &mut w, self.threads);
        }
        // ‖A q‖² and α = qᵀ A q in one pass, then w − α q − β q_prev in another.
        let sums = dots(self.threads, &[&w, &q], &w);
        let scale = sums[0].sqrt().max(1.0);
        let alpha = sums[1];
        match (self.basis.last(), self.beta.last()) {
            (Some(prev), Some(&b)) => {
                add_combination(self.threads, &[&q, prev], &[-alpha, -b], &mut w)
            }
            _ => add_combination(self.threads, &[&q], &[-alpha], &mut w),
        };
        self.basis.push(q);
        self.alpha.push(alpha);
        let b = self.orthogonalise(&mut w);
        if b > BREAKDOWN * scale {
            w.iter_mut().for_each(|x| *x /= b);
            self.beta.push(b);
            self.next = Some(w);
        } else {
            self.beta.push(0.0);
            self.next = self.fresh();
        }
        true
    }

    /// Steps performed (the size of `T`).
    pub(crate) fn steps(&self) -> usize {
        self.alpha.len()
    }

    /// Whether the basis spans the whole space (then `T` is similar to the matrix).
    pub(crate) fn exhausted(&self) -> bool {
        self.next.is_none()
    }

    /// The Ritz values (ascending) and their residual norms.
    pub(crate) fn ritz(&self) -> Result<Ritz, usize> {
        let k = self.steps();
        if k == 0 {
            return Ok(Ritz::default());
        }
        let (values, rows) = tridiagonal_eigen(&self.alpha, &self.beta[..k - 1], &[k - 1])?;
        let last = if self.exhausted() {
            0.0
        } else {
            self.beta[k - 1]
        };
        let residuals = rows[0].iter().map(|s| (last * s).abs()).collect();
        Ok(Ritz { values, residuals })
    }

    /// The Ritz vector of the `j`-th Ritz value (ascending order, as in [`Self::ritz`]),
    /// normalised.
    pub(crate) fn ritz_vector(&self, j: usize) -> Result<Vec<f64>, usize> {
        let k = self.steps();
        let rows: Vec<usize> = (0..k).collect();
        let (_, s) = tridiagonal_eigen(&self.alpha, &self.beta[..k.saturating_sub(1)], &rows)?;
        let mut x = vec![0.0; self.a.len()];
        let basis: Vec<&[f64]> = self.basis.iter().map(Vec::as_slice).collect();
        let coefficients: Vec<f64> = s.iter().map(|row| row[j]).collect();
        let norm = add_combination(self.threads, &basis, &coefficients, &mut x).sqrt();
        if norm > 0.0 {
            x.iter_mut().for_each(|v| *v /= norm);
        }
        Ok(x)
    }

    /// `‖A x − θ x‖` for a vector `x` (an explicit check of a Ritz pair).
    #[cfg(test)]
    fn residual(&self, x: &[f64], theta: f64) -> f64 {
        let mut y = vec![0.0; x.len()];
        if self.unsigned {
            self.a.apply::<true>(x, &mut y, 1);
        } else {
            self.a.apply::<false>(x, &mut y, 1);
        }
        y.iter()
            .zip(x)
            .map(|(a, b)| (a - theta * b).powi(2))
            .sum::<f64>()
            .sqrt()
    }
}

/// Ritz values of a Lanczos run, ascending, with residual norms.
#[derive(Debug, Default)]
pub(crate) struct Ritz {
    pub(crate) values: Vec<f64>,
    pub(crate) residuals: Vec<f64>,
}

fn dot(a: &[f64], b: &[f64]) -> f64 {
    // Four partial sums: vectorises and rounds no worse than one running sum.
    let mut s = [0.0f64; 4];
    let (ca, cb) = (a.chunks_exact(4), b.chunks_exact(4));
    let tail: f64 = ca
        .remainder()
        .iter()
        .zip(cb.remainder())
        .map(|(x, y)| x * y)
        .sum();
    for (x, y) in ca.zip(cb) {
        for i in 0..4 {
            s[i] += x[i] * y[i];
        }
    }
    (s[0] + s[1]) + (s[2] + s[3]) + tail
}

fn axpy(c: f64, x: &[f64], y: &mut [f64]) {
    for (y, x) in y.iter_mut().zip(x) {
        *y += c * x;
    }
}

/// Entries per block of the vector kernels (32 KiB of `f64`: a block of one vector stays in
/// the first-level cache while the others pass over it). Fixed, so that sums do not depend
/// on the number of threads.
const BLOCK: usize = 4096;

/// `vᵀ w` for every `v` of `vs`: per block of [`BLOCK`] entries (on `threads`), the
/// partial sums then added in block order.
fn dots(threads: usize, vs: &[&[f64]], w: &[f64]) -> Vec<f64> {
    let blocks: Vec<usize> = (0..w.len().div_ceil(BLOCK)).collect();
    let partial = parallel::map(threads, &blocks, |&b| {
        let r = b * BLOCK..((b + 1) * BLOCK).min(w.len());
        vs.iter()
            .map(|v| dot(&v[r.clone()], &w[r.clone()]))
            .collect::<Vec<f64>>()
    });
    let mut out = vec![0.0; vs.len()];
    for p in &partial {
        for (o, x) in out.iter_mut().zip(p) {
            *o += x;
        }
    }
    out
}

/// `w += Σ cⱼ vⱼ` (in the order of `vs`, entry by entry, as successive `axpy`s) per block
/// on `threads`; returns `‖w‖²` of the result (block partial sums in block order).
fn add_combination(threads: usize, vs: &[&[f64]], c: &[f64], w: &mut [f64]) -> f64 {
    parallel::map_chunks_mut(threads, w, BLOCK, |b, wb| {
        let first = b * BLOCK;
        for (v, &c) in vs.iter().zip(c) {
            axpy(c, &v[first..first + wb.len()], wb);
        }
        dot(wb, wb)
    })
    .iter()
    .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cycle(n: u32, negative: bool) -> SignedCsr {
        SignedCsr::build(
            n as usize,
            (0..n).map(move |i| (i, (i + 1) % n, negative && i == 0)),
        )
    }

    #[test]
    fn exhausts_and_recovers_a_spectrum_with_repeated_eigenvalues() {
        // C₆: eigenvalues 2cos(2πj/6) = 2, 1, 1, −1, −1, −2 (two double).
        let a = cycle(6, false);
        let mut l = Lanczos::new(&a, false, 3, 1);
        while l.step() {}
        assert!(l.exhausted());
        assert_eq!(l.steps(), 6);
        let r = l.ritz().unwrap();
        for (x, y) in r.values.iter().zip([-2.0, -1.0, -1.0, 1.0, 1.0, 2.0]) {
            assert!((x - y).abs() < 1e-12, "{:?}", r.values);
        }
    }

    #[test]
    fn ritz_pair_is_an_eigenpair_when_converged() {
        // Star with 5 leaves, one enmity: eigenvalues ±√5 and 0 (×4).
        let a = SignedCsr::build(6, (1..6u32).map(|i| (0, i, i == 1)));
        let mut l = Lanczos::new(&a, false, 1, 1);
        for _ in 0..3 {
            l.step();
        }
        let r = l.ritz().unwrap();
        let top = r.values.len() - 1;
        assert!((r.values[top] - 5f64.sqrt()).abs() < 1e-12);
        let x = l.ritz_vector(top).unwrap();
        assert!(l.residual(&x, r.values[top]) < 1e-12);
    }
}
