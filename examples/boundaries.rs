//! Boundaries of security complexes: in a data set's year, or in the world of the
//! Correlates-of-War family over a range of years.
//!
//! ```sh
//! cargo run --release --example boundaries -- data/post_soviet.toml --year 2013
//! cargo run --release --example boundaries -- data/post_soviet.toml --year 2013 --json
//! cargo run --release --example boundaries -- --cow ../shared/data/cow --from 1990 --to 2001
//! cargo run --release --example boundaries -- --cow ../shared/data/cow --from 1995 --to 1995 --json
//! ```
//!
//! Common options: `--resolution G` (default 1.0); `--seed S`; `--set-apart A,B` (outside
//! powers to set apart, like superpowers); `--no-preset` (do not apply Buzan & Wæver's
//! post-1990 power classes, applied from 1990 by default); `--json` prints the
//! `BoundaryReport` as JSON (fields as in the README and the `rsct::boundary` docs).
//!
//! Data set: `FILE [--year Y]` (default: the data set's last year); `--no-memberships`
//! (derive no ties from co-membership).
//!
//! World: `--cow DIR --from Y --to Y` reads the COW-family files in `DIR` (ATOP 5.1, MID
//! 5.0, Direct Contiguity, NMC, state list) and prints each year's report — with `--json`,
//! one line citing the data sets and the rules, then one report per line (JSON lines).
//! Ties: any ATOP obligation is amity, MID hostility ≥ `--hostility` (default 3) enmity,
//! the dispute wins; `--proximity W` (default 0.5; 0 turns it off) adds W of
//! interdependence for land contiguity, or up to `--contiguity 1-5` (default 1, land);
//! `--atop-intensity OBLIGATION=W` (repeatable; `defense`, `offense`, `neutrality`,
//! `nonaggression`, `consultation`) sets the amity intensity of an obligation (default 1;
//! a tie takes the largest of its obligations'); `--members-only` keeps only system members. Power classes come from NMC world CINC
//! shares (superpowers are set apart), with Buzan & Wæver's "1 + 4" from 1990.
//! `--compare MAP.csv` (lines `unit,region`, `#` comments; region `insulator` marks an
//! insulator) prints, per year and on average, the adjusted Rand index of the complexes
//! found against the map's regions (over the map's region members present in the year; a
//! unit in no complex counts as a group of its own) and the map's insulators found — e.g.
//! `tests/data/bw2003_regions.csv`, Buzan & Wæver's post-Cold War map.

use rsct::boundary::{BoundaryOptions, InterdependenceOptions, analyse};
mod common;

use rsct::io::cow::{ContiguityType, Obligation};
use rsct::panel::{World, WorldBoundaryOptions, WorldRules};
use rsct::polarity::Classification;
use rsct::{Dataset, DerivationRules, UnitKind};
use std::collections::BTreeMap;
use std::error::Error;
use std::process::ExitCode;

const USAGE: &str = "usage: boundaries DATASET [--year Y] [--no-memberships] [OPTIONS]
       boundaries --cow DIR --from Y --to Y [--proximity W] [--contiguity 1-5] [--hostility H]
                  [--atop-intensity OBLIGATION=W]... [--members-only] [--compare MAP.csv] [OPTIONS]
