//! The boundaries of the world 1990–2001 (ATOP 5.1 + MID 5.0 + Direct Contiguity + NMC)
//! against Buzan & Wæver's post-Cold War map (`tests/data/bw2003_regions.csv`, region
//! membership only: Buzan & Wæver 2003, *Regions and Powers*, map p. xxvi / ch. 1–3).
//! Skips with a notice when `../shared` is absent. The settings are those of
//! `docs/world_1990_2001.md`.

use rsct::boundary::{BoundaryOptions, BoundaryReport, adjusted_rand_index};
use rsct::io::cow::{ContiguityType, Obligation};
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

/// The adjusted Rand index of the complexes found against the map's regions, over the map's
/// region members that are units of the year (a unit in no complex is a group of its own).
fn ari(r: &BoundaryReport, map: &[(String, String)]) -> f64 {
    let units: Vec<&String> = r
        .complexes
        .iter()
        .flat_map(|c| &c.members)
        .chain(r.proto_complexes.iter().flat_map(|c| &c.members))
        .chain(&r.unstructured)
        .chain(r.insulators.iter().map(|i| &i.unit))
        .chain(r.set_apart.iter().map(|s| &s.0))
        .collect();
    let mut regions: Vec<&str> = Vec::new();
    let (mut truth, mut found) = (Vec::new(), Vec::new());
    for (u, reg) in map {
        if reg == "insulator" || !units.contains(&u) {
            continue;
        }
        let t = regions.iter().position(|x| x == reg).unwrap_or_else(|| {
            regions.push(reg);
            regions.len() - 1
        });
        truth.push(t);
        found.push(
            r.complexes
                .iter()
                .position(|c| c.members.contains(u))
                .unwrap_or(1000 + truth.len()),
        );
    }
    adjusted_rand_index(&truth, &found).unwrap()
}

#[test]
fn world_1990_2001_against_buzan_and_waever() {
    let Some(atop) = common::shared("cow", "atop5.1_directed_dyad_year.csv.gz") else {
        return;
    };
    let dir = atop.parent().expect("the file's directory");
    let w = World::load(dir).unwrap();
    let map = map();
    // The best setting of docs/world_1990_2001.md.
    let rules = WorldRules::new()
        .members_only(true)
        .contiguity(ContiguityType::Land, 1.0)
        .atop_intensity(Obligation::NonAggression, 0.1)
        .atop_intensity(Obligation::Consultation, 0.2)
        .atop_intensity(Obligation::Neutrality, 0.2);
    let opts = WorldBoundaryOptions::new().boundary(BoundaryOptions::new().resolution(2.0));
    let mut sum = 0.0;
    for year in 1990..=2001 {
        let r = w.boundaries(year, &rules, &opts).unwrap();
        sum += ari(&r, &map);
        let of = |u: &str| {
            r.complexes
                .iter()
                .position(|c| c.members.iter().any(|m| m == u))
        };
        // The USA, the preset's superpower, is always set apart.
        assert!(r.set_apart.iter().any(|(u, _)| u == "USA"), "{year}");
        // Western Europe, South America, West Africa's and Southern Africa's cores, and the
        // Arab Middle East are complexes every year.
        for (a, b) in [
            ("FRN", "GMY"),
            ("BRA", "ARG"),
            ("SAF", "ZIM"),
            ("SAU", "EGY"),
        ] {
            assert!(
                of(a).is_some() && of(a) == of(b),
                "{year}: {a} and {b}\n{r}"
            );
        }
        if (1994..=1998).contains(&year) {
            // The post-Soviet complex centred on Russia, apart from EU-Europe.
            let rus = of("RUS").unwrap();
            for u in ["BLR", "ARM", "GRG", "AZE", "KZK", "UZB", "TAJ", "KYR"] {
                assert_eq!(of(u), Some(rus), "{year}: {u}\n{r}");
            }
            assert_ne!(of("GMY"), Some(rus));
            assert!(r.complexes[rus].name.ends_with("RUS"), "{year}");
        }
    }
    let mean = sum / 12.0;
    // 0.738 with these settings (docs/world_1990_2001.md); a regression guard.
    assert!(mean > 0.73, "mean adjusted Rand index {mean}");
}
