//! The boundaries of the world 1990–2001 (ATOP 5.1 + MID 5.0 + Direct Contiguity + NMC)
//! against Buzan & Wæver's post-Cold War map (`tests/data/bw2003_regions.csv`, region
//! membership only: Buzan & Wæver 2003, *Regions and Powers*, map p. xxvi / ch. 1–3).
//! Skips with a notice when the shared data are absent. The settings are the calibrated
//! defaults of the `boundaries` example (`docs/world_1990_2001.md`).

use rsct::boundary::{BoundaryOptions, map_agreement};
use rsct::panel::{World, WorldBoundaryOptions, WorldRules};
use std::path::Path;

mod common;

fn map() -> Vec<(String, String)> {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/bw2003_regions.csv"),
    )
    .unwrap();
    text.lines()
        .filter(|l| !l.starts_with('#') && *l != "unit,region")
        .map(|l| {
            let (u, r) = l.split_once(',').unwrap();
            (u.to_owned(), r.to_owned())
        })
        .collect()
}

/// The index of the complex holding `unit` in a year's report, if any.
fn complex_of(report: &rsct::boundary::BoundaryReport, unit: &str) -> Option<usize> {
    report
        .complexes
        .iter()
        .position(|c| c.members.iter().any(|m| m == unit))
}

/// `../shared/data/cow` beside the checkout (or beside its parent, for a worktree).

#[test]
fn world_1990_2001_against_buzan_and_waever() {
    let Some(atop) = common::shared("cow", "atop5.1_directed_dyad_year.csv.gz") else {
        return;
    };
    let dir = atop.parent().expect("the file's directory");
    let w = World::load(dir).unwrap();
    let map = map();
    // The example's calibrated world defaults (docs/world_1990_2001.md), each year alone.
    let rules = WorldRules::calibrated();
    let opts =
        WorldBoundaryOptions::new().boundary(BoundaryOptions::world_calibrated().interslice(0.0));
    let (mut sum, mut held_out) = (0.0, 0.0);
    for year in 1990..=2001 {
        let r = w.boundaries(year, &rules, &opts).unwrap();
        sum += map_agreement(&r, &map, &[]).ari.unwrap();
        held_out += map_agreement(&r, &map, &["post_soviet"]).ari.unwrap();
        let of = |u: &str| complex_of(&r, u);
        // The superpower is a member of a complex (its own region's, by its ties) and
        // penetrates others: never set apart.
        assert!(r.set_apart.iter().all(|(u, _)| u != "USA"), "{year}");
        let usa = r.global_powers.iter().find(|g| g.unit == "USA").unwrap();
        assert!(usa.home.is_some() && !usa.penetrates.is_empty(), "{year}");
        // Every insulator measured on the year's complexes, named as the report names
        // them: its shares with the complexes it touches, largest first, the largest its
        // `max_share`, together no more than its whole interdependence — and, on those
        // complexes, an insulator by the definition: it stands between two or more and
        // faces them (at least half of its interdependence with their members). Before
        // insulators were judged again on the final complexes, India in 1990 faced them
        // with 34 % of its ties.
        for i in &r.insulators {
            let facing: f64 = i.touches.iter().map(|x| x.1).sum();
            assert!(
                i.touches.len() >= 2 && facing >= 0.5 - 1e-9,
                "{year}: {} touches {:?}",
                i.unit,
                i.touches
            );
            assert!(
                i.touches
                    .iter()
                    .all(|(c, _)| r.complexes.iter().any(|x| &x.name == c)),
                "{year}: {}",
                i.unit
            );
            assert!(i.touches.windows(2).all(|p| p[0].1 >= p[1].1));
            assert_eq!(i.touches.first().map_or(0.0, |x| x.1), i.max_share);
            assert!(i.touches.iter().map(|x| x.1).sum::<f64>() <= 1.0 + 1e-9);
        }
        // Western Europe, South America, the Arab Middle East are complexes every year.
        for (a, b) in [("FRN", "GMY"), ("BRA", "ARG"), ("SAU", "EGY")] {
            assert!(
                of(a).is_some() && of(a) == of(b),
                "{year}: {a} and {b}\n{r}"
            );
        }
    }
    // 0.738 on the whole map, 0.792 with the post-Soviet region held out (round 18's
    // defaults, each year alone: the calibration's ablation line); regression guards.
    let (mean, held) = (sum / 12.0, held_out / 12.0);
    assert!(mean > 0.72, "mean adjusted Rand index {mean}");
    assert!(held > 0.78, "held-out mean adjusted Rand index {held}");
}

