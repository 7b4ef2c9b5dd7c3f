//! The world panel: yearly graphs and rows on fixtures, and the yearly census on the real
//! ATOP 5.1 + MID 5.0 files against `shared/anchors/panel_pandas.py`.

use rsct::boundary::{InterdependenceOptions, interdependence};
use rsct::io::cow::{self, ContiguityType, Obligation, Obligations, sources};
use rsct::panel::{
    Conflict, FrustrationColumns, Labels, PactWeight, PanelError, PanelFormat, PanelOptions, World,
    WorldRules,
};
use rsct::{Contiguity, SecurityGraph, Sign, SignedWeight};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

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

/// The texts of the citations behind the tie of `a` and `b`.
fn cited(g: &SecurityGraph, a: &str, b: &str) -> Vec<String> {
    g.tie(a, b)
        .unwrap()
        .contributions()
        .iter()
        .flat_map(|c| c.evidence())
        .map(|e| e.text().to_owned())
        .collect()
}

fn sign_of(g: &SecurityGraph, a: &str, b: &str) -> Option<Sign> {
    g.tie(a, b).and_then(SignedWeight::sign)
}

#[test]
fn security_graph_of_1993() {
    let w = fixture_world();
    let rules = WorldRules::new().contiguity(ContiguityType::Water24, 0.5);
    let g = w.security_graph(1993, &rules).unwrap();
    // Members in 1993 of the fixture list: USA CAN UKG FRN GMY RUS BLR ARM AZE TUR, in
    // order of their codes.
    let ids: Vec<&str> = g.units().map(|u| u.id()).collect();
    assert_eq!(
        ids,
        [
            "USA", "CAN", "UKG", "FRN", "GMY", "RUS", "BLR", "ARM", "AZE", "TUR"
        ]
    );
    let cows: Vec<u32> = g.units().filter_map(|u| u.cow()).collect();
    assert_eq!(cows, [2, 20, 200, 220, 255, 365, 370, 371, 373, 640]);
    let enmity = g.ties().filter(|(_, _, t)| t.net() < 0.0).count();
    assert_eq!((g.tie_count(), enmity), (3, 1));
    assert!(g.tie("RUS", "ARM").is_some());
    let t = g.tie("AZE", "ARM").unwrap();
    assert_eq!(
        (sign_of(&g, "AZE", "ARM"), t.net()),
        (Some(Sign::Enmity), -0.8)
    );
    assert_eq!(
        cited(&g, "ARM", "AZE"),
        ["MID dispute 3564 at hostility level 4"]
    );
    assert_eq!(sign_of(&g, "RUS", "BLR"), Some(Sign::Amity));
    assert_eq!(
        cited(&g, "RUS", "BLR"),
        ["ATOP v5.1: alliance obligations defense+neutrality+nonaggression+consultation"]
    );
    // Contiguity is proximity, never a sign: RUS–BLR is land-contiguous.
    assert_eq!(g.proximities().len(), 1);
    assert_eq!(g.proximity("RUS", "BLR"), Some(Contiguity::Land));
    let i = interdependence(&g, &InterdependenceOptions::new().proximity_weight(0.5)).unwrap();
    let rb = i.between("RUS", "BLR").unwrap();
    assert_eq!((rb.amity, rb.enmity, rb.proximity), (1.0, 0.0, 0.5));
    let aa = i.between("ARM", "AZE").unwrap();
    assert_eq!((aa.amity, aa.enmity, aa.proximity), (0.0, 0.8, 0.0));
    // Without the contiguity rule, no borders.
    let g = w.security_graph(1993, &WorldRules::new()).unwrap();
    assert!(g.proximities().is_empty());
}

