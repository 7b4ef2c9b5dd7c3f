//! The shipped data sets: they validate, cite their sources, and assert facts of the thesis.

use rsct::DerivationRules;
use rsct::datasets::{europe_1872_1907, post_soviet};
use std::collections::BTreeSet;

fn members(ds: &rsct::Dataset, org: &str, year: i32) -> BTreeSet<String> {
    ds.members_in(org, year)
        .filter(|m| m.role() == rsct::Role::Member)
        .map(|m| m.unit().to_owned())
        .collect()
}

#[test]
fn post_soviet_validates_cites_and_has_no_orphans() {
    let ds = post_soviet().unwrap();
    assert!(ds.units().len() >= 27, "{}", ds.units().len());
    for r in ds.relations() {
        assert!(
            !r.evidence().is_empty() && r.evidence().iter().all(|e| e.locator().is_some()),
            "{}",
            r.label()
        );
    }
    for m in ds.memberships() {
        assert!(!m.evidence().is_empty());
    }
    for u in ds.units() {
        let used = ds
            .relations()
            .iter()
            .any(|r| r.a() == u.id() || r.b() == u.id())
            || ds.memberships().iter().any(|m| m.unit() == u.id());
        assert!(used, "unit {} is orphaned", u.id());
    }
    // CINC for every state 1991–2013, from NMC 6.0.
    for u in ds
        .units()
        .iter()
        .filter(|u| u.kind() == rsct::UnitKind::State)
    {
        for y in 1991..=2013 {
            let c = ds
                .capability(u.id(), y)
                .unwrap_or_else(|| panic!("no CINC for {} {y}", u.id()));
            assert!(c.source().contains("NMC"));
        }
    }
}

#[test]
fn thesis_facts() {
    let ds = post_soviet().unwrap();
    // CSTO members in 2013 (§3.2): Uzbekistan suspended its membership in 2012.
    let csto: BTreeSet<String> = ["ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK"]
        .map(String::from)
        .into();
    assert_eq!(members(&ds, "CSTO", 2013), csto);
    // Uzbekistan: the Collective Security Treaty 1992–1999, the CSTO 2006–2012 (§3.2).
    let uzb_cst: Vec<_> = ds
        .memberships()
        .iter()
        .filter(|m| m.unit() == "UZB" && m.organisation() == "CST")
        .map(|m| m.period())
        .collect();
    assert_eq!(uzb_cst, vec![rsct::Period::between(1992, 1999).unwrap()]);
    let uzb_csto: Vec<_> = ds
        .memberships()
        .iter()
        .filter(|m| m.unit() == "UZB" && m.organisation() == "CSTO")
        .map(|m| m.period())
        .collect();
    assert_eq!(uzb_csto, vec![rsct::Period::between(2006, 2012).unwrap()]);
    assert!(
        members(&ds, "CST", 1995).contains("UZB") && !members(&ds, "CST", 2000).contains("UZB")
    );
    // Georgia left the CIS after the 2008 war.
    assert!(members(&ds, "CIS", 2008).contains("GEO"));
    assert!(!members(&ds, "CIS", 2009).contains("GEO"));
    // Russian bases: Gyumri and Erebuni in Armenia (§2.3, fn 89); Baranovichi and Vileika in
    // Belarus (§2.2) — present with their years, cited.
    let arm = ds
        .relations()
        .iter()
        .find(|r| r.id() == Some("rus-arm-bases"))
        .unwrap();
    assert_eq!(
        (arm.sign(), arm.period().start()),
        (rsct::Sign::Amity, 1995)
    );
    assert!(
        arm.evidence()
            .iter()
            .any(|e| e.text().contains("Gyumri") && e.locator() == Some("§2.3, fn 89"))
    );
    let blr = ds
        .relations()
        .iter()
        .find(|r| r.id() == Some("rus-blr-military-installations"))
        .unwrap();
    assert!(
        blr.evidence()
            .iter()
            .any(|e| e.text().contains("Baranovichi") && e.text().contains("850"))
    );
    for y in [1995, 2013] {
        assert!(arm.period().contains(y) && blr.period().contains(y));
    }
    // Armenia and Azerbaijan are enemies throughout (§2.3).
    let g = ds.snapshot(2013, &DerivationRules::new()).unwrap();
    assert!(g.tie("ARM", "AZE").unwrap().net() < 0.0);
    assert!(g.tie("RUS", "ARM").unwrap().net() > 0.0);
}

