//! The post-Soviet security complex, from the thesis's data set: the complex and its boundary,
//! insulators, penetrating powers, polarity and type, sub-complexes, amity–enmity character,
//! structural balance, and its evolution since 1991 — with a picture.
//!
//! ```sh
//! cargo run --release --example post_soviet                 # 2013
//! cargo run --release --example post_soviet -- --year 2002
//! cargo run --release --example post_soviet -- --json
//! ```
//!
//! Writes `target/rsct/post_soviet_<year>.svg` and `.dot`. Data: `rsct::datasets::post_soviet()`
//! (the thesis in `shared/seed/`, cited by section and footnote; COW NMC 6.0 CINC).
//! Settings: Buzan & Wæver's post-1990 power classes (USA superpower; Russia, China, the EU,
//! Japan great powers); China, the EU, India, Pakistan and Mongolia set apart as outside
//! powers (`rsct::datasets::POST_SOVIET_OUTSIDE_POWERS`); default derivation rules
//! (collective-defence co-membership = amity 0.5).

mod common;

use rsct::balance::frustration::{FrustrationOptions, frustration_exact};
use rsct::balance::{CensusOptions, harary_test, triangle_census};
use rsct::boundary::{
    BoundaryOptions, BoundaryReport, ComplexReport, InterdependenceOptions, analyse,
};
use rsct::datasets::{POST_SOVIET_OUTSIDE_POWERS, post_soviet};
use rsct::evolution::{Cause, EvolutionOptions, Transformation, series};
use rsct::polarity::Classification;
use rsct::report::{Drawing, percent};
use rsct::{DerivationRules, SecurityGraph};
use std::collections::BTreeMap;
use std::error::Error;
use std::process::ExitCode;

const FIRST_YEAR: i32 = 1991;

pub(crate) fn options() -> BoundaryOptions {
    BoundaryOptions::new()
        .classes(Classification::buzan_waever_post_1990())
        .set_apart(&POST_SOVIET_OUTSIDE_POWERS)
        .institutions(&["EU"])
}

/// Balance of a complex's own signed ties.
#[derive(serde::Serialize)]
struct Balance {
    ppp: u64,
    ppm: u64,
    pmm: u64,
    mmm: u64,
    strict_ratio: Option<f64>,
    balanced: bool,
    odd_cycle: Option<Vec<String>>,
    /// The frustration index of the complex's signed ties (exact, with proof of optimality).
    frustration: f64,
    frustration_proven: bool,
    /// F = 1 − 2L/m.
    normalised_frustration: f64,
    /// The two camps of an optimal partition (the Harary camps when balanced).
    camps: [Vec<String>; 2],
    /// The ties an optimal partition frustrates.
    frustrated: Vec<String>,
}

fn balance(g: &SecurityGraph, members: &[String]) -> Result<Balance, Box<dyn Error>> {
    let sub = g.restricted_to(members);
    let census = triangle_census(sub.graph(), &CensusOptions::new())?;
    let h = harary_test(sub.graph())?;
    let f = frustration_exact(sub.graph(), &FrustrationOptions::new().seed(7))?;
    let name = |i: &rsct::petgraph::graph::NodeIndex| {
        sub.unit(*i).map_or("?".to_owned(), |u| u.id().to_owned())
    };
    let by_index = |i: &usize| name(&rsct::petgraph::graph::NodeIndex::new(*i));
    let [a, b] = f.camps();
    let c = census.counts();
    Ok(Balance {
        ppp: c.ppp(),
        ppm: c.ppm(),
        pmm: c.pmm(),
        mmm: c.mmm(),
        strict_ratio: c.strict_ratio(),
        balanced: h.is_balanced(),
        odd_cycle: h
            .odd_cycle()
            .map(|cy| cy.units().iter().map(name).collect()),
        frustration: f.value(),
        frustration_proven: f.is_optimal(),
        normalised_frustration: f.normalised(),
        camps: [
            a.iter().map(by_index).collect(),
            b.iter().map(by_index).collect(),
        ],
        frustrated: f
            .frustrated()
            .iter()
            .map(|t| format!("{}–{}", by_index(&t.source), by_index(&t.target)))
            .collect(),
    })
}

