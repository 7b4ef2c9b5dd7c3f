//! Polarity bench: measures, poles and power classes of the whole state system for every year
//! 1816–2016 from COW NMC 6.0 CINC (`../shared/data/cow/NMC-60-abridged.csv`; a seeded
//! synthetic system of the same size when `../shared` is absent).
//!
//! `cargo bench -p rsct-bench --bench polarity`

mod common;

use criterion::{Criterion, criterion_group, criterion_main};
use rsct::polarity::{
    PoleRule, PowerClassRules, Shares, classify_powers, identify_poles, measures,
};
use std::collections::BTreeMap;
use std::hint::black_box;

/// (year → [(state abbreviation, cinc)]) from NMC, or synthetic.
fn system() -> BTreeMap<i32, Vec<(String, f64)>> {
    let path = common::shared_dir("cow").join("NMC-60-abridged.csv");
    let mut years: BTreeMap<i32, Vec<(String, f64)>> = BTreeMap::new();
    match std::fs::read_to_string(&path) {
        Ok(text) => {
            for line in text.lines().skip(1) {
                let f: Vec<&str> = line.split(',').collect();
                let (Ok(year), Ok(cinc)) = (f[2].parse::<i32>(), f[9].parse::<f64>()) else {
                    continue;
                };
                if cinc >= 0.0 {
                    years.entry(year).or_default().push((f[0].to_owned(), cinc));
                }
            }
        }
        Err(_) => {
            eprintln!(
                "notice: {} absent; benchmarking a synthetic system of the same size",
                path.display()
            );
            let mut x: u64 = 7;
            for year in 1816..=2016 {
                let n = 23 + (year - 1816) as usize * 170 / 200;
                let v = (0..n)
                    .map(|i| {
                        x = x
                            .wrapping_mul(6364136223846793005)
                            .wrapping_add(1442695040888963407);
                        (format!("S{i}"), ((x >> 33) % 10_000) as f64 / 1e5)
                    })
                    .collect();
                years.insert(year, v);
            }
        }
    }
    years
}

fn bench(c: &mut Criterion) {
    let years = system();
    let rule = PoleRule::new();
    let classes = PowerClassRules::new();
    c.bench_function("polarity/state system 1816–2016 (every year)", |b| {
        b.iter(|| {
            let mut poles = 0;
            for units in years.values() {
                let s = Shares::from_values(units.iter().map(|(u, v)| (u.as_str(), *v))).unwrap();
                let m = measures(&s);
                let p = identify_poles(&s, &rule).unwrap();
                let k = classify_powers(&s, &classes).unwrap();
                poles += p.poles.len()
                    + usize::from(m.hhi > 0.0)
                    + usize::from(k.class(&m.leader).is_global());
            }
            black_box(poles)
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
