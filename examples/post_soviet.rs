//! The post-Soviet security complex in its world: the thesis's data set laid over the world
//! layer (ATOP alliances, MID disputes, contiguity and NMC capabilities, 1991–2013, from the
//! extract shipped in `data/world_1991_2013/`), then the region as the theory describes it —
//! the complexes its states belong to, sub-complexes, insulators, buffers and hedging states,
//! penetrating powers, polarity and type, amity–enmity character, structural balance and
//! frustration over the region's states and over the complex, and the evolution since 1991
//! with its causes — with a picture.
//!
//! ```sh
//! cargo run --release --example post_soviet                  # 2013, embedded in the world
//! cargo run --release --example post_soviet -- --year 1995
//! cargo run --release --example post_soviet -- --thesis-only # the data set alone
//! cargo run --release --example post_soviet -- --json
//! ```
//!
//! Writes `target/rsct/post_soviet_<year>.svg` and `.dot`. Data: `rsct::datasets::post_soviet()`
//! (the thesis, cited by section and footnote; outside facts marked `external:`) over the world
//! extract (`rsct::io::cow::read_extract`; ATOP v5.1, MID v5.0, COW Direct Contiguity v3.2,
//! NMC v6.0). On the dyad-years the thesis codes, its relations replace the world layer's
//! (`rsct::OverlayRule::Replace`). Settings: the boundary defaults, and the power
//! classes the data set states (Buzan & Wæver's, with their evidence).

mod common;

use rsct::OverlayRule;
use rsct::balance::{CensusOptions, harary_test, triangle_census};
use rsct::balance::{FrustrationOptions, frustration_exact};
use rsct::boundary::{
    BoundaryOptions, BoundaryReport, ComplexReport, InterdependenceOptions, Qualification, analyse,
    interdependence, qualify_units,
};
use rsct::datasets::post_soviet;
use rsct::evolution::{Cause, EvolutionOptions, Transformation, series};
use rsct::panel::{World, WorldRules};
use rsct::report::{Drawing, percent};
use rsct::{Dataset, DerivationRules, SecurityGraph, Year};
use std::error::Error;
use std::process::ExitCode;

const FIRST_YEAR: Year = 1991;
const LAST_YEAR: Year = 2013;

/// The post-Soviet space as the thesis and Buzan & Wæver draw it: the twelve CIS states
/// (the Baltic states left out) and the four breakaway regions.
pub(crate) const REGION: [&str; 16] = [
    "RUS", "BLR", "UKR", "MDA", "ARM", "AZE", "GEO", "KAZ", "KGZ", "TJK", "TKM", "UZB", "NKR",
    "ABK", "SOS", "PMR",
];

/// Which data the analysis runs on.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Scope {
    /// The thesis's data set over the world layer (the default).
    Embedded,
    /// The thesis's data set alone.
    ThesisOnly,
}

/// The world's rules: any ATOP obligation is amity, MID hostility ≥ 3 enmity, land borders
/// count as proximity — as the world calibration chose them, with the post-Soviet region
/// held out (`WorldRules::calibrated`, `docs/world_1990_2001.md`).
fn world_rules() -> WorldRules {
    WorldRules::calibrated()
}

/// The data set of a scope.
pub(crate) fn data(scope: Scope) -> Result<Dataset, Box<dyn Error>> {
    let thesis = post_soviet()?;
    if scope == Scope::ThesisOnly {
        return Ok(thesis);
    }
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/world_1991_2013");
    let world: World = rsct::io::cow::read_extract(dir)?.into();
    let base = world.dataset(FIRST_YEAR, LAST_YEAR, &world_rules())?;
    Ok(Dataset::overlay(&base, &thesis, OverlayRule::Replace)?)
}

/// The derivation rules of a scope's snapshots.
pub(crate) fn rules(scope: Scope) -> DerivationRules {
    match scope {
        Scope::Embedded => world_rules().derivation_rules().with_memberships(),
        Scope::ThesisOnly => DerivationRules::new(),
    }
}

/// The boundary options: the world calibration's (`BoundaryOptions::world_calibrated`) when
/// the data set is embedded in the world, the defaults for the data set alone. The data set's
/// power classes of the year (Buzan & Wæver's, stated in the data with their evidence) and
/// its institutions come from the data: `analyse` reads them from the snapshot.
pub(crate) fn options(scope: Scope) -> BoundaryOptions {
    match scope {
        Scope::Embedded => BoundaryOptions::world_calibrated(),
        Scope::ThesisOnly => BoundaryOptions::new(),
    }
}