/// Durability (issue 15): the span 1990–2001 detected together at the calibrated defaults
/// (multislice candidates, coupling 8, global powers' homes chosen year by year) against
/// each year alone. Measured (round 19, `rsct boundaries --cow … --calibrate`): 2 flips at
/// every seed 0–7, none unexplained by the unit's or its main partner's ties (each year
/// alone: 133), held-out mean ARI 0.899 with the map's insulators scored, full map 0.838
/// (round 18, before global powers' places were held: 3 flips, 0.836).
#[test]
fn a_span_detected_together_keeps_its_complexes() {
    let Some(atop) = common::shared("cow", "atop5.1_directed_dyad_year.csv.gz") else {
        return;
    };
    let w = World::load(atop.parent().expect("the file's directory")).unwrap();
    let map = map();
    let rules = WorldRules::calibrated();
    let together = WorldBoundaryOptions::new().boundary(BoundaryOptions::world_calibrated());
    let alone =
        WorldBoundaryOptions::new().boundary(BoundaryOptions::world_calibrated().interslice(0.0));
    let span = w
        .boundaries_of_years(1990, 2001, &rules, &together)
        .unwrap();
    let each = w.boundaries_of_years(1990, 2001, &rules, &alone).unwrap();
    let (k_span, k_each) = (
        rsct::boundary::flips(&span, 3).len(),
        rsct::boundary::flips(&each, 3).len(),
    );
    // Measured, round 19: 2 flips together (round 18: 3), 133 with each year alone.
    assert!(
        k_span <= 2 && k_each >= 90,
        "flips {k_span} together, {k_each} alone"
    );
    let held = |rs: &[rsct::boundary::BoundaryReport]| {
        rs.iter()
            .map(|r| map_agreement(r, &map, &["post_soviet"]).ari.unwrap())
            .sum::<f64>()
            / rs.len() as f64
    };
    // Measured, round 18: held out 0.901, full map 0.836 (round 17's defaults: 0.918 and
    // 0.798).
    assert!(held(&span) > 0.89, "held-out {}", held(&span));
    let full = span
        .iter()
        .map(|r| map_agreement(r, &map, &[]).ari.unwrap())
        .sum::<f64>()
        / span.len() as f64;
    assert!(full > 0.82, "full map {full}");
    // Every flip of the span is explained by the data: the unit's own ties or its main
    // partner's changed by at least 10 % (measured, round 18: 3 flips, each explained; the
    // calibration chose the coupling for it).
    let graphs: Vec<_> = (1990..=2001)
        .map(|y| w.interdependence_and_capabilities(y, &rules).unwrap().0)
        .collect();
    let unexplained: Vec<String> = rsct::boundary::flips_with_ties(&span, &graphs, 3)
        .iter()
        .filter(|f| f.explained(0.1) != Some(true))
        .map(ToString::to_string)
        .collect();
    assert!(unexplained.is_empty(), "{unexplained:#?}");
    // Buzan & Wæver's insulators: Afghanistan, between the post-Soviet space, South Asia
    // and the Gulf, and Turkey, between Europe, the Middle East and the post-Soviet space,
    // are found as such in most years (measured, round 18: Afghanistan 12 of 12, Turkey 11
    // of 12 — all but 1990, when 65 % of its ties lie with the complex holding Europe; round
    // 17's defaults: 8 and 0).
    let insulator_years = |u: &str| {
        span.iter()
            .filter(|r| r.insulators.iter().any(|x| x.unit == u))
            .count()
    };
    assert_eq!(insulator_years("AFG"), 12);
    assert_eq!(insulator_years("TUR"), 11);
    // Russia centres a complex apart from Europe, with Kazakhstan, in 9 of 12 years
    // (1993–2001; with Europe in 1990–1992): ATOP's non-aggression and consultation pacts,
    // shared by every CSCE state, no longer outweigh its CIS defence pacts (round 17's
    // defaults: never). In 1999 its place is held (round 18, before global powers' places
    // were held over the span: with Europe that year).
    let russia_apart: Vec<i32> = span
        .iter()
        .filter(|r| {
            let of = |u: &str| complex_of(r, u);
            of("RUS").is_some() && of("RUS") == of("KZK") && of("RUS") != of("GMY")
        })
        .map(|r| r.year)
        .collect();
    assert_eq!(
        russia_apart,
        [1993, 1994, 1995, 1996, 1997, 1998, 1999, 2000, 2001]
    );
    // The cost: Iran, in Buzan & Wæver's Middle East, stands in no complex as an insulator
    // in 10 of 12 years (with Saudi Arabia's complex in 1990–1991), and is never placed in
    // another complex.
    let iran: Vec<&str> = span
        .iter()
        .map(|r| {
            let of = |u: &str| complex_of(r, u);
            if of("IRN").is_some() && of("IRN") == of("SAU") {
                "with SAU"
            } else if r.insulators.iter().any(|x| x.unit == "IRN") {
                "insulator"
            } else {
                "elsewhere"
            }
        })
        .collect();
    assert_eq!(
        iran.iter().filter(|p| **p == "insulator").count(),
        10,
        "{iran:?}"
    );
    assert!(!iran.contains(&"elsewhere"), "{iran:?}");
    // The one-year query is the year alone, whatever the coupling.
    assert_eq!(
        w.boundaries(1995, &rules, &together).unwrap(),
        each[5],
        "1995 alone"
    );
    // Threads do not change a span's reports.
    let one = w
        .boundaries_of_years(1990, 2001, &rules, &together.clone().threads(1))
        .unwrap();
    assert_eq!(one, span);
}