pub(crate) fn focus(report: &BoundaryReport) -> Option<&ComplexReport> {
    report
        .complexes
        .iter()
        .find(|c| c.members.iter().any(|m| m == "RUS"))
}

/// The picture: the focus complex's sub-complexes (when it has two or more) as groups of
/// their own, then everything the boundary report says (the other complexes, buffer states,
/// proto-complexes, insulators, outside powers), placed by the units' capitals.
pub(crate) fn picture(report: &BoundaryReport, complex: &ComplexReport, year: i32) -> Drawing {
    let mut drawing = Drawing::new(&format!("The post-Soviet security complex, {year}"));
    if complex.subcomplexes.len() >= 2 {
        for (i, sc) in complex.subcomplexes.iter().enumerate() {
            drawing = drawing.group(&format!("{}: sub-complex {}", complex.name, i + 1), sc);
        }
    }
    drawing.boundaries(report).full_names().hide_isolated()
}

const USAGE: &str = "usage: post_soviet [--year YEAR] [--json]
  --year YEAR  the year, 1991–2013 (default 2013)
  --json       the report as one JSON object
Writes target/rsct/post_soviet_<year>.svg and .dot.
Exit codes: 0 success, 1 data or analysis error, 2 usage error.";

fn main() -> ExitCode {
    common::main(USAGE, run)
}

