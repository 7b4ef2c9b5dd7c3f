//! Boundaries follow interdependence, and interdependence ignores sign; planted hub
//! regions, insulators, buffers and nested sub-regions are recovered.

use proptest::prelude::*;
use rsct::boundary::{
    Alignment, BoundaryOptions, Character, FormationRule, Interdependence, InterdependenceGraph,
    InterdependenceOptions, Method, adjusted_rand_index, analyse, analyse_interdependence,
    analyse_interdependence_of_years, flips,
};
use rsct::polarity::{Classification, PowerClass};
use rsct::strategies::{
    PlantedStructure, RegionParams, planted_buffer, planted_dominant_hub, planted_hub_regions,
    planted_insulator, planted_nested, planted_regions,
};
use rsct::{Dataset, DerivationRules, Relation, UnitKind};

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

/// Labels of the planted regions' units by the complex found (units in no complex get a
/// group of their own), and the truth.
fn recovery(regions: &[Vec<String>], report: &rsct::boundary::BoundaryReport) -> f64 {
    let (mut truth, mut got) = (Vec::new(), Vec::new());
    for (r, reg) in regions.iter().enumerate() {
        for u in reg {
            truth.push(r);
            got.push(
                report
                    .complexes
                    .iter()
                    .position(|c| c.members.contains(u))
                    .unwrap_or(1000 + truth.len()),
            );
        }
    }
    adjusted_rand_index(&truth, &got).unwrap()
}

fn great_powers(p: &PlantedStructure) -> Classification {
    let mut c = Classification::new();
    for u in &p.great_powers {
        c = c.with_override(u, PowerClass::GreatPower);
    }
    c
}

