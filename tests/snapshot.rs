//! Snapshots: aggregation of net weight, interdependence and provenance; derivation rules.

use rsct::Provenance;
use rsct::SnapshotError;
use rsct::{
    Dataset, DerivationRules, Evidence, Instrument, InstrumentFilter, Membership, MembershipTie,
    Organisation, OrganisationKind, Period, Relation, Role, Sector, SectorSet, Sign, SignedWeight,
    Unit, UnitKind,
};

fn ev(t: &str, l: &str) -> Evidence {
    Evidence::cited(t, l).unwrap()
}

/// Russia, Armenia, Azerbaijan, Nagorno-Karabakh; a CST; relations of both signs.
fn dataset() -> Dataset {
    let rel = |a, b, s, i: f64, p| Relation::builder(a, b, s, p).intensity(i);
    Dataset::builder()
        .unit(Unit::state("RUS", "Russia").unwrap())
        .unit(
            Unit::state("ARM", "Armenia")
                .unwrap()
                .with_period(Period::from_year(1991)),
        )
        .unit(
            Unit::state("AZE", "Azerbaijan")
                .unwrap()
                .with_period(Period::from_year(1991)),
        )
        .unit(
            Unit::new("NKR", "Nagorno-Karabakh", UnitKind::SubState)
                .unwrap()
                .with_period(Period::from_year(1991)),
        )
        .organisation(
            Organisation::new(
                "CST",
                "Collective Security Treaty",
                OrganisationKind::CollectiveDefence,
            )
            .unwrap(),
        )
        .membership(
            Membership::new(
                "CST",
                "RUS",
                Role::Member,
                Period::from_year(1992),
                vec![ev("RUS signed", "§3.2")],
            )
            .unwrap(),
        )
        .membership(
            Membership::new(
                "CST",
                "ARM",
                Role::Member,
                Period::from_year(1992),
                vec![ev("ARM signed", "§3.2")],
            )
            .unwrap(),
        )
        .membership(
            Membership::new(
                "CST",
                "AZE",
                Role::Member,
                Period::between(1993, 1999).unwrap(),
                vec![ev("AZE signed, left 1999", "§3.2")],
            )
            .unwrap(),
        )
        .relation(
            rel("RUS", "ARM", Sign::Amity, 0.8, Period::from_year(1995))
                .id("bases")
                .sector(Sector::Military)
                .evidence(ev("bases", "§2.3, fn 89"))
                .build()
                .unwrap(),
        )
        .relation(
            rel("RUS", "ARM", Sign::Enmity, 0.3, Period::year(2006))
                .id("gas")
                .sector(Sector::Economic)
                .evidence(ev("gas price doubled", "§2.3"))
                .build()
                .unwrap(),
        )
        .relation(
            rel(
                "ARM",
                "AZE",
                Sign::Enmity,
                1.0,
                Period::between(1991, 1994).unwrap(),
            )
            .id("war")
            .sector(Sector::Military)
            .sector(Sector::Political)
            .evidence(ev("war", "§2.3"))
            .build()
            .unwrap(),
        )
        .relation(
            rel("ARM", "NKR", Sign::Amity, 0.8, Period::from_year(1991))
                .id("nkr")
                .sector(Sector::Military)
                .via("CST")
                .evidence(ev("support", "§2.3"))
                .build()
                .unwrap(),
        )
        .build()
        .unwrap()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-12
}

