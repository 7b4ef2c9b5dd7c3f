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

use super::csr::{ID_MASK, NEG_BIT};
use super::eigen::tridiagonal_eigen;
use crate::internal::Rng;
use crate::tolerance::LANCZOS_BREAKDOWN as BREAKDOWN;

/// The signed adjacency matrix of a simple graph in compressed rows; the sign of each entry
/// is the top bit of its column ([`NEG_BIT`]).
pub(crate) struct SignedCsr {
    off: Vec<usize>,
    col: Vec<u32>,
}

impl SignedCsr {
    /// The matrix of `n` nodes with the ties `(a, b, negative)` (local indices below `n`,
    /// no self-loops, each pair once).
    pub(crate) fn build(n: usize, ties: impl Iterator<Item = (u32, u32, bool)> + Clone) -> Self {
        let mut off = vec![0usize; n + 1];
        for (a, b, _) in ties.clone() {
            off[a as usize + 1] += 1;
            off[b as usize + 1] += 1;
        }
        for i in 0..n {
            off[i + 1] += off[i];
        }
        let mut col = vec![0u32; off[n]];
        let mut pos = off.clone();
        for (a, b, neg) in ties {
            let bit = if neg { NEG_BIT } else { 0 };
            col[pos[a as usize]] = b | bit;
            pos[a as usize] += 1;
            col[pos[b as usize]] = a | bit;
            pos[b as usize] += 1;
        }
        Self { off, col }
    }

    /// The order of the matrix.
    pub(crate) fn len(&self) -> usize {
        self.off.len() - 1
    }

    /// `y = A x` (`UNSIGNED`: `y = |A| x`).
    fn apply<const UNSIGNED: bool>(&self, x: &[f64], y: &mut [f64]) {
        for (u, yu) in y.iter_mut().enumerate() {
            let mut s = 0.0;
            for &c in &self.col[self.off[u]..self.off[u + 1]] {
                let v = x[(c & ID_MASK) as usize];
                s += if !UNSIGNED && c & NEG_BIT != 0 { -v } else { v };
            }
            *yu = s;
        }
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
}

impl<'a> Lanczos<'a> {
    /// Starts from a seeded random vector (entries uniform in [−1, 1)).
    pub(crate) fn new(a: &'a SignedCsr, unsigned: bool, seed: u64) -> Self {
        Self::deflated(a, unsigned, seed, Vec::new(), None)
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
        };
        run.next = match start {
            Some(mut w) => {
                run.orthogonalise(&mut w);
                let norm = dot(&w, &w).sqrt();
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
        self.orthogonalise(&mut w);
        let mut norm = dot(&w, &w).sqrt();
        if norm <= 0.1 * (n as f64 / 3.0).sqrt() {
            // The random vector lies (nearly) in the span (a sign pattern like the one
            // before): take the coordinate vector that sticks out most — some coordinate
            // vector keeps at least sqrt((n − dim) / n) of its length.
            let mut best = (0.0, Vec::new());
            for i in 0..n {
                let mut e = vec![0.0; n];
                e[i] = 1.0;
                self.orthogonalise(&mut e);
                let ne = dot(&e, &e).sqrt();
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
    fn orthogonalise(&self, w: &mut [f64]) {
        let mut before = dot(w, w).sqrt();
        for _ in 0..2 {
            let all = || self.locked.iter().chain(&self.basis);
            let c: Vec<f64> = all().map(|q| dot(q, w)).collect();
            for (q, &c) in all().zip(&c) {
                axpy(-c, q, w);
            }
            let after = dot(w, w).sqrt();
            if after > 0.5 * before {
                break;
            }
            before = after;
        }
    }

    /// One step; `false` when the basis already spans the whole space.
    pub(crate) fn step(&mut self) -> bool {
        let Some(q) = self.next.take() else {
            return false;
        };
        let n = self.a.len();
        let mut w = vec![0.0; n];
        if self.unsigned {
            self.a.apply::<true>(&q, &mut w);
        } else {
            self.a.apply::<false>(&q, &mut w);
        }
        let scale = dot(&w, &w).sqrt().max(1.0);
        let alpha = dot(&q, &w);
        axpy(-alpha, &q, &mut w);
        if let (Some(prev), Some(&b)) = (self.basis.last(), self.beta.last()) {
            axpy(-b, prev, &mut w);
        }
        self.basis.push(q);
        self.alpha.push(alpha);
        self.orthogonalise(&mut w);
        let b = dot(&w, &w).sqrt();
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
        for (q, row) in self.basis.iter().zip(&s) {
            axpy(row[j], q, &mut x);
        }
        let norm = dot(&x, &x).sqrt();
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
            self.a.apply::<true>(x, &mut y);
        } else {
            self.a.apply::<false>(x, &mut y);
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
        let mut l = Lanczos::new(&a, false, 3);
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
        let mut l = Lanczos::new(&a, false, 1);
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
