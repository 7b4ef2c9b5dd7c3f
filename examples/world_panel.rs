//! The world panel: yearly signed graphs of the state system from ATOP 5.1 (alliances, +)
//! and MID 5.0 (disputes, −), with the triangle census, the Harary test and system
//! polarity from NMC CINC, streamed as CSV or JSON lines.
//!
//! ```text
//! cargo run --release --example world_panel -- [DATA_DIR] [--from 1816] [--to 2014]
//!     [--csv | --json] [--hostility 3] [--alliance-wins] [--members-only]
//!     [--no-frustration] [--frustration-nodes N]
//! ```
//!
//! The frustration column is filled by the exact solver with a node limit per year (default
//! 20,000): `frustration_exact` = true where the value is proven optimal, else it is the
//! solver's best (an upper bound).
//!
//! `DATA_DIR` (default `../shared/data/cow`) holds the COW-family files under their usual
//! names (see `rsct::io::cow::sources`); absent ones are skipped. The output begins with the
//! citations of the data sets read. Timings go to standard error.

use rsct::balance::frustration::FrustrationOptions;
use rsct::panel::{PanelFormat, PanelOptions, World, WorldRules};
use std::process::ExitCode;
use std::time::Instant;

fn usage() -> ExitCode {
    eprintln!(
        "usage: world_panel [DATA_DIR] [--from YEAR] [--to YEAR] [--csv | --json] \
         [--hostility 1-5] [--alliance-wins] [--members-only] [--no-frustration] \
         [--frustration-nodes N]"
    );
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let mut dir = String::from("../shared/data/cow");
    let (mut from, mut to) = (1816, 2014);
    let mut format = PanelFormat::Csv;
    let mut rules = WorldRules::new();
    let mut frustration_nodes: Option<u64> = Some(20_000);
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let year = |args: &mut dyn Iterator<Item = String>| -> Option<i32> {
            args.next().and_then(|v| v.parse().ok())
        };
        match a.as_str() {
            "--from" => match year(&mut args) {
                Some(y) => from = y,
                None => return usage(),
            },
            "--to" => match year(&mut args) {
                Some(y) => to = y,
                None => return usage(),
            },
            "--hostility" => match args.next().and_then(|v| v.parse().ok()) {
                Some(h) => rules = rules.mid_hostility_at_least(h),
                None => return usage(),
            },
            "--csv" => format = PanelFormat::Csv,
            "--json" => format = PanelFormat::JsonLines,
            "--alliance-wins" => rules = rules.dispute_wins(false),
            "--members-only" => rules = rules.members_only(true),
            "--no-frustration" => frustration_nodes = None,
            "--frustration-nodes" => match args.next().and_then(|v| v.parse().ok()) {
                Some(n) => frustration_nodes = Some(n),
                None => return usage(),
            },
            "-h" | "--help" => return usage(),
            s if s.starts_with("--") => return usage(),
            s => dir = s.to_owned(),
        }
    }
    let t0 = Instant::now();
    let world = match World::load(&dir) {
        Ok(w) => w,
        Err(e) => {
            eprintln!("world_panel: {e}");
            return ExitCode::FAILURE;
        }
    };
    if world.sources().is_empty() {
        eprintln!("world_panel: no COW-family file found in {dir}");
        return ExitCode::FAILURE;
    }
    let t1 = Instant::now();
    let out = std::io::stdout();
    let mut out = std::io::BufWriter::new(out.lock());
    let written = world
        .panel(from, to, &rules, PanelOptions::new())
        .map(|p| match frustration_nodes {
            Some(n) => p.frustration(FrustrationOptions::new().node_limit(n).seed(7)),
            None => p,
        })
        .and_then(|p| p.write(format, &mut out));
    match written {
        Ok(n) => {
            eprintln!(
                "world_panel: read {:.3}s, panel {:.3}s, {n} years",
                (t1 - t0).as_secs_f64(),
                t1.elapsed().as_secs_f64()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("world_panel: {e}");
            ExitCode::FAILURE
        }
    }
}