#[test]
fn aggregation_of_net_weight_interdependence_and_sectors() {
    let ds = dataset();
    // One scale (the default): per sector the strongest amity and enmity; the tie is its
    // strongest sector. Military max(bases 0.8, CST 0.5) = 0.8, economic −0.3.
    let one = ds.snapshot(2006, &DerivationRules::new()).unwrap();
    let t = one.tie("ARM", "RUS").unwrap();
    assert!(close(t.net(), 0.5), "{}", t.net());
    assert!(close(t.interdependence(), 1.1));
    assert!(close(t.sector_net(Sector::Military), 0.8));
    assert!(close(t.sector_net(Sector::Economic), -0.3));
    assert_eq!(t.contributions().len(), 3);
    // Summed (the rules before one scale).
    let g = ds
        .snapshot(2006, &DerivationRules::new().summing())
        .unwrap();
    assert_eq!(g.year(), 2006);
    assert_eq!(g.unit_count(), 4);
    let t = g.tie("ARM", "RUS").unwrap();
    // bases +0.8, gas −0.3, CST co-membership +0.5.
    assert!(close(t.net(), 1.0), "{}", t.net());
    assert!(close(t.interdependence(), 1.6));
    assert!(close(t.sector_net(Sector::Military), 1.3));
    assert!(close(t.sector_net(Sector::Economic), -0.3));
    assert!(close(t.sector_interdependence(Sector::Economic), 0.3));
    assert_eq!(t.sign(), Some(Sign::Amity));
    let prov: Vec<_> = t
        .contributions()
        .iter()
        .map(|c| c.provenance().clone())
        .collect();
    assert_eq!(
        prov,
        vec![
            Provenance::Relation {
                index: 0,
                id: Some("bases".into()),
                layer: None
            },
            Provenance::Relation {
                index: 1,
                id: Some("gas".into()),
                layer: None
            },
            Provenance::Membership {
                organisation: "CST".into(),
                memberships: [0, 1],
                layers: None
            },
        ]
    );
    let cst = &t.contributions()[2];
    let texts: Vec<&str> = cst.evidence().map(Evidence::text).collect();
    assert_eq!(texts, vec!["RUS signed", "ARM signed"]);
    assert_eq!(cst.instrument(), &Instrument::Organisation("CST".into()));
    // Azerbaijan left the CST in 1999 and the war ended in 1994: no tie in 2006.
    assert!(g.tie("ARM", "AZE").is_none());
}

#[test]
fn periods_are_inclusive_at_both_ends() {
    let ds = dataset();
    let rules = DerivationRules::new().summing();
    assert!(
        ds.snapshot(1994, &rules)
            .unwrap()
            .tie("ARM", "AZE")
            .is_some()
    );
    let g1999 = ds.snapshot(1999, &rules).unwrap();
    assert!(close(g1999.tie("ARM", "AZE").unwrap().net(), 0.5)); // still CST co-members
    // One scale: the CST has three members in 1999, so each pair weighs 0.5 / 2.
    let one = ds.snapshot(1999, &DerivationRules::new()).unwrap();
    assert!(close(one.tie("ARM", "AZE").unwrap().net(), 0.25));
    assert!(
        ds.snapshot(2000, &rules)
            .unwrap()
            .tie("ARM", "AZE")
            .is_none()
    );
    // Before the first relation or membership the data set says nothing: an error, not an
    // empty graph that would pass for balanced.
    let e = ds.snapshot(1990, &rules).unwrap_err();
    assert!(
        matches!(
            e,
            rsct::SnapshotError::OutsideYears {
                year: 1990,
                first: 1991,
                ..
            }
        ),
        "{e:?}"
    );
}

#[test]
fn derivation_rules_on_off_and_overrides() {
    let ds = dataset();
    let off = ds
        .snapshot(
            2006,
            &DerivationRules::new().summing().without_memberships(),
        )
        .unwrap();
    assert!(close(off.tie("RUS", "ARM").unwrap().net(), 0.5));
    assert_eq!(off.tie("RUS", "ARM").unwrap().contributions().len(), 2);
    let strong = MembershipTie::new(Sign::Amity, 0.9, SectorSet::of(Sector::Military)).unwrap();
    let g = ds
        .snapshot(
            2006,
            &DerivationRules::new()
                .summing()
                .organisation_tie("CST", strong),
        )
        .unwrap();
    assert!(close(g.tie("RUS", "ARM").unwrap().net(), 1.4));
    let g = ds
        .snapshot(
            2006,
            &DerivationRules::new()
                .summing()
                .no_kind_tie(OrganisationKind::CollectiveDefence),
        )
        .unwrap();
    assert!(close(g.tie("RUS", "ARM").unwrap().net(), 0.5));
    let e = ds
        .snapshot(2006, &DerivationRules::new().no_organisation_tie("NATO"))
        .unwrap_err();
    assert_eq!(
        e,
        SnapshotError::UnknownOrganisation {
            organisation: "NATO".into()
        }
    );
    assert!(MembershipTie::new(Sign::Amity, f64::NAN, SectorSet::all()).is_err());
    assert!(MembershipTie::new(Sign::Amity, 0.5, SectorSet::empty()).is_err());
}

