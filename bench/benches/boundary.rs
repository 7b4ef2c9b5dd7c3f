//! Boundary benchmarks: detection, roles and classification ([`World::boundaries`]) for every
//! year 1816–2014 of the world panel — ATOP 5.1 alliances and MID 5.0 disputes (any
//! obligation = +, hostlev ≥ 3 = −, the dispute wins), land contiguity as proximity
//! (weight 0.5), power classes from NMC world CINC shares with Buzan & Wæver's preset from
//! 1990, CINC for each complex's polarity.
//!
//! Reads `../shared/data/cow` (or `$RSCT_SHARED_DIR/cow`) when present; otherwise a seeded synthetic world of the same
//! shape (a state list growing to 192 states in 8 regions by 2014, alliances inside
//! regions, disputes mostly inside, land contiguity inside, CINC scores).

mod common;

use criterion::{Criterion, criterion_group, criterion_main};
use rsct::boundary::BoundaryOptions;
use rsct::io::cow::{self, ContiguityType, Obligation, sources};
use rsct::panel::{World, WorldBoundaryOptions, WorldRules};
use std::fmt::Write as _;
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

/// A seeded synthetic world: states in 8 regions, each year a few alliances inside a
/// region, disputes (most inside a region), land contiguity between a region's
/// consecutive states, CINC scores.
fn synthetic() -> World {
    let mut rng = Rng(11);
    let mut atop = String::from(
        "ccode1,ccode2,year,atop_defense,atop_offense,atop_neutral,atop_nonagg,atop_consul\n",
    );
    let mut mid = String::from("dispnum,ccode1,ccode2,year,hostlev\n");
    let mut cont = String::from("state1no,state2no,year,conttype\n");
    let mut nmc = String::from("ccode,year,milex,milper,irst,pec,tpop,upop,cinc\n");
    let code = |region: u64, k: u64| 2 + (region * 30 + k) * 3;
    // Each state joins the system in the year it first appears.
    let mut first_year: std::collections::BTreeMap<u64, u64> = Default::default();
    for year in 1816..=2014u64 {
        let per = 3 + (year - 1816) * 21 / 198; // states per region: 3 … 24
        for r in 0..8 {
            for k in 0..per {
                let c = code(r, k);
                first_year.entry(c).or_insert(year);
                let cinc = (1 + rng.below(1000)) as f64 / 1e5 * if k == 0 { 20.0 } else { 1.0 };
                writeln!(nmc, "{c},{year},1,1,1,1,1,1,{cinc}").unwrap();
                if k + 1 < per {
                    let d = code(r, k + 1);
                    writeln!(cont, "{c},{d},{year},1\n{d},{c},{year},1").unwrap();
                }
            }
            for _ in 0..2 {
                let size = 2 + rng.below(per - 1);
                let members: Vec<u64> = (0..size).map(|_| code(r, rng.below(per))).collect();
                for (i, &a) in members.iter().enumerate() {
                    for &b in &members[i + 1..] {
                        if a != b {
                            for (x, y) in [(a, b), (b, a)] {
                                writeln!(atop, "{x},{y},{year},1,0,0,0,1").unwrap();
                            }
                        }
                    }
                }
            }
        }
        for k in 0..12 {
            let r = rng.below(8);
            let s = if rng.below(5) == 0 { rng.below(8) } else { r };
            let per = 3 + (year - 1816) * 21 / 198;
            let (a, b) = (code(r, rng.below(per)), code(s, rng.below(per)));
            if a != b {
                for (x, y) in [(a, b), (b, a)] {
                    writeln!(mid, "{},{x},{y},{year},4", year * 100 + k).unwrap();
                }
            }
        }
    }
    let mut states = String::from(
        "stateabb,ccode,statenme,styear,stmonth,stday,endyear,endmonth,endday,version\n",
    );
    for (c, y) in first_year {
        writeln!(states, "S{c},{c},State {c},{y},1,1,2016,12,31,2016").unwrap();
    }
    World::new()
        .with_states(cow::from_bytes::states("states.csv", states.as_bytes()).unwrap())
        .with_alliances(cow::from_bytes::atop("atop.csv", atop.as_bytes(), None).unwrap())
        .with_disputes(
            cow::from_bytes::mid5("mid.csv", mid.as_bytes(), None).unwrap(),
            sources::MID5,
        )
        .with_contiguity(cow::from_bytes::contiguity("cont.csv", cont.as_bytes(), None).unwrap())
        .with_capabilities(cow::from_bytes::nmc("nmc.csv", nmc.as_bytes(), None).unwrap())
}

