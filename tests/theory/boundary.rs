//! Boundaries follow interdependence, and interdependence ignores sign.

use proptest::prelude::*;
use rsct::boundary::{BoundaryOptions, InterdependenceOptions, analyse};
use rsct::polarity::{Classification, PowerClass};
use rsct::strategies::{RegionParams, planted_regions};
use rsct::{Dataset, DerivationRules, Relation};

fn flipped(ds: &Dataset) -> Dataset {
    Dataset::builder()
        .units(ds.units().iter().cloned())
        .relations(ds.relations().iter().map(|r| {
            Relation::builder(r.a(), r.b(), r.sign().flipped(), r.period())
                .intensity(r.intensity())
                .sectors(r.sectors())
                .evidence(r.evidence()[0].clone())
                .build()
                .unwrap()
        }))
        .build()
        .unwrap()
}

proptest! {
    /// **Interdependence ignores sign** (Buzan & Wæver 2003, p. 44: India and Pakistan are
    /// enemies and *therefore* in one complex; THEORY §3): flipping every tie's sign leaves
    /// every complex, its members and its boundary metrics unchanged.
    #[test]
    fn interdependence_ignores_sign(p in planted_regions(RegionParams::new())) {
        let mut classes = Classification::new();
        for o in &p.outside_powers {
            classes = classes.with_override(o, PowerClass::Superpower);
        }
        let opts = BoundaryOptions::new().classes(classes);
        let run = |ds: &Dataset| {
            let g = ds.snapshot(2001, &DerivationRules::new()).unwrap();
            analyse(&g, &Default::default(), &InterdependenceOptions::new(), &opts).unwrap()
        };
        let (a, b) = (run(&p.dataset), run(&flipped(&p.dataset)));
        prop_assert_eq!(a.complexes.len(), b.complexes.len());
        for (x, y) in a.complexes.iter().zip(&b.complexes) {
            prop_assert_eq!(&x.members, &y.members);
            prop_assert_eq!(&x.metrics, &y.metrics);
        }
        prop_assert_eq!(a.insulators, b.insulators);
        prop_assert_eq!(a.unstructured, b.unstructured);
    }
}
