//! Properties of the balance measures against brute force on small random graphs.
#![allow(clippy::needless_range_loop)] // brute force reads clearest with indices

use proptest::prelude::*;
use rsct::balance::{
    CensusOptions, EigenMethod, PnIndexOptions, PnMethod, SignedEigenvectorOptions,
    WalkBalanceOptions, clusterability, harary_test, pn_index, signed_degrees, signed_eigenvector,
    triangle_census, verify_clusterability, verify_harary, walk_balance,
};
use rsct::petgraph::graph::NodeIndex;
use rsct::strategies::{SignedGraphParams, signed_graphs};
use rsct::{Sign, SignedGraph};

/// Signed adjacency as a dense matrix of +1 / −1 / 0.
fn matrix(g: &SignedGraph) -> Vec<Vec<i8>> {
    let n = g.node_count();
    let mut a = vec![vec![0i8; n]; n];
    for (x, y, e) in g.edges() {
        let s = e.sign().as_i8();
        a[x.index()][y.index()] = s;
        a[y.index()][x.index()] = s;
    }
    a
}

/// Numbers of negative ties of every simple cycle (each found in both directions).
fn cycle_negatives(a: &[Vec<i8>]) -> Vec<usize> {
    fn dfs(
        a: &[Vec<i8>],
        start: usize,
        u: usize,
        len: usize,
        neg: usize,
        on: &mut Vec<bool>,
        out: &mut Vec<usize>,
    ) {
        for v in 0..a.len() {
            let s = a[u][v];
            if s == 0 {
                continue;
            }
            let neg2 = neg + usize::from(s < 0);
            if v == start && len >= 3 {
                out.push(neg2);
            } else if v > start && !on[v] {
                on[v] = true;
                dfs(a, start, v, len + 1, neg2, on, out);
                on[v] = false;
            }
        }
    }
    let n = a.len();
    let mut out = Vec::new();
    for s in 0..n {
        let mut on = vec![false; n];
        on[s] = true;
        dfs(a, s, s, 1, 0, &mut on, &mut out);
    }
    out
}

/// The census by enumerating all unit triples: totals and per unit.
fn brute_census(a: &[Vec<i8>]) -> ([u64; 4], Vec<[u64; 4]>) {
    let n = a.len();
    let mut c = [0u64; 4];
    let mut per = vec![[0u64; 4]; n];
    for i in 0..n {
        for j in i + 1..n {
            for k in j + 1..n {
                let t = [a[i][j], a[j][k], a[i][k]];
                if t.iter().all(|&s| s != 0) {
                    let neg = t.iter().filter(|&&s| s < 0).count();
                    c[neg] += 1;
                    for x in [i, j, k] {
                        per[x][neg] += 1;
                    }
                }
            }
        }
    }
    (c, per)
}

/// tr e^M by the Taylor series (exact enough for ‖M‖ ≤ 11: 80 terms).
fn trace_exp(m: &[Vec<f64>]) -> f64 {
    let n = m.len();
    let mut term: Vec<Vec<f64>> = (0..n)
        .map(|i| (0..n).map(|j| f64::from(u8::from(i == j))).collect())
        .collect();
    let mut tr = n as f64;
    for k in 1..80 {
        let mut next = vec![vec![0.0; n]; n];
        for i in 0..n {
            for l in 0..n {
                if term[i][l] != 0.0 {
                    for j in 0..n {
                        next[i][j] += term[i][l] * m[l][j];
                    }
                }
            }
        }
        for row in &mut next {
            for x in row.iter_mut() {
                *x /= k as f64;
            }
        }
        term = next;
        tr += (0..n).map(|i| term[i][i]).sum::<f64>();
    }
    tr
}

