//! Balance benches: signed triangle census and Harary test on Epinions (synthetic seeded
//! fallback when ../shared is absent), census on the 1996–99 COW window and bitcoinalpha.
//!
//! Spectral group (`balance/spectral/…`): signed eigenvector centrality (Lanczos) and walk
//! balance (Lanczos spectral truncation) on Epinions, Slashdot, wikielections and
//! bitcoinalpha, and (with `RSCT_BENCH_LONG=1`, or the `faer` feature) dense walk balance on
//! a seeded synthetic 2,400-unit graph (`walk_balance_dense`, or `walk_balance_dense_faer`
//! with `--features faer`); `RSCT_BENCH_DENSE_CSV=FILE` writes that graph as a CSV edge
//! list for the numpy anchor.
//!
//! Run: `cargo bench -p rsct-bench --bench balance`. Compare with `../shared/anchors/triangles_igraph.py`
//! and `../shared/anchors/spectral_scipy.py` (see BENCHMARKS.md).

mod common;

use criterion::{Criterion, criterion_group, criterion_main};
use rsct::balance::{
    CensusOptions, SignedEigenvectorOptions, WalkBalanceOptions, clusterability, harary_test,
    signed_eigenvector, triangle_census, walk_balance,
};
use rsct::{Sign, SignedGraph};
use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

/// `../shared/data/signed/REL`, or `$RSCT_SIGNED_DATA/REL` when that variable is set (e.g.
/// from a worktree elsewhere).
fn shared(rel: &str) -> Option<PathBuf> {
    let dir = std::env::var_os("RSCT_SIGNED_DATA")
        .map_or_else(|| common::shared_dir("signed"), PathBuf::from);
    let p = dir.join(rel);
    p.exists().then_some(p)
}

/// A seeded synthetic signed graph with `n` nodes and about `m` edges and a skewed degree
/// distribution (preferential endpoints), 15 % negative: the fallback when the real data are
/// absent.
fn synthetic(n: usize, m: usize, seed: u64) -> SignedGraph {
    let mut x = seed;
    let mut next = move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    let mut ends: Vec<u32> = Vec::with_capacity(2 * m);
    let mut pairs = std::collections::BTreeSet::new();
    while pairs.len() < m {
        let a = if ends.is_empty() || next() % 2 == 0 {
            (next() % n as u64) as u32
        } else {
            ends[(next() % ends.len() as u64) as usize]
        };
        let b = (next() % n as u64) as u32;
        if a != b && pairs.insert((a.min(b), a.max(b))) {
            ends.push(a);
            ends.push(b);
        }
    }
    let labels: Vec<String> = (0..n).map(|i| i.to_string()).collect();
    let edges: Vec<(usize, usize, Sign)> = pairs
        .into_iter()
        .map(|(a, b)| {
            let s = if next() % 100 < 15 {
                Sign::Enmity
            } else {
                Sign::Amity
            };
            (a as usize, b as usize, s)
        })
        .collect();
    match SignedGraph::from_edges(labels, edges) {
        Ok(g) => g,
        Err(e) => panic!("synthetic graph: {e}"),
    }
}

fn load(rel: &str, fallback: impl FnOnce() -> SignedGraph) -> (String, SignedGraph) {
    match shared(rel) {
        Some(p) => match rsct::io::read_signed(&p) {
            Ok((g, _)) => (rel.to_owned(), g),
            Err(e) => panic!("{e}"),
        },
        None => {
            eprintln!("notice: ../shared/data/signed/{rel} absent; using a synthetic graph");
            (format!("synthetic-for-{rel}"), fallback())
        }
    }
}

fn epinions(c: &mut Criterion) {
    let (name, g) = load("snap_soc-sign-epinions.txt.gz", || {
        synthetic(131_580, 708_507, 7)
    });
    let mut grp = c.benchmark_group(format!("balance/{name}"));
    grp.sample_size(20).measurement_time(Duration::from_secs(8));
    grp.bench_function("triangle_census", |b| {
        b.iter(|| triangle_census(black_box(g.graph()), &CensusOptions::new()))
    });
    grp.bench_function("triangle_census_totals_only", |b| {
        b.iter(|| {
            triangle_census(
                black_box(g.graph()),
                &CensusOptions::new().without_per_unit(),
            )
        })
    });
    grp.bench_function("harary_test", |b| {
        b.iter(|| harary_test(black_box(g.graph())))
    });
    grp.bench_function("clusterability", |b| {
        b.iter(|| clusterability(black_box(g.graph())))
    });
    // Epinions is unbalanced and the test stops at the first contradiction; the worst case
    // reads every tie: the same topology with signs from two planted camps (balanced).
    let balanced = plant_camps(&g);
    grp.bench_function("harary_test_planted_balanced", |b| {
        b.iter(|| {
            let h = harary_test(black_box(balanced.graph()));
            assert!(h.as_ref().is_ok_and(|h| h.is_balanced()));
            h
        })
    });
    grp.finish();
}

