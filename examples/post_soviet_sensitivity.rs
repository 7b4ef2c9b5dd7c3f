//! How robust the post-Soviet findings are: the share of a parameter grid that gives each
//! finding, for the thesis's citations alone, the whole data set (thesis and outside
//! sources), and the data set laid over the world layer — the sensitivity table of
//! `docs/post_soviet.md`.
//!
//! ```sh
//! cargo run --release --example post_soviet_sensitivity            # 1995, 2002, 2013
//! cargo run --release --example post_soviet_sensitivity -- 2008
//! ```
//!
//! The grid is the world calibration's (`docs/world_1990_2001.md`): the candidates'
//! resolution {1, 2, 3, 4} × the proximity weight {0, 0.5, 1, 2}; every other setting is the
//! default. Nothing here was tuned on these findings: they are read off, not optimised.

#[path = "post_soviet.rs"]
#[allow(dead_code)]
mod post_soviet;

use post_soviet::{REGION, Scope, focus, options, rules};
use rsct::boundary::{BoundaryReport, ComplexType, InterdependenceOptions, analyse};
use rsct::{Dataset, Relation, Year};
use std::error::Error;
use std::process::ExitCode;

/// The data set with only the relations and memberships that cite the thesis (at least one
/// evidence locator that is not `external:`).
fn thesis_cited() -> Result<Dataset, Box<dyn Error>> {
    let ds = rsct::datasets::post_soviet()?;
    let cites_thesis = |ev: &[rsct::Evidence]| {
        ev.iter()
            .any(|e| e.locator().is_some_and(|l| !l.starts_with("external")))
    };
    let relations: Vec<Relation> = ds
        .relations()
        .iter()
        .filter(|r| cites_thesis(r.evidence()))
        .cloned()
        .collect();
    let memberships: Vec<_> = ds
        .memberships()
        .iter()
        .filter(|m| cites_thesis(m.evidence()))
        .cloned()
        .collect();
    Ok(Dataset::builder()
        .name("post-Soviet, thesis citations only")
        .units(ds.units().iter().cloned())
        .organisations(ds.organisations().iter().cloned())
        .memberships(memberships)
        .relations(relations)
        .capabilities(ds.capabilities().iter().cloned())
        .borders(ds.borders().iter().cloned())
        .power_classes(ds.power_classes().iter().cloned())
        .build()?)
}

type Finding = (&'static str, fn(&BoundaryReport) -> bool);

fn in_russias(r: &BoundaryReport, u: &str) -> bool {
    focus(r).is_some_and(|c| c.members.iter().any(|m| m == u))
}

fn insulator(r: &BoundaryReport, u: &str) -> bool {
    r.insulators.iter().any(|i| i.unit == u)
}

const FINDINGS: [Finding; 12] = [
    (
        "a complex around Russia holds ≥ 9 of the 12 CIS states",
        |r| {
            focus(r).is_some_and(|c| {
                REGION[..12]
                    .iter()
                    .filter(|u| c.members.iter().any(|m| m == *u))
                    .count()
                    >= 9
            })
        },
    ),
    ("Belarus is in Russia's complex", |r| in_russias(r, "BLR")),
    ("Ukraine is in Russia's complex", |r| in_russias(r, "UKR")),
    ("Armenia is in Russia's complex", |r| in_russias(r, "ARM")),
    ("Kazakhstan is in Russia's complex", |r| {
        in_russias(r, "KAZ")
    }),
    ("no Baltic state is in Russia's complex", |r| {
        focus(r).is_some() && !["EST", "LVA", "LTU"].iter().any(|u| in_russias(r, u))
    }),
    ("Russia's complex is centred on Russia", |r| {
        focus(r).is_some_and(|c| matches!(&c.complex_type, ComplexType::Centred { .. }))
    }),
    (
        "a sub-complex holds Armenia and Azerbaijan (the Caucasus)",
        |r| {
            focus(r).is_some_and(|c| {
                c.subcomplexes
                    .iter()
                    .any(|s| s.iter().any(|u| u == "ARM") && s.iter().any(|u| u == "AZE"))
            })
        },
    ),
    ("Turkey is an insulator", |r| insulator(r, "TUR")),
    ("Afghanistan is an insulator", |r| insulator(r, "AFG")),
    ("Belarus is a buffer state", |r| {
        focus(r).is_some_and(|c| c.buffers.iter().any(|b| b.unit == "BLR"))
    }),
    ("the USA penetrates Russia's complex", |r| {
        focus(r).is_some_and(|c| c.penetration.iter().any(|p| p.power == "USA"))
    }),
];

fn main() -> ExitCode {
    let parsed: Result<Vec<Year>, _> = std::env::args().skip(1).map(|a| a.parse()).collect();
    let years: Vec<Year> = match parsed {
        Ok(v) if !v.is_empty() => v,
        Ok(_) => vec![1995, 2002, 2013],
        Err(_) => {
            eprintln!("usage: post_soviet_sensitivity [YEAR ...]");
            return ExitCode::from(2);
        }
    };
    match run(&years) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {}", rsct::report::ErrorReport::new(e.as_ref()));
            ExitCode::from(1)
        }
    }
}

fn run(years: &[Year]) -> Result<(), Box<dyn Error>> {
    let scopes: [(&str, Dataset, Scope); 3] = [
        ("thesis citations only", thesis_cited()?, Scope::ThesisOnly),
        (
            "thesis + outside sources",
            post_soviet::data(Scope::ThesisOnly)?,
            Scope::ThesisOnly,
        ),
        (
            "embedded in the world layer",
            post_soviet::data(Scope::Embedded)?,
            Scope::Embedded,
        ),
    ];
    let grid: Vec<(f64, f64)> = [1.0, 2.0, 3.0, 4.0]
        .iter()
        .flat_map(|&r| [0.0, 0.5, 1.0, 2.0].map(|w| (r, w)))
        .collect();
    println!(
        "Share of the grid (resolution × proximity weight, {} points) giving each finding",
        grid.len()
    );
    for &year in years {
        println!("\n## {year}\n");
        print!("| finding |");
        for (name, _, _) in &scopes {
            print!(" {name} |");
        }
        println!("\n|---|---|---|---|");
        let mut counts = vec![[0usize; 3]; FINDINGS.len()];
        for (s, (_, ds, scope)) in scopes.iter().enumerate() {
            let g = ds.snapshot(year, &rules(*scope))?;
            for &(resolution, weight) in &grid {
                let report = analyse(
                    &g,
                    g.capabilities(),
                    &InterdependenceOptions::new().proximity_weight(weight),
                    &options(*scope).resolution(resolution),
                )?;
                for (k, (_, holds)) in FINDINGS.iter().enumerate() {
                    if holds(&report) {
                        counts[k][s] += 1;
                    }
                }
            }
        }
        for (k, (text, _)) in FINDINGS.iter().enumerate() {
            print!("| {text} |");
            for c in counts[k] {
                print!(" {:.2} |", c as f64 / grid.len() as f64);
            }
            println!();
        }
    }
    Ok(())
}
