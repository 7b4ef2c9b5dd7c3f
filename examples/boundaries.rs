//! Boundaries through the API: Buzan & Wæver's security complexes — where the members'
//! security concerns lie — with their type, character and the roles around them (insulators,
//! buffers, penetrating powers), first in the post-Soviet data set, then in the world layer
//! scored against Buzan & Wæver's own map.
//!
//! ```text
//! cargo run --release --example boundaries [-- YEAR]
//! ```
//!
//! `YEAR` is 1991–2013 (default 1995). The world layer is the compact extract shipped in
//! `data/world_1991_2013` (ATOP, MID, contiguity and NMC); the map is
//! `tests/data/bw2003_regions.csv`. Any data set, the full COW files over any span, the
//! detection's options, JSON, and the calibration: the command line,
//! `rsct boundaries [DATASET | --cow DIR --from Y --to Y --compare MAP] [--calibrate]`.

mod common;

use rsct::DerivationRules;
use rsct::boundary::{
    BoundaryOptions, InterdependenceOptions, analyse, analyse_interdependence_from, map_agreement,
    qualify_units,
};
use rsct::panel::{World, WorldBoundaryOptions, WorldRules};
use rsct::polarity::Classification;
use std::error::Error;
use std::process::ExitCode;

const USAGE: &str = "usage: boundaries [YEAR]
  YEAR  1991–2013 (default 1995)
The command line does more: rsct boundaries --help.
Exit codes: 0 success, 1 data or analysis error, 2 usage error.";

fn main() -> ExitCode {
    common::main(USAGE, run)
}

fn run(args: common::Args) -> Result<(), Box<dyn Error>> {
    let year = common::year_or(args, 1995)?;

    // 1. A hand-coded data set: its snapshot carries the year's capabilities, power classes
    //    and institutions; the outside powers it codes stand apart, as superpowers do.
    let ds = rsct::datasets::post_soviet()?;
    let g = ds.snapshot(year, &DerivationRules::new())?;
    let options = BoundaryOptions::new()
        .set_apart(["CHN", "EU", "IND", "PAK", "MNG"])
        .classes(Classification::buzan_waever_post_1990());
    let report = analyse(
        &g,
        g.capabilities(),
        &InterdependenceOptions::new(),
        &options,
    )?;
    println!("== the post-Soviet data set alone, {year}\n{report}");
    // Why each complex is one: the qualification test's numbers and reasons.
    print!("{}", report.explain());

    // 2. The world layer with the calibrated defaults (chosen on Buzan & Wæver's map without
    //    the post-Soviet region), scored against the whole map.
    let world: World = rsct::io::cow::read_extract("data/world_1991_2013")?.into();
    let wo = WorldBoundaryOptions::new().boundary(BoundaryOptions::world_calibrated());
    let report = world.boundaries(year, &WorldRules::calibrated(), &wo)?;
    let map = read_map("tests/data/bw2003_regions.csv")?;
    let agreement = map_agreement(&report, &map, &[]);
    println!(
        "\n== the world, {year}: {} complexes; adjusted Rand index against Buzan & Wæver's map {}",
        report.complexes.len(),
        agreement
            .ari
            .map_or_else(|| "undefined".to_owned(), |x| format!("{x:.3}"))
    );
    for c in &report.complexes {
        println!("{}: {}", c.name, c.members.join(" "));
    }

    // 3. The map itself under the definition: is each of its regions a complex on these
    //    ties? And what do the definition's rules make of the map given as the candidates?
    let rules = WorldRules::calibrated();
    let (ig, caps) = world.interdependence_and_capabilities(year, &rules)?;
    let o = world.boundary_options(year, &rules, &wo)?;
    let mut regions: Vec<&str> = map
        .iter()
        .map(|(_, r)| r.as_str())
        .filter(|r| *r != "insulator")
        .collect();
    regions.sort_unstable();
    regions.dedup();
    println!(
        "
== Buzan & Wæver's regions judged by the definition, {year}"
    );
    for r in regions {
        let units: Vec<&str> = map
            .iter()
            .filter(|(u, x)| x == r && ig.position(u).is_some())
            .map(|(u, _)| u.as_str())
            .collect();
        let q = qualify_units(&ig, &units, &o)?.qualification;
        let why = if q.qualified {
            String::new()
        } else {
            format!(" ({})", q.reasons.join("; "))
        };
        println!(
            "{r}: {}{why}",
            if q.qualified {
                "a complex"
            } else {
                "no complex"
            }
        );
    }
    // Each map insulator a candidate of its own, the other regions as drawn.
    let candidates: Vec<(String, String)> = map
        .iter()
        .map(|(u, r)| {
            (
                u.clone(),
                if r == "insulator" {
                    u.clone()
                } else {
                    r.clone()
                },
            )
        })
        .collect();
    let formed = analyse_interdependence_from(year, &ig, &caps, &o, &candidates)?;
    println!(
        "the map's regions as candidates, formed by the rules: adjusted Rand index {}",
        map_agreement(&formed, &map, &[])
            .ari
            .map_or_else(|| "undefined".to_owned(), |x| format!("{x:.3}"))
    );
    Ok(())
}

/// `unit,region` lines, `#` comments and a header.
fn read_map(path: &str) -> Result<Vec<(String, String)>, Box<dyn Error>> {
    let text = std::fs::read_to_string(path)?;
    Ok(text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#') && *l != "unit,region")
        .filter_map(|l| l.split_once(','))
        .map(|(u, r)| (u.trim().to_owned(), r.trim().to_owned()))
        .collect())
}