proptest! {
    /// **A region around a dominant hub is one complex** (THEORY §3, "why not plain
    /// modularity"): members whose largest share of interdependence is with the hub stay in
    /// the hub's complex, and the hub's reach into other regions merges none of them; the hub
    /// is a member of its own region's complex and penetrates the others. With
    /// `FormationRule::Readmission` (off by default): without it, about one case in 20,000
    /// leaves hub members the first pass grouped with a neighbouring region in no complex
    /// (tests/boundary.rs, `a_hub_member_left_in_no_complex_joins_where_its_share_lies`).
    #[test]
    fn a_hub_region_is_recovered_whole(p in planted_hub_regions()) {
        let o = BoundaryOptions::new()
            .classes(great_powers(&p))
            .with_rule(FormationRule::Readmission);
        let r = analyse_interdependence(2000, &p.graph, &p.capabilities, &o).unwrap();
        let ari = recovery(&p.regions, &r);
        prop_assert!(ari >= 0.95, "ARI {ari}: {r}");
        let hub = r.global_powers.iter().find(|g| g.unit == "H0").unwrap();
        prop_assert!(hub.home.is_some());
    }

    /// **Durable complexes** (THEORY §3, durability): a span of years with the same ties,
    /// detected together (multislice candidates, coupling 8), gives every year the same
    /// complexes, each region recovered, and no flip. With `FormationRule::Readmission`
    /// (off by default), as `a_hub_region_is_recovered_whole`: without it, a 40,000-case run
    /// found hub members grouped with a side region in the first pass, then shed by it, left
    /// in no complex (the regression case kept in tests/proptest-regressions/boundary.txt).
    #[test]
    fn a_span_with_unchanged_ties_keeps_its_complexes(p in planted_hub_regions()) {
        let o = BoundaryOptions::new().classes(great_powers(&p)).interslice(8.0).with_rule(FormationRule::Readmission);
        let span: Vec<_> = (2000..2004).map(|y| (y, &p.graph, &p.capabilities)).collect();
        let rs = analyse_interdependence_of_years(&span, &o).unwrap();
        for r in &rs {
            prop_assert!(recovery(&p.regions, r) >= 0.95, "{r}");
            prop_assert_eq!(&r.complexes, &rs[0].complexes);
        }
        prop_assert!(flips(&rs, 3).is_empty());
    }

    /// **A one-year shift is noise** (THEORY §3, durability; `FormationRule::DurablePlaces`,
    /// on by default): in a span of five years with the same ties but in the middle one,
    /// where a member of one region holds 60 % of its interdependence with the hub region's
    /// members, the member keeps at least half of its co-members in every year and no unit
    /// flips but those whose own ties changed that year (the hub region's members) — each
    /// year detected alone (no multislice coupling), so that the rule alone holds it. (Its region may be drawn whole into the hub's complex that year: a change
    /// of the region's, not of the member's place.)
    #[test]
    fn a_one_year_shift_is_noise(p in planted_hub_regions()) {
        let o = BoundaryOptions::new().classes(great_powers(&p));
        let g = &p.graph;
        let u = p.regions[1].last().unwrap().clone();
        let ui = g.position(&u).unwrap();
        let own: f64 = g
            .neighbours(ui)
            .filter(|(j, _)| p.regions[1].contains(&g.units()[*j]))
            .map(|(_, w)| w.total())
            .sum();
        let hub_region: Vec<usize> = p.regions[0]
            .iter()
            .filter(|m| *m != "H0")
            .map(|m| g.position(m).unwrap())
            .collect();
        let w = 1.5 * own / hub_region.len() as f64;
        let mut pairs = g.pairs().to_vec();
        for &j in &hub_region {
            let (a, b) = (ui.min(j), ui.max(j));
            match pairs.iter_mut().find(|x| (x.0.min(x.1), x.0.max(x.1)) == (a, b)) {
                Some(x) => x.2.amity += w,
                None => pairs.push((ui, j, Interdependence { amity: w, enmity: 0.0, proximity: 0.0 })),
            }
        }
        let units: Vec<(String, UnitKind)> =
            g.units().iter().map(|x| (x.clone(), UnitKind::State)).collect();
        let shifted = InterdependenceGraph::from_pairs(units, pairs).unwrap();
        let years = [g, g, &shifted, g, g];
        let span: Vec<_> = (2000..).zip(years).map(|(y, g)| (y, g, &p.capabilities)).collect();
        let rs = analyse_interdependence_of_years(&span, &o).unwrap();
        let with = |r: &rsct::boundary::BoundaryReport| {
            r.complexes
                .iter()
                .find(|c| c.members.contains(&u))
                .map(|c| c.members.clone())
                .unwrap_or_default()
        };
        // The property is about a member: the planted region may split where its own
        // enmities divide it, but the unit is in a complex in the first year.
        let first = with(&rs[0]);
        prop_assume!(first.len() >= 2);
        for r in &rs[1..] {
            let now = with(r);
            let kept = first.iter().filter(|m| **m != u && now.contains(m)).count();
            prop_assert!(2 * kept >= first.len() - 1, "{}", r);
        }
        // Nothing flips but units whose own ties changed that year: the hub region's
        // members, tied to the member that year (the member itself is held).
        let moved: Vec<_> = flips(&rs, 3)
            .into_iter()
            .filter(|f| !p.regions[0].contains(&f.unit))
            .collect();
        prop_assert!(moved.is_empty(), "{:?}", moved);
    }

    /// **A planted insulator is found** (THEORY §3): a unit whose ties spread evenly over two
    /// qualified complexes is an insulator, a member of neither, and both regions are
    /// recovered — with `FormationRule::BindingMember` too (the insulator holds neither
    /// region together).
    #[test]
    fn a_planted_insulator_is_found(p in planted_insulator()) {
        let binding = BoundaryOptions::new().with_rule(FormationRule::BindingMember);
        for o in [BoundaryOptions::new(), binding] {
            let r = analyse_interdependence(2000, &p.graph, &p.capabilities, &o).unwrap();
            prop_assert!(recovery(&p.regions, &r) >= 0.95, "{r}");
            let ins: Vec<&str> = r.insulators.iter().map(|i| i.unit.as_str()).collect();
            prop_assert_eq!(ins, vec!["I"]);
            prop_assert!((r.insulators[0].participation - 0.5).abs() < 1e-9);
            prop_assert!(r.complexes.iter().all(|c| !c.members.contains(&"I".to_owned())));
        }
    }

    /// **A buffer is defined by position, not alignment** (THEORY §3): a member bordering its
    /// complex's pole and the rival outside great power is a buffer although hostile to the
    /// outside power (alignment reported: aligned, opposed), and so not a hedging state.
    #[test]
    fn a_planted_buffer_is_found_whatever_its_alignment(p in planted_buffer()) {
        let o = BoundaryOptions::new().classes(great_powers(&p));
        let r = analyse_interdependence(2000, &p.graph, &p.capabilities, &o).unwrap();
        prop_assert!(recovery(&p.regions, &r) >= 0.95, "{r}");
        let (b, pole, rival) = p.buffer.clone().unwrap();
        let home = r.complexes.iter().find(|c| c.members.contains(&b)).unwrap();
        let found = home.buffers.iter().find(|x| x.unit == b).unwrap();
        let pair = [found.between.0.clone(), found.between.1.clone()];
        prop_assert!(pair.contains(&pole) && pair.contains(&rival), "{pair:?}");
        let align = if found.between.0 == pole { found.alignment } else { (found.alignment.1, found.alignment.0) };
        prop_assert_eq!(align, (Alignment::Aligned, Alignment::Opposed));
        prop_assert!(home.hedging.iter().all(|h| h.unit != b
            || !([h.between.0.clone(), h.between.1.clone()].contains(&rival))));
    }

    /// **Nested sub-regions** (THEORY §3, sub-complexes): two sub-regions tied to each other
    /// too strongly to be complexes apart (markedly more inside than outside only as a
    /// whole, `inside_ratio` 2) form one complex, in which the same criterion finds both as
    /// sub-complexes, each with its character.
    #[test]
    fn nested_subregions_are_subcomplexes(p in planted_nested()) {
        let o = BoundaryOptions::new().inside_ratio(2.0);
        let r = analyse_interdependence(2000, &p.graph, &p.capabilities, &o).unwrap();
        prop_assert!(recovery(&p.regions, &r) >= 0.95, "{r}");
        let c = r.complexes.iter().find(|c| c.members.contains(&p.subregions[0][0])).unwrap();
        let mut found: Vec<Vec<String>> = c.subcomplexes.clone();
        for s in &mut found { s.sort(); }
        found.sort();
        let mut planted = p.subregions.clone();
        for s in &mut planted { s.sort(); }
        planted.sort();
        prop_assert_eq!(found, planted);
        prop_assert_eq!(c.subcomplex_characters.len(), 2);
        prop_assert!(c.subcomplex_characters.iter().all(|ch| *ch == Some(Character::SecurityCommunity)));
    }
}

