//! The frustration solvers on arbitrary small signed graphs read as edge lists: the exact
//! solver under a tiny node budget must still return a valid bound and gap, its certificate
//! must recount to its value, and the heuristic must never beat a proven optimum.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rsct::balance::{
    FrustrationOptions, HeuristicOptions, Weighting, frustration_exact, frustration_heuristic,
    recount_frustration,
};

fuzz_target!(|data: &[u8]| {
    let Some((&budget, text)) = data.split_first() else { return };
    let Ok((g, _)) = rsct::io::from_bytes::edge_list("fuzz.txt", text) else { return };
    if g.edge_count() > 400 {
        return;
    }
    let options = FrustrationOptions::new().node_limit(u64::from(budget) + 1).seed(7);
    let Ok(exact) = frustration_exact(g.graph(), &options) else { return };
    assert!(exact.lower_bound() <= exact.value() + 1e-9, "bound above value");
    assert!(exact.gap() >= -1e-9);
    let (recount, _) = recount_frustration(g.graph(), exact.colours(), Weighting::Unweighted)
        .expect("the solver's own colouring recounts");
    assert!((recount - exact.value()).abs() < 1e-9, "certificate does not recount");
    assert!(exact.value() <= (g.edge_count() / 2) as f64 + 1e-9);
    if exact.is_optimal()
        && let Ok(h) = frustration_heuristic(g.graph(), &HeuristicOptions::new().seed(3))
    {
        assert!(h.value() + 1e-9 >= exact.value(), "heuristic below the optimum");
    }
});
