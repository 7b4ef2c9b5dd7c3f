//! The world panel: yearly graphs and rows on fixtures, and the yearly census on the real
//! ATOP 5.1 + MID 5.0 files against `shared/anchors/panel_pandas.py`.

use rsct::Sign;
use rsct::io::cow::{self, ContiguityType, Obligation, Obligations, sources};
use rsct::panel::{
    Conflict, FrustrationColumns, Labels, PanelError, PanelFormat, PanelOptions, World, WorldRules,
};
use std::path::PathBuf;

mod common;

fn fixture(name: &str) -> PathBuf {
    common::fixture("cow", name)
}

fn fixture_world() -> World {
    let st = cow::read_states(fixture("states2016_head.csv")).unwrap();
    let atop = cow::read_atop(fixture("atop5.1_head.csv.gz"), Some(&st)).unwrap();
    let mid = cow::read_mid5(fixture("mid5_head.csv"), Some(&st)).unwrap();
    let cont = cow::read_contiguity(fixture("contdird_head.csv"), Some(&st)).unwrap();
    let riv = cow::read_rivalries(fixture("rivalries_head.csv"), None).unwrap();
    let nmc = cow::read_nmc(fixture("nmc_head.csv"), None).unwrap();
    World::new()
        .with_states(st)
        .with_alliances(atop)
        .with_disputes(mid, sources::MID5)
        .with_contiguity(cont)
        .with_rivalries(riv)
        .with_capabilities(nmc)
}

#[test]
fn year_graph_of_1993() {
    let w = fixture_world();
    let rules = WorldRules::new().contiguity(ContiguityType::Water24, 0.5);
    let g = w.year(1993, &rules).unwrap();
    // Members in 1993 of the fixture list: USA CAN UKG FRN GMY RUS BLR ARM AZE TUR.
    assert_eq!(g.units(), &[2, 20, 200, 220, 255, 365, 370, 371, 373, 640]);
    let sg = g.graph();
    assert_eq!(sg.node_count(), 10);
    assert_eq!((sg.edge_count(), sg.negative_edge_count()), (3, 1));
    let rus = sg.node("RUS").unwrap();
    let arm = sg.node("ARM").unwrap();
    assert!(sg.graph().find_edge(rus, arm).is_some());
    let t = g.tie(373, 371).unwrap();
    assert_eq!((t.sign(), t.intensity()), (Sign::Enmity, 0.8));
    assert_eq!(t.dispute().map(|d| d.dispute()), Some(3564));
    let t = g.tie(365, 370).unwrap();
    assert_eq!(t.sign(), Sign::Amity);
    assert_eq!(
        t.alliance().unwrap().to_string(),
        "defense+neutrality+nonaggression+consultation"
    );
    // Contiguity is proximity, never a sign: RUS–BLR is land-contiguous.
    assert_eq!(g.proximity().len(), 1);
    assert_eq!(g.proximity()[0].contiguity(), ContiguityType::Land);
    let i = g.interdependence();
    assert!(i.contains(&(365, 370, 1.5)));
    assert!(i.contains(&(371, 373, 0.8)));
}

#[test]
fn rules_change_the_graph() {
    let w = fixture_world();
    // Hostility 4 is below a threshold of 5: no enmity.
    let g = w
        .year(1993, &WorldRules::new().mid_hostility_at_least(5))
        .unwrap();
    assert!(g.tie(371, 373).is_none());
    // Only defense and offense count: USA–CAN 1942 (defense+offense) stays.
    let only: Obligations = [Obligation::Offense].into_iter().collect();
    let g = w
        .year(1942, &WorldRules::new().atop_obligations(only))
        .unwrap();
    assert_eq!(g.tie(2, 20).map(|t| t.sign()), Some(Sign::Amity));
    let g = w
        .year(1993, &WorldRules::new().atop_obligations(only))
        .unwrap();
    assert!(g.tie(365, 370).is_none());
    // Intensity by obligation: the largest that counts (non-aggression keeps 1.0 here).
    let r = WorldRules::new()
        .atop_intensity(Obligation::Consultation, 0.25)
        .atop_intensity(Obligation::Defense, 0.75);
    assert_eq!(
        w.year(1993, &r).unwrap().tie(365, 371).unwrap().intensity(),
        1.0
    );
    let r = WorldRules::new()
        .atop_obligations([Obligation::Consultation].into_iter().collect())
        .atop_intensity(Obligation::Consultation, 0.25);
    assert_eq!(
        w.year(1993, &r).unwrap().tie(365, 371).unwrap().intensity(),
        0.25
    );
    // Rivalries as enmity: ARM–AZE's dispute (0.8) outweighs the rivalry (0.5).
    let g = w
        .year(1993, &WorldRules::new().rivalry_intensity(0.5))
        .unwrap();
    let t = g.tie(371, 373).unwrap();
    assert_eq!((t.rivalry(), t.intensity()), (Some(199), 0.8));
    // Invalid numbers are reported, naming the rule.
    let e = w
        .year(
            1993,
            &WorldRules::new().atop_intensity(Obligation::Defense, 1.5),
        )
        .unwrap_err();
    assert!(
        matches!(e, PanelError::BadRule { ref rule, value } if rule == "atop_intensity(defense)" && value == 1.5),
        "{e:?}"
    );
    assert!(matches!(
        w.year(1993, &WorldRules::new().mid_hostility_at_least(0)),
        Err(PanelError::BadRule { .. })
    ));
    assert!(matches!(
        World::new().year(1993, &WorldRules::new().members_only(true)),
        Err(PanelError::NeedsStates { .. })
    ));
}

