//! The frustration index through the API: the fewest ties whose sign contradicts a split into
//! two camps, the camps and those ties by name, the proof that no split does better, and the
//! recount a reader can do to check the certificate.
//!
//! ```text
//! cargo run --release --example frustration [-- FILE]
//! ```
//!
//! Without `FILE`, the post-Soviet data set in 2013 (`rsct::datasets::post_soviet`); with it,
//! any signed-graph file the readers know (`.csv`, `.txt[.gz]`, `.net`, `.paj`). For many
//! files, JSON, time limits, the heuristic or a data set's other years, use the command line:
//! `rsct frustration FILE... [--heuristic] [--format json]` (README, "Command line").

mod common;

use rsct::balance::{
    FrustrationOptions, HeuristicOptions, Weighting, frustration_exact, frustration_heuristic,
    recount_frustration,
};
use rsct::report::labelled;
use std::error::Error;
use std::process::ExitCode;
use std::time::Duration;

const USAGE: &str = "usage: frustration [FILE]
  FILE  a signed-graph file (.csv, .txt[.gz], .net, .paj); default: the post-Soviet data set, 2013
The command line does more: rsct frustration --help.
Exit codes: 0 success, 1 data or analysis error, 2 usage error.";

fn main() -> ExitCode {
    common::main(USAGE, run)
}

fn run(args: common::Args) -> Result<(), Box<dyn Error>> {
    let (g, what) = common::graph_or_post_soviet(args)?;
    println!(
        "{what}: {} units, {} signed ties",
        g.node_count(),
        g.edge_count()
    );

    // The exact solver: a split, its frustrated ties and a lower bound; when the bound meets
    // the value, the split is proven optimal.
    let options = FrustrationOptions::new()
        .seed(7)
        .time_limit(Duration::from_secs(60));
    let exact = frustration_exact(g.graph(), &options)?;
    let name = |i| g.label(i).unwrap_or("?");
    println!("exact:     {}", labelled(&exact, name));

    // The certificate checks itself: recounting the camps gives back the value.
    let (recount, ties) = recount_frustration(g.graph(), exact.colours(), Weighting::Unweighted)?;
    if (recount, ties.as_slice()) != (exact.value(), exact.frustrated()) {
        return Err("the recount disagrees with the certificate".into());
    }
    println!("recount of the camps: L = {recount} (the certificate holds)");

    // The heuristic scales to millions of ties; with a certified gap it also proves a bound.
    let heuristic =
        frustration_heuristic(g.graph(), &HeuristicOptions::new().seed(7).certify_gap())?;
    println!("heuristic: {heuristic}");
    Ok(())
}
