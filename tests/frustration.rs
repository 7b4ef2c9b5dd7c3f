//! Frustration index and k-way partitions: brute force on small graphs, theorems as
//! properties, certificates re-counted, published values, and the COW windows against an
//! independent solver (HiGHS) when `../shared` is present.

use petgraph::graph::UnGraph;
use proptest::prelude::*;
use rsct::balance::{
    Clusters, FrustrationOptions, HeuristicOptions, KwayOptions, KwaySearch, Status, Weighting,
    frustration_exact, frustration_heuristic, recount_frustration, signed_kway_partition,
};
use rsct::strategies::{SignedGraphParams, signed_graphs};
use rsct::{Sign, SignedGraph};
use std::path::PathBuf;
use std::time::Duration;

mod common;

fn fixture(name: &str) -> PathBuf {
    common::fixture("", name)
}

fn shared(name: &str) -> Option<std::path::PathBuf> {
    common::shared("signed", name)
}

/// (a, b, negative, weight) of every edge.
fn edge_list(g: &SignedGraph) -> Vec<(usize, usize, bool, f64)> {
    g.edges()
        .map(|(a, b, e)| (a.index(), b.index(), e.sign().is_negative(), e.weight()))
        .collect()
}

/// Brute force over all 2^(n−1) colourings (independent of the crate's solvers).
fn brute_force(n: usize, edges: &[(usize, usize, bool, f64)]) -> f64 {
    if n <= 1 {
        return 0.0;
    }
    let mut best = f64::INFINITY;
    for mask in 0u32..(1 << (n - 1)) {
        let colour = |v: usize| v > 0 && (mask >> (v - 1)) & 1 == 1;
        let cost: f64 = edges
            .iter()
            .filter(|&&(a, b, neg, _)| (colour(a) != colour(b)) != neg)
            .map(|e| e.3)
            .sum();
        best = best.min(cost);
    }
    best
}

/// Harary's test by breadth-first 2-colouring (independent of the solvers).
fn is_balanced(n: usize, edges: &[(usize, usize, bool, f64)]) -> bool {
    let mut adj = vec![Vec::new(); n];
    for &(a, b, neg, _) in edges {
        adj[a].push((b, neg));
        adj[b].push((a, neg));
    }
    let mut colour: Vec<Option<bool>> = vec![None; n];
    for r in 0..n {
        if colour[r].is_some() {
            continue;
        }
        colour[r] = Some(false);
        let mut stack = vec![r];
        while let Some(v) = stack.pop() {
            let cv = colour[v].unwrap();
            for &(x, neg) in &adj[v] {
                match colour[x] {
                    None => {
                        colour[x] = Some(cv ^ neg);
                        stack.push(x);
                    }
                    Some(cx) if cx != cv ^ neg => return false,
                    _ => {}
                }
            }
        }
    }
    true
}

fn weighted_graph(n: usize, edges: &[(usize, usize, f64)]) -> UnGraph<(), f64> {
    let mut g = UnGraph::new_undirected();
    for _ in 0..n {
        g.add_node(());
    }
    for &(a, b, w) in edges {
        g.add_edge(
            petgraph::graph::NodeIndex::new(a),
            petgraph::graph::NodeIndex::new(b),
            w,
        );
    }
    g
}

fn small() -> SignedGraphParams {
    SignedGraphParams::new().nodes(0..=14).density(0.45)
}

