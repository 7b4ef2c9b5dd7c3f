//! Evolution through the API: the security complexes of the post-Soviet data set year by year,
//! what transformed them (Buzan & Wæver's status quo, internal and external transformation,
//! overlay) and why — the units, ties and memberships that changed, with their evidence — and a
//! timeline picture.
//!
//! ```text
//! cargo run --release --example evolution
//! ```
//!
//! Writes `target/rsct/evolution_post_soviet.svg`. Any data set, span or options, and JSON:
//! the command line, `rsct evolution DATASET [--from Y --to Y] [--timeline FILE.svg]`.

mod common;

use rsct::boundary::BoundaryOptions;
use rsct::evolution::{Cause, EvolutionOptions, Transformation, series};
use rsct::polarity::Classification;
use rsct::report::Timeline;
use std::error::Error;
use std::process::ExitCode;

const USAGE: &str = "usage: evolution
The post-Soviet data set 1991–2013; the command line does more: rsct evolution --help.
Exit codes: 0 success, 1 data or analysis error, 2 usage error.";

fn main() -> ExitCode {
    common::main(USAGE, run)
}

fn run(mut args: common::Args) -> Result<(), Box<dyn Error>> {
    if let Some(extra) = args.next() {
        return Err(common::unknown(&extra).into());
    }
    let ds = rsct::datasets::post_soviet()?;
    // The outside great and regional powers stand apart, as the superpower does; Buzan &
    // Wæver's classes after 1990 tell great powers from the rest.
    let options = EvolutionOptions::new().boundary(
        BoundaryOptions::new()
            .set_apart(["CHN", "EU", "IND", "PAK", "MNG"])
            .classes(Classification::buzan_waever_post_1990()),
    );
    let s = series(&ds, 1991, 2013, &options)?;

    // Every event that changed something, with what changed and the causes that are not mere
    // changes of tie weight (those are in `e.causes` too, with their evidence).
    for e in s
        .events
        .iter()
        .filter(|e| e.transformation != Transformation::StatusQuo)
    {
        println!("{}→{} {}: {}", e.from, e.to, e.complex, e.transformation);
        for c in &e.changes {
            println!("    change: {c}");
        }
        for c in e.causes.iter().filter(|c| !matches!(c, Cause::Tie { .. })) {
            println!("    cause: {c}");
        }
    }

    let path = std::path::Path::new("target/rsct/evolution_post_soviet.svg");
    std::fs::create_dir_all("target/rsct")?;
    std::fs::write(
        path,
        Timeline::of_series(&s, "Post-Soviet complexes 1991–2013").to_svg(),
    )?;
    println!("timeline: {}", path.display());
    Ok(())
}