#[test]
fn rules_change_the_graph() {
    let w = fixture_world();
    // Hostility 4 is below a threshold of 5: no enmity.
    let g = w
        .security_graph(1993, &WorldRules::new().mid_hostility_at_least(5))
        .unwrap();
    assert!(g.tie("ARM", "AZE").is_none());
    // Only defense and offense count: USA–CAN 1942 (defense+offense) stays.
    let only: Obligations = [Obligation::Offense].into_iter().collect();
    let g = w
        .security_graph(1942, &WorldRules::new().atop_obligations(only))
        .unwrap();
    assert_eq!(sign_of(&g, "USA", "CAN"), Some(Sign::Amity));
    let g = w
        .security_graph(1993, &WorldRules::new().atop_obligations(only))
        .unwrap();
    assert!(g.tie("RUS", "BLR").is_none());
    // Intensity by obligation: the largest that counts (non-aggression keeps 1.0 here).
    let r = WorldRules::new()
        .atop_intensity(Obligation::Consultation, 0.25)
        .atop_intensity(Obligation::Defense, 0.75);
    let net = |r: &WorldRules| {
        w.security_graph(1993, r)
            .unwrap()
            .tie("RUS", "ARM")
            .unwrap()
            .net()
    };
    assert_eq!(net(&r), 1.0);
    let r = WorldRules::new()
        .atop_obligations([Obligation::Consultation].into_iter().collect())
        .atop_intensity(Obligation::Consultation, 0.25);
    assert_eq!(net(&r), 0.25);
    // Rivalries as enmity: ARM–AZE's dispute (0.8) outweighs the rivalry (0.5).
    let g = w
        .security_graph(1993, &WorldRules::new().rivalry_intensity(0.5))
        .unwrap();
    assert_eq!(g.tie("ARM", "AZE").unwrap().net(), -0.8);
    assert_eq!(
        cited(&g, "ARM", "AZE"),
        [
            "MID dispute 3564 at hostility level 4",
            "Strategic Rivalries (TSS): strategic rivalry 199"
        ]
    );
    // Invalid numbers are reported, naming the rule.
    let e = w
        .security_graph(
            1993,
            &WorldRules::new().atop_intensity(Obligation::Defense, 1.5),
        )
        .unwrap_err();
    assert!(
        matches!(e, PanelError::BadRule { ref rule, value, range } if rule == "atop_intensity(defense)" && value == 1.5 && range == "(0, 1]"),
        "{e:?}"
    );
    assert_eq!(
        e.to_string(),
        "rule atop_intensity(defense): 1.5 is out of range (0, 1]"
    );
    assert!(matches!(
        w.security_graph(1993, &WorldRules::new().mid_hostility_at_least(0)),
        Err(PanelError::BadRule { .. })
    ));
    assert!(matches!(
        World::new().security_graph(1993, &WorldRules::new().members_only()),
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
        let rules = WorldRules::new().conflict(c);
        let g = w.security_graph(1950, &rules).unwrap();
        let row = w
            .panel(1950, 1950, &rules, PanelOptions::new())
            .unwrap()
            .next()
            .unwrap()
            .unwrap();
        (sign_of(&g, "2", "20"), row.contested, g.tie_count())
    };
    assert_eq!(sign(Conflict::Dispute), (Some(Sign::Enmity), 1, 3));
    assert_eq!(sign(Conflict::Alliance), (Some(Sign::Amity), 1, 3));
    assert_eq!(sign(Conflict::Neither), (None, 1, 2));
    // The contested relation is marked so and cites both records.
    let ds = w.dataset(1950, 1950, &WorldRules::new()).unwrap();
    let r = ds
        .relations()
        .iter()
        .find(|r| r.pair() == ("2", "20"))
        .unwrap();
    assert!(r.is_contested());
    assert_eq!(r.evidence().len(), 2);
    assert_eq!(
        WorldRules::new().members_only().with_non_members(),
        WorldRules::new()
    );
    // Without a state list, units are labelled by code; the triangle 2–20–200 is −, +, −.
    let g = w.security_graph(1950, &WorldRules::new()).unwrap();
    assert!(g.node("20").is_some());
    let rows: Vec<_> = w
        .panel(1950, 1950, &WorldRules::new(), PanelOptions::new())
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let c = rows[0].census.unwrap();
    assert_eq!(c.by_negatives(), [0, 0, 1, 0]);
    let h = rows[0].harary.as_ref().unwrap();
    assert!(h.balanced);
    assert_eq!(h.camp_sizes, Some((2, 1)));
    let g = w
        .security_graph(1950, &WorldRules::new().labels(Labels::Ccode))
        .unwrap();
    assert_eq!(g.unit(petgraph_index(0)).map(|u| u.id()), Some("2"));
}

fn petgraph_index(i: usize) -> rsct::petgraph::graph::NodeIndex {
    rsct::petgraph::graph::NodeIndex::new(i)
}

#[test]
fn panel_rows_and_outputs() {
    let w = fixture_world();
    let rules = WorldRules::new();
    let calls = AtomicUsize::new(0);
    let rows: Vec<_> = w
        .panel(1992, 1994, &rules, PanelOptions::new())
        .unwrap()
        .frustration_with(|g| {
            calls.fetch_add(1, Ordering::Relaxed);
            Some(FrustrationColumns {
                frustrated: g.ties().filter(|(_, _, t)| t.net() < 0.0).count(),
                exact: false,
            })
        })
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(calls.into_inner(), 3);
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
        .panel(1992, 1994, &rules, PanelOptions::new().without_polarity())
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
    let kept = w.security_graph(1918, &WorldRules::new()).unwrap();
    assert_eq!(kept.tie_count(), 1);
    assert!(kept.node("CAN").is_some());
    let g = w
        .security_graph(1918, &WorldRules::new().members_only())
        .unwrap();
    assert_eq!(g.tie_count(), 0);
    assert!(g.node("CAN").is_none());
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
            PanelOptions::new().without_harary().without_polarity(),
        )
        .unwrap();
    let mut n = 0;
    for (r, w) in rows.zip(&want) {
        let r = r.unwrap();
        let c = r.census.unwrap();
        let [ppp, ppm, pmm, mmm] = c.by_negatives();
        assert_eq!([r.year as u64, ppp, ppm, pmm, mmm], *w, "year {}", r.year);
        n += 1;
    }
    assert_eq!(n, 199);
}

