//! Frustration index benchmarks (figures in BENCHMARKS.md, section "Frustration").
//!
//! Real networks come from `../shared/data/signed` when present (a notice is printed and the
//! group skipped otherwise); a seeded synthetic graph always runs. Reading files is outside
//! the timed loop.
//!
//! ```text
//! cargo bench -p rsct-bench --bench frustration                 # all groups but the long ones
//! RSCT_BENCH_LONG=1 cargo bench -p rsct-bench --bench frustration   # + bitcoinalpha exact, Epinions
//! ```

mod common;

use criterion::{Criterion, criterion_group, criterion_main};
use rsct::SignedGraph;
use rsct::balance::{
    FrustrationOptions, HeuristicOptions, frustration_exact, frustration_heuristic,
};
use rsct::{Sign, petgraph::graph::NodeIndex};
use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

fn shared(rel: &str) -> Option<PathBuf> {
    let p = common::shared_dir("signed").join(rel);
    if p.exists() {
        Some(p)
    } else {
        eprintln!("notice: {} is absent; skipping", p.display());
        None
    }
}

fn read(rel: &str) -> Option<SignedGraph> {
    shared(rel).map(|p| rsct::io::read_signed(p).expect("readable").0)
}

/// Tribes + the 51 COW windows, in file-name order.
fn cow_and_tribes() -> Option<Vec<SignedGraph>> {
    let dir = shared("cow_doreian_mrvar")?;
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "csv"))
        .collect();
    files.sort();
    let mut out = vec![read("gahuku_gama_tribes.csv")?];
    out.extend(
        files
            .iter()
            .map(|p| rsct::io::read_signed(p).expect("readable").0),
    );
    Some(out)
}

/// Seeded planted-camps graph: 300 nodes, ~10 % noise.
fn synthetic() -> SignedGraph {
    let n = 300;
    let mut s = 42u64;
    let mut next = || {
        s = s
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (s >> 33) as u32
    };
    let mut g = SignedGraph::new();
    for i in 0..n {
        g.add_node(&format!("v{i}")).expect("distinct");
    }
    for a in 0..n {
        for b in a + 1..n {
            if next() % 1000 < 25 {
                let same = (a % 2) == (b % 2);
                let mut sign = if same { Sign::Amity } else { Sign::Enmity };
                if next() % 100 < 10 {
                    sign = sign.flipped();
                }
                g.add_edge(NodeIndex::new(a), NodeIndex::new(b), sign)
                    .expect("simple");
            }
        }
    }
    g
}

fn exact(c: &mut Criterion) {
    let mut group = c.benchmark_group("frustration/exact");
    group.sample_size(10);
    let o = FrustrationOptions::new();
    let syn = synthetic();
    group.bench_function("synthetic_planted_300", |b| {
        b.iter(|| frustration_exact(black_box(syn.graph()), &o).expect("ok"))
    });
    if let Some(gs) = cow_and_tribes() {
        // On every core (the incumbent's starts in parallel) and on one thread.
        for (suffix, threads) in [("", 0), ("_1_thread", 1)] {
            let o = o.clone().threads(threads);
            group.bench_function(format!("tribes_plus_51_cow_total{suffix}"), |b| {
                b.iter(|| {
                    for g in &gs {
                        let r = frustration_exact(black_box(g.graph()), &o).expect("ok");
                        assert!(r.is_optimal());
                    }
                })
            });
        }
    }
    for name in ["avatar.csv", "congress.csv"] {
        if let Some(g) = read(name) {
            group.bench_function(name.trim_end_matches(".csv"), |b| {
                b.iter(|| frustration_exact(black_box(g.graph()), &o).expect("ok"))
            });
        }
    }
    if std::env::var_os("RSCT_BENCH_LONG").is_some() {
        if let Some(g) = read("bitcoinalpha.csv") {
            group.measurement_time(Duration::from_secs(200));
            let o = FrustrationOptions::new().time_limit(Duration::from_secs(60));
            group.bench_function("bitcoinalpha", |b| {
                b.iter(|| frustration_exact(black_box(g.graph()), &o).expect("ok"))
            });
        }
    }
    group.finish();
}

/// Each heuristic bench on every core (the default) and on one thread (`…_1_thread`): the
/// results are identical, the times show what the parallel blocks and starts gain.
fn heuristic(c: &mut Criterion) {
    let mut group = c.benchmark_group("frustration/heuristic");
    group.sample_size(10);
    let gs = cow_and_tribes();
    let alpha = read("bitcoinalpha.csv");
    let epinions =
        std::env::var_os("RSCT_BENCH_LONG").and_then(|_| read("snap_soc-sign-epinions.txt.gz"));
    for (suffix, threads) in [("", 0), ("_1_thread", 1)] {
        let o = HeuristicOptions::new().threads(threads);
        if let Some(gs) = &gs {
            // Mean time per window = this figure / 52.
            group.bench_function(format!("tribes_plus_51_cow_total{suffix}"), |b| {
                b.iter(|| {
                    for g in gs {
                        black_box(frustration_heuristic(black_box(g.graph()), &o).expect("ok"));
                    }
                })
            });
        }
        if let Some(g) = &alpha {
            group.bench_function(format!("bitcoinalpha{suffix}"), |b| {
                b.iter(|| frustration_heuristic(black_box(g.graph()), &o).expect("ok"))
            });
        }
        if let Some(g) = &epinions {
            group.measurement_time(Duration::from_secs(60));
            group.bench_function(format!("epinions{suffix}"), |b| {
                b.iter(|| frustration_heuristic(black_box(g.graph()), &o).expect("ok"))
            });
        }
    }
    group.finish();
}

criterion_group!(benches, exact, heuristic);
criterion_main!(benches);