#[test]
fn filters_by_sector_instrument_and_unit_kind() {
    let ds = dataset();
    let econ = ds
        .snapshot(
            2006,
            &DerivationRules::new().sectors(SectorSet::of(Sector::Economic)),
        )
        .unwrap();
    let t = econ.tie("RUS", "ARM").unwrap();
    assert!(close(t.net(), -0.3));
    assert_eq!(t.sign(), Some(Sign::Enmity));
    assert!(econ.tie("ARM", "NKR").is_none());
    let bilateral = ds
        .snapshot(
            2006,
            &DerivationRules::new().instruments(InstrumentFilter::Bilateral),
        )
        .unwrap();
    assert!(close(bilateral.tie("RUS", "ARM").unwrap().net(), 0.5));
    assert!(bilateral.tie("ARM", "NKR").is_none());
    let multi = ds
        .snapshot(
            2006,
            &DerivationRules::new().instruments(InstrumentFilter::Multilateral),
        )
        .unwrap();
    assert!(close(multi.tie("RUS", "ARM").unwrap().net(), 0.5));
    assert!(multi.tie("ARM", "NKR").is_some());
    let states = ds
        .snapshot(2006, &DerivationRules::new().unit_kinds(&[UnitKind::State]))
        .unwrap();
    assert_eq!(states.unit_count(), 3);
    assert!(states.node("NKR").is_none());
}

#[test]
fn zero_net_ties_keep_interdependence_but_no_sign() {
    let ds = Dataset::builder()
        .unit(Unit::state("A", "A").unwrap())
        .unit(Unit::state("B", "B").unwrap())
        .relation(
            Relation::builder("A", "B", Sign::Amity, Period::from_year(2000))
                .intensity(0.4)
                .sector(Sector::Military)
                .evidence(ev("x", "1"))
                .build()
                .unwrap(),
        )
        .relation(
            Relation::builder("A", "B", Sign::Enmity, Period::from_year(2000))
                .intensity(0.4)
                .sector(Sector::Economic)
                .evidence(ev("y", "2"))
                .build()
                .unwrap(),
        )
        .build()
        .unwrap();
    let g = ds.snapshot(2001, &DerivationRules::new()).unwrap();
    let t = g.tie("A", "B").unwrap();
    assert_eq!(t.sign(), None);
    assert!(close(t.interdependence(), 0.8));
    let (sg, neutral) = g.to_signed_graph();
    assert_eq!((sg.node_count(), sg.edge_count(), neutral), (2, 0, 1));
}

#[test]
fn deterministic_and_serialisable() {
    let ds = dataset();
    let rules = DerivationRules::new().summing();
    let a = serde_json::to_string(&ds.snapshot(1993, &rules).unwrap()).unwrap();
    let b = serde_json::to_string(&ds.snapshot(1993, &rules).unwrap()).unwrap();
    assert_eq!(a, b);
    let v: serde_json::Value = serde_json::from_str(&a).unwrap();
    assert_eq!(v["year"], 1993);
    assert_eq!(v["units"].as_array().unwrap().len(), 4);
    let ties = v["ties"].as_array().unwrap();
    let war = ties
        .iter()
        .find(|t| t["a"] == "ARM" && t["b"] == "AZE")
        .unwrap();
    // War −1.0 and CST co-membership +0.5.
    assert!((war["net"].as_f64().unwrap() + 0.5).abs() < 1e-12);
    assert_eq!(war["sign"], "enmity");
    assert_eq!(war["contributions"][0]["evidence"][0]["locator"], "§2.3");
}

