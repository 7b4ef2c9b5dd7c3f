//! Analyses do not depend on the order of units, and the same input gives the same output.

use proptest::prelude::*;
use rsct::balance::{CensusOptions, harary_test, triangle_census};
use rsct::boundary::{BoundaryOptions, InterdependenceOptions, analyse};
use rsct::polarity::{MissingPolicy, PoleRule, capability_shares, identify_poles, measures};
use rsct::strategies::{DatasetParams, datasets};
use rsct::{Dataset, DerivationRules};
use std::collections::BTreeSet;

fn rotated(ds: &Dataset, k: usize) -> Dataset {
    let mut units = ds.units().to_vec();
    let k = k % units.len();
    units.rotate_left(k);
    Dataset::builder()
        .units(units)
        .organisations(ds.organisations().iter().cloned())
        .memberships(ds.memberships().iter().cloned())
        .relations(ds.relations().iter().cloned())
        .capabilities(ds.capabilities().iter().cloned())
        .build()
        .unwrap()
}

proptest! {
    /// **Relabelling units changes nothing** (a requirement of any structural measure:
    /// results are properties of the graph, not of how its units are listed): the snapshot's
    /// ties, the triangle census, the Harary verdict, polarity and the complexes found are the
    /// same whatever the order of units in the data set.
    #[test]
    fn every_analysis_is_invariant_under_relabelling(ds in datasets(DatasetParams::new()), k in 1usize..20, year in 1990i32..=2000) {
        let other = rotated(&ds, k);
        let rules = DerivationRules::new();
        let (ga, gb) = (ds.snapshot(year, &rules).unwrap(), other.snapshot(year, &rules).unwrap());
        let ties = |g: &rsct::SecurityGraph| -> BTreeSet<(String, String, u64)> {
            g.ties().map(|(a, b, t)| {
                let (x, y) = if a.id() < b.id() { (a.id(), b.id()) } else { (b.id(), a.id()) };
                (x.to_owned(), y.to_owned(), (t.net() * 1e9).round() as i64 as u64)
            }).collect()
        };
        prop_assert_eq!(ties(&ga), ties(&gb));
        let ca = triangle_census(ga.graph(), &CensusOptions::new()).unwrap();
        let cb = triangle_census(gb.graph(), &CensusOptions::new()).unwrap();
        prop_assert_eq!(ca.counts(), cb.counts());
        prop_assert_eq!(harary_test(ga.graph()).unwrap().is_balanced(), harary_test(gb.graph()).unwrap().is_balanced());
        let units: Vec<&str> = ds.units().iter().map(|u| u.id()).collect();
        let sa = capability_shares(&ds, &units, year, MissingPolicy::Zero).unwrap();
        let sb = capability_shares(&other, &units, year, MissingPolicy::Zero).unwrap();
        prop_assert!((measures(&sa).hhi - measures(&sb).hhi).abs() < 1e-12);
        prop_assert_eq!(identify_poles(&sa, &PoleRule::new()).unwrap().poles, identify_poles(&sb, &PoleRule::new()).unwrap().poles);
        let opts = BoundaryOptions::new();
        let ra = analyse(&ga, &Default::default(), &InterdependenceOptions::new(), &opts).unwrap();
        let rb = analyse(&gb, &Default::default(), &InterdependenceOptions::new(), &opts).unwrap();
        let sets = |r: &rsct::boundary::BoundaryReport| -> BTreeSet<BTreeSet<String>> {
            r.complexes.iter().map(|c| c.members.iter().cloned().collect()).collect()
        };
        prop_assert_eq!(sets(&ra), sets(&rb));
    }

    /// **Same input, same output** (the crate's determinism guarantee): two runs of the whole
    /// boundary analysis give byte-identical JSON.
    #[test]
    fn same_input_same_output(ds in datasets(DatasetParams::new()), year in 1990i32..=2000) {
        let g = ds.snapshot(year, &DerivationRules::new()).unwrap();
        let opts = BoundaryOptions::new().seed(11);
        let a = serde_json::to_string(&analyse(&g, &Default::default(), &InterdependenceOptions::new(), &opts).unwrap()).unwrap();
        let b = serde_json::to_string(&analyse(&g, &Default::default(), &InterdependenceOptions::new(), &opts).unwrap()).unwrap();
        prop_assert_eq!(a, b);
    }
}

proptest! {
    /// **Same seed, same output** for the seeded heuristics: the frustration heuristic
    /// returns the same partition for the same graph and seed.
    #[test]
    fn same_seed_same_frustration(g in rsct::strategies::signed_graphs(rsct::strategies::SignedGraphParams::new().nodes(0..=30).density(0.3)), seed in any::<u64>()) {
        use rsct::balance::{HeuristicOptions, frustration_heuristic};
        let a = frustration_heuristic(g.graph(), &HeuristicOptions::new().seed(seed)).unwrap();
        let b = frustration_heuristic(g.graph(), &HeuristicOptions::new().seed(seed)).unwrap();
        prop_assert_eq!(a.colours(), b.colours());
        prop_assert_eq!(a.value(), b.value());
    }
}