/// The graph with every tie of unit `u` negated.
fn switch(g: &SignedGraph, u: usize) -> SignedGraph {
    let labels: Vec<String> = (0..g.node_count())
        .map(|i| g.label(NodeIndex::new(i)).unwrap().to_owned())
        .collect();
    let edges = g.edges().map(|(a, b, e)| {
        let s = if a.index() == u || b.index() == u {
            e.sign().flipped()
        } else {
            e.sign()
        };
        (a.index(), b.index(), s)
    });
    SignedGraph::from_edges(labels, edges).unwrap()
}

fn small() -> impl Strategy<Value = SignedGraph> {
    small_of(0..=8)
}

/// Small signed graphs of `nodes` nodes: random, with planted camps (exact or noisy), dense.
fn small_of(nodes: std::ops::RangeInclusive<usize>) -> impl Strategy<Value = SignedGraph> {
    let p = SignedGraphParams::new().nodes(nodes);
    prop_oneof![
        signed_graphs(p.clone()),
        signed_graphs(p.clone().planted_camps(2, 0.0)),
        signed_graphs(p.clone().planted_camps(3, 0.0)),
        signed_graphs(p.clone().planted_camps(2, 0.1)),
        signed_graphs(p.density(0.9)),
    ]
}

proptest! {
    #[test]
    fn harary_verdict_is_even_cycles_and_certificate_checks(g in small()) {
        let negs = cycle_negatives(&matrix(&g));
        let h = harary_test(g.graph()).unwrap();
        prop_assert_eq!(h.is_balanced(), negs.iter().all(|k| k % 2 == 0));
        verify_harary(g.graph(), h.certificate()).unwrap();
        if let Some(c) = h.odd_cycle() {
            prop_assert!(c.len() >= 3);
            prop_assert_eq!(c.negatives() % 2, 1);
        }
    }

    #[test]
    fn clusterability_verdict_and_certificate_check(g in small()) {
        let negs = cycle_negatives(&matrix(&g));
        let c = clusterability(g.graph()).unwrap();
        prop_assert_eq!(c.is_clusterable(), negs.iter().all(|&k| k != 1));
        verify_clusterability(g.graph(), c.certificate()).unwrap();
        // Balanced implies clusterable; camps and clusters both partition the units.
        if harary_test(g.graph()).unwrap().is_balanced() {
            prop_assert!(c.is_clusterable());
        }
        if let Some(cl) = c.clusters() {
            prop_assert_eq!(cl.iter().map(Vec::len).sum::<usize>(), g.node_count());
        }
    }

    #[test]
    fn census_equals_enumeration_of_triples(g in small()) {
        let a = matrix(&g);
        let (brute, per) = brute_census(&a);
        let c = triangle_census(g.graph(), &CensusOptions::new().with_weighted().with_unbalanced_list()).unwrap();
        prop_assert_eq!(c.counts().by_negatives(), brute);
        // Counts only: the bit-set path of small dense graphs gives the same counts.
        let only = triangle_census(g.graph(), &CensusOptions::new().without_per_unit()).unwrap();
        prop_assert_eq!(only.counts().by_negatives(), brute);
        prop_assert_eq!(only.neutral_ties(), c.neutral_ties());
        for (i, p) in per.iter().enumerate() {
            prop_assert_eq!(c.per_unit()[i].by_negatives(), *p);
        }
        // Unit magnitudes: the weighted counts equal the counts.
        let w = c.weighted().unwrap();
        for (x, y) in [w.ppp(), w.ppm(), w.pmm(), w.mmm()].iter().zip(brute) {
            prop_assert!((x - y as f64).abs() < 1e-9);
        }
        let list = c.unbalanced().unwrap();
        prop_assert_eq!(list.len() as u64, brute[1] + brute[3]);
        for t in list {
            let [x, y, z] = t.units().map(NodeIndex::index);
            let neg = [a[x][y], a[y][z], a[x][z]].iter().filter(|&&s| s < 0).count();
            prop_assert_eq!(neg as u8, t.negatives());
            prop_assert!(x < y && y < z);
        }
    }

    #[test]
    fn switching_preserves_verdicts_and_triangle_balance(g in small_of(1..=8), u in 0usize..8) {
        let u = u % g.node_count();
        let s = switch(&g, u);
        let (h0, h1) = (harary_test(g.graph()).unwrap(), harary_test(s.graph()).unwrap());
        prop_assert_eq!(h0.is_balanced(), h1.is_balanced());
        verify_harary(s.graph(), h1.certificate()).unwrap();
        let o = CensusOptions::new();
        let (c0, c1) = (triangle_census(g.graph(), &o).unwrap(), triangle_census(s.graph(), &o).unwrap());
        prop_assert_eq!(c0.counts().balanced(), c1.counts().balanced());
        prop_assert_eq!(c0.counts().total(), c1.counts().total());
        let opts = WalkBalanceOptions::new();
        let (w0, w1) = (walk_balance(g.graph(), &opts).unwrap(), walk_balance(s.graph(), &opts).unwrap());
        prop_assert!((w0.ratio() - w1.ratio()).abs() <= w0.error_bound() + w1.error_bound() + 1e-12);
    }

    #[test]
    fn walk_balance_equals_taylor_series(g in small()) {
        let a = matrix(&g);
        let sa: Vec<Vec<f64>> = a.iter().map(|r| r.iter().map(|&x| f64::from(x)).collect()).collect();
        let ua: Vec<Vec<f64>> = a.iter().map(|r| r.iter().map(|&x| f64::from(x.abs())).collect()).collect();
        let w = walk_balance(g.graph(), &WalkBalanceOptions::new()).unwrap();
        if g.node_count() > 0 {
            let expect = trace_exp(&sa) / trace_exp(&ua);
            prop_assert!((w.ratio() - expect).abs() <= w.error_bound() + 1e-12, "{} vs {}", w.ratio(), expect);
            prop_assert!((w.ln_trace_signed() - trace_exp(&sa).ln()).abs() < 1e-9);
        }
        if harary_test(g.graph()).unwrap().is_balanced() {
            prop_assert!((w.ratio() - 1.0).abs() <= w.error_bound() + 1e-12);
        }
    }

    #[test]
    fn pn_index_solves_its_system_by_both_methods(g in signed_graphs(SignedGraphParams::new().nodes(2..=12).density(0.3))) {
        let n = g.node_count();
        let a = matrix(&g);
        let r = (0..n).map(|i| a[i].iter().map(|&x| match x { 1 => 1.0, -1 => 2.0, _ => 0.0 }).sum::<f64>()).fold(0.0, f64::max) / (2.0 * n as f64 - 2.0);
        let dense = match pn_index(g.graph(), &PnIndexOptions::new()) {
            Ok(d) => d,
            // Singular only when ‖A/(2n−2)‖∞ reaches 1 (e.g. two units with one enmity).
            Err(rsct::balance::BalanceError::Singular { .. }) => {
                prop_assert!(r >= 1.0);
                return Ok(());
            }
            Err(e) => return Err(TestCaseError::fail(e.to_string())),
        };
        // (I − (P − 2N)/(2n − 2)) x = 1
        for i in 0..n {
            let mut s = dense.values()[i];
            for j in 0..n {
                let w = match a[i][j] { 1 => 1.0, -1 => -2.0, _ => 0.0 };
                s -= w / (2.0 * n as f64 - 2.0) * dense.values()[j];
            }
            prop_assert!((s - 1.0).abs() < 1e-9);
        }
        if r < 0.9 {
            let it = pn_index(g.graph(), &PnIndexOptions::new().dense_limit(0)).unwrap();
            let is_iter = matches!(it.method(), PnMethod::Iteration { .. });
            prop_assert!(is_iter);
            for (x, y) in it.values().iter().zip(dense.values()) {
                prop_assert!((x - y).abs() <= it.error_bound() + 1e-9);
            }
        }
    }

    #[test]
    fn eigenvector_is_an_eigenvector_or_a_typed_error(g in small()) {
        let a = matrix(&g);
        match signed_eigenvector(g.graph(), &SignedEigenvectorOptions::new()) {
            Ok(e) => {
                let x = e.values();
                let l = e.eigenvalue();
                for i in 0..x.len() {
                    let ax: f64 = (0..x.len()).map(|j| f64::from(a[i][j]) * x[j]).sum();
                    prop_assert!((ax - l * x[i]).abs() < 1e-8);
                }
                prop_assert!(x.iter().all(|v| v.abs() <= 1.0 + 1e-12));
                prop_assert!(x.iter().any(|v| (v.abs() - 1.0).abs() < 1e-12));
                prop_assert!(l.abs() > e.second_modulus().unwrap());
                // Lanczos agrees when the gap is comfortable.
                if e.second_modulus().unwrap() < 0.8 * l.abs() {
                    let p = signed_eigenvector(g.graph(), &SignedEigenvectorOptions::new().dense_limit(0)).unwrap();
                    let is_lanczos = matches!(p.method(), EigenMethod::Lanczos { .. });
                    prop_assert!(is_lanczos);
                    prop_assert!((p.eigenvalue() - l).abs() < 1e-9);
                    for (u, v) in p.values().iter().zip(x) {
                        prop_assert!((u - v).abs() < 1e-6);
                    }
                }
            }
            Err(rsct::balance::BalanceError::EigenvectorUndefined { .. }) => {}
            Err(e) => prop_assert!(false, "unexpected error {e}"),
        }
    }

    #[test]
    fn degrees_add_up(g in small()) {
        let d = signed_degrees(g.graph()).unwrap();
        let pos: usize = d.per_unit().iter().map(|x| x.positive()).sum();
        let neg: usize = d.per_unit().iter().map(|x| x.negative()).sum();
        prop_assert_eq!(neg, 2 * g.negative_edge_count());
        prop_assert_eq!(pos + neg, 2 * g.edge_count());
    }
}