OPTIONS: --resolution G, --seed S, --set-apart A,B, --no-preset, --json
(the example's documentation explains each option)
Exit codes: 0 success, 1 data or analysis error, 2 usage error.";

#[derive(Default)]
struct Args {
    file: Option<String>,
    cow: Option<String>,
    year: Option<i32>,
    from: Option<i32>,
    to: Option<i32>,
    json: bool,
    no_preset: bool,
    no_memberships: bool,
    apart: Vec<String>,
    proximity: Option<f64>,
    contiguity: Option<u8>,
    hostility: Option<u8>,
    members_only: bool,
    compare: Option<String>,
    atop: Vec<(String, f64)>,
}

fn main() -> ExitCode {
    common::main(USAGE, |_| run())
}

fn run() -> Result<(), Box<dyn Error>> {
    let mut a = Args::default();
    let mut opts = BoundaryOptions::new();
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        let mut value = |n: &str| it.next().ok_or_else(|| format!("{n} needs a value"));
        match arg.as_str() {
            "--year" => a.year = Some(value("--year")?.parse()?),
            "--from" => a.from = Some(value("--from")?.parse()?),
            "--to" => a.to = Some(value("--to")?.parse()?),
            "--cow" => a.cow = Some(value("--cow")?),
            "--resolution" => opts = opts.resolution(value("--resolution")?.parse()?),
            "--seed" => opts = opts.seed(value("--seed")?.parse()?),
            "--no-preset" => a.no_preset = true,
            "--set-apart" => {
                a.apart = value("--set-apart")?
                    .split(',')
                    .map(str::to_owned)
                    .collect()
            }
            "--no-memberships" => a.no_memberships = true,
            "--proximity" => a.proximity = Some(value("--proximity")?.parse()?),
            "--contiguity" => a.contiguity = Some(value("--contiguity")?.parse()?),
            "--hostility" => a.hostility = Some(value("--hostility")?.parse()?),
            "--members-only" => a.members_only = true,
            "--compare" => a.compare = Some(value("--compare")?),
            "--atop-intensity" => {
                let v = value("--atop-intensity")?;
                let (o, w) = v
                    .split_once('=')
                    .ok_or("--atop-intensity needs OBLIGATION=W")?;
                a.atop.push((o.to_owned(), w.parse()?));
            }
            "--json" => a.json = true,
            f if !f.starts_with("--") && a.file.is_none() => a.file = Some(f.to_owned()),
            other => return Err(common::unknown(other).into()),
        }
    }
    let apart: Vec<&str> = a.apart.iter().map(String::as_str).collect();
    opts = opts.set_apart(&apart);
    match (&a.file, &a.cow) {
        (Some(file), None) => dataset(file, &a, opts),
        (None, Some(dir)) => world(dir, &a, opts),
        _ => Err(common::Usage("give a data set or --cow DIR, not both".into()).into()),
    }
}

/// A data set's year.
fn dataset(file: &str, a: &Args, mut opts: BoundaryOptions) -> Result<(), Box<dyn Error>> {
    let ds = Dataset::load(file)?;
    let year = a
        .year
        .or(ds.year_span().map(|s| s.1))
        .ok_or("the data set has no dated items")?;
    let rules = if a.no_memberships {
        DerivationRules::new().without_memberships()
    } else {
        DerivationRules::new()
    };
    let g = ds.snapshot(year, &rules)?;
    let caps: BTreeMap<String, f64> = ds
        .capabilities()
        .iter()
        .filter(|c| c.year() == year)
        .map(|c| (c.unit().to_owned(), c.value()))
        .collect();
    if !a.no_preset && year >= 1990 {
        opts = opts.classes(Classification::buzan_waever_post_1990());
    }
    let institutions: Vec<&str> = ds
        .units()
        .iter()
        .filter(|u| u.kind() == UnitKind::Institution)
        .map(|u| u.id())
        .collect();
    opts = opts.institutions(&institutions);
    let report = analyse(&g, &caps, &InterdependenceOptions::new(), &opts)?;
    if a.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        println!("{}", ds.name().unwrap_or(file));
        print!("{report}");
        println!();
        print!("{}", report.explain());
    }
    Ok(())
}

