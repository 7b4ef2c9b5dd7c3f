//! `rsct frustration`: the frustration index with its certificate.

use crate::Format;
use crate::input::{self, Result};
use rsct::balance::{
    Frustration, FrustrationOptions, HeuristicOptions, Weighting, frustration_exact,
    frustration_heuristic,
};
use rsct::petgraph::graph::{EdgeIndex, NodeIndex};
use rsct::{SignedGraph, Year};
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// Arguments of `rsct frustration`.
#[derive(clap::Args)]
pub struct Args {
    /// Signed-graph files or data sets (with --year).
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// The year of a data set (default: its last year).
    #[arg(long)]
    pub year: Option<Year>,
    /// Run the seeded tabu search with a certified gap instead of the exact solver.
    #[arg(long)]
    pub heuristic: bool,
    /// With --heuristic: the search alone, without the lower bound (no certified gap).
    #[arg(long, requires = "heuristic")]
    pub no_bound: bool,
    /// Time limit of the exact solver in seconds (on the limit the result carries the best
    /// lower bound and the gap).
    #[arg(long, default_value_t = 60.0)]
    pub time_limit: f64,
    /// Node limit of the exact solver's search.
    #[arg(long)]
    pub node_limit: Option<u64>,
    /// Seed of the randomised parts (same seed, same answer).
    #[arg(long, default_value_t = 0)]
    pub seed: u64,
    /// Weigh ties by their magnitude (the weighted frustration index).
    #[arg(long)]
    pub weighted: bool,
    /// Leave out the camps and the list of frustrated ties.
    #[arg(long)]
    pub summary: bool,
    /// Output format (json: one object per file).
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

/// A result in the graph's node and edge ids.
type Found = Frustration<NodeIndex, EdgeIndex>;

fn label(g: &SignedGraph, i: NodeIndex) -> &str {
    g.label(i).unwrap_or("?")
}

fn json(a: &Args, path: &str, g: &SignedGraph, r: &Found, secs: f64, method: &str) -> String {
    let camps = r.camps();
    let mut o = serde_json::json!({
        "file": path,
        "method": method,
        "nodes": g.node_count(),
        "ties": r.edge_count(),
        "negative_ties": g.negative_edge_count(),
        "total_weight": r.total_weight(),
        "L": r.value(),
        "lower_bound": r.lower_bound(),
        "gap": r.gap(),
        "relative_gap": r.relative_gap(),
        "optimal": r.is_optimal(),
        "status": r.status().as_str(),
        "F": r.normalised(),
        "camp_sizes": [camps[0].len(), camps[1].len()],
        "search_nodes": r.search_nodes(),
        "seconds": secs,
    });
    if !a.summary {
        let names = |c: &Vec<NodeIndex>| c.iter().map(|&i| label(g, i)).collect::<Vec<_>>();
        o["camps"] = serde_json::json!([names(&camps[0]), names(&camps[1])]);
        o["frustrated"] = r
            .frustrated()
            .iter()
            .map(|t| {
                serde_json::json!({
                    "source": label(g, t.source),
                    "target": label(g, t.target),
                    "sign": t.sign.to_string(),
                    "weight": t.weight,
                })
            })
            .collect();
    }
    o.to_string()
}

fn text(
    out: &mut dyn std::io::Write,
    a: &Args,
    path: &str,
    g: &SignedGraph,
    r: &Found,
    secs: f64,
    method: &str,
) -> std::io::Result<()> {
    writeln!(out, "{path}")?;
    writeln!(
        out,
        "  {} nodes, {} ties ({} negative); {method}, {secs:.3} s",
        g.node_count(),
        r.edge_count(),
        g.negative_edge_count()
    )?;
    if r.is_optimal() {
        writeln!(
            out,
            "  L = {} (proven optimal: lower bound = value)",
            r.value()
        )?;
    } else {
        writeln!(
            out,
            "  L ≤ {}, lower bound {}, gap {} ({:.2} %), status {}",
            r.value(),
            r.lower_bound(),
            r.gap(),
            100.0 * r.relative_gap(),
            r.status().as_str()
        )?;
    }
    writeln!(out, "  F = 1 − 2L/m = {:.6}", r.normalised())?;
    let camps = r.camps();
    writeln!(
        out,
        "  camps: {} + {} nodes",
        camps[0].len(),
        camps[1].len()
    )?;
    if a.summary {
        return Ok(());
    }
    for (k, c) in camps.iter().enumerate() {
        let shown: Vec<&str> = c.iter().take(60).map(|&i| label(g, i)).collect();
        let more = if c.len() > 60 {
            format!(" … ({} more)", c.len() - 60)
        } else {
            String::new()
        };
        writeln!(out, "  camp {}: {}{more}", k + 1, shown.join(", "))?;
    }
    writeln!(out, "  frustrated ties ({}):", r.frustrated().len())?;
    for t in r.frustrated().iter().take(40) {
        writeln!(
            out,
            "    {} {} {} ({})",
            label(g, t.source),
            t.sign,
            label(g, t.target),
            t.weight
        )?;
    }
    if r.frustrated().len() > 40 {
        writeln!(out, "    … ({} more)", r.frustrated().len() - 40)?;
    }
    Ok(())
}

/// Runs the solver on every file; the first failure is returned after all files ran.
pub fn run(a: &Args, out: &mut dyn std::io::Write) -> Result<()> {
    let weighting = if a.weighted {
        Weighting::Magnitude
    } else {
        Weighting::Unweighted
    };
    let mut first_error = None;
    for path in &a.files {
        let shown = path.display().to_string();
        let outcome = input::signed(path, a.year).and_then(|g| {
            let t = Instant::now();
            let (r, method) = if a.heuristic {
                let mut o = HeuristicOptions::new().seed(a.seed).weighting(weighting);
                if !a.no_bound {
                    o = o.certify_gap();
                }
                (frustration_heuristic(g.graph(), &o)?, "heuristic")
            } else {
                let mut o = FrustrationOptions::new()
                    .seed(a.seed)
                    .weighting(weighting)
                    .time_limit(Duration::from_secs_f64(a.time_limit.max(0.0)));
                if let Some(n) = a.node_limit {
                    o = o.node_limit(n);
                }
                (frustration_exact(g.graph(), &o)?, "exact")
            };
            let secs = t.elapsed().as_secs_f64();
            if a.format == Format::Json {
                writeln!(out, "{}", json(a, &shown, &g, &r, secs, method))?;
            } else {
                text(out, a, &shown, &g, &r, secs, method)?;
            }
            Ok(())
        });
        if let Err(e) = outcome {
            eprintln!("{}", crate::input::message(e.as_ref()));
            first_error.get_or_insert(e);
        }
    }
    match first_error {
        Some(_) => Err("some files could not be analysed (see above)".into()),
        None => Ok(()),
    }
}