proptest! {
    /// Exact = brute force; the certificate recounts to the value; L ≤ ⌊m/2⌋ and
    /// L ≤ number of negative ties; L = 0 iff balanced; heuristic ≥ exact.
    #[test]
    fn exact_matches_brute_force_and_theorems(g in signed_graphs(small()), seed in 0u64..4) {
        let n = g.node_count();
        let edges = edge_list(&g);
        let r = frustration_exact(g.graph(), &FrustrationOptions::new().seed(seed)).unwrap();
        let bf = brute_force(n, &edges);
        prop_assert_eq!(r.value(), bf);
        prop_assert!(r.is_optimal());
        prop_assert_eq!(r.status(), Status::Optimal);
        prop_assert_eq!(r.lower_bound(), r.value());
        // The branching search alone (no enumeration of small blocks) agrees.
        let b = frustration_exact(g.graph(), &FrustrationOptions::new().seed(seed).enumerate_up_to(0)).unwrap();
        prop_assert_eq!(b.value(), bf);
        prop_assert!(b.is_optimal());
        let (bv, _) = recount_frustration(g.graph(), b.colours(), Weighting::Unweighted).unwrap();
        prop_assert_eq!(bv, bf);
        let (again, ties) = recount_frustration(g.graph(), r.colours(), Weighting::Unweighted).unwrap();
        prop_assert_eq!(again, r.value());
        prop_assert_eq!(ties.as_slice(), r.frustrated());
        prop_assert!(r.value() <= (g.edge_count() / 2) as f64);
        prop_assert!(r.value() <= g.negative_edge_count() as f64);
        prop_assert_eq!(r.value() == 0.0, is_balanced(n, &edges));
        let h = frustration_heuristic(g.graph(), &HeuristicOptions::new().seed(seed).certify_gap()).unwrap();
        prop_assert!(h.value() >= r.value());
        prop_assert!(h.lower_bound() <= r.value());
        let (hv, _) = recount_frustration(g.graph(), h.colours(), Weighting::Unweighted).unwrap();
        prop_assert_eq!(hv, h.value());
    }

    /// Switching (flipping the signs of all ties with exactly one end in a set) leaves L
    /// unchanged, and the switched colouring certifies it.
    #[test]
    fn switching_invariance(g in signed_graphs(small()), set in proptest::collection::vec(any::<bool>(), 14)) {
        let n = g.node_count();
        let labels: Vec<String> = (0..n).map(|i| format!("v{i}")).collect();
        let switched = SignedGraph::from_edges(
            &labels,
            g.edges().map(|(a, b, e)| {
                let flip = set[a.index()] != set[b.index()];
                (a.index(), b.index(), if flip { e.sign().flipped() } else { e.sign() })
            }),
        ).unwrap();
        let o = FrustrationOptions::new();
        let r1 = frustration_exact(g.graph(), &o).unwrap();
        let r2 = frustration_exact(switched.graph(), &o).unwrap();
        prop_assert_eq!(r1.value(), r2.value());
        let moved: Vec<bool> = r1.colours().iter().enumerate().map(|(i, &c)| c ^ set[i]).collect();
        let (v, _) = recount_frustration(switched.graph(), &moved, Weighting::Unweighted).unwrap();
        prop_assert_eq!(v, r2.value());
    }

    /// Weighted: exact = brute force on random magnitudes.
    #[test]
    fn weighted_exact_matches_brute_force(
        n in 2usize..=11,
        raw in proptest::collection::vec((0usize..11, 0usize..11, -4i32..=4, 1u32..=9), 0..40),
    ) {
        let mut seen = std::collections::BTreeSet::new();
        let mut edges = Vec::new();
        for (a, b, s, w) in raw {
            let (a, b) = (a % n, b % n);
            if a == b || s == 0 || !seen.insert((a.min(b), a.max(b))) {
                continue;
            }
            let w = f64::from(w) * 0.25;
            edges.push((a, b, if s < 0 { -w } else { w }));
        }
        let g = weighted_graph(n, &edges);
        let e4: Vec<_> = edges.iter().map(|&(a, b, w)| (a, b, w < 0.0, w.abs())).collect();
        let bf = brute_force(n, &e4);
        for enumerate in [14, 0] {
            let o = FrustrationOptions::new().weighting(Weighting::Magnitude).enumerate_up_to(enumerate);
            let r = frustration_exact(&g, &o).unwrap();
            prop_assert!((r.value() - bf).abs() < 1e-9, "exact {} brute {}", r.value(), bf);
            prop_assert!(r.is_optimal());
            let (v, _) = recount_frustration(&g, r.colours(), Weighting::Magnitude).unwrap();
            prop_assert!((v - r.value()).abs() < 1e-12);
        }
    }

    /// k-way: the exact search equals brute force over all partitions into at most / exactly
    /// k clusters, and with α = 0.5 and at most 2 clusters the criterion is L / 2.
    #[test]
    fn kway_exact_matches_brute_force(
        (g, k) in signed_graphs(SignedGraphParams::new().nodes(1..=7).density(0.6))
            .prop_flat_map(|g| {
                // At most as many clusters as units, by construction.
                let most = g.node_count().min(3);
                (Just(g), 1usize..=most)
            }),
        alpha in prop_oneof![Just(0.5), Just(0.3), Just(0.8)],
    ) {
        let n = g.node_count();
        let edges = edge_list(&g);
        // Brute force over all k^n labellings.
        let mut best_at_most = f64::INFINITY;
        let mut best_exactly = f64::INFINITY;
        let total = k.pow(n as u32);
        for code in 0..total {
            let mut m = vec![0usize; n];
            let mut c = code;
            for slot in m.iter_mut() {
                *slot = c % k;
                c /= k;
            }
            let crit: f64 = edges.iter().map(|&(a, b, neg, _)| {
                let same = m[a] == m[b];
                if neg && same { alpha } else if !neg && !same { 1.0 - alpha } else { 0.0 }
            }).sum();
            let used = (0..k).filter(|c| m.contains(c)).count();
            best_at_most = best_at_most.min(crit);
            if used == k {
                best_exactly = best_exactly.min(crit);
            }
        }
        let o = KwayOptions::new().alpha(alpha).search(KwaySearch::Exact);
        let p = signed_kway_partition(g.graph(), &o.clone().clusters(Clusters::AtMost(k))).unwrap();
        prop_assert!((p.criterion() - best_at_most).abs() < 1e-9);
        prop_assert!(p.is_optimal() && p.clusters() <= k);
        let p = signed_kway_partition(g.graph(), &o.clone().clusters(Clusters::Exactly(k))).unwrap();
        prop_assert!((p.criterion() - best_exactly).abs() < 1e-9);
        prop_assert_eq!(p.clusters(), k);
        // The heuristic is never below the optimum.
        let h = signed_kway_partition(g.graph(), &KwayOptions::new().alpha(alpha).clusters(Clusters::Exactly(k))).unwrap();
        prop_assert!(h.criterion() >= best_exactly - 1e-9);
        if alpha == 0.5 && k == 2 {
            let l = frustration_exact(g.graph(), &FrustrationOptions::new()).unwrap().value();
            prop_assert!((2.0 * best_at_most - l).abs() < 1e-9);
        }
    }
}