#[test]
fn conflict_rules_on_a_contested_dyad() {
    // An alliance and a dispute in the same dyad-year.
    let atop = cow::from_bytes::atop(
        "a.csv",
        b"ccode1,ccode2,year,atop_defense,atop_offense,atop_neutral,atop_nonagg,atop_consul\n\
          2,20,1950,1,0,0,0,0\n20,2,1950,1,0,0,0,0\n2,200,1950,0,0,0,0,1\n",
        None,
    )
    .unwrap();
    let mid = cow::from_bytes::mid5(
        "m.csv",
        b"dispnum,ccode1,ccode2,year,hostlev\n7,20,2,1950,3\n8,20,200,1950,5\n",
        None,
    )
    .unwrap();
    let w = World::new()
        .with_alliances(atop)
        .with_disputes(mid, sources::MID5);
    let sign = |c: Conflict| {
        let g = w.year(1950, &WorldRules::new().conflict(c)).unwrap();
        (
            g.tie(2, 20).map(|t| t.sign()),
            g.contested(),
            g.graph().edge_count(),
        )
    };
    assert_eq!(sign(Conflict::Dispute), (Some(Sign::Enmity), 1, 3));
    assert_eq!(sign(Conflict::Alliance), (Some(Sign::Amity), 1, 3));
    assert_eq!(sign(Conflict::Neither), (None, 1, 2));
    assert_eq!(
        WorldRules::new().dispute_wins(false),
        WorldRules::new().conflict(Conflict::Alliance)
    );
    // Without a state list, units are labelled by code; the triangle 2–20–200 is −, +, −.
    let g = w.year(1950, &WorldRules::new()).unwrap();
    assert!(g.graph().node("20").is_some());
    let rows: Vec<_> = w
        .panel(1950, 1950, &WorldRules::new(), PanelOptions::new())
        .unwrap()
        .collect();
    let c = rows[0].census.unwrap();
    assert_eq!((c.ppp, c.ppm, c.pmm, c.mmm), (0, 0, 1, 0));
    let h = rows[0].harary.as_ref().unwrap();
    assert!(h.balanced);
    assert_eq!(h.camp_sizes, Some((2, 1)));
    let g = w
        .year(1950, &WorldRules::new().labels(Labels::Ccode))
        .unwrap();
    assert_eq!(g.graph().label(petgraph_index(0)), Some("2"));
}

fn petgraph_index(i: usize) -> rsct::petgraph::graph::NodeIndex {
    rsct::petgraph::graph::NodeIndex::new(i)
}

