//! The dense linear algebra of the spectral measures, in one place: the symmetric
//! eigen-solve (walk balance, signed eigenvector) and the linear solve (PN index). With the
//! `faer` feature both go through faer (blocked Householder tridiagonalisation and LU,
//! SIMD kernels), sequentially (`Par::Seq`), so results do not depend on threads; without
//! it, through the crate's own EISPACK-style code ([`super::eigen`],
//! [`super::pn_index::gauss_solve`]). Callers use only the two functions below.

use super::BalanceError;

/// Eigenvalues in ascending order and, if `vectors`, the matching orthonormal eigenvectors
/// as the columns of a row-major `n × n` matrix, of the symmetric `n × n` matrix `a`
/// (row-major; symmetric, so column-major too). `Err(iterations)` if the iteration did not
/// converge (never seen in practice); with faer, its failure falls back to the crate's own
/// solver first.
pub(crate) fn symmetric_eigen(
    a: &[f64],
    n: usize,
    vectors: bool,
) -> Result<(Vec<f64>, Option<Vec<f64>>), usize> {
    #[cfg(feature = "faer")]
    if with_faer() {
        if let Some(r) = by_faer::symmetric_eigen(a, n, vectors) {
            return Ok(r);
        }
    }
    super::eigen::symmetric_eigen(a, n, vectors)
}

/// Solves `m x = rhs` for the row-major `n × n` matrix `m` (overwritten or left as is) by
/// LU with partial pivoting; [`BalanceError::Singular`] (for `measure`) at the first pivot
/// of modulus at most [`crate::tolerance::PIVOT`].
pub(crate) fn solve(
    m: &mut [f64],
    rhs: Vec<f64>,
    n: usize,
    measure: &'static str,
) -> Result<Vec<f64>, BalanceError> {
    #[cfg(feature = "faer")]
    if with_faer() {
        return by_faer::solve(m, rhs, n, measure);
    }
    super::pn_index::gauss_solve(m, rhs, n, measure)
}

/// Whether faer is used: always with the feature, except in this crate's own tests that
/// compare the two backends ([`tests::HAND_WRITTEN`]).
#[cfg(feature = "faer")]
fn with_faer() -> bool {
    #[cfg(test)]
    {
        !tests::HAND_WRITTEN.with(std::cell::Cell::get)
    }
    #[cfg(not(test))]
    {
        true
    }
}

#[cfg(feature = "faer")]
mod by_faer {
    use super::BalanceError;
    use crate::tolerance;
    use faer::diag::Diag;
    use faer::dyn_stack::{MemBuffer, MemStack, StackReq};
    use faer::linalg::evd::{self, ComputeEigenvectors};
    use faer::linalg::lu::partial_pivoting::{factor, solve as lu_solve};
    use faer::{Mat, MatMut, MatRef, Par};

    /// As [`super::symmetric_eigen`]; `None` if faer reports no convergence.
    pub(super) fn symmetric_eigen(
        a: &[f64],
        n: usize,
        vectors: bool,
    ) -> Option<(Vec<f64>, Option<Vec<f64>>)> {
        // Row-major and symmetric: the same numbers column-major.
        let m = MatRef::from_column_major_slice(a, n, n);
        let compute = if vectors {
            ComputeEigenvectors::Yes
        } else {
            ComputeEigenvectors::No
        };
        let mut s = Diag::<f64>::zeros(n);
        let mut u = vectors.then(|| Mat::<f64>::zeros(n, n));
        let mut buf = MemBuffer::new(evd::self_adjoint_evd_scratch::<f64>(
            n,
            compute,
            Par::Seq,
            Default::default(),
        ));
        evd::self_adjoint_evd(
            m,
            s.as_mut(),
            u.as_mut().map(Mat::as_mut),
            Par::Seq,
            MemStack::new(&mut buf),
            Default::default(),
        )
        .ok()?;
        // faer sorts in nondecreasing order, as the crate's own solver does.
        let values = s.column_vector().iter().copied().collect();
        let vecs = u.map(|u| {
            let mut out = vec![0.0; n * n];
            for (r, row) in out.chunks_exact_mut(n.max(1)).enumerate() {
                for (c, x) in row.iter_mut().enumerate() {
                    *x = u[(r, c)];
                }
            }
            out
        });
        Some((values, vecs))
    }

