//! Edge cases of the balance measures, other petgraph graphs and weights, and typed errors.

use rsct::balance::{
    BalanceError, CensusOptions, PnIndexOptions, SignedEigenvectorOptions, WalkBalanceOptions,
    WalkMethod, clusterability, harary_test, pn_index, signed_degrees, signed_eigenvector,
    triangle_census, verify_clusterability, verify_harary, walk_balance,
};
use rsct::petgraph::graph::{NodeIndex, UnGraph};
use rsct::petgraph::stable_graph::StableUnGraph;
use rsct::{Sign, SignedGraph};

fn complete(n: usize, sign: Sign) -> SignedGraph {
    let labels: Vec<String> = (0..n).map(|i| format!("u{i}")).collect();
    let edges = (0..n).flat_map(|i| (i + 1..n).map(move |j| (i, j, sign)));
    SignedGraph::from_edges(labels, edges).unwrap()
}

fn all_checked(g: &SignedGraph) {
    let h = harary_test(g.graph()).unwrap();
    verify_harary(g.graph(), h.certificate()).unwrap();
    let c = clusterability(g.graph()).unwrap();
    verify_clusterability(g.graph(), c.certificate()).unwrap();
}

#[test]
fn empty_graph() {
    let g = SignedGraph::new();
    all_checked(&g);
    let h = harary_test(g.graph()).unwrap();
    assert!(h.is_balanced());
    assert!(h.camps().unwrap().iter().all(Vec::is_empty));
    assert_eq!(clusterability(g.graph()).unwrap().cluster_count(), Some(0));
    let c = triangle_census(g.graph(), &CensusOptions::new()).unwrap();
    assert_eq!(c.counts().total(), 0);
    assert_eq!(c.counts().strict_ratio(), None);
    assert_eq!(c.counts().weak_ratio(), None);
    let w = walk_balance(g.graph(), &WalkBalanceOptions::new()).unwrap();
    assert_eq!((w.ratio(), w.parts()), (1.0, 0));
    assert!(signed_degrees(g.graph()).unwrap().per_unit().is_empty());
    assert!(
        pn_index(g.graph(), &PnIndexOptions::new())
            .unwrap()
            .values()
            .is_empty()
    );
    assert!(matches!(
        signed_eigenvector(g.graph(), &SignedEigenvectorOptions::new()),
        Err(BalanceError::EigenvectorUndefined { .. })
    ));
}

#[test]
fn one_unit() {
    let g = complete(1, Sign::Amity);
    all_checked(&g);
    let h = harary_test(g.graph()).unwrap();
    assert_eq!(h.camps().unwrap()[0], vec![NodeIndex::new(0)]);
    assert_eq!(clusterability(g.graph()).unwrap().cluster_count(), Some(1));
    let w = walk_balance(g.graph(), &WalkBalanceOptions::new()).unwrap();
    assert_eq!(w.ratio(), 1.0);
    assert_eq!(
        pn_index(g.graph(), &PnIndexOptions::new())
            .unwrap()
            .values(),
        [1.0]
    );
}

#[test]
fn all_amity() {
    let g = complete(6, Sign::Amity);
    all_checked(&g);
    let h = harary_test(g.graph()).unwrap();
    assert_eq!(h.camps().unwrap()[0].len(), 6);
    assert!(h.camps().unwrap()[1].is_empty());
    assert_eq!(clusterability(g.graph()).unwrap().cluster_count(), Some(1));
    let c = triangle_census(g.graph(), &CensusOptions::new()).unwrap();
    assert_eq!(c.counts().by_negatives(), [20, 0, 0, 0]);
    assert_eq!(c.counts().strict_ratio(), Some(1.0));
    let w = walk_balance(g.graph(), &WalkBalanceOptions::new()).unwrap();
    assert!((w.ratio() - 1.0).abs() <= w.error_bound());
    // K6: eigenvalues 5 and −1 (×5): the all-ones vector.
    let e = signed_eigenvector(g.graph(), &SignedEigenvectorOptions::new()).unwrap();
    assert!((e.eigenvalue() - 5.0).abs() < 1e-12);
    assert!(e.values().iter().all(|v| (v - 1.0).abs() < 1e-12));
}