/// The security graph and the boundary report of a year.
pub(crate) fn year_report(
    ds: &Dataset,
    scope: Scope,
    year: Year,
) -> Result<(SecurityGraph, BoundaryReport), Box<dyn Error>> {
    let g = ds.snapshot(year, &rules(scope))?;
    let report = analyse(
        &g,
        g.capabilities(),
        &InterdependenceOptions::new(),
        &options(scope),
    )?;
    Ok((g, report))
}

/// The qualification test of the region as drawn ([`qualify_units`]) on the year's
/// interdependence, with the data set's power classes (Russia a great power: its ties
/// beyond the region are its reach).
fn region_as_drawn(
    g: &SecurityGraph,
    scope: Scope,
    units: &[&str],
) -> Result<Qualification, Box<dyn Error>> {
    let ig = interdependence(g, &InterdependenceOptions::new())?;
    let o = options(scope).classes(g.power_classes().clone());
    Ok(qualify_units(&ig, units, &o)?.qualification)
}

/// Balance of a set of units' own signed ties.
#[derive(serde::Serialize)]
struct Balance {
    units: usize,
    ties: usize,
    ppp: u64,
    ppm: u64,
    pmm: u64,
    mmm: u64,
    strict_ratio: Option<f64>,
    balanced: bool,
    odd_cycle: Option<Vec<String>>,
    /// The frustration index of the signed ties (exact, with proof of optimality).
    frustration: f64,
    frustration_proven: bool,
    /// F = 1 − 2L/m.
    normalised_frustration: f64,
    /// The two camps of an optimal partition (the Harary camps when balanced).
    camps: [Vec<String>; 2],
    /// The ties an optimal partition frustrates.
    frustrated: Vec<String>,
}

fn balance<S: AsRef<str>>(g: &SecurityGraph, members: &[S]) -> Result<Balance, Box<dyn Error>> {
    let sub = g.restricted_to(members);
    let census = triangle_census(sub.graph(), &CensusOptions::new())?;
    let h = harary_test(sub.graph())?;
    let f = frustration_exact(sub.graph(), &FrustrationOptions::new().seed(7))?;
    let name = |i: &rsct::petgraph::graph::NodeIndex| {
        sub.unit(*i).map_or("?".to_owned(), |u| u.id().to_owned())
    };
    let [a, b] = f.camps();
    let c = census.counts();
    Ok(Balance {
        units: sub.unit_count(),
        ties: sub.tie_count(),
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
        camps: [a.iter().map(name).collect(), b.iter().map(name).collect()],
        frustrated: f
            .frustrated()
            .iter()
            .map(|t| format!("{}–{}", name(&t.source), name(&t.target)))
            .collect(),
    })
}

/// The complex around Russia, if there is one.
pub(crate) fn focus(report: &BoundaryReport) -> Option<&ComplexReport> {
    report
        .complexes
        .iter()
        .find(|c| c.members.iter().any(|m| m == "RUS"))
}

/// The units drawn: the thesis's data set's units (the region and the powers around it).
pub(crate) fn drawn_units() -> Result<Vec<String>, Box<dyn Error>> {
    Ok(post_soviet()?
        .units()
        .iter()
        .map(|u| u.id().to_owned())
        .collect())
}

/// The picture: the focus complex's sub-complexes (when it has two or more) as groups of
/// their own, then everything the boundary report says (the other complexes, buffer states,
/// proto-complexes, insulators, outside powers), placed by the units' capitals.
pub(crate) fn picture(
    report: &BoundaryReport,
    complex: Option<&ComplexReport>,
    year: Year,
) -> Drawing {
    let mut drawing = Drawing::new(&format!("The post-Soviet security complex, {year}"));
    if let Some(complex) = complex
        && complex.subcomplexes.len() >= 2
    {
        for (i, sc) in complex.subcomplexes.iter().enumerate() {
            drawing = drawing.group(&format!("{}: sub-complex {}", complex.name, i + 1), sc);
        }
    }
    drawing.boundaries(report).full_names().hide_isolated()
}

/// The picture of a year's region: the graph restricted to the drawn units (used by
/// `tests/pictures.rs`, which checks it and regenerates the README's picture).
#[allow(dead_code)]
pub(crate) fn year_picture(scope: Scope, year: Year) -> Result<String, Box<dyn Error>> {
    let ds = data(scope)?;
    let (g, report) = year_report(&ds, scope, year)?;
    let shown = g.restricted_to(&drawn_units()?);
    Ok(picture(&report, focus(&report), year).to_svg(&shown)?)
}

const USAGE: &str = "usage: post_soviet [--year YEAR] [--thesis-only] [--json]
  --year YEAR    the year, 1991–2013 (default 2013)
  --thesis-only  the thesis's data set alone, not laid over the world layer
  --json         the report as one JSON object
Writes target/rsct/post_soviet_<year>.svg and .dot.
Exit codes: 0 success, 1 data or analysis error, 2 usage error.";

