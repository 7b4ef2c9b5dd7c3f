//! World panel benchmarks: the same work as `shared/anchors/panel_pandas.py` — read ATOP 5.1
//! and MID 5.0, build the yearly signed graphs 1816–2014 (any obligation = +, hostlev ≥ 3 =
//! −, the dispute wins) and take the signed triangle census of every year.
//!
//! Reads `../shared/data/cow` (or `$RSCT_SHARED_DIR/cow`) when present; otherwise a seeded synthetic world of the same
//! shape (about 140,000 alliance dyad-years and 5,000 dispute dyad-years over 199 years).

mod common;

use criterion::{Criterion, criterion_group, criterion_main};
use rsct::balance::FrustrationOptions;
use rsct::io::cow::{self, sources};
use rsct::panel::{PanelOptions, World, WorldRules};
use std::hint::black_box;

/// splitmix64: a seeded generator, enough for synthetic inputs.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// Synthetic ATOP and MID files (directed rows, both orders), seeded.
fn synthetic() -> (Vec<u8>, Vec<u8>) {
    let mut rng = Rng(7);
    let mut atop = String::from(
        "ccode1,ccode2,year,atop_defense,atop_offense,atop_neutral,atop_nonagg,atop_consul\n",
    );
    let mut mid = String::from("dispnum,ccode1,ccode2,year,hostlev\n");
    for year in 1816..=2014u64 {
        let states = 20 + (year - 1816) * 170 / 198;
        // Alliance blocs: a few groups of states all allied with one another.
        for _ in 0..6 {
            let size = 2 + rng.below(states / 4);
            let members: Vec<u64> = (0..size).map(|_| 2 + rng.below(states) * 5).collect();
            for (i, &a) in members.iter().enumerate() {
                for &b in &members[i + 1..] {
                    if a != b {
                        let d = rng.below(2);
                        for (x, y) in [(a, b), (b, a)] {
                            atop.push_str(&format!("{x},{y},{year},{d},0,0,1,1\n"));
                        }
                    }
                }
            }
        }
        for k in 0..25 {
            let (a, b) = (2 + rng.below(states) * 5, 2 + rng.below(states) * 5);
            if a != b {
                let h = 1 + rng.below(5);
                for (x, y) in [(a, b), (b, a)] {
                    mid.push_str(&format!("{},{x},{y},{year},{h}\n", year * 100 + k));
                }
            }
        }
    }
    (atop.into_bytes(), mid.into_bytes())
}

/// The inputs: the real files' paths, or synthetic bytes.
enum Input {
    Files(std::path::PathBuf, std::path::PathBuf),
    Bytes(Vec<u8>, Vec<u8>),
}

fn inputs() -> (&'static str, Input) {
    let dir = common::shared_dir("cow");
    let (a, m) = (dir.join(sources::ATOP.file), dir.join(sources::MID5.file));
    if a.exists() && m.exists() {
        ("real", Input::Files(a, m))
    } else {
        eprintln!(
            "notice: {} is absent; benchmarking a synthetic world",
            dir.display()
        );
        let (a, m) = synthetic();
        ("synthetic", Input::Bytes(a, m))
    }
}

/// Reads ATOP and MID 5.0 (from disk, as the pandas script does, or from the synthetic
/// bytes) into a world.
fn read(input: &Input) -> World {
    let (atop, mid) = match input {
        Input::Files(a, m) => (cow::read_atop(a, None), cow::read_mid5(m, None)),
        Input::Bytes(a, m) => (
            cow::from_bytes::atop(sources::ATOP.file, a, None),
            cow::from_bytes::mid5(sources::MID5.file, m, None),
        ),
    };
    World::new()
        .with_alliances(atop.unwrap())
        .with_disputes(mid.unwrap(), sources::MID5)
}

fn census_panel(w: &World, threads: usize) -> u64 {
    w.panel(
        1816,
        2014,
        &WorldRules::new(),
        PanelOptions::new()
            .without_harary()
            .without_polarity()
            .threads(threads),
    )
    .unwrap()
    .map(|r| r.unwrap().census.map_or(0, |c| c.total()))
    .sum()
}

/// The panel of 1816–2014 with every column on `threads` threads, with the frustration
/// column of the `world_panel` example (the exact solver, node limit 20,000 per year) when
/// `frustration`; the number of rows.
fn all_columns(w: &World, threads: usize, frustration: bool) -> usize {
    let panel = w
        .panel(
            1816,
            2014,
            &WorldRules::new(),
            PanelOptions::new().threads(threads),
        )
        .unwrap();
    if frustration {
        let exact = FrustrationOptions::new().node_limit(20_000).seed(7);
        panel.frustration(exact).count()
    } else {
        panel.count()
    }
}

/// Each panel bench on every core (the default) and on one thread (`…_1_thread`): the rows
/// are identical, the times show what the parallel years gain.
fn bench(c: &mut Criterion) {
    let (what, input) = inputs();
    let world = read(&input);
    let mut g = c.benchmark_group(format!("world_panel_{what}"));
    g.sample_size(20);
    g.bench_function("read_atop_mid", |b| b.iter(|| black_box(read(&input))));
    for (suffix, threads) in [("", 0), ("_1_thread", 1)] {
        g.bench_function(format!("build_and_census_1816_2014{suffix}"), |b| {
            b.iter(|| black_box(census_panel(&world, threads)))
        });
        g.bench_function(format!("panel_all_columns_1816_2014{suffix}"), |b| {
            b.iter(|| black_box(all_columns(&world, threads, false)))
        });
        g.bench_function(format!("total_read_build_census{suffix}"), |b| {
            b.iter(|| black_box(census_panel(&read(&input), threads)))
        });
    }
    g.sample_size(10);
    for (suffix, threads) in [("", 0), ("_1_thread", 1)] {
        g.bench_function(format!("with_frustration_1816_2014{suffix}"), |b| {
            b.iter(|| black_box(all_columns(&world, threads, true)))
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
