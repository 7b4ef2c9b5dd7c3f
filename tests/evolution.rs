//! Evolution: a hand-made data set with one event of each kind, and properties.

use proptest::prelude::*;
use rsct::boundary::BoundaryOptions;
use rsct::evolution::{
    Cause, EvolutionOptions, Transformation, compare, membership_timeline, series, year_state,
};
use rsct::polarity::{Classification, PowerClass};
use rsct::strategies::{RegionParams, planted_regions};
use rsct::{
    Dataset, Evidence, Membership, Organisation, OrganisationKind, Period, Relation, Role, Sector,
    Sign, Unit,
};

fn rel(a: &str, b: &str, s: Sign, p: Period, sector: Sector, why: &str) -> Relation {
    Relation::builder(a, b, s, p)
        .intensity(1.0)
        .sector(sector)
        .evidence(Evidence::new(why).unwrap())
        .build()
        .unwrap()
}

fn y(a: i32, b: i32) -> Period {
    Period::between(a, b).unwrap()
}

/// 2000: A = {A1, A2, A3} a security community, B = {B1, B2, B3}.
/// 2001: the A1–A2 tie turns to enmity (internal). 2002: N joins A (external).
/// 2003: the superpower S engages B heavily (overlay).
fn three_acts() -> Dataset {
    let mut b = Dataset::builder();
    for id in ["A1", "A2", "A3", "B1", "B2", "B3", "N", "S"] {
        b = b.unit(Unit::state(id, id).unwrap());
    }
    let mut rels = vec![
        rel(
            "A1",
            "A2",
            Sign::Amity,
            y(2000, 2000),
            Sector::Military,
            "A1 and A2 allied",
        ),
        rel(
            "A1",
            "A2",
            Sign::Enmity,
            Period::from_year(2001),
            Sector::Military,
            "A1 and A2 fall out",
        ),
        Relation::builder("A2", "A3", Sign::Amity, Period::from_year(2000))
            .intensity(0.8)
            .sector(Sector::Military)
            .evidence(Evidence::new("x").unwrap())
            .build()
            .unwrap(),
        Relation::builder("A1", "A3", Sign::Amity, Period::from_year(2000))
            .intensity(0.8)
            .sector(Sector::Military)
            .evidence(Evidence::new("x").unwrap())
            .build()
            .unwrap(),
        rel(
            "B1",
            "B2",
            Sign::Amity,
            Period::from_year(2000),
            Sector::Military,
            "b",
        ),
        rel(
            "B2",
            "B3",
            Sign::Amity,
            Period::from_year(2000),
            Sector::Military,
            "b",
        ),
        rel(
            "B1",
            "B3",
            Sign::Amity,
            Period::from_year(2000),
            Sector::Military,
            "b",
        ),
        rel(
            "N",
            "A1",
            Sign::Amity,
            Period::from_year(2002),
            Sector::Military,
            "N allies with A1",
        ),
        rel(
            "N",
            "A2",
            Sign::Amity,
            Period::from_year(2002),
            Sector::Military,
            "N allies with A2",
        ),
    ];
    for m in ["B1", "B2", "B3"] {
        for s in [Sector::Military, Sector::Political, Sector::Economic] {
            rels.push(rel(
                "S",
                m,
                Sign::Amity,
                Period::from_year(2003),
                s,
                "S moves in",
            ));
        }
    }
    b.relations(rels)
        .organisation(Organisation::new("PACT", "A pact", OrganisationKind::Forum).unwrap())
        .membership(
            Membership::new(
                "PACT",
                "N",
                Role::Member,
                Period::from_year(2002),
                vec![Evidence::new("N joins the pact").unwrap()],
            )
            .unwrap(),
        )
        .build()
        .unwrap()
}

fn options() -> EvolutionOptions {
    // S moves in with one relation per sector to each B member: summed (not one scale's
    // maximum per sector), its ties weigh 3 each, 60 % of B's interdependence.
    EvolutionOptions::new()
        .rules(rsct::DerivationRules::new().combination(rsct::Combination::Sum))
        .boundary(
            BoundaryOptions::new()
                .classes(Classification::new().with_override("S", PowerClass::Superpower))
                // S stands for an outside superpower: set apart entirely, so that its ties
                // with B are overlay rather than membership of its home region.
                .without_rule(rsct::boundary::FormationRule::GlobalHome),
        )
}

