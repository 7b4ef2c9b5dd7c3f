//! Evolution of the complexes of a data set over a range of years: the events with their
//! causes, and an SVG timeline written to `target/rsct/`.
//!
//! ```sh
//! cargo run --release --example evolution -- data/post_soviet.toml --from 1991 --to 2013 \
//!     --set-apart CHN,EU,IND,PAK,MNG
//! cargo run --release --example evolution -- data/europe_1872_1907.toml --json
//! ```
//!
//! Options: `--from Y --to Y` (default: the data set's span); `--set-apart A,B` (outside
//! powers set apart like superpowers); `--no-preset` (no Buzan–Wæver post-1990 classes;
//! applied by default when the range starts in 1990 or later); `--all` (print status-quo
//! events too); `--json` (the events as JSON lines). The picture is written in every mode.

mod common;

use rsct::boundary::BoundaryOptions;
use rsct::evolution::{EvolutionOptions, Series, Transformation, series};
use rsct::polarity::Classification;
use rsct::report::{Band, Timeline, TimelinePanel};
use rsct::{Dataset, UnitKind};
use std::collections::BTreeSet;
use std::error::Error;
use std::process::ExitCode;

const USAGE: &str = "usage: evolution DATASET [--from YEAR] [--to YEAR] [--set-apart A,B,…] [--no-preset] [--all] [--json]
  DATASET          a data set (.toml or .json)
  --from, --to     the years (default: the data set's span)
  --set-apart A,B  outside powers set apart like superpowers
  --no-preset      no Buzan & Wæver post-1990 power classes (applied from 1990 by default)
  --all            print status-quo events too
  --json           the events as JSON lines
Writes the timeline to target/rsct/evolution_<name>_<from>_<to>.svg.
Exit codes: 0 success, 1 data or analysis error, 2 usage error.";

/// The timeline: per complex (by name), members, balance, frustration, enmity share,
/// polarity and character.
pub(crate) fn timeline(s: &Series, title: String, from: i32) -> Timeline {
    let names: BTreeSet<&str> = s
        .years
        .iter()
        .flat_map(|y| y.complexes.iter().map(|c| c.name.as_str()))
        .collect();
    let pick = |name: &str,
                f: &dyn Fn(&rsct::evolution::ComplexState) -> Option<f64>|
     -> Vec<Option<f64>> {
        s.years
            .iter()
            .map(|y| y.complexes.iter().find(|c| c.name == name).and_then(f))
            .collect()
    };
    Timeline {
        title,
        first_year: from,
        panels: vec![
            TimelinePanel {
                title: "members".into(),
                series: names
                    .iter()
                    .map(|n| ((*n).to_owned(), pick(n, &|c| Some(c.members.len() as f64))))
                    .collect(),
            },
            TimelinePanel {
                title: "strict triangle balance of the members' ties".into(),
                series: names
                    .iter()
                    .map(|n| ((*n).to_owned(), pick(n, &|c| c.triangle_balance)))
                    .collect(),
            },
            TimelinePanel {
                title: "frustration index of the members' ties".into(),
                series: names
                    .iter()
                    .map(|n| ((*n).to_owned(), pick(n, &|c| c.frustration)))
                    .collect(),
            },
            TimelinePanel {
                title: "enmity share of internal interdependence".into(),
                series: names
                    .iter()
                    .map(|n| ((*n).to_owned(), pick(n, &|c| c.enmity_share)))
                    .collect(),
            },
        ],
        bands: names
            .iter()
            .flat_map(|n| {
                let pol = Band {
                    label: format!("{n}: polarity"),
                    values: s
                        .years
                        .iter()
                        .map(|y| {
                            y.complexes
                                .iter()
                                .find(|c| c.name == *n)
                                .and_then(|c| c.polarity.as_ref().map(words))
                        })
                        .collect(),
                };
                let ch = Band {
                    label: format!("{n}: character"),
                    values: s
                        .years
                        .iter()
                        .map(|y| {
                            y.complexes
                                .iter()
                                .find(|c| c.name == *n)
                                .and_then(|c| c.character.as_ref().map(words))
                        })
                        .collect(),
                };
                [pol, ch]
            })
            .collect(),
    }
}

/// A category as words, the way the JSON output names it ("conflict_formation" →
/// "conflict formation"), so that every band reads in one style.
fn words<T: serde::Serialize>(t: &T) -> String {
    serde_json::to_value(t)
        .ok()
        .and_then(|v| v.as_str().map(|s| s.replace('_', " ")))
        .unwrap_or_default()
}

fn main() -> ExitCode {
    common::main(USAGE, run)
}

fn run(mut args: common::Args) -> Result<(), Box<dyn Error>> {
    let (mut file, mut from, mut to) = (None, None, None);
    let (mut json, mut all, mut preset) = (false, false, true);
    let mut apart: Vec<String> = Vec::new();
    while let Some(a) = args.next() {
        match a.as_str() {
            "--from" => from = Some(args.value::<i32>("--from")?),
            "--to" => to = Some(args.value::<i32>("--to")?),
            "--set-apart" => apart = args.list("--set-apart")?,
            "--no-preset" => preset = false,
            "--all" => all = true,
            "--json" => json = true,
            f if !f.starts_with('-') && file.is_none() => file = Some(f.to_owned()),
            other => return Err(common::unknown(other).into()),
        }
    }
    let file = file.ok_or_else(|| common::Usage("no data set given".into()))?;
    let ds = Dataset::load(&file)?;
    let span = ds.year_span().ok_or("the data set has no dated items")?;
    let (from, to) = (from.unwrap_or(span.0), to.unwrap_or(span.1));
    let apart_refs: Vec<&str> = apart.iter().map(String::as_str).collect();
    let institutions: Vec<&str> = ds
        .units()
        .iter()
        .filter(|u| u.kind() == UnitKind::Institution)
        .map(|u| u.id())
        .collect();
    let mut b = BoundaryOptions::new()
        .set_apart(&apart_refs)
        .institutions(&institutions);
    if preset && from >= 1990 {
        b = b.classes(Classification::buzan_waever_post_1990());
    }
    let s = series(&ds, from, to, &EvolutionOptions::new().boundary(b))?;
    for e in &s.events {
        if !all && e.transformation == Transformation::StatusQuo {
            continue;
        }
        if json {
            println!("{}", serde_json::to_string(e)?);
        } else {
            println!("{e}");
        }
    }
    let title = format!("{} — complexes {from}–{to}", ds.name().unwrap_or(&file));
    let timeline = timeline(&s, title, from);
    let dir = std::path::Path::new("target/rsct");
    std::fs::create_dir_all(dir)?;
    let stem = std::path::Path::new(&file)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("dataset");
    let path = dir.join(format!("evolution_{stem}_{from}_{to}.svg"));
    std::fs::write(&path, timeline.to_svg())?;
    eprintln!("timeline written to {}", path.display());
    Ok(())
}