#[test]
fn panel_rows_and_outputs() {
    let w = fixture_world();
    let rules = WorldRules::new();
    let mut calls = 0;
    let rows: Vec<_> = w
        .panel(1992, 1994, &rules, PanelOptions::new())
        .unwrap()
        .frustration_with(|g| {
            calls += 1;
            Some(FrustrationColumns {
                frustrated: g.graph().negative_edge_count(),
                exact: false,
            })
        })
        .collect();
    assert_eq!(calls, 3);
    assert_eq!(rows.len(), 3);
    let r93 = &rows[1];
    assert_eq!(
        (r93.year, r93.units, r93.ties, r93.amity, r93.enmity),
        (1993, 10, 3, 2, 1)
    );
    // RUS–ARM +, RUS–BLR +, ARM–AZE −: no triangle, balanced.
    assert_eq!(r93.census.unwrap().total(), 0);
    assert!(r93.harary.as_ref().unwrap().balanced);
    assert_eq!(r93.frustration.unwrap().frustrated, 1);
    let p = r93.polarity.as_ref().unwrap();
    // NMC fixture, 1993: BHM, ARM, AZE; AZE leads with 0.0012285216.
    assert_eq!((p.states, p.leader.as_str(), p.poles), (3, "AZE", 1));
    let total = 0.000047885838 + 0.00049065711 + 0.0012285216;
    assert!((p.leader_share - 0.0012285216 / total).abs() < 1e-12);

    let mut csv = Vec::new();
    let n = w
        .panel(1992, 1994, &rules, PanelOptions::new().polarity(false))
        .unwrap()
        .write(PanelFormat::Csv, &mut csv)
        .unwrap();
    assert_eq!(n, 3);
    let text = String::from_utf8(csv).unwrap();
    assert!(text.contains("# - ATOP v5.1 (atop5.1_directed_dyad_year.csv.gz): Leeds"));
    assert!(text.contains("# - MID v5.0"));
    assert!(text.contains("# - COW State System Membership v2016"));
    assert!(text.contains("\nyear,units,ties,amity,enmity,contested,ppp,"));
    assert!(text.contains("\n1993,10,3,2,1,0,0,0,0,0,,,true,"));
    let mut js = Vec::new();
    w.panel(1993, 1993, &rules, PanelOptions::new())
        .unwrap()
        .write(PanelFormat::JsonLines, &mut js)
        .unwrap();
    let text = String::from_utf8(js).unwrap();
    let lines: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["sources"][1]["name"], "ATOP v5.1");
    assert_eq!(lines[0]["rules"]["hostility_threshold"], 3);
    assert_eq!(lines[1]["year"], 1993);
    assert_eq!(lines[1]["census"]["ppp"], 0);
    assert!(matches!(
        w.panel(1994, 1993, &rules, PanelOptions::new()),
        Err(PanelError::EmptyRange { .. })
    ));
}

#[test]
fn members_only_drops_non_members() {
    // Canada–Russia 1918–1919 (MID 197): Canada joins the system in 1920.
    let st = cow::read_states(fixture("states2016_head.csv")).unwrap();
    let mid = cow::from_bytes::mid5(
        "m.csv",
        b"dispnum,ccode1,ccode2,year,hostlev\n197,20,365,1918,4\n197,365,20,1918,4\n",
        Some(&st),
    )
    .unwrap();
    let w = World::new()
        .with_states(st)
        .with_disputes(mid, sources::MID5);
    let kept = w.year(1918, &WorldRules::new()).unwrap();
    assert_eq!(kept.ties().len(), 1);
    assert!(kept.units().contains(&20));
    let g = w.year(1918, &WorldRules::new().members_only(true)).unwrap();
    assert_eq!((g.ties().len(), g.dropped()), (0, 1));
    assert!(!g.units().contains(&20));
}

/// The yearly census from ATOP 5.1 + MID 5.0 (any obligation = +, hostlev ≥ 3 = −, the
/// dispute wins), 1816–2014, equals `panel_pandas.py`'s output (stored in
/// `tests/data/cow/panel_pandas_census.csv`).
#[test]
fn census_equals_the_pandas_anchor() {
    let Some([a, m]) = common::shared_all(
        "cow",
        [
            "atop5.1_directed_dyad_year.csv.gz",
            "mid5_dyadic_disputes.csv",
        ],
    ) else {
        return;
    };
    let w = World::new()
        .with_alliances(cow::read_atop(a, None).unwrap())
        .with_disputes(cow::read_mid5(m, None).unwrap(), sources::MID5);
    let want = std::fs::read_to_string(fixture("panel_pandas_census.csv")).unwrap();
    let want: Vec<[u64; 5]> = want
        .lines()
        .skip(1)
        .map(|l| {
            let v: Vec<u64> = l.split(',').map(|x| x.parse().unwrap()).collect();
            [v[0], v[1], v[2], v[3], v[4]]
        })
        .collect();
    assert_eq!(want.len(), 199);
    let rows = w
        .panel(
            1816,
            2014,
            &WorldRules::new(),
            PanelOptions::new().harary(false).polarity(false),
        )
        .unwrap();
    let mut n = 0;
    for (r, w) in rows.zip(&want) {
        let c = r.census.unwrap();
        assert_eq!(
            [r.year as u64, c.ppp, c.ppm, c.pmm, c.mmm],
            *w,
            "year {}",
            r.year
        );
        n += 1;
    }
    assert_eq!(n, 199);
}

