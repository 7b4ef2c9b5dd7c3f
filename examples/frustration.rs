//! Frustration index of a signed graph: `L`, `F = 1 − 2L/m`, the two camps, the frustrated
//! ties and whether `L` is proven optimal.
//!
//! ```text
//! cargo run --release --example frustration -- FILE... [--heuristic] [--time-limit SECS]
//!     [--node-limit N] [--seed S] [--weighted] [--year YEAR] [--json] [--summary] [--no-bound]
//! ```
//!
//! `FILE` is any signed-graph file the readers know (`.csv`, `.txt[.gz]`, `.net`, `.paj`, …)
//! or a data set (`.toml`, `.json`) with `--year`. The exact solver runs by default (time
//! limit 60 s; on the limit the result carries the best lower bound and the gap);
//! `--heuristic` runs the tabu search with a certified gap instead (`--no-bound`: without the
//! lower bound, i.e. the search alone). `--json` prints one JSON
//! object per file (fields in README.md, section "Frustration"); `--summary` leaves out the
//! camps and tie lists.

mod common;

use rsct::balance::{
    Frustration, FrustrationOptions, HeuristicOptions, Weighting, frustration_exact,
    frustration_heuristic,
};
use rsct::petgraph::graph::{EdgeIndex, NodeIndex};
use rsct::report::{ErrorReport, count, fixed, percent};
use rsct::{Dataset, DerivationRules, SignedGraph};
use std::error::Error;
use std::path::Path;
use std::process::ExitCode;