#[test]
fn borders_become_proximity_and_interdependence() {
    use rsct::boundary::{InterdependenceOptions, interdependence};
    use rsct::{Border, Contiguity};
    let ds = Dataset::builder()
        .unit(Unit::state("IND", "India").unwrap())
        .unit(Unit::state("PAK", "Pakistan").unwrap())
        .unit(Unit::state("LKA", "Sri Lanka").unwrap())
        .relation(
            Relation::builder("IND", "PAK", Sign::Enmity, Period::from_year(1947))
                .intensity(0.9)
                .sector(Sector::Military)
                .evidence(ev("Kashmir wars", "test"))
                .build()
                .unwrap(),
        )
        .border(
            Border::new(
                "IND",
                "PAK",
                Contiguity::Land,
                Period::from_year(1947),
                vec![ev("land border", "external: COW Direct Contiguity v3.2")],
            )
            .unwrap(),
        )
        .border(
            Border::new(
                "LKA",
                "IND",
                Contiguity::Sea24,
                Period::from_year(1948),
                vec![ev("Palk Strait", "external: COW Direct Contiguity v3.2")],
            )
            .unwrap(),
        )
        .build()
        .unwrap();
    let g = ds.snapshot(1950, &DerivationRules::new()).unwrap();
    assert_eq!(g.proximity("PAK", "IND"), Some(Contiguity::Land));
    assert_eq!(g.proximity("IND", "LKA"), Some(Contiguity::Sea24));
    assert_eq!(g.proximity("PAK", "LKA"), None);
    assert_eq!(g.proximities().len(), 2);
    assert_eq!(g.proximities()[1].border(), 1);
    // Proximity is not a tie: no tie between India and Sri Lanka.
    assert!(g.tie("IND", "LKA").is_none());
    // Before the Sri Lankan border holds.
    let g47 = ds.snapshot(1947, &DerivationRules::new()).unwrap();
    assert_eq!(g47.proximity("IND", "LKA"), None);
    // The rules can keep land borders only, or none.
    let land = ds
        .snapshot(
            1950,
            &DerivationRules::new().contiguity_up_to(Contiguity::Land),
        )
        .unwrap();
    assert_eq!(land.proximities().len(), 1);
    let none = ds
        .snapshot(1950, &DerivationRules::new().without_borders())
        .unwrap();
    assert!(none.proximities().is_empty());
    // The interdependence adds the proximity weight per bordering pair.
    let i = interdependence(&g, &InterdependenceOptions::new().proximity_weight(0.5)).unwrap();
    assert!((i.between("IND", "PAK").unwrap().total() - 1.4).abs() < 1e-12);
    assert!((i.between("IND", "LKA").unwrap().proximity - 0.5).abs() < 1e-12);
    // On by default, at the calibrated weight; weight 0 turns it off.
    let i2 = interdependence(&g, &InterdependenceOptions::new()).unwrap();
    let expected = rsct::boundary::DEFAULT_PROXIMITY_WEIGHT;
    assert!((i2.between("IND", "LKA").unwrap().proximity - expected).abs() < 1e-12);
    let i0 = interdependence(&g, &InterdependenceOptions::new().proximity_weight(0.0)).unwrap();
    assert!(i0.between("IND", "LKA").is_none());
    // Restriction keeps the proximities among the kept units.
    let r = g.restricted_to(&["IND", "LKA"]);
    assert_eq!(r.proximity("IND", "LKA"), Some(Contiguity::Sea24));
    assert_eq!(r.proximities().len(), 1);
    // JSON names the borders.
    let json = serde_json::to_value(&g).unwrap();
    assert_eq!(json["borders"][0]["contiguity"], "land");
}

/// Four CST members, the CSTO in the CST's family from 2002, an explicit RUS–BLR relation
/// via the CSTO, two military amity relations on RUS–ARM.
fn one_scale_dataset() -> Dataset {
    let org = |id: &str, name: &str| {
        Organisation::new(id, name, OrganisationKind::CollectiveDefence).unwrap()
    };
    let mut b = Dataset::builder()
        .organisation(org("CST", "Collective Security Treaty"))
        .organisation(org("CSTO", "Collective Security Treaty Organization").in_family("CST"));
    for u in ["RUS", "ARM", "BLR", "KAZ"] {
        b = b.unit(Unit::state(u, u).unwrap());
        b = b.membership(
            Membership::new(
                "CST",
                u,
                Role::Member,
                Period::from_year(1992),
                vec![ev("signed", "t")],
            )
            .unwrap(),
        );
        b = b.membership(
            Membership::new(
                "CSTO",
                u,
                Role::Member,
                Period::from_year(2002),
                vec![ev("signed", "t")],
            )
            .unwrap(),
        );
    }
    let rel = |a, b, i: f64, sector, id: &str| {
        Relation::builder(a, b, Sign::Amity, Period::from_year(1995))
            .id(id)
            .intensity(i)
            .sector(sector)
            .evidence(ev(id, "t"))
    };
    b.relation(
        rel("RUS", "ARM", 0.8, Sector::Military, "bases")
            .build()
            .unwrap(),
    )
    .relation(
        rel("RUS", "ARM", 0.6, Sector::Military, "guards")
            .build()
            .unwrap(),
    )
    .relation(
        rel("RUS", "ARM", 0.4, Sector::Economic, "trade")
            .build()
            .unwrap(),
    )
    .relation(
        rel("RUS", "BLR", 0.9, Sector::Military, "air-defence")
            .via("CSTO")
            .build()
            .unwrap(),
    )
    .build()
    .unwrap()
}

