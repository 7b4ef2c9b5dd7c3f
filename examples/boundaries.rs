//! Boundaries of security complexes in a data set's year.
//!
//! ```sh
//! cargo run --release --example boundaries -- data/post_soviet.toml --year 2013
//! cargo run --release --example boundaries -- data/post_soviet.toml --year 2013 --json
//! ```
//!
//! Options: `--year Y` (default: the data set's last year); `--resolution G` (default 1.0);
//! `--seed S`; `--set-apart A,B` (outside powers to set apart, like superpowers); `--no-preset` (do not apply Buzan & Wæver's post-1990 power classes, applied
//! from 1990 by default); `--no-memberships` (derive no ties from co-membership);
//! `--json` prints the `BoundaryReport` as JSON (fields as in the `rsct::boundary` docs).

use rsct::boundary::{BoundaryOptions, InterdependenceOptions, analyse};
use rsct::polarity::Classification;
use rsct::{Dataset, DerivationRules, UnitKind};
use std::collections::BTreeMap;
use std::error::Error;

fn main() -> Result<(), Box<dyn Error>> {
    let mut file = None;
    let (mut year, mut json, mut preset, mut memberships) = (None, false, true, true);
    let mut opts = BoundaryOptions::new();
    let mut apart: Vec<String> = Vec::new();
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let mut value = |n: &str| it.next().ok_or_else(|| format!("{n} needs a value"));
        match a.as_str() {
            "--year" => year = Some(value("--year")?.parse::<i32>()?),
            "--resolution" => opts = opts.resolution(value("--resolution")?.parse()?),
            "--seed" => opts = opts.seed(value("--seed")?.parse()?),
            "--no-preset" => preset = false,
            "--set-apart" => {
                apart = value("--set-apart")?
                    .split(',')
                    .map(str::to_owned)
                    .collect()
            }
            "--no-memberships" => memberships = false,
            "--json" => json = true,
            f if !f.starts_with("--") && file.is_none() => file = Some(f.to_owned()),
            other => return Err(format!("unknown argument {other}").into()),
        }
    }
    let file = file.ok_or("usage: boundaries DATASET.toml [--year Y] [--json]")?;
    let ds = Dataset::load(&file)?;
    let year = year
        .or(ds.year_span().map(|s| s.1))
        .ok_or("the data set has no dated items")?;
    let rules = if memberships {
        DerivationRules::new()
    } else {
        DerivationRules::new().without_memberships()
    };
    let g = ds.snapshot(year, &rules)?;
    let caps: BTreeMap<String, f64> = ds
        .capabilities()
        .iter()
        .filter(|c| c.year() == year)
        .map(|c| (c.unit().to_owned(), c.value()))
        .collect();
    if preset && year >= 1990 {
        opts = opts.classes(Classification::buzan_waever_post_1990());
    }
    let institutions: Vec<&str> = ds
        .units()
        .iter()
        .filter(|u| u.kind() == UnitKind::Institution)
        .map(|u| u.id())
        .collect();
    opts = opts.institutions(&institutions);
    let apart: Vec<&str> = apart.iter().map(String::as_str).collect();
    opts = opts.set_apart(&apart);
    let report = analyse(&g, &caps, &InterdependenceOptions::new(), &opts)?;
    if json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        println!("{}", ds.name().unwrap_or(&file));
        print!("{report}");
        println!();
        print!("{}", report.explain());
    }
    Ok(())
}