#[test]
fn dataset_of_a_year_snapshots_to_a_security_graph() {
    let w = fixture_world();
    let ds = w.dataset(1993, &WorldRules::new()).unwrap();
    assert_eq!(ds.units().len(), 10);
    assert_eq!(ds.relations().len(), 3);
    assert_eq!(ds.unit("ARM").and_then(|u| u.cow()), Some(371));
    assert_eq!(
        ds.capability("AZE", 1993).map(|c| c.value()),
        Some(0.0012285216)
    );
    let r = ds
        .relations()
        .iter()
        .find(|r| r.pair() == ("ARM", "AZE"))
        .unwrap();
    assert_eq!(
        r.evidence()[0].text(),
        "MID dispute 3564 at hostility level 4"
    );
    let g = ds.snapshot(1993, &rsct::DerivationRules::new()).unwrap();
    let tie = g.tie("RUS", "BLR").unwrap();
    assert!(tie.net() > 0.0);
    assert_eq!(
        tie.contributions()[0].evidence().next().unwrap().locator(),
        Some("atop5.1_directed_dyad_year.csv.gz, ccode 365–370, 1993")
    );
}

/// A small world of NMC scores for power classes: 1985 and 1995.
fn nmc_world() -> World {
    let mut nmc = String::from("stateabb,ccode,year,milex,milper,irst,pec,tpop,upop,cinc\n");
    for year in [1985, 1995] {
        for (abb, code, cinc) in [
            ("USA", 2, 0.15),
            ("RUS", 365, 0.06),
            ("CHN", 710, 0.16),
            ("JPN", 740, 0.05),
            ("IND", 750, 0.07),
            ("ARM", 371, 0.001),
        ] {
            nmc.push_str(&format!("{abb},{code},{year},1,1,1,1,1,1,{cinc}\n"));
        }
    }
    let mut states = String::from(
        "stateabb,ccode,statenme,styear,stmonth,stday,endyear,endmonth,endday,version\n",
    );
    for (abb, code) in [
        ("USA", 2),
        ("RUS", 365),
        ("CHN", 710),
        ("JPN", 740),
        ("IND", 750),
        ("ARM", 371),
    ] {
        states.push_str(&format!("{abb},{code},{abb},1816,1,1,2016,12,31,2016\n"));
    }
    World::new()
        .with_states(cow::from_bytes::states("states.csv", states.as_bytes()).unwrap())
        .with_capabilities(cow::from_bytes::nmc("nmc.csv", nmc.as_bytes(), None).unwrap())
}

#[test]
fn power_classes_from_world_shares_with_the_preset_from_1990() {
    use rsct::panel::WorldBoundaryOptions;
    use rsct::polarity::{Classification, PowerClass};
    let w = nmc_world();
    let rules = WorldRules::new().labels(Labels::Ccode);
    let opts = WorldBoundaryOptions::new();
    // Shares of 0.491 in all: CHN 0.326 and USA 0.305 (≥ 0.8 × 0.326) are superpowers, the
    // others at ≥ 0.03 great powers, ARM (0.002) none.
    let c = w.power_classes(1985, &rules, &opts).unwrap();
    assert_eq!(c.class("710"), PowerClass::Superpower);
    assert_eq!(c.class("2"), PowerClass::Superpower);
    assert_eq!(c.class("750"), PowerClass::GreatPower);
    assert_eq!(c.class("371"), PowerClass::Other);
    // From 1990 the "1 + 4" is the list of global powers; labels must be the preset's.
    let rules = WorldRules::new();
    let c = w.power_classes(1995, &rules, &opts).unwrap();
    assert_eq!(c.class("USA"), PowerClass::Superpower);
    assert_eq!(c.class("CHN"), PowerClass::GreatPower);
    assert_eq!(c.class("RUS"), PowerClass::GreatPower);
    assert_eq!(c.class("IND"), PowerClass::RegionalPower);
    let none = opts.clone().buzan_waever_from(None);
    assert_eq!(
        w.power_classes(1995, &rules, &none).unwrap().class("IND"),
        PowerClass::GreatPower
    );
    // The user's classes win over both.
    let mine = opts.boundary(
        rsct::boundary::BoundaryOptions::new()
            .classes(Classification::new().with_override("IND", PowerClass::Superpower)),
    );
    let c = w.power_classes(1995, &rules, &mine).unwrap();
    assert_eq!(c.class("IND"), PowerClass::Superpower);
    assert_eq!(c.class("CHN"), PowerClass::GreatPower);
    // Bad thresholds are typed errors.
    let bad = WorldBoundaryOptions::new()
        .power_rules(rsct::polarity::PowerClassRules::new().great_power(1.5));
    assert!(matches!(
        w.power_classes(1995, &rules, &bad),
        Err(PanelError::Polarity(_))
    ));
}