#[test]
fn all_enmity() {
    let g = complete(4, Sign::Enmity);
    all_checked(&g);
    assert!(!harary_test(g.graph()).unwrap().is_balanced());
    let c = clusterability(g.graph()).unwrap();
    assert_eq!(c.cluster_count(), Some(4));
    let t = triangle_census(g.graph(), &CensusOptions::new()).unwrap();
    assert_eq!(t.counts().by_negatives(), [0, 0, 0, 4]);
    assert_eq!(t.counts().strict_ratio(), Some(0.0));
    assert_eq!(t.counts().weak_ratio(), Some(1.0));
    // Two enemies: balanced, one in each camp.
    let pair = complete(2, Sign::Enmity);
    let h = harary_test(pair.graph()).unwrap();
    assert_eq!(
        h.camps().unwrap(),
        &[vec![NodeIndex::new(0)], vec![NodeIndex::new(1)]]
    );
}

#[test]
fn disconnected() {
    // Two balanced parts and an isolated unit.
    let g = SignedGraph::from_edges(
        ["a", "b", "c", "d", "e", "f"],
        [
            (0, 1, Sign::Enmity),
            (3, 4, Sign::Amity),
            (4, 5, Sign::Enmity),
        ],
    )
    .unwrap();
    all_checked(&g);
    let h = harary_test(g.graph()).unwrap();
    let camps = h.camps().unwrap();
    let idx = |v: &Vec<NodeIndex>| v.iter().map(|i| i.index()).collect::<Vec<_>>();
    // Each part's lowest unit is in camp 0.
    assert_eq!(idx(&camps[0]), [0, 2, 3, 4]);
    assert_eq!(idx(&camps[1]), [1, 5]);
    assert_eq!(clusterability(g.graph()).unwrap().cluster_count(), Some(5));
    let w = walk_balance(g.graph(), &WalkBalanceOptions::new()).unwrap();
    assert_eq!((w.parts(), w.largest_part()), (3, 3));
    assert!((w.ratio() - 1.0).abs() <= w.error_bound());
    // Adding an unbalanced triangle in a new part makes the whole graph unbalanced.
    let g2 = SignedGraph::from_edges(
        ["a", "b", "c", "x", "y", "z"],
        [
            (0, 1, Sign::Enmity),
            (3, 4, Sign::Amity),
            (4, 5, Sign::Amity),
            (3, 5, Sign::Enmity),
        ],
    )
    .unwrap();
    all_checked(&g2);
    let h2 = harary_test(g2.graph()).unwrap();
    let mut units: Vec<usize> = h2
        .odd_cycle()
        .unwrap()
        .units()
        .iter()
        .map(|u| u.index())
        .collect();
    units.sort_unstable();
    assert_eq!(units, [3, 4, 5]);
}