/// The shared world (skipping with a notice when absent) with the calibrated rules and
/// boundary options.
fn calibrated_world() -> Option<(World, WorldRules, WorldBoundaryOptions)> {
    let atop = common::shared("cow", "atop5.1_directed_dyad_year.csv.gz")?;
    let w = World::load(atop.parent().expect("the file's directory")).unwrap();
    let options = WorldBoundaryOptions::new().boundary(BoundaryOptions::world_calibrated());
    Some((w, WorldRules::calibrated(), options))
}

/// The ceiling of any detection that follows the definition (issue 15): Buzan & Wæver's own
/// regions judged by the definition on the ties of 1995 (`rsct boundaries --cow …
/// --compare …` prints the same for every year). Europe, the post-Soviet region, East
/// Asia, southern Africa and — with borders across up to 150 miles of water, Iran's Gulf
/// neighbours among them (round 8) — the Middle East qualify; North America (Canada's ties
/// lie in Europe, Mexico's in Latin America) and South America (its Rio pact ties to the
/// Caribbean and Central America) fail the weak test.
#[test]
fn buzan_and_waevers_regions_under_the_definition_in_1995() {
    let Some((w, rules, options)) = calibrated_world() else {
        return;
    };
    let (g, _) = w.interdependence_and_capabilities(1995, &rules).unwrap();
    let o = w.boundary_options(1995, &rules, &options).unwrap();
    let map = map();
    let judge = |region: &str| {
        let units: Vec<&str> = map
            .iter()
            .filter(|(u, r)| r == region && g.position(u).is_some())
            .map(|(u, _)| u.as_str())
            .collect();
        rsct::boundary::qualify_units(&g, &units, &o)
            .unwrap()
            .qualification
    };
    for region in [
        "eu_europe",
        "post_soviet",
        "east_asia",
        "southern_africa",
        "middle_east",
    ] {
        assert!(judge(region).qualified, "{region}: {:?}", judge(region));
    }
    let na = judge("north_america");
    assert!(!na.weak_community && na.internal_degree < 0.3 * na.external_degree);
    let weak: Vec<&str> = na.weak_members.iter().map(|(u, _)| u.as_str()).collect();
    assert_eq!(weak, ["CAN", "MEX"]);
    let sa = judge("south_america");
    assert!(!sa.weak_community && sa.internal_degree > 0.6 * sa.external_degree);
    // Turkey against the map's own regions: spread (P 0.72), yet EU-Europe holds 46 % of its
    // ties, more than the calibrated insulator's largest share (0.4) — its NATO partners'
    // pairwise ties.
    let t = rsct::boundary::spread_over_map(&g, &map, "TUR").unwrap();
    assert_eq!(t.region, "eu_europe");
    assert!(
        t.participation > 0.6 && t.largest_share > 0.4 && t.largest_share < 0.55,
        "{t:?}"
    );
}