fn world() -> (&'static str, World) {
    let dir = common::shared_dir("cow");
    if dir.join(sources::ATOP.file).exists() && dir.join(sources::MID5.file).exists() {
        ("real", World::load(&dir).unwrap())
    } else {
        eprintln!(
            "notice: {} is absent; benchmarking a synthetic world",
            dir.display()
        );
        ("synthetic", synthetic())
    }
}

/// Every year's boundaries; returns the number of complexes found (so nothing is elided).
fn all_years(w: &World, rules: &WorldRules, options: &WorldBoundaryOptions) -> usize {
    (1816..=2014)
        .map(|y| w.boundaries(y, rules, options).unwrap().complexes.len())
        .sum()
}

fn bench(c: &mut Criterion) {
    let (what, world) = world();
    let rules = WorldRules::new().contiguity(ContiguityType::Land, 0.5);
    let options = WorldBoundaryOptions::new();
    let mut g = c.benchmark_group(format!("boundaries_{what}"));
    g.sample_size(10);
    g.bench_function("world_1816_2014", |b| {
        b.iter(|| black_box(all_years(&world, &rules, &options)))
    });
    // The same years through `World::boundaries_of_years`, on every core and on one thread.
    for (suffix, threads) in [("", 0), ("_1_thread", 1)] {
        let options = options.clone().threads(threads);
        g.bench_function(format!("world_1816_2014_of_years{suffix}"), |b| {
            b.iter(|| {
                let r = world.boundaries_of_years(1816, 2014, &rules, &options);
                black_box(r.unwrap().iter().map(|r| r.complexes.len()).sum::<usize>())
            })
        });
    }
    // The calibrated defaults with every year of the span detected together (multislice
    // candidates, `BoundaryOptions::interslice` 8), on every core.
    g.bench_function("world_1816_2014_span_calibrated", |b| {
        let rules = WorldRules::calibrated();
        let options = WorldBoundaryOptions::new().boundary(BoundaryOptions::world_calibrated());
        b.iter(|| {
            let r = world.boundaries_of_years(1816, 2014, &rules, &options);
            black_box(r.unwrap().iter().map(|r| r.complexes.len()).sum::<usize>())
        })
    });
    g.bench_function("world_1816_2014_members_only_no_contiguity", |b| {
        let rules = WorldRules::new().members_only();
        b.iter(|| black_box(all_years(&world, &rules, &options)))
    });
    g.bench_function("world_1816_2014_validation_setting", |b| {
        // The best setting of docs/world_1990_2001.md.
        let rules = WorldRules::new()
            .members_only()
            .contiguity(ContiguityType::Land, 1.0)
            .atop_intensity(Obligation::NonAggression, 0.1)
            .atop_intensity(Obligation::Consultation, 0.2)
            .atop_intensity(Obligation::Neutrality, 0.2);
        let options = WorldBoundaryOptions::new().boundary(BoundaryOptions::new().resolution(2.0));
        b.iter(|| black_box(all_years(&world, &rules, &options)))
    });
    g.bench_function("world_1995", |b| {
        b.iter(|| black_box(world.boundaries(1995, &rules, &options).unwrap()))
    });
    g.bench_function("world_1995_calibrated", |b| {
        // One year at the calibrated world defaults (borders across water, resolution 7).
        let rules = WorldRules::calibrated();
        let options = WorldBoundaryOptions::new().boundary(BoundaryOptions::world_calibrated());
        b.iter(|| black_box(world.boundaries(1995, &rules, &options).unwrap()))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