/// The largest intensity of `sign` between `a` and `b` in `sector` and `year` (0 if none).
fn strongest(
    ds: &rsct::Dataset,
    a: &str,
    b: &str,
    sign: rsct::Sign,
    sector: rsct::Sector,
    year: i32,
) -> f64 {
    ds.relations()
        .iter()
        .filter(|r| (r.a(), r.b()) == (a, b) || (r.a(), r.b()) == (b, a))
        .filter(|r| r.sign() == sign && r.sectors().contains(sector) && r.period().contains(year))
        .map(|r| r.intensity())
        .fold(0.0, f64::max)
}

#[test]
fn post_soviet_coding_is_on_one_scale_and_complete() {
    use rsct::{Sector, Sign};
    let ds = post_soviet().unwrap();
    // One sector per relation: wars and frozen conflicts are coded per sector, as friendships.
    for r in ds.relations() {
        assert_eq!(r.sectors().len(), 1, "{}", r.label());
    }
    // The 2008 war: military enmity 1.0 in 2008 and occupation 0.8 after, distinct from the
    // base dispute (0.6, troops against the host's will) before it; a political rupture from 2008.
    let mil = |y| strongest(&ds, "RUS", "GEO", Sign::Enmity, Sector::Military, y);
    let pol = |y| strongest(&ds, "RUS", "GEO", Sign::Enmity, Sector::Political, y);
    assert_eq!(
        (mil(2007), mil(2008), mil(2009), mil(2013)),
        (0.6, 1.0, 0.8, 0.8)
    );
    assert_eq!((pol(2007), pol(2008), pol(2013)), (0.6, 0.8, 0.8));
    // Secessionist conflicts: the fighting and the sovereignty dispute are separate relations.
    for (a, b) in [
        ("GEO", "ABK"),
        ("GEO", "SOS"),
        ("MDA", "PMR"),
        ("AZE", "NKR"),
        ("ARM", "AZE"),
    ] {
        assert_eq!(
            strongest(&ds, a, b, Sign::Enmity, Sector::Political, 2005),
            0.8,
            "{a}–{b}"
        );
        assert!(
            strongest(&ds, a, b, Sign::Enmity, Sector::Military, 2005) >= 0.8,
            "{a}–{b}"
        );
    }
    // Multilateral consultation and confidence-building pacts weigh little (as amity among their
    // members; `usa-chn-sco` is a rivalry run through the SCO, not a pact).
    for r in ds.relations().iter().filter(|r| r.sign() == Sign::Amity) {
        if let Some(org) = r.instrument().organisation() {
            if ["SHANGHAI5", "SCO", "GUAM", "PFP"].contains(&org) {
                assert!(r.intensity() <= 0.2, "{}", r.label());
            }
        }
    }
    // All ten signatories of the 1995 CIS air-defence agreement; Georgia until 2008.
    let ads: BTreeSet<String> = [
        "ARM", "BLR", "GEO", "KAZ", "KGZ", "RUS", "TJK", "TKM", "UKR", "UZB",
    ]
    .map(String::from)
    .into();
    assert_eq!(members(&ds, "CIS_ADS", 1995), ads);
    assert!(!members(&ds, "CIS_ADS", 2009).contains("GEO"));
    // Gaps filled, each with an outside source: Russia–Turkmenistan after 2002, Belarus–Ukraine,
    // Ukraine–Moldova, Armenia–Georgia, ties among the Central Asian states.
    let g = ds.snapshot(2005, &DerivationRules::new()).unwrap();
    for (a, b) in [
        ("RUS", "TKM"),
        ("BLR", "UKR"),
        ("UKR", "MDA"),
        ("ARM", "GEO"),
        ("KAZ", "KGZ"),
        ("KAZ", "UZB"),
    ] {
        let tie = g
            .tie(a, b)
            .unwrap_or_else(|| panic!("no {a}–{b} tie in 2005"));
        assert!(tie.net() > 0.0, "{a}–{b}");
    }
    assert!(members(&ds, "CACO", 2004).contains("RUS"));
    assert_eq!(
        strongest(&ds, "RUS", "TKM", Sign::Enmity, Sector::Economic, 2009),
        0.4
    );
}