#[test]
fn one_event_of_each_kind() {
    let ds = three_acts();
    let s = series(&ds, 2000, 2003, &options()).unwrap();
    let at = |from: i32, name_part: &str| {
        s.events
            .iter()
            .find(|e| e.from == from && e.complex.contains(name_part))
            .unwrap_or_else(|| panic!("no event from {from} for {name_part}: {:#?}", s.events))
    };
    let names: Vec<String> = s.years[0]
        .complexes
        .iter()
        .map(|c| c.name.clone())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
    let (na, nb) = (&names[0], &names[1]);
    // 2000 → 2001: internal in A, naming the tie; status quo in B.
    let e = at(2000, na);
    assert_eq!(e.transformation, Transformation::Internal);
    assert!(e.changes.iter().any(|c| c.starts_with("character")), "{e}");
    assert!(
        e.causes.iter().any(
            |c| matches!(c, Cause::Tie { a, b, before: Some(p), after: Some(q), .. }
        if a == "A1" && b == "A2" && *p > 0.0 && *q < 0.0)
        ),
        "{e}"
    );
    assert_eq!(at(2000, nb).transformation, Transformation::StatusQuo);
    // 2001 → 2002: N joins A, with its ties and its membership as causes.
    let e = at(2001, na);
    assert_eq!(
        e.transformation,
        Transformation::External {
            joined: vec!["N".into()],
            left: vec![]
        }
    );
    assert!(e.causes.contains(&Cause::Joined { unit: "N".into() }));
    assert!(
        e.causes
            .iter()
            .any(|c| matches!(c, Cause::Tie { a, b, before: None, .. } if a == "A1" && b == "N")),
        "{e}"
    );
    assert!(e.causes.contains(&Cause::Membership {
        organisation: "PACT".into(),
        unit: "N".into(),
        began: true
    }));
    // 2002 → 2003: B overlaid by S.
    match at(2002, nb).transformation {
        Transformation::Overlay { outside_share } => {
            assert!((outside_share - 0.6).abs() < 1e-9, "{outside_share}")
        }
        ref other => panic!("{other:?}"),
    }
    assert_eq!(at(2002, na).transformation, Transformation::StatusQuo);
    // Printable.
    assert!(s.events.iter().all(|e| !e.to_string().is_empty()));
}

/// Two triangles with a weak link in 2000; from 2001 every cross pair is tied too (one
/// clique); from 2002 the cross ties are gone again.
fn fusion() -> Dataset {
    let mut rels = Vec::new();
    for (a, b) in [
        ("A1", "A2"),
        ("A2", "A3"),
        ("A1", "A3"),
        ("B1", "B2"),
        ("B2", "B3"),
        ("B1", "B3"),
    ] {
        rels.push(rel(
            a,
            b,
            Sign::Amity,
            Period::from_year(2000),
            Sector::Military,
            "old ties",
        ));
    }
    rels.push(
        Relation::builder("A1", "B1", Sign::Amity, y(2000, 2000))
            .intensity(0.1)
            .sector(Sector::Political)
            .evidence(Evidence::new("weak link").unwrap())
            .build()
            .unwrap(),
    );
    for a in ["A1", "A2", "A3"] {
        for b in ["B1", "B2", "B3"] {
            rels.push(rel(
                a,
                b,
                Sign::Amity,
                y(2001, 2001),
                Sector::Military,
                "fusion",
            ));
        }
    }
    Dataset::builder()
        .units(["A1", "A2", "A3", "B1", "B2", "B3"].map(|u| Unit::state(u, u).unwrap()))
        .relations(rels)
        .build()
        .unwrap()
}

