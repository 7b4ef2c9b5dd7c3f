//! Structural balance: Harary's and Davis's theorems, and the balance of security communities.

use proptest::prelude::*;
use rsct::balance::{CensusOptions, clusterability, harary_test, triangle_census};
use rsct::strategies::{SignedGraphParams, signed_graphs};
use rsct::{Sign, SignedGraph};

/// Whether some split of the units into two camps puts every amity tie inside a camp and
/// every enmity tie across (brute force over all 2ⁿ⁻¹ splits).
fn two_camps_exist(g: &SignedGraph) -> bool {
    let n = g.node_count();
    if n <= 1 {
        return true;
    }
    (0u32..(1 << (n - 1))).any(|mask| {
        g.edges().all(|(a, b, e)| {
            let same = ((mask >> a.index()) & 1) == ((mask >> b.index()) & 1);
            same == (e.sign() == Sign::Amity)
        })
    })
}

/// Whether the units split into clusters with every amity tie inside a cluster and every
/// enmity tie across: the amity components, with no enmity tie inside one.
fn clusters_exist(g: &SignedGraph) -> bool {
    let n = g.node_count();
    let mut comp: Vec<usize> = (0..n).collect();
    fn find(c: &mut [usize], x: usize) -> usize {
        let mut r = x;
        while c[r] != r {
            r = c[r];
        }
        c[x] = r;
        r
    }
    for (a, b, e) in g.edges() {
        if e.sign() == Sign::Amity {
            let (x, y) = (find(&mut comp, a.index()), find(&mut comp, b.index()));
            comp[x] = y;
        }
    }
    g.edges().all(|(a, b, e)| {
        e.sign() == Sign::Amity || find(&mut comp, a.index()) != find(&mut comp, b.index())
    })
}

proptest! {
    /// **Harary's theorem** (Cartwright & Harary 1956, Psych. Review 63; THEORY §5): a signed
    /// graph is balanced iff its units split into two camps with all amity inside and all
    /// enmity across.
    #[test]
    fn harary_theorem(g in signed_graphs(SignedGraphParams::new().nodes(0..=10))) {
        prop_assert_eq!(harary_test(g.graph()).unwrap().is_balanced(), two_camps_exist(&g));
    }

    /// **Davis's theorem** (Davis 1967, Human Relations 20): a signed graph is clusterable
    /// (weakly balanced) iff no cycle has exactly one negative tie — equivalently, iff no
    /// enmity tie lies inside an amity component.
    #[test]
    fn davis_theorem(g in signed_graphs(SignedGraphParams::new().nodes(0..=12))) {
        prop_assert_eq!(clusterability(g.graph()).unwrap().is_clusterable(), clusters_exist(&g));
    }

    /// **A security community is balanced** (Deutsch 1957; Buzan & Wæver 2003, p. 53): with
    /// no enmity at all, the graph is balanced (one camp) and every triangle is balanced.
    #[test]
    fn a_security_community_is_balanced(g in signed_graphs(SignedGraphParams::new().enmity_share(0.0))) {
        prop_assert!(harary_test(g.graph()).unwrap().is_balanced());
        let c = triangle_census(g.graph(), &CensusOptions::new()).unwrap();
        prop_assert_eq!(c.counts().balanced(), c.counts().total());
    }

    /// **Planted camps are balanced; planted clusters are clusterable** (Cartwright &
    /// Harary 1956; Davis 1967): two camps without noise give a balanced graph; k camps
    /// without noise give a clusterable one.
    #[test]
    fn planted_camps(g2 in signed_graphs(SignedGraphParams::new().planted_camps(2, 0.0)),
                     gk in signed_graphs(SignedGraphParams::new().planted_camps(4, 0.0))) {
        prop_assert!(harary_test(g2.graph()).unwrap().is_balanced());
        prop_assert!(clusterability(gk.graph()).unwrap().is_clusterable());
    }
}

/// The graph with every tie of the units in `set` negated (a switching).
fn switched(g: &SignedGraph, set: &[bool]) -> SignedGraph {
    let labels: Vec<&str> = (0..g.node_count())
        .map(|i| g.label(rsct::petgraph::graph::NodeIndex::new(i)).unwrap())
        .collect();
    let edges: Vec<(usize, usize, Sign)> = g
        .edges()
        .map(|(a, b, e)| {
            let flip = set[a.index()] != set[b.index()];
            (
                a.index(),
                b.index(),
                if flip { e.sign().flipped() } else { e.sign() },
            )
        })
        .collect();
    SignedGraph::from_edges(labels, edges).unwrap()
}

proptest! {
    /// **Frustration bounds** (Harary 1959; Aref, Mason & Wilson 2020, Networks 75): the
    /// frustration index L satisfies 0 ≤ L ≤ ⌊m/2⌋ and L ≤ the number of enmity ties, and
    /// L = 0 iff the graph is balanced (Harary's theorem); a proven result's lower bound
    /// equals its value, and its frustrated ties recount to it.
    #[test]
    fn frustration_bounds(g in signed_graphs(SignedGraphParams::new().nodes(0..=12))) {
        use rsct::balance::{FrustrationOptions, Weighting, frustration_exact, recount_frustration};
        let f = frustration_exact(g.graph(), &FrustrationOptions::new()).unwrap();
        prop_assert!(f.is_optimal());
        let l = f.value();
        prop_assert!(l <= (g.edge_count() / 2) as f64);
        prop_assert!(l <= g.negative_edge_count() as f64);
        prop_assert_eq!(l == 0.0, harary_test(g.graph()).unwrap().is_balanced());
        prop_assert_eq!(recount_frustration(g.graph(), f.colours(), Weighting::Unweighted).unwrap().0, l);
    }

    /// **Switching invariance** (Harary 1953; Zaslavsky 1982): negating every tie between a
    /// set of units and the rest changes neither the frustration index nor the Harary verdict.
    #[test]
    fn switching_invariance(g in signed_graphs(SignedGraphParams::new().nodes(1..=12)), set in proptest::collection::vec(any::<bool>(), 12)) {
        use rsct::balance::{FrustrationOptions, frustration_exact};
        let h = switched(&g, &set);
        let (a, b) = (frustration_exact(g.graph(), &FrustrationOptions::new()).unwrap(), frustration_exact(h.graph(), &FrustrationOptions::new()).unwrap());
        prop_assert_eq!(a.value(), b.value());
        prop_assert_eq!(harary_test(g.graph()).unwrap().is_balanced(), harary_test(h.graph()).unwrap().is_balanced());
    }
}