#[test]
fn europe_validates_and_is_balanced_in_1907() {
    let ds = europe_1872_1907().unwrap();
    assert_eq!(ds.units().len(), 6);
    let g = ds.snapshot(1907, &DerivationRules::new()).unwrap();
    let (sg, neutral) = g.to_signed_graph();
    assert_eq!(neutral, 0);
    // The Triple Entente against the Triple Alliance: every tie inside a camp positive, every
    // tie across negative.
    let camp = |u: &str| ["GBR", "FRA", "RUS"].contains(&u);
    for (a, b, e) in sg.edges() {
        let (a, b) = (sg.label(a).unwrap(), sg.label(b).unwrap());
        assert_eq!(e.sign() == rsct::Sign::Amity, camp(a) == camp(b), "{a}–{b}");
    }
}

/// `boundary::analyse` with default options reads the data set's power classes of the year
/// and its institutions from the snapshot: the same report as naming them in the options,
/// with Russia a great power (the data set's `[[power_classes]]`, Buzan & Wæver 2003).
#[test]
fn analyse_reads_power_classes_and_institutions_from_the_data() {
    use rsct::boundary::{BoundaryOptions, InterdependenceOptions, analyse};
    use rsct::polarity::PowerClass;
    let ds = post_soviet().unwrap();
    let g = ds.snapshot(2013, &DerivationRules::new()).unwrap();
    assert_eq!(g.power_classes().class("RUS"), PowerClass::GreatPower);
    assert_eq!(g.power_classes().class("USA"), PowerClass::Superpower);
    let caps = ds.capabilities_in(2013);
    let institutions: Vec<&str> = ds
        .units()
        .iter()
        .filter(|u| u.kind() == rsct::UnitKind::Institution)
        .map(|u| u.id())
        .collect();
    assert!(institutions.contains(&"EU"));
    let explicit = BoundaryOptions::new()
        .classes(ds.classification_in(2013))
        .institutions(&institutions);
    let inter = InterdependenceOptions::new();
    let by_default = analyse(&g, &Default::default(), &inter, &BoundaryOptions::new()).unwrap();
    let named = analyse(&g, &caps, &inter, &explicit).unwrap();
    assert_eq!(by_default.to_string(), named.to_string());
    assert_eq!(g.capabilities(), &caps);
    assert!(
        by_default
            .global_powers
            .iter()
            .any(|p| p.unit == "RUS" && p.home.is_some())
    );
    // The options still win: Russia classed as an ordinary state is no global power.
    let overridden = BoundaryOptions::new()
        .classes(rsct::polarity::Classification::new().with_override("RUS", PowerClass::Other));
    let r = analyse(&g, &caps, &inter, &overridden).unwrap();
    assert!(r.global_powers.iter().all(|p| p.unit != "RUS"));
    // A misspelt unit set apart is an error naming it.
    let e = analyse(
        &g,
        &caps,
        &inter,
        &BoundaryOptions::new().set_apart(["RUS", "USAA"]),
    )
    .unwrap_err();
    assert!(e.to_string().contains("USAA"), "{e}");
}
