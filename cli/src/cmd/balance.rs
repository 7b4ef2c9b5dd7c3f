//! `rsct balance`: structural balance with certificates.

use crate::Format;
use crate::input::{self, Result};
use rsct::Year;
use rsct::balance::{self, CensusOptions, WalkBalanceOptions};
use rsct::petgraph::graph::NodeIndex;
use rsct::report::labelled;
use std::path::PathBuf;

/// Arguments of `rsct balance`.
#[derive(clap::Args)]
pub struct Args {
    /// A signed-graph file (.csv, .txt[.gz], .net, .paj) or a data set (.toml, .json).
    pub file: PathBuf,
    /// The year of a data set (default: its last year).
    #[arg(long)]
    pub year: Option<Year>,
    /// List the members of the camps and clusters.
    #[arg(long)]
    pub members: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

/// Runs the balance analyses.
pub fn run(a: &Args, out: &mut dyn std::io::Write) -> Result<()> {
    let sg = input::signed(&a.file, a.year)?;
    let g = sg.graph();
    let label = |i: NodeIndex| sg.label(i).unwrap_or("?").to_owned();
    let names = |v: &[NodeIndex]| v.iter().map(|&i| label(i)).collect::<Vec<_>>();
    let h = balance::harary_test(g)?;
    let c = balance::clusterability(g)?;
    let t = balance::triangle_census(g, &CensusOptions::new().with_weighted())?;
    let k = t.counts();
    let walk = balance::walk_balance(g, &WalkBalanceOptions::new());
    let cycle = |c: &balance::SignedCycle<NodeIndex, _>| {
        c.units().iter().map(|&u| label(u)).collect::<Vec<_>>()
    };
    if a.format == Format::Json {
        let o = serde_json::json!({
            "file": a.file.display().to_string(),
            "units": sg.node_count(),
            "ties": g.edge_count(),
            "negative_ties": sg.negative_edge_count(),
            "harary": {
                "balanced": h.is_balanced(),
                "camp_sizes": h.camps().map(|c| [c[0].len(), c[1].len()]),
                "camps": h.camps().filter(|_| a.members).map(|c| [names(&c[0]), names(&c[1])]),
                "odd_cycle": h.odd_cycle().map(cycle),
            },
            "clusterability": {
                "clusterable": c.is_clusterable(),
                "clusters": c.cluster_count(),
                "members": c.clusters().filter(|_| a.members).map(|cl| cl.iter().map(|x| names(x)).collect::<Vec<_>>()),
                "one_negative_cycle": c.cycle().map(cycle),
            },
            "triangles": {
                "ppp": k.ppp(), "ppm": k.ppm(), "pmm": k.pmm(), "mmm": k.mmm(),
                "strict_ratio": k.strict_ratio(), "weak_ratio": k.weak_ratio(),
            },
            "walk_balance": match &walk { Ok(w) => serde_json::to_value(w)?, Err(e) => serde_json::json!({"error": e.to_string()}) },
        });
        writeln!(out, "{o}")?;
        return Ok(());
    }
    writeln!(out, "Structural balance of {}", a.file.display())?;
    writeln!(
        out,
        "  {} units, {} ties ({} negative)",
        sg.node_count(),
        g.edge_count(),
        sg.negative_edge_count()
    )?;
    if a.members {
        writeln!(
            out,
            "Harary test: {}",
            labelled(&h, |i: NodeIndex| label(i))
        )?;
        writeln!(
            out,
            "Clusterability (Davis): {}",
            labelled(&c, |i: NodeIndex| label(i))
        )?;
    } else {
        writeln!(out, "Harary test: {h}")?;
        writeln!(out, "Clusterability (Davis): {c}")?;
    }
    writeln!(out, "Triangles: {t}")?;
    match walk {
        Ok(w) => writeln!(out, "Walk balance (Estrada & Benzi): {w}")?,
        Err(e) => writeln!(out, "Walk balance: {e}")?,
    }
    Ok(())
}