/// The same topology, signs from two camps given by a hash of the node index.
fn plant_camps(g: &SignedGraph) -> SignedGraph {
    let camp = |i: usize| (i as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 63;
    let labels: Vec<String> = (0..g.node_count()).map(|i| i.to_string()).collect();
    let edges = g.edges().map(|(a, b, _)| {
        let s = if camp(a.index()) == camp(b.index()) {
            Sign::Amity
        } else {
            Sign::Enmity
        };
        (a.index(), b.index(), s)
    });
    match SignedGraph::from_edges(labels, edges) {
        Ok(g) => g,
        Err(e) => panic!("planted graph: {e}"),
    }
}

fn small(c: &mut Criterion) {
    for (rel, n, m) in [
        ("cow_doreian_mrvar/cow_96-99.csv", 151, 1_247),
        ("bitcoinalpha.csv", 3_783, 13_876),
        ("snap_soc-sign-Slashdot090221.txt.gz", 82_140, 498_532),
    ] {
        let (name, g) = load(rel, || synthetic(n, m, 11));
        c.bench_function(&format!("balance/{name}/triangle_census"), |b| {
            b.iter(|| triangle_census(black_box(g.graph()), &CensusOptions::new()))
        });
    }
}

fn spectral(c: &mut Criterion) {
    let mut grp = c.benchmark_group("balance/spectral");
    grp.sample_size(10)
        .measurement_time(Duration::from_secs(10));
    for (rel, n, m) in [
        ("snap_soc-sign-epinions.txt.gz", 131_580, 708_507),
        ("snap_soc-sign-Slashdot090221.txt.gz", 82_140, 498_532),
        ("wikielections.csv", 7_115, 100_693),
        ("bitcoinalpha.csv", 3_783, 13_876),
    ] {
        let (name, g) = load(rel, || synthetic(n, m, 13));
        grp.bench_function(format!("{name}/signed_eigenvector"), |b| {
            b.iter(|| signed_eigenvector(black_box(g.graph()), &SignedEigenvectorOptions::new()))
        });
        grp.bench_function(format!("{name}/walk_balance"), |b| {
            b.iter(|| walk_balance(black_box(g.graph()), &WalkBalanceOptions::new()))
        });
    }
    // A connected 2,400-unit graph (the dense case, below the dense limit): tens of
    // seconds an iteration by the crate's own solver, so only with RSCT_BENCH_LONG=1; a
    // second or two by faer.
    let faer = cfg!(feature = "faer");
    if faer || std::env::var_os("RSCT_BENCH_LONG").is_some() {
        let g = synthetic(2_400, 12_000, 17);
        if let Some(path) = std::env::var_os("RSCT_BENCH_DENSE_CSV") {
            let mut csv = String::from("from,to,sign\n");
            for (a, b, s) in g.edges() {
                let s = if s.sign() == Sign::Enmity { -1 } else { 1 };
                csv.push_str(&format!("{},{},{s}\n", a.index(), b.index()));
            }
            if let Err(e) = std::fs::write(&path, csv) {
                panic!("{}: {e}", path.to_string_lossy());
            }
            if let Ok(w) = walk_balance(g.graph(), &WalkBalanceOptions::new()) {
                eprintln!("ratio {:.7} ± {:.0e}", w.ratio(), w.error_bound());
            }
        }
        let name = if faer {
            "walk_balance_dense_faer"
        } else {
            "walk_balance_dense"
        };
        grp.bench_function(format!("synthetic-2400/{name}"), |b| {
            b.iter(|| walk_balance(black_box(g.graph()), &WalkBalanceOptions::new()))
        });
    }
    grp.finish();
}

criterion_group!(benches, epinions, small, spectral);
criterion_main!(benches);
