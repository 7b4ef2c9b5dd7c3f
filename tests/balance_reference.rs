//! Published reference values of the balance measures on real data.

use rsct::balance::{
    CensusOptions, PnIndexOptions, SignedEigenvectorOptions, WalkBalanceOptions, clusterability,
    harary_test, pn_index, signed_degrees, signed_eigenvector, triangle_census,
    verify_clusterability, verify_harary, walk_balance,
};
use std::path::Path;

mod common;

fn tribes() -> rsct::SignedGraph {
    let (g, _) = rsct::io::read_signed(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/gahuku_gama_tribes.csv"),
    )
    .unwrap();
    g
}

#[test]
fn tribes_triangle_census() {
    let g = tribes();
    assert_eq!((g.node_count(), g.edge_count()), (16, 58));
    let c = triangle_census(g.graph(), &CensusOptions::new().with_unbalanced_list()).unwrap();
    assert_eq!(c.counts().by_negatives(), [19, 2, 40, 7]);
    let strict = c.counts().strict_ratio().unwrap();
    assert!((strict - 0.8676471).abs() < 5e-8, "{strict}");
    assert!((c.counts().weak_ratio().unwrap() - 66.0 / 68.0).abs() < 1e-15);
    // Per unit: each triangle counted at its three units.
    let sum: u64 = c.per_unit().iter().map(|t| t.total()).sum();
    assert_eq!(sum, 3 * 68);
    assert_eq!(c.unbalanced().unwrap().len(), 9);
}

#[test]
fn tribes_walk_balance() {
    let g = tribes();
    let w = walk_balance(g.graph(), &WalkBalanceOptions::new()).unwrap();
    assert!((w.ratio() - 0.3575761).abs() < 5e-8, "{}", w.ratio());
    assert!(w.error_bound() < 1e-10);
}

#[test]
fn tribes_unbalanced_and_not_clusterable_with_checked_certificates() {
    let g = tribes();
    let h = harary_test(g.graph()).unwrap();
    assert!(!h.is_balanced());
    let cyc = h.odd_cycle().unwrap();
    assert_eq!(cyc.negatives() % 2, 1);
    verify_harary(g.graph(), h.certificate()).unwrap();
    let c = clusterability(g.graph()).unwrap();
    // The tribes contain ++− triangles, so they are not clusterable.
    assert!(!c.is_clusterable());
    assert_eq!(c.cycle().unwrap().negatives(), 1);
    verify_clusterability(g.graph(), c.certificate()).unwrap();
}

#[test]
fn tribes_centralities() {
    let g = tribes();
    let d = signed_degrees(g.graph()).unwrap();
    let pos: usize = d.per_unit().iter().map(|x| x.positive()).sum();
    let neg: usize = d.per_unit().iter().map(|x| x.negative()).sum();
    assert_eq!((pos, neg), (2 * 29, 2 * 29));
    // Reference values from numpy (see tests/data/PROVENANCE.md): PN index by
    // numpy.linalg.solve, eigenvector by numpy.linalg.eigh.
    let at = |l: &str| g.node(l).unwrap().index();
    let pn = pn_index(g.graph(), &PnIndexOptions::new()).unwrap();
    for (unit, want) in [
        ("Masil", 1.223561035924577),
        ("Gama", 0.7145185706265412),
        ("Seuve", 0.8746126649507856),
    ] {
        assert!((pn.values()[at(unit)] - want).abs() < 1e-9, "{unit}");
    }
    let dense = pn_index(g.graph(), &PnIndexOptions::new().dense_limit(100)).unwrap();
    let e = signed_eigenvector(g.graph(), &SignedEigenvectorOptions::new()).unwrap();
    assert!((e.eigenvalue() - 6.483378143975637).abs() < 1e-12);
    assert!((e.second_modulus().unwrap() - 4.8656650491789915).abs() < 1e-12);
    for (unit, want) in [
        ("Gavev", 1.0),
        ("Masil", -0.7601771736186775),
        ("Seuve", -0.058557990455355244),
    ] {
        assert!((e.values()[at(unit)] - want).abs() < 1e-10, "{unit}");
    }
    assert_eq!(dense.values().len(), 16);
}

fn shared(name: &str) -> Option<std::path::PathBuf> {
    common::shared("signed", name)
}

#[test]
fn cow_1996_99_triangle_census() {
    let Some(p) = shared("cow_doreian_mrvar/cow_96-99.csv") else {
        return;
    };
    let (g, _) = rsct::io::read_signed(p).unwrap();
    let c = triangle_census(g.graph(), &CensusOptions::new()).unwrap();
    assert_eq!(c.counts().by_negatives(), [8_319, 544, 337, 40]);
}

#[test]
fn shared_tribes_equal_the_fixture() {
    let Some(p) = shared("gahuku_gama_tribes.csv") else {
        return;
    };
    let shared = std::fs::read(p).unwrap();
    let fixture = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/gahuku_gama_tribes.csv"),
    )
    .unwrap();
    assert_eq!(shared, fixture);
}