#[test]
fn world_boundaries_equal_the_dataset_route() {
    use rsct::boundary::{analyse, interdependence};
    use rsct::panel::WorldBoundaryOptions;
    let w = fixture_world();
    let opts = WorldBoundaryOptions::new();
    for rules in [
        WorldRules::new(),
        WorldRules::new().contiguity(ContiguityType::Water24, 0.5),
    ] {
        for year in [1942, 1993] {
            let fast = w.boundaries(year, &rules, &opts).unwrap();
            let g = w.security_graph(year, &rules).unwrap();
            let inter = w.interdependence_options(year, &rules).unwrap();
            let slow = analyse(
                &g,
                &w.capabilities_in(year, &rules).unwrap(),
                &inter,
                &w.boundary_options(year, &rules, &opts).unwrap(),
            )
            .unwrap();
            assert_eq!(fast, slow, "{year}");
            assert_eq!(
                w.interdependence(year, &rules).unwrap(),
                interdependence(&g, &inter).unwrap()
            );
        }
    }
    // 1993 with contiguity: RUS–BLR is amity 1 + land 0.5.
    let rules = WorldRules::new().contiguity(ContiguityType::Water24, 0.5);
    let i = w.interdependence(1993, &rules).unwrap();
    let rb = i.between("RUS", "BLR").unwrap();
    assert_eq!((rb.amity, rb.enmity, rb.proximity), (1.0, 0.0, 0.5));
    let aa = i.between("ARM", "AZE").unwrap();
    assert_eq!((aa.amity, aa.enmity), (0.0, 0.8));
    // The USA is set apart from 1990 (the preset's superpower), not before.
    let r = w.boundaries(1993, &rules, &opts).unwrap();
    assert!(r.set_apart.iter().any(|(u, _)| u == "USA"));
    assert!(matches!(
        w.boundaries(
            1993,
            &rules,
            &opts
                .clone()
                .boundary(rsct::boundary::BoundaryOptions::new().resolution(-1.0))
        ),
        Err(PanelError::Boundary(_))
    ));
}

#[test]
fn an_unbalanced_year_carries_its_odd_cycle() {
    // 2–20 and 20–200 allied, 2–200 in a dispute: one ++− triangle.
    let atop = cow::from_bytes::atop(
        "a.csv",
        b"ccode1,ccode2,year,atop_defense,atop_offense,atop_neutral,atop_nonagg,atop_consul\n\
          2,20,1950,1,0,0,0,0\n20,200,1950,0,0,0,0,1\n",
        None,
    )
    .unwrap();
    let mid = cow::from_bytes::mid5(
        "m.csv",
        b"dispnum,ccode1,ccode2,year,hostlev\n8,2,200,1950,4\n",
        None,
    )
    .unwrap();
    let w = World::new()
        .with_alliances(atop)
        .with_disputes(mid, sources::MID5);
    let row = w
        .panel(1950, 1950, &WorldRules::new(), PanelOptions::new())
        .unwrap()
        .next()
        .unwrap();
    let c = row.census.unwrap();
    assert_eq!((c.ppp, c.ppm, c.pmm, c.mmm), (0, 1, 0, 0));
    let h = row.harary.unwrap();
    assert!(!h.balanced);
    assert_eq!(h.camp_sizes, None);
    let mut cycle = h.odd_cycle.clone();
    cycle.sort();
    assert_eq!(cycle, ["2", "20", "200"]);
}
