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
