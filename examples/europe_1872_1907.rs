//! The six European great powers from the Three Emperors' League (1872) to the Anglo-Russian
//! Convention (1907): the classic march to structural balance (Antal, Krapivsky & Redner
//! 2006). For each year: the signed triangle census, the Harary test, and the frustration
//! index with its optimal camps; then the camps of 1907.
//!
//! ```sh
//! cargo run --release --example europe_1872_1907
//! cargo run --release --example europe_1872_1907 -- --json
//! ```
//!
//! Data: `rsct::datasets::europe_1872_1907()`, each relation citing its treaty or historian.

mod common;

use rsct::DerivationRules;
use rsct::balance::{CensusOptions, harary_test, triangle_census};
use rsct::balance::{FrustrationOptions, frustration_exact};
use rsct::datasets::europe_1872_1907;
use rsct::report::{count, fixed};
use std::error::Error;
use std::process::ExitCode;

const USAGE: &str = "usage: europe_1872_1907 [--json]
  --json  the yearly rows as one JSON array
Exit codes: 0 success, 1 data or analysis error, 2 usage error.";

#[derive(serde::Serialize)]
struct Year {
    year: i32,
    ties: usize,
    negative: usize,
    unbalanced_triangles: u64,
    strict_ratio: Option<f64>,
    balanced: bool,
    frustration: f64,
    proven_optimal: bool,
    camps: [Vec<String>; 2],
}

fn main() -> ExitCode {
    common::main(USAGE, run)
}

fn run(mut args: common::Args) -> Result<(), Box<dyn Error>> {
    let mut json = false;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--json" => json = true,
            other => return Err(common::unknown(other).into()),
        }
    }
    let ds = europe_1872_1907()?;
    let mut rows = Vec::new();
    for year in 1872..=1907 {
        let (g, neutral) = ds
            .snapshot(year, &DerivationRules::new())?
            .to_signed_graph();
        let census = triangle_census(g.graph(), &CensusOptions::new())?;
        let h = harary_test(g.graph())?;
        let f = frustration_exact(g.graph(), &FrustrationOptions::new().seed(7))?;
        let label = |&i: &_| g.label(i).unwrap_or("?").to_owned();
        let [a, b] = f.camps();
        let c = census.counts();
        rows.push(Year {
            year,
            ties: g.edge_count() + neutral,
            negative: g.negative_edge_count(),
            unbalanced_triangles: c.total() - c.balanced(),
            strict_ratio: c.strict_ratio(),
            balanced: h.is_balanced(),
            frustration: f.value(),
            proven_optimal: f.is_optimal(),
            camps: [a.iter().map(label).collect(), b.iter().map(label).collect()],
        });
    }
    if json {
        println!("{}", serde_json::to_string(&rows)?);
        return Ok(());
    }
    println!("European great powers 1872–1907: the march to balance");
    println!(
        "{:<6}{:>5}{:>5}{:>12}{:>8}{:>10}{:>4}  camps of the optimal partition",
        "year", "ties", "neg", "unbal. tri", "ratio", "balanced", "L"
    );
    for r in &rows {
        println!(
            "{:<6}{:>5}{:>5}{:>12}{:>8}{:>10}{:>4}  {{{}}} vs {{{}}}{}",
            r.year,
            r.ties,
            r.negative,
            r.unbalanced_triangles,
            r.strict_ratio.map_or("—".into(), |x| fixed(x, 3)),
            if r.balanced { "yes" } else { "no" },
            count(r.frustration, 2),
            r.camps[0].join(" "),
            r.camps[1].join(" "),
            if r.proven_optimal {
                ""
            } else {
                " (not proven)"
            }
        );
    }
    if let Some(last) = rows.last() {
        println!(
            "\n1907: {} — the Triple Entente {{{}}} against the Triple Alliance {{{}}}",
            if last.balanced {
                "balanced"
            } else {
                "not balanced"
            },
            last.camps[0].join(", "),
            last.camps[1].join(", ")
        );
    }
    Ok(())
}
