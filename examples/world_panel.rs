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

mod common;

use rsct::balance::FrustrationOptions;
use rsct::panel::{Conflict, PanelFormat, PanelOptions, World, WorldRules};
use std::error::Error;
use std::process::ExitCode;
use std::time::Instant;

const USAGE: &str =
    "usage: world_panel [DATA_DIR] [--from YEAR] [--to YEAR] [--csv | --json] [--hostility 1-5]
                   [--alliance-wins] [--members-only] [--no-frustration] [--frustration-nodes N]
  DATA_DIR             the COW-family files (default ../shared/data/cow)
  --from, --to         the years (default 1816–2014)
  --csv, --json        CSV (default) or JSON lines
  --hostility H        MID hostility level from which a dispute is enmity (default 3)
  --alliance-wins      an alliance outweighs a dispute in the same dyad-year
  --members-only       only members of the state system
  --no-frustration     leave the frustration column empty
  --frustration-nodes  node limit of the exact solver per year (default 20000)
Timings go to standard error.
Exit codes: 0 success, 1 data or analysis error, 2 usage error.";

fn main() -> ExitCode {
    common::main(USAGE, run)
}

fn run(mut args: common::Args) -> Result<(), Box<dyn Error>> {
    let mut dir = String::from("../shared/data/cow");
    let (mut from, mut to) = (1816, 2014);
    let mut format = PanelFormat::Csv;
    let mut rules = WorldRules::new();
    let mut frustration_nodes: Option<u64> = Some(20_000);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--from" => from = args.value("--from")?,
            "--to" => to = args.value("--to")?,
            "--hostility" => rules = rules.mid_hostility_at_least(args.value("--hostility")?),
            "--csv" => format = PanelFormat::Csv,
            "--json" => format = PanelFormat::JsonLines,
            "--alliance-wins" => rules = rules.conflict(Conflict::Alliance),
            "--members-only" => rules = rules.members_only(),
            "--no-frustration" => frustration_nodes = None,
            "--frustration-nodes" => frustration_nodes = Some(args.value("--frustration-nodes")?),
            s if s.starts_with('-') => return Err(common::unknown(s).into()),
            s => dir = s.to_owned(),
        }
    }
    let t0 = Instant::now();
    let world = World::load(&dir)?;
    if world.sources().is_empty() {
        return Err(format!("no COW-family file found in {dir}").into());
    }
    let t1 = Instant::now();
    let out = std::io::stdout();
    let mut out = std::io::BufWriter::new(out.lock());
    let panel = world.panel(from, to, &rules, PanelOptions::new())?;
    let panel = match frustration_nodes {
        Some(n) => panel.frustration(FrustrationOptions::new().node_limit(n).seed(7)),
        None => panel,
    };
    let n = panel.write(format, &mut out)?;
    eprintln!(
        "world_panel: read {:.3}s, panel {:.3}s, {n} years",
        (t1 - t0).as_secs_f64(),
        t1.elapsed().as_secs_f64()
    );
    Ok(())
}
