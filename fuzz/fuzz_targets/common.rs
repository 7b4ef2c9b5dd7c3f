//! Checks shared by the signed-graph reader targets: the graph a reader returns is simple,
//! undirected, with finite positive weights, and the balance algorithms accept it.

use rsct::SignedGraph;
use rsct::io::ReadReport;

pub fn check(g: &SignedGraph, report: &ReadReport) {
    let mut seen = std::collections::HashSet::new();
    for (a, b, e) in g.edges() {
        assert_ne!(a, b, "a self-loop survived");
        let key = (a.min(b), a.max(b));
        assert!(seen.insert(key), "a multi-edge survived");
        assert!(
            e.weight().is_finite() && e.weight() > 0.0,
            "weight {}",
            e.weight()
        );
    }
    assert!(g.edge_count() <= report.arcs);
    for i in g.graph().node_indices() {
        let label = g.label(i).expect("every node has a label");
        assert_eq!(g.node(label), Some(i), "labels are unique");
    }
    let h = rsct::balance::harary_test(g.graph()).expect("harary on a read graph");
    rsct::balance::verify_harary(g.graph(), h.certificate()).expect("certificate verifies");
    let c = rsct::balance::clusterability(g.graph()).expect("clusterability on a read graph");
    rsct::balance::verify_clusterability(g.graph(), c.certificate()).expect("certificate verifies");
}