#[test]
fn tampered_certificates_are_rejected() {
    let g = SignedGraph::from_edges(
        ["A", "B", "C", "D"],
        [
            (0, 1, Sign::Amity),
            (1, 2, Sign::Amity),
            (2, 3, Sign::Amity),
            (0, 3, Sign::Enmity),
        ],
    )
    .unwrap();
    let h = harary_test(g.graph()).unwrap();
    let cyc = h.odd_cycle().unwrap();
    assert_eq!(cyc.len(), 4);
    verify_harary(g.graph(), h.certificate()).unwrap();
    // Claim a wrong sign, drop a unit, repeat a unit.
    let mut signs = cyc.signs().to_vec();
    signs[0] = signs[0].flipped();
    let forged =
        rsct::balance::SignedCycle::from_parts(cyc.units().to_vec(), cyc.ties().to_vec(), signs);
    assert!(
        verify_harary(
            g.graph(),
            &rsct::balance::HararyCertificate::Unbalanced { cycle: forged }
        )
        .is_err()
    );
    let short = rsct::balance::SignedCycle::from_parts(
        cyc.units()[..3].to_vec(),
        cyc.ties()[..3].to_vec(),
        cyc.signs()[..3].to_vec(),
    );
    assert!(
        verify_harary(
            g.graph(),
            &rsct::balance::HararyCertificate::Unbalanced { cycle: short }
        )
        .is_err()
    );
    let mut units = cyc.units().to_vec();
    units[1] = units[0];
    let rep =
        rsct::balance::SignedCycle::from_parts(units, cyc.ties().to_vec(), cyc.signs().to_vec());
    assert!(
        verify_harary(
            g.graph(),
            &rsct::balance::HararyCertificate::Unbalanced { cycle: rep }
        )
        .is_err()
    );
    // A cycle with one negative is not accepted as a clusterability cycle if it has three.
    let all = (0..4).map(NodeIndex::new).collect::<Vec<_>>();
    let c = rsct::balance::ClusterabilityCertificate::Clusters {
        clusters: vec![all],
    };
    assert!(verify_clusterability(g.graph(), &c).is_err());
}
