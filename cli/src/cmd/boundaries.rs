//! `rsct boundaries`: security complexes of a data set's year.

use crate::Format;
use crate::input::{self, Result};
use rsct::boundary::{BoundaryOptions, InterdependenceOptions, analyse};
use rsct::polarity::Classification;
use rsct::{DerivationRules, UnitKind, Year};
use std::collections::BTreeMap;
use std::path::PathBuf;

/// Arguments of `rsct boundaries`.
#[derive(clap::Args)]
pub struct Args {
    /// The data set (.toml or .json).
    pub file: PathBuf,
    /// The year (default: the data set's last year).
    #[arg(long)]
    pub year: Option<Year>,
    /// Units set apart entirely, like superpowers (comma-separated ids).
    #[arg(long, value_delimiter = ',')]
    pub set_apart: Vec<String>,
    /// Derive no ties from co-membership of organisations.
    #[arg(long)]
    pub no_memberships: bool,
    /// Do not apply Buzan & Wæver's post-1990 "1 + 4" power classes.
    #[arg(long)]
    pub no_preset: bool,
    /// Seed of the community search.
    #[arg(long, default_value_t = 0)]
    pub seed: u64,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

/// Detects and describes the complexes.
pub fn run(a: &Args, out: &mut dyn std::io::Write) -> Result<()> {
    let ds = input::dataset(&a.file)?;
    let year = input::year_or_last(&ds, a.year, &a.file)?;
    for u in &a.set_apart {
        if ds.unit(u).is_none() {
            return Err(format!("--set-apart: no unit {u} in {}", a.file.display()).into());
        }
    }
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
    let institutions: Vec<&str> = ds
        .units()
        .iter()
        .filter(|u| u.kind() == UnitKind::Institution)
        .map(|u| u.id())
        .collect();
    let apart: Vec<&str> = a.set_apart.iter().map(String::as_str).collect();
    let mut opts = BoundaryOptions::new()
        .seed(a.seed)
        .institutions(&institutions)
        .set_apart(&apart);
    if !a.no_preset && year >= 1990 {
        opts = opts.classes(Classification::buzan_waever_post_1990());
    }
    let report = analyse(&g, &caps, &InterdependenceOptions::new(), &opts)?;
    if a.format == Format::Json {
        writeln!(out, "{}", serde_json::to_string(&report)?)?;
    } else {
        writeln!(out, "{}, {year}", ds.name().unwrap_or("data set"))?;
        write!(out, "{report}")?;
        writeln!(out)?;
        write!(out, "{}", report.explain())?;
    }
    Ok(())
}