fn run(mut args: common::Args) -> Result<(), Box<dyn Error>> {
    let (mut year, mut json) = (2013, false);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--year" => year = args.value("--year")?,
            "--json" => json = true,
            other => return Err(common::unknown(other).into()),
        }
    }
    if !(FIRST_YEAR..=2013).contains(&year) {
        return Err(
            common::Usage(format!("the data set covers {FIRST_YEAR}–2013, not {year}")).into(),
        );
    }
    let ds = post_soviet()?;
    let g = ds.snapshot(year, &DerivationRules::new())?;
    let caps: BTreeMap<String, f64> = ds
        .capabilities()
        .iter()
        .filter(|c| c.year() == year)
        .map(|c| (c.unit().to_owned(), c.value()))
        .collect();
    let report = analyse(&g, &caps, &InterdependenceOptions::new(), &options())?;
    let complex = focus(&report).ok_or("Russia is in no complex this year")?;
    let bal = balance(&g, &complex.members)?;
    let evolution = series(
        &ds,
        FIRST_YEAR,
        year,
        &EvolutionOptions::new().boundary(options()),
    )?;
    let events: Vec<_> = evolution
        .events
        .iter()
        .filter(|e| e.transformation != Transformation::StatusQuo)
        .collect();

    let drawing = picture(&report, complex, year);
    let dir = std::path::Path::new("target/rsct");
    std::fs::create_dir_all(dir)?;
    let svg = dir.join(format!("post_soviet_{year}.svg"));
    let dot = dir.join(format!("post_soviet_{year}.dot"));
    std::fs::write(&svg, drawing.to_svg(&g)?)?;
    std::fs::write(&dot, drawing.to_dot(&g))?;

    if json {
        let out = serde_json::json!({
            "year": year,
            "data": "rsct::datasets::post_soviet() — thesis (shared/seed), COW NMC 6.0",
            "complex": complex.name,
            "report": report,
            "balance": bal,
            "events": events,
            "picture": {"svg": svg, "dot": dot},
        });
        println!("{out}");
        return Ok(());
    }
    println!("The post-Soviet security complex in {year}");
    println!(
        "(data: the thesis in shared/seed, cited by section and footnote; COW NMC 6.0 CINC)\n"
    );
    println!(
        "{} — {} members: {}",
        complex.name,
        complex.members.len(),
        complex.members.join(", ")
    );
    let m = &complex.metrics;
    println!(
        "  boundary: internal {:.1}, external {:.1} (ratio {}), conductance {}; with outside powers {:.1}",
        m.internal,
        m.external,
        m.internal_external_ratio
            .map_or("∞".into(), |r| format!("{r:.2}")),
        m.conductance.map_or("—".into(), |c| format!("{c:.3}")),
        m.with_set_apart
    );
    let ties: Vec<String> = m
        .boundary_ties
        .iter()
        .take(5)
        .map(|(a, b, w)| format!("{a}–{b} {w:.1}"))
        .collect();
    println!("  strongest ties across the boundary: {}", ties.join(", "));
    println!("  type: {}", complex.type_reason);
    if let Some(p) = &complex.polarity {
        println!(
            "  polarity: HHI {:.3}, effective poles {:.2}, CON {}, poles {}",
            p.measures.hhi,
            p.measures.effective_poles,
            p.measures.con.map_or("—".into(), |c| format!("{c:.3}")),
            p.poles
                .poles
                .iter()
                .map(|(u, s)| format!("{u} {s:.3}"))
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    if let (Some(ch), Some(e)) = (complex.character, complex.enmity_share) {
        println!(
            "  character: {ch} (enmity {} of internal signed interdependence)",
            percent(e, 0)
        );
    }
    println!(
        "  balance: triangles +++ {} ++− {} +−− {} −−− {}, strict ratio {}; {}",
        bal.ppp,
        bal.ppm,
        bal.pmm,
        bal.mmm,
        bal.strict_ratio.map_or("—".into(), |r| format!("{r:.3}")),
        match &bal.odd_cycle {
            None => "balanced".to_owned(),
            Some(c) => format!("not balanced: odd-negative cycle {}", c.join(" → ")),
        }
    );
    println!(
        "  frustration: L = {}{} (F = {:.3}); camps {{{}}} vs {{{}}}{}",
        bal.frustration,
        if bal.frustration_proven {
            ", proven optimal"
        } else {
            " (not proven)"
        },
        bal.normalised_frustration,
        bal.camps[0].join(", "),
        bal.camps[1].join(", "),
        if bal.frustrated.is_empty() {
            String::new()
        } else {
            format!("; frustrated: {}", bal.frustrated.join(", "))
        }
    );
    for sc in &complex.subcomplexes {
        println!("  sub-complex: {}", sc.join(", "));
    }
    for b in &complex.buffers {
        println!(
            "  buffer: {} between {} and {}",
            b.unit, b.between.0, b.between.1
        );
    }
    for p in &complex.penetration {
        println!(
            "  penetrated by {} ({:.1}): aligned with {}; opposed to {}",
            p.power,
            p.interdependence,
            if p.aligned.is_empty() {
                "none".into()
            } else {
                p.aligned.join(", ")
            },
            if p.opposed.is_empty() {
                "none".into()
            } else {
                p.opposed.join(", ")
            }
        );
    }
    println!(
        "  overlay: {} ({} outside)",
        if complex.overlay.overlaid {
            "yes"
        } else {
            "no"
        },
        percent(complex.overlay.outside_share, 0)
    );
    println!("\nThe rest of the map:");
    for line in report.to_string().lines().skip(1) {
        if !line.contains(&complex.name) {
            println!("{line}");
        }
    }
    println!(
        "\nEvolution {FIRST_YEAR}–{year} ({} events beyond the status quo):",
        events.len()
    );
    for e in &events {
        let head = e.to_string();
        println!("  {}", head.lines().next().unwrap_or(""));
        for c in e.changes.iter().take(3) {
            println!("      change: {c}");
        }
        let causes: Vec<String> = e
            .causes
            .iter()
            .filter(|c| !matches!(c, Cause::Tie { .. }))
            .take(4)
            .map(ToString::to_string)
            .collect();
        if !causes.is_empty() {
            println!("      causes: {}", causes.join("; "));
        }
    }
    println!("\npicture: {} and {}", svg.display(), dot.display());
    Ok(())
}