const USAGE: &str =
    "usage: frustration FILE... [--heuristic] [--no-bound] [--time-limit SECS] [--node-limit N]
                   [--seed S] [--weighted] [--year YEAR] [--json] [--summary]
  FILE            a signed-graph file (.csv, .txt[.gz], .net, .paj) or a data set (.toml, .json)
  --heuristic     tabu search with a certified gap instead of the exact solver
  --no-bound      with --heuristic: the search alone, without the lower bound
  --time-limit    seconds for the exact solver (default 60)
  --node-limit N  search nodes for the exact solver
  --seed S        the seed (default 0)
  --weighted      count tie magnitudes, not ties
  --year YEAR     the year of a data set's snapshot (required for a data set)
  --json          one JSON object per file (README.md, \"Frustration\")
  --summary       leave out the camps and tie lists
Exit codes: 0 success, 1 data or analysis error (any file), 2 usage error.";
use std::time::{Duration, Instant};

struct Args {
    files: Vec<String>,
    heuristic: bool,
    time_limit: f64,
    node_limit: Option<u64>,
    seed: u64,
    weighted: bool,
    year: Option<i32>,
    json: bool,
    summary: bool,
    no_bound: bool,
}

fn parse(mut it: common::Args) -> Result<Args, common::Usage> {
    let mut a = Args {
        files: Vec::new(),
        heuristic: false,
        time_limit: 60.0,
        node_limit: None,
        seed: 0,
        weighted: false,
        year: None,
        json: false,
        summary: false,
        no_bound: false,
    };
    while let Some(x) = it.next() {
        match x.as_str() {
            "--heuristic" => a.heuristic = true,
            "--weighted" => a.weighted = true,
            "--json" => a.json = true,
            "--summary" => a.summary = true,
            "--no-bound" => a.no_bound = true,
            "--time-limit" => a.time_limit = it.value("--time-limit")?,
            "--node-limit" => a.node_limit = Some(it.value("--node-limit")?),
            "--seed" => a.seed = it.value("--seed")?,
            "--year" => a.year = Some(it.value("--year")?),
            f if f.starts_with('-') => return Err(common::unknown(f)),
            f => a.files.push(f.to_owned()),
        }
    }
    if a.files.is_empty() {
        return Err(common::Usage("no input file".into()));
    }
    if !(a.time_limit.is_finite() && a.time_limit > 0.0) {
        return Err(common::Usage(
            "--time-limit must be a positive number of seconds".into(),
        ));
    }
    Ok(a)
}

fn load(path: &str, year: Option<i32>) -> Result<SignedGraph, Box<dyn Error>> {
    let lower = path.to_ascii_lowercase();
    if lower.ends_with(".toml") || lower.ends_with(".json") {
        let year = year.ok_or_else(|| common::Usage(format!("{path}: a data set needs --year")))?;
        let ds = Dataset::load(path)?;
        let sg = ds
            .snapshot(year, &DerivationRules::new())
            .map_err(|e| format!("{path}: {e}"))?;
        Ok(sg.to_signed_graph().0)
    } else {
        Ok(rsct::io::read_signed(path)?.0)
    }
}

/// A result in the graph's node and edge ids.
type Found = Frustration<NodeIndex, EdgeIndex>;

fn label(g: &SignedGraph, i: NodeIndex) -> &str {
    g.label(i).unwrap_or("?")
}

fn json(path: &str, g: &SignedGraph, r: &Found, secs: f64, method: &str, summary: bool) -> String {
    let camps = r.camps();
    let mut o = serde_json::json!({
        "file": Path::new(path).file_name().and_then(|s| s.to_str()).unwrap_or(path),
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
    if !summary {
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

fn text(path: &str, g: &SignedGraph, r: &Found, secs: f64, method: &str, summary: bool) {
    println!("{path}");
    println!(
        "  {} nodes, {} ties ({} negative); {method}, {secs:.3} s",
        g.node_count(),
        r.edge_count(),
        g.negative_edge_count()
    );
    if r.is_optimal() {
        println!(
            "  L = {} (proven optimal: lower bound = value)",
            count(r.value(), 3)
        );
    } else {
        println!(
            "  L ≤ {}, lower bound {}, gap {} ({}), status {}",
            count(r.value(), 3),
            count(r.lower_bound(), 3),
            count(r.gap(), 3),
            percent(r.relative_gap(), 2),
            r.status().as_str()
        );
    }
    println!("  F = 1 − 2L/m = {}", fixed(r.normalised(), 6));
    let camps = r.camps();
    println!("  camps: {} + {} nodes", camps[0].len(), camps[1].len());
    if summary {
        return;
    }
    for (k, c) in camps.iter().enumerate() {
        let shown: Vec<&str> = c.iter().take(60).map(|&i| label(g, i)).collect();
        let more = if c.len() > 60 {
            format!(" … ({} more)", c.len() - 60)
        } else {
            String::new()
        };
        println!("  camp {}: {}{more}", k + 1, shown.join(", "));
    }
    println!("  frustrated ties ({}):", r.frustrated().len());
    for t in r.frustrated().iter().take(40) {
        println!(
            "    {} {} {} ({})",
            label(g, t.source),
            t.sign,
            label(g, t.target),
            count(t.weight, 3)
        );
    }
    if r.frustrated().len() > 40 {
        println!("    … ({} more)", r.frustrated().len() - 40);
    }
}

fn main() -> ExitCode {
    common::main(USAGE, run)
}

fn run(args: common::Args) -> Result<(), Box<dyn Error>> {
    let args = parse(args)?;
    let weighting = if args.weighted {
        Weighting::Magnitude
    } else {
        Weighting::Unweighted
    };
    let mut failed = 0;
    for path in &args.files {
        let g = match load(path, args.year) {
            Ok(g) => g,
            Err(e) if e.is::<common::Usage>() => return Err(e),
            Err(e) => {
                eprintln!("error: {}", ErrorReport::new(&*e));
                failed += 1;
                continue;
            }
        };
        let t = Instant::now();
        let (r, method) = if args.heuristic {
            let mut o = HeuristicOptions::new().seed(args.seed).weighting(weighting);
            if !args.no_bound {
                o = o.certify_gap();
            }
            (frustration_heuristic(g.graph(), &o), "heuristic")
        } else {
            let mut o = FrustrationOptions::new()
                .seed(args.seed)
                .weighting(weighting)
                .time_limit(Duration::from_secs_f64(args.time_limit));
            if let Some(n) = args.node_limit {
                o = o.node_limit(n);
            }
            (frustration_exact(g.graph(), &o), "exact")
        };
        let secs = t.elapsed().as_secs_f64();
        match r {
            Ok(r) => {
                if args.json {
                    println!("{}", json(path, &g, &r, secs, method, args.summary));
                } else {
                    text(path, &g, &r, secs, method, args.summary);
                }
            }
            Err(e) => {
                eprintln!("error: {path}: {}", ErrorReport::new(&e));
                failed += 1;
            }
        }
    }
    if failed > 0 {
        return Err(format!(
            "{failed} of {} inputs could not be analysed",
            args.files.len()
        )
        .into());
    }
    Ok(())
}