#[test]
fn merger_and_split() {
    let s = series(&fusion(), 2000, 2002, &EvolutionOptions::new()).unwrap();
    assert_eq!(s.years[1].complexes.len(), 1, "{:?}", s.years[1].complexes);
    let merged = s.events.iter().find(|e| e.from == 2000).unwrap();
    match &merged.transformation {
        Transformation::Merged { from } => assert_eq!(from.len(), 2),
        other => panic!("{other:?}"),
    }
    assert!(
        merged
            .causes
            .iter()
            .any(|c| matches!(c, Cause::Tie { a, b, before: None, .. } if a == "A2" && b == "B3")),
        "{merged}"
    );
    let split = s.events.iter().find(|e| e.from == 2001).unwrap();
    match &split.transformation {
        Transformation::Split { into } => assert_eq!(into.len(), 2),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_to_b_to_a_returns_to_the_same_state() {
    // A1–A2 amity in 2000, enmity in 2001, amity again in 2002.
    let ds = Dataset::builder()
        .units(["A1", "A2", "A3"].map(|u| Unit::state(u, u).unwrap()))
        .relations([
            rel(
                "A1",
                "A2",
                Sign::Amity,
                y(2000, 2000),
                Sector::Military,
                "a",
            ),
            rel(
                "A1",
                "A2",
                Sign::Enmity,
                y(2001, 2001),
                Sector::Military,
                "b",
            ),
            rel(
                "A1",
                "A2",
                Sign::Amity,
                y(2002, 2002),
                Sector::Military,
                "c",
            ),
            rel(
                "A2",
                "A3",
                Sign::Amity,
                Period::from_year(2000),
                Sector::Military,
                "d",
            ),
            rel(
                "A1",
                "A3",
                Sign::Amity,
                Period::from_year(2000),
                Sector::Military,
                "e",
            ),
        ])
        .build()
        .unwrap();
    let o = EvolutionOptions::new();
    let (s0, s1, s2) = (
        year_state(&ds, 2000, &o).unwrap(),
        year_state(&ds, 2001, &o).unwrap(),
        year_state(&ds, 2002, &o).unwrap(),
    );
    assert_eq!(s0.complexes, s2.complexes);
    assert!(
        compare(&s0, &s2, &o)
            .iter()
            .all(|e| e.transformation == Transformation::StatusQuo)
    );
    assert!(
        compare(&s0, &s1, &o)
            .iter()
            .any(|e| e.transformation == Transformation::Internal)
    );
    assert!(
        compare(&s1, &s2, &o)
            .iter()
            .any(|e| e.transformation == Transformation::Internal)
    );
}

#[test]
fn membership_timeline_is_grouped_and_sorted() {
    let t = membership_timeline(&three_acts());
    assert_eq!(t.len(), 1);
    assert_eq!(
        (
            t[0].organisation.as_str(),
            t[0].unit.as_str(),
            t[0].period.start()
        ),
        ("PACT", "N", 2002)
    );
}

proptest! {
    #[test]
    fn identical_states_are_status_quo(p in planted_regions(RegionParams::new())) {
        let o = EvolutionOptions::new();
        let s = year_state(&p.dataset, 2001, &o).unwrap();
        for e in compare(&s, &s, &o) {
            prop_assert_eq!(e.transformation, Transformation::StatusQuo);
        }
        // A series over years with no change has only status-quo events.
        let ser = series(&p.dataset, 2001, 2003, &o).unwrap();
        prop_assert!(ser.events.iter().all(|e| e.transformation == Transformation::StatusQuo));
    }

    #[test]
    fn adding_a_member_is_an_external_transformation_naming_it(p in planted_regions(RegionParams::new().inside_density(0.9).across_density(0.0).insulators(0..=0).outside_powers(0..=0))) {
        // A new unit tied strongly to every member of region 0 from 2002.
        let region = &p.regions[0];
        let rels = region.iter().map(|u| rel("NEW", u, Sign::Amity, Period::from_year(2002), Sector::Military, "joins"));
        let ds = Dataset::builder()
            .units(p.dataset.units().iter().cloned())
            .unit(Unit::state("NEW", "New").unwrap())
            .relations(p.dataset.relations().iter().cloned())
            .relations(rels)
            .build()
            .unwrap();
        let o = EvolutionOptions::new();
        let events = compare(&year_state(&ds, 2001, &o).unwrap(), &year_state(&ds, 2002, &o).unwrap(), &o);
        let joined = events.iter().any(|e| matches!(&e.transformation, Transformation::External { joined, .. } if joined == &vec!["NEW".to_owned()]));
        prop_assert!(joined, "{:#?}", events);
    }

    #[test]
    fn results_do_not_depend_on_unit_order(p in planted_regions(RegionParams::new().inside_density(0.9).across_density(0.02)), rot in 1usize..40) {
        let mut units = p.dataset.units().to_vec();
        let k = rot % units.len();
        units.rotate_left(k);
        let moved = Dataset::builder().units(units).relations(p.dataset.relations().iter().cloned()).build().unwrap();
        let o = EvolutionOptions::new();
        let a = year_state(&p.dataset, 2001, &o).unwrap();
        let b = year_state(&moved, 2001, &o).unwrap();
        prop_assert_eq!(&a.complexes.iter().map(|c| c.members.clone()).collect::<Vec<_>>(), &b.complexes.iter().map(|c| c.members.clone()).collect::<Vec<_>>());
        prop_assert_eq!(a.ties.keys().collect::<Vec<_>>(), b.ties.keys().collect::<Vec<_>>());
    }
}

/// A lineage is named as it stands at the end: in the last year of a series every complex
/// carries the name the year's own analysis gives it, and a complex keeps one name in every
/// year of its lineage (so a complex its namesake left is not named after it ever after).
#[test]
fn lineages_are_named_as_they_end() {
    let ds = rsct::datasets::post_soviet().unwrap();
    let o = EvolutionOptions::new()
        .boundary(BoundaryOptions::new().classes(Classification::buzan_waever_post_1990()));
    let s = series(&ds, 1991, 2013, &o).unwrap();
    let last = s.years.last().unwrap();
    let own = year_state(&ds, 2013, &o).unwrap();
    let names = |y: &rsct::evolution::YearState| -> Vec<String> {
        y.complexes.iter().map(|c| c.name.clone()).collect()
    };
    assert_eq!(names(last), names(&own));
    // Every name that is not the last year's ends in the year its lineage was last seen.
    for (k, y) in s.years.iter().enumerate() {
        for c in &y.complexes {
            if let Some(until) = c.name.split(" (until ").nth(1) {
                let year: i32 = until.trim_end_matches(')').parse().unwrap();
                assert!(year >= y.year, "{} in {}", c.name, y.year);
                let seen_later = s.years[k + 1..]
                    .iter()
                    .any(|z| z.year > year && z.complexes.iter().any(|d| d.name == c.name));
                assert!(!seen_later, "{} seen after {year}", c.name);
            } else {
                assert!(!c.name.contains("(from"), "{}", c.name);
            }
        }
    }
}

/// 2000–2003: A = {A1, A2, A3, A4} allied and in the forum ORG, B = {B1, B2, B3}. 2001: war
/// between A1 and A2 (military enmity 1.0); 2002: peace again, and A4 leaves ORG.
fn war_and_exit() -> Dataset {
    let mut b = Dataset::builder();
    for id in ["A1", "A2", "A3", "A4", "B1", "B2", "B3"] {
        b = b.unit(Unit::state(id, id).unwrap());
    }
    let mut rels = Vec::new();
    for (p, q) in [
        ("A1", "A3"),
        ("A1", "A4"),
        ("A2", "A3"),
        ("A2", "A4"),
        ("A3", "A4"),
    ] {
        rels.push(rel(
            p,
            q,
            Sign::Amity,
            y(2000, 2003),
            Sector::Military,
            "allied",
        ));
    }
    rels.push(rel(
        "A1",
        "A2",
        Sign::Amity,
        y(2000, 2000),
        Sector::Military,
        "allied",
    ));
    rels.push(rel(
        "A1",
        "A2",
        Sign::Enmity,
        y(2001, 2001),
        Sector::Military,
        "war",
    ));
    rels.push(rel(
        "A1",
        "A2",
        Sign::Amity,
        y(2002, 2003),
        Sector::Military,
        "peace",
    ));
    for (p, q) in [("B1", "B2"), ("B2", "B3"), ("B1", "B3")] {
        rels.push(rel(p, q, Sign::Amity, y(2000, 2003), Sector::Military, "b"));
    }
    let member = |u: &str, p: Period| {
        Membership::new(
            "ORG",
            u,
            Role::Member,
            p,
            vec![Evidence::new("member").unwrap()],
        )
        .unwrap()
    };
    b.relations(rels)
        .organisation(Organisation::new("ORG", "A forum", OrganisationKind::Forum).unwrap())
        .membership(member("A1", y(2000, 2003)))
        .membership(member("A2", y(2000, 2003)))
        .membership(member("A3", y(2000, 2003)))
        .membership(member("A4", y(2000, 2001)))
        .build()
        .unwrap()
}

/// A war between two members and a member's exit from the complex's core organisation are
/// internal transformations (Buzan & Wæver's essential structure: the pattern of amity and
/// enmity among the members), named among the changes with the pair or the organisation.
#[test]
fn war_and_exit_from_the_core_organisation_transform_a_complex() {
    let ds = war_and_exit();
    let s = series(&ds, 2000, 2002, &EvolutionOptions::new()).unwrap();
    let of = |unit: &str| {
        s.years[0]
            .complexes
            .iter()
            .find(|c| c.members.iter().any(|m| m == unit))
            .map(|c| c.name.clone())
            .unwrap()
    };
    let (a, b) = (of("A1"), of("B1"));
    assert_ne!(a, b);
    let event = |from: i32| {
        s.events
            .iter()
            .find(|e| e.from == from && e.complex == a)
            .unwrap_or_else(|| panic!("no event from {from}: {:#?}", s.events))
    };
    let war = event(2000);
    assert_eq!(war.transformation, Transformation::Internal, "{war}");
    assert!(
        war.changes
            .contains(&"war between members: A1–A2".to_owned()),
        "{war}"
    );
    let peace = event(2001);
    assert_eq!(peace.transformation, Transformation::Internal, "{peace}");
    assert!(
        peace
            .changes
            .contains(&"war ended between members: A1–A2".to_owned()),
        "{peace}"
    );
    assert!(
        peace
            .changes
            .contains(&"A4 left ORG, a core organisation".to_owned()),
        "{peace}"
    );
    // B saw none of it.
    assert!(
        s.events.iter().filter(|e| e.complex == b).all(|e| !e
            .changes
            .iter()
            .any(|c| c.contains("war") || c.contains("ORG"))),
        "{:#?}",
        s.events
    );
}