#[test]
fn multigraph_and_self_loops() {
    // Parallel ties of opposite signs: an unbalanced 2-cycle.
    let mut g: UnGraph<(), Sign> = UnGraph::new_undirected();
    let a = g.add_node(());
    let b = g.add_node(());
    let c = g.add_node(());
    g.add_edge(a, b, Sign::Amity);
    g.add_edge(b, c, Sign::Amity);
    g.add_edge(a, b, Sign::Enmity);
    let h = harary_test(&g).unwrap();
    let cyc = h.odd_cycle().unwrap();
    assert_eq!(cyc.len(), 2);
    verify_harary(&g, h.certificate()).unwrap();
    let cl = clusterability(&g).unwrap();
    assert_eq!(cl.cycle().unwrap().len(), 2);
    verify_clusterability(&g, cl.certificate()).unwrap();
    assert_eq!(
        triangle_census(&g, &CensusOptions::new()),
        Err(BalanceError::ParallelTies {
            measure: "signed triangle census",
            a: 0,
            b: 1
        })
    );
    assert!(matches!(
        walk_balance(&g, &WalkBalanceOptions::new()),
        Err(BalanceError::ParallelTies { a: 0, b: 1, .. })
    ));
    // A negative self-loop is an unbalanced 1-cycle; a positive one changes nothing.
    let mut s: UnGraph<(), i32> = UnGraph::new_undirected();
    let x = s.add_node(());
    let y = s.add_node(());
    s.add_edge(x, y, -3);
    s.add_edge(y, y, 2);
    let h = harary_test(&s).unwrap();
    assert!(h.is_balanced());
    verify_harary(&s, h.certificate()).unwrap();
    s.add_edge(x, x, -1);
    let h = harary_test(&s).unwrap();
    assert_eq!(h.odd_cycle().unwrap().len(), 1);
    verify_harary(&s, h.certificate()).unwrap();
    let cl = clusterability(&s).unwrap();
    assert_eq!(cl.cycle().unwrap().units(), [x]);
    verify_clusterability(&s, cl.certificate()).unwrap();
    assert!(matches!(
        triangle_census(&s, &CensusOptions::new()),
        Err(BalanceError::SelfLoop { node: 1, .. })
    ));
    // The same errors from the counts-only (bit-set) path.
    assert!(matches!(
        triangle_census(&s, &CensusOptions::new().without_per_unit()),
        Err(BalanceError::SelfLoop { node: 1, .. })
    ));
    assert_eq!(
        triangle_census(&g, &CensusOptions::new().without_per_unit()),
        Err(BalanceError::ParallelTies {
            measure: "signed triangle census",
            a: 0,
            b: 1
        })
    );
}

#[test]
fn neutral_ties_are_absent_and_counted() {
    // Zero-valued f64 ties carry no sign.
    let mut g: UnGraph<&str, f64> = UnGraph::new_undirected();
    let n: Vec<_> = ["a", "b", "c"].iter().map(|l| g.add_node(*l)).collect();
    g.add_edge(n[0], n[1], 0.7);
    g.add_edge(n[1], n[2], 0.0);
    g.add_edge(n[0], n[2], -0.2);
    let h = harary_test(&g).unwrap();
    assert!(h.is_balanced());
    assert_eq!(h.neutral_ties(), 1);
    verify_harary(&g, h.certificate()).unwrap();
    let c = triangle_census(&g, &CensusOptions::new().with_weighted()).unwrap();
    assert_eq!((c.counts().total(), c.neutral_ties()), (0, 1));
    assert_eq!(clusterability(&g).unwrap().neutral_ties(), 1);
    assert_eq!(signed_degrees(&g).unwrap().neutral_ties(), 1);
    let d = signed_degrees(&g).unwrap();
    assert!((d.per_unit()[0].positive_strength() - 0.7).abs() < 1e-15);
    assert!((d.per_unit()[0].negative_strength() - 0.2).abs() < 1e-15);
}

#[test]
fn weighted_census_uses_geometric_means() {
    let mut g: UnGraph<(), f64> = UnGraph::new_undirected();
    let n: Vec<_> = (0..4).map(|_| g.add_node(())).collect();
    g.add_edge(n[0], n[1], 2.0);
    g.add_edge(n[1], n[2], -4.0);
    g.add_edge(n[0], n[2], 1.0);
    g.add_edge(n[2], n[3], -1.0);
    g.add_edge(n[1], n[3], 1.0);
    let c = triangle_census(&g, &CensusOptions::new().with_weighted()).unwrap();
    assert_eq!(c.counts().by_negatives(), [0, 1, 1, 0]);
    let w = c.weighted().unwrap();
    assert!((w.ppm() - 2.0).abs() < 1e-12); // (2·4·1)^(1/3)
    assert!((w.pmm() - 4f64.cbrt()).abs() < 1e-12); // (4·1·1)^(1/3)
    assert!((w.strict_ratio().unwrap() - 4f64.cbrt() / (2.0 + 4f64.cbrt())).abs() < 1e-12);
}

