//! Evolution: no change is the status quo, and going there and back returns.

use proptest::prelude::*;
use rsct::evolution::{EvolutionOptions, Transformation, compare, year_state};
use rsct::strategies::{RegionParams, planted_regions};
use rsct::{Dataset, Evidence, Period, Relation, Sector, Sign, Unit};

proptest! {
    /// **A → B → A returns to the status quo** (Buzan & Wæver 2003, p. 53: the four
    /// outcomes of evolution are defined by change, so a reversed change is undone): a unit
    /// joins a region (A → B, an external transformation naming it) and leaves again
    /// (B → A, the inverse transformation); comparing A with A is the status quo. The
    /// region must be one complex in A for X to join it: a sparse planted region can
    /// divide by the definition (a ring of five with enemies inside may hold two parts that
    /// each pass the weak test), and X then merges the two (the case of
    /// tests/proptest-regressions/evolution.txt found at 200,000 cases), which is another
    /// transformation.
    #[test]
    fn there_and_back_again(p in planted_regions(RegionParams::new().inside_density(0.9).across_density(0.0).insulators(0..=0).outside_powers(0..=0))) {
        let region = &p.regions[0];
        let joins = region.iter().map(|u| {
            Relation::builder("X", u, Sign::Amity, Period::year(2002))
                .intensity(1.0)
                .sector(Sector::Military)
                .evidence(Evidence::new("X allies with the region in 2002 only").unwrap())
                .build()
                .unwrap()
        });
        let ds = Dataset::builder()
            .units(p.dataset.units().iter().cloned())
            .unit(Unit::state("X", "X").unwrap())
            .relations(p.dataset.relations().iter().cloned())
            .relations(joins)
            .build()
            .unwrap();
        let o = EvolutionOptions::new();
        let (a, b, a2) = (year_state(&ds, 2001, &o).unwrap(), year_state(&ds, 2002, &o).unwrap(), year_state(&ds, 2003, &o).unwrap());
        prop_assume!(a.complexes.iter().any(|c| region.iter().all(|u| c.members.contains(u))));
        prop_assert_eq!(&a.complexes, &a2.complexes);
        let there = compare(&a, &b, &o);
        let back = compare(&b, &a2, &o);
        let joined = there.iter().any(|e| matches!(&e.transformation, Transformation::External { joined, left } if joined == &vec!["X".to_owned()] && left.is_empty()));
        let left = back.iter().any(|e| matches!(&e.transformation, Transformation::External { joined, left } if left == &vec!["X".to_owned()] && joined.is_empty()));
        prop_assert!(joined && left, "{:#?} / {:#?}", there, back);
        prop_assert!(compare(&a, &a2, &o).iter().all(|e| e.transformation == Transformation::StatusQuo));
    }
}