fn tribes() -> SignedGraph {
    rsct::io::read_signed(fixture("gahuku_gama_tribes.csv"))
        .unwrap()
        .0
}

#[test]
fn tribes_frustration_index_is_7() {
    let g = tribes();
    assert_eq!((g.node_count(), g.edge_count()), (16, 58));
    let r = frustration_exact(g.graph(), &FrustrationOptions::new()).unwrap();
    assert_eq!(r.value(), 7.0);
    assert!(r.is_optimal());
    assert_eq!(r.frustrated().len(), 7);
    assert!((r.normalised() - (1.0 - 14.0 / 58.0)).abs() < 1e-12);
    let h = frustration_heuristic(g.graph(), &HeuristicOptions::new()).unwrap();
    assert_eq!(h.value(), 7.0);
}

#[test]
fn tribes_three_groups_have_two_inconsistent_ties() {
    let g = tribes();
    let o = KwayOptions::new()
        .clusters(Clusters::Exactly(3))
        .alpha(0.5)
        .search(KwaySearch::Exact);
    let p = signed_kway_partition(g.graph(), &o).unwrap();
    assert!(p.is_optimal());
    assert_eq!(p.inconsistent(), 2);
    assert_eq!(p.criterion(), 1.0);
    assert_eq!(p.negative_inside() + p.positive_across(), 2.0);
    assert_eq!(p.clusters(), 3);
    // The heuristic finds it too, and two groups cannot do better than L = 7.
    let h = signed_kway_partition(
        g.graph(),
        &KwayOptions::new().clusters(Clusters::Exactly(3)).seed(5),
    )
    .unwrap();
    assert_eq!(h.inconsistent(), 2);
    let two = signed_kway_partition(
        g.graph(),
        &KwayOptions::new()
            .clusters(Clusters::Exactly(2))
            .search(KwaySearch::Exact),
    )
    .unwrap();
    assert_eq!(two.inconsistent(), 7);
}