/// The world of the COW family, year by year.
fn world(dir: &str, a: &Args, opts: BoundaryOptions) -> Result<(), Box<dyn Error>> {
    let w = World::load(dir)?;
    if w.sources().is_empty() {
        return Err(format!("no COW-family file found in {dir}").into());
    }
    let mut rules = WorldRules::new().members_only(a.members_only);
    if let Some(h) = a.hostility {
        rules = rules.mid_hostility_at_least(h);
    }
    for (o, w) in &a.atop {
        let o = Obligation::ALL
            .into_iter()
            .find(|x| x.as_str() == o)
            .ok_or_else(|| format!("unknown ATOP obligation {o}"))?;
        rules = rules.atop_intensity(o, *w);
    }
    let weight = a.proximity.unwrap_or(0.5);
    if weight > 0.0 {
        let t = ContiguityType::from_code(a.contiguity.unwrap_or(1))
            .ok_or("--contiguity must be 1 (land) to 5 (400 miles of water)")?;
        rules = rules.contiguity(t, weight);
    }
    let options = WorldBoundaryOptions::new()
        .boundary(opts)
        .buzan_waever_from((!a.no_preset).then_some(1990));
    let (from, to) = match (a.from, a.to, a.year) {
        (Some(f), Some(t), _) => (f, t),
        (Some(f), None, _) => (f, f),
        (None, Some(t), _) => (t, t),
        (None, None, Some(y)) => (y, y),
        (None, None, None) => (1990, 2001),
    };
    if a.json {
        let preamble = serde_json::json!({ "sources": w.sources(), "rules": rules });
        println!("{preamble}");
    } else {
        println!("Data sets (cite them):");
        for s in w.sources() {
            println!("- {} ({}): {}", s.name, s.file, s.cite);
        }
        println!("Rules: {}", serde_json::to_string(&rules)?);
    }
    let map = a.compare.as_deref().map(read_map).transpose()?;
    let mut scores = Vec::new();
    for year in from..=to {
        let report = w.boundaries(year, &rules, &options)?;
        if a.json {
            println!("{}", serde_json::to_string(&report)?);
        } else {
            println!();
            print!("{report}");
            print!("{}", report.explain());
        }
        if let Some(map) = &map {
            let (ari, n, insulators) = compare(&report, map);
            let line = format!(
                "compare {year}: adjusted Rand index {} over {n} mapped states; map insulators found as insulators: {}",
                ari.map_or("undefined".to_owned(), |x| format!("{x:.3}")),
                if insulators.is_empty() {
                    "none".to_owned()
                } else {
                    insulators.join(" ")
                }
            );
            if a.json {
                eprintln!("{line}");
            } else {
                println!("{line}");
            }
            scores.extend(ari);
        }
    }
    if !scores.is_empty() {
        let mean = scores.iter().sum::<f64>() / scores.len() as f64;
        let line = format!("compare {from}–{to}: mean adjusted Rand index {mean:.3}");
        if a.json {
            eprintln!("{line}");
        } else {
            println!("{line}");
        }
    }
    Ok(())
}

/// A reference map: `unit,region` lines, `#` comments, a header line `unit,region`.
fn read_map(path: &str) -> Result<Vec<(String, String)>, Box<dyn Error>> {
    let text = std::fs::read_to_string(path)?;
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') || line == "unit,region" {
            continue;
        }
        let (u, r) = line
            .split_once(',')
            .ok_or_else(|| format!("{path}:{}: expected unit,region", i + 1))?;
        out.push((u.trim().to_owned(), r.trim().to_owned()));
    }
    Ok(out)
}

/// The adjusted Rand index of the report's complexes against the map's regions, over the
/// map's region members that are units of the year; the number of them; the map's
/// insulators the report names as insulators.
fn compare(
    report: &rsct::boundary::BoundaryReport,
    map: &[(String, String)],
) -> (Option<f64>, usize, Vec<String>) {
    let present: std::collections::BTreeSet<&str> = report
        .complexes
        .iter()
        .flat_map(|c| c.members.iter())
        .chain(report.proto_complexes.iter().flat_map(|c| c.members.iter()))
        .chain(report.unstructured.iter())
        .chain(report.insulators.iter().map(|i| &i.unit))
        .chain(report.set_apart.iter().map(|s| &s.0))
        .map(String::as_str)
        .collect();
    let mut regions: Vec<&str> = Vec::new();
    let (mut truth, mut found) = (Vec::new(), Vec::new());
    for (u, r) in map {
        if r == "insulator" || !present.contains(u.as_str()) {
            continue;
        }
        let t = regions.iter().position(|x| x == r).unwrap_or_else(|| {
            regions.push(r);
            regions.len() - 1
        });
        truth.push(t);
        let f = report
            .complexes
            .iter()
            .position(|c| c.members.contains(u))
            .unwrap_or(10_000 + truth.len());
        found.push(f);
    }
    let insulators = map
        .iter()
        .filter(|(u, r)| r == "insulator" && report.insulators.iter().any(|i| &i.unit == u))
        .map(|(u, _)| u.clone())
        .collect();
    (
        rsct::boundary::adjusted_rand_index(&truth, &found),
        truth.len(),
        insulators,
    )
}
