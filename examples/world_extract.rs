//! Writes the compact extract of the COW-family world that the crate ships in
//! `data/world_1991_2013/` (see `rsct::io::cow::write_extract`).
//!
//! ```text
//! cargo run --release --example world_extract -- COW_DIR OUT_DIR [FROM TO]
//! ```
//!
//! COW_DIR holds the source files under their usual names (`states2016.csv`,
//! `atop5.1_directed_dyad_year.csv.gz`, `mid5_dyadic_disputes.csv`, `contdird.csv`,
//! `NMC-60-abridged.csv`, `strategic_rivalries_tss.csv`); FROM and TO default to 1991 and
//! 2013. The test `tests/world_extract.rs` regenerates the shipped extract this way and
//! compares it whenever the source files are present.

use rsct::io::cow::{self, ExtractParts, sources};
use std::path::Path;
use std::process::ExitCode;

const USAGE: &str = "usage: world_extract COW_DIR OUT_DIR [FROM TO]";

fn run(args: &[String]) -> Result<(), Box<dyn std::error::Error>> {
    let (dir, out) = (Path::new(&args[0]), Path::new(&args[1]));
    let (from, to) = match args.get(2..4) {
        Some([a, b]) => (a.parse()?, b.parse()?),
        _ => (1991, 2013),
    };
    let states = cow::read_states(dir.join(sources::STATES.file))?;
    let st = Some(&states);
    let atop = cow::read_atop(dir.join(sources::ATOP.file), st)?;
    let mid = cow::read_mid5(dir.join(sources::MID5.file), st)?;
    let contiguity = cow::read_contiguity(dir.join(sources::CONTIGUITY.file), st)?;
    let nmc = cow::read_nmc(dir.join(sources::NMC.file), st)?;
    let rivalries = cow::read_rivalries(dir.join(sources::RIVALRIES.file), None)?;
    let parts = ExtractParts {
        states: Some(&states),
        alliances: Some(&atop),
        disputes: Some((&mid, sources::MID5)),
        contiguity: Some(&contiguity),
        capabilities: Some(&nmc),
        rivalries: Some(&rivalries),
    };
    for p in cow::write_extract(parts, out, from, to)? {
        println!("wrote {}", p.display());
    }
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "--help" || a == "-h") {
        println!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    if !(args.len() == 2 || args.len() == 4) || args.iter().any(|a| a.starts_with('-')) {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    }
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(1)
        }
    }
}