/// A random signed graph (random signs: no planted camps) that takes the exact search some
/// hundred branching nodes.
fn hard_graph(n: usize, seed: u64) -> SignedGraph {
    let mut s = seed;
    let mut next = || {
        s = s
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (s >> 33) as u32
    };
    let labels: Vec<String> = (0..n).map(|i| format!("v{i}")).collect();
    let mut edges = Vec::new();
    for a in 0..n {
        for b in a + 1..n {
            if next() % 100 < 25 {
                let sign = if next() % 2 == 0 {
                    Sign::Amity
                } else {
                    Sign::Enmity
                };
                edges.push((a, b, sign));
            }
        }
    }
    SignedGraph::from_edges(&labels, edges).unwrap()
}

/// `k` copies of [`hard_graph`] (different seeds) chained by one tie between consecutive
/// copies: `k` biconnected blocks, each too large to enumerate.
fn chained_hard_graphs(k: usize, n: usize) -> SignedGraph {
    let labels: Vec<String> = (0..k * n).map(|i| format!("v{i}")).collect();
    let mut edges = Vec::new();
    for c in 0..k {
        let g = hard_graph(n, 100 + c as u64);
        edges.extend(
            g.edges()
                .map(|(a, b, e)| (c * n + a.index(), c * n + b.index(), e.sign())),
        );
        if c > 0 {
            edges.push((c * n - 1, c * n, Sign::Enmity));
        }
    }
    SignedGraph::from_edges(&labels, edges).unwrap()
}

#[test]
fn one_thread_and_several_give_identical_results() {
    let g = chained_hard_graphs(5, 30);
    for seed in [0, 3] {
        let o = HeuristicOptions::new().seed(seed).certify_gap();
        let one = frustration_heuristic(g.graph(), &o.clone().threads(1)).unwrap();
        for threads in [0, 2, 3] {
            let many = frustration_heuristic(g.graph(), &o.clone().threads(threads)).unwrap();
            assert_eq!(many.value(), one.value(), "seed {seed}, {threads} threads");
            assert_eq!(many.camps(), one.camps(), "seed {seed}, {threads} threads");
            assert_eq!(
                many.frustrated(),
                one.frustrated(),
                "seed {seed}, {threads} threads"
            );
            assert_eq!(many, one, "seed {seed}, {threads} threads");
        }
        let o = FrustrationOptions::new().seed(seed);
        let one = frustration_exact(g.graph(), &o.clone().threads(1)).unwrap();
        assert!(one.is_optimal());
        for threads in [0, 2] {
            let many = frustration_exact(g.graph(), &o.clone().threads(threads)).unwrap();
            assert_eq!(many, one, "exact, seed {seed}, {threads} threads");
        }
    }
}

