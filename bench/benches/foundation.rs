//! Foundation benches: snapshot of a large synthetic data set, and reading Epinions.
//!
//! `cargo bench -p rsct-bench --bench foundation`. Inputs are seeded; the Epinions bench reads
//! `../shared/data/signed/snap_soc-sign-epinions.txt.gz` and falls back to a synthetic gzip
//! edge list of the same size when `../shared` is absent.

mod common;

use criterion::{Criterion, criterion_group, criterion_main};
use rsct::{
    Dataset, DerivationRules, Evidence, Membership, Organisation, OrganisationKind, Period,
    Relation, Role, Sector, Sign, Unit,
};
use std::hint::black_box;
use std::io::Write;
use std::path::PathBuf;

/// A small deterministic generator (SplitMix64).
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// 200 units, 20 organisations, 2,000 memberships and 20,000 relations over 1990–2020.
fn big_dataset() -> Dataset {
    let mut rng = Rng(7);
    let ev = Evidence::cited("synthetic", "bench").unwrap();
    let mut b = Dataset::builder();
    for i in 0..200 {
        b = b.unit(Unit::state(&format!("U{i}"), &format!("Unit {i}")).unwrap());
    }
    for o in 0..20 {
        let kind = OrganisationKind::ALL[o % OrganisationKind::ALL.len()];
        b = b.organisation(Organisation::new(&format!("O{o}"), &format!("Org {o}"), kind).unwrap());
    }
    for _ in 0..2_000 {
        let (o, u) = (rng.below(20), rng.below(200));
        let from = 1990 + rng.below(20) as i32;
        let p = Period::between(from, from + rng.below(15) as i32).unwrap();
        b = b.membership(
            Membership::new(
                &format!("O{o}"),
                &format!("U{u}"),
                Role::Member,
                p,
                vec![ev.clone()],
            )
            .unwrap(),
        );
    }
    for _ in 0..20_000 {
        let a = rng.below(200);
        let c = (a + 1 + rng.below(199)) % 200;
        // One sign per pair, so the data set validates.
        let sign = if (a * c) % 3 == 0 {
            Sign::Enmity
        } else {
            Sign::Amity
        };
        let from = 1990 + rng.below(25) as i32;
        let p = Period::between(from, from + rng.below(10) as i32).unwrap();
        let sector = Sector::ALL[rng.below(5) as usize];
        b = b.relation(
            Relation::builder(&format!("U{a}"), &format!("U{c}"), sign, p)
                .intensity((1 + rng.below(100)) as f64 / 100.0)
                .sector(sector)
                .evidence(ev.clone())
                .build()
                .unwrap(),
        );
    }
    b.build().unwrap()
}

fn epinions_path() -> PathBuf {
    let real = common::shared_dir("signed").join("snap_soc-sign-epinions.txt.gz");
    if real.exists() {
        return real;
    }
    eprintln!("notice: ../shared absent; benchmarking a synthetic edge list of Epinions' size");
    let path = std::env::temp_dir().join("rsct-bench-synthetic-epinions.txt.gz");
    if !path.exists() {
        let mut rng = Rng(11);
        let file = std::fs::File::create(&path).unwrap();
        let mut gz = flate2::write::GzEncoder::new(file, flate2::Compression::default());
        writeln!(gz, "# synthetic").unwrap();
        for _ in 0..841_372 {
            let s = if rng.below(6) == 0 { -1 } else { 1 };
            writeln!(gz, "{}\t{}\t{}", rng.below(131_828), rng.below(131_828), s).unwrap();
        }
        gz.finish().unwrap();
    }
    path
}

fn bench(c: &mut Criterion) {
    let ds = big_dataset();
    let rules = DerivationRules::new();
    c.bench_function("snapshot/200 units, 20k relations, 2k memberships", |b| {
        b.iter(|| black_box(ds.snapshot(black_box(2005), &rules).unwrap()))
    });
    let path = epinions_path();
    let mut g = c.benchmark_group("read");
    g.sample_size(20);
    g.bench_function("epinions.txt.gz → SignedGraph", |b| {
        b.iter(|| black_box(rsct::io::read_signed(&path).unwrap()))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
