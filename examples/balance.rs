//! Structural balance through the API: is a network split into two camps (Harary), into
//! several (Davis), how balanced are its triangles and its closed walks — each verdict with
//! the certificate that lets a reader check it.
//!
//! ```text
//! cargo run --release --example balance [-- FILE]
//! ```
//!
//! Without `FILE`, the post-Soviet data set in 2013 (`rsct::datasets::post_soviet`); with it,
//! any signed-graph file the readers know (`.csv`, `.txt[.gz]`, `.net`, `.paj`). The full
//! report — centralities, JSON (README, "Balance report JSON"), a data set's other years — is
//! the command line's: `rsct balance FILE [--year Y] [--format json]`.

mod common;

use rsct::balance::{
    CensusOptions, WalkBalanceOptions, clusterability, harary_test, triangle_census,
    verify_clusterability, verify_harary, walk_balance,
};
use rsct::report::labelled;
use std::error::Error;
use std::process::ExitCode;

const USAGE: &str = "usage: balance [FILE]
  FILE  a signed-graph file (.csv, .txt[.gz], .net, .paj); default: the post-Soviet data set, 2013
The command line gives the full report: rsct balance --help.
Exit codes: 0 success, 1 data or analysis error, 2 usage error.";

fn main() -> ExitCode {
    common::main(USAGE, run)
}

fn run(args: common::Args) -> Result<(), Box<dyn Error>> {
    let (g, what) = common::graph_or_post_soviet(args)?;
    let name = |i| g.label(i).unwrap_or("?");
    println!(
        "{what}: {} units, {} signed ties",
        g.node_count(),
        g.edge_count()
    );

    // Strong balance: two camps, or an odd-negative cycle that proves there are none.
    let h = harary_test(g.graph())?;
    verify_harary(g.graph(), h.certificate())?;
    println!("Harary test:    {}", labelled(&h, name));

    // Weak balance: clusters of amity, or a cycle with exactly one negative tie.
    let c = clusterability(g.graph())?;
    verify_clusterability(g.graph(), c.certificate())?;
    println!("clusterability: {}", labelled(&c, name));

    // How balanced, not only whether: triangles, and closed walks of every length.
    let t = triangle_census(g.graph(), &CensusOptions::new())?;
    println!("triangles:      {}", t.counts());
    match walk_balance(g.graph(), &WalkBalanceOptions::new()) {
        Ok(w) => println!("closed walks:   {w}"),
        Err(e) => println!("closed walks:   not computed ({e})"),
    }
    Ok(())
}
