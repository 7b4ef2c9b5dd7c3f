//! `rsct balance`: the structural balance report of a signed network or of a data set's year —
//! Harary test and clusterability with their certificates, the signed triangle census, walk
//! balance, and the units' signed degrees, PN index and signed eigenvector centrality. The JSON
//! is documented in README.md ("Balance report JSON").

use crate::Format;
use crate::input::{self, Result};
use rsct::balance::{
    self, BalanceError, CensusOptions, PnIndexOptions, SignedEigenvectorOptions, WalkBalanceOptions,
};
use rsct::petgraph::graph::{NodeIndex, UnGraph};
use rsct::{SignedWeight, Year};
use serde::Serialize;
use std::path::PathBuf;

/// Arguments of `rsct balance`.
#[derive(clap::Args)]
pub struct Args {
    /// A signed-graph file (.csv, .txt[.gz], .net, .paj) or a data set (.toml, .json).
    pub file: PathBuf,
    /// The year of a data set (default: its last year).
    #[arg(long)]
    pub year: Option<Year>,
    /// Add the members of every camp and cluster (JSON), or name them (text).
    #[arg(long)]
    pub members: bool,
    /// How many units the centrality table lists.
    #[arg(long, default_value_t = 10)]
    pub top: usize,
    /// Output format (json: the report as one object).
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

#[derive(Serialize)]
struct Report {
    source: String,
    kind: &'static str,
    year: Option<Year>,
    read: Option<rsct::io::ReadReport>,
    units: usize,
    ties: usize,
    negative_ties: usize,
    neutral_ties: usize,
    harary: Harary,
    clusterability: Clusters,
    triangles: Triangles,
    walk_balance: Outcome<rsct::balance::WalkBalance>,
    centrality: Centrality,
}

#[derive(Serialize)]
#[serde(rename_all = "snake_case")]
enum Outcome<T> {
    Ok(T),
    Error(String),
}

impl<T> From<std::result::Result<T, BalanceError>> for Outcome<T> {
    fn from(r: std::result::Result<T, BalanceError>) -> Self {
        match r {
            Ok(v) => Outcome::Ok(v),
            Err(e) => Outcome::Error(e.to_string()),
        }
    }
}

#[derive(Serialize)]
struct Cycle {
    units: Vec<String>,
    signs: Vec<String>,
    negatives: usize,
}

#[derive(Serialize)]
struct Harary {
    balanced: bool,
    camp_sizes: Option<[usize; 2]>,
    camps: Option<[Vec<String>; 2]>,
    odd_cycle: Option<Cycle>,
}

#[derive(Serialize)]
struct Clusters {
    clusterable: bool,
    clusters: Option<usize>,
    cluster_sizes: Option<Vec<usize>>,
    members: Option<Vec<Vec<String>>>,
    one_negative_cycle: Option<Cycle>,
}

#[derive(Serialize)]
struct Triangles {
    ppp: u64,
    ppm: u64,
    pmm: u64,
    mmm: u64,
    total: u64,
    strict_ratio: Option<f64>,
    weak_ratio: Option<f64>,
    weighted_strict_ratio: Option<f64>,
    weighted_weak_ratio: Option<f64>,
}

#[derive(Serialize)]
struct UnitRow {
    unit: String,
    positive: usize,
    negative: usize,
    net: i64,
    pn: Option<f64>,
    eigenvector: Option<f64>,
    triangles: u64,
    unbalanced_triangles: u64,
}

#[derive(Serialize)]
struct Centrality {
    pn_index: Outcome<PnSummary>,
    eigenvector: Outcome<EigenSummary>,
    top_by_pn: Vec<UnitRow>,
}

#[derive(Serialize)]
struct PnSummary {
    method: rsct::balance::PnMethod,
    error_bound: f64,
}

#[derive(Serialize)]
struct EigenSummary {
    eigenvalue: f64,
    second_modulus: Option<f64>,
    method: rsct::balance::EigenMethod,
}

fn cycle<E>(
    c: &rsct::balance::SignedCycle<NodeIndex, E>,
    label: &dyn Fn(NodeIndex) -> String,
) -> Cycle {
    Cycle {
        units: c.units().iter().map(|&u| label(u)).collect(),
        signs: c.signs().iter().map(ToString::to_string).collect(),
        negatives: c.negatives(),
    }
}

fn analyse<N, E: SignedWeight>(
    g: &UnGraph<N, E>,
    label: &dyn Fn(NodeIndex) -> String,
    a: &Args,
) -> std::result::Result<Report, BalanceError> {
    let names = |v: &[NodeIndex]| v.iter().map(|&u| label(u)).collect::<Vec<_>>();
    let h = balance::harary_test(g)?;
    let harary = Harary {
        balanced: h.is_balanced(),
        camp_sizes: h.camps().map(|c| [c[0].len(), c[1].len()]),
        camps: h
            .camps()
            .filter(|_| a.members)
            .map(|c| [names(&c[0]), names(&c[1])]),
        odd_cycle: h.odd_cycle().map(|c| cycle(c, label)),
    };
    let c = balance::clusterability(g)?;
    let clusterability = Clusters {
        clusterable: c.is_clusterable(),
        clusters: c.cluster_count(),
        cluster_sizes: c.clusters().map(|cl| cl.iter().map(Vec::len).collect()),
        members: c
            .clusters()
            .filter(|_| a.members)
            .map(|cl| cl.iter().map(|x| names(x)).collect()),
        one_negative_cycle: c.cycle().map(|x| cycle(x, label)),
    };
    let t = balance::triangle_census(g, &CensusOptions::new().with_weighted())?;
    let k = t.counts();
    let triangles = Triangles {
        ppp: k.ppp(),
        ppm: k.ppm(),
        pmm: k.pmm(),
        mmm: k.mmm(),
        total: k.total(),
        strict_ratio: k.strict_ratio(),
        weak_ratio: k.weak_ratio(),
        weighted_strict_ratio: t.weighted().and_then(|w| w.strict_ratio()),
        weighted_weak_ratio: t.weighted().and_then(|w| w.weak_ratio()),
    };
    let walk = balance::walk_balance(g, &WalkBalanceOptions::new());
    let degrees = balance::signed_degrees(g)?;
    let pn = balance::pn_index(g, &PnIndexOptions::new());
    let ev = balance::signed_eigenvector(g, &SignedEigenvectorOptions::new());
    let mut order: Vec<usize> = (0..g.node_count()).collect();
    if let Ok(p) = &pn {
        order.sort_by(|&a, &b| p.values()[b].total_cmp(&p.values()[a]).then(a.cmp(&b)));
    } else {
        order.sort_by_key(|&i| std::cmp::Reverse(degrees.per_unit()[i].net()));
    }
    let top_by_pn = order
        .iter()
        .take(a.top)
        .map(|&i| {
            let d = degrees.per_unit()[i];
            let tu = t.per_unit()[i];
            UnitRow {
                unit: label(NodeIndex::new(i)),
                positive: d.positive(),
                negative: d.negative(),
                net: d.net(),
                pn: pn.as_ref().ok().map(|p| p.values()[i]),
                eigenvector: ev.as_ref().ok().map(|e| e.values()[i]),
                triangles: tu.total(),
                unbalanced_triangles: tu.ppm() + tu.mmm(),
            }
        })
        .collect();
    let signed: Vec<_> = g.edge_weights().filter_map(SignedWeight::sign).collect();
    Ok(Report {
        source: a.file.display().to_string(),
        kind: "signed_graph",
        year: a.year,
        read: None,
        units: g.node_count(),
        ties: signed.len(),
        negative_ties: signed.iter().filter(|s| s.is_negative()).count(),
        neutral_ties: h.neutral_ties(),
        harary,
        clusterability,
        triangles,
        walk_balance: walk.into(),
        centrality: Centrality {
            pn_index: pn
                .map(|p| PnSummary {
                    method: p.method(),
                    error_bound: p.error_bound(),
                })
                .into(),
            eigenvector: ev
                .map(|e| EigenSummary {
                    eigenvalue: e.eigenvalue(),
                    second_modulus: e.second_modulus(),
                    method: e.method(),
                })
                .into(),
            top_by_pn,
        },
    })
}

/// Runs the balance analyses and writes the report.
pub fn run(a: &Args, out: &mut dyn std::io::Write) -> Result<()> {
    let r = if input::is_dataset(&a.file) {
        // The data set's year under the default derivation rules, as every command reads it.
        let (_, sg) = input::snapshot(&a.file, a.year)?;
        let year = sg.year();
        let label = |i: NodeIndex| sg.unit(i).map_or_else(String::new, |u| u.id().to_owned());
        let mut r = analyse(sg.graph(), &label, a)?;
        r.kind = "dataset";
        r.year = Some(year);
        r
    } else {
        let (g, read) = rsct::io::read_signed(&a.file)?;
        let label = |i: NodeIndex| g.label(i).unwrap_or_default().to_owned();
        let mut r = analyse(g.graph(), &label, a)?;
        r.read = Some(read);
        r
    };
    if a.format == Format::Json {
        writeln!(out, "{}", serde_json::to_string_pretty(&r)?)?;
    } else {
        write!(out, "{}", print_text(&r))?;
    }
    Ok(())
}

fn ratio(x: Option<f64>) -> String {
    x.map_or_else(|| "n/a (no triangles)".into(), |v| format!("{v:.7}"))
}

fn print_text(r: &Report) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    let _ = writeln!(out, "Structural balance of {}", r.source);
    if let Some(y) = r.year {
        let _ = writeln!(out, "  year {y}");
    }
    let _ = writeln!(
        out,
        "  {} units, {} signed ties ({} negative), {} ties without a sign left out",
        r.units, r.ties, r.negative_ties, r.neutral_ties
    );
    if let Some(rd) = &r.read {
        let _ = writeln!(
            out,
            "  read {} arcs; dropped {} self-loops, {} zero values, {} cancelled pairs; merged {} pairs",
            rd.arcs, rd.self_loops, rd.zero_values, rd.cancelled_pairs, rd.merged_pairs
        );
    }
    let show = |c: &Cycle| {
        let mut s = String::new();
        for (u, sg) in c.units.iter().zip(&c.signs) {
            s.push_str(&format!("{u} ={sg}= "));
        }
        s.push_str(c.units.first().map_or("", String::as_str));
        s
    };
    let _ = writeln!(out, "\nHarary test (strong balance)");
    match (&r.harary.camp_sizes, &r.harary.odd_cycle) {
        (Some([a, b]), _) => {
            let _ = writeln!(out, "  balanced: two camps of {a} and {b} units");
        }
        (_, Some(c)) => {
            let _ = writeln!(
                out,
                "  NOT balanced; a cycle with {} negative ties: {}",
                c.negatives,
                show(c)
            );
        }
        _ => {}
    }
    let _ = writeln!(out, "\nClusterability (weak balance, Davis)");
    match (
        &r.clusterability.clusters,
        &r.clusterability.one_negative_cycle,
    ) {
        (Some(k), _) => {
            let _ = writeln!(out, "  clusterable into {k} clusters (components of amity)");
        }
        (_, Some(c)) => {
            let _ = writeln!(
                out,
                "  NOT clusterable; a cycle with one negative tie: {}",
                show(c)
            );
        }
        _ => {}
    }
    let t = &r.triangles;
    let _ = writeln!(out, "\nSigned triangles");
    let _ = writeln!(
        out,
        "  +++ {:>10}   ++- {:>10}   +-- {:>10}   --- {:>10}   all {}",
        t.ppp, t.ppm, t.pmm, t.mmm, t.total
    );
    let _ = writeln!(
        out,
        "  strict balance {}   weak balance {}",
        ratio(t.strict_ratio),
        ratio(t.weak_ratio)
    );
    let _ = writeln!(
        out,
        "  weighted (geometric-mean intensity): strict {}   weak {}",
        ratio(t.weighted_strict_ratio),
        ratio(t.weighted_weak_ratio)
    );
    let _ = writeln!(out, "\nWalk balance tr e^A / tr e^|A|");
    match &r.walk_balance {
        Outcome::Ok(w) => {
            let _ = writeln!(
                out,
                "  {:.7} (error bound {:.1e}; {} connected parts, largest {})",
                w.ratio(),
                w.error_bound(),
                w.parts(),
                w.largest_part()
            );
        }
        Outcome::Error(e) => {
            let _ = writeln!(out, "  not computed: {e}");
        }
    }
    let _ = writeln!(out, "\nCentrality");
    match &r.centrality.pn_index {
        Outcome::Ok(p) => {
            let _ = writeln!(
                out,
                "  PN index: {}, error bound {:.1e}",
                p.method, p.error_bound
            );
        }
        Outcome::Error(e) => {
            let _ = writeln!(out, "  PN index not computed: {e}");
        }
    }
    match &r.centrality.eigenvector {
        Outcome::Ok(e) => {
            let _ = writeln!(
                out,
                "  signed eigenvector: eigenvalue {:.6} ({})",
                e.eigenvalue, e.method
            );
        }
        Outcome::Error(e) => {
            let _ = writeln!(out, "  signed eigenvector not computed: {e}");
        }
    }
    let f = |x: Option<f64>| x.map_or_else(|| "-".into(), |v| format!("{v:.4}"));
    let _ = writeln!(
        out,
        "  {:<24} {:>6} {:>6} {:>6} {:>9} {:>9} {:>9} {:>9}",
        "unit", "pos", "neg", "net", "PN", "eigvec", "triangles", "unbal."
    );
    for u in &r.centrality.top_by_pn {
        let _ = writeln!(
            out,
            "  {:<24} {:>6} {:>6} {:>6} {:>9} {:>9} {:>9} {:>9}",
            u.unit,
            u.positive,
            u.negative,
            u.net,
            f(u.pn),
            f(u.eigenvector),
            u.triangles,
            u.unbalanced_triangles
        );
    }
    out
}