#[test]
fn limited_runs_return_a_valid_bound_and_gap() {
    let g = hard_graph(40, 11);
    let full = frustration_exact(g.graph(), &FrustrationOptions::new()).unwrap();
    assert!(full.is_optimal());
    for o in [
        FrustrationOptions::new().node_limit(3),
        FrustrationOptions::new().time_limit(Duration::from_micros(1)),
    ] {
        let r = frustration_exact(g.graph(), &o).unwrap();
        assert!(matches!(
            r.status(),
            Status::NodeLimit | Status::TimeLimit | Status::Optimal
        ));
        assert!(r.lower_bound() <= full.value());
        assert!(r.value() >= full.value());
        assert!(r.lower_bound() > 0.0);
        assert!((r.gap() - (r.value() - r.lower_bound())).abs() < 1e-12);
        let (v, _) = recount_frustration(g.graph(), r.colours(), Weighting::Unweighted).unwrap();
        assert_eq!(v, r.value());
    }
    let r = frustration_exact(g.graph(), &FrustrationOptions::new().node_limit(3)).unwrap();
    assert_eq!(r.status(), Status::NodeLimit);
    assert!(!r.is_optimal());
}

#[test]
fn same_seed_same_result() {
    let g = hard_graph(40, 3);
    let o = HeuristicOptions::new().seed(9);
    let a = frustration_heuristic(g.graph(), &o).unwrap();
    let b = frustration_heuristic(g.graph(), &o).unwrap();
    assert_eq!(a, b);
    let e = FrustrationOptions::new().seed(9);
    assert_eq!(
        frustration_exact(g.graph(), &e).unwrap(),
        frustration_exact(g.graph(), &e).unwrap()
    );
}

#[test]
fn bad_input_is_a_typed_error() {
    let g = weighted_graph(2, &[(0, 1, f64::INFINITY)]);
    let err = frustration_exact(
        &g,
        &FrustrationOptions::new().weighting(Weighting::Magnitude),
    )
    .unwrap_err();
    assert!(err.to_string().contains("tie 0"));
    let g = tribes();
    assert!(recount_frustration(g.graph(), &[true; 3], Weighting::Unweighted).is_err());
    assert!(signed_kway_partition(g.graph(), &KwayOptions::new().alpha(1.5)).is_err());
    assert!(
        signed_kway_partition(
            g.graph(),
            &KwayOptions::new().clusters(Clusters::Exactly(17))
        )
        .is_err()
    );
    // Zero-weight (unsigned) ties are skipped and counted.
    let g = weighted_graph(3, &[(0, 1, 0.0), (1, 2, -1.0), (0, 2, 2.0)]);
    let r = frustration_exact(&g, &FrustrationOptions::new()).unwrap();
    assert_eq!((r.neutral_ties(), r.edge_count(), r.value()), (1, 2, 0.0));
}

/// The 51 COW windows: every exact value optimal, its certificate recounted, and equal to
/// the independent HiGHS value recorded in tests/data/cow_frustration_highs.csv.
#[test]
fn cow_windows_agree_with_highs() {
    let Some(dir) = shared("cow_doreian_mrvar") else {
        return;
    };
    let table = std::fs::read_to_string(fixture("cow_frustration_highs.csv")).unwrap();
    let mut checked = 0;
    for line in table.lines().skip(1) {
        let f: Vec<&str> = line.split(',').collect();
        let (g, _) = rsct::io::read_signed(dir.join(format!("{}.csv", f[0]))).unwrap();
        assert_eq!(g.node_count().to_string(), f[1]);
        assert_eq!(g.edge_count().to_string(), f[2]);
        let r = frustration_exact(g.graph(), &FrustrationOptions::new()).unwrap();
        assert!(r.is_optimal(), "{}", f[0]);
        assert_eq!(r.value().to_string(), f[3], "{}", f[0]);
        let (v, _) = recount_frustration(g.graph(), r.colours(), Weighting::Unweighted).unwrap();
        assert_eq!(v, r.value());
        checked += 1;
    }
    assert_eq!(checked, 51);
}