#[test]
fn one_scale_by_default() {
    use rsct::{Combination, ExplicitRule, FamilyRule, MembershipWeight};
    let ds = one_scale_dataset();
    let g = ds.snapshot(2005, &DerivationRules::new()).unwrap();
    // RUS–ARM: military max(0.8, 0.6, CST 0.5 / 3) = 0.8, economic 0.4; the tie is its
    // strongest sector: amity 0.8.
    let t = g.tie("RUS", "ARM").unwrap();
    assert!(close(t.sector_net(Sector::Military), 0.8));
    assert!(close(t.sector_net(Sector::Economic), 0.4));
    assert!(close(t.amity(), 0.8) && close(t.enmity(), 0.0));
    assert!(close(t.net(), 0.8) && close(t.interdependence(), 0.8));
    // Co-membership of four: 0.5 / 3 per pair, once for the CST family (CST and CSTO).
    let t = g.tie("ARM", "KAZ").unwrap();
    assert_eq!(t.contributions().len(), 1);
    assert!(close(t.net(), 0.5 / 3.0));
    assert!(matches!(
        t.contributions()[0].provenance(),
        Provenance::Membership { organisation, .. } if organisation == "CST"
    ));
    // RUS–BLR has an explicit relation via the CSTO: no derived tie beside it.
    let t = g.tie("RUS", "BLR").unwrap();
    assert_eq!(t.contributions().len(), 1);
    assert!(close(t.net(), 0.9));
    // Before 2002 there is no CSTO; before 1995 no explicit relation: RUS–BLR derived.
    let g94 = ds.snapshot(1994, &DerivationRules::new()).unwrap();
    assert!(close(g94.tie("RUS", "BLR").unwrap().net(), 0.5 / 3.0));

    // Each setting on its own.
    let sum = DerivationRules::new().combination(Combination::Sum);
    let t = ds.snapshot(2005, &sum).unwrap();
    let t = t.tie("RUS", "ARM").unwrap();
    assert!(close(t.net(), 0.8 + 0.6 + 0.4 + 0.5 / 3.0));
    assert!(close(t.sector_net(Sector::Military), 0.8 + 0.6 + 0.5 / 3.0));
    let full = DerivationRules::new().membership_weight(MembershipWeight::Full);
    assert!(close(
        ds.snapshot(2005, &full)
            .unwrap()
            .tie("ARM", "KAZ")
            .unwrap()
            .net(),
        0.5
    ));
    let each = DerivationRules::new().families(FamilyRule::Each);
    let g = ds.snapshot(2005, &each).unwrap();
    assert_eq!(g.tie("ARM", "KAZ").unwrap().contributions().len(), 2);
    assert!(close(g.tie("ARM", "KAZ").unwrap().net(), 0.5 / 3.0));
    let adds = DerivationRules::new().explicit_relations(ExplicitRule::Adds);
    let g = ds.snapshot(2005, &adds).unwrap();
    // The CST family's tie (CSTO and CST alike) is back beside the explicit relation.
    assert_eq!(g.tie("RUS", "BLR").unwrap().contributions().len(), 2);
    // The rules before one scale.
    let old = DerivationRules::new().summing();
    let g = ds.snapshot(2005, &old).unwrap();
    assert!(close(g.tie("ARM", "KAZ").unwrap().net(), 1.0));
    assert!(close(g.tie("RUS", "BLR").unwrap().net(), 0.9 + 1.0));
    assert_eq!(old.get_combination(), Combination::Sum);
    // The interdependence takes the tie's combined amity and enmity.
    let i = rsct::boundary::interdependence(
        &ds.snapshot(2005, &DerivationRules::new()).unwrap(),
        &rsct::boundary::InterdependenceOptions::new(),
    )
    .unwrap();
    assert!(close(i.between("RUS", "ARM").unwrap().amity, 0.8));
}

#[test]
fn a_family_must_name_an_organisation() {
    let text = r#"
schema_version = 1
[[organisations]]
id = "CSTO"
name = "Collective Security Treaty Organization"
kind = "collective_defence"
family = "CST"
"#;
    let err = Dataset::from_toml_str(text).unwrap_err();
    assert_eq!(
        err.issues(),
        [rsct::Issue::UnknownOrganisation {
            item: rsct::Item::Organisation {
                index: 0,
                id: "CSTO".into()
            },
            organisation: "CST".into()
        }]
    );
    let ok = text.replace("family = \"CST\"\n", "family = \"CSTO\"\n");
    let ds = Dataset::from_toml_str(&ok).unwrap();
    assert_eq!(ds.organisations()[0].family(), "CSTO");
    assert!(ds.to_toml_string().unwrap().contains("family = \"CSTO\""));
}