#[test]
fn graphs_with_holes() {
    let mut g: StableUnGraph<(), Sign> = StableUnGraph::default();
    let n: Vec<_> = (0..4).map(|_| g.add_node(())).collect();
    g.add_edge(n[0], n[1], Sign::Enmity);
    g.add_edge(n[2], n[3], Sign::Amity);
    g.remove_node(n[1]);
    let h = harary_test(&g).unwrap();
    let all: usize = h.camps().unwrap().iter().map(Vec::len).sum();
    assert_eq!(all, 3);
    verify_harary(&g, h.certificate()).unwrap();
    let c = clusterability(&g).unwrap();
    assert_eq!(c.cluster_count(), Some(2));
    verify_clusterability(&g, c.certificate()).unwrap();
}

#[test]
fn above_the_dense_limits_the_iterative_methods_take_over() {
    let g = SignedGraph::from_edges(
        ["a", "b", "c", "d", "e"],
        [
            (0, 1, Sign::Amity),
            (1, 2, Sign::Amity),
            (2, 3, Sign::Enmity),
            (3, 4, Sign::Amity),
        ],
    )
    .unwrap();
    // A path is balanced: walk balance 1, by Lanczos too (above the dense limit).
    let w = walk_balance(g.graph(), &WalkBalanceOptions::new().dense_limit(3)).unwrap();
    assert!(matches!(
        w.method(),
        WalkMethod::Lanczos {
            parts: 1,
            steps: 10
        }
    ));
    assert!((w.ratio() - 1.0).abs() <= w.error_bound());
    assert!(w.error_bound() < 1e-12);
    // A path has eigenvalues ±λ: no dominant eigenvalue.
    let u = signed_eigenvector(g.graph(), &SignedEigenvectorOptions::new()).unwrap_err();
    assert!(
        matches!(u, BalanceError::EigenvectorUndefined { .. }),
        "{u}"
    );
    // Lanczos spans the whole (5-dimensional) space and reaches the same verdict.
    let p =
        signed_eigenvector(g.graph(), &SignedEigenvectorOptions::new().dense_limit(0)).unwrap_err();
    assert!(
        matches!(p, BalanceError::EigenvectorUndefined { .. }),
        "{p}"
    );
    // With too few steps to resolve anything, it says so.
    let p = signed_eigenvector(
        g.graph(),
        &SignedEigenvectorOptions::new()
            .dense_limit(0)
            .max_iterations(2),
    )
    .unwrap_err();
    assert!(
        matches!(p, BalanceError::NoConvergence { iterations: 2, .. }),
        "{p}"
    );
}

/// A seeded graph large enough (≥ 100,000 ties) for the parallel census.
fn big() -> UnGraph<(), f64> {
    let n = 20_000u64;
    let mut g: UnGraph<(), f64> = UnGraph::with_capacity(n as usize, 120_000);
    for _ in 0..n {
        g.add_node(());
    }
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut seen = std::collections::HashSet::new();
    while g.edge_count() < 110_000 {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        // Local ties (a ring lattice with jumps) so that there are many triangles.
        let a = x % n;
        let b = (a + 1 + (x >> 20) % 12) % n;
        if seen.insert((a.min(b), a.max(b))) {
            let w = 0.5 + ((x >> 40) % 100) as f64 / 50.0;
            let w = if (x >> 50) % 5 == 0 { -w } else { w };
            g.add_edge(NodeIndex::new(a as usize), NodeIndex::new(b as usize), w);
        }
    }
    g
}

#[test]
fn parallel_census_is_deterministic_and_agrees_with_one_thread() {
    let g = big();
    let o = CensusOptions::new().with_weighted().with_unbalanced_list();
    let one = triangle_census(&g, &o.threads(1)).unwrap();
    let two = triangle_census(&g, &o.threads(2)).unwrap();
    let three = triangle_census(&g, &o.threads(3)).unwrap();
    // 0: rayon's global pool (every core, or RAYON_NUM_THREADS).
    let all = triangle_census(&g, &o.threads(0)).unwrap();
    assert!(one.counts().total() > 100_000);
    assert_eq!(one, two);
    assert_eq!(one, three);
    assert_eq!(one, all);
    let (w1, w2) = (one.weighted().unwrap(), two.weighted().unwrap());
    assert_eq!(w1.ppp().to_bits(), w2.ppp().to_bits());
    // Per-unit counts add up to three times the total.
    let sum: u64 = one.per_unit().iter().map(|t| t.total()).sum();
    assert_eq!(sum, 3 * one.counts().total());
    assert_eq!(
        one.unbalanced().unwrap().len() as u64,
        one.counts().ppm() + one.counts().mmm()
    );
}