/// **Modularity alone splits a dominant hub's region** (THEORY §3, "why modularity alone
/// does not do"): over 200 seeded draws of [`planted_dominant_hub`] — a region around a hub
/// holding most of all interdependence beside a rival great power's region — the definition
/// recovers both regions every time, with each great power at home in its own; modularity's
/// partition taken as it is (Louvain at resolution 1) misses them in most draws (178 of 200).
#[test]
fn modularity_alone_splits_a_dominant_hubs_region() {
    use proptest::strategy::{Strategy, ValueTree};
    use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
    let mut runner = TestRunner::new_with_rng(
        Config::default(),
        TestRng::from_seed(RngAlgorithm::ChaCha, &[7; 32]),
    );
    let (mut missed, draws) = (0, 200);
    for _ in 0..draws {
        let p = planted_dominant_hub()
            .new_tree(&mut runner)
            .unwrap()
            .current();
        let o = BoundaryOptions::new().classes(great_powers(&p));
        let d = analyse_interdependence(2000, &p.graph, &p.capabilities, &o).unwrap();
        assert!(recovery(&p.regions, &d) >= 0.95, "{d}");
        for (hub, region) in [("H0", 0), ("H1", 1)] {
            let home = d.global_powers.iter().find(|g| g.unit == hub).unwrap();
            let c = d
                .complexes
                .iter()
                .find(|c| Some(&c.name) == home.home.as_ref())
                .unwrap();
            assert!(
                c.members.iter().all(|u| p.regions[region].contains(u)),
                "{d}"
            );
        }
        let m = analyse_interdependence(
            2000,
            &p.graph,
            &p.capabilities,
            &o.method(Method::Modularity),
        )
        .unwrap();
        if recovery(&p.regions, &m) < 0.95 {
            missed += 1;
        }
    }
    // 178 of 200 with this seed.
    assert!(
        missed * 2 > draws,
        "modularity missed only {missed} of {draws}"
    );
}