#[test]
fn dataset_of_a_year_snapshots_to_a_security_graph() {
    let w = fixture_world();
    let ds = w.dataset(1993, 1993, &WorldRules::new()).unwrap();
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

#[test]
fn dataset_of_a_span_merges_runs_and_snapshots_each_year() {
    let w = fixture_world();
    let rules = WorldRules::new().contiguity(ContiguityType::Water24, 0.5);
    let ds = w.dataset(1992, 1994, &rules).unwrap();
    // Each year's snapshot of the span equals the snapshot of that year's own data set:
    // the same units, ties (sign and weight) and proximities.
    for year in 1992..=1994 {
        let span = ds.snapshot(year, &rules.derivation_rules()).unwrap();
        let own = w.security_graph(year, &rules).unwrap();
        let ids = |g: &SecurityGraph| g.units().map(|u| u.id().to_owned()).collect::<Vec<_>>();
        assert_eq!(ids(&span), ids(&own), "{year}");
        let ties = |g: &SecurityGraph| {
            g.ties()
                .map(|(a, b, t)| (a.id().to_owned(), b.id().to_owned(), t.net()))
                .collect::<Vec<_>>()
        };
        assert_eq!(ties(&span), ties(&own), "{year}");
        assert_eq!(span.proximities().len(), own.proximities().len(), "{year}");
    }
    // A tie that holds all three years is one relation over 1992–1994, citing the span;
    // RUS–ARM (allied from 1993) is one relation over 1993–1994.
    let of = |x: &str, y: &str| {
        ds.relations()
            .iter()
            .filter(|r| r.pair() == (x, y))
            .map(|r| (r.period(), r.evidence()[0].locator().unwrap().to_owned()))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        of("ARM", "AZE"),
        [(
            rsct::Period::between(1992, 1994).unwrap(),
            "MID dyad-years, ccode 371–373, 1992–1994".to_owned()
        )]
    );
    assert_eq!(
        of("ARM", "RUS")[0].0,
        rsct::Period::between(1993, 1994).unwrap()
    );
    assert_eq!(ds.relations().len(), 3);
    assert!(ds.borders().iter().all(|b| {
        b.evidence()[0]
            .locator()
            .unwrap()
            .starts_with("contdird.csv, ccode ")
    }));
    assert!(matches!(
        w.dataset(1994, 1993, &rules),
        Err(PanelError::EmptyRange { .. })
    ));
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
fn boundaries_of_years_on_one_thread_and_several_are_identical() {
    use rsct::panel::WorldBoundaryOptions;
    let w = fixture_world();
    let rules = WorldRules::new().contiguity(ContiguityType::Water24, 0.5);
    let opts = WorldBoundaryOptions::new();
    let one = w
        .boundaries_of_years(1940, 1995, &rules, &opts.clone().threads(1))
        .unwrap();
    assert_eq!(one.len(), 56);
    for (year, r) in (1940..=1995).zip(&one) {
        assert_eq!(*r, w.boundaries(year, &rules, &opts).unwrap(), "{year}");
    }
    for threads in [0, 2, 3] {
        let many = w
            .boundaries_of_years(1940, 1995, &rules, &opts.clone().threads(threads))
            .unwrap();
        assert_eq!(many, one, "{threads} threads");
    }
    assert!(matches!(
        w.boundaries_of_years(1995, 1940, &rules, &opts),
        Err(PanelError::EmptyRange { .. })
    ));
    // The first failing year's error, in year order.
    let bad = opts
        .clone()
        .boundary(rsct::boundary::BoundaryOptions::new().resolution(-1.0));
    assert!(matches!(
        w.boundaries_of_years(1940, 1995, &rules, &bad),
        Err(PanelError::Boundary(_))
    ));
    // The validation years on the real world, when present.
    let Some(dir) = common::shared("cow", "") else {
        return;
    };
    let w = World::load(dir).unwrap();
    let rules = WorldRules::calibrated();
    let one = w
        .boundaries_of_years(1990, 2001, &rules, &opts.clone().threads(1))
        .unwrap();
    let two = w
        .boundaries_of_years(1990, 2001, &rules, &opts.clone().threads(2))
        .unwrap();
    assert_eq!(two, one);
}

#[test]
fn world_boundaries_run_on_the_snapshot() {
    use rsct::boundary::analyse;
    use rsct::panel::WorldBoundaryOptions;
    let w = fixture_world();
    let opts = WorldBoundaryOptions::new();
    for (rules, weight) in [
        (WorldRules::new(), 0.0),
        (
            WorldRules::new().contiguity(ContiguityType::Water24, 0.5),
            0.5,
        ),
    ] {
        for year in [1942, 1993] {
            let report = w.boundaries(year, &rules, &opts).unwrap();
            // The same as the crate's analysis of the year's security graph with the data
            // set's capabilities and the rules' contiguity weight.
            let ds = w.dataset(year, year, &rules).unwrap();
            let g = ds.snapshot(year, &rules.derivation_rules()).unwrap();
            let caps = ds
                .capabilities()
                .iter()
                .map(|c| (c.unit().to_owned(), c.value()))
                .collect();
            let by_hand = analyse(
                &g,
                &caps,
                &InterdependenceOptions::new().proximity_weight(weight),
                &w.boundary_options(year, &rules, &opts).unwrap(),
            )
            .unwrap();
            assert_eq!(report, by_hand, "{year}");
        }
    }
    // The USA is set apart from 1990 (the preset's superpower), not before.
    let rules = WorldRules::new().contiguity(ContiguityType::Water24, 0.5);
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
        .unwrap()
        .unwrap();
    let c = row.census.unwrap();
    assert_eq!(c.by_negatives(), [0, 1, 0, 0]);
    let h = row.harary.unwrap();
    assert!(!h.balanced);
    assert_eq!(h.camp_sizes, None);
    let mut cycle = h.odd_cycle.clone();
    cycle.sort();
    assert_eq!(cycle, ["2", "20", "200"]);
}

#[test]
fn the_panel_of_a_span_equals_each_year_on_its_own() {
    // The panel builds one data set per chunk of years; a state absent in a year inside its
    // first and last year (no tie, not a member) is no unit of that year's row.
    let w = fixture_world();
    for rules in [WorldRules::new(), WorldRules::new().members_only()] {
        let rows: Vec<_> = w
            .panel(1900, 2000, &rules, PanelOptions::new().without_polarity())
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(rows.len(), 101);
        for r in &rows {
            let g = w.security_graph(r.year, &rules).unwrap();
            let enmity = g.ties().filter(|(_, _, t)| t.net() < 0.0).count();
            assert_eq!(
                (r.units, r.ties, r.enmity),
                (g.unit_count(), g.tie_count(), enmity),
                "{}",
                r.year
            );
            let h = rsct::balance::harary_test(g.graph()).unwrap();
            assert_eq!(r.harary.as_ref().unwrap().balanced, h.is_balanced());
        }
    }
    // Without a state list, units come and go with their ties.
    let w =
        World::new().with_alliances(cow::read_atop(fixture("atop5.1_head.csv.gz"), None).unwrap());
    let rows: Vec<_> = w
        .panel(1900, 2000, &WorldRules::new(), PanelOptions::new())
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    for r in &rows {
        let g = w.security_graph(r.year, &WorldRules::new()).unwrap();
        assert_eq!(
            (r.units, r.ties),
            (g.unit_count(), g.tie_count()),
            "{}",
            r.year
        );
        assert_eq!(
            r.harary.as_ref().unwrap().camp_sizes.map(|(a, b)| a + b),
            Some(g.unit_count()),
            "{}",
            r.year
        );
    }
    assert!(rows.iter().any(|r| r.units == 0) && rows.iter().any(|r| r.units > 2));
}

#[test]
fn one_thread_and_several_give_identical_rows() {
    // 1900–2000 is four chunks of 32 years: several chunks per batch on several threads.
    let w = fixture_world();
    let rules = WorldRules::new().contiguity(ContiguityType::Land, 0.5);
    let exact = rsct::balance::FrustrationOptions::new().node_limit(10_000);
    let rows = |threads: usize| -> Vec<_> {
        w.panel(1900, 2000, &rules, PanelOptions::new().threads(threads))
            .unwrap()
            .frustration(exact.clone())
            .collect::<Result<_, _>>()
            .unwrap()
    };
    let csv = |threads: usize| {
        let mut out = Vec::new();
        w.panel(1900, 2000, &rules, PanelOptions::new().threads(threads))
            .unwrap()
            .write(PanelFormat::Csv, &mut out)
            .unwrap();
        out
    };
    let one = rows(1);
    assert_eq!(one.len(), 101);
    assert!(one.iter().all(|r| r.frustration.is_some()));
    for threads in [0, 2, 3] {
        assert_eq!(rows(threads), one, "{threads} threads");
        assert_eq!(csv(threads), csv(1), "{threads} threads");
    }
    // The whole world 1816–2014, every column, when the real files are present.
    let Some(dir) = common::shared("cow", "") else {
        return;
    };
    let w = World::load(dir).unwrap();
    let rows = |from: i32, threads: usize| -> Vec<_> {
        let panel = w
            .panel(from, 2014, &rules, PanelOptions::new().threads(threads))
            .unwrap();
        // The frustration column on the years since 1980 (two chunks; slow unoptimised).
        let panel = if from >= 1980 {
            panel.frustration(exact.clone())
        } else {
            panel
        };
        panel.collect::<Result<Vec<_>, _>>().unwrap()
    };
    let one = rows(1816, 1);
    assert_eq!(one.len(), 199);
    assert_eq!(rows(1816, 2), one);
    let one = rows(1980, 1);
    assert!(
        one.iter()
            .any(|r| r.frustration.is_some_and(|f| f.frustrated > 0))
    );
    assert_eq!(rows(1980, 2), one);
}

/// A small hand-coded regional data set, its units mapped to the world's by COW code.
fn region() -> rsct::Dataset {
    use rsct::{Dataset, Evidence, Period, Relation, Sector, Unit};
    let rel = |a, b, sign, p, i: f64, id: &str| {
        Relation::builder(a, b, sign, p)
            .id(id)
            .intensity(i)
            .sector(Sector::Military)
            .evidence(Evidence::cited("coded from the thesis", "§2.3").unwrap())
            .build()
            .unwrap()
    };
    Dataset::builder()
        .name("thesis")
        .unit(Unit::state("RUS", "Russia").unwrap().with_cow(365).unwrap())
        .unit(
            Unit::state("ARMENIA", "Armenia")
                .unwrap()
                .with_cow(371)
                .unwrap()
                .with_period(Period::from_year(1991)),
        )
        .unit(Unit::new("NKR", "Nagorno-Karabakh", rsct::UnitKind::SubState).unwrap())
        .relation(rel(
            "RUS",
            "ARMENIA",
            Sign::Amity,
            Period::between(1994, 1995).unwrap(),
            0.3,
            "rus-arm",
        ))
        .relation(rel(
            "ARMENIA",
            "NKR",
            Sign::Amity,
            Period::from_year(1992),
            0.9,
            "arm-nkr",
        ))
        .build()
        .unwrap()
}

#[test]
fn a_regional_data_set_overlays_the_world() {
    use rsct::OverlayRule;
    let w = fixture_world();
    let world = w.dataset(1992, 1995, &WorldRules::new()).unwrap();
    let ds = rsct::Dataset::overlay(&world, &region(), OverlayRule::default()).unwrap();
    assert_eq!(ds.layers(), ["COW-family world 1992–1995", "thesis"]);
    // Armenia is one unit, under the overlay's identifier, with the world's code; the
    // world's ARM is gone and its relations are renamed.
    assert!(ds.unit("ARM").is_none());
    assert_eq!(ds.unit("ARMENIA").and_then(|u| u.cow()), Some(371));
    assert_eq!(ds.units().len(), world.units().len() + 1);
    let rules = rsct::DerivationRules::new();
    let layer_of = |g: &SecurityGraph, a: &str, b: &str| {
        g.tie(a, b)
            .unwrap()
            .contributions()
            .iter()
            .map(|c| c.layer().unwrap().to_owned())
            .collect::<Vec<_>>()
    };
    // 1993: the overlay does not cover RUS–ARM; the world's alliance stays.
    let g93 = ds.snapshot(1993, &rules).unwrap();
    assert_eq!(g93.tie("RUS", "ARMENIA").unwrap().net(), 1.0);
    assert_eq!(
        layer_of(&g93, "RUS", "ARMENIA"),
        ["COW-family world 1992–1995"]
    );
    // 1994–1995: the overlay replaces the world on RUS–ARM, and nowhere else.
    for year in [1994, 1995] {
        let g = ds.snapshot(year, &rules).unwrap();
        assert_eq!(g.tie("RUS", "ARMENIA").unwrap().net(), 0.3, "{year}");
        assert_eq!(layer_of(&g, "RUS", "ARMENIA"), ["thesis"]);
        let world_g = world.snapshot(year, &rules).unwrap();
        assert_eq!(
            g.tie("ARMENIA", "AZE").map(rsct::Tie::net),
            world_g.tie("ARM", "AZE").map(rsct::Tie::net),
            "{year}"
        );
        if g.tie("ARMENIA", "AZE").is_some() {
            assert_eq!(
                layer_of(&g, "ARMENIA", "AZE"),
                ["COW-family world 1992–1995"]
            );
        }
        assert_eq!(g.tie("ARMENIA", "NKR").unwrap().net(), 0.9);
        // The tie names the record: the overlay's relation by its identifier.
        let c = &g.tie("RUS", "ARMENIA").unwrap().contributions()[0];
        assert!(matches!(
            c.provenance(),
            rsct::Provenance::Relation { id: Some(id), layer: Some(l), .. }
                if id == "rus-arm" && l == "thesis"
        ));
    }
    // Keeping both layers combines them where both cover: by maximum (one scale), or
    // summed.
    let both = rsct::Dataset::overlay(&world, &region(), OverlayRule::Keep).unwrap();
    let g = both.snapshot(1994, &rules).unwrap();
    let t = g.tie("RUS", "ARMENIA").unwrap();
    assert_eq!(t.contributions().len(), 2);
    assert_eq!(t.net(), 1.0);
    let g = both.snapshot(1994, &rules.clone().summing()).unwrap();
    assert!((g.tie("RUS", "ARMENIA").unwrap().net() - 1.3).abs() < 1e-12);
    // Validation runs across the layers: an overlay unit without a code that takes a
    // world identifier is a duplicate.
    let clash = rsct::Dataset::builder()
        .unit(rsct::Unit::state("AZE", "Azerbaijan").unwrap())
        .build()
        .unwrap();
    let err = rsct::Dataset::overlay(&world, &clash, OverlayRule::default()).unwrap_err();
    assert!(
        err.issues()
            .iter()
            .any(|i| matches!(i, rsct::Issue::DuplicateId { id, .. } if id == "AZE")),
        "{err}"
    );
}

/// One commitment per member: a defence pact of four states weighs 1/3 on each of its six
/// dyads (Newman's 1/(N − 1)), a bilateral pact keeps its full weight, and a state in both
/// counts each by its own obligation; pairwise, every allied dyad weighs 1.
#[test]
fn per_commitment_weighs_a_pact_of_n_as_one_over_n_minus_one() {
    let mut rows = String::from(
        "ccode1,ccode2,year,atop_defense,atop_offense,atop_neutral,atop_nonagg,atop_consul\n",
    );
    let pact = [2, 20, 200, 220];
    for a in pact {
        for b in pact {
            if a != b {
                rows.push_str(&format!("{a},{b},1950,1,0,0,0,0\n"));
            }
        }
    }
    // A bilateral defence pact of 2 with 365, and a consultation pact 20–365.
    rows.push_str("2,365,1950,1,0,0,0,0\n365,2,1950,1,0,0,0,0\n20,365,1950,0,0,0,0,1\n");
    let atop = cow::from_bytes::atop("a.csv", rows.as_bytes(), None).unwrap();
    let w = World::new().with_alliances(atop);
    let intensity = |rules: &WorldRules, a: &str, b: &str| {
        let g = w.security_graph(1950, rules).unwrap();
        g.tie(a, b).map(|t| t.net())
    };
    let per = WorldRules::new().pact_weight(PactWeight::PerCommitment);
    assert_eq!(per.get_pact_weight(), PactWeight::PerCommitment);
    for (a, b) in [("2", "20"), ("20", "220"), ("200", "220")] {
        let v = intensity(&per, a, b).unwrap();
        assert!((v - 1.0 / 3.0).abs() < 1e-12, "{a}–{b}: {v}");
        assert_eq!(intensity(&WorldRules::new(), a, b), Some(1.0));
    }
    // 2 and 365 share no defence partner: the bilateral pact weighs 1.
    assert_eq!(intensity(&per, "2", "365"), Some(1.0));
    // 20 and 365 share partner 2 only under defence, not under consultation: weight 1.
    assert_eq!(intensity(&per, "20", "365"), Some(1.0));
    // Capped at c partners: min(1, c/3) on the pact's dyads — 2/3 at c = 2, full from c = 3;
    // c = 1 is one commitment per member.
    for (c, want) in [(1, 1.0 / 3.0), (2, 2.0 / 3.0), (3, 1.0), (10, 1.0)] {
        let capped = WorldRules::new().pact_weight(PactWeight::Capped(c));
        let v = intensity(&capped, "2", "20").unwrap();
        assert!((v - want).abs() < 1e-12, "cap {c}: {v}");
        assert_eq!(intensity(&capped, "2", "365"), Some(1.0));
    }
}