#[test]
fn security_graph_of_a_dataset() {
    use rsct::{Dataset, DerivationRules, Evidence, Period, Relation, Sector, Unit};
    let rel = |a: &str, b: &str, s: Sign| {
        Relation::builder(a, b, s, Period::from_year(1995))
            .intensity(0.5)
            .sector(Sector::Military)
            .evidence(Evidence::new("test fixture").unwrap())
            .build()
            .unwrap()
    };
    let ds = Dataset::builder()
        .unit(Unit::state("RUS", "Russia").unwrap())
        .unit(Unit::state("ARM", "Armenia").unwrap())
        .unit(Unit::state("AZE", "Azerbaijan").unwrap())
        .unit(Unit::state("TUR", "Turkey").unwrap())
        .relation(rel("RUS", "ARM", Sign::Amity))
        .relation(rel("ARM", "AZE", Sign::Enmity))
        .relation(rel("ARM", "TUR", Sign::Enmity))
        .relation(rel("AZE", "TUR", Sign::Amity))
        .build()
        .unwrap();
    let sg = ds.snapshot(2002, &DerivationRules::new()).unwrap();
    let h = harary_test(sg.graph()).unwrap();
    assert!(h.is_balanced());
    verify_harary(sg.graph(), h.certificate()).unwrap();
    let id = |i: &NodeIndex| sg.unit(*i).unwrap().id().to_owned();
    let camps = h.camps().unwrap();
    let mut a: Vec<String> = camps[0].iter().map(id).collect();
    let mut b: Vec<String> = camps[1].iter().map(id).collect();
    a.sort();
    b.sort();
    let (mut a, mut b) = (a, b);
    if a.contains(&"AZE".to_owned()) {
        std::mem::swap(&mut a, &mut b);
    }
    assert_eq!(a, ["ARM", "RUS"]);
    assert_eq!(b, ["AZE", "TUR"]);
    let c = triangle_census(sg.graph(), &CensusOptions::new().with_weighted()).unwrap();
    assert_eq!(c.counts().by_negatives(), [0, 0, 1, 0]);
    // Magnitudes are the net intensities (0.5 each): the geometric mean is 0.5.
    assert!((c.weighted().unwrap().pmm() - 0.5).abs() < 1e-12);
    if let Ok(dir) = std::env::var("RSCT_WRITE_DATASET") {
        ds.save(std::path::Path::new(&dir).join("caucasus.toml"))
            .unwrap();
    }
}

#[test]
fn lanczos_does_not_settle_on_a_non_dominant_eigenvalue() {
    // Spectrum {3, −1, −1, −1}; the dominant eigenvector is (1, −1, −1, 1)/2, orthogonal to
    // simple start vectors such as (1, 1 + 1/64, 1 + 2/64, 1 + 3/64) (regression).
    let g = SignedGraph::from_edges(
        ["v0", "v1", "v2", "v3"],
        [
            (0, 1, Sign::Enmity),
            (0, 2, Sign::Enmity),
            (0, 3, Sign::Amity),
            (1, 2, Sign::Amity),
            (1, 3, Sign::Enmity),
            (2, 3, Sign::Enmity),
        ],
    )
    .unwrap();
    let dense = signed_eigenvector(g.graph(), &SignedEigenvectorOptions::new()).unwrap();
    let power =
        signed_eigenvector(g.graph(), &SignedEigenvectorOptions::new().dense_limit(0)).unwrap();
    assert!((dense.eigenvalue() - 3.0).abs() < 1e-12);
    assert!((power.eigenvalue() - 3.0).abs() < 1e-9);
    assert_eq!(dense.values().len(), 4);
    for (a, b) in dense.values().iter().zip(power.values()) {
        assert!((a - b).abs() < 1e-8, "{a} {b}");
    }
    assert!((dense.values()[0] - 1.0).abs() < 1e-12);
}
