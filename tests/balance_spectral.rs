//! The large-graph spectral methods (Lanczos) against the dense eigen-solver on random
//! graphs: walk balance within its stated bound, the signed eigenvector and its eigenvalue,
//! determinism under a seed.

use proptest::prelude::*;
use rsct::balance::{
    BalanceError, EigenMethod, SignedEigenvectorOptions, WalkBalanceOptions, WalkMethod,
    signed_eigenvector, walk_balance,
};
use rsct::strategies::{SignedGraphParams, signed_graphs};
use rsct::{Sign, SignedGraph};

/// Graphs from a few units up to some with a leading eigenvalue that stands out (dense,
/// mostly amity), so that Lanczos truncates the spectrum instead of spanning the space.
fn graphs() -> impl Strategy<Value = SignedGraph> {
    prop_oneof![
        signed_graphs(SignedGraphParams::new().nodes(1..=30).density(0.25)),
        signed_graphs(
            SignedGraphParams::new()
                .nodes(60..=140)
                .density(0.5)
                .enmity_share(0.15)
        ),
        signed_graphs(
            SignedGraphParams::new()
                .nodes(40..=90)
                .planted_camps(2, 0.1)
        ),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: std::env::var("SPECTRAL_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(48), ..ProptestConfig::default() })]

    #[test]
    fn walk_balance_by_lanczos_is_within_its_bound_of_the_dense_value(g in graphs(), steps in 8usize..400, seed in 0u64..4) {
        let dense = walk_balance(g.graph(), &WalkBalanceOptions::new().dense_limit(usize::MAX)).unwrap();
        prop_assert_eq!(dense.method(), WalkMethod::Dense);
        let opts = WalkBalanceOptions::new().dense_limit(1).max_steps(steps).seed(seed);
        let l = walk_balance(g.graph(), &opts).unwrap();
        let err = (l.ratio() - dense.ratio()).abs();
        prop_assert!(err <= l.error_bound() + dense.error_bound() + 1e-14,
            "n {} m {} lnA {} {} ln|A| {} {} lanczos {} ± {:e}, dense {} ± {:e}, {:?}", g.node_count(), g.edge_count(), l.ln_trace_signed(), dense.ln_trace_signed(), l.ln_trace_unsigned(), dense.ln_trace_unsigned(), l.ratio(), l.error_bound(), dense.ratio(), dense.error_bound(), l.method());
        // Same seed, same result, byte for byte.
        prop_assert_eq!(l, walk_balance(g.graph(), &opts).unwrap());
    }

    #[test]
    fn eigenvector_by_lanczos_agrees_with_the_dense_one(g in graphs(), seed in 0u64..4) {
        let dense = signed_eigenvector(g.graph(), &SignedEigenvectorOptions::new().dense_limit(usize::MAX));
        let opts = SignedEigenvectorOptions::new().dense_limit(0).seed(seed);
        let lanczos = signed_eigenvector(g.graph(), &opts);
        match (dense, lanczos) {
            (Ok(d), Ok(l)) => {
                let is_lanczos = matches!(l.method(), EigenMethod::Lanczos { .. });
                prop_assert!(is_lanczos);
                let lam = d.eigenvalue();
                prop_assert!((l.eigenvalue() - lam).abs() <= 1e-9 * lam.abs().max(1.0));
                // The eigenvector is determined well when the gap is not tiny.
                let gap = (lam.abs() - d.second_modulus().unwrap()) / lam.abs();
                if gap > 1e-3 {
                    for (a, b) in d.values().iter().zip(l.values()) {
                        prop_assert!((a - b).abs() <= 1e-6 / gap, "{a} vs {b}");
                    }
                }
                prop_assert_eq!(l.clone(), signed_eigenvector(g.graph(), &opts).unwrap());
            }
            // No dominant eigenvalue: both see it (Lanczos through its deflated probe).
            (Err(BalanceError::EigenvectorUndefined { .. }), Err(BalanceError::EigenvectorUndefined { .. })) => {}
            (d, l) => prop_assert!(false, "dense {:?} / lanczos {:?}", d.map(|e| e.eigenvalue()), l.map(|e| e.eigenvalue())),
        }
    }
}

#[test]
fn lanczos_gap_checks_on_known_spectra() {
    // The Petersen graph: eigenvalues 3, 1 (×5), −2 (×4): 3 is simple and dominant, and the
    // deflated probe must not invent a second 3.
    let petersen = [
        (0, 1),
        (1, 2),
        (2, 3),
        (3, 4),
        (4, 0),
        (0, 5),
        (1, 6),
        (2, 7),
        (3, 8),
        (4, 9),
        (5, 7),
        (7, 9),
        (9, 6),
        (6, 8),
        (8, 5),
    ];
    let labels: Vec<String> = (0..10).map(|i| format!("u{i}")).collect();
    let g = SignedGraph::from_edges(
        labels.clone(),
        petersen.iter().map(|&(a, b)| (a, b, Sign::Amity)),
    )
    .unwrap();
    let e = signed_eigenvector(g.graph(), &SignedEigenvectorOptions::new().dense_limit(0)).unwrap();
    assert!((e.eigenvalue() - 3.0).abs() < 1e-10);
    assert!((e.second_modulus().unwrap() - 2.0).abs() < 1e-8);
    // All enmity: eigenvalues −3, −1 (×5), 2 (×4): the dominant one is −3.
    let g = SignedGraph::from_edges(labels, petersen.iter().map(|&(a, b)| (a, b, Sign::Enmity)))
        .unwrap();
    let e = signed_eigenvector(g.graph(), &SignedEigenvectorOptions::new().dense_limit(0)).unwrap();
    assert!((e.eigenvalue() + 3.0).abs() < 1e-10);
    // Two disjoint copies of K4 (eigenvalue 3 twice): no dominant eigenvalue, and Lanczos
    // finds the second copy (restart after the first invariant subspace, or the probe).
    let mut edges = Vec::new();
    for base in [0, 4] {
        for a in 0..4 {
            for b in a + 1..4 {
                edges.push((base + a, base + b, Sign::Amity));
            }
        }
    }
    let labels: Vec<String> = (0..8).map(|i| format!("k{i}")).collect();
    let g = SignedGraph::from_edges(labels, edges).unwrap();
    let u =
        signed_eigenvector(g.graph(), &SignedEigenvectorOptions::new().dense_limit(0)).unwrap_err();
    assert!(
        matches!(u, BalanceError::EigenvectorUndefined { .. }),
        "{u}"
    );
}

/// A seeded graph of `n` units larger than one block (4,096 entries) of the Lanczos vector
/// kernels: a ring for connectivity plus random ties (xorshift), 15 % enmity.
fn ring_with_chords(n: usize, chords: usize, seed: u64) -> SignedGraph {
    let mut x = seed;
    let mut next = move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    let mut pairs = std::collections::BTreeSet::new();
    for i in 0..n {
        pairs.insert((i.min((i + 1) % n), i.max((i + 1) % n)));
    }
    while pairs.len() < n + chords {
        // Skewed ends (the square of a uniform number) so that a leading eigenvalue stands out.
        let u = (next() % 1_000_000) as f64 / 1e6;
        let a = (u * u * n as f64) as usize;
        let b = (next() % n as u64) as usize;
        if a != b {
            pairs.insert((a.min(b), a.max(b)));
        }
    }
    let labels: Vec<String> = (0..n).map(|i| format!("u{i}")).collect();
    let edges = pairs.into_iter().map(|(a, b)| {
        let s = if next() % 100 < 15 {
            Sign::Enmity
        } else {
            Sign::Amity
        };
        (a, b, s)
    });
    SignedGraph::from_edges(labels, edges).unwrap()
}

#[test]
fn lanczos_results_do_not_depend_on_threads() {
    let g = ring_with_chords(5_000, 20_000, 5);
    let e = |threads| {
        signed_eigenvector(g.graph(), &SignedEigenvectorOptions::new().threads(threads)).unwrap()
    };
    let one = e(1);
    assert!(matches!(one.method(), EigenMethod::Lanczos { .. }));
    for threads in [0, 2] {
        assert_eq!(e(threads), one, "threads {threads}");
    }
    let w = |threads| {
        walk_balance(
            g.graph(),
            &WalkBalanceOptions::new().max_steps(40).threads(threads),
        )
        .unwrap()
    };
    let one = w(1);
    assert!(matches!(one.method(), WalkMethod::Lanczos { .. }));
    for threads in [0, 2] {
        assert_eq!(w(threads), one, "threads {threads}");
    }
}

/// The dense path solves the two eigenvalue problems (of `A` and `|A|`) side by side, each
/// sequentially: the same values, bit for bit, on one thread and on two (with or without the
/// `faer` feature).
#[test]
fn dense_walk_balance_does_not_depend_on_threads() {
    let g = ring_with_chords(400, 1_600, 9);
    let w = |threads| walk_balance(g.graph(), &WalkBalanceOptions::new().threads(threads)).unwrap();
    let one = w(1);
    assert_eq!(one.method(), WalkMethod::Dense);
    for threads in [0, 2] {
        assert_eq!(w(threads), one, "threads {threads}");
    }
}