/// Buzan & Wæver's regions given as the candidates, the definition's rules form the
/// complexes (`analyse_interdependence_from`): the nearest partition to the map the rules
/// accept. Measured (round 18's defaults): mean adjusted Rand index 0.847 on the full map,
/// 0.920 with the post-Soviet region left out (round 8's: 0.824 / 0.946), above what
/// detection reaches without the map (0.836 / 0.901): the rules merge the two Americas
/// (South America fails the weak test) and move Russia, Belarus and Ukraine to Europe in
/// 1990–1992 and 1999 only; East Asia keeps China and South-east Asia together.
#[test]
fn the_map_as_candidates_under_the_rules() {
    let Some((w, rules, options)) = calibrated_world() else {
        return;
    };
    let map = map();
    let candidates: Vec<(String, String)> = map
        .iter()
        .map(|(u, r)| {
            let label = if r == "insulator" {
                u.clone()
            } else {
                r.clone()
            };
            (u.clone(), label)
        })
        .collect();
    let (mut full, mut held) = (0.0, 0.0);
    for year in 1990..=2001 {
        let (g, caps) = w.interdependence_and_capabilities(year, &rules).unwrap();
        let o = w.boundary_options(year, &rules, &options).unwrap();
        let r =
            rsct::boundary::analyse_interdependence_from(year, &g, &caps, &o, &candidates).unwrap();
        full += map_agreement(&r, &map, &[]).ari.unwrap() / 12.0;
        held += map_agreement(&r, &map, &["post_soviet"]).ari.unwrap() / 12.0;
        if year == 1995 {
            let of = |u: &str| complex_of(&r, u);
            // South America merged with the superpower's complex; Russia apart from Europe,
            // with Kazakhstan; China with South-east Asia (South Korea elsewhere in
            // 1992–1996).
            assert_eq!(of("BRA"), of("USA"));
            assert!(of("RUS").is_some());
            assert_ne!(of("RUS"), of("FRN"));
            assert_eq!(of("RUS"), of("KZK"));
            assert!(of("CHN").is_some());
            assert_eq!(of("CHN"), of("THI"));
            assert_ne!(of("CHN"), of("RUS"));
        }
    }
    assert!(
        (0.83..0.86).contains(&full) && held > 0.91,
        "full {full}, held out {held}"
    );
}

/// Durability over the world's whole span (issue 15: no unit flips in and out of a complex
/// within three years unless its ties did), 1816–2014 detected together at the calibrated
/// defaults, with and without `FormationRule::DurableAbsence` (units in no complex held out
/// of one for a year or two; off by default). Measured, round 19: without it 126 flips, 31
/// that neither the unit's nor its main partner's ties explain (round 18, before a stretch
/// that tells its years nothing stopped standing in the way of those around it and before
/// global powers' places were held: 217 and 77, among them the Caucasian and Central Asian
/// states, in Russia's complex in 1998 and 2001 and in none in 1999–2000 and 2002); with it
/// 80 and 17 (before global powers' places were held too).
#[test]
fn the_whole_span_keeps_its_complexes() {
    let Some(atop) = common::shared("cow", "atop5.1_directed_dyad_year.csv.gz") else {
        return;
    };
    let w = World::load(atop.parent().expect("the file's directory")).unwrap();
    let rules = WorldRules::calibrated();
    let graphs: Vec<_> = (1816..=2014)
        .map(|y| w.interdependence_and_capabilities(y, &rules).unwrap().0)
        .collect();
    let span = |o: BoundaryOptions| {
        w.boundaries_of_years(1816, 2014, &rules, &WorldBoundaryOptions::new().boundary(o))
            .unwrap()
    };
    let unexplained = |reports: &[rsct::boundary::BoundaryReport]| {
        rsct::boundary::flips_with_ties(reports, &graphs, 3)
            .into_iter()
            .filter(|f| f.explained(0.1) != Some(true))
            .map(|f| (f.unit, f.from))
            .collect::<Vec<_>>()
    };
    let with = unexplained(&span(
        BoundaryOptions::world_calibrated()
            .with_rule(rsct::boundary::FormationRule::DurableAbsence),
    ));
    assert!(with.len() <= 17, "{with:?}");
    let defaults = span(BoundaryOptions::world_calibrated());
    let without = unexplained(&defaults);
    assert!(
        (with.len()..=31).contains(&without.len()),
        "{} {without:?} against {with:?}",
        without.len()
    );
    // The Caucasus and Central Asia keep Russia's complex from 1993 to 2009 on the whole span,
    // as on 1990–2001 detected alone, and none of the post-Soviet states flips unexplained.
    let block = ["ARM", "AZE", "GRG", "KYR", "KZK", "TAJ", "UZB"];
    for r in defaults.iter().filter(|r| (1993..=2009).contains(&r.year)) {
        let russia = complex_of(r, "RUS");
        assert!(russia.is_some(), "{}", r.year);
        for u in block {
            assert_eq!(complex_of(r, u), russia, "{u} in {}", r.year);
        }
    }
    let post_soviet = ["RUS", "UKR", "BLR", "MLD", "TKM"];
    assert!(
        !without
            .iter()
            .any(|(u, _)| block.contains(&u.as_str()) || post_soviet.contains(&u.as_str())),
        "{without:?}"
    );
}