    /// As [`super::solve`].
    pub(super) fn solve(
        m: &mut [f64],
        mut rhs: Vec<f64>,
        n: usize,
        measure: &'static str,
    ) -> Result<Vec<f64>, BalanceError> {
        // faer factors in place, column-major: the transpose of the row-major `m`, so the
        // factors are of `mᵀ` unless copied; copy into column-major order.
        let mut lu = Mat::<f64>::from_fn(n, n, |i, j| m[i * n + j]);
        let mut fwd = vec![0usize; n];
        let mut bwd = vec![0usize; n];
        let mut buf = MemBuffer::new(StackReq::any_of(&[
            factor::lu_in_place_scratch::<usize, f64>(n, n, Par::Seq, Default::default()),
            lu_solve::solve_in_place_scratch::<usize, f64>(n, 1, Par::Seq),
        ]));
        let (_, perm) = factor::lu_in_place(
            lu.as_mut(),
            &mut fwd,
            &mut bwd,
            Par::Seq,
            MemStack::new(&mut buf),
            Default::default(),
        );
        // With partial pivoting the diagonal of U holds the pivots, in elimination order.
        for row in 0..n {
            let pivot = lu[(row, row)].abs();
            if pivot.is_nan() || pivot <= tolerance::PIVOT {
                return Err(BalanceError::Singular {
                    measure,
                    row,
                    pivot,
                });
            }
        }
        // L (unit lower) and U share the factored matrix; each solve reads its own triangle.
        lu_solve::solve_in_place(
            lu.as_ref(),
            lu.as_ref(),
            perm,
            MatMut::from_column_major_slice_mut(&mut rhs, n, 1),
            Par::Seq,
            MemStack::new(&mut buf),
        );
        Ok(rhs)
    }
}

#[cfg(test)]
pub(crate) mod tests {
    #[cfg(feature = "faer")]
    thread_local! {
        /// Set by the tests comparing the backends: the crate's own solvers on this thread
        /// even with the `faer` feature.
        pub(crate) static HAND_WRITTEN: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }

    /// The two backends against each other: faer (the default with the feature) and the
    /// crate's own solvers, on random symmetric matrices and on the measures of random
    /// signed graphs, within the accuracy each measure states.
    #[cfg(feature = "faer")]
    mod faer_vs_hand_written {
        use super::HAND_WRITTEN;
        use crate::balance::{
            BalanceError, PnIndexOptions, PnMethod, SignedEigenvectorOptions, WalkBalanceOptions,
            pn_index, signed_eigenvector, walk_balance,
        };
        use crate::{Sign, SignedGraph};
        use proptest::prelude::*;

        /// `f` with the crate's own solvers.
        fn hand_written<R>(f: impl FnOnce() -> R) -> R {
            HAND_WRITTEN.with(|h| h.set(true));
            let r = f();
            HAND_WRITTEN.with(|h| h.set(false));
            r
        }

        /// A symmetric `n × n` matrix (row-major) from the upper triangle `upper`.
        fn symmetric(n: usize, upper: &[f64]) -> Vec<f64> {
            let mut a = vec![0.0; n * n];
            let mut k = 0;
            for i in 0..n {
                for j in i..n {
                    a[i * n + j] = upper[k];
                    a[j * n + i] = upper[k];
                    k += 1;
                }
            }
            a
        }

        fn matrices() -> impl Strategy<Value = (usize, Vec<f64>)> {
            (1usize..=24).prop_flat_map(|n| {
                (
                    Just(n),
                    proptest::collection::vec(
                        prop_oneof![Just(0.0), Just(1.0), Just(-1.0), -3.0..3.0f64],
                        n * (n + 1) / 2,
                    ),
                )
            })
        }

        /// Signed graphs of 1–40 units: per pair, enmity below `neg`, amity below `tie`,
        /// else no tie (codes 0–9), so that both sparse graphs and graphs dense enough for
        /// the PN index's dense solve (some unit with more than about n/2 weighted ties)
        /// come up.
        fn graphs() -> impl Strategy<Value = SignedGraph> {
            (1usize..=40, 0u8..=4, 1u8..=10).prop_flat_map(|(n, neg, tie)| {
                proptest::collection::vec(0u8..10, n * n.saturating_sub(1) / 2).prop_map(
                    move |codes| {
                        let mut edges = Vec::new();
                        let mut k = 0;
                        for i in 0..n {
                            for j in i + 1..n {
                                let c = codes[k];
                                k += 1;
                                if c < neg.min(tie) {
                                    edges.push((i, j, Sign::Enmity));
                                } else if c < tie {
                                    edges.push((i, j, Sign::Amity));
                                }
                            }
                        }
                        let labels: Vec<String> = (0..n).map(|i| format!("u{i}")).collect();
                        SignedGraph::from_edges(labels, edges).expect("a simple graph")
                    },
                )
            })
        }