fn main() -> ExitCode {
    common::main(USAGE, run)
}

fn run(mut args: common::Args) -> Result<(), Box<dyn Error>> {
    let (mut year, mut json, mut scope) = (LAST_YEAR, false, Scope::Embedded);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--year" => year = args.value("--year")?,
            "--json" => json = true,
            "--thesis-only" => scope = Scope::ThesisOnly,
            other => return Err(common::unknown(other).into()),
        }
    }
    if !(FIRST_YEAR..=LAST_YEAR).contains(&year) {
        return Err(common::Usage(format!(
            "the data set covers {FIRST_YEAR}–{LAST_YEAR}, not {year}"
        ))
        .into());
    }
    let ds = data(scope)?;
    let (g, report) = year_report(&ds, scope, year)?;
    let in_region = |u: &str| REGION.contains(&u);
    // The complexes that hold a state of the region, the focus (Russia's) first.
    let mut touching: Vec<&ComplexReport> = report
        .complexes
        .iter()
        .filter(|c| c.members.iter().any(|m| in_region(m)))
        .collect();
    touching.sort_by_key(|c| !c.members.iter().any(|m| m == "RUS"));
    let complex = focus(&report);
    let region_present: Vec<&str> = REGION
        .iter()
        .copied()
        .filter(|u| g.node(u).is_some())
        .collect();
    let region_balance = balance(&g, &region_present)?;
    // The region as drawn, judged by the definition on the same ties (theory §3): is the
    // post-Soviet space a complex here, whatever the detection makes of it?
    let drawn = region_as_drawn(&g, scope, &region_present)?;
    let complex_balance = complex.map(|c| balance(&g, &c.members)).transpose()?;
    let evolution = series(
        &ds,
        FIRST_YEAR,
        year,
        &EvolutionOptions::new()
            .rules(rules(scope))
            .boundary(options(scope)),
    )?;
    // The complexes that held a state of the region in some year, by name.
    let regional: std::collections::BTreeSet<&str> = evolution
        .years
        .iter()
        .flat_map(|y| &y.complexes)
        .filter(|c| c.members.iter().any(|m| in_region(m)))
        .map(|c| c.name.as_str())
        .collect();
    let events: Vec<_> = evolution
        .events
        .iter()
        .filter(|e| e.transformation != Transformation::StatusQuo)
        .filter(|e| regional.contains(e.complex.as_str()))
        .collect();

    let shown = g.restricted_to(&drawn_units()?);
    let drawing = picture(&report, complex, year);
    let dir = std::path::Path::new("target/rsct");
    std::fs::create_dir_all(dir)?;
    let svg = dir.join(format!("post_soviet_{year}.svg"));
    let dot = dir.join(format!("post_soviet_{year}.dot"));
    std::fs::write(&svg, drawing.to_svg(&shown)?)?;
    std::fs::write(&dot, drawing.to_dot(&shown))?;

    let scope_text = match scope {
        Scope::Embedded => {
            "the thesis's data set (rsct::datasets::post_soviet) over the world layer 1991–2013 \
             (ATOP v5.1, MID v5.0, COW Direct Contiguity v3.2, NMC v6.0)"
        }
        Scope::ThesisOnly => "the thesis's data set alone (rsct::datasets::post_soviet)",
    };
    if json {
        let out = serde_json::json!({
            "year": year,
            "data": scope_text,
            "units": g.unit_count(),
            "ties": g.tie_count(),
            "region": REGION,
            "complexes": touching,
            "insulators": report.insulators,
            "report": report,
            "balance_region": region_balance,
            "region_as_drawn": drawn,
            "balance_complex": complex_balance,
            "events": events,
            "picture": {"svg": svg, "dot": dot},
        });
        println!("{out}");
        return Ok(());
    }
    println!("The post-Soviet security complex in {year}");
    println!(
        "(data: {scope_text}; {} units, {} ties)\n",
        g.unit_count(),
        g.tie_count()
    );
    for c in &touching {
        print_complex(c, &in_region);
    }
    let placed: Vec<&str> = touching
        .iter()
        .flat_map(|c| c.members.iter().map(String::as_str))
        .collect();
    for u in REGION
        .iter()
        .filter(|u| !placed.contains(u) && g.node(u).is_some())
    {
        let role = if report.insulators.iter().any(|i| i.unit == *u) {
            "an insulator"
        } else if report
            .proto_complexes
            .iter()
            .any(|p| p.members.iter().any(|m| m == u))
        {
            "in a proto-complex"
        } else if report.set_apart.iter().any(|(s, _)| s == u) {
            "set apart"
        } else {
            "in no complex"
        };
        println!("{u}: {role}");
    }
    let near: Vec<String> = report
        .insulators
        .iter()
        .filter(|i| {
            i.touches
                .iter()
                .any(|(c, _)| touching.iter().any(|t| &t.name == c))
        })
        .map(|i| {
            let faces: Vec<&str> = i.touches.iter().map(|(c, _)| c.as_str()).collect();
            format!("{} (facing {})", i.unit, faces.join(", "))
        })
        .collect();
    if !near.is_empty() {
        println!("insulators at the region's edges: {}", near.join("; "));
    }
    println!(
        "the region as drawn ({} units), judged by the definition: {} — internal degree {:.1} against external {:.1}; under the member share of {}: {}",
        region_present.len(),
        if drawn.qualified {
            "a complex"
        } else {
            "no complex"
        },
        drawn.internal_degree,
        drawn.external_degree,
        percent(options(scope).get_member_share(), 0),
        if drawn.weak_members.is_empty() {
            "none".to_owned()
        } else {
            drawn
                .weak_members
                .iter()
                .map(|(u, x)| format!("{u} {}", percent(*x, 0)))
                .collect::<Vec<_>>()
                .join(", ")
        }
    );
    println!();
    print_balance("the region's states", &region_balance);
    if let (Some(c), Some(b)) = (complex, &complex_balance) {
        print_balance(&c.name, b);
    }
    println!(
        "\nEvolution {FIRST_YEAR}–{year} of the complexes holding the region's states ({} events beyond the status quo):",
        events.len()
    );
    for e in &events {
        let head = e.to_string();
        println!("  {}", head.lines().next().unwrap_or(""));
        for c in e.changes.iter().take(6) {
            println!("      change: {c}");
        }
        if e.changes.len() > 6 {
            println!("      (and {} more changes)", e.changes.len() - 6);
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

fn print_complex(complex: &ComplexReport, in_region: &dyn Fn(&str) -> bool) {
    let others = complex.members.iter().filter(|m| !in_region(m)).count();
    println!(
        "{} — {} members ({} of the region): {}",
        complex.name,
        complex.members.len(),
        complex.members.len() - others,
        complex.members.join(", ")
    );
    let m = &complex.metrics;
    println!(
        "  boundary: internal {:.1}, external {:.1} (ratio {}), conductance {}; with set-apart powers {:.1}",
        m.internal,
        m.external,
        m.internal_external_ratio
            .map_or("∞".into(), |r| format!("{r:.2}")),
        m.conductance.map_or("—".into(), |c| format!("{c:.3}")),
        m.with_set_apart
    );
    println!("  type: {}", complex.type_reason);
    if let (Some(ch), Some(e)) = (complex.character, complex.enmity_share) {
        println!(
            "  character: {ch} (enmity {} of internal signed interdependence)",
            percent(e, 0)
        );
    }
    for (sc, ch) in complex
        .subcomplexes
        .iter()
        .zip(&complex.subcomplex_characters)
    {
        let ch = ch.map_or_else(|| "character undetermined".to_owned(), |c| c.to_string());
        println!("  sub-complex: {} ({ch})", sc.join(", "));
    }
    for b in &complex.buffers {
        println!(
            "  buffer: {} between {} and {}",
            b.unit, b.between.0, b.between.1
        );
    }
    for p in &complex.penetration {
        let list = |v: &[String]| {
            if v.is_empty() {
                "none".to_owned()
            } else {
                v.join(", ")
            }
        };
        println!(
            "  penetrated by {} ({:.1}): aligned with {}; opposed to {}",
            p.power,
            p.interdependence,
            list(&p.aligned),
            list(&p.opposed)
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
    println!();
}

fn print_balance(what: &str, b: &Balance) {
    println!(
        "Balance of {what} ({} units, {} signed ties): triangles +++ {} ++− {} +−− {} −−− {}, strict ratio {}; {}",
        b.units,
        b.ties,
        b.ppp,
        b.ppm,
        b.pmm,
        b.mmm,
        b.strict_ratio.map_or("—".into(), |r| format!("{r:.3}")),
        match &b.odd_cycle {
            None => "balanced".to_owned(),
            Some(c) => format!("not balanced: odd-negative cycle {}", c.join(" → ")),
        }
    );
    println!(
        "  frustration: L = {}{} (F = {:.3}); camps {{{}}} vs {{{}}}{}",
        b.frustration,
        if b.frustration_proven {
            ", proven optimal"
        } else {
            " (not proven)"
        },
        b.normalised_frustration,
        b.camps[0].join(", "),
        b.camps[1].join(", "),
        if b.frustrated.is_empty() {
            String::new()
        } else {
            format!("; frustrated: {}", b.frustrated.join(", "))
        }
    );
}