        proptest! {
            #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

            #[test]
            fn eigen_decompositions_agree((n, upper) in matrices()) {
                let a = symmetric(n, &upper);
                let (fv, fx) = super::super::symmetric_eigen(&a, n, true).unwrap();
                let (hv, _) = hand_written(|| super::super::symmetric_eigen(&a, n, true)).unwrap();
                // Each backward-stable value is within 4·n·ε·‖A‖_F of an exact one.
                let frob = a.iter().map(|x| x * x).sum::<f64>().sqrt();
                let delta = 4.0 * n as f64 * f64::EPSILON * frob.max(1.0);
                prop_assert_eq!(fv.len(), n);
                for (x, y) in fv.iter().zip(&hv) {
                    prop_assert!((x - y).abs() <= 2.0 * delta, "{fv:?} vs {hv:?}");
                }
                // faer's vectors: orthonormal eigenvectors (A v = λ v to rounding).
                let v = fx.unwrap();
                for c in 0..n {
                    for r in 0..n {
                        let av: f64 = (0..n).map(|k| a[r * n + k] * v[k * n + c]).sum();
                        prop_assert!((av - fv[c] * v[r * n + c]).abs() <= 4.0 * delta);
                    }
                    for d in 0..n {
                        let dot: f64 = (0..n).map(|k| v[k * n + c] * v[k * n + d]).sum();
                        let want = if c == d { 1.0 } else { 0.0 };
                        prop_assert!((dot - want).abs() <= 1e-12 * n as f64);
                    }
                }
                // Deterministic: the same bits again.
                let (again, againx) = super::super::symmetric_eigen(&a, n, true).unwrap();
                prop_assert_eq!(fv, again);
                prop_assert_eq!(v, againx.unwrap());
            }

            #[test]
            fn walk_balance_agrees(g in graphs()) {
                let opts = WalkBalanceOptions::new();
                let f = walk_balance(g.graph(), &opts).unwrap();
                let h = hand_written(|| walk_balance(g.graph(), &opts)).unwrap();
                prop_assert!((f.ratio() - h.ratio()).abs() <= f.error_bound() + h.error_bound() + 1e-14,
                    "faer {} ± {:e}, own {} ± {:e}", f.ratio(), f.error_bound(), h.ratio(), h.error_bound());
                prop_assert_eq!(f.method(), h.method());
                prop_assert_eq!(f, walk_balance(g.graph(), &opts).unwrap());
            }

            #[test]
            fn pn_index_agrees(g in graphs()) {
                let opts = PnIndexOptions::new();
                let f = pn_index(g.graph(), &opts);
                let h = hand_written(|| pn_index(g.graph(), &opts));
                match (f, h) {
                    (Ok(f), Ok(h)) => {
                        prop_assert_eq!(f.method(), h.method());
                        if f.method() == PnMethod::Dense {
                            let top = h.values().iter().fold(1.0f64, |m, x| m.max(x.abs()));
                            for (x, y) in f.values().iter().zip(h.values()) {
                                prop_assert!((x - y).abs() <= 1e-9 * top, "{x} vs {y}");
                            }
                            prop_assert_eq!(f, pn_index(g.graph(), &opts).unwrap());
                        } else {
                            // The iteration does not use the dense backend.
                            prop_assert_eq!(f, h);
                        }
                    }
                    (Err(BalanceError::Singular { .. }), Err(BalanceError::Singular { .. })) => {}
                    (f, h) => prop_assert!(false, "faer {f:?} / own {h:?}"),
                }
            }

            #[test]
            fn eigenvector_agrees(g in graphs()) {
                let opts = SignedEigenvectorOptions::new();
                let f = signed_eigenvector(g.graph(), &opts);
                let h = hand_written(|| signed_eigenvector(g.graph(), &opts));
                match (f, h) {
                    (Ok(f), Ok(h)) => {
                        let lam = h.eigenvalue();
                        prop_assert!((f.eigenvalue() - lam).abs() <= 1e-12 * lam.abs().max(1.0));
                        let second = h.second_modulus().unwrap();
                        prop_assert!((f.second_modulus().unwrap() - second).abs() <= 1e-12 * lam.abs().max(1.0));
                        // The eigenvector moves by about ε·‖A‖ / gap under rounding.
                        let gap = (lam.abs() - second) / lam.abs();
                        for (x, y) in f.values().iter().zip(h.values()) {
                            prop_assert!((x - y).abs() <= 1e-12 / gap, "{x} vs {y}, gap {gap:e}");
                        }
                        prop_assert_eq!(f, signed_eigenvector(g.graph(), &opts).unwrap());
                    }
                    (Err(BalanceError::EigenvectorUndefined { .. }), Err(BalanceError::EigenvectorUndefined { .. })) => {}
                    (f, h) => prop_assert!(false, "faer {:?} / own {:?}", f.map(|e| e.eigenvalue()), h.map(|e| e.eigenvalue())),
                }
            }
        }
    }
}
